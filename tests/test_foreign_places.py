"""A foreign country or city named in a question reads as "abroad" (``assistant.understanding.foreign_places``)."""

from __future__ import annotations

import pytest

from assistant.understanding.foreign_places import abroad_reading
from assistant.understanding.query import QueryAnalyzer
from knowledge.glossary import load_glossary

RECORDING = "ghi vào sổ hộ tịch việc hộ tịch của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của " \
            "nước ngoài"


@pytest.fixture(scope="module")
def analyzer() -> QueryAnalyzer:
    return QueryAnalyzer(load_glossary(), [])


@pytest.mark.parametrize(("text", "language", "reading"), [
    ("bản án ly hôn của tòa án Hàn Quốc", "vi", "bản án ly hôn của tòa án nước ngoài"),
    ("ban an ly hon cua toa an han quoc", "vi", "ban an ly hon cua toa an nước ngoài"),
    ("con sinh ở Đức", "vi", "con sinh ở nước ngoài"),
    ("We got married in Sydney", "en", "We got married abroad"),
    ("a UK driving licence", "en", "a foreign driving licence"),
    ("mariés en Allemagne", "fr", "mariés à l'étranger"),
    ("한국에서 출생신고를 한 아이", "ko", "외국에서 출생신고를 한 아이"),
    ("在日本结婚", "zh", "在国外结婚"),
    ("حكم طلاق من محكمة في دبي", "ar", "حكم طلاق من محكمة في الخارج"),
])
def test_a_named_foreign_place_reads_as_abroad(text: str, language: str, reading: str) -> None:
    assert abroad_reading(text, language) == reading


@pytest.mark.parametrize(("text", "language"), [
    ("vi phạm pháp luật", "vi"),  # "pháp" of the law, not France
    ("anh Đức muốn đăng ký kết hôn", "vi"),  # a man's name, after no place word
    ("chuyển hộ khẩu về Lào Cai", "vi"),  # a province, not Laos
    ("thanh toán bằng séc", "vi"),  # a cheque
    ("đăng ký khai sinh ở Hà Nội", "vi"),
    ("인도에서 넘어졌어요", "ko"),  # a pavement, not India
    ("register a birth in Hanoi", "en"),
])
def test_words_that_only_look_like_places_are_left_alone(text: str, language: str) -> None:
    assert abroad_reading(text, language) is None


def test_an_act_done_abroad_gains_the_recording_term(analyzer: QueryAnalyzer) -> None:
    assert RECORDING in analyzer.analyze("bản án ly hôn của tòa án Hàn Quốc thì về VN ghi nhận thế nào").expansions
    assert RECORDING in analyzer.analyze("We got married in Sydney and want it recorded back home").expansions
    assert RECORDING not in analyzer.analyze("đăng ký kết hôn với người Hàn Quốc").expansions  # a person, not a place
