"""Language: tell English from Indonesian copy by the share of each language's function words."""
from __future__ import annotations

import re

from .rulepack import LANGUAGES, load_function_words

_WORD = re.compile(r"[^\W\d_]+", re.U)
MIN_SHARE = 0.04   # below this share of function words, the text is in neither language
MARGIN = 1.5       # and the best language must lead the other by this factor
SAMPLE_CHARS = 20_000


class LanguageError(Exception):
    """The language of a text cannot be told, or is not supported."""


def language_scores(text: str) -> dict[str, float]:
    """Share of the words of ``text`` that are function words of each supported language."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if not words:
        return {lang: 0.0 for lang in LANGUAGES}
    scores = {}
    for lang in LANGUAGES:
        vocab = load_function_words(lang)
        scores[lang] = sum(w in vocab for w in words) / len(words)
    return scores


def detect_language(text: str) -> str:
    """``en`` or ``id``; :class:`LanguageError` when the text is in neither."""
    scores = language_scores(text)
    best = max(scores, key=scores.get)
    runner_up = max((v for k, v in scores.items() if k != best), default=0.0)
    if scores[best] < MIN_SHARE or scores[best] < MARGIN * runner_up:
        shown = ", ".join(f"{lang} {share:.0%}" for lang, share in scores.items())
        raise LanguageError(f"cannot tell the language: too few English or Indonesian words "
                            f"({shown} function words); only en and id are supported, "
                            f"use --lang to force one")
    return best


def resolve_language(text: str, lang: str | None) -> str:
    """The language to analyse ``text`` in: ``lang`` when given (and supported), else detected."""
    if lang in (None, "", "auto"):
        return detect_language(text)
    if lang not in LANGUAGES:
        raise LanguageError(f"unsupported language '{lang}' (supported: {', '.join(LANGUAGES)})")
    return lang
