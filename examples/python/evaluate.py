"""Evaluate the Changning 2021 plan through the Python module.

Usage: python3 evaluate.py DATA_DIR [zh|en]
Prints one line per target (indicator, status, reason), then the summary paragraph: the same
output as examples/c/evaluate.c.
"""

import sys

import planeval


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: evaluate.py DATA_DIR [zh|en]", file=sys.stderr)
        return 2
    data = sys.argv[1]
    lang = "en" if len(sys.argv) > 2 and sys.argv[2] == "en" else "zh"
    try:
        # 1. The plan (any format: .csv table, .json, archives), its actuals and references.
        plan = planeval.Plan.load(f"{data}/indicators.csv")
        observations = planeval.load_observations(
            f"{data}/actuals-illustrative.csv", f"{data}/references-illustrative.csv", plan
        )
        # 2. Evaluate (no as-of date, every period).
        result = plan.evaluate(observations)
    except planeval.Error as e:
        print(e, file=sys.stderr)
        return 2
    # 3. One line per assessment, then 4. the summary paragraph.
    for a in result:
        print(f"{a.indicator}\t{a.status}\t{a.reason(lang)}")
    print()
    print(result.narrative(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
