"""The learned sentence classifier that works beside the rules.

:class:`SentenceClassifier` is a small scikit-learn style estimator (``fit`` / ``predict`` /
``predict_proba``): logistic regression over hashed rule features (see ``features.py``) and the
sentence's words, word pairs and word edges (:func:`text_terms`), with Platt-calibrated probabilities fitted
on cross-validated scores, and a second logistic regression for the type of the main source.

Hashing keeps the model free of vocabularies: it is fully described by its settings and a few
NumPy arrays, which :mod:`attribution.detect.model_io` saves without pickle. Prediction is a
NumPy dot product over the hashed columns (:mod:`.hashing`); scikit-learn and SciPy are imported
only to fit.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import numpy as np

from .hashing import HashedRows, hashed_features

TYPE_CLASSES = ("anonymous", "organization", "outlet", "person")
_WORD = re.compile(r"\w+", re.U)


def text_terms(text: str) -> list[str]:
    """Words, word pairs and word edges (``^ber``, ``nya$``) of a sentence, lower-cased: the
    edges carry the morphology (``-nya``, ``me-``, ``-ed``) that character n-grams would, at a
    fraction of the cost."""
    words = _WORD.findall(text.lower())
    terms = list(words)
    terms += [f"{a} {b}" for a, b in zip(words, words[1:])]
    for w in words:
        if len(w) >= 5:
            terms.append("^" + w[:3])
            terms.append(w[-3:] + "$")
    return terms


@dataclass(frozen=True)
class Settings:
    """Everything that defines the features and the fit; saved with the model."""

    word_features: int = 2 ** 16
    rule_features: int = 2 ** 12
    rule_weight: float = 3.0     # rule features count more than any single n-gram
    C: float = 2.0
    calibration_folds: int = 5
    seed: int = 13


def _figures(y: np.ndarray, p: np.ndarray, folds: int) -> dict:
    """Attributed P/R/F1 at 0.5, Brier score and expected calibration error (10 bins)."""
    predicted = p >= 0.5
    tp = int(np.sum(predicted & (y == 1)))
    precision = tp / max(1, int(predicted.sum()))
    recall = tp / max(1, int((y == 1).sum()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(abs(p[bins == k].mean() - y[bins == k].mean()) * np.mean(bins == k) for k in range(10) if np.any(bins == k))
    return {"folds": folds, "sentences": int(len(y)), "attributed_p": round(precision, 4),
            "attributed_r": round(recall, 4), "attributed_f1": round(f1, 4),
            "brier": round(float(np.mean((p - y) ** 2)), 4), "ece": round(float(ece), 4)}


class SentenceClassifier:
    """Attributed-or-not for a sentence, with a calibrated probability and a source type."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.coef_: np.ndarray | None = None
        self.intercept_: float = 0.0
        self.calibration_: tuple[float, float] = (1.0, 0.0)
        self.type_coef_: np.ndarray | None = None
        self.type_intercept_: np.ndarray | None = None
        self.cv_figures_: dict | None = None  # cross-validated figures on the training data

    # ---- features -----------------------------------------------------------------------------
    def transform(self, texts: list[str], rule_feats: list[list[str]]) -> HashedRows:
        s = self.settings
        return hashed_features(texts, rule_feats, text_terms, s.word_features, s.rule_features, s.rule_weight)

    def _matrix(self, texts, rule_feats):
        s = self.settings
        return self.transform(texts, rule_feats).to_csr(s.word_features + s.rule_features)

    # ---- fitting ------------------------------------------------------------------------------
    def fit(self, texts: list[str], rule_feats: list[list[str]], y, source_types=None) -> "SentenceClassifier":
        """Fit on sentences (``y`` 1 = attributed). ``source_types`` gives, for attributed
        sentences, the type of the main named source (or None) to fit the type model."""
        from sklearn.linear_model import LogisticRegression

        y = np.asarray(y, dtype=int)
        X = self._matrix(texts, rule_feats)
        model = self._logreg().fit(X, y)
        self.coef_ = model.coef_[0].astype(np.float32)
        self.intercept_ = float(model.intercept_[0])
        self.calibration_ = self._calibrate(X, y)
        if source_types is not None:
            rows = [i for i, t in enumerate(source_types) if t in TYPE_CLASSES]
            labels = [TYPE_CLASSES.index(source_types[i]) for i in rows]
            if len(set(labels)) >= 2:
                typed = LogisticRegression(C=self.settings.C, max_iter=3000, solver="lbfgs").fit(X[rows], labels)
                coef = np.zeros((len(TYPE_CLASSES), X.shape[1]), dtype=np.float32)
                intercept = np.full(len(TYPE_CLASSES), -1e3, dtype=np.float32)
                present = typed.classes_
                if len(present) == 2:  # binary fit: one row of weights for the second class
                    coef[present[1]] = typed.coef_[0]
                    intercept[present[0]], intercept[present[1]] = 0.0, typed.intercept_[0]
                else:
                    coef[present] = typed.coef_
                    intercept[present] = typed.intercept_
                self.type_coef_, self.type_intercept_ = coef, intercept
        return self

    def _logreg(self):
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=self.settings.C, max_iter=2000, solver="liblinear",
                                  random_state=self.settings.seed)

    def _calibrate(self, X, y) -> tuple[float, float]:
        """Platt scaling of scores from models that did not see the sentence."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold

        folds = min(self.settings.calibration_folds, int(np.bincount(y).min()) if len(set(y)) > 1 else 0)
        if folds < 2:
            return 1.0, 0.0
        scores = np.zeros(len(y))
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.settings.seed)
        for train, test in splitter.split(X, y):
            scores[test] = self._logreg().fit(X[train], y[train]).decision_function(X[test])
        platt = LogisticRegression(C=1e4, solver="lbfgs").fit(scores.reshape(-1, 1), y)
        a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
        self.cv_figures_ = _figures(y, 1.0 / (1.0 + np.exp(-(a * scores + b))), folds)
        return a, b

    # ---- prediction ---------------------------------------------------------------------------
    def decision_function(self, texts, rule_feats) -> np.ndarray:
        if self.coef_ is None:
            raise RuntimeError("the classifier is not fitted")
        if not texts:
            return np.zeros(0)
        return self.transform(texts, rule_feats).dot(self.coef_) + self.intercept_

    def predict_proba(self, texts, rule_feats) -> np.ndarray:
        """Calibrated probabilities, columns (not attributed, attributed)."""
        a, b = self.calibration_
        p = 1.0 / (1.0 + np.exp(-(a * self.decision_function(texts, rule_feats) + b)))
        return np.column_stack([1 - p, p])

    def predict(self, texts, rule_feats, threshold: float = 0.5) -> np.ndarray:
        return (self.predict_proba(texts, rule_feats)[:, 1] >= threshold).astype(int)

    def predict_type(self, texts, rule_feats) -> list[str | None]:
        """The most likely type of the main source of each sentence (None without a type model)."""
        if self.type_coef_ is None or not texts:
            return [None] * len(texts)
        scores = self.transform(texts, rule_feats).dot(self.type_coef_.T) + self.type_intercept_
        return [TYPE_CLASSES[i] for i in scores.argmax(axis=1)]

    # ---- persistence (arrays only) ------------------------------------------------------------
    def to_arrays(self) -> tuple[dict, dict[str, np.ndarray]]:
        meta = {"settings": asdict(self.settings), "intercept": self.intercept_, "cv_figures": self.cv_figures_,
                "calibration": list(self.calibration_), "type_classes": list(TYPE_CLASSES),
                "has_type_model": self.type_coef_ is not None}
        arrays = {"coef": self.coef_}
        if self.type_coef_ is not None:
            arrays["type_coef"] = self.type_coef_
            arrays["type_intercept"] = self.type_intercept_
        return meta, arrays

    @classmethod
    def from_arrays(cls, meta: dict, arrays: dict[str, np.ndarray]) -> "SentenceClassifier":
        model = cls(Settings(**meta["settings"]))
        model.coef_ = arrays["coef"]
        model.intercept_ = float(meta["intercept"])
        model.calibration_ = tuple(meta["calibration"])
        model.cv_figures_ = meta.get("cv_figures")
        if meta.get("has_type_model"):
            model.type_coef_ = arrays["type_coef"]
            model.type_intercept_ = arrays["type_intercept"]
        expected = model.settings.word_features + model.settings.rule_features
        if model.coef_.shape != (expected,):
            raise ValueError(f"weights have shape {model.coef_.shape}, settings need ({expected},)")
        return model
