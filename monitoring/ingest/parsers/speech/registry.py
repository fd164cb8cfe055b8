"""The discourse registry: persons and groups met so far, and what a back-reference resolves to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..article import ParsedSpeaker
from ..gender import ROLE_WORDS, gender_from
from ..media import media_name
from ..names import normalise_name
from .entities import title_organizations
from .patterns import CAPITAL_RUN, OUTLET_REPORTING
from .vocabulary import BACK_REFERENCE_ROLES, PRONOUN_WORDS, PRONOUNS

# The speaker of a question whose asker is not named (an interviewer, a pollster, a reporter).
UNNAMED_ASKER = "unnamed questioner"


@dataclass(slots=True)
class Discourse:
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
    # The words the article prints in lower case: such a word alone, capitalised, names nobody ("Research said").
    lower_words: frozenset[str] = frozenset()
    # Changed on every write: a draft still at its registry's version was left untouched.
    version: int = 0
    # Persons in the order they were last named or heard, for "he" and "she" (most recent last).
    recent: list[tuple[str, list[str]]] = field(default_factory=list)
    # Gender by name key, from honorifics, role words, given names and pronouns already resolved.
    genders: dict[str, str] = field(default_factory=dict)
    # Gender by surname, from "Mr. King", "Ms. Lynch" anywhere in the article.
    surname_genders: dict[str, str] = field(default_factory=dict)
    # The person a sentence without speech was about (its subject), and where that sentence ended.
    subject_mention: tuple[str, list[str], int] | None = None
    # Where the sentence being read starts (set on a draft): is ``subject_mention`` right before it?
    here: int = -1
    # The last speaker, when an unnamed person ("a spokeswoman for the port") and nobody named since.
    unnamed_speaker: ParsedSpeaker | None = None

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
        self.unnamed_speaker = None  # a person named since: "he" is no more the unnamed speaker
        key = normalise_name(name)
        if gender and key not in self.genders:
            self.genders[key] = gender

    def draft(self, here: int = -1) -> Discourse:
        """A copy for rules to read and write: the registry itself changes only by ``adopt``.

        Rules register the speakers they look up (a surname resolved to a full name, a title
        added, a pronoun's gender noted) in the draft; a rejected reading throws its draft
        away, so it can leave no phantom speaker or title behind.
        """
        copies = {
            id(s): ParsedSpeaker(s.name, s.kind, list(s.titles), list(s.organizations), rule=s.rule)
            for s in self.by_key.values()
        }

        def copied(speaker: ParsedSpeaker | None) -> ParsedSpeaker | None:
            return None if speaker is None else copies.get(id(speaker), speaker)

        return Discourse(
            by_key={key: copies[id(s)] for key, s in self.by_key.items()},
            by_token={key: copied(s) for key, s in self.by_token.items()},
            last_person=copied(self.last_person),
            last_group=copied(self.last_group),
            mentioned_group=self.mentioned_group,
            known=dict(self.known),
            shared=set(self.shared),
            shared_names=self.shared_names,
            article_names=self.article_names,
            outlets=self.outlets,
            lower_words=self.lower_words,
            version=self.version,
            recent=list(self.recent),
            genders=dict(self.genders),
            surname_genders=self.surname_genders,
            subject_mention=self.subject_mention,
            here=here,
            unnamed_speaker=copied(self.unnamed_speaker),
        )

    def adopt(self, draft: Discourse) -> None:
        """Take over what an accepted reading registered in its draft."""
        for name in self.__slots__:
            setattr(self, name, getattr(draft, name))
        self.version += 1

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
        if re.sub(r"['’](?:s|d|ll|re|ve|m)$", "", name.casefold()) in PRONOUN_WORDS or media_name(name, self.outlets):
            return None  # "he", "He’s": a pronoun nobody could be found for
        if OUTLET_REPORTING.search(name) and any(media_name(run, self.outlets) for run in CAPITAL_RUN.findall(name)):
            return None  # "the Prairie Times report", "a report by CNN": the outlet's own reporting (a poll is data)
        speaker = self.side_group(name)
        self.last_group = speaker
        self.mentioned_group = None
        return speaker

    def unnamed_asker(self) -> ParsedSpeaker:
        """Whoever put a question the text reports without naming the asker ("Asked whether ..., she said")."""
        return self.side_group(UNNAMED_ASKER)

    def side_group(self, name: str) -> ParsedSpeaker:
        """A group that reports on the side of a sentence (an unnamed asker, "voters who said ...").

        Registered as a group, but not as the last group: "they" still stands for the sentence's own."""
        self.version += 1
        key = "group:" + normalise_name(name)
        speaker = self.by_key.get(key)
        if speaker is None:
            speaker = self.by_key[key] = ParsedSpeaker(name=name, kind="group")
        return speaker

    def side_speaker(self, draft: Discourse, speaker: ParsedSpeaker) -> ParsedSpeaker | None:
        """A speaker that reports on the side of a sentence (a named asker, "his claim that ..."), as ``draft``
        registered it: registered here too (the one already here under its key, if any), but not made the
        person last named. None when the draft did not register it."""
        for key, drafted in draft.by_key.items():
            if drafted is speaker:
                return self.by_key.setdefault(key, speaker)
        return None

    def by_title(self, title: str, back_reference: bool = False) -> ParsedSpeaker | None:
        """The person a role names: the most recent one with that role on record; with
        ``back_reference`` (a lower-case description such as "the billionaire businessman", not a
        capitalised title such as "King"), else the most recent compatible person."""
        head = title.split(" of ")[0].split()[-1].casefold()  # "the secretary of state": a secretary
        best = None
        for speaker in self.by_key.values():
            if speaker.kind == "person" and _has_role(head, speaker.titles):
                best = speaker
        if self.last_person is not None and _has_role(head, self.last_person.titles):
            return self.last_person
        last = self.last_person
        if back_reference and head in BACK_REFERENCE_ROLES and last is not None and not last.titles:
            # "Obama said ... The president also said": the person heard since the last one on record
            # with that role, when it is the role of a body ("World Bank President Jim Kim"), whose own
            # role the text never printed (a bare "Sen. Mara Holt" is "the senator").
            names = [name for name, _ in self.recent]
            holders = [index for index, (_, titles) in enumerate(self.recent) if _has_role(head, titles)]
            if (
                holders
                and last.name in names
                and names.index(last.name) > holders[-1]
                and _role_of_a_body(head, self.recent[holders[-1]][1])
            ):
                return last
        # "the minister": the most recent person named or heard with that role, speaker or not.
        for name, titles in reversed(self.recent):
            if _has_role(head, titles):
                return self.person(name, titles)
        if best is None and back_reference and head in BACK_REFERENCE_ROLES:
            # "the billionaire businessman" with nobody on record in that role: the person the
            # text is about, as for "he" (a role names a person; it is not saved as a speaker).
            found = self.referent(ROLE_WORDS.get(head))
            if found is not None:
                return self.person(*found)
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

    def referent(self, wanted: str | None) -> tuple[str, list[str]] | None:
        """The person "he" ("m") or "she" ("f") stands for, among those whose gender does not contradict it.

        The subject of the sentence just before, when it had no speech ("Tomas Berg arrived. He
        said ..."); else the most recent speaker; else the most recent person named. ``wanted``
        None (a role noun of no gender, "the candidate") takes either.
        """
        compatible = [
            (name, titles)
            for name, titles in reversed(self.recent)
            if wanted is None or self.gender(name, titles) in (None, wanted)
        ]
        if not compatible:
            return None
        subject = self.subject_mention
        if (
            subject is not None
            and 0 <= self.here - subject[2] <= 4
            and (wanted is None or self.gender(subject[0], subject[1]) == wanted)
        ):
            return subject[0], subject[1]  # "Tomas Berg arrived late. He said ...": the sentence just before
        for name, titles in compatible:
            if normalise_name(name) in self.by_key:
                return name, titles  # a speaker: news goes on quoting the one it quoted
        return compatible[0]

    def unnamed_referent(self, word: str) -> ParsedSpeaker | None:
        """The unnamed person "he" or "she" stands for: the last speaker, when described as one person
        ("A spokeswoman for the port said ... She added ...") and nobody was named since, unless the
        description says the other gender ("a spokesman" is no "she")."""
        speaker = self.unnamed_speaker
        if speaker is None or description_gender(speaker.name) not in (None, pronoun_gender(word)):
            return None
        return self.group(speaker.name)

    def pronoun(self, word: str) -> ParsedSpeaker | None:
        kind = PRONOUNS[word.casefold()]
        if kind == "person":
            # The most recent person named or heard whose gender does not contradict the pronoun.
            found = self.referent(pronoun_gender(word))
            if found is None:
                return None
            speaker = self.person(*found)
            self.genders.setdefault(normalise_name(speaker.name), "m" if word.casefold() == "he" else "f")
            return speaker
        if self.mentioned_group is not None:
            return self.group(self.mentioned_group)
        return self.last_group


def description_gender(description: str) -> str | None:
    """The gender a description of a person says ("a spokeswoman", "one man in the crowd"), if any."""
    for word in description.casefold().split():
        gender = ROLE_WORDS.get(word) or {"man": "m", "woman": "f"}.get(word)
        if gender:
            return gender
    return None


def pronoun_gender(word: str) -> str:
    return "m" if word.casefold() == "he" else "f"


# Abbreviated titles before a name ("Sen. Marco Rubio"): the role a later "the senator" names.
TITLE_ABBREVIATIONS = {
    "senator": ("sen.",),
    "governor": ("gov.",),
    "representative": ("rep.",),
    "congressman": ("rep.",),
    "congresswoman": ("rep.",),
    "general": ("gen.",),
    "lieutenant": ("lt.",),
}


def _role_of_a_body(head: str, titles: list[str]) -> bool:
    """Whether the titles give the role as that of a named body ("World Bank President"), not alone
    ("Sen.", "former President")."""
    words = (head, *TITLE_ABBREVIATIONS.get(head, ()))
    return all(
        any(word[:1].isupper() and word.casefold() not in words for word in title.split())
        for title in titles
        if _has_role(head, [title])
    )


def _has_role(head: str, titles: list[str]) -> bool:
    """Whether one of the titles is the role ``head`` names, written out or abbreviated."""
    words = (head, *TITLE_ABBREVIATIONS.get(head, ()))
    return any(
        word in title.casefold() if word == head else word in title.casefold().split()
        for title in titles
        for word in words
    )
