"""attribution: who says so? A source-attribution checker for English and Indonesian news.

    >>> import attribution
    >>> analysis = attribution.analyze("Harga naik, kata Menteri Keuangan Sri Mulyani.")
    >>> analysis.sentences[0].label
    'attributed'
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .language import LanguageError
from .read import ReadError
from .rulepack import RuleError
from .types import SCHEMA_VERSION, Analysis, Sentence, Source

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_many", "Analysis", "Sentence", "Source", "Checker",
           "LanguageError", "ReadError", "RuleError", "SCHEMA_VERSION"]


def __getattr__(name: str):
    # the pipeline (and spaCy) load on first use, so that commands which need neither,
    # such as ``attribution rules``, start at once
    if name == "Checker":
        from .pipeline import Checker

        return Checker
    raise AttributeError(f"module 'attribution' has no attribute {name!r}")


def default_checker():
    from .pipeline import default_checker

    return default_checker()


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Analyse one article; ``lang`` is ``"en"``, ``"id"`` or None to detect it."""
    return default_checker().analyze(text, lang)


def analyze_many(texts: Iterable[str], lang: str | None = None, batch_size: int = 64) -> Iterator[Analysis]:
    """Analyse many articles, streaming one :class:`Analysis` per text, in order."""
    return default_checker().analyze_many(texts, lang, batch_size)
