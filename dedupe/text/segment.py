"""Paragraphs, boilerplate lines and sentences, all as offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from dedupe.models import Paragraph, Sentence

_I = re.IGNORECASE
BOILERPLATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "caption",
        re.compile(
            r"^\s*(?:(?:file\s+|representational\s+)?(?:image|photo|picture|pic|video|graphic|bild|foto|imagen)s?"
            r"(?:\s+(?:source|credit|courtesy))?\s*[:|]|video\s*[-:]|\[?(?:photo|image)\b.{0,40}\]$)",
            _I,
        ),
    ),
    ("caption", re.compile(r"^.{0,80}\bvia getty images\s*$", _I)),
    # NPR's picture widget as scraped: "Enlarge this image toggle caption Jane Roe/AP Jane Roe/AP"
    ("caption", re.compile(r"^\s*(?:enlarge\s+this\s+image\b|toggle\s+caption\b)", _I)),
    # a photo agency's name alone on a line, under an image: "Getty.", "Shutterstock"
    ("caption", re.compile(r"^\s*(?:getty(?:\s+images)?|shutterstock|istock(?:photo)?|alamy|imago(?:\s+images)?)"
                           r"\s*\.?\s*$", _I)),
    (
        "related",
        re.compile(
            r"^\s*(?:also\s+read|read\s+also|read\s+more|related(?:\s+stories)?|recommended|must\s+read|"
            r"also\s+watch|watch(?:\s+video)?|more\s+from|top\s+stories|"
            # the same in the main languages of real pages: "Lea también:", "Lesen Sie auch:", "Mehr zum Thema:"
            r"lea\s+tambi[e\u00e9]n|leia\s+tamb[e\u00e9]m|lire\s+aussi|lesen\s+sie\s+auch|leggi\s+anche|"
            r"mehr\s+zum\s+thema|(?:diese\s+artikel\s+k\u00f6nnten|das\s+k\u00f6nnte)\s+(?:dich|euch|sie)\s+auch\s+"
            r"interessieren)\s*[:|\-]",
            _I,
        ),
    ),
    # a site's box of links: "More coronavirus news and information from USA TODAY:", "Read more from The Hill:",
    # "More On This...", and a linked headline under "More:" ("More: What we know about the airstrikes"); not "More
    # from the study:", which introduces the study's words
    ("related", re.compile(r"^\s*(?:(?:read|see|get)\s+)?more\s*(?::\s*\S|on\s+this\s*(?:\.{3}|\u2026)?\s*$|"
                           r"(?!than\b)(?:[\w'\u2019-]+\s+){0,6}?from\s+(?:the\s+)?(?-i:[A-Z])[^.!?:\n]{0,40}:\s*$)",
                           _I)),
    (
        "social",
        re.compile(
            # "Follow John Nolte on Twitter @NolteNC": a writer's name of up to four words before the platform
            r"^\s*(?:follow\s+us|follow\s+\S+\s+on|follow\s+(?:\S+\s+){2,4}on\s+(?:twitter|x|facebook|instagram|threads|"
            r"bluesky|tiktok|linkedin|youtube)\b|share\s+(?:this|on)|subscribe\b|click\s+here|like\s+(?:the|our)\s+page|"
            r"download\s+the\b.{0,40}\bapp|join\s+our|get\s+the\s+latest|sign\s+up\s+for|"
            # "Folgen Sie uns auf Twitter", "Abonnieren Sie jetzt den Newsletter", "Deixe suas d\u00favidas ... aqui"
            r"folgen\s+sie\s+uns|s\u00edguenos|suivez[-\s]nous|seguici|siga-nos|abonnieren\s+sie|suscr\u00edbete|"
            r"abonnez[-\s]vous|iscriviti|inscreva-se|deixe\s+(?:seu|sua|seus|suas)\s+(?:coment|d\u00favida|opini)|"
            r"deja\s+tu\s+comentario|laissez\s+un\s+commentaire|"
            # an embedded post's placeholder: "View this post on Instagram", "Sieh dir diesen Beitrag auf Instagram an"
            r"view\s+this\s+(?:post|photo|video)\s+on\s+(?:instagram|facebook|tiktok)|"
            r"sieh\s+dir\s+diesen\s+beitrag\s+auf\s+instagram\s+an|ver\s+esta\s+publicaci\u00f3n\s+en\s+instagram|"
            r"voir\s+cette\s+publication\s+sur\s+instagram)",
            _I,
        ),
    ),
    (
        "disclaimer",
        re.compile(
            r"^\s*disclaimer\b|auto-?generated\s+from|not\s+(?:been\s+)?edited\s+by\s+(?:our|the)\b|"
            r"holds?\s+no\s+responsibility|(?:headline|story)\s+has\s+not\s+been\s+edited",
            _I,
        ),
    ),
    (
        "advertisement",
        re.compile(r"^\s*(?:advertisement|advertisment|sponsored(?:\s+content)?|story\s+continues\s+below)\s*$", _I),
    ),
    (
        "credit",
        re.compile(
            r"^\s*(?:\(\s*with\s+inputs?\s+from\b[^)]*\)|\(\s*[A-Za-z][\w.&/ -]{0,40}\)|"
            r"(?:source|sources|courtesy|h/t|hat\s+tip|edited\s+by|reporting\s+by|writing\s+by)\s*:.{0,80}|"
            r"[-\u2013\u2014]\s*[A-Z][\w.& ]{1,40}|by\s+[\w.&' -]{1,40}\s+staff(?:\s+writers?)?)\s*\.?\s*$",
            _I,
        ),
    ),
)
# A cheap first look that every boilerplate line passes (most lines are article text): the patterns
# anchored as "^\s*(?:...)" combined into one match at the line start, and a keyword of each other pattern.
_ANCHORED = re.compile(
    "|".join(f"(?:{p.pattern})" for _, p in BOILERPLATE_PATTERNS if p.pattern.startswith(r"^\s*(?:")), _I
)
_KEYWORDS = ("getty images", "disclaimer", "generated", "edited", "responsib")


def _may_be_boilerplate(line: str) -> bool:
    if _ANCHORED.match(line) is not None:
        return True
    lowered = line.lower()
    return ("edited" in lowered or "generated" in lowered or "responsib" in lowered or "disclaimer" in lowered
            or "getty images" in lowered)  # _KEYWORDS, spelled out: this runs for every line

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "rep",
        "reps",
        "sen",
        "gov",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "rev",
        "hon",
        "adm",
        "cmdr",
        "pres",
        "dept",
        "est",
        "approx",
        "fig",
        "lt-gen",
        "maj-gen",
        "brig",
        "gen",
        "cpl",
        "pvt",
        "supt",
        "insp",
        "cm",
        "pm",
        "ag",
        "sh",
        "smt",
        "shri",
    ]
)
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "vol", "p", "pp", "sec", "para"})
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "but",
        "in",
        "on",
        "at",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "however",
        "meanwhile",
        "after",
        "before",
        "while",
        "when",
        "as",
        "earlier",
        "later",
        "officials",
        "there",
    ]
)
# a sentence ends at . ! ? before a capital (Latin, Greek, Cyrillic) or a digit, or before a letter of a script without
# capitals (Arabic, Hebrew, Indic); at the Devanagari danda; at CJK full stops without a space after them. Written
# as one set of the marks, then each kind's rest behind a look back at the mark: a pattern that begins with a set
# lets the scan skip ahead to the marks (five times faster than three alternatives each beginning with a repeat,
# which are tried at every character); it matches what the three alternatives match (``tests/test_segment.py``)
_BOUNDARY = re.compile(
    r"[.!?\u061f\u0964\u0965\u3002\uff01\uff1f](?:"
    r"(?<=[.!?\u061f])[.!?\u061f]*[\"')\]\u201d\u2019\u00bb]*"
    r"(?=\s+[\"'(\[\u201c\u2018\u00ab]?[A-Z0-9\u00c0-\u00de\u0391-\u03a9\u0400-\u042f\u0590-\u06ff\u0900-\u0dff])|"
    r"(?<=[\u0964\u0965])[\u0964\u0965]*(?=\s+\S)|"
    r"(?<=[\u3002\uff01\uff1f])[\u3002\uff01\uff1f]*[\u300d\u300f\u201d\u2019\uff09]*(?=[^\s\u300d\u300f]))")
_LAST_WORD = re.compile(r"([\w.'-]+)$")
_NEXT_WORD = re.compile(r"\s*[\"'(\[\u201c\u2018]?(\w+)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?\.?$")


# a picture's caption closed by its credit: "... March 19, 2020. (Lucas Jackson/Reuters)", "(Photo: Rich
# Pedroncelli/AP)", "(AP Photo/Evan Vucci)", "(Reuters/Jonathan Ernst)", "(Saul Loeb/Pool via Reuters)", "[File:
# Adek Berry/AFP]": names in capitals with a slash between them, in brackets that end the line
_CREDIT_NAME = r"(?:[A-Z@][\w.'\u2019&@-]*|de|da|del|di|van|von|al|bin|la|le|du|der|y)"
_CREDIT_PART = (rf"{_CREDIT_NAME}(?:[ \t]+{_CREDIT_NAME}){{0,5}}"
                rf"(?:[ \t]+via[ \t]+{_CREDIT_NAME}(?:[ \t]+{_CREDIT_NAME}){{0,3}})?")
CAPTION_CREDIT = re.compile(
    r"[(\[]\s*(?P<label>(?i:(?:file\s+)?(?:photo|image|video|picture)s?\s*(?:by\b|:)\s*|file\s*:\s*))?"
    rf"(?P<credit>{_CREDIT_PART}(?:\s*[/,]\s*{_CREDIT_PART})*\s*/\s*{_CREDIT_PART})\s*\.?\s*[)\]]\s*$")
CREDIT_SPLIT = re.compile(r"\s*[/,]\s*")
_NAMED_PART = re.compile(r"\S+\s+\S|\w+\s+photo$", _I)  # a photographer's two names, or "AP Photo"


def caption_credit(line: str) -> re.Match[str] | None:
    """The credit in brackets that closes a picture's caption: a label ("Photo:", "Photos by", "File:"), or a
    part of two words or more (a photographer's name, "AP Photo"); not a hat tip ("(H/T Hot Air)") nor a
    digest item's sources ("[IBD/TIPP]")."""
    if not line.endswith((")", "]")) or "/" not in line[-120:]:
        return None
    m = CAPTION_CREDIT.search(line, max(0, len(line) - 160))
    if m is None or re.match(r"h\s*/\s*t\b", m.group("credit"), _I):
        return None
    named = m.group("label") or any(_NAMED_PART.search(p) for p in CREDIT_SPLIT.split(m.group("credit")))
    return m if named else None


def classify_boilerplate(line: str) -> str | None:
    """The boilerplate kind of one line, or None for article text."""
    stripped = line.strip()
    if not stripped:
        return None
    if _may_be_boilerplate(stripped):
        for kind, pattern in BOILERPLATE_PATTERNS:
            if pattern.search(stripped):
                if kind == "credit" and len(stripped.split()) > 12:
                    continue
                return kind
    return "caption" if caption_credit(stripped) else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _stripped_lines(text: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end, line) of each line of ``text[start:]`` with surrounding whitespace stripped (an empty
    line for a blank one); a final newline does not start another line."""
    pieces = text[start:].split("\n")
    if not pieces[-1]:
        pieces.pop()  # the text ends with a newline, or is empty
    out = []
    pos = start
    for raw in pieces:
        line = raw.strip()
        first = pos + len(raw) - len(raw.lstrip()) if line else pos
        out.append((first, first + len(line), line))
        pos += len(raw) + 1
    return out


# a site's hover card inside a sentence, as The Hill's pages carry them: after a person's name, the full name glued to
# the headlines of stories about them, closed by "MORE" ("President Trump Donald John TrumpPelosi eyes end of April
# to bring a fourth relief bill to the floor NBA to contribute 1 million masks MORE's approval rating has ticked up")
_CARD_WORD = r"(?:[A-Z][a-z.'\u2019-]*|\([A-Z][\w.'\u2019-]*\))"
_CARD_MORE = r"[ \t]MORE(?=['\u2019]s\b|[\s,.;:)!?\u2014-]|$)"  # the card's closing word
_HOVER_CARD = re.compile(
    rf"(?P<name>{_CARD_WORD}(?:[ \t]+{_CARD_WORD}){{0,4}}?[ \t]+(?P<surname>[A-Z][\w.'\u2019-]*?[a-z]{{2}}))"
    r"(?=[A-Z0-9\"\u2018\u201c])[^\n]{5,800}?" + _CARD_MORE)
_CARD_NAME_BEFORE = 80  # characters before the full name where the name it follows is looked for
_CARD_END = re.compile(_CARD_MORE)
_CARD_REACH = 1000  # characters before its "MORE" where a card may start: its name (~100) and headlines (<= 800)
# a piece of a sentence a card cut off that is too short to state anything ("Yet Treasury Secretary Steven Mnuchin",
# "(D-N.Y.) and Speaker Nancy Pelosi"): story text, but no sentence of its own
FRAGMENT_WORDS = 10
_SENTENCE_CLOSE = frozenset(".!?\"\u201d'\u2019)")


def hover_cards(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of the hover cards in ``text[start:end]``: each from the full name (after the name as the
    sentence gives it: "President Trump " before "Donald John Trump...") to its closing "MORE"."""
    if text.find(" MORE", start, end) < 0:
        return []
    out = []
    for m in (m for a, b in _card_windows(text, start, end) for m in _HOVER_CARD.finditer(text, a, b)):
        surname = m.group("surname")
        before = text.rfind(surname, max(start, m.start() - _CARD_NAME_BEFORE), m.start("surname") - 1)
        first = m.start("surname")
        if before >= 0:
            first = before + len(surname)
            while first < m.start("surname") and text[first].isspace():
                first += 1
        else:  # no name before the card: its capitalised words are the full name
            first = m.start("name")
        out.append((first, m.end()))
    return out


def _card_windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` that end at a card's "MORE" and reach _CARD_REACH characters back,
    overlapping ones merged: a card lies inside one, and the card pattern never scans text far from a "MORE"
    (where, on a line of glued names without one, each name would cost a scan of 800 characters)."""
    out: list[tuple[int, int]] = []
    for m in _CARD_END.finditer(text, start, end):
        a, b = max(start, m.start() - _CARD_REACH), m.end()
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _piece(text: str, start: int, end: int) -> Paragraph:
    """The text between hover cards (or a card and its paragraph's edge) as a paragraph: a ``fragment`` when it is
    short and ends no sentence, on the line of a card."""
    start, end = _trimmed(text, start, end)
    line = text[start:end]
    short = len(line.split()) < FRAGMENT_WORDS and line[-1:] not in _SENTENCE_CLOSE and "\n" not in line
    return Paragraph(start, end, "fragment" if short else None)


def _cut_hover_cards(text: str, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs with each hover card cut out as a ``related`` paragraph of its own (``_piece`` for the rest)."""
    out: list[Paragraph] = []
    for p in paragraphs:
        cards = hover_cards(text, p.start, p.end) if p.boilerplate is None else []
        pos = p.start
        for a, b in cards:
            if a > pos and text[pos:a].strip():
                out.append(_piece(text, pos, a))
            out.append(Paragraph(a, b, "related"))
            pos = b
        if not cards:
            out.append(p)
        elif text[pos:p.end].strip():
            out.append(_piece(text, pos, p.end))
    return out


def split_paragraphs(text: str, start: int = 0) -> list[Paragraph]:
    """Blank-line separated blocks (or lines when the text has no blank line).

    Boilerplate lines inside a block become paragraphs of their own, marked with their kind; so does a site's
    hover card inside a sentence (``hover_cards``).
    """
    lines = _stripped_lines(text, start)
    blank_separated = any(not line for _, _, line in lines)
    paragraphs: list[Paragraph] = []
    block_start = block_end = -1
    for s, e, line in lines:
        kind = classify_boilerplate(line) if line else None
        if block_start >= 0 and (not line or kind is not None or not blank_separated):
            paragraphs.append(Paragraph(block_start, block_end))
            block_start = -1
        if kind is not None:
            paragraphs.append(Paragraph(s, e, kind))
        elif line:
            if block_start < 0:
                block_start = s
            block_end = e
            if not blank_separated:
                paragraphs.append(Paragraph(block_start, block_end))
                block_start = -1
    if block_start >= 0:
        paragraphs.append(Paragraph(block_start, block_end))
    return _cut_hover_cards(text, paragraphs) if text.find(" MORE", start) >= 0 else paragraphs


def _last_word(text: str, start: int, end: int) -> str | None:
    """``_LAST_WORD.search(text, start, end).group(1)``, read backwards from ``end`` (the search tries every start
    from ``start`` on): the run of word characters, dots, apostrophes and hyphens that ends the span, or that ends
    it before a closing line break (where ``$`` matches too)."""
    if start < end and text[end - 1] == "\n":
        end -= 1
    first = end
    while first > start and (text[first - 1].isalnum() or text[first - 1] in "_.'-"):
        first -= 1
    return text[first:end] if first < end else None


# US states as AP datelines abbreviate them after the city, before the agency's bracket ("HAYWARD, Calif. (AP) —",
# "LOUISVILLE, Ky. (AP) —"): not a sentence end ("He was ill. The doctor came." and "in Tampa, Fla. The storm ..." are)
_STATE_WORDS = ("Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev "
                "Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo")
_STATE_ABBREVIATIONS = frozenset(_STATE_WORDS.split())
_DATELINE_STATE = re.compile(r", [A-Z][a-z]{1,4}\.\s+\(")


def _is_abbreviation(text: str, dot: int, next_word: str) -> bool:
    if text[dot] != ".":
        return False
    last = _last_word(text, max(0, dot - 80), dot)  # a bounded look-back keeps this linear
    if last is None:
        return False
    if last in _STATE_ABBREVIATIONS and _DATELINE_STATE.match(text, dot - len(last) - 2):
        return True
    word = last.lower().rstrip(".")
    if word in ABBREVIATIONS or (word in _NUMBER_ABBREVIATIONS and next_word[:1].isdigit()):
        return True
    if len(word) == 1 and word.isalpha():
        return True  # initials: "John F. Kennedy"
    if _DOTTED.match(last + "."):
        return next_word.lower() not in _SENTENCE_STARTERS
    return False


# '"Is this a priority?" O'Malley said ...': a quotation's own question or exclamation mark, then its speech tag
_CLOSING_QUOTE = re.compile(r"[?!][\"\u201d\u2019']+$")  # (before a tag a statement ends with a comma: '"Yes," ...')
_SPEECH_TAG = re.compile(r"\s+(?:[A-Z][\w.'\u2019-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|"
                         r"writes|replied|recalled|continued|explained|insisted|declared|tweeted)\b(?!\s+that\b)")


def _quote_then_speech_tag(text: str, m: re.Match[str], end: int) -> bool:
    return _CLOSING_QUOTE.search(m.group()) is not None and _SPEECH_TAG.match(text, m.end(), end) is not None


def split_sentences(text: str, start: int, end: int, paragraph: int = 0) -> list[Sentence]:
    """Sentences of ``text[start:end]``; abbreviations such as "U.S." and "Dr." do not split, nor a quotation
    before its speech tag ('"Why?" Smith asked.')."""
    sentences: list[Sentence] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        next_word = _NEXT_WORD.match(text, m.end(), end)
        if _is_abbreviation(text, m.start(), next_word.group(1) if next_word else "") \
                or _quote_then_speech_tag(text, m, end):
            continue
        s, e = _trimmed(text, cursor, m.end())
        if e > s:
            sentences.append(Sentence(s, e, paragraph))
        cursor = m.end()
    s, e = _trimmed(text, cursor, end)
    if e > s:
        sentences.append(Sentence(s, e, paragraph))
    return sentences


def segment(text: str, body_start: int = 0) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs of the body and the sentences of its non-boilerplate paragraphs."""
    paragraphs = split_paragraphs(text, body_start)
    return paragraphs, sentences_of(text, paragraphs)


# a headline line inside a block ("CNN Disputes Characterization Of Network's Reporting On Carson" above the story's
# first sentence, as live blogs and scraped pages lay them out): two thirds of its words capitalised (German prose,
# which capitalises its nouns, stays below), no closing punctuation
_TITLE_WORD = re.compile(r"[^\W\d_][\w'\u2019-]+")
_OPEN_LINE = re.compile(r"\n[ \t]*[\"'(\[\u201c\u2018]?[A-Z0-9\u00c0-\u00de]")
_LINE_CLOSED = frozenset(".!?:;,\"')]\u201d\u2019\u2026-\u2013\u2014")


def _is_headline(line: str) -> bool:
    words = _TITLE_WORD.findall(line)
    return (len(words) >= 2 and len(line.split()) <= 20 and line[-1:] not in _LINE_CLOSED
            and 3 * sum(w[0].isupper() for w in words) >= 2 * len(words))


def _headline_breaks(text: str, start: int, end: int) -> list[int]:
    """The line breaks of ``text[start:end]`` that end a headline line before a line opening a sentence."""
    breaks = []
    line_start = start
    for m in _OPEN_LINE.finditer(text, start, end):
        if _is_headline(text[line_start:m.start()].strip()):
            breaks.append(m.start())
        line_start = m.start() + 1
    return breaks


def sentences_of(text: str, paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    """The sentences of the non-boilerplate paragraphs, each with its paragraph's index; a headline line inside a
    paragraph is a sentence of its own."""
    sentences: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        if para.boilerplate is None:
            cuts = [para.start, *_headline_breaks(text, para.start, para.end), para.end]
            for start, end in pairwise(cuts):
                sentences.extend(split_sentences(text, start, end, index))
    return sentences
