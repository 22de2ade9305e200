"""A small scikit-learn classifier for the role of an outlet mention where the rules are silent.

It is trained from ``dedupe/data/roles.jsonl`` (labelled sentences written for this project, not the
test fixtures) when a mention first needs it, and kept as plain arrays (no pickle) in the user cache
folder under a key of the training data, scikit-learn's and dedupe's versions: later runs load it in
milliseconds and never import scikit-learn for it. Where the folder is not writable the model is trained
in memory, as before. The same data always gives the same model.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from dedupe.text.normalize import TYPOGRAPHY

ROLES = ("source", "credit", "venue", "subject", "photo-credit", "non-verification")
_WORD = re.compile(r"[\w'/-]+|[^\w\s]")
WINDOW = 6


@dataclass(frozen=True, slots=True)
class RoleExample:
    sentence: str
    mention: str
    role: str


def features(left: str, mention: str, right: str) -> str:
    """Words around the mention, tagged by side, with the mention itself replaced by a placeholder. Typographic
    quotes and dashes count as plain ones, as the text normaliser reads them (real text writes curly apostrophes:
    "The Associated Press\u2019 investigation")."""
    lw = _WORD.findall(left.lower().translate(TYPOGRAPHY))[-WINDOW:]
    rw = _WORD.findall(right.lower().translate(TYPOGRAPHY))[:WINDOW]
    start = "BOS" if not left.strip() else ""
    end = "EOS" if not right.strip(" .") else ""
    return " ".join([start, *(f"L_{w}" for w in lw), "SRC", *(f"R_{w}" for w in rw), end, *lw[-2:], *rw[:2]])


def load_examples() -> list[RoleExample]:
    text = _training_data().decode("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [RoleExample(r["sentence"], r["mention"], r["role"]) for r in rows]


def example_features(example: RoleExample) -> str:
    at = example.sentence.find(example.mention)
    return features(example.sentence[:at], example.mention, example.sentence[at + len(example.mention):])


def make_pipeline() -> Any:
    """TF-IDF word n-grams and a logistic regression (a scikit-learn Pipeline; scikit-learn is imported here,
    on first use, so that scans without attribution start quickly)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([
        ("tfidf", TfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True, lowercase=False)),
        ("clf", LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced", random_state=0)),
    ])


@dataclass(frozen=True, slots=True)
class RoleModel:
    """A trained classifier as plain arrays: TF-IDF vocabulary and idf, logistic regression weights."""

    terms: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # classes x terms
    intercept: np.ndarray
    classes: tuple[str, ...]

    def predict(self, text: str) -> tuple[str, float]:
        """As the scikit-learn pipeline's predict_proba: sublinear tf, idf, l2 norm, softmax (tested equal)."""
        tokens = _TOKEN.findall(text)
        counts: dict[int, int] = {}
        for gram in (*tokens, *(" ".join(p) for p in pairwise(tokens))):
            if (n := self.terms.get(gram)) is not None:
                counts[n] = counts.get(n, 0) + 1
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[cols]
        norm = float(np.sqrt(weights @ weights))
        scores = self.coef[:, cols] @ (weights / norm if norm else weights) + self.intercept
        proba = np.exp(scores - scores.max())
        proba /= proba.sum()
        best = int(proba.argmax())
        return self.classes[best], float(proba[best])


_TOKEN = re.compile(r"\S+")  # the pipeline's token_pattern


def train_model(examples: list[RoleExample]) -> RoleModel:
    pipeline = make_pipeline()
    pipeline.fit([example_features(e) for e in examples], [e.role for e in examples])
    tfidf, clf = pipeline.named_steps["tfidf"], pipeline.named_steps["clf"]
    terms = {str(t): int(n) for t, n in tfidf.vocabulary_.items()}
    return RoleModel(terms, np.asarray(tfidf.idf_, dtype=np.float64), np.asarray(clf.coef_, dtype=np.float64),
                     np.asarray(clf.intercept_, dtype=np.float64), tuple(str(c) for c in clf.classes_))


def cache_dir() -> Path:
    """Where trained models are kept: $DEDUPE_CACHE_DIR, else $XDG_CACHE_HOME/dedupe, else ~/.cache/dedupe."""
    if os.environ.get("DEDUPE_CACHE_DIR"):
        return Path(os.environ["DEDUPE_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dedupe"


def model_key(data: bytes) -> str:
    """The training data, scikit-learn's and dedupe's versions and the model format: a new key retrains."""
    versions = "|".join(_version(p) for p in ("scikit-learn", "news-dedupe"))
    return hashlib.sha256(data + versions.encode() + MODEL_FORMAT.encode()).hexdigest()[:20]


MODEL_FORMAT = "roles-npz-3"  # 2: typographic quotes read as plain ones; 3: and dashes


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def save_model(model: RoleModel, path: Path) -> None:
    """Written to a temporary file and renamed into place: readers never see half a model."""
    path.parent.mkdir(parents=True, exist_ok=True)
    order = sorted(model.terms, key=model.terms.__getitem__)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz")
    try:
        with os.fdopen(fd, "wb") as out:
            np.savez(out, terms=np.asarray(order, dtype=str), idf=model.idf, coef=model.coef,
                     intercept=model.intercept, classes=np.asarray(model.classes, dtype=str))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def load_model(path: Path) -> RoleModel:
    with np.load(path, allow_pickle=False) as z:
        terms = {str(t): n for n, t in enumerate(z["terms"].tolist())}
        return RoleModel(terms, z["idf"], z["coef"], z["intercept"], tuple(str(c) for c in z["classes"].tolist()))


def cached_model(data: bytes, examples: list[RoleExample], folder: Path) -> RoleModel:
    """The model for this training data from the cache, else trained and cached (when the folder is
    writable; else kept in memory only)."""
    path = folder / f"roles-{model_key(data)}.npz"
    try:
        return load_model(path)
    except (OSError, ValueError, KeyError):
        pass
    model = train_model(examples)
    with contextlib.suppress(OSError):
        save_model(model, path)
    return model


class RoleClassifier:
    """Predicts the role of a mention; the model is loaded (or trained) at the first prediction, so a scan
    whose mentions the rules all decide never trains it."""

    def __init__(self, examples: list[RoleExample], data: bytes | None = None, folder: Path | None = None) -> None:
        self._examples = examples
        self._data = data
        self._folder = folder
        self._model: RoleModel | None = None

    @property
    def model(self) -> RoleModel:
        if self._model is None:
            if self._data is None or self._folder is None:
                self._model = train_model(self._examples)
            else:
                self._model = cached_model(self._data, self._examples, self._folder)
        return self._model

    def predict(self, left: str, mention: str, right: str) -> tuple[str, float]:
        return self.model.predict(features(left, mention, right))


def _training_data() -> bytes:
    return resources.files("dedupe").joinpath("data/roles.jsonl").read_bytes()


@cache
def default_classifier() -> RoleClassifier:
    data = _training_data()
    return RoleClassifier(load_examples(), data, cache_dir())
