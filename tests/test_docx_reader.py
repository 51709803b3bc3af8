"""DocxGuideReader on a guide built with python-docx: paragraphs, Word lists and tables."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from ingest.readers.base import ReadError
from ingest.readers.docx_guide import DocxGuideReader
from knowledge.model import Procedure

docx = pytest.importorskip("docx", reason="python-docx is needed to build the DOCX fixture")


def _table(document: Any, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


@pytest.fixture(scope="module")
def guide_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = docx.Document()
    d.add_paragraph("SỔ TAY HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH", style="Title")  # block 0
    d.add_paragraph("THỦ TỤC 1: Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", style="Heading 2")  # 1
    d.add_paragraph("Mã thủ tục: 1.001029.000.00.00.H17")
    d.add_paragraph("Lĩnh vực: Văn hóa")
    _table(d, [["Thời hạn giải quyết", "05 ngày làm việc"], ["Lệ phí", "6.000.000 đồng/giấy phép"]])
    d.add_paragraph("Cách thức thực hiện:")
    d.add_paragraph("Nộp trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả", style="List Bullet")
    d.add_paragraph("Nộp qua dịch vụ bưu chính", style="List Bullet")
    d.add_paragraph("Trình tự thực hiện:")
    for step in ("Doanh nghiệp nộp hồ sơ đề nghị cấp giấy phép.",
                 "Cơ quan tiếp nhận kiểm tra hồ sơ.",
                 "Cấp giấy phép trong 05 ngày làm việc."):
        d.add_paragraph(step, style="List Number")
    d.add_paragraph("Thành phần hồ sơ:")
    _table(d, [
        ["STT", "Tên giấy tờ", "Bản chính", "Bản sao"],
        ["1", "Đơn đề nghị cấp giấy phép (Mẫu số 01)", "1", "0"],
        ["2", "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", "0", "1"],
    ])
    d.add_paragraph("Căn cứ pháp lý:")
    _table(d, [
        ["Số ký hiệu", "Trích yếu", "Ngày ban hành"],
        ["54/2019/NĐ-CP", "Nghị định quy định về kinh doanh dịch vụ karaoke", "2019-06-19"],
    ])
    d.add_paragraph("THỦ TỤC 2: Đăng ký tổ chức lễ hội", style="Heading 2")
    d.add_paragraph("Dưới đây là thông tin chi tiết")
    d.add_paragraph("Mã thủ tục")
    d.add_paragraph("2.001646")
    d.add_paragraph("Thành phần hồ sơ")
    d.add_paragraph("- Văn bản đăng ký tổ chức lễ hội (1 bản chính)")
    d.add_paragraph("- Kế hoạch tổ chức lễ hội")
    d.add_paragraph("Tình trạng hiệu lực: Còn hiệu lực")
    path = tmp_path_factory.mktemp("docx") / "huong-dan.docx"
    d.save(str(path))
    return path


@pytest.fixture(scope="module")
def guide(guide_docx: Path) -> dict[str, Procedure]:
    items = list(DocxGuideReader().read(guide_docx))
    assert not [i for i in items if isinstance(i, ReadError)]
    return {p.uid: p for p in items if isinstance(p, Procedure)}


def test_one_procedure_per_heading(guide: dict[str, Procedure]) -> None:
    assert list(guide) == ["docx:huong-dan:1", "docx:huong-dan:2"]
    first, second = guide.values()
    assert first.provenance.source_kind == "docx"
    assert first.provenance.record == "THỦ TỤC 1"
    assert first.provenance.page_start == 1  # body block index (paragraph or table), not a page
    assert first.provenance.page_end is not None and first.provenance.page_end < (second.provenance.page_start or 0)
    assert first.name == "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke"
    assert second.name == "Đăng ký tổ chức lễ hội"  # no continuation of a heading in DOCX
    assert (first.code, second.code) == ("1.001029", "2.001646")


def test_label_table_and_list_paragraphs(guide: dict[str, Procedure]) -> None:
    first = guide["docx:huong-dan:1"]
    assert first.field == "Văn hóa"
    assert [c.kind for c in first.channels] == ["in_person", "postal"]
    for channel in first.channels:
        assert channel.time is not None and (channel.time.value, channel.time.unit) == (5, "working_day")
        assert [f.amount_vnd for f in channel.fees] == [6_000_000]
    assert [s.text for s in first.steps] == [
        "Doanh nghiệp nộp hồ sơ đề nghị cấp giấy phép.",
        "Cơ quan tiếp nhận kiểm tra hồ sơ.",
        "Cấp giấy phép trong 05 ngày làm việc.",
    ]


def test_component_table_with_counts(guide: dict[str, Procedure]) -> None:
    comps = guide["docx:huong-dan:1"].components
    assert [c.name for c in comps] == [
        "Đơn đề nghị cấp giấy phép (Mẫu số 01)",
        "Bản sao Giấy chứng nhận đăng ký doanh nghiệp",
    ]
    assert [(c.originals, c.copies) for c in comps] == [(1, 0), (0, 1)]
    assert comps[0].form == "Mẫu số 01"


def test_legal_table(guide: dict[str, Procedure]) -> None:
    (basis,) = guide["docx:huong-dan:1"].legal_basis
    assert basis.number == "54/2019/NĐ-CP"
    assert basis.title == "Nghị định quy định về kinh doanh dịch vụ karaoke"


def test_dash_items_and_label_on_own_line(guide: dict[str, Procedure]) -> None:
    second = guide["docx:huong-dan:2"]
    assert [c.name for c in second.components] == ["Văn bản đăng ký tổ chức lễ hội", "Kế hoạch tổ chức lễ hội"]
    assert second.components[0].originals == 1
    assert second.validity == "Còn hiệu lực"


@pytest.mark.parametrize("kind", ["garbage", "zip-without-document"])
def test_unreadable_docx_gives_one_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "broken.docx"
    if kind == "garbage":
        path.write_bytes(b"this is not a zip file")
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "no word document here")
    items = list(DocxGuideReader().read(path))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].source == str(path) and "unreadable DOCX" in items[0].reason


def test_document_without_headings(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Một văn bản không có thủ tục nào")
    path = tmp_path / "empty.docx"
    d.save(str(path))
    items = list(DocxGuideReader().read(path))
    assert len(items) == 1 and isinstance(items[0], ReadError)


def test_can_read(tmp_path: Path) -> None:
    reader = DocxGuideReader()
    assert reader.can_read(tmp_path / "guide.docx")
    assert not reader.can_read(tmp_path / "~$guide.docx")
    assert not reader.can_read(tmp_path / "guide.pdf")
