"""The checker: read → language → segment → detect → resolve, one Analysis per article.

:class:`Checker` keeps one spaCy pipeline and one rule engine per language, built on first
use; :meth:`Checker.analyze_many` streams texts through ``nlp.pipe``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .detect.rules import Detection, Found, RuleEngine
from .language import resolve_language
from .read import Document, document_from_text
from .resolve import Resolver, attribute_quotes
from .rulepack import load_rulepack
from .segment import make_pipeline, sentence_spans
from .types import Analysis, Sentence, Source

SKIP_RULES = {"headline": "SEG-HEADLINE", "dateline": "SEG-DATELINE", "credit": "SEG-CREDIT",
              "boilerplate": "SEG-BOILERPLATE", "list": "SEG-LIST"}
NO_CUE_CONFIDENCE = 0.85
CUE_NO_SOURCE_CONFIDENCE = 0.6


class Checker:
    """Analyses articles in English and Indonesian with the rules under ``rules/``."""

    def __init__(self):
        self._engines: dict[str, tuple] = {}

    def _engine(self, lang: str):
        if lang not in self._engines:
            nlp = make_pipeline(lang)
            pack = load_rulepack(lang)
            self._engines[lang] = (nlp, pack, RuleEngine(nlp, pack))
        return self._engines[lang]

    def analyze(self, text: str, lang: str | None = None) -> Analysis:
        """Analyse one article given as plain text."""
        return next(self.analyze_documents([document_from_text(text)], lang))

    def analyze_many(self, texts: Iterable[str], lang: str | None = None,
                     batch_size: int = 64) -> Iterator[Analysis]:
        """Analyse many plain texts, streaming, in order."""
        return self.analyze_documents((document_from_text(t) for t in texts), lang, batch_size)

    def analyze_documents(self, documents: Iterable[Document], lang: str | None = None,
                          batch_size: int = 64) -> Iterator[Analysis]:
        """Analyse read documents in order; each language's batch goes through ``nlp.pipe``."""
        iterator = iter(documents)
        while True:
            batch = list(islice(iterator, batch_size))
            if not batch:
                return
            langs = [d.lang or (resolve_language(d.text, lang) if d.text.strip() else None) for d in batch]
            results: dict[int, Analysis] = {
                i: Analysis(text=d.original, lang=lang if lang not in (None, "auto") else "und",
                            sentences=[], path=d.path, warnings=list(d.warnings))
                for i, (d, code) in enumerate(zip(batch, langs)) if code is None}
            for code in sorted({c for c in langs if c}):
                nlp, pack, engine = self._engine(code)
                members = [i for i, l in enumerate(langs) if l == code]
                docs = nlp.pipe((batch[i].text for i in members), batch_size=batch_size)
                for i, doc in zip(members, docs):
                    results[i] = self._analyse_doc(batch[i], doc, code, pack, engine)
            for i in range(len(batch)):
                yield results[i]

    def _analyse_doc(self, document: Document, doc, lang: str, pack, engine: RuleEngine) -> Analysis:
        spans = sentence_spans(doc, pack, document.text)
        detections = engine.detect(doc, spans, document.text)
        refers = Resolver(doc, document.text).resolve(detections)
        quoted = attribute_quotes(document.text, detections)
        sentences = [self._sentence(document, doc, det, refers, quoted.get(k))
                     for k, det in enumerate(detections)]
        return Analysis(text=document.original, lang=lang, sentences=sentences, path=document.path,
                        warnings=list(document.warnings))

    def _sentence(self, document: Document, doc, det: Detection, refers: dict[int, str],
                  quote_rule: str | None) -> Sentence:
        span = det.span
        start, end = document.original_span(span.start, span.end)
        line, col = document.line_col(start)
        sentence = Sentence(start=start, end=end, text=document.original[start:end], kind=span.kind,
                            line=line, col=col)
        if span.kind != "prose":
            sentence.label = "skip"
            sentence.rules = [SKIP_RULES.get(span.kind, "SEG-SKIP")]
            sentence.confidence = 0.9
            return sentence
        sentence.sources = [self._source(document, doc, f, refers) for f in det.sources]
        vague = [self._source(document, doc, f, refers) for f in det.hedges]
        sentence.rules = list(det.rules)
        if det.cue is not None:
            cs, ce = document.original_span(doc[det.cue[0]].idx, _end(doc, det.cue[1] - 1))
            sentence.cue = document.original[cs:ce]
        if sentence.sources:
            sentence.label = "attributed"
            sentence.confidence = det.confidence
        elif quote_rule:
            sentence.label = "attributed"
            sentence.rules.append(quote_rule)
            sentence.confidence = 0.9 if quote_rule == "QUOTE-RUN" else 0.7
        else:
            sentence.label = "unattributed"
            sentence.confidence = CUE_NO_SOURCE_CONFIDENCE if det.cue_without_source else NO_CUE_CONFIDENCE
            if not sentence.rules:
                sentence.rules = ["NO-CUE"]
        sentence.sources.extend(vague)
        return sentence

    @staticmethod
    def _source(document: Document, doc, f: Found, refers: dict[int, str]) -> Source:
        a = f.text_start if f.text_start is not None else f.start
        b = f.text_end if f.text_end is not None else f.end
        start, end = document.original_span(doc[a].idx, _end(doc, b - 1))
        return Source(text=document.original[start:end], type=f.type, start=start, end=end,
                      via=list(f.via), refers_to=refers.get(id(f)))


def _end(doc, i: int) -> int:
    return doc[i].idx + len(doc[i].text)


_DEFAULT: Checker | None = None


def default_checker() -> Checker:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Checker()
    return _DEFAULT
