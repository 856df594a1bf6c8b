"""Whether a digital signature proves that the municipality signed: the right person, a trusted certificate,
and a signature that covers this agreement alone.

An intact signature is not enough. It counts only when the certificate's name is the signatory read from
the agreement or the municipality's mayor (spelling-tolerant), its chain ends in a root the user trusts
(`--trust-roots DIR`, e.g. the PKIoverheid roots), and the file holds this agreement only. Otherwise it is
reported with the reason and the agreement is signed only if its ink says so.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from rapidfuzz import fuzz

from .digital_signature import DigitalSignature
from .errors import ConfigError
from .fields import reference_people
from .normalize import name_key
from .reference import Reference
from .schema import Extraction, Field
from .signature_block import signing_people

log = logging.getLogger(__name__)
CERT_SUFFIXES = {".pem", ".crt", ".cer", ".der"}
NAME_MATCH = 85  # rapidfuzz partial ratio of a surname within the certificate's name


@dataclass(frozen=True)
class TrustPolicy:
    """The roots a user trusts for digital signatures (DER), and where they came from."""

    roots: tuple[bytes, ...] = ()
    source: str = ""


def load_trust_roots(folder: Path) -> TrustPolicy:
    """Every certificate in the folder's .pem/.crt/.cer/.der files (a PEM file may hold several)."""
    from asn1crypto import pem
    from asn1crypto import x509 as ax509

    if not folder.is_dir():
        raise ConfigError(f"--trust-roots {folder}: geen map")
    roots: list[bytes] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in CERT_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        blobs = [der for _, _, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
        for der in blobs:
            try:
                ax509.Certificate.load(der).native  # parses the whole certificate  # noqa: B018
            except (ValueError, TypeError) as exc:
                raise ConfigError(f"--trust-roots: {path.name} is geen geldig certificaat ({exc})") from exc
            roots.append(der)
    if not roots:
        raise ConfigError(f"--trust-roots {folder}: geen certificaten (.pem, .crt, .cer, .der) gevonden")
    return TrustPolicy(tuple(roots), str(folder))


def signer_matches(signer: str, people: list[str]) -> bool:
    """The certificate's name is one of these people: their surname appears in it (OCR-tolerant)."""
    key = name_key(signer)
    if not key:
        return False
    for person in people:
        for _initials, surname in reference_people(person):
            wanted = name_key(surname)
            if len(wanted) >= 3 and (wanted in key or fuzz.partial_ratio(wanted, key) >= NAME_MATCH):
                return True
    return False


def verify_chain(sig: DigitalSignature, policy: TrustPolicy) -> str:
    """'' when the signer's certificate chains to a trusted root at the signing time; else why not (Dutch)."""
    if not policy.roots:
        return "geen vertrouwde basiscertificaten opgegeven (convenant run --trust-roots MAP)"
    if not sig.certificate:
        return "de handtekening bevat geen leesbaar certificaat"
    from asn1crypto import x509 as ax509
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, ValidationError

    cert = ax509.Certificate.load(sig.certificate)
    if cert.self_signed in ("yes", "maybe") and sig.certificate not in policy.roots:
        return "zelfondertekend certificaat, niet van een vertrouwde uitgever"
    roots = [ax509.Certificate.load(r) for r in policy.roots]
    moment = None
    if sig.signed_at:
        try:
            moment = datetime.fromisoformat(sig.signed_at)
        except ValueError:
            moment = None
    context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=moment,
                                revocation_mode="soft-fail")
    validator = CertificateValidator(cert, intermediate_certs=[ax509.Certificate.load(c) for c in sig.chain],
                                     validation_context=context)
    try:
        asyncio.run(validator.async_validate_usage(set()))
    except PathBuildingError:
        return "het certificaat leidt niet naar een van de vertrouwde basiscertificaten"
    except (PathValidationError, ValidationError) as exc:
        return f"het certificaat is niet geldig ({exc})"
    except Exception as exc:  # a certificate the validator cannot handle: not trusted, never a crash
        log.debug("certificate validation failed: %s", exc)
        return f"het certificaat kan niet worden gecontroleerd ({type(exc).__name__})"
    return ""


def judge_digital(ex: Extraction, policy: TrustPolicy, reference: Reference) -> Extraction:
    """The agreement with its digital signatures judged: counted when they prove the municipality signed."""
    if not ex.digital:
        return ex
    entry = reference.get(ex.municipality) if ex.municipality else None
    people = signing_people(ex.value("signatory"), entry)
    counting: list[DigitalSignature] = []
    problems: list[str] = []
    for sig in ex.digital:
        who = sig.signer or "onbekende ondertekenaar"
        if not sig.holds:
            problems.append(f"{who}: {sig.problem}")
        elif sig.documents_in_file > 1:
            problems.append(f"de digitale handtekening van {who} geldt voor het hele bestand met "
                            f"{sig.documents_in_file} documenten en wordt niet aan deze overeenkomst alleen toegekend")
        elif not signer_matches(sig.signer, people):
            named = ", ".join(people) or "onbekend"
            problems.append(f"digitaal ondertekend door '{who}', niet door de ondertekenaar of burgemeester ({named})")
        elif reason := verify_chain(sig, policy):
            problems.append(f"certificaat van {who} niet vertrouwd: {reason}")
        else:
            counting.append(sig)
    fields = dict(ex.fields)
    ink = fields.get("signed")
    kind = ex.signature_kind
    if counting:
        names = ", ".join(s.signer for s in counting)
        fields["signed"] = Field("signed", True, f"digitaal ondertekend door {names} (vertrouwd certificaat)", 0.95,
                                 "signature: digital", ink.evidence if ink else None)
        kind = "digital+ink" if ex.signature_kind == "ink" else "digital"
    return replace(ex, fields=fields, signed=bool(fields["signed"].value) if "signed" in fields else ex.signed,
                   signature_kind=kind, signature_problem="; ".join(problems))


def judge_all(extractions: list[Extraction], policy: TrustPolicy, reference: Reference) -> list[Extraction]:
    return [judge_digital(ex, policy, reference) for ex in extractions]
