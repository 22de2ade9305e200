"""Data carried between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One article. ``text`` is the text as read; every span in the report indexes it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    body_start: int = 0  # offset where the body starts (after a metadata header)
    record_id: str | None = None  # the record's own id field, for JSON inputs
    archived: bool = False  # read back from the persistent index (dedupe check), not from the inputs
    encoding: str | None = None  # the codec the file was decoded with, when not UTF-8


WARNING_KINDS = frozenset({"decoded-as"})  # ReadError kinds of documents that were read all the same


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file or record that could not be read (or, for WARNING_KINDS, was read with a caveat); reported in
    ``errors[]``."""

    path: str
    kind: str
    message: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph (or a single line) of a document, as [start, end) offsets."""

    start: int
    end: int
    boilerplate: str | None = None  # caption, related, social, disclaimer, credit ...


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into the document's paragraphs


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text shared by two documents."""

    a_span: Span
    b_span: Span
    tokens: int  # length in words on the a side


@dataclass(frozen=True, slots=True)
class Match:
    a: str
    b: str
    kind: str  # one of kinds.MATCH_KINDS
    similarity: float  # exact Jaccard of shingle sets
    estimated_similarity: float  # MinHash estimate
    containment_a_in_b: float
    containment_b_in_a: float
    coverage_a: float  # share of a's words inside shared passages
    coverage_b: float
    passages: tuple[Passage, ...] = field(default_factory=tuple)
