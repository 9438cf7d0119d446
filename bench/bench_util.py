"""Shared by the Python benchmarks: timing, and the plan of numeric targets the batch benchmarks
judge (the four kinds of the seed plan's number targets in turn, binding, so that no tolerance
applies and a peer written with numpy judges exactly the same sets)."""
import json
import time


def best(fn, repeat):
    """The shortest of `repeat` runs of fn (seconds) and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def rules(n):
    """(id, op, value, low, high, polarity) for n indicators."""
    out = []
    for i in range(n):
        kind = i % 4
        value = 50.0 + i
        if kind == 0:
            out.append((f"ind{i:02d}", "at_least", value, 0.0, 0.0, "higher"))
        elif kind == 1:
            out.append((f"ind{i:02d}", "at_most", value, 0.0, 0.0, "lower"))
        elif kind == 2:
            out.append((f"ind{i:02d}", "between", 0.0, value - 5, value + 5, "band"))
        else:
            out.append((f"ind{i:02d}", "reach", value, 0.0, 0.0, "higher"))
    return out


def write_plan(path, n):
    """The JSON plan of rules(n), targets for 2024."""
    indicators = []
    for rid, op, value, low, high, pol in rules(n):
        rule = {"op": op}
        if op == "between":
            rule.update(low=low, high=high)
        else:
            rule["value"] = value
        indicators.append({"id": rid, "name_zh": rid, "unit": "%", "kind": "rate",
                           "polarity": pol, "attribute": "binding",
                           "targets": [{"period": "2024", "rule": rule}]})
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": "planeval.plan", "version": 2, "id": "bench", "title_zh": "bench",
                   "period": "2024", "indicators": indicators}, f)
