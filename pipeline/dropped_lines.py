"""Lines tesseract's layout analysis dropped: on a skewed or speckled scan it can pass over a whole paragraph
(an agreement's price article, the names under the signatures) while reading the rest of the page.

Ink that no read word covers is gathered into bands of text height; each band is cut out and all bands are
read in one tesseract run, laid one under another. A band is of the page's own letter height, so a signature,
stamp or logo never becomes one; where one runs into a line of print, the line's dense rows are read alone.
Only words read with confidence are kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import ndimage

from .page_pieces import read_pieces
from .schema import Word
from .table_cells import Turn, skew

MIN_CONF = 0.75  # a word read from a band is kept from this confidence up
MIN_CONF_BETWEEN = 0.2  # ... or from this one, between two words read with MIN_CONF
MIN_BAND_INCH = 0.6  # a band of ink shorter than this along the line is a mark, not a line of text
ROW_SHARE = 0.08  # a row of a tall mark this full of ink belongs to a line of print running into it ...
PEAK_SHARE = 0.35  # ... when it is this full compared with the mark's fullest row (the arc of a ring is not)
ONE_WORD_CONF = 0.9  # a band read as one word is kept from this confidence up (a label: "Handtekening:")


def _halved(gray: np.ndarray) -> np.ndarray:
    """Half the resolution, each pixel the mean of four: a quarter of the work, and speckles fade."""
    h, w = gray.shape[0] // 2 * 2, gray.shape[1] // 2 * 2
    g = gray[:h, :w].astype(np.float32)
    return (g[0::2, 0::2] + g[1::2, 0::2] + g[0::2, 1::2] + g[1::2, 1::2]) / 4


def _covered(shape: tuple[int, int], boxes: Sequence[tuple[float, float, float, float]], pad: float,
             scale: float) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    for x0, y0, x1, y1 in boxes:
        mask[max(0, round((y0 - pad) * scale)):max(0, round((y1 + pad) * scale)),
             max(0, round((x0 - pad) * scale)):max(0, round((x1 + pad) * scale))] = True
    return mask


def letter_height(words: Sequence[Word]) -> float:
    """The median height of well-read words of four letters or more (0 when there are too few)."""
    heights = [w.box[3] - w.box[1] for w in words if w.conf >= 0.8 and len(w.text) >= 4 and w.text.isalpha()]
    return float(np.median(heights)) if len(heights) >= 4 else 0.0


def bands(gray: np.ndarray, words: Sequence[Word], dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of lines of ink that no word covers, of the height of the page's lines
    (found at half resolution)."""
    height = letter_height(words)
    if not height:
        return []
    small = _halved(gray)
    paper = float(np.median(small))
    ink = small < paper - max(40.0, 0.3 * paper)
    ink &= ~_covered(small.shape, [w.box for w in words], 0.25 * height, 0.5)
    # letters of one line run together along it, lines stay apart
    joined = ndimage.binary_dilation(ink, structure=np.ones((1, max(3, round(0.6 * height)))))
    labels, _n = ndimage.label(joined)
    found = []
    for index, (ys, xs) in enumerate(ndimage.find_objects(labels), start=1):
        tall, wide = 2 * (ys.stop - ys.start), 2 * (xs.stop - xs.start)
        if wide < MIN_BAND_INCH * dpi:
            continue  # a dot, a word's fragment, a small mark
        if tall > 1.8 * height:  # a stamp or signature that touches a line of print: the line's rows alone
            found.extend(_text_rows(ink[ys, xs] & (labels[ys, xs] == index), height, dpi, xs.start, ys.start))
            continue
        if tall < 0.6 * height or ink[ys, xs].mean() < 0.04:
            continue
        found.append((2 * xs.start, 2 * ys.start, 2 * xs.stop, 2 * ys.stop))
    return found


def _text_rows(ink: np.ndarray, height: float, dpi: float, left: int, top: int) -> list[tuple[int, int, int, int]]:
    """Within a tall mark (half resolution): runs of rows dense with ink over the height of a line of print,
    as the mark's text lines. A ring or a pen stroke crosses a row with a few pixels; letters fill a tenth of it."""
    rows = ink.sum(axis=1)
    dense = rows >= max(ROW_SHARE * ink.shape[1], PEAK_SHARE * rows.max())
    runs, _n = ndimage.label(dense)
    found = []
    for (run,) in ndimage.find_objects(runs):
        if not 0.4 * height <= 2 * (run.stop - run.start) <= 1.4 * height:
            continue
        grow = round(0.15 * height)  # half resolution: 0.3 of a letter's height for ascenders and descenders
        y0, y1 = max(0, run.start - grow), min(ink.shape[0], run.stop + grow)
        cols = np.nonzero(ink[y0:y1].any(axis=0))[0]
        if 2 * (cols[-1] + 1 - cols[0]) >= MIN_BAND_INCH * dpi:
            found.append((2 * (left + int(cols[0])), 2 * (top + y0), 2 * (left + int(cols[-1]) + 1), 2 * (top + y1)))
    return found


def read_bands(gray: np.ndarray, boxes: Sequence[tuple[int, int, int, int]], height: float, lang: str,
               timeout: float) -> list[list[Word]]:
    """Each band read (all in one tesseract run), as lines of words in page coordinates: words read with
    confidence, of two letters or digits at least (a band read as one word: a label read with more confidence).
    A signature or stamp forms no band of its own (see `bands`), so it never turns into words."""
    pad = round(0.4 * height)
    pieces = []
    for x0, y0, x1, y1 in boxes:
        top, left = max(0, y0 - pad), max(0, x0 - pad)
        pieces.append((gray[top:y1 + pad, left:x1 + pad], left, top))
    lines = [[_within(w, box) for w in _kept(words)]
             for words, box in zip(read_pieces(pieces, int(np.median(gray)), lang, timeout), boxes, strict=True)]
    return [line for line in lines if len(line) >= 2 or (
        line and line[0].conf >= ONE_WORD_CONF and sum(c.isalpha() for c in line[0].text) >= 4)]


def _kept(words: list[Word]) -> list[Word]:
    """A band's words, left to right, read with confidence, or between two such words (a name a stamp runs
    into stays part of its line, so its ink is known to be print)."""
    words = sorted((w for w in words if sum(ch.isalnum() for ch in w.text) >= 2), key=lambda w: w.box[0])
    sure = [i for i, w in enumerate(words) if w.conf >= MIN_CONF]
    return [w for i, w in enumerate(words)
            if w.conf >= MIN_CONF or (w.conf >= MIN_CONF_BETWEEN and sure and sure[0] < i < sure[-1])]


def _within(word: Word, band: tuple[int, int, int, int]) -> Word:
    """The word's box kept to its band's rows: tesseract stretches a box over the neighbouring lines' ascenders
    and descenders in the cut-out margin."""
    x0, y0, x1, y1 = word.box
    return Word(word.text, (x0, max(y0, band[1]), x1, min(y1, band[3])), word.conf)


def with_dropped_lines(lines: list[list[Word]], gray: np.ndarray, dpi: float, lang: str,
                       timeout: float, degrees: float | None = None) -> list[list[Word]] | None:
    """The page's lines with the lines tesseract dropped read and put in their place; None when none were.
    The page is levelled first (by `degrees`, else by the skew of `lines`): on a skewed scan the lines of a
    paragraph would run into one another."""
    words = [w for line in lines for w in line]
    height = letter_height(words)
    if not height:
        return None
    turn = Turn(gray, skew(lines) if degrees is None else degrees)
    level = [Word(w.text, turn.forward(w.box), w.conf) for w in words]
    found = [[Word(w.text, turn.back(w.box), w.conf) for w in line]
             for line in read_bands(turn.image, bands(turn.image, level, dpi), height, lang, timeout)]
    if not found:
        return None
    return _merged(lines, found, turn)


def _merged(lines: list[list[Word]], found: list[list[Word]], turn: Turn) -> list[list[Word]]:
    """New words into the line they continue (a line read in part) or as lines of their own, top to bottom."""
    out = [list(line) for line in lines]

    def level_rows(line: list[Word]) -> tuple[float, float]:
        boxes = [turn.forward(w.box) for w in line]
        return float(np.median([b[1] for b in boxes])), float(np.median([b[3] for b in boxes]))

    for new in found:
        top, bottom = level_rows(new)
        middle = (top + bottom) / 2
        same = next((line for line in out if (r := level_rows(line))[0] <= middle <= r[1]), None)
        if same is not None:
            same.extend(new)
            same.sort(key=lambda w: turn.forward(w.box)[0])
            continue
        at = next((i for i, line in enumerate(out) if sum(level_rows(line)) / 2 > middle), len(out))
        out.insert(at, new)
    return out
