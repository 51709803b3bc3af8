"""A new question inside a conversation leans to the conversation's field when retrieval is nearly undecided."""

from __future__ import annotations

from assistant.answers.chat import same_field_first
from assistant.retrieval.hybrid import ProcedureHit
from knowledge.chunks import Chunk
from knowledge.model import Procedure, Provenance


def _procedure(code: str, name: str, field: str) -> Procedure:
    return Procedure(uid=f"dvc:{code}", code=code, name=name, field=field,
                     provenance=Provenance(source_kind="dvc", source_file="test.jsonl"))


def _hit(procedure: Procedure, score: float) -> ProcedureHit:
    return ProcedureHit(procedure, score, Chunk(f"{procedure.uid}:overview:0", procedure.uid, procedure.code or "",
                                                "overview", "vi", procedure.name, "test"))


LAND = _procedure("1.013978", "Đăng ký đất đai lần đầu", "Đất đai")
LOST_LAND = _procedure("1.012786", "Cấp lại Giấy chứng nhận do bị mất", "Đất đai")
LOST_CARD = _procedure("1.001294", "Cấp lại thẻ bảo hiểm y tế", "Chính sách")
LOST_ID = _procedure("1.014064", "Cấp lại thẻ căn cước", "Căn cước")


def test_a_close_hit_of_the_conversations_field_goes_first() -> None:
    hits = [_hit(LOST_CARD, 1.0), _hit(LOST_ID, 0.95), _hit(LOST_LAND, 0.88)]
    assert [h.code for h in same_field_first(hits, LAND)] == ["1.012786", "1.001294", "1.014064"]


def test_a_clear_winner_in_another_field_stays_first() -> None:
    hits = [_hit(LOST_CARD, 1.0), _hit(LOST_LAND, 0.5)]
    assert same_field_first(hits, LAND)[0].code == "1.001294"  # the person changed the subject


def test_nothing_moves_when_the_best_is_already_in_the_field_or_the_field_is_unknown() -> None:
    hits = [_hit(LOST_LAND, 1.0), _hit(LOST_CARD, 0.99)]
    assert same_field_first(hits, LAND) == hits
    unknown = _procedure("9.9", "Thủ tục khác", "")
    assert same_field_first([_hit(LOST_CARD, 1.0), _hit(LOST_LAND, 0.99)], unknown)[0].code == "1.001294"
