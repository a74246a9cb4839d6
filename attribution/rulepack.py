"""Load and validate the rules kept as data under ``rules/`` (YAML, ``yaml.safe_load``).

Each language has its own folder; ``outlets.yaml`` is shared. A malformed file raises
:class:`RuleError` naming the file, the entry and what is wrong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGES = ("en", "id")
SOURCE_MODES = ("before", "after", "either", "self")
GRAMMAR_KEYS = ("head", "np_skip", "negators", "boundaries", "after_stops", "np_prepositions",
                "time_words", "relative_words", "coordinators", "verb_suffixes", "verb_prefixes",
                "passive_aux", "participle_endings", "participle_cue_endings", "demonstratives",
                "outlet_fillers", "relay_fillers", "joiners", "linking_prepositions", "body_pronouns")
CUE_FAMILIES = ("speech", "report", "writing", "judgement", "call", "denial", "relay", "announcement")


class RuleError(Exception):
    """A rules file is missing or malformed."""


def rules_dir() -> Path:
    """The folder holding the rules: the installed copy, else the repository's ``rules/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if (candidate / "outlets.yaml").is_file():
            return candidate
    try:
        from importlib.resources import files
        candidate = Path(str(files("attribution._rules")))
        if (candidate / "outlets.yaml").is_file():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    raise RuleError("cannot find the rules folder (rules/outlets.yaml); is the package installed?")


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_yaml(text: str):
    """``yaml.safe_load`` with libyaml's C parser when PyYAML has it (several times faster;
    the same safe constructor: plain data only, never Python objects)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def _load(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = safe_yaml(handle)
    except FileNotFoundError:
        raise RuleError(f"{path}: missing rules file") from None
    except yaml.YAMLError as err:
        raise RuleError(f"{path}: not valid YAML: {err}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping at the top level")
    if data.get("version") != 1:
        raise RuleError(f"{path}: unsupported or missing 'version' (expected 1)")
    return data


def _words(data: dict, key: str, path: Path, required: bool = True) -> list[str]:
    value = data.get(key)
    if value is None:
        if required:
            raise RuleError(f"{path}: missing '{key}'")
        return []
    if not isinstance(value, list):
        raise RuleError(f"{path}: '{key}' must be a list of strings")
    for i, word in enumerate(value):
        if not isinstance(word, str) or not word.strip():
            hint = " (quote it: YAML reads bare yes/no/on/off as true/false)" if isinstance(word, bool) else ""
            raise RuleError(f"{path}: {key}[{i}] must be a non-empty string, got {word!r}{hint}")
    return [w.strip() for w in value]


def _patterns(data: dict, key: str, path: Path) -> list[re.Pattern]:
    out = []
    for i, pattern in enumerate(_words(data, key, path, required=False)):
        try:
            out.append(re.compile(pattern, re.M))
        except re.error as err:
            raise RuleError(f"{path}: {key}[{i}]: bad regular expression: {err}") from None
    return out


@dataclass(frozen=True)
class Cue:
    id: str
    family: str
    source: str
    confidence: float
    words: tuple[str, ...]
    needs_next: frozenset[str] = frozenset()
    needs_prev: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()  # the source must contain one of these words
    not_next: frozenset[str] = frozenset()
    not_prev: frozenset[str] = frozenset()
    needs_later: frozenset[str] = frozenset()      # one of these within `within` tokens after the cue,
    within: int = 0                                # with no word of `later_stops` before it
    later_stops: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    kind: str = "outlet"


@dataclass
class RulePack:
    """Everything one language knows, ready for the engine."""

    lang: str
    cues: list[Cue]
    outlets: list[Outlet]
    outlet_words: frozenset[str]
    outlet_suffixes: tuple[str, ...]
    outlet_nouns: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    person_titles: frozenset[str]
    spokesperson_words: tuple[str, ...]
    anonymous_nouns: frozenset[str]
    organization_words: frozenset[str]
    report_nouns: frozenset[str]
    anonymity_phrases: list[str]
    anonymity_reasons: list[str]
    disputable_claims: list[str]
    bare_sources: list[str]
    rote_reasons: list[str]
    other_media: list[str]
    opinion_words: list[str]
    places: frozenset[str]
    determiners: frozenset[str]
    hedges: list[str]
    negatives: list[str]
    relay_strong: list[str]
    relay_weak: list[str]
    abbreviations: frozenset[str]
    may_end: frozenset[str]
    sentence_starters: frozenset[str]
    camelcase_keep: frozenset[str]
    camelcase_keep_prefixes: frozenset[str]
    glued_before_outlets: tuple[str, ...]
    datelines: list[re.Pattern]
    credit_tags: list[re.Pattern]
    boilerplate: list[re.Pattern]
    function_words: frozenset[str]
    grammar: dict[str, frozenset[str]] = field(default_factory=dict)
    cue_free_threshold: float = 0.5  # how sure the classifier must be to attribute a sentence with no cue

    def __post_init__(self):
        # each family of line patterns as one alternation: one regex call per line, not one per pattern
        self.any_boilerplate = _either(self.boilerplate)
        self.any_dateline = _either(self.datelines)
        self.any_credit_tag = _either(self.credit_tags)


def _either(patterns: list[re.Pattern]) -> re.Pattern:
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.M)


def _lower_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _cues(data: dict, path: Path) -> list[Cue]:
    entries = data.get("cues")
    if not isinstance(entries, list) or not entries:
        raise RuleError(f"{path}: 'cues' must be a non-empty list")
    seen: set[str] = set()
    cues = []
    for i, entry in enumerate(entries):
        where = f"{path}: cues[{i}]"
        if not isinstance(entry, dict):
            raise RuleError(f"{where}: expected a mapping")
        unknown = set(entry) - {"id", "family", "source", "confidence", "words", "needs_next", "needs_prev",
                                "source_nouns", "not_next", "not_prev", "needs_later", "nya_forms"}
        if unknown:
            raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
        cue_id = entry.get("id")
        if not isinstance(cue_id, str) or not re.fullmatch(r"[A-Z]{2}-[A-Z0-9-]+", cue_id):
            raise RuleError(f"{where}: 'id' must look like EN-SAY")
        if cue_id in seen:
            raise RuleError(f"{where}: duplicate id {cue_id}")
        seen.add(cue_id)
        if entry.get("family") not in CUE_FAMILIES:
            raise RuleError(f"{where} ({cue_id}): 'family' must be one of {', '.join(CUE_FAMILIES)}")
        if entry.get("source") not in SOURCE_MODES:
            raise RuleError(f"{where} ({cue_id}): 'source' must be one of {', '.join(SOURCE_MODES)}")
        confidence = entry.get("confidence", 0.9)
        if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
            raise RuleError(f"{where} ({cue_id}): 'confidence' must be a number in (0, 1]")
        words = _words(entry, "words", Path(where))
        later = entry.get("needs_later") or {}
        if not isinstance(later, dict) or set(later) - {"within", "words", "unless_before"} \
                or (later and not (isinstance(later.get("within"), int) and later["within"] > 0)):
            raise RuleError(f"{where} ({cue_id}): 'needs_later' must map 'within' (a number of tokens) "
                            f"and 'words' (and optionally 'unless_before') ")
        if entry.get("nya_forms"):
            words += [w + "nya" for w in words if " " not in w and not w.endswith("nya")]
        cues.append(Cue(id=cue_id, family=entry["family"], source=entry["source"],
                        confidence=float(confidence), words=tuple(words),
                        needs_next=_lower_set(_words(entry, "needs_next", Path(where), False)),
                        needs_prev=_lower_set(_words(entry, "needs_prev", Path(where), False)),
                        source_nouns=_lower_set(_words(entry, "source_nouns", Path(where), False)),
                        not_next=_lower_set(_words(entry, "not_next", Path(where), False)),
                        not_prev=_lower_set(_words(entry, "not_prev", Path(where), False)),
                        needs_later=_lower_set(_words(later, "words", Path(where), bool(later))),
                        within=int(later.get("within", 0)),
                        later_stops=_lower_set(_words(later, "unless_before", Path(where), False))))
    return cues


def _probability(data: dict, key: str, path: Path, default: float = 0.5) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise RuleError(f"{path}: '{key}' must be a number from 0 to 1")
    return float(value)


def _outlets(data: dict, path: Path) -> list[Outlet]:
    out = []
    for i, entry in enumerate(data.get("outlets") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise RuleError(f"{path}: outlets[{i}]: needs a 'name'")
        aliases = _words(entry, "aliases", Path(f"{path}: outlets[{i}]"))
        out.append(Outlet(entry["name"], tuple(aliases), entry.get("kind", "outlet")))
    if not out:
        raise RuleError(f"{path}: 'outlets' must be a non-empty list")
    return out


@lru_cache(maxsize=None)
def load_function_words(lang: str, directory: str | None = None) -> frozenset[str]:
    """The function words of one language (``<lang>/language.yaml``), which language detection
    needs without the rest of the rule pack."""
    if lang not in LANGUAGES:
        raise RuleError(f"no rules for language '{lang}' (have: {', '.join(LANGUAGES)})")
    path = (Path(directory) if directory else rules_dir()) / lang / "language.yaml"
    return _lower_set(_words(_load(path), "function_words", path))


@lru_cache(maxsize=None)
def load_rulepack(lang: str, directory: str | None = None) -> RulePack:
    """Load and validate the rules of one language (cached)."""
    if lang not in LANGUAGES:
        raise RuleError(f"no rules for language '{lang}' (have: {', '.join(LANGUAGES)})")
    root = Path(directory) if directory else rules_dir()
    base = root / lang
    outlets_data = _load(root / "outlets.yaml")
    cues_data = _load(base / "cues.yaml")
    src = _load(base / "sources.yaml")
    hedges = _load(base / "hedges.yaml")
    negatives = _load(base / "negatives.yaml")
    relay = _load(base / "relay.yaml")
    seg = _load(base / "segmentation.yaml")
    grammar = src.get("grammar")
    if not isinstance(grammar, dict):
        raise RuleError(f"{base / 'sources.yaml'}: 'grammar' must map names to word lists")
    for required in GRAMMAR_KEYS:
        if required not in grammar:
            raise RuleError(f"{base / 'sources.yaml'}: grammar is missing '{required}'")
    pronouns = src.get("pronouns")
    if not isinstance(pronouns, dict) or not pronouns:
        raise RuleError(f"{base / 'sources.yaml'}: 'pronouns' must map a type to words")
    return RulePack(
        lang=lang,
        cues=_cues(cues_data, base / "cues.yaml"),
        cue_free_threshold=_probability(cues_data, "cue_free_threshold", base / "cues.yaml"),
        outlets=_outlets(outlets_data, root / "outlets.yaml"),
        outlet_words=frozenset(_words(outlets_data, "outlet_words", root / "outlets.yaml")),
        outlet_suffixes=tuple(_words(outlets_data, "outlet_suffixes", root / "outlets.yaml")),
        outlet_nouns=_lower_set(_words(outlets_data, "outlet_nouns", root / "outlets.yaml")),
        pronouns={kind: _lower_set(_words(pronouns, kind, base / "sources.yaml")) for kind in pronouns},
        person_titles=_lower_set(_words(src, "person_titles", base / "sources.yaml")),
        spokesperson_words=tuple(w.lower() for w in _words(src, "spokesperson_words", base / "sources.yaml")),
        anonymous_nouns=_lower_set(_words(src, "anonymous_nouns", base / "sources.yaml")),
        organization_words=_lower_set(_words(src, "organization_words", base / "sources.yaml")),
        report_nouns=_lower_set(_words(src, "report_nouns", base / "sources.yaml")),
        anonymity_phrases=_words(src, "anonymity_phrases", base / "sources.yaml"),
        anonymity_reasons=_words(src, "anonymity_reasons", base / "sources.yaml"),
        disputable_claims=_words(src, "disputable_claims", base / "sources.yaml"),
        bare_sources=_words(src, "bare_sources", base / "sources.yaml"),
        rote_reasons=_words(src, "rote_reasons", base / "sources.yaml"),
        other_media=_words(src, "other_media", base / "sources.yaml"),
        opinion_words=_words(src, "opinion_words", base / "sources.yaml"),
        places=_lower_set(_words(src, "places", base / "sources.yaml")),
        determiners=_lower_set(_words(src, "determiners", base / "sources.yaml")),
        hedges=_words(hedges, "hedges", base / "hedges.yaml"),
        negatives=_words(negatives, "negatives", base / "negatives.yaml"),
        relay_strong=_words(relay, "strong", base / "relay.yaml"),
        relay_weak=_words(relay, "weak", base / "relay.yaml"),
        abbreviations=frozenset(_words(seg, "abbreviations", base / "segmentation.yaml")),
        may_end=frozenset(_words(seg, "may_end", base / "segmentation.yaml")),
        sentence_starters=frozenset(_words(seg, "sentence_starters", base / "segmentation.yaml")),
        camelcase_keep=frozenset(_words(seg, "camelcase_keep", base / "segmentation.yaml")),
        camelcase_keep_prefixes=_lower_set(_words(seg, "camelcase_keep_prefixes", base / "segmentation.yaml")),
        glued_before_outlets=tuple(_words(seg, "glued_before_outlets", base / "segmentation.yaml", False)),
        datelines=_patterns(seg, "datelines", base / "segmentation.yaml"),
        credit_tags=_patterns(seg, "credit_tags", base / "segmentation.yaml"),
        boilerplate=_patterns(seg, "boilerplate", base / "segmentation.yaml"),
        function_words=load_function_words(lang, directory),
        grammar={key: _lower_set(_words(grammar, key, base / "sources.yaml", required=False))
                 for key in grammar},
    )
