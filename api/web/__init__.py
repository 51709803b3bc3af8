"""The web pages: kiosk, staff console, admin dashboard and the printable procedure page (templates, local assets
and per-language message catalogs; nothing is loaded from another host)."""
