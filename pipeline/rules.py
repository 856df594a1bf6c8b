"""Rules as versioned data: loads the YAML and JSONL files in `models/`."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError


def models_dir() -> Path:
    """`models/` of the project; CONVENANT_MODELS overrides it."""
    override = os.environ.get("CONVENANT_MODELS")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "models"


@cache
def load_yaml(name: str) -> dict[str, Any]:
    path = models_dir() / name
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise ConfigError(f"regelbestand ontbreekt: {path}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"regelbestand {path} is geen geldige YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"regelbestand {path} moet een mapping zijn")
    return data


def load_jsonl(name: str) -> list[dict[str, Any]]:
    path = models_dir() / name
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ConfigError(f"{path}:{lineno}: {exc}") from exc
    return rows


def rules_version() -> str:
    """The version of the rule set; it travels into every output so a changed result can be traced."""
    return str(load_yaml("version.yaml")["rules_version"])
