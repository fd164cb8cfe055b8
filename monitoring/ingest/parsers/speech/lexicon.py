"""Reporting verbs and phrases ("said", "pointed out"), one entry each with what it needs to count as speech.

The rules never list verbs themselves: they ask the sets derived at the end of this module
(``REPORTING_CUES``, ``NEEDS_THAT`` ...), so a verb is added or changed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    """One reporting verb or phrase and how the rules may read it.

    reports       a sentence is read around it (False: known for another purpose only)
    evaluative    reports an evaluation ("called", "praised"): enough for a partial quote only
    needs_that    speech only with a that-clause: "revealed that ..." reports, "revealed its plans" does not
    that_next     speech only with "that" right after it ("critics maintain that ..."; "did not mention Trump,
                  but told ... that" is no report of the first verb)
    noun_like     also a plural noun ("claims", "states"): needs a clear person as its subject
    participle    an -ing form continuing a clause ("..., saying that ...")
    takes_object  a person may stand between it and the content ("told reporters that ...")
    plain         clear enough for a subject no speaker rule knows (the second, fallback reading)
    question      reports a question: a person may stand before "whether", "if", "why" ... ("asked him whether")
    commits       reports a commitment: a to-infinitive is a report as a that-clause is ("promising to rebuild")
    directs       reports a call to act: an object and its to-infinitive are a report as a that-clause is ("urging
                  the council to delay the vote")
    """

    words: str
    reports: bool = True
    evaluative: bool = False
    needs_that: bool = False
    that_next: bool = False
    noun_like: bool = False
    participle: bool = False
    takes_object: bool = False
    plain: bool = False
    question: bool = False
    commits: bool = False
    directs: bool = False


# Entries marked reports=False are known for another purpose only: "reminded" takes an object,
# the evaluative verbs give partial quotes (PARTIAL_CUE_RE), never a report of their own.
CUES: tuple[Cue, ...] = (
    Cue("said", plain=True),
    Cue("says", plain=True),
    Cue("say", plain=True),
    Cue("told", takes_object=True, plain=True),
    Cue("tells", takes_object=True, plain=True),
    Cue("noted", plain=True),
    Cue("notes", noun_like=True),
    Cue("added", plain=True),
    Cue("adds"),
    Cue("stressed", plain=True),
    Cue("stresses"),
    Cue("wrote", plain=True),
    Cue("writes", plain=True),
    Cue("urged"),
    Cue("urges"),
    Cue("warned", plain=True),
    Cue("warns", plain=True),
    Cue("expressed"),
    Cue("expresses"),
    Cue("announced", plain=True),
    Cue("announces"),
    Cue("stated", plain=True),
    Cue("states", needs_that=True, noun_like=True),
    Cue("emphasized", plain=True),
    Cue("emphasised", plain=True),
    Cue("emphasizes"),
    Cue("emphasises"),
    Cue("explained", plain=True),
    Cue("explains", plain=True),
    Cue("insisted", plain=True),
    Cue("insists", plain=True),
    Cue("argued", plain=True),
    Cue("argues", plain=True),
    Cue("claimed", plain=True),
    Cue("claims", noun_like=True, plain=True),
    Cue("asked", question=True),
    Cue("asks", question=True),
    Cue("declared", plain=True),
    Cue("declares"),
    Cue("reiterated"),
    Cue("reiterates"),
    Cue("acknowledged", plain=True),
    Cue("acknowledges"),
    Cue("admitted", plain=True),
    Cue("admits", plain=True),
    Cue("confirmed", plain=True),
    Cue("confirms"),
    Cue("recalled", plain=True),
    Cue("recalls"),
    Cue("replied", plain=True),
    Cue("replies"),
    Cue("responded", plain=True),
    Cue("responds"),
    Cue("reported", plain=True),
    Cue("reports", noun_like=True),
    Cue("suggested", plain=True),
    Cue("suggests", plain=True),
    Cue("underlined"),
    Cue("underlines"),
    Cue("highlighted", needs_that=True),
    Cue("highlights", needs_that=True),
    Cue("commented"),
    Cue("comments", needs_that=True, noun_like=True),
    Cue("remarked"),
    Cue("remarks", noun_like=True),
    Cue("observed"),
    Cue("observes"),
    Cue("maintained", needs_that=True, plain=True),
    Cue("maintains", needs_that=True),
    Cue("contended", plain=True),
    Cue("contends"),
    Cue("predicted", plain=True),
    Cue("predicts"),
    Cue("cautioned", plain=True),
    Cue("cautions"),
    Cue("complained", plain=True),
    Cue("complains"),
    Cue("conceded", plain=True),
    Cue("concedes"),
    Cue("denied", plain=True),
    Cue("denies"),
    Cue("promised", plain=True, commits=True),
    Cue("promises", noun_like=True),
    Cue("pledged", plain=True, commits=True),
    Cue("pledges", noun_like=True),
    Cue("vowed", plain=True, commits=True),
    Cue("vows", noun_like=True),
    Cue("estimated", needs_that=True),
    Cue("estimates", needs_that=True, noun_like=True),
    Cue("testified", plain=True),
    Cue("testifies"),
    Cue("tweeted", plain=True),
    Cue("tweets"),
    Cue("indicated", needs_that=True),
    Cue("indicates", needs_that=True),
    Cue("mentioned"),
    Cue("mentions"),
    Cue("assured", takes_object=True),
    Cue("assures", takes_object=True),
    Cue("informed", takes_object=True),
    Cue("informs", takes_object=True),
    Cue("disclosed"),
    Cue("discloses"),
    Cue("revealed", needs_that=True),
    Cue("reveals", needs_that=True),
    Cue("alleged"),
    Cue("alleges"),
    Cue("charged", needs_that=True),
    Cue("charges", needs_that=True, noun_like=True),
    Cue("countered"),
    Cue("counters", noun_like=True),
    Cue("concluded"),
    Cue("concludes"),
    Cue("proposed", needs_that=True),
    Cue("proposes", needs_that=True),
    Cue("recommended"),
    Cue("recommends"),
    Cue("demanded"),
    Cue("demands", noun_like=True),
    Cue("affirmed"),
    Cue("affirms"),
    Cue("asserted", plain=True),
    Cue("asserts", plain=True),
    Cue("lamented", needs_that=True),
    Cue("laments", needs_that=True),
    Cue("saying", participle=True),
    Cue("asking", participle=True, question=True),
    Cue("adding", participle=True),
    Cue("telling", participle=True, takes_object=True),
    Cue("noting", participle=True),
    Cue("writing", participle=True),
    Cue("arguing", participle=True),
    Cue("explaining", participle=True),
    Cue("warning", participle=True),
    Cue("insisting", participle=True),
    Cue("declaring", participle=True),
    Cue("stressing", participle=True),
    Cue("urging", needs_that=True, participle=True, directs=True),
    Cue("demanding", needs_that=True, participle=True),
    Cue("continued"),
    Cue("continues"),
    Cue("boasted"),
    Cue("boasts", noun_like=True),
    Cue("bragged"),
    Cue("joked"),
    Cue("jokes", noun_like=True),
    Cue("quipped"),
    Cue("retorted"),
    Cue("retorts", noun_like=True),
    Cue("answered"),
    Cue("shot back", plain=True),
    Cue("fired back", plain=True),
    Cue("asserting", participle=True),
    Cue("tweeting", participle=True),
    Cue("claiming", participle=True),
    Cue("stating", participle=True),
    Cue("contending", participle=True),
    Cue("acknowledging", needs_that=True, participle=True),
    Cue("conceding", needs_that=True, participle=True),
    Cue("admitting", needs_that=True, participle=True),
    Cue("complaining", needs_that=True, participle=True),
    Cue("recounted"),
    Cue("recounts", noun_like=True),
    Cue("echoed"),
    Cue("exclaimed", plain=True),
    Cue("exclaims"),
    Cue("shouted", plain=True),
    Cue("shouts"),
    Cue("fumed", plain=True),
    Cue("fumes"),
    Cue("interjected", plain=True),
    Cue("interjects"),
    Cue("gushed", plain=True),
    Cue("gushes"),
    Cue("scoffed", plain=True),
    Cue("scoffs"),
    Cue("yelled", plain=True),
    Cue("yells"),
    Cue("mused", plain=True),
    Cue("muses"),
    Cue("sighed"),
    Cue("marveled", plain=True),
    Cue("marvelled", plain=True),
    Cue("marvels"),
    Cue("groaned"),
    Cue("whispered", plain=True),
    Cue("whispers"),
    Cue("muttered", plain=True),
    Cue("mutters"),
    Cue("pleaded", plain=True),
    Cue("pleads"),
    Cue("predicting", participle=True),
    Cue("vowing", participle=True),
    Cue("pledging", participle=True),
    Cue("alleging", participle=True),
    Cue("emphasizing", needs_that=True, participle=True),
    Cue("emphasising", needs_that=True, participle=True),
    Cue("reiterating", participle=True),
    Cue("replying", participle=True),
    Cue("joking", participle=True),
    Cue("confirming", participle=True),
    Cue("denying", needs_that=True, participle=True),
    Cue("boasting", needs_that=True, participle=True),
    Cue("charging", needs_that=True, participle=True),
    Cue("maintaining", needs_that=True, participle=True),
    Cue("exclaiming"),
    Cue("shouting"),
    Cue("yelling", participle=True),
    Cue("scoffing"),
    Cue("cautioning", participle=True),
    Cue("suggesting", needs_that=True, participle=True),
    # ("..., recalling a visit to the port", "announcing a new levy", "confirming the closure": their object is what
    # was said, PolNeAR train annotates most of them; not "suggesting a few changes", "mentioning the cranes")
    Cue("recalling", participle=True),
    Cue("announcing", participle=True),
    Cue("promising", needs_that=True, participle=True, commits=True),
    Cue("mentioning", needs_that=True, participle=True),
    Cue("remarking", needs_that=True, participle=True),
    Cue("observing", needs_that=True, participle=True),
    Cue("repeating", needs_that=True, participle=True),
    Cue("reporting", needs_that=True, participle=True),
    Cue("repeated", needs_that=True),
    Cue("emailed", needs_that=True, takes_object=True),
    Cue("pointed out"),
    Cue("points out"),
    Cue("point out"),
    Cue("called for"),
    Cue("calls for"),
    Cue("call for"),
    Cue("called on"),
    Cue("calls on"),
    Cue("went on to say"),
    Cue("made clear"),
    Cue("made it clear"),
    # ("issued the following statement: "...": the phrase introduces the quotation that follows)
    Cue("issued the following statement"),
    Cue("released the following statement"),
    Cue("issues the following statement"),
    Cue("releases the following statement"),
    Cue("reminded", reports=False, takes_object=True),
    Cue("reminds", reports=False, takes_object=True),
    Cue("called", reports=False, evaluative=True),
    Cue("described", reports=False, evaluative=True),
    Cue("dubbed", reports=False, evaluative=True),
    Cue("termed", reports=False, evaluative=True),
    Cue("labelled", reports=False, evaluative=True),
    Cue("labeled", reports=False, evaluative=True),
    Cue("branded", reports=False, evaluative=True),
    Cue("hailed", reports=False, evaluative=True),
    Cue("praised", reports=False, evaluative=True),
    Cue("welcomed", reports=False, evaluative=True),
    Cue("criticised", reports=False, evaluative=True),
    Cue("criticized", reports=False, evaluative=True),
    Cue("condemned", reports=False, evaluative=True),
    Cue("rejected", reports=False, evaluative=True),
    Cue("dismissed", reports=False, evaluative=True),
    Cue("acknowledge", plain=True),
    Cue("admit", plain=True),
    Cue("announce", plain=True),
    Cue("argue", plain=True),
    Cue("assert", plain=True),
    Cue("claim", noun_like=True, plain=True),
    Cue("complain", plain=True),
    Cue("contend", plain=True),
    Cue("deny", plain=True),
    Cue("explain", plain=True),
    Cue("insist", plain=True),
    Cue("note", needs_that=True, noun_like=True, plain=True),
    Cue("suggest", plain=True),
    Cue("warn", plain=True),
    Cue("declare"),
    Cue("predict"),
    Cue("recall", needs_that=True, noun_like=True),
    Cue("emphasize"),
    Cue("emphasise"),
    Cue("concede"),
    Cue("conclude", needs_that=True),
    Cue("confirm", needs_that=True),
    Cue("disclose", needs_that=True),
    Cue("reiterate"),
    Cue("allege"),
    Cue("write", needs_that=True),
    Cue("tell", takes_object=True),
    Cue("stress", needs_that=True, noun_like=True),
    Cue("promise", noun_like=True),
    Cue("pledge", noun_like=True),
    Cue("vow", noun_like=True),
    # Base forms after a plural subject or an auxiliary ("critics maintain that", "did note that"): "that" right after them.
    Cue("maintain", needs_that=True, that_next=True),
    Cue("caution", needs_that=True, that_next=True),
    Cue("observe", needs_that=True, that_next=True),
    Cue("reveal", needs_that=True, that_next=True),
    Cue("indicate", needs_that=True, that_next=True),
    Cue("testify", needs_that=True, that_next=True),
    Cue("add", needs_that=True, that_next=True),
    Cue("mention", needs_that=True, that_next=True, noun_like=True),
    Cue("repeat", needs_that=True, that_next=True),
    Cue("respond", needs_that=True, that_next=True),
    Cue("affirm", needs_that=True, that_next=True),
    Cue("propose", needs_that=True, that_next=True),
    Cue("reply", needs_that=True, that_next=True, noun_like=True),
    Cue("remark", needs_that=True, that_next=True, noun_like=True),
)

# --- sets derived from the entries -----------------------------------------------------------

REPORTING_CUES = tuple(cue.words for cue in CUES if cue.reports)
EVALUATIVE_VERBS = tuple(cue.words for cue in CUES if cue.evaluative)
NEEDS_THAT = frozenset(cue.words for cue in CUES if cue.needs_that)
THAT_NEXT = frozenset(cue.words for cue in CUES if cue.that_next)
NOUN_LIKE = frozenset(cue.words for cue in CUES if cue.noun_like)
# Of those, the ones that are verbs when a clause follows ("the suit claims (that) Berg lied", "the foundation notes
# the wage is low"; not "most states that vote", "reports that he lied were denied").
VERBS_BEFORE_CLAUSE = frozenset({"claims", "notes", "boasts", "counters", "retorts", "recounts", "vows"})
PARTICIPLE_CUES = frozenset(cue.words for cue in CUES if cue.participle)
OBJECT_VERBS = frozenset(cue.words for cue in CUES if cue.takes_object)
PLAIN_CUES = frozenset(cue.words for cue in CUES if cue.plain)
QUESTION_CUES = frozenset(cue.words for cue in CUES if cue.question)
COMMITMENT_CUES = frozenset(cue.words for cue in CUES if cue.commits)
DIRECTIVE_CUES = frozenset(cue.words for cue in CUES if cue.directs)


def _third_person(words: str) -> tuple[str, ...]:
    """ "say" -> "says", "stress" -> "stresses", "deny" -> "denies", "point out" -> "points out"."""
    first, _, rest = words.partition(" ")
    endings = (first + "s", first + "es", first[:-1] + "ies")
    return tuple(f"{ending} {rest}".rstrip() for ending in endings)


# The plain forms ("say", "call for"): a cue whose third person is a cue too, read after "to" as an infinitive.
PLAIN_FORMS = frozenset(
    words for words in REPORTING_CUES if any(form in REPORTING_CUES for form in _third_person(words))
)
# First words of the cues, for a cheap set lookup before the cue pattern is tried.
CUE_FIRST_WORDS = frozenset({cue.split()[0] for cue in REPORTING_CUES} | {"according", "According", "quoted"})
# Words that open a verb's own report right after it ("said she would", "added that"): the verb has its content.
REPORT_OPENERS = frozenset({"that", "he", "she", "they", "it", "we", "I", "there"})


@dataclass(frozen=True, slots=True)
class TopicCue:
    """A verb or a noun that reports what somebody said about a topic, not a clause: the phrase after it (after
    the preposition it governs) is the content, as an analyst reads "declined to comment on the deal", "did not
    mention the border talks", "her promise to cut taxes" (see ``rules.topic_report``).

    forms     its forms, space-separated
    governs   the words that may open its object ("on about"), "-ing" a participle; empty: a direct object
              ("mentioned the talks")
    noun      a noun: its owner is a possessive before it ("Weber's promise to") or the subject of "made",
              "issued" ... ("made no mention of")
    owned     a noun that a possessive may own (False: only the subject of "made" ...: "made comments about" reports,
              "his comments about" is more often what another report is about)
    """

    forms: str
    governs: str = ""
    noun: bool = False
    owned: bool = True


# Left out, measured on PolNeAR train: "respond to" ("did not respond to requests for comment"), "address",
# "answer", "his remarks/comments/statements about", "calls for" and "issued a statement condemning": its annotators
# take them for reports about half the time, so they would lower the indirect precision; "answered questions" is
# an act (see rules._not_a_report).
TOPIC_CUES: tuple[TopicCue, ...] = (
    TopicCue("comment comments commented commenting", "on about upon"),
    TopicCue("mention mentions mentioned mentioning"),
    TopicCue("explain explains explained explaining"),
    # ("spoke highly of the party's record": how a foreign politician's words are carried in state-media coverage)
    TopicCue("speak speaks spoke speaking", "about of"),
    TopicCue("express expresses expressed expressing"),
    TopicCue("promise promises pledge pledges vow vows", "to of", noun=True),
    TopicCue("mention", "of", noun=True),
    TopicCue("comment comments remark remarks statement statements", "on about upon", noun=True, owned=False),
    # ("issued a statement condemning the raid": a participle opens it, unless it reports itself: "saying")
    TopicCue("statement statements", "-ing", noun=True, owned=False),
)


def _topic_governs(noun: bool, owned: bool = False) -> dict[str, frozenset[str]]:
    """Each form of the topic verbs (or nouns, or nouns a possessive may own) and the words that may open its object
    ("" for a direct object)."""
    governs: dict[str, set[str]] = {}
    for cue in TOPIC_CUES:
        if cue.noun == noun and (cue.owned or not owned):
            for form in cue.forms.split():
                governs.setdefault(form, set()).update(cue.governs.split() or [""])
    return {form: frozenset(words) for form, words in governs.items()}


TOPIC_VERB_GOVERNS = _topic_governs(noun=False)
TOPIC_NOUN_GOVERNS = _topic_governs(noun=True)
TOPIC_OWNED_GOVERNS = _topic_governs(noun=True, owned=True)
# The topic verbs' base forms ("comment", "mention"): a verb only after "to", an auxiliary or a plural subject.
TOPIC_BASE_FORMS = frozenset(cue.forms.split()[0] for cue in TOPIC_CUES if not cue.noun)
