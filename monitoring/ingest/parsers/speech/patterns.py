"""The regular expressions of the speech rules, by name: what each one matches is said above it."""

from __future__ import annotations

import re

from .lexicon import EVALUATIVE_VERBS, PLAIN_CUES, REPORTING_CUES
from .vocabulary import CHANNEL_NOUNS, GROUP_HEADS, GROUP_MODIFIERS, TITLE_NOUNS

OUTLET_REPORTING = re.compile(
    r"\b(?:report|reports|reporting|article|story|editorial|analysis|investigation|coverage)\b"
)

CAPITAL_RUN = re.compile(r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*")

HONORIFIC_ABBREVIATIONS = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Rev|Amb|Pres)\."

PARTICLES = r"(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|ibn|al|el|dos|das|ter|ten|y|zu|mac)"

CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"

NAME_TOKEN = rf"(?:{HONORIFIC_ABBREVIATIONS}|St\.|(?:[A-Z]\.)+|(?:al|el|ad|as|ash|ar|bin)-[A-Z][\w'’-]*|{CAPITALISED})"

NAME_RUN = rf"{NAME_TOKEN}(?:[ \t]+(?:{PARTICLES}[ \t]+)*{NAME_TOKEN})*"

QUOTE_MARK = re.compile(r"[\"“”]")

CUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(REPORTING_CUES, key=len, reverse=True)) + r")\b"
    r"|\b[Aa]ccording to\b"
    r"|\b(?:was|were|is|are)\s+quoted\s+as\s+saying\b"
    r"|\bquoted\s+(?:him|her|them|it|" + NAME_RUN + r")\s+as\s+saying\b"
)

PARTIAL_CUE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(EVALUATIVE_VERBS) + r")\b")  # not "so-called"

SENTENCE_END = re.compile(r"[.!?][\"”’')\]\x01]*\s+(?=[\"“‘(\[]?[A-Z0-9À-ÖØ-Þ_])")

ADDING_RE = re.compile(
    r",\s*((?:adding|saying|noting|arguing|claiming|insisting|warning|explaining|stressing|urging|"
    r"going on to say|telling\s+(?:[\w'’-]+\s+){0,3}?))\s*(?:that\b)?\s*"
)

SHARE_END = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|but|while|whereas)\s+)((?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust|[Mm]ore than|[Ll]ess than|[Aa]nother)\s+)?"
    r"(?:(?:\d[\d.,]*|[A-Za-z]+(?:-[a-z]+)?)\s+(?:percent|per\s+cent)|(?:[Oo]ne|[Tt]wo|\d+)\s+in\s+\w+|(?:[Aa]|[Tt]he)\s+(?:majority|minority)|"
    r"(?:[Hh]alf|[Aa]\s+third|[Aa]\s+quarter|[Tt]wo-thirds))(?:\s+of\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?)\s*$"
)

AND_END = re.compile(r"\s(?:and|but)\s*$")

PAST_VERB = (
    r"(?:[a-z]+ed|put|met|told|said|sent|gave|made|took|spoke|wrote|went|left|held|led|cut|set|hit|kept|"
    r"won|lost|sought|brought|began|saw|read|ran|heard|stood|struck|spent|paid|cast|gathered)"
)

SENTENCE_SUBJECT = re.compile(rf"\s*([^\"“”;]{{1,140}}?)\s+(?:has\s+|had\s+|also\s+|later\s+|first\s+)?{PAST_VERB}\b")

CHANNEL_SOURCE = re.compile(rf"(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{CHANNEL_NOUNS})\b")

TITLE_BEFORE_OF = re.compile(
    r"\b(?:Secretary|Minister|Ministry|Department|Chief|Director|Head|President)\s+of\s+(?:the\s+)?$"
)

PREPOSITION_END = re.compile(r"\b(?:in|at|from|of|for|with|by|to|on|near|into)\s+(?:the\s+)?$")

PARTICIPLE_AFTER = re.compile(r"\s*,\s*(?!saying|adding|noting|telling|arguing|insisting|warning)[a-z]+ing\b")

AUXILIARY_START = re.compile(r"(?:will|would|is|was|are|were|has|have|had|can|could|should|must)\b")

NOT_CONTENT_START = re.compile(
    r"(?:with|by|at(?!\s+least\b)|from|to\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w-]+\s+)?"
    r"(?:crowd|reporters|journalists|supporters|audience|press|media|delegates|voters|rally|room|camera)(?=[\s.,;!?]|$))\b"
)

PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:(?:[a-z]+ly|first|also|later|then)\s+)?$")

RELATIVE_END = re.compile(rf"({NAME_RUN})\s*,?\s+who\s*$")

ASIDE_END = re.compile(r",\s*(?:however|meanwhile|too|though|in turn|for their part|for his part|for her part),\s*$")

RELATIVE_NP_END = re.compile(
    r"\b((?:[Aa]n?|[Tt]he|[Ss]ome|[Mm]any|[Oo]thers?)(?:\s+[a-z][\w'’-]*){1,3})\s*,?\s+who\s*$"
)

TIME_END = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+(?:week|month|year)|"
    r"this\s+(?:week|month|year)|earlier\s+this\s+\w+|in\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December))\s*$"
)

PRONOUN_END = re.compile(r"(?<![\w'’])([Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s*$")

NAME_END = re.compile(rf"({NAME_RUN})\s*$")

# "Ivo Brandt (left), chairman of the League, ": the name, an optional bracket, the appositive.
APPOSITIVE_END = re.compile(
    rf"({NAME_RUN})(?:\s*\([^()]{{1,40}}\))?\s*,\s*([^,;\"“”]{{2,160}}?(?:,\s*[^,;\"“”]{{2,80}}?)?)\s*,\s*$"
)

LOWER_TITLE_END = re.compile(
    r"(?<![\w'’])((?:[A-Z][\w'’-]*\s+){0,3}(?:[a-z-]+\s+)?(?:" + "|".join(TITLE_NOUNS) + r"))\s+$"
)

REVERSED_APPOSITIVE_END = re.compile(
    r"(?:^|[,;:]\s|[,;:][\"”]\s|\b(?:and|but|while)\s)\s*([^,;\"“”]{0,80}?\b(?i:"
    + "|".join(TITLE_NOUNS)
    + r")(?:\s+(?:of|for|at)\s+[^,;\"“”]{2,60})?)\s*,\s*"
    rf"({NAME_RUN})\s*,\s*$"
)

REVERSED_APPOSITIVE_START = re.compile(
    r"\s*([^,;\"“”]{0,60}?\b(?i:" + "|".join(TITLE_NOUNS) + r")(?:\s+(?:of|for|at)\s+[^,;\"“”]{2,60})?)\s*,\s*"
    rf"({NAME_RUN})(?=\s*(?:[,.;]|$))"
)

LEADING_DETERMINER = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+")

BARE_NAME = re.compile(rf"(?:and\s+|or\s+)?{NAME_RUN}")

PARTY_LABEL = re.compile(r"[A-Z]-[A-Z][\w.]*\.?$")

HONORIFIC_RE = re.compile(HONORIFIC_ABBREVIATIONS)

PREFIXED_NAME_START = re.compile(rf"\s*((?:[a-z0-9][\w/'’-]*\s+){{1,4}}?)({NAME_RUN})(?=\s*(?:[,.;]|$))")

TITLE_NOUN_RE = re.compile(r"\b(?:" + "|".join(TITLE_NOUNS) + r")\b")

NAME_OF_END = re.compile(rf"({NAME_RUN})\s+(?:of|from)\s+(?:the\s+)?({NAME_RUN})\s*$")

DEFINITE_NP_END = re.compile(
    r"(?:^|[,;:][\"”’]?\s*|\b(?:and|but)\s+)((?:[Tt]he|[Aa]n?|[A-Z][\w-]*['’]s)\s+(?:[a-z][\w'’-]*\s+){0,3}(?:association|union|"
    r"federation|council|committee|commission|ministry|government|group|alliance|coalition|institute|"
    r"agency|company|firm|bank|embassy|office|party|league|court|army|police|board|authority|"
    r"authorities|organisers|organizers|administration|campaign|network|newspaper|broadcaster|"
    r"secretariat|cabinet|presidency|palace|spokesman|spokeswoman|spokesperson|delegation|mission|guard|"
    r"navy|military|regulator|watchdog|prosecutor's office|central bank))\s*$"
)

PAREN_END = re.compile(rf"({NAME_RUN})\s*\(([^()]{{2,120}})\)\s*$")

TITLE_REF_END = re.compile(r"(?<![\w'’])[Tt]he\s+((?:[\w-]+\s+){0,3}?(?:" + "|".join(TITLE_NOUNS) + r"))\s*$")


def case_variants(words: list[str]) -> str:
    return "|".join(sorted({v for w in words for v in (w, w[:1].upper() + w[1:])}, key=len, reverse=True))


GROUP_NP = (
    rf"(?:(?:{case_variants(GROUP_MODIFIERS)}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?|\d+)\s+){{0,3}}"
    rf"(?:{case_variants(GROUP_HEADS)})"
    r"(?:\s+(?:from|of|at|in|for|with|close to|familiar with|representing)\s+"
    r"(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)?"
)

GROUP_END = re.compile(rf"(?<![\w'’-])({GROUP_NP})\s*$")

GROUP_START = re.compile(rf"\s*({GROUP_NP})(?=\s*(?:[,.;]|$|\s+(?:in|at|on|during|told)\b))")

NAME_START = re.compile(rf"\s*({NAME_RUN})")

TITLE_REF_START = re.compile(r"\s*[Tt]he\s+((?:[\w-]+\s+){0,3}?(?:" + "|".join(TITLE_NOUNS) + r"))(?![\w-])")

PRONOUN_START = re.compile(r"\s*(he|she|they)\b")

APPOSITIVE_AFTER = re.compile(r"\s*,\s*([^,;\"“”]{2,160}?)\s*(?=,|[.;!?]?\s*$)")

CHANNEL_RE = re.compile(
    r"\b(?:in|at|during|via|through|on|with)\s+(?:a|an|the|his|her|their|its|a\s+joint|one\s+of\s+his|one\s+of\s+her)\s+"
    r"(?:(?:joint|televised|written|recorded|brief|keynote|weekly|opening|closing|separate|exclusive|"
    r"lengthy|short|rare|recent|late-night|virtual|online|phone|telephone|radio|TV|television|"
    r"national|annual|new)\s+)*"
    rf"({CHANNEL_NOUNS})\b"
)

INTERVIEW_WITH = re.compile(
    rf"\btold\s+(?:the\s+)?({NAME_RUN})\s+in\s+an?\s+(?:exclusive\s+|phone\s+|telephone\s+)?interview"
)

QUOTED_BY = re.compile(
    rf"(?:^|[,;]\s*|\s)(?:the\s+)?({NAME_RUN})\s+quoted\s+(him|her|them|it|{NAME_RUN})\s+as\s+saying\b"
)

TIME_WORDS = (
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|earlier(?:\s+(?:this|on)\s+\w+)?"
    r"|later|yesterday|today|again|also|repeatedly|previously|recently|then|separately|privately|publicly"
    r"|openly|bluntly|flatly|firmly|clearly|once\s+again"
    r"|on\s+\w+\s+\d{1,2}|in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s+\d{4})?|in\s+\d{4}"
    r"|to\s+(?:reporters|journalists|the\s+press|lawmakers))"
)

CHANNEL_PHRASE = (
    rf"(?:(?:in|at|during|via|through|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,3}}?(?:{CHANNEL_NOUNS})\b"
    r"(?:\s+(?:at|to|on|before|with)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s*,|\s+that\b))?)"
)

# "said at an event in Colorado Springs that ...": a short place phrase before "that".
PLACE_BEFORE_THAT = r"(?:at|in|during|after|before|from|with)\s+(?:[\w'’.-]+\s+){0,6}?(?=that\b)"

PREFIX_RE = re.compile(rf"(?:\s*,?\s*(?:{TIME_WORDS}|{CHANNEL_PHRASE}|{PLACE_BEFORE_THAT}))*\s*,?\s*")

OBJECT_RE = re.compile(
    rf"\s*(?:(?:the\s+)?{NAME_RUN}|reporters|journalists|lawmakers|parliament|delegates|the\s+[\w-]+(?:\s+[\w-]+)?|"
    r"him|her|them|us|me|members|listeners|viewers|supporters|an?\s+[\w-]+\s+(?:audience|crowd|meeting|gathering|forum))\b"
)

ACCORDING_CHANNEL = re.compile(
    rf",\s*according\s+to\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?({CHANNEL_NOUNS})\b"
)

DELEGATES_AHEAD = re.compile(r"\s+(?:[\w-]+\s+)?delegates?\b")

THAT_AHEAD = re.compile(r"[^.;:\"“”_]{0,60}?\bthat\b")

INVERSION_AHEAD = re.compile(r"\s+[^\W\d_]")

INVERSION_REST = re.compile(r"\s*(?:,?\s*(?:on|in|at|during|from|to|via)\s[^,;\"“”]{1,60}?)?\s*[.!?]?\s*")

ANONYMITY_AFTER = re.compile(r"\s*(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity)\b")

THAT_START = re.compile(r"\s*that\b\s*")

LEADING_CONJUNCTION = re.compile(r"^(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Hh]owever|[Mm]eanwhile|[Ss]till)\s+")

TITLE_ORG_RE = re.compile(rf"{CAPITALISED}(?:\s+(?:(?:of|for|and|on)(?:\s+the)?\s+)?{CAPITALISED})*")

DESCRIPTION_END = re.compile(
    r"(?:^|[,;:—][\"”’]?\s*|\b(?:and|but)\s+)((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,4}[a-z][a-z-]*)\s*$"
)

# Words that end a description but are no speaker ("the plan said" is not speech).
CLAUSE_SUBJECT_END = re.compile(
    r"(?:^|[.;:—]\s*|,\s*(?:and\s+|but\s+)?)((?:[A-Z][\w'’%.-]*|\d[\d.,%]*)(?:\s+[\w'’%.-]+){0,5})\s*$"
)

DESCRIBED_START = re.compile(rf"\s*({NAME_RUN})\s+((?:[a-z][\w-]*\s+){{1,3}})({NAME_RUN})")

WORD_RE = re.compile(r"[A-Za-z]+")

QUOTED_AUXILIARY = re.compile(r"\b(?:was|were|is|are)\s+$")

FALLBACK_CUE_RE = re.compile(r"\b(?:" + "|".join(sorted(PLAIN_CUES, key=len, reverse=True)) + r")\b")

CLAUSE_CUT = re.compile(
    r"(?:[;:]|\s[—–]\s|,\s+(?:and|but|while|whereas|though|although|because|since|so|yet)\s+|\s(?:but|while|whereas)\s+)"
)

RELATIVE_CUT = re.compile(r",?\s+(?:who|that|which|whose|whom)\s")

LEADING_PHRASE = re.compile(
    r"^(?:In|At|On|During|After|Before|When|While|Since|For|From|With|Without|Despite|Speaking|Asked|Earlier|"
    r"Later|Last|This|Meanwhile|However|Still|Yet|Instead|Also|Separately|But|And|Now|Then|Like|Unlike|As|"
    r"Indeed|Even|Already|Today|Yesterday|Back|Once)\b[^,]{0,80},\s*"
)

QUOTE_INTRO_END = re.compile(
    r"(?:[,;]?\s*(?:\b(?:and|but)\s+)?(?:\b(?:then|later|also)\s+)?"
    r"(?:\b(?:added|adding|said|saying|went\s+on\s+to\s+say|continued|noting|explaining|declaring|"
    r"telling\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+|told\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+))?)?\s*[,:]?\s*$"
)

PREPOSITION_START = re.compile(
    r"(?:of|in|at|on|to|about|by|with|for|from|during|after|before|when|while|as|into|via|back)\b|[a-z]+ly\b"
)

MENTION_RE = re.compile(
    rf"(?<![\w'’])({NAME_RUN})(?:\s*,\s*((?:[a-z]|[Tt]he\b|[Aa]n?\b|[A-Z][\w-]*['’]s\s)[^,;\"“”]{{1,120}}?)\s*,)?"
)

HONORIFIC_SURNAME = re.compile(r"\b(Mr\.|Mrs\.|Ms\.|Miss)\s+(?:[A-Z][\w'’-]*\s+)*?([A-Z][\w'’-]*)(?![\w'’-]|\s+[A-Z])")

GROUP_SUBJECT = re.compile(rf"\s*({GROUP_NP})\s+(?:have\s+|had\s+|also\s+)?{PAST_VERB}\b")

PRONOUN_SUBJECT = re.compile(r"\s*(?:(?:But|And|Then|Later|Earlier|Still|Yet|So),?\s+)?([Hh]e|[Ss]he)\b")

FIRST_LETTER = re.compile(r"[^\W\d_]")

# What stands between the parts of an interrupted quote: a closing mark, the attribution, an opening mark.
INTERRUPTION = re.compile(
    r"[,.!?;:—–-]?\s*[\"”’']{1,2}(?P<middle>(?:[^\"“”]|[\"“][^\"“”\s]{1,20}[\"”]){1,160}?)[\"“‘']{1,2}\s*"
)

# A second part followed by its own attribution ('"B," said X.') is a statement of its own.
OWN_ATTRIBUTION = re.compile(r"[,!?]?[\"”’']{1,2}\s+(?=[^.\"“”\n]{0,60}?\b(?:said|says|told|added|asked|wrote)\b)")

NON_SPACE = re.compile(r"\S")
