"""Score: how well one article is sourced.

Sub-metrics are computed from an :class:`~attribution.types.Analysis`; the criteria, weights,
thresholds and bands come from ``rules/scoring.yaml`` (validated on load). The result is a
:class:`Scorecard`: a 0–100 score, its band, every sub-metric with what it means, and every
criterion with whether it passed, why, and the newsroom practice behind it.
"""
from __future__ import annotations

import operator
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .detect import quotes
from .rulepack import RuleError, load_rulepack, rules_dir, safe_yaml
from .types import Analysis, Source

OPS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq}
QUOTE_DOMINANT = 0.6

LABELS = {
    "attribution_density": "attribution density", "anonymous_share": "anonymous share",
    "anonymity_explained": "anonymity explained", "distinct_sources": "distinct sources",
    "identified_sources": "fully identified sources", "second_hand_share": "second-hand reliance",
    "vague_hedges": "vague hedges", "quotes_without_speaker": "quotes without a speaker",
    "lead_sourced": "lead sourced", "single_source_dependence": "single-source dependence",
    "source_types": "source types",
}
MEANINGS = {
    "attribution_density": "share of sentences (headlines, datelines and tags aside) that say who says so",
    "anonymous_share": "share of sentences resting on an unnamed source (officials, sources, witnesses…)",
    "anonymity_explained": "share of anonymous sources for which the story says why they are not named",
    "distinct_sources": "different sources, a person and their pronouns and short names counted once",
    "identified_sources": "sources named with both name and role (\"Finance Minister Sri Mulyani\")",
    "second_hand_share": "share of attributed sentences that reach the article through other outlets",
    "vague_hedges": "hedges that pass a claim on without a source (\"reportedly\", \"dilaporkan\")",
    "quotes_without_speaker": "direct quotations with no identified speaker",
    "lead_sourced": "whether the first sentence of the story is attributed (1) or not (0)",
    "single_source_dependence": "share of attributed sentences that rest on the most-cited source",
    "source_types": "distinct sources by type",
}
SHARES = {"attribution_density", "anonymous_share", "anonymity_explained", "second_hand_share",
          "single_source_dependence"}


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    metric: str
    op: str
    threshold: float
    weight: float
    why: str


@dataclass(frozen=True)
class ScoringRules:
    criteria: tuple[Criterion, ...]
    bands: tuple[tuple[str, float], ...]
    context: tuple[str, ...]


@dataclass
class CriterionResult:
    id: str
    title: str
    weight: float
    passed: bool
    points: float
    value: float
    explanation: str
    why: str


@dataclass
class Scorecard:
    score: float
    band: str
    metrics: dict[str, float]
    meanings: dict[str, str]
    source_types: dict[str, int]
    sources: list[dict]
    criteria: list[CriterionResult]
    publisher: str | None
    context: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"schema": "attribution.report/1.0", "score": self.score, "band": self.band,
                "publisher": self.publisher,
                "metrics": dict(self.metrics), "source_types": dict(self.source_types),
                "sources": list(self.sources), "criteria": [asdict(c) for c in self.criteria],
                "meanings": dict(self.meanings), "context": list(self.context)}


@lru_cache(maxsize=None)
def load_scoring(path: str | None = None) -> ScoringRules:
    """Criteria, bands and context from ``rules/scoring.yaml``; :class:`RuleError` if malformed."""
    file = Path(path) if path else rules_dir() / "scoring.yaml"
    try:
        data = safe_yaml(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise RuleError(f"{file}: cannot read scoring rules ({err})") from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise RuleError(f"{file}: expected a mapping with 'version: 1'")
    criteria = []
    for i, entry in enumerate(data.get("criteria") or []):
        where = f"{file}: criteria[{i}]"
        try:
            c = Criterion(id=str(entry["id"]), title=str(entry["title"]), metric=str(entry["metric"]),
                          op=str(entry["op"]), threshold=float(entry["threshold"]),
                          weight=float(entry["weight"]), why=" ".join(str(entry["why"]).split()))
        except (KeyError, TypeError, ValueError) as err:
            raise RuleError(f"{where}: needs id, title, metric, op, threshold, weight, why ({err})") from None
        if c.op not in OPS:
            raise RuleError(f"{where} ({c.id}): op must be one of {' '.join(OPS)}")
        if c.metric not in MEANINGS or c.metric == "source_types":
            raise RuleError(f"{where} ({c.id}): unknown metric '{c.metric}'")
        criteria.append(c)
    if not criteria:
        raise RuleError(f"{file}: no criteria")
    total = sum(c.weight for c in criteria)
    if abs(total - 100) > 1e-6:
        raise RuleError(f"{file}: criterion weights sum to {total:g}, not 100")
    bands = []
    for i, band in enumerate(data.get("bands") or []):
        if not isinstance(band, dict) or "name" not in band or "min" not in band:
            raise RuleError(f"{file}: bands[{i}] needs name and min")
        bands.append((str(band["name"]), float(band["min"])))
    bands.sort(key=lambda b: -b[1])
    if not bands or bands[-1][1] > 0:
        raise RuleError(f"{file}: bands must cover scores down to 0")
    return ScoringRules(tuple(criteria), tuple(bands), tuple(str(c) for c in data.get("context") or []))


# ---- sub-metrics ---------------------------------------------------------------------------
def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).replace("-", " ").split())


def source_clusters(analysis: Analysis) -> list[dict]:
    """Distinct sources: a pronoun or short name joins the full name it stands for; a name
    whose words are all in a longer name of the same type joins it."""
    named: list[tuple[int, Source]] = [(k, s) for k, sent in enumerate(analysis.sentences)
                                       if sent.label == "attributed" for s in sent.sources if s.type != "vague"]
    clusters: list[dict] = []
    for k, src in sorted(named, key=lambda x: -len(x[1].refers_to or x[1].text)):
        name = src.refers_to or src.text
        key = _key(name)
        words = set(key.split())
        home = next((c for c in clusters if c["type"] == src.type and
                     (key == c["key"] or (words and words <= set(c["key"].split())))), None)
        if home is None:
            if src.refers_to is None and _is_pronoun(src.text, analysis.lang):
                continue  # a pronoun we could not resolve names no one new
            home = {"name": name, "key": key, "type": src.type, "mentions": 0, "sentences": set(),
                    "via": set()}
            clusters.append(home)
        home["mentions"] += 1
        home["sentences"].add(k)
        home["via"].update(src.via)
    return clusters


@lru_cache(maxsize=None)
def _pronouns(lang: str) -> frozenset[str]:
    return frozenset().union(*load_rulepack(lang).pronouns.values())


def _is_pronoun(text: str, lang: str) -> bool:
    return text.lower() in _pronouns(lang) or text.lower().endswith("nya")


def _identified(cluster: dict, lang: str) -> bool:
    """Name and role: a title word and a capitalised name in the fullest mention."""
    if cluster["type"] != "person":
        return False
    pack = load_rulepack(lang)
    words = re.findall(r"[\w.'-]+", cluster["name"])
    titles = [w for w in words if w.lower() in pack.person_titles]
    names = [w for w in words if w[:1].isupper() and w.lower() not in pack.person_titles]
    return bool(titles and names)


def find_publisher(analysis: Analysis) -> str | None:
    """The outlet named in the dateline or credit tag ("NEW YORK (Reuters) -", "IslamTimes -")."""
    pack = load_rulepack(analysis.lang if analysis.lang in ("en", "id") else "en")
    for s in analysis.sentences:
        if s.kind in ("dateline", "credit"):
            found = [(len(alias), outlet.name) for outlet in pack.outlets for alias in outlet.aliases
                     if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", s.text)]
            if found:
                return max(found)[1]  # the longest name: "CNN Indonesia", not "CNN"
    return None


def _same_outlet(name: str, publisher: str | None, lang: str) -> bool:
    if not publisher:
        return False
    key = _key(name)
    if key == _key(publisher):
        return True
    for outlet in load_rulepack(lang).outlets:
        keys = {_key(outlet.name), *(_key(a) for a in outlet.aliases)}
        if key in keys and _key(publisher) in keys:
            return True
    return False


def metrics(analysis: Analysis, publisher: str | None = None) -> tuple[dict[str, float], dict[str, int], list[dict]]:
    """Sub-metrics, source-type counts and the source clusters of one article."""
    lang = analysis.lang if analysis.lang in ("en", "id") else "en"
    pack = load_rulepack(lang)
    scorable = [s for s in analysis.sentences if s.label != "skip"]
    attributed = [s for s in scorable if s.label == "attributed"]
    n = max(1, len(scorable))
    anonymous = [(s, src) for s in scorable for src in s.sources if src.type == "anonymous"]
    reasons = [w.lower() for w in pack.anonymity_reasons]
    explained = sum(1 for s, src in anonymous
                    if any(w in s.text[src.end - s.start:].lower() for w in reasons))
    clusters = source_clusters(analysis)
    second_hand = sum(1 for s in attributed if any(
        (src.type == "outlet" and not _same_outlet(src.text, publisher, lang))
        or any(not _same_outlet(v, publisher, lang) for v in src.via) for src in s.sources))
    speakerless = 0
    for s in scorable:
        ranges, _, _ = quotes.scan(s.text)
        if s.label != "attributed" and sum(b - a for a, b in ranges) >= QUOTE_DOMINANT * len(s.text):
            speakerless += 1
    by_cluster = sorted((len(c["sentences"]) for c in clusters), reverse=True)
    types: dict[str, int] = {}
    for c in clusters:
        types[c["type"]] = types.get(c["type"], 0) + 1
    values = {
        "attribution_density": len(attributed) / n,
        "anonymous_share": len({id(s) for s, _ in anonymous}) / n,
        "anonymity_explained": explained / len(anonymous) if anonymous else 1.0,
        "distinct_sources": float(len(clusters)),
        "identified_sources": float(sum(_identified(c, lang) for c in clusters)),
        "second_hand_share": second_hand / len(attributed) if attributed else 0.0,
        "vague_hedges": float(sum(1 for s in scorable for src in s.sources if src.type == "vague")),
        "quotes_without_speaker": float(speakerless),
        "lead_sourced": 1.0 if scorable and scorable[0].label == "attributed" else 0.0,
        "single_source_dependence": by_cluster[0] / max(1, len(attributed)) if by_cluster else 0.0,
    }
    listed = [{"name": c["name"], "type": c["type"], "mentions": c["mentions"],
               "sentences": len(c["sentences"]), "via": sorted(c["via"]),
               "identified": _identified(c, lang)} for c in clusters]
    return {k: round(v, 4) for k, v in values.items()}, types, listed


def show(metric: str, value: float) -> str:
    """A metric's value as people read it: shares in per cent, the lead as yes/no."""
    if metric == "lead_sourced":
        return "yes" if value >= 1 else "no"
    return f"{value:.0%}" if metric in SHARES else f"{value:g}"


def _explain(c: Criterion, value: float, passed: bool) -> str:
    verdict = "passed" if passed else "failed"
    if c.metric == "lead_sourced":
        return f"{verdict}: the first sentence is {'attributed' if passed else 'not attributed'}"
    if c.metric == "anonymity_explained" and passed and value == 1.0:
        return f"{verdict}: every anonymous source comes with a reason, or there are none"
    return f"{verdict}: {LABELS[c.metric]} is {show(c.metric, value)} (needs {c.op} {show(c.metric, c.threshold)})"


def score_article(analysis: Analysis, publisher: str | None = None,
                  rules: ScoringRules | None = None) -> Scorecard:
    """The scorecard of one analysed article; ``publisher`` defaults to the one named in its
    dateline or credit tag (never counted as second-hand)."""
    rules = rules or load_scoring()
    publisher = publisher or find_publisher(analysis)
    values, types, sources = metrics(analysis, publisher)
    results = []
    for c in rules.criteria:
        value = values[c.metric]
        passed = OPS[c.op](value, c.threshold)
        results.append(CriterionResult(
            id=c.id, title=c.title, weight=c.weight, passed=passed, points=c.weight if passed else 0.0,
            value=value, why=c.why,
            explanation=_explain(c, value, passed)))
    total = round(sum(r.points for r in results), 1)
    band = next(name for name, low in rules.bands if total >= low)
    return Scorecard(score=total, band=band, metrics=values, meanings=dict(MEANINGS), source_types=types,
                     sources=sources, criteria=results, publisher=publisher, context=list(rules.context))
