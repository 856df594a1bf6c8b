"""Property tests: the parsers never raise on arbitrary text, and round-trip where they apply."""

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import format_amount, name_key, parse_amount, parse_date, parse_integer
from pipeline.reference import load_reference

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
noisy_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
ocr_text = st.text(alphabet="0123456789.,;: €EURO-/lIoO|'sjanuri ", max_size=30)


@given(st.one_of(noisy_text, ocr_text))
@settings(max_examples=400)
def test_parsers_never_raise(text):
    parse_amount(text)
    parse_integer(text)
    parse_date(text)
    name_key(text)


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2))
def test_amount_round_trips_through_dutch_formats(value):
    euros, cents = f"{value:.2f}".split(".")
    grouped = f"{int(euros):,}".replace(",", ".")
    for text in (f"€ {grouped},{cents}", f"EUR {euros},{cents}", f"{grouped},{cents} euro", f"€{grouped},{cents}"):
        assert parse_amount(text) == value
    assert parse_amount(format_amount(value)) == value


@given(st.integers(min_value=1000, max_value=2_000_000))
def test_count_round_trips(n):
    assert parse_integer(f"{n:,}".replace(",", ".")) == n
    assert parse_integer(str(n)) == n


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_date_round_trips(d):
    assert parse_date(f"{d.day} {MONTHS[d.month - 1]} {d.year}") == d
    assert parse_date(f"{d.day:02d}-{d.month:02d}-{d.year}") == d
    assert parse_date(d.isoformat()) == d


_REFERENCE = load_reference()


@given(st.one_of(noisy_text, st.sampled_from(_REFERENCE.names())))
@settings(max_examples=300)
def test_municipality_matching_never_raises_and_finds_every_member_by_its_name(text):
    found = _REFERENCE.match(text)
    if text in _REFERENCE.names():
        assert found == (text, 1.0)
    elif found is not None:
        assert found[0] in _REFERENCE.names() and 0 < found[1] <= 1
