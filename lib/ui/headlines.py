"""Ringkasan's headline figures as written, for the page and the summary PDF alike (no Streamlit).

A headline (:class:`lib.analysis.summary_types.Headline`) holds numbers and a key; the words
and the number formats are made here, through :mod:`lib.ui.format`, so the page and the
printed summary say the same thing, and the flag threshold in the text is the code's.
"""

from __future__ import annotations

from typing import Any

from lib.analysis.priority_score import FLAG_THRESHOLD
from lib.i18n import translate
from lib.ui.format import EMPTY, Change, change, is_missing, number, percent

#: Headlines that are shares (0–1): shown as %, their change in percentage points.
SHARE_HEADLINES = ("within_standard", "jp")
#: Decimals of the other headlines (whole numbers when not listed).
HEADLINE_DECIMALS = {"ikm": 2, "learning": 1}


def headline_text(headline: Any, lang: str) -> str:
    """A headline figure as printed: IKM with 2 decimals (and its grade), shares as %, counts whole."""
    value = headline.value
    if is_missing(value):
        return EMPTY
    if headline.key in SHARE_HEADLINES:
        return percent(value, lang, 0)
    decimals = HEADLINE_DECIMALS.get(headline.key, 0)
    shown = number(value, lang, decimals)
    if headline.key == "learning" and float(value) > 0:
        shown = "+" + shown
    detail = getattr(headline, "detail", "")
    return f"{shown} ({detail})" if headline.key == "ikm" and detail else shown


def headline_delta(headline: Any, lang: str) -> Change | None:
    """The change against the previous period: percentage points for shares; None when unknown."""
    delta = headline.delta
    if headline.key in SHARE_HEADLINES:
        scaled = None if delta is None else delta * 100
        return change(scaled, lang, 1, "pp", higher_is_better=headline.higher_is_better)
    decimals = HEADLINE_DECIMALS.get(headline.key, 0)
    return change(delta, lang, decimals, higher_is_better=headline.higher_is_better)


def headline_change(headline: Any, lang: str) -> dict[str, Any]:
    """``st.metric``'s ``delta``/``delta_color``, grey (and no arrow colour) when it rounds to zero."""
    found = headline_delta(headline, lang)
    return {"delta": None} if found is None else {"delta": found.text, "delta_color": found.colour}


def headline_basis(headline: Any, lang: str) -> str:
    """What a headline rests on ("dari 151 unit dinilai (skor ≥ 25 …)"), the threshold read from the code."""
    return translate(
        f"summary.headline.n.{headline.key}",
        lang,
        n=number(headline.n, lang, 0),
        threshold=number(FLAG_THRESHOLD, lang, 0),
    )
