"""The score distribution is binned on the server: 20 bars, whatever the number of scores."""

from __future__ import annotations

import json

import pandas as pd

from lib.ui.impact import score_bins, score_distribution_chart
from lib.ui.vega import spec_and_data


def test_scores_fall_in_five_point_bins_with_100_in_the_last() -> None:
    bins = score_bins(pd.Series([0.0, 4.9, 5.0, 52.0, 99.0, 100.0, None]))
    assert len(bins) == 20
    assert bins.loc[bins["start"] == 0, "count"].item() == 2  # 0 and 4.9
    assert bins.loc[bins["start"] == 5, "count"].item() == 1
    assert bins.loc[bins["start"] == 50, "count"].item() == 1
    assert bins.loc[bins["start"] == 95, "count"].item() == 2  # 99 and 100
    assert bins["count"].sum() == 6  # the blank is left out


def test_the_chart_sends_bars_not_every_score() -> None:
    participants = pd.DataFrame({"pre_score": [50.0] * 5000, "post_score": [70.0] * 4000 + [None] * 1000})
    spec = score_distribution_chart(participants, "id")
    rows = pd.DataFrame(spec["data"]["values"])
    assert rows.groupby("test", sort=False).size().tolist() == [20, 20]
    totals = rows.groupby("test", sort=False)["count"].sum()
    assert totals.tolist() == [5000, 4000]
    assert totals.index.tolist() == ["Pre-test", "Post-test"]
    assert rows.groupby("test", sort=False)["people"].first().tolist() == [
        "Pre-test (5.000 peserta)",
        "Post-test (4.000 peserta)",
    ]  # how many scores, in the tooltip
    assert rows.loc[rows["count"] == 4000, "n"].tolist() == ["4.000"]  # the tooltip's count, written


def test_the_spec_is_the_same_for_another_period() -> None:
    """Only the rows change with the period, so the browser replaces the bars' data instead of
    building the chart again."""
    one = pd.DataFrame({"pre_score": [40.0, 50.0, 60.0], "post_score": [55.0, 65.0, None]})
    other = pd.DataFrame({"pre_score": [30.0] * 7, "post_score": [80.0] * 6 + [None]})
    specs = [spec_and_data(score_distribution_chart(frame, "id"))[0] for frame in (one, other)]
    assert json.dumps(specs[0], sort_keys=True) == json.dumps(specs[1], sort_keys=True)
