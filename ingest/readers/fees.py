"""Fee text -> ``Fee`` records: amounts in VND, unit, name, free / exemption wording.

Handles '10,000 Việt Nam Đồng', '10.000đ/hồ sơ', '1.000.000 đồng', '50 nghìn', '1,5 triệu đồng', '8.000.000/lần',
'500.000 đồng/lần/cơ sở', 'Phí : 50.000 Đồng', 'Lệ phí: 100.000đ/hồ sơ', 'Phí : 0 Đồng' (free), 'Miễn phí',
'Không thu', 'Không có lệ phí', percentages and rates left to provincial councils ('theo quy định của HĐND tỉnh'),
which keep their text without an amount. Numbers of legal instruments ('Quyết định số 1191/QĐ-BXD',
'75/2022/TT-BTC'), dates ('01/7/2025', 'năm 2016') and article / clause numbers ('Điều 4', 'khoản 2') are never
amounts.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.model import Fee, FeeUnit

_SPACE_RE = re.compile(r"\s+")
#: Upper-case letters, Vietnamese included: a unit after '/' stops before a capitalised word (the next item).
_UPPER = "".join(ch for ch in map(chr, [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1EA0, 0x1F00)])
                 if ch.isupper())
_CURRENCY = r"việt\s*nam\s*đồng|vnđ|vnd|đồng|usd|đ(?!\w)"
_MULTIPLIERS = {
    "nghìn": 1_000, "ngàn": 1_000, "ngan": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000,
}
AMOUNT_RE = re.compile(
    r"(?<![\d/.,])(?P<num>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d{1,2})?)(?![\d%])"
    rf"(?:\s*(?P<mult>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?(?:\s*(?P<cur>{_CURRENCY}))?"
    # One or more units: '/hồ sơ', '/1 giấy phép', '/lần/cơ sở', '/m²/năm'; words after the first stop at a
    # capitalised word, which starts the next item in run-together lists.
    r"(?P<per>(?:\s*/\s*(?:(?:0?1|một|mỗi)\s+)?(?!\d)[^\s,;.()/]+"
    rf"(?:\s+(?!(?-i:[{_UPPER}]))[^\s,;.()/]+){{0,2}})+)?"
    # The currency repeated after the unit, as the portal writes it: '400.000 đ/lần Đồng (note)'.
    r"(?:\s*(?:việt\s*nam\s*đồng|vnđ|vnd|đồng)(?!\w))?",
    re.IGNORECASE,
)
#: Numbers that are never amounts: instrument numbers ('75/2022/TT-BTC', '1191/QĐ-BXD', 'số 1191'), dates
#: ('01/7/2025', '28.11.2023', 'ngày 11 tháng 11 năm 2016', 'năm 2016') and article / clause numbers ('Điều 4').
_NOT_AMOUNT_RE = re.compile(
    r"(?<![\d.,])\d+(?:/\d+)*/(?:\d{4}(?!\d)|(?-i:[A-ZĐ]{1,8}(?:-[A-ZĐ][\wĐđ]*)+|(?:QĐ|NĐ|TT|NQ|QH|CT)(?![a-zđ])))"
    r"|(?<![\d.,])\d{1,2}[.-]\d{1,2}[.-](?:19|20)\d{2}(?!\d)"
    r"|(?<!\w)số\s*\d+(?![.,]\d{3})"
    r"|(?<!\w)(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}(?:\s*(?:năm|/)\s*\d{4})?(?!\d|[.,]\d)"
    r"|(?<!\w)năm\s+(?:19|20)\d{2}(?!\d|[.,]\d)"
    r"|(?<!\w)(?:điều|khoản|mục|chương|phụ lục)\s+\d+(?!\d|[.,]\d)",
    re.IGNORECASE,
)
_UNIT_WORDS: list[tuple[str, FeeUnit]] = [
    (r"lần|hồ sơ|bộ|trường hợp|đơn hàng|tờ khai|yêu cầu|vụ|lượt|lô|thủ tục|đơn|chuyến|hợp đồng|giao dịch", "per_case"),
    (r"trang", "per_page"),
    (r"bản", "per_copy"),
    (r"giấy|chứng chỉ|chứng nhận|thẻ|văn bản|tem|sổ|biển|hộ chiếu|quyết định|giấy phép", "per_document"),
    (r"người|học viên|thí sinh|công dân|lao động|hội viên", "per_person"),
    (r"năm", "per_year"),
]
_FREE_ONLY_RE = re.compile(
    r"^(?:miễn phí|miễn thu|miễn|không thu(?: phí| lệ phí| tiền)?|không|không có|không mất phí|0|0 đồng|"
    r"không đồng|không phải nộp(?: phí| lệ phí)?)[.;]?$",
    re.IGNORECASE,
)
#: Wording that says no fee is charged ('Không có lệ phí'); 'Không có lệ phí cụ thể / cố định' says no such thing.
_FREE_START_RE = re.compile(
    r"^(?:miễn (?:phí|lệ phí|thu)|không (?:thu|mất|có|phải nộp) (?:phí|lệ phí)(?!\s+(?:cụ thể|cố định))"
    r"|không có(?=\s*[.;]))",
    re.IGNORECASE,
)
#: A field label in front of the value: 'Phí : Không Đồng', 'Lệ phí: Không thu phí'.
_LABEL_RE = re.compile(r"^(?:phí, lệ phí|lệ phí|phí)\s*:\s*", re.IGNORECASE)
_DELEGATED_RE = re.compile(r"hội đồng nhân dân|hđnd|mức (?:lệ )?phí cụ thể|chưa quy định", re.IGNORECASE)
_EXEMPT_RE = re.compile(r"miễn|không thu|không phải nộp|giảm\s+\d+\s*%", re.IGNORECASE)
_NAME_RE = re.compile(r"((?:lệ phí|phí|giá dịch vụ|giá)\b[^:;()]{0,150}?)\s*[:=]?\s*(?:là|thu)?\s*$", re.IGNORECASE)
#: Segments: at ';', a sentence end, a bullet, or before a numbered item ('... /cơ sở 2. Cơ sở ...').
_SEGMENT_SPLIT_RE = re.compile(r"\s*(?:;|\n|(?<=\.)\s+(?=[A-ZĐ(])|(?:^|\s)[-+•]\s|\s(?=\d{1,2}\.\s+[A-ZĐ]))\s*")
_EMPTY_RE = re.compile(r"^(?:không có thông tin|--|-|\.|)$", re.IGNORECASE)


def _clean(s: str) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", s)).strip()


def fee_unit(per: str | None) -> FeeUnit | None:
    if not per:
        return None
    word = re.sub(r"^[\s/]*(?:0?1\s+|một\s+|mỗi\s+)?", "", per.lower())
    for pattern, unit in _UNIT_WORDS:
        if re.match(rf"(?:{pattern})(?!\w)", word):
            return unit
    return "other"


def _is_money(m: re.Match[str]) -> bool:
    """A number is an amount only with a currency, a multiplier, or as a grouped number per unit ('8.000.000/lần')."""
    if m.group("cur") or m.group("mult"):
        return True
    num = m.group("num")
    if m.group("per"):
        return bool(re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", num)) or (num.isdigit() and int(num) >= 1000)
    return False


def _amount_vnd(m: re.Match[str]) -> int | None:
    cur = (m.group("cur") or "").lower()
    if cur == "usd":
        return None
    num = m.group("num")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+", num):
        value = float(re.sub(r"[.,]", "", num))
    else:
        value = float(num.replace(",", "."))
    mult = (m.group("mult") or "").lower()
    return round(value * _MULTIPLIERS.get(mult, 1))


def money_matches(text: str) -> list[re.Match[str]]:
    """Every amount of money stated in ``text`` (see ``_is_money``), instrument numbers and dates left out."""
    taken = [m.span() for m in _NOT_AMOUNT_RE.finditer(text)]
    return [
        m for m in AMOUNT_RE.finditer(text)
        if _is_money(m) and not any(a < m.end("num") and m.start("num") < b for a, b in taken)
    ]


def states_vnd_amount(text: str) -> bool:
    """True when ``text`` states an amount in đồng (not USD, not a percentage)."""
    return any((m.group("cur") or "").lower() != "usd" for m in money_matches(text))


def _fee_name(prefix: str) -> str | None:
    m = _NAME_RE.search(prefix.strip(" (+-*"))
    if not m:
        return None
    name = m.group(1).strip(" :=-(")
    return name[:1].upper() + name[1:] if name else None


def _exemptions(text: str) -> str | None:
    sentences = [s.strip() for s in re.split(r"(?<=[.;)])\s+|\n", text) if s.strip()]
    hits = [s for s in sentences if _EXEMPT_RE.search(s) and not _FREE_ONLY_RE.match(s.strip("()"))]
    return " ".join(hits) if hits else None


def balanced_group_end(text: str, start: int) -> int:
    """Index after the balanced '(...)' group that opens at ``start``; ``start`` when none opens there."""
    if start >= len(text) or text[start] != "(":
        return start
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return len(text)


def _trailing_group(text: str, pos: int) -> int:
    """End of a '(...)' group starting right after ``pos`` (spaces allowed before it), else ``pos``."""
    i = pos
    while i < len(text) and text[i] == " ":
        i += 1
    end = balanced_group_end(text, i)
    return pos if end == i else end


def _segment_fees(segment: str) -> list[Fee]:
    fees: list[Fee] = []
    start = 0
    matches = money_matches(segment)
    for m in matches:
        amount, unit = _amount_vnd(m), fee_unit(m.group("per"))
        if m.start() < start:
            # Inside the '(...)' note of the previous amount: the same fee restated (its unit kept), or another
            # rate, which keeps its own clause as text.
            last = fees[-1]
            if last.amount_vnd == amount:
                if last.unit is None and unit is not None:
                    fees[-1] = last.model_copy(update={"unit": unit})
                continue
            cut = max(segment.rfind(ch, 0, m.start()) for ch in "(),;")
            stop = min([i for i in (segment.find(ch, m.end()) for ch in "(),;") if i >= 0] or [len(segment)])
            fees.append(Fee(name=_fee_name(segment[cut + 1 : m.start()]), amount_vnd=amount, unit=unit,
                            text=_clean(segment[cut + 1 : stop]).strip(" ,;:")))
            continue
        end = _trailing_group(segment, m.end()) if len(matches) > 1 else len(segment)
        piece = segment[start:end] if len(matches) > 1 else segment
        fees.append(
            Fee(
                name=_fee_name(segment[start : m.start()]),
                amount_vnd=amount,
                unit=unit,
                text=_clean(piece).lstrip(",;: "),
                free=amount == 0 and bool(re.fullmatch(r"0+", m.group("num"))),  # 'Phí : 0 Đồng'
            )
        )
        start = end
    return fees


def parse_fees(text: str) -> list[Fee]:
    """All fees stated in ``text``; an empty list when it states nothing ('', 'Không có thông tin').

    Every fee keeps its original ``text``. Without any amount the text yields one fee: ``free`` (amount 0) for
    'Miễn phí' / 'Không thu' and the like, else an amount-less fee (percentages, rates set by the province).
    """
    t = _clean(text)
    if _EMPTY_RE.match(t):
        return []
    fees = [fee for seg in _SEGMENT_SPLIT_RE.split(t) if seg for fee in _segment_fees(seg)]
    exemptions = _exemptions(t)
    if fees:
        fees[0] = fees[0].model_copy(update={"exemptions": exemptions})
        return fees
    bare = t.strip("() ")
    value = _LABEL_RE.sub("", bare)
    free = bool(_FREE_ONLY_RE.match(value)) or (bool(_FREE_START_RE.match(value)) and not _DELEGATED_RE.search(t))
    name_match = re.match(r"^((?:lệ phí|phí)[^:]{0,80}):", bare, re.IGNORECASE)
    return [
        Fee(
            name=name_match.group(1).strip() if name_match else None,
            amount_vnd=0 if free else None,
            text=t,
            free=free,
            exemptions=None if _FREE_ONLY_RE.match(value) else exemptions,
        )
    ]
