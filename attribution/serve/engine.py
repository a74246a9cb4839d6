"""The server's one checker: built once at start-up, warmed up for every language, and used by
one request at a time (analysis is CPU-bound and the checker is not made for concurrent use)."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ..lint import lint_analysis
from ..read import Document, document_from_text
from ..rulepack import LANGUAGES
from ..types import Analysis

if TYPE_CHECKING:
    from ..pipeline import Checker

# a short article per language, so that building the pipeline, rules, classifier, scoring and
# lint rules happens at start-up and not on the first request
WARM_UP = {
    "en": "Prices rose again in March, the finance minister said. Markets were closed on Friday.",
    "id": "Harga naik lagi pada bulan Maret, kata menteri keuangan. Pasar tutup pada hari Jumat.",
}


class Engine:
    """A :class:`~attribution.pipeline.Checker` behind a lock."""

    def __init__(self, checker: Checker):
        self.checker = checker
        self.lock = threading.Lock()
        self.ready: list[str] = []

    def warm_up(self) -> None:
        """Analyse and lint a short article in each language."""
        for lang in LANGUAGES:
            document = document_from_text(WARM_UP.get(lang, WARM_UP["en"]))
            document.lang = lang
            lint_analysis(self.analyze(document), "-")
            if lang not in self.ready:
                self.ready.append(lang)

    def analyze(self, document: Document) -> Analysis:
        """Analyse one read document whose language is set."""
        with self.lock:
            return next(self.checker.analyze_documents([document]))

    def health(self) -> dict:
        """The languages ready to analyse, the classifier each uses, the decision mode."""
        checker = self.checker
        models = {}
        for lang in LANGUAGES:
            ready = lang in self.ready
            folder = checker.classifier_for(lang) if ready else None
            models[lang] = {"loaded": ready, "classifier": str(folder) if folder else None}
        return {"mode": checker.mode, "backend": checker.backend, "models": models,
                "notices": list(checker.notices)}
