"""A procedure named for a special case goes first only when the question states the case."""

from __future__ import annotations

import pytest

from assistant.retrieval.cases import general_case_first
from assistant.retrieval.hybrid import ProcedureHit
from tests.conftest import name_hit

_CHANGE_OF_OWNER = ("Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe (đăng ký sang tên xe) "
                    "bằng dịch vụ công trực tuyến một phần hoặc trực tiếp thực hiện tại cấp trung ương, cấp tỉnh")
_FIRST = "Đăng ký, cấp biển số xe lần đầu thực hiện bằng dịch vụ công một phần hoặc trực tiếp"


def _hits() -> list[ProcedureHit]:
    return [name_hit("1.013076", _CHANGE_OF_OWNER, 0.030), name_hit("1.013067", _FIRST, 0.027),
            name_hit("1.004222", "Đăng ký thường trú", 0.020)]


@pytest.mark.parametrize(("asked", "code"), [
    ({"dang", "ky", "xe", "online"}, "1.013067"),  # the case is not stated: the general procedure
    ({"mua", "xe", "sang", "ten"}, "1.013076"),  # "sang tên" states it
    ({"thay", "chu", "xe"}, "1.013076"),
])
def test_a_case_clause_needs_the_question_to_state_the_case(asked: set[str], code: str) -> None:
    ordered = general_case_first(_hits(), asked)
    assert ordered[0].code == code
    assert ordered[0].score == 0.030  # places trade scores: the margin over the rest is kept


def test_only_a_close_hit_about_the_same_object_moves() -> None:
    far = _hits()
    far[1].score = 0.010
    assert general_case_first(far, {"dang", "ky", "xe"})[0].code == "1.013076"
    unrelated = [_hits()[0], _hits()[2]]
    assert general_case_first(unrelated, {"dang", "ky", "xe"})[0].code == "1.013076"


def test_a_name_that_also_names_the_general_procedure_is_not_a_special_case() -> None:
    both = ("Đăng ký thay đổi nội dung đăng ký hợp tác xã; Đăng ký thay đổi nội dung đối với trường hợp hợp tác xã "
            "chia, tách, hợp nhất")
    hits = [name_hit("1.005277", both, 0.030), name_hit("2.002041", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
                                                        0.029)]
    assert general_case_first(hits, {"thay", "doi", "ten", "dia", "chi"})[0].code == "1.005277"
