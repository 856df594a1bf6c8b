"""The CLI in-process: usage and configuration errors exit 2 with a clear message."""

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_help_has_an_example():
    result = invoke("run", "--help")
    assert result.exit_code == 0
    assert "convenant run samples/inbox --out output" in result.output


def test_missing_inbox_is_a_usage_error(tmp_path):
    result = invoke("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "bestaat niet" in result.output


def test_bad_reference_is_a_configuration_error(tmp_path):
    (tmp_path / "inbox").mkdir()
    ref = tmp_path / "ref.csv"
    ref.write_text("naam,aantal\nDeventer,1\n", encoding="utf-8")
    result = invoke("run", str(tmp_path / "inbox"), "--out", str(tmp_path / "out"), "--reference", str(ref))
    assert result.exit_code == 2
    assert "municipality,inhabitants" in result.output


def test_bad_rate(tmp_path):
    (tmp_path / "inbox").mkdir()
    result = invoke("run", str(tmp_path / "inbox"), "--out", str(tmp_path / "out"), "--rate", "veel")
    assert result.exit_code == 2
    assert "--rate" in result.output


def test_output_inside_the_inbox_is_refused(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    result = invoke("run", str(inbox), "--out", str(inbox / "out"))
    assert result.exit_code == 2
    assert "inbox" in result.output
    assert not (inbox / "out").exists()


def test_empty_inbox_gives_41_missing(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    result = invoke("run", str(inbox), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "0 van 41 compleet, 0 uitzondering, 41 ontbreekt" in result.output
    status = (tmp_path / "out" / "status.csv").read_text(encoding="utf-8").splitlines()
    assert len(status) == 42
    assert all(",missing," in line for line in status[1:])


def test_hidden_and_temporary_files_are_skipped_and_listed(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "Thumbs.db").write_bytes(b"\x00" * 10)
    (inbox / ".~lock.x.pdf#").write_text("lock", encoding="utf-8")
    result = invoke("run", str(inbox), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "2 overgeslagen" in result.output
    assert "Thumbs.db" in Path(tmp_path / "out" / "report.html").read_text(encoding="utf-8")
