"""The role classifier: trained once, cached as plain arrays, predicting exactly as the scikit-learn pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from dedupe.attribution.roles import (
    RoleClassifier,
    cached_model,
    example_features,
    features,
    load_examples,
    make_pipeline,
    model_key,
    train_model,
)

DATA = b'{"sentence": "x"}'
MENTIONS = [("Officials told ", "Reuters", " on Monday."), ("", "TASS", " reported that the talks had ended."),
            ("Photo: ", "AFP", ""), ("The ", "BBC", " has opened a new bureau in Nairobi."), ("", "Nobody", "")]


def test_the_array_model_predicts_as_the_pipeline() -> None:
    examples = load_examples()
    pipeline = make_pipeline().fit([example_features(e) for e in examples], [e.role for e in examples])
    model = train_model(examples)
    texts = [example_features(e) for e in examples[::7]] + [features(*m) for m in MENTIONS]
    proba = pipeline.predict_proba(texts)
    for text, row in zip(texts, proba, strict=True):
        role, p = model.predict(text)
        assert role == pipeline.classes_[int(row.argmax())]
        assert p == pytest.approx(float(row.max()), abs=1e-9)


def test_the_model_is_trained_once_and_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = load_examples()[:200]
    first = cached_model(DATA, examples, tmp_path)
    [saved] = list(tmp_path.iterdir())
    assert saved.name == f"roles-{model_key(DATA)}.npz"
    monkeypatch.setattr("dedupe.attribution.roles.train_model", lambda _: pytest.fail("trained again"))
    second = cached_model(DATA, examples, tmp_path)
    assert second.terms == first.terms and second.classes == first.classes
    assert np.array_equal(second.coef, first.coef)
    other = b'{"sentence": "y"}'
    assert model_key(other) != model_key(DATA)  # new training data, new key: retrained


def test_an_unwritable_cache_still_gives_a_model(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    model = cached_model(DATA, load_examples()[:200], blocked / "cache")
    assert model.predict(features(*MENTIONS[1]))[0] in model.classes


def test_a_corrupt_cache_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / f"roles-{model_key(DATA)}.npz").write_bytes(b"garbage")
    model = cached_model(DATA, load_examples()[:200], tmp_path)
    assert model.classes
    assert cached_model(DATA, [], tmp_path).classes == model.classes  # now loadable: no training data needed


def test_the_classifier_trains_only_when_a_mention_needs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = train_model
    monkeypatch.setattr("dedupe.attribution.roles.train_model", lambda e: calls.append(1) or real(e))
    classifier = RoleClassifier(load_examples()[:200], DATA, tmp_path)
    assert calls == [] and not os.listdir(tmp_path)
    classifier.predict(*MENTIONS[0])
    classifier.predict(*MENTIONS[1])
    assert calls == [1]


def test_typographic_quotes_read_as_plain_ones() -> None:
    """Real text writes "The Associated Press\u2019 investigation": the classifier sees what it was trained on."""
    curly = features("\u201cWe won,\u201d ", "The Associated Press", "\u2019 lengthy investigation found")
    plain = features('"We won," ', "The Associated Press", "' lengthy investigation found")
    assert curly == plain
