"""The fields of an agreement or decision memo: candidates found, scored, checked against each other.

Order matters where one field informs another: the municipality first (its place in signing lines, its
mayor), then the date, then amount and inhabitants together (rate x inhabitants = amount), then the
signatory (the reference mayor of the municipality read).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

from ..normalize import name_key, parse_amount
from ..reference import Reference
from ..schema import DocType, Document, Field, FieldName
from . import candidates as find
from .candidates import Candidate
from .doctext import DocText, fold
from .gazetteer import Mention, gazetteer_for
from .people import correct_signatory, reference_people, resembles_reference
from .scoring import (
    amount_features,
    apply,
    confidence,
    cross_check,
    date_features,
    inhabitant_features,
    other_seats,
    person_features,
    place_features,
    settings,
)
from .structure import Structure


def _field(dt: DocText, name: FieldName, ranked: list[Candidate], min_score: float,
           explained: tuple[str, ...] = ()) -> Field | None:
    """The best candidate over `min_score`, with a confidence from its score, its margin over the best
    candidate of another value and how well OCR read it; candidates of the same value add support.
    A candidate the text `explained` as something else (an earlier year's amount) is no rival."""
    ranked = sorted((c for c in ranked if c.score >= min_score), key=lambda c: (-c.score, c.start))
    if not ranked:
        return None
    best = ranked[0]
    # a rival is another value read elsewhere (a digit read otherwise at the same place is the same evidence)
    rival = next((c for c in ranked[1:] if c.value != best.value and c.start != best.start
                  and not any(c.features.get(k) for k in explained)), None)
    same = [c for c in ranked if c.value == best.value]
    agreeing = len(same) - 1
    evidence, ocr_conf = dt.evidence(best.start, best.end)
    # the same value read at several places ('2024 idem € 17.930,55'): the best-read of them says how sure OCR is
    ocr_conf = max([ocr_conf] + [dt.read_confidence(c.start, c.end) for c in same[1:4] if c.start != best.start])
    conf = confidence(best.score + 1.0 * min(agreeing, 3), ocr_conf, rival.score if rival else None)
    return Field(name.value, best.value, best.raw, conf, best.why(), evidence)


def municipality_field(st: Structure, places: list[Candidate], reference: Reference,
                       named_in_file: tuple[str, ...] = ()) -> Field | None:
    """The party that signs: every mention votes for its place with its score; the best total wins.

    A place the file's name names adds a vote to the mentions of that place in the text (never one alone).
    """
    weights = settings("municipality")
    for i, c in enumerate(places):
        place_features(st, c, places[i - 1] if i else None, places[i + 1] if i + 1 < len(places) else None)
    other_seats(places)
    apply(places, weights)
    totals: dict[str, float] = {}
    for c in places:
        c.score *= c.features.get("spelling", 1.0)
        if c.score > 0:
            totals[str(c.value)] = totals.get(str(c.value), 0.0) + c.score
    for name in named_in_file:
        if name in totals or any(c.value == name for c in places):
            totals[name] = totals.get(name, 0.0) + float(weights["file_name"])
    if not totals:
        return None
    winner = max(totals, key=lambda n: (totals[n], n in reference.names()))
    if totals[winner] < float(weights["min_score"]):
        return None
    best = max((c for c in places if c.value == winner), key=lambda c: c.score)
    rival = max((s for n, s in totals.items() if n != winner), default=0.0)
    evidence, ocr_conf = st.dt.evidence(best.start, best.end)
    conf = confidence(totals[winner], max(ocr_conf, 0.8), rival or None)
    return Field(FieldName.MUNICIPALITY.value, winner, best.raw, conf, best.why(), evidence)


_DEFERRED_STAMP = re.compile(r"(?:aangehouden|uitgesteld|verdaagd)\W{0,3}$")
_OPTIONS = re.compile(r"conform|akkoord|gewijzigd|afgewezen")


_DEFERRED_AFTER = re.compile(r"\W{0,4}(?:aangehouden|uitgesteld|verdaagd)\b")


def _stamped_deferred(st: Structure, c: find.Candidate) -> bool:
    """'AANGEHOUDEN 24-01-2023', 'Eerder geagendeerd | 14 februari 2023 - aangehouden': a stamp or a row that
    says the meeting of that date put the decision off, no box of options ('☒ conform ☐ aangehouden ...') on
    its line."""
    line = st.dt.line_at(c.start)
    before = st.dt.folded[line.start:c.start]
    said = _DEFERRED_STAMP.search(before) or _DEFERRED_AFTER.match(st.dt.folded, c.end, line.end)
    return bool(said) and not _OPTIONS.search(st.dt.folded, line.start, line.end)


def date_field(st: Structure, doc_type: DocType, places: list[Mention], municipality: str | None) -> Field | None:
    config = settings("date")
    valid = (date.fromisoformat(str(config["valid_from"])), date.fromisoformat(str(config["valid_to"])))
    cands = find.dates(st.dt)
    for c in cands:
        date_features(st, c, places, municipality, valid)
    if not any(c.features.get("decided") for c in cands):
        for c in cands:  # a box of options ('☒ conform ☐ aangehouden Datum: 7-2-2023'): no other meeting took it
            c.features["deferred"] = float(bool(c.features.get("deferred")) and _stamped_deferred(st, c))
    put_off = {c.value for c in cands if c.features.get("deferred")}
    for c in cands:  # the meeting that put it off is that meeting wherever it is named ('Collegevergadering ...')
        if c.value in put_off:
            c.features["deferred"] = 1.0
    weights = config[doc_type.value]
    apply(cands, weights)
    # the decision's date is an agreement's date only where it states no signing date of its own
    signed_on = any(c.features.get("signing") and not c.features.get("decision_label")
                    and not c.features.get("platform_column") and not c.features.get("platform_row")
                    and c.score >= float(config["min_score"]) for c in cands)  # Platform31's date is not the town's
    for c in cands:
        c.features["signing_date_stated"] = float(signed_on and bool(c.features.get("decision_label")))
    apply(cands, weights)
    found = _field(st.dt, FieldName.DATE, cands, float(config["min_score"]))
    if found is not None and doc_type is DocType.AGREEMENT:
        found = _after_decision(found, cands, int(config["signed_within_days"]))
    return found


def _after_decision(found: Field, cands: list[Candidate], days: int) -> Field:
    """An agreement is signed after the college decision it names, within weeks. A signing date months
    away from it, with a one-digit misreading that falls in that window, is taken as misread (with doubt)."""
    decisions = [c for c in cands if c.features.get("decision_label") and c.value != found.value]
    best = next((c for c in cands if c.value == found.value and c.raw == found.raw), None)
    if not decisions or best is None or not best.features.get("signing"):
        return found
    decided = max(decisions, key=lambda c: c.score).value
    assert isinstance(decided, date) and isinstance(found.value, date)
    if 0 <= (found.value - decided).days <= days:
        return found
    near = [v for v in find.date_variants(found.raw) if 0 <= (v - decided).days <= days]
    if len(near) != 1:
        return found
    rule = f"{found.rule}; read as {near[0].isoformat()}: {found.raw!r} is {found.value.isoformat()}, " \
           f"{(found.value - decided).days} days from the decision of {decided.isoformat()}"
    return replace(found, value=near[0], confidence=min(found.confidence, 0.5), rule=rule)


def money_fields(st: Structure, rate: Decimal) -> tuple[Field | None, Field | None]:
    """Amount and inhabitants, each supporting the other where rate x inhabitants = amount."""
    a_set, i_set = settings("amount"), settings("inhabitants")
    floor = parse_amount(str(a_set["min_value"])) or Decimal(0)
    amounts = [c for c in find.amounts(st.dt) if find.as_decimal(c.value) >= floor]
    counts = find.counts(st.dt, int(i_set["min_value"]), int(i_set["max_value"]))
    for c in amounts:
        amount_features(st, c)
    for c in counts:
        inhabitant_features(st, c)
    low, high = int(i_set["min_value"]), int(i_set["max_value"])
    # a digit read otherwise ('71.244' for 77.244) is looked for where OCR was unsure: a count read well ('81.476'
    # at 0.96) is what the document states, however its amount was worked out
    doubt = float(i_set["lookalike_below_confidence"])
    counts += [v for c in counts if st.dt.read_confidence(c.start, c.end) < doubt
               for v in find.count_variants(c, low, high)]
    counts += [v for c in counts if not c.features.get("lookalike")
               and (v := find.lost_leading_one(c, st.dt.text, low, high)) is not None]
    amounts += [v for c in amounts if not c.features.get("in_words")
                and st.dt.read_confidence(c.start, c.end) < float(a_set["lookalike_below_confidence"])
                for v in find.amount_lookalikes(c)]
    amounts += find.amount_variants(amounts)
    bare = find.bare_rounded_amounts(st.dt, counts, rate)
    for c in bare:
        amount_features(st, c)
    amounts += bare
    for c in amounts:  # more than the most inhabitants could owe: a misread, never the contribution
        c.features["implausible"] = float(find.as_decimal(c.value) > rate * high)
    cross_check(amounts, counts, rate, int(a_set["term_years"]))
    apply(amounts, a_set)
    apply(counts, i_set)
    return (_field(st.dt, FieldName.AMOUNT, amounts, float(a_set["min_score"]), tuple(a_set["no_rival_when"])),
            _field(st.dt, FieldName.INHABITANTS, counts, float(i_set["min_score"])))


def signatory_field(st: Structure, municipality: str | None, reference: Reference,
                    mentions: list[Mention] = ()) -> Field | None:  # type: ignore[assignment]
    config = settings("signatory")
    cutoff = float(config["surname_match"])
    entry = reference.get(municipality) if municipality else None
    cands = find.people(st.dt)
    if entry and entry.mayor:
        # a surname alone is a printed name in a signature block or on a line of names, not in a sentence,
        # unless the office stands right before it ('burgemeester Koen. Schuiling': a speck broke the name)
        alone = find.surnames_alone(st.dt, [surname for _, surname in reference_people(entry.mayor)], cands)
        cands += [c for c in alone if st.in_closing(st.dt.line_at(c.start)) or st.among_names(c.start, c.end)
                  or st.right_before(c.start, "municipal_office", 25)]
    for c in cands:
        match = 0.0
        if entry and entry.mayor:
            corrected, match = correct_signatory(str(c.value), entry.mayor, cutoff)
            if match:
                c.value = corrected
        person_features(st, c, match)
        # 'Werk van Tilburg': a surname that is a place the gazetteer knows, right where the name ends, is the
        # town a portfolio or an office is 'of', not a person (unless the reference names them so, or initials
        # say it is one: 'Chr.J. van Rijswijk')
        c.features["place_name"] = float(not match and not c.features.get("initials")
                                         and any(m.end == c.end and m.start > c.start for m in mentions))
    # one person, one party: a name the text places with Platform31 anywhere is Platform31's everywhere
    # the party clause, running text, is where a person's party is plainest; a signature block's columns less so
    def said(c: Candidate, feature: str) -> bool:
        return bool(c.features.get(feature)) and (bool(c.features.get("parties")) or feature == "other_office")

    _fuller_initials(cands)
    ours = {c.value for c in cands if said(c, "municipal_office") or c.features.get("reference_person")}
    theirs = {c.value for c in cands if said(c, "other_office")} - ours
    # ... by surname: 'A Vv. Everhardt', a stroke of the next column read as an initial, is still Everhardt
    their_names = {_surname(v) for v in theirs} - {_surname(v) for v in ours} - {None}
    for c in cands:
        if (c.value in theirs or _surname(c.value) in their_names) and not c.features.get("reference_person"):
            c.features["other_office"] = 1.0
    # a deputy who signs by mandate: a person of the municipality in the signature block who is plainly not
    # the reference mayor; the mayor named in the party clause is then not the one who signed
    deputies = {c.value for c in cands if c.features.get("closing") and c.features.get("municipal_office")
                and not c.features.get("other_office") and not c.features.get("contact") and c.features.get("initials")
                and not c.features.get("reference_person") and entry and entry.mayor
                and not resembles_reference(str(c.value), entry.mayor, float(config["deputy_below"]))}
    # (a person the party clause names who is not the reference mayor is a deputy already: the name in the block,
    # garbled by the scan, is theirs)
    for c in cands:
        c.features["signed_by_deputy"] = float(bool(deputies) and c.value not in deputies and not (
            c.features.get("parties") and c.features.get("initials") and c.features.get("municipal_office")
            and not c.features.get("reference_person")))
    apply(cands, config)
    # a name broken off at a line end ('M. van Bij') is the same person as the whole name read elsewhere
    by_score = sorted(cands, key=lambda o: -o.score)
    for c in cands:
        whole = next((o.value for o in by_score if o is not c
                      and len(str(o.value)) > len(str(c.value)) >= 6 and str(o.value).startswith(str(c.value))),
                     None)
        if whole is not None:
            c.value = whole
    # a surname read under a garbled first name ('Depla Dep' under a signature) is the person whose initials the
    # party clause gives with that surname, where the reference names them ('P.F.G. Depla')
    named = {_surname(o.value): o.value for o in by_score if o.features.get("initials")
             and o.features.get("reference_person")}
    for c in cands:
        if c.features.get("first_name") and c.features.get("reference_person") and _surname(c.value) in named:
            c.value = named[_surname(c.value)]
    return _field(st.dt, FieldName.SIGNATORY, cands, float(config["min_score"]))


_INITIALS_AND_SURNAME = re.compile(r"^((?:IJ\.|[A-Z][a-z]?\.)+)\s*(\S.*)$")


def _surname(value: object) -> str | None:
    """The surname of a name with initials ('A.Vv. Everhardt' -> 'everhardt'), as a key; None without initials."""
    m = _INITIALS_AND_SURNAME.match(str(value))
    return name_key(m.group(2)) if m else None


def _initial_letters(initials: str) -> str:
    """Initials as letters, the Dutch IJ and a Y (a scan's reading of it) as I: 'IJ.C.' -> 'IC'."""
    return initials.replace("IJ.", "I.").replace("Y.", "I.").replace(".", "")


def _fuller(initials: str, mine: str) -> bool:
    """Whether `initials` are a fuller reading of `mine` for the same surname: more of them around the ones read
    ('T.J.' for 'T.', 'Th.L.N.' for 'N.'), the IJ where a scan read I or Y, or where it lost the I ('J.C.')."""
    if initials == mine:
        return False
    full, read = _initial_letters(initials), _initial_letters(mine)
    around = full.startswith(read) or full.endswith(read)
    return (around and (len(full) > len(read) or "IJ." in initials)) or initials.replace("IJ.", "J.") == mine


def _fuller_initials(cands: list[Candidate]) -> None:
    """One person, one name: where the same surname is read with fewer initials in one place ('T. ten
    Brink-Oosting' in the party clause, 'T.J. ten Brink-Oosting' in the signature block; 'N. Weterings' where
    a photo garbled 'Th.L.N.' to 'ThL.N.'), or with the Dutch initial IJ as I, Y or J (a scan lost a letter of
    it), every reading takes the fullest initials."""
    parts = {c.value: m.groups() for c in cands if (m := _INITIALS_AND_SURNAME.match(str(c.value)))}
    for c in cands:
        mine = parts.get(c.value)
        if mine is None:
            continue
        fuller = [(initials, surname) for initials, surname in parts.values()
                  if name_key(surname) == name_key(mine[1]) and _fuller(initials, mine[0])]
        if fuller:
            initials, surname = max(fuller, key=lambda p: (len(_initial_letters(p[0])), "IJ." in p[0]))
            c.value = f"{initials} {surname}"


_MAYOR = re.compile(r"\bburgemeester\b")


def _named_by_mayor(st: Structure, reference: Reference) -> Field | None:
    """The town whose reference mayor the text names as mayor ('burgemeester S. van Haersma Buma', 'S. van
    Haersma Buma, burgemeester'), where no place is named as a party: the logo with the town's name was read
    in lower case or not at all. One town only; a mayor named in another role ('voorzitter') names none."""
    named: dict[str, tuple[int, int]] = {}
    folded = st.dt.folded
    for entry in reference.entries:
        for _initials, surname in reference_people(entry.mayor or ""):
            key = fold(surname)
            if len(key.replace(" ", "")) < 5:
                continue
            for m in re.finditer(r"\b" + re.escape(key) + r"\b", folded):
                line = st.dt.line_at(m.start())
                around = folded[max(line.start, m.start() - 40):min(line.end, m.end() + 25)]
                if _MAYOR.search(around):
                    named.setdefault(entry.municipality, (m.start(), m.end()))
    if len(named) != 1:
        return None
    [(town, (start, end))] = named.items()
    evidence, _conf = st.dt.evidence(start, end)
    return Field(FieldName.MUNICIPALITY.value, town, st.dt.text[start:end], float(settings("municipality")
                 ["by_mayor_confidence"]), "the reference mayor named as mayor", evidence)


def _named_by_count(st: Structure, reference: Reference, mentions: list[Mention],
                    inhabitants: Field | None) -> Field | None:
    """The town whose CBS figure the text states as its inhabitants, read surely, where no town is named as a
    party: named elsewhere ('Emmen is sinds 2011 lid van het G40 ...', under a logo read as 'ee emmen') or not
    at all (a logo read as 'gemee nte eng elo'), less surely then. One town only; a figure that is no member's
    names none."""
    config = settings("municipality")
    if inhabitants is None or inhabitants.confidence < float(config["by_count_min_confidence"]):
        return None
    towns = [e.municipality for e in reference.entries if e.inhabitants == inhabitants.value]
    if len(towns) != 1:
        return None
    first = next((m for m in mentions if m.place.name == towns[0]), None)
    if first is None:  # not named at all ('gemee nte eng elo', a logo OCR broke): the figure alone, less surely
        return replace(inhabitants, name=FieldName.MUNICIPALITY.value, value=towns[0],
                       confidence=float(config["by_count_unnamed_confidence"]),
                       rule=f"the reference inhabitants of {towns[0]} stated, the town not named")
    evidence, _conf = st.dt.evidence(first.start, first.end)
    return Field(FieldName.MUNICIPALITY.value, towns[0], first.raw, float(config["by_count_confidence"]),
                 f"the reference inhabitants of {towns[0]} stated", evidence)


def letter_sender(document: Document, reference: Reference) -> Field | None:
    """The municipality a covering letter comes from, read as an agreement's party is (letterhead, signature,
    the place it names most): it tells that something arrived from that town, never what the agreement says."""
    st = Structure(DocText.of(document))
    return _party(st, document, reference, gazetteer_for(reference).mentions(st.dt.text))


def _party(st: Structure, document: Document, reference: Reference, mentions: list[Mention]) -> Field | None:
    """The town the text names as a party (`municipality_field`), the file's name adding its vote."""
    named = tuple(p.name for p in gazetteer_for(reference).in_file_name(document.file.path))
    return municipality_field(st, find.places(mentions), reference, named)


def extract_fields(document: Document, reference: Reference) -> dict[str, Field]:
    """All fields of an agreement or decision memo; other documents carry none."""
    if document.doc_type not in (DocType.AGREEMENT, DocType.DECISION_MEMO):
        return {}
    dt = DocText.of(document)
    st = Structure(dt)
    mentions = gazetteer_for(reference).mentions(dt.text)
    found: dict[str, Field | None] = {}
    found["amount"], found["inhabitants"] = money_fields(st, reference.rate)
    municipality = (_party(st, document, reference, mentions) or _named_by_mayor(st, reference)
                    or _named_by_count(st, reference, mentions, found["inhabitants"]))
    found["municipality"] = municipality
    name = str(municipality.value) if municipality else None
    found["date"] = date_field(st, document.doc_type, mentions, name)
    if document.doc_type is DocType.AGREEMENT:
        found["signatory"] = signatory_field(st, name, reference, mentions)
    return {k: v for k, v in found.items() if v is not None}

