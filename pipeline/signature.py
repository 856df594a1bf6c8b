"""Signature check: did the municipality sign? Handwriting in the municipality's block of the signature page.

The block is found by its words and layout (pipeline/signature_block.py), handwriting by the shape and
colour of the ink (pipeline/ink.py). A printed line, a dotted line, a stamp, a logo, paraaf initials or
Platform31's signature is never the municipality's signature. When the block cannot be found, or the
handwriting is about as close to Platform31's lines as to the municipality's, the answer is uncertain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from PIL import Image

from .ink import InkAnalysis, Stroke, blank_sheet, find_handwriting
from .rules import load_yaml
from .schema import BBox, Page
from .signature_block import (
    MUNICIPALITY,
    PLATFORM31,
    Marks,
    SignaturePage,
    block_settings,
    e_signature_stamps,
    find_signature_page,
    is_heading,
    owner,
)


@dataclass(frozen=True)
class SignatureResult:
    signed: bool | None  # None: no signature block found, so nothing could be checked
    confidence: float
    page: int | None
    region: BBox | None  # in the page's own units
    reason: str


@cache
def confidence_settings() -> dict[str, float]:
    return {k: float(v) for k, v in load_yaml("signature.yaml")["confidence"].items()}


def _strength(stroke: Stroke) -> float:
    """0..1: how clearly a mark is a signature (wide, tall, long strokes, varied directions)."""
    parts = (min(1.0, stroke.width / 1.0), min(1.0, stroke.height / 0.3), min(1.0, stroke.length / 2.5),
             min(1.0, stroke.spread / 0.75))
    return sum(parts) / len(parts)


def _region(sp: SignaturePage, strokes: list[Stroke]) -> BBox:
    """The municipality's block with its signature, for the evidence crop."""
    boxes = [seg.box for p in sp.municipality for seg in p.segments] + [s.box for s in strokes]
    if not boxes:
        boxes = [sp.area]
    inch = sp.page.dpi
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    if not strokes:
        y0 -= 0.9 * inch  # show the empty space above the block too
    return (max(0.0, x0 - 0.2 * inch), max(0.0, y0 - 0.1 * inch), min(sp.page.width, x1 + 0.2 * inch),
            min(sp.page.height, y1))


def _describe(stroke: Stroke | None, analysis: InkAnalysis, others: int) -> str:
    aside = analysis.describe()
    parts = []
    if stroke is not None:
        parts.append(f"handschrift van {stroke.width:.1f} × {stroke.height:.1f} inch in het blok van de gemeente")
    else:
        parts.append("geen handschrift in het blok van de gemeente")
    if others:
        parts.append(f"{others} handtekening(en) bij Platform31")
    if aside:
        parts.append(f"niet meegeteld: {aside}")
    return "; ".join(parts)


def judge(sp: SignaturePage, analysis: InkAnalysis) -> SignatureResult:
    """Decide from the handwriting found on the signature page whose block it is in."""
    c = confidence_settings()
    mine: list[Stroke] = []
    others, ambiguous = 0, []
    owners = [(stroke, owner(stroke.box, sp, stroke.centre, analysis.cells)) for stroke in analysis.strokes]
    for stroke, who in owners:
        if who.role == MUNICIPALITY:
            mine.append(stroke)
        elif who.role == PLATFORM31:
            others += 1
        if who.role in (MUNICIPALITY, PLATFORM31) and who.margin < block_settings().owner_ratio:
            ambiguous.append(stroke)
    page = sp.page.number
    if not sp.municipality:
        # no line of the municipality read: the handwriting that is not Platform31's, with doubt
        stray = [stroke for stroke, who in owners if who.role != PLATFORM31]
        if stray:  # handwriting, but whose cannot be told: not taken as the municipality's signature
            best = max(stray, key=_strength)
            return SignatureResult(False, c["fallback"], page, _region(sp, [best]),
                                   "blok van de gemeente niet gevonden; " + _describe(best, analysis, others)
                                   + "; niet vastgesteld")
        return SignatureResult(False, c["fallback"], page, _region(sp, []),
                               "blok van de gemeente niet gevonden; " + _describe(None, analysis, others))
    if mine:
        clear = [m for m in mine if m not in ambiguous]
        stroke = max(clear or mine, key=_strength)
        reason = _describe(stroke, analysis, others)
        if stroke in ambiguous:  # it may be Platform31's: not taken as the municipality's signature
            return SignatureResult(False, c["ambiguous"], page, _region(sp, [stroke]),
                                   reason + "; even dicht bij het blok van Platform31, dus niet vastgesteld")
        conf = c["signed_base"] + (c["signed_strong"] - c["signed_base"]) * _strength(stroke)
        return SignatureResult(True, round(conf, 3), page, _region(sp, [stroke]), reason)
    if ambiguous:
        return SignatureResult(False, c["ambiguous"], page, _region(sp, ambiguous),
                               _describe(None, analysis, others) + "; handschrift even dicht bij beide blokken")
    return SignatureResult(False, c["unsigned"], page, _region(sp, []), _describe(None, analysis, others))


def check_signature(pages: tuple[Page, ...], marks: Marks, render: Callable[[Page], Image.Image]) -> SignatureResult:
    """Whether the municipality signed. `render(page)` returns the page image (upright, in colour)."""
    sp = find_signature_page(pages, marks)
    if sp is None:
        return SignatureResult(None, 0.0, None, None, "geen ondertekeningsblok gevonden")
    headings = [seg.box for p in sp.municipality + sp.platform31 for seg in p.segments if is_heading(seg, marks)]
    analysis = find_handwriting(render(sp.page), sp.page, sp.area, list(sp.paraaf_zones),
                                stamped_signing=e_signature_stamps(sp.page), headings=headings)
    result = judge(sp, analysis)
    # a later page with no text at all may be the real signature page that could not be read: what was
    # found on an earlier one (a table's lines, a letterhead) is then no proof of a signature
    unread = [p.number for p in pages if p.number > sp.page.number and not p.text.strip()
              and not blank_sheet(render(p))]
    if result.signed and unread:
        c = confidence_settings()
        return replace(result, confidence=min(result.confidence, c["unread_after"]),
                       reason=result.reason + f"; pagina {', '.join(map(str, unread))} daarna onleesbaar, dus "
                       "niet vastgesteld")
    return result
