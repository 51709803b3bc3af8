"""The pages: ``/kiosk``, ``/staff``, ``/admin`` and the printable procedure page ``/p/{code}`` with its QR code.

Pages are rendered on the server in the chosen language (``?language=vi|en|ar|zh|ko``; Arabic right to left); the
catalog and a small configuration ride along as JSON blocks that the page's own script reads. All assets are
served from ``/static``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import fastapi_offline
import segno
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.deps import RuntimeDep, SettingsDep
from api.web.i18n import LANGUAGES, Translator, catalog, pick_language
from assistant.answers.card import build_card

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
#: Swagger UI 5 (OpenAPI 3.1) as shipped in the fastapi-offline package, served at /static/swagger/
SWAGGER_UI = Path(fastapi_offline.__file__).parent / "static"
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))

router = APIRouter(include_in_schema=False)
LanguageQuery = Annotated[str | None, Query(max_length=8)]


def render(page: str, language: str, **context: Any) -> HTMLResponse:
    """A page in ``language`` with its messages and configuration embedded as JSON."""
    direction = LANGUAGES[language][1]
    html = _env.get_template(f"{page}.html").render(
        page=page, lang=language, dir=direction, languages=LANGUAGES, t=Translator(page, language),
        catalog_json=_json(catalog(page, language)), **context,
    )
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


def _json(value: Any) -> str:
    """JSON safe inside a ``<script type="application/json">`` block."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/kiosk")


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    """OpenAPI explorer, from local assets."""
    return HTMLResponse(_env.get_template("docs.html").render())


@router.get("/kiosk", response_class=HTMLResponse)
def kiosk(settings: SettingsDep, language: LanguageQuery = None) -> HTMLResponse:
    lang = pick_language(language)
    return render("kiosk", lang, config_json=_json({"language": lang, "idle_seconds": settings.kiosk_idle_seconds,
                                                    "countdown_seconds": 15}))


@router.get("/staff", response_class=HTMLResponse)
def staff(language: LanguageQuery = None) -> HTMLResponse:
    lang = pick_language(language)
    return render("staff", lang, config_json=_json({"language": lang}))


@router.get("/admin", response_class=HTMLResponse)
def admin(language: LanguageQuery = None) -> HTMLResponse:
    lang = pick_language(language)
    return render("admin", lang, config_json=_json({"language": lang}))


@router.get("/p/{code}", response_class=HTMLResponse)
def printable(code: str, request: Request, runtime: RuntimeDep, language: LanguageQuery = None,
              ticket: Annotated[str | None, Query(pattern=r"^[A-Z]-\d{3}$")] = None) -> HTMLResponse:
    """One procedure on paper (A4 or an 80 mm receipt) or on a phone, with a QR code of its own address; with
    ``ticket`` (from "ask a clerk") the ticket number is printed at the top."""
    lang = pick_language(language)
    procedure = runtime.index().procedure(code)
    if procedure is None:
        raise HTTPException(404, f"no procedure {code!r}")
    card = build_card(procedure, lang)
    address = str(request.url_for("printable", code=code).include_query_params(language=lang))
    return render("procedure", lang, card=card, qr_svg=_qr_svg(address), address=address, ticket=ticket,
                  config_json=_json({"language": lang}))


@router.get("/p/{code}/qr.svg")
def printable_qr(code: str, request: Request, language: LanguageQuery = None) -> Response:
    """The QR code of ``/p/{code}?language=xx`` (drawn here, no service involved)."""
    lang = pick_language(language)
    address = str(request.url_for("printable", code=code).include_query_params(language=lang))
    return Response(_qr_svg(address), media_type="image/svg+xml")


def _qr_svg(text: str) -> str:
    qr = segno.make(text, error="m")
    svg: str = qr.svg_inline(scale=4, border=2, omitsize=True)
    return svg
