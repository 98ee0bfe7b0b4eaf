"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request, live_server, geography):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="th-TH",
                                  timezone_id="Asia/Bangkok")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.outside_requests = []
    page.on("request", lambda r: None if r.url.startswith(live_server.url) or r.url.startswith("data:")
            else page.outside_requests.append(r.url))
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def log_in(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()


def export_through_worker(page, button: str, link: str) -> str:
    """Press an export button with a real Celery worker running, wait for the download link the
    progress bar ends with, download: the file's path."""
    from celery.contrib.testing.worker import start_worker
    from playwright.sync_api import expect

    from cdd_portal.celery import app as celery_app

    with start_worker(celery_app, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=10):
        page.get_by_role("button", name=button).click()
        download_link = page.get_by_role("link", name=link)
        expect(download_link).to_be_visible(timeout=30_000)
    with page.expect_download() as download:
        download_link.click()
    return download.value.path()
