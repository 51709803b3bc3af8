"""Dossier components, steps and legal basis from the list items of a procedure guide section.

A 'Thành phần hồ sơ' list mixes documents with what guides print around them: copy counts on their own
line ('Bản chính: 1'), case headings whose sub-items are the documents of that case ('Trường hợp 1:'),
conditions and notes ('Lưu ý: ...'), form download links and table headings. :func:`build_components` sorts
these out: each document becomes a ``Component``, counts and notes go to the document they follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.readers.fields import clean_text, find_form_code, parse_quantity
from ingest.readers.guide_sections import LAW_NUMBER_RE, Item
from knowledge.model import Component, ComponentGroup, LegalBasis, Step

_EMPTY_RE = re.compile(
    r"^[(\[]?\s*(?:(?:không|chưa|đang)(?:\s+(?:có|được|quy định|cập nhật|yêu cầu|áp dụng|rõ|thực hiện|đặc biệt))*"
    r"(?:\s+(?:thông tin|dữ liệu))?(?:\s+(?:cụ thể|chi tiết))?(?:\s+về\s+.{0,60})?|thông tin không có)"
    r"\s*[)\]]?\s*[.;]?$",
    re.IGNORECASE,
)
_QTY_ONLY_RE = re.compile(
    r"^(?:số lượng\b.*|(?:(?:bản chính|bản sao|bản gốc|bản chụp)\s*:?\s*\d+\s*[|,;.]?\s*)+)$", re.IGNORECASE
)
#: Words of a copy-type line such as 'Bản sao có chứng thực hoặc bản sao điện tử được chứng thực.'
_COPY_WORDS = set(
    "bản chính sao gốc chụp photo y có được chứng thực điện tử hợp lệ hoặc và kèm để đối chiếu 01 02 1 2".split()
)
_QTY_WORDS = r"bản chính|bản sao|bản gốc|bản chụp|bản photo"
_QTY_PAREN_RE = re.compile(rf"\s*\(([^()]{{0,60}}\b(?:{_QTY_WORDS})\b[^()]{{0,40}})\)\s*[.;,]?\s*$", re.IGNORECASE)
_QTY_TAIL_RE = re.compile(rf"(?::\s*|\s[–-]\s*|,\s*(?=\d))((?:\d+\s*)?(?:{_QTY_WORDS})[^:]{{0,60}})$", re.IGNORECASE)
_CASE_RE = re.compile(r"^(?:trường hợp|trong trường hợp|đối với|nếu|riêng|tùy|tuỳ|hồ sơ đối với)", re.IGNORECASE)
_CONDITION_RE = re.compile(
    r"^(?:trường hợp|trong trường hợp|nếu|đối với|kèm theo|điều kiện|tệp đính kèm|file đính kèm)\b", re.IGNORECASE
)
_DETAIL_RE = re.compile(r"^(?:điều kiện|tệp đính kèm|file đính kèm|kèm theo)\b", re.IGNORECASE)
_INTRO_RE = re.compile(r"^(?:thành phần\s+)?hồ sơ\s+(?:gồm|bao gồm)[^:]{0,30}:?$", re.IGNORECASE)
_TABLE_HEAD_RE = re.compile(
    r"^(?:stt|tt|tên hồ sơ|tên giấy tờ|loại giấy tờ|thành phần hồ sơ)(?:[\s|:.,–-]*(?:mẫu đơn,? tờ khai|số lượng|"
    r"mẫu đơn|ghi chú))*[\s|:.,–-]*$",
    re.IGNORECASE,
)
_HEAD_PREFIX_RE = re.compile(r"^loại giấy tờ\s*:\s*", re.IGNORECASE)
_LINK_RE = re.compile(r"^(?:link tải mẫu|tải mẫu|mẫu đơn(?:, tờ khai)?\s*:|tệp đính kèm|file đính kèm|https?://)", re.I)
_NOTE_RE = re.compile(r"^(?:lưu ý|ghi chú|chú ý)\s*:?\s*", re.IGNORECASE)
_STEP_PREFIX_RE = re.compile(r"^Bước\s*\d+\s*[:.\-–]?\s*", re.IGNORECASE)


def is_empty(text: str) -> bool:
    """True for 'no information' values such as 'Không có thông tin', 'Không', '(chưa cập nhật)'."""
    return not text.strip() or bool(_EMPTY_RE.match(text.strip()))


def is_quantity(text: str) -> bool:
    """True for a line that only gives copy counts or the kind of copy ('Bản chính: 1', 'Bản sao có chứng thực')."""
    if _QTY_ONLY_RE.match(text):
        return True
    words = re.findall(r"\w+", text.lower())
    return bool(words) and "bản" in words and all(w in _COPY_WORDS for w in words)


def flatten(items: list[Item]) -> list[str]:
    """Top-level items as texts, with their sub-items appended as '- ...' lines."""
    if not items:
        return []
    top = min(it.level for it in items)
    out: list[str] = []
    for it in items:
        if not it.text.strip():
            continue
        if it.level == top or not out:
            out.append(it.text)
        else:
            out[-1] += ("\n- " if out[-1].strip() else "") + it.text
    return [t for t in out if t.strip()]


def build_steps(items: list[Item]) -> list[Step]:
    """Steps from the top-level items; sub-items stay in their step's text."""
    stripped = [Item(it.level, it.marker, _STEP_PREFIX_RE.sub("", it.text), it.loc) for it in items]
    texts = [clean_text(t) for t in flatten(stripped)]
    texts = [t for t in texts if t and not (len(texts) == 1 and is_empty(t))]
    return [Step(order=n, text=t) for n, t in enumerate(texts, start=1)]


def build_legal_basis(items: list[Item]) -> list[LegalBasis]:
    """Legal instruments: number (e.g. '68/2020/QH14') and title, from lists or 'number title date' rows."""
    rows: list[LegalBasis] = []
    for text in flatten(items):
        one_line = " ".join(text.split())
        if is_empty(one_line) or one_line.lower().startswith("số ký hiệu trích yếu"):
            continue
        number, title = _law_number_and_title(one_line)
        rows.append(LegalBasis(number=number, title=clean_text(title), source_text=text))
    return rows


def _law_number_and_title(text: str) -> tuple[str | None, str]:
    """Split an instrument line into its number and title."""
    m = re.match(r"Số ký hiệu\s*:?\s*(\S+?)[,;]?\s+Trích yếu\s*:?\s*(.*?)(?:,\s*Ngày ban hành\b.*)?$", text)
    if m:
        return m.group(1), m.group(2)
    found = LAW_NUMBER_RE.search(text)
    number = found.group(0) if found else None
    title = re.sub(r"\s*\(?Số ký hiệu\s*:?\s*[^)]*\)?", "", text).strip()
    if found and found.start() == 0:  # a row led by the number: number, title, date, issuing body
        title = text[found.end():].lstrip(" :–-,")
        title = re.sub(r"(?:,?\s+\d{4}-\d{2}-\d{2}\b|[,;]?\s*Ngày ban hành\b).*$", "", title) or text
    return number, title.rstrip(" ;.") or text


@dataclass
class _State:
    """What the component walk knows: the components so far, notes, the open case heading, levels."""

    group: ComponentGroup
    start: int
    components: list[Component] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    case: str | None = None
    case_level: int = -1
    doc_level: int = 0
    notes_mode: bool = False


def build_components(items: list[Item], group: ComponentGroup = "submit",
                     start: int = 1) -> tuple[list[Component], list[str]]:
    """Components (ids ``c<start>``, ``c<start+1>``, ...) and notes from a 'Thành phần hồ sơ' section."""
    state = _State(group, start)
    for index, item in enumerate(items):
        text = _row_text(item.cells) if item.cells else item.text.strip()
        first, _, more = text.partition("\n")
        if not more or not (state.components or _NOTE_RE.match(first) or _LINK_RE.match(first)):
            first, more = text, ""
        _take(state, Item(item.level, item.marker, first, item.loc), _children(items, index))
        for paragraph in more.split("\n") if more else []:
            _take_paragraph(state, paragraph)
    return state.components, state.notes


def _children(items: list[Item], index: int) -> list[Item]:
    """The items nested under ``items[index]``."""
    out: list[Item] = []
    for it in items[index + 1:]:
        if it.level <= items[index].level:
            break
        out.append(it)
    return out


def _take_paragraph(state: _State, text: str) -> None:
    """A paragraph after a list entry: the start of notes, a note, or more about the last component."""
    if _NOTE_RE.match(text) or state.notes_mode:
        state.notes_mode = True
        rest = clean_text(_NOTE_RE.sub("", text))
        if rest:
            state.notes.append(rest)
        return
    _attach(state, text)


def _take(state: _State, item: Item, children: list[Item]) -> None:
    """Sort one list entry: heading, count, link, note, case heading, detail or a new document."""
    text = _HEAD_PREFIX_RE.sub("", item.text)
    if _TABLE_HEAD_RE.match(item.text) or _TABLE_HEAD_RE.match(f"loại giấy tờ {text}") or _INTRO_RE.match(text):
        return
    if not text or (is_empty(text) and not state.components):
        return
    if _NOTE_RE.match(text) or state.notes_mode:
        _take_paragraph(state, text)
        return
    if state.components and item.level > state.case_level and is_quantity(text):
        _attach(state, text)
        return
    if _LINK_RE.match(text):
        _attach(state, text)
        return
    if state.case is not None and item.level <= state.case_level:
        state.case, state.case_level = None, -1
    if _is_case_heading(text, children):
        state.case, state.case_level, state.doc_level = clean_text(text.rstrip(":")), item.level, children[0].level
        return
    deeper = item.level > state.doc_level and item.level > state.case_level
    if state.components and (deeper or _DETAIL_RE.match(text)):
        _attach(state, text)
        return
    state.doc_level = item.level
    cid = f"c{state.start + len(state.components)}"
    state.components.append(_component(text, cid, state.group, state.case))


def _is_case_heading(text: str, children: list[Item]) -> bool:
    """A heading whose sub-items are the documents of one case, not details of a document."""
    if not children or all(is_quantity(c.text) for c in children) or _CONDITION_RE.match(children[0].text):
        return False
    return text.endswith(":") or bool(_CASE_RE.match(text))


def _attach(state: _State, text: str) -> None:
    """Add a count, note or form link to the last component (or to the procedure's notes when there is none)."""
    text = clean_text(text)
    if not text:
        return
    if not state.components:
        state.notes.append(text)
        return
    last = state.components[-1]
    if is_quantity(text):
        quantity_text = f"{last.quantity_text}; {text}" if last.quantity_text else text
        originals, copies = parse_quantity(quantity_text)
        update: dict[str, object] = {"quantity_text": quantity_text}
        update["originals"] = originals if originals is not None else last.originals
        update["copies"] = copies if copies is not None else last.copies
    else:
        update = {"note": f"{last.note}; {text}" if last.note else text}
    state.components[-1] = last.model_copy(update=update)


def _row_text(cells: tuple[str, ...]) -> str:
    """A table row as 'name (other cells)' text."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) > 1 and filled[0].rstrip(".").isdigit():
        filled = filled[1:]
    if not filled:
        return ""
    return filled[0] + (f" ({', '.join(filled[1:])})" if len(filled) > 1 else "")


def _component(text: str, cid: str, group: ComponentGroup, case: str | None) -> Component:
    """A ``Component`` from an entry's text, with a trailing copy count split off the name."""
    name, quantity_text = split_quantity(text)
    originals, copies = parse_quantity(quantity_text) if quantity_text else (None, None)
    name = clean_text(name).rstrip(" ;,.:")
    if group == "submit" and re.match(r"xuất trình\b", name, re.IGNORECASE):
        group = "present"
    return Component(
        id=cid, name=name or clean_text(text), originals=originals, copies=copies,
        quantity_text=quantity_text, form=find_form_code(text), group=group, case=case, source_text=text,
    )


def split_quantity(text: str) -> tuple[str, str]:
    """Split a trailing copy count such as '(Bản chính: 1, Bản sao: 0)' from a component name."""
    text = text.strip()
    for pattern in (_QTY_PAREN_RE, _QTY_TAIL_RE):
        m = pattern.search(text)
        if m and m.start() > 0:
            return text[: m.start()].strip(), m.group(1).strip()
    return text, ""
