"""Segment: spaCy blank pipelines plus boundary repair for real news copy.

The tokenizer is taught to split glued sentences (``tersebutDalam``, ``lanjut.AS``,
``CNN.Hussein``, ``Irak.”Menurut``); the ``attribution_segmenter`` component then sets sentence
starts, keeping abbreviations, initials, numbers and CamelCase names whole, and splitting off
datelines and credit tags. :func:`sentence_spans` reads the result with each span's kind
(prose, headline, dateline, credit, boilerplate).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import add, contains, itemgetter, not_
from typing import NamedTuple

import numpy
import spacy
from spacy.attrs import IDX, IS_PUNCT, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .rulepack import RulePack, load_rulepack

TERMINALS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??", "..", "...."}
TERMINAL_ENDS = (".", "!", "?", "…")  # every terminal, and every abbreviation that may end one, ends so
CLOSERS = {"”", "’", '"', "'", "''", ")", "]", "»", "›"}
DASHES = {"―", "—", "–"}
OPENERS = {"“", '"', "‘", "'", "(", "[", "«", "-", "–", "—", "•"}
PROSE_END = re.compile(r"""(?:[.!?:;…"”’)»\]]|'')\s*$""")  # '' closes quotes in some archives
QUOTE_CREDIT = re.compile(r"""(?:[”"»]|'')\s*[―—–]\s*\w[^.!?]{0,60}$""")  # “…” ― Jane Doe
BULLET = re.compile(r"^\s*(?:[•▪●◦·*>\-–—]|â€¢|â\x80¢|\d{1,2}[.)])\s+")
_EMPTY = re.compile("")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
EXTRA_INFIXES = [
    r"(?<=[A-Z]{2})\.(?=[A-Z][a-z])",        # CNN.Hussein
    r"(?<=[0-9])\.(?=[A-Z][a-z])",           # 2021.Hussein
    r"(?<=[a-z0-9%])[!?](?=[A-Z][a-z])",     # lanjut?Dia
    r"(?<=[.!?,])[”\"’](?=[A-Z])",           # Irak.”Menurut
    r"(?<=[”\"’)\]])[.!?](?=[A-Z])",         # ”.Menurut
    r"(?<=[\w”\"’])[.!?](?=\[)",              # Washington.[IT/r]
    r"\[(?=[A-Za-z]{1,6}/)",                   # the credit tag itself
]
EXTRA_AFFIXES = ["”", "“", "’", "‘", "«", "»"]


TOKENS_KEY, STARTS_KEY = "attribution.tokens", "attribution.starts"


class Tok(NamedTuple):
    """A light, read-only stand-in for a spaCy ``Token`` with the attributes the later stages
    read, made for a whole Doc at once from its arrays (a Doc makes a new Token object on
    every index or iteration step, which would dominate a rule engine's time)."""

    i: int
    text: str
    lower_: str
    idx: int
    whitespace_: str
    is_space: bool
    is_punct: bool
    is_alpha: bool
    is_upper: bool

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_


_TEXT, _IDX, _WHITESPACE = itemgetter(1), itemgetter(3), itemgetter(4)  # fields of a Tok


def make_tokens(doc: Doc) -> list[Tok]:
    """:class:`Tok` objects for every token of a Doc, from its arrays in one pass."""
    columns = doc.to_array([ORTH, SPACY, IS_PUNCT, IDX]).T
    texts = list(map(doc.vocab.strings.__getitem__, columns[0].tolist()))
    fields = zip(range(len(texts)), texts, map(str.lower, texts), columns[3].tolist(),
                 [" " if space else "" for space in columns[1].tolist()], map(str.isspace, texts),
                 (columns[2] == 1).tolist(), map(str.isalpha, texts), map(str.isupper, texts))
    return list(map(tuple.__new__, repeat(Tok), fields))


def token_list(doc: Doc) -> list[Tok]:
    """The Doc's tokens as light :class:`Tok` objects, made once by the segmenter."""
    tokens = doc.user_data.get(TOKENS_KEY)
    if tokens is None:
        tokens = doc.user_data[TOKENS_KEY] = make_tokens(doc)
    return tokens


def release(doc: Doc) -> None:
    """Drop what the stages cached on the Doc."""
    doc.user_data.pop(TOKENS_KEY, None)
    doc.user_data.pop(STARTS_KEY, None)


@dataclass(frozen=True)
class Span:
    """A sentence-sized piece of the analysed text and what kind of line it is."""

    start: int
    end: int
    kind: str
    first_token: int
    last_token: int


def _camel_finditer(base, pack: RulePack):
    keep = pack.camelcase_keep
    keep_prefixes = pack.camelcase_keep_prefixes
    glued = None
    if pack.glued_before_outlets:
        glued = re.compile("^(?:%s)(?=(?:%s)[A-Za-z])" % (
            "|".join(map(re.escape, pack.glued_before_outlets)),
            "|".join(re.escape(p) for p in keep_prefixes if len(p) > 2)))

    def finditer(string: str):
        matches = list(base.finditer(string))
        if glued is not None:
            m = glued.match(string)
            if m:
                matches.append(_EMPTY.match(string, m.end()))
                matches.sort(key=lambda x: (x.start(), x.end()))
                return matches
        if len(string) > 4 and string[:1].islower() and string not in keep:
            m = _CAMEL.search(string)
            if m and m.start() >= 3 and string[:m.start()].isalpha() and string[:m.start()].islower() \
                    and string[:m.start()].lower() not in keep_prefixes:
                matches.append(_EMPTY.match(string, m.start()))
                matches.sort(key=lambda x: (x.start(), x.end()))
        return matches
    return finditer


class Segmenter:
    """Pipeline component: set ``is_sent_start`` on every token of a Doc."""

    def __init__(self, pack: RulePack):
        self.pack = pack
        self.abbreviations = pack.abbreviations
        self.may_end = pack.may_end
        self.starters = pack.sentence_starters

    def forced_starts(self, text: str) -> tuple[set[int], list[tuple[int, int]]]:
        """Character offsets that must start a sentence, and line ranges kept whole."""
        forced: set[int] = set()
        whole: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            stripped = len(line) - len(line.lstrip())
            if stripped < len(line):
                forced.add(pos + stripped)
                if self.pack.any_boilerplate.search(line) or BULLET.match(line):
                    whole.append((pos, end))
                else:
                    m = self.pack.any_dateline.match(line, stripped)
                    if m and m.end() < len(line.rstrip()):
                        forced.add(pos + m.end())
                    for m in self.pack.any_credit_tag.finditer(line):
                        forced.add(pos + m.start())
                        forced.add(pos + m.end())
            pos = end + 1
        return forced, whole

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        starts = [False] * n
        tokens = token_list(doc)
        texts = list(map(_TEXT, tokens))
        offsets = list(map(_IDX, tokens))
        spaces = list(map(_WHITESPACE, tokens))
        forced, whole = self.forced_starts("".join(map(add, texts, spaces)))
        # each pass looks only at the few tokens that can start a sentence its way, picked out
        # with C-level filters (a Python loop over every token would cost more than the rest)
        for i in [-1, *compress(count(), map(contains, texts, repeat("\n")))]:
            j = i + 1  # the first word of the text and of every line
            while j < n and tokens[j].is_space:
                j += 1
            if j < n:
                starts[j] = True
        for offset in forced:
            j = bisect_left(offsets, offset)
            if j < n and offsets[j] == offset and not tokens[j].is_space:
                starts[j] = True
        for i in compress(count(1), map(not_, spaces[:-1])):
            if self._glued(texts[i - 1], texts[i]):
                starts[i] = True
        may_end = self.may_end
        for i in compress(count(), map(str.endswith, texts, repeat(TERMINAL_ENDS))):
            text = texts[i]
            if text in TERMINALS or (len(text) > 1 and text[-1] == "." and text[:-1] in may_end):
                nxt = self._after_terminal(tokens, i)
                if nxt is not None and self._ends_sentence(tokens, i, nxt):
                    starts[nxt] = True
        if whole:
            for start, end in whole:
                j = bisect_left(offsets, start)
                first = True
                while j < n and offsets[j] < end:
                    if not tokens[j].is_space:
                        starts[j] = first
                        first = False
                    j += 1
        starts[0] = True
        doc.user_data[STARTS_KEY] = starts  # read by sentence_spans
        values = numpy.where(numpy.array(starts), 1, -1).astype(numpy.int64).view(numpy.uint64)
        doc.from_array([SENT_START], values.reshape(-1, 1))
        return doc

    @staticmethod
    def _glued(prev: str, text: str) -> bool:
        return (len(prev) >= 3 and prev.isalpha() and prev.islower() and text[:1].isupper()
                and text[1:2].islower())

    @staticmethod
    def _after_terminal(doc: list, i: int) -> int | None:
        j = i + 1
        n = len(doc)
        while j < n and (doc[j].text in CLOSERS or doc[j].text in TERMINALS) and not doc[j - 1].whitespace_:
            j += 1
        while j < n and doc[j].is_space:
            j += 1
        return j if j < n else None

    def _ends_sentence(self, doc: list, i: int, nxt: int) -> bool:
        tok = doc[i]
        following = doc[nxt].text
        first = following[:1]
        if following in DASHES and doc[nxt - 1].text in CLOSERS:
            return False  # a dash after a closing quote credits it: “…” — Siti Aminah
        if not (first.isupper() or first.isdigit() or first in OPENERS):
            # a sentence started in lower case by mistake: "... kejadian. wali Kota ..."
            prev = doc[i - 1].text if i > 0 else ""
            return (tok.text == "." and first.isalpha() and len(prev) >= 4 and prev.isalpha()
                    and prev.islower() and prev not in self.abbreviations and len(following) >= 3)
        if tok.text.endswith(".") and len(tok.text) > 1:  # an abbreviation token such as "U.S."
            return following in self.starters
        if tok.text == "." and i > 0 and not doc[i - 1].whitespace_:
            prev = doc[i - 1].text
            if len(prev) == 1 and prev.isalpha() and prev.isupper():
                return False  # an initial: "M. Hery"
            if prev in self.abbreviations:
                return False
            if prev in self.may_end or prev.rstrip(".") in self.may_end:
                return following in self.starters
            if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", prev):
                return following in self.starters  # "U.S" split from its final period
        return True


@Language.factory("attribution_segmenter", default_config={"lang_rules": ""})
def make_segmenter(nlp: Language, name: str, lang_rules: str):
    return Segmenter(load_rulepack(lang_rules or nlp.lang))


HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def split_exceptions(exceptions: dict) -> tuple[frozenset[str], dict]:
    """A language's tokenizer exceptions as (hyphenated words kept whole, other special cases).

    Indonesian lists some 15,000 hyphenated words (``anak-anak``, ``kubu-kubuan``) whose only
    effect is to stay one token; as spaCy special cases they take over a second to load. Kept as
    a set checked by the tokenizer's ``token_match``, they tokenize the same and load at once.
    """
    words, rules = set(), {}
    for text, pieces in exceptions.items():
        if len(pieces) == 1 and list(pieces[0].values()) == [text] and HYPHENATED.fullmatch(text):
            words.add(text)
        else:
            rules[text] = pieces
    return frozenset(words), rules


def _token_match(words: frozenset[str], language_match):
    if not words:
        return language_match
    if language_match is None:
        return words.__contains__
    return lambda string: string in words or language_match(string) is not None


@registry.tokenizers("attribution.tokenizer.v1")
def create_tokenizer():
    """The repaired tokenizer, built once per pipeline (spaCy's default one is never made)."""

    def build(nlp: Language) -> Tokenizer:
        pack = load_rulepack(nlp.lang)
        defaults = nlp.Defaults
        hyphenated, rules = split_exceptions(defaults.tokenizer_exceptions)
        return Tokenizer(nlp.vocab, rules=rules,
                         prefix_search=compile_prefix_regex(list(defaults.prefixes) + EXTRA_AFFIXES).search,
                         suffix_search=compile_suffix_regex(list(defaults.suffixes) + EXTRA_AFFIXES).search,
                         infix_finditer=_camel_finditer(
                             compile_infix_regex(list(defaults.infixes) + EXTRA_INFIXES), pack),
                         token_match=_token_match(hyphenated, defaults.token_match),
                         url_match=defaults.url_match)

    return build


@lru_cache(maxsize=None)
def make_pipeline(lang: str) -> Language:
    """A blank spaCy pipeline for ``lang`` with the repaired tokenizer and the segmenter."""
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "attribution.tokenizer.v1"}}})
    nlp.add_pipe("attribution_segmenter", config={"lang_rules": lang})
    return nlp


def sentence_spans(doc: Doc, pack: RulePack, text: str | None = None) -> list[Span]:
    """The sentences of a segmented Doc, trimmed of whitespace, each with its kind
    (``text`` is the Doc's text when the caller has it already)."""
    text = doc.text if text is None else text
    tokens = token_list(doc)
    starts = doc.user_data.get(STARTS_KEY) or [bool(t.is_sent_start) for t in tokens]
    spans: list[Span] = []
    first = last = None
    for i, tok in enumerate(tokens):
        if starts[i] and first is not None:
            spans.append(_span(tokens, first, last))
            first = last = None
        if not tok.is_space:
            if first is None:
                first = i
            last = i
    if first is not None:
        spans.append(_span(tokens, first, last))
    return [Span(s.start, s.end, _kind(text, s, pack), s.first_token, s.last_token) for s in spans]


def _span(tokens, first: int, last: int) -> Span:
    return Span(tokens[first].idx, tokens[last].idx + len(tokens[last].text), "prose", first, last)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, (len(text) if line_end == -1 else line_end)


def _kind(text: str, span: Span, pack: RulePack) -> str:
    piece = text[span.start:span.end]
    line_start, line_end = _line_bounds(text, span.start, span.end)
    line = text[line_start:line_end]
    if pack.any_credit_tag.fullmatch(piece):
        return "credit"
    at_line_start = text[line_start:span.start].strip() == ""
    if at_line_start and pack.any_boilerplate.search(line):
        return "boilerplate"
    whole_line = at_line_start and text[span.end:line_end].strip() == ""
    if at_line_start and not whole_line:
        m = pack.any_dateline.match(line, len(line) - len(line.lstrip()))
        if m and line_start + len(m.group(0).rstrip()) == span.end:
            return "dateline"
    if whole_line and not PROSE_END.search(piece) and not QUOTE_CREDIT.search(piece):
        return "list" if BULLET.match(line) else "headline"
    return "prose"
