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


class RuleMap(dict):
    """A mapping read from a rule file that names the file and key when code asks for a key it lacks
    (a key renamed by a typo stops the run with that message instead of failing every file)."""

    def __init__(self, data: dict, where: str) -> None:
        sep = "" if where.endswith(":") else "."
        super().__init__((k, _wrapped(v, f"{where}{sep}{k}")) for k, v in data.items())
        self.where = where

    def __missing__(self, key: object) -> Any:
        file, _, path = self.where.partition(":")
        raise ConfigError(f"regelbestand {file}: sleutel '{(path + '.' if path else '')}{key}' ontbreekt")

    def __reduce__(self) -> tuple:
        return (RuleMap, (dict(self), self.where))


def _wrapped(value: Any, where: str) -> Any:
    if isinstance(value, dict):
        return RuleMap(value, where)
    if isinstance(value, list):
        return [_wrapped(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


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
    return RuleMap(data, f"{name}:")


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
