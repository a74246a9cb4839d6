"""Feature hashing for the classifier, in plain NumPy.

The same hashing as scikit-learn's ``HashingVectorizer``/``FeatureHasher`` with
``alternate_sign=False`` (signed 32-bit MurmurHash3 of the UTF-8 term, seed 0, ``abs(h) %
n_features``), so a model trained with either predicts the same. Prediction needs only these
arrays and a dot product: the checker starts without importing scikit-learn or SciPy.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from murmurhash import hash as murmurhash3_32

_INT32_MIN = -(2 ** 31)


def buckets(terms: list[str], n_features: int) -> np.ndarray:
    """The column of each term among ``n_features`` hashed columns."""
    h = np.fromiter(map(murmurhash3_32, terms), dtype=np.int64, count=len(terms))
    columns = np.abs(h) % n_features
    # abs(-2**31) overflows int32 in scikit-learn, which maps that hash like this instead
    return np.where(h == _INT32_MIN, (2 ** 31 - 1 - (n_features - 1)) % n_features, columns)


class HashedRows:
    """Rows of hashed term counts as COO triplets (row, column, value), duplicates summed."""

    def __init__(self, n_rows: int, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray):
        self.n_rows, self.rows, self.cols, self.vals = n_rows, rows, cols, vals

    @classmethod
    def from_terms(cls, documents: Iterable[list[str]], n_features: int, offset: int = 0,
                   scale: float = 1.0, l2: bool = False) -> "HashedRows":
        """Count each document's terms into ``n_features`` columns starting at ``offset``;
        ``l2`` scales every row to unit length (then ``scale``)."""
        flat: list[str] = []
        lengths: list[int] = []
        for terms in documents:
            flat.extend(terms)
            lengths.append(len(terms))
        n_rows = len(lengths)
        keys = np.repeat(np.arange(n_rows, dtype=np.int64), lengths) * n_features + buckets(flat, n_features)
        keys, counts = np.unique(keys, return_counts=True)
        rows, cols = np.divmod(keys, n_features)
        vals = counts.astype(np.float64)
        if l2:
            vals /= np.sqrt(np.bincount(rows, weights=vals * vals, minlength=n_rows))[rows]
        return cls(n_rows, rows, cols + offset, vals * scale)

    def stack(self, other: "HashedRows") -> "HashedRows":
        """Columns side by side (both hold the same documents)."""
        return HashedRows(max(self.n_rows, other.n_rows), np.concatenate([self.rows, other.rows]),
                          np.concatenate([self.cols, other.cols]), np.concatenate([self.vals, other.vals]))

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """``X @ weights`` for a weight vector (n_features,) or matrix (n_features, k)."""
        if weights.ndim == 1:
            return np.bincount(self.rows, weights=self.vals * weights[self.cols], minlength=self.n_rows)
        out = np.zeros((self.n_rows, weights.shape[1]))
        np.add.at(out, self.rows, self.vals[:, None] * weights[self.cols])
        return out

    def to_csr(self, n_columns: int):
        """A SciPy CSR matrix, for fitting."""
        from scipy import sparse

        return sparse.csr_matrix((self.vals, (self.rows, self.cols)), shape=(self.n_rows, n_columns))


def hashed_features(texts: list[str], rule_feats: list[list[str]], analyzer: Callable[[str], list[str]],
                    word_features: int, rule_features: int, rule_weight: float) -> HashedRows:
    """Words (l2-normalised) then rule features (weighted), as one row per sentence."""
    words = HashedRows.from_terms(map(analyzer, texts), word_features, l2=True)
    rules = HashedRows.from_terms(rule_feats, rule_features, offset=word_features, scale=rule_weight)
    return words.stack(rules)
