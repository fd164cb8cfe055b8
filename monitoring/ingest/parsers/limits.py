"""How much one input may hold before it is refused: bounds on time and memory per file or record."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class InputLimits:
    """The import limits; each is named after the setting (and environment variable) that changes it."""

    max_bytes: int = 5 * MB  # IMPORT_MAX_BYTES: a press-text file, or one JSON/JSONL record
    max_file_bytes: int = 200 * MB  # IMPORT_MAX_FILE_BYTES: a JSON or JSONL file holding many records
    max_json_depth: int = 64  # IMPORT_MAX_JSON_DEPTH: nesting of arrays and objects in one record
    max_quotes: int = 500  # IMPORT_MAX_QUOTES: quotes extracted from one article


def over_limit(amount: int, what: str, setting: str, limit: int) -> str:
    """The message for an exceeded limit: "52,428,800 bytes is over IMPORT_MAX_BYTES (5,242,880)"."""
    return f"{amount:,} {what} is over {setting} ({limit:,})"
