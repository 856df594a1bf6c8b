"""E-mail intake: a saved message (.eml) in the inbox becomes one input per attachment.

The attachments are copied out of the message into OUT (never into the inbox), named by their hash.
The sender's address and the sending date travel with each attachment.
"""

from __future__ import annotations

import email
import hashlib
import logging
import re
from email import policy
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from .schema import SourceFile

log = logging.getLogger(__name__)

_SUFFIX = {"pdf": ".pdf", "image": ".img", "unknown": ".bin", "eml": ".eml"}


def _safe_name(name: str, index: int) -> str:
    name = re.sub(r"[\x00-\x1f/\\]", "_", name or "").strip() or f"bijlage-{index}"
    return name[:200]


def expand_eml(path: Path, rel: str, attachments_dir: Path, sniff) -> list[SourceFile]:
    """The attachments of a saved e-mail as inputs; the message itself when it has none (or cannot be read)."""
    data = path.read_bytes()
    try:
        message = email.message_from_bytes(data, policy=policy.default)
    except Exception as exc:  # the email package raises several types on broken messages
        log.warning("%s: e-mail niet te lezen (%s)", rel, exc)
        message = None
    if message is None:
        return [SourceFile(rel, hashlib.sha256(data).hexdigest(), len(data), "eml")]
    sender = parseaddr(str(message.get("From", "")))[1].lower()
    try:
        sent = parsedate_to_datetime(str(message.get("Date"))).isoformat() if message.get("Date") else ""
    except (TypeError, ValueError):
        sent = ""
    inputs = []
    for index, part in enumerate(message.iter_attachments(), start=1):
        try:
            payload = part.get_payload(decode=True) or b""
        except Exception as exc:  # a broken transfer encoding: report the part, do not stop
            log.warning("%s: bijlage %d niet te decoderen (%s)", rel, index, exc)
            payload = b""
        name = _safe_name(part.get_filename() or "", index)
        digest = hashlib.sha256(payload).hexdigest()
        kind = sniff(payload[:1024], name) if payload else "unknown"
        target = attachments_dir / f"{digest}{_SUFFIX.get(kind, '.bin')}"
        if not target.exists():
            attachments_dir.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(payload)
            tmp.replace(target)
        inputs.append(SourceFile(f"{rel}#{name}", digest, len(payload), kind, str(target), sender, sent))
    if not inputs:
        return [SourceFile(rel, hashlib.sha256(data).hexdigest(), len(data), "eml", "", sender, sent)]
    return inputs


def sender_domain(address: str) -> str:
    return address.rpartition("@")[2].lower()
