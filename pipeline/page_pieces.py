"""Pieces cut out of a page (table cells, lines the layout analysis passed over) read in one tesseract run:
laid one under another on the page's own paper grey, read as a block of lines, each word put back where
its piece came from."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytesseract
from PIL import Image

from .schema import Word

GAP = 24  # pixels between pieces on the canvas


def read_pieces(pieces: Sequence[tuple[np.ndarray, int, int]], paper: int, lang: str,
                timeout: float) -> list[list[Word]]:
    """The words of each piece (pixels, and the page position of its top left corner), in page coordinates,
    in the order tesseract gave them; confidence 0..1. One grey for the canvas: one threshold fits all."""
    if not pieces:
        return []
    width = max(p.shape[1] for p, _x, _y in pieces) + 2 * GAP
    canvas = np.full((sum(p.shape[0] + GAP for p, _x, _y in pieces) + GAP, width), paper, dtype=np.uint8)
    slots = []
    y = GAP
    for piece, left, top in pieces:
        canvas[y:y + piece.shape[0], GAP:GAP + piece.shape[1]] = piece
        slots.append((y, y + piece.shape[0], left, top))
        y += piece.shape[0] + GAP
    data = pytesseract.image_to_data(Image.fromarray(canvas), lang=lang, config="--psm 6",
                                     output_type=pytesseract.Output.DICT, timeout=timeout)
    found: list[list[Word]] = [[] for _ in slots]
    for i, text in enumerate(data["text"]):
        text, conf = text.strip(), float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, top, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        middle = top + h / 2
        for k, (a, b, left, up) in enumerate(slots):
            if a - GAP / 2 <= middle < b + GAP / 2:
                dx, dy = left - GAP, up - a
                found[k].append(Word(text, (x + dx, top + dy, x + w + dx, top + h + dy), conf / 100.0))
                break
    return found
