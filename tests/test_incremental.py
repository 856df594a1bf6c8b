"""Incremental runs on real files: new, changed, removed and interrupted; one run at a time per state."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import InputFileError

from .conftest import OCR_CACHE, SAMPLES

pytestmark = pytest.mark.ocr

FILES = ["zwolle_overeenkomst.pdf", "almere_overeenkomst.pdf", "delft_besluitnota.pdf", "haarlem digitaal.pdf"]
OUTPUTS = ["documents.csv", "status.csv", "exceptions.csv"]


def make_inbox(root: Path, names=FILES) -> Path:
    inbox = root / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(SAMPLES / "inbox" / name, inbox / name)
    return inbox


def run(inbox: Path, out: Path, *extra: str):
    result = CliRunner().invoke(main, ["run", str(inbox), "--out", str(out), "--reference",
                                       str(SAMPLES / "reference.csv"), "--cache", str(OCR_CACHE), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def outputs(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in OUTPUTS}


def test_rerun_reads_only_new_and_changed_files(tmp_path):
    inbox = make_inbox(tmp_path, FILES[:3])
    out = tmp_path / "out"
    assert "3 bestanden (3 nieuw gelezen)" in run(inbox, out)
    assert "3 bestanden (0 nieuw gelezen)" in run(inbox, out)
    shutil.copyfile(SAMPLES / "inbox" / FILES[3], inbox / FILES[3])  # a new file
    assert "4 bestanden (1 nieuw gelezen)" in run(inbox, out)
    assert "haarlem digitaal.pdf" in (out / "documents.csv").read_text(encoding="utf-8")
    # a changed file: other bytes under the same name
    shutil.copyfile(SAMPLES / "inbox" / "breda_overeenkomst.pdf", inbox / "zwolle_overeenkomst.pdf")
    output = run(inbox, out)
    assert "4 bestanden (1 nieuw gelezen)" in output
    rows = (out / "documents.csv").read_text(encoding="utf-8")
    assert "zwolle_overeenkomst.pdf,1-2,agreement,Breda," in rows
    assert ",Zwolle," not in rows
    # --force reads everything again
    assert "4 bestanden (4 nieuw gelezen)" in run(inbox, out, "--force")


def test_removed_file_leaves_the_outputs(tmp_path):
    inbox = make_inbox(tmp_path, FILES[:2])
    out = tmp_path / "out"
    run(inbox, out)
    (inbox / "almere_overeenkomst.pdf").unlink()
    assert "1 bestanden (0 nieuw gelezen)" in run(inbox, out)
    status = (out / "status.csv").read_text(encoding="utf-8")
    assert "Almere,217828,32674.20,missing,," in status


def test_renamed_file_is_not_read_again(tmp_path):
    inbox = make_inbox(tmp_path, FILES[:1])
    out = tmp_path / "out"
    run(inbox, out)
    (inbox / FILES[0]).rename(inbox / "hernoemd.pdf")
    assert "1 bestanden (0 nieuw gelezen)" in run(inbox, out)
    assert "hernoemd.pdf,1-2,agreement,Zwolle" in (out / "documents.csv").read_text(encoding="utf-8")


def _rows(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT count(*) FROM results").fetchone()[0]
    except sqlite3.Error:
        return 0


def _start_run(inbox: Path, out: Path, cache: Path, workers: int, **popen) -> subprocess.Popen:
    """A run in a process of its own (and session, so the test can end all of it), OCR not cached."""
    popen = popen or {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(inbox), "--out", str(out),
                             "--reference", str(SAMPLES / "reference.csv"), "--workers", str(workers),
                             "--cache", str(cache)], start_new_session=True, **popen)


def _until_stored(proc: subprocess.Popen, out: Path, files: int) -> None:
    """Wait until the run has stored `files` results; it must still be running then."""
    deadline = time.monotonic() + 120
    while _rows(out / "state.sqlite") < files and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is None, "the run ended before it could be killed"


@pytest.mark.parametrize("kill_after", [1, 2])
def test_a_killed_run_loses_nothing_and_the_next_run_resumes(tmp_path, kill_after):
    reference_run = tmp_path / "reference"
    run(make_inbox(reference_run), reference_run / "out")
    inbox = make_inbox(tmp_path / "killed")
    out = tmp_path / "killed" / "out"
    # a real process, OCR not cached, one worker: slow enough to be killed after its first file
    proc = _start_run(inbox, out, tmp_path / "fresh-cache", 1)
    _until_stored(proc, out, kill_after)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _rows(out / "state.sqlite")
    assert kill_after <= stored < len(FILES)
    output = run(inbox, out)
    assert f"({len(FILES) - stored} nieuw gelezen)" in output
    assert outputs(out) == outputs(reference_run / "out")


def test_a_run_whose_main_process_alone_is_killed_frees_the_state_at_once(tmp_path):
    """`kill -9` of the run's own PID (as the OOM killer or a closed terminal does), not of its process group:
    its workers die with it and never held the lock, so the next run starts at once and ends the same."""
    import psutil

    reference_run = tmp_path / "reference"
    run(make_inbox(reference_run), reference_run / "out")
    inbox = make_inbox(tmp_path / "killed")
    out = tmp_path / "killed" / "out"
    proc = _start_run(inbox, out, tmp_path / "fresh-cache", 2)
    try:
        _until_stored(proc, out, 1)
        workers = psutil.Process(proc.pid).children(recursive=True)
        assert workers, "the run had no worker processes to orphan"
        os.kill(proc.pid, signal.SIGKILL)  # the main process only
        proc.wait()
        _gone, alive = psutil.wait_procs(workers, timeout=10)
        assert not alive, f"workers outlived their run: {alive}"
        output = run(inbox, out)  # no --wait: the state is free at once
        assert "nieuw gelezen" in output
        assert outputs(out) == outputs(reference_run / "out")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


def _python_children(pid: int) -> set:
    """The run's worker processes (tesseract children and processes that ended meanwhile left out)."""
    import psutil

    found = set()
    try:
        children = psutil.Process(pid).children()
    except psutil.NoSuchProcess:
        return found
    for child in children:
        try:
            if "python" in child.name():
                found.add(child)
        except psutil.NoSuchProcess:  # ended between the listing and the look at its name
            continue
    return found


def test_a_worker_killed_mid_file_takes_only_its_file_down(tmp_path):
    """Worker processes killed with SIGKILL while reading (as the OOM killer does): the pool is rebuilt, the
    files being read are read again one at a time, the file whose worker dies again on its own gets an
    `unreadable` row naming the failure, every other file is read, outputs are written, exit code 3."""
    inbox = make_inbox(tmp_path)
    out = tmp_path / "out"
    proc = _start_run(inbox, out, tmp_path / "fresh-cache", 2, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                      text=True)
    try:
        deadline = time.monotonic() + 120
        first: set = set()
        while not first and proc.poll() is None and time.monotonic() < deadline:
            first = _python_children(proc.pid)
            time.sleep(0.2)
        time.sleep(2.0)  # mid-file
        for _kill in range(2):  # the first kill hits files read together, the second the first one re-read alone
            assert proc.poll() is None, "the run ended before its workers could be killed"
            victims = _python_children(proc.pid)
            assert victims, "no worker process to kill"
            with contextlib.suppress(ProcessLookupError):
                os.kill(next(iter(victims)).pid, signal.SIGKILL)
            while proc.poll() is None and time.monotonic() < deadline and not (
                    (fresh := _python_children(proc.pid)) and not fresh & victims):
                time.sleep(0.05)  # until the pool is rebuilt
            time.sleep(0.5)
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 3, stderr
    rows = (out / "documents.csv").read_text(encoding="utf-8").splitlines()
    unreadable = [r.split(",")[0] for r in rows if ",unreadable," in r]
    assert len(unreadable) == 1
    assert {r.split(",")[0] for r in rows[1:]} == set(FILES)  # every file has its row
    findings = (out / "exceptions.csv").read_text(encoding="utf-8")
    assert f"unreadable,,{unreadable[0]}" in findings and "leesproces stopte onverwacht" in findings
    assert "niet gelezen door een fout in het programma" in stderr
    assert "compleet" in stdout  # the summary of the written outputs


def test_a_second_run_on_the_same_state_stops_with_a_clear_message(tmp_path):
    from pipeline.state import StateStore

    inbox = make_inbox(tmp_path, FILES[:1])
    out = tmp_path / "out"
    with StateStore(out / "state.sqlite"):
        result = CliRunner().invoke(main, ["run", str(inbox), "--out", str(out)])
    assert result.exit_code == 2
    assert "een andere run gebruikt" in result.output


def test_file_errors_survive_the_trip_from_a_worker():
    import pickle

    err = pickle.loads(pickle.dumps(InputFileError("encrypted", "PDF is versleuteld")))
    assert (err.kind, str(err)) == ("encrypted", "PDF is versleuteld")


def test_covenant_pages_are_read_by_their_top_only_without_changing_the_reading(tmp_path):
    from samples.bench_speed import build_inbox

    inbox = build_inbox(tmp_path / "inbox", merged=1, separate=0)  # memo, letter, 16-page covenant, agreement
    skip, full = tmp_path / "skip", tmp_path / "full"
    run(inbox, skip)
    run(inbox, full, "--full-ocr")
    assert (skip / "documents.csv").read_text(encoding="utf-8") == (full / "documents.csv").read_text(
        encoding="utf-8")
    from pipeline import state_codec

    with sqlite3.connect(skip / "state.sqlite") as con:
        [(stored,)] = con.execute("SELECT result FROM results").fetchall()
    sources = {number: source for number, source, _, _ in state_codec.loads(stored).pages}
    last = max(sources)
    assert sources[1] == sources[last - 1] == sources[last] == "ocr"   # memo and agreement: read in full
    skipped = [n for n, s in sources.items() if s == "ocr_head"]
    assert len(skipped) >= 10 and all(3 <= n <= last - 2 for n in skipped)  # covenant pages: their top
