"""A file's result as JSON for the state store: data only, never code (a pickle in a shared state file would
run whatever its writer put there). Only the pipeline's own dataclasses and enums are rebuilt; anything else
in a stored row is refused and the file is read again."""

from __future__ import annotations

import base64
import dataclasses
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from .digital_signature import DigitalSignature
from .extraction import FileResult
from .schema import DocType, Evidence, Extraction, Field, FileError, SourceFile

_CLASSES: dict[str, type] = {c.__name__: c for c in (FileResult, SourceFile, Extraction, Field, Evidence,
                                                      DigitalSignature, DocType, FileError)}


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"$": type(value).__name__,
                **{f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, Enum):
        return {"$enum": type(value).__name__, "value": value.value}
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"$dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    raise TypeError(f"niet op te slaan: {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$" in value:
        cls = _CLASSES[value["$"]]  # KeyError: not one of ours
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: _decode(v) for k, v in value.items() if k in names})
    if "$enum" in value:
        return _CLASSES[value["$enum"]](value["value"])
    if "$decimal" in value:
        return Decimal(value["$decimal"])
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    if "$bytes" in value:
        return base64.b64decode(value["$bytes"])
    if "$tuple" in value:
        return tuple(_decode(v) for v in value["$tuple"])
    if "$dict" in value:
        return {_decode(k): _decode(v) for k, v in value["$dict"]}
    raise ValueError(f"onbekend object in opgeslagen resultaat: {sorted(value)}")


def dumps(result: FileResult) -> str:
    return json.dumps(_encode(result), ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> FileResult:
    """A stored result; ValueError/KeyError/TypeError when the row is not one this version can rebuild."""
    result = _decode(json.loads(text))
    _check(result)
    return result


def _check(result: object) -> None:
    """The shape the pipeline relies on, checked before a stored row is trusted (a row edited by hand is
    refused, never half used)."""
    def need(ok: bool, what: str) -> None:
        if not ok:
            raise ValueError(f"opgeslagen resultaat ongeldig: {what}")

    need(isinstance(result, FileResult), "geen FileResult")
    assert isinstance(result, FileResult)
    need(isinstance(result.source, SourceFile) and isinstance(result.extractions, tuple), "bestand of documenten")
    need(isinstance(result.pages, tuple) and isinstance(result.crash, str), "pagina's")
    for e in result.extractions:
        need(isinstance(e, Extraction) and isinstance(e.file, SourceFile) and isinstance(e.pages, str), "document")
        need(isinstance(e.doc_type, DocType) and (e.error is None or isinstance(e.error, FileError)), "soort")
        need(isinstance(e.fields, dict) and all(isinstance(k, str) and isinstance(v, Field)
                                                 for k, v in e.fields.items()), "velden")
        need(isinstance(e.crops, dict) and all(isinstance(v, bytes) for v in e.crops.values()), "uitsneden")
        need(isinstance(e.digital, tuple) and all(isinstance(d, DigitalSignature) for d in e.digital), "handtekeningen")
        need(e.signed is None or isinstance(e.signed, bool), "ondertekend")
        need(isinstance(e.confidence, int | float), "zekerheid")
        for f in e.fields.values():
            need(isinstance(f.confidence, int | float) and (f.evidence is None or isinstance(f.evidence, Evidence)),
                 "veld")
