"""The expected list: default G40 members, user references, and the rule never to invent a figure."""

from decimal import Decimal

import pytest

from pipeline.errors import ConfigError
from pipeline.reference import expected_amount, load_reference, parse_rate


def test_default_reference_has_the_41_members_with_their_definitive_cbs_figures(g40_reference):
    assert len(g40_reference.entries) == 41
    assert all(e.inhabitants and e.inhabitants_status == "verified" for e in g40_reference.entries)
    # the definitive CBS figures, not the monthly ones a news source quoted
    assert g40_reference.get("Tilburg").inhabitants == 224459
    assert g40_reference.get("Zwolle").inhabitants == 130668
    assert sum(e.inhabitants for e in g40_reference.entries) == 5_230_954  # the 41 of shared/reference


def test_expected_contribution_to_the_cent(g40_reference):
    assert g40_reference.expected("Deventer") == Decimal("15216.90")
    assert expected_amount(101446, Decimal("0.15")) == Decimal("15216.90")
    assert g40_reference.expected("Almere") == Decimal("32674.20")


@pytest.mark.parametrize(("read", "member"), [
    ("Deventer", "Deventer"), ("Dcventer", "Deventer"), ("gemeente Deventer", "Deventer"),
    ("Den Bosch", "'s-Hertogenbosch"), ("'s-Hertogenbosch", "'s-Hertogenbosch"),
    ("s Hertogenbosch", "'s-Hertogenbosch"), ("Sittard Geleen", "Sittard-Geleen"),
    ("Alphen a/d Rijn", "Alphen aan den Rijn"), ("Haarlemmerrneer", "Haarlemmermeer"),
])
def test_tolerant_name_matching(g40_reference, read, member):
    assert g40_reference.match(read)[0] == member


@pytest.mark.parametrize("read", ["Den Haag", "Utrecht", "Amsterdam", "Platform31", "Haar"])
def test_non_members_do_not_match(g40_reference, read):
    assert g40_reference.match(read) is None


def test_haarlem_and_haarlemmermeer_stay_apart(g40_reference):
    assert g40_reference.match("Haarlem")[0] == "Haarlem"
    assert g40_reference.match("Haarlemmermeer")[0] == "Haarlemmermeer"


def test_rate_parsing():
    assert parse_rate("0,15") == Decimal("0.15")
    assert parse_rate("0.15") == Decimal("0.15")
    with pytest.raises(ConfigError):
        parse_rate("vijftien cent")


def test_reference_from_excel(tmp_path):
    import pandas as pd

    path = tmp_path / "ref.xlsx"
    pd.DataFrame({"municipality": ["Deventer", "Zwolle"], "inhabitants": ["101.446", "130688"]}).to_excel(path,
                                                                                                           index=False)
    ref = load_reference(path)
    assert [e.inhabitants for e in ref.entries] == [101446, 130688]


@pytest.mark.parametrize(("content", "message"), [
    ("gemeente,inwoners\nDeventer,101446\n", "mist kolom"),
    ("municipality,inhabitants\nDeventer,veel\n", "geen geheel getal"),
    ("municipality,inhabitants\nDeventer,1\nDeventer,2\n", "twee keer"),
    ("municipality,inhabitants\n", "geen gemeenten"),
])
def test_bad_reference_files_are_config_errors(tmp_path, content, message):
    path = tmp_path / "ref.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_reference(path)


def test_missing_reference_file(tmp_path):
    with pytest.raises(ConfigError, match="niet gevonden"):
        load_reference(tmp_path / "nope.csv")
