"""Claims: every article sentence with the source it is attributed to, by the scope rules.

1. an attribution in the sentence itself (inline, anaphora, chain);
2. else the last attribution earlier in the same item of the paragraph, or the item credit that closes that item
   ("... [HuffPost]"; a paragraph of digest lines holds several items, each closed by its credit), or the source of
   a paragraph's closing line that ends with a colon ("From Bloomberg:", "X responded:") for the next paragraph;
3. else the document credit (the first one named);
4. else unattributed.
Venues, photo credits, polls and stories about an outlet never give a source; a non-verification
phrase marks the claim unverified.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dedupe.attribution.attribute import Attribution, DocumentAttribution
from dedupe.models import Document, Sentence, Span


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    document: str
    span: Span
    text: str
    source: str | None
    basis: str  # inline | anaphora | paragraph | document-credit | unattributed
    via: tuple[str, ...]
    unverified: bool
    attribution: Span | None  # the attribution that decided the source
    also: tuple[str, ...] = ()  # other sources the sentence names with it ("CNN and Fox News reported ...")


def _deciding(attrs: Sequence[Attribution]) -> Attribution | None:
    sources = [a for a in attrs if a.role == "source"]
    chained = [a for a in sources if a.kind == "chain"]
    candidates = chained or sources
    return candidates[0] if candidates else None


def _co_sources(attrs: Sequence[Attribution], decided: Attribution) -> tuple[str, ...]:
    """The other outlets the sentence gives as sources beside the deciding one, in text order, once each."""
    return tuple(dict.fromkeys(a.source for a in attrs if a.role == "source" and a.kind not in ("chain", "citing")
                               and a.source != decided.source))


def _with_credit(via: tuple[str, ...], source: str, credits: tuple[str, ...]) -> tuple[str, ...]:
    """The relay chain from the source towards the publisher, ending with the document credit."""
    if credits and credits[0] != source and credits[0] not in via:
        return (*via, credits[0])
    return via


def _credits_by_paragraph(sentences: Sequence[Sentence],
                          attribution: DocumentAttribution) -> dict[int, list[Attribution]]:
    """The item credits of each paragraph in text order ("... [HuffPost]" closes the item it sources)."""
    items: dict[int, list[Attribution]] = {}
    for a in attribution.attributions:
        if a.kind == "item-credit" and a.sentence is not None:
            items.setdefault(sentences[a.sentence].paragraph, []).append(a)
    return items


def _lead(text: str, s: Sentence) -> int:
    """How many white-space characters open the sentence."""
    line = text[s.start:s.end]
    return len(line) - len(line.lstrip())


def _item_of(text: str, s: Sentence, closing: Sequence[Attribution]) -> int:
    """Which item of its paragraph a sentence belongs to: the index of the credit that closes it (len: none)."""
    item = bisect_right([a.span.end for a in closing], s.start)  # credits ended before it close earlier items
    if item < len(closing) and closing[item].span.start <= s.start and text[closing[item].span.end:s.end].strip():
        item += 1  # "[AFP] FERRY SERVICE RESUMES ...": the sentence opens with the previous item's credit
    return item


_QUOTE_OPENING = re.compile(r"\s*[\"'\u201c\u2018\u00ab\u2026]|\s*\.\.\.")


def _introduces_next(text: str, sentences: Sequence[Sentence], n: int, decided: Attribution) -> bool:
    """The sentence ends its paragraph with a colon and the next paragraph is the block it introduces: after
    "From Bloomberg:" any block, after "X responded:" a quotation (an embedded post the page lost may stand
    between "CNN noted the sparse crowd:" and the next paragraph of the article)."""
    s = sentences[n]
    if n + 1 == len(sentences) or sentences[n + 1].paragraph != s.paragraph + 1:
        return False
    if not text[s.start:s.end].rstrip().endswith(":"):
        return False
    return decided.kind == "lead-in" or _QUOTE_OPENING.match(text, sentences[n + 1].start) is not None


_SHORT = 40  # characters: only a sentence this short is looked at for letters


_CONTACT = re.compile(r"\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+)\s*$")


# a site's call to its reader, no claim of the story: "Get in touch with our news team by emailing us at ...", "For
# more stories like this, check our news page.", "Sign up for our newsletter", "Want FOX News First in your inbox every
# day? Sign up here.", "( Sign up for POLITICO's Morning Tech tip sheet)", "Did you like this article?", "Hat
# Ihnen dieser Artikel gefallen?", "Fehler gefunden? Jetzt melden.", "Abonnez-vous", "Suscríbete", "Iscriviti"
_CALL_TO_ACTION = re.compile(
    r"\b(?:get\s+in\s+touch\s+with\s+(?:us|our)|e-?mail(?:ing)?\s+us\b|contact\s+us\b|follow\s+us\s+(?:on|at|@)|"
    r"sign\s+up\s+(?:for|to)\s+(?:our\b|(?:the\s+|a\s+)?[\w\u2019' -]{0,30}newsletter)|subscribe\s+to\s+our\b|"
    r"for\s+more\s+stories\s+like\s+this|check\s+(?:out\s+)?our\b|"
    r"click\s+here\b|download\s+(?:our|the)\s+(?:free\s+)?app|(?:delivered|straight)\s+to\s+your\s+inbox|"
    r"(?:in|meet)\s+your\s+inbox\b|sign\s+up\s+here\b|sign\s+up\s+for\b[^()\n]{0,80}\)|breaking\s+news\s+alerts\b|"
    r"thank\s+you\s+for\s+signing\s+up|protected\s+by\s+recaptcha|"
    r"did\s+you\s+(?:like|enjoy)\s+this|hat\s+ihnen\s+(?:dieser|der)\s+(?:artikel|beitrag)\s+gefallen|"
    r"wie\s+hat\s+ihnen\s+(?:dieser|der)\s+(?:artikel|beitrag)\s+gefallen|fehler\s+gefunden|jetzt\s+(?:melden|abonnieren|"
    r"anmelden)|informiert\s+sie\b|abonnez-vous|inscrivez-vous|suscr[\u00edi]bete|iscriviti|s[\u00edi]guenos)", re.I)
# an editor's note on the text itself: "Questions and answers have been edited for length and clarity.", "This interview
# has been condensed and edited for clarity."
_EDITORS_NOTE = re.compile(r"\b(?:interview|transcript|conversation|q\s*&\s*a|exchange|questions\s+and\s+answers|"
                           r"answer|response|remark|excerpt|text|story|article)s?\s+(?:has|have)\s+been\s+(?:lightly\s+)?"
                           r"(?:condensed\s+and\s+)?edited\s+(?:and\s+condensed\s+)?for\s+(?:length|clarity|brevity|space)\b",
                           re.I)
# a writer's note closing a column, in any paragraph (the word to look for first, the note): "Follow him on Twitter
# @jroe.", "Jane Roe can be reached at jane.roe@example.com.", "The opinions expressed in this commentary are her own."
_WRITERS_NOTES = (
    ("edited", _EDITORS_NOTE),
    ("ollow", re.compile(r"\bfollow\s+(?:us|him|her|them|me)\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky)"
                         r"\s*:?\s*(?:@[\w.]+)?\s*\.?\s*$", re.I)),  # the whole sentence
    ("@", re.compile(r"\b(?:can\s+be\s+reached|(?:reach|write\s+to|contact)\s+(?:him|her|them|us|me)|"
                     r"let\s+us\s+know\b[^.\n]{0,60}?)\s+at\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)),
    # a live blog's header, under its dateline: "WASHINGTON (AP) \u2014 The Latest on campaign 2016 on Super Tuesday
    # (all times Eastern Standard Time):" (the same words head every blog of the series)
    ("atest", re.compile(r"\bthe\s+latest\s+on\b[^\n]{0,300}?(?:\(all\s+times\s+[^()\n]{2,40}\)\s*:?|:)\s*$",
                         re.I)),
    ("expressed", re.compile(r"\b(?:views|opinions)\s+expressed\s+(?:in\s+this\s+[\w-]+\s+|here\s+)?(?:are|is)\s+"
                             r"(?:solely\s+)?(?:his|her|their|the\s+author|those\s+of\s+the\s+author)", re.I)),
)
_NOTE_WORD = re.compile("|".join(re.escape(word) for word, _ in _WRITERS_NOTES))
# a word (in lower case) one of which every call to the reader holds (``_CALL_TO_ACTION``): a cheap first look
_CALL_WORDS = ("touch", "mail", "contact", "follow", "sign", "subscri", "stories", "check", "click", "download",
               "inbox", "alerts", "captcha", "you", "gefallen", "fehler", "jetzt", "informiert", "abonnez", "inscrivez",
               "suscr", "iscriviti", "guenos")
_CALL_LENGTH = 240  # characters: a call to the reader is a short paragraph; a long one that has such words is text
_CALL_START = 60  # characters: the call opens its sentence, unless the sentence is short ("... Email us at x@y.z.")


def _call_to_action(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_CALL_TO_ACTION.search(text, start, end)``, after a cheap look for one of its words."""
    lowered = text[start:end].lower()
    if not any(word in lowered for word in _CALL_WORDS):
        return None
    return _CALL_TO_ACTION.search(text, start, end)


def _no_statement(text: str, s: Sentence, short_paragraph: bool) -> bool:
    """A rule line or a time stamp of a live blog ("___", "4:14 p.m."): fewer than four letters; a section label in
    capitals of at most three words ("ABSTRACT.", "FULL TEXT.", "CORRECTION APPENDED."); a reporter's e-mail
    address or a bare link closing the article ("kokobj@yna.co.kr"); or the site's call to its reader
    (``_CALL_TO_ACTION``, looked for in a ``short_paragraph`` only) or a note of the writer or editor
    (``_WRITERS_NOTES``: the editing, where to follow or reach the writer, whose views these are; in any
    paragraph): no claim."""
    call = _call_to_action(text, s.start, s.end) if short_paragraph else None
    if call is None and _NOTE_WORD.search(text, s.start, s.end) is not None:  # a cheap look first: most have none
        call = next((m for word, note in _WRITERS_NOTES if text.find(word, s.start, s.end) >= 0
                     and (m := note.search(text, s.start, s.end)) is not None), None)
    if call is not None and (call.start() - s.start <= _CALL_START or s.end - s.start <= _CALL_LENGTH // 2):
        return True
    if s.end - s.start >= _SHORT * 2:
        return False
    line = text[s.start:s.end]
    if s.end - s.start < _SHORT and (sum(ch.isalpha() for ch in line) < 4 or _is_label(line)):
        return True
    return ("@" in line or "//" in line or "www." in line) and _CONTACT.match(line) is not None


# a sentence that gives the source of the one before it: "That's according to early results of exit polls
# conducted for The Associated Press", "This is according to a new report from Politico"
_POINTS_BACK = re.compile(r"\W{0,3}(?:that|this)(?:'s|\u2019s|\s+is|\s+was)\s+(?:(?:all|also|largely)\s+)?"
                          r"according\s+to\b", re.I)


def _points_back(text: str, s: Sentence, sentences: Sequence[Sentence], n: int, last: Claim) -> bool:
    """Sentence ``n`` opens with "That's according to", and the claim before it is the sentence just before it (in
    its paragraph or the one before) with no source of its own in it."""
    return (_POINTS_BACK.match(text, s.start, s.end) is not None and n > 0
            and last.span.start == sentences[n - 1].start and sentences[n - 1].paragraph >= s.paragraph - 1
            and last.basis not in ("inline", "anaphora"))


def _sourced_after(claim: Claim, decided: Attribution, also: tuple[str, ...], credits: tuple[str, ...]) -> Claim:
    """The claim with the source the next sentence gives it."""
    via = _with_credit(decided.via, decided.source, credits)
    return replace(claim, source=decided.source, basis="paragraph", via=via, attribution=decided.span, also=also)


def _short_paragraphs(sentences: Sequence[Sentence]) -> set[int]:
    """The paragraphs whose sentences span at most _CALL_LENGTH characters."""
    spans: dict[int, tuple[int, int]] = {}
    for s in sentences:
        first = spans.get(s.paragraph, (s.start, s.end))[0]
        spans[s.paragraph] = (first, s.end)
    return {p for p, (start, end) in spans.items() if end - start <= _CALL_LENGTH}


def _is_label(line: str) -> bool:
    return len(line.split()) <= 3 and any(ch.isupper() for ch in line) and not any(ch.islower() for ch in line)


def build_claims(doc: Document, sentences: Sequence[Sentence], attribution: DocumentAttribution) -> list[Claim]:
    by_sentence: dict[int, list[Attribution]] = {}
    for a in attribution.attributions:
        if a.sentence is not None:
            by_sentence.setdefault(a.sentence, []).append(a)
    credits = attribution.credits
    # by (paragraph, item): nothing carries past an item credit; with the other sources named beside it
    carried: dict[tuple[int, int], tuple[Attribution, tuple[str, ...]]] = {}
    items = _credits_by_paragraph(sentences, attribution)
    claims: list[Claim] = []
    short = _short_paragraphs(sentences)
    for n, s in enumerate(sentences):
        if n in attribution.credit_sentences or _no_statement(doc.text, s, s.paragraph in short):
            continue
        closing = items.get(s.paragraph, [])
        if closing and any(a.span.start <= s.start + _lead(doc.text, s) and s.end <= a.span.end + 1 for a in closing):
            continue  # "[AP]" split off as a sentence of its own: a credit, no claim
        item = _item_of(doc.text, s, closing) if closing else 0  # (most paragraphs hold no item credit)
        here = by_sentence.get(n)
        attrs = [a for a in here if a.kind != "item-credit"] if here else []  # a credit sources its item only
        decided = _deciding(attrs) if attrs else None
        also: tuple[str, ...] = ()
        if decided is not None and claims and _points_back(doc.text, s, sentences, n, claims[-1]):
            claims[-1] = _sourced_after(claims[-1], decided, _co_sources(attrs, decided), credits)
            carried[(s.paragraph, item)] = (decided, claims[-1].also)
            continue  # "That's according to X.": the sentence before is X's; this one states nothing of its own
        if decided is not None:
            also = _co_sources(attrs, decided)
            carried[(s.paragraph, item)] = (decided, also)
            if _introduces_next(doc.text, sentences, n, decided):
                carried[(s.paragraph + 1, 0)] = (decided, also)  # "From Bloomberg:" / "X responded:", the quote
            basis = "anaphora" if decided.kind == "anaphora" else "inline"
        else:
            decided, also = carried.get((s.paragraph, item)) or (closing[item] if item < len(closing) else None, ())
            basis = "paragraph"
        if decided is not None:
            source: str | None = decided.source
            via = _with_credit(decided.via, decided.source, credits)
            span: Span | None = decided.span
        elif credits:
            source, via, span, basis = credits[0], (), None, "document-credit"
        else:
            source, via, span, basis = None, (), None, "unattributed"
        unverified = any(a.role == "non-verification" for a in attrs) if attrs else False
        claims.append(Claim(f"{doc.id}:{len(claims)}", doc.id, Span(s.start, s.end), doc.text[s.start:s.end],
                            source, basis, via, unverified, span, also))
    return claims


# the frame that names a claim's source, around its content: "According to early results of exit polls conducted
# for the Associated Press, ...", "..., according to a CNN tally.", "..., the Post reported.", "NBC News reported
# on Monday that ..." (at most a clause: no comma or semicolon inside, a reporting verb next to the source)
_FRAME_BEFORE = re.compile(r"\W{0,3}according\s+to\s+[^,;:\"\u201c]{1,200}?,\s*|"
                           r"[^,;]{1,100}?\b(?:reported|reports|said|says|found|finds|wrote|writes|revealed|noted)"
                           r"(?:\s+(?:on|last|this|earlier)\s+\w+)?\s+that\s+", re.I)
_FRAME_AFTER = re.compile(r",\s*(?:according\s+to\s+[^,;]{1,200}?|[^,;]{1,80}?\s+(?:reported|reports|said|says|"
                          r"wrote|writes|noted))\s*[.!?\"\u201d']*\s*$", re.I)
FRAME_WORDS = 7  # words of a frame long enough to weigh in a comparison ("According to a new Courier poll," has 6)


def content_text(claim: Claim) -> str:
    """The claim's text without the frame that names its source (the words that frame shares with other claims of
    the same source are no evidence that two claims state one fact); the whole text when the claim has no source
    of its own in it or the frame is not one of the two shapes."""
    if claim.basis not in ("inline", "anaphora") or claim.attribution is None:
        return claim.text
    at = claim.attribution.start - claim.span.start
    if not 0 <= at < len(claim.text):
        return claim.text
    before = _FRAME_BEFORE.match(claim.text)
    if before is not None and at < before.end() and _long(before.group()):
        return claim.text[before.end():]
    after = _FRAME_AFTER.search(claim.text)
    if after is not None and at >= after.start() and _long(after.group()):
        return claim.text[:after.start()]
    return claim.text


def _long(frame: str) -> bool:
    """A frame of FRAME_WORDS words or more: a short one ("according to ANSA", "KCNA said") is left in, as another
    claim of the same fact may name its source in other words ("as per ANSA") or not at all."""
    return len(frame.split(None, FRAME_WORDS - 1)) >= FRAME_WORDS
