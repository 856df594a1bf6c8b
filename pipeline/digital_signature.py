"""Digital signatures in born-digital PDFs: who signed, and whether the signature still holds.

Read with pyHanko. "Intact" means the signed bytes are unchanged and the signature was made with the key of
the certificate it carries. The certificates are kept with the result, so whether they chain to a root the
user trusts is decided later (pipeline/digital_trust.py), without reading the file again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DigitalSignature:
    signer: str  # the certificate's common name
    intact: bool  # the signed bytes are unchanged and match the certificate's key
    covers_document: bool  # the signature covers the whole file (nothing added after signing)
    field: str
    problem: str = ""  # why it does not hold, in Dutch
    certificate: bytes = b""  # the signer's certificate (DER)
    chain: tuple[bytes, ...] = ()  # other certificates the signature carries (DER)
    signed_at: str = ""  # the signing time the signer states, ISO 8601
    documents_in_file: int = 1  # the signature covers the whole file: this many documents

    @property
    def holds(self) -> bool:
        return self.intact and self.covers_document


def may_hold_signatures(path: Path) -> bool:
    """False only when neither pdfium counts a signature nor the file holds a signature value's /ByteRange:
    the common scanned PDF is then not handed to pyHanko (about 40 ms a file, and its import)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        if b"/ByteRange" in path.read_bytes():
            return True
        doc = pdfium.PdfDocument(str(path))
        try:
            return pdfium_c.FPDF_GetSignatureCount(doc.raw) != 0
        finally:
            doc.close()
    except (OSError, pdfium.PdfiumError):
        return True  # let pyHanko have its say


def read_signatures(path: Path) -> list[DigitalSignature]:
    """Every signature field with a signature in the PDF; [] for a PDF without any (or one pyHanko can't open)."""
    if not may_hold_signatures(path):
        return []
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    # pyHanko logs every chain it cannot build with a traceback; trust is judged later (digital_trust.py)
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    found = []
    try:
        with path.open("rb") as fh:
            reader = PdfFileReader(fh, strict=False)
            embedded = list(reader.embedded_signatures)
            for sig in embedded:
                try:
                    cert = sig.signer_cert
                    signer = cert.subject.native.get("common_name", "") if cert is not None else ""
                    der = cert.dump() if cert is not None else b""
                    chain = tuple(c.dump() for c in sig.other_embedded_certs)
                except Exception:  # a certificate pyHanko cannot parse
                    signer, der, chain = "", b"", ()
                try:
                    moment = sig.self_reported_timestamp
                    signed_at = moment.isoformat() if moment else ""
                except Exception:
                    signed_at = ""
                try:
                    status = validate_pdf_signature(sig, ValidationContext(allow_fetching=False))
                    intact = bool(status.intact and status.valid)
                    covers = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
                    problem = "" if intact else "de ondertekende inhoud is gewijzigd of de handtekening klopt niet"
                    if intact and not covers:
                        problem = "na het ondertekenen is het document nog gewijzigd"
                except Exception as exc:  # a broken signature dictionary: reported, never a crash
                    intact, covers, problem = False, False, f"handtekening niet te controleren ({type(exc).__name__})"
                found.append(DigitalSignature(str(signer), intact, covers, str(sig.field_name), problem, der, chain,
                                              signed_at))
    except Exception as exc:  # not readable by pyHanko: the ink check still runs
        log.debug("%s: geen digitale handtekeningen gelezen (%s)", path.name, exc)
        return []
    return found
