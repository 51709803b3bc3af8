"""``motcua inspect CODE``: a parsed record section by section, each followed by the source text it came from."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from knowledge.model import Channel, Component, Duration, Fee, Procedure

WIDTH = 110
_INDENT = "    "
#: (title, source-section keys of the portal export and of the guide readers, renderer of the parsed values)
_Section = tuple[str, tuple[str, ...], Callable[[Procedure], list[str]]]


def _wrap(text: str, indent: str = _INDENT) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]
    return lines


def _duration(time: Duration | None) -> str:
    if time is None:
        return "time: —"
    if time.value is None:
        return f"time: ? ({time.text!r})"
    value = f"{time.value:g}" + (f"–{time.value_max:g}" if time.value_max is not None else "")
    return f"time: {value} {time.unit or '(no unit)'}  [{time.text!r}]"


def _fee(fee: Fee) -> str:
    amount = "free" if fee.free else (f"{fee.amount_vnd:,} VND" if fee.amount_vnd is not None else "no amount")
    parts = [amount, fee.unit or "", f"name={fee.name!r}" if fee.name else ""]
    return " ".join(p for p in parts if p)


def _channel_lines(channel: Channel) -> list[str]:
    lines = [f"  - {channel.kind} ({channel.label})  {_duration(channel.time)}"]
    for fee in channel.fees:
        lines.append(f"      fee: {_fee(fee)}")
        lines += _wrap(f"text: {fee.text}", _INDENT + "    ")
        if fee.exemptions:
            lines += _wrap(f"exemptions: {fee.exemptions}", _INDENT + "    ")
    if channel.description:
        lines += _wrap(f"description: {channel.description}", _INDENT + "  ")
    return lines


def _component_lines(component: Component) -> list[str]:
    facts = [
        component.group,
        f"{component.originals} original(s), {component.copies} copy(ies)" if component.quantity_text else "no count",
        f"form {component.form}" if component.form else "",
        f"alternatives {component.alternative_group}" if component.alternative_group else "",
    ]
    lines = [f"  {component.id:<4} [{', '.join(f for f in facts if f)}]"]
    if component.case:
        lines += _wrap(f"case: {component.case}", _INDENT + "  ")
    lines += _wrap(component.name, _INDENT + "  ")
    if component.note:
        lines += _wrap(f"note: {component.note}", _INDENT + "  ")
    return lines


def _header(p: Procedure) -> list[str]:
    a = p.agencies
    pairs = [
        ("uid", p.uid), ("code", p.code), ("name", p.name), ("decision", p.decision_number),
        ("levels", ", ".join(p.levels)), ("type", p.procedure_type), ("field", p.field),
        ("applicants", " | ".join(p.applicants)), ("competent", a.competent), ("implementing", a.implementing),
        ("authorized", a.authorized), ("coordinating", a.coordinating), ("where to submit", p.where_to_submit),
        ("source", f"{p.provenance.source_file} [{p.provenance.record}]"), ("url", p.provenance.url),
    ]
    return [f"  {k:<16} {v}" for k, v in pairs if v]


def _components(p: Procedure) -> list[str]:
    lines = [line for c in p.components for line in _component_lines(c)]
    if p.component_notes:
        lines.append("  notes:")
        for note in p.component_notes:
            lines += _wrap(f"- {note}")
    return lines


_SECTIONS: tuple[_Section, ...] = (
    ("Record", ("ten_thu_tuc", "ma_thu_tuc", "so_quyet_dinh", "cap_thuc_hien", "loai_thu_tuc", "linh_vuc",
                "doi_tuong_thuc_hien", "co_quan_co_tham_quyen", "co_quan_thuc_hien", "co_quan_duoc_uy_quyen",
                "co_quan_phoi_hop", "dia_chi_tiep_nhan", "name", "code", "decision", "level", "type", "field",
                "applicants", "agency", "competent", "authorized", "coordinating", "address"), _header),
    ("Channels, time and fees", ("cach_thuc_thuc_hien", "channels", "time", "fee", "charge", "fee_desc",
                                 "fee_basis", "online"),
     lambda p: [line for c in p.channels for line in _channel_lines(c)]),
    ("Dossier components", ("thanh_phan_ho_so", "components", "present", "forms", "quantity"), _components),
    ("Steps", ("trinh_tu_thuc_hien", "steps"), lambda p: [ln for s in p.steps for ln in _wrap(f"{s.order}. {s.text}")]),
    ("Results", ("ket_qua_xu_ly", "results"),
     lambda p: [f"  - {r.name}" + (f"  [{r.code}]" if r.code else "") for r in p.results]),
    ("Requirements", ("yeu_cau_dieu_kien", "requirements"), lambda p: [ln for r in p.requirements for ln in _wrap(r)]),
    ("Legal basis", ("can_cu_phap_ly", "legal"),
     lambda p: [ln for b in p.legal_basis for ln in _wrap(f"{b.number or '(no number)'} — {b.title}")]),
    ("Related procedures", ("thu_tuc_lien_quan",), lambda p: [f"  - {r}" for r in p.related]),
)


def _source_lines(p: Procedure, keys: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for key in keys:
        text = p.source_sections.get(key)
        if text:
            lines.append(f"  [{key}]")
            lines += _wrap(text)
    return lines


def render_inspection(procedure: Procedure) -> str:
    """Every section: the parsed values, then '-- source --' with the original text from ``source_sections``."""
    out: list[str] = []
    covered: set[str] = set()
    for title, keys, render in _SECTIONS:
        covered.update(keys)
        parsed = render(procedure)
        out += ["", f"== {title} ".ljust(WIDTH, "="), *(parsed or ["  (nothing parsed)"])]
        source = _source_lines(procedure, keys)
        if source:
            out += ["  -- source --", *source]
    rest = tuple(k for k in procedure.source_sections if k not in covered)
    if rest:
        out += ["", "== Other source sections ".ljust(WIDTH, "="), *_source_lines(procedure, rest)]
    return "\n".join(out).lstrip("\n")
