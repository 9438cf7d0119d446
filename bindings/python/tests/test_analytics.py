"""Analytics from Python: series as numpy arrays, trends, projections, pace."""

import json
import math

import numpy as np
import pytest

import planeval
from conftest import DATA, run_cli


def test_trend_of_a_series_growing_at_the_required_rate():
    years = np.arange(2016, 2021)
    values = 100 * 1.1 ** (years - 2016)
    # 10% a year, and 10% a year more is needed to reach the target by 2023
    t = planeval.trend(years, values, target=100 * 1.1**7, target_year=2023)
    assert t.status == "on_track"
    assert t.observed_cagr == pytest.approx(0.1)
    assert t.required_cagr == pytest.approx(0.1)
    assert t.ratio == pytest.approx(1.0)
    assert (t.base_year, t.current_year) == (2016, 2020)
    # half the required growth: acceleration is needed (0.6 <= R < 0.95 does not hold at 0.48)
    slow = planeval.trend(years, 100 * 1.05 ** (years - 2016), target=100 * 1.1**7, target_year=2023)
    assert slow.ratio < 0.6 and slow.status == "limited_progress"
    falling = planeval.trend(years, 100 * 0.9 ** (years - 2016), target=150, target_year=2023)
    assert falling.status == "deterioration"
    # lower is better: the same falling series is progress
    assert planeval.trend(years, 100 * 0.9 ** (years - 2016), target=40, target_year=2023,
                          polarity="lower").ratio > 0
    assert t.to_dict()["status"] == "on_track" and t.reason("en")
    # the fields of `planeval trend --format json`, in its order and language
    d = t.to_dict("en")
    assert list(d)[:3] == ["status", "label", "kind"] and d["reason"] == t.reason("en")
    assert {"damping", "reason_zh", "reason_en", "base_value"} <= set(d)


def test_trend_takes_lists_and_reports_data_problems():
    assert planeval.trend([2020], [5.0]).status == "insufficient_data"
    assert planeval.trend([2019, 2019, 2020], [1.0, 2.0, 3.0]).status == "duplicate_periods"
    with pytest.raises(planeval.UsageError):
        planeval.trend([2019, 2020], [1.0])
    with pytest.raises(planeval.UsageError):
        planeval.trend([2019.5, 2020], [1.0, 2.0])
    with pytest.raises(planeval.UsageError):
        planeval.trend([2019, 2020], [1.0, 2.0], target=3.0)  # no target_year
    with pytest.raises(planeval.ModelError) as info:
        planeval.trend([2019, 2020], [1.0, 2.0], polarity="up")
    assert info.value.code == "model.enum"


def test_projection_of_a_straight_line():
    years = np.array([2018, 2019, 2020])
    values = np.array([1.0, 2.0, 3.0])
    p = planeval.project(years, values, 2023, target=5)
    assert p.projected == pytest.approx(6.0)
    assert p.slope == pytest.approx(1.0)
    assert p.verdict == "maintain"
    assert planeval.project(years, values, 2023, target=10).verdict == "accelerate"
    assert planeval.project(years, values, 2023, target=0, polarity="lower").verdict == "reverse_trend"
    assert planeval.project(years, values, 2023).verdict == "no_target"
    assert p.to_dict()["projected"] == pytest.approx(6.0)
    assert list(p.to_dict("en"))[:3] == ["verdict", "label", "model"]
    assert p.to_dict("en")["reason"] == p.reason("en") and "residual_sd" in p.to_dict()


def test_annual_series_are_numpy_arrays(table_plan):
    series = planeval.load_observations(str(DATA / "series-2016-2020-illustrative.csv"))
    years, values = table_plan.annual_series("high_tech_enterprises", series)
    assert isinstance(years, np.ndarray) and years.dtype == np.int64
    assert isinstance(values, np.ndarray) and values.dtype == np.float64
    assert len(years) == len(values) >= 3
    assert list(years) == sorted(years)
    rows = {(i, p): t for i, p, t, _ in series.actuals()}
    for y, v in zip(years, values):
        if ("high_tech_enterprises", str(y)) in rows:
            assert v == float(rows[("high_tech_enterprises", str(y))])
    with pytest.raises(KeyError):
        table_plan.annual_series("nope")


def test_plan_trends_are_the_cli_s(table_plan):
    cli = json.loads(run_cli(
        "trend", "--indicators", str(DATA / "indicators.csv"),
        "--actuals", str(DATA / "series-2016-2020-illustrative.csv"), "--format", "json",
    ))
    series = planeval.load_observations(str(DATA / "series-2016-2020-illustrative.csv"))
    trends = table_plan.trends(series)
    assert [t["indicator"] for t in trends] == [t["indicator"] for t in cli["trends"]]
    for mine, theirs in zip(trends, cli["trends"]):
        assert mine["status"] == theirs["status"] == mine["trend"].status
        assert list(mine["years"]) == [p["year"] for p in theirs["series"]]
        assert list(mine["values"]) == [p["value"] for p in theirs["series"]]
        assert (mine["projection"] is None) == (theirs["projection"] is None)


def test_pace_is_the_cli_s(table_plan):
    cli = json.loads(run_cli(
        "pace", "--indicators", str(DATA / "indicators.csv"),
        "--actuals", str(DATA / "actuals-2021-ytd-illustrative.csv"),
        "--references", str(DATA / "references-illustrative.csv"),
        "--as-of", "2021-06-30", "--format", "json",
    ))["assessments"]
    ytd = planeval.load_observations(
        str(DATA / "actuals-2021-ytd-illustrative.csv"), str(DATA / "references-illustrative.csv"))
    pace = table_plan.pace(ytd, as_of="2021-06-30")
    assert len(pace) == len(cli)
    assert pace.indicators == [a["indicator"] for a in cli]
    assert pace.statuses == [a["status"] for a in cli]
    for k, a in enumerate(cli):
        for field in ("gap_points", "done_share"):
            got = getattr(pace, field)[k]
            assert math.isnan(got) if a[field] is None else got == pytest.approx(a[field])
        assert pace[k]["reason"] == a["reason"]
        assert list(pace[k]) == list(a)  # one field list: the JSON's keys, in order
    assert isinstance(pace.expected_share, np.ndarray)
    assert pace[-1]["indicator"] == pace.indicators[-1]
    with pytest.raises(IndexError):
        pace[len(pace)]


def test_pace_as_a_dataframe(table_plan):
    pytest.importorskip("pandas", reason="pandas is not installed: to_dataframe untested")
    ytd = planeval.load_observations(str(DATA / "actuals-2021-ytd-illustrative.csv"))
    pace = table_plan.pace(ytd, as_of="2021-06-30", basis="days")
    frame = pace.to_dataframe()
    assert list(frame["indicator"]) == pace.indicators
    assert list(frame["status"]) == pace.statuses
    with pytest.raises(planeval.UsageError):
        table_plan.pace(ytd, basis="weeks")


def _matrix():
    """The illustrative district matrix as a wide DataFrame and its #polarity row."""
    import pandas as pd

    path = DATA.parent / "shanghai-districts-illustrative" / "matrix.csv"
    raw = pd.read_csv(path, dtype=str)
    meta = raw[raw.iloc[:, 0].str.startswith("#")].set_index(raw.columns[0])
    units = raw[~raw.iloc[:, 0].str.startswith("#")].set_index(raw.columns[0])
    return path, units.astype(float), meta.loc["#polarity"].to_dict()


def test_index_gives_the_clis_scores_ranks_and_sensitivity():
    path, frame, polarity = _matrix()
    r = planeval.index(frame, polarity=polarity, replications=50, seed=7)
    cli = json.loads(run_cli("index", "--matrix", str(path), "--replications", "50", "--seed",
                             "7", "--format", "json"))
    assert list(r.scores.index) == [u["unit"] for u in cli["units"]]
    for unit in cli["units"]:
        row = r.scores.loc[unit["unit"]]
        assert row["score"] == pytest.approx(unit["score"], abs=1e-12)
        assert row["rank"] == unit["rank"]
        for column in ("median_rank", "p05_rank", "p95_rank"):
            assert row[column] == pytest.approx(unit[column])
    assert r.weights.sum() == pytest.approx(1.0)
    assert r.normalised.shape == frame.shape
    assert r.pca is None


def test_index_takes_a_long_frame_given_weights_pca_and_polarity_from_a_plan(json_plan):
    import pandas as pd

    _, frame, polarity = _matrix()
    long = frame.stack().rename("value").reset_index()
    long.columns = ["unit", "indicator", "value"]
    wide = planeval.index(frame, polarity=polarity)
    from_long = planeval.index(long, polarity=polarity).scores["score"]
    assert sorted(from_long.index) == sorted(wide.scores.index)
    for unit, score in wide.scores["score"].items():
        assert from_long[unit] == pytest.approx(score, abs=1e-12)
    # given weights: all on one indicator ranks the units by it
    weights = {c: 0.0 for c in frame.columns}
    weights["gdp_per_capita"] = 1.0
    one = planeval.index(frame, polarity=polarity, weights=weights)
    assert list(one.scores.sort_values("rank").index) == list(
        frame["gdp_per_capita"].sort_values(ascending=False).index)
    pca = planeval.index(frame, polarity=polarity, weights="pca")
    assert pca.pca["components"] >= 1 and len(pca.pca["eigenvalues"]) == frame.shape[1]
    # a plan's polarities: its indicators by id, the others higher
    plan_frame = pd.DataFrame({"green_coverage": [30.0, 40.0], "work_safety_deaths": [1.0, 2.0]},
                              index=["a", "b"])
    by_plan = planeval.index(plan_frame, polarity=json_plan)
    assert by_plan.normalised.loc["a", "work_safety_deaths"] == 1.0  # lower is better
    with pytest.raises(planeval.ModelError, match="gpd"):
        planeval.index(frame, polarity={"gpd": "lower"})
    with pytest.raises(planeval.UsageError):
        planeval.index(frame, weights=[1.0, 2.0])
