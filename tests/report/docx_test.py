#!/usr/bin/env python3
"""The Word report as Word readers see it: opened with python-docx (Debian python3-docx).

Builds the example report with the planeval CLI in Chinese (format picked by the .docx
extension) and English (--format docx), opens each with `docx.Document`, and checks the title
paragraph, the headings, the narrative, the indicator table (header, one row per indicator, the
status cell of a known binding indicator not met, shaded vermillion), the list of binding
indicators not met, the styles (SimSun for East Asian text, table borders) and the core
properties; and that a docx to standard output is refused as a usage error. Exits 77 (skipped)
only when python-docx is not installed.

usage: docx_test.py --planeval BIN --data DIR --work DIR
"""

import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report_util  # noqa: E402

try:
    import docx  # python3-docx
    from docx.oxml.ns import qn
except ImportError as e:  # pragma: no cover
    print("SKIPPED: python-docx is not installed (Debian python3-docx): %s" % e)
    sys.exit(77)

KNOWN = "energy_intensity_reduction"  # binding, not met in the example as of 2021-09-30
WORDS = {
    "zh": {"header": ["指标", "目标", "完成", "状态", "差距", "说明"], "not_met": "未完成",
           "binding": "(约束性)", "headings": ["一、总体情况", "二、指标完成情况", "三、约束性指标"],
           "language": "zh-CN"},
    "en": {"header": ["Indicator", "Target", "Actual", "Status", "Gap", "Reason"],
           "not_met": "not met", "binding": " (binding)",
           "headings": ["1. Overview", "2. Indicators", "3. Binding indicators"],
           "language": "en"},
}


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def check(path, lang, plan, failures):
    w = WORDS[lang]
    fail = lambda msg: failures.append("%s: %s" % (lang, msg))  # noqa: E731
    doc = docx.Document(path)
    paras = [p for p in doc.paragraphs if p.text.strip()]
    title = plan["title_" + lang]
    if not paras or paras[0].text != title or paras[0].style.name != "Title":
        fail("first paragraph is not the Title %r: %r" % (title, paras[0].text if paras else None))
    headings = [p.text for p in paras if p.style.name == "Heading 1"]
    if headings != w["headings"]:
        fail("headings %r, expected %r" % (headings, w["headings"]))
    body = [p.text for p in paras if p.style.name == "Body Text"]
    if not body or "25" not in body[0]:
        fail("no narrative paragraph naming the 25 indicators: %r" % body[:1])

    if len(doc.tables) != 1:
        fail("%d tables, expected 1" % len(doc.tables))
        return
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    if header != w["header"]:
        fail("table header %r, expected %r" % (header, w["header"]))
    indicators = plan["indicators"]
    if len(table.rows) != 1 + len(indicators):
        fail("table has %d rows, expected 1 + %d" % (len(table.rows), len(indicators)))
    if table.style is None or table.style.name != "Table Grid":
        fail("table style %r, expected Table Grid" % (table.style and table.style.name))
    if table._tbl.tblPr.find(qn("w:tblBorders")) is None:
        fail("the table has no borders")

    known = next(i for i in indicators if i["id"] == KNOWN)
    name = known["name_" + lang] + w["binding"]
    rows = [r for r in table.rows if r.cells[0].text == name]
    if len(rows) != 1:
        fail("no single row named %r" % name)
    else:
        cell = rows[0].cells[3]
        if w["not_met"] not in cell.text:
            fail("status cell of %s is %r, expected %r" % (KNOWN, cell.text, w["not_met"]))
        shd = cell._tc.tcPr.find(qn("w:shd"))
        if shd is None or shd.get(qn("w:fill")) != "D55E00":
            fail("status cell of %s is not shaded D55E00 (the not-met colour)" % KNOWN)
        if not rows[0].cells[4].text.startswith("-0.3"):
            fail("gap of %s is %r" % (KNOWN, rows[0].cells[4].text))

    listed = [p.text for p in paras if p.style.name == "List Number"]
    if len(listed) != 1 or not listed[0].startswith(known["name_" + lang]):
        fail("binding indicators not met: %r" % listed)

    fonts = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    if fonts is None or fonts.get(qn("w:eastAsia")) != "宋体":
        fail("East Asian font of the defaults is not 宋体")
    cp = doc.core_properties
    if cp.title != title or cp.language != w["language"] or cp.author != "planeval":
        fail("core properties: %r %r %r" % (cp.title, cp.language, cp.author))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planeval", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    with open(os.path.join(a.data, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)

    failures = []
    base = [a.planeval, "report"] + report_util.example_args(a.data)
    for lang, extra in (("zh", []), ("en", ["--format", "docx"])):
        out = os.path.join(a.work, "changning-2021.%s.docx" % lang)
        if os.path.exists(out):
            os.remove(out)
        res = run(base + ["--lang", lang] + extra + ["-o", out])
        if res.returncode != 0:
            failures.append("%s: planeval report failed (%d): %s"
                            % (lang, res.returncode, res.stderr))
            continue
        try:
            check(out, lang, plan, failures)
        except Exception as e:  # a package python-docx cannot read
            failures.append("%s: python-docx cannot read %s: %r" % (lang, out, e))

    res = run(base + ["--format", "docx", "-o", "-"])
    if res.returncode != 2 or "binary" not in res.stderr or res.stdout:
        failures.append("docx to standard output: exit %d, stderr %r, %d bytes written"
                        % (res.returncode, res.stderr, len(res.stdout)))

    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("the Word report opens with python-docx %s (zh and en): title, headings, narrative, "
          "table of %d rows, binding list, styles" % (docx.__version__, 1 + len(plan["indicators"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
