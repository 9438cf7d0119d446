"""Every door behaves the same: a misspelled id is rejected as the CSV path rejects it, an error's
class follows its code (as the C API's status does), and an assessment has one field list."""

import ctypes
import json
import os

import pytest

import planeval
from conftest import DATA, run_cli

MISSPELLED = ["gpd_growth", "GDP_GROWTH", "gdp_growth "]


def shapes(indicator):
    """The same one actual value in every shape Plan.evaluate takes."""
    rows = [("budget_revenue_growth", "2021", 5.8), (indicator, "2021", 8.5)]
    out = [rows, {(i, p): v for i, p, v in rows}, planeval.Observations(rows)]
    try:
        import pandas as pd

        out.append(pd.DataFrame(rows, columns=["indicator", "period", "value"]))
    except ImportError:
        pass
    return out


@pytest.mark.parametrize("indicator", MISSPELLED)
def test_a_misspelled_indicator_id_is_rejected_with_its_row(table_plan, indicator):
    for actuals in shapes(indicator):
        with pytest.raises(planeval.ModelError) as info:
            table_plan.evaluate(actuals)
        e = info.value
        assert e.code == "model.unknown_id"
        assert e.location.pointer == "actuals[1]"
        assert e.location.indicator == indicator
        assert f"no indicator '{indicator}' in plan '{table_plan.id}'" in str(e)


def test_a_misspelled_reference_id_is_rejected(table_plan):
    with pytest.raises(planeval.ModelError) as info:
        table_plan.evaluate(None, [("work_safety_death", "2021", 0.015)])
    assert info.value.code == "model.unknown_id"
    assert info.value.location.pointer == "references[0]"
    with pytest.raises(planeval.ModelError):
        table_plan.pace([("gpd_growth", "2021-06", 4.0)])
    with pytest.raises(planeval.ModelError):
        table_plan.trends([("gpd_growth", "2020", 4.0)])


def test_the_csv_path_rejects_the_same_id(table_plan, tmp_path):
    csv = tmp_path / "a.csv"
    csv.write_text("indicator,period,value\ngpd_growth,2021,8.5\n", encoding="utf-8")
    with pytest.raises(planeval.ModelError) as info:
        planeval.load_observations(str(csv), None, table_plan)
    assert info.value.code == "model.unknown_id"
    assert (info.value.location.file, info.value.location.line) == (str(csv), 2)
    assert "no indicator 'gpd_growth' in plan" in str(info.value)


def test_a_value_given_twice_names_both_origins(table_plan):
    obs = planeval.Observations([("gdp_growth", "2021", 8.5)])
    with pytest.raises(planeval.ModelError) as info:
        obs.add("gdp_growth", "2021", 8.0)
    assert info.value.code == "model.duplicate"
    assert info.value.location.pointer == "actuals[1]"
    assert "actuals[0]" in info.value.message


CATEGORY_CLASS = {
    "parse": planeval.ParseError,
    "format": planeval.FormatError,
    "model": planeval.ModelError,
    "io": planeval.FileError,
    "usage": planeval.UsageError,
}


def category(code):
    head = code.split(".")[0]
    return {
        "target": "parse", "observation": "parse", "period": "parse", "date": "parse",
        "csv": "format", "json": "format", "archive": "format", "format": "format",
        "limit": "format", "html": "format", "table": "format", "office": "format", "model": "model", "task": "model", "io": "io", "usage": "usage",
    }.get(head) or {"unit.unknown": "parse", "unit.incompatible": "model"}[code]


def test_every_code_has_the_class_of_its_category():
    classes = planeval.error_classes()
    assert "target.syntax" in classes and "limit.text_length" in classes
    for code, cls in classes.items():
        assert cls is CATEGORY_CLASS[category(code)], code


def test_the_c_status_of_every_code_is_the_python_class():
    path = os.environ.get("PLANEVAL_C_LIBRARY")
    if not path:
        pytest.skip("PLANEVAL_C_LIBRARY is not set (run the tests through ctest)")
    lib = ctypes.CDLL(path)
    lib.planeval_error_code_status.argtypes = [ctypes.c_char_p]
    lib.planeval_error_code_status.restype = ctypes.c_int
    lib.planeval_status_name.argtypes = [ctypes.c_int]
    lib.planeval_status_name.restype = ctypes.c_char_p
    for code, cls in planeval.error_classes().items():
        status = lib.planeval_status_name(lib.planeval_error_code_status(code.encode()))
        assert CATEGORY_CLASS[status.decode()] is cls, code


def test_an_assessment_has_the_fields_of_the_json_output(table_plan, observations, data):
    cli = json.loads(
        run_cli(
            "evaluate", "--indicators", str(data / "indicators.csv"),
            "--actuals", str(data / "actuals-illustrative.csv"),
            "--references", str(data / "references-illustrative.csv"),
            "--format", "json", "--lang", "en",
        )
    )
    result = table_plan.evaluate(observations)
    for a, expected in zip(result, cli["assessments"]):
        d = a.to_dict("en")
        assert list(d) == list(expected)
        for key in ("indicator", "period", "status", "status_label", "unit", "gap_unit", "reason"):
            assert d[key] == expected[key], key
    try:
        frame = result.to_dataframe("en")
    except ImportError:
        return
    assert list(frame.columns) == list(cli["assessments"][0])
    assert frame.to_dict("records")[0]["name"] == cli["assessments"][0]["name"]
