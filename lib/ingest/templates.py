"""Upload templates per kind: CSV, and XLSX with an example row and a sheet explaining each column.

Built from the same field table the importer reads (:mod:`lib.ingest.kinds`), so
a template always imports (once its example row is replaced by real data).
"""

from __future__ import annotations

import pandas as pd

from lib.i18n import DEFAULT_LANGUAGE, translate
from lib.ingest import kinds as K
from lib.ingest.labels import LABELS
from lib.safe_export import to_csv_bytes, to_xlsx_bytes

#: A realistic answer pattern for the example survey row (labels would do as well).
_EXAMPLE_ANSWERS = {
    "persyaratan": "4",
    "prosedur": "3",
    "waktu": "3",
    "biaya": "4",
    "produk": "3",
    "kompetensi": "4",
    "perilaku": "4",
    "pengaduan": "3",
    "sarana": "3",
}


def template_frame(kind: str, *, typed_numbers: bool = False) -> pd.DataFrame:
    """Header and one example row, as text (so Excel keeps NIPs and codes intact).

    With ``typed_numbers`` (the XLSX template) numeric examples are numbers, as
    a user's own numbers would be; NIPs, codes and dates stay text.
    """
    spec = K.kind_spec(kind)
    row: dict[str, object] = {
        f.name: _EXAMPLE_ANSWERS.get(f.name, f.example) if f.type == K.ANSWER else f.example
        for f in spec.fields
    }
    if typed_numbers:
        for f in spec.fields:
            if f.type in (K.INT, K.FLOAT, K.ANSWER) and row[f.name]:
                number = float(str(row[f.name]).replace(",", "."))
                row[f.name] = int(number) if number.is_integer() else number
    return pd.DataFrame([row], columns=spec.names, dtype=object)


def explanation_frame(kind: str, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """One row per column: name, required, what to write, example, alternative names recognised."""
    spec = K.kind_spec(kind)
    rows = []
    for f in spec.fields:
        rows.append(
            {
                translate("ingest.tpl.col.column", lang): f.name,
                translate("ingest.tpl.col.required", lang): translate(
                    "ingest.yes" if f.required else "ingest.no", lang
                ),
                translate("ingest.tpl.col.content", lang): _content(spec, f, lang),
                translate("ingest.tpl.col.example", lang): template_frame(kind).at[0, f.name],
                translate("ingest.tpl.col.also", lang): ", ".join(s for s in f.synonyms if s != f.name)[:250],
            }
        )
    notes = pd.DataFrame(
        [
            {
                translate("ingest.tpl.col.column", lang): "",
                translate("ingest.tpl.col.content", lang): translate(key, lang),
            }
            for key in _GENERAL_NOTES
        ]
    )
    return pd.concat([pd.DataFrame(rows), notes], ignore_index=True).fillna("")


_GENERAL_NOTES = ("ingest.tpl.note.example", "ingest.tpl.note.formats", "ingest.tpl.note.required")


def _content(spec: K.KindSpec, f: K.Field, lang: str) -> str:
    specific = f"ingest.tpl.{spec.name}.{f.name}"
    text = translate(specific, lang)
    if text == specific:
        text = ""
    type_key = "text_free" if f.type == K.TEXT and not f.max_length else f.type
    kind_text = translate(
        f"ingest.tpl.type.{type_key}",
        lang,
        range=_range(f),
        allowed=", ".join(f.allowed),
        max_length=f.max_length or "",
        labels=" / ".join(LABELS.get(f.name, ())),
    )
    return f"{text} {kind_text}".strip()


def _range(f: K.Field) -> str:
    def num(v: float) -> str:
        return str(int(v)) if float(v).is_integer() else str(v)

    if f.minimum is not None and f.maximum is not None:
        return f"{num(f.minimum)}–{num(f.maximum)}"
    if f.minimum is not None:
        return f"≥ {num(f.minimum)}"
    return ""


def template_csv(kind: str) -> bytes:
    return to_csv_bytes(template_frame(kind))


def template_xlsx(kind: str, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """Sheet "Data" (header + example row) first, then the explanation sheet the importer skips."""
    data_sheet = "Data"
    help_sheet = translate("ingest.tpl.sheet", lang)
    explanation = explanation_frame(kind, lang)
    content = translate("ingest.tpl.col.content", lang)
    also = translate("ingest.tpl.col.also", lang)
    return to_xlsx_bytes(
        {data_sheet: template_frame(kind, typed_numbers=True), help_sheet: explanation},
        column_widths={help_sheet: {content: 80, also: 50}},
    )


def template_file_name(kind: str, extension: str) -> str:
    return f"template_{K.kind_spec(kind).name}.{extension}"
