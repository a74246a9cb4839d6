"""Resolve: carry speakers across sentences.

Pronouns and *-nya* forms take the type of the speaker they stand for ("he" after "a senior
official" is anonymous), short references find their full name ("Hussein" → "Fuad Hussein"),
and every sentence of a direct quotation that runs over several sentences is attributed when
the quotation's speaker is identified in one of them (or, for a quote standing on its own, by
the sentence that introduces it).
"""
from __future__ import annotations

from dataclasses import dataclass

from .detect import quotes
from .detect.rules import Detection, Found

QUOTE_DOMINANT = 0.6


@dataclass
class QuoteState:
    starts_inside: bool
    ends_inside: bool
    share: float       # share of the sentence's characters inside quotation marks
    opens: bool        # an opening mark appears in the sentence


def quote_states(text: str, detections: list[Detection]) -> list[QuoteState]:
    """Quotation state of each sentence, reading the marks in order across the article."""
    states = []
    inside = False
    prev_end = 0
    for det in detections:
        s, e = det.span.start, det.span.end
        piece = text[s:e]
        continued = False
        if "\n" in text[prev_end:s]:
            # a quote left open at the end of a paragraph ends there, unless the next
            # paragraph reopens it (wire style for quotations over several paragraphs)
            continued = inside and quotes.starts_with_mark(piece)
            inside = False
        start_inside = inside or continued
        ranges, inside, opens = quotes.scan(piece, inside)
        quoted = sum(b - a for a, b in ranges)
        states.append(QuoteState(start_inside, inside, quoted / max(1, len(piece)), opens))
        prev_end = e
    return states


def quote_runs(states: list[QuoteState], detections: list[Detection]) -> list[list[int]]:
    """Groups of sentence indexes that make up one direct quotation."""
    runs: list[list[int]] = []
    current: list[int] = []
    for k, (state, det) in enumerate(zip(states, detections)):
        if det.span.kind != "prose":
            if current:
                runs.append(current)
                current = []
            continue
        if state.starts_inside and current:
            current.append(k)
        elif state.ends_inside or state.starts_inside:
            if current:
                runs.append(current)
            current = [k]
        elif state.share >= QUOTE_DOMINANT:
            if current:
                runs.append(current)
                current = []
            runs.append([k])
            continue
        if not state.ends_inside and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


class Resolver:
    """Carries speakers across the sentences of one article."""

    def __init__(self, doc, text: str):
        self.doc = doc
        self.text = text  # the Doc's text (Doc.text joins every token on each call)
        self.history: list[tuple[str, str, bool]] = []  # (text, type, human) of sources, oldest first

    def _text(self, f: Found) -> str:
        doc = self.doc
        return self.text[doc[f.start].idx:doc[f.end - 1].idx + len(doc[f.end - 1].text)]

    def resolve(self, detections: list[Detection]) -> dict[int, str]:
        """Fix the types of referring sources in place; return the full name each stands for,
        keyed by ``id`` of the :class:`Found`. Sources are read in text order, so a pronoun can
        stand for a speaker named earlier in the same sentence."""
        refers: dict[int, str] = {}
        for det in detections:
            for f in det.sources:
                if f.ref and f.ref.startswith("pronoun") or f.ref in ("nya", "person"):
                    antecedent = self._antecedent(f.ref)
                    if antecedent:
                        f.type = antecedent[1]
                        refers[id(f)] = antecedent[0]
                elif f.ref == "name":
                    token = self._text(f).lower()
                    for text, kind, _ in reversed(self.history):
                        if text.lower() != token and token in text.lower().replace("-", " ").split() + [text.lower()]:
                            f.type = kind
                            refers[id(f)] = text
                            break
                    self.history.append((self._text(f), f.type, True))
                elif f.ref == "definite":
                    for text, kind, _ in reversed(self.history):
                        if kind == f.type:
                            refers[id(f)] = text
                            break
                elif f.type != "outlet":
                    human = f.type in ("person", "anonymous") or f.ref == "spokesperson"
                    self.history.append((self._text(f), f.type, human))
        return refers

    def _antecedent(self, ref: str) -> tuple[str, str] | None:
        """The latest earlier source a pronoun can stand for: "he" a person, an unnamed official or
        a spokesperson; "it" a body; "they" anyone; *-nya* anyone."""
        for text, kind, human in reversed(self.history):
            if (ref == "pronoun-person" and human) or (ref == "pronoun-organization" and kind == "organization") \
                    or ref not in ("pronoun-person", "pronoun-organization"):
                return text, kind
        return None


def attribute_quotes(text: str, detections: list[Detection],
                     states: list[QuoteState] | None = None) -> dict[int, str]:
    """Sentence index → rule for sentences attributed because they sit in an identified quote."""
    states = quote_states(text, detections) if states is None else states
    decided: dict[int, str] = {}
    for run in quote_runs(states, detections):
        speaker = any(detections[k].sources for k in run)
        if speaker:
            for k in run:
                if not detections[k].sources:
                    decided[k] = "QUOTE-RUN"
            continue
        before = run[0] - 1
        while before >= 0 and detections[before].span.kind != "prose":
            before -= 1
        # a quotation standing on its own right after a sentence that names its speaker
        if before >= 0 and run[0] - before == 1 and any(
                f.type != "outlet" for f in detections[before].sources):
            for k in run:
                decided[k] = "QUOTE-CONTEXT"
    return decided
