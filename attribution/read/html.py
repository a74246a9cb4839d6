"""HTML reader: the visible text of a page (no script, style or template), mapped back."""
from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from .offsets import LineIndex, OffsetBuilder, OffsetMap

HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "blockquote", "figcaption", "figure", "section", "article", "header", "footer", "aside",
          "nav", "hr", "pre", "dd", "dt", "title", "main", "td", "th", "caption", "dl"}
VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col"}


class _TextExtractor(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = LineIndex(source)
        self._line_starts = self.lines._line_starts
        self.out = OffsetBuilder()
        self.hidden_depth = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _break(self) -> None:
        if self.out.last_char() not in ("", "\n"):
            at = self._offset()
            self.out.replace("\n\n", at, at)

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.hidden_depth = 0  # <body> closes an unclosed <head>
        elif tag in HIDDEN and tag not in VOID:
            self.hidden_depth += 1
        elif tag in BLOCKS:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in BLOCKS:
            self._break()

    def handle_data(self, data):
        if self.hidden_depth:
            return
        start = self._offset()
        # collapse layout whitespace (newlines, runs of spaces) to a single space
        i = 0
        while i < len(data):
            if data[i].isspace():
                j = i
                while j < len(data) and data[j].isspace():
                    j += 1
                if self.out.last_char() not in ("", " ", "\n"):
                    self.out.replace(" ", start + i, start + j)
                i = j
            else:
                j = i
                while j < len(data) and not data[j].isspace():
                    j += 1
                self.out.keep(data[i:j], start + i)
                i = j

    def _entity(self, raw: str):
        if self.hidden_depth:
            return
        start = self._offset()
        if not self.source.startswith(raw, start):
            raw = raw[:-1]  # written without the closing ';' (AT&T, &copy 2024)
        text = unescape(raw)
        if text == raw:  # not an entity: keep it as written
            self.out.keep(raw, start)
        else:
            self.out.replace(text, start, start + len(raw))

    def handle_entityref(self, name):
        self._entity(f"&{name};")

    def handle_charref(self, name):
        self._entity(f"&#{name};")


def extract_html(source: str) -> tuple[str, OffsetMap]:
    """Visible text of an HTML document with block elements as paragraph breaks."""
    parser = _TextExtractor(source)
    parser.feed(source)
    parser.close()
    return parser.out.build()
