"""Dutch numbers written in words ('dertienduizend zevenhonderdnegenenvijftig'), and the amounts an agreement
spells out after its figure ('zegge: ... euro en vijfennegentig cent'): a second reading of the amount that a
scan can lose in digits and keep in words."""

from __future__ import annotations

import re
from decimal import Decimal

from .normalize import strip_accents

_UNITS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
          "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
         "negentig": 90}
_WORD = r"[a-zà-ÿ]+(?:[\s-]+[a-zà-ÿ]+)*?"
# '(zegge: <words> euro [en <words> (euro)cent]'
_IN_WORDS = re.compile(rf"\bzegge\b\W{{0,3}}(?P<euros>{_WORD})\s+euro\b(?:\s+en\s+(?P<cents>{_WORD})\s+(?:euro)?cent)?",
                       re.IGNORECASE)


def _below_hundred(s: str) -> int | None:
    if not s:
        return 0
    for table in (_UNITS, _TEENS, _TENS):
        if s in table:
            return table[s]
    for tens, value in _TENS.items():  # 'negenenvijftig': nine and fifty
        if s.endswith("en" + tens) and s[:-len(tens) - 2] in _UNITS:
            return _UNITS[s[:-len(tens) - 2]] + value
    return None


def _below_thousand(s: str) -> int | None:
    if "honderd" in s:
        head, _, rest = s.partition("honderd")
        hundreds = 1 if not head else _UNITS.get(head)
        tail = _below_hundred(rest)
        return None if hundreds is None or tail is None or "honderd" in rest else hundreds * 100 + tail
    return _below_hundred(s)


def dutch_number(words: str) -> int | None:
    """A whole number from 0 to 999.999 written in Dutch words, or None."""
    s = re.sub(r"[\s-]+", "", strip_accents(words).lower())
    if s == "nul":
        return 0
    if not s:
        return None
    if "duizend" in s:
        head, _, rest = s.partition("duizend")
        thousands = 1 if not head else _below_thousand(head)
        tail = _below_thousand(rest)
        if thousands is None or tail is None or "duizend" in rest:
            return None
        return thousands * 1000 + tail
    value = _below_thousand(s)
    return value if value else None


# '<words> euro [en <words> (euro)cent]' without 'zegge' ('een bijdrage van drieëntwintigduizend
# zevenhonderdachtentachtig euro en vijftig cent (€ 23.788,50)'): the words right before 'euro' that make a number
_EURO = re.compile(r"\beuro\b(?:\s+en\s+(?P<cents>[a-zà-ÿ]+(?:[\s-]+[a-zà-ÿ]+)?)\s+(?:euro)?cent\b)?", re.IGNORECASE)
MAX_WORDS = 5  # 'drieentwintig duizend zevenhonderd achtentachtig': a number spelt in separate words
MIN_SPELLED = 100  # fewer euros in words are a rate or a fee, not a contribution


def _in_words(euros: int | None, cents: int | None) -> Decimal | None:
    if euros is None or cents is None or cents > 99:
        return None
    return (Decimal(euros) + Decimal(cents) / 100).quantize(Decimal("0.01"))


def _words_before(text: str, end: int) -> tuple[int, int] | None:
    """The longest run of at most MAX_WORDS words ending at `end` (only spaces, hyphens and line breaks between
    them) that reads as a number: its start and value."""
    words = []
    pos = end
    while len(words) < MAX_WORDS:
        gap = re.search(r"[\s-]*$", text[max(0, pos - 3):pos])
        pos -= len(gap.group(0)) if gap else 0
        m = re.search(r"[a-zà-ÿ]+$", text[max(0, pos - 40):pos], re.IGNORECASE)
        if m is None:
            break
        pos -= len(m.group(0))
        words.append(pos)
    for start in reversed(words):  # the longest run first
        value = dutch_number(text[start:end])
        if value:
            return start, value
    return None


_ORDINAL_ODD = {"eerste": 1, "derde": 3, "achtste": 8}


def day_in_words(word: str) -> int | None:
    """A day of the month written as a Dutch number or ordinal ('negentien', 'negentiende', 'eenendertigste',
    'de derde'), 1 to 31, or None."""
    s = strip_accents(word).lower()
    if s in _ORDINAL_ODD:
        return _ORDINAL_ODD[s]
    for suffix in ("ste", "de", ""):
        if s.endswith(suffix) and len(s) > len(suffix) + 2:
            value = dutch_number(s[:len(s) - len(suffix)] if suffix else s)
            if value is not None and 1 <= value <= 31:
                return value
    return None


def amount_in_words(text: str) -> list[tuple[Decimal, int, int]]:
    """Each amount spelled out in `text` (after 'zegge', or words before 'euro' making a number of at least
    MIN_SPELLED): its value and where its words stand."""
    out = []
    for m in _IN_WORDS.finditer(text):
        value = _in_words(dutch_number(m.group("euros")), dutch_number(m.group("cents")) if m.group("cents") else 0)
        if value is not None:
            out.append((value, m.start("euros"), m.end()))
    for m in _EURO.finditer(text):
        run = _words_before(text, m.start())
        if run is None or run[1] < MIN_SPELLED or any(s <= run[0] < e for _v, s, e in out):
            continue
        value = _in_words(run[1], dutch_number(m.group("cents")) if m.group("cents") else 0)
        if value is not None:
            out.append((value, run[0], m.end()))
    return out
