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
    import_table,
    load_observations,
    parse_target,
    project,
    trend,
)

__all__ = [
    "Assessment",
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
    "import_table",
    "load_observations",
    "parse_target",
    "project",
    "trend",
]
