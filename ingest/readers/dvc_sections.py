"""Cut a national-portal record into its sections.

The crawler's per-section fields were cut at the *first* occurrence of each heading, so a step that says
"lập hồ sơ theo quy định tại mục 5.3 (Thành phần hồ sơ)" ends the steps there and shifts every later section.
``raw_text`` holds the whole page in order; the headings are found in it one after another, each searched only
after the previous one and with the context that marks a real heading. Fields are the fallback when ``raw_text``
lacks a heading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: (section key, heading pattern) in page order. Keys are the export's own field names.
_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("trinh_tu_thuc_hien", re.compile(r"Trình Tự Thực Hiện")),
    ("cach_thuc_thuc_hien", re.compile(r"Cách Thức Thực Hiện(?=\s*Hình thức nộp)")),
    ("thanh_phan_ho_so", re.compile(r"(?<!\()(?<!mục )Thành phần hồ sơ(?!\))")),
    ("can_cu_phap_ly", re.compile(r"Căn cứ pháp lý(?=\s*(?:Tên văn bản pháp lý|Không có thông tin))")),
    ("co_quan_thuc_hien", re.compile(r"Cơ quan thực hiện(?!:)")),
    ("yeu_cau_dieu_kien", re.compile(r"Yêu cầu, điều kiện thực hiện")),
    ("ket_qua_xu_ly", re.compile(r"Kết quả xử lý")),
    ("_end", re.compile(r"Từ khóa(?!\s*:)")),
)
#: Sections read from ``raw_text`` when it has their heading.
BODY_SECTIONS: tuple[str, ...] = tuple(key for key, _ in _HEADINGS if key != "_end")
_BOILERPLATE_RE = re.compile(r"Từ khóa(?!\s*:).*$", re.DOTALL)
_ANY_COMPONENT_HEADING = re.compile(r"Thành phần hồ sơ")
_TAIL_FURNITURE_RE = re.compile(r"Chọn cơ quan thực hiện.*$|Nộp hồ sơ$", re.DOTALL)


def strip_boilerplate(text: str) -> str:
    """Drop the page furniture that follows the last section ('Từ khóa...', 'Chọn cơ quan thực hiện...')."""
    text = _BOILERPLATE_RE.sub("", text)
    return _TAIL_FURNITURE_RE.sub("", text)


def _find_headings(raw: str) -> list[tuple[str, int, int]]:
    """(key, heading start, body start) for each heading found, in order."""
    found: list[tuple[str, int, int]] = []
    cursor = 0
    for key, pattern in _HEADINGS:
        m = pattern.search(raw, cursor)
        if m is None and key == "thanh_phan_ho_so":
            m = _ANY_COMPONENT_HEADING.search(raw, cursor)
        if m is None:
            continue
        found.append((key, m.start(), m.end()))
        cursor = m.end()
    return found


def split_sections(record: Mapping[str, object]) -> dict[str, str]:
    """Section key -> original text, from ``raw_text`` where its heading is found, else the record's field."""
    raw = str(record.get("raw_text") or "")
    sections: dict[str, str] = {}
    found = _find_headings(raw) if raw else []
    for i, (key, _start, body_start) in enumerate(found):
        if key == "_end":
            continue
        body_end = found[i + 1][1] if i + 1 < len(found) else len(raw)
        sections[key] = raw[body_start:body_end].strip()
    if "ket_qua_xu_ly" in sections:
        sections["ket_qua_xu_ly"] = strip_boilerplate(sections["ket_qua_xu_ly"]).strip()
    for key in BODY_SECTIONS:
        if key not in sections:
            value = str(record.get(key) or "").strip()
            sections[key] = strip_boilerplate(value).strip() if key == "ket_qua_xu_ly" else value
    return sections
