"""Tasks evaluated as of a date from Python."""

import datetime
import json

import pytest

import planeval
from conftest import DATA, run_cli


@pytest.fixture
def plan_with_tasks(table_plan):
    table_plan.load_tasks(str(DATA / "tasks.csv"))
    return table_plan


def test_the_task_evaluation_is_the_cli_s(plan_with_tasks, observations):
    cli = run_cli(
        "tasks", "--indicators", str(DATA / "indicators.csv"), "--tasks", str(DATA / "tasks.csv"),
        "--actuals", str(DATA / "actuals-illustrative.csv"),
        "--references", str(DATA / "references-illustrative.csv"),
        "--as-of", "2021-09-30", "--format", "json", "--lang", "en",
    )
    e = plan_with_tasks.evaluate_tasks("2021-09-30", observations)
    assert e.to_json("en") + "\n" == cli
    assert e.to_dict("en") == json.loads(cli)


def test_task_states_and_narrative(plan_with_tasks):
    e = plan_with_tasks.evaluate_tasks(datetime.date(2021, 9, 30), period="2020/2021")
    assert e.as_of == datetime.date(2021, 9, 30)
    assert len(e) == len(plan_with_tasks.tasks)
    assert set(e.states) == {t.id for t in plan_with_tasks.tasks}
    assert e.states["w2020.1"] == "done"
    assert e.narrative().startswith("截至2021年9月30日")
    assert 0.0 <= e.progress <= 1.0


def test_the_default_period_is_the_plan_s(plan_with_tasks):
    # the rule of every door (CLI, C, report): the areas whose dates overlap the plan's period
    default = plan_with_tasks.evaluate_tasks("2021-09-30")
    assert default.to_json() == plan_with_tasks.evaluate_tasks("2021-09-30", period="2021").to_json()
    assert "w2020.1" not in default.states
    assert len(default) < len(plan_with_tasks.tasks)


def test_tasks_as_a_dataframe(plan_with_tasks):
    pytest.importorskip("pandas", reason="pandas is not installed: to_dataframe untested")
    e = plan_with_tasks.evaluate_tasks("2021-09-30")
    frame = e.to_dataframe("en")
    assert list(frame["task"]) == list(e.states)
    assert list(frame["state"]) == list(e.states.values())


def test_task_evaluation_errors(plan_with_tasks):
    with pytest.raises(planeval.UsageError):
        plan_with_tasks.evaluate_tasks(None)
    with pytest.raises(planeval.ParseError) as info:
        plan_with_tasks.evaluate_tasks("2021-02-30")
    assert info.value.code == "date.syntax"
    with pytest.raises(planeval.UsageError):
        plan_with_tasks.evaluate_tasks("2021-09-30", due_soon_days=-1)
