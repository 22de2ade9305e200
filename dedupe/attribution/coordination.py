"""Outlets named together share their cue: "CNN and Fox News reported", "according to Reuters, AFP and AP".

The cue rules read the words right before or after one mention, so only the conjunct next to the cue is decided
("CNN and Fox News reported": the verb follows Fox News). Outlets joined as a list (``A and B``, ``A, B and C``)
take the role and form of the one a rule decided, when no other rule decided them and the list is plain list
syntax: every join but the last is a comma, the last holds "and" (so "Trump attacked CNN and NBC, the Post
reported" gives CNN and NBC nothing).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dedupe.attribution.lexicon import Mention

# forms whose cue speaks for every outlet of the list; the others (polls, headlines, quote items) name one outlet
SHARED_FORMS = frozenset({"inline-verb", "according-to", "as-reported-by", "report-in", "visual", "obtained-by",
                          "venue", "non-verification"})
# (and a country's possessive: "the Associated Press and South Korea's Yonhap news agency said")
_ARTICLE = (r"(?:(?:the|der|die|dem|den|des|le|la|les|el|los|las|il|lo|o|a|os|as)\s+|l['\u2019])?"
            r"(?:(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?(?:'s|\u2019s)\s+)?")
_COMMA = re.compile(r"\s*,\s*" + _ARTICLE, re.I)
# "and" in the wire languages: "nach Recherchen von WDR, NDR und SZ", "selon l'AFP et Reuters", "según EFE y AP"
_AND = re.compile(r"\s*,?\s*(?:and|&|und|et|y|e|i|\u0438)\s+" + _ARTICLE, re.I)


def _lists(text: str, mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Runs of mentions joined as a list: "A and B", "A, B and C" (the comma runs end with "and")."""
    out: list[list[Mention]] = []
    run: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if run and _COMMA.fullmatch(text, run[-1].end, m.start):
            run.append(m)
            continue
        if run and _AND.fullmatch(text, run[-1].end, m.start):
            out.append([*run, m])
        run = [m]
    return out


def _undecided(kind: str | None) -> bool:
    """No attribution, or only a guess of the classifier: a list's cue may decide it."""
    return kind is None or kind in ("mention", "classifier")


def shared_cues(text: str, mentions: Sequence[Mention], kinds: Mapping[int, str | None]) -> list[tuple[Mention, int]]:
    """The undecided members of each outlet list, each with the start of the member whose cue it shares.

    ``kinds`` maps a mention's start to the form of its attribution (None: no attribution)."""
    out: list[tuple[Mention, int]] = []
    for members in _lists(text, mentions):
        forms = [kinds.get(m.start) for m in members]
        cues = {m.start: f for m, f in zip(members, forms, strict=True) if f in SHARED_FORMS}
        if len(set(cues.values())) != 1 or not all(_undecided(f) or f in SHARED_FORMS for f in forms):
            continue
        cue = next(iter(cues))
        out.extend((m, cue) for m, f in zip(members, forms, strict=True) if _undecided(f))
    return out
