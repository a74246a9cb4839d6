"""Quotation marks: which characters of a text stand inside a direct quotation.

Curly marks say which way they face; a straight ``"`` (or the doubled apostrophes ``''`` and
backticks of some archives) is judged by the spacing around it (``say "yes`` opens,
``yes," he`` closes), falling back to alternation.
"""
from __future__ import annotations

import re

OPEN = frozenset("“«„")
CLOSE = frozenset("”»")
STRAIGHT = '"'
MARKS = OPEN | CLOSE | {STRAIGHT}
DOUBLED = ("''", "``")  # straight marks written with two characters in some archives
_MARK = re.compile("''|``|[" + re.escape("".join(sorted(MARKS))) + "]")


def starts_with_mark(text: str) -> bool:
    text = text.lstrip()
    return text[:1] in MARKS or text[:2] in DOUBLED


def _straight_opens(text: str, i: int, j: int, inside: bool) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if (before.isspace() or before in "([{—–-") and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
        return False
    return not inside


def scan(text: str, inside: bool = False) -> tuple[list[tuple[int, int]], bool, bool]:
    """Quoted character ranges of ``text`` (marks excluded), whether the text ends inside a
    quotation, and whether it opens one. ``inside`` says whether it starts inside one."""
    ranges: list[tuple[int, int]] = []
    opens = False
    start = 0 if inside else None
    for match in _MARK.finditer(text):
        i, j, ch = match.start(), match.end(), match.group()
        straight = ch == STRAIGHT or ch in DOUBLED
        now_inside = ch in OPEN or (straight and _straight_opens(text, i, j, inside))
        if now_inside and not inside:
            start, opens = j, True
        elif not now_inside and inside and start is not None:
            ranges.append((start, i))
            start = None
        inside = now_inside
    if inside and start is not None:
        ranges.append((start, len(text)))
    return ranges, inside, opens
