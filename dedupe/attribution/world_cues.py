"""Context rules of the wire languages beyond the Latin script: Russian, Arabic, Chinese, Japanese, Korean and
Hindi. ``cues`` tries them only where a mention's context holds a letter of one of these scripts."""

from __future__ import annotations

from dedupe.attribution.cue_rule import Rule
from dedupe.attribution.cue_rule import left_of as _left
from dedupe.attribution.cue_rule import right_of as _right

# Russian: "сообщает агентство ТАСС", "ТАСС сообщил", "по данным РИА Новости", "со ссылкой на «Интерфакс»"; the dative
# of one who speaks to it is a venue ("заявил ТАСС", "рассказал в интервью РБК")
_RU_DESCR = r"(?:(?-i:[а-яё]+)\s+){0,3}?"
_RU_REPORTS = (r"сообщает|сообщают|сообщило|сообщила|передает|передаёт|передало|передала|пишет|писало|писала|"
               r"написало|написала|отмечает|отметило|отметила|уточняет|уточнило|уточнила|информирует|цитирует|"
               r"цитировало|цитировала|утверждает|опубликовало|опубликовала|публикует|выяснило|выяснила|узнало|узнала")
_RU_SAID_TO = (r"(?:заявил[аи]?|сказал[аи]?|рассказал[аи]?|сообщил|пояснил[аи]?|ответил[аи]?|признал(?:ся|ась|и)|"
               r"подтвердил[аи]?)\s+(?:в\s+(?:интервью|беседе\s+с)\s+)?|в\s+(?:интервью|беседе\s+с)\s+")
# Arabic: "ذكرت وكالة رويترز", "وفقا لوكالة رويترز", "نقلا عن ..."; "قال لوكالة رويترز" (to it) is a venue
_AR_DESCR = (r"(?:(?:وكالة|وكالات|صحيفة|قناة|شبكة|موقع|مجلة|إذاعة|تلفزيون|التلفزيون|الأنباء|للأنباء|أنباء|الرسمية|"
             r"الإخبارية)\s+){0,3}")
_AR_MEDIUM = r"(?:وكالة|صحيفة|قناة|شبكة|موقع|مجلة|إذاعة)?"
# Chinese, Japanese and Korean write no spaces: the cue touches the name ("据新华社报道", "ロイター通信によると",
# "연합뉴스에 따르면"); speaking to it is a venue ("接受新华社采访", "AFPの取材に", "연합뉴스와의 인터뷰"). (Japanese
# "NHK報道" is "NHK's reporting", a noun: Chinese writes the verb 报道 or 報導.)
_CJK_MEDIUM = r"(?:通信社?|新聞社?|テレビ|放送|通讯社|电视台|통신|신문|방송)?"
WORLD_VENUES: tuple[Rule, ...] = (
    Rule("venue", "venue", left=_left(r"\b(?:" + _RU_SAID_TO + r")(?:агентству|газете|изданию|телеканалу|радиостанции|"
                                      r"порталу|информагентству)?\s*")),
    Rule("venue", "venue", left=_left(r"\b(?:في\s+(?:مقابلة|حديث|تصريحات?|لقاء)\s+(?:مع\s+|ل)|"
                                      r"(?:و)?(?:قال|قالت|صرح|"
                                      r"صرحت|أكد|أكدت|أوضح|أوضحت)\s+(?:\S+\s+){0,3}?ل)" + _AR_MEDIUM + r"\s*"
                                      + _AR_DESCR)),
    Rule("venue", "venue", left=_left(r"(?:告诉|告訴)\s*")),
    Rule("venue", "venue", left=_left(r"(?:接受|对|向|對)\s*"),
         right=_right(r"(?:记者|記者)?[^，。,]{0,6}?(?:采访|專訪|专访|採訪|表示|说|說|透露|证实)")),
    Rule("venue", "venue", right=_right(_CJK_MEDIUM + r"(?:の取材に|のインタビューに|に語った|に対し|に明らかにした|"
                                        r"와의\s*(?:인터뷰|통화)|과의\s*(?:인터뷰|통화)|에\s*(?:밝혔|말했))")),
    # Hindi: "... ने एएनआई को बताया" (told ANI), "... से कहा"
    Rule("venue", "venue", right=_right(r"\s*(?:से\s+(?:कहा|बात\s+की|बातचीत\s+में)|को\s+(?:बताया|दिए\s+(?:एक\s+)?"
                                        r"(?:इंटरव्यू|साक्षात्कार)))")),
)
WORLD_SOURCES: tuple[Rule, ...] = (
    Rule("citing", "source", left=_left(r"\bсо\s+ссылкой\s+на\s+" + _RU_DESCR + r"|\bنقلا?ً?\s+عن\s+" + _AR_DESCR
                                        + r"|(?:援引|引述|转引|轉引)\s*")),
    Rule("according-to", "source", left=_left(
        r"\b(?:по\s+(?:данным|информации|сведениям|сообщению)|согласно|как\s+(?:сообщает|сообщил[аио]?|передает|"
        r"передаёт|пишет|писал[аио]?|отмечает|уточняет))\s+" + _RU_DESCR + r"|"
        r"\b(?:وفقا|وفقاً|طبقا|طبقاً)\s+ل" + _AR_MEDIUM + r"\s*" + _AR_DESCR + r"|\b(?:و)?(?:حسب|بحسب)\s+"
        + _AR_MEDIUM + r"\s*" + _AR_DESCR + r"|(?:据|據|根据|根據)\s*")),
    Rule("inline-verb", "source", left=_left(
        r"\b(?:" + _RU_REPORTS + r")\s+" + _RU_DESCR + r"|"
        r"\b(?:و)?(?:ذكرت|أفادت|قالت|نقلت|أوردت|نشرت|بثت|أعلنت|كشفت|أشارت|تقول|تذكر|ذكر|أفاد|نقل|أورد|نشر|بث|كشف)\s+"
        + _AR_MEDIUM + r"\s*" + _AR_DESCR)),
    Rule("inline-verb", "source", right=_right(
        r"\s*,?\s*(?:" + _RU_REPORTS + r"|сообщил|передал|написал|отметил|уточнил|опубликовал|выяснил|"
        r"узнал)\b|"
        + _CJK_MEDIUM + r"(?:记者|記者)?(?:报道|报导|報導|消息|称|稱|说|指出|表示|援引|发布|披露|报告|透露|"
        r"获悉|证实|发表|刊登|评论|电|電|によると|によれば|が報じた|は報じた|が伝えた|は伝えた|の報道によると|"
        r"の報道によれば|が報道|"
        r"의\s*보도에\s*따르면|에\s*따르면|(?:은|는|이|가)\s+(?:\S+\s+){0,6}?(?:보도했|전했))|"
        r"\s*(?:की\s+(?:एक\s+)?(?:रिपोर्ट|ख़बर|खबर)\s+)?(?:के\s+(?:मुताबिक़?|अनुसार)|ने\s+(?:बताया|कहा|रिपोर्ट\s+(?:किया|दी)|"
        r"ख़बर\s+दी|खबर\s+दी|दावा\s+किया|लिखा|जानकारी\s+दी))")),
)
