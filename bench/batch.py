"""Batch reports at scale: articles/second and memory for generated archives.

    .venv/bin/python bench/batch.py [--articles 10000 100000] [--workers 2] [--dask]

For each size, a JSON Lines archive of synthetic articles (``bench/corpus.py``, with outlet,
section and date columns) is written to a temporary folder and run through
``attribution.batch.run_batch`` with every per-article page, table and the dashboard. Printed:
articles/s, sentences/s, the resident memory of the main process while the batch runs (sampled
as parts finish: it must stay flat), and the peak of the worker processes. ``--dask`` also
times 1 and 2 workers of a Dask ``LocalCluster`` on the smallest size.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus import build_corpus  # noqa: E402

from attribution.batch import Columns, run_batch  # noqa: E402

OUTLETS = ["Kompas", "detikcom", "ANTARA", "Reuters", "AP", "BBC"]
SECTIONS = ["politics", "economy", "crime", "sport", "health"]


def rss_mib() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def write_archive(folder: str, n: int) -> tuple[str, int]:
    """n articles (half English, half Indonesian) as JSON Lines; returns path and sentences."""
    rng = random.Random(7)
    path = os.path.join(folder, f"archive-{n}.jsonl")
    per_lang = n // 2
    sentences = 0
    with open(path, "w", encoding="utf-8") as handle:
        for lang in ("en", "id"):
            texts, built = build_corpus(lang, per_lang * 22)
            texts = (texts * (per_lang // max(1, len(texts)) + 1))[:per_lang]
            sentences += built * per_lang // max(1, len(texts))
            for i, text in enumerate(texts):
                # a unique line keeps every article distinct for the content-hash resume key
                row = {"id": f"{lang}-{i:06d}", "text": f"{text}\n\n(ref {lang}{i})",
                       "outlet": rng.choice(OUTLETS), "section": rng.choice(SECTIONS),
                       "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path, sentences


def run(path: str, out: str, n: int, **kwargs) -> dict:
    samples = []
    done = 0

    def progress(k: int) -> None:
        nonlocal done
        done += k
        if not samples or done - samples[-1][0] >= max(1, n // 10):
            samples.append((done, rss_mib()))

    t0 = time.perf_counter()
    result = run_batch([path], out, Columns(), progress=progress, **kwargs)
    seconds = time.perf_counter() - t0
    samples.append((done, rss_mib()))
    return {"articles": len(result.articles), "seconds": seconds, "samples": samples,
            "errors": len(result.errors)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--dask", action="store_true", help="also time 1 and 2 Dask workers on the first size")
    args = ap.parse_args(argv)
    base = tempfile.mkdtemp(prefix="attribution-batch-")
    try:
        for n in args.articles:
            path, sentences = write_archive(base, n)
            out = os.path.join(base, f"out-{n}")
            r = run(path, out, n, workers=args.workers)
            print(f"\n== {n:,} articles, {args.workers} local worker(s) ==")
            print(f"{r['articles']:,} done, {r['errors']} errors in {r['seconds']:.1f}s: "
                  f"{r['articles'] / r['seconds']:.1f} articles/s, ~{sentences / r['seconds']:,.0f} sentences/s")
            print("main process RSS while running (articles done: MiB): "
                  + ", ".join(f"{k:,}: {m:.0f}" for k, m in r["samples"]))
            shutil.rmtree(out, ignore_errors=True)
        if args.dask:
            n = args.articles[0]
            path, _ = write_archive(base, n)
            for workers in (1, 2):
                r = run(path, os.path.join(base, f"dask-{workers}"), n, engine="dask", workers=workers)
                print(f"\n== Dask LocalCluster, {workers} worker(s), {n:,} articles: {r['seconds']:.1f}s, "
                      f"{r['articles'] / r['seconds']:.1f} articles/s")
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"\npeak RSS: main {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB, "
              f"largest worker {children:.0f} MiB")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
