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
    ("cities.tsv", "label\tstate\tpopulation"),
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


# ------------------------------------------------------------------------------------ roles, treaties


G20_AND_P5 = ["United States", "United Kingdom", "France", "Russia", "Soviet Union", "China", "Germany",
              "West Germany", "Japan", "India", "Brazil", "Argentina", "Mexico", "Canada", "Australia",
              "Indonesia", "Italy", "South Korea", "Saudi Arabia", "South Africa", "Turkey"]
HEAD_TITLES = {"President", "Prime Minister", "Chancellor", "Premier", "King", "Queen", "Emperor", "Emir",
               "Shah", "Supreme Leader", "General Secretary", "First Secretary", "Chairman",
               "Chairman of the Presidium", "Head of State", "Chief Adviser"}


def test_reference_roles_and_treaties_tsv_headers():
    for name, header in [("roles.tsv", "person\tstate\ttitle\tfrom\tto"),
                         ("treaties.tsv", "label\taliases\tparties\tsigned\tplace\treplaces")]:
        text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        assert lines[0] == header
        width = header.count("\t") + 1
        for line in lines[1:]:
            assert line.count("\t") + 1 == width, f"{name}: {line!r}"
            assert all(c == c.strip() for c in line.split("\t")), f"{name}: stray spaces in {line!r}"


def test_reference_roles_load_and_validate():
    roles = ref.roles()
    assert len(roles) >= 800
    states = {s.label for s in ref.states()}
    people = {p.label for p in ref.people()}
    for r in roles:
        assert r.person in people, r
        assert r.state in states, r
        assert r.title in ref.TITLES, r
        assert isinstance(r.start, int) and 1900 <= r.start <= 2025, r
        assert r.end is None or (isinstance(r.end, int) and r.start <= r.end <= 2025), r
    assert ref.roles() == roles and ref.roles() is not roles
    with pytest.raises(Exception):
        roles[0].title = "x"  # type: ignore[misc]


def test_reference_roles_cover_g20_and_p5_heads_since_1950():
    for state in G20_AND_P5:
        heads = [r for r in ref.roles() if r.state == state and r.title in HEAD_TITLES]
        assert heads, state
    for state in set(G20_AND_P5) - {"Soviet Union", "West Germany", "Russia", "Germany"}:
        for year in range(1991, 2026):
            assert any(r.title in HEAD_TITLES for r in ref.holders(state=state, year=year)), (state, year)
    for year in range(1950, 1991):
        assert ref.holders(title="Chancellor", state="West Germany", year=year), year
        assert ref.holders(title="General Secretary", state="Soviet Union", year=year) or \
            ref.holders(title="First Secretary", state="Soviet Union", year=year), year


@pytest.mark.parametrize("title,state,year,expected", [
    ("President", "Brazil", 2023, ["Luiz Inácio Lula da Silva"]),
    ("President", "Brazil", 2005, ["Luiz Inácio Lula da Silva"]),
    ("President", "Brazil", 2020, ["Jair Bolsonaro"]),
    ("Prime Minister", "Japan", 2015, ["Shinzo Abe"]),
    ("Prime Minister", "Japan", 2007, ["Shinzo Abe", "Yasuo Fukuda"]),
    ("President", "United States", 2021, ["Donald Trump", "Joe Biden"]),
    ("President", "United States", 2023, ["Joe Biden"]),
    ("President", "United States", 2025, ["Joe Biden", "Donald Trump"]),
    ("president", "U.S.", 1987, ["Ronald Reagan"]),
    ("Chancellor", "Germany", 2010, ["Angela Merkel"]),
    ("Chancellor", "West Germany", 1975, ["Helmut Schmidt"]),
    ("Prime Minister", "United Kingdom", 2022, ["Boris Johnson", "Liz Truss", "Rishi Sunak"]),
    ("General Secretary", "Soviet Union", 1987, ["Mikhail Gorbachev"]),
    ("President", "Russia", 2010, ["Dmitry Medvedev"]),
    ("Prime Minister", "Russia", 2010, ["Vladimir Putin"]),
    ("President", "China", 2020, ["Xi Jinping"]),
    ("Premier", "China", 2020, ["Li Keqiang"]),
    ("Prime Minister", "India", 2020, ["Narendra Modi"]),
    ("Secretary of State", "United States", 2010, ["Hillary Clinton"]),
    ("Supreme Leader", "North Korea", 2015, ["Kim Jong Un"]),
    ("President", "Atlantis", 2015, []),
])
def test_reference_holders(title, state, year, expected):
    assert [r.person for r in ref.holders(title=title, state=state, year=year)] == expected


def test_reference_holders_open_end_is_still_in_office():
    now = ref.holders(title="President", state="Brazil", year=2030)
    assert [r.person for r in now] == ["Luiz Inácio Lula da Silva"] and now[0].current
    assert {r.state for r in ref.holders(year=2023)} >= {"Brazil", "United States", "Japan", "India"}
    assert all(r.covers(1999) for r in ref.holders(year=1999))
    assert ref.holders() == sorted(ref.holders(), key=lambda r: (r.start, r.end or 9999, r.state, r.title, r.person))


def test_reference_roles_of():
    putin = ref.roles_of("Vladimir Putin")
    assert [(r.title, r.start, r.end) for r in putin if r.start >= 2000] == [
        ("President", 2000, 2008), ("Prime Minister", 2008, 2012), ("President", 2012, None)]
    # he was also Yeltsin's prime minister from August 1999 to May 2000
    assert [(r.title, r.start, r.end) for r in putin] == [
        ("Prime Minister", 1999, 2000), ("President", 2000, 2008), ("Prime Minister", 2008, 2012),
        ("President", 2012, None)]
    assert all(r.state == "Russia" for r in putin)
    assert ref.roles_of("Lula") == ref.roles_of("Luiz Inácio Lula da Silva") and len(ref.roles_of("Lula")) == 2
    assert [r.state for r in ref.roles_of("Helmut Kohl")] == ["West Germany", "Germany"]
    assert ref.roles_of("Nobody Atall") == []


def _overlap_is_handover(a, b) -> bool:
    """Two terms of one office may share only the year one ends and the other starts."""
    lo, hi = max(a.start, b.start), min(a.end or 9999, b.end or 9999)
    if lo > hi:
        return True
    return lo == hi and ((a.end == lo and b.start == lo) or (b.end == lo and a.start == lo))


def test_reference_roles_no_overlapping_terms_of_one_person_in_one_office():
    by_office: dict[tuple[str, str, str], list] = defaultdict(list)
    for r in ref.roles():
        by_office[(r.person, r.state, r.title)].append(r)
    bad = [(a, b) for rs in by_office.values() for i, a in enumerate(rs) for b in rs[i + 1:]
           if max(a.start, b.start) <= min(a.end or 9999, b.end or 9999)]
    assert bad == []


def test_reference_roles_one_holder_per_office_except_handover_years():
    by_office: dict[tuple[str, str], list] = defaultdict(list)
    for r in ref.roles():
        by_office[(r.state, r.title)].append(r)
    bad = [(a, b) for rs in by_office.values() for i, a in enumerate(rs) for b in rs[i + 1:]
           if not _overlap_is_handover(a, b)]
    assert bad == []


def test_reference_roles_at_most_one_current_holder_per_office():
    current = Counter((r.state, r.title) for r in ref.roles() if r.current)
    assert [k for k, n in current.items() if n > 1] == []


def test_reference_every_role_holder_is_a_person_with_a_role_office():
    offices = defaultdict(set)
    for r in ref.roles():
        offices[r.person].add((r.state, r.title))
    for p in ref.people():
        if p.label in offices and p.state and p.title and p.title in ref.TITLES:
            # people.tsv's best-known office is one of the person's roles (same state and title)
            assert (p.state, p.title) in offices[p.label] or p.label in {
                "Mao Zedong", "Deng Xiaoping", "Vladimir Lenin"}, p


def test_reference_treaties_load_and_validate():
    treaties = ref.treaties()
    assert len(treaties) >= 80
    states = {s.label for s in ref.states()}
    labels = {t.label for t in treaties}
    assert len(labels) == len(treaties)
    for t in treaties:
        assert set(t.parties) <= states, t
        assert t.signed is None or re.fullmatch(r"[0-9]{4}(-[0-9]{2}-[0-9]{2})?", t.signed), t
        assert t.replaces is None or (t.replaces in labels and t.replaces != t.label), t
        assert t.key.startswith("treaty/")
    slugs = Counter(ref.slugify(n) for t in treaties for n in set(t.names))
    owners: dict[str, set[str]] = defaultdict(set)
    for t in treaties:
        for n in t.names:
            owners[ref.slugify(n)].add(t.label)
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}
    assert slugs


@pytest.mark.parametrize("name,label", [
    ("the INF treaty", "Intermediate-Range Nuclear Forces Treaty"),
    ("INF", "Intermediate-Range Nuclear Forces Treaty"),
    ("Intermediate-Range Nuclear Forces Treaty", "Intermediate-Range Nuclear Forces Treaty"),
    ("New START", "New START"),
    ("new start treaty", "New START"),
    ("START I", "Strategic Arms Reduction Treaty"),
    ("the NPT", "Treaty on the Non-Proliferation of Nuclear Weapons"),
    ("Non-Proliferation Treaty", "Treaty on the Non-Proliferation of Nuclear Weapons"),
    ("RCEP", "Regional Comprehensive Economic Partnership"),
    ("CPTPP", "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"),
    ("NAFTA", "North American Free Trade Agreement"),
    ("the USMCA", "United States–Mexico–Canada Agreement"),
    ("Treaty of Asuncion", "Treaty of Asunción"),
    ("The Oslo Accords", "Oslo I Accord"),
    ("Dayton Accords", "Dayton Agreement"),
    ("Belfast Agreement", "Good Friday Agreement"),
    ("Shimla Agreement", "Simla Agreement"),
    ("Elysee Treaty", "Élysée Treaty"),
    ("Torrijos–Carter Treaties", "Panama Canal Treaties"),
    ("JCPOA", "Joint Comprehensive Plan of Action"),
    ("Treaty on Basic Relations", "Treaty on Basic Relations between Japan and the Republic of Korea"),
    ("Minsk II", "Minsk II"),
    ("Unknown Treaty of Nowhere", None),
    ("", None),
    ("the", None),
])
def test_reference_lookup_treaty(name, label):
    t = ref.lookup_treaty(name)
    assert (t.label if t else None) == label


def test_reference_treaty_facts():
    inf = ref.lookup_treaty("INF Treaty")
    assert inf.parties == ("United States", "Soviet Union") and inf.signed == "1987-12-08" and inf.year == 1987
    assert inf.place == "Washington"
    assert ref.lookup_treaty("USMCA").replaces == "North American Free Trade Agreement"
    assert ref.lookup_treaty("New START").replaces == "Strategic Offensive Reductions Treaty"
    assert ref.lookup_treaty("Treaty of Lisbon").replaces is None  # it amended, it did not replace
    assert ref.lookup_treaty("NPT").parties == ()  # open multilateral
    assert set(ref.lookup_treaty("Abraham Accords").parties) >= {"Israel", "United Arab Emirates", "Bahrain"}


def test_reference_graph_has_no_roles_or_treaties(graph):
    assert not any(str(s).startswith(str(ID["treaty/"])) for s in graph.subjects())
    people_in_graph = set(graph.subjects(RDF.type, KG.Person))
    assert ref.person_iri("Luiz Inácio Lula da Silva") in people_in_graph
    assert len(people_in_graph) == len(ref.people())


@pytest.mark.parametrize("bad,message", [
    ("Nobody Atall\tBrazil\tPresident\t2000\t2001", "person not in people.tsv"),
    ("Joe Biden\tAtlantis\tPresident\t2000\t2001", "state not in states.tsv"),
    ("Joe Biden\tUnited States\tGrand Vizier\t2000\t2001", "unknown title"),
    ("Joe Biden\tUnited States\tPresident\t20x0\t2001", "not a year"),
    ("Joe Biden\tUnited States\tPresident\t\t2001", "year is required"),
    ("Joe Biden\tUnited States\tPresident\t2005\t2001", "after"),
    ("Joe Biden\tUnited States\tPresident\t2005", "cells"),
])
def test_reference_roles_bad_rows_raise(monkeypatch, bad, message):
    real = resources.files

    class Fake:
        def __init__(self, base):
            self.base = base

        def joinpath(self, name):
            if name != "roles.tsv":
                return self.base.joinpath(name)

            class T:
                def read_text(self, encoding="utf-8"):
                    return "person\tstate\ttitle\tfrom\tto\n" + bad + "\n"
            return T()

    monkeypatch.setattr(ref.resources, "files", lambda pkg: Fake(real(pkg)))
    ref._roles.cache_clear()
    try:
        with pytest.raises(ValueError, match=message) as err:
            ref.roles()
        assert "roles.tsv: line 2" in str(err.value)
    finally:
        monkeypatch.undo()
        ref._roles.cache_clear()


@pytest.mark.parametrize("bad,message", [
    ("X Treaty\t\tAtlantis\t2000\t\t", "parties not in states.tsv"),
    ("X Treaty\t\t\t2000-13-01\t\t", "not a date"),
    ("X Treaty\t\t\tMay 2000\t\t", "YYYY"),
    ("X Treaty\t\t\t2000\t\tY Treaty", "replaces unknown"),
    ("X Treaty\tY\t\t2000\t\t\nY Treaty\tY\t\t2000\t\t", "already names"),
])
def test_reference_treaties_bad_rows_raise(monkeypatch, bad, message):
    real = resources.files

    class Fake:
        def __init__(self, base):
            self.base = base

        def joinpath(self, name):
            if name != "treaties.tsv":
                return self.base.joinpath(name)

            class T:
                def read_text(self, encoding="utf-8"):
                    return "label\taliases\tparties\tsigned\tplace\treplaces\n" + bad + "\n"
            return T()

    monkeypatch.setattr(ref.resources, "files", lambda pkg: Fake(real(pkg)))
    ref._treaties.cache_clear()
    try:
        with pytest.raises(ValueError, match=message) as err:
            ref.treaties()
        assert "treaties.tsv: line" in str(err.value)
    finally:
        monkeypatch.undo()
        ref._treaties.cache_clear()
        ref._treaty_index.cache_clear()


@pytest.mark.parametrize("title,state,year,expected", [
    ("President", "Kyrgyzstan", 2025, ["Sadyr Japarov"]),
    ("President", "Kyrgyzstan", 2010, ["Kurmanbek Bakiyev", "Roza Otunbayeva"]),
    ("President", "Tajikistan", 2020, ["Emomali Rahmon"]),
    ("President", "Turkmenistan", 2023, ["Serdar Berdimuhamedow"]),
    ("Prime Minister", "Estonia", 2022, ["Kaja Kallas"]),
    ("President", "Finland", 2024, ["Sauli Niinistö", "Alexander Stubb"]),
    ("Chancellor", "Austria", 2023, ["Karl Nehammer"]),
    ("President", "Switzerland", 2024, ["Viola Amherd"]),
    ("Prime Minister", "Czech Republic", 2019, ["Andrej Babiš"]),
    ("Emir", "Kuwait", 2024, ["Mishal Al-Ahmad Al-Jaber Al-Sabah"]),
    ("President", "Ivory Coast", 2015, ["Alassane Ouattara"]),
    ("President", "Uruguay", 2012, ["José Mujica"]),
    ("Sultan", "Brunei", 1999, ["Hassanal Bolkiah"]),
])
def test_reference_holders_extended_states(title, state, year, expected):
    assert [r.person for r in ref.holders(title=title, state=state, year=year)] == expected


@pytest.mark.parametrize("name,label", [
    ("Zhaparov", "Sadyr Japarov"), ("Akylbek Zhaparov", "Akylbek Japarov"), ("Niinisto", "Sauli Niinistö"),
    ("Tudjman", "Franjo Tuđman"), ("Djukanovic", "Milo Đukanović"), ("Salva Kiir", "Salva Kiir Mayardit"),
])
def test_reference_lookup_person_extended_states(name, label):
    assert ref.lookup_person(name).label == label


@pytest.mark.parametrize("name,state", [
    ("Auckland", "New Zealand"),
    ("Fukuoka", "Japan"),
    ("Chengdu", "China"),
    ("Mar del Plata", "Argentina"),
    ("Merida", None),      # Mexico, Venezuela and Spain: the text must say which
    ("Hyderabad", None),   # India and Pakistan
    ("George", None),      # a town of South Africa, and a name of people
    ("Nairobi", None),     # in places.tsv, with its Wikidata ID: not repeated here
    ("Narnia", None),
])
def test_reference_city_state(name, state):
    assert ref.city_state(name) == state


def test_reference_cities_lie_in_current_states_and_repeat_no_place_or_state():
    text = resources.files("kg.data").joinpath("cities.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip() and not line.startswith("#")]
    current = {s.label for s in ref.states() if not s.historical}
    assert len(rows) > 4000
    for label, state, people in rows:
        assert state in current, label
        assert int(people) >= 100_000, label
        assert ref.lookup_place(label) is None and ref.lookup_state(label) is None, label


@pytest.mark.parametrize("name, label", [
    ("Yousuf Raza Gilani", "Yousaf Raza Gilani"),   # vowels of a given name spelled otherwise
    ("Muhammad Morsi", "Mohamed Morsi"),            # and a doubled letter
    ("Ian Iliescu", None),                          # too little of the given name left to tell
    ("Mohamed Morsy", None),                        # the surname's letters must be the same
])
def test_reference_person_by_another_spelling_of_the_given_names(name, label):
    found = ref.lookup_person(name)
    assert (found.label if found else None) == label


@pytest.mark.parametrize("state, date, then", [
    ("Uzbekistan", (1966,), "Soviet Union"),
    ("Uzbekistan", (1992,), None),
    ("Uzbekistan", (1991,), None),                 # the year of the end, not told which side
    ("Uzbekistan", (1991, 12, 25), "Soviet Union"),
    ("Latvia", (1939,), None),                     # before the annexation
    ("Latvia", (1991, 8), "Soviet Union"),
    ("Czech Republic", (1992,), "Czechoslovakia"),  # the span runs to the year's end
    ("Croatia", (1980, 5), "Yugoslavia"),
    ("France", (1960,), None),
])
def test_reference_predecessor_of_a_state_at_a_date(state: str, date: tuple, then: str | None) -> None:
    from kg.reference import lookup_state, predecessor_of

    assert predecessor_of(state, *date) == then
    assert lookup_state(state) is not None and (then is None or lookup_state(then) is not None)
