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


def test_tasks_for_many_units_apply_each_units_progress(json_plan):
    import pandas as pd

    frame = pd.DataFrame({
        "unit": ["a", "a", "b", "c"],
        "task": ["t2021.1.1", "t2021.1.3", "t2021.1.1", "t2021.1.1"],
        "progress": ["100%", 0.2, 0.1, None],
        "progress_date": ["2021-09-30", "2021-09-30", "2021-09-30", None],
        "status": [None, None, None, "suspended"],
    })
    out = json_plan.evaluate_tasks_frame(frame, as_of="2021-09-30")
    assert list(out["unit"].unique()) == ["a", "b", "c"]
    tasks = len(json_plan.evaluate_tasks(as_of="2021-09-30"))
    assert len(out) == 3 * tasks
    state = out.set_index(["unit", "task"])["state"]
    assert state[("a", "t2021.1.1")] == "done"
    assert state[("b", "t2021.1.1")] == "behind"
    assert state[("c", "t2021.1.1")] == "suspended"
    # a unit's rows change only its own tasks: b's other task is as the plan records it
    plain = json_plan.evaluate_tasks(as_of="2021-09-30").states
    assert state[("b", "t2021.1.3")] == plain["t2021.1.3"]
    assert state[("a", "t2021.1.3")] == "behind"
    with pytest.raises(planeval.ModelError, match="t9"):
        json_plan.evaluate_tasks_frame(pd.DataFrame({"unit": ["a"], "task": ["t9"]}),
                                       as_of="2021-09-30")
    with pytest.raises(planeval.ModelError, match="progress_date"):
        json_plan.evaluate_tasks_frame(
            pd.DataFrame({"unit": ["a"], "task": ["t2021.1.1"], "progress": [0.5]}),
            as_of="2021-09-30")
