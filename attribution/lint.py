"""Pre-publish lint: findings with stable codes, severities and exact spans.

The rules are data (``rules/lint.yaml``: code, name, severity, why, example, fix); the logic of
each code is one function registered in :data:`CHECKS`. Findings point at ``path:line:col`` in
the original file.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .detect import quotes
from .read.offsets import LineIndex
from .rulepack import RuleError, load_rulepack, rules_dir
from .score import Scorecard, score_article
from .types import Analysis, Sentence

SEVERITIES = ("info", "warning", "error")
SCHEMA = "attribution.lint/1.0"
DEFAULT_MIN_SCORE = 60.0


@dataclass(frozen=True)
class LintRule:
    code: str
    name: str
    severity: str
    summary: str
    why: str
    example: str
    fix: str


@dataclass
class Finding:
    path: str
    line: int
    col: int
    start: int
    end: int
    code: str
    severity: str
    message: str

    def to_dict(self) -> dict:
        return asdict(self)

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} [{self.severity}] {self.message}"


@lru_cache(maxsize=None)
def load_lint_rules(path: str | None = None) -> dict[str, LintRule]:
    """The rule set from ``rules/lint.yaml``, by code; :class:`RuleError` if malformed."""
    file = Path(path) if path else rules_dir() / "lint.yaml"
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise RuleError(f"{file}: cannot read lint rules ({err})") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("rules"), list):
        raise RuleError(f"{file}: expected 'version: 1' and a list of 'rules'")
    rules: dict[str, LintRule] = {}
    for i, entry in enumerate(data["rules"]):
        try:
            rule = LintRule(**{k: " ".join(str(entry[k]).split()) for k in LintRule.__dataclass_fields__})
        except (KeyError, TypeError) as err:
            raise RuleError(f"{file}: rules[{i}] needs {', '.join(LintRule.__dataclass_fields__)} ({err})") from None
        if not re.fullmatch(r"ATR\d{3}", rule.code) or rule.code in rules:
            raise RuleError(f"{file}: rules[{i}]: code must be a new ATRnnn, got {rule.code!r}")
        if rule.severity not in SEVERITIES:
            raise RuleError(f"{file}: {rule.code}: severity must be one of {', '.join(SEVERITIES)}")
        if rule.code not in CHECKS:
            raise RuleError(f"{file}: {rule.code}: no check is registered for this code")
        rules[rule.code] = rule
    return rules


# ---- the checks ---------------------------------------------------------------------------
@dataclass
class Context:
    analysis: Analysis
    card: Scorecard
    min_score: float

    @property
    def pack(self):
        return load_rulepack(self.analysis.lang if self.analysis.lang in ("en", "id") else "en")

    @property
    def prose(self) -> list[Sentence]:
        return [s for s in self.analysis.sentences if s.label != "skip"]


@lru_cache(maxsize=None)
def _phrases(words: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)


def _find(sentence: Sentence, words: list[str]) -> tuple[int, int] | None:
    m = _phrases(tuple(words)).search(sentence.text)
    return (sentence.start + m.start(), sentence.start + m.end()) if m else None


def _quoted_share(sentence: Sentence) -> float:
    ranges, _, _ = quotes.scan(sentence.text)
    return sum(b - a for a, b in ranges) / max(1, len(sentence.text))


def check_unattributed_claim(ctx: Context):
    for s in ctx.prose:
        if s.label == "unattributed":
            hit = _find(s, ctx.pack.disputable_claims)
            if hit:
                word = ctx.analysis.text[hit[0]:hit[1]]
                yield hit, f"disputable claim ('{word}') stated with no source"


def check_quote_without_speaker(ctx: Context):
    for s in ctx.prose:
        if s.label == "unattributed" and _quoted_share(s) >= 0.6:
            yield (s.start, s.end), "direct quotation with no identified speaker"


def _anonymous(ctx: Context):
    for s in ctx.prose:
        for src in s.sources:
            if src.type == "anonymous":
                yield s, src


def check_bare_source(ctx: Context):
    bare = {w.lower() for w in ctx.pack.bare_sources}
    for s, src in _anonymous(ctx):
        if src.text.lower().strip() in bare:
            yield (src.start, src.end), f"'{src.text}' says nothing about who the source is"


def check_anonymity_unexplained(ctx: Context):
    reasons = ctx.pack.anonymity_reasons
    for s, src in _anonymous(ctx):
        rest = Sentence(start=src.end, end=s.end, text=ctx.analysis.text[src.end:s.end])
        if not _find(rest, reasons):
            yield (src.start, src.end), f"anonymous source '{src.text}' with no reason for the anonymity"


def check_rote_reason(ctx: Context):
    for s in ctx.prose:
        hit = _find(s, ctx.pack.rote_reasons)
        if hit:
            yield hit, "stock reason for anonymity; say why this source cannot be named"


def check_anonymous_attack(ctx: Context):
    for s, src in _anonymous(ctx):
        hit = _find(s, ctx.pack.opinion_words)
        if hit:
            yield (src.start, src.end), f"anonymous source '{src.text}' gives an opinion ('{ctx.analysis.text[hit[0]:hit[1]]}')"


def check_uncredited_media(ctx: Context):
    for s in ctx.prose:
        hit = _find(s, ctx.pack.other_media)
        credited = any(src.type == "outlet" or src.via for src in s.sources)
        if hit and not credited:
            yield hit, "other media's reporting used without naming the outlet"


def check_hedge_without_source(ctx: Context):
    for s in ctx.prose:
        if s.label == "unattributed":
            for src in s.sources:
                if src.type == "vague":
                    yield (src.start, src.end), f"hedge '{src.text}' passes the claim on with no source"


def check_unsourced_lead(ctx: Context):
    prose = ctx.prose
    if prose and prose[0].label != "attributed":
        yield (prose[0].start, prose[0].end), "the lead (first sentence) is not attributed"


def check_single_source(ctx: Context):
    attributed = [s for s in ctx.prose if s.label == "attributed"]
    if ctx.card.metrics["distinct_sources"] == 1 and len(attributed) >= 3:
        name = ctx.card.sources[0]["name"] if ctx.card.sources else "one source"
        first = attributed[0]
        yield (first.start, first.end), f"the story rests on a single source ({name})"


def check_low_score(ctx: Context):
    if ctx.card.score < ctx.min_score and ctx.prose:
        first = ctx.prose[0]
        yield (first.start, first.end), (f"sourcing score {ctx.card.score:g}/100 ({ctx.card.band}) is under "
                                         f"{ctx.min_score:g}")


CHECKS = {"ATR001": check_unattributed_claim, "ATR002": check_quote_without_speaker,
          "ATR003": check_bare_source, "ATR004": check_anonymity_unexplained, "ATR005": check_rote_reason,
          "ATR006": check_anonymous_attack, "ATR007": check_uncredited_media,
          "ATR008": check_hedge_without_source, "ATR009": check_unsourced_lead,
          "ATR010": check_single_source, "ATR011": check_low_score}


def selected(codes: set[str], select: list[str] | None, ignore: list[str] | None) -> set[str]:
    """Codes kept by ``select`` / ``ignore`` (each a code or a prefix such as ``ATR00``)."""
    keep = {c for c in codes if not select or any(c.startswith(p) for p in select)}
    return {c for c in keep if not ignore or not any(c.startswith(p) for p in ignore)}


def lint_analysis(analysis: Analysis, path: str, select: list[str] | None = None,
                  ignore: list[str] | None = None, min_score: float = DEFAULT_MIN_SCORE,
                  publisher: str | None = None) -> list[Finding]:
    """Every finding of the selected rules in one analysed article, in text order."""
    rules = load_lint_rules()
    ctx = Context(analysis, score_article(analysis, publisher=publisher), min_score)
    lines = LineIndex(analysis.text)
    findings = []
    for code in sorted(selected(set(rules), select, ignore)):
        for (start, end), message in CHECKS[code](ctx):
            line, col = lines.line_col(start)
            findings.append(Finding(path, line, col, start, end, code, rules[code].severity, message))
    findings.sort(key=lambda f: (f.start, f.code))
    return findings


def fails(findings: list[Finding], fail_on: str) -> bool:
    """Whether any finding is at or above the ``fail_on`` severity (``never`` never fails)."""
    if fail_on == "never":
        return False
    floor = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(f.severity) >= floor for f in findings)
