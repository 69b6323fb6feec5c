"""Merging and emitting: treaty mentions of one treaty merged, events of the same kind merged
within the article and written as facts (visits that are meetings become summits), then weaker
titles and coarser dates dropped where a finer fact says the same."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import reference as ref
from ..model import Entity, Fact, PartialDate, Ref
from .context import _Article, Event
from .dating import _dates_agree, _during, _finer, _within
from .lexicon import BY_LINE, GROUP_OF, SUMMIT_NOUNS


def _slugs(art: _Article, keys: list[str]) -> list[str]:
    """The sorted slugs of entities' labels (of the key itself for one not known), for IRIs."""
    return sorted(ref.slugify(art.entities[k].label) if k in art.entities else k.split("/", 1)[1] for k in keys)


def _same_time(a: Event, b: Event) -> bool:
    """The two start on the same day (at the coarser precision), or one starts within the other's
    days ("a two-day summit" and "talks on its second day")."""
    return _dates_agree(a.start, b.start) or _within(b.start, a.start, a.end) or _within(a.start, b.start, b.end)


_NUMBERS = {"seven": "7", "eight": "8", "twenty": "20"}


def _name_key(name: str) -> str:
    """A gathering's name as news varies it: "Group of 20 summit" = "G20 summit"."""
    return re.sub(r"[^a-z0-9]+", "", _short_name(name).lower())


def _close_by(a: Event, b: Event) -> bool:
    """Told in the same paragraph, at most three sentences apart ("The two sides then held talks
    ... When the talks ended, A and B signed X")."""
    return a.extra.get("block") is not None and a.extra.get("block") == b.extra.get("block") \
        and abs(a.extra.get("sent", -99) - b.extra.get("sent", 99)) <= 3 \
        and not a.extra.get("background") and not b.extra.get("background")


def _signing_after(dated: Event, undated: Event) -> bool:
    """An undated signing or meeting of the very leaders of a meeting told in the paragraph or the
    three before it ("The two sides then held talks. / When the talks ended, both leaders signed
    X")."""
    a, b = dated.extra.get("block"), undated.extra.get("block")
    told_back = "treaty" in undated.extra or any(_THE_TALKS.search(e.sentence) for e in undated.evidence)
    return told_back and len(undated.participants) >= 2 \
        and set(undated.participants) == set(dated.participants) and a is not None and b is not None \
        and 0 <= b - a <= 3 and undated.extra.get("sent", -1) > dated.extra.get("sent", 99) \
        and not dated.extra.get("background")


# the meeting just told, named again: "at the conclusion of the talks", "after their meeting"
_THE_TALKS = re.compile(r"\b(?:the|their|these)\s+(?:talks|meeting|discussions|summit)\b", re.I)


def _sole_dated(art: _Article, dated: Event, undated: Event) -> bool:
    """The very same leaders' undated meeting, in an article that dates one meeting of theirs
    only ("He was welcomed at the palace by B. / The two leaders then held talks on Monday"): that
    meeting. Not history the article cites."""
    people = set(undated.participants)
    if len(people) < 2 or people != set(dated.participants) or undated.extra.get("background") \
            or dated.extra.get("background"):
        return False
    days = {e.start.isoformat() for e in art.events if e.kind == "Summit" and e.status is None
            and e.start is not None and set(e.participants) == people}
    return len(days) == 1


def _told_after_lead(lead: int | None, dated: Event, undated: Event) -> bool:
    """The dated event is the lead's news (``lead``: the first body paragraph) and the undated one
    is told in the two paragraphs after it ("A and B met in Doha on Tuesday ... / A and B were
    brought together by C"): one meeting."""
    if lead is None or dated.extra.get("block") != lead or undated.extra.get("block") is None:
        return False
    return lead < undated.extra["block"] <= lead + 2 and not undated.extra.get("background")


def _short_name(name: str) -> str:
    """"Group of 20 summit" -> "G20 summit"; other names as they are."""
    return re.sub(r"\b" + GROUP_OF + r"\b", lambda g: "G" + _NUMBERS.get(g.group(0).split()[-1].lower(),
                                                                        g.group(0).split()[-1]), name, flags=re.I)


def _same_name(a: Event, b: Event) -> bool:
    x, y = a.extra.get("name"), b.extra.get("name")
    return bool(x and y) and _name_key(x) == _name_key(y)


def _opened_before(opened: Event, later: Event) -> bool:
    """``opened`` is a gathering told by its opening day, at ``later``'s place, up to a week before
    ``later``'s day (one of them a gathering still without its people)."""
    if not opened.extra.get("opened") or opened.kind != "Summit" or later.kind != "Summit" \
            or opened.place is None or opened.place != later.place or not (opened.extra.get("anchor") or later.extra.get("anchor")):
        return False
    a, b = opened.start, later.start
    if a is None or b is None or a.day is None or b.day is None:
        return False
    return 0 < (b.to_date() - a.to_date()).days <= 7


def _ends_after(ended: Event, begun: Event) -> bool:
    """``ended`` is told by its last day alone, within a fortnight after ``begun`` began."""
    if ended.start is not None or ended.end is None or ended.end.day is None or begun.start is None \
            or begun.start.day is None:
        return False
    return 0 <= (ended.end.to_date() - begun.start.to_date()).days <= 14


def _bilateral_within(gathering: Event, pair: Event) -> bool:
    """Two leaders' talks on one day of a named gathering of several days that names neither of
    them ("ASEAN leaders met from Tuesday to Thursday ... A and B met on Wednesday"): a meeting on
    its margins, not the gathering."""
    return gathering.end is not None and bool(gathering.extra.get("name")) and gathering.start != gathering.end \
        and len(pair.participants) == 2 and pair.end is None and not pair.extra.get("name") \
        and not pair.extra.get("borrowed_date") and not set(pair.participants) & set(gathering.participants)


def _emit_events(art: _Article) -> None:
    """Merge events within the article, then write their facts."""
    # (not one signed "over a video link": nobody met)
    art.events = [ev for ev in art.events if not (("treaty" in ev.extra or ev.extra.get("cosigned")) and any(
        BY_LINE.search(e.sentence) for e in ev.evidence))]
    # a meeting implied by a joint signing happened when and where the treaty was signed
    for ev in art.events:
        key = ev.extra.get("treaty")
        if key is None:
            continue
        for f in art.facts:
            if f.subject == key and f.status is None:
                if f.predicate == "signedOn" and isinstance(f.obj, PartialDate):
                    ev.start = _finer(ev.start, f.obj)
                if f.predicate == "signedAt" and isinstance(f.obj, Ref) and ev.place is None:
                    ev.place = f.obj.key
    lead = min((x.block for x in art.sentences if x.section == "body"), default=None)
    merged: list[Event] = []
    home: dict[int, Event] = {}   # event -> the merged event it went into
    placed = [ev for ev in art.events if "of" in ev.extra]   # leaders placed at the story's gathering
    for ev in art.events:
        if "of" in ev.extra:
            continue
        target = None
        # (a gathering named again joins the one of its name first: "A and B held talks on the
        # margins of the X summit ... A took part in that summit")
        for m in sorted(merged, key=lambda x: not _same_name(x, ev)):
            if m.kind != ev.kind or m.extra.get("type") != ev.extra.get("type"):
                continue
            if m.extra.get("apart") is not None and m.extra.get("apart") == ev.extra.get("apart"):
                continue   # "met A and later B": told apart in the sentence itself
            if (m.extra.get("separate") or ev.extra.get("separate")) and set(m.participants) != set(ev.participants):
                continue   # "A also held separate talks with B": not the gathering both attended
            if bool(m.extra.get("sidelines")) != bool(ev.extra.get("sidelines")) \
                    and not _same_name(m, ev):
                continue   # a summit and a meeting held on its sidelines are two gatherings
            if ev.kind == "Visit" and (m.destination is None) != (ev.destination is None):
                # a visit told without its destination, and the sentences just after it that give one
                first, later = (m, ev) if m.destination is None else (ev, m)
                same = m.participants == ev.participants and 0 <= later.extra.get("sent", -99) - first.extra.get("sent", 99) <= 2 \
                    and _dates_agree(m.start, ev.start)
            elif ev.kind == "Visit":
                same = m.participants == ev.participants and (m.destination == ev.destination or
                       _place_in_state(art, m.destination, ev.destination) or
                       _place_in_state(art, ev.destination, m.destination)) and (
                    # "arrived on Tuesday ... welcomed today": days of one stay
                    _during(m.start, m.end, ev.start) or _during(ev.start, ev.end, m.start)
                    # "arrived on Wednesday ... wrapped up the visit on Friday": its end told alone
                    or _ends_after(m, ev) or _ends_after(ev, m))
            elif _same_name(m, ev) and (
                    m.start is None or ev.start is None or _same_time(m, ev)):
                same = True   # "the G20 summit" told over several sentences: one gathering
            else:
                overlap = set(m.participants) & set(ev.participants)
                # two pairs, neither holding the other ("A met B ... A also met C")
                pairs = len(m.participants) >= 2 and len(ev.participants) >= 2 \
                    and not set(m.participants) <= set(ev.participants) \
                    and not set(ev.participants) <= set(m.participants)
                if m.start is None and ev.start is None:
                    # undated: one meeting told twice, not "A met B" and "B met C"
                    same = len(overlap) >= 2 or bool(overlap) and (
                        set(m.participants) <= set(ev.participants) or set(ev.participants) <= set(m.participants))
                elif m.start is None or ev.start is None:
                    # an undated mention is not glued to a dated event, but a headline's is: the
                    # headline tells the story the body dates; and one sentence's signing and
                    # summit of the same leaders are one gathering
                    undated, dated = (m, ev) if m.start is None else (ev, m)
                    # (not one held elsewhere: "B received A in X ... A later flew to Y, where C
                    # received him")
                    elsewhere = m.place is not None and ev.place is not None and m.place != ev.place \
                        and not _place_in_state(art, m.place, ev.place) and not _place_in_state(art, ev.place, m.place) \
                        and not (all(e.section == "headline" for e in undated.evidence) and (
                            # (a headline's "Tokyo summit" and the body's talks in a district the
                            # reference data does not place: nothing says elsewhere)
                            None in (art.state_of(m.place), art.state_of(ev.place))
                            or art.state_of(m.place) == art.state_of(ev.place)))
                    # (nor "A met B ... B also met C": two pairs, each of its own)
                    # (a headline's pair is not another pair of the body: "A holds talks with B" and
                    # "A met C in 2012")
                    same = not elsewhere and (bool(overlap) and not pairs
                                              and all(e.section == "headline" for e in undated.evidence) \
                        or len(overlap) >= 2 and ("treaty" in m.extra or "treaty" in ev.extra) \
                        and bool({e.sentence for e in m.evidence} & {e.sentence for e in ev.evidence}) \
                        or bool(overlap) and not pairs and _told_after_lead(lead, dated, undated) \
                        or len(overlap) >= 2 and _close_by(dated, undated)
                        or _close_by(dated, undated) and (_states_and_their_leaders(art, dated, undated)
                                                          or _states_and_their_leaders(art, undated, dated)) \
                        or _signing_after(dated, undated) or _sole_dated(art, dated, undated)
                        # "Leaders met in X on Saturday. Among those present were A and B": a
                        # gathering told before its people, who come just after it
                        or not dated.participants and bool(dated.extra.get("anchor")) and undated.place is None
                        and 0 <= undated.extra.get("sent", -99) - dated.extra.get("sent", 99) <= 2)
                else:
                    # same day and the same people or the same place: two meetings of one
                    # day with nobody in common are two meetings
                    # a fragment (one side named) joins the meeting of its day it fits
                    fragment = any(len(x.participants) < 2 and not x.extra.get("borrowed_date") for x in (m, ev)) \
                        and (m.place is None or ev.place is None or m.place == ev.place) \
                        and not _bilateral_within(m, ev) and not _bilateral_within(ev, m)
                    # two meetings of one day with one person in common ("A met B, then A met C")
                    # are two meetings, unless they share the place
                    # the same place with nobody in common: two meetings (a bilateral on a summit's
                    # sidelines), unless one side names nobody yet (a gathering told before its people)
                    # two pairs with one person in common ("A met B ... A also held talks with
                    # C"): two meetings, whatever the places told
                    # a gathering told by its first day and again on a later day of the same week,
                    # at the same place ("the meeting, which opened on Saturday" in Monday's story)
                    same = _opened_before(m, ev) or _opened_before(ev, m) or _same_time(m, ev) and bool(
                        len(overlap) >= 2
                        or _states_and_their_leaders(art, m, ev) or _states_and_their_leaders(art, ev, m)
                        or (overlap and (m.place is None or ev.place is None) and not pairs)
                        or (m.place is not None and m.place == ev.place and not pairs
                            and (overlap or not m.participants or not ev.participants)) or fragment)
            if same:
                target = m
                break
        if target is None:
            merged.append(ev)
            home[id(ev)] = ev
            continue
        home[id(ev)] = target
        _absorb(art, target, ev)
    for ev in placed:
        target = home.get(ev.extra["of"])
        if target is None:
            merged.append(ev)
        else:
            _absorb(art, target, ev)
    _write_events(art, merged)


def _states_and_their_leaders(art: _Article, states: Event, leaders: Event) -> bool:
    """One event names only states (two or more: "the summit of A, B and C"), the other leaders
    of each of those states ("X hosted Y and Z"): one gathering told twice."""
    told = set(states.participants)
    if len(told) < 2 or not all(p.startswith("state/") for p in told):
        return False
    people = [p for p in leaders.participants if p.startswith("person/")]
    return len(people) >= 2 and told <= {st for p in people for st in art.offices.get(p, ())}


def _state_then(art: _Article, dest: str, start: PartialDate | None) -> str:
    """A visit's state as it was on the visit's date: "flew into the Uzbek capital" in 1966 went
    to the Soviet Union (kg/data/predecessors.tsv); a town stays the town."""
    ent = art.entities.get(dest)
    if start is None or ent is None or not dest.startswith("state/"):
        return dest
    then = ref.predecessor_of(ent.label, start.year, start.month, start.day)
    return art.state(f"state/{ref.slugify(then)}") if then else dest


def _absorb(art: _Article, target: Event, ev: Event) -> None:
    """Merge ``ev`` into ``target``: its people, days, place, name and evidence."""
    for p in ev.participants:
        if p not in target.participants:
            target.participants.append(p)
    if ev.extra.get("one"):   # one who took part in a named gathering told before its people
        target.extra["one"] = True
        target.extra["takes_part"] = set(target.extra.get("takes_part") or ()) | set(ev.extra.get("takes_part") or ())
    if target.start is not None and ev.start is not None and target.start.day and ev.start.day \
            and target.start != ev.start:
        # days of one gathering told apart: it ran from the first to the last
        days = [d for d in (target.start, ev.start, target.end, ev.end) if d is not None and d.day]
        target.start, target.end = min(days), max(days)
    else:
        target.start = _finer(target.start, ev.start)
        target.end = target.end or ev.end
    target.place = target.place or ev.place
    if ev.extra.get("name") and not target.extra.get("name"):
        target.extra["name"] = ev.extra["name"]   # "A hosted the G20 summit": the verb's event, named by its noun
    target.destination = target.destination or ev.destination
    if target.destination and ev.destination and target.destination.startswith("state/") \
            and ev.destination.startswith("place/") and art.state_of(ev.destination) == target.destination:
        target.destination = ev.destination   # (a town of that state; not a building of no known state)
    target.evidence.extend(ev.evidence)
    if "treaty" not in ev.extra:
        target.extra.pop("treaty", None)   # also reported as a meeting, not only as a signing


# verbs of a meeting of two sides: one side alone is no meeting
_TWO_SIDED = {"meet", "sit", "shake", "receive", "welcome", "greet", "call", "confer", "embrace"}


def _write_events(art: _Article, merged: list[Event]) -> None:
    """The facts of the article's merged events."""
    for ev in merged:
        if ev.kind == "Plan":
            _emit_plan(art, ev)
            continue
        year = (ev.start or ev.end).year if (ev.start or ev.end) else None
        if ev.kind == "Summit":
            # a summit is a meeting of leaders: ministers and envoys at it are not its participants,
            # and their talks alone are no summit
            people = [p for p in ev.participants if p.startswith("person/")]
            if people:
                leaders = [p for p in people if p in art.leaders or p in art.leader_titled or p in art.leaders_of_the_time]
                ev.participants = [p for p in ev.participants if not p.startswith("person/") or p in leaders]
            if sum(p.startswith("person/") for p in ev.participants) >= 2:
                # the leaders who met are its participants, not their states as well ("the summit
                # between A, B and C", told beside the names of their leaders)
                ev.participants = [p for p in ev.participants if not p.startswith("state/")]
            states = sum(p.startswith("state/") for p in ev.participants)
            if ev.extra.get("trigger") != "summit" and (
                    ev.participants and states == len(ev.participants)
                    # states in "talks" or a "dialogue" (often ministers'): only a "summit" of states is one
                    or states >= 2 and len(ev.participants) - states == 1):
                # ("ministers of A, B and C met ... the meeting was opened by X": one leader at a
                # meeting of states' delegations is no summit of leaders either)
                continue
            if len(ev.participants) < 2 and not (ev.extra.get("one") and len(ev.participants) == 1
                                                 and ev.participants[0] in ev.extra.get("takes_part", ())
                                                 and (ev.extra.get("trigger") not in _TWO_SIDED or ev.extra.get("name"))):
                # a meeting needs two sides: one alone is an incomplete reading, not a fact (but one
                # who took part in a gathering, "the summit held in X", "X hosted the summit", took
                # part in it; "Y met him" with Y of no state is no gathering)
                continue
            homes = [art.offices.get(p, set()) for p in ev.participants if p.startswith("person/")]
            if len(homes) >= 2 and all(len(h) == 1 for h in homes) and len(set().union(*homes)) == 1:
                continue  # the president and the prime minister of one state: no meeting of states
            if "treaty" in ev.extra and not all(p in art.leaders for p in ev.participants):
                continue  # ministers signing a text is a ceremony; leaders signing it is a summit
            key = "summit/" + "-".join(_slugs(art, ev.participants)) + (f"-{year}" if year else "-undated")
            again = key in art.entities and ev.start is not None
            if again:
                key += "-" + str(ev.start).replace("-", "")[4:]   # another meeting of theirs that year
            names = [_label(art, p) for p in ev.participants]
            label = f"Summit of {' and '.join(sorted(set(names)))}" + (
                f" ({ev.start})" if again else f" ({year})" if year else "")
            alts: frozenset[str] = frozenset()
            if ev.extra.get("name"):
                # "the Lusaka summit", "the G20 summit": known by its own name, which is its label,
                # also with its place and year ("G20 summit in Bali 2022")
                name = ev.extra["name"]
                where = _label(art, ev.place) if ev.place else None
                short = _short_name(name)
                # also as news writes it with the place inside ("the G20 Brisbane summit"; not for a
                # name that ends on something else: "Summit of the Americas")
                head, _, noun = short.rpartition(" ")
                forms = {name, short} | ({f"{name} in {where}", f"{short} in {where}"} if where else set()) \
                    | ({f"{head} {where} {noun}"} if where and noun.lower() in SUMMIT_NOUNS else set())
                alts = frozenset(forms | ({f"{f} {year}" for f in forms} if year else set()) | {label})
                label = f"{name} ({ev.start})" if again else f"{name} ({year})" if year else name
                alts -= {label}
            art.entities[key] = Entity(key, "Summit", label, alts)
            for p in ev.participants:
                _fact(art, key, "participant", Ref(p), ev)
            if ev.start:
                _fact(art, key, "startDate", ev.start, ev)
            if ev.end:
                _fact(art, key, "endDate", ev.end, ev)
            if ev.place and not _a_river(art, ev.place):
                _fact(art, key, "location", Ref(ev.place), ev)
        elif ev.kind == "Visit":
            if ev.destination is None or _a_river(art, ev.destination):
                continue   # no sentence said where it went ("looked out over the X River": no place gone to)
            ev.destination = _state_then(art, ev.destination, ev.start)
            visitor = ev.participants[0]
            dslug = ref.slugify(_label(art, ev.destination)) if ev.destination else "unknown"
            key = f"visit/{_slugs(art, [visitor])[0]}-{dslug}" + (f"-{year}" if year else "-undated")
            label = f"Visit of {_label(art, visitor)} to {_label(art, ev.destination)}" + (f" ({year})" if year else "")
            art.entities[key] = Entity(key, "Visit", label)
            _fact(art, key, "visitor", Ref(visitor), ev)
            _fact(art, key, "destination", Ref(ev.destination), ev)
            if ev.start:
                _fact(art, key, "startDate", ev.start, ev)
            if ev.end:
                _fact(art, key, "endDate", ev.end, ev)


def _a_river(art: _Article, key: str) -> bool:
    """A river, canal or strait the reference knows as no town: nowhere one meets or goes to."""
    label = art.entities[key].label if key in art.entities else ""
    return bool(re.search(r"\b(?:River|Canal|Strait|Straits)\b", label)) and ref.lookup_place(label) is None \
        and ref.city_state(label) is None


_HEAD_WORDS = ("treaty", "agreement", "accord", "accords", "pact", "convention", "protocol",
               "charter", "arrangement", "memorandum")


def _relabel_unnamed_treaties(art: _Article) -> None:
    """An unnamed treaty is labelled by the states near its first mention ("Agreement between
    A, B and C (1988)"); once the signing has told its parties, the label names those."""
    for key, ent in list(art.entities.items()):
        if ent.kind != "Treaty" or key in art.treaty_keys:
            continue
        m = re.match(r"^(?P<noun>.+?) between (?P<sides>.+?) \((?P<year>\d{4})\)$", ent.label)
        if m is None:
            continue
        parties = sorted({f.obj.key for f in art.facts if f.subject == key and f.predicate == "party"
                          and f.status is None and isinstance(f.obj, Ref) and f.obj.key in art.entities})
        names = [art.entities[p].label for p in parties]
        if len(names) < 2 or " and ".join(names) == m.group("sides"):
            continue
        bare = f"{m.group('noun')} between {' and '.join(names)}"
        alts = {a for a in ent.alt_labels if a != re.sub(r"\s+\(\d{4}\)$", "", ent.label)} | {bare}
        art.entities[key] = Entity(key, "Treaty", f"{bare} ({m.group('year')})", frozenset(alts), ent.wikidata)


def _signed_elsewhere(places: set[Any], named_places: set[Any], name: str) -> bool:
    """An unnamed treaty signed at one town is not a named one signed at another, nor one named
    after another town ("the Astana treaty")."""
    towns = {o.key for o in places if isinstance(o, Ref)}
    if not towns:
        return False
    named = {o.key for o in named_places if isinstance(o, Ref)}
    if named:
        return not towns & named
    first = name.split()[0] if name.split() else ""
    p = ref.lookup_place(first)
    return p is not None and p.kind in ("capital", "city") and f"place/{ref.slugify(first)}" not in towns


def _merge_treaty_mentions(art: _Article) -> None:
    """An unnamed treaty ("a new fisheries convention", "the 1994 accord") is the article's named
    treaty when exactly one named treaty fits it: same kind of instrument, every descriptive word
    in its name, no other year, no other parties."""
    def facts_of(key: str, pred: str) -> set[Any]:
        return {f.obj for f in art.facts if f.subject == key and f.predicate == pred}

    named, unnamed = [], []
    for key, ent in art.entities.items():
        if ent.kind != "Treaty":
            continue
        m = re.match(r"^(.*) between .* \((\d{4})\)$", ent.label)
        (unnamed if m else named).append((key, ent, m))
    # a short name the article gives a treaty it also names in full ("the Agreement on X ...,
    # known as the X Pact"), told on its own elsewhere (in the headline)
    def norm(label: str) -> str:
        return re.sub(r"[^a-z0-9]+", "", label.lower())
    renames: dict[str, str] = {}
    for key, ent, _ in named:
        full = [nkey for nkey, nent, _ in named if nkey != key and nkey not in renames
                and norm(ent.label) in {norm(a) for a in nent.alt_labels}]
        if len(full) == 1:
            renames[key] = full[0]
    order: dict[str, int] = {}   # sentence -> its place in the article
    for x in art.sentences:
        order.setdefault(x.text, x.index)
    for key, ent, m in unnamed:
        if key in art.older_treaties:
            continue   # "an earlier extradition treaty": not the named one of its kind
        words = [w.lower() for w in re.findall(r"[\w-]+", m.group(1))]
        head = next((w for w in words if w in _HEAD_WORDS), None)
        mods = [w for w in words if w not in _HEAD_WORDS and w not in ("of", "the")]
        year = m.group(2)
        parties = {o.key for o in facts_of(key, "party") if isinstance(o, Ref)}
        fits = []
        for nkey, nent, _ in named:
            if nkey in renames:
                continue   # another name of a treaty the article names in full
            nwords = [w.lower() for w in re.findall(r"[\w-]+", nent.label)]
            nhead = next((w for w in nwords if w in _HEAD_WORDS), None)
            if head is None or nhead is None or head.rstrip("s") != nhead.rstrip("s"):
                continue
            if not all(w in nwords for w in mods):
                continue
            years = {str(d.year) for d in facts_of(nkey, "signedOn") if isinstance(d, PartialDate)}
            if years and year not in years:
                continue
            nparties = {o.key for o in facts_of(nkey, "party") if isinstance(o, Ref)}
            if nparties and parties and not (nparties <= parties or parties <= nparties):
                continue
            if _signed_elsewhere(facts_of(key, "signedAt"), facts_of(nkey, "signedAt"), nent.label):
                continue   # "a treaty signed in Dushanbe" is not "the Astana treaty"
            fits.append(nkey)
        if len(fits) > 1 and parties:
            # of several, the one the article gives the same parties
            fits = [k for k in fits if {o.key for o in facts_of(k, "party") if isinstance(o, Ref)} == parties]
        if not fits and len(parties) >= 2:
            # "A and B signed a peace accord here on Monday. ... put their names to the Presidential
            # Act of X": another sentence names the document signed that day by the same parties
            # (the named one told after it: "also signed an agreement on X" after a named treaty is
            # another document)
            days = {d for d in facts_of(key, "signedOn") if isinstance(d, PartialDate) and d.day}
            first = min((order.get(f.evidence.sentence, 10**6) for f in art.facts if f.subject == key), default=10**6)
            fits = [nkey for nkey, nent, _ in named if nkey not in renames and days
                    and {o.key for o in facts_of(nkey, "party") if isinstance(o, Ref)} <= parties
                    and {d for d in facts_of(nkey, "signedOn") if isinstance(d, PartialDate)} == days
                    and min((order.get(f.evidence.sentence, -1) for f in art.facts if f.subject == nkey),
                            default=-1) > first]
        if len(fits) == 1:
            renames[key] = fits[0]
    # (a name with no signing of its own, a headline's, is the document of one unnamed signing, not
    # of several signed in different years)
    named_keys = {x for x, _, _ in named}
    for nkey in {v for v in renames.values() if not facts_of(v, "signedOn")}:
        took = [k for k, v in renames.items() if v == nkey and k not in named_keys]
        if len({str(d.year) for k in took for d in facts_of(k, "signedOn") if isinstance(d, PartialDate)}) > 1:
            first = min(took, key=lambda k: min((order.get(f.evidence.sentence, 10**6) for f in art.facts
                                                 if f.subject == k), default=10**6))
            for k in took:
                if k != first:
                    del renames[k]
    # an unnamed treaty only the headline tells ("A and B sign oil pact") is the one the body tells
    # between the same states that year, when the body tells exactly one
    for key, ent, m in unnamed:
        if key in renames or any(f.evidence.section != "headline" for f in art.facts if f.subject == key):
            continue
        parties = {o.key for o in facts_of(key, "party") if isinstance(o, Ref)}
        body = [k for k, e, _ in unnamed + named if k != key and k not in renames
                and str(m.group(2)) in {str(d.year) for d in facts_of(k, "signedOn") if isinstance(d, PartialDate)}
                and {o.key for o in facts_of(k, "party") if isinstance(o, Ref)} == parties
                and any(f.evidence.section == "body" for f in art.facts if f.subject == k)]
        if len(parties) >= 2 and len(body) == 1:
            renames[key] = body[0]
            target = art.entities[body[0]]   # (known by the headline's words too)
            art.entities[body[0]] = replace(target, alt_labels=target.alt_labels | {a for a in ent.alt_labels
                                                                                    if " between " not in a})
    if not renames:
        return
    out: list[Fact] = []
    for f in art.facts:
        subj = renames.get(f.subject, f.subject)
        obj = Ref(renames.get(f.obj.key, f.obj.key)) if isinstance(f.obj, Ref) else f.obj
        if f.predicate == "replaces" and isinstance(obj, Ref) and obj.key == subj:
            continue
        nf = Fact(subj, f.predicate, obj, f.evidence, f.status)
        if nf not in out:
            out.append(nf)
    art.facts = out
    for old in renames:
        art.entities.pop(old, None)
    for ev in art.events:
        ev.participants = [renames.get(p, p) for p in ev.participants]


def _drop_coarser_dates(art: _Article) -> None:
    """'2023' is dropped when the article also dates the same thing '2023-03-03'."""
    dates: dict[tuple[str, str], list[PartialDate]] = {}
    for f in art.facts:
        if isinstance(f.obj, PartialDate) and f.status is None:
            dates.setdefault((f.subject, f.predicate), []).append(f.obj)
    def coarser(f: Fact) -> bool:
        if not isinstance(f.obj, PartialDate):
            return False
        mine = f.obj.isoformat()
        return any(o.isoformat() != mine and o.isoformat().startswith(mine)
                   for o in dates.get((f.subject, f.predicate), []))
    art.facts = [f for f in art.facts if not coarser(f)]


def _drop_weaker_titles(art: _Article) -> None:
    """'Minister' is dropped when the same person is also 'Foreign Minister' in the article."""
    titles: dict[str, set[str]] = {}
    for f in art.facts:
        if f.predicate == "title":
            titles.setdefault(f.subject, set()).add(str(f.obj))
    weaker = set()
    for person, ts in titles.items():
        for a in ts:
            for b in ts:
                if a != b and set(a.lower().split()) < set(b.lower().split()):
                    weaker.add((person, a))
    art.facts = [f for f in art.facts if not (f.predicate == "title" and (f.subject, str(f.obj)) in weaker)]


def _emit_plan(art: _Article, ev: Event) -> None:
    kind = ev.extra.get("type", "Event")
    slugs = sorted(p.split("/", 1)[1] for p in ev.participants)
    key = f"plan/{kind.lower()}-" + "-".join(slugs)
    names = [_label(art, p) for p in ev.participants]
    art.entities[key] = Entity(key, "PlannedEvent", f"Planned {kind.lower()}: {', '.join(sorted(names))}")  # type: ignore[arg-type]
    for p in ev.participants:
        _fact(art, key, "involves", Ref(p), ev)
    _fact(art, key, "plannedType", kind, ev)
    _fact(art, key, "status", ev.status or "expected", ev)
    if ev.destination:
        _fact(art, key, "destination", Ref(ev.destination), ev)


def _fact(art: _Article, s: str, p: str, o: Any, ev: Event) -> None:
    for e in ev.evidence[:1]:
        f = Fact(s, p, o, e, None)
        if f not in art.facts:
            art.facts.append(f)


def _label(art: _Article, key: str | None) -> str:
    if key is None:
        return "?"
    if key in art.entities:
        return art.entities[key].label
    if key in art.people:
        return art.people[key]["label"]
    return key.split("/", 1)[1]


def _place_in_state(art: _Article, place: str | None, state: str | None) -> bool:
    if not place or not state or not place.startswith("place/") or not state.startswith("state/"):
        return False
    p = ref.lookup_place(_label(art, place))
    return bool(p and p.state and f"state/{ref.slugify(p.state)}" == state)
