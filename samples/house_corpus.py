"""A house-style test corpus: every G40 member writes its memo and fills in the model agreement in its own style.

    python -m samples.house_corpus INBOX TRUTH_DIR --level office --seed 1 --reference models/reference/g40_2022.csv

Plans all members over scenarios (complete in many forms, the exceptions, missing), renders each document with
the municipality's house style (samples/house_docs.py, wording in samples/house_text.py), turns it into the kind of
file a municipality e-mails (scan, TIFF, phone photo, born-digital, hybrid, batch scan) and writes the truth.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import time
from collections.abc import Collection
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .generator import DAMAGE, save_scan_pdf, save_tiff, scan
from .house_docs import (
    AgreementSpec,
    House,
    Member,
    MemoSpec,
    Rendered,
    make_house,
    render_agreement,
    render_covenant,
    render_cover_letter,
    render_memo,
    render_municipal_letter,
)
from .house_layout import images_pdf, merge_pdfs, phone_photo
from .house_text import OLD_RATE, RATE, acting, cents, invent_person, parse_person, workday

DOC_COLUMNS = ["file", "pages", "doc_type", "municipality", "signatory", "date", "amount", "inhabitants", "signed"]
STATUS_COLUMNS = ["municipality", "status", "issues", "scenario", "documents"]
FINDING_COLUMNS = ["code", "municipality", "file"]

# scenario -> how many members get it (41 in all); extra members get 'agreement_scan'
SCENARIOS: list[tuple[str, int]] = [
    ("agreement_scan", 6), ("memo_and_agreement", 3), ("merged_memo_agreement", 2), ("full_bundle", 2),
    ("digital", 2), ("hybrid", 1), ("tiff", 1), ("photo_signature_page", 1), ("deputy_signatory", 2),
    ("decision_date_only", 2), ("duplicate", 1), ("letter_and_agreement", 1), ("batch", 4),
    ("unsigned", 2), ("wrong_amount", 2), ("inhabitants_mismatch", 2), ("memo_only", 2), ("missing", 5),
]
EXCEPTION_ISSUE = {"unsigned": "unsigned", "wrong_amount": "amount_mismatch",
                   "inhabitants_mismatch": "inhabitants_mismatch", "memo_only": "no_agreement"}

# Non-members with their CBS population on 1 January 2022 (used when no gazetteer is found next to the reference).
NON_MEMBERS = {"Katwijk": 66032, "Westland": 112448, "Veenendaal": 67671, "Den Helder": 56334, "Purmerend": 92240,
               "Zeist": 65987, "Barneveld": 60584}
FALLBACK_DIRS = [Path(__file__).resolve().parent.parent / "models" / "reference"]


# --- reference -----------------------------------------------------------------------------------------------------

def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_members(reference: Path) -> list[Member]:
    """The members of the reference; every one needs its CBS figure (none is ever guessed)."""
    members = []
    for r in _read_csv(reference):
        name = r["municipality"].strip()
        raw = (r.get("inhabitants") or "").strip()
        if not raw.isdigit():
            raise SystemExit(f"house_corpus: {reference} has no inhabitants figure for {name}")
        cell = r.get("mayor") or ""
        members.append(Member(name, int(raw), parse_person(cell), acting(cell)))
    return members


def non_member(name: str, reference: Path, rng: random.Random) -> Member:
    n = NON_MEMBERS.get(name, 60000)
    for folder in [reference.parent, *FALLBACK_DIRS]:
        path = folder / "cbs_gemeenten_2022.csv"
        if path.exists():
            for r in _read_csv(path):
                if r.get("name_cbs", "").split(" (")[0] == name:
                    n = int(r["inhabitants_2022_01_01"])
            break
    return Member(name, n, invent_person(rng).with_titles("", ""), member=False)


# --- files and truth ---------------------------------------------------------------------------------------------

@dataclass
class Part:
    """Pages of one rendered document inside a file; mode 'scan' or 'text' (born-digital)."""

    doc: Rendered
    pages: list[int] | None = None
    mode: str = "scan"

    @property
    def page_list(self) -> list[int]:
        return self.pages if self.pages is not None else list(range(self.doc.pages))


@dataclass
class FileJob:
    """One inbox file: kind 'scan', 'tiff', 'digital', 'hybrid' or 'jpg'."""

    name: str
    kind: str
    parts: list[Part]
    municipalities: list[str] = field(default_factory=list)


def _pages(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}-{b}"


def truth_rows(job: FileJob) -> list[dict[str, str]]:
    """One truth row per document in the file (consecutive parts of one document are one document), from the
    facts printed on its pages."""
    groups: list[tuple[Rendered, list[int], int]] = []
    at = 1
    for part in job.parts:
        pl = part.page_list
        if groups and groups[-1][0] is part.doc:
            groups[-1][1].extend(pl)
        else:
            groups.append((part.doc, list(pl), at))
        at += len(pl)
    rows = []
    for doc, pl, start in groups:
        row = dict.fromkeys(DOC_COLUMNS, "")
        row.update(file=job.name, pages=_pages(start, start + len(pl) - 1), doc_type=doc.doc_type)
        if doc.doc_type in ("agreement", "decision_memo"):
            on = set(pl)
            facts = [(k, v) for p, k, v in doc.facts if p in on]

            def get(key: str, facts: list[tuple[str, str]] = facts) -> str:
                return next((v for k, v in facts if k == key), "")

            row["municipality"] = doc.municipality if get("municipality") else ""
            row["amount"] = get("amount")
            row["inhabitants"] = get("inhabitants")
            if doc.doc_type == "agreement":
                row["signatory"] = get("signatory")
                row["date"] = get("signing_date") or get("decision_date")
                row["signed"] = "yes" if get("signed") else "no"
            else:
                row["date"] = get("decision_date")
        rows.append(row)
    return rows


def produce(job: FileJob, inbox: Path, level: str, seed: int) -> None:
    """Write one inbox file (runs in a worker process)."""
    damage = DAMAGE[level]
    rng = random.Random(f"{seed}:file:{job.name}")
    path = inbox / job.name

    def scanned(part: Part) -> list:
        pdf = part.doc.pdf if part.pages is None else merge_pdfs([(part.doc.pdf, part.pages)])
        return scan(pdf, damage, rng)

    if job.kind in ("scan", "tiff"):
        images = [im for part in job.parts for im in scanned(part)]
        if job.kind == "scan":
            save_scan_pdf(images, path, damage.dpi)
        else:
            save_tiff(images, path, damage.dpi)
    elif job.kind == "digital":
        data = job.parts[0].doc.pdf if len(job.parts) == 1 and job.parts[0].pages is None else merge_pdfs(
            [(p.doc.pdf, p.pages) for p in job.parts])
        path.write_bytes(data)
    elif job.kind == "hybrid":
        chunks: list[tuple[bytes, list[int] | None]] = []
        for part in job.parts:
            if part.mode == "text":
                chunks.append((part.doc.pdf, part.pages))
            else:
                chunks.append((images_pdf(scanned(part), damage.dpi), None))
        path.write_bytes(merge_pdfs(chunks))
    elif job.kind == "jpg":
        part = job.parts[0]
        img = phone_photo(part.doc.pdf, part.page_list[0], rng)
        img.save(path, "JPEG", quality=rng.choice([80, 85, 90]))
    else:
        raise ValueError(job.kind)


def _produce_star(args: tuple[FileJob, Path, str, int]) -> str:
    produce(*args)
    return args[0].name


# --- the plan ----------------------------------------------------------------------------------------------------

class Namer:
    """Realistic, unique attachment names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def unique(self, name: str) -> str:
        stem, dot, ext = name.rpartition(".")
        out, k = name, 1
        while out.lower() in self.used:
            out = f"{stem} ({k}).{ext}" if dot else f"{name} ({k})"
            k += 1
        self.used.add(out.lower())
        return out

    def _stamp(self, d: date) -> str:
        return f"{d:%Y%m%d}_{self.rng.randint(7, 17):02d}{self.rng.randint(0, 59):02d}{self.rng.randint(0, 59):02d}"

    def scan(self, m: str, d: date, kind: str = "agreement") -> str:
        r = self.rng
        slug = m.lower().replace(" ", "_").replace("'", "")
        if kind == "agreement":
            options = [
                f"Scan_{self._stamp(d)}.pdf",
                f"SKM_C{r.choice([258, 308, 368, 458])}{d:%y%m%d}{r.randint(70000, 175959):06d}0.pdf",
                f"{m} - ondertekende samenwerkingsovereenkomst Platform31.pdf",
                "ondertekende overeenkomst Platform31.pdf",
                f"Uitvoeringsovereenkomst P31 {m} getekend.pdf",
                f"{d:%Y%m%d} Samenwerkingsovereenkomst G40-Platform31 {m}.pdf",
                f"doc{r.randint(10**9, 10**10 - 1)}.pdf",
                f"{slug}_overeenkomst_platform31.pdf",
                "Samenwerkingsovereenkomst_getekend.pdf",
                f"KM_{d:%Y%m%d}{r.randint(100000, 235959)}.pdf",
            ]
        elif kind == "memo":
            options = [f"Besluitnota Platform31 {m}.pdf", "Collegevoorstel samenwerking Platform31.pdf",
                       f"Advies B&W G40 Platform31 {d:%d-%m-%Y}.pdf", f"RIB Platform31 {m}.pdf",
                       f"besluit college {d:%Y%m%d}.pdf", f"{slug}_besluitnota_platform31.pdf",
                       f"Scan_{self._stamp(d)}.pdf"]
        elif kind == "bundle":
            options = [f"Scan_{self._stamp(d)}.pdf", f"{m} raadsstukken Platform31.pdf",
                       f"Stukken convenant G40 Platform31 {m}.pdf", f"scan_{slug}_platform31.pdf",
                       f"SKM_C{r.choice([258, 308])}{d:%y%m%d}{r.randint(70000, 175959):06d}0.pdf"]
        elif kind == "tiff":
            options = [f"{slug}_scan.tif", f"Scan{d:%Y%m%d}.tiff", f"image{d:%Y-%m-%d}-{r.randint(80000, 170000)}.tif"]
        elif kind == "jpg":
            options = [f"IMG_{r.randint(1000, 9999)}.jpg", f"IMG-{d:%Y%m%d}-WA{r.randint(0, 40):04d}.jpg",
                       f"{d:%Y%m%d}_{r.randint(80000, 175959)}.jpg"]
        elif kind == "digital":
            options = [f"Samenwerkingsovereenkomst Platform31 {m} (digitaal ondertekend).pdf",
                       f"{m}_samenwerkingsovereenkomst_P31.pdf", f"Overeenkomst G40-Platform31 {m} def.pdf",
                       "Samenwerkingsovereenkomst Platform31 - getekend.pdf"]
        else:
            options = [f"Scan_{self._stamp(d)}.pdf"]
        return self.unique(r.choice(options))


@dataclass
class Outcome:
    """What one member (or non-member) sent and what the truth says about it."""

    municipality: str
    scenario: str
    status: str
    issues: list[str]
    files: list[str] = field(default_factory=list)


class Planner:
    """Builds the rendered documents and file jobs for the whole corpus."""

    def __init__(self, seed: int, reference: Path) -> None:
        self.seed = seed
        self.reference = reference
        self.rng = random.Random(f"{seed}:plan")
        self.namer = Namer(random.Random(f"{seed}:names"))
        self.jobs: list[FileJob] = []
        self.outcomes: list[Outcome] = []
        self.findings: list[tuple[str, str, str]] = []
        self._covenant: Rendered | None = None
        self._letter: Rendered | None = None

    # shared documents
    def covenant(self) -> Rendered:
        if self._covenant is None:
            self._covenant = render_covenant(f"{self.seed}:covenant")
        return self._covenant

    def cover_letter(self) -> Rendered:
        if self._letter is None:
            self._letter = render_cover_letter(f"{self.seed}:letter")
        return self._letter

    # per member
    def setup(self, m: Member) -> tuple[House, random.Random, date, date]:
        rng = random.Random(f"{self.seed}:member:{m.name}")
        house = make_house(m, random.Random(f"{self.seed}:house:{m.name}"))
        decision = date(2023, 1, 10) + timedelta(weeks=rng.randint(0, 7))  # college meetings on Tuesdays
        signing = workday(decision + timedelta(days=rng.randint(0, 15)))
        return house, rng, decision, signing

    def spec(self, m: Member, h: House, decision: date, signing: date | None) -> AgreementSpec:
        role = "waarnemend burgemeester" if m.acting else "burgemeester"
        return AgreementSpec(signer=m.mayor, role=role, amount=cents(m.inhabitants * RATE), inhabitants=m.inhabitants,
                             rate=RATE, decision=decision, signing=signing, name_decision=h.names_decision,
                             sig_break=h.sig_break)

    def agreement(self, m: Member, h: House, spec: AgreementSpec, paper: bool = True) -> Rendered:
        """The agreement; `paper` False for a born-digital one (no received-stamp)."""
        rng = random.Random(f"{self.seed}:received:{m.name}")
        received = date(2022, 12, 22) + timedelta(days=rng.randint(0, 16))
        return render_agreement(h, spec, f"{self.seed}:agreement:{m.name}", received=received if paper else None)

    def memo(self, m: Member, h: House, decision: date | None, inhabitants: int, rng: random.Random,
             kind: str = "") -> Rendered:
        kind = kind or h.memo_kind
        anchor = decision or date(2023, 1, 17)
        if kind == "raadsinformatiebrief":
            memo_date = workday(anchor + timedelta(days=rng.randint(2, 9)))
        else:
            memo_date = max(workday(anchor - timedelta(days=rng.randint(6, 20))), date(2023, 1, 3))
        spec = MemoSpec(inhabitants=inhabitants, decision=decision, memo_date=memo_date, kind=kind)
        return render_memo(h, m.mayor, spec, f"{self.seed}:memo:{m.name}")

    def memo_decision(self, rng: random.Random, decision: date) -> date | None:
        """Most memos name the decision date; some were filed before the meeting or lost it in the scan."""
        return decision if rng.random() < 0.8 else None

    def add(self, name: str, kind: str, parts: list[Part], owners: list[str]) -> str:
        self.jobs.append(FileJob(name, kind, parts, owners))
        return name

    def member(self, m: Member, scenario: str) -> Outcome:
        h, rng, decision, signing = self.setup(m)
        out = Outcome(m.name, scenario, "complete", [])
        n = m.name
        spec = self.spec(m, h, decision, signing)
        sent = workday(signing + timedelta(days=rng.randint(0, 6)))
        if scenario == "missing":
            out.status = "missing"
            return out
        if scenario == "agreement_scan":
            doc = self.agreement(m, h, spec)
            out.files.append(self.add(self.namer.scan(n, sent), "scan", [Part(doc)], [n]))
        elif scenario == "memo_and_agreement":
            memo = self.memo(m, h, self.memo_decision(rng, decision), m.inhabitants, rng)
            doc = self.agreement(m, h, spec)
            digital = rng.random() < 0.5
            out.files.append(self.add(self.namer.scan(n, decision, "memo") if not digital else
                                      self.namer.unique(f"{memo_file_title(h)} {n}.pdf"),
                                      "digital" if digital else "scan", [Part(memo, mode="text")], [n]))
            out.files.append(self.add(self.namer.scan(n, sent), "scan", [Part(doc)], [n]))
        elif scenario == "merged_memo_agreement":
            memo = self.memo(m, h, self.memo_decision(rng, decision), m.inhabitants, rng)
            doc = self.agreement(m, h, spec)
            parts = [Part(memo), Part(doc)] if rng.random() < 0.7 else [Part(doc), Part(memo)]
            out.files.append(self.add(self.namer.scan(n, sent, "bundle"), "scan", parts, [n]))
        elif scenario == "full_bundle":
            memo = self.memo(m, h, self.memo_decision(rng, decision), m.inhabitants, rng)
            doc = self.agreement(m, h, spec)
            parts = [Part(memo), Part(self.cover_letter()), Part(self.covenant()), Part(doc)]
            out.files.append(self.add(self.namer.scan(n, sent, "bundle"), "scan", parts, [n]))
        elif scenario == "digital":
            h.p31_signed = rng.choice(["image", "blank"])
            spec.sign_mode = rng.choice(["hand", "image"])
            doc = self.agreement(m, h, spec, paper=False)
            out.files.append(self.add(self.namer.scan(n, sent, "digital"), "digital", [Part(doc, mode="text")],
                                      [n]))
        elif scenario == "hybrid":
            memo = self.memo(m, h, decision, m.inhabitants, rng)
            spec.sig_break = True
            doc = self.agreement(m, h, spec, paper=False)
            last = doc.pages - 1
            parts = [Part(memo, mode="text"), Part(doc, list(range(last)), mode="text"), Part(doc, [last])]
            out.files.append(self.add(self.namer.unique(f"Samenwerkingsovereenkomst en besluit {n}.pdf"), "hybrid",
                                      parts, [n]))
        elif scenario == "tiff":
            doc = self.agreement(m, h, spec)
            out.files.append(self.add(self.namer.scan(n, sent, "tiff"), "tiff", [Part(doc)], [n]))
        elif scenario == "photo_signature_page":
            spec.sig_break = True
            doc = self.agreement(m, h, spec)
            last = doc.pages - 1
            out.files.append(self.add(self.namer.scan(n, sent), "scan", [Part(doc, list(range(last)))], [n]))
            out.files.append(self.add(self.namer.scan(n, sent, "jpg"), "jpg", [Part(doc, [last])], [n]))
        elif scenario == "deputy_signatory":
            if h.deputy_role == "wethouder":
                spec.role, spec.portfolio = "wethouder", h.portfolio
            else:
                spec.role = "loco-burgemeester"
            spec.signer = h.deputy
            doc = self.agreement(m, h, spec)
            out.files.append(self.add(self.namer.scan(n, sent), "scan", [Part(doc)], [n]))
        elif scenario == "decision_date_only":
            spec.signing = None
            spec.name_decision = True
            doc = self.agreement(m, h, spec)
            out.files.append(self.add(self.namer.scan(n, sent), "scan", [Part(doc)], [n]))
        elif scenario == "duplicate":
            doc = self.agreement(m, h, spec)
            first = self.add(self.namer.scan(n, sent), "scan", [Part(doc)], [n])
            second_name = self.namer.unique(rng.choice([f"Kopie van {first}", f"{n} overeenkomst Platform31.pdf",
                                                        f"RE {first}"]))
            out.files += [first, self.add(second_name, "scan", [Part(doc)], [n])]
            out.issues.append("duplicate")
        elif scenario == "letter_and_agreement":
            doc = self.agreement(m, h, spec)
            letter = render_municipal_letter(h, spec, sent, f"{self.seed}:munletter:{n}")
            out.files.append(self.add(self.namer.scan(n, sent, "bundle"), "scan", [Part(letter), Part(doc)], [n]))
        elif scenario == "unsigned":
            spec.signed = False
            spec.signing = signing if rng.random() < 0.5 else None
            doc = self.agreement(m, h, spec)
            out.files.append(self.add(self.namer.scan(n, sent), "scan", [Part(doc)], [n]))
        elif scenario == "wrong_amount":
            if rng.random() < 0.5:
                spec.rate = OLD_RATE
                spec.amount = cents(m.inhabitants * OLD_RATE)
            else:
                wrong = wrong_inhabitants(m.inhabitants, rng)
                spec.inhabitants = wrong
                spec.amount = cents(wrong * RATE)
                if h.price_idx in (1, 4, 5):
                    h.price_idx = rng.choice([0, 2, 3])
            doc = self.agreement(m, h, spec)
            out.files.append(self.add(self.namer.scan(n, sent), "scan", [Part(doc)], [n]))
        elif scenario == "inhabitants_mismatch":
            wrong = wrong_inhabitants(m.inhabitants, rng)
            memo = self.memo(m, h, decision, wrong, rng, kind=rng.choice(["besluitnota", "collegevoorstel", "advies"]))
            doc = self.agreement(m, h, spec)
            if rng.random() < 0.5:
                out.files.append(self.add(self.namer.scan(n, sent, "bundle"), "scan", [Part(memo), Part(doc)], [n]))
            else:
                out.files.append(self.add(self.namer.scan(n, decision, "memo"), "scan", [Part(memo)], [n]))
                out.files.append(self.add(self.namer.scan(n, sent), "scan", [Part(doc)], [n]))
        elif scenario == "memo_only":
            memo = self.memo(m, h, self.memo_decision(rng, decision), m.inhabitants, rng)
            digital = rng.random() < 0.4
            out.files.append(self.add(self.namer.scan(n, decision, "memo"), "digital" if digital else "scan",
                                      [Part(memo, mode="text")], [n]))
        else:
            raise ValueError(scenario)
        if scenario in EXCEPTION_ISSUE:
            out.status = "exception"
            out.issues.append(EXCEPTION_ISSUE[scenario])
        return out

    def batch(self, members: list[Member]) -> list[Outcome]:
        """One scanner batch with the agreements of several members one after the other."""
        parts = []
        outs = []
        last = date(2023, 1, 1)
        for m in members:
            h, _rng, decision, signing = self.setup(m)
            parts.append(Part(self.agreement(m, h, self.spec(m, h, decision, signing))))
            last = max(last, signing)
            outs.append(Outcome(m.name, "batch", "complete", []))
        r = self.namer.rng
        name = self.namer.unique(f"SKM_C{r.choice([308, 458])}{last:%y%m%d}{r.randint(80000, 165959):06d}0.pdf")
        self.add(name, "scan", parts, [m.name for m in members])
        for o in outs:
            o.files.append(name)
        return outs

    def unknown(self, m: Member) -> None:
        """An agreement from a municipality that is not a member."""
        h, _rng, decision, signing = self.setup(m)
        doc = self.agreement(m, h, self.spec(m, h, decision, signing))
        name = self.add(self.namer.scan(m.name, signing), "scan", [Part(doc)], [m.name])
        self.findings.append(("unknown_municipality", m.name, name))

    def plan(self, members: list[Member]) -> None:
        order = members[:]
        self.rng.shuffle(order)
        scenarios = [s for s, k in SCENARIOS for _ in range(k)]
        if len(order) < len(scenarios):
            firsts = list(dict.fromkeys(scenarios))
            rest = [s for s in scenarios if s not in firsts or scenarios.count(s) > 1]
            scenarios = (firsts + rest)[:len(order)]
        scenarios += ["agreement_scan"] * (len(order) - len(scenarios))
        batch_members = [m for m, s in zip(order, scenarios, strict=True) if s == "batch"]
        for m, s in zip(order, scenarios, strict=True):
            if s != "batch":
                self.outcomes.append(self.member(m, s))
        if batch_members:
            self.outcomes += self.batch(batch_members)
        picks = self.rng.sample(sorted(NON_MEMBERS), 2)
        for name in picks:
            self.unknown(non_member(name, self.reference, random.Random(f"{self.seed}:nonmember:{name}")))
        for o in self.outcomes:
            for issue in o.issues:
                self.findings.append((issue, o.municipality, ""))


def wrong_inhabitants(n: int, rng: random.Random) -> int:
    """A plausible wrong inhabitants figure: the municipal register, last year's count or swapped digits."""
    kind = rng.randrange(3)
    if kind == 0:
        return n + rng.randint(40, 900)
    if kind == 1:
        return n - rng.randint(300, 1800)
    digits = list(str(n))
    for _ in range(10):
        i = rng.randrange(1, len(digits) - 1)
        if digits[i] != digits[i + 1]:
            digits[i], digits[i + 1] = digits[i + 1], digits[i]
            return int("".join(digits))
    return n + 1000


def memo_file_title(h: House) -> str:
    return {"besluitnota": "Besluitnota Platform31", "collegevoorstel": "Collegevoorstel Platform31",
            "advies": "Advies B&W Platform31", "raadsinformatiebrief": "Raadsinformatiebrief Platform31",
            "besluit": "Collegebesluit Platform31"}[h.memo_kind]


def _write(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def build_house_corpus(inbox: Path, truth_dir: Path, level: str, seed: int, reference: Path,
                       only: Collection[str] | None = None) -> None:
    """Write the house-style corpus into `inbox` and its truth (three CSV files) into `truth_dir`.

    `only` keeps the members of those scenarios (and the files they sent), for a quick test inbox; the truth
    then lists those members alone.
    """
    if level not in DAMAGE:
        raise ValueError(f"unknown level {level!r}")
    inbox.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    members = load_members(reference)
    planner = Planner(seed, reference)
    planner.plan(members)
    if only is not None:
        planner.outcomes = [o for o in planner.outcomes if o.scenario in only]
        kept = {f for o in planner.outcomes for f in o.files}
        if "non_member" in only:
            kept |= {x[2] for x in planner.findings if x[0] == "unknown_municipality"}
        planner.jobs = [j for j in planner.jobs if j.name in kept]
        names = {o.municipality for o in planner.outcomes}
        planner.findings = [x for x in planner.findings if x[2] in kept or x[1] in names]
    workers = max(1, min(2, os.cpu_count() or 1))
    args = [(job, inbox, level, seed) for job in planner.jobs]
    if workers == 1:
        for a in args:
            _produce_star(a)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_produce_star, args))
    docs = [row for job in planner.jobs for row in truth_rows(job)]
    docs.sort(key=lambda r: (r["file"], int(r["pages"].split("-")[0])))
    _write(truth_dir / "truth_documents.csv", DOC_COLUMNS, docs)
    status = [{"municipality": o.municipality, "status": o.status, "issues": ";".join(o.issues),
               "scenario": o.scenario, "documents": ";".join(sorted(o.files))}
              for o in sorted(planner.outcomes, key=lambda o: o.municipality)]
    _write(truth_dir / "truth_status.csv", STATUS_COLUMNS, status)
    findings = [{"code": c, "municipality": m, "file": f} for c, m, f in sorted(set(planner.findings))]
    _write(truth_dir / "truth_findings.csv", FINDING_COLUMNS, findings)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("inbox", type=Path)
    p.add_argument("truth_dir", type=Path)
    p.add_argument("--level", choices=["clean", "office", "poor"], default="office")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reference", type=Path, default=Path("models/reference/g40_2022.csv"))
    a = p.parse_args(argv)
    t = time.time()
    build_house_corpus(a.inbox, a.truth_dir, a.level, a.seed, a.reference)
    n = len(list(a.inbox.iterdir()))
    print(f"wrote {n} files to {a.inbox} and the truth to {a.truth_dir} in {time.time() - t:.0f} s")


if __name__ == "__main__":
    main()
