"""The SQLite index's band-key runs against a brute-force reference."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.index.add import fingerprints
from dedupe.index.store import CHUNK, SQLiteIndex
from dedupe.models import Document

WORDS = [f"w{n}" for n in range(40)]  # a small vocabulary: many shared band keys


def _docs(texts: list[list[int]]) -> list[Document]:
    return [Document(f"d{n}.txt", " ".join(WORDS[w] for w in words)) for n, words in enumerate(texts)]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.integers(0, len(WORDS) - 1), min_size=0, max_size=60), min_size=1, max_size=12),
       st.integers(0, 2**31))
def test_candidates_are_the_texts_sharing_a_band_key(tmp_path_factory: pytest.TempPathFactory,
                                                     texts: list[list[int]], seed: int) -> None:
    tmp = tmp_path_factory.mktemp("index")
    config = ScanConfig()
    archive, incoming = _docs(texts), _docs([[(w * 7 + seed) % len(WORDS) for w in t] for t in texts])
    with SQLiteIndex(tmp / "i.sqlite", LSHLayout.from_config(ScanConfig())) as index:
        index.add(fingerprints(archive, config), "a")
        held = {index.text_row(d.text): set(index.keys_of(fp).tolist()) for d, fp in fingerprints(archive, config)}
        probes = [fp for _, fp in fingerprints(archive + incoming, config)]
        found = index.candidates_of(probes)
        for fp, rows in zip(probes, found, strict=True):
            keys = set(index.keys_of(fp).tolist())
            assert rows == sorted(r for r, k in held.items() if r is not None and k & keys)
            assert index.candidates(fp) == rows


def test_band_keys_span_chunks_and_are_all_counted(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    docs = [Document(f"d{n}.txt", " ".join(WORDS[w] for w in rng.integers(0, len(WORDS), 50)))
            for n in range(CHUNK + 7)]
    config = ScanConfig()
    with SQLiteIndex(tmp_path / "i.sqlite", LSHLayout.from_config(ScanConfig())) as index:
        index.add(fingerprints(docs, config), "a")
        total = len({(index.text_row(d.text), k) for d, fp in fingerprints(docs, config)
                     for k in index.keys_of(fp).tolist()})
        assert index.stats().band_keys == total
        assert index.integrity() == "ok"
