"""Worker processes for the per-document and per-pair stages.

A stage's tasks run in a process pool when more than one worker is asked for, else in this process; the
results come back in task order either way, so the output never depends on the number of workers. Every task
function takes two arguments: the stage's context (what all its tasks read: the documents and settings, the
band-key buckets), and its own task. The caller passes the context to ``iter_tasks`` / ``run_tasks``, which
hands it to the pool initialiser rather than sending it with every task: under fork the workers inherit it
with the rest of the parent's memory (``gc.freeze`` keeps collection from copying those pages); where fork is
unavailable the initialiser receives it once per worker. In this process the task function gets it directly.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

Progress = Callable[[str, int, int], None]
Context = TypeVar("Context")
Task = TypeVar("Task")
Result = TypeVar("Result")

_worker_context: object = None  # in a pool's worker process only: set there by the pool initialiser


def _start_worker(context: object) -> None:
    """The pool initialiser: keeps the stage's context in the worker process for its tasks."""
    global _worker_context
    _worker_context = context


def _in_worker(fn: Callable[[Any, Task], Result], task: Task) -> Result:
    """``fn`` of a task in a worker process, with the context the initialiser received."""
    return fn(_worker_context, task)


def _pool(workers: int, context: object) -> ProcessPoolExecutor:
    start = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=start, initializer=_start_worker, initargs=(context,))


def iter_tasks(fn: Callable[[Context, Task], Result], tasks: list[Task], context: Context, workers: int, stage: str,
               progress: Progress | None, sizes: list[int]) -> Iterator[Result]:
    """``fn(context, task)`` of every task, yielded in task order as they finish; ``sizes`` weigh the tasks for
    progress. Taking each result as it comes keeps only a few in memory at a time."""
    done, total = 0, sum(sizes)

    def record(size: int) -> None:
        nonlocal done
        done += size
        if progress is not None:
            progress(stage, done, total)

    if workers > 1 and len(tasks) > 1:
        gc.freeze()
        try:
            with _pool(workers, context) as pool:
                for size, result in zip(sizes, _bounded_map(pool, fn, tasks, 4 * workers), strict=True):
                    record(size)
                    yield result
        finally:
            gc.unfreeze()
        return
    for size, task in zip(sizes, tasks, strict=True):
        result = fn(context, task)
        record(size)
        yield result


def _bounded_map(pool: ProcessPoolExecutor, fn: Callable[[Any, Task], Result], tasks: list[Task],
                 ahead: int) -> Iterator[Result]:
    """``pool.map`` with at most ``ahead`` tasks submitted and not yet taken: finished results do not pile
    up in memory when the caller is slower than the workers."""
    pending: deque[Future[Result]] = deque()
    for task in tasks:
        pending.append(pool.submit(_in_worker, fn, task))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_tasks(fn: Callable[[Context, Task], Result], tasks: list[Task], context: Context, workers: int, stage: str,
              progress: Progress | None, sizes: list[int]) -> list[Result]:
    """All results of ``iter_tasks``, in task order."""
    return list(iter_tasks(fn, tasks, context, workers, stage, progress, sizes))
