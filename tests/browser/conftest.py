"""Browser tests: the app served on 127.0.0.1 by uvicorn in a thread, Debian's Chromium driven by Playwright.

Every request the page makes is checked: anything not for 127.0.0.1 is refused and recorded (``offsite``), so a
test can assert that nothing left the machine. Screenshots go to ``test-output/screenshots/``."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from knowledge.settings import Settings

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
LANGUAGES = ("vi", "en", "ar", "zh", "ko")

playwright_sync = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    pytest.skip("Debian chromium is not installed (make install adds it when root)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, settings: Settings) -> None:
        import uvicorn

        from api.app import create_app
        from knowledge.embeddings import HashingEmbedder

        self.app = create_app(settings, HashingEmbedder())
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(bundled_pack_settings: Settings) -> Iterator[LiveServer]:
    """The bundled pack's index (hashing embedder) served with limits a browser session will not reach."""
    settings = bundled_pack_settings.model_copy(update={
        "rate_limit_public": "100000/minute", "rate_limit_login": "100000/minute",
        "rate_limit_dossier": "100000/minute", "kiosk_idle_seconds": 20,
    })
    server = LiveServer(settings)
    server.start()
    access = server.app.state.access
    access.users.add("clerk", "staff", "clerk-password-1", actor="test")
    access.users.add("admin", "admin", "admin-password-1", actor="test")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                                    headless=True, args=["--no-sandbox", "--disable-background-networking",
                                                         "--disable-dev-shm-usage"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    """A fresh browser context; requests to any host but 127.0.0.1 are aborted and listed in ``page.offsite``."""
    context = browser.new_context(viewport={"width": 1080, "height": 1920}, locale="vi-VN")
    page = context.new_page()
    offsite: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            offsite.append(url)
            route.abort()

    page.route("**/*", guard)
    page.offsite = offsite
    page.base_url = live_server.url
    yield page
    context.close()


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations of the page as it is now (WCAG 2.1 A and AA rules)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                              "wcag21aa"]}})
    return [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


#: The staff console and the admin dashboard are desktop pages.
DESKTOP = {"width": 1366, "height": 768}


def fill_sign_in(page: Any, name: str, password: str) -> None:
    """Sign in through the page's own form."""
    page.fill("#sign-in-name", name)
    page.fill("#sign-in-password", password)
    page.click("#sign-in-form button[type=submit]")


def sign_in(page: Any, name: str, password: str) -> None:
    """Sign in through the API from the page's context (the cookie then belongs to the browser)."""
    response = page.request.post(f"{page.base_url}/api/v1/auth/login", data={"name": name, "password": password})
    assert response.ok, response.text()
