"""Redaction of personal identifiers before anything is logged or stored: phone numbers, 12-digit personal ID
numbers and 9-digit old ID numbers (also written in groups), passport numbers, e-mail addresses and vehicle plate
numbers."""

from __future__ import annotations

import re

#: An amount ("100.000.000 đồng") is not an ID number.
_NOT_MONEY = r"(?!\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ))"
_PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # plates: 29A-123.45, 51F 12345, 30E1-234.56, 59-X1 234.56, 29B1-12345
    (re.compile(r"\b\d{2}\s?-?\s?[A-Z]{1,2}\d?\s?-?\s?\d{3}\.?\d{2}\b"), "[plate]"),
    (re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){9,10}(?!\d)"), "[phone]"),
    (re.compile(rf"(?<!\d)\d{{3}}[\s.]?\d{{3}}[\s.]?\d{{3}}[\s.]?\d{{3}}(?!\d){_NOT_MONEY}"), "[id-number]"),
    (re.compile(r"(?<!\d)\d{12}(?!\d)"), "[id-number]"),
    (re.compile(rf"(?<!\d)\d{{3}}[\s.]?\d{{3}}[\s.]?\d{{3}}(?!\d){_NOT_MONEY}"), "[id-number]"),
    (re.compile(r"\b[A-Z]\d{7,8}\b"), "[passport-number]"),
)


def redact(text: str) -> str:
    """Replace e-mails, plates, phone numbers, ID numbers (12 and 9 digits) and passport numbers by placeholders."""
    for pattern, placeholder in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text
