"""Extraction: one file's pages split into documents, each document's fields and signature read."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from .digital_signature import DigitalSignature, read_signatures
from .documents import split_documents
from .errors import InputFileError
from .evidence import PageImages, field_crops
from .fields import extract_fields, letter_sender, settings
from .ink import blank_sheet
from .normalize import name_key
from .reference import Reference
from .schema import NEEDED_FIELDS, DocType, Document, Evidence, Extraction, Field, FileError, Page, SourceFile
from .signature import check_signature
from .signature_block import Marks, marks_for, signing_people
from .text import render_page

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class FileResult:
    source: SourceFile
    extractions: tuple[Extraction, ...]
    pages: tuple[tuple[int, str, str, float], ...]  # (number, source, reason, rotation) per page
    crash: str = ""  # what failed when the program, not the file, was at fault (an exception's type): tried again

    @property
    def crashed(self) -> bool:
        """A library or worker process failed on this file (not the file's own fault): worth another try."""
        return bool(self.crash)


def content_hash(document: Document) -> str:
    """A hash of the words of a document, so a re-sent or re-saved copy is recognised."""
    words = name_key(" ".join(p.text for p in document.pages))
    return hashlib.sha256(words.encode()).hexdigest()[:16]


def signature_marks(fields: dict[str, Field], reference: Reference) -> Marks:
    """What marks the municipality's signature block: its name and aliases, its mayor's and signatory's names."""
    municipality = fields.get("municipality")
    name = str(municipality.value) if municipality else None
    entry = reference.get(name) if name else None
    signatory = fields["signatory"].value if "signatory" in fields else None
    return marks_for(name, entry.aliases if entry else (), signing_people(signatory, entry))


def _signature_field(document: Document, images: PageImages, marks: Marks) -> Field:
    result = check_signature(document.pages, marks, images)
    evidence = Evidence(result.page, result.region, result.reason) if result.page else None
    return Field("signed", bool(result.signed), result.reason, result.confidence if result.signed is not None
                 else 0.0, "signature: handwriting in the municipality's block", evidence)


def extract_document(document: Document, path: Path, reference: Reference,
                     digital: list[DigitalSignature] | None = None) -> Extraction:
    fields = extract_fields(document, reference)
    images = PageImages(lambda page: render_page(path, document.file, page))
    signed, kind = None, ""
    if document.doc_type is DocType.AGREEMENT:
        try:
            fields["signed"] = _signature_field(document, images, signature_marks(fields, reference))
        except (InputFileError, OSError, ValueError) as exc:
            log.warning("%s p%s: handtekening niet te controleren (%s)", document.file.path,
                        document.page_range, exc)
            fields["signed"] = Field("signed", False, str(exc), 0.0, "signature: failed")
        kind = "ink" if fields["signed"].value else ""
        signed = bool(fields["signed"].value)
    confs = [document.type_confidence] + [fields[n].confidence for n in NEEDED_FIELDS.get(document.doc_type, ())
                                           if n in fields]
    if document.doc_type is DocType.AGREEMENT:
        confs.append(fields["signed"].confidence)
    missing = [n for n in NEEDED_FIELDS.get(document.doc_type, ()) if n not in fields]
    confidence = min(confs) * (0.5 if missing else 1.0)
    try:
        crops = field_crops(document.pages, fields, images)
    except (InputFileError, OSError, ValueError) as exc:
        log.warning("%s p%s: geen uitsneden voor het rapport (%s)", document.file.path, document.page_range, exc)
        crops = {}
    return Extraction(document.file, document.page_range, document.doc_type, fields, signed,
                      round(confidence, 3), content_hash=content_hash(document), crops=crops,
                      signature_kind=kind,
                      digital=tuple(digital or ()) if document.doc_type is DocType.AGREEMENT else (),
                      letter_from=_letter_from(document, reference))


def _letter_from(document: Document, reference: Reference) -> str:
    """A covering letter's town, where it is plain: that town's file has arrived, whatever else is missing."""
    if document.doc_type is not DocType.COVER_LETTER:
        return ""
    sender = letter_sender(document, reference)
    floor = float(settings("municipality")["letter_min_confidence"])
    return str(sender.value) if sender is not None and sender.confidence >= floor else ""


def without_blank_sheets(document: Document, render: Callable[[Page], Image.Image]) -> Document:
    """The document without the blank sheets at its end (a batch scan's separators): pages with no text and no
    ink. A page with ink but no text (faded, spoilt) stays: it may be the signature page."""
    pages = list(document.pages)
    try:
        while len(pages) > 1 and not pages[-1].text.strip() and blank_sheet(render(pages[-1])):
            pages.pop()
    except (InputFileError, OSError, ValueError) as exc:  # the page cannot be rendered: it stays
        log.warning("%s p%d: lege pagina niet te controleren (%s)", document.file.path, pages[-1].number, exc)
    return document if len(pages) == len(document.pages) else replace(document, pages=tuple(pages))


def without_blank_documents(documents: list[Document], render: Callable[[Page], Image.Image]) -> list[Document]:
    """The documents less those that are a blank sheet and nothing else (a double-sided batch scan's empty back
    page, split off on its own): they are no document of anyone. A file of nothing else keeps them (it is
    then reported as such)."""
    def blank(document: Document) -> bool:
        try:
            return all(not p.text.strip() for p in document.pages) and all(blank_sheet(render(p))
                                                                          for p in document.pages)
        except (InputFileError, OSError, ValueError):
            return False  # a page that cannot be rendered is no proven blank

    kept = [d for d in documents if not blank(d)]
    return kept or documents


def error_result(source: SourceFile, kind: FileError, message: str, crash: str = "") -> FileResult:
    return FileResult(source, (Extraction(source, "", DocType.OTHER, error=kind, error_message=message),), (), crash)


def extract_file(inbox: Path, source: SourceFile, pages: list[Page], reference: Reference) -> FileResult:
    """Split a file's pages into documents and read their fields."""
    if not any(p.text.strip() for p in pages):
        reasons = sorted({p.reason for p in pages if p.reason.startswith("OCR afgebroken")})
        detail = f" ({reasons[0]} per pagina)" if reasons else ""
        return error_result(source, FileError.UNREADABLE, f"geen leesbare tekst gevonden op enige pagina{detail}")
    path = source.locate(inbox)
    for p in pages:
        log.debug("%s p%d: %s (%s)", source.path, p.number, p.source, p.reason)
    def render(page: Page) -> Image.Image:
        return render_page(path, source, page)

    documents = without_blank_documents([without_blank_sheets(d, render) for d in split_documents(source, pages)],
                                        render)
    digital = read_signatures(path) if source.kind == "pdf" and any(
        d.doc_type is DocType.AGREEMENT for d in documents) else []
    # a signature covers the whole file: with several documents in it, that is said, not assumed
    digital = [replace(sig, documents_in_file=len(documents)) for sig in digital]
    extractions = tuple(extract_document(d, path, reference, digital) for d in documents)
    return FileResult(source, extractions, tuple((p.number, p.source, p.reason, p.rotation) for p in pages))


