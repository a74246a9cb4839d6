"""JSON and JSON Lines output (schema ``attribution.check/1.0``, documented in README)."""
from __future__ import annotations

import json

from ..types import Analysis


def render_json(analyses: list[Analysis]) -> str:
    """One JSON document: a list of article objects."""
    return json.dumps([a.to_dict() for a in analyses], ensure_ascii=False, indent=2)


def render_jsonl_line(analysis: Analysis) -> str:
    """One line of JSON Lines for one article."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False)
