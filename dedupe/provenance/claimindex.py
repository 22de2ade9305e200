"""Candidate claim pairs without comparing every pair of documents.

Two indexes, both near-linear in the number of claims:

1. MinHash LSH over each claim's content words (lower-cased, without the endings -ing, -ed, -es, -s so
   that "arrived" and "arrives" agree): claims sharing a band are candidates. With ``rows`` rows per band a
   copied or lightly spun claim (word Jaccard >= 0.7) is found with probability >= 0.89 (8 bands of 4
   rows), and two unrelated claims about the same event (Jaccard ~0.1) collide in ~0.1% of pairs.
2. Sparse top-k over documents: each document's ``k`` nearest documents by the TF-IDF cosine of their
   claims' content words (at least ``threshold``; words in more than 100 documents left out, so the
   products stay near-linear on one-topic corpora), computed in blocks of rows; restated claims are
   looked for between these pairs only.

The word hashes, TF-IDF rows and signatures are computed with numpy for all claims at once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+")
_STOP_WORDS = (
    "a an the of and or but to in on at by for from with as into about over after before than that this these "
    "those it its is are was were be been being has have had will would could should may might can do does did "
    "he she they we you i his her their our your him them who whom which what when where while also not no so "
    "said says say told according s t d m ll re ve don doesn didn isn wasn aren weren couldn wouldn shouldn hasn "
    "haven hadn ain"
)
_STOP = frozenset(_STOP_WORDS.split())


_SUFFIX = re.compile(r"(?<=\w{3})(?:ing|ed|es|s)$")


def claim_words(text: str) -> list[str]:
    """The content words of a claim without common endings (the shingles of the claim index)."""
    return sorted({_SUFFIX.sub("", w) for w in _WORD.findall(text.lower()) if w not in _STOP})


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest(), "little")


@dataclass(frozen=True, slots=True)
class ClaimWords:
    """The distinct content words of each claim as 32-bit hashes, claim after claim."""

    hashes: np.ndarray  # uint64
    owners: np.ndarray  # int64: the claim of each hash
    claims: int
    tokens: np.ndarray | None = None  # int64: every word of the texts in order (stop words too), 0 between texts
    columns: np.ndarray | None = None  # int64: each hash's rank among the distinct hashes of all words (gaps allowed)
    digit: np.ndarray | None = None  # bool by column (``columns``): the word is one digit ("1" of "1/2", "§ 2")

    def hash_columns(self) -> np.ndarray:
        """Small integers in the order of the hashes (equal hashes, equal integers): ``columns``, or the ranks of
        the hashes when not given."""
        if self.columns is not None:
            return self.columns
        out: np.ndarray = np.unique(self.hashes, return_inverse=True)[1].reshape(-1).astype(np.int64)
        return out


# an ASCII text's bytes with every byte that is no word character (``\\w``) made a space, and capitals made small
_ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)).lower() + b" " * 128


def _text_words(texts: Sequence[str]) -> tuple[list[str | bytes], list[int], list[str]]:
    """The words (``\\w+``, lower-cased) of the texts, text after text; how many each text has; the sorted distinct
    words. The words of an ASCII text are found as bytes (translated, then split at spaces: a fraction of the
    regex's cost), those of other texts by the regex over the lower-cased text; the distinct words are str."""
    words: list[str | bytes] = []
    counts = []
    for text in texts:
        found = text.encode("ascii").translate(_ASCII_WORD_BYTES).split() if text.isascii() else \
            _WORD.findall(text.lower())
        counts.append(len(found))
        words += found
    distinct_words = {w.decode("ascii") if isinstance(w, bytes) else w for w in set(words)}
    return words, counts, sorted(distinct_words)


def _token_ids(texts: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Every word of the texts as its rank (from 1) among the sorted distinct words, with 0 between one text's
    words and the next's (what the regex ``\\w+|\\n`` finds in the lower-cased texts joined by line breaks, a
    text's own line breaks made spaces), and the sorted distinct words."""
    words, counts, vocabulary = _text_words(texts)
    token_id: dict[str | bytes, int] = {w: n for n, w in enumerate(vocabulary, start=1)}
    token_id |= {w.encode("ascii"): n for w, n in token_id.items() if isinstance(w, str) and w.isascii()}
    tokens = np.zeros(len(words) + max(len(texts) - 1, 0), dtype=np.int64)
    text_of = np.repeat(np.arange(len(texts), dtype=np.int64), counts)
    tokens[np.arange(len(words), dtype=np.int64) + text_of] = np.fromiter(map(token_id.__getitem__, words),
                                                                           dtype=np.int64, count=len(words))
    return tokens, vocabulary


def word_hashes(texts: Sequence[str]) -> ClaimWords:
    """``claim_words`` of each text, hashed (a text without content words gets the hash of ""); the words of all
    texts as ``_token_ids``."""
    tokens, vocabulary = _token_ids(texts)
    stems = sorted({"", *(_SUFFIX.sub("", w) for w in set(vocabulary) - _STOP)})
    stem_id = {stem: n for n, stem in enumerate(stems)}
    stem_of = np.asarray([-2, *(-1 if w in _STOP else stem_id[_SUFFIX.sub("", w)] for w in vocabulary)])
    word = stem_of[tokens]
    owners = np.cumsum(word == -2)
    owners, word = owners[word >= 0], word[word >= 0]
    empty = np.flatnonzero(np.bincount(owners, minlength=len(texts)) == 0)  # no content words: the stem ""
    width = np.int64(len(stems))
    cells = distinct(np.r_[owners * width + word, empty * width + stem_id[""]], runs=True)  # claim by claim
    table = np.asarray([_hash(stem) for stem in stems], dtype=np.uint64)
    rank = np.unique(table, return_inverse=True)[1].reshape(-1).astype(np.int64)  # stems of one hash share a rank
    digit = np.zeros(len(stems), dtype=bool)
    digit[rank[[n for n, stem in enumerate(stems) if len(stem) == 1 and stem.isdigit()]]] = True
    return ClaimWords(table[cells % width], cells // width, len(texts), tokens, rank[cells % width], digit)


def claim_signatures(words: ClaimWords, num_perm: int, seed: int = 1) -> np.ndarray:
    """MinHash signatures (uint64[claims, num_perm]) of the claims' content words. Each permutation is applied
    once per distinct word (``ClaimWords.hash_columns``), not once per occurrence, and its 32-bit values are
    read for the occurrences."""
    if not words.claims:
        return np.zeros((0, num_perm), dtype=np.uint64)
    starts = np.flatnonzero(np.r_[True, words.owners[1:] != words.owners[:-1]])
    rng = np.random.RandomState(seed)  # permutations as datasketch draws them: a in [1, p), b in [0, p)
    a = rng.randint(1, _PRIME, size=num_perm, dtype=np.uint64)
    b = rng.randint(0, _PRIME, size=num_perm, dtype=np.uint64)
    columns = words.hash_columns()
    values = np.zeros(int(columns.max()) + 1, dtype=np.uint64)
    values[columns] = words.hashes  # equal columns, equal hashes
    out = np.empty((words.claims, num_perm), dtype=np.uint64)
    with np.errstate(over="ignore"):  # a * h wraps around 2^64 before the modulo, as in datasketch
        for p in range(num_perm):
            permuted = ((a[p] * values + b[p]) % _PRIME & _MAX_HASH).astype(np.uint32)  # below 2^32: exact
            out[:, p] = np.minimum.reduceat(permuted[columns], starts)
    return out


def distinct(values: np.ndarray, runs: bool = False) -> np.ndarray:
    """The sorted distinct values (by sorting: numpy's hash-based ``unique`` is slower on these arrays). ``runs``:
    the values are mostly in order already (claim after claim), which the stable sort (timsort) makes use of."""
    ordered = np.sort(values, kind="stable" if runs else None)
    out: np.ndarray = ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if ordered.size else ordered
    return out


def distinct_counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_counts=True)`` by the stable sort (the values come mostly in order)."""
    ordered = np.sort(values, kind="stable")
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if ordered.size else np.zeros(0, np.int64)
    return ordered[starts], np.diff(np.r_[starts, ordered.size])


def tfidf_rows(rows: np.ndarray, features: np.ndarray, n_rows: int) -> Any:
    """TF-IDF matrix (sublinear tf, smooth idf, l2-normalised rows, as scikit-learn computes them) of
    feature occurrences: ``features[k]`` (any integers) occurs once in row ``rows[k]``."""
    from scipy.sparse import csr_matrix

    distinct_features, col = dense_ranks(features)
    width = max(1, distinct_features)
    cells, counts = distinct_counts(rows.astype(np.int64) * width + col.reshape(-1))  # row after row: runs
    r, c = cells // width, cells % width
    df = np.bincount(c, minlength=width)
    weights = (1.0 + np.log(counts)) * (np.log((1 + n_rows) / (1 + df)) + 1.0)[c]
    norms = np.sqrt(np.bincount(r, weights=weights**2, minlength=n_rows))
    weights = weights / np.where(norms > 0, norms, 1.0)[r]
    return csr_matrix((weights, (r, c)), shape=(n_rows, width))


def dense_ranks(values: np.ndarray) -> tuple[int, np.ndarray]:
    """How many distinct values there are, and each value's rank among them: ``np.unique``'s count and inverse,
    without sorting when the values are small non-negative integers (counted in a table instead)."""
    if values.size and values.dtype.kind in "iu" and int(values.min()) >= 0 and int(values.max()) < 4 * values.size:
        present = np.zeros(int(values.max()) + 1, dtype=np.int64)
        present[values] = 1
        rank = np.cumsum(present) - 1
        return int(present.sum()), rank[values]
    found, inverse = np.unique(values, return_inverse=True)
    return len(found), inverse.reshape(-1)


def document_vectors(words: ClaimWords, document_of: np.ndarray, documents: int, max_df: int = 100) -> Any:
    """TF-IDF vectors of each document's claim content words, leaving out words found in more than ``max_df``
    documents (they weigh little, and they would make comparing all documents quadratic)."""
    rows = document_of[words.owners]
    col = words.hash_columns()
    width = int(col.max()) + 1 if col.size else 1
    cells = distinct(rows * width + col, runs=True)
    df = np.bincount(cells % width, minlength=width)
    keep = df[col] <= max_df
    return tfidf_rows(rows[keep], col[keep], documents)


def _bucket_pairs(order: np.ndarray, starts: np.ndarray, sizes: np.ndarray, cap: int) -> np.ndarray:
    """All pairs inside each bucket (``order[start:start + size]``, ascending); a bucket of more than ``cap``
    claims links its first claim to the others only. The buckets of one size at a time, all in one step."""
    found = [np.zeros((0, 2), dtype=np.int64)]
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= cap)]).tolist():
        i, j = np.triu_indices(size, 1)
        first = starts[sizes == size][:, None]
        found.append(np.stack([order[first + i].reshape(-1), order[first + j].reshape(-1)], axis=1))
    big = sizes > cap
    if big.any():
        heads = np.repeat(starts[big], sizes[big] - 1)
        found.append(np.stack([order[heads], order[heads + ranks(sizes[big] - 1) + 1]], axis=1))
    return np.concatenate(found).astype(np.int64, copy=False)


def ranks(counts: np.ndarray) -> np.ndarray:
    """0, 1, ..., c - 1 for each count c, one after the other."""
    out: np.ndarray = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return out


def lsh_claim_pairs(signatures: np.ndarray, groups: np.ndarray, bands: int, rows: int,
                    cap: int = 16) -> np.ndarray:
    """Pairs (i < j) of claims that share a band and belong to different ``groups`` (documents)."""
    pairs = lsh_pairs(signatures, bands, rows, cap)
    kept: np.ndarray = pairs[groups[pairs[:, 0]] != groups[pairs[:, 1]]]
    return kept


def lsh_pairs(signatures: np.ndarray, bands: int, rows: int, cap: int = 16) -> np.ndarray:
    """Pairs (i < j) of claims that share a band, in one document or not."""
    found = [np.zeros((0, 2), dtype=np.int64)]
    for band in range(bands):
        key = np.zeros(signatures.shape[0], dtype=np.uint64)
        with np.errstate(over="ignore"):  # one 64-bit key per band: the rows' values combined
            for row in range(band * rows, (band + 1) * rows):
                key = key * np.uint64(0x9E3779B97F4A7C15) + signatures[:, row]
        order = np.argsort(key, kind="stable")  # by bucket, then claim: pairs come out i < j
        starts = np.flatnonzero(np.r_[True, key[order][1:] != key[order][:-1]])
        sizes = np.diff(np.r_[starts, key.size])
        found.append(_bucket_pairs(order, starts, sizes, cap))
    n = np.int64(signatures.shape[0])
    codes = distinct(np.concatenate(found).astype(np.int64) @ np.array([n, 1], dtype=np.int64))
    pairs: np.ndarray = np.stack([codes // n, codes % n], axis=1)
    return pairs


def nearest_documents(vectors: Any, k: int, threshold: float, block: int = 512) -> list[tuple[int, int]]:
    """Pairs (i < j) where j is among i's ``k`` most similar rows (or i among j's), cosine >= threshold. The
    products stay sparse: with common words left out (``document_vectors``) their size grows linearly."""
    if vectors is None:
        return []
    n = vectors.shape[0]
    pairs: set[tuple[int, int]] = set()
    for lo in range(0, n, block):
        sim = (vectors[lo:lo + block] @ vectors.T).tocsr()
        for r in range(sim.shape[0]):
            cols, values = sim.indices[sim.indptr[r]:sim.indptr[r + 1]], sim.data[sim.indptr[r]:sim.indptr[r + 1]]
            ok = (values >= threshold) & (cols != lo + r)
            cols, values = cols[ok], values[ok]
            if cols.size > k:  # the k most similar, ties to the lower index
                order = np.lexsort((cols, -values))[:k]
                cols = cols[order]
            pairs.update((min(lo + r, int(j)), max(lo + r, int(j))) for j in cols)
    return sorted(pairs)


@dataclass(frozen=True, slots=True)
class SharedPassages:
    """Claim pairs of different documents sharing word 4-grams that no third document has."""

    pairs: np.ndarray  # int64[n, 2], i < j
    shared: np.ndarray  # how many such 4-grams each pair shares
    share: np.ndarray  # shared / the distinct 4-grams of the pair's shorter claim


def _shingles(texts: Sequence[str], tokens: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each text's word ``k``-grams (of its ``ClaimWords.tokens``, stop words kept) as 64-bit hashes, with their
    text. A text holding an HTML tag or a web address has none: a link a site puts under its articles is no
    quote."""
    word = tokens.astype(np.uint64)
    owner = np.cumsum(word == 0)
    if word.size < k:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    size = word.size - k + 1
    marked = np.fromiter(("<" in t or "://" in t or "www." in t for t in texts), dtype=bool, count=len(texts))
    whole = ~marked[owner[:size]]
    key = np.zeros(size, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for n in range(k):  # the k-gram starting at each word: k shifted views
            whole &= word[n:n + size] > 0
            key = key * np.uint64(0x9E3779B97F4A7C15) + word[n:n + size]
    return key[whole], owner[:size][whole]


def _seen_twice(key: np.ndarray) -> np.ndarray:
    """A mask of the keys that may occur twice (those alone in their bucket of a count table do not): most of a
    corpus's 4-grams are in one text only, and this leaves them out before sorting."""
    size = 1 << max(10, int(2 * key.size).bit_length())
    bucket = ((key ^ (key >> np.uint64(29))) & np.uint64(size - 1)).astype(np.int64)
    out: np.ndarray = np.bincount(bucket, minlength=size)[bucket] > 1
    return out


def shared_passages(texts: Sequence[str], document_of: np.ndarray, tokens: np.ndarray | None = None, k: int = 4,
                    max_df: int = 2) -> SharedPassages:
    """Claim pairs sharing word ``k``-grams found in at most ``max_df`` documents: a passage copied between
    them and nowhere else (a quote a reporter took from another article), found by grouping the claims of each
    rare k-gram: linear in the number of k-grams. ``share``: of the shorter claim's k-grams."""
    found = word_hashes(texts).tokens if tokens is None else tokens
    key, owner = _shingles(texts, np.zeros(0, dtype=np.int64) if found is None else found, k)
    sizes_of = np.bincount(owner, minlength=len(texts))
    twice = _seen_twice(key)
    key, owner = key[twice], owner[twice]
    order = np.lexsort((owner, key))
    key, owner = key[order], owner[order]
    fresh = np.r_[True, (key[1:] != key[:-1]) | (owner[1:] != owner[:-1])] if key.size else np.zeros(0, dtype=bool)
    key, owner = key[fresh], owner[fresh]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if key.size else np.zeros(0, dtype=np.int64)
    sizes = np.diff(np.r_[starts, key.size])
    docs = document_of[owner]
    new_doc = np.r_[True, (key[1:] != key[:-1]) | (docs[1:] != docs[:-1])] if key.size else fresh
    df = np.add.reduceat(new_doc.astype(np.int64), starts) if key.size else sizes
    rare = (df >= 2) & (df <= max_df)
    found = _bucket_pairs(owner, starts[rare], sizes[rare], cap=16) if rare.any() else np.zeros((0, 2), np.int64)
    found = found[document_of[found[:, 0]] != document_of[found[:, 1]]]
    n = np.int64(max(len(texts), 1))
    codes, shared = np.unique(np.sort(found, axis=1).astype(np.int64) @ np.array([n, 1]), return_counts=True)
    pairs = np.stack([codes // n, codes % n], axis=1)
    shorter = np.minimum(sizes_of[pairs[:, 0]], sizes_of[pairs[:, 1]]).clip(min=1)
    return SharedPassages(pairs, shared, shared / shorter)
