"""Provinces and cities a question names, left out of what the question is about.

"Công ty tôi ở Hà Nội muốn mở thêm cửa hàng ở Hải Phòng", "we're moving to Ho Chi Minh City": the place says where
the asker is, and its syllables ("nội", "phòng", "chí", "minh") belong to the names of unrelated procedures ("nội
địa", "văn phòng", "chi nhánh", "chứng minh"). The names are in ``knowledge/place_names.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from knowledge.text import comparison_alternation, comparison_form

PLACE_NAMES_FILE = Path(knowledge.__file__).parent / "place_names.yaml"
#: "người Việt Nam định cư ở nước ngoài" holds "Nam Định" without naming it.
_NOT_BEFORE = r"(?!\s+cu\b)"


@lru_cache(maxsize=1)
def _place_pattern(path: Path = PLACE_NAMES_FILE) -> re.Pattern[str]:
    data = yaml.safe_load(path.read_text("utf-8"))
    names = comparison_alternation([*data["provinces"], *data["cities"], *data["other_spellings"]])
    prefixes = comparison_alternation(data["prefixes"])
    return re.compile(rf"(?<!\w)(?:(?:{prefixes})\s+)?(?:{names})(?!\w){_NOT_BEFORE}")


def without_place_names(text: str) -> str:
    """``text`` without the provinces and cities it names: in comparison form (lowercase, no diacritics) when it
    named one, else unchanged."""
    plain = comparison_form(text)
    stripped = _place_pattern().sub(" ", plain)
    return stripped if stripped != plain else text


def is_place_name(phrase: str) -> bool:
    """Whether ``phrase`` is only the name of a province or city ("Thành phố Hồ Chí Minh")."""
    return bool(_place_pattern().fullmatch(comparison_form(phrase)))
