"""The portal's legal-basis table: 'Tên văn bản pháp lýMã văn bản' then 'Title<number>Title<number>...'.

The number column follows the title with no separator, and a title often contains numbers of its own
('Thông tư số 53/2025/TT-BCAngày 01/7/2025 ...', 'Thông tư 57/2021/TT-BCA57/2021/TT-BCA'). A number ends a row when
it is followed by the end of the text or directly by the next title (a letter, no space); the issuer abbreviation
is cut from the next title's first letters with a small vocabulary ('NĐ-CPQuy định' -> 'NĐ-CP' + 'Quy định').
"""

from __future__ import annotations

import re

from ingest.readers.fields import VI_LOWER, clean_text
from knowledge.model import LegalBasis

TABLE_HEAD = "Tên văn bản pháp lýMã văn bản"
_NUMBER_BODY = r"(\d+[a-zA-Z]?(?:\.\d{1,3})?)\s?/\s?(?:((?:19|20)\d{2})\s?/\s?)?(?=[A-ZĐ])"
_NUMBER_HEAD_RE = re.compile(r"(?<![\d/])(?<!\d\.)" + _NUMBER_BODY)
_NUMBER_AT_RE = re.compile(_NUMBER_BODY)
#: A date's year runs into the number: 'ngày 29/6/202443/2024/QH15'.
_AFTER_DATE_RE = re.compile(r"(?<=\d/)(?:19|20)\d\d" + _NUMBER_BODY)
_BARE_NUMBER_END_RE = re.compile(r"(?<![\d/])\d{1,4}/(?:19|20)\d{2}$")
_SEGMENT_RE = re.compile(r"[A-ZĐ0-9]+")
_ISSUERS = frozenset(
    "CP TTg TTG BCA BTC BTP BNNMT BNNPTNT BGTVT BXD NHNN BTNMT BLĐTBXH BKHĐT BKHCN BYT BCT BQP BNG BNV VPCP HĐND "
    "UBND BHXH TCT TCHQ BTTTT BVHTTDL BGDĐT CTN TANDTC VKSNDTC HĐTP UBTVQH BTTTT BKH BVHTT NHNNVN TLĐ BLĐ BNN "
    "BGD BGDĐT BTM BXD BTS BCN BTCCBCP UBCK HT C06 C07 C08 A05".split()
)
_QH_RE = re.compile(r"(?:UBTV)?QH\d{2}")
_NOT_A_TITLE_START = ("ngày", "của", "và", "tại", "do", "kèm", "năm", "tháng")
_GLUED_TYPE_RE = re.compile(
    rf"(?<=[{VI_LOWER}.,;)])\s?(?:(?:Luật|Nghị định|Thông tư(?: liên tịch)?|Nghị quyết|Quyết định|Pháp lệnh|Chỉ thị|"
    r"Văn bản hợp nhất)\s*)?(?:số\s*)?$"
)


def _best_segment(segment: str, next_char: str) -> str:
    """The part of a greedy issuer segment that belongs to the number ('CPQ' -> 'CP', 'QH1354' -> 'QH13')."""
    qh = _QH_RE.match(segment)
    if qh:
        return qh.group()
    if segment in _ISSUERS or len(segment) <= 1:
        return segment
    for end in range(len(segment) - 1, 1, -1):
        if segment[:end] in _ISSUERS:
            return segment[:end]
    if next_char.islower() and segment[-1].isalpha():
        return segment[:-1]  # the last capital starts the next title: '...BXDQuy' -> 'BXD'
    return segment


def _read_suffix(text: str, pos: int) -> int:
    """End of the 'NĐ-CP' / 'QĐ-TTg' / 'TT-BNNPTNT' part of a number starting at ``pos``."""
    end = pos
    while True:
        m = _SEGMENT_RE.match(text, pos)
        if not m:
            return end
        seg_end = m.end()
        if m.group() == "TT" and text.startswith("g", seg_end):
            seg_end += 1  # 'QĐ-TTg'
        nxt = text[seg_end : seg_end + 1]
        kept = _best_segment(text[pos:seg_end], nxt)
        end = pos + len(kept)
        if kept != text[pos:seg_end]:
            return end
        dash = re.match(r"\s?-\s?(?=[A-ZĐ0-9])", text[end:])
        if not dash:
            return end
        pos = end + dash.end()


def _numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each instrument number in ``text``."""
    spans: list[tuple[int, int]] = []
    after_dates = list(_AFTER_DATE_RE.finditer(text)) if "/" in text else []
    pos = 0
    while True:
        # Right after a number the next one may follow without a separator ('QH1354/2014/QH13').
        m = _NUMBER_AT_RE.match(text, pos) if spans else None
        if m is None:
            dated = next((x for x in after_dates if x.start() >= pos), None)
            found = [x for x in (_NUMBER_HEAD_RE.search(text, pos), dated) if x]
            m = min(found, key=lambda x: x.start(1)) if found else None
        if m is None:
            break
        start = m.start(1)
        lead = re.match(r"\d+", m.group(1))
        if lead and len(lead.group()) > 4:
            # A title ending in a year runs into the number: 'Luật Cư trú 202068/2020/QH14'.
            start += 4 if re.match(r"(?:19|20)\d\d", lead.group()) else len(lead.group()) - 3
        end = _read_suffix(text, m.end())
        spans.append((start, end))
        pos = max(end, m.end())
    tail = _BARE_NUMBER_END_RE.search(text, spans[-1][1] if spans else 0)
    if tail:
        spans.append((tail.start(), tail.end()))  # a number column cut short: '...46/2020'
    return spans


def _ends_row(text: str, start: int, end: int) -> bool:
    """True when the number at ``start:end`` is a row's number column rather than a mention in its title."""
    rest = text[end:]
    if not rest.strip():
        return True
    if rest[0].isdigit():
        # 'Thông tư 57/2021/TT-BCA57/2021/TT-BCA': a title naming the number that follows it.
        number = re.sub(r"\s+", "", text[start:end])
        return not re.sub(r"\s+", "", rest).startswith(number)
    if rest[0] in ".;" and len(rest) > 1 and rest[1].isalnum():
        return True  # 'Luật 35/2018/QH14.35/2018/QH14' — the title ends with its own number
    if rest[0].isspace() or not rest[0].isalpha():
        return False
    return not rest.startswith(_NOT_A_TITLE_START)


def _row(title: str, number_text: str, source: str) -> LegalBasis:
    number = re.sub(r"\s+", "", number_text)
    title = clean_text(title)
    trimmed = _GLUED_TYPE_RE.sub("", title).strip(" ,;:-")
    title = trimmed or title
    return LegalBasis(number=number, title=title or number, source_text=clean_text(source))


def _settle_number(row: LegalBasis) -> LegalBasis:
    """'...Kỳ họp thứ 323/2022/QĐ-TTg' whose title names '23/2022/QĐ-TTg': the leading '3' ends the title."""
    number = row.number or ""
    squeezed = re.sub(r"\s+", "", row.title)
    if not number or number in squeezed:
        return row
    for k in (1, 2):
        if len(number) > k + 6 and number[k:] in squeezed:
            return row.model_copy(update={"number": number[k:], "title": row.title + number[:k]})
    return row


def _merge_repeats(rows: list[LegalBasis]) -> list[LegalBasis]:
    """Consecutive rows with one number ('24/2022/TT-BNNPTNT' + 'Thông tư 24/2022/TT-BNNPTNT') become one."""
    merged: list[LegalBasis] = []
    for row in rows:
        if merged and row.number and row.number == merged[-1].number:
            last = merged[-1]
            titles = [t for t in (last.title, row.title) if t != row.number] or [row.title]
            title = max(titles, key=len)
            if len(title) < 20 and row.number not in title:
                title = f"{title} {row.number}"  # 'Thông tư' + '24/2022/TT-BNNPTNT'
            merged[-1] = last.model_copy(update={"title": title, "source_text": f"{last.source_text}{row.source_text}"})
        else:
            merged.append(row)
    return merged


def parse_legal_basis(section: str) -> list[LegalBasis]:
    """Legal instruments (number + title) of the 'Căn cứ pháp lý' section."""
    text = section.strip()
    if text.startswith(TABLE_HEAD):
        text = text[len(TABLE_HEAD) :]
    if not text or re.fullmatch(r"(?:Không có thông tin|Không|--)\.?", text.strip()):
        return []
    rows: list[LegalBasis] = []
    cursor = 0
    for start, end in _numbers(text):
        if _ends_row(text, start, end):
            rows.append(_settle_number(_row(text[cursor:start], text[start:end], text[cursor:end])))
            cursor = end
    rest = clean_text(text[cursor:])
    if rest and re.search(r"\w{3}", rest):
        rows.append(LegalBasis(number=None, title=rest, source_text=rest))
    return _merge_repeats(rows)
