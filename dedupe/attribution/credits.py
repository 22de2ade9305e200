"""Document-level attribution: datelines, bylines, trailing credits, inputs lines, hat tips,
photo credits and aggregator disclaimers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dedupe.attribution.lexicon import CALL_SIGN, UNNAMED_AGENCY, Lexicon
from dedupe.attribution.tail_lines import NAMING_FORMS, SENTENCE_BEFORE, SOURCE_ITEM, TAIL_FORMS, TAIL_NEEDS
from dedupe.models import Paragraph, Span
from dedupe.text.literals import absent, any_of
from dedupe.text.segment import CREDIT_SPLIT, caption_credit

_L = r"[^\W\d_]"  # a letter in any script
_INDIC = "\u0900-\u0dff"  # Indic scripts, whose vowel signs are not \w: "नई दिल्ली", "मार्च"
_LM = rf"(?:{_L}|[{_INDIC}])"
_DATELINE = re.compile(
    # CITY, State, Country (the Arabic comma too: "دمشق، سوريا (CNN) --")
    rf"(?:{_L}[\w.'\u2019/\- {_INDIC}]{{0,40}}?(?:[,\u060c]\s*[\w.'\u2019\- {_INDIC}]{{1,30}}?){{0,2}}"
    # Dec. 11 | 12 марта
    rf"(?:[,\u060c]?\s*(?:{_LM}{{3,9}}\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+{_LM}{{3,9}}\.?)(?:,?\s*\d{{4}})?)?)?"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\)|/(?P<wire>[^/\n]{2,30})/)"
    r"(?:\s*(?:-+|\u2013|\u2014|:|\.-|\.(?=\s)|,(?=\s)|\u0964)|"  # (the Devanagari full stop too)
    # (a quotation may open the text after it: "(CNN) \u201cMy son served ...")
    rf"(?P<bare>\s+)(?=[\"\u201c\u201e\u00ab]?[A-Z\u00c0-\u00de\u0410-\u042f\u0600-\u06ff{_INDIC}]))")
# "新华社北京3月3日电", and Reuters' Chinese service: "路透北京3月3日 - "
_CJK_DATELINE = re.compile(r"\s*[(（]?(?P<agency>新华社|新華社|中新社|中新网|共同社|韩联社|路透社|法新社|美联社)[)）]?"
                           r"[^\n。]{0,20}?(?:电|電|讯|訊)|\s*(?P<rtrs>路透)[^\n。\d]{0,8}\d{1,2}月\d{1,2}日\s*[-–—]")
# "(서울=연합뉴스) 김철수 기자 =" (Yonhap), "【ワシントン共同】", "【北京時事】" (Kyodo, Jiji),
# "【6月18日 AFP】" (AFPBB), "［東京　１８日　ロイター］" (Reuters Japan)
_BRACKET_DATELINE = re.compile(r"\s*(?:[(\[]\s*[^()\[\]=\n]{1,12}=\s*(?P<agency>[^()\[\]=\n]{2,16}?)\s*[)\]]|"
                               r"【[^】\n]{0,12}?(?P<short>共同|時事)】|"
                               r"[【［](?:[^】］\n]{0,20}?[\s\u3000])?(?P<tagged>[A-Za-z][\w.-]{1,15}|ロイター|ブルームバーグ)[】］])")
# "МОСКВА, 3 мар — РИА Новости.", "دبي - رويترز:": the agency after the dash (news agencies only; a quotation after
# the colon makes it a newsletter's item quoting the agency, "CHINA CHIPS — Bloomberg: “The new rules ...")
_DASH_DATELINE = re.compile(rf"{_L}[\w.'\u2019 ]{{0,30}}?(?:,\s*[\w. ]{{1,20}}?)?\s*(?:-+|\u2013|\u2014)\s*"
                            rf"(?P<agency>{_L}[\w. -]{{1,30}}?)\s*[.:](?=\s)(?!\s*[\"\u201c\u201e\u00ab])")
# short names that credit only in a credit line's brackets ("共同" is also the word "joint")
_CREDIT_SHORT = {"共同": "Kyodo", "時事": "Jiji Press"}
LEAD_PARAGRAPHS = 5  # a dateline may follow a headline, a By line, a date line or a caption
LEAD_END_WORDS = 25  # the second paragraph this long ends the lead zone (the first may be a standfirst)
LEAD_CREDIT_LINES = 3  # "Quelle: dpa-AFX", "(dpa)" as one of the first lines credits the document too
_BYLINE = re.compile(
    r"^\s*(?:(?:By|Por|Von|Par|Di|De|От|by|von|por|par)(?:\s*:)?|(?:Text|Texte|Autor|Autoren|Author|Auteur|Autore|Texto)\s*:)\s*"
    r"(?:(?:[A-Z][\w.'-]+\s+){0,3}[A-Z][\w.'-]+\s*,\s*)?"
    r"(?:(?:Redazione|Redaktion|R\u00e9daction|Redacci\u00f3n|Reda\u00e7\u00e3o)\s+)?"  # "Di Redazione ANSA"
    r"(?P<name>[^\W\d_][\w.&' /-]{1,40}?)"
    r"(?:\s+(?:Staff|Staff Writers?|Correspondents?|Reporters?|News Desk|Desk))?\s*$")
# a byline that ends with a wire's name after its writers: "By JANE DOE Associated Press", "By Jane Doe | Associated
# Press", "By Jane Doe and John Roe, The Associated Press"
_BYLINE_WIRE = re.compile(
    r"^\s*by\s+[^\n]{2,80}?(?:\s+|\s*[,|]\s*)(?:the\s+)?(?P<name>associated\s+press|reuters|agence\s+france-presse|afp|"
    r"bloomberg\s+news|upi|united\s+press\s+international)\s*$", re.I)
BYLINE_WIRE_WORDS = 16  # the most words of such a byline (several writers)
# a first or last line that is only a wire's name, or names the site "with" it: "Reuters", "Jane Doe, AFP",
# "Le Monde avec AFP", "ZEIT ONLINE mit dpa", "Xinhua | Updated: 2020-03-03", "Reuters Staff"; only news agencies
# credit this way
_WIRE_LINE = re.compile(
    r"^\s*(?:(?:[A-Z][\w.'-]+\s+){0,3}[A-Z][\w.'-]+\s*,\s*|[^\n]{1,40}?\s+(?:avec|mit|con|com)\s+)?"
    r"(?P<list>[^\W\d_][\w.&' -]{1,40}?)(?:\s+staff)?\s*\.?\s*"
    r"(?:\|\s*(?:updated|published|aktualisiert)\b[^\n]{0,40})?$",
    re.I)
_INPUTS = re.compile(
    r"\(?\s*(?:with\s+(?:additional\s+)?inputs?\s+from|con\s+informaci[oó]n\s+de|com\s+informa[cç][õo]es\s+d[aeo]s?|"
    # "With files from The Associated Press" (Canadian papers), "With reports from Reforma and El Economista"
    r"with\s+(?:files|reports)\s+from|includes?\s+(?:information|reporting|material)\s+from|"
    r"по\s+материалам|"
    r"mit\s+Material\s+(?:von|der)|avec\s+(?:l'|les\s+)?agences?)\s+(?P<list>[^)\n]{2,80}?)\s*\)?\s*\.?\s*$", re.I)
# a live blog's opening credit: "Mit Informationen der ARD-Korrespondenten sowie der Nachrichtenagenturen AFP, AP, dpa
# und Reuters. Zum Teil ...": the agencies named up to the sentence's end
_DE_INFORMATION = re.compile(r"\s*\(?\s*mit\s+(?:Informationen|Material)\s+(?:von|der|des|aus|unserer|unseres)\s+"
                             r"(?P<list>[^.()\n]{2,200})", re.I)
# "(FR mit dpa)", "(avec AFP)", "(con EFE)": a whole bracketed line, an author's initials allowed first
_WITH_AGENCIES = re.compile(
    r"^\s*\(\s*(?:[\w.]{1,6}\s+)?(?:mit|avec|con|com|with)\s+(?P<list>[^()\n]{2,60}?)\s*\)\s*\.?\s*$", re.I)
# "dpa/mm", "AFP/dpa", "Reuters/dpa/jm", "KNA/epd": agencies with an editor's initials, as the last line
# ("Handout/Reuters", "File/AP", "Pool/Getty" are photo credits)
_SLASH_LIST = re.compile(r"^\s*(?!(?:[\w.-]+\s*/\s*)*(?:handout|file|pool|photo|foto|bild|image|getty|video|archiv)\b)"
                         r"(?P<list>[^\W\d_][\w.-]{0,15}(?:\s*/\s*[^\W\d_][\w.-]{0,15}){1,4})\s*\.?\s*$", re.I)
_SOURCE_WORDS = (r"Source|Sources|Courtesy|Quelle|Quellen|Fuente|Fuentes|Fonte|Fontes|Source\s+de|Источник|Джерело|"
                 r"Źródło|Zdroj|Izvor|Forrás|Sursa|Bron|Kilde|Källa|Lähde|Kaynak|Πηγή|Nguồn|Sumber|出典|来源|來源|출처|المصدر|מקור|स्रोत|इनपुट")
# "Quelle: © www.juragentur.de": a line that says it names the source, credited among the last SOURCE_LINE_REACH
# paragraphs (author boxes and image credits often follow it)
SOURCE_LINE = re.compile(r"\s*(?i:" + _SOURCE_WORDS + r")\s*[:：]")  # also "SOURCE: News agencies"
SOURCE_LINE_REACH = 8
# "Sources: GreatAgain, Washington Examiner / Photo credit: Jane Roe/Facebook": the image's credit after the sources
_PHOTO_AFTER = r"\s*[/|]\s*(?i:photo|image|picture|video|graphic)s?\s*(?i:credits?|source|courtesy)?\s*:[^\n]{0,80}"
# "This article originally appeared on Time.com.", "This story was originally published by ProPublica",
# "Republished with permission from The Conversation": the whole text is the named outlet's
_REPUBLISHED = re.compile(
    # (a sentence may stand before it on its line: "Jane Roe is a senator. This column originally appeared in ...")
    r"^" + SENTENCE_BEFORE + r"\s*(?:(?:this|the)\s+(?:article|story|piece|post|report|column|op-ed|essay|interview)\s+"
    r"(?:was\s+|is\s+)?|"
    r"(?:it\s+was\s+)?)(?:originally|first)\s+(?:appeared|published|ran|posted)\s+(?:on|in|at|by)\s+|"
    r"^\s*cross-?posted\s+(?:here\s+)?(?:with\s+(?:the\s+)?permission\s+)?(?:from|of|by)\s+|"
    # "This story was produced by ProPublica", "This article was written by Kaiser Health News"
    r"^\s*(?:this|the)\s+(?:article|story|piece|report)\s+(?:was\s+)?(?:produced|written|reported)\s+by\s+|"
    r"^\s*(?:republished|reprinted|reposted)\s+(?:here\s+)?(?:with\s+(?:the\s+)?permission\s+)?(?:from|of|by)\s+|"
    # the same in the wire languages: "Dieser Artikel ist zuerst bei \"Capital\" erschienen", "Cet article a
    # \u00e9t\u00e9 initialement publi\u00e9 dans", "Este art\u00edculo fue publicado originalmente en",
    # "Questo articolo \u00e8 stato pubblicato originariamente su"
    r"^\s*(?:dieser|der)\s+(?:artikel|beitrag|text)\s+(?:ist|wurde|erschien)\s+(?:zuerst|erstmals|urspr\u00fcnglich)\s+"
    r"(?:bei|in|auf|im)\s+|"
    r"^\s*cet\s+article\s+a\s+(?:\u00e9t\u00e9\s+)?(?:initialement\s+|d['\u2019]abord\s+|originellement\s+)?"
    r"(?:publi\u00e9|paru)\s+(?:initialement\s+|d['\u2019]abord\s+)?(?:dans|sur|par)\s+|"
    r"^\s*este\s+art\u00edculo\s+(?:fue|se)\s+(?:publicado|public\u00f3)\s+(?:originalmente\s+|originariamente\s+|"
    r"primero\s+)?(?:en|por)\s+|"
    r"^\s*questo\s+articolo\s+(?:\u00e8|e['\u2019])\s+stato\s+pubblicato\s+(?:originariamente\s+|originalmente\s+|"
    r"per\s+la\s+prima\s+volta\s+)?(?:su|da|in)\s+", re.I)
# (a name in quotation marks ends at the closing one: "zuerst bei \u201eCapital\u201c erschienen")
_REPUBLISHED_NAME = re.compile(r"[\"\u201e\u201c\u00ab]?(?P<name>[^\W\d_][\w.&'\u2019 -]{1,50}?)"
                               r"\s*(?:[.,;:(\u2014\u2013\"\u201c\u201d\u00bb]|\s-\s|\s+(?:on|and|under|as|with|in|at)\b|$)",
                               re.I)
_TRAILING = re.compile(r"^\s*(?:[(\uff08]\s*(?:(?i:来源|來源|출처|source|quelle|fuente|fonte)\s*[:：]\s*)?"
                       r"(?P<paren>[^()\uff08\uff09\n]{2,40})\s*[)\uff09]|"
                       r"[-\u2013\u2014]+\s*(?P<dash>[^\W\d_][\w .&]{1,40})|"
                       r"(?i:" + _SOURCE_WORDS + r")\s*[:：]\s*(?P<src>[^\n|]{2,60}?)"
                       r"(?:\s*\|[^\n]{0,80}|" + _PHOTO_AFTER + r")?)"
                       r"\s*\.?\s*$")
# Reuters' sign-off: "(Reporting by David Bailey; Editing by Cynthia Osterman.)", "(Additional reporting by ...;
# Writing by ...; Editing by ...)": the whole line, with its editors, names the agency's desk
_SIGN_OFF = re.compile(r"^\s*\(\s*(?:additional\s+)?reporting\s+by\s+[^()\n]{2,400}?[;,]\s*"
                       r"(?:writing\s+by\s+[^()\n]{2,160}?[;,]\s*)?editing\s+by\s+[^()\n]{2,200}?\)\s*\.?\s*$", re.I)
# "h/t: The Hill", "(h/t The Hill.)", "(h/t RCP Video.)": the site, without the section or product it names
_HAT_TIP = re.compile(r"^\s*(?P<open>\()?\s*(?:h/t|hat\s+tip)\s*:?\s*(?P<name>[^\n()]{2,60}?)"
                      r"(?:\s+(?:Video|TV|Live|Online|Radio|Podcast))?\s*\.?\s*(?(open)\))\s*\.?\s*$", re.I)
_PHOTO = re.compile(
    r"(?:\(?\s*(?:image|photo|picture|video|file\s+photo|graphic|bild|foto|imagen|fotograf[ií]a|cr[ée]dits?\s+photo)s?"
    r"\s*(?:source|credit|courtesy)?\s*[:|]\s*"
    r"(?P<name>[A-Za-z][\w.&' -]{1,40}?)(?=\s*(?:/|\||$|\)|,|\s[A-Z][a-z]))|"
    r"(?P<getty>[A-Z][\w.&' -]{1,40}?)\s+via\s+Getty\s+Images|©\s*(?P<copy>[A-Za-z][\w.&-]{1,20})\s*/\s*[A-Z])", re.I)
_DISCLAIMER = re.compile(
    r"auto(?:matically)?[-\s]?generated|generated\s+automatically|"
    r"(?:syndicated|press[-\s]release|wire|agency)\s+(?:news\s+)?feed|not\s+(?:been\s+)?(?:edited|reviewed)\s+by|"
    r"(?:holds?\s+no|(?:is|are)\s+not|not)\s+responsib|published\s+from\s+(?:a|an)\s+(?:agency|wire)\s+feed", re.I)
_SPLIT_LIST = re.compile(r"\s*(?:,|/|&|;|\b(?:and|und|y|e|et|и)\b)\s*")
_UNNAMED = re.compile(r"^(?:(?:the\s+)?news\s+)?agenc(?:y|ies)$|^wires?$|^agencies\s+reports?$|"
                      r"^\u0648\u0643\u0627\u0644\u0627\u062a$|"  # Arabic "agencies"
                      r"^(?:agencias|agences|agenzie|ag[eê]ncias|agenturen|agenturmaterial)$", re.I)


@dataclass(frozen=True, slots=True)
class Credit:
    span: Span
    text: str
    source: str
    kind: str  # dateline | byline | trailing | sign-off | inputs | hat-tip | photo-credit | item-credit |
    # author-metadata
    confidence: float


_DATE_AFTER = re.compile(r"\s+\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?\s*$")  # "(KNA 19.11.21)": the agency, then the date


def _resolve_list(lexicon: Lexicon, raw: str, *, inside: bool = False) -> list[tuple[str, float]]:
    """The outlets a credit's list names, part by part; with ``inside``, a part that is no outlet's name is searched
    for the names it holds ("der ARD-Korrespondenten sowie der Nachrichtenagenturen AFP")."""
    out: list[tuple[str, float]] = []
    for part in _SPLIT_LIST.split(raw.strip()):
        part = _DATE_AFTER.sub("", part).strip(" .")
        bare = re.sub(r"^(?:the|our)\s+", "", part, flags=re.I)
        if not bare:
            continue
        if _UNNAMED.match(bare):
            out.append((UNNAMED_AGENCY, 0.9))
            continue
        if bare in _CREDIT_SHORT:
            out.append((_CREDIT_SHORT[bare], 0.9))
            continue
        hit = lexicon.resolve(part, fuzzy=False) or lexicon.resolve(bare)
        if hit:
            out.append((hit[0], 0.95 if hit[1] >= 99 else 0.8))
        elif inside:
            out += [(m.source, 0.9) for m in lexicon.find(part) if not m.ambiguous]
    return out


# "Quelle: © www.juragentur.de - Rechtsnews ...", "von tennisnet.com": a site the lexicon does not list, named by its
# domain in a line that says it is the source
_DOMAIN = re.compile(r"(?<![\w.@-])(?:www\.)?(?P<site>(?P<base>[a-z0-9][a-z0-9-]{1,40})(?:\.[a-z0-9-]{2,20})?"
                     r"\.(?:com|net|org|info|de|at|ch|fr|it|es|pt|nl|be|pl|cz|uk|us|ca|au|in|ru|jp|cn|br|mx|ar|cl|co|"
                     r"io|news|tv|fm))(?![\w-])", re.I)


# "(Jonathan Ernst/Reuters)", "[Rupak De Chowdhuri/Reuters]": a photographer and the agency, under a picture
_PHOTOGRAPHER = re.compile(r"^\s*(?P<name>[A-Z][a-z][\w.'\u2019-]*"
                           r"(?:\s+(?:[A-Z][\w.'\u2019-]*|de|da|del|van|von)){1,3})\s*/\s*\S")


# "(Credit: Clayton Aldern / Grist)" under a chart: an image's credit label
_CREDIT_LABEL = re.compile(r"\s*credits?\s*:\s*", re.I)


def _credits_from(lexicon: Lexicon, raw: str, base: int, text: str, kind: str, *, site: bool = False) -> list[Credit]:
    """The credits a credit line's ``raw`` names; with ``site`` (a source line or a byline), a domain the lexicon
    does not know is credited as written. A photographer's credit, or one labelled "Credit:", is a photo credit."""
    if label := _CREDIT_LABEL.match(raw):
        raw, kind = raw[label.end():], "photo-credit"
    photo = _PHOTOGRAPHER.match(raw)
    if photo and not lexicon.resolve(photo.group("name"), fuzzy=False):
        raw, kind = raw[photo.end("name"):].lstrip(" /"), "photo-credit"
    found = _resolve_list(lexicon, raw, inside=kind == "inputs")
    if not found and kind == "dateline" and CALL_SIGN.fullmatch(raw.strip()):
        found = [(raw.strip(), 0.8)]  # "HOUSTON, Texas (KTRK) --": a local station credits itself
    if not found and site and (domain := _DOMAIN.search(raw)):
        known = lexicon.resolve(domain.group("base"), fuzzy=False)
        name = known[0] if known else lexicon.site_name(domain.group("base"))
        found = [(name, 0.8) if name else (domain.group("site").lower(), 0.7)]
    return [Credit(Span(base, base + len(text)), text, name, kind, conf) for name, conf in found]


def author_credits(lexicon: Lexicon, text: str, author: str | None, body_start: int) -> list[Credit]:
    """A news agency named as the document's author in its metadata ("author: The Associated Press", a page's
    author field "PTI"): a byline the page shows apart from its text. Its span is the value in the header where
    the text holds one, else the empty span [0, 0)."""
    if not author:
        return []
    at = text.find(author, 0, body_start)
    span = Span(at, at + len(author)) if at >= 0 else Span(0, 0)
    found = _wires_only(lexicon, [Credit(span, author, name, "author-metadata", conf)
                                  for name, conf in _resolve_list(lexicon, author)], ("news-agency",))
    return [c for c in found if c.source != UNNAMED_AGENCY]


def _dateline_in(lexicon: Lexicon, text: str, para: Paragraph) -> list[Credit]:
    # every _DATELINE holds its agency's "(" or wire's "/" (a cheap look first)
    bracket = text.find("(", para.start, para.end) >= 0 or text.find("/", para.start, para.end) >= 0
    m = _DATELINE.match(text, para.start, para.end) if bracket else None
    m = m or _CJK_DATELINE.match(text, para.start, para.end) or _BRACKET_DATELINE.match(text, para.start, para.end)
    dash = None if m else _DASH_DATELINE.match(text, para.start, para.end)
    if dash:
        found = _credits_from(lexicon, dash.group("agency"), dash.start(), dash.group(), "dateline")
        return _wires_only(lexicon, found)
    if not m:
        return []
    groups = m.groupdict()
    raw = (groups.get("agency") or groups.get("wire") or groups.get("short") or groups.get("tagged")
           or groups.get("rtrs") or "")
    found = _credits_from(lexicon, raw, m.start(), m.group(), "dateline")
    # "Bern (sda) Der Bundesrat ...", "Washington (CNN) Even as ...": without a dash only a news agency's or a
    # broadcaster's bracket is a dateline
    return _wires_only(lexicon, found, (*_WIRE_KINDS, "broadcaster")) if groups.get("bare") else found


def dateline_credits(lexicon: Lexicon, text: str, body: Sequence[Paragraph]) -> list[Credit]:
    """The dateline of the lead zone: one of the first body paragraphs may open with ``CITY (AGENCY) -``; what
    comes before it is a headline, a By line, a date line, a caption or a standfirst (at most one long paragraph)."""
    long_seen = 0
    for para in body[:LEAD_PARAGRAPHS]:
        found = _dateline_in(lexicon, text, para)
        if found:
            return found
        long_seen += len(text[para.start:para.end].split(None, LEAD_END_WORDS)) >= LEAD_END_WORDS  # (counts to 26)
        if long_seen >= 2:
            break
    return []


_LINE_FORMS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (_INPUTS, "inputs", "list"), (_WITH_AGENCIES, "inputs", "list"), (_DE_INFORMATION, "inputs", "list"),
    (_HAT_TIP, "hat-tip", "name"), (_BYLINE, "byline", "name"), (_BYLINE_WIRE, "byline", "name"),
)
# a word each form of _INPUTS holds (the parse tree proves none: "по материалам" is not ASCII), for a cheap look
# before the search of a whole tail paragraph
_INPUTS_WORDS = any_of(frozenset({"input", "informa", "\u043c\u0430\u0442\u0435\u0440\u0438\u0430\u043b",
                                  "material", "agence", "files", "reports", "include"}))


# a byline block of the page's head: "Von AFP | 12.03.2020, 10:00 Uhr", "Published: 12 March 2020 · AFP", "By AFP -
# Mar 12, 2020": its parts apart, the dates and reading times among them left out
BLOCK_WORDS = 20  # the most words a byline block holds
_BLOCK_SEPARATOR = re.compile(r"\s*[|\u00b7\u2022]\s*|\s+[-\u2013\u2014]\s+")
_META_PART = re.compile(r"\d|^\s*(?:updated|published|posted|aktualisiert|ver\u00f6ffentlicht|lesedauer|publi\u00e9|"
                        r"mis\s+\u00e0\s+jour|publicado|actualizado|pubblicato|aggiornato)\b", re.I)


def line_credits(lexicon: Lexicon, text: str, para: Paragraph, is_tail: bool, *, edge: bool = False,
                 folded: str | None = None) -> list[Credit]:
    """Credits a whole line states: byline, inputs, hat tip, photo credit, and trailing credit at the end; a bare
    wire name only on an ``edge`` line (among the first lines, or after the last paragraph of text); in a byline
    block, its parts that are not dates (``_BLOCK_SEPARATOR``). ``folded`` is ``fold(text)`` when known (a cheap
    look before the inputs pattern, which searches the whole line)."""
    found = _whole_line_credits(lexicon, text, para, is_tail, edge, folded)
    if found or len(text[para.start:para.end].split(None, BLOCK_WORDS)) > BLOCK_WORDS:
        return found  # (a paragraph of text is no byline block: it is not searched for separators)
    cuts = [(m.start(), m.end()) for m in _BLOCK_SEPARATOR.finditer(text, para.start, para.end)]
    if not cuts:
        return found
    parts = [(a, b) for a, b in zip([para.start, *(e for _, e in cuts)], [*(s for s, _ in cuts), para.end],
                                    strict=True) if b > a]
    named = [(a, b) for a, b in parts if not _META_PART.search(text[a:b])]
    if len(named) == len(parts):
        return []  # no date or time among the parts: no byline block ("Sport | Football")
    return [c for a, b in named for c in _whole_line_credits(lexicon, text, Paragraph(a, b, para.boilerplate),
                                                             is_tail, edge, folded)]


def _whole_line_credits(lexicon: Lexicon, text: str, para: Paragraph, is_tail: bool, edge: bool,
                        folded: str | None) -> list[Credit]:
    line = text[para.start:para.end]
    inputs_absent = absent(_INPUTS_WORDS, folded, para.start, para.end)
    for pattern, kind, group in _LINE_FORMS:
        if pattern in (_INPUTS, _DE_INFORMATION) and inputs_absent:
            continue
        m = pattern.search(line) if pattern is _INPUTS else pattern.match(line)
        if m and (kind != "byline" or len(line.split()) <= (BYLINE_WIRE_WORDS if pattern is _BYLINE_WIRE else 8)):
            found = _credits_from(lexicon, m.group(group), para.start, line, kind, site=kind == "byline")
            if found:
                return found
    if para.boilerplate == "caption" or _PHOTO.match(line):
        return photo_credits(lexicon, line, para.start)
    if not (is_tail or para.boilerplate == "credit"):
        return []
    low = line.lower()
    for pattern, kind, group in TAIL_FORMS:
        needs = TAIL_NEEDS.get(pattern)
        if needs is not None and not any(word in low for word in needs):
            continue
        m = pattern.match(line)
        if m:
            site = pattern is SOURCE_ITEM or pattern in NAMING_FORMS
            return _credits_from(lexicon, m.group(group), para.start, line, kind, site=site)
    m = _REPUBLISHED.match(line)
    if m and (name := _REPUBLISHED_NAME.match(line, m.end())):
        return _republished(lexicon, name.group("name"), para.start, line)
    if m := _SELF_DESCRIBED.match(line) or _SUPPLEMENTED.match(line):
        return _republished(lexicon, m.group("name"), para.start, line)
    if _SIGN_OFF.match(line):
        return _credits_from(lexicon, "Reuters", para.start, line, "sign-off")
    m = _TRAILING.match(line)
    if m:
        raw = m.group("paren") or m.group("dash") or m.group("src")
        return _credits_from(lexicon, raw, para.start, line, "trailing", site=m.group("src") is not None)
    m = _SLASH_LIST.match(line)
    if m:
        found = _credits_from(lexicon, m.group("list"), para.start, line, "trailing")
        return _wires_only(lexicon, found, ("news-agency",))
    m = _WIRE_LINE.match(line) if edge else None  # mid-text, "ASSOCIATED PRESS." lines are photo credits
    if m and len(line.split()) <= 8 and not (m.start("list") > 0 and _in_roundup(text)):
        return _wires_only(lexicon, _credits_from(lexicon, m.group("list"), para.start, line, "trailing"))
    return []


# a line naming a writer and the outlet of the quotation above it: "Emma Green, The Atlantic"
_QUOTE_CREDIT_LINE = re.compile(r"^[ \t]*(?:[A-Z][\w.'\u2019-]+[ \t]+){1,3}[A-Z][\w.'\u2019-]+[ \t]*,[ \t]*"
                                r"[A-Z][^\n,]{1,40}$", re.M)
ROUNDUP_LINES = 3  # this many such lines make a roundup of quotations, each credited to its writer's outlet


def _in_roundup(text: str) -> bool:
    """A page of quotations from several outlets, each closed by "Name, Outlet" ("Noah Feldman, Bloomberg" as its
    last line is the last quotation's writer, not the page's credit)."""
    return sum(1 for _ in zip(range(ROUNDUP_LINES), _QUOTE_CREDIT_LINE.finditer(text), strict=False)) >= ROUNDUP_LINES


_WIRE_KINDS = ("news-agency", "press-release-wire")


# an outlet the lexicon does not know, named in a republication line: "Live Science", "The Conversation"
# (not a date: "Originally published on Monday")
_PROPER_NAME = re.compile(r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|"
                          r"June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|"
                          r"Friday|Saturday|Sunday|Today|Yesterday)\b)"
                          r"(?-i:[A-Z][\w.&'\u2019-]*)(?:\s+(?:(?:to|the|for|a|in|on|at)\s+)?"
                          r"(?:(?-i:[A-Z][\w.&'\u2019-]*)|of|and|&)){0,5}")  # ("Reasons to Be Cheerful")


# a syndicated newsroom's line under its stories: "Stateline is a nonpartisan, nonprofit news service of the Pew
# Charitable Trusts ...", "Kaiser Health News is a nonprofit news service covering health issues."; the name first
# (a nonprofit's or independent's: a story's line on an outlet it is about says "a conservative news site")
_SELF_DESCRIBED = re.compile(r"\s*(?P<name>" + _PROPER_NAME.pattern + r")\s+is\s+an?\s+(?:[\w-]+,?\s+(?:and\s+)?){0,3}?"
                             r"(?:non-?profit|non-?partisan|independent|not-for-profit),?\s+(?:[\w-]+,?\s+){0,3}?"
                             r"(?:(?:news|media)\s+(?:service|organi[sz]ation|outlet|site|website|network|agency|publication)|"
                             r"newsroom)\b")
# a site's note under the wire story it runs: "The Huffington Post has supplemented this Reuters article with
# additional quotes from a pool report."
_SUPPLEMENTED = re.compile(r"\s*(?:[\w.&'\u2019-]+\s+){1,4}?has\s+(?:supplemented|updated|expanded|added\s+to)\s+"
                           r"this\s+(?P<name>" + _PROPER_NAME.pattern + r")\s+(?:article|story|report|dispatch)\b")


def _republished(lexicon: Lexicon, raw: str, base: int, line: str) -> list[Credit]:
    """The outlet a republication line names: from the lexicon or its domain, else as written when it is a name."""
    found = _credits_from(lexicon, raw, base, line, "trailing", site=True)
    if found or not _PROPER_NAME.fullmatch(raw.strip()):
        return found
    return [Credit(Span(base, base + len(line)), line, raw.strip(), "trailing", 0.7)]


def _wires_only(lexicon: Lexicon, found: list[Credit], kinds: tuple[str, ...] = _WIRE_KINDS) -> list[Credit]:
    """The credits naming a news agency or press-release wire (or agencies unnamed): only they credit a text with
    a bare name or a closing bracket. A slash list of short words ("Kakuma/Kenia", "erb/ots") credits only through
    a news agency (``kinds`` ``("news-agency",)``)."""
    def is_wire(name: str) -> bool:
        source = lexicon.get(name)
        return source is not None and source.kind in kinds

    return [c for c in found if c.source == UNNAMED_AGENCY or is_wire(c.source)]


# the last paragraph's closing bracket after its last sentence: "... next month. (dpa/mm)", "... in court (AFP).";
# or a wire's bare name after it: "... to sneak into the US. PTI"
# (also in full-width brackets after an ideographic full stop: "\u3002\uff08\u30ed\u30a4\u30bf\u30fc\uff09")
_CLOSING = re.compile(r"(?<=[.!?\"\u201d\u00bb\s\u3002])\s*[(\uff08](?P<paren>[^()\uff08\uff09\n]{2,30})[)\uff09]"
                      r"\s*\.?\s*$|"
                      r"(?<=[.!?\"\u201d\u00bb])\s+(?P<bare>[A-Z][A-Za-z-]{1,15})\s*$")


def closing_credits(lexicon: Lexicon, text: str, last: Paragraph, *, bare: bool = True) -> list[Credit]:
    """A wire's bracket closing the article inside one of its last paragraphs (a line of its own is a line credit);
    with ``bare``, also the wire's bare name (only the last paragraph of text closes with it)."""
    m = _CLOSING.search(text, max(last.start, last.end - 40), last.end)
    if m is None or not text[last.start:m.start()].strip() or (m.group("bare") and not bare):
        return []
    raw = m.group("paren") or m.group("bare")
    found = m.group().strip()  # the bracket or the name, without the space before it: one span with its sentence's
    start = m.start() + m.group().index(found[0])
    return _wires_only(lexicon, _credits_from(lexicon, raw, start, found, "trailing"))


def lead_inputs_credits(lexicon: Lexicon, text: str, para: Paragraph) -> list[Credit]:
    """A paragraph of the lead that opens with the agencies it has its information from ("Mit Informationen der ...
    Nachrichtenagenturen AFP, AP, dpa und Reuters. Zum Teil ..."): a live blog's credit above its entries."""
    m = _DE_INFORMATION.match(text, para.start, para.end)
    return [] if m is None else _credits_from(lexicon, m.group("list"), para.start, text[para.start:para.end], "inputs")


# a digest item closing with its source: "... the disease. [HuffPost]", "[Marina Fang, HuffPost]", "[WSJ | Paywall]",
# "(h/t The Hill.)", at the end of its line or before the next item's capitalised headline ("[Reuters] TEAM REFUSES TO")
_NEXT_HEADLINE = r"(?-i:[\u2018\u201c'\"]?[A-Z][A-Z0-9'\u2019-]*(?:[ \t\xa0]+[A-Z0-9][A-Z0-9'\u2019,-]*){2}\b)"
_ITEM_CREDIT = re.compile(r"(?:\[\s*(?P<list>[^\[\]\n|]{2,60}?)\s*(?:\|[^\[\]\n]{0,20})?\]|"
                          r"\(\s*(?:h/t|hat\s+tip)\s*:?\s*(?P<tip>[^()\n]{2,50}?)\s*\.?\s*\))[ \t\xa0]*\.?[ \t\xa0]*"
                          r"(?=\n|$|" + _NEXT_HEADLINE + ")", re.I)


def item_credits(lexicon: Lexicon, text: str, para: Paragraph) -> list[Credit]:
    """The bracketed credits that close the items of a digest (a line, or a paragraph of lines): each the source of
    its item, not of the document."""
    if text.find("]", para.start, para.end) < 0 and text.find(")", para.start, para.end) < 0:
        return []  # a cheap look first
    out: list[Credit] = []
    for m in _ITEM_CREDIT.finditer(text, para.start, para.end):
        line_start = max(para.start, text.rfind("\n", para.start, m.start()) + 1)
        if not text[line_start:m.start()].strip():
            continue  # a line that is only a credit is a line credit
        raw = m.group("list") or m.group("tip") or ""
        found = _credits_from(lexicon, raw, m.start(), m.group(), "item-credit")
        out += [c for c in found if c.source != UNNAMED_AGENCY]
    return out


def photo_credits(lexicon: Lexicon, text: str, base: int = 0) -> list[Credit]:
    out = []
    for m in _PHOTO.finditer(text):
        raw = m.group("name") or m.group("getty") or m.group("copy") or ""
        for name, conf in _resolve_list(lexicon, raw.split("/")[0]):
            if name != UNNAMED_AGENCY:
                out.append(Credit(Span(base + m.start(), base + m.end()), m.group(), name, "photo-credit", conf))
    return out + _caption_credits(lexicon, text, base, {c.source for c in out})


# the parts of a caption's credit that name no agency: "Pool", "Handout", "File", "AP Photo" -> "AP"
_CREDIT_WORDS = re.compile(r"^(?:.*\bvia\s+)|^(?:pool|handout|file)$|\s+photos?$", re.I)


def _caption_credits(lexicon: Lexicon, text: str, base: int, known: set[str]) -> list[Credit]:
    """The agencies of the credit closing a caption ("(Lucas Jackson/Reuters)", "(Saul Loeb/Pool via Reuters)",
    "(AP Photo/Evan Vucci)"), by their exact names: a photographer's name is never matched loosely."""
    m = caption_credit(text.rstrip())
    if m is None:
        return []
    out: list[Credit] = []
    for part in CREDIT_SPLIT.split(m.group("credit")):
        hit = lexicon.resolve(_CREDIT_WORDS.sub("", part.strip(" .")), fuzzy=False)
        if hit and hit[0] not in known and hit[0] != UNNAMED_AGENCY:
            known.add(hit[0])
            out.append(Credit(Span(base + m.start(), base + m.end()), m.group(), hit[0], "photo-credit", 0.9))
    return out


def is_derivative(text: str, paragraphs: Sequence[Paragraph]) -> bool:
    """An aggregator disclaimer says the whole document was taken from elsewhere."""
    return any(p.boilerplate == "disclaimer" and _DISCLAIMER.search(text[p.start:p.end]) for p in paragraphs)
