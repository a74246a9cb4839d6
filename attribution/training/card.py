"""Data card and duplicate check for the training corpus: ``python -m attribution.training.card DIR``.

Counts sentences per language, label, source type, topic and style, and lists duplicate and
near-duplicate sentences (same words once numbers are masked, or ≥ 80 % of word 4-grams shared).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

NEAR = 0.8


def _normal(text: str) -> str:
    return " ".join(re.sub(r"\d+", "0", text.lower()).split())


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", _normal(text))
    return {tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3))}


def duplicates(sentences: list[tuple[str, str]], min_words: int = 8) -> tuple[list, list]:
    """Exact (after masking numbers) and near duplicates among (id, text) pairs of long sentences."""
    long = [(i, t) for i, t in sentences if len(t.split()) >= min_words]
    seen: dict[str, str] = {}
    exact = []
    for i, t in long:
        key = _normal(t)
        if key in seen:
            exact.append((seen[key], i, t))
        else:
            seen[key] = i
    index: dict[tuple, list[int]] = defaultdict(list)
    shingles = [_shingles(t) for _, t in long]
    near = []
    for n, sh in enumerate(shingles):
        candidates = Counter(m for g in sh for m in index[g])
        for m, shared in candidates.items():
            if shared / max(1, min(len(sh), len(shingles[m]))) >= NEAR and _normal(long[m][1]) != _normal(long[n][1]):
                near.append((long[m][0], long[n][0], long[n][1]))
        for g in sh:
            index[g].append(n)
    return exact, near


def card(files: list[Path]) -> tuple[str, list, list]:
    per = defaultdict(Counter)
    sentences = []
    for path in files:
        for line in open(path, encoding="utf-8"):
            article = json.loads(line)
            lang = article["lang"]
            per[lang]["articles"] += 1
            m = re.search(r"\(([^,]*), ([^)]*)\)", article.get("provenance", ""))
            if m:
                per[lang][f"topic: {m.group(1)}"] += 1
                per[lang][f"style: {m.group(2)}"] += 1
            for s in article["sentences"]:
                per[lang]["sentences"] += 1
                per[lang][f"label: {s['label']}"] += 1
                for src in s["sources"]:
                    per[lang][f"source: {src['type']}"] += 1
                    per[lang]["via"] += len(src["via"])
                sentences.append((f"{article['id']}", article["text"][s["start"]:s["end"]]))
    exact, near = duplicates(sentences)
    lines = ["| | " + " | ".join(sorted(per)) + " |", "|---|" + "---|" * len(per)]
    keys = sorted({k for c in per.values() for k in c}, key=lambda k: (k.split(":")[0], k))
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(str(per[lang][key]) for lang in sorted(per)) + " |")
    return "\n".join(lines), exact, near


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    table, exact, near = card(sorted(args.folder.glob("*.jsonl")))
    print(table)
    print(f"\nduplicates (numbers masked, ≥ 8 words): {len(exact)}; near-duplicates (≥ {NEAR:.0%} of 4-grams): {len(near)}")
    for a, b, text in (exact + near)[:40]:
        print(f"  {a} ~ {b}: {text[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
