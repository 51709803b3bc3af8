"""The glossary's names for documents (abbreviations, variants, other languages), for declared names and for
component names that abbreviate ("Sổ BHXH")."""

from __future__ import annotations

from functools import lru_cache

from knowledge.glossary import bundled_glossary
from knowledge.text import comparison_form

_MIN_ALIAS = 3


@lru_cache(maxsize=1)
def aliases() -> tuple[tuple[str, str], ...]:
    """(alias in comparison form, Vietnamese term) for every document word of the glossary, longest first."""
    pairs: dict[str, str] = {}
    for entry in bundled_glossary():
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
    for alias, vietnamese in aliases():
        pattern = f" {alias} " if alias.isascii() else alias
        if pattern in text:
            if vietnamese not in titles:
                titles.append(vietnamese)
            text = text.replace(pattern.strip(), " ")
    return titles


def spell_out(name: str) -> str:
    """The name with abbreviations of document words replaced by the Vietnamese term ("CCCD của mẹ")."""
    words = name.split()
    out: list[str] = []
    for word in words:
        key = comparison_form(word)
        term = abbreviations().get(key)
        out.append(term if term else word)
    return " ".join(out)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return {comparison_form(a): entry.vi for entry in bundled_glossary() if entry.kind == "document"
            for a in entry.abbreviations if len(a) >= 2}


def abbreviated_terms(phrase: str) -> list[str]:
    """Vietnamese terms of the document abbreviations a phrase uses ("Sổ BHXH" -> "sổ bảo hiểm xã hội")."""
    text = f" {comparison_form(phrase)} "
    found: list[str] = []
    for alias, vietnamese in abbreviated_aliases():
        if f" {alias} " in text and vietnamese not in found:
            found.append(vietnamese)
    return found


@lru_cache(maxsize=1)
def abbreviated_aliases() -> tuple[tuple[str, str], ...]:
    pairs = {comparison_form(a): entry.vi for entry in bundled_glossary() if entry.kind == "document"
             for a in entry.abbreviations if len(a) >= 3}
    return tuple(sorted(pairs.items(), key=lambda item: len(item[0]), reverse=True))
