"""Citations that close a newsletter's sentences: "... in 2020 ( The Hill ).", each the source of its sentence (an
item credit, like the bracketed credits that close a digest's items, ``credits.item_credits``)."""

from __future__ import annotations

import re

from dedupe.attribution.credits import Credit
from dedupe.attribution.lexicon import Lexicon
from dedupe.models import Paragraph, Span

# a newsletter's sentence closing with the outlet it is from: "... in 2020 ( The Hill ).", "... illegality” ( The Hill )
# …" (an outlet's exact name in brackets before the sentence's end)
_CITATION = re.compile(r"\(\s*(?P<cite>[A-Z][^()\n]{1,40}?)\s*\)[ \t\xa0]*(?=[.;]|\u2026)")
# characters before a bracket where the outlet's own name makes it a gloss ("the Associated Press (AP).")
_GLOSS_REACH = 80


def _cited_name(lexicon: Lexicon, cite: str) -> bool:
    """A bracket's words can name a cited outlet: not an abbreviation ("(Pa.)"), an acronym of two letters ("(PL)", a
    party) or an ambiguous one."""
    return not cite.endswith(".") and not (cite.isupper() and (len(cite) < 3 or cite in lexicon.ambiguous))


def citations(lexicon: Lexicon, text: str, para: Paragraph, taken: set[int]) -> list[Credit]:
    """``_CITATION``s of the paragraph: an outlet's exact name, after text of the sentence that does not name it
    (``taken``: the places of the paragraph's other item credits)."""
    out: list[Credit] = []
    for m in _CITATION.finditer(text, para.start, para.end):
        cite = m.group("cite")
        hit = lexicon.resolve(cite, fuzzy=False)
        before = text[max(para.start, m.start() - _GLOSS_REACH):m.start()]
        if m.start() in taken or hit is None or hit[1] < 99 or not before.strip() or not _cited_name(lexicon, cite):
            continue
        if any(found.source == hit[0] for found in lexicon.find(before)):
            continue  # "the Associated Press (AP).": the outlet's short name beside its name
        out.append(Credit(Span(m.start(), m.end()), m.group(), hit[0], "item-credit", 0.9))
    return out
