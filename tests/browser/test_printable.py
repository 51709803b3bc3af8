"""The printable procedure page in a real browser: QR drawn locally, readable in every language, RTL for Arabic,
an 80 mm receipt layout, accessible, nothing fetched from another host."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import LANGUAGES, axe_violations, screenshot

CODE = "1.001193"  # birth registration, in the bundled pack with translations


@pytest.mark.parametrize("language", LANGUAGES)
def test_printable_page_in_every_language(page: Any, language: str) -> None:
    page.goto(f"{page.base_url}/p/{CODE}?language={language}")
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator("figure.qr svg").count() == 1
    assert page.locator("ul.documents li").count() >= 2
    if language in ("en", "ar"):  # translated in the pack: the official Vietnamese names stay beside
        assert page.locator(".vi-name").count() >= 1
    else:  # a word-by-word glossary rendering with the Vietnamese name beside, or the Vietnamese name marked so
        heading = page.locator("h1")
        if heading.get_attribute("lang") != "vi":
            assert page.locator(".vi-name").count() >= 1
            assert heading.inner_text() != page.locator(".vi-name").first.inner_text()
    assert axe_violations(page) == []
    screenshot(page, f"printable-{language}")
    assert page.offsite == []


def test_receipt_layout_fits_80_mm(page: Any) -> None:
    page.goto(f"{page.base_url}/p/{CODE}?language=en&paper=receipt")
    page.emulate_media(media="print")
    width = page.evaluate("document.querySelector('.sheet').getBoundingClientRect().width")
    assert width <= 80 / 25.4 * 96  # 80 mm in CSS pixels
    screenshot(page, "printable-receipt-en")


def test_unknown_procedure_is_404(page: Any) -> None:
    response = page.goto(f"{page.base_url}/p/9.999999")
    assert response is not None and response.status == 404


def test_api_docs_load_from_local_assets(page: Any) -> None:
    page.goto(f"{page.base_url}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".opblock").count() > 10
    assert page.offsite == []
