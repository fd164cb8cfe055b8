"""Who speaks: the ordered rules that read a speaker before a reporting verb or right after it.

Each rule is a named object: a cheap ``guard`` on the text, a ``pattern`` and a ``build`` that
turns a match into a :class:`Found`. ``build`` only reads and writes the draft registry it is
given (see ``Discourse.draft``); the pipeline adopts that draft only when the whole attribution
is accepted. Rules are tried in list order and the first one that gives a result wins; a
result may be "nobody" (``Found.speaker`` None) when the rule recognises the subject as no
speaker ("he" with nobody to refer to, an outlet), which ends the search.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..article import ParsedSpeaker
from ..gazetteer import COUNTRY_ALIASES, ORGANIZATION_ALIASES
from ..media import media_name
from .entities import (
    FIRST_PERSON,
    clean_name,
    entity,
    group_name,
    is_filler,
    is_full_name,
    is_organization,
    is_state,
    strip_fillers,
    title_from_appositive,
    trailing_full_name,
)
from .patterns import (
    APPOSITIVE_AFTER,
    APPOSITIVE_END,
    CHANNEL_NOUN_END,
    CHANNEL_NOUN_NAME_END,
    CLAUSE_CUT,
    CLAUSE_NAME,
    CLAUSE_SUBJECT_END,
    DEFINITE_NP_END,
    DESCRIBED_GROUP_START,
    DESCRIBED_START,
    DESCRIPTION_END,
    DESCRIPTION_START,
    GROUP_END,
    GROUP_START,
    LEADING_CONJUNCTION,
    LEADING_DETERMINER,
    LEADING_NAME,
    LEADING_PHRASE,
    LONG_APPOSITIVE_END,
    LOWER_TITLE_END,
    MODIFIER_WORD,
    NAME_AFTER_DESCRIPTION,
    NAME_END,
    NAME_OF_END,
    NAME_PLACE_AHEAD,
    NAME_RUN,
    NAME_RUN_RE,
    NAME_START,
    NOT_SPEAKER_AFTER_HEADS,
    OWNER_OF_PLACE_END,
    PAREN_END,
    PARTY_MEMBER_END,
    PARTY_MEMBER_START,
    PLURAL_NOUN,
    POSSESSIVE_S,
    PREFIXED_NAME_START,
    PREPOSITION_END,
    PRONOUN_CONTRACTION,
    PRONOUN_END,
    PRONOUN_START,
    QUANTIFIED_GROUP_END,
    RELATIVE_CUT,
    RELATIVE_END,
    RELATIVE_NP_END,
    REVERSED_APPOSITIVE_END,
    REVERSED_APPOSITIVE_START,
    ROLE_REF_START,
    SHARE_END,
    TITLE_BEFORE_OF,
    TITLE_REF_END,
    TITLE_REF_START,
    WEEKDAY,
    WORD_RE,
)
from .registry import Discourse, pronoun_gender
from .vocabulary import (
    ABBREVIATIONS,
    AUXILIARIES,
    DETERMINERS,
    FALLBACK_FILLER,
    GROUP_DETERMINERS,
    GROUP_HEAD_SET,
    GROUP_MODIFIERS,
    GROUP_WORDS,
    HONORIFIC_WORDS,
    MENTION_DETERMINERS,
    MENTION_OPENERS,
    MENTION_PRONOUNS,
    NOT_DESCRIPTION_HEADS,
    NOT_NAME_WORDS,
    NOT_NAME_WORDS_FOLDED,
    NOT_SUBJECT_END,
    NOT_SUBJECT_JOIN,
    NOT_SUBJECT_START,
    NOT_SUBJECT_WORDS,
    ORG_WORDS,
    PLACE_PREPOSITIONS,
    PRENOMINAL_HEADS,
    QUANTIFIER_WORDS,
    SHARE_WORDS,
    SUBJECT_REACH,
    SUBORDINATORS,
    TITLE_HEADS,
    VERB_INSIDE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """A speaker rule's result: the speaker (None: recognised as nobody) and where the subject starts
    (before the verb) or ends (after it)."""

    speaker: ParsedSpeaker | None
    position: int
    rule: str
    # The subject's words as written, (start, end) in the text the rule read: from ``position`` to the end of the
    # words before the verb (fillers stripped), or from the first word after the verb to ``position``.
    extent: tuple[int, int] | None = None

    def shifted(self, offset: int) -> tuple[int, int] | None:
        """The subject's extent moved by ``offset`` (where the text the rule read starts)."""
        return None if self.extent is None else (self.extent[0] + offset, self.extent[1] + offset)


NOBODY = Found(None, -1, "")


@dataclass(frozen=True, slots=True)
class Text:
    """The words before the verb (fillers stripped) or after it, with cheap facts for the guards."""

    text: str
    last_char: str
    last_word: str
    tail_words: frozenset[str]

    @classmethod
    def before(cls, text: str) -> Text:
        return cls(text, text[-1:], text[text.rfind(" ") + 1 :], frozenset(WORD_RE.findall(text[-70:].lower())))

    @classmethod
    def after(cls, text: str) -> Text:
        return cls(text, "", "", frozenset())


@dataclass(frozen=True, slots=True)
class SpeakerRule:
    """One way a speaker is printed next to a reporting verb."""

    name: str
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str], Text, Discourse], Found | None]
    guard: Callable[[Text], bool] = lambda text: True
    # Before the verb the pattern ends the text (searched near its end); after it, it starts it.
    before: bool = True

    def apply(self, text: Text, discourse: Discourse) -> Found | None:
        if not self.guard(text):
            return None
        if self.before:
            match = self.pattern.search(text.text, max(0, len(text.text) - SUBJECT_REACH))
        else:
            match = self.pattern.match(text.text)
        if match is None:
            return None
        found = self.build(match, text, discourse)
        if found is None:
            return None
        if self.before:
            extent = mention_extent(text.text, found.position, len(text.text))
        else:
            extent = (len(text.text) - len(text.text.lstrip()), found.position)
        return Found(found.speaker, found.position, self.name, extent)


# A word before a subject's first word: the premodifiers of its noun phrase are read over such words.
_WORD_BEFORE = re.compile(r"([\w'’.-]+) +$")
# An aside between commas after the subject, a prepositional phrase or an adverb ("Berg, in a statement,",
# "Berg, for his part,"): no part of the mention (an appositive is: "Berg, the port's chief,").
_ASIDE_END = re.compile(
    r"\s*,\s*(?:(?i:in|at|on|by|for|with|during|after|before|from|like|unlike|meanwhile|however|though|too|then|now"
    r"|also|still|speaking|instead|again|once)\b"
    r"|[a-z]+(?:ing|ly)\b|clad\b)[^,]*,?\s*$"  # a participle or adjective phrase: "Berg, clearly tired,"
    r"|\s*,\s*\d+\s*,?\s*$",  # an age: "Berg, 58,"
)
_NOT_PREMODIFIER = (
    (MENTION_OPENERS | MENTION_PRONOUNS | NOT_SUBJECT_JOIN | NOT_SUBJECT_WORDS | AUXILIARIES | FALLBACK_FILLER)
    | PLACE_PREPOSITIONS
    | NOT_DESCRIPTION_HEADS
)


def _ends_subject(word: str) -> bool:
    """An auxiliary or an adverb after a subject's words ("has", "not", "still", "jokingly"): the verb phrase."""
    return word.islower() and (
        word in {"still", "yet", "twice", "too", "soon"} or (is_filler(word) and word not in _NOUN_PHRASE_FILLERS)
    )


# A word ending a sentence (not an abbreviation such as "Gov.": see ABBREVIATIONS) and the next one's capital.
_SENTENCE_STOP = re.compile(r"(\w*[a-z_]{2})[.?!][\"”_]?\s+(?=[A-Z])")
_PARTICLES = frozenset({"on", "up", "out", "off", "back", "ahead"})
# Fillers that may stand inside a noun phrase ("the first lady", "the only candidate").
_NOUN_PHRASE_FILLERS = frozenset({"first", "last", "only", "long", "week", "month", "today", "yesterday"})


def mention_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The subject's mention as written, text[start:end] read by a rule, as a noun phrase: without a word that
    opens the clause ("But Berg", "When Berg", "after 55 percent"), with the premodifiers before a name or a noun
    up to a determiner ("the port's chief counsel Ana Ruiz", "Former Secretary of State Ana Ruiz", "a teary-eyed
    Berg"), and only "who" for a relative pronoun ("Berg, who said": the relative pronoun is the subject)."""
    floor = 0  # where the premodifiers may start: not before the sentence
    for stop in _SENTENCE_STOP.finditer(text, start, end):
        if stop.group(1).casefold() not in ABBREVIATIONS:
            start = floor = stop.end()  # "... the port. Ana Ruiz, its chief,": a sentence the splitter left unsplit
    aside = _ASIDE_END.search(text, start, end)
    while aside is not None and aside.start() > start:
        end = aside.start()
        aside = _ASIDE_END.search(text, start, end)
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > 1 and words[-1].group().casefold() in RELATIVE_WHO:
        return start + words[-1].start(), end
    while len(words) > 1 and words[0].group().casefold() in MENTION_OPENERS:
        if words[0].group().casefold() == "at" and words[1].group().casefold() in {"least", "most"}:
            break  # "At least half of voters": a quantifier
        words.pop(0)
    if not words:
        return start, end
    for index, word in enumerate(words[1:], 1):
        if "," in words[index - 1].group():
            break  # (an appositive or a relative clause is read as written)
        if _ends_subject(word.group()):
            end = start + words[index - 1].end()  # "Berg has not yet", "Berg jokingly offered"
            words = words[:index]
            break
    if len(words) > 2 and words[-1].group() == "to" and "," not in text[start:end]:
        # "The senator declined to", "The email goes on to": the verb before an infinitive is no part of it.
        cut = len(words) - 1
        while cut > 1 and words[cut - 1].group() in _PARTICLES:
            cut -= 1
        if cut > 1 and words[cut - 1].group().endswith(("ed", "s")) and words[cut - 1].group().islower():
            cut -= 1
            while cut > 1 and words[cut - 1].group() in AUXILIARIES:
                cut -= 1
            end = start + words[cut - 1].end()
            words = words[:cut]
    start += words[0].start()
    first = PRONOUN_CONTRACTION.sub(r"\1", words[0].group()).casefold()
    if first in MENTION_PRONOUNS - {"who", "which"}:
        return start, start + len(words[0].group())  # "He's comparing ...": the pronoun is the subject
    if first in MENTION_DETERMINERS | MENTION_PRONOUNS:
        return start, end
    for _ in range(6):
        before = _WORD_BEFORE.search(text, floor, start)
        if before is None:
            break
        word = before.group(1)
        folded = word.casefold()
        if folded == "of":
            owner = _WORD_BEFORE.search(text, floor, before.start())
            if owner is None or not owner.group(1)[:1].isupper() or owner.group(1) in NOT_NAME_WORDS:
                break
            start = owner.start(1)  # "Secretary of State Ana Ruiz"
            continue
        if folded in MENTION_DETERMINERS:
            start = before.start(1)
            break
        if folded in {"least", "most"} and re.search(r"(?i)(?<!\S)at +$", text[: before.start(1)]):
            start = text.rfind("at", 0, before.start(1))  # "at least half of voters"
            break
        if (
            folded in _NOT_PREMODIFIER
            or not any(c.isalpha() for c in word)
            or (_SENTENCE_STOP.match(word + " A") is not None and folded[:-1] not in ABBREVIATIONS)
            or (word.islower() and "-" not in word and folded.endswith(("ly", "ed", "ing")))
        ):  # (a verb, an adverb: "that included Berg", "featuring Berg")
            break
        start = before.start(1)
    return start, end


def _found(speaker: ParsedSpeaker | None, position: int) -> Found:
    return Found(speaker, position, "")


def _found_if(speaker: ParsedSpeaker | None, position: int) -> Found | None:
    """A result only when a speaker was found: otherwise the next rule is tried."""
    return None if speaker is None else Found(speaker, position, "")


# --- before the verb ("X said") -----------------------------------------------------------------


def _pronoun(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """ "he said": the most recent compatible person (or group for "they"); with none, a person named in full
    earlier in the same sentence ("Ana Ruiz stretched the truth when she claimed ..."). The person named in full
    opening the sentence, when known to be of the pronoun's gender, goes before a referent of no known gender
    ("Tomas Berg spoke. Ines Varga hit back, and she claimed ...": Ines Varga)."""
    word = match.group(1)
    if word.casefold() not in {"he", "she"}:
        return _found(discourse.pronoun(word), match.start())
    gender = pronoun_gender(word)
    opening = NAME_RUN_RE.match(text.text)
    known = opening is not None and discourse.gender(opening.group(), []) == gender
    subject = _full_person(opening.group(), discourse) if known else None
    if subject is not None and discourse.gender(subject.name, subject.titles) == gender:
        referent = discourse.referent(gender)
        if referent is None or discourse.gender(*referent) is None:
            discourse.seen(subject.name, subject.titles)
            return _found(subject, match.start())
    speaker = discourse.pronoun(word)
    if speaker is None:
        speaker = _named_earlier(text.text[: match.start()], gender, discourse)
    return _found(speaker, match.start())


def _named_earlier(before: str, wanted: str, discourse: Discourse) -> ParsedSpeaker | None:
    """The person named in full in ``before`` that "he" or "she" (of gender ``wanted``) stands for: the first of
    that gender, else the first of no known gender (a later clause's pronoun most often takes up the sentence's
    subject)."""
    persons = [speaker for name in NAME_RUN_RE.finditer(before) if (speaker := _full_person(name.group(), discourse))]
    genders = [discourse.gender(speaker.name, speaker.titles) for speaker in persons]
    for allowed in (wanted, None):
        if allowed in genders:
            return persons[genders.index(allowed)]
    return None


def _pronoun_unnamed_speaker(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "A spokeswoman for the port said ... She added": the unnamed person who spoke last, nobody named since."""
    return _found_if(discourse.unnamed_referent(match.group(1)), match.start())


def _relative_name(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "John Bentel, a tech staffer who told ...": the relative pronoun stands for the name (for the person
    before "of" when the name is a place or body: "Senator Ana Ruiz of Oregon, who said")."""
    owner = OWNER_OF_PLACE_END.search(text.text, max(0, match.start(1) - 80), match.start(1))
    speaker = _full_person(owner.group(1), discourse) if owner is not None else None
    if speaker is not None:
        return _found(speaker, owner.start(1))
    return _found_if(entity(match.group(1), discourse, []), match.start())


def _relative_description(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """ "an architect who said ...": an unnamed person or group described by the noun phrase."""
    return _found(discourse.group(group_name(match.group(1))), match.start(1))


def _full_person(run: str, discourse: Discourse, titles: list[str] | None = None) -> ParsedSpeaker | None:
    """The person a capitalised run names in full (a given name and a surname at least), or None: not one word, a
    place or a body."""
    split = clean_name(run)
    if split is None or len(split[1]) < 2:
        return None
    speaker = entity(run, discourse, titles or [])
    return speaker if speaker is not None and speaker.kind == "person" else None


def _described_name(match: re.Match[str], text: Text) -> str | None:
    """The full name an appositive opens with when the name before it ends a description (the object of a
    lower-case word): "One docker backing Mr. Berg, Tove Lindqvist of the Molde union, said"."""
    before = text.text[: match.start(1)].split()
    if not before or not before[-1].isalpha() or not before[-1].islower():
        return None
    lead = LEADING_NAME.match(match.group(2))
    if lead is None:
        return None
    split = clean_name(lead.group(1))
    if split is None or len(split[1]) < 2:
        return None  # a full name (a given name and a surname), not a place or a body ("Ohio", "the Board")
    return lead.group(1)


def _name_after_description(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "One docker backing Mr. Berg, Tove Lindqvist of the Molde union, said": the name before the commas
    ends a description, and the appositive opens with the full name of the person it describes, the speaker
    (when the description holds a title, "the head of the Port Board, Adm. Paul Sorel", the
    reversed_appositive rule reads it as the title)."""
    name = _described_name(match, text)
    if name is None or REVERSED_APPOSITIVE_END.search(text.text):
        return None
    speaker = entity(name, discourse, [])
    if speaker is None or speaker.kind != "person":
        return None
    clause = max(text.text.rfind(mark, 0, match.start(1)) for mark in ",;:") + 1  # the description's start
    return _found(speaker, clause + len(text.text[clause:]) - len(text.text[clause:].lstrip()))


# "in ", "a ", "from the " before a town: what makes it the object of a word, not a subject.
_TOWN_OBJECT_END = re.compile(r"\b(?:in|at|of|from|to|near|outside|a|an|the)\s+$")


def _appositive(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "Ivo Brandt, chairman of the League, said": the name with its appositive title (not the name ending a
    description: "The head of the Port Board, Adm. Paul Sorel, said")."""
    if _described_name(match, text) is not None:
        return None
    if _names_a_person_alone(match.group(2), discourse) and REVERSED_APPOSITIVE_END.search(text.text):
        return None  # "The chairman of the Joint Chiefs, Gen. Ana Ruiz, said": see reversed_appositive
    if is_state(match.group(2).split(",")[0].strip()) and _TOWN_OBJECT_END.search(text.text[: match.start()]):
        # "Ana Ruiz, a Molde, Ore., rabbi, said", "after a docker in Molde, Ohio, told him": the name is a town
        # (the object of a word before it), its state next; the person opens the clause, if anybody
        for run in reversed(list(CLAUSE_NAME.finditer(text.text[: match.start()]))):
            speaker = _full_person(run.group(1), discourse, [text.text[run.end() :].strip(" ,")])
            if speaker is not None:
                return _found(speaker, run.start(1))
        return None
    named = None if is_full_name(match.group(1), discourse.outlets) else _appositive_naming(match.group(2), discourse)
    if named is not None:
        return _found(named, match.start(2))
    titles = title_from_appositive(match.group(2))
    if titles is None:
        return None
    return _found_if(entity(match.group(1), discourse, titles), match.start())


def _appositive_naming(appositive: str, discourse: Discourse) -> ParsedSpeaker | None:
    """The person an appositive in two parts names, when its first or second part is a full name alone
    and the other describes them: "In a note to the Courier, her senior adviser, Jake Sullivan, said",
    "Moreover, Jeffrey Sachs, director of the institute, said" (asked only when the run before the
    commas is no full name: "Ana Ruiz, a docker from Molde, New York, said" stays Ana Ruiz's)."""
    parts = [part.strip() for part in appositive.split(",")]
    if len(parts) != 2:
        return None
    for index, part in enumerate(parts):
        if not re.fullmatch(NAME_RUN, part, re.X):
            continue
        split = clean_name(part)
        description = parts[1 - index]
        # (One word after "his wife," is a given name: "his wife, Jane,"; else a place may end the description.)
        kin = index == 1 and description.split()[0] in {"his", "her", "their"}
        if split is None or len(split[1]) < (1 if kin else 2) or not description[:1].islower():
            continue
        speaker = entity(part, discourse, [description])
        if speaker is not None and speaker.kind == "person":
            return speaker
    return None


def _names_a_person_alone(appositive: str, discourse: Discourse) -> bool:
    """Whether an appositive is a person's full name and nothing else ("Gen. Ana Ruiz Jr.")."""
    name = appositive.strip()
    # (the comma the appositive ends with lets a name end with "Jr.")
    return bool(re.fullmatch(rf"{NAME_RUN},", f"{name},", re.X)) and is_full_name(name, discourse.outlets)


def _place_in_appositive(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "Senator Tomas Berg of Texas, the No. 2 Republican, said", "Paul Porter, a driver from Ava, Mo., who
    ..., said": the name before the appositive is a place (the object of "of", "from", "in" ...); the speaker
    is the person it describes, named before "of" or opening the clause."""
    if not PREPOSITION_END.search(text.text, max(0, match.start() - 12), match.start()):
        return None
    if _names_a_person_alone(match.group(2), discourse) and REVERSED_APPOSITIVE_END.search(text.text):
        return None  # "The chairman of the Joint Chiefs, Gen. Ana Ruiz, said": a title, then the name
    before = text.text[: match.start()]
    owner = OWNER_OF_PLACE_END.search(before)
    runs = [owner] if owner else []
    runs += reversed(list(CLAUSE_NAME.finditer(before)))
    for run in runs:
        speaker = _full_person(run.group(1), discourse)
        if speaker is not None:
            return _found(speaker, run.start(1))
    return None


def _long_appositive(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "Lena Ortiz, 29, of Molde, Ore., said": the name before an age, a home town or a relative clause."""
    speaker = entity(match.group(1), discourse, [])
    return _found(speaker, match.start(1)) if speaker is not None and speaker.kind == "person" else None


def _name_of_body(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "Minister Ana Ruiz of Chile said": a person of a country or body, the body in the title."""
    body = match.group(2)
    if not (body in COUNTRY_ALIASES or body in ORGANIZATION_ALIASES or any(w in ORG_WORDS for w in body.split())):
        return None
    split = clean_name(match.group(1))
    if split is None or not split[1] or any(w in ORG_WORDS or w.lower() in GROUP_WORDS for w in split[1]):
        return None
    title = " ".join(w for w in split[0] if w not in HONORIFIC_WORDS)
    titles = [f"{title} of {body}"] if title else []
    return _found(entity(" ".join(split[1]), discourse, titles), match.start())


def _definite_body(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """ "the farmers' union said", "the ministry said": a body named by a common noun."""
    return _found(discourse.group(group_name(match.group(1))), match.start(1))


def _parenthesis(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "Gwen Moore (D-Wis.) said": a name with a bracketed label."""
    return _found_if(entity(match.group(1), discourse, []), match.start())


def _reversed_appositive(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "the chairman of the League, Ivo Brandt, said": the title before the name."""
    title = LEADING_DETERMINER.sub("", match.group(1).strip())
    # (Where the title starts: the comma before it closes the words before the subject, "A, a spokeswoman, ...")
    return _found_if(entity(match.group(2), discourse, [title]), match.start(1))


def _title_reference(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "the minister said": the most recent person with that role."""
    return _found_if(discourse.by_title(match.group(1), back_reference=True), match.start())


def _party_member(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """ "the Arizona Republican said": the person named before whom the description fits; no name."""
    return _found(_party_member_person(match.group(1), discourse), match.start())


def _party_member_person(description: str, discourse: Discourse) -> ParsedSpeaker | None:
    """The person "the Wisconsin Republican" describes: the most recent one whose role names the
    place ("Senator from Wisconsin"), else the one "he" would be (a party word is no role to match:
    most politicians' titles have one)."""
    places = [word for word in description.split()[:-1] if word[:1].isupper()]
    for name, titles in reversed(discourse.recent):
        if any(place in title for title in titles for place in places):
            return discourse.person(name, titles)
    found = discourse.referent(None)
    return None if found is None else discourse.person(*found)


def _body_name(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "..., the Ministry of Health said": a country or organisation opening its clause."""
    split = clean_name(match.group(1))
    whole = " ".join(sum(split, [])) if split else ""
    before = re.sub(r"(?:[Tt]he\s*)$", "", text.text[: match.start()]).rstrip()
    opens_clause = not before or before[-1] in ",;:—" or before.endswith((" and", " but"))
    if opens_clause and (whole in COUNTRY_ALIASES or is_organization(whole)):
        return _found(entity(match.group(1), discourse, []), match.start())
    return None


def _share(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """ "Twenty-four percent said", "One in three said", "most of them said": a share of those polled, or a part
    of a group, is a group."""
    return _found(discourse.group(group_name(match.group(1))), match.start(1))


def _group(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "senior officials from three ministries said": an unnamed group, with the words before it that describe
    it ("Florida election officials", "a wide array of economists")."""
    head = next((w for w in match.group(1).split() if w.lower() in GROUP_HEAD_SET), "")
    start = _modifiers_start(text.text, match.start(), plural=head.endswith("s"))
    phrase = LEADING_CONJUNCTION.sub("", text.text[start : match.end(1)])
    first = phrase.split()[0]
    if first in NOT_NAME_WORDS and first.lower() not in GROUP_WORDS:
        return None
    return _found(discourse.group(group_name(phrase)), start)


# "she released a statement (on Wednesday)": a verb that issues a document, and the document, before a
# participle cue ("saying", "explaining"); the subject of the verb is the speaker.
ISSUED_DOCUMENTS = frozenset("statement report letter memo release email tweet post note message".split())
ISSUED_DOCUMENT_END = re.compile(
    rf"""\b(?:released|issued|put\s+out|sent|posted|published|revised|read|gave|made)\s+
        (?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}?
        (?:{"|".join(sorted(ISSUED_DOCUMENTS))})
        (?:\s+(?:on\s+)?(?:{WEEKDAY}|yesterday|today))?\s*$""",
    re.X,
)


def _issuer(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "At the time, she released a statement saying ...": the one who issued the document, not the document."""
    found = speaker_before(text.text[: match.start()].rstrip(), discourse)
    return None if found.speaker is None else _found(found.speaker, found.position)


def _modifiers_start(text: str, start: int, plural: bool, most: int = 3) -> int:
    """Where a group's noun phrase starts when up to ``most`` describing words stand before what the group
    pattern matched (and a determiner before them; "a" only before a singular head or "of")."""
    group_start = start
    for _ in range(most + 1):
        before = text[:start].rstrip(" ")
        cut = before.rfind(" ") + 1
        word = before[cut:]
        folded = word.casefold()
        if not MODIFIER_WORD.fullmatch(word) or len(before) == len(text[:start]):
            break
        if folded in {"a", "an"} and plural and " of " not in text[cut:]:
            return group_start  # "a step officials said would help": "a" goes with a noun of its own
        if folded in GROUP_DETERMINERS:
            return cut
        if (
            folded in NOT_SUBJECT_END
            or folded in AUXILIARIES
            or folded in NOT_SUBJECT_WORDS
            or folded in NOT_NAME_WORDS_FOLDED
            or (word.islower() and folded.endswith(("ed", "ing", "ly")))
        ):
            break
        start = cut
    return start


def _description(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "The Republican presidential nominee said": a description; the person it names, if known."""
    if match.group(1).split()[-1].lower() in NOT_DESCRIPTION_HEADS or AUXILIARIES & set(match.group(1).lower().split()):
        return None
    words = match.group(1).split()
    while len(words) > 2 and words[-1].endswith("ed"):
        words.pop()  # "the joint statement adopted (on Monday)": the statement
    # Only "the ..." refers back: "his lawyer", "Chile's envoy" is somebody else.
    found = discourse.by_title(" ".join(words), back_reference=words[0].casefold() == "the")
    return _found(found or discourse.group(group_name(" ".join(words))), match.start(1))


def _name(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "Njeri Wambugu said", "Kenyan lawmaker Njeri Wambugu said": a name, with a lower-case title before it."""
    if PREPOSITION_END.search(text.text, max(0, match.start() - 12), match.start()) and not (
        TITLE_BEFORE_OF.search(text.text, max(0, match.start() - 40), match.start())
    ):
        return None  # "the Center in Dallas maintains": the name is the object of "in"
    if CHANNEL_NOUN_END.search(text.text, max(0, match.start() - 40), match.start()):
        return NOBODY  # "old columns Lena Brandt wrote while a student": the text, not a report
    if is_state(match.group(1)) and text.text[: match.start()].rstrip().endswith(","):
        # "Ana Ruiz of Molde, South Carolina says": the state of a town; the person before "of" speaks
        town = re.search(rf"({NAME_RUN})\s+(?:of|from)\s+{NAME_RUN}\s*,\s*$", text.text[: match.start()])
        speaker = entity(town.group(1), discourse, []) if town else None
        return _found(speaker, town.start(1)) if speaker is not None and speaker.kind == "person" else None
    title = LOWER_TITLE_END.search(text.text, max(0, match.start() - 80), match.start())
    ordinal = _ORDINAL_END.search(text.text, max(0, match.start() - 8), match.start())
    if ordinal is not None and match.group(1).split()[-1] in ORG_WORDS:
        # "the 6th Circuit said", "the 2nd Battalion said": the ordinal is part of the body's name
        return _found_if(entity(f"{ordinal.group(1)} {match.group(1)}", discourse, []), ordinal.start(1))
    return _found_if(entity(match.group(1), discourse, [title.group(1)] if title else []), match.start())


_ORDINAL_END = re.compile(r"(?<![\w-])(\d+(?:st|nd|rd|th))\s+$")


def _clause_subject(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "Iowa biofuels advocates say", "26% say": a short noun phrase opening its clause (after a subordinator
    that opens the sentence: "Although officials say ...", officials)."""
    phrase, start = match.group(1), match.start(1)
    opener = re.match(r"\w+\s+", phrase)
    if opener and opener.group().strip().casefold() in SUBORDINATORS:
        phrase, start = phrase[opener.end() :], start + opener.end()
    words = phrase.lower().split()
    if (AUXILIARIES | NOT_SUBJECT_WORDS | DETERMINERS) & set(words[-1:]) or (
        (AUXILIARIES | NOT_SUBJECT_WORDS) & set(words)
    ):
        return None
    if any(word.endswith("ed") and word.islower() for word in phrase.split()):
        return None
    if _verb_and_object(phrase.split()):
        return None  # "Byrne gives an account of Marsh": a clause, no noun phrase
    if any(FIRST_PERSON.fullmatch(word) for word in phrase.split()):
        return None  # "All I'm asking is ...": a clause of the writer's, no noun phrase
    named = _NAME_OF_PLACE.fullmatch(phrase)
    # "Senator Ana Ruiz of Oregon", "Ana Ruiz of the Courier": the person, not a group named after her
    speaker = _full_person(named.group(1), discourse) if named else None
    if speaker is not None:
        return _found(speaker, start)
    if len(words) == 1 and words[0] in NOT_NAME_WORDS_FOLDED and words[0].capitalize() not in QUANTIFIER_WORDS:
        return None  # "In", "For", "Why": a word that opens a phrase or a question, no subject ("Others", "Many" are)
    return _found(discourse.group(group_name(phrase)), start)


# Words that may stand before an article inside a noun phrase: "most of the", "half the", "all the".
_BEFORE_ARTICLE_IN_PHRASE = PLACE_PREPOSITIONS | set(
    "of about to on for with during after before over under by than like all half both".split()
)


def _verb_and_object(words: list[str]) -> bool:
    """Whether a phrase has a plain lower-case word then an article inside it ("Byrne gives an account"):
    a verb and its object, so a clause; a noun phrase has a preposition or a participle there ("the head of
    the board", "Republicans backing the bill")."""
    return any(
        word in {"a", "an", "the"}
        and words[index - 1].islower()
        and words[index - 1] not in _BEFORE_ARTICLE_IN_PHRASE
        and not words[index - 1].endswith("ing")  # "Republicans supporting the bill say": a participle's object
        for index, word in enumerate(words)
        if index > 0
    )


# "Senator Ana Ruiz of Oregon": a name, then the place or body it is of.
_NAME_OF_PLACE = re.compile(rf"({NAME_RUN})\s+(?:of|from)\s+(?:the\s+)?{NAME_RUN}")


def _upper_last(text: Text) -> bool:
    return text.last_word[:1].isupper()


def _lower_last(text: Text) -> bool:
    return text.last_word[:1].islower()


# "who", and "who've" ("delegates who've said"): a relative pronoun that is the subject of the verb.
RELATIVE_WHO = frozenset({"who", "who've", "who’ve"})

# "Of Carson, Levine, who backs Rubio, said": a fronted "Of X," (or "About X,", "As for X,") names
# whom the words are about; the subject comes after it.
FRONTED_TOPIC_END = re.compile(
    rf"""(?: ^ | (?<=[.!?;:"”_]) \s+ )
        (?: Of | About | As\s+for | As\s+to | Regarding ) \s+ {NAME_RUN} \s*,\s*
        (?P<subject> [A-Z] [^;:"“”]* )$""",
    re.X,
)
# "She and her aides", "Trump and his attorneys", "Ana Ruiz and Senator Paul Berg" opening the clause:
# two speakers joined by "and" speak as a group (never the last of them alone).
COORDINATED_END = re.compile(
    rf"""(?: ^ | (?<=[;:—.!?"”_]) \s+ | (?<=,) \s+ )
        (?P<phrase>
            (?P<first> He | She | They | {NAME_RUN} )
            \s+ and \s+
            (?: (?P<people> (?: his | her | their | its | other | some | many | several ) (?: \s+ [a-z][\w'’-]* ){{1,3}} )
              | (?P<second> {NAME_RUN} ) )
        )
        \s*$""",
    re.X,
)


def _coordinated(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """The group two joined speakers make: a name or pronoun and a plural noun phrase ("Trump and his
    attorneys"), or two persons' names, each full or titled ("Hal Marsh and Senator Ana Ruiz", "Mr. Marsh
    and Ms. Ruiz")."""
    first = match.group("first")
    if match.group("people") is not None:
        last = match.group("people").split()[-1]
        if not last.endswith("s") or last.endswith(("ss", "us", "is")):
            return None  # "Marsh and his wife": no plural, a pair the other rules may read
    else:
        runs = (first, match.group("second"))
        title = _plural_title(first.split()[0]) if len(first.split()) > 1 else None
        if title is not None:
            # "Professors Lund and Ortiz": one plural title before two surnames, a title of each
            runs = (" ".join([title, *first.split()[1:]]), f"{title} {runs[1]}")
        persons = [entity(run, discourse.draft(), []) for run in runs]
        splits = [clean_name(run) for run in runs]
        if any(person is None or person.kind != "person" for person in persons) or not all(
            split is not None and (split[0] or len(split[1]) > 1) for split in splits
        ):
            return None  # "Procter and Gamble", "the State Department and the Pentagon", "Engineering and Medicine"
    phrase = match.group("phrase")
    if first in {"He", "She"}:
        # "She and her aides": the woman last named, with her aides
        found = discourse.referent("m" if first == "He" else "f")
        phrase = phrase if found is None else found[0] + phrase[len(first) :]
    return _found(discourse.group(phrase), match.start("phrase"))


def _plural_title(word: str) -> str | None:
    """The title a plural word names before names ("Professors", "Justices", "Secretaries"), or None."""
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else ""
    return singular if singular in TITLE_HEADS else None


# "the Organization for Economic Cooperation and Development", "the National Academies of Sciences,
# Engineering and Medicine": a body's name goes on after "for", "of", "on" and across "and".
BODY_TAIL_END = re.compile(
    rf"""({NAME_RUN}) \s+ (?: for | of | on ) \s+ (?: the \s+ )?
        {NAME_RUN} (?: \s+ and \s+ {NAME_RUN} )? \s*$""",
    re.X,
)


def _body_tail(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """The whole body whose name ends the subject, when its head ("Organization", "Center") comes first
    (never a person named by the last words: "Development", "Medicine")."""
    if match.group(1).split()[-1] not in ORG_WORDS:
        return None
    start = match.start(1)
    if text.text[max(0, start - 4) : start].casefold() == "the ":
        start -= 4  # "the Center for ...": the subject's words start with the article
    before = text.text[:start].rstrip()
    if before and before[-1] not in ',;:.!?"”_':
        return None  # "Jeffrey Lewis of the Center for ...", "Staff for the Committee on ...": the body is no subject
    return _found(discourse.group(match.group().strip()), start)


FRONTED_TOPIC_WORDS = frozenset({"of", "about", "for", "to", "regarding"})


def _fronted_topic(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """The speaker after a fronted topic ("Of Marsh, Delgado said"), read in the words after its comma."""
    offset = match.start("subject")
    found = speaker_before(text.text[offset:], discourse)
    return None if found.speaker is None else Found(found.speaker, found.position + offset, found.rule)


# A subject opening its clause, then an aside between commas (a prepositional or participle phrase) that closes
# the words before the verb: "Two engineers, speaking on condition of anonymity," "The port authority, in a bid to
# calm the fishermen,". (Not an adverb or a conjunction: "ISIS, though in May he used stronger language,".)
ASIDE_BEFORE_END = re.compile(
    r"""(?: ^ | [;:—]\s* | ,\s*(?:and\s+|but\s+)? )
        (?P<subject> [^,]*[^,\s] ) \s*,\s*
        (?: (?i: in | at | on | by | for | with | during | after | before | from | unlike | amid
              | despite | among ) \b
          | [a-z]+ing \b )
        [^,]* , \s*$""",
    re.X,
)


# The same with an aside that lists examples, whose commas and "and" are the list's: "Other Republicans, like Ana
# Ruiz, Paul Berg and Lena Ortiz," (read before the names' coordination; the dash aside rule reads it without its
# last comma).
LIST_ASIDE_BEFORE_END = re.compile(
    r"""(?: ^ | [;:—]\s* | ,\s*(?:and\s+|but\s+)? )
        (?P<subject> [^,]*[^,\s] ) \s*,\s* (?: like | including | such\s+as ) \s [^;:—]*? ,?\s*$""",
    re.X,
)


def _whole_mention(found: Found, subject: str) -> bool:
    """Whether the speaker's mention (with the words that open it: "Even the hawks") is all of ``subject``."""
    mention_start = min(found.position, found.extent[0]) if found.extent is not None else found.position
    return not subject[:mention_start].strip()


def _aside(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """The subject read without the aside between it and the verb; the whole subject must be the speaker's
    mention ("Boasting 900 residents from farmers to professors, with ...": no subject)."""
    if is_state(match.group("subject")):
        return None  # ("... in Chappaqua, N.Y., speaking on ...": the place ends a longer subject)
    found = speaker_before(match.group("subject"), discourse)
    if found.speaker is None or not _whole_mention(found, match.group("subject")):
        return None
    return Found(found.speaker, match.start("subject") + found.position, found.rule)


# A subject opening its clause, then a relative clause on it that runs up to the verb: "a young woman who had
# studied in Molde (asked)", "Though engineers who have worked with Ana Ruiz (say)".
RELATIVE_CLAUSE_BEFORE_END = re.compile(
    r"""(?: ^[\s"“]*(?:(?i:when|while|after|before|as|because|since|though|although|until|once|if|yet|but|and)\s+)?
          | [,;:—]\s* | \b(?:and|but|when|while|after|before|as|because|since|though|although|if)\s+ )
        (?P<subject> [^,;:"“”_()]{1,60}? [a-z] ) \s+ who (?:['’]ve)? \s+ [a-z] [^,;:"“”_]{1,120} $""",
    re.X,
)


def _relative_clause(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """The subject read without the relative clause between it and the verb; a few lower-case words ending in a
    plural noun are a group ("executives who ...": "who" speaks of persons)."""
    subject = match.group("subject")
    if text.last_word.casefold() in DETERMINERS or subject.split()[0].casefold() in PLACE_PREPOSITIONS | {"among"}:
        return None  # ("officials who are granted a say", "Among the applicants who ...": no subject and verb)
    before = text.text[: match.start("subject")].rstrip()
    if before.endswith(",") and before[:-1].rsplit(None, 1)[-1:][0][:1].isupper():
        return None  # ("Nate Silver, the pollster who founded the site,": an appositive of the name)
    found = speaker_before(subject, discourse)
    if found.speaker is not None:
        if not _whole_mention(found, subject):
            return None  # ("it is usually the Republicans who ...": a clause, not a subject)
        return Found(found.speaker, match.start("subject") + found.position, found.rule)
    words = subject.split()
    if len(words) <= 3 and subject.islower() and PLURAL_NOUN.fullmatch(words[-1]):
        return _found(discourse.group(subject), match.start("subject"))
    return None


# In order: the first rule that gives a result names the subject of the verb.
SUBJECT_RULES: tuple[SpeakerRule, ...] = (
    SpeakerRule(
        "pronoun_unnamed_speaker_before",
        PRONOUN_END,
        _pronoun_unnamed_speaker,
        lambda t: t.last_word.casefold() in {"he", "she"},
    ),
    SpeakerRule("pronoun_before", PRONOUN_END, _pronoun),
    SpeakerRule("body_tail_before", BODY_TAIL_END, _body_tail, lambda t: bool(t.tail_words & {"for", "of", "on"})),
    SpeakerRule(
        "list_aside_before",
        LIST_ASIDE_BEFORE_END,
        _aside,
        lambda t: bool(t.tail_words & {"like", "including", "such"}),
    ),
    SpeakerRule("coordinated_before", COORDINATED_END, _coordinated, lambda t: "and" in t.tail_words),
    SpeakerRule(
        "fronted_topic_before", FRONTED_TOPIC_END, _fronted_topic, lambda t: bool(t.tail_words & FRONTED_TOPIC_WORDS)
    ),
    SpeakerRule("relative_name_before", RELATIVE_END, _relative_name, lambda t: t.last_word in RELATIVE_WHO),
    SpeakerRule(
        "relative_description_before", RELATIVE_NP_END, _relative_description, lambda t: t.last_word in RELATIVE_WHO
    ),
    SpeakerRule("long_appositive_before", LONG_APPOSITIVE_END, _long_appositive, lambda t: t.last_char == ","),
    SpeakerRule("place_in_appositive_before", APPOSITIVE_END, _place_in_appositive, lambda t: t.last_char == ","),
    SpeakerRule("name_after_description_before", APPOSITIVE_END, _name_after_description, lambda t: t.last_char == ","),
    SpeakerRule("appositive_before", APPOSITIVE_END, _appositive, lambda t: t.last_char == ","),
    SpeakerRule(
        "name_of_body_before",
        NAME_OF_END,
        _name_of_body,
        lambda t: _upper_last(t) and bool(t.tail_words & {"of", "from"}),
    ),
    SpeakerRule("definite_body_before", DEFINITE_NP_END, _definite_body, _lower_last),
    SpeakerRule("parenthesis_before", PAREN_END, _parenthesis, lambda t: t.last_char == ")"),
    SpeakerRule(
        "reversed_appositive_before", REVERSED_APPOSITIVE_END, _reversed_appositive, lambda t: t.last_char == ","
    ),
    SpeakerRule("title_reference_before", TITLE_REF_END, _title_reference, lambda t: "the" in t.tail_words),
    SpeakerRule("party_member_before", PARTY_MEMBER_END, _party_member, _upper_last),
    SpeakerRule("body_name_before", NAME_END, _body_name, _upper_last),
    SpeakerRule("quantified_group_before", QUANTIFIED_GROUP_END, _share, lambda t: "of" in t.tail_words),
    SpeakerRule("share_before", SHARE_END, _share, lambda t: bool(t.tail_words & SHARE_WORDS)),
    SpeakerRule("issuer_before", ISSUED_DOCUMENT_END, _issuer, lambda t: bool(t.tail_words & ISSUED_DOCUMENTS)),
    SpeakerRule("group_before", GROUP_END, _group, lambda t: bool(t.tail_words & GROUP_HEAD_SET)),
    SpeakerRule(
        "description_before",
        DESCRIPTION_END,
        _description,
        lambda t: _lower_last(t) and t.last_word.replace("-", "").isalpha(),  # "the front-runner"
    ),
    SpeakerRule("name_before", NAME_END, _name, _upper_last),
    SpeakerRule("clause_subject_before", CLAUSE_SUBJECT_END, _clause_subject),
    SpeakerRule("aside_before", ASIDE_BEFORE_END, _aside, lambda t: t.last_char == ","),
    SpeakerRule(
        "relative_clause_before", RELATIVE_CLAUSE_BEFORE_END, _relative_clause, lambda t: "who" in t.tail_words
    ),
)


def speaker_before(left: str, discourse: Discourse) -> Found:
    """The speaker ending ``left`` (the subject of the verb after it) and where it starts."""
    text = strip_fillers(left)
    if not text:
        return NOBODY
    facts = Text.before(text)
    for rule in SUBJECT_RULES:
        found = rule.apply(facts, discourse)
        if found is not None:
            return found
    return NOBODY


# --- after the verb (", said X") ---------------------------------------------------------------


def _pronoun_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """'"...," said he': the pronoun's referent."""
    return _found(discourse.pronoun(match.group(1)), match.end())


def _title_reference_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """'"...," said the minister': the most recent person with that role."""
    return _found_if(discourse.by_title(match.group(1), back_reference=True), match.end())


def _role_reference_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """'"...," said the nominee.': the person named before whom the role describes (see `description_before`)."""
    return _found_if(discourse.by_title(match.group(1), back_reference=True), match.end())


def _party_member_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """'"...," said the Ohio Democrat': the person named before whom the description fits."""
    return _found(_party_member_person(match.group(1), discourse), match.end())


def _group_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """'"...," said senior officials': an unnamed group in lower case or after a determiner."""
    phrase = match.group(1)
    if not (phrase[0].islower() or phrase.split()[0] in {"The", "A", "An", "Some", "Many", "Several"}):
        return None
    if phrase.endswith(".") and "." not in phrase.split()[-1][:-1]:
        phrase = phrase[:-1]  # "said senior officials in the valley.": the sentence's period ("U.S." keeps its)
    return _found(discourse.group(group_name(phrase)), match.end())


def _described_group_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """'"...," said Molde election officials.', '"...," said a campaign official.': a group (or an unnamed
    person) described by the words before its noun, none of them a function word or a verb."""
    name = _FULL_NAME_NEXT.match(text.text, match.end())
    if name is not None and is_full_name(name.group(1), discourse.outlets):
        return None  # "said the company's chief executive, Paul Ferris.": the name is the speaker
    words = match.group(1).split()
    if _modifiers_start(" ".join(words[:-1]) + " ", len(" ".join(words[:-1])) + 1, words[-1].endswith("s"), 4) != 0:
        return None
    return _found(discourse.group(group_name(match.group(1))), match.end())


# ", Paul Ferris." after a description: the name it introduces, ending the clause.
_FULL_NAME_NEXT = re.compile(rf"\s*,\s*({NAME_RUN})(?=\s*(?:[,.;]|$))", re.X)


def _reversed_appositive_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """'"...," said the League's chairman, Ivo Brandt.': the title before the name."""
    title = LEADING_DETERMINER.sub("", match.group(1).strip())
    return _found_if(entity(match.group(2), discourse, [title]), match.end())


def _prenominal_title_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """ "said Foreign Ministry spokesperson Zhao Lijian": the body and the lower-case role are the title."""
    if match.group(2).split()[-1] not in PRENOMINAL_HEADS:
        return None
    speaker = entity(match.group(3), discourse, [f"{match.group(1)} {match.group(2).strip()}"])
    if speaker is None or speaker.kind != "person":
        return None
    return _found(speaker, match.end())


def _name_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """ ", said Marta Okonkwo, director of the Center": the name, a party label, an appositive title."""
    right = text.text
    end = match.end()
    paren = re.match(r"\s*\([^()]{1,40}\)", right[end:])
    if paren:
        end += paren.end()  # "Rep. Gwen Moore (D-Wis.)": a party label
    titles: list[str] = []
    appositive = APPOSITIVE_AFTER.match(right, end)
    if appositive:
        titles = title_from_appositive(appositive.group(1)) or []
        if titles:
            end = appositive.end()
    speaker = entity(match.group(1), discourse, titles)
    if speaker is not None:
        return _found(speaker, end)
    described = DESCRIBED_START.match(right)
    if described and media_name(described.group(1), discourse.outlets):
        # "said MSNBC host Chris Matthews": the outlet describes the person who speaks.
        title = f"{described.group(1)} {described.group(2).strip()}"
        speaker = entity(described.group(3), discourse, [title])
        if speaker is not None:
            return _found(speaker, described.end())
    return NOBODY


# Words that open what follows a verb when no speaker does: "said of Berg", "said in an interview with".
TOPIC_PREPOSITIONS = frozenset("of about to on in at for with from during after before".split())


def _described_name_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found:
    """ "said 9/11 widow Terry Strada": a lower-case description before the name is a title."""
    if match.group(1).split()[:1] and match.group(1).split()[0] in TOPIC_PREPOSITIONS:
        return NOBODY  # "..., Ana Ruiz said of the Lunds.", "said in an interview of Berg": whom it was said about
    described = LEADING_DETERMINER.sub("", match.group(1).strip() + " ").strip()
    words = described.split()
    if words[-1:] and words[-1] in {"for", "of", "on"} and any(word in ORG_WORDS for word in words):
        # "according to the Center for Responsive Politics": one body's name, its head before "for"
        return _found(discourse.group(f"{described} {match.group(2)}"), match.end())
    if words[-1:] and words[-1] in PLACE_PREPOSITIONS:
        # "said a docker in Molde": the name is a place, the speaker the unnamed person or group
        return _found(discourse.group(group_name(f"{match.group(1).strip()} {match.group(2)}")), match.end())
    if NAME_PLACE_AHEAD.match(text.text, match.end()) and (
        not described.islower() or words[-1:] and words[-1] in TOPIC_PREPOSITIONS
    ):
        return NOBODY  # "the Roper Center for Public Opinion Research at Cornell": a body's long name, no description
    speaker = entity(match.group(2), discourse, [described] if described else [])
    return NOBODY if speaker is None else _found(speaker, match.end())


def _description_after(match: re.Match[str], text: Text, discourse: Discourse) -> Found | None:
    """'"...," said a designer, who ...', '"...," said one Republican involved in the talks': an unnamed
    person (or group) described by words no other rule knows; never a time ("said a day later")."""
    words = match.group(1).split()
    head, middle = words[-1], words[1:-1]
    if head.casefold() in NOT_SPEAKER_AFTER_HEADS or head.endswith(("ed", "ly")):
        return None
    # The words before the noun describe it: names, numbers, known modifiers and one plain word at most
    # ("one district GOP leader"); more plain words are a clause ("said the quota was fair").
    plain = [w for w in middle if w.islower() and w not in GROUP_MODIFIERS and not any(c in w for c in "-0123456789")]
    if len(plain) > 1:
        return None
    name = NAME_AFTER_DESCRIPTION.match(text.text, match.end())
    if name is not None:
        # "said another Twitter user, Johanna Bayer.": the person the description introduces.
        person = entity(name.group(1), discourse, [" ".join(words[1:])])
        if person is not None:
            return _found(person, name.end())
    return _found(discourse.group(group_name(match.group(1))), match.end())


AFTER_RULES: tuple[SpeakerRule, ...] = (
    SpeakerRule("pronoun_after", PRONOUN_START, _pronoun_after, before=False),
    SpeakerRule("title_reference_after", TITLE_REF_START, _title_reference_after, before=False),
    SpeakerRule("role_reference_after", ROLE_REF_START, _role_reference_after, before=False),
    SpeakerRule("party_member_after", PARTY_MEMBER_START, _party_member_after, before=False),
    SpeakerRule("group_after", GROUP_START, _group_after, before=False),
    SpeakerRule("described_group_after", DESCRIBED_GROUP_START, _described_group_after, before=False),
    SpeakerRule("reversed_appositive_after", REVERSED_APPOSITIVE_START, _reversed_appositive_after, before=False),
    SpeakerRule("prenominal_title_after", DESCRIBED_START, _prenominal_title_after, before=False),
    SpeakerRule("name_after", NAME_START, _name_after, before=False),
    SpeakerRule("described_name_after", PREFIXED_NAME_START, _described_name_after, before=False),
)
# Right after a quotation ('"...," said the designer.') the words after the verb can only name its
# speaker: a description no other rule knows is read too. Elsewhere they may be the report itself.
QUOTATION_AFTER_RULES: tuple[SpeakerRule, ...] = (
    *AFTER_RULES,
    SpeakerRule("description_after", DESCRIPTION_START, _description_after, before=False),
)


def speaker_after(right: str, discourse: Discourse, rules: tuple[SpeakerRule, ...] = AFTER_RULES) -> Found:
    """The speaker right after an inverted verb (", said Marta Okonkwo, director of ...") and where it ends."""
    facts = Text.after(right)
    for rule in rules:
        found = rule.apply(facts, discourse)
        if found is not None:
            return found
    return NOBODY


# --- a subject no rule knows (second reading) -------------------------------------------------


# "One attendee", "Another delegate, ...": a sentence-initial quantifier and a lower-case noun, then maybe
# an appositive after a comma.
ONE_DESCRIBED = re.compile(r"((?:One|Another)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?:\s*,\s*(.+))?$")


# A subject that is a name (after up to three words: "Port delegate Ana Ruiz") and its appositive, a
# description of several parts: "Ana Ruiz, chief executive of Lunde, a Molde company".
_NAME_WITH_APPOSITIVE = re.compile(
    rf"(?:[\w'’.-]+\s+){{0,3}}?({NAME_RUN})\s*,\s*((?:[a-z]|[Tt]he\s|[Aa]n?\s)[^;:\"“”]*?)\s*,?"
)


def noun_phrase_subject(left: str, discourse: Discourse) -> Found:
    """The subject of "SUBJECT said" read as a noun phrase when no speaker rule knew it.

    ("Many speakers at the service said ...".) Only the second, fallback reading of a sentence
    with a plain reporting verb uses it.
    """
    reach = max(0, len(left) - SUBJECT_REACH)
    left = left[reach:]  # a subject is near its verb: keeps the reading linear
    if CHANNEL_NOUN_NAME_END.search(left):
        return NOBODY  # "columns Lena Brandt wrote": a text she wrote, as for name_before
    words = strip_fillers(left).split()
    while words and (words[-1].casefold() in FALLBACK_FILLER or (words[-1].endswith("ly") and words[-1].islower())):
        words.pop()
    if (
        not words
        or words[-1].casefold().strip(",") in NOT_SUBJECT_START | NOT_SUBJECT_JOIN
        or words[-1][-1] in '?!."”_'
    ):
        return NOBODY
    text = " ".join(words).rstrip(",")
    text = text[max(text.rfind('"'), text.rfind("”")) + 1 :]  # '"...," my father said': after the quote
    relative = next(
        (
            m
            for m in RELATIVE_CUT.finditer(text)
            if text[: m.start()].rsplit(None, 1)[-1:] != []
            and text[: m.start()].rsplit(None, 1)[-1].casefold() not in NOT_SUBJECT_JOIN
        ),
        None,
    )
    if relative:
        text = text[: relative.start()].rstrip(" ,")  # "groups that have endorsed him say": the groups
    lead = _NAME_WITH_APPOSITIVE.fullmatch(text.strip())
    if lead and title_from_appositive(lead.group(2)):
        # "Anne Ruiz, assistant secretary for ports, fisheries, and harbours, said": the name opening the subject,
        # however many commas its appositive holds (not the words after the last of them)
        speaker = _full_person(lead.group(1), discourse, [lead.group(2)])
        if speaker is not None:
            return Found(speaker, reach + left.rfind(lead.group(1)), "named_head_subject")
    cut = None
    for cut in CLAUSE_CUT.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    subject = text[cut.end() :] if cut else text
    comma = subject.rfind(", ")
    state_last = comma >= 0 and is_state(subject[comma + 2 :].strip())
    if comma >= 0 and len(subject[comma + 2 :].split()) <= 5 and len(subject[:comma].split()) >= 3 and not state_last:
        subject = subject[comma + 2 :]  # "..., several friends said": the words after the last comma
    elif state_last:
        # "... after a woman in Molde, Ohio, told him": a town and its state end the description
        described = re.search(r"(?:^|\s)((?:[Aa]n?|[Tt]he|[Oo]ne|[Ss]ome)\s+[^,]{1,60},\s*[^,]+)$", subject)
        subject = described.group(1) if described else subject
    subject = LEADING_CONJUNCTION.sub("", LEADING_PHRASE.sub("", subject).strip(" ,"))
    # "While those surveyed said": those surveyed; "- Democrats who watched said" (after an aside): Democrats
    subject = re.sub(r"^(?:[Ww]hile\s+|[Ww]hereas\s+|[—–-]+\s*)", "", subject)
    subject_words = subject.split()
    if not subject_words or len(subject_words) > 12 or "_" in subject:
        return NOBODY
    if VERB_INSIDE & {w.casefold() for w in subject_words} or subject_words[0].casefold() in NOT_SUBJECT_START:
        return NOBODY
    if subject_words[-1].casefold().strip(",") in NOT_SUBJECT_END:
        return NOBODY
    if subject_words[0] in {"He", "She", "They"} and len(subject_words) > 1 and subject_words[1] not in {"and", "or"}:
        # "He criticized the plan, Berg said": no group "He criticized the plan"; the pronoun opens its clause.
        speaker = discourse.pronoun(subject_words[0])
        start = reach + left.rfind(subject_words[0])
        return (
            NOBODY
            if speaker is None
            else Found(speaker, start, "pronoun_subject", (start, start + len(subject_words[0])))
        )
    position = reach + left.rfind(subject_words[0])
    described = ONE_DESCRIBED.match(subject)
    if described:
        # "One attendee, who spoke on condition of anonymity, said": one unnamed person, not "One"; named
        # after the comma ("One delegate, party chairwoman Nancy Worley, said"), that person.
        named = trailing_full_name(described.group(2) or "")
        speaker = entity(named, discourse, []) if named else None
        if speaker is not None and speaker.kind == "person":
            return Found(speaker, position, "named_head_subject")
        return Found(discourse.group(group_name(described.group(1))), position, "noun_phrase_subject")
    # A person named at the head of the subject ("RNC spokesman Sean Spicer on Thursday said").
    name = re.match(rf"(?:(?:[a-z][\w-]*\s+){{0,3}})({NAME_RUN})", subject)
    if (
        name
        and subject[: name.start(1)].strip().casefold() not in {"the", "a", "an"}
        and not set(subject[: name.start(1)].split()[-1:]) & PLACE_PREPOSITIONS  # "a woman in Molde": a place
        and not re.match(r"[\w'’-]+['’]s\b", name.group(1).split()[-1] + " ")
    ):
        split = clean_name(name.group(1))
        if split is not None and split[1] and not any(w.endswith(POSSESSIVE_S) for w in name.group(1).split()):
            speaker = entity(name.group(1), discourse, [])
            if speaker is not None:
                return Found(speaker, position, "named_head_subject")
    return Found(discourse.group(group_name(" ".join(subject_words[:8]))), position, "noun_phrase_subject")
