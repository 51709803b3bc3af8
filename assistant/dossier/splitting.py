"""Pages into documents, by content: a page that opens with a document header (the national motto, or a title such
as "TỜ KHAI ĐĂNG KÝ KHAI SINH" near its top) starts a new document; any other page continues the one before. A file
with the declaration, the birth certificate and an unrelated page becomes three documents; a three-page form stays
one. Within a page of text (DOCX, text files), a second motto after the first document's body also starts one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from assistant.dossier.pages import Page, PageSource
from assistant.dossier.wording import HEAD_NOUNS, is_motto, plain
from knowledge.text import fold, has_vietnamese_diacritics

#: How many non-empty lines at the top of a page are searched for the header and the title.
TOP_LINES = 14
#: How issuing bodies start (lower case, with diacritics: "sở" is a department, "sổ" a register book).
_AGENCY_PREFIXES = ("ủy ban", "uỷ ban", "ubnd", "bộ ", "sở ", "công an", "bệnh viện", "trung tâm", "phòng ",
                    "chi cục", "cục ", "tổng cục", "văn phòng", "tòa án", "toà án", "viện kiểm sát", "ngân hàng",
                    "trường ", "đoàn ", "tiểu đoàn", "trung đoàn", "sư đoàn", "quân khu", "cơ quan", "hội đồng",
                    "bảo hiểm xã hội", "chi nhánh", "công ty", "doanh nghiệp", "trạm y tế", "đảng ủy", "tổng công ty",
                    "hiệu trưởng", "điện lực", "phường ", "xã ", "thị trấn", "quận ", "huyện ", "thị xã",
                    "thành phố", "tỉnh ", "đặc khu", "ban chỉ huy", "bộ chỉ huy", "kho bạc", "chi cục thuế", "cục thuế",
                    "văn phòng công chứng", "hợp tác xã")
#: Signature blocks and their titles ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH") are not document titles.
_SIGNATURE = re.compile(r"^(?:kt|tm|tl|tuq|q|thay mặt|ký thay)\s*[./:]|^(?:phó\s+)?(?:giám đốc|chủ tịch|trưởng|"
                        r"thủ trưởng|hiệu trưởng|tổng giám đốc|chánh|người (?:ký|làm|viết|kê|cam|yêu|đại))\b",
                        re.IGNORECASE)
#: A line after a short title that says what it is about: "Về việc chấm dứt hoạt động hộ kinh doanh", "(V/v ...)".
_SUBTITLE = re.compile(r"^\(?\s*(?:v/v|về việc|về|v\.v\.?)\b", re.IGNORECASE)
_SECTION_START = re.compile(r"^(?:[IVX]+|\d+|[A-ZĐ])[.)]\s|^(?:BÊN|THÔNG TIN|PHẦN|NGƯỜI|DANH SÁCH|NỘI DUNG|ĐIỀU)\b",
                            re.IGNORECASE)
_SKIP_LINE = re.compile(r"^(?:m[ẫa]u|s[ốo]\s*[:.]|s[ốo]\s*\d|số hiệu|kính gửi|\(|-{2,}|_{2,}|\d+\s*$|trang\s+\d)",
                        re.IGNORECASE)
_DOTS = re.compile(r"(?:\s*[.…·_]){3,}")


@dataclass
class Document:
    """One document found in the dossier: its file, pages, title and text."""

    file: str
    pages: list[int]
    text: str
    title: str = ""
    source: PageSource = "text"
    title_main: str = ""
    declared: bool = False
    head: list[str] = field(default_factory=list)

    @property
    def first_page(self) -> int | None:
        return None if self.declared else (self.pages[0] if self.pages else None)


def clean_line(line: str) -> str:
    """A line without form-field dot leaders and repeated spaces."""
    return " ".join(_DOTS.sub(" ", line).split())


def _lines(text: str) -> list[str]:
    return [cleaned for raw in text.splitlines() if (cleaned := clean_line(raw))]


def _upper_share(line: str) -> float:
    letters = [ch for ch in line if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch.isupper() for ch in letters) / len(letters)


#: Issuing bodies recognised without diacritics too (OCR slips on them: "QUẦN 1" for "QUẬN 1").
_PLAIN_AGENCY_PREFIXES = ("uy ban", "ubnd", "cong an", "benh vien", "trung tam", "quan ", "huyen ", "phuong ",
                          "thanh pho", "tinh ", "thi xa", "thi tran", "so y te", "so tu phap", "toa an", "chi nhanh",
                          "van phong dang ky")


def _is_agency(line: str) -> bool:
    key = " ".join(fold(line).split())
    if len(key.split()) > 12:
        return False
    return key.startswith(_AGENCY_PREFIXES) or plain(line).startswith(_PLAIN_AGENCY_PREFIXES)


def _names_a_paper(line: str) -> bool:
    key = plain(line) + " "
    return key.startswith(HEAD_NOUNS) or any(f" {noun}" in f" {key}" for noun in
                                            ("to khai", "giay ", "don ", "hop dong", "bien ban", "quyet dinh",
                                             "trich luc", "can cuoc", "ho chieu", "van ban", "phieu", "chung nhan"))


def _is_translation(line: str) -> bool:
    """An English line beside Vietnamese ("CĂN CƯỚC" / "IDENTITY CARD"): ASCII words, no Vietnamese diacritics."""
    return line.isascii() and not has_vietnamese_diacritics(line) and len(line.split()) <= 8


def find_title(lines: list[str]) -> tuple[str, bool]:
    """(title, has_header) of a page or document: the first upper-case line near the top that names a paper,
    joined with the upper-case line after it (or the "Về việc ..." line under a short title); ``has_header``
    says whether the national motto was seen."""
    full, _, has_header = find_title_parts(lines)
    return full, has_header


def find_title_parts(lines: list[str]) -> tuple[str, str, bool]:
    """(title with its subtitle, title alone, has_header). An official letter without a title ("công văn") is
    known by its subject line ("V/v đề nghị cấp bản sao trích lục khai tử")."""
    has_header = False
    top = lines[:TOP_LINES]
    accented = any(has_vietnamese_diacritics(line) for line in top)
    for index, line in enumerate(top):
        if is_motto(line):
            has_header = True
            continue
        if _SKIP_LINE.match(line) or _upper_share(line) < 0.75 or len(plain(line).split()) < 2:
            continue
        if _is_agency(line) or _SIGNATURE.match(line) or (accented and _is_translation(line)):
            continue
        if not _names_a_paper(line) and not has_header:
            continue
        main = line
        if index + 1 < len(top):
            following = top[index + 1]
            if _SUBTITLE.match(following) or (len(plain(line).split()) <= 4 and following.startswith("(")):
                return f"{main} {following.strip('() ')}", main, True
            if _upper_share(following) >= 0.75 and not is_motto(following) and not _SKIP_LINE.match(following) \
                    and not _SECTION_START.match(following) and not _is_agency(following) \
                    and not _is_translation(following):
                main = f"{main} {following}"
        return main, main, True
    subject = next((line for line in top if re.match(r"^\(?\s*v/v\b", line, re.IGNORECASE)), "")
    if subject:
        cleaned = re.sub(r"^\(?\s*v/v\s*[:.]?\s*", "", subject, flags=re.IGNORECASE).strip(" )")
        return cleaned, cleaned, True
    return "", "", has_header


def _starts_document(lines: list[str]) -> bool:
    title, has_header = find_title(lines)
    return bool(title) or has_header


def _text_blocks(page: Page) -> list[str]:
    """A page of text split where a second national motto starts another document (DOCX and text files)."""
    if page.source == "ocr" or page.kind not in ("docx", "text"):
        return [page.text]
    raw = page.text.splitlines()
    cuts = [0]
    for index, line in enumerate(raw):
        if index - cuts[-1] > 8 and is_motto(line) and "cong hoa" in plain(line):
            cuts.append(index)
    cuts.append(len(raw))
    return ["\n".join(raw[a:b]) for a, b in itertools.pairwise(cuts) if "\n".join(raw[a:b]).strip()]


def split_documents(pages: list[Page]) -> list[Document]:
    """Documents of one file's pages, in order."""
    documents: list[Document] = []
    current: Document | None = None
    for page in pages:
        for block in _text_blocks(page):
            lines = _lines(block)
            if current is None or current.file != page.file or _starts_document(lines):
                title, main, _ = find_title_parts(lines)
                current = Document(page.file, [page.number], block, title, page.source, title_main=main,
                                   head=lines[:TOP_LINES])
                documents.append(current)
            else:
                if page.number not in current.pages:
                    current.pages.append(page.number)
                current.text = f"{current.text}\n{block}"
                if current.source != page.source and page.source == "ocr":
                    current.source = "ocr"
    return documents


def declared_document(name: str, text: str) -> Document:
    """A document the request only names (and may transcribe): the name is its title."""
    lines = _lines(text)
    title = find_title(lines)[0] if lines else ""
    head = [name, *lines[:TOP_LINES]]
    return Document(name, [], f"{name}\n{text}".strip(), title or name, "declared", declared=True, head=head)
