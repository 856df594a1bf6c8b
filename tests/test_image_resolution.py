"""The resolution of a page image: what the file claims, unless the claim makes the page no sheet of paper."""

from __future__ import annotations

import pytest
from PIL import Image

from pipeline.text import _image_dpi


@pytest.mark.parametrize(("size", "claimed", "expected"), [
    ((2480, 3508), (300, 300), 300.0),             # a flatbed scan at 300 dpi: as claimed
    ((1654, 2339), (200, 200), 200.0),
    ((2400, 3200), (72, 72), 3200 / 11.69),         # a phone photo: phones write 72 dpi, 33 x 44 inches
    ((4032, 3024), (72, 72), 4032 / 11.69),         # ... lying on its side
    ((3000, 4000), None, 300.0),                    # no claim: 10 x 13 inches at the usual 300
    ((2480, 3508), (96, 96), 3508 / 11.69),
])
def test_a_claimed_resolution_that_makes_the_page_larger_than_paper_is_estimated(size, claimed, expected):
    image = Image.new("L", size, 255)
    if claimed:
        image.info["dpi"] = claimed
    assert _image_dpi(image) == pytest.approx(expected, rel=0.01)
