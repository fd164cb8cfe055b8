"""The one error type the parsers raise, carrying where in the input it happened."""

from __future__ import annotations


class ParseError(Exception):
    """Input that cannot be read; ``str()`` is a one-line message naming file, record and line."""

    def __init__(
        self,
        message: str,
        *,
        source: str = "<input>",
        record: int | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.record = record
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source
        if self.record is not None:
            where += f": record {self.record}"
            if self.line is not None:
                where += f" (line {self.line})"
        elif self.line is not None:
            where += f": line {self.line}"
        return f"{where}: {self.message}"


def exception_summary(exc: BaseException) -> str:
    """An unexpected exception as one short line for a failure message: "RecursionError: maximum recursion ..."."""
    lines = str(exc).strip().splitlines()
    detail = lines[0][:200] if lines else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
