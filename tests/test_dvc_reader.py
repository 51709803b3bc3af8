"""The national-portal reader: small records shaped like the export, then the real corpus when present."""

from __future__ import annotations

import gzip
import json
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from ingest.readers.base import ReadError
from ingest.readers.dvc import DvcReader, parse_record
from knowledge.model import Procedure

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "dvc-procedures.jsonl.gz"
HEAD = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"

CHANNELS = (
    "Hình thức nộpThời gianPhí, lệ phíMô tả"
    "Trực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Thu 10.000 đồng/lần đăng ký.)"
    "Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng(Lệ phí đăng ký cư trú.)Nộp tại Công an cấp xã. Trực tiếp tại trụ sở."
    "Dịch vụ bưu chính5Miễn phíTrả kết quả trong 05 ngày làm việc."
)
COMPONENTS = (
    f"Đăng ký vào chỗ ở thuộc quyền sở hữu của mình{HEAD}"
    "Tờ khai thay đổi thông tin cư trú (mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).Mau CT01.docx1 bản chính"
    "Giấy tờ chứng minh chỗ ở hợp pháp (nộp 01 bản chính hoặc 01 bản sao có chứng thực).0 bản chính,1 bản sao"
    f"Đăng ký vào chỗ ở do thuê, mượn, ở nhờ{HEAD}"
    "Hợp đồng cho thuê, cho mượn, cho ở nhờ được công chứng.1 bản chính"
    f"* Giấy tờ phải xuất trình:{HEAD}"
    "Một trong các giấy tờ sau:0 bản chínhHộ chiếu1 bản chínhThẻ căn cước1 bản chính"
    f"--{HEAD}*Lưu ý: Không yêu cầu xuất trình Giấy khai sinh đối với trẻ em mới sinh.0 bản chính"
)
LEGAL = "Tên văn bản pháp lýMã văn bảnLuật Cư trú 202068/2020/QH14Thông tư 55/2021/TT-BCA55/2021/TT-BCA"
RESULTS = (
    "Xác nhận thông tin về cư trúMã: KQ.G01.000064Phiếu từ chối tiếp nhậnMã: KQ.G01.000067"
    "Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốNộp hồ sơ"
)


def make_record(**overrides: Any) -> dict[str, Any]:
    """A record shaped like the export (fields only, no raw_text)."""
    record: dict[str, Any] = {
        "ma_thu_tuc": "1.999001",
        "detail_url": "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/test",
        "ten_thu_tuc": "Đăng ký thường trú (thử nghiệm)",
        "so_quyet_dinh": "1523/QĐ-BCA-C06",
        "cap_thuc_hien": "Cấp bộ, Cấp tỉnh",
        "loai_thu_tuc": "TTHC được giao luật quy định chi tiết",
        "linh_vuc": "Đăng ký, quản lý cư trú",
        "doi_tuong_thuc_hien": "Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)",
        "co_quan_co_tham_quyen": "Công an cấp Xã",
        "co_quan_thuc_hien": "Công an cấp Xã",
        "co_quan_duoc_uy_quyen": "",
        "co_quan_phoi_hop": "",
        "dia_chi_tiep_nhan": "",
        "thu_tuc_lien_quan": "Không có thông tin",
        "trinh_tu_thuc_hien": "Bước 1: Chuẩn bị hồ sơ.\nBước 2: Nộp hồ sơ tại Công an cấp xã.\nBước 3: Nhận kết quả.",
        "cach_thuc_thuc_hien": CHANNELS,
        "thanh_phan_ho_so": COMPONENTS,
        "can_cu_phap_ly": LEGAL,
        "yeu_cau_dieu_kien": "Không có thông tin",
        "ket_qua_xu_ly": RESULTS,
        "raw_text": "",
    }
    record.update(overrides)
    return record


def test_record_header_and_provenance() -> None:
    p = parse_record(make_record(), "dvc.jsonl", 7)
    assert (p.uid, p.code, p.decision_number) == ("dvc:1.999001", "1.999001", "1523/QĐ-BCA-C06")
    assert p.levels == ["Cấp bộ", "Cấp tỉnh"]
    assert p.applicants == ["Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)"]
    assert p.agencies.competent == "Công an cấp Xã" and p.agencies.implementing == "Công an cấp Xã"
    assert p.related == [] and p.requirements == []
    assert p.provenance.source_kind == "dvc"
    assert (p.provenance.source_file, p.provenance.record) == ("dvc.jsonl", "line 7")
    assert p.provenance.url == "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/test"
    assert p.provenance.decision == "1523/QĐ-BCA-C06"
    assert p.source_sections["cach_thuc_thuc_hien"] == CHANNELS
    assert p.source_sections["ten_thu_tuc"] == "Đăng ký thường trú (thử nghiệm)"


def test_channels_times_and_fees() -> None:
    p = parse_record(make_record(), "dvc.jsonl", 1)
    online, in_person, postal = p.channels
    assert (online.kind, in_person.kind, postal.kind) == ("online", "in_person", "postal")
    assert online.time is not None and (online.time.value, online.time.unit) == (7, "working_day")
    assert [(f.amount_vnd, f.unit) for f in online.fees] == [(10_000, "per_case")]
    assert in_person.fees[0].amount_vnd == 20_000
    assert in_person.fees[0].text.startswith("20,000 Việt Nam Đồng")
    assert "Trực tiếp tại trụ sở" in in_person.description  # label words inside a description start no row
    # The bare '5' lost its unit; its own description states '05 ngày làm việc'.
    assert postal.time is not None
    assert (postal.time.value, postal.time.unit, postal.time.text) == (5, "working_day", "5")
    assert postal.fees[0].free and postal.fees[0].amount_vnd == 0


def test_fee_cell_in_thousands() -> None:
    channels = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐ(20.000 vnđ /tờ khai)"
    [channel] = parse_record(make_record(cach_thuc_thuc_hien=channels), "f", 1).channels
    assert channel.time is not None and channel.time.value == 1 and channel.time.unit is None
    assert [(f.amount_vnd, f.unit) for f in channel.fees] == [(20_000, "per_case")]


def test_components_cases_groups_forms_and_notes() -> None:
    p = parse_record(make_record(), "dvc.jsonl", 1)
    names = [c.name for c in p.components]
    assert [c.id for c in p.components] == ["c1", "c2", "c3", "c4", "c5"]
    for name in names:
        assert "Tên giấy tờ" not in name and "Mẫu đơn, tờ khai" not in name and "bản chính" not in name
    c1, c2, c3, c4, c5 = p.components
    assert c1.name == "Tờ khai thay đổi thông tin cư trú (mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)"
    assert (c1.form, c1.originals, c1.copies, c1.group) == ("CT01", 1, 0, "submit")
    assert c1.case == "Đăng ký vào chỗ ở thuộc quyền sở hữu của mình"
    assert (c2.originals, c2.copies) == (0, 1) and c2.note == "nộp 01 bản chính hoặc 01 bản sao có chứng thực"
    assert c3.case == "Đăng ký vào chỗ ở do thuê, mượn, ở nhờ"
    assert (c4.name, c5.name) == ("Hộ chiếu", "Thẻ căn cước")
    assert c4.group == c5.group == "present"
    assert c4.alternative_group is not None and c4.alternative_group == c5.alternative_group
    assert c1.alternative_group is None
    assert p.component_notes == ["*Lưu ý: Không yêu cầu xuất trình Giấy khai sinh đối với trẻ em mới sinh."]


def test_components_joined_by_hoac_are_alternatives() -> None:
    table = f"--{HEAD}Bản khai cá nhân (Mẫu số 02)1 bản chínhhoặc bản khai của thân nhân (Mẫu số 04)1 bản chính"
    first, second = parse_record(make_record(thanh_phan_ho_so=table), "f", 1).components
    assert first.alternative_group is not None and first.alternative_group == second.alternative_group
    assert second.name.startswith("Hoặc bản khai") and second.form == "Mẫu số 04"


def test_steps_results_legal_basis() -> None:
    p = parse_record(make_record(), "dvc.jsonl", 1)
    assert [(s.order, s.text) for s in p.steps] == [
        (1, "Chuẩn bị hồ sơ."), (2, "Nộp hồ sơ tại Công an cấp xã."), (3, "Nhận kết quả."),
    ]
    assert [(r.name, r.code) for r in p.results] == [
        ("Xác nhận thông tin về cư trú", "KQ.G01.000064"), ("Phiếu từ chối tiếp nhận", "KQ.G01.000067"),
    ]
    assert [(b.number, b.title) for b in p.legal_basis] == [
        ("68/2020/QH14", "Luật Cư trú 2020"), ("55/2021/TT-BCA", "Thông tư 55/2021/TT-BCA"),
    ]


def test_sections_are_recut_from_raw_text() -> None:
    """The crawler cut sections at the first 'Thành phần hồ sơ', even inside a step; raw_text is authoritative."""
    steps = (
        "Bước 1. Lập hồ sơ theo quy định tại mục 5.3 (Thành phần hồ sơ); nộp cho cơ quan BHXH.\n"
        "Bước 2. Nhận kết quả."
    )
    raw = (
        "Tên thủ tụcThử nghiệmMã thủ tục1.999002Thủ tục hành chính liên quanKhông có thông tin"
        f"Trình Tự Thực Hiện{steps}Cách Thức Thực Hiện{CHANNELS}Thành phần hồ sơ{COMPONENTS}"
        f"Căn cứ pháp lý{LEGAL}Cơ quan thực hiệnBảo hiểm xã hội cấp tỉnhYêu cầu, điều kiện thực hiện"
        f"Không có thông tinKết quả xử lý{RESULTS}"
    )
    record = make_record(
        ma_thu_tuc="1.999002", raw_text=raw,
        trinh_tu_thuc_hien="Bước 1. Lập hồ sơ theo quy định tại mục 5.3 (",
        thanh_phan_ho_so="); nộp cho cơ quan BHXH.\nBước 2. Nhận kết quả.",
    )
    p = parse_record(record, "f", 1)
    assert len(p.steps) == 2 and "(Thành phần hồ sơ); nộp cho cơ quan BHXH" in p.steps[0].text
    assert len(p.components) == 5 and p.agencies.implementing == "Bảo hiểm xã hội cấp tỉnh"
    assert p.source_sections["thanh_phan_ho_so"] == COMPONENTS
    assert "Từ khóa" not in p.source_sections["ket_qua_xu_ly"]


def test_missing_code_or_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="ma_thu_tuc"):
        parse_record(make_record(ma_thu_tuc=""), "f", 3)
    with pytest.raises(ValueError, match="ten_thu_tuc"):
        parse_record(make_record(ten_thu_tuc=None), "f", 3)


def test_a_name_loses_its_own_code_repeated_at_its_end() -> None:
    named = parse_record(make_record(ten_thu_tuc="Cấp giấy phép môi trường (cấp Tỉnh) ( 1.999001 )"), "f", 1)
    assert named.name == "Cấp giấy phép môi trường (cấp Tỉnh)"
    other = parse_record(make_record(ten_thu_tuc="Thủ tục X (1.000002)"), "f", 1)
    assert other.name == "Thủ tục X (1.000002)"


def _write_jsonl(path: Path, lines: list[str]) -> None:
    data = "\n".join(lines) + "\n"
    if path.name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(data)
    else:
        path.write_text(data, encoding="utf-8")


@pytest.mark.parametrize("name", ["export.jsonl", "export.jsonl.gz"])
def test_read_reports_bad_lines_and_goes_on(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    good = json.dumps(make_record(), ensure_ascii=False)
    _write_jsonl(path, [good, "{not json", json.dumps(make_record(ma_thu_tuc="")), "", "[1, 2]",
                        json.dumps(make_record(ma_thu_tuc="1.999003"), ensure_ascii=False)])
    reader = DvcReader()
    assert reader.can_read(path)
    items = list(reader.read(path))
    procedures = [i for i in items if isinstance(i, Procedure)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [p.code for p in procedures] == ["1.999001", "1.999003"]
    assert [p.provenance.record for p in procedures] == ["line 1", "line 6"]
    assert [(e.record, e.source) for e in errors] == [("line 2", str(path)), ("line 3", str(path)),
                                                       ("line 5", str(path))]
    assert "invalid JSON" in errors[0].reason and "ma_thu_tuc" in errors[1].reason


@pytest.mark.parametrize("name", ["export.json", "export.json.gz"])
def test_read_json_array(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    text = json.dumps([make_record(), make_record(ma_thu_tuc="1.999004")], ensure_ascii=False, indent=1)
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    reader = DvcReader()
    assert reader.can_read(path)
    items = list(reader.read(path))
    assert [i.code for i in items if isinstance(i, Procedure)] == ["1.999001", "1.999004"]


def test_can_read_rejects_other_files(tmp_path: Path) -> None:
    other = tmp_path / "bqp.jsonl"
    other.write_text(json.dumps({"metadata": {}, "content": {}}) + "\n", encoding="utf-8")
    text = tmp_path / "notes.txt"
    text.write_text(json.dumps(make_record()), encoding="utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    reader = DvcReader()
    assert not reader.can_read(other) and not reader.can_read(text) and not reader.can_read(empty)
    assert not reader.can_read(tmp_path)


# --- the real national corpus ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def corpus() -> tuple[dict[str, Procedure], list[ReadError], float]:
    start = time.perf_counter()
    items = list(DvcReader().read(CORPUS))
    elapsed = time.perf_counter() - start
    records = {i.code or i.uid: i for i in items if isinstance(i, Procedure)}
    return records, [i for i in items if isinstance(i, ReadError)], elapsed


@pytest.fixture()
def records() -> dict[str, Procedure]:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus/dvc-procedures.jsonl.gz not present")
    return corpus()[0]


@pytest.mark.slow
def test_corpus_parses_completely_and_fast(records: dict[str, Procedure]) -> None:
    _, errors, elapsed = corpus()
    assert len(records) == 2642 and errors == []
    assert elapsed < 10, f"parsing the corpus took {elapsed:.1f}s"


@pytest.mark.slow
def test_corpus_registration_1_004222(records: dict[str, Procedure]) -> None:
    p = records["1.004222"]
    assert p.name == "Đăng ký thường trú" and p.levels == ["Cấp xã"]
    by_kind = {c.kind: c for c in p.channels}
    assert set(by_kind) == {"online", "in_person"}
    for channel in by_kind.values():
        assert channel.time is not None and (channel.time.value, channel.time.unit) == (7, "working_day")
    assert [f.amount_vnd for f in by_kind["online"].fees] == [10_000]
    assert [f.amount_vnd for f in by_kind["in_person"].fees] == [20_000]
    rented = [c for c in p.components if c.case == "Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ"]
    assert rented and rented[0].name.startswith("Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ")
    owned = [c for c in p.components if c.case == "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"]
    assert any(c.form == "CT01" for c in owned)
    assert all("Lưu ý" not in c.name for c in p.components)
    assert any(note.startswith("*Lưu ý") for note in p.component_notes)
    assert ("68/2020/QH14", "Luật Cư trú 2020") in [(b.number, b.title) for b in p.legal_basis]
    assert [r.code for r in p.results][:2] == ["KQ.G01.000064", "KQ.G01.000065"]
    assert len(p.steps) == 5


@pytest.mark.slow
def test_corpus_present_and_submit_groups_1_003592(records: dict[str, Procedure]) -> None:
    p = records["1.003592"]
    first, last = p.components[0], p.components[-1]
    assert first.group == "present"
    assert first.name.startswith("Giấy chứng nhận khả năng chuyên môn, chứng chỉ chuyên môn của thuyền viên")
    assert (last.group, last.name) == ("submit", "Danh sách hành khách (đối với phương tiện vận tải hành khách)")
    assert p.components[2].case and p.components[2].case.startswith("Đối với phương tiện đóng mới")


@pytest.mark.slow
def test_corpus_crawler_misaligned_sections_1_001521(records: dict[str, Procedure]) -> None:
    """The export's own fields cut this record at '(Thành phần hồ sơ)' inside step 1."""
    p = records["1.001521"]
    assert len(p.steps) == 3 and "(Thành phần hồ sơ)" in p.steps[0].text
    assert len(p.components) >= 8
    assert all(c.case is None for c in p.components)
    assert p.component_notes[0].startswith("Trường hợp không quy định là bản chính")
    assert {c.kind for c in p.channels} == {"online", "postal", "in_person"}


@pytest.mark.slow
def test_corpus_fee_from_note_and_thousands_cell(records: dict[str, Procedure]) -> None:
    vet = records["1.011325"]  # 2,000,000 VND per order in every channel, postal included
    assert {c.kind for c in vet.channels} == {"online", "postal", "in_person"}
    assert all([f.amount_vnd for f in c.fees] == [2_000_000] for c in vet.channels)
    customs = records["1.000014"]  # the cell says '20 VNĐ', the note '20.000 vnđ /tờ khai'
    assert all([(f.amount_vnd, f.unit) for f in c.fees] == [(20_000, "per_case")] for c in customs.channels)


@pytest.mark.slow
def test_corpus_alternatives_2_000829(records: dict[str, Procedure]) -> None:
    p = records["2.000829"]
    child = [c for c in p.components if c.case and "là trẻ em gồm một trong các giấy tờ" in c.case]
    assert len(child) == 3
    assert len({c.alternative_group for c in child}) == 1 and child[0].alternative_group is not None
    assert "Giấy khai sinh, hộ chiếu" in [c.name for c in child]
