"""Helpers of the report tests: build the example report with the planeval CLI, read HTML."""

import html.parser
import os
import subprocess

# HTML elements without an end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


def example_args(data):
    """The report of the example plan with all its example data (as ./build.sh demo makes it)."""
    return [
        "--plan", os.path.join(data, "plan.json"),
        "--actuals", os.path.join(data, "actuals-illustrative.csv"),
        "--actuals", os.path.join(data, "actuals-2021-ytd-illustrative.csv"),
        "--actuals", os.path.join(data, "series-2016-2020-illustrative.csv"),
        "--references", os.path.join(data, "references-illustrative.csv"),
        "--as-of", "2021-09-30",
    ]


def make_report(planeval, data, lang, out, fmt="html"):
    """Runs `planeval report` for the example plan; raises with stderr on failure."""
    cmd = [planeval, "report"] + example_args(data) + ["--lang", lang, "--format", fmt, "-o", out]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if res.returncode != 0:
        raise RuntimeError("planeval report failed (%d): %s" % (res.returncode, res.stderr))
    with open(out, encoding="utf-8") as f:
        return f.read()


def indicator_ids(data):
    """Indicator ids of the example plan table, in order."""
    ids = []
    with open(os.path.join(data, "indicators.csv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            first = line.split(",", 1)[0].strip()
            if first and first not in ids:
                ids.append(first)
    return ids


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class Tree(html.parser.HTMLParser):
    """A DOM-like tree; records nesting errors (an end tag that does not close the open
    element) so the tests can require a well-formed document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [], None)
        self.cur = self.root
        self.errors = []
        self.text_in = {}

    def handle_starttag(self, tag, attrs):
        el = Element(tag, attrs, self.cur)
        self.cur.children.append(el)
        if tag not in VOID:
            self.cur = el

    def handle_startendtag(self, tag, attrs):
        el = Element(tag, attrs, self.cur)
        self.cur.children.append(el)

    def handle_endtag(self, tag):
        if self.cur.tag != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.cur.tag))
            # recover: pop to the matching element if any
            node = self.cur
            while node is not None and node.tag != tag:
                node = node.parent
            if node is not None:
                self.cur = node.parent
            return
        self.cur = self.cur.parent

    def handle_data(self, data):
        if self.cur.tag in ("style", "script"):
            self.text_in.setdefault(self.cur.tag, []).append(data)


def parse(text):
    t = Tree()
    t.feed(text)
    t.close()
    if t.cur is not t.root:
        t.errors.append("<%s> is not closed" % t.cur.tag)
    return t


def find_all(tree, tag=None, cls=None, **attrs):
    out = []
    for el in tree.root.walk():
        if tag and el.tag != tag:
            continue
        if cls and cls not in el.classes():
            continue
        if any(el.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
            continue
        out.append(el)
    return out
