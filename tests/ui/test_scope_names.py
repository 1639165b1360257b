"""Issue 16 point 2: every page names whose figures it shows; lists offer only the viewer's scope.

The misleading case: the camat of a kecamatan read "Cakupan: Seluruh kota" and
"Kondisi kota…" over his kecamatan's figures, and the Wilayah list offered every
area of the city.
"""

from __future__ import annotations

import pandas as pd

from lib.i18n import translate
from lib.queries.units import CITY, Scope
from lib.ui.sidebar import scope_label, scope_root_name, visible_regions, visible_units

UNITS = pd.DataFrame(
    {
        "id": [1, 2, 3, 4],
        "code": ["KEC-BLW", "KEL-B1", "KEC-AMP", "KEL-A1"],
        "name": [
            "Kecamatan Medan Belawan",
            "Kelurahan Belawan I",
            "Kecamatan Medan Amplas",
            "Kelurahan Amplas",
        ],
        "path": ["/KEC-BLW/", "/KEC-BLW/KEL-B1/", "/KEC-AMP/", "/KEC-AMP/KEL-A1/"],
        "region": ["Medan Belawan", "Medan Belawan", "Medan Amplas", "Medan Amplas"],
        "parent_id": [None, 1, None, 3],
    }
)
REGIONS = ["Medan Amplas", "Medan Belawan"]


def test_camat_sees_only_his_kecamatan_and_its_name() -> None:
    camat = Scope(path_prefix="/KEC-BLW/")
    units = visible_units(UNITS, camat)
    assert units["code"].tolist() == ["KEC-BLW", "KEL-B1"]
    assert visible_regions(REGIONS, units) == ["Medan Belawan"]
    root = scope_root_name(UNITS, camat)
    assert root == "Kecamatan Medan Belawan"
    assert scope_label(None, None, root) == "Kecamatan Medan Belawan"  # not "Seluruh kota"
    assert scope_label("Kelurahan Belawan I", None, root) == "Kelurahan Belawan I"


def test_city_viewer_sees_every_area_and_the_city_name() -> None:
    assert visible_regions(REGIONS, visible_units(UNITS, CITY)) == REGIONS
    assert scope_root_name(UNITS, CITY) is None
    city = translate("sidebar.city", "id")
    assert city == "Kota Medan"
    assert scope_label(None, None, city) == "Kota Medan"
    assert (
        scope_label(None, "Medan Amplas", city, region_label="Wilayah Medan Amplas") == "Wilayah Medan Amplas"
    )


def test_summary_wording_names_the_scope() -> None:
    caption = translate(
        "summary.caption",
        "id",
        scope="Kecamatan Medan Belawan",
        start="1",
        end="2",
        prev_start="3",
        prev_end="4",
    )
    assert caption.startswith("Kondisi Kecamatan Medan Belawan pada")
    assert "kota" not in translate("summary.headline.ikm", "id").lower()
    only = translate(
        "summary.finding.only_unit", "id", unit="Puskesmas Belawan", ikm="80", mutu="B", n="40", unsur="x"
    )
    assert "terendah" not in only and only.startswith("IKM Puskesmas Belawan")


def test_unit_choices_group_the_scope_by_parent_sorted_by_name() -> None:
    from lib.ui.sidebar import unit_choices

    city = unit_choices(visible_units(UNITS, CITY))
    # top: the two kecamatan, Amplas before Belawan by name; each with its kelurahan
    assert city.children == {"": ("KEC-AMP", "KEC-BLW"), "KEC-AMP": ("KEL-A1",), "KEC-BLW": ("KEL-B1",)}
    assert city.rows["KEL-B1"] == {
        "id": 2,
        "code": "KEL-B1",
        "name": "Kelurahan Belawan I",
        "path": "/KEC-BLW/KEL-B1/",
    }
    # a lurah's scope: his kelurahan is the top, its parent being outside the scope
    lurah = unit_choices(visible_units(UNITS, Scope(path_prefix="/KEC-BLW/KEL-B1/")))
    assert lurah.children == {"": ("KEL-B1",)}


def test_sidebar_footer_is_one_caption_of_the_lines_that_have_something_to_say() -> None:
    from lib.ui.sidebar import footer_lines

    assert footer_lines("Kota Medan", "Data sampai: SKM 31 Oktober 2026", "") == (
        "Cakupan: Kota Medan  \nData sampai: SKM 31 Oktober 2026"
    )
