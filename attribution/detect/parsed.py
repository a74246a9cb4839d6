"""Optional parsed backends: speakers from a dependency parse (spaCy trained pipeline, stanza).

Without downloaded models the checker runs on rules and the classifier alone. When a trained
spaCy pipeline (``--backend spacy:en_core_web_sm``) or stanza with downloaded models
(``--backend stanza``) is installed, sentences the rules left without a source are parsed and
the speaker is read off the tree: the subject of a reporting verb ("Officials *said*", "Polisi
*menegaskan*"), or the nominal of "according to X" / "menurut X". Both parsers are adapted to
one small structure (:class:`Word`), so the speaker rules are written once.
"""
from __future__ import annotations

from dataclasses import dataclass

SUBJECTS = {"nsubj", "nsubj:outer", "csubj"}
OBJECTS_OF_PREPOSITION = {"pobj"}


class BackendError(Exception):
    """A parsed backend that cannot be used here (message says how to install it)."""


@dataclass(frozen=True)
class Word:
    """One word of a parsed sentence: character offsets into the sentence, head index (-1 for
    the root) and dependency relation."""

    text: str
    start: int
    end: int
    head: int
    deprel: str
    lemma: str = ""


def _children(words: list[Word], i: int) -> list[int]:
    return [j for j, w in enumerate(words) if w.head == i]


def _subtree(words: list[Word], i: int, skip: set[int] = frozenset()) -> tuple[int, int]:
    todo, seen = [i], set()
    while todo:
        j = todo.pop()
        if j in seen or j in skip:
            continue
        seen.add(j)
        todo += _children(words, j)
    return min(words[j].start for j in seen), max(words[j].end for j in seen)


def find_speakers(words: list[Word], verbs: set[str], according: set[str]) -> list[tuple[int, int, str]]:
    """Speaker spans ``(start, end, rule)`` in sentence offsets.

    ``verbs`` are reporting verbs (forms or lemmas, lower case); ``according`` the first words
    of "according to" / "menurut"."""
    found = []
    for i, w in enumerate(words):
        lower = w.text.lower()
        if lower in verbs or w.lemma.lower() in verbs:
            for j in _children(words, i):
                if words[j].deprel in SUBJECTS:
                    found.append((*_subtree(words, j), "PARSE-SUBJECT"))
        elif lower in according:
            if w.deprel in ("case", "mark") and w.head >= 0:
                # UD: "menurut"/"according" hangs on the nominal it introduces
                marker = {i} | {j for j in _children(words, w.head) if words[j].deprel in ("case", "fixed")}
                marker |= {j for j in _children(words, i) if words[j].deprel == "fixed"}
                found.append((*_subtree(words, w.head, marker), "PARSE-ACCORDING"))
            else:
                # spaCy English: according -prep-> to -pobj-> X
                for j in _children(words, i):
                    for k in [j, *_children(words, j)]:
                        if words[k].deprel in OBJECTS_OF_PREPOSITION:
                            found.append((*_subtree(words, k), "PARSE-ACCORDING"))
    return found


def words_from_spacy(span) -> list[Word]:
    """Adapter: a parsed spaCy ``Doc`` or ``Span``."""
    base, first = span[0].idx, span[0].i
    last = first + len(span)
    return [Word(t.text, t.idx - base, t.idx - base + len(t.text),
                 -1 if t.head.i == t.i or not first <= t.head.i < last else t.head.i - first,
                 t.dep_, t.lemma_) for t in span]


def words_from_stanza(sentence, offset: int = 0) -> list[Word]:
    """Adapter: one stanza ``Sentence`` (words with 1-based heads, 0 for the root)."""
    out = []
    for w in sentence.words:
        start = w.start_char if w.start_char is not None else (w.parent.start_char if w.parent else 0)
        end = w.end_char if w.end_char is not None else (w.parent.end_char if w.parent else start)
        out.append(Word(w.text, (start or 0) - offset, (end or 0) - offset, w.head - 1, w.deprel or "",
                        w.lemma or ""))
    return out


class SpacyBackend:
    """A trained spaCy pipeline with a parser, e.g. ``en_core_web_sm``."""

    def __init__(self, name: str):
        try:
            import spacy
            self.nlp = spacy.load(name, exclude=["ner", "textcat"])
        except OSError:
            raise BackendError(f"spaCy pipeline '{name}' is not installed; install it with "
                               f"'python -m spacy download {name}'") from None
        if "parser" not in self.nlp.pipe_names:
            raise BackendError(f"spaCy pipeline '{name}' has no dependency parser")

    def parse(self, texts: list[str]) -> list[list[list[Word]]]:
        """Per text, its sentences as words (offsets relative to the text)."""
        out = []
        for doc in self.nlp.pipe(texts):
            sentences = []
            for sent in doc.sents:
                words = words_from_spacy(sent)
                shift = sent[0].idx
                sentences.append([Word(w.text, w.start + shift, w.end + shift,
                                       w.head, w.deprel, w.lemma) for w in words])
            out.append(sentences)
        return out


class StanzaBackend:
    """stanza with downloaded models for the language (``stanza.download(lang)``)."""

    def __init__(self, lang: str):
        try:
            import stanza
        except ImportError:
            raise BackendError("stanza is not installed; install the extra with "
                               "\"pip install torch==2.13.0 'attribution[stanza]'\"") from None
        try:
            self.nlp = stanza.Pipeline(lang, processors="tokenize,pos,lemma,depparse",
                                       download_method=None, verbose=False)
        except Exception as err:  # stanza raises several kinds when resources are missing
            raise BackendError(f"stanza has no usable '{lang}' models ({type(err).__name__}); download "
                               f"them with \"python -c 'import stanza; stanza.download(\\\"{lang}\\\")'\"") from None

    def parse(self, texts: list[str]) -> list[list[list[Word]]]:
        return [[words_from_stanza(s) for s in self.nlp(t).sentences] for t in texts]


def make_backend(spec: str, lang: str):
    """``spacy:NAME`` or ``stanza``; :class:`BackendError` when it cannot be used."""
    if spec.startswith("spacy:") and len(spec) > 6:
        return SpacyBackend(spec[6:])
    if spec == "stanza":
        return StanzaBackend(lang)
    raise BackendError(f"unknown backend '{spec}' (use spacy:NAME or stanza)")


def reporting_words(pack) -> tuple[set[str], set[str]]:
    """(reporting verbs, first words of "according to X") from the rule pack's cues."""
    verbs, according = set(), set()
    for cue in pack.cues:
        for w in cue.words:
            if " " in w:
                if cue.source == "after" and cue.family == "relay":
                    according.add(w.split()[0].lower())
            elif cue.source in ("before", "either"):
                verbs.add(w.lower())
            elif cue.source == "after" and cue.family == "relay":
                according.add(w.lower())
    return verbs, according


def add_parsed_speakers(backend, readings, engine, pack) -> None:
    """Give sentences the rules left without a named source the speaker the parse shows."""
    from ..types import Source
    from .phrases import Context

    verbs, according = reporting_words(pack)
    todo = [(r, k) for r in readings for k, s in enumerate(r.sentences)
            if s.label != "skip" and not any(x.type != "vague" for x in s.sources)]
    if not todo:
        return
    texts = [r.document.text[r.detections[k].span.start:r.detections[k].span.end] for r, k in todo]
    for (reading, k), sentences in zip(todo, backend.parse(texts)):
        span = reading.detections[k].span
        for words in sentences:
            for start, end, rule in find_speakers(words, verbs, according):
                chars = reading.doc.char_span(span.start + start, span.start + end, alignment_mode="expand")
                if chars is None or len(chars) == 0:
                    continue
                ctx = Context(span.first_token, span.last_token + 1, set(), {}, [])
                phrase = engine.finder.classify(reading.doc, chars.start, chars.end, ctx)
                kind = phrase.type if phrase is not None else "person"
                a, b = reading.document.original_span(chars.start_char, chars.end_char)
                s = reading.sentences[k]
                s.sources.insert(0, Source(text=reading.document.original[a:b], type=kind, start=a, end=b))
                s.label = "attributed"
                s.rules.append(rule)
                s.confidence = max(s.confidence, 0.85)
