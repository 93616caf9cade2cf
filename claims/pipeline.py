"""The extraction as spaCy pipeline components, each registered by name, configured with the
language data and usable alone (`nlp.add_pipe("claims_statements")` on any French pipeline).

    claims_sentences → (parser, ner …) → claims_statements → claims_assertions → claims_certainty
    → claims_speakers

Each component writes `doc._.claims_statements` (the `Statement` objects, filled in step by step) and
span groups a person can look at with displacy (`render`):
    claims_statements  what is claimed, labelled with its kind (direct, indirect, …, assertion)
    claims_cues        the reporting verb or attribution, labelled with its lemma
    claims_markers     certainty markers, labelled with their type (conditional, hedge, …)
    claims_speakers    the speaker as written, labelled with the actor it resolves to

Speakers are resolved across a whole article: `claims_speakers` resolves one doc when called as a
component, and the paragraphs of an article together through `SpeakerResolver.resolve`.

The span groups are for a person looking at a doc; the extraction makes its rows from the statements and
asks the components for none (`span_groups=False`, through `NO_SPAN_GROUPS` in `nlp.pipe`'s component_cfg).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from claims.assertions import is_check_worthy
from claims.certainty import statement_markers, vague_source_markers
from claims.detect import find_statements
from claims.lexicon import DATA_DIR, Lexicon, load_lexicon
from claims.speakers import Actor, Resolver
from claims.statement import Statement
from claims.tokens import char_bounds, quotes_of, release, sentences

STATEMENTS, CUES, MARKERS, SPEAKERS = "claims_statements", "claims_cues", "claims_markers", "claims_speakers"
COMPONENTS = ("claims_statements", "claims_assertions", "claims_certainty", "claims_speakers")
NO_SPEAKER = Actor("", "unknown", "none")
# nlp.pipe's component_cfg for docs no one looks at: building the span groups (a Span per statement, cue,
# speaker and marker, some groups made twice as later components fill them in) is ~4 % of the rules' time
NO_SPAN_GROUPS = {name: {"span_groups": False} for name in COMPONENTS if name != "claims_speakers"}

if not Doc.has_extension("claims_statements"):
    Doc.set_extension("claims_statements", default=None)


def _lexicon(data_dir: str) -> Lexicon:
    return load_lexicon(Path(data_dir) if data_dir else DATA_DIR)


# where spaCy keeps `doc._.claims_statements`: read straight from user_data, as `doc._` builds an
# Underscore object on every access (a getter or method on the extension would bypass this; it has none)
_STATEMENTS_KEY = ("._.", "claims_statements", None, None)


def statements_of(doc: Doc) -> list[Statement]:
    """The statements the components found in a doc (empty before claims_statements ran)."""
    return doc.user_data.get(_STATEMENTS_KEY) or []


def statements_by_sentence(doc: Doc) -> dict[int, list[Statement]]:
    """The doc's statements by the start token of their sentence, in their order (one pass, where a
    filter per sentence would go over all of them for each)."""
    found: dict[int, list[Statement]] = {}
    for st in statements_of(doc):
        found.setdefault(st.sentence.start, []).append(st)
    return found


def _group(doc: Doc, key: str, spans: list[tuple[int, int, str]]) -> None:
    """A span group from character offsets (expanded to tokens), in text order."""
    group = []
    for start, end, label in sorted(spans):
        if end <= start:
            continue
        bounds = char_bounds(doc, start, end) if len(doc) else None
        if bounds is not None:
            group.append(Span(doc, bounds[0], bounds[1], label=label))
    doc.spans[key] = group


class StatementFinder:
    """claims_statements: attributed statements (quotes, reported speech, selon X) of a doc."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc, span_groups: bool = True) -> Doc:
        found = find_statements(doc, self.lex)
        doc._.claims_statements = found
        if not span_groups:
            return doc
        _group(doc, STATEMENTS, [(s.start, s.end, s.kind) for s in found])
        _group(doc, CUES, [(s.cue_start, s.cue_end, s.cue) for s in found if s.cue_start >= 0])
        _group(doc, SPEAKERS, [(s.speaker.start_char, s.speaker.end_char, "speaker") for s in found
                               if s.speaker is not None])
        return doc


class AssertionFinder:
    """claims_assertions: the article's own check-worthy sentences, where no one else is quoted."""

    def __call__(self, doc: Doc, span_groups: bool = True) -> Doc:
        found = statements_of(doc)
        quotes = quotes_of(doc)
        taken = {s.sentence.start for s in found}
        for sent in sentences(doc):
            if sent.start not in taken and is_check_worthy(sent, quotes):
                found.append(Statement("assertion", sent.start_char, sent.end_char, sent))
        found.sort(key=lambda s: (s.sentence.start, s.kind == "assertion", s.start))
        doc._.claims_statements = found
        if span_groups:
            _group(doc, STATEMENTS, [(s.start, s.end, s.kind) for s in found])
        return doc


class CertaintyMarker:
    """claims_certainty: the conditional, hedges and evidential cues each statement carries."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc, span_groups: bool = True) -> Doc:
        for st in statements_of(doc):
            st.markers = statement_markers(doc, st, self.lex)
        if span_groups:
            _markers_group(doc)
        return doc


def _markers_group(doc: Doc) -> None:
    _group(doc, MARKERS, [(m["start"], m["end"], m["type"]) for st in statements_of(doc) for m in st.markers])


class SpeakerResolver:
    """claims_speakers: who each statement's speaker is (pronouns, roles, aliases, anonymous sources),
    its confidence, the actors each claim is about, and the vague-source marker of anonymous speakers."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        self.resolve([doc], [0])
        return doc

    def resolve(self, docs: Sequence[Doc], offsets: Sequence[int], span_groups: bool = True) -> None:
        """Resolve the speakers of one article's docs, in order; `offsets` place each doc in the article (and
        write the speaker and marker span groups, unless `span_groups` is False)."""
        resolver = Resolver(self.lex)
        sent_no = 0
        for doc, offset in zip(docs, offsets):
            quotes = quotes_of(doc)
            by_sentence = statements_by_sentence(doc)
            for sent in sentences(doc):
                at = by_sentence.get(sent.start, ())
                here = [s for s in at if s.kind != "assertion"]
                speakers = [s.speaker for s in here if s.speaker is not None]
                resolver.read_sentence(sent, offset, sent_no, quotes, speakers,
                                       [s.speaker for s in here if s.speaker is not None and s.kind == "according_to"])
                for st in here:
                    sp = st.speaker
                    actor = resolver.actor_at(sp.start_char + offset, sp.end_char + offset) if sp is not None else None
                    st.actor = actor or NO_SPEAKER
                    st.confidence = resolver.confidence(st.actor)
                    st.markers = sorted(st.markers + vague_source_markers(doc, st, st.actor.type),
                                        key=lambda m: m["start"])
                for st in at:
                    st.about = resolver.actors_within(st.start + offset, st.end + offset)
                sent_no += 1
        renames = resolver.fuller_names()  # « la préfecture » named in full later in the article
        for doc in docs:
            for st in statements_of(doc):
                if st.actor is not None and st.actor.name in renames:
                    a = st.actor  # (a description linked to a name is no longer as written)
                    st.actor = Actor(renames[a.name], a.type, "role" if a.resolution == "as written" else a.resolution,
                                     a.via)
                    st.confidence = resolver.confidence(st.actor)
            if span_groups:
                _group(doc, SPEAKERS, [(s.speaker.start_char, s.speaker.end_char, s.actor.name or "?")
                                       for s in statements_of(doc) if s.speaker is not None and s.actor is not None])
                _markers_group(doc)
            release(doc)  # the token caches of the rules (the last component to need them)


@Language.factory("claims_statements", default_config={"data_dir": ""})
def make_statement_finder(nlp: Language, name: str, data_dir: str) -> StatementFinder:
    return StatementFinder(_lexicon(data_dir))


@Language.factory("claims_assertions")
def make_assertion_finder(nlp: Language, name: str) -> AssertionFinder:
    return AssertionFinder()


@Language.factory("claims_certainty", default_config={"data_dir": ""})
def make_certainty_marker(nlp: Language, name: str, data_dir: str) -> CertaintyMarker:
    return CertaintyMarker(_lexicon(data_dir))


@Language.factory("claims_speakers", default_config={"data_dir": ""})
def make_speaker_resolver(nlp: Language, name: str, data_dir: str) -> SpeakerResolver:
    return SpeakerResolver(_lexicon(data_dir))


def add_components(nlp: Language, data_dir: str = "") -> Language:
    """The claims components at the end of a French pipeline (they need its parser and entities)."""
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            config = {} if name == "claims_assertions" else {"data_dir": data_dir}
            nlp.add_pipe(name, config=config)
    return nlp


def render(doc: Doc, page: bool = False) -> str:
    """The doc's statements, cues, markers and speakers as displacy HTML (span style)."""
    doc.spans["claims"] = [*doc.spans.get(STATEMENTS, []), *doc.spans.get(CUES, []),
                           *doc.spans.get(MARKERS, []), *doc.spans.get(SPEAKERS, [])]
    return displacy.render(doc, style="span", page=page, options={"spans_key": "claims"})
