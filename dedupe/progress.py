"""Progress as periodic one-line messages, for runs whose stderr is not a terminal (CI logs, cron mail)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

DELAY = 5.0  # seconds before the first line: short runs print nothing
INTERVAL = 10.0  # seconds between lines
_COUNTED = {"boilerplate": "read for boilerplate", "fingerprint": "analysed", "candidates": "candidate partitions",
            "verify": "pairs verified", "index": "indexed"}  # pipeline stage -> what its counter counts
_BEFORE = frozenset({"boilerplate"})  # stages shown only until the documents are being analysed


class LineProgress:
    """A ``Progress`` callback (stage, done, total) that writes one line such as ``dedupe: 1200 documents read,
    800 of 1200 analysed (160 docs/s, 5s)`` to ``stream`` every ``interval`` seconds once the run has lasted
    ``delay`` seconds. ``clock`` is injectable for tests."""

    def __init__(self, stream: TextIO, *, interval: float | None = None, delay: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._interval = INTERVAL if interval is None else interval
        delay = DELAY if delay is None else delay
        if self._interval <= 0 or delay < 0:
            raise ValueError(f"interval must be > 0 and delay >= 0, got {self._interval} and {delay}")
        self._stream, self._clock = stream, clock
        self._start = clock()
        self._next = self._start + delay
        self._counts: dict[str, tuple[int, int]] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        self._counts[stage] = (done, total)
        now = self._clock()
        if now >= self._next:
            self._next = now + self._interval
            self._stream.write(self.line(now) + "\n")
            self._stream.flush()

    def line(self, now: float) -> str:
        """The counts so far, and documents analysed per second since the start."""
        elapsed = max(now - self._start, 1e-9)
        parts = [f"{self._counts['fingerprint'][1]} documents read"] if "fingerprint" in self._counts else []
        parts += [f"{done} of {total} {_COUNTED.get(stage, stage)}" for stage, (done, total) in self._counts.items()
                  if stage not in _BEFORE or "fingerprint" not in self._counts]
        analysed = self._counts.get("fingerprint", self._counts.get("index", (0, 0)))[0]
        return f"dedupe: {', '.join(parts)} ({analysed / elapsed:.0f} docs/s, {elapsed:.0f}s)"
