"""Problems found in an upload, worded for the person who has to fix the file.

Every problem names the row as Excel shows it, the column as the file names
it, the value, and what was expected, in Indonesian or English. The whole list
can be downloaded (through :mod:`lib.safe_export`, since cell values are the
user's own text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from lib.i18n import DEFAULT_LANGUAGE, catalog, translate

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file (``row`` None: the file as a whole)."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return _render(f"ingest.problem.{self.code}", lang, self.params)

    def expected(self, lang: str = DEFAULT_LANGUAGE) -> str:
        key = f"ingest.expected.{self.code}"
        return _render(key, lang, self.params) if key in catalog() else ""

    def sentence(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """One line for the command line: where, what, and what to do."""
        where = []
        if self.row is not None:
            where.append(translate("ingest.where.row", lang, row=self.row))
        if self.column:
            where.append(translate("ingest.where.column", lang, column=self.column))
        if self.value is not None:
            where.append(translate("ingest.where.value", lang, value=_short(self.value)))
        head = ", ".join(where)
        text = self.message(lang)
        expected = self.expected(lang)
        if expected:
            text = f"{text} {translate('ingest.where.expected', lang, expected=expected)}"
        prefix = translate("ingest.severity.warning", lang) + ": " if not self.is_error else ""
        return f"{prefix}{head}: {text}" if head else f"{prefix}{text}"


class Verbatim:
    """A message parameter shown in full (lists of valid choices), where other texts are cut at 80 characters."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __format__(self, spec: str) -> str:
        return format(self.text, spec)

    def __str__(self) -> str:
        return self.text


def _render(key: str, lang: str, params: dict[str, object]) -> str:
    values = {k: (_short(v) if isinstance(v, str) else v) for k, v in params.items()}
    try:
        return translate(key, lang, **values)
    except (KeyError, IndexError):
        return translate(key, lang)


def _short(value: object, limit: int = 80) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def problems_frame(problems: Iterable[Problem], lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The list as a table with headers in ``lang``: row, column, value, problem, expected, level."""
    headers = {
        k: translate(f"ingest.col.{k}", lang)
        for k in ("row", "column", "value", "problem", "expected", "level")
    }
    records = [
        {
            headers["row"]: p.row,
            headers["column"]: p.column or "",
            headers["value"]: "" if p.value is None else _short(p.value, 200),
            headers["problem"]: p.message(lang),
            headers["expected"]: p.expected(lang),
            headers["level"]: translate(f"ingest.severity.{p.severity}", lang),
        }
        for p in problems
    ]
    frame = pd.DataFrame(records, columns=list(headers.values()))
    frame[headers["row"]] = frame[headers["row"]].astype("Int64")
    return frame


def summarise(problems: list[Problem], lang: str = DEFAULT_LANGUAGE, limit: int = 30) -> str:
    """The first ``limit`` problems as lines, and how many more there are."""
    lines = [p.sentence(lang) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(translate("ingest.more_problems", lang, count=len(problems) - limit))
    return "\n".join(lines)
