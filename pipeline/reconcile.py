"""Reconcile stage: what arrived against what is expected, as one status per member and findings."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pandas as pd
from babel.numbers import format_currency, format_decimal

from .fields.gazetteer import cbs_code
from .labels import DOC_TYPE_NL, FILE_ERROR_NL
from .normalize import file_stem
from .reference import Reference, expected_amount
from .rules import load_yaml
from .schema import (
    NEEDED_FIELDS,
    DocType,
    Extraction,
    Finding,
    FindingCode,
    MunicipalityStatus,
    ReferenceEntry,
    Severity,
    Status,
)

FINDING_CODES = tuple(code.value for code in FindingCode)
FIELD_NAMES_NL = {"municipality": "gemeente", "signatory": "ondertekenaar", "date": "datum",
                  "amount": "bedrag", "inhabitants": "inwonertal", "signed": "handtekening"}


def euro(value: Decimal | None) -> str:
    return "onbekend" if value is None else format_currency(value, "EUR", locale="nl_NL")


def count(value: int) -> str:
    return format_decimal(value, locale="nl_NL")


@dataclass(frozen=True)
class Reconciliation:
    statuses: tuple[MunicipalityStatus, ...]
    findings: tuple[Finding, ...]

    def counts(self) -> dict[Status, int]:
        return {s: sum(1 for x in self.statuses if x.status is s) for s in Status}


class _Findings:
    def __init__(self) -> None:
        self.rules = load_yaml("reconcile.yaml")
        self.items: list[Finding] = []
        self._kinds: Counter[str] = Counter()  # findings so far per first-occurrence ID

    def add(self, code: FindingCode, municipality: str, file: str, message: str, severity: Severity | None = None,
            about: Extraction | None = None, field: str = "") -> None:
        assert code in FINDING_CODES, code
        sev = severity or Severity(self.rules["severity"][code])
        finding = Finding(sev, code, municipality, file, message, about.pages if about else "", field,
                          about.key if about else "")
        self.items.append(replace(finding, occurrence=self._kinds[finding.id]))  # a second of its kind: own ID
        self._kinds[finding.id] += 1

    def excuse(self, ex: Extraction, code: FindingCode, field: str) -> None:
        """Make the error `code` about `field` of `ex` a warning: what it reports is explained elsewhere."""
        self.items = [replace(x, severity=Severity.WARNING) if x.code == code and x.field == field
                      and x.file == ex.file.path and x.pages == ex.pages else x for x in self.items]

    def for_doc(self, ex: Extraction, code: FindingCode, municipality: str, message: str, field: str = "",
                severity: Severity | None = None) -> None:
        """A finding on one document; unless `severity` says otherwise, on a decision memo it is a warning."""
        if severity is None and ex.doc_type is DocType.DECISION_MEMO:
            severity = Severity(self.rules["memo_severity"])
        self.add(code, municipality, ex.file.path, f"{_where(ex)}: {message}", severity, ex, field)


def _where(ex: Extraction) -> str:
    return f"{DOC_TYPE_NL[ex.doc_type]} (p. {ex.pages})" if ex.pages else DOC_TYPE_NL[ex.doc_type]


def _document_findings(ex: Extraction, reference: Reference, f: _Findings) -> None:
    rules = f.rules
    if ex.error:
        f.add(FindingCode.UNREADABLE, "", ex.file.path,
              f"bestand niet gelezen ({FILE_ERROR_NL[ex.error]}): {ex.error_message}", about=ex)
        return
    if ex.doc_type is DocType.OTHER:
        f.add(FindingCode.UNCLASSIFIED, "", ex.file.path, f"pagina's {ex.pages}: niet herkend als overeenkomst, "
              "besluitnota, convenant of brief", about=ex)
        return
    if ex.doc_type not in NEEDED_FIELDS:
        return
    municipality = ex.municipality or ""
    outsider = bool(municipality) and reference.get(municipality) is None
    if outsider:
        code = cbs_code(municipality)
        what = (f"{municipality} ({code}) is geen lid van de G40 (niet in de referentielijst)" if code else
                f"'{municipality}' is geen gemeente van 2022 en geen lid volgens de referentielijst")
        f.add(FindingCode.UNKNOWN_MUNICIPALITY, municipality, ex.file.path, f"{_where(ex)}: {what}",
              about=ex, field="municipality")
    low = float(rules["low_confidence"])
    for name in NEEDED_FIELDS[ex.doc_type]:
        field = ex.fields.get(name)
        if field is None:  # not one of the members': the one error is that it came in at all
            doubt_only = name in rules["doubt_is_warning"] or outsider
            f.for_doc(ex, FindingCode.MISSING_FIELD, municipality, f"{FIELD_NAMES_NL[name]} niet gevonden", name,
                      Severity.WARNING if doubt_only else None)
        elif field.confidence < low:
            doubt_only = name in rules["doubt_is_warning"] or outsider
            f.for_doc(ex, FindingCode.LOW_CONFIDENCE, municipality,
                      f"{FIELD_NAMES_NL[name]} '{field.raw}' onzeker gelezen ({field.confidence:.0%})", name,
                      Severity.WARNING if doubt_only else None)
    if ex.signature_problem:
        if ex.signed:  # signed in ink (or by another digital signature): this one still needs a look
            f.add(FindingCode.LOW_CONFIDENCE, municipality, ex.file.path,
                  f"{_where(ex)}: digitale handtekening telt niet: {ex.signature_problem}", Severity.WARNING, ex,
                  "signed")
        else:
            f.for_doc(ex, FindingCode.UNSIGNED, municipality,
                      f"digitale handtekening telt niet: {ex.signature_problem}", "signed")
    signed = ex.fields.get("signed")
    if signed is not None and signed.value is True and signed.confidence < low:  # 'no' is reported as unsigned
        f.for_doc(ex, FindingCode.LOW_CONFIDENCE, municipality, f"handtekening onzeker ({signed.raw})", "signed",
                  Severity.WARNING if outsider else None)
    _check_amount_against_inhabitants(ex, municipality, reference, f)
    _check_sender(ex, municipality, reference, f)
    period = rules["covenant_period"]
    start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
    if ex.date is not None and not start <= ex.date <= end:
        f.for_doc(ex, FindingCode.DATE_OUT_OF_RANGE, municipality,
                  f"datum {ex.date.isoformat()} valt buiten de convenantsperiode ({start} t/m {end})", "date")


def _check_sender(ex: Extraction, municipality: str, reference: Reference, f: _Findings) -> None:
    """The sender's mail domain is second evidence for the municipality: a disagreement is a warning."""
    if not ex.file.sender or not municipality:
        return
    domain = ex.file.sender.rpartition("@")[2]
    member = reference.match_domain(domain)
    if member is not None and member != municipality:
        f.add(FindingCode.CONFLICTING_DOCUMENTS, municipality, ex.file.path,
              f"{_where(ex)}: verstuurd door {ex.file.sender} ({member}), maar het document is van {municipality}",
              Severity.WARNING, ex, "municipality")


def _check_amount_against_inhabitants(ex: Extraction, municipality: str, reference: Reference,
                                      f: _Findings) -> None:
    """A document stating both must agree with itself: amount = rate x inhabitants (a memo rounds to euros).

    A disagreement means a misread digit or a miscalculation; either way the amount is in doubt.
    """
    if ex.amount is None or ex.inhabitants is None:
        return
    implied = expected_amount(ex.inhabitants, reference.rate)
    tolerance = Decimal(str(f.rules["memo_amount_tolerance"])) if ex.doc_type is DocType.DECISION_MEMO \
        else Decimal("0")
    entry, due = reference.get(municipality), reference.expected(municipality)
    if entry is not None and entry.inhabitants and ex.inhabitants != entry.inhabitants and due is not None \
            and abs(ex.amount - due) <= tolerance:
        return  # the amount is the reference's: the stated count is mistyped, and its own finding says so
    if implied is not None and abs(ex.amount - implied) > tolerance:
        f.for_doc(ex, FindingCode.LOW_CONFIDENCE, municipality,
                  f"bedrag {euro(ex.amount)} klopt niet met het genoemde inwonertal: {count(ex.inhabitants)} × "
                  f"{euro(reference.rate)} = {euro(implied)} (leesfout of rekenfout)", "amount")


def _misread_hint(read: Decimal, expected: Decimal) -> str:
    """A note when the amounts differ in one digit only: more likely a scan misread than a wrong amount."""
    a, b = f"{read:.2f}", f"{expected:.2f}"
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return " (verschilt één cijfer: mogelijk een leesfout, controleer de scan)"
    return ""


def signature_confirmed(ex: Extraction, low: float) -> bool:
    """Signed beyond doubt: read with confidence, or corrected to 'ja' by a reviewer from the scan.

    Accepting a doubtful-signature finding resolves the finding, never the doubt: it stays an exception.
    """
    field = ex.fields.get("signed")
    if not ex.signed or field is None or field.value is not True:
        return False
    return field.rule.startswith("review:") or field.confidence >= low


# a file name that says it is a copy: 'Kopie van X.pdf', 'X - kopie.pdf', 'Copy of X.pdf'; or a number a
# mail client or scanner counts up: 'X (1).pdf', 'Scanned from a Xerox Multifunction Printer (16).pdf'
# forwarded or sent again: 'FW_ ...', 'RE ...', '... (opnieuw verzonden)'
_COPY_NAME = re.compile(r"^(?:kopie van|copy of)\b|[\s_-](?:kopie|copy)$|^(?:fw|fwd|re|doorgestuurd)[\s_:]"
                        r"|\((?:opnieuw|nogmaals|herzonden)\b[^)]*\)$", re.IGNORECASE)
_COUNTED_NAME = re.compile(r"\s?\((\d{1,4})\)$")


def _copy_rank(path: str) -> tuple[bool, int]:
    """How late a file's name says it came: named a copy, then by its counter (none counts as 0)."""
    stem = file_stem(path.rsplit("#", 1)[-1]).strip()  # an attachment: its own name
    counted = _COUNTED_NAME.search(stem)
    return bool(_COPY_NAME.search(stem)), int(counted.group(1)) if counted else 0


def _sent_at(a: Extraction) -> float:
    """When the e-mail that carried it was sent (UTC seconds); files without a sending time come last."""
    try:
        sent = datetime.fromisoformat(a.file.sent)
    except ValueError:
        return math.inf
    return (sent if sent.tzinfo else sent.replace(tzinfo=UTC)).timestamp()


def _pick_agreement(agreements: list[Extraction]) -> Extraction:
    """The agreement that counts: read with an amount, signed, with most confidence; of equals the original,
    not a file named as a copy or as sent again, and the one sent first. Of the same agreement sent twice the
    original counts, even where the copy was read with more confidence (a cleaner rescan)."""
    best = min(agreements, key=lambda a: (a.amount is None, not a.signed, -a.confidence, _copy_rank(a.file.path),
                                          _sent_at(a)))
    same = [a for a in agreements if a.signed == best.signed and _same_agreement(a, best)]
    return min(same, key=lambda a: (_copy_rank(a.file.path), _sent_at(a), -a.confidence))


def _same_agreement(a: Extraction, b: Extraction) -> bool:
    """The same agreement: the same content, or the same amount, date and signatory."""
    return a.content_hash == b.content_hash or \
        (a.amount, a.date, a.value("signatory")) == (b.amount, b.date, b.value("signatory"))


def _signature_page(primary: Extraction, agreements: list[Extraction]) -> Extraction | None:
    """A signed page sent on its own (a phone photo of the signature page) for an agreement found unsigned:
    one page of an agreement of the same municipality that states no amount of its own."""
    if primary.signed:
        return None
    return next((a for a in agreements if a is not primary and a.signed and a.amount is None
                 and "-" not in a.pages), None)


def _municipality_findings(entry: ReferenceEntry, docs: list[Extraction], reference: Reference,
                           f: _Findings) -> tuple[Extraction | None, Extraction | None]:
    """Findings about one member; its primary agreement and the document that carries its signature."""
    name = entry.municipality
    signature_page = None
    agreements = [d for d in docs if d.doc_type is DocType.AGREEMENT]
    memos = [d for d in docs if d.doc_type is DocType.DECISION_MEMO]
    if entry.inhabitants is None:
        f.add(FindingCode.NO_REFERENCE, name, "", "geen CBS-inwonertal per 1-1-2022 in de referentielijst: "
              "het verschuldigde bedrag is onbekend (vul de referentie aan met --reference)")
    if not docs:
        return None, None
    files = ";".join(sorted({d.file.path for d in docs}))
    if not agreements:
        f.add(FindingCode.NO_AGREEMENT, name, files, "wel stukken ontvangen, maar geen samenwerkingsovereenkomst")
        primary = None
    else:
        primary = _pick_agreement(agreements)
        signature_page = _signature_page(primary, agreements)
        if signature_page is not None:
            f.excuse(signature_page, FindingCode.MISSING_FIELD, "amount")  # a signature page states no amount
            # its few words name the signer with less certainty; the warning below sends the reviewer to it
            f.excuse(signature_page, FindingCode.LOW_CONFIDENCE, "signatory")
            if signature_page.date is not None:  # the agreement was dated where it was signed
                f.excuse(primary, FindingCode.MISSING_FIELD, "date")
            f.add(FindingCode.LOW_CONFIDENCE, name, signature_page.file.path,
                  f"{_where(signature_page)}: de handtekening staat op een apart gestuurde pagina bij "
                  f"{primary.file.path} (p. {primary.pages}); controleer dat het dezelfde overeenkomst is",
                  Severity.WARNING, signature_page, "signed")
        for other in agreements:
            if other is primary or other is signature_page:
                continue
            if _same_agreement(other, primary):
                f.add(FindingCode.DUPLICATE, name, other.file.path,
                      f"{_where(other)} is een kopie van {primary.file.path} (p. {primary.pages})", about=other,
                      field="amount")
            else:
                f.add(FindingCode.CONFLICTING_DOCUMENTS, name, other.file.path,
                      f"{_where(other)} wijkt af van {primary.file.path}: bedrag {euro(other.amount)} tegen "
                      f"{euro(primary.amount)}, datum {other.date} tegen {primary.date}", about=other, field="amount")
                _amount_mismatch(other, entry, reference, f)
        if not primary.signed and signature_page is None:
            how = primary.fields["signed"].raw if "signed" in primary.fields else "niet gecontroleerd"
            f.add(FindingCode.UNSIGNED, name, primary.file.path,
                  f"{_where(primary)}: geen handtekening van de gemeente gevonden ({how})",
                  about=primary, field="signed")
        if _amount_mismatch(primary, entry, reference, f):
            f.excuse(primary, FindingCode.LOW_CONFIDENCE, "amount")  # one finding sends the reviewer to it
    for d in docs:
        if d.inhabitants is not None and entry.inhabitants is not None and d.inhabitants != entry.inhabitants:
            f.add(FindingCode.INHABITANTS_MISMATCH, name, d.file.path,
                  f"{_where(d)}: {count(d.inhabitants)} inwoners genoemd, de referentie (CBS 1-1-2022) heeft "
                  f"{count(entry.inhabitants)}", about=d, field="inhabitants")
            f.excuse(d, FindingCode.LOW_CONFIDENCE, "inhabitants")
    tolerance = Decimal(str(f.rules["memo_amount_tolerance"]))
    if primary is not None and primary.amount is not None:
        for memo in memos:
            # a memo that reckons with other inhabitants than CBS's (reported above) reaches another amount
            own = expected_amount(memo.inhabitants, reference.rate)
            explained = (own is not None and memo.inhabitants != entry.inhabitants and memo.amount is not None
                         and abs(memo.amount - own) <= tolerance)
            if memo.amount is not None and abs(memo.amount - primary.amount) > tolerance and not explained:
                f.add(FindingCode.CONFLICTING_DOCUMENTS, name, memo.file.path,
                      f"besluitnota noemt {euro(memo.amount)}, de overeenkomst {euro(primary.amount)}", about=memo,
                      field="amount")
    return primary, signature_page or primary


def _amount_mismatch(d: Extraction, entry: ReferenceEntry, reference: Reference, f: _Findings) -> bool:
    """An `amount_mismatch` for an agreement whose amount is not the expected contribution; whether it was one."""
    expected = reference.expected(entry.municipality)
    if expected is None or d.amount is None or d.amount == expected:
        return False
    f.add(FindingCode.AMOUNT_MISMATCH, entry.municipality, d.file.path,
          f"{_where(d)}: bedrag {euro(d.amount)}, verwacht {euro(expected)} ({count(entry.inhabitants)} inwoners × "
          f"{euro(reference.rate)}); verschil {euro(d.amount - expected)}{_misread_hint(d.amount, expected)}",
          about=d, field="amount")
    return True


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def reconcile(extractions: list[Extraction], reference: Reference,
              accepted: dict[str, str] | None = None) -> Reconciliation:
    """Statuses and findings; `accepted` maps finding IDs to the review decision that resolves them."""
    accepted = accepted or {}
    f = _Findings()
    for ex in extractions:
        _document_findings(ex, reference, f)
    frame = pd.DataFrame({"ex": extractions,
                          "municipality": [e.municipality or e.letter_from for e in extractions]})
    by_name = {name: list(group["ex"]) for name, group in frame.groupby("municipality", sort=False) if name}
    statuses = []
    for entry in reference.entries:
        docs = by_name.get(entry.municipality, [])
        primary, signer = _municipality_findings(entry, docs, reference, f)
        mine = [x for x in f.items if x.municipality == entry.municipality]
        errors = any(x.severity is Severity.ERROR and x.id not in accepted for x in mine)
        resting = tuple(x.id for x in mine if x.id in accepted) + tuple(
            sorted({d.file.path for d in docs if any(v.rule.startswith("review:") for v in d.fields.values())}))
        expected = reference.expected(entry.municipality)
        if not docs:
            status = Status.MISSING
        elif (primary is not None and signer is not None
              and signature_confirmed(signer, float(f.rules["low_confidence"]))
              and expected is not None and primary.amount == expected
              and all(d.inhabitants in (None, entry.inhabitants) for d in docs) and not errors):
            status = Status.COMPLETE
        else:
            status = Status.EXCEPTION
        statuses.append(MunicipalityStatus(
            municipality=entry.municipality, inhabitants=entry.inhabitants, expected_amount=expected,
            status=status, documents=_unique(sorted(d.file.path for d in docs)),
            issues=_unique([x.code for x in mine]),
            amount_read=primary.amount if primary else None,
            signatory=str(primary.value("signatory") or "") if primary else "",
            date=primary.date if primary else None, decisions=resting))
    statuses.sort(key=lambda s: s.municipality)
    findings = tuple(replace(x, accepted_by=accepted[x.id]) if x.id in accepted else x for x in f.items)
    return Reconciliation(tuple(statuses), findings)
