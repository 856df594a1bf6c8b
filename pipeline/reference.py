"""The expected list: members, their CBS inhabitants, and the contribution each owes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from .errors import ConfigError
from .normalize import name_key, parse_decimal_number, parse_integer
from .rules import load_yaml, models_dir
from .schema import ReferenceEntry

DEFAULT_RATE = Decimal("0.15")
_CENT = Decimal("0.01")


def default_reference_path() -> Path:
    return models_dir() / "reference" / "g40_2022.csv"


def parse_rate(text: str) -> Decimal:
    """'0,15' or '0.15' -> Decimal('0.15'); a ConfigError for anything else."""
    value = parse_decimal_number(text)
    if value is None or value <= 0 or value > 100:
        raise ConfigError(f"--rate {text!r} is geen geldig bedrag per inwoner (bijvoorbeeld 0,15)")
    return value


def expected_amount(inhabitants: int | None, rate: Decimal) -> Decimal | None:
    if inhabitants is None:
        return None
    return (rate * inhabitants).quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Reference:
    """The members and a tolerant name matcher over them."""

    entries: tuple[ReferenceEntry, ...]
    rate: Decimal
    source: str

    def names(self) -> list[str]:
        return [e.municipality for e in self.entries]

    def get(self, name: str) -> ReferenceEntry | None:
        return next((e for e in self.entries if e.municipality == name), None)

    def expected(self, name: str) -> Decimal | None:
        entry = self.get(name)
        return expected_amount(entry.inhabitants, self.rate) if entry else None

    def match(self, text: str, cutoff: float = 84.0) -> tuple[str, float] | None:
        """Match a name as read (OCR errors, aliases, 'gemeente' prefix) to a member: (name, score 0..1)."""
        key = name_key(text)
        if not key:
            return None
        keys = self._keys()
        if key in keys:
            return keys[key], 1.0
        found = process.extractOne(key, list(keys), scorer=fuzz.ratio, score_cutoff=cutoff)
        if not found:
            return None
        return keys[found[0]], found[1] / 100.0

    def match_domain(self, domain: str) -> str | None:
        """The member whose own mail domain this is ('deventer.nl', 's-hertogenbosch.nl'); None for others."""
        labels = domain.lower().split(".")
        if len(labels) < 2 or labels[-1] != "nl":
            return None
        label = labels[-2].replace("-", "")
        squashed = {key.replace(" ", ""): name for key, name in self._keys().items()}
        return squashed.get(label)

    def _keys(self) -> dict[str, str]:
        keys: dict[str, str] = {}
        for e in self.entries:
            keys[name_key(e.municipality)] = e.municipality
            for alias in e.aliases:
                keys[name_key(alias)] = e.municipality
        return keys



def _read_table(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise ConfigError(f"referentiebestand niet gevonden: {path}")
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
            return pd.read_excel(path, dtype=str).fillna("")
        return pd.read_csv(path, dtype=str, sep=None, engine="python", encoding="utf-8-sig").fillna("")
    except Exception as exc:  # pandas raises many types for a bad table
        raise ConfigError(f"referentiebestand {path} kan niet worden gelezen: {exc}") from exc


def load_reference(path: Path | None = None, rate: Decimal = DEFAULT_RATE) -> Reference:
    """Read a CSV or Excel file with at least `municipality,inhabitants`."""
    path = path or default_reference_path()
    df = _read_table(path)
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = {"municipality", "inhabitants"} - set(df.columns)
    if missing:
        raise ConfigError(
            f"referentiebestand {path} mist kolom(men) {', '.join(sorted(missing))}; "
            "verwacht minstens: municipality,inhabitants"
        )
    aliases = load_yaml("aliases.yaml")["municipalities"]  # a misspelt key stops the run, never drops aliases
    entries: list[ReferenceEntry] = []
    seen: set[str] = set()
    for lineno, row in enumerate(df.to_dict("records"), start=2):
        name = str(row["municipality"]).strip()
        if not name:
            continue
        if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name):
            raise ConfigError(f"{path}, regel {lineno}: gemeentenaam {name!r} bevat een regeleinde of stuurteken")
        if name in seen:
            raise ConfigError(f"{path}, regel {lineno}: gemeente {name!r} staat er twee keer in")
        seen.add(name)
        raw = str(row["inhabitants"]).strip()
        inhabitants = parse_integer(raw) if raw else None
        if raw and (inhabitants is None or inhabitants <= 0):
            raise ConfigError(f"{path}, regel {lineno}: inwonertal {raw!r} van {name} is geen geheel getal")
        entries.append(ReferenceEntry(
            municipality=name,
            inhabitants=inhabitants,
            cbs_code=str(row.get("cbs_code", "")).strip(),
            mayor=str(row.get("mayor", "")).strip(),
            aliases=tuple(aliases.get(name, [])),
            inhabitants_status=str(row.get("inhabitants_status", "")).strip(),
        ))
    if not entries:
        raise ConfigError(f"referentiebestand {path} bevat geen gemeenten")
    entries.sort(key=lambda e: name_key(e.municipality))
    return Reference(entries=tuple(entries), rate=rate, source=str(path))
