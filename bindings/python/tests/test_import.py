"""planeval.import_table: the seed's table as published and a real execution table."""

import pathlib

import pytest

import planeval

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEED = ROOT / "examples" / "data" / "changning-2021"
PUBLISHED = ROOT / "tests" / "data" / "published"


def write_csv(path, *lines):
    """Writes a UTF-8 table of `lines` and returns its path as a string."""
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def test_the_seed_as_published_with_its_inferences():
    r = planeval.import_table(str(SEED / "published.csv"))
    assert len(r.plan.indicators) == 25
    assert r.review == []
    first = r.plan.indicators[0]
    assert first.id == "i01_gdp" and first.kind == "rate"
    polarity = [i for i in r.inferences if i["field"] == "polarity" and i["value"] == "lower"]
    assert polarity and "失业" in polarity[0]["reason_zh"]
    assert polarity[0]["location"].cell.startswith("B")
    assert "i01_gdp" in r.explain("en")


def test_overrides_give_the_hand_made_statuses():
    r = planeval.import_table(str(SEED / "published.csv"),
                              overrides=str(SEED / "published-overrides.csv"))
    hand = planeval.Plan.load(str(SEED / "plan.json"))
    obs = planeval.load_observations(str(SEED / "actuals-illustrative.csv"),
                                     str(SEED / "references-illustrative.csv"))
    got = r.plan.evaluate(obs)
    expected = hand.evaluate(obs)
    assert [a.status for a in got] == [a.status for a in expected]
    tuples = planeval.import_table(str(SEED / "published.csv"),
                                   overrides=[("全区生产总值(GDP)增速", "id", "gdp_growth")])
    assert tuples.plan.indicators[0].id == "gdp_growth"


def test_an_execution_table_brings_its_results():
    r = planeval.import_table(str(PUBLISHED / "08-china-2015-execution.csv"))
    assert r.observations.actual_count > 20
    ev = r.plan.evaluate(r.observations)
    statuses = {a.indicator: a.status for a in ev}
    rd = [i.id for i in r.plan.indicators if i.name_zh.startswith("研究与试验发展经费")]
    assert statuses[rd[0]] == "not_met"  # 2.1 against 2.2, as the outline itself reports


def test_cells_kept_for_review_and_strict(tmp_path):
    table = write_csv(tmp_path / "odd.csv", "序号,指标名称,单位,2020年完成值,2021年目标值",
                      "1,地区生产总值增速,%,5,6", "2,城镇调查失业率,%,4.5,5.5%%以内")
    r = planeval.import_table(table)
    assert len(r.review) == 1
    assert r.review[0]["location"].cell == "E3"
    assert r.review[0]["code"] == "target.syntax"
    assert r.plan.evaluate(planeval.Observations()).status(r.plan.indicators[1].id) == "needs_review"
    with pytest.raises(planeval.ParseError) as info:
        planeval.import_table(table, strict=True)
    assert info.value.location.cell == "E3"
    with pytest.raises(planeval.FormatError) as no_header:
        planeval.import_table(write_csv(tmp_path / "prose.csv", "一段文字", "另一段文字"))
    assert no_header.value.code == "table.no_header"


def test_import_result_evaluate_applies_review_and_source_cells(tmp_path):
    r = planeval.import_table(write_csv(
        tmp_path / "results.csv", "序号,指标名称,单位,2021年目标,2021年完成",
        "1,地区生产总值增速,%,6左右,6.4", "2,城镇新增就业,万人,3,三万多"))
    assert [item["location"].cell for item in r.review] == ["E3"]
    ev = r.evaluate()
    gdp, jobs = (i.id for i in r.plan.indicators)
    assert ev.status(gdp) == "met"
    # the result cell that did not parse: needs review, not "no data" as Plan.evaluate says
    assert ev.status(jobs) == "needs_review"
    assert r.plan.evaluate(r.observations).status(jobs) == "no_data"
    sources = {a.indicator: a.to_dict()["source"] for a in ev}
    assert sources[gdp].endswith("D2")  # the target's cell


def test_an_english_table_without_a_year_takes_the_period_given():
    path = str(PUBLISHED / "19-china-2018-execution-en.csv")
    r = planeval.import_table(path, period=2018)
    assert r.plan.period == "2018"
    names = {i.name_en: i.id for i in r.plan.indicators}
    assert "grain output" in names and "GDP" in names
    ev = r.evaluate()
    assert ev.status(names["GDP"]) == "met"
    assert ev.status(names["Total retail sales of consumer goods"]) == "not_met"
    assert ev.status(names["M2 money supply growth rate"]) == "needs_review"
    without = planeval.import_table(path)
    assert without.observations.actual_count == 0
    assert any("--table-period" in i["reason_en"] for i in without.inferences)


OFFICE = ROOT / "tests" / "data" / "office"


def test_a_workbook_imports_as_its_csv_and_by_sheet():
    csv = planeval.import_table(str(SEED / "published.csv"))
    book = planeval.import_table(str(OFFICE / "changning-2021.xlsx"), sheet="主要指标")
    ids = [i.id for i in csv.plan.indicators]
    assert [i.id for i in book.plan.indicators] == ids
    assert len(book.observations) == len(csv.observations)
    by_number = planeval.import_table(str(OFFICE / "changning-2021.xlsx"), sheet=1)
    assert [i.id for i in by_number.plan.indicators] == ids
    with pytest.raises(planeval.FormatError, match="office.sheet"):
        planeval.import_table(str(OFFICE / "changning-2021.xlsx"), sheet="附表9")


def test_an_evaluation_saved_as_a_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    r = planeval.import_table(str(SEED / "published.csv"))
    e = r.plan.evaluate(r.observations)
    path = tmp_path / "evaluation.xlsx"
    e.to_excel(str(path), lang="en")
    wb = openpyxl.load_workbook(str(path))
    assert wb.sheetnames == ["Assessments", "Summary"]
    assert wb.worksheets[0].max_row == 1 + len(e)
