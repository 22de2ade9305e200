"""The batched claim index and facts against plain per-claim formulations of the same computations."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.provenance.claimindex import _MAX_HASH, _PRIME, _token_ids, claim_signatures, word_hashes
from dedupe.provenance.facts import (
    _NUMBER_OR_BREAK,
    _NUMBER_TEXT,
    all_facts,
    all_names,
    all_word_numbers,
    facts_of,
    names,
    specifics,
    word_numbers,
)

_WORDS = st.sampled_from(["the", "rally", "rallies", "Paris", "paris", "3", "44", "said", "vote", "voted", "é", "x"])


def _reference_signatures(texts: list[str], num_perm: int, seed: int = 1) -> np.ndarray:
    """MinHash of each text's claim words, one permutation of every word occurrence at a time."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, _PRIME, size=num_perm, dtype=np.uint64)
    b = rng.randint(0, _PRIME, size=num_perm, dtype=np.uint64)
    out = np.empty((len(texts), num_perm), dtype=np.uint64)
    hashes = word_hashes(texts)
    with np.errstate(over="ignore"):
        for n in range(len(texts)):
            mine = hashes.hashes[hashes.owners == n]
            out[n] = ((a[:, None] * mine[None, :] + b[:, None]) % _PRIME & _MAX_HASH).min(axis=1)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=8).map(" ".join), min_size=1, max_size=6))
def test_claim_signatures_equal_the_per_occurrence_minhash(texts: list[str]) -> None:
    assert np.array_equal(claim_signatures(word_hashes(texts), 16), _reference_signatures(texts, 16))


_TEXT_PIECES = st.sampled_from(["Rally", " ", "\n", "don't", "ΟΔΟΣ", "σ", "İstanbul", "ǅ", "x_y", "3.5", "“Quote”", "é",
                                "\x00", "\t", "Ünïcode", "ß", "ΣΑΣ", "-", "", "\u2028"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_TEXT_PIECES, max_size=8).map("".join), max_size=6))
def test_token_ids_equal_the_regex_over_the_joined_texts(texts: list[str]) -> None:
    found = re.findall(r"\w+|\n", "\n".join(t.replace("\n", " ") for t in texts).lower())
    vocabulary = sorted(set(found) - {"\n"})
    expected = [0 if w == "\n" else vocabulary.index(w) + 1 for w in found]
    tokens, words = _token_ids(texts)
    assert tokens.tolist() == expected
    assert words == vocabulary


_CLAIM_PIECES = st.sampled_from(["Ten", " ", "\n", "Paris", "It's", "O'Neil", "A", "-B", "fourteen", "twenty-one",
                                 "Ünïcode", "Éric", "often", "2", "He", "The", "\t", "x", "’s", "Mr"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CLAIM_PIECES, max_size=8).map("".join), max_size=6))
def test_batched_facts_equal_the_facts_of_each_claim(texts: list[str]) -> None:
    assert all_names(texts) == [names(t) for t in texts]
    assert all_word_numbers(texts) == [word_numbers(t) for t in texts]
    numbers = [specifics(t) for t in texts]
    assert all_facts(texts, numbers) == [facts_of(t, n) for t, n in zip(texts, numbers, strict=True)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "22", "3.5", "1,100", "\n", " ", "G20", "4pm", "10th", "1990s", "x", "é",
                                 "\u0303", ".", ",", "s", "Ten"]), max_size=14).map("".join))
def test_numbers_or_breaks_equal_the_two_alternatives(text: str) -> None:
    reference = re.compile(rf"\n|{_NUMBER_TEXT}")
    assert _NUMBER_OR_BREAK.findall(text) == reference.findall(text)
