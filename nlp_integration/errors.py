"""User-facing errors: a stable code, an exit status and one sentence that says what to do."""

from __future__ import annotations


class NlpIntegrationError(Exception):
    """Base class of errors a user can cause; the CLI prints them in one line, without traceback."""

    code = "E000"
    exit_code = 1

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0] if self.args else ''}"


class InputFileError(NlpIntegrationError):
    """The input file is missing, empty, unreadable or of an unsupported format."""

    code = "E101"
    exit_code = 3


class InputColumnError(NlpIntegrationError):
    """A required column is missing or holds values of the wrong kind."""

    code = "E102"
    exit_code = 4


class InputValueError(NlpIntegrationError):
    """A cell holds a value we cannot use (duplicate id, text where a number belongs...)."""

    code = "E103"
    exit_code = 5


class ConfigError(NlpIntegrationError):
    """The configuration file or a --set override is invalid."""

    code = "E201"
    exit_code = 6


class ModelError(NlpIntegrationError):
    """A model cannot be found or loaded, or a trained model folder is invalid."""

    code = "E301"
    exit_code = 7
