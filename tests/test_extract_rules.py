"""Extraction rules on fresh sentences written for these tests (never taken from evaluated articles).

Each text below covers several rules at once (spaCy is loaded once and each extract() call is
cached); the tests check one behaviour each, positive and negative, per the rule's intent.
Cases marked xfail(strict=True) are rules the extractor does not (yet) apply.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from kg.extract import extract
from kg.model import Extraction, PartialDate
from kg.text import read_text

# --- texts ---------------------------------------------------------------------------------------
TEXTS: dict[str, tuple[str, str]] = {
    # the present tense reports what is happening; a visit as the subject of a present verb does not
    "present-2023": ("2023-10-09", """Ruto in Tanzania

Kenyan President William Ruto is on a two-day state visit to Tanzania. Chilean President Gabriel Boric's visit to Brazil is attracting attention in both capitals."""),
    # a long name with "concerning"; people present at a signing who did not sign
    "concerning-1981": ("1981-05-20", """Frontier treaty

The foreign ministers of the two countries, Amina Diallo of Senegal and Omar Ba of Mauritania, signed the Treaty concerning the Delimitation of the River Frontier in Dakar on 18 May 1981 in the presence of President Abdou Diouf."""),
    # "here" and the dateline: where a story was filed is where things happened "here"
    "here-2016": ("2016-04-08", """Border deal

ACCRA, April 8 (Wire) — Ghanaian President John Mahama and Ivorian President Alassane Ouattara signed a treaty on river navigation here on Thursday."""),
    # visits stated without a travel verb: presence in a foreign city, a guest received by a host
    "presence-2017": ("2017-10-20", """Busy week

Kenyan President Uhuru Kenyatta was in Kampala on Tuesday for a rail conference. Ghanaian President Nana Akufo-Addo on Wednesday received Ivorian President Alassane Ouattara at Kotoka International Airport in Accra. Ugandan President Yoweri Museveni was in Entebbe on Thursday."""),
    # descriptions that point back ("the Ghanaian leader", "his Togolese counterpart")
    "lome-2019": ("2019-03-12", """Ghana and Togo leaders meet

LOME, March 12 (Wire) — Ghanaian President Nana Akufo-Addo arrived in Lome on Monday for a one-day working visit. Togolese President Faure Gnassingbe met him at the airport. The Ghanaian leader then held talks with his Togolese counterpart at the presidential palace."""),
    # a subject shared by coordinated verbs ("he stopped in X and met Y")
    "riga-2016": ("2016-08-25", """Baltic stopover

On Tuesday Finnish President Sauli Niinisto flew to Tallinn for a conference. On the way back he stopped in Riga and met Latvian President Raimonds Vejonis at the castle."""),
    # offices in an East African story of 2023
    "nairobi-2023": ("2023-02-14", """Kenya and Uganda agree on rail link

NAIROBI, Feb 14 (Wire) — Kenyan President William Ruto welcomed his Ugandan counterpart, Yoweri Museveni, to State House on Tuesday. Zimbabwe's Emmerson Mnangagwa sent a message of support. Ghanaian Foreign Minister Ama Owusu attended as an observer. Grace Wanjiru, an analyst at the Nairobi Policy Institute, said the link would cut freight costs. Professor Daniel Otieno of Strathmore University called the agreement a milestone for Kenya."""),
    # titles placed by the reference terms of office of the article's year
    "kigali-2019": ("2019-05-04", """Rwanda hosts investment forum

President Kagame opened a regional investment forum on Saturday, promising lower taxes for manufacturers. Presidents Kagame and Museveni later toured an industrial park outside the city."""),
    "ruto-2023": ("2023-06-01", """Border pact

President Ruto met President Museveni in Kampala on Tuesday to discuss fuel imports."""),
    "moscow-2005": ("2005-06-02", """Energy talks

President Putin told a meeting of oil executives on Thursday that exports would rise. Taoiseach Siobhan Byrne said her government followed the talks closely."""),
    # appositions, possessives, "of STATE", counterparts, then-/former
    "lima-2022": ("2022-10-18", """Pacific trade ministers gather

Chile's Ana Soto, the trade minister, told reporters the deal was close. Peru's president, Carlos Quispe, welcomed the delegations on Monday. President Marta Ilves of Estonia sent a video message. Ghana's Minister of Energy, Kwame Boateng, spoke about solar power. Former President Uhuru Kenyatta, who left office in September, urged Kenya to join the pact. Foreign Minister Ana Kovac praised her Serbian counterpart, Marko Ilic, for his patience."""),
    "history-1990": ("1990-11-20", """Looking back

Then-President Jomo Kenyatta opened the Mombasa road in 1975, and then-Prime Minister Tadeusz Mazowiecki of Poland visited Nairobi in 1990. The foreign ministers, Reza Karimi of Iran and Omar Jabbar of Iraq, discussed the border on Monday."""),
    # a minister without a state, in stories filed from a capital
    "baku-2019": ("2019-05-04", """Gas exports

BAKU, May 4 (Wire) — Azerbaijan will raise gas exports to Europe, Energy Minister Rauf Aliyev told reporters on Saturday."""),
    "accra-2021": ("2021-08-12", """Cocoa prices

ACCRA, Aug 12 (Wire) — Trade Minister Kofi Asante said on Thursday that cocoa prices would be reviewed before the harvest."""),
    # heads of state named without a title
    "simla-1972": ("1972-07-05", """Peace at Simla

India and Pakistan agreed to return prisoners of war. Indira Gandhi and Zulfikar Ali Bhutto signed the agreement at Simla on Sunday after five days of talks."""),
    # treaties named by compounds and by "between A and B"
    "rivers-2021": ("2021-03-10", """Rivers and borders

Officials in Dhaka said the Indo-Bangladeshi accord of 1996 should be revised before the monsoon. Historians in Warsaw marked the anniversary of the Polish-German treaty of 1991. Nepali diplomats asked for a review of the India-Nepal Treaty of Peace and Friendship. Moscow praised the Sino-Russian treaty of 2001."""),
    "tashkent-1998": ("1998-11-02", """Caucasus alliance

The Treaty on Allied Relations between the Republic of Armenia and the Republic of Moldova was signed in Yerevan on Saturday. The Agreement on Border Cooperation between the Kingdom of Morocco and the Islamic Republic of Mauritania was ratified in the same week."""),
    "titicaca-2018": ("2018-04-12", """Lake deal

Bolivia and Peru signed the Lake Titicaca Water Convention on Wednesday. The Ghana-Togo Maritime Agreement signed on Tuesday ends a long dispute over oil blocks."""),
    "rail-2023": ("2023-06-01", """Rail accord

President William Ruto met President Yoweri Museveni in Kampala on Tuesday. The two leaders signed the East African Rail Accord, which commits Kenya and Uganda to a shared line."""),
    "coral-2016": ("2016-03-01", """Fisheries accord

The Coral Sea Fisheries Agreement was concluded in 2015 after long talks. It was signed by Foreign Minister Julie Bishop of Australia and by Prime Minister Peter O'Neill of Papua New Guinea.

The Adriatic Ferry Accord was concluded in January. It was signed by Foreign Minister Ana Kovac of Croatia and by Prime Minister Janis Ozols of Latvia."""),
    "arica-2021": ("2021-09-14", """Water accord

President Lucia Rojas of Chile met President Mateo Quiroga of Bolivia in Arica on Monday. The two leaders signed the Arica Water Accord after three hours of talks."""),
    "replace-2012": ("2012-09-05", """New rules for rivers

The Danube Shipping Treaty replaced the 1962 Vidin Convention. The 1979 Andean Water Pact was superseded by the Titicaca Basin Treaty. The 1994 Nile Basin Accord was amended in 2010. Ghana and Togo extended the Volta Fishing Agreement for ten years."""),
    # summits, ministers' talks and plans
    "mombasa-2023": ("2023-06-01", """Talks on the coast

MOMBASA, June 1 (Wire) — Kenya's President William Ruto and Ugandan President Yoweri Museveni held talks in Mombasa on Tuesday. Their foreign ministers, Alfred Mutua and Jeje Odongo, held talks in Nairobi on Monday. Ruto is due to meet Tanzanian President Samia Suluhu Hassan next week, and Museveni will meet Rwandan President Paul Kagame in July."""),
    "ljubljana-2020": ("2020-02-08", """Ministers meet

Foreign Minister Ana Kovac of Croatia and her Slovenian counterpart, Marko Ilic, held talks in Ljubljana on Friday about the border crossings."""),
    "baltic-2011": ("2011-06-02", """Baltic talks

Lithuanian President Dalia Grybauskaite held talks with Latvian President Valdis Zatlers in Riga on Thursday. Estonian President Toomas Hendrik Ilves welcomed the talks."""),
    "stockholm-2019": ("2019-05-20", """Ardern in Sweden

New Zealand Prime Minister Jacinda Ardern arrived in Stockholm on 17 May. Ardern then held talks with Swedish Prime Minister Stefan Lofven."""),
    "stockholm-she-2019": ("2019-05-20", """Ardern in Sweden

New Zealand Prime Minister Jacinda Ardern arrived in Stockholm on 17 May. She then held talks with Swedish Prime Minister Stefan Lofven."""),
    # states as actors, visits with day ranges
    "states-2017": ("2017-11-03", """Fishing dispute

Argentina and Chile pledged on Friday to share patrol data, while Uruguay stayed out of the arrangement. Paraguay protested.

A Brazilian patrol boat in the harbour of Ushuaia (Photo: Marcos Diaz)"""),
    "visits-2019": ("2019-09-25", """Visits

Ugandan President Yoweri Museveni visited Poland from 17 to 19 September 2019, meeting business leaders. Estonian Prime Minister Juri Ratas toured Japan from 3 to 6 September 2019."""),
}


@lru_cache(maxsize=None)
def run(name: str) -> Extraction:
    date, text = TEXTS[name]
    return extract(read_text(text), date=PartialDate.parse(date))


@lru_cache(maxsize=None)
def facts(name: str) -> frozenset[tuple[str, str, str]]:
    """Facts read from the article (not the reference data), without a forecast status; plans are
    kept as plan/... subjects."""
    return frozenset((f.subject, f.predicate, getattr(f.obj, "key", str(f.obj)))
                     for f in run(name).facts if f.evidence.section != "reference" and f.status is None)


def has(name: str, s: str, p: str, o: str) -> bool:
    """s and o are exact keys, or prefixes ending with '/' or '-'."""
    def ok(key: str, want: str) -> bool:
        return key == want or (want.endswith(("/", "-")) and key.startswith(want))
    return any(ok(fs, s) and fp == p and ok(fo, o) for fs, fp, fo in facts(name))


def sole_subject(fs: frozenset[tuple[str, str, str]], pred: str, obj: str) -> str:
    """The one subject with this predicate and object (a visit of this visitor, a treaty this person signed)."""
    subjects = {s for s, p, o in fs if p == pred and o == obj}
    assert len(subjects) == 1, sorted(fs)
    return next(iter(subjects))


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# --- 1. offices ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name, person, pred, state", [
    # title before the name with the state's adjective
    ("nairobi-2023", "person/william-ruto", "leaderOf", "state/kenya"),
    ("nairobi-2023", "person/ama-owusu", "officialOf", "state/ghana"),
    ("baltic-2011", "person/valdis-zatlers", "leaderOf", "state/latvia"),
    pytest.param("baltic-2011", "person/toomas-hendrik-ilves", "leaderOf", "state/estonia"),
    # title alone, placed by the reference terms of office for the article's year
    ("kigali-2019", "person/paul-kagame", "leaderOf", "state/rwanda"),
    ("moscow-2005", "person/vladimir-putin", "leaderOf", "state/russia"),
    pytest.param("ruto-2023", "person/william-ruto", "leaderOf", "state/kenya"),
    # "X's NAME": a leader by the reference data, a minister by the apposition
    ("nairobi-2023", "person/emmerson-mnangagwa", "leaderOf", "state/zimbabwe"),
    pytest.param("lima-2022", "person/ana-soto", "officialOf", "state/chile"),
    # "his Ugandan counterpart, NAME": the counterpart of a president leads, of a minister serves
    ("nairobi-2023", "person/yoweri-museveni", "leaderOf", "state/uganda"),
    ("lima-2022", "person/marko-ilic", "officialOf", "state/serbia"),
    # then-President NAME keeps the office in its time
    ("history-1990", "person/jomo-kenyatta", "leaderOf", "state/kenya"),
    ("history-1990", "person/tadeusz-mazowiecki", "leaderOf", "state/poland"),
    # "President NAME of STATE", "STATE's president, NAME", "STATE's Minister of Energy, NAME"
    ("lima-2022", "person/marta-ilves", "leaderOf", "state/estonia"),
    ("lima-2022", "person/carlos-quispe", "leaderOf", "state/peru"),
    ("lima-2022", "person/kwame-boateng", "officialOf", "state/ghana"),
    # "the foreign ministers, A of Iran and B of Iraq"
    ("history-1990", "person/reza-karimi", "officialOf", "state/iran"),
    ("history-1990", "person/omar-jabbar", "officialOf", "state/iraq"),
    # "Presidents A and B": the plural title is each one's
    pytest.param("kigali-2019", "person/yoweri-museveni", "leaderOf", "state/uganda"),
    # a minister with no state, in a story filed from a capital
    ("baku-2019", "person/rauf-aliyev", "officialOf", "state/azerbaijan"),
    pytest.param("accra-2021", "person/kofi-asante", "officialOf", "state/ghana"),
    # a title only one state's office-holders bear
    ("moscow-2005", "person/siobhan-byrne", "leaderOf", "state/ireland"),
    # heads of government named without a title, by the reference data
    ("simla-1972", "person/indira-gandhi", "leaderOf", "state/india"),
    ("simla-1972", "person/zulfikar-ali-bhutto", "leaderOf", "state/pakistan"),
])
def test_extract_rules_offices(name: str, person: str, pred: str, state: str) -> None:
    assert has(name, person, pred, state), sorted(facts(name))


@pytest.mark.parametrize("name, person, pred, state", [
    ("lima-2022", "person/uhuru-kenyatta", "leaderOf", "state/kenya"),      # former President
    ("lima-2022", "person/marko-ilic", "leaderOf", "state/serbia"),         # a minister's counterpart
    ("lima-2022", "person/ana-soto", "leaderOf", "state/chile"),            # possessive + minister
    ("history-1990", "person/reza-karimi", "leaderOf", "state/iran"),       # foreign ministers
    ("nairobi-2023", "person/ama-owusu", "leaderOf", "state/ghana"),
])
def test_extract_rules_offices_wrong_or_past_office_absent(name: str, person: str, pred: str, state: str) -> None:
    assert not has(name, person, pred, state), sorted(facts(name))


@pytest.mark.parametrize("name, person", [
    ("nairobi-2023", "person/grace-wanjiru"),
    ("nairobi-2023", "person/daniel-otieno"),
    ("lima-2022", "person/uhuru-kenyatta"),
])
def test_extract_rules_analysts_professors_and_former_hold_no_office(name: str, person: str) -> None:
    offices = {(s, p, o) for s, p, o in facts(name) if s == person and p in ("leaderOf", "officialOf")}
    assert not offices, offices


def summits(name: str) -> dict[str, dict[str, set[str]]]:
    """Asserted summits: key -> predicate -> objects."""
    out: dict[str, dict[str, set[str]]] = {}
    for sub, p, o in facts(name):
        if sub.startswith("summit/"):
            out.setdefault(sub, {}).setdefault(p, set()).add(o)
    return out


# --- 2. treaties ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name, treaty, parties", [
    ("rivers-2021", "treaty/bangladesh-india-1996", {"state/india", "state/bangladesh"}),     # Indo-Bangladeshi
    ("rivers-2021", "treaty/germany-poland-1991", {"state/poland", "state/germany"}),          # Polish-German
    ("rivers-2021", "treaty/india-nepal-treaty-of-peace-and-friendship", {"state/india", "state/nepal"}),
    ("rivers-2021", "treaty/china-russia-2001", {"state/china", "state/russia"}),             # Sino-Russian
    ("tashkent-1998", "treaty/treaty-on-allied-relations-between-the-republic-of-armenia-and-the-republic-of-moldova",
     {"state/armenia", "state/moldova"}),
    ("tashkent-1998", "treaty/agreement-on-border-cooperation-between-the-kingdom-of-morocco-and-the-islamic-republic-of-mauritania",
     {"state/morocco", "state/mauritania"}),
    ("titicaca-2018", "treaty/ghana-togo-maritime-agreement", {"state/ghana", "state/togo"}),
])
def test_extract_rules_treaty_parties_from_names(name: str, treaty: str, parties: set[str]) -> None:
    got = {o for sub, p, o in facts(name) if sub == treaty and p == "party"}
    assert got == parties, sorted(facts(name))


@pytest.mark.parametrize("name, treaty, signed", [
    ("titicaca-2018", "treaty/lake-titicaca-water-convention", "2018-04-11"),
    ("tashkent-1998", "treaty/treaty-on-allied-relations-between-the-republic-of-armenia-and-the-republic-of-moldova",
     "1998-10-31"),
])
def test_extract_rules_treaty_name_stops_before_weekday(name: str, treaty: str, signed: str) -> None:
    keys = {k for k in run(name).entities if k.startswith("treaty/")}
    assert treaty in keys, keys
    assert not any(day in k for k in keys for day in ("monday", "tuesday", "wednesday", "saturday")), keys
    assert (treaty, "signedOn", signed) in facts(name), sorted(facts(name))


@pytest.mark.parametrize("name, treaty, signers, parties", [
    # "the two leaders signed": both leaders named before
    ("rail-2023", "treaty/east-african-rail-accord", {"person/william-ruto", "person/yoweri-museveni"},
     {"state/kenya", "state/uganda"}),
    ("arica-2021", "treaty/arica-water-accord", {"person/lucia-rojas", "person/mateo-quiroga"},
     {"state/chile", "state/bolivia"}),
    # "It was signed by A and by B": the treaty of the sentence before
    ("coral-2016", "treaty/coral-sea-fisheries-agreement", {"person/julie-bishop", "person/peter-o-neill"},
     {"state/australia", "state/papua-new-guinea"}),
    ("coral-2016", "treaty/adriatic-ferry-accord", {"person/ana-kovac", "person/janis-ozols"},
     {"state/croatia", "state/latvia"}),
])
def test_extract_rules_treaty_group_and_anaphoric_signers(name: str, treaty: str, signers: set[str],
                                                          parties: set[str]) -> None:
    fs = facts(name)
    assert {o for sub, p, o in fs if sub == treaty and p == "signatory"} == signers, sorted(fs)
    assert {o for sub, p, o in fs if sub == treaty and p == "party"} == parties, sorted(fs)


@pytest.mark.parametrize("name, newer, older, expected", [
    ("replace-2012", "treaty/danube-shipping-treaty", "treaty/vidin-convention", True),       # X replaced Y
    ("replace-2012", "treaty/titicaca-basin-treaty", "treaty/andean-water-pact", True),      # Y was superseded by X
    ("replace-2012", "treaty/nile-basin-accord", "treaty/", False),                          # amended
    ("replace-2012", "treaty/", "treaty/nile-basin-accord", False),
    ("replace-2012", "treaty/volta-fishing-agreement", "treaty/", False),                    # extended
    ("replace-2012", "treaty/", "treaty/volta-fishing-agreement", False),
])
def test_extract_rules_treaty_replacement(name: str, newer: str, older: str, expected: bool) -> None:
    assert has(name, newer, "replaces", older) is expected, sorted(facts(name))


# --- 3. summits ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name, participants, start, place", [
    ("mombasa-2023", {"person/william-ruto", "person/yoweri-museveni"}, "2023-05-30", "place/mombasa"),
    ("arica-2021", {"person/lucia-rojas", "person/mateo-quiroga"}, "2021-09-13", "place/arica"),
    ("baltic-2011", {"person/dalia-grybauskaite", "person/valdis-zatlers"}, "2011-06-02", "place/riga"),
    # no time of its own: the dated arrival just before
    ("stockholm-2019", {"person/jacinda-ardern", "person/stefan-lofven"}, "2019-05-17", "place/stockholm"),
    ("stockholm-she-2019", {"person/jacinda-ardern", "person/stefan-lofven"}, "2019-05-17", "place/stockholm"),
    # "the Ghanaian leader ... his Togolese counterpart": the two presidents named before
    ("lome-2019", {"person/nana-akufo-addo", "person/faure-gnassingbe"}, "2019-03-11", "place/lome"),
])
def test_extract_rules_summit_of_leaders(name: str, participants: set[str], start: str, place: str) -> None:
    found = [v for v in summits(name).values() if v.get("participant") == participants]
    assert found, summits(name)
    assert found[0].get("startDate") == {start} and found[0].get("location") == {place}, found


@pytest.mark.parametrize("name, person", [
    ("mombasa-2023", "person/alfred-mutua"),             # the foreign ministers' own talks
    ("mombasa-2023", "person/jeje-odongo"),
    ("ljubljana-2020", "person/ana-kovac"),
    ("ljubljana-2020", "person/marko-ilic"),
    ("baltic-2011", "person/toomas-hendrik-ilves"),      # welcomed the talks: not at them
    ("baltic-2011", "person/toomas-hendrik"),
    ("mombasa-2023", "person/samia-suluhu-hassan"),      # "is due to meet": a plan
    ("mombasa-2023", "person/paul-kagame"),              # "will meet ... in July": a plan
])
def test_extract_rules_no_summit_for_ministers_bystanders_or_plans(name: str, person: str) -> None:
    assert not any(person in v.get("participant", set()) for v in summits(name).values()), summits(name)


@pytest.mark.parametrize("name, a, b", [
    pytest.param("mombasa-2023", "person/william-ruto", "person/samia-suluhu-hassan"),
    ("mombasa-2023", "person/paul-kagame", "person/yoweri-museveni"),
])
def test_extract_rules_planned_meeting_kept_as_plan(name: str, a: str, b: str) -> None:
    plans: dict[str, set[str]] = {}
    for sub, p, o in facts(name):
        if sub.startswith("plan/") and p == "involves":
            plans.setdefault(sub, set()).add(o)
    assert any({a, b} <= v for v in plans.values()), plans


# --- 4. states -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name, states", [
    ("states-2017", {"state/argentina", "state/chile", "state/uruguay", "state/paraguay"}),
    ("lima-2022", {"state/kenya", "state/chile", "state/peru"}),
    ("baku-2019", {"state/azerbaijan"}),
])
def test_extract_rules_states_named_as_actors_are_entities(name: str, states: set[str]) -> None:
    # a state named only in a caption ("A Brazilian patrol boat ...") is neither required nor checked
    assert states <= set(run(name).entities), sorted(run(name).entities)


# --- 5. dates through extraction -----------------------------------------------------------------
@pytest.mark.parametrize("name, visit, start, end", [
    ("visits-2019", "visit/yoweri-museveni-poland-2019", "2019-09-17", "2019-09-19"),
    ("visits-2019", "visit/juri-ratas-japan-2019", "2019-09-03", "2019-09-06"),
])
def test_extract_rules_visit_day_range(name: str, visit: str, start: str, end: str) -> None:
    fs = facts(name)
    assert (visit, "startDate", start) in fs and (visit, "endDate", end) in fs, sorted(fs)


@pytest.mark.parametrize("name, participants, place", [
    ("riga-2016", {"person/sauli-niinisto", "person/raimonds-vejonis"}, "place/riga"),
])
def test_extract_rules_summit_subject_of_coordinated_verbs(name: str, participants: set[str], place: str) -> None:
    found = [v for v in summits(name).values() if v.get("participant") == participants]
    assert found and found[0].get("location") == {place}, summits(name)


@pytest.mark.parametrize("name, visitor, destination, present", [
    ("presence-2017", "person/uhuru-kenyatta", "place/kampala", True),
    ("presence-2017", "person/alassane-ouattara", "place/accra", True),
    # at home is no visit; the host is no visitor
    ("presence-2017", "person/yoweri-museveni", "place/", False),
    ("presence-2017", "person/nana-akufo-addo", "", False),
])
def test_extract_rules_visit_without_travel_verb(name: str, visitor: str, destination: str, present: bool) -> None:
    visits = {sub for sub, p, o in facts(name) if p == "visitor" and o == visitor}
    found = any(has(name, v, "destination", destination) for v in visits) if destination else bool(visits)
    assert found is present, sorted(facts(name))


@pytest.mark.parametrize("name, treaty, place", [
    ("here-2016", "treaty/", "place/accra"),
])
def test_extract_rules_signed_here_is_the_dateline(name: str, treaty: str, place: str) -> None:
    assert has(name, treaty, "signedAt", place), sorted(facts(name))


@pytest.mark.parametrize("name, person, signed", [
    ("concerning-1981", "person/amina-diallo", True),
    ("concerning-1981", "person/omar-ba", True),
    ("concerning-1981", "person/abdou-diouf", False),   # "in the presence of"
])
def test_extract_rules_signatories_not_bystanders(name: str, person: str, signed: bool) -> None:
    treaty = "treaty/treaty-concerning-the-delimitation-of-the-river-frontier"
    assert has(name, treaty, "signatory", person) is signed, sorted(facts(name))


@pytest.mark.parametrize("name, visitor, asserted", [
    ("present-2023", "person/william-ruto", True),
    ("present-2023", "person/gabriel-boric", False),
])
def test_extract_rules_present_tense_visit(name: str, visitor: str, asserted: bool) -> None:
    assert any(p == "visitor" and o == visitor for _, p, o in facts(name)) is asserted, sorted(facts(name))


# --- signings told after a meeting, and how unnamed treaties are described --------------------
TEXTS.update({
    # "the two sides signed": parties from the meeting just told, no signer named; the story's
    # date and the dateline place the signing; the treaty keeps the text's own description
    "sides-2019": ("2019-06-12", """Sahel ties

BAMAKO, June 11 (Wire) - Malian President Ibrahim Keita held talks with Nigerien President Mahamadou Issoufou on Tuesday. The two sides signed an agreement on cross-border livestock trade and the presidents toured a market."""),
    # "they also signed" after a reception: host and guest both signed; "a new border security
    # agreement" is known by its own words
    "received-2022": ("2022-12-23", """Neighbours

TASHKENT, Dec 22 (Wire) - Uzbek President Shavkat Mirziyoyev received Kazakh President Kassym-Jomart Tokayev on Thursday. They also signed a new border security agreement."""),
    # a participle names its own treaty; a year names an older one ("the 1903 treaty")
    "participle-2020": ("2020-05-01", """History

The Lima Convention, signed in Lima on 2 March 1936, revised the 1903 treaty between Peru and Chile."""),
    # a law about a treaty is not the treaty's signing; "the 13th summit" is not a date;
    # "signed in Singapore": where, not a party
    "law-2023": ("2023-11-08", """Open skies

President Kassym-Jomart Tokayev signed a law withdrawing Kazakhstan from the Treaty on Open Skies in May. The Benelux Charter was signed at the 9th summit in Luxembourg on 14 May 2004."""),
    # "put their signatures to"; a definite adjective description points back to the named treaty
    "signatures-2021": ("2021-11-27", """Iberian treaty

MADRID, Nov 26 (Wire) - Spanish President Pedro Sanchez and Prime Minister Antonio Costa of Portugal put their signatures to the Treaty of Friendship and Good Neighbourhood on Friday. The Luso-Spanish accord sets up yearly summits."""),
})


def _treaty_alts(name: str) -> set[str]:
    return {a for e in run(name).entities.values() if e.kind == "Treaty" for a in (e.label, *e.alt_labels)}


def test_extract_rules_two_sides_signed_after_a_meeting() -> None:
    fs = facts("sides-2019")
    treaty = next(s for s, p, o in fs if s.startswith("treaty/") and p == "party")
    assert {o for s, p, o in fs if s == treaty and p == "party"} == {"state/mali", "state/niger"}
    assert not any(s == treaty and p == "signatory" for s, p, o in fs)   # "sides" names no signer
    assert (treaty, "signedOn", "2019-06-11") in fs
    assert (treaty, "signedAt", "place/bamako") in fs
    assert "agreement on cross-border livestock trade" in _treaty_alts("sides-2019")


def test_extract_rules_they_signed_after_a_reception() -> None:
    fs = facts("received-2022")
    treaty = next(s for s, p, o in fs if s.startswith("treaty/") and p == "party")
    assert {o for s, p, o in fs if s == treaty and p == "signatory"} == {
        "person/shavkat-mirziyoyev", "person/kassym-jomart-tokayev"}
    assert {o for s, p, o in fs if s == treaty and p == "party"} == {"state/uzbekistan", "state/kazakhstan"}
    assert "border security agreement" in _treaty_alts("received-2022")


def test_extract_rules_participle_dates_its_own_treaty() -> None:
    fs = facts("participle-2020")
    assert ("treaty/lima-convention", "signedOn", "1936-03-02") in fs
    assert not any(p == "signedOn" and o == "1936-03-02" for s, p, o in fs if s != "treaty/lima-convention")
    assert {"1903 treaty", "treaty of 1903"} <= _treaty_alts("participle-2020")


def test_extract_rules_signing_a_law_is_not_signing_the_treaty() -> None:
    fs = facts("law-2023")
    assert not any(p == "signatory" for s, p, o in fs)
    assert ("treaty/benelux-charter", "signedOn", "2004-05-14") in fs
    assert not any(s == "treaty/benelux-charter" and p == "party" for s, p, o in fs)


def test_extract_rules_signatures_and_definite_adjective_description() -> None:
    fs = facts("signatures-2021")
    treaty = "treaty/treaty-of-friendship-and-good-neighbourhood"
    assert {o for s, p, o in fs if s == treaty and p == "signatory"} == {"person/pedro-sanchez", "person/antonio-costa"}
    assert {o for s, p, o in fs if s == treaty and p == "party"} == {"state/spain", "state/portugal"}
    assert not any(s.startswith("treaty/") and s != treaty for s, p, o in fs)   # one treaty, not two


# --- meetings told without "met", one-leader gatherings, titles the NER swallowed -----------------
TEXTS.update({
    "gatherings-2010": ("2010-05-02", """Regional bloc

The union itself was born at the Lusaka summit, which opened on 9 July 2001 with Zambian President Frederick Chiluba as its first chairman. At the third ECOWAS summit, held in Abuja in July 2003 and chaired by then-President Olusegun Obasanjo of Nigeria, leaders adopted a new protocol. Analysts criticised the ECOWAS summit of 2005."""),
    "receptions-2016": ("2016-04-09", """Visits

ACCRA, April 8 (Wire) - Ghanaian President John Mahama received Ivorian President Alassane Ouattara on Friday. On Thursday Indian Prime Minister Narendra Modi toured a dam near Kathmandu and called on Nepalese President Ram Baran Yadav. In October 2015 Russian President Vladimir Putin brought Kyrgyz President Almazbek Atambayev and Tajik President Emomali Rahmon together in Astana."""),
    "titles-1990": ("1990-06-10", """Old signatures

The deal was signed by Prime Minister Margaret Thatcher and Taoiseach Charles Haughey in 1985. President Suharto met reporters in Jakarta in 1990."""),
})


def test_extract_rules_one_leader_named_gathering() -> None:
    s = summits("gatherings-2010")
    chiluba = [v for v in s.values() if v.get("participant") == {"person/frederick-chiluba"}]
    assert chiluba and chiluba[0].get("startDate") == {"2001-07-09"} and chiluba[0].get("location") == {"place/lusaka"}
    obasanjo = [v for v in s.values() if v.get("participant") == {"person/olusegun-obasanjo"}]
    assert obasanjo and obasanjo[0].get("startDate") == {"2003-07"}
    assert len(s) == 2   # nobody took part in the criticised one
    alts = {a for e in run("gatherings-2010").entities.values() if e.kind == "Summit" for a in e.alt_labels}
    assert {"Lusaka summit", "ECOWAS summit 2003"} <= alts


def test_extract_rules_receptions_and_calls_are_meetings() -> None:
    parts = [v.get("participant") for v in summits("receptions-2016").values()]
    assert {"person/john-mahama", "person/alassane-ouattara"} in parts
    assert {"person/narendra-modi", "person/ram-baran-yadav"} in parts
    assert {"person/vladimir-putin", "person/almazbek-atambayev", "person/emomali-rahmon"} in parts
    mahama = next(v for v in summits("receptions-2016").values()
                  if v.get("participant") == {"person/john-mahama", "person/alassane-ouattara"})
    assert mahama.get("location") == {"place/accra"} and mahama.get("startDate") == {"2016-04-08"}


def test_extract_rules_title_inside_a_name_and_one_word_names() -> None:
    fs = facts("titles-1990")
    assert ("person/charles-haughey", "leaderOf", "state/ireland") in fs
    assert ("person/margaret-thatcher", "leaderOf", "state/united-kingdom") in fs
    assert ("person/suharto", "leaderOf", "state/indonesia") in fs


# --- visitors named in a relative clause or in apposition to the subject -------------------------
TEXTS.update({
    "visitors-2014": ("2014-11-27", """Regional summit

DHAKA, Nov 27 (Wire) - Bhutanese Prime Minister Tshering Tobgay, who arrived in Dhaka on Tuesday, told the opening session that trade would grow. Foreign Minister Sushma Swaraj of India, who was in Colombo last month, is travelling with the delegation. On Wednesday Abe's successor as head of the delegation, Japanese Foreign Minister Fumio Kishida, arrived in Dhaka."""),
})


def test_extract_rules_visitor_in_a_relative_clause_or_apposition() -> None:
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("visitors-2014")}
    assert ("person/tshering-tobgay", "place/dhaka", "2014-11-25") in visits
    assert ("person/sushma-swaraj", "place/colombo", "2014-10") in visits
    assert ("person/fumio-kishida", "place/dhaka", "2014-11-26") in visits
    assert not any(v[0] == "person/shinzo-abe" for v in visits)   # the possessor did not travel


def _visits(name: str) -> list[dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for sub, p, o in facts(name):
        if sub.startswith("visit/"):
            out.setdefault(sub, {})[p] = o
    return list(out.values())


# --- "the two sides held talks", receptions in the passive, background clauses, years ------------
TEXTS.update({
    "sides-talks-2019": ("2019-02-13", """State visit

HANOI, Feb 12 (Wire) - President Rodrigo Duterte of the Philippines arrived in Hanoi on Tuesday and was received by Vietnamese President Nguyen Phu Trong. The two sides then held talks in delegation format."""),
    "since-2018": ("2018-05-04", """Rare trip

Malaysian Prime Minister Mahathir Mohamad arrived in Jakarta on Thursday for a one-day visit, the first such trip since Prime Minister Najib Razak travelled to Bogor in August 2016.

The two leaders held talks at the presidential palace. Indonesian President Joko Widodo hosted a lunch."""),
    "sentence-year-2022": ("2022-05-25", """Anniversary

Ghanaian Prime Minister Kwame Nkrumah, who took office in 1957, visited Lagos from 3 to 6 March."""),
})


def test_extract_rules_two_sides_held_talks_after_a_reception() -> None:
    parts = [v for v in summits("sides-talks-2019").values()
             if v.get("participant") == {"person/rodrigo-duterte", "person/nguyen-phu-trong"}]
    assert parts and parts[0].get("startDate") == {"2019-02-12"} and parts[0].get("location") == {"place/hanoi"}
    assert len(summits("sides-talks-2019")) == 1   # the reception and the talks: one meeting


def test_extract_rules_background_clause_is_not_the_story() -> None:
    s = summits("since-2018")
    assert not any("person/najib-razak" in v.get("participant", set()) for v in s.values())
    assert not any(v.get("startDate") == {"2016-08"} for v in s.values())


def test_extract_rules_day_and_month_take_their_sentence_year() -> None:
    visits = _visits("sentence-year-2022")
    assert [(v["visitor"], v.get("startDate"), v.get("endDate")) for v in visits] == [
        ("person/kwame-nkrumah", "1957-03-03", "1957-03-06")], visits


# --- treaties cited by initials or another name; signers in a by-phrase ---------------------------
TEXTS.update({
    "initials-2016": ("2016-07-01", """Border history

In June Indian Prime Minister Narendra Modi was in Dhaka for the ratification of the Indo-Bangladesh Enclave Exchange Agreement. The EEA had been signed in March 1972 by the envoys Ravi Menon and Karim Chowdhury, Salma Chowdhury's father."""),
    "aka-2019": ("2019-01-01", """Canal history

The first was the Darien Canal Convention, better known as the Gomez-Whitfield Treaty. It was signed in Bogota on 3 May 1921 by the envoys Arturo Gomez and Henry Whitfield. The Status of Navigation Agreement (SNA) was signed by Colombia and Panama in 1925."""),
})


def test_extract_rules_treaty_cited_by_initials() -> None:
    fs = facts("initials-2016")
    treaty = "treaty/indo-bangladesh-enclave-exchange-agreement"
    assert {o for s, p, o in fs if s == treaty and p == "signatory"} == {"person/ravi-menon",
                                                                        "person/karim-chowdhury"}
    assert (treaty, "signedOn", "1972-03") in fs
    assert "EEA" in _treaty_alts("initials-2016")


def test_extract_rules_better_known_as_is_one_treaty() -> None:
    fs = facts("aka-2019")
    treaties = {s for s, p, o in fs if s.startswith("treaty/")}
    assert "treaty/gomez-whitfield-treaty" not in treaties
    assert {o for s, p, o in fs if s == "treaty/darien-canal-convention" and p == "signatory"} == {
        "person/arturo-gomez", "person/henry-whitfield"}   # named in the by-phrase, no office needed
    assert {"Gomez-Whitfield Treaty", "Status of Navigation Agreement", "SNA"} <= _treaty_alts("aka-2019")


# --- a signing during a visit just told; a state's founder -----------------------------------------
TEXTS.update({
    "visit-signing-2024": ("2024-06-21", """Visit

Chinese President Xi Jinping's brief visit to Astana on June 19 drew attention. The signing of a Treaty on Permanent Good Neighbourliness by Xi and Kazakh President Kassym-Jomart Tokayev made headlines. Muhammad Ali Jinnah, the founder of Pakistan, is remembered there too."""),
})


def test_extract_rules_signing_during_a_visit_takes_its_place() -> None:
    fs = facts("visit-signing-2024")
    treaty = "treaty/treaty-on-permanent-good-neighbourliness"
    assert (treaty, "signedAt", "place/astana") in fs
    assert (treaty, "signedOn", "2024-06-19") in fs
    assert ("person/mohammed-ali-jinnah", "leaderOf", "state/pakistan") in fs


# --- visits told by a participle, a stop, a delegation ---------------------------------------------
TEXTS.update({
    "stops-2019": ("2019-03-26", """Old ties

His successor Hosni Mubarak kept the peace while visiting Israel only once, in 1995. Indian Prime Minister Narendra Modi's unscheduled stop in Lahore in December 2015 surprised many. A Somali delegation led by Foreign Minister Ahmed Isse Awad travelled to Nairobi on March 12."""),
})


def test_extract_rules_visits_by_participle_stop_and_delegation() -> None:
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("stops-2019")}
    assert ("person/hosni-mubarak", "state/israel", "1995") in visits
    assert ("person/narendra-modi", "place/lahore", "2015-12") in visits
    assert ("person/ahmed-isse-awad", "place/nairobi", "2019-03-12") in visits
    assert ("person/ahmed-isse-awad", "officialOf", "state/somalia") in facts("stops-2019")


# --- officials of international bodies are no state's officials -----------------------------------
TEXTS.update({
    "bodies-2019": ("2019-01-23", """Signing

The two leaders signed in front of guests including European Council President Donald Tusk and Commission President Jean-Claude Juncker. The deal was witnessed by U.N. Secretary-General Kofi Annan. Ban Ki-moon, Secretary-General of the United Nations, sent a message. Polish Prime Minister Mateusz Morawiecki attended. Romanian President Klaus Iohannis, whose country holds the EU presidency, spoke. North Korea's Chairman of the State Affairs Commission Kim Jong Un sent greetings."""),
})


def test_extract_rules_international_officials_have_no_state() -> None:
    fs = facts("bodies-2019")
    for who in ("donald-tusk", "jean-claude-juncker", "kofi-annan", "ban-ki-moon"):
        assert not any(s == f"person/{who}" and p in ("leaderOf", "officialOf") for s, p, o in fs), who
    assert ("person/mateusz-morawiecki", "leaderOf", "state/poland") in fs
    assert ("person/klaus-iohannis", "leaderOf", "state/romania") in fs
    assert ("person/kim-jong-un", "leaderOf", "state/north-korea") in fs   # a state's commission


def test_extract_rules_treaty_bears_its_date() -> None:
    TEXTS["of-date-2023"] = ("2023-01-05", """Old treaties

The new treaty builds on the Treaty of Lasting Friendship of 12 March 1997 and the Treaty on Deep Partnership of June 4, 2011, which both presidents praised.""")
    fs = facts("of-date-2023")
    assert ("treaty/treaty-of-lasting-friendship", "signedOn", "1997-03-12") in fs
    assert ("treaty/treaty-on-deep-partnership", "signedOn", "2011-06-04") in fs


def test_extract_rules_visits_into_two_places_and_on_a_state_visit() -> None:
    TEXTS["two-places-2024"] = ("2024-06-22", """Visits

NEW DELHI, June 22 (Wire) - Nepalese Prime Minister Pushpa Kamal Dahal, on a three-day state visit that began on Friday, held talks with Indian Prime Minister Narendra Modi. In March 2019 Chinese Premier Li Keqiang travelled to Hanoi and then to Vientiane. Swiss President Alain Berset flew into Montevideo on Thursday.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("two-places-2024")}
    assert ("person/pushpa-kamal-dahal", "place/new-delhi", "2024-06-21") in visits
    assert {("person/li-keqiang", "place/hanoi", "2019-03"), ("person/li-keqiang", "place/vientiane", "2019-03")} <= visits
    assert ("person/alain-berset", "place/montevideo", "2024-06-20") in visits


def test_extract_rules_leaders_watching_a_signing_met_but_are_no_party() -> None:
    TEXTS["watched-2024"] = ("2024-05-10", """Border accord

Chilean President Gabriel Boric and Argentina's President Javier Milei signed a border accord in Santiago on Tuesday, watched by Brazilian President Luiz Inacio Lula da Silva.""")
    fs = facts("watched-2024")
    parties = {o for s, p, o in fs if p == "party"}
    assert parties == {"state/chile", "state/argentina"}   # the guest's state is no party
    signers = {o for s, p, o in fs if p == "signatory"}
    assert signers == {"person/gabriel-boric", "person/javier-milei"}   # "A and B's President C"
    met = [v for v in summits("watched-2024").values()]
    assert len(met) == 1 and met[0]["participant"] == {
        "person/gabriel-boric", "person/javier-milei", "person/luiz-inacio-lula-da-silva"}


def test_extract_rules_ministers_sign_the_document_while_leaders_watch_in_a_dateline_town() -> None:
    TEXTS["document-2021"] = ("2021-09-12", """Lake accord

ORAVITA, Romania, Sept 12 - Romania and Serbia signed an agreement on Sunday on the shared management of the Danube gorge.

The foreign ministers, Bogdan Aurescu and Nikola Selakovic, signed the document in this border town, watched by Prime Ministers Florin Citu and Ana Brnabic.""")
    fs = facts("document-2021")
    met = list(summits("document-2021").values())
    assert len(met) == 1 and met[0]["participant"] == {"person/florin-citu", "person/ana-brnabic"}, met
    assert met[0].get("location") == {"place/oravita"} and met[0].get("startDate") == {"2021-09-12"}
    assert ("place/oravita", "locatedIn", "state/romania") in fs
    assert not any(o == "person/ministers-florin-citu" for s, p, o in fs)


def test_extract_rules_that_summit_points_back() -> None:
    TEXTS["anchor-2024"] = ("2024-05-10", """Ceasefire

The two presidents renewed the truce agreed at a regional summit in Arusha on March 3. That summit had been organised by Kenyan leader William Ruto and opened by Samia Suluhu Hassan, Tanzania's president.""")
    met = list(summits("anchor-2024").values())
    assert len(met) == 1 and met[0]["participant"] == {"person/samia-suluhu-hassan", "person/william-ruto"}
    assert met[0].get("startDate") == {"2024-03-03"} and met[0].get("location") == {"place/arusha"}


def test_extract_rules_the_president_and_the_king_during_a_visit() -> None:
    TEXTS["readout-2019"] = ("2019-11-05", """Statement

President Kassym-Jomart Tokayev yesterday received King Abdullah II of Jordan at the airport in Nur-Sultan. The King arrived on Monday for a three-day visit to Kazakhstan.

This morning the King sat down for talks with the President in a small format. In another city, Prime Minister Askar Mamin met President Ilham Aliyev and later Prime Minister Nikol Pashinyan.""")
    met = {v.get("startDate", frozenset()) and next(iter(v["startDate"])): v for v in summits("readout-2019").values()
           if "person/abdullah-ii" in v["participant"]}
    talks = met.get("2019-11-05")
    assert talks is not None and talks["participant"] == {"person/kassym-jomart-tokayev", "person/abdullah-ii"}
    assert talks.get("location") == {"place/astana"}   # where the guest's visit had brought him
    assert "2019-11-04" not in met   # the welcome at the airport the day before: protocol, not talks
    # "A met B and later C": B and C did not meet
    others = summits("readout-2019").values()
    assert not any({"person/ilham-aliyev", "person/nikol-pashinyan"} <= v["participant"] for v in others)
    assert any(v["participant"] == {"person/askar-mamin", "person/nikol-pashinyan"} for v in others)


def test_extract_rules_first_to_visit_since_a_predecessor() -> None:
    TEXTS["predecessor-2016"] = ("2016-09-30", """Pacific tour

Japanese Prime Minister Shinzo Abe went on to Fiji on Thursday, the first visit by a Japanese prime minister since Toshiki Kaifu in 1990. Earlier Abe became the second Japanese leader to set foot in the Samoan capital, after Yasuo Fukuda in May 2008 and Junichiro Koizumi in 2005. His host called it his third meeting with Abe this year.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("predecessor-2016")}
    assert ("person/shinzo-abe", "state/fiji", "2016-09-29") in visits
    assert ("person/toshiki-kaifu", "state/fiji", "1990") in visits
    abe_samoa = [v for v in visits if v[0] == "person/shinzo-abe" and v[1] in ("place/apia", "state/samoa")]
    assert abe_samoa and all(v[2] not in ("2008-05", "2005") for v in abe_samoa)   # the predecessors' dates
    assert any(v[0] == "person/yasuo-fukuda" and v[2] == "2008-05" for v in visits)
    assert any(v[0] == "person/junichiro-koizumi" and v[2] == "2005" for v in visits)


def test_extract_rules_arrivals_without_a_destination_and_capitals_by_adjective() -> None:
    TEXTS["arrived-2022"] = ("2022-03-09", """Talks

HANOI, March 9 (Wire) - Lao Prime Minister Phankham Viphavanh, who flew in on Tuesday, held talks with Vietnamese Prime Minister Pham Minh Chinh. A day later Cambodian Prime Minister Hun Sen and Thai Prime Minister Prayut Chan-o-cha met in the Cambodian capital. It had been agreed in January, when Hun Sen travelled to Bangkok.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("arrived-2022")}
    assert ("person/phankham-viphavanh", "place/hanoi", "2022-03-08") in visits
    assert ("person/hun-sen", "place/bangkok", "2022-01") in visits   # a past clause under "had been agreed"
    met = [v for v in summits("arrived-2022").values() if "person/prayut-chan-o-cha" in v["participant"]]
    assert met and met[0].get("location") == {"place/phnom-penh"}


def test_extract_rules_signatories_listed_quoted_names_and_a_journey_to_sign() -> None:
    TEXTS["list-1967"] = ("1967-08-20", """Founding

The four heads of government met in Kuala Lumpur from 7 to 8 August 1967 and signed the Charter of Regional Harmony. The signatories were Thailand's Prime Minister Thanom Kittikachorn, Malaysia's Prime Minister Tunku Abdul Rahman, Singapore's Prime Minister Lee Kuan Yew and the Philippines' President Ferdinand Marcos.""")
    fs = facts("list-1967")
    signers = {o for s, p, o in fs if s == "treaty/charter-of-regional-harmony" and p == "signatory"}
    assert {"person/ferdinand-marcos", "person/lee-kuan-yew", "person/thanom-kittikachorn"} <= signers
    assert ("treaty/charter-of-regional-harmony", "party", "state/singapore") in fs
    met = [v for v in summits("list-1967").values() if "person/lee-kuan-yew" in v["participant"]]
    assert met and met[0].get("startDate") == {"1967-08-07"} and met[0].get("location") == {"place/kuala-lumpur"}
    TEXTS["quoted-2024"] = ("2024-08-30", """Fiji and Tonga sign 'Vaka Moana' pact

SUVA, Fiji, Aug 30 (Wire) - The Fiji-Tonga Vaka Moana was signed on Thursday by Prime Minister Sitiveni Rabuka and Prime Minister Siaosi Sovaleni of Tonga.""")
    fs = facts("quoted-2024")
    assert {("treaty/vaka-moana", "party", "state/fiji"), ("treaty/vaka-moana", "party", "state/tonga"),
            ("treaty/vaka-moana", "signedOn", "2024-08-29")} <= fs
    TEXTS["journey-1991"] = ("1995-05-01", """Looking back

It was his first trip abroad since March 1991, when he flew to Lusaka to sign the Zambezi Accord with President Kenneth Kaunda.""")
    fs = facts("journey-1991")
    assert ("treaty/zambezi-accord", "signedOn", "1991-03") in fs and ("treaty/zambezi-accord", "signedAt", "place/lusaka") in fs


def test_extract_rules_paired_plural_titles_and_named_foreign_ministers() -> None:
    TEXTS["paired-1995"] = ("1995-06-02", """Talks

The meeting was co-chaired by the Thai and Malaysian foreign ministers, Kasit Piromya and Anifah Aman. Foreign ministers from both sides, including Sergei Lavrov, met in Almaty the same week; Russia and Kazakhstan agreed to meet again.""")
    fs = facts("paired-1995")
    assert ("person/kasit-piromya", "officialOf", "state/thailand") in fs
    assert ("person/anifah-aman", "officialOf", "state/malaysia") in fs
    assert ("person/kasit-piromya", "officialOf", "state/malaysia") not in fs
    # Lavrov's term as foreign minister began in 2004: not one in 1995
    assert not any(s == "person/sergei-lavrov" and p == "officialOf" for s, p, o in fs)
    TEXTS["lavrov-2018"] = ("2018-08-12", """Caspian

Foreign ministers of the five countries, including Sergei Lavrov, met in Aktau on Saturday. Russia and Iran agreed.""")
    assert ("person/sergei-lavrov", "officialOf", "state/russia") in facts("lavrov-2018")


def test_extract_rules_two_signings_in_one_sentence() -> None:
    TEXTS["two-signings-2021"] = ("2021-03-15", """Anniversary

Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda signed the Vilnius Friendship Charter in Vilnius on Monday, exactly 30 years after Lech Walesa and Vytautas Landsbergis signed the Baltic Neighbourhood Treaty in Warsaw on 15 March 1991.""")
    fs = facts("two-signings-2021")
    assert ("treaty/vilnius-friendship-charter", "signedOn", "2021-03-15") in fs
    assert ("treaty/vilnius-friendship-charter", "signedOn", "1991-03-15") not in fs
    assert ("treaty/baltic-neighbourhood-treaty", "signatory", "person/lech-walesa") in fs
    assert ("treaty/baltic-neighbourhood-treaty", "signedOn", "1991-03-15") in fs
    assert ("treaty/baltic-neighbourhood-treaty", "signedAt", "place/warsaw") in fs
    assert ("treaty/baltic-neighbourhood-treaty", "signatory", "person/andrzej-duda") not in fs
    met = [v for v in summits("two-signings-2021").values() if "person/andrzej-duda" in v["participant"]]
    assert met and met[0].get("startDate") != {"1991-03-15"}


def test_extract_rules_earlier_in_the_story_takes_its_year_and_a_summit_that_ended() -> None:
    TEXTS["earlier-2018"] = ("2018-10-20", """Thirty years on

The accord was signed in Geneva in 1988, long after a first attempt had failed in 1979. It had been drafted two months earlier, on May 3, when Swedish Prime Minister Ingvar Carlsson travelled to Oslo.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("earlier-2018")}
    assert ("person/ingvar-carlsson", "place/oslo", "1988-05-03") in visits
    TEXTS["ended-2019"] = ("2019-06-30", """Osaka

OSAKA, June 29 (Wire) - Shinzo Abe, prime minister of Japan, and Narendra Modi, prime minister of India, ended their summit in Osaka on Saturday after two days of talks.""")
    met = list(summits("ended-2019").values())
    assert met and met[0].get("startDate") == {"2019-06-28"} and met[0].get("endDate") == {"2019-06-29"}


def test_extract_rules_plain_motion_verbs_and_trips_at_home() -> None:
    TEXTS["motion-2005"] = ("2005-04-12", """Border bus

Indian Prime Minister Manmohan Singh rode a bus to Lahore on Sunday. Afghan President Hamid Karzai crossed into Pakistan on Monday. Indian Prime Minister Manmohan Singh went to Mumbai on Tuesday. Within days Pakistani troops crossed into the disputed area, as he had warned.""")
    visits = {(v["visitor"], v["destination"]) for v in _visits("motion-2005")}
    assert ("person/manmohan-singh", "place/lahore") in visits
    assert ("person/hamid-karzai", "state/pakistan") in visits
    assert ("person/manmohan-singh", "place/mumbai") not in visits   # a trip at home
    assert not any(v[0] == "person/hamid-karzai" and v[1] != "state/pakistan" for v in visits)


def test_extract_rules_summit_labels_carry_the_year_unless_a_pair_met_twice() -> None:
    ents = run("readout-2019").entities
    labels = {k: e.label for k, e in (ents.items() if isinstance(ents, dict) else ((e.key, e) for e in ents))
              if k.startswith("summit/")}
    assert labels["summit/askar-mamin-ilham-aliyev-2019"].endswith("(2019)")
    TEXTS["twice-2019"] = ("2019-11-06", """Talks

Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Tashkent on 4 March. Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Almaty on 5 November.""")
    ents = run("twice-2019").entities
    summ = sorted(e.label for e in (ents.values() if isinstance(ents, dict) else ents) if e.key.startswith("summit/"))
    assert summ == ["Summit of Kassym-Jomart Tokayev and Shavkat Mirziyoyev (2019)",
                    "Summit of Kassym-Jomart Tokayev and Shavkat Mirziyoyev (2019-11-05)"], summ


def _all_facts(name: str) -> frozenset[tuple[str, str, str, str]]:
    """Every fact with the section of its evidence (``reference`` for facts the reference data adds)."""
    return frozenset((f.subject, f.predicate, getattr(f.obj, "key", str(f.obj)), f.evidence.section)
                     for f in run(name).facts if f.status is None)


def test_extract_rules_reference_treaties_by_short_name_and_what_the_reference_adds() -> None:
    TEXTS["short-names-2021"] = ("2021-02-05", """Arms control

Washington and Moscow agreed this week to extend New START by five years. The United States left the INF treaty in 2019; the Soviet Union had signed it with the United States in December 1987.""")
    fs = _all_facts("short-names-2021")
    ents = run("short-names-2021").entities
    ents = ents if isinstance(ents, dict) else {e.key: e for e in ents}
    # the short names link to the reference treaties, whose full names become the labels
    assert ents["treaty/intermediate-range-nuclear-forces-treaty"].label == "Intermediate-Range Nuclear Forces Treaty"
    assert "INF" in ents["treaty/intermediate-range-nuclear-forces-treaty"].alt_labels
    assert "treaty/new-start" in ents
    # a bilateral treaty whose two states the story names: its parties, marked as from the reference
    assert ("treaty/intermediate-range-nuclear-forces-treaty", "party", "state/united-states", "body") in fs \
        or ("treaty/intermediate-range-nuclear-forces-treaty", "party", "state/united-states", "reference") in fs
    # the reference's signing day is finer than the month the text gives, and does not contradict it
    assert any(s == "treaty/intermediate-range-nuclear-forces-treaty" and p == "signedOn" and o.startswith("1987-12")
               for s, p, o, _ in fs)


def test_extract_rules_reference_treaty_not_linked_against_the_text() -> None:
    # a year the text gives for a treaty that is not the reference's year: a treaty of its own
    TEXTS["other-year-2010"] = ("2010-05-03", """Fishing

Norway and Iceland renewed the Schengen Agreement of 1961 on herring quotas on Monday.""")
    ents = run("other-year-2010").entities
    keys = set(ents if isinstance(ents, dict) else (e.key for e in ents))
    assert "treaty/schengen-agreement" not in keys or all(
        s != "treaty/schengen-agreement" or p != "signedOn" or o.startswith("1961")
        for s, p, o, _ in _all_facts("other-year-2010"))
    assert not any(sec == "reference" and p in ("signedOn", "signedAt") for s, p, o, sec in _all_facts("other-year-2010"))
    # a bilateral treaty of the reference named in a story about neither of its states: not linked
    TEXTS["other-states-2012"] = ("2012-09-10", """Delta

Officials in Hanoi and Vientiane pointed to the Land Boundary Agreement they concluded in 1977 as a model for the river talks.""")
    assert not any(s == "treaty/india-bangladesh-land-boundary-agreement" for s, p, o, _ in _all_facts("other-states-2012"))


def test_extract_rules_dated_signings_in_the_past_and_historic_signings_are_not_meetings() -> None:
    TEXTS["apposition-2015"] = ("2015-11-02", """Water

Egypt and Sudan argued about the Nile Waters Agreement, signed in Cairo by Gamal Abdel Nasser and Ibrahim Abboud in November 1959, which shares the river's flow.""")
    fs = facts("apposition-2015")
    assert ("treaty/nile-waters-agreement", "signatory", "person/gamal-abdel-nasser") in fs
    assert ("treaty/nile-waters-agreement", "signedOn", "1959-11") in fs
    assert not any(s.startswith("plan/") for s, p, o in fs)
    # a signing the story looks back on is not a summit it reports
    assert not summits("apposition-2015")


def test_extract_rules_other_names_and_succession_by_pronoun() -> None:
    TEXTS["aka-2012"] = ("2012-04-20", """Pacts

The Coastal Fisheries Treaty, or Reef Treaty, was signed by Fijian Prime Minister Frank Bainimarama and Tongan Prime Minister Lord Tuivakano in Suva on 3 March 2011. It succeeded the Lagoon Accord, which had lapsed in 2009, and it superseded the Reef Convention. Fishermen still call it the Reef Treaty.""")
    fs = facts("aka-2012")
    assert ("treaty/coastal-fisheries-treaty", "signatory", "person/frank-bainimarama") in fs
    assert not any(s == "treaty/reef-treaty" for s, p, o in fs)
    assert ("treaty/coastal-fisheries-treaty", "replaces", "treaty/lagoon-accord") in fs
    assert ("treaty/coastal-fisheries-treaty", "replaces", "treaty/reef-convention") in fs
    assert ("treaty/lagoon-accord", "replaces", "treaty/reef-convention") not in fs


def test_extract_rules_named_gathering_with_one_leader_and_its_days() -> None:
    TEXTS["chaired-1996"] = ("1996-07-13", """Regional bloc

The Sahel summit in Niamey, which lasted from 10 to 12 July, was chaired by Nigerien President Ibrahim Bare Mainassara.""")
    met = summits("chaired-1996")
    assert len(met) == 1
    (key, v), = met.items()
    assert v["participant"] == {"person/ibrahim-bare-mainassara"}
    assert v.get("startDate") == {"1996-07-10"} and v.get("endDate") == {"1996-07-12"}
    ents = run("chaired-1996").entities
    ent = (ents if isinstance(ents, dict) else {e.key: e for e in ents})[key]
    assert ent.label == "Sahel summit (1996)" and "Sahel summit in Niamey 1996" in ent.alt_labels
    # the chair of a gathering a sentence before named, with the story's dateline as its place
    TEXTS["who-chaired-2011"] = ("2011-03-04", """Bloc meets

DAKAR, March 4 (Wire) - The 9th Atlantic Coast summit closed on Thursday. Senegalese President Abdoulaye Wade, who chaired the summit, said fishing rights had been agreed.""")
    met = summits("who-chaired-2011")
    assert len(met) == 1
    v = next(iter(met.values()))
    assert v["participant"] == {"person/abdoulaye-wade"}
    assert v.get("endDate") == {"2011-03-03"} and "startDate" not in v   # its last day; the first is not told


def test_extract_rules_visit_destination_in_a_later_sentence_and_on_a_trip() -> None:
    TEXTS["later-dest-2013"] = ("2013-09-14", """Neighbours

Malawian President Joyce Banda began a two-day state visit on Thursday. She was welcomed in Lusaka by Zambian President Michael Sata.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("later-dest-2013")}
    assert ("person/joyce-banda", "place/lusaka", "2013-09-12") in visits
    TEXTS["on-trip-2018"] = ("2018-03-20", """Andes

QUITO, March 20 - Peruvian President Pedro Pablo Kuczynski held talks with Ecuadorean President Lenin Moreno at the Carondelet Palace on Monday, on his first trip abroad this year.""")
    visits = {(v["visitor"], v.get("startDate")) for v in _visits("on-trip-2018")}
    assert ("person/pedro-pablo-kuczynski", "2018-03-19") in visits
    # no destination anywhere: no visit
    TEXTS["no-dest-2013"] = ("2013-09-14", """Plans

Malawian President Joyce Banda began a two-day state visit on Thursday, officials said.""")
    assert not _visits("no-dest-2013")


def test_extract_rules_officials_of_the_host_and_of_the_delegation() -> None:
    TEXTS["welcomed-2019"] = ("2019-06-11", """Arrival

Uruguayan President Tabare Vazquez landed in Asuncion on Monday and was welcomed by Foreign Minister Luis Castiglioni. His delegation included Foreign Minister Rodolfo Nin Novoa, who later met Castiglioni.""")
    fs = facts("welcomed-2019")
    assert ("person/luis-castiglioni", "officialOf", "state/paraguay") in fs
    assert ("person/rodolfo-nin-novoa", "officialOf", "state/uruguay") in fs
    assert ("person/rodolfo-nin-novoa", "officialOf", "state/paraguay") not in fs
    # a given name that is also a city, right after a title, is a name
    TEXTS["given-name-2020"] = ("2020-02-03", """Talks

Argentine Foreign Minister Felipe Sola met Economy Minister Santiago Bausili in Buenos Aires on Monday.""")
    ents = run("given-name-2020").entities
    keys = set(ents if isinstance(ents, dict) else (e.key for e in ents))
    assert "person/santiago-bausili" in keys and "place/santiago" not in keys
    # someone honoured by a monument is not an official of the state the story is filed from
    TEXTS["wreath-2020"] = ("2020-02-03", """Visit

LIMA, Feb 3 - Bolivian President Jeanine Anez laid a wreath at the monument to Marshal Andres de Santa Cruz.""")
    assert not any(s == "person/andres-de-santa-cruz" and p == "officialOf" for s, p, o in facts("wreath-2020"))


def test_extract_rules_signers_for_those_named_and_an_unnamed_first_agreement() -> None:
    TEXTS["their-ministers-2017"] = ("2017-08-25", """Pact

Vietnamese Prime Minister Nguyen Xuan Phuc and Thai Prime Minister Prayut Chan-o-cha watched as their foreign ministers signed a fisheries treaty in Hanoi on Thursday.""")
    fs = facts("their-ministers-2017")
    parties = {o for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert parties == {"state/vietnam", "state/thailand"}
    assert not any(p == "signatory" for s, p, o in fs)   # the leaders watched; the ministers are unnamed
    TEXTS["first-agreement-2017"] = ("2017-08-25", """Pact

The agreement was signed by Vietnamese Foreign Minister Pham Binh Minh and Thai Foreign Minister Don Pramudwinai in Hanoi on Thursday.""")
    fs = facts("first-agreement-2017")
    treaty = {s for s, p, o in fs if s.startswith("treaty/")}
    assert len(treaty) == 1
    (t,) = treaty
    assert (t, "signatory", "person/pham-binh-minh") in fs and (t, "party", "state/thailand") in fs
    # "the two sides" of another clause do not make a bystander's state a party
    TEXTS["other-clause-2017"] = ("2017-08-25", """Talks

Lao Prime Minister Thongloun Sisoulith, who signed the Mekong Navigation Treaty in 2001, met Thai Prime Minister Prayut Chan-o-cha in Bangkok on Thursday, and the two sides agreed to dredge the river.""")
    assert not any(s == "treaty/mekong-navigation-treaty" and p == "party" and o == "state/thailand"
                   for s, p, o in facts("other-clause-2017"))


def test_extract_rules_talks_in_one_clause_and_those_who_were_not_there() -> None:
    TEXTS["two-clauses-2019"] = ("2019-06-30", """Sidelines

On the margins of the forum, Brazilian President Jair Bolsonaro met Argentine President Mauricio Macri on Saturday, and Indonesian President Joko Widodo held talks with Australian Prime Minister Scott Morrison on Friday.""")
    met = [v["participant"] for v in summits("two-clauses-2019").values()]
    assert {"person/joko-widodo", "person/scott-morrison"} in met
    assert not any({"person/jair-bolsonaro", "person/scott-morrison"} <= p for p in met)
    # one subject for two verbs is one clause: both co-chairs took part
    TEXTS["co-chaired-2017"] = ("2017-05-20", """Bloc

The summit of the Andean group in Lima, held on Friday, was hosted by Peruvian President Pedro Pablo Kuczynski and co-chaired by Colombian President Juan Manuel Santos.""")
    met = [v["participant"] for v in summits("co-chaired-2017").values()]
    assert any({"person/pedro-pablo-kuczynski", "person/juan-manuel-santos"} <= p for p in met)
    TEXTS["not-by-2016"] = ("2016-03-21", """Arrival

Vietnamese President Tran Dai Quang landed in Manila on Sunday. He was greeted not by President Benigno Aquino but by a deputy foreign minister, and met Aquino on Monday.""")
    met = summits("not-by-2016")
    assert all(v.get("startDate") != {"2016-03-20"} for v in met.values())


def test_extract_rules_remote_attendance_and_the_states_of_plural_leaders() -> None:
    TEXTS["remote-2021"] = ("2021-10-31", """Rome

Mexican President Andres Manuel Lopez Obrador joined the talks virtually, and Argentine President Alberto Fernandez met Brazilian President Jair Bolsonaro in Rome on Saturday.""")
    met = [v["participant"] for v in summits("remote-2021").values()]
    assert met and not any("person/andres-manuel-lopez-obrador" in p for p in met)
    # the leaders of a group are not the leaders of every state the sentence names
    TEXTS["plural-2019"] = ("2019-09-05", """Forum

Ghanaian President Nana Akufo-Addo and Malian President Ibrahim Boubacar Keita spoke on Monday. Leaders of the West African bloc ended their summit in Accra on Wednesday with a statement on the war in Mali.""")
    assert not any({"person/nana-akufo-addo", "person/ibrahim-boubacar-keita"} <= v["participant"]
                   and v.get("startDate") == {"2019-09-04"} for v in summits("plural-2019").values())


def test_extract_rules_a_day_told_relative_to_the_story_and_the_day_said_just_before() -> None:
    # "the next day" counts from the date told just before; the signing falls in the visit
    TEXTS["next-day-2011"] = ("2011-09-30", """Port deal

Malian President Amadou Toumani Toure arrived in Dakar on 12 September for a three-day visit. After talks between Toure and Senegalese President Abdoulaye Wade the next day, the two men signed an agreement on port access.""")
    met = [v for v in summits("next-day-2011").values()
           if {"person/amadou-toumani-toure", "person/abdoulaye-wade"} <= v["participant"]]
    assert met and all(v.get("startDate") == {"2011-09-13"} for v in met)
    assert any(p == "signedAt" and o == "place/dakar" for s, p, o in facts("next-day-2011") if s.startswith("treaty/"))
    # talks that "then" follow a dated sentence take its day, not the day of an arrival told earlier
    TEXTS["then-day-2014"] = ("2014-05-06", """Visit

Chilean President Michelle Bachelet arrived in Lima on Sunday evening.

On Monday she laid flowers at a war memorial before Peruvian President Ollanta Humala greeted her at the palace. The two presidents then held talks on fishing rights.""")
    met = [v for v in summits("then-day-2014").values()
           if {"person/michelle-bachelet", "person/ollanta-humala"} <= v["participant"]]
    assert met and all(v.get("startDate") == {"2014-05-05"} for v in met)


def test_extract_rules_meetings_told_with_a_dashed_list_a_particle_or_a_group_subject() -> None:
    # a list of leaders between spaced dashes, the first a surname the story already knows
    TEXTS["dashes-2017"] = ("2017-07-09", """Bloc

Brazilian President Michel Temer flew to Hamburg on Thursday. The leaders of the trade bloc - Temer, Argentine President Mauricio Macri and Paraguayan President Horacio Cartes - met in Hamburg on Friday.""")
    met = [v["participant"] for v in summits("dashes-2017").values()]
    assert any({"person/michel-temer", "person/mauricio-macri", "person/horacio-cartes"} <= p for p in met)
    # "brought A and B together", "sat down with B": meetings; "came home" is not
    TEXTS["together-2012"] = ("2012-10-20", """Mediation

Senegalese President Macky Sall brought Gambian President Yahya Jammeh and Guinea-Bissau's President Manuel Serifo Nhamadjo together in Dakar on Tuesday. Ghanaian President John Mahama sat down with Ivorian President Alassane Ouattara in Accra on Thursday. Jammeh later came home.""")
    met = [v["participant"] for v in summits("together-2012").values()]
    assert any({"person/macky-sall", "person/yahya-jammeh"} <= p for p in met)
    assert any({"person/john-mahama", "person/alassane-ouattara"} <= p for p in met)
    assert all(len(p) >= 2 for p in met)
    # "the two presidents signed X after talks": the talks were theirs
    TEXTS["after-talks-2016"] = ("2016-03-10", """Border

Uzbek President Islam Karimov arrived in Astana on Tuesday and was welcomed by Kazakh President Nursultan Nazarbayev. The two presidents signed a water accord on Wednesday after a long round of talks.""")
    met = [v for v in summits("after-talks-2016").values()
           if {"person/islam-karimov", "person/nursultan-nazarbayev"} <= v["participant"]]
    assert any(v.get("startDate") == {"2016-03-09"} for v in met)
    # a look ahead with "both leaders" is no meeting of theirs
    TEXTS["look-ahead-2016"] = ("2016-03-10", """Border

Uzbek President Islam Karimov met Kazakh President Nursultan Nazarbayev in Astana on Wednesday. Both leaders said they were looking forward to a regional summit that Kyrgyzstan plans to host in June.""")
    assert all(v.get("startDate") != {"2016-06"} for v in summits("look-ahead-2016").values())


def test_extract_rules_leaders_who_join_a_gathering_told_just_before() -> None:
    # "leaders of X met ...": a gathering whose people the next sentences name
    TEXTS["joined-2016"] = ("2016-06-06", """Bloc

Leaders of the East African Community met in Arusha on Saturday. The summit was chaired by Tanzanian President John Magufuli. Kenyan President Uhuru Kenyatta and Rwandan President Paul Kagame also attended.""")
    met = [v for v in summits("joined-2016").values()
           if {"person/john-magufuli", "person/uhuru-kenyatta", "person/paul-kagame"} <= v["participant"]]
    assert met and all(v.get("startDate") == {"2016-06-04"} for v in met)
    # the host named in apposition joins the named gathering; one who did not attend does not
    TEXTS["host-appos-2016"] = ("2016-06-06", """Bloc

The SADC summit in Gaborone ended on Saturday. Botswana's President Ian Khama, the host, called for calm in Lesotho. Zambian President Edgar Lungu told the summit that elections would be held. Malawian President Peter Mutharika stayed at home.""")
    met = [v["participant"] for v in summits("host-appos-2016").values()]
    assert any({"person/ian-khama", "person/edgar-lungu"} <= p for p in met)
    assert not any("person/peter-mutharika" in p for p in met)
    # "also attended" with no gathering told before it is nothing
    TEXTS["attended-alone-2016"] = ("2016-06-06", """Funeral

Kenyan President Uhuru Kenyatta and Rwandan President Paul Kagame also attended.""")
    assert not summits("attended-alone-2016")


def test_extract_rules_a_treaty_dated_by_the_year_in_its_mention() -> None:
    # "a 1999 treaty on X, signed by A and B in P": a past signing, in the year the mention gives
    TEXTS["year-mention-2019"] = ("2019-05-10", """Fisheries

A 1998 treaty on the lake fisheries, signed by Malawian President Bakili Muluzi and Mozambican President Joaquim Chissano in Lilongwe, still governs the catch.""")
    got = facts("year-mention-2019")
    treaties = {s for s, p, o in got if s.startswith("treaty/") and p == "signatory" and o == "person/bakili-muluzi"}
    assert treaties
    key = next(iter(treaties))
    assert (key, "signedOn", "1998") in got and (key, "signedAt", "place/lilongwe") in got
    # a year in the mention is no past signing when the year is still to come
    TEXTS["year-ahead-2019"] = ("2019-05-10", """Fisheries

A 2021 treaty on the lake fisheries, to be signed by Malawian President Peter Mutharika and Mozambican President Filipe Nyusi, is under negotiation.""")
    assert not any(s.startswith("treaty/") and p == "signatory" for s, p, o in facts("year-ahead-2019"))


def test_extract_rules_an_unnamed_treaty_told_again_in_other_words() -> None:
    TEXTS["pact-again-2012"] = ("2012-08-17", """Sea line

LIMA - Peru and Ecuador on Friday signed an agreement fixing the maritime line between their fishing zones in the Gulf of Guayaquil. The pact was signed in Lima by Foreign Minister Rafael Roncagliolo and his Ecuadorean counterpart, Foreign Minister Ricardo Patino.

Officials also discussed trade.

As a treaty, the maritime agreement still needs approval from the two congresses.""")
    got = facts("pact-again-2012")
    keys = {s for s, p, o in got if s.startswith("treaty/")}
    assert len(keys) == 1
    key = next(iter(keys))
    assert {(key, "signatory", "person/rafael-roncagliolo"), (key, "signatory", "person/ricardo-patino"),
            (key, "signedAt", "place/lima")} <= got
    # where the line runs is not where the pact was signed
    assert not any(p == "signedAt" and "guayaquil" in o for s, p, o in got)
    alts = run("pact-again-2012").entities[key].alt_labels
    assert any(a.lower() == "maritime agreement" for a in alts)
    # a name with "del" is one name
    TEXTS["del-2010"] = ("2010-06-01", """Talks

Mexican Foreign Minister Patricia Espinosa met Foreign Affairs Secretary Alberto del Castillo of Honduras in Tegucigalpa on Monday.""")
    assert any(p == "officialOf" and s == "person/alberto-del-castillo" for s, p, o in facts("del-2010"))


def test_extract_rules_a_summit_and_the_meetings_on_its_sidelines() -> None:
    TEXTS["sidelines-2005"] = ("2005-07-09", """Osaka

Leaders of the Group of Eight met in Gleneagles on Wednesday and Thursday under the chairmanship of British Prime Minister Tony Blair. Japanese Prime Minister Junichiro Koizumi met Canadian Prime Minister Paul Martin on the sidelines of the G8 summit on Thursday.""")
    got = summits("sidelines-2005")
    bilateral = [v for v in got.values() if v["participant"] == {"person/junichiro-koizumi", "person/paul-martin"}]
    assert bilateral and bilateral[0].get("startDate") == {"2005-07-07"}
    ents = run("sidelines-2005").entities
    host = [k for k in got if {"G8 summit", "Group of Eight summit"} & ({ents[k].label} | ents[k].alt_labels)]
    assert host and all({"person/junichiro-koizumi", "person/paul-martin"} <= got[k]["participant"] for k in host)
    assert any("person/tony-blair" in got[k]["participant"] for k in host)


def test_extract_rules_readout_courtesies_short_names_and_offices_to_come() -> None:
    TEXTS["courtesy-2019"] = ("2019-02-21", """New Zealand and Samoa sign Maritime Cooperation Agreement

New Zealand Prime Minister Jacinda Ardern held talks in Wellington today with Samoa's Prime Minister, the Hon Tuilaepa Sailele Malielegaoi MP, who landed in the capital on Tuesday.

After the talks the two Prime Ministers signed the Agreement between New Zealand and Samoa on a Framework for Maritime Cooperation, known as the Maritime Cooperation Agreement.

The Fisheries Treaty between New Zealand and Samoa remains in force.""")
    got = facts("courtesy-2019")
    assert ("person/tuilaepa-sailele-malielegaoi", "leaderOf", "state/samoa") in got
    signed = {s for s, p, o in got if p == "signatory" and o == "person/jacinda-ardern"}
    assert len(signed) == 1
    key = next(iter(signed))
    ex = run("courtesy-2019")
    assert "Maritime Cooperation Agreement" in ex.entities[key].alt_labels
    # the headline's short name is the same treaty, not another one
    assert len({s for s, p, o in got if s.startswith("treaty/") and p == "party"} - {
        s for s in ex.entities if "Fisheries" in ex.entities[s].label}) == 1
    assert (key, "signedOn", "2019-02-21") in got   # the day of the meeting, not of the arrival
    fisheries = next(k for k, e in ex.entities.items() if "Fisheries" in e.label)
    assert "Fisheries Treaty" in ex.entities[fisheries].alt_labels
    # a president-elect does not lead the state yet
    TEXTS["elect-2024"] = ("2024-08-29", """Visit

Indonesian President-elect Prabowo Subianto arrived in Canberra on Thursday.""")
    assert not any(p == "leaderOf" for s, p, o in facts("elect-2024"))


def test_extract_rules_they_met_as_the_two_leaders_of_the_clause_above() -> None:
    TEXTS["they-met-2008"] = ("2008-08-14", """Ties

Kenyan President Mwai Kibaki arrived in Kampala on Wednesday and was met by Ugandan President Yoweri Museveni. The two presidents had agreed to open a joint border post when they met in Arusha on July 12.""")
    met = [v for v in summits("they-met-2008").values()
           if {"person/mwai-kibaki", "person/yoweri-museveni"} <= v["participant"]]
    assert any(v.get("startDate") == {"2008-07-12"} and v.get("location") == {"place/arusha"} for v in met)


def test_extract_rules_two_pairs_of_one_day_and_coming_to_a_city() -> None:
    # "A met B ... A also held talks with C": two meetings, even where the headline placed one
    TEXTS["two-pairs-2019"] = ("2019-11-15", """Bolsonaro meets Xi in Beijing

BEIJING - Brazilian President Jair Bolsonaro was greeted by Chinese President Xi Jinping with an honour guard in Tiananmen Square on Friday, and the two leaders went on to discuss trade.

Bolsonaro had separate talks on Friday with Premier Li Keqiang.""")
    met = [v["participant"] for v in summits("two-pairs-2019").values()]
    assert {"person/jair-bolsonaro", "person/li-keqiang"} in met
    assert not any({"person/xi-jinping", "person/li-keqiang"} <= p for p in met)
    # "came to X" is travel; "came to power" is not
    TEXTS["came-2019"] = ("2019-11-15", """Visit

Mongolian President Khaltmaagiin Battulga came to Beijing on Thursday with ministers and business chiefs. His party came to power in 2017.""")
    assert has("came-2019", "visit/", "destination", "place/beijing")


def test_extract_rules_a_counterpart_named_before_the_apposition() -> None:
    TEXTS["counterpart-after-2001"] = ("2001-05-10", """Deal

Foreign Minister Luis Rojas of Peru and Ana Mora, his Bolivian counterpart, met in Lima on Thursday.""")
    assert ("person/ana-mora", "officialOf", "state/bolivia") in facts("counterpart-after-2001")


def test_extract_rules_who_arrived_after_a_long_title() -> None:
    TEXTS["who-arrived-2022"] = ("2022-12-22", """Talks

President of the Republic of Ghana Nana Akufo-Addo received President of the Republic of Togo Faure Gnassingbe, who arrived in Accra on a state visit, at Jubilee House today.""")
    assert has("who-arrived-2022", "visit/", "visitor", "person/faure-gnassingbe")


def test_extract_rules_a_visit_told_with_its_agent() -> None:
    TEXTS["visit-by-2019"] = ("2019-12-30", """Ties

The 2005 visit to Hanoi by Chinese President Hu Jintao was the first in a decade.""")
    assert has("visit-by-2019", "visit/", "visitor", "person/hu-jintao")


def test_extract_rules_a_treaty_nobody_signed() -> None:
    TEXTS["signed-none-2018"] = ("2018-03-15", """Forum

Kyrgyz President Sooronbay Jeenbekov and Tajik President Emomali Rahmon met in Astana on Thursday. No treaty or agreement was signed by the two presidents, and no new accord is planned.""")
    assert not any(s.startswith("treaty/") for s, p, o in facts("signed-none-2018"))


def test_extract_rules_a_counterpart_the_ner_took_for_an_organisation() -> None:
    TEXTS["counterpart-org-2001"] = ("2001-06-01", """Dam

The river accord was signed in Montevideo in 2001 by Celso Lafer, Brazil's foreign minister, and his Uruguayan counterpart, Didier Opertti Badan.""")
    got = facts("counterpart-org-2001")
    assert any(p == "signatory" and o == "person/didier-opertti-badan" for s, p, o in got)


def test_extract_rules_a_meeting_told_after_a_dated_lead() -> None:
    TEXTS["lead-day-2021"] = ("2021-03-12", """Border leaders meet

BRIDGETOWN, March 12 (Wire) - The presidents of Suriname and Guyana agreed on Thursday to reopen their river crossing.

Surinamese President Chan Santokhi and Guyanese President Irfaan Ali met for three hours at the Grantley Adams airport, with officials of both sides.""")
    met = [v for v in summits("lead-day-2021").values()
           if {"person/chan-santokhi", "person/irfaan-ali"} <= v["participant"]]
    assert met and all(v.get("startDate") == {"2021-03-11"} for v in met)


def test_extract_rules_a_state_that_backs_is_not_the_employer() -> None:
    TEXTS["backed-1991"] = ("1991-10-24", """Paris

One of the signers was Heng Samrin, then president of the Vietnamese-backed government in Phnom Penh.""")
    assert not any(o == "state/vietnam" for s, p, o in facts("backed-1991") if p in ("leaderOf", "officialOf"))


def test_extract_rules_an_unnamed_summit_with_its_place_time_and_host() -> None:
    TEXTS["host-unnamed-1998"] = ("1998-11-02", """Regional bloc

The third summit, held in Maseru in August 1997 and hosted by Prime Minister Pakalitha Mosisili of Lesotho, approved a common customs code. A summit was held later, and Mosisili praised it.""")
    got = [v for v in summits("host-unnamed-1998").values() if v["participant"] == {"person/pakalitha-mosisili"}]
    # one gathering, with one named leader, its month and its town; the second "summit" has
    # neither place nor time of its own and stays no fact
    assert len(got) == 1, summits("host-unnamed-1998")
    assert got[0].get("startDate") == {"1997-08"} and got[0].get("location") == {"place/maseru"}


def test_extract_rules_a_group_of_twenty_summit_on_two_days_in_a_row() -> None:
    TEXTS["group-of-2018"] = ("2018-12-05", """Summit week

Argentine President Mauricio Macri hosted this year's Group of 20 summit in Buenos Aires on 30 November and 1 December. Chilean President Sebastian Pinera and Macri met in Santiago on 3 and 10 November.""")
    g20 = [k for k, v in summits("group-of-2018").items() if v["participant"] == {"person/mauricio-macri"}]
    assert len(g20) == 1
    labels = {a for e in run("group-of-2018").entities.values() if e.key == g20[0] for a in (e.label, *e.alt_labels)}
    assert {"G20 summit", "G20 Buenos Aires summit", "Group of 20 summit in Buenos Aires"} <= labels
    assert summits("group-of-2018")[g20[0]].get("startDate") == {"2018-11-30"}
    assert summits("group-of-2018")[g20[0]].get("endDate") == {"2018-12-01"}
    # two days that do not follow each other are two dates, not a two-day meeting
    assert not any("endDate" in v for k, v in summits("group-of-2018").items() if k not in g20)


def test_extract_rules_a_treaty_name_that_lists_its_purposes() -> None:
    TEXTS["purposes-2000"] = ("2000-01-01", """Old pacts

The Soviet-Afghan Treaty of Friendship, Good-Neighbourliness and Cooperation was signed in Moscow in December 1978. In 1950 officials signed the Treaty of Peace, Friendship and Cooperation between the Kingdom of Nepal and the Republic of India. The Treaty of Rome, Italy and France said, still mattered.""")
    fs = facts("purposes-2000")
    soviet = "treaty/soviet-afghan-treaty-of-friendship-good-neighbourliness-and-cooperation"
    assert {o for s, p, o in fs if s == soviet and p == "party"} == {"state/soviet-union", "state/afghanistan"}
    nepal = next(s for s, p, o in fs if s.startswith("treaty/treaty-of-peace-friendship-and-cooperation"))
    assert {o for s, p, o in fs if s == nepal and p == "party"} == {"state/nepal", "state/india"}   # styled names
    # a comma after a name followed by states is no list of purposes
    keys = set(run("purposes-2000").entities)
    assert "treaty/treaty-of-rome" in keys and not any(k.startswith("treaty/treaty-of-rome-") for k in keys)


def test_extract_rules_a_name_given_to_the_treaty_just_told() -> None:
    TEXTS["called-2016"] = ("2016-09-16", """Lisbon and Madrid sign 'Tagus Pact'

MADRID, Sept 16 (Wire) - Spain and Portugal on Thursday signed a pact on river management. Prime Minister Mariano Rajoy and Prime Minister Antonio Costa signed the Convention on Shared Waters at the Moncloa Palace. Diplomats have been calling the document the Tagus Pact. The two sides also signed an agreement on fire fighting.""")
    fs = facts("called-2016")
    treaties = {s for s, p, o in fs if s.startswith("treaty/")}
    # one treaty under its full name, known by the short one too; the lead's "a pact" is that treaty
    conv = "treaty/convention-on-shared-waters"
    assert conv in treaties and not any("tagus" in t or t.endswith("-2016") for t in treaties), treaties
    ent = run("called-2016").entities[conv]
    assert "Tagus Pact" in ent.alt_labels
    assert (conv, "signedOn", "2016-09-15") in fs
    # "also signed": at the signing just told
    fire = next(s for s, p, o in fs if s.startswith("treaty/") and "fire" in s)
    assert (fire, "signedOn", "2016-09-15") in fs


def test_extract_rules_a_lead_signing_told_again_with_its_name() -> None:
    TEXTS["lead-sign-2019"] = ("2019-06-09", """Lake states sign water charter

KISUMU, Kenya, June 9 - The leaders of the three countries around Lake Victoria signed a charter on Sunday to share its fisheries, ending a quarrel that began after the breakup of the Soviet Union.

Presidents Uhuru Kenyatta of Kenya, Yoweri Museveni of Uganda and John Magufuli of Tanzania signed the Charter on the Sustainable Use of Lake Victoria at a summit hosted by Kenyatta in this lakeside city.

Analysts welcomed the text.

Museveni and Magufuli met privately on the sidelines of the summit about a pipeline.""")
    fs = facts("lead-sign-2019")
    charter = "treaty/charter-on-the-sustainable-use-of-lake-victoria"
    # the lead dates the signing its next paragraph names; no second, unnamed charter with the
    # dateline's state or a state of another story as its parties
    assert (charter, "signedOn", "2019-06-09") in fs
    assert not any(o == "state/soviet-union" for s, p, o in fs if p == "party")
    assert [s for s, p, o in fs if p == "signedOn" and s.startswith("treaty/")] == [charter]
    # one summit from the sentence's signing and its "summit": all four leaders, dated by the lead
    big = [v for v in summits("lead-sign-2019").values() if len(v["participant"]) >= 3]
    assert len(big) == 1 and big[0]["participant"] == {
        "person/uhuru-kenyatta", "person/yoweri-museveni", "person/john-magufuli"}
    assert big[0].get("startDate") == {"2019-06-09"}
    # the meeting on the sidelines of "the summit": where and when that summit was
    side = [v for v in summits("lead-sign-2019").values()
            if v["participant"] == {"person/yoweri-museveni", "person/john-magufuli"}]
    assert len(side) == 1 and side[0].get("startDate") == {"2019-06-09"} and side[0].get("location") == {"place/kisumu"}


def test_extract_rules_treaty_names_with_particles() -> None:
    TEXTS["particles-2001"] = ("2001-02-01", """Guarantors

Lawyers cited the Rio de Janeiro Protocol, signed in 1942, during the 2001 talks.""")
    assert "treaty/rio-de-janeiro-protocol" in run("particles-2001").entities


def test_extract_rules_a_surname_the_ner_put_inside_a_date() -> None:
    TEXTS["date-name-2016"] = ("2016-12-30", """The year in review

Prime Minister Justin Trudeau of Canada had a busy year. On Boxing Day Trudeau flew to Havana, where he met President Raul Castro. Prime Minister Narendra Modi of India was busy too. In March Modi was in Tokyo for talks.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("date-name-2016")}
    assert ("person/justin-trudeau", "place/havana", "2016-12-26") in visits
    assert ("person/narendra-modi", "place/tokyo", "2016-03") in visits


def test_extract_rules_arrivals_and_departures_told_loosely() -> None:
    TEXTS["loose-travel-2023"] = ("2023-05-22", """Pacific tour

SUVA, May 22 (Wire) - Japanese Prime Minister Fumio Kishida met Fijian Prime Minister Sitiveni Rabuka on Monday. Kishida left for Tonga in the afternoon. New Zealand Prime Minister Chris Hipkins flew in from Wellington on Sunday. Rabuka left office briefly in 1999.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("loose-travel-2023")}
    assert ("person/fumio-kishida", "state/tonga", "2023-05-22") in visits   # "in the afternoon" of Monday
    assert ("person/chris-hipkins", "place/suva", "2023-05-21") in visits   # "flew in": to the dateline's town
    assert not any(v[0] == "person/sitiveni-rabuka" for v in visits)   # "left office" goes nowhere
    assert not any(v[1] == "place/wellington" for v in visits)      # where a flight came from


def test_extract_rules_two_treaties_signed_at_once_and_told_apart() -> None:
    TEXTS["two-at-once-1999"] = ("1999-03-02", """Andean deals

LIMA, March 2 (Wire) - Foreign ministers Hector de Olarte of Peru and Carlos Saavedra of Bolivia signed a treaty of navigation and trade and a general agreement on river transport here on Monday.

The two states had signed the Treaty of Friendship of Lima in 1921. The 1955 treaty of extradition between Peru and Bolivia is older than the new texts. The river agreement amended the 1955 rules rather than replacing the Treaty of Friendship of Lima.""")
    fs = facts("two-at-once-1999")
    signed = {s for s, p, o in fs if p == "signatory" and o == "person/hector-de-olarte"}
    assert len(signed) == 2, sorted(fs)   # both objects of the one signing, by both ministers
    for t in signed:
        assert {o for s, p, o in fs if s == t and p == "party"} == {"state/peru", "state/bolivia"}
        assert (t, "signatory", "person/carlos-saavedra") in fs and (t, "signedOn", "1999-03-01") in fs
    alts = _treaty_alts("two-at-once-1999")
    assert {"treaty of navigation and trade", "general agreement on river transport"} <= alts
    # "the 1955 treaty of extradition" of the same two is not the 1921 treaty of friendship
    assert any(s == "treaty/bolivia-peru-1955" for s, p, o in fs), sorted(fs)
    assert not any(p == "replaces" for s, p, o in fs)   # "rather than replacing"


def test_extract_rules_a_gathering_dated_by_what_was_done_at_it_and_a_lead_told_again() -> None:
    TEXTS["lead-again-2024"] = ("2024-05-09", """Lake talks

ARUSHA, May 8 (Wire) - Ugandan President Yoweri Museveni met in the Tanzanian city on Wednesday for talks with no Kenyan or Rwandan officials present.

Museveni and Tanzanian President Samia Suluhu Hassan were brought together by Burundian President Evariste Ndayishimiye, who hosted the talks.

Both leaders welcomed the accord adopted at a regional summit in Bujumbura on 2 March. That summit was hosted by Ndayishimiye and co-chaired by Zambian President Hakainde Hichilema.""")
    got = summits("lead-again-2024")
    # the lead's meeting and the next paragraph's are one: dated, placed, with everyone named
    arusha = [v for v in got.values() if "person/samia-suluhu-hassan" in v["participant"]]
    assert len(arusha) == 1 and arusha[0].get("startDate") == {"2024-05-08"}, got
    assert arusha[0]["participant"] == {"person/yoweri-museveni", "person/samia-suluhu-hassan",
                                        "person/evariste-ndayishimiye"}
    assert not any(o.startswith("state/") for v in got.values() for o in v["participant"])   # "with no ... officials"
    # "adopted at a regional summit in Bujumbura on 2 March": that summit's day, joined by "That summit"
    bujumbura = [v for v in got.values() if "person/hakainde-hichilema" in v["participant"]]
    assert len(bujumbura) == 1 and bujumbura[0].get("startDate") == {"2024-03-02"}
    assert bujumbura[0].get("location") == {"place/bujumbura"}


def test_extract_rules_talks_and_the_signing_at_their_end_are_one_meeting() -> None:
    TEXTS["talks-end-2021"] = ("2021-06-10", """Border accord

Ghanaian President Nana Akufo-Addo and Ivorian President Alassane Ouattara then held talks at Jubilee House. The talks covered cocoa prices. Once the talks were over, the two presidents signed a border accord in Accra on Tuesday.""")
    met = [v for v in summits("talks-end-2021").values()
           if {"person/nana-akufo-addo", "person/alassane-ouattara"} <= v["participant"]]
    assert len(met) == 1 and met[0].get("startDate") == {"2021-06-08"}, summits("talks-end-2021")


def test_extract_rules_the_state_a_signer_signed_for() -> None:
    TEXTS["signed-for-2016"] = ("2016-04-02", """River accord

The 1996 river accord was signed by Lamine Sow for Guinea and Ibrahima Camara for Mali. Prime Minister Youssouf Traore signed the protocol on behalf of the Government of Senegal. His water minister, Oumar Diallo, signed for Mauritania. Awa Keita campaigned for Niger.""")
    fs = facts("signed-for-2016")
    assert ("person/lamine-sow", "officialOf", "state/guinea") in fs
    assert ("person/ibrahima-camara", "officialOf", "state/mali") in fs
    assert ("person/youssouf-traore", "leaderOf", "state/senegal") in fs
    assert ("person/oumar-diallo", "officialOf", "state/mauritania") in fs
    assert not any(s == "person/awa-keita" for s, p, o in fs if p in ("leaderOf", "officialOf"))


def test_extract_rules_leaders_who_attended_a_few_sentences_on() -> None:
    TEXTS["attended-later-2023"] = ("2023-05-06", """Rail summit

LUSAKA, May 5 (Wire) - Zambian President Hakainde Hichilema hosted a regional summit on railways in Lusaka on Friday. "Trade is our future," he told the delegates.

Angolan President Joao Lourenco spoke about the port of Lobito. Malawi's President Lazarus Chakwera, a critic of the plan, attended and asked for more time. Mozambique's President Filipe Nyusi also took part.""")
    got = [v for v in summits("attended-later-2023").values() if "person/hakainde-hichilema" in v["participant"]]
    assert len(got) == 1, summits("attended-later-2023")
    assert {"person/lazarus-chakwera", "person/filipe-nyusi"} <= got[0]["participant"]
    assert got[0].get("startDate") == {"2023-05-05"}


def test_extract_rules_a_conference_of_leaders_is_a_summit_a_news_conference_is_not() -> None:
    TEXTS["conference-1961"] = ("1961-09-12", """Non-aligned leaders

Indonesian President Sukarno and Ghanaian President Kwame Nkrumah attended the Belgrade conference, which opened on 1 September 1961. Cypriot President Makarios told a news conference on Monday that he had spoken with Sukarno by telephone.""")
    got = summits("conference-1961")
    belgrade = [v for v in got.values() if "person/sukarno" in v["participant"]]
    assert len(belgrade) == 1, got
    assert belgrade[0]["participant"] == {"person/sukarno", "person/kwame-nkrumah"}
    assert belgrade[0].get("startDate") == {"1961-09-01"}
    assert belgrade[0].get("location") == {"place/belgrade"}   # the city the gathering is named after
    assert not any("person/makarios" in v["participant"] for v in got.values())
    # one-word names the NER takes for places, after a title or a state's possessive
    TEXTS["bogor-1994"] = ("1994-11-16", """Bogor meeting

The 1994 meeting in Bogor brought together US President Bill Clinton, Japanese Prime Minister Tomiichi Murayama and Indonesia's Suharto, the host. Foreign Ministers Yohei Kono of Japan and Ali Alatas of Indonesia signed a memorandum on fisheries there.""")
    bogor = [v for v in summits("bogor-1994").values() if "person/bill-clinton" in v["participant"]]
    assert len(bogor) == 1 and "person/suharto" in bogor[0]["participant"], summits("bogor-1994")
    assert has("bogor-1994", "person/yohei-kono", "officialOf", "state/japan")   # after a plural title


def test_extract_rules_a_precise_date_beside_years_ago_dates_the_meeting() -> None:
    TEXTS["years-ago-2015"] = ("2015-11-30", """Border friends

Thirty years ago, the presidents of Brazil and Argentina, Jose Sarney and Raul Alfonsin, met at the border on 30 November 1985.""")
    got = [v for v in summits("years-ago-2015").values() if "person/jose-sarney" in v["participant"]]
    assert len(got) == 1 and got[0].get("startDate") == {"1985-11-30"}, summits("years-ago-2015")


def test_extract_rules_a_named_gathering_placed_and_the_leaders_told_after_it() -> None:
    TEXTS["co-chaired-2022"] = ("2022-12-10", """Gulf and China

The China-Arab States Summit in Riyadh drew leaders from across the region. Saudi Crown Prince Mohammed bin Salman co-chaired the gathering with Chinese President Xi Jinping.""")
    got = [v for v in summits("co-chaired-2022").values() if "person/xi-jinping" in v["participant"]]
    assert len(got) == 1, summits("co-chaired-2022")
    assert got[0].get("location") == {"place/riyadh"}
    TEXTS["in-person-1975"] = ("1975-03-20", """River states

Leaders of the river states gathered in Niamey for a conference on the drought. Nigerien President Seyni Kountche hosted the meeting, which opened on 12 March 1975. Malian President Moussa Traore and Chadian President Francois Tombalbaye attended in person.""")
    got = [v for v in summits("in-person-1975").values() if "person/seyni-kountche" in v["participant"]]
    assert len(got) == 1, summits("in-person-1975")
    assert got[0]["participant"] == {"person/seyni-kountche", "person/moussa-traore", "person/francois-tombalbaye"}
    assert got[0].get("location") == {"place/niamey"} and got[0].get("startDate") == {"1975-03-12"}


def test_extract_rules_a_tour_begun_on_arrival_and_a_tour_of_a_state() -> None:
    TEXTS["tour-of-1961"] = ("1961-11-03", """Nehru in America

Indian Prime Minister Jawaharlal Nehru arrived at Andrews Air Force Base on 6 November 1961 to begin a ten-day tour of the United States. Ghanaian President Kwame Nkrumah began a tour of the Soviet Union in July.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("tour-of-1961")}
    # the tour began with the arrival; the date is the arrival's, though after the article's date
    # the text tells it as done (a journey's purpose)
    assert ("person/jawaharlal-nehru", "state/united-states", "1961-11-06") in visits, visits
    assert any(v[0] == "person/kwame-nkrumah" and v[1] == "state/soviet-union" for v in visits)


def test_extract_rules_the_chancellor_and_she_follow_the_woman_of_the_story() -> None:
    TEXTS["she-2019"] = ("2019-02-08", """Kristersson in the Baltics

Swedish Prime Minister Magdalena Andersson wrapped up a two-nation tour in Riga on Friday. Andersson held talks with President Egils Levits at Riga Castle and the pair then toured a shipyard with investors. Levits said Latvia wanted more Swedish investment.

The prime minister, who was travelling with a trade delegation, began the trip on Wednesday in Estonia. She arrived in Tallinn in the evening and was greeted by President Alar Karis. Karis used their joint news conference to praise the grid link. On Thursday she flew on to Vilnius.""")
    visits = {(v["visitor"], v["destination"]) for v in _visits("she-2019")}
    assert ("person/magdalena-andersson", "place/tallinn") in visits, visits
    assert ("person/magdalena-andersson", "place/vilnius") in visits   # "she", though Karis spoke last
    assert not any(v[0] in ("person/egils-levits", "person/alar-karis") for v in visits)
    got = summits("she-2019")
    # "A held talks with B and the two leaders then joined ...": both took part
    assert any(v["participant"] == {"person/magdalena-andersson", "person/egils-levits"} for v in got.values()), got
    assert any(v["participant"] == {"person/magdalena-andersson", "person/alar-karis"} for v in got.values()), got


def test_extract_rules_the_leaders_a_summit_story_places_at_its_gathering() -> None:
    TEXTS["gathering-1999"] = ("1999-08-13", """Southern leaders meet

MAPUTO, Aug 13 (Wire) - Leaders of the fourteen southern African states opened their annual summit in Maputo on Friday, with the war in Congo at the top of the agenda.

Mozambican President Joaquim Chissano, the host, was on the tarmac all afternoon. The guests he greeted there included President Sam Nujoma of Namibia and Zambia's President Frederick Chiluba. Zimbabwe's President Robert Mugabe arrived late in the evening and went straight to the hall.

Angolan President Jose Eduardo dos Santos stayed away, sending his foreign minister instead.

In 1992 the bloc's founding treaty was signed in Windhoek, where President Quett Masire of Botswana chaired the meeting.

In Pretoria, President Thabo Mbeki met business leaders on Friday.""")
    got = [v for v in summits("gathering-1999").values() if "person/joaquim-chissano" in v["participant"]]
    assert len(got) == 1, summits("gathering-1999")
    assert {"person/sam-nujoma", "person/frederick-chiluba", "person/robert-mugabe"} <= got[0]["participant"]
    assert got[0].get("location") == {"place/maputo"}
    # one who stayed away, one of another year's meeting, one in another state's story
    for absent in ("person/jose-eduardo-dos-santos", "person/quett-masire", "person/thabo-mbeki"):
        assert absent not in got[0]["participant"], absent


def test_extract_rules_a_list_under_a_plural_title_and_a_readout_that_says_prime_minister() -> None:
    TEXTS["listed-2001"] = ("2001-07-07", """Island pact

The charter was signed in Nassau on Friday by the prime ministers of the four island states: Perry Christie of the Bahamas, Dr. Kenny Anthony of Saint Lucia, Jamaica's P. J. Patterson, who chaired the talks, and Mr. Owen Arthur of Barbados.""")
    fs = facts("listed-2001")
    for who, state in (("person/perry-christie", "state/bahamas"), ("person/kenny-anthony", "state/saint-lucia"),
                       ("person/p-j-patterson", "state/jamaica"), ("person/owen-arthur", "state/barbados")):
        assert (who, "leaderOf", state) in fs, (who, sorted(fs))
    TEXTS["readout-2017"] = ("2017-03-10", """Prime Minister's State Visit to Mauritius: results

1. Prime Minister Shri Arjun Rao paid a State Visit to Mauritius on 8-9 March 2017 as the guest of H.E. Mr. Pravind Jugnauth, the Mauritian Prime Minister.

2. Prime Minister arrived in Port Louis on 8 March. He held talks with Prime Minister Jugnauth at Clarisse House. He later met the Leader of the Opposition, Mr. Navin Ramgoolam, at his home.""")
    fs = facts("readout-2017")
    assert any(s.startswith("visit/arjun-rao-port-louis") for s, p, o in fs), sorted(fs)   # "Prime Minister arrived"
    assert not any(s == "person/navin-ramgoolam" and p in ("leaderOf", "officialOf") for s, p, o in fs)
    assert any(p == "participant" and o == "person/arjun-rao" for s, p, o in fs)


def test_extract_rules_signers_told_after_a_signing_with_no_treaty_at_hand() -> None:
    TEXTS["signed-for-1991"] = ("1991-03-26", """River treaty signed

ASUNCION, March 26 (Wire) - Representatives of four South American states signed the Treaty of Asuncion here today.

Foreign Minister Celso Lafer signed for Brazil. The other signatures were those of Argentina's Foreign Minister, Guido Di Tella; Luis Maria Ramirez Boettner, Paraguay's Foreign Minister; and Uruguay's Foreign Minister, Hector Gros Espiell.""")
    fs = facts("signed-for-1991")
    signed = {s for s, p, o in fs if p == "signatory" and o == "person/celso-lafer"}
    assert len(signed) == 1, sorted(fs)
    t = signed.pop()
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/brazil", "state/argentina", "state/paraguay",
                                                                 "state/uruguay"}
    assert (t, "signatory", "person/hector-gros-espiell") in fs and (t, "signedOn", "1991-03-26") in fs


def test_extract_rules_an_agreement_signed_by_leaders_whose_states_the_article_knows_and_its_name() -> None:
    TEXTS["as-called-1998"] = ("1998-04-10", """Belfast accord

BELFAST, April 10 (Wire) - Prime Minister Tony Blair and the Irish Taoiseach, Bertie Ahern, signed an agreement today on the government of Northern Ireland.

Under the British-Irish Agreement, as the accord is known, the two governments will set up cross-border bodies. Unlike the Sunningdale Agreement, it has the backing of most parties in the province.""")
    fs = facts("as-called-1998")
    signed = {s for s, p, o in fs if p == "signatory" and o == "person/tony-blair"}
    assert signed == {"treaty/british-irish-agreement"}, sorted(fs)   # one treaty, by its name
    t = "treaty/british-irish-agreement"
    assert (t, "signatory", "person/bertie-ahern") in fs and (t, "signedOn", "1998-04-10") in fs
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/united-kingdom", "state/ireland"}


def test_extract_rules_arrivals_told_in_a_relative_clause_or_by_a_plural_subject() -> None:
    TEXTS["flew-in-1973"] = ("1973-09-05", """Algiers meeting

ALGIERS, Sept. 5 -- Leaders of the non-aligned states opened their conference in the Algerian capital this morning.

Cuba's Prime Minister, Fidel Castro, who flew in last night, said at the airport that the movement had to choose sides. The two other speakers of the day, President Josip Broz Tito of Yugoslavia and Egypt's President Anwar Sadat, had both arrived in Algiers on Monday.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("flew-in-1973")}
    assert ("person/fidel-castro", "place/algiers", "1973-09-04") in visits, visits   # "flew in": the dateline's city
    assert {("person/josip-broz-tito", "place/algiers"), ("person/anwar-sadat", "place/algiers")} <= {v[:2] for v in visits}


def test_extract_rules_an_arrival_here_its_host_and_the_talks_that_evening() -> None:
    TEXTS["here-host-1987"] = ("1987-05-04", """Swedish premier in Uruguay

MONTEVIDEO, Uruguay, May 4 -- Prime Minister Anders Holm of Sweden arrived here yesterday at the outset of a three-nation swing through the region.

His plane landed at Carrasco airport, where President Tomas Ferreira was waiting to welcome him. That evening the two Presidents held a first round of talks on beef exports.

Holm's tour is the first by a Swedish head of government to the region. In February he spent three days in Chile. Ferreira spent twelve years in exile in Madrid. Later this month Mr. Ferreira is to travel to Lisbon.""")
    fs = facts("here-host-1987")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("here-host-1987")}
    # the dateline names the town and its state; "at the outset of" is no place of arrival
    assert ("person/anders-holm", "place/montevideo", "1987-05-03") in visits, visits
    # a stay told with "spent three days in", by "he" after "Holm's tour is ...": a visit
    assert any(v[0] == "person/anders-holm" and v[1] == "state/chile" for v in visits), visits
    assert not any(v[1] in ("state/spain", "place/madrid") for v in visits)   # years in exile: no visit
    assert not any(v[1] == "place/lisbon" for v in visits)   # "is to travel": an arrangement, not yet made
    # the one waiting to welcome the visitor leads the state the story was filed from
    assert ("person/tomas-ferreira", "leaderOf", "state/uruguay") in fs, sorted(fs)
    assert not any(s == "person/mr-ferreira" or o == "person/mr-ferreira" for s, p, o in fs)   # "Mr. Ferreira" is him
    got = summits("here-host-1987")
    assert any(v["participant"] == {"person/anders-holm", "person/tomas-ferreira"} for v in got.values()), got


def test_extract_rules_the_two_heads_of_government_named_paragraphs_before() -> None:
    TEXTS["two-heads-1979"] = ("1979-06-20", """Fisheries accord

Prime Minister Odd Lunde of Norway and the Icelandic Prime Minister, Petur Sigurdsson, signed a fisheries accord in Bergen on Tuesday.

The accord ends three years of dispute over the capelin stock. Trawler owners in both countries said quotas were still too low.

Officials said the deal was drafted after both heads of government met in Reykjavik in March.""")
    got = summits("two-heads-1979")
    assert any(v["participant"] == {"person/odd-lunde", "person/petur-sigurdsson"} and v.get("location") == {"place/reykjavik"}
               for v in got.values()), got


def test_extract_rules_a_readout_of_a_two_state_tour() -> None:
    TEXTS["readout-tour-2016"] = ("2016-03-06", """Visit of the President to Togo and Benin (4-5 March 2016)

1. President Kwabena Asante paid a State Visit to the Togolese Republic on 4 March 2016 at the invitation of President Faure Gnassingbe, and paid a working visit to Benin on 5 March 2016.

Togo

2. The President arrived in Lome on the morning of 4 March. He first visited the Cathedral of the Sacred Heart. He held talks with President Gnassingbe on trade across their border.""")
    fs = facts("readout-tour-2016")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("readout-tour-2016")}
    # "paid a State Visit to ...", capitals and all, with "to" parsed on the verb
    # (the visit to Togo is the one to its capital that day, told with "Lome" as news writes it in
    # ASCII: the reference's Lomé)
    assert ("person/kwabena-asante", "place/lome", "2016-03-04") in visits, visits
    assert ("person/kwabena-asante", "state/benin", "2016-03-05") in visits
    assert not any("cathedral" in v[1] or "sacred" in v[1] for v in visits)   # a building is no destination
    # talks told with no place or day of their own: where the visit to the host's state took him, that day
    got = summits("readout-tour-2016")
    assert any(v["participant"] == {"person/kwabena-asante", "person/faure-gnassingbe"} and v.get("location") == {"place/lome"}
               and v.get("startDate") == {"2016-03-04"} for v in got.values()), got
    assert ("person/faure-gnassingbe", "leaderOf", "state/togo") in fs


def test_extract_rules_a_list_of_destinations_and_a_tour_of_a_region() -> None:
    TEXTS["regions-2015"] = ("2015-11-20", """Trudeau abroad

Canadian Prime Minister Justin Trudeau wrapped up a tour of Southeast Asia on Friday. In June Trudeau travelled to Peru, Chile and Colombia. Trudeau later flew to Madrid and Lisbon. Heading home, he stopped in Dublin. Trade talks with Ottawa stopped in March.""")
    dests = {v["destination"] for v in _visits("regions-2015") if v["visitor"] == "person/justin-trudeau"}
    assert {"state/peru", "state/chile", "state/colombia", "place/madrid", "place/lisbon", "place/dublin"} <= dests, dests
    assert not any("asia" in d for d in dests)   # a part of the world is no destination state


def test_extract_rules_a_final_act_named_after_the_signing_was_told() -> None:
    TEXTS["final-act-1975"] = ("1975-08-02", """River states settle dispute

GENEVA, Aug 1 - The presidents of Paraguay and Bolivia signed a frontier accord here on Friday.

Paraguayan President Juan Ortiz and Bolivian President Mario Vargas put their names to the Final Act of Geneva in a short ceremony at the Palais des Nations. The parliament of Paraguay passed the Budget Act of 1975 on the same day.""")
    fs = facts("final-act-1975")
    treaties = {s for s, p, o in fs if s.startswith("treaty/")}
    # one treaty: the accord told in the lead is the Final Act the next paragraph names
    assert treaties == {"treaty/final-act-of-geneva"}, sorted(fs)
    t = "treaty/final-act-of-geneva"
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/paraguay", "state/bolivia"}
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/juan-ortiz", "person/mario-vargas"}
    assert (t, "signedOn", "1975-08-01") in fs   # a law ("Budget Act") is no treaty


def test_extract_rules_a_hall_of_the_dateline_town_and_a_journey_for_the_ceremony() -> None:
    TEXTS["hall-2007"] = ("2007-05-16", """Border towns sign up

AACHEN, Germany, May 16 - Belgium and Germany agreed a cross-border policing pact on Wednesday.

Belgian Prime Minister Guy Verhofstadt and Chancellor Angela Merkel signed the Treaty on Border Policing on Wednesday in the Coronation Hall of the old town hall. Guy Verhofstadt, who drove to Aachen for the signing, told students that borders should not stop police patrols.""")
    fs = facts("hall-2007")
    t = "treaty/treaty-on-border-policing"
    # signed in a hall the reference does not place, in a story filed from that town: the town
    assert (t, "signedAt", "place/aachen") in fs, sorted(f for f in fs if f[0] == t)
    assert not any(p == "signedAt" and "hall" in o for s, p, o in fs)
    got = summits("hall-2007")
    assert any(v["participant"] == {"person/guy-verhofstadt", "person/angela-merkel"} and v.get("location") == {"place/aachen"}
               for v in got.values()), got
    # drove there "for the signing": on the day of the signing he took part in
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("hall-2007")}
    assert ("person/guy-verhofstadt", "place/aachen", "2007-05-16") in visits, visits


def test_extract_rules_head_of_state_in_apposition_and_after_a_rank() -> None:
    TEXTS["heads-1980"] = ("1980-03-04", """Andean talks

Colonel Ramon Ibarra, Bolivia's head of government, met Peru's head of state, Luis Cardenas, in La Paz on Monday. General Tomas Reyes, a veteran of the border war, watched.""")
    fs = facts("heads-1980")
    assert ("person/ramon-ibarra", "leaderOf", "state/bolivia") in fs, sorted(fs)
    assert ("person/luis-cardenas", "leaderOf", "state/peru") in fs
    assert not any(s == "person/tomas-reyes" and p in ("leaderOf", "officialOf") for s, p, o in fs)


def test_extract_rules_signers_of_a_named_treaty_and_towns_the_ner_took_for_names() -> None:
    TEXTS["towns-1958"] = ("1958-03-10", """Valley talks

Rafael Oduber and Mateo Saldana signed the Reventazon Water Treaty in 1949. President Mario Quiros of Panama arrived in Turrialba on 8 March 1958. At Orosi, President Luis Ferrer of Costa Rica hosted Quiros on Sunday.""")
    fs = facts("towns-1958")
    t = "treaty/reventazon-water-treaty"
    # "A and B signed the X Treaty": its signers, whatever office the story gives them
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/rafael-oduber", "person/mateo-saldana"}, sorted(fs)
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("towns-1958")}
    assert ("person/mario-quiros", "place/turrialba", "1958-03-08") in visits, visits
    got = summits("towns-1958")
    assert any(v["participant"] == {"person/luis-ferrer", "person/mario-quiros"} and v.get("location") == {"place/orosi"}
               for v in got.values()), got


def test_extract_rules_arrived_at_an_airport_and_then_to_a_second_city() -> None:
    TEXTS["airport-1994"] = ("1994-05-11", """Shuttle diplomacy

Chilean President Eduardo Frei arrived at Lima's Jorge Chavez airport on Tuesday evening. Frei travelled to Quito and then to Bogota himself to press the trade pact.""")
    visits = {(v["visitor"], v["destination"]) for v in _visits("airport-1994")}
    assert ("person/eduardo-frei", "place/lima") in visits, visits
    assert {("person/eduardo-frei", "place/quito"), ("person/eduardo-frei", "place/bogota")} <= visits


def test_extract_rules_a_body_is_no_place_and_a_journey_to_a_gathering_just_told() -> None:
    TEXTS["seat-2005"] = ("2005-08-02", """Bloc welcomes a new member

President John Kufuor of Ghana and President Faure Gnassingbe of Togo met at the AU summit in Vientiane in July 2005. Prime Minister Mari Alkatiri of Timor-Leste flew to the Laotian capital to take his seat.""")
    fs = facts("seat-2005")
    # (a made-up story: the AU is the African Union, which the NER takes for a place)
    assert not any(o == "place/au" or s == "place/au" for s, p, o in fs), sorted(fs)
    assert any(p == "location" and o == "place/vientiane" for s, p, o in fs)
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("seat-2005")}
    assert any(v[0] == "person/mari-alkatiri" and v[2] == "2005-07" for v in visits), visits


def test_extract_rules_her_visit_is_the_visit_of_the_one_the_sentence_is_about() -> None:
    TEXTS["her-visit-2019"] = ("2019-10-04", """Address to parliament

Ethiopian President Sahle-Work Zewde told lawmakers in Addis Ababa on Thursday that her September visit to Nairobi had opened the border markets.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("her-visit-2019")}
    assert ("person/sahle-work-zewde", "place/nairobi", "2019-09") in visits, visits


def test_extract_rules_a_surname_the_ner_took_for_a_people() -> None:
    TEXTS["norp-2023"] = ("2023-09-06", """Jakarta talks

JAKARTA, Sept 6 (Wire) - Indonesian President Joko Widodo received Australian Prime Minister Anthony Albanese at the palace on Tuesday.

Albanese flew in from Manila on Monday. He had spent two days there in talks on fishing rights with the government of the Philippines.""")
    visits = {(v["visitor"], v["destination"]) for v in _visits("norp-2023")}
    assert ("person/anthony-albanese", "place/jakarta") in visits, visits
    assert not any(k.startswith("state/") and "alban" in k for k in run("norp-2023").entities)


def test_extract_rules_a_day_without_a_year_in_a_story_told_years_later() -> None:
    TEXTS["looking-back-2021"] = ("2021-03-14", """Port Louis at forty: the pact that ended a fishing quarrel

Analysis | 14 March 2021

Forty years ago this week, the foreign ministers of Mauritius and Seychelles sat down in Port Louis to end a long quarrel over fishing grounds. Their talks opened on 9 March 1981 and dragged on for days.

On 12 March, the two ministers, Jean Ramsamy of Mauritius and Paul Hoareau of Seychelles, signed the Mahe Bank Fisheries Accord. Its quotas still govern the bank.""")
    fs = facts("looking-back-2021")
    # "On 12 March" in a story told forty years on is a day of the story's year
    assert ("treaty/mahe-bank-fisheries-accord", "signedOn", "1981-03-12") in fs, sorted(fs)
    # and the signing the article looks back on is the meeting of its story
    TEXTS["looking-back-leaders-2021"] = ("2021-03-14", TEXTS["looking-back-2021"][1].replace(
        "the two ministers, Jean Ramsamy of Mauritius and Paul Hoareau of Seychelles",
        "Prime Minister Navin Boolell of Mauritius and President James Michel of Seychelles"))
    assert any(v["participant"] == {"person/navin-boolell", "person/james-michel"} and v.get("startDate") == {"1981-03-12"}
               for v in summits("looking-back-leaders-2021").values()), summits("looking-back-leaders-2021")
    # the same day in an article about its own week is a day of the article's year
    TEXTS["this-week-2024"] = ("2024-03-14", """Rail talks

NAIROBI, March 14 (Wire) - Kenya and Uganda reopened talks on Tuesday on the rail line they first agreed to build in 2009.

On 12 March, Kenyan President Amani Oduya and Ugandan President Paul Kirunda signed the Malaba Rail Accord in Nairobi. Freight firms in both countries welcomed the news.""")
    assert ("treaty/malaba-rail-accord", "signedOn", "2024-03-12") in facts("this-week-2024"), sorted(facts("this-week-2024"))


def test_extract_rules_a_day_in_that_year() -> None:
    TEXTS["that-year-2024"] = ("2024-05-02", """Lake Chad

N'DJAMENA, May 2 (Wire) - Fishermen on Lake Chad said on Wednesday that catches had fallen again.

Talks on the lake's fisheries began in 1999. In June that year, on 14 June, the foreign ministers of Chad and Niger, Ali Mahamat and Issa Boubacar, signed the Lake Chad Fisheries Accord in N'Djamena. It set quotas for both shores.""")
    assert ("treaty/lake-chad-fisheries-accord", "signedOn", "1999-06-14") in facts("that-year-2024"), sorted(facts("that-year-2024"))


def test_extract_rules_leaders_who_signed_together_met() -> None:
    TEXTS["cosigned-2011"] = ("2011-05-05", """Pacific ties

SANTIAGO, May 5, 2011 - Prime Minister Ravi Menon of Singapore and President Tomas Ortiz of Chile signed the Valparaiso Declaration in Valparaiso on Tuesday. The two leaders pledged to double trade within five years. Foreign Minister Ana Rojas of Chile and Foreign Minister Wei Ling of Singapore signed a joint statement on fisheries.

In 1994, Chilean President Eduardo Frei and Singaporean Prime Minister Goh Chok Tong signed a trade accord in Santiago. Ortiz and Menon will sign a second declaration in Singapore next year.""")
    got = summits("cosigned-2011")
    # a declaration two leaders signed: they met, there and then
    assert any(v["participant"] == {"person/ravi-menon", "person/tomas-ortiz"} and v.get("location") == {"place/valparaiso"}
               and v.get("startDate") == {"2011-05-03"} for v in got.values()), got
    # a signing the news story cites from years before is history, not a meeting it reports
    assert not any(v["participant"] == {"person/eduardo-frei", "person/goh-chok-tong"} for v in got.values()), got
    # ministers signing a statement hold no summit; a signing still to come is no meeting
    assert not any("person/ana-rojas" in v["participant"] for v in got.values()), got
    assert len([v for v in got.values() if v["participant"] == {"person/ravi-menon", "person/tomas-ortiz"}]) == 1, got


def test_extract_rules_talks_of_some_days_ended_by_a_signing() -> None:
    TEXTS["five-days-2013"] = ("2013-04-13", """Border deal in Kampala

KAMPALA, April 13 (Wire) - President Pierre Nkurunziza of Burundi and President Paul Kagame of Rwanda signed a border security accord in Kampala on Friday, after four days of talks hosted by Uganda. Ugandan Prime Minister Okello Lubega, named to the post after the death of Prime Minister Samuel Mugisha, hailed the deal; his government hosted the talks.

The Kigali Water Treaty of May 7, 1979, which was signed in Goma by both governments, stays in force.""")
    got = summits("five-days-2013")
    # the talks began four days before the signing that ended them
    assert any(v["participant"] == {"person/pierre-nkurunziza", "person/paul-kagame"} and v.get("startDate") == {"2013-04-09"}
               and v.get("endDate") == {"2013-04-12"} for v in got.values()), got
    # one whose death the sentence tells was at no meeting
    assert not any("person/samuel-mugisha" in v["participant"] for v in got.values()), got
    # "the X Treaty of May 7, 1979, which was signed in Y": signed on the day it bears
    assert ("treaty/kigali-water-treaty", "signedOn", "1979-05-07") in facts("five-days-2013"), sorted(facts("five-days-2013"))


def test_extract_rules_offices_given_to_a_pair_in_turn() -> None:
    TEXTS["in-turn-2010"] = ("2010-06-03", """Andes talks

LIMA, June 3, 2010 - The presidents of Bolivia and Paraguay, Evo Morales and Fernando Lugo, met in Lima on Tuesday. The Chilean and Peruvian foreign ministers, Alfredo Moreno and Jose Garcia Belaunde, joined them later.

Argentina and Uruguay signed a river accord on Monday. The foreign ministers of both countries, Jorge Taiana and Pedro Vaz, put their names to it in Lima. Economists Ana Ruiz and Mario Sosa doubted it would last.""")
    fs = facts("in-turn-2010")
    # the states of the phrase, in its order: "the presidents of A and B, X and Y"
    assert {("person/evo-morales", "leaderOf", "state/bolivia"), ("person/fernando-lugo", "leaderOf", "state/paraguay")} <= fs, sorted(fs)
    # adjectives: "the Chilean and Peruvian foreign ministers, X and Y"
    assert {("person/alfredo-moreno", "officialOf", "state/chile"),
            ("person/jose-garcia-belaunde", "officialOf", "state/peru")} <= fs, sorted(fs)
    # "of the two countries": the two the story coordinated last
    assert {("person/jorge-taiana", "officialOf", "state/argentina"), ("person/pedro-vaz", "officialOf", "state/uruguay")} <= fs
    # "put their names to it": they signed the accord just told
    assert {o for s, p, o in fs if s == "treaty/argentina-uruguay-2010-river" and p == "signatory"} == {
        "person/jorge-taiana", "person/pedro-vaz"}, sorted(fs)
    # and the pair met, with those offices
    assert any(v["participant"] == {"person/evo-morales", "person/fernando-lugo"} for v in summits("in-turn-2010").values())
    # no office from a plural that is no title
    assert not any(s in ("person/ana-ruiz", "person/mario-sosa") and p in ("leaderOf", "officialOf") for s, p, o in fs)



def test_extract_rules_leaders_who_watched_a_ceremony_together_met() -> None:
    TEXTS["watched-2016"] = ("2016-03-07", """Rail link

NAIROBI, March 7 (Wire) - Last week Ugandan President Yoweri Museveni was in Mombasa, where on 3 March he and Kenyan President Uhuru Kenyatta watched their transport ministers exchange the signed rail protocols.

Rwandan President Paul Kagame and Tanzanian President John Magufuli oversaw the signing of four agreements in Kigali on Saturday. Kagame watched a military parade alone on Sunday.""")
    got = summits("watched-2016")
    assert any(v["participant"] == {"person/yoweri-museveni", "person/uhuru-kenyatta"} and v.get("location") == {"place/mombasa"}
               and v.get("startDate") == {"2016-03-03"} for v in got.values()), got
    assert any(v["participant"] == {"person/paul-kagame", "person/john-magufuli"} and v.get("location") == {"place/kigali"}
               and v.get("startDate") == {"2016-03-05"} for v in got.values()), got
    assert all(len(v["participant"]) >= 2 for v in got.values()), got


def test_extract_rules_a_regnal_name_is_no_namesake_of_the_reference_data() -> None:
    TEXTS["regnal-1962"] = ("1962-05-10", """Himalayan ties

KATHMANDU, May 10 (Wire) - King Mahendra of Nepal received Indian Prime Minister Jawaharlal Nehru at the royal palace on Wednesday. The two men discussed trade routes through the valley for three hours.""")
    fs = facts("regnal-1962")
    # a reference person who bears the name as a given name and never reigned is not the king
    assert ("person/mahendra", "leaderOf", "state/nepal") in fs, sorted(fs)
    assert not any("chaudhry" in s or "chaudhry" in o for s, p, o in fs), sorted(fs)


def test_extract_rules_the_head_of_a_secretariat_is_no_state_official() -> None:
    TEXTS["secretariat-2014"] = ("2014-07-04", """Island talks

APIA, July 4 (Wire) - Samoan Prime Minister Tuilaepa Sailele Malielegaoi opened the islands' trade talks here on Thursday. The bloc's director general, Dr. Tevita Moala, said the members had waited years for the deal. UN Secretary-General Ban Ki-moon sent a message of support.""")
    fs = facts("secretariat-2014")
    assert ("person/tuilaepa-sailele-malielegaoi", "leaderOf", "state/samoa") in fs, sorted(fs)
    assert not any(s in ("person/tevita-moala", "person/ban-ki-moon") and p in ("leaderOf", "officialOf") for s, p, o in fs), sorted(fs)


def test_extract_rules_a_title_told_before_the_next_name_in_a_list() -> None:
    TEXTS["gulf-list-1982"] = ("1982-11-11", """Gulf meeting

MANAMA, Nov 11 (Wire) - At the table sat the Emir of Qatar, Sheikh Khalifa bin Hamad al-Thani, Oman's sultan, Qaboos bin Said, and the foreign minister of Kuwait, Sabah al-Ahmad al-Jaber al-Sabah. They discussed the war between Iran and Iraq for most of the day.""")
    fs = facts("gulf-list-1982")
    # (the key may keep the courtesy "Sheikh")
    assert any(s.endswith("khalifa-bin-hamad-al-thani") and p == "leaderOf" and o == "state/qatar" for s, p, o in fs), sorted(fs)
    assert not any(s.endswith("khalifa-bin-hamad-al-thani") and o == "state/oman" for s, p, o in fs), sorted(fs)
    assert ("person/qaboos-bin-said", "leaderOf", "state/oman") in fs, sorted(fs)


def test_extract_rules_a_named_treaty_of_a_month_between_both_governments() -> None:
    TEXTS["both-govts-1990"] = ("1990-04-20", """Border talks resume

LISBON, April 20 (Wire) - Portugal and Spain reopened talks on Friday on the shared river basins. The last deal struck by both governments, the Guadiana Basin Accord of March 1968, lapsed within a decade when the dams it foresaw were never built.""")
    fs = facts("both-govts-1990")
    t = "treaty/guadiana-basin-accord"
    # "the X Accord of March 1968": the month it bears
    assert (t, "signedOn", "1968-03") in fs, sorted(fs)
    # "both governments": the two the story is about
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/portugal", "state/spain"}, sorted(fs)


def test_extract_rules_an_adviser_serves_the_state_of_the_one_served() -> None:
    TEXTS["adviser-2016"] = ("2016-08-04", """Transit talks

KABUL, Aug 4 (Wire) - Tariq Fatemi, Sharif's special adviser on foreign affairs, asked for more time on the transit rules. Pakistani Prime Minister Nawaz Sharif is expected to decide next month. The Afghan Minister of Commerce, His Excellency Humayun Rasaw, said talks would go on.""")
    fs = facts("adviser-2016")
    # "X, Sharif's assistant": of the state Sharif leads, not of the dateline's
    assert ("person/tariq-fatemi", "officialOf", "state/pakistan") in fs, sorted(fs)
    assert ("person/tariq-fatemi", "officialOf", "state/afghanistan") not in fs
    # a title told before a courtesy and the name
    assert ("person/humayun-rasaw", "officialOf", "state/afghanistan") in fs, sorted(fs)


def test_extract_rules_received_by_an_official_after_an_arrival_told_before() -> None:
    TEXTS["received-2016"] = ("2016-02-10", """Sahel visit

Ghanaian President John Mahama arrived in Ouagadougou on Monday. He was received at the airport by Foreign Minister Alpha Barry and Defence Minister Jean-Claude Bouda.""")
    fs = facts("received-2016")
    assert {("person/alpha-barry", "officialOf", "state/burkina-faso"),
            ("person/jean-claude-bouda", "officialOf", "state/burkina-faso")} <= fs, sorted(fs)


def test_extract_rules_the_other_of_the_two_states_a_sentence_names() -> None:
    TEXTS["co-chair-2015"] = ("2015-03-02", """River commission

The trip follows a visit by Indian Water Minister Uma Bharti, who flew to Thimphu in May to co-chair the India-Bhutan hydropower board with Economic Affairs Minister Lekey Dorji, the board's first sitting in a decade.""")
    fs = facts("co-chair-2015")
    assert ("person/lekey-dorji", "officialOf", "state/bhutan") in fs, sorted(fs)
    assert ("person/lekey-dorji", "officialOf", "state/india") not in fs


def test_extract_rules_names_listed_with_their_states_that_the_ner_missed() -> None:
    TEXTS["listed-2012"] = ("2012-06-09", """Customs union

LUSAKA, June 9 (Wire) - Three trade ministers gathered here on Friday - Mwila Banda of Zambia, Tendai Moyo of Zimbabwe and Kagiso Sello of Botswana - and agreed to cut border fees. The Central Bank of Zambia welcomed the move.""")
    fs = facts("listed-2012")
    assert {("person/mwila-banda", "officialOf", "state/zambia"), ("person/tendai-moyo", "officialOf", "state/zimbabwe"),
            ("person/kagiso-sello", "officialOf", "state/botswana")} <= fs, sorted(fs)
    assert not any("central" in s for s, p, o in fs), sorted(fs)


def test_extract_rules_parties_named_in_a_treaty_s_own_description() -> None:
    TEXTS["own-description-2019"] = ("2019-05-18", """Border documents

ASHGABAT, May 18 (Wire) - Turkmen President Gurbanguly Berdimuhamedov hosted his Kazakh counterpart on Friday. Also signed on Friday was an accord on the demarcation of some stretches of the Kazakh-Turkmen frontier. Engineers will mark the line next year.""")
    fs = facts("own-description-2019")
    got = {o for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert got == {"state/kazakhstan", "state/turkmenistan"}, sorted(fs)


def test_extract_rules_who_refers_to_the_name_right_before_it() -> None:
    TEXTS["who-flew-2014"] = ("2014-06-27", """Malabo summit

MALABO, June 27 (Wire) - The communique was read by Equatorial Guinea's President Teodoro Obiang, his Gabonese counterpart Ali Bongo and President Idriss Deby of Chad, who had flown to Malabo on Thursday for the two-day meeting. Bongo spoke of regional trade.""")
    visits = {(v["visitor"], v["destination"]) for v in _visits("who-flew-2014")}
    assert ("person/idriss-deby", "place/malabo") in visits, visits
    assert not any(v[0] == "person/teodoro-obiang" for v in visits), visits


def test_extract_rules_an_arrival_shortly_afterwards_is_on_the_day_just_told() -> None:
    TEXTS["afterwards-2019"] = ("2019-03-13", """Regional talks

AMMAN, March 13 (Wire) - Iraqi President Barham Salih arrived in Amman on Sunday for talks on trade. Egypt's President Abdel Fattah al-Sisi landed shortly afterwards, and the three leaders dined together in the evening.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("afterwards-2019")}
    assert ("person/abdel-fattah-el-sisi", "place/amman", "2019-03-10") in visits or \
        ("person/abdel-fattah-al-sisi", "place/amman", "2019-03-10") in visits, visits


def test_extract_rules_a_gathering_under_the_chairmanship_of_a_leader() -> None:
    TEXTS["chairmanship-2019"] = ("2019-07-20", """Bloc at forty

GABORONE, July 20 (Wire) - Forty years ago this month the bloc's founders met for the first time. The SADC summit in Windhoek ran from 17 to 18 August 2018 under the chairmanship of Namibia's president, Hage Geingob, who urged members to pay their dues.""")
    got = summits("chairmanship-2019")
    assert any(v["participant"] == {"person/hage-geingob"} and v.get("startDate") == {"2018-08-17"}
               and v.get("location") == {"place/windhoek"} for v in got.values()), got


def test_extract_rules_it_was_superseded_by_a_treaty_signed_on_a_day_told_after_a_comma() -> None:
    TEXTS["superseded-2024"] = ("2024-02-08", """Trade bloc anniversary

The Treaty of Belmopan was signed on 8 February 1984 by the leaders of Belize and Guatemala. It has been superseded by the Revised Treaty of Belmopan, signed in Flores, Guatemala, on 3 March 2002, which created a customs union.""")
    fs = facts("superseded-2024")
    # "It was superseded by X": X replaces the treaty just told
    assert ("treaty/revised-treaty-of-belmopan", "replaces", "treaty/treaty-of-belmopan") in fs, sorted(fs)
    # "X, signed in A, B, on DATE": the date the parser hung past the participle's phrase
    assert ("treaty/revised-treaty-of-belmopan", "signedOn", "2002-03-03") in fs, sorted(fs)


def test_extract_rules_landed_and_was_received_is_a_welcome_not_a_meeting() -> None:
    TEXTS["landed-2022"] = ("2022-05-16", """Gulf visit

ENTEBBE, May 16 (Wire) - Kenyan President Uhuru Kenyatta landed at noon on Sunday and was received by Ugandan President Yoweri Museveni. The two leaders held talks on Monday on oil prices.""")
    got = summits("landed-2022")
    assert not any(v.get("startDate") == {"2022-05-15"} for v in got.values()), got
    visits = {(v["visitor"], v["destination"]) for v in _visits("landed-2022")}
    assert any(v[1] in ("place/entebbe", "state/uganda") and v[0] == "person/uhuru-kenyatta" for v in visits), visits


def test_extract_rules_arrived_at_an_airport_of_no_known_town_is_the_story_s_town() -> None:
    TEXTS["facility-2017"] = ("2017-11-03", """Andean visit

BOGOTA, Nov 3 (Wire) - Peruvian President Pedro Pablo Kuczynski arrived at El Dorado airport before dawn on Thursday, starting a two-day working visit. He met President Juan Manuel Santos on Friday.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("facility-2017")}
    assert ("person/pedro-pablo-kuczynski", "place/bogota", "2017-11-02") in visits, visits
    # a town's name inside an airport's is the airport's namesake, not that town
    TEXTS["namesake-2017"] = ("2017-11-03", TEXTS["facility-2017"][1].replace("BOGOTA", "QUITO").replace(
        "El Dorado", "Mariscal Sucre").replace("Juan Manuel Santos", "Lenin Moreno"))
    visits = {(v["visitor"], v["destination"]) for v in _visits("namesake-2017")}
    assert visits == {("person/pedro-pablo-kuczynski", "place/quito")}, visits


def test_extract_rules_a_signing_after_the_talks_told_paragraphs_before_is_that_meeting() -> None:
    TEXTS["readout-2024"] = ("2024-02-20", """Prime Minister's visit to Malaysia

Prime Minister Anthony Albanese arrived in Kuala Lumpur today on an official visit to Malaysia.

He was welcomed at Perdana Putra by Prime Minister Anwar Ibrahim.

The two leaders then held talks on trade, energy and the South China Sea.

Both sides reaffirmed their commitment to the region.

Once the talks ended, both leaders signed the Green Economy Partnership.""")
    got = [v for v in summits("readout-2024").values()
           if v["participant"] == {"person/anthony-albanese", "person/anwar-ibrahim"}]
    # one meeting, dated, not a second undated one for the signing
    assert len(got) == 1 and got[0].get("startDate") == {"2024-02-20"}, summits("readout-2024")


def test_extract_rules_visits_to_two_states_in_one_phrase() -> None:
    TEXTS["two-visits-2019"] = ("2019-04-10", """West African tour

ACCRA, April 10 (Wire) - Ghanaian President Nana Akufo-Addo paid state visits to Senegal and Gambia in March, his first trips abroad this year.""")
    visits = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("two-visits-2019")}
    assert {("person/nana-akufo-addo", "state/senegal", "2019-03"), ("person/nana-akufo-addo", "state/gambia", "2019-03")} <= visits, visits


def test_extract_rules_a_visit_told_in_a_where_clause() -> None:
    TEXTS["where-visit-2018"] = ("2018-05-11", """Balkan swing

SKOPJE, May 11 (Wire) - Austrian Chancellor Sebastian Kurz flew into Skopje on Friday from Tirana, where he had paid his first official visit as chancellor.""")
    visits = {(v["visitor"], v["destination"]) for v in _visits("where-visit-2018")}
    assert ("person/sebastian-kurz", "place/tirana") in visits, visits


def test_extract_rules_a_treaty_that_brings_states_together_has_them_as_parties() -> None:
    TEXTS["brings-together-2019"] = ("2019-03-01", """Trade bloc

LIMA, March 1 (Wire) - Trade ministers met on Thursday to review the Pacific Alliance Framework Agreement. The pact brings together Chile, Colombia, Mexico and Peru, which signed it in 2012.""")
    fs = facts("brings-together-2019")
    got = {o for s, p, o in fs if s == "treaty/pacific-alliance-framework-agreement" and p == "party"}
    assert {"state/chile", "state/colombia", "state/mexico", "state/peru"} <= got, sorted(fs)


def test_extract_rules_a_state_s_adjective_on_a_place_is_no_party() -> None:
    TEXTS["adjective-place-1986"] = ("1986-05-20", """Ceasefire

HARARE, May 20 (Wire) - Mozambique and Malawi signed a border security accord in the Zimbabwean capital, Harare, on Monday.""")
    fs = facts("adjective-place-1986")
    got = {o for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert got == {"state/mozambique", "state/malawi"}, sorted(fs)


# --- capitals as governments, spans of years, pairs of ministers, lists of guests ------------------
def test_extract_rules_a_capital_that_signs_is_its_state() -> None:
    TEXTS["capital-signs-2022"] = ("2022-11-04", """Baltic customs

TALLINN, Nov 4 (Wire) - Estonia and Finland agreed on Friday to share customs data. Tallinn concluded a fisheries agreement with Helsinki in 1996, when ferry traffic across the gulf was growing fast.""")
    fs = facts("capital-signs-2022")
    got = {o for s, p, o in fs if s.startswith("treaty/") and s.endswith("1996-fisheries") and p == "party"}
    assert got == {"state/estonia", "state/finland"}, sorted(fs)


def test_extract_rules_years_later_counts_from_the_year_told() -> None:
    TEXTS["years-later-2021"] = ("2021-09-30", """River commission

Senegal and Mali set up a joint river commission in 1972. Three years later, Dakar signed a navigation accord with Bamako, a deal both sides still cite in their talks.""")
    fs = facts("years-later-2021")
    got = {o for s, p, o in fs if s.startswith("treaty/") and p == "signedOn"}
    assert got == {"1975"}, sorted(fs)
    parties = {o for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert parties == {"state/senegal", "state/mali"}, sorted(fs)


def test_extract_rules_the_two_countries_ministers_each_in_turn() -> None:
    TEXTS["two-countries-ministers-2023"] = ("2023-07-21", """Fish and ferries

VICTORIA, July 21 (Wire) - Seychelles and Mauritius signed a maritime cooperation agreement in Victoria on Thursday. The deal was signed by the two countries' foreign ministers, Sylvestre Radegonde and Alan Ganoo, after a morning of talks.""")
    fs = facts("two-countries-ministers-2023")
    assert ("person/sylvestre-radegonde", "officialOf", "state/seychelles") in fs, sorted(fs)
    assert ("person/alan-ganoo", "officialOf", "state/mauritius") in fs, sorted(fs)
    signers = {o for s, p, o in fs if s.startswith("treaty/") and p == "signatory"}
    assert signers == {"person/sylvestre-radegonde", "person/alan-ganoo"}, sorted(fs)


def test_extract_rules_a_host_welcomes_each_guest_of_a_list() -> None:
    TEXTS["welcomed-list-2023"] = ("2023-08-20", """Regional leaders gather

GABORONE, Aug 20 (Wire) - Botswana's President Mokgweetsi Masisi greeted Zambia's Hakainde Hichilema, Namibian President Hage Geingob and Malawi's Lazarus Chakwera at the airport on Saturday before the bloc's summit opened.""")
    got = {(v["visitor"], v["destination"]) for v in _visits("welcomed-list-2023")}
    assert {("person/hakainde-hichilema", "state/botswana"), ("person/hage-geingob", "state/botswana"),
            ("person/lazarus-chakwera", "state/botswana")} <= got, got


def test_extract_rules_signed_by_the_two_prime_ministers_and_an_older_accord_replaced() -> None:
    TEXTS["replaces-older-2024"] = ("2024-02-16", """Border text

PHNOM PENH, Feb 16 (Wire) - Cambodia and Thailand signed a treaty on river navigation on Thursday after talks between Prime Ministers Hun Manet and Srettha Thavisin. The treaty replaces a 1983 agreement that shippers had long called outdated. It was signed in a riverside hall by the two prime ministers.""")
    fs = facts("replaces-older-2024")
    new = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn" and o.startswith("2024")}
    old = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn" and o == "1983"}
    assert len(new) == 1 and len(old) == 1, sorted(fs)
    (n,), (o_,) = new, old
    assert (n, "replaces", o_) in fs, sorted(fs)
    assert {o for s, p, o in fs if s == o_ and p == "party"} == {"state/cambodia", "state/thailand"}, sorted(fs)
    assert {o for s, p, o in fs if s == n and p == "signatory"} == {"person/hun-manet", "person/srettha-thavisin"}, sorted(fs)
    assert {o for s, p, o in fs if s == n and p == "signedOn"} == {"2024-02-15"}, sorted(fs)


def test_extract_rules_names_set_off_by_a_lowercase_title_or_counterpart() -> None:
    TEXTS["comma-title-2023"] = ("2023-03-02", """Andean talks

QUITO, March 2 (Wire) - Ecuador's trade minister, Ana Victoria Mendoza, met her Colombian counterpart Santiago Umana on Wednesday to discuss tariffs. Both said progress had been made.""")
    fs = facts("comma-title-2023")
    assert ("person/ana-victoria-mendoza", "officialOf", "state/ecuador") in fs, sorted(fs)
    assert ("person/santiago-umana", "officialOf", "state/colombia") in fs, sorted(fs)


def test_extract_rules_a_role_word_opening_a_line_is_not_part_of_the_name() -> None:
    TEXTS["host-word-2024"] = ("2024-07-03", """Leaders arrive for the bloc's summit

ASTANA, July 3 (Wire) - Host Kassym-Jomart Tokayev, the Kazakh president, opened the summit of the Shanghai Cooperation Organisation on Wednesday.""")
    people = {s for s, p, o in facts("host-word-2024") if s.startswith("person/")}
    assert "person/kassym-jomart-tokayev" in people and not any("host" in k for k in people), people


def test_extract_rules_an_entry_of_a_live_report_is_on_its_day() -> None:
    TEXTS["live-2024"] = ("2024-05-21", """LIVE: Balkan leaders in Tirana

Updated 21 May 2024

11:20 - Albanian Prime Minister Edi Rama and Montenegrin Prime Minister Milojko Spajic held talks at the government building in Tirana.

12:05 - The two men told reporters they would open a new border crossing.""")
    got = [v for v in summits("live-2024").values()
           if v["participant"] == {"person/edi-rama", "person/milojko-spajic"}]
    assert got and got[0].get("startDate") == {"2024-05-21"}, summits("live-2024")


def test_extract_rules_a_relative_clause_signing_names_its_signers_and_place() -> None:
    TEXTS["which-signed-2022"] = ("2022-09-14", """Water accord

TASHKENT, Sept 14 (Wire) - Uzbek President Shavkat Mirziyoyev said on Wednesday that water sharing remained the region's hardest question. In 2017 Uzbekistan and Turkmenistan concluded a river basin agreement, which Uzbek Foreign Minister Abdulaziz Kamilov and Turkmen Foreign Minister Rashid Meredov signed in Ashgabat.""")
    fs = facts("which-signed-2022")
    t = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn" and o == "2017"}
    assert len(t) == 1, sorted(fs)
    (key,) = t
    assert {o for s, p, o in fs if s == key and p == "signatory"} == {"person/abdulaziz-kamilov", "person/rashid-meredov"}, sorted(fs)
    assert {o for s, p, o in fs if s == key and p == "signedAt"} == {"place/ashgabat"}, sorted(fs)
    assert {o for s, p, o in fs if s == key and p == "signedOn"} == {"2017"}, sorted(fs)


def test_extract_rules_a_host_receives_him_where_the_story_took_him() -> None:
    TEXTS["received-him-2024"] = ("2024-06-28", """Steppe diplomacy

Hungarian Prime Minister Viktor Orban stayed two nights in the Kazakh capital, where President Kassym-Jomart Tokayev received him at the Akorda palace. Talks covered uranium and rail freight.""")
    got = [v for v in summits("received-him-2024").values()
           if v["participant"] == {"person/viktor-orban", "person/kassym-jomart-tokayev"}]
    assert got and got[0].get("location") == {"place/astana"}, summits("received-him-2024")


def test_extract_rules_the_presidents_of_listed_states_are_those_the_story_names() -> None:
    TEXTS["presidents-of-1991"] = ("1991-06-22", """Andean leaders sign trade pact

CARACAS, June 22 (Wire) - The presidents of Bolivia, Ecuador and Venezuela signed a customs agreement here on Friday after a day of talks.

The host, President Carlos Andres Perez, said tariffs would fall within a year. Jaime Paz Zamora of Bolivia and Rodrigo Borja of Ecuador flew home in the evening.""")
    fs = facts("presidents-of-1991")
    assert ("person/carlos-andres-perez", "leaderOf", "state/venezuela") in fs, sorted(fs)
    assert ("person/jaime-paz-zamora", "leaderOf", "state/bolivia") in fs, sorted(fs)
    assert ("person/rodrigo-borja", "leaderOf", "state/ecuador") in fs, sorted(fs)
    signers = {o for s, p, o in fs if s.startswith("treaty/") and p == "signatory"}
    assert signers == {"person/carlos-andres-perez", "person/jaime-paz-zamora", "person/rodrigo-borja"}, sorted(fs)


def test_extract_rules_a_day_in_the_month_the_paragraph_told_and_leaders_named_by_capitals() -> None:
    TEXTS["month-told-2012"] = ("2012-05-04", """How Astana and Tashkent drew their line

Analysis, May 4, 2012

Border talks between Astana and Tashkent opened in the Uzbek capital in September 2001. On September 16 Nursultan Nazarbayev and Islam Karimov put their signatures to a frontier treaty, ending years of quarrels over wells and pastures.

Nazarbayev sat down with Karimov again last week to review the demarcation.""")
    fs = facts("month-told-2012")
    assert ("person/nursultan-nazarbayev", "leaderOf", "state/kazakhstan") in fs, sorted(fs)
    assert ("person/islam-karimov", "leaderOf", "state/uzbekistan") in fs, sorted(fs)
    dates = {o for s, p, o in fs if s.startswith("treaty/") and p == "signedOn"}
    assert dates == {"2001-09-16"}, sorted(fs)


def test_extract_rules_an_undated_meeting_in_a_paragraph_of_an_older_year_is_not_the_lead_s_day() -> None:
    TEXTS["older-paragraph-2012"] = ("2012-05-04", """Water deal

ALMATY, May 4 (Wire) - Kazakh President Nursultan Nazarbayev and Kyrgyz President Almazbek Atambayev agreed on Thursday to share the flow of the Chu river.

The idea is not new. In 1996 the two states set up a joint water commission. Nazarbayev sat down with Askar Akayev, then Kyrgyzstan's president, at a lakeside resort to launch it.""")
    got = [v for v in summits("older-paragraph-2012").values()
           if v["participant"] == {"person/nursultan-nazarbayev", "person/askar-akayev"}]
    assert got and not any(d.startswith("2012") for d in got[0].get("startDate", set())), summits("older-paragraph-2012")


def test_extract_rules_a_readout_s_list_of_agreements_and_its_unnamed_side() -> None:
    TEXTS["readout-list-2023"] = ("2023-11-14", """PRESS RELEASE
Leaders' Retreat between Malaysia and Singapore, 14 November 2023

Prime Minister Lee Hsien Loong visited Putrajaya today for the annual Leaders' Retreat with Prime Minister Anwar Ibrahim of Malaysia.

The two leaders witnessed the exchange of documents on the following matters of common interest:

a) the Treaty on the Joint Management of the Johor River Catchment, signed by Minister for Sustainability Grace Fu and Malaysia's Minister of Natural Resources and Environmental Sustainability Amir Hamzah Salleh;

b) a memorandum on the green economy, signed by the two trade ministers.

PM Lee thanked his host for the warm welcome.""")
    fs = facts("readout-list-2023")
    got = [v for v in summits("readout-list-2023").values()
           if v["participant"] == {"person/lee-hsien-loong", "person/anwar-ibrahim"}]
    assert got and got[0].get("startDate") == {"2023-11-14"}, summits("readout-list-2023")
    treaty = {s for s, p, o in fs if s.startswith("treaty/") and "johor-river" in s}
    assert len(treaty) == 1, sorted(fs)
    (key,) = treaty
    assert {o for s, p, o in fs if s == key and p == "signatory"} == {"person/grace-fu", "person/amir-hamzah-salleh"}, sorted(fs)
    assert ("person/amir-hamzah-salleh", "officialOf", "state/malaysia") in fs, sorted(fs)
    assert ("person/lee-hsien-loong", "title", "Pm") not in fs, sorted(fs)


def test_extract_rules_a_summit_planned_for_an_earlier_year_and_cancelled_did_not_happen() -> None:
    TEXTS["cancelled-1998"] = ("2005-03-10", """Looking back

A summit planned in 1998 between Prime Minister Nawaz Sharif and Prime Minister Atal Bihari Vajpayee was postponed after the nuclear tests. The two leaders finally met in Lahore in February 1999.""")
    got = summits("cancelled-1998")
    assert not any(v.get("startDate") == {"1998"} for v in got.values()), got
    assert any(v.get("startDate") == {"1999-02"} for v in got.values()), got



def test_extract_rules_a_leaders_retreat_and_those_it_included_later() -> None:
    TEXTS["retreat-2022"] = ("2022-07-15", """Pacific leaders end talks in Suva

SUVA, July 15 (Wire) - Pacific leaders ended their annual retreat in the Fijian capital on Thursday with a pledge to cut emissions faster.

The host, Fiji's Prime Minister Frank Bainimarama, said the week had restored unity after a bitter split over the bloc's leadership.

Regional security and fishing rights took up most of the agenda, officials said.

Other leaders at the retreat included Jacinda Ardern of New Zealand and Fiame Naomi Mata'afa of Samoa.""")
    got = summits("retreat-2022")
    people = {"person/frank-bainimarama", "person/jacinda-ardern"}
    assert any(people <= v["participant"] and v.get("endDate") == {"2022-07-14"} and v.get("location") == {"place/suva"}
               for v in got.values()), got
    assert len(got) == 1, got


def test_extract_rules_a_visit_made_on_a_flight_goes_where_the_flight_went() -> None:
    TEXTS["flew-on-visit-1964"] = ("1964-04-23", """Union talks

DAR ES SALAAM, April 23 (Wire) - President Julius Nyerere of Tanganyika flew to Zanzibar on Wednesday on a brief surprise visit, aides here said. He was back by nightfall.""")
    got = {(v["visitor"], v["destination"]) for v in _visits("flew-on-visit-1964")}
    assert got == {("person/julius-nyerere", "state/zanzibar")}, got
    assert ("person/julius-nyerere", "leaderOf", "state/tanganyika") in facts("flew-on-visit-1964")


def test_extract_rules_each_of_a_coordinated_subject_travelled() -> None:
    TEXTS["both-flew-2016"] = ("2016-11-18", """Mediation mission

DAKAR, Nov 18 (Wire) - Senegal's President Macky Sall and his Malian counterpart, Ibrahim Boubacar Keita, flew to Nouakchott on Thursday to press the Mauritanian government on border trade. Niger's President Mahamadou Issoufou and Beninese President Patrice Talon arrived in Niamey the same day, and Ghana's President John Mahama stayed in Accra.""")
    got = {(v["visitor"], v["destination"]) for v in _visits("both-flew-2016")}
    assert {("person/macky-sall", "place/nouakchott"), ("person/ibrahim-boubacar-keita", "place/nouakchott"),
            ("person/patrice-talon", "place/niamey")} <= got, got
    assert not any(v == "person/mahamadou-issoufou" for v, _ in got), got   # at home in Niamey


def test_extract_rules_a_count_joined_to_an_unnamed_treaty_s_words_is_kept() -> None:
    TEXTS["ten-point-2021"] = ("2021-03-12", """Truce

MINSK, March 12 (Wire) - The ten-point accord was signed on Thursday by Belarus and Lithuania in Minsk. It took effect at midnight.""")
    labels = {a for k, e in run("ten-point-2021").entities.items() if k.startswith("treaty/") for a in e.alt_labels}
    assert "ten-point accord" in labels and not any(a.startswith("-") for a in labels), labels


def test_extract_rules_separate_meetings_are_one_meeting_each() -> None:
    TEXTS["separate-2019"] = ("2019-04-29", """Belt and Road forum

BEIJING, April 29 (Wire) - On Saturday Chinese President Xi Jinping held separate meetings in Beijing with Pakistani Prime Minister Imran Khan, Kenyan President Uhuru Kenyatta and Egyptian President Abdel Fattah al-Sisi.""")
    got = [v["participant"] for v in summits("separate-2019").values()]
    xi = "person/xi-jinping"
    assert sorted(map(sorted, got)) == sorted(sorted({xi, p}) for p in (
        "person/imran-khan", "person/uhuru-kenyatta", "person/abdel-fattah-el-sisi")), got


def test_extract_rules_the_one_whose_aide_held_talks_was_not_there() -> None:
    TEXTS["aide-talks-1971"] = ("1971-07-20", """Secret trip

In July 1971 Henry Kissinger, President Richard Nixon's national security adviser, held secret talks in Peking with Premier Zhou Enlai.""")
    got = summits("aide-talks-1971")
    assert not any("person/richard-nixon" in v["participant"] for v in got.values()), got


def test_extract_rules_a_bare_day_in_a_look_back_takes_the_last_month_and_year_told() -> None:
    TEXTS["look-back-2024"] = ("2024-03-12", """A year of detente

One year ago, on 10 March 2023, Riyadh and Tehran agreed to restore ties. The deal revived a trade pact concluded in 1998, officials said.

The warmest moment came in November, when Iranian President Ebrahim Raisi travelled to Riyadh on 11 November to attend a regional summit.""")
    got = {(v["visitor"], v.get("startDate")) for v in _visits("look-back-2024")}
    assert ("person/ebrahim-raisi", "2023-11-11") in got, got


def test_extract_rules_states_listed_after_signed_it_are_its_parties() -> None:
    TEXTS["signed-it-list-1994"] = ("1994-06-20", """Fisheries convention

The Lake Victoria Fisheries Convention was opened for signature in Kisumu last week. Three states signed it on the opening day: Kenya, Uganda and Tanzania. Officials said it would enter into force next year.""")
    fs = facts("signed-it-list-1994")
    got = {o for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert got == {"state/kenya", "state/uganda", "state/tanzania"}, sorted(fs)


def test_extract_rules_paired_adjectives_of_any_ministers_and_a_hyphenated_second_name() -> None:
    TEXTS["paired-ministers-1965"] = ("1965-04-09", """Merger treaty

BRUSSELS, April 8 (Wire) - Six governments signed a treaty merging the executives of the three communities today. Italy's Prime Minister, Aldo Moro, signed as well, as did the French and Belgian trade ministers, Andre Morin and Jean-Charles Snoy.""")
    fs = facts("paired-ministers-1965")
    assert ("person/andre-morin", "officialOf", "state/france") in fs, sorted(fs)
    assert ("person/jean-charles-snoy", "officialOf", "state/belgium") in fs, sorted(fs)
    assert ("person/andre-morin", "officialOf", "state/belgium") not in fs, sorted(fs)


def test_extract_rules_an_official_set_against_one_of_the_other_state() -> None:
    TEXTS["set-against-2006"] = ("2006-02-10", """Gas talks

Australia and Timor-Leste have argued over the seabed for years. Talks in Darwin this week were held between Resources Minister Ian Lindsay and Estanislau Marques, then Timor-Leste's petroleum minister, and ended without a deal.""")
    fs = facts("set-against-2006")
    assert ("person/ian-lindsay", "officialOf", "state/australia") in fs, sorted(fs)
    assert ("person/estanislau-marques", "officialOf", "state/east-timor") in fs, sorted(fs)


def test_extract_rules_two_of_one_delegation_are_not_set_against_each_other() -> None:
    TEXTS["one-side-1985"] = ("1985-11-16", """Hillsborough

Britain and Ireland signed an accord at Hillsborough Castle yesterday. Trade Secretary Leon Brittan and Tom King, the minister for Northern Ireland, sat together behind the British delegation.""")
    fs = facts("one-side-1985")
    assert ("person/tom-king", "officialOf", "state/ireland") not in fs, sorted(fs)


def test_extract_rules_days_of_talks_told_after_the_signing_date_the_meeting() -> None:
    TEXTS["talks-days-1994"] = ("1994-10-26", """Peace signed

ARAVA, Oct 26 (Wire) - Israeli Prime Minister Yitzhak Rabin and Jordanian Prime Minister Abdelsalam al-Majali signed a peace treaty here today.

The treaty was signed by the two prime ministers after three days of final talks at a border post, officials said.""")
    got = [v for v in summits("talks-days-1994").values()
           if {"person/yitzhak-rabin", "person/abdelsalam-al-majali"} <= v["participant"]]
    assert got and got[0].get("startDate") == {"1994-10-24"} and got[0].get("endDate") == {"1994-10-26"}, summits("talks-days-1994")


def test_extract_rules_talks_a_journey_was_made_for_take_its_day_and_not_the_next_stop() -> None:
    TEXTS["tour-stops-2019"] = ("2019-07-12", """Tour ends

Indian Prime Minister Narendra Modi flew on to Male on Saturday for talks with Maldivian President Ibrahim Mohamed Solih, and then to Colombo on Sunday, where he and Sri Lankan President Maithripala Sirisena laid a wreath.""")
    got = [v for v in summits("tour-stops-2019").values() if "person/ibrahim-mohamed-solih" in v["participant"]]
    assert got and got[0]["participant"] == {"person/narendra-modi", "person/ibrahim-mohamed-solih"}, summits("tour-stops-2019")
    assert got[0].get("startDate") == {"2019-07-06"}, summits("tour-stops-2019")


def test_extract_rules_a_tour_that_took_him_to_places_is_a_visit_to_each() -> None:
    TEXTS["took-him-1961"] = ("1961-05-30", """Asian tour

SAIGON, May 30 (Wire) - Vice President Lyndon Johnson arrived here on Thursday on a two-week Asian tour that also took him to the Philippines, Taiwan and Thailand. His journey later took him to India as well, officials said.""")
    got = {v["destination"] for v in _visits("took-him-1961") if v["visitor"] == "person/lyndon-b-johnson"}
    assert {"state/philippines", "state/taiwan", "state/thailand", "state/india"} <= got, got


def test_extract_rules_a_list_after_a_colon_belongs_to_its_sentence() -> None:
    TEXTS["colon-list-2016"] = ("2016-12-14", """Mediation

MASERU, Dec 14 (Wire) - On Friday a group of presidents from the southern bloc flew into Maseru: Liberia's Ellen Johnson Sirleaf, Nigeria's Muhammadu Buhari and John Mahama, then Ghana's head of state. All three went home with nothing agreed.""")
    got = {v["visitor"] for v in _visits("colon-list-2016")}
    assert {"person/ellen-johnson-sirleaf", "person/muhammadu-buhari", "person/john-mahama"} <= got, got


def test_extract_rules_two_named_treaties_signed_together_and_a_treaty_not_signed() -> None:
    TEXTS["two-named-2008"] = ("2008-04-22", """Border treaties

Foreign Minister Ivan Petrov and the Foreign Minister of Romania, Lazar Comanescu, today signed in Bucharest the Treaty on the Bulgarian-Romanian State Border and the Agreement on the Delimitation of the Continental Shelf in the Black Sea and the Gulf of Varna.

The border treaty between Moldova and Romania, which was drafted at the same time, has not been signed.""")
    fs = facts("two-named-2008")
    treaties = {s for s, p, o in fs if s.startswith("treaty/")}
    assert any("state-border" in t for t in treaties) and any("continental-shelf" in t for t in treaties), sorted(fs)
    assert not any("moldova" in t for t in treaties), sorted(fs)
    for t in treaties:
        assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"2008-04-22"}, sorted(fs)


def test_extract_rules_a_sea_named_after_a_state_is_no_party() -> None:
    TEXTS["gulf-of-1995"] = ("1995-06-02", """Fishing pact

Foreign Minister Riivo Sinijarv and the Foreign Minister of Latvia, Valdis Birkavs, today signed in Tallinn the Agreement on Fishing in the Gulf of Riga and the Gulf of Finland.""")
    fs = facts("gulf-of-1995")
    assert not any(o == "state/finland" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_palestinian_question_names_no_state() -> None:
    TEXTS["palestinian-2021"] = ("2021-06-28", """Three-way talks

AMMAN, June 28 (Wire) - Jordan's King Abdullah II and Egyptian President Abdel Fattah al-Sisi met in Amman on Sunday and discussed the Palestinian question and trade.""")
    states = {k for k in run("palestinian-2021").entities if k.startswith("state/")}
    assert "state/palestine" not in states and {"state/jordan", "state/egypt"} <= states, states


def test_extract_rules_a_currency_or_an_organisation_named_after_a_state_is_no_act_of_it() -> None:
    TEXTS["currency-2014"] = ("2014-08-04", """Credit line

KATHMANDU, Aug 4 (Wire) - Narendra Modi, India's prime minister, said in Kathmandu that India would lend one billion US dollars for roads in Nepal. The head of the Organization of American States sent greetings.""")
    states = {k for k in run("currency-2014").entities if k.startswith("state/")}
    assert "state/united-states" not in states and {"state/india", "state/nepal"} <= states, states


def test_extract_rules_the_dateline_places_no_official_told_elsewhere() -> None:
    TEXTS["elsewhere-2020"] = ("2020-11-16", """Trade pact signed online

HANOI, Nov 16 (Wire) - Fifteen countries signed a regional trade pact by video link on Sunday. In Wellington, Trade Minister Damien O'Connor signed his country's copy at a desk in parliament. The pact had been negotiated by the then trade ministers Tim Groser and Vu Huy Hoang years earlier. Trade Commissioner Phil Hogan of the European Union sent a message.""")
    fs = facts("elsewhere-2020")
    assert ("person/damien-oconnor", "officialOf", "state/new-zealand") in fs, sorted(fs)
    for who in ("person/damien-oconnor", "person/tim-groser", "person/vu-huy-hoang", "person/phil-hogan"):
        assert (who, "officialOf", "state/vietnam") not in fs, sorted(fs)


def test_extract_rules_a_signed_treaty_of_no_stated_parties_in_a_story_of_two_states() -> None:
    TEXTS["two-state-story-2022"] = ("2022-05-10", """Old treaties, new quarrels

Argentina and Chile have argued over their southern border for more than a century. Chile says the rules were fixed long ago; Argentina disagrees.

The first text was the Boundary Treaty of 1881, signed in Buenos Aires on 23 July 1881. The General Treaty of Arbitration followed, signed in Santiago on 28 May 1902.

Argentina and Chile came close to war in 1978, when Chile moved ships south and Argentina massed troops.""")
    fs = facts("two-state-story-2022")
    for t in ("treaty/boundary-treaty", "treaty/general-treaty-of-arbitration"):
        got = {o for s, p, o in fs if s.startswith(t) and p == "party"}
        assert got == {"state/argentina", "state/chile"}, sorted(fs)


def test_extract_rules_no_parties_are_guessed_in_a_story_of_many_states() -> None:
    TEXTS["many-state-story-2022"] = ("2022-05-10", """Week in review

Argentina and Chile met on Monday. Peru, Bolivia and Ecuador held talks on Tuesday. Brazil and Uruguay met on Wednesday. Paraguay and Colombia met on Thursday.

The Boundary Treaty of 1881, signed in Buenos Aires on 23 July 1881, was also discussed.""")
    fs = facts("many-state-story-2022")
    assert not any(s.startswith("treaty/") and p == "party" for s, p, o in fs), sorted(fs)


def test_extract_rules_signing_for_her_government_and_a_declaration_signed_earlier() -> None:
    TEXTS["own-behalf-2024"] = ("2024-03-05", """Accord signed

The Minister of Foreign Affairs of Kenya, Musalia Mudavadi, put his name this morning to the Cooperation Agreement between Kenya and Somalia.

The Minister of Foreign Affairs of Somalia, Ahmed Moallim Fiqi, signed on behalf of his Government.

The Cooperation Agreement builds on the Joint Declaration signed by the two ministers in Nairobi in January. The Minister of Foreign Affairs of Ghana, Shirley Ayorkor Botchwey, attended as a guest.""")
    fs = facts("own-behalf-2024")
    signers = {o for s, p, o in fs if s.startswith("treaty/") and p == "signatory"}
    assert signers == {"person/musalia-mudavadi", "person/ahmed-moallim-fiqi"}, sorted(fs)
    # (the declaration signed in January is another document: no second date for the agreement)
    assert {o for s, p, o in fs if s.startswith("treaty/") and p == "signedOn"} == {"2024-03-05"}, sorted(fs)


def test_extract_rules_a_bare_surname_shared_by_several_is_the_one_in_office() -> None:
    TEXTS["two-kims-2019"] = ("2019-06-30", """Handshake at the border

PANMUNJOM, June 30 (Wire) - U.S. President Donald Trump met North Korean leader Kim Jong Un at the border village on Sunday. He is the first sitting U.S. president to step into the North, which Kim Dae-jung, then South Korea's president, visited in 2000.

Kim later held talks with Trump for almost an hour in a building on the southern side.""")
    got = [v["participant"] for v in summits("two-kims-2019").values()]
    assert not any("person/kim-dae-jung" in p for p in got), got


def test_extract_rules_days_of_talks_that_ended_or_began_on_a_day() -> None:
    TEXTS["days-of-talks-2024"] = ("2024-09-09", """Talks

ACCRA, Sept 9 (Wire) - Ghanaian President Nana Akufo-Addo hosted Ivorian President Alassane Ouattara for three days of talks that ended on Saturday. Togolese President Faure Gnassingbe received Beninese President Patrice Talon in Lome for two days of meetings that began on Monday, September 2.""")
    got = {frozenset(v["participant"]): (v.get("startDate"), v.get("endDate")) for v in summits("days-of-talks-2024").values()}
    assert got.get(frozenset({"person/nana-akufo-addo", "person/alassane-ouattara"})) == ({"2024-09-05"}, {"2024-09-07"}), got
    assert got.get(frozenset({"person/faure-gnassingbe", "person/patrice-talon"})) == ({"2024-09-02"}, {"2024-09-03"}), got


def test_extract_rules_a_visit_under_way_a_count_that_is_no_date_and_a_return_from_abroad() -> None:
    TEXTS["under-way-2023"] = ("2023-11-22", """Visits

MADRID, Nov 22 (Wire) - Portuguese Prime Minister Antonio Costa is in Madrid for a two-day visit, his second this year. Belgian Prime Minister Alexander De Croo returned from Beijing on Tuesday after talks with Chinese Premier Li Qiang.""")
    got = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("under-way-2023")}
    assert ("person/antonio-costa", "place/madrid", "2023-11-22") in got, got
    assert any(v == "person/alexander-de-croo" and d == "place/beijing" for v, d, _ in got), got


def test_extract_rules_an_office_taken_as_and_a_name_after_a_courtesy() -> None:
    TEXTS["oath-as-2021"] = ("2021-11-30", """A new republic

PORT OF SPAIN, Nov 30 (Wire) - Dame Paula Mae Weekes took her oath of office as President of Trinidad and Tobago in a quiet ceremony, officials said. Keith Rowley served as Prime Minister of Trinidad and Tobago throughout the transition.""")
    fs = facts("oath-as-2021")
    assert ("person/paula-mae-weekes", "leaderOf", "state/trinidad-and-tobago") in fs, sorted(fs)
    assert ("person/keith-rowley", "leaderOf", "state/trinidad-and-tobago") in fs, sorted(fs)


def test_extract_rules_pen_to_paper_signers_in_a_with_clause_and_a_relative_clause_signing() -> None:
    TEXTS["pen-paper-2024"] = ("2024-03-08", """Deals

KIGALI, March 8 (Wire) - Rwanda and Burundi put pen to paper on a trade accord in Kigali on Friday, with Rwandan Foreign Minister Vincent Biruta and his Burundian counterpart Albert Shingiro signing for their governments.

The Tanzania-Zambia railway protocol, which Tanzanian President Samia Suluhu Hassan and Zambian President Hakainde Hichilema inked in Dar es Salaam on Wednesday, will revive the line.""")
    fs = facts("pen-paper-2024")
    trade = {s for s, p, o in fs if s.startswith("treaty/") and "trade" in s}
    rail = {s for s, p, o in fs if s.startswith("treaty/") and "railway" in s}
    assert len(trade) == 1 and len(rail) == 1, sorted(fs)
    (t,), (r,) = trade, rail
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/vincent-biruta", "person/albert-shingiro"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedAt"} == {"place/kigali"}, sorted(fs)
    assert {o for s, p, o in fs if s == r and p == "signatory"} == {"person/samia-suluhu-hassan", "person/hakainde-hichilema"}, sorted(fs)
    assert {o for s, p, o in fs if s == r and p == "signedOn"} == {"2024-03-06"}, sorted(fs)


def test_extract_rules_a_gathering_attended_by_a_list_and_one_who_skipped_it() -> None:
    TEXTS["attended-by-2024"] = ("2024-07-04", """Summit ends

ASTANA, July 4 (Wire) - The summit of the Shanghai Cooperation Organisation ended in Astana on Thursday. It was attended by Chinese President Xi Jinping, Russian President Vladimir Putin and Pakistani Prime Minister Shehbaz Sharif, among others.

Indian Prime Minister Narendra Modi skipped the meeting and sent his foreign minister instead.""")
    got = [v["participant"] for v in summits("attended-by-2024").values()]
    assert any({"person/xi-jinping", "person/vladimir-putin", "person/shehbaz-sharif"} <= p for p in got), got
    assert not any("person/narendra-modi" in p for p in got), got


def test_extract_rules_a_day_first_dateline_is_no_date_of_the_news_it_opens() -> None:
    TEXTS["dateline-dmy-2024"] = ("2024-04-17", """Mekong talks

PHNOM PENH, 17 April 2024 - Cambodian Prime Minister Hun Manet met Thai Prime Minister Srettha Thavisin in Bangkok on Monday to discuss border crossings.""")
    got = summits("dateline-dmy-2024")
    assert [v.get("startDate") for v in got.values()] == [{"2024-04-15"}], got
    assert [v.get("location") for v in got.values()] == [{"place/bangkok"}], got


def test_extract_rules_years_ago_after_a_dateline_dash_counts_from_the_story_day() -> None:
    TEXTS["ago-dash-2019"] = ("2019-09-30", """A border remembered

MAPUTO, 30 September 2019 - Twenty years ago today, Mozambican President Joaquim Chissano and Malawian President Bakili Muluzi signed a railway treaty in Blantyre.

Fifteen years ago this week, the two governments signed a second treaty on fisheries in Lake Niassa.""")
    fs = facts("ago-dash-2019")
    rail = {s for s, p, o in fs if s.startswith("treaty/") and "railway" in s}
    fish = {s for s, p, o in fs if s.startswith("treaty/") and "fisheries" in s}
    assert len(rail) == 1 and len(fish) == 1, sorted(fs)
    assert {o for s, p, o in fs if s in rail and p == "signedOn"} == {"1999-09-30"}, sorted(fs)
    assert {o for s, p, o in fs if s in rail and p == "signatory"} == {"person/joaquim-chissano", "person/bakili-muluzi"}
    # "this week" gives the month, not the very day
    assert {o for s, p, o in fs if s in fish and p == "signedOn"} == {"2004-09"}, sorted(fs)


def test_extract_rules_the_treaty_is_the_unnamed_one_told_before_not_a_named_accord_of_another_kind() -> None:
    TEXTS["the-treaty-2020"] = ("2020-06-12", """Neighbours at peace

Thirty years ago today, Peruvian President Alberto Fujimori and Ecuadorian President Rodrigo Borja signed the treaty that settled the river dispute between their countries. A year earlier the two had signed the Lima Accords, two short framework texts. The treaty was signed at the Government Palace in Quito.""")
    fs = facts("the-treaty-2020")
    told = {s for s, p, o in fs if s.startswith("treaty/") and p == "signatory" and "lima" not in s}
    assert len(told) == 1, sorted(fs)
    (t,) = told
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/peru", "state/ecuador"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedAt"} == {"place/quito"}, sorted(fs)
    assert not any("lima" in s and p == "signedAt" and o == "place/quito" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_accord_signed_in_another_year_is_not_the_one_just_told() -> None:
    TEXTS["another-year-2022"] = ("2022-03-04", """Deals

Botswana and Namibia signed a water accord in Gaborone on Thursday. The accord, signed in Windhoek in 2015, had ended years of quarrels over the river.""")
    fs = facts("another-year-2022")
    water = {s for s, p, o in fs if s.startswith("treaty/") and "water" in s}
    assert len(water) == 1, sorted(fs)
    assert {o for s, p, o in fs if s in water and p == "signedOn"} == {"2022-03-03"}, sorted(fs)
    assert {o for s, p, o in fs if s in water and p == "signedAt"} == {"place/gaborone"}, sorted(fs)


def test_extract_rules_a_double_surname_joined_by_a_hyphen_stays_whole() -> None:
    TEXTS["hyphen-name-2021"] = ("2021-02-03", """Cabinet sworn in

ACCRA, Feb 3 (Wire) - Vice President Akua Naana Darko-Mensah opened the session on Tuesday. Deputy Minister Abena Naana Opoku-Boateng read the budget.""")
    # (the NER reads "Akua Naana" and "Darko-Mensah" as two names, "Opoku-Boateng" as an organisation)
    assert has("hyphen-name-2021", "person/akua-naana-darko-mensah", "officialOf", "state/ghana"), sorted(facts("hyphen-name-2021"))
    assert has("hyphen-name-2021", "person/abena-naana-opoku-boateng", "officialOf", "state/ghana"), sorted(facts("hyphen-name-2021"))


def test_extract_rules_later_talks_a_few_short_paragraphs_after_the_lead_take_its_day() -> None:
    TEXTS["later-talks-2022"] = ("2022-05-26", """Inauguration

PORT LOUIS, May 26 (Wire) - Mauritian Prime Minister Pravind Jugnauth opened a new metro line on Wednesday.

Jugnauth, 60, cut the ribbon at Rose Hill station.

The line will carry 40,000 passengers a day, officials said, and a second phase is due in March.

Later, Jugnauth held talks with Seychelles President Wavel Ramkalawan, who attended the ceremony.""")
    got = summits("later-talks-2022")
    assert [v.get("startDate") for v in got.values()] == [{"2022-05-25"}], got


def test_extract_rules_he_of_a_where_clause_is_the_traveller_of_the_main_clause() -> None:
    TEXTS["where-he-2019"] = ("2019-11-20", """Travels

In July, Slovak Prime Minister Peter Pellegrini travelled to Vienna, where he met Austrian Chancellor Brigitte Bierlein at the chancellery.""")
    got = summits("where-he-2019")
    assert any(v["participant"] == {"person/peter-pellegrini", "person/brigitte-bierlein"} for v in got.values()), got
    assert any(v.get("startDate") == {"2019-07"} for v in got.values()), got


def test_extract_rules_it_replaces_an_older_agreement_after_a_one_sentence_paragraph() -> None:
    TEXTS["it-replaces-2024"] = ("2024-09-12", """New frontier treaty

BISHKEK, Sept 12 (Wire) - Kyrgyzstan and Tajikistan signed a border treaty on Thursday.

It replaces a 1997 agreement that left dozens of villages in dispute.""")
    fs = facts("it-replaces-2024")
    new = {s for s, p, o in fs if p == "signedOn" and o == "2024-09-12"}
    old = {s for s, p, o in fs if p == "signedOn" and o == "1997"}
    assert len(new) == 1 and len(old) == 1, sorted(fs)
    (n,), (o_,) = new, old
    assert (n, "replaces", o_) in fs, sorted(fs)
    assert {o for s, p, o in fs if s == o_ and p == "party"} == {"state/kyrgyzstan", "state/tajikistan"}, sorted(fs)


def test_extract_rules_talks_on_the_sidelines_are_at_the_gathering_the_story_tells() -> None:
    TEXTS["sidelines-bare-2023"] = ("2023-08-24", """BRICS summit

JOHANNESBURG, Aug 24 (Wire) - The BRICS summit opened in Johannesburg on Tuesday with expansion at the top of the agenda.

Chinese President Xi Jinping, Brazil's President Lula and Indian Prime Minister Narendra Modi attended.

On the sidelines, Modi held talks with Ethiopian Prime Minister Abiy Ahmed.""")
    got = summits("sidelines-bare-2023")
    side = [v for v in got.values() if v["participant"] == {"person/narendra-modi", "person/abiy-ahmed"}]
    assert len(side) == 1, got
    assert side[0].get("location") == {"place/johannesburg"} and side[0].get("startDate") == {"2023-08-22"}, got


def test_extract_rules_a_courtesy_word_alone_names_nobody_and_a_reception_elsewhere_is_its_own_meeting() -> None:
    TEXTS["gulf-tour-2022"] = ("2022-06-20", """Gulf tour

DOHA, June 20 (Wire) - Omani Sultan Haitham bin Tariq received Bahraini King Hamad bin Isa Al Khalifa at his palace in Muscat on Sunday.

The two rulers discussed shipping and trade, officials said.

King Hamad later flew to Doha, where he was received by the Qatari emir, Tamim bin Hamad Al Thani.

Kuwait's Crown Prince Sheikh Mishal al-Ahmad al-Sabah is expected in Muscat next week.""")
    fs = facts("gulf-tour-2022")
    # "Sheikh" is no name of its own: the Kuwaiti prince is not the Qatari emir
    assert not has("gulf-tour-2022", "person/tamim-bin-hamad-al-thani", "leaderOf", "state/kuwait"), sorted(fs)
    got = summits("gulf-tour-2022")
    muscat = [v for v in got.values() if v.get("location") == {"place/muscat"}]
    doha = [v for v in got.values() if v.get("location") == {"place/doha"}]
    assert len(muscat) == 1 and len(doha) == 1, got
    assert "person/tamim-bin-hamad-al-thani" not in muscat[0]["participant"], got
    assert doha[0]["participant"] == {"person/hamad-bin-isa-al-khalifa", "person/tamim-bin-hamad-al-thani"}, got


def test_extract_rules_a_courtesy_call_at_a_palace_is_a_meeting_in_the_town_named_after_it() -> None:
    TEXTS["call-on-2023"] = ("2023-11-22", """Visit

BANGKOK, Nov 22 (Wire) - Thai Prime Minister Srettha Thavisin called on Cambodian King Norodom Sihamoni at the Royal Palace in Phnom Penh on Tuesday.""")
    got = summits("call-on-2023")
    assert [v.get("location") for v in got.values()] == [{"place/phnom-penh"}], got


def test_extract_rules_names_put_to_the_document_and_the_other_signers_are_its_signatories() -> None:
    TEXTS["names-to-document-2021"] = ("2021-10-06", """River treaty

SKOPJE, Oct 6 (Wire) - North Macedonia and Albania signed a treaty on the Black Drin river on Wednesday.

Foreign Minister Bujar Osmani and his Albanian counterpart Olta Xhacka put their names to the brief document in Skopje.

Prime Minister Zoran Zaev and Albanian Prime Minister Edi Rama were among the other signers.""")
    fs = facts("names-to-document-2021")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {
        "person/bujar-osmani", "person/olta-xhacka", "person/zoran-zaev", "person/edi-rama"}, sorted(fs)


def test_extract_rules_a_title_case_headline_names_no_treaty() -> None:
    TEXTS["title-case-1972"] = ("1972-05-27", """Leaders Sign New Border Treaty in Moscow

MOSCOW, May 26 (Wire) - The Soviet Union and Finland signed a border treaty today. It replaces an older treaty, signed in Helsinki in 1947.""")
    fs = facts("title-case-1972")
    assert not any("sign-new" in s or "leaders-sign" in s for s, p, o in fs), sorted(fs)


def test_extract_rules_a_welcome_on_arrival_is_no_meeting_and_an_arrival_in_a_clause_dates_no_talks() -> None:
    TEXTS["welcome-arrival-2018"] = ("2018-07-12", """Visit

NUKU'ALOFA, July 12 (Wire) - Samoan Prime Minister Tuilaepa Sailele Malielegaoi arrived in Nuku'alofa on Sunday, where Tongan Prime Minister Akilisi Pohiva and a choir welcomed him.""")
    assert summits("welcome-arrival-2018") == {}, summits("welcome-arrival-2018")
    TEXTS["arrival-clause-2018"] = ("2018-07-12", """Visit

APIA, July 12 (Wire) - Fijian Prime Minister Frank Bainimarama, who arrived in Apia on Monday for a four-day visit, held talks with Samoan Prime Minister Tuilaepa Sailele Malielegaoi.""")
    got = summits("arrival-clause-2018")
    assert len(got) == 1 and "2018-07-09" not in next(iter(got.values())).get("startDate", set()), got


def test_extract_rules_earlier_on_a_day_of_the_news_is_not_in_the_year_recalled_before() -> None:
    TEXTS["earlier-day-2023"] = ("2023-11-18", """Readout

Today in San Francisco, President Biden met Mexican President Andres Manuel Lopez Obrador. It was their first meeting since talks in Mexico City in January 2022 and in Washington in November 2021.

Earlier in San Francisco, on November 16, President Biden held a meeting with Prime Minister Fumio Kishida of Japan.""")
    got = summits("earlier-day-2023")
    kishida = [v for v in got.values() if "person/fumio-kishida" in v["participant"]]
    assert len(kishida) == 1 and kishida[0].get("startDate") == {"2023-11-16"}, got


def test_extract_rules_a_leader_under_a_courtesy_and_another_spelling_is_the_reference_one() -> None:
    TEXTS["courtesy-spelling-2023"] = ("2023-05-04", """Gulf visit

DAMASCUS, May 4 (Wire) - In March the Syrian president went to the United Arab Emirates, where President Sheikh Mohammed bin Zayed hosted him.""")
    assert has("courtesy-spelling-2023", "person/mohamed-bin-zayed-al-nahyan", "leaderOf", "state/united-arab-emirates"), \
        sorted(facts("courtesy-spelling-2023"))


def test_extract_rules_an_envoy_serves_the_state_that_sends_them_not_the_host() -> None:
    TEXTS["envoy-2022"] = ("2022-09-14", """Talks

WASHINGTON, Sept 14 (Wire) - Ecuador's ambassador to Colombia, Lucia Paredes, attended the talks. Foreign Minister Juan Carlos Holguin and the American Ambassador to Quito, Michael Fitzpatrick, signed the memorandum.""")
    fs = facts("envoy-2022")
    assert ("person/lucia-paredes", "officialOf", "state/ecuador") in fs, sorted(fs)
    assert ("person/lucia-paredes", "officialOf", "state/colombia") not in fs, sorted(fs)
    assert ("person/michael-fitzpatrick", "officialOf", "state/united-states") in fs, sorted(fs)
    # the minister beside the dateline state's own envoy is not that state's minister
    assert ("person/juan-carlos-holguin", "officialOf", "state/united-states") not in fs, sorted(fs)


def test_extract_rules_a_title_in_a_year_of_handover_is_the_successor_state_s() -> None:
    TEXTS["handover-1990"] = ("1990-12-03", """Elections

BONN, Dec 3 (Wire) - West Germany's old parties did well in the first all-German vote since 1933. Chancellor Helmut Kohl's coalition won a clear majority in the new, united Germany.""")
    assert has("handover-1990", "person/helmut-kohl", "leaderOf", "state/germany"), sorted(facts("handover-1990"))


def test_extract_rules_of_two_on_a_visit_the_one_from_abroad_visits() -> None:
    TEXTS["on-a-visit-1990"] = ("1990-11-14", """Treaty

WARSAW, Nov 14 (Wire) - Last week German Chancellor Helmut Kohl and Soviet leader Mikhail Gorbachev, on a two-day visit to Bonn, signed a partnership treaty.""")
    fs = facts("on-a-visit-1990")
    visits = {(s, o) for s, p, o in fs if s.startswith("visit/") and p == "visitor"}
    assert {o for _, o in visits} == {"person/mikhail-gorbachev"}, sorted(fs)
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"1990-11"}, sorted(fs)


def test_extract_rules_due_to_meet_is_the_subject_s_plan_and_a_clause_with_its_own_subject_is_another() -> None:
    TEXTS["due-to-meet-2019"] = ("2019-04-10", """Plans

LUSAKA, April 10 (Wire) - Zambian President Edgar Lungu met Malawian President Peter Mutharika on Tuesday. Lungu is due to meet Botswana's President Mokgweetsi Masisi next month, and Mutharika will meet Mozambican President Filipe Nyusi in June.""")
    plans = [set(v) for k, v in {s: {o for s2, p, o in facts("due-to-meet-2019") if s2 == s and p == "involves"}
                                 for s, _, _ in facts("due-to-meet-2019") if s.startswith("plan/summit")}.items()]
    assert {"person/edgar-lungu", "person/mokgweetsi-masisi"} in plans, plans
    assert {"person/peter-mutharika", "person/filipe-nyusi"} in plans, plans


def test_extract_rules_a_treaty_signed_by_leaders_listed_after_by_is_between_their_states() -> None:
    TEXTS["by-founders-2001"] = ("2001-11-30", """Bloc revived

NAIROBI, Nov 30 (Wire) - Kenya, Tanzania and Uganda marked the anniversary of their community on Friday.

The first community rested on a 1967 treaty, signed at Kampala by three founding presidents, Julius Nyerere, Jomo Kenyatta and Milton Obote.""")
    fs = facts("by-founders-2001")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn" and o == "1967"}
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/kenya", "state/uganda", "state/tanzania"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {
        "person/jomo-kenyatta", "person/milton-obote", "person/julius-nyerere"}, sorted(fs)


def test_extract_rules_a_state_s_dated_treaty_with_another_names_both_and_its_year() -> None:
    TEXTS["possessive-treaty-1995"] = ("1995-06-02", """Borders

VILNIUS, June 2 (Wire) - Lithuania's 1994 treaty with Poland settled old quarrels. Moscow's 1991 pact with Kyiv did not.""")
    fs = facts("possessive-treaty-1995")
    got = {frozenset(o for s2, p2, o in fs if s2 == s and p2 == "party") for s, p, _ in fs if s.startswith("treaty/")}
    assert frozenset({"state/lithuania", "state/poland"}) in got, sorted(fs)
    assert frozenset({"state/russia", "state/ukraine"}) in got, sorted(fs)
    assert any(p == "signedOn" and o == "1994" for s, p, o in fs), sorted(fs)


def test_extract_rules_two_documents_signed_together_stay_two() -> None:
    TEXTS["two-documents-2010"] = ("2010-03-16", """Pacts

KABUL, March 16 (Wire) - Afghan Foreign Minister Zalmai Rassoul and Pakistani Foreign Minister Shah Mehmood Qureshi signed a transit agreement, along with a separate customs protocol, on Tuesday.""")
    fs = facts("two-documents-2010")
    signed = {s for s, p, o in fs if s.startswith("treaty/") and p == "signatory" and o == "person/zalmai-rassoul"}
    assert len(signed) == 2, sorted(fs)


def test_extract_rules_agreements_including_one_on_a_subject_and_a_second_pair_met_apart() -> None:
    TEXTS["including-one-2019"] = ("2019-10-08", """Pacts

DHAKA, Oct 8 (Wire) - Nepal and Bangladesh signed five agreements on Monday, including one on power trade across the border, after talks between Nepalese Prime Minister K.P. Sharma Oli and Bangladeshi Prime Minister Sheikh Hasina.

Oli, on a three-day visit to Bangladesh, also met President Abdul Hamid.""")
    fs = facts("including-one-2019")
    power = {s for s, p, o in fs if s.startswith("treaty/") and "power-trade" in s}
    assert len(power) == 1, sorted(fs)
    assert {o for s, p, o in fs if s in power and p == "party"} == {"state/nepal", "state/bangladesh"}, sorted(fs)
    assert {o for s, p, o in fs if s in power and p == "signedOn"} == {"2019-10-07"}, sorted(fs)
    got = [v["participant"] for v in summits("including-one-2019").values()]
    assert {"person/k-p-sharma-oli", "person/sheikh-hasina"} in got or any(
        "person/sheikh-hasina" in p and "person/abdul-hamid" not in p for p in got), got
    assert not any({"person/sheikh-hasina", "person/abdul-hamid"} <= p for p in got), got


def test_extract_rules_the_previous_meeting_of_the_two_leaders_is_theirs() -> None:
    TEXTS["previous-meeting-2021"] = ("2021-06-16", """Talks

ANKARA, June 16 (Wire) - Turkish President Tayyip Erdogan and Azerbaijani President Ilham Aliyev held talks in Shusha on Tuesday.

The previous meeting of the two leaders took place in Baku in December.

Their first meeting as presidents was held in Ankara in 2004.""")
    got = summits("previous-meeting-2021")
    pair = {"person/recep-tayyip-erdogan", "person/ilham-aliyev"}
    places = {next(iter(v.get("location", {"-"}))) for v in got.values() if v["participant"] == pair}
    assert {"place/baku", "place/ankara"} <= places, got
    assert any(v.get("startDate") == {"2020-12"} for v in got.values() if v["participant"] == pair), got


def test_extract_rules_a_visit_wrapped_up_or_ended_on_a_day_ends_then() -> None:
    TEXTS["wrapped-up-2022"] = ("2022-11-19", """Tours

DAKAR, Nov 19 (Wire) - Gambian President Adama Barrow wrapped up a three-day state visit to Senegal on Friday.

Guinean leader Mamadi Doumbouya's visit to Mali, his first abroad this year, ended on Thursday.""")
    fs = facts("wrapped-up-2022")
    barrow = {s for s, p, o in fs if s.startswith("visit/") and o == "person/adama-barrow"}
    assert {o for s, p, o in fs if s in barrow and p in ("startDate", "endDate")} == {"2022-11-16", "2022-11-18"}, sorted(fs)
    doumbouya = {s for s, p, o in fs if s.startswith("visit/") and o == "person/mamady-doumbouya"}
    assert {(p, o) for s, p, o in fs if s in doumbouya and p in ("startDate", "endDate")} == {("endDate", "2022-11-17")}, sorted(fs)


def test_extract_rules_an_accord_between_two_states_signed_in_a_month_is_its_own_not_the_named_memorandum() -> None:
    TEXTS["accord-between-2024"] = ("2024-01-05", """Deals

JUBA, Jan 5 (Wire) - Under the 1994 Budapest Memorandum, Ukraine gave up its nuclear arsenal.

The accord between Uganda and South Sudan, signed in Kampala in March, covers river transport. State Councillor Wang Yi attended.""")
    fs = facts("accord-between-2024")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and o == "state/south-sudan"}
    assert "budapest" not in t, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"2023-03"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedAt"} == {"place/kampala"}, sorted(fs)
    assert any(s == "person/wang-yi" for s, p, o in fs), sorted(fs)   # "State Councillor" is a title, not a name


def test_extract_rules_a_signing_in_a_when_clause_takes_its_time_and_a_document_s_town_names_no_state() -> None:
    TEXTS["when-clause-2024"] = ("2024-06-20", """Visit

HANOI, June 20 (Wire) - Vietnam is not a party to the Rome Statute. Russian President Vladimir Putin held talks with Vietnamese President To Lam on Thursday.

Putin last came to Vietnam in November 2013, when he and then-President Truong Tan Sang put their names in Hanoi to a comprehensive strategic partnership treaty.""")
    fs = facts("when-clause-2024")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "signatory" and o == "person/vladimir-putin"}
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"2013-11"}, sorted(fs)
    states = {k for k in (run("when-clause-2024").entities if isinstance(run("when-clause-2024").entities, dict)
                          else [e.key for e in run("when-clause-2024").entities]) if k.startswith("state/")}
    assert "state/italy" not in states, states


def test_extract_rules_a_live_entry_under_a_timed_heading_is_of_the_report_s_day() -> None:
    TEXTS["timed-heading-2024"] = ("2024-02-24", """LIVE: Meloni in Kyiv on war anniversary

Updates from our reporters. All times CET.

08:15 — Meloni arrives

Italian Prime Minister Giorgia Meloni has arrived in Kyiv by train for talks with Ukrainian President Volodymyr Zelensky.

11:40 — Deal signed

The two leaders have signed a ten-year security agreement at the presidential office.""")
    fs = facts("timed-heading-2024")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"2024-02-24"}, sorted(fs)
    assert any(p == "startDate" and o == "2024-02-24" for s, p, o in fs if s.startswith("visit/")), sorted(fs)


def test_extract_rules_an_accord_that_a_predecessor_signed_with_another_and_a_surname_read_as_a_noun() -> None:
    TEXTS["predecessor-2024"] = ("2024-06-13", """Pact

BERLIN, June 13 (Wire) - German Chancellor Olaf Scholz and Moldovan President Maia Sandu held talks on Wednesday.

The new pact builds on a five-year energy accord that Scholz's predecessor, Angela Merkel, signed with Sandu in Berlin in May 2021.

Scholz and Sandu last met in Chisinau in August.""")
    fs = facts("predecessor-2024")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn" and o == "2021-05"}
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/germany", "state/moldova"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/angela-merkel", "person/maia-sandu"}, sorted(fs)
    got = summits("predecessor-2024")
    assert any(v.get("location") == {"place/chisinau"} and v["participant"] == {"person/olaf-scholz", "person/maia-sandu"}
               for v in got.values()), got


def test_extract_rules_a_treaty_that_superseded_an_older_one_signed_in_another_year_keeps_them_apart() -> None:
    TEXTS["superseded-older-2010"] = ("2010-05-20", """Borders

LIMA, May 20 (Wire) - The binding text followed in May 1998, when both foreign ministers, Jose Ayala of Ecuador and Fernando de Trazegnies of Peru, signed the Treaty on Commerce and Navigation in Brasilia on 26 May.

The Peru-Ecuador treaty of 1998 superseded the frontier protocol the two countries had signed in Rio de Janeiro in 1942.""")
    fs = facts("superseded-older-2010")
    old = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn" and o == "1942"}
    assert len(old) == 1, sorted(fs)
    (o_,) = old
    assert {o for s, p, o in fs if s == o_ and p == "party"} == {"state/peru", "state/ecuador"}, sorted(fs)
    assert any(p == "replaces" and o == o_ for s, p, o in fs), sorted(fs)
    assert not any(p == "signedOn" and o == "1942" for s, p, o in fs if s != o_), sorted(fs)


def test_extract_rules_the_three_sat_down_together_and_a_first_name_read_as_a_noun() -> None:
    TEXTS["the-three-2024"] = ("2024-12-12", """Talks

ANKARA, Dec 12 (Wire) - Turkish President Tayyip Erdogan, Ethiopian Prime Minister Abiy Ahmed and Somali President Hassan Sheikh Mohamud announced a deal late on Wednesday.

Abiy and Mohamud flew into Ankara on Wednesday. Erdogan saw each guest alone first, and then the three sat down together for a long evening of talks.""")
    fs = facts("the-three-2024")
    # ("Abiy" at the head of a sentence is tagged a common noun)
    assert has("the-three-2024", "visit/", "visitor", "person/abiy-ahmed"), sorted(fs)
    got = [v["participant"] for v in summits("the-three-2024").values()]
    assert {"person/recep-tayyip-erdogan", "person/abiy-ahmed", "person/hassan-sheikh-mohamud"} in got, got


def test_extract_rules_that_month_is_of_the_year_told_and_it_is_the_agreement_just_told() -> None:
    TEXTS["that-month-2024"] = ("2024-09-16", """Federation at sixty

KUALA LUMPUR, Sept 16 (Wire) - The federation came into being in September 1964 under the Treaty of Federation, signed in Geneva that June by Kenya and Uganda.

At their retreat in Mombasa on 7 January, President William Ruto and his Ugandan counterpart Yoweri Museveni watched the signing of an accord on a border trade zone. It was signed by Kenya's trade minister, Rebecca Miano, and Uganda's trade minister, Francis Mwebesa.""")
    fs = facts("that-month-2024")
    assert ("treaty/treaty-of-federation", "signedOn", "1964-06") in fs, sorted(fs)
    zone = {s for s, p, o in fs if s.startswith("treaty/") and p == "signatory" and o == "person/rebecca-miano"}
    assert zone and not any("federation" in s for s in zone), sorted(fs)


def test_extract_rules_a_for_x_and_b_for_y_and_a_state_in_a_place_phrase_is_no_party() -> None:
    TEXTS["gapped-signers-1995"] = ("1995-10-26", """Peace at last

QUITO, Oct 26 (Wire) - Thirty years ago today, inside a hall of the Lima foreign ministry, the chief diplomats of Honduras and El Salvador signed the Treaty of General Peace.

Fidel Chavez Mena signed for El Salvador and Eliseo Perez Cadalso for Honduras.""")
    fs = facts("gapped-signers-1995")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/honduras", "state/el-salvador"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signatory"} >= {"person/fidel-chavez-mena", "person/eliseo-perez-cadalso"}, sorted(fs)


def test_extract_rules_talks_on_the_sidelines_of_a_named_summit_stay_the_pair_s_own_meeting() -> None:
    TEXTS["sidelines-named-2025"] = ("2025-06-22", """Talks

SEOUL, June 22 (Wire) - South Korean President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba had a first round of talks on the margins of the Group of Seven summit at Kananaskis on Tuesday. Lee was at the summit as an invited guest.""")
    ents = run("sidelines-named-2025").entities
    ents = ents if isinstance(ents, dict) else {e.key: e for e in ents}
    pair = [k for k, v in summits("sidelines-named-2025").items()
            if v["participant"] == {"person/lee-jae-myung", "person/shigeru-ishiba"} and v.get("startDate") == {"2025-06-17"}]
    assert any("Seven" not in ents[k].label for k in pair), [(k, ents[k].label) for k in summits("sidelines-named-2025")]


def test_extract_rules_signed_the_same_day_was_another_document_of_that_signing() -> None:
    TEXTS["signed-alongside-2016"] = ("2016-05-23", """Fifty years on

MANILA, May 23 (Wire) - Fifty years ago today, in Manila, the foreign ministers of the Philippines and Indonesia, Narciso Ramos and Adam Malik, signed a treaty of friendship.

Signed on that day too was a second agreement on border crossing.

Also signed was an agreement on fisheries.""")
    fs = facts("signed-alongside-2016")
    for word in ("border-crossing", "fisheries"):
        keys = {s for s, p, o in fs if s.startswith("treaty/") and word in s}
        assert len(keys) == 1, (word, sorted(fs))
        (k,) = keys
        assert {o for s, p, o in fs if s == k and p == "party"} == {"state/philippines", "state/indonesia"}, sorted(fs)
        assert {o for s, p, o in fs if s == k and p == "signedOn"} == {"1966-05-23"}, sorted(fs)


def test_extract_rules_co_chaired_is_one_verb_whose_subject_met() -> None:
    TEXTS["co-chaired-2019"] = ("2019-08-14", """Forum

SUVA, Aug 14 (Wire) - Fijian Prime Minister Frank Bainimarama arrived in Nuku'alofa late on Sunday and was greeted by his host, Tongan Prime Minister Akilisi Pohiva.

The two prime ministers co-chaired a regional fisheries summit on Monday, with ministers from nine island states.""")
    got = [(v["participant"], v.get("startDate")) for v in summits("co-chaired-2019").values()]
    assert ({"person/frank-bainimarama", "person/akilisi-pohiva"}, {"2019-08-12"}) in got, got


def test_extract_rules_the_presidents_of_listed_states_are_the_leaders_the_story_names_later() -> None:
    TEXTS["presidents-later-2024"] = ("2024-03-09", """Lake talks

The meeting, held in the Malawian capital on Friday, brought together the presidents of Zambia, Mozambique and Tanzania. Hakainde Hichilema, Filipe Nyusi and Samia Suluhu Hassan agreed to share data on lake levels.""")
    got = [v["participant"] for v in summits("presidents-later-2024").values()]
    assert {"person/hakainde-hichilema", "person/filipe-nyusi", "person/samia-suluhu-hassan"} in got, got
    assert not any("state/malawi" in p for p in got), got


def test_extract_rules_the_adjective_presidents_met_are_the_leaders_named_just_after() -> None:
    TEXTS["adjective-presidents-2022"] = ("2022-07-13", """Migration talks

WASHINGTON — The Mexican and U.S. presidents met in the Oval Office on Tuesday. Andres Manuel Lopez Obrador urged Joe Biden to open more work visas.""")
    got = [v["participant"] for v in summits("adjective-presidents-2022").values()]
    assert {"person/andres-manuel-lopez-obrador", "person/joe-biden"} in got, got


def test_extract_rules_a_date_the_parser_hangs_on_the_treaty_s_participle_dates_the_signing() -> None:
    TEXTS["reviving-1994"] = ("1994-08-02", """Customs union

Botswana, Lesotho and Namibia signed a protocol reviving the old customs union in Gaborone on July 28, 1994.""")
    fs = facts("reviving-1994")
    dated = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn" and o == "1994-07-28"}
    assert dated, sorted(fs)
    assert {o for s, p, o in fs if s in dated and p == "party"} == {"state/botswana", "state/lesotho", "state/namibia"}


def test_extract_rules_the_year_before_a_states_pair_dates_the_treaty_and_names_the_one_told() -> None:
    TEXTS["year-pair-2021"] = ("2021-03-30", """Fifty years of friendship

Egypt and the Soviet Union signed a treaty of friendship in Cairo in May 1971. Sadat's critics said the 1971 Egyptian-Soviet treaty tied his hands.

Under the 1979 Egypt-Israel peace treaty, signed by Anwar Sadat and Menachem Begin, Sinai was returned.""")
    fs = facts("year-pair-2021")
    soviet = {s for s, p, o in fs if p == "party" and o == "state/soviet-union"}
    assert len(soviet) == 1, sorted(fs)
    peace = {s for s, p, o in fs if p == "party" and o == "state/israel"}
    assert len(peace) == 1 and ((peace.pop(), "signedOn", "1979") in fs), sorted(fs)


def test_extract_rules_ministers_who_signed_for_their_governments_sign_the_pact_just_told() -> None:
    TEXTS["for-governments-2023"] = ("2023-11-04", """Troops pact

TOKYO, Nov 4 (Wire) — Japan and Malaysia signed a defence pact on Friday. Japanese Foreign Minister Yoko Kamikawa and Malaysian Foreign Minister Mohamad Hasan signed for their governments.""")
    fs = facts("for-governments-2023")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/yoko-kamikawa", "person/mohammed-hasan"}, sorted(fs)


def test_extract_rules_a_state_after_at_the_is_where_a_treaty_was_signed_not_a_party() -> None:
    TEXTS["at-the-state-1985"] = ("1985-05-04", """Border accord

Peru and Bolivia signed a border treaty at the Vatican on May 2, 1985. The foreign ministers, Luis Percovich and Edgar Camacho, signed the accord.""")
    fs = facts("at-the-state-1985")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "party" and o == "state/peru"}
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/peru", "state/bolivia"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/luis-percovich", "person/edgar-camacho"}, sorted(fs)


def test_extract_rules_the_next_leg_s_day_and_a_where_clause_on_it_are_that_leg_s() -> None:
    TEXTS["next-leg-2022"] = ("2022-07-02", """Peace mission

Indonesian President Joko Widodo met President Volodymyr Zelenskiy in Kyiv on Wednesday before heading to Moscow, where he held talks with Vladimir Putin on Thursday.""")
    got = {frozenset(v["participant"]): (v.get("startDate"), v.get("location")) for v in summits("next-leg-2022").values()}
    assert got.get(frozenset({"person/joko-widodo", "person/volodymyr-zelensky"})) == ({"2022-06-29"}, {"place/kyiv"}), got
    assert got.get(frozenset({"person/joko-widodo", "person/vladimir-putin"})) == ({"2022-06-30"}, {"place/moscow"}), got
    fs = facts("next-leg-2022")
    assert any(s.startswith("visit/") and p == "destination" and o == "place/moscow" for s, p, o in fs), sorted(fs)


def test_extract_rules_rulers_dictators_and_military_ranks() -> None:
    TEXTS["rulers-1977"] = ("1977-04-12", """Sahel talks

NIAMEY, April 12 (Wire) — Niger's military ruler, Lt. Col. Seyni Kountche, received Chad's head of state, Gen. Felix Malloum, for talks in the capital on Monday. Libyan strongman Muammar Gaddafi sent a message.""")
    fs = facts("rulers-1977")
    assert ("person/seyni-kountche", "leaderOf", "state/niger") in fs, sorted(fs)
    assert ("person/felix-malloum", "leaderOf", "state/chad") in fs, sorted(fs)
    assert ("person/muammar-gaddafi", "leaderOf", "state/libya") in fs, sorted(fs)


def test_extract_rules_two_person_entities_side_by_side_are_one_long_name() -> None:
    TEXTS["long-names-2011"] = ("2011-06-20", """Border patrols

The interior ministers, Abdel Karim Mohamed Saleh of Chad and Ali Hassan Omar of Niger, signed the protocol in Niamey on Saturday.""")
    fs = facts("long-names-2011")
    assert ("person/abdel-karim-mohammed-saleh", "officialOf", "state/chad") in fs, sorted(fs)
    assert not any(s == "person/mohammed-saleh" or o == "person/mohammed-saleh" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_monarch_by_regnal_name_is_the_reigning_one_of_the_state_named() -> None:
    TEXTS["regnal-2024"] = ("2024-02-11", """Gulf talks

Arab leaders meeting in Doha on Saturday called for a ceasefire. Among those present were Jordan's King Abdullah and Egypt's Abdel Fattah al-Sisi.""")
    fs = facts("regnal-2024")
    assert ("person/abdullah-ii", "leaderOf", "state/jordan") in fs, sorted(fs)
    got = [(v["participant"], v.get("location"), v.get("startDate")) for v in summits("regnal-2024").values()]
    assert got == [({"person/abdullah-ii", "person/abdel-fattah-el-sisi"}, {"place/doha"}, {"2024-02-10"})], got


def test_extract_rules_the_host_of_a_story_filed_from_his_state_and_a_leader_joining_by_video() -> None:
    TEXTS["host-video-2023"] = ("2023-08-24", """Bloc summit

JOHANNESBURG — Leaders of the bloc ended a three-day summit here on Thursday. Chinese President Xi Jinping and Brazil's Luiz Inacio Lula da Silva attended in person, while Russia's Vladimir Putin joined by video link. Host Cyril Ramaphosa announced new members.""")
    got = [v["participant"] for v in summits("host-video-2023").values()]
    assert got == [{"person/xi-jinping", "person/luiz-inacio-lula-da-silva", "person/cyril-ramaphosa"}], got


def test_extract_rules_a_participle_and_a_conjoined_verb_share_the_clause_s_subject() -> None:
    TEXTS["shared-subject-1999"] = ("1999-12-03", """Regional tour

In November that year, South Korean President Kim Dae-jung flew to Manila and held talks with Joseph Estrada.

Japanese Prime Minister Keizo Obuchi flew in for the final day, meeting Estrada on the sidelines.""")
    got = [v["participant"] for v in summits("shared-subject-1999").values()]
    assert {"person/kim-dae-jung", "person/joseph-estrada"} in got, got
    assert {"person/keizo-obuchi", "person/joseph-estrada"} in got, got



def test_extract_rules_a_leader_with_another_as_witness_is_no_signer_and_a_holiday_of_that_year() -> None:
    TEXTS["witness-holiday-2020"] = ("2020-01-10", """Looking back

In 1995 the two sides agreed to talk. On Christmas Day that year, the presidents of Ghana and Togo, Jerry Rawlings and Gnassingbe Eyadema, signed a border accord in Accra, with Nigerian leader Sani Abacha as witness.""")
    fs = facts("witness-holiday-2020")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/ghana", "state/togo"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/jerry-rawlings", "person/gnassingbe-eyadema"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"1995-12-25"}, sorted(fs)


def test_extract_rules_the_prime_ministers_who_signed_are_not_a_president_named_without_title() -> None:
    TEXTS["pms-signed-2024"] = ("2024-05-15", """Water deal

The prime ministers of both countries signed the water agreement in Dushanbe on Tuesday. Emomali Rahmon hosted the ceremony. Kyrgyz Prime Minister Akylbek Japarov and Tajik Prime Minister Kokhir Rasulzoda had negotiated the text for a year.""")
    fs = facts("pms-signed-2024")
    assert {o for s, p, o in fs if s.startswith("treaty/") and p == "signatory"} == {"person/akylbek-japarov", "person/kokhir-rasulzoda"}, sorted(fs)


def test_extract_rules_a_revised_version_of_an_older_pact_and_one_meant_to_replace_it_replace_it() -> None:
    TEXTS["revised-version-2019"] = ("2019-09-06", """Water and extradition

Lesotho and South Africa signed a new water agreement in Maseru on Monday, a revised version of their 1986 water treaty.

Botswana and Zambia on Thursday signed an extradition treaty meant to replace the 1970 arrangement between them.""")
    fs = facts("revised-version-2019")
    reps = {(s, o) for s, p, o in fs if p == "replaces"}
    assert len(reps) == 2, sorted(fs)
    assert any("lesotho" in s and "2019" in s and "1986" in o for s, o in reps), reps
    assert any("botswana" in s and "2019" in s and "1970" in o for s, o in reps), reps


def test_extract_rules_who_met_after_meeting_and_shook_hands_are_meetings_of_their_subject() -> None:
    TEXTS["subject-met-2024"] = ("2024-04-14", """Week in brief

Kenyan President William Ruto, who met Tanzanian President Samia Suluhu Hassan in Arusha on Friday, said the border would stay open.

After meeting Ethiopian Prime Minister Abiy Ahmed in Djibouti on Tuesday, Somali President Hassan Sheikh Mohamud said talks would resume.

Malawian President Lazarus Chakwera and Mozambican President Filipe Nyusi shook hands at the Mwanza border post on Wednesday.""")
    got = [v["participant"] for v in summits("subject-met-2024").values()]
    assert {"person/william-ruto", "person/samia-suluhu-hassan"} in got, got
    assert {"person/abiy-ahmed", "person/hassan-sheikh-mohamud"} in got, got
    assert {"person/lazarus-chakwera", "person/filipe-nyusi"} in got, got


def test_extract_rules_a_leader_s_spokesman_in_apposition_serves_the_leader_s_state() -> None:
    TEXTS["spokesman-2024"] = ("2024-02-20", """Visit put off

President Paul Kagame's spokeswoman, Yolande Makolo, said on Monday that the visit had been put off. Kagame's daughter, Ange Kagame, was not named in the statement.""")
    fs = facts("spokesman-2024")
    assert ("person/yolande-makolo", "officialOf", "state/rwanda") in fs, sorted(fs)
    assert not any(s == "person/ange-kagame" and p in ("officialOf", "leaderOf") for s, p, o in fs), sorted(fs)


def test_extract_rules_who_ruled_a_state_leads_it_and_a_place_of_another_clause_is_not_the_signing_s() -> None:
    TEXTS["ruled-2015"] = ("2015-06-10", """Old friends

Omar Bongo, who ruled Gabon for 41 years, and Denis Sassou Nguesso met in Libreville in 1998.

After rebels attacked a market in Kano, presidents Paul Biya of Cameroon and Idriss Deby of Chad signed a pact creating a joint force in Yaounde on March 3, 2001.""")
    fs = facts("ruled-2015")
    assert ("person/omar-bongo", "leaderOf", "state/gabon") in fs, sorted(fs)
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn" and o == "2001-03-03"}
    assert {o for s, p, o in fs if s == t and p == "signedAt"} == {"place/yaounde"}, sorted(fs)


def test_extract_rules_documents_listed_after_a_plural_signing_and_leaders_who_witnessed_it() -> None:
    TEXTS["documents-listed-2023"] = ("2023-10-07", """Neighbours sign deals

DHAKA, Oct 7 (Wire) - Bangladesh and Bhutan signed four agreements on Friday during a visit by Bhutanese Prime Minister Lotay Tshering. The documents signed included an agreement on river transit and a treaty on hydropower trade. Bangladeshi Prime Minister Sheikh Hasina and Tshering witnessed the signing.""")
    fs = facts("documents-listed-2023")
    listed = {s for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert len(listed) == 2, sorted(fs)
    for t in listed:
        assert {o for s, p, o in fs if s == t and p == "party"} == {"state/bangladesh", "state/bhutan"}, sorted(fs)
        assert (t, "signedOn", "2023-10-06") in fs and (t, "signedAt", "place/dhaka") in fs, sorted(fs)
    assert any(s.startswith("visit/") and p == "destination" and o == "place/dhaka" for s, p, o in fs), sorted(fs)
    got = [(v["participant"], v.get("startDate")) for v in summits("documents-listed-2023").values()]
    assert ({"person/sheikh-hasina", "person/lotay-tshering"}, {"2023-10-06"}) in got, got


def test_extract_rules_a_state_s_possessive_before_a_bare_surname_names_its_leader() -> None:
    TEXTS["possessed-surnames-2023"] = ("2023-11-24", """Regional talks

Kenya's Ruto flew to Kampala on Tuesday for talks with Uganda's Museveni.""")
    fs = facts("possessed-surnames-2023")
    assert ("person/william-ruto", "leaderOf", "state/kenya") in fs, sorted(fs)
    assert ("person/yoweri-museveni", "leaderOf", "state/uganda") in fs, sorted(fs)
    got = [(v["participant"], v.get("location")) for v in summits("possessed-surnames-2023").values()]
    assert got == [({"person/william-ruto", "person/yoweri-museveni"}, {"place/kampala"})], got


def test_extract_rules_talks_by_telephone_and_a_summit_called_off_are_no_meetings() -> None:
    TEXTS["no-meeting-2024"] = ("2024-04-10", """Calls

Ghanaian President Nana Akufo-Addo and Togolese President Faure Gnassingbe held talks by telephone on Sunday. A planned summit between Senegalese President Macky Sall and Gambian President Adama Barrow was called off on Monday.""")
    assert summits("no-meeting-2024") == {}, summits("no-meeting-2024")


def test_extract_rules_a_signed_deal_signers_of_the_treaty_just_told_and_a_dated_participle() -> None:
    TEXTS["deal-signers-2024"] = ("2024-05-10", """Border and water

Tajikistan and Kyrgyzstan signed a border deal in Dushanbe on Wednesday. Tajik President Emomali Rahmon and Kyrgyz President Sadyr Japarov put pen to paper at a ceremony in the presidential palace.

The water agreement, inked in Astana on Thursday by Kazakh President Kassym-Jomart Tokayev and Uzbek President Shavkat Mirziyoyev, will share the Syr Darya's flow.""")
    fs = facts("deal-signers-2024")
    (border,) = {s for s, p, o in fs if p == "party" and o == "state/tajikistan"}
    assert {o for s, p, o in fs if s == border and p == "signatory"} == {"person/emomali-rahmon", "person/sadyr-japarov"}, sorted(fs)
    (water,) = {s for s, p, o in fs if p == "party" and o == "state/kazakhstan"}
    assert {o for s, p, o in fs if s == water and p == "signatory"} == {"person/kassym-jomart-tokayev", "person/shavkat-mirziyoyev"}, sorted(fs)
    assert (water, "signedOn", "2024-05-09") in fs and (water, "signedAt", "place/astana") in fs, sorted(fs)
    assert not any(s.startswith("plan/") for s, p, o in fs), sorted(fs)


def test_extract_rules_an_ambassador_to_a_state_serves_the_state_that_sends_them() -> None:
    TEXTS["envoys-2024"] = ("2024-03-12", """Envoys

The British ambassador to Japan, Ruth Carter, said on Monday that talks went well. Japan's ambassador to the United Kingdom, Hajime Hayashi, met lawmakers on Tuesday. Pakistani High Commissioner to India Saad Warraich was summoned on Wednesday.""")
    fs = facts("envoys-2024")
    assert ("person/ruth-carter", "officialOf", "state/united-kingdom") in fs, sorted(fs)
    assert ("person/hajime-hayashi", "officialOf", "state/japan") in fs, sorted(fs)
    assert ("person/saad-warraich", "officialOf", "state/pakistan") in fs, sorted(fs)
    assert not any(p == "officialOf" and o in ("state/japan", "state/india") and s in ("person/ruth-carter", "person/saad-warraich")
                   for s, p, o in fs), sorted(fs)


def test_extract_rules_a_visiting_leader_visits_where_the_act_took_place_and_earlier_this_week() -> None:
    TEXTS["visiting-2023"] = ("2023-05-18", """Talks

The visiting Thai Prime Minister Prayut Chan-o-cha held talks with Cambodian Prime Minister Hun Sen in Phnom Penh on Monday.

Laotian Prime Minister Sonexay Siphandone and Vietnamese Prime Minister Pham Minh Chinh met in Vientiane earlier this week.""")
    fs = facts("visiting-2023")
    assert ("visit/prayut-chan-o-cha-phnom-penh-2023", "startDate", "2023-05-15") in fs, sorted(fs)
    got = [(v["participant"], v.get("startDate")) for v in summits("visiting-2023").values()]
    assert ({"person/sonexay-siphandone", "person/pham-minh-chinh"}, {"2023-05"}) in got, got


def test_extract_rules_a_signing_where_a_reception_was_a_trip_made_in_a_year_and_a_name_s_own_words() -> None:
    TEXTS["where-signed-2024"] = ("2024-03-04", """Defence pact

DAKAR, March 4 (Wire) - Senegalese President Macky Sall received his Gambian counterpart Adama Barrow at the presidential palace on Saturday, where the two leaders signed a fisheries cooperation pact.

In 1986, Indian Prime Minister Rajiv Gandhi made a historic trip to Pakistan.

The Pakistani Senate on Tuesday ratified the Reciprocal Trade Agreement with India, which was signed in Lahore in January.""")
    fs = facts("where-signed-2024")
    (pact,) = {s for s, p, o in fs if p == "party" and o == "state/gambia"}
    assert (pact, "signedOn", "2024-03-02") in fs and (pact, "signedAt", "place/dakar") in fs, sorted(fs)
    assert ("visit/rajiv-gandhi-pakistan-1986", "startDate", "1986") in fs, sorted(fs)
    assert ("treaty/reciprocal-trade-agreement", "signedOn", "2024-01") in fs, sorted(fs)


def test_extract_rules_one_who_heads_a_ministry_goes_nowhere_and_one_headed_to_a_city_does() -> None:
    TEXTS["heads-2024"] = ("2024-03-10", """Moves

Olga Petrova, who heads Bulgaria's foreign ministry, agreed. Kenyan President William Ruto headed to Addis Ababa on Friday.""")
    fs = facts("heads-2024")
    assert not any(f.subject.startswith(("visit/olga", "plan/")) for f in run("heads-2024").facts), sorted(fs)
    assert ("visit/william-ruto-addis-ababa-2024", "startDate", "2024-03-08") in fs, sorted(fs)


def test_extract_rules_a_title_the_ner_took_into_a_name_is_no_part_of_it() -> None:
    TEXTS["title-in-name-1973"] = ("1973-02-20", """Talks in Beijing

French President Georges Pompidou met Chairman Mao Zedong in Beijing on Friday.""")
    fs = facts("title-in-name-1973")
    assert ("person/mao-zedong", "leaderOf", "state/china") in fs, sorted(fs)
    got = [v["participant"] for v in summits("title-in-name-1973").values()]
    assert got == [{"person/georges-pompidou", "person/mao-zedong"}], got


def test_extract_rules_a_timeline_entry_is_history_and_a_year_naming_a_war_dates_no_signing() -> None:
    TEXTS["timeline-2016"] = ("2016-03-26", """On this day

1972 — Ugandan President Idi Amin and Tanzanian President Julius Nyerere sign a peace accord in Mogadishu.

Thirty years ago today, Ugandan President Yoweri Museveni and Tanzanian President Ali Hassan Mwinyi signed a border agreement in Kampala, ending the 1985 dispute.""")
    fs = facts("timeline-2016")
    (peace,) = {s for s, p, o in fs if p == "signatory" and o == "person/idi-amin"}
    assert {o for s, p, o in fs if s == peace and p == "signatory"} == {"person/idi-amin", "person/julius-nyerere"}, sorted(fs)
    (border,) = {s for s, p, o in fs if p == "signatory" and o == "person/ali-hassan-mwinyi"}
    assert {o for s, p, o in fs if s == border and p == "signedOn"} == {"1986-03-26"}, sorted(fs)
    got = [(v["participant"], v.get("startDate")) for v in summits("timeline-2016").values()]
    assert ({"person/yoweri-museveni", "person/ali-hassan-mwinyi"}, {"1986-03-26"}) in got, got


def test_extract_rules_a_name_s_suffix_and_an_american_spelling_of_a_title() -> None:
    TEXTS["suffix-spelling-2023"] = ("2023-11-16", """Readout

President Joseph R. Biden Jr. met Chinese President Xi Jinping in Woodside on Wednesday. Chinese State Councilor Wang Yi attended.""")
    fs = facts("suffix-spelling-2023")
    assert ("person/joe-biden", "leaderOf", "state/united-states") in fs, sorted(fs)
    assert ("person/wang-yi", "officialOf", "state/china") in fs, sorted(fs)


def test_extract_rules_leaders_who_gathered_in_a_capital_and_those_among_them() -> None:
    TEXTS["gathered-2015"] = ("2015-05-26", """Founding day

LAGOS — Forty years ago this week, the leaders of fifteen West African states gathered in Lagos to found a new bloc. Nigerian leader Yakubu Gowon, Togolese President Gnassingbe Eyadema and Senegalese President Leopold Sedar Senghor were among them.""")
    got = [(v["participant"], v.get("startDate"), v.get("location")) for v in summits("gathered-2015").values()]
    assert got == [({"person/yakubu-gowon", "person/gnassingbe-eyadema", "person/leopold-sedar-senghor"}, {"1975-05"},
                    {"place/lagos"})], got


# --- round 12: shapes from a second probe round (texts written for these tests) --------------------
def test_extract_rules_a_long_coordinated_list_of_parties_is_read_whole() -> None:
    TEXTS["listed-parties-2021"] = ("2021-01-05", """Fisheries charter

QUITO, Jan 5 (Wire) — A treaty on river fisheries was signed here on Monday by Bolivia, Brazil, Colombia, Ecuador, Guyana, Paraguay, Peru and Venezuela.""")
    fs = facts("listed-parties-2021")
    parties = {o for s, p, o in fs if p == "party"}
    assert parties == {f"state/{k}" for k in ("bolivia", "brazil", "colombia", "ecuador", "guyana", "paraguay",
                                               "peru", "venezuela")}, sorted(fs)


def test_extract_rules_it_signed_points_to_the_treaty_of_the_last_sentences_not_a_question() -> None:
    TEXTS["qa-it-2016"] = ("2016-06-30", """Explainer: the Niamey Convention

What is the Niamey Convention?
The Niamey Convention on cross-border cooperation sets rules for towns along shared frontiers. Its text was drafted by lawyers of the African Union.

Who signed it?
Nigerien President Mahamadou Issoufou and Beninese President Thomas Boni Yayi put their signatures to it in Malabo on 27 June 2014. The Chadian delegation initialled it rather than signing it.""")
    fs = facts("qa-it-2016")
    (t,) = {s for s, p, o in fs if p == "signatory"}
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/mahamadou-issoufou", "person/thomas-boni-yayi"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"2014-06-27"}, sorted(fs)   # not the question's
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/niger", "state/benin"}, sorted(fs)


def test_extract_rules_him_received_by_a_host_the_scene_goes_on_and_the_pair_signed() -> None:
    TEXTS["sahel-tour-2016"] = ("2016-05-14", """Sall tours the Sahel

Senegalese President Macky Sall wrapped up a three-nation tour on Saturday. On Thursday the Senegalese leader was in Bamako. Malian President Ibrahim Boubacar Keita received him at Koulouba Palace, and the pair signed an accord on rail freight. The second leg took him to Niamey, where he landed late on Friday.""")
    got = [(v["participant"], v.get("startDate"), v.get("location")) for v in summits("sahel-tour-2016").values()]
    assert got == [({"person/macky-sall", "person/ibrahim-boubacar-keita"}, {"2016-05-12"}, {"place/bamako"})], got
    fs = facts("sahel-tour-2016")
    (t,) = {s for s, p, o in fs if p == "signatory"}
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/macky-sall", "person/ibrahim-boubacar-keita"}
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/senegal", "state/mali"}
    assert has("sahel-tour-2016", "visit/macky-sall-niamey-", "destination", "place/niamey"), sorted(fs)


def test_extract_rules_him_is_never_the_subject_of_his_own_clause_nor_one_of_two_named() -> None:
    TEXTS["him-two-2016"] = ("2016-05-14", """Talks

Senegalese President Macky Sall spoke in Dakar on Monday. Malian President Ibrahim Boubacar Keita met Nigerien President Mahamadou Issoufou and thanked him for his help.""")
    got = [v["participant"] for v in summits("him-two-2016").values()]
    assert got == [{"person/ibrahim-boubacar-keita", "person/mahamadou-issoufou"}], got


def test_extract_rules_the_first_leader_to_meet_someone_met_him() -> None:
    TEXTS["first-to-meet-2016"] = ("2016-03-03", """Caracas visit

Colombian President Juan Manuel Santos became the first foreign leader to meet Venezuelan President Nicolas Maduro in Caracas on Tuesday.""")
    got = [(v["participant"], v.get("startDate")) for v in summits("first-to-meet-2016").values()]
    assert got == [({"person/juan-manuel-santos", "person/nicolas-maduro"}, {"2016-03-01"})], got


def test_extract_rules_touched_down_set_foot_on_soil_and_the_bare_capital_of_a_dateline() -> None:
    TEXTS["arrivals-2015"] = ("2015-06-05", """Leaders arrive

PANAMA CITY, June 5 — Costa Rican President Luis Guillermo Solis touched down here on Wednesday. On Thursday Honduran President Juan Orlando Hernandez set foot on Panamanian soil for the first time. Guatemalan President Otto Perez Molina flew into the capital late on Thursday.""")
    fs = facts("arrivals-2015")
    assert has("arrivals-2015", "visit/luis-guillermo-solis-", "destination", "place/panama-city"), sorted(fs)
    assert has("arrivals-2015", "visit/luis-guillermo-solis-", "startDate", "2015-06-03"), sorted(fs)
    assert has("arrivals-2015", "visit/juan-orlando-hernandez-", "destination", "state/panama"), sorted(fs)
    assert has("arrivals-2015", "visit/otto-perez-molina-", "destination", "place/panama-city"), sorted(fs)


def test_extract_rules_the_simple_present_with_a_weekday_is_a_timetable_not_a_visit_made() -> None:
    TEXTS["timetable-2011"] = ("2011-02-14", """Gillard in Asia

Australian Prime Minister Julia Gillard met Indonesian President Susilo Bambang Yudhoyono in Jakarta on Monday. On Wednesday she travels to Singapore.""")
    fs = facts("timetable-2011")
    assert not any(o == "place/singapore" for s, p, o in fs if s.startswith("visit/")), sorted(fs)
    assert any(o in ("place/singapore", "state/singapore") for s, p, o in fs if s.startswith("plan/")), sorted(fs)


def test_extract_rules_a_dateline_state_as_a_party_and_an_older_treaty_s_own_participle() -> None:
    TEXTS["dateline-party-2018"] = ("2018-03-21", """Security pact

ACCRA, March 21 — Interior Minister Ambrose Dery and U.S. Ambassador Robert Jackson signed a security cooperation pact on Tuesday.""")
    fs = facts("dateline-party-2018")
    assert {o for s, p, o in fs if p == "party"} == {"state/ghana", "state/united-states"}, sorted(fs)
    TEXTS["older-participle-2019"] = ("2019-09-10", """River convention

Zambian Foreign Minister Joseph Malanji and Malawian Foreign Minister Francis Kasaila signed the Zambezi Navigation Convention in Lilongwe on Monday. The Convention replaces the Lusaka Protocol signed in Lusaka on 4 May 1993.""")
    fs = facts("older-participle-2019")
    assert ("treaty/zambezi-navigation-convention", "replaces", "treaty/lusaka-protocol") in fs, sorted(fs)


def test_extract_rules_the_former_yugoslav_republic_of_macedonia_is_north_macedonia() -> None:
    TEXTS["fyrom-2017"] = ("2017-08-02", """Neighbours sign

Bulgaria signed a friendship treaty with the former Yugoslav Republic of Macedonia in Skopje on Tuesday.""")
    fs = facts("fyrom-2017")
    assert {o for s, p, o in fs if p == "party"} == {"state/bulgaria", "state/north-macedonia"}, sorted(fs)


def test_extract_rules_a_story_told_years_back_keeps_its_own_year_for_a_bare_month() -> None:
    TEXTS["years-back-2021"] = ("2021-11-20", """Dayton at 26

The talks at the Wright-Patterson air base ended on 21 November 1995 with a deal. Bosnia's president fell ill in December. When the three leaders met again in Paris on 14 December that year, Serbian President Slobodan Milosevic and Croatian President Franjo Tudjman signed a peace agreement with Bosnian President Alija Izetbegovic.""")
    fs = facts("years-back-2021")
    assert {o for s, p, o in fs if p == "signedOn"} == {"1995-12-14"}, sorted(fs)
    got = [v.get("startDate") for v in summits("years-back-2021").values()]
    assert got and all(d == {"1995-12-14"} for d in got), got


def test_extract_rules_one_of_the_ministers_who_signed_signed_on_the_day_the_sentence_tells() -> None:
    TEXTS["one-of-2015"] = ("2015-03-02", """Memoir

Indonesian Foreign Minister Ali Alatas flew to Paris in the summer of 1991. On 23 October 1991, he was one of the ministers who signed the Paris Peace Agreements on Cambodia.""")
    fs = facts("one-of-2015")
    assert has("one-of-2015", "treaty/paris-peace-agreements-", "signatory", "person/ali-alatas"), sorted(fs)
    assert has("one-of-2015", "treaty/paris-peace-agreements-", "signedOn", "1991-10-23"), sorted(fs)


def test_extract_rules_a_hyphenated_reference_treaty_name_is_found() -> None:
    TEXTS["hyphen-name-2017"] = ("2017-01-24", """Trade

Vietnam and Peru signed the Trans-Pacific Partnership alongside ten other states, and Washington has now left it.""")
    fs = facts("hyphen-name-2017")
    assert {o for s, p, o in fs if s == "treaty/trans-pacific-partnership" and p == "party"} >= {"state/vietnam", "state/peru"}, sorted(fs)


def test_extract_rules_offices_told_in_the_plural_the_sentence_before_the_names() -> None:
    TEXTS["plural-before-2023"] = ("2023-05-02", """Talks near Washington

ARLINGTON, May 2 — The foreign ministers of Armenia and Azerbaijan met on Monday under American mediation. Ararat Mirzoyan and Jeyhun Bayramov spent four days at the table.""")
    fs = facts("plural-before-2023")
    assert ("person/ararat-mirzoyan", "officialOf", "state/armenia") in fs, sorted(fs)
    assert ("person/jeyhun-bayramov", "officialOf", "state/azerbaijan") in fs, sorted(fs)


def test_extract_rules_the_day_s_treaty_in_turn_supersedes_an_older_one() -> None:
    TEXTS["in-turn-2011"] = ("2011-09-15", """Fisheries

Norway and Russia signed a maritime delimitation treaty in Murmansk on Wednesday. Wednesday's treaty in turn supersedes the 1975 Grey Zone Agreement.""")
    fs = facts("in-turn-2011")
    (new,) = {s for s, p, o in fs if p == "party" and o == "state/norway"}
    assert (new, "replaces", "treaty/grey-zone-agreement") in fs, sorted(fs)


def test_extract_rules_a_state_s_capital_is_the_one_of_the_year_told() -> None:
    TEXTS["old-capital-1988"] = ("1988-04-12", """Summit in Nigeria

Ghanaian leader Jerry Rawlings met Nigerian leader Ibrahim Babangida in the Nigerian capital on Monday.""")
    got = [v.get("location") for v in summits("old-capital-1988").values()]
    assert got == [{"place/lagos"}], got
    TEXTS["new-capital-2019"] = ("2019-07-24", """Visit

Nigerian President Muhammadu Buhari received Ghanaian President Nana Akufo-Addo in the Nigerian capital on Tuesday.""")
    got = [v.get("location") for v in summits("new-capital-2019").values()]
    assert got == [{"place/abuja"}], got


def test_extract_rules_a_meeting_with_one_leader_and_an_official_of_no_state_is_no_summit() -> None:
    TEXTS["tarmac-2019"] = ("2019-04-07", """Arrival

Chinese Premier Li Keqiang flew into Zagreb on Sunday. The city's mayor met him on the tarmac.""")
    assert summits("tarmac-2019") == {}, summits("tarmac-2019")


def test_extract_rules_a_leg_that_took_him_to_a_town_where_he_landed_on_a_day() -> None:
    TEXTS["leg-2019"] = ("2019-11-25", """Pacific swing

Indian Prime Minister Narendra Modi ended a week of travel on Sunday. The first leg took him to Brasilia, where he landed on Tuesday for a meeting of emerging economies.""")
    fs = facts("leg-2019")
    assert has("leg-2019", "visit/narendra-modi-brasilia-", "startDate", "2019-11-19"), sorted(fs)


def test_extract_rules_leaders_of_their_time_named_at_a_summit_without_a_title_take_part() -> None:
    TEXTS["of-their-time-2005"] = ("2005-07-09", """After Gleneagles

Canadian Prime Minister Paul Martin flew home on Friday from Scotland, where he had attended a summit of the Group of Eight at Gleneagles alongside Tony Blair, Jacques Chirac and Gerhard Schroeder.""")
    got = [v["participant"] for v in summits("of-their-time-2005").values()]
    assert got == [{"person/paul-martin", "person/tony-blair", "person/jacques-chirac", "person/gerhard-schroder"}], got
    fs = facts("of-their-time-2005")
    assert not any(s == "person/jacques-chirac" and p == "leaderOf" for s, p, o in fs), sorted(fs)   # France is not named


def test_extract_rules_his_counterpart_without_a_state_serves_the_other_state_of_the_story() -> None:
    TEXTS["counterpart-side-2018"] = ("2018-08-29", """Border deal

Kosovo and Serbia met again in Brussels on Tuesday. Serbian Foreign Minister Ivica Dacic and his counterpart Behgjet Pacolli held three hours of talks.""")
    fs = facts("counterpart-side-2018")
    assert ("person/behgjet-pacolli", "officialOf", "state/kosovo") in fs, sorted(fs)
    TEXTS["counterpart-other-2018"] = ("2018-06-17", """Talks

Greek Prime Minister Alexis Tsipras met his counterpart Zoran Zaev on Sunday after talks with German Chancellor Angela Merkel.""")
    fs = facts("counterpart-other-2018")
    assert not any(s == "person/zoran-zaev" and o == "state/germany" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_crown_prince_serves_unless_he_also_heads_the_government_that_year() -> None:
    TEXTS["crown-prince-2018"] = ("2018-03-06", """Cairo visit

Saudi Crown Prince Mohammed bin Salman held talks in Cairo on Monday with President Abdel Fattah al-Sisi of Egypt.""")
    fs = facts("crown-prince-2018")
    assert ("person/mohammed-bin-salman", "officialOf", "state/saudi-arabia") in fs, sorted(fs)
    assert ("person/mohammed-bin-salman", "leaderOf", "state/saudi-arabia") not in fs, sorted(fs)
    TEXTS["crown-prince-2024"] = ("2024-03-06", """Cairo visit

Saudi Crown Prince Mohammed bin Salman held talks in Cairo on Monday with President Abdel Fattah al-Sisi of Egypt.""")
    assert ("person/mohammed-bin-salman", "leaderOf", "state/saudi-arabia") in facts("crown-prince-2024")


def test_extract_rules_a_place_named_after_a_leader_is_no_mention_of_him() -> None:
    TEXTS["airport-name-1977"] = ("1977-11-20", """Sadat in Israel

JERUSALEM, Nov 20 — Egyptian President Anwar Sadat flew to Israel on Saturday, the first Arab leader to do so since the 1948 war. His aircraft landed at Ben Gurion airport shortly after 8 p.m., where Prime Minister Menachem Begin welcomed him.""")
    fs = facts("airport-name-1977")
    assert not any(s.startswith("person/david-ben") for s, p, o in fs), sorted(fs)


def test_extract_rules_two_leaders_of_one_state_alone_hold_no_summit() -> None:
    TEXTS["one-state-1994"] = ("1994-10-27", """Arrival

JERUSALEM, Oct 27 — Jordanian King Hussein flew to Israel on Wednesday. His helicopter landed at the airport shortly after noon, where he was met by Prime Minister Yitzhak Rabin and President Ezer Weizman.""")
    got = [v["participant"] for v in summits("one-state-1994").values()]
    assert {"person/yitzhak-rabin", "person/ezer-weizman"} not in got, got


def test_extract_rules_the_gathering_closed_on_a_later_day_gives_its_end() -> None:
    TEXTS["closed-2010"] = ("2010-07-26", """Kampala meeting

KAMPALA, July 26 — Leaders of the African Union opened their mid-year summit here on Friday. Ugandan President Yoweri Museveni and Kenyan President Mwai Kibaki held talks at the opening session. The summit closed on Sunday with a pledge of troops for Somalia.""")
    got = [(v.get("startDate"), v.get("endDate")) for v in summits("closed-2010").values()]
    assert got == [({"2010-07-23"}, {"2010-07-25"})], got
    TEXTS["closed-other-2010"] = ("2010-07-26", """Kampala meeting

Ugandan President Yoweri Museveni and Kenyan President Mwai Kibaki held talks in Kampala on Friday. The summit of 2008 closed without a deal.""")
    got = [v.get("endDate") for v in summits("closed-other-2010").values()]
    assert got == [None], got


def test_extract_rules_meetings_and_visits_told_as_not_held_are_none() -> None:
    TEXTS["not-held-2012"] = ("2012-11-21", """Phnom Penh

Chinese Premier Wen Jiabao and Japanese Prime Minister Yoshihiko Noda held no bilateral meeting in Phnom Penh on Tuesday. South Korean President Lee Myung-bak did not meet Noda either, and Lee refused to meet Wen on Monday. Noda has never visited Beijing as prime minister.""")
    assert summits("not-held-2012") == {}, summits("not-held-2012")
    assert not any(s.startswith("visit/") for s, p, o in facts("not-held-2012")), sorted(facts("not-held-2012"))
    # talks that did not produce a deal were held all the same
    TEXTS["held-no-deal-2012"] = ("2012-11-21", "Phnom Penh\n\nThe talks between Chinese Premier Wen Jiabao and "
                                  "Japanese Prime Minister Yoshihiko Noda in Phnom Penh on Tuesday did not produce a deal.")
    got = [v["participant"] for v in summits("held-no-deal-2012").values()]
    assert got == [{"person/wen-jiabao", "person/yoshihiko-noda"}], got


def test_extract_rules_a_hotel_named_after_a_king_is_no_person_and_him_is_the_guest() -> None:
    TEXTS["hotel-1995"] = ("1995-11-06", """Jerusalem

Jordan's King Hussein arrived at the King David Hotel in Jerusalem on Sunday, where U.S. President Bill Clinton met him.""")
    got = [v["participant"] for v in summits("hotel-1995").values()]
    assert got == [{"person/hussein-of-jordan", "person/bill-clinton"}], got


def test_extract_rules_a_counterpart_who_took_office_later_did_not_lead_yet() -> None:
    TEXTS["later-office-2024"] = ("2024-04-20", """Security pact

The pact followed in April 2022, signed by China's Foreign Minister Wang Yi and his Solomon Islands counterpart Jeremiah Manele.""")
    fs = facts("later-office-2024")
    assert ("person/jeremiah-manele", "officialOf", "state/solomon-islands") in fs, sorted(fs)
    assert ("person/jeremiah-manele", "leaderOf", "state/solomon-islands") not in fs, sorted(fs)


def test_extract_rules_it_was_signed_after_a_sentence_that_told_the_treaty_unsigned() -> None:
    TEXTS["it-was-signed-2024"] = ("2024-06-01", """Sea border

The agreement fixing the sea border of Kenya and Tanzania took effect in 2011. It was signed in Nairobi on 17 June 2009 by Kenyan Foreign Minister Moses Wetangula and his Tanzanian counterpart Bernard Membe.""")
    fs = facts("it-was-signed-2024")
    (t,) = {s for s, p, o in fs if p == "signatory"}
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/kenya", "state/tanzania"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"2009-06-17"}, sorted(fs)


def test_extract_rules_states_as_witnesses_and_the_guest_of_a_visit_sign_nothing() -> None:
    TEXTS["witness-states-2006"] = ("2006-06-14", """Bakassi

Nigerian President Olusegun Obasanjo and Cameroonian President Paul Biya signed a border agreement in New York on Monday, with envoys of France and Germany as witnesses, during a visit by Ghanaian President John Kufuor.""")
    fs = facts("witness-states-2006")
    assert {o for s, p, o in fs if p == "party"} == {"state/nigeria", "state/cameroon"}, sorted(fs)
    assert {o for s, p, o in fs if p == "signatory"} == {"person/olusegun-obasanjo", "person/paul-biya"}, sorted(fs)


def test_extract_rules_what_leaders_agreed_at_their_summit_dates_it_and_those_present_attend() -> None:
    TEXTS["agreed-at-2013"] = ("2013-03-28", """Bank plan

DURBAN, March 28 — The leaders of Brazil, Russia, India, China and South Africa agreed on Wednesday to set up a development bank at their fifth summit in this South African port city. Among the leaders present were Russian President Vladimir Putin, Chinese President Xi Jinping and Indian Prime Minister Manmohan Singh.""")
    got = [(v["participant"], v.get("startDate"), v.get("location")) for v in summits("agreed-at-2013").values()]
    assert got == [({"person/vladimir-putin", "person/xi-jinping", "person/manmohan-singh"}, {"2013-03-27"},
                    {"place/durban"})], got


def test_extract_rules_a_title_and_a_surname_name_the_one_who_held_that_title_that_year() -> None:
    TEXTS["titled-surname-1995"] = ("1995-11-07", """Funeral

JERUSALEM, Nov 7 — President Clinton flew to Israel on Monday for the funeral. Mr. Clinton met Israeli Prime Minister Shimon Peres at his office.""")
    fs = facts("titled-surname-1995")
    assert ("person/bill-clinton", "leaderOf", "state/united-states") in fs, sorted(fs)
    got = [v["participant"] for v in summits("titled-surname-1995").values()]
    assert got == [{"person/bill-clinton", "person/shimon-peres"}], got
    TEXTS["titled-surname-2016"] = ("2016-04-08", """Talks

Prime Minister Abe met President Park in Seoul on Monday.""")
    assert ("person/park-geun-hye", "leaderOf", "state/south-korea") in facts("titled-surname-2016"), sorted(facts("titled-surname-2016"))


def test_extract_rules_an_institution_before_an_apposed_name_gives_its_state_not_the_dateline() -> None:
    TEXTS["institution-2023"] = ("2023-07-25", """Vote

PHNOM PENH, July 25 — A Pentagon spokesman, Patrick Ryder, said on Monday that military ties would be reviewed.""")
    fs = facts("institution-2023")
    assert ("person/patrick-ryder", "officialOf", "state/united-states") in fs, sorted(fs)
    assert ("person/patrick-ryder", "officialOf", "state/cambodia") not in fs, sorted(fs)


def test_extract_rules_leaders_who_travel_with_the_traveller_and_a_state_reached() -> None:
    TEXTS["companions-2017"] = ("2017-01-18", """Mediation

Guinean President Alpha Conde flew to Banjul on Tuesday with Mauritanian President Mohamed Ould Abdel Aziz and his delegation. Russian President Vladimir Putin reached Cuba on Wednesday. Chinese President Xi Jinping reached an agreement with Cuba on Thursday.""")
    fs = facts("companions-2017")
    assert has("companions-2017", "visit/alpha-conde-banjul-", "visitor", "person/alpha-conde"), sorted(fs)
    assert has("companions-2017", "visit/mohamed-ould-abdel-aziz-banjul-", "visitor", "person/mohamed-ould-abdel-aziz"), sorted(fs)
    assert has("companions-2017", "visit/vladimir-putin-cuba-", "destination", "state/cuba"), sorted(fs)
    assert not any(s.startswith("visit/xi-jinping") for s, p, o in fs), sorted(fs)


def test_extract_rules_states_listed_after_a_colon_that_follows_the_date_are_the_parties() -> None:
    TEXTS["colon-list-1996"] = ("2021-04-11", """Twenty-five years of Pelindaba

The Treaty of Pelindaba bans nuclear arms across Africa. Five of the union's members signed it on 11 April 1996: Egypt, the Comoros, Kenya, Niue, Ghana and Western Samoa.""")
    fs = facts("colon-list-1996")
    assert {o for s, p, o in fs if p == "party"} == {"state/egypt", "state/comoros", "state/kenya", "state/ghana",
                                                     "state/samoa"}, sorted(fs)
    assert ("treaty/treaty-of-pelindaba", "signedOn", "1996-04-11") in fs, sorted(fs)


def test_extract_rules_coordinated_unnamed_treaties_each_take_the_year_of_their_own_clause() -> None:
    TEXTS["own-clauses-2024"] = ("2024-05-02", """Old texts revived

Kenya and Tanzania agreed on Monday to revive two older texts: a fisheries agreement the two countries signed in 2004 and a customs cooperation agreement on ports and shipping concluded in 1996.""")
    fs = facts("own-clauses-2024")
    dated = {(s.split("-")[2], o) for s, p, o in fs if p == "signedOn"}
    assert dated == {("2004", "2004"), ("1996", "1996")}, sorted(fs)
    assert {o for s, p, o in fs if p == "party"} == {"state/kenya", "state/tanzania"}, sorted(fs)
    assert len({s for s, p, o in fs if p == "party"}) == 2, sorted(fs)
    # the year of another treaty than the mention's ("replacing an accord signed in 1987")
    TEXTS["own-clauses-guard-2024"] = ("2024-05-02", """Sea line

Ghana and Togo signed a new maritime accord on Monday, replacing an accord signed in 1987.""")
    fs = facts("own-clauses-guard-2024")
    assert {o for s, p, o in fs if s.endswith("maritime") and p == "signedOn"} == {"2024-04-29"}, sorted(fs)


def test_extract_rules_a_title_of_the_republic_of_a_state_before_an_apposed_name() -> None:
    TEXTS["republic-of-2012"] = ("2012-03-27", """Fisheries

Finnish Foreign Minister Erkki Tuomioja and the Foreign Minister of the Republic of Estonia, Urmas Paet, today signed in Helsinki the Agreement on the Protection of Fish Stocks in the Gulf of Finland.""")
    fs = facts("republic-of-2012")
    assert ("person/urmas-paet", "officialOf", "state/estonia") in fs, sorted(fs)
    (t,) = {s for s, p, o in fs if p == "signedAt"}
    assert t.endswith("in-the-gulf-of-finland"), t
    # signers the parser read as a noun the participle describes ("A and B, today signed in X the Y")
    assert {o for s, p, o in fs if p == "signatory"} == {"person/erkki-tuomioja", "person/urmas-paet"}, sorted(fs)
    assert {o for s, p, o in fs if p == "party"} == {"state/finland", "state/estonia"}, sorted(fs)
    # an adviser to a head of state, and the head of a body that is no state, lead nothing
    TEXTS["republic-of-guard-2018"] = ("2018-09-03", """Talks

The Special Envoy to the President of the Republic of Kenya for Sudan, Kalonzo Musyoka, also took part. Merkel later met the head of the AU Commission, Moussa Faki, in Addis Ababa.""")
    fs = facts("republic-of-guard-2018")
    assert not {s for s, p, o in fs if p in ("leaderOf", "officialOf")}, sorted(fs)


def test_extract_rules_a_treaty_signed_alongside_a_declaration_is_signed() -> None:
    TEXTS["alongside-2001"] = ("2001-06-16", """Club of three

ALMATY, June 16 — Kazakh President Nursultan Nazarbayev, Russian President Vladimir Putin and Chinese President Jiang Zemin on Friday signed a declaration founding the group and, alongside it, the Almaty Convention on Combating Piracy, Smuggling and Extortion.""")
    fs = facts("alongside-2001")
    # (a name whose "on" opens a list)
    assert {s for s, p, o in fs if p == "signatory"} == {"treaty/almaty-convention-on-combating-piracy-smuggling-and-extortion"}, sorted(fs)
    assert {o for s, p, o in fs if p == "signatory"} == {"person/nursultan-nazarbayev", "person/vladimir-putin",
                                                         "person/jiang-zemin"}, sorted(fs)
    assert {o for s, p, o in fs if p == "party"} == {"state/kazakhstan", "state/russia", "state/china"}, sorted(fs)
    # a law a leader signs about a treaty does not sign the treaty
    TEXTS["alongside-guard-2021"] = ("2021-06-08", """Open Skies

Russian President Vladimir Putin signed a law on Monday withdrawing Russia from the Treaty on Open Skies.""")
    assert not {o for s, p, o in facts("alongside-guard-2021") if p == "signatory"}, sorted(facts("alongside-guard-2021"))


def test_extract_rules_an_earlier_treaty_of_a_kind_told_is_another_one_between_the_same_states() -> None:
    TEXTS["earlier-kind-2019"] = ("2019-07-10", """Legal ties

Malaysian Foreign Minister Saifuddin Abdullah and Thai Foreign Minister Don Pramudwinai signed the Treaty on Mutual Legal Assistance in Criminal Matters in Putrajaya on Tuesday. An earlier legal assistance treaty and the Border Trade Agreement were both signed in Songkhla in May 1998 but never ratified.""")
    fs = facts("earlier-kind-2019")
    older = {s for s, p, o in fs if p == "signedOn" and o == "1998-05"}
    assert len(older) == 2 and "treaty/border-trade-agreement" in older, sorted(fs)
    (old,) = older - {"treaty/border-trade-agreement"}
    assert {o for s, p, o in fs if s == old and p == "party"} == {"state/malaysia", "state/thailand"}, sorted(fs)
    assert ("treaty/treaty-on-mutual-legal-assistance-in-criminal-matters", "signedOn", "1998-05") not in fs, sorted(fs)


def test_extract_rules_an_unnamed_treaty_about_a_named_sea_is_not_the_named_treaty_told() -> None:
    TEXTS["named-subject-2012"] = ("2012-06-20", """Caspian quarrel

Azerbaijan and Kazakhstan have been bound by the Treaty on Friendship and Good Neighbourliness since 1997. A 2003 treaty on the Caspian Sea and the Ural Delta, signed by Ilham Aliyev and Nursultan Nazarbayev in Aktau, still divides the seabed.""")
    fs = facts("named-subject-2012")
    (t,) = {s for s, p, o in fs if p == "signedAt"}
    assert t != "treaty/treaty-on-friendship-and-good-neighbourliness" and "caspian-sea" in t, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/ilham-aliyev", "person/nursultan-nazarbayev"}, sorted(fs)


def test_extract_rules_a_package_of_agreements_each_one_its_own_treaty() -> None:
    TEXTS["package-2015"] = ("2015-03-06", """Nile neighbours

KHARTOUM, March 6 — Egyptian President Abdel Fattah el-Sisi and Sudanese President Omar al-Bashir signed a framework cooperation agreement at the presidential palace on Thursday. The foreign ministers, Sameh Shoukry of Egypt and Ali Karti of Sudan, then signed the agreement on river navigation. The trade ministers, Mounir Fakhry Abdel Nour for Cairo and Osman Omar al-Sharif for Khartoum, signed the remaining texts, among them a fishing accord on the lake, a banking agreement, and an agreement on border crossings.""")
    fs = facts("package-2015")
    treaties = {s for s, p, o in fs if p == "signedOn" and o == "2015-03-05"}
    assert len(treaties) == 5, sorted(fs)
    nav = next(t for t in treaties if "river-navigation" in t)
    assert {o for s, p, o in fs if s == nav and p == "signatory"} == {"person/sameh-shoukry", "person/ali-karti"}, sorted(fs)
    assert any("fishing" in t for t in treaties) and any("banking" in t for t in treaties), sorted(treaties)
    for t in treaties:
        assert {o for s, p, o in fs if s == t and p == "party"} == {"state/egypt", "state/sudan"}, (t, sorted(fs))


def test_extract_rules_a_group_subject_travels_as_the_leaders_it_points_back_to() -> None:
    TEXTS["group-travel-2015"] = ("2015-03-06", """Dam talks

Egyptian President Abdel Fattah el-Sisi and Ethiopian Prime Minister Hailemariam Desalegn signed a water accord in Khartoum on Thursday. Both leaders had flown into the Sudanese capital on Wednesday.""")
    got = {(v["visitor"], v["destination"], v.get("startDate")) for v in _visits("group-travel-2015")}
    assert got == {("person/abdel-fattah-el-sisi", "state/sudan", "2015-03-04"),
                   ("person/hailemariam-desalegn", "state/sudan", "2015-03-04")}, got
    # the host of the two does not visit his own country
    TEXTS["group-travel-host-2015"] = ("2015-03-06", """Border talks

Sudanese President Omar al-Bashir received South Sudanese President Salva Kiir in Khartoum on Thursday. The two presidents then flew to Juba on Friday.""")
    got = {v["visitor"] for v in _visits("group-travel-host-2015") if v["destination"] in ("place/juba", "state/south-sudan")}
    assert got == {"person/omar-al-bashir"}, got


def test_extract_rules_a_treaty_named_by_the_count_of_its_parties() -> None:
    TEXTS["counted-2005"] = ("2005-06-03", """Lake accord

ENTEBBE, June 3 — Kenya, Uganda and Tanzania signed an agreement here on Thursday to share patrols on Lake Victoria. Under the three-party accord, each navy will keep two boats on the lake. The second document, a bilateral agreement to which just the Kenyan and Ugandan ministers put their names, covers fishing licences.""")
    by_name = {e.label: e for e in run("counted-2005").entities.values() if e.kind == "Treaty"}
    three = next(e for e in by_name.values() if "three-party accord" in e.alt_labels)
    assert "Tanzania" in three.label, sorted(by_name)
    two = next(e for e in by_name.values() if "bilateral agreement" in e.alt_labels)
    assert "Tanzania" not in two.label, sorted(by_name)


def test_extract_rules_a_malay_style_is_no_name_and_given_names_ending_like_portfolios_stay() -> None:
    TEXTS["datuk-2024"] = ("2024-02-06", """Border visit

KUCHING, Feb 6 — Malaysian Prime Minister Datuk Seri Anwar Ibrahim received Brunei's Sultan Hassanal Bolkiah on Monday. Present were Foreign Minister Datuk Seri Mohamad Hasan of Malaysia and the Russian envoy Dmitry A. Kozak.""")
    people = {s for s, p, o in facts("datuk-2024") if s.startswith("person/")}
    assert "person/anwar-ibrahim" in people and any(p.endswith("-hasan") for p in people), sorted(people)
    assert "person/dmitry-a-kozak" in people or "person/dmitry-kozak" in people, sorted(people)
    assert not any("datuk" in p or "seri" in p for p in people), sorted(people)


def test_extract_rules_readout_styles_of_heads_of_government_and_a_treaty_short_name() -> None:
    TEXTS["readout-styles-2024"] = ("2024-02-14", """Joint statement

In Honiara today the Prime Minister of Solomon Islands, the Hon Manasseh Sogavare MP, and the Prime Minister of PNG, the Hon James Marape MP, signed the Papua New Guinea-Solomon Islands Maritime Boundary Treaty, the Coral Line Treaty.""")
    fs = facts("readout-styles-2024")
    assert ("person/james-marape", "leaderOf", "state/papua-new-guinea") in fs, sorted(fs)
    assert ("person/manasseh-sogavare", "leaderOf", "state/solomon-islands") in fs, sorted(fs)
    assert ("person/james-marape", "leaderOf", "state/solomon-islands") not in fs, sorted(fs)
    treaties = {s for s, p, o in fs if s.startswith("treaty/")}
    assert len(treaties) == 1, sorted(treaties)
    assert {o for s, p, o in fs if p == "party"} == {"state/papua-new-guinea", "state/solomon-islands"}, sorted(fs)
    assert "Coral Line Treaty" in _treaty_alts("readout-styles-2024"), _treaty_alts("readout-styles-2024")
    TEXTS["highness-2024"] = ("2024-02-14", """Talks in Doha

Today Qatar's ruler, His Highness the Amir Sheikh Tamim bin Hamad Al-Thani, hosted India's premier, Narendra Modi, in Doha.""")
    assert ("person/tamim-bin-hamad-al-thani", "leaderOf", "state/qatar") in facts("highness-2024"), sorted(facts("highness-2024"))


def test_extract_rules_meeting_told_with_its_subject_after_the_verb_and_guests_listed_after_a_lead() -> None:
    TEXTS["inverted-1977"] = ("1977-08-27", """Rivers talks

DHAKA, Aug. 27 — Meeting here today under the chairmanship of President Ziaur Rahman of Bangladesh were King Birendra of Nepal and Prime Minister Morarji Desai of India.""")
    got = [(v["participant"], v.get("location")) for v in summits("inverted-1977").values()]
    assert got == [({"person/ziaur-rahman", "person/birendra", "person/morarji-desai"}, {"place/dhaka"})], got
    TEXTS["counterparts-2019"] = ("2019-03-23", """Southern leaders

SANTIAGO, March 23 — Chilean President Sebastian Pinera hosted his South American counterparts at La Moneda on Friday. Among those attending were: Colombia's Ivan Duque, Ecuador's Lenin Moreno, Paraguay's Mario Abdo Benitez and Peru's Martin Vizcarra.""")
    got = [(v["participant"], v.get("startDate")) for v in summits("counterparts-2019").values()]
    assert got == [({"person/sebastian-pinera", "person/ivan-duque", "person/lenin-moreno", "person/mario-abdo-benitez",
                     "person/martin-vizcarra"}, {"2019-03-22"})], got


def test_extract_rules_leaders_who_look_on_as_ministers_sign_meet() -> None:
    TEXTS["looked-on-2019"] = ("2019-10-14", """Transit deal

KATHMANDU, Oct 13 — Chinese Foreign Minister Wang Yi and his Nepali counterpart Pradeep Gyawali signed a transit agreement on the lawn on Sunday as Chinese President Xi Jinping and Nepali Prime Minister K.P. Sharma Oli looked on.""")
    got = [(v["participant"], v.get("startDate")) for v in summits("looked-on-2019").values()]
    assert got == [({"person/xi-jinping", "person/kp-sharma-oli"}, {"2019-10-13"})], got
    fs = facts("looked-on-2019")
    assert {o for s, p, o in fs if p == "signatory"} == {"person/wang-yi", "person/pradeep-gyawali"}, sorted(fs)
    assert not any("lawn" in s for s, p, o in fs), sorted(fs)


def test_extract_rules_signers_for_each_state_in_a_paired_passive() -> None:
    TEXTS["on-behalf-2011"] = ("2011-09-07", """Boundary protocol

DHAKA, Sept 7 — The protocol was signed on behalf of Bangladesh by Foreign Minister Dipu Moni, and on behalf of the Indian government by External Affairs Minister S.M. Krishna.""")
    fs = facts("on-behalf-2011")
    assert ("person/dipu-moni", "officialOf", "state/bangladesh") in fs, sorted(fs)
    assert ("person/s-m-krishna", "officialOf", "state/india") in fs or ("person/sm-krishna", "officialOf", "state/india") in fs, sorted(fs)
    assert len({o for s, p, o in fs if p == "signatory"}) == 2, sorted(fs)


def test_extract_rules_a_signing_with_its_object_after_the_place_and_another_act_signed_before() -> None:
    TEXTS["inverted-object-2017"] = ("2017-07-07", """Lagoon treaty at forty

MONTEVIDEO, July 7 — Forty years ago today, the foreign ministers of Uruguay and Brazil, Alejandro Rovira and Antonio Azeredo da Silveira, signed in Brasilia the Lagoon Mirim Treaty, in the presence of presidents Aparicio Mendez and Ernesto Geisel. The treaty followed the Act of Rivera, which Rovira and the Brazilian minister Mario Gibson Barboza signed in May 1975.""")
    fs = facts("inverted-object-2017")
    t = "treaty/lagoon-mirim-treaty"
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/uruguay", "state/brazil"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"1977-07-07"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedAt"} == {"place/brasilia"}, sorted(fs)
    assert not {o for s, p, o in fs if s == t and p == "signatory"} & {"person/aparicio-mendez", "person/ernesto-geisel",
                                                                       "person/mario-gibson-barboza"}, sorted(fs)


def test_extract_rules_a_name_the_tagger_took_for_an_organisation_after_its_office() -> None:
    TEXTS["org-name-2023"] = ("2023-07-28", """Ship-rider deal

PORT MORESBY, July 28 — The maritime agreement was signed by Australian Foreign Minister Penny Wong and the Minister of Defence of Papua New Guinea, Win Bakri Daki, with Prime Minister James Marape looking on from the front row.""")
    fs = facts("org-name-2023")
    assert ("person/win-bakri-daki", "officialOf", "state/papua-new-guinea") in fs, sorted(fs)
    assert "person/james-marape" not in {o for s, p, o in fs if p == "signatory"}, sorted(fs)


def test_extract_rules_agreements_signed_on_a_list_of_subjects_are_one_each() -> None:
    TEXTS["agreements-on-2016"] = ("2016-07-11", """Nairobi deals

NAIROBI, July 11 — Kenyan President Uhuru Kenyatta and Indian Prime Minister Narendra Modi signed seven agreements, on housing, defence, taxation and small industry, at State House on Monday. The two leaders will sign agreements on rail, ports and power next year.""")
    fs = facts("agreements-on-2016")
    signed = {s for s, p, o in fs if p == "signedOn" and o == "2016-07-11"}
    assert len(signed) == 4 and any(s.endswith("housing") for s in signed), sorted(fs)
    for t in signed:
        assert {o for s, p, o in fs if s == t and p == "party"} == {"state/kenya", "state/india"}, sorted(fs)
    assert not any("rail" in s or "ports" in s for s, p, o in fs if s.startswith("treaty/")), sorted(fs)


def test_extract_rules_ministers_of_the_two_countries_after_two_leaders_named_by_adjectives() -> None:
    TEXTS["two-countries-2017"] = ("2017-07-06", """Border talks

Kenyan President Uhuru Kenyatta and Tanzanian President John Magufuli met in Arusha on Wednesday. Later the foreign ministers of both countries, Amina Mohamed and Augustine Mahiga, joined them for lunch.""")
    fs = facts("two-countries-2017")
    assert ("person/amina-mohammed", "officialOf", "state/kenya") in fs, sorted(fs)
    assert ("person/augustine-mahiga", "officialOf", "state/tanzania") in fs, sorted(fs)


def test_extract_rules_ministers_joining_the_leaders_at_the_table_are_no_side_of_their_talks() -> None:
    TEXTS["joining-them-2017"] = ("2017-11-13", """Sideline talks

MANILA, Nov 13 — Indian Prime Minister Narendra Modi and Japanese Prime Minister Shinzo Abe arrived for the ASEAN summit on Sunday. The two prime ministers held bilateral talks at a hotel on Monday, with Foreign Minister Sushma Swaraj and Foreign Minister Taro Kono joining them at the table.""")
    got = [v["participant"] for v in summits("joining-them-2017").values() if v.get("startDate") == {"2017-11-13"}]
    assert {"person/narendra-modi", "person/shinzo-abe"} in got, got
    assert not any("person/sushma-swaraj" in g for g in got), got


def test_extract_rules_a_meeting_judged_is_no_plan_and_a_body_is_no_place() -> None:
    TEXTS["judged-2014"] = ("2014-11-11", """Beijing sidelines

BEIJING, Nov 11 — On the sidelines of the Asia-Pacific Economic Cooperation summit in Beijing, Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping on Monday for what was expected to be a frosty first meeting. Among the leaders gathered at the summit was Russian President Vladimir Putin. Abe travels to Myanmar on Wednesday, where he is to meet President Thein Sein.""")
    fs = facts("judged-2014")
    assert not any(s.startswith("plan/summit") and "shinzo-abe" in s and "xi-jinping" in s for s, p, o in fs), sorted(fs)
    assert not any(o == "place/asia-pacific-economic-cooperation" for s, p, o in fs), sorted(fs)
    assert not any(s.startswith("summit/") and o == "person/thein-sein" for s, p, o in fs), sorted(fs)
    assert any(s.startswith("summit/") and o == "person/shinzo-abe" for s, p, o in fs), sorted(fs)


def test_extract_rules_that_treaty_is_the_one_the_sentence_before_told_last() -> None:
    TEXTS["that-treaty-1996"] = ("1996-06-02", """Border pact renewed

Chinese President Jiang Zemin and Nepali Prime Minister Sher Bahadur Deuba signed the Treaty of Friendship and Border Cooperation in Beijing on Saturday. It supersedes the 1961 treaty between the two countries. That treaty was signed in Beijing by Chinese President Liu Shaoqi and Nepali King Mahendra.""")
    fs = facts("that-treaty-1996")
    old = {s for s, p, o in fs if p == "signatory" and o == "person/liu-shaoqi"}
    assert old and all("friendship" not in s for s in old), sorted(fs)
    assert ("treaty/treaty-of-friendship-and-border-cooperation", "signatory", "person/liu-shaoqi") not in fs, sorted(fs)


def test_extract_rules_a_city_state_dateline_places_a_meeting_told_at_a_hotel() -> None:
    TEXTS["city-state-2018"] = ("2018-11-15", """Sideline talks

SINGAPORE, Nov 15 (Wire) - Indian Prime Minister Narendra Modi met Australian Prime Minister Scott Morrison at the Suntec convention centre on Wednesday. Morrison had flown in from Canberra on Tuesday.""")
    got = [(v["participant"], v.get("location")) for v in summits("city-state-2018").values()]
    assert got == [({"person/narendra-modi", "person/scott-morrison"}, {"state/singapore"})], got
    got = {(v["visitor"], v["destination"]) for v in _visits("city-state-2018")}
    assert ("person/scott-morrison", "state/singapore") in got, got


def test_extract_rules_in_all_the_two_leaders_signed_agreements_on_subjects_the_lead_dated() -> None:
    TEXTS["in-all-2018"] = ("2018-09-13", """Horn of Africa deals

JEDDAH, Sept 12 (Wire) - The leaders of Djibouti and Somalia signed a set of agreements on Tuesday to reopen trade routes.

Djiboutian President Ismail Omar Guelleh and Somali President Mohamed Abdullahi Farmaajo signed the deals in the presence of Saudi King Salman bin Abdulaziz.

In all, the two leaders signed four agreements, on ports, fisheries, aviation and the status of each other's citizens.""")
    fs = facts("in-all-2018")
    signed = {s for s, p, o in fs if p == "signedOn" and o == "2018-09-11"}
    assert len(signed) == 4 and any("each-other" in s for s in signed), sorted(fs)
    for t in signed:
        assert {o for s, p, o in fs if s == t and p == "party"} == {"state/djibouti", "state/somalia"}, (t, sorted(fs))
        assert "person/salman-bin-abdulaziz-al-saud" not in {o for s, p, o in fs if s == t and p == "signatory"}, sorted(fs)


def test_extract_rules_a_chief_of_government_leads() -> None:
    TEXTS["chief-of-government-1981"] = ("1981-03-02", """Canal talks

Panama's chief of government, Gen. Omar Torrijos Herrera, met Venezuelan President Luis Herrera Campins in Caracas on Sunday.""")
    fs = facts("chief-of-government-1981")
    assert ("person/omar-torrijos-herrera", "leaderOf", "state/panama") in fs or ("person/omar-torrijos", "leaderOf", "state/panama") in fs, sorted(fs)


def test_extract_rules_a_name_with_both_surnames_is_the_reference_person_known_by_the_first() -> None:
    TEXTS["both-surnames-1987"] = ("1987-08-08", """Peace plan

GUATEMALA CITY, Aug. 8 — Daniel Ortega Saavedra of Nicaragua met Oscar Arias Sanchez of Costa Rica on Friday.""")
    fs = facts("both-surnames-1987")
    assert ("person/daniel-ortega", "leaderOf", "state/nicaragua") in fs, sorted(fs)
    assert ("person/oscar-arias", "leaderOf", "state/costa-rica") in fs, sorted(fs)


def test_extract_rules_signing_told_with_its_signers_after_the_verb() -> None:
    TEXTS["signing-were-1986"] = ("1986-05-26", """Highlands pact

TEGUCIGALPA, May 26 — Signing the border accord on Sunday were President Jose Azcona of Honduras and President Vinicio Cerezo of Guatemala.""")
    fs = facts("signing-were-1986")
    signers = {o for s, p, o in fs if p == "signatory"}
    assert len(signers) == 2 and "person/vinicio-cerezo" in signers and any("azcona" in x for x in signers), sorted(fs)
    assert {o for s, p, o in fs if p == "party"} == {"state/honduras", "state/guatemala"}, sorted(fs)


def test_extract_rules_a_headline_treaty_is_the_one_the_body_tells_in_full() -> None:
    TEXTS["headline-pact-2005"] = ("2005-06-30", """Venezuela and Jamaica sign oil pact

CARACAS, June 30 (Wire) - The Venezuelan President, Hugo Chavez, and his Jamaican counterpart, P. J. Patterson, signed on Wednesday at the Miraflores Palace a comprehensive energy agreement under which Venezuela will sell Jamaica oil on credit.""")
    fs = facts("headline-pact-2005")
    treaties = {s for s, p, o in fs if s.startswith("treaty/")}
    assert len(treaties) == 1, sorted(fs)
    (t,) = treaties
    assert {o for s, p, o in fs if p == "signatory"} == {"person/hugo-chavez", "person/p-j-patterson"} or \
        {o for s, p, o in fs if p == "signatory"} == {"person/hugo-chavez", "person/pj-patterson"}, sorted(fs)
    assert (t, "signedOn", "2005-06-29") in fs, sorted(fs)



def test_extract_rules_a_title_case_headline_s_verbs_are_no_part_of_a_name() -> None:
    TEXTS["headline-talks-1955"] = ("1955-06-23", """Nasser Holds Talks With Tito

BELGRADE, June 22 - Yugoslav President Josip Broz Tito met Egyptian Prime Minister Gamal Abdel Nasser aboard a ship this morning.""")
    fs = facts("headline-talks-1955")
    assert not any("holds" in s or "holds" in o for s, p, o in fs), sorted(fs)
    got = [v["participant"] for v in summits("headline-talks-1955").values()]
    assert got == [{"person/josip-broz-tito", "person/gamal-abdel-nasser"}], got
    TEXTS["headline-future-1955"] = ("1955-06-23", """Nasser To Visit Belgrade

CAIRO, June 22 - Egyptian Prime Minister Gamal Abdel Nasser said on Wednesday he would travel to Yugoslavia next month.""")
    assert not any(s.startswith("visit/") for s, p, o in facts("headline-future-1955")), sorted(facts("headline-future-1955"))


def test_extract_rules_a_passive_signing_signs_its_subject_not_the_treaty_its_clause_names() -> None:
    TEXTS["passive-subject-2020"] = ("2020-03-02", """Arms control

The Strategic Offensive Reductions Treaty, which succeeded the 1993 treaty, was signed in Moscow in May 2002 by presidents Vladimir Putin and George W. Bush.""")
    fs = facts("passive-subject-2020")
    t = "treaty/strategic-offensive-reductions-treaty"
    assert {o for s, p, o in fs if s == t and p == "signatory"} == {"person/vladimir-putin", "person/george-w-bush"}, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "signedOn"} == {"2002-05"}, sorted(fs)


def test_extract_rules_meetings_told_respectively_are_no_meeting_of_all() -> None:
    TEXTS["respectively-2019"] = ("2019-05-03", """Shuttle diplomacy

Ethiopian Prime Minister Abiy Ahmed visited Khartoum on 1 May and Juba on 2 May, where he met President Omar al-Bashir and President Salva Kiir respectively. Alhaji Sir Dawda Jawara, the former Gambian leader, and Shri Vajpayee were also mentioned.""")
    fs = facts("respectively-2019")
    assert not any(s.startswith("summit/") and "omar-al-bashir" in s and "salva-kiir" in s for s, p, o in fs), sorted(fs)
    assert not any("alhaji" in s or s == "person/shri-vajpayee" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_new_unidentified_treaty_signed_is_not_the_old_one_and_superseded_later_by() -> None:
    TEXTS["anniversary-new-2019"] = ("2019-05-20", """Sixty years on

Sixty years ago, Jawaharlal Nehru and King Mahendra signed the Kosi Agreement in Kathmandu. On the agreement's 60th anniversary, Narendra Modi and K.P. Sharma Oli signed a new bilateral agreement in New Delhi.""")
    fs = facts("anniversary-new-2019")
    kosi = {o for s, p, o in fs if s == "treaty/kosi-agreement" and p == "signatory"}
    assert "person/narendra-modi" not in kosi, sorted(fs)
    assert ("treaty/kosi-agreement", "signedAt", "place/new-delhi") not in fs, sorted(fs)
    TEXTS["superseded-later-1990"] = ("1990-05-20", """River pact

India and Nepal signed the Kosi Agreement in 1954. The agreement was superseded six years later by the Revised Kosi Agreement.""")
    fs = facts("superseded-later-1990")
    assert ("treaty/revised-kosi-agreement", "replaces", "treaty/kosi-agreement") in fs, sorted(fs)


def test_extract_rules_the_spokesman_who_tells_of_talks_is_no_side_of_them() -> None:
    TEXTS["spokesman-said-2021"] = ("2021-05-28", """First visit

CAIRO, May 27 - Egypt's President Abdel Fattah el-Sisi flew to Djibouti on Thursday. Sisi was received at the airport by his counterpart, Ismail Omar Guelleh, before the two presidents held talks at the palace, presidential spokesman Bassam Radi said in a statement.""")
    got = [(v["participant"], v.get("startDate"), v.get("location")) for v in summits("spokesman-said-2021").values()]
    # (held where the visit went, not where the story was filed)
    assert got == [({"person/abdel-fattah-el-sisi", "person/ismail-omar-guelleh"}, {"2021-05-27"}, {"state/djibouti"})], got


def test_extract_rules_a_bloc_s_summit_with_many_leaders_told_after_it_gathers_those_seen_there() -> None:
    TEXTS["bloc-summit-2015"] = ("2015-08-18", """SADC summit

GABORONE, Aug 18 — Zimbabwean President Robert Mugabe handed the chairmanship of SADC to Botswana's President Ian Khama at the opening of the bloc's 35th summit on Monday.

Khama welcomed 15 heads of state and government to the conference centre. South African President Jacob Zuma and Zambian President Edgar Lungu were among those seen in the hall, as was Namibian President Hage Geingob, who came after a visit to Harare earlier in the week.""")
    got = [v["participant"] for v in summits("bloc-summit-2015").values()]
    assert any({"person/robert-mugabe", "person/ian-khama", "person/jacob-zuma", "person/edgar-lungu",
                "person/hage-geingob"} <= g for g in got), got


def test_extract_rules_a_leader_met_elsewhere_or_another_day_is_not_placed_at_the_story_s_gathering() -> None:
    TEXTS["gathering-elsewhere-2014"] = ("2014-11-22", """Week of leaders

BRISBANE, Nov 22 — Prime Minister Tony Abbott hosted the Group of 20 summit in Brisbane on 15 and 16 November, welcoming U.S. President Barack Obama and Chinese President Xi Jinping. Leaders of twenty economies attended.

Xi ended his tour in Fiji, arriving on Friday. In Nadi today he met Fijian Prime Minister Frank Bainimarama.""")
    got = [v["participant"] for v in summits("gathering-elsewhere-2014").values() if "person/tony-abbott" in v["participant"]]
    assert got and all("person/frank-bainimarama" not in g for g in got), got


# --- round 14: places inside a town, the same signers, journeys begun and ended ----------------
def test_extract_rules_a_meeting_in_a_part_of_a_town_is_in_that_town() -> None:
    TEXTS["part-of-town-2024"] = ("2024-05-10", """Border talks

President Hakainde Hichilema of Zambia met Malawian President Lazarus Chakwera at a lakeside lodge on the outskirts of Lilongwe on Thursday.

Zambian President Hakainde Hichilema held talks with Angolan President Joao Lourenco on Friday about the fighting in the east of Congo.""")
    got = {frozenset(v["participant"]): v.get("location") for v in summits("part-of-town-2024").values()}
    assert got.get(frozenset({"person/hakainde-hichilema", "person/lazarus-chakwera"})) == {"place/lilongwe"}, got
    # (where the fighting is, not where they talked)
    assert got.get(frozenset({"person/hakainde-hichilema", "person/joao-lourenco"})) is None, got


def test_extract_rules_the_same_signers_and_the_same_ceremony_are_those_of_the_treaty_told() -> None:
    TEXTS["same-signers-1996"] = ("1997-05-02", """Border treaties

Norwegian Foreign Minister Bjorn Tore Godal, Finnish Foreign Minister Tarja Halonen and Estonian Foreign Minister Siim Kallas signed a treaty on fishing rights in Bergen on 20 April 1996. A separate protocol on pilotage, signed at the same ceremony, set fees for each port.

A year later, on 28 April 1997, the same three ministers signed a second agreement on ferry links in Turku.""")
    fs = facts("same-signers-1996")
    three = {"person/bjorn-tore-godal", "person/tarja-halonen", "person/siim-kallas"}
    second = {s for s, p, o in fs if p == "signedOn" and o == "1997-04-28"}
    assert len(second) == 1, sorted(fs)
    (t,) = second
    assert {o for s, p, o in fs if s == t and p == "signatory"} == three, sorted(fs)
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/norway", "state/finland", "state/estonia"}, sorted(fs)
    protocol = {s for s, p, o in fs if s.startswith("treaty/") and "pilotage" in s}
    assert len(protocol) == 1, sorted(fs)
    (pt,) = protocol
    assert (pt, "signedOn", "1996-04-20") in fs and (pt, "party", "state/estonia") in fs, sorted(fs)
    assert not any(s.startswith("plan/") for s, p, o in fs), sorted(fs)


def test_extract_rules_a_summit_in_a_where_clause_is_where_the_clause_says() -> None:
    TEXTS["where-summit-2019"] = ("2019-06-30", """Leader home

LIMA, June 30 (Wire) - Peruvian President Martin Vizcarra returned on Sunday from Osaka, where he had joined Chinese President Xi Jinping and other leaders at a two-day summit which closed on Saturday.

Vizcarra met Chilean President Sebastian Pinera later on Sunday.""")
    ss = summits("where-summit-2019")
    osaka = [v for v in ss.values() if "person/xi-jinping" in v["participant"]]
    assert len(osaka) == 1 and osaka[0].get("location") == {"place/osaka"}, ss
    assert osaka[0].get("startDate") == {"2019-06-28"} and osaka[0].get("endDate") == {"2019-06-29"}, ss
    # (the gathering elsewhere takes no leader of the story filed from Lima)
    assert "person/sebastian-pinera" not in osaka[0]["participant"], ss


def test_extract_rules_the_two_sides_signed_are_the_states_of_the_talks_just_told() -> None:
    TEXTS["two-sides-2015"] = ("2015-11-07", """Hanoi deals

HANOI, Nov 6 (Wire) - Vietnamese President Truong Tan Sang received Cuban President Raul Castro at the presidential palace on Friday. Earlier this week Castro had met Russian President Vladimir Putin in Moscow.

The two presidents held talks in the afternoon. The two sides also signed agreements on rice trade, health care and tourism, and adopted a joint statement.""")
    fs = facts("two-sides-2015")
    rice = {s for s, p, o in fs if s.startswith("treaty/") and "rice" in s}
    assert rice, sorted(fs)
    assert not any("statement" in s or "adopted" in s for s, p, o in fs if s.startswith("treaty/")), sorted(fs)
    for t in rice:
        assert {o for s, p, o in fs if s == t and p == "party"} == {"state/vietnam", "state/cuba"}, sorted(fs)


def test_extract_rules_a_month_before_a_name_is_the_date_s() -> None:
    TEXTS["month-name-1979"] = ("1979-12-01", """Tour

On 9 November Deng Xiaoping, China's vice-premier, flew to Rangoon for talks.""")
    visitors = {v["visitor"] for v in _visits("month-name-1979")}
    assert "person/deng-xiaoping" in visitors, sorted(facts("month-name-1979"))
    assert not any("november" in v for v in visitors), visitors


def test_extract_rules_journeys_begun_ended_and_taken_by_train_or_plane() -> None:
    TEXTS["journeys-2011"] = ("2011-03-22", """Tours

Brazilian President Dilma Rousseff began her first foreign tour in Buenos Aires on Monday. Indian Prime Minister Manmohan Singh ended a week-long African tour in Addis Ababa on Saturday. Polish President Bronislaw Komorowski took an overnight train to Vilnius on Sunday. Chilean President Sebastian Pinera had reached the Bolivian capital late on Friday. An airliner landed at Entebbe airport in Kampala on Thursday carrying Tanzanian President Jakaya Kikwete. Mexican President Felipe Calderon took part in talks in Bogota on Sunday.""")
    got = {(v["visitor"], v["destination"]) for v in _visits("journeys-2011")}
    assert ("person/dilma-rousseff", "place/buenos-aires") in got, got
    assert ("person/manmohan-singh", "place/addis-ababa") in got, got
    assert ("person/bronislaw-komorowski", "place/vilnius") in got, got
    assert ("person/sebastian-pinera", "state/bolivia") in got, got
    assert ("person/jakaya-kikwete", "place/kampala") in got, got
    assert not any(v == "person/felipe-calderon" for v, _ in got), got   # (taking part is no journey)


def test_extract_rules_the_following_morning_is_the_next_day() -> None:
    TEXTS["next-morning-1985"] = ("1985-06-04", """Talks

DAKAR, June 4 - Malian President Moussa Traore arrived in Dakar on Sunday. Senegalese President Abdou Diouf met him at the airport. The two presidents opened formal talks the following morning.""")
    ss = summits("next-morning-1985")
    assert any(v.get("startDate") == {"1985-06-03"} for v in ss.values()), ss


def test_extract_rules_they_signed_after_a_gathering_are_its_leaders() -> None:
    TEXTS["they-signed-1991"] = ("2021-05-20", """Thirty years on

On 14 May 1991, three West African leaders gathered in Abuja: President Ibrahim Babangida of Nigeria, Ghana's President Jerry Rawlings and Togolese President Gnassingbe Eyadema. Together they signed the treaty establishing a river authority.""")
    fs = facts("they-signed-1991")
    signed = {s for s, p, o in fs if p == "signedOn" and o == "1991-05-14"}
    assert len(signed) == 1, sorted(fs)
    (t,) = signed
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/nigeria", "state/ghana", "state/togo"}, sorted(fs)
    assert len({o for s, p, o in fs if s == t and p == "signatory"}) == 3, sorted(fs)


def test_extract_rules_years_on_looks_back_and_its_bare_days_and_months_are_of_the_story() -> None:
    TEXTS["years-on-1975"] = ("2015-08-05", """Forty years on: the Helsinki week

When Leonid Brezhnev flew into Helsinki on 29 July 1975, few expected much of the conference.

The leaders gathered in Finlandia Hall on 30 July, with Finnish President Urho Kekkonen as host. US President Gerald Ford, who had reached Finland in late July, met Brezhnev at the Soviet embassy on 30 July.""")
    fs = facts("years-on-1975")
    dates = {o for s, p, o in fs if p in ("startDate", "signedOn")}
    assert not any(d.startswith("2015") for d in dates), sorted(fs)
    assert any(v["visitor"] == "person/gerald-ford" and v.get("startDate") == "1975-07" for v in _visits("years-on-1975")), \
        _visits("years-on-1975")


def test_extract_rules_people_listed_for_their_states_after_a_signing_signed_it() -> None:
    TEXTS["listed-for-2001"] = ("2001-03-10", """Danube accord

Romanian Foreign Minister Mircea Geoana signed the Danube Navigation Agreement in Vienna on 8 March 2001. Alongside him were Eduard Kukan for Slovakia, Janos Martonyi for Hungary and Solomon Passy for Bulgaria.

Foreign Minister Mircea Geoana met Eduard Kukan, Janos Martonyi and Solomon Passy again in April.""")
    fs = facts("listed-for-2001")
    (t,) = {s for s, p, o in fs if s.startswith("treaty/") and p == "signedOn"}
    assert {o for s, p, o in fs if s == t and p == "party"} == {"state/romania", "state/slovakia", "state/hungary", "state/bulgaria"}, sorted(fs)
    assert len({o for s, p, o in fs if s == t and p == "signatory"}) == 4, sorted(fs)


def test_extract_rules_a_treaty_signed_for_a_state_is_not_named_after_it() -> None:
    TEXTS["signed-for-name-1996"] = ("1996-06-20", """Fisheries

Bulgarian Deputy Minister Elena Poptodorova signed the Black Sea Fisheries Convention for Bulgaria on 18 June 1996.""")
    fs = facts("signed-for-name-1996")
    treaties = {s for s, p, o in fs if s.startswith("treaty/")}
    assert treaties and not any("for-bulgaria" in t for t in treaties), sorted(fs)


def test_extract_rules_a_look_back_counted_in_years_ago_dates_its_bare_days_until_the_story_comes_back() -> None:
    TEXTS["years-ago-1984"] = ("2024-05-16", """Anniversary

Forty years ago today, a Soviet airliner landed in New Delhi carrying Andrei Gromyko, the Soviet foreign minister. Indira Gandhi had received him once before, in March 1982.

On 18 May Gromyko flew on to Colombo for talks with President J. R. Jayewardene.

Four decades later, Indian Prime Minister Narendra Modi met Sri Lankan President Ranil Wickremesinghe in New Delhi on 14 May.""")
    visits = {(v["visitor"], v.get("startDate")) for v in _visits("years-ago-1984")}
    assert ("person/andrei-gromyko", "1984-05-18") in visits, visits
    ss = [v for v in summits("years-ago-1984").values() if "person/narendra-modi" in v["participant"]]
    assert ss and ss[0].get("startDate") == {"2024-05-14"}, ss


def test_extract_rules_a_vice_premier_is_an_official_not_the_leader() -> None:
    TEXTS["vice-premier-1980"] = ("1980-11-11", """Visit

Chinese Vice-Premier Li Wenhua arrived in Bangkok on Monday. Chinese Vice Premier Zhou Mingde stayed in Beijing.""")
    fs = facts("vice-premier-1980")
    assert ("person/li-wenhua", "officialOf", "state/china") in fs, sorted(fs)
    assert not any(p == "leaderOf" for s, p, o in fs), sorted(fs)


def test_extract_rules_an_office_holder_a_visitor_met_abroad_serves_the_host_state() -> None:
    TEXTS["met-abroad-1980"] = ("1980-11-11", """Talks

Kenyan President Daniel Mwangi arrived in Addis Ababa on Sunday. There he held long talks with Prime Minister Tesfaye Bekele. On Monday he met Foreign Minister Alemu Tadesse in Addis Ababa.""")
    fs = facts("met-abroad-1980")
    assert ("person/tesfaye-bekele", "leaderOf", "state/ethiopia") in fs, sorted(fs)
    assert ("person/alemu-tadesse", "officialOf", "state/ethiopia") in fs, sorted(fs)
    assert ("person/alemu-tadesse", "officialOf", "state/kenya") not in fs, sorted(fs)


def test_extract_rules_leaders_included_names_with_their_states() -> None:
    TEXTS["leaders-included-2007"] = ("2007-12-09", """Summit

Leaders included French President Nicolas Sarkozy, Zambia's Daniel Mwangi and Ghana's Kofi Mensah.""")
    fs = facts("leaders-included-2007")
    assert ("person/daniel-mwangi", "leaderOf", "state/zambia") in fs, sorted(fs)
    assert ("person/kofi-mensah", "leaderOf", "state/ghana") in fs, sorted(fs)


def test_extract_rules_a_revised_version_of_an_older_treaty_replaces_it() -> None:
    TEXTS["revised-version-2004"] = ("2004-03-12", """Border pact renewed

KATHMANDU, March 12 - Nepal and Bhutan signed the Nepal-Bhutan Transit Treaty on Thursday. The treaty was signed at the foreign ministry by the two foreign ministers. This document is an updated version of the 1972 Nepal-Bhutan treaty signed in Thimphu on May 4 that year.""")
    fs = facts("revised-version-2004")
    old = {s for s, p, o in fs if p == "signedOn" and o == "1972-05-04"}
    assert len(old) == 1, sorted(fs)
    (o72,) = old
    assert ("treaty/nepal-bhutan-transit-treaty", "replaces", o72) in fs, sorted(fs)
    assert ("treaty/nepal-bhutan-transit-treaty", "signedOn", "1972-05-04") not in fs, sorted(fs)


def test_extract_rules_a_hosted_summit_whose_next_sentence_lists_leaders_attending_gathers_them() -> None:
    TEXTS["attending-were-2019"] = ("2019-02-14", """WEST AFRICA BRIEFING | Thursday 14 February 2019

1. Buhari gathers the region

Nigerian President Muhammadu Buhari on Wednesday hosted a regional summit at the State House in Abuja, the first since the elections. Attending were Ghana's Nana Akufo-Addo, Senegal's Macky Sall, Niger's Mahamadou Issoufou and Togo's Faure Gnassingbe.""")
    ss = summits("attending-were-2019")
    big = [v for v in ss.values() if len(v["participant"]) >= 5]
    assert len(big) == 1, ss
    assert {"person/macky-sall", "person/muhammadu-buhari"} <= big[0]["participant"], ss
    assert big[0].get("location") == {"place/abuja"} and big[0].get("startDate") == {"2019-02-13"}, ss


def test_extract_rules_a_gathering_told_by_its_opening_day_starts_then() -> None:
    TEXTS["opened-on-1981"] = ("1981-11-26", """FEZ, Morocco, Nov. 26 - Arab heads of state meeting in the city today put off a vote on the peace plan.

The conference, which opened on Monday, has brought together leaders of most Arab League states. Among those present are King Hussein of Jordan, President Chadli Bendjedid of Algeria and Syria's Hafez Assad.""")
    ss = [v for v in summits("opened-on-1981").values() if len(v["participant"]) >= 3]
    assert len(ss) == 1, summits("opened-on-1981")
    assert ss[0].get("startDate") == {"1981-11-23"} and ss[0].get("location") == {"place/fez"}, ss


def test_extract_rules_a_summit_closed_by_an_act_ran_the_days_it_counts_to_that_day() -> None:
    TEXTS["closing-summit-1990"] = ("1990-11-21", """PARIS, Nov. 21 - Leaders of 34 nations signed the Charter of Paris today, closing a three-day summit.

One after another, President George Bush of the United States, President Mikhail Gorbachev of the Soviet Union and Chancellor Helmut Kohl of Germany put their names to the document.""")
    ss = [v for v in summits("closing-summit-1990").values() if len(v["participant"]) >= 3]
    assert len(ss) == 1, summits("closing-summit-1990")
    assert ss[0].get("startDate") == {"1990-11-19"} and ss[0].get("endDate") == {"1990-11-21"}, ss


# --- fifteenth round: fresh sentences for each rule ---------------------------------------------
def test_extract_rules_a_traveller_who_arrived_and_signed_is_a_signer_of_his_state() -> None:
    TEXTS["r15-arrived-signed-2025"] = ("2025-03-06", """Customs accord

NIAMEY, March 6 (Wire) - Burkina Faso's foreign minister, Karamoko Traore, is touring the region this week. Traore arrived on Wednesday and signed a customs accord with Niger.""")
    fs = facts("r15-arrived-signed-2025")
    t = {s for s, p, o in fs if p == "party" and o == "state/niger"}
    assert len(t) == 1, sorted(fs)
    (key,) = t
    assert (key, "party", "state/burkina-faso") in fs and (key, "signatory", "person/karamoko-traore") in fs, sorted(fs)


def test_extract_rules_a_name_set_off_by_commas_after_a_capitalised_title() -> None:
    TEXTS["r15-comma-title-2024"] = ("2024-08-15", """Base deal

PORT MORESBY, Aug 15 (Wire) - The US envoy signed a base accord on Wednesday with Papua New Guinea's Police Minister, Kepa Bakri Dimi, officials said.""")
    assert has("r15-comma-title-2024", "person/kepa-bakri-dimi", "officialOf", "state/papua-new-guinea"), sorted(facts("r15-comma-title-2024"))


def test_extract_rules_a_first_treaty_signed_is_a_treaty() -> None:
    TEXTS["r15-first-accord-1975"] = ("1975-09-02", """Gulf ties

Oman and Iran signed their first trade agreement in August, officials in Muscat said. It was the first such pact between two states of the Gulf.""")
    fs = facts("r15-first-accord-1975")
    t = {s for s, p, o in fs if p == "party" and o == "state/oman"}
    assert len(t) == 1, sorted(fs)
    (key,) = t
    assert (key, "party", "state/iran") in fs and (key, "signedOn", "1975-08") in fs, sorted(fs)
    assert "first" not in run("r15-first-accord-1975").entities[key].label.lower()


def test_extract_rules_agreements_with_several_counterparts_are_one_treaty_each() -> None:
    TEXTS["r15-counterparts-2019"] = ("2019-06-21", """Trade week

ASTANA, June 21 (Wire) - Kazakh President Kassym-Jomart Tokayev signed transit agreements with President Shavkat Mirziyoyev of Uzbekistan and President Sooronbay Jeenbekov of Kyrgyzstan on Thursday. Poland and Lithuania signed agreements with Latvia and Estonia last year.""")
    fs = facts("r15-counterparts-2019")
    kz = {s for s, p, o in fs if p == "party" and o == "state/kazakhstan"}
    assert len(kz) == 2, sorted(fs)
    for key in kz:
        parties = {o for s, p, o in fs if s == key and p == "party"}
        signers = {o for s, p, o in fs if s == key and p == "signatory"}
        assert len(parties) == 2 and "person/kassym-jomart-tokayev" in signers and len(signers) == 2, (key, sorted(fs))
        assert (key, "signedOn", "2019-06-20") in fs and (key, "signedAt", "place/astana") in fs, sorted(fs)
    # two signers, two counterparts: who signed with whom is not told
    assert not any(p == "party" and o == "state/poland" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_agreement_with_another_state_is_another_treaty() -> None:
    TEXTS["r15-with-another-2023"] = ("2023-05-12", """Security pacts

VILNIUS, May 12 (Wire) - Lithuania signed a defence agreement with Norway on Friday. The agreement with Sweden was signed on Wednesday.""")
    fs = facts("r15-with-another-2023")
    se = {s for s, p, o in fs if p == "party" and o == "state/sweden"}
    no = {s for s, p, o in fs if p == "party" and o == "state/norway"}
    assert len(se) == 1 and len(no) == 1 and se != no, sorted(fs)
    (key,) = se
    assert (key, "party", "state/lithuania") in fs and (key, "signedOn", "2023-05-10") in fs, sorted(fs)
    assert (next(iter(no)), "signedOn", "2023-05-10") not in fs, sorted(fs)


def test_extract_rules_a_summit_of_an_organisation_is_named_after_it_and_held_where_the_journey_went() -> None:
    TEXTS["r15-of-the-union-2022"] = ("2022-02-07", """Continental gathering

Senegalese President Macky Sall flew to Addis Ababa on Saturday for the summit of the African Union. The summit of the African Union closed on Sunday, Ethiopian Prime Minister Abiy Ahmed said.""")
    ss = summits("r15-of-the-union-2022")
    au = [k for k, v in ss.items() if "person/macky-sall" in v["participant"]]
    assert len(au) == 1, ss
    assert ss[au[0]].get("location") == {"place/addis-ababa"} and ss[au[0]].get("startDate") == {"2022-02-05"}, ss
    assert any("African Union summit" in e.label for e in run("r15-of-the-union-2022").entities.values()
               if e.key == au[0]), ss


def test_extract_rules_a_dateline_town_with_a_hyphen() -> None:
    TEXTS["r15-hyphen-dateline-2010"] = ("2010-03-18", """Donors meet

PORT-AU-PRINCE, March 18 (Wire) - Dominican President Leonel Fernandez and Haitian President Rene Preval signed a border trade accord here on Wednesday.""")
    assert has("r15-hyphen-dateline-2010", "treaty/", "signedAt", "place/port-au-prince"), sorted(facts("r15-hyphen-dateline-2010"))


def test_extract_rules_a_treaty_named_by_its_two_states_when_signed() -> None:
    TEXTS["r15-states-name-2016"] = ("2016-11-04", """Pacific pact

Tongan Prime Minister Akilisi Pohiva and Fijian Prime Minister Frank Bainimarama on Thursday signed the Fiji-Tonga Treaty at a ceremony in Suva. The Fiji-Tonga Treaty covers fisheries.""")
    fs = facts("r15-states-name-2016")
    assert {("treaty/fiji-tonga-treaty", "party", "state/fiji"), ("treaty/fiji-tonga-treaty", "party", "state/tonga"),
            ("treaty/fiji-tonga-treaty", "signatory", "person/frank-bainimarama")} <= fs, sorted(fs)


def test_extract_rules_an_office_in_apposition_after_a_hyphenated_adjective() -> None:
    TEXTS["r15-long-serving-2009"] = ("2009-04-14", """Water talks

Kazakh Premier Arman Seitkali held talks in Bishkek with Almaz Dzhumabaev, Kyrgyzstan's long-serving leader; both men then signed a water treaty on Monday.""")
    fs = facts("r15-long-serving-2009")
    assert ("person/almaz-dzhumabaev", "leaderOf", "state/kyrgyzstan") in fs, sorted(fs)
    assert has("r15-long-serving-2009", "treaty/", "signatory", "person/almaz-dzhumabaev"), sorted(fs)


def test_extract_rules_flying_home_is_no_visit_and_the_emperor_points_back() -> None:
    TEXTS["r15-emperor-2017"] = ("2017-03-07", """Royal tour ends

HANOI, March 7 (Wire) - Emperor Naruhito flew home to Tokyo on Monday after a week abroad. The emperor and the empress arrived in Hanoi last Tuesday.""")
    fs = facts("r15-emperor-2017")
    assert not any(p == "destination" and o == "place/tokyo" for s, p, o in fs), sorted(fs)
    assert any(p == "destination" and o == "place/hanoi" for s, p, o in fs), sorted(fs)
    assert any(p == "visitor" and o == "person/naruhito" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_pact_that_commits_states_to_act_has_them_as_parties() -> None:
    TEXTS["r15-commits-1991"] = ("1991-03-27", """Southern market

ASUNCION, March 27 (Wire) - Four foreign ministers signed the Treaty of the Southern Cone Market on Tuesday. The treaty commits Argentina, Brazil, Paraguay and Uruguay to remove tariffs on trade between them by 1995.""")
    fs = facts("r15-commits-1991")
    parties = {o for s, p, o in fs if p == "party"}
    assert {"state/argentina", "state/brazil", "state/paraguay", "state/uruguay"} <= parties, sorted(fs)


def test_extract_rules_former_republics_a_treaty_is_open_to_are_no_parties() -> None:
    TEXTS["r15-open-to-1992"] = ("1992-02-11", """Regional body

MINSK, Feb 11 (Wire) - Belarus and Ukraine signed the Charter of the Dnieper Council on Monday, a forum open to any former Soviet republic on the river.""")
    fs = facts("r15-open-to-1992")
    assert {o for s, p, o in fs if p == "party"} == {"state/belarus", "state/ukraine"}, sorted(fs)


def test_extract_rules_a_title_cased_name_with_establishing_and_a_signing_in_a_where_clause() -> None:
    TEXTS["r15-where-signed-2019"] = ("2019-07-13", """THE WEEK IN WEST AFRICA
Saturday, 13 July 2019

The main event came on Monday in the Nigerien capital, where the region's customs chiefs signed the Protocol Establishing the Sahel Customs Union at a meeting of the bloc.""")
    fs = facts("r15-where-signed-2019")
    key = "treaty/protocol-establishing-the-sahel-customs-union"
    assert (key, "signedOn", "2019-07-08") in fs and (key, "signedAt", "place/niamey") in fs, sorted(fs)


def test_extract_rules_a_signer_for_a_state_with_no_treaty_at_hand_signed_the_one_told_before() -> None:
    TEXTS["r15-loose-signers-2016"] = ("2016-05-14", """REGIONAL ROUNDUP
Saturday, 14 May 2016

On Thursday in Lusaka, the SADC energy ministers signed the Southern Power Pool Treaty at the close of their meeting.

Zambian Energy Minister Dora Siliya played host and signed for Zambia. Malawi's energy minister, Bright Msaka, signed for Malawi.

On Friday the Zambian and Malawian presidents signed a grid interconnection agreement.""")
    fs = facts("r15-loose-signers-2016")
    key = "treaty/southern-power-pool-treaty"
    assert (key, "signatory", "person/bright-msaka") in fs and (key, "party", "state/malawi") in fs, sorted(fs)


def test_extract_rules_a_later_bare_month_takes_the_year_the_paragraph_told() -> None:
    TEXTS["r15-later-month-1988"] = ("1988-02-03", """A statesman remembered

His Asian diplomacy began early. On March 12, 1957, Indonesia and Burma signed a fisheries pact in Rangoon. Premier U Nu flew to Jakarta that May; in September President Sukarno returned the visit, travelling to Rangoon.

In March, aides said, his health failed.""")
    fs = facts("r15-later-month-1988")
    v = {s for s, p, o in fs if p == "visitor" and o == "person/sukarno"}
    assert len(v) == 1 and (next(iter(v)), "startDate", "1957-09") in fs, sorted(fs)


def test_extract_rules_leaders_who_flew_in_for_a_gathering_visited_where_it_was_held() -> None:
    TEXTS["r15-among-those-2013"] = ("2013-05-26", """Union turns fifty

ADDIS ABABA, May 26 (Wire) - The jubilee summit opened in the Ethiopian capital on Saturday. Among the leaders who flew in for the summit were Kenya's President Uhuru Kenyatta, Nigerian President Goodluck Jonathan and Ghana's John Mahama.""")
    fs = facts("r15-among-those-2013")
    for who in ("person/uhuru-kenyatta", "person/goodluck-jonathan", "person/john-mahama"):
        v = {s for s, p, o in fs if p == "visitor" and o == who}
        assert len(v) == 1, (who, sorted(fs))
        (key,) = v
        assert (key, "destination", "place/addis-ababa") in fs and (key, "startDate", "2013-05-25") in fs, sorted(fs)


def test_extract_rules_around_the_table_seats_leaders_at_the_gathering_just_told() -> None:
    TEXTS["r15-around-table-2019"] = ("2019-11-19", """Port summit

MOMBASA, Kenya, Nov 19 (Wire) - Kenyan President Uhuru Kenyatta opened the regional ports summit in Mombasa on Tuesday. Around the table with him: Rwanda's President Paul Kagame, Uganda's Yoweri Museveni and South Sudan's Salva Kiir.""")
    ss = summits("r15-around-table-2019")
    big = [v for v in ss.values() if len(v["participant"]) >= 4]
    assert len(big) == 1, ss
    assert {"person/paul-kagame", "person/yoweri-museveni", "person/uhuru-kenyatta"} <= big[0]["participant"], ss


def test_extract_rules_travelling_for_the_signing_dates_the_visit_by_it() -> None:
    TEXTS["r15-for-the-signing-2012"] = ("2012-06-08", """Lake deal

GENEVA, June 8 (Wire) - The foreign ministers of Malawi and Tanzania signed a lake boundary accord in Geneva on Thursday. Both ministers, Ephraim Chiume of Malawi and Bernard Membe of Tanzania, travelled to Geneva for the signing.""")
    fs = facts("r15-for-the-signing-2012")
    v = {s for s, p, o in fs if p == "visitor" and o == "person/bernard-membe"}
    assert len(v) == 1 and (next(iter(v)), "startDate", "2012-06-07") in fs, sorted(fs)


def test_extract_rules_a_two_letter_surname_the_ner_misses_is_the_person_named() -> None:
    TEXTS["r16-two-letters-2019"] = ("2019-04-02", """Pacific swing

Chinese President Xi Jinping arrived in Suva on Thursday.

Xi flew on to Port Vila on Sunday, starting a state visit to Vanuatu.""")
    fs = facts("r16-two-letters-2019")
    dests = {o for s, p, o in fs if p == "destination" and (s, "visitor", "person/xi-jinping") in fs}
    assert {"place/suva", "place/port-vila"} <= dests, sorted(fs)


def test_extract_rules_a_short_paragraph_of_wire_copy_is_no_headline() -> None:
    TEXTS["r16-short-paragraph-2019"] = ("2019-04-02", """Pacific swing

Russian President Vladimir Putin arrived in Astana on Thursday.

Putin flew on to Minsk on Sunday.""")
    fs = facts("r16-short-paragraph-2019")
    assert any(p == "destination" and o == "place/minsk" for s, p, o in fs), sorted(fs)


def test_extract_rules_an_ordinal_day_takes_the_month_its_sentence_told() -> None:
    TEXTS["r16-ordinal-day-2021"] = ("2021-05-20", """Old friends

Relations thawed slowly. In October 1986 Algerian President Chadli Bendjedid flew to Tunis, and on the 22nd he and President Habib Bourguiba held talks at Carthage.""")
    fs = facts("r16-ordinal-day-2021")
    assert any(p == "startDate" and o == "1986-10-22" for s, p, o in fs), sorted(fs)
    assert not any(o == "2021-05-22" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_place_in_a_clause_on_another_noun_is_not_where_leaders_met() -> None:
    TEXTS["r16-clause-place-2008"] = ("2008-09-12", """Border talks

Ghana's President John Kufuor and Togolese President Faure Gnassingbe met on Thursday to revive the 1999 border pact, which was signed in Lome by their predecessors.""")
    ss = summits("r16-clause-place-2008")
    both = [v for v in ss.values() if {"person/john-kufuor", "person/faure-gnassingbe"} <= v["participant"]]
    assert len(both) == 1 and not both[0].get("location"), ss


def test_extract_rules_had_been_in_a_foreign_city_for_talks_is_a_visit() -> None:
    TEXTS["r16-had-been-2019"] = ("2019-06-30", """Gulf tour

Pakistani Prime Minister Imran Khan had been in Doha on Saturday for talks with the emir before heading home.""")
    fs = facts("r16-had-been-2019")
    v = {s for s, p, o in fs if p == "visitor" and o == "person/imran-khan"}
    assert len(v) == 1 and (next(iter(v)), "destination", "place/doha") in fs, sorted(fs)


def test_extract_rules_one_leader_opening_a_meeting_of_state_delegations_is_no_summit() -> None:
    TEXTS["r16-delegations-2017"] = ("2017-10-05", """Fisheries

SUVA, Oct 5 (Wire) - Fisheries officials from Fiji, Samoa, Tonga and Vanuatu met in Suva on Wednesday to share catch data. The meeting was opened by Fiji's Prime Minister Frank Bainimarama, who urged the officials to act quickly.""")
    assert not summits("r16-delegations-2017")


def test_extract_rules_a_sea_naming_a_towns_kind_is_not_where_leaders_met() -> None:
    TEXTS["r16-sea-resort-2021"] = ("2021-09-30", """Talks by the sea

Turkish President Recep Tayyip Erdogan and Vladimir Putin of Russia sat down on Wednesday in the Black Sea resort of Sochi, their first face-to-face talks this year.""")
    ss = summits("r16-sea-resort-2021")
    both = [v for v in ss.values() if {"person/recep-tayyip-erdogan", "person/vladimir-putin"} <= v["participant"]]
    assert len(both) == 1 and both[0].get("location") == {"place/sochi"}, ss


def test_extract_rules_flying_in_for_the_gathering_and_as_did_go_where_it_is_held() -> None:
    TEXTS["r16-as-did-2022"] = ("2022-06-25", """Commonwealth week

Commonwealth heads of government gathered on Friday in Kigali for their first summit in four years. Canada's Prime Minister Justin Trudeau flew in for the summit, as did Jamaican Prime Minister Andrew Holness and New Zealand's Jacinda Ardern.""")
    fs = facts("r16-as-did-2022")
    for who in ("person/justin-trudeau", "person/andrew-holness", "person/jacinda-ardern"):
        v = {s for s, p, o in fs if p == "visitor" and o == who}
        assert len(v) == 1 and (next(iter(v)), "destination", "place/kigali") in fs, (who, sorted(fs))


def test_extract_rules_two_leaders_talks_during_a_named_gathering_of_several_days_are_their_own_meeting() -> None:
    TEXTS["r17-margins-2016"] = ("2016-09-10", """Lakeside week

Leaders of the Pacific Alliance met in Puerto Varas from Wednesday to Friday under the chairmanship of Chilean President Michelle Bachelet. Colombia's Juan Manuel Santos and Mexican President Enrique Pena Nieto held talks on Thursday about coffee tariffs.""")
    ss = summits("r17-margins-2016")
    pair = {"person/juan-manuel-santos", "person/enrique-pena-nieto"}
    own = [v for v in ss.values() if v["participant"] == pair]
    assert len(own) == 1 and own[0].get("startDate") == {"2016-09-08"}, ss
    assert not any(pair & v["participant"] for v in ss.values() if "person/michelle-bachelet" in v["participant"]), ss


def test_extract_rules_the_following_month_is_the_first_such_month_after_the_date_told() -> None:
    TEXTS["r17-following-month-2015"] = ("2015-02-01", """Neighbours

On 9 October 1991 Hungarian Prime Minister Jozsef Antall received Vaclav Havel in Budapest. Havel paid a second visit to Hungary the following May.

The two met in Bratislava in August 1993. Antall flew to Prague the next March.""")
    fs = facts("r17-following-month-2015")
    havel = {s for s, p, o in fs if p == "visitor" and o == "person/vaclav-havel"}
    antall = {s for s, p, o in fs if p == "visitor" and o == "person/jozsef-antall"}
    assert any((v, "startDate", "1992-05") in fs for v in havel), sorted(fs)
    assert any((v, "startDate", "1994-03") in fs for v in antall), sorted(fs)


def test_extract_rules_that_same_month_is_of_the_year_told() -> None:
    TEXTS["r17-that-same-2016"] = ("2016-03-01", """A busy spring

Chilean President Patricio Aylwin spent much of 1991 abroad. That same April he flew to Caracas for talks with Carlos Andres Perez.""")
    fs = facts("r17-that-same-2016")
    v = {s for s, p, o in fs if p == "visitor" and o == "person/patricio-aylwin"}
    assert len(v) == 1 and (next(iter(v)), "startDate", "1991-04") in fs, sorted(fs)
    assert not any(o.startswith("2016-04") for s, p, o in fs), sorted(fs)


def test_extract_rules_each_leg_of_a_journey_has_its_own_meeting() -> None:
    TEXTS["r17-two-legs-2019"] = ("2019-03-15", """Shuttle diplomacy

LISBON, March 15 — Portuguese Prime Minister Antonio Costa flew to Madrid on Tuesday for talks with Pedro Sanchez and travelled on to Rabat the next morning to meet King Mohammed VI of Morocco.""")
    ss = summits("r17-two-legs-2019")
    costa = "person/antonio-costa"
    with_sanchez = [v for v in ss.values() if v["participant"] == {costa, "person/pedro-sanchez"}]
    with_king = [v for v in ss.values() if v["participant"] == {costa, "person/mohammed-vi"}]
    assert len(with_sanchez) == 1 and with_sanchez[0].get("location") == {"place/madrid"}, ss
    assert len(with_king) == 1 and with_king[0].get("location") == {"place/rabat"}, ss


def test_extract_rules_going_somewhere_to_see_a_leader_is_a_meeting_there() -> None:
    TEXTS["r17-to-see-2022"] = ("2022-10-14", """Nordic round

OSLO, Oct 14 — Norwegian Prime Minister Jonas Gahr Store drove to Stockholm on Monday and went on to Helsinki the next day to see Sanna Marin. Store also went to Tallinn to see the old town.""")
    ss = summits("r17-to-see-2022")
    met = [v for v in ss.values() if v["participant"] == {"person/jonas-gahr-store", "person/sanna-marin"}]
    assert len(met) == 1 and met[0].get("location") == {"place/helsinki"}, ss
    assert len(ss) == 1, ss


def test_extract_rules_a_coordinated_meeting_verb_tells_a_meeting_of_its_own() -> None:
    TEXTS["r17-later-sat-2017"] = ("2017-11-12", """Lakeside diplomacy

DA NANG, Nov 12 — Japanese Prime Minister Shinzo Abe held talks with Justin Trudeau on Friday and afterwards sat down with Chilean President Michelle Bachelet.""")
    ss = summits("r17-later-sat-2017")
    abe = "person/shinzo-abe"
    assert any(v["participant"] == {abe, "person/justin-trudeau"} for v in ss.values()), ss
    assert any(v["participant"] == {abe, "person/michelle-bachelet"} for v in ss.values()), ss
    assert not any(len(v["participant"]) > 2 for v in ss.values()), ss


def test_extract_rules_the_convention_of_another_year_signed_in_its_own_sentence_is_another_document() -> None:
    TEXTS["r17-other-convention-2021"] = ("2021-11-04", """River accord

ASUNCION, Nov 4 — Paraguayan President Mario Abdo Benitez and his Bolivian counterpart, Luis Arce, signed the Pilcomayo Water Sharing Agreement on Thursday.

The agreement builds on older work. In 1995, in La Paz, Argentina, Bolivia and Paraguay concluded the convention setting up a joint commission for the river basin.""")
    fs = facts("r17-other-convention-2021")
    older = {s for s, p, o in fs if p == "signedOn" and o == "1995"}
    assert len(older) == 1, sorted(fs)
    key = next(iter(older))
    assert {o for s, p, o in fs if s == key and p == "party"} == {"state/argentina", "state/bolivia", "state/paraguay"}, sorted(fs)
    assert not any(p == "signedOn" and o == "1995" for s, p, o in fs if s != key), sorted(fs)


def test_extract_rules_he_after_a_sentence_about_someones_policy_is_that_someone() -> None:
    TEXTS["r17-possessor-topic-2012"] = ("2012-05-20", """An obituary

Ghanaian President John Atta Mills's foreign policy leaned on his neighbours. In March 2010 he paid a state visit to Nigeria.

Chilean President Sebastian Pinera's envoy arrived in Accra that week. He met officials.""")
    fs = facts("r17-possessor-topic-2012")
    v = {s for s, p, o in fs if p == "visitor" and o == "person/john-atta-mills"}
    assert len(v) == 1 and (next(iter(v)), "destination", "state/nigeria") in fs, sorted(fs)
    assert not any(p == "visitor" and o == "person/sebastian-pinera" for s, p, o in fs), sorted(fs)


def test_extract_rules_those_listed_as_having_come_travelled_to_the_gathering_told_before() -> None:
    TEXTS["r17-among-came-2016"] = ("2016-07-25", """Island summit

Pacific leaders gathered in Pohnpei on Monday for a summit on fishing rights, hosted by Micronesian President Peter Christian. Among the leaders who flew in were Palau's President Tommy Remengesau and Nauru's President Baron Waqa. Among those who stayed home was Fijian Prime Minister Frank Bainimarama.""")
    fs = facts("r17-among-came-2016")
    for who in ("person/tommy-remengesau", "person/baron-waqa"):
        v = {s for s, p, o in fs if p == "visitor" and o == who}
        assert len(v) == 1 and (next(iter(v)), "destination", "place/pohnpei") in fs, (who, sorted(fs))
    assert not any(p == "visitor" and o in ("person/frank-bainimarama", "person/peter-christian") for s, p, o in fs), sorted(fs)
    assert not any(p == "participant" and o == "person/frank-bainimarama" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_treaty_name_joining_two_places_with_an_en_dash_is_one_name() -> None:
    TEXTS["r17-en-dash-2019"] = ("2019-11-20", """Rail deal

The Agreement on the Kunming–Vientiane Railway Corridor was signed by China and Laos in Vientiane on Tuesday.""")
    fs = facts("r17-en-dash-2019")
    names = {s for s, p, o in fs if p == "signedAt" and o == "place/vientiane"}
    assert len(names) == 1 and "corridor" in next(iter(names)), sorted(fs)


def test_extract_rules_there_at_the_start_of_a_sentence_is_the_place_the_sentence_before_named() -> None:
    TEXTS["r17-there-2018"] = ("2018-09-21", """Peninsula week

KIGALI, Sept 21 — Paul Kagame's return to Kigali followed two days in Arusha. There, on Wednesday, the Rwandan president and Tanzanian President John Magufuli signed a border accord.""")
    fs = facts("r17-there-2018")
    assert any(p == "signedAt" and o == "place/arusha" for s, p, o in fs), sorted(fs)
    assert not any(p == "signedAt" and o == "place/kigali" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_rank_of_a_gathering_is_no_day() -> None:
    TEXTS["r17-rank-2024"] = ("2024-07-09", """Annual talks

LISBON, July 9 — Spanish Prime Minister Pedro Sanchez and Luis Montenegro of Portugal were in Lisbon on Tuesday. Formal talks have opened at the 12th Spain–Portugal annual summit.""")
    fs = facts("r17-rank-2024")
    assert not any(o == "2024-06-12" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_subject_of_a_chain_of_verbs_meets_at_its_end() -> None:
    TEXTS["r17-chain-2024"] = ("2024-03-02", """Andean week

Chilean President Gabriel Boric dropped his earlier plans, flew to Quito and met Daniel Noboa on Friday.""")
    ss = summits("r17-chain-2024")
    assert any(v["participant"] == {"person/gabriel-boric", "person/daniel-noboa"} for v in ss.values()), ss


def test_extract_rules_leaders_who_spent_hours_together_met() -> None:
    TEXTS["r17-together-2019"] = ("2016-12-15", """Border day

NAGATO, Dec 15 — Japanese Prime Minister Shinzo Abe and Vladimir Putin of Russia spent nearly three hours together on Thursday at a hot-spring inn in Nagato. Abe and his aides spent the morning in Tokyo.""")
    ss = summits("r17-together-2019")
    assert any(v["participant"] == {"person/shinzo-abe", "person/vladimir-putin"} for v in ss.values()), ss
    assert not any(len(v["participant"]) < 2 for v in ss.values()), ss


def test_extract_rules_a_pronoun_before_a_semicolon_goes_on_from_the_sentences_before() -> None:
    TEXTS["r18-semicolon-2005"] = ("2005-02-01", """Regional ties

South African President Thabo Mbeki set out early to mend fences with the neighbours. In July 2001 he flew to Lusaka and met Frederick Chiluba; during that stay the two trade ministers, Alec Erwin and Dipak Patel, signed a customs accord.""")
    fs = facts("r18-semicolon-2005")
    mbeki = {s for s, p, o in fs if p == "visitor" and o == "person/thabo-mbeki"}
    assert any((v, "destination", "place/lusaka") in fs for v in mbeki), sorted(fs)
    assert not any(p == "visitor" and o in ("person/alec-erwin", "person/dipak-patel") for s, p, o in fs), sorted(fs)
    ss = summits("r18-semicolon-2005")
    assert any(v["participant"] == {"person/thabo-mbeki", "person/frederick-chiluba"} for v in ss.values()), ss


def test_extract_rules_late_before_a_month_is_no_late_person() -> None:
    TEXTS["r18-late-month-2010"] = ("2010-06-01", """A long rule

Daniel arap Moi kept Kenya close to its neighbours. In late March 1995 he flew to Kampala and held talks with Yoweri Museveni.""")
    ss = summits("r18-late-month-2010")
    assert any(v["participant"] == {"person/daniel-arap-moi", "person/yoweri-museveni"} for v in ss.values()), ss
    assert has("r18-late-month-2010", "person/daniel-arap-moi", "leaderOf", "state/kenya")


def test_extract_rules_a_label_before_a_headline_leaves_its_verb_the_headline_s() -> None:
    TEXTS["r18-kicker-2023"] = ("2023-06-09", """LIVE UPDATES: Lourenco hosts Tshisekedi and Ruto in Luanda

Angolan President Joao Lourenco, Felix Tshisekedi of Congo and Kenya's William Ruto are meeting in the Angolan capital.""")
    fs = facts("r18-kicker-2023")
    ss = summits("r18-kicker-2023")
    trio = {"person/joao-lourenco", "person/felix-tshisekedi", "person/william-ruto"}
    assert any(v["participant"] == trio for v in ss.values()), ss
    assert not any(s.startswith("plan/") for s, p, o in fs), sorted(fs)


def test_extract_rules_welcoming_two_titled_guests_welcomes_both() -> None:
    TEXTS["r18-two-guests-2019"] = ("2019-11-30", """Coastal summit

ACCRA, Nov 30 — President Nana Akufo-Addo welcomed Togolese President Faure Gnassingbe and Ivorian President Alassane Ouattara to Accra on Friday.""")
    fs = facts("r18-two-guests-2019")
    for who in ("person/faure-gnassingbe", "person/alassane-ouattara"):
        v = {s for s, p, o in fs if p == "visitor" and o == who}
        assert len(v) == 1 and (next(iter(v)), "startDate", "2019-11-29") in fs, (who, sorted(fs))


def test_extract_rules_those_taking_part_join_the_gathering_just_told() -> None:
    TEXTS["r18-taking-part-2022"] = ("2022-11-24", """Great Lakes week

The week began with trade talks in Nairobi between Kenyan and Ugandan officials.

Fuel prices rose again across the region, and central banks in Kampala and Dar es Salaam held rates.

On Wednesday Angolan President Joao Lourenco hosted a regional summit in Luanda on the fighting in eastern Congo. Taking part were Congolese President Felix Tshisekedi and Burundi's Evariste Ndayishimiye.""")
    ss = summits("r18-taking-part-2022")
    with_host = [v for v in ss.values() if "person/joao-lourenco" in v["participant"]]
    assert len(with_host) == 1, ss
    assert {"person/felix-tshisekedi", "person/evariste-ndayishimiye"} <= with_host[0]["participant"], ss
    assert len(ss) == 1, ss


def test_extract_rules_one_for_whom_another_stood_was_not_there() -> None:
    TEXTS["r18-on-behalf-2017"] = ("2017-04-10", """Regional meeting

Southern African leaders met in Gaborone on Tuesday. The talks were chaired by Vice-President Mokgweetsi Masisi on behalf of President Ian Khama, with Zambia's Edgar Lungu and Namibian President Hage Geingob. Zimbabwe was represented by a minister rather than by President Robert Mugabe.""")
    ss = summits("r18-on-behalf-2017")
    people = set().union(*(v["participant"] for v in ss.values())) if ss else set()
    assert {"person/edgar-lungu", "person/hage-geingob"} <= people, ss
    assert not people & {"person/ian-khama", "person/robert-mugabe"}, ss


def test_extract_rules_both_men_are_the_two_named_before() -> None:
    TEXTS["r18-both-men-2013"] = ("2013-06-30", """Water deal

Prime Minister Viktor Orban of Hungary and Slovakia's Prime Minister Robert Fico signed the accord on Wednesday. Both men had flown to Brussels the evening before.""")
    fs = facts("r18-both-men-2013")
    for who in ("person/viktor-orban", "person/robert-fico"):
        assert any(p == "visitor" and o == who for s, p, o in fs), (who, sorted(fs))


def test_extract_rules_the_owner_of_the_house_of_a_signing_hosts_it_and_signs_nothing() -> None:
    TEXTS["r18-residence-2008"] = ("2008-05-16", """Rivers pact

The Czech Republic and Slovakia signed a treaty on shared rivers in Rome on Friday. Prime Ministers Mirek Topolanek of the Czech Republic and Robert Fico of Slovakia signed the text in the Villa Madama, the residence of Italian Prime Minister Romano Prodi, who hosted the ceremony.""")
    fs = facts("r18-residence-2008")
    signers = {o for s, p, o in fs if p == "signatory"}
    assert signers == {"person/mirek-topolanek", "person/robert-fico"}, sorted(fs)
    ss = summits("r18-residence-2008")
    assert any("person/romano-prodi" in v["participant"] for v in ss.values()), ss


def test_extract_rules_a_town_the_gazetteer_lacks_lies_in_its_state_from_cities_tsv() -> None:
    TEXTS["r18-city-2018"] = ("2018-10-18", """Pacific trip

Japanese Prime Minister Shinzo Abe flew to Auckland on Wednesday for talks with New Zealand's Jacinda Ardern.""")
    fs = facts("r18-city-2018")
    assert any(p == "destination" and o == "place/auckland" for s, p, o in fs), sorted(fs)
    assert ("place/auckland", "locatedIn", "state/new-zealand") in {
        (f.subject, f.predicate, getattr(f.obj, "key", "")) for f in run("r18-city-2018").facts}, sorted(fs)


def test_extract_rules_one_due_somewhere_for_a_gathering_has_not_been_there_yet() -> None:
    TEXTS["r18-due-2001"] = ("2001-11-20", """Andean diary

Chilean President Ricardo Lagos is due in Lima tonight for a regional conference hosted by Peruvian President Alejandro Toledo and attended by Bolivia's Jorge Quiroga.""")
    assert not summits("r18-due-2001"), summits("r18-due-2001")


def test_extract_rules_a_summit_of_named_leaders_lists_the_leaders_not_their_states() -> None:
    TEXTS["r18-leaders-not-states-2023"] = ("2023-03-01", """Northern talks

The summit of Finland, Sweden and Norway in Oulu was held on Tuesday. Finnish President Sauli Niinisto hosted Swedish Prime Minister Ulf Kristersson and Norway's Jonas Gahr Store in the city.""")
    ss = summits("r18-leaders-not-states-2023")
    trio = {"person/sauli-niinisto", "person/ulf-kristersson", "person/jonas-gahr-store"}
    assert len(ss) == 1 and next(iter(ss.values()))["participant"] == trio, ss
    assert next(iter(ss.values())).get("location") == {"place/oulu"}, ss


def test_extract_rules_the_place_a_traveller_came_from_where_they_met_someone_was_visited() -> None:
    TEXTS["r18-came-from-2023"] = ("2023-05-13", """Southern tour

Kenyan President William Ruto landed in Lusaka on Friday. He came from Harare, where he and Emmerson Mnangagwa had opened a trade fair on Thursday.

Zambian President Hakainde Hichilema had flown in from Livingstone, where he had opened a bridge.""")
    fs = facts("r18-came-from-2023")
    ruto = {s for s, p, o in fs if p == "visitor" and o == "person/william-ruto"}
    harare = [v for v in ruto if (v, "destination", "place/harare") in fs]
    assert len(harare) == 1 and (harare[0], "startDate", "2023-05-11") in fs, sorted(fs)
    assert not any(p == "visitor" and o == "person/hakainde-hichilema" for s, p, o in fs), sorted(fs)


def test_extract_rules_he_of_a_sentence_about_something_else_goes_on_from_before_and_travels_on() -> None:
    TEXTS["r18-goes-on-2014"] = ("2014-10-20", """A regional tour

Susilo Bambang Yudhoyono led Indonesia for a decade. In April 2005 he set out on a tour of the region. Singapore was the first stop, and on 20 April he arrived in Manila to meet Gloria Arroyo. He travelled on to Hanoi and Vientiane.""")
    fs = facts("r18-goes-on-2014")
    sby = {s for s, p, o in fs if p == "visitor" and o == "person/susilo-bambang-yudhoyono"}
    where = {o: s for s, p, o in fs if p == "destination" and s in sby}
    assert {"place/manila", "place/hanoi", "place/vientiane"} <= set(where), sorted(fs)
    assert (where["place/manila"], "startDate", "2005-04-20") in fs, sorted(fs)
    assert (where["place/hanoi"], "startDate", "2005-04") in fs, sorted(fs)


def test_extract_rules_the_stops_of_a_tour_just_told_are_visits_in_its_month() -> None:
    TEXTS["r18-stops-2016"] = ("2016-01-10", """Southern trip

Japanese Prime Minister Shinzo Abe set off on a tour of Latin America in July 2014. Mexico was the first stop; Colombia and Chile followed.""")
    fs = facts("r18-stops-2016")
    abe = {s for s, p, o in fs if p == "visitor" and o == "person/shinzo-abe"}
    for state in ("state/mexico", "state/colombia", "state/chile"):
        v = [x for x in abe if (x, "destination", state) in fs]
        assert len(v) == 1 and (v[0], "startDate", "2014-07") in fs, (state, sorted(fs))


def test_extract_rules_i_in_a_statement_issued_by_a_leader_is_that_leader() -> None:
    TEXTS["r18-first-person-2019"] = ("2019-06-04", """OFFICE OF THE PRESIDENT
President Nana Akufo-Addo

PRESS STATEMENT

Accra, 4 June 2019

This afternoon I received President Macky Sall of Senegal at Jubilee House. After our talks, President Sall and I signed an agreement on fisheries. "I came to listen," Sall told reporters.""")
    fs = facts("r18-first-person-2019")
    assert {o for s, p, o in fs if p == "signatory"} == {"person/nana-akufo-addo", "person/macky-sall"}, sorted(fs)
    ss = summits("r18-first-person-2019")
    assert any(v["participant"] == {"person/nana-akufo-addo", "person/macky-sall"} for v in ss.values()), ss
    TEXTS["r18-byline-2019"] = ("2019-06-04", """Fisheries talks
By Kwame Mensah

ACCRA, June 4 — I watched President Nana Akufo-Addo receive Macky Sall of Senegal this afternoon.""")
    assert not any(o == "person/kwame-mensah" for s, p, o in facts("r18-byline-2019")), sorted(facts("r18-byline-2019"))


def test_extract_rules_the_honour_of_welcoming_a_guest_is_a_welcome() -> None:
    TEXTS["r18-honour-2016"] = ("2016-03-02", """Neighbours

Yesterday Kenyan President Uhuru Kenyatta had the honour of hosting Ugandan President Yoweri Museveni in Nairobi.""")
    fs = facts("r18-honour-2016")
    v = {s for s, p, o in fs if p == "visitor" and o == "person/yoweri-museveni"}
    assert len(v) == 1 and (next(iter(v)), "destination", "place/nairobi") in fs, sorted(fs)
    ss = summits("r18-honour-2016")
    assert any(x["participant"] == {"person/uhuru-kenyatta", "person/yoweri-museveni"} for x in ss.values()), ss


def test_extract_rules_a_visit_made_by_a_subject_named_in_apposition() -> None:
    TEXTS["r19-appos-visit-2022"] = ("2022-04-09", """Baltic tour

Poland's president, Andrzej Duda, paid an unexpected visit to Vilnius on Thursday.""")
    fs = facts("r19-appos-visit-2022")
    v = sole_subject(fs, "visitor", "person/andrzej-duda")
    assert {(v, "destination", "place/vilnius"), (v, "startDate", "2022-04-07")} <= fs, sorted(fs)


def test_extract_rules_a_bare_day_goes_on_in_the_year_of_the_story_told() -> None:
    TEXTS["r19-story-day-2021"] = ("2021-09-01", """Cold peace

Argentine President Raul Alfonsin and Brazilian President Jose Sarney first sat down together at Foz do Iguacu on 29 November 1985. The two leaders met again in Buenos Aires on 10 December.""")
    ss = summits("r19-story-day-2021")
    pair = {"person/raul-alfonsin", "person/jose-sarney"}
    dates = {d for v in ss.values() if v["participant"] == pair for d in v.get("startDate", ())}
    assert dates == {"1985-11-29", "1985-12-10"}, ss
    TEXTS["r19-story-para-2000"] = ("2000-06-10", """Obituary: a soldier in politics

The air force commander, Hafez al-Assad, was made president of Syria by a referendum in March 1971.

Weeks later he travelled to Cairo, and on 12 April he and Egyptian President Anwar Sadat signed a pact of unity.""")
    fs = facts("r19-story-para-2000")
    pact = sole_subject(fs, "signatory", "person/anwar-sadat")
    assert (pact, "signedOn", "1971-04-12") in fs, sorted(fs)
    # (news with an aside on the past: its own days stay in its own year)
    TEXTS["r19-aside-year-2019"] = ("2019-05-10", """Ports deal

RIGA, May 10 - Latvia and Lithuania signed a pact on shared ports on Thursday.

The neighbours first pledged to coordinate their harbours in a declaration of 14 March 1994.

Latvian Prime Minister Krisjanis Karins paid a visit to Vilnius on 20 April.""")
    fs = facts("r19-aside-year-2019")
    v = sole_subject(fs, "visitor", "person/krisjanis-karins")
    assert (v, "startDate", "2019-04-20") in fs, sorted(fs)


def test_extract_rules_calling_on_a_leader_at_the_end_of_a_journey_is_a_meeting() -> None:
    TEXTS["r19-call-on-2008"] = ("2008-05-20", """Asian swing

Indonesian President Susilo Bambang Yudhoyono flew to Hanoi on Sunday to call on Vietnamese President Nguyen Minh Triet.""")
    ss = summits("r19-call-on-2008")
    assert any(v["participant"] == {"person/susilo-bambang-yudhoyono", "person/nguyen-minh-triet"}
               and v.get("startDate") == {"2008-05-18"} for v in ss.values()), ss


def test_extract_rules_one_invited_or_praised_is_no_participant_of_talks() -> None:
    TEXTS["r19-invited-2019"] = ("2019-06-14", """Central Asian visit

Chinese President Xi Jinping held talks with Kyrgyz Prime Minister Mukhammedkaly Abylgaziev in Bishkek and invited Kazakh President Kassym-Jomart Tokayev to visit Beijing later this year.""")
    ss = summits("r19-invited-2019")
    assert any(v["participant"] == {"person/xi-jinping", "person/mukhammedkaly-abylgaziev"} for v in ss.values()), ss
    assert not any("person/kassym-jomart-tokayev" in v["participant"] for v in ss.values()), ss
    assert not any(v.get("startDate") == {"2019"} for v in ss.values()), ss   # (the visit's time, not the talks')


def test_extract_rules_leaders_who_talked_together_met() -> None:
    TEXTS["r19-talked-2017"] = ("2017-07-08", """Hamburg notes

Japanese Prime Minister Shinzo Abe and Chinese President Xi Jinping talked for forty minutes in Hamburg on Saturday. Later Abe talked with Turkish President Recep Tayyip Erdogan over coffee.""")
    ss = summits("r19-talked-2017")
    assert any(v["participant"] == {"person/shinzo-abe", "person/xi-jinping"} for v in ss.values()), ss
    assert any(v["participant"] == {"person/shinzo-abe", "person/recep-tayyip-erdogan"} for v in ss.values()), ss
    TEXTS["r19-talked-to-2017"] = ("2017-07-08", """Hamburg notes

Japanese Prime Minister Shinzo Abe talked to journalists in Hamburg on Saturday about Chinese President Xi Jinping.""")
    assert not summits("r19-talked-to-2017"), summits("r19-talked-to-2017")


def test_extract_rules_a_readout_s_with_x_the_president_discussed_is_a_meeting() -> None:
    TEXTS["r19-with-readout-2021"] = ("2021-11-01", """Readout of the President's meetings in Rome

With Prime Minister Mario Draghi of Italy, President Joseph R. Biden Jr. reviewed supply chains and energy prices on Saturday in Rome. With rising prices in mind, the President also discussed trade.""")
    ss = summits("r19-with-readout-2021")
    assert any(v["participant"] == {"person/joe-biden", "person/mario-draghi"} for v in ss.values()), ss
    assert len(ss) == 1, ss


def test_extract_rules_a_session_with_a_leader_is_a_meeting() -> None:
    TEXTS["r19-session-2018"] = ("2018-09-27", """UN week

In New York on Wednesday, Egyptian President Abdel Fattah el-Sisi had a short session with Japanese Prime Minister Shinzo Abe. The Security Council met in open session with the ministers of fifteen states.""")
    ss = summits("r19-session-2018")
    assert [v["participant"] for v in ss.values()] == [{"person/abdel-fattah-el-sisi", "person/shinzo-abe"}], ss


def test_extract_rules_the_signers_states_not_a_clause_on_what_the_treaty_does() -> None:
    TEXTS["r19-aside-states-2015"] = ("2015-02-13", """Customs deal

The leaders of Kenya, Uganda and Rwanda signed a protocol on Thursday creating a single tourist visa that officials hope will draw visitors away from Tanzania and Ethiopia.""")
    fs = facts("r19-aside-states-2015")
    assert {o for s, p, o in fs if p == "party"} == {"state/kenya", "state/uganda", "state/rwanda"}, sorted(fs)


def test_extract_rules_a_signed_charter_is_a_treaty() -> None:
    TEXTS["r19-charter-2004"] = ("2004-03-05", """New bloc

The foreign ministers of Chile, Peru and Bolivia signed a charter founding a regional council in Lima on Thursday. Each minister then boarded a charter flight home.""")
    fs = facts("r19-charter-2004")
    charters = {s for s, p, o in fs if p == "party"}
    assert len(charters) == 1, sorted(fs)
    c = next(iter(charters))
    assert {o for s, p, o in fs if s == c and p == "party"} == {"state/chile", "state/peru", "state/bolivia"}, \
        sorted(fs)
    assert (c, "signedAt", "place/lima") in fs and (c, "signedOn", "2004-03-04") in fs, sorted(fs)
    TEXTS["r19-charter-initialled-2004"] = ("2004-03-05", """New bloc

Chile and Peru initialled the charter of the council rather than signing it.""")
    initialled = facts("r19-charter-initialled-2004")
    assert not any(p == "party" for s, p, o in initialled), sorted(initialled)


def test_extract_rules_dates_of_a_story_years_back_and_weekdays_of_another_week() -> None:
    TEXTS["r19-that-month-2020"] = ("2020-11-30", """A life in Europe

Helmut Schmidt, then West German chancellor, spent three days in Yugoslavia in May 1977, touring the Adriatic coast from 18 to 20 May. That September he flew to Washington for talks with US President Jimmy Carter.""")
    ss = summits("r19-that-month-2020")
    assert any(v["participant"] == {"person/helmut-schmidt", "person/jimmy-carter"}
               and v.get("startDate") == {"1977-09"} for v in ss.values()), ss
    TEXTS["r19-of-last-week-2019"] = ("2019-10-24", """Gulf shuttle

Russian President Vladimir Putin landed in Riyadh on Monday of last week for talks with King Salman.""")
    ss = summits("r19-of-last-week-2019")
    assert any(v.get("startDate") == {"2019-10-14"} for v in ss.values()), ss
    TEXTS["r19-following-day-2022"] = ("2022-05-01", """Subcontinent

In August 2015 Bangladeshi Prime Minister Sheikh Hasina went to New Delhi for a regional forum on the 11th and held talks with Indian Prime Minister Narendra Modi the following day.""")
    ss = summits("r19-following-day-2022")
    assert any(v["participant"] == {"person/sheikh-hasina", "person/narendra-modi"}
               and v.get("startDate") == {"2015-08-12"} for v in ss.values()), ss


def test_extract_rules_a_surname_is_the_one_the_text_named_by_it() -> None:
    TEXTS["r19-surname-2000"] = ("2000-06-10", """Obituary

Hafez al-Assad led Syria from 1971 until his death this week. His son Bashar, an eye doctor, is expected to succeed him.

In October 1994 Assad received US President Bill Clinton in Damascus.""")
    ss = summits("r19-surname-2000")
    assert any(v["participant"] == {"person/hafez-al-assad", "person/bill-clinton"} for v in ss.values()), ss
    assert not any("person/bashar-al-assad" in v["participant"] for v in ss.values()), ss


def test_extract_rules_the_state_of_a_signer_named_without_one_is_a_party() -> None:
    TEXTS["r19-signer-state-1996"] = ("1996-05-01", """Gulf of Guinea

Nigerian leader Sani Abacha had few friends abroad. In April 1996 he flew to Libreville. There, on 30 April, he, Cameroon's President Paul Biya and Gabon's President Omar Bongo signed an accord on fishing.""")
    fs = facts("r19-signer-state-1996")
    assert {o for s, p, o in fs if p == "party"} == {"state/nigeria", "state/cameroon", "state/gabon"}, sorted(fs)


def test_extract_rules_flying_in_goes_to_where_the_gathering_is() -> None:
    TEXTS["r19-flew-in-2018"] = ("2018-06-20", """Andean week

When the Andean presidents met in Lima on 12 June 2018, Colombian President Juan Manuel Santos flew in for the occasion.""")
    fs = facts("r19-flew-in-2018")
    v = sole_subject(fs, "visitor", "person/juan-manuel-santos")
    assert (v, "destination", "place/lima") in fs, sorted(fs)
    TEXTS["r19-flew-in-from-2018"] = ("2018-06-20", """Andean week

Peruvian President Martin Vizcarra hosted the Andean summit in Lima on Tuesday. Bolivian President Evo Morales, who flew in from Santa Cruz, spoke first.""")
    fs = facts("r19-flew-in-from-2018")
    v = sole_subject(fs, "visitor", "person/evo-morales")
    assert (v, "destination", "place/lima") in fs, sorted(fs)


def test_extract_rules_calling_on_one_and_holding_talks_with_another_are_two_meetings() -> None:
    TEXTS["r19-call-and-talks-2023"] = ("2023-11-30", """Southern tour

Kenyan President William Ruto reached Pretoria on Monday. On Tuesday he called on King Mswati III at a hotel and held talks with President Cyril Ramaphosa at the Union Buildings.""")
    ss = summits("r19-call-and-talks-2023")
    parts = sorted(sorted(v["participant"]) for v in ss.values())
    assert parts == [["person/cyril-ramaphosa", "person/william-ruto"],
                     ["person/mswati-iii", "person/william-ruto"]], ss
    assert not any(v["participant"] == {"person/mswati-iii", "person/william-ruto"}
                   and "place/union-buildings" in v.get("location", ()) for v in ss.values()), ss


def test_extract_rules_a_readout_s_guest_arriving_at_a_host_s_invitation() -> None:
    TEXTS["r19-invitation-2019"] = ("2019-07-02", """Press release

At the invitation of President Filipe Nyusi, the President of the Portuguese Republic, Marcelo Rebelo de Sousa, landed in Maputo on Monday for a state visit. The two presidents later rode to the presidency, where they held a private meeting.""")
    fs = facts("r19-invitation-2019")
    v = sole_subject(fs, "visitor", "person/marcelo-rebelo-de-sousa")
    assert (v, "destination", "place/maputo") in fs, sorted(fs)
    ss = summits("r19-invitation-2019")
    assert any(x["participant"] == {"person/marcelo-rebelo-de-sousa", "person/filipe-nyusi"} for x in ss.values()), ss


def test_extract_rules_the_host_of_a_visit_is_the_one_in_office_that_year() -> None:
    TEXTS["r19-host-in-office-2016"] = ("2016-10-01", """Neighbours again

Estonian Prime Minister Taavi Roivas has courted Riga since taking office.

Ties go back to a customs pact the then prime ministers of Estonia and Latvia, Mart Laar and Valdis Birkavs, agreed in 1993.

Latvian Prime Minister Maris Kucinskis made his first visit to Tallinn on 12 September. During those talks the two prime ministers settled on a joint rail terminal.""")
    ss = summits("r19-host-in-office-2016")
    assert any(v["participant"] == {"person/maris-kucinskis", "person/taavi-roivas"} for v in ss.values()), ss
    assert not any("person/mart-laar" in v["participant"] for v in ss.values()), ss


def test_extract_rules_talks_on_the_eve_of_a_summit_held_separately() -> None:
    TEXTS["r19-eve-talks-2018"] = ("2018-12-05", """Buenos Aires notes

Argentine President Mauricio Macri hosted the G20 leaders in Buenos Aires on 30 November and 1 December. On the eve of that summit he had talks with Canadian Prime Minister Justin Trudeau and separately with Chilean President Sebastian Pinera.""")
    ss = summits("r19-eve-talks-2018")
    for guest in ("person/justin-trudeau", "person/sebastian-pinera"):
        assert any(v["participant"] == {"person/mauricio-macri", guest} and v.get("startDate") == {"2018-11-29"}
                   for v in ss.values()), (guest, ss)
    eve = facts("r19-eve-talks-2018")
    assert not any(s.startswith("plan/") for s, p, o in eve), sorted(eve)


def test_extract_rules_met_at_the_airport_is_a_welcome_not_talks() -> None:
    TEXTS["r19-airport-2022"] = ("2022-03-12", """Caucasus trip

Georgian President Salome Zourabichvili flew into Yerevan on Friday and was met on the tarmac by Prime Minister Nikol Pashinyan.""")
    fs = facts("r19-airport-2022")
    assert any(p == "visitor" and o == "person/salome-zourabichvili" for s, p, o in fs), sorted(fs)
    assert not summits("r19-airport-2022"), summits("r19-airport-2022")


def test_extract_rules_an_opening_in_region_is_not_the_gathering_s_place() -> None:
    TEXTS["r19-framing-place-2021"] = ("2021-06-13", """Seaside summit

In Bavaria, Chancellor Angela Merkel hosted a summit of Alpine leaders at Munich on Friday.""")
    ss = summits("r19-framing-place-2021")
    assert any(v.get("location") == {"place/munich"} for v in ss.values()), ss


def test_extract_rules_he_after_a_semicolon_is_the_subject_before_it() -> None:
    TEXTS["r19-semicolon-he-2019"] = ("2019-11-10", """Visegrad notes

Czech Prime Minister Andrej Babis reached Bratislava on Thursday. Polish Prime Minister Mateusz Morawiecki, who chairs the group this year, came too; he had flown in early for talks with Slovak President Zuzana Caputova on Thursday.""")
    ss = summits("r19-semicolon-he-2019")
    assert any(v["participant"] == {"person/mateusz-morawiecki", "person/zuzana-caputova"} for v in ss.values()), ss
    assert not any("person/andrej-babis" in v["participant"] for v in ss.values()), ss


def test_extract_rules_separate_talks_of_two_at_a_gathering_are_their_own() -> None:
    TEXTS["r19-separate-2022"] = ("2022-10-15", """Astana week

On Thursday Russian President Vladimir Putin joined Kazakh President Kassym-Jomart Tokayev, Uzbek President Shavkat Mirziyoyev and Tajik President Emomali Rahmon for a regional summit in Astana. Tokayev also held separate talks with Putin on Thursday.""")
    ss = summits("r19-separate-2022")
    assert any(v["participant"] == {"person/kassym-jomart-tokayev", "person/vladimir-putin"} for v in ss.values()), ss
    assert any(len(v["participant"]) == 4 for v in ss.values()), ss


def test_extract_rules_a_treaty_named_by_the_body_it_founds() -> None:
    TEXTS["r20-founding-1975"] = ("2015-05-28", """Forty years of a West African bloc

Forty years ago today in Lagos, fifteen governments signed the treaty establishing the West African Clearing House. Later, in Dakar in 1994, Benin, Burkina Faso and Senegal signed a charter that created the West African Economic and Monetary Union.""")
    fs = facts("r20-founding-1975")
    labels = {e.label: k for k, e in run("r20-founding-1975").entities.items()}
    assert "Treaty Establishing the West African Clearing House" in labels, sorted(labels)
    u = labels.get("Charter of the West African Economic and Monetary Union")
    assert u is not None, sorted(labels)
    assert {o for s, p, o in fs if s == u and p == "party"} == {"state/benin", "state/burkina-faso", "state/senegal"}, sorted(fs)
    assert (u, "signedAt", "place/dakar") in fs, sorted(fs)
    # ("the treaty establishing" a state is no body's founding)
    TEXTS["r20-founding-state-1964"] = ("1964-04-30", """Union on the coast

The two presidents signed the treaty creating Tanzania in Dar es Salaam on 26 April.""")
    assert not any("Establishing" in e.label for e in run("r20-founding-state-1964").entities.values())


def test_extract_rules_a_tour_told_at_the_end_of_an_arrival_is_a_visit() -> None:
    TEXTS["r20-tour-end-2023"] = ("2023-11-20", """Royal travels

Queen Margrethe landed in Reykjavik on Sunday at the end of a five-day tour of Canada.""")
    fs = facts("r20-tour-end-2023")
    dests = {o for s, p, o in fs if p == "destination"}
    assert {"place/reykjavik", "state/canada"} <= dests, sorted(fs)


def test_extract_rules_one_who_flew_in_is_a_visitor_where_the_main_clause_has_him() -> None:
    TEXTS["r20-flew-in-relcl-2016"] = ("2016-09-09", """Lakeside talks

Finnish President Sauli Niinisto, who flew in for the talks on Thursday, met Estonian President Toomas Hendrik Ilves in Tallinn.""")
    fs = facts("r20-flew-in-relcl-2016")
    assert (sole_subject(fs, "visitor", "person/sauli-niinisto"), "destination", "place/tallinn") in fs, sorted(fs)


def test_extract_rules_names_listed_under_a_plural_title_in_a_subject_all_arrive() -> None:
    TEXTS["r20-plural-arrivals-2019"] = ("2019-07-05", """Coastal summit

ACCRA, July 5 (Wire) — Leaders of West Africa gathered here this week for a regional summit. Liberian President George Weah and the presidents of Togo and Benin, Faure Gnassingbe and Patrice Talon, arrived on Thursday.""")
    fs = facts("r20-plural-arrivals-2019")
    visitors = {o for s, p, o in fs if p == "visitor"}
    assert {"person/george-weah", "person/faure-gnassingbe", "person/patrice-talon"} <= visitors, sorted(fs)


def test_extract_rules_it_was_a_with_b_and_c_who_signed() -> None:
    TEXTS["r20-cleft-2001"] = ("2011-03-01", """Ten years on

It was Russian President Vladimir Putin, together with Kazakhstan's Nursultan Nazarbayev and Belarus's Alexander Lukashenko, who signed the customs pact in Minsk on 31 May 2001.""")
    fs = facts("r20-cleft-2001")
    signers = {o for s, p, o in fs if p == "signatory"}
    assert signers == {"person/vladimir-putin", "person/nursultan-nazarbayev", "person/alexander-lukashenko"}, sorted(fs)
    # (not a plain "it was ... when": no one is put forward)
    TEXTS["r20-not-cleft-2001"] = ("2011-03-01", """Ten years on

It was a cold day in Minsk when the customs pact was signed by Kazakh and Belarusian officials on 31 May 2001, said Russian President Vladimir Putin.""")
    assert not any(p == "signatory" for s, p, o in facts("r20-not-cleft-2001")), sorted(facts("r20-not-cleft-2001"))


def test_extract_rules_a_treaty_name_with_and_before_its_head_is_one_name() -> None:
    TEXTS["r20-and-name-2013"] = ("2013-02-25", """Great Lakes deal

ADDIS ABABA, Feb 25 (Wire) — Congolese President Joseph Kabila put his name on Sunday to the Addis Ababa Peace and Cooperation Framework for the region.

Kenya and Uganda signed the Northern Corridor Transit and Transport Agreement on Friday.""")
    labels = {e.label for e in run("r20-and-name-2013").entities.values()}
    assert "Northern Corridor Transit and Transport Agreement" in labels, sorted(labels)
    assert not any(lab.startswith("Transport Agreement") for lab in labels), sorted(labels)
    # (states before "and" are the parties, not the name: "Kenya and Uganda Treaty" stays as it was)
    TEXTS["r20-and-states-2013"] = ("2013-02-25", """Trade pact

Officials said the Kenya and Uganda Customs Agreement was signed on Friday.""")
    assert not any(e.label.startswith("Kenya and") for e in run("r20-and-states-2013").entities.values())


def test_extract_rules_the_host_joins_a_gathering_in_his_own_state_only() -> None:
    TEXTS["r20-host-elsewhere-2000"] = ("2000-08-28", """Peace tour

U.S. President Bill Clinton held talks in Abuja on Saturday with President Olusegun Obasanjo.

Tanzanian President Benjamin Mkapa, the host, watched the signing in Arusha on Monday.""")
    ss = summits("r20-host-elsewhere-2000")
    assert not any("person/benjamin-mkapa" in v["participant"] for v in ss.values()), ss
    TEXTS["r20-host-here-2000"] = ("2000-08-28", """Lake summit

East African leaders held a summit in Arusha on Saturday with Ugandan President Yoweri Museveni.

Tanzanian President Benjamin Mkapa, the host, called for calm.""")
    ss = summits("r20-host-here-2000")
    assert any("person/benjamin-mkapa" in v["participant"] for v in ss.values()), ss


def test_extract_rules_a_year_after_a_trip_dates_that_trip_not_the_talks() -> None:
    TEXTS["r20-after-tour-2018"] = ("2018-03-12", """Desert diplomacy

German President Frank-Walter Steinmeier arrived in Amman on Saturday, after a four-nation tour in 2017, and held talks there with King Abdullah II.""")
    ss = summits("r20-after-tour-2018")
    assert any(v["participant"] == {"person/frank-walter-steinmeier", "person/abdullah-ii"}
               and v.get("startDate") == {"2018-03-10"} for v in ss.values()), ss


def test_extract_rules_an_aged_leader_of_a_state_is_the_one_named_before_without_office() -> None:
    TEXTS["r20-aged-leader-1979"] = ("1979-01-30", """Washington welcome

WASHINGTON, Jan 30 (Wire) — Jimmy Carter and Deng Xiaoping embraced on the South Lawn on Monday. "Our peoples were never meant to be strangers," the 74-year-old Chinese leader said at a dinner that evening.""")
    fs = facts("r20-aged-leader-1979")
    assert ("person/deng-xiaoping", "leaderOf", "state/china") in fs, sorted(fs)
    # (two people without an office: no telling which one is meant)
    TEXTS["r20-aged-two-1972"] = ("1972-09-29", """Talks

Li Hsien and Wang Po met reporters on Monday. "We are ready," the 74-year-old Chinese leader said.""")
    assert not any(p == "leaderOf" for s, p, o in facts("r20-aged-two-1972")), sorted(facts("r20-aged-two-1972"))


def test_extract_rules_an_obituary_s_he_is_its_subject_across_paragraphs() -> None:
    TEXTS["r20-obit-he-2021"] = ("2021-03-10", """OBITUARY

Pedro Oliveira, Portugal's prime minister, 1941-2021

Pedro Oliveira died on Tuesday in Lisbon. He was 79.

In 1996 Spanish Prime Minister Felipe Gonzalez came to Lisbon, and the two leaders opened a new bridge over the Guadiana together.

Friendship with Africa was another cause. In May 1998 he met Mozambican President Joaquim Chissano in Maputo.""")
    ss = summits("r20-obit-he-2021")
    assert any(v["participant"] == {"person/pedro-oliveira", "person/joaquim-chissano"} for v in ss.values()), ss
    assert not any("person/felipe-gonzalez" in v["participant"] and "person/joaquim-chissano" in v["participant"]
                   for v in ss.values()), ss


def test_extract_rules_the_two_leaders_are_not_those_named_after_the_phrase() -> None:
    TEXTS["r20-group-ahead-2019"] = ("2019-11-20", """Islands talks

Japanese Prime Minister Shinzo Abe hosted Russian President Vladimir Putin in Osaka in June 2019. In Vladivostok in September the two leaders met again to discuss the 1956 declaration, signed in Moscow by Ichiro Hatoyama and Nikolai Bulganin.""")
    ss = summits("r20-group-ahead-2019")
    assert any(v["participant"] == {"person/shinzo-abe", "person/vladimir-putin"} and v.get("location") == {"place/vladivostok"}
               for v in ss.values()), ss


def test_extract_rules_an_obituary_s_bare_day_is_in_the_year_that_frames_the_paragraph() -> None:
    TEXTS["r20-obit-frame-2024"] = ("2024-05-02", """OBITUARY

Andres Molina, Uruguay's president, 1940-2024

Andres Molina died on Monday. He was 84.

He was elected in November 2015 and took office in March 2016.

In 2019 he turned to the region. On 14 February he went to Brasilia to see Brazilian President Jair Bolsonaro. A month later, on 20 March, he hosted Paraguayan President Mario Abdo Benitez in Montevideo.""")
    fs = facts("r20-obit-frame-2024")
    visits = {s for s, p, o in fs if p == "destination" and o == "place/brasilia"}
    assert visits and all((v, "startDate", "2019-02-14") in fs for v in visits), sorted(fs)
    ss = summits("r20-obit-frame-2024")
    assert any("person/mario-abdo-benitez" in v["participant"] and v.get("startDate") == {"2019-03-20"}
               for v in ss.values()), ss


def test_extract_rules_signers_told_as_did_and_among_those_who_signed() -> None:
    TEXTS["r20-as-did-2017"] = ("2017-06-12", """Lake pact

KAMPALA, June 12 (Wire) — Rwanda, Burundi and Tanzania signed the Kagera Basin Charter on Monday. Rwandan President Paul Kagame also signed, as did Burundian President Pierre Nkurunziza.""")
    signers = {o for s, p, o in facts("r20-as-did-2017") if p == "signatory"}
    assert {"person/paul-kagame", "person/pierre-nkurunziza"} <= signers, sorted(facts("r20-as-did-2017"))
    TEXTS["r20-among-those-2017"] = ("2017-06-12", """Lake pact

KAMPALA, June 12 (Wire) — Rwanda, Burundi and Tanzania signed the Kagera Basin Charter on Monday. Among those who signed the document were Rwanda's Paul Kagame and Tanzania's John Magufuli.""")
    signers = {o for s, p, o in facts("r20-among-those-2017") if p == "signatory"}
    assert {"person/paul-kagame", "person/john-magufuli"} <= signers, sorted(facts("r20-among-those-2017"))


def test_extract_rules_leaders_who_joined_the_host_in_doing_something_took_part() -> None:
    TEXTS["r20-joined-him-2019"] = ("2019-11-15", """Brasilia week

Leaders of the BRICS group met in Brasilia on Wednesday and Thursday, hosted by President Jair Bolsonaro. Chinese President Xi Jinping, India's Narendra Modi, Russia's Vladimir Putin and South Africa's Cyril Ramaphosa joined him in signing a final declaration.""")
    ss = summits("r20-joined-him-2019")
    want = {"person/jair-bolsonaro", "person/xi-jinping", "person/narendra-modi", "person/vladimir-putin",
            "person/cyril-ramaphosa"}
    assert any(v["participant"] == want for v in ss.values()), ss


def test_extract_rules_talks_in_a_where_clause_the_parser_hung_on_the_verb_are_there() -> None:
    TEXTS["r20-where-advcl-2016"] = ("2016-10-21", """Asian tour

Chinese President Xi Jinping arrived in Goa on Saturday from Phnom Penh, where on Friday he had toured a new port and held talks with Prime Minister Hun Sen.""")
    ss = summits("r20-where-advcl-2016")
    assert any(v["participant"] == {"person/xi-jinping", "person/hun-sen"} and v.get("location") == {"place/phnom-penh"}
               for v in ss.values()), ss


def test_extract_rules_replacements_told_by_that_superseded_it_a_revised_version_and_the_one_signed() -> None:
    TEXTS["r20-superseded-it-1977"] = ("2017-07-09", """Forty years of a border pact

Ghana and Togo signed the Volta Frontier Treaty in Lome in 1958. The Volta Boundary Agreement that superseded it was signed in Accra on 9 July 1977.""")
    fs = facts("r20-superseded-it-1977")
    assert ("treaty/volta-boundary-agreement", "replaces", "treaty/volta-frontier-treaty") in fs, sorted(fs)
    TEXTS["r20-revised-named-2010"] = ("2020-01-01", """Fishing rights

Chile and Peru signed the Humboldt Fisheries Pact in Arica in 2004. After years of disputes, an updated version of the accord, the Arica Fisheries Convention, was signed in Lima in March 2010.""")
    fs = facts("r20-revised-named-2010")
    assert ("treaty/arica-fisheries-convention", "replaces", "treaty/humboldt-fisheries-pact") in fs, sorted(fs)
    TEXTS["r20-the-one-signed-2003"] = ("2003-06-01", """Lake deal

Peru and Bolivia signed the Altiplano Water Accord in Puno in May 2001. The new Altiplano Water Convention replaces the one signed in Puno, which never entered into force.""")
    fs = facts("r20-the-one-signed-2003")
    assert ("treaty/altiplano-water-convention", "replaces", "treaty/altiplano-water-accord") in fs, sorted(fs)
    # (a text that did not replace the one before: no replacement)
    TEXTS["r20-not-superseded-2003"] = ("2003-06-01", """Lake deal

Peru and Bolivia signed the Altiplano Water Accord in Puno in May 2001. The Altiplano Water Protocol, which did not replace it, was signed in La Paz in 2003.""")
    assert not any(p == "replaces" for s, p, o in facts("r20-not-superseded-2003")), sorted(facts("r20-not-superseded-2003"))


def test_extract_rules_two_named_leaders_who_discussed_something_met() -> None:
    TEXTS["r20-discussed-2023"] = ("2023-06-14", """Readout

Port Louis, 14 June 2023 — On Tuesday Prime Minister Pravind Jugnauth and President Emmerson Mnangagwa discussed shipping links and sugar quotas at Clarisse House.""")
    ss = summits("r20-discussed-2023")
    assert any(v["participant"] == {"person/pravind-jugnauth", "person/emmerson-mnangagwa"} for v in ss.values()), ss
    TEXTS["r20-discussed-phone-2023"] = ("2023-06-14", """Readout

Prime Minister Pravind Jugnauth and President Emmerson Mnangagwa discussed sugar quotas by telephone on Tuesday.""")
    assert not summits("r20-discussed-phone-2023"), summits("r20-discussed-phone-2023")


def test_extract_rules_a_headline_s_present_tense_reports_talks_held() -> None:
    TEXTS["r20-headline-hold-2023"] = ("2023-06-14", """President Emmerson Mnangagwa and Prime Minister Pravind Jugnauth hold talks in Port Louis

Port Louis, 14 June 2023 — The Zimbabwean leader is on a two-day state visit to Mauritius.""")
    ss = summits("r20-headline-hold-2023")
    assert any(v["participant"] == {"person/pravind-jugnauth", "person/emmerson-mnangagwa"} for v in ss.values()), ss


def test_extract_rules_signed_by_the_two_men_on_the_10th_of_the_month_told_before() -> None:
    TEXTS["r20-two-men-2016"] = ("2020-01-01", """Nordic ties

In March 2016 Swedish Prime Minister Stefan Lofven hosted Latvia's prime minister, Maris Kucinskis, in Stockholm. A cyber security agreement was signed by the two men on the 10th.""")
    fs = facts("r20-two-men-2016")
    t = sole_subject(fs, "signatory", "person/stefan-lofven")
    assert {(t, "signatory", "person/maris-kucinskis"), (t, "signedOn", "2016-03-10")} <= fs, sorted(fs)


def test_extract_rules_the_agreement_signed_in_another_month_is_not_the_one_told() -> None:
    TEXTS["r20-other-month-2018"] = ("2018-08-01", """Trade year

Japan, Canada and Mexico signed the Pacific Rim Trade Agreement in Lima in March 2018. In July the European Council President, Donald Tusk, came to Tokyo, and Prime Minister Shinzo Abe and he put their names to the agreement in the capital on 17 July.""")
    fs = facts("r20-other-month-2018")
    assert not any(s == "treaty/pacific-rim-trade-agreement" and p == "signatory" for s, p, o in fs), sorted(fs)
    assert ("treaty/pacific-rim-trade-agreement", "signedOn", "2018-07-17") not in fs, sorted(fs)


def test_extract_rules_the_agreement_after_a_new_dateline_is_not_the_one_told_in_another_story() -> None:
    TEXTS["r20-roundup-story-2022"] = ("2022-12-10", """THE WEEK IN DIPLOMACY

ANKARA — On Tuesday Turkish President Recep Tayyip Erdogan and Azerbaijani President Ilham Aliyev signed a gas transit agreement between the two countries.

LUSAKA — On Monday, leaders of Zambia's ruling party and the opposition met at State House.

The agreement was signed by Zambian President Hakainde Hichilema.""")
    fs = facts("r20-roundup-story-2022")
    assert not any(p == "signatory" and o == "person/hakainde-hichilema" for s, p, o in fs), sorted(fs)
    assert any(p == "signatory" and o == "person/ilham-aliyev" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_name_with_its_middle_name_is_the_same_person() -> None:
    TEXTS["r20-middle-name-1970"] = ("1970-05-15", """Lake talks

Malawian Prime Minister Kenneth Mwale flew to Tanzania on Tuesday.

On Wednesday Kenneth Buchizya Mwale met Tanzanian President Julius Nyerere in Dar es Salaam.""")
    ss = summits("r20-middle-name-1970")
    assert any(v["participant"] == {"person/kenneth-mwale", "person/julius-nyerere"} for v in ss.values()), ss
    # (initials tell two men apart: "George H. W. Bush" is not "George W. Bush")
    TEXTS["r20-initials-1990"] = ("2004-01-01", """Two Bushes

British envoy Edward H. W. Tanner went to Muscat in 1990. British envoy Edward W. Tanner went to Muscat in 2003.""")
    fs = facts("r20-initials-1990")
    assert len({s for s, p, o in fs if p == "officialOf"}) == 2, sorted(fs)


def test_extract_rules_who_led_a_state_to_independence_and_governed_it_leads_it() -> None:
    TEXTS["r20-led-governed-1999"] = ("1999-10-15", """Obituary

Pedro Tavares Lima, who led Cape Verde to independence and governed the islands for years, died in Praia on Thursday.""")
    assert any(p == "leaderOf" and o == "state/cape-verde" for s, p, o in facts("r20-led-governed-1999")), \
        sorted(facts("r20-led-governed-1999"))
    TEXTS["r20-led-delegation-2020"] = ("2020-10-15", """Geneva talks

Kenyan Foreign Minister Raychelle Omamo led Kenya's delegation to Geneva on Monday.""")
    assert not any(p == "leaderOf" for s, p, o in facts("r20-led-delegation-2020")), sorted(facts("r20-led-delegation-2020"))


def test_extract_rules_he_before_a_semicolon_the_parser_made_a_complement_is_the_subject() -> None:
    TEXTS["r20-semi-ccomp-1965"] = ("1999-10-15", """OBITUARY

Julius Nyerere: a teacher and a president

Tanzanian President Julius Nyerere died on Thursday.

In May 1967 he paid a state visit to Yugoslavia and met President Josip Broz Tito on the Adriatic coast; Tito came to Tanzania three years later.""")
    ss = summits("r20-semi-ccomp-1965")
    assert any("person/julius-nyerere" in v["participant"] and "person/josip-broz-tito" in v["participant"]
               for v in ss.values()), ss


def test_extract_rules_leaders_who_watched_a_signing_met_its_signers_there() -> None:
    TEXTS["r20-witnesses-2019"] = ("2019-08-03", """Sudan deal

KHARTOUM, Aug 3 (Wire) — On Saturday Sudanese Prime Minister Abdalla Hamdok and Ethiopian Prime Minister Abiy Ahmed signed the Nile Corridor Pact in Khartoum. Some 400 guests looked on. Egyptian President Abdel Fattah el-Sisi and Chadian President Idriss Deby were also there.""")
    ss = summits("r20-witnesses-2019")
    want = {"person/abdalla-hamdok", "person/abiy-ahmed", "person/abdel-fattah-el-sisi", "person/idriss-deby"}
    assert any(v["participant"] == want and v.get("startDate") == {"2019-08-03"} for v in ss.values()), ss
    # (a paragraph dating its own occasion: not the signing the one before told)
    TEXTS["r20-witnesses-other-2019"] = ("2019-08-03", """Sudan deal

On 3 March 2012 Sudanese and Ethiopian negotiators signed the Nile Corridor Pact in Khartoum.

On 20 July this year Sudanese Prime Minister Abdalla Hamdok was in Addis Ababa for talks. Egyptian President Abdel Fattah el-Sisi and Chadian President Idriss Deby watched the ceremony.""")
    ss = summits("r20-witnesses-other-2019")
    assert not any(v.get("startDate") == {"2012-03-03"} for v in ss.values()), ss


def test_extract_rules_a_headline_s_founding_treaty_takes_one_signing_not_an_older_one() -> None:
    TEXTS["r20-headline-founding-1981"] = ("1981-05-26", """Six Gulf rulers sign treaty founding Gulf Council

ABU DHABI, May 26 (Wire) — The rulers of Saudi Arabia, Kuwait, Bahrain, Qatar, Oman and the United Arab Emirates signed a charter here on Monday establishing the Gulf Council.

Kuwait and Bahrain had signed a treaty of union in Manama in March 1976.""")
    fs = facts("r20-headline-founding-1981")
    dates = {o for s, p, o in fs if p == "signedOn"}
    holders = {s for s, p, o in fs if p == "signedOn" and o.startswith("1976")}
    assert holders and not any((h, "signedOn", "1981-05-25") in fs for h in holders), sorted(fs)
    assert any(d.startswith("1981") for d in dates), sorted(fs)
    labels = {e.label for e in run("r20-headline-founding-1981").entities.values()}
    assert "Charter of the Gulf Council" in labels, sorted(labels)
    assert not any(lab.lower().startswith("sign ") for lab in labels), sorted(labels)   # (the headline's verb)


def test_extract_rules_one_who_flew_in_for_the_day_visited_where_the_story_is_filed() -> None:
    TEXTS["r20-for-the-day-2005"] = ("2005-03-14", """Lake accord

KAMPALA, March 14 (Wire) — Kenyan President Mwai Kibaki flew in from Nairobi for the day and spoke to the conference before lunch.""")
    fs = facts("r20-for-the-day-2005")
    v = sole_subject(fs, "visitor", "person/mwai-kibaki")
    assert {(v, "destination", "place/kampala"), (v, "startDate", "2005-03-14")} <= fs, sorted(fs)


def test_extract_rules_talks_after_an_arrival_from_a_stop_are_not_at_that_stop() -> None:
    TEXTS["r20-stop-before-2018"] = ("2018-10-31", """European tour

BRUSSELS — Japanese Prime Minister Shinzo Abe was in Belgium on a two-day visit. He arrived on Tuesday from Paris, where he met French President Emmanuel Macron at the Elysee. On Wednesday he held talks with Prime Minister Charles Michel.""")
    ss = summits("r20-stop-before-2018")
    talks = [v for v in ss.values() if v["participant"] == {"person/shinzo-abe", "person/charles-michel"}]
    assert talks and not any(v.get("location") == {"place/paris"} for v in talks), ss


# --- round 21 --------------------------------------------------------------------------------------
def test_extract_rules_a_sentence_opening_with_a_possessor_makes_him_the_next_he() -> None:
    TEXTS["r21-possessor-2014"] = ("2014-04-28", """Pacific swing

HANOI — Obama's Hanoi stop ended a journey that opened in Canberra on Tuesday night. He sat down with Prime Minister Tony Abbott for talks a day later, and by Friday he was in Wellington for a meeting with Prime Minister John Key.""")
    ss = summits("r21-possessor-2014")
    pairs = [v["participant"] for v in ss.values()]
    assert {"person/barack-obama", "person/tony-abbott"} in pairs, ss
    assert {"person/barack-obama", "person/john-key"} in pairs, ss
    abbott = next(v for v in ss.values() if v["participant"] == {"person/barack-obama", "person/tony-abbott"})
    assert abbott.get("location") != {"place/wellington"}, ss   # (the other clause's town)


def test_extract_rules_a_he_of_a_joined_clause_is_the_main_clause_s_subject() -> None:
    TEXTS["r21-joined-he-2023"] = ("2023-11-10", """Tour

Japanese Prime Minister Fumio Kishida held talks with President Ferdinand Marcos Jr. in Manila on Monday, and on Wednesday he was in Kuala Lumpur for a meeting with Prime Minister Anwar Ibrahim.""")
    ss = summits("r21-joined-he-2023")
    kl = [v for v in ss.values() if v["participant"] == {"person/fumio-kishida", "person/anwar-ibrahim"}]
    assert kl and kl[0].get("location") == {"place/kuala-lumpur"} and kl[0].get("startDate") == {"2023-11-08"}, ss


def test_extract_rules_the_president_is_the_one_with_that_title_named_just_before() -> None:
    TEXTS["r21-the-president-2025"] = ("2025-07-17", """Readout: the Prime Minister's meetings

Prime Minister Keir Starmer spoke to President Volodymyr Zelensky on Monday about air defence.

Later in the week, President Emmanuel Macron of France ended a state visit to Britain. On 10 July the President and the Prime Minister met at Chequers, where they agreed a new migration plan.""")
    ss = summits("r21-the-president-2025")
    assert any(v["participant"] == {"person/keir-starmer", "person/emmanuel-macron"} and v.get("startDate") == {"2025-07-10"}
               for v in ss.values()), ss
    assert not any("person/volodymyr-zelensky" in v["participant"] for v in ss.values()), ss


def test_extract_rules_leaders_who_do_something_together_met() -> None:
    TEXTS["r21-together-2023"] = ("2023-06-09", """Neighbours

ZAGREB, June 9 — Croatian President Zoran Milanovic and his Slovenian counterpart Natasa Pirc Musar laid flowers together at a memorial in Zagreb on Thursday.

The Romanian and Moldovan presidents, Klaus Iohannis and Maia Sandu, toured a new power line together in Chisinau on Friday.

Portuguese Prime Minister Antonio Costa and Spanish Prime Minister Pedro Sanchez dined together in Lisbon in May.

The two governments have worked together for years on the rail link.""")
    ss = summits("r21-together-2023")
    pairs = {frozenset(v["participant"]): v for v in ss.values()}
    assert pairs.get(frozenset({"person/zoran-milanovic", "person/natasa-pirc-musar"}), {}).get("location") == {"place/zagreb"}, ss
    assert pairs.get(frozenset({"person/klaus-iohannis", "person/maia-sandu"}), {}).get("location") == {"place/chisinau"}, ss
    assert pairs.get(frozenset({"person/antonio-costa", "person/pedro-sanchez"}), {}).get("startDate") == {"2023-05"}, ss
    assert len(ss) == 3, ss


def test_extract_rules_one_who_brought_two_together_met_them_only_when_both_are_named() -> None:
    TEXTS["r21-brought-2019"] = ("2019-08-02", """Mediation

Ethiopian Prime Minister Abiy Ahmed brought President Salva Kiir and Riek Machar together in Addis Ababa in June.

Turkish President Recep Tayyip Erdogan brought the two rivals together at a regional summit in Antalya in March.""")
    ss = summits("r21-brought-2019")
    assert any({"person/abiy-ahmed", "person/salva-kiir-mayardit"} <= v["participant"] for v in ss.values()), ss
    # (the rivals unnamed: no meeting of one; the regional summit he attended is another thing)
    assert len([v for v in ss.values() if v["participant"] == {"person/recep-tayyip-erdogan"}]) <= 1, ss


def test_extract_rules_a_caption_of_leaders_at_a_place_is_their_meeting() -> None:
    TEXTS["r21-caption-2023"] = ("2023-03-15", """<html><head><title>Energy help</title></head><body>
<nav><a href="/">Front page</a> <a href="/regions">Regions</a> <a href="/business">Business</a></nav>
<article><h1>Romania pledges power for Moldova through the winter</h1>
<p>CHISINAU — Romanian President Klaus Iohannis promised on Tuesday to keep selling electricity to Moldova at cost until the spring, officials in both capitals said.</p>
<figure><img src="a.jpg"><figcaption>Klaus Iohannis and Maia Sandu in Chisinau on 14 March.</figcaption></figure>
<p>The two governments also agreed to speed up work on a second gas link across the Prut river, the energy ministry said.</p>
<figure><img src="b.jpg"><figcaption>Maia Sandu with Emmanuel Macron at the Elysee Palace in Paris (file photo).</figcaption></figure>
</article><footer>Contact us</footer></body></html>""")
    ss = summits("r21-caption-2023")
    met = [v for v in ss.values() if v["participant"] == {"person/klaus-iohannis", "person/maia-sandu"}]
    assert met and met[0].get("startDate") == {"2023-03-14"} and met[0].get("location") == {"place/chisinau"}, ss
    assert not any("person/emmanuel-macron" in v["participant"] for v in ss.values()), ss   # (an old picture)


def test_extract_rules_one_who_signed_for_a_capital_or_put_his_name_to_the_text_signed() -> None:
    TEXTS["r21-signed-for-capital-2025"] = ("2025-03-04", """Sea border

RIGA, March 4 — Latvia and Estonia signed a 30-year treaty on their sea border on Tuesday. Foreign Minister Baiba Braze signed for Riga. Estonia's ambassador, Margus Tsahkna, put his name to the document for Estonia after a year of talks.""")
    fs = facts("r21-signed-for-capital-2025")
    t = sole_subject(fs, "signatory", "person/baiba-braze")
    assert (t, "signatory", "person/margus-tsahkna") in fs, sorted(fs)
    labels = {e.label for e in run("r21-signed-for-capital-2025").entities.values()}
    assert not any(lab.startswith("Year") for lab in labels), sorted(labels)   # ("a 30-year treaty")


def test_extract_rules_they_signed_after_an_opening_phrase_are_those_who_met() -> None:
    TEXTS["r21-they-signed-1959"] = ("1960-01-01", """The Iberian friendship

The friendship between Portuguese Prime Minister Antonio Salazar and Spanish leader Francisco Franco deepened in the 1950s. In May 1958 the two men dined together in Madrid. On 3 June 1959, at a palace outside Madrid, they signed the Spanish-Portuguese treaty of cooperation.""")
    fs = facts("r21-they-signed-1959")
    t = sole_subject(fs, "signatory", "person/francisco-franco")
    assert (t, "signatory", "person/antonio-salazar") in fs and (t, "signedOn", "1959-06-03") in fs, sorted(fs)


def test_extract_rules_a_territory_does_not_bring_its_state_into_the_article() -> None:
    TEXTS["r21-territory-2022"] = ("2022-01-31", """Readout

WASHINGTON — President Biden welcomed the Emir of Qatar to the White House on Monday. Their conversation covered food convoys into Gaza and schools for families in the West Bank.""")
    ents = run("r21-territory-2022").entities
    assert "state/palestine" not in ents and "state/qatar" in ents, sorted(ents)


def test_extract_rules_a_protocol_to_a_framework_agreement_is_one_name() -> None:
    TEXTS["r21-protocol-to-2016"] = ("2016-07-01", """Bloc deal

QUITO — The leaders of Peru, Ecuador, Colombia and Bolivia signed the Second Protocol to the Framework Agreement on the Andean Customs Union on Friday.""")
    labels = {e.label for e in run("r21-protocol-to-2016").entities.values()}
    assert "Second Protocol to the Framework Agreement on the Andean Customs Union" in labels, sorted(labels)


def test_extract_rules_a_roundup_s_sections_are_told_from_the_towns_that_head_them() -> None:
    TEXTS["r21-roundup-towns-2024"] = ("2024-07-06", """THE WEEK IN DIPLOMACY

Trade, a new bloc chair and a quiet summit. Here is what happened.

ASTANA: A NEW CHAIR
Central Asian leaders gathered in Astana on Wednesday for a conference on water, hosted by Kassym-Jomart Tokayev.

LIMA: THE ANDEAN BLOC
Presidents of the Andean Community gathered on Thursday in the Gold Museum, close to the old town. The host, Peruvian President Dina Boluarte, handed the bloc's chair to Bolivia. Daniel Noboa of Ecuador and Luis Arce of Bolivia attended as well, at what Noboa called a useful summit.

BEIJING: TALKS ON TRADE
On Friday the Hungarian prime minister, Viktor Orban, held talks with President Xi Jinping.""")
    ss = summits("r21-roundup-towns-2024")
    andean = [v for v in ss.values() if {"person/dina-boluarte", "person/luis-arce"} <= v["participant"]]
    assert andean and andean[0].get("location") == {"place/lima"} and andean[0].get("startDate") == {"2024-07-04"}, ss
    assert "person/kassym-jomart-tokayev" not in andean[0]["participant"], ss
    xi = [v for v in ss.values() if v["participant"] == {"person/viktor-orban", "person/xi-jinping"}]
    assert xi and xi[0].get("location") == {"place/beijing"}, ss


def test_extract_rules_a_treaty_that_bound_states_to_act_has_them_as_parties() -> None:
    TEXTS["r21-bound-1976"] = ("2016-12-03", """Forty years of a cleaner river

The Rhine Chlorides Convention of 3 December 1976 committed France, Germany and the Netherlands to cut the salt that was fouling the river. The Danube Convention bound Austria and Hungary to share flood data. A later protocol allowed Switzerland and Luxembourg to take part in the monitoring.""")
    fs = facts("r21-bound-1976")
    rhine = sole_subject(fs, "signedOn", "1976-12-03")
    assert {o for s, p, o in fs if s == rhine and p == "party"} == {"state/france", "state/germany", "state/netherlands"}, sorted(fs)
    assert {o for s, p, o in fs if p == "party" and s != rhine} == {"state/austria", "state/hungary"}, sorted(fs)


def test_extract_rules_the_two_leaders_far_down_a_live_blog_are_the_headline_s_two() -> None:
    TEXTS["r21-blog-two-2015"] = ("2015-11-07", """LIVE: Xi and Ma race to finish a text in Singapore

Saturday, 7 November 2015. All times local.

Summary: Ma Ying-jeou of Taiwan and Xi Jinping, the Chinese president, flew into Singapore on Friday. President Tony Tan of Singapore hosted a dinner for guests of the government on Friday night, and Prime Minister Lee Hsien Loong spoke briefly.

09:10
Crowds are gathering outside the hotel.

10:20
Security is tight along Orchard Road.

11:05
Reporters from both sides have been given separate rooms.

11:40
No joint statement is expected.

12:15
Lunch is being served to the press in the basement.

13:00
The motorcades have left the two hotels.

13:50
Police have closed the road to the harbour.

14:35
The two leaders are meeting now at the Shangri-La hotel, their first talks since the end of the civil war.""")
    ss = summits("r21-blog-two-2015")
    assert any(v["participant"] == {"person/xi-jinping", "person/ma-ying-jeou"} for v in ss.values()), ss


def test_extract_rules_a_one_on_one_session_is_a_meeting_of_those_who_held_it() -> None:
    TEXTS["r21-one-on-one-2019"] = ("2019-06-30", """Border talks

PANMUNJOM — Kim Jong Un of North Korea and the American president, Donald Trump, crossed the line together on foot on Sunday, to cheers from reporters. The two leaders then held a one-on-one session of close to an hour in the Freedom House.""")
    ss = summits("r21-one-on-one-2019")
    assert any(v["participant"] == {"person/donald-trump", "person/kim-jong-un"} and v.get("startDate") == {"2019-06-30"}
               for v in ss.values()), ss


def test_extract_rules_the_two_prime_ministers_are_the_two_the_sentence_just_named() -> None:
    TEXTS["r21-two-pms-2014"] = ("2014-11-27", """Regional summit ends

KATHMANDU — Nepalese Prime Minister Sushil Koirala held talks with Indian Prime Minister Narendra Modi on Wednesday. Indian Prime Minister Narendra Modi and Pakistani Prime Minister Nawaz Sharif avoided any formal meeting, yet on Thursday evening the two prime ministers shook hands on the stage.""")
    ss = summits("r21-two-pms-2014")
    assert any(v["participant"] == {"person/narendra-modi", "person/nawaz-sharif"} for v in ss.values()), ss


def test_extract_rules_a_profile_s_he_is_its_subject_in_the_year_the_text_last_told() -> None:
    TEXTS["r21-profile-1960"] = ("2026-01-17", """The brief premiership of Patrice Lumumba

FEATURE

Sixty-five years ago today, on 17 January 1961, Patrice Lumumba, the first prime minister of Congo, was killed in Katanga.

He took office on 24 June 1960, a week before independence, and Belgian paratroopers landed in the country on 10 July 1960. The Swedish diplomat Dag Hammarskjold, then the UN secretary-general, sent peacekeepers within days.

The summer was chaotic. On 22 July he flew to New York to ask the United Nations for help, and he then travelled to Ottawa for talks with Prime Minister John Diefenbaker. At the beginning of August he flew to Accra.""")
    fs = facts("r21-profile-1960")
    v = sole_subject(fs, "destination", "place/new-york-city")
    assert (v, "visitor", "person/patrice-lumumba") in fs and (v, "startDate", "1960-07-22") in fs, sorted(fs)
    a = sole_subject(fs, "destination", "place/accra")
    assert (a, "startDate", "1960-08") in fs, sorted(fs)


def test_extract_rules_a_president_who_receives_a_visitor_leads_the_state_of_the_dateline() -> None:
    TEXTS["r21-host-dateline-2016"] = ("2016-05-03", """Visit

ACCRA, May 3 (Wire) — Ghana and Nigeria signed a 10-year trade agreement on Tuesday, hours before Nigerian President Muhammadu Buhari began a state visit.

Buhari flew in from Lome at midday and was received by President Kwabena Asante-Mensah at Jubilee House. Later Vice-President Kofi Amankwah welcomed the decision of the court.""")
    fs = facts("r21-host-dateline-2016")
    assert ("person/kwabena-asante-mensah", "leaderOf", "state/ghana") in fs, sorted(fs)
    assert ("person/kwabena-asante-mensah", "leaderOf", "state/togo") not in fs, sorted(fs)   # (where the guest came from)
    assert not any(s == "person/kofi-amankwah" and p == "leaderOf" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_surname_two_people_share_is_the_one_in_office_in_the_year_told() -> None:
    TEXTS["r21-two-bushes-1989"] = ("2014-12-03", """Twenty-five years on

MOSCOW — Presidents George H. W. Bush and George W. Bush both dealt with the Kremlin. The younger man met Vladimir Putin many times. The talks that brought Bush and Mikhail Gorbachev together in 1989 were held aboard a ship off Malta.""")
    ss = summits("r21-two-bushes-1989")
    assert any(v["participant"] == {"person/george-h-w-bush", "person/mikhail-gorbachev"} for v in ss.values()), ss


def test_extract_rules_a_town_in_a_building_s_name_is_not_where_it_stands() -> None:
    TEXTS["r21-building-name-2025"] = ("2025-07-17", """Treaty signed

LONDON — Prime Minister Keir Starmer and Chancellor Friedrich Merz signed the Treaty on Friendship between the United Kingdom and Germany on Thursday in the Victoria and Albert Museum in London.""")
    fs = facts("r21-building-name-2025")
    t = sole_subject(fs, "signatory", "person/friedrich-merz")
    assert (t, "signedAt", "place/london") in fs and (t, "signedAt", "place/victoria") not in fs, sorted(fs)


def test_extract_rules_a_treaty_signed_as_the_subject_of_its_clause_takes_that_clause_s_date() -> None:
    TEXTS["r21-subject-date-1959"] = ("2019-06-01", """Two rivers

The Danube Navigation Treaty, signed in Vienna on March 4, 1921, set up a river commission. Thirty-eight years later, on June 12, 1959, a Convention on Danube Fisheries signed in Bucharest created a second joint body.""")
    fs = facts("r21-subject-date-1959")
    t = sole_subject(fs, "signedAt", "place/bucharest")
    assert (t, "signedOn", "1959-06-12") in fs, sorted(fs)


# --- round 22 --------------------------------------------------------------------------------------
def test_extract_rules_a_host_who_received_him_is_not_the_guest_he_stands_for() -> None:
    TEXTS["r22-received-him-2019"] = ("2019-10-12", """Across the steppe

Italian Prime Minister Giuseppe Conte spent Thursday in Tashkent on his first trip to the region. Uzbekistan's president, Shavkat Mirziyoyev, received him for talks on cotton and gas.""")
    ss = summits("r22-received-him-2019")
    assert any(v["participant"] == {"person/giuseppe-conte", "person/shavkat-mirziyoyev"} for v in ss.values()), ss
    fs = facts("r22-received-him-2019")
    v = sole_subject(fs, "visitor", "person/giuseppe-conte")
    assert (v, "startDate", "2019-10-10") in fs, sorted(fs)


def test_extract_rules_a_host_named_after_a_long_title_receives_the_guest() -> None:
    TEXTS["r22-long-title-2022"] = ("2022-03-09", """Readout

In the afternoon, Prime Minister Mark Rutte was received by President of the Portuguese Republic Marcelo Rebelo de Sousa at Belem Palace, where the two discussed energy links.""")
    ss = summits("r22-long-title-2022")
    assert any(v["participant"] == {"person/mark-rutte", "person/marcelo-rebelo-de-sousa"} for v in ss.values()), ss


def test_extract_rules_talks_with_her_counterpart_in_a_clause_of_no_person() -> None:
    TEXTS["r22-her-counterpart-1997"] = ("1997-06-02", """Grain deal

Polish Prime Minister Wlodzimierz Cimoszewicz spent much of May on farm policy. After talks with his Ukrainian counterpart Pavlo Lazarenko on 21 May, the two cabinets approved a grain accord.""")
    ss = summits("r22-her-counterpart-1997")
    assert any(v["participant"] == {"person/wlodzimierz-cimoszewicz", "person/pavlo-lazarenko"} for v in ss.values()), ss


def test_extract_rules_a_named_treaty_described_by_an_appositive_clause_takes_its_parties() -> None:
    TEXTS["r22-appositive-treaty-1934"] = ("2024-02-09", """Ninety years on

Scholars link the alliance to the Balkan Pact, the mutual-defence treaty that Greece, Romania, Turkey and Yugoslavia signed in Athens on 9 February 1934.""")
    fs = facts("r22-appositive-treaty-1934")
    t = sole_subject(fs, "party", "state/yugoslavia")
    assert "balkan" in t and (t, "signedAt", "place/athens") in fs and (t, "party", "state/greece") in fs, sorted(fs)


def test_extract_rules_the_texts_were_signed_by_is_the_treaty_just_told() -> None:
    TEXTS["r22-texts-signed-1951"] = ("2021-09-08", """Seventy years of the security treaty

In San Francisco on 8 September 1951, Washington and Tokyo concluded a mutual security treaty; Japan and the United States thus became allies. The texts were signed by the Japanese prime minister, Shigeru Yoshida, and the U.S. secretary of state, Dean Acheson.""")
    fs = facts("r22-texts-signed-1951")
    t = sole_subject(fs, "signatory", "person/dean-acheson")
    assert (t, "signatory", "person/shigeru-yoshida") in fs, sorted(fs)


def test_extract_rules_one_among_the_leaders_who_flew_in_visited() -> None:
    TEXTS["r22-among-2006"] = ("2006-11-05", """Forum

BEIJING — Ghana's President John Kufuor was among the West African presidents who flew to Beijing for the forum, and Mali's Amadou Toumani Toure arrived on Friday.""")
    fs = facts("r22-among-2006")
    v = sole_subject(fs, "visitor", "person/john-kufuor")
    assert (v, "destination", "place/beijing") in fs, sorted(fs)


def test_extract_rules_a_stop_at_an_airport_outside_a_capital_is_a_visit_there() -> None:
    TEXTS["r22-airport-stop-2010"] = ("2010-03-20", """Brief halt

On Friday, Chinese Premier Wen Jiabao stopped at Boryspil airport outside Kyiv for a short meeting with Ukrainian Prime Minister Mykola Azarov.""")
    fs = facts("r22-airport-stop-2010")
    v = sole_subject(fs, "visitor", "person/wen-jiabao")
    assert (v, "startDate", "2010-03-19") in fs, sorted(fs)


def test_extract_rules_beginning_the_week_in_a_town_and_spending_a_day_with_its_leader() -> None:
    TEXTS["r22-began-week-2012"] = ("2012-06-09", """Week in review

Indian Prime Minister Manmohan Singh began the week in Dhaka, where he spent Tuesday with Bangladeshi Prime Minister Sheikh Hasina before flying home.""")
    fs = facts("r22-began-week-2012")
    v = sole_subject(fs, "visitor", "person/manmohan-singh")
    assert (v, "destination", "place/dhaka") in fs, sorted(fs)
    ss = summits("r22-began-week-2012")
    assert any(v["participant"] == {"person/manmohan-singh", "person/sheikh-hasina"} for v in ss.values()), ss


def test_extract_rules_attending_a_ceremony_in_another_state_s_town_is_a_visit() -> None:
    TEXTS["r22-attended-2018"] = ("2018-05-19", """Wedding guests

Canadian Prime Minister Justin Trudeau attended the funeral in Tokyo on Saturday. Indian Prime Minister Narendra Modi attended the forum in Toronto by video link.""")
    fs = facts("r22-attended-2018")
    v = sole_subject(fs, "visitor", "person/justin-trudeau")
    assert (v, "destination", "place/tokyo") in fs and (v, "startDate", "2018-05-19") in fs, sorted(fs)
    assert not any(p == "visitor" and o == "person/narendra-modi" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_town_in_a_treaty_s_own_name_is_no_party() -> None:
    TEXTS["r22-town-in-name-1999"] = ("1999-03-02", """Water deal

The Canberra Fisheries Accord was concluded in Canberra on 1 March 1999 between Fiji and Tonga, after two years of talks.""")
    fs = facts("r22-town-in-name-1999")
    t = sole_subject(fs, "party", "state/fiji")
    assert (t, "party", "state/tonga") in fs and (t, "party", "state/australia") not in fs, sorted(fs)


def test_extract_rules_a_cue_word_inside_a_treaty_s_name_makes_no_plan() -> None:
    TEXTS["r22-plan-in-name-2015"] = ("2015-09-20", """Sanctions eased

Under the Joint Comprehensive Plan of Action, concluded by Iran and Germany among others on 14 July 2015, sanctions were eased.""")
    fs = facts("r22-plan-in-name-2015")
    t = sole_subject(fs, "party", "state/iran")
    assert (t, "party", "state/germany") in fs and (t, "signedOn", "2015-07-14") in fs, sorted(fs)
    assert not any(s.startswith("plan/") for s, p, o in fs), sorted(fs)


def test_extract_rules_he_after_a_host_received_him_is_the_guest() -> None:
    TEXTS["r22-received-then-he-2019"] = ("2019-04-10", """In Lisbon

Chilean President Sebastian Pinera landed in Lisbon on Monday evening. On Tuesday President Marcelo Rebelo de Sousa received him with honours at Belem Palace. He also met Prime Minister Antonio Costa over lunch.""")
    ss = summits("r22-received-then-he-2019")
    assert any(v["participant"] == {"person/sebastian-pinera", "person/antonio-costa"} for v in ss.values()), ss
    assert not any(v["participant"] == {"person/marcelo-rebelo-de-sousa", "person/antonio-costa"} for v in ss.values()), ss


# --- round 23 --------------------------------------------------------------------------------------
def test_extract_rules_the_year_and_kind_of_a_treaty_told_before_is_that_treaty() -> None:
    TEXTS["r23-year-pact-1961"] = ("2011-03-02", """Fifty years of the river pact

In Bamako on 2 March 1961, the foreign ministers of Mali and the Upper Volta signed a treaty on sharing the upper river. In 1992 Mali and Burkina Faso signed an accord that superseded the 1961 treaty.""")
    fs = facts("r23-year-pact-1961")
    old = sole_subject(fs, "signedAt", "place/bamako")
    new = sole_subject(fs, "signedOn", "1992")
    assert (new, "replaces", old) in fs, sorted(fs)
    assert not any(p == "signedOn" and o == "1961" for s, p, o in fs), sorted(fs)   # no second 1961 treaty


def test_extract_rules_that_year_is_the_story_s_year_not_one_naming_an_older_treaty() -> None:
    TEXTS["r23-that-year-1994"] = ("2024-05-11", """A look back

On 11 May 1994 in Accra, Ghana and Togo signed a new border treaty, which replaced the 1968 agreement on the frontier. Togolese President Gnassingbe Eyadema visited Ghana in August that year.""")
    fs = facts("r23-that-year-1994")
    v = sole_subject(fs, "visitor", "person/gnassingbe-eyadema")
    assert (v, "startDate", "1994-08") in fs, sorted(fs)


def test_extract_rules_leaders_listed_after_their_states_hold_the_office_each_in_turn() -> None:
    TEXTS["r23-listed-leaders-1975"] = ("1975-05-30", """West African community

LAGOS, May 30 (Wire) - The heads of state of Ghana, Togo, Benin and Niger - Ignatius Acheampong, Gnassingbe Eyadema, Mathieu Kerekou and Seyni Kountche - signed the treaty on Wednesday.""")
    fs = facts("r23-listed-leaders-1975")
    for person, state in (("ignatius-acheampong", "ghana"), ("gnassingbe-eyadema", "togo"),
                          ("mathieu-kerekou", "benin"), ("seyni-kountche", "niger")):
        assert (f"person/{person}", "leaderOf", f"state/{state}") in fs, (person, sorted(fs))
    t = sole_subject(fs, "signatory", "person/ignatius-acheampong")
    assert (t, "signatory", "person/seyni-kountche") in fs, sorted(fs)


def test_extract_rules_a_first_word_before_a_reference_name_is_part_of_it() -> None:
    TEXTS["r23-first-word-2003"] = ("2003-11-20", """Session opens

Prime Minister Mir Zafarullah Khan Jamali of Pakistan opened the session on Thursday.""")
    fs = facts("r23-first-word-2003")
    assert ("person/zafarullah-khan-jamali", "leaderOf", "state/pakistan") in fs, sorted(fs)
    assert not any(s.startswith("person/mir-") for s, p, o in fs), sorted(fs)


def test_extract_rules_a_spelling_of_given_names_in_other_vowels_is_the_reference_person() -> None:
    TEXTS["r23-spelling-2010"] = ("2010-06-14", """Power plant

In Lahore on Monday, Prime Minister Yousuf Raza Gilani opened a new power plant built with Chinese loans for Pakistan.""")
    fs = facts("r23-spelling-2010")
    assert ("person/yousaf-raza-gilani", "leaderOf", "state/pakistan") in fs, sorted(fs)


def test_extract_rules_met_one_then_another_each_with_a_date_and_place_of_its_own() -> None:
    TEXTS["r23-met-each-2012"] = ("2020-03-02", """A life in diplomacy

Ghanaian President John Kufuor met Togo's president, Faure Gnassingbe, at the regional summit in Abuja in May 2005, and President Abdoulaye Wade of Senegal at the Dakar conference in June 2007.""")
    ss = summits("r23-met-each-2012")
    togo = [v for v in ss.values() if v["participant"] == {"person/john-kufuor", "person/faure-gnassingbe"}]
    wade = [v for v in ss.values() if v["participant"] == {"person/john-kufuor", "person/abdoulaye-wade"}]
    assert togo and wade, ss
    assert togo[0]["startDate"] == {"2005-05"} and wade[0]["startDate"] == {"2007-06"}, ss
    assert wade[0]["location"] == {"place/dakar"}, ss
    assert not any(len(v["participant"]) == 3 for v in ss.values()), ss


def test_extract_rules_one_who_became_or_was_elected_to_the_office_holds_it() -> None:
    TEXTS["r23-became-2020"] = ("2020-08-11", """Two careers

Former finance minister Amina Diallo became Senegal's first woman prime minister in 2001. In 1990 Alberto Fujimori was elected president of Peru. Omar Bongo, the soldier who governed Gabon for four decades, is remembered in Libreville.""")
    fs = facts("r23-became-2020")
    assert ("person/amina-diallo", "leaderOf", "state/senegal") in fs, sorted(fs)
    assert ("person/alberto-fujimori", "leaderOf", "state/peru") in fs, sorted(fs)
    assert ("person/omar-bongo", "leaderOf", "state/gabon") in fs, sorted(fs)


def test_extract_rules_leaders_who_signed_over_a_video_link_did_not_meet() -> None:
    TEXTS["r23-video-sign-2021"] = ("2021-04-02", """Remote signing

Kenyan President Uhuru Kenyatta and Ugandan President Yoweri Museveni signed a pipeline accord over a video link on Thursday.""")
    fs = facts("r23-video-sign-2021")
    assert sole_subject(fs, "signatory", "person/yoweri-museveni"), sorted(fs)
    assert not summits("r23-video-sign-2021"), summits("r23-video-sign-2021")


def test_extract_rules_a_gathering_told_at_its_second_day_is_being_held() -> None:
    TEXTS["r23-day-two-2019"] = ("2019-02-11", """LIVE: Addis Ababa summit, day two - Cyril Ramaphosa and Paul Kagame talk past midnight

Officials said the final text was not ready.""")
    ss = summits("r23-day-two-2019")
    assert any(v["participant"] == {"person/cyril-ramaphosa", "person/paul-kagame"} for v in ss.values()), ss
    assert not any(s.startswith("plan/") for s, p, o in facts("r23-day-two-2019")), sorted(facts("r23-day-two-2019"))


def test_extract_rules_a_year_of_the_backstory_does_not_date_the_next_sentence() -> None:
    TEXTS["r23-backstory-2023"] = ("2023-05-20", """Regional forum

The forum met in Quito on Friday. Venezuela returned to the group after its previous government had walked out in 2019. Colombia's Gustavo Petro sat beside Chile's Gabriel Boric.""")
    fs = facts("r23-backstory-2023")
    assert ("person/gustavo-petro", "leaderOf", "state/colombia") in fs, sorted(fs)
    assert ("person/gabriel-boric", "leaderOf", "state/chile") in fs, sorted(fs)


def test_extract_rules_leaders_seated_at_a_summit_a_day_brought_and_those_who_stayed_away() -> None:
    TEXTS["r23-seated-2023"] = ("2023-03-04", """Summit week

Rabat: a first trip
Mauritanian President Mohamed Ould Ghazouani landed in Rabat on Sunday. On Monday King Mohammed VI received him at the royal palace.

The regional summit
Thursday brought the third summit of the Atlantic states, also in the Moroccan capital, with the king presiding. Around the table were Ghazouani, Senegal's Macky Sall and Gambian President Adama Barrow. Guinea-Bissau's Umaro Sissoco Embalo pulled out a day before the summit. Ivorian President Alassane Ouattara did not attend either.""")
    ss = summits("r23-seated-2023")
    big = [v for v in ss.values() if {"person/macky-sall", "person/adama-barrow"} <= v["participant"]]
    assert big and "person/mohamed-ould-ghazouani" in big[0]["participant"], ss
    assert big[0].get("startDate") == {"2023-03-02"}, ss
    away = {"person/umaro-sissoco-embalo", "person/alassane-ouattara"}
    assert not any(away & v["participant"] for v in ss.values()), ss


def test_extract_rules_many_agreements_covering_a_few_fields_are_one_package() -> None:
    TEXTS["r23-package-2019"] = ("2019-09-05", """State visit

HANOI, Sept 5 (Wire) - Watched by both presidents, ministers from Vietnam and Laos signed 24 agreements covering roads, power and schooling on Thursday.""")
    fs = facts("r23-package-2019")
    treaties = {s for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert len(treaties) == 1, sorted(fs)
    t = treaties.pop()
    assert (t, "party", "state/laos") in fs and (t, "signedOn", "2019-09-05") in fs, sorted(fs)


def test_extract_rules_one_who_arrived_unannounced_in_a_town_visited_it() -> None:
    TEXTS["r23-unannounced-2022"] = ("2022-06-17", """Surprise trip

Polish President Andrzej Duda arrived unannounced in Vilnius on Wednesday for talks on air defence.""")
    fs = facts("r23-unannounced-2022")
    v = sole_subject(fs, "visitor", "person/andrzej-duda")
    assert (v, "destination", "place/vilnius") in fs and (v, "startDate", "2022-06-15") in fs, sorted(fs)


# --- round 24 --------------------------------------------------------------------------------------
def test_extract_rules_a_generational_suffix_tells_a_reference_person_from_the_parent() -> None:
    TEXTS["r24-suffix-2023"] = ("2023-06-08", """Rice talks

President Ferdinand R. Marcos Jr. opened a rice research centre on Thursday in Los Banos.""")
    fs = facts("r24-suffix-2023")
    assert ("person/bongbong-marcos", "leaderOf", "state/philippines") in fs, sorted(fs)
    assert not any(s == "person/ferdinand-marcos" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_members_of_a_delegation_serve_its_state() -> None:
    TEXTS["r24-delegation-2016"] = ("2016-09-07", """Port deal

The Tanzanian side included Works Minister Makame Mbarawa and Trade Minister Charles Mwijage. Zambia's team comprised Transport Minister Brian Mushimba and Finance Minister Felix Mutati.""")
    fs = facts("r24-delegation-2016")
    for person, state in (("makame-mbarawa", "tanzania"), ("charles-mwijage", "tanzania"),
                          ("brian-mushimba", "zambia"), ("felix-mutati", "zambia")):
        assert (f"person/{person}", "officialOf", f"state/{state}") in fs, (person, sorted(fs))


def test_extract_rules_a_deputy_president_is_an_official_not_the_leader() -> None:
    TEXTS["r24-deputy-2016"] = ("2016-05-19", """Trade fair

Kenya's Deputy President William Ruto opened the trade fair in Mombasa on Wednesday.""")
    fs = facts("r24-deputy-2016")
    assert ("person/william-ruto", "officialOf", "state/kenya") in fs, sorted(fs)
    assert ("person/william-ruto", "leaderOf", "state/kenya") not in fs, sorted(fs)


def test_extract_rules_one_the_apposition_says_became_the_leader_holds_the_office() -> None:
    TEXTS["r24-who-became-2022"] = ("2022-02-03", """Obituary

Ahmed Abdallah Sambi, the cleric who became the Comoros' first elected president from Anjouan, spoke in Moroni. Hery Rajaonarimampianina, an accountant who was elected Madagascar's president in 2013, stood down in 2018.""")
    fs = facts("r24-who-became-2022")
    assert ("person/ahmed-abdallah-sambi", "leaderOf", "state/comoros") in fs, sorted(fs)
    assert ("person/hery-rajaonarimampianina", "leaderOf", "state/madagascar") in fs, sorted(fs)


def test_extract_rules_the_two_men_who_signed_are_not_those_watching() -> None:
    TEXTS["r24-watched-2019"] = ("2019-11-22", """Border accord

Presidents Evo Morales and Mario Abdo Benitez flew to Asuncion on Thursday. On Friday, watched by Uruguayan President Tabare Vazquez, the two men signed the Chaco River Accord between Bolivia and Paraguay.""")
    fs = facts("r24-watched-2019")
    t = sole_subject(fs, "signatory", "person/evo-morales")
    assert (t, "signatory", "person/mario-abdo-benitez") in fs, sorted(fs)
    assert (t, "signatory", "person/tabare-vazquez") not in fs, sorted(fs)


def test_extract_rules_a_declaration_the_leaders_signed_is_not_the_treaty_named_after_it() -> None:
    TEXTS["r24-other-document-2019"] = ("2019-11-22", """Border accord

Presidents Evo Morales and Mario Abdo Benitez met in Asuncion on Friday. The new accord builds on the joint declaration of friendship and trade the two leaders signed in Cochabamba on March 3, which itself closed a quarrel dating from the Treaty of Buenos Aires of 1938.""")
    fs = facts("r24-other-document-2019")
    assert not any(p == "signatory" for s, p, o in fs if s.startswith("treaty/treaty-of-buenos-aires")), sorted(fs)
    assert not any(p == "signedAt" and o == "place/cochabamba" for s, p, o in fs
                   if s.startswith("treaty/treaty-of-buenos-aires")), sorted(fs)


def test_extract_rules_a_settlement_named_for_the_state_it_settles_keeps_the_state_in_its_name() -> None:
    TEXTS["r24-settlement-2015"] = ("2015-06-22", """Peace in the north

On Saturday the government and the northern rebels signed the Agreement for Peace and Reconciliation in Mali in Bamako.""")
    fs = facts("r24-settlement-2015")
    t = sole_subject(fs, "signedAt", "place/bamako")
    assert t == "treaty/agreement-for-peace-and-reconciliation-in-mali", sorted(fs)


def test_extract_rules_a_landing_at_an_airport_where_the_host_waits_is_a_visit_not_talks() -> None:
    TEXTS["r24-airport-2018"] = ("2018-03-14", """Arrival

Indian Prime Minister Narendra Modi landed at Bole International Airport on Tuesday, where he was met by Ethiopia's Prime Minister Hailemariam Desalegn.""")
    fs = facts("r24-airport-2018")
    v = sole_subject(fs, "visitor", "person/narendra-modi")
    assert (v, "destination", "state/ethiopia") in fs, sorted(fs)
    assert not summits("r24-airport-2018"), summits("r24-airport-2018")


def test_extract_rules_a_headline_in_capitals_names_only_whom_the_body_names() -> None:
    TEXTS["r24-capitals-2017"] = ("2017-08-03", """PRESIDENT BUHARI RECEIVES PRESIDENT TALON IN ABUJA

President Muhammadu Buhari on Thursday received President Patrice Talon of Benin at the Presidential Villa in Abuja for talks on border trade.""")
    fs = facts("r24-capitals-2017")
    people = {s for s, p, o in fs if s.startswith("person/")}
    assert people == {"person/muhammadu-buhari", "person/patrice-talon"}, sorted(people)


def test_extract_rules_a_building_before_an_office_is_no_person() -> None:
    TEXTS["r24-building-2017"] = ("2017-08-03", """Talks

Ghanaian President Nana Akufo-Addo arrived in Abuja on Wednesday. At Aso Rock Villa, the President was received by his host before the talks began. At Flagstaff House, the minister spoke.""")
    fs = facts("r24-building-2017")
    assert not any(s.startswith(("person/aso-", "person/flagstaff")) for s, p, o in fs), sorted(fs)


def test_extract_rules_a_group_told_on_a_day_is_not_the_leaders_of_a_meeting_of_another_year() -> None:
    TEXTS["r24-group-day-2023"] = ("2023-09-12", """Three-way talks

Brazil's leader, Luiz Inacio Lula da Silva, hosted Argentine President Alberto Fernandez and Uruguayan President Luis Lacalle Pou in Brasilia on Monday.

It was the fifth meeting in this format.

The previous one took place in Montevideo in March 2008, when Tabare Vazquez received Nestor Kirchner and Michelle Bachelet.

After Monday's talks the three approved a text on river trade.""")
    ss = summits("r24-group-day-2023")
    assert not any({"person/tabare-vazquez", "person/michelle-bachelet"} & v["participant"]
                   and "2023-09-11" in v.get("startDate", set()) for v in ss.values()), ss


def test_extract_rules_a_headline_s_pair_is_not_another_pair_the_body_dates() -> None:
    TEXTS["r24-headline-pair-2019"] = ("2019-10-08", """Macky Sall holds talks with Nana Akufo-Addo in Accra

Senegalese President Macky Sall paid an official visit to Ghana today. It was his first visit since March 2013, when he travelled to Accra and held talks with then-President John Mahama.""")
    ss = summits("r24-headline-pair-2019")
    mahama = [v for v in ss.values() if "person/john-mahama" in v["participant"]]
    assert mahama and all("person/nana-akufo-addo" not in v["participant"] for v in mahama), ss


def test_extract_rules_a_date_of_a_past_perfect_clause_after_the_arrival_is_not_the_arrival_s() -> None:
    TEXTS["r24-had-2019"] = ("2019-05-10", """Tour

President Macky Sall arrived in Accra from Nigeria, where on 8 May he had attended the inauguration in Abuja as a guest.""")
    fs = facts("r24-had-2019")
    v = sole_subject(fs, "destination", "place/accra")
    assert (v, "startDate", "2019-05-08") not in fs, sorted(fs)


def test_extract_rules_a_leader_s_counterpart_after_a_comma_leads_the_other_state() -> None:
    TEXTS["r24-counterpart-1994"] = ("1994-08-02", """Border pact

The pact was signed by Kenyan Prime Minister Raila Odinga and his Ugandan counterpart, Apolo Nsibambi, in Kampala.""")
    fs = facts("r24-counterpart-1994")
    assert ("person/apolo-nsibambi", "leaderOf", "state/uganda") in fs, sorted(fs)
    assert ("person/apolo-nsibambi", "title", "Minister") not in fs, sorted(fs)


def test_extract_rules_an_apposition_about_a_visit_gives_no_office_to_the_one_visited() -> None:
    TEXTS["r24-apposition-visit-2022"] = ("2022-06-02", """Thaw

Venezuelan President Nicolas Maduro spoke in Caracas. Days earlier, Colombian Foreign Minister Alvaro Leyva flew to Caracas and met Maduro, the first trip by a Colombian foreign minister in six years.""")
    fs = facts("r24-apposition-visit-2022")
    assert ("person/nicolas-maduro", "officialOf", "state/colombia") not in fs, sorted(fs)
    assert ("person/nicolas-maduro", "leaderOf", "state/venezuela") in fs, sorted(fs)


def test_extract_rules_a_given_name_s_second_syllable_after_a_hyphen_is_part_of_the_name() -> None:
    TEXTS["r24-syllable-1998"] = ("1998-10-09", """Talks

On Thursday, in Tokyo, South Korean Foreign Minister Song Min-soon and his Japanese counterpart signed a fisheries pact.""")
    fs = facts("r24-syllable-1998")
    assert ("person/song-min-soon", "officialOf", "state/south-korea") in fs, sorted(fs)
    assert not any(s == "person/song-min" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_greeting_of_one_who_has_just_flown_in_is_no_meeting() -> None:
    TEXTS["r24-flew-in-2019"] = ("2019-02-10", """Summit eve

Rwandan President Paul Kagame, who flew into Addis Ababa on Saturday morning, was greeted with a handshake by Ethiopian Prime Minister Abiy Ahmed.""")
    fs = facts("r24-flew-in-2019")
    assert sole_subject(fs, "visitor", "person/paul-kagame"), sorted(fs)
    assert not summits("r24-flew-in-2019"), summits("r24-flew-in-2019")


def test_extract_rules_surnames_joined_in_a_headline_are_the_people_the_body_names() -> None:
    TEXTS["r24-joined-2018"] = ("2018-04-27", """Moon-Kim summit at Panmunjom, day two

Seoul's Moon Jae-in and Pyongyang's Kim Jong Un resumed their talks at the border village after a night of drafting.""")
    ss = summits("r24-joined-2018")
    assert any(v["participant"] == {"person/moon-jae-in", "person/kim-jong-un"}
               and v.get("startDate") == {"2018-04-26"} for v in ss.values()), ss
    fs = facts("r24-joined-2018")
    assert not any(s.startswith("person/moon-kim") for s, p, o in fs), sorted(fs)


def test_extract_rules_talks_told_as_under_way_are_held_on_the_story_s_day() -> None:
    TEXTS["r24-under-way-2016"] = ("2016-07-08", """Live

Talks between Prime Minister Narendra Modi and Mozambican President Filipe Nyusi are under way at the Ponta Vermelha palace in Maputo.""")
    ss = summits("r24-under-way-2016")
    assert any(v["participant"] == {"person/narendra-modi", "person/filipe-nyusi"}
               and v.get("startDate") == {"2016-07-08"} for v in ss.values()), ss


def test_extract_rules_the_pope_heads_the_holy_see() -> None:
    TEXTS["r24-pope-2015"] = ("2015-09-22", """Havana stop

Pope Francis arrived in Havana on Saturday and held talks with President Raul Castro at the Palace of the Revolution.""")
    fs = facts("r24-pope-2015")
    assert ("person/pope-francis", "leaderOf", "state/holy-see") in fs, sorted(fs)
    ss = summits("r24-pope-2015")
    assert any(v["participant"] == {"person/pope-francis", "person/raul-castro"} for v in ss.values()), ss


def test_extract_rules_the_leaders_of_states_are_not_those_of_an_earlier_summit_recalled() -> None:
    TEXTS["r24-earlier-leaders-2024"] = ("2024-05-28", """Three-way talks

The leaders of China, Japan and South Korea met in Seoul on Monday. Their previous meeting was held in Chengdu in December 2019, when Premier Li Keqiang played host to Shinzo Abe and Moon Jae-in.""")
    ss = summits("r24-earlier-leaders-2024")
    assert not any("person/shinzo-abe" in v["participant"] and "2024-05-27" in v.get("startDate", set())
                   for v in ss.values()), ss


# --- round 25 --------------------------------------------------------------------------------------
def test_extract_rules_the_guest_at_the_invitation_of_a_host_is_the_visitor() -> None:
    # the parser hangs the guest on the host ("At the invitation of A, B ...") and leaves the
    # verb without a subject
    TEXTS["r25-invitation-2017"] = ("2017-03-16", """Readout

At the invitation of President Hage Geingob, Mr. Edgar Lungu, President of the Republic of Zambia, paid a State Visit to Namibia from 14 to 15 March 2017. At the request of Prime Minister Malcolm Turnbull, President Joko Widodo travelled to Sydney in February.""")
    fs = facts("r25-invitation-2017")
    v = sole_subject(fs, "visitor", "person/edgar-lungu")
    assert (v, "destination", "state/namibia") in fs and (v, "startDate", "2017-03-14") in fs, sorted(fs)
    assert sole_subject(fs, "visitor", "person/joko-widodo"), sorted(fs)
    assert not any(p == "visitor" and o in ("person/hage-geingob", "person/malcolm-turnbull") for s, p, o in fs), \
        sorted(fs)


def test_extract_rules_a_capitalised_description_points_back_to_the_one_named() -> None:
    TEXTS["r25-capital-description-2018"] = ("2018-07-25", """State visit

Xi Jinping, President of China, landed in Dakar on Saturday. Senegal's President Macky Sall called the visit historic. On Sunday the Senegalese President and the Chinese President held talks at the presidential palace.""")
    ss = summits("r25-capital-description-2018")
    assert any(v["participant"] == {"person/macky-sall", "person/xi-jinping"} and v.get("startDate") == {"2018-07-22"}
               for v in ss.values()), ss


def test_extract_rules_the_right_honourable_title_is_one_sentence_and_one_person() -> None:
    TEXTS["r25-rt-hon-2019"] = ("2019-11-08", """Press release

Prime Minister Jacinda Ardern welcomed President Moon Jae-in's special envoy in Wellington. President Kersti Kaljulaid of Estonia, on a visit to New Zealand, called on the Rt. Hon. Prime Minister at Parliament on Thursday.""")
    ss = summits("r25-rt-hon-2019")
    assert any(v["participant"] == {"person/jacinda-ardern", "person/kersti-kaljulaid"}
               and v.get("startDate") == {"2019-11-07"} for v in ss.values()), ss


def test_extract_rules_a_description_means_the_one_in_office_in_the_sentence_s_year() -> None:
    # two presidents of one state named: "the Chinese President" of a 2019 story is the one the
    # reference data has in office then, not the one whose 1996 visit it recalls
    TEXTS["r25-in-office-2019"] = ("2019-10-13", """Kathmandu visit

President Xi Jinping of China flew into Kathmandu on Saturday; no leader from Beijing had come since President Jiang Zemin toured Nepal in 1996. On Sunday the Chinese President sat down with Prime Minister K.P. Sharma Oli at Singha Durbar.""")
    ss = summits("r25-in-office-2019")
    assert any(v["participant"] == {"person/kp-sharma-oli", "person/xi-jinping"} for v in ss.values()), ss
    assert not any("person/jiang-zemin" in v["participant"] for v in ss.values()), ss
    # one with no term in the reference data is not preferred to one whose term it does not cover
    TEXTS["r25-in-office-1954"] = ("2024-07-27", """Seventy years on

In 1951 Prime Minister Mostafa el-Nahhas tore up the old treaty. Three years later the Canal Zone Evacuation Accord was signed by Gamal Abdel Nasser in Cairo, at that time Egypt's prime minister, and by Anthony Head, Britain's war secretary.""")
    fs = facts("r25-in-office-1954")
    assert any(p == "signatory" and o == "person/gamal-abdel-nasser" for s, p, o in fs), sorted(fs)
    assert not any(p == "signatory" and o == "person/mostafa-al-nahhas" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_host_named_after_the_title_of_a_passive_welcome() -> None:
    # "was received by the President of X, A": the parser may hang A on the verb, not the title
    TEXTS["r25-received-by-title-2018"] = ("2018-06-12", """Readout

The President of Ghana, Nana Akufo-Addo, was received on Monday at the Elysee by the President of the French Republic, Emmanuel Macron, in the course of a working visit.""")
    ss = summits("r25-received-by-title-2018")
    assert any(v["participant"] == {"person/nana-akufo-addo", "person/emmanuel-macron"}
               and v.get("startDate") == {"2018-06-11"} for v in ss.values()), ss


def test_extract_rules_a_headline_pair_that_meets_met() -> None:
    # the tagger reads a headline's "meet" as a noun; the pair, both leaders, met there
    TEXTS["r25-headline-meet-2022"] = ("2022-11-23", """Lopez Obrador and Trudeau hold talks in Ottawa

Mexico's President Andres Manuel Lopez Obrador began a working visit to Canada on Tuesday. Prime Minister Justin Trudeau praised the trade links.""")
    ss = summits("r25-headline-meet-2022")
    assert any(v["participant"] == {"person/andres-manuel-lopez-obrador", "person/justin-trudeau"}
               and v.get("location") == {"place/ottawa"} for v in ss.values()), ss
    TEXTS["r25-headline-meet-later-2022"] = ("2022-11-23", """Ramaphosa and Sunak meet next month

South African President Cyril Ramaphosa plans a state visit to Britain. Prime Minister Rishi Sunak praised the trade links.""")
    assert not summits("r25-headline-meet-later-2022"), summits("r25-headline-meet-later-2022")


def test_extract_rules_a_headline_surname_is_the_person_the_body_names_in_full() -> None:
    # the NER reads such surnames as a nationality, a product or a firm, or not at all
    TEXTS["r25-headline-surnames-2023"] = ("2023-07-06", """Albanese and Hipkins meet in Wellington

Australia's Prime Minister Anthony Albanese flew across the Tasman on Wednesday. New Zealand's Prime Minister Chris Hipkins praised the defence ties.""")
    ss = summits("r25-headline-surnames-2023")
    assert any(v["participant"] == {"person/anthony-albanese", "person/chris-hipkins"}
               and v.get("location") == {"place/wellington"} for v in ss.values()), ss


def test_extract_rules_a_treaty_named_in_sentence_case_is_signed() -> None:
    # readouts write "the Agreement on ..." with one capital: neither a Title Case name nor
    # a reference back to "the Agreement" told before
    TEXTS["r25-sentence-case-2019"] = ("2019-04-12", """Astana readout

President Kassym-Jomart Tokayev of Kazakhstan received President Sooronbay Jeenbekov of Kyrgyzstan in Nur-Sultan on Thursday. The two Presidents then signed the Agreement on the joint use of border checkpoints.""")
    fs = facts("r25-sentence-case-2019")
    t = sole_subject(fs, "signatory", "person/kassym-jomart-tokayev")
    assert (t, "signatory", "person/sooronbay-jeenbekov") in fs and (t, "party", "state/kyrgyzstan") in fs, sorted(fs)


def test_extract_rules_talks_held_there_are_where_the_sentence_before_left_off() -> None:
    # "held talks there ... before flying on to Y": the place just told, not the next stop
    TEXTS["r25-talks-there-2016"] = ("2016-09-04", """Asian tour

Indian Prime Minister Narendra Modi landed in Hanoi on Friday evening. On Saturday he held talks there with Prime Minister Nguyen Xuan Phuc before flying on to Hangzhou.""")
    ss = summits("r25-talks-there-2016")
    assert any(v["participant"] == {"person/narendra-modi", "person/nguyen-xuan-phuc"}
               and v.get("location") == {"place/hanoi"} for v in ss.values()), ss


def test_extract_rules_a_series_name_of_a_gathering_is_kept_whole() -> None:
    # "the Ninth Summit of the Americas": a name that ends on what the series is of, not "Ninth
    # summit" (nor with the town put inside it)
    TEXTS["r25-series-name-2022"] = ("2022-06-10", """Los Angeles

The Ninth Summit of the Americas closed in Los Angeles on Friday. President Joe Biden hosted Argentina's President Alberto Fernandez and Canada's Prime Minister Justin Trudeau.""")
    met = [e for e in run("r25-series-name-2022").entities.values() if e.key.startswith("summit/")]
    labels, alts = {e.label for e in met}, {a for e in met for a in e.alt_labels}
    assert any(label.startswith("Ninth Summit of the Americas") for label in labels), labels
    assert not any("Los Angeles Americas" in a for a in alts), alts


def test_extract_rules_met_two_leaders_separately_is_two_meetings() -> None:
    TEXTS["r25-separately-2017"] = ("2017-07-09", """Hamburg diary

Japanese Prime Minister Shinzo Abe arrived in Hamburg on Thursday. On Friday Mr Abe met German Chancellor Angela Merkel and French President Emmanuel Macron separately.""")
    ss = summits("r25-separately-2017")
    groups = [v["participant"] for v in ss.values()]
    assert {"person/shinzo-abe", "person/angela-merkel"} in groups, ss
    assert {"person/shinzo-abe", "person/emmanuel-macron"} in groups, ss
    assert not any(len(g) == 3 for g in groups), ss


def test_extract_rules_talks_that_evening_and_a_reception_the_next_day_are_two_meetings() -> None:
    # "held talks with B that evening, and on Monday he was received by C": each its own meeting,
    # "that evening" the day the sentence before told
    TEXTS["r25-that-evening-2018"] = ("2018-10-28", """Tokyo visit

Narendra Modi of India reached Yamanashi on Saturday. Mr Modi held talks with Prime Minister Shinzo Abe that evening, and on Monday he was received by Emperor Akihito at the Imperial Palace.""")
    ss = summits("r25-that-evening-2018")
    assert any(v["participant"] == {"person/narendra-modi", "person/shinzo-abe"}
               and v.get("startDate") == {"2018-10-27"} for v in ss.values()), ss
    assert not any(len(v["participant"]) == 3 for v in ss.values()), ss


def test_extract_rules_their_ministers_are_those_of_the_two_leaders_in_turn() -> None:
    TEXTS["r25-their-ministers-2023"] = ("2023-05-08", """Seoul talks

Japanese Prime Minister Fumio Kishida held talks with South Korean President Yoon Suk Yeol in Seoul on Sunday. Their trade ministers, Yasutoshi Nishimura and Lee Chang-yang, sat in on the talks.""")
    fs = facts("r25-their-ministers-2023")
    assert ("person/yasutoshi-nishimura", "officialOf", "state/japan") in fs, sorted(fs)
    assert ("person/lee-chang-yang", "officialOf", "state/south-korea") in fs, sorted(fs)


def test_extract_rules_a_guest_received_at_a_building_visits_its_state() -> None:
    # "received at the White House": the meeting's place is the building, the visit's the state
    TEXTS["r25-received-at-building-2021"] = ("2021-10-15", """Readout

Kenyan President Uhuru Kenyatta was received on Thursday at the White House by US President Joe Biden.""")
    fs = facts("r25-received-at-building-2021")
    v = sole_subject(fs, "visitor", "person/uhuru-kenyatta")
    assert (v, "destination", "state/united-states") in fs, sorted(fs)
    ss = summits("r25-received-at-building-2021")
    assert any(v["participant"] == {"person/uhuru-kenyatta", "person/joe-biden"}
               and v.get("location") == {"place/white-house"} for v in ss.values()), ss


def test_extract_rules_the_new_treaty_is_the_one_that_replaced_the_other() -> None:
    # "X replaced Y. The new treaty was signed ...": X (though Y was named last), and the old one Y
    TEXTS["r25-new-treaty-2019"] = ("2019-02-26", """Trade pact

The ASEAN Trade in Goods Agreement took effect in 2010 and replaced the Common Effective Preferential Tariff Agreement. The new treaty was signed in Thailand on 26 February 2009 by the economic ministers of the ten members. The old agreement had been signed in Singapore in 1992.""")
    fs = facts("r25-new-treaty-2019")
    newer = {s for s, p, o in fs if p == "replaces"}
    older = {o for s, p, o in fs if p == "replaces"}
    assert len(newer) == 1 and (next(iter(newer)), "signedOn", "2009-02-26") in fs, sorted(fs)
    assert any((o, "signedOn", "1992") in fs for o in older), sorted(fs)


def test_extract_rules_a_town_s_accords_in_lower_case_are_a_named_treaty() -> None:
    # news writes "the Dayton agreement", "the Geneva accords": the name with its head in lower case
    TEXTS["r25-town-accords-2015"] = ("2015-12-14", """Twenty years on

Presidents Franjo Tudjman of Croatia and Alija Izetbegovic of Bosnia signed the Dayton agreement at the Elysee Palace in Paris on 14 December 1995. In 1988 Soviet Foreign Minister Eduard Shevardnadze and US Secretary of State George Shultz had signed the Geneva accords on Afghanistan.""")
    fs = facts("r25-town-accords-2015")
    assert ("treaty/dayton-agreement", "signatory", "person/alija-izetbegovic") in fs, sorted(fs)
    assert ("treaty/geneva-accords", "signatory", "person/george-shultz") in fs, sorted(fs)


def test_extract_rules_a_visit_goes_to_the_state_of_its_day() -> None:
    # "the Kazakh capital" in 1987 was in the Soviet Union; in 2019, in Kazakhstan
    for year, state in (("1987", "state/soviet-union"), ("2019", "state/kazakhstan")):
        TEXTS[f"r25-state-then-{year}"] = (f"{year}-07-15", f"""Almaty visit

Indian Prime Minister Rajiv Gandhi flew into the Kazakh capital on 14 July {year} for a day of talks.""")
        fs = facts(f"r25-state-then-{year}")
        v = sole_subject(fs, "visitor", "person/rajiv-gandhi")
        assert (v, "destination", state) in fs, (year, sorted(fs))


def test_extract_rules_a_regnal_numeral_tells_two_monarchs_of_one_name_apart() -> None:
    # "Sultan Mohammed V" after "King Mohammed VI": another person, not the first name of the one named
    TEXTS["r26-regnal-numeral-2021"] = ("2021-06-12", """Port opening

King Mohammed VI opened the new port at Tangier on Friday. The customs convention it replaces, signed on 2 March 1956 between Sultan Mohammed V and the Spanish ambassador of the day, Ramón de Santos, had fixed the old tariffs.""")
    fs = facts("r26-regnal-numeral-2021")
    assert ("person/mohammed-v", "title", "Sultan") in fs, sorted(fs)
    assert ("person/mohammed-vi", "title", "Sultan") not in fs, sorted(fs)


def test_extract_rules_a_monarch_s_title_taken_into_the_name_is_the_title() -> None:
    # the NER's "King Harald V" is King Harald V of Norway, not a person called "King Harald V"
    TEXTS["r26-king-in-name-2019"] = ("2019-05-14", """Palace talks

King Harald V received the Swedish prime minister at the palace in Oslo on Tuesday. The border convention the two discussed dates from 1905, and it was renewed in 1961 under his father, King Olav V, and the Swedish prime minister of the day, Tage Erlander.""")
    fs = facts("r26-king-in-name-2019")
    assert ("person/harald-v", "leaderOf", "state/norway") in fs, sorted(fs)
    assert ("person/olav-v", "leaderOf", "state/norway") in fs, sorted(fs)
    assert not any(s.startswith("person/king-") for s, _, _ in fs), sorted(fs)


def test_extract_rules_a_courtesy_before_a_long_name_the_reference_knows() -> None:
    # "Sheikh" + a five-word name: the courtesy is not one of its words
    TEXTS["r26-sheikh-long-name-2022"] = ("2022-05-10", """Kuwait

The emir of Kuwait, Sheikh Nawaf Al-Ahmad Al-Jaber Al-Sabah, received the Omani foreign minister in Kuwait City on Tuesday.""")
    assert has("r26-sheikh-long-name-2022", "person/nawaf-al-ahmad-al-jaber-al-sabah", "leaderOf", "state/kuwait")


def test_extract_rules_a_monarch_s_title_alone_is_no_one_s_short_name() -> None:
    # "King" of "King Hamad ..." is not a short form of "King Salman", named before
    TEXTS["r26-crowned-alias-2019"] = ("2019-12-10", """Gulf week

King Salman opened the Gulf summit in Riyadh on Sunday. On Monday Kuwait's emir held talks with King Hamad bin Isa Al Khalifa in Manama.""")
    ss = summits("r26-crowned-alias-2019")
    assert not any(v["participant"] >= {"person/salman-bin-abdulaziz-al-saud", "person/hamad-bin-isa-al-khalifa"}
                   for v in ss.values()), ss


def test_extract_rules_one_who_did_not_attend_is_no_participant() -> None:
    # "on behalf of his father, King X, who did not attend": X was not there
    TEXTS["r26-did-not-attend-2024"] = ("2024-03-04", """Amman

Crown Prince Hussein bin Abdullah chaired the Arab League summit in Amman on Sunday on behalf of his father, King Abdullah II, who did not attend. Egyptian President Abdel Fattah al-Sisi and Iraqi Prime Minister Mohammed Shia al-Sudani took part.""")
    ss = summits("r26-did-not-attend-2024")
    assert any(v["participant"] >= {"person/abdel-fattah-el-sisi", "person/mohammed-shia-al-sudani"}
               for v in ss.values()), ss
    assert not any("person/abdullah-ii" in v["participant"] for v in ss.values()), ss


def test_extract_rules_a_summit_named_for_a_region_is_held_in_its_town() -> None:
    # "the Caribbean summit in Kingston": the region names the gathering; the town is where it was
    TEXTS["r26-region-summit-2023"] = ("2023-07-07", """Kingston

The Caribbean summit opened in Kingston on Thursday, with Jamaican Prime Minister Andrew Holness and Barbadian Prime Minister Mia Mottley among the leaders.""")
    ss = summits("r26-region-summit-2023")
    assert any(v.get("location") == {"place/kingston"} and "person/mia-mottley" in v["participant"]
               for v in ss.values()), ss


def test_extract_rules_a_line_with_no_verb_names_a_visit_under_way() -> None:
    # a live report's or caption's line naming a visit, with no verb of its own: no forecast
    TEXTS["r26-fragment-visit-2024"] = ("2024-02-07", """Tokyo live

Live coverage of Kenyan President William Ruto's state visit to Japan, the second leg of an Asian tour.""")
    fs = facts("r26-fragment-visit-2024")
    v = sole_subject(fs, "visitor", "person/william-ruto")
    assert v.startswith("visit/") and (v, "destination", "state/japan") in fs, sorted(fs)


def test_extract_rules_a_planned_visit_is_no_visit_made() -> None:
    # "planned" is a participle before the noun, but not a past one: the visit is ahead
    TEXTS["r26-planned-visit-2024"] = ("2024-02-07", """Preview

Preview: Chancellor Olaf Scholz's planned visit to Brazil""")
    fs = facts("r26-planned-visit-2024")
    assert not any(s.startswith("visit/") for s, _, _ in fs), sorted(fs)
    assert any(s.startswith("plan/") and o == "state/brazil" for s, _, o in fs), sorted(fs)


def test_extract_rules_two_who_each_held_talks_with_a_third_met_the_third() -> None:
    # "A and B each held separate talks with C": A met C and B met C; A and B did not meet here
    TEXTS["r26-each-separately-2024"] = ("2024-11-16", """Lima

On Friday in Lima, Japanese Prime Minister Shigeru Ishiba and South Korean President Yoon Suk Yeol each held separate talks with Chinese President Xi Jinping.""")
    pairs = [v["participant"] for v in summits("r26-each-separately-2024").values()]
    assert {"person/shigeru-ishiba", "person/xi-jinping"} in pairs, pairs
    assert {"person/yoon-suk-yeol", "person/xi-jinping"} in pairs, pairs
    assert {"person/shigeru-ishiba", "person/yoon-suk-yeol"} not in pairs, pairs


def test_extract_rules_the_two_ministers_named_in_turn_are_of_the_two_states() -> None:
    # "The two foreign ministers, A and B," after a meeting of Chile's and Argentina's presidents
    TEXTS["r26-the-two-ministers-2024"] = ("2024-01-10", """Santiago

Chilean President Gabriel Boric received Argentine President Javier Milei in Santiago on Monday. The two foreign ministers, Alberto van Klaveren and Diana Mondino, signed a protocol on the border.""")
    assert has("r26-the-two-ministers-2024", "person/alberto-van-klaveren", "officialOf", "state/chile")
    assert has("r26-the-two-ministers-2024", "person/diana-mondino", "officialOf", "state/argentina")


def test_extract_rules_a_meeting_a_day_earlier_than_the_one_told() -> None:
    # "A day earlier X had met Y": the day before the meeting the sentence before dated
    TEXTS["r26-a-day-earlier-2023"] = ("2023-06-10", """Week of talks

German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Thursday. A day earlier Scholz had met Polish President Andrzej Duda in Berlin.""")
    ss = summits("r26-a-day-earlier-2023")
    assert any(v["participant"] == {"person/olaf-scholz", "person/andrzej-duda"} and v.get("startDate") == {"2023-06-07"}
               for v in ss.values()), ss


def test_extract_rules_a_name_two_leaders_share_is_the_one_in_office_that_year() -> None:
    # "George Bush" without a middle initial: George H. W. Bush in 1991, George W. Bush in 2003
    for date, who in (("1991-06-22", "person/george-h-w-bush"), ("2003-04-01", "person/george-w-bush")):
        TEXTS[f"r26-bush-{date}"] = (date, """Washington

President George Bush received the Russian president at the White House on Thursday.""")
        assert has(f"r26-bush-{date}", who, "leaderOf", "state/united-states"), date
    # the year the sentence tells decides, not the article's: in 1996 neither was in office
    TEXTS["r26-bush-said-year"] = ("2003-04-01", """Memoirs

In 1996 George Bush spoke at a dinner in Houston for veterans of the Gulf war.""")
    fs = facts("r26-bush-said-year")
    assert not any(s in ("person/george-w-bush", "person/george-h-w-bush") for s, _, _ in fs), sorted(fs)


def test_extract_rules_a_closing_participle_belongs_to_the_clause_that_reports() -> None:
    # ", ending a three-day summit" that the parser hangs from the reported "would" clause: the
    # summit ended; what was told is the forecast
    TEXTS["r27-closing-participle-2009"] = ("2009-10-25", """Leaders rebuff host

Asian leaders on Sunday told Japan's prime minister, Yukio Hatoyama, that his trade plan would not survive in its present form, ending a three-day summit in the Thai resort of Pattaya.
The gathering opened on Friday with a dinner hosted by the Thai prime minister, Abhisit Vejjajiva.""")
    ss = summits("r27-closing-participle-2009")
    assert any({"person/yukio-hatoyama", "person/abhisit-vejjajiva"} <= v["participant"]
               and v.get("location") == {"place/pattaya"} for v in ss.values()), ss
    fs = facts("r27-closing-participle-2009")
    assert not any(s.startswith("plan/") for s, _, _ in fs), sorted(fs)


def test_extract_rules_a_summit_in_the_lead_gathers_the_leaders_told_after_it() -> None:
    # the lead's "signing its charter at a special summit in X" takes the day of the act it goes
    # with, and the presidents the next sentences place there took part
    TEXTS["r27-lead-summit-2002"] = ("2002-10-06", """Water council founded

The five Central Asian states on Sunday set up a regional water council, signing its charter at a special summit in Dushanbe.
The ceremony took place at the presidential palace, with President Emomali Rakhmonov as host.
Kazakhstan's Nursultan Nazarbayev and Kyrgyzstan's Askar Akayev were among the presidents who signed.""")
    ss = summits("r27-lead-summit-2002")
    assert any({"person/emomali-rahmon", "person/nursultan-nazarbayev"} <= v["participant"]
               and v.get("startDate") == {"2002-10-06"} for v in ss.values()), ss


def test_extract_rules_a_bloc_that_brings_states_together_is_no_meeting() -> None:
    TEXTS["r27-bloc-brings-2005"] = ("2005-03-02", """Bloc

East African states on Tuesday launched a customs union at a special summit in Arusha.
The new customs union brings together Kenya, Uganda and Tanzania, a market of 90 million people.""")
    assert not summits("r27-bloc-brings-2005")


def test_extract_rules_earlier_in_the_day_is_the_day_told() -> None:
    TEXTS["r27-earlier-in-the-day-2020"] = ("2020-01-27", """Transit deal

India and Brazil signed fifteen agreements in New Delhi on Saturday. Earlier in the day, Indian Prime Minister Narendra Modi and Brazilian President Jair Bolsonaro held talks at Hyderabad House.""")
    # (the spotter finds it, and it reads as the day the text has just told)
    from kg.dates import find_date_expressions, resolve
    assert find_date_expressions("Earlier in the day, A and B held talks.") == [(0, 18, "Earlier in the day")]
    told = PartialDate(2020, 1, 25)
    assert resolve("earlier in the day", PartialDate(2020, 1, 27), context=told) == told
    ss = summits("r27-earlier-in-the-day-2020")
    assert any(v["participant"] == {"person/narendra-modi", "person/jair-bolsonaro"}
               and v.get("startDate") == {"2020-01-25"}
               for v in ss.values()), ss


def test_extract_rules_a_palace_in_a_town_is_placed_in_the_town() -> None:
    # "at the X residence in Sochi": the town the building is in; not a region named later
    TEXTS["r27-residence-in-town-2023"] = ("2023-07-09", """Istanbul talks

Turkish President Recep Tayyip Erdogan and Ukrainian President Volodymyr Zelensky held talks at the Dolmabahce palace complex in central Istanbul on Saturday.""")
    ss = summits("r27-residence-in-town-2023")
    assert any(v.get("location") == {"place/istanbul"} for v in ss.values()), ss
    TEXTS["r27-palace-not-region-1999"] = ("1999-06-04", """Peace signed

The presidents of Serbia and Montenegro signed the peace agreement at the Hofburg Palace on Thursday, ending the worst fighting in Europe since 1945.""")
    fs = facts("r27-palace-not-region-1999")
    assert not any(o == "place/europe" for _, _, o in fs), sorted(fs)


def test_extract_rules_a_while_clause_tells_another_s_day() -> None:
    TEXTS["r27-while-clause-2022"] = ("2022-04-10", """Buenos Aires week

Chile's president, Gabriel Boric, flew in on Monday for two days of talks and was welcomed by Argentina's president, Alberto Fernández, whereas Uruguay's Luis Lacalle Pou came on Thursday.""")
    ss = summits("r27-while-clause-2022")
    assert any(v["participant"] == {"person/gabriel-boric", "person/alberto-fernandez"}
               and v.get("startDate") == {"2022-04-04"}
               for v in ss.values()), ss


def test_extract_rules_a_paragraph_that_tells_its_year_goes_on_in_it() -> None:
    # a bare "on 7 and 8 December" after "the election of 1964", in an obituary whose paragraph
    # before ended on another year's month
    TEXTS["r27-paragraph-year-1995"] = ("1995-05-26", """Wilson dies at 79

Harold Wilson, Britain's prime minister in the 1960s and 1970s, died on Wednesday at the age of 79. In March 1963 he became leader of the Labour Party.

After the election of 1964 he became prime minister of Britain. Within weeks he was at talks in Washington on 7 and 8 December, where he and the American president, Lyndon Johnson, discussed the nuclear force.""")
    ss = summits("r27-paragraph-year-1995")
    assert any(v["participant"] == {"person/harold-wilson", "person/lyndon-b-johnson"}
               and v.get("startDate") == {"1964-12-07"}
               for v in ss.values()), ss


def test_extract_rules_in_a_town_to_sign_is_a_signing_told() -> None:
    # "was in X to sign T": the purpose of a stay, told as done, as "flew to X to sign T" is
    TEXTS["r27-was-there-to-sign-2015"] = ("2015-03-02", """Obituary

Dermot Ahern, Ireland's foreign minister at the time, retired on Monday. On 13 December 2007, he was in Lisbon to sign the Treaty of Lisbon for Ireland.""")
    assert has("r27-was-there-to-sign-2015", "treaty/treaty-of-lisbon", "signatory", "person/dermot-ahern")


def test_extract_rules_crossed_into_a_state_to_meet_its_leader() -> None:
    TEXTS["r27-crossed-into-2018"] = ("2018-06-01", """Second summit

On May 26, South Korean President Moon Jae-in crossed into North Korea to meet Kim Jong Un in Panmunjom.""")
    ss = summits("r27-crossed-into-2018")
    assert any(v["participant"] == {"person/moon-jae-in", "person/kim-jong-un"} for v in ss.values()), ss


def test_extract_rules_a_host_of_other_leaders_took_part_in_the_gathering() -> None:
    TEXTS["r27-hosted-leaders-2010"] = ("2010-08-01", """Profile

Mohammad Khatami, Iran's president from 1997 to 2005, spoke in Tehran on Sunday. In June 2002 he hosted the leaders of the Caspian states in Tehran.""")
    ss = summits("r27-hosted-leaders-2010")
    assert any(v["participant"] == {"person/mohammad-khatami"} and v.get("startDate") == {"2002-06"}
               for v in ss.values()), ss


def test_extract_rules_an_air_base_of_another_clause_is_no_airport_welcome() -> None:
    TEXTS["r27-air-base-clause-2012"] = ("2012-05-01", """Profile

Nursultan Nazarbayev, Kazakhstan's president, turned 71 on Friday. He offered overflight rights and an air base to coalition forces, and in September 2006 he was welcomed in the Oval Office by George W. Bush, the American president.""")
    ss = summits("r27-air-base-clause-2012")
    assert any(v["participant"] == {"person/nursultan-nazarbayev", "person/george-w-bush"} for v in ss.values()), ss


def test_extract_rules_where_a_journey_went_for_a_ceremony_is_where_it_was_signed() -> None:
    # "travelled to X for a ceremony, where A and B signed": the "where" hangs on the ceremony,
    # the place is where the journey went
    TEXTS["r27-journey-where-2023"] = ("2023-05-09", """Supply chains

Japanese Prime Minister Fumio Kishida travelled to Seoul on Sunday for a ceremony, where he and South Korean President Yoon Suk Yeol signed an agreement on supply chains.""")
    fs = facts("r27-journey-where-2023")
    assert any(s.startswith("treaty/") and p == "signedAt" and o == "place/seoul" for s, p, o in fs), sorted(fs)
    ss = summits("r27-journey-where-2023")
    assert any(v.get("location") == {"place/seoul"} for v in ss.values()), ss


def test_extract_rules_a_seat_of_government_is_a_reference_place_of_its_state() -> None:
    # "the Planalto Palace": the reference's Palácio do Planalto, in Brazil (not a place of no state)
    TEXTS["r27-seat-of-government-2024"] = ("2024-11-20", """Brasilia talks

Indian Prime Minister Narendra Modi held talks with Brazilian President Luiz Inacio Lula da Silva at the Planalto Palace on Tuesday.""")
    ss = summits("r27-seat-of-government-2024")
    assert any(v.get("location") == {"place/palacio-do-planalto"} for v in ss.values()), ss
    from kg import reference as ref
    assert ref.lookup_place("Elysee Palace").state == "France"
    lima = ref.lookup_place("Miraflores")   # (a district of Lima too: not the palace's short name)
    assert lima is None or lima.state != "Venezuela"


def test_extract_rules_a_signed_compact_is_a_treaty() -> None:
    TEXTS["r27-compact-2023"] = ("2023-11-08", """Migration

Italian Prime Minister Giorgia Meloni and Albanian Prime Minister Edi Rama signed a compact on migration in Rome on Monday.""")
    fs = facts("r27-compact-2023")
    assert any(s.startswith("treaty/") and p == "signatory" and o == "person/edi-rama" for s, p, o in fs), sorted(fs)
    TEXTS["r27-compact-car-2023"] = ("2023-11-08", """Cars

Italy and Albania discussed a compact car plant in Rome on Monday.""")
    assert not any(s.startswith("treaty/") for s, _, _ in facts("r27-compact-car-2023"))


def test_extract_rules_its_title_is_the_state_just_named() -> None:
    # "flew to X to meet its prime minister, B": "its" is X
    TEXTS["r27-its-title-2012"] = ("2012-02-21", """Profile

In 1988 Kenneth Kaunda flew to Tanzania to meet its prime minister, Joseph Warioba, in Dar es Salaam.""")
    assert has("r27-its-title-2012", "person/joseph-warioba", "leaderOf", "state/tanzania")
    # the subject of the clause, whatever stands between; not a state in another phrase
    TEXTS["r27-its-subject-1975"] = ("1975-07-30", """Helsinki

Malta, the smallest state at the table, is represented by its prime minister, Dom Mintoff. After studying in Moscow he went on to lead the party after the death of its founder, Tom Brown.""")
    assert has("r27-its-subject-1975", "person/dom-mintoff", "leaderOf", "state/malta")
    fs = facts("r27-its-subject-1975")
    assert not any(s.startswith("person/tom-brown") and p in ("leaderOf", "officialOf") for s, p, _ in fs), sorted(fs)


def test_extract_rules_an_obituary_tells_its_signings_as_meetings() -> None:
    # a life's story tells "in May 1997 he and B signed X" as it happened: they met; a citation
    # ("the 1997 treaty signed by A and B") is not told so
    TEXTS["r27-obituary-signing-2007"] = ("2007-04-24", """Yeltsin dies

Boris Yeltsin, Russia's first president, has died at 76. He led the country through a decade of upheaval.

He was born in a village in the Urals and trained as a builder.

He rose through the party in Sverdlovsk.

Abroad he sought calm with the neighbours. In May 1997 he and President Leonid Kuchma of Ukraine signed a treaty of friendship in Kyiv.""")
    ss = summits("r27-obituary-signing-2007")
    assert any(v["participant"] == {"person/boris-yeltsin", "person/leonid-kuchma"} for v in ss.values()), ss
    TEXTS["r27-cited-signing-2007"] = ("2007-04-24", """Gas talks

Russian and Ukrainian officials met in Moscow on Monday. The 1997 treaty signed by Boris Yeltsin and Leonid Kuchma still governs the fleet.""")
    assert not summits("r27-cited-signing-2007")


def test_extract_rules_small_states_leaders_are_known_to_the_reference() -> None:
    # heads of state and government of smaller states (round 27's reference rows): a name with a
    # title and no state is placed in its state by the term of office
    TEXTS["r27-small-states-2025"] = ("2025-07-08", """West Africa

President Umaro Sissoco Embalo opened a new bridge near Bissau on Sunday. In Tbilisi, President Mikheil Kavelashvili received the Azerbaijani foreign minister.""")
    assert has("r27-small-states-2025", "person/umaro-sissoco-embalo", "leaderOf", "state/guinea-bissau")
    assert has("r27-small-states-2025", "person/mikheil-kavelashvili", "leaderOf", "state/georgia")
    # a signing each did in his own capital is no meeting, even in a life's story
    TEXTS["r27-obituary-apart-2007"] = ("2007-04-24", """Yeltsin dies

Boris Yeltsin, Russia's first president, has died at 76. He led the country through a decade of upheaval.

He was born in a village in the Urals and trained as a builder.

He rose through the party in Sverdlovsk.

Abroad he sought calm with the neighbours. In May 1997 he and President Leonid Kuchma of Ukraine signed a treaty of friendship, each in his own capital.""")
    assert not summits("r27-obituary-apart-2007")


def test_extract_rules_a_first_name_does_not_hide_a_surname() -> None:
    # "Kennedy" is John F. Kennedy's surname and another leader's first name: the surname wins
    from kg.extract.names import _person_by_short
    person = _person_by_short("Kennedy")
    assert person is not None and person.label == "John F. Kennedy"


def test_extract_rules_an_act_named_for_a_town_is_a_treaty() -> None:
    # "the Act of <town>": an instrument named for where it was signed; "the Act of Union", "an Act
    # of Parliament" are laws
    TEXTS["r27-town-act-1979"] = ("1979-01-10", """Mediation

Envoys of Chile and Argentina put their names to the Act of Montevideo on Monday, accepting papal mediation.
The Act of Union and an Act of Parliament were cited in London.""")
    fs = facts("r27-town-act-1979")
    assert ("treaty/act-of-montevideo", "party", "state/chile") in fs, sorted(fs)
    assert not any(s.startswith("treaty/act-of-union") or "parliament" in s for s, _, _ in fs), sorted(fs)


# --- round 28 ----------------------------------------------------------------------------------
def test_extract_rules_a_sea_in_the_aside_of_a_signing_is_not_where_it_was_signed() -> None:
    # "signed X, settling a quarrel over islands in the Gulf of Y": what the accord is about; and
    # the sea's name is not cut before the state it is named after
    TEXTS["r28-sea-aside-2023"] = ("2023-05-09", """Islands

LIBREVILLE, May 9 (AFP) - Gabon and Equatorial Guinea signed a boundary accord on Tuesday, settling a quarrel over three islets in the Gulf of Guinea.""")
    fs = facts("r28-sea-aside-2023")
    placed = {o for s, p, o in fs if p == "signedAt"}
    assert placed == {"place/libreville"}, sorted(fs)
    assert "place/gulf-of" not in {o for _, _, o in fs}


def test_extract_rules_the_two_leaders_flew_together_to_a_summit() -> None:
    # "The two leaders then flew to X for a summit ...": both travelled, both took part, and a
    # clause on the gathering that says when it ended dates it
    TEXTS["r28-flew-together-2019"] = ("2019-08-18", """Talks

DAR ES SALAAM, Aug 18 (Reuters) - Tanzanian President John Magufuli received his Ugandan counterpart Yoweri Museveni at the state house for talks on a pipeline.
The two leaders later flew to Victoria Falls for a regional summit on energy, which ended on Saturday.""")
    ss = summits("r28-flew-together-2019")
    assert any(v["participant"] == {"person/john-magufuli", "person/yoweri-museveni"}
               and v.get("location") == {"place/victoria-falls"}
               and "2019-08-17" in v.get("startDate", set()) | v.get("endDate", set()) for v in ss.values()), ss


def test_extract_rules_an_undated_summit_ends_on_the_day_told_after_it() -> None:
    # "X went to Y for a one-day summit with A and B. The summit ended on Friday": held that day;
    # the journey made for it too. "The meeting, which ended on Monday,": its last day
    TEXTS["r28-ended-after-2016"] = ("2016-04-09", """Summit

Malian President Ibrahim Boubacar Keita went to Niamey for a one-day summit with Niger's Mahamadou Issoufou and Chad's Idriss Deby.
The summit ended on Friday with a pledge to pool border patrols.""")
    ss = summits("r28-ended-after-2016")
    assert any(len(v["participant"]) == 3 and v.get("startDate") == {"2016-04-08"} for v in ss.values()), ss
    fs = facts("r28-ended-after-2016")
    assert any(s.startswith("visit/ibrahim-boubacar-keita") and p == "startDate" and o == "2016-04-08"
               for s, p, o in fs), sorted(fs)
    TEXTS["r28-ended-clause-2016"] = ("2016-04-12", """Summit

Malian President Ibrahim Boubacar Keita went to Niamey for talks with Niger's Mahamadou Issoufou and Chad's Idriss Deby.
The meeting, which ended on Monday, agreed to pool border patrols.""")
    ss = summits("r28-ended-clause-2016")
    assert any(len(v["participant"]) == 3 and v.get("endDate") == {"2016-04-11"} for v in ss.values()), ss


def test_extract_rules_ministers_sign_where_the_leader_s_visit_went() -> None:
    # "A welcomed B to X on Monday. / The two leaders watched their ministers sign an accord": the
    # signing of the visit's day, held where the visit went
    TEXTS["r28-visit-signing-2024"] = ("2024-03-06", """Visit

Prime Minister Christopher Luxon welcomed Vietnamese Prime Minister Pham Minh Chinh to Wellington on Monday.

The two leaders watched their trade ministers sign an agreement on farm exports.""")
    fs = facts("r28-visit-signing-2024")
    assert any(s.startswith("treaty/") and p == "signedAt" and o == "place/wellington" for s, p, o in fs), sorted(fs)


def test_extract_rules_who_signed_it_on_behalf_of_their_governments() -> None:
    # a relative clause on the last of two people, "who signed it": the one it is on; both when it
    # says they signed together ("for their governments")
    TEXTS["r28-who-signed-2006"] = ("2006-02-01", """Water

Peru and Bolivia concluded a treaty on the lake's waters in 2005. The text was drafted by Peruvian Foreign Minister Oscar Maurtua and his Bolivian counterpart, Armando Loayza, who signed it for their governments.""")
    fs = facts("r28-who-signed-2006")
    signers = {o for s, p, o in fs if p == "signatory"}
    assert signers == {"person/oscar-maurtua", "person/armando-loayza"}, sorted(fs)
    TEXTS["r28-who-signed-one-2006"] = ("2006-02-01", """Water

Peru and Bolivia concluded a treaty on the lake's waters in 2005. The text was drafted by Peruvian Foreign Minister Oscar Maurtua and his Bolivian counterpart, Armando Loayza, who signed it in La Paz.""")
    fs = facts("r28-who-signed-one-2006")
    assert {o for s, p, o in fs if p == "signatory"} == {"person/armando-loayza"}, sorted(fs)


def test_extract_rules_the_story_s_two_states_count_the_state_a_leader_stands_for() -> None:
    # a minister with no state, beside "his Vietnamese counterpart", in a story whose host state is
    # told only through its prime minister: not the third state another sentence names
    TEXTS["r28-two-states-2024"] = ("2024-03-12", """Visit

Prime Minister Christopher Luxon welcomed Vietnamese Prime Minister Pham Minh Chinh to Wellington on Monday.
The two leaders watched the signing of a farm exports agreement by Trade Minister Todd McClay and his Vietnamese counterpart, Nguyen Hong Dien.
Chinh flew on to Canberra on Tuesday, where he will meet Australian Prime Minister Anthony Albanese.""")
    fs = facts("r28-two-states-2024")
    assert ("person/todd-mcclay", "officialOf", "state/australia") not in fs, sorted(fs)


def test_extract_rules_leaders_meeting_in_a_capital_and_the_days_told_after() -> None:
    # "Leaders meeting in X agreed on Friday ...": a gathering there that day; "The summit runs
    # from 24 to 25 June" gives its days; leaders a later sentence says took part join it, even
    # after a quotation's "will" and a sentence-opening "Instead,"
    TEXTS["r28-meeting-in-capital-2022"] = ("2022-06-24", """Commonwealth

Commonwealth leaders meeting in the Rwandan capital agreed on Friday to admit Togo and Gabon.
The summit, which opened with a banquet on Thursday evening and runs from 23 to 25 June at a convention centre, is the first in four years.
Instead, the communique says members "will work together on climate finance", a line settled after talks in which British Prime Minister Boris Johnson and Rwandan President Paul Kagame both took part.""")
    ss = summits("r28-meeting-in-capital-2022")
    assert any({"person/boris-johnson", "person/paul-kagame"} <= v["participant"]
               and v.get("location") == {"place/kigali"} and v.get("startDate") == {"2022-06-23"}
               and v.get("endDate") == {"2022-06-25"} for v in ss.values()), ss


def test_extract_rules_came_straight_from_a_visit_during_which_he_met() -> None:
    # "X comes here straight from a visit to Y, during which he met A": X visited Y and met A;
    # "the two leaders last met ...": the two of the meeting of two told, not three met elsewhere
    TEXTS["r28-straight-from-2019"] = ("2019-06-14", """Tour

BISHKEK, June 14 (Reuters) - Narendra Modi, India's prime minister, reached Bishkek on Thursday for talks with Kyrgyz President Sooronbay Jeenbekov. Modi comes here straight from a one-day visit to the Maldives, during which he met President Ibrahim Mohamed Solih and Speaker Mohamed Nasheed in Male.

The two leaders last met in May at a regional forum in Dushanbe.""")
    fs = facts("r28-straight-from-2019")
    assert any(s.startswith("visit/narendra-modi-maldives") for s, _, _ in fs), sorted(fs)
    ss = summits("r28-straight-from-2019")
    assert any({"person/narendra-modi", "person/ibrahim-mohamed-solih"} <= v["participant"] for v in ss.values()), ss
    assert any(v["participant"] == {"person/narendra-modi", "person/sooronbay-jeenbekov"}
               and v.get("startDate") == {"2019-05"} for v in ss.values()), ss


def test_extract_rules_a_welcome_on_the_tarmac_is_no_meeting() -> None:
    TEXTS["r28-tarmac-2018"] = ("2018-12-03", """Arrival

BUENOS AIRES, Dec 1 (Reuters) - Chinese President Xi Jinping flew in on Saturday for a state visit. Argentine President Mauricio Macri met him on the tarmac.""")
    assert not summits("r28-tarmac-2018")


def test_extract_rules_a_gathering_s_guests_who_flew_in_came_to_it() -> None:
    # the lead places a summit; "X flew in on Sunday evening", "Y landed on Monday": to it; a
    # building named with its town before stands for that town later ("at the Palacio Nacional")
    TEXTS["r28-flew-in-2023"] = ("2023-01-10", """Leaders meet

The leaders of Peru, Chile and Colombia met on Tuesday at the Palacio de Gobierno in Lima for a trade summit.
Chilean President Gabriel Boric flew in on Sunday evening. Colombian President Gustavo Petro landed on Monday afternoon.
On Monday the two presidents held talks at the Palacio de Gobierno.""")
    fs = facts("r28-flew-in-2023")
    assert any(s.startswith("visit/gabriel-boric-lima") and p == "startDate" and o == "2023-01-08"
               for s, p, o in fs), sorted(fs)
    assert any(s.startswith("visit/gustavo-petro-lima") and p == "startDate" and o == "2023-01-09"
               for s, p, o in fs), sorted(fs)
    ss = summits("r28-flew-in-2023")
    assert any(v["participant"] == {"person/gabriel-boric", "person/gustavo-petro"}
               and v.get("location") == {"place/lima"} for v in ss.values()), ss


def test_extract_rules_the_crown_prince_who_is_also_prime_minister() -> None:
    TEXTS["r28-crown-prince-2024"] = ("2024-02-08", """Visit

KUWAIT, Feb 8 (Reuters) - Crown Prince and Prime Minister Salman bin Hamad Al Khalifa of Bahrain was welcomed by the Emir on Thursday.
Later the Crown Prince signed an agreement on power links with Kuwait's prime minister, Mohammad Sabah Al-Salem Al-Sabah.""")
    fs = facts("r28-crown-prince-2024")
    assert any(p == "signatory" and o == "person/salman-bin-hamad-al-khalifa" for _, p, o in fs), sorted(fs)


def test_extract_rules_a_roundup_s_host_is_of_its_section_s_state() -> None:
    # the leader a guest meets in the section "BANGKOK -" of a roundup leads Thailand, not the
    # state of the first section's dateline
    TEXTS["r28-roundup-host-1977"] = ("1977-08-20", """The week

TOKYO - Japan's prime minister, Takeo Fukuda, left on Saturday for a tour of the region.

BANGKOK - Fukuda arrived here on Wednesday. He held talks with Prime Minister Thanin Kraivichien.""")
    fs = facts("r28-roundup-host-1977")
    assert ("person/thanin-kraivichien", "leaderOf", "state/japan") not in fs, sorted(fs)
    assert ("person/thanin-kraivichien", "leaderOf", "state/thailand") in fs, sorted(fs)


def test_extract_rules_a_region_in_a_treaty_name_and_a_signing_at_a_summit() -> None:
    # "... Cooperation in Southeast Asia" is the treaty's name; "At the summit, held in X, he
    # signed ...": signed where the gathering was held
    TEXTS["r28-region-name-1990"] = ("1990-03-01", """Pact

At a regional summit, held in Manila in December 1987, Brunei signed the Protocol on Economic Cooperation in Southeast Asia with Thailand and Singapore.""")
    fs = facts("r28-region-name-1990")
    placed = {o for s, p, o in fs if p == "signedAt"}
    assert placed == {"place/manila"}, sorted(fs)


def test_extract_rules_a_river_is_no_destination() -> None:
    TEXTS["r28-river-2022"] = ("2022-10-22", """Visit

Prime Minister Anthony Albanese welcomed Japanese Prime Minister Fumio Kishida to Brisbane on Saturday. After their talks, the two leaders visited a hilltop lookout, where they gazed across the skyline and the Brisbane River.""")
    fs = facts("r28-river-2022")
    assert not any("brisbane-river" in s or "brisbane-river" in o for s, _, o in fs), sorted(fs)


def test_extract_rules_a_schedule_for_tomorrow_is_a_plan() -> None:
    TEXTS["r28-schedule-2023"] = ("2023-12-12", """Visit

HANOI, Dec 12 (Reuters) - Chinese President Xi Jinping arrived in Hanoi on Tuesday for a two-day visit.
On the guest's schedule for Wednesday: discussions with Pham Minh Chinh, the prime minister, then a session with Vo Van Thuong, the president.""")
    ss = summits("r28-schedule-2023")
    assert not any("person/pham-minh-chinh" in v["participant"] for v in ss.values()), ss


def test_extract_rules_signing_for_a_state_were_two_officials() -> None:
    # "Signing for X were A and B": both signed, both serve X
    TEXTS["r28-signing-for-1972"] = ("1972-05-29", """Treaty

Signing for Chile were Foreign Minister Clodomiro Almeyda, who flew in from Santiago, and Ambassador Hernan Santa Cruz, who had led the talks.""")
    fs = facts("r28-signing-for-1972")
    assert ("person/clodomiro-almeyda", "officialOf", "state/chile") in fs, sorted(fs)
    assert ("person/hernan-santa-cruz", "officialOf", "state/chile") in fs, sorted(fs)


def test_extract_rules_a_town_of_the_reference_cities_is_in_its_state() -> None:
    # a stop in a town of the traveller's own state (cities.tsv, the state named) is no visit
    TEXTS["r28-own-town-2023"] = ("2023-01-10", """Arrival

MEXICO CITY, Jan 10 (Reuters) - North American leaders held a summit on Tuesday in the Mexican capital with the United States and Canada. U.S. President Joe Biden flew in on Sunday evening, having first gone to El Paso, Texas, where he walked along the border wall.""")
    fs = facts("r28-own-town-2023")
    assert not any(s.startswith("visit/joe-biden-el-paso") for s, _, _ in fs), sorted(fs)


def test_extract_rules_a_title_of_a_region_is_no_office_of_the_host_state() -> None:
    # "greeted in X by A, prime minister of the Kurdistan Region": A holds no office of the state
    # the guest visits
    TEXTS["r28-region-title-2024"] = ("2024-04-23", """Visit

Turkish President Recep Tayyip Erdogan flew to Iraq on Monday. He will be greeted in Erbil by Masrour Barzani, prime minister of the Kurdistan Region, and will then fly on to Baghdad.""")
    fs = facts("r28-region-title-2024")
    assert ("person/masrour-barzani", "leaderOf", "state/iraq") not in fs, sorted(fs)


def test_extract_rules_a_week_later_and_the_previous_month_named() -> None:
    # "A week later" counts seven days on from the day told; "the previous September", after a
    # paragraph told in January 1994, is September 1993
    TEXTS["r28-week-later-2010"] = ("2010-06-01", """Life

Voters in both republics backed the union on 4 March 1990. A week later, in Tiraspol, the two presidents, Mircea Snegur of Moldova and Ion Iliescu of Romania, signed a friendship treaty.

In January 1994 Snegur travelled to Kyiv. The previous September he had met Ukrainian President Leonid Kravchuk in Odesa.""")
    fs = facts("r28-week-later-2010")
    assert any(s.startswith("treaty/") and p == "signedOn" and o == "1990-03-11" for s, p, o in fs), sorted(fs)
    ss = summits("r28-week-later-2010")
    assert any("person/leonid-kravchuk" in v["participant"] and v.get("startDate") == {"1993-09"}
               for v in ss.values()), ss


def test_extract_rules_signed_not_by_one_but_by_another() -> None:
    TEXTS["r28-not-by-1980"] = ("1980-01-15", """Border

Tanzania and Uganda agreed a border protocol in 1979. It was signed not by President Julius Nyerere but by his prime minister, Edward Sokoine.""")
    fs = facts("r28-not-by-1980")
    assert not any(p == "signatory" and o == "person/julius-nyerere" for _, p, o in fs), sorted(fs)


def test_extract_rules_a_visit_that_began_on_a_day_and_talks_during_it() -> None:
    # "concluded this afternoon a visit to X that began on Monday, 6 May" (the object read as an
    # adverb): a visit from 6 May; "The two leaders held talks on Tuesday": in X, the host's state
    TEXTS["r28-visit-began-1985"] = ("1985-05-09", """Communique

The King of Jordan, Hussein bin Talal, concluded this afternoon a visit to Syria that began on Monday, 6 May, when his aircraft landed in the capital.
The King was received by President Hafez al-Assad.
The two leaders held talks on Tuesday.""")
    fs = facts("r28-visit-began-1985")
    assert any(s.startswith("visit/hussein-of-jordan-syria") and p == "startDate" and o == "1985-05-06"
               for s, p, o in fs), sorted(fs)
    ss = summits("r28-visit-began-1985")
    assert any(v.get("startDate") == {"1985-05-07"} and v.get("location") == {"state/syria"} for v in ss.values()), ss


def test_extract_rules_a_year_counted_back_places_a_leader_in_office() -> None:
    # "Thirty years ago today, A and B signed ...": the year counted back is the one a leader the
    # reference knows held office in; and "a quarter of a century ago" is 25 years
    TEXTS["r28-years-ago-2024"] = ("2024-10-26", """Anniversary

Thirty years ago today, at the Arava crossing, Yitzhak Rabin and Abdelsalam al-Majali signed the peace treaty between Israel and Jordan.
A quarter of a century ago, regional leaders gathered in Amman.""")
    fs = facts("r28-years-ago-2024")
    assert ("person/yitzhak-rabin", "leaderOf", "state/israel") in fs, sorted(fs)
    assert any(p == "signedOn" and o == "1994-10-26" for _, p, o in fs), sorted(fs)


def test_extract_rules_signers_of_the_treaty_told_give_its_parties() -> None:
    # "The X Protocol was signed on ... The host, A of P, signed alongside B of Q and C of R": a
    # treaty no sentence gave parties to is one of the states its signers serve
    TEXTS["r28-signed-alongside-1996"] = ("1996-03-12", """Andes

The Protocol of Trujillo was signed on 10 March 1996 at a summit of Andean presidents.
The host, Peru's Alberto Fujimori, signed alongside Ecuador's Sixto Duran Ballen and Bolivia's Gonzalo Sanchez de Lozada.""")
    fs = facts("r28-signed-alongside-1996")
    parties = {o for s, p, o in fs if s == "treaty/protocol-of-trujillo" and p == "party"}
    assert parties == {"state/peru", "state/ecuador", "state/bolivia"}, sorted(fs)


def test_extract_rules_a_release_line_a_close_of_days_and_a_call_abroad() -> None:
    # a release's line of place and date ("Brasilia, June 5, 2015") places its story like a
    # dateline; "today concluded two days of talks": the day before and today; "had called on B
    # at the palace of B's state": a visit there
    TEXTS["r28-release-2015"] = ("2015-06-05", """PRESIDENCY OF THE REPUBLIC
Statement

Brasilia, June 5, 2015

President Dilma Rousseff today concluded two days of talks with Chilean President Michelle Bachelet.
The two presidents met privately on June 4 at the Palacio Itamaraty and dined together that evening.
President Rousseff had called on President Bachelet at La Moneda last September.""")
    ss = summits("r28-release-2015")
    assert any(v.get("startDate") == {"2015-06-04"} and v.get("endDate") == {"2015-06-05"}
               and v.get("location") == {"place/brasilia"} for v in ss.values()), ss
    fs = facts("r28-release-2015")
    assert ("visit/dilma-rousseff-chile-2014", "destination", "state/chile") in fs, sorted(fs)


def test_extract_rules_an_obituary_s_he_a_call_abroad_and_a_visit_to_the_kingdom() -> None:
    # "passed away", "was 63 years old": an obituary, whose "he" after a sentence about others is
    # its subject; a minister who "called on him in X" went to X; "to visit the kingdom, meeting
    # the King in Y": to Y's state
    TEXTS["r28-obituary-1999"] = ("1999-02-08", """Obituary

King Hussein of Jordan, who ruled for almost half a century, passed away yesterday in Amman. He was 63 years old.

Secretary of State Warren Christopher called on him in Amman in 1994, and that October Bill Clinton became the first American president in two decades to visit the kingdom, meeting the King in Aqaba.

He also mended ties with the Gulf. In May 1996, in Abu Dhabi, he and Sheikh Khalifa bin Zayed al-Nahayan, the Emirati crown prince, put their names to a trade agreement.""")
    fs = facts("r28-obituary-1999")
    assert any(p == "signatory" and o == "person/hussein-of-jordan" for _, p, o in fs), sorted(fs)
    assert not any(p == "signatory" and o == "person/warren-christopher" for _, p, o in fs), sorted(fs)
    assert ("visit/warren-christopher-amman-1994", "destination", "place/amman") in fs, sorted(fs)
    assert ("visit/bill-clinton-jordan-1994", "destination", "state/jordan") in fs, sorted(fs)


def test_extract_rules_it_was_signed_after_a_sentence_about_one_treaty() -> None:
    # "The 1980 treaty went further ... It was signed on ... by A and B": the one treaty the
    # sentence before told of, signed or not; and a name at the end of a sentence has no full stop
    TEXTS["r28-it-signed-2020"] = ("2020-08-12", """Anniversary

Forty years ago today, in Montevideo, eleven Latin American governments put their names to the Treaty of Montevideo. The Cartagena Agreement, signed in 1969 by the Andean states, is better known.

The 1980 treaty went much further than the one it replaced. It was signed on 12 August 1980 by the Uruguayan foreign minister, Adolfo Folle Martinez, and the Brazilian foreign minister, Ramiro Saraiva Guerreiro.""")
    fs = facts("r28-it-signed-2020")
    signers = {o for s, p, o in fs if s == "treaty/treaty-of-montevideo" and p == "signatory"}
    assert signers == {"person/adolfo-folle-martinez", "person/ramiro-saraiva-guerreiro"}, sorted(fs)
    labels = {e.label for e in run("r28-it-signed-2020").entities.values()}
    assert "Treaty of Montevideo" in labels, labels


def test_extract_rules_a_treaty_signed_during_a_visit_is_of_the_guest_s_and_host_s_states() -> None:
    TEXTS["r28-during-visit-2019"] = ("2019-09-04", """Treaty

During President Vladimir Putin's visit to Ulaanbaatar, a treaty on friendly relations was signed on 3 September 2019.""")
    fs = facts("r28-during-visit-2019")
    parties = {o for s, p, o in fs if s.startswith("treaty/") and p == "party"}
    assert parties == {"state/russia", "state/mongolia"}, sorted(fs)


def test_extract_rules_visited_two_towns_and_who_arrived_after_a_title() -> None:
    # "visited Amman and Damascus": both; "A, the Chairman of the State Council of B, who arrived on
    # Monday": A arrived (the parser hangs the clause on the title's last noun)
    TEXTS["r28-visited-two-1985"] = ("1985-10-09", """Talks

BEIJING, Oct 9 (AP) - The accord was signed here today by Premier Zhao Ziyang and Todor Zhivkov, the Chairman of the State Council of Bulgaria, who arrived on Monday at the head of a large delegation.
Secretary of State George Shultz, who visited Amman and Damascus early this month, had talks with King Hussein.""")
    fs = facts("r28-visited-two-1985")
    assert ("visit/todor-zhivkov-beijing-1985", "startDate", "1985-10-07") in fs, sorted(fs)
    dests = {o for s, p, o in fs if s.startswith("visit/george-shultz") and p == "destination"}
    assert dests == {"place/amman", "place/damascus"}, sorted(fs)


# --- round 29: offices told with a copula, names the parser hangs on a phrase before them, the
# day a treaty took effect, names with a lower-case head word, bounds of a span, visits "paid by"


def test_extract_rules_an_office_told_with_was_or_is_in_a_chain_of_clauses() -> None:
    # "A was S's president, B was prime minister of T": each the title after their own "was" (the
    # parser hangs the later names on the earlier clause's noun); "not" and "former" give none
    TEXTS["r29-was-chain-1975"] = ("2015-06-01", """Looking back

The pact was drafted while Julius Nyerere was Tanzania's president, Kenneth Kaunda was president of Zambia and Seretse Khama headed Botswana's government.
Milton Obote was not Kenya's president at any time. Daniel arap Moi is a former president of Kenya.
Jomo Kenyatta is Kenya's president, and Idi Amin led Uganda.
The signers were President Julius Nyerere of Tanzania, President Jomo Kenyatta of Kenya and President Milton Obote of Uganda.""")
    fs = facts("r29-was-chain-1975")
    assert ("person/julius-nyerere", "leaderOf", "state/tanzania") in fs, sorted(fs)
    assert ("person/kenneth-kaunda", "leaderOf", "state/zambia") in fs, sorted(fs)
    assert ("person/seretse-khama", "leaderOf", "state/botswana") in fs, sorted(fs)
    assert not any(s == "person/kenneth-kaunda" and o == "state/tanzania" for s, p, o in fs), sorted(fs)
    assert not any(s == "person/milton-obote" and o == "state/kenya" for s, p, o in fs), sorted(fs)
    assert ("person/jomo-kenyatta", "leaderOf", "state/kenya") in fs, sorted(fs)
    assert not any(s == "person/jomo-kenyatta" and o in ("state/uganda", "state/tanzania") for s, p, o in fs), sorted(fs)


def test_extract_rules_the_day_a_treaty_took_effect_is_no_signing_day() -> None:
    TEXTS["r29-in-force-1995"] = ("1995-08-01", """Customs

The Central African Customs Agreement, concluded between Gabon, Cameroon and Chad and in force from 1 July 1966, set one tariff for the three.""")
    fs = facts("r29-in-force-1995")
    assert any(p == "party" and o == "state/gabon" for s, p, o in fs), sorted(fs)
    assert not any(p == "signedOn" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_name_of_capitalised_words_before_a_lower_case_head() -> None:
    # "the Lake Chad Basin agreement", "the Camp David accords": names; "the Prime Minister's pact",
    # "the Indo-Lankan accord" (a state's adjective) are not names of that kind; a day word inside
    # a name is no date ("the Good Friday agreement")
    TEXTS["r29-caps-head-2001"] = ("2001-03-02", """Basin

The Kagera Basin agreement of August 1977 between Burundi, Rwanda and Tanzania was superseded in 1994 by the Kagera Development Charter.
Both governments still cite the Good Friday agreement, signed in Belfast in April 1998 by Britain and Ireland.
Critics attacked the Prime Minister's pact with the unions.""")
    fs = facts("r29-caps-head-2001")
    labels = {e.label for e in run("r29-caps-head-2001").entities.values()}
    assert "kagera basin agreement" in {lab.lower() for lab in labels}, labels
    basin = next(k for k, e in run("r29-caps-head-2001").entities.items() if e.label.lower() == "kagera basin agreement")
    assert (basin, "signedOn", "1977-08") in fs and (basin, "party", "state/rwanda") in fs, sorted(fs)
    assert any(p == "replaces" and o == basin for s, p, o in fs), sorted(fs)
    assert ("treaty/good-friday-agreement", "signedOn", "1998-04") in fs, sorted(fs)
    assert not any("minister" in lab.lower() for lab in labels), labels


def test_extract_rules_a_visit_after_since_places_no_meeting() -> None:
    # "the first such talks since his visit to X": the visit is the one before; the talks of the
    # story are not placed where it went
    TEXTS["r29-since-visit-2011"] = ("2011-11-12", """Talks

MALE, Nov 11 - Indian Prime Minister Manmohan Singh held talks with Sri Lankan President Mahinda Rajapaksa, the first such talks since his visit to Colombo in June.""")
    fs = facts("r29-since-visit-2011")
    meetings = {s for s, p, o in fs if s.startswith("summit/") and p == "participant"}
    assert meetings, sorted(fs)
    assert not any(s in meetings and p == "location" and o == "place/colombo" for s, p, o in fs), sorted(fs)


def test_extract_rules_signers_the_parser_hung_on_a_phrase_before_them() -> None:
    TEXTS["r29-lost-subject-1994"] = ("1994-02-09", """Accord

ALMATY, Feb 9 - Yesterday, in the great hall of the House of Friendship, Kazakhstan's President Nursultan Nazarbayev, Uzbekistan's Islam Karimov and Askar Akayev of Kyrgyzstan sat at a round table and signed the Treaty on a Single Economic Space.""")
    fs = facts("r29-lost-subject-1994")
    signers = {o for s, p, o in fs if p == "signatory"}
    assert {"person/nursultan-nazarbayev", "person/islam-karimov", "person/askar-akayev"} <= signers, sorted(fs)


def test_extract_rules_a_treaty_signed_in_one_town_is_not_the_one_named_after_another() -> None:
    TEXTS["r29-town-name-2010"] = ("2010-05-20", """Union

In June 2003 Russia, Belarus and Ukraine signed a treaty in Yalta on a common market. Officials say the Minsk treaty superseded the 1999 treaty on a union state.""")
    fs = facts("r29-town-name-2010")
    yalta = {s for s, p, o in fs if p == "signedAt" and o == "place/yalta"}
    assert yalta and not any(s.startswith("treaty/minsk") for s in yalta), sorted(fs)


def test_extract_rules_a_year_after_after_or_since_is_a_bound() -> None:
    # "the first ... to travel to X after 2003": a bound; the "when" clause takes the time told
    TEXTS["r29-bound-2019"] = ("2019-03-05", """Visit

CAIRO, March 5 - President Omar al-Bashir of Sudan arrived in Cairo on Monday, his first trip there since June 2014, when he became the first Sudanese leader to travel to Egypt after 2011.""")
    fs = facts("r29-bound-2019")
    TEXTS["r29-since-when-2019"] = ("2019-03-05", """Summit

It was the first Nile summit since 2016, when Ugandan President Yoweri Museveni hosted a meeting in Entebbe with President Salva Kiir of South Sudan.""")
    assert any(p == "startDate" and o == "2016" for s, p, o in facts("r29-since-when-2019")), sorted(facts("r29-since-when-2019"))
    assert not any(p == "startDate" and o.startswith("2011") for s, p, o in fs), sorted(fs)
    assert any(s.startswith("visit/omar-al-bashir-cairo") and p == "startDate" and o == "2019-03-04"
               for s, p, o in fs), sorted(fs)


def test_extract_rules_a_visit_paid_by_someone_and_late_last_month() -> None:
    # "the visit paid by X to Y": X's visit to Y; "late last month" after a name makes no one
    # "the late" anybody
    TEXTS["r29-paid-by-2019"] = ("2019-01-14", """Talks

The two leaders reviewed the outcome of the visit paid by the Kuwaiti Prime Minister, Jaber Al-Mubarak Al-Sabah, to Baghdad late last month.""")
    fs = facts("r29-paid-by-2019")
    assert ("person/jaber-al-mubarak-al-hamad-al-sabah", "leaderOf", "state/kuwait") in fs, sorted(fs)
    assert any(p == "destination" and o == "place/baghdad" for s, p, o in fs), sorted(fs)


def test_extract_rules_the_president_s_visit_and_a_signing_the_parser_read_as_a_participle() -> None:
    # "the President's working visit to X": the President the readout names; "On DATE, A and B
    # signed in X the Y" (parsed as "B [who were] signed"): the sentence's signing, with its
    # parties and day; "C, Washington's envoy in the host capital": an official of the
    # state whose capital "Washington" is, not of the host
    TEXTS["r29-readout-visit-2025"] = ("2025-03-10", """Readout

NAIROBI - President William Ruto received Prime Minister Abiy Ahmed of Ethiopia at State House today.

The talks follow the President's official visit to Kigali on 14 January 2025.""")
    fs = facts("r29-readout-visit-2025")
    assert ("visit/william-ruto-kigali-2025", "startDate", "2025-01-14") in fs, sorted(fs)
    TEXTS["r29-misread-1961"] = ("2021-06-02", """Sixty years on

Few remember the day. Sixty years ago this week, on June 1, 1961, Norway and the United States signed in Oslo the agreement on the use of the Arctic bases.
Foreign Minister Halvard Lange signed for Norway; Frances Willis, Washington's ambassador in the Norwegian capital, signed for the Americans.""")
    fs = facts("r29-misread-1961")
    treaty = {s for s, p, o in fs if p == "signedAt" and o == "place/oslo"}
    assert treaty, sorted(fs)
    t = treaty.pop()
    assert (t, "signedOn", "1961-06-01") in fs and (t, "party", "state/united-states") in fs, sorted(fs)
    assert ("person/frances-willis", "officialOf", "state/united-states") in fs, sorted(fs)
    assert not any(s == "person/frances-willis" and o == "state/norway" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_town_for_its_treaty_a_listed_name_and_this_summer() -> None:
    # "Versailles superseded X" after the Treaty of Versailles was named: the treaty; "the Treaty
    # between A, B and C": one name with its list; "this summer" brings a paragraph back to the
    # article's year after one told of an earlier one
    TEXTS["r29-town-treaty-2019"] = ("2019-06-28", """A century on

A hundred years ago today, the Treaty of Versailles was signed in the Hall of Mirrors on June 28, 1919.

Versailles superseded the Treaty of Brest-Litovsk, which Germany had forced on Russia in 1918.
The ministers also praised the Treaty between Belgium, the Netherlands and Luxembourg, signed in 1958.
In May 2009 Chancellor Angela Merkel visited Warsaw.

The mood is calmer this summer. Merkel and President Andrzej Duda met in Berlin on June 12.""")
    fs = facts("r29-town-treaty-2019")
    assert ("treaty/treaty-of-versailles", "replaces", "treaty/treaty-of-brest-litovsk") in fs, sorted(fs)
    labels = {e.label for e in run("r29-town-treaty-2019").entities.values()}
    assert "Treaty between Belgium, the Netherlands and Luxembourg" in labels, labels
    assert any(s.startswith("summit/") and p == "startDate" and o == "2019-06-12" for s, p, o in fs), sorted(fs)


def test_extract_rules_a_town_lies_in_the_state_of_the_article_s_date() -> None:
    # Moscow in a story of 1977 lies in the Soviet Union (no "Russia" added to the story); in one
    # of 2005, in Russia; Belgrade in 1975, in Yugoslavia
    TEXTS["r29-then-1977"] = ("1977-04-02", """Treaty

LUSAKA, April 2 - Zambia and Angola signed a trade agreement in Moscow last October. President Kenneth Kaunda held talks with President Josip Broz Tito in Belgrade in May 1975.""")
    TEXTS["r29-then-2005"] = ("2005-04-02", """Treaty

LUSAKA, April 2 - Zambia and Angola signed a trade agreement in Moscow last October.""")
    old, new = ({(f.subject, f.predicate, getattr(f.obj, "key", str(f.obj))) for f in run(n).facts}
                for n in ("r29-then-1977", "r29-then-2005"))
    assert ("place/moscow", "locatedIn", "state/soviet-union") in old, sorted(old)
    assert ("place/belgrade", "locatedIn", "state/yugoslavia") in old, sorted(old)
    assert not any("state/russia" in (s, o) for s, p, o in old), sorted(old)
    assert ("place/moscow", "locatedIn", "state/russia") in new, sorted(new)


def test_extract_rules_a_double_surname_and_a_name_with_a_particle_told_again() -> None:
    # "Diaz Ordaz" after "Gustavo Diaz Ordaz": the same person; "by de Klerk" after "Frederik
    # Willem de Klerk" (the NER may read a name with a particle as a place)
    TEXTS["r29-surnames-1968"] = ("1968-05-10", """Talks

MEXICO CITY, May 10 - President Gustavo Diaz Ordaz of Mexico welcomed President Frederik Willem de Klerk of South Africa on Monday.

Diaz Ordaz, who met President Richard Nixon in El Paso, Texas, last December, was received by de Klerk in Pretoria in March.""")
    fs = facts("r29-surnames-1968")
    assert not any(s == "person/diaz-ordaz" or o == "person/diaz-ordaz" for s, p, o in fs), sorted(fs)
    assert any(s.startswith("summit/") and o == "person/richard-nixon" for s, p, o in fs), sorted(fs)
    pretoria = {s for s, p, o in fs if s.startswith("summit/") and p == "location" and o == "place/pretoria"}
    assert pretoria and all((k, "participant", "person/f-w-de-klerk") in fs for k in pretoria), sorted(fs)


def test_extract_rules_a_gathering_told_by_its_second_day() -> None:
    # "did X on a Wednesday, day two of a summit in Y": a gathering held (not a plan,
    # though the act is an invitation), which began the day before
    TEXTS["r29-second-day-2019"] = ("2019-12-04", """Summit

WATFORD — The alliance's leaders on Wednesday invited two partners to deepen ties, on the second day of their summit at a golf hotel in Watford.

Among those present were Canadian Prime Minister Justin Trudeau and French President Emmanuel Macron.""")
    fs = facts("r29-second-day-2019")
    held = {s for s, p, o in fs if s.startswith("summit/") and p == "participant" and o == "person/emmanuel-macron"}
    assert held and all((k, "startDate", "2019-12-03") in fs for k in held), sorted(fs)


def test_extract_rules_a_name_with_a_nickname_in_quotation_marks() -> None:
    TEXTS["r29-nickname-1979"] = ("1979-07-02", """Accord

NAIROBI, July 2 - The foreign ministers - Ali Nuur of Somalia and Kenneth "Ken" Matiba of Kenya - signed a border agreement on Monday.""")
    fs = facts("r29-nickname-1979")
    assert ("person/kenneth-matiba", "officialOf", "state/kenya") in fs, sorted(fs)
    assert any(p == "signatory" and o == "person/kenneth-matiba" for s, p, o in fs), sorted(fs)
