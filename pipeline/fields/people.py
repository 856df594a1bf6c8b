"""People as the reference names them: split names, the reference mayor's people, OCR spellings mended."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..normalize import name_key, strip_accents

_INITIALS = re.compile(r"^((?:IJ\.|[A-ZÀ-Þ][a-z]{0,2}\.)(?:\s?(?:IJ\.|[A-ZÀ-Þ][a-z]{0,2}\.))*)\s*(.+)$")


def dutch_initial(first_name: str) -> str:
    """A first name's initial as Dutch writes it: 'Theo' -> 'Th.', 'Christiaan' -> 'Chr.', 'Philip' -> 'Ph.',
    'IJsbrand' -> 'IJ.', 'Peter' -> 'P.'."""
    name = first_name.strip()
    if name[:2].upper() == "IJ":
        return "IJ."
    for digraph in ("Chr", "Th", "Ph"):
        if name.startswith(digraph):
            return digraph + "."
    return name[:1].upper() + "."


def split_person(name: str) -> tuple[str, str]:
    m = _INITIALS.match(name.strip())
    return (m.group(1).replace(" ", ""), m.group(2).strip()) if m else ("", name.strip())


def reference_people(mayor: str) -> list[tuple[str, str]]:
    """(initials, surname) of each person named in a reference `mayor` cell ('Ank Bijleveld (...); W.H.J.M. ...')."""
    people = []
    for part in mayor.split(";"):
        name = re.sub(r"\(.*?\)", "", part).strip()
        if not name:
            continue
        initials, surname = split_person(name)
        if not initials:  # 'Arjen Gerritsen': a first name, then the surname
            first, _, rest = name.partition(" ")
            initials, surname = (dutch_initial(first), rest) if rest else ("", name)
        people.append((initials, surname))
    return people


# capitals a scan reads as one another in initials ('I. Nieuwenburg' for 'J. Nieuwenburg')
_ALIKE = str.maketrans({"I": "J", "l": "J", "1": "J", "|": "J"})


def correct_signatory(read: str, mayor: str, cutoff: float) -> tuple[str, float]:
    """Spell a name as read by OCR ('R.C. Kdnig') as the reference mayor ('R.C. König') when it is them."""
    initials, surname = split_person(read)
    best: tuple[float, str, str] = (0.0, "", "")
    for ref_initials, ref_surname in reference_people(mayor):
        score = fuzz.ratio(name_key(surname), name_key(ref_surname))
        if score > best[0]:
            best = (score, ref_initials, ref_surname)
    if best[0] >= cutoff:
        ref_initials = best[1]
        # initials damaged by OCR ('J.G.' for 'S.W.J.G.') are taken from the reference when they fit it
        # ('Á.' for 'A.': an accent OCR put on a capital)
        read_initials = strip_accents(initials)
        # a reference that gives a first name ('Theo') tells the first initial only: the initials as read are
        # kept when they start with it ('T.' or 'Th.' as printed, 'Th.A.' with a second name)
        first_name_only = not re.search(r"(?:^|\s)" + re.escape(ref_initials), mayor)
        keep_read = first_name_only and read_initials[:1] == ref_initials[:1]
        if keep_read:
            initials = read_initials
        elif initials and ref_initials and "." in ref_initials and (
                ref_initials.endswith(read_initials) or fuzz.ratio(read_initials, ref_initials) >= 60
                or read_initials.translate(_ALIKE) == ref_initials.translate(_ALIKE)):
            initials = ref_initials
        return f"{initials or ref_initials} {best[2]}".strip(), best[0] / 100.0
    return read, 0.0


def resembles_reference(read: str, mayor: str, below: float) -> bool:
    """Whether a name as read could be a reference person misread: its surname at least `below` like theirs."""
    _, surname = split_person(read)
    return any(fuzz.ratio(name_key(surname), name_key(ref)) >= below for _, ref in reference_people(mayor))
