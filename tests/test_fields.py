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


# --- defects found in the real corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chi phí sát hạch: 350.000 đồng/lượt (theo Quyết định số 1191/QĐ-BXD ngày 28/11/2023 của Bộ Xây dựng)",
        "350.000 đồng/lượt theo Quyết định số 1191/QĐ-BXD, Thông tư số 75/2022/TT-BTC ngày 01/7/2025",
    ],
)
def test_instrument_numbers_and_dates_are_not_amounts(text: str) -> None:
    assert [f.amount_vnd for f in parse_fees(text)] == [350_000]


@pytest.mark.parametrize(
    "text",
    [
        "Theo Quyết định số 1191/QĐ-BXD Đồng",
        "Thông tư số 249/2016/TT-BTC ngày 11 tháng 11 năm 2016 Đồng",
        "Áp dụng từ 01/7/2025 đồng",
        "Theo Điều 4 đồng, khoản 2 đồng",
        "Quyết định 1191/QĐ-BXD/lần",
    ],
)
def test_numbers_of_instruments_dates_and_articles_never_become_fees(text: str) -> None:
    fees = parse_fees(text)
    assert [f.amount_vnd for f in fees] == [None]
    assert fees[0].text == text


@pytest.mark.parametrize(("text", "name"), [("Phí : 0 Đồng", "Phí"), ("Lệ phí : 0 Đồng", "Lệ phí")])
def test_zero_amount_is_free(text: str, name: str) -> None:
    [fee] = parse_fees(text)
    assert (fee.name, fee.amount_vnd, fee.free, fee.text) == (name, 0, True, text)


@pytest.mark.parametrize(
    "text",
    [
        "Không có lệ phí",
        "Không có lệ phí.",
        "Không có phí",
        "Không thu phí",
        "Không mất phí",
        "Miễn lệ phí",
        "Phí : Không Đồng",
        "Lệ phí: Không thu phí",
        "Không có lệ phí. Tuy nhiên, nếu có trích đo địa chính thửa đất thì giá trích đo theo quy định",
    ],
)
def test_no_fee_wordings_are_free(text: str) -> None:
    [fee] = parse_fees(text)
    assert fee.free and fee.amount_vnd == 0 and fee.text == text


def test_vague_no_fee_wording_is_not_free() -> None:
    [fee] = parse_fees("Không có lệ phí cụ thể đề cập.")
    assert not fee.free and fee.amount_vnd is None


def test_fee_unit_stays_with_its_amount() -> None:
    text = (
        "1. Cơ sở sản xuất nhỏ lẻ: 500.000 đồng/lần/cơ sở\n"
        "2. Cơ sở sản xuất khác: 2.500.000 đồng/lần/cơ sở\n"
        "3. Cơ sở kinh doanh dịch vụ ăn uống: 700.000 đồng/lần/cơ sở"
    )
    fees = parse_fees(text)
    assert [(f.amount_vnd, f.unit) for f in fees] == [
        (500_000, "per_case"), (2_500_000, "per_case"), (700_000, "per_case"),
    ]
    assert all(f.text.endswith("đồng/lần/cơ sở") for f in fees)
    assert not any(f.text.startswith("/") for f in fees)
    assert fees[1].text == "Cơ sở sản xuất khác: 2.500.000 đồng/lần/cơ sở"
    # The Đà Nẵng guide's list items, numbering dropped, joined by the reader.
    fees = parse_fees("Cơ sở sản xuất nhỏ lẻ: 500.000 đồng/lần/cơ sở\nCơ sở sản xuất khác: 2.500.000 đồng/lần/cơ sở")
    assert [f.text for f in fees] == ["Cơ sở sản xuất nhỏ lẻ: 500.000 đồng/lần/cơ sở",
                                     "Cơ sở sản xuất khác: 2.500.000 đồng/lần/cơ sở"]
    fees = parse_fees("Nhà ở riêng lẻ: 50.000 đồng/1 giấy phép Công trình khác nhà ở: 100.000 đồng/1 giấy phép")
    assert [f.text for f in fees] == ["Nhà ở riêng lẻ: 50.000 đồng/1 giấy phép",
                                     "Công trình khác nhà ở: 100.000 đồng/1 giấy phép"]
    assert [f.unit for f in fees] == ["per_document", "per_document"]


def test_amount_repeated_inside_its_note_is_one_fee() -> None:
    fees = parse_fees("Lệ phí : 400.000 Đồng (Mức thu lệ phí: 400.000đ/trường hợp. Miễn lệ phí cho trẻ em)")
    assert [(f.amount_vnd, f.unit) for f in fees] == [(400_000, "per_case")]
    assert fees[0].text.startswith("Lệ phí : 400.000 Đồng (Mức thu")
    # Another rate inside the note keeps its own clause as text (it used to come out with an empty text).
    fees = parse_fees("275.000 đ/tấn Đồng (theo trọng tải cất cánh, 200.000 đ/tấn đối với trường hợp công nhận)")
    assert [(f.amount_vnd, f.text) for f in fees] == [
        (275_000, "275.000 đ/tấn Đồng (theo trọng tải cất cánh, 200.000 đ/tấn đối với trường hợp công nhận)"),
        (200_000, "200.000 đ/tấn đối với trường hợp công nhận"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Mười lăm (15) ngày làm việc", 15, "working_day"),
        ("Ba mươi (30) ngày", 30, "day"),
        ("Mười lăm ngày làm việc", 15, "working_day"),
        ("mười ngày", 10, "day"),
        ("Hai mươi ngày làm việc kể từ ngày nhận đủ hồ sơ", 20, "working_day"),
        ("ba mươi ngày", 30, "day"),
        ("Trong thời hạn năm ngày làm việc", 5, "working_day"),
        ("một tháng", 1, "month"),
        ("Hai mươi lăm ngày", 25, "day"),
    ],
)
def test_parse_duration_spelled_out_numbers(text: str, value: float, unit: str) -> None:
    d = parse_duration(text)
    assert d is not None
    assert (d.value, d.value_max, d.unit, d.text) == (value, None, unit, text)


@pytest.mark.parametrize(
    "text",
    [
        "Trong ngày làm việc; trường hợp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo",
        "Ngay trong ngày tiếp nhận hồ sơ; nếu nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả "
        "vào 09 giờ ngày làm việc tiếp theo",
        "ngay trong ngày, sau 15 giờ",
        "Thực hiện ngay trong ngày tiếp nhận hoặc trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ",
        "Trong ngày; hồ sơ nộp trước 11 giờ trả trong buổi chiều",
    ],
)
def test_same_day_and_clock_times(text: str) -> None:
    d = parse_duration(text)
    assert d is not None
    assert (d.value, d.value_max, d.unit, d.text) == (1, None, "working_day", text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Nhận trước 11 giờ; 03 ngày làm việc", 3, "working_day"),
        ("Trong thời hạn 24 giờ kể từ khi nhận hồ sơ", 24, "hour"),
        ("8 Giờ", 8, "hour"),
        ("Sau 8 giờ làm việc", 8, "hour"),
    ],
)
def test_clock_times_are_skipped_but_hours_remain(text: str, value: float, unit: str) -> None:
    d = parse_duration(text)
    assert d is not None and (d.value, d.unit) == (value, unit)


def test_clock_time_alone_is_no_duration() -> None:
    d = parse_duration("Trả kết quả vào 09 giờ sáng")
    assert d is not None and d.value is None and d.text == "Trả kết quả vào 09 giờ sáng"
