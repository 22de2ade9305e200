"""The source lexicon (shipped as data) and name lookup: exact, acronym and fuzzy (rapidfuzz)."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from dedupe.errors import LexiconError
from dedupe.text.literals import ASCII_FOLD

KINDS = frozenset(
    {"news-agency", "state-media", "broadcaster", "newspaper", "press-release-wire", "online", "magazine"})
UNNAMED_AGENCY = "unnamed agency"
# Single words that are also ordinary English: matched like acronyms, only with structural context.
COMMON_WORDS = frozenset({
    "dawn", "mint", "time", "stuff", "kan", "guardian", "express", "nation", "star", "sun", "times", "post",
    "independent", "hindu", "telegraph", "mirror", "observer", "national", "herald", "tribune", "standard",
    "economist", "statesman", "news", "daily", "globe", "world", "record", "age", "atlantic", "australian", "hill",
    "inquirer", "paper", "punch", "trend", "tempo", "mehr", "petra", "reforma", "liberation", "forbes", "sputnik",
    "politico", "axios", "zvezda", "granma", "andina", "antara", "salon", "slate", "vox", "intercept", "roll call",
    # ordinary phrases in other languages: "die Welt" is "the world", "el país" "the country", "Bild" "picture"
    "die welt", "die zeit", "el país", "el pais", "el tiempo", "el mundo", "el universal", "le monde", "la nación",
    "la nacion", "o globo", "la repubblica", "bild", "clarín", "fox", "daily news", "dts",
    # English phrases that are also outlets' names: "a red state", "hot air", "a conservative review of ..."
    "hot air", "red state", "rolling stone", "vanity fair", "federalist", "democracy now", "conservative review",
    "american prospect", "american spectator",
    # "the conversation", "the 19th" (of a month), "grist", "a trace", "reason", "fortune", the flag's name
    "conversation", "19th", "grist", "trace", "reason", "fortune", "stars and stripes",
    "politiken",  # German "policies"
    "creators",
    # magazines and sites named with an ordinary word: "a variety of", "the deadline", "in vogue", "wired to",
    # "the verge of", "the root of", "the dispatch of troops", "an advocate for"
    "variety", "deadline", "esquire", "vogue", "cosmopolitan", "wired", "verge", "recode", "dispatch",
    "bulwark", "jacobin", "root", "essence", "ebony", "family circle", "advocate", "athletic", "jezebel",
    "army times",
})
# US broadcast call signs ("KING-TV", "WKOW", "KTRK"): outlets the lexicon cannot list one by one; in running text
# they are matched like acronyms (a cue must confirm them), in a dateline they credit the station
CALL_SIGN = re.compile(r"\b[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?\b")
FUZZY_MIN_LENGTH = 5
FUZZY_CUTOFF = 86.0
CANONICAL_MIN_SCORE = 95.0  # an outlet field counts as a known source only on a (near-)exact resolution


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    country: str
    kind: str
    state_owned: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """An outlet name found in text: [start, end) offsets into the text searched."""

    start: int
    end: int
    source: str
    # name | acronym | fuzzy | name-shape (a newspaper the lexicon does not list: "The Westmarch Herald") | described
    # (an outlet the lexicon does not list, after the word that says what it is: "the news site RTL Info")
    method: str
    score: float
    ambiguous: bool = False  # an acronym that also names something else ("RSS", "PTI", "PA")

    @property
    def needs_context(self) -> bool:
        return self.method in ("acronym", "name-shape", "described")


def _parse_source(raw: dict[str, object], origin: str) -> Source:
    try:
        name = str(raw["name"])
        kind = str(raw.get("kind", "news-agency"))
        aliases = tuple(str(a) for a in raw.get("aliases", []) or [])  # type: ignore[attr-defined]
        acronyms = tuple(str(a) for a in raw.get("acronyms", []) or [])  # type: ignore[attr-defined]
    except (KeyError, TypeError) as exc:
        raise LexiconError(f"{origin}: bad source entry {raw!r}: {exc}") from None
    if kind not in KINDS:
        raise LexiconError(f"{origin}: source {name!r} has unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    return Source(name, aliases, acronyms, str(raw.get("country", "INT")), kind, bool(raw.get("state_owned", False)))


def _read_sources(text: str, origin: str) -> tuple[list[Source], frozenset[str]]:
    """Sources and ambiguous acronyms of one lexicon file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{origin}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    entries = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise LexiconError(f"{origin}: expected a list of sources or {{'sources': [...]}}")
    ambiguous = data.get("ambiguous_acronyms", {}) if isinstance(data, dict) else {}
    if not isinstance(ambiguous, (dict, list)):
        raise LexiconError(f"{origin}: ambiguous_acronyms must be an object or a list")
    return [_parse_source(e, origin) for e in entries], frozenset(str(a) for a in ambiguous)


def _is_acronym_like(form: str) -> bool:
    """Acronyms and names that are also ordinary words ("Trend", "The National"): exact case, cue needed."""
    return (len(form) <= 5 and form.isupper()) or re.sub(r"^the\s+", "", form.lower()) in COMMON_WORDS


# the scripts written without spaces between words: CJK ideographs, kana, Hangul
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff"
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
_UNSPACED_FORM = re.compile(f"[{_UNSPACED}]+")
# words, a run of a script without spaces apart from the letters it touches ("AFP" and "通信によると")
_SCRIPT_RUN = re.compile(rf"[{_UNSPACED}]+|[^\W{_UNSPACED}]+")


def _site_form(name: str, *, keep_the: bool = False) -> str:
    """A name as a domain writes it: lower case, without spaces or punctuation, without "the" unless ``keep_the``
    ("theguardian", "guardian")."""
    return re.sub(r"[^0-9a-z]", "", name.lower() if keep_the else re.sub(r"^the\s+", "", name.lower()))


class Lexicon:
    """Canonical sources and the patterns that find them in text."""

    def __init__(self, sources: Iterable[Source], ambiguous: Iterable[str] = ()) -> None:
        self.ambiguous = frozenset(ambiguous)
        self.sources: dict[str, Source] = {}
        for s in sources:
            self.sources[s.name] = s  # later entries (user files) override shipped ones
        names: dict[str, str] = {}
        acronyms: dict[str, str] = {}
        for s in self.sources.values():
            for form in (s.name, *s.aliases):
                if _is_acronym_like(form):
                    acronyms.setdefault(form, s.name)
                else:
                    names.setdefault(form.lower(), s.name)
            for form in s.acronyms:
                acronyms.setdefault(form, s.name)
        self._names = names
        self._names_folded = {form.upper().lower(): name for form, name in sorted(names.items(), reverse=True)}
        self._acronyms = acronyms
        self._name_re = _alternation(names, re.IGNORECASE)
        self._acronym_re = _alternation(acronyms, 0, title_case=True)
        self._name_words = _first_words(names, folded=True)
        self._acronym_words = _first_words(_variants(acronyms, title_case=True), folded=False)
        # the ASCII first words as bytes, for _candidate_starts (the others are compared as written)
        self._name_bytes = _ascii_bytes(self._name_words)
        self._acronym_bytes = _ascii_bytes(self._acronym_words)
        self._fuzzy_choices = sorted(f for f in names if len(f) >= FUZZY_MIN_LENGTH)
        self._sites = {site: name for f, name in sorted(names.items(), reverse=True)
                       for site in (_site_form(f), _site_form(f, keep_the=True)) if len(site) >= 5}
        # names in scripts written without spaces ("新华社", "ロイター", "연합뉴스"): found inside a run of their script
        # ("据新华社报道", "ロイター通信によると", "연합뉴스에 따르면"), where the patterns above need a word to end
        unspaced = {f: n for f, n in names.items() if len(f) >= 2 and _UNSPACED_FORM.fullmatch(f)}
        self._unspaced_re = re.compile(_trie(sorted(unspaced))) if unspaced else None

    def get(self, name: str) -> Source | None:
        return self.sources.get(name)

    def site_name(self, base: str) -> str | None:
        """The outlet whose name, written as a domain is ("foxnews" in foxnews.com, "washingtonpost"), is ``base``."""
        return self._sites.get(base.lower())

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Exact name and acronym mentions in ``text[start:end]``, longest first where they overlap."""
        stop = len(text) if end is None else end
        name_starts, acronym_starts = self._candidate_starts(text, start, stop)
        found = [Mention(m.start(), m.end(), source, "name", 100.0)
                 for m in _matches(self._name_re, name_starts, text, start, stop)
                 if (source := self._name_matched(m.group())) is not None]
        for m in _matches(self._acronym_re, acronym_starts, text, start, stop):
            form = m.group()
            acronyms = self._acronyms
            source = acronyms.get(form) or acronyms.get(form.upper()) or acronyms.get(form.capitalize())
            if source is None and form.startswith("the "):
                source = acronyms.get("The " + form[4:])  # "the Independent" is found as "The Independent"
            if source and not any(f.start < m.end() and m.start() < f.end for f in found):
                ambiguous = form.upper() in self.ambiguous
                found.append(Mention(m.start(), m.end(), source, "acronym", 100.0, ambiguous))
        if self._unspaced_re is not None and _UNSPACED_CHAR.search(text, start, stop):
            found += [Mention(m.start(), m.end(), self._names[m.group()], "name", 100.0)
                      for m in self._unspaced_re.finditer(text, start, stop)
                      if not any(f.start < m.end() and m.start() < f.end for f in found)]
        return sorted(found, key=lambda x: x.start)

    def _name_matched(self, matched: str) -> str | None:
        """The source of a name the case-insensitive pattern matched: "HABER AJANSI" is the form "Haber Ajans\u0131"
        (the pattern folds I and the dotless i alike, ``str.lower`` does not); a match no form explains is dropped."""
        source = self._names.get(matched.lower())
        return source if source is not None else self._names_folded.get(matched.upper().lower())

    def _candidate_starts(self, text: str, start: int, stop: int) -> tuple[list[int] | None, list[int] | None]:
        """The starts of the words of ``text[start:stop]`` where a name or an acronym may begin (``_first_words``);
        None where a form does not begin with a word (then the pattern searches everywhere)."""
        names, acronyms = self._name_words, self._acronym_words
        if names is None or acronyms is None:
            return None, None
        # a Python step per word was the costliest function of a full scan: the words as bytes (split) and where they
        # begin (numpy) are compared with the first words by ``map``, one word at a time only where a word holds
        # letters beyond ASCII
        segment = text[start:stop]
        data = _word_bytes(segment)
        space = np.frombuffer(b" " + data + b" ", np.uint8) == 32
        begins = np.flatnonzero(space[:-1] & ~space[1:])  # the space before a word in the padded data: its start
        offsets = begins.tolist()
        words = data.split()  # the same words, in the same order
        acronym_starts = list(itertools.compress(offsets, map(self._acronym_bytes.__contains__, words)))
        name_starts = list(itertools.compress(offsets, map(self._name_bytes.__contains__, data.lower().split())))
        if 0 in data:
            beyond = np.flatnonzero(np.frombuffer(data, np.uint8) == 0)
            for n in np.unique(np.searchsorted(begins, beyond, "right") - 1).tolist():
                more = _word_starts(segment, offsets[n], offsets[n] + len(words[n]), names, acronyms)
                name_starts += more[0]
                acronym_starts += more[1]
            name_starts.sort()
            acronym_starts.sort()
        return [start + at for at in name_starts], [start + at for at in acronym_starts]

    def canonical(self, outlet: str | None) -> str | None:
        """An outlet field as the lexicon's canonical name when it resolves confidently, else as written."""
        if not outlet:
            return outlet
        hit = self.resolve(outlet)
        return hit[0] if hit and hit[1] >= CANONICAL_MIN_SCORE else outlet

    def resolve(self, phrase: str, *, fuzzy: bool = True) -> tuple[str, float] | None:
        """Canonical name for a phrase: exact name, exact acronym, then a fuzzy match of long names."""
        cleaned = phrase.strip(" .,;:-()[]\"'")
        if cleaned.lower() in self._names:
            return self._names[cleaned.lower()], 100.0
        # "Afp", "dpa" as an acronym in other casings; never a word with a capital after a small letter ("NaN", "iPad")
        mixed = any(a.islower() and b.isupper() for a, b in itertools.pairwise(cleaned))
        for variant in (cleaned,) if mixed else (cleaned, cleaned.upper(), cleaned.capitalize()):
            if variant in self._acronyms:
                return self._acronyms[variant], 100.0
        if not fuzzy or len(cleaned) < FUZZY_MIN_LENGTH:
            return None
        best = process.extractOne(cleaned.lower(), self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is None or not words_agree(cleaned.lower(), best[0]):
            return None
        return self._names[best[0]], float(best[1])


FUZZY_WORD = 0.75  # least OSA similarity of a name's word to a word of a phrase fuzzy-matched to it
_NAME_WORD = re.compile(r"[^\W_]{3,}")
_PLAIN_WORDS = frozenset(["the", "and", "und", "der", "die", "das", "les", "des", "del", "della"])


def words_agree(phrase: str, name: str) -> bool:
    """Every word of a name (three letters or more, no article) is in the phrase fuzzy-matched to it: inside one of
    its words ("timesofisrael" holds "times" and "israel"), or, in a phrase of several words, close to one
    (FUZZY_WORD, transpositions counted once: "Associates Press" / "Associated Press", "Xinhau News Agency"). A
    phrase that only looks like the whole name is another phrase: "Health news" is not "HealthDay News", "Eat The
    Press" not "Meet the Press", the word "Republican" not "La Repubblica"."""
    words = _NAME_WORD.findall(phrase)
    close = len(words) > 1
    return all(any(w in q or (close and OSA.normalized_similarity(w, q) >= FUZZY_WORD) for q in words)
               for w in _NAME_WORD.findall(name) if w not in _PLAIN_WORDS)


def _trie(forms: Iterable[str]) -> str:
    """One regex for many literal forms, factored by common prefixes (far faster than a flat alternation).

    At each node the longer continuations are tried first, so the longest form that also passes the
    boundary checks wins, as with a longest-first alternation.
    """
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _variants(forms: Iterable[str], *, title_case: bool = False) -> set[str]:
    variants: set[str] = set()
    for form in forms:
        if form:
            variants.add(form)
            if title_case:
                variants.add(form.upper())
                if form.startswith("The "):
                    variants.add("the " + form[4:])  # "the Independent" in running text
    return variants


def _alternation(forms: dict[str, str], flags: int, *, title_case: bool = False) -> re.Pattern[str]:
    variants = _variants(forms, title_case=title_case)
    # "Post-ABC News poll", "Times/CBS News poll": a capitalised name may follow a hyphen or slash after a word
    # and a name in Latin letters may touch a script written without spaces ("据AFP报道", "AFP通信によると")
    # (a name in such a script is found by ``Lexicon._unspaced_re``, not after one of its letters)
    left = rf"(?:(?<![\w/-])|(?<=[{_UNSPACED}])(?=[^\W{_UNSPACED}])|(?<=[^\W\d_][/-])(?=(?-i:[A-Z])))"
    return re.compile(rf"{left}(?:{_trie(sorted(variants))})(?![^\W{_UNSPACED}])(?!-(?-i:[a-z]))", flags)


_WORD_RUN = re.compile(r"\w+")
# Greek iota matches U+0345 under re.IGNORECASE, a combining mark that is no word character
_NOT_WORD_CASE_VARIANTS = frozenset("\u0345\u0399\u03b9\u1fbe")


def _first_words(forms: Collection[str], *, folded: bool) -> frozenset[str] | None:
    """The first words of the forms, for finding them only where a word of the text is one of these.

    A pattern of ``_alternation`` matches only at the start of a word (a run of word characters), and the
    word of the text there is the first word of the form that matches (the character after a form's first
    word is no word character, nor is what it matches). With ``folded`` (patterns with re.IGNORECASE) a
    word of the text written in ASCII can only match a form's first word equal to its lower case (with the
    four non-ASCII letters that match ASCII letters folded); a word with other characters is always tried.
    None when a form does not begin with a word character (or holds a Greek iota), or there are no forms: then
    search everywhere.
    """
    words = set()
    for form in filter(None, forms):  # empty forms are left out of the patterns too
        first = _WORD_RUN.match(form)
        if first is None or (folded and not _NOT_WORD_CASE_VARIANTS.isdisjoint(form.lower())):
            return None
        word = first.group().lower().translate(ASCII_FOLD) if folded else first.group()
        if word.isascii() or not folded:
            words.add(word)
    return frozenset(words) if any(forms) else None  # no forms: the empty pattern matches everywhere


def _ascii_bytes(words: frozenset[str] | None) -> frozenset[bytes]:
    return frozenset(w.encode("ascii") for w in words or () if w.isascii())


# Text as bytes, offset for offset, in which the words are the runs between spaces: ASCII word characters (as ``\w``
# reads them) kept, other ASCII characters a space; ``encode`` puts a "?" for a character beyond ASCII, made a NUL
# (the text's own "?" is made a space first): a run holding a NUL is read one word at a time (``_word_starts``)
_WORD_BYTES = bytes(0 if b == ord("?") else b if re.match(r"\w", chr(b)) else 32 for b in range(128)).ljust(256, b" ")
# the characters beyond ASCII that news text uses most, none a word character: made spaces before ``encode``, so
# that few runs need reading one word at a time
_PUNCTUATION = "?\u2019\u201c\u201d\u2018\u2014\u2013\u00a0\u2026"


def _word_bytes(segment: str) -> bytes:
    """``segment`` as ``_WORD_BYTES`` bytes."""
    for mark in _PUNCTUATION if not segment.isascii() else "?":
        if mark in segment:
            segment = segment.replace(mark, " ")
    return segment.encode("ascii", "replace").translate(_WORD_BYTES)


def _word_starts(text: str, start: int, stop: int, names: frozenset[str],
                 acronyms: frozenset[str]) -> tuple[list[int], list[int]]:
    """The starts of the words of ``text[start:stop]`` that may begin a name and an acronym, one word at a time (the
    reference of ``Lexicon._candidate_starts``)."""
    name_starts: list[int] = []
    acronym_starts: list[int] = []
    for token in _SCRIPT_RUN.finditer(text, start, stop):
        word = token.group()
        if word in acronyms:
            acronym_starts.append(token.start())
        if not word.isascii() or word.lower() in names:
            name_starts.append(token.start())
    return name_starts, acronym_starts


def _matches(pattern: re.Pattern[str], starts: list[int] | None, text: str, start: int,
             stop: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, stop)``, trying only the ``starts`` (all positions where it may match) when
    known: the same matches, leftmost first, none overlapping."""
    if starts is None:
        yield from pattern.finditer(text, start, stop)
        return
    after = start
    for at in starts:
        if at >= after and (m := pattern.match(text, at, stop)) is not None:
            yield m
            after = m.end()


def lexicon_digest(extra: tuple[Path, ...] = ()) -> str:
    """sha256 over the shipped lexicon and the user files, in order: recorded in the report parameters."""
    h = hashlib.sha256(resources.files("dedupe").joinpath("data/sources.json").read_bytes())
    for path in extra:
        try:
            h.update(Path(path).read_bytes())
        except OSError as exc:
            raise LexiconError(f"cannot read sources file {path}: {exc}") from None
    return h.hexdigest()


@cache
def default_lexicon() -> Lexicon:
    text = resources.files("dedupe").joinpath("data/sources.json").read_text(encoding="utf-8")
    sources, ambiguous = _read_sources(text, "dedupe/data/sources.json")
    return Lexicon(sources, ambiguous)


@cache
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """The shipped lexicon extended (and overridden by name) with user files."""
    sources = list(default_lexicon().sources.values())
    ambiguous = set(default_lexicon().ambiguous)
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(f"cannot read sources file {path}: {exc}") from None
        more, more_ambiguous = _read_sources(text, str(path))
        sources.extend(more)
        ambiguous |= more_ambiguous
    return Lexicon(sources, ambiguous) if extra else default_lexicon()
