"""An age in the question picks the family member whose name states an age range."""

from __future__ import annotations

import math

import pytest

from assistant.retrieval.ages import fits, name_age_range, question_age
from knowledge.model import Procedure, Provenance


@pytest.mark.parametrize(("text", "age"), [
    ("Cháu mới 8 tuổi.", 8), ("con toi 15 tuoi lam can cuoc", 15), ("my 8-year-old son", 8),
    ("our son is 13 years old", 13), ("mon fils de 8 ans", 8), ("我儿子8岁", 8), ("아들이 8살", 8),
    ("ابني عمره 8 سنوات", 8), ("Tôi 35 tuổi, làm căn cước cho con 5 tuổi", 5), ("làm căn cước ở đâu", None),
    ("phòng 14 m2", None), ("Căn cước cho người dưới 14 tuổi cần gì?", None), ("children under 14 years old", None),
    ("từ đủ 14 tuổi trở lên", None), ("My daughter just turned 14.", 14), ("at the age of 8", 8),
    ("the 2024 budget turned 15 percent", None), ("can cuoc 14t can gi", 14), ("dưới 14t", None),
    ("xe tải 5 t", None),
])
def test_the_age_a_question_states(text: str, age: int | None) -> None:
    assert question_age(text) == age


@pytest.mark.parametrize(("name", "ages"), [
    ("Cấp thẻ căn cước cho người dưới 14 tuổi (thực hiện tại cấp trung ương)", (0.0, 14.0)),
    ("Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên", (14.0, math.inf)),
    ("Hỗ trợ trẻ em từ đủ 6 tuổi đến dưới 16 tuổi", (6.0, 16.0)),
    ("Đăng ký khai sinh", None),
])
def test_the_age_range_a_name_states(name: str, ages: tuple[float, float] | None) -> None:
    assert name_age_range(name) == ages


def test_fits_says_none_for_a_name_without_a_range() -> None:
    def record(name: str) -> Procedure:
        return Procedure(uid="x", code="1.000001", name=name,
                         provenance=Provenance(source_kind="dvc", source_file="c.jsonl"))

    assert fits(record("Cấp thẻ căn cước cho người dưới 14 tuổi"), 8) is True
    assert fits(record("Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"), 8) is False
    assert fits(record("Đăng ký khai sinh"), 8) is None
