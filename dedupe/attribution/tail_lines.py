"""The lines that close an article and credit its text: "AP contributed to this report", "\u00a9 Thomson Reuters
2020", "Contributing: Jane Roe; the Associated Press", "Distributed by Tribune Content Agency", "Avec AFP" ...; each
form with the group that names the outlets, in the order ``credits`` tries them."""

from __future__ import annotations

import re

_CONTRIBUTED_TO = (r"\s+(?:contributed\s+to\s+this\s+(?:report|story|article)|contributed\s+reporting|contributed)"
                   r"\s*\.?\s*$")
# "AP contributed to this report"
_CONTRIBUTED = re.compile(r"^\s*(?P<list>[^\n]{2,80}?)" + _CONTRIBUTED_TO, re.I)
# "Associated Press writers Jane Roe in Denver and John Doe contributed to this report", "AP Technology Writer Jane
# Roe contributed ...": the agency, its writers named after it
_AGENCY_WRITERS = re.compile(
    r"^\s*(?P<staff>[^\W\d_][\w.&' -]{1,40}?)\s+(?:(?:technology|business|sports|science|medical|health|diplomatic|"
    r"economics|national|political|religion|entertainment|legal\s+affairs|white\s+house|staff|special|chief|senior)\s+)?"
    r"(?:writers?|reporters?|correspondents?)\s[^\n]{2,160}?" + _CONTRIBUTED_TO, re.I)
# "© Thomson Reuters 2020", "Copyright: dpa", "© dpa-infocom, dpa:230101-99-123456/2" (dpa's line under its stories)
# "Riproduzione riservata © Copyright ANSA" (ANSA's line under its stories)
# "<Copyright \u24d2 NAME. All rights reserved. (no reproduction, in Korean)>": the line under Korean papers' stories
# "... Los Angeles, CA 90069. Copyright 2023, Andrews McMeel Syndication.", "© 2024 Benzinga.com. Benzinga does not
# provide investment advice. All rights reserved.": a sentence may stand before the copyright on its line, and short
# ones (a disclaimer) after it
_COPYRIGHT = re.compile(
    r"^(?:[^\n<]{0,300}?[.!?]\s+)?\s*(?P<open><)?\s*(?:riproduzione\s+riservata\s*)?"
    r"(?:(?:copyright|\(c\)|©|\u24d2)\s*:?\s*){1,2}(?:\d{4}\s*,?\s+)?"
    r"(?P<name>[^\W\d_][\w.&' -]{1,40}?)"
    # the company's form after its name: "Copyright © 2019 The Washington Times, LLC."
    r"(?:,?\s+(?-i:LLC|L\.L\.C|Inc|Ltd|Limited|Corp|Corporation|Company|PLC|LP|GmbH|AG|S\.A)\b)?"
    r"(?:\s+\d{4})?\s*[.,]?\s*(?:all\s+rights\s+reserved\.?|dpa:[\d-]+(?:/\d+)?)?"
    r"(?(open)(?:(?<=[.,])\s*[^<>\n]{0,40})?>|(?:\.\s+[^\n]{0,120})?)\s*$", re.I)
# "Avec AFP", "Mit dpa", "Con EFE", "Mit Agenturmaterial": a closing line naming the agencies the text is "with"
_WITH_LINE = re.compile(r"^\s*(?:mit|avec|con|com)\s+(?P<list>[^\W\d_][^()\n]{1,40}?)\s*\.?\s*$", re.I)
# Yonhap's line under its stories: "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>"
_KO_COPYRIGHT = re.compile(r"^\s*<?\s*저작권자\s*(?:\(c\)|ⓒ|©)?\s*(?P<name>[^,<>\n]{2,20}?)\s*[,.][^\n]{0,40}>?\s*$",
                           re.I)
# the sources listed under the article, each an outlet's site and the title of its piece: "- Eigene Recherchen",
# "- nytimes.com: Behind the Seized Tanker ... (Englisch)"
SOURCE_ITEM = re.compile(r"^\s*[-\u2013\u2022]\s*(?P<site>(?:www\.)?[a-z0-9-]{2,40}(?:\.[a-z0-9-]{2,20}){1,2})"
                          r"\s*:\s+\S", re.I)
# a closing line naming the outlet and, in brackets, its writers: "MDR (Engin Haupt, Alisa Sonntag)", "dpa (jm/ag)"
# (names in the bracket, or an editor's lower-case initials: "RSS (HD)" is a feed's quality, not its writers)
_WRITER = r"(?-i:[A-Z][a-z\u00e0-\u00ff][\w.'-]*|[a-z]{2,4})"
_OUTLET_WRITERS = re.compile(r"^\s*(?P<name>[^\W\d_][\w.&' -]{1,30}?)\s*\(\s*" + _WRITER +
                             r"(?:(?:\s+|\s*[,/]\s*|\s+(?:und|and|et|y|e)\s+)" + _WRITER + r"){0,7}\s*\)\s*$")
# "This report by The Canadian Press was first published March 12, 2024.", "Distributed by Tribune Content Agency, LLC."
_REPORT_BY = re.compile(r"^\s*(?:this|the)\s+(?:report|article|story)\s+by\s+(?P<name>[^\W\d_][\w.&' -]{1,40}?)"
                        r"\s+was\s+"
                        r"(?:first\s+)?published\b[^\n]{0,40}$", re.I)
_DISTRIBUTED = re.compile(r"^(?:[^\n]{0,120}?[.!?]\s+)?\s*distributed\s+by\s+(?P<name>[^\W\d_][\w.&' -]{1,40}?)"
                          r"(?:,?\s+(?:LLC|Inc|Ltd)\.?)?\s*\.?\s*$", re.I)
# the AP's line under its stories: "The Associated Press receives support from ... The AP is solely responsible for all
# content."; a local site's copy of CNN's wire: "The-CNN-Wire \u2122 & \u00a9 2023 Cable News Network, Inc., ..."; an
# AP story of a member paper: "This is an AP Member Exchange shared by The Des Moines Register."; an AP story's
# source paper: "Information from: The Seattle Times, http://www.seattletimes.com"
_AP_FOOTER = re.compile(r"^[^\n]{0,200}?\bthe\s+(?P<name>AP|Associated\s+Press)\s+is\s+solely\s+responsible\s+for"
                        r"\s+all\s+"
                        r"content\.?\s*$", re.I)
_CNN_WIRE = re.compile(r"^\s*(?P<name>The-CNN-Wire)\b", re.I)
_MEMBER_EXCHANGE = re.compile(r"^\s*this\s+is\s+an?\s+(?P<list>AP\s+member\s+exchange\s+(?:story\s+)?shared\s+by\s+"
                              r"[^.\n]{2,60})"
                              r"\.?\s*$", re.I)
_INFORMATION_FROM = re.compile(r"^\s*information\s+from\s*:\s*(?P<list>[^,\n]{2,60})", re.I)
# "Reporting by The Associated Press." (not Reuters' sign-off with its editors, ``_SIGN_OFF``)
_REPORTING_BY = re.compile(r"^\s*(?:additional\s+)?reporting\s+(?:by|from)\s+(?P<list>[^;()\n]{2,80}?)\s*\.?\s*$", re.I)
# "Contributing: Michael Collins; the Associated Press" (USA TODAY's line under its stories): writers and outlets
# (a paper's place in brackets: "Jane Roe, Pensacola (Fla.) News Journal; WWL-TV, New Orleans; The Associated Press")
_CONTRIBUTING = re.compile(r"^\s*contributing\s*:\s*(?P<list>[^\n]{2,240}?)\s*\.?\s*$", re.I)
# a sentence before the credit on its line: "Jane Roe is a senior editor. This article appears in ..."
SENTENCE_BEFORE = r"(?:[^\n]{0,200}?[.!?]\s+)?"
# the outlet's print issue ("This article appears in the December 5, 2016, issue of National Review."), a link to the
# rest of a republished piece ("Click for more from Reuters.", "To continue reading Jane Roe's column in the New York
# Post, click here.")
_ISSUE_OF = re.compile(r"^" + SENTENCE_BEFORE + r"\s*this\s+(?:(?:article|story|piece|essay|column|review)\s+)?"
                       r"(?:appears|appeared)\s+in\s+the\s+[^\n]{0,40}?\bissue\s+of\s+"
                       r"(?P<name>[^\W\d_][\w.&'\u2019 -]{1,40}?)\s*\.?\s*$", re.I)
_MORE_FROM = re.compile(r"^\s*click\s+(?:here\s+)?(?:for|to\s+read)\s+more\s+(?:from|at)\s+(?:the\s+)?"
                        r"(?P<name>[^\W\d_][\w.&'\u2019 -]{1,40}?)\s*\.?\s*$", re.I)
_CONTINUE_READING = re.compile(r"^\s*to\s+continue\s+reading\b[^\n]{0,100}?\s(?:in|at|on)\s+(?:the\s+)?"
                               r"(?P<name>[^\W\d_][\w.&'\u2019 -]{1,40}?)(?=\s+(?:on|about|for)\b|\s*[,.])", re.I)
# a syndicated column's closing line: "To find out more about Jane Roe and read features by other Creators
# Syndicate writers and cartoonists, visit the Creators Syndicate website at www.creators.com." (after the writer's
# biography on its line, which may be long)
_OTHER_WRITERS = re.compile(r"^[^\n]{0,800}?\bread\s+features\s+by\s+other\s+(?P<name>[^\W\d_][\w.&' -]{1,40}?)\s+"
                            r"writers\s+and\s+cartoonists\b", re.I)
# (the forms that may follow a sentence on their line come before the copyright, which may too)
TAIL_FORMS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (_AGENCY_WRITERS, "trailing", "staff"), (_CONTRIBUTED, "trailing", "list"), (_REPORT_BY, "trailing", "name"),
    (_AP_FOOTER, "trailing", "name"), (_CNN_WIRE, "trailing", "name"), (_MEMBER_EXCHANGE, "inputs", "list"),
    (_INFORMATION_FROM, "trailing", "list"),
    (_DISTRIBUTED, "trailing", "name"), (_REPORTING_BY, "trailing", "list"), (_CONTRIBUTING, "trailing", "list"),
    (_ISSUE_OF, "trailing", "name"), (_MORE_FROM, "trailing", "name"), (_CONTINUE_READING, "trailing", "name"),
    (_OTHER_WRITERS, "trailing", "name"), (_COPYRIGHT, "trailing", "name"),
    (_WITH_LINE, "inputs", "list"), (_KO_COPYRIGHT, "trailing", "name"), (SOURCE_ITEM, "trailing", "site"),
    (_OUTLET_WRITERS, "trailing", "name"),
)
# the forms whose frame says that the name is the outlet that published the text ("Distributed by", "Click for more
# from", "appears in the ... issue of"): a site the lexicon does not know is credited by its domain ("Click for more
# from Watchdog.org"; not any name: "Click for more from Media Buzz" is the site's own column; a person's name
# "contributed to this report", a company holds a "Copyright")
NAMING_FORMS = frozenset({_REPORT_BY, _DISTRIBUTED, _ISSUE_OF, _MORE_FROM, _CONTINUE_READING})
# the words (lower case) that every match of a tail form whose start may lie past other text holds, for a cheap look
# before the pattern scans the line
TAIL_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _COPYRIGHT: ("copyright", "(c)", "\u00a9", "\u24d2"), _AP_FOOTER: ("solely responsible",),
    _DISTRIBUTED: ("distributed",), _ISSUE_OF: ("issue of",), _OTHER_WRITERS: ("cartoonists",),
}
