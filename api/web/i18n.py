"""Per-language message catalogs for the pages: JSON files under ``api/web/i18n/<page>/<language>.json``, merged
over ``common``. A missing message falls back to English, then Vietnamese, then its key (so a gap shows, never
breaks a page)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

CATALOG_ROOT = Path(__file__).parent / "i18n"
#: Each language named in itself, and its writing direction.
LANGUAGES: dict[str, tuple[str, str]] = {
    "vi": ("Tiếng Việt", "ltr"),
    "en": ("English", "ltr"),
    "ar": ("العربية", "rtl"),
    "zh": ("中文", "ltr"),
    "ko": ("한국어", "ltr"),
}
DEFAULT_LANGUAGE = "vi"
FALLBACKS = ("en", "vi")


def pick_language(requested: str | None) -> str:
    code = (requested or "").strip().lower()[:8]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=64)
def _file(page: str, language: str) -> dict[str, str]:
    path = CATALOG_ROOT / page / f"{language}.json"
    if not path.exists():
        return {}
    data: dict[str, str] = json.loads(path.read_text("utf-8"))
    return data


@lru_cache(maxsize=64)
def catalog(page: str, language: str) -> dict[str, str]:
    """Every message a page needs in ``language`` (fallbacks filled in)."""
    merged: dict[str, str] = {}
    for lang in (*reversed(FALLBACKS), language):
        merged.update(_file("common", lang))
        merged.update(_file(page, lang))
    return merged


class Translator:
    """``t("key", name=...)`` in templates: the message with ``{name}`` placeholders filled."""

    def __init__(self, page: str, language: str) -> None:
        self.messages = catalog(page, language)

    def __call__(self, key: str, **values: Any) -> str:
        text = self.messages.get(key, key)
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError):
            return text
