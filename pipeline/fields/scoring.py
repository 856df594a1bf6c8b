"""Features of each candidate from its context, and its score: the weights of `models/fields.yaml`."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from rapidfuzz import fuzz

from ..documents import page_marker
from ..rules import load_yaml
from .candidates import Candidate, as_decimal
from .doctext import Line
from .gazetteer import Mention
from .structure import Structure, lexicon


def settings(kind: str) -> dict[str, Any]:
    return load_yaml("fields.yaml")[kind]


def apply(cands: list[Candidate], weights: dict[str, Any]) -> None:
    """Score = sum of weight x feature (features without a weight count nothing)."""
    for c in cands:
        c.score = sum(float(weights[k]) * v for k, v in c.features.items() if isinstance(weights.get(k), int | float))


def confidence(score: float, ocr_conf: float, runner_up: float | None = None) -> float:
    """Rule certainty (score and margin over a different runner-up) times how well OCR read the words."""
    rule = 1 - math.exp(-max(score, 0) / 3)
    if runner_up is not None and runner_up > 0:
        rule *= min(1.0, (score - runner_up) / max(score, 1e-9) + 0.3)
    read = 0.5 + 0.5 * max(0.0, min(1.0, ocr_conf))
    return round(max(0.0, min(1.0, rule * read)), 3)


# -- dates ---------------------------------------------------------------------------------------------------

# what may stand between a place and its date: 'Ede, 28-02-2023', 'te Ede op', 'Zaanstad, maandag 27 ...'
_PLACE_TO_DATE = re.compile(r"[\s,]*[:;]?\s*(?:(?:op|d\.?\s?d\.?|den|de|datum)\s*[:.]?\s*)?"
                            r"(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag\s*,?\s*)?")
_RANGE_AFTER = re.compile(r"^\s*(?:t/m|tot(?:\s+en\s+met)?|-|–|—|up\s+to)\s*\d")


def _wrapped_from_above(st: Structure, line: Line, start: int, name: str, chars: int) -> bool:
    """A cue of `name` at the end of the line above, for a span that opens its line: the sentence wrapped just
    before it ('vastgelegd in een convenant d.d.' over '19 december 2022;')."""
    if st.dt.text[line.start:start].strip() or line.index == 0:
        return False
    above = st.dt.lines[line.index - 1]
    if above.page != line.page:
        return False
    return bool(lexicon(name).search(st.dt.folded, max(above.start, above.end - chars), above.end))


def date_features(st: Structure, c: Candidate, places: list[Mention], municipality: str | None,
                  valid: tuple[date, date]) -> None:
    f = c.features
    line = st.dt.line_at(c.start)
    row = st.row_left(c.start, c.end)
    # ... or further back in its own sentence: 'Digitaal ondertekend door <a long name> op 18-01-2023 18:16'
    f["signing"] = float(st.before(c.start, "signing", 45) or bool(lexicon("signing").search(row))
                         or _form_label(st, line, c.start)
                         or st.in_sentence(c.start, c.end, "signing", 70, right=False))
    # a label naming the decision: before the date on its line, above it, or wrapped onto a short line below;
    # a one-word label of the date's own ('Datum: 2-1-2023') is its label, whatever the line above says
    label = (lexicon("decision").search(st.dt.folded, line.start, c.start) is not None
             if _own_label(st, line, c.start) else
             st.before(c.start, "decision", 40) or _wrapped_label_below(st, line, "decision")
             or bool(lexicon("decision").search(row)) or _decision_named_before(st, c.start))
    cell_label = st.run_left(c.start, c.end)  # the words before the date in its own column
    label = label or _decision_heading_above(st, line) or _garbled_decision_label(cell_label)
    f["decision_label"] = float(label)
    # a bare 'Datum:' in a memo's header table under the decision's column ('Collegebesluit' over 'Conform
    # voorstel' over 'Datum: 10-01-2023', beside the proposal's own date in the next column)
    f["decision_column"] = float(not label and _BARE_LABEL.fullmatch(cell_label) is not None
                                 and st.column_cue(c.start, c.end, "decision_box", 3, up=True))
    # ... or a cell of its own under a verdict (a stamp 'BESLOTEN IN DE VERGADERING VAN' over '24 JAN. 2023',
    # pressed beside the header table and read into its rows): the verdict dates it, not its printed row's words
    # (the date is all its cell holds: no sentence runs on after it, 'Op 21 december 2022 ontvingen de leden')
    after = re.sub(r"[^a-z]", "", st.dt.folded[c.end:line.end])
    verdict_cell = (not label and "\n" not in c.raw and _OPEN_CELL.fullmatch(cell_label) is not None
                    and len(after) <= 3 and st.column_cue(c.start, c.end, "decided", 2, up=True))
    f["decision_column"] = float(bool(f["decision_column"]) or verdict_cell)
    if label:
        f["signing"] = 0.0  # 'collegebesluit d.d. ...': a date label, but of the decision
    f["decision"] = float(not label and (st.before(c.start, "decision", 90) or st.after(c.end, "decision", 30)
                                         or st.in_sentence(c.start, c.end, "decision", 90, right=False)))
    # a decision taken ('Besloten 14 februari 2023, conform advies') or put off ('aangehouden in de vergadering
    # van 7-2-2023') at the meeting of that date
    f["decided"] = float(bool(label or f["decision"]) and (st.before(c.start, "decided", 30)
                                                            or st.after(c.end, "decided", 20)))
    f["deferred"] = float(st.before(c.start, "deferred", 40) or st.after(c.end, "deferred", 30, sentence=True))
    f["closing"] = float(st.in_closing(line))
    f["header"] = float(st.in_header(line))
    # the page's running footer or header ('Collegevoorstel G40 | 06-02-2023 | pagina 1 van 1'): the note's or the
    # print's date, whatever box it stands under
    # (the date itself left out: 'op 31/01/2023' is no 'p. 31/01')
    rest = st.dt.text[line.start:c.start] + " " * (c.end - c.start) + st.dt.text[c.end:line.end]
    f["running_line"] = float(page_marker(rest) is not None)
    f["other_approver"] = float(_approver_label(st, c.start))
    f["deadline"] = float(st.right_before(c.start, "deadline", 35))  # 'Uiterste besluitdatum 1 maart 2023'
    f["reference_day"] = float(st.before(c.start, "reference_day", 40) or st.after(c.end, "reference_day", 25))
    f["other_event"] = float(not verdict_cell and (st.right_before(c.start, "other_event", 60)
                                                   or _wrapped_from_above(st, line, c.start, "other_event", 25)))
    # a decision list reports one meeting (its header); it adopts the list of the one before and is adopted at
    # the next ('Vastgesteld in de vergadering van 7 februari 2023', which in a memo dates the decision itself)
    f["other_meeting"] = float(_DECISION_LIST.search(st.dt.folded, 0, 300) is not None
                               and st.right_before(c.start, "other_meeting", 70))
    f["range"] = float(bool(_RANGE_AFTER.match(st.dt.text[c.end:c.end + 20])))
    value = c.value
    assert isinstance(value, date)
    f["out_of_range"] = float(not valid[0] <= value <= valid[1])
    f["first_of_january"] = float(value.month == 1 and value.day == 1)
    place = next((m for m in places if 0 <= c.start - m.end <= 32 and line.start <= m.start
                  and _PLACE_TO_DATE.fullmatch(st.dt.folded[m.end:c.start])), None)
    place = place or _place_label_above(st, c, places)
    f["place_before"] = float(place is not None)
    if (f["signing"] and place is None and not st.in_closing(line)
            and st.in_sentence(c.start, c.end, "covenant", 200, right=False)):
        # the recitals' 'het convenant "Samenwerken aan ... 2023 t/m 2027", ondertekend op 19 december 2022;': the
        # covenant's signing, its title too long for the cue right before the date
        f["other_event"] = 1.0
    if f["other_event"] and place is None:
        f["signing"] = 0.0  # 'Convenant ... Platform31 d.d. 19 december 2022': a date label, but of another event
    # a cue before the place belongs to something else ('Den Haag: na. Amstelveen, 26 jan. 2023')
    start = line.start
    if c.start - line.start <= 12 and not st.in_closing(line):
        start = 0  # a sentence broken before the date: its cue ends the line above ('loopt van ... tot\nen met')
    left = max(start, c.start - 22, place.end if place is not None and place.end <= c.start else 0)
    f["period"] = float(bool(lexicon("period").search(st.dt.folded, left, c.start)))
    if place is not None and not f["signing"] and not label and _formula_above(st, line):
        f["signing"] = 1.0  # 'Aldus in tweevoud opgemaakt:' over 'Amstelveen, 26 jan. 2023'
    f["own_place"] = float(place is not None and place.place.name == municipality)
    f["other_place"] = float(place is not None and municipality is not None and place.place.name != municipality)
    closing = st.in_closing(line)  # columns are signature blocks; elsewhere the lines around are one paragraph
    f["municipal_column"] = float(closing and (st.column_cue(c.start, c.end, "municipal_office", 3, up=True)
                                               or st.column_cue(c.start, c.end, "municipal_office", 3)))
    f["platform_column"] = float(closing and (st.column_cue(c.start, c.end, "other_office", 3, up=True)
                                              or st.column_cue(c.start, c.end, "other_office", 3)))
    # a signing table with a row per party ('Gemeente X | naam | burgemeester | 16-02-2023 | <signature>'): the
    # party the row names before the date
    row_before = st.dt.folded[line.start:c.start]
    municipal_row = closing and bool(lexicon("municipal_office").search(row_before))
    platform_row = closing and bool(lexicon("other_office").search(row_before))
    # (two blocks side by side read as one line, 'Namens Platform31   Datum: 8-3-2023', are columns, not a row)
    f["municipal_row"] = float(municipal_row and not platform_row and not f["platform_column"])
    f["platform_row"] = float(platform_row and not municipal_row and not f["municipal_column"])
    head = st.heads_block_below(c.start, c.end) if closing else None
    if head is not None:  # 'Datum: 10/02/2023' set close over 'Namens de gemeente Enschede,': that block's
        municipal = lexicon("municipal_office").search(head) is not None
        platform = lexicon("other_office").search(head) is not None
        if municipal != platform:
            f["municipal_column"], f["platform_column"] = float(municipal), float(platform)
            f["municipal_row"] = f["platform_row"] = 0.0  # the row holds another block's header
    # 'Datum: 9 februari 2023      Datum: ..........': the other column's date field is left empty; this date,
    # in Platform31's column, is not the municipality's
    f["beside_empty_date"] = float(bool(f["platform_column"]) and _empty_date_field_beside(st, line, c))


def _approver_label(st: Structure, start: int) -> bool:
    """The nearest label before the date names someone else's assent ('Portefeuillehouder ... Akkoord 16 januari
    2023', 'Paraaf afdelingshoofd'): no decision label stands between it and the date ('Portefeuillehouder:
    J. Jansen  Datum B&W: 24 januari 2023' keeps the date the college's)."""
    line = st.dt.line_at(start)
    left = max(line.start, start - 45)
    found = list(lexicon("other_approver").finditer(st.dt.folded, left, start))
    return bool(found) and not lexicon("decision_body").search(st.dt.folded, found[-1].end(), start)


_DECISION_LIST = re.compile(r"besluitenlijst")
_EMPTY_DATE_FIELD = re.compile(r"datum\s*:?\s*(?:[._…·-]{3,}|\s*$)")


def _empty_date_field_beside(st: Structure, line: Line, c: Candidate) -> bool:
    """Another 'Datum:' field on the date's line is left empty (its own label is no field)."""
    before = re.sub(r"datum\s*:?\s*$", "", st.dt.folded[line.start:c.start])
    return bool(_EMPTY_DATE_FIELD.search(before + " | " + st.dt.folded[c.end:line.end]))

_WEEKDAY = r"(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag[\W_]*)?"


# the heading of a memo's decision box: 'BESLUIT COLLEGE', 'Besluit B&W', 'Beslissing' (not 'Voorgesteld besluit')
_DECISION_HEADING = re.compile(r"[\W_]{0,3}(?:besluit|beslissing)(?:\s+(?:van\s+)?(?:het\s+)?(?:college|b\s*(?:&|en)"
                               r"\s*w|burgemeester en wethouders))?[\W_]{0,3}")


_DATE_LABEL = re.compile(r"datum\s+([a-z]{4,14})\s*:?\s*$")


def _garbled_decision_label(before: str) -> bool:
    """'Datum beelait: 14-2-2023': a speckled scan's 'besluit' after 'Datum', known by its likeness to the
    decision's words (rapidfuzz ratio), where no other word stands between label and date."""
    m = _DATE_LABEL.search(before)
    if m is None:
        return False
    config = settings("date")
    word = m.group(1)
    # a compound that holds the word whole names something else ('Datum besluitnota': the note's date)
    return any(fuzz.ratio(word, label) >= float(config["garbled_label_ratio"])
               and not (word.startswith(label) and len(word) > len(label))
               for label in config["garbled_label_words"])


def _decision_heading_above(st: Structure, line: Line, rows: int = 3) -> bool:
    """The date stands in a box under a decision heading, the lines between it and the heading short (a form's
    options: '☒ conform advies ☐ gewijzigd')."""
    for i in range(line.index - 1, max(-1, line.index - 1 - rows), -1):
        other = st.dt.lines[i]
        if other.page != line.page:
            return False
        text = st.dt.folded[other.start:other.end].strip()
        if _DECISION_HEADING.fullmatch(text):
            return True
        if len(text.split()) > 8:
            return False
    return False


def _formula_above(st: Structure, line: Line, chars: int = 45) -> bool:
    """The end of the line above names the signing ('Aldus overeengekomen en ondertekend,')."""
    if not line.index or st.dt.lines[line.index - 1].page != line.page:
        return False
    above = st.dt.lines[line.index - 1]
    return bool(lexicon("signing").search(st.dt.folded, max(above.start, above.end - chars), above.end))


_BARE_LABEL = re.compile(r"[\W_]*[a-z]{3,12}\s*:\s*")
_OPEN_CELL = re.compile(r"[\W_]*(?:d\.?\s?d\.?|datum)?[\s:.]*")  # a cell the date opens ('', 'd.d.', 'datum:')


def _own_label(st: Structure, line: Line, start: int) -> bool:
    """Only a one-word label stands before the date on its line ('Datum: 2-1-2023', 'patum:')."""
    return _BARE_LABEL.fullmatch(st.dt.folded[line.start:start]) is not None


def _form_label(st: Structure, line: Line, start: int) -> bool:
    """A date under a one-word label of its own in the signing part ('Datum:' read as 'patum:')."""
    return st.in_closing(line) and _own_label(st, line, start)


def _place_label_above(st: Structure, c: Candidate, places: list[Mention]) -> Mention | None:
    """The place of a stacked form: 'Plaats: Hengelo' right above 'Datum: 1 maart 2023', in the same column."""
    line = st.dt.line_at(c.start)
    if not line.index or st.dt.lines[line.index - 1].page != line.page:
        return None
    above = st.dt.lines[line.index - 1]
    text = st.dt.folded
    lead = re.search(lexicon("date_label").pattern + r"[\W_]*" + _WEEKDAY + "$", text[line.start:c.start])
    if lead is None:
        return None
    for m in places:
        if not above.start <= m.start < above.end:
            continue
        label = re.search(lexicon("place_label").pattern + r"[\W_]*$", text[above.start:m.start])
        if label and st.same_column((above.start + label.start(), m.end), (line.start + lead.start(), c.end)):
            return m
    return None


@cache
def _connectors() -> re.Pattern[str]:
    words = load_yaml("lexicon.yaml")["cues"]["decision_connector"]
    return re.compile(r"(?:[\W_]*(?:" + "|".join(words) + r")(?![a-z0-9]))*[\W_]*")


def _decision_named_before(st: Structure, start: int, chars: int = 100) -> bool:
    """A decision named before the date with only connecting words between them, on its line or the one
    above ('het besluit van burgemeester en wethouders d.d. dinsdag 28 februari 2023')."""
    line = st.dt.line_at(start)
    top = st.dt.lines[line.index - 1].start if line.index else line.start
    text = st.dt.folded
    for m in lexicon("decision").finditer(text, max(top, start - chars), start):
        end = m.end()
        while end < start and text[end].isalpha():
            end += 1  # to the end of the cue's word ('besluit' in 'besluiten')
        if _connectors().fullmatch(text, end, start):
            return True
    return False


def _wrapped_label_below(st: Structure, line: Line, name: str) -> bool:
    """A table label that wrapped: 'Datum 31/01/2023' over 'collegevergadering' (a line of one to three words)."""
    if line.index + 1 >= len(st.dt.lines):
        return False
    below = st.dt.lines[line.index + 1]
    words = st.dt.text[below.start:below.end].split()
    return (0 < len(words) <= 3 and words[0][:1].islower() and below.page == line.page
            and st.on_line(below.start, name) and not re.search(r"\d", st.dt.text[below.start:below.end]))


# -- amounts and inhabitants ---------------------------------------------------------------------------------

_BRACKETS_AFTER = re.compile(r"\s*\([^()]{1,120}\)")
_PER_YEAR = re.compile(r"\W{0,3}(?:(?:ex\S*|zonder)\s+(?:b\.?t\.?w\.?|omzetbelasting)\s*)?"
                       r"(?:per\s+(?:kalender|boek)?jaar|jaarlijks|/\s*jaar|bij\b)")


# what turns a label into a sum: '€ 0,15 per inwoner, dat is € 19.600,20', 'tarief x inwoners = € ...'
_RESULT = re.compile(r"(?<![a-z])(?:dat|dit|het|wat)\s+is\b|=|(?<![a-z])(?:bedraagt|komt|maakt|totaal|samen)\b")


def _label_not_result(st: Structure, start: int, name: str, chars: int) -> bool:
    """A cue of `name` just before the span on its line, with no result word between them."""
    line = st.dt.line_at(start)
    cues = list(lexicon(name).finditer(st.dt.folded, max(line.start, start - chars), start))
    return bool(cues) and not _RESULT.search(st.dt.folded, cues[-1].end(), start)


_MONEY_AHEAD = re.compile(r"(?:€|\beur(?:o)?\b)\s*:?\s*\d|\d,\d\d\b")


def _line_label(st: Structure, start: int, name: str, chars: int) -> bool:
    """A cue of `name` that opens the span's line and ends in a colon before it ('Ter vergelijking: ...')."""
    line = st.dt.line_at(start)
    head = st.dt.folded[line.start:start]
    colon = head.find(":")
    return colon >= 0 and start - line.start <= chars + colon and bool(lexicon(name).search(head, 0, colon))


_FIRST_FIGURE = re.compile(r"[€\d]")


_CURRENCY_RIGHT_BEFORE = re.compile(r"(?:€|\beur|\beuro)[\s.…„‚_:]*$")
_CLOSING_CURRENCY_BEFORE = re.compile(r"\d,\d\d[ \t]?(?:eur|euro)\b[ \t]*\n\s*$")


def _continues_sentence(st: Structure, line: Line) -> bool:
    """Whether the line is the end of a sentence wrapped from the line above (a long line with no stop at its
    end: '... Het aantal inwoners van de gemeente' over 'Leeuwarden bedroeg op 1 januari 2022 ... 125504.')."""
    if line.index == 0:
        return False
    above = st.dt.lines[line.index - 1]
    text = st.dt.text[above.start:above.end].rstrip()
    return above.page == line.page and len(text.split()) > 10 and not text.endswith((".", ":", ";", "!", "?"))


def _row_label(st: Structure, start: int, name: str, max_words: int = 12) -> bool:
    """A cue of `name` in the label of a table row: the words before the first figure of a short line ('Oude
    overeenkomst (t/m feb. 2023) € 0,13 155.885 € 20.265'), however far the span stands from it."""
    line = st.dt.line_at(start)
    text = st.dt.folded[line.start:line.end]
    if len(text.split()) > max_words or _continues_sentence(st, line):
        return False
    first = _FIRST_FIGURE.search(text)
    label = text[:first.start()] if first else text
    return line.start + len(label) <= start and bool(lexicon(name).search(label))


def _own_cue_after(st: Structure, end: int, name: str, chars: int) -> bool:
    """A cue of `name` after an amount on its line and in its sentence that is its own: not the label of the next
    amount ('€ 35.242,50 bij aan Platform31 (tarief € 0,15 per inwoner': 'tarief' labels the rate), nor past it."""
    line = st.dt.line_at(max(0, end - 1))
    right = st.sentence_end(end, min(line.end, end + chars))  # 'excl. btw. Het tarief is' labels the next one
    ahead = _MONEY_AHEAD.search(st.dt.folded, end, min(line.end, right + 12))
    for m in lexicon(name).finditer(st.dt.folded, end, min(right, ahead.start()) if ahead else right):
        if not (ahead and ahead.start() - m.end() <= 10):
            return True
    return False


def amount_features(st: Structure, c: Candidate) -> None:
    f = c.features
    f["contribution_before"] = float(st.before(c.start, "contribution", 60))
    f["contribution_sentence"] = float(st.in_sentence(c.start, c.end, "contribution", 140))
    # words in brackets right after it ('(zegge: ... euro en dertig cent)', '(excl. btw)') stand between it and
    # 'per jaar'
    after = _BRACKETS_AFTER.match(st.dt.folded, c.end)
    f["contribution_after"] = float(bool(_PER_YEAR.match(st.dt.folded[c.end:c.end + 30])
                                         or (after and _PER_YEAR.match(st.dt.folded[after.end():after.end() + 30]))))
    f["per_inhabitant"] = float(_own_cue_after(st, c.end, "per_inhabitant", 28))
    f["rate_label"] = float(_label_not_result(st, c.start, "per_inhabitant", 25))
    # ... or after it in its own sentence ('€ 3.969,45 ten opzichte van 2022'; not '23.575. Ten opzichte van')
    f["change"] = float(st.right_before(c.start, "change", 40)
                        or _wrapped_from_above(st, st.dt.line_at(c.start), c.start, "change", 20)
                        or st.after(c.end, "change_after", 25, wrap=True, sentence=True))
    f["with_vat"] = float(st.right_before(c.start, "with_vat", 50) or st.after(c.end, "with_vat", 20))
    # what sets an amount apart may stand before it in its sentence, on the line above ('over de gehele
    # looptijd van vijf jaar bedraagt de bijdrage daarmee' over '119.502,00 euro')
    # ... or as the label of its line ('Ter vergelijking: bijdrage EUR 12.830,35')
    f["partial_year"] = float(st.in_sentence(c.start, c.end, "partial_year", 90, right=False))
    f["earlier"] = float(st.in_sentence(c.start, c.end, "earlier", 45, right=False)
                         or _line_label(st, c.start, "earlier", 30) or _row_label(st, c.start, "earlier"))
    # 'voor de gehele looptijd draagt de gemeente jaarlijks € X bij': a yearly cue right at the amount says
    # what it is, whatever the sentence says before
    yearly_here = st.right_before(c.start, "per_year", 12) or f["contribution_after"] > 0
    f["whole_term"] = float((st.in_sentence(c.start, c.end, "whole_term", 60, right=False)
                             and not st.in_sentence(c.start, c.end, "each_year", 60, right=False)
                             and not yearly_here)
                            or st.after(c.end, "whole_term", 40, sentence=True))
    # a table's column headers say what the amounts under them are ('Per jaar', '2023 t/m 2027', '2022')
    f["whole_term_column"] = float(st.column_header(c.start, c.end, "whole_term_header"))
    f["per_year_column"] = float(st.column_header(c.start, c.end, "per_year"))
    f["earlier_column"] = float(st.column_header(c.start, c.end, "earlier"))
    line = st.dt.line_at(c.start)
    rest = st.dt.text[c.end:line.end]
    _printed_row(st, c, line)
    # a table row: a short line that names the contribution and ends with the amount (in words: the currency
    # of the rate before it, '2019 t/m 2022 €0,13 € 20.887,10', names nothing)
    f["table_total"] = float(not f["earlier"] and not re.search(r"\d|[a-z]{3,}", rest.lower().replace("euro", ""))
                             and len(st.dt.text[line.start:line.end].split()) <= 8
                             and _names_contribution(st.dt.folded, line.start, c.start))


def _names_contribution(folded: str, start: int, end: int) -> bool:
    """A contribution cue in words between `start` and `end`: a currency sign ('€', 'eur') names nothing, it may
    be the rate's ('2019 t/m 2022 €0,13 € 20.887,10')."""
    return any(re.search(r"[a-z]{3}", m.group(0).replace("eur", ""))
               for m in lexicon("contribution").finditer(folded, start, end))


_ROW_CUES = {"earlier": "earlier", "change": "change", "rate_label": "per_inhabitant", "whole_term": "whole_term",
             "with_vat": "with_vat", "partial_year": "partial_year"}


def _printed_row(st: Structure, c: Candidate, line: Line) -> None:
    """An amount alone on its line of text, where the words printed left of it on its row say what it is: OCR
    gave a ruled table's figures lines of their own, before or after their labels ('€ 11.586,60' above
    'Jaarlijkse bijdrage'), so the lines around it are other rows' labels. The printed row's label decides."""
    if st.dt.text[line.start:c.start].strip() or st.dt.text[c.end:line.end].strip():
        return
    row = st.row_left(c.start, c.end)
    if not re.search(r"[a-z]{3}", row):
        return
    f = c.features
    for feature, cue in _ROW_CUES.items():
        f[feature] = float(bool(lexicon(cue).search(row)))
    named = _names_contribution(row, 0, len(row))
    f["contribution_before"] = float(named)
    f["contribution_sentence"] = float(named)


def inhabitant_features(st: Structure, c: Candidate) -> None:
    f = c.features
    f["inhabitants_after"] = float(bool(re.match(r"\s*(?:inwoners?|ingezetenen)\b", st.dt.folded[c.end:c.end + 20])))
    f["inhabitants_before"] = float(st.before(c.start, "inhabitants", 70))
    f["inhabitants_line"] = float(st.on_line(c.start, "inhabitants"))
    f["inhabitants_column"] = float(st.column_header(c.start, c.end, "inhabitants"))  # under 'Inwoners'
    f["grouped"] = float(bool(re.search(r"[.,]", c.raw)))
    # a figure right after a euro sign (dots or an ellipsis between at most) is money, never a count
    # ... unless the currency word closes the amount before it ('13.759,95 euro' over a table's count)
    closed = _CLOSING_CURRENCY_BEFORE.search(st.dt.folded, max(0, c.start - 30), c.start) is not None
    f["not_inhabitants"] = float(not closed and (
        st.right_before(c.start, "not_inhabitants", 25)
        or bool(_CURRENCY_RIGHT_BEFORE.search(st.dt.folded, max(0, c.start - 12), c.start))))
    f["earlier_row"] = float(_row_label(st, c.start, "earlier"))  # 'Oude overeenkomst € 0,13 155.885 € 20.265'


def cross_check(amounts: list[Candidate], counts: list[Candidate], rate: Decimal, term_years: int = 5) -> None:
    """An amount that is rate x a stated count, and that count, support each other; an amount of which another
    is the total over the term's years is the yearly one, and that other is the total."""
    _term_totals(amounts, term_years)
    exact = {(rate * int(str(c.value))).quantize(Decimal("0.01"), ROUND_HALF_UP): c for c in counts}
    # a count read with a digit otherwise supports only an exact amount, never a memo's rounded one
    rounded = {v.quantize(Decimal("1"), ROUND_HALF_UP): c for v, c in exact.items()
               if not c.features.get("lookalike")}
    for a in amounts:
        value = as_decimal(a.value)
        hit = exact.get(value)
        if hit is not None and hit.features.get("lookalike") and a.features.get("digit_lookalike"):
            hit = None  # two readings otherwise do not confirm each other
        a.features["matches_count"] = float(hit is not None)
        near = rounded.get(value) if value == value.to_integral_value() and not a.features.get("digit_lookalike") \
            else None
        a.features["matches_count_rounded"] = float(hit is None and near is not None)
        for c in (hit, near):
            if c is not None:
                c.features["matches_amount"] = 1.0


def _as_printed(a: Candidate) -> bool:
    """An amount as OCR read it, not a reading of it with a digit otherwise, too many or without separators."""
    return not a.features.get("lookalike") and not a.features.get("digit_lookalike")


def _term_totals(amounts: list[Candidate], years: int) -> None:
    """'€ 32.674,20 ... € 163.371,00': the second is five years of the first (to the cent, or within rounding
    where both are whole euros), whatever the labels OCR read apart from them say; '€ 20.362,25' beside
    '€ 24.434,70' is ten twelfths of it, a part of a year."""
    # a value read with a digit otherwise ('lookalike') neither supports nor is supported
    read = {as_decimal(a.value) for a in amounts if _as_printed(a)}

    def total_of(total: Decimal, yearly: Decimal) -> bool:
        if yearly * years == total:
            return True
        whole = total == total.to_integral_value() and yearly == yearly.to_integral_value()
        return whole and abs(yearly * years - total) <= Decimal(years) / 2

    def part_of(part: Decimal, yearly: Decimal) -> bool:  # 'naar rato 10/12': months of a year, to the cent
        return any((yearly * months / 12).quantize(Decimal("0.01"), ROUND_HALF_UP) == part for months in range(1, 12))

    for a in amounts:
        value = as_decimal(a.value)
        others = read - {value}
        mine = _as_printed(a)
        a.features["term_yearly"] = float(mine and any(total_of(o, value) for o in others))
        a.features["term_total"] = float(mine and any(total_of(value, o) for o in others))
        # another amount read is this one's year: this is a part of it (the first year from March), however
        # far its own cue stands ('naar rato' on the page before)
        if mine and value >= 100 and any(part_of(value, o) for o in others if o > value):
            a.features["partial_year"] = 1.0


# -- people and places ---------------------------------------------------------------------------------------

def person_features(st: Structure, c: Candidate, reference_match: float) -> None:
    f = c.features
    line = st.dt.line_at(c.start)
    f["represent"] = float(st.before(c.start, "represent", 60)
                           or st.in_sentence(c.start, c.end, "represent", 90, right=False))
    # in the closing the words around a name are its column's (the other column shares its printed line);
    # elsewhere they are its sentence's
    if st.in_closing(line):
        own = (st.column_cue(c.start, c.end, "municipal_office", 2)
               or st.column_cue(c.start, c.end, "municipal_office", 2, up=True))
        other = (st.column_cue(c.start, c.end, "other_office", 2)
                 or st.column_cue(c.start, c.end, "other_office", 1, up=True))
    else:
        own = (st.in_clause_before(c.start, "municipal_office", 30)
               or st.after(c.end, "municipal_office", 25, wrap=True))
        other = st.in_clause_before(c.start, "other_office", 45) or st.after(c.end, "other_office", 45, wrap=True)
    f["municipal_office"] = float(own)
    f["other_office"] = float(other)
    f["parties"] = float(st.in_parties(line))
    f["closing"] = float(st.in_closing(line))
    f["reference_person"] = reference_match
    f["first_name"] = 1.0 - c.features.get("initials", 0.0)
    f["address"] = float(st.right_before(c.start, "address", 12))
    f["contact"] = float(st.in_sentence(c.start, c.end, "contact", 60))


def other_seats(places: list[Candidate]) -> None:
    """A place named in the other party's clause is its seat (Platform31 in Den Haag): every mention of it
    not introduced as a municipality counts less."""
    seats = {c.value for c in places if c.features.get("other_party")}
    for c in places:
        c.features["other_seat"] = float(c.value in seats and not c.features.get("named_as_municipality"))


def place_features(st: Structure, c: Candidate, previous: Candidate | None, following: Candidate | None) -> None:
    f = c.features
    line = st.dt.line_at(c.start)
    f["named_as_municipality"] = float(st.right_before(c.start, "municipality_before", 40))
    f["seat"] = float(st.right_before(c.start, "seat", 14))
    f["signing_line"] = float(bool(re.match(r"[\s,]*(?:(?:op|d\.?\s?d\.?|den)\s*[:.]?\s*)?\d{1,2}\s*[-./ ]\s*\w",
                                            st.dt.folded[c.end:c.end + 25])))
    f["parties"] = float(st.in_parties(line))
    f["closing"] = float(st.in_closing(line))
    f["header"] = float(st.in_header(line))
    named = f["named_as_municipality"] > 0  # 'gemeente X' decides, whoever else the line names
    # the other party's cue before the place, or right after it ('Den Haag, hierna: Platform31'); further on in
    # its sentence it is what the place belongs to ('Leiden is sinds de oprichting lid van het G40')
    f["other_party"] = float(not named and (st.in_sentence(c.start, c.end, "other_party", 80, right=False)
                                            or st.after(c.end, "other_party", 30, sentence=True))
                             and st.near_lines(c.start, c.end, "other_party"))
    listed = any(o is not None and (0 <= c.start - o.end <= 3 or 0 <= o.start - c.end <= 5)
                 and re.fullmatch(r"\s*(?:,|en|of)\s*", st.dt.text[min(o.end, c.end):max(o.start, c.start)] or "")
                 for o in (previous, following))
    f["listed"] = float(listed)
    f["base"] = 1.0
