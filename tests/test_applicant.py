"""A question that names no organisation gets the procedure for people before the one for organisations."""

from __future__ import annotations

from assistant.retrieval.applicant import person_first
from assistant.retrieval.hybrid import ProcedureHit
from tests.conftest import name_hit


def _accounts() -> list[ProcedureHit]:
    return [name_hit("3.000498", "Cấp tài khoản định danh điện tử cho cơ quan, tổ chức", 0.030),
            name_hit("3.000275", "Mở khóa tài khoản định danh điện tử (thực hiện tại cấp tỉnh)", 0.028),
            name_hit("1.011410", "Cấp tài khoản định danh điện tử mức độ 01 cho công dân Việt Nam", 0.026)]


def test_the_procedure_for_people_goes_first_unless_an_organisation_is_named() -> None:
    assert person_first(_accounts(), "tài khoản định danh điện tử?")[0].code == "1.011410"  # not "Mở khóa"
    assert person_first(_accounts(), "công ty tôi cần tài khoản định danh điện tử")[0].code == "3.000498"
    assert person_first(_accounts(), "my company needs one\ndoanh nghiệp")[0].code == "3.000498"


def test_a_far_or_unrelated_hit_does_not_move() -> None:
    far = _accounts()
    far[2].score = 0.010
    assert person_first(far, "tài khoản định danh điện tử?")[0].code == "3.000498"
    other = [_accounts()[0], name_hit("1.004222", "Đăng ký thường trú", 0.029)]
    assert person_first(other, "tài khoản định danh điện tử?")[0].code == "3.000498"


def test_a_centre_is_an_organisation_too() -> None:
    licences = [name_hit("3.000355", "Cấp giấy phép sát hạch cho trung tâm sát hạch lái xe loại 1, loại 2", 0.030),
                name_hit("3.000346", "Cấp giấy phép lái xe", 0.030)]
    assert person_first(licences, "thi bằng lái xe máy hạng A1 nộp hồ sơ dự sát hạch ở đâu")[0].code == "3.000346"
    assert person_first(licences, "trung tâm sát hạch xin giấy phép ở đâu")[0].code == "3.000355"
