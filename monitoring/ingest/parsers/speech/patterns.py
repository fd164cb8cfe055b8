"""The regular expressions of the speech rules, by name, written verbose (``re.X``) with comments.

Fragments meant to be embedded in other patterns (``NAME_RUN``, ``GROUP_NP`` ...) are wrapped in
``(?x: ...)``, so that they keep their layout inside patterns that are not verbose (the mentions
parser embeds ``NAME_RUN`` too). In a verbose pattern a literal space is written ``\\ `` and
whitespace is otherwise ignored. Patterns named ``..._END`` are searched near the end of the
words before a reporting verb (they end with ``$``); ``..._START`` ones are matched at the
start of the words after it.
"""

from __future__ import annotations

import re

from .lexicon import (
    EVALUATIVE_VERBS,
    NEEDS_THAT,
    PARTICIPLE_CUES,
    PLAIN_CUES,
    QUESTION_CUES,
    REPORTING_CUES,
    TOPIC_CUES,
    TOPIC_NOUN_GOVERNS,
    TOPIC_OWNED_GOVERNS,
    TOPIC_VERB_GOVERNS,
)
from .vocabulary import (
    BACK_REFERENCE_ROLES,
    CHANNEL_NOUNS,
    FRONTED_VERBS,
    GROUP_HEADS,
    GROUP_MODIFIERS,
    PARTY_MEMBER_WORDS,
    SINGLE_PERSON_HEADS,
    TITLE_NOUNS,
)

X = re.VERBOSE


def alternatives(words) -> str:
    """Words as a regex alternation, longest first (so that "says" is not read as "say")."""
    return "|".join(sorted(words, key=len, reverse=True))


def case_variants(words: list[str]) -> str:
    """Each word as printed and with a capital (it may open a sentence), longest first."""
    return alternatives({v for w in words for v in (w, w[:1].upper() + w[1:])})


TITLE_NOUN_ALTERNATIVES = "|".join(TITLE_NOUNS)
# A word before a role's head: a word, or initials with periods ("the U.S. senator", "the U.N. envoy").
INITIALISM_WORD = r"(?:(?:[A-Z]\.){2,}|[\w-]+)"

# --- names -----------------------------------------------------------------------------------

HONORIFIC_ABBREVIATIONS = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Rev|Amb|Pres)\."
# Lower-case particles inside a name: "Ana de la Cruz", "Ludwig van Beethoven".
PARTICLES = r"(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|ibn|al|el|dos|das|ter|ten|y|zu|mac)"
CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"
NAME_TOKEN = rf"""(?x:
    {HONORIFIC_ABBREVIATIONS}
  | St\.                                        # "St. John"
  | (?:Jr|Sr)\.(?=\s*,)                          # "Joseph F. Dunford Jr., the chairman"
  | (?:[A-Z]\.)+                                # initials: "J.R."
  | (?:al|el|ad|as|ash|ar|bin)-[A-Z][\w'’-]*    # "al-Assad"
  | (?! {HONORIFIC_ABBREVIATIONS} ) {CAPITALISED}    # ("Gov." is never "Gov" ending a name before a period)
)"""
# A run of capitalised words on one line, with particles between them: a name, or a title and a name.
NAME_RUN = rf"""(?x: {NAME_TOKEN} (?: [\ \t]+ (?: {PARTICLES} [\ \t]+ )* {NAME_TOKEN} )* )"""

CAPITAL_RUN = re.compile(r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*")
HONORIFIC_RE = re.compile(HONORIFIC_ABBREVIATIONS)
# "Mr. (John) King": the honorific and the surname, for the surname's gender.
HONORIFIC_SURNAME = re.compile(
    r"""\b (Mr\.|Mrs\.|Ms\.|Miss) \s+
        (?: [A-Z][\w'’-]* \s+ )*?       # given names
        ([A-Z][\w'’-]*)                 # the surname: the last capitalised word
        (?! [\w'’-] | \s+[A-Z] )""",
    X,
)
# Capitalised words with "of", "for", "and", "on" between them: "Ministry of Foreign Affairs".
TITLE_ORG_RE = re.compile(rf"{CAPITALISED}(?:\s+(?:(?:of|for|and|on)(?:\s+the)?\s+)?{CAPITALISED})*")
# A name, then maybe its appositive ("Ivo Brandt, chairman of the league,"): persons named in the article.
MENTION_RE = re.compile(
    rf"""(?<![\w'’]) ({NAME_RUN})
        (?: \s*,\s*
            (                                       # the appositive: lower case, "the", "a", "X's"
                (?: [a-z] | [Tt]he\b | [Aa]n?\b | [A-Z][\w-]*['’]s\s )
                [^,;"“”]{{1,120}}?
            )
            \s*,
        )?""",
    X,
)
PARTY_LABEL = re.compile(r"[A-Z]-[A-Z][\w.]*\.?$")  # "R-Ky."
TRAILING_NAME = re.compile(rf"({NAME_RUN})\s*$")  # "party chairwoman Nancy Worley": the name ending a phrase
BARE_NAME = re.compile(rf"(?:and\s+|or\s+)?{NAME_RUN}")  # one of a list of names
TITLE_NOUN_RE = re.compile(rf"\b(?:{TITLE_NOUN_ALTERNATIVES})\b")
OUTLET_REPORTING = re.compile(
    r"\b(?:report|reports|reporting|article|story|editorial|analysis|investigation|coverage)\b"
)

# --- reporting cues ----------------------------------------------------------------------------

CUE_RE = re.compile(
    rf"""\b(?-x:{alternatives(REPORTING_CUES)})\b
      | \b[Aa]ccording\ to\b
      | \b(?:was|were|is|are) \s+ quoted \s+ as \s+ saying\b
      | \bquoted \s+ (?:him|her|them|it|{NAME_RUN}) \s+ as \s+ saying\b""",
    X,
)
# "Okafor Says ...": the capitalised cue of a title-case headline.
HEADLINE_CUE = re.compile(r"(?<=\s)(?:Says|Tells|Warns|Urges|Claims|Vows)(?=\s)")
QUOTED_AUXILIARY = re.compile(r"\b(?:was|were|is|are)\s+$")  # "was quoted": the cue starts before "quoted"
PARTIAL_CUE_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(EVALUATIVE_VERBS)})\b")  # not "so-called"
FALLBACK_CUE_RE = re.compile(rf"\b(?:{alternatives(PLAIN_CUES)})\b")
WORD_RE = re.compile(r"[A-Za-z]+")

# --- sentences and quotes ------------------------------------------------------------------------

QUOTE_MARK = re.compile(r"[\"“”]")
SENTENCE_END = re.compile(
    r"""[.!?] ["”’')\]\x01]*      # the end mark and any closing marks
        \s+
        (?= (?: [(\[]? ["“‘]? ) [A-Z0-9À-ÖØ-Þ_] )  # a capital (or a masked quote) starts the next sentence, or a
        # parenthesis does ('. ("We won," she said.)')
      | (?<=[a-z]{2}) [.!?]                # or no space after it, between a lower-case word and a capitalised
        (?= [A-Z][a-z]+ [\s,;:] )          # word ("said.Trump claimed"; not "Amazon.com", "www.Reuters.com")""",
    X,
)
# What stands between the parts of an interrupted quote: a closing mark, the attribution, an opening mark.
INTERRUPTION = re.compile(
    r"""[,.!?;:—–-]? \s* ["”’']{1,2}
        (?P<middle> (?: [^"“”] | ["“][^"“”\s]{1,20}["”] ){1,160}? )   # a nickname in marks may stand inside
        ["“‘']{1,2} \s*""",
    X,
)
# Between a report that ends with quoted words and the quotation that goes on after its attribution:
# ' Weingart said. "', ' he added, "'.
REPORT_TO_QUOTE = re.compile(r"""[.,!?]?["”']? \s+ (?P<middle> [^"“”\n]{1,240}? ) [.,:] \s* ["“‘']{1,2}""", X)
# The end of a report whose last words are quoted (its span may stop before the closing mark).
QUOTED_END = re.compile(r"""["”']|.[.,!?]?["”']""")
PARTICIPLE_START = re.compile(r"[\s,]*[a-z]+ing\b")
# A sentence end inside an attribution: more than the attribution stands there ("Mr." is no end).
OTHER_SENTENCE = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\b[A-Z])[.!?;]\s")
# '..., Berg said, adding, "...': the quotation after a participle is a second report, after what came before.
QUOTE_AFTER_PARTICIPLE = re.compile(rf"[^,\"“”_]{{0,40}},\s*(?:{'|'.join(sorted(PARTICIPLE_CUES - NEEDS_THAT))}),?\s*$")
# A second part followed by its own attribution ('"B," said X.') is a statement of its own.
OWN_ATTRIBUTION = re.compile(r"[,!?]?[\"”’']{1,2}\s+(?=[^.\"“”\n]{0,60}?\b(?:said|says|told|added|asked|wrote)\b)")
# "Instead, she said, "...", "Of course, Ruiz said, "...": an adverb of the speaker's own argument that opens the
# sentence, set off by its comma before the attribution, is part of the report. (Not "But" or "Still", which news
# copy uses as often for the reporter's own link to the sentence before.)
CONNECTIVE_OPENING = re.compile(
    r"""[\s"“]* (?: Instead | Rather | Of \s course | In \s other \s words ) \s* , \s*""", X
)
# Words that join a verb to the clause before it without naming anybody: "..., but told", "..., saying".
CLAUSE_LINKS = frozenset("and but then also yet so later again".split())
# ", saying " right before a quotation: a participle of speech that needs no "that" introduces it.
PARTICIPLE_BEFORE_QUOTE = re.compile(rf",\s*(?:{'|'.join(sorted(PARTICIPLE_CUES - NEEDS_THAT))})\s+$")
# '"...," said one owner of a shop that sells nets.': a determiner, up to four words and a lower-case
# noun (or a party's member) that ends the description, where no other rule knows the noun; a preposition may follow
# it ("said a longtime adviser to the mayor"). A description with "the" that refers back to somebody named before
# is the role rules' (tried first); one they do not know ('said the 46-year-old', 'said the base chief') is read
# here as it is before the verb ('the 46-year-old said').
DESCRIPTION_START = re.compile(
    r"""\s*( (?:a|an|one|another|the) \s+ (?:[\w'’-]+\s+){0,4}? (?:[a-z0-9][\w'’-]*|Republican|Democrat) )
        (?= \s*(?:[,.;]|$) | \s+(?:who|whose|involved|familiar|close|known|speaking|in|at|on|during|told|to|from|for|with|of)\b )""",
    X,
)
# ", Johanna Bayer." after a description: the name it introduces, ending the clause.
NAME_AFTER_DESCRIPTION = re.compile(rf"\s*,\s*({NAME_RUN})(?=\s*(?:[,.;]|$))")
# Last words of a phrase after "said a" that is no speaker: a time ('"...," she said a day later.', "said
# one more time") or words that stand for what was said ("said a word", "said a thing or two").
NOT_SPEAKER_AFTER_HEADS = frozenset(
    "day week month year night morning evening afternoon weekend time hour moment minute later earlier ago "
    "again too well word words thing things lot bit".split()
)
# "that" or a quotation in the words between a verb and a quotation: a report, not an addressee.
THAT_OR_QUOTE = re.compile(r"\bthat\b|[\"“”_]")
FIRST_LETTER = re.compile(r"[^\W\d_]")
# A noun naming a work before its quoted title: 'in his 2012 book, "A Harbour Son."', "a column titled".
WORK_BEFORE_TITLE = re.compile(
    r"""\b(?:book|memoir|memoirs|novel|biography|autobiography|film|movie|documentary|show|series|column|op-ed|essay
          |song|album|poem|play|musical|podcast|slogan|motto|catchphrase|tagline|headline|titled|entitled)\s*,?\s*$""",
    re.X,
)
# A connective alone before a quotation that opens a sentence ('But "...', 'Instead, "...'): the quotation
# goes on from the last one, as if nothing stood before it.
CONNECTIVE_LEAD = re.compile(r"(?:But|And|Yet|Still|Instead|Indeed|Besides|After all|In fact),?")
# Words a title may leave in lower case: "Orange is the New Black", "Who Runs the Port".
TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into is nor of on or the to with".split())
NON_SPACE = re.compile(r"\S")
# '..., and added: "': what introduces a quotation after reported words.
QUOTE_INTRO_END = re.compile(
    r"""(?: [,;]? \s*
            (?: \b(?:and|but) \s+ )?
            (?: \b(?:then|later|also) \s+ )?
            (?: \b(?: added | adding | said | saying | went\s+on\s+to\s+say | continued | noting
                    | explaining | declaring
                    | telling \s+ (?:[\w'’.-]+\s+){0,3}? [\w'’.-]+
                    | told \s+ (?:[\w'’.-]+\s+){0,3}? [\w'’.-]+ ) )?
        )? \s* [,:]? \s* $""",
    X,
)
# Words after a verb that are no reported words: 'said of the mayor: "..."', 'said bluntly, "..."'.
PREPOSITION_START = re.compile(
    r"(?:of|in|at|on|to|about|by|with|for|from|during|after|before|when|while|as|into|via|back)\b|[a-z]+ly\b"
)

# --- the subject before the verb -----------------------------------------------------------------

# "He’s", "they've": a pronoun and its contracted auxiliary before a verb ("He’s said", "They’re saying").
PRONOUN_CONTRACTION = re.compile(r"([Hh]e|[Ss]he|[Tt]hey|[Ii]t)['’](?:s|ve|re|d|ll)")
PRONOUN_END = re.compile(r"(?<![\w'’])([Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s*$")
# "It was Ivo Brandt who": the name before "who".
RELATIVE_END = re.compile(rf"({NAME_RUN})\s*,?\s+who(?:['’]ve)?\s*$")
# "an architect who", "many residents who", "the delegates who've": a short noun phrase before "who"; capitalised
# words before its noun only with a comma before "who" ("the Danish president, who"; not "a former Fed governor
# who argued ...", a subject that its own verb follows).
RELATIVE_NP_END = re.compile(
    r"""\b(
        (?:[Aa]n?|[Tt]he|[Ss]ome|[Mm]any|[Oo]thers?)
        (?: (?: \s+ [a-z][\w'’-]* ){1,3} (?= \s*,?\s+ who )
          | (?: \s+ [\w'’-]+ ){0,2} \s+ [a-z][\w'’-]* (?= \s*,\s* who ) )
    ) \s*,?\s+ who (?:['’]ve)? \s*$""",
    X,
)
# "Ivo Brandt (left), chairman of the League, ": the name, an optional bracket, the appositive.
APPOSITIVE_END = re.compile(
    rf"""({NAME_RUN})
        (?: \s* \( [^()]{{1,40}} \) )?            # "(left)", "(D-Ore.)"
        \s*,\s*
        (                                           # the appositive, possibly in two parts
            [^,;"“”]{{2,160}}?
            (?: ,\s* [^,;"“”]{{2,80}}? )?
        )
        \s*,\s*$""",
    X,
)
# "Tove Lindqvist of the Molde union": an appositive that opens with a name, alone or before "of", "from",
# "in", "at" or "who" (not "Tove Lindqvist and Paul Sorel").
LEADING_NAME = re.compile(rf"({NAME_RUN})(?=\s*$|\s+(?:of|from|in|at|who)\b)")
# "Lena Ortiz, 29, of Molde, Ore., ", "Lena Ortiz, who lost her boat in Molde, Norway, in 2012, ": a name
# opening its clause, then an age, a home town or a relative clause that may hold commas of its own.
LONG_APPOSITIVE_END = re.compile(
    rf"""(?: ^ | [;:]\s* | \b(?:and|but)\s+ | ["”]\s* )
        ({NAME_RUN}) \s*,\s*
        (?= \d | (?:of|from)\s | who\s )                          # at least one of the three
        (?: \d{{1,3}} \s*,\s* )?                                   # the age
        (?: (?:of|from) \s+ [^,;"“”]{{2,40}}? (?: ,\s* [A-Z][\w.]{{1,12}} )? \s*,\s* )?   # "of Molde, Ore."
        (?: who \b [^;"“”]{{2,200}}? \s*,\s* )?                     # "who lost her boat in Molde, Norway,"
        $""",
    X,
)
# "Senator Tomas Berg of ", "a truck driver from ": what stands before a place that ends a description.
OWNER_OF_PLACE_END = re.compile(rf"({NAME_RUN})\s+(?:of|from)\s+(?:the\s+)?$")
# "Paul Porter, ": a name opening its clause, followed by a comma (its description comes next).
CLAUSE_NAME = re.compile(rf"""(?: ^ | [;:]\s* | \b(?:and|but)\s+ | ["”]\s* ) ({NAME_RUN}) \s*,""", X)
# "Ana Ruiz of Chile", "Minister Ana Ruiz from the Harbour Authority": a name and its country or body (whose own
# name may go on with "of": "Ana Ruiz of the Harbour Council of Dover").
NAME_OF_END = re.compile(rf"({NAME_RUN})\s+(?:of|from)\s+(?:the\s+)?({NAME_RUN}(?:\s+of\s+(?:the\s+)?{NAME_RUN})?)\s*$")
# "the farmers' union", "Chile's central bank": a body named by a common noun, opening its clause.
DEFINITE_NP_END = re.compile(
    r"""(?: ^ | [,;:]["”’]?\s* | \b(?:and|but)\s+ )
        (
            (?: [Tt]he | [Aa]n? | [A-Z][\w-]*['’]s ) \s+
            (?: [a-z][\w'’-]* \s+ ){0,3}
            (?: association | union | federation | council | committee | commission | ministry | government
              | group | alliance | coalition | institute | agency | company | firm | bank | embassy | office
              | party | league | court | army | police | board | authority | authorities | organisers
              | organizers | administration | campaign | network | newspaper | broadcaster | secretariat
              | cabinet | presidency | palace | spokesman | spokeswoman | spokesperson | delegation | mission
              | guard | navy | military | regulator | watchdog | prosecutor's\ office | central\ bank )
        ) \s*$""",
    X,
)
PAREN_END = re.compile(rf"({NAME_RUN})\s*\(([^()]{{1,120}})\)\s*$")  # "Gwen Mora (D-Ore.)", "Gwen Mora (D)"
# "the chairman of the League, Ivo Brandt, ": a title, then the name between commas.
REVERSED_APPOSITIVE_END = re.compile(
    rf"""(?: ^ | [,;:]\s | [,;:]["”]\s | \b(?:and|but|while)\s ) \s*
        (
            [^,;"“”]{{0,80}}? \b(?i:{TITLE_NOUN_ALTERNATIVES})
            (?: \s+(?:of|for|at)\s+ [^,;"“”]{{2,60}} )?
        )
        \s*,\s* ({NAME_RUN}) \s*,\s*$""",
    X,
)
# "the (deputy foreign) minister": a role that refers back to a person.
TITLE_REF_END = re.compile(rf"(?<![\w'’])[Tt]he\s+((?:{INITIALISM_WORD}\s+){{0,3}}?(?:{TITLE_NOUN_ALTERNATIVES}))\s*$")
# "the Arizona Republican", "the veteran Ohio Democrat": a party member described, one person named before.
PARTY_MEMBER = rf"""[Tt]he\s+
    (
        (?: [a-z-]+\s+ )?                    # "veteran", "freshman"
        (?: [A-Z][\w.'’-]*\s+ ){{1,3}}         # the state or city: "New Hampshire"
        (?: {"|".join(sorted(PARTY_MEMBER_WORDS))} )
    )
    (?! [\w'’-] )"""
PARTY_MEMBER_END = re.compile(rf"(?<![\w'’]){PARTY_MEMBER}\s*$", X)
PARTY_MEMBER_START = re.compile(rf"\s*{PARTY_MEMBER}", X)
NAME_END = re.compile(rf"({NAME_RUN})\s*$")
# "Kenyan lawmaker " before a name: capitalised words, a lower-case word, a title noun.
LOWER_TITLE_END = re.compile(
    rf"(?<![\w'’])((?:[A-Z][\w'’-]*\s+){{0,3}}(?:[a-z-]+\s+)?(?:{TITLE_NOUN_ALTERNATIVES}))\s+$"
)
# "columns " right before a name: "the columns Lena Brandt wrote while a student" is a text she
# wrote (a relative clause on the noun), not a report of hers.
CHANNEL_NOUN_END = re.compile(rf"(?<![\w-])(?:{CHANNEL_NOUNS})s\s+$")
CHANNEL_NOUN_NAME_END = re.compile(rf"(?<![\w-])(?:{CHANNEL_NOUNS})s\s+{NAME_RUN}\s*$")
# "in ", "at the " right before a name: the name is the object of a preposition.
PREPOSITION_END = re.compile(r"\b(?:in|at|from|of|for|with|by|to|on|near|into)\s+(?:the\s+)?$")
# "Secretary of (the) " before a name: the name belongs to the title, not to a preposition.
TITLE_BEFORE_OF = re.compile(
    r"\b(?:Secretary|Minister|Ministry|Department|Chief|Director|Head|President)\s+of\s+(?:the\s+)?$"
)
# "Twenty-four percent", "one in three", "the majority of voters": a share of those polled.
SHARE_END = re.compile(
    r"""(?: ^ | [,;:]\s* | \b(?:[Aa]nd|[Bb]ut|[Ww]hile|[Ww]hereas)\s+ )
        (
            (?: (?: [Aa]bout | [Nn]early | [Aa]lmost | [Oo]nly | [Jj]ust | [Mm]ore\ than | [Ll]ess\ than
                  | [Aa]nother | [Aa]t\ least | [Aa]t\ most | [Aa]s\ many\ as | [Rr]oughly | [Aa]\ full ) \s+ )?
            (?: (?: \d[\d.,]* | [A-Za-z]+(?:-[a-z]+)? ) \s+ (?:percent|per\s+cent)
              | (?: \d+ | (?i:one|two|three|four|five|six|seven|eight|nine|ten) ) (?: \s+in\s+ | -in- ) \w+
                (?: (?: \s+ [A-Za-z][\w'’-]* ){0,5}? \s+ (?:voters|Democrats|Republicans|Americans|adults
                    |respondents|members|independents|Independents|supporters|residents|people) )?
                                                                    # "six in 10 Virginia primary voters"
              | (?:[Aa]|[Tt]he) \s+ (?:majority|minority)
              | (?: [Hh]alf | [Aa]\s+third | [Aa]\s+quarter | [Tt](?:wo|hree)-(?:thirds|quarters|fourths) ) )
            (?: \s+ of \s+ (?:[\w'’-]+\s+){0,4}? [\w'’-]+ )?      # "of those polled"
        ) \s*$""",
    X,
)
# "most of them", "some of the same candidates", "many of those polled", "three-quarters of the delegates": a
# quantifier and the group it takes a part of, opening its clause in any case (", most of them said").
QUANTIFIED_GROUP_END = re.compile(
    r"""(?: ^ | [,;:—]\s* | \b(?:and|but|yet|while|whereas|as|though|although|because|since|when|after|until|if)\s+ )
        (
            (?: (?:[Aa]lmost|[Nn]early|[Oo]nly|[Jj]ust|[Aa]t\ least|[Vv]irtually)\s+ )?
            (?: (?i:most|many|some|all|few|a\ few|several|none|both|each|others|three-quarters|two-thirds
                  |(?:large\ |small\ |big\ )?majorities)
              | (?i:two|three|four|five|six|seven|eight|nine|ten|a\ dozen|dozens|hundreds|thousands) )
            \s+ of \s+
            (?: them | those (?:\s+[a-z][\w-]*){0,2}?
              | (?:the|these|those|their|its|his|her) \s+ (?:[\w'’-]+\s+){0,3}? (?:[a-z][\w'’-]*[a-rt-z]s|people) )
        ) \s*$""",
    X,
)
# "senior officials from three ministries": modifiers, a group noun, an optional "from/of ..." phrase.
GROUP_NP = rf"""(?x:
    (?: (?: {case_variants(GROUP_MODIFIERS)} | [A-Z][a-z]+(?:-[A-Z][a-z]+)? | \d+(?:[.,]\d+)* ) \s+ ){{0,3}}
    (?: {case_variants(GROUP_HEADS)} )
    (?: \s+ (?: from | of | at | in | for | with | to | close\ to | familiar\ with | representing | involved\ in
              | briefed\ on | knowledgeable\ about ) \s+
        (?:[\w'’.-]+\s+){{0,5}}? [\w'’.-]+ )?
)"""
# Before a group noun: a word that may describe it ("election", "GOP", "67", "percent").
MODIFIER_WORD = re.compile(r"[A-Za-z0-9][\w'’%.-]*")
GROUP_END = re.compile(rf"(?<![\w'’-])({GROUP_NP})\s*$")
# "The Republican presidential nominee", "Chile's new envoy": a determiner and a lower-case description.
DESCRIPTION_END = re.compile(
    r"""(?: ^ | [,;:—]["”’]?\s* | \b(?:and|but)\s+
          | \b(?:when|while)\s+  # "when a voter asked"
          | ^[\s"“]*(?:When|While|After|Before|As|Because|Since|Though|Although|Until|Once)\s+ )  # "When a voter
                                                                                            # asked Berg if ..., she"
        (
            # (Not "She's a supporter but concedes": a pronoun with "is", not an owner.)
            (?: [Tt]he | [Aa]n? | [Hh]is | [Hh]er | [Tt]heir | [Ii]ts
              | (?! (?:He|She|It|That|There|Here|What|Who|Let)['’]s ) [A-Z][\w-]*['’]s ) \s+
            (?: (?:[A-Z]\.){2,} \s+ | [\w'’-]+ \s+ ){0,4}          # ("a U.S. District Court judge")
            # "the Florida senator and Republican presidential candidate": two roles of one person
            (?: [a-z][a-z-]* \s+ and \s+ (?! (?:the|a|an|his|her|their|its) \b ) (?: [\w'’-]+ \s+ ){0,4} )?
            [a-z][a-z-]*
        ) \s*$""",
    X,
)
# A period that may end a sentence: not one of an initial or an abbreviation ("U.S. District Court judge",
# "G.K. Butterfield", "Lt. Gen. Ana Ruiz", "Molde, Va.").
SENTENCE_PERIOD = r"""(?x: (?<![A-Z]) (?<!\b[A-Z][a-z])
    (?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Adm|Maj|Rev|Sgt|Amb|Ore|Ala|Fla|Ill|Ind|Kan|Neb|Nev|Wis|Wyo))
    (?<!\b(?:Capt|Sept|Prof|Conn|Mass|Mich|Minn|Tenn|Okla|Wash|Ariz|Colo)) (?<!\bCalif) \. )"""
# "Iowa biofuels advocates", "26%": a short phrase opening its clause, starting with a capital or a number.
CLAUSE_SUBJECT_END = re.compile(
    rf"""(?: ^ | (?: [;:—] | {SENTENCE_PERIOD} ) \s* | (?<!\d),\s*(?:and\s+|but\s+)?
          | (?<=\s) (?= (?:[A-Z]\.){{2,}} [\s-] ) )     # whole initials: "U.S. presidential candidate"
        ( (?: [A-Z][\w'’%.-]* | \d[\d.,%]* ) (?: \s+ (?: \d[\d.,]*\d | [\w'’%.-]+ ) ){{0,5}} )
        \s*$""",
    X,
)
# The days of the week, a fragment for the patterns that read when something was said.
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Words between a subject and its verb that are no part of the subject.
TIME_END = re.compile(
    rf"""\s+ (?: (?:on\s+)?{WEEKDAY}
                (?:\s+(?:morning|afternoon|evening|night))?
              | last\s+(?:week|month|year|night) | this\s+(?:week|month|year|morning) | earlier\s+this\s+\w+
              | in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)
            ) \s*$""",
    X,
)
ASIDE_END = re.compile(
    r",\s*(?:however|meanwhile|too|though|in\ turn|for\ their\ part|for\ his\ part|for\ her\ part),\s*$", X
)
LEADING_DETERMINER = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+")
LEADING_CONJUNCTION = re.compile(r"^(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Hh]owever|[Mm]eanwhile|[Ss]till)\s+")
# "Ana Ruiz - the port's director - said", "Some economists — including two at the bank — have long argued": an
# aside between dashes right before the verb (and its auxiliaries or adverbs); the subject stands before it, or
# the aside names it ("A former port director -- Ana Ruiz, who ... -- said"). Groups "aside" and "close" (the
# closing dash).
DASH_ASIDE_END = re.compile(
    r"""\s[-—–]{1,2}\s
        (?P<aside> who \s (?: (?! \s[-—–]{1,2}\s ) [^;] ){1,120}?      # (a relative clause may quote: "who said
                                                                  # he would "tear down" the pier")
                 | (?: (?! \s[-—–]{1,2}\s ) [^"“”_;] ){1,120}? ) \s(?P<close>[-—–]{1,2})\s+
        (?: (?: has | have | had | also | long | often | repeatedly | previously | recently | [a-z]+ly ) \s+ ){0,3} $""",
    X,
)
# "... and said", "..., and then has said", "... but has since said", "... and on Monday announced": the subject
# opens the sentence (adverbs and time phrases may stand between the conjunction and the verb).
AND_END = re.compile(
    rf"""(?x: (?:,?\s|[—–])(?:and|but)
        (?:\s+(?:then|also|has|have|later|now|again|since|already|recently|previously|repeatedly|publicly
                 |reportedly|quickly|immediately|privately|openly|initially|eventually|ultimately|subsequently
                 |not|never|did(?:n['’]t)?|does(?:n['’]t)?|do(?:n['’]t)?
                 |(?:on\s+)?{WEEKDAY}|last\s+(?:week|month|year)|this\s+(?:week|month|year)|earlier))*
        \s*$ )"""
)
PAST_VERB = r"""(?x: (?: [a-z]+ed | put | met | told | said | sent | gave | made | took | spoke | wrote | went | left
    | held | led | cut | set | hit | kept | won | lost | sought | brought | began | saw | read | ran | heard | stood
    | struck | spent | paid | cast | gathered | shook | sat | rose | came | got | grew | knew | drew | threw
    | chose | broke | fell | drove | became | bought | caught | fought | found | sold | shot | swore | wore | built
    | thought | felt | meant | dealt ) )"""
# The subject opening a sentence, before its first past-tense verb: "Cruz exhorted ...".
SENTENCE_SUBJECT = re.compile(
    rf"""\s* ([^"“”;]{{1,140}}?) \s+ (?: has\s+ | had\s+ | also\s+ | later\s+ | first\s+ )? {PAST_VERB}\b""", X
)
# The subject of a main clause that a participle cue continues ("Sorel rips the plan, arguing
# ...", "The port authority is drawing plans, saying ..."): after an optional opening phrase, a
# name, a pronoun or a definite description, then (after an optional aside between commas)
# its verb: an auxiliary, a past tense or a word ending in -s.
MAIN_CLAUSE_SUBJECT = re.compile(
    rf"""\s* (?: (?:In|At|On|During|After|Before|Earlier|Later|Last|This|Meanwhile|But|And|Yet|Still|Now|Then
                  |For|Since|Amid|Despite|Instead|Throughout|Today|Yesterday)
                 \b [^,"“”]{{0,60}} ,\s* )?
        (?: (?:But|And|Yet|Still|Then|Later|Earlier|Meanwhile) \s+ )? (?: even \s+ )?
        ( {NAME_RUN} (?: \s*\([^()]{{1,40}}\) )?
        | [Hh]e | [Ss]he | [Tt]hey
        | (?: [Tt]he | [A-Z][\w-]*['’]s ) \s+ (?: [\w'’-]+ \s+ ){{0,4}}? [A-Za-z][\w-]* )  # ("Norway's giant Lunde")
        (?: \s*,\s* [^,"“”]{{1,80}} \s*, )?
        \s+ (?= (?: (?: [a-z]+ly | often | still | never | always ) \s+ )?     # "Sorel often questions"
                 (?: is | are | was | were | has | have | had | will | would | can | could | should | may | might
                 | must | did | does | also | later | then
                 | [a-z]+s | {PAST_VERB} | shot | fired | hit ) \b )""",
    X,
)
# "Officials gathered ...": a group subject, for a later "they said".
GROUP_SUBJECT = re.compile(rf"\s*({GROUP_NP})\s+(?:have\s+|had\s+|also\s+)?{PAST_VERB}\b")
# "a spokeswoman for the port", "One delegate from Ohio": one unnamed person (up to three words before the head).
SINGLE_PERSON = re.compile(
    rf"(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Tt]hat|[Tt]his)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"({'|'.join(sorted(SINGLE_PERSON_HEADS))})(?![\w'’-])(?!\s+(?:and|or)\b)"
)
PRONOUN_SUBJECT = re.compile(r"\s*(?:(?:But|And|Then|Later|Earlier|Still|Yet|So),?\s+)?([Hh]e|[Ss]he)\b")

# --- the second reading's noun phrase subject ------------------------------------------------------

CLAUSE_CUT = re.compile(
    r"""(?: [;:] | \s[—–]\s
          | ,\s+ (?:and|but|while|whereas|though|although|because|since|so|yet) \s+
          | \s (?:but|while|whereas) \s+ )""",
    X,
)
# "Nothing the mayor ", "everything Ana Berg has " right before a verb: the clause names what was said ("Nothing the
# mayor said will help"), the verb reports nothing of its own. (Not "what": "what she said is growing demand" reports.)
FREE_RELATIVE_END = re.compile(r"\b(?:[Nn]othing|[Ee]verything|[Ss]omething|[Aa]nything)\s+(?:[\w'’.-]+\s+){1,4}$")
# "a voice that ", "the sign which " right before a verb: the relative clause of a thing, not a person's report.
THING_RELATIVE_END = re.compile(r"\b(?:that|which)\s+$")
RELATIVE_CUT = re.compile(r",?\s+(?:who|that|which|whose|whom)\s")
# ", who said", ", who has also noted": a relative clause that reports, up to its verb.
RELATIVE_REPORT = re.compile(
    r"(?:,\s*|(?<=[a-z])\s+)who\s+(?:(?:also|has|have|had|later|then|previously|recently|once|just|often|repeatedly)\s+){0,2}"
    r"(?=[a-z])"
)
RELATIVE_NOT_CONTENT = re.compile(
    r"(?:about|of|on|in|for|to|with|at|from|by|into|over)\b(?!\s+(?:\d|one-|two-|half\b))"
)
# "business leaders who say (that) ...", "the 30 percent who said ...": a group (a plural noun or a share) and
# a relative clause that reports; group 1 is the noun with the word before it, group 2 the verb.
GROUP_RELATIVE = re.compile(
    r"""(?<![\w'’-]) ( (?:[\w'’%-]+\s+)? (?: [a-z][\w-]*[a-rt-z]s | those | percent | majority | minority | plurality
                                       | \d+(?:\.\d+)?% ) )
        \s+ who (?:['’]ve)? \s+ (?: (?:also|have|had|now|still)\s+ )?
        (say|says|said|claim|claimed|argue|argued|warn|warned|insist|insisted|complain|complained) \b
        \s* (?:that\b\s*)?""",
    X,
)
# A preposition opening the sentence before such a group: "Among voters who said ..., Berg won", "Of those who
# say ..., most ...".
FRONTED_GROUP_OPENING = re.compile(r"\s*(?:Among|Of|For|With|Within|Across)\s")
# Where the report of such a relative clause ends before the sentence does: ", while ...", "; ...".
GROUP_RELATIVE_END = re.compile(r",?\s+(?:while|whereas|but|compared)\b|;|,\s+(?:and\s+)?(?:\d+|only)\s+percent\b")
# "After Ortiz asked about the fees, ...", "Though he said ...": a clause that opens the sentence below its
# main clause, up to the verb (no comma yet).
# "The bill stalled after the state's governor suggested ...": the conjunction opening a subordinate clause after
# its main clause (not after a comma: "Later, after the talks ended, Berg said" is the main clause's), whose
# subject is right before the verb (up to ten words after it): "... even as some candidates have said ...",
# "But as a harbour pilot noted, ...".
SUBORDINATE_SUBJECT = re.compile(
    r"""(?<=[^\W\d_]\s) (?:after|as|because|since|though|although|until|once|whereas|when|while|before) \s+
        (?=(?:[^\s,;:\-—–"“”_][^\s,;:—–"“”_]*\s+){1,10}$)""",
    X,
)
# "the fees, which the union says were raised twice": a relative pronoun, then the subject of a reporting verb (a few
# words, no clause break) whose clause has no subject of its own: the pronoun stands for it (see GAP_AHEAD).
GAPPED_RELATIVE_END = re.compile(r"(?:^|(?<=[\s,(]))(?:which|that)\s+(?=(?:[^\s,;:\-—–\"“”_()]+\s+){1,8}$)")
# A verb right after the reporting verb: its clause lacks a subject ("says were raised", "said would fall").
GAP_AHEAD = re.compile(
    r"\s+(?:(?:also|still|not|never|now|then)\s+)?"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b"
)
SUBORDINATE_OPENING = re.compile(
    r"^[\s\"“'‘]*(?:After|When|While|Once|Before|Since|Because|Although|Though|Until|Whereas)\s[^,;:]*$"
)
# "Ana Ruiz, then 38, said", "His lawyer — Ana Ruiz — told": where a subject and its appositive part, set off by
# commas or dashes.
APPOSITIVE_SPLIT = re.compile(r"\s*,\s*|\s+[—–]\s+")
NAME_RUN_RE = re.compile(NAME_RUN)
# "experts", "Democrats", "leaders": a plural noun (not "news", "business", "Ortiz's", "its", "was").
PLURAL_NOUN = re.compile(
    r"(?!(?:news|its|his|this|was|has|is|does|us|thus|yes|less|plus|various|previous|famous)$)[A-Za-z-]{2,}[^s'’\W]s"
)
# "his claim that ...", "Ana Ruiz's warning on Monday that ...", "the union's claim that ...", "port officials’ warnings
# that ...": a possessor (a pronoun, a name, a description in lower case), up to three describing words, a noun
# that names a report, a few words of when and where ("in May", "yet") or "was", "that". (Not "accusation",
# "allegation": a charge is more often named as a topic than reported.) Group
# "owner" is the possessor ("his", "Ana Ruiz"), group "noun" the noun.
SPEECH_NOUNS = (
    "claim",
    "suggestion",
    "complaint",
    "assertion",
    "statement",
    "warning",
    "promise",
    "pledge",
    "insistence",
    "argument",
    "announcement",
    "remark",
    "declaration",
    "denial",
    "admission",
    "vow",
    "prediction",
    "contention",
    "comment",
    "boast",
    "threat",
    "assurance",
    "demand",
)
# The owner of a report named by a noun and the words describing the noun ("his", "Ana Ruiz's", "the union's",
# "port officials’" and up to three words: "his repeated"): group "owner".
NOUN_OWNER = (
    r"""(?x: (?<![\w'’-]) (?P<owner> [Hh]is | [Hh]er | [Tt]heir | """
    + NAME_RUN
    + r""" (?=['’]s?\s)
                             | [Tt]he \s+ (?: [\w-]+ \s+ ){0,2}? [a-z][\w-]* (?=['’]s?\s)
                             | (?: [a-z][\w-]* \s+ )? [a-z][\w-]*s (?=['’]\s) ) (?:['’]s?)? \s+
        (?: (?! that\b ) [\w-]+ \s+ ){0,3}? )"""
)
NOUN_REPORT = re.compile(
    rf"""{NOUN_OWNER}
        (?P<noun> (?:{alternatives(SPEECH_NOUNS)})s? ) \b
        (?: \s+ (?: in | on | at | during | earlier | last | this | yet | only | again | today | yesterday
                  | (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day ) \b (?: \s+ (?! that\b | [a-z]+ed\b ) [\w'’.-]+ ){{0,5}}? \s+
          | \s+ (?: was | is ) \s+ | \s+ )
        that \b \s*""",
    X,
)
# The endings of a possessive ("Ana Ruiz's", "Ana Ruiz’s").
POSSESSIVE_S = ("'s", "’s")
# "Ana Ruiz's" right before a cue: a possessive, so the cue is a noun ("he's said": a contraction, a verb).
POSSESSIVE_END = re.compile(
    r"(?<![\w'’-])(?!(?:[Hh]e|[Ss]he|[Ii]t|[Ww]ho|[Tt]hat|[Tt]here|[Ww]hat|[Hh]ere|[Ww]here)['’])[A-Z][\w.-]*['’]s?\s*$"
)
# "complaints from Ana Ruiz that ...", "claims by port officials that ...", "a demand, by Ana Ruiz, that ...",
# "an allegation from his first wife, Ana Ruiz, that ...": the noun, its owner after "by" or "from" (a name, or a
# short description in lower case, maybe followed by the name it describes), then "that". Group "owner" is the
# owner, "named" the name after a description.
NOUN_REPORT_BY = re.compile(
    rf"""(?<![\w'’-]) (?P<noun> (?:{alternatives(SPEECH_NOUNS)})s? ) ,? \s+ (?:by|from) \s+
        (?P<owner> {NAME_RUN}
                 | (?: [Hh]is | [Hh]er | [Tt]heir | [Tt]he | [Aa]n? | [Ss]ome | [Mm]any | [Ss]everal ) \s+
                   (?: [\w'’-]+ \s+ ){{0,3}}? [a-z][\w-]*
                 | [a-z][\w-]* (?: \s+ [a-z][\w-]* ){{0,3}}? )
        (?: ,\s* (?P<named> {NAME_RUN} ) )? ,? \s+ that \b \s*""",
    X,
)
# A cheap look for one of those nouns before the pattern (which starts with a name) is searched.
SPEECH_NOUN_HINT = re.compile(rf"\b(?:{alternatives(SPEECH_NOUNS)})s?\b")
# Where such a report ends before the sentence does: a dash, a semicolon, a second clause.
NOUN_REPORT_END = re.compile(r"\s+[—–]\s|\s--\s|;|,\s+(?:while|but|or|and\s+(?:his|her|their))\b|\s+\((?!\w+\))")
# An opening that says how or where something was said ("Speaking to reporters,", "In a statement,", "At a rally
# in Ohio,"), not part of what was said ("In other states,", "At times last year,").
SAYING_CIRCUMSTANCE = re.compile(
    rf"""^[\s"“'‘]*(?: (?:But|And|Yet|Still|So|Then)\s+ )?
        (?: Speaking | Asked | Answering | Responding | Addressing | Writing | Interviewed | Reached | Contacted )\b
      | \b(?: {CHANNEL_NOUNS} | rally | event | forum | meeting | town\ hall | campaign\ stop )\b""",
    X,
)
# "Said Ana Ruiz, who runs the port, "...", "Continued Ruiz: "...": a reporting verb fronted before its speaker's
# name, capitalised as the sentence's first word (group 1).
FRONTED_VERB = re.compile(rf"[\s\"“'‘]*({'|'.join(FRONTED_VERBS)})\s+(?=[A-Z])")
# "Declaring that ...", "After saying ...": what may stand before a participle that opens the sentence.
OPENING_PARTICIPLE_WORD = re.compile(r"^[\s\"“'‘]*(?:(?:After|Before|While|Since|When|By)\s+)?([A-Z][a-z]+ing)\b")
# ("Now, after first saying ...": a short opening word and an adverb may come before and after the subordinator.)
OPENING_PARTICIPLE_LEFT = re.compile(
    r"""^[\s"“'‘]*(?:(?:Now|Then|But|And|Yet|Still|So|Later|Earlier),\s+)?
        (?:(?:[Aa]fter|[Bb]efore|[Ww]hile|[Ss]ince|[Ww]hen|[Bb]y|[Ii]n|[Ee]ven\s+while|[Ii]n\s+addition\s+to|[Bb]esides)\s+)?
        (?:(?:[a-z]+ly|first|again|also)\s+)?$""",
    X,
)
# "Berg, after first saying he would wait, left.": a participle after a subordinator in an aside between the
# subject (group 1) and its verb.
ASIDE_PARTICIPLE_LEFT = re.compile(
    r"""^[\s"“'‘]*([^,;:"“”_]{1,80}?)\s*,\s*(?:after|before|while|when|since|without)\s+(?:(?:[a-z]+ly|first|again|also)\s+)?$""",
    X,
)
# ", changed course": the aside's closing comma, then the subject's verb (an adverb may stand before it).
ASIDE_CLOSE_AHEAD = re.compile(
    r",\s+(?!(?:the|a|an|he|she|it|they|we|and|but|or|as|who|which|that|according|saying)\b)(?:[a-z]+ly\s+)?[a-z]+\b"
)
# "In Paris on Monday, ", "Speaking to reporters, ": an opening phrase before the subject.
LEADING_PHRASE = re.compile(
    r"""^(?: In | At | On | During | After | Before | When | While | Since | For | From | With | Without | Despite
          | Speaking | Asked | Earlier | Later | Last | Meanwhile
          | This \s+ (?: week | weekend | month | year | morning | afternoon | evening | summer | spring | fall | autumn
                      | winter | time | season ) \b | However | Still | Yet | Instead | Also
          | Separately | But | And | Now | Then | Like | Unlike | As | Indeed | Even | Already | Today
          | Yesterday | Back | Once )\b
        [^,]{0,80} ,\s*""",
    X,
)

# --- the speaker after the verb ------------------------------------------------------------------

# ("she'd be", "they're": a contraction starts a clause, not an attribution.)
PRONOUN_START = re.compile(r"\s*(he|she|they)\b(?!['’])")
TITLE_REF_START = re.compile(rf"\s*[Tt]he\s+((?:{INITIALISM_WORD}\s+){{0,3}}?(?:{TITLE_NOUN_ALTERNATIVES}))(?![\w-])")
# '"...," said the Republican nominee.': "the", up to three words (lower-case, or capitals such as "GOP",
# "New York"), a role that refers back, the end of the clause.
ROLE_REF_START = re.compile(
    rf"\s*[Tt]he\s+((?:{INITIALISM_WORD}\s+){{0,3}}?(?:{'|'.join(sorted(BACK_REFERENCE_ROLES, key=len, reverse=True))}))"
    r"(?=\s*(?:[,.;]|$))"
)
# A group, then the end of the clause or a time or place phrase.
GROUP_START = re.compile(rf"\s*({GROUP_NP})(?=\s*(?:[,.;]|$|\s+(?:in|at|on|during|told)\b))")
# '"...," said Molde election officials.': describing words and a group noun ending the clause (up to five:
# "a former U.S. border patrol agent").
DESCRIBED_GROUP_START = re.compile(
    rf"""\s*( (?: [\w'’.-]+ \s+ ){{1,5}}? (?: {case_variants(GROUP_HEADS)} ) )
        (?= \s*(?:[,.;]|$|\s+(?:in|at|on|during|told|who)\b) )""",
    X,
)
# "the League's chairman, Ivo Brandt": a title, a comma, the name ending the clause.
REVERSED_APPOSITIVE_START = re.compile(
    rf"""\s*
        (
            [^,;"“”]{{0,60}}? \b(?i:{TITLE_NOUN_ALTERNATIVES})
            (?: \s+(?:of|for|at)\s+ [^,;"“”]{{2,60}} )?
        )
        \s*,\s* ({NAME_RUN}) (?= \s*(?:[,.;]|$) )""",
    X,
)
# "Foreign Ministry spokesperson Zhao Lijian": a body or outlet, lower-case words, a name.
DESCRIBED_START = re.compile(rf"\s*({NAME_RUN})\s+((?:[a-z][\w-]*\s+){{1,3}})({NAME_RUN})")
NAME_START = re.compile(rf"\s*({NAME_RUN})")
# "9/11 widow Terry Strada", "former Clinton aide Ana Ruiz": a lower-case word and up to three more, then a
# name ending the clause.
# (A party label or a place may follow the name: "said former Gov. Ana Ruiz (D-Ore.)", "... Ana Ruiz of Oregon";
# so may a place, a time or a relative clause, NAME_PLACE_AHEAD: "says political scientist Ana Ruiz in Molde.")
NAME_PLACE_AHEAD = re.compile(r"\s+(?:in|at|on|during|who)\s")
PREFIXED_NAME_START = re.compile(
    rf"\s*((?:[a-z0-9][\w/'’-]*\s+)(?:[\w/'’.-]+\s+){{0,3}}?)({NAME_RUN})"
    rf"(?=\s*(?:[,.;]|\([A-Z]|of\s+[A-Z]|$)|{NAME_PLACE_AHEAD.pattern})"
)
# ", director of the Center" after a name, up to the next comma or the sentence end.
APPOSITIVE_AFTER = re.compile(r"\s*,\s*([^,;\"“”]{2,160}?)\s*(?=,|[.;!?]?\s*$)")
# What may follow an inverted speaker at the sentence end: ", said X in Geneva."
INVERSION_REST = re.compile(r"\s*(?:,?\s*(?:on|in|at|during|from|to|via)\s[^,;\"“”]{1,60}?)?\s*[.!?]?\s*")
INVERSION_AHEAD = re.compile(r"\s+[^\W\d_]")

# --- content and channel -------------------------------------------------------------------------

THAT_START = re.compile(r"\s*that\b\s*")
THAT_AHEAD = re.compile(r"[^.;:\"“”_]{0,60}?\bthat\b")  # a that-clause soon after the verb
# "urging the council to delay", "urging him not to": an object (a few words, no clause) and its to-infinitive.
OBJECT_INFINITIVE_START = re.compile(
    r"\s+(?!(?:that|to)\b)(?:[\w'’.-]+\s+){1,5}?(?:not\s+)?to\s+(?!(?:the|a|an|his|her|their|its)\b)[a-z]"
)
INFINITIVE_START = re.compile(
    r"\s+(?:(?:not|never|also)\s+)?to\s+(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those)\b)[a-z]"
)
DELEGATES_AHEAD = re.compile(r"\s+(?:[\w-]+\s+)?delegates?\b")  # "pledged delegates": an adjective
# After "continued"/"continues", "answered" or "shot back": an infinitive, an object or an adverb ("to trail",
# "his tour", "questions", "up"), not speech; speech goes on with a mark, "that", the sentence's end or the manner
# of saying it ("shot back with a laugh").
CONTINUES_ACT = re.compile(r"\s+(?!that\b|with\s+an?\s+(?:laugh|smile|grin|chuckle|shrug|sigh)\b)[a-z]")
# After "responded": how somebody acted in answer ("with a lawsuit", "by easing sanctions", "enthusiastically by",
# "as if hurt"), not what was said.
RESPONDS_ACT = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:with|by|as)\b")
ANONYMITY_AFTER = re.compile(r"\s*(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity)\b")
PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:(?:[a-z]+ly|first|also|later|then)\s+)?$")
# ", falsely suggesting", ", again arguing": an adverb before a participle.
# "to" before a reporting verb's plain form: an infinitive ("took to the radio to say that ...").
INFINITIVE_END = re.compile(r"\s[Tt]o\s*$")
# "It is fair to say ...", "make it easy to predict", "too close to call", "is expected to announce ...": nobody
# said it (yet).
IMPERSONAL_SUBJECT = re.compile(r"(?:\b[Ii]t(?:['’]s)?\s+(?:[\w-]+\s+){0,3}|\btoo\s+[\w-]+\s+|\bexpected\s+)to\s*$")
ADVERB_END = re.compile(r"\s+(?:[a-z]+ly|also|again|even|then|later|once\s+again)$")
# "..., with 50 percent saying ...", "The talk ended with Ana Ruiz asking ...": the subject of a participle after "with".
WITH_SUBJECT_END = re.compile(r"""(?:^|[\s,])[Ww]ith\s+((?:(?!\b(?:on|at|during|to)\b)[^,;:"“”_()]){1,60}?)\s*$""")
# "If the port closes, Berg said he would ...": a condition opening the sentence belongs to the report after the verb.
CONDITION_OPENING = re.compile(r"""^[\s"“]*(?:If|Unless|Even\s+if|Once)\s[^,;:"“”_]{2,100},\s*$""")
# "responded by saying that ...", "answered by noting that ...": the participle after "by" reports.
BY_PARTICIPLE_AHEAD = re.compile(rf"\s+by\s+(?:{alternatives(PARTICIPLE_CUES)})\b")
# "adding to her lead", "adding up to": "adding" that reports nothing.
ADDING_TO = re.compile(r"\s+(?:to|up)\b")
# ", adding that", ", telling reporters": a second report by the same speaker.
# A that-clause or a finite clause ahead: "that ...", "Mr. Ortiz could win" (not "a few questions").
CLAUSE_AHEAD = r"""(?x: \s+ (?: that\b | (?:[\w'’.-]+\s+){1,4}
    (?: is | are | was | were | will | would | could | should | can | has | have | had | must | may | might
      | did | does | do )\b ) )"""
# A finite clause ahead: one with an auxiliary, or one that opens with a subject pronoun ("suggesting he won").
CLAUSE_AHEAD_RE = re.compile(rf"{CLAUSE_AHEAD}|\s+(?:he|she|they|we)\s+(?!and\b|or\b)[a-z]")
# A clause reported after an infinitive: "to say (that) ...", "to tell Ruiz he ...", "to explain why ...".
INFINITIVE_REPORT_AHEAD = re.compile(
    rf"{CLAUSE_AHEAD}|\s+(?:[\w'’.-]+\s+){{0,2}}?(?:that|he|she|they|we|it|whether|if|why|how|what|who|when)\s"
)
# The participles of the lexicon open such a report ("telling" with its object, "asking" is a question;
# "suggesting a few questions" is none: a participle that needs a that-clause has one, or a finite clause).
SECOND_REPORT_PARTICIPLES = alternatives(PARTICIPLE_CUES - QUESTION_CUES - NEEDS_THAT - {"telling"})
ADDING_RE = re.compile(
    rf"""(?: ,["”’']?\s*               # (the comma may close quoted words: '"...," adding that')
            (?: (?:before|then)\s+ (?!telling) )?
          | \s+ before\s+ (?!telling) )  # ('..., she said, then adding that', '... responded before adding that')
        ( (?: (?-x:{SECOND_REPORT_PARTICIPLES}) | (?-x:{alternatives(PARTICIPLE_CUES & NEEDS_THAT)}) (?= {CLAUSE_AHEAD} )
            | going\ on\ to\ say | telling \s+ (?:[\w'’-]+\s+){{0,3}}? ) )
        (?! {ADDING_TO.pattern} )       # "adding to her lead": no report
        \s* (?:that\b)? \s*""",
    X,
)
# "..., but added that ...", "... and noted that ...", ", though he added that ...": a second report by the same
# speaker, a finite verb and "that" (or a clause opening with a pronoun: "... and said they hired ...").
ALSO_SAID_RE = re.compile(
    r""",?\s+(?:but|and|though|although)\s+(?:(?:he|she|they)\s+)?(?:(?:also|later|then|quickly)\s+)?
        (added|adds|noted|notes|said|says|stressed|warned|insisted|argued|acknowledged|conceded|cautioned|predicted
         |explained|suggested|made\ clear|pointed\ out|maintained|emphasized|emphasised)
        (?: \s+that\b\s* | (?=\s+(?:he|she|they|we|I|there|it)\s+[a-z]) \s* )""",
    X,
)
# ", looking out on the crowd": a participle clause, not reported words.
# "..., she said in a video message to the council.", "..., he said after meeting aides.": the words
# after the verb say when, where or how it was said, not what.
CIRCUMSTANCE_START = re.compile(
    r"""\s+ (?: (?: in | at | on | during | after | before | while | when | from | via | through | with | for
                | about | outside | inside | ahead\s+of | last | this | earlier | later | yesterday | today
                | (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day ) \b
              | [a-z]+ly\b )""",
    X,
)
# ", by the new calendar.", ", was in the works.": the rest of a report the attribution interrupts
# (not ", adding that ...": a participle starts a report of its own).
REPORT_GOES_ON = re.compile(r"\s*,\s*(?![a-z]+ing\b)[^\s,]+\s+[^\s,]")
# ", Teck wants the gap narrowed.": the rest of a report after its attribution (not a participle, nor a
# relative clause: ", where he lives").
REPORT_RESUMES = (
    r"""(?x: \s*,\s* (?! [a-z]+ing\b | (?:who|which|where|when|whose|according|as)\b ) [^\s,]+\s+[^\s,] )"""
)
REPORT_RESUMES_RE = re.compile(REPORT_RESUMES)
# " in a tweet, women won't be punished.": when, where or how it was said, then the rest of the report.
CIRCUMSTANCE_GOES_ON = re.compile(rf"""{CIRCUMSTANCE_START.pattern} [^,;:"“”_]{{0,60}}? {REPORT_RESUMES}""", X)
# 'Dockers "know why the union backed her," ' before the subject: the quoted words end the reported clause.
QUOTED_CLAUSE_END = re.compile(r"[,!?][\"”’']{1,2}\s*$")
PARTICIPLE_AFTER = re.compile(rf"\s*,\s*(?!(?:{alternatives(PARTICIPLE_CUES)})\b)[a-z]+ing\b")
AUXILIARY_START = re.compile(r"(?:will|would|is|was|are|were|has|have|had|can|could|should|must)\b")
# '"... was stunning," since so many cases turned on one vote': the reporter's words going on after a quotation
# that ended in its own punctuation (a preposition or a linking word, not the speaker's name or title), or a clause
# of the reporter's joined to it ('"We are calm now," and bookings rose, Ruiz said.').
QUOTATION_GOES_ON = re.compile(
    rf"(?:{PREPOSITION_START.pattern}|since|because|like|unlike|despite|including|and|but)\b"
)
# "responded with logic", "said to the crowd": what follows the verb is no reported content.
NOT_CONTENT_START = re.compile(
    r"""(?: with | by | at(?!\s+least\b) | from
          | to \s+ (?: (?:the|a|an|his|her|their|its) \s+ )? (?:[\w-]+\s+)?
            (?: crowd | reporters | journalists | supporters | audience | press | media | delegates | voters
              | rally | room | camera ) (?=[\s.,;!?]|$) )\b""",
    X,
)
# The object of "told", "assured": "reporters", "the committee", "a packed audience".
OBJECT_RE = re.compile(
    rf"""\s* (?: (?:the\s+)?{NAME_RUN} | reporters | journalists | lawmakers | parliament | delegates
              | the\s+[\w-]+(?:\s+[\w-]+)? | him | her | them | us | me | you | members | listeners | viewers
              | supporters | pollsters | interviewers | voters | an?\s+(?:[\w-]+\s+)?(?:audience|crowd|meeting|gathering|forum|town\s+hall|rally) )\b""",
    X,
)
# "..., Berg told the court in a filing.", "..., she told a Senate panel Wednesday.", "..., he told aides as he
# left.": the object of "told" (or a short noun phrase) and then when, where or how it was said, no report.
CIRCUMSTANCE_AFTER_OBJECT = re.compile(
    rf"""(?: {OBJECT_RE.pattern} | \s+ (?:a|an|the|his|her|their|its) (?:\s+[\w'’-]+){{1,3}}? )
        (?: {CIRCUMSTANCE_START.pattern} | \s+ as \b )""",
    X,
)
# "..., the office reported on Tuesday -- a development that ...": after the verb (and when or where it was
# said) a dash opens a clause of another kind, so the report is before the subject.
CLAUSE_BREAK_AHEAD = re.compile(
    rf"""(?: {CIRCUMSTANCE_START.pattern} [^,;:"“”_]{{0,40}}? )? \s* (?: -- | — | – | \s-\s )""", X
)
# "The port got the letters, he said; his aides found them.": after a semicolon the report goes on.
REPORT_GOES_ON_AFTER_SEMICOLON = re.compile(
    rf"""(?: {CIRCUMSTANCE_START.pattern} [^,;:"“”_]{{0,40}}? )? \s* ; \s* \S""", X
)
# The person asked, before the question: "asked the mayor whether", "asks him why".
QUESTION_OBJECT = re.compile(
    rf"""{OBJECT_RE.pattern} (?= \s+ (?: whether | if | why | what | how | when | where | who | which ) \b )""", X
)
TIME_WORDS = rf"""(?x: (?: (?:on\s+)?{WEEKDAY}
                        (?:\s+(?:morning|afternoon|evening|night))?
    | last\s+(?:week|month|year|night) | this\s+(?:week|month|year|morning) | earlier(?:\s+(?:this|on)\s+\w+)?
    | later | yesterday | today | again | also | repeatedly | previously | recently | then | separately
    | privately | publicly | openly | bluntly | flatly | firmly | clearly | once\s+again
    | on\s+\w+\s+\d{{1,2}} | in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s+\d{{4}})? | in\s+\d{{4}}
    | to\s+(?:reporters|journalists|the\s+press|lawmakers) ) \b )"""  # (not "again" of "against")
# "in a televised address (to the nation)", "at a news conference": how it was said.
CHANNEL_PHRASE = rf"""(?x: (?: (?:in|at|during|via|through|on) \s+ (?:a|an|the|his|her|their|its) \s+
        (?:[\w-]+\s+){{0,3}}? (?-x:{CHANNEL_NOUNS})\b
        (?: \s+(?:at|to|on|before|with)\s+(?:the|a|an)\s+ (?:[\w'’-]+\s+){{0,3}}? [\w'’-]+ (?=\s*,|\s+that\b) )? ) )"""
# "expressed confidence that ...": what the verb names the report by ("that" follows it).
FEELING_NOUNS = r"""(?: confidence | concerns? | hopes? | fears? | worry | worries | beliefs? | optimism | doubts?
    | frustration | disappointment | regret | surprise | skepticism | scepticism | satisfaction | alarm | dismay
    | outrage | anger | relief | pride | assurances? | confirmation )"""
# "said at an event in Colorado Springs that ...": a short place phrase before "that".
# ("said on CNN that", "said for the first time that", "told it to the IRS that": not "responded to reports that")
PLACE_BEFORE_THAT = rf"""(?x: (?: (?:at|in|on|for|during|after|before|from|with)\s+ (?:[\w'’.-]+,?\s+){{0,6}}?
    | to\s+ (?: me | him | her | them | us | the\s+ (?:[\w'’.-]+\s+){{1,4}}? | (?:[A-Z][\w'’.-]*\s+){{1,5}} )
    | only\s+ | (?:deep\s+|grave\s+|growing\s+)?{FEELING_NOUNS}\s+ ) (?=that\b) )"""
# What may stand between the verb and the content: times, channels, places.
PREFIX_RE = re.compile(rf"(?:\s*,?\s*(?:{TIME_WORDS}|{CHANNEL_PHRASE}|{PLACE_BEFORE_THAT}))*\s*,?\s*")
CHANNEL_RE = re.compile(
    rf"""\b (?:in|at|during|via|through|on|with) \s+
        (?: a | an | the | his | her | their | its | a\s+joint | one\s+of\s+his | one\s+of\s+her ) \s+
        (?: (?: joint | televised | written | recorded | brief | keynote | weekly | opening | closing | separate
              | exclusive | lengthy | short | rare | recent | late-night | virtual | online | phone | telephone
              | radio | TV | television | national | annual | new ) \s+ )*
        ((?-x:{CHANNEL_NOUNS}))\b""",
    X,
)
CHANNEL_SOURCE = re.compile(rf"(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{CHANNEL_NOUNS})\b")
# ", according to two people present." ending a sentence.
TRAILING_ACCORDING = re.compile(r",\s*(according\s+to)\s+[^,;:\"“”_]{2,80}?[.!?]?\s*$")
ACCORDING_CHANNEL = re.compile(
    rf",\s*according\s+to\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?({CHANNEL_NOUNS})\b"
)
INTERVIEW_WITH = re.compile(
    rf"\btold\s+(?:the\s+)?({NAME_RUN})\s+in\s+an?\s+(?:exclusive\s+|phone\s+|telephone\s+)?interview"
)
QUOTED_BY = re.compile(
    rf"(?:^|[,;]\s*|\s)(?:the\s+)?({NAME_RUN})\s+quoted\s+(him|her|them|it|{NAME_RUN})\s+as\s+saying\b"
)

# --- questions put to a speaker ------------------------------------------------------------------

# "Asked whether ..., she said", "he said when asked about ...", "Asked on Monday why ...", "..., asked about
# the fees", "She was asked to name ...": a question (or request) put to somebody. Group "question" is the
# question, up to seven words after the verb ("Asked at a briefing in Oslo about ..."); group "by" marks an
# asker named after it ("asked by the host whether ..."). "asked not to be named" is no such question.
QUESTION_WORDS = r"(?: whether | if | what | why | how | who | whom | which | where | about | to )"
QUESTION_ASKED = re.compile(
    rf"""(?: ^ [\s"“'‘]* (?: (?:When|After|Once|While|If|Before|Until) \s+ (?:being\s+)? )?
          | \b (?: when | after | once | while | before | until | was | were | been | being | is | are | be ) \s+
            (?: (?:[a-z]+ly|also|later|then|first|again|once|twice) \s+ )?
          | , \s* )
        (?P<cue> (?i: asked ) ) \b
        (?P<by> \s+ by \b )?
        (?: \s+ (?! {QUESTION_WORDS} \b ) [\w'’.-]+ ){{0,7}}?
        \s+
        (?P<question> (?: whether | if | what | why | how | who | whom | which | where | about ) \b
        | to \s+ (?! be \b | remain \b ) [a-z]+ \b )""",
    X,
)


# --- topic reports ("declined to comment on the deal", "her promise to cut taxes": see lexicon.TopicCue) ------------

# A direct object: not a clause ("mentioned that ...", read by the verb rules), nor a preposition or a conjunction
# after an intransitive use ("explained to reporters", "mentioned in passing").
TOPIC_OBJECT = re.compile(
    r"""(?=[\w"“$])(?!(?:that|to|by|with|for|in|at|on|as|and|or|but|if|so|up|out|back|before|after|during|when|while
        |because|from|into|over|under|about|of|is|was|were|are|be|been|has|had|have|will|would|can|could|it)\b)""",
    X,
)
# Words after "on" that say when or how, not about what ("declined to comment on Tuesday", "on the record").
TOPIC_NOT_OBJECT = re.compile(
    rf"""(?: {WEEKDAY} | January | February | March | April | May | June | July | August | September | October
          | November | December | the\s+condition\s+of | condition\s+of | behalf | the\s+record | background
          | (?:this|last|next)\s+(?:week|month|year) | (?:the\s+)?(?:morning|evening|night|day|weekend) )\b""",
    X,
)
# What may open a topic cue's object: a preposition one of them governs, or "" before a participle that is no
# reporting verb of its own (group "opener", checked against the cue's).
_TOPIC_OPENER = rf"""(?P<opener> (?:{alternatives({word for cue in TOPIC_CUES for word in cue.governs.split()} - {"-ing"})})\b\s*
                               | (?=[a-z]{{3,}}ing\b)(?!{alternatives(REPORTING_CUES)}\b) )?"""
# "Karimov did not mention", "the minister declined to comment on", "Oduya spoke highly of": a topic verb (group
# "cue"), maybe an adverb or a weekday ("declined to comment Tuesday on"), and what opens its object.
TOPIC_VERB_REPORT = re.compile(
    rf"""(?<![\w'’-]) (?P<cue> {alternatives(TOPIC_VERB_GOVERNS)} ) \s+ (?: (?: [a-z]+ly | {WEEKDAY} ) \s+ )?
        {_TOPIC_OPENER}""",
    X,
)
# "Weber's promise to cut taxes", "her vows to dredge the harbour": a report named by a noun (group "noun") after
# its owner (as in NOUN_REPORT), and what opens its topic.
TOPIC_NOUN_REPORT = re.compile(rf"{NOUN_OWNER} (?P<noun> {alternatives(TOPIC_OWNED_GOVERNS)} ) \s+ {_TOPIC_OPENER}", X)
# "Berg made no mention of", "Ruiz made comments about": the verb that puts out a report named by a noun (group
# "verb"), up to three words before the noun, and what opens its topic; the verb's subject owns it. When (not
# where) may stand before a participle: "released a statement Tuesday questioning ...", "sent out a statement on
# Friday night, describing ...".
TOPIC_NOUN_ISSUED = re.compile(
    rf"""(?<![\w'’-]) (?P<verb> (?:made|makes|make|making|issued|issues|issue|issuing|released|releases|release
                                  |delivered|delivers|offered|offers|put\s+out|putting\s+out|sent\s+out|sends\s+out
                                  |posted) ) \s+
        (?: (?!that\b)[\w-]+ \s+ ){{0,3}}? (?P<noun> {alternatives(TOPIC_NOUN_GOVERNS)} ) \s+
        (?: (?: (?:(?:on|late|early)\s+)?{WEEKDAY} (?:\s+(?:morning|afternoon|evening|night))? | yesterday | today )
            \s*,?\s* (?=[a-z]{{3,}}ing\b) )?
        {_TOPIC_OPENER}""",
    X,
)
# A cheap look for a topic cue before the patterns are searched.
TOPIC_HINT = re.compile(
    rf"(?i:\b(?:{alternatives({form[:6] for form in (*TOPIC_VERB_GOVERNS, *TOPIC_NOUN_GOVERNS)})}))"
)
# Where a topic ends before its sentence does: a comma before a clause (a participle, a relative, a conjunction, a
# subject pronoun; not a list's comma: "how he would tackle taxes, trade and health care"), a dash, a semicolon, a
# colon, a second clause.
TOPIC_END = re.compile(
    r"""\s*,(?=\s+(?:[a-z]+ing|which|who|whom|whose|where|when|while|but|and|or|as|because|although|though|so|yet
                   |according|he|she|they|it|I|we|[a-z]+\s+(?:said|says))\b)
      |\s*[;:(]|\s+[—–]\s|\s--\s
      |\s+(?:but|because|while|although|though|until|when|after|before|since|even
         |and\s+(?:said|says|told|added|insisted|argued|called|urged))\b""",
    X,
)
