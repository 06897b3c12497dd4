#!/usr/bin/env python3
"""Fills the .ts files after `cmake --build BUILD --target cunxiao_app_lib_lupdate`.

Source strings are English. cunxiao_en.ts: every message translated to its
source (plurals: singular and plural forms). cunxiao_zh_CN.ts: from zh_CN.txt
(one "English<TAB>Chinese" a line). Prints the sources still missing a
Chinese text; the ctest check (tests/app/check_ts.py) fails on those."""
import os
import re
import sys
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
zh = {}
with open(os.path.join(here, "zh_CN.txt"), encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if line and "\t" in line:
            k, v = line.split("\t", 1)
            zh[k] = v


def english_plural(s, n):
    # "%n change(s)" -> "%n change" / "%n changes"
    return re.sub(r"\((s|es)\)", "" if n == 1 else r"\1", s)


def fill(path, lang):
    tree = ET.parse(path)
    missing = []
    for m in tree.iter("message"):
        src = m.find("source").text or ""
        tr = m.find("translation")
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        tr.attrib.pop("type", None)
        plural = m.get("numerus") == "yes"
        if lang == "en":
            if plural:
                for n in (1, 2):
                    e = ET.SubElement(tr, "numerusform")
                    e.text = english_plural(src, n)
            else:
                tr.text = src
        else:
            text = zh.get(src)
            if text is None:
                tr.set("type", "unfinished")
                missing.append(src)
                continue
            if plural:
                e = ET.SubElement(tr, "numerusform")
                e.text = text
            else:
                tr.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, encoding="utf-8") as f:
        body = f.read()
    body = body.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
    with open(path, "w", encoding="utf-8") as f:
        f.write(body if body.endswith("\n") else body + "\n")
    return missing


missing = fill(os.path.join(here, "cunxiao_zh_CN.ts"), "zh_CN")
fill(os.path.join(here, "cunxiao_en.ts"), "en")
for s in missing:
    print("missing zh_CN:", s)
sys.exit(1 if missing else 0)
