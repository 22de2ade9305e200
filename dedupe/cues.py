"""Context rules that decide the role of an outlet mention inside a sentence.

Each rule looks at the text left of the mention (anchored at its end) or right of it (anchored
at its start) and yields (form, role). Rules are tried in order; the first that fires decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE
_DESCR = r"(?:[\w'\u2019.-]+\s+){0,5}?"
_VERBS = (r"(?:reported|reports|said|says|announced|added|stated|wrote|claimed|noted|confirmed|broadcast|aired|"
          r"published|quoted|cited|carried|showed|shows|revealed|disclosed|tweeted|posted|described|quoting|citing)")
_BETWEEN = (r"(?:(?:news\s+(?:agency|organi[sz]ation|service|outlet|network|channel)|wire\s+service|agency|"
            r"also|earlier|later|quickly|has|had|have|on\s+\w+|today|yesterday|"
            r"in\s+an?\s+(?:report|statement|dispatch|bulletin|commentary|editorial)|late\s+\w+|\w+day)\s*,?\s*){0,3}")


@dataclass(frozen=True, slots=True)
class Rule:
    form: str
    role: str
    left: re.Pattern[str] | None = None
    right: re.Pattern[str] | None = None


def _left(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern + r"$", _I)


def _right(pattern: str) -> re.Pattern[str]:
    return re.compile(r"^" + pattern, _I)


RULES: tuple[Rule, ...] = (
    Rule("venue", "venue", left=_left(
        r"\b(?:told|telling|tells|tell|speaking\s+to|spoke\s+to|speak\s+to|in\s+(?:an?\s+)?(?:exclusive\s+|separate\s+)?"
        r"interviews?\s+with|in\s+comments\s+to|(?:op-ed|column|article)\s+(?:for|in)|wrote\s+(?:for|in)|"
        r"interviewed\s+by|appearing\s+on|said\s+on|sat\s+down\s+with)\s+(?:the\s+)?" + _DESCR)),
    Rule("non-verification", "non-verification", right=_right(
        r"\s*(?:news\s+agency\s+)?(?:could\s+not|couldn't|cannot|can't|was\s+unable\s+to|were\s+unable\s+to|has\s+not|"
        r"hasn't|had\s+not|did\s+not|didn't|is\s+unable\s+to)\s+(?:yet\s+)?(?:immediately\s+)?(?:independently\s+)?"
        r"(?:verify|verified|confirm|confirmed|authenticate|authenticated)")),
    Rule("poll-negative", "subject", right=_right(
        r"\s*(?:/\s*[\w-]+\s+|-\w+\s+)?(?:poll|survey|tally|count|calculations?|analysis|index|ranking|estimates?)\b")),
    Rule("about-agency", "subject", right=_right(
        r"\s*,?\s*(?:said|says|announced|confirmed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|its)\b")),
    Rule("visual", "source", left=_left(
        r"\b(?:footage|images?|videos?|pictures?|photos?|photographs?|satellite\s+imagery)\s+(?:(?:released|published|"
        r"broadcast|aired|shown|distributed|provided|posted|carried|obtained)\s+by|from)\s+(?:the\s+)?" + _DESCR)),
    Rule("as-reported-by", "source", left=_left(
        r"\b(?:as\s+)?(?:reported|quoted|cited|carried|broadcast|published|confirmed|announced|aired)\s+"
        r"(?:earlier\s+)?by\s+(?:the\s+)?" + _DESCR)),
    Rule("according-to", "source", left=_left(r"\baccording\s+to\s+(?:the\s+)?" + _DESCR)),
    Rule("citing", "source", left=_left(r"\b(?:citing|quoting|cited|per)\s+(?:the\s+)?" + _DESCR)),
    Rule("inline-verb", "source", left=_left(
        r"\b(?:reported|said|says|reports|added|wrote|announced|quoted|stated)\s+(?:the\s+)?" + _DESCR),
        right=_right(r"\s*(?:on\s+\w+|in\s+an?\s+\w+|earlier|late\s+\w+)?\s*(?:[.,;:]|$)")),
    Rule("inline-verb", "source", right=_right(
        r"\s*(?:'s\s+(?:\w+\s+){0,2}?(?:correspondents?|reporters?|bureau|journalists?|dispatch|report)\s+)?"
        r"(?:,\s*)?" + _BETWEEN + _VERBS + r"\b")),
)
_CITING_ASIDE = re.compile(r"^\s*,\s*(?:citing|quoting)\s+[^,]{1,90},", _I)
# "KCNA (the Korean Central News Agency) said", "Rodong Sinmun, the ruling party's newspaper, said"
_ASIDE = re.compile(r"^\s*(?:\([^()]{1,60}\)|,\s*(?:the|a|an|its|their|which\s+is)\s+[^,;.]{1,70},)", _I)
SOURCE_ROLES = frozenset({"source"})


def decide(left: str, right: str) -> Rule | None:
    """The first rule that fires for a mention with this left and right context."""
    right_plain = _ASIDE.sub("", _CITING_ASIDE.sub("", right, count=1), count=1)
    for rule in RULES:
        if rule.left is not None and not rule.left.search(left):
            continue
        if rule.right is not None and not (rule.right.search(right) or rule.right.search(right_plain)):
            continue
        return rule
    return None


_NATIONALITIES = {
    "russian": "Russia", "russia": "Russia", "north korean": "North Korea", "north korea": "North Korea",
    "south korean": "South Korea", "south korea": "South Korea", "chinese": "China", "china": "China",
    "iranian": "Iran", "iran": "Iran", "syrian": "Syria", "syria": "Syria", "vietnamese": "Vietnam",
    "vietnam": "Vietnam", "japanese": "Japan", "japan": "Japan", "indian": "India", "india": "India",
    "pakistani": "Pakistan", "pakistan": "Pakistan", "turkish": "Turkey", "turkey": "Turkey", "egyptian": "Egypt",
    "egypt": "Egypt", "saudi": "Saudi Arabia", "israeli": "Israel", "israel": "Israel", "belarusian": "Belarus",
    "belarus": "Belarus", "cuban": "Cuba", "cuba": "Cuba", "venezuelan": "Venezuela", "venezuela": "Venezuela",
    "iraqi": "Iraq", "iraq": "Iraq", "afghan": "Afghanistan", "ukrainian": "Ukraine", "ukraine": "Ukraine",
    "myanmar": "Myanmar", "burmese": "Myanmar", "eritrean": "Eritrea", "qatari": "Qatar", "emirati": "UAE",
    "kremlin": "Russia", "pyongyang": "North Korea", "beijing": "China", "tehran": "Iran", "moscow": "Russia",
}
STATE_MEDIA_NATIONALITY = re.compile("|".join(re.escape(k) for k in _NATIONALITIES), _I)
_NAT = "|".join(sorted((re.escape(k) for k in _NATIONALITIES), key=len, reverse=True))
STATE_MEDIA = re.compile(
    rf"\b(?:(?P<nat>{_NAT})(?:'s|\u2019s)?\s+(?:official\s+)?state(?:-run|\s+run|-controlled|-owned|-affiliated)?\s+"
    rf"(?:news\s+agency|media|television|tv|broadcaster|newspaper|press|outlets?|news)"
    rf"|state(?:-run)?\s+media\s+(?:of|in)\s+(?P<nat2>{_NAT}))\b", _I)


def state_media_country(match: re.Match[str]) -> str:
    key = (match.group("nat") or match.group("nat2") or "").lower()
    return _NATIONALITIES.get(key, key.title())


ANAPHORA = re.compile(
    r"\b(?:the|that|this)\s+(?:(?-i:[A-Z][a-z]+)\s+|(?:state|state-run|official|national)\s+)?(?:news\s+)?"
    r"(?:report|agency|wire\s+service|broadcaster|channel|network|newspaper|daily|"
    r"outlet|dispatch|bulletin)\s+(?:also\s+)?(?:said|added|reported|stated|noted|quoted|cited|says|reports|adds|"
    r"claimed|showed|continued|cited)\b|\b(?:said|added|according\s+to)\s+the\s+(?:news\s+)?(?:report|agency|"
    r"broadcaster|newspaper|dispatch)\b", _I)
