"""Cross-document claim groups: the same claim (copied, spun or restated) in several documents.

Claims are compared with scikit-learn TF-IDF vectors of character n-grams (robust to synonyms
swapped word by word, misspellings and re-punctuation), only between documents of one candidate
story: documents linked by a match, or whose word TF-IDF vectors are close. Between two documents a
pair of claims is linked when each is the other's most similar claim and their cosine reaches the
threshold; linked claims form groups (union-find).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dedupe.claims import Claim
from dedupe.cluster import connected_groups

MIN_CLAIM_WORDS = 5  # shorter sentences ("He said.") are not compared
SPECIFICS_WEIGHT = 0.2  # added to the text similarity for each shared number (at most two)
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


@dataclass(frozen=True, slots=True)
class ClaimLink:
    a: str  # claim ids
    b: str
    similarity: float


def _vectors(texts: Sequence[str], **options: Any) -> Any:
    """Row-normalised TF-IDF vectors (fitted on these texts: same texts, same vectors)."""
    if not texts:
        return None
    from sklearn.feature_extraction.text import TfidfVectorizer  # on first use: see roles.make_pipeline

    try:
        return TfidfVectorizer(sublinear_tf=True, dtype=np.float64, **options).fit_transform(texts)
    except ValueError:  # empty vocabulary: nothing but stop words or punctuation
        return None


def candidate_stories(doc_ids: Sequence[str], doc_texts: Sequence[str], linked: Sequence[tuple[str, str]],
                      threshold: float) -> list[list[str]]:
    """Documents that may share claims: linked by a match, or word TF-IDF cosine >= threshold."""
    edges = list(linked)
    x = _vectors(doc_texts, stop_words="english", min_df=1)
    if x is not None:
        sim = (x @ x.T).tocoo()
        edges += [(doc_ids[i], doc_ids[j]) for i, j, v in zip(sim.row, sim.col, sim.data, strict=True)
                  if i < j and v >= threshold]
    return [g for g in connected_groups(edges) if len(g) >= 2]


def specifics(text: str) -> frozenset[str]:
    """The numbers of a sentence: the facts a paraphrase keeps ("64 people", "3.9 percent", "1,100 km")."""
    return frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text))


def specifics_bonus(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> np.ndarray:
    """SPECIFICS_WEIGHT for each number two sentences share, at most two."""
    out = np.zeros((len(a), len(b)))
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i, j] = SPECIFICS_WEIGHT * min(len(x & y), 2)
    return out


def _mutual_best(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    if sim.size == 0:
        return []
    best_col = sim.argmax(axis=1)
    best_row = sim.argmax(axis=0)
    return [(i, int(j)) for i, j in enumerate(best_col) if best_row[j] == i and sim[i, j] >= threshold]


def link_claims(claims: Sequence[Claim], stories: Sequence[Sequence[str]], threshold: float) -> list[ClaimLink]:
    """Mutual-best claim pairs between the documents of each candidate story."""
    usable = [c for c in claims if len(c.text.split()) >= MIN_CLAIM_WORDS]
    x = _vectors([" ".join(c.text.lower().split()) for c in usable], analyzer="char_wb", ngram_range=(3, 5))
    if x is None:
        return []
    facts = [specifics(c.text) for c in usable]
    rows: dict[str, list[int]] = {}
    for n, c in enumerate(usable):
        rows.setdefault(c.document, []).append(n)
    links = []
    for story in stories:
        docs = [d for d in story if d in rows]
        for i, da in enumerate(docs):
            for db in docs[i + 1:]:
                ra, rb = rows[da], rows[db]
                text_sim = (x[ra] @ x[rb].T).toarray()
                sim = text_sim + specifics_bonus([facts[i] for i in ra], [facts[i] for i in rb])
                links += [ClaimLink(usable[ra[p]].id, usable[rb[q]].id, float(sim[p, q]))
                          for p, q in _mutual_best(sim, threshold)]
    return sorted(links, key=lambda link: (link.a, link.b))


def claim_groups(links: Sequence[ClaimLink]) -> list[list[str]]:
    """Connected claims; each group's ids in claim order (document id, then position), groups by first claim."""
    groups = [sorted(g, key=_claim_order) for g in connected_groups((link.a, link.b) for link in links)]
    return sorted(groups, key=lambda g: _claim_order(g[0]))


def _claim_order(claim_id: str) -> tuple[str, int]:
    doc, _, n = claim_id.rpartition(":")
    return doc, int(n)
