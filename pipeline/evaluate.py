"""Compare a run's documents.csv and status.csv with the truth a generator wrote: per-field accuracy."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .rules import load_yaml

FIELDS = ["doc_type", "municipality", "signatory", "date", "amount", "inhabitants", "signed"]


@dataclass
class Accuracy:
    documents: int = 0
    unmatched: list[str] = field(default_factory=list)
    correct: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    status_correct: int = 0
    status_total: int = 0
    false_complete: list[str] = field(default_factory=list)
    status_errors: list[str] = field(default_factory=list)
    recall_found: dict[str, int] = field(default_factory=dict)
    recall_total: dict[str, int] = field(default_factory=dict)
    missed_findings: list[str] = field(default_factory=list)
    errors_raised: int = 0  # error findings in exceptions.csv: what a reviewer must look at
    errors_due: int = 0  # error findings the truth says must be raised

    def reviewer_load(self) -> float:
        """Error findings raised per error finding that was due (1.0: nothing needless to review)."""
        return self.errors_raised / self.errors_due if self.errors_due else float("nan")

    def rate(self, name: str) -> float:
        return self.correct.get(name, 0) / self.total[name] if self.total.get(name) else float("nan")

    def overall(self) -> float:
        total = sum(self.total.values())
        return sum(self.correct.values()) / total if total else float("nan")

    def lines(self) -> list[str]:
        out = [f"documents: {self.documents} (unmatched: {len(self.unmatched)})"]
        for name in FIELDS:
            if self.total.get(name):
                out.append(f"  {name:<13} {self.rate(name):7.2%}  ({self.correct.get(name, 0)}/{self.total[name]})")
        out.append(f"  {'all fields':<13} {self.overall():7.2%}")
        if self.status_total:
            out.append(f"status: {self.status_correct}/{self.status_total} right; "
                       f"false complete: {len(self.false_complete)}")
        if self.recall_total:
            found, total = sum(self.recall_found.values()), sum(self.recall_total.values())
            out.append(f"finding-code recall: {found}/{total} ({found / total:.1%})")
            for code in sorted(self.recall_total):
                out.append(f"  {code:<22} {self.recall_found.get(code, 0)}/{self.recall_total[code]}")
        if self.errors_due:
            out.append(f"reviewer's load: {self.errors_raised} error findings raised / {self.errors_due} due "
                       f"= {self.reviewer_load():.2f}")
        return out


def _same(name: str, got: str, want: str) -> bool:
    """Equal values; a name may differ in the spaces between initials and in case ('R. C. König')."""
    if name == "signatory":
        return re.sub(r"\s+", "", got).casefold() == re.sub(r"\s+", "", want).casefold()
    return got == want


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def evaluate(out: Path, truth: Path) -> Accuracy:
    acc = Accuracy()
    got = _read(out / "documents.csv").set_index(["file", "pages"])
    want = _read(truth / "truth_documents.csv")
    for row in want.to_dict("records"):
        acc.documents += 1
        key = (row["file"], row["pages"])
        if key not in got.index:
            acc.unmatched.append(f"{key[0]} p{key[1]}")
            for name in FIELDS:
                acc.total[name] = acc.total.get(name, 0) + 1
            continue
        found = got.loc[key]
        if isinstance(found, pd.DataFrame):
            found = found.iloc[0]
        for name in FIELDS:
            if name != "doc_type" and row["doc_type"] not in ("agreement", "decision_memo"):
                continue
            acc.total[name] = acc.total.get(name, 0) + 1
            if _same(name, str(found[name]), str(row[name])):
                acc.correct[name] = acc.correct.get(name, 0) + 1
            else:
                acc.errors.append(f"{key[0]} p{key[1]} {name}: got {found[name]!r}, want {row[name]!r}")
    status_truth = truth / "truth_status.csv"
    if status_truth.exists():
        status = _read(out / "status.csv").set_index("municipality")
        for row in _read(status_truth).to_dict("records"):
            acc.status_total += 1
            got_status = status.loc[row["municipality"], "status"] if row["municipality"] in status.index else ""
            issues = set(filter(None, str(status.loc[row["municipality"], "issues"]).split(";"))) \
                if row["municipality"] in status.index else set()
            want_issues = set(filter(None, row["issues"].split(";")))
            if got_status == row["status"] and want_issues <= issues:
                acc.status_correct += 1
            else:
                acc.status_errors.append(f"{row['municipality']} ({row['scenario']}): got {got_status} "
                                         f"{sorted(issues)}, want {row['status']} {sorted(want_issues)}")
            if got_status == "complete" and row["status"] != "complete":
                acc.false_complete.append(row["municipality"])
    findings_truth = truth / "truth_findings.csv"
    if findings_truth.exists():
        reported = _read(out / "exceptions.csv").to_dict("records")
        acc.errors_raised = sum(1 for r in reported if r["severity"] == "error")
        severity = load_yaml("reconcile.yaml")["severity"]  # a warning is no reviewer's work
        for row in _read(findings_truth).to_dict("records"):
            code = row["code"]
            acc.errors_due += severity.get(code) == "error"
            acc.recall_total[code] = acc.recall_total.get(code, 0) + 1
            if any(r["code"] == code and (not row["municipality"] or r["municipality"] == row["municipality"])
                   and (not row["file"] or r["file"] == row["file"]) for r in reported):
                acc.recall_found[code] = acc.recall_found.get(code, 0) + 1
            else:
                acc.missed_findings.append(f"{code} {row['municipality']} {row['file']}".strip())
    return acc


def main() -> None:
    import sys

    acc = evaluate(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(acc.lines()))
    for line in acc.unmatched + acc.errors + acc.status_errors + acc.missed_findings:
        print("  -", line)
    print("false complete:", acc.false_complete or "none")


if __name__ == "__main__":
    main()
