#!/usr/bin/env python3
"""Saves real published tables (tests/data/published, examples/data/changning-2021) as the
office files planning offices keep them in: .xlsx (openpyxl), .xls (xlwt) and .docx
(python-docx). Run from the repository root; the outputs are committed (tests do not need these
writers). What an office does and this script copies:
- the title row merged over the header (and the header's own merged cells spread);
- a blank (merged-away) category cell below its first row merged with it (类别 spanning rows);
- numbers stored as numbers: a plain number cell of the CSV is a numeric cell, a cell written
  `7.8%` is the fraction 0.078 formatted `0.0%` (as Excel stores a typed percentage), a number
  of four or more digits is formatted `#,##0` (thousands separators as displayed);
- everything else as text, verbatim.
The .xls copies keep texts and numbers (BIFF number formats are written but FreeXL does not read
them, see docs/formats.md)."""
import csv
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "tests" / "data" / "office"
SOURCES = {
    "changning-2021": ROOT / "examples/data/changning-2021/published.csv",
    "04-china-2021-fyp": ROOT / "tests/data/published/04-china-2021-fyp.csv",
    "08-china-2015-execution": ROOT / "tests/data/published/08-china-2015-execution.csv",
}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
PERCENT = re.compile(r"^-?\d+(\.\d+)?%$")


def rows_of(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [row for row in csv.reader(f)]


def typed(text):
    """The value and number format an office would store for a cell text."""
    if NUMBER.match(text):
        value = float(text)
        decimals = len(text.split(".")[1]) if "." in text else 0
        if value == int(value) and decimals == 0:
            value = int(value)
        if abs(value) >= 1000 and decimals == 0:
            return value, "#,##0"
        return value, "0" if decimals == 0 else "0." + "0" * decimals
    if PERCENT.match(text):
        body = text[:-1]
        decimals = len(body.split(".")[1]) if "." in body else 0
        return round(float(body) / 100, decimals + 2), "0%" if decimals == 0 else "0." + "0" * decimals + "%"
    return text, None


def layout(rows):
    """Width, the title rows (one field) and the category column's merges: (first, last) rows."""
    width = max(len(r) for r in rows)
    titles = [i for i, r in enumerate(rows) if len(r) == 1 and r[0]]
    merges = []
    header = next(i for i, r in enumerate(rows) if len(r) > 1)
    if rows[header][0] in ("类别", "类 别"):
        start = None
        for i in range(header + 1, len(rows)):
            r = rows[i]
            if len(r) < 2:
                if start is not None and i - 1 > start:
                    merges.append((start, i - 1))
                start = None
                continue
            if r[0]:
                if start is not None and i - 1 > start:
                    merges.append((start, i - 1))
                start = i
        if start is not None and len(rows) - 1 > start:
            merges.append((start, len(rows) - 1))
    return width, titles, merges


def write_xlsx(name, rows):
    width, titles, merges = layout(rows)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "主要指标"
    for i, r in enumerate(rows, start=1):
        for j, text in enumerate(r, start=1):
            if text == "":
                continue
            value, fmt = typed(text)
            c = ws.cell(row=i, column=j, value=value)
            if fmt:
                c.number_format = fmt
            if "\n" in text:
                c.alignment = Alignment(wrap_text=True)
    for t in titles:
        ws.merge_cells(start_row=t + 1, start_column=1, end_row=t + 1, end_column=width)
        ws.cell(row=t + 1, column=1).font = Font(bold=True, size=14)
        ws.cell(row=t + 1, column=1).alignment = Alignment(horizontal="center")
    for first, last in merges:
        ws.merge_cells(start_row=first + 1, start_column=1, end_row=last + 1, end_column=1)
    for j in range(1, width + 1):
        ws.column_dimensions[get_column_letter(j)].width = 18
    # a second sheet, as workbooks carry (notes or the previous year), so the table is chosen
    notes = wb.create_sheet("说明")
    notes["A1"] = "数据来源：见 tests/data/office/README.md"
    buffer = io.BytesIO()
    wb.save(buffer)
    (OUT / f"{name}.xlsx").write_bytes(shared_strings(buffer.getvalue()))


INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="inlineStr"><is><t>(.*?)</t></is></c>', re.S)


def shared_strings(package):
    """openpyxl writes texts inline; Excel and WPS keep them in xl/sharedStrings.xml: do that."""
    strings, index = [], {}

    def to_shared(m):
        text = m.group(3)
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2) or b"", index[text])

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
        for sheet in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
            parts[sheet] = INLINE.sub(to_shared, parts[sheet])
        sst = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % t for t in strings)
        parts["xl/sharedStrings.xml"] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" '
            b'uniqueCount="%d">%s</sst>' % (len(strings), len(strings), sst))
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        for name, data in parts.items():
            zout.writestr(name, data)
    return out.getvalue()


def write_xls(name, rows):
    import xlwt

    width, titles, merges = layout(rows)
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("主要指标")
    styles = {}

    def style(fmt):
        if fmt not in styles:
            styles[fmt] = xlwt.easyxf(num_format_str=fmt or "General")
        return styles[fmt]

    merged_titles = set(titles)
    merged_categories = {first: last for first, last in merges}
    for i, r in enumerate(rows):
        if i in merged_titles:
            ws.write_merge(i, i, 0, width - 1, r[0])
            continue
        for j, text in enumerate(r):
            if j == 0 and i in merged_categories:
                ws.write_merge(i, merged_categories[i], 0, 0, text)
                continue
            if text == "":
                continue
            value, fmt = typed(text)
            ws.write(i, j, value, style(fmt))
    wb.save(str(OUT / f"{name}.xls"))


def write_docx(name, rows):
    width, titles, merges = layout(rows)
    d = docx.Document()
    header = next(i for i, r in enumerate(rows) if len(r) > 1)
    for t in titles:
        if t < header:
            d.add_paragraph(rows[t][0])
    body = [r for i, r in enumerate(rows) if i >= header]
    table = d.add_table(rows=len(body), cols=width)
    table.style = "Table Grid"
    index = {i: k for k, i in enumerate(i for i in range(len(rows)) if i >= header)}
    for k, r in enumerate(body):
        if len(r) == 1:
            # a section or note row: one cell merged across the table
            cell = table.cell(k, 0).merge(table.cell(k, width - 1))
            cell.text = r[0]
            continue
        for j, text in enumerate(r):
            if text:
                table.cell(k, j).text = text
    for first, last in merges:
        top = table.cell(index[first], 0)
        text = top.text
        merged = top.merge(table.cell(index[last], 0))
        merged.text = text
    for t in titles:
        if t > header:
            pass  # note rows after the header are rows of the table above
    d.save(OUT / f"{name}.docx")


def main():
    for name, path in SOURCES.items():
        rows = rows_of(path)
        write_xlsx(name, rows)
        write_docx(name, rows)
        if "--no-xls" not in sys.argv:
            write_xls(name, rows)


if __name__ == "__main__":
    main()
