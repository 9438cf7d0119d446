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
    _composite_index,
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
    "IndexResult",
    "import_table",
    "index",
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


def _evaluate_frame(self, frame, references=None, threads=0, unit_targets=None):
    """Evaluates a long DataFrame with columns unit, indicator, period and value (numbers; NaN
    for missing) by the batch kernels; returns a copy with the columns status and gap added.
    references: an optional DataFrame with unit, indicator and value (each unit's reference
    values). unit_targets: each unit's own targets (a DataFrame with unit, indicator, target,
    as for evaluate_batch). A repeated (unit, indicator, period) raises ModelError.
    The result is a shallow copy of frame (its columns shared) with status, a categorical of the
    status names, and gap added."""
    import numpy as np

    for column in ("unit", "indicator", "period", "value"):
        if column not in frame.columns:
            raise UsageError(f"evaluate_frame needs a column '{column}'")
    u_codes, units = frame["unit"].factorize(sort=False)
    i_codes, indicators = frame["indicator"].factorize(sort=False)
    p_codes, periods = frame["period"].astype(str).factorize(sort=True)
    shape = (len(units), len(indicators), len(periods))
    flat = (u_codes.astype(np.int64) * shape[1] + i_codes) * shape[2] + p_codes
    cells = shape[0] * shape[1] * shape[2]
    repeated = (np.bincount(flat, minlength=cells).max() > 1 if cells <= 4 * len(flat) + 1024
                else len(np.unique(flat)) != len(flat))
    if repeated:
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
                            list(periods), unit_targets=unit_targets, references=refs,
                            threads=threads)
    import pandas as pd

    # a shallow copy: the new frame shares the input's columns and has two of its own
    out = frame.copy(deep=False)
    out["status"] = pd.Categorical.from_codes(result.codes.reshape(-1)[flat],
                                              categories=result.status_names)
    out["gap"] = result.gap.reshape(-1)[flat]
    return out


BatchResult.to_frame = _batch_to_frame
Plan.evaluate_frame = _evaluate_frame


class IndexResult:
    """A composite index (planeval.index): DataFrames of the units' scores and ranks (with the
    sensitivity ranks when replications were run), the weights, the normalised values, and the
    principal components behind PCA weights (a dict, else None)."""

    def __init__(self, scores, weights, normalised, pca):
        self.scores = scores
        self.weights = weights
        self.normalised = normalised
        self.pca = pca

    def __repr__(self):
        return "<IndexResult: %d units, %d indicators>" % self.normalised.shape


def _per_indicator(given, indicators, default, what):
    """One value per indicator from None, a scalar, a dict/Series by id or a sequence."""
    if given is None:
        return [default] * len(indicators)
    if isinstance(given, (str, int, float)):
        return [given] * len(indicators)
    if hasattr(given, "get") and hasattr(given, "keys"):
        unknown = [k for k in given.keys() if k not in indicators]
        if unknown:
            raise ModelError("%s: no indicator %r among the columns" % (what, unknown[0]))
        return [given.get(i, default) for i in indicators]
    values = list(given)
    if len(values) != len(indicators):
        raise UsageError("%s: %d values for %d indicators" % (what, len(values), len(indicators)))
    return values


def index(frame, polarity=None, weights="equal", normalisation="min_max",
          aggregation="arithmetic", missing="reweight", components=0, floor=0.0,
          goalposts=None, targets=None, replications=0, seed=1, spread=0.5,
          vary_normalisation=(), threads=1):
    """A composite index of units (OECD/JRC Handbook), as `planeval index` computes it.

    frame: a wide DataFrame, one row per unit (its index) and one numeric column per indicator
    (NaN: missing); or a long one with columns unit, indicator and value.
    polarity: 'higher' or 'lower' for all, a dict {indicator: 'lower'}, or a Plan (each
    indicator's polarity in the plan; columns it lacks are 'higher').
    weights: 'equal', 'pca', or given weights (a dict or Series by indicator, or a sequence).
    normalisation: 'min_max', 'z_score', 'goalposts' (goalposts={id: (low, high)}) or
    'distance_to_target' (targets={id: value}). aggregation: 'arithmetic' or 'geometric'
    (floor raises zeros first). missing: 'reweight' or 'fail'.
    replications > 0 runs the uncertainty analysis: weights perturbed by ±spread (and the
    normalisation drawn from vary_normalisation), seeded; its median, 5th and 95th percentile
    ranks join the scores.

    Returns an IndexResult: scores (DataFrame indexed by unit: score, rank[, median_rank,
    p05_rank, p95_rank]), weights (Series by indicator), normalised (DataFrame), pca.
    """
    import numpy as np
    import pandas as pd

    if {"unit", "indicator", "value"} <= set(frame.columns):
        frame = frame.pivot(index="unit", columns="indicator", values="value")
    units = [str(u) for u in frame.index]
    indicators = [str(c) for c in frame.columns]
    values = frame.to_numpy(dtype=float)
    if isinstance(polarity, Plan):
        known = {ind.id: ind.polarity for ind in polarity.indicators}
        polarities = [known.get(i, "higher") for i in indicators]
    else:
        polarities = _per_indicator(polarity, indicators, "higher", "polarity")
    if isinstance(weights, str):
        weighting, given = weights, [1.0] * len(indicators)
    else:
        weighting, given = "given", [float(w) for w in
                                     _per_indicator(weights, indicators, 0.0, "weights")]
    posts = _per_indicator(goalposts, indicators, (np.nan, np.nan), "goalposts")
    tgts = _per_indicator(targets, indicators, np.nan, "targets")
    name = lambda n: str(n).replace("-", "_")  # noqa: E731  (min-max as the CLI writes it)
    r = _composite_index(values, units, indicators, [str(p) for p in polarities], given,
                         [float(p[0]) for p in posts], [float(p[1]) for p in posts],
                         [float(t) for t in tgts], name(normalisation), name(weighting),
                         name(aggregation), name(missing), int(components), float(floor),
                         int(replications), int(seed), float(spread),
                         [name(n) for n in vary_normalisation], int(threads))
    scores = pd.DataFrame({"score": r["scores"], "rank": r["ranks"]},
                          index=pd.Index(units, name="unit"))
    for column in ("median_rank", "p05_rank", "p95_rank"):
        if column in r:
            scores[column] = r[column]
    weights_series = pd.Series(r["weights"], index=pd.Index(indicators, name="indicator"),
                               name="weight")
    normalised = pd.DataFrame(r["normalised"], index=pd.Index(units, name="unit"),
                              columns=pd.Index(indicators, name="indicator"))
    return IndexResult(scores, weights_series, normalised, r["pca"])
