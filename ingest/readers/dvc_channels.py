"""The portal's channel table: 'Hình thức nộpThời gianPhí, lệ phíMô tả' followed by rows run together.

A row is: channel label, time cell ('7 Ngày làm việc', a bare '1' whose unit was lost, 'Không có thông tin'),
fee cell ('10,000 Việt Nam Đồng', 'Miễn phí', 'Không có thông tin'), an optional '(fee note)' and a free
description. Rows are found where a label is directly followed by a well-formed time and fee cell, so the same
words inside a description ('Trực tiếp tại ...') do not start a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.readers.fees import balanced_group_end, fee_unit, money_matches
from ingest.readers.fields import VI_UPPER, clean_text, parse_channel_kind, parse_duration, parse_fees
from knowledge.model import Channel, Duration, Fee, TimeUnit

TABLE_HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_LABEL = r"Trực tuyến|Trực tiếp|Dịch vụ bưu chính|Qua dịch vụ bưu chính|Bưu chính công ích"
_TIME_UNIT = r"Ngày làm việc|ngày làm việc|Ngày|ngày|Giờ|giờ|Tháng|tháng|Năm|Tuần|Phút"
_FEE_CELL = r"Miễn phí|Không có thông tin|\d[\d.,]*\s?(?:Việt Nam Đồng|VNĐ|VND|USD|Đồng|đồng)"
_ROW_RE = re.compile(
    rf"(?P<label>{_LABEL})"
    rf"(?P<time>\d+?(?:[.,]\d+)?(?:\s?(?:{_TIME_UNIT}))?|Không có thông tin"
    rf"|[{VI_UPPER}](?:(?!{_LABEL})[^()]){{0,160}}?)"
    rf"(?P<fee>{_FEE_CELL})"
)
_CELL_AMOUNT_RE = re.compile(r"(?P<num>\d[\d.,]*)\s?(?P<cur>Việt Nam Đồng|VNĐ|VND|USD|Đồng|đồng)")
_EXEMPT_HINT_RE = re.compile(r"miễn", re.IGNORECASE)
_DELEGATED_RE = re.compile(r"hội đồng nhân dân|hđnd|mức (?:lệ )?phí cụ thể|chưa quy định", re.IGNORECASE)
_UNIT_IN_TEXT: tuple[tuple[str, TimeUnit], ...] = (
    (r"ngày\s+làm\s+việc", "working_day"),
    (r"ngày", "day"),
    (r"giờ", "hour"),
    (r"tháng", "month"),
)


@dataclass
class _Row:
    label: str
    time: str
    fee: str
    note: str
    description: str


def split_rows(section: str) -> list[_Row]:
    """The channel rows of the section (the table head is optional)."""
    body = section[len(TABLE_HEAD):] if section.startswith(TABLE_HEAD) else section
    matches = list(_ROW_RE.finditer(body))
    rows: list[_Row] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        note_end = min(balanced_group_end(body, m.end()), end)
        note = body[m.end() + 1 : note_end - 1] if note_end > m.end() else ""
        rows.append(_Row(m["label"], m["time"], m["fee"], note, body[note_end:end]))
    return rows


def _infer_unit(time: Duration, description: str) -> Duration:
    """A bare number ('5') gets the unit stated with the same number in its own row's description."""
    if time.unit is not None or time.value is None or time.value != int(time.value):
        return time
    for word, unit in _UNIT_IN_TEXT:
        pattern = rf"(?<!\d)0*{int(time.value)}\s*(?:\([^)]{{1,15}}\)\s*)?{word}"
        if re.search(pattern, description, re.IGNORECASE):
            return time.model_copy(update={"unit": unit})
    return time


def _cell_amount(cell: str) -> tuple[int | None, str]:
    m = _CELL_AMOUNT_RE.fullmatch(cell.strip())
    if not m:
        return None, ""
    digits = re.sub(r"[.,]", "", m["num"])
    return (int(digits) if digits.isdigit() else None), m["cur"]


def _fees_for_amount(amount: int, currency: str, cell: str, note: str) -> list[Fee]:
    text = clean_text(f"{cell} ({note})" if note else cell)
    if currency == "USD":
        return [Fee(text=text)]
    parsed = parse_fees(note) if note else []
    note_fees = [f for f in parsed if f.amount_vnd is not None]
    if amount < 10:
        # '1 VNĐ' is a placeholder, not a fee: free when the note says so, else the text without an amount.
        if _EXEMPT_HINT_RE.search(note):
            return [Fee(amount_vnd=0, free=True, text=text, exemptions=parsed[0].exemptions if parsed else None)]
        return [Fee(text=text)]
    if amount < 1000:
        # Some agencies enter the amount in thousands of đồng: '20 VNĐ' with the note '20.000 vnđ /tờ khai',
        # '500 VNĐ' next to '500.000 đồng/phương tiện'. No real fee is below 1,000 đồng.
        amount *= 1000
    same = next((f for f in note_fees if f.amount_vnd == amount), None)
    others = [f for f in note_fees if f is not same]
    if same is not None:
        return [same.model_copy(update={"text": text}), *others]
    unit = fee_unit(note) if note.startswith("/") else None
    lead = Fee(amount_vnd=amount, unit=unit, text=text, name=parsed[0].name if parsed else None,
               exemptions=parsed[0].exemptions if parsed else None)
    return [lead, *others]


def _fees_when_free(cell: str, note: str) -> list[Fee]:
    text = clean_text(f"{cell} ({note})" if note else cell)
    if note and money_matches(note):
        amount_fees = [f for f in parse_fees(note) if f.amount_vnd is not None]
        if _EXEMPT_HINT_RE.search(note):
            return [Fee(amount_vnd=0, free=True, text=clean_text(cell)), *amount_fees]
        return amount_fees
    if note and _DELEGATED_RE.search(note):
        exemptions = parse_fees(note)[0].exemptions
        return [Fee(text=text, exemptions=exemptions)]
    exemptions = parse_fees(note)[0].exemptions if note else None
    return [Fee(amount_vnd=0, free=True, text=text, exemptions=exemptions)]


def channel_fees(cell: str, note: str) -> list[Fee]:
    """Fees of one row: the amount cell is authoritative, the note adds unit, name, exemptions, other fees."""
    note = clean_text(note)
    amount, currency = _cell_amount(cell)
    if amount is not None:
        return _fees_for_amount(amount, currency, cell, note)
    if cell.startswith("Miễn phí"):
        return _fees_when_free(cell, note)
    return parse_fees(note) if note else []


def parse_channels(section: str) -> list[Channel]:
    """Channels with time, fees and description from the 'Cách thức thực hiện' section."""
    channels: list[Channel] = []
    for row in split_rows(section):
        description = clean_text(row.description)
        time = parse_duration(row.time)
        if time is not None and time.value == 0 and time.unit is None:
            time = Duration(text=time.text)  # a bare '0' states no time
        if time is not None:
            time = _infer_unit(time, description)
        channels.append(
            Channel(
                kind=parse_channel_kind(row.label),
                label=row.label,
                time=time,
                fees=channel_fees(row.fee, row.note),
                description=description,
            )
        )
    return channels
