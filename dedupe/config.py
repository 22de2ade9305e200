"""Settings for a scan: one dataclass tree with defaults, validated on construction."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from dedupe.errors import ConfigError

DEFAULT_INCLUDE: tuple[str, ...] = (
    "*.txt",
    "*.md",
    "*.json",
    "*.jsonl",
    "*.ndjson",
    "*.csv",
    "*.tsv",
    "*.rss",
    "*.atom",
    "*.xml",
    "*.html",
    "*.htm",
)


@dataclass(frozen=True, slots=True)
class FieldNames:
    """Field names read from JSON / JSONL records and CSV / TSV columns (first present name wins)."""

    id: tuple[str, ...] = ("id", "guid", "uuid")
    text: tuple[str, ...] = ("text", "body", "content", "article")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link")
    outlet: tuple[str, ...] = ("outlet", "source", "publisher", "site")
    published: tuple[str, ...] = ("published", "date", "published_at", "pubDate")
    author: tuple[str, ...] = ("author", "byline")


@dataclass(frozen=True, slots=True)
class ReadConfig:
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fields: FieldNames = field(default_factory=FieldNames)
    max_bytes: int = 200_000_000

    def __post_init__(self) -> None:
        if not self.include:
            raise ConfigError("include needs at least one glob pattern")
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, got {self.max_bytes}")


@dataclass(frozen=True, slots=True)
class FingerprintConfig:
    shingle_size: int = 3
    num_perm: int = 128
    seed: int = 1
    passage_words: int = 60  # sliding-window length for passage signatures
    passage_step: int = 30
    # a line or sentence this many documents repeat beside text of their own is corpus boilerplate (0: never)
    repeated_line_documents: int = 5
    # ... and this many documents of one site (outlet, else URL host), beside text of their own within the site
    repeated_site_documents: int = 3

    def __post_init__(self) -> None:
        if not 1 <= self.shingle_size <= 12:
            raise ConfigError(f"shingle_size must be between 1 and 12, got {self.shingle_size}")
        if not 16 <= self.num_perm <= 1024:
            raise ConfigError(f"num_perm must be between 16 and 1024, got {self.num_perm}")
        if self.repeated_line_documents < 0:
            raise ConfigError(f"repeated_line_documents must be >= 0, got {self.repeated_line_documents}")
        if self.repeated_site_documents < 0:
            raise ConfigError(f"repeated_site_documents must be >= 0, got {self.repeated_site_documents}")
        if self.passage_words < 2 * self.shingle_size or self.passage_step < 1:
            raise ConfigError("passage_words must be >= 2 * shingle_size and passage_step >= 1")
        if self.passage_step > self.passage_words:
            raise ConfigError("passage_step must not exceed passage_words (windows would leave gaps)")


@dataclass(frozen=True, slots=True)
class MatchConfig:
    threshold: float = 0.3  # LSH Jaccard threshold for documents
    passage_threshold: float = 0.4  # LSH Jaccard threshold for passages
    min_passage_words: int = 25  # shortest shared passage that is reported
    max_gap: int = 6  # words that may differ inside one passage (spun rewrites)
    near_duplicate_coverage: float = 0.5  # both sides covered at least this much
    copy_coverage: float = 0.8  # a partial reuse covering this much of one side is a copy of the other (trimmed)
    max_seed_occurrences: int = 4  # shingles repeated more often are not used as seeds

    def __post_init__(self) -> None:
        for name in ("threshold", "passage_threshold", "near_duplicate_coverage", "copy_coverage"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")
        if self.min_passage_words < 1 or self.max_gap < 0 or self.max_seed_occurrences < 1:
            raise ConfigError("min_passage_words and max_seed_occurrences must be >= 1, max_gap >= 0")


@dataclass(frozen=True, slots=True)
class AttributionConfig:
    sources_files: tuple[str, ...] = ()  # user lexicon files extending the shipped one
    use_classifier: bool = True  # role classifier for mentions no rule decides


@dataclass(frozen=True, slots=True)
class ProvenanceConfig:
    story_threshold: float = 0.2  # word TF-IDF cosine of a nearest document whose claims are compared
    claim_threshold: float = 0.3  # char n-gram TF-IDF cosine (+ shared numbers) for the same claim
    direction_margin: float = 1.0  # evidence weight needed to call a direction (see direction.py)

    def __post_init__(self) -> None:
        for name in ("story_threshold", "claim_threshold"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")
        if self.direction_margin <= 0:
            raise ConfigError(f"direction_margin must be > 0, got {self.direction_margin}")


MODES = ("full", "copies")


@dataclass(frozen=True, slots=True)
class ScanConfig:
    read: ReadConfig = field(default_factory=ReadConfig)
    fingerprint: FingerprintConfig = field(default_factory=FingerprintConfig)
    match: MatchConfig = field(default_factory=MatchConfig)
    attribution: AttributionConfig = field(default_factory=AttributionConfig)
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)
    workers: int = 1
    mode: str = "full"  # full: copies, attribution and provenance | copies: near-duplicates and passages only

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"mode must be one of {', '.join(MODES)}, got {self.mode!r}")
        if self.workers < 1:
            raise ConfigError(f"workers must be >= 1, got {self.workers}")


def config_from_options(*, threshold: float = 0.3, shingle_size: int = 3, num_perm: int = 128,
                        include: list[str] | None = None, exclude: list[str] | None = None,
                        text_field: str | None = None, id_field: str | None = None, outlet_field: str | None = None,
                        date_field: str | None = None, workers: int = 1, sources: list[Path] | None = None,
                        classifier: bool = True, mode: str = "full", repeated_line_docs: int = 5,
                        repeated_site_docs: int = 3) -> ScanConfig:
    """The scan settings the command-line options ask for (the one place CLI options become a ``ScanConfig``).

    Args:
        threshold, shingle_size, num_perm: LSH threshold for whole documents, words per shingle, permutations.
        include, exclude: file globs (None: the defaults).
        text_field, id_field, outlet_field, date_field: the field (or column) name to read (None: the defaults).
        workers, sources, classifier, mode: processes, user lexicon files, role classifier, scan mode.
        repeated_line_docs: documents that must repeat a line for it to be corpus boilerplate (0: off).
        repeated_site_docs: documents of one site that must repeat a line for it to be the site's boilerplate
            (0: off).

    Returns:
        The validated ``ScanConfig``.

    Raises:
        ConfigError: a setting out of range.
    """
    read = ReadConfig(include=tuple(include or DEFAULT_INCLUDE), exclude=tuple(exclude or ()))
    names = {"text": text_field, "id": id_field, "outlet": outlet_field, "published": date_field}
    read = replace(read, fields=replace(read.fields, **{k: (v,) for k, v in names.items() if v}))
    return ScanConfig(
        read=read,
        fingerprint=FingerprintConfig(shingle_size=shingle_size, num_perm=num_perm,
                                      repeated_line_documents=repeated_line_docs,
                                      repeated_site_documents=repeated_site_docs),
        match=MatchConfig(threshold=threshold),
        attribution=AttributionConfig(sources_files=tuple(str(p) for p in sources or ()), use_classifier=classifier),
        workers=workers,
        mode=mode,
    )
