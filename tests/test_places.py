"""Where to submit, for records that leave the field empty, and channels that say the same thing on one line."""

from __future__ import annotations

from assistant.answers.compose import compose_answer
from assistant.answers.places import submission_place
from knowledge.model import Agencies, Channel, Fee, Procedure, Provenance, Step


def _record(**fields: object) -> Procedure:
    base: dict[str, object] = {"uid": "dvc:9.999999", "code": "9.999999", "name": "Thủ tục thử",
                               "provenance": Provenance(source_kind="dvc", source_file="/srv/x/dvc.jsonl.gz")}
    base.update(fields)
    return Procedure.model_validate(base)


def test_the_record_field_comes_first() -> None:
    record = _record(where_to_submit="Công an cấp xã", agencies=Agencies(implementing="UBND tỉnh"))
    assert submission_place(record) == ("Công an cấp xã", "record")


def test_then_the_agency() -> None:
    record = _record(where_to_submit="Không có thông tin", agencies=Agencies(competent="Sở Tư pháp"))
    assert submission_place(record) == ("Sở Tư pháp", "agency")


def test_then_the_sentence_of_the_steps_that_says_where() -> None:
    steps = [Step(order=1, text="Nếu nộp trực tiếp, người yêu cầu ghi chú việc đã giải quyết tại cơ quan nước "
                                "ngoài nộp hồ sơ ghi chú ly hôn tại Trung tâm Phục vụ hành chính công có thẩm quyền; "
                                "nộp lệ phí.")]
    assert submission_place(_record(steps=steps)) == ("Trung tâm Phục vụ hành chính công có thẩm quyền", "steps")


def test_then_the_level() -> None:
    place, origin = submission_place(_record(levels=["Cấp xã"]))
    assert origin == "level" and "cấp xã" in place


def test_a_where_answer_is_never_empty_when_the_level_is_known() -> None:
    answer = compose_answer(_record(levels=["Cấp tỉnh"]), "where", "vi").text
    assert "Trung tâm Phục vụ hành chính công cấp tỉnh" in answer


def test_channels_with_the_same_fee_share_a_line() -> None:
    fee = [Fee(name="Lệ phí", amount_vnd=50000, text="50.000 đồng")]
    record = _record(channels=[Channel(kind=k, label=k, fees=fee) for k in ("online", "postal", "in_person")])
    lines = [line for line in compose_answer(record, "fee", "vi").text.splitlines() if "50.000" in line]
    assert len(lines) == 1


def test_the_case_the_person_describes_comes_first() -> None:
    from knowledge.model import Component

    components = [Component(id="c1", name="Tờ khai", originals=1)]
    components += [Component(id=f"k{n}", name=f"Giấy {n}", case=f"Trường hợp thứ {n} đặc biệt") for n in range(4)]
    components.append(Component(id="w", name="Văn bản người làm chứng", case="Không có Giấy chứng sinh"))
    record = _record(components=components)
    plain = compose_answer(record, "documents", "vi", "kiosk").text
    assert "Văn bản người làm chứng" not in plain  # the kiosk shows two cases, not the sixth
    asked = frozenset({"sinh", "nha", "khong", "giay", "chung"})
    described = compose_answer(record, "documents", "vi", "kiosk", asked).text
    assert "Văn bản người làm chứng" in described
    assert described.index("Không có Giấy chứng sinh") < described.index("Trường hợp thứ 0")
    # ... and before the papers every case needs: the substitute is what this person asked about
    assert described.index("Văn bản người làm chứng") < described.index("Tờ khai")


def test_a_free_fee_keeps_the_remark_that_qualifies_it() -> None:
    fee = [Fee(amount_vnd=0, free=True, text="Miễn phí (do Ủy ban nhân dân cấp tỉnh quy định.)")]
    record = _record(channels=[Channel(kind="in_person", label="Trực tiếp", fees=fee)])
    assert "Miễn phí (do Ủy ban nhân dân cấp tỉnh quy định" in compose_answer(record, "fee", "vi").text
    assert "Free of charge (do Ủy ban nhân dân cấp tỉnh quy định" in compose_answer(record, "fee", "en").text
    plain = _record(channels=[Channel(kind="in_person", fees=[Fee(amount_vnd=0, free=True, text="Miễn phí")])])
    assert "Miễn phí\n" in compose_answer(plain, "fee", "vi").text


def test_an_eligibility_answer_without_conditions_goes_on_with_the_overview() -> None:
    fee = [Fee(name="Lệ phí", amount_vnd=50000, text="50.000 đồng")]
    record = _record(applicants=["Công dân Việt Nam"], summary="Cấp thẻ cho trẻ em.",
                     channels=[Channel(kind="in_person", label="Trực tiếp", fees=fee)])
    answer = compose_answer(record, "eligibility", "vi").text
    assert "Công dân Việt Nam" in answer and "50.000 đồng" in answer and "Cấp thẻ cho trẻ em." in answer
    with_conditions = compose_answer(record.model_copy(update={"requirements": ["Đủ 14 tuổi"]}), "eligibility", "vi")
    assert "Đủ 14 tuổi" in with_conditions.text and "50.000 đồng" not in with_conditions.text
