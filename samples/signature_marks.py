"""Drawing primitives for the signature corpus: handwriting, initials, received-stamps, municipal emblems, rules.

Everything draws on a reportlab canvas in PDF points and takes a `random.Random`, so the same seed gives the
same marks. Handwriting is built from pen strokes: key points of letter-like shapes joined by a Catmull-Rom
spline, slanted, fitted into a box and drawn in short segments whose width follows the pen pressure.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

RGB = tuple[float, float, float]

INKS: dict[str, RGB] = {
    "dark_blue": (0.06, 0.10, 0.40),
    "black": (0.07, 0.07, 0.09),
    "blue": (0.10, 0.24, 0.80),
    "light_blue": (0.36, 0.52, 0.88),
    "light_grey": (0.46, 0.47, 0.52),
}

STAMP_INKS: dict[str, RGB] = {
    "red": (0.80, 0.10, 0.14),
    "purple": (0.42, 0.16, 0.62),
    "black": (0.12, 0.12, 0.14),
}

# Lower-case letter shapes: (advance, key points) in x-height units, baseline at y = 0.
LETTERS: dict[str, tuple[float, list[tuple[float, float]]]] = {
    "e": (0.75, [(0.0, 0.15), (0.55, 0.55), (0.45, 0.95), (0.15, 0.7), (0.22, 0.05), (0.75, 0.2)]),
    "l": (0.65, [(0.0, 0.2), (0.5, 1.6), (0.45, 2.4), (0.18, 2.0), (0.22, 0.08), (0.65, 0.25)]),
    "h": (1.05, [(0.0, 0.2), (0.5, 1.8), (0.4, 2.4), (0.15, 1.9), (0.2, 0.0), (0.45, 0.8), (0.78, 0.9),
                 (0.82, 0.05), (1.05, 0.25)]),
    "n": (1.0, [(0.0, 0.05), (0.15, 0.85), (0.35, 0.95), (0.45, 0.05), (0.6, 0.85), (0.85, 0.9), (0.9, 0.05),
                (1.0, 0.2)]),
    "m": (1.35, [(0.0, 0.05), (0.12, 0.85), (0.3, 0.95), (0.38, 0.05), (0.5, 0.85), (0.7, 0.95), (0.78, 0.05),
                 (0.9, 0.85), (1.15, 0.9), (1.2, 0.05), (1.35, 0.2)]),
    "o": (0.8, [(0.0, 0.3), (0.45, 0.95), (0.12, 0.75), (0.22, 0.05), (0.6, 0.35), (0.45, 0.95), (0.8, 0.85)]),
    "a": (0.9, [(0.6, 0.8), (0.2, 0.9), (0.05, 0.3), (0.35, 0.05), (0.65, 0.85), (0.65, 0.2), (0.9, 0.15)]),
    "g": (0.9, [(0.6, 0.85), (0.2, 0.85), (0.1, 0.35), (0.55, 0.4), (0.6, 0.9), (0.55, -0.9), (0.25, -1.3),
                (0.1, -0.9), (0.5, -0.2), (0.95, 0.2)]),
    "i": (0.45, [(0.0, 0.1), (0.2, 0.9), (0.25, 0.05), (0.45, 0.2)]),
    "r": (0.75, [(0.0, 0.1), (0.2, 0.9), (0.35, 0.72), (0.55, 0.95), (0.55, 0.05), (0.75, 0.2)]),
    "s": (0.7, [(0.0, 0.1), (0.35, 0.95), (0.15, 0.6), (0.55, 0.35), (0.3, 0.0), (0.05, 0.12), (0.7, 0.2)]),
    "t": (0.6, [(0.0, 0.1), (0.3, 1.9), (0.25, 0.1), (0.6, 0.25)]),
    "u": (0.9, [(0.0, 0.9), (0.1, 0.1), (0.4, 0.1), (0.5, 0.9), (0.55, 0.1), (0.9, 0.25)]),
    "d": (1.0, [(0.6, 0.8), (0.2, 0.9), (0.05, 0.3), (0.35, 0.05), (0.7, 0.9), (0.8, 2.3), (0.7, 0.1),
                (1.0, 0.2)]),
    "k": (0.95, [(0.0, 0.2), (0.45, 1.8), (0.35, 2.4), (0.15, 1.9), (0.2, 0.0), (0.35, 0.7), (0.75, 0.9),
                 (0.45, 0.45), (0.9, 0.0)]),
    "v": (0.8, [(0.0, 0.85), (0.3, 0.0), (0.55, 0.9), (0.8, 0.85)]),
    "j": (0.6, [(0.0, 0.1), (0.3, 0.9), (0.3, -1.0), (0.05, -1.2), (0.15, -0.5), (0.6, 0.2)]),
}
LETTER_WEIGHTS = {"e": 6, "n": 5, "a": 4, "r": 4, "o": 3, "i": 3, "l": 3, "s": 2, "t": 2, "u": 2, "d": 2, "h": 2,
                  "m": 2, "k": 1, "g": 1, "v": 1, "j": 1}

# Capitals: one or more pen strokes, height about 2.5-3.2 x-heights.
CAPITALS: dict[str, tuple[float, list[list[tuple[float, float]]]]] = {
    "loop": (1.5, [[(0.0, 0.0), (0.6, 2.8), (0.9, 3.2), (0.5, 2.6), (0.2, 0.5), (0.8, 0.6), (1.3, 1.6),
                    (1.0, 2.2), (0.6, 1.0), (1.5, 0.4)]]),
    "M": (1.6, [[(0.0, 0.0), (0.3, 2.8), (0.6, 0.6), (0.95, 2.9), (1.2, 0.2), (1.6, 0.4)]]),
    "C": (1.4, [[(1.5, 2.5), (1.0, 3.0), (0.3, 2.4), (0.1, 1.0), (0.6, 0.0), (1.4, 0.5)]]),
    "R": (1.4, [[(0.2, 0.0), (0.35, 3.0), (1.2, 2.7), (0.95, 1.8), (0.3, 1.6), (1.0, 0.6), (1.4, 0.1)]]),
    "S": (1.3, [[(1.3, 2.7), (0.7, 3.0), (0.3, 2.4), (1.0, 1.4), (0.9, 0.3), (0.2, 0.1), (0.1, 0.6),
                 (1.3, 0.4)]]),
    "H": (1.7, [[(0.2, 3.0), (0.1, 0.0)], [(1.3, 3.1), (1.2, 0.0), (1.7, 0.3)], [(-0.1, 1.4), (1.5, 1.7)]]),
    "A": (1.6, [[(0.0, 0.0), (0.75, 3.0), (1.3, 0.1), (1.6, 0.3)], [(0.2, 1.2), (1.3, 1.4)]]),
    "J": (1.2, [[(0.3, 2.9), (1.3, 3.0)], [(0.9, 3.0), (0.8, -0.6), (0.3, -0.9), (0.0, -0.4)]]),
    "V": (1.5, [[(0.0, 2.9), (0.5, 0.0), (1.1, 3.0), (1.5, 2.6)]]),
    "W": (2.0, [[(0.0, 2.9), (0.35, 0.0), (0.9, 2.3), (1.35, 0.0), (1.9, 3.0)]]),
    "E": (1.3, [[(1.2, 2.8), (0.4, 3.0), (0.6, 1.6), (0.1, 1.2), (0.2, 0.1), (1.3, 0.4)]]),
    "P": (1.3, [[(0.3, 0.0), (0.35, 3.0), (1.2, 2.8), (1.1, 1.8), (0.3, 1.6)]]),
}

SIGNATURE_STYLES = ("cursive", "initial_flourish", "zigzag", "loops")


@dataclass
class Stroke:
    """One pen stroke: points in PDF points and the line width at each point."""

    points: np.ndarray  # (n, 2)
    widths: np.ndarray  # (n,)


def _spline(points: list[tuple[float, float]], samples: int = 10) -> np.ndarray:
    """Catmull-Rom spline through the points."""
    p = np.asarray(points, dtype=float)
    if len(p) < 2:
        return p
    p = np.vstack([p[0], p, p[-1]])
    t = np.linspace(0, 1, samples, endpoint=False)[:, None]
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3))
    out.append(p[-2][None])
    return np.vstack(out)


def _jitter(points: list[tuple[float, float]], rng: random.Random, amount: float, dx: float = 0.0,
            sx: float = 1.0, sy: float = 1.0) -> list[tuple[float, float]]:
    return [(dx + x * sx + rng.uniform(-amount, amount), y * sy + rng.uniform(-amount, amount)) for x, y in points]


def _word(rng: random.Random, x: float, letters: int, sloppy: float) -> tuple[list[tuple[float, float]], float]:
    pts: list[tuple[float, float]] = []
    names = list(LETTER_WEIGHTS)
    weights = list(LETTER_WEIGHTS.values())
    for _ in range(letters):
        advance, shape = LETTERS[rng.choices(names, weights)[0]]
        squeeze = rng.uniform(0.65, 1.15)
        pts += _jitter(shape, rng, 0.06 + sloppy * 0.2, dx=x, sx=squeeze, sy=rng.uniform(0.75, 1.2))
        x += advance * squeeze
    return pts, x


def _capital(rng: random.Random, x: float, sloppy: float) -> tuple[list[list[tuple[float, float]]], float]:
    advance, strokes = CAPITALS[rng.choice(list(CAPITALS))]
    scale = rng.uniform(0.8, 1.15)
    return [_jitter(s, rng, 0.1 + sloppy * 0.25, dx=x, sx=scale, sy=scale * rng.uniform(0.85, 1.15))
            for s in strokes], x + advance * scale


def _flourish(rng: random.Random, x: float, y: float) -> list[tuple[float, float]]:
    length = rng.uniform(2.5, 6.0)
    kind = rng.randrange(3)
    if kind == 0:  # long wave fading to the right
        n = rng.randint(3, 5)
        return [(x + length * i / n, y + rng.uniform(0.8, 2.0) * (1 - i / n) * (1 if i % 2 else -0.4))
                for i in range(n + 1)]
    if kind == 1:  # sweep up, then back under the name
        return [(x, y), (x + length * 0.6, y + rng.uniform(1.5, 2.6)), (x + length, y + 0.6),
                (x + length * 0.5, y - rng.uniform(0.6, 1.0)), (x - length * rng.uniform(0.8, 1.6), y - 0.9)]
    return [(x, y), (x + 0.6, y + 1.8), (x + 0.2, y + 2.2), (x + 0.4, y + 0.6), (x + length, y - 0.3)]


def _underline(rng: random.Random, x0: float, x1: float) -> list[tuple[float, float]]:
    y = -rng.uniform(0.4, 1.0)
    pts = [(x0 - rng.uniform(0, 0.6), y + rng.uniform(-0.2, 0.3)), ((x0 + x1) / 2, y + rng.uniform(-0.4, 0.2)),
           (x1 + rng.uniform(0, 1.0), y + rng.uniform(-0.1, 0.5))]
    if rng.random() < 0.4:  # a hook back at the end
        pts.append((x1 - rng.uniform(0.3, 1.2), y + rng.uniform(0.3, 0.9)))
    return pts


def signature_paths(rng: random.Random, style: str | None = None) -> list[np.ndarray]:
    """The pen strokes of one signature in x-height units (unscaled, unslanted)."""
    style = style or rng.choice(SIGNATURE_STYLES)
    sloppy = rng.uniform(0.0, 0.6)
    strokes: list[list[tuple[float, float]]] = []
    caps, x = _capital(rng, 0.0, sloppy)
    sharp: list[bool] = [False] * len(caps)
    strokes += caps
    if style == "cursive":
        words = 1 if rng.random() < 0.6 else 2
        for w in range(words):
            x += rng.uniform(-0.4, 0.1) if w == 0 else rng.uniform(0.4, 1.0)
            if w == 1:
                more, x = _capital(rng, x, sloppy)
                strokes += more
                sharp += [False] * len(more)
            pts, x = _word(rng, x, rng.randint(3, 7), sloppy)
            if w == 0 and rng.random() < 0.5:  # the capital runs into the word
                pts = [strokes[-1][-1], *pts]
            strokes.append(pts)
            sharp.append(False)
        if rng.random() < 0.35:
            strokes[-1] += _flourish(rng, x, 0.2)
    elif style == "initial_flourish":
        pts, x = _word(rng, x + rng.uniform(-0.3, 0.2), rng.randint(0, 2), sloppy)
        tail = _flourish(rng, x, 0.3)
        strokes.append([*pts, *tail] if pts else [strokes[-1][-1], *tail])
        sharp.append(False)
        x = max(x, max(p[0] for p in tail))
    elif style == "zigzag":
        n = rng.randint(5, 12)
        step = rng.uniform(0.3, 0.6)
        pts = [(x, 0.3)]
        for i in range(n):
            top = rng.uniform(0.6, 2.0) * (1 - 0.5 * i / n)
            pts += [(x + step * (i + 0.5), top), (x + step * (i + 1), rng.uniform(-0.2, 0.3))]
        x += step * n
        pts.append((x + rng.uniform(0.5, 2.0), rng.uniform(-0.2, 0.8)))
        strokes.append(pts)
        sharp.append(True)
    else:  # loops: a coil of loops of changing height
        n = rng.randint(4, 9)
        pts = []
        for _ in range(n):
            h = rng.choice([1.0, 1.0, 1.6, 2.3])
            pts += [(x + 0.1, 0.1), (x + 0.55, h), (x + 0.25, h * 1.1), (x + 0.3, 0.05)]
            x += rng.uniform(0.45, 0.7)
        strokes.append(pts)
        sharp.append(False)
    xmin = min(p[0] for s in strokes for p in s)
    if rng.random() < 0.5:
        strokes.append(_underline(rng, xmin, x))
        sharp.append(False)
    if rng.random() < 0.25:  # a dot
        dx, dy = x * rng.uniform(0.3, 0.9), rng.uniform(1.3, 2.0)
        strokes.append([(dx, dy), (dx + 0.08, dy + 0.05)])
        sharp.append(True)
    return [_spline(s, samples=3 if sh else 9) for s, sh in zip(strokes, sharp, strict=True)]


def initials_paths(rng: random.Random) -> list[np.ndarray]:
    """A paraaf: one or two capital-like strokes and sometimes a dot or a tick."""
    strokes: list[list[tuple[float, float]]] = []
    caps, x = _capital(rng, 0.0, 0.3)
    strokes += caps
    if rng.random() < 0.6:
        more, x = _capital(rng, x + rng.uniform(-0.2, 0.3), 0.3)
        strokes += more
    if rng.random() < 0.5:
        strokes.append([(x - 0.2, 0.5), (x + 0.6, 1.2), (x + 1.2, 0.2)])
    return [_spline(s, samples=7) for s in strokes]


def fit_strokes(paths: list[np.ndarray], rng: random.Random, x: float, y: float, width: float, height: float,
                pen: tuple[float, float]) -> list[Stroke]:
    """Slant, tilt and scale the paths into the box (x, y, width, height); give each point a pen width."""
    slant = math.tan(math.radians(rng.uniform(5, 30)))
    tilt = math.radians(rng.uniform(-5, 12))
    cos, sin = math.cos(tilt), math.sin(tilt)
    moved = []
    for p in paths:
        q = p.copy()
        q[:, 0] += q[:, 1] * slant
        q = np.column_stack([q[:, 0] * cos - q[:, 1] * sin, q[:, 0] * sin + q[:, 1] * cos])
        moved.append(q)
    allp = np.vstack(moved)
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    span = np.maximum(hi - lo, 1e-6)
    scale = np.array([width / span[0], height / span[1]])
    strokes = []
    thin, thick = pen
    for q in moved:
        pts = (q - lo) * scale + np.array([x, y])
        n = len(pts)
        s = np.linspace(0, 1, n)
        seg = np.r_[0, np.hypot(*np.diff(pts, axis=0).T)]
        speed = seg / (seg.mean() + 1e-6)
        phase = rng.uniform(0, 6.28)
        pressure = (0.45 + 0.55 * np.sin(np.pi * np.clip(s * 1.1, 0, 1)) ** 0.4) * (
            0.85 + 0.15 * np.sin(phase + s * rng.uniform(4, 12)))
        pressure /= np.clip(speed, 0.7, 1.6) ** 0.35
        widths = thin + (thick - thin) * np.clip(pressure, 0, 1.15) / 1.15
        strokes.append(Stroke(pts, widths))
    return strokes


def draw_strokes(c: Canvas, strokes: list[Stroke], ink: RGB) -> None:
    """Draw strokes in short runs, each with its own width, so the line swells and thins like a pen."""
    c.saveState()
    c.setStrokeColorRGB(*ink)
    c.setLineCap(1)
    c.setLineJoin(1)
    for st in strokes:
        pts, widths = st.points, st.widths
        if len(pts) == 2 and np.allclose(pts[0], pts[1], atol=0.6):
            c.setFillColorRGB(*ink)
            c.circle(pts[0][0], pts[0][1], widths[0] * 0.9, stroke=0, fill=1)
            continue
        for i in range(0, len(pts) - 1, 3):
            run = pts[i:i + 4]
            c.setLineWidth(float(widths[i:i + 4].mean()))
            path = c.beginPath()
            path.moveTo(float(run[0][0]), float(run[0][1]))
            for px, py in run[1:]:
                path.lineTo(float(px), float(py))
            c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


def draw_signature(c: Canvas, rng: random.Random, x: float, y: float, width: float, height: float, ink: RGB,
                   pen: tuple[float, float] = (0.8, 1.9), style: str | None = None) -> tuple[float, float, float,
                                                                                              float]:
    """A handwritten signature fitted into (x, y, width, height); returns that box."""
    draw_strokes(c, fit_strokes(signature_paths(rng, style), rng, x, y, width, height, pen), ink)
    return x, y, width, height


def draw_initials(c: Canvas, rng: random.Random, x: float, y: float, width: float, height: float, ink: RGB) -> None:
    draw_strokes(c, fit_strokes(initials_paths(rng), rng, x, y, width, height, (0.6, 1.4)), ink)


def signature_image(strokes: list[Stroke], box: tuple[float, float, float, float], ink: RGB, px_per_pt: float,
                    transparent: bool) -> Image.Image:
    """The strokes rasterised with PIL (drawn at twice the size, then reduced for smooth edges)."""
    x, y, w, h = box
    pad = 4.0
    k = px_per_pt * 2
    size = (int((w + 2 * pad) * k), int((h + 2 * pad) * k))
    colour = tuple(int(v * 255) for v in ink)
    img = Image.new("RGBA", size, (*colour, 0) if transparent else (255, 255, 255, 255))
    d = ImageDraw.Draw(img)
    for st in strokes:
        px = (st.points[:, 0] - x + pad) * k
        py = size[1] - (st.points[:, 1] - y + pad) * k
        for i in range(len(px)):
            r = st.widths[i] * k / 2
            if i:
                d.line([(px[i - 1], py[i - 1]), (px[i], py[i])], fill=(*colour, 255), width=max(1, round(2 * r)))
            d.ellipse([px[i] - r, py[i] - r, px[i] + r, py[i] + r], fill=(*colour, 255))
    img = img.resize((size[0] // 2, size[1] // 2), Image.LANCZOS)
    return img if transparent else img.convert("RGB")


def draw_signature_image(c: Canvas, rng: random.Random, x: float, y: float, width: float, height: float, ink: RGB,
                         pen: tuple[float, float] = (0.8, 1.9), transparent: bool = True) -> None:
    """A born-digital signature: the handwriting as an embedded raster image (PNG with alpha, or on white)."""
    strokes = fit_strokes(signature_paths(rng), rng, x, y, width, height, pen)
    img = signature_image(strokes, (x, y, width, height), ink, rng.choice([2.0, 3.0, 4.0]), transparent)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    buf.seek(0)
    pad = 4.0
    c.drawImage(ImageReader(buf), x - pad, y - pad, width + 2 * pad, height + 2 * pad,
                mask="auto" if transparent else None)


# --- printed lines --------------------------------------------------------------------------------------------

def draw_rule(c: Canvas, x0: float, x1: float, y: float, kind: str, rng: random.Random, font: str = "Helvetica",
              size: float = 10) -> None:
    """A printed signature line: 'rule' (solid), 'dots' (a row of dot characters) or 'dashed' (dash pattern)."""
    c.saveState()
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)
    if kind == "rule":
        c.setLineWidth(rng.uniform(0.3, 1.5))
        c.line(x0, y, x1, y)
    elif kind == "dashed":
        c.setLineWidth(rng.uniform(0.4, 1.0))
        on = rng.uniform(1.5, 4.0)
        c.setDash(on, on * rng.uniform(0.8, 1.5))
        c.line(x0, y, x1, y)
    else:
        ch = rng.choice([".", "…", "_"]) if kind == "dots" else "."
        if ch == "_":
            ch = "."
        unit = stringWidth(ch, font, size)
        c.setFont(font, size)
        c.drawString(x0, y, ch * max(3, int((x1 - x0) / unit)))
    c.restoreState()


# --- stamps --------------------------------------------------------------------------------------------------

def _arc_text(c: Canvas, text: str, radius: float, font: str, size: float, top: bool, max_deg: float) -> None:
    """Text along a circle: over the top read clockwise, under the bottom read left to right, both upright."""
    size = min(size, size * math.radians(max_deg) * radius / max(stringWidth(text, font, size), 1e-6))
    widths = [stringWidth(ch, font, size) for ch in text]
    total = sum(widths) / radius  # radians
    angle = math.pi / 2 + total / 2 if top else 3 * math.pi / 2 - total / 2
    c.setFont(font, size)
    for ch, w in zip(text, widths, strict=True):
        step = w / radius
        mid = angle - step / 2 if top else angle + step / 2
        c.saveState()
        c.rotate(math.degrees(mid) - 90 if top else math.degrees(mid) + 90)
        c.drawCentredString(0, radius if top else -radius, ch)
        c.restoreState()
        angle = angle - step if top else angle + step


def draw_stamp(c: Canvas, rng: random.Random, cx: float, cy: float, lines: tuple[str, str, str], ink: RGB,
               kind: str = "rect", angle: float = 0.0, scale: float = 1.0) -> tuple[float, float]:
    """A received-stamp centred on (cx, cy). lines = (top word, date, organisation). Returns (width, height)."""
    word, when, org = lines
    c.saveState()
    c.translate(cx, cy)
    c.rotate(angle)
    c.scale(scale, scale)
    c.setStrokeColorRGB(*ink)
    c.setFillColorRGB(*ink)
    alpha = rng.uniform(0.72, 0.95)
    c.setStrokeAlpha(alpha)
    c.setFillAlpha(alpha)
    if kind == "round":
        r = rng.uniform(36, 46)
        c.setLineWidth(rng.uniform(1.4, 2.2))
        c.circle(0, 0, r, stroke=1, fill=0)
        c.setLineWidth(0.7)
        c.circle(0, 0, r - 10, stroke=1, fill=0)
        _arc_text(c, org.upper(), r - 8, "Helvetica-Bold", 7.0, top=True, max_deg=200)
        _arc_text(c, "* POSTREGISTRATIE *" if "gemeente" in org.lower() else "* POST *", r - 2.5,
                  "Helvetica-Bold", 6.2, top=False, max_deg=110)
        c.setFont("Helvetica-Bold", 7.5 if r >= 41 else 6.4)
        c.drawCentredString(0, 7, word)
        c.setLineWidth(0.5)
        c.line(-r + 13, 3, r - 13, 3)
        c.line(-r + 13, -9, r - 13, -9)
        c.setFont("Helvetica-Bold", 7.8)
        c.drawCentredString(0, -6, when)
        size = (2 * r, 2 * r)
    else:
        w, h = rng.uniform(112, 150), rng.uniform(52, 68)
        c.setLineWidth(rng.uniform(1.4, 2.4))
        c.roundRect(-w / 2, -h / 2, w, h, rng.choice([0, 3, 6]), stroke=1, fill=0)
        if rng.random() < 0.5:
            c.setLineWidth(0.6)
            c.rect(-w / 2 + 3, -h / 2 + 3, w - 6, h - 6, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", rng.uniform(12.5, 15))
        c.drawCentredString(0, h / 2 - 19, word)
        c.setFont("Courier-Bold", rng.uniform(10.5, 12))
        c.drawCentredString(0, -4, when)
        c.setFont("Helvetica", 7.5)
        c.drawCentredString(0, -h / 2 + 7, org)
        size = (w, h)
    c.restoreState()
    return size[0] * scale, size[1] * scale


# --- emblems ---------------------------------------------------------------------------------------------------

PALETTE: list[RGB] = [(0.78, 0.10, 0.16), (0.05, 0.28, 0.60), (0.93, 0.74, 0.12), (0.10, 0.48, 0.26),
                      (0.10, 0.10, 0.12), (0.92, 0.45, 0.10), (0.20, 0.55, 0.80)]


def _grey(rgb: RGB) -> RGB:
    v = 0.3 * rgb[0] + 0.59 * rgb[1] + 0.11 * rgb[2]
    return (v, v, v)


def _star(c: Canvas, cx: float, cy: float, r: float) -> None:
    p = c.beginPath()
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.42
        a = math.pi / 2 + i * math.pi / 5
        (p.moveTo if i == 0 else p.lineTo)(cx + rad * math.cos(a), cy + rad * math.sin(a))
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def _shield_path(c: Canvas, x: float, y: float, w: float, h: float):
    p = c.beginPath()
    p.moveTo(x, y + h)
    p.lineTo(x + w, y + h)
    p.lineTo(x + w, y + h * 0.45)
    p.curveTo(x + w, y + h * 0.15, x + w * 0.65, y + h * 0.05, x + w / 2, y)
    p.curveTo(x + w * 0.35, y + h * 0.05, x, y + h * 0.15, x, y + h * 0.45)
    p.close()
    return p


def draw_logo(c: Canvas, rng: random.Random, x: float, y: float, size: float, grey: bool, name: str = "",
              kind: str | None = None) -> tuple[float, float]:
    """A municipal emblem (a shield with a division, charges and sometimes a crown) or an abstract mark of filled
    shapes, bottom-left at (x, y), about `size` high; with a word mark 'gemeente <name>' beside it when `name`
    is given. Returns (width, height) of what was drawn."""
    kind = kind or rng.choice(["shield", "shield", "abstract"])
    cols = rng.sample(PALETTE, 3)
    if grey:
        cols = [_grey(col) for col in cols]
    c.saveState()
    if kind == "shield":
        crown = rng.random() < 0.5
        h = size * (0.78 if crown else 1.0)
        w = h * rng.uniform(0.78, 0.9)
        sp = _shield_path(c, x, y, w, h)
        c.setFillColorRGB(*cols[0])
        c.drawPath(sp, stroke=0, fill=1)
        c.saveState()
        c.clipPath(_shield_path(c, x, y, w, h), stroke=0, fill=0)
        c.setFillColorRGB(*cols[1])
        division = rng.randrange(4)
        if division == 0:  # per pale
            c.rect(x + w / 2, y, w / 2, h, stroke=0, fill=1)
        elif division == 1:  # per fess
            c.rect(x, y, w, h / 2, stroke=0, fill=1)
        elif division == 2:  # a bend
            p = c.beginPath()
            p.moveTo(x, y + h)
            p.lineTo(x + w * 0.3, y + h)
            p.lineTo(x + w, y + h * 0.2)
            p.lineTo(x + w, y - 1)
            p.lineTo(x + w * 0.75, y - 1)
            p.lineTo(x, y + h * 0.75)
            p.close()
            c.drawPath(p, stroke=0, fill=1)
        else:  # chevron
            p = c.beginPath()
            p.moveTo(x, y + h * 0.15)
            p.lineTo(x + w / 2, y + h * 0.7)
            p.lineTo(x + w, y + h * 0.15)
            p.lineTo(x + w, y + h * 0.38)
            p.lineTo(x + w / 2, y + h * 0.92)
            p.lineTo(x, y + h * 0.38)
            p.close()
            c.drawPath(p, stroke=0, fill=1)
        c.setFillColorRGB(*cols[2])
        charge = rng.randrange(3)
        if charge == 0:
            for fx, fy in [(0.28, 0.72), (0.72, 0.72), (0.5, 0.38)]:
                _star(c, x + w * fx, y + h * fy, w * 0.12)
        elif charge == 1:  # a tower
            tw, th = w * 0.36, h * 0.4
            tx, ty = x + (w - tw) / 2, y + h * 0.25
            c.rect(tx, ty, tw, th, stroke=0, fill=1)
            for k in range(3):
                c.rect(tx + k * tw / 2.5, ty + th, tw / 5, h * 0.08, stroke=0, fill=1)
            c.setFillColorRGB(*cols[0])
            c.rect(tx + tw * 0.38, ty, tw * 0.24, th * 0.4, stroke=0, fill=1)
        else:  # a cross
            c.rect(x + w * 0.43, y + h * 0.12, w * 0.14, h * 0.76, stroke=0, fill=1)
            c.rect(x + w * 0.18, y + h * 0.55, w * 0.64, h * 0.13, stroke=0, fill=1)
        c.restoreState()
        c.setStrokeColorRGB(*(_grey((0.1, 0.1, 0.1)) if grey else (0.1, 0.1, 0.1)))
        c.setLineWidth(1.1)
        c.drawPath(_shield_path(c, x, y, w, h), stroke=1, fill=0)
        if crown:
            gold = _grey((0.85, 0.66, 0.1)) if grey else (0.85, 0.66, 0.1)
            c.setFillColorRGB(*gold)
            cy0 = y + h + 2
            ch = size - h - 2
            c.rect(x + w * 0.08, cy0, w * 0.84, ch * 0.35, stroke=0, fill=1)
            for k in range(5):
                px = x + w * (0.1 + 0.2 * k)
                c.circle(px, cy0 + ch * 0.75, ch * 0.18, stroke=0, fill=1)
                p = c.beginPath()
                p.moveTo(px - ch * 0.2, cy0 + ch * 0.3)
                p.lineTo(px, cy0 + ch * 0.7)
                p.lineTo(px + ch * 0.2, cy0 + ch * 0.3)
                p.close()
                c.drawPath(p, stroke=0, fill=1)
        mark_w, mark_h = w, size
    else:
        w = size
        shape = rng.randrange(3)
        if shape == 0:  # overlapping discs
            for k, col in enumerate(cols):
                c.setFillColorRGB(*col)
                c.setFillAlpha(0.85)
                c.circle(x + size * (0.3 + 0.2 * k), y + size * (0.35 + 0.15 * (k % 2)), size * 0.28, stroke=0,
                         fill=1)
        elif shape == 1:  # stacked bars, like a skyline
            n = rng.randint(4, 6)
            for k in range(n):
                c.setFillColorRGB(*cols[k % 3])
                bh = size * rng.uniform(0.35, 1.0)
                c.rect(x + k * size / n, y, size / n * 0.8, bh, stroke=0, fill=1)
        else:  # waves in a rounded square
            c.setFillColorRGB(*cols[0])
            c.roundRect(x, y, size, size, size * 0.18, stroke=0, fill=1)
            c.setStrokeColorRGB(1, 1, 1)
            c.setLineWidth(size * 0.07)
            for k in range(3):
                p = c.beginPath()
                yy = y + size * (0.3 + 0.2 * k)
                p.moveTo(x + size * 0.12, yy)
                p.curveTo(x + size * 0.35, yy + size * 0.12, x + size * 0.6, yy - size * 0.12, x + size * 0.88, yy)
                c.drawPath(p, stroke=1, fill=0)
        mark_w, mark_h = w, size
    total_w = mark_w
    if name:
        col = cols[0] if sum(cols[0]) < 1.8 else (0.15, 0.15, 0.15)
        c.setFillAlpha(1)
        c.setFillColorRGB(*col)
        small, big = size * 0.2, size * 0.3
        c.setFont("Helvetica", small)
        c.drawString(x + mark_w + 6, y + size * 0.55, "gemeente")
        c.setFont("Helvetica-Bold", big)
        c.drawString(x + mark_w + 6, y + size * 0.2, name)
        total_w = mark_w + 6 + max(stringWidth("gemeente", "Helvetica", small), stringWidth(name, "Helvetica-Bold",
                                                                                             big))
    c.restoreState()
    return total_w, mark_h


# --- paraaf ----------------------------------------------------------------------------------------------------

def draw_paraaf_box(c: Canvas, x: float, y: float, w: float, h: float, label: str, font: str, size: float) -> None:
    """'Paraaf:' and a small empty box, bottom-left of the box at (x, y)."""
    c.saveState()
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.6)
    c.rect(x, y, w, h, stroke=1, fill=0)
    c.setFont(font, size)
    c.drawRightString(x - 4, y + h / 2 - size / 3, label)
    c.restoreState()
