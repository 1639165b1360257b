"""Reading stored analysis results on a page: the value, how current it is, and progress when absent.

A page never runs an expensive analysis silently: a stored result is shown at once
with "Diperbarui <time>" (and, when the data changed since, a note that a new one is
being computed while the previous one stays on screen); a result that was never
computed (a custom period, a manager's scope) is computed now, in a thread, while a
progress bar with words counts the seconds against the analysis's usual time.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from typing import Any

import streamlit as st
from sqlalchemy import Engine

from lib.results import StoredResult, compute_now, enqueue, read_result
from lib.results.dashboard import typical_seconds
from lib.results.store import canonical_params
from lib.ui.data import engine, recently, remember_recent
from lib.ui.format import moment
from lib.ui.i18n import t
from lib.ui.state import get_lang

#: A stale result that took less than this to compute is recomputed at once rather than shown
#: stale: the reader waits less than a page switch, and sees what they (or an import) just changed.
RECOMPUTE_INLINE_SECONDS = 1.0
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="telaah-on-demand")


def updated_text(when: datetime, lang: str) -> str:
    """``30 Nov 2026 13.40 WIB`` in the reader's language, on the city's clock (:func:`lib.ui.format.moment`)."""
    return moment(when, lang)


def local_time(when: datetime | None) -> str:
    """A stored UTC time on the city's clock in the reader's language ("–" when there is none)."""
    return moment(when, get_lang())


def freshness_text(result: StoredResult) -> str:
    """When a stored result was computed, and whether a newer one is on its way ("Diperbarui …")."""
    text = t("results.updated", when=updated_text(result.computed_at, get_lang()))
    if not result.fresh:
        text += " · " + t("results.refreshing")
    return text


def freshness_caption(result: StoredResult) -> None:
    """The small line under a figure: :func:`freshness_text` as a caption of its own."""
    st.caption(freshness_text(result))


def _recent_key(eng: Engine, name: str, params: dict[str, Any] | None) -> tuple[str, str, str, str]:
    return ("result", eng.url.render_as_string(hide_password=False), name, canonical_params(params)[1])


def read_recent(
    name: str, params: dict[str, Any] | None, *, eng: Engine | None = None
) -> StoredResult | None:
    """:func:`lib.results.read_result` as a page needs it: asked of the database at most every two
    seconds per process (:func:`lib.ui.data.recently`), as each run of each session would
    otherwise ask it three queries per stored analysis on the page."""
    eng = eng or engine()
    return recently(_recent_key(eng, name, params), lambda: read_result(eng, name, params))


def remember_result(
    name: str, params: dict[str, Any] | None, result: StoredResult, *, eng: Engine | None = None
) -> None:
    """What :func:`read_recent` answers for ``name`` and ``params`` until its next look: a result
    this process just computed, or one it just queued for the worker (``refreshing``)."""
    remember_recent(_recent_key(eng or engine(), name, params), result)


def queue_refresh(
    name: str, params: dict[str, Any], result: StoredResult | None, *, eng: Engine | None = None
) -> None:
    """Queue ``name`` for the worker when ``result`` is missing or stale and no job for it waits;
    until this process looks again, :func:`read_recent` answers that it is being refreshed, so
    the runs of the next two seconds do not queue it again."""
    if result is not None and (result.fresh or result.refreshing):
        return
    eng = eng or engine()
    enqueue(eng, name, params)
    if result is not None:
        remember_result(name, params, replace(result, refreshing=True), eng=eng)


def _compute_with_progress(name: str, params: dict[str, Any], what: str) -> StoredResult:
    eng = engine()
    expected = typical_seconds(eng, name) or 10.0
    label = t(f"results.what.{what}")
    bar = st.progress(0.0, text=t("results.computing", what=label))
    future = _POOL.submit(compute_now, eng, name, params)
    started = time.monotonic()
    while True:
        try:
            result = future.result(timeout=0.25)
            break
        except TimeoutError:
            elapsed = time.monotonic() - started
            if elapsed < expected:
                text = t(
                    "results.computing_eta", what=label, elapsed=f"{elapsed:.0f}", expected=f"{expected:.0f}"
                )
            else:
                text = t("results.computing_long", what=label, elapsed=f"{elapsed:.0f}")
            # approaches 95% at the usual time, then creeps on: honest about an estimate
            fraction = 0.95 * (1 - pow(2.0, -2.0 * elapsed / expected))
            bar.progress(min(fraction, 0.99), text=text)
    bar.empty()
    return result


def stored(name: str, params: dict[str, Any], what: str, *, caption: bool = True) -> StoredResult:
    """The stored result of ``name`` for ``params``; computed now (with a progress bar) if there is none.

    A stale result is returned as it is and queued for the worker (unless a job for it is
    already waiting), so the page shows the previous figures with their date instead of
    making the reader wait; one that is quick to compute (small scopes, small cities) is
    simply recomputed. ``what`` names the work in the progress text
    (``results.what.<what>``).
    """
    eng = engine()
    result = read_recent(name, params, eng=eng)
    if result is None or (not result.fresh and result.seconds < RECOMPUTE_INLINE_SECONDS):
        result = _compute_with_progress(name, params, what)
        remember_result(name, params, result, eng=eng)
    else:
        queue_refresh(name, params, result, eng=eng)
    if caption:
        freshness_caption(result)
    return result
