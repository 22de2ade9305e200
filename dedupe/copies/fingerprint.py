"""Words, word shingles, their 32-bit hashes and the MinHash permutations, vectorised with numpy
(``batch_sketches`` turns them into signatures, passage windows and band keys).

Signatures are datasketch-compatible (scheme ``affine32``, the same permutations for a given
``num_perm`` and ``seed``): ``MinHash(num_perm, seed, hashfunc=shingle_hash).update_batch(shingles)``
yields the same hash values, which the tests check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from dedupe.models import Document, Paragraph
from dedupe.text.normalize import (
    APOSTROPHE,
    FOLDED,
    NFKC_WORD,
    SPECIAL,
    Tokens,
    bmp_classes,
    normalize_word,
    token_units,
    tokenize,
)

SCHEME = "affine32"
_PRIME = np.uint32(0x01000193)
_PRIME_INT = 0x01000193
_MASK = 0xFFFFFFFF
MAX_HASH = np.uint32(_MASK)


HASH_NAME = "tabulation32"  # the word hash; stored in persistent indexes (band keys depend on it)
_POSITIONS = 32  # bytes past this position reuse the tables (position mod 32)


def _splitmix_table() -> np.ndarray:
    """uint32[_POSITIONS, 256]: fixed random tables for tabulation hashing (splitmix64, seed 0)."""
    state, values = 0, []
    for _ in range(_POSITIONS * 256):
        state = (state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        values.append((z ^ (z >> 31)) & _MASK)
    return np.array(values, dtype=np.uint32).reshape(_POSITIONS, 256)


_TABLE = _splitmix_table()
_FLAT_TABLE = _TABLE.ravel()  # row (position) * 256 + byte
_TABLE_ROWS = _TABLE.tolist()


def word_hash(word: str) -> int:
    """Deterministic 32-bit hash of one normalised word: tabulation hashing of its UTF-8 bytes
    (XOR of a fixed random value per (position mod 32, byte))."""
    h = 0
    for position, byte in enumerate(word.encode("utf-8")):
        h ^= _TABLE_ROWS[position % _POSITIONS][byte]
    return h


def word_hashes(buffer: np.ndarray, hashed: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """``word_hash`` of many words at once.

    ``buffer`` holds the words' UTF-8 bytes; ``hashed`` marks the bytes that belong to a word's normalised
    form (a word may contain unmarked bytes, such as an apostrophe, which its form drops); word k begins at
    ``starts[k]`` (a marked byte) and ends where word k+1 begins. Returns uint32[len(starts)].
    """
    if starts.size == 0:
        return np.zeros(0, dtype=np.uint32)
    marked = np.flatnonzero(hashed)
    first = (np.cumsum(hashed, dtype=np.int32)[starts] - 1).astype(np.intp)  # index in ``marked`` of each start
    lengths = np.diff(first, append=marked.size)
    position = np.arange(marked.size, dtype=np.int32) - np.repeat(first.astype(np.int32), lengths)
    values = _FLAT_TABLE[((position & (_POSITIONS - 1)) << 8) | buffer[marked]]
    out: np.ndarray = np.bitwise_xor.reduceat(values, first)
    return out


def shingle_hash(shingle: bytes | str) -> int:
    """Reference (slow) hash of one shingle, given as normalised words joined by single spaces."""
    text = shingle.decode("utf-8") if isinstance(shingle, bytes) else shingle
    h = 0
    for word in text.split(" "):
        h = (h * _PRIME_INT + word_hash(word)) & _MASK
    return h


def shingles(words: tuple[str, ...], size: int) -> list[str]:
    """Word n-grams joined by spaces; a text shorter than ``size`` is one shingle."""
    if not words:
        return []
    if len(words) < size:
        return [" ".join(words)]
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def combine_shingles(hashes: np.ndarray, size: int) -> np.ndarray:
    """Shingle hashes from word hashes (uint32, in text order): h = h * 16777619 + word, over ``size`` words."""
    if hashes.size == 0:
        return np.zeros(0, dtype=np.uint32)
    n = min(size, hashes.size)
    count = hashes.size - n + 1
    h = hashes[:count].copy()
    for k in range(1, n):
        h *= _PRIME
        h += hashes[k : k + count]
    return h


def shingle_hashes(words: tuple[str, ...], size: int) -> np.ndarray:
    """Vectorised ``shingle_hash`` of every shingle of ``words`` (uint32, in text order)."""
    return combine_shingles(np.fromiter(map(word_hash, words), dtype=np.uint32, count=len(words)), size)


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) permutation parameters datasketch's ``MinHash`` draws for ``num_perm`` and ``seed`` in its
    ``affine32`` scheme (an odd a, any b, from ``RandomState(seed)``), drawn the same way without importing
    datasketch (whose import costs most of a one-document ``check``); tested equal in ``tests/test_fingerprint.py``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    out: np.ndarray = h ^ (h >> np.uint32(16))
    return out


def permuted(hashes: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """Permuted hash values, shape (num_perm, len(hashes))."""
    a, b = permutations(num_perm, seed)
    out: np.ndarray = np.multiply.outer(a, _fmix32(hashes))
    out += b[:, None]  # in place: one (num_perm x n) array instead of two
    return out


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What verifying a candidate pair needs of one document (``batch_sketches.alignment_fingerprints``)."""

    doc_id: str
    tokens: Tokens  # offsets of the fingerprinted words (boilerplate and header left out; forms dropped)
    hashes: np.ndarray  # shingle hashes, in text order (shingle i starts at word i)
    signature: np.ndarray  # uint32[num_perm]


_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _WORD_BYTE[_c] = True


def outside_spans(spans: Sequence[tuple[int, int]], starts: np.ndarray,
                  *columns: np.ndarray) -> tuple[np.ndarray, ...]:
    """``starts`` and the parallel ``columns`` without the words that start inside one of ``spans``
    ([start, end) offsets, sorted and disjoint, as boilerplate paragraphs are)."""
    if not spans:
        return (starts, *columns)
    keep = np.searchsorted(np.array(spans, dtype=np.int64).ravel(), starts, side="right") % 2 == 0
    return (starts[keep], *(c[keep] for c in columns))


def hashed_tokens(text: str, start: int = 0, end: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Words of ``text[start:end]`` as (starts, ends, word hashes): the same words and forms as
    ``normalize.tokenize``, hashed with ``word_hash``; offsets are into ``text``.

    ASCII text, and other text of the BMP without combining marks or characters of scripts without spaces
    (``unicode_words``: accents, typographic punctuation, Cyrillic, Greek, Arabic ...) are tokenised and hashed
    with numpy; other text goes through ``tokenize`` first.
    """
    chunk = text[start:end]
    if chunk.isascii():
        return _ascii_words(chunk, start)
    fast = unicode_words(chunk)
    if fast is not None:
        return fast[0] + start, fast[1] + start, fast[2]
    tokens = tokenize(text, start, end)
    return tokens.starts, tokens.ends, _form_hashes(tokens.words)


def _form_hashes(forms: Sequence[str]) -> np.ndarray:
    """``word_hash`` of each normalised form, with numpy."""
    encoded = [w.encode("utf-8") for w in forms]
    buffer = np.frombuffer(b"\0".join(encoded), dtype=np.uint8)
    firsts = np.zeros(len(encoded), dtype=np.int64)
    if encoded:
        firsts[1:] = np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)) + 1)[:-1]
    return word_hashes(buffer, buffer != 0, firsts)


def _ascii_words(chunk: str, start: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    buffer = np.frombuffer(chunk.lower().encode("ascii"), dtype=np.uint8)
    word = _WORD_BYTE[buffer]
    inside = word.copy()  # plus apostrophes between two word characters ("don't" is one word, form "dont")
    inside[1:-1] |= (buffer[1:-1] == 39) & word[:-2] & word[2:]
    edges = np.diff(inside.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    return starts + start, ends + start, word_hashes(buffer, word, starts)


def vectorisable(text: str) -> bool:
    """Whether ``hashed_tokens`` tokenises ``text`` with numpy: ASCII, or all in the BMP and none ``SPECIAL``
    (see ``unicode_words``)."""
    return text.isascii() or _vectorisable(code_points(text))


def _vectorisable(codes: np.ndarray) -> bool:
    return codes.size == 0 or (int(codes.max()) < 0x10000 and not (bmp_classes()[0][codes] == SPECIAL).any())


def code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def unicode_words(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """``hashed_tokens`` of a text with numpy over its code points, or None when it is not ``vectorisable``.

    Word boundaries come from each character's class (``normalize.bmp_classes``), as ``tokenize`` finds
    them on text without combining marks; a word of ``FOLDED`` characters has the case folding of the text
    as its form (hashed over the UTF-8 bytes of ``text.casefold()``, apostrophes left out); a word with a
    character NFKC may change is normalised with ``normalize_word``, as ``tokenize`` does.
    """
    codes = code_points(text)
    if not _vectorisable(codes):
        return None
    classes, widths = bmp_classes()
    kind = classes[codes]
    word = (kind == FOLDED) | (kind == NFKC_WORD)
    inside = word.copy()
    inside[1:-1] |= (kind[1:-1] == APOSTROPHE) & word[:-2] & word[2:]
    edges = np.diff(inside.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    width = widths[codes].astype(np.int64)
    folded = np.frombuffer(text.casefold().encode("utf-8"), dtype=np.uint8)
    hashes = word_hashes(folded, np.repeat(word, width), (np.cumsum(width) - width)[starts])
    changed = np.flatnonzero(kind == NFKC_WORD)
    if changed.size == 0:
        return starts, ends, hashes
    words = np.unique(np.searchsorted(starts, changed, side="right") - 1)
    forms = [normalize_word(text[s:e]) for s, e in zip(starts[words].tolist(), ends[words].tolist(), strict=True)]
    kept = np.array([bool(f) for f in forms], dtype=bool)  # a form NFKC leaves empty is no token
    hashes[words[kept]] = _form_hashes([f for f in forms if f])
    keep = np.ones(starts.size, dtype=bool)
    keep[words[~kept]] = False
    return starts[keep], ends[keep], hashes[keep]


def content_words(doc: Document, paragraphs: Sequence[Paragraph]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(starts, ends, word hashes) of the body's words outside boilerplate paragraphs, in text order."""
    starts, ends, hashes = outside_spans([(p.start, p.end) for p in paragraphs if p.boilerplate is not None],
                                         *hashed_tokens(doc.text, doc.body_start))
    return starts, ends, hashes


def word_offsets(doc: Document, starts: np.ndarray, ends: np.ndarray) -> Tokens:
    """The tokens a fingerprint keeps: offsets and units (the forms are not needed after hashing)."""
    return Tokens((), starts.astype(np.int32), ends.astype(np.int32), token_units(doc.text, starts))
