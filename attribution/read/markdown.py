"""Markdown reader: prose without markup (headings, emphasis, links, code, HTML), mapped back."""
from __future__ import annotations

import re

from .offsets import OffsetBuilder, OffsetMap

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINE_PREFIX = re.compile(r"^(?:[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+))+", re.M)
# whole lines that are markup only: setext heading underlines, horizontal rules, link definitions
_MARKUP_LINE = re.compile(r"^[ \t]*(?:=+|-{2,}|(?:[-*_][ \t]*){3,}|\[[^\]\n]+\]:[ \t]+\S.*?)[ \t]*(?=\r?$)", re.M)
_CLOSING_HASHES = re.compile(r"^[ \t]*#{1,6}[ \t]+.*?\S(?P<close>[ \t]+#+)[ \t]*(?=\r?$)", re.M)
_URL = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # (url "title"), one level of parentheses inside
_INLINE = re.compile(
    r"\\(?P<esc>[\\`*_{}\[\]()#+\-.!<>])"  # backslash escapes: keep the character
    r"|!\[[^\]]*\]" + _URL +           # images: dropped
    r"|\[(?P<link>[^\]]+)\](?:" + _URL + r"|\[[^\]]*\])"  # links (inline or reference): keep the text
    r"|(?P<mark>\*\*?(?=\S)|(?<=\S)\*\*?|(?<!\w)__?(?=\S)|(?<=\S)__?(?!\w)|`)"  # emphasis, code marks: dropped
    r"|<[^>\n]+>"                     # inline HTML tags: dropped
)


def extract_markdown(source: str) -> tuple[str, OffsetMap]:
    """Prose of a Markdown document; list items and headings stay on their own lines."""
    dropped = [(m.start(), m.end()) for m in _FENCE.finditer(source)]
    dropped += [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(source)]
    dropped += [(m.start(), m.end()) for m in _MARKUP_LINE.finditer(source)]
    dropped += [(m.start(), m.end()) for m in _LINE_PREFIX.finditer(source)]
    dropped += [(m.start("close"), m.end()) for m in _CLOSING_HASHES.finditer(source)]
    dropped.sort()
    out = OffsetBuilder()
    pos = 0
    for start, end in dropped:
        if start < pos:
            start = pos
        if start >= end:
            continue
        _inline(source, pos, start, out)
        if "\n" in source[start:end]:
            out.replace("\n", start, end)
        pos = end
    _inline(source, pos, len(source), out)
    return out.build()


def _inline(source: str, start: int, end: int, out: OffsetBuilder) -> None:
    pos = start
    for m in _INLINE.finditer(source, start, end):
        if m.start() > pos:
            out.keep(source[pos:m.start()], pos)
        if m.group("esc") is not None:
            out.keep(m.group("esc"), m.start("esc"))
        elif m.group("link") is not None:
            _inline(source, m.start("link"), m.end("link"), out)  # the text may hold emphasis
        pos = m.end()
    if end > pos:
        out.keep(source[pos:end], pos)
