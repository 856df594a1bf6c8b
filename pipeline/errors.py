"""One exception hierarchy. Only the CLI turns these into messages and exit codes."""

from __future__ import annotations


class ConvenantError(Exception):
    """Base of every error the pipeline raises on purpose."""

    exit_code = 1


class ConfigError(ConvenantError):
    """The run was asked for something impossible: bad reference file, bad rate, bad rules."""

    exit_code = 2


class InputFileError(ConvenantError):
    """One input file cannot be read. Caught per file: it becomes a row, never stops the batch."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)  # both in args, so the error survives pickling from a worker
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message
