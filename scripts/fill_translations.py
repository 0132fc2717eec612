"""Fill unfinished entries of a .ts file from a JSON object {source: translation}.

Usage: .venv/bin/python scripts/fill_translations.py resources/translations/aftersales_en.ts new.json
then run scripts/update_translations.py to compile.  Lists the entries still unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(ts_path: str, json_path: str) -> None:
    table = json.loads(Path(json_path).read_text(encoding="utf-8"))
    tree = ET.parse(ts_path)
    left = []
    for m in tree.getroot().iter("message"):
        t = m.find("translation")
        if t is None or t.get("type") != "unfinished":
            continue
        source = m.findtext("source") or ""
        if source in table:
            t.text = table[source]
            del t.attrib["type"]
        else:
            left.append(source)
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for s in left:
        print("unfinished:", s)


if __name__ == "__main__":
    main(*sys.argv[1:3])
