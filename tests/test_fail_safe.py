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
