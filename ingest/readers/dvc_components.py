"""The portal's dossier table -> ``Component`` records and notes.

The section is a series of blocks, each ``<heading>Tên giấy tờMẫu đơn, tờ khaiSố lượng<rows>``. A heading is a
case ('Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ'), a group ('* Giấy tờ phải xuất trình:'), a
note ('* Lưu ý:') or nothing ('--'). Each row ends with its quantity cell; rows counted '0 bản chính' are mostly
notes or sub-headings ('Trường hợp ..., hồ sơ gồm:'), which then qualify the rows below them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.readers.dvc_component_text import (
    ALTERNATIVE_RE,
    TABLE_HEAD,
    Cell,
    find_cells,
    is_generic_heading,
    is_note_text,
    looks_like_document,
    looks_like_subheading,
    split_templates,
    strip_marks,
    tidy_name,
)
from ingest.readers.fields import clean_text, find_form_code
from knowledge.model import Component, ComponentGroup

_SENTENCE_BREAK_RE = re.compile(r"[.;]\s+[A-ZĐ]")
_PRESENT_RE = re.compile(r"xuất trình", re.IGNORECASE)
_SUBMIT_RE = re.compile(r"phải nộp|giấy tờ nộp|hồ sơ nộp", re.IGNORECASE)
_CASE_START_RE = re.compile(r"^(?:trường hợp|đối với|nếu|khi)\b", re.IGNORECASE)
_NOTE_HEADING_RE = re.compile(r"^(?:phiếu này|\()", re.IGNORECASE)


@dataclass
class _Row:
    text: str
    cell: Cell | None


@dataclass
class _Block:
    heading: str
    rows: list[_Row] = field(default_factory=list)


@dataclass
class _State:
    """What the rows read so far say about the rows that follow."""

    components: list[Component] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    group: ComponentGroup = "submit"
    case: str | None = None
    sub_case: str | None = None
    alternative: str | None = None
    alternatives: int = 0
    pending_sub: list[str] = field(default_factory=list)

    def new_alternative(self) -> str:
        self.alternatives += 1
        return f"a{self.alternatives}"


def split_blocks(section: str) -> tuple[list[_Block], str]:
    """Blocks of the table and any text after the last quantity cell of the last block."""
    parts = section.split(TABLE_HEAD)
    blocks: list[_Block] = []
    heading = parts[0]
    trailing = ""
    for i, body in enumerate(parts[1:], start=1):
        block = _Block(heading=heading)
        cursor = 0
        for cell in find_cells(body):
            block.rows.append(_Row(body[cursor : cell.start], cell))
            cursor = cell.end
        rest = body[cursor:]
        blocks.append(block)
        if i < len(parts) - 1:
            heading = rest
        else:
            trailing = rest
    return blocks, trailing


def _heading_group(heading: str, previous: ComponentGroup) -> ComponentGroup:
    if _PRESENT_RE.search(heading) and not _SUBMIT_RE.search(heading):
        return "present"
    if _SUBMIT_RE.search(heading):
        return "submit"
    return previous if is_generic_heading(heading) else "submit"


def _start_block(state: _State, heading: str) -> bool:
    """Apply a block heading; False when the block holds notes only."""
    text = clean_text(heading)
    state.group = _heading_group(text, state.group)
    state.sub_case, state.pending_sub = None, []
    state.alternative = state.new_alternative() if ALTERNATIVE_RE.search(text) else None
    plain = strip_marks(text)
    if is_note_text(text):
        return False
    if is_generic_heading(text) or not plain:
        state.case = None
    elif " thì " in plain and _CASE_START_RE.match(plain) and not _SENTENCE_BREAK_RE.search(plain):
        # 'Trường hợp ủy quyền cho ... thì ...': the condition is the case, the whole heading a note.
        state.case = plain.split(" thì ", 1)[0]
        state.notes.append(text)
    elif " thì " in plain or len(plain) > 300 or _NOTE_HEADING_RE.match(plain):
        state.case = None
        state.notes.append(text)
    else:
        state.case = plain
    return True


def _current_case(state: _State) -> str | None:
    parts = [p for p in (state.case, state.sub_case) if p]
    return " — ".join(parts) if parts else None


def _add_component(state: _State, name: str, note: str | None, files: list[str], row: _Row) -> None:
    cell = row.cell
    alternative = state.alternative
    if re.match(r"^hoặc\b", name, re.IGNORECASE) and state.components:
        previous = state.components[-1]
        alternative = previous.alternative_group or state.new_alternative()
        state.components[-1] = previous.model_copy(update={"alternative_group": alternative})
        name = name[0].upper() + name[1:]
    form = find_form_code(name) or next((code for f in files if (code := find_form_code(f))), None)
    group: ComponentGroup = "present" if re.match(r"^xuất trình\b", name, re.IGNORECASE) else state.group
    state.components.append(
        Component(
            id=f"c{len(state.components) + 1}",
            name=name,
            originals=cell.originals if cell else None,
            copies=cell.copies if cell else None,
            quantity_text=cell.text if cell else "",
            form=form,
            group=group,
            case=_current_case(state),
            alternative_group=alternative,
            note=note,
            source_text=clean_text(row.text + (cell.text if cell else "")),
        )
    )


def _open_sub_case(state: _State, heading: str) -> None:
    """A sub-heading inside a block qualifies the rows below it; consecutive ones are joined."""
    state.pending_sub.append(heading.rstrip(":").strip())
    state.sub_case = " / ".join(state.pending_sub)
    state.alternative = state.new_alternative() if ALTERNATIVE_RE.search(heading) else None


def _read_row(state: _State, row: _Row, notes_only: bool, is_last: bool) -> None:
    body, files = split_templates(row.text)
    name, note = tidy_name(body)
    if not re.search(r"\w", name):
        return
    raw = clean_text(row.text)
    zero = row.cell is None or (row.cell.originals == 0 and row.cell.copies == 0)
    heading_like = raw.endswith(":")
    if notes_only or is_note_text(raw, row=True):
        state.notes.append(raw)
    elif not is_last and (heading_like or (zero and looks_like_subheading(name))):
        _open_sub_case(state, name)  # 'Trường hợp ..., hồ sơ gồm:' qualifies the rows below
    elif zero and (heading_like or not looks_like_document(name)):
        state.notes.append(raw)
    else:
        state.pending_sub = []
        _add_component(state, name, note, files, row)


def parse_components(section: str) -> tuple[list[Component], list[str]]:
    """(components, notes) of the 'Thành phần hồ sơ' section."""
    state = _State()
    if TABLE_HEAD not in section:
        text = clean_text(section)
        if len(text) > 3 and re.search(r"[^\W\d_]{3}", text):
            state.notes.append(text)
        return [], state.notes
    blocks, trailing = split_blocks(section)
    for block in blocks:
        notes_only = not _start_block(state, block.heading)
        for i, row in enumerate(block.rows):
            _read_row(state, row, notes_only, is_last=i == len(block.rows) - 1)
    tail = clean_text(trailing)
    if tail and re.search(r"[^\W\d_]{3}", tail) and tail not in ("--",):
        _read_row(state, _Row(trailing, None), notes_only=False, is_last=True)
    return state.components, state.notes
