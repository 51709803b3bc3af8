"""BqpReader: small JSONL fixtures in the Ministry of Defence export shape, and the real 207-record file."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest

from ingest.readers.base import ReadError
from ingest.readers.bqp import BqpReader
from knowledge.model import Procedure

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BQP_FILE = SHARED / "corpus" / "bqp-procedures-structured.jsonl.gz"
DVC_FILE = SHARED / "corpus" / "dvc-procedures.jsonl.gz"


def _record(code: str = "1.013124", **overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "thu_tuc_id": code,
        "source_file": f"ChiTietTTHC_{code}.doc",
        "metadata": {
            "mã_thủ_tục": code,
            "tên_thủ_tục": "Thủ tục cấp giấy phép sử dụng vật liệu nổ công nghiệp",
            "số_quyết_định": "Quyết định số 6225/QĐ-BQP",
            "cấp_thực_hiện": "Cấp Bộ, Cấp Tỉnh",
            "loại_thủ_tục": "TTHC được luật giao quy định chi tiết",
            "lĩnh_vực": "Vật liệu nổ công nghiệp",
        },
        "content": {
            "trình_tự_thực_hiện": "Bước 1: Tổ chức nộp hồ sơ. Bước 2: Cơ quan thẩm định hồ sơ; Bước 3. Cấp giấy phép.",
            "đối_tượng_thực_hiện": "Doanh nghiệp, Tổ chức (không bao gồm doanh nghiệp, HTX), Hợp tác xã",
            "cơ_quan_thực_hiện": "Cục Quân khí",
            "cơ_quan_có_thẩm_quyền": "Bộ Quốc phòng",
            "cơ_quan_được_ủy_quyền": "Không có thông tin",
            "cơ_quan_phối_hợp": "Không có thông tin",
            "địa_chỉ_tiếp_nhận_hs": "Không có thông tin",
            "kết_quả_thực_hiện": "Giấy phép sử dụng vật liệu nổ công nghiệp (Mẫu số 05)",
            "yêu_cầu_điều_kiện_thực_hiện": "Không",
            "từ_khóa": "Không có thông tin",
            "mô_tả": "Không có thông tin",
        },
        "tables": {
            "hinh_thuc_nop": [
                {"hinh_thuc": "Trực tiếp", "thoi_han_giai_quyet": "10 Ngày làm việc",
                 "phi_le_phi": "Phí : 2.000.000 Đồng (Thẩm định cấp phép)", "mo_ta": ""},
                {"hinh_thuc": "Dịch vụ bưu chính", "thoi_han_giai_quyet": "12 Ngày làm việc",
                 "phi_le_phi": "Phí : 2.000.000 Đồng (Thẩm định cấp phép)", "mo_ta": "Gửi qua bưu điện"},
            ],
            "thanh_phan_ho_so": [
                {"ten_giay_to": "Giấy đề nghị cấp Giấy phép theo Mẫu số 01.", "so_luong": "Mau1.docx",
                 "ghi_chu": "Bản chính: 1\nBản sao: 0"},
                {"ten_giay_to": "- Bản sao Giấy chứng nhận đăng ký doanh nghiệp;", "so_luong": "",
                 "ghi_chu": "Bản chính: 0\nBản sao: 1"},
            ],
            "can_cu_phap_ly": [
                {"so_ky_hieu": "12", "trich_yeu": "Quyết định số 12/2021/QĐ-TTg ngày 24/3/2021 của Thủ tướng",
                 "ngay_ban_hanh": "24-03-2021", "co_quan_ban_hanh": "Thủ tướng Chính phủ"},
                {"so_ky_hieu": "Thông tư số 67/2024/TT-BQP", "trich_yeu": "Quy định trình tự cấp phép",
                 "ngay_ban_hanh": "14-10-2024"},
            ],
        },
    }
    record.update(overrides)
    return record


def _write(path: Path, lines: list[str]) -> Path:
    data = "\n".join(lines) + "\n"
    if path.name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture
def export(tmp_path: Path) -> Path:
    nameless = _record("")
    nameless["metadata"]["tên_thủ_tục"] = "Thủ tục không có mã"
    lines = [json.dumps(_record(), ensure_ascii=False), "", "{broken json", json.dumps(nameless, ensure_ascii=False)]
    return _write(tmp_path / "bqp.jsonl.gz", lines)


def test_reads_records_and_reports_bad_lines(export: Path) -> None:
    items = list(BqpReader().read(export))
    procs = [i for i in items if isinstance(i, Procedure)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(procs) == 2
    assert [(e.record, e.source) for e in errors] == [("line 3", str(export))]


def test_maps_metadata_and_content(export: Path) -> None:
    proc = next(i for i in BqpReader().read(export) if isinstance(i, Procedure))
    assert proc.uid == "bqp:1.013124" and proc.code == "1.013124"
    assert proc.decision_number == "6225/QĐ-BQP"
    assert proc.levels == ["Cấp Bộ", "Cấp Tỉnh"]
    assert proc.field == "Vật liệu nổ công nghiệp"
    assert proc.agencies.implementing == "Cục Quân khí" and proc.agencies.authorized == ""
    assert proc.applicants == ["Doanh nghiệp", "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Hợp tác xã"]
    assert [s.text for s in proc.steps] == ["Tổ chức nộp hồ sơ.", "Cơ quan thẩm định hồ sơ", "Cấp giấy phép."]
    assert proc.requirements == [] and proc.where_to_submit == ""
    assert proc.results[0].code == "Mẫu số 05"
    assert proc.provenance.source_kind == "bqp" and proc.provenance.record == "1.013124"


def test_components_with_counts_and_form_files(export: Path) -> None:
    proc = next(i for i in BqpReader().read(export) if isinstance(i, Procedure))
    first, second = proc.components
    assert (first.id, first.name, first.originals, first.copies) == ("c1", "Giấy đề nghị cấp Giấy phép theo Mẫu số 01",
                                                                     1, 0)
    assert first.form == "Mẫu số 01" and first.note == "Mẫu đính kèm: Mau1.docx"
    assert (second.name, second.originals, second.copies) == ("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1)


def test_channels_and_legal_basis(export: Path) -> None:
    proc = next(i for i in BqpReader().read(export) if isinstance(i, Procedure))
    assert [c.kind for c in proc.channels] == ["in_person", "postal"]
    assert proc.channels[1].time is not None and proc.channels[1].time.value == 12
    assert proc.channels[0].fees[0].amount_vnd == 2_000_000
    assert proc.channels[1].description == "Gửi qua bưu điện"
    assert [lb.number for lb in proc.legal_basis] == ["12/2021/QĐ-TTg", "67/2024/TT-BQP"]


def test_zero_fee_is_free(tmp_path: Path) -> None:
    record = _record()
    record["tables"]["hinh_thuc_nop"] = [
        {"hinh_thuc": "Trực tiếp", "thoi_han_giai_quyet": "Mười lăm (15) ngày làm việc", "phi_le_phi": "Phí : 0 Đồng"},
        {"hinh_thuc": "Trực tuyến", "thoi_han_giai_quyet": "Trong ngày; nhận sau 15 giờ trả ngày làm việc tiếp theo",
         "phi_le_phi": "Lệ phí : Không Đồng"},
    ]
    path = _write(tmp_path / "bqp.jsonl", [json.dumps(record, ensure_ascii=False)])
    [proc] = [i for i in BqpReader().read(path) if isinstance(i, Procedure)]
    fees = [(f.name, f.amount_vnd, f.free) for c in proc.channels for f in c.fees]
    assert fees == [("Phí", 0, True), ("Lệ phí", 0, True)]
    times = [(c.time.value, c.time.unit) for c in proc.channels if c.time]
    assert times == [(15, "working_day"), (1, "working_day")]


def test_stable_local_id_without_code(export: Path) -> None:
    ids = [[p.uid for p in BqpReader().read(export) if isinstance(p, Procedure)] for _ in range(2)]
    assert ids[0] == ids[1]
    assert re.fullmatch(r"bqp:[0-9a-f]{12}", ids[0][1])
    nameless = [p for p in BqpReader().read(export) if isinstance(p, Procedure)][1]
    assert nameless.code is None and nameless.name == "Thủ tục không có mã"


def test_can_read_recognises_the_shape(tmp_path: Path, export: Path) -> None:
    reader = BqpReader()
    assert reader.can_read(export)
    plain = _write(tmp_path / "bqp.jsonl", [json.dumps(_record(), ensure_ascii=False)])
    assert reader.can_read(plain)
    portal = _write(tmp_path / "dvc.jsonl", [json.dumps({"ma_thu_tuc": "1.001193", "ten_thu_tuc": "Khai sinh"})])
    assert not reader.can_read(portal)
    both = _write(tmp_path / "mixed.jsonl", [json.dumps(_record(ma_thu_tuc="1.013124"), ensure_ascii=False)])
    assert not reader.can_read(both)
    assert not reader.can_read(_write(tmp_path / "junk.jsonl", ["not json"]))
    assert not reader.can_read(tmp_path / "missing.jsonl")
    assert not reader.can_read(_write(tmp_path / "bqp.txt", [json.dumps(_record(), ensure_ascii=False)]))


def test_unreadable_gzip_gives_error(tmp_path: Path) -> None:
    path = tmp_path / "bqp.jsonl.gz"
    path.write_bytes(b"not gzip data")
    items = list(BqpReader().read(path))
    assert len(items) == 1 and isinstance(items[0], ReadError)


# --- the real export ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> list[Procedure]:
    if not BQP_FILE.exists():
        pytest.skip(f"shared corpus not found at {BQP_FILE} (the ../shared folder is absent)")
    items = list(BqpReader().read(BQP_FILE))
    assert not [i for i in items if isinstance(i, ReadError)]
    return [i for i in items if isinstance(i, Procedure)]


def test_real_207_records(real: list[Procedure]) -> None:
    assert len(real) == 207
    assert len({p.uid for p in real}) == 207
    assert all(p.code and re.fullmatch(r"[123]\.\d{6}", p.code) for p in real)
    assert all(p.uid == f"bqp:{p.code}" for p in real)


def test_real_components_with_counts(real: list[Procedure]) -> None:
    components = [c for p in real for c in p.components]
    assert all(p.components for p in real)
    assert len(components) == 814
    assert all(c.originals is not None and c.copies is not None for c in components)
    first = real[0].components[1]
    assert (first.originals, first.copies, first.note) == (1, 0, "Mẫu đính kèm: 5-PHLCII.doc")


def test_real_channels_and_legal(real: list[Procedure]) -> None:
    assert all(p.channels for p in real)
    assert sum(1 for p in real for c in p.channels if c.time and c.time.value is not None) >= 400
    assert sum(1 for p in real if p.legal_basis) >= 200
    assert real[0].legal_basis[0].number == "12/2021/QĐ-TTg"


def test_real_fees_zero_and_none_are_free(real: list[Procedure]) -> None:
    fees = [f for p in real for c in p.channels for f in c.fees]
    zero = [f for f in fees if f.text in ("Phí : 0 Đồng", "Lệ phí : 0 Đồng", "Phí : Không Đồng", "Phí : không Đồng")]
    assert len(zero) >= 330
    assert all(f.free and f.amount_vnd == 0 for f in zero)
    # 'ngày 11 tháng 11 năm 2016 Đồng' is a date, not a 2,016 đồng fee.
    assert 2016 not in {f.amount_vnd for f in fees}
    assert all(f.text for f in fees)


def test_real_can_read_and_portal_export_refused() -> None:
    if not BQP_FILE.exists():
        pytest.skip(f"shared corpus not found at {BQP_FILE} (the ../shared folder is absent)")
    reader = BqpReader()
    assert reader.can_read(BQP_FILE)
    if DVC_FILE.exists():
        assert not reader.can_read(DVC_FILE)
