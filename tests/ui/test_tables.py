"""Tables go to the browser with repeated texts written once (same cells)."""

from __future__ import annotations

import pandas as pd
from streamlit.dataframe_util import convert_pandas_df_to_arrow_bytes

from lib.ui.tables import repeated_text_as_categories


def test_repeated_texts_become_categories_and_cells_stay_the_same() -> None:
    frame = pd.DataFrame(
        {
            "Program": ["Bimtek SRIKANDI"] * 2 + ["Pelatihan Digital"] * 2 + ["Kursus Arsip"] * 2,
            "Ukuran": ["materi", "pengajar", "manfaat"] * 2,
            "Tingkat": ["reaksi"] * 6,  # one value only: left as text
            "Kode": ["A", "B", "C", "D", "E", "F"],  # every value distinct: left as text
            "Estimasi": [4.1, 4.0, 4.2, 3.9, 3.8, 4.0],
            "n": [10, 10, 10, 12, 12, 12],
        }
    )
    out = repeated_text_as_categories(frame)
    assert isinstance(out["Program"].dtype, pd.CategoricalDtype)
    assert isinstance(out["Ukuran"].dtype, pd.CategoricalDtype)
    assert not isinstance(out["Kode"].dtype, pd.CategoricalDtype)
    assert not isinstance(out["Tingkat"].dtype, pd.CategoricalDtype)
    assert out["Estimasi"].dtype == "float64" and out["n"].dtype == "int64"
    assert out.astype(object).values.tolist() == frame.astype(object).values.tolist()
    assert not isinstance(frame["Program"].dtype, pd.CategoricalDtype)  # the input is left alone


def test_a_long_repeated_text_is_sent_once() -> None:
    method = "Callaway-Sant'Anna ATT (difference), not-yet-trained controls, mean of event quarters >= 1"
    frame = pd.DataFrame({"Metode": [method, method + " (a)", method + " (b)", method + " (c)"] * 100})
    plain = len(convert_pandas_df_to_arrow_bytes(frame))
    compact = len(convert_pandas_df_to_arrow_bytes(repeated_text_as_categories(frame)))
    assert plain > 400 * len(method) > 8 * compact
