"""The Excel training plan BKPSDM takes away: ranked units, reasons, themes, and (where allowed) staff."""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

from lib.analysis.priority_score import DEFAULT_WEIGHTS
from lib.auth.privacy import neutralise_formulas
from lib.i18n import translate
from lib.text.priorities import reasons_text, themes_text


def training_plan_frame(
    scored: pd.DataFrame, lang: str = "id", theme_map: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """One row per ranked unit with the columns of the plan, in the user's language."""
    ranked = scored[scored["score"].notna()]
    col = lambda key: translate(f"priority.col.{key}", lang)  # noqa: E731
    return pd.DataFrame(
        {
            col("rank"): ranked["rank"].astype(int),
            "kode_unit": ranked["kode_unit"],
            col("unit"): ranked["nama_unit"],
            col("kind"): ranked["jenis_unit"],
            col("score"): ranked["score"].round(1),
            col("flagged"): ranked["flagged"].map({True: "Ya" if lang == "id" else "Yes", False: ""}),
            col("reasons"): [reasons_text(row, lang) for _, row in ranked.iterrows()],
            col("themes"): [themes_text(row, lang, theme_map) for _, row in ranked.iterrows()],
            col("ikm"): ranked["ikm"],
            col("rate"): ranked["rate_per_1000"].round(2),
            col("jp"): (ranked["share_20jp"] * 100).round(1),
            col("coverage"): (ranked["coverage"] * 100).round(0),
        }
    )


def training_plan_xlsx(
    scored: pd.DataFrame,
    staff: pd.DataFrame | None,
    weights: dict[str, float],
    lang: str = "id",
    theme_map: Mapping[str, str] | None = None,
) -> bytes:
    """Workbook: the plan, the priority staff (only when the caller passes them), and the method.

    Every text cell goes through formula neutralisation: unit names and reasons
    come from uploaded files.
    """
    method = pd.DataFrame(
        {
            "komponen" if lang == "id" else "component": [
                translate(f"priority.component.{k}", lang) for k in DEFAULT_WEIGHTS
            ],
            "bobot" if lang == "id" else "weight": [
                weights.get(k, DEFAULT_WEIGHTS[k]) for k in DEFAULT_WEIGHTS
            ],
        }
    )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise_formulas(training_plan_frame(scored, lang, theme_map)).to_excel(
            writer, sheet_name=translate("priority.export.sheet.plan", lang), index=False
        )
        if staff is not None and not staff.empty:
            neutralise_formulas(staff).to_excel(
                writer, sheet_name=translate("priority.export.sheet.staff", lang), index=False
            )
        note = pd.DataFrame({"": [translate("priority.caption", lang)]})
        sheet = translate("priority.export.sheet.method", lang)
        note.to_excel(writer, sheet_name=sheet, index=False, header=False)
        method.to_excel(writer, sheet_name=sheet, index=False, startrow=2)
    return buffer.getvalue()
