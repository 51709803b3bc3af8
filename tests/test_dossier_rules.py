"""The dossier check's rules on their own: components read from records, title matching, splitting, people
compared across documents."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.dossier.consistency import check_consistency, id_structure_problems
from assistant.dossier.fields import extract_people, parse_date
from assistant.dossier.matching import Matcher
from assistant.dossier.pages import Page
from assistant.dossier.requirements import build_requirement, classify_condition
from assistant.dossier.scoring import WordWeights, phrase_score
from assistant.dossier.splitting import Document, find_title, split_documents
from assistant.dossier.wording import content_words, form_codes, word_pairs
from knowledge.model import Component


def _req(name: str, **fields: Any):  # type: ignore[no-untyped-def]
    return build_requirement(Component(id=fields.pop("id", "c1"), name=name, **fields))


# --------------------------------------------------------------------------------------------- requirements

def test_condition_inside_the_name_is_split_off() -> None:
    req = _req("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập")
    assert req.condition_kind == "case" and "bỏ rơi" in (req.condition or "")
    assert req.options[0].phrase.lower().startswith("biên bản về việc trẻ bị bỏ rơi")


def test_channel_conditions_choose_the_form_variant() -> None:
    paper = _req("Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực "
                 "tiếp hoặc gửi hồ sơ qua hệ thống bưu chính)")
    online = _req("Mẫu hộ tịch điện tử tương tác đăng ký khai sinh")
    assert paper.condition_kind == "channel" and paper.channels == {"in_person", "postal"}
    assert online.channels == {"online"}
    assert classify_condition("Hồ sơ đăng ký tạm trú gồm") == ("none", classify_condition(None)[1])


def test_alternatives_in_the_name_become_options() -> None:
    slash = _req("Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước còn giá trị sử dụng", group="present")
    assert {o.phrase for o in slash.options if o.via_kind is None} >= {"Hộ chiếu", "Thẻ căn cước công dân"}
    assert slash.show_only
    fallback = _req("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác "
                    "nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh")
    assert [o.phrase for o in fallback.options if o.via_kind is None] == ["Giấy chứng sinh"]
    assert len([o for o in fallback.fallback_options if o.via_kind is None]) == 2


def test_lookup_info_note_and_catch_all_components() -> None:
    assert _req("Giấy tờ có giá trị chứng minh thông tin về cư trú",
                case="Chỉ khi cơ quan không tra cứu được nơi cư trú").condition_kind == "lookup"
    assert _req("Thông tin chứng minh về chỗ ở hợp pháp được khai thác trong căn cước điện tử").kind == "info"
    assert _req("Người ủy quyền và người được ủy quyền chịu trách nhiệm trước pháp luật").kind == "note"
    copy = _req("Bản sao cần chứng thực (có đầy đủ các trang đã ghi thông tin của bản chính)")
    assert copy.kind == "document" and copy.catch_all


def test_categories_expand_to_concrete_documents() -> None:
    req = _req("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp theo khoản 2 Điều 5 Nghị định 154/2024/NĐ-CP")
    titles = {o.phrase for o in req.options if o.via_kind == "lawful_residence_proof"}
    assert "hợp đồng thuê nhà" in titles and "giấy chứng nhận quyền sử dụng đất" in titles


def test_form_codes_with_their_instrument() -> None:
    codes = form_codes("Đơn đăng ký biến động đất đai theo Mẫu số 18 ban hành kèm theo Nghị định số 151/2025/NĐ-CP")
    assert codes[0].code == "18" and codes[0].instrument == "151/2025/NĐ-CP" and not codes[0].distinctive
    assert form_codes("Mẫu CT01")[0].distinctive and form_codes("Mẫu số 11/ĐK")[0].code == "11/ĐK"


# --------------------------------------------------------------------------------------------- matching

WEIGHTS = WordWeights(["x"])


def _score(title: str, name: str, ocr: bool = False) -> float:
    return phrase_score(content_words(title), content_words(name), WEIGHTS, (word_pairs(title), word_pairs(name)),
                        ocr).score


def test_same_paper_scores_high_and_near_identical_titles_do_not() -> None:
    assert _score("TỜ KHAI ĐĂNG KÝ KHAI SINH", "Tờ khai đăng ký khai sinh theo mẫu") > 0.95
    assert _score("TỜ KHAI ĐĂNG KÝ KHAI TỬ", "Tờ khai đăng ký khai sinh") < 0.42  # one syllable apart
    assert _score("GIẤY KHAI SINH", "Tờ khai đăng ký khai sinh") < 0.42  # a certificate is not the form
    assert _score("GIẤY XÁC NHẬN VỀ VIỆC SINH", "Văn bản của người làm chứng xác nhận về việc sinh") > 0.42


def test_ocr_accent_slips_are_forgiven_on_scans_only() -> None:
    assert _score("GIẤY BẢO TỬ", "Giấy báo tử", ocr=True) > 0.8
    assert _score("GIẤY BẢO TỬ", "Giấy báo tử", ocr=False) < _score("GIẤY BẢO TỬ", "Giấy báo tử", ocr=True)
    assert _score("TO KHAI DANG KY KHAI SINH", "Tờ khai đăng ký khai sinh") > 0.9  # typed without accents


def _doc(title: str, text: str = "", source: str = "text") -> Document:
    return Document("f.pdf", [1], f"{title}\n{text}", title, source, head=[title, *text.splitlines()])  # type: ignore[arg-type]


def test_matcher_needs_a_margin_over_the_runner_up() -> None:
    a = _req("Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh", id="c1")
    b = _req("Văn bản ủy quyền cho cá nhân thực hiện thủ tục đăng ký hộ kinh doanh", id="c2")
    matcher = Matcher([a, b], WEIGHTS)
    family = matcher.match(_doc("VĂN BẢN ỦY QUYỀN", "Các thành viên hộ gia đình ủy quyền cho ông A làm chủ hộ "
                                                   "kinh doanh"))
    assert family.decision == "matched" and family.best is not None and family.best.requirement.id == "c1"
    bare = matcher.match(_doc("VĂN BẢN ỦY QUYỀN"))
    assert bare.decision == "uncertain"


def test_form_code_in_the_header_matches() -> None:
    req = _req("Tờ khai thay đổi thông tin cư trú", form="CT01")
    match = Matcher([req], WEIGHTS).match(_doc("", "Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA"))
    assert match.decision == "matched" and match.best is not None and "CT01" in match.best.via


def test_unrelated_document_is_unmatched() -> None:
    req = _req("Giấy chứng sinh")
    assert Matcher([req], WEIGHTS).match(_doc("HÓA ĐƠN GIÁ TRỊ GIA TĂNG (TIỀN ĐIỆN)")).decision == "unmatched"


# --------------------------------------------------------------------------------------------- splitting

def test_pages_split_by_headers_and_multi_page_documents_stay_one() -> None:
    motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    pages = [Page("s.pdf", 1, motto + "TỜ KHAI ĐĂNG KÝ KHAI SINH\nHọ, chữ đệm, tên: A"),
             Page("s.pdf", 2, "Họ, chữ đệm, tên người cha: B\nTôi cam đoan ..."),
             Page("s.pdf", 3, "SỞ Y TẾ HÀ NỘI\nBỆNH VIỆN PHỤ SẢN\n" + motto + "GIẤY CHỨNG SINH\nHọ và tên mẹ: C"),
             Page("s.pdf", 4, "TỔNG CÔNG TY ĐIỆN LỰC\nHÓA ĐƠN GIÁ TRỊ GIA TĂNG\nKỳ hóa đơn: 10/2026")]
    documents = split_documents(pages)
    assert [(doc.title, doc.pages) for doc in documents] == [
        ("TỜ KHAI ĐĂNG KÝ KHAI SINH", [1, 2]), ("GIẤY CHỨNG SINH", [3]), ("HÓA ĐƠN GIÁ TRỊ GIA TĂNG", [4])]


def test_title_skips_issuing_bodies_and_section_headings() -> None:
    lines = ["BỘ Y TẾ", "BỆNH VIỆN BẠCH MAI", "Số: 355/GBT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY BÁO TỬ",
             "I. THÔNG TIN NGƯỜI CHẾT"]
    assert find_title(lines) == ("GIẤY BÁO TỬ", True)


# --------------------------------------------------------------------------------------------- consistency

def test_dates_written_differently_are_the_same() -> None:
    assert parse_date("02/10/2026") == parse_date("ngày 2 tháng 10 năm 2026") == parse_date("2-10-2026")
    assert parse_date("31/02/2026") is None


def _person_doc(file: str, body: str, source: str = "text") -> Document:
    return Document(file, [1], body, "", source)  # type: ignore[arg-type]


def test_people_are_read_with_their_roles() -> None:
    doc = _person_doc("tk.pdf", "Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Hương\nSố định danh cá nhân: "
                      "001190012345\nĐề nghị cơ quan đăng ký khai sinh cho người dưới đây:\nHọ, chữ đệm, tên: Trần "
                      "Minh Khôi\nNgày, tháng, năm sinh: 02/10/2026\nHọ, chữ đệm, tên người mẹ: Nguyễn Thị Hương")
    roles = {p.role: p for p in extract_people(doc)}
    assert roles["requester"].id_number and roles["requester"].id_number.text == "001190012345"
    assert roles["child"].name and roles["child"].name.text == "Trần Minh Khôi"
    assert roles["child"].birth_date and roles["child"].birth_date.isoformat() == "2026-10-02"
    assert "mother" in roles


def test_same_values_written_differently_give_no_warning() -> None:
    a = _person_doc("a.pdf", "Họ, chữ đệm, tên người chết: NGUYỄN VĂN AN\nNgày, tháng, năm sinh: 05/03/1940")
    b = _person_doc("b.pdf", "Họ, chữ đệm, tên người chết: Nguyễn  Văn An\nNgày, tháng, năm sinh: ngày 5 tháng 3 "
                    "năm 1940")
    assert check_consistency([a, b], "vi") == []


def test_different_values_give_warnings_quoting_both() -> None:
    a = _person_doc("a.pdf", "Họ, chữ đệm, tên người chết: Nguyễn Văn An\nNgày, tháng, năm sinh: 05/03/1940")
    b = _person_doc("b.pdf", "Họ, chữ đệm, tên người chết: Nguyễn Văn Bình\nNgày, tháng, năm sinh: 15/03/1941")
    kinds = {w.kind: w for w in check_consistency([a, b], "en")}
    assert set(kinds) == {"name_mismatch", "birth_date_mismatch"}
    assert "Nguyễn Văn An" in kinds["name_mismatch"].message and "Nguyễn Văn Bình" in kinds["name_mismatch"].message
    assert {e.file for e in kinds["name_mismatch"].evidence} == {"a.pdf", "b.pdf"}


def test_one_character_on_a_scan_is_a_value_to_check() -> None:
    a = _person_doc("a.pdf", "Họ, chữ đệm, tên người chết: Nguyễn Văn An\nSố định danh cá nhân: 001040012345")
    b = _person_doc("b.jpg", "Họ, chữ đệm, tên người chết: Nguyễn Văn An\nSố định danh cá nhân: 001040012346", "ocr")
    assert [w.kind for w in check_consistency([a, b], "vi")] == ["check_value"]


@pytest.mark.parametrize(("number", "birth", "sex", "problem"), [
    ("001190012345", "1990-01-01", "female", None),
    ("003190012345", "1990-01-01", "female", "province"),
    ("001090012345", "1990-01-01", "female", "sex"),
    ("001290012345", "1990-01-01", "male", "century"),
    ("001185012345", "1990-01-01", "female", "year"),
])
def test_id_number_structure(number: str, birth: str, sex: str, problem: str | None) -> None:
    import datetime as dt

    from assistant.dossier.fields import Person, Value

    person = Person("holder", id_number=Value(number, ""), birth_date=dt.date.fromisoformat(birth), sex=sex)
    problems = id_structure_problems(person, "en")
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p or (problem == "year" and "birth year" in p) for p in problems)


def test_embedding_hint_is_only_ever_uncertain() -> None:
    class Similar:
        """Says the title is very like the first component's name and unlike the second's."""

        def scores(self, title: str, phrases: list[str]) -> list[float]:
            return [0.95 if "nghỉ việc" in p else 0.2 for p in phrases]

    sick_leave = _req("Giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội", id="c1")
    other = _req("Danh sách đề nghị giải quyết hưởng chế độ ốm đau", id="c2")
    matcher = Matcher([sick_leave, other], WEIGHTS, Similar())  # type: ignore[arg-type]
    match = matcher.match(_doc("PHIẾU NGHỈ ỐM", "Bệnh nhân được nghỉ 5 ngày"))
    assert match.decision == "uncertain"
    assert match.best is not None and match.best.requirement.id == "c1" and match.best.via.startswith("embedding")
    assert match.best.score < 0.62
    assert Matcher([sick_leave, other], WEIGHTS).match(_doc("PHIẾU NGHỈ ỐM")).decision == "unmatched"
