"""The admin dashboard in a real browser: figures that follow kiosk activity, the CSV export, the knowledge index
with re-indexing, accounts and API keys (a key shown once), staff kept out, every language accessible (axe)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, LANGUAGES, axe_violations, fill_sign_in, screenshot, sign_in

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect



def open_dashboard(page: Any, language: str = "en") -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(f"{page.base_url}/admin?language={language}")


def citizen_total(page: Any) -> int:
    total = page.locator("#total-citizen_requests")
    expect(total).to_have_attribute("data-value", re.compile(r"^\d+$"))
    return int(total.get_attribute("data-value"))


def test_figures_rise_after_kiosk_questions_and_csv_downloads(page: Any, browser: Any) -> None:
    sign_in(page, "admin", "admin-password-1")
    open_dashboard(page)
    expect(page.locator("#dashboard")).to_be_visible()
    before = citizen_total(page)
    kiosk = browser.new_context()  # a kiosk: no cookie, no key (the admin's cookie would make these staff questions)
    try:
        for question in ("Làm giấy khai sinh cho con cần gì?", "Đăng ký thường trú cần giấy tờ gì?"):
            response = kiosk.request.post(f"{page.base_url}/api/v1/chat",
                                          data={"message": question, "language": "vi", "channel": "kiosk"})
            assert response.ok, response.text()
    finally:
        kiosk.close()
    with page.expect_response(lambda r: "/api/v1/stats?" in r.url):
        page.click("#stats-show")
    expect(page.locator("#total-citizen_requests")).to_have_attribute("data-value", str(before + 2))
    expect(page.locator("#total-citizen_requests")).to_have_text(str(before + 2))
    # the charts: one bar per figure and day, described for screen readers, with the table beside
    days = page.locator("#chart-day tbody tr")
    expect(days).to_have_count(30)
    day_chart = page.locator("#chart-day svg[role=img]")
    assert "30" in (day_chart.get_attribute("aria-label") or "")
    assert day_chart.locator("rect").count() == 4 * 30
    expect(page.locator("#by-channel")).to_contain_text("Kiosk")
    # the CSV export of the period shown
    start, end = page.input_value("#stats-from"), page.input_value("#stats-to")
    href = page.get_attribute("#csv-link", "href")
    assert f"from={start}" in href and f"to={end}" in href and "format=csv" in href
    with page.expect_download() as downloaded:
        page.click("#csv-link")
    assert downloaded.value.suggested_filename.endswith(".csv")
    export = page.request.get(page.base_url + href)
    assert export.ok and export.headers["content-type"].startswith("text/csv")
    assert page.offsite == []


def test_accounts_and_api_keys(page: Any) -> None:
    sign_in(page, "admin", "admin-password-1")
    open_dashboard(page)
    name, key_name = f"lan-{uuid.uuid4().hex[:6]}", f"portal-{uuid.uuid4().hex[:6]}"
    # a new staff account, disabled then enabled again
    page.fill("#user-name-new", name)
    page.select_option("#user-role", "staff")
    page.fill("#user-password", "short")
    page.click("#user-form button[type=submit]")
    expect(page.locator("#users-error")).not_to_be_empty()
    page.fill("#user-password", "a-long-enough-password")
    page.click("#user-form button[type=submit]")
    row = page.locator(f'#users-list tr[data-user="{name}"]')
    expect(row).to_contain_text("Active")
    row.get_by_role("button").click()
    expect(row).to_contain_text("Disabled")
    row.get_by_role("button").click()
    expect(row).to_contain_text("Active")
    expect(page.locator('#users-list tr[data-user="admin"] button')).to_have_count(0)  # no disabling oneself
    # an API key: shown once, works, then revoked
    page.fill("#key-name", key_name)
    page.click("#key-form button[type=submit]")
    expect(page.locator("#key-box")).to_be_visible()
    key = page.input_value("#new-key")
    assert len(key) > 20
    assert axe_violations(page) == []
    page.click("#copy-key")
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    me = page.request.get(f"{page.base_url}/api/v1/auth/me", headers={"Authorization": f"Bearer {key}"})
    assert me.json()["role"] == "staff"
    key_row = page.locator(f'#keys-list tr[data-key="{key_name}"]')
    expect(key_row).to_contain_text("Active")
    assert key not in key_row.inner_text()
    page.click("#hide-key")
    expect(page.locator("#key-box")).to_be_hidden()
    page.reload()
    expect(page.locator(f'#keys-list tr[data-key="{key_name}"]')).to_be_visible()
    assert key not in page.content()  # never shown again
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f'#keys-list tr[data-key="{key_name}"] button.revoke').click()
    expect(page.locator(f'#keys-list tr[data-key="{key_name}"]')).to_contain_text("Revoked")
    refused = page.request.get(f"{page.base_url}/api/v1/auth/me", headers={"Authorization": f"Bearer {key}"})
    assert refused.status == 401
    assert page.offsite == []


def test_knowledge_index_and_reindex(page: Any, tmp_path: Path) -> None:
    sign_in(page, "admin", "admin-password-1")
    open_dashboard(page)
    info = page.locator("#index-info")
    expect(info).to_contain_text("75")
    expect(info).to_contain_text("hashing")
    version = info.locator("dd").first.inner_text()
    # a file the indexer does not take is refused, with the server's reason shown
    notes = tmp_path / "notes.txt"
    notes.write_text("not a guide", "utf-8")
    page.set_input_files("#ingest-files", str(notes))
    page.click("#ingest-upload")
    expect(page.locator("#ingest-error")).to_contain_text("PDF or DOCX")
    # re-indexing runs in the background; the page follows the job until it is finished
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#reindex")
    expect(page.locator("#job")).to_be_visible()
    expect(page.locator("#job-status")).to_contain_text("finished", timeout=120000)
    summary = page.locator("#job-summary")
    expect(summary).to_contain_text("Sources read")
    expect(summary.get_by_text("Unchanged", exact=True)).to_be_visible()  # the same pack: nothing to publish
    expect(page.locator("#reindex")).to_be_enabled()
    expect(info.locator("dd").first).to_have_text(version)
    expect(info).to_contain_text("75")
    assert page.offsite == []


def test_staff_cannot_use_admin(page: Any) -> None:
    open_dashboard(page)
    expect(page.locator("#sign-in-form")).to_be_visible()
    expect(page.locator("#dashboard")).to_be_hidden()
    fill_sign_in(page, "clerk", "clerk-password-1")
    expect(page.locator("#needs-admin")).to_be_visible()
    expect(page.locator("#needs-admin")).to_contain_text("administrator")
    expect(page.locator("#dashboard")).to_be_hidden()
    assert axe_violations(page) == []
    page.reload()
    expect(page.locator("#needs-admin")).to_be_visible()
    for path in ("/api/v1/admin/users", "/api/v1/admin/keys", "/api/v1/admin/index", "/api/v1/admin/audit"):
        assert page.request.get(f"{page.base_url}{path}").status == 403, path
    assert page.offsite == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_accessible_in_every_language(page: Any, language: str) -> None:
    open_dashboard(page, language)
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    expect(page.locator("#sign-in-form")).to_be_visible()
    assert axe_violations(page) == []
    fill_sign_in(page, "admin", "admin-password-1")
    expect(page.locator("#dashboard")).to_be_visible()
    expect(page.locator("#chart-day svg")).to_be_visible()
    expect(page.locator("#users-list table")).to_be_visible()
    expect(page.locator("#index-info dd").first).to_be_visible()
    page.locator("#chart-day details summary").click()
    assert axe_violations(page) == []
    page.locator("#chart-day details summary").click()
    screenshot(page, f"admin-{language}-dashboard")
    assert page.offsite == []
