"""Sub-metrics, criteria, bands and the scoring rules file, on small hand-made articles."""
import pytest

from attribution.pipeline import Checker
from attribution.rulepack import RuleError
from attribution.score import load_scoring, metrics, score_article

RULES = Checker(mode="rules")

EN = ("WASHINGTON, March 3 (Reuters) - The Treasury will sell $40 billion of bonds next week, "
      "Treasury Secretary Janet Morales said on Tuesday. She said demand had been strong. "
      "\"We are comfortable with the schedule,\" Morales told reporters. "
      "Two officials, who spoke on condition of anonymity because the plan is not public, said a "
      "further sale was likely. Yields reportedly rose after the news. The bonds mature in 2034.")

ID = ("Jakarta, CNN Indonesia -- Harga beras naik 5 persen pekan ini. "
      "Seorang sumber yang enggan disebut namanya mengatakan pasokan tersendat. "
      "Menurut sumber lain, gudang Bulog penuh. "
      "Kenaikan dikabarkan dipicu panen yang mundur. Stok nasional mencapai 1,2 juta ton. "
      "“Kami tidak tahu kapan harga turun.”")


def test_english_sub_metrics():
    m, types, sources = metrics(RULES.analyze(EN, lang="en"))
    assert m["lead_sourced"] == 1.0
    assert m["attribution_density"] == pytest.approx(4 / 6, abs=1e-3)   # 4 of 6 sentences
    assert m["anonymous_share"] == pytest.approx(1 / 6, abs=1e-3)
    assert m["anonymity_explained"] == 1.0                              # "because the plan is not public"
    names = {s["name"]: s for s in sources}
    morales = names["Treasury Secretary Janet Morales"]
    assert morales["mentions"] == 3 and morales["identified"]           # "She" and "Morales" join her
    assert m["distinct_sources"] == 2 and m["identified_sources"] == 1
    assert types == {"person": 1, "anonymous": 1}
    assert m["vague_hedges"] == 1                                       # "reportedly"
    assert m["single_source_dependence"] == pytest.approx(3 / 4)
    assert m["quotes_without_speaker"] == 0


def test_indonesian_sub_metrics_and_publisher_from_the_dateline():
    analysis = RULES.analyze(ID, lang="id")
    m, types, _ = metrics(analysis)
    assert m["lead_sourced"] == 0.0
    assert m["anonymous_share"] == pytest.approx(2 / 6, abs=1e-3)
    assert m["anonymity_explained"] == 0.0                              # no "karena …" given
    assert m["vague_hedges"] == 1                                       # "dikabarkan"
    assert m["quotes_without_speaker"] == 1
    card = score_article(analysis)
    assert card.publisher == "CNN Indonesia"


def test_second_hand_reliance_leaves_the_publisher_out():
    text = ("Harga minyak naik 2 persen, seperti dilansir Reuters. "
            "Menurut pejabat yang dikutip Antara, pasokan aman.")
    analysis = RULES.analyze(text, lang="id")
    assert metrics(analysis)[0]["second_hand_share"] == 1.0
    assert metrics(analysis, publisher="ANTARA")[0]["second_hand_share"] == 0.5


def test_criteria_points_band_and_explanations():
    card = score_article(RULES.analyze(EN, lang="en"))
    by_id = {c.id: c for c in card.criteria}
    assert by_id["LEAD-SOURCED"].passed and by_id["LEAD-SOURCED"].points == 15
    assert by_id["ANONYMITY-EXPLAINED"].passed
    assert by_id["HEDGES"].passed and "vague hedges is 1" in by_id["HEDGES"].explanation
    assert card.score == sum(c.points for c in card.criteria)
    assert card.band == "well sourced" and card.score >= 80
    assert all(c.why for c in card.criteria)
    weak = score_article(RULES.analyze(ID, lang="id"))
    failed = {c.id for c in weak.criteria if not c.passed}
    assert {"LEAD-SOURCED", "ANONYMOUS-SHARE", "ANONYMITY-EXPLAINED", "SPEAKERLESS-QUOTES"} <= failed
    assert weak.score < card.score and weak.band != "well sourced"


def test_unsourced_article_scores_low():
    text = "Harga cabai naik tajam. Banjir merendam tiga desa. Jalan tol ditutup sementara."
    card = score_article(RULES.analyze(text, lang="id"))
    assert card.metrics["attribution_density"] == 0 and card.band in ("unsourced", "thinly sourced")


def test_scoring_rules_are_validated(tmp_path):
    bad = tmp_path / "scoring.yaml"
    bad.write_text("version: 1\ncriteria:\n  - {id: X, title: t, metric: lead_sourced, op: '>=', "
                   "threshold: 1, weight: 60, why: w}\nbands:\n  - {name: ok, min: 0}\n")
    with pytest.raises(RuleError, match="sum to 60"):
        load_scoring(str(bad))
    bad.write_text("version: 1\ncriteria:\n  - {id: X, title: t, metric: charm, op: '>=', "
                   "threshold: 1, weight: 100, why: w}\nbands:\n  - {name: ok, min: 0}\n")
    with pytest.raises(RuleError, match="unknown metric"):
        load_scoring(str(bad))
    assert sum(c.weight for c in load_scoring().criteria) == 100
