"""The dossier check's phrases in vi/en/ar/zh/ko (``messages.yaml``); other languages fall back to English."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_CATALOG = Path(__file__).resolve().parent / "messages.yaml"
LANGUAGES = ("vi", "en", "ar", "zh", "ko")


@lru_cache(maxsize=1)
def _catalog() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = yaml.safe_load(_CATALOG.read_text(encoding="utf-8"))
    return data


def summary_language(language: str | None) -> str:
    """The language a summary is written in: the one asked for when it has a catalog, else English (vi default)."""
    if not language:
        return "vi"
    return language if language in _catalog() else "en"


def say(language: str, key: str, **values: object) -> str:
    """The phrase ``key`` in ``language`` with its placeholders filled."""
    table = _catalog().get(language) or _catalog()["en"]
    template = table.get(key) or _catalog()["vi"][key]
    return template.format(**values)
