"""User-supplied names are shown as text: never a Markdown link, a bare-URL link or formatting.

A unit named ``[Sesi habis - masuk lagi](https://evil.example/login)`` showed as a
clickable link on Ringkasan and Kepuasan. Every unit of the demo city is renamed
so for one AppTest run of each page (then restored), and every string the page
hands Streamlit as Markdown is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import Engine, delete, select, update
from streamlit.testing.v1 import AppTest

from lib.models import AnalysisResult, Unit
from lib.results import mark_changed
from lib.ui.text import plain

ROOT = Path(__file__).resolve().parents[2]
EVIL = "[Sesi habis - masuk lagi](https://evil.example/login)"
#: A Markdown link, or an address GitHub-flavoured Markdown would turn into a link by itself.
LINK = re.compile(r"(?<!\\)\]\(|https?://|www\.|@evil", re.IGNORECASE)


def test_plain_escapes_links_formatting_and_bare_addresses() -> None:
    shown = plain(EVIL + " **tebal** $x$ www.evil.example a@evil.example\n# judul")
    assert not LINK.search(shown)
    assert "\\*\\*tebal\\*\\*" in shown and "\\$x\\$" in shown
    assert "\n" not in shown and "\\# judul" in shown
    # what a reader sees once the escapes and invisible joiners are gone is the name as typed
    assert re.sub(r"\\(.)", r"\1", shown).replace("\u2060", "").startswith(EVIL)
    assert plain(None) == ""


@pytest.fixture
def evil_units(demo_engine: Engine) -> Iterator[Engine]:
    """Every unit renamed, and the stored analyses dropped, on the way in and on the way out.

    Marking the units changed makes stored results stale, but a stale result that took more
    than a second to compute is *shown* (and queued) rather than recomputed: the page would
    show the summary an earlier test stored, with the old names (the order-dependent failure
    of ``[ringkasan.py]`` under ``-n 0``), and later tests would show the renamed units. The
    stored results are derived data; dropping them makes each page compute what it shows.
    """
    u = Unit.__table__
    with demo_engine.begin() as conn:
        names = dict(conn.execute(select(u.c.id, u.c.name)).all())
        for unit_id in names:
            conn.execute(update(u).where(u.c.id == unit_id).values(name=f"{EVIL} {unit_id}"))
        mark_changed(conn, "unit")  # as an import would: stored results naming units are stale
        conn.execute(delete(AnalysisResult.__table__))
    st.cache_data.clear()
    try:
        yield demo_engine
    finally:
        with demo_engine.begin() as conn:
            for unit_id, name in names.items():
                conn.execute(update(u).where(u.c.id == unit_id).values(name=name))
            mark_changed(conn, "unit")
            conn.execute(delete(AnalysisResult.__table__))
        st.cache_data.clear()


def _markdown_texts(at: AppTest) -> list[str]:
    """Every string of the run that Streamlit renders as Markdown (bodies and labels)."""
    texts: list[str] = []
    for kind in (
        "markdown",
        "caption",
        "subheader",
        "header",
        "title",
        "info",
        "warning",
        "success",
        "error",
    ):
        texts += [e.value for e in at.get(kind)]
    texts += [m.label for m in at.metric]
    return texts


@pytest.mark.parametrize("page", ["ringkasan.py", "kepuasan.py", "pengaduan.py"])
def test_a_unit_named_like_a_link_is_shown_as_text(
    evil_units: Engine, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", evil_units.url.render_as_string(hide_password=False))
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(str(ROOT / "views" / page), default_timeout=300)
    if page == "kepuasan.py":  # the unit's own tab names it in its heading, weakest elements and notes
        from lib.ui.ikm import VIEW_KEY, view_label

        at.session_state[VIEW_KEY] = view_label("unit")
    at.run()
    assert not at.exception
    texts = _markdown_texts(at)
    named = [text for text in texts if "Sesi habis" in text]
    assert named, "the page should name at least one (renamed) unit in its text"
    assert not [text for text in named if LINK.search(text)]
