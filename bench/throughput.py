"""Throughput of ``attribution.analyze_many`` against a bare spaCy sentencizer.

    .venv/bin/python bench/throughput.py [--sentences N] [--lang en|id|both] [--repeat K]
                                         [--texts FILE.jsonl ...]

By default the corpus is synthetic (see ``bench/corpus.py``): at least N sentences per
language, built deterministically, nothing read from disk. Its small vocabulary keeps
spaCy's tokenizer cache warm, which flatters the bare pipeline; ``--texts`` times real copy
instead: JSON Lines articles with ``text`` and ``lang`` (e.g. ``seeds/training/*.jsonl`` or a
newsroom archive), repeated in order until N sentences. For each language, in one process:

* attribution: one warm-up ``analyze`` call on a small article first (so building the spaCy
  pipeline and loading the YAML rule packs are not timed), then
  ``list(attribution.analyze_many(texts, lang=lang))``; sentences = sum of
  ``len(analysis.sentences)``.
* bare: ``nlp = spacy.blank(lang); nlp.add_pipe("sentencizer")``, one warm-up call, then
  ``list(nlp.pipe(texts))``; sentences = sum of ``len(list(doc.sents))``.

Tokens are whitespace-separated tokens of the corpus (the same count for both), so tokens/s
is comparable between the two. Each measurement is the best (shortest) of --repeat runs,
timed with ``time.perf_counter``; the two pipelines alternate run by run.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import spacy  # noqa: E402

import attribution  # noqa: E402
from attribution import analyze_many  # noqa: E402
from corpus import DEFAULT_SEED, build_corpus, sample_article  # noqa: E402

TARGET = 0.125
GOAL = 0.25


def time_attribution(texts: list[str], lang: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = 0
    for analysis in analyze_many(texts, lang=lang):
        n += len(analysis.sentences)
    return time.perf_counter() - t0, n


def time_bare(nlp, texts: list[str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    n = sum(len(list(doc.sents)) for doc in docs)
    return time.perf_counter() - t0, n


def load_texts(paths: list[str], lang: str, n_sentences: int) -> tuple[list[str], int]:
    """Articles of one language from JSON Lines files, repeated until ``n_sentences``."""
    articles = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    a = json.loads(line)
                    if a.get("lang", lang) == lang and a.get("text"):
                        n = len(a.get("sentences") or []) or a["text"].count(". ") + 1
                        articles.append((a["text"], n))
    if not articles:
        return [], 0
    texts, built = [], 0
    while built < n_sentences:
        for text, n in articles:
            texts.append(text)
            built += n
            if built >= n_sentences:
                break
    return texts, built


def bench_language(lang: str, n_sentences: int, repeat: int, seed: int, paths: list[str] | None) -> dict:
    t0 = time.perf_counter()
    texts, built = load_texts(paths, lang, n_sentences) if paths else build_corpus(lang, n_sentences, seed)
    gen_s = time.perf_counter() - t0
    if not texts:
        return {}
    words = [w for t in texts for w in t.split()]
    tokens, types = len(words), len(set(words))
    chars = sum(len(t) for t in texts)

    # Warm-up (not timed): builds the attribution pipeline + rule engine, and the bare nlp.
    warm = sample_article(lang, seed)
    t0 = time.perf_counter()
    attribution.analyze(warm, lang=lang)
    load_s = time.perf_counter() - t0
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp(warm)

    att_times, bare_times = [], []
    att_n = bare_n = None
    for _ in range(repeat):  # alternate so drift (thermal, neighbours) hits both alike
        gc.collect()
        dt, n = time_attribution(texts, lang)
        att_times.append(dt)
        assert att_n in (None, n), "attribution sentence count changed between runs"
        att_n = n
        gc.collect()
        dt, n = time_bare(nlp, texts)
        bare_times.append(dt)
        assert bare_n in (None, n), "bare sentence count changed between runs"
        bare_n = n
    return {"lang": lang, "articles": len(texts), "built": built, "tokens": tokens, "types": types,
            "chars": chars,
            "gen_s": gen_s, "load_s": load_s,
            "att_s": min(att_times), "att_n": att_n, "att_all": att_times,
            "bare_s": min(bare_times), "bare_n": bare_n, "bare_all": bare_times}


def report(r: dict) -> None:
    if not r:
        return
    att_sps, bare_sps = r["att_n"] / r["att_s"], r["bare_n"] / r["bare_s"]
    att_tps, bare_tps = r["tokens"] / r["att_s"], r["tokens"] / r["bare_s"]
    ratio = att_tps / bare_tps  # same corpus, same token count: = bare_s / att_s
    print(f"\n== {r['lang']} ==  {r['articles']} articles, {r['built']} sentences as built, "
          f"{r['tokens']:,} whitespace tokens ({r['types']:,} distinct), {r['chars']:,} chars, "
          f"generated in {r['gen_s']:.2f}s")
    print(f"warm-up analyze() on one small article, excluded from timings: {r['load_s']:.2f}s")
    print(f"{'':14}{'sentences':>10}{'best s':>9}{'sent/s':>11}{'tokens/s':>12}   runs (s)")
    for name, n, best, sps, tps, runs in (
            ("attribution", r["att_n"], r["att_s"], att_sps, att_tps, r["att_all"]),
            ("bare spaCy", r["bare_n"], r["bare_s"], bare_sps, bare_tps, r["bare_all"])):
        runs_s = " ".join(f"{t:.2f}" for t in runs)
        print(f"{name:14}{n:>10,}{best:>9.2f}{sps:>11,.0f}{tps:>12,.0f}   {runs_s}")
    verdict = "meets goal" if ratio >= GOAL else "meets target" if ratio >= TARGET else "BELOW target"
    print(f"ratio attribution/bare (tokens/s): {ratio:.3f}  "
          f"(sent/s: {att_sps / bare_sps:.3f})  -> {verdict}")
    cold = r["bare_all"][0] / r["att_all"][0]
    print(f"(first run only, caches cold for both: ratio {cold:.3f}; not the headline figure)")
    print(f"target ≥ 1/8 ({TARGET}) of bare, goal 1/4")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="attribution.analyze_many throughput vs bare spaCy")
    ap.add_argument("--sentences", type=int, default=10000, help="minimum sentences per language")
    ap.add_argument("--lang", choices=("en", "id", "both"), default="both")
    ap.add_argument("--repeat", type=int, default=3, help="runs per pipeline; best is reported")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    ap.add_argument("--texts", nargs="+", metavar="FILE.jsonl",
                    help="time these articles (JSON Lines with text and lang) instead of the synthetic corpus")
    args = ap.parse_args(argv)
    if args.sentences < 1 or args.repeat < 1:
        ap.error("--sentences and --repeat must be positive")

    langs = ("en", "id") if args.lang == "both" else (args.lang,)
    print(f"attribution {attribution.__version__}, spaCy {spacy.__version__}, "
          f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}")
    source = f"{len(args.texts)} JSON Lines file(s)" if args.texts else f"synthetic (bench/corpus.py, seed {args.seed})"
    print(f"corpus: {source}, ≥{args.sentences} sentences per language; best of {args.repeat} runs; "
          f"single process")
    wall = time.perf_counter()
    for lang in langs:
        report(bench_language(lang, args.sentences, args.repeat, args.seed, args.texts))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    peak_mib = peak_kib / 1024 if sys.platform != "darwin" else peak_kib / 2 ** 20
    print(f"\npeak RSS: {peak_mib:.0f} MiB   total wall time: {time.perf_counter() - wall:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
