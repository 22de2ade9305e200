"""Cross-document claim groups: occurrences of the same claim (copied, trimmed, spun or restated).

Claims are compared by the cosine of TF-IDF vectors of their content words without endings (the words of
the claim index: "arrived" and "arrives" agree), plus NUMBER_BONUS per shared number, only for candidate
pairs from ``claimindex``:

- pairs from the MinHash LSH index of claims, linked when they score the threshold;
- between partner documents (sharing a passage, nearest by content words, or sharing the most candidate
  claim pairs; at most NEIGHBOURS per document), a pair linked when each claim is the other's best match
  in the other document and they score the threshold.

A link also needs the claims' numbers and names to agree (``facts_agree``). Groups are never a transitive
closure: complete linkage, strongest links first (``strongest_first_groups``): any two members of a group
score at least SPREAD, and a group holds at most one line per document: the occurrences of a line the document
repeats (a live blog's updates, ``repeated_lines``) join the group together, two different lines never.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from dedupe.attribution.claims import Claim, content_text
from dedupe.copies.cluster import connected_groups
from dedupe.provenance.claimindex import (
    ClaimWords,
    SharedPassages,
    claim_signatures,
    distinct,
    document_vectors,
    lsh_pairs,
    nearest_documents,
    ranks,
    shared_passages,
    tfidf_rows,
    word_hashes,
)
from dedupe.provenance.facts import all_facts, all_specifics, facts_agree, facts_of, scored_numbers

MIN_CLAIM_WORDS = 5  # shorter sentences ("He said.") are not compared
MIN_SHARED_WORDS = 2  # content words two linked claims have in common ("It was not a good look" / "Look, ...")
LSH_BANDS, LSH_ROWS = 8, 4  # claim index: 32 permutations
NEIGHBOURS = 6  # nearest documents whose claims are compared with a document's claims
NUMBER_BONUS = 0.2  # added to the text similarity for each shared number of two digits or more (at most two)
SPREAD = 0.2  # least similarity between any two members of a group
PASSAGE_SHINGLES, PASSAGE_SHARE = 3, 0.65  # a shared passage: rare word 4-grams in common, share of the shorter claim's
PASSAGE_LONG = 6  # rare word 4-grams in common that are a passage whatever their share (a 9-word quote)
PASSAGE_LINK, PASSAGE_WORDS = 0.6, 4  # ... and the score and content words in common that make it a link in any story
REPEAT = 0.8  # text cosine of two claims of one document that are one line repeated (a live blog's updates)

T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True, slots=True)
class ClaimLink:
    a: str  # claim ids
    b: str
    similarity: float
    documents: float = 1.0  # TF-IDF cosine of the two claims' documents (``document_vectors``)
    passage: bool = False  # the claims share a passage no other document has (``shared_passages``)


@dataclass(frozen=True, slots=True)
class LinkedClaims:
    links: tuple[ClaimLink, ...]
    vectors: Any  # TF-IDF rows of the compared claims
    row_of: dict[str, int]  # claim id -> row

    numbers: Any  # claims x numbers matrix of the same rows
    linked: frozenset[tuple[str, str]] = frozenset()  # (a, b) of every link
    repeats: tuple[tuple[str, str, float], ...] = ()  # a line a document repeats: (claim, claim, similarity)
    line_of: dict[str, str] = field(default_factory=dict)  # claim id -> first claim of its repeated line

    def close(self, a: list[str], b: list[str]) -> bool:
        """Every claim of ``a`` is close to every claim of ``b``, the bound on a group's spread: linked, or
        with a text cosine of at least SPREAD (shared numbers not counted) and MIN_SHARED_WORDS in common."""
        rest = np.asarray([(self.row_of[x], self.row_of[y]) for x in a for y in b
                           if (x, y) not in self.linked and (y, x) not in self.linked], dtype=np.int64).reshape(-1, 2)
        if rest.size == 0:
            return True
        cosine = np.asarray(self.vectors[rest[:, 0]].multiply(self.vectors[rest[:, 1]]).sum(axis=1)).reshape(-1)
        return bool(cosine.min() >= SPREAD and _shared_words(self.vectors, rest).min() >= MIN_SHARED_WORDS)


def claim_vectors(words: ClaimWords, keep: Sequence[int]) -> Any:
    """TF-IDF vectors of the content words (without endings) of the claims ``keep``, in that order."""
    if not keep:
        return None
    chosen = np.full(words.claims, -1, dtype=np.int64)
    chosen[np.asarray(keep, dtype=np.int64)] = np.arange(len(keep))
    mask = chosen[words.owners] >= 0
    return tfidf_rows(chosen[words.owners[mask]], words.hash_columns()[mask], len(keep))


def word_presence(words: ClaimWords, keep: Sequence[int]) -> Any:
    """A 0/1 matrix of the claims ``keep`` (rows, in that order) by their content words other than single digits
    (the columns: ``ClaimWords.columns``); None when the words do not say which are digits."""
    from scipy.sparse import csr_matrix

    if words.digit is None or not keep:
        return None
    chosen = np.full(words.claims, -1, dtype=np.int64)
    chosen[np.asarray(keep, dtype=np.int64)] = np.arange(len(keep))
    columns = words.hash_columns()
    mask = (chosen[words.owners] >= 0) & ~words.digit[columns]
    return csr_matrix((np.ones(int(mask.sum())), (chosen[words.owners[mask]], columns[mask])),
                      shape=(len(keep), len(words.digit)))


def numbers_matrix(numbers: Sequence[frozenset[str]]) -> Any:
    """A claims x numbers 0/1 matrix: its products count the numbers two claims share."""
    from scipy.sparse import csr_matrix

    ids: dict[str, int] = {}
    cols = [ids.setdefault(n, len(ids)) for found in numbers for n in sorted(found)]
    indptr = np.cumsum([0, *(len(found) for found in numbers)])
    return csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(numbers), max(1, len(ids))))


def _pair_scores(x: Any, numbers: Any, pairs: np.ndarray) -> np.ndarray:
    if pairs.size == 0:
        return np.zeros(0)
    a, b = pairs[:, 0], pairs[:, 1]
    shared = np.asarray(numbers[a].multiply(numbers[b]).sum(axis=1)).reshape(-1)
    out: np.ndarray = np.asarray(x[a].multiply(x[b]).sum(axis=1)).reshape(-1) + NUMBER_BONUS * np.minimum(shared, 2)
    return out


def _shared_words(x: Any, pairs: np.ndarray) -> np.ndarray:
    """How many content words each pair of claims (rows of ``pairs``) has in common."""
    if pairs.size == 0:
        return np.zeros(0, dtype=np.int64)
    present = x.astype(bool).astype(np.int64)
    return np.asarray(present[pairs[:, 0]].multiply(present[pairs[:, 1]]).sum(axis=1)).reshape(-1)


def _slot_rows(m: Any, rows: np.ndarray, slots: np.ndarray, columns: np.ndarray | None) -> tuple[Any, np.ndarray]:
    """Rows ``rows`` of the csr matrix ``m`` with each column k of the row in slot t renamed to the position of
    (t, k) among ``columns`` (sorted keys t * width + k); cells whose key is not there are left out. With
    ``columns`` None the keys of these rows become the columns. Renaming keeps the order of each row's cells."""
    from scipy.sparse import csr_matrix

    part = m[rows]
    counts = np.diff(part.indptr)
    keys = np.repeat(slots.astype(np.int64), counts) * np.int64(m.shape[1]) + part.indices
    if columns is None:
        columns = distinct(keys, runs=True)  # slot after slot
    at = key_positions(columns, keys, int(slots.max(initial=0) + 1) * int(m.shape[1]))
    found = columns[at] == keys if columns.size else np.zeros(keys.size, dtype=bool)
    kept = np.bincount(np.repeat(np.arange(len(rows)), counts)[found], minlength=len(rows))
    renamed = csr_matrix((part.data[found], at[found], np.r_[0, np.cumsum(kept)]),
                         shape=(len(rows), max(columns.size, 1)))
    return renamed, columns


def key_positions(columns: np.ndarray, keys: np.ndarray, span: int, dense: int = 4) -> np.ndarray:
    """Each key's position among the sorted distinct ``columns`` when it is there (some position in range when
    not; none when there are no columns). The keys lie in [0, ``span``): when the span is at most ``dense`` times
    the number of keys, positions are read from a table of the span, else found by binary search."""
    if columns.size == 0:
        return np.zeros(keys.size, dtype=np.int64)
    if span <= dense * keys.size:
        table = np.zeros(span, dtype=np.int64)
        inside = columns < span
        table[columns[inside]] = np.flatnonzero(inside)
        out: np.ndarray = table[keys]
        return out
    found: np.ndarray = np.searchsorted(columns, keys).clip(max=columns.size - 1)
    return found


def _slot_products(m: Any, rows: np.ndarray, row_slots: np.ndarray, cols: np.ndarray, col_slots: np.ndarray) -> Any:
    """``m[rows] @ m[cols].T`` where a row and a column meet only in the same slot (zero elsewhere): one sparse
    product for many blocks. Each cell sums its products in the order of the row's cells, as the product of
    the block alone does, so the values are the same to the last bit."""
    left, columns = _slot_rows(m, rows, row_slots, None)
    right, _ = _slot_rows(m, cols, col_slots, columns)
    return (left @ right.T).tocsr()


def _block_scores(x: Any, numbers: Any, rows: np.ndarray, row_slots: np.ndarray, cols: np.ndarray,
                  col_slots: np.ndarray) -> Any:
    """The non-zero scores (cosine plus NUMBER_BONUS per shared number, at most two) of rows x cols in the
    same slot, as a sparse matrix."""
    shared = _slot_products(numbers, rows, row_slots, cols, col_slots)
    shared.data = NUMBER_BONUS * np.minimum(shared.data, 2)
    return (_slot_products(x, rows, row_slots, cols, col_slots) + shared).tocoo()


def _mutual_best(r: np.ndarray, c: np.ndarray, block: np.ndarray, v: np.ndarray, threshold: float) -> np.ndarray:
    """The cells (row ``r``, column ``c``, value ``v``) that score ``threshold`` and are the best of their row
    among the columns of their ``block`` and the best of their column (ties to the lower index, as argmax).
    Only cells scoring the threshold (> 0, so never an empty cell) are compared: a lower cell never beats nor
    ties with one of them."""
    high = np.flatnonzero(v >= threshold)
    if high.size == 0:
        return high
    r, c, block, v = r[high], c[high], block[high], v[high]

    def winners(group: np.ndarray, other: np.ndarray) -> np.ndarray:
        order = np.lexsort((other, -v, group))
        won = np.zeros(v.size, dtype=bool)
        won[order[np.r_[True, group[order][1:] != group[order][:-1]]]] = True
        return won

    row_group = r.astype(np.int64) * np.int64(block.max() + 1) + block
    out: np.ndarray = high[winners(row_group, c) & winners(c.astype(np.int64), r)]
    return out


def _neighbour_links(x: Any, numbers: Any, rows: list[list[int]], doc_pairs: Sequence[tuple[int, int]],
                     threshold: float, budget: int = 2_000_000) -> list[tuple[int, int, float]]:
    """Mutual-best claim pairs between each document and each of its partners (the best match of each other
    among the claims of the two documents): the blocks of many documents in one sparse product, each
    document's claims against its partners' claims (about ``budget`` cells at most per product)."""
    partners: dict[int, list[int]] = {}
    for i, j in doc_pairs:
        if rows[i] and rows[j]:
            partners.setdefault(i, []).append(j)
    out: list[tuple[int, int, float]] = []
    batch: list[tuple[int, list[int]]] = []
    cells = 0
    for i, js in sorted(partners.items()):
        batch.append((i, js))
        cells += len(rows[i]) * sum(len(rows[j]) for j in js)
        if cells >= budget:
            out += _batch_links(x, numbers, rows, batch, threshold)
            batch, cells = [], 0
    return out + (_batch_links(x, numbers, rows, batch, threshold) if batch else [])


def _batch_links(x: Any, numbers: Any, rows: list[list[int]], batch: list[tuple[int, list[int]]],
                 threshold: float) -> list[tuple[int, int, float]]:
    """``_neighbour_links`` of a batch of documents (slot t: document i and its partners js)."""
    left = np.asarray([r for i, _ in batch for r in rows[i]], dtype=np.int64)
    left_slots = np.repeat(np.arange(len(batch)), [len(rows[i]) for i, _ in batch])
    right = np.asarray([r for _, js in batch for j in js for r in rows[j]], dtype=np.int64)
    right_slots = np.repeat(np.arange(len(batch)), [sum(len(rows[j]) for j in js) for _, js in batch])
    right_docs = np.asarray([j for _, js in batch for j in js for _ in rows[j]], dtype=np.int64)
    scores = _block_scores(x, numbers, left, left_slots, right, right_slots)
    r, c, v = scores.row, scores.col, scores.data
    mutual = _mutual_best(r, c, right_docs[c], v, threshold)
    return list(zip(left[r[mutual]].tolist(), right[c[mutual]].tolist(), v[mutual].tolist(), strict=True))


def partner_documents(pairs: np.ndarray, owner: np.ndarray, given: Sequence[tuple[int, int]],
                      k: int) -> list[tuple[int, int]]:
    """Document pairs whose claims are compared: the ``given`` ones (sharing a passage, nearest documents),
    and each document's ``k`` partners sharing the most candidate claim pairs (then the lowest index)."""
    i, j = owner[pairs[:, 0]], owner[pairs[:, 1]]
    doc, partner = np.r_[i, j].astype(np.int64), np.r_[j, i].astype(np.int64)
    width = np.int64(max(int(owner.max()) + 1, 1) if owner.size else 1)
    cells, shared = np.unique(doc * width + partner, return_counts=True)
    doc, partner = cells // width, cells % width
    order = np.lexsort((partner, -shared, doc))  # each document's partners, most shared pairs first
    doc, partner = doc[order], partner[order]
    starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]]) if doc.size else np.zeros(0, dtype=np.int64)
    best = ranks(np.diff(np.r_[starts, doc.size])) < k
    chosen = np.stack([np.minimum(doc, partner), np.maximum(doc, partner)], axis=1)[best]
    out = {(min(a, b), max(a, b)) for a, b in given} | set(map(tuple, chosen.tolist()))
    return sorted(out)


def _candidate_links(x: Any, numbers: Any, pairs: np.ndarray, near: list[tuple[int, int, float]],
                     threshold: float, wordy: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """The index pairs scoring ``threshold`` and the mutual best pairs ``near``, once each (i < j), with
    MIN_SHARED_WORDS in common, one of them more than a digit (``wordy``: ``word_presence``; "1/2 teaspoon
    coriander" and "§ 2 Abs. 1" share only digits, "His 88 came off 104 balls" and "unbeaten 88 from 104" share two
    numbers); and their scores."""
    scores = _pair_scores(x, numbers, pairs)
    mutual = np.asarray([(min(i, j), max(i, j)) for i, j, _ in near], dtype=np.int64).reshape(-1, 2)
    both = np.concatenate([mutual, pairs[scores >= threshold]])
    both_scores = np.concatenate([np.asarray([s for _, _, s in near]), scores[scores >= threshold]])
    _, first = np.unique(both[:, 0] * np.int64(x.shape[0]) + both[:, 1], return_index=True)
    first = first[_shared_words(x, both[first]) >= MIN_SHARED_WORDS]
    if wordy is not None:
        first = first[_shared_words(wordy, both[first]) >= 1]
    return both[first], both_scores[first]


def link_claims(claims: Sequence[Claim], doc_ids: Sequence[str], reused: Sequence[tuple[str, str]],
                threshold: float, near_threshold: float) -> LinkedClaims:
    """Links between claims of different documents. Candidates: claim pairs from the claim index (linked
    when they score ``threshold``), and mutual best claims between partner documents (``partner_documents``);
    each link's numbers and names agree. Only claims of documents with candidates are vectorised."""
    usable, texts = _compared_claims(claims)
    position = {d: n for n, d in enumerate(doc_ids)}
    owner = np.asarray([position[c.document] for c in usable], dtype=np.int64)
    words = word_hashes(texts)
    found = lsh_pairs(claim_signatures(words, LSH_BANDS * LSH_ROWS), LSH_BANDS, LSH_ROWS)
    same_document = owner[found[:, 0]] == owner[found[:, 1]]
    pairs, within = found[~same_document], found[same_document]
    reuse = [(position[a], position[b]) for a, b in reused]
    doc_vectors = document_vectors(words, owner, len(doc_ids))
    near = nearest_documents(doc_vectors, NEIGHBOURS, near_threshold)
    doc_pairs = partner_documents(pairs, owner, [*reuse, *near], NEIGHBOURS)
    passages = shared_passages(texts, owner, words.tokens)
    compared = np.zeros(len(doc_ids), dtype=bool)
    compared[np.asarray(doc_pairs, dtype=np.int64).reshape(-1)] = True
    keep = np.flatnonzero(compared[owner]).tolist()
    x = claim_vectors(words, keep)
    if x is None:
        return LinkedClaims((), None, {}, None)
    usable, owner = [usable[n] for n in keep], owner[keep]
    renumber = np.full(len(texts), -1, dtype=np.int64)
    renumber[keep] = np.arange(len(keep))
    pairs, within = renumber[pairs], renumber[within]
    rows: list[list[int]] = [[] for _ in doc_ids]
    for n, d in enumerate(owner.tolist()):
        rows[d].append(n)
    found_numbers = all_specifics([c.text for c in usable])
    numbers = numbers_matrix([scored_numbers(found) for found in found_numbers])
    passage = _passage_pairs(x, numbers, passages, renumber)
    both, both_scores = _candidate_links(x, numbers, np.concatenate([pairs, passage]),
                                         _neighbour_links(x, numbers, rows, doc_pairs, threshold), threshold,
                                         word_presence(words, keep))
    ordered = _agreeing_links(usable, both, both_scores, _row_products(doc_vectors, owner[both]),
                              set(map(tuple, passage.tolist())), found_numbers)
    repeats = repeated_lines(usable, x, within[(within >= 0).all(axis=1)])
    return LinkedClaims(tuple(ordered), x, {c.id: n for n, c in enumerate(usable)}, numbers,
                        frozenset((link.a, link.b) for link in ordered), tuple(repeats), line_ids(repeats))


def _compared_claims(claims: Sequence[Claim]) -> tuple[list[Claim], list[str]]:
    """The claims of MIN_CLAIM_WORDS words or more (counting stops there) without the frame that names their source
    (``content_text``), and those texts in lower case. The claim index reads only their words and the marks of a tag
    or a web address, none of which holds a space, so runs of spaces stay as they are (a property test compares the
    index of the texts with single spaces)."""
    lowered = [content_text(c).lower() for c in claims]
    enough = [len(t.split(None, MIN_CLAIM_WORDS - 1)) >= MIN_CLAIM_WORDS for t in lowered]
    return ([c for c, ok in zip(claims, enough, strict=True) if ok],
            [t for t, ok in zip(lowered, enough, strict=True) if ok])


def _passage_pairs(x: Any, numbers: Any, found: SharedPassages, renumber: np.ndarray) -> np.ndarray:
    """The claim pairs (rows of ``x``, i < j) sharing a passage (PASSAGE_SHINGLES rare 4-grams, PASSAGE_SHARE of
    the shorter claim's, or PASSAGE_LONG of them) that score PASSAGE_LINK with PASSAGE_WORDS content words in
    common: a quote another article took ("You think I'm going to change?" and the sentence quoting it)."""
    strong = found.pairs[(found.shared >= PASSAGE_SHINGLES) & ((found.share >= PASSAGE_SHARE)
                                                               | (found.shared >= PASSAGE_LONG))]
    pairs = np.sort(renumber[strong], axis=1).reshape(-1, 2)
    pairs = pairs[(pairs >= 0).all(axis=1)]
    good = (_pair_scores(x, numbers, pairs) >= PASSAGE_LINK) & (_shared_words(x, pairs) >= PASSAGE_WORDS)
    out: np.ndarray = pairs[good]
    return out


def repeated_lines(claims: Sequence[Claim], x: Any, within: np.ndarray) -> list[tuple[str, str, float]]:
    """Pairs of claims of one document (``within``: rows of ``x``, from the claim index) that are one line
    repeated: a text cosine of at least REPEAT and the same numbers and names ("It takes 2,383 delegates to
    win." in each update of a live blog)."""
    cosine = _row_products(x, within)
    return [(claims[i].id, claims[j].id, s) for (i, j), s in zip(within.tolist(), cosine.tolist(), strict=True)
            if s >= REPEAT and facts_agree(facts_of(claims[i].text), facts_of(claims[j].text))]


def line_ids(repeats: Sequence[tuple[str, str, float]]) -> dict[str, str]:
    """Each repeated claim's line: the first claim (in claim order) connected to it by repeats."""
    return {c: min(group, key=claim_order) for group in connected_groups((a, b) for a, b, _ in repeats)
            for c in group}


def _row_products(x: Any, pairs: np.ndarray) -> np.ndarray:
    """The dot product of rows i and j of ``x`` for each pair (i, j) of ``pairs``."""
    if pairs.size == 0:
        return np.zeros(0)
    out: np.ndarray = np.asarray(x[pairs[:, 0]].multiply(x[pairs[:, 1]]).sum(axis=1)).reshape(-1)
    return out


def _agreeing_links(claims: Sequence[Claim], pairs: np.ndarray, scores: np.ndarray, documents: np.ndarray,
                    passages: set[tuple[int, ...]], numbers: Sequence[frozenset[str]]) -> list[ClaimLink]:
    """The candidate pairs whose numbers and names agree (``_facts_agree``), as links in claim order, with the
    similarity of their documents; those in ``passages`` share a passage."""
    rank = claim_ranks(claims)
    order = np.lexsort((rank[pairs[:, 1]], rank[pairs[:, 0]]))
    pairs, scores, documents = pairs[order], scores[order], documents[order]
    agree = _facts_agree(claims, pairs, numbers)
    return [ClaimLink(claims[i].id, claims[j].id, s, d, (i, j) in passages)
            for (i, j), s, d in zip(pairs[agree].tolist(), scores[agree].tolist(), documents[agree].tolist(),
                                    strict=True)]


def _facts_agree(claims: Sequence[Claim], pairs: np.ndarray, numbers: Sequence[frozenset[str]]) -> np.ndarray:
    """Whether the numbers and names of each pair of claims agree (``facts_agree``), the facts of each claim of
    a pair found once (``numbers``: its ``specifics``, already found). A claim with no number and no name agrees
    with any claim, without comparing."""
    needed = np.unique(pairs).tolist()
    facts = dict(zip(needed, all_facts([claims[n].text for n in needed], [numbers[n] for n in needed]), strict=True))
    bare = np.zeros(len(claims), dtype=bool)
    bare[needed] = [not (f.numbers or f.spelled or f.names) for f in facts.values()]
    agree: np.ndarray = bare[pairs[:, 0]] | bare[pairs[:, 1]]
    rest = np.flatnonzero(~agree)
    agree[rest] = [facts_agree(facts[i], facts[j]) for i, j in pairs[rest].tolist()]
    return agree


def claim_ranks(claims: Sequence[Claim]) -> np.ndarray:
    """Each claim's rank in claim order (``claim_order`` of its id; equal ids, equal ranks): the documents ranked
    once each, then the (document, position) keys sorted by numpy (a position is the claim's index in its
    document, far below 2^63)."""
    parts = [c.id.rpartition(":") for c in claims]
    doc_rank = {d: n for n, d in enumerate(sorted({doc for doc, _, _ in parts}))}
    doc = np.fromiter((doc_rank[d] for d, _, _ in parts), dtype=np.int64, count=len(parts))
    position = np.fromiter((int(n) for _, _, n in parts), dtype=np.int64, count=len(parts))
    order = np.lexsort((position, doc))
    doc, position = doc[order], position[order]
    new = np.r_[True, (doc[1:] != doc[:-1]) | (position[1:] != position[:-1])][:len(parts)]
    rank = np.zeros(len(claims), dtype=np.int64)
    rank[order] = np.cumsum(new) - 1
    return rank


def _free_neighbours(adjacent: dict[T, list[tuple[float, T]]], node: T, taken: set[T],
                     order: Callable[[T], Any]) -> list[T]:
    return [n for _, n in sorted(adjacent.get(node, []), key=lambda e: (-e[0], order(e[1]))) if n not in taken]


def star_groups(edges: Sequence[tuple[T, T, float]], unit: Callable[[T], Hashable],
                order: Callable[[T], Any]) -> list[list[T]]:
    """Groups around representatives, no transitive closure. The node with the most links (then the
    highest summed similarity, then ``order``) that is still free becomes a representative; its free
    neighbours join it, most similar first, at most one per ``unit``. A group has at least two nodes."""
    adjacent: dict[T, list[tuple[float, T]]] = {}
    for a, b, s in edges:
        adjacent.setdefault(a, []).append((s, b))
        adjacent.setdefault(b, []).append((s, a))
    ranked = sorted(adjacent, key=lambda n: (-len(adjacent[n]), -sum(s for s, _ in adjacent[n]), order(n)))
    taken: set[T] = set()
    groups: list[list[T]] = []
    for rep in ranked:
        if rep in taken:
            continue
        members = {unit(rep): rep}
        for other in _free_neighbours(adjacent, rep, taken, order):
            members.setdefault(unit(other), other)
        if len(members) > 1:
            taken.update(members.values())
            groups.append(list(members.values()))
    return sorted((sorted(g, key=order) for g in groups), key=lambda g: order(g[0]))


def _clash(ga: list[T], gb: list[T], unit: Callable[[T], Hashable], line: Callable[[T], Hashable]) -> bool:
    """Joined, the two groups would hold two different lines of one ``unit``."""
    lines = {unit(n): line(n) for n in ga}
    return any(unit(n) in lines and lines[unit(n)] != line(n) for n in gb)


def strongest_first_groups(edges: Sequence[tuple[T, T, float]], unit: Callable[[T], Hashable],
                           order: Callable[[T], Any], close: Callable[[list[T], list[T]], bool],
                           line: Callable[[T], Hashable] | None = None) -> list[list[T]]:
    """Groups by complete linkage, strongest links first: a link joins two groups (or a node to a group, or
    two nodes) only when no ``unit`` would hold two different ``line``s (by default each node is its own line:
    one node per unit) and every member of one is ``close`` to every member of the other. A group's spread is
    bounded: any two members are close, not just a chain of neighbours."""
    line_of: Callable[[T], Hashable] = line or (lambda n: n)
    group_of: dict[T, list[T]] = {}
    for a, b, _ in sorted(edges, key=lambda e: (-e[2], order(e[0]), order(e[1]))):
        ga, gb = group_of.get(a, [a]), group_of.get(b, [b])
        if ga is gb or _clash(ga, gb, unit, line_of):
            continue
        if (len(ga) > 1 or len(gb) > 1) and not close(ga, gb):  # two single nodes: the link itself is close
            continue
        merged = ga + gb
        for n in merged:
            group_of[n] = merged
    groups = {id(g): g for g in group_of.values()}.values()
    return sorted((sorted(g, key=order) for g in groups), key=lambda g: order(g[0]))


def claim_groups(links: Sequence[ClaimLink], close: Callable[[list[str], list[str]], bool],
                 repeats: Sequence[tuple[str, str, float]] = (), line_of: dict[str, str] | None = None
                 ) -> list[list[str]]:
    """Claim groups by complete linkage (``strongest_first_groups``), one line per document: the occurrences of
    a line a document repeats (``repeats``, ``line_of``) may share a group, two different lines never. Groups
    span at least two documents; each group's ids in claim order (document id, then position), groups by first
    claim."""
    lines = line_of or {}
    groups = strongest_first_groups([*((link.a, link.b, link.similarity) for link in links), *repeats],
                                    document_of, claim_order, close, lambda c: lines.get(c, c))
    return [g for g in groups if len({document_of(c) for c in g}) > 1]


def document_of(claim_id: str) -> str:
    return claim_id.rpartition(":")[0]


def claim_order(claim_id: str) -> tuple[str, int]:
    doc, _, n = claim_id.rpartition(":")
    return doc, int(n)
