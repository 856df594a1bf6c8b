"""Fail safe: a broken rule file stops the run before anything is read or written; hostile file names stay
text in every output; forwarded e-mails are unpacked; no two findings share an ID; state holds no pickles."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, SAMPLES


def _run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT, timeout=300)


@pytest.mark.parametrize(("file", "old", "new", "named"), [
    ("fields.yaml", "\namount:\n", "\namout:\n", "fields.yaml: sleutel 'amount'"),  # a section renamed
    ("fields.yaml", "  contribution_before: 3.0", "  contribution_befor: 3.0",
     "onbekende sleutel 'amount.contribution_befor'"),
    ("reconcile.yaml", "  duplicate: warning", "  duplicate: warnig", "'severity.duplicate' is 'warnig'"),
    ("reconcile.yaml", "  duplicate: warning", "  duplicat: warning", "sleutel 'severity.duplicate'"),
    ("aliases.yaml", "\nmunicipalities:", "\nmunicipalitys:", "aliases.yaml: sleutel 'municipalities'"),
])
def test_a_typo_in_a_rule_file_stops_the_run_naming_file_and_key(tmp_path, file, old, new, named):
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    text = (models / file).read_text(encoding="utf-8")
    assert old in text
    (models / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out"
    result = _run_cli("run", str(SAMPLES / "inbox"), "--out", str(out), "--reference",
                      str(SAMPLES / "reference.csv"), env={"CONVENANT_MODELS": str(models)})
    assert result.returncode == 2, result.stderr
    assert named in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()  # nothing read, nothing written


HOSTILE = ['=HYPERLINK("http:__x","klik").pdf', "+31 brief.pdf", "@SUM(A1).pdf", "-2+3.pdf",
           "factuur\u202efdp.exe.pdf", "\tverborgen.pdf", "a\r=HYPERLINK(1).pdf", "x;=SUM(1).pdf"]


def test_hostile_file_names_stay_text_in_csv_workbook_and_report(tmp_path):
    import csv

    from openpyxl import load_workbook

    from pipeline.report.safe_text import FORMULA_START

    from .conftest import OCR_CACHE

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in HOSTILE:
        shutil.copyfile(SAMPLES / "inbox" / "zwolle_overeenkomst.pdf", inbox / name)
    out = tmp_path / "out"
    result = _run_cli("run", str(inbox), "--out", str(out), "--reference", str(SAMPLES / "reference.csv"),
                      "--cache", str(OCR_CACHE), "--workers", "1")
    assert result.returncode == 0, result.stderr
    for name in ("documents.csv", "status.csv", "exceptions.csv"):
        for delimiter in (",", ";"):  # as a reader here splits it, and as Excel in Dutch does
            with (out / name).open(encoding="utf-8", newline="") as fh:
                cells = [c for row in list(csv.reader(fh, delimiter=delimiter))[1:] for c in row]
            assert cells and not [c for c in cells if c.startswith(FORMULA_START)], (name, delimiter)
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(HOSTILE)  # a carriage return in a name starts no row of its own
    assert {r["file"] for r in rows} >= {"'" + n for n in HOSTILE[:4]}  # the name, as text
    book = load_workbook(out / "status.xlsx")
    texts = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert not [t for t in texts if t.startswith(FORMULA_START) or "\u202e" in t]
    assert any("factuur⟨U+202E⟩fdp.exe.pdf" in t for t in texts)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "\u202e" not in html and "factuur⟨U+202E⟩fdp.exe.pdf" in html


def test_a_file_over_its_time_limit_is_a_row_and_the_batch_goes_on(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLES / "inbox" / "zwolle_overeenkomst.pdf", inbox / "traag.pdf")
    out = tmp_path / "out"
    result = _run_cli("run", str(inbox), "--out", str(out), "--reference", str(SAMPLES / "reference.csv"),
                      "--cache", str(tmp_path / "cache"), "--workers", "2", "--file-timeout", "0.01")
    assert result.returncode == 3, result.stderr  # outputs written, a file not read: see README, exit codes
    assert "traag.pdf,,other,,,,,,,0.00,unreadable" in (out / "documents.csv").read_text(encoding="utf-8")
    assert "tijdslimiet per bestand" in (out / "exceptions.csv").read_text(encoding="utf-8")
    again = _run_cli("run", str(inbox), "--out", str(out), "--reference", str(SAMPLES / "reference.csv"),
                     "--cache", str(tmp_path / "cache"), "--workers", "2")
    assert again.returncode == 0 and "(1 nieuw gelezen)" in again.stdout  # a timeout is not kept as the result


def test_the_state_holds_results_as_json_not_pickles(tmp_path):
    import json
    import sqlite3

    from .conftest import OCR_CACHE

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLES / "inbox" / "zwolle_overeenkomst.pdf", inbox / "zwolle.pdf")
    out = tmp_path / "out"
    assert _run_cli("run", str(inbox), "--out", str(out), "--reference", str(SAMPLES / "reference.csv"),
                    "--cache", str(OCR_CACHE)).returncode == 0
    with sqlite3.connect(out / "state.sqlite") as db:
        stored = [row[0] for row in db.execute("SELECT result FROM results")]
    assert len(stored) == 1
    assert json.loads(stored[0])["$"] == "FileResult"
    # a row someone put there that is not ours, or one edited by hand, is refused and the file read again
    good = json.loads(stored[0])
    swapped = stored[0].replace('"$enum":"DocType","value":"agreement"', '"$enum":"FileError","value":"empty"')
    assert swapped != stored[0]
    for tampered in (json.dumps({"$": "Popen", "args": ["rm", "-rf", "/"]}), json.dumps({**good, "extractions": "abc"}),
                     swapped, "[" * 100000 + "]" * 100000):
        with sqlite3.connect(out / "state.sqlite") as db:
            db.execute("UPDATE results SET result = ?", (tampered,))
        again = _run_cli("run", str(inbox), "--out", str(out), "--reference", str(SAMPLES / "reference.csv"),
                         "--cache", str(OCR_CACHE))
        assert again.returncode == 0 and "(1 nieuw gelezen)" in again.stdout, (tampered[:60], again.stderr[-300:])


def test_a_state_that_is_no_database_is_a_message(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "state.sqlite").write_bytes(os.urandom(4096))
    result = _run_cli("run", str(SAMPLES / "inbox"), "--out", str(out))
    assert result.returncode == 2 and "is niet te openen" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv to drop "
                    "the rights that read any file")
def test_a_file_the_run_may_not_read_is_a_row(tmp_path):
    from .conftest import OCR_CACHE

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(SAMPLES / "inbox" / "zwolle_overeenkomst.pdf", inbox / "zwolle.pdf")
    shutil.copyfile(SAMPLES / "inbox" / "breda_overeenkomst.pdf", inbox / "geheim.pdf")
    (inbox / "geheim.pdf").chmod(0)
    os.mkfifo(inbox / "pijp.pdf")
    out = tmp_path / "out"
    result = subprocess.run(["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", sys.executable,
                             "-m", "pipeline.cli", "run", str(inbox), "--out", str(out), "--cache", str(OCR_CACHE),
                             "--workers", "1"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = (out / "documents.csv").read_text(encoding="utf-8")
    assert "geheim.pdf,,other,,,,,,,0.00,unreadable" in rows and "zwolle.pdf,1-2,agreement,Zwolle" in rows
    assert "pijp.pdf" in (out / "report.html").read_text(encoding="utf-8")  # listed as skipped
