"""The batched fingerprinting path equals the per-document reference (``tests/reference.py``) exactly."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.config import FingerprintConfig, ScanConfig
from dedupe.copies.batch_sketches import alignment_fingerprints, signatures, sketch_documents
from dedupe.copies.fingerprint import MAX_HASH, shingle_hash, shingles
from dedupe.copies.lsh import LSHLayout
from dedupe.models import Document
from dedupe.text.normalize import tokenize
from dedupe.text.segment import split_paragraphs
from tests.reference import document_keys, fingerprint

WORD = st.sampled_from(["tass", "reported", "the", "minister", "said", "don't", "café", "ﬁre", "’s", "42", "a",
                        "市议会通过了", "東京では", "กรุงเทพฯ", "हिन्दी", "নগর\u200dপালিকা", "iPhone手机",
                        "Москва", "Αθήνα", "القاهرة", "“naïve”", "ŒUVRE–ß"])
LINE = st.one_of(
    st.lists(WORD, min_size=0, max_size=40).map(" ".join),
    st.sampled_from(["(With inputs from agencies)", "Also Read: more", "Image Source : REUTERS", "", "—"]),
)
DOC = st.tuples(st.lists(LINE, max_size=12), st.booleans())


def _docs(specs: list[tuple[list[str], bool]]) -> list[Document]:
    docs = []
    for n, (lines, titled) in enumerate(specs):
        text = ("A headline\n\n" if titled else "") + "\n".join(lines)
        docs.append(Document(f"d{n}", text, "A headline" if titled else None, body_start=12 if titled else 0))
    return docs


@settings(max_examples=150, deadline=None)
@given(st.lists(DOC, min_size=1, max_size=6), st.sampled_from([(3, 8, 4), (1, 6, 6), (3, 60, 30), (5, 12, 3)]))
def test_batch_equals_one_at_a_time(specs: list[tuple[list[str], bool]], shape: tuple[int, int, int]) -> None:
    size, words, step = shape
    fc = FingerprintConfig(shingle_size=size, num_perm=32, passage_words=max(words, 2 * size), passage_step=step)
    layout = LSHLayout.from_config(ScanConfig(fingerprint=fc))
    docs = _docs(specs)
    paragraphs = [split_paragraphs(d.text, d.body_start) for d in docs]
    batch = sketch_documents(docs, paragraphs, layout)
    distinct = batch.distinct_keys()
    for n, (doc, paras) in enumerate(zip(docs, paragraphs, strict=True)):
        want = fingerprint(doc, paras, layout)
        assert batch.words[n] == len(want.tokens) == batch.document_sketches()[n].words
        assert np.array_equal(batch.signatures[n], want.signature)
        assert np.array_equal(batch.document_sketches()[n].signature, want.signature)
        windows = batch.windows[batch.window_owners == n]
        if want.hashes.size:  # the reference gives a document without shingles one empty window, the batch none
            assert np.array_equal(windows, want.windows)
        else:
            assert windows.size == 0
        assert np.unique(batch.band_keys[n]).tolist() == distinct[n].tolist() == document_keys(want, layout).tolist()


@settings(max_examples=100, deadline=None)
@given(st.lists(DOC, min_size=1, max_size=6))
def test_alignment_fingerprints_equal_one_at_a_time(specs: list[tuple[list[str], bool]]) -> None:
    fc = FingerprintConfig()
    layout = LSHLayout.from_config(ScanConfig())
    docs = _docs(specs)
    paragraphs = [split_paragraphs(d.text, d.body_start) for d in docs]
    signatures = [np.full(fc.num_perm, n, dtype=np.uint32) for n in range(len(docs))]
    for doc, paras, sig, got in zip(docs, paragraphs, signatures,
                                    alignment_fingerprints(docs, paragraphs, signatures, layout), strict=True):
        want = fingerprint(doc, paras, layout)
        assert got.doc_id == doc.id
        assert got.tokens.starts.tolist() == want.tokens.starts.tolist()
        assert got.tokens.ends.tolist() == want.tokens.ends.tolist()
        units = [None if t.units is None else t.units.tolist() for t in (got.tokens, want.tokens)]
        assert units[0] == units[1]  # weights of the characters of scripts without spaces
        assert got.hashes.tolist() == want.hashes.tolist()
        assert got.signature is sig


@settings(max_examples=60, deadline=None)
@given(st.lists(DOC, min_size=1, max_size=5))
def test_batch_signatures_equal_datasketch(specs: list[tuple[list[str], bool]]) -> None:
    """The batch signatures (of ``signatures`` and of ``sketch_documents``) are datasketch's MinHash of the same
    shingles (hashed with shingle_hash)."""
    fc = FingerprintConfig(num_perm=64)
    layout = LSHLayout.from_config(ScanConfig(fingerprint=fc))
    docs = _docs(specs)
    paragraphs = [split_paragraphs(d.text, d.body_start) for d in docs]
    batch = sketch_documents(docs, paragraphs, layout).signatures
    for doc, paras, got, also in zip(docs, paragraphs, signatures(docs, paragraphs, layout), batch, strict=True):
        assert got.tolist() == also.tolist()
        kept = [p for p in paras if p.boilerplate is None]
        words = tuple(w for p in kept for w in tokenize(doc.text, p.start, p.end).words)
        reference = MinHash(num_perm=64, seed=fc.seed, hashfunc=shingle_hash, scheme="affine32")
        reference.update_batch([g.encode("utf-8") for g in shingles(words, fc.shingle_size)])
        if words:
            assert got.tolist() == reference.hashvalues.tolist()
        else:
            assert got.tolist() == [int(MAX_HASH)] * 64


def test_empty_batch() -> None:
    layout = LSHLayout.from_config(ScanConfig())
    empty = sketch_documents([], [], layout)
    assert empty.document_sketches() == [] and empty.band_keys == [] and empty.signatures.shape == (0, layout.num_perm)
    assert signatures([], [], layout).shape == (0, layout.num_perm)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=6),
       st.integers(min_value=7, max_value=97))
def test_a_huge_document_is_permuted_in_chunks_with_the_same_sketch(lengths: list[int], chunk: int) -> None:
    """``_block_minima`` permutes at most about PERMUTED_CHUNK shingles at once (bounded memory for a 20 MB
    line); any chunk size gives the same signatures, windows and keys as one pass."""
    import dedupe.copies.batch_sketches as bs

    rng = np.random.default_rng(sum(lengths) + chunk)
    docs = [Document(f"d{n}", " ".join(f"w{int(x)}" for x in rng.integers(0, 50, size=k)))
            for n, k in enumerate(lengths)]
    paragraphs = [split_paragraphs(d.text) for d in docs]
    layout = LSHLayout.from_config(ScanConfig())
    whole = sketch_documents(docs, paragraphs, layout)
    saved = bs.PERMUTED_CHUNK
    try:
        bs.PERMUTED_CHUNK = chunk
        parts = sketch_documents(docs, paragraphs, layout)
    finally:
        bs.PERMUTED_CHUNK = saved
    assert np.array_equal(whole.signatures, parts.signatures) and np.array_equal(whole.windows, parts.windows)
    assert all(np.array_equal(a, b) for a, b in zip(whole.band_keys, parts.band_keys, strict=True))
