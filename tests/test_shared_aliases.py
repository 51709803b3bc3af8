"""An alias several curated records share also points at the other records whose names use it."""

from __future__ import annotations

from assistant.understanding.query import QueryAnalyzer
from assistant.understanding.shared_aliases import shared_alias_holders
from knowledge.glossary import load_glossary
from knowledge.model import Procedure, Provenance, Translation


def _procedure(code: str, name: str, aliases: list[str], curated: bool) -> Procedure:
    return Procedure(uid=f"dvc:{code}", code=code, name=name, aliases=aliases,
                     translations={"en": Translation(name=name)} if curated else {},
                     provenance=Provenance(source_kind="dvc", source_file="test.jsonl"))


def _records() -> list[Procedure]:
    return [
        _procedure("1.001613", "Giải quyết hưởng bảo hiểm xã hội một lần",
                   ["BHXH", "bảo hiểm xã hội", "rút bhxh một lần"], True),
        _procedure("2.000693", "Giải quyết hưởng chế độ thai sản", ["BHXH", "bảo hiểm xã hội", "thai sản"], True),
        _procedure("1.002759", "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT", [], False),
        _procedure("1.004222", "Đăng ký thường trú", [], False),
    ]


def test_only_a_shared_alias_reaches_the_uncurated_records_that_name_it() -> None:
    assert shared_alias_holders(_records()) == [("BHXH", "1.002759")]  # "rút bhxh một lần" is not shared
    spelled_out = shared_alias_holders(_records(), lambda name: name.replace("BHXH", "bảo hiểm xã hội"))
    assert set(spelled_out) == {("BHXH", "1.002759"), ("bảo hiểm xã hội", "1.002759")}


def test_the_question_names_every_record_holding_the_shared_alias() -> None:
    analysis = QueryAnalyzer(load_glossary(), _records()).analyze("mất sổ bhxh xin cấp lại ở đâu")
    assert {"1.001613", "2.000693", "1.002759"} <= set(analysis.alias_codes)
    assert "1.004222" not in analysis.alias_codes


def test_an_alias_written_with_marks_reaches_only_names_with_the_same_marks() -> None:
    records = [
        _procedure("1.012783", "Cấp đổi Giấy chứng nhận", ["sổ đỏ", "đổi sổ đỏ"], True),
        _procedure("1.012786", "Cấp lại Giấy chứng nhận do bị mất", ["sổ đỏ", "so do", "mất sổ đỏ"], True),
        _procedure("1.014864", "Giấy phép cho phương tiện thủy nội địa thô sơ do Chủ tịch UBND cấp", [], False),
        _procedure("9.000001", "Đính chính sổ đỏ đã cấp", [], False),
    ]
    assert shared_alias_holders(records) == [("sổ đỏ", "9.000001")]  # "thô sơ do Chủ" folds to "so do" too
