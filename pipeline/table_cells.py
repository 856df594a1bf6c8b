"""Ruled tables read cell by cell: tesseract's page layout drops cells of a gridded table on a poor scan
('Aantal inwoners' with its figure gone), so the cells of every ruled table are cut out and read again.

A table is where horizontal and vertical rules meet; its cells are the white areas the rules enclose. The
cells are laid out one under another on a blank canvas and read in one tesseract run (a uniform block of
lines), then put back where they were: one line of text per table row, cells left to right. They are read
twice: as they are, and each cut to black and white at its own Otsu threshold (a date written in pen on
speckled grey paper is lost in the grey reading and read whole in the other); each cell keeps its best reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage

from .page_pieces import read_pieces
from .schema import Word

INK = 150  # grey level under which a pixel is ink ...
PAPER_MARGIN = 40  # ... or this far under the paper's grey, whichever is darker
H_RULE_INCH = 0.6  # a horizontal rule runs at least this far
V_RULE_INCH = 0.18  # a vertical rule at least this far (a row is about 0.3 inch high)
CELL_MIN_HEIGHT_INCH, CELL_MAX_HEIGHT_INCH = 0.12, 1.2
CELL_MIN_WIDTH_INCH = 0.2
MIN_CELLS = 2  # a single box is a stamp or a paraaf field, not a table


@dataclass(frozen=True)
class Cell:
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels, inside the rules


def _runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels of `mask` that lie on a straight run of at least `length` pixels along `axis` (a rule)."""
    if length < 2 or mask.shape[axis] < length:
        return np.zeros_like(mask)
    filled = ndimage.uniform_filter1d(mask.astype(np.float32), size=length, axis=axis) >= 0.92
    return ndimage.maximum_filter1d(filled, size=length, axis=axis) & mask


def ink_level(gray: np.ndarray) -> int:
    """The grey level under which a pixel is ink: INK, or well under the paper's grey where a dark photocopy
    leaves the paper itself darker than that."""
    return min(INK, int(np.median(gray)) - PAPER_MARGIN)


def rules(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """Masks of horizontal and vertical rules (a skewed scan's rule steps a pixel now and then: each run is
    looked for in a band three pixels thick)."""
    ink = gray < ink_level(gray)
    across = ndimage.maximum_filter1d(ink, size=3, axis=0)
    down = ndimage.maximum_filter1d(ink, size=3, axis=1)
    return _runs(across, round(H_RULE_INCH * dpi), 1), _runs(down, round(V_RULE_INCH * dpi), 0)


def _halved(gray: np.ndarray) -> np.ndarray:
    """Half the resolution, each pixel the darkest of its four: a thin rule stays whole."""
    h, w = gray.shape[0] // 2 * 2, gray.shape[1] // 2 * 2
    g = gray[:h, :w]
    return np.minimum(np.minimum(g[0::2, 0::2], g[1::2, 0::2]), np.minimum(g[0::2, 1::2], g[1::2, 1::2]))


def find_cells(gray: np.ndarray, dpi: float) -> tuple[list[list[Cell]], np.ndarray | None]:
    """The cells of each ruled table on a page, as tables of cells, and the rules' pixels. Tables are looked
    for at half the resolution (four times faster; most pages have none), their cells at full resolution."""
    if dpi < 200:
        return _find_cells(gray, dpi)
    rough, _grid = _find_cells(_halved(gray), dpi / 2)
    tables: list[list[Cell]] = []
    grid = np.zeros(gray.shape, dtype=bool)
    pad = round(0.1 * dpi)
    for cells in rough:
        x0 = max(0, 2 * min(c.box[0] for c in cells) - pad)
        y0 = max(0, 2 * min(c.box[1] for c in cells) - pad)
        x1 = min(gray.shape[1], 2 * max(c.box[2] for c in cells) + pad)
        y1 = min(gray.shape[0], 2 * max(c.box[3] for c in cells) + pad)
        found, part = _find_cells(gray[y0:y1, x0:x1], dpi)
        if part is not None:
            grid[y0:y1, x0:x1] |= part
        tables += [[Cell((c.box[0] + x0, c.box[1] + y0, c.box[2] + x0, c.box[3] + y0)) for c in t] for t in found]
    return tables, grid if tables else None


def _find_cells(gray: np.ndarray, dpi: float) -> tuple[list[list[Cell]], np.ndarray | None]:
    horizontal, vertical = rules(gray, dpi)
    if not horizontal.any() or not vertical.any():
        return [], None
    grid = ndimage.binary_dilation(horizontal | vertical, iterations=2)
    labels, _count = ndimage.label(grid)
    tables = []
    for index, found in enumerate(ndimage.find_objects(labels), start=1):
        if found is None:
            continue
        ys, xs = found
        region = labels[ys, xs] == index
        if not (vertical[ys, xs] & region).any() or not (horizontal[ys, xs] & region).any():
            continue
        free, _n = ndimage.label(~region)
        cells = []
        for cy, cx in ndimage.find_objects(free):
            height, width = cy.stop - cy.start, cx.stop - cx.start
            if cy.start == 0 or cx.start == 0 or cy.stop == region.shape[0] or cx.stop == region.shape[1]:
                continue  # outside the table's frame
            if not (CELL_MIN_HEIGHT_INCH * dpi <= height <= CELL_MAX_HEIGHT_INCH * dpi
                    and width >= CELL_MIN_WIDTH_INCH * dpi):
                continue
            cells.append(Cell((xs.start + cx.start, ys.start + cy.start, xs.start + cx.stop, ys.start + cy.stop)))
        if len(cells) >= MIN_CELLS:
            tables.append(cells)
    return tables, grid


def _crop(gray: np.ndarray, cell: Cell, pad: int) -> tuple[np.ndarray, int, int] | None:
    """The cell's writing, trimmed to its ink with `pad` pixels around, and where that starts on the page."""
    x0, y0, x1, y1 = cell.box
    piece = gray[y0:y1, x0:x1]
    if piece.size == 0:
        return None
    ink = piece < ink_level(piece)
    if ink.mean() < 0.002:
        return None  # an empty cell
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    top, left = max(0, rows[0] - pad), max(0, cols[0] - pad)
    return piece[top:rows[-1] + 1 + pad, left:cols[-1] + 1 + pad], x0 + left, y0 + top


def otsu(pixels: np.ndarray) -> int:
    """The grey level that best splits `pixels` into ink and paper (Otsu: most variance between the two)."""
    counts = np.bincount(pixels.ravel(), minlength=256).astype(float)
    share = counts / counts.sum()
    below = np.cumsum(share)
    mean_below = np.cumsum(share * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_below[-1] * below - mean_below) ** 2 / (below * (1.0 - below))
    return int(np.nanargmax(between)) if np.isfinite(between).any() else INK


def _black_and_white(piece: np.ndarray) -> np.ndarray:
    return np.where(piece > otsu(piece), np.uint8(255), np.uint8(0))


def read_cells(gray: np.ndarray, cells: Sequence[Cell], lang: str, timeout: float,
               binary: bool = False) -> dict[Cell, list[Word]]:
    """Every non-empty cell read in one tesseract run (rules wiped), its words in page coordinates; with
    `binary`, each cell cut to black and white at its own threshold first."""
    cut = [(c, found) for c in cells if (found := _crop(gray, c, 6)) is not None]
    if not cut:
        return {}
    if binary:
        cut = [(c, (_black_and_white(piece), x, y)) for c, (piece, x, y) in cut]
        paper = 255
    else:
        paper = int(np.median(np.concatenate([piece.ravel() for _c, (piece, _x, _y) in cut])))
    words = read_pieces([found for _c, found in cut], paper, lang, timeout)
    return {c: w for (c, _found), w in zip(cut, words, strict=True)}


def _good(words: Sequence[Word]) -> int:
    return sum(1 for w in words if w.conf >= 0.6 and sum(ch.isalnum() for ch in w.text) >= 2)


def _score(words: Sequence[Word]) -> tuple[int, float]:
    """Words read well, then the confidence of all words that hold a letter or digit ('M. Out' read at 0.29
    outweighs an empty cell)."""
    return _good(words), sum(w.conf for w in words if any(ch.isalnum() for ch in w.text))


def _inside(word: Word, box: tuple[int, int, int, int]) -> bool:
    x, y = (word.box[0] + word.box[2]) / 2, (word.box[1] + word.box[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _rows(cells: dict[Cell, list[Word]]) -> list[list[Word]]:
    """One line per table row: cells whose middles are level, left to right."""
    rows: list[list[Cell]] = []
    for cell in sorted(cells, key=lambda c: (c.box[1] + c.box[3]) / 2):
        middle = (cell.box[1] + cell.box[3]) / 2
        if rows and abs(middle - (rows[-1][0].box[1] + rows[-1][0].box[3]) / 2) < \
                (rows[-1][0].box[3] - rows[-1][0].box[1]) / 2:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    return [[w for c in sorted(row, key=lambda c: c.box[0]) for w in cells[c]] for row in rows]


def skew(lines: Sequence[Sequence[Word]], default: float | None = 0.0) -> float | None:
    """The page's skew in degrees (positive: lines fall to the right), from the slope of the words' feet
    along lines of three words or more (the median of at least two such lines); `default` without them."""
    slopes = []
    for line in lines:
        if len(line) < 3:
            continue
        xs = np.array([(w.box[0] + w.box[2]) / 2 for w in line], dtype=float)
        ys = np.array([w.box[3] for w in line], dtype=float)
        if xs.max() - xs.min() < 200:
            continue
        slopes.append(np.polyfit(xs, ys, 1)[0])
    return float(np.degrees(np.arctan(np.median(slopes)))) if len(slopes) >= 2 else default


class Turn:
    """A level copy of a skewed page, and the way back from its pixels to the page's."""

    def __init__(self, gray: np.ndarray, degrees: float) -> None:
        self.degrees = degrees if abs(degrees) >= 0.3 else 0.0
        self.centre = (gray.shape[1] / 2, gray.shape[0] / 2)
        self.image = gray if not self.degrees else np.asarray(
            Image.fromarray(gray).rotate(self.degrees, resample=Image.BILINEAR, fillcolor=255))

    def back(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """A box on the level copy as a box on the page."""
        return self._map(box, -1.0)

    def forward(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """A box on the page as a box on the level copy."""
        return self._map(box, 1.0)

    def _map(self, box: tuple[float, float, float, float], sign: float) -> tuple[int, int, int, int]:
        if not self.degrees:
            return round(box[0]), round(box[1]), round(box[2]), round(box[3])
        a = np.radians(self.degrees)
        cx, cy = self.centre
        xs, ys = [], []
        for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
            dx, dy = x - cx, y - cy
            xs.append(cx + dx * np.cos(a) + sign * dy * np.sin(a))
            ys.append(cy - sign * dx * np.sin(a) + dy * np.cos(a))
        return round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))


def reread_tables(gray: np.ndarray, dpi: float, lines: list[list[Word]], lang: str,
                  timeout: float, degrees: float | None = None) -> list[list[Word]] | None:
    """The page's lines with each ruled table read cell by cell, one line per row, where a cell read alone
    reads more words well than the page did; None when the page has no such table. The page is levelled
    by `degrees`, else by the skew of `lines`."""
    changed = False
    turn = Turn(gray, skew(lines) if degrees is None else degrees)
    tables, grid = find_cells(turn.image, dpi)
    level = turn.image
    if grid is not None:  # the rules wiped to the paper's grey: cells hold only their writing
        level = np.where(grid, np.uint8(np.median(turn.image[~grid])), turn.image).astype(np.uint8)
    for cells in tables:
        own = [read_cells(level, cells, lang, timeout, binary) for binary in (False, True)]
        # each cell keeps the best of the page's reading of it and its own two: the page loses a cell's figure
        # ('Gemeente | Assen' read as 'Gemeente B'), a cell read alone may lose a word the page had
        read: dict[Cell, list[Word]] = {}
        better = False
        for cell in cells:
            box = turn.back(cell.box)
            page = [w for line in lines for w in line if _inside(w, box)]
            best = page
            for words in own:
                alone = [Word(w.text, turn.back(w.box), w.conf) for w in words.get(cell, [])]
                if _score(alone) > _score(best):
                    best = alone
            better |= best is not page
            read[Cell(box)] = best
        if not better:
            continue
        boxes = list(read)
        kept = [[w for w in line if not any(_inside(w, b.box) for b in boxes)] for line in lines]
        lines = [line for line in kept if line]
        for row in _rows(read):
            if not row:
                continue
            middle = sum((w.box[1] + w.box[3]) / 2 for w in row) / len(row)
            at = next((i for i, line in enumerate(lines)
                       if sum((w.box[1] + w.box[3]) / 2 for w in line) / len(line) > middle), len(lines))
            lines.insert(at, row)
        changed = True
    return lines if changed else None


def lines_of(text: str, words: Sequence[Word], spans: Sequence[tuple[int, int]]) -> list[list[Word]]:
    """The words of an OCR result grouped by the lines of its text."""
    lines: list[list[Word]] = []
    prev_end = -1
    for word, (start, end) in zip(words, spans, strict=True):
        if not lines or "\n" in text[prev_end:start]:
            lines.append([])
        lines[-1].append(word)
        prev_end = end
    return lines
