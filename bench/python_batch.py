#!/usr/bin/python3
"""Batch evaluation from Python: planeval.evaluate_batch on a (units, indicators, periods) array
beside the numpy broadcast an analyst would write, and Plan.evaluate_frame on a long DataFrame
beside the pandas version (merge with a rule table, np.select), on the same data, in one run.

The plan has 50 indicators with the four numeric target kinds of bench/batch_cli.py in turn,
binding, so that no tolerance applies and both sides judge exactly the same sets.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_batch.py [--units 2000] [--frame-units 10000]

Both sides produce the same counts (checked); wall time, best of --repeat.
"""
import argparse
import os
import tempfile

import numpy as np
import pandas as pd

import bench_util
import planeval

INDICATORS = 50


def rules(n=INDICATORS):
    return bench_util.rules(n)


def load_plan(folder, n):
    path = os.path.join(folder, "plan.json")
    bench_util.write_plan(path, n)
    return planeval.Plan.load(path)


def numpy_broadcast(values, r):
    """met (1), not met (0), missing (-1) by broadcasting each indicator's rule."""
    op = np.array([x[1] for x in r])[None, :, None]
    target = np.array([x[2] for x in r])[None, :, None]
    low = np.array([x[3] for x in r])[None, :, None]
    high = np.array([x[4] for x in r])[None, :, None]
    met = np.where(op == "between", (values >= low) & (values <= high),
                   np.where(op == "at_most", values <= target, values >= target))
    return np.where(np.isnan(values), -1, met.astype(np.int8))


def pandas_frame(frame, r):
    rt = pd.DataFrame(r, columns=["indicator", "op", "target", "low", "high", "polarity"])
    df = frame.merge(rt, on="indicator", how="left")
    v = df["value"].to_numpy()
    op = df["op"].to_numpy()
    t = df["target"].to_numpy()
    met = np.select([op == "at_least", op == "at_most", op == "between", op == "reach"],
                    [v >= t, v <= t, (v >= df["low"].to_numpy()) & (v <= df["high"].to_numpy()),
                     v >= t], default=False)
    df["status"] = np.where(np.isnan(v), "no_data", np.where(met, "met", "not_met"))
    return df


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--periods", type=int, default=100)
    parser.add_argument("--frame-units", type=int, default=5000,
                        help="units of the long DataFrame (× 50 indicators × 12 months)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(20261203)
    with tempfile.TemporaryDirectory() as folder:
        plan = load_plan(folder, INDICATORS)
    r = rules()
    ids = [x[0] for x in r]
    centre = np.array([x[2] if x[1] != "between" else (x[3] + x[4]) / 2 for x in r])
    values = np.round(centre[None, :, None] + rng.normal(0, 6, (args.units, INDICATORS,
                                                                 args.periods)), 1)
    units = [f"u{k}" for k in range(args.units)]
    periods = [f"{2000 + k // 12}-{k % 12 + 1:02d}" for k in range(args.periods)]
    t_pe, result = bench_util.best(lambda: planeval.evaluate_batch(plan, values, units, ids, periods),
                        args.repeat)
    # again into the same result: its buffers reused (the form for repeated evaluation)
    t_again, _ = bench_util.best(
        lambda: planeval.evaluate_batch(plan, values, units, ids, periods, out=result), args.repeat)
    t_np, mine = bench_util.best(lambda: numpy_broadcast(values, r), args.repeat)
    met_code = result.status_names.index("met")
    assert int((result.codes == met_code).sum()) == int((mine == 1).sum())
    cells = values.size
    print(f"# planeval {planeval.__version__}, numpy {np.__version__}, pandas {pd.__version__}; "
          f"best of {args.repeat}, wall time")
    print(f"evaluate_batch ({args.units}, {INDICATORS}, {args.periods}) = {cells:,} cells")
    print(f"{'planeval.evaluate_batch':>26} {t_pe * 1e3:9.1f} ms  {cells / t_pe / 1e6:7.1f} M/s")
    print(f"{'evaluate_batch(out=…)':>26} {t_again * 1e3:9.1f} ms  {cells / t_again / 1e6:7.1f} M/s")
    print(f"{'numpy broadcast':>26} {t_np * 1e3:9.1f} ms  {cells / t_np / 1e6:7.1f} M/s")
    print(f"{'ratio':>26} {t_np / t_pe:9.1f} ×  (out=…: {t_np / t_again:.1f} ×)")

    n = args.frame_units * INDICATORS * 12
    frame = pd.DataFrame({
        "unit": np.repeat(np.array([f"u{k}" for k in range(args.frame_units)]), INDICATORS * 12),
        "indicator": np.tile(np.repeat(np.array(ids), 12), args.frame_units),
        "period": np.tile(np.array([f"2024-{m:02d}" for m in range(1, 13)]),
                          args.frame_units * INDICATORS),
        "value": np.round(np.tile(np.repeat(centre, 12), args.frame_units) +
                          rng.normal(0, 6, n), 1),
    })
    t_fr, out = bench_util.best(lambda: plan.evaluate_frame(frame), args.repeat)
    t_pd, theirs = bench_util.best(lambda: pandas_frame(frame, r), args.repeat)
    assert (out["status"] == "met").sum() == (theirs["status"] == "met").sum()
    print(f"evaluate_frame, {n:,} rows")
    print(f"{'Plan.evaluate_frame':>26} {t_fr * 1e3:9.1f} ms  {n / t_fr / 1e6:7.1f} M rows/s")
    print(f"{'pandas merge + np.select':>26} {t_pd * 1e3:9.1f} ms  {n / t_pd / 1e6:7.1f} M rows/s")
    print(f"{'ratio':>26} {t_pd / t_fr:9.1f} ×")


if __name__ == "__main__":
    main()
