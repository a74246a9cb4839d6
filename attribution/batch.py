"""Batch reports over archives: many articles in, tables and a dashboard out.

Inputs are article files, folders, globs, or archives in JSON Lines or CSV (columns for id,
text, date, outlet and section are configurable). Articles are analysed and scored in chunks,
in parallel on all cores (or on a Dask cluster), and every finished chunk is written at once
to ``OUT/parts/`` so an interrupted batch loses nothing; ``resume`` skips articles already done
(keyed by the SHA-256 of their text). At the end the parts are gathered with pandas into
``articles.csv`` / ``articles.parquet`` (one row per article, every sub-metric),
``sentences.parquet`` (one row per sentence), ``sources.csv`` (every source with counts),
``errors.csv`` (what could not be read or analysed) and ``index.html`` (the dashboard), with
one HTML report per article under ``OUT/articles/``.
"""
from __future__ import annotations

import csv
import glob
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .read import DEFAULT_MAX_BYTES, ReadError, document_from_text, expand_paths, read_path

CHUNK = 32


def _sentence_schema():
    import pyarrow as pa
    return pa.schema([("key", pa.string()), ("id", pa.string()), ("n", pa.int64()), ("start", pa.int64()),
                      ("end", pa.int64()), ("label", pa.string()), ("kind", pa.string()), ("text", pa.string()),
                      ("source", pa.string()), ("source_type", pa.string()), ("via", pa.string()),
                      ("cue", pa.string()), ("rules", pa.string()), ("confidence", pa.float64()),
                      ("model_score", pa.float64())])


@dataclass
class Columns:
    """Which fields of a JSON Lines or CSV archive hold what."""

    id: str = "id"
    text: str = "text"
    date: str = "date"
    outlet: str = "outlet"
    section: str = "section"


@dataclass
class Item:
    """One article to analyse, with its metadata."""

    id: str
    text: str
    path: str
    date: str = ""
    outlet: str = ""
    section: str = ""
    fmt: str = "text"

    @property
    def key(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class BatchResult:
    """The tables of a batch (``sentences`` is read from its Parquet file when asked for)."""

    articles: pd.DataFrame
    sources: pd.DataFrame
    errors: pd.DataFrame
    out: Path
    skipped: int = 0

    @property
    def sentences(self) -> pd.DataFrame:
        return pd.read_parquet(self.out / "sentences.parquet")


def iter_items(inputs: Iterable[str], columns: Columns, max_bytes: int = DEFAULT_MAX_BYTES,
               errors: list[dict] | None = None) -> Iterator[Item]:
    """Articles from files, folders, globs and JSON Lines / CSV archives, streamed."""
    errors = errors if errors is not None else []
    for arg in inputs:
        paths = [arg]
        if arg.lower().endswith((".jsonl", ".csv")) and os.path.isfile(arg):
            yield from (_archive_jsonl if arg.lower().endswith(".jsonl") else _archive_csv)(arg, columns, errors)
            continue
        if os.path.isdir(arg):
            archives = sorted(glob.glob(os.path.join(arg, "**", "*.jsonl"), recursive=True)
                              + glob.glob(os.path.join(arg, "**", "*.csv"), recursive=True))
            for archive in archives:
                yield from iter_items([archive], columns, max_bytes, errors)
        paths, problems = expand_paths([arg])
        errors.extend({"id": p.split(":")[0], "path": p.split(":")[0], "error": p} for p in problems
                      if "skipped" not in p and not p.endswith(("holds no .txt, .md, .html or .docx files",)))
        for path in paths:
            try:
                doc = read_path(path, None, max_bytes)
            except ReadError as err:
                errors.append({"id": path, "path": path, "error": str(err)})
                continue
            yield Item(id=path, text=doc.original, path=path, fmt=doc.format)


def _archive_jsonl(path: str, columns: Columns, errors: list[dict]) -> Iterator[Item]:
    with open(path, encoding="utf-8", errors="replace") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                yield _item(row, columns, path, n)
            except (json.JSONDecodeError, ValueError, TypeError) as err:
                errors.append({"id": f"{path}:{n}", "path": path, "error": f"line {n}: {err}"})


def _archive_csv(path: str, columns: Columns, errors: list[dict]) -> Iterator[Item]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle), 2):
            try:
                yield _item(row, columns, path, n)
            except (ValueError, TypeError) as err:
                errors.append({"id": f"{path}:{n}", "path": path, "error": f"row {n}: {err}"})


def _item(row: dict, columns: Columns, path: str, n: int) -> Item:
    if not isinstance(row, dict):
        raise ValueError("not an object")
    text = row.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"no text in column '{columns.text}'")
    ident = str(row.get(columns.id) or f"{os.path.basename(path)}:{n}")
    return Item(id=ident, text=text, path=path, date=str(row.get(columns.date) or ""),
                outlet=str(row.get(columns.outlet) or ""), section=str(row.get(columns.section) or ""))


# ---- the work on one chunk (runs in worker processes) ---------------------------------------
_CHECKER = None


def _checker(options: dict):
    global _CHECKER
    if _CHECKER is None:
        from .pipeline import Checker
        _CHECKER = Checker(mode=options.get("mode", "combined"), models=options.get("models"))
    return _CHECKER


def process_chunk(items: list[Item], options: dict) -> dict:
    """Analyse and score a chunk; write each article's HTML report; return table rows."""
    from .language import LanguageError, resolve_language

    out = Path(options["out"])
    checker = _checker(options)
    articles, sentences, sources, errors = [], [], [], []
    ready: list[tuple[Item, object]] = []
    for item in items:
        try:
            doc = document_from_text(item.text, item.fmt, path=item.id)
            doc.lang = resolve_language(doc.text, options.get("lang"))
            ready.append((item, doc))
        except LanguageError as err:
            errors.append({"id": item.id, "path": item.path, "error": str(err)})
    try:  # the chunk goes through nlp.pipe together
        analyses = list(checker.analyze_documents([doc for _, doc in ready]))
    except Exception:  # noqa: BLE001 - find the article that broke the chunk, one by one
        analyses = []
        for item, doc in ready:
            try:
                analyses.append(next(checker.analyze_documents([doc])))
            except Exception as err:  # noqa: BLE001 - one pathological article must not stop a batch
                errors.append({"id": item.id, "path": item.path, "error": f"{type(err).__name__}: {err}"})
                analyses.append(None)
    for (item, _), analysis in zip(ready, analyses):
        if analysis is None:
            continue
        try:
            article, sentence_rows, source_rows = _rows(item, analysis, options, out)
        except Exception as err:  # noqa: BLE001 - one pathological article must not stop a batch
            errors.append({"id": item.id, "path": item.path, "error": f"{type(err).__name__}: {err}"})
            continue
        articles.append(article)
        sentences += sentence_rows
        sources += source_rows
    return {"articles": articles, "sentences": sentences, "sources": sources, "errors": errors}


def _rows(item: Item, analysis, options: dict, out: Path) -> tuple[dict, list[dict], list[dict]]:
    """Score one analysed article, write its HTML page, and return its table rows."""
    from .render.report import report_html
    from .score import score_article

    card = score_article(analysis, publisher=options.get("publisher") or item.outlet or None)
    page = f"articles/{item.key[:16]}.html"
    (out / page).write_text(report_html(analysis, card), encoding="utf-8")
    counts = analysis.counts()
    article = {"id": item.id, "key": item.key, "path": item.path, "date": item.date,
               "outlet": item.outlet, "section": item.section, "lang": analysis.lang,
               "publisher": card.publisher or "", "score": card.score, "band": card.band,
               "sentences": len(analysis.sentences), **{f"n_{k}": v for k, v in counts.items()},
               **card.metrics, **{f"types_{t}": n for t, n in card.source_types.items()},
               **{f"criterion_{c.id}": c.passed for c in card.criteria}, "report": page}
    sentences = []
    for k, s in enumerate(analysis.sentences):
        main = next((x for x in s.sources if x.type != "vague"), None)
        sentences.append({"key": item.key, "id": item.id, "n": k, "start": s.start, "end": s.end,
                          "label": s.label, "kind": s.kind, "text": s.text,
                          "source": main.text if main else "", "source_type": main.type if main else "",
                          "via": ", ".join(v for x in s.sources for v in x.via), "cue": s.cue or "",
                          "rules": ", ".join(s.rules), "confidence": s.confidence, "model_score": s.model_score})
    sources = [{"key": item.key, "id": item.id, "outlet": item.outlet, "name": src["name"], "type": src["type"],
                "sentences": src["sentences"], "mentions": src["mentions"], "via": ", ".join(src["via"]),
                "identified": src["identified"]} for src in card.sources]
    return article, sentences, sources


# ---- running a batch ----------------------------------------------------------------------
def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _done_keys(parts: Path) -> set[str]:
    keys: set[str] = set()
    for part in parts.glob("part-*.json"):
        try:
            keys.update(row["key"] for row in json.loads(part.read_text(encoding="utf-8"))["articles"])
        except (json.JSONDecodeError, KeyError, OSError):
            continue  # a part cut short by an interruption is simply redone
    return keys


def run_batch(inputs: list[str], out: str | Path, columns: Columns | None = None, resume: bool = False,
              engine: str = "local", workers: int | None = None, scheduler: str | None = None,
              mode: str = "combined", models: str | None = None, lang: str | None = None,
              publisher: str | None = None, progress=None, chunk_size: int = CHUNK) -> BatchResult:
    """Analyse and score every article of ``inputs`` into the folder ``out``."""
    out = Path(out)
    parts = out / "parts"
    (out / "articles").mkdir(parents=True, exist_ok=True)
    parts.mkdir(exist_ok=True)
    if not resume:
        for old in parts.glob("part-*.json"):
            old.unlink()
    done = _done_keys(parts) if resume else set()
    read_errors: list[dict] = []
    skipped = 0
    seen: set[str] = set()

    def todo() -> Iterator[Item]:
        nonlocal skipped
        for item in iter_items(inputs, columns or Columns(), errors=read_errors):
            if item.key in done or item.key in seen:
                skipped += 1
                continue
            seen.add(item.key)
            yield item

    options = {"out": str(out), "mode": mode, "models": models, "lang": lang, "publisher": publisher}
    start = len(list(parts.glob("part-*.json")))
    counter = start

    def save(result: dict) -> None:
        nonlocal counter
        target = parts / f"part-{counter:06d}.json"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)  # a part is there whole or not at all
        counter += 1
        if progress is not None:
            progress(len(result["articles"]) + len(result["errors"]))

    if engine == "dask":
        _run_dask(_chunks(todo(), chunk_size), options, save, scheduler, workers)
    elif workers == 1:
        for chunk in _chunks(todo(), chunk_size):
            save(process_chunk(chunk, options))
    else:
        _run_local(_chunks(todo(), chunk_size), options, save, workers or os.cpu_count() or 1)
    return gather(out, read_errors, skipped)


def _run_local(chunks: Iterator[list[Item]], options: dict, save, workers: int) -> None:
    """A bounded pool: at most two chunks per worker in flight, so memory stays flat."""
    from concurrent.futures import FIRST_COMPLETED, wait
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = set()
        for chunk in chunks:
            pending.add(pool.submit(process_chunk, chunk, options))
            if len(pending) >= 2 * workers:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    save(future.result())
        for future in pending:
            save(future.result())


def _run_dask(chunks: Iterator[list[Item]], options: dict, save, scheduler: str | None, workers: int | None) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RuntimeError("the Dask engine needs dask.distributed: pip install 'attribution[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        limit = 2 * max(1, len(client.scheduler_info()["workers"]))
        running = as_completed()
        for chunk in chunks:
            running.add(client.submit(process_chunk, chunk, options, pure=False))
            while running.count() >= limit:
                save(next(running).result())
        for future in running:
            save(future.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def gather(out: Path, read_errors: list[dict], skipped: int = 0) -> BatchResult:
    """Build the tables and the dashboard from the finished parts, one part at a time (sentence
    rows go straight to Parquet, so memory does not grow with the archive)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    articles: list[dict] = []
    errors = list(read_errors)
    sources: dict[tuple[str, str], dict] = {}
    writer = None
    seen: set[str] = set()
    for part in sorted((out / "parts").glob("part-*.json")):
        data = json.loads(part.read_text(encoding="utf-8"))
        fresh = [a for a in data.get("articles", []) if a["key"] not in seen]
        keys = {a["key"] for a in fresh}
        seen |= keys
        articles += fresh
        errors += data.get("errors", [])
        rows = [r for r in data.get("sentences", []) if r["key"] in keys]
        if rows:
            table = pa.Table.from_pylist(rows, schema=writer.schema if writer else _sentence_schema())
            writer = writer or pq.ParquetWriter(out / "sentences.parquet", table.schema)
            writer.write_table(table)
        for src in data.get("sources", []):
            if src["key"] not in keys:
                continue
            entry = sources.setdefault((src["name"], src["type"]), {
                "name": src["name"], "type": src["type"], "articles": 0, "sentences": 0, "mentions": 0,
                "via": set(), "identified": False})
            entry["articles"] += 1
            entry["sentences"] += src["sentences"]
            entry["mentions"] += src["mentions"]
            entry["via"].update(v for v in src["via"].split(", ") if v)
            entry["identified"] = entry["identified"] or src["identified"]
    if writer is None:
        pq.write_table(pa.Table.from_pylist([], schema=_sentence_schema()), out / "sentences.parquet")
    else:
        writer.close()
    table = pd.DataFrame(articles)
    if not table.empty:
        table = table.sort_values("id", kind="stable").reset_index(drop=True)
    table.to_csv(out / "articles.csv", index=False)
    table.to_parquet(out / "articles.parquet", index=False)
    summary = pd.DataFrame([{**v, "via": ", ".join(sorted(v["via"]))} for v in sources.values()],
                           columns=["name", "type", "articles", "sentences", "mentions", "via", "identified"])
    if not summary.empty:
        summary = summary.sort_values(["articles", "sentences", "name"], ascending=[False, False, True]).reset_index(drop=True)
    summary.to_csv(out / "sources.csv", index=False)
    error_table = pd.DataFrame(errors, columns=["id", "path", "error"])
    error_table.to_csv(out / "errors.csv", index=False)
    from .render.dashboard import dashboard_html
    (out / "index.html").write_text(dashboard_html(table, summary, error_table), encoding="utf-8")
    return BatchResult(table, summary, error_table, out, skipped)
