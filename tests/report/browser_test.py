#!/usr/bin/env python3
"""Opens the HTML report of the example plan in headless Chromium (one run, both checks).

1. `--dump-dom`: the DOM the browser built has every indicator row of the plan with its bullet
   chart, the status overview chart, the pace chart and the task timeline, exactly as many
   sparklines, pace bars and task bars as the file holds, and no script.
2. `--screenshot`: the PNG (decoded here with zlib) has the window's size, is not blank (many
   colours, a good share of non-white pixels) and shows the palette's green (met) and vermillion
   (not met) where the status chart draws them.

Where Chromium is missing or cannot start, the test prints SKIPPED and exits 77 (CTest's
SKIP_RETURN_CODE): it never passes silently. Every Chromium process started here is ended
before the test returns (found by the test's own profile folder).

usage: browser_test.py --planeval BIN --data DIR --work DIR [--chromium PATH]
"""

import argparse
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report_util  # noqa: E402

SKIP = 77
WINDOW = (900, 700)
GREEN = (0x00, 0x9E, 0x73)
VERMILLION = (0xD5, 0x5E, 0x00)


class Skip(Exception):
    pass


def find_chromium(given):
    for name in ([given] if given else []) + [os.environ.get("CHROMIUM", ""), "chromium",
                                                "chromium-browser", "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def leftover_pids(marker):
    """Pids of processes whose command line names our profile folder."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                if marker.encode() in f.read():
                    pids.append(int(entry))
        except OSError:
            pass
    return pids


def end_leftovers(marker):
    """Ends the Chromium processes this test started (by pid), and says whether any was left."""
    pids = leftover_pids(marker)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.time() + 3
        while time.time() < deadline and leftover_pids(marker):
            time.sleep(0.05)
        pids = leftover_pids(marker)
        if not pids:
            break
    return pids


def run_chromium(chromium, profile, extra, url, timeout=60):
    """Runs one headless Chromium; returns (returncode, stdout bytes, stderr text)."""
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-extensions", "--disable-breakpad",
           "--disable-crash-reporter", "--mute-audio", "--hide-scrollbars",
           "--force-device-scale-factor=1", "--user-data-dir=" + profile] + extra + [url]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        end_leftovers(profile)
        return None, b"", "timed out after %d s" % timeout
    # the browser's helpers share its process group
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    return proc.returncode, out, err.decode("utf-8", "replace")


def decode_png(data):
    """Width, height, channels and the unfiltered pixel rows of an 8-bit RGB/RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos = 8
    idat = b""
    width = height = channels = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                raise ValueError("unexpected PNG format (depth %d, colour type %d)" % (depth, colour))
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif f == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif f == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif f != 0:
            raise ValueError("bad PNG filter %d" % f)
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def check_dom(dom, expected_ids, source):
    failures = []
    tree = report_util.parse(dom)
    src = report_util.parse(source)
    rows = report_util.find_all(tree, "article", "indicator-row")
    got_ids = [r.attrs.get("data-indicator") for r in rows]
    if got_ids != expected_ids:
        failures.append("indicator rows %r, expected the plan's %d indicators %r"
                        % (got_ids, len(expected_ids), expected_ids))
    for r in rows:
        ind = r.attrs.get("data-indicator")
        if not [e for e in r.walk() if e.tag == "svg" and "bullet" in e.classes()]:
            failures.append("row %s has no bullet chart" % ind)
        if not r.attrs.get("data-status"):
            failures.append("row %s has no status" % ind)
    if len(report_util.find_all(tree, "svg", "bullet")) != len(expected_ids):
        failures.append("expected %d bullet charts" % len(expected_ids))
    chart = report_util.find_all(tree, "svg", id="status-chart")
    if not chart:
        failures.append("no status overview chart (svg#status-chart)")
    elif len([e for e in chart[0].walk() if "bar" in e.classes()]) != 9:
        failures.append("the status chart does not have one bar per status (9)")
    for fid, cls in (("pace-chart", "pace-bar"), ("task-timeline", "task-bar")):
        fig = report_util.find_all(tree, "figure", id=fid)
        if not fig:
            failures.append("no #%s" % fid)
            continue
        n = len([e for e in fig[0].walk() if e.tag == "svg" and cls in e.classes()])
        want = len(report_util.find_all(src, "svg", cls))
        if n == 0 or n != want:
            failures.append("#%s has %d svg.%s, the file %d" % (fid, n, cls, want))
    for cls in ("sparkline",):
        n = len(report_util.find_all(tree, "svg", cls))
        want = len(report_util.find_all(src, "svg", cls))
        if n == 0 or n != want:
            failures.append("%d svg.%s in the DOM, %d in the file" % (n, cls, want))
    if report_util.find_all(tree, "script"):
        failures.append("the DOM has a script")
    return failures


def check_png(png):
    failures = []
    width, height, channels, rows = decode_png(png)
    if (width, height) != WINDOW:
        failures.append("screenshot is %dx%d, expected %dx%d" % (width, height) + WINDOW)
    colours = set()
    ink = 0
    for line in rows:
        for i in range(0, len(line), channels):
            px = line[i:i + 3]
            colours.add(px)
            if px != b"\xff\xff\xff":
                ink += 1
    share = ink / float(width * height)
    if len(colours) < 16:
        failures.append("the screenshot has only %d colours: blank?" % len(colours))
    if share < 0.03:
        failures.append("only %.1f%% of the screenshot is not white: blank?" % (100 * share))
    for name, rgb in (("green", GREEN), ("vermillion", VERMILLION)):
        if bytes(rgb) not in colours:
            failures.append("the palette's %s #%02X%02X%02X is not drawn" % ((name,) + rgb))
    return failures, len(colours), share


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planeval", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--chromium")
    a = ap.parse_args()
    started = time.time()

    chromium = find_chromium(a.chromium)
    if not chromium:
        print("SKIPPED: chromium is not installed (./build.sh test installs the Debian package)")
        return SKIP

    os.makedirs(a.work, exist_ok=True)
    report = os.path.join(a.work, "changning-2021.zh.html")
    source = report_util.make_report(a.planeval, a.data, "zh", report)
    url = "file://" + os.path.abspath(report)
    failures = []
    profile = tempfile.mkdtemp(prefix="planeval-chromium-")
    try:
        shot = os.path.join(a.work, "changning-2021.zh.png")
        if os.path.exists(shot):
            os.remove(shot)
        # one run: the DOM on standard output and the screenshot in a file
        rc, out, err = run_chromium(
            chromium, profile,
            ["--dump-dom", "--screenshot=" + shot, "--window-size=%d,%d" % WINDOW], url)
        if rc != 0 or not out:
            # can Chromium run here at all? A trivial page tells a broken report from a browser
            # that cannot start (no display libraries, no sandbox support, …).
            prc, pout, perr = run_chromium(chromium, profile, ["--dump-dom"],
                                           "data:text/html,<p>planeval</p>")
            if prc != 0 or b"planeval" not in pout:
                print("SKIPPED: chromium cannot run here (exit %s): %s"
                      % (prc, (perr or err).strip().splitlines()[-1:] or ""))
                return SKIP
            failures.append("chromium failed on the report (exit %s): %s" % (rc, err[-500:]))
        else:
            failures += check_dom(out.decode("utf-8", "replace"),
                                  report_util.indicator_ids(a.data), source)
            if not os.path.exists(shot):
                failures.append("chromium wrote no screenshot: %s" % err[-500:])
            else:
                with open(shot, "rb") as f:
                    png = f.read()
                png_failures, ncolours, share = check_png(png)
                failures += png_failures
                print("screenshot %s: %d bytes, %d colours, %.1f%% not white"
                      % (shot, len(png), ncolours, 100 * share))
    finally:
        left = end_leftovers(profile)
        if left:
            failures.append("chromium processes still running after the test: %s" % left)
        shutil.rmtree(profile, ignore_errors=True)

    elapsed = time.time() - started
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("chromium %s: the report of the example plan has every indicator row (%d), bullet "
          "chart, the status chart, the pace chart and the task timeline; screenshot not blank "
          "(%.1f s)" % (os.path.basename(chromium), len(report_util.indicator_ids(a.data)), elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
