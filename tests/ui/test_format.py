"""The formatting layer: every expected string below was written out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
import pytest

from lib.i18n import fmt_number
from lib.ui.format import (
    EMPTY,
    Column,
    change,
    column_config,
    day,
    display_frame,
    integer,
    method_details,
    metric_delta,
    moment,
    month,
    number,
    percent,
    points,
)


def test_numbers_use_each_languages_marks() -> None:
    assert number(69.73, "id") == "69,73"
    assert number(69.73, "en") == "69.73"
    assert number(1234567.891, "id", 1) == "1.234.567,9"
    assert number(1234567.891, "en", 1) == "1,234,567.9"
    assert integer(142292, "id") == "142.292"
    assert integer(np.int64(142292), "en") == "142,292"
    assert number(4.0476, "id", 2) == "4,05"


def test_missing_values_are_a_dash() -> None:
    for missing in (None, float("nan"), np.nan, pd.NA, pd.NaT, float("inf")):
        assert number(missing, "id") == EMPTY
        assert percent(missing, "en") == EMPTY
        assert day(missing, "id") == EMPTY
        assert moment(missing, "id") == EMPTY
    assert EMPTY == "–"


def test_rounding_is_half_to_even_and_never_minus_zero() -> None:
    assert number(0.125, "en") == "0.12"
    assert number(0.135, "en") == "0.14"
    assert number(-0.004, "id") == "0,00"
    assert number(-0.04, "id", 1) == "0,0"


@pytest.mark.parametrize("value", [0, 0.5, 69.73, 1234.5678, -987654.321, 1e9])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_number_agrees_with_the_babel_formatter(value: float, lang: str) -> None:
    assert number(value, lang) == fmt_number(value, lang)


def test_p_values_never_print_as_zero() -> None:
    from lib.ui.format import p_value

    assert p_value(0.0, "id") == "< 0,001"
    assert p_value(0.0049, "id") == "0,005"
    assert p_value(0.0494, "en") == "0.049"
    assert p_value(float("nan"), "id") == "–"


def test_shares_and_points() -> None:
    assert percent(0.257, "id") == "25,7%"
    assert percent(0.257, "en", 0) == "26%"
    assert points(3.25, "id") == "3,2 pp"


def test_a_change_that_rounds_to_zero_is_neutral() -> None:
    zero = change(0.04, "id", 1, "pp")
    assert zero is not None
    assert (zero.text, zero.arrow, zero.colour) == ("0,0 pp", "→", "off")
    assert zero.with_arrow == "→ 0,0 pp"
    up = change(1.26, "id", 1, "pp")
    assert up is not None and (up.text, up.arrow, up.colour) == ("+1,3 pp", "↑", "normal")
    down = change(-2.5, "en", 2, higher_is_better=False)
    assert down is not None and (down.text, down.arrow, down.colour) == ("-2.50", "↓", "inverse")
    assert change(None, "id") is None
    assert metric_delta(-0.01, "id", 1, "pp") == {"delta": "0,0 pp", "delta_color": "off"}
    assert metric_delta(None, "id") == {"delta": None}


def test_dates_and_months_in_the_readers_month_names() -> None:
    assert month(date(2025, 11, 1), "id") == "Nov 2025"
    assert month("2025-08", "id") == "Agu 2025"
    assert month(pd.Timestamp("2025-12-15"), "id", long=True) == "Desember 2025"
    assert month(date(2025, 10, 1), "en") == "Oct 2025"
    assert day(date(2026, 11, 30), "id") == "30 Nov 2026"
    assert day(date(2026, 8, 17), "id", "long") == "17 Agustus 2026"
    assert day(np.datetime64("2026-05-02"), "en") == "2 May 2026"


def test_times_are_on_the_citys_clock() -> None:
    assert moment(datetime(2026, 11, 30, 4, 14, 42, tzinfo=UTC), "id") == "30 Nov 2026 11.14 WIB"
    assert moment(datetime(2026, 11, 30, 4, 14, 42), "en") == "30 Nov 2026 11:14 WIB"
    assert moment("2026-11-30 04:14:42+00:00", "id") == "30 Nov 2026 11.14 WIB"


def test_display_frame_labels_and_formats_every_cell() -> None:
    frame = pd.DataFrame(
        {
            "nip": ["198001012005011001", "198502022010012002"],
            "skp_score": [69.734, None],
            "jp_short": [12, 3],
            "last_training": [pd.Timestamp("2025-11-03"), pd.NaT],
            "ignored": [1, 2],
        }
    )
    columns = {
        "nip": Column("format.test.nip"),
        "skp_score": Column("Nilai SKP", "number", 1),
        "jp_short": Column("Kurang JP", "int"),
        "last_training": Column("Pelatihan terakhir", "date"),
    }
    shown = display_frame(frame, columns, "id")
    assert list(shown.columns) == ["format.test.nip", "Nilai SKP", "Kurang JP", "Pelatihan terakhir"]
    assert shown.iloc[0].tolist() == ["198001012005011001", "69,7", "12", "3 Nov 2025"]
    assert shown.iloc[1].tolist() == ["198502022010012002", "–", "3", "–"]
    config = column_config(columns, "id")
    assert config["Nilai SKP"]["alignment"] == "right"
    assert "alignment" not in config["format.test.nip"]
    with pytest.raises(KeyError):
        display_frame(frame, {"missing": Column("x")}, "id")


def test_method_details_pairs_a_conclusion_with_its_statistics() -> None:
    details = method_details(
        "IKM naik dengan jelas.", ["Uji Wilcoxon, p = 0,01", "", "IK 95%: 1,2–3,4"], "id"
    )
    assert details.title == "Rincian metode"
    assert details.lines == ("Uji Wilcoxon, p = 0,01", "IK 95%: 1,2–3,4")
    assert details.markdown == "- Uji Wilcoxon, p = 0,01\n- IK 95%: 1,2–3,4"
    assert method_details("x", [], "en").title == "Method details"


def test_conclusion_with_details_draws_the_plain_words_first() -> None:
    from streamlit.testing.v1 import AppTest

    def page() -> None:
        from lib.ui.method_details import conclusion_with_details

        conclusion_with_details("IKM naik dengan jelas.", ["Uji Wilcoxon, p = 0,01", "IK 95%: 1,2–3,4"])
        conclusion_with_details("Belum cukup data.", [])

    at = AppTest.from_function(page).run()
    assert not at.exception
    assert [m.value for m in at.markdown][:2] == [
        "IKM naik dengan jelas.",
        "- Uji Wilcoxon, p = 0,01\n- IK 95%: 1,2–3,4",
    ]
    assert [e.label for e in at.expander] == ["Rincian metode"]
    assert at.markdown[-1].value == "Belum cukup data."


def test_lazy_details_are_built_only_when_open() -> None:
    """With a key the expander sends its lines only while open (a collapsed one's are sent on every run)."""
    from streamlit.testing.v1 import AppTest

    def page() -> None:
        from lib.ui.method_details import conclusion_with_details

        conclusion_with_details("IKM naik dengan jelas.", ["Uji Wilcoxon, p = 0,01"], key="details")

    at = AppTest.from_function(page).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["IKM naik dengan jelas."]
    assert [e.label for e in at.expander] == ["Rincian metode"]
    at.session_state["details"] = True
    at.run()
    assert [m.value for m in at.markdown] == ["IKM naik dengan jelas.", "- Uji Wilcoxon, p = 0,01"]
