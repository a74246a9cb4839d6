"""Reports of one article: formats, escaping, the seed's stored report, and a real browser."""
import json
import re
from pathlib import Path

import pytest

from attribution.cli import main
from attribution.pipeline import Checker
from attribution.render.report import report_html, report_json, report_markdown
from attribution.score import score_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "islamtimes-2024-01-us-iraq.txt"
HOSTILE = ('The mayor said the budget was final. <script>alert(1)</script> '
           '"<img src=x onerror=alert(2)>," a council official said.')


def card_for(text, lang="en"):
    analysis = Checker(mode="rules").analyze(text, lang=lang)
    return analysis, score_article(analysis)


def test_html_escapes_article_text_and_is_self_contained():
    analysis, card = card_for(HOSTILE)
    page = report_html(analysis, card)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)   # nothing fetched from outside
    assert "default-src 'none'" in page and "<svg" in page
    assert page.count('class="s ') == len(analysis.sentences)


def test_markdown_and_json_carry_score_criteria_and_sentences():
    analysis, card = card_for(HOSTILE)
    md = report_markdown(analysis, card)
    assert f"**Score {card.score:g}/100 — {card.band}**" in md
    assert all(c.title in md for c in card.criteria)
    data = json.loads(report_json(analysis, card))
    assert data["schema"] == "attribution.report/1.0" and data["score"] == card.score
    assert len(data["criteria"]) == len(card.criteria)
    assert data["article"]["sentences"][0]["label"] == "attributed"


def test_report_command_writes_several_formats(tmp_path, capsys):
    article = tmp_path / "budget.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    assert main(["report", str(article), "--format", "html,markdown,json", "--out", f"{tmp_path}/out/"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["budget.html", "budget.json", "budget.md"]
    assert main(["report", str(article), "--format", "html,json"]) == 2
    assert "several formats need --out" in capsys.readouterr().err


def test_stored_seed_report_is_current(tmp_path):
    assert main(["report", str(SEED), "--format", "html,markdown", "--out", f"{tmp_path}/"]) == 0
    for name in ("islamtimes-2024-01-us-iraq.html", "islamtimes-2024-01-us-iraq.md"):
        stored = (ROOT / "reports" / name).read_text(encoding="utf-8")
        fresh = (tmp_path / name).read_text(encoding="utf-8").replace(str(SEED), "seeds/islamtimes-2024-01-us-iraq.txt")
        assert fresh == stored, f"reports/{name} is stale: regenerate it (see README, 'Reports')"





def test_browser_shows_sources_on_hover_offline(browser, tmp_path):
    page_file = ROOT / "reports" / "islamtimes-2024-01-us-iraq.html"
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto(page_file.as_uri())
    attributed = page.locator(".s.attributed")
    assert attributed.count() >= 10
    tip = page.locator("#s2 .tip")
    assert not tip.is_visible()
    page.locator("#s2").hover()
    assert tip.is_visible() and "para pejabat" in tip.inner_text()
    page.screenshot(path=str(tmp_path / "seed-report.png"), full_page=True)
    context.close()


def test_browser_shows_script_as_text_without_a_dialog(browser, tmp_path):
    analysis, card = card_for(HOSTILE)
    target = tmp_path / "hostile.html"
    target.write_text(report_html(analysis, card), encoding="utf-8")
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(target.as_uri())
    page.wait_for_timeout(300)
    assert dialogs == []
    assert "<script>alert(1)</script>" in page.locator(".article").inner_text()
    page.close()
