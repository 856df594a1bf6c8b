"""Dutch labels for what the reports show."""

from __future__ import annotations

from .schema import DocType, FileError, Status

STATUS_NL = {Status.COMPLETE: "compleet", Status.EXCEPTION: "uitzondering", Status.MISSING: "ontbreekt"}
DOC_TYPE_NL = {DocType.AGREEMENT: "overeenkomst", DocType.DECISION_MEMO: "besluitnota",
               DocType.COVENANT: "convenant", DocType.COVER_LETTER: "begeleidende brief",
               DocType.OTHER: "overig"}
CODE_NL = {
    "amount_mismatch": "bedrag wijkt af",
    "inhabitants_mismatch": "inwonertal wijkt af",
    "unknown_municipality": "onbekende gemeente",
    "unsigned": "niet ondertekend",
    "unreadable": "onleesbaar bestand",
    "unclassified": "document niet herkend",
    "duplicate": "dubbel ontvangen",
    "no_agreement": "geen overeenkomst",
    "no_reference": "geen referentie-inwonertal",
    "conflicting_documents": "stukken spreken elkaar tegen",
    "low_confidence": "onzeker gelezen",
    "missing_field": "gegeven ontbreekt",
    "date_out_of_range": "datum buiten periode",
}
FILE_ERROR_NL = {FileError.EMPTY: "leeg bestand", FileError.ENCRYPTED: "versleuteld met wachtwoord",
                 FileError.UNREADABLE: "beschadigd of onleesbaar", FileError.UNSUPPORTED: "geen PDF of scan"}
