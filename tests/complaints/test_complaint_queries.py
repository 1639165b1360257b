"""SQL aggregations of complaints on a small hand-made database (runs on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.queries import complaints as q
from lib.queries.units import Scope
from lib.services.complaint_themes import store_predictions

D = date.fromisoformat


def test_counts_by_unit_month_and_theme(engine: Engine, small_city: dict[str, int]) -> None:
    counts = q.complaint_counts(
        engine, Scope(), D("2025-03-01"), D("2025-03-31"), by=("unit", "month", "theme")
    )
    a1 = counts[counts["unit_id"] == small_city["KEL-A1"]].set_index("theme")["complaints"]
    # P1, P2 labelled waktu; P3 predicted perilaku; P4 without any theme
    assert a1["waktu"] == 2
    assert a1["perilaku"] == 1
    assert (
        counts[(counts["unit_id"] == small_city["KEL-A1"]) & counts["theme"].isna()]["complaints"].sum() == 1
    )
    assert set(counts["month"]) == {pd.Timestamp("2025-03-01")}
    assert counts["complaints"].sum() == 6  # P1-P4, P6, P7


def test_scope_by_subtree_and_region(engine: Engine, small_city: dict[str, int]) -> None:
    by_path = q.complaint_counts(engine, Scope(path_prefix="/KEC-A/"), by=("unit",))
    assert set(by_path["unit_id"]) == {small_city["KEL-A1"], small_city["KEL-A2"]}
    by_region = q.complaint_counts(engine, Scope(region="Medan B"), by=())
    assert by_region["complaints"].tolist() == [2]
    assert q.complaint_date_span(engine, Scope(region="Medan B")) == (D("2025-02-10"), D("2025-03-21"))


def test_theme_source_and_channels(engine: Engine, small_city: dict[str, int]) -> None:
    sources = q.complaint_counts(engine, by=("theme_source",)).set_index("theme_source")["complaints"]
    assert sources.to_dict() == {"label": 6, "predicted": 1, "none": 1}
    channels = q.complaint_counts(engine, by=("channel",)).set_index("channel")["complaints"]
    assert channels["LAPOR!"] == 4


def test_resolution_pairs_are_grouped(engine: Engine, small_city: dict[str, int]) -> None:
    pairs = q.resolution_date_pairs(engine, Scope(path_prefix="/KEC-A/"), D("2025-03-01"), D("2025-04-30"))
    pairs = pairs.sort_values(["complaint_date", "resolved_date"]).reset_index(drop=True)
    assert pairs["complaints"].tolist() == [2, 1, 1]  # P1+P2 share one date pair; P3; P5
    assert pairs["complaint_date"].tolist()[0] == pd.Timestamp("2025-03-03")
    by_april = q.resolution_date_pairs(engine, Scope(path_prefix="/KEC-A/"), resolved_by=D("2025-04-01"))
    assert by_april["complaints"].sum() == 3  # P5, resolved 04-20, was still open on 04-01
    by_theme = q.resolution_date_pairs(engine, Scope(path_prefix="/KEC-A/"), by_theme=True)
    assert set(by_theme["theme"]) == {"waktu", "perilaku", "biaya"}


def test_open_complaints_on_a_past_day(engine: Engine, small_city: dict[str, int]) -> None:
    # On 2025-03-01, P8 (received 02-10, resolved 03-05) was still open; nothing else had arrived.
    early = q.open_complaint_dates(engine, Scope(), D("2025-03-01"))
    assert early["complaints"].sum() == 1
    assert early["unit_id"].tolist() == [small_city["KEL-B1"]]
    # On 2025-05-01: P4 (proses) and P6 (belum); P7 is selesai without a date: closed
    late = q.open_complaint_dates(engine, Scope(), D("2025-05-01"))
    assert late["complaints"].sum() == 2
    assert set(late["unit_id"]) == {small_city["KEL-A1"], small_city["KEL-A2"]}


def test_service_volumes_inside_the_range_only(engine: Engine, small_city: dict[str, int]) -> None:
    inside = q.service_volumes(engine, Scope(), D("2025-03-01"), D("2025-04-30"))
    assert inside["services"].sum() == 800
    partial = q.service_volumes(engine, Scope(), D("2025-03-15"), D("2025-04-30"))
    assert partial["services"].sum() == 400  # March is only partly inside: left out


def test_texts_for_a_chart_point(engine: Engine, small_city: dict[str, int]) -> None:
    texts = q.complaint_texts(
        engine, Scope(), unit_id=small_city["KEL-A1"], theme="perilaku", month=D("2025-03-01")
    )
    assert texts["number"].tolist() == ["P3"]
    none = q.complaint_texts(engine, Scope(), theme="")
    assert none["number"].tolist() == ["P4"]
    newest_first = q.complaint_texts(engine, Scope(), limit=2)
    assert newest_first["number"].tolist() == ["P5", "P7"]


def test_classifier_data_and_storing_predictions(engine: Engine, small_city: dict[str, int]) -> None:
    assert q.count_uncategorised(engine) == {"uncategorised": 2, "unpredicted": 1}
    fingerprint = q.theme_label_fingerprint(engine)
    assert [(cat, n) for cat, n, _ in fingerprint] == [
        ("biaya", 1),
        ("perilaku", 1),
        ("sarana", 1),
        ("waktu", 3),
    ]
    unlabelled = q.uncategorised_complaint_texts(engine, only_unpredicted=True)
    assert len(unlabelled) == 1
    written = store_predictions(engine=engine, predictions=[(int(unlabelled["id"][0]), "sarana", 0.61)])
    assert written == 1
    assert q.count_uncategorised(engine) == {"uncategorised": 2, "unpredicted": 0}
    assert q.theme_label_fingerprint(engine) == fingerprint  # predictions are not labels


def test_date_span_of_the_city_and_of_a_subtree(engine: Engine, small_city: dict[str, int]) -> None:
    # the city: P8 (2025-02-10, KEL-B1) is the first, P5 (2025-04-02, KEL-A1) the last
    assert q.complaint_date_span(engine) == (D("2025-02-10"), D("2025-04-02"))
    # Kecamatan A (KEL-A1, KEL-A2: P1–P6): P1 and P2 on 2025-03-03, P5 on 2025-04-02
    assert q.complaint_date_span(engine, Scope(path_prefix="/KEC-A/")) == (D("2025-03-03"), D("2025-04-02"))
    assert q.complaint_date_span(engine, Scope(path_prefix="/KEC-Z/")) == (None, None)
