"""Measure the quote extractor against PolNeAR attributions (brat standoff).

    .venv/bin/python bench/polnear_eval.py [--data PATH] [--split dev|train] [--errors CATEGORY]

Two sets of figures. First today's speech-only ones, against issue 11's dev targets, with the
speaker accuracy over all sources (named, surname, honorific, pronoun, role noun, group, outlet;
a back-reference's referent is the nearest earlier gold source naming somebody, an approximation:
PolNeAR links no coreference). For "he" and "she" that source must not be of the other gender
(honorifics, given names, pronouns that follow it), and a he/she with another person of that
gender named since (a given name or an honorific) is left unscored: persons named outside
attributions are no gold sources, so the referent is unknown there. "they" takes a plural or a
body, "it" no person, "who" the name (or noun) right before it. The pronoun figure printed under
its old definition (the nearest bare proper name, any gender) is kept for comparison. Then the published protocol of CofeNet (Wang et al., COLING 2022;
see bench/cofenet_protocol.py) over every attribution, with the published systems beside ours,
and the same protocol on speech attributions only. ``--errors CATEGORY`` prints an error
category's counts by sub-category and examples (file, offsets, sentence) for error analysis:
run it on the train split, not dev, so that rules are not tuned to the dev articles.

For the speech-only figures, gold is filtered to speech cues (thought and belief verbs are left
out; the CofeNet protocol keeps every attribution, as published). A predicted quote
matches a gold one when their spans overlap by at least half of the gold span; exact-match
figures are printed as well. PolNeAR annotates an interrupted quote ('"A," she said. "B."') as
one content span, as the extractor now reports it too; parts it still reports separately are
joined before scoring (``--no-merge`` scores them apart). Outlets and agencies are never speakers
for the extractor ("CNN reported that ..." yields nothing), while PolNeAR counts them as sources:
such attributions stay in the gold and count as misses. The texts are one paragraph a line. When an article has
several annotators, the first annotation file in sorted order is used. The dataset text is read,
never copied. The first line (the headline) is not given to the extractor, so attributions in
headlines count as misses.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.cofenet_protocol import (  # noqa: E402
    ELEMENTS,
    Piece,
    Tally,
    Tokens,
    gold_pieces,
    iou,
    paragraph_of,
    quote_area,
    quote_pieces,
    score_document,
    table_print,
)
from monitoring.ingest.parsers import normalise_name, parse_press_text, speech_extract  # noqa: E402
from monitoring.ingest.parsers.gender import GIVEN_NAMES  # noqa: E402

# Speech cues: verbs that introduce what somebody said or wrote. A gold attribution counts when a
# word of its cue starts with one of these stems (or it holds one of the phrases). Evaluations
# ("slammed", "praised"), thoughts ("believes") and vague cues ("raised questions") are left out.
SPEECH_STEMS = (
    "say",
    "said",
    "tell",
    "told",
    "add",
    "note",
    "stress",
    "write",
    "wrote",
    "written",
    "urge",
    "warn",
    "ask",
    "accord",
    "announc",
    "state",
    "claim",
    "argu",
    "explain",
    "insist",
    "declar",
    "report",
    "repl",
    "respond",
    "remark",
    "comment",
    "suggest",
    "emphas",
    "acknowledg",
    "admit",
    "confirm",
    "recall",
    "predict",
    "promis",
    "pledg",
    "vow",
    "testif",
    "tweet",
    "quot",
    "assert",
    "contend",
    "maintain",
    "alleg",
    "conced",
    "deni",
    "deny",
    "caution",
    "complain",
    "reiterat",
    "disclos",
    "mention",
    "conclud",
    "recommend",
    "demand",
    "counter",
    "inform",
    "assur",
    "boast",
    "predict",
    "retort",
    "repeat",
    "recount",
    "joke",
    "joked",
    "echo",
    "continu",
    "express",
    # Manner-of-speaking verbs the extractor reads as cues too.
    "exclaim",
    "shout",
    "yell",
    "fume",
    "interject",
    "gush",
    "scoff",
    "whisper",
    "mutter",
    "plead",
    "muse",
    "marvel",
    "quip",
    "answer",
    "email",
)
SPEECH_PHRASES = (
    "point out",
    "pointed out",
    "points out",
    "call for",
    "called for",
    "calls for",
    "called on",
    "calls on",
    "went on to say",
    "made clear",
    "fired back",
    "fires back",
    "shot back",
    "hit back",
)
THOUGHT_STEMS = (
    "believ",
    "think",
    "thought",
    "want",
    "hope",
    "feel",
    "felt",
    "know",
    "knew",
    "expect",
    "fear",
    "worr",
    "consider",
    "see",
    "saw",
    "view",
    "plan",
    "intend",
    "wish",
    "doubt",
    "learn",
    "understand",
    "agree",
    "decid",
    "seem",
    "appear",
)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "hers", "their", "you"}
# Exact matches ignore quotation marks and edge punctuation: gold direct spans include the marks.
EDGE_MARKS = " \t\n\"“”'‘’,.;:"
QUOTE_EDGES = " \t\n\"“”'‘’"
# Issue 11's dev targets (speech-only figures).
TARGETS = {
    "direct_precision": 0.97,
    "direct_recall": 0.95,
    "indirect_precision": 0.92,
    "indirect_recall": 0.85,
    "all_f1": 0.85,
    "speaker_accuracy": 0.97,
    "backref_accuracy": 0.85,
    "all_sources_accuracy": 0.90,
}
RELATIVE_PRONOUNS = {"who", "which", "that"}
NAMING = {"named", "surname", "honorific"}  # source kinds that name a person
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Rep|Sen|Gov)\.? [A-Z]")
# Media words: a source holding one is an outlet (the extractor never makes outlets speakers).
OUTLET = re.compile(
    r"\b(?:Times|Post|News|Journal|Press|Reuters|AP|CNN|MSNBC|NBC|ABC|CBS|Fox|NPR|PBS|Politico|"
    r"Breitbart|BuzzFeed|Guardian|Bloomberg|Examiner|Herald|Tribune|Gazette|Hill|Axios|Atlantic|"
    r"Daily|Magazine|newspaper|magazine|network|outlet|paper|broadcaster)\b"
)


@dataclass
class Gold:
    start: int
    end: int
    direct: bool
    source: str
    source_start: int
    cue: str = ""
    cue_start: int = -1
    marks: int = 0  # quotation marks and spaces at the span's edges, which a found quote leaves out


def is_speech_cue(cue: str) -> bool:
    # Adverbs ("repeatedly linked") say nothing about the verb; "continued" counts alone only
    # ("he continued."), not in "continued to plot".
    words = [w for w in re.findall(r"[a-z]+", cue.casefold()) if not w.endswith("ly")]
    words += [w[:-3] + "e" for w in words if w.endswith("ing")]  # "noting", "stating", "urging": "note" ...
    if any(w.startswith("continu") for w in words) and len(words) > 1:
        return False
    speech = [i for i, word in enumerate(words) if word.startswith(SPEECH_STEMS)]
    thought = [i for i, word in enumerate(words) if thought_in([word])]
    # A thought word after the speech verb belongs to the words around it, not to the cue ("exclaimed upon seeing
    # him", "added during his appearance on Fox"); one before it governs it ("decided to announce").
    if (
        thought
        and not (speech and speech[0] < thought[0])
        and not any(w.startswith(("say", "said", "told", "tell")) for w in words)
    ):
        return False
    return bool(speech) or any(p in " ".join(words) for p in SPEECH_PHRASES)


def is_unclassed_cue(cue: str) -> bool:
    """A cue that is neither speech nor thought by these word lists (a colon, "called", "in", "described"...): its
    attribution is out of the speech figures, and a quote found there counts neither right nor wrong. A quote found
    on a thought ("believes", "wants") counts wrong."""
    return not is_speech_cue(cue) and not thought_in(re.findall(r"[a-z]+", cue.casefold()))


def thought_in(words: list[str]) -> bool:
    return any(word.startswith(THOUGHT_STEMS) for word in words)


def gold_read(text: str, ann_path: Path, keep: Callable[[str], bool] = is_speech_cue) -> list[Gold]:
    """The attributions whose cue `keep` accepts (speech, by default)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2 or " " not in parts[1]:
                continue  # a malformed line; brat itself would skip it
            tid, info = parts[0], parts[1]
            label, offsets = info.split(" ", 1)
            pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            spans[tid] = (label, pieces)
        elif line.startswith("E"):
            _, args = line.split("\t", 1)
            events.append(dict(arg.split(":", 1) for arg in args.split()))
    golds = []
    for event in events:
        roles = {re.sub(r"\d+$", "", key): value for key, value in event.items()}
        if "Content" not in roles or "Cue" not in roles:
            continue
        cue_pieces = spans[roles["Cue"]][1]
        cue = " ".join(text[s:e] for s, e in cue_pieces)
        if not keep(cue):
            continue
        content = spans[roles["Content"]][1]
        start, end = min(s for s, _ in content), max(e for _, e in content)
        source, source_start = "", -1
        if "Source" in roles:
            pieces = spans[roles["Source"]][1]
            source = " ".join(text[s:e] for s, e in pieces)
            source_start = pieces[0][0]
        marks = len(text[start:end]) - len(text[start:end].strip(QUOTE_EDGES))
        golds.append(
            Gold(start, end, is_quotation(text, start, end), source, source_start, cue, cue_pieces[0][0], marks)
        )
    return golds


def is_quotation(text: str, start: int, end: int) -> bool:
    """Whether a gold content is a direct quote: it opens with a quotation mark, or its span starts right after one
    (annotators sometimes leave the opening mark out: '“' + 'We won,” she said.'; a straight mark or two
    apostrophes opening where a word could start), and it ends with a closing mark, or right before one. A content
    that opens with quoted words and goes on in the reporter's ('"Zero" voters would follow him, she said') is a
    mixed quotation: indirect."""
    opens = text[start:end].lstrip()[:1] in "\"“‘'"
    if not opens:
        before = text[max(0, start - 3) : start]
        opens = before.endswith("“") or bool(re.search(r"(?:^|[\s(\[])(?:\"|'')$", before))
    return opens and bool(CLOSES_AT_END.search(text[start:end]) or CLOSES_NEXT.match(text, end))


# A closing mark at a content's end, or right after its span, with the sentence's punctuation before or after it
# ("“" stands for a closing mark in some outlets' copy).
CLOSES_AT_END = re.compile(r"(?:[\"”“’']|'')[.,;:!?)]*\s*$")
CLOSES_NEXT = re.compile(r"[.,;:!?]*(?:[\"”“’']|'')")


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def covers(start: int, end: int, gold: Gold) -> bool:
    """Whether a found span covers at least half of a gold content (its quotation marks left out): it matches it."""
    return overlap(start, end, gold.start, gold.end) * 2 >= gold.end - gold.start - gold.marks


def is_proper_name(source: str) -> bool:
    words = source.split()
    if not words or source.casefold() in PRONOUNS:
        return False
    return (
        words[0][:1].isupper()
        and words[0].casefold() not in {"the", "a", "an", "this", "that", "some", "one", "his", "her"}
        and all(w[:1].isupper() or w.casefold() in {"de", "la", "van", "von", "al", "bin", "del", "da"} for w in words)
    )


def same_person(gold_name: str, predicted: str) -> bool:
    gold_tokens = normalise_name(re.sub(r"['’]s$", "", gold_name)).split()
    predicted_tokens = set(normalise_name(predicted).split())
    return bool(gold_tokens) and gold_tokens[-1] in predicted_tokens


def interrupted_quotes_join(
    predictions: list[tuple[int, int, bool, str]], text: str, continuations: frozenset[int] = frozenset()
) -> list[tuple[int, int, bool, str]]:
    """Join the parts of one interrupted quote ("A," she said. "B.") into a single span.

    PolNeAR annotates such a quote as one Content from the first to the last part, while the
    extractor reports each part (an editor wants them apart); this adapts to the annotation.
    A report inside the attribution between the parts ('"A," she said when asked about X. "B."': the
    question is a content of its own) does not keep them apart. A report with no verb of its own that the
    extractor gives to the speaker of the quotation before it (``continuations``: '"A," she said. It is "B."',
    a mixed sentence going on with her words) is a part too: PolNeAR annotates it in the same content, a direct
    one when it ends in quoted words, else a mixed one (indirect), as is_quotation tells a gold content's kind.
    """
    joined: list[tuple[int, int, bool, str]] = []
    for prediction in sorted(predictions):
        if not prediction[2] and prediction[0] in continuations and joined and joined[-1][2]:
            last = joined[-1]
            if last[3] == prediction[3] and "\n" not in text[last[1] : prediction[0]]:
                # ('"A," she said. "B" and other issues.': a content that ends in the reporter's words is mixed.)
                quoted = is_quotation(text, last[0], prediction[1])
                joined[-1] = (last[0], prediction[1], quoted, last[3])
                continue
        if prediction[2]:
            k = len(joined) - 1
            while k >= 0 and not joined[k][2]:
                k -= 1  # the last direct part, before reports that may stand in the gap after it
            last = joined[k] if k >= 0 else None
            if (
                last is not None
                and last[3] == prediction[3]
                and "\n" not in text[last[1] : prediction[0]]
                and all(last[1] <= p[0] and p[1] <= prediction[0] for p in joined[k + 1 :])
            ):
                joined[k] = (last[0], prediction[1], True, last[3])
                continue
        joined.append(prediction)
    return sorted(joined)


PARTY_MEMBERS = {"Republican", "Democrat"}


# Heads of a description that names a document or a body, never a person: "the statement", "the
# Sanders campaign", "the company".
NOT_PERSON_HEADS = set(
    "statement report campaign company group administration poll survey letter investigation summary memo "
    "study analysis committee agency department ministry government party organization firm website article "
    "book editorial release document filing lawsuit complaint tweet post email account transcript affidavit "
    "panel council board commission court office team network newspaper magazine station".split()
)


def source_kind(source: str) -> str:
    """What a gold Source is: named, surname, honorific, pronoun, role, group, outlet or none.

    surname, honorific, pronoun and role are the back-references of issue 11; a role is a
    singular definite description of a person ("the senator", "the Wisconsin Republican"), a
    group anything else in lower case ("officials"; "a spokeswoman", somebody new; "the statement",
    "the campaign", a document or a body; "some Democrats" has a capital and counts as named).
    """
    source = source.strip()
    if not source:
        return "none"
    if source.casefold() in PRONOUNS | RELATIVE_PRONOUNS:
        return "pronoun"
    if OUTLET.search(source):
        return "outlet"
    if HONORIFIC.match(source):
        return "honorific"
    words = source.split()
    if len(words) == 1 and words[0][:1].isupper():
        return "surname"
    capitalised = [w for w in words if w[:1].isupper() and not re.search(r"['’]s?$", w)]
    # ("the Wisconsin Republican": a description of a party member, not a name.)
    description = words[0].casefold() in {"the", "a", "an", "this", "that", "another"} and (
        words[-1][:1].islower() or words[-1] in PARTY_MEMBERS
    )
    if capitalised and (capitalised != words[:1] or len(words) == 1) and not description:
        # ("The New York businessman", "the GOP nominee": a role with a capitalised modifier, not a name.)
        return "named"  # a capital beyond a sentence-initial first word ("Federal officials" is not)
    head = re.split(r"[,(]| of | for | at | from | close to ", source)[0].split()[-1].casefold()
    if words[0].casefold() in {"the", "this", "that"} and not words[-1].endswith("s") and head not in NOT_PERSON_HEADS:
        return "role"
    # "a campaign official" (somebody new, no back-reference), "the statement", "the Clinton
    # campaign" (a document or a body, never a person named before): the source is its own referent.
    return "group"


# A name standing alone between commas ("Jake Sullivan", "Gen. Joseph F. Dunford Jr."): capitalised
# words and initials only, at least two of them.
NAME_ONLY = re.compile(r"(?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’-]*\.?")
NAME_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}
# A title of a body before the name: "Secretary of State John Kerry", "Speaker of the House Paul Ryan".
TITLE_OF_BODY = re.compile(r"\bof\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s+){2,}[A-Z][\w'’-]*)$")


# Words of a title printed before "of" ("Secretary of State", "Speaker of the House").
TITLE_WORDS = set(
    "secretary minister speaker director president chairman chairwoman chair head leader governor mayor member "
    "attorney general chief commissioner ambassador administrator spokesman spokeswoman representative senator "
    "rep sen gov dean professor editor founder".split()
)


def names_before_of(before: str) -> bool:
    """Whether the words before "of" name a person ("Mr. Lund of the Policy Center", "Ana Ruiz of
    Human Rights Watch"), not a title ("Former Secretary of State Ana Ruiz"): an honorific, or two
    capitalised words none of them a title's."""
    words = before.split()
    capitalised = [w for w in words if w[:1].isupper()]
    if HONORIFIC.match(before.strip()):
        return True
    return len(capitalised) >= 2 and not any(w.rstrip(".").casefold() in TITLE_WORDS for w in words)


def source_key(source: str) -> str:
    """The word that names a source's person: the last capitalised word of the first part (cut at
    commas, brackets, "of", "for") that has one, possessives left out ("Representative Charles B.
    Rangel of New York" -> "Rangel"); else the first part's last word ("the senator" -> "senator").

    A description followed by the name between commas gives the name ("her senior policy adviser,
    Jake Sullivan," -> "Sullivan"), and so does a title of a body before a name ("Former Secretary
    of State Madeleine Albright" -> "Albright")."""
    head = re.split(r"[,(]", source)[0].strip()
    described = head.split()[:1] and (
        head[:1].islower()
        or head.split()[0] in {"The", "A", "An", "One", "Another", "Her", "His", "Their", "Its"}
        or re.search(r"['’]s?$", head.split()[0])
    )
    if described:
        for part in source.split(",")[1:]:
            if NAME_ONLY.fullmatch(part.strip()):
                words = [w.rstrip(".") for w in part.split() if w.rstrip(".") not in NAME_SUFFIXES]
                return words[-1]
    title_of_body = TITLE_OF_BODY.search(head)
    if title_of_body and not names_before_of(head[: title_of_body.start()]):
        return title_of_body.group(1).split()[-1].rstrip(".")
    parts = [p.strip() for p in re.split(r"[,(]| of | for | at | from ", source) if p.strip()]
    for part in parts:
        names = [
            w for w in part.split() if w[:1].isupper() and w not in {"The", "A", "An"} and not re.search(r"['’]s?$", w)
        ]
        if names:
            return names[-1].rstrip(".")
    return parts[0].split()[-1] if parts else ""


# Words that make a named source a group or an organisation, not one person ("the Turkish
# government", "other GOP leaders"): "he" or "she" cannot refer to it.
NOT_ONE_PERSON = re.compile(
    r"\b(?:government|campaign|committee|party|department|administration|agency|office|group|"
    r"council|court|house|senate|congress|union|foundation|company|leaders|officials|members|"
    r"Republicans|Democrats|[a-z]+s)$|\band\b"
)


GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


# A given name and a surname printed together ("Hillary Clinton", "Hillary Rodham Clinton").
# (A lookahead, so that "Later Paul Lund" is read at "Paul" too.)
GIVEN_SURNAME = re.compile(r"\b(?=([A-Z][a-z]+) (?:[A-Z]\.? |[A-Z][a-z]+ )?([A-Z][\w'’-]+))")


def given_name_genders(text: str) -> dict[str, str]:
    """Surname key -> "m" or "f" from the given names printed before it (a common given name of one
    gender), for surnames all of whose given names in the article agree ("Bill" and "Hillary
    Clinton": neither)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for match in GIVEN_SURNAME.finditer(text):
        gender = GIVEN_NAMES.get(match.group(1))
        if gender:
            seen[normalise_name(match.group(2))].add(gender)
    return {surname: genders.pop() for surname, genders in seen.items() if len(genders) == 1}


def genders_read(article: Article) -> dict[str, str]:
    """Surname key -> "m" or "f", where the article says: an honorific before the surname (Mr.,
    Ms., Mrs.), else a given name of one gender printed before it, else the he/she of the gold
    source that follows the name's in its paragraph."""
    genders: dict[str, str] = {}
    for match in re.finditer(r"\b(Mr|Mrs|Ms|Miss)\.? (?:[A-Z][\w.'’-]* )*([A-Z][\w'’-]+)", article.text):
        genders.setdefault(normalise_name(match.group(2)), "m" if match.group(1) == "Mr" else "f")
    for surname, gender in given_name_genders(article.text).items():
        genders.setdefault(surname, gender)
    ordered = sorted((g for g in article.golds if g.source_start >= 0), key=lambda g: g.source_start)
    for named, following in zip(ordered, ordered[1:], strict=False):
        gender = GENDERS.get(following.source.casefold())
        same_paragraph = "\n" not in article.text[named.source_start : following.source_start]
        if gender and same_paragraph and source_kind(named.source) in NAMING:
            genders.setdefault(normalise_name(source_key(named.source)), gender)
    return genders


def referent_fits(pronoun: str, source: str, genders: dict[str, str]) -> bool:
    """Whether a named source can be what "he" or "she" (or a singular role noun) refers to:
    one person, and not of the other gender when the article says which."""
    wanted = GENDERS.get(pronoun.casefold())
    if pronoun.casefold() in {"they", "it"}:
        return plural_or_thing_fits(pronoun.casefold(), source, genders)
    singular = wanted is not None or source_kind(pronoun) == "role"
    if singular and NOT_ONE_PERSON.search(re.split(r"[,(]", source)[0].strip()):
        return False
    return wanted is None or genders.get(normalise_name(source_key(source))) in {None, wanted}


PLURAL_SOURCE = re.compile(r"\b(?:[a-z]+s|Republicans|Democrats)$|\band\b")


def plural_or_thing_fits(pronoun: str, source: str, genders: dict[str, str]) -> bool:
    """Whether "they" (several: a group, a plural, "A and B") or "it" (no person: a body, a
    document) can refer to a source."""
    head = re.split(r"[,(]", source)[0].strip()
    if pronoun == "they":
        return bool(NOT_ONE_PERSON.search(head))  # a plural or a body ("the union said ... They added")
    plural = bool(PLURAL_SOURCE.search(head))
    person = (
        HONORIFIC.match(head)
        or head.split()[0] in GIVEN_NAMES
        or normalise_name(source_key(source)) in genders
        or source_kind(source) == "pronoun"
    )
    return not plural and not person


# The name a relative pronoun follows: "..., said Ana Ruiz, who ...".
NAME_BEFORE_RELATIVE = re.compile(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]*)(?:\s*\([^()]*\))?,?\s*$")


def relative_antecedent(text: str, gold: Gold) -> str:
    """What "who" or "which" stands for: the name right before it, else the noun before it ("the
    party's leaders, who ...": "leaders")."""
    before = text[max(0, gold.source_start - 120) : gold.source_start].rstrip()
    name = NAME_BEFORE_RELATIVE.search(before)
    if name:
        return name.group(1)
    words = re.findall(r"[\w'’-]+", before)
    return words[-1] if words else ""


# A person printed with a given name or an honorific: "Hillary Clinton", "Mr. Lund".
PERSON_MENTION = re.compile(r"\b(?=(?:(Mr|Mrs|Ms|Miss)\.? |([A-Z][a-z]+) (?:[A-Z]\.? |[A-Z][a-z]+ )?)([A-Z][\w'’-]+))")


def other_person_between(text: str, referent: Gold, gold: Gold, genders: dict[str, str]) -> bool:
    """Whether a person other than the referent, of the gender "he" or "she" asks for, is named
    between the referent's source and the pronoun ("Lund said ... Ana Ruiz met Paul Berg. He said"),
    or a surname the article gives that gender elsewhere ("Paul Berg" earlier, "Berg" in between).

    PolNeAR marks no coreference, and persons named outside attributions are no gold sources: the
    nearest fitting source is then no more the referent than the person named since. Such a
    back-reference is not scored (see speaker_check). Only given names and honorifics of a clear
    gender count, so an unknown person leaves the referent as it is.
    """
    wanted = GENDERS.get(gold.source.casefold())
    if wanted is None:
        return False
    key = normalise_name(source_key(referent.source))
    for match in PERSON_MENTION.finditer(text, referent.source_start + len(referent.source), gold.source_start):
        honorific, given, surname = match.groups()
        gender = ("m" if honorific == "Mr" else "f") if honorific else GIVEN_NAMES.get(given or "")
        surname_key = normalise_name(surname)
        if gender == wanted and surname_key != key and genders.get(surname_key) in {None, wanted}:
            return True
    # A surname alone whose gender the article gives elsewhere ("Donald Trump" ... "Trump arrived").
    between = text[referent.source_start + len(referent.source) : gold.source_start]
    return any(
        genders.get(normalise_name(word)) == wanted and normalise_name(word) != key
        for word in re.findall(r"\b[A-Z][\w'’-]+", between)
    )


def key_found(key: str, predicted: str) -> bool:
    key_words = normalise_name(key).split()  # "Holtz-Eakin" may come out as two words
    return bool(key_words) and set(key_words) <= set(normalise_name(predicted or "").split())


@dataclass
class Article:
    name: str
    text: str
    body_start: int
    golds: list[Gold]  # speech attributions
    unscored: list[Gold]  # attributions neither speech nor thought: a quote found there is not scored
    pieces: list[Piece]  # every attribution's source, cue and content pieces
    speech_pieces: list[Piece]  # the same for speech attributions only
    quotes: list  # the extractor's ParsedQuote list, offsets into the body


def articles_read(data: Path, split: str, join: bool) -> list[Article]:
    text_dir, ann_dir = data / split / "text", data / split / "attributions"
    if not text_dir.is_dir():
        sys.exit(f"no PolNeAR split at {text_dir}")
    articles = []
    for text_path in sorted(text_dir.glob("*.txt")):
        annotations = sorted(ann_dir.glob(text_path.stem + "_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        # The first line is the headline; the extractor runs on the body, offsets shifted back.
        body_start = text.find("\n") + 1
        _, quotes = speech_extract(text[body_start:], paragraph_break="\n")  # one paragraph a line
        articles.append(
            Article(
                text_path.name,
                text,
                body_start,
                gold_read(text, annotations[0]),  # several annotators: the first in sorted order
                gold_read(text, annotations[0], keep=is_unclassed_cue),
                gold_pieces(annotations[0], text, join),
                gold_pieces(annotations[0], text, join, keep=is_speech_cue),
                quotes,
            )
        )
    return articles


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence(s) around a range, for error examples (printed, never stored)."""
    para_start, para_end = paragraph_of(text, start)
    left = max((m.end() for m in re.finditer(r"[.?!][”\"’]?\s", text[para_start:start])), default=0)
    right = re.search(r"[.?!][”\"’]?(\s|$)", text[end:para_end])
    return text[para_start + left : end + right.end() if right else para_end].strip()


class Errors:
    """Examples per error category, and counts by sub-category, for --errors."""

    def __init__(self) -> None:
        self.examples: dict[str, list[str]] = defaultdict(list)
        self.counts: dict[str, Counter] = defaultdict(Counter)

    def add(self, category: str, subkind: str, article: Article, start: int, end: int, detail: str) -> None:
        self.counts[category][subkind] += 1
        self.examples[category].append(
            f"{article.name} {start}-{end} [{subkind}] {detail}\n    {sentence_of(article.text, start, end)}"
        )


def cue_structure(gold: Gold, text: str) -> str:
    """How a missed indirect quote is built: where its cue stands, and the cue's first word."""
    words = re.findall(r"[a-z]+", gold.cue.casefold()) or ["?"]
    cue_word = next((w for w in words if w.startswith(SPEECH_STEMS)), words[0])  # not "has" of "has said"
    if "according" in gold.cue.casefold():
        where = "according-to"
    elif gold.cue_start >= gold.end:
        where = "cue-after"
    elif gold.start <= gold.cue_start < gold.end:
        where = "cue-inside"
    elif text[gold.start : gold.start + 5].casefold().startswith("that"):
        where = "cue-that"
    else:
        where = "cue-before"
    return f"{where} {cue_word}"


def speech_score(articles: list[Article], merge: bool, errors: Errors) -> tuple[dict[str, int], Counter, Counter]:
    """Today's speech-only figures: counts of quotes found, exact spans and speakers right."""
    counts: dict[str, int] = defaultdict(int)
    kind_total, kind_ok = Counter(), Counter()
    for article in articles:
        text, golds = article.text, article.golds
        predictions = [
            (q.start + article.body_start, q.end + article.body_start, q.kind == "direct", q.speaker)
            for q in article.quotes
            if q.kind != "partial"
        ]
        cues = {q.start + article.body_start: q.cue for q in article.quotes}
        if merge:
            # A report with no verb of its own, given to the speaker of the quotation before it, goes on with it.
            continuations = frozenset(
                q.start + article.body_start for q in article.quotes if q.kind == "indirect" and q.cue is None
            )
            predictions = interrupted_quotes_join(predictions, text, continuations)
        for kind, is_direct in (("direct", True), ("indirect", False)):
            gold_kind = [g for g in golds if g.direct == is_direct]
            pred_kind = [p for p in predictions if p[2] == is_direct]
            counts["gold_" + kind] += len(gold_kind)
            counts["pred_" + kind] += len(pred_kind)
            for p_start, p_end, _, speaker in pred_kind:
                if any(covers(p_start, p_end, g) for g in gold_kind):
                    counts["tp_" + kind] += 1
                elif any(covers(p_start, p_end, g) for g in article.unscored):
                    # An attribution the filter cannot class (see is_unclassed_cue): neither right nor wrong, as it
                    # counts in no gold total either.
                    counts["unscored_" + kind] += 1
                else:
                    cue = cues.get(p_start) or "-"
                    errors.add(f"false-{kind}", cue, article, p_start, p_end, f"predicted {speaker!r}")
            for gold in gold_kind:
                matched = [p for p in pred_kind if covers(p[0], p[1], gold)]
                if not matched:
                    subkind = cue_structure(gold, text) if kind == "indirect" else (gold.cue or "-")
                    errors.add(f"missed-{kind}", subkind, article, gold.start, gold.end, f"source {gold.source!r}")
                    continue
                counts["hit_" + kind] += 1
                gold_text = text[gold.start : gold.end].strip(EDGE_MARKS)
                if any(text[p[0] : p[1]].strip(EDGE_MARKS) == gold_text for p in matched):
                    counts["exact_" + kind] += 1
                speaker_check(article, gold, matched[0][3], counts, kind_total, kind_ok, errors)
    return counts, kind_total, kind_ok


def speaker_check(
    article: Article, gold: Gold, speaker: str, counts: dict[str, int], total: Counter, ok: Counter, errors: Errors
) -> None:
    """Score the speaker of one found quote: today's two figures, and the all-sources one.

    A back-reference's referent is the nearest earlier gold source that names somebody and fits
    it (for a surname or honorific, the nearest one with that surname; see referent_fits for
    pronouns): PolNeAR links no coreference, so this is an approximation.
    """
    kind = source_kind(gold.source)
    # "they" and "it" may stand for a body or a group too ("the union said ... They added").
    naming = NAMING | {"group", "outlet"} if gold.source.casefold() in {"they", "it"} else NAMING
    earlier = [g for g in article.golds if source_kind(g.source) in naming and 0 <= g.source_start < gold.source_start]
    referent = ""
    if gold.source.casefold() in RELATIVE_PRONOUNS:
        referent = relative_antecedent(article.text, gold)
    elif kind in {"named", "group", "outlet"}:
        referent = gold.source
    elif kind in {"surname", "honorific"}:
        key = source_key(gold.source)
        same = [g for g in earlier if normalise_name(source_key(g.source)) == normalise_name(key)]
        referent = max(same, key=lambda g: g.source_start).source if same else gold.source
    elif kind in {"pronoun", "role"}:
        genders = genders_read(article)
        fitting = [g for g in earlier if referent_fits(gold.source, g.source, genders)]
        nearest = max(fitting, key=lambda g: g.source_start) if fitting else None
        referent = nearest.source if nearest else ""
        if nearest and other_person_between(article.text, nearest, gold, genders):
            counts["backref_unsure"] += 1
            referent = ""  # somebody else of that gender is named in between: the referent is unknown
    # Today's figures, definitions unchanged so that they compare over time.
    if is_proper_name(gold.source):
        counts["named"] += 1
        counts["named_ok"] += same_person(gold.source, speaker)
    elif gold.source.casefold() in PRONOUNS:
        # The old definition: the nearest earlier source printed as a bare proper name, whatever
        # its gender. It skips every name with a title or an appositive ("Brian Murphy, the
        # chairman of ...", "Trump spokesman Hope Hicks") and takes "she" for the man named last.
        named = [g for g in article.golds if is_proper_name(g.source) and 0 <= g.source_start < gold.source_start]
        if named:
            counts["backref_old"] += 1
            counts["backref_old_ok"] += same_person(max(named, key=lambda g: g.source_start).source, speaker)
        if referent:  # today's definition: the all-sources referent (a named source of a fitting gender)
            counts["backref"] += 1
            counts["backref_ok"] += key_found(source_key(referent), speaker)
    if kind == "none" or not referent:
        return
    right = key_found(source_key(referent), speaker)
    total[kind] += 1
    ok[kind] += right
    if not right:
        category = "wrong-backref" if kind in {"pronoun", "role", "surname", "honorific"} else f"wrong-{kind}"
        detail = f"gold {gold.source!r} referent {referent!r} got {speaker!r}"
        errors.add(category, kind, article, gold.source_start, gold.source_start + len(gold.source), detail)


def protocol_score(articles: list[Article], errors: Errors, speech_only: bool = False) -> dict[str, Tally]:
    """The CofeNet protocol over all attributions (or speech ones only: a side table that shows
    how far the part the extractor aims at is from the published systems); boundary errors of
    the all-attributions run go to <element>-span."""
    tallies = {element: Tally() for element in ELEMENTS}
    for article in articles:
        text, predicted = article.text, []
        for q in article.quotes:
            if q.kind == "partial":  # a quoted phrase inside an indirect quote, not an attribution
                continue
            start, end = q.start + article.body_start, q.end + article.body_start
            cue_span, source_span = (
                None if span is None else (span[0] + article.body_start, span[1] + article.body_start)
                for span in (q.cue_span, q.source_span)
            )
            predicted += quote_pieces(
                text,
                quote_area(text, start, end),
                start,
                end,
                q.kind == "direct",
                q.speaker or "",
                q.cue,
                cue_span,
                source_span,
            )
        spans = score_document(tallies, text, article.speech_pieces if speech_only else article.pieces, predicted)
        if speech_only:
            continue
        tokens = Tokens(text)
        for element, (gold, pred) in spans.items():
            for g in gold:
                if g in pred:
                    continue
                near = [p for p in pred if iou(g, p) > 0]
                if near:
                    p = max(near, key=lambda p: iou(g, p))
                    side = "start" if p[0] != g[0] and p[1] == g[1] else "end" if p[0] == g[0] else "both"
                    gold_text = text[tokens.starts[g[0]] : tokens.ends[g[1] - 1]]
                    pred_text = text[tokens.starts[p[0]] : tokens.ends[p[1] - 1]]
                    errors.add(
                        f"{element}-span",
                        side,
                        article,
                        tokens.starts[g[0]],
                        tokens.ends[g[1] - 1],
                        f"gold {gold_text[:80]!r} predicted {pred_text[:80]!r}",
                    )
    return tallies


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def speech_print(split: str, articles: list[Article], counts: dict[str, int], total: Counter, ok: Counter) -> None:
    scored = {kind: counts["pred_" + kind] - counts["unscored_" + kind] for kind in ("direct", "indirect")}
    figures = {
        "direct_precision": ratio(counts["tp_direct"], scored["direct"]),
        "direct_precision_old": ratio(counts["tp_direct"], counts["pred_direct"]),
        "direct_recall": ratio(counts["hit_direct"], counts["gold_direct"]),
        "indirect_precision": ratio(counts["tp_indirect"], scored["indirect"]),
        "indirect_precision_old": ratio(counts["tp_indirect"], counts["pred_indirect"]),
        "indirect_recall": ratio(counts["hit_indirect"], counts["gold_indirect"]),
    }
    all_p = ratio(counts["tp_direct"] + counts["tp_indirect"], scored["direct"] + scored["indirect"])
    all_r = ratio(counts["hit_direct"] + counts["hit_indirect"], counts["gold_direct"] + counts["gold_indirect"])
    figures["all_f1"] = ratio(2 * all_p * all_r, all_p + all_r) if all_p + all_r else 0.0
    figures["speaker_accuracy"] = ratio(counts["named_ok"], counts["named"])
    figures["backref_accuracy"] = ratio(counts["backref_ok"], counts["backref"])
    figures["backref_old_accuracy"] = ratio(counts["backref_old_ok"], counts["backref_old"])
    figures["all_sources_accuracy"] = ratio(sum(ok.values()), sum(total.values()))
    print(
        f"PolNeAR {split}, speech only: {len(articles)} articles, gold speech attributions "
        f"{counts['gold_direct']} direct + {counts['gold_indirect']} indirect"
    )
    print(f"{'measure':<38}{'got':>8}{'target':>9}")
    rows = [
        ("direct quotes precision", "direct_precision"),
        ("  the same, old definition", "direct_precision_old"),
        ("direct quotes recall", "direct_recall"),
        ("indirect quotes precision", "indirect_precision"),
        ("  the same, old definition", "indirect_precision_old"),
        ("indirect quotes recall", "indirect_recall"),
        ("all quotes F1", "all_f1"),
        ("speaker accuracy (proper names)", "speaker_accuracy"),
        ("speaker accuracy (back-references)", "backref_accuracy"),
        ("  the same, old definition", "backref_old_accuracy"),
        ("speaker accuracy (all sources)", "all_sources_accuracy"),
    ]
    for label, key in rows:
        target = TARGETS.get(key)
        mark = "" if target is None else ("  ok" if figures[key] >= target else "  BELOW")
        print(f"{label:<38}{figures[key]:>8.3f}{(f'{target:.2f}' if target else '-'):>9}{mark}")
    print(
        "precision leaves out quotes found on attributions whose cue is neither a speech nor a thought verb (such as"
        f" a colon or 'called'): direct {counts['unscored_direct']}, indirect"
        f" {counts['unscored_indirect']}; the old definition counts them wrong"
    )
    print(
        f"exact span matches (ignoring quotation marks and edge punctuation): direct {counts['exact_direct']}/{counts['gold_direct']}, "
        f"indirect {counts['exact_indirect']}/{counts['gold_indirect']}"
    )
    print(
        f"speaker checks: {counts['named']} proper-name sources, {counts['backref']} pronoun back-references "
        f"(referent = nearest earlier naming gold source of a fitting gender, {counts['backref_unsure']} left unscored "
        f"as another person of that gender is named in between; old definition: {counts['backref_old']}, "
        "the nearest earlier bare proper name); all sources by kind: "
        + ", ".join(f"{kind} {ok[kind]}/{total[kind]}" for kind in sorted(total))
    )


def speed_print(articles: list[Article]) -> None:
    """CPU time (less disturbed by other processes than wall time), best of three passes."""
    elapsed = parse_elapsed = float("inf")
    for _ in range(3):
        began = time.process_time()
        for article in articles:
            speech_extract(article.text[article.body_start :], paragraph_break="\n")
        elapsed = min(elapsed, time.process_time() - began)
        began = time.process_time()
        for article in articles:
            parse_press_text(article.text)  # the whole parser: layout, speech, organisations, countries
        parse_elapsed = min(parse_elapsed, time.process_time() - began)
    words = sum(len(a.text[a.body_start :].split()) for a in articles)
    n = max(len(articles), 1)
    print(
        f"speed: {1000 * elapsed / n:.2f} ms per article for speech extraction, "
        f"{1000 * parse_elapsed / n:.2f} ms for the whole parse_press_text ({words / n:.0f} words on average)"
    )


def errors_print(errors: Errors, category: str, limit: int) -> None:
    if category not in errors.counts:
        sys.exit(f"no such error category {category!r}; there are: {', '.join(sorted(errors.counts))}")
    counts = errors.counts[category]
    print(f"\n{category}: {sum(counts.values())} cases; by sub-category:")
    for subkind, n in counts.most_common(40):
        print(f"  {n:>5}  {subkind}")
    print(f"examples (first {limit}; file, offsets in the file, [sub-category], detail, sentence):")
    for example in errors.examples[category][:limit]:
        print(example)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=REPO_ROOT / ".." / "shared" / "datasets" / "polnear", help="PolNeAR folder"
    )
    parser.add_argument("--split", default="dev", help="dev or train (PolNeAR's test split is not shipped)")
    parser.add_argument("--no-merge", action="store_true", help="score interrupted quotes as separate parts")
    parser.add_argument(
        "--pieces-apart", action="store_true", help="CofeNet protocol: keep a content's sentence pieces apart"
    )
    parser.add_argument("--errors", metavar="CATEGORY", help="print the error counts and examples of a category")
    parser.add_argument("--limit", type=int, default=30, help="examples printed with --errors")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = parser.parse_args()
    articles = articles_read(args.data, args.split, not args.pieces_apart)
    errors = Errors()
    counts, total, ok = speech_score(articles, not args.no_merge, errors)
    tallies = protocol_score(articles, errors)
    speech_tallies = protocol_score(articles, Errors(), speech_only=True)
    speech_print(args.split, articles, counts, total, ok)
    print()
    table_print(
        f"PolNeAR {args.split}, CofeNet protocol (all {sum(1 for p in (x for a in articles for x in a.pieces) if p.element == 'content')}"
        " gold content pieces, every attribution; %):",
        tallies,
    )
    print()
    table_print(f"PolNeAR {args.split}, CofeNet protocol on speech attributions only (%):", speech_tallies)
    print(
        "error categories (--errors NAME): "
        + ", ".join(f"{name} {sum(c.values())}" for name, c in sorted(errors.counts.items()))
    )
    if not args.no_speed:
        speed_print(articles)
    if args.errors:
        errors_print(errors, args.errors, args.limit)


if __name__ == "__main__":
    main()
