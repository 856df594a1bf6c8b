"""Typed objects that flow between the pipeline stages.

ingest -> SourceFile; text -> Page (with Word boxes); documents -> Document;
fields -> Extraction (with Field evidence); reconcile -> Finding and MunicipalityStatus.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .digital_signature import DigitalSignature


class DocType(StrEnum):
    AGREEMENT = "agreement"
    DECISION_MEMO = "decision_memo"
    COVENANT = "covenant"
    COVER_LETTER = "cover_letter"
    OTHER = "other"


class FieldName(StrEnum):
    """The fields read from agreements and decision memos (the columns of documents.csv)."""

    MUNICIPALITY = "municipality"
    SIGNATORY = "signatory"
    DATE = "date"
    AMOUNT = "amount"
    INHABITANTS = "inhabitants"
    SIGNED = "signed"


class FindingCode(StrEnum):
    """The finding codes of exceptions.csv (the output contract)."""

    AMOUNT_MISMATCH = "amount_mismatch"
    INHABITANTS_MISMATCH = "inhabitants_mismatch"
    UNKNOWN_MUNICIPALITY = "unknown_municipality"
    UNSIGNED = "unsigned"
    UNREADABLE = "unreadable"
    UNCLASSIFIED = "unclassified"
    DUPLICATE = "duplicate"
    NO_AGREEMENT = "no_agreement"
    NO_REFERENCE = "no_reference"
    CONFLICTING_DOCUMENTS = "conflicting_documents"
    LOW_CONFIDENCE = "low_confidence"
    MISSING_FIELD = "missing_field"
    DATE_OUT_OF_RANGE = "date_out_of_range"


NEEDED_FIELDS: dict[str, tuple[str, ...]] = {
    "agreement": ("municipality", "signatory", "date", "amount"),
    "decision_memo": ("municipality", "amount", "inhabitants"),
}
"""The fields a document of that type must yield; a missing one is a finding."""


class FileError(StrEnum):
    """Why a file could not be read; written to the `error` column."""

    UNREADABLE = "unreadable"
    ENCRYPTED = "encrypted"
    EMPTY = "empty"
    UNSUPPORTED = "unsupported"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Status(StrEnum):
    COMPLETE = "complete"
    EXCEPTION = "exception"
    MISSING = "missing"


BBox = tuple[float, float, float, float]
"""x0, top, x1, bottom in the page's pixel (OCR) or point (text layer) space."""


@dataclass(frozen=True)
class SourceFile:
    """One input of the inbox, identified by its content hash: a file, or an attachment of a saved e-mail."""

    path: str  # relative to the inbox, with '/'; an attachment: 'message.eml#attachment.pdf'
    sha256: str
    size: int
    kind: str  # "pdf" | "image" | "eml" | "unknown"
    location: str = ""  # where the bytes are when not at inbox/path (an attachment, copied out of the inbox)
    sender: str = ""  # an attachment: the e-mail's sender address
    sent: str = ""  # an attachment: the e-mail's date, ISO 8601

    def locate(self, inbox: Path) -> Path:
        return Path(self.location) if self.location else inbox / self.path


@dataclass(frozen=True)
class Word:
    text: str
    box: BBox
    conf: float  # 0..1; 1.0 for text-layer words


@dataclass(frozen=True)
class Page:
    """The text of one page and where it came from."""

    number: int  # 1-based within its file
    text: str
    words: tuple[Word, ...]
    source: str  # "text_layer" | "ocr"
    reason: str  # why this source was chosen
    width: float
    height: float
    dpi: float  # units per inch of `width`, `height` and word boxes (72 for the text layer)
    rotation: float = 0  # degrees clockwise the scan was turned to read it upright and level
    word_spans: tuple[tuple[int, int], ...] = ()  # char offsets of each word in `text`

    @property
    def mean_conf(self) -> float:
        if not self.words:
            return 0.0
        return sum(w.conf for w in self.words) / len(self.words)


@dataclass(frozen=True)
class Document:
    """A run of pages of one file that form one document."""

    file: SourceFile
    pages: tuple[Page, ...]
    doc_type: DocType
    type_confidence: float

    @property
    def page_range(self) -> str:
        first, last = self.pages[0].number, self.pages[-1].number
        return str(first) if first == last else f"{first}-{last}"


@dataclass(frozen=True)
class Evidence:
    page: int
    box: BBox | None
    text: str


@dataclass(frozen=True)
class Field:
    """One extracted value with the rule that found it and the text it came from."""

    name: str
    value: object
    raw: str
    confidence: float
    rule: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Extraction:
    """What was read from one document (or a file that could not be read)."""

    file: SourceFile
    pages: str
    doc_type: DocType
    fields: dict[str, Field] = field(default_factory=dict)
    signed: bool | None = None
    confidence: float = 0.0
    error: FileError | None = None
    error_message: str = ""
    content_hash: str = ""
    crops: dict[str, bytes] = field(default_factory=dict)  # field name -> PNG of the line it was read from
    signature_kind: str = ""  # "ink", "digital", "digital+ink" or "" (agreements)
    signature_problem: str = ""  # why a digital signature does not count, in Dutch
    digital: tuple[DigitalSignature, ...] = ()  # the file's digital signatures (agreements), judged before reconcile
    letter_from: str = ""  # a covering letter: the municipality it comes from (no field of the contract)

    def value(self, name: str) -> object | None:
        f = self.fields.get(name)
        return f.value if f else None

    @property
    def key(self) -> str:
        """What findings and review decisions are bound to: the file's bytes (SHA-256) and the document's pages.
        A draft and its signed copy have the same words, never the same key."""
        return f"{self.file.sha256}:{self.pages}"

    @property
    def municipality(self) -> str | None:
        return self.value("municipality")  # type: ignore[return-value]

    @property
    def amount(self) -> Decimal | None:
        return self.value("amount")  # type: ignore[return-value]

    @property
    def inhabitants(self) -> int | None:
        return self.value("inhabitants")  # type: ignore[return-value]

    @property
    def date(self) -> date | None:
        return self.value("date")  # type: ignore[return-value]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: FindingCode
    municipality: str
    file: str
    message: str
    pages: str = ""  # the document the finding is about, with `file`
    field: str = ""  # the field whose evidence shows the problem
    doc_hash: str = ""  # the document: its file's SHA-256 and its pages ('sha256:1-2'); decisions are tied to it
    accepted_by: str = ""  # the decision that resolved it, if any ("naam, datum: reden")
    occurrence: int = 0  # the how-manieth finding of this code on this field of this document (0: the first)

    @property
    def id(self) -> str:
        """Stable across runs: the same problem of the same document keeps its ID; no two findings share one."""
        key = f"{self.municipality}|{self.code}|{self.doc_hash}|{self.field}|{self.file if not self.doc_hash else ''}"
        if self.occurrence:
            key += f"|{self.occurrence}"
        return hashlib.sha256(key.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class ReferenceEntry:
    municipality: str
    inhabitants: int | None
    cbs_code: str = ""
    mayor: str = ""
    aliases: tuple[str, ...] = ()
    inhabitants_status: str = ""


@dataclass(frozen=True)
class MunicipalityStatus:
    municipality: str
    inhabitants: int | None
    expected_amount: Decimal | None
    status: Status
    documents: tuple[str, ...]
    issues: tuple[str, ...]
    amount_read: Decimal | None = None
    signatory: str = ""
    date: date | None = None
    decisions: tuple[str, ...] = ()  # IDs of the review decisions this status rests on
