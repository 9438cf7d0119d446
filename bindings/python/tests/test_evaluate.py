"""Plan.evaluate with actuals as tuples, dicts, DataFrames or Observations; the results."""

import concurrent.futures
import datetime
import json
import math

import pytest

import planeval
from conftest import DATA, run_cli


def seed_rows():
    """The illustrative actuals as (indicator, period, value) tuples of text."""
    obs = planeval.load_observations(str(DATA / "actuals-illustrative.csv"))
    return [(i, p, text) for i, p, text, _ in obs.actuals()]


REFERENCES = [
    ("energy_intensity_reduction", "2021", 3.5),
    ("registered_unemployed", 2021, "6000"),
    ("work_safety_deaths", "2021", 0.015),
]


def test_the_evaluation_is_the_cli_s(table_plan, observations, data):
    cli = run_cli(
        "evaluate", "--indicators", str(data / "indicators.csv"),
        "--actuals", str(data / "actuals-illustrative.csv"),
        "--references", str(data / "references-illustrative.csv"),
        "--format", "json", "--lang", "en",
    )
    result = table_plan.evaluate(observations)
    assert result.to_json("en") + "\n" == cli
    assert result.to_dict("en") == json.loads(cli)


def test_every_shape_of_actuals_gives_the_same_evaluation(table_plan, observations):
    expected = table_plan.evaluate(observations).to_dict()
    rows = seed_rows()
    shapes = [
        rows,
        tuple(rows),
        (r for r in rows),
        [(i, p, v, "") for i, p, v in rows],
        {(i, p): v for i, p, v in rows},
        {(i, p): (v, None) for i, p, v in rows},
        planeval.Observations(rows),
    ]
    for actuals in shapes:
        assert table_plan.evaluate(actuals, REFERENCES).to_dict() == expected
    refs_dict = {(i, str(p)): v for i, p, v in REFERENCES}
    assert table_plan.evaluate(rows, refs_dict).to_dict() == expected
    assert table_plan.evaluate(planeval.Observations(rows, REFERENCES)).to_dict() == expected


def test_a_dataframe_of_actuals(table_plan, observations):
    pd = pytest.importorskip("pandas", reason="pandas is not installed: DataFrame input untested")
    rows = seed_rows()
    frame = pd.DataFrame(rows, columns=["indicator", "period", "value"])
    refs = pd.DataFrame(REFERENCES, columns=["indicator", "period", "value"])
    expected = table_plan.evaluate(observations).to_dict()
    assert table_plan.evaluate(frame, refs).to_dict() == expected
    # integer periods, numbers, NaN for missing values, a flags column
    numbers = pd.DataFrame(
        {
            "indicator": ["budget_revenue_growth", "new_listed_companies", "retail_sales_growth"],
            "period": [2021, 2021, 2021],
            "value": [5.8, float("nan"), 2.7],
            "flags": ["P", None, "E"],
        }
    )
    result = table_plan.evaluate(numbers)
    assert result.status("budget_revenue_growth") == "met"
    assert result.status("new_listed_companies") == "no_data"
    with pytest.raises(planeval.UsageError) as info:
        table_plan.evaluate(pd.DataFrame({"indicator": ["a"], "value": [1]}))
    assert "period" in str(info.value)


def test_the_result_as_a_dataframe(table_plan, observations):
    pytest.importorskip("pandas", reason="pandas is not installed: to_dataframe untested")
    result = table_plan.evaluate(observations)
    frame = result.to_dataframe("en")
    assert len(frame) == len(result) == 25
    assert list(frame["indicator"]) == [a.indicator for a in result]
    assert list(frame["status"]) == [a.status for a in result]
    assert frame.loc[frame.indicator == "gdp_growth", "name"].item() == "Growth of district GDP"
    assert {"period", "target", "actual", "gap", "gap_unit", "achievement", "reason"} <= set(frame.columns)


def test_assessments(table_plan, observations):
    result = table_plan.evaluate(observations)
    a = next(a for a in result if a.indicator == "building_tax_per_m2")
    assert (a.status, a.period, a.target_text, a.actual) == ("met", "2021", "6000", 6120)
    assert a.gap == pytest.approx(120) and a.gap_unit == "元/平方米"
    assert a.achievement == pytest.approx(6120 / 6000)
    assert a.reason("en").startswith("actual 6120 meets the target '6000'")
    assert a.to_dict("en")["reason"] == a.reason_en
    growth = next(a for a in result if a.indicator == "budget_revenue_growth")
    assert growth.gap == pytest.approx(0.8) and growth.gap_unit == "个百分点"
    assert result[-1].indicator == result.assessments[24].indicator
    with pytest.raises(IndexError):
        result[25]
    assert sum(result.counts.values()) == len(result)
    assert result.counts["not_met"] == len([a for a in result if a.status == "not_met"])
    assert result.binding_not_met == ["energy_intensity_reduction"]
    assert "2021年共涉及25个指标" in result.narrative()
    assert "25 indicators" in result.narrative("en")
    with pytest.raises(KeyError):
        result.status("nope")


def test_values_as_numbers_text_or_missing(table_plan):
    result = table_plan.evaluate(
        [
            ("retail_sales_growth", "2021", "3%左右"),
            ("budget_revenue_growth", "2021", 4),
            ("fixed_investment_growth", "2021", None),
            ("commodity_sales_growth", "2021", math.nan),
            ("life_expectancy", "2021", "达标"),
        ]
    )
    assert result.status("retail_sales_growth") == "met"
    assert result.status("budget_revenue_growth") == "not_met"
    assert result.status("fixed_investment_growth") == "no_data"
    assert result.status("commodity_sales_growth") == "no_data"
    assert result.status("life_expectancy") == "met"


def test_as_of_and_period(table_plan, observations):
    early = table_plan.evaluate(observations, as_of="2021-06-30")
    assert early.as_of == datetime.date(2021, 6, 30)
    # every target of 2021 is still in progress (the indicator without a target is not)
    assert all(a.in_progress for a in early if a.status != "no_target")
    assert not any(a.in_progress for a in table_plan.evaluate(observations))
    same = table_plan.evaluate(observations, as_of=datetime.date(2021, 6, 30))
    assert same.to_dict() == early.to_dict()
    none = table_plan.evaluate(observations, period=2019)
    assert {a.status for a in none} == {"no_target"}
    with pytest.raises(planeval.ParseError) as info:
        table_plan.evaluate(observations, as_of="2021-13-01")
    assert info.value.code == "date.syntax"
    with pytest.raises(TypeError):
        table_plan.evaluate(observations, as_of=20210630)


def test_bad_actuals_name_the_row_and_indicator(table_plan):
    with pytest.raises(planeval.ParseError) as info:
        table_plan.evaluate([("gdp_growth", "2021", 8), ("retail_sales_growth", "2021", "3x%")])
    e = info.value
    assert e.code == "observation.syntax"
    assert (e.location.pointer, e.location.indicator) == ("actuals[1]", "retail_sales_growth")
    with pytest.raises(planeval.ModelError) as info:
        table_plan.evaluate([("gdp_growth", "2021", 8), ("gdp_growth", "2021", 9)])
    assert info.value.code == "model.duplicate"
    with pytest.raises(planeval.ParseError) as info:
        table_plan.evaluate([("gdp_growth", "21", 8)])
    assert info.value.code == "period.syntax"
    with pytest.raises(planeval.ModelError) as info:
        table_plan.evaluate([("gdp_growth", "2021", 8, "Z")])
    assert info.value.code == "model.invalid"
    with pytest.raises(planeval.ModelError):
        table_plan.evaluate(None, [("gdp_growth", "2021", "84以上")])
    for bad in ["gdp_growth,2021,8", 42, [("gdp_growth", "2021")], [("a", "2021", 1, "", "x")],
                {"gdp_growth": 8}, [("gdp_growth", "2021", [8])], [("gdp_growth", 2021.5, 8)]]:
        with pytest.raises(TypeError):
            table_plan.evaluate(bad)


def test_evaluations_run_in_threads(table_plan, observations):
    expected = table_plan.evaluate(observations).to_json()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: table_plan.evaluate(observations).to_json(), range(8)))
    assert results == [expected] * 8


def test_an_evaluation_writes_its_report_as_the_cli_does(json_plan, data, tmp_path):
    observations = planeval.load_observations(str(data / "actuals-illustrative.csv"),
                                              str(data / "references-illustrative.csv"), json_plan)
    evaluation = json_plan.evaluate(observations, as_of="2021-12-31")
    html = evaluation.report()
    assert html.startswith("<!DOCTYPE html>") and "长宁区" in html
    page = tmp_path / "cli.html"
    run_cli("report", "--plan", str(data / "plan.json"), "--actuals",
            str(data / "actuals-illustrative.csv"), "--references",
            str(data / "references-illustrative.csv"), "--as-of", "2021-12-31", "-o", str(page))
    assert html == page.read_text(encoding="utf-8")
    markdown = tmp_path / "report.md"
    assert evaluation.report(str(markdown), lang="en") is None
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("#") and "Changning" in text
    docx = evaluation.report(format="docx")
    assert isinstance(docx, bytes) and docx[:2] == b"PK"
    with pytest.raises(planeval.Error):
        evaluation.report(format="pdf")
