"""All 345 Dutch municipalities of 2022 (CBS) plus the members' aliases: find every mention in a text."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from ..normalize import file_stem, name_key
from ..reference import Reference
from ..rules import load_yaml, models_dir

_SUFFIX = re.compile(r"\s*\((?:gemeente|[A-Z]{1,2}\.)\)\s*$")
_APOSTROPHES = "'‘’`´"
_TOKEN = re.compile(rf"[{_APOSTROPHES}]?[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’]*(?:-[A-Za-zÀ-ÿ'’]+)*|/")
# the cue word after which a name in small letters is a mention: 'gemeente zaanstad'
_CUE_BEFORE_LOWER = re.compile(r"gemeente[ \t]+", re.IGNORECASE)
# a CBS municipality code in the text ('CBS-gemeentecode GM0606'), a zero read as an O
_CBS_CODE = re.compile(r"\bGM\s?O?([0-9O]{4})\b")  # a doubled 0 read as O0: 'GMO0772'
MAX_WORDS = 5
FUZZY_MIN_LENGTH = 6  # shorter names ('Ede', 'Oss', 'Best') only match exactly


@dataclass(frozen=True)
class Place:
    """A municipality of 2022: its official name, CBS code and whether the reference lists it."""

    name: str
    cbs_code: str
    member: bool


@dataclass(frozen=True)
class Mention:
    """A place named in a text; `quality` is 1.0 for an exact spelling, less for an OCR-damaged one."""

    place: Place
    start: int
    end: int
    quality: float
    raw: str


@cache
def _cbs_rows() -> list[tuple[str, str]]:
    path = models_dir() / "reference" / "cbs_gemeenten_2022.csv"
    with path.open(encoding="utf-8") as fh:
        return [(r["cbs_code"], r["name_cbs"]) for r in csv.DictReader(fh)]


def cbs_names() -> dict[str, str]:
    """The 345 municipalities of 2022: CBS code -> name as CBS writes it."""
    return dict(_cbs_rows())


@cache
def _cbs_codes() -> dict[str, str]:
    """Name key -> CBS code: each CBS name, and its base name where only one municipality has it (not 'Bergen')."""
    keys = [(name_key(_SUFFIX.sub("", n)), c) for c, n in _cbs_rows()]
    bases = Counter(key for key, _c in keys)
    codes = {key: c for key, c in keys if bases[key] == 1}
    codes.update({name_key(n): c for c, n in _cbs_rows()})
    return codes


def cbs_code(name: str) -> str:
    """The CBS code (GMxxxx) of a municipality of 2022 by its name ('' when no municipality has that name)."""
    return _cbs_codes().get(name_key(name), "")


class Gazetteer:
    """Municipality names and their keys; the reference's members win over a CBS spelling of the same code."""

    def __init__(self, reference: Reference) -> None:
        self.places: dict[str, Place] = {}
        keys: dict[str, Place] = {}
        members = {e.cbs_code: e for e in reference.entries if e.cbs_code}
        extra = load_yaml("aliases.yaml")
        rows = _cbs_rows()
        base_names = [_SUFFIX.sub("", n) for _c, n in rows]
        for (code, cbs_name), base in zip(rows, base_names, strict=True):
            if code in members:
                continue
            name = base if base_names.count(base) == 1 else cbs_name
            place = Place(name, code, False)
            self.places[name] = place
            for alias in [name, base, *extra["other_municipalities"].get(name, [])]:
                keys.setdefault(name_key(alias), place)
        for entry in reference.entries:
            place = Place(entry.municipality, entry.cbs_code, True)
            self.places[entry.municipality] = place
            for alias in (entry.municipality, *entry.aliases):
                keys[name_key(alias)] = place  # a member's own name always wins
        self.keys = keys
        self.by_code = {p.cbs_code: p for p in self.places.values() if p.cbs_code}
        self._fuzzy_keys = [k for k in keys if len(k) >= FUZZY_MIN_LENGTH]

    def lookup(self, text: str, cutoff: float = 88.0) -> tuple[Place, float] | None:
        """The place a name as read stands for, with the match quality (0..1)."""
        key = name_key(text)
        if not key:
            return None
        if key in self.keys:
            return self.keys[key], 1.0
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        found = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        return (self.keys[found[0]], found[1] / 100.0) if found else None

    def mentions(self, text: str) -> list[Mention]:
        """Every non-overlapping mention, longest names first ('Bergen op Zoom' before 'Bergen')."""
        tokens = [m for m in _TOKEN.finditer(text)]
        found: list[Mention] = []
        taken: set[int] = set()
        for size in range(MAX_WORDS, 0, -1):
            for i in range(len(tokens) - size + 1):
                if any(j in taken for j in range(i, i + size)):
                    continue
                token = tokens[i].group(0)
                first = token.lstrip(_APOSTROPHES)
                lower = not first[:1].isupper() and not (token[:1] in _APOSTROPHES and first[:1] in "st")
                if lower and not (i and _CUE_BEFORE_LOWER.fullmatch(text, tokens[i - 1].start(), tokens[i].start())):
                    continue  # small letters count only right after 'gemeente' ('gemeente zaanstad', a logo)
                if size > 1 and first.lower() in ("gemeente", "de"):
                    continue  # 'gemeente Deventer' is a mention of 'Deventer', after its cue word
                start, end = tokens[i].start(), tokens[i + size - 1].end()
                if "\n" in text[start:end] and size > 1:
                    continue
                raw = text[start:end]
                hit = self.lookup(raw)
                if hit is None or (lower and hit[1] < 1.0):
                    continue
                place, quality = hit
                if quality < 1.0 and size > 1:
                    shorter = self.lookup(text[start:tokens[i + size - 2].end()])
                    if shorter is not None and shorter[0] == place and shorter[1] >= quality:
                        continue  # 'Hertogenbosch en' is 'Hertogenbosch' and a word after it
                found.append(Mention(place, start, end, quality, raw))
                taken.update(range(i, i + size))
        for m in _CBS_CODE.finditer(text):
            place = self.by_code.get("GM" + m.group(1).upper().replace("O", "0"))
            if place is not None and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(Mention(place, m.start(), m.end(), 1.0, m.group(0)))
        return sorted(found, key=lambda m: m.start)

    def in_file_name(self, name: str) -> list[Place]:
        """Places a file name names exactly ('scan_sittard-geleen_platform31.pdf', 'Besluitnota Leiden.pdf')."""
        stem = file_stem(name)
        tokens = [t for t in re.split(r"[\s_.()\[\],]+", stem) if t]
        found: list[Place] = []
        for size in range(MAX_WORDS, 0, -1):
            for i in range(len(tokens) - size + 1):
                place = self.keys.get(name_key(" ".join(tokens[i:i + size])))
                if place is not None and place not in found:
                    found.append(place)
        return found


@cache
def _cached(reference: Reference) -> Gazetteer:
    return Gazetteer(reference)


def gazetteer_for(reference: Reference) -> Gazetteer:
    """One gazetteer per reference (built once per process)."""
    return _cached(reference)
