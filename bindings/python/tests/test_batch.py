"""Batch evaluation from numpy and pandas: the statuses of Plan.evaluate, many units at once."""

import numpy as np
import pandas as pd
import pytest

import planeval


def numbers(data):
    """The seed plan's illustrative 2021 values that are plain numbers."""
    frame = pd.read_csv(data / "actuals-illustrative.csv", dtype=str)
    values = pd.to_numeric(frame["value"], errors="coerce")
    return frame.assign(value=values).dropna(subset=["value"])


def test_evaluate_batch_agrees_with_evaluate_for_each_unit(json_plan, data):
    known = numbers(data)
    ids = [ind.id for ind in json_plan.indicators]
    units = [f"district-{k}" for k in range(6)]
    values = np.full((len(units), len(ids), 1), np.nan)
    for u in range(len(units)):
        for row in known.itertuples():
            values[u, ids.index(row.indicator), 0] = row.value * (0.9 + 0.04 * u)
    refs = np.full((len(units), len(ids)), np.nan)
    refs[:, ids.index("gdp_growth")] = [7.0, 7.5, 8.0, 8.5, 9.0, 9.5]
    result = planeval.evaluate_batch(json_plan, values, units, ids, ["2021"], references=refs)
    assert result.codes.shape == values.shape and result.codes.dtype == np.uint8
    assert result.gap.shape == values.shape
    names = result.status_names
    for u, unit in enumerate(units):
        actuals = [(i, "2021", float(values[u, k, 0])) for k, i in enumerate(ids)
                   if not np.isnan(values[u, k, 0])]
        references = [("gdp_growth", "2021", float(refs[u, ids.index("gdp_growth")]))]
        evaluation = json_plan.evaluate(actuals, references=references)
        for a in evaluation:
            if a.period != "2021":
                continue
            k = ids.index(a.indicator)
            assert names[result.codes[u, k, 0]] == a.status, (unit, a.indicator, a.reason_en)
            if a.gap is None:
                assert np.isnan(result.gap[u, k, 0])
            else:
                assert result.gap[u, k, 0] == pytest.approx(a.gap, abs=1e-9)
    by_unit = result.by_unit()
    assert list(by_unit.index) == units
    assert by_unit.loc["district-0"].sum() == len(ids)
    assert result.by_indicator().loc["gdp_growth"].sum() == len(units)
    frame = result.to_frame()
    assert len(frame) == values.size
    assert set(frame.columns) == {"unit", "indicator", "period", "status", "gap"}


def test_evaluate_frame_adds_status_and_gap(json_plan):
    frame = pd.DataFrame({
        "unit": ["a", "a", "b", "b"],
        "indicator": ["one_network_access_rate", "gdp_growth"] * 2,
        "period": ["2021"] * 4,
        "value": [96.0, 8.5, 90.0, 5.1],
    })
    refs = pd.DataFrame({"unit": ["a", "b"], "indicator": ["gdp_growth"] * 2, "value": [8.1, 6.0]})
    out = json_plan.evaluate_frame(frame, references=refs)
    assert list(out["status"]) == ["met", "met", "not_met", "not_met"]
    assert out["gap"].iloc[2] == pytest.approx(-5)
    assert list(frame.columns) == ["unit", "indicator", "period", "value"]  # a copy
    with pytest.raises(planeval.ModelError):
        json_plan.evaluate_frame(pd.concat([frame, frame.iloc[:1]]))


def test_bad_shapes_and_ids_are_errors(json_plan):
    with pytest.raises(planeval.UsageError):
        planeval.evaluate_batch(json_plan, np.zeros((2, 2)), ["a", "b"], ["gdp_growth"], ["2021"])
    with pytest.raises(planeval.UsageError):
        planeval.evaluate_batch(json_plan, np.zeros((1, 1, 1)), ["a", "b"], ["gdp_growth"], ["2021"])
    with pytest.raises(planeval.ModelError):
        planeval.evaluate_batch(json_plan, np.zeros((1, 1, 1)), ["a"], ["gpd_growth"], ["2021"])


def test_unit_targets_replace_the_plans_target_for_a_unit(json_plan):
    ids = ["one_network_access_rate", "retail_sales_growth", "household_waste_reduction"]
    units = ["a", "b", "c"]
    values = np.array([[[93.0], [3.5], [4.0]], [[90.0], [3.5], [6.0]], [[96.0], [3.5], [6.0]]])
    plain = planeval.evaluate_batch(json_plan, values, units, ids, ["2021"])
    names = plain.status_names
    assert [names[c] for c in plain.codes[:, 0, 0]] == ["not_met", "not_met", "met"]
    assert [names[c] for c in plain.codes[:, 2, 0]] == ["no_target"] * 3
    own = pd.DataFrame({
        "unit": ["b", "a", "b"],
        "indicator": ["one_network_access_rate", "household_waste_reduction",
                      "household_waste_reduction"],
        "target": ["85以上", "5以上", "5以上"],
    })
    for given in (own, list(own.itertuples(index=False)),
                  {(u, i): t for u, i, t in own.itertuples(index=False)}):
        r = planeval.evaluate_batch(json_plan, values, units, ids, ["2021"], unit_targets=given)
        # b's own 85以上 (the kernels), a and b their own target where the plan has none
        assert [names[c] for c in r.codes[:, 0, 0]] == ["not_met", "met", "met"]
        assert r.gap[1, 0, 0] == pytest.approx(5.0)
        assert [names[c] for c in r.codes[:, 2, 0]] == ["not_met", "met", "no_target"]
        # every unit's retail target stays the plan's
        assert (r.codes[:, 1, 0] == plain.codes[:, 1, 0]).all()
    # the same through a long frame
    frame = plain.to_frame().drop(columns=["status", "gap"]).assign(value=values.reshape(-1))
    out = json_plan.evaluate_frame(frame, unit_targets=own)
    assert list(out["status"]) == [names[c] for c in r.codes.reshape(-1)]
    # a text that does not parse names its place
    with pytest.raises(planeval.ParseError, match=r"unit_targets\[0\]"):
        planeval.evaluate_batch(json_plan, values, units, ids, ["2021"],
                                unit_targets=[("a", "one_network_access_rate", "约8.x")])
    with pytest.raises(planeval.ModelError, match="gpd"):
        planeval.evaluate_batch(json_plan, values, units, ids, ["2021"],
                                unit_targets=[("a", "gpd", "5")])
    with pytest.raises(planeval.UsageError, match="target"):
        planeval.evaluate_batch(json_plan, values, units, ids, ["2021"],
                                unit_targets=pd.DataFrame({"unit": ["a"], "indicator": ["x"]}))


def test_a_batch_writes_its_report_and_workbook(json_plan, tmp_path):
    ids = ["one_network_access_rate", "budget_revenue_growth"]
    units = [f"区县{k}" for k in range(40)]
    values = np.array([[[90.0 + k % 10], [3.0 + k / 10]] for k in range(40)])
    r = planeval.evaluate_batch(json_plan, values, units, ids, ["2021"])
    del values  # the result keeps the array it views
    html = r.report()
    assert html.startswith("<!DOCTYPE html>") and 'id="heat-map"' in html
    assert html.count('class="cell"') == 80
    assert '<details id="ranking-all">' in html  # more than 30 units
    page = tmp_path / "batch.md"
    assert r.report(str(page), lang="en") is None
    assert "## Status heat map" in page.read_text(encoding="utf-8")
    book = tmp_path / "batch.xlsx"
    r.to_excel(str(book))
    assert book.read_bytes()[:2] == b"PK"
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(str(book))
    assert wb.sheetnames == ["排名", "按指标", "明细", "汇总"]
    assert wb["明细"].max_row == 81


def test_the_reason_of_any_cell_on_demand(json_plan, data):
    known = numbers(data)
    ids = [ind.id for ind in json_plan.indicators]
    values = np.full((2, len(ids), 1), np.nan)
    for row in known.itertuples():
        values[0, ids.index(row.indicator), 0] = row.value
        values[1, ids.index(row.indicator), 0] = row.value * 0.8
    own = [("district-1", "budget_revenue_growth", "3以上")]
    r = planeval.evaluate_batch(json_plan, values, ["district-0", "district-1"], ids, ["2021"],
                                unit_targets=own)
    evaluation = json_plan.evaluate([(i, "2021", float(values[0, k, 0]))
                                     for k, i in enumerate(ids) if not np.isnan(values[0, k, 0])])
    for a in evaluation:
        if a.period != "2021":
            continue
        e = r.explain("district-0", a.indicator, "2021")
        assert (e.status, e.reason_en, e.reason_zh) == (a.status, a.reason_en, a.reason_zh)
    e = r.explain("district-1", "budget_revenue_growth", 2021)
    assert e.status == r.status_names[r.codes[1, ids.index("budget_revenue_growth"), 0]]
    assert "3" in e.reason_en
    with pytest.raises(KeyError):
        r.explain("district-9", "gdp_growth", "2021")


def test_a_result_is_evaluated_into_again_without_new_memory(json_plan):
    ids = ["one_network_access_rate", "budget_revenue_growth"]
    units = ["a", "b"]
    first = np.array([[[96.0]], [[90.0]]]).repeat(2, axis=1)
    r = planeval.evaluate_batch(json_plan, first, units, ids, ["2021"])
    codes = r.codes
    names = r.status_names
    assert [names[c] for c in codes[:, 0, 0]] == ["met", "not_met"]
    again = planeval.evaluate_batch(json_plan, np.array([[[90.0]], [[96.0]]]).repeat(2, axis=1),
                                    units, ids, ["2021"], out=r)
    assert again is r
    assert [names[c] for c in codes[:, 0, 0]] == ["not_met", "met"]  # the old view sees it
    assert r.by_unit().loc["b", "met"] >= 1
    with pytest.raises(planeval.UsageError, match="shape"):
        planeval.evaluate_batch(json_plan, np.zeros((1, 2, 1)), ["a"], ids, ["2021"], out=r)
