"""The labelled training corpus: authored articles → gold JSON Lines (``GUIDELINES.md`` format).

Sentences are written as a list of paragraphs, each a list of sentences with their label and
sources; :func:`build_article` joins them into the article text and computes every offset,
checking that each source is written in its sentence. ``python -m attribution.training.corpus
AUTHORED.jsonl... --out DIR`` builds and validates files, one gold file per input.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

LABELS = {"attributed", "unattributed", "skip"}
TYPES = {"outlet", "person", "organization", "anonymous", "vague"}


class CorpusError(ValueError):
    """An authored article that breaks the labelling rules."""


def build_article(article: dict) -> dict:
    """Gold-format article from ``{"id", "lang", "topic", "style", "paragraphs": [[sentence]]}``."""
    where = article.get("id", "?")
    for key in ("id", "lang", "paragraphs"):
        if key not in article:
            raise CorpusError(f"{where}: missing '{key}'")
    if article["lang"] not in ("en", "id"):
        raise CorpusError(f"{where}: lang must be en or id")
    text_parts: list[str] = []
    sentences = []
    pos = 0
    for p, paragraph in enumerate(article["paragraphs"]):
        if not isinstance(paragraph, list) or not paragraph:
            raise CorpusError(f"{where}: paragraph {p} must be a non-empty list of sentences")
        if p:
            text_parts.append("\n\n")
            pos += 2
        for k, sentence in enumerate(paragraph):
            sentences.append(_sentence(sentence, pos, f"{where} paragraph {p} sentence {k}"))
            if k:
                sentences[-1]["start"] += 1
                sentences[-1]["end"] += 1
                text_parts.append(" ")
                pos += 1
            text_parts.append(sentence["text"])
            pos += len(sentence["text"])
    text = "".join(text_parts)
    for s in sentences:
        assert text[s["start"]:s["end"]] == s.pop("_text")
    provenance = "written for attribution training"
    if article.get("topic") or article.get("style"):
        provenance += f" ({article.get('topic', '')}, {article.get('style', '')})"
    return {"id": article["id"], "lang": article["lang"], "provenance": provenance, "text": text,
            "sentences": sentences}


def _sentence(sentence: dict, pos: int, where: str) -> dict:
    text = sentence.get("text")
    if not isinstance(text, str) or not text.strip() or text != text.strip() or "\n" in text:
        raise CorpusError(f"{where}: 'text' must be one line without outer spaces")
    label = sentence.get("label")
    if label not in LABELS:
        raise CorpusError(f"{where}: label must be one of {sorted(LABELS)}")
    sources = sentence.get("sources", [])
    out = []
    for source in sources:
        if source.get("type") not in TYPES:
            raise CorpusError(f"{where}: source type must be one of {sorted(TYPES)}")
        if not source.get("text") or source["text"] not in text:
            raise CorpusError(f"{where}: source text {source.get('text')!r} is not in the sentence")
        via = source.get("via", [])
        for name in via:
            if name not in text:
                raise CorpusError(f"{where}: via {name!r} is not in the sentence")
        out.append({"text": source["text"], "type": source["type"], "via": list(via)})
    if label == "unattributed" and any(s["type"] != "vague" for s in out):
        raise CorpusError(f"{where}: an unattributed sentence may only carry vague sources")
    if label == "skip" and out:
        raise CorpusError(f"{where}: a skipped line has no sources")
    return {"start": pos, "end": pos + len(text), "label": label, "sources": out, "_text": text}


def load_authored(path: Path) -> list[dict]:
    articles = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    articles.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise CorpusError(f"{path}:{n}: not JSON: {err}") from None
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("authored", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    status = 0
    for path in args.authored:
        try:
            built = [build_article(a) for a in load_authored(path)]
        except CorpusError as err:
            print(f"{path}: {err}", file=sys.stderr)
            status = 1
            continue
        target = args.out / path.with_suffix(".jsonl").name
        with open(target, "w", encoding="utf-8") as handle:
            for article in built:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
        n = sum(len(a["sentences"]) for a in built)
        print(f"{target}: {len(built)} articles, {n} sentences")
    return status


if __name__ == "__main__":
    sys.exit(main())
