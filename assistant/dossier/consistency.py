"""What does not add up between the documents of a dossier: one person's name, date of birth or personal ID number
written differently, and 12-digit ID numbers whose structure cannot fit the person.

People are linked across documents by role where the role names one person in a dossier (the child, the deceased,
the mother...), by the same ID number, or by the same name and date of birth. Values are compared after
normalizing case, diacritics and spacing (names) or parsing (dates: "02/10/2026" equals "2 tháng 10 năm 2026"),
and an OCR'd value is allowed a one-letter slip, so that only real differences are reported.

The 12-digit personal ID (Circular 59/2021/TT-BCA, Art. 7): three digits for the province where the birth was
registered, one for century of birth and sex (0/1: 1900s male/female, 2/3: 2000s, 4/5: 2100s), two for the
year of birth, six for the person.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from assistant.dossier.fields import UNIQUE_ROLES, Person, Value, extract_people
from assistant.dossier.messages import say
from assistant.dossier.schemas import DossierWarning, Evidence, WarningKind
from assistant.dossier.splitting import Document
from assistant.dossier.wording import plain
from assistant.redact import redact

#: Province codes of the 12-digit personal ID (Circular 59/2021/TT-BCA, appendix): the 63 provinces of 2021.
PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 "
    "042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 "
    "086 087 089 091 092 093 094 095 096".split())


@dataclass
class Seen:
    """A person as one document shows them."""

    document: Document
    person: Person

    def where(self, language: str) -> str:
        page = self.document.first_page
        return self.document.file + (f", {say(language, 'page', page=page)}" if page else "")

    @property
    def ocr(self) -> bool:
        return self.document.source == "ocr"


def _name_slip(a: str, b: str) -> bool:
    """Two renderings of one name that differ as OCR slips do: one letter, or a stray word read after it."""
    left, right = plain(a).split(), plain(b).split()
    shorter, longer = sorted((left, right), key=len)
    if len(longer) - len(shorter) == 1 and longer[: len(shorter)] == shorter:
        return True
    if len(left) != len(right):
        return False
    slips = [Levenshtein.distance(x, y) for x, y in zip(left, right, strict=True)]
    return sum(slips) <= 1 and all(s == 0 or len(x) >= 3 for s, x in zip(slips, left, strict=True))


def _digit_slip(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _same_name(a: str, b: str, lenient: bool) -> bool:
    """Equal after case, diacritics and spacing are set aside ("Vũ Gia Bình" = "VŨ GIABÌNH"), or, on a scan,
    apart by an OCR slip."""
    return plain(a).replace(" ", "") == plain(b).replace(" ", "") or (lenient and _name_slip(a, b))


def _same_id(a: str, b: str, lenient: bool) -> bool:
    return a == b or (lenient and _digit_slip(a, b))


def _evidence(seen: Seen, value: Value) -> Evidence:
    return Evidence(file=seen.document.file, page=seen.document.first_page, snippet=redact(value.line)[:200],
                    score=1.0)


def _role_label(role: str, language: str) -> str:
    key = f"role_{role}" if role in UNIQUE_ROLES or role == "requester" else "role_person"
    return say(language, key)


def _difference(kind: WarningKind, key: str, a: Seen, b: Seen, va: Value, vb: Value, label: str,
                language: str, slip: bool) -> DossierWarning:
    """A firm warning, or, where a scanned page may simply have been misread by one character, a value to check."""
    message = say(language, key, role=label, a=va.text, b=vb.text, a_where=a.where(language),
                  b_where=b.where(language))
    if slip:
        return DossierWarning(kind="check_value", message=f"{say(language, 'check_prefix')} {message}",
                              evidence=[_evidence(a, va), _evidence(b, vb)])
    return DossierWarning(kind=kind, message=message, evidence=[_evidence(a, va), _evidence(b, vb)])


def _compare(a: Seen, b: Seen, role: str, language: str) -> list[DossierWarning]:
    warnings: list[DossierWarning] = []
    lenient = a.ocr or b.ocr
    label = _role_label(role, language)
    pa, pb = a.person, b.person
    if pa.name and pb.name and not _same_name(pa.name.text, pb.name.text, False):
        slip = lenient and _name_slip(pa.name.text, pb.name.text)
        warnings.append(_difference("name_mismatch", "warn_name", a, b, pa.name, pb.name, label, language, slip))
    if pa.birth and pb.birth and pa.birth_date and pb.birth_date and pa.birth_date != pb.birth_date:
        slip = lenient and _digit_slip(pa.birth_date.strftime("%d%m%Y"), pb.birth_date.strftime("%d%m%Y"))
        warnings.append(_difference("birth_date_mismatch", "warn_birth", a, b, pa.birth, pb.birth, label,
                                    language, slip))
    if pa.id_number and pb.id_number and pa.id_number.text != pb.id_number.text:
        slip = lenient and _digit_slip(pa.id_number.text, pb.id_number.text)
        warnings.append(_difference("id_mismatch", "warn_id", a, b, pa.id_number, pb.id_number, label, language,
                                    slip))
    return warnings


def _linked(a: Seen, b: Seen) -> str | None:
    """The role under which two people are the same person, or None."""
    pa, pb = a.person, b.person
    if pa.role == pb.role and pa.role in UNIQUE_ROLES:
        return pa.role
    lenient = a.ocr or b.ocr
    if pa.id_number and pb.id_number and _same_id(pa.id_number.text, pb.id_number.text, lenient):
        return pa.role if pa.role == pb.role else "person"
    if pa.name and pb.name and _same_name(pa.name.text, pb.name.text, lenient) and _births_agree(pa, pb) and \
            (len(pa.name.text.split()) >= 3 or (pa.birth_date is not None and pa.birth_date == pb.birth_date)):
        return pa.role if pa.role == pb.role else "person"
    return None


def _year(person: Person) -> int | None:
    return person.birth_date.year if person.birth_date else person.birth_year


def _births_agree(a: Person, b: Person) -> bool:
    """Same full name and nothing about the birth that tells them apart: the same person (two people with one
    full name in a dossier is far rarer than a typo in one of the papers)."""
    if a.birth_date and b.birth_date:
        return a.birth_date == b.birth_date
    return _year(a) is None or _year(b) is None or _year(a) == _year(b)


def id_structure_problems(person: Person, language: str) -> list[str]:
    """What in a 12-digit ID number cannot fit the person (province code, century and sex, year of birth)."""
    if person.id_number is None or len(person.id_number.text) != 12:
        return []
    number = person.id_number.text
    problems: list[str] = []
    if number[:3] not in PROVINCE_CODES:
        problems.append(say(language, "id_province"))
    century_sex = int(number[3])
    if century_sex > 5:
        problems.append(say(language, "id_century", year="?"))
    elif person.birth_date is not None:
        year = person.birth_date.year
        if 1900 + 100 * (century_sex // 2) != year // 100 * 100:
            problems.append(say(language, "id_century", year=year))
        elif number[4:6] != f"{year % 100:02d}":
            problems.append(say(language, "id_year", year=year))
    if century_sex <= 5 and person.sex is not None and (century_sex % 2 == 1) != (person.sex == "female"):
        problems.append(say(language, "id_sex", sex=person.sex))
    return problems


def check_consistency(documents: list[Document], language: str) -> list[DossierWarning]:
    """Warnings for differences between documents and for ID numbers that cannot be right."""
    seen = [Seen(doc, person) for doc in documents for person in extract_people(doc)]
    warnings: list[DossierWarning] = []
    reported: set[tuple[str, str]] = set()
    for a, b in combinations(seen, 2):
        if a.document is b.document:
            continue
        role = _linked(a, b)
        if role is None:
            continue
        for warning in _compare(a, b, role, language):
            key = (warning.kind, "|".join(sorted(e.snippet for e in warning.evidence)))
            if key not in reported:
                reported.add(key)
                warnings.append(warning)
    ids = Counter(item.person.id_number.text for item in seen if item.person.id_number)
    births = Counter((item.person.id_number.text, item.person.birth_date) for item in seen
                     if item.person.id_number and item.person.birth_date)
    for item in seen:
        person, number = item.person, item.person.id_number
        if number is None:
            continue
        if item.ocr:
            # one misread digit breaks the structure: on a scan, check only a number (and a birth date) that
            # another document shows the same way
            if ids[number.text] < 2:
                continue
            if person.birth_date and births[(number.text, person.birth_date)] < 2:
                person = Person(person.role, name=person.name, id_number=number, sex=person.sex)
        problems = id_structure_problems(person, language)
        if problems:
            warnings.append(DossierWarning(kind="id_structure", message=say(
                language, "warn_id_structure", id=number.text, where=item.where(language),
                what="; ".join(problems)), evidence=[_evidence(item, number)]))
    return warnings
