"""Precision, recall and F1 of extraction against gold annotations.

``python -m kg.evaluate [GOLD_DIR] [--seeds DIR] [--articles DIR] [--detect-dates]``

Each gold file (tests/gold/<id>.json, format in docs/DESIGN.md) names an
article: the seeds are read from ../shared/seeds, our own articles from
tests/articles. The article is ingested into a fresh in-memory store through
the whole pipeline (extraction, SHACL, quarantine) and the facts in its graph
are compared with the gold as sets of atomic facts, per type:

* leader / official: (person, state)           * title: (person, title)
* treaty: (treaty, party|signatory|date|place, value)   * replacement: (treaty, treaty)
* summit: (summit, participant|date|place, value)       * visit: (visitor, destination[, start|end])

Treaties, summits and visits are first aligned with gold ones (by name or
alias, or by year and parties; by shared participants and compatible dates; by
visitor and destination), so a fact counts once whatever IRI it has. Names are
compared after folding case, spaces and hyphens ("Kim Jong-un" = "Kim Jong Un");
titles match when one's words contain the other's ("Aide" ~ "Kremlin aide");
a destination place matches the state it is in.

By default each article is ingested with the date its gold gives (as a user
passing ``--date``); ``--detect-dates`` leaves the date to the detector.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TYPES = ("leader", "official", "title", "treaty", "replacement", "summit", "visit")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Scores:
    per_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in TYPES})
    errors: list[str] = field(default_factory=list)

    @property
    def overall(self) -> PRF:
        total = PRF()
        for v in self.per_type.values():
            total.add(v)
        return total

    def table(self) -> str:
        lines = [f"{'type':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
        for t, v in list(self.per_type.items()) + [("overall", self.overall)]:
            lines.append(f"{t:<12}{v.precision:7.3f}{v.recall:7.3f}{v.f1:7.3f}{v.tp:5d}{v.fp:5d}{v.fn:5d}")
        return "\n".join(lines)


def norm(name: str | None) -> str:
    """Fold case, accents, spaces and hyphens: the key names are compared on."""
    if not name:
        return ""
    from .reference import slugify

    return slugify(name).replace("-", "")


def _title_match(a: str, b: str) -> bool:
    stop = {"the", "of", "a", "an"}
    wa = {w for w in re.split(r"[\s\-]+", a.lower()) if w and w not in stop}
    wb = {w for w in re.split(r"[\s\-]+", b.lower()) if w and w not in stop}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _state_of_place(name: str) -> str:
    from .reference import lookup_place

    p = lookup_place(name)
    return norm(p.state) if p is not None and p.state else ""


def _dest_match(a: str, b: str) -> bool:
    return norm(a) == norm(b) or _state_of_place(a) == norm(b) or _state_of_place(b) == norm(a)


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


# --- reading the system's facts for one article ------------------------------------

def system_facts(kg: Any, article: str) -> dict[str, Any]:
    """The facts of one article's graph, with labels, as plain Python."""
    from rdflib.namespace import RDFS

    from .namespace import KG

    g = kg.graph(article)
    label = {}
    for s, o in g.subject_objects(RDFS.label):
        label[s] = str(o)

    def lab(x: Any) -> str:
        return label.get(x, str(x))

    from rdflib.namespace import SKOS

    aliases: dict[str, str] = {}
    for s, o in g.subject_objects(SKOS.altLabel):
        if s in label:
            aliases[norm(str(o))] = label[s]
    out: dict[str, Any] = {"leaders": [], "officials": [], "titles": [], "treaties": {},
                           "replacements": [], "summits": {}, "visits": {}, "aliases": aliases}
    for p, s in g.subject_objects(KG.leaderOf):
        out["leaders"].append((lab(p), lab(s)))
    for p, s in g.subject_objects(KG.officialOf):
        out["officials"].append((lab(p), lab(s)))
    for p, t in g.subject_objects(KG.title):
        out["titles"].append((lab(p), str(t)))
    from rdflib.namespace import RDF
    for t in g.subjects(RDF.type, KG.Treaty):
        out["treaties"][t] = {
            "name": lab(t), "alts": [str(x) for x in g.objects(t, KG.altLabel)] if False else [],
            "parties": {lab(x) for x in g.objects(t, KG.party)},
            "signatories": {lab(x) for x in g.objects(t, KG.signatory)},
            "dates": {str(x) for x in g.objects(t, KG.signedOn)},
            "places": {lab(x) for x in g.objects(t, KG.signedAt)},
        }
    for a, b in g.subject_objects(KG.replaces):
        out["replacements"].append((a, b))
    for s in g.subjects(RDF.type, KG.Summit):
        out["summits"][s] = {
            "participants": {lab(x) for x in g.objects(s, KG.participant)},
            "dates": {str(x) for x in g.objects(s, KG.startDate)},
            "places": {lab(x) for x in g.objects(s, KG.location)},
        }
    for v in g.subjects(RDF.type, KG.Visit):
        out["visits"][v] = {
            "visitor": {lab(x) for x in g.objects(v, KG.visitor)},
            "destination": {lab(x) for x in g.objects(v, KG.destination)},
            "start": {str(x) for x in g.objects(v, KG.startDate)},
            "end": {str(x) for x in g.objects(v, KG.endDate)},
        }
    return out


def _alias_key(alias: str) -> str:
    """A gold alias as a name prefix: "the 1994 fisheries accord" -> "fisheriesaccord"."""
    a = re.sub(r"^(?:the|a|an)\s+", "", alias.strip(), flags=re.I)
    a = re.sub(r"\b(1[6-9]\d\d|20\d\d)\b\s*", "", a)
    a = re.sub(r"^(?:new|old|revised)\s+", "", a, flags=re.I)
    return norm(a) or "\0"


def _map_gold_names(gold: dict[str, Any], aliases: dict[str, str]) -> dict[str, Any]:
    def m(name: Any) -> Any:
        if not isinstance(name, str):
            return name
        return aliases.get(norm(name), name) if norm(name) in aliases else name
    out = json.loads(json.dumps(gold))
    for x in out.get("leaders", []) + out.get("officials", []):
        x["person"] = m(x["person"])
    for t in out.get("treaties", []):
        t["signatories"] = [m(p) for p in t.get("signatories", [])]
    for su in out.get("summits", []):
        su["participants"] = [m(p) for p in su["participants"]]
    for v in out.get("visits", []):
        v["visitor"] = m(v["visitor"])
    return out


# --- scoring one article ---------------------------------------------------------------

def _score_sets(sys_set: set, gold_set: set, match: Any = None) -> PRF:
    if match is None:
        tp = len(sys_set & gold_set)
        return PRF(tp, len(sys_set) - tp, len(gold_set) - tp)
    used: set = set()
    tp = 0
    for s in sorted(sys_set, key=repr):          # sorted: the greedy matching is deterministic
        for g in sorted(gold_set, key=repr):
            if g not in used and match(s, g):
                used.add(g)
                tp += 1
                break
    return PRF(tp, len(sys_set) - tp, len(gold_set) - tp)


def score_article(sysf: dict[str, Any], gold: dict[str, Any]) -> dict[str, PRF]:
    """Score one article. Gold names that the system knows as another spelling of an
    entity (a skos:altLabel, e.g. "Choi Son Hee" for "Choe Son Hui") are mapped to it."""
    aliases = {k: norm(v) for k, v in sysf.get("aliases", {}).items()}
    gold = _map_gold_names(gold, aliases)
    res: dict[str, PRF] = {}
    res["leader"] = _score_sets({(norm(p), norm(s)) for p, s in sysf["leaders"]},
                                {(norm(x["person"]), norm(x["state"])) for x in gold.get("leaders", [])})
    res["official"] = _score_sets({(norm(p), norm(s)) for p, s in sysf["officials"]},
                                  {(norm(x["person"]), norm(x["state"])) for x in gold.get("officials", [])})
    gold_titles = {(norm(x["person"]), x["title"]) for x in gold.get("leaders", []) + gold.get("officials", [])
                   if x.get("title")}
    res["title"] = _score_sets({(norm(p), t) for p, t in sysf["titles"]}, gold_titles,
                               lambda s, g: s[0] == g[0] and _title_match(s[1], g[1]))
    # treaties: align system treaties with gold ones
    gold_treaties = {t["id"]: t for t in gold.get("treaties", [])}
    align: dict[Any, str] = {}
    for iri, st in sorted(sysf["treaties"].items(), key=lambda kv: str(kv[0])):
        best = None
        for gid, gt in gold_treaties.items():
            names = [gt.get("name")] + list(gt.get("aliases") or [])
            sname = norm(re.sub(r"\((\d{4})\)|\b(1[6-9]\d\d|20\d\d)\b", "", st["name"]))
            if any(n and (norm(re.sub(r"\b(1[6-9]\d\d|20\d\d)\b", "", n)) == sname or
                          sname.startswith(_alias_key(n)))
                   for n in names):
                best = gid
                break
            gyear = (gt.get("date") or "")[:4]
            if gyear and {norm(p) for p in gt.get("parties", [])} == {norm(p) for p in st["parties"]} \
                    and any(d[:4] == gyear for d in st["dates"]) and gt.get("parties"):
                best = gid
        if best is not None and best not in align.values():
            align[iri] = best
    def tkey(iri: Any) -> str:
        return align.get(iri, f"sys:{iri}")
    sys_t: set = set()
    for iri, st in sysf["treaties"].items():
        k = tkey(iri)
        sys_t |= {(k, "party", norm(p)) for p in st["parties"]}
        sys_t |= {(k, "signatory", norm(p)) for p in st["signatories"]}
        sys_t |= {(k, "date", d) for d in st["dates"]}
        sys_t |= {(k, "place", norm(p)) for p in st["places"]}
    gold_t: set = set()
    for gid, gt in gold_treaties.items():
        gold_t |= {(gid, "party", norm(p)) for p in gt.get("parties", [])}
        gold_t |= {(gid, "signatory", norm(p)) for p in gt.get("signatories", [])}
        if gt.get("date"):
            gold_t.add((gid, "date", gt["date"]))
        if gt.get("place"):
            gold_t.add((gid, "place", norm(gt["place"])))
    res["treaty"] = _score_sets(sys_t, gold_t)
    res["replacement"] = _score_sets({(tkey(a), tkey(b)) for a, b in sysf["replacements"]},
                                     {(r["treaty"], r["replaced"]) for r in gold.get("replacements", [])})
    # summits: align by shared participants and compatible dates
    gold_s = list(enumerate(gold.get("summits", [])))
    s_align: dict[Any, int] = {}
    pairs = []
    for iri, ss in sysf["summits"].items():
        sp = {norm(p) for p in ss["participants"]}
        for i, gs in gold_s:
            overlap = len(sp & {norm(p) for p in gs["participants"]})
            if overlap and all(_dates_agree(d, gs.get("date")) for d in ss["dates"] or [None]):
                agree = sum(1 for d in ss["dates"] if d == gs.get("date")) + sum(
                    1 for p in ss["places"] if norm(p) == norm(gs.get("place")))
                pairs.append((-overlap, -agree, str(iri), i, iri))
    for _, _, _, i, iri in sorted(pairs):   # best overlaps first: deterministic, not greedy by order
        if iri not in s_align and i not in s_align.values():
            s_align[iri] = i
    sys_s: set = set()
    for iri, ss in sysf["summits"].items():
        k = s_align.get(iri, f"sys:{iri}")
        sys_s |= {(k, "participant", norm(p)) for p in ss["participants"]}
        sys_s |= {(k, "date", d) for d in ss["dates"]}
        sys_s |= {(k, "place", norm(p)) for p in ss["places"]}
    gold_ss: set = set()
    for i, gs in gold_s:
        gold_ss |= {(i, "participant", norm(p)) for p in gs["participants"]}
        if gs.get("date"):
            gold_ss.add((i, "date", gs["date"]))
        if gs.get("place"):
            gold_ss.add((i, "place", norm(gs["place"])))
    res["summit"] = _score_sets(sys_s, gold_ss)
    # visits: (visitor, destination) pairs, then their dates
    sys_v: set = set()
    for iri, sv in sysf["visits"].items():
        for who in sv["visitor"]:
            for dest in sv["destination"]:
                sys_v.add((norm(who), dest, "", ""))
                sys_v |= {(norm(who), dest, "start", d) for d in sv["start"]}
                sys_v |= {(norm(who), dest, "end", d) for d in sv["end"]}
    gold_v: set = set()
    for gv in gold.get("visits", []):
        gold_v.add((norm(gv["visitor"]), gv["destination"], "", ""))
        if gv.get("start"):
            gold_v.add((norm(gv["visitor"]), gv["destination"], "start", gv["start"]))
        if gv.get("end"):
            gold_v.add((norm(gv["visitor"]), gv["destination"], "end", gv["end"]))
    res["visit"] = _score_sets(sys_v, gold_v, lambda s, g: s[0] == g[0] and _dest_match(s[1], g[1])
                               and s[2] == g[2] and s[3] == g[3])
    return res


# --- running ----------------------------------------------------------------------------

def evaluate(gold_files: list[Path], *, seeds: Path, articles: Path, detect_dates: bool = False,
             verbose: bool = False) -> tuple[Scores, dict[str, dict[str, PRF]]]:
    """Ingest each gold file's article into a fresh store and score it."""
    from .api import KnowledgeGraph

    total = Scores()
    per_article: dict[str, dict[str, PRF]] = {}
    kg = KnowledgeGraph(":memory:")
    for gf in sorted(gold_files):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        stem = gold["article"]
        path = next((p for d in (seeds, articles) for p in d.glob(stem + ".*") if p.is_file()), None)
        if path is None:
            total.errors.append(f"{stem}: article not found")
            continue
        date = None if detect_dates else gold.get("date")
        from .text import read_path

        doc = read_path(path)
        report = kg._ingest_document(doc, date=date, url=None)
        sysf = system_facts(kg, report.article)
        scores = score_article(sysf, gold)
        per_article[stem] = scores
        for t, v in scores.items():
            total.per_type[t].add(v)
        if verbose:
            print(f"== {stem}", file=sys.stderr)
            print(json.dumps({k: (sorted(map(str, v)) if isinstance(v, (list, set)) else
                                  {str(a): {kk: sorted(vv) if isinstance(vv, set) else vv for kk, vv in b.items()}
                                   for a, b in v.items()}) for k, v in sysf.items()},
                             indent=1, ensure_ascii=False), file=sys.stderr)
    kg.close()
    return total, per_article


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(prog="python -m kg.evaluate", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(here / "tests" / "gold"))
    ap.add_argument("--seeds", default=str(here.parent / "shared" / "seeds"))
    ap.add_argument("--articles", default=str(here / "tests" / "articles"))
    ap.add_argument("--only", choices=["seeds", "own", "all"], default="all")
    ap.add_argument("--detect-dates", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    files = sorted(Path(args.gold).glob("*.json"))
    groups = {"seeds": [f for f in files if not f.stem.startswith("gen_")],
              "own": [f for f in files if f.stem.startswith("gen_")]}
    for name, group in groups.items():
        if args.only not in (name, "all") or not group:
            continue
        scores, per_article = evaluate(group, seeds=Path(args.seeds), articles=Path(args.articles),
                                       detect_dates=args.detect_dates, verbose=args.verbose)
        print(f"# {name} ({len(group)} articles)")
        print(scores.table())
        for stem, sc in per_article.items():
            o = PRF()
            for v in sc.values():
                o.add(v)
            print(f"  {stem:<24} P {o.precision:.2f}  R {o.recall:.2f}  F1 {o.f1:.2f}")
        for e in scores.errors:
            print(f"  ! {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
