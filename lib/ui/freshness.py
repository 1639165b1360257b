"""The "Data diperbarui" line: when each source a page reads last changed, on the city's clock.

Written by the shared sidebar (:func:`lib.ui.sidebar.render_sidebar`, in its one caption
under the filters), so every page with data gets it without drawing it itself. Which sources a page reads is listed here by its
address (:data:`PAGE_SOURCES`); a page not listed shows every reader-facing source.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine

from lib.i18n import translate
from lib.services.data_updates import READER_SOURCES, SourceUpdate, source_updates
from lib.ui.data import cached, engine
from lib.ui.format import moment

#: Page address (``PageEntry.url_path``) → the sources its figures are built from.
PAGE_SOURCES: dict[str, tuple[str, ...]] = {
    "ringkasan": READER_SOURCES,
    "kepuasan": ("survey", "service"),
    "pengaduan": ("complaint", "service"),
    "dampak": ("training", "performance", "employee"),
    "prioritas": READER_SOURCES,
}


def sources_for(page: str | None) -> tuple[str, ...]:
    """The sources of the page at ``page`` (every reader-facing source when unknown)."""
    return PAGE_SOURCES.get(page or "", READER_SOURCES)


def updates_text(updates: Sequence[SourceUpdate], lang: str) -> str:
    """``Data diperbarui: SKM, Layanan 30 Nov 2026 11.14 WIB · Pengaduan 2 Nov 2026 09.05 WIB``.

    Sources changed at the same shown minute share one time (a demo load writes them all
    at once); the most recent comes first. Empty when no source was ever written.
    """
    if not updates:
        return ""
    groups: dict[str, tuple[datetime, list[str]]] = {}
    for update in updates:
        shown = moment(update.changed_at, lang)
        latest, names = groups.setdefault(shown, (update.changed_at, []))
        names.append(translate(f"updated.source.{update.source}", lang))
        groups[shown] = (max(latest, update.changed_at), names)
    ordered = sorted(groups.items(), key=lambda item: item[1][0], reverse=True)
    parts = [f"{', '.join(names)} {shown}" for shown, (_, names) in ordered]
    return translate("updated.line", lang, sources=" · ".join(parts))


@cached(ttl=30)
def _updates(eng: Engine, sources: tuple[str, ...]) -> list[SourceUpdate]:
    return source_updates(engine=eng, sources=sources)


def updated_line(lang: str, page: str | None = None) -> str:
    """The line for ``page``'s sources; empty when no source was ever written."""
    return updates_text(_updates(engine(), sources_for(page)), lang)
