"""A document's text as the fields stage reads it: numbers mended, folded for matching, split into lines."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from ..nlp import get_nlp
from ..page_text import union_box, words_in_span
from ..schema import BBox, Document, Evidence, Word

# spaces OCR puts inside numbers: '101 446', '142.1 19', '15.216, 90', '01 -02-2023', '18.01 „2023', '€15: 216'
_NUMBER_SPACES = re.compile(r"(?<=\d) (?=\d)|(?<=\d) (?=[.,/„‚-]\d)|(?<=\d[.,/-]) (?=\d)"
                            r"|(?<=\d[:;]) (?=\d{3}[.,] ?\d\d(?!\d))")
# a low quote between digits is a dot a poor scan smudged ('18.01„2023')
_LOW_QUOTE_IN_NUMBER = re.compile(r"(?<=\d)[„‚](?=\d)")


# the gap between a number and a currency word that opens the next amount ('119.537\nEUR 0,15'): the word is
# that amount's, not the number's before it
_GAP_BEFORE_OPENING_CURRENCY = re.compile(r"(?<=\d)[ \t]*\n?[ \t]*(?=(?:€|(?:eur|euro)\b)\.?[ \t]*:?[ \t]*\d)",
                                          re.IGNORECASE)


# ... and the gap after a currency word that closes the amount before it ('13.759,95 euro' over '91733', a table's
# count on the next line): the word is that amount's, not the count's
_GAP_AFTER_CLOSING_CURRENCY = re.compile(r"(?:(?<=\d,\d\d[ \t]eur)|(?<=\d,\d\d[ \t]euro)|(?<=\d,\d\deur)"
                                         r"|(?<=\d,\d\deuro))[ \t]*\n[ \t]*(?=\d)", re.IGNORECASE)


def _part_currency_from_number_before(text: str) -> str:
    """`text` with such gaps filled by a mark of the same length, so offsets stay valid."""
    text = _GAP_BEFORE_OPENING_CURRENCY.sub(lambda m: "…" * len(m.group(0)), text)  # its own token, no space
    return _GAP_AFTER_CLOSING_CURRENCY.sub(lambda m: "|" * len(m.group(0)), text)  # no filler of a form's blank


_SHORT_GROUP_AFTER = re.compile(r"\d{1,2}(?![\d.,])")
# a year ends a number: alone ('januari 2022 5') or closing a numeric date ('25.01.2023 3 5', specks after it)
_YEAR_BEFORE = re.compile(r"(?:(?<![\d.,])|(?<=\d[./-]\d[./-])|(?<=\d[./-]\d\d[./-]))(?:19|20)\d\d$")
_NUMBER_AFTER = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?![\d,])|\d{3,}")


_LAST_GROUP_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+$")
_LONE_DIGIT_AFTER = re.compile(r"\d(?![\d.,])")
_GROUPED_AFTER = re.compile(r"(\d{1,3})\.\d{3}(?![\d])")
_DIGITS_BEFORE = re.compile(r"\d+$")
_LONG_RUN_BEFORE = re.compile(r"(?<![\d.,])\d{4,}$")
_LONG_RUN_AFTER = re.compile(r"\d{4,}(?![\d.,])")
# a number with its cents is whole: what follows a space is another number ('0,15 162.898' in a table row)
_CENTS_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*,\d\d$")


# a time of day after a date ('op 18-01-2023 18:16', an e-signature's stamp; 'gedrukt op 16-01-2023 16:49')
_TIME_AFTER = re.compile(r"[0-2]?\d:[0-5]\d(?![\d.,:])")


def _two_numbers(text: str, space: int) -> bool:
    """A year and a number side by side ('2023-2027 156.538' in a table row), or an amount with its cents and a
    number ('0,15 162.898'), or a date and a time: two numbers, not one split."""
    if _TIME_AFTER.match(text, space + 1):
        return True
    if _YEAR_BEFORE.search(text, max(0, space - 5), space) and _SHORT_GROUP_AFTER.match(text, space + 1):
        return True  # 'CBS op 1 januari 2022 5': a speck after the year, no count '20225'
    if _LAST_GROUP_BEFORE.search(text, max(0, space - 12), space) and _LONE_DIGIT_AFTER.match(text, space + 1):
        return True  # a grouped number is whole at its last group: '68.979 5' is a speck after it
    after = _NUMBER_AFTER.match(text, space + 1)
    if after and (_YEAR_BEFORE.search(text, max(0, space - 5), space)
                  or _CENTS_BEFORE.search(text, max(0, space - 16), space)):
        return True
    # a space inside a number stands before a group of three: two runs of four digits or more are two numbers
    # ('238326 238326', a table's two columns of inhabitants)
    if _LONG_RUN_AFTER.match(text, space + 1) and _LONG_RUN_BEFORE.search(text, max(0, space - 8), space):
        return True
    # a grouped number after the space ('17.930,55') would have too many digits before its first dot if the
    # digits before the space ('141') were its own
    grouped = _GROUPED_AFTER.match(text, space + 1)
    digits = _DIGITS_BEFORE.search(text, max(0, space - 8), space)
    return bool(grouped and digits and len(digits.group(0)) + len(grouped.group(1)) > 3)


# a decimal comma a poor scan lost as a space, where a currency says the number is money: '23.921 40 euro',
# '€ 23.921 40'
_LOST_DECIMAL_COMMA = re.compile(
    r"(?:(?<=€)|(?<=€ )|(?<=eur )|(?<=euro )|(?<=eur: ))\d{1,3}(?:\.\d{3})+( )\d\d(?![\d]|[.,]\d)"
    r"|(?<![\d.,])\d{1,3}(?:\.\d{3})+( )\d\d(?=[ \t]?(?:euro|eur)\b)", re.IGNORECASE)


def _mend_lost_decimal_comma(text: str) -> str:
    spaces = [m.start(g) for m in _LOST_DECIMAL_COMMA.finditer(text) for g in (1, 2) if m.start(g) >= 0]
    for i in spaces:
        text = text[:i] + "," + text[i + 1:]
    return text


# a leading 1 OCR read as a letter, right after a currency ('EUR\nÌ 7,930,55', '€ l7.930,55'): a figure follows
_ONE_AS_LETTER = re.compile(r"(?:(?<=€)|(?<=€ )|(?<=eur )|(?<=eur\n)|(?<=€\n)|(?<=euro ))[IlÌÍìíïî|](?= ?\d)",
                            re.IGNORECASE)


def squeeze_number_spaces(text: str) -> tuple[str, tuple[int, ...]]:
    """Text without the spaces OCR puts inside numbers, and for each kept character its original index."""
    text = _ONE_AS_LETTER.sub("1", _mend_lost_decimal_comma(text))
    drop = {m.start() for m in _NUMBER_SPACES.finditer(text) if not _two_numbers(text, m.start())}
    index = tuple(i for i in range(len(text)) if i not in drop)
    return _LOW_QUOTE_IN_NUMBER.sub(".", "".join(text[i] for i in index)), index


def fold(text: str) -> str:
    """Lower case without accents, one character for one character, so offsets stay valid."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFKD", c)[:1] or c
        out.append(base.lower() if len(base.lower()) == 1 else c)
    return "".join(out)


@dataclass(frozen=True)
class Line:
    """One line of a document: its span in `DocText.text`, page (0-based within the document) and place."""

    index: int
    start: int
    end: int
    page: int
    row: int  # line number on its page
    rows: int  # lines on that page

    @property
    def position(self) -> float:
        """0 at the top of the page, 1 at the bottom (in lines of text)."""
        return self.row / max(1, self.rows - 1)


@dataclass(frozen=True)
class DocText:
    """A document's text (numbers mended) with the offset of each page, to trace a span to its page and words."""

    document: Document
    text: str
    offsets: tuple[int, ...]
    original: tuple[int, ...]  # index in the joined page texts of each character of `text`

    @classmethod
    def of(cls, document: Document) -> DocText:
        parts, offsets, pos = [], [], 0
        for page in document.pages:
            offsets.append(pos)
            parts.append(page.text)
            pos += len(page.text) + 2
        text, original = squeeze_number_spaces("\n\n".join(parts))
        return cls(document, text, tuple(offsets), original)

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def entities(self) -> tuple[tuple[str, int, int, str], ...]:
        """The entity ruler's candidates (text, start, end, label), found once per document."""
        parted = _part_currency_from_number_before(self.text)
        return tuple((self.text[e.start_char:e.end_char], e.start_char, e.end_char, e.label_)
                     for e in get_nlp()(parted).ents)

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """Every non-empty line with its page and row."""
        raw: list[tuple[int, int, int]] = []
        pos = 0
        for chunk in self.text.split("\n"):
            if chunk.strip():
                raw.append((pos, pos + len(chunk), self.page_of(pos)))
            pos += len(chunk) + 1
        per_page: dict[int, int] = {}
        for _s, _e, page in raw:
            per_page[page] = per_page.get(page, 0) + 1
        lines, seen = [], dict.fromkeys(per_page, 0)
        for i, (s, e, page) in enumerate(raw):
            lines.append(Line(i, s, e, page, seen[page], per_page[page]))
            seen[page] += 1
        return tuple(lines)

    def line_at(self, pos: int) -> Line:
        """The line holding character `pos` (the nearest one before it on a blank line)."""
        lines = self.lines
        lo, hi = 0, len(lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if lines[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lines[lo]

    def page_of(self, pos: int) -> int:
        """0-based page of the document holding character `pos` of `text`."""
        start = self.original[min(pos, len(self.original) - 1)] if self.original else 0
        return max(i for i, off in enumerate(self.offsets) if off <= start)

    def box(self, start: int, end: int) -> BBox | None:
        """The box of the words of a span, in its page's units."""
        return self.words_of(start, end)[1]

    def page_width(self, page: int) -> float:
        return self.document.pages[page].width or 1.0

    def words_of(self, start: int, end: int) -> tuple[int, BBox | None, list, int, int]:
        """A span's page, box (None without positions), words and offsets within that page's text."""
        index = self.page_of(start)
        start, end = self.original[start], self.original[max(start, end - 1)] + 1
        page = self.document.pages[index]
        local_start, local_end = start - self.offsets[index], end - self.offsets[index]
        words = words_in_span(page.words, page.word_spans, local_start, local_end)
        box = union_box(words)
        if box is not None and box[2] <= box[0]:
            box = None  # plain text: words without positions
        return index, box, words, local_start, local_end

    def evidence(self, start: int, end: int) -> tuple[Evidence, float]:
        """The page, box and line of a span, and the mean OCR confidence of its words."""
        index, _box, words, local_start, local_end = self.words_of(start, end)
        page = self.document.pages[index]
        line_start = page.text.rfind("\n", 0, local_start) + 1
        line_end = page.text.find("\n", local_end)
        line = page.text[line_start: line_end if line_end >= 0 else None].strip()
        return Evidence(page.number, union_box(words), line), _mean_conf(words)

    def read_confidence(self, start: int, end: int) -> float:
        """The mean OCR confidence of a span's words (as `evidence` gives it, without the evidence)."""
        return _mean_conf(self.words_of(start, end)[2])


def _mean_conf(words: list[Word]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.5
