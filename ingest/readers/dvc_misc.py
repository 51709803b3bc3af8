"""Smaller sections of a national-portal record: steps, results, requirements, lists, related procedures."""

from __future__ import annotations

import re

from ingest.readers.dvc_sections import strip_boilerplate
from ingest.readers.fields import clean_text
from knowledge.model import Result, Step

_NO_INFO_RE = re.compile(r"^(?:không có thông tin|không|không có|không quy định|--|-)\.?$", re.IGNORECASE)
#: 'Mã: KQ.G01.000064', 'Mã: 000.00.00.G04-KQ3328' — the code runs straight into the next result's name.
_RESULT_RE = re.compile(r"(?P<name>.*?)Mã:\s*(?P<code>[A-Z0-9][A-Z0-9.\-]*\d)(?![\d.\-])", re.DOTALL)
_STEP_RE = re.compile(r"Bước\s*(?P<n>\d{1,2})\s*(?=[:.)\-–]|\s+[A-ZĐ]|\n)")
_STEP_PREFIX_RE = re.compile(r"(?:^|[\s.;:)])(?:[-+*•]\s*|[a-zđ]\)\s*)?$")
_ITEM_MARK_RE = re.compile(r"^\s*(?:[-+*•–]+|\(?[a-zđ]\)|\(?\d{1,2}[.)])\s*")


def is_empty(text: str) -> bool:
    """'', 'Không có thông tin', 'Không' — a section that states nothing."""
    return len(text) < 60 and bool(_NO_INFO_RE.match(clean_text(text)))


def split_list(text: str) -> list[str]:
    """'A, B (x, y), C' -> ['A', 'B (x, y)', 'C']; commas inside parentheses do not split."""
    if is_empty(text):
        return []
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in clean_text(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch in ",;" and depth <= 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [item.strip(" .") for item in items if item.strip(" .")]


def parse_results(section: str) -> list[Result]:
    """Results 'Name Mã: CODE' run together; page boilerplate after them is dropped."""
    text = strip_boilerplate(section).strip()
    if is_empty(text):
        return []
    results: list[Result] = []
    cursor = 0
    for m in _RESULT_RE.finditer(text):
        name = clean_text(_ITEM_MARK_RE.sub("", m["name"])).strip(" ;,")
        if name:
            results.append(Result(name=name, code=m["code"]))
        cursor = m.end()
    rest = clean_text(_ITEM_MARK_RE.sub("", text[cursor:])).strip(" ;,")
    if rest and not is_empty(rest):
        results.append(Result(name=rest))
    return results


def _numbered_steps(text: str, marks: list[re.Match[str]]) -> list[Step]:
    steps: list[Step] = []
    preamble = clean_text(text[: marks[0].start()])
    if len(preamble) > 15:
        steps.append(Step(order=1, text=preamble))
    numbers = [int(m["n"]) for m in marks]
    in_order = numbers == list(range(1, len(numbers) + 1))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[m.end() : end] if in_order else text[m.start() : end]
        body = clean_text(body).lstrip(":.)-– ").strip()
        if body:
            steps.append(Step(order=len(steps) + 1, text=body))
    return steps


def parse_steps(section: str) -> list[Step]:
    """Steps split at 'Bước n' marks; without marks, one step per paragraph."""
    if is_empty(section):
        return []
    marks = [m for m in _STEP_RE.finditer(section) if _STEP_PREFIX_RE.search(section, max(0, m.start() - 4), m.start())]
    if marks:
        return _numbered_steps(section, marks)
    texts: list[str] = []
    for paragraph in (clean_text(p) for p in section.split("\n")):
        if not paragraph:
            continue
        if texts and paragraph[0] in "-+*•":
            texts[-1] = f"{texts[-1]} {paragraph}"  # a sub-point belongs to the step above it
        else:
            texts.append(paragraph)
    return [Step(order=i, text=t) for i, t in enumerate(texts, start=1)]


def parse_requirements(section: str) -> list[str]:
    """Requirements, one per paragraph."""
    if is_empty(section):
        return []
    paragraphs = (clean_text(p) for p in section.split("\n"))
    return [p for p in paragraphs if p]


def parse_related(text: str) -> list[str]:
    """'#Tên thủ tục1Name#1Tên thủ tụcName' -> ['Name'] (the export repeats each name)."""
    if is_empty(text):
        return []
    names: list[str] = []
    for part in text.split("#"):
        name = clean_text(re.sub(r"Tên thủ tục|^\s*\d+|\d+\s*$", "", part))
        if name and name not in names:
            names.append(name)
    return names
