#!/usr/bin/env bash
# Renames planeval's abbreviated public members to full names (issue 14, item 8): run at the root
# of a checkout (`tools/dev/rename_members.sh`; a one-off migration, validated on 6af93c0, not yet applied), then build: the compiler finds anything left. Idempotent (a
# second run changes nothing) and safe on a tree others have changed: it works on the code of
# every tracked C/C++ file (comments and string literals untouched) with precise patterns, and on
# the ```cpp blocks of README.md and docs/*.md.
set -euo pipefail
[ -f include/planeval/core/indicator.hpp ] || { echo "run at the root of a planeval checkout" >&2; exit 2; }
python3 - "$@" <<'PYTHON'
#!/usr/bin/env python3
"""Renames planeval's abbreviated public members to full names (issue 14, item 8).

Run at the root of a checkout (rename.sh does). Idempotent: a second run changes nothing.

What it does, on the code of every tracked C/C++ file (comments and string literals untouched):
 1. every data member declared in a struct/class body whose name is an abbreviation below is
    renamed (`unit u;` -> `planeval::unit unit;`); inside that struct's body (and the
    out-of-line definitions of its member functions) bare uses of the new name that meant the
    type are qualified (`planeval::unit`) and bare uses of the old member name are renamed;
 2. member access `.u` / `->u` (not a call) and `S::u` for a renamed struct S become `.unit` …;
 3. the same access renames in the ```cpp blocks of README.md and docs/*.md.
"""
import os
import re
import subprocess
import sys

# old member name -> full name (a member named like its type is declared `planeval::type name`)
NAMES = {
    "u": "unit",
    "pol": "polarity",
    "attr": "attribute",
    "acc": "accumulation",
    "oper": "operation",
    "meas": "measure",
    "qual": "qualifier",
    "per": "period",
    "st": "status",
    "r": "rule",
    "norm": "normalisation",
    "agg": "aggregation",
}
# members whose abbreviation means something else, by (old name, type): the JSON plan reader's
# object views keep `r` for the reader they belong to
BY_TYPE = {("r", "reader"): "owner", ("r", "json_reader"): "owner"}
# new names that are also types of namespace planeval (qualified where a member hides them)
TYPES = set(NAMES.values()) - {"operation"}
OLD = "|".join(sorted(NAMES, key=len, reverse=True))
CXX_EXT = (".cpp", ".hpp", ".h", ".c", ".cc", ".ipp", ".inl")


def mask(text):
    """Copy of text with comments and string/char literal contents replaced by spaces."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                out[k] = " "
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif c == "R" and i + 1 < n and text[i + 1] == '"' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_") or text[i-1] in "uU8L"):
            m = re.match(r'R"([^()\\ ]{0,16})\(', text[i:])
            if not m:
                i += 1
                continue
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            for k in range(i + 1, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                i += 1  # digit separator 1'000
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            for k in range(i + 1, min(j, n)):
                out[k] = " "
            i = j + 1
        else:
            i += 1
    return "".join(out)


def matching(m, start):
    """Index of the brace matching the '{' at start in masked text m."""
    depth = 0
    for k in range(start, len(m)):
        if m[k] == "{":
            depth += 1
        elif m[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    return len(m) - 1


HEADER = re.compile(r"(?:^|[\s;{}>])(?:struct|class)\s+(?:alignas\([^)]*\)\s*)?(\w+)\s*(?:final\s*)?(?::[^;{}]*)?$")
DECL = re.compile(
    r"^\s*(?:(?:public|private|protected)\s*:\s*)*(?:(?:static|const|mutable|inline|constexpr)\s+)*"
    r"(?P<type>(?:::)?[A-Za-z_][\w:]*(?:\s*<[^;{}()]*>)?(?:\s*::\s*\w+)*)(?:\s*[*&])?\s+"
    r"(?P<name>" + OLD + r")\s*(?:=[^;]*|\{[^;]*\})?\s*$", re.S)


def structs(m):
    """(name, open, close) of every struct/class body in masked text m."""
    found = []
    for k, ch in enumerate(m):
        if ch != "{":
            continue
        j = k - 1
        while j >= 0 and m[j] not in ";{}":
            j -= 1
        head = m[j + 1:k]
        if re.search(r"\benum\b", head):
            continue
        h = HEADER.search(" " + head.rstrip())
        if h:
            found.append((h.group(1), k, matching(m, k)))
    return found


class Edits:
    def __init__(self, text):
        self.text, self.m, self.ed = text, mask(text), {}

    def put(self, a, b, new):
        self.ed[(a, b)] = new

    def apply(self):
        t = self.text
        for (a, b) in sorted(self.ed, reverse=True):
            t = t[:a] + self.ed[(a, b)] + t[b:]
        return t


def region_transform(e, a, b, renames):
    """In masked range [a, b): qualify bare new names (types), rename bare old names."""
    m = e.m
    for old, new in renames.items():
        if new not in TYPES:
            continue
        for x in re.finditer(r"(?<![\w.:>])(?<!->)\b" + new + r"\b", m[a:b]):
            s = a + x.start()
            prev = m[:s].rstrip()
            if prev.endswith(("::", ".", "->")):
                continue
            e.put(s, s + len(new), "planeval::" + new)
    for old, new in renames.items():
        for x in re.finditer(r"\b" + old + r"\b", m[a:b]):
            s = a + x.start()
            prev = m[:s].rstrip()
            if prev.endswith(("::", ".", "->")):
                continue
            e.put(s, s + len(old), new)


def new_name(old, type_):
    """The full name of member `old` declared with `type_`."""
    base = re.sub(r"<.*", "", type_).split("::")[-1].strip()
    return BY_TYPE.get((old, base), NAMES[old])


def collect(files):
    """struct name -> {old: new} for every struct declaring an abbreviated member."""
    found = {}
    for path in files:
        m = mask(open(path, encoding="utf-8").read())
        for name, o, c in structs(m):
            for s, t in statements_flat(m, o, c):
                d = DECL.match(m[s:t])
                if d and "(" not in m[s:t].split("=")[0]:
                    old = d.group("name")
                    found.setdefault(name, {})[old] = new_name(old, d.group("type"))
    return found


def statements_flat(m, o, c):
    """Statements at depth 0 of a struct body (nested braces and parens skipped)."""
    out, depth, start = [], 0, o + 1
    k = o + 1
    while k < c:
        ch = m[k]
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
            if depth == 0 and ch == "}":
                # end of a function body or nested type: `{ … }` not followed by ';' or ','
                rest = m[k + 1:c].lstrip()
                head = m[start:k]
                if not rest.startswith((";", ",")) and "(" in head.split("{")[0]:
                    start = k + 1
        elif depth == 0 and ch == ";":
            out.append((start, k))
            start = k + 1
        elif depth == 0 and ch == ":" and re.search(r"\b(public|private|protected)\s*$", m[start:k]):
            start = k + 1
        k += 1
    return out


def transform(text, table):
    e = Edits(text)
    m = e.m
    # 1. struct bodies with abbreviated members
    all_structs = structs(m)
    for name, o, c in all_structs:
        renames = {}
        for s, t in statements_flat(m, o, c):
            d = DECL.match(m[s:t])
            if d and "(" not in m[s:t].split("=")[0]:
                old = d.group("name")
                renames[old] = new_name(old, d.group("type"))
        if renames:
            # nested struct bodies keep their own names: transform the gaps only
            inner = [(o2, c2) for (n2, o2, c2) in all_structs if o < o2 and c2 < c]
            pos = o + 1
            for (o2, c2) in sorted(inner):
                if o2 < pos:
                    continue
                region_transform(e, pos, o2, renames)
                pos = c2 + 1
            region_transform(e, pos, c, renames)
    # out-of-line member function definitions of renamed structs
    for name, renames in table.items():
        for x in re.finditer(r"(?<![\w:])" + name + r"\s*::\s*~?\w+\s*\(", m):
            p = x.end() - 1
            depth = 0
            k = p
            while k < len(m):
                if m[k] == "(":
                    depth += 1
                elif m[k] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            j = k + 1
            while j < len(m) and m[j] not in "{;":
                j += 1
            if j >= len(m) or m[j] == ";":
                continue
            line = m.rfind("\n", 0, x.start()) + 1
            if not re.fullmatch(r"[\w:<>,&*\s]*", m[line:x.start()]) or re.search(r"\breturn\b", m[line:x.start()]):
                continue
            if not re.fullmatch(r"(?:\s|const|noexcept|override|final|->\s*[\w:<>&*]+)*", m[k + 1:j]):
                continue
            # skip constructor init lists that contain braces: not used by these aggregates
            region_transform(e, x.end(), matching(m, j) + 1, renames)
    # 2. member access and qualified names
    for x in re.finditer(r"(\.|->)\s*(" + OLD + r")\b(?!\s*\()", m):
        if x.group(1) == "." and x.start() > 0 and m[x.start() - 1].isdigit():
            continue
        s = x.start(2)
        e.put(s, x.end(2), NAMES[x.group(2)])
    for name, renames in table.items():
        for x in re.finditer(r"(?<![\w])" + name + r"\s*::\s*(" + "|".join(renames) + r")\b", m):
            e.put(x.start(1), x.end(1), renames[x.group(1)])
    return e.apply()


def prose(path, text):
    """Member names quoted in comments and concept pages (only where they cannot mean anything else)."""
    if path.startswith("include/"):
        text = text.replace("depends on `oper`", "depends on `operation`")
    if path == "docs/tasks.md":
        text = text.replace("| `st` | recorded status", "| `status` | recorded status")
    return text


def markdown(text):
    def block(b):
        code = b.group(2)
        code = re.sub(r"(\.|->)(" + OLD + r")\b(?!\s*\()", lambda x: x.group(1) + NAMES[x.group(2)], code)
        return b.group(1) + code + b.group(3)
    return re.sub(r"(```(?:cpp|c\+\+)\n)(.*?)(```)", block, text, flags=re.S)


def main():
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    cxx = [f for f in files if f.endswith(CXX_EXT) and os.path.isfile(f)]
    table = collect(cxx)
    for name, r in sorted(table.items()):
        print("renaming in %s: %s" % (name, ", ".join("%s -> %s" % kv for kv in sorted(r.items()))))
    changed = 0
    for path in cxx:
        text = open(path, encoding="utf-8").read()
        new = prose(path, transform(text, table))
        if new != text:
            open(path, "w", encoding="utf-8").write(new)
            changed += 1
    for path in [f for f in files if f.endswith(".md") and (f == "README.md" or f.startswith("docs/"))]:
        text = open(path, encoding="utf-8").read()
        new = prose(path, markdown(text))
        if new != text:
            open(path, "w", encoding="utf-8").write(new)
            changed += 1
    print("%d files changed" % changed)


if __name__ == "__main__":
    sys.exit(main())
PYTHON
