"""Plan files in every format, pickling, CSV values and task tables, and their errors."""

import copy
import pickle

import pytest

import planeval

FORMATS = {"json": ".json", "text": ".pvt", "xml": ".pvx", "binary": ".pvb"}


@pytest.mark.parametrize("fmt, ext", FORMATS.items())
def test_every_format_round_trips_through_a_file(json_plan, tmp_path, fmt, ext):
    path = str(tmp_path / f"plan{ext}")
    json_plan.save(path)
    assert planeval.Plan.load(path) == json_plan
    assert planeval.Plan.load(path, fmt) == json_plan
    other = str(tmp_path / "plan.data")
    json_plan.save(other, fmt)
    assert planeval.Plan.load(other) == json_plan  # recognised by its content


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_round_trips_through_bytes(json_plan, fmt):
    data = json_plan.write(fmt)
    assert isinstance(data, bytes) and data
    assert planeval.Plan.read(data, fmt) == json_plan


def test_json_is_canonical(json_plan, data):
    text = json_plan.to_json()
    assert planeval.Plan.from_json(text) == json_plan
    assert planeval.Plan.from_json(text).to_json() == text
    assert (data / "plan.json").read_text(encoding="utf-8") == text


def test_the_plan_table_is_written_on_request_only(table_plan, tmp_path):
    path = str(tmp_path / "plan.csv")
    with pytest.raises(planeval.FileError) as info:
        table_plan.save(path)
    assert info.value.code == "io.format" and info.value.location.file == path
    table_plan.save(path, "csv")
    again = planeval.Plan.load(path)
    assert [i.id for i in again.indicators] == [i.id for i in table_plan.indicators]
    assert [i.targets for i in again.indicators] == [i.targets for i in table_plan.indicators]
    assert planeval.Plan.read(table_plan.write("csv"), "csv").indicators == again.indicators


def test_plans_pickle_and_copy(json_plan):
    assert pickle.loads(pickle.dumps(json_plan)) == json_plan
    assert copy.deepcopy(json_plan) == json_plan


def test_a_missing_file_is_a_file_error_and_an_os_error(tmp_path):
    path = str(tmp_path / "missing.json")
    with pytest.raises(OSError) as info:
        planeval.Plan.load(path)
    e = info.value
    assert isinstance(e, planeval.FileError) and isinstance(e, ValueError)
    assert e.code == "io.open" and e.location.file == path


def test_bad_content_names_the_place(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "planeval.plan",\n  "id": \n}\n', encoding="utf-8")
    with pytest.raises(planeval.FormatError) as info:
        planeval.Plan.load(str(path))
    assert info.value.code == "json.syntax"
    assert info.value.location.line == 4 and info.value.location.file == str(path)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,target_period,target\ngdp,2021,5-\n", encoding="utf-8")
    with pytest.raises(planeval.ParseError) as info:
        planeval.Plan.load(str(bad))
    loc = info.value.location
    assert (loc.line, loc.indicator, loc.pointer) == (2, "gdp", "target")
    assert "bad.csv:2" in str(loc)
    with pytest.raises(planeval.FormatError) as info:
        planeval.Plan.read(b"garbage", "binary")
    assert info.value.code == "archive.corrupt"


def test_a_bad_format_name_is_a_model_error(json_plan, tmp_path):
    with pytest.raises(planeval.ModelError) as info:
        json_plan.save(str(tmp_path / "x.json"), "yaml")
    assert info.value.code == "model.enum" and info.value.location.fragment == "yaml"
    with pytest.raises(planeval.ModelError):
        json_plan.write("pdf")


def test_check_plan_file_lists_every_problem(data, tmp_path):
    assert planeval.check_plan_file(str(data / "plan.json")) == []
    bad = tmp_path / "bad.csv"
    bad.write_text("id,target_period,target\na,2021,5\na,2021,6\n", encoding="utf-8")
    problems = planeval.check_plan_file(str(bad))
    assert problems and all(isinstance(p, planeval.Error) for p in problems)
    assert problems[0].code.startswith("model.")


def test_observations_from_files_are_all_or_nothing(table_plan, data):
    obs = planeval.Observations()
    obs.load_actuals(str(data / "actuals-illustrative.csv"), table_plan)
    obs.load_references(str(data / "references-illustrative.csv"))
    assert (obs.actual_count, obs.reference_count) == (24, 3)
    with pytest.raises(planeval.ModelError) as info:
        obs.load_actuals(str(data / "actuals-illustrative.csv"))
    assert info.value.code == "model.duplicate"
    assert info.value.location.file.endswith("actuals-illustrative.csv")
    assert obs.actual_count == 24
    with pytest.raises(planeval.FileError):
        obs.load_references(str(data / "missing.csv"))
    loaded = planeval.load_observations(str(data / "actuals-illustrative.csv"), plan=table_plan)
    assert loaded.actuals() == obs.actuals()


def test_unknown_indicators_are_refused_with_a_plan(table_plan, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("indicator,period,value\nnope,2021,5\n", encoding="utf-8")
    with pytest.raises(planeval.ModelError) as info:
        planeval.load_observations(str(path), plan=table_plan)
    assert info.value.code == "model.unknown_id" and info.value.location.line == 2
    assert planeval.load_observations(str(path)).actual_count == 1


def test_tasks_load_into_the_plan(table_plan, data, tmp_path):
    before = table_plan.evaluate()
    table_plan.load_tasks(str(data / "tasks.csv"))
    assert len(table_plan.tasks) == 89
    assert before.plan.tasks == []  # an evaluation keeps the plan it was made of
    cycle = tmp_path / "cycle.csv"
    cycle.write_text("id,parent,depends_on\na,,\na.1,a,a.2\na.2,a,a.1\n", encoding="utf-8")
    with pytest.raises(planeval.ModelError) as info:
        table_plan.load_tasks(str(cycle))
    assert info.value.code == "task.cycle"
    assert info.value.location.task in {"a.1", "a.2"}
    assert "(task a." in str(info.value.location)
    assert len(table_plan.tasks) == 89


@pytest.mark.parametrize("fmt", FORMATS)
def test_tasks_travel_with_the_plan(json_plan, fmt):
    assert len(json_plan.tasks) == 89
    again = planeval.Plan.read(json_plan.write(fmt), fmt)
    assert [t.id for t in again.tasks] == [t.id for t in json_plan.tasks]
    assert again.evaluate_tasks("2021-09-30").to_json() == json_plan.evaluate_tasks("2021-09-30").to_json()
