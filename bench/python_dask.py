#!/usr/bin/python3
"""Plan.evaluate_frame on one pandas DataFrame beside Dask map_partitions of the same rows, in
one run (examples/python/dask_partitions.py shows the recipe).

The plan is bench/python_batch.py's: numeric targets of the four kinds in turn (bench_util).
The long frame has --units units × --indicators × --months monthly periods, in unit order. The
Dask side is measured two ways:

- partitioned by unit already (each partition whole units, as Parquet files per province would
  be), `map_partitions(evaluate_frame)` on the local thread pool, on local processes (the plan
  and the partitions pickled to them) and synchronously;
- split by row position and shuffled on `unit` first (what a frame cut anywhere needs when the
  plan has growth targets), the shuffle included in the time.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_dask.py [--units 5000] [--partitions 2 8]

Wall time, best of --repeat; every Dask result is checked equal to the pandas one. The last line
gives the process's peak resident memory.
"""
import argparse
import os
import resource
import sys
import tempfile

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_util  # noqa: E402
import planeval  # noqa: E402


def make_frame(n_units, n_ind, months, rng):
    r = bench_util.rules(n_ind)
    ids = np.array([x[0] for x in r])
    centre = np.array([x[2] if x[1] != "between" else (x[3] + x[4]) / 2 for x in r])
    periods = np.array([f"{2024 + k // 12}-{k % 12 + 1:02d}" for k in range(months)])
    n = n_units * n_ind * months
    return pd.DataFrame({
        "unit": np.repeat(np.array([f"u{k:05d}" for k in range(n_units)], dtype=object),
                          n_ind * months),
        "indicator": np.tile(np.repeat(ids.astype(object), months), n_units),
        "period": np.tile(periods.astype(object), n_units * n_ind),
        "value": np.round(np.tile(np.repeat(centre, months), n_units) + rng.normal(0, 6, n), 1),
    })


def by_unit_partitions(frame, parts, rows_per_unit):
    """A Dask DataFrame of `parts` partitions, each holding whole units (cut at unit edges)."""
    units = len(frame) // rows_per_unit
    edges = [round(units * k / parts) * rows_per_unit for k in range(parts + 1)]
    pieces = [frame.iloc[a:b] for a, b in zip(edges, edges[1:])]
    return dd.from_delayed([dask.delayed(p) for p in pieces], meta=frame.head(0),
                           divisions=[e for e in edges[:-1]] + [edges[-1] - 1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--partitions", type=int, nargs="+", default=[2, 8, 32])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-shuffle", action="store_true", help="skip the shuffled variant")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "plan.json")
        bench_util.write_plan(path, args.indicators)
        plan = planeval.Plan.load(path)
    frame = make_frame(args.units, args.indicators, args.months, np.random.default_rng(20261204))
    n = len(frame)
    rows_per_unit = args.indicators * args.months

    def evaluate(part):
        return plan.evaluate_frame(part, threads=1)

    meta = evaluate(frame.head(1)).iloc[:0]

    print(f"# planeval {planeval.__version__}, pandas {pd.__version__}, dask {dask.__version__}; "
          f"{os.cpu_count()} CPUs; best of {args.repeat}, wall time")
    print(f"{n:,} rows = {args.units:,} units × {args.indicators} indicators × "
          f"{args.months} months")
    print(f"{'way':<44} {'time':>9} {'M rows/s':>9}")

    def row(name, seconds):
        print(f"{name:<44} {seconds * 1e3:7.0f} ms {n / seconds / 1e6:9.2f}", flush=True)

    t, whole = bench_util.best(lambda: plan.evaluate_frame(frame), args.repeat)
    row(f"pandas: evaluate_frame (C++ threads={os.cpu_count()})", t)
    t, one = bench_util.best(lambda: plan.evaluate_frame(frame, threads=1), args.repeat)
    row("pandas: evaluate_frame (threads=1)", t)
    assert one.equals(whole)

    for parts in args.partitions:
        ddf = by_unit_partitions(frame, parts, rows_per_unit)
        lazy = ddf.map_partitions(evaluate, meta=meta)
        for scheduler, workers in (("threads", args.workers), ("processes", args.workers),
                                   ("synchronous", 1)):
            t, out = bench_util.best(
                lambda: lazy.compute(scheduler=scheduler, num_workers=workers), args.repeat)
            assert out.equals(whole), (parts, scheduler)
            label = "synchronous" if workers == 1 else f"{workers} {scheduler}"
            row(f"dask: {parts} partitions by unit, {label}", t)
        if not args.no_shuffle:
            cut = dd.from_pandas(frame, npartitions=parts)
            lazy = cut.shuffle("unit", npartitions=parts, shuffle="tasks").map_partitions(
                evaluate, meta=meta)
            t, out = bench_util.best(
                lambda: lazy.compute(scheduler="threads", num_workers=args.workers).sort_index(),
                args.repeat)
            assert out.equals(whole), (parts, "shuffle")
            row(f"dask: {parts} partitions, shuffle + {args.workers} threads", t)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
