"""Parsing quality over parsed records: what share of each section came out structured, and the worst records.

``measure`` works on any reader's output; it reads the original section texts from ``source_sections`` (keys of
the national-portal export or of the guide readers) to tell "the source had it" from "the parser missed it".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.readers.dvc_component_text import ANY_COUNT_RE
from ingest.readers.fees import states_vnd_amount
from knowledge.model import Procedure

_COMPONENT_KEYS = ("thanh_phan_ho_so", "components", "present")
_CHANNEL_KEYS = ("cach_thuc_thuc_hien", "channels", "time", "fee")
_LEGAL_KEYS = ("can_cu_phap_ly", "legal")
_RESULT_KEYS = ("ket_qua_xu_ly", "results")
_STEP_KEYS = ("trinh_tu_thuc_hien", "steps")
_DVC_TABLE_HEAD = "Tên giấy tờ"
_EMPTY_RE = re.compile(r"^\W*(?:không có thông tin|không|không quy định)?\W*$", re.IGNORECASE)
#: Table headers leaking into a name: the column titles, or 'Số lượng' glued to a word.
_HEADER_LEAK_RE = re.compile(r"Tên giấy tờ|Mẫu đơn, tờ khai|(?<=\S)Số lượng|^Số lượng$")
#: A quantity cell leaking into a name: '...1 bản chính' at the end or glued to the next word.
_CELL_LEAK_RE = re.compile(r"\d bản chính(?:,\s?\d+ bản sao)?(?:$|(?=[^\s,.;:)]))")


@dataclass
class RecordQuality:
    """One record's problems and score (1.0 = nothing wrong)."""

    uid: str
    code: str | None
    name: str
    score: float
    problems: list[str]


@dataclass
class QualityReport:
    """Counts over a corpus; see ``render_report``."""

    records: int = 0
    with_component_table: int = 0
    yielding_components: int = 0
    components: int = 0
    names_with_headers: int = 0
    names_with_copy_cells: int = 0
    names_with_count_prose: int = 0
    component_notes: int = 0
    channels: int = 0
    channels_with_time: int = 0
    channels_with_unit: int = 0
    fees: int = 0
    fees_with_number: int = 0
    fees_with_amount: int = 0
    free_fees: int = 0
    with_legal_source: int = 0
    with_legal_rows: int = 0
    legal_rows: int = 0
    legal_rows_with_number: int = 0
    with_results_source: int = 0
    with_results: int = 0
    with_steps_source: int = 0
    with_steps: int = 0
    records_scored: list[RecordQuality] = field(default_factory=list)

    def worst(self, n: int = 15) -> list[RecordQuality]:
        """The ``n`` lowest-scoring records that have any problem."""
        flawed = [r for r in self.records_scored if r.problems]
        return sorted(flawed, key=lambda r: (r.score, r.uid))[:n]


def _section(record: Procedure, keys: tuple[str, ...]) -> str:
    return "\n".join(record.source_sections[k] for k in keys if k in record.source_sections)


def _states_something(text: str) -> bool:
    return bool(text.strip()) and not _EMPTY_RE.match(text.strip()) and text.strip() != "--"


def has_component_table(record: Procedure) -> bool:
    """The source lists dossier components (the portal's table head, or any text in a guide's section)."""
    text = _section(record, _COMPONENT_KEYS)
    if record.provenance.source_kind == "dvc":
        return _DVC_TABLE_HEAD in text
    return _states_something(text)


def _component_problems(report: QualityReport, record: Procedure, problems: list[str]) -> float:
    penalty = 0.0
    table = has_component_table(record)
    report.with_component_table += table
    report.yielding_components += table and bool(record.components)
    report.components += len(record.components)
    report.component_notes += len(record.component_notes)
    if table and not record.components:
        problems.append("component table but no components")
        penalty += 0.5
    headers = sum(bool(_HEADER_LEAK_RE.search(c.name)) for c in record.components)
    cells = sum(bool(_CELL_LEAK_RE.search(c.name)) for c in record.components)
    report.names_with_headers += headers
    report.names_with_copy_cells += cells
    report.names_with_count_prose += sum(bool(ANY_COUNT_RE.search(c.name)) for c in record.components)
    if headers or cells:
        problems.append(f"{headers + cells} component names with table headers or copy counts")
        penalty += 0.3
    return penalty


def _channel_problems(report: QualityReport, record: Procedure, problems: list[str]) -> float:
    penalty = 0.0
    channels = record.channels
    report.channels += len(channels)
    report.channels_with_time += sum(1 for c in channels if c.time is not None and c.time.value is not None)
    with_unit = sum(1 for c in channels if c.time is not None and c.time.unit is not None)
    report.channels_with_unit += with_unit
    if not channels and _states_something(_section(record, _CHANNEL_KEYS)):
        problems.append("channel section but no channels")
        penalty += 0.3
    elif channels and with_unit < len(channels):
        problems.append(f"{len(channels) - with_unit}/{len(channels)} channels without a time unit")
        penalty += 0.15 * (len(channels) - with_unit) / len(channels)
    fees = [fee for c in channels for fee in c.fees]
    numbered = [f for f in fees if states_vnd_amount(f.text)]
    missed = sum(1 for f in numbered if f.amount_vnd is None)
    report.fees += len(fees)
    report.free_fees += sum(1 for f in fees if f.free)
    report.fees_with_number += len(numbered)
    report.fees_with_amount += len(numbered) - missed
    if missed:
        problems.append(f"{missed} fees state an amount that was not parsed")
        penalty += 0.2
    return penalty


def _section_problems(report: QualityReport, record: Procedure, problems: list[str]) -> float:
    penalty = 0.0
    checks = (
        (_LEGAL_KEYS, bool(record.legal_basis), "legal basis", 0.1),
        (_RESULT_KEYS, bool(record.results), "results", 0.1),
        (_STEP_KEYS, bool(record.steps), "steps", 0.1),
    )
    for keys, parsed, label, weight in checks:
        source = _states_something(_section(record, keys))
        if label == "legal basis":
            report.with_legal_source += source
            report.with_legal_rows += parsed
        elif label == "results":
            report.with_results_source += source
            report.with_results += parsed
        else:
            report.with_steps_source += source
            report.with_steps += parsed
        if source and not parsed:
            problems.append(f"{label} section but nothing parsed")
            penalty += weight
    report.legal_rows += len(record.legal_basis)
    report.legal_rows_with_number += sum(1 for row in record.legal_basis if row.number)
    return penalty


def measure(procedures: Iterable[Procedure]) -> QualityReport:
    """Quality counts over ``procedures`` and a score per record."""
    report = QualityReport()
    for record in procedures:
        report.records += 1
        problems: list[str] = []
        penalty = _component_problems(report, record, problems)
        penalty += _channel_problems(report, record, problems)
        penalty += _section_problems(report, record, problems)
        score = round(max(0.0, 1.0 - penalty), 3)
        report.records_scored.append(RecordQuality(record.uid, record.code, record.name, score, problems))
    return report


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def _rows(report: QualityReport) -> list[tuple[str, int, int | None, str]]:
    r = report
    return [
        ("Records", r.records, None, ""),
        ("Records with a component table", r.with_component_table, r.records, ""),
        ("  ... yielding components", r.yielding_components, r.with_component_table, ">= 98%"),
        ("Components", r.components, None, ""),
        ("  names with table headers", r.names_with_headers, r.components, "0"),
        ("  names with copy-count cells", r.names_with_copy_cells, r.components, "0"),
        ("  names mentioning counts in prose (info)", r.names_with_count_prose, r.components, ""),
        ("Component notes", r.component_notes, None, ""),
        ("Channels", r.channels, None, ""),
        ("  with a processing time", r.channels_with_time, r.channels, ""),
        ("  with a time unit", r.channels_with_unit, r.channels, ""),
        ("Fees", r.fees, None, ""),
        ("  free", r.free_fees, r.fees, ""),
        ("  stating an amount in VND", r.fees_with_number, r.fees, ""),
        ("  ... with amount_vnd parsed", r.fees_with_amount, r.fees_with_number, ">= 95%"),
        ("Records with a legal-basis section", r.with_legal_source, r.records, ""),
        ("  ... with legal-basis rows", r.with_legal_rows, r.with_legal_source, ""),
        ("Legal-basis rows with a number", r.legal_rows_with_number, r.legal_rows, ""),
        ("Records with a results section", r.with_results_source, r.records, ""),
        ("  ... with results", r.with_results, r.with_results_source, ""),
        ("Records with a steps section", r.with_steps_source, r.records, ""),
        ("  ... with steps", r.with_steps, r.with_steps_source, ""),
    ]


def render_report(report: QualityReport, worst: int = 15) -> str:
    """A plain-text table of the counts, then the worst records with what is wrong in each."""
    lines = [f"{'Metric':<46}{'Count':>9}{'Of':>9}{'%':>8}  Target", "-" * 80]
    for label, count, whole, target in _rows(report):
        of = f"{whole:>9,}" if whole is not None else " " * 9
        pct = _pct(count, whole) if whole is not None else ""
        lines.append(f"{label:<46}{count:>9,}{of}{pct:>8}  {target}".rstrip())
    flawed = report.worst(worst)
    if flawed:
        lines += ["", f"Worst {len(flawed)} records", f"{'score':>5}  {'code':<10}  problems", "-" * 80]
        for rec in flawed:
            lines.append(f"{rec.score:>5.2f}  {rec.code or rec.uid:<10}  {'; '.join(rec.problems)}")
    return "\n".join(lines)
