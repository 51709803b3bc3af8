"""Dossier components, steps and legal basis from the list items of a procedure guide section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.readers.fields import clean_text, find_form_code, parse_quantity
from ingest.readers.guide_sections import LAW_NUMBER_RE, Item
from knowledge.model import Component, ComponentGroup, LegalBasis, Step

_EMPTY_RE = re.compile(r"^\(?\s*(?:không|chưa)(?:\s+(?:có|quy định|cập nhật|yêu cầu))?\b.{0,40}$", re.IGNORECASE)
_QTY_ONLY_RE = re.compile(
    r"^(?:số lượng\b.*|(?:(?:bản chính|bản sao|bản gốc|bản chụp)\s*:?\s*\d+\s*[|,;.]?\s*)+)$", re.IGNORECASE
)
_QTY_WORDS = r"bản chính|bản sao|bản gốc|bản chụp|bản photo"
_QTY_PAREN_RE = re.compile(rf"\s*\(([^()]{{0,60}}\b(?:{_QTY_WORDS})\b[^()]{{0,40}})\)\s*[.;,]?\s*$", re.IGNORECASE)
_QTY_TAIL_RE = re.compile(rf":\s*((?:\d+\s*)?(?:{_QTY_WORDS})[^:]{{0,60}})$", re.IGNORECASE)
_CASE_RE = re.compile(
    r"^(?:trường hợp|trong trường hợp|đối với|nếu|với|khi|riêng|tùy|tuỳ|hồ sơ đối với|"
    r"các giấy tờ|giấy tờ (?:phải|cần))",
    re.IGNORECASE,
)
_INTRO_RE = re.compile(r"^(?:thành phần\s+)?hồ sơ\s+(?:gồm|bao gồm)[^:]{0,30}:?$", re.IGNORECASE)
_LINK_RE = re.compile(r"^(?:link tải mẫu|tải mẫu|mẫu đơn, tờ khai|tệp đính kèm|file đính kèm|https?://)", re.I)
_NOTE_RE = re.compile(r"^(?:lưu ý|ghi chú|chú ý)\s*:?\s*", re.IGNORECASE)
_HEADER_CELLS = {"loại giấy tờ", "tên giấy tờ", "thành phần hồ sơ", "stt", "tt", "số ký hiệu", "tên hồ sơ"}
_STEP_PREFIX_RE = re.compile(r"^Bước\s*\d+\s*[:.\-–]?\s*", re.IGNORECASE)


def is_empty(text: str) -> bool:
    """True for 'no information' values such as 'Không có thông tin', 'Không', '(chưa cập nhật)'."""
    return not text.strip() or bool(_EMPTY_RE.match(text.strip()))


def flatten(items: list[Item]) -> list[str]:
    """Top-level items as texts, with their sub-items appended as '- ...' lines."""
    if not items:
        return []
    top = min(it.level for it in items)
    out: list[str] = []
    for it in items:
        if it.level == top or not out:
            out.append(it.text)
        else:
            out[-1] += "\n- " + it.text
    return [t for t in out if t.strip()]


def build_steps(items: list[Item]) -> list[Step]:
    texts = [clean_text(_STEP_PREFIX_RE.sub("", t)) for t in flatten(items)]
    texts = [t for t in texts if t and not (len(texts) == 1 and is_empty(t))]
    return [Step(order=n, text=t) for n, t in enumerate(texts, start=1)]


def build_legal_basis(items: list[Item]) -> list[LegalBasis]:
    rows: list[LegalBasis] = []
    for text in flatten(items):
        one_line = " ".join(text.split())
        if is_empty(one_line) or one_line.lower().startswith("số ký hiệu trích yếu"):
            continue
        number, title = _law_number_and_title(one_line)
        rows.append(LegalBasis(number=number, title=clean_text(title), source_text=text))
    return rows


def _law_number_and_title(text: str) -> tuple[str | None, str]:
    m = re.match(r"Số ký hiệu\s*:?\s*(\S+?)[,;]?\s+Trích yếu\s*:?\s*(.*?)(?:,\s*Ngày ban hành\b.*)?$", text)
    if m:
        return m.group(1), m.group(2)
    found = LAW_NUMBER_RE.search(text)
    number = found.group(0) if found else None
    title = re.sub(r"\s*\(?Số ký hiệu\s*:?\s*[^)]*\)?", "", text).strip()
    if found and found.start() == 0:  # a table row: number, title, date, issuing body
        title = text[found.end():].strip()
        title = re.sub(r"\s+\d{4}-\d{2}-\d{2}\b.*$", "", title) or text
    return number, title.rstrip(" ;.") or text


@dataclass
class _ComponentState:
    group: ComponentGroup
    components: list[Component] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    case: str | None = None
    case_level: int = -1
    last_level: int = 0
    notes_mode: bool = False


def build_components(items: list[Item], group: ComponentGroup = "submit",
                     start: int = 1) -> tuple[list[Component], list[str]]:
    """Components and component notes from the items of a 'Thành phần hồ sơ' section."""
    state = _ComponentState(group)
    for index, item in enumerate(items):
        nxt = items[index + 1] if index + 1 < len(items) else None
        _take_item(state, item, nxt, start)
    return state.components, state.notes


def _take_item(state: _ComponentState, item: Item, nxt: Item | None, start: int) -> None:
    text = item.text.strip()
    if item.cells:
        text = _row_text(item.cells)
    if not text or text.lower().rstrip(":") in _HEADER_CELLS or _INTRO_RE.match(text):
        return
    if is_empty(text) and not state.components:
        return
    last = state.components[-1] if state.components else None
    if _NOTE_RE.match(text) or state.notes_mode:
        state.notes_mode = True
        rest = _NOTE_RE.sub("", text).strip()
        if rest:
            state.notes.append(clean_text(rest))
        return
    if last is not None and _QTY_ONLY_RE.match(text) and item.level > state.case_level:
        _add_quantity(state, last, text)
        return
    if _LINK_RE.match(text):
        state.notes.append(clean_text(text))
        return
    if state.case is not None and item.level <= state.case_level:
        state.case, state.case_level = None, -1
    has_children = nxt is not None and nxt.level > item.level
    if text.endswith(":") and has_children and _CASE_RE.match(text):
        state.case, state.case_level = clean_text(text.rstrip(":")), item.level
        return
    if last is not None and item.level > state.last_level and item.level > state.case_level:
        state.components[-1] = last.model_copy(update={"note": _append(last.note, clean_text(text))})
        return
    state.last_level = item.level
    state.components.append(_component(text, f"c{start + len(state.components)}", state.group, state.case))


def _row_text(cells: tuple[str, ...]) -> str:
    """A table row as 'name (quantity cells)' text."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) > 1 and filled[0].isdigit():
        filled = filled[1:]
    return filled[0] + (f" ({', '.join(filled[1:])})" if len(filled) > 1 else "") if filled else ""


def _append(note: str | None, text: str) -> str:
    return f"{note}; {text}" if note else text


def _add_quantity(state: _ComponentState, last: Component, text: str) -> None:
    quantity_text = f"{last.quantity_text}; {text}" if last.quantity_text else text
    originals, copies = parse_quantity(quantity_text)
    state.components[-1] = last.model_copy(
        update={
            "quantity_text": quantity_text,
            "originals": originals if originals is not None else last.originals,
            "copies": copies if copies is not None else last.copies,
        }
    )


def _component(text: str, cid: str, group: ComponentGroup, case: str | None) -> Component:
    first, _, rest = text.partition("\n")
    name, quantity_text = split_quantity(first)
    originals, copies = parse_quantity(quantity_text) if quantity_text else (None, None)
    name = clean_text(name).rstrip(" ;,.")
    note = clean_text(rest.replace("\n", " ")) or None
    if group == "submit" and re.match(r"xuất trình\b", name, re.IGNORECASE):
        group = "present"
    return Component(
        id=cid, name=name or clean_text(first), originals=originals, copies=copies,
        quantity_text=quantity_text, form=find_form_code(text), group=group, case=case,
        note=note, source_text=text,
    )


def split_quantity(text: str) -> tuple[str, str]:
    """Split a trailing copy count such as '(Bản chính: 1, Bản sao: 0)' from a component name."""
    text = text.strip()
    for pattern in (_QTY_PAREN_RE, _QTY_TAIL_RE):
        m = pattern.search(text)
        if m and m.start() > 0:
            return text[: m.start()].strip(), m.group(1).strip()
    return text, ""
