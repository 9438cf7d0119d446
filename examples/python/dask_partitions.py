"""Evaluate a long frame of many units with Dask: Plan.evaluate_frame once per partition.

Usage: python3 dask_partitions.py PLAN_FILE [UNITS]

Builds a deterministic long frame (unit, indicator, period, value) of UNITS units (300 by
default) × the plan's indicators with a numeric target × the 12 months of the plan's first year,
and each unit's reference values for the targets that name one. It makes a Dask DataFrame of it,
split by row position as a file or a cluster would give it, shuffles it on `unit` so that every
unit lies in one partition, runs `evaluate_frame` on each partition with `map_partitions`, and
computes the result on Dask's local thread pool. It prints the statuses counted, and checks that
the result equals one `plan.evaluate_frame` of the whole pandas frame.

Why whole units: a target on growth (`增长6%`) is judged on the change from the unit's previous
period, which `evaluate_frame` looks up among the rows it is given. A unit split across two
partitions would lose the months before the cut. Every other rule judges one row alone, so for
a plan without growth targets any split gives the same result; the shuffle makes it safe for
every plan. Data already partitioned by unit (Parquet files per province) needs no shuffle.

The C++ kernels release the GIL, so the thread scheduler evaluates partitions side by side; each
partition is evaluated on one C++ thread (`threads=1`) so that Dask's workers do not each start
one thread per core. Plans pickle, so the same function runs on the process scheduler or a
distributed cluster. See docs/performance.md for when Dask is worth it.
"""

import sys

import dask.dataframe as dd
import numpy as np
import pandas as pd

import planeval

COMPARISONS = ("reach", "about", "at_least", "at_most", "between")
PARTITIONS = 8


def numeric_indicators(plan):
    """(indicator, rule) for each indicator whose first target is a comparison with a number."""
    out = []
    for ind in plan.indicators:
        if ind.targets and ind.targets[0].rule.op in COMPARISONS:
            out.append((ind, ind.targets[0].rule))
    return out


def make_frames(plan, n_units, seed=20261204):
    """The long frame of values and the frame of references, deterministic for a seed."""
    rng = np.random.default_rng(seed)
    year = plan.period.split("/")[0]
    periods = [f"{year}-{m:02d}" for m in range(1, 13)]
    units = [f"county{k:04d}" for k in range(n_units)]
    rows, refs = [], []
    for ind, rule in numeric_indicators(plan):
        if rule.reference:
            # each unit its own reference value (a percentage, or a level of about 100)
            scale = (2.0, 8.0) if ind.unit == "%" else (50.0, 150.0)
            centre = np.round(rng.uniform(*scale, n_units), 1)
            refs.append(pd.DataFrame({"unit": units, "indicator": ind.id, "value": centre}))
        elif rule.op == "between":
            centre = np.full(n_units, (rule.low + rule.high) / 2)
        else:
            centre = np.full(n_units, rule.value)
        # values spread by 10% around the threshold; 3% missing
        values = np.round(np.repeat(centre, 12) * (1 + rng.normal(0, 0.1, n_units * 12)), 2)
        values[rng.random(n_units * 12) < 0.03] = np.nan
        rows.append(pd.DataFrame({"unit": np.repeat(units, 12), "indicator": ind.id,
                                  "period": np.tile(periods, n_units), "value": values}))
    frame = pd.concat(rows).sort_values(["unit", "indicator", "period"], kind="stable")
    return frame.reset_index(drop=True), pd.concat(refs, ignore_index=True)


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: dask_partitions.py PLAN_FILE [UNITS]", file=sys.stderr)
        return 2
    try:
        plan = planeval.Plan.load(sys.argv[1])
    except planeval.Error as e:
        print(e, file=sys.stderr)
        return 2
    n_units = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    frame, references = make_frames(plan, n_units)

    # 1. A Dask DataFrame split by row position (a cut may fall inside a unit), then shuffled
    #    on unit: every unit's rows in one partition, the original index kept.
    ddf = dd.from_pandas(frame, npartitions=PARTITIONS)
    by_unit = ddf.shuffle("unit", npartitions=PARTITIONS, shuffle="tasks")

    # 2. evaluate_frame on each partition; meta: the columns and dtypes it returns (status is a
    #    categorical of the status names), taken from the result of one row.
    def evaluate(part):
        return plan.evaluate_frame(part, references=references, threads=1)

    meta = evaluate(frame.head(1)).iloc[:0]
    lazy = by_unit.map_partitions(evaluate, meta=meta)

    # 3. Dask's local thread pool, two workers.
    result = lazy.compute(scheduler="threads", num_workers=2).sort_index()
    def units_of(d):
        return d.map_partitions(lambda p: p[["unit"]].drop_duplicates()).compute(
            scheduler="threads", num_workers=2)["unit"]

    cut, split = units_of(ddf), units_of(by_unit)

    print(f"plan {plan.id}: {len(numeric_indicators(plan))} indicators with a numeric target")
    print(f"{frame['unit'].nunique()} units × 12 months: {len(frame):,} rows, "
          f"{len(references):,} reference values")
    print(f"dask: {ddf.npartitions} partitions by position, {int(cut.duplicated().sum())} units "
          f"cut in two; shuffled on unit: {by_unit.npartitions} partitions, "
          f"every unit in one: {'yes' if split.is_unique else 'no'}")
    print("statuses:")
    counts = result["status"].value_counts()
    for name in sorted(counts.index[counts > 0]):
        print(f"  {name:<15} {counts[name]:>7,}")
    gaps = result["gap"].notna()
    print(f"gaps: {int(gaps.sum()):,} rows, mean {result['gap'][gaps].mean():.4f}")

    # 4. The same as one evaluate_frame on the whole pandas frame, row for row.
    whole = plan.evaluate_frame(frame, references=references)
    same = result.equals(whole)
    print(f"equal to one evaluate_frame on the whole frame: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
