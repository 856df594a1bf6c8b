"""Fields stage: municipality, signatory, date, amount and inhabitants of agreements and decision memos.

Money, counts and dates are found by the spaCy entity ruler; names by the cue patterns in
`models/fields.yaml`. Every candidate is scored by the cues around it; the best one above the rule's
threshold becomes the field, with its evidence (page, box, line) and a confidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from typing import Any

from rapidfuzz import fuzz

from .nlp import get_nlp
from .normalize import name_key, parse_amount, parse_date, parse_integer
from .page_text import union_box, words_in_span
from .reference import Reference
from .rules import load_yaml
from .schema import DocType, Document, Evidence, Field

_FLAGS = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float
    side: str
    window: int


# spaces OCR puts inside numbers: '101 446', '142.1 19', '15.216, 90', '01 -02-2023'
_NUMBER_SPACES = re.compile(r"(?<=\d) (?=\d)|(?<=\d) (?=[.,/-]\d)|(?<=\d[.,/-]) (?=\d)")


def squeeze_number_spaces(text: str) -> tuple[str, tuple[int, ...]]:
    """Text without the spaces OCR puts inside numbers, and for each kept character its original index."""
    drop = {m.start() for m in _NUMBER_SPACES.finditer(text)}
    index = tuple(i for i in range(len(text)) if i not in drop)
    return "".join(text[i] for i in index), index


@dataclass(frozen=True)
class DocText:
    """A document's text (numbers mended) with the offset of each page, to trace a span to its page and words."""

    document: Document
    text: str
    offsets: tuple[int, ...]
    original: tuple[int, ...]  # index in the joined page texts of each character of `text`

    @cached_property
    def entities(self) -> tuple[tuple[str, int, int, str], ...]:
        """The entity ruler's candidates (text, start, end, label), found once per document."""
        return tuple((e.text, e.start_char, e.end_char, e.label_) for e in get_nlp()(self.text).ents)

    @classmethod
    def of(cls, document: Document) -> DocText:
        parts, offsets, pos = [], [], 0
        for page in document.pages:
            offsets.append(pos)
            parts.append(page.text)
            pos += len(page.text) + 2
        text, original = squeeze_number_spaces("\n\n".join(parts))
        return cls(document, text, tuple(offsets), original)

    def evidence(self, start: int, end: int) -> tuple[Evidence, float]:
        """The page, box and line of a span, and the mean OCR confidence of its words."""
        start, end = self.original[start], self.original[max(start, end - 1)] + 1
        index = max(i for i, off in enumerate(self.offsets) if off <= start)
        page = self.document.pages[index]
        local_start, local_end = start - self.offsets[index], end - self.offsets[index]
        words = words_in_span(page.words, page.word_spans, local_start, local_end)
        line_start = page.text.rfind("\n", 0, local_start) + 1
        line_end = page.text.find("\n", local_end)
        line = page.text[line_start: line_end if line_end >= 0 else None].strip()
        conf = sum(w.conf for w in words) / len(words) if words else 0.5
        return Evidence(page.number, union_box(words), line), conf


def _macros(pattern: str) -> str:
    for key, value in load_yaml("fields.yaml")["macros"].items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


@cache
def _cues(path: tuple[str, ...]) -> tuple[Cue, ...]:
    node: Any = load_yaml("fields.yaml")
    for key in path:
        node = node.get(key, [])
    # name rules are case-sensitive: a name starts with a capital letter
    flags = re.MULTILINE if path[0] in ("municipality", "signatory") else _FLAGS
    return tuple(Cue(re.compile(_macros(c["pattern"]), flags), float(c["weight"]), c.get("side", "before"),
                     int(c.get("window", 60))) for c in node)


def _setting(*path: str) -> Any:
    node: Any = load_yaml("fields.yaml")
    for key in path:
        node = node[key]
    return node


def _score(text: str, start: int, end: int, cues: tuple[Cue, ...]) -> tuple[float, list[str]]:
    total, hits = 0.0, []
    for cue in cues:
        window = text[max(0, start - cue.window): start] if cue.side == "before" else text[end: end + cue.window]
        if cue.pattern.search(window):
            total += cue.weight
            hits.append(cue.pattern.pattern[:40])
    return total, hits


def _confidence(score: float, ocr_conf: float, runner_up: float | None = None, same_value: bool = False) -> float:
    """Rule certainty (score and margin over a different runner-up) times how well OCR read the words."""
    rule = 1 - math.exp(-max(score, 0) / 3)
    if runner_up is not None and not same_value and runner_up > 0:
        rule *= min(1.0, (score - runner_up) / max(score, 1e-9) + 0.3)
    read = 0.5 + 0.5 * max(0.0, min(1.0, ocr_conf))
    return round(max(0.0, min(1.0, rule * read)), 3)


@dataclass
class Candidate:
    value: object
    raw: str
    score: float
    start: int
    end: int
    rule: str


def _best(dt: DocText, name: str, candidates: list[Candidate], min_score: float) -> Field | None:
    ranked = sorted((c for c in candidates if c.score >= min_score), key=lambda c: (-c.score, c.start))
    if not ranked:
        return None
    best = ranked[0]
    rival = next((c for c in ranked[1:] if c.value != best.value), None)
    agreeing = sum(1 for c in ranked if c.value == best.value)
    evidence, ocr_conf = dt.evidence(best.start, best.end)
    conf = _confidence(best.score + 1.5 * (agreeing - 1), ocr_conf, rival.score if rival else None)
    return Field(name, best.value, best.raw, conf, best.rule, evidence)


def _entities(dt: DocText, labels: set[str]) -> list[tuple[str, int, int, str]]:
    return [e for e in dt.entities if e[3] in labels]


def extract_amount(dt: DocText) -> Field | None:
    cues = _cues(("amount", "cues")) + _cues(("amount", "negative"))
    penalty = float(_setting("amount", "bare_number_penalty"))
    floor = parse_amount(str(_setting("amount", "min_value")))
    candidates = []
    for text, start, end, label in _entities(dt, {"MONEY", "MONEY_BARE"}):
        value = parse_amount(text)
        if value is None or (floor is not None and value < floor):
            continue
        score, hits = _score(dt.text, start, end, cues)
        if label == "MONEY_BARE":
            score += penalty
        candidates.append(Candidate(value, text, score, start, end, f"{label}: {'; '.join(hits)}"))
    return _best(dt, "amount", candidates, float(_setting("amount", "min_score")))


def extract_inhabitants(dt: DocText) -> Field | None:
    cues = _cues(("inhabitants", "cues"))
    low, high = int(_setting("inhabitants", "min_value")), int(_setting("inhabitants", "max_value"))
    candidates = []
    for text, start, _end, _label in _entities(dt, {"COUNT"}):
        number_text = re.sub(r"(?i)\s*inwoners?\W*$", "", text)
        value = parse_integer(number_text)
        if value is None or not low <= value <= high:
            continue
        score, hits = _score(dt.text, start, start + len(number_text), cues)
        candidates.append(Candidate(value, number_text, score, start, start + len(number_text),
                                    f"COUNT: {'; '.join(hits)}"))
    return _best(dt, "inhabitants", candidates, float(_setting("inhabitants", "min_score")))


def extract_date(dt: DocText, doc_type: DocType) -> Field | None:
    cues = _cues(("date", doc_type.value)) + _cues(("date", "negative"))
    valid_from = date.fromisoformat(str(_setting("date", "valid_from")))
    valid_to = date.fromisoformat(str(_setting("date", "valid_to")))
    candidates = []
    for text, start, end, _label in _entities(dt, {"DATE"}):
        value = parse_date(text)
        if value is None:
            continue
        score, hits = _score(dt.text, start, end, cues)
        if not valid_from <= value <= valid_to:
            score -= 2  # kept as a candidate so a misdated document is reported, not silently dropped
        candidates.append(Candidate(value, text, score, start, end, f"DATE: {'; '.join(hits)}"))
    return _best(dt, "date", candidates, float(_setting("date", "min_score")))


def _clean_name(raw: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"-\s+", "-", raw)).strip(" ,.;:")


def extract_municipality(dt: DocText, doc_type: DocType, reference: Reference) -> Field | None:
    """The party that signs: every cue match votes for the member (or non-member) it names."""
    cutoff = float(_setting("municipality", "min_match"))
    votes: dict[str, list[Candidate]] = {}
    for cue in _cues(("municipality", doc_type.value)):
        for m in cue.pattern.finditer(dt.text):
            raw = _clean_name(m.group("name"))
            if len(raw) < 3:
                continue
            matched = reference.match(raw, cutoff=cutoff)
            if matched is None:
                # words after the name may have been swallowed: try the name's leading words
                words = raw.split()
                for n in range(len(words) - 1, 0, -1):
                    matched = reference.match(" ".join(words[:n]), cutoff=cutoff)
                    if matched:
                        break
            value, quality = matched if matched else (raw, 0.7)
            votes.setdefault(value, []).append(Candidate(value, raw, cue.weight * quality, m.start("name"),
                                                         m.end("name"), f"municipality: {cue.pattern.pattern[:40]}"))
    if not votes:
        return None
    totals = {name: sum(c.score for c in cands) for name, cands in votes.items()}
    winner = max(totals, key=lambda n: (totals[n], n in reference.names()))
    best = max(votes[winner], key=lambda c: c.score)
    rival = max((s for n, s in totals.items() if n != winner), default=0.0)
    evidence, ocr_conf = dt.evidence(best.start, best.end)
    conf = _confidence(totals[winner], max(ocr_conf, 0.8 if winner in reference.names() else ocr_conf), rival)
    return Field("municipality", winner, best.raw, conf, best.rule, evidence)


_INITIALS = re.compile(r"^((?:[A-Z][a-z]{0,2}\.\s?)+)\s*(.+)$")


def _split_person(name: str) -> tuple[str, str]:
    m = _INITIALS.match(name.strip())
    return (m.group(1).replace(" ", ""), m.group(2).strip()) if m else ("", name.strip())


def reference_people(mayor: str) -> list[tuple[str, str]]:
    """(initials, surname) of each person named in a reference `mayor` cell ('Ank Bijleveld (...); W.H.J.M. ...')."""
    people = []
    for part in mayor.split(";"):
        name = re.sub(r"\(.*?\)", "", part).strip()
        if not name:
            continue
        initials, surname = _split_person(name)
        if not initials:  # 'Arjen Gerritsen': a first name, then the surname
            first, _, rest = name.partition(" ")
            initials, surname = (first[0] + ".", rest) if rest else ("", name)
        people.append((initials, surname))
    return people


def correct_signatory(read: str, mayor: str, cutoff: float) -> tuple[str, float]:
    """Spell a name as read by OCR ('R.C. Kdnig') as the reference mayor ('R.C. König') when it is them."""
    initials, surname = _split_person(read)
    best: tuple[float, str, str] = (0.0, "", "")
    for ref_initials, ref_surname in reference_people(mayor):
        score = fuzz.ratio(name_key(surname), name_key(ref_surname))
        if score > best[0]:
            best = (score, ref_initials, ref_surname)
    if best[0] >= cutoff:
        ref_initials = best[1]
        # initials damaged by OCR ('J.G.' for 'S.W.J.G.') are taken from the reference when they fit it
        if initials and ref_initials and "." in ref_initials and (
                ref_initials.endswith(initials) or fuzz.ratio(initials, ref_initials) >= 60):
            initials = ref_initials
        return f"{initials or ref_initials} {best[2]}".strip(), best[0] / 100.0
    return read, 0.0


def extract_signatory(dt: DocText, municipality: str | None, reference: Reference) -> Field | None:
    cutoff = float(_setting("signatory", "surname_match"))
    entry = reference.get(municipality) if municipality else None
    candidates = []
    for cue in _cues(("signatory", "agreement")):
        for m in cue.pattern.finditer(dt.text):
            raw = _clean_name(m.group("person"))
            value, match = correct_signatory(raw, entry.mayor, cutoff) if entry and entry.mayor else (raw, 0.0)
            candidates.append(Candidate(value, raw, cue.weight + 2 * match, m.start("person"), m.end("person"),
                                        f"signatory: {cue.pattern.pattern[:40]}"))
    return _best(dt, "signatory", candidates, 1.0)


def extract_fields(document: Document, reference: Reference) -> dict[str, Field]:
    """All fields of an agreement or decision memo; other documents carry none."""
    if document.doc_type not in (DocType.AGREEMENT, DocType.DECISION_MEMO):
        return {}
    dt = DocText.of(document)
    found: dict[str, Field | None] = {
        "municipality": extract_municipality(dt, document.doc_type, reference),
        "date": extract_date(dt, document.doc_type),
        "amount": extract_amount(dt),
        "inhabitants": extract_inhabitants(dt),
    }
    if document.doc_type is DocType.AGREEMENT:
        municipality = found["municipality"].value if found["municipality"] else None
        found["signatory"] = extract_signatory(dt, str(municipality) if municipality else None, reference)
    return {k: v for k, v in found.items() if v is not None}
