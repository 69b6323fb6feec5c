"""One real thing, one IRI (issue 18): on the seeds and the shared dev set, count the gold persons
and treaties split across IRIs and the IRIs that hold two different gold entities.

    python -m bench.identity --store /tmp/er-store [--build]

``--build`` ingests ../shared/seeds and every article of ../shared/eval/dev (text and HTML) into the
store, each with its gold date (as ../shared/eval/score.py does). Entities are matched to gold
with the scorer's own matching (a person by a whole label or alias, not by its last words;
imported from ../shared/eval/score.py at run time, not copied),
article by article; gold entities of different articles are the same real thing when a name of
one is a name or alias of the other (persons: names of two words or more). An IRI is counted
after kg's identity links (owl:sameAs of the identity and curation graphs): what the questions see.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import kg

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
SETS = [(SHARED / "seeds", SHARED / "eval" / "seeds-gold"),
        (SHARED / "eval" / "dev" / "articles", SHARED / "eval" / "dev" / "gold")]


def _score_module():
    spec = importlib.util.spec_from_file_location("kg_eval_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def articles() -> list[tuple[str, Path, Path]]:
    out = []
    for adir, gdir in SETS:
        for gold in sorted(gdir.glob("*.json")):
            for ext in (".txt", ".html", ".htm"):
                art = adir / (gold.stem + ext)
                if art.exists():
                    out.append((gold.stem, art, gold))
                    break
    return out


class _Cli:
    """What score.collect asks of its CLI: rows of plain values."""

    def __init__(self, g, prefixes: str):
        self.g, self.prefixes = g, prefixes

    def query(self, q: str) -> list[dict[str, str]]:
        res = self.g.query(self.prefixes + q)
        out = []
        for row in res:
            out.append({v: row[v].value for v in res.variables if row[v] is not None}
                       if hasattr(res, "variables") else {})
        return out


def build(store: str) -> dict[str, str]:
    graphs: dict[str, str] = {}
    with kg.open(store) as g:
        for stem, art, gold in articles():
            date = json.loads(gold.read_text(encoding="utf-8"))["date"]
            result = g.ingest_paths([str(art)], date=date)
            for o in result.outcomes:
                if hasattr(o, "article"):
                    graphs[stem] = o.article
                else:
                    print(f"{stem}: {o.summary()}", file=sys.stderr)
    return graphs


def count(store: str, *, verbose: bool = False) -> dict[str, int]:
    sc = _score_module()
    with kg.open(store, read_only=True) as g:
        graphs = {stem: a for stem, a in _graphs_by_source(g).items()}
        cli = _Cli(g, sc.PREFIXES)
        ex = sc.collect(cli)
        canon = _canonical(g)
        kinds = {"person": "Person", "treaty": "Treaty"}
        typed = {k: {r["e"].value for r in g.query(f"SELECT DISTINCT ?e WHERE {{ ?e a kg:{c} }}")}
                 for k, c in kinds.items()}
        in_graph = defaultdict(set)
        for r in g.query("SELECT DISTINCT ?g ?e WHERE { GRAPH ?g { ?e rdfs:label ?l } }"):
            in_graph[r["g"].value].add(r["e"].value)
    golds = {stem: sc.Gold(json.loads(gold.read_text(encoding="utf-8")), stem) for stem, _, gold in articles()}
    result = {}
    for kind in ("person", "treaty"):
        # gold clusters across articles
        ents = [(stem, e) for stem, gd in golds.items() for e in gd.ents[kind] if e.status == "gold"]
        parent = list(range(len(ents)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def keys(e):
            names = [e.name] + list((e.data or {}).get("aliases") or [])
            if kind == "person":
                return {sc.norm(n) for n in names if len(n.replace(".", " ").split()) >= 2} | {sc.norm(e.name)}
            return {sc.norm(e.name)}

        def all_keys(e):
            return {sc.norm(n) for n in [e.name] + list((e.data or {}).get("aliases") or [])}

        for i, (_, a) in enumerate(ents):
            for j in range(i):
                b = ents[j][1]
                if keys(a) & (keys(b) if kind == "person" else all_keys(b)) or \
                        (kind == "treaty" and keys(b) & all_keys(a)):
                    parent[find(i)] = find(j)
        cluster_of = {(stem, e.id): find(i) for i, (stem, e) in enumerate(ents)}
        name_of = {find(i): e.name for i, (_, e) in enumerate(ents)}
        iris_of = defaultdict(set)      # cluster -> canonical IRIs
        clusters_of = defaultdict(set)  # canonical IRI -> clusters
        for stem, graph in graphs.items():
            if stem not in golds:
                continue
            scorer = sc.ArticleScorer(golds[stem], ex, {graph}, False)
            for iri in sorted(in_graph[graph] & typed[kind]):
                found = scorer.match(kind, iri) if kind == "treaty" else \
                    [e for e in golds[stem].ents[kind] if e.keys & {sc.norm(x) for x in ex.labels_of(iri)}]
                for e in found:
                    c = cluster_of.get((stem, e.id))
                    if c is None:
                        continue
                    iris_of[c].add(canon.get(iri, iri))
                    clusters_of[canon.get(iri, iri)].add(c)
        split = {c: s for c, s in iris_of.items() if len(s) > 1}
        merged = {i: s for i, s in clusters_of.items() if len(s) > 1}
        result[f"{kind}s split"] = len(split)
        result[f"{kind} IRIs merging two"] = len(merged)
        result[f"{kind}s matched"] = len(iris_of)
        if verbose:
            for c, s in sorted(split.items(), key=lambda x: name_of[x[0]]):
                print(f"  split {kind} {name_of[c]!r}: {sorted(x.rsplit('/id/', 1)[-1] for x in s)}")
            for i, s in sorted(merged.items()):
                print(f"  merged {i.rsplit('/id/', 1)[-1]}: {sorted(name_of[c] for c in s)}")
    return result


def _graphs_by_source(g) -> dict[str, str]:
    out = {}
    names = {art.name: stem for stem, art, _ in articles()}
    for r in g.query("SELECT DISTINCT ?a ?s WHERE { GRAPH ?a { ?a a kg:Article . ?a ?p ?s } "
                     "FILTER(isLiteral(?s)) }"):
        v = r["s"].value
        for name, stem in names.items():
            if v.endswith(name):
                out[stem] = r["a"].value
    return out


def _canonical(g) -> dict[str, str]:
    try:
        from kg.identity import canonical_map
    except ImportError:
        return {}
    return canonical_map(g)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--build", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    if a.build:
        build(a.store)
    res = count(a.store, verbose=a.verbose)
    print(", ".join(f"{k} {v}" for k, v in res.items()))


if __name__ == "__main__":
    main()
