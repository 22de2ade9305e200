from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.config import FingerprintConfig, ScanConfig
from dedupe.copies.fingerprint import (
    HASH_NAME,
    hashed_tokens,
    permutations,
    shingle_hash,
    shingle_hashes,
    shingles,
    unicode_words,
    vectorisable,
    word_hash,
)
from dedupe.copies.lsh import LSHLayout
from dedupe.text.normalize import SPECIAL, bmp_classes, tokenize
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


@pytest.mark.parametrize(("num_perm", "seed"), [(1, 0), (16, 3), (128, 1), (256, 42)])
def test_permutations_are_those_datasketch_draws(num_perm: int, seed: int) -> None:
    a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    ours = permutations(num_perm, seed)
    assert ours[0].dtype == ours[1].dtype == np.uint32
    assert np.array_equal(ours[0], a) and np.array_equal(ours[1], b)


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


# the character mix of real text, and what the vectorised path leaves to tokenize (marks, scripts without spaces,
# emoji and other characters beyond the BMP, joiners, compatibility characters NFKC changes)
REAL_MIX = list("aZ09_ '’‘“”«»„.,;:!?()\n\t-–—…\u00a0éèêëàâçñöüßøåæœÉÀÇİıﬁ²½Ａ\u00ad")
ALPHABETS = list("ДжщЁёΩωάΆΐΣσςعربيةالقاهرة٣")  # Cyrillic, Greek, Arabic
SCRIPTS = [*ALPHABETS, "市", "東京", "ก", "हि", "न्", "\u0301", "\u064e", "\u200d", "😀", "👍🏽", "\U00020000", "ᄀ",
           "ᅡ", "\uff9e", "ǅ"]


def _same_as_tokenize(text: str, start: int = 0) -> None:
    starts, ends, hashes = hashed_tokens(text, start)
    tokens = tokenize(text, start)
    assert starts.tolist() == tokens.starts.tolist()
    assert ends.tolist() == tokens.ends.tolist()
    assert hashes.tolist() == [word_hash(w) for w in tokens.words]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(REAL_MIX + SCRIPTS), max_size=120).map("".join), st.integers(0, 5))
def test_hashed_tokens_of_any_script_match_tokenize(text: str, start: int) -> None:
    _same_as_tokenize(text, start)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), st.integers(0, 3))
def test_hashed_tokens_of_any_characters_match_tokenize(text: str, start: int) -> None:
    _same_as_tokenize(text, start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REAL_MIX + ALPHABETS), max_size=120).map("".join))
def test_real_text_takes_the_vectorised_path(text: str) -> None:
    """Accents, typographic punctuation, Cyrillic, Greek and Arabic letters are tokenised with numpy."""
    assert vectorisable(text)
    if not text.isascii():
        assert unicode_words(text) is not None
    _same_as_tokenize(text)


def test_every_character_the_vectorised_path_takes_tokenises_as_tokenize() -> None:
    """Each character of the BMP numpy tokenises, next to letters, apostrophes, spaces and itself."""
    classes = bmp_classes()[0]
    chars = [chr(c) for c in range(0x10000) if classes[c] != SPECIAL]
    for first in range(0, len(chars), 400):
        block = chars[first:first + 400]
        for glue in ("", " ", "a", "'", "a’", "ß", "Ω "):
            text = glue.join(block) + glue
            assert unicode_words(text) is not None
            _same_as_tokenize(text)


def test_word_hash_is_fixed() -> None:
    """Band keys in persistent indexes depend on these values: a change needs a new HASH_NAME."""
    assert [word_hash(w) for w in ("the", "tass", "reported", "")] == [2226599156, 3910945151, 58586817, 0]
    assert HASH_NAME == "tabulation32"
