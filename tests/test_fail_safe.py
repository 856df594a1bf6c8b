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


@pytest.mark.parametrize(("old", "new", "named"), [
    ("\namount:\n", "\namout:\n", "fields.yaml: sleutel 'amount'"),  # a section renamed
    ("  contribution_before: 3.0", "  contribution_befor: 3.0", "onbekende sleutel 'amount.contribution_befor'"),
])
def test_a_typo_in_a_rule_file_stops_the_run_naming_file_and_key(tmp_path, old, new, named):
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    text = (models / "fields.yaml").read_text(encoding="utf-8")
    assert old in text
    (models / "fields.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out"
    result = _run_cli("run", str(SAMPLES / "inbox"), "--out", str(out), "--reference",
                      str(SAMPLES / "reference.csv"), env={"CONVENANT_MODELS": str(models)})
    assert result.returncode == 2, result.stderr
    assert named in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()  # nothing read, nothing written


HOSTILE = ['=HYPERLINK("http:__x","klik").pdf', "+31 brief.pdf", "@SUM(A1).pdf", "-2+3.pdf",
           "factuur\u202efdp.exe.pdf", "\tverborgen.pdf"]


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
        with (out / name).open(encoding="utf-8", newline="") as fh:
            cells = [c for row in list(csv.reader(fh))[1:] for c in row]
        assert cells and not [c for c in cells if c.startswith(FORMULA_START)], name
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        files = {row["file"] for row in csv.DictReader(fh)}
    assert files == {("'" + n if n.startswith(FORMULA_START) else n) for n in HOSTILE}  # the name, as text
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
    assert result.returncode == 0, result.stderr
    assert "traag.pdf,,other,,,,,,,0.00,unreadable" in (out / "documents.csv").read_text(encoding="utf-8")
    assert "tijdslimiet per bestand" in (out / "exceptions.csv").read_text(encoding="utf-8")


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
    # a row someone put there that is not ours is refused, and the file read again
    with sqlite3.connect(out / "state.sqlite") as db:
        db.execute("UPDATE results SET result = ?", (json.dumps({"$": "Popen", "args": ["rm", "-rf", "/"]}),))
    again = _run_cli("run", str(inbox), "--out", str(out), "--reference", str(SAMPLES / "reference.csv"),
                     "--cache", str(OCR_CACHE))
    assert again.returncode == 0 and "(1 nieuw gelezen)" in again.stdout
