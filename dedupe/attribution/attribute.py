"""Attribution phrases in one document: who each mention of an outlet is, and what role it plays."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from dedupe.attribution.citations import citations
from dedupe.attribution.coordination import shared_cues
from dedupe.attribution.credits import (
    LEAD_CREDIT_LINES,
    LEAD_PARAGRAPHS,
    SOURCE_LINE,
    SOURCE_LINE_REACH,
    Credit,
    author_credits,
    closing_credits,
    dateline_credits,
    is_derivative,
    item_credits,
    lead_inputs_credits,
    line_credits,
    photo_credits,
)
from dedupe.attribution.cues import (
    ANAPHORA,
    NAMED_POLL,
    NATIONAL_MEDIA,
    POLL_AHEAD_CUE,
    POLL_AHEAD_OPENING,
    POLL_FIGURE,
    POLL_FINDING,
    POLL_IN,
    POLL_METHOD,
    POLL_NOUN,
    POLL_OPENING,
    REPORT_NOUN,
    STATE_MEDIA,
    STUDY_STATES,
    decide,
    state_media_country,
)
from dedupe.attribution.lexicon import Lexicon, Mention
from dedupe.attribution.mentions import part_of_a_name, resolve_mentions
from dedupe.attribution.roles import RoleClassifier
from dedupe.models import Document, Paragraph, Sentence, Span
from dedupe.text.literals import Found, fold, required

CLASSIFIER_SOURCE_MIN = 0.9  # measured on PolNeAR train: below it, most classifier sources were false
REPORT_ANAPHORA_REACH = 2  # "the report said" refers to an outlet named at most this many sentences before
POLL_AHEAD_REACH = 4  # "A new poll shows ..." refers to the outlet's poll named at most this many sentences after
_PHOTO_HINT = re.compile(r"\(photo|via getty|©|\b(?:bild|foto|photo|image)\s*:", re.I)
_PHOTO_HINT_WORDS = required(_PHOTO_HINT)  # a sentence with none of these is no photo credit
_TRAILING_SENTENCE = re.compile(r"^\(\s*[A-Za-z][\w .&/-]{0,30}\)\s*\.?$|^[-\u2013\u2014]\s*[A-Z][\w .&]{1,30}$")


@dataclass(frozen=True, slots=True)
class Attribution:
    document: str
    span: Span
    text: str
    source: str
    kind: str  # the form: inline-verb, according-to, dateline, photo-credit, ...
    role: str  # source | credit | venue | subject | photo-credit | non-verification | anaphora
    via: tuple[str, ...]
    confidence: float
    sentence: int | None  # index into the document's sentences, None for document-level credits


@dataclass(frozen=True, slots=True)
class DocumentAttribution:
    attributions: tuple[Attribution, ...]
    credits: tuple[str, ...]  # document-level credits, first named first
    derivative: bool
    credit_sentences: frozenset[int]  # sentences that are credit lines, not claims


def _credit_attribution(doc: Document, c: Credit) -> Attribution:
    role = "photo-credit" if c.kind == "photo-credit" else "credit"
    return Attribution(doc.id, c.span, c.text, c.source, c.kind, role, (), c.confidence, None)


def document_credits(doc: Document, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence],
                     lexicon: Lexicon, folded: str | None = None) -> tuple[list[Credit], set[int]]:
    """Dateline, byline, inputs, hat tip, trailing and photo credits; and sentences that are credit lines.
    ``folded`` is ``fold(doc.text)`` when known (a cheap look before the photo-credit pattern)."""
    body = [i for i, p in enumerate(paragraphs) if p.boilerplate is None]
    credits = dateline_credits(lexicon, doc.text, [paragraphs[i] for i in body])
    tail = set(range(_tail_start(doc.text, paragraphs), len(paragraphs)))
    zone = tail | set(body[:LEAD_CREDIT_LINES])
    late = range(max(0, len(paragraphs) - SOURCE_LINE_REACH), len(paragraphs))
    zone |= {i for i in late if SOURCE_LINE.match(doc.text, paragraphs[i].start, paragraphs[i].end)}
    short = {i for i, p in enumerate(paragraphs) if len(doc.text[p.start:p.end].split(None, 8)) <= 8}  # (counts to 9)
    text_paragraphs = [i for i in body if i not in short]
    first_text, last_text = (text_paragraphs[0], text_paragraphs[-1]) if text_paragraphs else (-1, -1)
    credit_paragraphs: set[int] = set()
    photo_hints = Found(_PHOTO_HINT_WORDS, folded)
    for index, para in enumerate(paragraphs):
        if para.boilerplate is not None or index in tail or index in short:
            edge = index > last_text or index < first_text  # before or after all the paragraphs of text
            found = line_credits(lexicon, doc.text, para, index in zone, edge=edge, folded=folded)
            credits.extend(found)
            if any(c.kind != "photo-credit" for c in found):
                credit_paragraphs.add(index)  # a whole line that credits is no claim ("Quelle: dpa-AFX")
    for index in body[:LEAD_PARAGRAPHS]:
        if index not in short and (found := lead_inputs_credits(lexicon, doc.text, paragraphs[index])):
            credits.extend(found)
            credit_paragraphs.add(index)
    credit_sentences = {n for n, s in enumerate(sentences) if s.paragraph in credit_paragraphs}
    last_body = body[-1] if body else -1
    for index in sorted(tail.intersection(body)):
        if index == last_body or _only_trailers_after(doc.text, paragraphs, index, short):
            credits.extend(closing_credits(lexicon, doc.text, paragraphs[index], bare=index in (last_body, last_text)))
    for n, s in enumerate(sentences):
        if s.paragraph == last_body and _TRAILING_SENTENCE.match(line := doc.text[s.start:s.end]):
            found = line_credits(lexicon, doc.text, Paragraph(s.start, s.end, "credit"), True)
            if found:
                credits.extend(found)
                credit_sentences.add(n)
        elif not photo_hints.absent(s.start, s.end) and _PHOTO_HINT.search(line := doc.text[s.start:s.end]):
            credits.extend(photo_credits(lexicon, line, s.start))
    unique = {(c.span.start, c.source, c.kind): c for c in credits}
    found = sorted(unique.values(), key=lambda c: c.span.start)
    named = {c.source for c in found}  # the text's own credits first; the metadata's wire after them, once
    found += [c for c in author_credits(lexicon, doc.text, doc.author, doc.body_start) if c.source not in named]
    return found, credit_sentences


TAIL_LINES = 4  # the last lines of text that may credit the document (page furniture after them not counted)
# page furniture after an article's last line: an ad slot, a rule, a script's remains ("<!--", "//-->",
# "28){j=28+s;...}catch(e){}})(document);")
_FURNITURE = re.compile(r"^\s*(?:ad|anzeige|werbung|publicit[e\u00e9])?\s*$|^[\W_]*$|[)}]\s*[{;]|[{;]\s*}|/\*|\*/",
                        re.I)


def _tail_start(text: str, paragraphs: Sequence[Paragraph]) -> int:
    """The first paragraph of the tail zone: the last ``TAIL_LINES`` paragraphs that are not page furniture, and
    the furniture after and among them."""
    found = 0
    for index in range(len(paragraphs) - 1, -1, -1):
        para = paragraphs[index]
        if para.boilerplate != "advertisement" and not _FURNITURE.search(text[para.start:para.end]):
            found += 1
            if found == TAIL_LINES:
                return index
    return 0


def _only_trailers_after(text: str, paragraphs: Sequence[Paragraph], index: int, short: set[int]) -> bool:
    """Only short lines, boilerplate or a line introducing an embed ("Nachfolgendes VIDEO zeigt ...:") follow the
    paragraph: the article's text ends with it ("... die Werke. (dpa)" before "Erstellt: 12.12.2019")."""
    return all(j in short or p.boilerplate is not None or text[p.start:p.end].rstrip().endswith(":")
               for j, p in enumerate(paragraphs[index + 1:], start=index + 1))


def _item_credits(doc: Document, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence], lexicon: Lexicon,
                  credit_sentences: set[int]) -> list[Attribution]:
    """"... the disease. [HuffPost]": the source of the paragraph it closes (claims.py carries it back)."""
    out: list[Attribution] = []
    starts = [s.start for s in sentences]
    for para in paragraphs:
        if para.boilerplate is not None:
            continue
        bracketed = item_credits(lexicon, doc.text, para)
        for c in [*bracketed, *citations(lexicon, doc.text, para, {b.span.start for b in bracketed})]:
            n = max(0, bisect_right(starts, c.span.start) - 1)
            if n not in credit_sentences:
                role = "photo-credit" if c.kind == "photo-credit" else "source"
                out.append(Attribution(doc.id, c.span, c.text, c.source, c.kind, role, (), c.confidence, n))
    return out


def _context(text: str, sentence: Sentence, start: int, end: int) -> tuple[str, str]:
    return text[sentence.start:start], text[end:sentence.end]


_HANDLE = re.compile(r"\s*\(@\w{1,30}\)")  # "The New York Times (@nytimes)": a post's signature names its account


def _mention_attribution(doc: Document, n: int, s: Sentence, m: Mention,
                         classifier: RoleClassifier | None) -> Attribution | None:
    left, right = _context(doc.text, s, m.start, m.end)
    rule = decide(left, right)
    if rule is not None and not rule.cue and m.needs_context:
        return None  # a rule that is no cue does not confirm an acronym or a word ("your AP exams")
    if rule is not None:
        confidence = 0.95 if m.method == "name" else 0.9
        end = handle.end() if rule.form == "tweet" and (handle := _HANDLE.match(doc.text, m.end)) else m.end
        return Attribution(doc.id, Span(m.start, end), doc.text[m.start:end], m.source, rule.form, rule.role,
                           (), round(confidence * m.score / 100, 4), n)
    if m.needs_context or classifier is None:
        return None  # a short acronym with no cue is never guessed ("Andhra Pradesh (AP)", "PA system")
    role, probability = classifier.predict(left, doc.text[m.start:m.end], right)
    if role == "source" and probability < CLASSIFIER_SOURCE_MIN:
        return None  # on real text a guessed source is wrong more often than right: rules decide sources
    if role in ("credit", "non-verification"):
        return None  # credit lines are found by the credit rules; inside a sentence the guess was a caption or a name;
        # a guessed non-verification without its words ("could not verify") was wrong on all 15 of PolNeAR train
    form = {"source": "classifier", "venue": "classifier", "photo-credit": "photo-credit"}.get(role, "mention")
    return Attribution(doc.id, Span(m.start, m.end), doc.text[m.start:m.end], m.source, form, role, (),
                       round(probability, 4), n)


def _coordinated(doc: Document, n: int, mentions: Sequence[Mention], here: list[Attribution]) -> list[Attribution]:
    """"CNN and Fox News reported": the outlets of a list share the cue one of them has (coordination.py)."""
    by_start = {a.span.start: a for a in here}
    given = {m.start: replace(by_start[cue], span=Span(m.start, m.end), text=doc.text[m.start:m.end], source=m.source,
                              sentence=n)
             for m, cue in shared_cues(doc.text, mentions, {a.span.start: a.kind for a in here})}
    if not given:
        return here
    return sorted([*(a for a in here if a.span.start not in given), *given.values()], key=lambda a: a.span.start)


_MEDIA_WORD = re.compile(r"media|press|news|television|\btv\b|outlet|broadcaster", re.I)  # "news" covers newspaper
_MEDIA_WORDS = required(_MEDIA_WORD)


def _state_media(doc: Document, n: int, s: Sentence, mentions: Sequence[Mention], looks: _Looks) -> list[Attribution]:
    out: list[Attribution] = []
    if looks.media.absent(s.start, s.end) or not _MEDIA_WORD.search(doc.text, s.start, s.end):
        return out  # a cheap look first: the nationality patterns are long alternations
    for pattern, label in ((STATE_MEDIA, "state media of"), (NATIONAL_MEDIA, "media of")):
        for g in pattern.finditer(doc.text, s.start, s.end):
            if any(0 <= m.start - g.end() <= 3 for m in mentions) or any(a.span.start <= g.start() < a.span.end
                                                                       for a in out):
                continue  # "Russian state news agency TASS": the named outlet decides
            rule = decide(doc.text[s.start:g.start()], doc.text[g.end():s.end])
            if rule is not None and rule.role == "source":
                name = f"{label} {state_media_country(g)}"
                out.append(Attribution(doc.id, Span(g.start(), g.end()), g.group(), name, "state-media", "source", (),
                                       0.85 if label.startswith("state") else 0.75, n))
    return out


@dataclass(slots=True)
class _Context:
    """What earlier sentences of the document tell later ones."""

    last_outlet: str | None  # the outlet named last, for "the report said"
    last_outlet_sentence: int = -9  # the sentence that named it
    named: list[str] = field(default_factory=list)  # outlets named so far, the latest last
    kind_of: dict[str, str | None] = field(default_factory=dict)  # lexicon kind of each named outlet
    last_poll: str | None = None  # the outlet whose poll was named last, for "the poll found"
    story_subjects: set[str] = field(default_factory=set)  # outlets the story is about ("Reuters opened ...")
    publisher: str | None = None  # the document's own outlet (canonical)


# "the agency said", "said the newspaper": the outlet noun is rarer than the verb
_ANAPHORA_WORDS = required(ANAPHORA, avoid=frozenset({"said", "added", "reported", "according"}))


@dataclass(frozen=True, slots=True)
class _Looks:
    """The cheap looks before costly patterns, each searched once in the document's folded text."""

    media: Found  # _MEDIA_WORDS
    anaphora: Found  # _ANAPHORA_WORDS

    @classmethod
    def of(cls, folded: str | None) -> _Looks:
        return cls(Found(_MEDIA_WORDS, folded), Found(_ANAPHORA_WORDS, folded))


# "The survey, conducted for the advocacy group America's Voice, found": another sponsor's poll, not the one named
# before (an outlet sponsor is a mention the poll rule decides before any anaphora is looked for)
_OTHER_SPONSOR = re.compile(r"\b(?:conducted|carried\s+out|done)\s+for\b|"
                            r"\b(?:commissioned|sponsored|paid\s+for)\s+by\b", re.I)


def _poll_opening(doc: Document, s: Sentence) -> re.Match[str] | None:
    """"The poll shows Trump ahead": a sentence opening with the poll named before, stating what it found (not how
    it was taken: "The poll has a margin of error of 3 points")."""
    m = POLL_OPENING.match(doc.text, s.start, s.end)
    return m if m is not None and _states_finding(doc, s, m.end()) else None


def _states_finding(doc: Document, s: Sentence, start: int) -> bool:
    """The sentence states what a poll found from ``start`` on, not how it was taken."""
    method = POLL_METHOD.search(doc.text, s.start, s.end)
    return method is None and POLL_FINDING.search(doc.text, start, s.end) is not None


def _poll_in(doc: Document, s: Sentence) -> re.Match[str] | None:
    """"39 percent in Monday's poll": the figures of the poll named before."""
    m = POLL_IN.search(doc.text, s.start, s.end)
    return m if m is not None and POLL_FIGURE.search(doc.text, s.start, s.end) else None


def _poll_ahead(doc: Document, s: Sentence) -> re.Match[str] | None:
    """"A new national poll suggests ...", "The new poll revealed ...": a finding of a poll named later."""
    m = (POLL_AHEAD_OPENING.match(doc.text, s.start, s.end) or POLL_OPENING.match(doc.text, s.start, s.end)
         or POLL_AHEAD_CUE.search(doc.text, s.start, s.end))
    return m if m is not None and _states_finding(doc, s, s.start) else None


def _polls_named_after(doc: Document, sentences: Sequence[Sentence], found: Sequence[Attribution],
                       skip: set[int] | frozenset[int]) -> list[Attribution]:
    """The first poll the document names is an outlet's: the unnamed poll of the few sentences before it is that
    poll ("A new national poll suggests ... The USA TODAY/Suffolk University poll found"), unless a poll is named
    by another name before ("the Quinnipiac poll")."""
    first = next((a for a in found if a.kind in ("poll", "poll-mention") and a.sentence is not None), None)
    if first is None or first.sentence is None:
        return []
    sourced = {a.sentence for a in found if a.role in ("source", "relay")}
    out: list[Attribution] = []
    for n in range(max(0, first.sentence - POLL_AHEAD_REACH), first.sentence):
        s = sentences[n]
        if NAMED_POLL.search(doc.text, s.start, s.end):
            return []
        m = None if n in skip or n in sourced else _poll_ahead(doc, s)
        if m is not None:
            out.append(Attribution(doc.id, Span(m.start(), m.end()), m.group(), first.source, "anaphora", "source",
                                   (), 0.75, n))
    return out


_POLL_TAKEN = re.compile(r"\b(?:surveyed|sampled|interviewed|polled|was\s+conducted|were\s+conducted)$", re.I)


def _anaphora(doc: Document, n: int, s: Sentence, ctx: _Context, looks: _Looks) -> list[Attribution]:
    m = None if looks.anaphora.absent(s.start, s.end) else ANAPHORA.search(doc.text, s.start, s.end)
    if m is None and ctx.last_poll:
        m = _poll_opening(doc, s) or _poll_in(doc, s)
    if m is None:
        return []
    if POLL_NOUN.search(m.group()):  # "the poll found ..." (not how it was taken: "The poll surveyed 1,000 adults")
        how = _POLL_TAKEN.search(m.group()) is not None
        source = None if how or _OTHER_SPONSOR.search(doc.text, s.start, s.end) else ctx.last_poll
    elif REPORT_NOUN.search(m.group()) and n - ctx.last_outlet_sentence > REPORT_ANAPHORA_REACH:
        source = None  # "the report said" three sentences on may be any report (a government's, a think tank's)
    else:
        source = _latest_of_kind(ctx, m.group())
    if source is None:
        return []
    return [Attribution(doc.id, Span(m.start(), m.end()), m.group(), source, "anaphora", "source", (), 0.8, n)]


# "the newspaper said" refers to the latest newspaper named, not to an agency or a network named after it; an
# outlet the lexicon does not know (a call sign) may be any kind
_NOUN_KINDS = (
    (re.compile(r"\b(?:newspaper|paper|daily|tabloid)\b", re.I), ("newspaper", "state-media")),
    (re.compile(r"\b(?:network|channel|broadcaster|station)\b", re.I), ("broadcaster", "state-media")),
    (re.compile(r"\bmagazine\b", re.I), ("magazine", "online")),
    (re.compile(r"\b(?:agency|wire\s+service)\b", re.I), ("news-agency", "state-media")),
)


def _latest_of_kind(ctx: _Context, phrase: str) -> str | None:
    kinds = next((k for pattern, k in _NOUN_KINDS if pattern.search(phrase)), None)
    if kinds is None:
        return ctx.last_outlet
    return next((o for o in reversed(ctx.named) if ctx.kind_of.get(o) in (*kinds, None)), None)


# "according to the latest New York Times/CBS News poll": a partner named after a slash or hyphen is cued too
_POLL_CUE = re.compile(r"\b(?:according\s+to|in|from|by|of)\s+(?:[\w'\u2019.&]+(?:\s+|\s*/\s*|-)){0,6}$", re.I)


def _poll_without_figures(doc: Document, s: Sentence, a: Attribution) -> Attribution:
    """An outlet's poll is the source of the figures it found; a sentence about the poll itself is not sourced."""
    if a.kind != "poll":
        return a
    about_method = POLL_METHOD.search(doc.text, s.start, s.end) is not None
    cued = _POLL_CUE.search(doc.text, max(s.start, a.span.start - 60), a.span.start) is not None
    states = POLL_FINDING.search(doc.text, s.start, s.end) or STUDY_STATES.match(doc.text, a.span.end, s.end)
    if not (about_method or cued or states):
        return replace(a, role="subject", kind="poll-mention")
    return a


_SUBJECT_OPENING = re.compile(r"^\W*(?:the\s+)?$", re.I)
# "its", "the team", "the bureau": the outlet's words are about the outlet ("the network" may be another one)
_SELF_REFERENCE = re.compile(r"\b(?:its|itself|the\s+(?:team|bureau|staff|newsroom|company)|"
                             r"eigene[nmrs]?|selbst)\b", re.I)  # "im eigenen Haus ... selbst aufgedeckt"
# "Reuters said it would ...", "Bloomberg LP said Monday it had begun": "it" as the subject of the outlet's words,
# within the first words after the name (not "CBS News claimed he was stopping it soon")
_SELF_SUBJECT = re.compile(r"\W*(?:[\w-]+\W+){1,3}?(?:that\s+)?it\b", re.I)


_QUOTING = frozenset({"quote-item", "headline"})  # forms whose sentence is the outlet's quoted words
# forms where the outlet is named after its cue or is its poll, not the subject of the words after it: "a copy of
# which has been obtained by the Guardian, ... requires Verizon to ... in its systems", "according to a new AP-NORC
# poll, ... in its current form"
_NOT_ITS_SUBJECT = frozenset({"obtained-by", "according-to", "citing", "as-reported-by", "report-in", "poll"})


def _speaks_of_itself(doc: Document, s: Sentence, a: Attribution) -> bool:
    """"Reuters said the team would work with its desk": the outlet's words are about the outlet (not the words it
    is quoted with: "The New York Times (Jane Roe): “It will be ...", nor the words after an outlet named by its cue:
    "obtained by the Guardian")."""
    return a.kind not in _QUOTING and a.kind not in _NOT_ITS_SUBJECT and (
        _SELF_SUBJECT.match(doc.text, a.span.end, s.end) is not None
        or _SELF_REFERENCE.search(doc.text, a.span.end, s.end) is not None)


def _story_subjects(doc: Document, s: Sentence, mentions: Sequence[Mention], here: Sequence[Attribution]) -> set[str]:
    """Outlets an opening sentence is about: the grammatical subject with no reporting cue, a subject role, or an
    outlet speaking of itself ("Bloomberg LP said it had begun ..."), unless the sentence names the outlet's
    editorial, report or poll (then the story is about its reporting)."""
    decided = {a.span.start: a for a in here}
    out = set()
    for m in mentions:
        a = decided.get(m.start)
        subject = a is not None and a.role == "subject" and a.kind not in ("poll-negative", "poll-mention")
        opening = a is None and not m.needs_context and _SUBJECT_OPENING.match(doc.text[s.start:m.start])
        itself = a is not None and a.role == "source" and _speaks_of_itself(doc, s, a)
        if (subject or opening or itself) and not _names_its_content(doc, s, m):
            out.add(m.source)
    return out


# "the Wall Street Journal editorial board", "Washington Post's anti-Sanders editorial", "a headline from X"
_CONTENT_AFTER = re.compile(r"(?:'s|\u2019s)?\s+(?:[\w-]+\s+){0,2}?(?:editorial|report|article|story|column|op-ed|"
                            r"piece|headline|investigation|analysis|exclusive|scoop|poll|survey)s?\b", re.I)
_CONTENT_BEFORE = re.compile(r"\b(?:editorial|report|article|story|column|op-ed|piece|headline|investigation|"
                             r"analysis|exclusive|scoop|poll|survey)s?\s+(?:from|by|in|of)\s+(?:the\s+)?$", re.I)


def _names_its_content(doc: Document, s: Sentence, m: Mention) -> bool:
    """A story about what an outlet published is about its reporting: what it says stays a source."""
    return (_CONTENT_AFTER.match(doc.text, m.end, s.end) is not None
            or _CONTENT_BEFORE.search(doc.text[max(s.start, m.start - 60):m.start]) is not None)


def _as_subject(a: Attribution) -> Attribution:
    """An outlet speaking about itself in a story about it is a company statement, not a news source."""
    return replace(a, kind="about-agency", role="subject")


def _own_reporting(a: Attribution) -> Attribution:
    """"a letter obtained by The Post" in The Post: the publisher's own reporting, not a source it cites."""
    return replace(a, kind="own-reporting", role="subject")


def _chain(found: list[Attribution]) -> list[Attribution]:
    """"X reported, citing Y": Y is the source, relayed via X."""
    sources = [a for a in found if a.role == "source"]
    cited = [a for a in sources if a.kind == "citing"]
    relays = [a for a in sources if a.kind != "citing"]
    if not cited or not relays:
        return found
    relay = relays[0]
    out = []
    for a in found:
        if a is cited[0]:
            a = replace(a, kind="chain", via=(relay.source,))
        elif a is relay:
            a = replace(a, role="relay")
        out.append(a)
    return out


def _sentence_mentions(doc: Document, s: Sentence, inside: Sequence[Mention], decided: Sequence[Span],
                       trusted: set[str]) -> list[Mention]:
    return [m for m in inside if m.end <= s.end
            and not any(d.start <= m.start < d.end for d in decided)
            and (not m.ambiguous or m.source in trusted)
            and not part_of_a_name(doc.text, s.start, m)]


def _sentence(doc: Document, n: int, s: Sentence, mentions: Sequence[Mention], classifier: RoleClassifier | None,
              ctx: _Context, looks: _Looks) -> list[Attribution]:
    if not mentions and not ctx.last_poll and looks.media.absent(s.start, s.end) \
            and looks.anaphora.absent(s.start, s.end):
        return []  # (most sentences) no outlet, no media word, no anaphora: none of the steps below finds anything
    here = [_poll_without_figures(doc, s, a) for m in mentions
            if (a := _mention_attribution(doc, n, s, m, classifier)) is not None]
    if len(mentions) > 1:
        here = _coordinated(doc, n, mentions, here)
    if n < 2 and mentions:
        ctx.story_subjects |= _story_subjects(doc, s, mentions, here)
    if here:  # (most sentences name no outlet)
        here = [_as_subject(a) if a.role == "source" and a.source in ctx.story_subjects and _speaks_of_itself(doc, s, a)
                else a for a in here]
        here = [_own_reporting(a) if a.kind == "obtained-by" and a.source == ctx.publisher else a for a in here]
    here += _state_media(doc, n, s, mentions, looks)
    here = _chain(sorted(here, key=lambda a: a.span.start))
    if not any(a.role == "source" for a in here):
        here += _anaphora(doc, n, s, ctx, looks)
    named = [a for a in here if a.role in ("source", "relay", "subject") and a.kind not in ("anaphora", "state-media")]
    if named:
        chained = any(a.kind == "chain" for a in here)
        ctx.last_outlet = (named[0] if chained else named[-1]).source
        ctx.last_outlet_sentence = n
        ctx.named += [a.source for a in named if a.source != ctx.last_outlet] + [ctx.last_outlet]
    polls = [a.source for a in here if a.kind in ("poll", "poll-mention")]
    if polls:
        ctx.last_poll = polls[-1]
    return here


def _kind(lexicon: Lexicon, name: str) -> str | None:
    entry = lexicon.get(name)
    return entry.kind if entry is not None else None


def attribute(doc: Document, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence], lexicon: Lexicon,
              classifier: RoleClassifier | None = None) -> DocumentAttribution:
    """Every attribution phrase of a document, in text order."""
    folded = fold(doc.text)  # once per document: the cheap looks before costly patterns
    credits, credit_sentences = document_credits(doc, paragraphs, sentences, lexicon, folded)
    items = _item_credits(doc, paragraphs, sentences, lexicon, credit_sentences)
    found: list[Attribution] = [*(_credit_attribution(doc, c) for c in credits), *items]
    decided = [*(c.span for c in credits), *(a.span for a in items)]  # mentions inside them are decided
    credit_names = [c.source for c in credits if c.kind != "photo-credit"]
    found_in_body = lexicon.find(doc.text, doc.body_start)  # once per document; sentences take their slice
    publisher = lexicon.canonical(doc.outlet)
    in_body = resolve_mentions(doc.text, doc.body_start, found_in_body, publisher, lexicon, folded)
    starts = [m.start for m in in_body]
    trusted = {*credit_names, *(m.source for m in in_body if m.method == "name")}
    ctx = _Context(credit_names[0] if credit_names else None, named=credit_names[:1], publisher=publisher)
    ctx.kind_of = {m.source: _kind(lexicon, m.source) or ("newspaper" if m.method == "name-shape" else None)
                   for m in in_body} | {c: _kind(lexicon, c) for c in credit_names}
    looks = _Looks.of(folded)
    for n, s in enumerate(sentences):
        if n in credit_sentences:
            continue
        inside = in_body[bisect_left(starts, s.start):bisect_left(starts, s.end)]
        found.extend(_sentence(doc, n, s, _sentence_mentions(doc, s, inside, decided, trusted), classifier, ctx,
                               looks))
    found.extend(_polls_named_after(doc, sentences, found, credit_sentences))
    unique_credits = tuple(dict.fromkeys(credit_names))
    return DocumentAttribution(tuple(sorted(found, key=lambda a: (a.span.start, a.span.end, a.source))),
                               unique_credits, is_derivative(doc.text, paragraphs), frozenset(credit_sentences))
