"""Where to submit, for every record — also those that leave the field empty.

The place is taken, in order, from the record's "where to submit", its implementing or competent agency, the
sentence of its steps that says where the dossier is handed in ("nộp hồ sơ tại ..."), and finally from its level
(a commune-level procedure is handed in at the commune's one-stop section)."""

from __future__ import annotations

import re

from knowledge.model import Procedure

_SUBMIT_AT = re.compile(r"\bnộp\b(?:\s+hồ sơ)?[^.;,:\n]{0,40}?\btại\s+([^.;:\n(]{5,160})", re.IGNORECASE)
_EMPTY = {"", "không có thông tin", "không", "-"}
LEVEL_PLACES = {
    "cấp xã": "Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của Ủy ban nhân dân cấp xã",
    "cấp huyện": "Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) cấp huyện",
    "cấp tỉnh": "Trung tâm Phục vụ hành chính công cấp tỉnh",
}


def _given(text: str | None) -> str:
    value = (text or "").strip()
    return "" if value.lower().rstrip(".") in _EMPTY else value


def submission_place(p: Procedure) -> tuple[str, str]:
    """(place in Vietnamese, where it came from: ``record``, ``agency``, ``steps``, ``level`` or ``none``)."""
    if place := _given(p.where_to_submit):
        return place, "record"
    if agency := _given(p.agencies.implementing) or _given(p.agencies.competent):
        return agency, "agency"
    for step in p.steps:
        found = _SUBMIT_AT.search(step.text)
        if found:
            return found.group(1).strip().rstrip(","), "steps"
    for level in p.levels:
        by_level = LEVEL_PLACES.get(level.strip().lower())
        if by_level:
            return by_level, "level"
    return "", "none"
