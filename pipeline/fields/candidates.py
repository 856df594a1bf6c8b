"""Every value of a type a document holds, before any is chosen: dates, amounts, counts, people, places."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from ..normalize import MONTH_ABBREVIATIONS, MONTHS, parse_amount, parse_date, parse_integer, strip_accents
from ..number_words import amount_in_words, day_in_words
from ..rules import load_yaml
from .doctext import DocText, fold
from .gazetteer import Mention
from .people import dutch_initial
from .structure import COLUMN_GAP


@dataclass
class Candidate:
    """One value found in the text, the span it came from and, once scored, its features and score."""

    kind: str
    value: object
    raw: str
    start: int
    end: int
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0

    def why(self) -> str:
        shown = [f"{k}{v:+g}" for k, v in sorted(self.features.items(), key=lambda kv: -abs(kv[1])) if v][:6]
        return f"{self.kind}: " + ", ".join(shown)


# a written-out date whose words OCR broke apart (a handwritten '28 februari 2023' read as '28 fe ebruari 202 3'):
# a fragment of at most three letters before the month word, a year with spaces in it
_BROKEN_DATE = re.compile(r"(?<![\d.,/-])([0-3]?\d)\s+((?:[a-z]{1,3}\s)?[a-z]{2,10})\.?\s+(2\s?0\s?[12]\s?\d)(?!\d)",
                          re.IGNORECASE)
# a written date typed over a form's dotted blank: its day and month keep dots, an ellipsis or a low quote
# around them ('„24. januari. 2023.', '.24 januari 2023', '…J6..februard….2023', a speck: "14'maart 2023");
# a filler must be there
_FILLER = "[.…„‚_·'’`ÀÁÂÃÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜ]"  # a speck in a row of dots is read as an accented capital too
_FILLED_DATE = re.compile(rf"(?<![\d,/-])(?<!\d\.)(?<![a-z])({_FILLER}*)([0-3JlI|]?\d)(\s*{_FILLER}+\s*|\s+)"
                          rf"([a-z]{{3,10}})(\s*{_FILLER}+\s*|\s+)(20[12]\d)(?!\d)", re.IGNORECASE)
# a month name OCR broke in its middle or before its last letter ('10 februar i 2023', '10 janu ari 2023')
_SPLIT_MONTH_DATE = re.compile(r"(?<![\d.,/-])([0-3]?\d)\s+([a-z]{2,8}\s[a-z]{1,5})\.?\s+(20[12]\d)(?!\d)",
                               re.IGNORECASE)
# a written date whose year a poor scan glued to the comma after it ('24 jan. 20237'): the fifth digit is no
# part of the year, and the number is no count
_GLUED_YEAR = re.compile(r"(?<![\d.,/-])([0-3]?\d)\s+([a-z]{3,10})\.?\s+((?:19|20)\d\d)\d(?![\d.,]\d)", re.IGNORECASE)


# a date with a two-digit year after an apostrophe ('13 feb. \'23', '13 februari ’23', '3-4-\'23')
# a day glued to its month by a scan that lost the space ('Datum: 19jan. 2023'): a month's own name or abbreviation
# (or the year glued to its month: '24januari2023', '24 januari2023'; a stamp's full stop read as a colon:
# '14 FEB: 2023')
_GLUED_DAY = re.compile(r"(?<![\d.,/-])([0-3]?\d)\s?((?:" + "|".join(sorted({*MONTHS, *MONTH_ABBREVIATIONS}, key=len,
                                                                            reverse=True))
                        + r")(?![a-z]))[.:;]?\s*(20[12]\d)(?!\d)", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"(?<![\d.,/-])([0-3]?\d)(?:\s+([a-z]{3,10})\.?\s+|\s?[-./]\s?([01]?\d)\s?[-./]\s?)"
                         r"['’`](\d\d)(?!\d)", re.IGNORECASE)


# the full month names, longest first, for the repair patterns below that need a month spelt out
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))


# a day 1 read as a bar or a letter after a form's date label ('Datum: | maart 2023'); without the label a bar
# before a month is a table's rule ('Periode | maart 2023')
_BAR_DAY = re.compile(r"datum\s*:?\s*([|lI\]]\s+(" + _MONTH_NAMES + r")\s+(20[12]\d))(?!\d)", re.IGNORECASE)


# 'januari' and 'februari' with their last i read as a stroke ('9 februar! 2023', 'februar| 2023')
# (a 1 is joined to the year by the mending of split numbers: 'februar12023')
_STROKE_I_MONTH = re.compile(r"(?<![\d.,/-])([0-3]?\d)\s+(januar|februar)[!|l1\]]\s*(20[12]\d)(?!\d)", re.IGNORECASE)


# a speck or a pen's stroke read as a letter glued to the day ('te Breda op 12j Januari 2023'): a full month
# name and a year must follow
_SPECK_AFTER_DAY = re.compile(r"(?<![\d.,/-])([0-3]?\d)[a-z|!]\s+(" + _MONTH_NAMES + r")\s+(20[12]\d)(?!\d)",
                              re.IGNORECASE)


# a day written in words, a number or an ordinal ('op de negentiende januari 2023', 'tien februari 2023')
_WORD_DAY = re.compile(r"(?<![a-zà-ÿ])([a-zà-ÿ]{3,20})\s+(" + _MONTH_NAMES + r")\s+(20[12]\d)(?!\d)", re.IGNORECASE)


# a written-out date whose day no month has ('43 februari 2023': a hand's 1 read as a 4)
_IMPOSSIBLE_DAY = re.compile(r"(?<![\d.,/-])([3-9]\d)\s+(" + _MONTH_NAMES + r")\s+(20[12]\d)(?!\d)", re.IGNORECASE)


# a day-month-year written by hand whose first dash OCR lost ('82-2023' for 8-2-2023): two digits that are no
# day and no month ('12-2023' may be December: no date)
_LOST_FIRST_DASH = re.compile(r"(?<![\d.,/-])([1-9])([1-9])[-./](20[12]\d)(?![\d.,/-]?\d)")


# a numeric date whose dots a hand or a scan set apart or misread ('23, 02, 2023', '23 ,02 ,2023', '31, (01/2023',
# '23; 02/2023'): a comma or semicolon after the day, any separator after the month
_SPACED_NUMERIC = re.compile(r"(?<![\d.,/-])([0-3]?\d)\s?[,;]\s?\(?([01]?\d)\s?[,./;]\s?(20\d\d)(?![\d.,]?\d)")


# a date of the recent past without its year ('op 14 februari jl.'): the year of the first full date of the
# text (a letter's own date at its top), or the one before where the date would lie after it
_LAST_PAST = re.compile(r"(?<![\d.,/-])([0-3]?\d)\s+([a-z]{3,10})\.?\s+(?:jl\.?|j\.l\.?|jongstleden)(?![a-z])",
                        re.IGNORECASE)


def _recent_past_dates(text: str, dated: list[Candidate]) -> Iterator[tuple[re.Match[str], date]]:
    if not dated:
        return
    anchor = min(dated, key=lambda c: c.start).value
    assert isinstance(anchor, date)
    for m in _LAST_PAST.finditer(text):
        value = parse_date(f"{m.group(1)} {m.group(2)} {anchor.year}")
        if isinstance(value, date) and value > anchor:
            value = parse_date(f"{m.group(1)} {m.group(2)} {anchor.year - 1}")
        if isinstance(value, date):
            yield m, value


def _matched_dates(pattern: re.Pattern[str], text: str,
                   spell: Callable[[re.Match[str]], str]) -> Iterator[tuple[re.Match[str], date]]:
    """Each match of a repair pattern with the date its spelling parses to (matches that parse to none left out)."""
    for m in pattern.finditer(text):
        value = parse_date(spell(m))
        if isinstance(value, date):
            yield m, value


def _short_year_spelling(m: re.Match[str]) -> str:
    return (f"{m.group(1)} {m.group(2)} 20{m.group(4)}" if m.group(2) else
            f"{m.group(1)}-{m.group(3)}-20{m.group(4)}")


def _overlaps(cands: list[Candidate], start: int, end: int) -> bool:
    """Whether the span start..end overlaps a candidate's."""
    return any(c.start < end and start < c.end for c in cands)


def _add_date(out: list[Candidate], m: re.Match[str], value: date) -> None:
    """A date read by one of the repair patterns, unless a reading found before covers its text."""
    if not _overlaps(out, m.start(), m.end()):
        out.append(Candidate("date", value, m.group(0), m.start(), m.end()))


def _glued_year_dates(text: str) -> Iterator[tuple[re.Match[str], date]]:
    return _matched_dates(_GLUED_YEAR, text, lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)}")


def dates(dt: DocText) -> list[Candidate]:
    out = []
    for text, start, end, label in dt.entities:
        if label != "DATE":
            continue
        value = parse_date(text)
        if isinstance(value, date):
            out.append(Candidate("date", value, text, start, end))
    for m in _BROKEN_DATE.finditer(dt.text):
        if _overlaps(out, m.start(), m.end()):
            continue
        value = parse_date(f"{m.group(1)} {m.group(2).replace(' ', '')} {m.group(3).replace(' ', '')}")
        if isinstance(value, date):
            out.append(Candidate("date", value, m.group(0), m.start(), m.end()))
    for m in _SPLIT_MONTH_DATE.finditer(dt.text):
        month = strip_accents(m.group(2).replace(" ", "").lower())
        if month in MONTHS and not _overlaps(out, m.start(), m.end()):  # joined, a month exactly: no fuzzy match
            value = parse_date(f"{m.group(1)} {month} {m.group(3)}")
            if isinstance(value, date):
                out.append(Candidate("date", value, m.group(0), m.start(), m.end()))
    for m in _FILLED_DATE.finditer(dt.text):
        if re.search(_FILLER, m.group(1) + m.group(3) + m.group(5)) and not _overlaps(out, m.start(), m.end()):
            day = re.sub(r"[JlI|]", "1", m.group(2))  # a typed or written 1 read as a letter ('J6' for 16)
            value = parse_date(f"{day} {m.group(4)} {m.group(6)}")
            if isinstance(value, date):
                out.append(Candidate("date", value, m.group(0), m.start(), m.end()))
    for m, value in _glued_year_dates(dt.text):
        _add_date(out, m, value)
    for m, value in list(_recent_past_dates(dt.text, out)):
        _add_date(out, m, value)
    for m, value in _matched_dates(_SHORT_YEAR, dt.text, _short_year_spelling):
        _add_date(out, m, value)
    for m, value in _matched_dates(_GLUED_DAY, dt.text, lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)}"):
        _add_date(out, m, value)
    for m, value in _matched_dates(_SPACED_NUMERIC, dt.text, lambda m: f"{m.group(1)}-{m.group(2)}-{m.group(3)}"):
        _add_date(out, m, value)
    for c in out:  # 'Op [4 februari 2023': the 1 of 14 read as a bracket glued to the day
        if _ONE_AS_BRACKET.search(dt.text, max(0, c.start - 2), c.start) and re.match(r"\d\D", c.raw):
            value = parse_date("1" + c.raw)
            if isinstance(value, date):
                c.value, c.raw, c.start = value, dt.text[c.start - 1:c.end], c.start - 1
    for m, value in _matched_dates(_STROKE_I_MONTH, dt.text, lambda m: f"{m.group(1)} {m.group(2)}i {m.group(3)}"):
        _add_date(out, m, value)
    for m, value in _matched_dates(_SPECK_AFTER_DAY, dt.text, lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)}"):
        _add_date(out, m, value)
    for m in _WORD_DAY.finditer(dt.text):
        day = day_in_words(m.group(1))
        value = parse_date(f"{day} {m.group(2)} {m.group(3)}") if day else None
        if isinstance(value, date):
            _add_date(out, m, value)
    for m in _IMPOSSIBLE_DAY.finditer(dt.text):
        if parse_date(m.group(0)) is not None:
            continue
        mended = {v for d in _lookalike_spellings(m.group(1))
                  if isinstance(v := parse_date(f"{d} {m.group(2)} {m.group(3)}"), date)}
        if len(mended) == 1:  # one day a single misread digit makes of it, no guess between several
            _add_date(out, m, mended.pop())
    for m, value in _matched_dates(_LOST_FIRST_DASH, dt.text, lambda m: f"{m.group(1)}-{m.group(2)}-{m.group(3)}"):
        if int(m.group(1) + m.group(2)) > 31:
            _add_date(out, m, value)
    for m, value in _matched_dates(_BAR_DAY, dt.text, lambda m: f"1 {m.group(2)} {m.group(3)}"):
        if not _overlaps(out, m.start(1), m.end(1)):
            out.append(Candidate("date", value, m.group(1), m.start(1), m.end(1)))
    return out


# digits a hand or a poor scan turns into one another ('23-01-2023' read as '23-07-2023')
_LOOKALIKE_DIGITS = {"1": "74", "7": "1", "4": "1", "0": "8", "8": "0", "3": "8", "5": "6", "6": "5"}


# ... and in an amount a fax also blurs a 9 into a 0 and back ('13.996,05' read '13. 096, 05')
_AMOUNT_LOOKALIKES = {**_LOOKALIKE_DIGITS, "0": "89", "9": "0"}


def _lookalike_spellings(raw: str, table: dict[str, str] = _LOOKALIKE_DIGITS) -> Iterator[str]:
    """`raw` with one digit read otherwise, each way it can be."""
    for i, ch in enumerate(raw):
        for other in table.get(ch, ""):
            yield raw[:i] + other + raw[i + 1:]


def amount_lookalikes(c: Candidate) -> list[Candidate]:
    """The amount `c` with one digit read otherwise, each a candidate at the same place marked
    `digit_lookalike`: it wins only where rate x a stated count matches it (looked for only where OCR read the
    amount unsurely: a figure printed wrong and read surely is a typo the reviewer must see)."""
    out: list[Candidate] = []
    for spelling in _lookalike_spellings(c.raw, _AMOUNT_LOOKALIKES):
        value = parse_amount(spelling)
        if value is not None and value != c.value and all(v.value != value for v in out):
            out.append(Candidate(c.kind, value, c.raw, c.start, c.end, {**c.features, "digit_lookalike": 1.0}))
    return out


def date_variants(raw: str) -> list[date]:
    """The dates `raw` would be with one digit read otherwise (a correction to weigh, never a reading)."""
    out: list[date] = []
    for spelling in _lookalike_spellings(raw):
        value = parse_date(spelling)
        if isinstance(value, date) and value not in out:
            out.append(value)
    return out


def _one_digit_less(raw: str) -> Iterator[str]:
    """`raw` without one of its digits: a speck or a separator read as a digit ('79.644' read as '719644')."""
    for i, ch in enumerate(raw):
        if ch.isdigit():
            yield raw[:i] + raw[i + 1:]


def count_variants(c: Candidate, low: int, high: int) -> list[Candidate]:
    """The count `c` with one digit read otherwise ('71.244' for 77.244) or one digit too many, each a candidate
    at the same place marked `lookalike`: it only wins where it makes rate x count equal a stated amount."""
    out = []
    for spelling in (*_lookalike_spellings(c.raw), *_one_digit_less(c.raw)):
        value = parse_integer(spelling)
        if value is not None and low <= value <= high and value != c.value and all(v.value != value for v in out):
            out.append(Candidate(c.kind, value, c.raw, c.start, c.end, {**c.features, "lookalike": 1.0}))
    return out


# glyphs a scan makes of a figure's leading 1 ('{19.537' for 119.537); nobody types one against a figure
_ONE_AS_BRACKET = re.compile(r"(?<![\w(])[{\[|]$")


def lost_leading_one(c: Candidate, text: str, low: int, high: int) -> Candidate | None:
    """The count `c` with the bracket right before it read as the 1 it was, marked `lookalike`: it only wins where
    it makes rate x count equal a stated amount."""
    if not _ONE_AS_BRACKET.search(text, max(0, c.start - 2), c.start):
        return None
    value = parse_integer("1" + c.raw)
    if value is None or not low <= value <= high:
        return None
    return Candidate(c.kind, value, text[c.start - 1:c.end], c.start - 1, c.end, {**c.features, "lookalike": 1.0})


def amounts(dt: DocText) -> list[Candidate]:
    out = []
    for text, start, end, label in dt.entities:
        if label not in ("MONEY", "MONEY_BARE"):
            continue
        value = parse_amount(text)
        if value is None:
            out.extend(_digit_too_many(text, start, end))
            continue
        cand = Candidate("amount", value, text, start, end)
        cand.features["no_currency"] = 1.0 if label == "MONEY_BARE" else 0.0
        out.append(cand)
    # the amount spelled out after its figure ('zegge: dertienduizend ... euro en vijfennegentig cent'): the
    # figure may be lost in the scan and the words kept; where both are read, the words confirm the figure
    words = [Candidate("amount", value, dt.text[start:end], start, end, {"in_words": 1.0})
             for value, start, end in amount_in_words(dt.text)]
    for c in out:
        c.features["spelled_out"] = float(any(w.value == c.value for w in words))
    return out + words


_OVERFULL_GROUP = re.compile(r"\d[.,]\d{4}(?!\d)")  # a group of four digits after a thousands dot


def _digit_too_many(text: str, start: int, end: int) -> list[Candidate]:
    """An amount no notation allows because a speck was read as a digit in a group of three ('€35.7148,90'):
    each reading without one digit of that group, marked `lookalike` (it wins only where rate x a stated count
    matches it)."""
    group = _OVERFULL_GROUP.search(text)
    if group is None:
        return []
    out: list[Candidate] = []
    for i in range(group.start() + 2, group.end()):
        value = parse_amount(text[:i] + text[i + 1:])
        if value is not None and all(c.value != value for c in out):
            out.append(Candidate("amount", value, text, start, end, {"lookalike": 1.0}))
    return out


def bare_rounded_amounts(dt: DocText, counts: list[Candidate], rate: Decimal) -> list[Candidate]:
    """Whole numbers written without a currency ('komt de contributie uit op 32.809') that are a stated count x
    the rate rounded to euros: a memo's contribution whose euro sign was lost or never typed. Any other bare
    number stays no amount."""
    due = {(rate * int(str(c.value))).quantize(Decimal("1"), ROUND_HALF_UP) for c in counts
           if not c.features.get("lookalike")}
    taken = [(s, e) for _t, s, e, label in dt.entities if label in ("MONEY", "MONEY_BARE", "DATE")]
    out = []
    for m in _COUNT.finditer(dt.text):
        value = parse_integer(m.group(1))
        if value is None or Decimal(value) not in due or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        out.append(Candidate("amount", Decimal(value), m.group(1), m.start(1), m.end(1), {"no_currency": 1.0}))
    return out


def amount_variants(amounts: list[Candidate]) -> list[Candidate]:
    """An amount of five or more digits written without any separator ('1375995' for '13.759,95': the scan
    lost its dot and comma) as cents: a lookalike that wins only where rate x a stated count matches it."""
    out = []
    for c in amounts:
        digits = re.search(r"\d[\d\s]*\d", c.raw)
        if digits is None or re.search(r"\d[.,]\d", c.raw) or len(re.sub(r"\D", "", digits.group(0))) < 5:
            continue
        value = as_decimal(c.value) / 100
        out.append(Candidate(c.kind, value.quantize(Decimal("0.01")), c.raw, c.start, c.end,
                             {**c.features, "lookalike": 1.0}))
    return out


# a whole number of 4 to 7 digits, grouped or not, that is no part of a longer number, date or postcode
# ('224:459': a poor scan's dot read as a colon)
# (a postcode's two capitals after it rule out a bare number only: '238.326 EE: Be', a grouped figure before
# a form's noise, is no '5611 EE')
# ('224:459', '130-668': a poor scan's dot read as a colon or a dash)
_COUNT = re.compile(r"(?<![\d.,/:-])(\d{1,3}(?:[.,]\d{3})+|\d{3}[:-]\d{3}(?![:-]?\d)|\d{4,7}(?!\s?[A-Z]{2}\b))"
                    r"(?![\d]|[.,]\d|-\d|/\d)")


def counts(dt: DocText, low: int, high: int) -> list[Candidate]:
    """Whole numbers in the range of a municipality's inhabitants, outside amounts and dates."""
    taken = [(s, e) for _t, s, e, label in dt.entities if label in ("MONEY", "MONEY_BARE", "DATE")]
    taken += [m.span(3) for m, _value in _glued_year_dates(dt.text)]
    out = []
    for m in _COUNT.finditer(dt.text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        raw = m.group(1)
        if re.fullmatch(r"(19|20)\d\d", raw):
            continue  # a year
        value = parse_integer(raw.replace("-", "."))
        if value is None or not low <= value <= high:
            continue
        out.append(Candidate("inhabitants", value, raw, m.start(1), m.end(1)))
    return out


@cache
def _person_pattern() -> re.Pattern[str]:
    names = load_yaml("lexicon.yaml")["names"]
    honorific = "|".join(names["honorifics"])
    titles = "|".join(names["titles"])
    post = "|".join(names["post_titles"])
    particles = "|".join(names["particles"])
    # an accent OCR put on a capital: 'Á.'; an I read as a bar: '|. Bakker'
    # two or three capitals before one dot are as many initials whose inner dots a scan lost ('RJ.', 'AS.'),
    # a capital standing before an initial is one whose dot was lost ('R J.'), and so is a last capital before
    # the surname after dotted initials ('R.J Hoogendoorn')
    initial = r"(?:(?:IJ|Chr|Th|Ph|[A-ZÀ-Þ][a-z]?|\|)\.|(?!IJ\.)[A-Z]{2,3}\.|[A-Z](?=[ \t][A-ZÀ-Þ][a-z]?\.))"
    # ... or read as a comma or a colon after dotted initials ('K.F, Schuiling', 'F.C.M: in t Veld')
    lost_last = rf"(?:(?:[A-Z]|(?<=\.)[A-Z][,:])(?=[ \t]+(?:[A-ZÀ-Þ][a-zà-ÿ]{{2}}|(?:{particles})[ \t])))?"
    # a double name may carry particles after its hyphen: 'Blanksma-van den Heuvel'
    # (a surname has three letters at least: 'J.Th' read without its last dot is no 'J. Th')
    # ... and may start with the Dutch IJ ('IJzerman', 'de Vries-IJsselstein')
    surname = rf"(?:IJ|[A-ZÀ-Þ])[a-zà-ÿĳ'’]{{2,}}(?:-(?:(?:{particles})\s+)*(?:IJ|[A-ZÀ-Þa-z])[a-zà-ÿĳ'’]+)*"
    # a second surname word is taken unless a capital word follows it: 'P. Snijders Victor Everhardt' is two
    # columns' names read as one line ('Nijenhuis-Oude Groeniger V. Everhardt': initials start the next name)
    # given names and surname may be split over two lines ('Ank\nBijleveld'), never over more; a first name is
    # apart from the surname ('AmsteMeen', a place written by hand and misread, is no 'A. Meen')
    pattern = (
        rf"(?<![^\W_])(?<!-)(?:(?:{honorific})\s+)?(?:(?:{titles})\.?\s+){{0,3}}"
        rf"(?P<given>(?:{initial}[ \t]?){{1,6}}{lost_last}"
        rf"|(?:IJ|[A-Z])[a-zà-ÿ]{{2,12}}(?:[ \t]+|[ \t]*\n[ \t]*)(?=[A-Zà-ÿa-z]))[ \t]*\n?[ \t]*"
        rf"(?P<surname>(?:(?:{particles})(?:[ \t]+|[ \t]*\n[ \t]*)){{0,3}}{surname}"
        rf"(?:[ \t]+{surname}(?![.\w])(?![ \t]+[A-ZÀ-Þ](?![a-zJ]{{0,2}}\.)))?)"
        rf"(?:,?[ \t]+(?:{post})\b)?"
    )
    return re.compile(pattern)


@cache
def _not_names() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("lexicon.yaml")["names"]["not_names"])


_INITIAL_TOKEN = re.compile(r"IJ\.?|Chr\.?|Th\.?|Ph\.?|[A-ZÀ-Þ][a-z]?\.?")


def normal_person(given: str, surname: str) -> str:
    """'R. C. ' + 'Kdnig' -> 'R.C. Kdnig'; a first name becomes its initial ('Ank' -> 'A.')."""
    given = given.strip().replace("|", "I")
    if "." not in given:  # a first name: its initial as Dutch writes it ('Theo' -> 'Th.')
        return f"{dutch_initial(given)} {_particles_spelt(surname)}"
    # each initial with its dot, where a scan lost one ('RJ.', 'R J.', 'R.J' -> 'R.J.')
    initials = "".join(f"{t.rstrip('.')}." for t in _INITIAL_TOKEN.findall(given.replace(" ", "").replace("\t", "")))
    # an accent on an initial is a speck OCR put on the capital ('À. C. van Leeuwen'): one person, one spelling
    return f"{strip_accents(initials)} {_particles_spelt(surname)}"


_IN_T = re.compile(r"\bin(?:\s+t|'t)\b")


def _particles_spelt(surname: str) -> str:
    """The surname's words one space apart, 'in 't' whole where a scan lost or glued its apostrophe."""
    return _IN_T.sub("in 't", " ".join(surname.split()))


def people(dt: DocText) -> list[Candidate]:
    """Every name of a person: initials or a first name, particles, a surname, titles dropped."""
    out = []
    stop = _not_names()
    for found in _person_pattern().finditer(dt.text):
        m = _within_column(dt, found)
        if m is None:
            continue
        surname = m.group("surname")
        words = [w.lower() for w in re.split(r"[\s-]+", surname) if w[:1].isupper()]
        if any(w in stop for w in words) or m.group("given").strip().lower() in stop:
            continue
        cand = Candidate("signatory", normal_person(m.group("given"), surname), m.group(0), m.start(), m.end())
        cand.features["initials"] = 1.0 if "." in m.group("given") else 0.0
        out.append(cand)
    return out


def _within_column(dt: DocText, m: re.Match[str]) -> re.Match[str] | None:
    """The name cut where its words cross a gap between columns ('V. Everhardt' in one signature block and a
    signature read as 'Aen' in the next: no 'V. Everhardt Aen'), read again up to the gap; None where nothing
    of a name is left."""
    gap = COLUMN_GAP * dt.page_width(dt.page_of(m.start()))
    previous = None
    for token in re.finditer(r"\S+", dt.text[m.start():m.end()]):
        start, end = m.start() + token.start(), m.start() + token.end()
        box = dt.box(start, end)
        if box is None:
            return m
        if previous is not None and box[0] - previous[2] > gap:
            return _person_pattern().match(dt.text[:start].rstrip(), m.start())
        previous = box
    return m


def surnames_alone(dt: DocText, surnames: list[str], taken: list[Candidate]) -> list[Candidate]:
    """A known person's surname standing without initials ('Penn-te Strake' under a signature whose initials a
    photo lost): a candidate of that surname alone, where no name found with initials covers it."""
    out = []
    for surname in surnames:
        parts = [re.escape(p) for p in re.split(r"[\s-]+", fold(surname)) if p]
        if sum(len(p) for p in parts) < 4:
            continue
        pattern = re.compile(r"(?<![a-z0-9])" + r"\s*-?\s*".join(parts) + r"(?![a-z0-9])")
        for m in pattern.finditer(dt.folded):
            if not _overlaps(taken, m.start(), m.end()):
                out.append(Candidate("signatory", surname, dt.text[m.start():m.end()], m.start(), m.end(),
                                     {"initials": 0.0}))
    return out


def places(mentions: list[Mention]) -> list[Candidate]:
    """A candidate for each place the gazetteer found, scored later; its spelling quality is a feature."""
    return [Candidate("municipality", m.place.name, m.raw, m.start, m.end, {"spelling": m.quality})
            for m in mentions]


def as_decimal(value: object) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))
