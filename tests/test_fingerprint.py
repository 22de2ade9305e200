from __future__ import annotations

import numpy as np
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.config import FingerprintConfig, ScanConfig
from dedupe.copies.fingerprint import HASH_NAME, hashed_tokens, shingle_hash, shingle_hashes, shingles, word_hash
from dedupe.copies.lsh import LSHLayout
from dedupe.text.normalize import tokenize
from tests.reference import signature, window_signatures

WORDS = st.lists(st.sampled_from([f"w{i}" for i in range(40)]), min_size=0, max_size=120).map(tuple)


@settings(max_examples=60, deadline=None)
@given(WORDS, st.integers(1, 5), st.sampled_from([16, 64, 128]), st.integers(0, 5))
def test_vectorised_signature_equals_datasketch(words: tuple[str, ...], size: int, num_perm: int, seed: int) -> None:
    """The fast path and datasketch's own MinHash (same hash function) agree exactly."""
    grams = shingles(words, size)
    reference = MinHash(num_perm=num_perm, seed=seed, hashfunc=shingle_hash, scheme="affine32")
    reference.update_batch([g.encode("utf-8") for g in grams])
    hashes = shingle_hashes(words, size)
    assert [shingle_hash(g) for g in grams] == hashes.tolist()
    assert np.array_equal(signature(hashes, num_perm, seed), reference.hashvalues)


@settings(max_examples=40, deadline=None)
@given(WORDS.filter(lambda w: len(w) > 3))
def test_windows_are_minhashes_of_their_shingles(words: tuple[str, ...]) -> None:
    config = FingerprintConfig(shingle_size=2, num_perm=32, passage_words=8, passage_step=4)
    hashes = shingle_hashes(words, 2)
    doc_sig, windows, starts = window_signatures(hashes, LSHLayout.from_config(ScanConfig(fingerprint=config)))
    assert np.array_equal(doc_sig, signature(hashes, 32, 1))
    for sig, start in zip(windows, starts, strict=True):
        assert np.array_equal(sig, signature(hashes[start:start + 8], 32, 1))


TEXT = st.text(alphabet=st.sampled_from(list("ab Z_9'’‘.\n-—é ßﬁİ\u00ad\u00a0…“")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 5))
def test_hashed_tokens_match_tokenize(text: str, start: int) -> None:
    """The numpy tokeniser finds the words tokenize finds, and hashes each normalised form with word_hash."""
    starts, ends, hashes = hashed_tokens(text, start)
    tokens = tokenize(text, start)
    assert starts.tolist() == tokens.starts.tolist()
    assert ends.tolist() == tokens.ends.tolist()
    assert hashes.tolist() == [word_hash(w) for w in tokens.words]


def test_word_hash_is_fixed() -> None:
    """Band keys in persistent indexes depend on these values: a change needs a new HASH_NAME."""
    assert [word_hash(w) for w in ("the", "tass", "reported", "")] == [2226599156, 3910945151, 58586817, 0]
    assert HASH_NAME == "tabulation32"
