"""Where the municipality signs: the signature blocks of an agreement's page, found by their words and layout.

A page's printed words are grouped into line segments (a wide gap splits a line into columns) and the
segments into paragraphs. A paragraph belongs to the municipality when it holds one of its marks (its name or
an alias, 'burgemeester', 'wethouder', 'gemeente', the mayor's or the signatory's surname) and none of
Platform31's ('Platform31', 'directeur', 'Everhardt'). Handwriting belongs to the block whose lines are
nearest: this holds for columns side by side, stacked blocks, labels above or names below the signature, and
form-like blocks ('Handtekening:'), without reading the signatory's name.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache, cached_property

from rapidfuzz import fuzz

from .fields import reference_people
from .ink import print_height, printed_words
from .normalize import name_key
from .office_words import is_word as _is_word
from .page_text import word_runs
from .rules import load_yaml
from .schema import BBox, Page, ReferenceEntry, Word

MUNICIPALITY, PLATFORM31, PARAAF, CLOSING, NONE = "municipality", "platform31", "paraaf", "closing", ""


@dataclass(frozen=True)
class BlockSettings:
    municipality_words: dict[str, float]
    platform31_words: dict[str, float]
    surname_weight: float
    name_weight: float
    paraaf_words: tuple[str, ...]
    closing_words: tuple[str, ...]
    label_words: tuple[str, ...]
    word_match: float
    max_words: int
    max_block_words: int
    column_gap: float
    paragraph_gap: float
    area_margin: float
    max_distance: float
    owner_ratio: float
    text_below_words: int


@cache
def block_settings() -> BlockSettings:
    data = load_yaml("signature.yaml")["block"]
    return BlockSettings(
        {str(k): float(v) for k, v in data["municipality_words"].items()},
        {str(k): float(v) for k, v in data["platform31_words"].items()},
        float(data["surname_weight"]), float(data["name_weight"]), tuple(data["paraaf_words"]),
        tuple(data["closing_words"]), tuple(data["label_words"]), float(data["word_match"]),
        int(data["max_words"]), int(data["max_block_words"]),
        float(data["column_gap"]), float(data["paragraph_gap"]), float(data["area_margin"]),
        float(data["max_distance"]), float(data["owner_ratio"]), int(data["text_below_words"]))


def e_signature_stamps(page: Page) -> list[BBox]:
    """The boxes of the printed stamps of an e-signature service on a page: two words in a row that say so."""
    phrases = {tuple(p.split()) for p in load_yaml("signature.yaml")["block"]["e_signature_words"]}
    keys = [name_key(w.text) for w in page.words]
    return [_union([page.words[i].box, page.words[i + 1].box]) for i in range(len(keys) - 1)
            if (keys[i], keys[i + 1]) in phrases]


@dataclass(frozen=True)
class Segment:
    """Printed words on one line of one column."""

    words: tuple[Word, ...]
    box: BBox
    role: str
    weight: float = 0.0  # how surely the line marks its party's block

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True)
class Paragraph:
    segments: tuple[Segment, ...]
    box: BBox
    role: str


@dataclass(frozen=True)
class Marks:
    """What marks the municipality's block: its names and the surnames of its mayor and signatory."""

    names: tuple[str, ...]  # name keys of the municipality and its aliases
    surnames: tuple[str, ...]  # name keys


def signing_people(signatory: object | None, entry: ReferenceEntry | None) -> list[str]:
    """Who may sign for the municipality: the signatory read from the agreement and the reference mayor(s)."""
    people = [str(signatory)] if signatory else []
    if entry is not None and entry.mayor:
        people += [p for p in entry.mayor.split(";") if p.strip()]
    return people


def marks_for(municipality: str | None, aliases: tuple[str, ...], people: list[str]) -> Marks:
    names = tuple(name_key(n) for n in (municipality, *aliases) if n)
    particles = {"van", "de", "der", "den", "ten", "ter", "het", "la", "le"}
    surnames = [part for person in people for _initials, surname in reference_people(person)
                for part in name_key(surname).replace("-", " ").split() if len(part) >= 4 and part not in particles]
    return Marks(names, tuple(dict.fromkeys(surnames)))


def _is_name(key: str, names: tuple[str, ...], cutoff: float) -> bool:
    return len(key) >= 4 and any(key == n or fuzz.ratio(key, n) >= cutoff for n in names)


def _names(name: str, text: str) -> bool:
    """The municipality's name in a line, also as OCR misspelt it; never a short word inside the name."""
    return bool(name) and (f" {name} " in f" {text} " or (
        len(name) >= 6 and len(text) >= len(name) and fuzz.partial_ratio(name, text) >= 92))


def _word_weight(key: str, vocabulary: dict[str, float]) -> float:
    return max((w for v, w in vocabulary.items() if _is_word(key, (v,))), default=0.0)


def _role(words: list[Word], marks: Marks, s: BlockSettings) -> tuple[str, float]:
    """The party a line marks and how surely: ('municipality', 4.0) for 'R.C. König', ('closing', 0) ..."""
    keys = [part for w in words for part in name_key(w.text).split()]
    text = " ".join(keys)
    if any(_is_word(k, s.paraaf_words) for k in keys):
        return PARAAF, 0.0
    p31 = max([_word_weight(k, s.platform31_words) for k in keys] + [1.0 if "platform 31" in text else 0.0])
    muni = max([_word_weight(k, s.municipality_words) for k in keys]
               + [s.surname_weight for k in keys if _is_name(k, marks.surnames, s.word_match)]
               + [s.name_weight for n in marks.names if _names(n, text)],
               default=0.0)
    if p31 and muni:
        return NONE, 0.0  # running text naming both parties
    if any(_is_word(k, s.closing_words) for k in keys) or re.search(r"\d{4}", text):
        return CLOSING, 0.0  # the closing line and dates: they name the municipality but are no block
    if p31:
        return PLATFORM31, p31
    return (MUNICIPALITY, muni) if muni else (NONE, 0.0)


# what may follow a block's label word besides a party's name ('Voor akkoord', 'Voor en namens de gemeente')
_AFTER_LABEL = frozenset({"burgemeester", "college", "wethouder", "directeur", "akkoord", "gezien", "en", "namens"})


def is_heading(seg: Segment, marks: Marks) -> bool:
    """A line that opens a party's block: 'Namens de gemeente X,', 'Voor Platform31', or the party's name alone
    ('Gemeente X', 'Stichting Platform31'). What follows it, up to the next party's heading, is that party's."""
    if seg.role not in (MUNICIPALITY, PLATFORM31):
        return False
    keys = [part for w in seg.words for part in name_key(w.text).split()]
    text = " ".join(keys)
    s = block_settings()
    party = {"de", "het", "gemeente", "stichting", "platform31", "platform", "31", "college"}
    party |= {part for n in marks.names for part in n.split()}
    for label in s.label_words:
        if text.startswith(label):
            # the party right after the label ('Voor de gemeente X', 'Namens burgemeester en wethouders'), not
            # running text that starts with the same word ('Voor de looptijd van deze overeenkomst ...')
            rest = [k for k in keys[len(label.split()):] if k not in ("de", "het", "deze")]
            return not rest or rest[0] in party | _AFTER_LABEL
    return 0 < len(keys) <= 5 and all(k in party for k in keys)


def _union(boxes: list[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _lines(page: Page) -> list[list[Word]]:
    """The page's printed words by the lines the OCR (or the text layer) gave them, which hold on a skewed scan.

    Pages without character spans fall back to grouping by height on the page.
    """
    # a name with a signature across it is read with little confidence, but it is still the block's line
    printed = set(map(id, printed_words(page, min_conf=0.25)))
    if len(page.word_spans) != len(page.words):
        words = sorted((w for w in page.words if id(w) in printed), key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0]))
        tolerance = 0.5 * print_height(page)
        grouped: list[list[Word]] = []
        for w in words:
            mid = (w.box[1] + w.box[3]) / 2
            last = grouped[-1] if grouped else []
            if last and abs(mid - sum((x.box[1] + x.box[3]) / 2 for x in last) / len(last)) <= tolerance:
                last.append(w)
            else:
                grouped.append([w])
        return grouped
    breaks = [i for i, ch in enumerate(page.text) if ch == "\n"]
    by_line: dict[int, list[Word]] = {}
    for w, (start, _end) in zip(page.words, page.word_spans, strict=True):
        if id(w) in printed:
            by_line.setdefault(bisect_left(breaks, start), []).append(w)
    return [by_line[k] for k in sorted(by_line)]


def segments(page: Page, marks: Marks, s: BlockSettings | None = None) -> list[Segment]:
    """The page's printed lines as segments, split where a wide gap separates two columns."""
    s = s or block_settings()
    out = []
    gap = s.column_gap * page.dpi
    for line in _lines(page):
        # a word read with little confidence counts only as a mark of a block ('burgemeester' under a
        # signature), never as just some line: that is often the signature itself, read as letters
        line = [w for w in line if w.conf >= 0.5 or _role([w], marks, s)[0] in (MUNICIPALITY, PLATFORM31, PARAAF)]
        if not line:
            continue
        out += [Segment(tuple(run), _union([x.box for x in run]), *_role(run, marks, s))
                for run in word_runs(line, gap)]
    return _paraaf_labels(out, 0.5 * page.dpi)


def _paraaf_labels(segs: list[Segment], reach: float) -> list[Segment]:
    """'Paraaf gemeente:' split by the OCR: what follows a 'Paraaf' label on its row is part of the label."""
    out = list(segs)
    changed = True
    while changed:
        changed = False
        for i, seg in enumerate(out):
            if seg.role == PARAAF:
                continue
            for label in out:
                height = min(seg.box[3] - seg.box[1], label.box[3] - label.box[1])
                same_row = min(seg.box[3], label.box[3]) - max(seg.box[1], label.box[1]) >= 0.5 * height
                if label.role == PARAAF and same_row and 0 <= seg.box[0] - label.box[2] <= reach:
                    out[i] = replace(seg, role=PARAAF, weight=0.0)
                    changed = True
                    break
    return out


def _overlap_x(a: BBox, b: BBox) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0]))


def paragraphs(segs: list[Segment], line_height: float, s: BlockSettings | None = None) -> list[Paragraph]:
    """Segments joined into paragraphs: one above the other, close together, in the same column.

    A paragraph takes the role of its segments; one with both roles (or none) has no role.
    """
    s = s or block_settings()
    parent = list(range(len(segs)))
    roles = [{seg.role} - {NONE, CLOSING} for seg in segs]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    text_width = (max(x.box[2] for x in segs) - min(x.box[0] for x in segs)) if segs else 0.0

    def is_running(seg: Segment) -> bool:
        """A line of running text: more words than a block line, or wider than half the text (two blocks
        side by side each take less)."""
        return len(seg.words) > s.max_words or seg.box[2] - seg.box[0] > 0.5 * text_width

    ordered = sorted(range(len(segs)), key=lambda i: segs[i].box[1])
    for n, i in enumerate(ordered):
        a = segs[i]
        for j in ordered[n + 1:]:
            b = segs[j]
            if b.box[1] - a.box[3] > s.paragraph_gap * line_height:
                break
            narrow = min(a.box[2] - a.box[0], b.box[2] - b.box[0])
            ri, rj = find(i), find(j)
            # a line of running text and a short line under it ('Namens de gemeente X,' under the last line of an
            # article) are no paragraph: blocks are made of short lines
            running = is_running(a) != is_running(b)
            # never join the two parties' lines, not even through a line without a role
            if ri != rj and not running and _overlap_x(a.box, b.box) >= 0.3 * narrow \
                    and len(roles[ri] | roles[rj]) <= 1:
                parent[rj] = ri
                roles[ri] |= roles[rj]
    groups: dict[int, list[Segment]] = {}
    for i in ordered:
        groups.setdefault(find(i), []).append(segs[i])
    out = []
    for members in groups.values():
        roles = {m.role for m in members} - {NONE, CLOSING}
        role = roles.pop() if len(roles) == 1 else NONE
        out.append(Paragraph(tuple(members), _union([m.box for m in members]), role))
    return _labels_join_their_values(out, line_height)


def _labels_join_their_values(paras: list[Paragraph], line_height: float) -> list[Paragraph]:
    """Form labels ('Naam:', 'Functie:', 'Handtekening:') stand in a column of their own, beside the values
    that say whose block it is: they take the party of the lines beside them, so the signing place after
    'Handtekening:' is that party's."""
    out = []
    for p in paras:
        if p.role != NONE or len(p.segments) < 2:
            out.append(p)
            continue
        beside = {q.role for q in paras if q.role in (MUNICIPALITY, PLATFORM31)
                  and min(p.box[3], q.box[3]) - max(p.box[1], q.box[1]) >= line_height
                  and 0 <= q.box[0] - p.box[2] <= 8 * line_height}
        out.append(replace(p, role=beside.pop()) if len(beside) == 1 else p)
    return out


def box_distance(a: BBox, b: BBox) -> float:
    dx = max(0.0, a[0] - b[2], b[0] - a[2])
    dy = max(0.0, a[1] - b[3], b[1] - a[3])
    return math.hypot(dx, dy)


@dataclass(frozen=True)
class SignaturePage:
    """The page where the parties sign, its block paragraphs and the area to look for handwriting in."""

    page: Page
    paragraphs: tuple[Paragraph, ...]
    area: BBox
    paraaf_zones: tuple[BBox, ...]
    marks: Marks = Marks((), ())

    @cached_property
    def municipality(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role == MUNICIPALITY and _is_block(p)]

    @cached_property
    def platform31(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role == PLATFORM31 and _is_block(p)]

    @cached_property
    def columns(self) -> tuple[float, str, str] | None:
        """(x of the gutter, party on the left, party on the right) when the two blocks stand side by side."""
        muni, p31 = self.municipality, self.platform31
        if not muni or not p31:
            return None
        m_box, p_box = _union([p.box for p in muni]), _union([p.box for p in p31])
        overlap_y = min(m_box[3], p_box[3]) - max(m_box[1], p_box[1])
        if overlap_y < -0.5 * self.page.dpi:
            return None  # one above the other
        if m_box[2] <= p_box[0]:
            return (m_box[2] + p_box[0]) / 2, MUNICIPALITY, PLATFORM31
        if p_box[2] <= m_box[0]:
            return (p_box[2] + m_box[0]) / 2, PLATFORM31, MUNICIPALITY
        return None


def _rows(p: Paragraph) -> int:
    """Printed rows of a paragraph: a form's label and its value, apart on one row ('Naam   A.S. Scholten'), are
    two segments but one row."""
    middles = sorted((seg.box[1] + seg.box[3]) / 2 for seg in p.segments)
    heights = sorted(seg.box[3] - seg.box[1] for seg in p.segments)
    half = heights[len(heights) // 2] / 2 if heights else 0.0
    return sum(1 for i, m in enumerate(middles) if i == 0 or m - middles[i - 1] > half)


def _is_block(p: Paragraph) -> bool:
    """A signature block is a few short lines, not a paragraph of running text."""
    s = block_settings()
    return (_rows(p) <= 6 and all(len(seg.words) <= s.max_words for seg in p.segments)
            and sum(len(seg.words) for seg in p.segments) <= s.max_block_words)


def _text_below(block: Paragraph, paras: list[Paragraph], s: BlockSettings) -> bool:
    """Running text below a party's name: the parties sign after the agreement's text, so a name with
    articles running under it is a letterhead or a title ('gemeente Nijmegen' over the first article)."""
    words = sum(len(seg.words) for p in paras if p.box[1] >= block.box[3] and not _is_block(p)
                for seg in p.segments)
    return words > s.text_below_words


def find_signature_page(pages: tuple[Page, ...], marks: Marks) -> SignaturePage | None:
    """The page with the strongest signature block of each party, one with the municipality's block first; on a
    tie the later page (agreements end with it)."""
    s = block_settings()
    best: tuple[tuple[float, float, int], SignaturePage] | None = None
    for page in pages:
        if not page.words or page.width <= 0:
            continue
        paras = paragraphs(segments(page, marks, s), print_height(page), s)
        blocks = [p for p in paras if p.role in (MUNICIPALITY, PLATFORM31) and _is_block(p)
                  and not _text_below(p, paras, s)]
        if not blocks:
            continue
        both = {p.role for p in blocks} == {MUNICIPALITY, PLATFORM31}
        # each party's strongest block counts, not how many: a page of running text holds many weak 'blocks'
        # (every sentence naming the municipality), a signature page one strong one per party
        strongest = {role: max((min(4.0, max(seg.weight for seg in p.segments)) for p in blocks if p.role == role),
                               default=0.0) for role in (MUNICIPALITY, PLATFORM31)}
        # the municipality's signature is the one judged: a page with a block of it that names an office or the
        # town comes before a page with Platform31's alone (the director signing on a page of its own after
        # the town signed under the articles)
        score = (float(strongest[MUNICIPALITY] >= 2.0), sum(strongest.values()) + 3.0 * both, page.number)
        if best is None or score > best[0]:
            best = (score, _signature_page(page, paras, blocks, marks, s))
    if best is None:
        return None
    return _continued(best[1], pages, marks, s) or best[1]


def _continued(sp: SignaturePage, pages: tuple[Page, ...], marks: Marks, s: BlockSettings) -> SignaturePage | None:
    """The next page, when the municipality's block breaks over the page break: on this page only its heading,
    the last block line on the page ('Namens de gemeente X,' above the footer), and at the top of the next page
    its name or function, no running text above or under it and no block of Platform31. The signature stands
    above the name, so it is looked for there."""
    if not sp.municipality:
        return None
    heading_foot = max(p.box[3] for p in sp.municipality)
    # where the parties sign: from Platform31's last block down (the parties clause above names both parties)
    start = max((p.box[1] for p in sp.platform31 if p.box[1] < heading_foot), default=heading_foot)
    if not all(is_heading(seg, marks) for p in sp.municipality if p.box[3] >= start for seg in p.segments):
        return None
    if any(p.box[3] > heading_foot for p in sp.platform31):
        return None  # a block under the heading on this page: the layout of headings one above the other
    page = next((p for p in pages if p.number == sp.page.number + 1), None)
    if page is None or not page.words or page.width <= 0:
        return None
    paras = paragraphs(segments(page, marks, s), print_height(page), s)
    blocks = [p for p in paras if p.role in (MUNICIPALITY, PLATFORM31) and _is_block(p)]
    if not blocks or any(p.role == PLATFORM31 for p in blocks):
        return None
    if all(is_heading(seg, marks) for p in blocks for seg in p.segments):
        return None  # only a heading again: no name to sign above
    first = min(blocks, key=lambda p: p.box[1])
    if any(not _is_block(p) and p.box[3] <= first.box[1] for p in paras) or _text_below(first, paras, s):
        return None
    return _signature_page(page, paras, blocks, marks, s)


def _signature_page(page: Page, paras: list[Paragraph], blocks: list[Paragraph], marks: Marks,
                    s: BlockSettings) -> SignaturePage:
    """The page with the area around its blocks to look for handwriting in, and the boxes for initials."""
    margin = s.area_margin * page.dpi
    top = max(0.0, min(p.box[1] for p in blocks) - margin)
    # a party's short lines below its blocks count too: a long form's column of values ('H.M.F. Bruls' seventh
    # in it) is no block, but the signature stands by the name
    lines = [seg.box[3] for p in paras for seg in p.segments if seg.role in (MUNICIPALITY, PLATFORM31)
             and len(seg.words) <= s.max_words and seg.box[1] >= top]
    bottom = min(page.height, max([p.box[3] for p in blocks] + lines) + margin)
    zones = tuple(_paraaf_zone(seg.box, page) for p in paras for seg in p.segments if seg.role == PARAAF)
    return SignaturePage(page, tuple(paras), (0.0, top, page.width, bottom), zones, marks)


def _paraaf_zone(box: BBox, page: Page) -> BBox:
    """Around a 'Paraaf' label: the box for initials lies beside or under it."""
    inch = page.dpi
    return (box[0] - 0.3 * inch, box[1] - 0.5 * inch, box[2] + 1.4 * inch, box[3] + 0.7 * inch)


@dataclass(frozen=True)
class Owner:
    role: str  # MUNICIPALITY, PLATFORM31 or NONE
    margin: float  # how much nearer than the other party's lines (ratio, >= 1)


def _owner_by_headings(box: BBox, sp: SignaturePage) -> str | None:
    """Blocks one above the other, each opened by a heading: handwriting below a party's heading and above the
    other party's heading (or below the last heading) is the first party's, however near the other's lines."""
    if not (sp.municipality and sp.platform31):
        return None
    middle = (box[1] + box[3]) / 2
    reach = 1.5 * sp.page.dpi

    def in_line(h: Segment) -> bool:
        return _overlap_x(h.box, box) > 0 or abs(h.box[0] - box[0]) < reach

    headings = [seg for p in sp.municipality + sp.platform31 for seg in p.segments
                if is_heading(seg, sp.marks) and in_line(seg)]
    if {h.role for h in headings} != {MUNICIPALITY, PLATFORM31}:
        return None  # a heading of each party, or this is not the layout
    above = [h for h in headings if h.box[3] <= middle]
    below = [h for h in headings if h.box[1] >= middle]
    if not above:
        return None
    role = max(above, key=lambda h: h.box[3]).role
    if below and min(below, key=lambda h: h.box[1]).role == role:
        return None  # two headings of one party: not this layout
    return role


def _owner_by_row(centre: tuple[float, float], sp: SignaturePage, cells: tuple[BBox, ...]) -> str | None:
    """In a ruled table, handwriting in a cell belongs to the party whose lines stand in that cell's row
    ('Gemeente X | naam | datum | <signature>'), else in its column ('Handtekening | <P31> | <gemeente>'), else
    to the one party whose lines fill the table (a form the municipality fills in)."""
    cell = next((c for c in cells if c[0] <= centre[0] <= c[2] and c[1] <= centre[1] <= c[3]), None)
    if cell is None:
        return None
    segs = [(seg.role, ((seg.box[0] + seg.box[2]) / 2, (seg.box[1] + seg.box[3]) / 2))
            for p in sp.municipality + sp.platform31 for seg in p.segments if seg.role in (MUNICIPALITY, PLATFORM31)]
    in_row = {role for role, (_x, y) in segs if cell[1] <= y <= cell[3]}
    in_column = {role for role, (x, _y) in segs if cell[0] <= x <= cell[2]}
    in_table = {role for role, (x, y) in segs if any(c[0] <= x <= c[2] and c[1] <= y <= c[3] for c in cells)}
    for roles in (in_row, in_column, in_table):
        if len(roles) == 1:
            return next(iter(roles))
        if roles:
            return None  # both parties there: the row or column does not tell
    return None


def owner(box: BBox, sp: SignaturePage, centre: tuple[float, float] | None = None,
          cells: tuple[BBox, ...] = ()) -> Owner:
    """Whose block a piece of handwriting belongs to: the party whose block lines are nearest, or in a ruled
    table the party of its row (`cells`: the table's cells)."""
    s = block_settings()
    inch = sp.page.dpi
    middle_of = centre or ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    by_row = _owner_by_row(middle_of, sp, cells) if cells else None
    if by_row is not None:
        return Owner(by_row, 10.0)

    def nearest(paras: list[Paragraph]) -> float:
        return min((box_distance(box, seg.box) for p in paras for seg in p.segments), default=math.inf) / inch

    d_muni, d_p31 = nearest(sp.municipality), nearest(sp.platform31)
    if d_muni > s.max_distance and d_p31 > s.max_distance:
        return Owner(NONE, 1.0)
    columns = sp.columns
    if columns is None:
        by_heading = _owner_by_headings(box, sp)
        if by_heading is not None:
            return Owner(by_heading, 10.0)
    else:
        # side by side: the column decides (a 'Handtekening:' label or a line may stand between them)
        gutter, left, right = columns
        middle = centre[0] if centre else (box[0] + box[2]) / 2  # where most of its ink is
        side = left if middle < gutter else right
        clear = abs(middle - gutter) / inch  # inches from the gutter
        margin = 10.0 if clear >= 0.25 else 1.0
        return Owner(side, margin)
    floor = 0.05  # inches: touching lines count as this close
    ratio = (max(d_p31, floor) / max(d_muni, floor)) if d_muni <= d_p31 else (max(d_muni, floor) / max(d_p31, floor))
    if d_muni <= d_p31 and d_muni <= s.max_distance:
        return Owner(MUNICIPALITY, ratio)
    return Owner(PLATFORM31, ratio)
