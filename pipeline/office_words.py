"""The words of a signature block as OCR spells them, and whether a page's text holds such a block."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import Hamming

from .normalize import name_key
from .rules import load_yaml

# a person as a signature block prints them: initials (a comma for a full stop in a poor scan) and a capitalised name
_PERSON_LINE = re.compile(r"(?:^|\s)(?:IJ|[A-Z][a-z]{0,2})[.,]\s?(?:(?:IJ|[A-Z][a-z]{0,2})[.,]\s?)*\s*"
                          r"(?:(?:van|de|der|den|ten|ter)\s)*[A-Z][a-zà-ÿ]{2,}")
_OFFICE_LINE_WORDS = 5  # an office under a name is a short line ('waarnemend burgemeester', 'directeur-bestuurder')


def is_word(key: str, vocabulary: tuple[str, ...] | dict[str, float]) -> bool:
    """The word, or the word with the letters OCR gets wrong ('burgemeestcr'), but not another word
    ('gemeenten' is not 'gemeente'): same length and one wrong letter, two in a long word."""
    for v in vocabulary:
        if key == v:
            return True
        if len(v) >= 5 and len(key) == len(v) and Hamming.distance(key, v) <= (1 if len(v) < 9 else 2):
            return True
    return False


@cache
def _offices() -> tuple[str, ...]:
    """The words that surely mark a party's signature block (weight 2 or more in signature.yaml's lexicons)."""
    block = load_yaml("signature.yaml")["block"]
    return tuple(w for lexicon in ("municipality_words", "platform31_words")
                 for w, weight in block[lexicon].items() if float(weight) >= 2)


def holds_signature_block(text: str) -> bool:
    """Whether a page's text holds a signature block: a short line naming an office a party signs in right under
    a line with a person's name ('A. Marcouch' over 'burgemeester'). An office named in a sentence ('t.a.v. het
    college van burgemeester en wethouders') or a contact's job is none."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for i, line in enumerate(lines):
        keys = name_key(line).replace("-", " ").split()
        if not 0 < len(keys) <= _OFFICE_LINE_WORDS or not any(is_word(k, _offices()) for k in keys):
            continue
        if any(_PERSON_LINE.search(above) for above in lines[max(0, i - 2):i]):
            return True
    return False
