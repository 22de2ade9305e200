"""A document ready to be stored: its band keys, the sha256 of its text and the text compressed.

``index add`` has its worker processes compute these with the band keys, so that the process writing the
index only writes; a store given plain ``(document, keys)`` pairs prepares them itself (``prepared``).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from dedupe.models import Document

LEVEL = 1  # zlib level of stored texts: 6 takes 3-4x as long for a few per cent less space

KeyedDocument = tuple[Document, np.ndarray]  # a document and its distinct band keys (``SketchBatch.distinct_keys``)


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    document: Document
    keys: np.ndarray  # distinct band keys, sorted int64
    sha256: str  # of the text (``sha256_text``)
    blob: bytes  # the text as stored (``compress_text``)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compress_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


def prepare(doc: Document, keys: np.ndarray) -> PreparedDocument:
    return PreparedDocument(doc, keys, sha256_text(doc.text), compress_text(doc.text))


def prepared(items: Iterable[KeyedDocument | PreparedDocument]) -> Iterator[PreparedDocument]:
    """Each item as a PreparedDocument (prepared here unless it is one already)."""
    for item in items:
        yield item if isinstance(item, PreparedDocument) else prepare(*item)
