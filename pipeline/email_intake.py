"""E-mail intake: a saved message (.eml) in the inbox becomes one input per attachment, the attachments of
forwarded messages (message/rfc822, or a saved .eml attached) included.

The attachments are copied out of the message into OUT (never into the inbox), named by their hash.
The sender's address and the sending date travel with each attachment.
"""

from __future__ import annotations

import email
import hashlib
import logging
import re
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from .schema import SourceFile

log = logging.getLogger(__name__)

_SUFFIX = {"pdf": ".pdf", "image": ".img", "unknown": ".bin", "eml": ".eml"}


def _safe_name(name: str, index: int) -> str:
    """A part's name as the last piece of an input's path: no control characters, no path separators, and
    no '#', which separates a message from its attachments."""
    name = re.sub(r"[\x00-\x1f/\\#]", "_", name or "").strip() or f"bijlage-{index}"
    return name[:200]


MAX_DEPTH = 5  # forwarded messages inside forwarded messages are unpacked this deep


def _sender_and_date(message: EmailMessage) -> tuple[str, str]:
    sender = parseaddr(str(message.get("From", "")))[1].lower()
    try:
        sent = parsedate_to_datetime(str(message.get("Date"))).isoformat() if message.get("Date") else ""
    except (TypeError, ValueError):
        sent = ""
    return sender, sent


def _parse(data: bytes) -> EmailMessage | None:
    try:
        return email.message_from_bytes(data, policy=policy.default)  # type: ignore[return-value]
    except Exception:  # the email package raises several types on broken messages
        return None


def _forwarded(part: EmailMessage) -> EmailMessage | None:
    """The message a message/rfc822 part (a mail forwarded as attachment) carries, however it was encoded."""
    inner = part.get_payload()
    if isinstance(inner, list) and inner and isinstance(inner[0], EmailMessage):
        return inner[0]
    if isinstance(inner, EmailMessage):
        return inner
    try:  # sent with a transfer encoding (base64) some clients use for it
        data = part.get_payload(decode=True)
    except Exception:  # a broken encoding
        return None
    return _parse(data) if data else None


def _parts(part: EmailMessage) -> Iterator[EmailMessage]:
    """The parts that carry content, depth first, however deeply multiparts nest (Apple Mail puts the
    attachments inside multipart/alternative); a forwarded message is one part."""
    if part.get_content_type() == "message/rfc822":
        yield part
    elif part.is_multipart():
        for sub in part.iter_parts():
            yield from _parts(sub)  # type: ignore[arg-type]
    else:
        yield part


def _is_attachment(part: EmailMessage) -> bool:
    """Not the message's own text: a named or attached part, a document, or a forwarded message (an image
    without a name, shown inline, is a logo in a signature)."""
    return (part.get_content_type() == "message/rfc822" or bool(part.get_filename())
            or part.get_content_disposition() == "attachment" or part.get_content_maintype() == "application")


def _store(payload: bytes, kind: str, attachments_dir: Path) -> Path:
    target = attachments_dir / f"{hashlib.sha256(payload).hexdigest()}{_SUFFIX.get(kind, '.bin')}"
    if not target.exists():
        attachments_dir.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(payload)
        tmp.replace(target)
    return target


def _attachments(message: EmailMessage, rel: str, attachments_dir: Path, sniff, depth: int) -> list[SourceFile]:
    """The attachments of a message as inputs named 'rel#name'; a forwarded message among them is unpacked
    in turn (its own sender and date travel with its attachments: the municipality, not the forwarder)."""
    sender, sent = _sender_and_date(message)
    inputs = []
    if message.is_multipart():
        parts = [p for p in _parts(message) if _is_attachment(p)]
    else:  # a message that is nothing but its document
        parts = [message] if message.get_content_maintype() == "application" else []
    for index, part in enumerate(parts, start=1):
        name = _safe_name(part.get_filename() or "", index)
        inner = _forwarded(part) if part.get_content_type() == "message/rfc822" else None
        payload = b""
        if inner is None:
            try:
                payload = part.get_payload(decode=True) or b""
            except Exception as exc:  # a broken transfer encoding: report the part, do not stop
                log.warning("%s: bijlage %d niet te decoderen (%s)", rel, index, exc)
            kind = sniff(payload[:1024], name) if payload else "unknown"
            if kind == "eml":  # a saved message attached as a file
                inner = _parse(payload)
        if inner is not None:
            label = _safe_name(part.get_filename() or str(inner.get("Subject", "")) or "", index)
            if depth >= MAX_DEPTH:
                log.warning("%s#%s: doorgestuurd bericht dieper dan %d niveaus, niet uitgepakt", rel, label, MAX_DEPTH)
                inputs.append(SourceFile(f"{rel}#{label}", hashlib.sha256(f"deep:{rel}#{label}".encode()).hexdigest(),
                                         1, "eml_deep", "", sender, sent))
                continue
            found = _attachments(inner, f"{rel}#{label}", attachments_dir, sniff, depth + 1)
            if not found:
                log.warning("%s#%s: doorgestuurd bericht zonder bijlagen", rel, label)
            inputs.extend(found)
            continue
        target = _store(payload, kind, attachments_dir)
        inputs.append(SourceFile(f"{rel}#{name}", hashlib.sha256(payload).hexdigest(), len(payload), kind,
                                 str(target), sender, sent))
    return inputs


def expand_eml(path: Path, rel: str, attachments_dir: Path, sniff) -> list[SourceFile]:
    """The attachments of a saved e-mail as inputs (forwarded messages unpacked); the message itself when it
    has none (or cannot be read)."""
    data = path.read_bytes()
    message = _parse(data)
    if message is None:
        log.warning("%s: e-mail niet te lezen", rel)
        return [SourceFile(rel, hashlib.sha256(data).hexdigest(), len(data), "eml")]
    inputs = _attachments(message, rel, attachments_dir, sniff, 0)
    if not inputs:
        sender, sent = _sender_and_date(message)
        return [SourceFile(rel, hashlib.sha256(data).hexdigest(), len(data), "eml", "", sender, sent)]
    return inputs


def sender_domain(address: str) -> str:
    return address.rpartition("@")[2].lower()
