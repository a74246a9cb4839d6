"""The editor's page in a real browser (Debian's chromium through Playwright) against the real
server on a loopback port."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

from attribution.pipeline import Checker  # noqa: E402
from attribution.serve import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "islamtimes-2024-01-us-iraq.txt"
HOSTILE = "The mayor said the plan was final. <img src=x onerror=alert(1)> was written on the council's board."


@pytest.fixture(scope="module")
def server():
    """The app served by uvicorn in a background thread; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(Checker()), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=30)



@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
                  else (outside.append(route.request.url), route.abort()))
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.goto(server + "/")
    yield tab
    assert outside == [], "the page asked for something outside this server"
    assert tab.errors == []
    context.close()


def analyse(page, text: str, lang: str = "auto") -> None:
    page.fill("#text", text)
    page.select_option("#lang", lang)
    page.click("#analyse")
    page.wait_for_selector("#results:not([hidden]) #article .s")


def test_seed_article_counts_sources_and_findings_match_the_api(page, server, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    analyse(page, text)
    expected = httpx.post(f"{server}/v1/analyze", json={"text": text}, timeout=60).json()
    counts = expected["counts"]
    assert int(page.inner_text("#count-attributed")) == counts["attributed"]
    assert int(page.inner_text("#count-unattributed")) == counts["unattributed"]
    assert page.locator("#article .s.attributed").count() == counts["attributed"]
    assert page.locator("#article .s.unattributed").count() == counts["unattributed"]
    assert page.locator("#article .s").count() == len(expected["sentences"])
    assert "Reuters" in " ".join(page.locator("#sources .via").all_inner_texts())
    report = httpx.post(f"{server}/v1/report", json={"text": text}, timeout=60).json()
    assert page.inner_text("#scorecard .score") == f"{report['score']:g}/100"
    assert page.locator("#scorecard li").count() == len(report["criteria"])
    lint = httpx.post(f"{server}/v1/lint", json={"text": text}, timeout=60).json()
    findings = page.locator("#findings a.finding")
    assert findings.count() == len(lint["findings"]) > 0
    findings.first.click()
    focused = page.evaluate("document.activeElement.id")
    first = lint["findings"][0]
    sentence = next(k for k, s in enumerate(expected["sentences"]) if s["start"] <= first["start"] < s["end"])
    assert focused == f"s{sentence}"
    assert page.locator(f"#s{sentence} .tip").is_visible()   # focusing a sentence shows its sources
    shot = tmp_path / "editor-seed.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_markup_in_the_article_is_shown_as_text(page, tmp_path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    analyse(page, HOSTILE, lang="en")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("#article img").count() == 0 and page.locator("img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.inner_text("#article")
    shot = tmp_path / "editor-hostile.png"
    page.screenshot(path=str(shot))
    assert shot.exists() and shot.stat().st_size > 0


def test_errors_are_announced_without_a_traceback(page):
    page.fill("#text", "Der Bürgermeister hat am Montag gesagt, dass die Stadt kein Geld hat.")
    page.click("#analyse")
    status = page.locator("#status")
    status.filter(has_text="cannot tell the language").wait_for()
    assert status.get_attribute("aria-live") == "polite" and "error" in status.get_attribute("class")
    assert page.locator("#results").is_hidden()


def test_keyboard_reaches_the_form_and_the_analyse_button(page):
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
        if reached[-1] == "analyse":
            break
    assert {"text", "file", "lang"} <= set(reached) and reached[-1] == "analyse"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"   # the focus is visible
    page.fill("#text", SEED.read_text(encoding="utf-8"))
    page.focus("#analyse")
    page.keyboard.press("Enter")
    page.wait_for_selector("#results:not([hidden]) #article .s")
    assert page.locator("#download-html").is_visible() and page.locator("#download-json").is_visible()


def test_download_buttons_save_the_reports(page, server):
    analyse(page, SEED.read_text(encoding="utf-8"))
    with page.expect_download() as html_download:
        page.click("#download-html")
    html = Path(html_download.value.path()).read_text(encoding="utf-8")
    assert html_download.value.suggested_filename == "article-report.html"
    assert html.startswith("<!DOCTYPE html>") and "Sourcing report" in html
    with page.expect_download() as json_download:
        page.click("#download-json")
    assert json_download.value.suggested_filename == "article-report.json"
    assert '"schema": "attribution.report/1.0"' in Path(json_download.value.path()).read_text(encoding="utf-8")
