#!/usr/bin/python3
"""Many units from a long CSV: `planeval batch` beside the pandas script an analyst would write
(read_csv, merge with a rule table, np.select, groupby), on the same file, in one run.

The plan has 25 indicators with level targets of the four numeric kinds (at least, at most, a
range, a bare number judged by polarity), the shapes of the seed plan's number targets; the long
table has UNITS units × 25 indicators × 12 months of values drawn around each target (seeded),
so that about half are met. Both sides produce the same counts by status and by unit (checked).

    /usr/bin/python3 bench/batch_cli.py --cli build/bin/planeval [--units 10000] [--repeat 3]

3 million rows are --units 10000. Wall time of the whole command (reading the file, judging,
counting, writing the JSON) against the pandas script's wall time.
"""
import argparse
import json
import os
import subprocess
import tempfile

import numpy as np
import pandas as pd

import bench_util

INDICATORS = 25
MONTHS = 12


def rules():
    return bench_util.rules(INDICATORS)


def write_plan(path):
    bench_util.write_plan(path, INDICATORS)


def write_table(path, units):
    rng = np.random.default_rng(20261203)
    rows = len(rules())
    unit = np.repeat(np.arange(units), rows * MONTHS)
    ind = np.tile(np.repeat(np.arange(rows), MONTHS), units)
    month = np.tile(np.arange(1, MONTHS + 1), units * rows)
    centre = np.array([r[2] if r[1] != "between" else (r[3] + r[4]) / 2 for r in rules()])
    value = np.round(centre[ind] + rng.normal(0, 6, unit.size), 1)
    frame = pd.DataFrame({
        "unit": np.char.add("u", unit.astype(str)),
        "indicator": np.array([r[0] for r in rules()])[ind],
        "period": np.char.add("2024-", np.char.zfill(month.astype(str), 2)),
        "value": value,
    })
    frame.to_csv(path, index=False)
    return unit.size


def pandas_counts(table):
    """The analyst's script: read, merge with the rule table, np.select, groupby."""
    df = pd.read_csv(table)
    r = pd.DataFrame(rules(), columns=["indicator", "op", "target", "low", "high", "polarity"])
    df = df.merge(r, on="indicator", how="left")
    v = df["value"].to_numpy()
    op = df["op"].to_numpy()
    target = df["target"].to_numpy()
    pol = df["polarity"].to_numpy()
    met = np.select(
        [op == "at_least", op == "at_most", op == "between",
         (op == "reach") & (pol == "higher"), (op == "reach") & (pol == "lower")],
        [v >= target, v <= target, (v >= df["low"].to_numpy()) & (v <= df["high"].to_numpy()),
         v >= target, v <= target],
        default=False)
    status = np.where(np.isnan(v), "no_data", np.where(met, "met", "not_met"))
    # planeval says `exceeded` above a range of a band indicator? No: band ranges have no
    # better end, so met and not_met are the whole story for these rules
    df["status"] = status
    by_status = df["status"].value_counts().to_dict()
    by_unit = df.groupby(["unit", "status"]).size()
    return by_status, by_unit


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the planeval executable")
    parser.add_argument("--units", type=int, default=10000, help="units (10000: 3 million rows)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure; the best is kept")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plan = os.path.join(folder, "plan.json")
        table = os.path.join(folder, "long.csv")
        write_plan(plan)
        rows = write_table(table, args.units)
        mb = os.path.getsize(table) / 1e6

        def cli():
            out = subprocess.run([args.cli, "batch", "--plan", plan, "--observations", table,
                                  "--period", "2024", "--format", "json"],
                                 check=True, capture_output=True, text=True)
            return json.loads(out.stdout)

        t_cli, result = bench_util.best(cli, args.repeat)
        t_pd, (by_status, by_unit) = bench_util.best(lambda: pandas_counts(table), args.repeat)
        assert result["observations"] == rows, result["observations"]
        mine = {k: v for k, v in result["by_status"].items()}
        assert mine == by_status, (mine, by_status)
        first = result["by_unit"]["u0"]
        assert first.get("met", 0) == by_unit.get(("u0", "met"), 0), (first, by_unit["u0"])
        print(f"# {rows:,} rows ({mb:.0f} MB), {args.units:,} units × {INDICATORS} indicators × "
              f"{MONTHS} months; best of {args.repeat}, wall time")
        print(f"{'planeval batch (CLI)':>24} {t_cli:8.3f} s   {rows / t_cli / 1e6:6.2f} M rows/s")
        print(f"{'pandas script':>24} {t_pd:8.3f} s   {rows / t_pd / 1e6:6.2f} M rows/s")
        print(f"{'ratio':>24} {t_pd / t_cli:8.1f} ×")


if __name__ == "__main__":
    main()
