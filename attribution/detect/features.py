"""Features for the learned classifier: what the rules saw in a sentence and around it.

Each sentence becomes a list of feature names (hashed by the classifier): the cue rules and
families that fired, where the cue stands, whether a source was found and of which type, the
quotation state, carry-over (pronoun at the start), the rule labels of the neighbouring
sentences, and the sentence's shape. The words and characters of the sentence are added by the
classifier itself.
"""
from __future__ import annotations

from ..resolve import QuoteState
from ..rulepack import RulePack
from ..types import Sentence
from .rules import Detection


def rule_features(sentences: list[Sentence], detections: list[Detection], states: list[QuoteState],
                  text: str, pack: RulePack, only: set[int] | None = None) -> list[list[str]]:
    """Feature names for every sentence (an empty list for skipped lines), or for the
    sentences in ``only``."""
    families, pronouns = _lexicon(pack)
    prose = [k for k, s in enumerate(sentences) if s.label != "skip"]
    order = {k: n for n, k in enumerate(prose)}
    out: list[list[str]] = [[] for _ in sentences]
    for k in prose:
        if only is not None and k not in only:
            continue
        s, det, state = sentences[k], detections[k], states[k]
        f = [f"rule_label={s.label}"]
        for rule in s.rules:
            f.append(f"rule={rule}")
            if rule in families:
                f.append(f"family={families[rule]}")
        for src in s.sources:
            f.append(f"source_type={src.type}")
            if src.via:
                f.append("has_via")
            if src.refers_to:
                f.append("source_refers")
        if det.cue is not None:
            span = max(1, det.span.last_token - det.span.first_token + 1)
            where = (det.cue[0] - det.span.first_token) / span
            f.append(f"cue_at={'start' if where < 0.25 else 'end' if where > 0.75 else 'middle'}")
        if det.cue_without_source:
            f.append("cue_without_source")
        if det.hedges:
            f.append("hedge")
        f += _quote_features(state)
        piece = text[det.span.start:det.span.end]
        words = piece.split()
        if words and words[0].lower().strip(",.") in pronouns:
            f.append("starts_with_pronoun")
        if piece.rstrip().endswith(":"):
            f.append("ends_with_colon")
        f.append(f"length={min(len(words) // 8, 5)}")
        n = order[k]
        f.append("first_sentence" if n == 0 else "later_sentence")
        if "\n" in text[detections[prose[n - 1]].span.end:det.span.start] if n else True:
            f.append("starts_paragraph")
        for name, m in (("prev", n - 1), ("next", n + 1)):
            if 0 <= m < len(prose):
                neighbour = sentences[prose[m]]
                f.append(f"{name}_label={neighbour.label}")
                f += [f"{name}_source={src.type}" for src in neighbour.sources[:2]]
                f.append(f"{name}_quote={'in' if states[prose[m]].share >= 0.6 else 'out'}")
            else:
                f.append(f"{name}_none")
        out[k] = f
    return out


_LEXICONS: dict[int, tuple[RulePack, dict, set]] = {}


def _lexicon(pack: RulePack) -> tuple[dict, set]:
    """Cue families and pronouns of a rule pack, worked out once per pack."""
    cached = _LEXICONS.get(id(pack))
    if cached is None or cached[0] is not pack:
        cached = _LEXICONS[id(pack)] = (pack, {c.id: c.family for c in pack.cues},
                                        set().union(*pack.pronouns.values()))
    return cached[1], cached[2]


def _quote_features(state: QuoteState) -> list[str]:
    f = []
    if state.starts_inside:
        f.append("quote_starts_inside")
    if state.ends_inside:
        f.append("quote_ends_inside")
    if state.opens:
        f.append("quote_opens")
    share = state.share
    f.append("quote_share=" + ("none" if share == 0 else "some" if share < 0.6 else "most"))
    return f
