"""When each kind of data a reader relies on last changed: the "Data diperbarui" line of a page.

Every import, undo and demo load bumps its sources in ``data_source`` (see
:func:`lib.results.store.mark_changed`), with the time of the write; that time is when the
figures built from the source last changed, undo included (an import's own time is not:
undoing it changes the data too). Internal sources (theme labels, settings, holidays) are
not shown to readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from lib.results.store import last_changed

#: The sources a reader knows by name, in the order a page lists them.
READER_SOURCES: tuple[str, ...] = ("survey", "complaint", "service", "training", "performance", "employee")


@dataclass(frozen=True)
class SourceUpdate:
    """One source and when its data last changed (aware, UTC)."""

    source: str
    changed_at: datetime


def source_updates(*, engine: Engine, sources: Sequence[str] = READER_SOURCES) -> list[SourceUpdate]:
    """The last change of each of ``sources`` that has ever been written, in the order asked.

    A source never written (no survey imported yet) is left out rather than shown as "–":
    a page has nothing from it either.
    """
    changed = last_changed(engine)
    return [SourceUpdate(source, changed[source]) for source in sources if source in changed]
