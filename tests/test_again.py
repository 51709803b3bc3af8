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


def test_a_second_time_that_qualifies_what_it_redoes_still_yields_to_the_first_time() -> None:
    branch = [name_hit("2.002667", "Đăng ký lại chi nhánh, văn phòng đại diện, địa điểm kinh doanh của công ty nhà "
                                   "nước và công ty con chưa chuyển đổi", 0.030),
              name_hit("2.002069", "Đăng ký hoạt động chi nhánh, văn phòng đại diện, thông báo lập địa điểm kinh "
                                   "doanh; thông báo lập chi nhánh, văn phòng đại diện ở nước ngoài", 0.028)]
    assert first_time_first(branch, "công ty muốn mở thêm một cửa hàng ở tỉnh khác")[0].code == "2.002069"


def test_a_name_that_lists_the_first_time_too_is_not_a_second_time() -> None:
    permit = [name_hit("1.004359", "Cấp, cấp lại Giấy phép khai thác thủy sản", 0.030),
              name_hit("1.004940", "Cấp văn bản chấp thuận cho tàu cá khai thác thủy sản ở vùng biển", 0.028)]
    assert first_time_first(permit, "tàu cá mới đóng xong xin giấy phép khai thác thủy sản")[0].code == "1.004359"
    card = [name_hit("1.000757", "Cấp lại thẻ căn cước", 0.030),
            name_hit("1.001247", "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên", 0.028)]
    assert first_time_first(card, "căn cước cũ còn dùng được không")[0].code == "1.000757"  # another case, not moved


def test_a_first_time_name_made_of_the_second_times_words_goes_first() -> None:
    household = [name_hit("2.000575", "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, Cấp đổi sang Giấy chứng nhận "
                                      "đăng ký hộ kinh doanh", 0.030),
                 name_hit("1.014034", "Đăng ký cập nhật, bổ sung thông tin trong hồ sơ đăng ký hộ kinh doanh", 0.022),
                 name_hit("1.001612", "Đăng ký thành lập hộ kinh doanh", 0.021)]
    assert first_time_first(household, "đăng ký hộ kinh doanh mất mấy ngày")[0].code == "1.001612"
