"""Command line: ``attribution check | report | lint | train | evaluate | serve``.

Exit codes of ``check``: 0 all inputs checked; 1 some inputs could not be read (the rest were
checked); 2 nothing could be read, or a usage, rules or model error. ``train`` and ``evaluate``
exit 2 on unusable data or models.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from . import __version__
from .detect.model_io import ModelError
from .detect.parsed import BackendError
from .language import LanguageError, resolve_language
from .read import DEFAULT_MAX_BYTES, ReadError, expand_paths, read_path
from .render.json import render_json, render_jsonl_line
from .render.text import render_text
from .rulepack import RuleError
from .serve import DEFAULT_MAX_BODY
from .types import MODES

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2


def _error(message: str) -> None:
    print(f"attribution: {message}", file=sys.stderr)


REPORT_FORMATS = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}


def _report_formats(value: str) -> list[str]:
    formats = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in REPORT_FORMATS]
    if not formats or unknown:
        raise argparse.ArgumentTypeError(f"formats are {', '.join(REPORT_FORMATS)} (got {value!r})")
    return formats


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _byte_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"expected a number of bytes (0 or more), got {value!r}")
    return count


def _body_limit(value: str) -> int:
    count = _byte_count(value)
    if count == 0:
        raise argparse.ArgumentTypeError("the body limit must be at least 1 byte")
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
    _decision_options(check)

    train = sub.add_parser("train", help="train the sentence classifier on labelled articles",
                           description="Train one classifier per language on gold JSON Lines files "
                                       "(the format of GUIDELINES.md).")
    train.add_argument("data", nargs="+", metavar="GOLD", help="gold .jsonl files or folders of them")
    train.add_argument("--out", required=True, metavar="FOLDER",
                       help="where to write the models (one subfolder per language)")

    evaluate = sub.add_parser("evaluate", help="score the checker against labelled articles",
                              description="Attributed P/R/F1, source-type F1 and outlet F1 per language, "
                                          "per-type precision/recall and a confusion table.")
    evaluate.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    evaluate.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    evaluate.add_argument("--errors", type=int, default=0, metavar="N", help="also list N misjudged sentences")
    _decision_options(evaluate)

    report = sub.add_parser("report", help="score how well an article is sourced",
                            description="The sourcing report of an article: score, band, criteria, "
                                        "sub-metrics and every sentence.")
    report.add_argument("paths", nargs="+", metavar="PATH",
                        help="an article (.txt, .md, .html, or -); for a batch: folders, globs, several files, "
                             "or JSON Lines / CSV archives, with --out DIR/")
    report.add_argument("--format", type=_report_formats, default=["text"], metavar="FORMATS",
                        help="text, markdown, html or json; several with commas (html,markdown) "
                             "when writing to a folder with --out")
    report.add_argument("--publisher", metavar="NAME",
                        help="the outlet publishing the article (default: read from its dateline or credit tag)")
    report.add_argument("--out", metavar="FILE|DIR/",
                        help="write the report to FILE, or to DIR/<article>.<html|md|json> (one article)")
    report.add_argument("--lang", choices=("auto", "en", "id"), default="auto")
    report.add_argument("--input-format", choices=("auto", "text", "markdown", "html"), default="auto")
    report.add_argument("--max-bytes", type=_byte_count, default=DEFAULT_MAX_BYTES)
    lint = sub.add_parser("lint", help="pre-publish check: findings with codes, severities and positions",
                          description="Report sourcing problems as path:line:col findings; exit 1 when "
                                      "any reaches --fail-on.")
    lint.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs, or - for stdin")
    lint.add_argument("--format", choices=("text", "json", "sarif", "github", "junit"), default="text")
    lint.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                      help="exit 1 when a finding reaches this severity (default: error, or the config's)")
    lint.add_argument("--select", type=_codes, default=None, metavar="CODES", help="only these codes or prefixes")
    lint.add_argument("--ignore", type=_codes, default=None, metavar="CODES", help="skip these codes or prefixes")
    lint.add_argument("--min-score", type=float, default=None, help="ATR011 fires under this score (default 60)")
    lint.add_argument("--baseline", metavar="FILE", help="leave out findings recorded in this baseline")
    lint.add_argument("--write-baseline", metavar="FILE", help="record every current finding as the baseline")
    lint.add_argument("--config", metavar="FILE",
                      help="a .attribution.toml or pyproject.toml (default: the nearest one)")
    lint.add_argument("--publisher", metavar="NAME")
    lint.add_argument("--stdin-filename", metavar="NAME", help="the name to report for - (standard input)")
    lint.add_argument("--lang", choices=("auto", "en", "id"), default=None)
    lint.add_argument("--input-format", choices=("auto", "text", "markdown", "html"), default="auto")
    lint.add_argument("--max-bytes", type=_byte_count, default=DEFAULT_MAX_BYTES)
    lint.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _decision_options(lint)
    serve = sub.add_parser("serve", help="the editor's web page and HTTP API",
                           description="Serve the editor's page at / and the JSON API under /v1 "
                                       "(needs pip install 'attribution[serve]').")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default 127.0.0.1; use 0.0.0.0 only behind a proxy)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--max-body", type=_body_limit, default=DEFAULT_MAX_BODY, metavar="BYTES",
                       help=f"largest request body accepted, in bytes (default {DEFAULT_MAX_BODY})")
    _decision_options(serve)
    sub.add_parser("rules", help="list the lint rules")
    rule = sub.add_parser("rule", help="explain one lint rule")
    rule.add_argument("code", metavar="CODE")

    batch = report.add_argument_group("batches")
    for column in ("id", "text", "date", "outlet", "section"):
        batch.add_argument(f"--{column}-column", default=column, metavar="NAME",
                           help=f"archive column holding the article's {column} (default: {column})")
    batch.add_argument("--resume", action="store_true", help="skip articles already done in --out")
    batch.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local processes (default, all cores) or a Dask cluster")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a LocalCluster)")
    batch.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    _decision_options(report)
    return parser


def _decision_options(parser) -> None:
    parser.add_argument("--mode", choices=MODES, default="combined",
                        help="rules alone, the classifier alone, or both (default; see README)")
    parser.add_argument("--model", metavar="FOLDER", default=None,
                        help="models trained with 'attribution train' (default: the shipped ones)")
    parser.add_argument("--backend", metavar="spacy:NAME|stanza", default=None,
                        help="add dependency-based speaker finding with a trained spaCy pipeline "
                             "or stanza (needs their downloaded models)")


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


def _checker(args):
    """The checker the decision options (``--mode``, ``--model``, ``--backend``) ask for."""
    from .pipeline import Checker

    return Checker(mode=args.mode, models=args.model, backend=args.backend)


def run_check(args) -> int:
    failures: list[str] = []
    checked = 0
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                        and os.environ.get("NO_COLOR") is None)
    collected = []
    checker = _checker(args)
    for analysis in checker.analyze_documents(_documents(args, failures)):
        checked += 1
        if args.format == "jsonl":
            print(render_jsonl_line(analysis), flush=True)
        elif args.format == "json":
            collected.append(analysis)
        else:
            print(render_text(analysis, colour=colour) + "\n", flush=True)
    for notice in checker.notices:
        _error(f"note: {notice}")
    if args.format == "json":
        print(render_json(collected))
    if checked == 0:
        _error("nothing could be checked")
        return EXIT_NOTHING
    return EXIT_PARTIAL if failures else EXIT_OK


def run_train(args) -> int:
    from .training.train import train
    written = train(args.data, args.out)
    for lang, folder in written.items():
        card = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        data = card["data"]
        print(f"{lang}: {folder} ({data['articles']} articles, {data['sentences']} sentences, "
              f"{data['labels']['attributed']} attributed)")
    return EXIT_OK


def run_evaluate(args) -> int:
    from .evaluate import evaluate, render_table
    from .training.train import gold_files, load_gold
    articles = load_gold(gold_files(args.gold))
    table, mistakes = evaluate(articles, _checker(args))
    if args.json:
        print(json.dumps(table, ensure_ascii=False))
    else:
        print(render_table(table))
        for m in mistakes[: args.errors]:
            print(f"  [{m['id']}] gold={m['gold']} predicted={m['predicted']}: {m['sentence'][:300]}")
    return EXIT_OK


def run_report(args) -> int:
    from pathlib import Path

    from .render.report import report_html, report_json, report_markdown, report_terminal
    from .score import score_article
    folder = args.out and (args.out.endswith(("/", os.sep)) or os.path.isdir(args.out))
    if len(args.paths) > 1 or any(os.path.isdir(p) or any(c in p for c in "*?[") or p.lower().endswith((".jsonl", ".csv"))
                                  for p in args.paths):
        if not folder:
            _error("a batch report needs --out DIR/")
            return EXIT_NOTHING
        return run_batch_report(args)
    if len(args.format) > 1 and not folder:
        _error("several formats need --out DIR/")
        return EXIT_NOTHING
    renderers = {"markdown": report_markdown, "html": report_html, "json": report_json, "text": report_markdown}
    failures: list[str] = []
    done = 0
    checker = _checker(args)
    for analysis in checker.analyze_documents(_documents(args, failures)):
        card = score_article(analysis, publisher=args.publisher)
        done += 1
        if not args.out:
            if args.format == ["text"]:
                from rich.console import Console
                report_terminal(analysis, card, Console(highlight=False))
            else:
                sys.stdout.write(renderers[args.format[0]](analysis, card))
            continue
        stem = Path(analysis.path or "article").stem if analysis.path != "-" else "article"
        for fmt in args.format:
            target = Path(args.out) / f"{stem}.{REPORT_FORMATS[fmt]}" if folder else Path(args.out)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(renderers[fmt](analysis, card), encoding="utf-8")
            print(f"{target}: {card.score:g}/100, {card.band}")
    if done == 0:
        _error("nothing could be reported")
        return EXIT_NOTHING
    return EXIT_PARTIAL if failures else EXIT_OK


def run_batch_report(args) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .batch import Columns, run_batch
    columns = Columns(args.id_column, args.text_column, args.date_column, args.outlet_column, args.section_column)
    with Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=None, transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("articles", total=None)
        try:
            result = run_batch(args.paths, args.out, columns, resume=args.resume, engine=args.engine,
                               workers=args.workers, scheduler=args.scheduler, mode=args.mode, models=args.model,
                               lang=None if args.lang == "auto" else args.lang, publisher=args.publisher,
                               progress=lambda n: bar.advance(task, n))
        except RuntimeError as err:
            _error(str(err))
            return EXIT_NOTHING
    for row in result.errors.itertuples():
        _error(f"{row.path}: {row.error}" if str(row.error).find(str(row.path)) < 0 else str(row.error))
    done = len(result.articles)
    skipped = f", {result.skipped} already done" if result.skipped else ""
    print(f"{args.out}: {done} articles{skipped}, {len(result.errors)} errors; "
          f"mean score {result.articles.score.mean():.1f}" if done else f"{args.out}: no articles{skipped}")
    if done == 0 and not result.skipped:
        return EXIT_NOTHING
    return EXIT_PARTIAL if len(result.errors) else EXIT_OK


def run_lint(args) -> int:
    from pathlib import Path

    from .lint import (SCHEMA, fails, find_config, fingerprint, ignored_for, lint_analysis, load_config,
                       load_lint_rules)
    rules = load_lint_rules()
    if args.config and not os.path.isfile(args.config):
        _error(f"{args.config}: no such configuration file")
        return EXIT_NOTHING
    config = load_config(Path(args.config) if args.config else find_config(Path.cwd()))
    # command-line flags win over the configuration file
    args.select = args.select or config.select
    args.ignore = (args.ignore or []) + (config.ignore or []) or None
    args.fail_on = args.fail_on or config.fail_on
    args.min_score = config.min_score if args.min_score is None else args.min_score
    args.lang = args.lang or config.lang
    args.publisher = args.publisher or config.publisher
    for wanted in (args.select or []) + (args.ignore or []):
        if not any(code.startswith(wanted) for code in rules):
            _error(f"unknown rule code or prefix '{wanted}' (see 'attribution rules')")
            return EXIT_NOTHING
    failures: list[str] = []
    findings = []
    checked = 0
    files: list[str] = []
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                        and os.environ.get("NO_COLOR") is None)
    baseline = None
    if args.baseline:
        try:
            baseline = set(json.loads(Path(args.baseline).read_text(encoding="utf-8"))["findings"])
        except (OSError, ValueError, KeyError, TypeError) as err:
            _error(f"{args.baseline}: not a baseline file ({err})")
            return EXIT_NOTHING
    prints: dict[int, str] = {}
    checker = _checker(args)
    for analysis in checker.analyze_documents(_documents(args, failures)):
        checked += 1
        path = args.stdin_filename if analysis.path == "-" and args.stdin_filename else analysis.path
        files.append(path)
        ignore = (args.ignore or []) + ignored_for(path, config)
        found = lint_analysis(analysis, path, args.select, ignore or None, args.min_score, args.publisher,
                              config.severity)
        for f in found:
            prints[id(f)] = fingerprint(f, analysis.text)
        if baseline is not None:
            found = [f for f in found if prints[id(f)] not in baseline]
        findings += found
        if args.format == "text":
            for f in found:
                line = f.text()
                if colour:
                    tint = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}[f.severity]
                    line = line.replace(f"[{f.severity}]", f"{tint}[{f.severity}]\033[0m")
                print(line)
    if args.write_baseline:
        Path(args.write_baseline).write_text(json.dumps(
            {"schema": "attribution.baseline/1.0", "findings": sorted({prints[id(f)] for f in findings})},
            indent=2) + "\n", encoding="utf-8")
        print(f"{args.write_baseline}: {len(findings)} finding(s) recorded")
        return EXIT_OK
    if args.format == "json":
        print(json.dumps({"schema": SCHEMA, "files": checked, "findings": [f.to_dict() for f in findings]},
                         ensure_ascii=False, indent=2))
    elif args.format in ("sarif", "github", "junit"):
        from .render.findings import github, junit, sarif
        output = {"sarif": lambda: sarif(findings, rules), "github": lambda: github(findings),
                  "junit": lambda: junit(findings, files)}[args.format]()
        if output:
            print(output)
    elif findings:
        counts = {sev: sum(f.severity == sev for f in findings) for sev in ("error", "warning", "info")}
        print(f"{len(findings)} finding(s): " + ", ".join(f"{n} {sev}" for sev, n in counts.items() if n))
    if checked == 0 or failures:
        return EXIT_NOTHING  # a file that could not be read is an error of the run, as in code linters
    return EXIT_PARTIAL if fails(findings, args.fail_on) else EXIT_OK


def run_serve(args) -> int:
    from .serve import missing_packages
    missing = missing_packages()
    if missing:
        _error(f"serve needs {', '.join(missing)}: pip install 'attribution[serve]'")
        return EXIT_NOTHING
    import uvicorn

    from .rulepack import LANGUAGES
    from .serve import create_app

    checker = _checker(args)
    for lang in LANGUAGES:  # load every model and backend now: a bad --model fails in one line
        checker.classifier_for(lang)
    for notice in checker.notices:
        _error(f"note: {notice}")
    print(f"attribution serve: the editor's page at http://{args.host}:{args.port}/, the API under /v1 "
          f"(docs at /docs); body limit {args.max_body:,} bytes", flush=True)
    uvicorn.run(create_app(checker, max_body=args.max_body), host=args.host, port=args.port, log_level="info")
    return EXIT_OK


def run_rules(args) -> int:
    from .lint import load_lint_rules
    for rule in load_lint_rules().values():
        print(f"{rule.code}  {rule.severity:<8} {rule.name:<24} {rule.summary}")
    return EXIT_OK


def run_rule(args) -> int:
    from .lint import load_lint_rules
    rule = load_lint_rules().get(args.code.upper())
    if rule is None:
        _error(f"no rule {args.code} (see 'attribution rules')")
        return EXIT_NOTHING
    print(f"{rule.code} {rule.name} ({rule.severity})\n\n{rule.summary}\n\nWhy: {rule.why}\n\n"
          f"Example: {rule.example}\n\nFix: {rule.fix}")
    return EXIT_OK


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
    from .training import TrainingError
    commands = {"check": run_check, "train": run_train, "evaluate": run_evaluate, "report": run_report,
                "lint": run_lint, "serve": run_serve, "rules": run_rules, "rule": run_rule}
    problems = {RuleError: "rules error", ModelError: "model error", BackendError: "backend",
                TrainingError: "labelled data"}
    try:
        return commands[args.command](args)
    except tuple(problems) as err:
        _error(f"{next(name for kind, name in problems.items() if isinstance(err, kind))}: {err}")
        return EXIT_NOTHING
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


# Commands that start no worker processes, threads or servers: once their output is flushed
# nothing is left to clean up, so the console command leaves them with ``os._exit`` and skips
# the interpreter's teardown (about 0.1 s spent freeing spaCy's objects, a tenth of a lint run).
QUICK_EXIT = {"check", "lint", "rules", "rule"}


def entry() -> None:
    """The ``attribution`` console command."""
    argv = sys.argv[1:]
    code = main(argv)
    if argv and argv[0] in QUICK_EXIT:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass  # a closed pipe: nothing more can be written anyway
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    entry()
