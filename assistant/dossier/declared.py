"""Documents a request only names: the name as people write it ("CCCD", "birth certificate", "شهادة الميلاد",
"so ho khau") is given the Vietnamese title the glossary knows for it, so it can be matched like a scanned title."""

from __future__ import annotations

from assistant.dossier.aliases import aliases, glossary_titles, spell_out
from assistant.dossier.splitting import Document, declared_document
from knowledge.text import comparison_form, has_vietnamese_diacritics


def declared(name: str, text: str) -> Document:
    """A named document, its title replaced by the glossary's Vietnamese term when the name is one of its words."""
    document = declared_document(name, text)
    titles = glossary_titles(name)
    if not titles or comparison_form(titles[0]) == comparison_form(name):
        return document
    if has_vietnamese_diacritics(name):
        # a Vietnamese name keeps its words; only short forms in it are spelled out ("CCCD của mẹ")
        document.title = spell_out(name) if document.title == name else document.title
        return document
    document.head = [*titles, *document.head]
    covered = sum(len(alias) for alias, vi in aliases() if vi in titles and alias in comparison_form(name))
    if covered >= 0.5 * len(comparison_form(name)):
        document.title = titles[0]
    return document
