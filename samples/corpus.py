"""Builds inboxes of generated documents for named scenarios, with the truth of every document and status."""

from __future__ import annotations

import csv
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from reportlab.lib import pdfencrypt

from . import texts
from .generator import (
    DAMAGE,
    RATE,
    AgreementSpec,
    Case,
    Damage,
    Doc,
    Writer,
    mayor_as_printed,
    merge,
    page_ranges,
    random_day,
    render_agreement,
    render_memo,
    render_plain,
    save_scan_pdf,
    save_tiff,
    scan,
    write_truth,
)

SAMPLES_DIR = Path(__file__).resolve().parent
SAMPLE_REFERENCE = SAMPLES_DIR / "reference.csv"
G40_REFERENCE = SAMPLES_DIR.parent / "models" / "reference" / "g40_2022.csv"


@dataclass(frozen=True)
class Member:
    municipality: str
    inhabitants: int
    mayor: str  # as printed on the agreement


def load_members(path: Path = SAMPLE_REFERENCE) -> dict[str, Member]:
    with path.open(encoding="utf-8") as fh:
        return {r["municipality"]: Member(r["municipality"], int(r["inhabitants"]), mayor_as_printed(r["mayor"]))
                for r in csv.DictReader(fh)}


def write_sample_reference(path: Path = SAMPLE_REFERENCE, seed: int = 2022) -> None:
    """The 41 members with the found CBS figures and, where none was found, invented SAMPLE figures."""
    rng = random.Random(seed)
    with G40_REFERENCE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["municipality", "cbs_code", "inhabitants", "inhabitants_status", "mayor"])
        for r in rows:
            if r["inhabitants"]:
                writer.writerow([r["municipality"], r["cbs_code"], r["inhabitants"], r["inhabitants_status"],
                                 r["mayor"]])
            else:
                writer.writerow([r["municipality"], r["cbs_code"], rng.randrange(60_000, 240_000),
                                 "SAMPLE DATA - invented for the demo and tests, not a CBS figure", r["mayor"]])


def contribution(inhabitants: int) -> Decimal:
    return (RATE * inhabitants).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class InboxBuilder:
    """Writes files into an inbox and collects the truth rows."""

    def __init__(self, inbox: Path, damage: Damage, seed: int) -> None:
        self.inbox = inbox
        self.damage = damage
        self.rng = random.Random(seed)
        self.truth: list[dict[str, str]] = []
        self.cases: list[Case] = []
        self.findings: list[tuple[str, str, str]] = []  # (code, municipality, file) a reading must report
        inbox.mkdir(parents=True, exist_ok=True)

    def _record(self, name: str, docs: list[Doc]) -> None:
        for d, pages in zip(docs, page_ranges(docs), strict=True):
            self.truth.append({"file": name, "pages": pages, **d.truth})

    def scanned_pdf(self, name: str, docs: list[Doc]) -> str:
        images = scan(merge(docs), self.damage, self.rng)
        save_scan_pdf(images, self.inbox / name, self.damage.dpi)
        self._record(name, docs)
        return name

    def digital_pdf(self, name: str, doc: Doc) -> str:
        (self.inbox / name).write_bytes(doc.pdf)
        self._record(name, [doc])
        return name

    def tiff(self, name: str, docs: list[Doc]) -> str:
        save_tiff(scan(merge(docs), self.damage, self.rng), self.inbox / name, self.damage.dpi)
        self._record(name, docs)
        return name

    def jpg_of_last_page(self, name: str, doc: Doc) -> str:
        image = scan(doc.pdf, replace(self.damage, bilevel=False), self.rng)[-1]
        image.save(self.inbox / name, "JPEG", quality=self.damage.jpeg_quality, dpi=(self.damage.dpi,) * 2)
        truth = dict(doc.truth)
        self.truth.append({"file": name, "pages": "1", **truth})
        return name

    def copy(self, src: str, name: str) -> str:
        shutil.copyfile(self.inbox / src, self.inbox / name)
        self.truth.extend({**r, "file": name} for r in list(self.truth) if r["file"] == src)
        return name

    def agreement(self, m: Member, *, amount: Decimal | None = None, signed: bool = True,
                  state_inhabitants: bool | int = False, printed_name: str | None = None,
                  decided: date | None = None, smudge: bool = False) -> Doc:
        decided = decided or random_day(self.rng, date(2023, 1, 9), 40)
        stated = state_inhabitants if isinstance(state_inhabitants, int) and state_inhabitants > 1 else (
            m.inhabitants if state_inhabitants else None)
        spec = AgreementSpec(
            municipality=m.municipality, mayor=m.mayor, amount=amount or contribution(m.inhabitants),
            drawn_up=random_day(self.rng, decided, 20), college_date=decided, signed=signed,
            state_inhabitants=stated, municipality_printed=printed_name, smudge_amount=smudge)
        return render_agreement(spec, self.rng)

    def memo(self, m: Member, inhabitants: int | None = None, dated: bool = True) -> Doc:
        decided = random_day(self.rng, date(2023, 1, 9), 40) if dated else None
        return render_memo(m.municipality, inhabitants or m.inhabitants, decided, self.rng)

    def bad_files(self) -> None:
        """Files that cannot be read; each must still get its row."""
        (self.inbox / "leeg.pdf").write_bytes(b"")
        good = render_plain("other", ["Afgebroken bestand", *texts.COVENANT[:4]], self.rng).pdf
        (self.inbox / "afgebroken.pdf").write_bytes(good[: len(good) // 3])
        w = Writer()
        w.canvas.setEncrypt(pdfencrypt.StandardEncryption("geheim", ownerPassword="eigenaar", strength=128))
        w.para("Vertrouwelijk")
        (self.inbox / "beveiligd.pdf").write_bytes(w.done())
        (self.inbox / "webpagina.pdf").write_text(
            "<!DOCTYPE html><html><body><p>Overeenkomst</p></body></html>", encoding="utf-8")
        (self.inbox / "notitie.docx").write_bytes(b"PK\x03\x04 not really a document")
        for name, error in [("leeg.pdf", "empty"), ("afgebroken.pdf", "unreadable"),
                            ("beveiligd.pdf", "encrypted"), ("webpagina.pdf", "unsupported"),
                            ("notitie.docx", "unsupported")]:
            self.findings.append(("unreadable", "", name))
            self.truth.append({"file": name, "pages": "", "doc_type": "other", "municipality": "",
                               "signatory": "", "date": "", "amount": "", "inhabitants": "", "signed": "",
                               "error": error})

    def write(self, truth_dir: Path) -> None:
        truth_dir.mkdir(parents=True, exist_ok=True)
        for r in self.truth:
            r.pop("error", None)
        write_truth([r for r in self.truth if r["pages"]], truth_dir / "truth_documents.csv")
        with (truth_dir / "truth_status.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["municipality", "status", "issues", "scenario", "documents"])
            for c in sorted(self.cases, key=lambda c: c.municipality):
                writer.writerow([c.municipality, c.expected_status, ";".join(c.expected_issues), c.scenario,
                                 ";".join(sorted(c.files))])
        with (truth_dir / "truth_findings.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["code", "municipality", "file"])
            expected = list(self.findings)
            for c in self.cases:
                expected.extend((code, c.municipality, "") for code in c.expected_issues)
            writer.writerows(sorted(set(expected)))


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in name.lower()).strip("_")


Scenario = Callable[[InboxBuilder, Member], Case]


def s_complete(b: InboxBuilder, m: Member) -> Case:
    f = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst.pdf", [b.agreement(m)])
    return Case(m.municipality, m.inhabitants, m.mayor, "complete", "complete", (), [f])


def s_merged(b: InboxBuilder, m: Member) -> Case:
    docs = [b.memo(m), render_plain("cover_letter", texts.COVER_LETTER, b.rng),
            render_plain("covenant", texts.COVENANT + texts.COVENANT_ANNEX, b.rng, break_at="Bijlage"),
            b.agreement(m)]
    f = b.scanned_pdf(f"scan_{_slug(m.municipality)}_raadsstukken.pdf", docs)
    return Case(m.municipality, m.inhabitants, m.mayor, "merged", "complete", (), [f])


def s_separate_memo(b: InboxBuilder, m: Member) -> Case:
    f1 = b.scanned_pdf(f"{_slug(m.municipality)}_besluitnota.pdf", [b.memo(m)])
    f2 = b.scanned_pdf(f"{_slug(m.municipality)}_getekend.pdf", [b.agreement(m, state_inhabitants=True)])
    return Case(m.municipality, m.inhabitants, m.mayor, "memo_and_agreement", "complete", (), [f1, f2])


def s_digital(b: InboxBuilder, m: Member) -> Case:
    f = b.digital_pdf(f"{_slug(m.municipality)} digitaal.pdf", b.agreement(m))
    return Case(m.municipality, m.inhabitants, m.mayor, "digital", "complete", (), [f])


def s_tiff(b: InboxBuilder, m: Member) -> Case:
    f = b.tiff(f"{_slug(m.municipality)}_scan.tif", [b.agreement(m)])
    return Case(m.municipality, m.inhabitants, m.mayor, "tiff", "complete", (), [f])


def s_photo(b: InboxBuilder, m: Member) -> Case:
    f = b.jpg_of_last_page(f"IMG_{_slug(m.municipality)}.jpg", b.agreement(m))
    return Case(m.municipality, m.inhabitants, m.mayor, "photo_signature_page", "complete", (), [f])


def s_unsigned(b: InboxBuilder, m: Member) -> Case:
    f = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst.pdf", [b.agreement(m, signed=False)])
    return Case(m.municipality, m.inhabitants, m.mayor, "unsigned", "exception", ("unsigned",), [f])


def s_wrong_amount(b: InboxBuilder, m: Member) -> Case:
    wrong = (Decimal("0.13") * m.inhabitants).quantize(Decimal("0.01"))  # the old rate
    f = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst.pdf", [b.agreement(m, amount=wrong)])
    return Case(m.municipality, m.inhabitants, m.mayor, "wrong_amount", "exception", ("amount_mismatch",), [f])


def s_memo_only(b: InboxBuilder, m: Member) -> Case:
    f = b.scanned_pdf(f"{_slug(m.municipality)}_besluitnota.pdf", [b.memo(m, dated=False)])
    return Case(m.municipality, m.inhabitants, m.mayor, "memo_only", "exception", ("no_agreement",), [f])


def s_inhabitants_mismatch(b: InboxBuilder, m: Member) -> Case:
    other = m.inhabitants + 1234  # a municipal register count instead of the CBS figure
    f1 = b.scanned_pdf(f"{_slug(m.municipality)}_besluitnota.pdf", [b.memo(m, inhabitants=other)])
    f2 = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst.pdf", [b.agreement(m)])
    return Case(m.municipality, m.inhabitants, m.mayor, "inhabitants_mismatch", "exception",
                ("inhabitants_mismatch",), [f1, f2])


def s_duplicate(b: InboxBuilder, m: Member) -> Case:
    f1 = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst.pdf", [b.agreement(m)])
    f2 = b.copy(f1, f"Kopie van {_slug(m.municipality)}_overeenkomst.pdf")
    return Case(m.municipality, m.inhabitants, m.mayor, "duplicate", "complete", ("duplicate",), [f1, f2])


def s_alias(b: InboxBuilder, m: Member) -> Case:
    """The municipality written as its common alias (Den Bosch for 's-Hertogenbosch)."""
    printed = {"'s-Hertogenbosch": "Den Bosch", "Sittard-Geleen": "Sittard Geleen"}.get(m.municipality)
    f = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst.pdf", [b.agreement(m, printed_name=printed)])
    return Case(m.municipality, m.inhabitants, m.mayor, "alias", "complete", (), [f])


def s_rescan(b: InboxBuilder, m: Member) -> Case:
    """The same signed agreement scanned twice (other skew and noise): one agreement, one duplicate."""
    doc = b.agreement(m)
    f1 = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst.pdf", [doc])
    f2 = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst_opnieuw_gescand.pdf", [doc])
    return Case(m.municipality, m.inhabitants, m.mayor, "rescan", "complete", ("duplicate",), [f1, f2])


SCENARIOS: dict[str, Scenario] = {
    "complete": s_complete, "merged": s_merged, "memo_and_agreement": s_separate_memo,
    "digital": s_digital, "tiff": s_tiff, "photo": s_photo, "unsigned": s_unsigned,
    "wrong_amount": s_wrong_amount, "memo_only": s_memo_only, "inhabitants_mismatch": s_inhabitants_mismatch,
    "duplicate": s_duplicate, "alias": s_alias, "rescan": s_rescan,
}

DEMO_PLAN = [
    ("Deventer", "merged"), ("Zwolle", "complete"), ("Haarlem", "digital"), ("Arnhem", "tiff"),
    ("Tilburg", "photo"), ("Almere", "unsigned"), ("Breda", "wrong_amount"), ("Delft", "memo_only"),
    ("Leiden", "inhabitants_mismatch"), ("Zoetermeer", "duplicate"), ("'s-Hertogenbosch", "alias"),
    ("Enschede", "memo_and_agreement"),
]


NON_MEMBERS = [Member("Utrecht", 361_924, "S.A.M. Dijksma"), Member("Amsterdam", 882_633, "F. Halsema"),
               Member("Rotterdam", 655_468, "A. Aboutaleb")]


def nonmember(b: InboxBuilder, m: Member = NON_MEMBERS[0]) -> None:
    """An agreement from a city that is not a G40 member."""
    name = b.scanned_pdf(f"{_slug(m.municipality)}_overeenkomst.pdf", [b.agreement(m)])
    b.findings.append(("unknown_municipality", m.municipality, name))


def build(inbox: Path, truth_dir: Path, plan: list[tuple[str, str]], damage: Damage, seed: int,
          bad_files: bool = True, non_members: int = 1) -> InboxBuilder:
    members = load_members()
    b = InboxBuilder(inbox, damage, seed)
    for name, scenario in plan:
        b.cases.append(SCENARIOS[scenario](b, members[name]))
    for m in NON_MEMBERS[:non_members]:
        nonmember(b, m)
    if bad_files:
        b.bad_files()
    b.write(truth_dir)
    return b


def corpus_plan(count: int, seed: int) -> list[tuple[str, str]]:
    """A plan over the 41 members cycling through every scenario; aliases only where one exists."""
    members = sorted(load_members())
    rng = random.Random(seed)
    rng.shuffle(members)
    names = [s for s in SCENARIOS if s != "alias"]
    plan = []
    for i, name in enumerate(members[:count]):
        scenario = "alias" if name in ("'s-Hertogenbosch", "Sittard-Geleen") else names[i % len(names)]
        plan.append((name, scenario))
    return plan


def build_named(preset: str, inbox: Path, truth_dir: Path, level: str = "office", count: int = 41,
                seed: int = 7) -> InboxBuilder:
    if preset == "demo":
        return build(inbox, truth_dir, DEMO_PLAN, DAMAGE["office_bw" if level == "office" else level], seed)
    if preset == "corpus":
        return build(inbox, truth_dir, corpus_plan(count, seed), DAMAGE[level], seed, non_members=3)
    raise ValueError(f"unknown preset {preset!r}")
