"""Word-by-word renderings of Vietnamese procedure names from the glossary, for records without a translation.

Only the 75 curated records carry hand-written names in other languages; the other national records are named in
Vietnamese only. A foreigner still needs to know what "Cấp giấy phép khai thác nước dưới đất" is about, so the name
is rendered term by term: the longest glossary term at each position (the official Vietnamese ``vi``, and the
``variants`` of fields, agencies and places; colloquial variants of actions may mean something else in a name),
its first rendering in the asked language, linking words from ``rendering.yaml``. Vietnamese word order is kept
(head first), so the result reads as a gloss ("issuance permit exploitation groundwater"), which is why it is
always shown marked as a glossary rendering and with the official Vietnamese name beside it. A name whose content
words the glossary covers less than ``min_coverage`` gets no rendering at all: half a translation misleads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.glossary import GlossaryEntry, normalize_term
from knowledge.model import Procedure

#: Linking words and coverage threshold, beside this module.
RENDERING_CONFIG = Path(__file__).resolve().parent / "rendering.yaml"
#: Languages a name is rendered into.
RENDERED_LANGUAGES = ("en", "ar", "zh", "ko", "fr")
#: Languages written without spaces between words.
_UNSPACED = frozenset({"zh"})
#: Glossary kinds whose variants are other names of the same thing, safe to render from.
_NAMING_KINDS = frozenset({"field", "agency", "place"})
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Rendering:
    """A rendered name and the share of the name's content words the glossary covered."""

    text: str
    coverage: float


class NameRenderer:
    """Renders Vietnamese names term by term; built once from the glossary."""

    def __init__(self, glossary: list[GlossaryEntry], config_path: Path = RENDERING_CONFIG) -> None:
        config = yaml.safe_load(config_path.read_text("utf-8"))
        self.min_coverage: float = float(config["min_coverage"])
        self.marked: dict[str, str] = config["marked"]
        #: words dropped from the rendering and from the coverage count ("Thủ tục" in front of some names)
        self.dropped = [tuple(normalize_term(w).split()) for w in config["dropped"]]
        self.linking: dict[tuple[str, ...], dict[str, str]] = {
            tuple(normalize_term(vi).split()): {lang: str(text) for lang, text in per_language.items()}
            for vi, per_language in config["linking"].items()
        }
        self.terms: dict[tuple[str, ...], GlossaryEntry] = {}
        #: term lengths by first word, longest first (a name's words are looked up only where a term starts)
        self.lengths: dict[str, list[int]] = {}
        for entry in glossary:
            if entry.kind == "abbreviation" and not entry.zh:
                continue  # chat shorthand ("có", "được"): a name's "có" is a linking word, not "yes"
            # the official term, and other wordings only of names of things (fields, agencies, places): the
            # variants of actions are colloquial ("nhập khẩu" for joining a household) and mean else in a name
            variants = entry.variants if entry.kind in _NAMING_KINDS else []
            for surface in (entry.vi, *variants):
                key = tuple(_TOKEN.findall(normalize_term(surface)))
                if key and key not in self.terms:
                    self.terms[key] = entry
                    self.lengths.setdefault(key[0], []).append(len(key))
        for lengths in self.lengths.values():
            lengths.sort(reverse=True)

    def render(self, name: str, language: str) -> Rendering | None:
        """The name rendered into ``language``, or ``None`` when the glossary covers too little of it."""
        tokens = _TOKEN.findall(name)
        lowered = [normalize_term(t) for t in tokens]
        out: list[str] = []
        covered = total = 0
        position = next((len(d) for d in self.dropped if tuple(lowered[: len(d)]) == d), 0)
        while position < len(tokens):
            length, entry = self._longest_term(lowered, position)
            if entry is not None:
                renderings = getattr(entry, language, [])
                total += length
                if renderings:
                    covered += length
                    out.append(renderings[0])
                else:
                    out.extend(tokens[position : position + length])
                position += length
                continue
            word, plain = tokens[position], lowered[position]
            linking = self._linking(lowered, position)
            if linking is not None:
                if linking[1].get(language):
                    out.append(linking[1][language])
                position += linking[0]
                continue
            if plain.isdigit() or not plain[:1].isalnum():
                out.append(word)
            else:
                total += 1
                out.append(word)
            position += 1
        coverage = covered / total if total else 0.0
        if coverage < self.min_coverage:
            return None
        return Rendering(_join(out, language), round(coverage, 3))

    def attach(self, procedures: Iterable[Procedure]) -> int:
        """Give every record without a translation in a language its marked rendering there; returns how many
        names were rendered."""
        count = 0
        for procedure in procedures:
            for language in RENDERED_LANGUAGES:
                if language in procedure.translations:
                    continue
                rendering = self.render(procedure.name, language)
                if rendering is not None:
                    procedure.rendered_names[language] = self.marked[language].format(name=rendering.text)
                    count += 1
        return count

    def _longest_term(self, lowered: list[str], start: int) -> tuple[int, GlossaryEntry | None]:
        for length in self.lengths.get(lowered[start], ()):
            entry = self.terms.get(tuple(lowered[start : start + length]))
            if entry is not None:
                return length, entry
        return 0, None


    def _linking(self, lowered: list[str], start: int) -> tuple[int, dict[str, str]] | None:
        for length in (2, 1):
            found = self.linking.get(tuple(lowered[start : start + length]))
            if found is not None and start + length <= len(lowered):
                return length, found
        return None


def _join(parts: list[str], language: str) -> str:
    """Words joined as the language writes them; no space before closing punctuation or after an opening one."""
    separator = "" if language in _UNSPACED else " "
    text = ""
    for part in parts:
        glued = not text or part in ",.;:)" or text.endswith("(")
        if glued or (separator == "" and _is_cjk(part[:1]) and _is_cjk(text[-1:])):
            text += part
        else:
            text += " " + part
    text = text.strip()
    return text[:1].upper() + text[1:] if language in {"en", "fr"} else text


def _is_cjk(char: str) -> bool:
    return bool(char) and ("\u3000" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")
