"""Parsers for the Dutch number, money, date and name formats found in scanned text.

Each parser takes raw (possibly OCR-damaged) text and returns a typed value or None; none raises.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from rapidfuzz import fuzz, process

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}

# Characters that OCR puts where a digit belongs, in a token that is otherwise numeric.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                                   "S": "5", "B": "8", "Z": "2", "z": "2"})
_CURRENCY = re.compile(r"(?i)€|\beur(?:o)?\b|\beuro's\b")
_CENT = Decimal("0.01")


def _fix_digit_lookalikes(token: str) -> str:
    """Replace letters that OCR confuses with digits, only where most of the token is digits."""
    digits = sum(c.isdigit() for c in token)
    letters = sum(c.isalpha() for c in token)
    if digits >= 1 and letters <= max(1, digits // 2):
        return token.translate(_DIGIT_LOOKALIKES)
    return token


def _unify_separators(s: str) -> str:
    s = s.replace(";", ",").replace(":", ",").replace("’", "").replace("'", "")
    # '15.216, 90' and '15 .216,90': OCR puts spaces next to separators
    s = re.sub(r"(?<=\d)\s*([.,])\s*(?=\d)", r"\1", s)
    # '15 216,90': a space as thousands separator
    s = re.sub(r"(?<=\d)\s+(?=\d{3}\b)", "", s)
    return s


def _misread_decimal(groups: list[str]) -> bool:
    """'24.583.20': thousands groups, then two digits: the decimal comma read as the other separator."""
    return (len(groups) > 2 and len(groups[-1]) == 2 and len(groups[0]) <= 3
            and all(len(g) == 3 for g in groups[1:-1]))


def parse_decimal_number(text: str) -> Decimal | None:
    """Parse a Dutch-formatted number ('15.216,90', '15216,90', '15.217', '15,217.00')."""
    s = _unify_separators(_fix_digit_lookalikes(text.strip()))
    s = re.sub(r"[,.]-+$", "", s)  # '15.217,-'
    m = re.search(r"\d[\d.,]*", s)
    if not m:
        return None
    s = m.group(0).rstrip(".,")
    if sum(c.isdigit() for c in s) > 15:  # no amount or count of ours is that long: noise, not a number
        return None
    if "," in s and "." in s:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        whole, _, cents = s.rpartition(decimal_sep)
        groups = whole.split(thousands)
        if thousands in cents or decimal_sep in whole or any(len(g) != 3 for g in groups[1:]) or len(groups[0]) > 3:
            return None
        s = "".join(groups) + "." + cents
    elif "," in s:
        head, _, tail = s.rpartition(",")
        if s.count(",") == 1 and len(tail) in (1, 2):
            s = head + "." + tail
        elif all(len(g) == 3 for g in s.split(",")[1:]):
            s = s.replace(",", "")
        elif _misread_decimal(s.split(",")):
            s = "".join(s.split(",")[:-1]) + "." + tail
        else:
            return None
    elif "." in s:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            s = s.replace(".", "")
        elif len(groups) == 2 and len(groups[1]) in (1, 2):
            pass  # '15216.90'
        elif _misread_decimal(groups):
            s = "".join(groups[:-1]) + "." + groups[-1]
        else:
            return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def parse_amount(text: str) -> Decimal | None:
    """Parse a euro amount to a Decimal with two decimals: '€ 15.216,90' -> Decimal('15216.90'). A third
    decimal is a speck glued to the cents ('€51.734,257'), dropped rather than rounded into them."""
    value = parse_decimal_number(_CURRENCY.sub(" ", text))
    if value is None:
        return None
    return value.quantize(_CENT, rounding=ROUND_DOWN)


def parse_integer(text: str) -> int | None:
    """Parse a count with Dutch thousands separators: '101.446' -> 101446."""
    value = parse_decimal_number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def _month_from_word(word: str) -> int | None:
    w = strip_accents(word.lower()).strip(".,")
    if w in MONTHS:
        return MONTHS[w]
    if w in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[w]
    if len(w) == 3 and w[0] in "il1" and "j" + w[1:] in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS["j" + w[1:]]  # a j read as i or l: 'ian' for jan
    if len(w) >= 4:
        match = process.extractOne(w, MONTHS.keys(), scorer=fuzz.ratio, score_cutoff=75)
        if match:
            return MONTHS[match[0]]
    return None


def _make_date(year: int, month: int, day: int) -> date | None:
    if year < 100:
        if year >= 50:
            return None  # '23-02- 93': a year by hand misread, not 1993 nor 2093
        year += 2000
    if not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})\b")
# a numeric date that lost separators to OCR: '07 022023', '07.022023', '0702.2023', '07022023'
_RUN_TOGETHER_DATE = re.compile(r"\b(\d{1,2})[\s./-]?([01]\d)[\s./-]?((?:19|20)\d{2})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})\s*(?:e\s+)?([A-Za-zÀ-ÿ]{3,10})\.?\s+(\d{4}|'\d{2})\b")


def parse_date(text: str) -> date | None:
    """Parse '10 januari 2023', '10-01-2023', '10/1/23', '2023-01-10' (OCR noise tolerated)."""
    s = " ".join(_fix_digit_lookalikes(t) for t in text.split())
    m = _ISO_DATE.search(s)
    if m:
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _WORD_DATE.search(s)
    if m:
        month = _month_from_word(m.group(2))
        if month:
            return _make_date(int(m.group(3).lstrip("'")), month, int(m.group(1)))
    m = _NUMERIC_DATE.search(s) or _RUN_TOGETHER_DATE.search(s)
    if m:
        day = int(m.group(1))
        if day > 31 and m.group(1)[0] in "47":  # a written 1 read as 4 or 7: '43-02-2023'
            day = int("1" + m.group(1)[1:])
        return _make_date(int(m.group(3)), int(m.group(2)), day)
    return None


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def file_stem(path: str) -> str:
    """A file's name without its folder and extension ('scans/Besluitnota Leiden.pdf' -> 'Besluitnota Leiden')."""
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", path.rsplit("/", 1)[-1])


def name_key(text: str) -> str:
    """A comparison key for place and person names: lower case, no accents, no punctuation."""
    s = strip_accents(text).lower()
    s = re.sub(r"^(de\s+)?gemeente\s+", "", s.strip())
    s = re.sub(r"^['‘’`´]?s[-\s]+", "s ", s)  # "'s-Hertogenbosch", "‘s-Hertogenbosch", "s Hertogenbosch"
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def format_amount(value: Decimal | None) -> str:
    """Money for the CSV contract: two decimals, '.' as decimal point."""
    return "" if value is None else f"{value.quantize(_CENT):.2f}"
