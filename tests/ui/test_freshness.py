"""The "Data diperbarui" line: read from the version table, written on the city's clock."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, insert

from lib.models import DataSource
from lib.services.data_updates import SourceUpdate, source_updates
from lib.ui.freshness import sources_for, updates_text


def test_source_updates_reads_each_written_source_in_the_order_asked(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(DataSource.__table__),
            [
                {
                    "source": "survey",
                    "version": 3,
                    "changed_at": datetime(2026, 11, 30, 4, 14, 42, tzinfo=UTC),
                },
                {"source": "complaint", "version": 1, "changed_at": datetime(2026, 11, 2, 2, 5, tzinfo=UTC)},
                {"source": "theme_labels", "version": 9, "changed_at": datetime(2026, 11, 29, tzinfo=UTC)},
            ],
        )
    found = source_updates(engine=engine, sources=("complaint", "survey", "training"))
    assert found == [
        SourceUpdate("complaint", datetime(2026, 11, 2, 2, 5, tzinfo=UTC)),
        SourceUpdate("survey", datetime(2026, 11, 30, 4, 14, 42, tzinfo=UTC)),
    ]
    assert [u.source for u in source_updates(engine=engine)] == ["survey", "complaint"]
    assert source_updates(engine=engine, sources=("training",)) == []


def test_updates_text_groups_equal_times_newest_first() -> None:
    updates = [
        SourceUpdate("complaint", datetime(2026, 11, 2, 2, 5, tzinfo=UTC)),
        SourceUpdate("survey", datetime(2026, 11, 30, 4, 14, 42, tzinfo=UTC)),
        SourceUpdate("service", datetime(2026, 11, 30, 4, 14, 5, tzinfo=UTC)),
    ]
    assert updates_text(updates, "id") == (
        "Data diperbarui: SKM, Layanan 30 Nov 2026 11.14 WIB · Pengaduan 2 Nov 2026 09.05 WIB"
    )
    assert updates_text(updates, "en") == (
        "Data updated: SKM, Services 30 Nov 2026 11:14 WIB · Complaints 2 Nov 2026 09:05 WIB"
    )
    assert updates_text([], "id") == ""


def test_each_data_page_names_its_sources() -> None:
    assert sources_for("kepuasan") == ("survey", "service")
    assert "training" in sources_for("dampak")
    assert sources_for(None) == sources_for("unknown-page")
    assert "complaint" in sources_for(None)
