"""Named exceptions raised by the library. Only the CLI turns them into exit codes."""

from __future__ import annotations


class DedupeError(Exception):
    """Base class for every error the library raises on purpose."""


class ConfigError(DedupeError, ValueError):
    """A setting is out of range or inconsistent with another one."""


class InputError(DedupeError):
    """An input file or record could not be read as a document.

    ``kind`` is a short machine-readable reason (``binary``, ``encoding``,
    ``empty``, ``malformed-json``, ``not-regular-file``, ``unreadable`` ...) reported in ``errors[]``.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class NoInputError(DedupeError):
    """No document at all could be read from the given paths; ``errors`` says why."""

    def __init__(self, message: str, errors: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.errors = errors


class LexiconError(DedupeError):
    """A source lexicon file is missing, malformed or inconsistent."""


class MissingDependencyError(DedupeError):
    """An optional dependency needed for the requested feature is not installed."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"{package} is required for this feature: pip install 'news-dedupe[{extra}]'")
        self.package = package
        self.extra = extra


class IndexStoreError(DedupeError):
    """The persistent index cannot be used."""


class IndexLockedError(IndexStoreError):
    """Another process holds the index's write lock longer than the timeout."""


class IndexCorruptError(IndexStoreError):
    """The index file is missing, not a SQLite database, or damaged."""


class IndexMismatchError(IndexStoreError):
    """The index was built with other fingerprint settings; its band keys are not comparable."""


class IndexMissingError(IndexStoreError):
    """There is no index there, and the run only reads (a check without --update, index stats): no SQLite file,
    or an empty or another Redis database."""


class NotAnIndexError(IndexStoreError):
    """The file is an SQLite database of another application (or of nothing): it is left untouched."""


class IndexUnavailableError(IndexStoreError):
    """The index server cannot be reached, went away, or refused a command; the message names its URL."""


class SchedulerError(DedupeError):
    """The Dask scheduler address is malformed, or nothing answers there."""
