"""kg.reference and kg/data/*.tsv: the reference data, its graph, the gazetteer and look-ups."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from importlib import resources

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import reference as ref
from kg.namespace import ID, KG, WD

QID = re.compile(r"^Q[0-9]+$")

# 193 UN members + 2 observers, by ISO 3166-1 alpha-3.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER
NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
OBSERVERS = ["VAT", "PSE"]


def _casefold(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").split()).casefold()


# ------------------------------------------------------------------------------------ files


@pytest.mark.parametrize("name,header", [
    ("states.tsv", "label\tiso2\tiso3\twikidata\tdemonyms\taliases\thistorical"),
    ("places.tsv", "label\tstate\tkind\twikidata\taliases"),
    ("people.tsv", "label\twikidata\taliases\tstate\ttitle\tfrom\tto"),
])
def test_reference_tsv_header_and_cell_count(name, header):
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == header
    width = header.count("\t") + 1
    for n, line in enumerate(lines[1:], start=2):
        if line.startswith("#") or not line.strip():
            continue
        assert line.count("\t") + 1 == width, f"{name}:{n}: {line!r}"
        assert line == line.strip(" "), f"{name}:{n}: stray spaces"


def test_reference_loaders_return_fresh_lists_of_frozen_records():
    a, b = ref.states(), ref.states()
    assert a == b and a is not b
    with pytest.raises(Exception):
        a[0].label = "x"  # type: ignore[misc]


# ------------------------------------------------------------------------------------ states


def test_reference_states_cover_un_members_and_observers():
    iso3 = {s.iso3 for s in ref.states() if not s.historical}
    missing = set(UN_MEMBERS + OBSERVERS) - iso3
    assert len(set(UN_MEMBERS)) == 193
    assert not missing, sorted(missing)


def test_reference_states_at_least_195_current_plus_historical():
    current = [s for s in ref.states() if not s.historical]
    historical = {s.label for s in ref.states() if s.historical}
    assert len(current) >= 195
    assert {"Soviet Union", "East Germany", "West Germany", "Yugoslavia", "Czechoslovakia"} <= historical


@pytest.mark.parametrize("label", ["North Korea", "South Korea", "Russia", "China", "United States",
                                   "United Kingdom", "Iran", "Syria", "Vietnam", "Laos", "Kosovo", "Taiwan",
                                   "Holy See", "Palestine"])
def test_reference_states_use_news_labels(label):
    assert label in {s.label for s in ref.states()}


def test_reference_states_labels_unique():
    counts = Counter(_casefold(s.label) for s in ref.states())
    assert [k for k, n in counts.items() if n > 1] == []


def test_reference_states_no_name_maps_to_two_states():
    owners: dict[str, set[str]] = defaultdict(set)
    for s in ref.states():
        for n in (*s.names, *s.demonyms):
            owners[_casefold(n)].add(s.label)
    clashes = {n: o for n, o in owners.items() if len(o) > 1}
    assert clashes == {}


def test_reference_states_slugs_unique():
    counts = Counter(s.slug for s in ref.states())
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("kind", ["states", "places", "people"])
def test_reference_wikidata_ids_well_formed_and_unique(kind):
    rows = getattr(ref, kind)()
    qids = [r.wikidata for r in rows if r.wikidata]
    assert all(QID.match(q) for q in qids)
    assert [q for q, n in Counter(qids).items() if n > 1] == []


@pytest.mark.parametrize("label,qid", [
    ("United States", "Q30"), ("Russia", "Q159"), ("China", "Q148"), ("North Korea", "Q423"),
    ("South Korea", "Q884"), ("Japan", "Q17"), ("Soviet Union", "Q15180"), ("United Kingdom", "Q145"),
])
def test_reference_states_known_wikidata_ids(label, qid):
    assert ref.lookup_state(label).wikidata == qid


def test_reference_states_iso_codes_well_formed_and_unique():
    iso2 = [s.iso2 for s in ref.states() if s.iso2]
    iso3 = [s.iso3 for s in ref.states() if s.iso3]
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in iso2)
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in iso3)
    assert len(iso2) == len(set(iso2)) and len(iso3) == len(set(iso3))


@pytest.mark.parametrize("state,aliases", [
    ("North Korea", ["DPRK", "Democratic People's Republic of Korea", "N. Korea"]),
    ("South Korea", ["ROK", "Republic of Korea", "S. Korea"]),
    ("China", ["PRC", "People's Republic of China"]),
    ("United States", ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"]),
    ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"]),
    ("Russia", ["Russian Federation"]),
    ("Soviet Union", ["USSR"]),
])
def test_reference_states_carry_common_aliases(state, aliases):
    s = ref.lookup_state(state)
    assert set(aliases) <= set(s.aliases)


@pytest.mark.parametrize("state,demonym", [
    ("North Korea", "North Korean"), ("South Korea", "South Korean"), ("Russia", "Russian"),
    ("China", "Chinese"), ("United States", "American"), ("United Kingdom", "British"),
    ("Soviet Union", "Soviet"),
])
def test_reference_states_carry_demonyms(state, demonym):
    assert demonym in ref.lookup_state(state).demonyms


@pytest.mark.parametrize("capital", ["Moscow", "Pyongyang", "Washington", "Beijing", "Seoul", "Kremlin"])
def test_reference_capitals_are_places_not_state_aliases(capital):
    assert ref.lookup_state(capital) is None
    assert ref.lookup_place(capital) is not None


# ------------------------------------------------------------------------------------ lookups


@pytest.mark.parametrize("name,expected", [
    ("DPRK", "North Korea"),
    ("ROK", "South Korea"),
    ("U.S.", "United States"),
    ("US", "United States"),
    ("u.s.", "United States"),
    ("North Korean", "North Korea"),
    ("north korean", "North Korea"),
    ("North Koreans", "North Korea"),
    ("Soviet", "Soviet Union"),
    ("USSR", "Soviet Union"),
    ("soviet union", "Soviet Union"),
    ("Democratic People's Republic of Korea", "North Korea"),
    ("Democratic People’s Republic of Korea", "North Korea"),
    ("the United States", "United States"),
    ("Britain", "United Kingdom"),
    ("Russian Federation", "Russia"),
    ("Türkiye", "Turkey"),
    ("the Gambia", "Gambia"),
    ("Kiev", None),
    ("us", None),
    ("Us", None),
    ("uk", None),
    ("", None),
    ("Atlantis", None),
])
def test_reference_lookup_state(name, expected):
    s = ref.lookup_state(name)
    assert (s.label if s else None) == expected


@pytest.mark.parametrize("name,expected,state", [
    ("Kiev", "Kyiv", "Ukraine"),
    ("Kyiv", "Kyiv", "Ukraine"),
    ("Vladivostok", "Vladivostok", "Russia"),
    ("Vostochny Cosmodrome", "Vostochny Cosmodrome", "Russia"),
    ("St. Petersburg", "Saint Petersburg", "Russia"),
    ("Camp David", "Camp David", "United States"),
    ("Panmunjom", "Panmunjom", None),
    ("Hanoi", "Hanoi", "Vietnam"),
    ("Primorye", "Primorsky Krai", "Russia"),
    ("the Korean Peninsula", "Korean Peninsula", None),
    ("Narnia", None, None),
])
def test_reference_lookup_place(name, expected, state):
    p = ref.lookup_place(name)
    assert (p.label if p else None) == expected
    if p:
        assert p.state == state


@pytest.mark.parametrize("name,expected", [
    ("Kim Jong-un", "Kim Jong Un"),
    ("Kim Jong Un", "Kim Jong Un"),
    ("Kim Jong-Un", "Kim Jong Un"),
    ("KIM JONG UN", "Kim Jong Un"),
    ("Kim Jong-il", "Kim Jong Il"),
    ("Vladimir Putin", "Vladimir Putin"),
    ("Zelenskyy", "Volodymyr Zelensky"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Nobody Atall", None),
])
def test_reference_lookup_person(name, expected):
    p = ref.lookup_person(name)
    assert (p.label if p else None) == expected


# ------------------------------------------------------------------------------------ places, people


def test_reference_places_point_to_known_states_and_kinds():
    labels = {s.label for s in ref.states()}
    for p in ref.places():
        assert p.state is None or p.state in labels, p
        assert p.kind in {"capital", "city", "region", "area", "facility"}, p


def test_reference_places_slugs_and_names_unique():
    owners: dict[str, set[str]] = defaultdict(set)
    for p in ref.places():
        for n in p.names:
            owners[ref.slugify(n)].add(p.label)
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}


def test_reference_place_names_never_state_names():
    state_names = {_casefold(n) for s in ref.states() for n in (*s.names, *s.demonyms)}
    clashes = [n for p in ref.places() for n in p.names if _casefold(n) in state_names]
    assert clashes == []


def test_reference_every_current_state_with_a_separate_capital_has_one():
    with_capital = {p.state for p in ref.places() if p.kind == "capital"}
    city_states = {"Singapore", "Monaco", "San Marino", "Holy See"}
    missing = {s.label for s in ref.states() if not s.historical} - with_capital - city_states
    assert missing == set()


@pytest.mark.parametrize("place", ["Vladivostok", "Vostochny Cosmodrome", "Ussuriysk", "Primorsky Krai",
                                   "Russian Far East", "Camp David", "Saint Petersburg", "Kursk", "Sumy",
                                   "Rajin", "Panmunjom", "Busan", "Shanghai", "Hong Kong", "Geneva", "Davos",
                                   "Helsinki", "Hanoi", "Kyiv"])
def test_reference_places_include_news_places(place):
    assert ref.lookup_place(place) is not None


def test_reference_people_names_unique_and_years_ordered():
    owners: dict[str, set[str]] = defaultdict(set)
    states = {s.label for s in ref.states()}
    for p in ref.people():
        for n in p.names:
            owners[ref.slugify(n)].add(p.label)
        assert p.state is None or p.state in states
        assert p.start is None or p.end is None or p.start <= p.end
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}


@pytest.mark.parametrize("person", ["Vladimir Putin", "Kim Jong Un", "Kim Jong Il", "Kim Il Sung", "Joe Biden",
                                    "Xi Jinping", "Yoon Suk Yeol", "Moon Jae-in", "Donald Trump",
                                    "Fumio Kishida", "Shinzo Abe", "Volodymyr Zelensky", "Emmanuel Macron",
                                    "Olaf Scholz", "Narendra Modi", "Recep Tayyip Erdogan", "Joseph Stalin",
                                    "Mikhail Gorbachev", "Boris Yeltsin", "Dmitry Medvedev", "Sergei Lavrov",
                                    "Antony Blinken"])
def test_reference_people_include_leaders(person):
    assert ref.lookup_person(person).label == person


# ------------------------------------------------------------------------------------ slugify


@pytest.mark.parametrize("text,slug", [
    ("Kim Jong-un", "kim-jong-un"),
    ("Kim Jong Un", "kim-jong-un"),
    ("Kim Jong-Un", "kim-jong-un"),
    ("North Korea", "north-korea"),
    ("Côte d'Ivoire", "cote-d-ivoire"),
    ("São Tomé and Príncipe", "sao-tome-and-principe"),
    ("  U.S.  ", "u-s"),
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("Chișinău", "chisinau"),
    ("--Treaty of Friendship, 1961--", "treaty-of-friendship-1961"),
    ("", ""),
])
def test_reference_slugify(text, slug):
    assert ref.slugify(text) == slug


# ------------------------------------------------------------------------------------ graph


@pytest.fixture(scope="module")
def graph():
    return ref.reference_graph()


def test_reference_graph_state(graph):
    nk = ID["state/north-korea"]
    assert ref.state_iri("North Korea") == nk == ref.lookup_state("DPRK").iri
    assert (nk, RDF.type, KG.State) in graph
    assert (nk, RDFS.label, Literal("North Korea", lang="en")) in graph
    assert (nk, SKOS.altLabel, Literal("DPRK", lang="en")) in graph
    assert (nk, KG.demonym, Literal("North Korean", lang="en")) in graph
    assert (nk, OWL.sameAs, WD.Q423) in graph
    assert {str(o) for o in graph.objects(nk, KG.isoCode)} == {"KP", "PRK"}


def test_reference_graph_place_located_in_state(graph):
    v = ID["place/vladivostok"]
    assert (v, RDF.type, KG.Place) in graph
    assert (v, KG.locatedIn, ID["state/russia"]) in graph
    assert (ID["place/kyiv"], SKOS.altLabel, Literal("Kiev", lang="en")) in graph


def test_reference_graph_people_are_names_only(graph):
    putin = ID["person/vladimir-putin"]
    assert (putin, RDF.type, KG.Person) in graph
    assert (putin, OWL.sameAs, WD.Q7747) in graph
    assert (ID["person/kim-jong-un"], SKOS.altLabel, Literal("Kim Jong-un", lang="en")) in graph
    for p in (KG.leaderOf, KG.officialOf, KG.title, KG.startDate, KG.participant, KG.visitor):
        assert (None, p, None) not in graph


def test_reference_graph_uses_only_known_terms(graph):
    allowed = {RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs, KG.demonym, KG.isoCode, KG.locatedIn}
    assert set(graph.predicates()) <= allowed
    for s in graph.subjects():
        assert isinstance(s, URIRef) and str(s).startswith(str(ID))
    for o in graph.objects(None, OWL.sameAs):
        assert str(o).startswith(str(WD)) and QID.match(str(o).rsplit("/", 1)[1])


def test_reference_graph_counts_match_tables(graph):
    assert len(set(graph.subjects(RDF.type, KG.State))) == len(ref.states())
    assert len(set(graph.subjects(RDF.type, KG.Place))) == len(ref.places())
    assert len(set(graph.subjects(RDF.type, KG.Person))) == len(ref.people())


def test_reference_graph_is_a_fresh_copy():
    g1, g2 = ref.reference_graph(), ref.reference_graph()
    g1.remove((None, None, None))
    assert len(g2) > 0


# ------------------------------------------------------------------------------------ gazetteer


def test_reference_gazetteer_shape():
    pats = ref.gazetteer()
    assert pats
    for p in pats:
        assert set(p) == {"label", "pattern", "id"}
        assert p["label"] in {"GPE", "NORP", "LOC", "FAC", "PERSON"}
        assert re.fullmatch(r"(state|place|person)/[a-z0-9]+(-[a-z0-9]+)*", p["id"])
        assert isinstance(p["pattern"], (str, list))


@pytest.mark.parametrize("label,pattern,key", [
    ("GPE", "North Korea", "state/north-korea"),
    ("GPE", "DPRK", "state/north-korea"),
    ("NORP", "North Korean", "state/north-korea"),
    ("GPE", [{"ORTH": "U.S."}], "state/united-states"),
    ("GPE", "Vladivostok", "place/vladivostok"),
    ("FAC", "Vostochny Cosmodrome", "place/vostochny-cosmodrome"),
    ("LOC", "Korean Peninsula", "place/korean-peninsula"),
    ("PERSON", "Kim Jong-un", "person/kim-jong-un"),
])
def test_reference_gazetteer_contains(label, pattern, key):
    assert {"label": label, "pattern": pattern, "id": key} in ref.gazetteer()


def test_reference_gazetteer_has_no_bare_surnames():
    people = [p for p in ref.gazetteer() if p["label"] == "PERSON"]
    for p in people:
        pattern = p["pattern"]
        assert (" " in pattern) if isinstance(pattern, str) else len(pattern) >= 2, p


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(ref.gazetteer())
    return nlp


@pytest.mark.parametrize("text,ent,label,key", [
    ("The DPRK launched a missile on Tuesday.", "DPRK", "GPE", "state/north-korea"),
    ("Officials in the U.S. said so.", "U.S.", "GPE", "state/united-states"),
    ("Talks with N. Korea stalled.", "N. Korea", "GPE", "state/north-korea"),
    ("North Korean troops arrived.", "North Korean", "NORP", "state/north-korea"),
    ("Kim Jong-un met Vladimir Putin at the Vostochny Cosmodrome.", "Vostochny Cosmodrome", "FAC",
     "place/vostochny-cosmodrome"),
    ("Kim Jong-un met Vladimir Putin.", "Kim Jong-un", "PERSON", "person/kim-jong-un"),
    ("He flew to Vladivostok.", "Vladivostok", "GPE", "place/vladivostok"),
    ("The People's Republic of China objected.", "People's Republic of China", "GPE", "state/china"),
])
def test_reference_gazetteer_tags_in_spacy(nlp, text, ent, label, key):
    doc = nlp(text)
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert (ent, label, key) in found, found


def test_reference_gazetteer_ignores_lowercase_us(nlp):
    doc = nlp("Let us meet in Moscow.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("Moscow", "place/moscow")]
