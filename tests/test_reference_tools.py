"""The reference commands: fetch from CBS (a recorded answer, no network), check a user's list, and the
message when CBS cannot be reached."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main

from .conftest import DATA, ROOT

ANSWER = DATA / "cbs_37259ned_2022.json"
DEFAULT = ROOT / "models" / "reference" / "g40_2022.csv"


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return {r["municipality"]: r for r in csv.DictReader(fh)}


def test_fetch_writes_the_41_with_source_and_shows_what_changes(tmp_path):
    old = tmp_path / "oud.csv"  # a list with CBS's monthly figures for Tilburg and Zwolle, as once shipped
    text = DEFAULT.read_text(encoding="utf-8").replace(",224459,", ",224455,").replace(",130668,", ",130688,")
    old.write_text(text, encoding="utf-8")
    target = tmp_path / "nieuw.csv"
    result = cli("reference", "fetch", "--year", "2022", "--antwoord", str(ANSWER), "--reference", str(old),
                 "--out", str(target))
    assert result.exit_code == 0, result.output
    rows = _rows(target)
    assert len(rows) == 41
    assert (rows["Deventer"]["inhabitants"], rows["Tilburg"]["inhabitants"], rows["Zwolle"]["inhabitants"]) == (
        "101446", "224459", "130668")
    assert rows["Deventer"]["cbs_code"] == "GM0150" and "37259ned" in rows["Deventer"]["inhabitants_source"]
    assert rows["Deventer"]["mayor"]  # kept from the current list
    assert "2 verschuldigde bedragen veranderen" in result.output
    assert "Tilburg: 224.455 inwoners" in result.output and "33.668,85" in result.output
    assert "Zwolle: 130.688 inwoners" in result.output and "19.600,20" in result.output
    # the fetched list is the shipped default, figure for figure
    assert {k: r["inhabitants"] for k, r in rows.items()} == {k: r["inhabitants"] for k, r in _rows(DEFAULT).items()}


def test_fetch_of_every_municipality(tmp_path):
    target = tmp_path / "alle.csv"
    result = cli("reference", "fetch", "--antwoord", str(ANSWER), "--alle", "--out", str(target))
    assert result.exit_code == 0, result.output
    rows = _rows(target)
    assert len(rows) == 345 and rows["Katwijk"]["inhabitants"] == "66032"


def test_fetch_offline_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.reference_tools.CBS_URL", "http://cbs.invalid/odata/37259ned/TypedDataSet")
    result = cli("reference", "fetch", "--out", str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert "CBS StatLine is niet bereikbaar" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()


def test_check_names_what_is_wrong_with_a_list(tmp_path):
    rows = list(csv.DictReader(DEFAULT.open(encoding="utf-8")))
    fields = list(rows[0])
    bad = [dict(r) for r in rows if r["municipality"] != "Assen"]  # a member missing
    next(r for r in bad if r["municipality"] == "Breda")["cbs_code"] = "GM0150"  # Deventer's code twice
    next(r for r in bad if r["municipality"] == "Ede")["inhabitants"] = ""  # no figure
    next(r for r in bad if r["municipality"] == "Zwolle")["inhabitants"] = "130688"  # a changed figure
    bad.append({**rows[0], "municipality": "Katwijk", "cbs_code": "GM0537", "inhabitants": "66032"})
    path = tmp_path / "eigen.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(bad)
    result = cli("reference", "check", str(path))
    assert result.exit_code == 2
    for expected in ("Assen ontbreekt", "Katwijk is geen lid van de G40", "Breda: CBS-code GM0150, volgens CBS GM0758",
                     "CBS-code GM0150 staat twee keer", "Ede: geen inwonertal", "Zwolle: 130.668 inwoners"):
        assert expected in result.output, expected


def test_check_of_the_default_list_is_clean():
    result = cli("reference", "check", str(DEFAULT))
    assert result.exit_code == 0, result.output
    assert "geen verschuldigd bedrag verandert" in result.output and "fout:" not in result.output


def test_check_of_a_file_that_is_no_table(tmp_path):
    path = tmp_path / "leeg.csv"
    path.write_text("naam;getal\n", encoding="utf-8")
    result = cli("reference", "check", str(path))
    assert result.exit_code == 2 and "mist kolom" in result.output and "Traceback" not in result.output
