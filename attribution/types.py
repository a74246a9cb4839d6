"""The data model every stage shares: sources, sentences and the analysis of one article.

All offsets are Python ``str`` indices into the *original* text of the input (end exclusive),
so they can be used directly on the file the user gave.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = "1.0"

LABELS = ("attributed", "unattributed", "skip")
SOURCE_TYPES = ("outlet", "person", "organization", "anonymous", "vague")
MODES = ("rules", "model", "combined")  # who decides: see attribution.detect.combine


@dataclass
class Source:
    """Who a statement is attributed to, as written in the sentence."""

    text: str
    type: str
    start: int
    end: int
    via: list[str] = field(default_factory=list)
    refers_to: str | None = None  # the full name a pronoun or short reference stands for

    def to_dict(self) -> dict:
        out = {"text": self.text, "type": self.type, "via": list(self.via),
               "start": self.start, "end": self.end}
        if self.refers_to:
            out["refers_to"] = self.refers_to
        return out


@dataclass
class Sentence:
    """One sentence of the article with its decision and the evidence behind it."""

    start: int
    end: int
    text: str
    label: str = "unattributed"
    sources: list[Source] = field(default_factory=list)
    cue: str | None = None
    rules: list[str] = field(default_factory=list)
    confidence: float = 0.5
    kind: str = "prose"  # prose, headline, dateline, credit, boilerplate, list, caption, byline
    line: int = 1
    col: int = 1
    model_score: float | None = None  # the classifier's probability of "attributed", when it ran

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "line": self.line, "col": self.col,
                "text": self.text, "label": self.label, "kind": self.kind,
                "sources": [s.to_dict() for s in self.sources], "cue": self.cue,
                "rules": list(self.rules), "confidence": round(self.confidence, 3),
                "model_score": self.model_score}


@dataclass
class Analysis:
    """The checker's reading of one article."""

    text: str
    lang: str
    sentences: list[Sentence]
    path: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def scorable(self) -> list[Sentence]:
        return [s for s in self.sentences if s.label != "skip"]

    def counts(self) -> dict[str, int]:
        out = {label: 0 for label in LABELS}
        for s in self.sentences:
            out[s.label] += 1
        return out

    def to_dict(self) -> dict:
        out = {"schema": f"attribution.check/{SCHEMA_VERSION}", "lang": self.lang,
               "counts": self.counts(), "sentences": [s.to_dict() for s in self.sentences]}
        if self.path is not None:
            out = {"path": self.path, **out}
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
