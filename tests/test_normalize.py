"""Parsers of Dutch amounts, counts, dates and names, with the OCR noise of real scans."""

from datetime import date
from decimal import Decimal

import pytest

from pipeline.normalize import format_amount, name_key, parse_amount, parse_date, parse_integer


@pytest.mark.parametrize(("text", "expected"), [
    ("€ 15.216,90", "15216.90"),
    ("EUR 15216,90", "15216.90"),
    ("€15.216,90", "15216.90"),
    ("15.216,90 euro", "15216.90"),
    ("€ 15.217", "15217.00"),
    ("€ 15.217,-", "15217.00"),
    ("€ 15 216,90", "15216.90"),
    ("€ 15.216, 90", "15216.90"),    # OCR space after the comma
    ("€ 15.2l6,9O", "15216.90"),     # l for 1, O for 0
    ("€ 15.216;90", "15216.90"),     # ';' for ',' as in the seed's "20;2"
    ("€ 0,15", "0.15"),
    ("EUR 1.234.567,89", "1234567.89"),
    ("15,216.90", "15216.90"),       # English separators
])
def test_parse_amount(text, expected):
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "€", "geen bedrag", "15.21.6,90,1", "1.23,4"])
def test_parse_amount_rejects_what_is_not_an_amount(text):
    assert parse_amount(text) is None


def test_amount_is_decimal_never_float():
    value = parse_amount("€ 15.216,90")
    assert isinstance(value, Decimal)
    assert value == Decimal("0.15") * 101446


@pytest.mark.parametrize(("text", "expected"), [
    ("101.446", 101446), ("101 446", 101446), ("101446", 101446), ("1O1.446", 101446), ("101,446", 101446),
])
def test_parse_integer(text, expected):
    assert parse_integer(text) == expected


def test_parse_integer_rejects_fractions():
    assert parse_integer("101,45") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("10 januari 2023", date(2023, 1, 10)),
    ("10-01-2023", date(2023, 1, 10)),
    ("10/1/2023", date(2023, 1, 10)),
    ("2023-01-10", date(2023, 1, 10)),
    ("10 jan. 2023", date(2023, 1, 10)),
    ("1O januari 2023", date(2023, 1, 10)),   # O for 0
    ("10 januan 2023", date(2023, 1, 10)),    # damaged month name
    ("19 december 2022", date(2022, 12, 19)),
    ("28 februari 2023", date(2023, 2, 28)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["19 december 20;2", "31 februari 2023", "10 blabla 2023", "", "2023", "23-02-93"])
def test_parse_date_refuses_to_guess(text):
    assert parse_date(text) is None


def test_name_key_folds_accents_prefixes_and_case():
    assert name_key("R.C. König") == name_key("r.c. konig")
    assert name_key("gemeente 's-Hertogenbosch") == name_key("s Hertogenbosch")
    assert name_key("Sittard-Geleen") == "sittard geleen"


def test_format_amount_contract():
    assert format_amount(Decimal("15216.9")) == "15216.90"
    assert format_amount(None) == ""


@pytest.mark.parametrize(("text", "expected"), [
    ("CBS 101 446 inwoners", "CBS 101446 inwoners"),
    ("op basis van 142.1 19 inwoners", "op basis van 142.119 inwoners"),
    ("bijdrage € 21 317,85 exclusief", "bijdrage € 21317,85 exclusief"),
    ("opgemaakt te Ede op 01 -02-2023", "opgemaakt te Ede op 01-02-2023"),
    ("peildatum 1 januari 2022 volgens", "peildatum 1 januari 2022 volgens"),   # words between: untouched
])
def test_spaces_that_ocr_puts_inside_numbers_are_removed_with_their_offsets(text, expected):
    from pipeline.fields import squeeze_number_spaces

    squeezed, original = squeeze_number_spaces(text)
    assert squeezed == expected
    assert all(text[i] == c for i, c in zip(original, squeezed, strict=True))


def test_a_speck_glued_to_the_cents_is_dropped_not_rounded_in():
    assert parse_amount("€51.734,257") == Decimal("51734.25")
    assert parse_amount("€ 15.216,90") == Decimal("15216.90")
