"""Cross-lingual glossary of Vietnamese administrative vocabulary.

The data lives in ``knowledge/glossary/*.yaml``, one file per category (documents, actions, agencies, places,
fees, people, fields, abbreviations, general). Each file is a YAML list of entries; an entry maps one Vietnamese
term (``vi``) to the words citizens type in English, Arabic, Chinese, Korean and French, plus other Vietnamese wordings
(``variants``) and short forms as people type them (``abbreviations``: lowercase, chat shorthand included).
Every Vietnamese term has exactly one entry in the whole glossary; an abbreviation may sit on any entry and may
be shared by several (``ns``, ``tt``), since short forms are ambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from knowledge.text import comparison_form

#: Languages of the glossary; ``vi`` is the key, ``en`` and ``ar`` are required, ``zh``, ``ko`` and ``fr`` optional.
GLOSSARY_LANGUAGES: tuple[str, ...] = ("vi", "en", "ar", "zh", "ko", "fr")
#: Folder of the bundled glossary files.
GLOSSARY_DIR = Path(__file__).resolve().parent / "glossary"

#: What joins the parts of a wording said apart (``GlossaryEntry.apart``).
APART = "…"

EntryKind = Literal["document", "action", "agency", "place", "fee", "person", "field", "abbreviation", "general"]


def normalize_term(text: str) -> str:
    """Return the comparison key of a term: Unicode NFC, lowercased, runs of whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def _clean(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


class GlossaryEntry(BaseModel):
    """One Vietnamese term with its translations, other Vietnamese wordings and short forms."""

    model_config = ConfigDict(extra="forbid")

    vi: str = Field(min_length=1, description="The Vietnamese term as a clerk would write it.")
    en: list[str] = Field(min_length=1, description="English renderings, the words a foreigner would type first.")
    ar: list[str] = Field(min_length=1, description="Modern Standard Arabic renderings.")
    zh: list[str] = Field(default_factory=list, description="Simplified Chinese renderings, where known well.")
    ko: list[str] = Field(default_factory=list, description="Korean renderings, where known well.")
    fr: list[str] = Field(default_factory=list, description="French renderings, where known well.")
    kind: EntryKind
    variants: list[str] = Field(default_factory=list, description="Other Vietnamese ways to say the same thing.")
    abbreviations: list[str] = Field(default_factory=list, description="Lowercase short forms as people type them.")
    apart: list[str] = Field(default_factory=list, description=(
        "Vietnamese wordings whose parts a question may say a few words apart, the parts joined by '…': "
        "'sổ đỏ … ghi sai' is met by 'sổ đỏ mới cấp ghi sai tên'."))
    note: str | None = Field(default=None, description="Short English explanation.")

    @field_validator("vi", "note")
    @classmethod
    def _check_text(cls, value: str | None) -> str | None:
        """Normalize to NFC with single spaces; reject blank text."""
        if value is None:
            return None
        value = _clean(value)
        if not value:
            raise ValueError("must not be blank")
        return value

    @field_validator("en", "ar", "zh", "ko", "fr", "variants", "abbreviations", "apart")
    @classmethod
    def _check_list(cls, values: list[str]) -> list[str]:
        """Normalize every item; reject blank and repeated items."""
        cleaned = [_clean(item) for item in values]
        if any(not item for item in cleaned):
            raise ValueError("must not contain blank items")
        repeated = sorted({item for item in cleaned if cleaned.count(item) > 1})
        if repeated:
            raise ValueError(f"repeated items: {repeated}")
        return cleaned

    @field_validator("apart")
    @classmethod
    def _check_parts(cls, values: list[str]) -> list[str]:
        """A wording said apart has at least two non-blank parts."""
        single = [item for item in values if len([p for p in item.split(APART) if p.strip()]) < 2]
        if single:
            raise ValueError(f"a wording said apart needs parts joined by {APART!r}: {single}")
        return values

    @field_validator("abbreviations")
    @classmethod
    def _check_lowercase(cls, values: list[str]) -> list[str]:
        """Short forms are stored lowercase, the way people type them."""
        upper = [item for item in values if item != item.lower()]
        if upper:
            raise ValueError(f"abbreviations must be lowercase: {upper}")
        return values

    def terms(self, language: str) -> list[str]:
        """Return the surface forms of one language (for ``vi``: term, variants and abbreviations)."""
        if language == "vi":
            return [self.vi, *self.variants, *self.abbreviations]
        if language not in GLOSSARY_LANGUAGES:
            raise ValueError(f"unknown glossary language {language!r}; expected one of {GLOSSARY_LANGUAGES}")
        return list(getattr(self, language))


def load_glossary(directory: Path | None = None) -> list[GlossaryEntry]:
    """Load and validate every ``*.yaml`` file of ``directory`` (default: the bundled glossary).

    Files are read in name order and entries keep their file order. Raises ``ValueError`` naming the file and
    the entry (position and ``vi``) on unreadable YAML, a malformed entry or a Vietnamese term defined twice.
    """
    folder = GLOSSARY_DIR if directory is None else Path(directory)
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise ValueError(f"{folder}: no glossary files (*.yaml)")
    entries: list[GlossaryEntry] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ValueError(f"{path}: cannot read glossary file: {exc}") from exc
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a YAML list of entries, got {type(data).__name__}")
        for index, item in enumerate(data, start=1):
            where = f"{path}: entry {index}"
            if not isinstance(item, dict):
                raise ValueError(f"{where}: expected a mapping, got {type(item).__name__}")
            where += f" (vi={item.get('vi')!r})"
            try:
                entry = GlossaryEntry.model_validate(item)
            except ValidationError as exc:
                raise ValueError(f"{where}: {exc}") from exc
            key = normalize_term(entry.vi)
            if key in seen:
                raise ValueError(f"{where}: duplicate Vietnamese term, already defined in {seen[key]}")
            seen[key] = f"{path.name} entry {index}"
            entries.append(entry)
    return entries


@lru_cache(maxsize=1)
def bundled_glossary() -> list[GlossaryEntry]:
    """The bundled glossary, read once per process (parsing it takes about half a second); do not mutate it."""
    return load_glossary()


_CAPITALS = re.compile(r"\b[A-ZĐ][A-ZĐ0-9]{2,}\b")
_CODE = re.compile(r"\S*\d\S*")  # "38/2015/TT-BTC", "01/GTGT", "BM.NCC.20.01": codes, whose parts are no short forms


@lru_cache(maxsize=1)
def one_word_short_forms() -> dict[str, str]:
    """One-word short forms of the bundled glossary ("bhxh", "ubnd", "tnhh"; at least three letters, in comparison
    form) -> their Vietnamese term, for the short forms that name one term only."""
    meanings: dict[str, set[str]] = {}
    for entry in bundled_glossary():
        for short in entry.abbreviations:
            key = comparison_form(short)
            if len(key) >= 3 and key.isalnum():
                meanings.setdefault(key, set()).add(entry.vi)
    return {key: next(iter(terms)) for key, terms in meanings.items() if len(terms) == 1}


def _outside_codes(text: str) -> list[tuple[int, str]]:
    """(offset, piece) of the text between the codes it cites, where a capitalised word may be a short form."""
    pieces, start = [], 0
    for code in _CODE.finditer(text):
        pieces.append((start, text[start:code.start()]))
        start = code.end()
    pieces.append((start, text[start:]))
    return pieces


def _short_forms_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, Vietnamese term) of each capitalised short form the glossary knows, outside cited codes."""
    forms = one_word_short_forms()
    found = []
    for offset, piece in _outside_codes(text):
        for match in _CAPITALS.finditer(piece):
            term = forms.get(comparison_form(match.group(0)))
            if term:
                found.append((offset + match.start(), offset + match.end(), term))
    return found


def spelled_out(text: str) -> list[str]:
    """The glossary terms of the capitalised short forms an official text uses ("công ty TNHH" -> "công ty trách
    nhiệm hữu hạn"), so that a record written with "TNHH" and a question written in full still meet. Only words in
    capitals count: names write their short forms that way, and "dk" or "đt" in lowercase may be anything. Parts of
    a cited code ("Thông tư 38/2015/TT-BTC", "mẫu 01/GTGT") are not short forms."""
    return list(dict.fromkeys(term for _, _, term in _short_forms_in(text)))


@lru_cache(maxsize=16384)
def spelled_out_name(name: str) -> str | None:
    """The name or document title with its capitalised short forms written out in place ("Cấp lại ... sổ BHXH" ->
    "Cấp lại ... sổ bảo hiểm xã hội"; "Bản sao CMND/CCCD" -> "Bản sao chứng minh nhân dân/căn cước công dân"), or
    None when it has none the glossary knows: a question typing "bhxh" is read as "bảo hiểm xã hội", and should meet
    the name as well as one typing the words. Cited codes are left as written."""
    found = _short_forms_in(name)
    if not found:
        return None
    out, last = [], 0
    for start, end, term in found:
        out += [name[last:start], term]
        last = end
    return "".join(out) + name[last:]
