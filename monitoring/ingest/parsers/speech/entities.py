"""From a run of words to a speaker: names split from titles, bodies, groups, persons named in the article."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..article import ParsedSpeaker
from ..gazetteer import CAPITAL_CITIES, COUNTRY_ALIASES, ORGANIZATION_ALIASES
from ..gender import GIVEN_NAMES, HONORIFICS
from ..media import media_name
from ..names import normalise_name
from .patterns import (
    ASIDE_END,
    BARE_NAME,
    GROUP_SUBJECT,
    HONORIFIC_RE,
    MENTION_RE,
    PARTICLES,
    PARTY_LABEL,
    POSSESSIVE_S,
    PRONOUN_CONTRACTION,
    PRONOUN_SUBJECT,
    SINGLE_PERSON,
    TIME_END,
    TITLE_NOUN_RE,
    TITLE_ORG_RE,
    TRAILING_NAME,
)
from .vocabulary import (
    ABBREVIATIONS,
    COMMON_OWNERS,
    COMMON_WORDS,
    FACILITY_WORDS,
    GROUP_HEAD_SET,
    GROUP_WORDS,
    HONORIFIC_WORDS,
    LY_NOUNS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PARTY_MEMBER_WORDS,
    PARTY_PLURALS,
    PLACE_WORDS,
    PLURAL_PEOPLE,
    PLURAL_THINGS,
    PROPER_ADJECTIVES,
    PROPER_PLURALS,
    QUANTIFIER_WORDS,
    STATE_ABBREVIATIONS,
    SUBJECT_FILLER,
    TIME_NAMES,
    TITLE_HEADS,
)

if TYPE_CHECKING:
    from .registry import Discourse


def title_organizations(title: str) -> list[str]:
    """Organisation names inside a title: "chairman of the Northern Fishers' League"."""
    found = []
    for match in TITLE_ORG_RE.finditer(title):
        name = match.group(0).strip()
        words = name.split()
        for index, word in enumerate(words):
            if word.endswith(POSSESSIVE_S) and word[:-2] not in COMMON_OWNERS:
                words = words[index + 1 :]  # "Chile's Civic Renewal Party": the owner is not the name
                break
        while words and (words[0] in NOT_NAME_WORDS or words[0] in TITLE_HEADS):
            words.pop(0)
        name = " ".join(words)
        if not name or name in COUNTRY_ALIASES:
            continue
        after_of = re.search(r"\b(?:of|for|at|from|with)\s+(?:the\s+)?$", title[: match.start()])
        canonical = ORGANIZATION_ALIASES.get(name)
        if canonical or any(w.strip("'’") in ORG_WORDS for w in words) or (after_of and len(words) > 1):
            found.append(canonical or name)
    return found


def strip_fillers(text: str) -> str:
    """Drop auxiliaries and adverbs between a subject and its verb ("Brandt has also said", "Brandt
    has since firmly said"), and the contracted auxiliary of a pronoun ("She’s said": she)."""
    text = TIME_END.sub("", text)
    text = ASIDE_END.sub("", text)
    while True:
        stripped = text.rstrip()
        cut = stripped.rfind(" ")
        word = stripped[cut + 1 :]
        if is_filler(word) and not _surname_after_name(word, stripped[:cut]):
            if cut < 0:
                return ""
            text = stripped[: cut + 1]
            continue
        contracted = PRONOUN_CONTRACTION.fullmatch(word)
        return stripped[: cut + 1] + contracted.group(1) if contracted else stripped


def _surname_after_name(word: str, before: str) -> bool:
    """Whether a capitalised filler word is a name ("George Will", "contributor Will", "Hunter Still"): an auxiliary
    or an adverb is written in lower case inside a sentence, so after a word that ends no sentence it is a surname."""
    previous = before.rsplit(None, 1)[-1:]
    return word[:1].isupper() and bool(previous) and previous[0][-1].isalnum()


def is_filler(word: str) -> bool:
    """An auxiliary, a negation or an adverb that may stand between a subject and its verb: a listed
    one, "not" or a word in "n't", or a lower-case word in -ly that is no noun ("openly", not "family")."""
    folded = word.casefold()
    if folded == "not" or folded.endswith(("n't", "n’t")):
        return True  # "Berg would not say", "Berg wouldn't say": the subject is before the negation
    return folded in SUBJECT_FILLER or (
        word.islower() and len(word) > 4 and word.endswith("ly") and folded not in LY_NOUNS
    )


def is_organization(name: str) -> bool:
    """Whether a capitalised run names a body: a known one or one with "Ministry", "Party" ... in it."""
    return name in ORGANIZATION_ALIASES or any(word.strip("'’") in ORG_WORDS for word in name.split())


def clean_name(run: str) -> tuple[list[str], list[str]] | None:
    """Split a capitalised run into (title words, name words); None when no name is left."""
    words = run.split()
    for index in range(len(words) - 1, -1, -1):
        if words[index].endswith(POSSESSIVE_S) or (index < len(words) - 1 and words[index].endswith(("s'", "s’"))):
            # "South Korea's Kim Jong-suk", "Reuters’ Luciana Lopez": the owner is not the name
            words = words[index + 1 :]
            break
    for index in range(len(words) - 1, 0, -1):
        if words[index - 1].endswith(".") and words[index] in SENTENCE_OPENERS:
            words = words[index:]  # "in the U.S. While Clinton ...": a sentence ends inside the run
            break
    while words and words[0] in NOT_NAME_WORDS:
        words.pop(0)
    if not words:
        return None
    # "Democrat Ana Ruiz", "Former Arizona governor ...": a party member's noun or "Former" opens a title.
    last_title = 0 if (len(words) > 2 and words[0] in PARTY_NOUNS) or words[0] == "Former" else -1
    for index, word in enumerate(words):
        if word in HONORIFIC_WORDS or HONORIFIC_RE.fullmatch(word):
            last_title = index
            while last_title + 1 < len(words) and HONORIFIC_RE.fullmatch(words[last_title + 1]):
                last_title += 1  # "Lt. Gen. Ana Ruiz": a rank of two abbreviations
            break  # after "Mr." comes the name, even "Mr. King"
        if word in TITLE_HEADS or any(part in TITLE_HEADS for part in word.split("-")):
            if index == len(words) - 1 and index > last_title + 1 and initial_or_given(words[index - 1]):
                break  # "Matthew Prince", "Larry King": a given name before a title word makes it a surname
            last_title = index
    return words[: last_title + 1], words[last_title + 1 :]


# Words that open a sentence, never a name's next word after a period ("U.S. While Clinton"; not months: "Mrs. May").
SENTENCE_OPENERS = frozenset(
    "While But And After Before When Although Though Because Since If However Meanwhile Yet Still Then Later "
    "Earlier Instead The In On At It He She They We I".split()
)
# A party member's noun before a name is a title ("Democrat Ana Ruiz", "Republican Tomas Berg").
PARTY_NOUNS = frozenset({"Democrat", "Republican"})


def _suffix_bare(words: list[str]) -> list[str]:
    """A name's words with a closing "Jr." or "Sr." written without its period ("Ana Ruiz Jr.,"): one name with or
    without it."""
    if words and words[-1] in {"Jr.", "Sr."}:
        return [*words[:-1], words[-1][:-1]]
    return words


def initial_or_given(word: str) -> bool:
    """A given name or an initial ("Peter", "T."): what stands before a surname."""
    return word in GIVEN_NAMES or bool(re.fullmatch(r"(?:[A-Z]\.)+", word))


def entity(run: str, speakers: Discourse, extra_titles: list[str]) -> ParsedSpeaker | None:
    """The speaker a capitalised run names: a person, an organisation or a country (a group)."""
    split = clean_name(run)
    if split is None:
        return None
    title_words, name_words = split
    name_words = _suffix_bare(name_words)
    if name_words and not any(word[:1].isupper() for word in name_words):
        # "Lazar's plea agreement": what the owner wrote or holds, no name of a person
        return speakers.group(LEADING_THE.sub("", run.strip()))
    if len(name_words) > 1 and name_words[-1] in TIME_NAMES and not common_noun_in(name_words):
        # "On CNN Tuesday, ...": the day ends the run, it names nobody ("a CNN poll released Monday" is a thing).
        return entity(" ".join(title_words + name_words[:-1]), speakers, extra_titles)
    if not title_words and len(name_words) == 1 and name_words[0] in QUANTIFIER_WORDS:
        return speakers.group(name_words[0].lower())  # "Others, at the rally, said": unnamed people
    if not title_words and len(name_words) == 1 and is_state_abbreviation(name_words[0]):
        return None  # "in Molde, OH, ...", "in Molde, N.H., ...": the state of a dateline, nobody
    if not title_words and len(name_words) == 1 and INITIALISM.fullmatch(name_words[0]):
        return speakers.group(name_words[0].rstrip(".") + ".")  # "according to the F.A.A.": a body's initials
    if not title_words and len(name_words) == 1 and not_a_name(name_words[0]):
        return None
    name = " ".join(name_words)
    whole = " ".join(title_words + name_words)
    titled = titled_name(title_words, name_words)
    if name_words and (media_name(name, speakers.outlets) or (not titled and media_name(whole, speakers.outlets))):
        return None  # "Continental Wire", "Reuters": the outlet reports, it is never the speaker
    if whole in ORGANIZATION_ALIASES or (not titled and any(w.strip("'’") in ORG_WORDS for w in name_words)):
        return speakers.group(ORGANIZATION_ALIASES.get(whole, whole))
    if not name_words:
        found = speakers.by_title(whole)
        return found
    if name in PROPER_PLURALS:
        return speakers.group(name)  # "The Russians said", "Latinos say": people, not the state
    if name in COUNTRY_ALIASES and not (len(name_words) == 1 and _known_person(name, speakers, given_name=True)):
        return speakers.group(COUNTRY_ALIASES[name][0])  # (not "Cuban" after "Mark Cuban" was named)
    if not title_words and len(name_words) == 1 and ACRONYM.fullmatch(name):
        if name.title() in CAPITAL_CITIES or is_us_state(name.title()):
            return None  # "WASHINGTON — The administration announced ...": a dateline
        return speakers.group(name)  # "the FBI said", "DNC": a body's initials, nobody's name
    if (
        (name in CAPITAL_CITIES or is_us_state(name) or is_region(name))
        and not title_words
        and not _known_person(name, speakers)
    ):
        # "Beijing said", "Texas has argued": the government seated there (not "Denzel Washington")
        return speakers.group(name)
    if name_words[-1] in PARTY_MEMBER_WORDS:
        # "a New Hampshire Democrat said": an unnamed party member, no name ("the Arizona Republican"
        # refers back: see the party_member rules).
        return speakers.group(whole)
    if len(name_words) == 1 and not title_words and (plural_noun(name) or name.lower() in PLURAL_THINGS):
        # "Activists", "Republicans": a plural noun capitalised at a sentence start or as a party is a group
        # ("Polls": what is counted or printed, never a person).
        return speakers.group(name if name in PARTY_PLURALS | PROPER_PLURALS else name.lower())
    if len(name_words) > 1 and plural_noun(name_words[-1]) and not initial_or_given(name_words[0]):
        # "Leading Democrats", "Founding Fathers": a plural noun ends the run, a group (not "Ana Sanders")
        return speakers.group(LEADING_THE.sub("", whole))
    if any(word in PLACE_WORDS for word in name_words):
        return None  # "the Sahel", "the Indian Ocean": a place, not a speaker
    if common_noun_in(name_words):
        # "a CNN tally", "the Trump campaign", "FBI data": a common noun makes a thing or a body, never a person
        return speakers.group(LEADING_THE.sub("", whole))
    if not title_words and not extra_titles and len(name_words) == 1 and common_word(name, speakers):
        return None  # "Nearly eight in 10 said", "Research said": an English word, no person's name
    titles = [" ".join(w for w in title_words if w not in HONORIFIC_WORDS)] if title_words else []
    honorific = next((w for w in title_words if w in HONORIFICS), None)
    return speakers.person(name, [t for t in titles if t] + extra_titles, HONORIFICS.get(honorific or ""))


NAME_PARTICLE = re.compile(PARTICLES, re.X)


def common_noun_in(name_words: list[str]) -> bool:
    """Whether a lower-case word other than a particle ("de", "van") stands among a name's words."""
    return any(word[:1].islower() and not NAME_PARTICLE.fullmatch(word) for word in name_words)


def titled_name(title_words: list[str], name_words: list[str]) -> bool:
    """Whether a title stands before a given name and more ("Harbor Town Mayor Ed Guardian"): the words
    after the title name a person, even when the last of them is a media word."""
    return bool(title_words) and len(name_words) > 1 and initial_or_given(name_words[0])


def _known_person(name: str, speakers: Discourse, given_name: bool = False) -> bool:
    """Whether a name is that of somebody met or named in the article ("Washington" after "Ana Washington");
    with ``given_name``, only somebody named with a given name or an initial before it ("Mark Cuban", not
    "Say Mexico")."""
    key = normalise_name(name)
    full_names = [
        speakers.by_token[key].name if key in speakers.by_token else None,
        speakers.known[key][0] if key in speakers.known else None,
        speakers.article_names[key][0] if key in speakers.article_names else None,
    ]
    full_names = [full for full in full_names if full]
    if not given_name:
        return bool(full_names)
    return any(len(full.split()) > 1 and initial_or_given(full.split()[-2]) for full in full_names)


# A body's initials in capitals ("FBI", "DNC", "AT&T"), a word of two letters or more.
ACRONYM = re.compile(r"[A-Z][A-Z&]*[A-Z]")


# A body's initials with periods ("F.A.A.", "N.A.A.C.P"; the last period may be the sentence's).
INITIALISM = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?\.?|(?:[A-Z]\.)+[A-Z]")


LEADING_THE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+")

# "I'm", "We've": the writer or a speaker talking of themselves, never somebody named.
FIRST_PERSON = re.compile(r"(?:I|We)(?:['’](?:m|ve|d|ll|re))?")


def common_word(word: str, speakers: Discourse) -> bool:
    """Whether a capitalised word alone is a common English word (a shipped one, or one the article prints in lower
    case: "Research" beside "research"), not the name of anybody the article names in full."""
    return (word in COMMON_WORDS or word.lower() in speakers.lower_words) and not _known_person(word, speakers)


def not_a_name(word: str) -> bool:
    """A single letter, an abbreviation ("U" of "U.S.", "Rep", "Jan") or a first-person pronoun ("I'm"): a
    fragment, never a name alone."""
    bare = word.rstrip(".")
    return len(bare) == 1 or bare.casefold() in ABBREVIATIONS or bool(FIRST_PERSON.fullmatch(bare))


# Endings of plural nouns for people that surnames do not have ("Politicians", "Majorities", "Caucus-goers").
PEOPLE_PLURAL_ENDINGS = ("ians", "ists", "ials", "ics", "ities", "goers", "ees")


def plural_noun(word: str) -> bool:
    """Whether a single capitalised word is a plural noun for people ("Activists"), not a surname."""
    folded = word.lower()
    return (
        word in PARTY_PLURALS | PROPER_PLURALS
        or folded in PLURAL_PEOPLE
        or folded in GROUP_HEAD_SET
        or (len(folded) >= 6 and folded.endswith(PEOPLE_PLURAL_ENDINGS))
    )


# A finite auxiliary after a word, or an honorific's name before a past tense ("Mrs. Ortiz tried"): what a
# clause has and an appositive title has not.
FINITE_AUXILIARY = re.compile(
    r"\w\s+(?:is|are|was|were|has|have|had|will|would)\b|\b(?:Mr|Mrs|Ms|Dr)\.\s+(?:[A-Z][\w'’-]*\s+)+[a-z]+ed\b"
)

AUXILIARY_WORDS = frozenset("is are was were has have had will would can could may might".split())
RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b")


def title_from_appositive(appositive: str) -> list[str] | None:
    """The title in an appositive; [] for an age or relative clause; None when it is no appositive."""
    text = appositive.strip()
    if not text or text[0].isdigit() or text.split()[0] in {"who", "which", "whose", "where", "when", "whom"}:
        return []  # an age ("54") or a relative clause, not a title
    if PARTY_LABEL.match(text):
        return []  # "R-Ky.": a party and state label
    if text.split()[0] in {"and", "but", "or", "so", "then", "while", "as", "because", "although"} | AUXILIARY_WORDS:
        return None  # "..., and the meeting ended,", "whose town, Molde, is flooded,": a clause, not an appositive
    if BARE_NAME.fullmatch(text) and not TITLE_NOUN_RE.search(text) and text.split()[0] not in TITLE_HEADS:
        return None  # a list of names ("Kenya, Uganda, and ..."), not an appositive
    if FINITE_AUXILIARY.search(text) and not RELATIVE_WORD.search(text):
        return None  # "in Molde, Ore., Mr. Berg was blunt,": a clause of its own, not an appositive
    return [text]


def group_name(phrase: str) -> str:
    """The group as a common noun phrase: "Officials from three ministries" -> "officials from ..."."""
    first, _, rest = phrase.partition(" ")
    if first.lower() in GROUP_WORDS and first.lower() not in PROPER_ADJECTIVES:
        first = first.lower()
    return f"{first} {rest}".strip()


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """Names of ISO 3166-2 subdivisions of more than one word ("New Hampshire", "North Carolina").

    Read on first use: loading the subdivisions takes a quarter of a second.
    """
    import pycountry

    return frozenset(s.name for s in pycountry.subdivisions if " " in s.name)


@lru_cache(maxsize=1)
def _us_subdivisions() -> tuple:
    """The US states and territories in ISO 3166-2."""
    import pycountry

    return tuple(pycountry.subdivisions.get(country_code="US"))


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    """The two-letter postal codes of the US states ("OH", "NY"), from ISO 3166-2 ("US-OH")."""
    return frozenset(s.code.removeprefix("US-") for s in _us_subdivisions())


def is_state_abbreviation(word: str) -> bool:
    """Whether a word is a US state as abbreviated after a town ("Ore.", "N.H.", "OH"): a place, never a speaker."""
    return word in STATE_ABBREVIATIONS or word.rstrip(".") + "." in STATE_ABBREVIATIONS or word in _state_codes()


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    """The names of the US states and territories ("Ohio", "New Hampshire"), from ISO 3166-2."""
    return frozenset(s.name for s in _us_subdivisions())


def is_us_state(name: str) -> bool:
    """Whether a run of words names a US state: a place, or its government, never a person."""
    return name in _us_states()


def is_state(name: str) -> bool:
    """Whether a run names a US state, in full or abbreviated ("Ohio", "South Carolina", "Fla.", "OH")."""
    return is_us_state(name) or is_state_abbreviation(name)


def is_region(name: str) -> bool:
    """Whether a run of words names a state or province: no person, and nobody "he" can refer to."""
    return " " in name and name in _region_names()


def mentioned_person(match: re.Match[str], outlets: Iterable[str] = ()) -> tuple[str, list[str]] | None:
    """(full name, titles) of a person named by a MENTION_RE match; None for one word, places and bodies."""
    found = _person_from(match.group(1), match.group(2), tuple(outlets))
    return None if found is None else (found[0], list(found[1]))


def is_full_name(run: str, outlets: Iterable[str] = ()) -> bool:
    """Whether a capitalised run names a person in full ("Ana Ruiz"), not one word, a place or a body."""
    return _person_from(run, None, tuple(outlets)) is not None


def trailing_full_name(text: str) -> str | None:
    """The full name a phrase ends with ("party chairwoman Nancy Worley"), or None."""
    found = TRAILING_NAME.search(text)
    return found.group(1) if found is not None and is_full_name(found.group(1)) else None


@lru_cache(maxsize=4096)
def _person_from(run: str, appositive: str | None, outlets: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """``mentioned_person`` on the matched words: an article names the same persons again and again."""
    split = clean_name(run)
    if split is None or len(split[1]) < 2:
        return None
    name = " ".join(_suffix_bare(split[1]))
    if (
        name.isupper()
        or sum(1 for word in split[1] if len(word) > 1 and word.isalpha() and word.isupper()) >= 2
        or (
            name in COUNTRY_ALIASES
            or name in CAPITAL_CITIES
            or is_organization(name)
            or media_name(name, outlets)
            or any(word in PLACE_WORDS or word in TITLE_HEADS or word in TIME_NAMES for word in split[1])
            or split[1][-1] in FACILITY_WORDS | PARTY_MEMBER_WORDS
            or is_region(name)
        )
    ):
        return None  # (a day or month in the run: "Florida Friday" is no person)
    titles = (title_from_appositive(appositive) or []) if appositive else []
    if split[0]:
        titles = [" ".join(w for w in split[0] if w not in HONORIFIC_WORDS)] + titles
    return name, tuple(t for t in titles if t)


def names_in_article(
    masked: str, outlets: Iterable[str]
) -> tuple[dict[str, tuple[str, list[str]]], dict[str, list[tuple[str, list[str]]]]]:
    """Full names in the article by surname (and by each later part of the name), with their first role.

    A surname two different people share is left out ("Kim" then stays unresolved) and returned apart,
    with everybody who bears it, for an honorific to choose from ("Mrs. Clinton").
    """
    found: dict[str, tuple[str, list[str]]] = {}
    shared: set[str] = set()
    bearers: dict[str, dict[str, list[str]]] = {}
    for match in MENTION_RE.finditer(masked):
        person = mentioned_person(match, outlets)
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


def note_mention(masked: str, start: int, end: int, speakers: Discourse) -> None:
    """Remember the last person named in a sentence without speech, for a later "he said"."""
    speakers.version += 1
    text = masked[start:end].rstrip()
    if len(text.split()) <= 10 and text[-1:] not in ".!?\"”’'_)":
        return  # a subheading ("A Divisive Legacy"), not a sentence naming anybody
    group = GROUP_SUBJECT.match(masked, start, end)
    if group:
        speakers.mentioned_group = group_name(group.group(1))
    named = persons_named(masked, start, end, speakers)
    # The subject is the likeliest "he" or "she" of the next sentence: a pronoun opening the sentence,
    # or else the first person named.
    subject = PRONOUN_SUBJECT.match(masked, start, end)
    found = speakers.referent("m" if subject.group(1).casefold() == "he" else "f") if subject else None
    if found is not None:
        named.insert(0, (*found, "m" if subject.group(1).casefold() == "he" else "f"))
    for name, titles, gender in reversed(named):
        speakers.seen(name, titles, gender)
    speakers.subject_mention = (named[0][0], named[0][1], end) if named else None


def note_speaker_sentence(masked: str, start: int, end: int, speakers: Discourse, speaker: ParsedSpeaker) -> None:
    """Remember the persons an attributed sentence names, its speaker as the most recent of them.

    ("Clinton said Trump was wrong. He said ...": "he" is Trump only if Clinton is known as a woman.)
    """
    speakers.version += 1
    for name, titles, gender in reversed(persons_named(masked, start, end, speakers)):
        speakers.seen(name, titles, gender)
    if speaker.kind == "person":
        speakers.seen(speaker.name, speaker.titles)
    # "A spokeswoman for the port said ...": the "she" of the next sentences, until somebody is named.
    speakers.unnamed_speaker = speaker if speaker.kind == "group" and SINGLE_PERSON.match(speaker.name) else None


def persons_named(masked: str, start: int, end: int, speakers: Discourse) -> list[tuple[str, list[str], str | None]]:
    """(name, titles, gender) of the persons masked[start:end] names, in reading order; each is now known."""
    named: list[tuple[str, list[str], str | None]] = []
    for match in MENTION_RE.finditer(masked, start, end):
        # A possessive counts as a mention only opening the sentence, as its subject would.
        owner = possessive_owner(match.group(1)) if not masked[start : match.start()].strip() else None
        if owner is not None:
            found = _person_from(owner, None, tuple(speakers.outlets))
            person = None if found is None else (found[0], list(found[1]))
        else:
            person = mentioned_person(match, speakers.outlets)
        if person is None:
            known = known_surname(owner or match.group(1), speakers)
            if known is not None:
                named.append(known)  # "Mr. King", "Clinton": somebody already named
            continue
        name, titles = person
        if normalise_name(name).split()[-1] in speakers.by_token:
            name = speakers.by_token[normalise_name(name).split()[-1]].name
        speakers.know(name, titles)
        named.append((name, titles, None))
    return named


def possessive_owner(run: str) -> str | None:
    """The owner a run names when it ends in a possessive ("Hal Marsh's boat": "Hal Marsh"), else None.

    The owner is named as much as a subject is: a later "he" can be them.
    """
    owner = run[:-2] if run.endswith(POSSESSIVE_S) else ""
    return owner if owner[:1].isupper() else None


def known_surname(run: str, speakers: Discourse) -> tuple[str, list[str], str | None] | None:
    """(full name, titles, gender) of a one-word mention naming a person met or named before."""
    split = clean_name(run)
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
    word = split[1][0]
    if split[0] and split[0][-1] in HONORIFIC_WORDS | TITLE_HEADS and not _no_person_word(word):
        # "Mr. Obama", "President Obama": an honorific or a title makes a surname a person.
        title = " ".join(w for w in split[0] if w not in HONORIFIC_WORDS)
        return word, [title] if title else [], HONORIFICS.get(honorific or "")
    return None


def _no_person_word(word: str) -> bool:
    return (
        word in COUNTRY_ALIASES
        or is_organization(word)
        or word in PLACE_WORDS
        or word in FACILITY_WORDS
        or word in TIME_NAMES
        or not word[:1].isupper()
    )
