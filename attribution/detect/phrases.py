"""Find and type the phrase that names a source, next to a reporting cue.

Works on spaCy tokens of one sentence with the rule pack's lexicons: walks left of the cue
for a subject ("pemerintah AS mengatakan", "Japanese officials said") or right of it for an
inverted or prepositional speaker ("kata Agus", "according to a Reuters report"), then types
the phrase (person, organization, anonymous, outlet) or rejects it as no source at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..rulepack import RulePack

MAX_PHRASE = 14
PUNCT_INSIDE = {"-", "&", "'s", "’s", ".", "'", "’", "/"}
QUOTES = {"“", "”", '"', "‘", "’", "'", "«", "»"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")


@dataclass
class Context:
    """What the phrase finder knows of the sentence it works in."""

    start: int                  # first token of the sentence
    end: int                    # one past its last token
    cue_tokens: set[int]        # tokens that belong to cues (never part of a source phrase)
    anon: dict[int, int]        # anonymity phrases, start -> end, each taken whole
    outlets: list[tuple[int, int]]  # outlet names in the sentence


@dataclass
class Phrase:
    """A candidate source: token range [start, end) with its type and how it refers."""

    start: int
    end: int
    type: str
    ref: str | None = None     # pronoun-person, pronoun-organization, pronoun-group, nya, name
    text_start: int | None = None  # for outlets inside a longer phrase ("a Reuters report")
    text_end: int | None = None


class PhraseFinder:
    """Source phrases around cues, for one language."""

    def __init__(self, pack: RulePack):
        self.pack = pack
        g = pack.grammar
        self.head_first = "first" in g["head"]
        self.np_skip = g["np_skip"]
        self.negators = g["negators"]
        self.boundaries = g["boundaries"]
        self.after_stops = g["after_stops"]
        self.preps = g["np_prepositions"]
        self.time_words = g["time_words"]
        self.relatives = g["relative_words"]
        self.coordinators = g["coordinators"]
        self.passive_aux = g["passive_aux"]
        self.participle_endings = tuple(g["participle_endings"])
        self.participle_cue_endings = tuple(g["participle_cue_endings"])
        self.demonstratives = g["demonstratives"]
        self.outlet_fillers = g["outlet_fillers"]
        self.relay_fillers = g["relay_fillers"] | pack.outlet_nouns
        self.joiners = g["joiners"]
        self.linking_preps = g["linking_prepositions"]
        self.body_pronouns = g["body_pronouns"]
        self.spoke_heads = {w.split()[-1] for w in pack.spokesperson_words}
        self.verb_suffixes = tuple(g["verb_suffixes"])
        self.verb_prefixes = tuple(sorted(g["verb_prefixes"], key=len, reverse=True))
        self.pronoun_kind = {}
        for kind, words in pack.pronouns.items():
            for w in words:
                self.pronoun_kind[w] = kind
        self.lexicon = (pack.person_titles | pack.anonymous_nouns | pack.organization_words
                        | pack.determiners | pack.report_nouns | pack.places)
        self.spokes_text = re.compile("|".join(f" {re.escape(w)} " for w in pack.spokesperson_words)) \
            if pack.spokesperson_words else None

    # ---- token tests -------------------------------------------------------------------------
    def _verb_like(self, lower: str) -> bool:
        if lower in self.lexicon:
            return False
        if self.verb_prefixes and len(lower) >= 6 and lower.startswith(self.verb_prefixes):
            return True
        return bool(self.verb_suffixes) and len(lower) >= 6 and lower.endswith(self.verb_suffixes)

    def _in_phrase(self, tok, cue_tokens: set[int]) -> bool:
        """Can this token be part of a source phrase walked over from the cue?"""
        if tok.i in cue_tokens or tok.is_space:
            return False
        text = tok.text
        if tok.is_punct:
            return text in PUNCT_INSIDE
        lower = tok.lower_
        if lower in self.boundaries and lower not in self.lexicon:
            return False
        if text[:1].islower() and self._verb_like(lower):
            return False
        return True

    def negated(self, doc: Doc, cue_start: int, sent_start: int) -> bool:
        """A denied or passive cue: "did not comment", "tidak menjelaskan", "were asked"."""
        j = cue_start - 1
        passive = bool(self.participle_endings) and doc[cue_start].lower_.endswith(self.participle_endings)
        while j >= sent_start and (doc[j].lower_ in self.np_skip or doc[j].lower_ in self.negators
                                   or doc[j].lower_ in self.passive_aux):
            if doc[j].lower_ in self.negators or (passive and doc[j].lower_ in self.passive_aux):
                return True
            j -= 1
        return False

    # ---- phrase walking ----------------------------------------------------------------------
    def before(self, doc: Doc, cue_start: int, ctx: Context) -> Phrase | None:
        """The subject phrase ending just before the cue (auxiliaries and adverbs skipped)."""
        sent_start, cue_tokens, spans = ctx.start, ctx.cue_tokens, ctx.anon
        j = cue_start - 1
        while j >= sent_start and doc[j].lower_ in self.np_skip and doc[j].lower_ not in self.pronoun_kind:
            j -= 1
        if j < sent_start:
            return None
        # a relative clause between subject and cue: "Two officials, who spoke on condition
        # of anonymity because ..., said"
        if doc[j].text == ",":
            c = next((m for m in range(j - 1, max(sent_start, j - 30) - 1, -1)
                      if doc[m].text == "," and m + 1 < j and doc[m + 1].lower_ in self.relatives), None)
            if c is not None and c > sent_start:
                j = c - 1
        # a parenthetical between subject and cue: "Some analysts, however, disagreed"
        if doc[j].text == ",":
            k = j - 1
            while k >= sent_start and doc[k].text != "," and j - k <= 6:
                k -= 1
            if k >= sent_start and doc[k].text == "," and all(
                    doc[m].lower_ in self.np_skip or doc[m].lower_ in self.boundaries or not doc[m].text[:1].isupper()
                    for m in range(k + 1, j)) and j - k - 1 <= 3:
                j = k - 1
            else:
                return self._apposition_before(doc, j, ctx)
        if doc[j].lower_ in self.coordinators:
            return self.sentence_subject(doc, cue_start, ctx)
        end = j + 1
        k = j
        # fixed multi-word phrases (anonymity) are taken whole
        while k >= sent_start and end - k <= MAX_PHRASE:
            covered = next((s for s, e in spans.items() if s <= k < e and e <= end), None)
            if covered is not None and covered < k:
                k = covered
                continue
            if doc[k].text == ")":  # a bracketed acronym or alias: "Kementerian PANRB (KemenPAN)"
                opening = next((m for m in range(k - 1, max(sent_start, k - 8) - 1, -1) if doc[m].text == "("), None)
                if opening is not None and opening > sent_start:
                    k = opening - 1
                    if doc[k].text == ",":
                        k -= 1
                    continue
            if not self._in_phrase(doc[k], cue_tokens):
                # "Diplomatic sources in Bonn", "A spokesman for the Bundesbank in Frankfurt"
                if not (doc[k].lower_ in self.linking_preps and k > sent_start and self._source_noun(doc[k - 1])):
                    break
            k -= 1
        start = k + 1
        while start < end and (doc[start].is_punct or doc[start].lower_ in self.preps):
            start += 1
        if start >= end:
            return None
        return self.classify(doc, start, end, ctx)

    def _source_noun(self, tok) -> bool:
        lower = tok.lower_
        return (lower in self.pack.anonymous_nouns or lower in self.pack.organization_words
                or lower in self.pack.person_titles or lower in self.spoke_heads)

    def _apposition_before(self, doc, comma: int, ctx: Context) -> Phrase | None:
        """"Gabriel Manek (60), penjual air menuturkan" / "X, a senior analyst, said"."""
        sent_start, cue_tokens = ctx.start, ctx.cue_tokens
        k = comma - 1
        while k >= sent_start and self._in_phrase(doc[k], cue_tokens) and comma - k <= MAX_PHRASE:
            k -= 1
        inner = self.classify(doc, k + 1, comma, ctx) if k + 1 < comma else None
        if inner is not None and k >= sent_start and doc[k].text == ",":
            m = k - 1
            while m > sent_start and doc[m - 1].text not in (",", "(") and k - m < 4:
                m -= 1
            if m >= sent_start and doc[m].lower_ in self.pack.outlet_nouns:
                # "Harian lokal, Redding Record Searchlight, melaporkan"
                return Phrase(inner.start, inner.end, "outlet", text_start=inner.start, text_end=inner.end)
        if k >= sent_start and doc[k].text == ",":
            outer = self.before(doc, k + 1, ctx)
            if outer is not None:
                return outer
        return inner

    def sentence_subject(self, doc, limit: int, ctx: Context) -> Phrase | None:
        """The subject that opens the sentence, for a cue in a coordinated verb phrase."""
        cue_tokens = ctx.cue_tokens
        k = ctx.start
        while k < limit and (doc[k].is_punct or doc[k].lower_ in self.boundaries):
            k += 1
        end = k
        while end < limit and end - k < MAX_PHRASE:
            tok = doc[end]
            lower = tok.lower_
            if lower in self.np_skip or not self._in_phrase(tok, cue_tokens) or tok.text == ",":
                break
            if tok.text[:1].islower() and lower not in self.lexicon and lower not in self.pronoun_kind \
                    and lower not in self.preps:
                break
            end += 1
        return self.classify(doc, k, end, ctx) if end > k else None

    def after(self, doc: Doc, cue_end: int, ctx: Context) -> Phrase | None:
        """The phrase right after the cue: "kata Agus", "according to officials"."""
        sent_end, cue_tokens, spans = ctx.end, ctx.cue_tokens, ctx.anon
        k = cue_end
        if k >= sent_end:
            return None
        if k in spans:
            return self.classify(doc, k, spans[k], ctx)
        end = k
        while end < sent_end and end - k < MAX_PHRASE:
            tok = doc[end]
            lower = tok.lower_
            if end > k and (lower in self.after_stops or lower in self.time_words):
                break
            if tok.text == "," or tok.text == "(":
                # apposition: "kata Manajer Humas KAI, Joni Martinus, melalui telepon"
                nxt = end + 1
                m = nxt
                while m < sent_end and doc[m].text[:1].isupper() and doc[m].lower_ not in self.time_words:
                    m += 1
                if m > nxt and (m >= sent_end or doc[m].is_punct) and m - nxt <= 4 \
                        and self._capitalised(doc, k, end):
                    end = m
                break
            if not self._in_phrase(tok, cue_tokens):
                break
            end += 1
        while end > k and (doc[end - 1].is_punct or doc[end - 1].lower_ in self.preps):
            end -= 1
        if end <= k:
            return None
        return self.classify(doc, k, end, ctx)

    @staticmethod
    def _capitalised(doc, start, end) -> bool:
        return any(doc[i].text[:1].isupper() for i in range(start, end))

    # ---- typing ------------------------------------------------------------------------------
    def classify(self, doc: Doc, start: int, end: int, ctx: Context) -> Phrase | None:
        """Type the phrase doc[start:end], or None when it names no source."""
        toks = [doc[i] for i in range(start, end) if not doc[i].is_space]
        if not toks:
            return None
        lowers = [t.lower_ for t in toks]
        if len(toks) == 1 and lowers[0] in self.pronoun_kind:
            kind = self.pronoun_kind[lowers[0]]
            default = {"person": "person", "organization": "organization"}.get(kind, "anonymous")
            return Phrase(start, end, default, ref=f"pronoun-{kind}")
        outlet = next(((a, b) for a, b in ctx.outlets if start <= a and b <= end), None)
        if outlet is not None:
            o_start, o_end = outlet
            rest = [doc[i].lower_ for i in range(start, end) if not (o_start <= i < o_end)]
            if all(w in self.pack.report_nouns or w in self.pack.determiners or w in PUNCT_INSIDE
                   or w in self.outlet_fillers for w in rest):
                return Phrase(start, end, "outlet", text_start=o_start, text_end=o_end)
        if start in ctx.anon and ctx.anon[start] <= end:
            return Phrase(start, end, "anonymous")
        if lowers[0] in self.pack.outlet_nouns or (len(lowers) > 1 and " ".join(lowers[:2]) in self.pack.outlet_nouns):
            names = [t for t in toks[1:] if t.text[:1].isupper() and t.lower_ not in self.pack.outlet_nouns]
            if names:  # "harian Sacramento Bee"
                return Phrase(start, end, "outlet", text_start=names[0].i, text_end=names[-1].i + 1)
        head = self._head(toks)
        head_lower = head.lower_
        phrase_lower = " ".join(lowers)
        named = [t for t in toks if self._name_like(t, doc)]
        pack = self.pack
        has_title = not pack.person_titles.isdisjoint(lowers)
        spokes = self.spokes_text is not None and self.spokes_text.search(f" {phrase_lower} ") is not None
        has_org = not pack.organization_words.isdisjoint(lowers) or any(
            _ACRONYM.match(t.text) and t.lower_ not in pack.person_titles for t in toks)
        has_place = phrase_lower in pack.places or not pack.places.isdisjoint(lowers)
        if spokes and not self._person_name(toks, doc):
            return Phrase(start, end, "organization", ref="spokesperson")  # speaks for a body
        person_name = self._person_name(toks, doc)
        if head_lower in self.pack.anonymous_nouns and not person_name:
            return Phrase(start, end, "anonymous")
        if head_lower in self.pack.person_titles:
            return Phrase(start, end, "person", ref=None if named else "definite")
        if head_lower in self.pack.organization_words:
            return Phrase(start, end, "organization")
        if has_title and (person_name or not (has_org or has_place)):
            return Phrase(start, end, "person", ref=None if named else "definite")
        if person_name and not (lowers[0] == "the" and not has_title):
            ref = "name" if len(named) == 1 and len(toks) <= 2 else None
            return Phrase(start, end, "person", ref=ref)
        if has_org or has_place or (named and lowers[0] == "the"):
            return Phrase(start, end, "organization")  # "the Federal Reserve", "the Law Lords"
        if named:
            ref = "name" if len(named) == 1 and len(toks) <= 2 else None
            return Phrase(start, end, "person", ref=ref)
        if any(w in self.pack.anonymous_nouns for w in lowers):
            return Phrase(start, end, "anonymous")
        return None

    def _head(self, toks):
        content = [t for t in toks if t.lower_ not in self.pack.determiners and not t.is_punct]
        if not content:
            return toks[-1]
        if self.head_first:
            return content[0]
        for i, t in enumerate(content):
            if t.lower_ in self.preps and i > 0:
                return content[i - 1]
        return content[-1]

    def _name_like(self, tok, doc) -> bool:
        text = tok.text
        if not text[:1].isupper() or tok.is_punct:
            return False
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in self.demonstratives:
            return False  # "Gagasan itu", "Mobil tersebut": a common noun, not a name
        lower = tok.lower_
        if lower in self.lexicon or lower in self.time_words or lower in self.pronoun_kind \
                or lower in self.boundaries:
            return False
        if _ACRONYM.match(text) and len(text) <= 5:
            return False
        return True

    def _person_name(self, toks, doc) -> bool:
        """A personal name: a capitalised word not at the head of an organisation phrase."""
        for i, t in enumerate(toks):  # names after "of"/"for"/"di" belong to a body, not a person
            if i and t.lower_ in self.preps:
                toks = toks[:i]
                break
        names = [t for t in toks if self._name_like(t, doc)]
        if not names:
            return False
        last = toks[-1]
        return self._name_like(last, doc) or (len(toks) >= 2 and self._name_like(toks[-2], doc) and last.is_punct)
