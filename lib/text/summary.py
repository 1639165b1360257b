"""The leadership summary's findings in words (the headline figures are written by
:mod:`lib.ui.headlines`, which the page and the PDF share)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.analysis.ikm import weakest_for_row
from lib.analysis.summary_types import Summary
from lib.i18n import fmt_number, fmt_percent, translate
from lib.text.complaints import spike_sentences
from lib.text.priorities import reasons_text


def findings_text(*, summary: Summary, units: pd.DataFrame, lang: str = "id") -> list[str]:
    """Up to three sentences: where service is weakest, where complaints are rising, and whether
    training works and reaches staff. Each names its figure and what it rests on.

    ``units``: the units' IKM in the range (:func:`lib.services.ikm.unit_ikm`), already cut to
    those with enough respondents to be named.
    """
    out: list[str] = []
    if not units.empty:
        worst = units.sort_values("ikm").iloc[0]
        weak = weakest_for_row(worst, k=2)
        out.append(
            translate(
                # one unit in scope: "lowest" would compare it with nothing
                "summary.finding.weakest_unit" if len(units) > 1 else "summary.finding.only_unit",
                lang,
                unit=worst["nama_unit"],
                ikm=fmt_number(worst["ikm_2dp"], lang),
                mutu=worst["mutu"],
                n=fmt_number(worst["responden"], lang, 0),
                unsur=", ".join(translate(f"ikm.unsur.{w.unsur}", lang) for w in weak),
            )
        )
    spikes = spike_sentences(summary.complaints, lang)
    if spikes:
        extra = len(spikes) - 1
        text = spikes[0]
        if extra > 0:
            text += " " + translate("summary.finding.more_spikes", lang, n=extra)
        out.append(text)
    flagged = summary.scored[summary.scored["flagged"]]
    if not flagged.empty:
        top = flagged.iloc[0]
        out.append(
            translate(
                "summary.finding.priority",
                lang,
                n=fmt_number(len(flagged), lang, 0),
                unit=top["nama_unit"],
                reasons=reasons_text(top, lang, k=2),
            )
        )
    learning = summary.learning
    if learning is not None and len(out) < 3:
        out.append(
            translate(
                "summary.finding.learning",
                lang,
                gain=fmt_number(learning.mean_gain, lang, 1),
                low=fmt_number(learning.ci_low, lang, 1),
                high=fmt_number(learning.ci_high, lang, 1),
                dz=fmt_number(learning.d_z, lang, 2),
                n=fmt_number(learning.n, lang, 0),
            )
        )
    jp = next(h for h in summary.headlines if h.key == "jp")
    if jp.value is not None and np.isfinite(jp.value) and len(out) < 3:
        out.append(
            translate(
                "summary.finding.jp", lang, share=fmt_percent(jp.value, lang, 0), n=fmt_number(jp.n, lang, 0)
            )
        )
    return out[:3]
