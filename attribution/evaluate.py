"""Evaluate the checker against gold articles (``GUIDELINES.md`` format).

The figures are those of the shared scorer: each gold sentence that is not ``skip`` is matched
to the checker's sentence overlapping it most; precision, recall and F1 of ``attributed``; F1
of (sentence, source type) pairs, scored where gold names types and on unattributed sentences;
F1 of (sentence, outlet) pairs with ``via`` included, outlet names compared in a normal form.
Per language and overall, plus precision/recall per source type and a label confusion table.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .pipeline import Checker

_OUTLET_WORDS = re.compile(r"\b(the|kantor berita|news agency|agency|harian|surat kabar|koran)\b")


def outlet_key(name: str) -> str:
    """Outlet names compared without case, punctuation or words like "the" / "harian"."""
    name = re.sub(r"[^\w\s]", " ", name.lower())
    return " ".join(_OUTLET_WORDS.sub(" ", name).split())


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, predicted: set) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


@dataclass
class LanguageScore:
    sentences: int = 0
    correct: int = 0
    attributed: Counts = field(default_factory=Counts)
    types: Counts = field(default_factory=Counts)
    outlets: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int)))

    def as_dict(self) -> dict:
        a = self.attributed.figures()
        return {"sentences": self.sentences,
                "accuracy": round(self.correct / self.sentences, 4) if self.sentences else 0.0,
                "attributed_p": a["p"], "attributed_r": a["r"], "attributed_f1": a["f1"],
                "source_type_f1": self.types.figures()["f1"], "outlet_f1": self.outlets.figures()["f1"],
                "per_type": {t: c.figures() for t, c in sorted(self.per_type.items())},
                "confusion": {g: dict(p) for g, p in sorted(self.confusion.items())}}


def _outlets(sources: list[dict]) -> set[str]:
    names = set()
    for s in sources:
        if s.get("type") == "outlet":
            names.add(outlet_key(s.get("text", "")))
        names.update(outlet_key(v) for v in s.get("via") or [])
    return {n for n in names if n}


def score_article(gold: dict, predicted: list[dict], scores: dict[str, LanguageScore]) -> list[dict]:
    """Add one article's figures to ``scores`` (per language and "all"); return its mistakes."""
    mistakes = []
    for k, g in enumerate(gold["sentences"]):
        if g["label"] == "skip":
            continue
        best, overlap = None, 0
        for p in predicted:
            o = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if o > overlap:
                best, overlap = p, o
        label = best["label"] if best else "unattributed"
        sources = best.get("sources", []) if best else []
        gold_types = {(k, s["type"]) for s in g["sources"] if s["type"] != "unknown"}
        pred_types = {(k, s["type"]) for s in sources}
        for lang in (gold["lang"], "all"):
            m = scores[lang]
            m.sentences += 1
            m.correct += (label == "attributed") == (g["label"] == "attributed")
            m.attributed.add({k} if g["label"] == "attributed" else set(), {k} if label == "attributed" else set())
            if gold_types or g["label"] == "unattributed":
                m.types.add(gold_types, pred_types)
                for t in {t for _, t in gold_types | pred_types}:
                    m.per_type[t].add({x for x in gold_types if x[1] == t}, {x for x in pred_types if x[1] == t})
            m.outlets.add({(k, o) for o in _outlets(g["sources"])}, {(k, o) for o in _outlets(sources)})
            m.confusion[g["label"]][label if label != "skip" else "skip"] += 1
        if (label == "attributed") != (g["label"] == "attributed"):
            mistakes.append({"id": gold.get("id"), "gold": g["label"], "predicted": label,
                             "sentence": gold["text"][g["start"]:g["end"]]})
    return mistakes


def evaluate(articles: list[dict], checker: Checker) -> tuple[dict[str, dict], list[dict]]:
    """Run the checker on every gold article's text and score it."""
    scores: dict[str, LanguageScore] = defaultdict(LanguageScore)
    mistakes = []
    for gold in articles:
        analysis = checker.analyze(gold["text"], lang=gold["lang"])
        predicted = [s.to_dict() for s in analysis.sentences]
        mistakes += score_article(gold, predicted, scores)
    table = {lang: scores[lang].as_dict() for lang in sorted(scores, key=lambda x: (x == "all", x))}
    return table, mistakes


def render_table(table: dict[str, dict]) -> str:
    lines = [f"{'lang':5} {'sents':>6} {'acc':>6} {'P':>6} {'R':>6} {'F1':>6} {'typeF1':>7} {'outletF1':>8}"]
    for lang, t in table.items():
        lines.append(f"{lang:5} {t['sentences']:6d} {t['accuracy']:6.3f} {t['attributed_p']:6.3f} "
                     f"{t['attributed_r']:6.3f} {t['attributed_f1']:6.3f} {t['source_type_f1']:7.3f} "
                     f"{t['outlet_f1']:8.3f}")
    for lang, t in table.items():
        lines.append(f"\n[{lang}] source types      P      R     F1")
        for kind, f in t["per_type"].items():
            lines.append(f"  {kind:16} {f['p']:6.3f} {f['r']:6.3f} {f['f1']:6.3f}")
        lines.append(f"[{lang}] gold \\ predicted  attributed unattributed")
        for g, row in t["confusion"].items():
            lines.append(f"  {g:16} {row.get('attributed', 0):10d} {row.get('unattributed', 0) + row.get('skip', 0):12d}")
    return "\n".join(lines)
