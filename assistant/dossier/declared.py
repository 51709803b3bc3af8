"""Documents a request only names: the name as people write it ("CCCD", "birth certificate", "شهادة الميلاد",
"so ho khau") is given the Vietnamese title the glossary knows for it, so it can be matched like a scanned title."""

from __future__ import annotations

from functools import lru_cache

from assistant.dossier.splitting import Document, declared_document
from knowledge.glossary import load_glossary
from knowledge.text import comparison_form, has_vietnamese_diacritics

_MIN_ALIAS = 3


@lru_cache(maxsize=1)
def _aliases() -> tuple[tuple[str, str], ...]:
    """(alias in comparison form, Vietnamese term) for every document word of the glossary, longest first."""
    pairs: dict[str, str] = {}
    for entry in load_glossary():
        if entry.kind != "document":
            continue
        names = [entry.vi, *entry.variants, *entry.abbreviations, *entry.en, *entry.ar, *entry.zh, *entry.ko]
        for name in names:
            key = comparison_form(name)
            if len(key) >= _MIN_ALIAS:
                pairs.setdefault(key, entry.vi)
    return tuple(sorted(pairs.items(), key=lambda item: len(item[0]), reverse=True))


def glossary_titles(name: str) -> list[str]:
    """Vietnamese document terms a declared name stands for (longest alias first; overlapping ones skipped)."""
    text = f" {comparison_form(name)} "
    titles: list[str] = []
    for alias, vietnamese in _aliases():
        pattern = f" {alias} " if alias.isascii() else alias
        if pattern in text:
            if vietnamese not in titles:
                titles.append(vietnamese)
            text = text.replace(pattern.strip(), " ")
    return titles


def _spell_out(name: str) -> str:
    """The name with abbreviations of document words replaced by the Vietnamese term ("CCCD của mẹ")."""
    words = name.split()
    out: list[str] = []
    for word in words:
        key = comparison_form(word)
        term = _abbreviations().get(key)
        out.append(term if term else word)
    return " ".join(out)


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {comparison_form(a): entry.vi for entry in load_glossary() if entry.kind == "document"
            for a in entry.abbreviations if len(a) >= 2}


def declared(name: str, text: str) -> Document:
    """A named document, its title replaced by the glossary's Vietnamese term when the name is one of its words."""
    document = declared_document(name, text)
    titles = glossary_titles(name)
    if not titles or comparison_form(titles[0]) == comparison_form(name):
        return document
    if has_vietnamese_diacritics(name):
        # a Vietnamese name keeps its words; only short forms in it are spelled out ("CCCD của mẹ")
        document.title = _spell_out(name) if document.title == name else document.title
        return document
    document.head = [*titles, *document.head]
    covered = sum(len(alias) for alias, vi in _aliases() if vi in titles and alias in comparison_form(name))
    if covered >= 0.5 * len(comparison_form(name)):
        document.title = titles[0]
    return document
