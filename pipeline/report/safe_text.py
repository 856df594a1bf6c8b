"""Text from outside (file names, attachment names, words read from a scan) made safe for the outputs:
no spreadsheet formula (OWASP, CSV injection) and no invisible control or bidi characters that would make a
name read differently from what it is ('gnp.exe' shown as 'exe.png')."""

from __future__ import annotations

import re
import unicodedata

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN = re.compile(f"[{_BIDI}\u200b-\u200d\u2060\ufeff]")


def no_formula(value: str) -> str:
    """A cell a spreadsheet would run as a formula, as text: prefixed with an apostrophe (OWASP)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def visible(value: str) -> str:
    """Control, bidi and zero-width characters shown as their code point ('⟨U+202E⟩'), so a name reads as
    it is; ordinary text (line breaks too) unchanged."""
    if not _HIDDEN.search(value) and value.replace("\n", "").isprintable():
        return value
    return "".join(f"⟨U+{ord(c):04X}⟩" if c != "\n" and (_HIDDEN.match(c) or unicodedata.category(c) in ("Cc", "Cf"))
                   else c for c in value)


def safe_cell(value: object) -> object:
    """A workbook value: text visible and never a formula; numbers and dates as they are (CSV: csv_cell)."""
    return no_formula(visible(value)) if isinstance(value, str) else value


_AFTER_SEPARATOR = re.compile(r"([;,\t])(?=[=+\-@])")


def csv_cell(value: str) -> str:
    """A CSV cell no spreadsheet runs: no formula at its start, none after a ';', ',' or tab (Excel in Dutch
    splits on ';', and a list of file names is joined with it), and no bare carriage return (which a reader
    takes for the end of the row)."""
    value = value.replace("\r", "⟨U+000D⟩")
    return no_formula(_AFTER_SEPARATOR.sub(r"\1'", value))
