"""Outlet mentions of one document as real text writes them: short forms resolved to the outlet named
earlier ("the Times", "the Post"), and outlet names that are a person's surname in this document
("Michael Bloomberg ... Bloomberg said") dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from dedupe.attribution.cues import STATE_MEDIA_NATIONALITY
from dedupe.attribution.lexicon import CALL_SIGN, Lexicon, Mention
from dedupe.text.literals import fold, occurrences

# "the Times", "The Post": the last word of an outlet named earlier (or of the publishing outlet)
_SHORT_WORDS = (r"Times|Post|Journal|Globe|Tribune|Herald|Examiner|Register|Inquirer|Chronicle|Bee|Sentinel|Beacon|"
                r"Beast|Blaze|Economist|Telegraph|Star|Sun-Times|Republic|Review|Standard|Caller|Intercept")
SHORT_FORM = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+){{0,2}}(?P<word>{_SHORT_WORDS})\b(?!\s+[A-Z])")
# a cheap first look: every short form holds its word (the search skips to the capitals the words begin with)
_SHORT_WORD_FOUND = re.compile(rf"(?:{_SHORT_WORDS})\b")
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Mayor|Senator|Governor|Judge|President)\.?"
# the capitalised nouns of German (and the French, Italian and Spanish agency words) that say what an outlet is:
# "die Nachrichtenagentur Reuters", "der Sender CNN", "l'Agence France-Presse" name no person
MEDIA_NOUN_WORDS = ("Nachrichtenagentur Agentur Presseagentur Zeitung Tageszeitung Wochenzeitung Sender "
                    "Fernsehsender Nachrichtensender Magazin Nachrichtenmagazin Portal Nachrichtenportal Blatt Agence "
                    "Agenzia Agencia Agencja Dziennik Tygodnik Telewizja")  # (Polish: "Agencja Associated Press")
_GIVEN = (r"(?!(?:The|A|An|In|On|At|As|By|For|From|Of|To|And|But|Via|Per|New|North|South|East|West|"
          + "|".join(MEDIA_NOUN_WORDS.split()) + r")\s)[A-Z][a-z]+")
# "Michael Bloomberg", "Michael R. Bloomberg", "Mr. Bloomberg", "Mayor Don Guardian"
_PERSON = re.compile(rf"\b(?:{_TITLE}\s+(?:[A-Z][a-z]+\s+)?|{_GIVEN}\s+(?:[A-Z]\.\s+)?)(?P<surname>[A-Z][a-z]+)\b")
_SURNAME = re.compile(r"[A-Z][a-z]+")
_PERSON_SPELLED = re.compile(r"[A-Za-z\s.]*")  # the characters of a match of _PERSON and of what its boundaries read
# (patterns used with .match(text, pos) carry no "^": it would only match at the start of the text)
# "The National Rifle Association", "Bloomberg New Energy Finance", "Gawker Media", "The National Survey on Drug Use":
# an outlet name inside another name
_LONGER_NAME = re.compile(
    r"(?:\s+[A-Z][a-z]+)*\s+(?:Association|Foundation|Institute|Capital|Markets|Center|Centre|Group|University|College|"
    r"Energy|Finance|Company|Corporation|Corp|Inc|Media|Entertainment|Studios|Productions|Broadcasting|Films|Council|"
    r"Committee|Party|Fund|Agency|Police|Department|Ministry|Office|Bureau|Commission|Administration|Guard|Army|"
    r"Assembly|Park|Bank|Hospital|School|Church|Club|League|Prize|Awards?|Building|Tower|Square|Street|Avenue|"
    r"Academy|Academies|Society|Laborator(?:y|ies)|Museum|Library|Trust|Conference|Board|Federation|Alliance|"
    r"Coalition|Organi[sz]ation|Authority|Consortium|Forum|Unit|(?<!News\s)Service|Archives?|Pool|Endowment|Congress|"
    r"Institutes|"
    # "The National Survey on Drug Use and Health": a named study, not a poll of The National
    r"(?:Survey|Study|Census|Index)\s+(?:on|of)\b)\b")
# "POLITICO Florida reported", "BBC Scotland said", "CNN Philippines reported": an outlet's regional or language
# edition is the outlet; the mention runs over the edition's name so that the cue after it is read
_US_STATES = ("Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
              "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
              "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
              "Vermont Virginia Washington Wisconsin Wyoming")
_EDITION_PLACES = ("Europe Asia Africa Americas Arabia Australia Canada India China Japan Germany France Italy Spain "
                   "Russia Turkey Türk Philippines Indonesia Brasil Brazil Mexico Pakistan Nigeria Kenya Scotland "
                   "Wales Ireland Israel Korea Singapore Thailand Vietnam Ukraine Polska Deutschland Arabic Español "
                   "Latino Mundo International")
_EDITION = re.compile(r"\s+(?:(?:New|North|South|West)\s+(?:Hampshire|Jersey|Mexico|York|Carolina|Dakota|Virginia|"
                      r"Africa)|Rhode\s+Island|Middle\s+East|Latin\s+America|Bay\s+Area|"
                      + "|".join((_US_STATES + " " + _EDITION_PLACES).split()) + r")\b(?!['\u2019]?\s*[A-Z])")


def _with_edition(text: str, m: Mention) -> Mention:
    """A known outlet's mention running over the edition named right after it ("POLITICO Florida")."""
    if m.method not in ("name", "acronym") or (edition := _EDITION.match(text, m.end)) is None:
        return m
    return replace(m, end=edition.end())


_CAPTION_LABEL = re.compile(r"\s*:")  # "Bild: dpa", "Foto: Reuters": a caption label, not the newspaper Bild
_CAPTION_WORDS = frozenset({"Bild", "Foto", "Photo", "Image", "Imagen", "Video"})
# after a name that is also the document's person: still the outlet ("Bloomberg News", "Bloomberg's own billionaire
# list", "Bloomberg says its deeper reporting has found")
_STILL_OUTLET = re.compile(r"(?:'s|\u2019s)?\s+(?:News|poll|survey|Businessweek|Politics|L\.P\.|billionaires?)\b|"
                           r"(?:'s|\u2019s)\s+own\b|"
                           r"\s+(?:says|said|reports|reported|estimates|estimated|finds|found)\s+its\b")


def _last_word(name: str) -> str:
    return name.split()[-1] if name.split() else name


def short_forms(text: str, start: int, named: Sequence[Mention], publisher: str | None,
                lexicon: Lexicon) -> list[Mention]:
    """Short forms after ``start`` resolved to the latest outlet named before them whose name (or an alias)
    ends with the short word; the publishing outlet is the fallback (a newspaper calls itself "The Times")."""
    out: list[Mention] = []
    for m in _in_runs(SHORT_FORM, _starts(_SHORT_WORD_FOUND, text, start), text, start):
        word = m.group("word")
        before = [x.source for x in named if x.end <= m.start() and x.method == "name"]
        candidates = [*([publisher] if publisher else []), *before]
        hit = next((c for c in reversed(candidates) if _ends_with(c, word, lexicon)), None)
        if hit is not None:
            out.append(Mention(m.start("word"), m.end("word"), hit, "short-form", 100.0))
    return out


def _ends_with(source: str, word: str, lexicon: Lexicon) -> bool:
    entry = lexicon.get(source)
    forms = (source, *(entry.aliases if entry else ()), *(entry.acronyms if entry else ()))
    return any(_last_word(f) == word for f in forms)


# CALL_SIGN opening with its letter, so that the search skips to a K or W: "(?<!\w.)" after the letter is the "\b"
# before it (the letter is a word character, no line break)
_CALL_SIGN_FAST = re.compile(r"[KW](?<!\w.)" + CALL_SIGN.pattern.removeprefix(r"\b[KW]"))


# acronyms shaped like a call sign that news text uses for other bodies ("says WHO": the World Health Organization)
_NOT_STATION_WORDS = "WHO WTO WFP WWF WEF WMO WHA WIPO WADA WNBA WWE WWII WBA WBC WBO WPA KGB KKK KFC KPMG KLM"
_NOT_STATIONS = frozenset(_NOT_STATION_WORDS.split())


def call_signs(text: str, start: int, found: Sequence[Mention]) -> list[Mention]:
    """Broadcast call signs not already found as a known outlet; they need a cue like any acronym."""
    return [Mention(m.start(), m.end(), m.group(), "acronym", 100.0) for m in _CALL_SIGN_FAST.finditer(text, start)
            if m.group() not in _NOT_STATIONS and not any(f.start < m.end() and m.start() < f.end for f in found)]


# "The Westmarch Herald reported": a newspaper the lexicon does not list, known by the shape of its name; like an
# acronym it counts only with a cue ("reported", "according to", "obtained by")
_PAPER_WORD = (r"(?:Herald|Times|Post|Journal|Gazette|Tribune|Chronicle|Courier|Observer|Dispatch|Register|Sentinel|"
               r"Monitor|Inquirer|Examiner|Enquirer|Free\s+Press|Press|Bee|Argus|Telegram|Record|Daily\s+News|"
               # a public broadcaster of a state or a city: "Wyoming Public Radio", "New Hampshire Public Radio"
               r"Public\s+(?:Radio|Media|Television|Broadcasting))"
               # a second word of the name: "Argus Leader", "Times Union", "Post-Gazette", "Journal Sentinel"
               r"(?:[\s-](?:Leader|Union|Picayune|Gazette|Sentinel|Herald|Tribune|Ledger|Democrat|Constitution|Telegram|"
               r"Enterprise|Bulletin|Review))?")
# (not a federal body's name: "the U.S. Drought Monitor")
_UNLISTED_PAPER = re.compile(r"(?<!U\.S\.\s)\b(?:[Tt]he\s+)?(?P<name>(?!(?:The|A|An|In|On|At|By|For|From|Of|To|And|But|"
                             r"As|If|When|While|After|Before|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\s)"
                             r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,3}" + _PAPER_WORD + r")\b"
                             r"(?<!Journal(?=\s+of\s))(?<!Register(?=\s+of\s))")
# ("the New England Journal of Medicine", "the National Register of Citizens": a scholarly journal, a registry, no
# paper's name; "the Star Tribune of Minneapolis" is one)
_PAPER_WORD_FOUND = re.compile(_PAPER_WORD + r"\b")  # in every unlisted paper's name: a cheap first look


def unlisted_papers(text: str, start: int, found: Sequence[Mention], lexicon: Lexicon) -> list[Mention]:
    """Newspapers named by the shape of their name and not already found as a known outlet (a misspelt known name,
    "the Associates Press", resolves to it)."""
    matches = _in_runs(_UNLISTED_PAPER, _starts(_PAPER_WORD_FOUND, text, start), text, start)
    return _unlisted(matches, found, lexicon, "name-shape", 0)


# the characters of any match of SHORT_FORM and _UNLISTED_PAPER, and of what their lookarounds read past its ends
_SPELLED = re.compile(r"[A-Za-z\s-]*")


def _in_runs(pattern: re.Pattern[str], hits: Iterable[int], text: str, start: int,
             spelled: re.Pattern[str] = _SPELLED) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start)`` for a pattern opening with "\\b" (its search tries every place) whose matches
    hold only ``spelled`` characters (a run of them: ``[...]*``), each some place of ``hits`` (in order): searched only
    in the runs of those characters where there is a hit. The character after a run is searched too, as the
    boundaries after a match read it."""
    backwards = ""
    after = start
    for hit in hits:
        if hit < after:
            continue  # in the run searched last
        backwards = backwards or text[::-1]
        first = len(text) - _run_end(spelled, backwards, len(text) - hit)  # where the run begins
        after = _run_end(spelled, text, hit)
        yield from pattern.finditer(text, max(first, start), after + 1)


def _run_end(spelled: re.Pattern[str], text: str, at: int) -> int:
    """Where the run of ``spelled`` characters from ``at`` ends."""
    run = spelled.match(text, at)
    return run.end() if run is not None else at  # (it matches an empty run too)


def _unlisted(matches: Iterator[re.Match[str]], found: Sequence[Mention], lexicon: Lexicon, method: str,
              span: int | str) -> list[Mention]:
    """Mentions of the ``name`` group of ``matches`` whose ``span`` group overlaps no outlet already ``found``: a
    misspelt known name resolves to it ("the Associates Press", "the news site Politco"), any other is taken as
    written."""
    out: list[Mention] = []
    for m in matches:
        if any(f.start < m.end(span) and m.start(span) < f.end for f in found):
            continue
        name = " ".join(m.group("name").split())
        known = lexicon.resolve(name)
        source, score = known if known else (name, 100.0)
        out.append(Mention(m.start("name"), m.end("name"), source, method, score))
    return out


# "the news site RTL Info reported", "Portuguese newspaper Correio de Manha reports", "Spanish daily El Mundo said":
# an outlet the lexicon does not list, named after the word that says what it is; like an acronym it counts only with
# a cue (the English words in small letters: "Daily" and "Weekly" with a capital are inside a name, "the Brooklyn
# Daily Eagle")
_DESCRIPTOR = (r"(?:(?-i:news\s+(?:site|website|portal|outlet|agency|channel|network|affiliate)|newspaper|daily|"
               r"tabloid|weekly|magazine|broadcaster|(?:TV|television|radio)\s+(?:station|channel|network))|"
               r"Boulevardzeitung|Tageszeitung|Wochenzeitung|Zeitung|Nachrichtenagentur|Nachrichtenmagazin|"
               r"Fernsehsender|Sender)")
_DESCRIPTOR_START = r"(?=[bdfmnrstwz])"  # the first letters of the descriptors: the search skips ahead fast
_NOT_A_NAME = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
               r"July|August|September|October|November|December|On|In|At|That|This|It|He|She|They|We|The|Last|Earlier|"
               r"Also|Previously|Reported|Said)\b)")
_NAME_WORD = r"(?-i:[A-Z][\w'\u2019&.-]*|[0-9]+)"
# the name may open with "The" ("the British newspaper The Sun reported") and stand in quotes
# ("Zeitung \u201eThe Sun\u201c")
# (within one line: "the weekly GOP Power Rankings.\n\nEach week ..." names nothing across the paragraph break)
_GAP = r"[ \t\u00a0]+"
_DESCRIBED = re.compile(r"\b" + _DESCRIPTOR_START + _DESCRIPTOR
                        + _GAP + r"[\u201e\u201c\"'\u00ab]?[ \t\u00a0]*"
                        + r"(?P<name>(?:(?-i:The)" + _GAP + r"(?=(?-i:[A-Z])))?"
                        + _NOT_A_NAME + r"(?-i:[A-Z][\w'\u2019&.-]*)"
                        r"(?:" + _GAP + r"(?:de|da|do|del|della|di|du|la|le|el|am|von|der|des)" + _GAP + _NAME_WORD
                        + r"|" + _GAP + _NOT_A_NAME + _NAME_WORD + r"){0,4})", re.I)


# the words a descriptor begins with, in lower case: a match of _DESCRIBED begins where one of them begins in the
# folded text (``fold``), and ``str.find`` finds them far faster than the pattern (opening with "\b", under
# re.IGNORECASE) can skip ahead
_DESCRIPTOR_FIRST = ("news", "daily", "tabloid", "weekly", "magazine", "broadcaster", "tv", "television", "radio",
                     "boulevardzeitung", "tageszeitung", "wochenzeitung", "zeitung", "nachrichten", "fernsehsender",
                     "sender")


def described_outlets(text: str, start: int, found: Sequence[Mention], lexicon: Lexicon,
                      folded: str | None = None) -> list[Mention]:
    """Outlets named after a word that says what they are, not already found as a known outlet. ``folded``:
    ``fold(text)`` when known."""
    return _unlisted(_described(text, start, folded if folded is not None else fold(text)), found, lexicon,
                     "described", "name")


def _described(text: str, start: int, folded: str | None) -> Iterator[re.Match[str]]:
    """``_DESCRIBED.finditer(text, start)``, trying the pattern only where a descriptor's first word begins (every
    place where one begins, in order) in ``folded`` (``fold(text)``; None where folding does not keep offsets)."""
    if folded is None:
        yield from _DESCRIBED.finditer(text, start)
        return
    after = start
    for at in occurrences(_DESCRIPTOR_FIRST, folded, start):
        if at >= after and (m := _DESCRIBED.match(text, at)) is not None:
            yield m
            after = m.end()


def person_surnames(text: str, forms: set[str]) -> set[str]:
    """One-word outlet forms that this document also uses as a person's surname."""
    # only a match whose surname is one of the forms counts, and it lies in a run of _PERSON_SPELLED characters where
    # the form occurs: the other runs need no search
    surnames = tuple(f for f in forms if _SURNAME.fullmatch(f))
    matches = _in_runs(_PERSON, occurrences(surnames, text), text, 0, _PERSON_SPELLED)
    return {m.group("surname") for m in matches if m.group("surname") in forms}


def _starts(word: re.Pattern[str], text: str, start: int) -> Iterator[int]:
    return (m.start() for m in word.finditer(text, start))


def resolve_mentions(text: str, start: int, found: Sequence[Mention], publisher: str | None,
                     lexicon: Lexicon, folded: str | None = None) -> list[Mention]:
    """The document's mentions with short forms added (replacing what they overlap) and person surnames removed.
    ``folded``: ``fold(text)`` when the caller has it."""
    shorts = short_forms(text, start, found, publisher, lexicon)
    kept = [m for m in found if not any(s.start < m.end and m.start < s.end for s in shorts)
            and not _LONGER_NAME.match(text, m.end)
            and not (text[m.start:m.end] in _CAPTION_WORDS and _CAPTION_LABEL.match(text, m.end))]
    kept = [_with_edition(text, m) for m in kept]
    single = {text[m.start:m.end] for m in kept if " " not in text[m.start:m.end].strip()}
    surnames = person_surnames(text, single) if single else set()
    if surnames:
        kept = [m for m in kept if text[m.start:m.end] not in surnames or _STILL_OUTLET.match(text, m.end)]
    known = [*kept, *shorts, *call_signs(text, start, [*kept, *shorts])]
    known += unlisted_papers(text, start, known, lexicon)
    described = described_outlets(text, start, known, lexicon, folded)
    return _with_glosses(text, sorted([*known, *described], key=lambda x: x.start))


_GLOSS_OPEN = re.compile(r"\s*\(\s*")


def _with_glosses(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Deutsche Presseagentur (dpa)", "Agence France-Presse (AFP)": a name and the bracketed short form of the same
    outlet right after it are one mention (the cue after the bracket decides it)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.source == m.source and text.startswith(")", m.end) \
                and (gap := _GLOSS_OPEN.match(text, prev.end)) is not None and gap.end() == m.start:
            out[-1] = replace(prev, end=m.end + 1)
        else:
            out.append(m)
    return out


_NAME_BEFORE = re.compile(r"\b(?P<word>[A-Z][a-z]+\.?)\s$")
_TITLES = frozenset({"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "mayor", "senator", "governor", "judge",
                     "president", "candidate", "billionaire", "mr", "mrs", "ms", "dr"})
_NOT_A_FIRST_NAME = frozenset({
    "the", "a", "an", "according", "as", "by", "from", "said", "says", "told", "per", "citing", "quoting", "via",
    "and", "or", "on", "in", "at", "for", "with", "of", "to", "agency", "broadcaster", "newspaper", "daily",
    "channel", "wire", "news", "state", "official",
    "la", "le", "el", "il", "lo", "los", "las", "les", "der", "die", "das", "den", "dem", "o", "os",  # "La agencia EFE"
    "laut", "según", "selon", "secondo", "segundo",  # "Laut Tagesschau ..."
    "wie", "so", "auch", "aber", "und", "denn", "doch", "zudem", "como", "pero", "comme", "mais", "come", "ma", "mas",
    # a sentence's opening adverb: "Now NBC News reports that ...", "Meanwhile, CNN said"
    "now", "then", "meanwhile", "later", "earlier", "also", "still", "even", "yet", "but", "instead", "indeed", "today",
    # a clause's opening conjunction: "Although The Washington Post reported that ...", "When CNN asked ..."
    "although", "though", "while", "whereas", "because", "since", "when", "whenever", "if", "unless", "until", "after",
    "before", "once", "unlike", "like", "however", "thus", "hence", "besides", "nor", "where",
}) | frozenset(MEDIA_NOUN_WORDS.lower().split())  # "die Nachrichtenagentur Reuters"; "Wie der Spiegel berichtete"

# "the American Conservative Union", "the National Review Institute": an outlet's name before an institution's word
_INSTITUTION_AFTER = re.compile(r"\s(?:Union|Foundation|Institute|Association|Society|Party|Council|Committee|Fund|"
                                r"Club|Awards?|Prize|University|College|School|Coalition|Alliance)\b")
# a German compound of a media noun names what the outlet is, not a first name: "die libanesische Staatsagentur NNA",
# "das Boulevardblatt Bild"
_MEDIA_COMPOUND = re.compile(r"(?:agentur|zeitung|sender|portal|magazin|blatt|dienst)$")
_DATE_WORD_LIST = ("monday tuesday wednesday thursday friday saturday sunday january february march april may june "
                   "july august september october november december")
_DATE_WORDS = frozenset(_DATE_WORD_LIST.split())


def part_of_a_name(text: str, start: int, m: Mention) -> bool:
    """"Annika Reuter", "Petra Jansen": a one-word outlet name right after a capitalised given name; "the Yale Daily
    News": a name of several words inside a longer one ("Washington" in "the Washington Free Beacon" is the
    outlet's own word); an outlet's name before an institution's word is part of the institution's name ("the
    American Conservative Union"). ``start``: where the sentence begins."""
    if _INSTITUTION_AFTER.match(text, m.end):
        return True
    before = _NAME_BEFORE.search(text, start, m.start)
    if before is None:
        return False
    word = before.group("word").lower()
    if " " in text[m.start:m.end].strip():
        return word not in m.source.lower().split() and word not in _NOT_A_FIRST_NAME and word not in _DATE_WORDS \
            and not word.endswith(".") and not STATE_MEDIA_NATIONALITY.fullmatch(word)
    if word in _TITLES:
        return True
    return not word.endswith(".") and word not in _NOT_A_FIRST_NAME and not STATE_MEDIA_NATIONALITY.fullmatch(word) \
        and not _MEDIA_COMPOUND.search(word)
