"""Filters in the address: parsing, checking against the viewer's scope, and writing back."""

from __future__ import annotations

from datetime import date

import pandas as pd

from lib.queries.units import CITY, Scope
from lib.ui.sidebar import visible_regions, visible_units
from lib.ui.state import Filters
from lib.ui.url_state import (
    FilterRequest,
    filter_params,
    parse_request,
    resolve_request,
    unit_chain,
)

TODAY = date(2026, 11, 30)
UNITS = pd.DataFrame(
    {
        "id": [1, 2, 3, 4, 5],
        "code": ["KEC-MBLW", "KEL-BLW1", "KEC-MT", "DINKES", "PKM-BLW"],
        "name": [
            "Kecamatan Medan Belawan",
            "Kelurahan Belawan I",
            "Kecamatan Medan Timur",
            "Dinas Kesehatan",
            "Puskesmas Belawan",
        ],
        "path": ["/KEC-MBLW/", "/KEC-MBLW/KEL-BLW1/", "/KEC-MT/", "/DINKES/", "/DINKES/PKM-BLW/"],
        "parent_id": [None, 1, None, None, 4],
        "region": ["Medan Utara", "Medan Utara", "Medan Timur", None, "Medan Utara"],
    }
)
REGIONS = ["Medan Timur", "Medan Utara"]
CAMAT = Scope(path_prefix="/KEC-MBLW/")


def _resolve(request: FilterRequest, allowed: Scope = CITY):  # type: ignore[no-untyped-def]
    units = visible_units(UNITS, allowed)
    return resolve_request(request, units=units, all_units=UNITS, regions=visible_regions(REGIONS, units))


def test_parse_keeps_well_formed_parts_and_drops_garbage() -> None:
    assert parse_request({}, TODAY) is None
    assert parse_request({"tab": "x"}, TODAY) is None
    request = parse_request({"periode": "last_year", "wilayah": " Medan Utara ", "unit": "KEL-BLW1"}, TODAY)
    assert request == FilterRequest(preset="last_year", region="Medan Utara", unit_code="KEL-BLW1")
    assert parse_request({"periode": "'; DROP TABLE unit"}, TODAY) == FilterRequest()
    custom = parse_request({"periode": "custom", "dari": "2026-01-01", "sampai": "2026-06-30"}, TODAY)
    assert custom == FilterRequest(preset="custom", date_from=date(2026, 1, 1), date_to=date(2026, 6, 30))
    # reversed, future or malformed dates: the period is not touched
    for dari, sampai in (
        ("2026-06-30", "2026-01-01"),
        ("2026-01-01", "2027-01-01"),
        ("kemarin", "2026-01-01"),
    ):
        assert parse_request({"periode": "custom", "dari": dari, "sampai": sampai}, TODAY) == FilterRequest()
    assert parse_request({"periode": ["this_year", "all"]}, TODAY) == FilterRequest(preset="this_year")


def test_unit_chain_follows_the_path_within_the_viewers_units() -> None:
    assert unit_chain(UNITS, "KEL-BLW1") == ["KEC-MBLW", "KEL-BLW1"]
    assert unit_chain(UNITS, "PKM-BLW") == ["DINKES", "PKM-BLW"]
    assert unit_chain(UNITS, "NOPE") is None
    assert unit_chain(visible_units(UNITS, Scope(path_prefix="/DINKES/PKM-BLW/")), "PKM-BLW") == ["PKM-BLW"]


def test_city_viewer_gets_what_the_link_asks_for() -> None:
    found = _resolve(FilterRequest(preset="all", region="Medan Utara", unit_code="KEL-BLW1"))
    assert found.refused == []
    assert found.values["telaah_period_preset"] == "all"
    assert found.values["telaah_region"] == "Medan Utara"
    assert found.values["telaah_unit_0"] == "KEC-MBLW"
    assert found.values["telaah_unit_1"] == "KEL-BLW1"
    assert found.values["telaah_unit_2"] == ""


def test_a_unit_outside_its_region_drops_the_region() -> None:
    found = _resolve(FilterRequest(region="Medan Timur", unit_code="KEL-BLW1"))
    assert found.values["telaah_region"] == ""
    assert found.values["telaah_unit_1"] == "KEL-BLW1"


def test_a_camat_opening_another_kecamatans_link_is_refused_with_its_name() -> None:
    found = _resolve(FilterRequest(preset="this_year", unit_code="KEC-MT"), CAMAT)
    assert found.refused == ["Kecamatan Medan Timur"]
    assert found.values == {"telaah_period_preset": "this_year"}
    region = _resolve(FilterRequest(region="Medan Timur"), CAMAT)
    assert region.refused == ["Medan Timur"]
    assert region.values == {"telaah_region": ""}
    inside = _resolve(FilterRequest(unit_code="KEL-BLW1"), CAMAT)
    assert inside.refused == []
    assert [inside.values["telaah_unit_0"], inside.values["telaah_unit_1"]] == ["KEC-MBLW", "KEL-BLW1"]


def test_garbage_names_are_ignored_quietly() -> None:
    found = _resolve(FilterRequest(region="Atlantis", unit_code="<script>"), CAMAT)
    assert found.refused == []
    assert found.values == {"telaah_region": ""}


def test_filter_params_say_what_the_page_shows() -> None:
    filters = Filters(date(2026, 1, 1), date(2026, 6, 30), region="Medan Utara", unit_code="KEL-BLW1")
    assert filter_params("custom", filters) == {
        "periode": "custom",
        "dari": "2026-01-01",
        "sampai": "2026-06-30",
        "wilayah": "Medan Utara",
        "unit": "KEL-BLW1",
    }
    assert filter_params("last12", Filters(date(2025, 11, 1), date(2026, 10, 31))) == {"periode": "last12"}
