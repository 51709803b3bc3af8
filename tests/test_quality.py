"""Parsing-quality report: counts on hand-made records, then the targets over the real national corpus."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from ingest.inspect import render_inspection
from ingest.quality import QualityReport, measure, render_report
from ingest.readers.dvc import DvcReader
from knowledge.model import Channel, Component, Duration, Fee, LegalBasis, Procedure, Provenance, Result, Step

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "dvc-procedures.jsonl.gz"
TABLE = "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"


def record(code: str, **fields: object) -> Procedure:
    sections = {
        "thanh_phan_ho_so": TABLE,
        "cach_thuc_thuc_hien": "Hình thức nộp...",
        "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Cư trú68/2020/QH14",
        "ket_qua_xu_ly": "Giấy xác nhậnMã: KQ.G01.000001",
        "trinh_tu_thuc_hien": "Bước 1: Nộp hồ sơ.",
    }
    values: dict[str, object] = {
        "uid": f"dvc:{code}",
        "code": code,
        "name": f"Thủ tục {code}",
        "provenance": Provenance(source_kind="dvc", source_file="test.jsonl", record="line 1"),
        "source_sections": sections,
        "components": [Component(id="c1", name="Đơn đề nghị", originals=1, copies=0, quantity_text="1 bản chính")],
        "channels": [
            Channel(kind="in_person", time=Duration(value=5, unit="working_day", text="5 Ngày làm việc"),
                    fees=[Fee(amount_vnd=20_000, text="20,000 Việt Nam Đồng")]),
        ],
        "legal_basis": [LegalBasis(number="68/2020/QH14", title="Luật Cư trú")],
        "results": [Result(name="Giấy xác nhận", code="KQ.G01.000001")],
        "steps": [Step(order=1, text="Nộp hồ sơ.")],
    }
    values.update(fields)
    return Procedure.model_validate(values)


def hand_made() -> list[Procedure]:
    return [
        record("1.000001"),
        record("1.000002", components=[]),
        record("1.000003", components=[Component(id="c1", name="Tên giấy tờMẫu đơn, tờ khaiĐơn"),
                                       Component(id="c2", name="Tờ khai CT011 bản chính")]),
        record("1.000004", channels=[
            Channel(kind="online", time=Duration(value=1, text="1"),
                    fees=[Fee(text="50.000 đồng/hồ sơ"), Fee(amount_vnd=0, free=True, text="Miễn phí")]),
        ]),
        record("1.000005", legal_basis=[], results=[], steps=[]),
    ]


def test_measure_counts() -> None:
    report = measure(hand_made())
    assert report.records == 5
    assert (report.with_component_table, report.yielding_components) == (5, 4)
    assert (report.components, report.names_with_headers, report.names_with_copy_cells) == (5, 1, 1)
    assert (report.channels, report.channels_with_time, report.channels_with_unit) == (5, 5, 4)
    assert (report.fees, report.free_fees, report.fees_with_number, report.fees_with_amount) == (6, 1, 5, 4)
    assert (report.with_legal_source, report.with_legal_rows) == (5, 4)
    assert (report.with_results_source, report.with_results, report.with_steps) == (5, 4, 4)


def test_worst_records_and_their_problems() -> None:
    report = measure(hand_made())
    worst = report.worst(3)
    assert [w.code for w in worst] == ["1.000002", "1.000004", "1.000003"]
    assert worst[0].problems == ["component table but no components"]
    assert "1/1 channels without a time unit" in worst[1].problems
    assert "1 fees state an amount that was not parsed" in worst[1].problems
    assert worst[2].problems == ["2 component names with table headers or copy counts"]
    assert all(r.code != "1.000001" for r in report.worst(10))


def test_render_report_is_a_table() -> None:
    text = render_report(measure(hand_made()), worst=2)
    assert "  ... yielding components" in text and "80.0%" in text and ">= 98%" in text
    assert "Worst 2 records" in text and "1.000002" in text and "component table but no components" in text
    assert "1.000003" not in text.split("Worst")[1]
    assert render_report(QualityReport()).startswith("Metric")


def test_inspection_pairs_parsed_values_with_source() -> None:
    text = render_inspection(record("1.000001"))
    assert "== Dossier components" in text and "c1   [submit, 1 original(s), 0 copy(ies)]" in text
    assert "-- source --" in text and "[thanh_phan_ho_so]" in text and "Đơn đề nghị1 bản chính" in text
    assert text.index("== Dossier components") < text.index("[thanh_phan_ho_so]")


# --- the real national corpus ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def corpus_report() -> QualityReport:
    return measure(i for i in DvcReader().read(CORPUS) if isinstance(i, Procedure))


@pytest.fixture()
def report() -> QualityReport:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus/dvc-procedures.jsonl.gz not present")
    return corpus_report()


@pytest.mark.slow
def test_corpus_component_targets(report: QualityReport) -> None:
    assert report.records == 2642
    assert report.with_component_table >= 2600
    assert report.yielding_components / report.with_component_table >= 0.98
    assert report.names_with_headers == 0
    assert report.names_with_copy_cells == 0


@pytest.mark.slow
def test_corpus_fee_time_and_section_targets(report: QualityReport) -> None:
    assert report.fees_with_amount / report.fees_with_number >= 0.95
    assert report.channels_with_unit / report.channels >= 0.80
    assert report.with_legal_rows / report.with_legal_source >= 0.98
    assert report.legal_rows_with_number / report.legal_rows >= 0.98
    assert report.with_results / report.with_results_source >= 0.98
    assert report.with_steps == report.with_steps_source
    assert len(report.worst(15)) == 15
