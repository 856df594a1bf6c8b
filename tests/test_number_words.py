"""Amounts written out in Dutch words ('zegge: dertienduizend zevenhonderdnegenenvijftig euro en vijfennegentig
cent'), as agreements repeat the figure a scan may have lost."""

from decimal import Decimal

import pytest

from pipeline.number_words import amount_in_words, dutch_number


@pytest.mark.parametrize(("words", "value"), [
    ("dertienduizend zevenhonderdnegenenvijftig", 13759), ("vijftienduizend tweehonderdzestien", 15216),
    ("tweeëntwintigduizend achthonderdvijftig", 22850), ("honderdeen", 101), ("duizend", 1000),
    ("vijfennegentig", 95), ("negentig", 90), ("een", 1), ("één", 1), ("elf", 11), ("zeventien", 17),
    ("honderdnegenduizend vierhonderdtwee", 109402), ("twee honderd duizend", 200000),
    ("achtendertig", 38), ("zesentachtig", 86), ("drieëntwintig", 23),
])
def test_dutch_numbers_in_words(words, value):
    assert dutch_number(words) == value


@pytest.mark.parametrize("words", ["", "euro", "vijftienduizendje", "negenenveertigen", "honderd honderd", "zegge"])
def test_what_is_no_number_in_words_is_none(words):
    assert dutch_number(words) is None


@pytest.mark.parametrize(("text", "value"), [
    ("(zegge: dertienduizend zevenhonderdnegenenvijftig euro en vijfennegentig cent)", Decimal("13759.95")),
    ("zegge vijftienduizend tweehonderdzestien euro en negentig eurocent", Decimal("15216.90")),
    ("(zegge: elfduizend honderdvierenveertig euro)", Decimal("11144.00")),
    ("(Zegge: Vijftienduizend Tweehonderdzeventien Euro)", Decimal("15217.00")),
])
def test_an_amount_in_words(text, value):
    found = amount_in_words(text)
    assert [v for v, _s, _e in found] == [value]
    start, end = found[0][1:]
    assert text[start:end].lower().startswith(("dertien", "vijftien", "elf"))


def test_a_rate_in_words_is_an_amount_too_small_to_matter():
    assert [v for v, _s, _e in amount_in_words("(zegge: nul euro en vijftien cent)")] == [Decimal("0.15")]
