"""The model in Python: the target language, rules, indicators, targets, tasks, errors."""

import datetime
import pickle

import pytest

import planeval


@pytest.mark.parametrize(
    "text, op, canonical_en",
    [
        ("5", "reach", "5"),
        ("5-10", "between", "5 to 10"),
        ("3左右", "about", "about 3"),
        ("95以上", "at_least", "at least 95"),
        ("增长8%", "reach", "up 8%"),
        ("提高2个百分点", "reach", "up 2 percentage points"),
        ("完成市下达指标", "reach", "meet the city quota"),
        ("进一步提高", "increase", "further increase"),
        ("达到发达国家先进水平", "qualitative", "达到发达国家先进水平"),
    ],
)
def test_parse_target_gives_the_rule_and_its_canonical_texts(text, op, canonical_en):
    rule = planeval.parse_target(text)
    assert rule.op == op
    assert rule.canonical("en") == canonical_en
    # the Chinese canonical text parses back to an equal rule
    assert planeval.parse_target(rule.canonical()) == rule


def test_rule_fields():
    between = planeval.parse_target("增长6%-6.5%")
    assert (between.op, between.measure, between.low, between.high) == ("between", "growth", 6, 6.5)
    assert between.unit == "%"
    quota = planeval.parse_target("控制在市下达指标之内")
    assert (quota.op, quota.reference) == ("at_most", "市下达指标")
    flow = planeval.parse_target("五年累计竣工208.9")
    assert (flow.flow, flow.cumulative, flow.cumulative_years, flow.value) == ("竣工", True, 5, 208.9)
    assert planeval.parse_target("4.5%-5%,在实际工作中努力争取更好结果").remark != ""
    assert "about" in repr(planeval.parse_target("3左右"))


def test_compound_rules_have_parts():
    joint = planeval.parse_target("达1211亿元、增长6.8%")
    assert joint.op == "compound" and not joint.respectively
    assert [(p.op, p.measure, p.value, p.unit) for p in joint.parts] == [
        ("reach", "level", 1211, "亿元"),
        ("reach", "growth", 6.8, "%"),
    ]
    assert joint.to_dict()["parts"][1]["measure"] == "growth"
    both = planeval.parse_target("分别增长6%和7%左右")
    assert both.respectively and [p.op for p in both.parts] == ["about", "about"]
    assert pickle.loads(pickle.dumps(both)) == both
    assert planeval.parse_target("5-10").parts == []


def test_rule_to_dict_is_the_parse_target_json():
    d = planeval.parse_target("5-10").to_dict()
    assert d["op"] == "between" and d["low"] == 5 and d["high"] == 10


def test_rules_compare_and_pickle():
    texts = ["5-10", "3左右", "高于95", "年均增长7%以上", "比2005年下降36%", "新开工100", "国际收支基本平衡"]
    for text in texts:
        rule = planeval.parse_target(text)
        assert pickle.loads(pickle.dumps(rule)) == rule
    assert planeval.parse_target("5") != planeval.parse_target("6")
    unparsed = planeval.parse_target("5x%?", keep_unparsed=True)
    assert unparsed.op == "unparsed" and unparsed.description == "5x%?"
    assert pickle.loads(pickle.dumps(unparsed)) == unparsed


def test_a_text_that_does_not_parse_is_a_parse_error_with_its_column():
    with pytest.raises(planeval.ParseError) as info:
        planeval.parse_target("5-")
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, planeval.Error)
    assert e.code == "target.syntax"
    assert e.location.column == 3  # a number was expected after the '-'
    assert e.location.line == 0 and e.location.file == ""
    assert str(e).startswith("[planeval.target.syntax]")
    assert e.message and e.message in str(e)
    with pytest.raises(planeval.ParseError) as info:
        planeval.parse_target(" ")
    assert info.value.code == "target.empty"


def test_the_plan_file_gives_the_model(json_plan):
    plan = json_plan
    assert plan.id == "changning-2021"
    assert plan.period == "2021"
    assert plan.published == datetime.date(2021, 2, 4)
    assert len(plan) == len(plan.indicators) == 25
    gdp = plan.indicator("gdp_growth")
    assert gdp.name("zh") == "全区生产总值(GDP)增速"
    assert gdp.name("en") == "Growth of district GDP"
    assert (gdp.kind, gdp.unit, gdp.polarity, gdp.attribute) == ("rate", "%", "higher", "anticipatory")
    assert gdp.baseline == "-5" and gdp.baseline_period == "2020"
    target = gdp.target("2021")
    assert target.text == "与全市目标基本同步"
    assert target.rule.reference == "全市目标"
    assert gdp.targets == [target]
    assert gdp.target("2020") is None
    assert "gdp_growth" in repr(gdp)
    with pytest.raises(KeyError):
        plan.indicator("no_such_indicator")
    assert "25 indicators" in repr(plan)


def test_tasks_are_objects(table_plan, data):
    table_plan.load_tasks(str(data / "tasks.csv"))
    tasks = table_plan.tasks
    assert len(tasks) == 89
    area = tasks[0]
    assert area.id == "w2020.1" and area.parent == ""
    assert area.status == "done"
    assert area.start == datetime.date(2020, 1, 1) and area.due == datetime.date(2020, 12, 31)
    assert tasks[1].parent == "w2020.1"


def test_a_bad_language_is_a_usage_error(json_plan):
    with pytest.raises(planeval.UsageError) as info:
        planeval.parse_target("5").canonical("fr")
    assert info.value.code == "usage"
    with pytest.raises(planeval.UsageError):
        json_plan.indicator("gdp_growth").name("de")


def test_version():
    assert planeval.__version__.count(".") == 2
