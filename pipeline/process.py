"""One file through text -> documents -> fields, and a batch of files through a pool of workers."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .documents import split_documents
from .errors import InputFileError
from .evidence import PageImages, field_crops
from .fields import extract_fields
from .normalize import name_key
from .ocr import OcrCache
from .reference import Reference
from .schema import DocType, Document, Evidence, Extraction, Field, FileError, SourceFile
from .signature import check_signature
from .text import TextSettings, read_pages, render_page

log = logging.getLogger(__name__)

NEEDED = {
    DocType.AGREEMENT: ("municipality", "signatory", "date", "amount"),
    DocType.DECISION_MEMO: ("municipality", "amount", "inhabitants"),
}


@dataclass(frozen=True)
class FileResult:
    source: SourceFile
    extractions: tuple[Extraction, ...]
    pages: tuple[tuple[int, str, str, int], ...]  # (number, source, reason, rotation) per page


def content_hash(document: Document) -> str:
    """A hash of the words of a document, so a re-sent or re-saved copy is recognised."""
    words = name_key(" ".join(p.text for p in document.pages))
    return hashlib.sha256(words.encode()).hexdigest()[:16]


def _signature_field(document: Document, images: PageImages, signatory: str | None) -> Field:
    result = check_signature(document.pages, signatory, images)
    evidence = Evidence(result.page, result.region, result.reason) if result.page else None
    return Field("signed", bool(result.signed), result.reason, result.confidence if result.signed is not None
                 else 0.0, "signature: ink above name", evidence)


def extract_document(document: Document, path: Path, reference: Reference) -> Extraction:
    fields = extract_fields(document, reference)
    images = PageImages(lambda page: render_page(path, document.file, page))
    signed = None
    if document.doc_type is DocType.AGREEMENT:
        signatory = fields.get("signatory")
        try:
            fields["signed"] = _signature_field(document, images, str(signatory.value) if signatory else None)
        except (InputFileError, OSError, ValueError) as exc:
            log.warning("%s p%s: handtekening niet te controleren (%s)", document.file.path,
                        document.page_range, exc)
            fields["signed"] = Field("signed", False, str(exc), 0.0, "signature: failed")
        signed = bool(fields["signed"].value)
    confs = [document.type_confidence] + [fields[n].confidence for n in NEEDED.get(document.doc_type, ())
                                           if n in fields]
    if document.doc_type is DocType.AGREEMENT:
        confs.append(fields["signed"].confidence)
    missing = [n for n in NEEDED.get(document.doc_type, ()) if n not in fields]
    confidence = min(confs) * (0.5 if missing else 1.0)
    try:
        crops = field_crops(document.pages, fields, images)
    except (InputFileError, OSError, ValueError) as exc:
        log.warning("%s p%s: geen uitsneden voor het rapport (%s)", document.file.path, document.page_range, exc)
        crops = {}
    return Extraction(document.file, document.page_range, document.doc_type, fields, signed,
                      round(confidence, 3), content_hash=content_hash(document), crops=crops)


def process_file(inbox: Path, source: SourceFile, reference: Reference, settings: TextSettings,
                 cache_dir: Path | None) -> FileResult:
    """Read, split and extract one file. A file that cannot be read becomes one row with its error."""
    path = inbox / source.path
    try:
        pages = read_pages(path, source, settings, OcrCache(cache_dir))
    except InputFileError as exc:
        log.warning("%s: %s", source.path, exc)
        return FileResult(source, (Extraction(source, "", DocType.OTHER, error=FileError(exc.kind),
                                              error_message=str(exc)),), ())
    except Exception as exc:  # a library crashed on this file: report it, never stop the batch
        log.exception("%s: onverwachte fout", source.path)
        message = f"onverwachte fout bij lezen: {type(exc).__name__}: {exc}"
        return FileResult(source, (Extraction(source, "", DocType.OTHER, error=FileError.UNREADABLE,
                                              error_message=message),), ())
    for p in pages:
        log.debug("%s p%d: %s (%s)", source.path, p.number, p.source, p.reason)
    extractions = tuple(extract_document(d, path, reference) for d in split_documents(source, pages))
    return FileResult(source, extractions, tuple((p.number, p.source, p.reason, p.rotation) for p in pages))


def _worker_init() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def process_all(inbox: Path, sources: list[SourceFile], reference: Reference, settings: TextSettings,
                cache_dir: Path | None, workers: int,
                progress: Callable[[FileResult], None] | None = None) -> Iterator[FileResult]:
    """Results per file, in inbox order; files are read in parallel by `workers` processes."""
    if workers <= 1 or len(sources) <= 1:
        for s in sources:
            result = process_file(inbox, s, reference, settings, cache_dir)
            if progress:
                progress(result)
            yield result
        return
    # biggest files first so one long file does not finish last alone
    order = sorted(sources, key=lambda s: -s.size)
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
        futures = {s.path: pool.submit(process_file, inbox, s, reference, settings, cache_dir) for s in order}
        results = {}
        for s in order:
            results[s.path] = futures[s.path].result()
            if progress:
                progress(results[s.path])
    for s in sources:
        yield results[s.path]

