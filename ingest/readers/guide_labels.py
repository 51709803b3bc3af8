"""Section labels and list markers of procedure guides ('Mã thủ tục', 'Lệ phí', '•', '1.', 'a)', 'Bước 1:')."""

from __future__ import annotations

import re

#: Canonical section key -> label spellings (compared lower-cased, without markers or trailing colon).
LABELS: dict[str, tuple[str, ...]] = {
    "code": ("mã thủ tục", "mã số", "mã tthc", "mã số thủ tục", "mã số tthc"),
    "name": ("tên thủ tục",),
    "decision": ("thông tin công bố", "số quyết định", "số qđ", "số quyết định công bố", "quyết định công bố"),
    "effective": ("ngày hiệu lực",),
    "level": ("cấp thực hiện",),
    "type": ("loại thủ tục",),
    "field": ("lĩnh vực",),
    "online": ("cách thức nộp trực tuyến", "mức trực tuyến", "mức độ trực tuyến", "mức độ dịch vụ công"),
    "time": ("thời hạn giải quyết", "thời gian giải quyết", "thời hạn xử lý", "thời gian xử lý"),
    "fee": ("lệ phí", "phí, lệ phí", "lệ phí, phí", "phí và lệ phí", "phí/lệ phí", "phí, lệ phí (nếu có)"),
    "charge": ("phí",),
    "fee_desc": ("phí, lệ phí mô tả",),
    "fee_basis": ("văn bản quy định lệ phí", "văn bản quy định phí, lệ phí"),
    "agency": ("cơ quan thực hiện",),
    "competent": ("cơ quan có thẩm quyền quyết định", "cơ quan có thẩm quyền"),
    "authorized": ("cơ quan được ủy quyền", "cơ quan được uỷ quyền"),
    "coordinating": ("cơ quan phối hợp", "cơ quan phối hợp & cq được ủy quyền"),
    "applicants": ("đối tượng thực hiện",),
    "channels": ("cách thức thực hiện", "cách thức nộp hồ sơ", "hình thức nộp", "hình thức nộp hồ sơ"),
    "requirements": ("điều kiện thực hiện", "yêu cầu, điều kiện thực hiện", "yêu cầu điều kiện thực hiện",
                     "yêu cầu, điều kiện"),
    "quantity": ("số bộ hồ sơ", "số lượng hồ sơ"),
    "results": ("kết quả thực hiện", "kết quả giải quyết", "kết quả thực hiện thủ tục"),
    "address": ("địa chỉ tiếp nhận hồ sơ", "địa điểm tiếp nhận hồ sơ", "nơi tiếp nhận hồ sơ"),
    "steps": ("trình tự thực hiện",),
    "components": ("thành phần hồ sơ", "thành phần hồ sơ gồm", "thành phần hồ sơ bao gồm", "thành phần, số lượng hồ sơ",
                   "giấy tờ phải nộp"),
    "present": ("giấy tờ phải xuất trình",),
    "forms": ("mẫu đơn, tờ khai", "tài liệu đính kèm", "tệp đính kèm"),
    "legal": ("căn cứ pháp lý",),
    "validity": ("tình trạng hiệu lực",),
    "keywords": ("từ khóa", "từ khoá"),
    "description": ("mô tả",),
}
_LABEL_KEY = {variant: key for key, variants in LABELS.items() for variant in variants}
#: Labels that also occur as ordinary list entries; inside list sections they are not taken as labels.
_WEAK = {"mẫu đơn, tờ khai", "hình thức nộp", "hình thức nộp hồ sơ", "số qđ", "số quyết định", "ngày hiệu lực", "mô tả"}
_LIST_SECTIONS = {"components", "present", "steps", "legal", "requirements", "results"}

MARKER_RE = re.compile(
    r"^(?P<m>[•●▪■◦○►➢✓✔🔹]|[*+o\-–—](?=\s)|\d{1,2}[.)](?=\s|$)|\(\d{1,2}\)(?=\s)|[a-zđ]\)(?=\s)|"
    r"[IVX]{1,4}\.(?=\s|$)|Bước\s+\d+\s*[:.])\s*"
)

def strip_marker(text: str) -> tuple[str, str]:
    """Split a leading bullet/number marker from ``text``: (marker, rest)."""
    m = MARKER_RE.match(text)
    if not m:
        return "", text
    return m.group("m"), text[m.end():]


def match_label(text: str, current: str | None = None) -> tuple[str, str, str] | None:
    """Recognise a section label at the start of ``text``: (key, label, value after it) or None."""
    body = text.strip()
    for _ in range(2):
        body = strip_marker(body)[1].strip()
    body = body.replace("**", "").lstrip("#🔹 ").strip()
    head, sep, rest = body.partition(":")
    norm = " ".join(head.lower().split())
    key = _LABEL_KEY.get(norm)
    if key is None and not sep:
        m = re.match(r"(mã thủ tục|mã số)\s+(?=\d)", body, re.IGNORECASE)
        if m:
            key, head, rest = "code", m.group(1), body[m.end():]
    if key is None or (norm in _WEAK and current in _LIST_SECTIONS):
        return None
    return key, head.strip(), rest.strip()
