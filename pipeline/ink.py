"""Handwriting in a page image: pen strokes, told apart from print, rules, dotted lines, frames, stamps and logos.

Works on the page's colour image. Every threshold is in inches of the page (models/signature.yaml), so it
holds at any scan resolution. The result is a list of handwriting clusters with the reasons other ink was
set aside, so a reviewer can see why a mark did not count.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np
from PIL import Image
from scipy import ndimage
from scipy.spatial import ConvexHull, Delaunay, QhullError

from .lighting import darker_than_paper
from .rules import load_yaml
from .schema import BBox, Page, Word
from .table_cells import Cell, find_cells


@dataclass(frozen=True)
class InkSettings:
    min_contrast: float
    noise_factor: float
    mask_pad: float
    rule_length: float
    vertical_rule_length: float
    min_component: float
    dash_height: float
    frame_min_size: float
    frame_max_size: float
    form_box_min_width: float
    ring_bridge: float
    frame_hole_share: float
    frame_edge_share: float
    filled_thickness: float
    symmetric_iou: float
    symmetric_min_size: float
    stamp_saturation: float
    stamp_mean_saturation: float
    pen_hue: tuple[float, float]
    pen_hue_wide: tuple[float, float]
    cluster_gap: float
    min_width: float
    min_height_print: float
    min_height: float
    print_pieces_per_inch: float
    min_stroke_length: float
    min_direction_spread: float
    print_margin: float
    max_print_share: float
    frame_side_length: float


@cache
def ink_settings() -> InkSettings:
    data = dict(load_yaml("signature.yaml")["ink"])
    hues = ("pen_hue", "pen_hue_wide")
    return InkSettings(**{k: (tuple(float(x) for x in v) if k in hues else float(v)) for k, v in data.items()})


@dataclass(frozen=True)
class Stroke:
    """A cluster of handwriting-like ink, in page units."""

    box: BBox
    width: float  # inches
    height: float  # inches
    length: float  # inches of stroke (ink area / stroke width)
    spread: float  # entropy of stroke directions, 0..1
    centre: tuple[float, float] = (0.0, 0.0)  # centre of its ink, in page units


@dataclass(frozen=True)
class InkAnalysis:
    strokes: tuple[Stroke, ...]
    set_aside: dict[str, int]  # why other ink did not count: reason -> number of pieces
    cells: tuple[BBox, ...] = ()  # the cells of a ruled table in the area (a row per party), in page units

    def describe(self) -> str:
        names = {"frame": "kader/stempel", "rule": "lijn", "dots": "stippellijn", "colour": "gekleurde stempelinkt",
                 "filled": "logo/vlak", "emblem": "embleem", "print": "drukletters", "small": "te klein",
                 "straight": "rechte stukjes"}
        parts = [f"{names.get(k, k)} {v}×" for k, v in sorted(self.set_aside.items()) if v]
        return ", ".join(parts)


def printed_words(page: Page, min_conf: float = 0.5) -> list[Word]:
    """Words that are printed text: read with some confidence and of the page's usual text height.

    Tesseract also 'reads' a signature as words; those are taller than a line of print.
    """
    usual = print_height(page)
    return [w for w in page.words if w.conf >= min_conf and sum(c.isalnum() for c in w.text) >= 2
            and (w.box[3] - w.box[1]) <= 1.6 * usual]


def words_to_mask(page: Page) -> list[Word]:
    """Every word OCR found at the height of print, however unsure it was of the letters, and larger words it
    read with confidence (a heading, a bold label): their ink is print.

    A signature read as a 'word' is taller than print and read with little confidence: it stays.
    """
    usual = print_height(page)
    return [w for w in page.words if any(c.isalnum() for c in w.text) and (
        (w.box[3] - w.box[1]) <= 1.6 * usual or (w.conf >= 0.8 and (w.box[3] - w.box[1]) <= 3 * usual))]


BLANK_INK_SHARE = 0.0005  # a sheet with less of its area dark is blank: paper, specks of dust, a scanner's edge
BLANK_SIDE = 600  # pixels: the page is judged on a copy this size


def blank_sheet(image: Image.Image) -> bool:
    """Whether a page holds no print or writing at all (a batch scan's separator sheet), as against a page
    whose print was too faint or too spoilt to read: ink is what is clearly darker than the paper around it."""
    gray = image.convert("L")
    gray.thumbnail((BLANK_SIDE, BLANK_SIDE))
    return float(darker_than_paper(np.asarray(gray, dtype=np.float32), 9, 40).mean()) < BLANK_INK_SHARE


def print_height(page: Page) -> float:
    """The usual height of a printed word on the page, in page units."""
    heights = sorted(w.box[3] - w.box[1] for w in page.words if w.conf >= 0.5 and len(w.text) >= 2)
    return heights[len(heights) // 2] if heights else 0.12 * page.dpi


def _ink_mask(rgb: np.ndarray, settings: InkSettings) -> np.ndarray:
    darkest = rgb.min(axis=2).astype(np.float32)
    sample = darkest[::3, ::3]  # the paper's level and noise, from every ninth pixel
    paper = float(np.median(sample))
    noise = 1.4826 * float(np.median(np.abs(sample - paper)))
    # a photo's light falls off across the page (and the desk shows at its edges): that spread is no noise of
    # the paper. Pixels two apart differ by the paper's own noise only; where the spread is more than twice
    # that, the light made it, and a pen's stroke must not have to be darker than the shadows to count
    beside = darkest[::3, 2::3]
    near = beside[:, : sample.shape[1]] - sample[:, : beside.shape[1]]
    local = 1.4826 * float(np.median(np.abs(near))) / math.sqrt(2) if near.size else noise
    noise = min(noise, 2.0 * local)
    threshold = max(settings.min_contrast, settings.noise_factor * noise)
    return (paper - darkest) > threshold


def _hue(r: np.ndarray, g: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hue in degrees and chroma (max - min channel) of colours given channel by channel."""
    high = np.maximum(np.maximum(r, g), b)
    chroma = high - np.minimum(np.minimum(r, g), b)
    safe = np.maximum(chroma, 1)
    hue = np.where(high == r, 60 * (((g - b) / safe) % 6),
                   np.where(high == g, 60 * ((b - r) / safe + 2), 60 * ((r - g) / safe + 4)))
    return hue, chroma


def _against_paper(rgb: np.ndarray) -> np.ndarray:
    """The colours as they would be on white paper: each channel scaled by the paper's. A photo under a warm lamp
    tints paper and ink alike; black ink read on its own then looks brown. The paper is the median of the brighter
    half of the area, leaving out pure white (the corners a levelled photo was given) and the desk around it."""
    sample = rgb[::3, ::3].reshape(-1, 3)
    sample = sample[sample.min(axis=1) < 254]
    if len(sample) < 100:
        return rgb
    light = sample.sum(axis=1)
    paper = np.median(sample[light >= np.median(light)], axis=0).astype(np.float32)
    return np.clip(rgb * (max(paper.max(), 64.0) / np.maximum(paper, 64.0)), 0, 255).astype(np.int16)


def _stamp_pixels(rgb: np.ndarray, ink: np.ndarray, s: InkSettings, ppi: float) -> np.ndarray:
    """Ink pixels of a clear colour that is not pen blue (red, purple or green stamp ink), and the paler ink of
    that colour around them (a worn stamp, a poor scan)."""
    out = np.zeros(ink.shape, dtype=bool)
    pixels = rgb[ink].astype(np.float32)
    if not len(pixels):
        return out
    high = pixels.max(axis=1)
    hue, chroma = _hue(pixels[:, 0], pixels[:, 1], pixels[:, 2])
    stamp_hue = ~((hue >= s.pen_hue[0]) & (hue <= s.pen_hue[1]))
    saturated = chroma >= s.stamp_saturation * np.maximum(high, 1)
    strong = (chroma >= 60) & saturated & stamp_hue
    if not strong.any():
        return out
    out[ink] = strong
    pale = np.zeros(ink.shape, dtype=bool)
    pale[ink] = (chroma >= 30) & (chroma >= 0.6 * s.stamp_saturation * np.maximum(high, 1)) & stamp_hue
    return out | (pale & _grow(out, max(2, round(0.05 * ppi))))


def _runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels on a straight run of at least `length` pixels along `axis` (a morphological opening, fast)."""
    length |= 1  # odd: the filters are centred
    m = mask.view(np.uint8)
    return ndimage.maximum_filter1d(ndimage.minimum_filter1d(m, length, axis=axis), length, axis=axis).astype(bool)


def _grow(mask: np.ndarray, radius: int) -> np.ndarray:
    """The mask grown by `radius` pixels in a square (a fast dilation)."""
    m = mask.view(np.uint8)
    size = 2 * radius + 1
    return ndimage.maximum_filter1d(ndimage.maximum_filter1d(m, size, axis=0), size, axis=1).astype(bool)


def _direction_spread(mask: np.ndarray) -> float:
    """Entropy (0..1) of the directions of a shape's edges: a rule or box has one or two, a scribble many."""
    smooth = ndimage.gaussian_filter(mask.astype(np.float32), 1.2)
    gx, gy = ndimage.sobel(smooth, axis=1), ndimage.sobel(smooth, axis=0)
    magnitude = np.hypot(gx, gy)
    keep = magnitude > 0.1 * (magnitude.max() or 1.0)
    if keep.sum() < 8:
        return 0.0
    angles = (np.degrees(np.arctan2(gy[keep], gx[keep])) % 180.0)
    hist, _ = np.histogram(angles, bins=12, range=(0, 180), weights=magnitude[keep])
    p = hist / hist.sum()
    p = p[p > 0]
    return float(-(p * np.log(p)).sum() / np.log(12))


def _is_frame(comp: np.ndarray, ppi: float, s: InkSettings) -> bool:
    """A closed outline (stamp ring, box, frame): encloses much of its box and its ink lies on its hull."""
    h, w = comp.shape
    if min(h, w) < s.frame_min_size * ppi or comp.sum() > 0.4 * h * w:
        return False
    # small breaks (a rule crossing it was removed, a scan dropped a few pixels) do not open a frame
    reach = max(1, round(0.02 * ppi))
    closed = ndimage.binary_closing(np.pad(comp, reach), iterations=reach)[reach:-reach, reach:-reach]
    filled = ndimage.binary_fill_holes(closed)
    if (filled.sum() - closed.sum()) < s.frame_hole_share * h * w:
        return False
    ys, xs = np.nonzero(comp)
    points = np.column_stack([xs, ys]).astype(np.float64)
    if len(points) > 4000:
        points = points[:: len(points) // 4000 + 1]
    try:
        hull = ConvexHull(points)
    except (QhullError, ValueError):
        return False
    # distance of each ink pixel to the hull's boundary (equations: inside points give negative values)
    distance = -(points @ hull.equations[:, :2].T + hull.equations[:, 2]).max(axis=1)
    band = 0.04 * ppi + 0.06 * min(h, w)
    return float((distance <= band).mean()) >= s.frame_edge_share


def _is_ring(comp: np.ndarray, ppi: float, s: InkSettings) -> bool:
    """A round or oval stamp: ink all around its edge (even where a rule broke it or letters join its rings),
    which a signature never has. The ring is measured from its ink, not its box, so a stub of print or rule
    still attached does not move it."""
    ys, xs = np.nonzero(comp)
    if len(xs) < 16:
        return False
    cx, cy = float(np.median(xs)), float(np.median(ys))
    rx, ry = float(np.percentile(np.abs(xs - cx), 95)), float(np.percentile(np.abs(ys - cy), 95))
    if min(rx, ry) < s.frame_min_size * ppi or max(rx, ry) > 1.4 * min(rx, ry):
        return False
    radius = np.hypot((xs - cx) / rx, (ys - cy) / ry)
    outer = (radius >= 0.82) & (radius <= 1.2)
    if outer.mean() < 0.2:
        return False
    return _all_round(xs[outer], ys[outer], cx, cy)


def _all_round(xs: np.ndarray, ys: np.ndarray, cx: float, cy: float) -> bool:
    """Ink in three quarters of the 10-degree sectors around (cx, cy): a ring, however broken."""
    angles = (np.degrees(np.arctan2(ys - cy, xs - cx)) + 180) // 10
    return len(np.unique(angles)) >= 0.75 * 36


def _is_fitted_ring(mark: np.ndarray, ppi: float, s: InkSettings) -> bool:
    """A round stamp with print run into it (a line OCR did not read): a circle fitted to the ink, the ink
    farthest from it left out and the fit repeated, has most of the ink on it all the way round."""
    ys, xs = np.nonzero(mark)
    if len(xs) < 50:
        return False
    x, y = xs.astype(float), ys.astype(float)
    keep = np.ones(len(x), dtype=bool)
    for _ in range(4):
        a = np.column_stack([x[keep], y[keep], np.ones(int(keep.sum()))])
        d, e, f = np.linalg.lstsq(a, -(x[keep] ** 2 + y[keep] ** 2), rcond=None)[0]
        cx, cy = -d / 2, -e / 2
        radius = float(np.sqrt(max(cx * cx + cy * cy - f, 0.0)))
        off = np.abs(np.hypot(x - cx, y - cy) - radius)
        keep = off <= np.percentile(off[keep], 70)
    if radius < s.frame_min_size * ppi:
        return False
    on = off <= max(0.08 * radius, 0.02 * ppi)
    return bool(on.mean() >= 0.4) and _all_round(x[on], y[on], cx, cy)


def _is_emblem(comp: np.ndarray, ppi: float, s: InkSettings) -> bool:
    """A compact drawn shape that mirrors onto itself (crest, ring, logo): handwriting never does."""
    h, w = comp.shape
    if min(h, w) < s.symmetric_min_size * ppi or max(h, w) > 3 * min(h, w):
        return False
    grown = ndimage.binary_dilation(comp, iterations=max(1, round(0.01 * ppi)))
    mirrored = grown[:, ::-1]
    union = np.logical_or(grown, mirrored).sum()
    return union > 0 and np.logical_and(grown, mirrored).sum() / union >= s.symmetric_iou


def _frame_lines(mark: np.ndarray, ppi: float, min_length: float) -> np.ndarray | None:
    """The pixels of a stamp frame's sides in a mark, or None when it has no frame.

    Sides are unbroken straight lines at least `min_length` inches long at any angle (a Hough vote, then a
    check that the line runs on and fills its strip): two opposite sides, one of them twice that long, and a
    side square to them make a turned or broken frame; an underline and a pen's straight downstroke do not.
    """
    ys_all, xs_all = np.nonzero(mark)
    if len(xs_all) < 20:
        return None
    step = max(1, len(xs_all) // 5000)
    xs, ys = xs_all[::step].astype(np.float32), ys_all[::step].astype(np.float32)
    length_px, gap_px, width = min_length * ppi, 0.04 * ppi + step, 3.0
    lines: list[tuple[float, float, float, float, float]] = []  # degrees, rho, start, end, extent
    for theta in np.deg2rad(np.arange(0.0, 180.0, 2.0)):
        c, s_ = float(np.cos(theta)), float(np.sin(theta))
        rho = xs * c + ys * s_
        bins = np.round(rho / width).astype(np.int64)
        bins -= bins.min()
        counts = np.bincount(bins)
        candidates = np.nonzero(counts >= 0.5 * length_px / step)[0]
        if not len(candidates):
            continue
        idx = np.nonzero(np.isin(bins, candidates))[0]
        along = -xs[idx] * s_ + ys[idx] * c
        order = np.lexsort((along, bins[idx]))
        idx, along, line = idx[order], along[order], bins[idx][order]
        new_run = np.r_[True, (line[1:] != line[:-1]) | (np.diff(along) > gap_px)]
        starts = np.nonzero(new_run)[0]
        low, high = np.minimum.reduceat(along, starts), np.maximum.reduceat(along, starts)
        filled = np.diff(np.r_[starts, len(along)])  # a ruled line fills its strip; crossing strokes do not
        for k in np.nonzero((high - low >= length_px) & (filled >= 1.5 * (high - low) / step))[0]:
            lines.append((float(np.degrees(theta)), float(rho[idx[starts[k]]]), float(low[k]), float(high[k]),
                          float(high[k] - low[k])))
    if not _is_box(lines, length_px, 0.25 * ppi):
        return None
    on_line = np.zeros(len(xs_all), dtype=bool)
    fx, fy = xs_all.astype(np.float32), ys_all.astype(np.float32)
    for degrees, rho0, low, high, _ in lines:
        c, s_ = np.cos(np.radians(degrees)), np.sin(np.radians(degrees))
        along = -fx * s_ + fy * c
        on_line |= (np.abs(fx * c + fy * s_ - rho0) <= 1.5 * width) & (along >= low - gap_px) & (along <= high + gap_px)
    out = np.zeros_like(mark)
    out[ys_all[on_line], xs_all[on_line]] = True
    return out


def _is_box(lines: list[tuple[float, float, float, float, float]], length_px: float, apart_px: float) -> bool:
    """Three sides of a rectangle: a long side (twice the minimum length) and either its opposite side and one
    square to it, or two sides square to it facing each other. Square means 90 degrees within 8: a pen's
    slanted downstrokes are not."""

    def parallel(a: tuple, b: tuple) -> bool:
        return abs(a[0] - b[0]) <= 4 or abs(a[0] - b[0]) >= 176

    def apart(a: tuple, b: tuple) -> bool:
        return abs(a[1] - b[1]) >= apart_px

    for a in lines:
        if a[4] < 2 * length_px:
            continue
        opposite = [b for b in lines if b is not a and parallel(a, b) and apart(a, b) and b[4] >= 2 * length_px]
        square = [b for b in lines if 82 <= abs(a[0] - b[0]) <= 98]
        if opposite and square:
            return True
        if any(parallel(b, c) and apart(b, c) for b in square for c in square if b is not c):
            return True
    return False


def _inside(frame: np.ndarray) -> np.ndarray:
    """The pixels within a frame's outline (its convex hull): what a stamp holds."""
    ys, xs = np.nonzero(frame)
    out = np.zeros_like(frame)
    try:
        hull = Delaunay(np.column_stack([xs, ys])[ConvexHull(np.column_stack([xs, ys])).vertices])
    except (QhullError, ValueError):
        return out
    gy, gx = np.mgrid[0:frame.shape[0], 0:frame.shape[1]]
    out[:] = (hull.find_simplex(np.column_stack([gx.ravel(), gy.ravel()])) >= 0).reshape(frame.shape)
    return out


def _minor_extent(xs: np.ndarray, ys: np.ndarray) -> float:
    """Extent in pixels across a mark's main direction: a line of print stays thin however skewed."""
    if len(xs) < 3:
        return 0.0
    coords = np.column_stack([xs, ys]).astype(np.float64)
    coords -= coords.mean(axis=0)
    _values, vectors = np.linalg.eigh(np.cov(coords.T))
    projected = coords @ vectors[:, 0]
    return float(np.percentile(projected, 98) - np.percentile(projected, 2))


def _stroke_width(comp: np.ndarray) -> float:
    """Typical stroke width in pixels: twice the mean distance of ink pixels to the paper."""
    inside = ndimage.distance_transform_edt(np.pad(comp, 1))[1:-1, 1:-1]
    return max(1.0, 2.0 * float(inside[comp].mean()))


def _ink_within(mask: np.ndarray, reach: int, direction: int) -> np.ndarray:
    """Pixels with ink at most `reach` pixels above (direction -1) or below (+1) them in their column."""
    out = np.zeros_like(mask)
    for k in range(1, reach + 1):
        if direction < 0:
            out[k:] |= mask[:-k]
        else:
            out[:-k] |= mask[k:]
    return out


def _thickness(comp: np.ndarray) -> float:
    inside = ndimage.distance_transform_edt(np.pad(comp, 1))[1:-1, 1:-1]
    return 2.0 * float(np.percentile(inside[comp], 95))


def _frames(ink: np.ndarray, ppi: float, s: InkSettings,
            bridge: int = 0) -> list[tuple[tuple[slice, slice], np.ndarray]]:
    """The boxes of closed outlines and stamp rings in the ink, each with its own pixels. `bridge`: pixels of gap
    between pieces that still make one ring (a ring cut where masked print touched it)."""
    labels, _ = ndimage.label(_grow(ink, bridge) if bridge else ink, structure=np.ones((3, 3)))
    found = []
    for index, sl in enumerate(ndimage.find_objects(labels), start=1):
        if sl is not None:
            if max(sl[0].stop - sl[0].start, sl[1].stop - sl[1].start) > s.frame_max_size * ppi:
                continue  # the edge of the paper in a photo, a page border: no stamp is this big
            comp = (labels[sl] == index) & ink[sl]
            if _is_ring(comp, ppi, s) or (not bridge and _is_frame(comp, ppi, s)):
                found.append((sl, comp))
    return found


Points = tuple[tuple[int, int], ...]


def _around(sl: tuple[slice, slice], points: Points) -> bool:
    return any(sl[0].start <= y < sl[0].stop and sl[1].start <= x < sl[1].stop for y, x in points)


def _clear_frames(ink: np.ndarray, look_in: np.ndarray, ppi: float, s: InkSettings,
                  set_aside: Counter[str], bridge: int = 0, open_at: Points = (), form_at: Points = ()) -> None:
    """The frames and stamp rings found in `look_in` go from `ink` with everything inside their box; a frame
    around one of the points `open_at` (an e-signature's printed stamp), or as wide as a form's box around one
    of the points `form_at` (a party's block heading: 'Namens de gemeente X' over 'Naam:', 'Handtekening:'),
    goes alone, what it holds stays."""
    form_width = s.form_box_min_width * ppi
    for sl, comp in _frames(look_in, ppi, s, bridge):
        if _around(sl, open_at) or (sl[1].stop - sl[1].start >= form_width and _around(sl, form_at)):
            ink[sl] &= ~comp
        else:
            ink[sl] = False
        set_aside["frame"] += 1


def _remove_frames(ink: np.ndarray, ppi: float, s: InkSettings, set_aside: Counter[str],
                   open_at: Points = (), form_at: Points = ()) -> None:
    """Closed outlines and stamp rings go with everything inside their box; symmetric emblems go themselves."""
    _clear_frames(ink, ink, ppi, s, set_aside, open_at=open_at, form_at=form_at)
    labels, _ = ndimage.label(ink, structure=np.ones((3, 3)))
    for index, sl in enumerate(ndimage.find_objects(labels), start=1):
        if sl is not None and _is_emblem(comp := labels[sl] == index, ppi, s):
            ink[sl][comp] = False
            set_aside["emblem"] += 1


def _without_rules(ink: np.ndarray, rules: np.ndarray, ppi: float) -> np.ndarray:
    """The ink without its straight rules, but a stroke crossing a rule stays whole: rule pixels with ink right
    above and below come back."""
    removed = _grow(rules, 1)
    rest = ink & ~removed
    reach = max(2, round(0.02 * ppi))
    return rest | (removed & _ink_within(rest, reach, -1) & _ink_within(rest, reach, 1))


def _table_rules(grid: np.ndarray, tables: list[list[Cell]]) -> np.ndarray:
    """The rules that make up the tables: pieces of the rule mask that span half a table's width or height.
    A signature's steep stroke or its underline is a straight run too, but a short one on its own."""
    labels, _count = ndimage.label(grid, structure=np.ones((3, 3)))
    keep = np.zeros_like(grid)
    boxes = [(min(c.box[0] for c in t), min(c.box[1] for c in t), max(c.box[2] for c in t), max(c.box[3] for c in t))
             for t in tables]
    for index, sl in enumerate(ndimage.find_objects(labels), start=1):
        if sl is None:
            continue
        y0, y1, x0, x1 = sl[0].start, sl[0].stop, sl[1].start, sl[1].stop
        if any(x0 < bx1 and bx0 < x1 and y0 < by1 and by0 < y1
               and (x1 - x0 >= 0.5 * (bx1 - bx0) or y1 - y0 >= 0.5 * (by1 - by0))
               for bx0, by0, bx1, by1 in boxes):
            keep[sl] |= labels[sl] == index
    return keep


def find_handwriting(image: Image.Image, page: Page, area: BBox, exclude: list[BBox] | None = None,
                     settings: InkSettings | None = None, stamped_signing: list[BBox] | None = None,
                     headings: list[BBox] | None = None) -> InkAnalysis:
    """Handwriting clusters within `area` (page units) of the page image.

    `exclude`: boxes (page units) whose ink never counts, such as paraaf boxes found by their label.
    `stamped_signing`: boxes (page units) of an e-signature's printed stamp ('Digitaal ondertekend door ...'): the
    frame around it is the signing service's, and the signature image it holds is ink like any other.
    `headings`: boxes (page units) of the parties' block headings: a form's box around one is no stamp.
    """
    s = settings or ink_settings()
    scale = image.width / page.width if page.width else 1.0
    ppi = page.dpi * scale  # image pixels per inch
    x0, y0 = max(0, round(area[0] * scale)), max(0, round(area[1] * scale))
    x1, y1 = min(image.width, round(area[2] * scale)), min(image.height, round(area[3] * scale))
    set_aside: Counter[str] = Counter()
    if x1 - x0 < 10 or y1 - y0 < 10:
        return InkAnalysis((), {})
    rgb = np.asarray(image.crop((x0, y0, x1, y1)).convert("RGB"), dtype=np.int16)
    ink = _ink_mask(rgb, s)
    colour = _against_paper(rgb)
    stamp = _stamp_pixels(colour, ink, s, ppi)
    if stamp.any():
        set_aside["colour"] += 1
        ink &= ~_grow(stamp, max(2, round(0.015 * ppi)))  # with the paler fringe a scan leaves around it
    # 0. a ruled table's grid ('Partij | Naam | Datum | Handtekening'): its rules go, so its cells, each a closed
    #    box, are no frames to clear with the signature inside them
    cells: list[BBox] = []
    gray = rgb.min(axis=2).astype(np.uint8)
    tables, grid = find_cells(np.where(ink, gray, np.uint8(255)), ppi)
    if grid is not None:
        ink &= ~_table_rules(grid, tables)
        set_aside["rule"] += len(tables)
        cells = [((x0 + c.box[0]) / scale, (y0 + c.box[1]) / scale, (x0 + c.box[2]) / scale,
                  (y0 + c.box[3]) / scale) for table in tables for c in table]
    # 1. closed outlines (stamps, paraaf boxes, frames) go with everything inside them, symmetric emblems too;
    #    looked for before print is masked (a name printed across a stamp's frame would break it open) and
    #    again once rules are gone (a signature line touching a stamp hides its outline)
    def centres(boxes: list[BBox] | None) -> Points:
        return tuple((round((b[1] + b[3]) / 2 * scale) - y0, round((b[0] + b[2]) / 2 * scale) - x0)
                     for b in boxes or [])

    open_at, form_at = centres(stamped_signing), centres(headings)
    _remove_frames(ink, ppi, s, set_aside, open_at, form_at)
    # a signature line through a stamp joins them: look again without long rules (a ring's own top and bottom
    # are shorter straight runs than these, so it stays whole), where a frame's sides cross the line keeping
    # the crossing (a box stamp pressed on the line is cut in two by the line's removal otherwise)
    long_len = max(3, round(2.4 * s.rule_length * ppi))
    _clear_frames(ink, _without_rules(ink, _runs(ink, long_len, axis=1) | _runs(ink, long_len, axis=0), ppi),
                  ppi, s, set_aside, open_at=open_at, form_at=form_at)
    def in_crop(box: BBox, pad: float = 0.0) -> tuple[slice, slice]:
        bx0, by0, bx1, by1 = (v * scale for v in box)
        return (slice(max(0, round(by0 - y0 - pad)), max(0, round(by1 - y0 + pad))),
                slice(max(0, round(bx0 - x0 - pad)), max(0, round(bx1 - x0 + pad))))

    near_print = np.zeros_like(ink)
    for w in words_to_mask(page):
        near_print[in_crop(w.box, s.print_margin * ppi)] = True
        ink[in_crop(w.box, s.mask_pad * ppi)] = False
    for box in exclude or []:
        ink[in_crop(box)] = False

    # 2. straight printed rules: long horizontal (and vertical) runs of ink
    h_len, v_len = max(3, round(s.rule_length * ppi)), max(3, round(s.vertical_rule_length * ppi))
    rules = _runs(ink, h_len, axis=1) | _runs(ink, v_len, axis=0)
    if rules.any():
        set_aside["rule"] += int(ndimage.label(rules)[1])
        ink[:] = _without_rules(ink, rules, ppi)
        _clear_frames(ink, ink, ppi, s, set_aside, open_at=open_at, form_at=form_at)
    # a ring that print ran into is free of it now, though cut where the print was masked: its pieces together
    _clear_frames(ink, ink, ppi, s, set_aside, bridge=max(2, round(s.ring_bridge * ppi)), open_at=open_at,
                  form_at=form_at)

    # 3. each remaining piece: noise, dots, stamp colour, filled shapes, axis-aligned fragments
    keep = np.zeros_like(ink)
    labels, _ = ndimage.label(ink, structure=np.ones((3, 3)))
    min_pixels = s.min_component * ppi * ppi
    for index, sl in enumerate(ndimage.find_objects(labels), start=1):
        if sl is None:
            continue
        comp = labels[sl] == index
        pixels = int(comp.sum())
        h, w = comp.shape
        if pixels < min_pixels:
            set_aside["small"] += 1
            continue
        if h < s.dash_height * ppi:
            set_aside["dots"] += 1
            continue
        mean = colour[sl][comp].mean(axis=0)
        hue, chroma = (float(v) for v in _hue(*mean))
        saturation = chroma / mean.max() if mean.max() > 0 and chroma >= 1 else 0.0
        if (saturation >= s.stamp_saturation and not s.pen_hue[0] <= hue <= s.pen_hue[1]) or (
                saturation >= s.stamp_mean_saturation and not s.pen_hue_wide[0] <= hue <= s.pen_hue_wide[1]):
            set_aside["colour"] += 1
            continue
        if _thickness(comp) >= s.filled_thickness * ppi:
            set_aside["filled"] += 1
            continue
        keep[sl] |= comp

    # 4. pieces close together are one mark; a mark is handwriting when it is big, tall and varied enough
    gap = max(1, round(s.cluster_gap * ppi / 2))
    grouped, _ = ndimage.label(_grow(keep, gap), structure=np.ones((3, 3)))
    strokes = []
    print_in = print_height(page) / page.dpi
    for index, sl in enumerate(ndimage.find_objects(grouped), start=1):
        if sl is None:
            continue
        mark = keep[sl] & (grouped[sl] == index)
        frame = _frame_lines(mark, ppi, s.frame_side_length)
        if frame is not None:  # a turned or broken stamp frame: its sides go, a signature across it stays
            set_aside["frame"] += 1
            mark &= ~_grow(frame, max(1, round(0.01 * ppi))) & ~_inside(frame)  # its sides and its letters
        if not mark.any():
            continue
        if _is_fitted_ring(mark, ppi, s):
            set_aside["frame"] += 1
            continue
        ys, xs = np.nonzero(mark)
        width_in = (xs.max() - xs.min() + 1) / ppi
        height_in = (ys.max() - ys.min() + 1) / ppi
        length_in = mark.sum() / _stroke_width(mark) / ppi
        if near_print[sl][mark].mean() >= s.max_print_share:
            set_aside["print"] += 1  # what masking left of printed words (a blurred or bold line)
            continue
        pieces = int(ndimage.label(mark, structure=np.ones((3, 3)))[1])
        thickness_in = _minor_extent(xs, ys) / ppi
        if min(height_in, thickness_in) < max(s.min_height, s.min_height_print * print_in) or (
                pieces / max(width_in, 0.05) >= s.print_pieces_per_inch and thickness_in < 2.2 * print_in):
            # no taller than a line of print, even on a skewed scan, or many letter-sized pieces in a row:
            # print that OCR did not read (a bold title, a stamp's text), or a stray mark
            set_aside["print"] += 1
            continue
        if width_in < s.min_width or height_in < s.min_height or length_in < s.min_stroke_length:
            set_aside["small"] += 1
            continue
        spread = _direction_spread(mark)
        if spread < s.min_direction_spread:
            set_aside["straight"] += 1
            continue
        bx0, by0 = x0 + sl[1].start + xs.min(), y0 + sl[0].start + ys.min()
        bx1, by1 = x0 + sl[1].start + xs.max() + 1, y0 + sl[0].start + ys.max() + 1
        centre = (float((x0 + sl[1].start + xs.mean()) / scale), float((y0 + sl[0].start + ys.mean()) / scale))
        strokes.append(Stroke((float(bx0 / scale), float(by0 / scale), float(bx1 / scale), float(by1 / scale)),
                              round(float(width_in), 3), round(float(height_in), 3), round(float(length_in), 3),
                              round(spread, 3), centre))
    return InkAnalysis(tuple(strokes), dict(set_aside), tuple(cells))
