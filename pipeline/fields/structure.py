"""A document's structure as the scoring sees it: cue words by line, the parties, the closing, the header.

Everything here is found by broad word lists (`models/lexicon.yaml`), never by a whole sentence, so a
house style that words its clauses differently still has its parties, its closing and its header found.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache, cached_property

from ..documents import page_marker
from ..page_text import word_runs
from ..rules import load_yaml
from .doctext import DocText, Line, fold

COLUMN_GAP = 0.04  # words further apart than this share of the page width are in blocks side by side
HEADER_ROWS = 14  # lines at the top of a document's first page that count as its header
HEAD_GAP = 2.0  # a line this many times further from the line above than from a block opener below heads it
HEAD_GAP_LINES = 0.8  # ... and at least this many of its own heights apart from the line above
# an article's heading ('Art. 5 Overleg en geschillen', 'Artikel 5'): the articles go on below it
_ARTICLE_HEADING = re.compile(r"\W{0,3}art(?:ikel|\.)\s*\d{1,2}\b", re.IGNORECASE)
_WRAPPED = re.compile(r"\b(?:van|de|het|een|op|in|voor|met|te|aan|is|bedraagt|tot|en|of|dat)\s*$")
# a full stop after a title, an abbreviation or an initial ('drs. ing. J.A.W. van den Berg', 'd.d. 17 jan. 2023')
# ends no sentence (the text is folded to lower case where this is used)
_NO_END = "".join(rf"(?<!\b{a})" for a in ("drs", "ing", "mr", "dr", "ir", "prof", "bc", "mevr", "dhr", "mw", "nr",
                                           "art", "blz", "ca", "d.d", "jan", "feb", "mrt", "apr", "jun", "jul",
                                           "aug", "sep", "sept", "okt", "nov", "dec", "excl", "incl", "o.a"))
# a full stop standing alone between spaces is a speck of the scan ('Totaal over vijf jaar . € 51.734,25')
_SENTENCE_END = re.compile(rf"(?:{_NO_END}(?<![\s.(][a-z])(?<!\s)\.|[;:!?])(?=\s)|\n\s*\n")


@cache
def lexicon(name: str) -> re.Pattern[str]:
    """The compiled cue list `name`: any of its words at a word start, in folded text."""
    words = load_yaml("lexicon.yaml")["cues"][name]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(words) + ")")


@dataclass(frozen=True)
class Structure:
    """Where a document's parts lie, as line indices into `DocText.lines`."""

    dt: DocText

    @cached_property
    def _parties_end_cue(self) -> int | None:
        """The first line that opens the considerations or articles ('Overwegende', 'Artikel 1'), if any."""
        pattern = lexicon("parties_end")
        return next((line.index for line in self.dt.lines if pattern.search(self.dt.folded, line.start, line.end)),
                    None)

    @cached_property
    def parties_end(self) -> int:
        """The first line of the considerations or articles; the parties come before it."""
        if self._parties_end_cue is not None:
            return self._parties_end_cue
        first_page = [ln for ln in self.dt.lines if ln.page == 0]
        return first_page[len(first_page) * 2 // 3].index if first_page else 0

    @cached_property
    def closing_start(self) -> int:
        """The first line of the closing: the last run of closing cues in the last part of the document."""
        lines = self.dt.lines
        if not lines:
            return 0
        pattern = lexicon("closing")
        tail_from = max(self.parties_end + 1, int(len(lines) * 0.5))
        hits = [ln.index for ln in lines[tail_from:] if pattern.search(self.dt.folded, ln.start, ln.end)]
        if not hits:
            return max(0, len(lines) - 12)
        # the closing starts at the first hit of the last cluster (hits no more than 15 lines apart, and no article
        # heading between them: 'Voor de gemeente: ing. E. Bos' in an article of contacts is no signature block)
        start = hits[-1]
        for index in reversed(hits[:-1]):
            if start - index > 15 or any(_ARTICLE_HEADING.match(self.dt.text, ln.start, ln.end)
                                         for ln in lines[index + 1:start]):
                break
            start = index
        # a line of a place and a date right above the first block ('Sittard,: 23-02-2023' over 'Voor de gemeente
        # Sittard-Geleen,', no signing formula) is the closing's own
        above = lines[start - 1] if start > tail_from else None
        if above is not None and _SHORT_DATE_LINE.fullmatch(self.dt.folded, above.start, above.end):
            start -= 1
        return start

    def in_parties(self, line: Line) -> bool:
        return line.index < self.parties_end

    def in_closing(self, line: Line) -> bool:
        """In the closing: never before the articles a cue opened (a short text has no closing in its parties)."""
        return line.index >= max(self.closing_start, self._parties_end_cue or 0)

    def in_header(self, line: Line) -> bool:
        return line.page == 0 and line.row < HEADER_ROWS

    # -- cue words around a span ------------------------------------------------------------------------

    def before(self, start: int, name: str, chars: int = 70) -> bool:
        """A cue of `name` on the span's line before it, or at the end of the line above when the span
        opens its line."""
        line = self.dt.line_at(start)
        left = self._back(line, start, chars)
        if lexicon(name).search(self.dt.folded, left, start):
            return True
        lead = self.dt.folded[line.start:start]
        if (len(lead) <= 3 or (len(lead) <= 8 and not re.search(r"\d", lead))) and line.index > 0:
            # the span opens its line, or follows a word or two ('totaalbedrag' over 'van € 12.221,40')
            above = self.dt.lines[line.index - 1]
            return bool(lexicon(name).search(self.dt.folded, max(above.start, above.end - chars), above.end))
        return False

    def right_before(self, start: int, name: str, chars: int = 28) -> bool:
        """A cue of `name` just before the span (the label or words that introduce it)."""
        line = self.dt.line_at(start)
        left = self._back(line, start, chars)
        return bool(lexicon(name).search(self.dt.folded, left, start))

    def in_clause_before(self, start: int, name: str, chars: int = 30) -> bool:
        """A cue of `name` just before the span and in its sentence (no full stop in between)."""
        line = self.dt.line_at(start)
        left = self._back(line, start, chars)
        ends = [m.end() for m in _SENTENCE_END.finditer(self.dt.folded, left, start)]
        return bool(lexicon(name).search(self.dt.folded, ends[-1] if ends else left, start))

    def near_lines(self, start: int, end: int, name: str) -> bool:
        """A cue of `name` on the span's line or the line above it (a clause wrapped onto the next line)."""
        line = self.dt.line_at(start)
        top = self.dt.lines[line.index - 1].start if line.index else line.start
        pattern = lexicon(name)
        return bool(pattern.search(self.dt.folded, top, start) or pattern.search(self.dt.folded, end, line.end))

    def after(self, end: int, name: str, chars: int = 40, wrap: bool = False, sentence: bool = False) -> bool:
        """A cue of `name` on the span's line after it; with `wrap`, the `chars` may run on to the next line
        when no sentence ends first ('door de heer V. Everhardt,' or 'door X in de hoedanigheid van' over
        'directeur-bestuurder'); with `sentence`, only up to the end of the span's sentence."""
        line = self.dt.line_at(max(0, end - 1))
        right = min(line.end, end + chars)
        if sentence:
            stop = _SENTENCE_END.search(self.dt.folded, end, right)
            right = stop.start() if stop else right
        if lexicon(name).search(self.dt.folded, end, right):
            return True
        left = chars - (line.end - end)
        if wrap and left > 0 and line.index + 1 < len(self.dt.lines) \
                and not re.search(r"[.;:]\s|[.;:]$", self.dt.folded[end:line.end]):
            below = self.dt.lines[line.index + 1]  # (a cue broken over the line end counts: 'ten' / 'opzichte van')
            return bool(lexicon(name).search(self.dt.folded, end, min(below.end, below.start + left)))
        return False

    def _back(self, line: Line, start: int, chars: int) -> int:
        """Where `chars` characters before `start` begin on its line, a run of spaces counted as one (a text
        layer keeps a table's cells apart by many)."""
        text, pos, count = self.dt.text, start, 0
        while pos > line.start and count < chars:
            pos -= 1
            if not (text[pos].isspace() and pos > line.start and text[pos - 1].isspace()):
                count += 1
        return pos

    def among_names(self, start: int, end: int) -> bool:
        """Whether the span's line holds names and titles only, no sentence ('V. Everhardt   Penn-te Strake'):
        every other word on it starts with a capital, a particle aside."""
        line = self.dt.line_at(start)
        rest = self.dt.text[line.start:start] + " " + self.dt.text[end:line.end]
        particles = set(load_yaml("lexicon.yaml")["names"]["particles"])
        return not any(w[:1].islower() and w not in particles for w in re.findall(r"[^\W\d_][\w'’-]*", rest))

    def on_line(self, pos: int, name: str) -> bool:
        line = self.dt.line_at(pos)
        return bool(lexicon(name).search(self.dt.folded, line.start, line.end))

    def sentence_end(self, start: int, stop: int) -> int:
        """Where the first sentence after `start` ends before `stop` (or `stop`)."""
        m = _SENTENCE_END.search(self.dt.folded, start, stop)
        return m.start() if m else stop

    def in_sentence(self, start: int, end: int, name: str, chars: int = 160, right: bool = True) -> bool:
        """A cue of `name` in the sentence around the span (up to `chars` either side, stopping where a sentence
        ends: a full stop, colon or semicolon before a space or line break, or a blank line)."""
        text = self.dt.folded
        left = max(0, start - chars)
        # a colon right before the span is its label's ('(2022: € 23.170,81)', 'Bijdrage: € ...'), no end
        ends = [m.end() for m in _SENTENCE_END.finditer(text, left, max(left, start))
                if not (m.group(0) == ":" and not text[m.end():start].strip())]
        left = ends[-1] if ends else left
        right_end = min(len(text), end + chars)
        stop = _SENTENCE_END.search(text, end, right_end)
        right_stop = stop.start() if stop else right_end
        pattern = lexicon(name)
        return bool(pattern.search(text, left, start) or (right and pattern.search(text, end, right_stop)))

    def row_left(self, start: int, end: int, reach: float = 0.6) -> str:
        """Folded words on the same printed row left of the span (a form or table label, however OCR ordered
        the cells), up to `reach` of the page width away; empty without word boxes."""
        index, box, _words, _s, _e = self.dt.words_of(start, end)
        if box is None:
            return ""
        page = self.dt.document.pages[index]
        middle, height = (box[1] + box[3]) / 2, box[3] - box[1]
        left = [w for w in page.words if w.box[2] <= box[0] + 1 and box[0] - w.box[2] < reach * page.width
                and abs((w.box[1] + w.box[3]) / 2 - middle) < 0.6 * height]
        return fold(" ".join(w.text for w in sorted(left, key=lambda w: w.box[0])))

    def run_left(self, start: int, end: int) -> str:
        """Folded words right before the span on its printed row, in its own column (no wide gap between them):
        a table cell's label, not the next column's words that OCR read into the same line. Without word
        boxes, the line before the span."""
        index, box, _words, _s, _e = self.dt.words_of(start, end)
        if box is None:
            line = self.dt.line_at(start)
            return self.dt.folded[line.start:start]
        page = self.dt.document.pages[index]
        middle, height = (box[1] + box[3]) / 2, box[3] - box[1]
        row = [w for w in page.words if abs((w.box[1] + w.box[3]) / 2 - middle) < 0.6 * height]
        for run in word_runs(row, COLUMN_GAP * page.width):
            if any(w.box[0] >= box[0] - 1 for w in run) and run[0].box[0] < box[0] + 1:
                return fold(" ".join(w.text for w in run if w.box[2] <= box[0] + 1)) + " "
        return ""

    def column_cue(self, start: int, end: int, name: str, rows: int = 3, up: bool = False) -> bool:
        """A cue of `name` in the `rows` lines below (or above) the span, in the same column: overlapping it
        horizontally where the words have boxes, else at about the same place along the line.

        The look stays in the span's signature block: it stops at a line in its column that opens another
        block ('Namens Stichting Platform31,' below a name), having read that line when looking up (the
        block's own header), and at the page's footer. A line of one word that is no cue (a signature read as
        'celle') is not counted."""
        line = self.dt.line_at(start)
        pattern, opener = lexicon(name), lexicon("block_opener")
        own = self._extent(start, end, line)
        step = -1 if up else 1
        i, counted, skipped = line.index, 0, 0
        headers: list[tuple[float, int, int]] = []  # block headers passed looking up: (left, start, end)
        while counted < rows:
            i += step
            if not 0 <= i < len(self.dt.lines):
                break
            other = self.dt.lines[i]
            if other.page != line.page:
                break
            if page_marker(self.dt.text[other.start:other.end]):
                break  # the page's running footer or header ('... Platform31 | pagina 2/2'), no block's line
            found = list(opener.finditer(self.dt.folded, other.start, other.end))
            for k, m in enumerate(found):
                headers.append((self._extent(m.start(), m.end(), other)[0], m.start(),
                                found[k + 1].start() if k + 1 < len(found) else other.end))
            opens = any(_overlap(own, self._extent(m.start(), m.end(), other)) for m in found)
            if opens and not up:
                return False
            if up and found and self._stacked(line.page) and headers[-1][0] <= own[0] + 0.01:
                # blocks stacked in one column: the header nearest above is the span's block's, wherever along
                # the line the span stands (a date written to the right under 'Voor de gemeente Haarlem,')
                return pattern.search(self.dt.folded, other.start, other.end) is not None
            for m in pattern.finditer(self.dt.folded, other.start, other.end):
                if _overlap(own, self._extent(m.start(), m.end(), other)) or \
                        _within(own, self._column(m.start(), m.end(), other)):
                    return True
            if opens:
                return False
            if not up and _names_office(self.dt.folded, other.start, other.end):
                return False  # the office under a name closes its block ('... Kempen-Ouali' / 'wethouder')
            if skipped < 2 and len(self.dt.text[other.start:other.end].split()) == 1:
                skipped += 1
                continue
            counted += 1
        return up and self._under_header(own, headers, pattern)

    def heads_block_below(self, start: int, end: int) -> str | None:
        """The block header right below a span set close over it and apart from the line above ('Victor
        Everhardt' / gap / 'Datum: 10/02/2023' / 'Namens de gemeente Enschede,'; or, blocks side by side,
        'Datum: 23/01/2023' over 'Namens de gemeente Venlo,' in the right-hand column): a span printed as the
        head of the next block, not the foot of the one before. The header's words in its column (folded), or
        None; None without word boxes."""
        line = self.dt.line_at(start)
        lines = self.dt.lines
        if not 0 < line.index < len(lines) - 1:
            return None
        above, below = lines[line.index - 1], lines[line.index + 1]
        own_box, top = self.dt.box(start, end), self.dt.box(above.start, above.end)
        if above.page != line.page or below.page != line.page or own_box is None or top is None:
            return None
        own = self._extent(start, end, line)
        width = self.dt.page_width(line.page)
        for m in lexicon("block_opener").finditer(self.dt.folded, below.start, below.end):
            if not (_overlap(own, self._extent(m.start(), m.end(), below))
                    or _within(own, self._column(m.start(), m.end(), below))):
                continue
            opener = self.dt.box(m.start(), m.end())
            if opener is None:
                return None
            _index, _box, words, _s, _e = self.dt.words_of(below.start, below.end)
            run = next((r for r in word_runs(words, COLUMN_GAP * width)
                        if r[0].box[0] <= opener[0] + 1 <= r[-1].box[2] + 2), [])
            height = own_box[3] - own_box[1]
            gap_above = own_box[1] - top[3]
            gap_below = min((w.box[1] for w in run), default=opener[1]) - own_box[3]
            if run and gap_above > max(HEAD_GAP * gap_below, HEAD_GAP_LINES * height):
                return fold(" ".join(w.text for w in run))
            return None
        return None

    def _under_header(self, own: tuple[float, float], headers: list[tuple[float, int, int]],
                      pattern: re.Pattern[str]) -> bool:
        """Whether the block header nearest to the left of the span among those above it (blocks side by side
        whose lines OCR gave one after another, a photo at a slant) holds a cue of `pattern`: a block owns the
        page from its header's left to the next block's."""
        if not headers or self.dt.box(headers[0][1], headers[0][2]) is None:
            return False  # without word boxes there are no columns to tell apart
        left = [h for h in headers if h[0] <= own[0] + 0.01]
        if len({round(h[0], 1) for h in headers}) < 2 or not left:
            return False  # one column of blocks: the overlap above decides
        _x, head_start, head_end = max(left, key=lambda h: h[0])
        return pattern.search(self.dt.folded, head_start, head_end) is not None

    def _stacked(self, page: int) -> bool:
        """Whether the signature blocks of a page stand in one column: every block header in its closing
        starts at about the same place along the line (with word boxes, two headers at least)."""
        return self._block_columns.get(page, 0) == 1

    @cached_property
    def _block_columns(self) -> dict[int, int]:
        """Per page, how many columns the block headers of the closing start in (pages with two headers or
        more, read with word boxes)."""
        opener = lexicon("block_opener")
        lefts: dict[int, list[float]] = {}
        for line in self.dt.lines:
            if not self.in_closing(line):
                continue
            for m in opener.finditer(self.dt.folded, line.start, line.end):
                if self.dt.box(m.start(), m.end()) is not None:
                    lefts.setdefault(line.page, []).append(self._extent(m.start(), m.end(), line)[0])
        out = {}
        for page, xs in lefts.items():
            if len(xs) >= 2:
                xs = sorted(xs)
                out[page] = 1 + sum(b - a > COLUMN_GAP * 2 for a, b in itertools.pairwise(xs))
        return out

    def column_header(self, start: int, end: int, name: str, rows: int = 3) -> bool:
        """A cue of `name` in a table's header above the span, overlapping its column: the lines above up to
        `rows`, as long as each is a row of cells (a few words, no sentence), not running text. A table that
        breaks over a page has its header at the foot of the page before: the look goes on there, past the
        page's running footer."""
        line = self.dt.line_at(start)
        if _running_text(self.dt.text[line.start:line.end]):
            return False  # a sentence under a table is no cell of it
        own = self._extent(start, end, line)
        pattern = lexicon(name)
        i, seen = line.index, 0
        while seen < rows and i > 0:
            i -= 1
            other = self.dt.lines[i]
            if other.page not in (line.page, line.page - 1):
                return False
            row = self.dt.text[other.start:other.end].rstrip()
            if page_marker(row):
                continue  # a running footer or header ('... | pagina 1/2')
            if _running_text(row) or _WRAPPED.search(self.dt.folded, other.start, other.end):
                return False  # running text, or a sentence that goes on in the span's line
            if _FIGURE.search(row):
                seen += 1
                continue  # a row of figures above: the table's header is higher up
            for m in pattern.finditer(self.dt.folded, other.start, other.end):
                cue = self._extent(*self._cell(m.start(), m.end(), other), other)
                if cue[0] < own[1] and own[0] < cue[1]:
                    return True
            seen += 1
        return False

    def _cell(self, start: int, end: int, line: Line) -> tuple[int, int]:
        """The table cell a cue stands in ('Inwoners (CBS 1-1-2022)' around 'inwoners'): its words up to a gap
        between cells, two spaces in plain text or, with boxes, a gap wider than the words are high."""
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", self.dt.text[line.start:line.end])]
        words = [(line.start + a, line.start + b) for a, b in words]
        boxes = [self.dt.box(a, b) for a, b in words]

        def apart(i: int) -> bool:  # a cell ends between word i and word i + 1
            first, second = boxes[i], boxes[i + 1]
            if first is not None and second is not None:
                return second[0] - first[2] > 1.2 * max(first[3] - first[1], second[3] - second[1])
            return "  " in self.dt.text[words[i][1]:words[i + 1][0]]

        inside = [i for i, (a, b) in enumerate(words) if a < end and start < b]
        laid_out = any(box is not None for box in boxes) or "  " in self.dt.text[line.start:line.end].strip()
        if not inside or not laid_out:
            return start, end  # a line of plain text with single spaces shows no cells
        lo, hi = inside[0], inside[-1]
        while lo > 0 and not apart(lo - 1):
            lo -= 1
        while hi < len(words) - 1 and not apart(hi):
            hi += 1
        return words[lo][0], words[hi][1]

    def same_column(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Whether span `b` (on another line) stands in the column of span `a`."""
        return _overlap(self._extent(*a, self.dt.line_at(a[0])), self._extent(*b, self.dt.line_at(b[0])))

    def _column(self, start: int, end: int, line: Line) -> tuple[float, float] | None:
        """Where blocks stand side by side on the span's line (runs of words a column's gap apart), the stretch
        of the page the span's block owns: from the left of its run to the left of the next run, or to the
        page's edge (a date written to the right of a signature is in that block's column). None on a line of
        one run, or without word boxes."""
        _index, _box, words, _s, _e = self.dt.words_of(line.start, line.end)
        box = self.dt.box(start, end)
        if box is None or len(words) < 2:
            return None
        width = self.dt.page_width(line.page)
        runs = word_runs(words, COLUMN_GAP * width)
        if len(runs) < 2:
            return None
        for k, run in enumerate(runs):
            if run[0].box[0] <= box[0] + 1 and box[2] <= run[-1].box[2] + 1:
                right = runs[k + 1][0].box[0] if k + 1 < len(runs) else width
                return run[0].box[0] / width, right / width
        return None

    def _extent(self, start: int, end: int, line: Line) -> tuple[float, float]:
        """The span's horizontal extent as a fraction of the page width (or of its line, without boxes)."""
        box = self.dt.box(start, end)
        if box is not None:
            width = self.dt.page_width(line.page)
            return box[0] / width, box[2] / width
        length = max(1, line.end - line.start)
        return (start - line.start) / length, (end - line.start) / length


_SHORT_DATE_LINE = re.compile(r"\W*(?:[a-z'-]+\W{1,3}){0,3}(?:\d{1,2}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{2,4}"
                              r"|\d{1,2}\s+[a-z]{3,10}\.?\s+\d{4})\W*")
_FIGURE = re.compile(r"\d[.,]\d")


def _running_text(line: str) -> bool:
    """A line of a sentence rather than a row of table cells: many words, or a full stop at its end."""
    line = line.rstrip()
    return len(line.split()) > 10 or line.endswith(".")


def _names_office(folded: str, start: int, end: int) -> bool:
    """Whether a line names an office, the town's or another party's ('wethouder', 'directeur-bestuurder')."""
    return any(lexicon(name).search(folded, start, end) for name in ("municipal_office", "other_office"))


def _within(span: tuple[float, float], column: tuple[float, float] | None) -> bool:
    """Whether the span stands wholly in a block's column (see `Structure._column`)."""
    return column is not None and column[0] - 0.01 <= span[0] and span[1] <= column[1] + 0.01


def _overlap(a: tuple[float, float], b: tuple[float, float], align: float = 0.08) -> bool:
    """Whether cue `b` stands in the column of span `a`: left-aligned with it, or centred within it."""
    return abs(a[0] - b[0]) < align or a[0] <= (b[0] + b[1]) / 2 <= a[1]
