"""The SQLite index's band-key runs against a brute-force reference."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.index.add import keyed_documents
from dedupe.index.store import CHUNK, SQLiteIndex
from dedupe.models import Document
from tests.reference import document_fingerprint, document_keys

WORDS = [f"w{n}" for n in range(40)]  # a small vocabulary: many shared band keys


def _docs(texts: list[list[int]]) -> list[Document]:
    return [Document(f"d{n}.txt", " ".join(WORDS[w] for w in words)) for n, words in enumerate(texts)]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.integers(0, len(WORDS) - 1), min_size=0, max_size=60), min_size=1, max_size=12),
       st.integers(0, 2**31))
def test_candidates_are_the_texts_sharing_a_band_key(tmp_path_factory: pytest.TempPathFactory,
                                                     texts: list[list[int]], seed: int) -> None:
    tmp = tmp_path_factory.mktemp("index")
    layout = LSHLayout.from_config(ScanConfig())
    archive, incoming = _docs(texts), _docs([[(w * 7 + seed) % len(WORDS) for w in t] for t in texts])

    def reference(doc: Document) -> list[int]:
        return document_keys(document_fingerprint(doc, layout), layout).tolist()

    with SQLiteIndex(tmp / "i.sqlite", layout) as index:
        index.add(keyed_documents(archive, layout), "a")
        held = {index.text_row(d.text): set(reference(d)) for d in archive}
        probes = list(keyed_documents(archive + incoming, layout))
        found = index.candidates_of([keys for _, keys in probes])
        for (doc, keys), rows in zip(probes, found, strict=True):
            assert keys.tolist() == reference(doc)
            assert rows == sorted(r for r, k in held.items() if r is not None and k & set(keys.tolist()))
            assert index.candidates(keys) == rows


def test_band_keys_span_chunks_and_are_all_counted(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    docs = [Document(f"d{n}.txt", " ".join(WORDS[w] for w in rng.integers(0, len(WORDS), 50)))
            for n in range(CHUNK + 7)]
    layout = LSHLayout.from_config(ScanConfig())
    with SQLiteIndex(tmp_path / "i.sqlite", layout) as index:
        index.add(keyed_documents(docs, layout), "a")
        total = len({(index.text_row(d.text), k) for d, keys in keyed_documents(docs, layout) for k in keys.tolist()})
        assert index.stats().band_keys == total
        assert index.integrity() == "ok"
