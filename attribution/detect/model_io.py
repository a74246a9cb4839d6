"""Save and load classifiers without pickle: a JSON card plus a NumPy ``.npz`` of plain arrays.

``model.json`` holds the format version, the language, the settings, the training summary and
the SHA-256 of ``weights.npz``; loading checks both and reads the arrays with
``allow_pickle=False``, so a swapped or damaged file is refused with a clear message.
"""
from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import numpy as np

from .classifier import SentenceClassifier

FORMAT = "attribution.model/2"
CARD = "model.json"
WEIGHTS = "weights.npz"


class ModelError(Exception):
    """A model folder that cannot be used."""


def save_model(model: SentenceClassifier, folder: Path, lang: str, card: dict) -> Path:
    """Write ``model.json`` and ``weights.npz`` into ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    meta, arrays = model.to_arrays()
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    data = buffer.getvalue()
    (folder / WEIGHTS).write_bytes(data)
    document = {"format": FORMAT, "lang": lang, "model": meta,
                "weights_sha256": hashlib.sha256(data).hexdigest(), **card}
    (folder / CARD).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


def load_model(folder: Path, lang: str | None = None) -> tuple[SentenceClassifier, dict]:
    """Load a model folder; :class:`ModelError` when it is missing, damaged or of another version."""
    card_path, weights_path = folder / CARD, folder / WEIGHTS
    if not card_path.is_file() or not weights_path.is_file():
        raise ModelError(f"{folder}: not a model folder (needs {CARD} and {WEIGHTS})")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ModelError(f"{card_path}: not valid JSON ({err})") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        found = card.get("format") if isinstance(card, dict) else None
        raise ModelError(f"{card_path}: model format {found!r} is not {FORMAT!r}; retrain it with "
                         f"'attribution train'")
    if lang is not None and card.get("lang") != lang:
        raise ModelError(f"{card_path}: a model for '{card.get('lang')}', not '{lang}'")
    data = weights_path.read_bytes()
    if hashlib.sha256(data).hexdigest() != card.get("weights_sha256"):
        raise ModelError(f"{weights_path}: checksum does not match {CARD}; the weights were changed "
                         f"or damaged")
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        model = SentenceClassifier.from_arrays(card["model"], arrays)
    except (ValueError, KeyError, TypeError, OSError) as err:
        raise ModelError(f"{folder}: unusable model ({err})") from None
    return model, card
