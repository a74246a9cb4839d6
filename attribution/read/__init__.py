"""Read: turn a file (or stdin) into the text to analyse plus a map back to the original.

One reader per format; each returns a :class:`Document`. Errors are :class:`ReadError` with a
message meant for the user.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from .offsets import LineIndex, OffsetMap

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES


class ReadError(Exception):
    """A file that cannot be analysed; the message says why, for the user."""


@dataclass
class Document:
    """The text to analyse, the original it came from, and the map between them."""

    text: str
    original: str
    offsets: OffsetMap
    path: str | None = None
    format: str = "text"
    warnings: list[str] = field(default_factory=list)
    lang: str | None = None  # set once known (given by the user or detected)
    _lines: LineIndex | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)

    def line_col(self, original_offset: int) -> tuple[int, int]:
        if self._lines is None:
            self._lines = LineIndex(self.original)
        return self._lines.line_col(original_offset)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8, falling back to Windows-1252/Latin-1 with a warning."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a byte-order mark (it holds NUL bytes)
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise ReadError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        where = f"byte {err.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [f"{name}: not valid UTF-8 ({where}); read as {encoding}"]
    raise ReadError(f"{name}: cannot decode as UTF-8 or Latin-1")  # pragma: no cover - latin-1 always decodes


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n:,} bytes"


def _too_big(name: str, size: int, max_bytes: int) -> str:
    return (f"{name}: {_size(size)} is over the {_size(max_bytes)} limit for one article "
            f"(raise it with --max-bytes)")


def document_from_text(original: str, fmt: str = "text", path: str | None = None) -> Document:
    """Build a :class:`Document` from already-decoded text in a known format."""
    if fmt == "html":
        from .html import extract_html
        text, offsets = extract_html(original)
    elif fmt == "markdown":
        from .markdown import extract_markdown
        text, offsets = extract_markdown(original)
    else:
        text, offsets = original, OffsetMap.identity(len(original))
    return Document(text=text, original=original, offsets=offsets, path=path, format=fmt)


def format_for(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def read_bytes(data: bytes, name: str, fmt: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an article given as bytes (``name`` is used in messages and to guess the format)."""
    if max_bytes and len(data) > max_bytes:
        raise ReadError(_too_big(name, len(data), max_bytes))
    if fmt == "docx" or (fmt is None and name.lower().endswith(".docx")):
        from .docx import extract_docx
        try:
            text = extract_docx(data, name)
        except ValueError as err:
            raise ReadError(f"{name}: {err}") from None
        doc = document_from_text(text, "text", path=name)
        doc.format = "docx"
        if not text.strip():
            doc.warnings.append(f"{name}: no text to check (the document is empty)")
        return doc
    text, warnings = decode(data, name)
    if fmt is None:
        fmt = format_for(name)
        if fmt == "text" and text.lstrip()[:1] == "<" and "</" in text[:4096].lower():
            fmt = "html"
    doc = document_from_text(text, fmt, path=name)
    doc.warnings.extend(warnings)
    if not doc.text.strip():
        why = "the file is empty" if not text.strip() else "only markup, no visible text"
        doc.warnings.append(f"{name}: no text to check ({why})")
    return doc


def read_path(path: str, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file, or standard input when ``path`` is ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return read_bytes(data, "-", fmt, max_bytes)  # no name: HTML is recognised by its content
    if not os.path.exists(path):
        raise ReadError(f"{path}: no such file")
    if os.path.isdir(path):
        raise ReadError(f"{path}: is a directory")
    try:
        size = os.path.getsize(path)
        if max_bytes and size > max_bytes:
            raise ReadError(_too_big(path, size, max_bytes))
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise ReadError(f"{path}: cannot read ({err.strerror or err})") from None
    return read_bytes(data, path, fmt, max_bytes)


def expand_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    """Expand directories (recursively, supported suffixes only) and globs.

    Returns the files to read and messages about arguments that matched nothing.
    """
    import glob

    files: list[str] = []
    problems: list[str] = []
    for arg in paths:
        if arg == "-" or os.path.isfile(arg):
            files.append(arg)
        elif os.path.isdir(arg):
            found = []
            for root, dirs, names in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                        found.append(os.path.join(root, name))
                    else:
                        problems.append(f"{os.path.join(root, name)}: skipped (not a .txt, .md, .html or .docx file)")
            if not found:
                problems.append(f"{arg}: directory holds no .txt, .md, .html or .docx files")
            files.extend(found)
        elif any(ch in arg for ch in "*?["):
            matched = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            if not matched:
                problems.append(f"{arg}: pattern matched no files")
            files.extend(matched)
        else:
            files.append(arg)  # read_path reports it as missing
    return files, problems
