"""Personal identifiers never reach storage or logs; ordinary numbers (codes, fees, dates) survive."""

from __future__ import annotations

import pytest

from assistant.redact import redact


@pytest.mark.parametrize(("text", "kept_out"), [
    ("số CCCD 001190012345 của tôi", "001190012345"),
    ("CCCD: 001 190 012 345", "001 190 012 345"),
    ("CMND cũ 012345678", "012345678"),
    ("gọi 0912 345 678 hoặc +84 912 345 678", "912 345 678"),
    ("sđt 0912.345.678", "0912.345.678"),
    ("email nguyen.van.a+hs@gmail.com.vn", "nguyen.van.a+hs@gmail.com.vn"),
    ("hộ chiếu C1234567", "C1234567"),
    ("xe biển 29A-123.45 bị mất", "29A-123.45"),
    ("biển số 51F 12345", "51F 12345"),
    ("xe máy 29-B1 123.45", "29-B1 123.45"),
])
def test_identifiers_are_redacted(text: str, kept_out: str) -> None:
    assert kept_out not in redact(text)


@pytest.mark.parametrize("text", [
    "thủ tục 1.001193 theo Nghị định 123/2015/NĐ-CP",
    "lệ phí 100.000 đồng, trong 15 ngày làm việc",
    "vốn kinh doanh 150.000.000 đồng",
    "sinh ngày 02/10/2026",
    "Mẫu CT01, mẫu số 18",
])
def test_ordinary_numbers_survive(text: str) -> None:
    assert redact(text) == text
