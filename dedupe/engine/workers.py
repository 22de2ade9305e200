"""Worker processes for the per-document and per-pair stages.

A stage's tasks run in a process pool when more than one worker is asked for, else in this process; the
results come back in task order either way, so the output never depends on the number of workers. What the
tasks read (the documents, the band-key buckets) is shared rather than sent with every task: under fork the
workers inherit it with the rest of the parent's memory (``gc.freeze`` keeps collection from copying those
pages); where fork is unavailable the pool initializer receives it once per worker.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

Progress = Callable[[str, int, int], None]
Task = TypeVar("Task")
Result = TypeVar("Result")

_SHARED: object = ()


def _share(shared: object) -> None:
    global _SHARED
    _SHARED = shared


def shared() -> object:
    """What the running stage shares with its tasks (call from a task)."""
    return _SHARED


def _pool(workers: int, what: object) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_share, initargs=(what,))


def iter_tasks(fn: Callable[[Task], Result], tasks: list[Task], what: object, workers: int, stage: str,
               progress: Progress | None, sizes: list[int]) -> Iterator[Result]:
    """``fn`` of every task, yielded in task order as they finish, with ``what`` shared; ``sizes`` weigh the
    tasks for progress. Taking each result as it comes keeps only a few in memory at a time."""
    done, total = 0, sum(sizes)

    def record(size: int) -> None:
        nonlocal done
        done += size
        if progress is not None:
            progress(stage, done, total)

    if workers > 1 and len(tasks) > 1:
        gc.freeze()
        try:
            with _pool(workers, what) as pool:
                for size, result in zip(sizes, _bounded_map(pool, fn, tasks, 4 * workers), strict=True):
                    record(size)
                    yield result
        finally:
            gc.unfreeze()
        return
    previous = _SHARED
    _share(what)
    try:
        for size, task in zip(sizes, tasks, strict=True):
            result = fn(task)
            record(size)
            yield result
    finally:
        _share(previous)


def _bounded_map(pool: ProcessPoolExecutor, fn: Callable[[Task], Result], tasks: list[Task],
                 ahead: int) -> Iterator[Result]:
    """``pool.map`` with at most ``ahead`` tasks submitted and not yet taken: finished results do not pile
    up in memory when the caller is slower than the workers."""
    pending: deque[Future[Result]] = deque()
    for task in tasks:
        pending.append(pool.submit(fn, task))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_tasks(fn: Callable[[Task], Result], tasks: list[Task], what: object, workers: int, stage: str,
              progress: Progress | None, sizes: list[int]) -> list[Result]:
    """All results of ``iter_tasks``, in task order."""
    return list(iter_tasks(fn, tasks, what, workers, stage, progress, sizes))
