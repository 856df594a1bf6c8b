"""Reminder e-mail drafts in Dutch for every member that is missing or in exception."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from ..labels import CODE_NL
from ..reconcile import Reconciliation, euro
from ..reference import Reference
from ..schema import FindingCode, Status
from .csv_files import write_atomic


@dataclass(frozen=True)
class Reminder:
    municipality: str
    status: Status
    subject: str
    what: str  # one line: what is missing or wrong
    file: str  # relative to the reminders folder


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _body(name: str, status: Status, problems: list[str], expected: str) -> str:
    lines = [f"Geacht college van de gemeente {name},", ""]
    if status is Status.MISSING:
        lines += ["Wij hebben de ondertekende samenwerkingsovereenkomst 2023-2027 tussen uw gemeente en Platform31 "
                  "(behorende bij het convenant G40-Stedennetwerk en Platform31) nog niet ontvangen.", ""]
    else:
        lines += ["Wij hebben de samenwerkingsovereenkomst 2023-2027 van uw gemeente ontvangen, maar kunnen haar nog "
                  "niet verwerken:", ""] + [f"- {p}" for p in problems] + [""]
    lines += [f"Het verschuldigde bedrag is € 0,15 per inwoner per jaar (CBS, 1 januari 2022): {expected} per jaar.",
              "", "Wilt u een volledig ingevulde en door de burgemeester ondertekende overeenkomst per e-mail aan "
              "ons sturen?", "", "Met vriendelijke groet,", "", "Relatiemanager G40, Platform31"]
    return "\n".join(lines) + "\n"


def write_reminders(folder: Path, rec: Reconciliation, reference: Reference) -> list[Reminder]:
    folder.mkdir(parents=True, exist_ok=True)
    reminders = []
    for s in rec.statuses:
        if s.status is Status.COMPLETE:
            continue
        findings = [f for f in rec.findings if f.municipality == s.municipality and not f.accepted_by
                    and f.code != FindingCode.NO_REFERENCE]
        problems = [f"{CODE_NL.get(f.code, f.code)}: {f.message}" for f in findings]
        expected = (euro(s.expected_amount) if s.expected_amount is not None
                    else "nog niet vastgesteld (inwonertal CBS onbekend)")
        if s.status is Status.MISSING:
            what, subject = "overeenkomst nog niet ontvangen", "Herinnering: samenwerkingsovereenkomst G40-Platform31"
        else:
            what = "; ".join(dict.fromkeys(CODE_NL.get(f.code, f.code) for f in findings)) or "nog te beoordelen"
            subject = "Samenwerkingsovereenkomst G40-Platform31: aanvulling nodig"
        msg = EmailMessage()
        msg["X-Gemeente"] = s.municipality  # the address is the relation manager's to fill in: none is invented
        msg["Subject"] = f"{subject} ({s.municipality})"
        msg["X-Unsent"] = "1"  # opens as a draft in Outlook and Thunderbird
        msg.set_content(_body(s.municipality, s.status, problems, expected))
        name = f"{_slug(s.municipality)}.eml"
        write_atomic(folder / name, bytes(msg))
        reminders.append(Reminder(s.municipality, s.status, msg["Subject"], what, name))
    keep = {r.file for r in reminders}
    for old in folder.glob("*.eml"):
        if old.name not in keep:
            old.unlink()
    return reminders
