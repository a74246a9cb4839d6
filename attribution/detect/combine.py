"""How the rules and the classifier decide together (one documented way).

- ``rules``: the rule engine alone.
- ``model``: the classifier's calibrated probability decides every prose sentence (threshold
  0.5); sources found by the rules are kept for sentences it calls attributed.
- ``combined`` (default): a *strong* rule decision stands — a cue whose speaker was found, or
  a sentence inside a quotation whose speaker is named — because the rules are precise there
  (their ``model_score`` stays empty); every other sentence is decided by the classifier. The
  classifier's score is reported on every sentence it decided (``model_score``), and ``MODEL``
  is added to ``rules`` where it changed the rules' label.

A sentence in which the rules found no cue at all is turned attributed only when the classifier's
score reaches the rule pack's ``cue_free_threshold`` as well (``rules/<lang>/cues.yaml``).

A sentence the classifier turns attributed gets the phrase that opens the sentence as its
source when one can be found, with that phrase's type (the classifier's source-type model
types it when it is a bare pronoun).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..read import Document
from ..resolve import QuoteState
from ..rulepack import RulePack
from ..types import MODES, Sentence, Source
from .classifier import SentenceClassifier
from .features import rule_features
from .phrases import Context
from .rules import Detection, RuleEngine

STRONG_CONFIDENCE = 0.9


def strong_rule_decision(sentence: Sentence) -> bool:
    """A rule decision the classifier may not overturn in ``combined`` mode."""
    named = [s for s in sentence.sources if s.type != "vague"]
    return sentence.label == "attributed" and (
        (named and sentence.confidence >= STRONG_CONFIDENCE) or "QUOTE-RUN" in sentence.rules)


@dataclass
class RuleReading:
    """The rules' reading of one article, as the classifier needs it."""

    document: Document
    doc: object
    sentences: list[Sentence]
    detections: list[Detection]
    states: list[QuoteState]


def apply_model(model: SentenceClassifier, mode: str, readings: list[RuleReading], pack: RulePack,
                engine: RuleEngine, threshold: float = 0.5) -> None:
    """Let the classifier decide, in place, following ``mode``; one prediction for all the
    articles given (a batch), over the sentences whose decision is open."""
    todo: list[tuple[RuleReading, int]] = []
    texts: list[str] = []
    feats: list[list[str]] = []
    for reading in readings:
        open_ = [k for k, s in enumerate(reading.sentences)
                 if s.label != "skip" and not (mode == "combined" and strong_rule_decision(s))]
        if not open_:
            continue
        features = rule_features(reading.sentences, reading.detections, reading.states,
                                 reading.document.text, pack, set(open_))
        for k in open_:
            span = reading.detections[k].span
            todo.append((reading, k))
            texts.append(reading.document.text[span.start:span.end])
            feats.append(features[k])
    if not todo:
        return
    scores = model.predict_proba(texts, feats)[:, 1]
    flips = [n for n, (reading, k) in enumerate(todo)
             if scores[n] >= threshold and reading.sentences[k].label != "attributed"]
    types = dict(zip(flips, model.predict_type([texts[n] for n in flips], [feats[n] for n in flips])))
    for n, (reading, k) in enumerate(todo):
        s, p = reading.sentences[k], float(scores[n])
        s.model_score = round(p, 3)
        no_cue = s.label != "attributed" and "NO-CUE" in s.rules
        attributed = p >= (max(threshold, pack.cue_free_threshold) if no_cue else threshold)
        if attributed and s.label != "attributed":
            s.label = "attributed"
            s.rules.append("MODEL")
            opening = _opening_phrase(engine, reading.doc, reading.detections[k])
            if opening is not None:
                # the phrase's own type, unless it is a pronoun: then the type model's guess
                kind = types.get(n) if opening.ref and opening.ref.startswith("pronoun") else opening.type
                s.sources.insert(0, _source(reading.document, reading.doc, opening, kind or opening.type))
        elif not attributed and s.label == "attributed":
            s.label = "unattributed"
            s.rules.append("MODEL")
            s.sources = [x for x in s.sources if x.type == "vague"]
        s.confidence = p if attributed else 1.0 - p


def _opening_phrase(engine: RuleEngine, doc, det: Detection):
    span = det.span
    ctx = Context(span.first_token, span.last_token + 1, set(), {}, [])
    return engine.finder.sentence_subject(doc, span.last_token + 1, ctx)


def _source(document: Document, doc, phrase, kind: str) -> Source:
    first, last = doc[phrase.start], doc[phrase.end - 1]
    start, end = document.original_span(first.idx, last.idx + len(last.text))
    return Source(text=document.original[start:end], type=kind, start=start, end=end)
