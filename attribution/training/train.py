"""Train the sentence classifier on labelled articles (gold JSON Lines, ``GUIDELINES.md``).

The rules read every training article exactly as they read a user's; each sentence they find
is matched to the gold sentence it overlaps most (gold ``skip`` lines are left out), and the
classifier learns the gold label from the rule features and the sentence's words. One model
per language is written to ``OUT/<lang>/``. The same data and settings give the same model.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from ..detect.classifier import Settings, SentenceClassifier
from ..detect.features import rule_features
from ..detect.model_io import save_model
from ..pipeline import Checker
from ..rulepack import load_rulepack
from . import TrainingError


def gold_files(paths: list[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(p.glob("*.jsonl"))
        elif p.is_file():
            files.append(p)
        else:
            raise TrainingError(f"{p}: no such file or directory")
    if not files:
        raise TrainingError("no .jsonl training files given")
    return files


def load_gold(files: list[Path]) -> list[dict]:
    articles = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for n, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    article = json.loads(line)
                    _check(article)
                except (json.JSONDecodeError, TrainingError, KeyError, TypeError) as err:
                    raise TrainingError(f"{path}:{n}: {err}") from None
                articles.append(article)
    return articles


def _check(article: dict) -> None:
    if article.get("lang") not in ("en", "id") or not isinstance(article.get("text"), str):
        raise TrainingError("each article needs 'lang' (en or id) and 'text'")
    for s in article["sentences"]:
        if not 0 <= s["start"] < s["end"] <= len(article["text"]) or s["label"] not in (
                "attributed", "unattributed", "skip"):
            raise TrainingError(f"bad sentence {s.get('start')}-{s.get('end')} ({s.get('label')})")


def examples(checker: Checker, articles: list[dict], lang: str):
    """(texts, rule features, labels, main source types) for the sentences the rules find."""
    pack = load_rulepack(lang)
    texts, feats, labels, types = [], [], [], []
    for article in articles:
        document, doc, sentences, detections, states = checker.rule_view(article["text"], lang)
        features = rule_features(sentences, detections, states, document.text, pack)
        gold = article["sentences"]
        for k, s in enumerate(sentences):
            if s.label == "skip":
                continue
            match = max(gold, key=lambda g: min(g["end"], s.end) - max(g["start"], s.start), default=None)
            if match is None or min(match["end"], s.end) <= max(match["start"], s.start) or match["label"] == "skip":
                continue
            span = detections[k].span
            texts.append(document.text[span.start:span.end])
            feats.append(features[k])
            labels.append(int(match["label"] == "attributed"))
            named = [x["type"] for x in match.get("sources", []) if x.get("type") not in ("vague", "unknown")]
            types.append(named[0] if named and match["label"] == "attributed" else None)
    return texts, feats, labels, types


def train(paths: list[str | Path], out: str | Path, settings: Settings | None = None,
          langs: tuple[str, ...] = ("en", "id")) -> dict[str, Path]:
    """Train one model per language found in the data; returns the folders written."""
    files = gold_files(paths)
    articles = load_gold(files)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    checker = Checker(mode="rules")
    written = {}
    for lang in langs:
        mine = [a for a in articles if a["lang"] == lang]
        if not mine:
            continue
        texts, feats, labels, types = examples(checker, mine, lang)
        if len(set(labels)) < 2:
            raise TrainingError(f"{lang}: training needs both attributed and unattributed sentences")
        model = SentenceClassifier(settings).fit(texts, feats, labels, types)
        card = {"data": {"files": [p.name for p in files], "sha256": digest.hexdigest(),
                         "articles": len(mine), "sentences": len(labels),
                         "labels": {"attributed": sum(labels), "unattributed": len(labels) - sum(labels)},
                         "source_types": dict(sorted(Counter(t for t in types if t).items()))}}
        written[lang] = save_model(model, Path(out) / lang, lang, card)
    if not written:
        raise TrainingError("no English or Indonesian articles in the training data")
    return written
