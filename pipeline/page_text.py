"""Assemble a page's text from positioned words, keeping each word's character span."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .schema import Page, Word


def assemble(lines: Sequence[Sequence[Word]]) -> tuple[str, tuple[Word, ...], tuple[tuple[int, int], ...]]:
    """Join lines of words into text; returns the text, the words in order and their spans."""
    parts: list[str] = []
    words: list[Word] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in lines:
        for i, w in enumerate(line):
            if i:
                parts.append(" ")
                pos += 1
            parts.append(w.text)
            words.append(w)
            spans.append((pos, pos + len(w.text)))
            pos += len(w.text)
        parts.append("\n")
        pos += 1
    return "".join(parts), tuple(words), tuple(spans)


def group_lines(words: Sequence[Word], tolerance: float) -> list[list[Word]]:
    """Group words into lines by vertical position (for text-layer words that carry no line ids)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0])):
        mid = (w.box[1] + w.box[3]) / 2
        if lines:
            last = lines[-1]
            last_mid = sum((x.box[1] + x.box[3]) / 2 for x in last) / len(last)
            if abs(mid - last_mid) <= tolerance:
                last.append(w)
                continue
        lines.append([w])
    return [sorted(line, key=lambda w: w.box[0]) for line in lines]


def word_runs(words: Sequence[Word], gap: float) -> list[list[Word]]:
    """A line's words left to right, split into runs wherever more than `gap` pixels part two words (blocks or
    columns side by side)."""
    ordered = sorted(words, key=lambda w: w.box[0])
    runs: list[list[Word]] = []
    for w in ordered:
        if runs and w.box[0] - runs[-1][-1].box[2] <= gap:
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def words_in_span(words: Sequence[Word], spans: Sequence[tuple[int, int]], start: int, end: int) -> list[Word]:
    return [w for w, (s, e) in zip(words, spans, strict=False) if s < end and e > start]


def union_box(words: Sequence[Word]) -> tuple[float, float, float, float] | None:
    if not words:
        return None
    return (min(w.box[0] for w in words), min(w.box[1] for w in words),
            max(w.box[2] for w in words), max(w.box[3] for w in words))


def page_from_text(number: int, text: str, source: str = "text", conf: float = 1.0) -> Page:
    """A page built from plain text (a saved OCR text, the seed): words without positions."""
    words, spans = [], []
    for m in re.finditer(r"\S+", text):
        words.append(Word(m.group(0), (0.0, 0.0, 0.0, 0.0), conf))
        spans.append((m.start(), m.end()))
    return Page(number, text, tuple(words), source, "platte tekst", 0.0, 0.0, 72.0, 0, tuple(spans))


def split_plain_text_pages(text: str) -> list[str]:
    """Split saved OCR text into pages: form feeds or, where those were lost (as in the seed), a line
    that starts with a space or a run of two or more blank lines."""
    if "\f" in text:
        return [p for p in text.split("\f") if p.strip()]
    return [p for p in re.split(r"\n(?= \S)|\n[ \t]*\n(?:[ \t]*\n)+", text) if p.strip()]
