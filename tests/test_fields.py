"""Field parsers shared by the readers: text, durations, fees, copy counts, form codes, channel kinds."""

from __future__ import annotations

import pytest

from ingest.readers.fields import (
    clean_text,
    find_form_code,
    parse_channel_kind,
    parse_duration,
    parse_fees,
    parse_number,
    parse_quantity,
)


def test_clean_text_normalizes_and_collapses() -> None:
    decomposed = "Đăng ky\u0301 thường trú"  # 'ký' written with a combining accent
    assert clean_text(f"  {decomposed}\n\t(mẫu\u00a0CT01)\u200b  ") == "Đăng ký thường trú (mẫu CT01)"
    assert clean_text("\uf0fc Bản sao") == "Bản sao"
    assert clean_text("") == ""


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit"),
    [
        ("15 Ngày làm việc", 15, None, "working_day"),
        ("03 ngày", 3, None, "day"),
        ("30 Ngày", 30, None, "day"),
        ("8 Giờ", 8, None, "hour"),
        ("1 Tháng", 1, None, "month"),
        ("0.5 Ngày làm việc", 0.5, None, "working_day"),
        ("05 (năm) ngày làm việc kể từ ngày nhận đủ hồ sơ", 5, None, "working_day"),
        ("Từ 10 đến 15 ngày", 10, 15, "day"),
        ("10-15 ngày làm việc", 10, 15, "working_day"),
        ("Trong ngày", 1, None, "working_day"),
        ("7", 7, None, None),
    ],
)
def test_parse_duration(text: str, value: float, value_max: float | None, unit: str | None) -> None:
    d = parse_duration(text)
    assert d is not None
    assert (d.value, d.value_max, d.unit) == (value, value_max, unit)
    assert d.text == clean_text(text)


def test_parse_duration_without_a_time() -> None:
    assert parse_duration("") is None
    assert parse_duration("Không có thông tin") is None
    d = parse_duration("Không quy định")
    assert d is not None and d.value is None and d.text == "Không quy định"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("10,000 Việt Nam Đồng", 10_000),
        ("10.000", None),  # a bare number is not money
        ("10.000đ", 10_000),
        ("1.000.000 đồng", 1_000_000),
        ("50 nghìn", 50_000),
        ("50 nghìn đồng", 50_000),
        ("1,5 triệu đồng", 1_500_000),
        ("Phí : 50.000 Đồng", 50_000),
        ("70,000 VNĐ", 70_000),
    ],
)
def test_parse_fee_amounts(text: str, amount: int | None) -> None:
    fees = parse_fees(text)
    assert len(fees) == 1
    assert fees[0].amount_vnd == amount
    assert fees[0].text == text


def test_fee_name_unit_and_text() -> None:
    [fee] = parse_fees("Lệ phí: 100.000đ/hồ sơ")
    assert (fee.name, fee.amount_vnd, fee.unit, fee.free) == ("Lệ phí", 100_000, "per_case", False)
    assert fee.text == "Lệ phí: 100.000đ/hồ sơ"
    assert parse_fees("Phí cấp bản sao: 8.000 đồng/bản")[0].unit == "per_copy"
    assert parse_fees("200.000 đồng/trang")[0].unit == "per_page"
    assert parse_fees("70.000 đồng/Giấy chứng nhận")[0].unit == "per_document"


def test_several_fees_in_one_text() -> None:
    text = "Cho một loại hình: 8.000.000/lần; thêm một loại hình: 2.000.000/lần."
    fees = parse_fees(text)
    assert [(f.amount_vnd, f.unit) for f in fees] == [(8_000_000, "per_case"), (2_000_000, "per_case")]


@pytest.mark.parametrize("text", ["Miễn phí", "Không thu", "Không", "Không thu lệ phí", "Miễn lệ phí"])
def test_free_fees(text: str) -> None:
    [fee] = parse_fees(text)
    assert fee.free and fee.amount_vnd == 0 and fee.text == text


@pytest.mark.parametrize(
    "text",
    ["Bằng 50% mức thu lệ phí", "Mức thu theo quy định của HĐND tỉnh", "Theo quy định của Hội đồng nhân dân tỉnh"],
)
def test_fees_without_amount_keep_text(text: str) -> None:
    [fee] = parse_fees(text)
    assert fee.amount_vnd is None and not fee.free and fee.text == text


def test_fee_exemptions_and_dates_are_not_amounts() -> None:
    fees = parse_fees("Miễn lệ phí cho người thuộc hộ nghèo; Phí cấp bản sao: 8.000 đồng/bản")
    assert [f.amount_vnd for f in fees] == [8_000]
    assert fees[0].exemptions and "Miễn lệ phí cho người thuộc hộ nghèo" in fees[0].exemptions
    fees = parse_fees("Thông tư số 75/2022/TT-BTC ngày 22/12/2022 quy định 20.000 đồng/lần")
    assert [f.amount_vnd for f in fees] == [20_000]
    assert parse_fees("") == [] and parse_fees("Không có thông tin") == []


def test_usd_fee_has_no_vnd_amount() -> None:
    [fee] = parse_fees("10 USD/bản")
    assert fee.amount_vnd is None and fee.text == "10 USD/bản"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 bản chính", (1, None)),
        ("0 bản chính,1 bản sao", (0, 1)),
        ("02 bản sao", (None, 2)),
        ("Bản chính: 1 Bản sao: 0", (1, 0)),
        ("01 (một) bản chính", (1, None)),
        ("hai bản sao có chứng thực", (None, 2)),
        ("Đơn đề nghị", (None, None)),
    ],
)
def test_parse_quantity(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tờ khai thay đổi thông tin cư trú (mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)", "CT01"),
        ("Giấy đề nghị đăng ký hộ kinh doanh (Mẫu số 01/ĐKHKD)", "01/ĐKHKD"),
        ("Tờ khai đăng ký thuế TK1-TS", "TK1-TS"),
        ("Đơn đăng ký biến động theo Mẫu số 11/ĐK", "11/ĐK"),
        ("Văn bản đề nghị hủy tài khoản điện tử (NA20)", "NA20"),
        ("Đơn theo Mẫu số 02 ban hành kèm theo Nghị định số 154/2024/NĐ-CP", "Mẫu số 02"),
        ("Đơn đề nghị (Mẫu TP-CC-05)", "TP-CC-05"),
        ("Đơn đề nghị theo mẫu quy định", None),
        ("Luật Cư trú số 68/2020/QH14", None),
        ("Giấy phép lái xe hạng A1", None),
    ],
)
def test_find_form_code(text: str, code: str | None) -> None:
    assert find_form_code(text) == code


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Trực tiếp", "in_person"),
        ("Trực tuyến", "online"),
        ("Dịch vụ bưu chính", "postal"),
        ("Qua dịch vụ bưu chính công ích", "postal"),
        ("truc tuyen", "online"),
        ("Fax", "other"),
    ],
)
def test_parse_channel_kind(label: str, kind: str) -> None:
    assert parse_channel_kind(label) == kind


def test_parse_number() -> None:
    assert parse_number("1.000.000") == 1_000_000
    assert parse_number("10,000") == 10_000
    assert parse_number("1,5") == 1.5
    assert parse_number("07") == 7
    assert parse_number("abc") is None
