"""The complaints overview in words: theme names, spike cells and sentences, the overview's sentences.

The figures come from :class:`lib.analysis.complaint_overview.ComplaintOverview`; the
Pengaduan page, the ``complaints`` command and the leadership summary print them
through these functions, so each says a spike the same way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.analysis.complaint_overview import ComplaintOverview
from lib.i18n import DEFAULT_LANGUAGE, fmt_date, fmt_number, fmt_percent, translate
from lib.themes import THEME_NAMES


def theme_label(theme: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """Display name of a theme key (unknown keys as given, missing as "tanpa tema")."""
    if theme is None or (isinstance(theme, float) and np.isnan(theme)):
        return translate("complaints.theme.none", lang)
    named = THEME_NAMES.get(str(theme))
    if named is not None:
        return named[1] if lang == "en" else named[0]
    key = f"complaints.theme.{theme}"
    text = translate(key, lang)
    return str(theme) if text == key else text


def spike_cell(overview: ComplaintOverview, unit_id: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """A unit's spikes in one table cell, ``Total 2,5×; Jalan dan drainase 3,0×`` (the page and the CLI)."""
    flags = overview.spikes.flagged
    if flags.empty:
        return ""
    parts = []
    for row in flags[flags["unit_id"] == unit_id].itertuples(index=False):
        what = (
            translate("complaints.all_total", lang)
            if row.family == "unit_id"
            else theme_label(row.theme, lang)
        )
        ratio = "∞" if not np.isfinite(row.ratio) else fmt_number(row.ratio, lang, 1)
        parts.append(f"{what} {ratio}×")
    return "; ".join(parts)


def spike_sentences(overview: ComplaintOverview, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """One sentence per flagged series, e.g. "Kelurahan X: pengaduan tentang waktu/antrian naik 2,8× …".

    The sentence gives the ratio with its CI and the counts it rests on, and
    says "dari biasanya" (its own baseline), never "lebih buruk dari unit lain".
    """
    spikes = overview.spikes
    flags = spikes.flagged
    if flags.empty or spikes.recent_start is None or spikes.recent_end is None:
        return []
    names = overview.units.set_index("unit_id")["name"].to_dict()
    window = translate(
        "complaints.window",
        lang,
        start=_month_label(spikes.recent_start, lang),
        end=_month_label(spikes.recent_end, lang),
    )
    sentences = []
    for row in flags.sort_values(["unit_id", "family"]).itertuples(index=False):
        ratio = "∞" if not np.isfinite(row.ratio) else fmt_number(row.ratio, lang, 1)
        high = "∞" if not np.isfinite(row.ratio_high) else fmt_number(row.ratio_high, lang, 1)
        values = {
            "unit": names.get(row.unit_id, str(row.unit_id)),
            "ratio": ratio,
            "low": fmt_number(row.ratio_low, lang, 1),
            "high": high,
            "observed": fmt_number(row.observed, lang, 0),
            "expected": fmt_number(row.expected, lang, 1),
            "window": window,
        }
        if row.family == "unit_id":
            sentence = translate("complaints.sentence.spike_total", lang, **values)
        else:
            theme = getattr(row, "theme", None)
            sentence = translate(
                "complaints.sentence.spike_theme", lang, theme=theme_label(theme, lang), **values
            )
        sentences.append(sentence + " " + season_note(row, lang))
    return sentences


def season_note(row: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """What rules out a seasonal peak for one flag, or that nothing can (less than a year of history)."""
    check = getattr(row, "seasonal_check", "none")
    if check == "last_year":
        return translate("complaints.season.last_year", lang, last_year=fmt_number(row.last_year, lang, 0))  # type: ignore[attr-defined]
    if check == "model":
        return translate("complaints.season.model", lang)
    return translate("complaints.season.unknown", lang)


def overview_sentences(overview: ComplaintOverview, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Headline, resolution, backlog and spike sentences: what a camat reads first."""
    totals = overview.totals
    if overview.empty:
        return [translate("complaints.empty", lang)]
    sentences = [
        translate(
            "complaints.sentence.headline",
            lang,
            complaints=fmt_number(totals["complaints"], lang, 0),
            units=fmt_number(totals["units_with_complaints"], lang, 0),
            start=fmt_date(overview.date_from, lang),
            end=fmt_date(overview.date_to, lang),
        )
    ]
    if totals.get("judged"):
        hours = totals.get("median_response_hours", float("nan"))
        under_a_day = totals.get("median_working_days", float("nan")) < 1 and hours == hours
        sentences.append(
            translate(
                "complaints.sentence.resolution_hours" if under_a_day else "complaints.sentence.resolution",
                lang,
                hours=fmt_number(hours, lang, 1),
                median=fmt_number(totals.get("median_working_days"), lang, 1),
                late=fmt_percent(totals.get("share_late"), lang, 0),
                low=fmt_percent(totals.get("share_late_low"), lang, 0),
                high=fmt_percent(totals.get("share_late_high"), lang, 0),
                n=fmt_number(totals.get("judged"), lang, 0),
            )
        )
    sentences.append(
        translate(
            "complaints.sentence.backlog",
            lang,
            as_of=fmt_date(overview.as_of, lang),
            backlog=fmt_number(totals.get("backlog", 0), lang, 0),
            overdue=fmt_number(totals.get("backlog_overdue", 0), lang, 0),
        )
    )
    spikes = spike_sentences(overview, lang)
    if spikes:
        sentences.extend(spikes)
    elif overview.spikes.recent_start is not None and overview.spikes.recent_end is not None:
        window = translate(
            "complaints.window",
            lang,
            start=_month_label(overview.spikes.recent_start, lang),
            end=_month_label(overview.spikes.recent_end, lang),
        )
        sentences.append(translate("complaints.sentence.no_spike", lang, window=window))
    return sentences


def _month_label(month: pd.Timestamp, lang: str) -> str:
    from babel.dates import format_date

    return format_date(month.date(), format="MMM yyyy", locale="id_ID" if lang == "id" else "en_GB")
