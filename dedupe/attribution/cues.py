"""Context rules that decide the role of an outlet mention inside a sentence.

Each rule looks at the text left of the mention (anchored at its end) or right of it (anchored
at its start) and yields (form, role). Rules are tried in order; the first that fires decides.
"""

from __future__ import annotations

import re

from dedupe.attribution.cue_rule import Rule
from dedupe.attribution.cue_rule import left_of as _left
from dedupe.attribution.cue_rule import right_of as _right
from dedupe.attribution.world_cues import WORLD_SOURCES, WORLD_VENUES

_I = re.IGNORECASE
# words between a cue and the outlet ("reported by the Russian news agency TASS"); a second article opens another noun
# phrase ("released by the Trump campaign the AP report ...")
_DESCR = r"(?:(?:the|a|an)\s+)?(?:(?!(?:the|a|an)\s)[\w'\u2019.-]+\s+){0,5}?"
# words that say what the outlet is, with no clause among them: "by the conservative website X"
_PLAIN_DESCR = (r"(?:(?:the|a|an)\s+)?(?:(?!(?:the|a|an|of|for|that|on|in|at|about|to|with|from|by|and|or|but|as|like|"
                r"including|such)\b)"
                r"[\w'\u2019.-]+\s+){0,5}?")
# after "said": "said the Russian news agency X", not "said of life before X" or "said that X, ..."
_AFTER_VERB = (r"(?:(?!(?:of|before|after|about|to|in|at|on|with|for|from|into|over|than|like|that|whether|if|how|why|"
               r"what|when|while|because|as|and|but|or)\b)[\w'\u2019.-]+\s+){0,5}?")
# German verbs of reporting, after the outlet ("wie die FAZ schreibt") or before it ("berichtete der Spiegel")
_DE_REPORTED = (r"berichtete|berichtet|meldete|meldet|schrieb|schreibt|enth\u00fcllte|ver\u00f6ffentlichte|erfuhr|"
                r"erf\u00e4hrt")
_VERBS = (r"(?:reported|reports|said|says|announced|added|stated|wrote|writes|claimed|claims|noted|notes|confirmed|"
          r"broadcast(?!\s+(?:set|studio|booth|truck|cent(?:er|re)|rights|partner))|aired|published|publishes|quoted|"
          r"cited|carried|showed|shows|revealed|reveals|disclosed|tweeted|tweets|tweeting|"
          r"posted|described|describes|quoting|citing|found(?!\s+itself)|finds|learned|has\s+learned|obtained|ran|runs|"
          r"called|calls|characteri[sz]ed|characteri[sz]es|dubbed|dubs|labell?ed|branded|termed|"
          # "as the Washington Post laid out", "The Journal report cites ...", "the Times cast Clinton as ..."
          r"laid\s+out|lays\s+out|spelled\s+out|outlined|outlines|cites|specifies|specified|compares|compared|"
          r"cast(?=\s+[^.;]{1,60}?\bas\b)|portrayed|portrays|painted|agrees(?!\s+to\b)|agreed(?!\s+to\b)|"
          r"estimated|estimates|lists(?!\s*[(.,;:])|listed|"
          r"puts?(?!\s+together)|pegged|spotted|"
          # "with Axios reporting late last month that ...", Spanish and Portuguese "encontró", "descubrió"
          r"reporting(?=[^.;]{0,40}\bthat\b)|"
          # the report told in the past: "Delaware's News Journal would later report that ..."
          r"would\s+(?:(?:later|also|soon|first|eventually|subsequently)\s+)?(?:go\s+on\s+to\s+)?"
          r"(?:report|reveal|disclose|publish|confirm)\b|"
          r"encontr[óo]|descubri[óo]|constat[óo]|verific[óo]|afirm[óo]|asegur[óo]|"
          r"encontrou|descobriu|constatou|afirmou|a\s+(?:trouv[ée]|d[ée]couvert|constat[ée]|affirm[ée])|"
          r"ha\s+(?:scoperto|trovato|verificato)|"
          r"counted|calculated|"
          r"concluded|determined|discovered|uncovered|investigated|investigates|analy[sz]ed|surveyed|"
          r"covered|covers|detailed|details|documented|exposed|highlighted|explained|explains|observed|"
          r"pointed\s+out|points\s+out|argued|argues|insisted|suggested|suggests|predicted|projected|projects|"
          r"declared|declares|editorialized|endorsed|blared|headlined|headlines|first\s+reported|"
          r"broke\s+(?:(?:the|a|an|another|its)\s+)?(?:(?-i:[a-z]+)\s+)?(?:news|story|scoop)|underlined|underscored|"
          r"concludes|implies|implied|"
          # "China Daily accused the administration of ...", not "CNN accused of bias"; "Bloomberg summed up the
          # result"; "..., the CNN website read."
          r"accused(?!\s+of\b)|accuses(?!\s+of\b)|summed\s+up|sums\s+up|read(?=\s*[.,;:!?]|\s*$)|"
          # an outlet's verdict in its own pages ("Der Spiegel urged on its cover", "The Times chastised the media"),
          # not one it suffers ("CNN was criticized for ...", "slammed by")
          r"(?:urged|urges|chastised|criticized|criticised|slammed|blasted|praised|breaks\s+down|broke\s+down)"
          r"(?!\s+(?:for|by)\b)|admits|admitted|acknowledges|acknowledged|concedes|conceded|affirms|affirmed|adds|"
          # "with Fox News and NBC News calling the race for the Vermont senator": an election projection
          r"(?:calling|called|calls)\s+the\s+(?:race|state|contest|primary|election)|"
          r"was\s+first\s+to\s+report|(?:is|are|was|were|(?:had|has|have)\s+been)\s+(?:now\s+)?(?:reporting|claiming|saying|"
          r"projecting|predicting|"
          r"estimating)|has\s+reported|had\s+reported|has\s+said|unearthed|had\s+unearthed|has\s+unearthed|"
          r"identified|noticed|queried|responded|ranked|rated|shot\s+back|pointed\s+to|"
          r"has\s+run|has\s+published|has\s+found|has\s+obtained|has\s+confirmed|has\s+revealed|has\s+released|"
          r"announces|confirms|released|releases|indicated|indicates|mentioned|mentions|commented|comments|deemed|deems|"
          r"examined|examines|traced|traces|told|tells|warned|warns|cautioned|"
          # the same in the wire languages: "wie die Nachrichtenagentur dpa berichtete", "la agencia EFE inform\u00f3"
          + _DE_REPORTED + r"|zufolge|inform\u00f3|report\u00f3|public\u00f3|a\s+rapport\u00e9|rapporte|"
          r"riferisce|ha\s+riferito|informou|noticiou|publicou|"
          # "wie die FAZ schreibt", "Le Monde r\u00e9v\u00e8le qu'", "El Pa\u00eds revel\u00f3", "la Repubblica scrive"
          r"r\u00e9v\u00e8le|a\s+r\u00e9v\u00e9l\u00e9|r\u00e9v\u00e9lait|"
          r"indique|a\s+indiqu\u00e9|revel\u00f3|se\u00f1al\u00f3|escribi\u00f3|scrive|ha\s+scritto|rivela|ha\s+rivelato|"
          r"revelou|escreveu|scriveva|riportava|rivelava|riferiva|"
          # Polish: "Portal CNN podawa\u0142, \u017ce ...", "Agencja Associated Press poda\u0142a"
          r"podaje|poda\u0142[aoy]?|podawa\u0142[aoy]?|poinformowa\u0142[aoy]?|informuje|pisze|napisa\u0142[aoy]?)")
# a month or a year right after the outlet, no comma before its verb: "CBS News in March also found", "The Times in
# 2015 reported" (not "... moderated Meet the Press in 2008, said in an interview": a clause ends at the comma)
_WHEN = (r"(?:\s+in\s+(?:(?-i:January|February|March|April|May|June|July|August|September|October|November|"
         r"December)(?:\s+\d{4})?|(?:19|20)\d\d|"
         # a place: "The Associated Press in Damascus said"
         r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\s+(?=(?-i:[a-z])))?")
_BETWEEN = (r"(?:(?:news\s+(?:agency|organi[sz]ation|service|outlet|network|channel)|wire\s+service|agency|"
            r"(?:newspaper|paper|tabloid|daily|magazine|website|site|network|channel|broadcaster|station|outlet)|"
            r"editorial\s+board|also|earlier|later|quickly|first|previously|recently|originally|exclusively|has|had|have|since|now|"
            r"just|"
            r"on\s+\w+|today|yesterday|"
            r"however|though|too|even|then|in\s+turn|for\s+one|(?-i:[a-z]+ly)|each|both|all|nevertheless|nonetheless|"
            # "After CNN and other outlets reported that ..."
            r"and\s+other\s+(?:news\s+)?(?:outlets|media|networks|publications|papers|news\s+organi[sz]ations)|"
            r"in\s+an?\s+(?:report|statement|dispatch|bulletin|commentary|editorial)|late\s+\w+|\w+day|at\s+the\s+time|"
            r"(?:last|this|earlier\s+this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)|"

            r"k\u00fcrzlich|zuletzt|j\u00fcngst|bereits|damals|gestern|heute|auch|zuerst|"
            r"am\s+(?-i:[A-Z][a-z\u00e4\u00f6\u00fc]+)|"  # "am Dienstag berichtete"
            r"\d{1,2}(?=\s+(?-i:[a-z])))\s*,?\s*){0,3}")  # a station's channel: "Fox 6 reports", "NBC 4 reported"


# "according to" in the wire languages: "laut der Nachrichtenagentur Reuters", "nach Angaben der Agentur Tass",
# "según la agencia EFE", "selon l'AFP", "d'après Le Monde", "secondo l'ANSA", "segundo a Lusa"
_ACCORDING_TO_ML = (r"(?:laut|gem[\u00e4a]\u00df|nach\s+(?:angaben|informationen|berichten|recherchen)|seg[\u00fau]n|"
                    r"de\s+acuerdo\s+con|selon|d['\u2019]apr[\u00e8e]s|secondo|stando\s+a|segundo|de\s+acordo\s+com)")
# a piece of the outlet's between the cue and the outlet: "laut einem Bericht der Zeitung", "seg\u00fan un art\u00edculo
# de", "selon une d\u00e9p\u00eache de l'AFP", "secondo un articolo del"; and reading a text in it: "peut-on lire dans
# Le Monde", "on apprend via l'AFP"
_ML_WORK = (r"(?:(?:dem|einem|einer|der|des|den|el|un|una|la|le|une|il|uno|o|um|uma)\s+|l['\u2019])?"
            r"(?:(?-i:[a-z\u00e0-\u00ff]+)\s+)?"
            r"(?:Artikel|Bericht|Beitrag|Meldung|Kommentar|Rechercheverbund|art[\u00edi]culo|informe|reportaje|cable|"
            r"article|d[\u00e9e]p[\u00eae]che|enqu[\u00eae]te|articolo|servizio|reportagem|mat[\u00e9e]ria|not[\u00edi]cia)\w*\s+"
            r"(?:(?-i:[a-z\u00e0-\u00ff]+)\s+|(?:d|l)['\u2019]){0,3}?")
# ("seg\u00fan informa la agencia EFE", "secondo quanto riportato da", "wie aus einem Bericht der X hervorgeht")
_ML_READ_IN = (r"(?:(?:peut-on|on\s+peut)\s+(?:le\s+)?lire\s+dans|(?:on\s+)?(?:apprend|a\s+appris)\s+(?:via|par)|"
               r"seg\u00fan\s+(?:informa|inform\u00f3|publica|public\u00f3|recoge|recogi\u00f3|adelanta|adelant\u00f3|revela|"
               r"revel\u00f3)|secondo\s+quanto\s+(?:riportato|riferito|scritto|rivelato)\s+(?:da|dal|dalla|dall['\u2019])|"
               r"come\s+(?:riporta|riferisce|scrive|rivela)|"
               r"(?:wie\s+)?aus\s+(?:einem|dem)\s+(?:Bericht|Artikel|Beitrag)\s+(?:der|des|von|im|in\s+der))")
# verbs of speaking that never stand between an "according to" cue and its outlet ("seg\u00fan dijeron a El Pa\u00eds
# dos fuentes": the sources told the outlet, a venue)
_ML_SPEECH_VERB = (r"(?:dij\w*|declar\w*|cont\u00f3|contaron|explic\w*|asegur\w*|dit|ont|confi\w*|detto|"
                   r"disse\w*|sagte\w*|erkl\u00e4rte\w*)")
# someone speaks to an outlet, in the wire languages (the outlet is a venue)
_ML_SPOKE_TO = (r"(?:(?:dij(?:o|eron)|declar\u00f3|declararon|cont\u00f3|explic\u00f3|asegur\u00f3|afirm\u00f3|"
                r"inform\u00f3|informaron)\s+a|"
                r"en\s+declaraciones\s+a|en\s+(?:una\s+)?entrevista\s+con|"
                r"(?:sagte|sagten|erkl\u00e4rte|erkl\u00e4rten)(?:\s+(?:er|sie|es))?(?=\s+(?:der|dem)\s)|"
                r"(?:im|in\s+einem)\s+(?:Interview|Gespr\u00e4ch)\s+mit|"
                r"(?:a|ont)\s+(?:d\u00e9clar\u00e9|dit|confi\u00e9|expliqu\u00e9|affirm\u00e9)\s+(?:\u00e0|au)|"
                r"dans\s+un\s+entretien\s+(?:\u00e0|avec|au)|"
                r"(?:ha|hanno)\s+(?:detto|dichiarato|spiegato|raccontato)\s+(?:a|al|alla|all['\u2019])|"
                r"in\s+un['\u2019]intervista\s+(?:a|con|al|alla|all['\u2019])|"
                r"(?:disse|disseram|declarou|afirmou|contou)\s+(?:\u00e0|ao|a)|em\s+entrevista\s+(?:\u00e0|ao|a))")
# between such a cue and the outlet an article and at most two words that say what it is, in lower case as the
# Romance languages write them, or a German noun ("der britischen Zeitung", "la agencia estatal", "l'agence"); not a
# person's title ("seg\u00fan el vicepresidente de la ANP": the vice-president speaks)
_ML_DESCR = (r"(?:(?:der|des|dem|die|den|einem|einer|eines|el|la|los|las|le|les|il|lo|gli|o|a|os|as|un|una|une)\s+|"
             r"l['\u2019])?"
             r"(?:(?!" + _ML_SPEECH_VERB + r"\b)(?:(?-i:agencias?\s+de\s+(?:noticias|prensa)|"
             r"ag\u00eancias?\s+de\s+not\u00edcias|agences?\s+de\s+presse|agenzi[ae]\s+di\s+stampa)|"
             r"(?-i:[a-z\u00e0-\u00ff]+)|"
             r"(?-i:(?:[A-Z][a-z\u00e4\u00f6\u00fc\u00df]*)?"
             r"(?:[Aa]gentur|[Zz]eitung|[Ss]ender|[Mm]agazin|[Pp]ortal|[Bb]latt))|"
             r"(?-i:Bericht|Berichten|Informationen|Angaben|Meldung|Recherchen))\s+){0,2}?(?:l['\u2019])?")
# the names of one to five journalists: "Jane Roe", "Jane Roe, John Doe and Ann Lee"
_NAME = r"(?-i:[A-Z][\w.'\u2019-]*)(?:\s+(?-i:[A-Z][\w.'\u2019-]*)){0,3}"
_NAME_LIST = _NAME + r"(?:(?:\s*,\s*|,?\s+and\s+)" + _NAME + r"){0,4}"
_WORK = (r"(?:report|article|story|analysis|review|investigation|study|poll|survey|exit\s+poll|editorial|piece|"
         r"column|feature|tally|count|estimate|results|data|average|account|dispatch|interview|broadcast|segment)")
# an aggregator's "RealClearPolitics average" is its poll product; the "Dow Jones industrial average" is an index
_POLL = (r"(?:poll|survey|exit\s+polls?|analysis|review|study|"
         r"(?:polling\s+|rolling\s+)?(?<!industrial\s)average)")

# a person's name of two or three words, not an outlet's product named like one ("POLITICO's Battleground State polling
# average", "CNN's Reality Check team")
_PERSON = (r"(?-i:[A-Z][a-z][\w.'\u2019-]*)(?:\s+(?-i:[A-Z][\w.'\u2019-]*)){1,2}\b(?!\s+(?:poll|polling|survey|report|"
           r"analysis|average|index|ranking|rankings|list|tally|count|team|unit|desk|staff)\b)")

RULES: tuple[Rule, ...] = (
    Rule("venue", "venue", left=_left(
        r"\b(?:told|telling|tells|tell|speaking\s+to|spoke\s+to|speak\s+to|in\s+(?:an?\s+)?(?:exclusive\s+|separate\s+)?"
        r"interviews?\s+with|in\s+comments\s+to|(?:op-ed|column)\s+(?:for|in)|wrote\s+(?:for|in)|"
        r"interviewed\s+by|appearing\s+on|said\s+on|sat\s+down\s+with|"
        r"according\s+to\s+(?:(?-i:[a-z]+)\s+){0,2}?interviews\s+with)\s+(?:the\s+)?" + _DESCR)),
    Rule("venue", "venue", left=_left(
        r"\b(?:in|during)\s+(?:an?|the|his|her|their|its|one)\s+(?:[\w-]+\s+){0,3}?(?:interviews?|statements?|e-?mails?|"
        r"letters?|conversations?|calls?|op-eds?|opinion\s+pieces?|podcasts?|appearances?|posts?|messages?)\s+"
        r"(?:(?:appearing|published|provided|given|sent)\s+)?(?:with|to|on|for|in)\s+(?:the\s+)?" + _DESCR + r"|"
        r"\b(?:(?:spoke|speaking|speaks|talked|talking|talks)\s+(?:with|to)|"
        r"(?:wrote|writing|writes|blogging|blogs|blogged)\s+(?:in|for|to|at)|"
        # "As Courtney E. Martin reports in the New York Times" (a named writer's verb, not "reports in X", the noun)
        r"(?-i:[A-Z][\w.'\u2019-]*)\s+(?:reports|reported)\s+(?:in|for)|"
        r"said\s+(?:\w+\s+){0,3}?on|(?:provided|given|gave|sent|leaked|shown|showed|granted)(?:\s+\w+){0,2}?\s+to|"
        r"(?:wrote|writes|writing|penned|pens|published)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:op-eds?(?:\s+pieces?)?|opinion\s+pieces?|columns?|essays?|commentar(?:y|ies)|letters?)\s+(?:in|for|at|on)|"
        r"(?:contacted|reached|asked)\s+by|(?:appeared|appearing)\s+(?:on|in))\s+"
        r"(?:the\s+)?" + _DESCR)),
    # the same in the wire languages: "dijo a la agencia EFE", "sagte der Nachrichtenagentur dpa", "a déclaré à
    # l'AFP", "ha detto all'ANSA", "disse à Lusa", "en declaraciones a", "im Interview mit dem Spiegel"
    Rule("venue", "venue", left=_left(r"\b" + _ML_SPOKE_TO + r"\s*" + _ML_DESCR)),
    *WORLD_VENUES,
    # "the editors of The Advocate, who aimed their editorial at Clinton": the outlet's editors together, no one named,
    # are its editorial voice (not one journalist, below); not those someone speaks with or to ("an interview with
    # the editorial board of the Daily News": a venue)
    Rule("editors", "source", left=_left(
        r"^(?![\s\S]*\b(?:interview\w*|met|meeting|meets|sat\s+down|spoke|speaking|talked|talking|told|telling)\b)"
        r"[\s\S]*\bthe\s+(?:editors|editorial\s+(?:board|writers))\s+(?:of|at)\s+(?:the\s+)?" + _PLAIN_DESCR),
        # (an editorial act in the sentence: not "the editors of Variety both lost their jobs")
        right=_right(r"[^.;!?]*?\b(?:editorials?|wrote|writes|argued|argues|urged|urges|endorsed|endorses|said|says|"
                     r"declared|declares|warned|warns|called\s+(?:for|on))\b")),
    # "according to Washington Post columnist David Ignatius", "from New York Times columnist Paul Krugman": a named
    # journalist of the outlet, whatever cue is before the outlet
    Rule("affiliation", "venue", right=_right(
        r"\s+(?:(?-i:[a-z]+)\s+)?(?:columnist|reporter|correspondent|writer|editor|anchor|host|journalist|contributor|"
        r"analyst|commentator|producer|critic|staffer)s?\s+" + _PERSON)),
    # "per the New York Times's Michael D. Shear", "according to Politico's Ben Smith": the journalist is cited
    Rule("affiliation", "venue", left=_left(r"\b(?:according\s+to|per|citing|quoting)\s+(?:the\s+)?"),
         right=_right(r"(?:'s|\u2019s)\s+" + _PERSON)),
    # "his CNN comments", "their Fox News interview": the outlet names something of theirs, it does not speak
    Rule("mention", "subject", left=_left(r"\b(?:his|her|their|my|our|your)\s+"), cue=False),
    # "a columnist for the Italian newspaper X", "Melissa Cronin of Gawker": a journalist speaks, not the outlet
    Rule("affiliation", "venue", left=_left(
        r"\b(?:(?:columnist|correspondent|reporter|writer|editor|anchor|host|contributor|analyst|commentator|member|"
        r"producer|journalist|staffer|editorial\s+board)s?(?:-in-chief|-at-large)?\s+(?:" + _NAME + r"\s+)?"
        r"(?:for|at|with|of|on|in)|"
        # "Moss, who has done work for USA TODAY, said", "prominent figures from outlets including MSNBC"
        r"(?:works?|worked|working|done\s+work)\s+(?:for|at|with)|"
        r"(?:figures|personalities|hosts|anchors|journalists|reporters|staffers|employees|executives)\s+(?:from|at|of)"
        r"(?:\s+(?:outlets|networks|papers|newspapers)\s+(?:including|like|such\s+as))?|"
        # "Melissa Cronin of Gawker", "Adam Gabbatt, of The Guardian,", "Ross Douthat, now of the New York Times,"
        r"(?-i:[A-Z][a-z]+)(?:,?\s+of|,\s+(?:now|then|formerly|later)\s+(?:of|at|with)))\s+"
        r"(?:the\s+)?" + _DESCR)),
    # "Wallace, the head of Fox News, noted", "the polling guru who founded X", "Rebecca Leber at Mother Jones pointed
    # out": the outlet's people (no clause between: "an email from the president of a union obtained by X" is X's)
    Rule("affiliation", "venue", left=_left(
        r"\b(?:(?:head|chief|chairman|chairwoman|president|director|executive|publisher|owner)s?\s+(?:of|at)|"
        r"(?:co-?)?found(?:ed|er\s+of)|"
        r"(?-i:[A-Z][a-z]+\s+(?!(?:Project|Center|Centre|Institute|Lab|Team|Desk|Unit|School|University|Program|"
        r"Initiative|Foundation|Office|Next)\b)[A-Z][a-z]+)\s+at)\s+(?:the\s+)?" + _PLAIN_DESCR)),
    # "Bloomberg's Mark Gurman reported", "CNN's Jake Tapper said": a named journalist of the outlet speaks
    Rule("affiliation", "venue", right=_right(
        r"(?:'s|\u2019s|'|\u2019)\s+(?-i:[A-Z][a-z][\w.'\u2019-]*)(?:\s+(?-i:[A-Z][\w.'\u2019-]*)){1,2}\s+"
        r"(?:reported|reports|said|says|wrote|writes|tweeted|noted|added|told|explained|asked|found)\b")),
    # "according to public broadcaster RTBF and CNN affiliate RTL": the affiliate speaks, not the network
    Rule("affiliate", "subject", right=_right(r"\s+(?:affiliate|sister\s+station|partner\s+station)\b")),
    Rule("non-verification", "non-verification", right=_right(
        r"\s*(?:news\s+agency\s+)?(?:could\s+not|couldn't|cannot|can't|was\s+unable\s+to|were\s+unable\s+to|has\s+not|"
        r"hasn't|had\s+not|did\s+not|didn't|is\s+unable\s+to)\s+(?:yet\s+)?(?:immediately\s+)?(?:independently\s+)?"
        r"(?:verify|verified|confirm|confirmed|authenticate|authenticated)")),
    # ("An NPR/PBS NewsHour/Marist Poll last month found": up to three partners)
    Rule("poll", "source", right=_right(
        r"(?:'s|\u2019s)?\s*(?:(?:(?:/|-|\u2013|\s+and\s+)\s*[\w.&'\u2019 ]{1,30}?){1,3}\s+)?(?:news\s+)?(?:own\s+)?"
        r"(?:(?-i:[a-z0-9-]+)\s+){0,2}" + _POLL + r"s?\b")),
    # "The Washington Post conducted a 50-state poll": the outlet's poll (a source where the sentence gives figures)
    Rule("poll", "source", right=_right(
        r"\s+(?:(?-i:[a-z]+ly)\s+)?(?:conducted|commissioned|released|published|ran|sponsored|has\s+conducted)\s+"
        r"(?:a|an|its|the|this|their)\s+(?:[\w-]+\s+){0,3}?" + _POLL + r"s?\b")),
    # "a new poll from USA TODAY/Suffolk University found 40% ...", "in recent polls from Quinnipiac and Fox News":
    # the outlet's poll (a source where the sentence gives figures)
    Rule("poll", "source", left=_left(r"\b" + _POLL + r"s?\s+(?:from|by)\s+(?:the\s+)?" + _DESCR)),
    # "The survey was conducted for AP and the television networks by Edison Research": the outlet's poll
    Rule("poll", "source", left=_left(
        r"\b(?:poll|survey|exit\s+poll)s?\s+(?:was|were|is|are|has\s+been)\s+(?:conducted|carried\s+out|done|taken|"
        r"commissioned)\s+(?:\w+\s+)?for\s+(?:the\s+)?" + _DESCR)),
    # "the AP delegate count", "Bloomberg estimates put him at ...": the outlet's figure is named, not reported; with
    # an object after it ("Bloomberg estimates Mr. Kamprad's fortune at ...") "estimates" is the outlet's verb
    Rule("poll-negative", "subject", right=_right(
        r"\s*(?:/\s*[\w-]+\s+|-\w+\s+)?(?:tally|count|calculations?|index|ranking|estimates?"
        r"(?!\s+(?:the|a|an|his|her|its|their|that|(?-i:[A-Z])|\$|\d)))\b")),
    # "footage released by KRT showed", "eerie video credited to Reuters/Libya showed", "according to audio provided by
    # Wyoming Public Radio"
    Rule("visual", "source", left=_left(
        r"\b(?:footage|images?|videos?|pictures?|photos?|photographs?|satellite\s+imagery|audio|recordings?)\s+"
        r"(?:(?:released|published|broadcast|aired|shown|distributed|provided|posted|carried|obtained)\s+by|from|"
        r"credited\s+to)\s+(?:the\s+)?" + _DESCR)),
    # "Read the rest of the story at X": a link, no content
    Rule("link", "subject", left=_left(
        r"\b(?:read|see|watch|listen\s+to|continue\s+reading)\s+(?:the\s+)?(?:(?:rest|remainder)\s+of\s+the\s+|full\s+|"
        r"whole\s+|original\s+|more\s+)?(?:story|article|report|piece|interview|coverage)?\s*(?:at|on|in|from)\s+(?:the\s+)?$")),
    # "a town hall broadcast by CNN": the candidates speak at an event the outlet hosts; "X said in a report in the
    # Times": X speaks, the newspaper carries it
    Rule("venue", "venue", left=_left(
        r"\b(?:debate|town\s+hall|forum|event|rally|show|program|programme|special)s?\s+(?:(?-i:[a-z]+)\s+)?"
        r"(?:broadcast|hosted|aired|televised|moderated|sponsored|streamed)\s+(?:by|on)\s+(?:the\s+)?" + _DESCR + r"|"
        r"\b(?:said|says|told|wrote|argued)\s+in\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:report|article|story|piece)\s+"
        r"(?:in|by|from|on|for)\s+(?:the\s+)?" + _DESCR)),
    # an embedded post signed "... \u2014 The Daily Beast (@thedailybeast) June 29, 2016": the outlet's own words
    Rule("tweet", "source", left=_left(r"[\u2014\u2013-]\s*(?:the\s+)?"), right=_right(
        r"\s*\(@\w{1,30}\)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}")),
    Rule("as-reported-by", "source", left=_left(
        r"\b(?:as\s+)?(?:reported|quoted|cited|carried|broadcast|published|confirmed|announced|aired|conducted|"
        r"commissioned|compiled|released|uncovered|estimated|identified|introduced|broken|calculated|tallied|counted|polled|"
        r"spotted|flagged|noticed|characteri[sz]ed|portrayed|labell?ed|dubbed)\s+"
        r"(?:earlier\s+)?by\s+(?:the\s+)?" + _DESCR + r"|"
        # "..., and detailed in the Charlotte Observer", "as first reported in The Times"
        r"\b(?:as\s+)?(?:first\s+)?(?:reported|detailed|described|outlined|documented|surfaced)\s+in\s+(?:the\s+)?"
        + _DESCR + r"|"
        # its journalists named first: "As reported by Jane Roe and John Doe in Politico"
        r"\bas\s+(?:first\s+)?reported\s+by\s+" + _NAME_LIST + r"\s+(?:in|at|of|for)\s+(?:the\s+)?")),
    # "The Associated Press is out with a story this week headlined ...", "Politico is out with a new poll"
    Rule("report-that", "source", right=_right(
        r"\s+(?:is|was|are|were)\s+out\s+(?:today\s+|again\s+)?with\s+(?:an?|its)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:report|story|article|poll|survey|analysis|investigation|piece)\b")),
    # the same in the Romance languages: "un comunicado recogido por EFE", "des \u00e9conomistes sond\u00e9s par
    # l'agence Bloomberg", "una notizia riportata dall'ANSA", "uma nota divulgada pela Lusa"; and "revelations by
    # newspaper X"
    Rule("as-reported-by", "source", left=_left(
        r"\b(?:(?:recogid|publicad|difundid|citad|divulgad|reportad|informad|encuestad)[oa]s?\s+(?:por|pel[oa])|"
        r"(?:rapport|publi|cit|diffus|relay|sond|interrog)[\u00e9e]e?s?\s+par|"
        r"(?:riportat|pubblicat|diffus|citat|rilanciat|sondat)[oaie]\s+(?:da|dal|dalla|dai|dagli|dall['\u2019]))"
        r"\s*" + _ML_DESCR + r"|"
        # (not the site's credit of its journalists: "With reporting from NPR correspondent Jane Roe")
        r"\b(?:revelations?|disclosures?|findings|(?<!with\s)reporting)\s+(?:published\s+)?(?:by|from)\s+(?:the\s+)?"
        + _DESCR)),
    # "In a New York Times story Thursday night, allies of Comey said ...": the sentence tells the outlet's piece (not
    # its writer's: "In a recent New Yorker article, Jane Mayer profiled ...", a venue)
    Rule("report-in", "source", left=_left(r"^\W*in\s+(?:an?|the|its|this|that)\s+(?:(?-i:[a-z]+)\s+)?"),
         right=_right(r"(?:'s|\u2019s)?\s+(?:report|story|article|investigation|analysis|expos\u00e9|expose|scoop)\b"
                      r"(?![^,.;]{0,40},\s*(?-i:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+)\s+(?-i:[a-z]+ed|wrote|writes|"
                      r"reports|says)\b)")),
    # "a letter obtained by The Associated Press": the outlet reports what it holds (in its own article: its own work)
    Rule("obtained-by", "source", left=_left(
        r"\b(?:obtained|seen|reviewed|received|acquired)\s+(?:exclusively\s+)?by\s+(?:the\s+)?" + _DESCR)),
    # (the piece in lower case, no clause between it and the outlet: not "The Right Scoop on Monday that MSNBC ...",
    # "articles on the Biden theory for the Hill")
    Rule("report-in", "source", left=_left(
        r"\b(?:an?|the|its|this|that|these|those|several|two|three|four|five|\d+)\s+(?:[\w\"\u201c\u201d-]+\s+){0,3}?"
        r"(?-i:report|article|story|analysis|investigation|editorial|piece|"
        r"review|dispatch|exclusive|scoop)s?[\"\u201d]?\s+(?:by|in|from|on|at)\s+(?:the\s+)?" + _PLAIN_DESCR + r"|"
        # "even earning editorials from The New York Times and The Washington Post": a plural needs no article
        r"\b(?-i:reports|articles|stories|editorials|investigations|dispatches)\s+(?:by|in|from)\s+(?:the\s+)?"
        + _PLAIN_DESCR)),
    # "Via the New York Times' Upshot calculator, that lowered their odds to 49%": a sentence opening with its source
    Rule("according-to", "source", left=_left(r"^\W*(?:via|per)\s+(?:the\s+)?"),
         right=_right(r"(?:(?:'s|\u2019s|'|\u2019)\s+[^,;:.]{1,60}?)?\s*,\s+\S")),
    # "From Bloomberg:", "Via The Hill:": a line that introduces the block quoted from the outlet (claims.py carries
    # the source into the next paragraph)
    Rule("lead-in", "source", left=_left(r"^\W*(?:from|via|per|courtesy\s+of)\s+(?:the\s+)?" + _DESCR), right=_right(
        r"(?:(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s*:\s*$")),
    # a line ending with the outlet its quotation below comes from: "Take this example from The New Yorker:"
    Rule("lead-in", "source", left=_left(r"\b(?:from|via)\s+(?:the\s+)?"), right=_right(r"\s*:\s*$")),
    # a roundup's line naming the outlet (and its writer) of the quotation below: "The New York Times (Jane Roe):"
    Rule("lead-in", "source", left=_left(r"^\W*(?:the\s+)?"),
         right=_right(r"(?:\s*\(\s*" + _NAME_LIST + r"\s*\))?\s*:\s*$")),
    # a newsletter's digest item quoting an outlet's story, and its sign-off: "CHINA CHIPS \u2014 Bloomberg:
    # \u201cThe new rules ...", "\u2014 WSJ\u2019s Jane Roe and John Doe: \u201c...",
    # "... in February. \u2014 Bloomberg\u2019s Julian Lee"
    Rule("quote-item", "source", left=_left(r"(?:^\W*|[\u2014\u2013]\s*|\s-\s+)(?:the\s+)?"), right=_right(
        r"(?:(?:'s|\u2019s|'|\u2019)\s+" + _NAME_LIST + r"|\s*\(\s*" + _NAME_LIST + r"\s*\))?"
        r"\s*:\s*[\"\u201c\u201e\u00ab]")),
    Rule("quote-item", "source", left=_left(r"(?:^\s*|[.!?\"\u201d]\s+)[\u2014\u2013]\s*(?:the\s+)?"), right=_right(
        r"(?:'s|\u2019s|'|\u2019)\s+" + _NAME_LIST + r"\s*$")),
    Rule("headline", "source", left=_left(r"^\W*(?:the\s+)?"), right=_right(
        r"(?:\s+(?:editorial|poll|report|analysis|survey|exclusive))?\s*:\s+\S+(?:\s+\S+){3}")),
    # a German compound naming the outlet's piece: "aus dem FAZ-Artikel", "nach einer SZ-Recherche"
    Rule("report-in", "source", right=_right(r"-(?-i:Artikel|Bericht|Beitrag|Meldung|Recherchen?|Enth\u00fcllung|"
                                             r"Informationen|Angaben)")),
    Rule("report-that", "source", right=_right(
        r"(?:'s|\u2019s)?\s+(?:(?-i:[a-z]+)\s+)?(?:report|story|article|investigation|analysis|editorial|piece|"
        r"exclusive|scoop|discovery|revelation|finding|claim|assertion|allegation|contention|estimate)s?,?\s+"
        r"(?:that|titled|entitled|headlined|"
        r"which\s+(?:found|finds|showed|shows|said|says|revealed|reveals|notes|noted|"
        r"reported|reports)|saying|showing|finding|revealing|in\s+which|featuring|detailing|documenting|alleging|"
        r"claiming|describing)\b")),
    # "according to NBC documents": the company's own papers, not its reporting
    Rule("company-papers", "subject", left=_left(r"\baccording\s+to\s+(?:the\s+)?"), right=_right(
        r"(?:'s|\u2019s)?\s+(?:internal\s+|own\s+)?(?:documents|records|filings|memos?|e-?mails|contracts|"
        r"financial\s+statements)\b")),
    Rule("according-to", "source", left=_left(
        r"\b(?:according\s+to|as\s+(?:first\s+)?(?:reported|noted)\s+(?:in|by))\s+(?:the\s+|an?\s+)?" + _DESCR)),
    Rule("according-to", "source", left=_left(r"\b" + _ACCORDING_TO_ML + r"\s+" + _ML_DESCR)),
    # "in Forbes' words, ...", "in the words of The Economist"
    Rule("according-to", "source", left=_left(r"\bin\s+(?:the\s+)?"),
         right=_right(r"(?:'s|\u2019s|'|\u2019)\s+words\b")),
    Rule("according-to", "source", left=_left(r"\bin\s+the\s+words\s+of\s+(?:the\s+)?" + _DESCR)),
    Rule("according-to", "source", left=_left(
        r"\b(?:" + _ACCORDING_TO_ML + r"\s+" + _ML_WORK + r"|" + _ML_READ_IN + r"(?:\s+|(?<=['\u2019])))" + _ML_DESCR
        + r"[\u201e\u201c\"\u00ab]?\s*")),
    Rule("according-to", "source", left=_left(
        r"\baccording\s+to\s+[^,;:()\u201c\u201d\"]{0,80}?\b(?:" + _WORK + r")s?\s+"
        r"(?:[^,;:()\u201c\u201d\"]{0,40}?\s)?(?:by|in|from|of|for|on)\s+(?:the\s+)?" + _DESCR)),
    # "... Lynn said, via the Los Angeles Times": the words as the outlet reported them
    Rule("citing", "source", left=_left(r"(?:\b(?:citing|quoting|cited|per|(?:said|says|told|added|wrote)\s*,?\s+via)|"
                                        r"\(\s*via|[,;]\s*via)\s+"
                                        r"(?:the\s+)?" + _DESCR)),
    Rule("inline-verb", "source", left=_left(
        r"\b(?:reported|said|says|reports|added|adds|wrote|writes|announced|quoted|stated|notes|noted|observes|observed|asks|"
        r"explains|explained|berichtete|meldete|inform\u00f3|"
        r"rapporte|a\s+rapport\u00e9|riferisce|ha\s+riferito|informou)\s+(?:the\s+)?" + _AFTER_VERB
        + r"(?:l['\u2019])?"),
        # (the outlet's piece after it: "Said the NBC story, \u201c...")
        right=_right(r"(?:(?:'s|\u2019s)?\s+(?:(?-i:[a-z]+)\s+)?(?:report|story|article|editorial|dispatch))?"
                     r"\s*(?:on\s+\w+|in\s+an?\s+\w+|earlier|late\s+\w+)?\s*(?:[.,;:]|$)")),
    # a quotation, then the outlet's piece it is from: "... backed off," reads the Times report.
    Rule("inline-verb", "source", left=_left(r"\breads\s+(?:the\s+)?" + _AFTER_VERB), right=_right(
        r"(?:'s|\u2019s)?\s+(?:(?-i:[a-z]+)\s+)?(?:report|story|article|editorial|headline|piece|column|dispatch)"
        r"\s*(?:[.,;:]|$)")),
    # the outlet after its verb at the end of a clause: "..., so der Spiegel.", "..., rapporte Le Monde.",
    # "..., inform\u00f3 la agencia EFE.", "..., riporta l'ANSA."
    Rule("inline-verb", "source", left=_left(
        r"[,;]\s*(?:so|rapporte|r\u00e9v\u00e8le|indique|pr\u00e9cise|\u00e9crit|inform\u00f3|public\u00f3|"
        r"revel\u00f3|se\u00f1al\u00f3|inform[ao]u|noticiou|riporta|scrive|riferisce)\s+" + _ML_DESCR), right=_right(
        r"\s*(?:\([^()\n]{1,20}\))?\s*(?:[.;]|$)")),
    # German puts the verb before its subject: "Kurz danach ver\u00f6ffentlichte die Deutsche Presseagentur (dpa) eine
    # Meldung", "Am Montag berichtete der Spiegel, dass ..."
    Rule("inline-verb", "source", left=_left(
        r"\b(?:" + _DE_REPORTED + r"|zitierte)\s+"
        r"(?:die|der|das|den)\s+" + _ML_DESCR), right=_right(
        r"(?:\s*\([^()\n]{1,20}\))?\s*(?:[.,;:]|$|(?-i:am|im|in|unter|eine[nmr]?|ein|dass|zufolge|bereits|"
        r"k\u00fcrzlich|zuletzt|gestern|heute|online|aus)\b)")),
    # a quotation, then its source after the verb: "..., zitiert das Handelsblatt EPI-Chefin Martina Weimert",
    # "..., zitiert der Sender CNN eine ungenannte Person"
    Rule("inline-verb", "source", left=_left(r"[,;:]\s*zitiert(?:e|en)?\s+(?:die|der|das|den)\s+" + _ML_DESCR)),
    # German perfect, the participle at the end of the clause: "Die ARD hat f\u00fcr ihre Mediathek \u201e...\u201c
    # angek\u00fcndigt", "Der Spiegel hatte am Montag berichtet, dass ..."
    Rule("inline-verb", "source", right=_right(
        r"\s+(?-i:hat|hatte|haben|hatten)\s+[^.!?;\n]{0,120}?\b(?:berichtet|gemeldet|geschrieben|ver\u00f6ffentlicht|"
        r"enth\u00fcllt|angek\u00fcndigt|zitiert|aufgedeckt|recherchiert)\b")),
    # "X's correspondent said", "an X article published Friday found", "X reported"
    Rule("inline-verb", "source", right=_right(
        r"\s*(?:(?:'s|\u2019s)\s+(?:\w+\s+){0,2}?(?:correspondents?|reporters?|bureau|journalists?|dispatch|report|unit|"
        r"team|desk|staff|editorial\s+board|fact[\s-]checkers?|analysis|investigation|reporting|coverage|"
        r"(?:live\s+)?blog)\s+|"
        r"(?:(?-i:[a-z]+)\s+)?(?:report|article|story|analysis|investigation|editorial|study|piece|column|headline)s?\s+"
        r"(?:(?:published|released|posted|aired)\s+(?:(?:on|last|this|earlier)\s+)?(?:\w+\s+)?)?)?"
        + _WHEN + r"(?:,\s*)?" + _BETWEEN + _VERBS + r"\b")),
    # "Politico interviewed nearly 20 of his colleagues over the past week and found ...", "NPR, together with member
    # stations, looked at data from 3,000 counties and found ...": the outlet opens the sentence and finds
    Rule("inline-verb", "source", left=_left(r"^\W*(?:(?:but|and|so|then|now|meanwhile|still),?\s+)?(?:the\s+)?"),
         right=_right(r"(?:\s*,\s*(?:together|along)\s+with\s+[^;.]{1,120}?,)?\s+(?:interviewed|reviewed|examined|"
                      r"analy[sz]ed|surveyed|looked\s+(?:at|into)|tracked|contacted|studied|compared|combed|checked|did|"
                      r"asked|polled|obtained|crunched|counted|mapped|went\s+through)\b[^.;:]{0,150}?"
                      r",?\s+and\s+(?:found|learned|discovered|concluded|determined|identified|confirmed)\b")),
    # "The Boston Globe, which earlier reported an arrest, ...": the outlet's report in a relative clause
    # (a verb of reporting: "the Post, which has covered Mr. Trump critically" or "..., which argued" is about it)
    Rule("inline-verb", "source", right=_right(
        r"\s*,\s*which\s+" + _BETWEEN + r"(?:(?:has|had)\s+(?:been\s+)?)?(?:reported|reporting|broke|revealed|"
        r"published|ran|found|obtained|uncovered|disclosed|unearthed)\b")),
    # a teaser line ending with its outlet: "Manafort sought to hurt Clinton campaign in key states: NYT"
    Rule("headline", "source", left=_left(r"^[^\W_][^\n:]{20,}:\s+(?:the\s+)?"), right=_right(r"\s*$")),
    *WORLD_SOURCES,
)
_CITING_ASIDE = re.compile(r"^\s*,\s*(?:citing|quoting)\s+[^,]{1,90},", _I)
# "KCNA (the Korean Central News Agency) said", "Rodong Sinmun, the ruling party's newspaper, said"
# "Politico, in an extensive look at the campaign, described", "CNN, Cruz said, called",
# "the Post \u2014 even ... \u2014 observed"
_ASIDE = re.compile(r"^\s*(?:\([^()]{1,60}\)|\.(?:com|org|net)\b|"
                    r",\s*(?:(?-i:[a-z]+ly|hardly|not|never|once|now|still)\s+)?(?:the|a|an|its|their|which\s+is)\s+"
                    r"[^,;.]{1,70},|"
                    r",\s*in\s+(?:a|an|its|the|their|this|that)\s+[^,;.]{1,80},|"
                    # "Yedioth Ahronoth, Israel's biggest-selling newspaper, said"
                    r",\s*(?-i:[A-Z][\w.-]*)(?:'s|\u2019s)\s+[^,;.]{1,60},|"
                    r",\s*(?-i:[A-Z][\w.'\u2019-]*)(?:\s+(?-i:[A-Z][\w.'\u2019-]*)){0,2}\s+(?:said|says|added|noted|wrote),|"
                    r"\s*[\u2014\u2013]\s*[^\u2014\u2013\n]{1,80}?\s*[\u2014\u2013])", _I)
SOURCE_ROLES = frozenset({"source"})


# an opening quotation mark before the outlet's name: "Laut dem \u00abWall Street Journal\u00bb", "Nach
# \u201eTagesspiegel\u201c-Informationen", "die Nachrichtenagentur \"Wafa\""
# (and the corner or title brackets of Chinese and Japanese: "\u636e\u300a\u4eba\u6c11\u65e5\u62a5\u300b\u62a5\u9053")
_OPENING_QUOTE = re.compile(r"\s?[\u201e\u201c\"\u00ab\u201a\u2039\u300a\u300c\u300e]$")


_CLOSING_QUOTES = "\u201c\u201d\"\u00bb\u203a\u300b\u300d\u300f"


# the scripts of WORLD_VENUES and WORLD_SOURCES: each of their rules needs a letter of one of them, so a context
# without any is decided by the other rules alone (the same first rule, fewer searches)
_WORLD_SCRIPT = re.compile("[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                           "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff]")
_WORLD = frozenset(WORLD_VENUES) | frozenset(WORLD_SOURCES)
LATIN_RULES = tuple(rule for rule in RULES if rule not in _WORLD)


def decide(left: str, right: str) -> Rule | None:
    """The first rule that fires for a mention with this left and right context."""
    right_plain = _ASIDE.sub("", _CITING_ASIDE.sub("", right.lstrip(_CLOSING_QUOTES), count=1), count=1)
    left_plain = _OPENING_QUOTE.sub(" ", left)
    quoted = left_plain != left
    world = not (left.isascii() and right.isascii()) and (_WORLD_SCRIPT.search(left) or _WORLD_SCRIPT.search(right))
    for rule in RULES if world else LATIN_RULES:
        if rule.left is not None and not (rule.left.search(left) or (quoted and rule.left.search(left_plain))):
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
# "Russian media said", "Russia media reported", "Chinese newspapers reported": no outlet named, nor state-run
NATIONAL_MEDIA = re.compile(
    rf"\b(?P<nat>{_NAT})(?:'s|\u2019s)?\s+(?:news\s+)?(?:media|press|newspapers|television|tv|outlets)\b", _I)


def state_media_country(match: re.Match[str]) -> str:
    key = (match.group("nat") or match.group("nat2") or "").lower()
    return _NATIONALITIES.get(key, key.title())


_OUTLET_NOUN = (r"(?-i:(?:news\s+)?(?:report|broadcaster|channel|network|newspaper|paper|daily|outlet|magazine|station|"
                r"dispatch|bulletin|publication|poll|survey|column|editorial(?:\s+board)?))")
# "the agency said" only as a news agency: "the Chinese news agency", "the state agency", not "the customs agency"
_AGENCY_NOUN = rf"(?:(?:{_NAT})\s+)?(?:(?:state|state-run|official|national|news|wire)\s+)*(?:agency|wire\s+service)"
# "the congressional report said" is not an outlet's report
_NOT_MEDIA = (r"(?!(?:congressional|government|governmental|federal|official|police|military|intelligence|senate|"
              r"internal|annual|quarterly|court|judicial|audit|auditor|inspector|medical|scientific|academic|legal|"
              r"research|committee|panel|ministry|agency|department|commission|un|imf|company|corporate)\b)")
_ANAPHOR = (r"(?:" + _NOT_MEDIA + r"(?:(?-i:(?:[a-z]+|[0-9]+-[a-z]+)(?:-[a-z]+)*)|" + _NAT + r")\s+){0,2}?"
            + _OUTLET_NOUN + "|"
            + _AGENCY_NOUN)  # "the new 50-state poll", not "the 2009 paper"
ANAPHORA = re.compile(
    r"\b(?:the|that|this)\s+(?:" + _ANAPHOR + r")"
    r"(?:'s\s+(?:report|story|article|analysis|editorial(?:\s+board)?))?(?:\s*,[^,;\n]{1,80},)?"
    r"\s+(?:(?:also|later|further|previously|recently|then|(?-i:[a-z]+ly))\s+)?"
    r"(?:" + _VERBS + r"|urged|urges|admitted|admits|read|reads|continued|adds)\b|"
    r"\b(?:said|added|reported|according\s+to)\s+the\s+(?:" + _ANAPHOR + r")\b",
    _I)
_POLL_WORDS = r"(?:(?-i:[a-z0-9]+(?:-[a-z0-9]+)*)\s+){0,2}?(?:poll|survey)\b"
# "In the poll, Clinton's support rose 5 points", "39 percent in Monday's poll", "28 points in the same poll": figures
# (POLL_FIGURE, anywhere in the sentence) found in the poll named before
POLL_IN = re.compile(r"\b(?:in|from)\s+(?:the|that|this|(?-i:[A-Z][a-z]+day)(?:'s|\u2019s))\s+" + _POLL_WORDS, _I)
POLL_FIGURE = re.compile(r"\d\s*(?:%|percent\b|per\s+cent\b|-?points?\b)", _I)
# "A new national poll suggests ..." (used with .match at the sentence start), "according to a new nationwide poll":
# a poll the following sentences name
POLL_AHEAD_OPENING = re.compile(r"\W{0,3}(?:(?:a|an|the)\s+)?(?:new|latest|recent)\s+" + _POLL_WORDS, _I)
POLL_AHEAD_CUE = re.compile(r"\baccording\s+to\s+(?:a|an|the)\s+(?:new|latest|recent)\s+" + _POLL_WORDS, _I)
# "the Quinnipiac University poll", "a poll by Monroe College": a poll named by its (not an outlet's) name
NAMED_POLL = re.compile(r"(?-i:(?!(?:The|A|An|This|That|New|Latest|In|According)\b)[A-Z][\w.&'\u2019-]*)"
                        r"(?:[\s/-]+(?-i:[A-Z][\w.&'\u2019-]*)){0,5}\s+(?:poll|survey)\b|"
                        r"\b(?:poll|survey)\s+(?:by|from|of|for)\s+(?:the\s+)?(?-i:[A-Z])", _I)
# "The poll has bad news for Bush", "The new poll of voters in all 50 states revealed": a sentence opening with the
# poll named before states its finding (used with .match at the sentence start)
POLL_OPENING = re.compile(r"\W{0,3}(?:the|this|that)\s+(?:(?-i:[a-z0-9]+(?:-[a-z0-9]+)*)\s+){0,2}?(?:poll|survey)\b",
                          _I)
POLL_NOUN = re.compile(r"\b(?:poll|survey)\b", _I)
REPORT_NOUN = re.compile(r"\b(?:report|study)\b", _I)  # refers back only to an outlet named just before
# an outlet's analysis, review or study (not its poll) states what it found with any verb of reporting: "A CNN
# analysis of the channel has established that ...", "New York Times analysis described the debate as ..." (used with
# .match at the end of the outlet's name)
STUDY_STATES = re.compile(r"(?:'s|\u2019s)?\s+(?:(?-i:[a-z0-9-]+)\s+){0,2}?(?:analysis|review|study)"
                          r"(?:\s+(?:of|on|by|into)(?:\s+[\w'\u2019-]+){1,5}?)?\s*,?\s+" + _BETWEEN
                          + r"(?:(?:has|had|have)\s+)?(?:" + _VERBS + r"|established)\b", _I)
# a poll is the source of figures: a share, a count or a finding verb in its sentence
POLL_METHOD = re.compile(r"\b(?:was|were)\s+(?:conducted|taken|carried\s+out)|margin\s+of\s+(?:sampling\s+)?error|"
                         r"sampling\s+error|credibility\s+interval|can\s+be\s+(?:found|read|seen|viewed)", _I)
POLL_FINDING = re.compile(r"\d\s*(?:%|percent|per\s+cent|points?)|\b(?:found|finds|shows?|showed|shown|suggests?|"
                          r"suggested|indicates?|indicated|gave|gives|puts?|has\s+\w+\s+(?:leading|ahead|at)|"
                          r"led|leads?|trails?|trailed|(?:percentage\s+)?points|percent|majority|plurality|"
                          r"explores?|explored|underscores?|revealed|reveals?|"
                          # what an analysis finds: "The Intercept analysis linked the account to ..."
                          r"linked|links|identified|identifies|concluded|concludes|determined|traced|uncovered)\b", _I)
