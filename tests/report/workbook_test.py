#!/usr/bin/env python3
"""Workbooks as spreadsheet readers see them: opened with openpyxl (Debian python3-openpyxl).

Writes the example plan's results workbook with `planeval evaluate --format xlsx -o` and checks
the sheets, the frozen header, numbers stored as numbers, the status fills (the report's
colours) and the summary counts against `--format json`; writes the pace, trend and task
workbooks; writes the data-entry template (`planeval template`), checks its protection,
unlocked cells and flags drop-down, fills it with the example's 2021 values, and evaluates from
it: the statuses equal those from the CSV actuals; a value that does not parse is kept for review
naming its sheet and cell (exit 1). Writes a batch workbook (`planeval batch --format xlsx`) and
checks its ranking, detail rows and summary against `--format json` and `--format csv`. Exits 77 (skipped) only when openpyxl is not installed.

usage: workbook_test.py --planeval BIN --data DIR --work DIR
"""

import argparse
import csv
import json
import os
import subprocess
import sys

try:
    import openpyxl  # python3-openpyxl
except ImportError as e:  # pragma: no cover
    print("SKIPPED: openpyxl is not installed (Debian python3-openpyxl): %s" % e)
    sys.exit(77)

COLOURS = {"met": "009E73", "exceeded": "0072B2", "not_met": "D55E00"}


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planeval", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    plan = os.path.join(a.data, "plan.json")
    actuals = os.path.join(a.data, "actuals-illustrative.csv")
    failures = []
    fail = failures.append

    def planeval(*args):
        res = run([a.planeval] + list(args))
        if res.returncode not in (0, 1):
            fail("planeval %s failed (%d): %s" % (" ".join(args[:1]), res.returncode, res.stderr))
        return res

    # the results workbook
    book = os.path.join(a.work, "evaluation.xlsx")
    base = ["evaluate", "--plan", plan, "--actuals", actuals, "--period", "2021"]
    planeval(*base, "--format", "xlsx", "-o", book)
    js = json.loads(planeval(*base, "--format", "json").stdout)
    wb = openpyxl.load_workbook(book)
    if wb.sheetnames != ["评估结果", "汇总"]:
        fail("sheets %r" % wb.sheetnames)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    if header[:7] != ["指标代码", "指标名称", "时期", "目标", "完成值", "单位", "状态"]:
        fail("header %r" % header)
    if ws.freeze_panes != "A2":
        fail("frozen at %r, expected A2" % ws.freeze_panes)
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    if len(rows) != len(js["assessments"]):
        fail("%d rows, expected %d" % (len(rows), len(js["assessments"])))
    for x in js["assessments"]:
        r = rows.get(x["indicator"])
        if r is None:
            fail("no row of %s" % x["indicator"])
            continue
        if isinstance(x["actual"], (int, float)) and r[4].value != x["actual"]:
            fail("%s: actual %r, expected the number %r" % (x["indicator"], r[4].value, x["actual"]))
        if r[6].value != x["status_label"]:
            fail("%s: status %r, expected %r" % (x["indicator"], r[6].value, x["status_label"]))
        want = COLOURS.get(x["status"])
        got = r[6].fill.fgColor.rgb if r[6].fill.fill_type else None
        if want and (got or "")[-6:] != want:
            fail("%s: status fill %r, expected %s" % (x["indicator"], got, want))
    counts = {}
    for r in wb.worksheets[1].iter_rows(values_only=True):
        if r[0] and isinstance(r[1], (int, float)):
            counts[r[0]] = r[1]
    if counts.get("未完成") != js["summary"]["by_status"]["not_met"]:
        fail("summary: 未完成 %r, expected %r" % (counts.get("未完成"),
                                                   js["summary"]["by_status"]["not_met"]))

    # pace, trend and tasks
    for cmd, extra in (("pace", ["--actuals", os.path.join(a.data, "actuals-2021-ytd-illustrative.csv"),
                                 "--as-of", "2021-09-30"]),
                       ("trend", ["--actuals", os.path.join(a.data, "series-2016-2020-illustrative.csv"),
                                  "--actuals", actuals]),
                       ("tasks", ["--as-of", "2021-09-30"])):
        out = os.path.join(a.work, cmd + ".xlsx")
        planeval(cmd, "--plan", plan, *extra, "--format", "xlsx", "-o", out)
        w = openpyxl.load_workbook(out)
        if len(w.sheetnames) != 2 or w.worksheets[0].max_row < 10:
            fail("%s workbook: sheets %r, %d rows" % (cmd, w.sheetnames, w.worksheets[0].max_row))
        if cmd in ("pace", "trend"):
            # the summary counts by category and by attribute; each table's totals are the rows
            summary = [[c for c in row] for row in w.worksheets[1].iter_rows(values_only=True)]
            records = w.worksheets[0].max_row - 1
            for title in ("按类别", "按属性"):
                at = [k for k, row in enumerate(summary) if row[0] == title]
                if not at:
                    fail("%s summary: no table %s" % (cmd, title))
                k = at[0] + 2
                total = 0
                while k < len(summary) and summary[k][0] not in (None, "按属性"):
                    row = summary[k]
                    statuses = [v for v in row[2:] if isinstance(v, (int, float))]
                    if row[1] != sum(statuses):
                        fail("%s %s row %r: total %r, statuses sum %r" % (cmd, title, row[0], row[1],
                                                                          sum(statuses)))
                    total += row[1]
                    k += 1
                if total != records:
                    fail("%s %s: totals %d, records %d" % (cmd, title, total, records))

    # xlsx needs a file
    res = run([a.planeval] + base + ["--format", "xlsx"])
    if res.returncode != 2 or "-o" not in res.stderr:
        fail("xlsx without -o: exit %d, %r" % (res.returncode, res.stderr))

    # the template, filled and read back
    entry = os.path.join(a.work, "entry.xlsx")
    planeval("template", "--plan", plan, "--period", "2021", "-o", entry)
    t = openpyxl.load_workbook(entry)
    e = t.worksheets[0]
    if t.sheetnames != ["填报", "说明"] or not e.protection.sheet:
        fail("template: sheets %r, protected %r" % (t.sheetnames, e.protection.sheet))
    if [c.value for c in e[2]] != ["指标代码", "指标名称", "单位", "时期", "目标", "完成值", "标志", "备注"]:
        fail("template header %r" % [c.value for c in e[2]])
    if e["F3"].protection.locked or not e["A3"].protection.locked:
        fail("template: F3 must be unlocked and A3 locked")
    lists = [v for v in e.data_validations.dataValidation if v.type == "list"]
    if not lists or "G3" not in str(lists[0].sqref) or "E" not in (lists[0].formula1 or ""):
        fail("template: no flags drop-down on column G")
    values = {r["indicator"]: r for r in csv.DictReader(open(actuals, encoding="utf-8"))
              if r["period"] == "2021"}
    for row in range(3, e.max_row + 1):
        v = values.get(e.cell(row, 1).value)
        if v:
            e.cell(row, 6).value = v["value"]
            e.cell(row, 7).value = v["flags"] or None
            e.cell(row, 8).value = v["note"] or None
    filled = os.path.join(a.work, "filled.xlsx")
    t.save(filled)
    got = json.loads(planeval("evaluate", "--plan", plan, "--actuals", filled, "--period", "2021",
                              "--format", "json").stdout)
    key = lambda d: [(x["indicator"], x["status"], x["actual"]) for x in d["assessments"]]  # noqa: E731
    if key(got) != key(js):
        fail("the filled template evaluates differently from the CSV actuals")
    e.cell(4, 6).value = "约8.x"
    bad = os.path.join(a.work, "bad.xlsx")
    t.save(bad)
    res = run([a.planeval, "evaluate", "--plan", plan, "--actuals", bad, "--period", "2021"])
    if res.returncode != 1 or "sheet '填报' cell F4" not in res.stderr:
        fail("a bad value: exit %d, %r" % (res.returncode, res.stderr))

    # the batch workbook: three units of a long table; ranking, counts and every observation
    # against --format json and --format csv of the same run
    long_table = os.path.join(a.work, "long.csv")
    with open(long_table, "w", encoding="utf-8") as out:
        out.write("unit,indicator,period,value\n"
                  "a,budget_revenue_growth,2021,5.8\na,one_network_access_rate,2021,95以上\n"
                  "a,quality_estates_area,2021,新开工108\n"
                  "b,budget_revenue_growth,2021,4.1\nb,one_network_access_rate,2021,90\n"
                  "c,budget_revenue_growth,2021,6.1\n")
    batch = ["batch", "--plan", plan, "--observations", long_table]
    batch_book = os.path.join(a.work, "batch.xlsx")
    planeval(*batch, "--format", "xlsx", "-o", batch_book)
    bj = json.loads(planeval(*batch, "--format", "json").stdout)
    bc = list(csv.DictReader(planeval(*batch, "--format", "csv").stdout.splitlines()))
    wb = openpyxl.load_workbook(batch_book)
    if wb.sheetnames != ["排名", "按指标", "明细", "汇总"]:
        fail("batch sheets %r" % wb.sheetnames)
    else:
        ranking = [[c.value for c in r] for r in wb["排名"].iter_rows(min_row=2)]
        if [r[1] for r in ranking] != [x["unit"] for x in bj["ranking"]]:
            fail("batch ranking %r against %r" % (ranking, bj["ranking"]))
        for r, x in zip(ranking, bj["ranking"]):
            if r[3] != x["attained"] or r[4] != x["judged"] or abs(r[2] - x["share_met"]) > 1e-12:
                fail("batch ranking row %r against %r" % (r, x))
        detail = [[c.value for c in r] for r in wb["明细"].iter_rows(min_row=2)]
        labels = {"met": "完成", "not_met": "未完成"}
        if len(detail) != len(bc) or len(detail) != bj["observations"]:
            fail("batch detail: %d rows, csv %d" % (len(detail), len(bc)))
        for row, c in zip(sorted(detail, key=lambda r: (r[0], r[1])),
                          sorted(bc, key=lambda r: (r["unit"], r["indicator"]))):
            if row[0] != c["unit"] or row[1] != c["indicator"] or str(row[2]) != c["period"]:
                fail("batch detail row %r against %r" % (row, c))
            if c["status"] in labels and row[4] != labels[c["status"]]:
                fail("batch detail status %r against %r" % (row, c))
            if c["gap"] and (not isinstance(row[5], float) and not isinstance(row[5], int)):
                fail("batch gap not a number: %r" % (row,))
        number = [r for r in detail if r[0] == "b" and r[1] == "one_network_access_rate"][0]
        if number[3] != 90 or number[5] != -5:
            fail("batch: the value and gap as numbers %r" % (number,))
        text = [r for r in detail if r[1] == "quality_estates_area"][0]
        if text[3] != "新开工108":
            fail("batch: a text value as written %r" % (text,))
        fill = wb["明细"].cell(2, 5).fill.fgColor.rgb or ""
        status = wb["明细"].cell(2, 5).value
        want = {"完成": COLOURS["met"], "未完成": COLOURS["not_met"]}.get(status)
        if want and not fill.endswith(want):
            fail("batch status fill %r for %r" % (fill, status))
        counts = {r[0].value: r[1].value for r in wb["汇总"].iter_rows(min_row=2) if r[0].value}
        if counts.get("观测值") != bj["observations"] or counts.get("完成") != bj["by_status"].get(
                "met", 0):
            fail("batch summary %r against %r" % (counts, bj["by_status"]))

    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("workbooks open with openpyxl %s: results (%d rows, fills, numbers), pace, trend, "
          "tasks; the template round-trips into the same evaluation" % (openpyxl.__version__,
                                                                       len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
