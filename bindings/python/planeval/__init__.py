"""planeval: model development-plan indicators and tasks and evaluate them.

>>> import planeval
>>> plan = planeval.Plan.load("examples/data/changning-2021/plan.json")
>>> result = plan.evaluate([("budget_revenue_growth", "2021", 5.8)])
>>> result.status("budget_revenue_growth")
'met'

The classes and functions come from the compiled module ``planeval._planeval`` (C++, pybind11);
see docs/python.md.
"""

from ._planeval import (
    Assessment,
    BatchResult,
    Error,
    Evaluation,
    FileError,
    FormatError,
    ImportResult,
    Indicator,
    Location,
    ModelError,
    Observations,
    PaceReport,
    ParseError,
    Plan,
    Projection,
    Rule,
    Target,
    Task,
    TaskEvaluation,
    Trend,
    UsageError,
    __version__,
    check_plan_file,
    error_classes,
    evaluate_batch,
    import_table,
    load_observations,
    parse_target,
    project,
    trend,
)

__all__ = [
    "Assessment",
    "BatchResult",
    "Error",
    "Evaluation",
    "FileError",
    "FormatError",
    "ImportResult",
    "Indicator",
    "Location",
    "ModelError",
    "Observations",
    "PaceReport",
    "ParseError",
    "Plan",
    "Projection",
    "Rule",
    "Target",
    "Task",
    "TaskEvaluation",
    "Trend",
    "UsageError",
    "__version__",
    "check_plan_file",
    "error_classes",
    "evaluate_batch",
    "import_table",
    "load_observations",
    "parse_target",
    "project",
    "trend",
]


def _batch_to_frame(self):
    """The result as a long DataFrame: unit, indicator, period, status, gap (one row per cell)."""
    import numpy as np
    import pandas as pd

    u, i, p = self.codes.shape
    names = np.array(self.status_names, dtype=object)
    return pd.DataFrame({
        "unit": np.repeat(np.array(self.units, dtype=object), i * p),
        "indicator": np.tile(np.repeat(np.array(self.indicators, dtype=object), p), u),
        "period": np.tile(np.array(self.periods, dtype=object), u * i),
        "status": names[self.codes.reshape(-1)],
        "gap": self.gap.reshape(-1),
    })


def _evaluate_frame(self, frame, references=None, threads=0):
    """Evaluates a long DataFrame with columns unit, indicator, period and value (numbers; NaN
    for missing) by the batch kernels; returns a copy with the columns status and gap added.
    references: an optional DataFrame with unit, indicator and value (each unit's reference
    values). A repeated (unit, indicator, period) raises ModelError."""
    import numpy as np

    for column in ("unit", "indicator", "period", "value"):
        if column not in frame.columns:
            raise UsageError(f"evaluate_frame needs a column '{column}'")
    u_codes, units = frame["unit"].factorize(sort=False)
    i_codes, indicators = frame["indicator"].factorize(sort=False)
    p_codes, periods = frame["period"].astype(str).factorize(sort=True)
    shape = (len(units), len(indicators), len(periods))
    flat = (u_codes.astype(np.int64) * shape[1] + i_codes) * shape[2] + p_codes
    if len(np.unique(flat)) != len(flat):
        raise ModelError("evaluate_frame: a (unit, indicator, period) is given twice")
    values = np.full(shape, np.nan)
    values.reshape(-1)[flat] = frame["value"].to_numpy(dtype=float)
    refs = None
    if references is not None:
        refs = np.full(shape[:2], np.nan)
        unit_index = {k: n for n, k in enumerate(units)}
        indicator_index = {k: n for n, k in enumerate(indicators)}
        for unit, indicator, value in references[["unit", "indicator", "value"]].itertuples(
                index=False):
            if unit in unit_index and indicator in indicator_index:
                refs[unit_index[unit], indicator_index[indicator]] = value
    result = evaluate_batch(self, values, list(map(str, units)), list(map(str, indicators)),
                            list(periods), refs, threads)
    out = frame.copy()
    names = np.array(result.status_names, dtype=object)
    out["status"] = names[result.codes.reshape(-1)[flat]]
    out["gap"] = result.gap.reshape(-1)[flat]
    return out


BatchResult.to_frame = _batch_to_frame
Plan.evaluate_frame = _evaluate_frame
