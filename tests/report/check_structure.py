#!/usr/bin/env python3
"""Golden-structure test of the HTML report (not pixels).

Builds the report of the example plan in Chinese and English, checks that each is a well-formed,
self-contained page (no script, no external fetch), that both languages have the same structure,
and compares that structure — the sequence of sections, rows and charts with their ids, classes
and data attributes — with the committed golden file. PLANEVAL_UPDATE_GOLDEN=1 rewrites it (then
read the diff).

usage: check_structure.py --planeval BIN --data DIR --golden FILE --work DIR
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report_util  # noqa: E402

STRUCTURAL_TAGS = {"main", "header", "section", "article", "figure", "table", "footer", "svg"}


def structure(tree):
    lines = []
    for el in tree.root.walk():
        if el.tag == "#document":
            continue
        data = sorted((k, v) for k, v in el.attrs.items()
                      if k.startswith("data-") and k != "data-lang")
        cls = el.classes()
        if "icon" in cls:
            continue  # decorative icons next to labels
        if not (data or "id" in el.attrs or el.tag in STRUCTURAL_TAGS):
            continue
        line = el.tag
        if "id" in el.attrs:
            line += "#" + el.attrs["id"]
        for c in cls:
            line += "." + c
        for k, v in data:
            line += " [%s=%s]" % (k, v)
        lines.append(line)
    return lines


def self_contained(text, tree, lang):
    problems = []
    for el in tree.root.walk():
        if el.tag in ("script", "link", "img", "iframe", "object", "embed", "audio", "video",
                      "base", "form"):
            problems.append("<%s> element" % el.tag)
        for k, v in el.attrs.items():
            if k.startswith("on"):
                problems.append("event handler %s on <%s>" % (k, el.tag))
            if k in ("src", "srcset", "xlink:href", "action", "formaction", "background"):
                problems.append("%s on <%s>" % (k, el.tag))
            if k == "href" and not (v or "").startswith("#"):
                problems.append("external href %r" % v)
            if k == "style" and "url(" in (v or ""):
                problems.append("url() in a style attribute")
    css = "".join(tree.text_in.get("style", []))
    for m in re.finditer(r"url\(([^)]*)\)", css):
        if not m.group(1).strip().startswith("#"):
            problems.append("url(%s) in the style sheet" % m.group(1))
    if "@import" in css or "@font-face" in css:
        problems.append("@import or @font-face in the style sheet")
    if re.search(r"https?://", css):
        problems.append("a URL in the style sheet")
    if not text.startswith("<!DOCTYPE html>"):
        problems.append("no doctype")
    if '<meta charset="utf-8"/>' not in text:
        problems.append("no charset")
    if ('lang="zh-CN"' if lang == "zh" else 'lang="en"') not in text:
        problems.append("no lang attribute for %s" % lang)
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planeval", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--golden", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)

    failures = []
    shapes = {}
    for lang in ("zh", "en"):
        text = report_util.make_report(a.planeval, a.data, lang,
                                       os.path.join(a.work, "changning-2021.%s.html" % lang))
        tree = report_util.parse(text)
        failures += ["%s: %s" % (lang, e) for e in tree.errors]
        failures += ["%s: not self-contained: %s" % (lang, p)
                     for p in self_contained(text, tree, lang)]
        shapes[lang] = structure(tree)

    if shapes["zh"] != shapes["en"]:
        for k, (z, e) in enumerate(zip(shapes["zh"], shapes["en"])):
            if z != e:
                failures.append("zh and en differ at line %d: %r / %r" % (k + 1, z, e))
                break
        else:
            failures.append("zh and en differ in length: %d / %d"
                            % (len(shapes["zh"]), len(shapes["en"])))

    got = "\n".join(shapes["en"]) + "\n"
    if os.environ.get("PLANEVAL_UPDATE_GOLDEN"):
        with open(a.golden, "w", encoding="utf-8") as f:
            f.write(got)
        print("rewrote %s (%d lines)" % (a.golden, len(shapes["en"])))
    else:
        with open(a.golden, encoding="utf-8") as f:
            want = f.read()
        if got != want:
            actual = os.path.join(a.work, "structure.actual")
            with open(actual, "w", encoding="utf-8") as f:
                f.write(got)
            wl, gl = want.splitlines(), got.splitlines()
            for k in range(max(len(wl), len(gl))):
                w = wl[k] if k < len(wl) else "<end>"
                g = gl[k] if k < len(gl) else "<end>"
                if w != g:
                    failures.append("structure differs from %s at line %d:\n  golden: %s\n  actual: %s"
                                    "\n(actual written to %s; PLANEVAL_UPDATE_GOLDEN=1 rewrites)"
                                    % (a.golden, k + 1, w, g, actual))
                    break

    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("structure of %d elements matches %s (zh and en); self-contained, well-formed"
          % (len(shapes["en"]), os.path.basename(a.golden)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
