"""Maps from the analysed text back to the original file: character offsets and line:col."""
from __future__ import annotations

from array import array
from bisect import bisect_right


class OffsetMap:
    """Original start/end offset of every character of the analysed text.

    ``identity`` maps are free; extracted text (HTML, Markdown) keeps two compact arrays.
    """

    def __init__(self, starts: array | None = None, ends: array | None = None, length: int = 0):
        self._starts = starts
        self._ends = ends
        self._length = length

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls(None, None, length)

    @property
    def is_identity(self) -> bool:
        return self._starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the analysed span ``[start, end)``."""
        if self._starts is None:
            return start, end
        n = len(self._starts)
        if n == 0:
            return 0, 0
        if start >= n:
            last = self._ends[n - 1]
            return last, last
        ostart = self._starts[start]
        oend = self._ends[end - 1] if end > start else ostart
        return ostart, oend


class OffsetBuilder:
    """Builds extracted text piece by piece while remembering where each piece came from."""

    def __init__(self):
        self._parts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")

    def keep(self, text: str, orig_start: int) -> None:
        """Append original text verbatim (one original character per character)."""
        self._parts.append(text)
        self._starts.extend(range(orig_start, orig_start + len(text)))
        self._ends.extend(range(orig_start + 1, orig_start + len(text) + 1))

    def replace(self, text: str, orig_start: int, orig_end: int) -> None:
        """Append text standing for the original span (an entity, a synthetic break)."""
        self._parts.append(text)
        self._starts.extend([orig_start] * len(text))
        self._ends.extend([orig_end] * len(text))

    def last_char(self) -> str:
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self._parts)
        return text, OffsetMap(self._starts, self._ends, len(text))


class LineIndex:
    """Line and column (both 1-based) of an offset into a text."""

    def __init__(self, text: str):
        self._line_starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._line_starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1
