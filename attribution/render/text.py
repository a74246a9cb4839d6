"""Terminal output: every sentence with its label, sources and the rule that decided."""
from __future__ import annotations

import textwrap

from ..types import Analysis

COLOURS = {"attributed": "\033[32m", "unattributed": "\033[33m", "skip": "\033[90m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
MARKS = {"attributed": "A", "unattributed": "U", "skip": "-"}


def render_text(analysis: Analysis, colour: bool = False, width: int = 100) -> str:
    """A readable report of one article."""
    def paint(code: str, s: str) -> str:
        return f"{code}{s}{RESET}" if colour else s

    counts = analysis.counts()
    scorable = counts["attributed"] + counts["unattributed"]
    share = counts["attributed"] / scorable if scorable else 0.0
    name = analysis.path or "<text>"
    lines = [paint(BOLD, f"{name}") + f"  [{analysis.lang}]  {counts['attributed']} attributed, "
             f"{counts['unattributed']} unattributed, {counts['skip']} skipped "
             f"({share:.0%} of sentences attributed)"]
    for warning in analysis.warnings:
        lines.append(paint(COLOURS["unattributed"], f"  warning: {warning}"))
    for s in analysis.sentences:
        label = paint(COLOURS[s.label], f"{MARKS[s.label]} {s.label:<12}")
        body = textwrap.shorten(" ".join(s.text.split()), width=width - 20, placeholder=" …")
        lines.append(f"{s.line:>4}:{s.col:<4} {label} {body}")
        details = []
        for src in s.sources:
            via = f" via {', '.join(src.via)}" if src.via else ""
            ref = f" = {src.refers_to}" if src.refers_to else ""
            details.append(f"{src.text!r} ({src.type}{ref}){via}")
        info = []
        if details:
            info.append("sources: " + "; ".join(details))
        if s.cue:
            info.append(f"cue: {s.cue!r}")
        model = f"  model {s.model_score:.2f}" if s.model_score is not None else ""
        info.append(f"rules: {', '.join(s.rules)}{model}  confidence {s.confidence:.2f}")
        for part in info:
            lines.append(paint(DIM, f"{'':20}{part}"))
    return "\n".join(lines)
