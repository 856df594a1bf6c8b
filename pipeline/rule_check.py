"""Rule files checked once, before any worker starts: every loader run, and a small memo and agreement read
from text to the reconciliation, so a broken rule stops the run with a message naming its file and key
(exit 2) instead of turning every file into an unreadable row."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import process

from .documents import split_documents
from .errors import ConfigError
from .fields import extract_fields
from .fields.scoring import settings as field_settings
from .ink import ink_settings
from .page_text import page_from_text
from .reconcile import reconcile
from .reference import Reference
from .rules import load_yaml, models_dir, rules_version
from .schema import Extraction, FindingCode, Severity, SourceFile
from .signature import confidence_settings
from .signature_block import block_settings

_TRIAL_MEMO = """Collegevoorstel
Onderwerp: samenwerkingsovereenkomst Platform31 2023-2027
Het college van burgemeester en wethouders van de gemeente Deventer heeft in zijn vergadering van
17 januari 2023 besloten de overeenkomst aan te gaan. De bijdrage is € 15.216,90 per jaar (101.446 inwoners).
"""
_TRIAL_AGREEMENT = """SAMENWERKINGSOVEREENKOMST
De gemeente Deventer, vertegenwoordigd door haar burgemeester R.C. König, en Stichting Platform31.
Artikel 3 Prijs
De gemeente betaalt aan Platform31 een bedrag van € 15.216,90 per jaar.
Aldus overeengekomen en in tweevoud opgemaakt te Deventer op 30 januari 2023
R.C. König, burgemeester
"""

_LOADERS: tuple[tuple[str, Callable[[], object]], ...] = (
    ("signature.yaml", ink_settings),
    ("signature.yaml", block_settings),
    ("signature.yaml", confidence_settings),
    ("version.yaml", rules_version),
    *(("fields.yaml", (lambda k=kind: field_settings(k)))
      for kind in ("date", "amount", "inhabitants", "signatory", "municipality")),
)


def _vocabulary() -> set[str]:
    """Every name the code can ask a rule file for: the quoted names in the package's source, and the cue
    names of the lexicon (a feature is named after its cue)."""
    names: set[str] = set()
    for path in Path(__file__).resolve().parent.rglob("*.py"):
        names |= set(re.findall(r"[\"']([a-z][a-z0-9_]*)[\"']", path.read_text(encoding="utf-8")))
    return names | set(load_yaml("lexicon.yaml")["cues"])


def _unknown_weights() -> None:
    """A weight in fields.yaml whose name no code gives a candidate counts nothing, silently: a typo."""
    known = _vocabulary()
    for section, weights in load_yaml("fields.yaml").items():
        for key in weights if isinstance(weights, dict) else ():
            if key not in known:
                near = process.extractOne(key, sorted(known), score_cutoff=80)
                hint = f" (bedoeld: '{near[0]}'?)" if near else ""
                raise ConfigError(f"regelbestand fields.yaml: onbekende sleutel '{section}.{key}'{hint}: "
                                  "geen regel gebruikt hem")


def _severities() -> None:
    """Every finding code has a severity, and each is one the reports know."""
    rules = load_yaml("reconcile.yaml")
    known = [s.value for s in Severity]
    for code in FindingCode:
        value = rules["severity"][code.value]
        if value not in known:
            raise ConfigError(f"regelbestand reconcile.yaml: 'severity.{code.value}' is {value!r}; kies uit "
                              f"{', '.join(known)}")
    if rules["memo_severity"] not in known:
        raise ConfigError(f"regelbestand reconcile.yaml: 'memo_severity' is {rules['memo_severity']!r}")


def check_rules(reference: Reference) -> None:
    """Raise ConfigError (naming the rule file, and the key where one is missing) when the rules cannot run."""
    _unknown_weights()
    _severities()
    aliases = load_yaml("aliases.yaml")
    for key in ("municipalities", "other_municipalities"):  # read with .get nowhere: a misspelt key is named
        if not isinstance(aliases[key], dict):
            raise ConfigError(f"regelbestand aliases.yaml: '{key}' moet een lijst van namen per gemeente zijn")
    for name, loader in _LOADERS:
        try:
            loader()
        except ConfigError:
            raise
        except (TypeError, ValueError, KeyError, re.error) as exc:
            raise ConfigError(f"regelbestand {name}: {type(exc).__name__}: {exc}") from exc
    source = SourceFile("proefdocument.pdf", "proefdocument.pdf", 0, "pdf")
    try:
        pages = [page_from_text(1, _TRIAL_MEMO), page_from_text(2, _TRIAL_AGREEMENT)]
        extractions = []
        for document in split_documents(source, pages):
            fields = extract_fields(document, reference)
            extractions.append(Extraction(source, document.page_range, document.doc_type, fields=fields))
        reconcile(extractions, reference)
    except ConfigError:
        raise
    except Exception as exc:  # a rule that loads but does not run (a pattern, a value of the wrong kind)
        raise ConfigError(f"de regels in {models_dir()} lopen vast op een proefdocument: "
                          f"{type(exc).__name__}: {exc}") from exc
