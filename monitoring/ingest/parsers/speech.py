"""Who said what: direct, partial and indirect quotes and their speakers, found by rules.

The body is scanned once. Quoted passages are found first (a quote may run over several
paragraphs) and masked out, so that sentence splitting and the search for reporting verbs
never look inside what somebody said. Each sentence is then read around its first reporting
verb: the speaker to its left ("X said") or right (", said X"), and the reported content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .article import ParsedQuote, ParsedSpeaker
from .gazetteer import COUNTRY_ALIASES, ORGANIZATION_ALIASES
from .gender import HONORIFICS, gender_from
from .media import media_name, wire_lede
from .names import normalise_name

# --- vocabulary ---------------------------------------------------------------------------

_SPEECH_VERBS = (
    "said says say told tells noted notes added adds stressed stresses wrote writes urged urges "
    "warned warns expressed expresses announced announces stated states emphasized emphasised "
    "emphasizes emphasises explained explains insisted insists argued argues claimed claims asked "
    "asks declared declares reiterated reiterates acknowledged acknowledges admitted admits "
    "confirmed confirms recalled recalls replied replies responded responds reported reports "
    "suggested suggests underlined underlines highlighted highlights commented comments remarked "
    "remarks observed observes maintained maintains contended contends predicted predicts "
    "cautioned cautions complained complains conceded concedes denied denies promised promises "
    "pledged pledges vowed vows estimated estimates testified testifies tweeted tweets "
    "indicated indicates mentioned mentions assured assures informed informs disclosed discloses "
    "revealed reveals alleged alleges charged charges countered counters "
    "concluded concludes proposed proposes recommended recommends demanded demands "
    "acknowledged affirmed affirms asserted asserts announced lamented laments "
    "saying asking adding telling noting writing arguing explaining warning insisting declaring "
    "stressing urging continued continues "
    "boasted boasts bragged joked jokes quipped retorted retorts asserting tweeting claiming "
    "acknowledging conceding recounted recounts echoed "
    "exclaimed exclaims shouted shouts fumed fumes interjected interjects gushed gushes scoffed scoffs "
    "yelled yells mused muses sighed marveled marvelled marvels groaned whispered whispers muttered mutters "
    "pleaded pleads exclaiming shouting scoffing cautioning conceding"
).split()
_PHRASE_CUES = (
    "pointed out",
    "points out",
    "called for",
    "calls for",
    "went on to say",
    "made clear",
    "made it clear",
)
# Verbs that usually take a person as object before the content ("told reporters that").
_OBJECT_VERBS = {"told", "tells", "assured", "assures", "informed", "informs", "reminded", "reminds"}
# Nouns that are also reporting verbs: accepted only with a clear speaker next to them.
_NOUN_LIKE = {
    "states",
    "reports",
    "claims",
    "comments",
    "remarks",
    "notes",
    "charges",
    "estimates",
    "promises",
    "demands",
    "counters",
    "pledges",
    "vows",
    "boasts",
    "jokes",
    "retorts",
    "recounts",
}
# Verbs that report an evaluation rather than speech: enough for a partial quote only.
_PARTIAL_VERBS = (
    "called described dubbed termed labelled labeled branded hailed praised welcomed criticised "
    "criticized condemned rejected dismissed"
).split()

_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group"}
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it"}
_OUTLET_REPORTING = re.compile(
    r"\b(?:report|reports|reporting|article|story|editorial|analysis|investigation|coverage)\b"
)
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*")
_PRONOUN_WORDS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"}

_HONORIFICS = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Rev|Amb|Pres)\."
# "People's Renewal Party": a possessive that belongs to the name, not an owner before it.
COMMON_OWNERS = {"People", "Women", "Children", "Men", "Nation", "Farmer", "Worker", "Citizen", "Youth"}
# Words that make a capitalised run a place or region rather than a person's name.
PLACE_WORDS = set(
    "Africa Asia Europe America Americas Oceania Antarctica Arctic Caribbean Pacific Atlantic Ocean Sea "
    "Sahel Balkans Caucasus Gulf Middle East West North South Central Eastern Western Northern Southern "
    "Asian African European American Arab Latin River Lake Valley Mountains Island Islands Province Region "
    "Street Square Avenue Bay Strait Desert Basin Peninsula Coast Delta Highlands Soviet "
    "County Township Parish District Fort Mount Cape Beach Springs Heights Falls Harbor Harbour".split()
)
_HONORIFIC_WORDS = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr"}
_PARTICLES = r"(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|ibn|al|el|dos|das|ter|ten|y|zu|mac)"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"
_TOKEN = rf"(?:{_HONORIFICS}|St\.|(?:[A-Z]\.)+|(?:al|el|ad|as|ash|ar|bin)-[A-Z][\w'’-]*|{_CAP})"
NAME_RUN = rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLES}[ \t]+)*{_TOKEN})*"

# Capitalised words that start sentences or name times, never part of a speaker's name.
_NOT_NAME_WORDS = set(
    "On In At But And The A An After Before Later Earlier Meanwhile However Also Then When While "
    "Last This That These Those Speaking Asked Yet So Still Since As If Although Though Instead "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Today Yesterday Separately Overall Now "
    "Here There Some Many Most Several Both All Other Another Such What Who Which Where Why How "
    "It He She They We I You His Her Their Its Our My Your For From With Without By To Of Under "
    "Over Among Between Despite During Following Amid According Not No Everything Nothing Anything "
    "Something Everyone Nobody Anyone Someone".split()
)
TITLE_HEADS = set(
    "President Minister Secretary Ambassador Senator Chancellor Premier Governor Mayor Spokesman "
    "Spokeswoman Spokesperson Chairman Chairwoman Chair Director Director-General General "
    "Secretary-General Commissioner Envoy Representative Leader King Queen Prince Princess Pope "
    "Sheikh Emir Judge Justice Prosecutor Attorney Deputy Vice Chief Executive Officer CEO Head "
    "Speaker Adviser Advisor Counsel Admiral Commander Colonel Captain Lieutenant Lawmaker MP "
    "Congressman Congresswoman Councillor Councilor President-elect Foreign Prime Defence Defense "
    "Finance Interior Trade Health Economy Agriculture Energy Justice Labour Labor Education "
    "Environment Fisheries Transport Culture Home State Sen. Rep. Gov. Gen. Lt. Col. Adm. Amb. "
    "Pres. Sgt. Capt. Maj. Rev. Bishop Archbishop Cardinal Imam Rabbi Chairperson Founder "
    "Professor Prof. Dr. Mr. Mrs. Ms. Dr Mr Mrs Ms Economist Analyst Party Ruler Monarch "
    "Vice-President Vice-Chairman Deputy-Director Undersecretary Under-Secretary".split()
)
_TITLE_NOUNS = (
    "minister president prime minister foreign minister secretary ambassador senator chancellor "
    "premier governor mayor spokesman spokeswoman spokesperson chairman chairwoman chair director "
    "commissioner envoy leader king queen prince pope judge prosecutor chief executive head "
    "speaker adviser advisor general admiral commander lawmaker negotiator official diplomat "
    "mediator economist analyst professor president-elect secretary-general"
).split()

_GROUP_HEADS = (
    "officials official experts expert delegates delegate analysts analyst diplomats diplomat "
    "sources source residents resident critics critic observers observer lawmakers lawmaker "
    "legislators protesters ministers leaders participants organizers organisers witnesses "
    "witness police authorities activists activist economists scientists researchers "
    "negotiators negotiator representatives representative members member voters people "
    "spokespeople campaigners farmers fishermen fishers workers doctors investigators "
    "prosecutors officers aides aide advisers advisors insiders commentators students locals "
    "villagers traders executives executive envoys envoy governments donors groups parties "
    "countries nations citizens survivors families relatives soldiers troops rebels militants "
    "opponents supporters allies partners panelists attendees scholars academics historians "
    "journalists pollsters spokesman spokeswoman spokesperson sides side delegation delegations "
    "ministry government embassy agency statement report organizers successors predecessors "
    "agencies charities organisations organizations companies firms investors NGOs unions "
    "administrators teachers nurses miners employers employees owners shareholders bankers"
).split()
_GROUP_MODIFIERS = (
    "the some many several most other few a an one two three four five six seven eight nine "
    "ten eleven twelve dozens hundreds of both all senior top local foreign western regional "
    "government party military security independent leading unnamed anonymous two-day "
    "visiting opposition ruling key junior former current coastal provincial federal state "
    "national municipal city european african asian arab latin american their its his her aid "
    "humanitarian international"
).split()

_CHANNEL_NOUNS = (
    "video message|press conference|news conference|press briefing|news briefing|"
    "televised address|radio address|speech|address|statement|interview|message|briefing|"
    "post|tweet|letter|op-ed|article|communiqué|communique|memo|email|podcast|broadcast|remarks|"
    "report|editorial|column|essay|declaration|resolution|hearing|testimony|debate|lecture|"
    "conference call|phone call|call|video|blog post|social media post|commentary"
)

# --- compiled patterns ----------------------------------------------------------------------

_QUOTE_MARK = re.compile(r"[\"“”]")
_CUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted([*_SPEECH_VERBS, *_PHRASE_CUES], key=len, reverse=True)) + r")\b"
    r"|\b[Aa]ccording to\b"
    r"|\b(?:was|were|is|are)\s+quoted\s+as\s+saying\b"
    r"|\bquoted\s+(?:him|her|them|it|" + NAME_RUN + r")\s+as\s+saying\b"
)
_PARTIAL_CUE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(_PARTIAL_VERBS) + r")\b")  # not "so-called"
_FILLER = "\x01"
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]\x01]*\s+(?=[\"“‘(\[]?[A-Z0-9À-ÖØ-Þ_])")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "maj",
    "rev",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
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
    "inc",
    "corp",
    "co",
    "ltd",
    "amb",
    "pres",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "a.m",
    "p.m",
    "etc",
    "gov't",
}
_SUBJECT_FILLER = set(
    "has have had was were is are would will also later earlier then previously repeatedly "
    "further again once reportedly publicly privately separately recently last week month "
    "yesterday today had already just never often always only first initially subsequently "
    "himself herself themselves itself has having quickly angrily flatly long rarely often frequently "
    "usually sometimes quietly loudly initially formally".split()
)
_ADDING_RE = re.compile(
    r",\s*((?:adding|saying|noting|arguing|claiming|insisting|warning|explaining|stressing|urging|"
    r"going on to say|telling\s+(?:[\w'’-]+\s+){0,3}?))\s*(?:that\b)?\s*"
)
_SHARE_WORDS = {"percent", "cent", "majority", "minority", "in", "half", "third", "quarter"}
_SHARE_END = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|but|while|whereas)\s+)((?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust|[Mm]ore than|[Ll]ess than|[Aa]nother)\s+)?"
    r"(?:(?:\d[\d.,]*|[A-Za-z]+(?:-[a-z]+)?)\s+(?:percent|per\s+cent)|(?:[Oo]ne|[Tt]wo|\d+)\s+in\s+\w+|(?:[Aa]|[Tt]he)\s+(?:majority|minority)|"
    r"(?:[Hh]alf|[Aa]\s+third|[Aa]\s+quarter|[Tt]wo-thirds))(?:\s+of\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?)\s*$"
)
_AND_END = re.compile(r"\s(?:and|but)\s*$")
_PAST_VERB = (
    r"(?:[a-z]+ed|put|met|told|said|sent|gave|made|took|spoke|wrote|went|left|held|led|cut|set|hit|kept|"
    r"won|lost|sought|brought|began|saw|read|ran|heard|stood|struck|spent|paid|cast|gathered)"
)
_SENTENCE_SUBJECT = re.compile(rf"\s*([^\"“”;]{{1,140}}?)\s+(?:has\s+|had\s+|also\s+|later\s+|first\s+)?{_PAST_VERB}\b")
_CHANNEL_SOURCE = re.compile(rf"(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{_CHANNEL_NOUNS})\b")
_PARTICIPLE_CUES = {
    "saying",
    "adding",
    "noting",
    "arguing",
    "insisting",
    "warning",
    "explaining",
    "telling",
    "urging",
    "stressing",
    "asking",
    "declaring",
    "writing",
}
_TITLE_BEFORE_OF = re.compile(
    r"\b(?:Secretary|Minister|Ministry|Department|Chief|Director|Head|President)\s+of\s+(?:the\s+)?$"
)
_PREPOSITION_END = re.compile(r"\b(?:in|at|from|of|for|with|by|to|on|near|into)\s+(?:the\s+)?$")
_PARTICIPLE_AFTER = re.compile(r"\s*,\s*(?!saying|adding|noting|telling|arguing|insisting|warning)[a-z]+ing\b")
_AUXILIARY_START = re.compile(r"(?:will|would|is|was|are|were|has|have|had|can|could|should|must)\b")
_NOT_CONTENT_START = re.compile(
    r"(?:with|by|at(?!\s+least\b)|from|to\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w-]+\s+)?"
    r"(?:crowd|reporters|journalists|supporters|audience|press|media|delegates|voters|rally|room|camera)(?=[\s.,;!?]|$))\b"
)
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:(?:[a-z]+ly|first|also|later|then)\s+)?$")
_RELATIVE_END = re.compile(rf"({NAME_RUN})\s*,?\s+who\s*$")
_ASIDE_END = re.compile(r",\s*(?:however|meanwhile|too|though|in turn|for their part|for his part|for her part),\s*$")
_RELATIVE_NP_END = re.compile(
    r"\b((?:[Aa]n?|[Tt]he|[Ss]ome|[Mm]any|[Oo]thers?)(?:\s+[a-z][\w'’-]*){1,3})\s*,?\s+who\s*$"
)
_TIME_END = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+(?:week|month|year)|"
    r"this\s+(?:week|month|year)|earlier\s+this\s+\w+|in\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December))\s*$"
)
_PRONOUN_END = re.compile(r"(?<![\w'’])([Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s*$")
_NAME_END = re.compile(rf"({NAME_RUN})\s*$")
# "Ivo Brandt (left), chairman of the League, ": the name, an optional bracket, the appositive.
_APPOSITIVE_END = re.compile(
    rf"({NAME_RUN})(?:\s*\([^()]{{1,40}}\))?\s*,\s*([^,;\"“”]{{2,160}}?(?:,\s*[^,;\"“”]{{2,80}}?)?)\s*,\s*$"
)
_LOWER_TITLE_END = re.compile(
    r"(?<![\w'’])((?:[A-Z][\w'’-]*\s+){0,3}(?:[a-z-]+\s+)?(?:" + "|".join(_TITLE_NOUNS) + r"))\s+$"
)
_REVERSED_APPOSITIVE_END = re.compile(
    r"(?:^|[,;:]\s|[,;:][\"”]\s|\b(?:and|but|while)\s)\s*([^,;\"“”]{0,80}?\b(?i:"
    + "|".join(_TITLE_NOUNS)
    + r")(?:\s+(?:of|for|at)\s+[^,;\"“”]{2,60})?)\s*,\s*"
    rf"({NAME_RUN})\s*,\s*$"
)
_REVERSED_APPOSITIVE_START = re.compile(
    r"\s*([^,;\"“”]{0,60}?\b(?i:" + "|".join(_TITLE_NOUNS) + r")(?:\s+(?:of|for|at)\s+[^,;\"“”]{2,60})?)\s*,\s*"
    rf"({NAME_RUN})(?=\s*(?:[,.;]|$))"
)
_LEADING_DETERMINER = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+")
_GROUP_WORDS = set(_GROUP_HEADS) | set(_GROUP_MODIFIERS)
_BARE_NAME = re.compile(rf"(?:and\s+|or\s+)?{NAME_RUN}")
_PARTY_LABEL = re.compile(r"[A-Z]-[A-Z][\w.]*\.?$")
_HONORIFIC_RE = re.compile(_HONORIFICS)
_PREFIXED_NAME_START = re.compile(rf"\s*((?:[a-z0-9][\w/'’-]*\s+){{1,4}}?)({NAME_RUN})(?=\s*(?:[,.;]|$))")
_TITLE_NOUN_RE = re.compile(r"\b(?:" + "|".join(_TITLE_NOUNS) + r")\b")
_NAME_OF_END = re.compile(rf"({NAME_RUN})\s+(?:of|from)\s+(?:the\s+)?({NAME_RUN})\s*$")
_DEFINITE_NP_END = re.compile(
    r"(?:^|[,;:][\"”’]?\s*|\b(?:and|but)\s+)((?:[Tt]he|[Aa]n?|[A-Z][\w-]*['’]s)\s+(?:[a-z][\w'’-]*\s+){0,3}(?:association|union|"
    r"federation|council|committee|commission|ministry|government|group|alliance|coalition|institute|"
    r"agency|company|firm|bank|embassy|office|party|league|court|army|police|board|authority|"
    r"authorities|organisers|organizers|administration|campaign|network|newspaper|broadcaster|"
    r"secretariat|cabinet|presidency|palace|spokesman|spokeswoman|spokesperson|delegation|mission|guard|"
    r"navy|military|regulator|watchdog|prosecutor's office|central bank))\s*$"
)
_PAREN_END = re.compile(rf"({NAME_RUN})\s*\(([^()]{{2,120}})\)\s*$")
_TITLE_REF_END = re.compile(r"(?<![\w'’])[Tt]he\s+((?:[\w-]+\s+){0,3}?(?:" + "|".join(_TITLE_NOUNS) + r"))\s*$")


def _case_variants(words: list[str]) -> str:
    return "|".join(sorted({v for w in words for v in (w, w[:1].upper() + w[1:])}, key=len, reverse=True))


_GROUP_NP = (
    rf"(?:(?:{_case_variants(_GROUP_MODIFIERS)}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?|\d+)\s+){{0,3}}"
    rf"(?:{_case_variants(_GROUP_HEADS)})"
    r"(?:\s+(?:from|of|at|in|for|with|close to|familiar with|representing)\s+"
    r"(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)?"
)
_GROUP_END = re.compile(rf"(?<![\w'’-])({_GROUP_NP})\s*$")
_GROUP_START = re.compile(rf"\s*({_GROUP_NP})(?=\s*(?:[,.;]|$|\s+(?:in|at|on|during|told)\b))")
_NAME_START = re.compile(rf"\s*({NAME_RUN})")
_TITLE_REF_START = re.compile(r"\s*[Tt]he\s+((?:[\w-]+\s+){0,3}?(?:" + "|".join(_TITLE_NOUNS) + r"))(?![\w-])")
_PRONOUN_START = re.compile(r"\s*(he|she|they)\b")
_APPOSITIVE_AFTER = re.compile(r"\s*,\s*([^,;\"“”]{2,160}?)\s*(?=,|[.;!?]?\s*$)")
_CHANNEL_RE = re.compile(
    r"\b(?:in|at|during|via|through|on|with)\s+(?:a|an|the|his|her|their|its|a\s+joint|one\s+of\s+his|one\s+of\s+her)\s+"
    r"(?:(?:joint|televised|written|recorded|brief|keynote|weekly|opening|closing|separate|exclusive|"
    r"lengthy|short|rare|recent|late-night|virtual|online|phone|telephone|radio|TV|television|"
    r"national|annual|new)\s+)*"
    rf"({_CHANNEL_NOUNS})\b"
)
_INTERVIEW_WITH = re.compile(
    rf"\btold\s+(?:the\s+)?({NAME_RUN})\s+in\s+an?\s+(?:exclusive\s+|phone\s+|telephone\s+)?interview"
)
_QUOTED_BY = re.compile(
    rf"(?:^|[,;]\s*|\s)(?:the\s+)?({NAME_RUN})\s+quoted\s+(him|her|them|it|{NAME_RUN})\s+as\s+saying\b"
)
_TIME_WORDS = (
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|earlier(?:\s+(?:this|on)\s+\w+)?"
    r"|later|yesterday|today|again|also|repeatedly|previously|recently|then|separately|privately|publicly"
    r"|openly|bluntly|flatly|firmly|clearly|once\s+again"
    r"|on\s+\w+\s+\d{1,2}|in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s+\d{4})?|in\s+\d{4}"
    r"|to\s+(?:reporters|journalists|the\s+press|lawmakers))"
)
_CHANNEL_PHRASE = (
    rf"(?:(?:in|at|during|via|through|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,3}}?(?:{_CHANNEL_NOUNS})\b"
    r"(?:\s+(?:at|to|on|before|with)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s*,|\s+that\b))?)"
)
# "said at an event in Colorado Springs that ...": a short place phrase before "that".
_PLACE_BEFORE_THAT = r"(?:at|in|during|after|before|from|with)\s+(?:[\w'’.-]+\s+){0,6}?(?=that\b)"
_PREFIX_RE = re.compile(rf"(?:\s*,?\s*(?:{_TIME_WORDS}|{_CHANNEL_PHRASE}|{_PLACE_BEFORE_THAT}))*\s*,?\s*")
_OBJECT_RE = re.compile(
    rf"\s*(?:(?:the\s+)?{NAME_RUN}|reporters|journalists|lawmakers|parliament|delegates|the\s+[\w-]+(?:\s+[\w-]+)?|"
    r"him|her|them|us|me|members|listeners|viewers|supporters|an?\s+[\w-]+\s+(?:audience|crowd|meeting|gathering|forum))\b"
)
_ACCORDING_CHANNEL = re.compile(
    rf",\s*according\s+to\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?({_CHANNEL_NOUNS})\b"
)
# Verbs that report speech only with a "that" clause; with an object they report an act.
_WEAK_CUES = set(
    "proposed proposes revealed reveals indicated indicates charged charges maintained maintains "
    "estimated estimates highlighted highlights lamented laments states comments urging".split()
)
_DELEGATES_AHEAD = re.compile(r"\s+(?:[\w-]+\s+)?delegates?\b")
_THAT_AHEAD = re.compile(r"[^.;:\"“”_]{0,60}?\bthat\b")
_INVERSION_AHEAD = re.compile(r"\s+[^\W\d_]")
_INVERSION_REST = re.compile(r"\s*(?:,?\s*(?:on|in|at|during|from|to|via)\s[^,;\"“”]{1,60}?)?\s*[.!?]?\s*")
_ANONYMITY_AFTER = re.compile(r"\s*(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity)\b")
_THAT_START = re.compile(r"\s*that\b\s*")
_LEADING_CONJUNCTION = re.compile(r"^(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Hh]owever|[Mm]eanwhile|[Ss]till)\s+")
_ORG_WORDS = set(
    "Party Ministry Institute League Council Commission Agency Association Union Organization "
    "Organisation Bank Fund Front Congress Committee University Times News Daily Post Herald "
    "Tribune Gazette Journal Press Corporation Company Group Forum Alliance Federation Court "
    "Parliament Assembly Senate Authority Bureau Office Department Service Movement Foundation "
    "Centre Center Network Broadcasting Television Radio Army Navy Force Forces Guard Police "
    "Secretariat Coalition Society Academy College Programme Program Embassy Government Cabinet "
    "Chamber Board Institution Observer Monitor Telegraph Courier Express Review Mail Star "
    "Chronicle Guardian Agency Xinhua Reuters Kremlin Pentagon".split()
)


# --- speakers -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Speakers:
    """The speakers met so far and what back-references resolve to."""

    by_key: dict[str, ParsedSpeaker] = field(default_factory=dict)
    by_token: dict[str, ParsedSpeaker] = field(default_factory=dict)
    last_person: ParsedSpeaker | None = None
    last_group: ParsedSpeaker | None = None
    mentioned_group: str | None = None
    # Everybody named so far, by single name and surname, for "Volkova said" after "Irina Volkova".
    known: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    shared: set[str] = field(default_factory=set)
    # Surnames several people named in the article share, with each of them.
    shared_names: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)
    # Full names anywhere in the article (read before the speech rules run), by surname, with the
    # role given at their first mention: "Abenov" said before or after "Nurlan Abenov, deputy minister".
    article_names: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    # The article's own outlet (and any others the caller knows): never a speaker.
    outlets: tuple[str, ...] = ()
    # Changed on every write, so a rejected reading can be undone cheaply (see ``checkpoint``).
    version: int = 0
    # Persons in the order they were last named or heard, for "he" and "she" (most recent last).
    recent: list[tuple[str, list[str]]] = field(default_factory=list)
    # Gender by name key, from honorifics, role words, given names and pronouns already resolved.
    genders: dict[str, str] = field(default_factory=dict)
    # Gender by surname, from "Mr. King", "Ms. Lynch" anywhere in the article.
    surname_genders: dict[str, str] = field(default_factory=dict)

    def gender(self, name: str, titles: list[str]) -> str | None:
        key = normalise_name(name)
        found = self.genders.get(key)
        if found is None and key:
            found = gender_from(name, titles) or self.surname_genders.get(key.split()[-1])
        return found

    def seen(self, name: str, titles: list[str], gender: str | None = None) -> None:
        """Note a person as the most recent one named (and their gender when the text shows it)."""
        self.version += 1
        self.recent = [entry for entry in self.recent[-12:] if entry[0] != name]
        self.recent.append((name, list(titles)))
        key = normalise_name(name)
        if gender and key not in self.genders:
            self.genders[key] = gender

    def checkpoint(self) -> tuple:
        """The state as it is, for ``restore`` when a reading that looked up speakers is rejected."""
        return (
            self.version,
            dict(self.by_key),
            dict(self.by_token),
            self.last_person,
            self.last_group,
            self.mentioned_group,
            dict(self.known),
            {id(s): (list(s.titles), list(s.organizations)) for s in self.by_key.values()},
            list(self.recent),
            dict(self.genders),
        )

    def restore(self, saved: tuple) -> None:
        """Undo every change since ``saved``: a rejected reading leaves no speaker, title or pronoun behind."""
        if saved[0] == self.version:
            return
        (_, by_key, by_token, self.last_person, self.last_group, self.mentioned_group, known, lists) = saved[:8]
        self.by_key, self.by_token, self.known = dict(by_key), dict(by_token), dict(known)
        self.recent, self.genders = list(saved[8]), dict(saved[9])
        for speaker in self.by_key.values():
            titles, organizations = lists.get(id(speaker), ([], []))
            speaker.titles[:], speaker.organizations[:] = titles, organizations
        self.version += 1  # never back to an old number: a later checkpoint must not look unchanged

    def know(self, name: str, titles: list[str]) -> None:
        self.version += 1
        tokens = normalise_name(name).split()
        for index, token in enumerate(tokens):
            keys = ([token] if len(token) > 2 else []) + ([" ".join(tokens[index:])] if index else [])
            for key in keys:
                if key in self.known and normalise_name(self.known[key][0]) != " ".join(tokens):
                    self.shared.add(key)  # "Mina Sorel" and "Paul Sorel": "Sorel" names neither
                self.known[key] = (name, titles)

    def person(self, name: str, titles: list[str], gender: str | None = None) -> ParsedSpeaker:
        self.version += 1
        key = normalise_name(name)
        speaker = self.by_key.get(key)
        if speaker is None and gender and " " not in key:
            # "Mrs. Clinton" with Bill and Hillary Clinton in the article: the one of that gender.
            found = self.surname_of_gender(key, gender)
            if found is not None and normalise_name(found[0]) != key:
                return self.person(found[0], found[1] + titles, gender)
        if speaker is None:
            # A surname alone that matches somebody already named is that person.
            if key in self.by_token:
                speaker = self.by_token[key]
            elif key in self.known and key not in self.shared and self.known[key][0] != name:
                full_name, known_titles = self.known[key]
                return self.person(full_name, known_titles + titles, gender)
            elif key in self.article_names and normalise_name(self.article_names[key][0]) != key:
                # "Abenov" with "Nurlan Abenov" named elsewhere in the article (even later on).
                full_name, first_titles = self.article_names[key]
                return self.person(full_name, first_titles + titles, gender)
            else:
                speaker = ParsedSpeaker(name=name, kind="person")
                self.by_key[key] = speaker
                first = self.article_names.get(key)
                if first is not None:
                    titles = first[1] + titles  # the role stated at the first mention comes first
                tokens = key.split()
                # Later references: any single name ("Moreau", "Wang") or a surname with its
                # particles ("de la cruz").
                for index, token in enumerate(tokens):
                    if len(token) > 2:
                        self.by_token.setdefault(token, speaker)
                    if index:
                        self.by_token.setdefault(" ".join(tokens[index:]), speaker)
        for title in titles:
            if title and title not in speaker.titles:
                speaker.titles.append(title)
                for organization in title_organizations(title):
                    if organization not in speaker.organizations:
                        speaker.organizations.append(organization)
        self.last_person = speaker
        self.seen(speaker.name, speaker.titles, gender)
        return speaker

    def group(self, name: str) -> ParsedSpeaker | None:
        """The unnamed group or body; None for what is no speaker (an outlet, a bare pronoun)."""
        if re.sub(r"['’](?:s|d|ll|re|ve|m)$", "", name.casefold()) in _PRONOUN_WORDS or media_name(name, self.outlets):
            return None  # "he", "He’s": a pronoun nobody could be found for
        if _OUTLET_REPORTING.search(name) and any(media_name(run, self.outlets) for run in _CAPITAL_RUN.findall(name)):
            return None  # "the Prairie Times report", "a report by CNN": the outlet's own reporting (a poll is data)
        self.version += 1
        key = "group:" + normalise_name(name)
        speaker = self.by_key.get(key)
        if speaker is None:
            speaker = self.by_key[key] = ParsedSpeaker(name=name, kind="group")
        self.last_group = speaker
        self.mentioned_group = None
        return speaker

    def by_title(self, title: str) -> ParsedSpeaker | None:
        head = title.split()[-1].casefold()
        best = None
        for speaker in self.by_key.values():
            if speaker.kind == "person" and any(head in t.casefold() for t in speaker.titles):
                best = speaker
        if self.last_person is not None and any(head in t.casefold() for t in self.last_person.titles):
            return self.last_person
        # "the minister": the most recent person named or heard with that role, speaker or not.
        for name, titles in reversed(self.recent):
            if any(head in t.casefold() for t in titles):
                return self.person(name, titles)
        return best

    def surname_of_gender(self, surname: str, gender: str) -> tuple[str, list[str]] | None:
        """The one person with this surname and gender named in the article, if exactly one."""
        candidates = {name: titles for name, titles in self.shared_names.get(surname, [])}
        for speaker in self.by_key.values():
            if speaker.kind == "person" and normalise_name(speaker.name).split()[-1:] == [surname]:
                candidates.setdefault(speaker.name, speaker.titles)
        if surname in self.article_names:
            candidates.setdefault(*self.article_names[surname])
        genders = {name: self.gender(name, titles) for name, titles in candidates.items()}
        for allowed in ({gender}, {gender, None}):  # of that gender; else the only one not of the other
            matching = [(name, titles) for name, titles in candidates.items() if genders[name] in allowed]
            if len(matching) == 1:
                return matching[0]
        return None

    def referent(self, word: str) -> tuple[str, list[str]] | None:
        """The person "he" or "she" stands for: the most recent one whose gender does not contradict it."""
        wanted = "m" if word.casefold() == "he" else "f"
        for name, titles in reversed(self.recent):
            gender = self.gender(name, titles)
            if gender is None or gender == wanted:
                return name, titles
        return None

    def pronoun(self, word: str) -> ParsedSpeaker | None:
        kind = _PRONOUNS[word.casefold()]
        if kind == "person":
            # The most recent person named or heard whose gender does not contradict the pronoun.
            found = self.referent(word)
            if found is None:
                return None
            speaker = self.person(*found)
            self.genders.setdefault(normalise_name(speaker.name), "m" if word.casefold() == "he" else "f")
            return speaker
        if self.mentioned_group is not None:
            return self.group(self.mentioned_group)
        return self.last_group


def title_organizations(title: str) -> list[str]:
    """Organisation names inside a title: "chairman of the Northern Fishers' League"."""
    found = []
    for match in _TITLE_ORG_RE.finditer(title):
        name = match.group(0).strip()
        words = name.split()
        for index, word in enumerate(words):
            if word.endswith(("'s", "’s")) and word[:-2] not in COMMON_OWNERS:
                words = words[index + 1 :]  # "Chile's Civic Renewal Party": the owner is not the name
                break
        while words and (words[0] in _NOT_NAME_WORDS or words[0] in TITLE_HEADS):
            words.pop(0)
        name = " ".join(words)
        if not name or name in COUNTRY_ALIASES:
            continue
        after_of = re.search(r"\b(?:of|for|at|from|with)\s+(?:the\s+)?$", title[: match.start()])
        canonical = ORGANIZATION_ALIASES.get(name)
        if canonical or any(w.strip("'’") in _ORG_WORDS for w in words) or (after_of and len(words) > 1):
            found.append(canonical or name)
    return found


_TITLE_ORG_RE = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|and|on)(?:\s+the)?\s+)?{_CAP})*")


# --- quotes -------------------------------------------------------------------------------


def quote_spans(body: str, paragraph_break: str = "\n\n") -> list[tuple[int, int]]:
    """(opening mark, closing mark) positions; a quote may run over several paragraphs.

    A paragraph that opens a quote without closing it continues in the next paragraph when
    that one opens with a quotation mark again (the print convention); otherwise the quote is
    taken to end with its paragraph.
    """
    spans: list[tuple[int, int]] = []
    open_at = -1
    position = 0
    length = len(body)
    for match in _QUOTE_MARK.finditer(body):
        index = match.start()
        mark = match.group()
        if open_at >= 0:
            gap = body.find(paragraph_break, position, index)
            if gap >= 0:
                # The quote was left open at a paragraph end: does the next paragraph reopen it?
                paragraph_start = gap + len(paragraph_break)
                while paragraph_start < length and body[paragraph_start] in " \t\n":
                    paragraph_start += 1
                if paragraph_start == index and mark != "”":
                    position = index + 1
                    continue
                spans.append((open_at, gap))
                open_at = -1
        if open_at < 0:
            previous = body[index - 1] if index else " "
            # A straight mark opens a quote only where a word could start: after a space or bracket.
            if mark == "“" or (mark == '"' and (index == 0 or previous.isspace() or previous in "([{—–-/")):
                open_at = index
            position = index + 1
            continue
        if mark == "“":
            # A second opening mark before a close: the first quote was never closed.
            spans.append((open_at, index))
            open_at = index
            position = index + 1
            continue
        spans.append((open_at, index))
        open_at = -1
        position = index + 1
    if open_at >= 0:
        end = body.find(paragraph_break, position)
        spans.append((open_at, end if end >= 0 else len(body.rstrip())))
    return spans


def _masked(body: str, spans: list[tuple[int, int]]) -> str:
    """The body with quoted words replaced by '_' (keeping final punctuation for sentence ends)."""
    parts = []
    position = 0
    for opening, closing in spans:
        parts.append(body[position : opening + 1])
        inner = body[opening + 1 : closing]
        keep = inner[-1] if inner and inner[-1] in ".!?," else ""
        parts.append("_" * (len(inner) - len(keep)) + keep)
        position = closing
    parts.append(body[position:])
    return "".join(parts)


def _attribution_follows(masked: str, position: int) -> bool:
    """Whether a name (up to five capitalised words) and a reporting verb start at ``position``."""
    words = masked[position : position + 80].split()[:7]
    for index, word in enumerate(words):
        if word in _CUE_FIRST_WORDS:
            return 0 < index <= 5
        if not word[:1].isupper() or word.endswith((",", ";", ":")):
            return False
    return False


def _sentences(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence boundaries in masked[start:end], not splitting after abbreviations."""
    bounds = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(masked, start, end):
        # (From the sentence start when no space precedes: "Mr." opening a paragraph is no sentence end.)
        word_start = max(masked.rfind(" ", sentence_start, match.start()) + 1, sentence_start)
        word = masked[word_start : match.start()].lstrip('("“').casefold()
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        if masked[match.end() - 2] in '"”' and _attribution_follows(masked, match.end()):
            continue  # '"Why wait?" Obama asked.': the attribution belongs to the quote's sentence
        bounds.append((sentence_start, match.start() + 1))
        sentence_start = match.end()
    if sentence_start < end:
        bounds.append((sentence_start, end))
    return bounds


@dataclass(slots=True)
class _Attribution:
    speaker: ParsedSpeaker
    cue: str
    cue_start: int
    cue_end: int
    content: tuple[int, int] | None
    channel: str | None


def _strip_fillers(text: str) -> str:
    """Drop auxiliaries and adverbs between a subject and its verb ("Brandt has also said")."""
    text = _TIME_END.sub("", text)
    text = _ASIDE_END.sub("", text)
    while True:
        stripped = text.rstrip()
        cut = stripped.rfind(" ")
        word = stripped[cut + 1 :]
        if word.casefold() in _SUBJECT_FILLER and cut >= 0:
            text = stripped[: cut + 1]
            continue
        if word.casefold() in _SUBJECT_FILLER and cut < 0:
            return ""
        return stripped


def _is_organization(name: str) -> bool:
    """Whether a capitalised run names a body: a known one or one with "Ministry", "Party" ... in it."""
    return name in ORGANIZATION_ALIASES or any(word.strip("'’") in _ORG_WORDS for word in name.split())


def _clean_name(run: str) -> tuple[list[str], list[str]] | None:
    """Split a capitalised run into (title words, name words); None when no name is left."""
    words = run.split()
    for index in range(len(words) - 1, -1, -1):
        if words[index].endswith(("'s", "’s")):
            words = words[index + 1 :]  # "South Korea's Kim Jong-suk": the owner is not the name
            break
    while words and words[0] in _NOT_NAME_WORDS:
        words.pop(0)
    if not words:
        return None
    last_title = -1
    for index, word in enumerate(words):
        if word in _HONORIFIC_WORDS or _HONORIFIC_RE.fullmatch(word):
            last_title = index
            break  # after "Mr." comes the name, even "Mr. King"
        if word in TITLE_HEADS or any(part in TITLE_HEADS for part in word.split("-")):
            last_title = index
    return words[: last_title + 1], words[last_title + 1 :]


def _entity(run: str, speakers: _Speakers, extra_titles: list[str]) -> ParsedSpeaker | None:
    """The speaker a capitalised run names: a person, an organisation or a country (a group)."""
    split = _clean_name(run)
    if split is None:
        return None
    title_words, name_words = split
    name = " ".join(name_words)
    whole = " ".join(title_words + name_words)
    if name_words and (media_name(whole, speakers.outlets) or media_name(name, speakers.outlets)):
        return None  # "Continental Wire", "Reuters": the outlet reports, it is never the speaker
    if whole in ORGANIZATION_ALIASES or any(w.strip("'’") in _ORG_WORDS for w in name_words):
        return speakers.group(ORGANIZATION_ALIASES.get(whole, whole))
    if not name_words:
        found = speakers.by_title(whole)
        return found
    if name in COUNTRY_ALIASES:
        return speakers.group(COUNTRY_ALIASES[name][0])
    if len(name_words) == 1 and not title_words and _plural_noun(name):
        # "Activists", "Republicans": a plural noun capitalised at a sentence start or as a party is a group.
        return speakers.group(name if name in _PARTY_PLURALS else name.lower())
    if any(word in PLACE_WORDS for word in name_words):
        return None  # "the Sahel", "the Indian Ocean": a place, not a speaker
    titles = [" ".join(w for w in title_words if w not in _HONORIFIC_WORDS)] if title_words else []
    honorific = next((w for w in title_words if w in HONORIFICS), None)
    return speakers.person(name, [t for t in titles if t] + extra_titles, HONORIFICS.get(honorific or ""))


# Plural nouns for people that are printed capitalised (at a sentence start, or as party members).
_PLURAL_PEOPLE = set(
    "demonstrators protesters protestors environmentalists conservationists nationalists separatists islamists "
    "unionists lawyers judges pilots drivers parents mothers fathers women men children youths refugees "
    "migrants immigrants neighbours neighbors shoppers consumers customers users fans viewers readers "
    "listeners senators ministers commentators bloggers residents inhabitants pensioners retirees veterans "
    "nurses doctors patients victims prisoners detainees hostages settlers herders growers producers "
    "exporters importers manufacturers retailers landlords tenants peasants villagers monks priests "
    "clerics bishops believers worshippers pilgrims tourists visitors passengers crew staff employees "
    "managers bosses officials experts critics analysts activists advocates campaigners organisers organizers "
    "volunteers rescuers firefighters paramedics scientists researchers economists engineers teachers "
    "students pupils academics protest-organisers opponents supporters sources witnesses observers".split()
)
_PARTY_PLURALS = set(
    "Democrats Republicans Conservatives Liberals Socialists Communists Greens Tories Labourites Centrists "
    "Progressives Libertarians Independents Loyalists Unionists Nationalists Federalists".split()
)


def _plural_noun(word: str) -> bool:
    """Whether a single capitalised word is a plural noun for people ("Activists"), not a surname."""
    return word in _PARTY_PLURALS or word.lower() in _PLURAL_PEOPLE or word.lower() in _GROUP_HEAD_SET


def _title_from_appositive(appositive: str) -> list[str] | None:
    """The title in an appositive; [] for an age or relative clause; None when it is no appositive."""
    text = appositive.strip()
    if not text or text[0].isdigit() or text.split()[0] in {"who", "which", "whose", "where", "when", "whom"}:
        return []  # an age ("54") or a relative clause, not a title
    if _PARTY_LABEL.match(text):
        return []  # "R-Ky.": a party and state label
    if text.split()[0] in {"and", "but", "or", "so", "then", "while", "as", "because", "although"}:
        return None  # "..., and the meeting ended,": a clause, not an appositive
    if _BARE_NAME.fullmatch(text) and not _TITLE_NOUN_RE.search(text) and text.split()[0] not in TITLE_HEADS:
        return None  # a list of names ("Kenya, Uganda, and ..."), not an appositive
    return [text]


# How far back from a verb its subject can start; keeps end-anchored searches linear.
_SUBJECT_REACH = 240


def _tail_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text, max(0, len(text) - _SUBJECT_REACH))


def _speaker_before(left: str, speakers: _Speakers) -> tuple[ParsedSpeaker | None, int]:
    """The speaker ending ``left`` (subject of the verb after it) and where it starts."""
    text = _strip_fillers(left)
    if not text:
        return None, -1
    # Cheap tests on the last characters decide which patterns can match at all.
    last_char = text[-1]
    last_word = text[text.rfind(" ") + 1 :]
    tail_words = set(_WORD_RE.findall(text[-70:].lower()))
    match = _tail_search(_PRONOUN_END, text)
    if match:
        return speakers.pronoun(match.group(1)), match.start()
    match = _tail_search(_RELATIVE_END, text) if last_word == "who" else None
    if match:
        # "John Bentel, a tech staffer who told ...": the relative pronoun stands for the name.
        speaker = _entity(match.group(1), speakers, [])
        if speaker is not None:
            return speaker, match.start()
    match = _tail_search(_RELATIVE_NP_END, text) if last_word == "who" else None
    if match:
        # "an architect who said ...": an unnamed person or group described by the noun phrase.
        return speakers.group(_group_name(match.group(1))), match.start(1)
    match = _tail_search(_APPOSITIVE_END, text) if last_char == "," else None
    if match:
        titles = _title_from_appositive(match.group(2))
        if titles is not None:
            speaker = _entity(match.group(1), speakers, titles)
            if speaker is not None:
                return speaker, match.start()
    match = _tail_search(_NAME_OF_END, text) if last_word[:1].isupper() and tail_words & {"of", "from"} else None
    if match and (
        match.group(2) in COUNTRY_ALIASES
        or match.group(2) in ORGANIZATION_ALIASES
        or any(w in _ORG_WORDS for w in match.group(2).split())
    ):
        split = _clean_name(match.group(1))
        if split is not None and split[1] and not any(w in _ORG_WORDS or w.lower() in _GROUP_WORDS for w in split[1]):
            title = " ".join(w for w in split[0] if w not in _HONORIFIC_WORDS)
            titles = [f"{title} of {match.group(2)}"] if title else []
            return _entity(" ".join(split[1]), speakers, titles), match.start()
    match = _tail_search(_DEFINITE_NP_END, text) if last_word[:1].islower() else None
    if match:
        return speakers.group(_group_name(match.group(1))), match.start(1)
    match = _tail_search(_PAREN_END, text) if last_char == ")" else None
    if match:
        speaker = _entity(match.group(1), speakers, [])
        if speaker is not None:
            return speaker, match.start()
    match = _tail_search(_REVERSED_APPOSITIVE_END, text) if last_char == "," else None
    if match:
        title = _LEADING_DETERMINER.sub("", match.group(1).strip())
        speaker = _entity(match.group(2), speakers, [title])
        if speaker is not None:
            return speaker, match.start()
    match = _tail_search(_TITLE_REF_END, text) if "the" in tail_words else None
    if match:
        found = speakers.by_title(match.group(1))
        if found is not None:
            return found, match.start()
    name_match = _tail_search(_NAME_END, text) if last_word[:1].isupper() else None
    match = name_match
    if match:
        split = _clean_name(match.group(1))
        whole = " ".join(sum(split, [])) if split else ""
        before = re.sub(r"(?:[Tt]he\s*)$", "", text[: match.start()]).rstrip()
        opens_clause = not before or before[-1] in ",;:—" or before.endswith((" and", " but"))
        if opens_clause and (whole in COUNTRY_ALIASES or _is_organization(whole)):
            return _entity(match.group(1), speakers, []), match.start()
    match = _tail_search(_SHARE_END, text) if tail_words & _SHARE_WORDS else None
    if match:
        # "Twenty-four percent said", "One in three said": a share of those polled is a group.
        return speakers.group(_group_name(match.group(1))), match.start(1)
    match = _tail_search(_GROUP_END, text) if tail_words & _GROUP_HEAD_SET else None
    if match:
        phrase = _LEADING_CONJUNCTION.sub("", match.group(1))
        first = phrase.split()[0]
        if first not in _NOT_NAME_WORDS or first.lower() in _GROUP_WORDS:
            return speakers.group(_group_name(phrase)), match.start()
    match = _tail_search(_DESCRIPTION_END, text) if last_word[:1].islower() and last_word.isalpha() else None
    if (
        match
        and match.group(1).split()[-1].lower() not in _NOT_DESCRIPTION_HEADS
        and not (_AUXILIARIES & set(match.group(1).lower().split()))
    ):
        # "The Republican presidential nominee said": a description; the person it names, if known.
        words = match.group(1).split()
        while len(words) > 2 and words[-1].endswith("ed"):
            words.pop()  # "the joint statement adopted (on Monday)": the statement
        found = speakers.by_title(" ".join(words))
        return found or speakers.group(_group_name(" ".join(words))), match.start(1)
    if (
        name_match
        and _PREPOSITION_END.search(text, max(0, name_match.start() - 12), name_match.start())
        and not (_TITLE_BEFORE_OF.search(text, max(0, name_match.start() - 40), name_match.start()))
    ):
        name_match = None  # "the Center in Dallas maintains": the name is the object of "in"
    match = name_match
    if match:
        # "Kenyan lawmaker Njeri Wambugu": a lower-case title printed before the name.
        title = _LOWER_TITLE_END.search(text, max(0, match.start() - 80), match.start())
        speaker = _entity(match.group(1), speakers, [title.group(1)] if title else [])
        if speaker is not None:
            return speaker, match.start()
    match = _tail_search(_CLAUSE_SUBJECT_END, text)
    if (
        match
        and not (_AUXILIARIES | _NOT_SUBJECT_WORDS | _DETERMINERS) & set(match.group(1).lower().split()[-1:])
        and not ((_AUXILIARIES | _NOT_SUBJECT_WORDS) & set(match.group(1).lower().split()))
    ):
        # "Iowa biofuels advocates say", "26% say": a short noun phrase opening its clause.
        phrase = match.group(1)
        if not any(word.endswith("ed") and word.islower() for word in phrase.split()):
            return speakers.group(_group_name(phrase)), match.start(1)
    return None, -1


_DESCRIPTION_END = re.compile(
    r"(?:^|[,;:—][\"”’]?\s*|\b(?:and|but)\s+)((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,4}[a-z][a-z-]*)\s*$"
)
# Words that end a description but are no speaker ("the plan said" is not speech).
_CLAUSE_SUBJECT_END = re.compile(
    r"(?:^|[.;:—]\s*|,\s*(?:and\s+|but\s+)?)((?:[A-Z][\w'’%.-]*|\d[\d.,%]*)(?:\s+[\w'’%.-]+){0,5})\s*$"
)
# Words that show a clause is no bare noun phrase (a verb, a pronoun, a conjunction).
_NOT_SUBJECT_WORDS = {
    "it",
    "which",
    "that",
    "this",
    "what",
    "who",
    "when",
    "if",
    "as",
    "because",
    "so",
    "than",
    "to",
    "not",
    "and",
    "or",
    "but",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "there",
    "also",
}
_DETERMINERS = {"the", "a", "an", "this", "these", "those", "its", "their", "his", "her"}
_AUXILIARIES = {
    "has",
    "have",
    "had",
    "been",
    "was",
    "were",
    "is",
    "are",
    "be",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
}
_NOT_DESCRIPTION_HEADS = {
    "year",
    "week",
    "day",
    "time",
    "plan",
    "deal",
    "way",
    "end",
    "moment",
    "same",
    "other",
    "one",
    "ones",
    "also",
    "not",
    "never",
    "only",
    "who",
    "that",
    "which",
    "then",
    "recently",
}
_GROUP_HEAD_SET = {head.lower() for head in _GROUP_HEADS}
_PROPER_ADJECTIVES = {"european", "african", "asian", "arab", "latin", "american", "western", "eastern"}


def _group_name(phrase: str) -> str:
    """The group as a common noun phrase: "Officials from three ministries" -> "officials from ..."."""
    first, _, rest = phrase.partition(" ")
    if first.lower() in _GROUP_WORDS and first.lower() not in _PROPER_ADJECTIVES:
        first = first.lower()
    return f"{first} {rest}".strip()


def _speaker_after(right: str, speakers: _Speakers) -> tuple[ParsedSpeaker | None, int]:
    """The speaker right after an inverted verb (", said Marta Okonkwo, director of ...")."""
    match = _PRONOUN_START.match(right)
    if match:
        return speakers.pronoun(match.group(1)), match.end()
    match = _TITLE_REF_START.match(right)
    if match:
        found = speakers.by_title(match.group(1))
        if found is not None:
            return found, match.end()
    match = _GROUP_START.match(right)
    if match and (
        match.group(1)[0].islower() or match.group(1).split()[0] in {"The", "A", "An", "Some", "Many", "Several"}
    ):
        return speakers.group(_group_name(match.group(1))), match.end()
    match = _REVERSED_APPOSITIVE_START.match(right)
    if match:
        speaker = _entity(match.group(2), speakers, [_LEADING_DETERMINER.sub("", match.group(1).strip())])
        if speaker is not None:
            return speaker, match.end()
    match = _DESCRIBED_START.match(right)
    if match and match.group(2).split()[-1] in _PRENOMINAL_HEADS:
        # "said Foreign Ministry spokesperson Zhao Lijian", "said Harbour Radio host Mira Castell":
        # the body or outlet and the lower-case title before the name are the person's role.
        speaker = _entity(match.group(3), speakers, [f"{match.group(1)} {match.group(2).strip()}"])
        if speaker is not None and speaker.kind == "person":
            return speaker, match.end()
    match = _NAME_START.match(right) or _PREFIXED_NAME_START.match(right)
    if match:
        titles: list[str] = []
        prefix = match.group(1) if match.re is _PREFIXED_NAME_START else ""
        if prefix and match.lastindex == 2:
            # "said 9/11 widow Terry Strada": a lower-case description before the name.
            described = _LEADING_DETERMINER.sub("", prefix.strip() + " ").strip()
            speaker = _entity(match.group(2), speakers, [described] if described else [])
            return (speaker, match.end()) if speaker is not None else (None, -1)
        end = match.end()
        paren = re.match(r"\s*\([^()]{1,40}\)", right[end:])
        if paren:
            end += paren.end()  # "Rep. Gwen Moore (D-Wis.)": a party label
        appositive = _APPOSITIVE_AFTER.match(right, end)
        if appositive:
            titles = _title_from_appositive(appositive.group(1)) or []
            if titles:
                end = appositive.end()
        speaker = _entity(match.group(1), speakers, titles)
        if speaker is not None:
            return speaker, end
        described = _DESCRIBED_START.match(right)
        if described and media_name(described.group(1), speakers.outlets):
            # "said MSNBC host Chris Matthews": the outlet describes the person who speaks.
            speaker = _entity(described.group(3), speakers, [f"{described.group(1)} {described.group(2).strip()}"])
            if speaker is not None:
                return speaker, described.end()
    return None, -1


_DESCRIBED_START = re.compile(rf"\s*({NAME_RUN})\s+((?:[a-z][\w-]*\s+){{1,3}})({NAME_RUN})")
# Lower-case role words printed between a body and a name ("Foreign Ministry spokesperson Zhao Lijian").
_PRENOMINAL_HEADS = set(_TITLE_NOUNS) | set(
    "host anchor correspondent reporter editor columnist manager strategist pollster aide candidate nominee "
    "member spokesman spokeswoman spokesperson secretary official officer chief researcher scientist "
    "lawyer attorney representative envoy coordinator commander".split()
)


def _channel(sentence: str) -> str | None:
    # Cheap substring checks first: these patterns start with a name and are slow to search.
    match = _INTERVIEW_WITH.search(sentence) if "interview" in sentence else None
    if match:
        return f"interview with {match.group(1)}"
    match = _QUOTED_BY.search(sentence) if "quoted" in sentence else None
    if match:
        return match.group(1)
    match = _CHANNEL_RE.search(sentence)
    if match:
        return match.group(1)
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Narrow [start, end) to the content: no surrounding spaces, commas or final period."""
    while start < end and text[start] in " \t\n,:;—–-\x01":
        start += 1
    while end > start and text[end - 1] in " \t\n,.;:!?—–-":
        end -= 1
    if end - start < 3:
        return None
    return start, end


_WORD_RE = re.compile(r"[A-Za-z]+")
_CUE_FIRST_WORDS = {cue.split()[0] for cue in [*_SPEECH_VERBS, *_PHRASE_CUES]} | {"according", "According", "quoted"}
_QUOTED_AUXILIARY = re.compile(r"\b(?:was|were|is|are)\s+$")


def _cue_matches(sentence: str) -> Iterator[re.Match[str]]:
    """Reporting verbs in a sentence, in order: a set lookup per word, the full pattern only on a hit.

    (One regex alternation of all the verbs is several times slower on long articles.)
    """
    for word in _WORD_RE.finditer(sentence):
        if word.group() not in _CUE_FIRST_WORDS or sentence[word.start() - 1 : word.start()] == "-":
            continue
        position = word.start()
        if word.group() == "quoted":
            auxiliary = _QUOTED_AUXILIARY.search(sentence, max(0, position - 8), position)
            if auxiliary:
                position = auxiliary.start()
        match = _CUE_RE.match(sentence, position)
        if match is not None and (match.end() == len(sentence) or not sentence[match.end()].isalnum()):
            yield match


def _attribution(masked: str, start: int, end: int, speakers: _Speakers, fallback: bool = False) -> _Attribution | None:
    """Read one sentence masked[start:end] around its first usable reporting verb.

    With ``fallback`` (a second reading, when the first found nobody), a clause subject that
    none of the speaker patterns knows ("Many speakers at the service said ...") is taken as
    the speaker of a plain "X said (that) ..." report.
    """
    sentence = masked[start:end]
    sentence_channel: list[str | None] = []
    document_source: tuple[re.Match[str], str, int] | None = None
    # Every reading below either returns an attribution or is rejected; a rejected one may have
    # looked up (and so registered) a speaker: undo that before the next reading.
    saved = speakers.checkpoint()
    for cue_match in _cue_matches(sentence):
        speakers.restore(saved)
        cue = cue_match.group()
        cue_start, cue_end = start + cue_match.start(), start + cue_match.end()
        left, right = sentence[: cue_match.start()], sentence[cue_match.end() :]
        if not sentence_channel:
            sentence_channel.append(_channel(sentence))
        channel = sentence_channel[0]

        if cue.casefold().startswith("according to"):
            # "According to X, content." or "content, according to X."
            after = right
            comma = after.find(",")
            source_text = after[: comma if comma >= 0 else len(after)].strip().rstrip(".")
            if _CHANNEL_SOURCE.match(source_text):
                # "according to a statement": with a reporting verb in the sentence it names that
                # verb's channel; alone, the document itself is the source.
                if document_source is None:
                    document_source = (cue_match, source_text, comma)
                continue
            speaker, _ = _speaker_after(" " + source_text, speakers)
            bare = _LEADING_DETERMINER.sub("", source_text)
            if speaker is None and bare[:1].isupper():
                speaker = _entity(bare, speakers, [])
            if speaker is None and source_text[:1].islower():
                speaker = speakers.group(_group_name(source_text))
            elif speaker is None and source_text:
                speaker = _entity(source_text, speakers, [])
            if speaker is None:
                continue
            if left.strip() and comma >= 0 and len(after[comma + 1 :].split()) >= 3:
                content = _trim(masked, start, end)  # "Since May, according to X, prices rose": both sides
            elif left.strip():
                content = _trim(masked, start, cue_start)
            else:
                content = _trim(masked, start + cue_match.end() + (comma if comma >= 0 else len(after)), end)
            return _Attribution(speaker, "according to", cue_start, cue_end, content, channel)

        if "quoted" in cue:
            quoted = re.match(r"(?:was|were|is|are)\s+quoted", cue)
            if quoted:
                speaker, _ = _speaker_before(left, speakers)
            else:
                target = re.match(r"quoted\s+(.+?)\s+as\s+saying", cue).group(1)
                if target.casefold() in _OBJECT_PRONOUNS:
                    speaker = speakers.pronoun(_OBJECT_PRONOUNS[target.casefold()])
                else:
                    speaker = _entity(target, speakers, [])
                by = _QUOTED_BY.search(sentence)
                channel = by.group(1) if by else channel
            if speaker is None:
                continue
            that = _THAT_START.match(right)
            content = _trim(masked, cue_end + (that.end() if that else 0), end)
            return _Attribution(speaker, cue, cue_start, cue_end, content, channel)

        if cue == "pledged" and _DELEGATES_AHEAD.match(right):
            continue  # "pledged delegates": an adjective
        if cue in _WEAK_CUES and not _THAT_AHEAD.match(right):
            continue  # "proposed a tax", "revealed its plans", "pledged delegates": no reported clause
        if cue.startswith("ask") and _ANONYMITY_AFTER.match(right):
            continue  # "who asked not to be named": a condition, not a question
        if (cue.endswith("ed") or cue in {"told", "said", "written"}) and _PASSIVE_END.search(
            left, max(0, len(left) - 24)
        ):
            continue  # "the issue was reported by the Post": passive, the subject is not a speaker
        known_before = len(speakers.by_key)
        speaker, subject_start = None, -1
        if (
            left.rstrip().endswith(",")
            and cue not in _PARTICIPLE_CUES
            and cue not in _OBJECT_VERBS  # "..., Abenov told Continental Wire": the object, not the speaker
            and _INVERSION_AHEAD.match(right)
        ):
            # "CONTENT, said Larry Sabato, director of the Center.": the verb before its subject, and
            # the sentence ends with the speaker. A name ending the content is no subject then.
            trial, trial_end = _speaker_after(right, speakers)
            if trial is not None and _INVERSION_REST.fullmatch(right, trial_end):
                content = _trim(masked, start, start + len(left.rstrip()))
                return _Attribution(trial, cue, cue_start, cue_end, content, channel)
            speakers.restore(saved)
        speaker, subject_start = _speaker_before(left, speakers)
        known_before = len(speakers.by_key) == known_before
        participle = cue in _PARTICIPLE_CUES and (cue == "saying" or left.rstrip().endswith(","))
        if speaker is None and (_AND_END.search(left) or participle):
            # "Cruz exhorted Republicans ... and said ...", "Trump sent tweets saying ...": the
            # subject opens the sentence.
            subject = _SENTENCE_SUBJECT.match(sentence)
            if subject:
                speaker, _ = _speaker_before(subject.group(1), speakers)
                subject_start = len(left)
        inverted = False
        if speaker is None:
            before = left.rstrip()
            if before.endswith((",", '"', "”", "—")):
                speaker, subject_end = _speaker_after(right, speakers)
                inverted = speaker is not None
        if speaker is None and fallback and cue in _FALLBACK_CUES:
            speaker, subject_start = _fallback_speaker(left, speakers)
        if speaker is None:
            continue
        if cue in _NOUN_LIKE and (
            inverted or speaker.kind != "person" or (" " not in speaker.name and not known_before)
        ):
            continue  # "island states called", "Republican claims": a noun, not a verb

        if inverted:
            content = _trim(masked, start, start + len(left.rstrip()))
            return _Attribution(speaker, cue, cue_start, cue_end, content, channel)

        # Speaker before the verb: the content follows ("said that ...") or came first ("..., X said").
        offset = 0
        prefix_end = 0
        if cue in _OBJECT_VERBS:
            obj = _OBJECT_RE.match(right)
            if obj:
                prefix_end = obj.end()
        prefix = _PREFIX_RE.match(right, prefix_end)
        offset = prefix.end() if prefix else prefix_end
        that = _THAT_START.match(right, offset)
        if that:
            offset = that.end()
        content = _trim(masked, cue_end + offset, end)
        if content is not None:
            # "..., according to a statement released after the meeting": a channel, not content.
            tail = _ACCORDING_CHANNEL.search(masked, content[0], content[1])
            if tail:
                channel = channel or tail.group(1)
                content = _trim(masked, content[0], tail.start())
        if (
            content is not None
            and not that
            and (_NOT_CONTENT_START.match(masked, content[0]) or _PARTICIPLE_AFTER.match(right))
        ):
            content = None  # "responded with logic", "said, looking out on the crowd"
        phrase_skipped = right[prefix_end:offset].strip(" ,")
        if content is not None and not that and phrase_skipped and _AUXILIARY_START.match(masked, content[0]):
            content = None  # "The pledges announced in Geneva will be tracked": a participle, not speech
        if content is not None and cue.startswith("continu") and not that:
            content = None  # "continues his adulation": not speech without "that"
        remainder = right[offset:].strip() if content is not None else ""
        before_subject = left[:subject_start].rstrip()
        if right.lstrip().startswith(":"):
            content = None  # "she said:" introduces a quotation that follows
        elif content is None or not that and len(remainder.split()) < 2:
            content = _content_before(masked, start, before_subject)
        elif before_subject.endswith(",") and right.lstrip().startswith(",") and not that:
            # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": content on both sides.
            content = _trim(masked, start, end)
        return _Attribution(speaker, cue, cue_start, cue_end, content, channel)
    speakers.restore(saved)
    if document_source is not None:
        cue_match, source_text, comma = document_source
        left = sentence[: cue_match.start()]
        if left.strip() and comma >= 0 and len(sentence[cue_match.end() + comma + 1 :].split()) >= 3:
            content = _trim(masked, start, end)
        elif left.strip():
            content = _trim(masked, start, start + cue_match.start())
        else:
            content = _trim(masked, start + cue_match.end() + (comma if comma >= 0 else len(sentence)), end)
        speaker = speakers.group(_group_name(source_text))
        if speaker is None:
            return None  # "according to the Prairie Times": an outlet is no source
        return _Attribution(speaker, "according to", start + cue_match.start(), start + cue_match.end(), content, None)
    return None


# Verbs clear enough to take an unknown subject as the speaker (second reading only).
_FALLBACK_CUES = set(
    "said says say told tells wrote writes argued argue argues claimed claim claims insisted insist "
    "insists warned warn warns noted note added explained explain explains announced announce "
    "acknowledged acknowledge stressed declared reported predicted contended contend maintained "
    "asserted assert asserts admitted admit admits conceded suggested suggest suggests complained "
    "complain testified promised vowed pledged confirmed denied deny tweeted emphasized emphasised "
    "responded replied recalled exclaimed shouted fumed interjected gushed scoffed cautioned yelled "
    "mused marveled marvelled whispered muttered pleaded".split()
)
_FALLBACK_CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(_FALLBACK_CUES, key=len, reverse=True)) + r")\b")
_FALLBACK_FILLER = _AUXILIARIES | {
    "not",
    "never",
    "also",
    "still",
    "long",
    "often",
    "just",
    "even",
    "already",
    "now",
    "then",
    "once",
    "later",
    "earlier",
    "first",
    "again",
    "both",
    "all",
    "n't",
    "didn't",
    "doesn't",
    "don't",
    "haven't",
    "hasn't",
    "had",
    "have",
    "has",
}
# Words that cannot end a subject: the verb then belongs to a clause of another kind.
_NOT_SUBJECT_END = {
    "that",
    "which",
    "who",
    "whom",
    "what",
    "whose",
    "to",
    "and",
    "or",
    "but",
    "nor",
    "before",
    "after",
    "while",
    "by",
    "of",
    "for",
    "with",
    "as",
    "if",
    "when",
    "because",
    "than",
    "it",
    "there",
    "this",
    "i",
    "we",
    "you",
    "me",
    "us",
    "him",
    "her",
    "them",
    "my",
    "our",
    "your",
    "his",
    "their",
    "its",
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "from",
    "into",
    "about",
    "where",
    "why",
    "how",
    "so",
    "not",
    "without",
    "once",
    "until",
    "unless",
    "though",
    "although",
    "whether",
    "since",
    "could",
    "would",
}
_NOT_SUBJECT_START = {
    "it",
    "there",
    "which",
    "who",
    "what",
    "whom",
    "i",
    "we",
    "you",
    "to",
    "and",
    "or",
    "if",
    "when",
    "as",
    "because",
    "how",
    "why",
    "where",
    "whether",
    "though",
    "although",
}
_NOT_SUBJECT_JOIN = {
    "that",
    "to",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "for",
    "with",
    "by",
    "as",
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "from",
    "into",
    "about",
    "than",
    "not",
    "before",
    "after",
    "while",
}
_CLAUSE_CUT = re.compile(
    r"(?:[;:]|\s[—–]\s|,\s+(?:and|but|while|whereas|though|although|because|since|so|yet)\s+|\s(?:but|while|whereas)\s+)"
)
_RELATIVE_CUT = re.compile(r",?\s+(?:who|that|which|whose|whom)\s")
_LEADING_PHRASE = re.compile(
    r"^(?:In|At|On|During|After|Before|When|While|Since|For|From|With|Without|Despite|Speaking|Asked|Earlier|"
    r"Later|Last|This|Meanwhile|However|Still|Yet|Instead|Also|Separately|But|And|Now|Then|Like|Unlike|As|"
    r"Indeed|Even|Already|Today|Yesterday|Back|Once)\b[^,]{0,80},\s*"
)
_VERB_INSIDE = {"is", "are", "was", "were", "be", "been", "being"}


def _fallback_speaker(left: str, speakers: _Speakers) -> tuple[ParsedSpeaker | None, int]:
    """The subject of "SUBJECT said" read as a noun phrase when no speaker pattern knew it."""
    reach = max(0, len(left) - _SUBJECT_REACH)
    left = left[reach:]  # a subject is near its verb: keeps the reading linear
    words = _strip_fillers(left).split()
    while words and (words[-1].casefold() in _FALLBACK_FILLER or (words[-1].endswith("ly") and words[-1].islower())):
        words.pop()
    if (
        not words
        or words[-1].casefold().strip(",") in _NOT_SUBJECT_START | _NOT_SUBJECT_JOIN
        or words[-1][-1] in '?!."”_'
    ):
        return None, -1
    text = " ".join(words).rstrip(",")
    text = text[max(text.rfind('"'), text.rfind("”")) + 1 :]  # '"...," my father said': after the quote
    relative = next(
        (
            m
            for m in _RELATIVE_CUT.finditer(text)
            if text[: m.start()].rsplit(None, 1)[-1:] != []
            and text[: m.start()].rsplit(None, 1)[-1].casefold() not in _NOT_SUBJECT_JOIN
        ),
        None,
    )
    if relative:
        text = text[: relative.start()].rstrip(" ,")  # "groups that have endorsed him say": the groups
    cut = None
    for cut in _CLAUSE_CUT.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    subject = text[cut.end() :] if cut else text
    comma = subject.rfind(", ")
    if comma >= 0 and len(subject[comma + 2 :].split()) <= 5 and len(subject[:comma].split()) >= 3:
        subject = subject[comma + 2 :]  # "..., several friends said": the words after the last comma
    subject = _LEADING_CONJUNCTION.sub("", _LEADING_PHRASE.sub("", subject).strip(" ,"))
    subject_words = subject.split()
    if not subject_words or len(subject_words) > 12 or "_" in subject:
        return None, -1
    if _VERB_INSIDE & {w.casefold() for w in subject_words} or subject_words[0].casefold() in _NOT_SUBJECT_START:
        return None, -1
    if subject_words[-1].casefold().strip(",") in _NOT_SUBJECT_END:
        return None, -1
    position = reach + left.rfind(subject_words[0])
    # A person named at the head of the subject ("RNC spokesman Sean Spicer on Thursday said").
    name = re.match(rf"(?:(?:[a-z][\w-]*\s+){{0,3}})({NAME_RUN})", subject)
    if (
        name
        and subject[: name.start(1)].strip().casefold() not in {"the", "a", "an"}
        and not re.match(r"[\w'’-]+['’]s\b", name.group(1).split()[-1] + " ")
    ):
        split = _clean_name(name.group(1))
        if split is not None and split[1] and not any(w.endswith(("'s", "’s")) for w in name.group(1).split()):
            speaker = _entity(name.group(1), speakers, [])
            if speaker is not None:
                return speaker, position
    return speakers.group(_group_name(" ".join(subject_words[:8]))), position


_QUOTE_INTRO_END = re.compile(
    r"(?:[,;]?\s*(?:\b(?:and|but)\s+)?(?:\b(?:then|later|also)\s+)?"
    r"(?:\b(?:added|adding|said|saying|went\s+on\s+to\s+say|continued|noting|explaining|declaring|"
    r"telling\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+|told\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+))?)?\s*[,:]?\s*$"
)


_PREPOSITION_START = re.compile(
    r"(?:of|in|at|on|to|about|by|with|for|from|during|after|before|when|while|as|into|via|back)\b|[a-z]+ly\b"
)


def _report_before_quote(masked: str, attribution: _Attribution, opening: int) -> tuple[int, int] | None:
    """Reported words between the verb and a quotation that follows them in the same sentence."""
    if attribution.content is None or not attribution.cue_end <= attribution.content[0] < opening:
        return None
    segment = masked[attribution.content[0] : opening]
    if _PREPOSITION_START.match(segment):
        return None  # 'said of the mayor: "..."', 'said in his book, "..."': no reported words
    if (
        len(segment) > 400
        or segment.rstrip()[-1:] not in {",", ":", ";", "—"}
        and not segment.rstrip().endswith((" said", " added", " say"))
    ):
        return None
    intro = _QUOTE_INTRO_END.search(segment)
    end = attribution.content[0] + (intro.start() if intro else len(segment))
    span = _trim(masked, attribution.content[0], end)
    if span is None or len(masked[span[0] : span[1]].split()) < 3:
        return None
    return span


def _content_before(masked: str, start: int, before_subject: str) -> tuple[int, int] | None:
    """The content of "CONTENT, the BBC reported.": up to the comma before the subject.

    The subject pattern may have left a determiner or a lower-case description out of the
    subject ("the", "longtime adviser"): a few such words between the comma and it are allowed.
    """
    if before_subject.endswith(","):
        return _trim(masked, start, start + len(before_subject))
    comma = before_subject.rfind(",")
    between = before_subject[comma + 1 :]
    if comma < 0 or len(between.split()) > 6 or any(mark in between for mark in '"“”_;:'):
        return None
    return _trim(masked, start, start + comma)


def _partial_speaker(masked: str, start: int, end: int, speakers: _Speakers) -> tuple[ParsedSpeaker, str] | None:
    sentence = masked[start:end]
    for match in _PARTIAL_CUE_RE.finditer(sentence):
        speaker, _ = _speaker_before(sentence[: match.start()], speakers)
        if speaker is not None:
            return speaker, match.group()
    return None


_MENTION_RE = re.compile(
    rf"(?<![\w'’])({NAME_RUN})(?:\s*,\s*((?:[a-z]|[Tt]he\b|[Aa]n?\b|[A-Z][\w-]*['’]s\s)[^,;\"“”]{{1,120}}?)\s*,)?"
)


def _mentioned_person(match: re.Match[str], outlets: Iterable[str] = ()) -> tuple[str, list[str]] | None:
    """(full name, titles) of a person named by a _MENTION_RE match; None for one word, places and bodies."""
    split = _clean_name(match.group(1))
    if split is None or len(split[1]) < 2:
        return None
    name = " ".join(split[1])
    if (
        name.isupper()
        or sum(1 for word in split[1] if len(word) > 1 and word.isalpha() and word.isupper()) >= 2
        or (
            name in COUNTRY_ALIASES
            or _is_organization(name)
            or media_name(name, outlets)
            or any(word in PLACE_WORDS or word in TITLE_HEADS for word in split[1])
        )
    ):
        return None
    titles = (_title_from_appositive(match.group(2)) or []) if match.group(2) else []
    if split[0]:
        titles = [" ".join(w for w in split[0] if w not in _HONORIFIC_WORDS)] + titles
    return name, [t for t in titles if t]


_HONORIFIC_SURNAME = re.compile(r"\b(Mr\.|Mrs\.|Ms\.|Miss)\s+(?:[A-Z][\w'’-]*\s+)*?([A-Z][\w'’-]*)(?![\w'’-]|\s+[A-Z])")


def _article_names(
    masked: str, outlets: Iterable[str]
) -> tuple[dict[str, tuple[str, list[str]]], dict[str, list[tuple[str, list[str]]]]]:
    """Full names in the article by surname (and by each later part of the name), with their first role.

    A surname two different people share is left out ("Kim" then stays unresolved) and returned apart,
    with everybody who bears it, for an honorific to choose from ("Mrs. Clinton").
    """
    found: dict[str, tuple[str, list[str]]] = {}
    shared: set[str] = set()
    bearers: dict[str, dict[str, list[str]]] = {}
    for match in _MENTION_RE.finditer(masked):
        person = _mentioned_person(match, outlets)
        if person is None:
            continue
        name, titles = person
        tokens = normalise_name(name).split()
        for index in range(1, len(tokens)):
            tail = " ".join(tokens[index:])
            bearers.setdefault(tail, {}).setdefault(name, titles)
            if tail in found and normalise_name(found[tail][0]) != " ".join(tokens):
                shared.add(tail)
            elif tail not in found:
                found[tail] = (name, titles)
            elif not found[tail][1] and titles:
                found[tail] = (found[tail][0], titles)  # the first mention that states a role
        key = " ".join(tokens)
        if key not in found or (not found[key][1] and titles):
            found[key] = (name, titles)
    for tail in shared:
        found.pop(tail, None)
    return found, {tail: list(bearers[tail].items()) for tail in shared}


_GROUP_SUBJECT = re.compile(rf"\s*({_GROUP_NP})\s+(?:have\s+|had\s+|also\s+)?{_PAST_VERB}\b")


def _note_mention(masked: str, start: int, end: int, speakers: _Speakers) -> None:
    """Remember the last person named in a sentence without speech, for a later "he said"."""
    speakers.version += 1
    text = masked[start:end].rstrip()
    if len(text.split()) <= 10 and text[-1:] not in ".!?\"”’'_)":
        return  # a subheading ("A Divisive Legacy"), not a sentence naming anybody
    group = _GROUP_SUBJECT.match(masked, start, end)
    if group:
        speakers.mentioned_group = _group_name(group.group(1))
    named: list[tuple[str, list[str], str | None]] = []
    for match in _MENTION_RE.finditer(masked, start, end):
        person = _mentioned_person(match, speakers.outlets)
        if person is None:
            known = _known_surname(match.group(1), speakers)
            if known is not None:
                named.append(known)  # "Mr. King", "Clinton": somebody already named
            continue
        name, titles = person
        if normalise_name(name).split()[-1] in speakers.by_token:
            name = speakers.by_token[normalise_name(name).split()[-1]].name
        speakers.know(name, titles)
        named.append((name, titles, None))
    # The subject is the likeliest "he" or "she" of the next sentence: a pronoun opening the sentence,
    # or else the first person named.
    subject = _PRONOUN_SUBJECT.match(masked, start, end)
    found = speakers.referent(subject.group(1)) if subject else None
    if found is not None:
        named.insert(0, (*found, "m" if subject.group(1).casefold() == "he" else "f"))
    for name, titles, gender in reversed(named):
        speakers.seen(name, titles, gender)


_PRONOUN_SUBJECT = re.compile(r"\s*(?:(?:But|And|Then|Later|Earlier|Still|Yet|So),?\s+)?([Hh]e|[Ss]he)\b")


def _known_surname(run: str, speakers: _Speakers) -> tuple[str, list[str], str | None] | None:
    """(full name, titles, gender) of a one-word mention naming a person met or named before."""
    split = _clean_name(run)
    if split is None or len(split[1]) != 1:
        return None
    key = normalise_name(split[1][0])
    honorific = next((w for w in split[0] if w in HONORIFICS), None)
    speaker = speakers.by_token.get(key)
    if speaker is not None and speaker.kind == "person":
        return speaker.name, speaker.titles, HONORIFICS.get(honorific or "")
    if key in speakers.article_names:
        name, titles = speakers.article_names[key]
        return name, titles, HONORIFICS.get(honorific or "")
    return None


def _quote_continues(masked: str, opening: int) -> bool:
    """Whether the sentence goes on after a quote that did not end in punctuation."""
    closing = masked.find("_", opening)
    while closing < len(masked) and masked[closing] == "_":
        closing += 1
    if closing < len(masked) and masked[closing] in ",.!?":
        return False  # the quoted words end a clause of their own
    after = masked[closing + 1 : closing + 40]
    if "\n" in after[: len(after) - len(after.lstrip())]:
        return False  # the paragraph ends with the quote
    after = after.lstrip()
    if not after or not after[0].isalnum():
        return False
    return not _CUE_RE.match(after) and not _PRONOUN_START.match(" " + after)


def _is_direct(
    masked: str, sentence_start: int, opening: int, attribution: _Attribution | None, direct: list[tuple[int, int]]
) -> bool:
    """Whether the quote opening at ``opening`` is a full quotation rather than a fragment."""
    lead = masked[sentence_start:opening].rstrip()
    if not lead:
        return True
    if _quote_continues(masked, opening):
        return False  # 'said "budget reforms" would pay for it': a fragment inside reported content
    if lead.endswith(":"):
        return True
    if lead.endswith(",") and (not lead[:-1].strip() or _CUE_RE.search(lead[-25:])):
        return True  # 'Halabi said, "...' or the quote opens the sentence
    if attribution is not None and lead.endswith(attribution.cue) and attribution.cue_end <= opening:
        return True  # 'Halabi said "...'
    if direct and attribution is not None and attribution.cue_end <= opening:
        # The second part of an interrupted quote: '"A," she said, adding, "B."' or '..., but "B."'
        between = masked[direct[-1][1] + 1 : opening]
        return lead.endswith((",", "but", "and")) and len(between.split()) <= 14
    return False


def speech_extract(
    body: str, *, paragraph_break: str = "\n\n", outlets: Iterable[str] = ()
) -> tuple[list[ParsedSpeaker], list[ParsedQuote]]:
    """All quotes in the body with their speakers, in reading order.

    Paragraphs are separated by a blank line (the press-text convention); pass
    ``paragraph_break="\\n"`` for text that puts one paragraph on each line. ``outlets`` are
    media names known to the caller (the article's own outlet): like the shipped list of news
    agencies, they are never speakers.
    """
    # Some outlets print quotation marks as two apostrophes; scan them as one mark plus a
    # filler so that every offset still points into the body as printed.
    scan = body.replace("''", '"' + _FILLER) if "''" in body else body
    spans = quote_spans(scan, paragraph_break)
    masked = _ledes_blank(_masked(scan, spans).replace(_FILLER, " "), paragraph_break)
    speakers = _Speakers(outlets=tuple(o for o in outlets if o))
    speakers.article_names, speakers.shared_names = _article_names(masked, speakers.outlets)
    for match in _HONORIFIC_SURNAME.finditer(masked):
        speakers.surname_genders.setdefault(normalise_name(match.group(2)), HONORIFICS[match.group(1)])
    quotes: list[ParsedQuote] = []
    span_index = 0
    previous_paragraph_speaker: ParsedSpeaker | None = None
    previous_ends_colon = False

    paragraph_start = 0
    length = len(masked)
    while paragraph_start < length:
        paragraph_end = masked.find(paragraph_break, paragraph_start)
        if paragraph_end < 0:
            paragraph_end = length
        sentences = _sentences(masked, paragraph_start, paragraph_end)
        paragraph_speaker: ParsedSpeaker | None = None
        pending: list[tuple[int, int, str]] = []  # direct quotes waiting for a speaker
        for sentence_start, sentence_end in sentences:
            in_sentence = []
            while span_index < len(spans) and spans[span_index][0] < sentence_end:
                if spans[span_index][0] >= sentence_start:
                    in_sentence.append(spans[span_index])
                span_index += 1
            attribution = _attribution(masked, sentence_start, sentence_end, speakers)
            if attribution is None and _FALLBACK_CUE_RE.search(masked, sentence_start, sentence_end):
                attribution = _attribution(masked, sentence_start, sentence_end, speakers, fallback=True)
            direct = []
            partial = []
            for opening, closing in in_sentence:
                if _is_direct(masked, sentence_start, opening, attribution, direct):
                    direct.append((opening, closing))
                else:
                    partial.append((opening, closing))
            if attribution is None:
                found = _partial_speaker(masked, sentence_start, sentence_end, speakers) if partial else None
                if found is not None:
                    for opening, closing in partial:
                        _quote_add(quotes, body, found[0], "partial", opening + 1, closing, found[1], None)
                for opening, closing in direct:
                    pending.append((opening, closing, ""))
                if not direct and not in_sentence:
                    _note_mention(masked, sentence_start, sentence_end, speakers)
                continue
            speaker = attribution.speaker
            paragraph_speaker = speaker
            # "..., he said, adding that ...": a second report by the same speaker.
            adding = _ADDING_RE.search(masked, attribution.cue_end, sentence_end)
            second = _trim(masked, adding.end(), sentence_end) if adding else None
            if second is not None and masked[second[0]] in '"“':
                second = None  # 'adding, "..."' is a direct quote, found as such
            cue, channel = attribution.cue, attribution.channel
            mixed = _mixed_report(masked, body, sentence_start, attribution, direct[0]) if direct else None
            if mixed is not None:
                # "The harbour, she said, "was never meant for tankers."": one report, part quoted.
                _quote_add(quotes, body, speaker, "indirect", mixed[0], mixed[1], cue, channel)
                partial.insert(0, direct.pop(0))
            if direct:
                before_quote = _report_before_quote(masked, attribution, direct[0][0])
                if before_quote is not None:
                    # "She noted that A, and added: "B."": A is reported, B quoted.
                    _quote_add(quotes, body, speaker, "indirect", before_quote[0], before_quote[1], cue, channel)
                for opening, closing in direct:
                    _quote_add(quotes, body, speaker, "direct", opening + 1, closing, cue, channel)
            elif attribution.content is not None and mixed is None:
                content_start, content_end = attribution.content
                if second is not None and content_start < adding.start() < content_end:
                    # The first report ends where "adding that" starts.
                    first = _trim(masked, content_start, adding.start())
                    content_end = first[1] if first else content_end
                _quote_add(quotes, body, speaker, "indirect", content_start, content_end, cue, channel)
            if second is not None:
                _quote_add(quotes, body, speaker, "indirect", second[0], second[1], adding.group(1), channel)
            for opening, closing in partial:
                _quote_add(quotes, body, speaker, "partial", opening + 1, closing, cue, channel)
        if pending:
            # Quotes in a paragraph without their own attribution: the paragraph's speaker, or the
            # speaker of a paragraph that ended "... she said:".
            owner = paragraph_speaker or (previous_paragraph_speaker if previous_ends_colon else None)
            if owner is not None:
                for opening, closing, _ in pending:
                    kind = _pending_kind(masked, quotes, paragraph_start, opening)
                    _quote_add(quotes, body, owner, kind, opening + 1, closing, None, None)
                paragraph_speaker = owner
        previous_paragraph_speaker = paragraph_speaker
        # Only a paragraph that ends "... he said:" hands its speaker to the next one; a quote
        # standing alone after other attributed text is too often someone else's (a tweet, a reader).
        previous_ends_colon = masked[paragraph_start:paragraph_end].rstrip().endswith(":")
        paragraph_start = paragraph_end + len(paragraph_break)
    quotes.sort(key=lambda quote: quote.start)
    quotes = _interrupted_quotes_join(body, quotes, paragraph_break)
    used = {quote.speaker for quote in quotes}
    return [s for s in speakers.by_key.values() if s.name in used], quotes


_FIRST_LETTER = re.compile(r"[^\W\d_]")


def _ledes_blank(masked: str, paragraph_break: str) -> str:
    """The masked body with wire ledes ("ALMATY, June 3 (Agency) - ") blanked: never a quote or a speaker."""
    parts = []
    position = 0
    while position < len(masked):
        end = masked.find(paragraph_break, position)
        end = len(masked) if end < 0 else end + len(paragraph_break)
        paragraph = masked[position:end]
        lede = wire_lede(paragraph[:160]) if paragraph[:1].isupper() else None
        parts.append(" " * lede[0] + paragraph[lede[0] :] if lede else paragraph)
        position = end
    return "".join(parts)


def _mixed_report(
    masked: str, body: str, sentence_start: int, attribution: _Attribution, quote: tuple[int, int]
) -> tuple[int, int] | None:
    """The span of 'CONTENT, X said, "lower-case rest of it."': reported words that run on into a quote.

    Such a quote is a fragment, not a quotation of its own: the report starts with the sentence.
    """
    opening, closing = quote
    letter = _FIRST_LETTER.search(body, opening + 1, min(closing, opening + 12))
    if letter is None or not letter.group().islower():
        return None
    if not sentence_start < attribution.cue_start < opening or len(masked[attribution.cue_end : opening].split()) > 4:
        return None
    before = masked[sentence_start : attribution.cue_start].rstrip()
    comma = before.rfind(",")
    if comma < 0 or len(before[comma + 1 :].split()) > 6:
        return None
    prefix = before[:comma].strip()
    if len(prefix.split()) < 2 or prefix[:1] in "\"“”'‘_" or "_" in prefix[:3]:
        return None
    return _trim(masked, sentence_start, closing)


# What stands between the parts of an interrupted quote: a closing mark, the attribution, an opening mark.
_INTERRUPTION = re.compile(
    r"[,.!?;:—–-]?\s*[\"”’']{1,2}(?P<middle>(?:[^\"“”]|[\"“][^\"“”\s]{1,20}[\"”]){1,160}?)[\"“‘']{1,2}\s*"
)


# A second part followed by its own attribution ('"B," said X.') is a statement of its own.
_OWN_ATTRIBUTION = re.compile(r"[,!?]?[\"”’']{1,2}\s+(?=[^.\"“”\n]{0,60}?\b(?:said|says|told|added|asked|wrote)\b)")


def _interrupted_quotes_join(body: str, quotes: list[ParsedQuote], paragraph_break: str) -> list[ParsedQuote]:
    """'"A," she said. "B."' as one statement: a single direct quote from A to B, as a reader counts it.

    The parts join when they are direct quotes of one speaker in one paragraph and only an
    attribution (a reporting verb, a dozen words at most) stands between them.
    """
    joined: list[ParsedQuote] = []
    for quote in quotes:
        # A quoted nickname inside the attribution ('Marcia "Cia" Price') is no part to join across.
        inside = 0
        while (
            len(joined) > inside + 1 and joined[-1 - inside].kind == "partial" and len(joined[-1 - inside].text) <= 20
        ):
            inside += 1
        last = joined[-1 - inside] if joined else None
        if (
            last is not None
            and last.kind == quote.kind == "direct"
            and last.speaker == quote.speaker
            and last.end <= quote.start
            and paragraph_break not in body[last.end : quote.start]
        ):
            between = _INTERRUPTION.fullmatch(body, last.end, quote.start)
            middle = between.group("middle") if between else ""
            own = _OWN_ATTRIBUTION.match(body, quote.end, min(len(body), quote.end + 90))
            if between and len(middle.split()) <= 16 and _CUE_RE.search(middle) and not own:
                del joined[len(joined) - inside :]
                joined[-1] = ParsedQuote(
                    last.speaker,
                    "direct",
                    body[last.start : quote.end],
                    last.start,
                    quote.end,
                    last.cue or quote.cue,
                    last.channel or quote.channel,
                )
                continue
        joined.append(quote)
    return joined


def _pending_kind(masked: str, quotes: list[ParsedQuote], paragraph_start: int, opening: int) -> str:
    """The kind of a quote with no attribution of its own, given to the paragraph's speaker.

    After a direct quote ('"A," she said. "B."'), alone in its paragraph, or introduced by a
    reporting verb whose subject was not found it is a direct quote; after an indirect report or
    the reporter's own words it continues what was reported and is given as a partial quote.
    """
    lead = masked[max(paragraph_start, opening - 60) : opening].rstrip()
    if lead.endswith((",", ":")) and _CUE_RE.search(lead[-30:]):
        return "direct"  # 'I laughed and said, "...'
    for quote in reversed(quotes):  # in reading order up to this paragraph: look back only as far as it
        if quote.start < paragraph_start:
            break
        if quote.kind != "partial" and quote.start < opening:
            return quote.kind if quote.kind == "direct" else "partial"
    return "partial" if _NON_SPACE.search(masked, paragraph_start, opening) else "direct"


_NON_SPACE = re.compile(r"\S")


def _quote_add(
    quotes: list[ParsedQuote],
    body: str,
    speaker: ParsedSpeaker,
    kind: str,
    start: int,
    end: int,
    cue: str | None,
    channel: str | None,
) -> None:
    if start < end and body[start] == "'" and body[start - 1] == "'":
        start += 1  # the second apostrophe of a two-apostrophe opening mark
    if kind == "direct" and end > start and body[end - 1] == ",":
        end -= 1  # the comma stands for the period the attribution replaced
    if end <= start:
        return
    quotes.append(ParsedQuote(speaker.name, kind, body[start:end], start, end, cue or None, channel))
