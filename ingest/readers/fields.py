"""Reusable parsers for the values found in Vietnamese procedure guides.

Every reader (national portal export, PDF, DOCX) meets the same kinds of values: processing times
("15 Ngày làm việc", "Trong ngày", "05 (năm) ngày"), fees ("Lệ phí: 100.000đ/hồ sơ", "Miễn phí"), copy counts
("1 bản chính", "Bản chính: 1 Bản sao: 0"), form codes ("mẫu CT01", "Mẫu số 01/ĐKHKD") and submission channels.
The functions here turn such text into model values and never raise on odd input.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.readers.fees import parse_fees
from knowledge.model import ChannelKind, Duration, TimeUnit

__all__ = [
    "VI_LOWER",
    "VI_UPPER",
    "clean_text",
    "find_form_code",
    "parse_channel_kind",
    "parse_duration",
    "parse_fees",
    "parse_number",
    "parse_quantity",
    "strip_plain",
]

_LATIN = [chr(c) for c in [*range(0xC0, 0x250), *range(0x1EA0, 0x1F00)]]
#: Regex character-class bodies for Vietnamese upper- and lower-case letters (the Unicode blocks interleave
#: cases, so a range such as 'À-Ỹ' would take both).
VI_UPPER = "A-Z" + "".join(ch for ch in _LATIN if ch.isupper())
VI_LOWER = "a-z" + "".join(ch for ch in _LATIN if ch.islower())

#: Characters that read as blanks: private-use bullets pasted from Word symbol fonts, zero-width space, BOM.
_BLANKS_RE = re.compile("[\ue000-\uf8ff\u200b\u200e\u200f\ufeff]")
_NUMBER_WORDS = (
    "một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|mười một|mười hai|mười lăm|hai mươi|ba mươi|bốn mươi|sáu mươi"
)


def clean_text(s: str) -> str:
    """Unicode NFC, private-use bullets removed, every run of whitespace collapsed to one space, stripped."""
    if not s:
        return ""
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    if _BLANKS_RE.search(s):
        s = _BLANKS_RE.sub(" ", s)
    return " ".join(s.split())


def strip_plain(s: str) -> str:
    """Lower-case text without Vietnamese diacritics (đ -> d), for matching labels typed either way."""
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(ch for ch in s if unicodedata.category(ch) != "Mn")


def parse_number(text: str) -> float | None:
    """A number written the Vietnamese or the English way: '1.000.000', '10,000', '1,5', '0.5', '07'."""
    t = text.strip()
    if not t:
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+", t):
        # Thousands groups: '10,000', '1.000.000'. '1.5' or '1,5' (fewer than three digits) is a decimal.
        return float(re.sub(r"[.,]", "", t))
    if re.fullmatch(r"\d+[.,]\d{1,2}", t):
        return float(t.replace(",", "."))
    if re.fullmatch(r"\d+", t):
        return float(t)
    return None


# --- durations -------------------------------------------------------------------------------------------------

_UNIT_WORDS: list[tuple[str, TimeUnit]] = [
    (r"ngày\s+làm\s+việc|ngày\s+lv", "working_day"),
    (r"giờ\s+làm\s+việc|giờ|tiếng", "hour"),
    (r"ngày", "day"),
    (r"tháng", "month"),
    (r"tuần", "week"),
    (r"năm", "year"),
    (r"phút", "minute"),
]
_UNIT_RE = "|".join(f"(?:{w})" for w, _ in _UNIT_WORDS)
_NUM = r"\d+(?:[.,]\d+)?"
_DURATION_RE = re.compile(
    rf"(?:từ\s+)?(?P<a>{_NUM})(?:\s*\((?:{_NUMBER_WORDS})[^)]{{0,20}}\))?"
    rf"(?:\s*(?:-|–|đến|tới|~)\s*(?P<b>{_NUM})(?:\s*\((?:{_NUMBER_WORDS})[^)]{{0,20}}\))?)?"
    rf"\s*(?P<unit>{_UNIT_RE})?(?![\w/])",
    re.IGNORECASE,
)
_SAME_DAY_RE = re.compile(r"(?:ngay\s+)?trong\s+(?:ngày|buổi)|ngay\s+(?:khi|sau khi|tại chỗ)|trong\s+ngày\s+làm\s+việc",
                          re.IGNORECASE)
#: 'Trong ngày' / 'ngay trong ngày' (not 'trong ngày 15/7'): the same working day, unless a duration comes first.
_SAME_DAY_FIRST_RE = re.compile(r"(?<!\w)(?:ngay\s+)?trong\s+(?:ngày|buổi)(?!\w)(?!\s*\d)", re.IGNORECASE)
_LETTER_AFTER = r"(?![^\W\d_])"
_HOUR_UNIT = rf"(?:giờ|h){_LETTER_AFTER}(?:\s*\d{{1,2}}(?:\s*phút)?)?"
#: A clock time, not a duration: 'sau 15 giờ', 'trước 11 giờ', 'vào 09 giờ', 'sau 15h30', '03 (ba) giờ chiều'.
#: 'sau 8 giờ làm việc', 'sau 24 giờ kể từ ...' are durations; after 'sau' / 'trước' only 10-23 h read as a time.
_CLOCK_RE = re.compile(
    rf"(?<!\w)(?:(?:sau|trước)\s+(?:1\d|2[0-3])|(?:vào|lúc)\s+(?:[01]?\d|2[0-3]))(?:\s*\([^)]{{0,12}}\))?\s*"
    rf"{_HOUR_UNIT}(?!\s*(?:làm\s+việc|kể\s+từ|liên\s+tục))"
    rf"|(?<![\w.,])(?:[01]?\d|2[0-3])(?:\s*\([^)]{{0,12}}\))?\s*{_HOUR_UNIT}\s+(?:sáng|chiều|trưa|tối){_LETTER_AFTER}",
    re.IGNORECASE,
)
_DIGIT_WORDS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
                "tám": 8, "chín": 9}
_TENS_WORDS = ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_ONLY_AFTER_TENS = ("mốt", "tư", "lăm")  # 'hai mươi mốt', 'mười lăm'; 'mốt' not after 'mười'
_SPELLED_WORD = "một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi"
#: A spelled-out number with its digits in brackets: 'Mười lăm (15)' -> '15'.
_SPELLED_DIGITS_RE = re.compile(rf"(?<!\w)(?:{_SPELLED_WORD})(?:\s+(?:{_SPELLED_WORD}))*\s*\(\s*(\d+)\s*\)",
                                re.IGNORECASE)
#: A spelled-out number right before a time unit: 'mười lăm ngày', 'hai mươi ngày làm việc' (not 'thứ ba').
_SPELLED_COUNT_RE = re.compile(
    rf"(?<!\w)(?<!thứ )(?P<words>(?:{_SPELLED_WORD})(?:\s+(?:{_SPELLED_WORD})){{0,2}})(?=\s+(?:{_UNIT_RE})(?!\w))",
    re.IGNORECASE,
)
_EMPTY_RE = re.compile(r"^(?:không có thông tin|không|--|-|\.)?$", re.IGNORECASE)


def _unit_of(word: str) -> TimeUnit | None:
    for pattern, unit in _UNIT_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return unit
    return None


def _spelled_value(words: str) -> int | None:
    """'ba' -> 3, 'mười' -> 10, 'mười lăm' -> 15, 'hai mươi' -> 20, 'ba mươi mốt' -> 31; else None."""
    parts = words.lower().split()
    tens, ones = 0, parts
    if parts[0] == "mười":
        tens, ones = 1, parts[1:]
    elif len(parts) >= 2 and parts[1] == "mươi" and parts[0] in _TENS_WORDS:
        tens, ones = _DIGIT_WORDS[parts[0]], parts[2:]
    if not ones:
        return tens * 10 or None
    if len(ones) != 1 or ones[0] not in _DIGIT_WORDS:
        return None
    if (tens == 0 and ones[0] in _ONLY_AFTER_TENS) or (tens == 1 and ones[0] == "mốt"):
        return None
    return tens * 10 + _DIGIT_WORDS[ones[0]]


def _scannable(t: str) -> str:
    """``t`` as the duration patterns read it: clock times blanked, spelled-out numbers written as digits."""
    t = _CLOCK_RE.sub(" ", t)
    t = _SPELLED_DIGITS_RE.sub(r"\1", t)

    def digits(m: re.Match[str]) -> str:
        value = _spelled_value(m.group("words"))
        return str(value) if value is not None else m.group(0)

    return _SPELLED_COUNT_RE.sub(digits, t)


def parse_duration(text: str) -> Duration | None:
    """Parse a processing time; ``None`` when the text states nothing ('', 'Không có thông tin').

    '15 Ngày làm việc' -> 15 working days; '03 ngày' -> 3 days; '10 - 15 ngày' -> 10..15 days;
    'Trong ngày' / 'Ngay trong ngày ...' (before any other duration) -> 1 working day; 'Mười lăm (15) ngày' and
    'mười lăm ngày' -> 15 days; clock times ('sau 15 giờ', 'vào 09 giờ') are not durations; a bare '7' keeps its
    value without a unit (the unit was lost at the source); text with no number ('Không quy định') keeps only
    ``text``.
    """
    t = clean_text(text)
    if _EMPTY_RE.match(t):
        return None
    scan = _scannable(t)
    best: re.Match[str] | None = None
    for m in _DURATION_RE.finditer(scan):
        if m.group("unit"):
            best = m
            break
        if best is None and re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*", scan):
            best = m
    same_day = _SAME_DAY_FIRST_RE.search(scan)
    if same_day is not None and (best is None or same_day.start() < best.start()):
        return Duration(value=1, unit="working_day", text=t)
    if best is None:
        if _SAME_DAY_RE.search(scan):
            return Duration(value=1, unit="working_day", text=t)
        return Duration(text=t)
    value = parse_number(best.group("a"))
    value_max = parse_number(best.group("b")) if best.group("b") else None
    unit = _unit_of(best.group("unit")) if best.group("unit") else None
    return Duration(value=value, value_max=value_max, unit=unit, text=t)


# --- copy counts -----------------------------------------------------------------------------------------------

_WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_COUNT = r"(\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_ORIGINAL_RES = (  # labelled form first: in 'Bản chính: 1 Bản sao: 0' the '1' belongs to 'Bản chính'
    re.compile(r"bản\s+(?:chính|gốc)\s*[:=]\s*(\d+)", re.IGNORECASE),
    re.compile(rf"{_COUNT}\s*(?:\([^)]{{0,12}}\)\s*)?bản\s+(?:chính|gốc)", re.IGNORECASE),
)
_COPY_RES = (
    re.compile(r"bản\s+(?:sao|chụp)\s*[:=]\s*(\d+)", re.IGNORECASE),
    re.compile(rf"{_COUNT}\s*(?:\([^)]{{0,12}}\)\s*)?bản\s+(?:sao|chụp|photo)", re.IGNORECASE),
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORD_NUMBERS.get(word.lower(), 0)


def _first_count(patterns: tuple[re.Pattern[str], ...], text: str) -> int | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return _count(m.group(1))
    return None


def parse_quantity(text: str) -> tuple[int | None, int | None]:
    """(originals, copies) from '1 bản chính', '0 bản chính,1 bản sao', '02 bản sao', 'Bản chính: 1 Bản sao: 0'.

    A count the text does not mention is ``None``.
    """
    t = clean_text(text)
    return _first_count(_ORIGINAL_RES, t), _first_count(_COPY_RES, t)


# --- form codes ------------------------------------------------------------------------------------------------

_CODE = r"[A-ZĐ0-9][A-Za-zĐđ0-9]*(?:[-/.][A-ZĐa-z0-9][A-Za-zĐđ0-9]*)*"
_FORM_AFTER_WORD_RE = re.compile(rf"(?:mẫu|mau|biểu mẫu)(?:\s+(?:số|so))?\s*[:.]?\s*(?P<code>{_CODE})", re.IGNORECASE)
_BARE_FORM_RE = re.compile(r"(?<![\w/.-])(?P<code>[A-Z]{2,4}\d{1,3}[a-z]?(?:-[A-Z0-9]{1,6})*)(?![\w/])")


def _tidy_code(code: str) -> str:
    return code.rstrip(".-/")


def find_form_code(text: str) -> str | None:
    """The form template named in ``text``: 'mẫu CT01' -> 'CT01', 'Mẫu số 01/ĐKHKD' -> '01/ĐKHKD',
    'Tờ khai (TK1-TS)' -> 'TK1-TS', 'theo Mẫu số 02 ban hành kèm ...' -> 'Mẫu số 02'."""
    t = clean_text(text)
    for m in _FORM_AFTER_WORD_RE.finditer(t):
        code = _tidy_code(m.group("code"))
        if not any(ch.isdigit() for ch in code):
            if re.fullmatch(r"[A-ZĐ]{2,}(?:-[A-ZĐ0-9]+)+", code):
                return code
            continue
        if re.fullmatch(r"\d+[a-z]?", code):
            return f"Mẫu số {code}"
        return code
    bare = _BARE_FORM_RE.search(t)
    if bare and not re.match(r"(?:QH|KQ|ISO|TCVN|QCVN)", bare.group("code")):
        return _tidy_code(bare.group("code"))
    return None


# --- channels --------------------------------------------------------------------------------------------------

def parse_channel_kind(label: str) -> ChannelKind:
    """'Trực tiếp' -> in_person, 'Trực tuyến' -> online, 'Dịch vụ bưu chính' -> postal, anything else -> other."""
    plain = strip_plain(clean_text(label))
    if "buu chinh" in plain or "buu dien" in plain:
        return "postal"
    if "truc tuyen" in plain or "qua mang" in plain or "dien tu" in plain or "online" in plain:
        return "online"
    if "truc tiep" in plain or "in person" in plain:
        return "in_person"
    return "other"
