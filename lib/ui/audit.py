"""The audit log as an admin reads it: times on the city's clock, details as labelled words.

Entries store their details as JSON (``{"import_id": 12, "kind": "survey", "file": "skm.csv"}``);
the page showed that JSON and the UTC timestamp raw. Here each known detail gets its label
and its value the reader's form (numbers with thousands marks, days in words, kinds and
roles translated); an unknown key is kept as it is, so nothing recorded is hidden.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd

from lib.i18n import translate
from lib.ui.format import EMPTY, day, integer, is_missing, moment

#: Detail keys with a label of their own (``auth.audit.detail.<key>``).
DETAIL_KEYS = (
    "import_id",
    "replaced_by",
    "kind",
    "file",
    "rows",
    "what",
    "user",
    "role",
    "unit",
    "email",
    "method",
    "reason",
    "ip",
    "day",
    "name",
    "need",
    "scope",
    "request",
    "failures",
    "locked_seconds",
)

#: Stored tables an undo counts (``removed_complaint``) → the kind of data a reader knows (``kind.*``).
TABLE_KINDS = {
    "unit": "unit",
    "employee": "pegawai",
    "training_program": "pelatihan",
    "training_participation": "peserta",
    "performance": "kinerja",
    "service_stat": "layanan",
    "survey_response": "survei",
    "complaint": "pengaduan",
}


def _value(key: str, value: object, lang: str) -> str:
    if is_missing(value):
        return EMPTY
    if isinstance(value, bool):
        return translate("auth.audit.yes" if value else "auth.audit.no", lang)
    if isinstance(value, int | float):
        return integer(value, lang)
    if key == "day":
        return day(value, lang)
    if key == "kind":
        found = translate(f"ingest.kind.{value}", lang)
        return str(value) if found.startswith("ingest.kind.") else found
    if key in ("role", "method"):
        prefix = "auth.role." if key == "role" else "auth.audit.method."
        found = translate(f"{prefix}{value}", lang)
        return str(value) if found.startswith(prefix) else found
    return str(value)


def _label(key: str, lang: str) -> str:
    if key in DETAIL_KEYS:
        return translate(f"auth.audit.detail.{key}", lang)
    if key.startswith(("removed_", "restored_")):
        verb, _, table = key.partition("_")
        kind = translate(f"kind.{TABLE_KINDS[table]}", lang) if table in TABLE_KINDS else table
        return translate(f"auth.audit.detail.{verb}", lang, kind=kind)
    return key


def detail_text(detail: object, lang: str) -> str:
    """``Impor: 12 · Jenis: Survei SKM · Berkas: skm.csv``; "–" when there is none."""
    if is_missing(detail) or detail == "":
        return EMPTY
    if isinstance(detail, str):
        try:
            detail = json.loads(detail)
        except ValueError:
            return detail
    if not isinstance(detail, Mapping):
        return str(detail)
    parts = [f"{_label(str(k), lang)}: {_value(str(k), v, lang)}" for k, v in detail.items()]
    return " · ".join(parts) if parts else EMPTY


def audit_frame(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The log's columns as shown: time (WIB), user, event, details in words."""
    return pd.DataFrame(
        {
            translate("auth.audit.col.at", lang): [moment(v, lang) for v in log["at"]],
            translate("auth.audit.col.username", lang): [
                EMPTY if is_missing(u) else u for u in log["username"]
            ],
            translate("auth.audit.col.action", lang): [
                translate(f"auth.action.{a}", lang) for a in log["action"]
            ],
            translate("auth.audit.col.detail", lang): [detail_text(d, lang) for d in log["detail"]],
        }
    )
