"""The staff console in a real browser: signing in through the form, answers whose citations open the source text,
a dossier check from uploaded files with the printable request to supplement, the ask-a-clerk queue, and every
language accessible (axe) with nothing fetched from another host."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, LANGUAGES, axe_violations, fill_sign_in, screenshot, sign_in

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

BIRTH = "1.001193"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
QUESTION = "Đăng ký khai sinh cần những giấy tờ gì?"


def open_console(page: Any, language: str = "en") -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(f"{page.base_url}/staff?language={language}")


def csrf_header(page: Any) -> dict[str, str]:
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "motcua_csrf")
    return {"X-CSRF-Token": token}


def pdf_with(lines: list[str]) -> bytes:
    from fpdf import FPDF

    if not FONT.exists():
        pytest.skip(f"{FONT} is not installed (fonts-dejavu-core)")
    pdf = FPDF(format="A4", unit="mm")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 13)
    for line in lines:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def dossier_files(folder: Path) -> list[Path]:
    """A birth registration form (matches component c1) and an unrelated paper (matches nothing)."""
    form = folder / "to-khai-khai-sinh.pdf"
    form.write_bytes(pdf_with(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                               "TỜ KHAI ĐĂNG KÝ KHAI SINH", "Kính gửi: Ủy ban nhân dân phường Cửa Nam",
                               "Họ, chữ đệm, tên người yêu cầu: Trần Thị Mai"]))
    other = folder / "hoa-don-dien.pdf"
    other.write_bytes(pdf_with(["HÓA ĐƠN TIỀN ĐIỆN", "Kỳ thanh toán tháng 10", "Số tiền: 350.000 đồng"]))
    return [form, other]


def run_dossier_check(page: Any, files: list[Path]) -> None:
    page.click("#tab-dossier")
    page.fill("#dossier-code", BIRTH)
    page.set_input_files("#dossier-files", [str(f) for f in files])
    expect(page.locator("#dossier-selected li")).to_have_count(len(files))
    with page.expect_response(lambda r: "/api/v1/dossiers/check" in r.url) as checked:
        page.click("#dossier-check")
    assert checked.value.ok, checked.value.text()
    expect(page.locator("#dossier-result tr.component").first).to_be_visible()
    expect(page.locator("#dossier-progress")).to_be_hidden()


def ask_until_cited(page: Any) -> None:
    """Ask the birth question; when the assistant asks back which procedure, pick the first candidate."""
    page.fill("#chat-input", QUESTION)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/chat")) as answered:
        page.click("#chat-send")
    if answered.value.json()["outcome"] == "clarify":
        page.locator(".msg-a").last.locator(".row button").first.click()
    expect(page.locator(".msg-a button.citation").first).to_be_visible()


def test_sign_in_through_the_form(page: Any) -> None:
    open_console(page)
    expect(page.locator("#sign-in-form")).to_be_visible()
    expect(page.locator("#console")).to_be_hidden()
    fill_sign_in(page, "clerk", "not-the-password")
    expect(page.locator("#sign-in-error")).to_contain_text("wrong name or password")
    expect(page.locator("#console")).to_be_hidden()
    fill_sign_in(page, "clerk", "clerk-password-1")
    expect(page.locator("#console")).to_be_visible()
    expect(page.locator("#sign-in")).to_be_hidden()
    expect(page.locator("#user-name")).to_contain_text("clerk")
    page.reload()  # the session cookie holds
    expect(page.locator("#console")).to_be_visible()
    page.click("#sign-out")
    expect(page.locator("#sign-in-form")).to_be_visible()
    page.reload()
    expect(page.locator("#sign-in-form")).to_be_visible()
    expect(page.locator("#console")).to_be_hidden()
    assert page.offsite == []


def test_answer_citations_open_the_source_text(page: Any) -> None:
    sign_in(page, "clerk", "clerk-password-1")
    open_console(page, "vi")
    page.fill("#chat-input", QUESTION)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/chat")) as answered:
        page.click("#chat-send")
    reply = answered.value.json()
    assert reply["citations"], reply
    answer = page.locator(".msg-a").last
    expect(answer).to_contain_text(BIRTH)
    citations = answer.locator("button.citation")
    expect(citations).to_have_count(len(reply["citations"]))
    cited = reply["citations"][0]
    citations.first.click()
    dialog = page.locator("#source-dialog")
    expect(dialog).to_be_visible()
    source = page.request.get(f"{page.base_url}/api/v1/procedures/{cited['procedure_code']}/source").json()
    expect(page.locator("#source-meta")).to_contain_text(source["source"])
    if source["decision"]:
        expect(page.locator("#source-meta")).to_contain_text(source["decision"])
    text = source["sections"].get(cited["section"]) or cited["snippet"]
    expect(page.locator("#source-body")).to_contain_text(text[:40])
    screenshot(page, "staff-vi-source")
    page.click("#source-close")
    expect(dialog).to_be_hidden()
    assert page.offsite == []


def test_dossier_check_and_request_to_supplement(page: Any, tmp_path: Path) -> None:
    sign_in(page, "clerk", "clerk-password-1")
    open_console(page)
    run_dossier_check(page, dossier_files(tmp_path))
    rows = page.locator("#dossier-result tr.component")
    expect(rows.filter(has_text="Present").first).to_be_visible()
    assert page.locator('#dossier-result tr.component[data-status="present"]').count() >= 1
    assert page.locator('#dossier-result tr.component[data-status="missing"]').count() >= 1
    present = page.locator('#dossier-result tr.component[data-status="present"]').first
    expect(present).to_contain_text("to-khai-khai-sinh.pdf")  # the evidence: file and page
    expect(page.locator("#dossier-result")).to_contain_text("hoa-don-dien.pdf")  # matched nothing
    page.select_option("#sup-format", "pdf")
    page.fill("#sup-applicant", "Trần Thị Mai")
    with page.expect_popup() as popup, page.expect_response(lambda r: "/dossiers/request-form" in r.url) as printed:
        page.click("#supplement-print")
    assert printed.value.ok
    assert printed.value.headers["content-type"].startswith("application/pdf")
    assert popup.value.url.startswith("blob:")
    expect(page.locator("#supplement-link")).to_be_visible()
    page.select_option("#sup-format", "html")
    with page.expect_popup(), page.expect_response(lambda r: "/dossiers/request-form" in r.url) as printed:
        page.click("#supplement-print")
    assert printed.value.headers["content-type"].startswith("text/html")
    assert page.offsite == []


def test_queue_take_and_finish(page: Any) -> None:
    base = page.base_url
    kiosk = page.request.post(f"{base}/api/v1/chat", data={"message": QUESTION, "language": "vi", "channel": "kiosk"})
    assert kiosk.ok, kiosk.text()
    handoff = page.request.post(f"{base}/api/v1/handoffs", data={"session_id": kiosk.json()["session_id"],
                                                                  "language": "vi"})
    assert handoff.ok, handoff.text()
    ticket, handoff_id = handoff.json()["ticket"], handoff.json()["id"]
    sign_in(page, "clerk", "clerk-password-1")
    open_console(page)
    page.click("#tab-queue")
    waiting = page.locator(f'#queue-open li[data-ticket="{ticket}"]')
    expect(waiting).to_be_visible()
    expect(page.locator("#queue-count")).not_to_have_text("")
    # a request that arrives while the page is open shows up by itself
    later = page.request.post(f"{base}/api/v1/handoffs", data={"session_id": None, "language": "en"},
                              headers=csrf_header(page)).json()
    expect(page.locator(f'#queue-open li[data-ticket="{later["ticket"]}"]')).to_be_visible(timeout=10000)
    waiting.get_by_role("button").click()
    detail = page.locator("#queue-detail")
    expect(detail).to_contain_text(ticket)
    expect(detail.locator(".conv-question")).to_contain_text(QUESTION)
    expect(waiting).to_have_count(0)
    expect(page.locator(f'#queue-mine li[data-ticket="{ticket}"]')).to_be_visible()
    detail.locator("button.mark-done").click()
    expect(detail).not_to_contain_text(QUESTION)
    expect(page.locator(f'#queue-mine li[data-ticket="{ticket}"]')).to_have_count(0)
    expect(page.locator(f'#queue-open li[data-ticket="{ticket}"]')).to_have_count(0)
    done = page.request.get(f"{base}/api/v1/handoffs?status=done").json()
    assert any(h["id"] == handoff_id and h["taken_by"] == "clerk" for h in done)
    page.request.post(f"{base}/api/v1/handoffs/{later['id']}/done", headers=csrf_header(page))
    assert page.offsite == []


def test_procedures_browse_and_full_record(page: Any) -> None:
    sign_in(page, "clerk", "clerk-password-1")
    open_console(page)
    page.click("#tab-procedures")
    expect(page.locator("#proc-list li").first).to_be_visible()
    expect(page.locator("#proc-total")).to_contain_text("75")
    page.click("#proc-next")
    expect(page.locator("#proc-page")).to_contain_text("2")
    page.fill("#proc-q", "khai sinh")
    page.select_option("#proc-level", "Cấp xã")
    page.click("#proc-form button[type=submit]")
    item = page.locator(f'#proc-list button[data-code="{BIRTH}"]')
    expect(item).to_be_visible()
    item.click()
    detail = page.locator("#proc-detail")
    expect(detail).to_contain_text("Birth registration")
    expect(detail).to_contain_text("Giấy chứng sinh")
    expect(detail).to_contain_text("163/QĐ-BTP")  # the decision, from the full record
    assert detail.locator("table").count() >= 2  # documents, channels
    expect(detail.locator("ol li").first).to_be_visible()  # steps
    detail.get_by_role("button", name="Check a dossier for it").click()
    expect(page.locator("#panel-dossier")).to_be_visible()
    expect(page.locator("#dossier-code")).to_have_value(f"{BIRTH} — Thủ tục đăng ký khai sinh")
    assert page.offsite == []


def test_dossier_inputs_search_drop_and_camera(page: Any) -> None:
    sign_in(page, "clerk", "clerk-password-1")
    open_console(page)
    page.click("#tab-dossier")
    camera = page.locator("#dossier-camera")
    assert camera.get_attribute("accept") == "image/*" and camera.get_attribute("capture") == "environment"
    # choosing the procedure by words: the suggestions hold the matching codes
    page.fill("#dossier-code", "khai sinh")
    expect(page.locator(f'#dossier-options option[value^="{BIRTH} "]')).to_have_count(1)
    page.fill("#dossier-code", f"{BIRTH} — Thủ tục đăng ký khai sinh")
    expect(page.locator("#dossier-chosen")).to_contain_text("Birth registration")
    # a file dropped on the zone joins the list, and can be taken off it again
    page.evaluate("""() => {
        const data = new DataTransfer();
        data.items.add(new File(["%PDF-1.4"], "giay-chung-sinh.pdf", {type: "application/pdf"}));
        const drop = new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true});
        document.getElementById("drop-zone").dispatchEvent(drop);
    }""")
    expect(page.locator("#dossier-selected li")).to_have_count(1)
    expect(page.locator("#dossier-selected")).to_contain_text("giay-chung-sinh.pdf")
    page.get_by_role("button", name="Remove giay-chung-sinh.pdf").click()
    expect(page.locator("#dossier-selected li")).to_have_count(0)
    page.click("#dossier-check")  # nothing to check: said so, nothing sent
    expect(page.locator("#dossier-error")).to_have_text("Add at least one file.")
    assert page.offsite == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_console_accessible_in_every_language(page: Any, language: str, tmp_path: Path) -> None:
    open_console(page, language)
    html = page.locator("html")
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    expect(page.locator("#sign-in-form")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, f"staff-{language}-sign-in")
    fill_sign_in(page, "clerk", "clerk-password-1")
    expect(page.locator("#console")).to_be_visible()
    ask_until_cited(page)
    assert axe_violations(page) == []
    page.locator(".msg-a button.citation").first.click()
    expect(page.locator("#source-dialog")).to_be_visible()
    assert axe_violations(page) == []
    page.click("#source-close")
    page.click("#tab-procedures")
    page.locator(f'#proc-list button[data-code="{BIRTH}"]').click()
    expect(page.locator("#proc-detail table").first).to_be_visible()
    assert axe_violations(page) == []
    run_dossier_check(page, dossier_files(tmp_path))
    assert axe_violations(page) == []
    screenshot(page, f"staff-{language}-dossier")
    page.click("#tab-queue")
    expect(page.locator("#queue-open li").first).to_be_visible()
    assert axe_violations(page) == []
    assert page.offsite == []
