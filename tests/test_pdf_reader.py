"""PdfGuideReader: a small generated guide (fpdf2 + a Vietnamese TTF font) and the real Đà Nẵng handbook."""

from __future__ import annotations

import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.readers.base import ReadError, ReadProgress
from ingest.readers.pdf_guide import PdfGuideReader
from knowledge.model import Procedure

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DANANG_PDF = SHARED / "corpus" / "danang-procedures.pdf"
FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
]
WIDTH = 88  # characters per line of the generated guide

# Each page: list of (text, wrap) - wrapped paragraphs are broken at WIDTH like a word processor would.
PAGES: list[list[tuple[str, bool]]] = [
    [
        ("THỦ TỤC 1: Đăng ký khai sinh có yếu tố nước ngoài cho trẻ em sinh ra tại Việt Nam có cha hoặc", False),
        ("mẹ là công dân Việt Nam", False),
        ("Mã thủ tục", False),
        ("1.001193.000.00.00.H17 Số quyết định 427/QĐ-UBND", False),
        ("Lĩnh vực: Hộ tịch", False),
        ("Thời hạn giải quyết: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", False),
        ("Lệ phí: 75.000 đồng", False),
        ("Cách thức thực hiện:", False),
        ("• Nộp trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả của UBND quận, huyện.", False),
        ("• Nộp trực tuyến trên Cổng dịch vụ công.", False),
        ("Trình tự thực hiện:", False),
        ("Bước 1: Người có yêu cầu nộp hồ sơ tại Bộ phận Tiếp nhận và Trả kết quả của Ủy ban nhân dân "
         "cấp huyện nơi cư trú của người cha hoặc người mẹ, kèm theo bản chính giấy tờ tùy thân để đối chiếu.", True),
        ("Bước 2: Công chức tư pháp kiểm tra hồ sơ và trình Chủ tịch Ủy ban nhân dân cấp huyện ký Giấy "
         "khai sinh cho người được đăng ký.", True),
        ("Thành phần hồ sơ:", False),
        ("- Tờ khai đăng ký khai sinh theo Mẫu số 01/TP-HT (Bản chính: 1, Bản sao: 0)", False),
        ("- Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh (1 bản chính)", False),
    ],
    [
        ("- Trường hợp cha, mẹ đã chọn quốc tịch nước ngoài cho con:", False),
        ("+ Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con (1 bản sao)", False),
        ("+ Giấy xác nhận quốc tịch của trẻ do cơ quan có thẩm quyền của nước ngoài cấp", False),
        ("a) Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự và dịch sang tiếng Việt, "
         "trừ trường hợp được miễn hợp pháp hóa lãnh sự theo điều ước quốc tế.", True),
        ("Tài liệu đính kèm:", False),
        ("https://dichvucong.", False),
        ("gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193", False),
        ("Căn cứ pháp lý:", False),
        ("1. Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014", False),
        ("2. Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và "
         "biện pháp thi hành Luật Hộ tịch", True),
        ("Tình trạng hiệu lực: Còn hiệu lực", False),
    ],
    [
        ("THỦ TỤC 2: Chứng thực bản sao từ bản chính giấy tờ, văn bản", False),
        ("• Mã thủ tục: 2.000815", False),
        ("• Thời hạn giải quyết:", False),
        ("o Trực tiếp: Trong ngày làm việc", False),
        ("o Trực tuyến: 02 ngày làm việc", False),
        ("• Lệ phí: 2.000 đồng/trang", False),
        ("• Thành phần hồ sơ:", False),
        ("o Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", False),
        ("o Bản sao cần chứng thực", False),
    ],
    [
        ("THỦ TỤC 3: Gia hạn hợp đồng thuê nhà chung cư", False),
        ("Mã thủ tục: QLKTN003", False),
        ("Thời hạn giải quyết: 10 ngày", False),
        ("Lệ phí: Không", False),
        ("Thành phần hồ sơ: Đơn đề nghị gia hạn hợp đồng thuê nhà", False),
    ],
]


def _font() -> Path | None:
    return next((p for p in FONT_CANDIDATES if p.exists()), None)


def _page_lines(page: list[tuple[str, bool]]) -> Iterator[str]:
    for text, wrap in page:
        yield from (textwrap.wrap(text, WIDTH) if wrap else [text])


@pytest.fixture(scope="module")
def guide_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4-page guide with a running header, page numbers, wrapped headings, lines and URLs."""
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is needed to generate the PDF fixture")
    font = _font()
    if font is None:
        pytest.skip("no TTF font with Vietnamese glyphs (DejaVuSans, Liberation, Noto) found on this machine")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_font("vn", "", str(font))
    for number, page in enumerate(PAGES, start=1):
        pdf.add_page()
        pdf.set_font("vn", size=9)
        pdf.cell(0, 6, "SỔ TAY HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH", new_x="LMARGIN", new_y="NEXT")
        for line in _page_lines(page):
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, str(number), new_x="LMARGIN", new_y="NEXT", align="C")
    path = tmp_path_factory.mktemp("pdf") / "so-tay.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def guide(guide_pdf: Path) -> dict[str, Procedure]:
    items = list(PdfGuideReader().read(guide_pdf))
    assert not [i for i in items if isinstance(i, ReadError)]
    return {p.uid: p for p in items if isinstance(p, Procedure)}


def test_one_procedure_per_heading_with_pages(guide: dict[str, Procedure]) -> None:
    assert list(guide) == ["pdf:so-tay:1", "pdf:so-tay:2", "pdf:so-tay:3"]
    first = guide["pdf:so-tay:1"]
    assert first.provenance.record == "THỦ TỤC 1"
    assert (first.provenance.page_start, first.provenance.page_end) == (1, 2)
    assert (guide["pdf:so-tay:3"].provenance.page_start, guide["pdf:so-tay:3"].provenance.page_end) == (4, 4)
    assert first.provenance.source_kind == "pdf"


def test_wrapped_heading_and_codes(guide: dict[str, Procedure]) -> None:
    first = guide["pdf:so-tay:1"]
    assert first.name.endswith("có cha hoặc mẹ là công dân Việt Nam")
    assert first.code == "1.001193"
    assert first.decision_number == "427/QĐ-UBND"
    assert guide["pdf:so-tay:2"].code == "2.000815"
    assert guide["pdf:so-tay:3"].code is None  # a local code is not a national one


def test_page_headers_and_numbers_removed(guide: dict[str, Procedure]) -> None:
    for proc in guide.values():
        dump = proc.model_dump_json()
        assert "SỔ TAY" not in dump
    legal = guide["pdf:so-tay:1"].legal_basis
    assert legal[-1].title.endswith("Luật Hộ tịch")  # no page number glued to the end


def test_wrapped_lines_joined_and_bullets_split(guide: dict[str, Procedure]) -> None:
    first = guide["pdf:so-tay:1"]
    assert [s.order for s in first.steps] == [1, 2]
    assert first.steps[0].text.startswith("Người có yêu cầu nộp hồ sơ")
    assert first.steps[0].text.endswith("bản chính giấy tờ tùy thân để đối chiếu.")
    assert "\n" not in first.steps[1].text
    comps = first.components  # '-' documents, a '-' case heading, its '+' documents and an 'a)' detail
    assert len(comps) == 4, [c.name for c in comps]
    assert [c.case for c in comps] == [None, None] + ["Trường hợp cha, mẹ đã chọn quốc tịch nước ngoài cho con"] * 2
    assert comps[3].note == (
        "Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự và dịch sang tiếng Việt, "
        "trừ trường hợp được miễn hợp pháp hóa lãnh sự theo điều ước quốc tế."
    )


def test_url_split_across_lines_rejoined(guide: dict[str, Procedure]) -> None:
    notes = " ".join(guide["pdf:so-tay:1"].component_notes)
    assert "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193" in notes


def test_components_counts_and_forms(guide: dict[str, Procedure]) -> None:
    comps = guide["pdf:so-tay:1"].components
    assert comps[0].name == "Tờ khai đăng ký khai sinh theo Mẫu số 01/TP-HT"
    assert (comps[0].originals, comps[0].copies) == (1, 0)
    assert comps[0].form == "01/TP-HT"
    assert comps[1].originals == 1
    assert comps[2].copies == 1
    assert [c.id for c in comps] == ["c1", "c2", "c3", "c4"]
    assert [c.name for c in guide["pdf:so-tay:3"].components] == ["Đơn đề nghị gia hạn hợp đồng thuê nhà"]


def test_channels_with_time_and_fees(guide: dict[str, Procedure]) -> None:
    first = guide["pdf:so-tay:1"]
    assert [c.kind for c in first.channels] == ["in_person", "online"]
    for channel in first.channels:
        assert channel.time is not None and (channel.time.value, channel.time.unit) == (5, "working_day")
        assert [f.amount_vnd for f in channel.fees] == [75000]
    second = {c.kind: c for c in guide["pdf:so-tay:2"].channels}
    assert second["online"].time is not None and second["online"].time.value == 2
    assert second["in_person"].time is not None and second["in_person"].time.unit == "working_day"
    assert second["online"].fees[0].amount_vnd == 2000
    assert guide["pdf:so-tay:3"].channels[0].fees[0].free


def test_legal_basis_and_validity(guide: dict[str, Procedure]) -> None:
    first = guide["pdf:so-tay:1"]
    assert [lb.number for lb in first.legal_basis] == ["60/2014/QH13", "123/2015/NĐ-CP"]
    assert first.legal_basis[0].title == "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014"
    assert first.validity == "Còn hiệu lực"
    assert first.field == "Hộ tịch"


def test_progress_reported_per_page(guide_pdf: Path) -> None:
    progress = [i for i in PdfGuideReader().read(guide_pdf) if isinstance(i, ReadProgress)]
    assert [(p.unit, p.done, p.total) for p in progress] == [("pages", n, 4) for n in range(1, 5)]


@pytest.mark.parametrize("content", [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"])
def test_unreadable_pdf_gives_one_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    items = list(PdfGuideReader().read(path))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and not [i for i in items if isinstance(i, Procedure)]
    assert errors[0].source == str(path) and errors[0].reason


def test_can_read_by_extension(tmp_path: Path) -> None:
    reader = PdfGuideReader()
    assert reader.can_read(tmp_path / "guide.PDF")
    assert not reader.can_read(tmp_path / "guide.docx")


# --- the real 408-page Đà Nẵng guide ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def danang() -> dict[int, Procedure]:
    if not DANANG_PDF.exists():
        pytest.skip(f"shared corpus not found at {DANANG_PDF} (the ../shared folder is absent)")
    started = time.perf_counter()
    items = list(PdfGuideReader().read(DANANG_PDF))
    elapsed = time.perf_counter() - started
    assert elapsed < 60, f"parsing took {elapsed:.1f} s"  # about 6-12 s on 2 cores; a loose guard against regressions
    assert not [i for i in items if isinstance(i, ReadError)]
    return {int(p.uid.rsplit(":", 1)[1]): p for p in items if isinstance(p, Procedure)}


def test_real_all_174_procedures(danang: dict[int, Procedure]) -> None:
    assert len(danang) == 174
    assert sorted(danang) == [n for n in range(1, 176) if n != 24]  # the guide skips number 24
    assert all(p.uid == f"pdf:danang-procedures:{n}" for n, p in danang.items())
    assert all(p.provenance.record == f"THỦ TỤC {n}" for n, p in danang.items())


def test_real_codes(danang: dict[int, Procedure]) -> None:
    assert sum(1 for p in danang.values() if p.code) >= 170
    assert danang[1].code == "1.009022"
    assert danang[29].code == "2.000815"
    assert danang[92].code == "1.001193"
    assert danang[9].code is None  # 'QLKTN003' is a local code


def test_real_pages(danang: dict[int, Procedure]) -> None:
    assert (danang[1].provenance.page_start, danang[1].provenance.page_end) == (1, 2)
    assert (danang[16].provenance.page_start, danang[16].provenance.page_end) == (32, 34)
    assert danang[175].provenance.page_end == 408
    starts = [danang[n].provenance.page_start or 0 for n in sorted(danang)]
    assert starts == sorted(starts)


def test_real_wrapped_headings(danang: dict[int, Procedure]) -> None:
    assert danang[2].name == "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam"
    assert danang[20].name.endswith("thế hệ thứ ba của người hoạt động kháng chiến bị nhiễm chất độc hóa học")
    assert danang[86].name.endswith("trong dự án xây dựng kinh doanh kết cấu hạ tầng")  # not the chat line after it


def test_real_urls_rejoined(danang: dict[int, Procedure]) -> None:
    notes = "\n".join(danang[7].component_notes)
    assert "https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp?ma=3fdf9458fd6fa920" in notes
    assert "download_file.jsp?ma=3fe1ac91ca1891f9" in notes
    notes = "\n".join(danang[1].component_notes)
    assert "maSo=86c815339158651e201abe354cffa5ee" in notes
    assert "downloadfile_WAR_dngesbportlet&p_p_lifecycle=2" in notes


def test_real_spot_check_work_permit(danang: dict[int, Procedure]) -> None:
    proc = danang[2]  # "05 ngày làm việc ...", "600.000 đồng", ten numbered documents
    assert {c.kind for c in proc.channels} == {"in_person", "online", "postal"}
    channel = proc.channels[0]
    assert channel.time is not None and (channel.time.value, channel.time.unit) == (5, "working_day")
    assert [f.amount_vnd for f in channel.fees] == [600000]
    assert len(proc.components) == 10
    assert proc.components[0].form == "11/PLI"
    assert proc.components[4].name.startswith("02 ảnh màu")


def test_real_spot_check_tour_guide_card(danang: dict[int, Procedure]) -> None:
    proc = danang[28]  # "14 ngày làm việc", "650.000 đồng", five documents with 'Bản chính: n' / 'Bản sao: n'
    channel = proc.channels[0]
    assert channel.time is not None and (channel.time.value, channel.time.unit) == (14, "working_day")
    assert channel.fees[0].amount_vnd == 650000
    counts = [(c.originals, c.copies) for c in proc.components]
    assert counts == [(1, 0), (1, 0), (0, 1), (1, 0), (1, 0)]
    assert proc.components[0].form == "Mẫu số 04"
    assert proc.components[2].case == "Giấy tờ chứng minh điều kiện về trình độ nghiệp vụ"


def test_real_spot_check_training_car_permit(danang: dict[int, Procedure]) -> None:
    proc = danang[14]  # a time per channel, "Bản chính: 1 / Bản sao: 1" under each document
    times = {c.kind: c.time for c in proc.channels}
    assert set(times) == {"in_person", "online", "postal"}
    assert all(t is not None and (t.value, t.unit) == (3, "working_day") for t in times.values())
    assert [(c.originals, c.copies) for c in proc.components] == [(1, 1), (1, 0)]
    assert [lb.number for lb in proc.legal_basis] == ["160/2024/NĐ-CP", "1744/QĐ-BGTVT"]
    assert len(proc.steps) == 2 and len(proc.requirements) == 3


def test_real_totals(danang: dict[int, Procedure]) -> None:
    procs = list(danang.values())
    assert sum(1 for p in procs if p.components) >= 165
    assert sum(1 for p in procs if p.channels) >= 170
    assert sum(1 for p in procs if any(c.fees for c in p.channels)) >= 150
    assert sum(1 for p in procs if p.steps) >= 165
    assert sum(1 for p in procs if p.legal_basis) >= 160


def test_real_fee_defects(danang: dict[int, Procedure]) -> None:
    # '... (theo Quyết định số 1191/QĐ-BXD ngày 28/11/2023 ...)' once gave a 1,191 đồng fee with an empty text.
    fees = danang[25].channels[0].fees
    assert [f.amount_vnd for f in fees if f.amount_vnd is not None] == [350_000]
    # '500.000 đồng/lần/cơ sở': the unit stays with its amount; no fee text starts with the tail of another.
    fees = danang[68].channels[0].fees
    assert [(f.amount_vnd, f.unit) for f in fees] == [
        (500_000, "per_case"), (2_500_000, "per_case"), (700_000, "per_case"), (1_000_000, "per_case"),
    ]
    assert all(f.text.endswith("đồng/lần/cơ sở") for f in fees)
    all_fees = [f for p in danang.values() for c in p.channels for f in c.fees]
    assert not [f.text for f in all_fees if not f.text or f.text.startswith("/")]
    assert 1191 not in {f.amount_vnd for f in all_fees}
    # 'Không có lệ phí' is free; 'Không có lệ phí cụ thể đề cập' says nothing of the kind.
    assert all(f.free and f.amount_vnd == 0 for n in (49, 50, 51, 52, 144, 145) for f in danang[n].channels[0].fees
               if f.text == "Không có lệ phí")
    assert not danang[26].channels[0].fees[0].free


def test_real_time_defects(danang: dict[int, Procedure]) -> None:
    time = danang[128].channels[0].time  # 'Mười lăm (15) ngày làm việc'
    assert time is not None and (time.value, time.unit) == (15, "working_day")
    for n in (29, 42, 82, 83, 84, 92, 106):  # 'Ngay trong ngày ... sau 15 giờ ...', not 15 hours
        time = danang[n].channels[0].time
        assert time is not None and (time.value, time.unit) == (1, "working_day"), n
        assert "15 giờ" in time.text
