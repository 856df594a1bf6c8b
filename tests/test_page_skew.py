"""A page's skew measured from its ink, where the reading gives too few lines to measure it by."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.page_skew import projection_skew

LINES = ["I. Bakker", "waarnemend burgemeester van Lelystad", "Plaats: Lelystad", "Datum: 20 februari 2023"]


def _photo(skew: float, lines: list[str] = LINES) -> Image.Image:
    """A page with a few short lines (a signature page's block), turned `skew` degrees clockwise (its lines fall
    to the right) on a dark desk, the light falling off towards one corner."""
    page = Image.new("L", (1240, 1754), 236)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=22)
    for i, line in enumerate(lines):
        draw.text((150, 260 + 40 * i), line, font=font, fill=40)
    desk = Image.new("L", (1700, 2200), 60)
    desk.paste(page, (230, 220))
    desk = desk.rotate(-skew, resample=Image.BICUBIC, fillcolor=60)
    ys, xs = np.mgrid[0:desk.height, 0:desk.width]
    light = 1.0 - 0.35 * (xs / desk.width) * (ys / desk.height)
    return Image.fromarray(np.clip(np.asarray(desk, dtype=np.float32) * light, 0, 255).astype(np.uint8))


@pytest.mark.parametrize("skew", [-6.5, -2.5, 0.0, 4.0, 7.0])
def test_the_skew_of_a_sparse_page_is_measured_from_its_ink(skew: float) -> None:
    assert projection_skew(_photo(skew)) == pytest.approx(skew, abs=0.5)


def test_a_blank_photo_measures_its_papers_edges_and_a_blank_scan_nothing() -> None:
    assert projection_skew(_photo(5.0, lines=[])) == pytest.approx(5.0, abs=0.5)
    assert projection_skew(Image.new("L", (1240, 1754), 240)) is None
