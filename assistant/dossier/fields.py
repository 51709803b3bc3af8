"""People named in a document: full name, date of birth, personal ID number and sex, each with the role the form
gives them (the child, the deceased, the mother, the requester, the card holder...).

Forms label their fields ("Họ, chữ đệm, tên:", "Ngày, tháng, năm sinh:", "Số định danh cá nhân:"); the role comes
from the label itself ("Họ tên mẹ:", "Họ, chữ đệm, tên người yêu cầu:") or from the section heading above it
("II. THÔNG TIN NGƯỜI CHẾT"). A document's own person (an ID card's holder) has the role ``holder``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assistant.dossier.splitting import Document, clean_line
from assistant.dossier.wording import plain

#: Roles that name one person in a dossier, compared across documents by role.
UNIQUE_ROLES = ("child", "deceased", "mother", "father", "wife", "husband")
_ROLE_CUES: tuple[tuple[str, str], ...] = (
    ("nguoi duoc khai sinh", "child"), ("tre em", "child"), ("cua con", "child"), ("ten con", "child"),
    ("nguoi con", "child"), ("khai sinh cho nguoi", "child"), ("khai tu cho nguoi", "deceased"),
    ("du dinh dat ten", "child"), ("ten tre", "child"), ("so sinh", "child"),
    ("nguoi da chet", "deceased"), ("nguoi chet", "deceased"), ("nguoi da mat", "deceased"),
    ("nguoi duoc khai tu", "deceased"), ("nguoi mat", "deceased"), ("nguoi qua doi", "deceased"),
    ("nguoi tu vong", "deceased"), ("tu vong", "deceased"),
    ("me", "mother"), ("nguoi me", "mother"), ("san phu", "mother"), ("cha", "father"), ("bo", "father"),
    ("nguoi cha", "father"), ("ben nu", "wife"), ("ben nam", "husband"), ("nguoi vo", "wife"),
    ("nguoi chong", "husband"), ("vo", "wife"), ("chong", "husband"),
    ("nguoi yeu cau", "requester"), ("nguoi di khai", "requester"), ("nguoi khai", "requester"),
    ("nguoi de nghi", "requester"), ("nguoi ke khai", "requester"), ("nguoi dang ky", "requester"),
    ("ben uy quyen", "authorizer"), ("nguoi uy quyen", "authorizer"),
    ("ben duoc uy quyen", "authorized"), ("nguoi duoc uy quyen", "authorized"),
    ("nguoi lam chung", "witness"), ("chu ho", "householder"), ("chu ho kinh doanh", "business_owner"),
    ("ben cho thue", "lessor"), ("ben thue", "lessee"), ("ben cho muon", "lessor"), ("ben muon", "lessee"),
    ("nguoi su dung dat", "land_user"), ("chu so huu", "owner"), ("nguoi yeu cau chung thuc", "requester"),
)
_NAME_LABEL = re.compile(
    r"^(?:ho,? chu dem,? (?:va )?ten|ho va ten|ho ten|full name|toi la|ong ba|ong/ba|ten nguoi|ong$|ba$)\b")
#: Words of address before a name ("Ông NGÔ GIA HÙNG", "Bà ...", "Đồng chí ...").
_HONORIFICS = frozenset({"ong", "ba", "anh", "chi", "chau", "em", "co"})
#: Family names of Vietnam (the first word of nearly every Vietnamese full name), without diacritics. A value whose
#: first word is not one of them is not read as a person's name (a business name, an OCR fragment).
SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dao doan vuong trinh truong lam phung "
    "mai to ha ta cao quach luong thai chau luu dinh kieu la van trieu chu tu dam nong lo hua khuc than au giang "
    "doan tang lac mac ong kim luc diep ninh phi quan tieu hau nghiem bach vi trinh han vien ma hoa ung khong cu "
    "dong yen thach danh son lai lau y che tong nhu thieu sam an khuat hong lang".split())
_BIRTH_LABEL = re.compile(r"^(?:ngay,? thang,? nam sinh|ngay sinh|sinh ngay|date of birth)\b")
_ID_LABEL = re.compile(
    r"dinh danh|can cuoc|\bcccd\b|\bcmnd\b|chung minh nhan dan|ho chieu|giay to (?:tuy than|nhan than)|"
    r"personal identification|^so no\b|^so$|^no$")
_YEAR_LABEL = re.compile(r"^(?:nam sinh|sinh nam)\b")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[a-zđ]\)|[IVX]+\.)\s*", re.IGNORECASE)
_SEX_LABEL = re.compile(r"^(?:gioi tinh|sex)\b")
#: Labels that give the child's birth or name outright (birth notices): "Đã sinh con vào lúc", "Dự định đặt tên con".
_CHILD_BIRTH = re.compile(r"^(?:da sinh con|sinh con vao|ngay sinh cua con|ngay sinh cua tre)\b")
_CHILD_NAME = re.compile(r"^(?:du dinh dat ten con|ten con|ho ten con|ten cua con|ho va ten con)\b")
_LABEL_SPLIT = re.compile(r"\s*[:：]\s*")
_NEXT_LABEL = re.compile(
    r"\s{2,}|\s+(?=(?:Giới tính|Dân tộc|Quốc tịch|Nơi sinh|Ngày|Số|Nơi cư trú|Quê quán|Năm sinh|Sex|Nationality)\b)")
_DATE_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_ID_NUMBER = re.compile(r"(?<![\d])(\d[\d .]{10,16}\d)(?![\d])")
_NAME_WORD = re.compile(r"^[^\W\d_]{1,12}$")


@dataclass
class Value:
    text: str
    line: str


@dataclass
class Person:
    """What one document says about one person (each value with the line it came from)."""

    role: str
    name: Value | None = None
    birth: Value | None = None
    birth_date: dt.date | None = None
    birth_year: int | None = None
    id_number: Value | None = None
    sex: str | None = None
    lines: list[str] = field(default_factory=list)


def find_date(text: str) -> tuple[dt.date, str] | None:
    """The first valid date in ``text`` and the words it was written with: '02/10/2026', '2-10-2026',
    'ngày 02 tháng 10 năm 2026' all give date(2026, 10, 2)."""
    for pattern in (_DATE_NUMERIC, _DATE_WORDS):
        for match in pattern.finditer(text):
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day), match.group(0).strip()
            except ValueError:
                continue
    return None


def parse_date(text: str) -> dt.date | None:
    found = find_date(text)
    return found[0] if found else None


def normalize_name(text: str) -> str | None:
    """The name in a value ('NGUYỄN  Thị Hương ....' -> 'Nguyễn Thị Hương'), or None when it is not a name."""
    cut = re.split(r"[(,;:/]|\s-\s", clean_line(re.split(r"\s{2,}|\t", text.strip())[0]))[0]
    tokens: list[str] = []
    raw_tokens = cut.replace(".", " ").replace("/", " ").split()
    while raw_tokens and plain(raw_tokens[0]) in _HONORIFICS and len(raw_tokens) > 2:
        raw_tokens = raw_tokens[1:]
    for token in raw_tokens:
        if not _NAME_WORD.match(token) or not token[0].isupper():
            break  # the name ends where OCR noise or the next field begins
        tokens.append(token)
    if not 2 <= len(tokens) <= 7:
        return None
    if plain(tokens[0]) not in SURNAMES:
        return None
    return " ".join(t[:1].upper() + t[1:].lower() for t in tokens)


def _id_in(text: str) -> str | None:
    for match in _ID_NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        if len(digits) in (9, 12):
            return digits
    return None


def _role_of_label(label_key: str) -> str | None:
    rest = _NAME_LABEL.sub("", label_key)
    rest = _BIRTH_LABEL.sub("", rest)
    rest = _ID_LABEL.sub("", rest).strip()
    return _role_in(rest) if rest else None


def _role_in(key: str) -> str | None:
    """The role a heading or label suffix names (longest cue wins)."""
    best: tuple[int, str] | None = None
    padded = f" {key} "
    for cue, role in _ROLE_CUES:
        if f" {cue} " in padded and (best is None or len(cue) > best[0]):
            best = (len(cue), role)
    return best[1] if best else None


_LABEL_AHEAD = re.compile(r"\s+(?=[A-ZĐ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}\s*[:：])")


def _value_after_label(line: str) -> str:
    """The value of the first field of a line, up to the next field's label ("... Nghề nghiệp: ...")."""
    parts = _LABEL_SPLIT.split(line, maxsplit=1)
    value = parts[1] if len(parts) > 1 else ""
    if not value:
        return ""
    value = _NEXT_LABEL.split(value.strip(), maxsplit=1)[0]
    return _LABEL_AHEAD.split(value, maxsplit=1)[0]


def _is_heading(line: str, key: str) -> bool:
    return ":" not in line[:-1] and len(key.split()) <= 20


def _table_segments(line: str, columns: list[str | None]) -> tuple[list[tuple[str, str | None]], list[str | None]]:
    """Fields of a table row written "Label | value | value": the header row ("Thông tin | Bên nữ | Bên nam") gives
    each column its person; a two-cell row is "Label: value"."""
    cells = [cell.strip() for cell in line.split("|")]
    roles = [_role_in(plain(cell)) for cell in cells[1:]]
    if len(cells) >= 3 and all(roles):
        return [], roles
    if columns and len(cells) == len(columns) + 1:
        return [(f"{cells[0]}: {value}", role) for value, role in zip(cells[1:], columns, strict=True)], columns
    if len(cells) == 2:
        return [(f"{cells[0]}: {cells[1]}", None)], columns
    return [], columns


def extract_people(document: Document) -> list[Person]:
    """People of a document, by role; values keep the line they came from."""
    people: dict[str, Person] = {}
    section: str | None = None
    columns: list[str | None] = []
    for raw in document.text.splitlines():
        line = clean_line(raw)
        if not line:
            continue
        if " | " in raw:
            segments, columns = _table_segments(raw, columns)
            for segment, role in segments:
                _read_segment(clean_line(segment), role or section, people, forced=role)
            continue
        for segment in re.split(r"\s{3,}|\t", raw):
            section = _read_segment(clean_line(segment), section, people)
        key = plain(line)
        if _is_heading(line, key):
            role = _role_in(key)
            if role:
                section = role
    return [p for p in people.values() if p.name or p.birth or p.id_number or p.birth_year]


def _read_child(key: str, value: str, line: str, people: dict[str, Person]) -> None:
    child = people.setdefault("child", Person("child"))
    if _CHILD_BIRTH.match(key) and child.birth is None:
        found = find_date(value)
        if found:
            child.birth, child.birth_date = Value(found[1], line), found[0]
    elif _CHILD_NAME.match(key) and child.name is None:
        name = normalize_name(value)
        if name:
            child.name = Value(name, line)


def _read_segment(line: str, section: str | None, people: dict[str, Person],
                  forced: str | None = None) -> str | None:
    """Read one labelled field into ``people``; returns the section that follows (a role-naming name label such as
    "Họ, chữ đệm, tên người yêu cầu:" opens that person's section). ``forced`` is the person of a table column."""
    if ":" not in line and "：" not in line:
        return section
    label = _LABEL_SPLIT.split(line, maxsplit=1)[0]
    key = plain(_NUMBERING.sub("", label.strip()))
    labelled = forced or _role_of_label(key)
    role = labelled or section or "holder"
    if labelled and _NAME_LABEL.match(key):
        section = labelled
    elif _NAME_LABEL.match(key) and not forced and role in people and people[role].name is not None:
        # a second "Họ và tên:" with no role of its own: another person, not more about this one
        role = section = f"other{len(people)}"
    value = _value_after_label(line)
    if not value:
        return section
    if _CHILD_BIRTH.match(key) or _CHILD_NAME.match(key):
        _read_child(key, value, line, people)
        return section
    person = people.setdefault(role, Person(role))
    if _NAME_LABEL.match(key) and person.name is None:
        name = normalize_name(value)
        if name:
            person.name = Value(name, line)
    elif _BIRTH_LABEL.match(key) and person.birth is None:
        found = find_date(value)
        if found:
            person.birth, person.birth_date = Value(found[1], line), found[0]
    elif _YEAR_LABEL.match(key) and person.birth_year is None:
        year = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", value)
        if year:
            person.birth_year = int(year.group(1))
    elif _ID_LABEL.search(key) and person.id_number is None:
        number = _id_in(value)
        if number:
            person.id_number = Value(number, line)
    elif _SEX_LABEL.match(key) and person.sex is None:
        sex = plain(value).split(" ")[0] if value else ""
        person.sex = {"nam": "male", "male": "male", "nu": "female", "female": "female"}.get(sex)
    return section
