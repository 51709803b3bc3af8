"""A question that says nothing of doing something again gets the first-time procedure first."""

from __future__ import annotations

import pytest

from assistant.retrieval.again import first_time_first
from assistant.retrieval.hybrid import ProcedureHit
from tests.conftest import name_hit


def _craft() -> list[ProcedureHit]:
    return [name_hit("2.001214", "Đăng ký lại phương tiện hoạt động vui chơi, giải trí dưới nước", 0.030),
            name_hit("2.001215", "Đăng ký phương tiện hoạt động vui chơi, giải trí dưới nước lần đầu", 0.026),
            name_hit("1.004222", "Đăng ký thường trú", 0.020)]


@pytest.mark.parametrize(("question", "code"), [
    ("khu du lịch muốn đăng ký cano cho khách chơi thì đăng ký ở đâu", "2.001215"),
    ("giấy đăng ký cano bị mất, đăng ký ở đâu", "2.001214"),  # a re-issue word asks for the second time
    ("cano đã bán rồi mua lại, đăng ký lại thế nào", "2.001214"),
    ("How do I re-register a jet ski?", "2.001214"),
    ("水上摩托需要重新登记吗？", "2.001214"),
])
def test_the_first_time_goes_first_unless_a_second_time_is_asked(question: str, code: str) -> None:
    ordered = first_time_first(_craft(), question)
    assert ordered[0].code == code
    assert ordered[0].score == 0.030  # the places trade scores: the margin over the rest is kept


def test_a_far_or_unrelated_hit_does_not_move() -> None:
    far = _craft()
    far[1].score = 0.010
    assert first_time_first(far, "đăng ký cano cho khách")[0].code == "2.001214"
    unrelated = [_craft()[0], _craft()[2]]
    assert first_time_first(unrelated, "đăng ký cano cho khách")[0].code == "2.001214"
