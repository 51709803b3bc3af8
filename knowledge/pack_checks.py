"""Consistency checks over a whole curated pack (``motcua pack validate`` and the test suite run them)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml

from knowledge.pack_schema import (
    PACK_LANGUAGES,
    PackProcedure,
    bundled_pack_dir,
    load_pack_entry,
    load_pack_manifest,
    pack_files,
)
from knowledge.text import fold

_NUMBER_RE = re.compile(r"\d[\d.,]*\d|\d")
_INSTRUMENT_RE = re.compile(r"\b\d+/\d{4}/[A-ZĐa-zđ0-9\-]+")


def numbers_in(text: str) -> set[str]:
    """Numbers in a text with thousands separators removed (20.000 == 20,000 == 20000)."""
    return {n.replace(",", "").replace(".", "") for n in _NUMBER_RE.findall(text)}


def _vietnamese_text(entry: PackProcedure) -> str:
    return yaml.safe_dump(entry.model_dump(mode="json", exclude={"translations"}), allow_unicode=True)


def check_entry(entry: PackProcedure) -> list[str]:
    """Problems of one procedure file, each starting with its code."""
    problems: list[str] = []
    say = problems.append
    ids = [c.id for c in entry.components]
    if len(ids) != len(set(ids)):
        say(f"{entry.code}: duplicate component ids")
    for component in entry.components:
        if not component.name.strip():
            say(f"{entry.code}: component {component.id} has no name")
    vi_text = _vietnamese_text(entry)
    vi_numbers = numbers_in(vi_text)
    for language in PACK_LANGUAGES:
        tr = entry.translations[language]
        where = f"{entry.code} [{language}]"
        for name in ("name", "summary", "steps_summary", "where_to_submit"):
            if not str(getattr(tr, name)).strip():
                say(f"{where}: {name} is empty")
        if not tr.aliases:
            say(f"{where}: no aliases")
        if set(tr.components) != set(ids):
            say(f"{where}: components differ from the Vietnamese ids ({sorted(set(ids) ^ set(tr.components))})")
        if set(tr.channels) != {c.kind for c in entry.channels}:
            say(f"{where}: channels differ from the Vietnamese channel kinds")
        extra = numbers_in(tr.model_dump_json()) - vi_numbers
        if extra:
            say(f"{where}: numbers not in the Vietnamese record: {sorted(extra)}")
        for instrument in _INSTRUMENT_RE.findall(tr.model_dump_json()):
            if instrument not in vi_text:
                say(f"{where}: instrument number {instrument} not in the Vietnamese record")
        for channel in entry.channels:
            stated = numbers_in(tr.channels.get(channel.kind, ""))
            for fee in channel.fees:
                if fee.amount_vnd and str(fee.amount_vnd) not in stated:
                    say(f"{where}: {channel.kind} fee {fee.amount_vnd} missing from the translation")
            if channel.time and channel.time.value is not None:
                value = f"{channel.time.value:g}"
                if value not in stated:
                    say(f"{where}: {channel.kind} time {value} missing from the translation")
    return problems


def check_aliases(entries: list[PackProcedure]) -> list[str]:
    """Every alias belongs to one procedure unless each procedure using it lists it in ``shared_aliases``."""
    owners: dict[str, set[str]] = defaultdict(set)
    shared: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        names = [*entry.aliases, *entry.shared_aliases]
        for tr in entry.translations.values():
            names.extend(tr.aliases)
        for alias in names:
            owners[fold(alias)].add(entry.code)
        for alias in entry.shared_aliases:
            shared[fold(alias)].add(entry.code)
    problems = []
    for alias, codes in sorted(owners.items()):
        if len(codes) > 1 and not codes <= shared[alias]:
            unmarked = sorted(codes - shared[alias])
            problems.append(f"alias {alias!r} used by {sorted(codes)} but not marked shared by {unmarked}")
    return problems


def check_pack(directory: Path | None = None) -> list[str]:
    """All problems of a pack folder (default: the bundled pack). An empty list means the pack is valid."""
    directory = directory or bundled_pack_dir()
    problems: list[str] = []
    entries: list[PackProcedure] = []
    for file in pack_files(directory):
        try:
            entry = load_pack_entry(file)
        except ValueError as exc:
            problems.append(f"{file.name}: {exc}")
            continue
        if file.stem != entry.code:
            problems.append(f"{file.name}: file name does not match code {entry.code}")
        entries.append(entry)
        problems.extend(check_entry(entry))
    try:
        expected = set(load_pack_manifest(directory).procedures)
    except (OSError, ValueError) as exc:
        return [*problems, f"pack.yaml: {exc}"]
    present = {e.code for e in entries}
    problems.extend(f"missing procedure {code}" for code in sorted(expected - present))
    if expected:
        problems.extend(f"procedure {code} is not listed in pack.yaml" for code in sorted(present - expected))
    problems.extend(check_aliases(entries))
    return problems


def coverage_table(directory: Path | None = None) -> str:
    """A Markdown table of the pack's coverage by field."""
    rows: dict[str, list[PackProcedure]] = defaultdict(list)
    for file in pack_files(directory or bundled_pack_dir()):
        entry = load_pack_entry(file)
        rows[entry.field].append(entry)
    lines = ["| field | procedures | components | aliases (vi/en/ar) | languages |", "|---|---:|---:|---|---|"]
    for name, group in sorted(rows.items(), key=lambda item: (-len(item[1]), item[0])):
        vi = sum(len(e.aliases) + len(e.shared_aliases) for e in group)
        en = sum(len(e.translations["en"].aliases) for e in group)
        ar = sum(len(e.translations["ar"].aliases) for e in group)
        comps = sum(len(e.components) for e in group)
        langs = "vi, " + ", ".join(sorted({lang for e in group for lang in e.translations}))
        lines.append(f"| {name} | {len(group)} | {comps} | {vi}/{en}/{ar} | {langs} |")
    total = sum(len(g) for g in rows.values())
    lines.append(f"| **total** | **{total}** | {sum(len(e.components) for g in rows.values() for e in g)} | | |")
    return "\n".join(lines)
