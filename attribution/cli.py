"""Command line: ``attribution check PATH... [--format text|json|jsonl] [--lang auto|en|id]``.

Exit codes: 0 all inputs checked; 1 some inputs could not be read (the rest were checked);
2 nothing could be read, or a usage or rules error.
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .language import LanguageError, resolve_language
from .pipeline import Checker
from .read import DEFAULT_MAX_BYTES, ReadError, expand_paths, read_path
from .render.json import render_json, render_jsonl_line
from .render.text import render_text
from .rulepack import RuleError

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2


def _error(message: str) -> None:
    print(f"attribution: {message}", file=sys.stderr)


def _byte_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"expected a number of bytes (0 or more), got {value!r}")
    return count


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="attribution",
                                     description="Check who is given as the source of each sentence of a news article.")
    parser.add_argument("--version", action="version", version=f"attribution {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="label every sentence attributed / unattributed / skip",
                           description="Label every sentence of each article with its sources.")
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help="files (.txt, .md, .html), directories, globs, or - for standard input")
    check.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    check.add_argument("--lang", choices=("auto", "en", "id"), default="auto",
                       help="language of the articles (default: detect per article)")
    check.add_argument("--input-format", choices=("auto", "text", "markdown", "html"), default="auto",
                       help="how to read the files (default: by file name)")
    check.add_argument("--max-bytes", type=_byte_count, default=DEFAULT_MAX_BYTES,
                       help=f"largest article accepted, in bytes; 0 for no limit (default {DEFAULT_MAX_BYTES})")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    return parser


def _documents(args, failures: list[str]):
    files, problems = expand_paths(args.paths)
    for message in problems:
        _error(message)
        if "skipped" not in message:
            failures.append(message)
    fmt = None if args.input_format == "auto" else args.input_format
    for path in files:
        try:
            doc = read_path(path, fmt, args.max_bytes)
            if doc.text.strip():
                doc.lang = resolve_language(doc.text, args.lang)
        except (ReadError, LanguageError) as err:
            message = str(err) if str(err).startswith(path) else f"{path}: {err}"
            _error(message)
            failures.append(message)
            continue
        for warning in doc.warnings:
            _error(f"warning: {warning}")
        yield doc


def run_check(args) -> int:
    failures: list[str] = []
    checked = 0
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                        and os.environ.get("NO_COLOR") is None)
    collected = []
    try:
        for analysis in Checker().analyze_documents(_documents(args, failures)):
            checked += 1
            if args.format == "jsonl":
                print(render_jsonl_line(analysis), flush=True)
            elif args.format == "json":
                collected.append(analysis)
            else:
                print(render_text(analysis, colour=colour) + "\n", flush=True)
    except RuleError as err:
        _error(f"rules error: {err}")
        return EXIT_NOTHING
    if args.format == "json":
        print(render_json(collected))
    if checked == 0:
        _error("nothing could be checked")
        return EXIT_NOTHING
    return EXIT_PARTIAL if failures else EXIT_OK


def _tolerant_stdout() -> None:
    """Print what the terminal's encoding cannot show as escapes instead of crashing."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_NOTHING
    _tolerant_stdout()
    try:
        return run_check(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
