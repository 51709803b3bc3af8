"""Grades written with Arabic numerals, read also in the Roman numerals of official names.

Procedure names grade what they cover with Roman numerals ("Công bố mở cảng cá loại I, loại II", "chứng chỉ hành
nghề ... hạng II, hạng III") and levels with two digits ("tài khoản định danh điện tử mức độ 02"); people type
"cảng cá loại 1", "hạng 2", "vneid mức 2". ``roman_grades`` gives the names' wording of each graded number in a
question, which the analyzer adds to its expansions.
"""

from __future__ import annotations

import re

from knowledge.text import comparison_form

#: Words that grade with a number after them, in comparison form (lowercase, no diacritics).
GRADE_WORDS = ("loai", "hang", "nhom", "bac", "cap do", "class", "grade", "category")
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}
_GRADED = re.compile(rf"\b({'|'.join(GRADE_WORDS)})\s+0?([1-5])\b")
#: Words that give a level as a two-digit number in names ("mức độ 02").
_LEVELED = re.compile(r"\b(?:muc do|muc)\s+0?([1-9])\b")


def roman_grades(text: str) -> list[str]:
    """The grades of ``text`` as names write them ("cảng cá loại 1" -> ["loai I"], "mức 2" -> ["muc do 02"]), in
    order, once each."""
    plain = comparison_form(text)
    found = [f"{word} {ROMAN[number]}" for word, number in _GRADED.findall(plain)]
    found += [f"muc do 0{number}" for number in _LEVELED.findall(plain)]
    return list(dict.fromkeys(found))
