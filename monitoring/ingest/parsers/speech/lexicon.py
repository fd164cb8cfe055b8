"""Reporting verbs and phrases ("said", "pointed out") and what each needs to count as speech."""

from __future__ import annotations

SPEECH_VERBS = (
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

PHRASE_CUES = (
    "pointed out",
    "points out",
    "called for",
    "calls for",
    "went on to say",
    "made clear",
    "made it clear",
)

# Verbs that usually take a person as object before the content ("told reporters that").
OBJECT_VERBS = {"told", "tells", "assured", "assures", "informed", "informs", "reminded", "reminds"}

# Nouns that are also reporting verbs: accepted only with a clear speaker next to them.
NOUN_LIKE = {
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
PARTIAL_VERBS = (
    "called described dubbed termed labelled labeled branded hailed praised welcomed criticised "
    "criticized condemned rejected dismissed"
).split()

PARTICIPLE_CUES = {
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

# Verbs that report speech only with a "that" clause; with an object they report an act.
WEAK_CUES = set(
    "proposed proposes revealed reveals indicated indicates charged charges maintained maintains "
    "estimated estimates highlighted highlights lamented laments states comments urging".split()
)

CUE_FIRST_WORDS = {cue.split()[0] for cue in [*SPEECH_VERBS, *PHRASE_CUES]} | {"according", "According", "quoted"}

# Verbs clear enough to take an unknown subject as the speaker (second reading only).
FALLBACK_CUES = set(
    "said says say told tells wrote writes argued argue argues claimed claim claims insisted insist "
    "insists warned warn warns noted note added explained explain explains announced announce "
    "acknowledged acknowledge stressed declared reported predicted contended contend maintained "
    "asserted assert asserts admitted admit admits conceded suggested suggest suggests complained "
    "complain testified promised vowed pledged confirmed denied deny tweeted emphasized emphasised "
    "responded replied recalled exclaimed shouted fumed interjected gushed scoffed cautioned yelled "
    "mused marveled marvelled whispered muttered pleaded".split()
)
