"""Redaction of personal identifiers before anything is logged or stored."""

from __future__ import annotations

import re

_PATTERNS = (
    (re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){9,10}(?!\d)"), "[phone]"),
    (re.compile(r"(?<!\d)\d{12}(?!\d)"), "[id-number]"),
    (re.compile(r"(?<!\d)\d{9}(?!\d)"), "[id-number]"),
    (re.compile(r"\b[A-Z]\d{7,8}\b"), "[passport-number]"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "[email]"),
)


def redact(text: str) -> str:
    """Replace phone numbers, ID card numbers (9/12 digits), passport numbers and e-mails by placeholders."""
    for pattern, placeholder in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text
