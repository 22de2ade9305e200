"""The Dask engine gives the report the local engine gives, with workers that read their own input.

Most tests reach a LocalCluster of two worker processes through its scheduler address, as ``dedupe scan --engine dask
--scheduler ADDR`` reaches a real cluster.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.corpus import Corpus
from dedupe import __version__, build_report, report_json, scan
from dedupe.config import ReadConfig, ScanConfig
from dedupe.copies.boilerplate import repeated_from
from dedupe.engine import dask_inputs as inputs
from dedupe.errors import SchedulerError
from dedupe.io.readers import discover, read_inputs
from tests.conftest import FIXTURES, ROOT

if os.environ.get("DEDUPE_TEST_REQUIRE_DASK"):  # CI (.ci/run): the Dask tests must run, on worker processes
    import distributed
else:
    distributed = pytest.importorskip("distributed")

_FOOTER = "Every story on this wire is written by its own synthetic desk and checked twice"


def _write_corpus(folder: Path) -> Path:
    """A generated corpus (synthetic text): a large JSONL file with bad lines and a footer most records share, a
    JSONL file in Latin-1 (read whole: it is not UTF-8), single text files, an empty file."""
    folder.mkdir()
    docs = [d for d, _ in Corpus(seed=11, charset="real").documents(150)]
    lines = [json.dumps({"id": d.id, "text": d.text + (f"\n\n{_FOOTER}." if n % 3 else ""), "outlet": f"o{n % 7}"})
             for n, d in enumerate(docs[:130])]
    lines[40:40] = ["{not json", "", json.dumps({"title": "no text field"}), "   "]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    latin = [json.dumps({"text": d.text + " café"}, ensure_ascii=False)
             for d, _ in Corpus(seed=3).documents(30)]
    (folder / "latin.jsonl").write_bytes("\n".join(latin).encode("latin-1"))  # no newline at the end
    (folder / "pages").mkdir()
    for n, d in enumerate(docs[130:]):
        (folder / "pages" / f"page{n:02d}.txt").write_text(f"title: page {n}\n\n{d.text}\n\n{_FOOTER}.\n")
    (folder / "pages" / "empty.txt").write_text("")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("dask") / "corpus")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes (one thread each) behind a scheduler address, as a real cluster is reached."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def _settled(parts: list[inputs.InputPart]) -> list[inputs.InputPart]:
    checks = {n: inputs.check_span(p.files[0].path, p.span) for n, p in enumerate(parts) if p.span is not None}
    return inputs.settle_spans(parts, checks)


@pytest.mark.parametrize("parts", [1, 3, 8, 40])
def test_parts_read_as_the_local_reader_reads(corpus: Path, parts: int) -> None:
    """Read part by part (spans of the large JSONL file; the Latin-1 one whole), the documents and errors are
    read_inputs' ones: same ids, texts, fields, messages ("on line N")."""
    config = ReadConfig()
    files, _ = discover([corpus], config)
    planned = _settled(inputs.plan_parts(files, config, parts))
    read = [inputs.read_part(p, config, False) for p in planned]
    local = read_inputs([corpus], config)
    assert sorted((d for r in read for d in r.docs), key=lambda d: d.id) == sorted(local.documents, key=lambda d: d.id)
    assert sorted((e for r in read for e in r.errors), key=lambda e: (e.path, e.kind)) == list(local.errors)
    spans = [p.files[0].path.name for p in planned if p.span is not None]
    assert spans == ([] if parts == 1 else ["wire.jsonl"] * len(spans)) and (parts == 1 or len(spans) > 2)


def test_boilerplate_counts_merged_from_parts_equal_the_corpus_pass(corpus: Path) -> None:
    from dedupe.copies.boilerplate import corpus_boilerplate

    config = ReadConfig()
    files, _ = discover([corpus], config)
    read = [inputs.read_part(p, config, True) for p in _settled(inputs.plan_parts(files, config, 6))]
    shared, common = inputs.common_lines([inputs.part_meta(r) for r in read], 5)
    repeated = repeated_from([inputs.part_shares(r, shared, common) for r in read])
    assert repeated and repeated == corpus_boilerplate(read_inputs([corpus], config).documents, 5)
    read = [inputs.read_part(p, config, True, True) for p in _settled(inputs.plan_parts(files, config, 6))]
    shared, common = inputs.common_lines([inputs.part_meta(r) for r in read], 5, 3)
    with_sites = repeated_from([inputs.part_shares(r, shared, common) for r in read])
    assert with_sites == corpus_boilerplate(read_inputs([corpus], config).documents, 5, 3)


def test_dask_and_local_reports_are_identical(fixture_scan: Any) -> None:
    from dedupe.engine.dask_engine import scan_dask

    _, local = fixture_scan
    result = scan_dask([FIXTURES], scheduler=None, partitions=7, processes=False)
    assert report_json(build_report(result, "test")) == report_json(local)


@pytest.mark.parametrize(("mode", "partitions"), [("copies", 3), ("full", 8)])
def test_generated_corpus_reports_are_identical(corpus: Path, cluster: Any, mode: str, partitions: int) -> None:
    """On worker processes, whatever the partitioning: the local engine's report, byte for byte."""
    from dedupe.engine.dask_engine import scan_dask

    config = ScanConfig(mode=mode)
    local = report_json(build_report(scan([corpus], config), "test"))
    dask = scan_dask([corpus], config, scheduler=cluster.scheduler_address, partitions=partitions)
    assert report_json(build_report(dask, "test")) == local


def test_many_small_key_partitions_give_the_same_report(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key partitions follow the number of band keys (``_PAIR_KEYS`` each): cut finer, the report is the same."""
    from dedupe.engine import dask_engine

    config = ScanConfig(mode="copies")
    local = report_json(build_report(scan([corpus], config), "test"))
    assert dask_engine.key_partitions(10**6, 4_000) == 250 and dask_engine.key_partitions(0, 4_000) == 1
    assert dask_engine.key_partitions(10**12, 1) == 2**16
    monkeypatch.setattr(dask_engine, "_PAIR_KEYS", 2_000)  # the client cuts the keys: threads see it too
    dask = dask_engine.scan_dask([corpus], config, scheduler=None, partitions=3, processes=False)
    assert report_json(build_report(dask, "test")) == local


def test_the_client_gathers_records_and_only_the_quoted_texts(corpus: Path, cluster: Any) -> None:
    """The client receives each document's record (the local engine's), never whole analyses or texts; asked for
    texts, it fetches the matched documents' ones, and the text and HTML reports quote them as the local ones do."""
    from dedupe.engine.dask_engine import scan_dask
    from dedupe.report.render_html import render_html
    from dedupe.report.render_text import render_text

    config = ScanConfig(mode="copies")
    local = scan([corpus], config)
    plain = scan_dask([corpus], config, scheduler=cluster.scheduler_address, partitions=4)
    assert plain.analyses == () and plain.texts == {} and plain.documents == local.documents
    quoted = scan_dask([corpus], config, scheduler=cluster.scheduler_address, partitions=4, texts=True)
    matched = {d for m in local.matches for d in (m.a, m.b)}
    assert 0 < len(matched) < len(local.documents) and quoted.texts == {d: local.texts[d] for d in matched}
    report, dask_report = build_report(local, "test"), build_report(quoted, "test")
    assert render_text(dask_report, quoted.texts) == render_text(report, local.texts)
    assert render_html(dask_report, quoted.texts) == render_html(report, local.texts)


def test_cli_on_a_scheduler_address_gives_the_local_report(cluster: Any, fixture_scan: Any) -> None:
    """``dedupe scan --engine dask --scheduler ADDR`` on the fixtures, workers in their own processes: the bytes
    the local engine's report has."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "dedupe", "scan", "--engine", "dask", "--scheduler",
                          cluster.scheduler_address, str(FIXTURES)], capture_output=True, env=env, cwd=ROOT,
                         timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == report_json(build_report(fixture_scan[0], __version__)).encode("utf-8")


class KillOnce(distributed.WorkerPlugin):  # type: ignore[misc]
    """A worker plugin that kills its worker process when the first task whose key starts with ``prefix``
    begins (``marker`` records that it happened: the restarted worker runs the task)."""

    def __init__(self, marker: str, prefix: str) -> None:
        self.marker = marker
        self.prefix = prefix

    def transition(self, key: object, start: str, finish: str, **kwargs: Any) -> None:
        if finish == "executing" and str(key).startswith(self.prefix) and not os.path.exists(self.marker):
            Path(self.marker).touch()
            os._exit(1)


def test_a_worker_killed_mid_scan_is_replaced_and_the_report_is_the_same(cluster: Any, tmp_path: Path) -> None:
    """The worker that starts the first analysis task dies (with the parts it read); Dask runs its tasks
    again elsewhere (its nanny starts a new worker) and the report is still the local one."""
    from distributed import Client

    from dedupe.engine.dask_engine import scan_dask

    config = ScanConfig(mode="copies")
    local = report_json(build_report(scan([FIXTURES], config), "test"))
    marker = tmp_path / "killed"
    with Client(cluster) as client:
        client.register_plugin(KillOnce(str(marker), "dedupe-analyse-"), name="kill-once")
        try:
            result = scan_dask([FIXTURES], config, scheduler=cluster.scheduler_address, partitions=4)
        finally:
            client.unregister_worker_plugin("kill-once")
    assert marker.exists()
    assert report_json(build_report(result, "test")) == local


def test_a_cluster_without_workers_is_a_clear_error_within_the_timeout(corpus: Path) -> None:
    from distributed import LocalCluster

    from dedupe.engine.dask_engine import scan_dask

    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as c:
        started = time.monotonic()
        with pytest.raises(SchedulerError, match="no worker for 2 s"):
            scan_dask([corpus], scheduler=c.scheduler_address, worker_timeout=2)
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("address", ["foo://bar", "nonsense", "tcp://127.0.0.1:{free}"])
def test_a_wrong_scheduler_address_is_a_clear_error(address: str) -> None:
    """Exit 3 with the address in one line, no traceback (also none from Dask's own clean-up at exit)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        address = address.format(free=s.getsockname()[1])  # nothing listens there once the socket closes
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "dedupe", "scan", "--engine", "dask", "--scheduler", address,
                          str(FIXTURES / "check" / "incoming"), "-o", os.devnull],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert run.returncode == 3, run.stderr
    assert run.stderr.startswith("Error: ") and address in run.stderr
    assert "Traceback" not in run.stderr


class CloseWorker(distributed.WorkerPlugin):  # type: ignore[misc]
    """A worker plugin that closes its worker (for good: no nanny) when a task whose key starts with ``prefix``
    begins."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def setup(self, worker: Any) -> None:
        self.worker = worker

    def transition(self, key: object, start: str, finish: str, **kwargs: Any) -> None:
        if finish == "executing" and str(key).startswith(self.prefix):
            self.worker.loop.add_callback(self.worker.close, nanny=False)


def test_every_worker_gone_mid_scan_is_a_clear_error_within_the_timeout(corpus: Path) -> None:
    """Both workers close as they start analysing: the scan stops with a SchedulerError instead of waiting."""
    from distributed import Client, LocalCluster

    from dedupe.engine.dask_engine import scan_dask

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c, \
            Client(c) as client:
        client.register_plugin(CloseWorker("dedupe-analyse-"), name="close-worker")
        started = time.monotonic()
        with pytest.raises(SchedulerError, match="no worker for 2 s"):
            scan_dask([corpus], ScanConfig(mode="copies"), scheduler=c.scheduler_address, worker_timeout=2)
    assert time.monotonic() - started < 30


def test_a_server_that_never_answers_as_a_scheduler_is_a_clear_error_within_the_timeout() -> None:
    """A dashboard's HTTP port, a Redis server: something accepts the connection and never speaks Dask's protocol;
    Client's own timeout covers the connection only."""
    import threading

    from distributed import Client

    from dedupe.engine.dask_engine import _client_within

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True).start()
    started = time.monotonic()
    try:
        with pytest.raises(SchedulerError, match="no answer as a Dask scheduler within 6 s"), \
                _client_within(Client, f"tcp://127.0.0.1:{server.getsockname()[1]}", 1.0):
            pass
    finally:
        server.close()
        for s in accepted:
            s.close()
    assert time.monotonic() - started < 10


def test_lexicon_files_reach_the_workers_as_absolute_paths_and_the_report_keeps_them_as_given() -> None:
    from dataclasses import replace

    from dedupe.engine.dask_engine import _for_workers

    config = ScanConfig()
    config = replace(config, attribution=replace(config.attribution, sources_files=("my-sources.json",)))
    assert _for_workers(config).attribution.sources_files == (str(Path("my-sources.json").absolute()),)
    assert config.attribution.sources_files == ("my-sources.json",)


def test_worker_processes_of_a_local_cluster_ignore_the_terminals_interrupt() -> None:
    """A Ctrl-C reaches the whole process group: the workers started for the scan ignore it (the client answers)."""
    import signal

    from dedupe.engine.dask_engine import _children_ignore_interrupts

    code = "import signal; print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)"
    with _children_ignore_interrupts():
        child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert child.stdout.strip() == "True"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the scan's own process answers again


def test_a_watched_stage_reports_the_documents_of_its_finished_tasks() -> None:
    from dedupe.engine.dask_engine import _Run

    class Done:
        def __init__(self, done: bool) -> None:
            self._done = done

        def done(self) -> bool:
            return self._done

    calls: list[tuple[str, int, int]] = []
    run = _Run(client=None, worker_timeout=1.0, progress=lambda stage, done, total: calls.append((stage, done, total)))
    run.watch("fingerprint", [Done(True), Done(False), Done(True)], [10, 20, 5])
    run._report()
    assert calls == [("fingerprint", 15, 35)]
    quiet = _Run(client=None, worker_timeout=1.0)
    quiet.watch("fingerprint", [Done(True)], [10])
    quiet._report()  # no progress asked for: nothing watched, nothing called
    assert quiet.watched == []
