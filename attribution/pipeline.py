"""The checker: read → language → segment → detect → resolve → classify, one Analysis per article.

:class:`Checker` keeps one spaCy pipeline, one rule engine and (unless ``mode="rules"``) one
classifier per language, built on first use; :meth:`Checker.analyze_many` streams texts
through ``nlp.pipe``. How rules and classifier decide together is in ``detect/combine.py``.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from .detect.combine import MODES, RuleReading, apply_model
from .detect.model_io import ModelError, load_model
from .detect.parsed import add_parsed_speakers, make_backend
from .detect.rules import Detection, Found, RuleEngine
from .language import resolve_language
from .read import Document, document_from_text
from .resolve import Resolver, attribute_quotes, quote_states
from .rulepack import load_rulepack
from .segment import make_pipeline, release, sentence_spans
from .types import Analysis, Sentence, Source

SKIP_RULES = {"headline": "SEG-HEADLINE", "dateline": "SEG-DATELINE", "credit": "SEG-CREDIT",
              "boilerplate": "SEG-BOILERPLATE", "list": "SEG-LIST"}
NO_CUE_CONFIDENCE = 0.85
CUE_NO_SOURCE_CONFIDENCE = 0.6


SHIPPED_MODELS = Path(__file__).resolve().parent / "models"


class Checker:
    """Analyses articles in English and Indonesian with the rules under ``rules/`` and the
    classifier trained beside them.

    ``mode`` is ``combined`` (default), ``rules`` or ``model``; ``models`` is a folder holding
    one trained model per language (``<folder>/<lang>/``), by default the one shipped in the
    package. In ``combined`` mode a language without a model falls back to the rules, and
    :attr:`notices` says so.
    """

    def __init__(self, mode: str = "combined", models: str | Path | None = None, threshold: float = 0.5,
                 backend: str | None = None):
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        self.mode = mode
        self.backend = backend
        self.models = Path(models) if models else SHIPPED_MODELS
        self.threshold = threshold
        self.notices: list[str] = []
        self._engines: dict[str, tuple] = {}

    def _engine(self, lang: str):
        if lang not in self._engines:
            nlp = make_pipeline(lang)
            pack = load_rulepack(lang)
            self._engines[lang] = (nlp, pack, RuleEngine(nlp, pack), self._model(lang), self._parser(lang))
        return self._engines[lang]

    def classifier_for(self, lang: str) -> Path | None:
        """The model folder deciding ``lang`` beside the rules (None: the rules alone)."""
        model = self._engine(lang)[3]
        return self.models / lang if model is not None else None

    def _parser(self, lang: str):
        if not self.backend:
            return None
        parser = make_backend(self.backend, lang)
        parser_lang = getattr(getattr(parser, "nlp", None), "lang", lang)
        if isinstance(parser_lang, str) and parser_lang != lang:
            self.notices.append(f"backend {self.backend} reads '{parser_lang}', not '{lang}'; "
                                f"'{lang}' articles use rules and classifier only")
            return None
        return parser

    def _model(self, lang: str):
        if self.mode == "rules":
            return None
        folder = self.models / lang
        if not folder.exists() and self.mode == "combined" and self.models == SHIPPED_MODELS:
            self.notices.append(f"no trained model for '{lang}' in {folder}; using the rules alone")
            return None
        try:
            return load_model(folder, lang)[0]
        except ModelError as err:
            raise ModelError(f"{err} (check --model, or use --mode rules)") from None

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
            with _collector_paused():
                for code in sorted({c for c in langs if c}):
                    results.update(self._analyse_batch(code, batch, langs, batch_size))
            for i in range(len(batch)):
                yield results[i]

    def _analyse_batch(self, code: str, batch: list[Document], langs: list, batch_size: int) -> dict[int, Analysis]:
        nlp, pack, engine, model, parser = self._engine(code)
        members = [i for i, l in enumerate(langs) if l == code]
        docs = nlp.pipe((batch[i].text for i in members), batch_size=batch_size)
        readings = [RuleReading(batch[i], doc, *self._rule_stage(batch[i], doc, pack, engine))
                    for i, doc in zip(members, docs)]
        if parser is not None:
            add_parsed_speakers(parser, readings, engine, pack)
        if model is not None:
            apply_model(model, self.mode, readings, pack, engine, self.threshold)
        results = {}
        for i, r in zip(members, readings):
            release(r.doc)
            results[i] = Analysis(text=r.document.original, lang=code, sentences=r.sentences,
                                  path=r.document.path, warnings=list(r.document.warnings))
        return results

    def rule_view(self, text: str, lang: str):
        """The rules' reading of one text with what the classifier learns from:
        ``(document, doc, sentences, detections, quote states)``."""
        document = document_from_text(text)
        nlp, pack, engine, _, _ = self._engine(lang)
        doc = nlp(document.text)
        return (document, doc, *self._rule_stage(document, doc, pack, engine))

    def _rule_stage(self, document: Document, doc, pack, engine: RuleEngine):
        spans = sentence_spans(doc, pack, document.text)
        detections = engine.detect(doc, spans, document.text)
        refers = Resolver(doc, document.text).resolve(detections)
        states = quote_states(document.text, detections)
        quoted = attribute_quotes(document.text, detections, states)
        sentences = [self._sentence(document, doc, det, refers, quoted.get(k))
                     for k, det in enumerate(detections)]
        return sentences, detections, states

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


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while a batch is analysed.

    A batch allocates hundreds of thousands of small objects that reference counting frees
    (none of them form cycles), and each allocation burst would otherwise trigger full scans
    of everything the caller holds; this triples the speed on long runs. Collection resumes
    before results are handed back, so the caller's own code never runs with it paused."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _end(doc, i: int) -> int:
    return doc[i].idx + len(doc[i].text)


_DEFAULT: Checker | None = None


def default_checker() -> Checker:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Checker()
    return _DEFAULT
