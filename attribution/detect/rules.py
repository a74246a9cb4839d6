"""The rule engine: reporting cues, quotes, outlets, anonymity and hedges from ``rules/<lang>/``.

For each prose sentence it finds the cues (minus hard negatives), the source phrase of each
cue, the outlets that relayed or received the statement (``via``), and the hedges; the result
is a :class:`Detection` per sentence that the resolver and the renderers build on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..rulepack import Cue, RulePack
from ..segment import Span, token_list
from . import quotes
from .phrases import Context, Phrase, PhraseFinder



@dataclass
class Found:
    """A source found in a sentence (token range, type, channel outlets, deciding rule)."""

    start: int
    end: int
    type: str
    rule: str
    ref: str | None = None
    via: list[str] = field(default_factory=list)
    text_start: int | None = None
    text_end: int | None = None


@dataclass
class Detection:
    """What the rules saw in one sentence."""

    span: Span
    sources: list[Found] = field(default_factory=list)
    hedges: list[Found] = field(default_factory=list)
    cue: tuple[int, int] | None = None
    confidence: float = 0.0
    rules: list[str] = field(default_factory=list)
    cue_without_source: bool = False


class RuleEngine:
    """Applies one language's rule pack to segmented Docs."""

    def __init__(self, nlp: Language, pack: RulePack):
        self.pack = pack
        self.finder = PhraseFinder(pack)
        self.cues: dict[str, Cue] = {c.id: c for c in pack.cues}
        make = nlp.make_doc
        self.cue_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cue in pack.cues:
            self.cue_matcher.add(cue.id, [make(w) for w in cue.words])
        self.aux_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.aux_matcher.add("NEG", [make(w) for w in pack.negatives])
        self.aux_matcher.add("HEDGE", [make(w) for w in pack.hedges])
        self.aux_matcher.add("ANON", [make(w) for w in pack.anonymity_phrases])
        self.aux_matcher.add("RELAY", [make(w) for w in pack.relay_strong])
        self.aux_matcher.add("RELAY_WEAK", [make(w) for w in pack.relay_weak])
        self.outlet_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.outlet_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.outlet_names: dict[str, str] = {}
        for outlet in pack.outlets:
            key = f"OUTLET:{outlet.name}"
            self.outlet_names[key] = outlet.name
            cased = [make(a) for a in outlet.aliases if a != a.lower()]
            lower = [make(a) for a in outlet.aliases if a == a.lower()]
            if cased:
                self.outlet_matcher.add(key, cased)
            if lower:
                self.outlet_lower.add(key, lower)

    # ------------------------------------------------------------------------------------------
    def detect(self, doc: Doc, spans: list[Span], text: str | None = None) -> list[Detection]:
        """One :class:`Detection` per span (non-prose spans get an empty one); ``text`` is the
        Doc's text when the caller has it already."""
        text = doc.text if text is None else text
        vocab = doc.vocab.strings
        by_sent: list[dict[str, list[tuple[str, int, int]]]] = [
            {"cue": [], "NEG": [], "HEDGE": [], "ANON": [], "RELAY": [], "RELAY_WEAK": [], "OUTLET": []}
            for _ in spans]
        token_sent = [-1] * len(doc)
        for k, s in enumerate(spans):
            for i in range(s.first_token, s.last_token + 1):
                token_sent[i] = k
        for match_id, start, end in self.cue_matcher(doc):
            k = token_sent[start]
            if k >= 0 and token_sent[end - 1] == k:
                by_sent[k]["cue"].append((vocab[match_id], start, end))
        for match_id, start, end in self.aux_matcher(doc):
            k = token_sent[start]
            if k >= 0 and token_sent[end - 1] == k:
                by_sent[k][vocab[match_id]].append((vocab[match_id], start, end))
        outlets = _longest(list(self.outlet_matcher(doc)) + list(self.outlet_lower(doc)))
        doc = token_list(doc)
        for match_id, start, end in outlets:
            k = token_sent[start]
            if k >= 0 and token_sent[end - 1] == k:
                end = self._extend_name(doc, end, spans[k].last_token + 1)
                by_sent[k]["OUTLET"].append((self.outlet_names[vocab[match_id]], start, end))
        for k, found in enumerate(by_sent):
            if spans[k].kind == "prose":
                self._unlisted_outlets(doc, found, spans[k].last_token + 1)
        return [self._sentence(doc, text, s, by_sent[k]) if s.kind == "prose" else Detection(s)
                for k, s in enumerate(spans)]

    def _extend_name(self, doc: Doc, end: int, limit: int, most: int = 5) -> int:
        """Grow an outlet name over the capitalised words that follow: "BBC Radio 4's World At One"."""
        stop = min(limit, end + most)
        while end < stop:
            tok = doc[end]
            after_possessive = doc[end - 1].text in ("'s", "’s")
            if tok.text in ("'s", "’s") or (not tok.is_punct and (tok.text[:1].isupper() or tok.text[:1].isdigit())
                                             and (after_possessive or tok.lower_ not in self.finder.time_words)):
                end += 1
            else:
                break
        return end

    def _unlisted_outlets(self, doc: Doc, found: dict, limit: int) -> None:
        """Outlets missing from the gazetteer, named where a channel is expected: after a strong
        relay ("dilansir ScreenGreek"), or after any relay when the name looks like an outlet
        ("told Greater Manchester Radio", "kepada detikKalimantan")."""
        taken = {i for _, a, b in found["OUTLET"] for i in range(a, b)}
        words = self.pack.outlet_words
        for group, strong in (("RELAY", True), ("RELAY_WEAK", False)):
            for _, a, b in found[group]:
                j = b
                while j < limit and doc[j].lower_ in self.finder.relay_fillers and doc[j].text.islower():
                    j += 1
                if j >= limit or j in taken or not doc[j].text[:1].isupper() \
                        or doc[j].lower_ in self.finder.lexicon or doc[j].lower_ in self.finder.pronoun_kind \
                        or doc[j].lower_ in self.finder.time_words or not doc[j].is_alpha:
                    continue
                end = self._extend_name(doc, j + 1, limit)
                name = [doc[i].text for i in range(j, end)]
                looks = any(w in words for w in name) or any(
                    w[1:] != w[1:].lower() and w[1:] != w[1:].upper() for w in name) or any(
                    w.lower().endswith(self.pack.outlet_suffixes) for w in name)
                if strong or looks:
                    found["OUTLET"].append((_span_text(doc, j, end), j, end))
                    taken.update(range(j, end))
        found["OUTLET"].sort(key=lambda x: x[1])

    # ------------------------------------------------------------------------------------------
    def _sentence(self, doc: Doc, text: str, span: Span, m: dict) -> Detection:
        det = Detection(span)
        s_start, s_end = span.first_token, span.last_token + 1
        negatives = [(a, b) for _, a, b in m["NEG"]]
        hedge_spans = [(a, b) for _, a, b in _longest(m["HEDGE"])]
        # the context of a cue is checked before the longest match is chosen, so that a word
        # listed under two cues ("showed" after "poll", "showed that") gets the cue that fits
        fitting = [c for c in m["cue"] if self._context_ok(doc, self.cues[c[0]], c[1], c[2], s_start, s_end)]
        quoted = _quoted_tokens(doc, text, s_start, s_end) if fitting else set()
        cues = [c for c in _longest(fitting)
                if not _overlaps((c[1], c[2]), negatives) and c[1] not in quoted
                and not any(h[0] <= c[1] and c[2] <= h[1] and h[1] - h[0] > c[2] - c[1] for h in hedge_spans)]
        ctx = Context(s_start, s_end, {i for _, a, b in cues for i in range(a, b)},
                      {a: b for _, a, b in _longest(m["ANON"])}, [(a, b) for _, a, b in m["OUTLET"]])
        used_outlets: set[tuple[int, int]] = set()
        used_cues: list[tuple[int, int]] = []
        for cue_id, a, b in cues:
            cue = self.cues[cue_id]
            if self.finder.negated(doc, a, s_start):
                continue
            phrase = self._source_for(doc, cue, a, b, ctx)
            if cue.source_nouns and (phrase is None or cue.source_nouns.isdisjoint(
                    doc[i].lower_ for i in range(phrase.start, phrase.end))):
                continue  # "officials showed reporters the site": the word is no cue here
            if phrase is None:
                det.cue_without_source = True
                continue
            if phrase.ref == "name" and phrase.end <= a and b < s_end \
                    and doc[b].lower_ in self.finder.body_pronouns:
                phrase.type, phrase.ref = "organization", None  # "Shearson said it was ..."
            used_cues.append((a, b))
            if phrase.type == "outlet":
                used_outlets.add((phrase.text_start, phrase.text_end))
            if any(f.start == phrase.start and f.end == phrase.end for f in det.sources):
                continue
            det.sources.append(Found(phrase.start, phrase.end, phrase.type, cue.id, ref=phrase.ref,
                                     text_start=phrase.text_start, text_end=phrase.text_end))
            if det.cue is None or cue.confidence > det.confidence:
                det.cue, det.confidence = (a, b), cue.confidence
            if cue.id not in det.rules:
                det.rules.append(cue.id)
        self._relays(doc, det, m, used_outlets, s_start)
        for a, b in hedge_spans:
            # "seperti dilaporkan Reuters" relays; "yang tidak disebutkan namanya" is anonymity
            if any(a <= o[0] < b + 2 for o in ctx.outlets) or _overlaps((a, b), list(ctx.anon.items())) \
                    or _overlaps((a, b), used_cues):
                continue
            det.hedges.append(Found(a, b, "vague", "HEDGE"))
            if "HEDGE" not in det.rules:
                det.rules.append("HEDGE")
        det.sources.sort(key=lambda f: f.start)
        return det

    def _context_ok(self, doc, cue: Cue, a: int, b: int, s_start: int, s_end: int) -> bool:
        if a > s_start and doc[a].text[:1].isupper() and not doc[a].is_upper:
            return False  # part of a name: "the United States", "Tim Kata"
        if cue.needs_prev:
            if a <= s_start:
                return False
            prev = doc[a - 1]
            if prev.is_space or prev.lower_ not in cue.needs_prev:
                return False
        if cue.needs_next:
            if b >= s_end or doc[b].lower_ not in cue.needs_next:
                return False
        if cue.not_next and b < s_end and doc[b].lower_ in cue.not_next:
            return False
        if cue.not_prev and a > s_start and doc[a - 1].lower_ in cue.not_prev:
            return False
        if cue.needs_later:
            for i in range(b, min(s_end, b + cue.within)):
                word = doc[i].lower_
                if word in cue.needs_later and i > b:
                    break
                if word in cue.later_stops:
                    return False
            else:
                return False
        return True

    def _source_for(self, doc, cue: Cue, a: int, b: int, ctx: Context) -> Phrase | None:
        f = self.finder
        if cue.source == "self":
            last = b - 1
            kind = "nya" if doc[last].lower_.endswith("nya") else "person"
            if doc[last].lower_ in f.pronoun_kind:
                kind = f.pronoun_kind[doc[last].lower_]
                default = {"person": "person", "organization": "organization"}.get(kind, "anonymous")
                return Phrase(last, b, default, ref=f"pronoun-{kind}")
            return Phrase(last, b, "person", ref=kind)
        if cue.source == "after":
            return f.after(doc, b, ctx)
        endings = f.participle_cue_endings
        if endings and a > ctx.start and doc[a - 1].text == "," and doc[a].lower_.endswith(endings):
            # "A chief constable has backed the plan, saying ...": the subject of the sentence
            return f.sentence_subject(doc, a, ctx)
        before = f.before(doc, a, ctx)
        if before is not None or cue.source == "before":
            return before
        # inverted order after a quote or a comma: '"...," said Lewis'
        if a == ctx.start or doc[a - 1].is_punct:
            return f.after(doc, b, ctx)
        return None

    def _relays(self, doc, det: Detection, m: dict, used, s_start) -> None:
        """Attach outlets that relayed or received a statement as ``via``; a relayed outlet
        with no other source becomes the source itself."""
        strong_ends = {b: a for _, a, b in m["RELAY"]}
        weak_ends = {b: a for _, a, b in m["RELAY_WEAK"]}
        previous_via: int | None = None
        for name, a, b in m["OUTLET"]:
            if (a, b) in used:
                continue
            j = a
            while j > s_start and doc[j - 1].lower_ in self.finder.relay_fillers:
                j -= 1
            kind = "strong" if j in strong_ends else "weak" if j in weak_ends else None
            if kind is None and previous_via is not None and doc[a - 1].lower_ in self.finder.joiners:
                kind = "strong"
            if kind is None:
                previous_via = None
                continue
            previous_via = b
            target = None
            for f in det.sources:
                if f.start < a and f.type != "outlet":
                    target = f
            if target is None:
                target = next((f for f in det.sources if f.type != "outlet"), None)
            if target is not None:
                target.via.append(_span_text(doc, a, b))
                if "VIA" not in det.rules:
                    det.rules.append("VIA")
            elif kind == "strong" or det.sources:
                det.sources.append(Found(a, b, "outlet", "RELAY", text_start=a, text_end=b))
                det.rules.append("RELAY")
                det.confidence = max(det.confidence, 0.9)
                if det.cue is None:
                    det.cue = (j, a) if j < a else (a, b)


def _quoted_tokens(doc: Doc, text: str, start: int, end: int) -> set[int]:
    """Tokens of the sentence that stand inside quotation marks (cues there are quoted words,
    not attribution)."""
    base = doc[start].idx
    ranges, _, _ = quotes.scan(text[base:doc[end - 1].idx + len(doc[end - 1].text)])
    if not ranges:
        return set()
    inside = set()
    k = 0
    for i in range(start, end):  # tokens and ranges both run in text order
        offset = doc[i].idx - base
        while k < len(ranges) and ranges[k][1] <= offset:
            k += 1
        if k == len(ranges):
            break
        if ranges[k][0] <= offset:
            inside.add(i)
    return inside


def _span_text(tokens, start: int, end: int) -> str:
    return "".join(t.text_with_ws for t in tokens[start:end - 1]) + tokens[end - 1].text


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def _longest(matches):
    """Greedy longest-first, non-overlapping matches, in text order."""
    if len(matches) < 2:
        return list(matches)
    chosen = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda x: (-(x[2] - x[1]), x[1])):
        if not any(i in taken for i in range(match[1], match[2])):
            chosen.append(match)
            taken.update(range(match[1], match[2]))
    return sorted(chosen, key=lambda x: x[1])
