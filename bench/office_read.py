#!/usr/bin/python3
"""Reading a published plan table from an Excel workbook: planeval's .xlsx reader and importer
(planeval.import_table) beside openpyxl, the reader a Python user would otherwise take, on the
same file, in one run.

The workbook is the seed's published table (examples/data/changning-2021/published.csv) with
its 25 rows repeated (1 and 400 copies, i.e. 25 and 10,000 rows), written by openpyxl the way an
office saves one: numbers as numbers, percent cells as fractions formatted 0.0%.

    PYTHONPATH=build/python /usr/bin/python3 bench/office_read.py [--repeat N]

openpyxl is measured twice: read_only=True iterating every value (its fastest path), and the
default mode (what `pandas.read_excel` uses). planeval's figure includes recognising the header,
inferring every indicator and parsing every target text, which openpyxl does not do.
"""
import argparse
import csv
import os
import tempfile
from pathlib import Path

import openpyxl
import planeval

import bench_util

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples/data/changning-2021/published.csv"


def write_workbook(path, copies):
    rows = list(csv.reader(SEED.open(encoding="utf-8")))
    title, header, body = rows[0], rows[1], rows[2:]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "指标"
    sheet.append(title)
    sheet.append(header)
    number = 0
    for c in range(copies):
        for r in body:
            number += 1
            cells = [number, r[1] + str(c)] + r[2:]
            out = []
            for text in cells:
                if isinstance(text, int):
                    out.append(text)
                    continue
                try:
                    if text.endswith("%"):
                        out.append(float(text[:-1]) / 100)
                    else:
                        out.append(float(text))
                except ValueError:
                    out.append(text)
            sheet.append(out)
            row = sheet.max_row
            for k, text in enumerate(cells, start=1):
                if isinstance(text, str) and text.endswith("%") and isinstance(out[k - 1], float):
                    sheet.cell(row=row, column=k).number_format = "0.0%"
    book.save(path)


def openpyxl_read_only(path):
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = sum(1 for row in book.active.iter_rows(values_only=True) for _ in row)
    book.close()
    return cells


def openpyxl_default(path):
    book = openpyxl.load_workbook(path, data_only=True)
    return sum(1 for row in book.active.iter_rows(values_only=True) for _ in row)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure; the best is kept")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 400],
                        help="copies of the 25 rows (the smoke test runs 1)")
    args = parser.parse_args()
    print(f"# openpyxl {openpyxl.__version__}, planeval {planeval.__version__}, best of {args.repeat}")
    print(f"{'rows':>6} {'KB':>6} {'planeval import_table':>22} {'openpyxl read_only':>19} "
          f"{'openpyxl default':>17}")
    with tempfile.TemporaryDirectory() as folder:
        for copies in args.copies:
            path = os.path.join(folder, f"published-{copies}.xlsx")
            write_workbook(path, copies)
            rows = copies * 25
            t_pe, imported = bench_util.best(lambda: planeval.import_table(path), args.repeat)
            assert len(imported.plan.indicators) == rows, len(imported.plan.indicators)
            t_ro, _ = bench_util.best(lambda: openpyxl_read_only(path), args.repeat)
            t_df, _ = bench_util.best(lambda: openpyxl_default(path), args.repeat)
            kb = os.path.getsize(path) / 1024
            print(f"{rows:>6} {kb:>6.0f} {t_pe * 1e3:>19.1f} ms {t_ro * 1e3:>16.1f} ms "
                  f"{t_df * 1e3:>14.1f} ms")


if __name__ == "__main__":
    main()
