#!/usr/bin/env python3
"""Writes the hostile and broken office files of the bad-input catalogue (run from the
repository root with /usr/bin/python3; outputs are committed). Each starts from a real workbook
or document of tests/data/office and breaks one thing."""
import io
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "tests/bad_input/office_table"
GOOD_XLSX = ROOT / "tests/data/office/changning-2021.xlsx"
GOOD_DOCX = ROOT / "tests/data/office/changning-2021.docx"


def rewrite(source, target, replace=None, drop=(), add=None):
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            data = zin.read(item.filename)
            if replace and item.filename in replace:
                data = replace[item.filename](data)
            zout.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    (OUT / target).write_bytes(out.getvalue())


def main():
    good = GOOD_XLSX.read_bytes()
    # a download cut short: the central directory is gone
    (OUT / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    # a zip bomb: the sheet inflates to 80 MiB (of blanks inside the XML), past limits::max_input_bytes
    rewrite(GOOD_XLSX, "zip-bomb.xlsx", replace={
        "xl/worksheets/sheet1.xml": lambda d: d.replace(b"<sheetData>", b"<sheetData>" + b" " * (80 << 20), 1)})
    # an XML bomb: entities that expand a billion times, declared in a DOCTYPE
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
              b'</sheetData></worksheet>')
    rewrite(GOOD_XLSX, "xml-bomb.xlsx", replace={"xl/worksheets/sheet1.xml": lambda d: laughs})
    # a sheet the workbook lists but whose part is missing
    rewrite(GOOD_XLSX, "sheet-part-missing.xlsx", drop=("xl/worksheets/sheet1.xml",))
    # malformed XML in the sheet (an end tag that closes nothing)
    rewrite(GOOD_XLSX, "broken-xml.xlsx", replace={
        "xl/worksheets/sheet1.xml": lambda d: d.replace(b"</sheetData>", b"</row></sheetData>", 1)})
    # a Word document of paragraphs only
    rewrite(GOOD_DOCX, "no-table.docx", replace={
        "word/document.xml": lambda d: d[: d.index(b"<w:tbl>")] + d[d.index(b"</w:tbl>") + 8:]})
    # a password-protected workbook: Office wraps it in an OLE compound file with the streams
    # EncryptionInfo and EncryptedPackage (synthetic container: header and directory as Office
    # writes them; the payload is not real ciphertext)
    sector = 512
    header = bytearray(sector)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIII", header, 44, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    struct.pack_into("<I", header, 72, 0)
    for i in range(109):
        struct.pack_into("<I", header, 76 + 4 * i, 0 if i == 0 else 0xFFFFFFFF)
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)
    directory = bytearray(sector)
    for k, name in enumerate(["Root Entry", "EncryptionInfo", "EncryptedPackage"]):
        raw = (name + "\0").encode("utf-16-le")
        entry = bytearray(128)
        entry[0:len(raw)] = raw
        struct.pack_into("<HBB", entry, 64, len(raw), 5 if k == 0 else 2, 1)
        directory[128 * k:128 * (k + 1)] = entry
    (OUT / "encrypted.xlsx").write_bytes(bytes(header) + bytes(fat) + bytes(directory) + bytes(sector))


if __name__ == "__main__":
    main()
