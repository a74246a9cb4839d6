"""The learned classifier: training, prediction, safe persistence, and evaluate's figures."""
import json

import numpy as np
import pytest

from attribution.detect.classifier import Settings, SentenceClassifier
from attribution.detect.model_io import ModelError, load_model, save_model
from attribution.evaluate import LanguageScore, outlet_key, score_article
from attribution.pipeline import Checker
from attribution.training.corpus import build_article
from attribution.training.train import train

SMALL = Settings(word_features=2 ** 10, rule_features=2 ** 8, calibration_folds=3)

ATTRIBUTED = [
    "Harga beras naik lima persen pekan ini, kata Kepala Dinas Perdagangan Budi Santoso.",
    "Menurut polisi, pelaku ditangkap di rumahnya pada Selasa malam.",
    "Ketua DPRD Rina Wulandari menegaskan anggaran banjir tidak akan dipotong.",
    "“Kami sudah menyiapkan tiga posko,” ujar Camat Dedi Kurniawan.",
    "Warga mengaku sudah tiga hari tidak mendapat air bersih.",
    "Juru bicara Kementerian Kesehatan menyebut kasus demam berdarah menurun.",
]
UNATTRIBUTED = [
    "Banjir merendam ratusan rumah di tiga kecamatan sejak Senin.",
    "Harga cabai di Pasar Induk mencapai Rp 80.000 per kilogram.",
    "Jembatan itu dibangun pada 1998 dan diperbaiki dua kali.",
    "Dengan kata lain, pasokan beras masih jauh dari cukup.",
    "Pertandingan dimulai pukul 19.30 WIB di Stadion Utama.",
    "Sebanyak 240 keluarga mengungsi ke balai desa.",
]


def small_corpus(tmp_path):
    sentences = [{"text": t, "label": "attributed", "sources": []} for t in ATTRIBUTED]
    sentences += [{"text": t, "label": "unattributed"} for t in UNATTRIBUTED]
    articles = []
    for n in range(4):  # the same sentences in different orders make four small articles
        order = sentences[n:] + sentences[:n]
        articles.append(build_article({"id": f"s-{n}", "lang": "id", "paragraphs": [order[:6], order[6:]]}))
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def test_fit_predict_and_calibrated_probabilities():
    texts = ATTRIBUTED + UNATTRIBUTED
    feats = [["rule=ID-KATA"]] * len(ATTRIBUTED) + [["rule=NO-CUE"]] * len(UNATTRIBUTED)
    y = [1] * len(ATTRIBUTED) + [0] * len(UNATTRIBUTED)
    model = SentenceClassifier(SMALL).fit(texts, feats, y)
    proba = model.predict_proba(texts, feats)
    assert proba.shape == (12, 2) and np.allclose(proba.sum(axis=1), 1)
    assert list(model.predict(texts, feats)) == y
    assert proba[0, 1] > 0.5 > proba[-1, 1]


def test_hashing_matches_scikit_learns_hashers():
    """Prediction hashes with NumPy; the columns and values must be scikit-learn's, or a model
    fitted with its hashers would score other columns."""
    from scipy import sparse
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.feature_extraction.text import HashingVectorizer

    from attribution.detect.classifier import text_terms

    texts = ATTRIBUTED + UNATTRIBUTED + ["", "“Ya,” katanya. Kata kata kata!"]
    feats = [["rule=ID-KATA", "family=say", "rule=ID-KATA"]] * len(texts)
    feats[-1] = []
    model = SentenceClassifier(SMALL)
    words = HashingVectorizer(n_features=SMALL.word_features, analyzer=text_terms, alternate_sign=False,
                              norm="l2").transform(texts)
    rules = FeatureHasher(n_features=SMALL.rule_features, input_type="string",
                          alternate_sign=False).transform(feats) * SMALL.rule_weight
    expected = sparse.hstack([words, rules]).toarray()
    ours = model.transform(texts, feats).to_csr(SMALL.word_features + SMALL.rule_features).toarray()
    assert expected.shape == ours.shape and np.allclose(expected, ours)
    weights = np.random.default_rng(0).normal(size=expected.shape[1])
    assert np.allclose(model.transform(texts, feats).dot(weights), expected @ weights)


def test_prediction_does_not_import_scikit_learn(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from attribution.pipeline import Checker; "
            "Checker().analyze('Polisi menangkap dua orang, kata juru bicara Polda Metro Jaya.', lang='id'); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_train_writes_a_model_that_loads_without_pickle_and_is_reproducible(tmp_path):
    data = small_corpus(tmp_path)
    first = train([data], tmp_path / "m1", SMALL, langs=("id",))["id"]
    second = train([data], tmp_path / "m2", SMALL, langs=("id",))["id"]
    assert (first / "weights.npz").read_bytes() == (second / "weights.npz").read_bytes()
    card = json.loads((first / "model.json").read_text())
    assert card["data"]["labels"] == {"attributed": 24, "unattributed": 24}
    model, _ = load_model(first, "id")
    checker = Checker(mode="model", models=tmp_path / "m1")
    analysis = checker.analyze("Harga beras naik lagi, kata Kepala Dinas Budi Santoso.", lang="id")
    assert analysis.sentences[0].label == "attributed"
    assert analysis.sentences[0].model_score is not None and analysis.sentences[0].model_score > 0.5


def test_tampered_or_foreign_models_are_refused(tmp_path):
    folder = save_model(SentenceClassifier(SMALL).fit(ATTRIBUTED + UNATTRIBUTED, [[]] * 12, [1] * 6 + [0] * 6),
                        tmp_path / "id", "id", {"data": {}})
    with pytest.raises(ModelError, match="for 'id', not 'en'"):
        load_model(folder, "en")
    weights = folder / "weights.npz"
    weights.write_bytes(weights.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(ModelError, match="checksum"):
        load_model(folder)
    card = json.loads((folder / "model.json").read_text())
    card["format"] = "attribution.model/1"
    (folder / "model.json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="retrain"):
        load_model(folder)
    with pytest.raises(ModelError, match="not a model folder"):
        load_model(tmp_path / "missing")


def test_pickled_weights_are_never_loaded(tmp_path):
    folder = save_model(SentenceClassifier(SMALL).fit(ATTRIBUTED + UNATTRIBUTED, [[]] * 12, [1] * 6 + [0] * 6),
                        tmp_path / "id", "id", {"data": {}})
    import hashlib
    import io
    buffer = io.BytesIO()
    np.savez(buffer, coef=np.array([object()], dtype=object))  # an object array needs pickle
    data = buffer.getvalue()
    (folder / "weights.npz").write_bytes(data)
    card = json.loads((folder / "model.json").read_text())
    card["weights_sha256"] = hashlib.sha256(data).hexdigest()
    (folder / "model.json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="unusable"):
        load_model(folder)


def test_evaluate_figures_equal_a_hand_computed_example():
    text = "A said X. B rose. C told Reuters Y. D fell."
    gold = {"id": "g", "lang": "en", "text": text, "sentences": [
        {"start": 0, "end": 9, "label": "attributed", "sources": [{"text": "A", "type": "person", "via": []}]},
        {"start": 10, "end": 17, "label": "unattributed", "sources": []},
        {"start": 18, "end": 35, "label": "attributed",
         "sources": [{"text": "C", "type": "person", "via": ["Reuters"]}]},
        {"start": 36, "end": 43, "label": "unattributed", "sources": []}]}
    predicted = [
        {"start": 0, "end": 9, "label": "attributed", "sources": [{"text": "A", "type": "organization", "via": []}]},
        {"start": 10, "end": 17, "label": "attributed", "sources": [{"text": "B", "type": "person", "via": []}]},
        {"start": 18, "end": 35, "label": "attributed",
         "sources": [{"text": "C", "type": "person", "via": ["the Reuters"]}]},
        {"start": 36, "end": 43, "label": "unattributed", "sources": []}]
    scores = {"en": LanguageScore(), "all": LanguageScore()}
    mistakes = score_article(gold, predicted, scores)
    figures = scores["en"].as_dict()
    # attributed: tp 2, fp 1, fn 0 -> P 2/3, R 1, F1 0.8
    assert (figures["attributed_p"], figures["attributed_r"], figures["attributed_f1"]) == (0.6667, 1.0, 0.8)
    # types: gold {(0,person),(2,person)}, predicted {(0,organization),(1,person),(2,person)} -> 1/3, 1/2
    assert figures["source_type_f1"] == 0.4
    # outlets: "Reuters" and "the Reuters" are the same outlet -> F1 1
    assert figures["outlet_f1"] == 1.0 and outlet_key("the Reuters") == "reuters"
    assert figures["confusion"]["unattributed"] == {"attributed": 1, "unattributed": 1}
    assert [m["sentence"] for m in mistakes] == ["B rose."]


def test_cli_train_and_evaluate(tmp_path, capsys):
    from attribution.cli import main
    data = small_corpus(tmp_path)
    assert main(["train", str(data), "--out", str(tmp_path / "models")]) == 0
    assert "id:" in capsys.readouterr().out
    assert main(["evaluate", str(data), "--model", str(tmp_path / "models"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["id"]["sentences"] == 48 and figures["id"]["attributed_f1"] > 0.9


def test_cli_reports_bad_training_data_and_missing_models(tmp_path, capsys):
    from attribution.cli import main
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"lang": "fr", "text": "x", "sentences": []}\n')
    assert main(["train", str(bad), "--out", str(tmp_path / "m")]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
    article = tmp_path / "a.txt"
    article.write_text("Harga beras naik, kata Kepala Dinas Budi Santoso.\n", encoding="utf-8")
    assert main(["check", str(article), "--model", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "model error" in err and "not a model folder" in err and "Traceback" not in err


def test_rules_mode_never_loads_a_model(tmp_path):
    checker = Checker(mode="rules", models=tmp_path / "nowhere")
    sentence = checker.analyze("Harga beras naik, kata Kepala Dinas Budi Santoso.", lang="id").sentences[0]
    assert sentence.label == "attributed" and sentence.model_score is None


@pytest.mark.parametrize("lang", ["en", "id"])
def test_shipped_models_load_without_pickle_and_match_their_card(lang):
    from attribution.pipeline import SHIPPED_MODELS
    model, card = load_model(SHIPPED_MODELS / lang, lang)
    assert card["data"]["sentences"] >= 3000 and card["model"]["cv_figures"]["attributed_f1"] > 0.9
    assert model.coef_.dtype == np.float32 and model.type_coef_ is not None
