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
from .rulepack import RuleError, load_rulepack, rules_dir, safe_yaml
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
        data = safe_yaml(file.read_text(encoding="utf-8"))
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
                  publisher: str | None = None, severity: dict[str, str] | None = None) -> list[Finding]:
    """Every finding of the selected rules in one analysed article, in text order
    (``severity`` overrides a rule's default severity)."""
    rules = load_lint_rules()
    severity = severity or {}
    ctx = Context(analysis, score_article(analysis, publisher=publisher), min_score)
    lines = LineIndex(analysis.text)
    findings = []
    for code in sorted(selected(set(rules), select, ignore)):
        for (start, end), message in CHECKS[code](ctx):
            line, col = lines.line_col(start)
            findings.append(Finding(path, line, col, start, end, code, severity.get(code, rules[code].severity),
                                    message))
    findings.sort(key=lambda f: (f.start, f.code))
    return apply_suppressions(findings, analysis, path, {c: rules[c] for c in selected(set(rules), select, ignore)})


def fails(findings: list[Finding], fail_on: str) -> bool:
    """Whether any finding is at or above the ``fail_on`` severity (``never`` never fails)."""
    if fail_on == "never":
        return False
    floor = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(f.severity) >= floor for f in findings)


# ---- configuration --------------------------------------------------------------------------
CONFIG_KEYS = {"select", "ignore", "severity", "per-file-ignores", "fail-on", "min-score", "lang", "publisher"}


@dataclass
class LintConfig:
    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, str] | None = None
    per_file_ignores: dict[str, list[str]] | None = None
    fail_on: str = "error"
    min_score: float = DEFAULT_MIN_SCORE
    lang: str = "auto"
    publisher: str | None = None
    source: str | None = None  # the file it came from


def find_config(start: Path) -> Path | None:
    """The nearest ``.attribution.toml``, or ``pyproject.toml`` with ``[tool.attribution]``."""
    for folder in [start, *start.parents]:
        own = folder / ".attribution.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and "[tool.attribution" in project.read_text(encoding="utf-8", errors="replace"):
            return project
    return None


def load_config(path: Path | None) -> LintConfig:
    """Read and validate a lint configuration; :class:`RuleError` with a clear message if bad."""
    import tomllib
    if path is None:
        return LintConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise RuleError(f"{path}: cannot read the configuration ({err})") from None
    table = data.get("tool", {}).get("attribution", {}) if path.name == "pyproject.toml" else data
    where = f"{path}" + (" [tool.attribution]" if path.name == "pyproject.toml" else "")
    unknown = set(table) - CONFIG_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))} "
                        f"(known: {', '.join(sorted(CONFIG_KEYS))})")
    codes = set(CHECKS)

    def code_list(key: str) -> list[str] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
            raise RuleError(f"{where}: '{key}' must be a list of rule codes")
        bad = [c for c in value if not any(code.startswith(c.upper()) for code in codes)]
        if bad:
            raise RuleError(f"{where}: '{key}' names unknown rule(s) {', '.join(bad)}")
        return [c.upper() for c in value]

    severity = table.get("severity", {})
    if not isinstance(severity, dict) or any(c.upper() not in codes or v not in SEVERITIES for c, v in severity.items()):
        raise RuleError(f"{where}: 'severity' maps rule codes to one of {', '.join(SEVERITIES)}")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict) or not all(isinstance(v, list) for v in per_file.values()):
        raise RuleError(f"{where}: 'per-file-ignores' maps glob patterns to lists of rule codes")
    fail_on = table.get("fail-on", "error")
    if fail_on not in (*SEVERITIES, "never"):
        raise RuleError(f"{where}: 'fail-on' must be error, warning, info or never")
    min_score = table.get("min-score", DEFAULT_MIN_SCORE)
    if not isinstance(min_score, (int, float)) or not 0 <= min_score <= 100:
        raise RuleError(f"{where}: 'min-score' must be a number from 0 to 100")
    lang = table.get("lang", "auto")
    if lang not in ("auto", "en", "id"):
        raise RuleError(f"{where}: 'lang' must be auto, en or id")
    return LintConfig(code_list("select"), code_list("ignore"), {c.upper(): v for c, v in severity.items()},
                      {k: [c.upper() for c in v] for k, v in per_file.items()}, fail_on, float(min_score), lang,
                      table.get("publisher"), str(path))


def ignored_for(path: str, config: LintConfig) -> list[str]:
    from fnmatch import fnmatch
    return [c for pattern, found in (config.per_file_ignores or {}).items() if fnmatch(path, pattern) for c in found]


# ---- suppressions and baselines -------------------------------------------------------------
_DIRECTIVE = re.compile(r"<!--\s*attribution:\s*(ignore|disable|enable)\b([^>]*?)-->", re.I)


def check_unused_suppression(ctx: Context):
    return iter(())  # reported by apply_suppressions, which knows which comments were used


CHECKS["ATR100"] = check_unused_suppression


def apply_suppressions(findings: list[Finding], analysis: Analysis, path: str,
                       rules: dict[str, LintRule]) -> list[Finding]:
    """Drop findings silenced by comments in the original text (the same form in Markdown,
    HTML and plain text): ``<!-- attribution: ignore CODE -->`` for the next sentence,
    ``<!-- attribution: disable CODE -->`` … ``<!-- attribution: enable -->`` for a stretch.
    Comments that silence nothing become ATR100 findings."""
    text = analysis.text
    directives = list(_DIRECTIVE.finditer(text))
    if not directives:
        return findings
    sentences = [s for s in analysis.sentences if s.label != "skip"]
    rules_for = []  # (start, end, codes or None for all, directive match)
    open_ranges: dict[str | None, re.Match] = {}
    for m in directives:
        kind = m.group(1).lower()
        codes = [c.strip().upper() for c in re.split(r"[\s,]+", m.group(2)) if c.strip()] or [None]
        if kind == "ignore":
            nxt = next((s for s in sentences if s.start >= m.end()), None)
            if nxt is not None:
                for code in codes:
                    rules_for.append((nxt.start, nxt.end, code, m))
        elif kind == "disable":
            for code in codes:
                open_ranges[code] = m
        else:
            for code in (list(open_ranges) if codes == [None] else codes):
                start = open_ranges.pop(code, None)
                if start is not None:
                    rules_for.append((start.end(), m.start(), code, start))
    for code, start in open_ranges.items():
        rules_for.append((start.end(), len(text), code, start))
    used: set[int] = set()
    kept = []
    for f in findings:
        hit = next((r for r in rules_for if r[0] <= f.start < r[1] and (r[2] is None or r[2] == f.code)), None)
        if hit is None:
            kept.append(f)
        else:
            used.add(id(hit[3]))
    if "ATR100" in rules:
        lines = LineIndex(text)
        for m in directives:
            if m.group(1).lower() != "enable" and id(m) not in used:
                line, col = lines.line_col(m.start())
                kept.append(Finding(path, line, col, m.start(), m.end(), "ATR100", rules["ATR100"].severity,
                                    "this suppression comment silences nothing"))
    return sorted(kept, key=lambda f: (f.start, f.code))


def fingerprint(f: Finding, text: str) -> str:
    """A finding's identity that survives edits elsewhere in the file: path, code and the text
    it points at."""
    import hashlib
    span = " ".join(text[f.start:f.end].split())
    return hashlib.sha256(f"{f.path}\x00{f.code}\x00{span}".encode("utf-8")).hexdigest()[:20]
