"""Vietnamese wording helpers of the dossier check: syllables with and without diacritics, the words that head a
document's name, form codes, and the boilerplate lines of an administrative document."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.text import fold, strip_diacritics

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: Words that say what kind of paper something is ("Giấy ...", "Tờ khai ...", "Hợp đồng ..."), without diacritics.
HEAD_NOUNS: tuple[str, ...] = (
    "giay", "van ban", "to khai", "don", "hop dong", "ban chinh", "ban sao", "ban goc", "ban cam", "ban ke",
    "ban ve", "ban do", "ban khai", "ban tu", "ban dich", "ban an", "ban thuyet minh", "quyet dinh", "so ",
    "the ", "ho chieu", "can cuoc", "chung minh nhan dan", "trich luc", "bien ban", "phieu", "bang ", "chung chi",
    "anh ", "manh trich do", "danh sach", "bao cao", "ke hoach", "phuong an", "tai lieu", "mau ", "thong bao",
    "to trinh", "de an", "so do", "ly lich", "chung tu", "hoa don", "cong van", "ket luan", "chung nhan", "xac nhan",
    "phong bi", "tem ", "bang chung", "ho so", "du an", "thiet ke", "ket qua", "lenh", "di chuc", "dieu le",
    "so yeu", "giay phep", "tep", "ban ", "hoc ba", "cam ket", "du thao", "quy trinh", "thuyet minh", "tom tat",
    "dieu uoc", "thoa thuan", "phu luc", "de nghi", "bang ke", "chung thu", "van bang",
)
#: Function words that carry no meaning for matching titles (accented, lower case).
STOPWORDS = frozenset(
    "và của về việc theo mẫu cho các những được có là tại với do hoặc này đó trong số ban hành kèm một hai "
    "bản chính sao gốc đã nếu thì phải nộp xuất trình đối trường hợp để như sau gồm trước đây lệ".split()
)
MOTTO_LINES = ("cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc", "socialist republic of viet nam",
               "independence freedom happiness")
_FORM_CODE = re.compile(
    r"m[ẫa]u\s*(?:s[ốo]\s*)?[:.]?\s*(?P<code>\d{1,3}[a-z]?(?:[/-][A-ZĐa-zđ]{1,6}(?:-[A-ZĐa-zđ]{1,6})?)?|"
    r"[A-ZĐ]{1,5}[\- ]?\d{1,3}[a-z]?(?:-[A-ZĐ]{1,4})?)", re.IGNORECASE)
_INSTRUMENT = re.compile(r"\b(\d{1,4}/\d{4}/[A-ZĐ]{2,6}(?:-[A-ZĐ]{1,6})*)\b")


@dataclass(frozen=True)
class Word:
    """A syllable as written (lower case, diacritics kept) and without diacritics."""

    exact: str
    plain: str


def words(text: str) -> list[Word]:
    return [Word(w, strip_diacritics(w)) for w in _WORD.findall(fold(text))]


def plain(text: str) -> str:
    """Lower case, no diacritics, single spaces, punctuation as spaces: the form for phrase tests."""
    return " ".join(strip_diacritics(w) for w in _WORD.findall(fold(text)))


def word_pairs(text: str) -> list[tuple[Word, Word]]:
    """Adjacent syllables within a clause (punctuation breaks a pair), without pairs that hold a function word:
    "khai sinh", "khai tử", "thuê nhà"."""
    pairs: list[tuple[Word, Word]] = []
    for clause in re.split(r"[,;:.()/\-–]", text):
        items = words(clause)
        pairs.extend((a, b) for a, b in itertools.pairwise(items)
                     if a.exact not in STOPWORDS and b.exact not in STOPWORDS)
    return pairs


def content_words(text: str) -> list[Word]:
    return [w for w in words(text) if w.exact not in STOPWORDS and not w.exact.isdigit()]


def starts_with_head_noun(text: str) -> bool:
    """True when ``text`` begins like the name of a paper ("Giấy ...", "Tờ khai ...", "Bản sao ...")."""
    key = plain(text) + " "
    return key.startswith(HEAD_NOUNS)


def is_motto(line: str) -> bool:
    """The national motto or its English line, also as OCR misreads it ("SOCIATIST RFEPUBLIC OF VIET NAM")."""
    key = plain(line)
    if not key:
        return False
    if any(m in key for m in MOTTO_LINES):
        return True
    return any(len(key) >= 0.6 * len(m) and fuzz.partial_ratio(m, key) >= 85 for m in MOTTO_LINES)


@dataclass(frozen=True)
class FormCode:
    """A form template code ("CT01", "18", "11/ĐK") and the instrument that issued it, where stated."""

    code: str
    instrument: str | None = None

    @property
    def distinctive(self) -> bool:
        """Codes with letters (CT01, 11/ĐK, TK1-TS) name one form; bare numbers ("Mẫu số 02") recur in every decree."""
        return any(ch.isalpha() for ch in self.code)

    def key(self) -> str:
        return strip_diacritics(self.code).upper().replace(" ", "").replace("-", "")


def form_codes(text: str) -> list[FormCode]:
    """Form codes named in ``text``: "Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA" gives CT01 with its
    instrument 53/2025/TT-BCA."""
    found: list[FormCode] = []
    instruments = _INSTRUMENT.findall(text)
    for match in _FORM_CODE.finditer(text):
        code = match.group("code").strip()
        tail = text[match.end(): match.end() + 160]
        near = _INSTRUMENT.search(tail)
        instrument = near.group(1) if near else (instruments[0] if len(instruments) == 1 else None)
        found.append(FormCode(code, instrument))
    return found


def bare_codes(text: str) -> set[str]:
    """Letter-and-digit codes written without "Mẫu" ("Tờ khai CT01"), as ``FormCode.key()`` would give them."""
    pattern = r"\b(?:[A-ZĐ]{1,5}-?\d{1,3}[a-z]?|\d{1,3}[/-][A-ZĐ]{1,6})\b"
    return {strip_diacritics(m).upper().replace("-", "") for m in re.findall(pattern, text)}
