"""Action families ("Cấp" / "Cấp lại" / "Đổi" / "Gia hạn" X) and short forms read from the names."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.retrieval.actions import ActionRules, action_evidence, member_doing_asked, order_by_action, same_object
from assistant.retrieval.hybrid import ProcedureHit
from assistant.understanding.acronyms import AcronymReader, looks_like_short_form
from assistant.understanding.query import QueryAnalyzer
from knowledge.glossary import load_glossary
from knowledge.model import Procedure, Provenance
from tests.conftest import name_hit


def _licences() -> list[ProcedureHit]:
    return [
        name_hit("3.000347", "Đổi giấy phép lái xe", 0.030),
        name_hit("3.000348", "Cấp lại giấy phép lái xe", 0.029),
        name_hit("3.000346", "Cấp giấy phép lái xe", 0.028),
        name_hit("1.004222", "Đăng ký thường trú", 0.027),
        name_hit("3.000352", "Thu hồi giấy phép lái xe", 0.010),
    ]


def _first(question: str) -> str:
    return order_by_action(_licences(), question)[0].code


@pytest.mark.parametrize(("question", "code"), [
    ("thi bằng lái xe máy nộp hồ sơ ở đâu", "3.000346"),   # no action asked: the first issue
    ("bị mất bằng lái xe thì làm sao", "3.000348"),
    ("lam mat bang lai xe", "3.000348"),                   # typed without diacritics
    ("bằng lái hết hạn rồi", "3.000347"),
    ("I lost my driving licence", "3.000348"),
    ("làm bằng lái mất bao lâu", "3.000346"),             # "mất bao lâu" is how long, not lost
])
def test_the_asked_action_or_the_first_issue_goes_first(question: str, code: str) -> None:
    assert _first(question) == code


def test_only_family_members_trade_places_and_scores_stay_with_positions() -> None:
    hits = order_by_action(_licences(), "xin cấp bằng lái lần đầu")
    assert [h.code for h in hits] == ["3.000346", "3.000347", "3.000348", "1.004222", "3.000352"]
    assert [h.score for h in hits] == [0.030, 0.029, 0.028, 0.027, 0.010]


def test_a_far_weaker_member_is_not_promoted() -> None:
    hits = order_by_action(_licences(), "thu hồi bằng lái")
    assert hits[0].code == "3.000347"  # "Thu hồi" scored a third of the family's best


def test_names_split_into_action_and_object() -> None:
    rules = ActionRules.load()
    assert rules.split_name("Cấp lại giấy phép lái xe") == (("reissue",), "giay phep lai xe")
    assert rules.split_name("Thủ tục gia hạn tạm trú (cấp tỉnh)") == (("extend",), "tam tru")
    assert rules.split_name("Khai báo tạm trú cho người nước ngoài") is None
    assert rules.split_name("Sửa lỗi sai sót trong giao dịch") == (("correct",), "sai sot trong giao dich")
    assert rules.split_name("Mở khóa tài khoản định danh điện tử") == (("unlock",), "tai khoan dinh danh dien tu")
    assert rules.split_name("Khóa căn cước điện tử") == (("lock",), "can cuoc dien tu")


def test_a_lock_is_asked_for_apart_from_an_unlock() -> None:
    rules = ActionRules.load()
    assert rules.asked("tài khoản vneid bị khóa") == {"unlock"}
    assert rules.asked("mo khoa tai khoan dinh danh") == {"unlock"}
    assert rules.asked("muốn khóa căn cước điện tử vì mất điện thoại") == {"lock", "reissue", "report_loss"}
    assert rules.asked("tài khoản định danh điện tử?") == set()  # the account itself


def test_a_default_action_must_be_one_of_the_actions(tmp_path: Path) -> None:
    path = tmp_path / "actions.yaml"
    path.write_text("default: renew\nactions:\n  new:\n    name: [cấp]\n", "utf-8")
    with pytest.raises(ValueError, match="default action"):
        ActionRules.load(path)


NAMES = [
    "Cấp giấy phép môi trường (cấp tỉnh)", "Cấp đổi giấy phép môi trường", "Điều chỉnh giấy phép môi trường",
    "Chuyển mục đích sử dụng đất", "Gia hạn mục đích sử dụng rừng",
    "Đăng ký hoạt động ngân hàng nước ngoài", "Thành lập ngân hàng nước ngoài", "Ngân hàng nhà nước xác nhận",
]


def test_short_forms_are_read_from_the_names() -> None:
    reader = AcronymReader(NAMES)
    assert reader.expand("gpmt") == "giấy phép môi trường"
    assert reader.expand("mđsd") == reader.expand("mdsd") == "mục đích sử dụng"
    assert reader.expand("nhnn") == "ngân hàng nước ngoài"  # the use the names make most
    assert reader.expand("xyzq") is None


def test_rare_or_tied_phrases_and_real_words_are_not_short_forms() -> None:
    reader = AcronymReader(["Cấp giấy chứng nhận", "Cấp thẻ"])
    assert reader.expand("cgcn") is None  # used by one name only
    assert not looks_like_short_form("cảnh")
    assert not looks_like_short_form("nghiêng")
    assert not looks_like_short_form("hd")  # two letters: read from the glossary only
    assert looks_like_short_form("antt")


def test_the_analyzer_expands_short_forms_the_glossary_lacks() -> None:
    procedures = [Procedure(uid=f"dvc:1.00000{i}", code=f"1.00000{i}", name=name,
                            provenance=Provenance(source_kind="dvc", source_file="t.jsonl"))
                  for i, name in enumerate(NAMES)]
    analysis = QueryAnalyzer(load_glossary(), procedures).analyze("xưởng có phải xin gpmt ko")
    assert "giấy phép môi trường" in analysis.normalized
    assert "không" in analysis.normalized  # the glossary's shorthand still applies


def test_the_new_issue_goes_first_when_no_action_is_named() -> None:
    renew = name_hit("2.001402", "Cấp đổi Giấy chứng nhận đủ điều kiện về an ninh, trật tự", 0.030)
    new = name_hit("2.001478", "Cấp mới Giấy chứng nhận đủ điều kiện về an ninh, trật tự", 0.029)
    analyzer = QueryAnalyzer(load_glossary(), [])
    plain = analyzer.analyze("điều kiện an ninh trật tự karaoke cần giấy tờ gì")
    assert order_by_action([renew, new], plain.text)[0].code == "2.001478"
    exchange = analyzer.analyze("đổi giấy chứng nhận an ninh trật tự hết hạn")
    assert order_by_action([renew, new], exchange.text)[0].code == "2.001402"


def test_families_join_names_whose_objects_read_nearly_the_same() -> None:
    hits = [
        name_hit("1.013225", "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo "
             "tuyến/Tượng đài, tranh hoành tráng/Dự án) và nhà ở riêng lẻ", 0.030),
        name_hit("1.013228", "Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV (công trình Không theo "
             "tuyến/Tượng đài, tranh hoành tráng/Sửa chữa, cải tạo/Dự án) và nhà ở riêng lẻ", 0.028),
    ]
    assert order_by_action(hits, "mất giấy phép xây dựng nhà ở thì làm sao")[0].code == "1.013228"
    licences = order_by_action([name_hit("3.000350", "Cấp giấy phép lái xe quốc tế", 0.03), *_licences()],
                               "đổi bằng lái quốc tế")
    assert licences[0].code == "3.000350"  # "giấy phép lái xe quốc tế" is not the plain licence's family


@pytest.mark.parametrize(("question", "asked"), [
    ("xin cấp lại giấy phép xây dựng bị mất", {"reissue", "report_loss"}),  # "xin cấp" inside "xin cấp lại"
    ("xin cap lai bang lai xe", {"reissue"}),                  # the same typed without marks
    ("xin cấp giấy phép lái xe", {"new"}),
    ("gia hạn và cấp lại giấy phép", {"extend", "reissue"}),   # two actions apart both count
])
def test_a_longer_phrase_of_another_action_overtakes_the_shorter(question: str, asked: set[str]) -> None:
    assert ActionRules.load().asked(question) == asked


def test_a_first_issue_followed_by_another_action_is_that_action() -> None:
    rules = ActionRules.load()
    assert rules.split_name("Đăng ký thay đổi vốn điều lệ") == (("amend",), "von dieu le")
    # what is changed is the registered household business, the object of "Đăng ký thành lập hộ kinh doanh"
    assert rules.split_name("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh") == (("amend",), "ho kinh doanh")
    assert rules.split_name("Đăng ký thành lập hộ kinh doanh") == (("new",), "ho kinh doanh")
    assert rules.split_name("Xóa đăng ký tạm trú") == (("withdraw",), "dang ky tam tru")   # not a first issue first


def test_a_name_may_list_several_actions() -> None:
    rules = ActionRules.load()
    assert rules.split_name("Cấp, cấp lại Phù hiệu cho xe ô tô") == (("new", "reissue"), "phu hieu cho xe o to")
    assert rules.split_name("Gia hạn, điều chỉnh giấy phép khai thác nước mặt") == (
        ("extend", "amend"), "giay phep khai thac nuoc mat")
    assert rules.split_name("Cấp gia hạn, điều chỉnh nội dung giấy phép") == (("extend", "amend"), "noi dung giay phep")
    assert rules.split_name("Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH") == (
        ("reissue", "exchange", "amend"), "thong tin tren so bhxh")
    assert rules.split_name("Xóa đăng ký tạm trú") == (("withdraw",), "dang ky tam tru")  # a list needs its commas


def test_a_listed_action_counts_as_asked() -> None:
    evidence = action_evidence("mất phù hiệu xe ô tô thì làm lại ở đâu")
    assert evidence("Cấp, cấp lại Phù hiệu cho xe ô tô") == {"action_asked": 1.0, "action_unasked": 0.0}
    assert evidence("Sửa đổi, bổ sung giấy phép vận tải") == {"action_asked": 0.0, "action_unasked": 1.0}
    assert action_evidence("phù hiệu xe ô tô xin ở đâu")("Cấp, cấp lại Phù hiệu cho xe ô tô") == {
        "action_asked": 0.0, "action_unasked": 0.0}


def test_versions_of_one_procedure_are_not_rivals() -> None:
    assert same_object("Cấp giấy phép lái xe", "Đổi giấy phép lái xe")
    assert same_object("Đăng ký khai sinh (cấp xã)", "Đăng ký khai sinh")  # the same name at another level
    assert not same_object("Cấp giấy phép lái xe", "Cấp giấy phép lái xe quốc tế")
    assert not same_object("Cấp giấy phép lái xe", "Đăng ký thường trú")


def test_the_confidence_margin_is_taken_over_the_first_rival_procedure() -> None:
    from assistant.answers.confidence import rival_score

    licences = _licences()  # exchange, re-issue and first issue of one licence, then a residence procedure
    assert rival_score(licences) == 0.027
    assert rival_score(licences[:3]) == 0.0  # only versions of the best one: nothing else comes close


@pytest.mark.parametrize(("question", "features"), [
    # nothing asked: another action is unasked, a first issue is neither
    ("bằng lái xe nộp ở đâu", {"3.000346": (0.0, 0.0), "3.000348": (0.0, 1.0), "1.004222": (0.0, 0.0)}),
    ("mất bằng lái xe", {"3.000348": (1.0, 0.0), "3.000346": (0.0, 0.0), "3.000347": (0.0, 1.0)}),
    ("I want to end the guardianship", {"3.000352": (1.0, 0.0), "3.000347": (0.0, 1.0)}),
    ("cấp lần đầu bằng lái xe", {"3.000346": (1.0, 0.0), "1.004222": (1.0, 0.0)}),
])
def test_action_evidence_marks_names_doing_what_is_asked(question: str,
                                                         features: dict[str, tuple[float, float]]) -> None:
    names = {hit.code: hit.procedure.name for hit in _licences()}
    evidence = action_evidence(question)
    for code, (asked, unasked) in features.items():
        assert evidence(names[code]) == {"action_asked": asked, "action_unasked": unasked}, code
    assert evidence("Hộ tịch") == {}  # a name that starts with no action gives no evidence


@pytest.mark.parametrize(("question", "asked"), [
    ("Bố tôi vừa mất ở nhà, đi khai tử cần giấy tờ gì?", set()),  # "mất" is died here
    ("Ông tôi mất, gia đình làm hồ sơ hưởng tiền tuất thế nào?", set()),
    ("bị mất trích lục khai tử thì xin ở đâu", {"reissue", "report_loss"}),  # "bị mất" is still lost
    ("mất bằng lái xe", {"reissue"}),                             # no death in the question
    ("Sau này bố tôi mất thì đổi chủ hộ sang mẹ tôi làm thế nào?", {"exchange"}),  # a father who dies
])
def test_a_word_alone_asks_nothing_in_its_context(question: str, asked: set[str]) -> None:
    assert ActionRules.load().asked(question) == asked


@pytest.mark.parametrize(("question", "asked"), [
    ("Sổ đỏ mới cấp ghi sai tên đệm của tôi", {"amend", "correct"}),  # an error: corrected, or amended
    ("so bhxh bi sai nam sinh", {"amend", "correct"}),
    ("My name is misspelled on the certificate", {"correct"}),
    ("Tôi đã báo mất hộ chiếu, nay tìm thấy rồi thì dùng lại được không", {"report_loss", "restore"}),
])
def test_errors_and_found_papers_ask_for_their_actions(question: str, asked: set[str]) -> None:
    assert ActionRules.load().asked(question) == asked


def test_correction_and_restoration_names_have_their_actions() -> None:
    rules = ActionRules.load()
    assert rules.split_name("Đính chính Giấy chứng nhận đã cấp.") == (("correct",), "giay chung nhan da cap")
    assert rules.split_name("Khôi phục giá trị sử dụng hộ chiếu phổ thông (thực hiện tại cấp tỉnh)") == (
        ("restore",), "gia tri su dung ho chieu pho thong")
    assert rules.split_name("Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch") == (
        ("amend", "correct"), "thong tin ho tich")


def test_a_member_doing_the_named_action_joins_its_family_from_further_down() -> None:
    fillers = [name_hit(f"9.00000{i}", f"Đăng ký thủ tục khác số {i}", 0.025 - i * 0.001) for i in range(5)]
    hits = [name_hit("1.013225", "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV", 0.030), *fillers,
            name_hit("1.013226", "Cấp điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV", 0.018)]
    asked = order_by_action(hits, "đã có giấy phép, muốn xây thêm một tầng so với thiết kế được duyệt")
    assert asked[0].code == "1.013226" and asked[6].code == "1.013225"
    assert order_by_action(hits, "xin giấy phép xây dựng nhà cấp 4")[0].code == "1.013225"  # none named: unchanged
    unrelated = [*hits[:6], name_hit("2.000001", "Điều chỉnh quy hoạch chung đô thị", 0.018)]
    assert order_by_action(unrelated, "điều chỉnh so với thiết kế")[0].code == "1.013225"  # not of the family


@pytest.mark.parametrize(("question", "code"), [
    ("How do I extend it?", None),  # this family has no extension member
    ("Nếu bị mất thì làm lại thế nào?", "3.000348"),
    ("What if I lose it later?", "3.000348"),
    ("Bằng hết hạn rồi thì sao?", "3.000347"),
    ("Mất bao lâu?", None),  # "mất bao lâu" asks how long, not for a re-issue
    ("Lệ phí bao nhiêu?", None),
])
def test_a_follow_up_asking_another_action_names_that_member(question: str, code: str | None) -> None:
    current = _licences()[2].procedure  # "Cấp giấy phép lái xe"
    members = [h.procedure for h in _licences()]
    found = member_doing_asked(current, members, question)
    assert (found.code if found else None) == code


def test_no_member_is_named_when_the_current_procedure_already_does_the_asked_action() -> None:
    reissue = _licences()[1].procedure
    assert member_doing_asked(reissue, [h.procedure for h in _licences()], "bị mất bằng lái") is None


def test_a_loss_report_gives_way_to_the_document_itself_unless_a_loss_is_asked() -> None:
    def passports() -> list[ProcedureHit]:
        return [name_hit("1.010386", "Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)", 0.030),
                name_hit("1.001456", "Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)", 0.029)]

    # the report's object reads as the passport's once "ở trong nước" (where the applicant is) is set aside
    assert order_by_action(passports(), "hộ chiếu bao nhiêu tiền")[0].code == "1.001456"
    assert order_by_action(passports(), "mất hộ chiếu thì làm gì")[0].code == "1.010386"
    assert ActionRules.load().asked("don bao mat ho chieu viet theo mau nao") == {"report_loss"}  # not "mất hộ chiếu"


def _health_cards() -> list[ProcedureHit]:
    return [
        name_hit("2.000639", "Cấp thẻ bảo hiểm y tế", 0.030),
        name_hit("1.002438", "Cấp đổi thẻ bảo hiểm y tế", 0.029),
        name_hit("1.001294", "Cấp lại thẻ bảo hiểm y tế", 0.028),
    ]


@pytest.mark.parametrize(("question", "code"), [
    ("thẻ bhyt của con bị sai tên", "1.002438"),  # a correction the family lacks: its exchange does it
    ("the name on my health insurance card is misspelled", "1.002438"),
    ("thẻ bhyt bị mất", "1.001294"),  # a re-issue the family has
    ("làm thẻ bhyt cho con", "2.000639"),  # nothing asked: the first issue
])
def test_an_action_the_family_lacks_is_done_by_the_one_standing_in(question: str, code: str) -> None:
    assert order_by_action(_health_cards(), question)[0].code == code


def test_without_a_stand_in_the_first_issue_goes_first() -> None:
    hits = [name_hit("1", "Cấp giấy phép kinh doanh", 0.030), name_hit("2", "Cấp lại giấy phép kinh doanh", 0.029)]
    assert order_by_action(hits, "giấy phép kinh doanh bị ghi sai")[0].code == "1"  # no exchange in this family


def test_stand_ins_must_name_known_actions(tmp_path: Path) -> None:
    path = tmp_path / "actions.yaml"
    path.write_text("default: new\nstand_ins: {correct: swap}\nactions:\n  new:\n    name: [cấp]\n"
                    "  correct:\n    name: [đính chính]\n", "utf-8")
    with pytest.raises(ValueError, match="unknown actions"):
        ActionRules.load(path)
