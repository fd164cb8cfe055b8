"""Who said what in one sentence: the ordered attribution rules, read around each reporting verb.

A sentence is read at its reporting cues in order (``cue_matches``). At each cue the rules of
``CUE_RULES`` are tried in their order; each is a named object with a ``guard`` (does it apply to
this cue at all) and a ``build`` that returns

* an :class:`Attribution` (speaker, cue, content span, channel): the reading is found;
* ``None``: this rule has no reading, the next rule is tried;
* ``REJECT``: the cue is no report ("Republican claims", "proposed a tax"), the next cue is tried.

A rule gets a *draft* of the discourse registry (``Discourse.draft``) to look speakers up in
and register them; the draft travels with the attribution and the pipeline adopts it only when
it accepts the attribution. A rejected reading's draft is dropped, so it leaves nothing behind.
When no cue gives a reading, ``according_to_document`` ("..., according to a statement") is
the last resort.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Final

from ..article import ParsedSpeaker
from .entities import entity, group_name, is_filler, is_state, strip_fillers, title_from_appositive, trailing_full_name
from .lexicon import (
    COMMITMENT_CUES,
    CUE_FIRST_WORDS,
    DIRECTIVE_CUES,
    NEEDS_THAT,
    NOUN_LIKE,
    OBJECT_VERBS,
    PARTICIPLE_CUES,
    PLAIN_CUES,
    PLAIN_FORMS,
    QUESTION_CUES,
    THAT_NEXT,
    TOPIC_BASE_FORMS,
    TOPIC_NOUN_GOVERNS,
    TOPIC_OWNED_GOVERNS,
    TOPIC_VERB_GOVERNS,
    VERBS_BEFORE_CLAUSE,
)
from .patterns import (
    ACCORDING_CHANNEL,
    ADDING_RE,
    ADDING_TO,
    ADVERB_END,
    AND_END,
    ANONYMITY_AFTER,
    APPOSITIVE_SPLIT,
    ASIDE_CLOSE_AHEAD,
    ASIDE_PARTICIPLE_LEFT,
    AUXILIARY_START,
    BY_PARTICIPLE_AHEAD,
    CHANNEL_RE,
    CHANNEL_SOURCE,
    CIRCUMSTANCE_AFTER_OBJECT,
    CIRCUMSTANCE_GOES_ON,
    CIRCUMSTANCE_START,
    CLAUSE_AHEAD_RE,
    CLAUSE_BREAK_AHEAD,
    CONDITION_OPENING,
    CONTINUES_ACT,
    CUE_RE,
    DASH_ASIDE_END,
    DELEGATES_AHEAD,
    FREE_RELATIVE_END,
    FRONTED_GROUP_OPENING,
    FRONTED_VERB,
    GAP_AHEAD,
    GAPPED_RELATIVE_END,
    GROUP_RELATIVE,
    GROUP_RELATIVE_END,
    HEADLINE_CUE,
    IMPERSONAL_SUBJECT,
    INFINITIVE_END,
    INFINITIVE_REPORT_AHEAD,
    INFINITIVE_START,
    INTERVIEW_WITH,
    INVERSION_AHEAD,
    INVERSION_REST,
    LEADING_CONJUNCTION,
    LEADING_DETERMINER,
    LEADING_PHRASE,
    MAIN_CLAUSE_SUBJECT,
    NAME_RUN_RE,
    NOT_CONTENT_START,
    NOUN_REPORT,
    NOUN_REPORT_BY,
    NOUN_REPORT_END,
    OBJECT_INFINITIVE_START,
    OBJECT_RE,
    OPENING_PARTICIPLE_LEFT,
    OPENING_PARTICIPLE_WORD,
    PARTIAL_CUE_RE,
    PARTICIPLE_AFTER,
    PASSIVE_END,
    PLURAL_NOUN,
    POSSESSIVE_END,
    POSSESSIVE_S,
    PREFIX_RE,
    PREPOSITION_START,
    QUESTION_ASKED,
    QUESTION_OBJECT,
    QUOTE_MARK,
    QUOTED_AUXILIARY,
    QUOTED_BY,
    QUOTED_CLAUSE_END,
    RELATIVE_NOT_CONTENT,
    RELATIVE_REPORT,
    REPORT_GOES_ON,
    REPORT_GOES_ON_AFTER_SEMICOLON,
    REPORT_RESUMES_RE,
    RESPONDS_ACT,
    SAYING_CIRCUMSTANCE,
    SENTENCE_SUBJECT,
    SPEECH_NOUN_HINT,
    SUBORDINATE_OPENING,
    SUBORDINATE_SUBJECT,
    THAT_AHEAD,
    THAT_START,
    TOPIC_END,
    TOPIC_HINT,
    TOPIC_NOT_OBJECT,
    TOPIC_NOUN_ISSUED,
    TOPIC_NOUN_REPORT,
    TOPIC_OBJECT,
    TOPIC_VERB_REPORT,
    TRAILING_ACCORDING,
    WEEKDAY,
    WITH_SUBJECT_END,
    WORD_RE,
)
from .registry import Discourse
from .spans import NOUN_REPORT_RULE, RELATIVE_REPORT_RULE, TOPIC_REPORT_RULE, content_before, trim
from .speaker_rules import (
    AFTER_RULES,
    QUOTATION_AFTER_RULES,
    Found,
    SpeakerRule,
    mention_extent,
    noun_phrase_subject,
    speaker_after,
    speaker_before,
)
from .vocabulary import AUXILIARIES, MENTION_DETERMINERS, OBJECT_PRONOUNS, PLURAL_PRONOUNS


@dataclass(slots=True)
class Attribution:
    """A candidate reading of one sentence: nothing is registered until the pipeline accepts it."""

    speaker: ParsedSpeaker
    cue: str
    cue_start: int
    cue_end: int
    content: tuple[int, int] | None
    channel: str | None
    # "<cue rule>/<speaker rule>": what produced this reading (``parse_article --explain``).
    rule: str = ""
    # The registry as this reading leaves it; adopted by the pipeline on acceptance.
    draft: Discourse | None = field(default=None, repr=False)
    # "Berg told aides that X, according to two aides.": the source the sentence ends with reports it all.
    also: Attribution | None = None
    # Where the speaker's mention was read ("the port's chief, Ana Ruiz,", "she"): (start, end) in the text, or
    # None where the rule does not say.
    source: tuple[int, int] | None = None

    def cue_read(self, text: str) -> tuple[int, int]:
        """Where the cue stands as a verb group: with the auxiliaries and adverbs between the subject and the verb
        ("Berg has repeatedly said") and a colon right after it ("she said:")."""
        start, end = self.cue_start, self.cue_end
        if self.source is not None and self.source[1] <= start:
            while (word := _LAST_WORD.search(text, self.source[1], start)) is not None and is_filler(word.group(1)):
                start = word.start(1)
            chain = _VERB_CHAIN.fullmatch(text, self.source[1], start)
            if chain is not None:
                start = chain.start(1)  # "The engineer declined to say", "goes on to say"
        if text.startswith(":", end):
            end += 1
        return start, end


_LAST_WORD = re.compile(r"(?<!\S)(\S+)\s+$")
# The verb of a catenative chain between a subject and its reporting verb ("declined to", "goes on to").
_VERB_CHAIN = re.compile(r"\s+((?:[a-z]+\s+){1,3}to)\s+")


class _Reject:
    def __repr__(self) -> str:
        return "REJECT"


REJECT: Final = _Reject()
Built = Attribution | _Reject | None


@dataclass(slots=True)
class Cue:
    """One reporting cue in one sentence, with what the rules read around it."""

    masked: str
    start: int
    end: int
    match: re.Match[str]
    channel: str | None
    fallback: bool

    @property
    def sentence(self) -> str:
        return self.masked[self.start : self.end]

    @property
    def words(self) -> str:
        return self.match.group()

    @property
    def cue_start(self) -> int:
        return self.start + self.match.start()

    @property
    def cue_end(self) -> int:
        return self.start + self.match.end()

    @property
    def left(self) -> str:
        return self.masked[self.start : self.cue_start]

    @property
    def right(self) -> str:
        return self.masked[self.cue_end : self.end]

    @property
    def is_verb(self) -> bool:
        """A reporting verb (not "according to", not "quoted as saying")."""
        return not self.words.casefold().startswith("according to") and "quoted" not in self.words

    def before(self, found: Found) -> tuple[int, int] | None:
        """Where the subject found in ``left`` stands in the text."""
        return found.shifted(self.start)

    def after(self, found: Found) -> tuple[int, int] | None:
        """Where the subject found in ``right`` stands in the text."""
        return found.shifted(self.cue_end)

    def after_words(self, words: str) -> tuple[int, int] | None:
        """Where ``words``, read in ``right`` ("according to X"), stand in the text."""
        start = self.cue_end + self.right.find(words)
        return (start, start + len(words)) if words else None

    def subject_opening(self, found: Found, start: int) -> Found:
        """``found``, read in the words at ``start`` of the sentence, as the subject of this cue's verb (its
        position the verb's, its mention where it stands)."""
        return Found(found.speaker, len(self.left), found.rule, found.shifted(start))

    def attribution(self, speaker: ParsedSpeaker, content: tuple[int, int] | None, **changes) -> Attribution:
        values = {"cue": self.words, "cue_start": self.cue_start, "cue_end": self.cue_end, "channel": self.channel}
        values.update(changes)
        return Attribution(speaker, content=content, **values)


@dataclass(frozen=True, slots=True)
class CueRule:
    """One way of reading a sentence at a reporting cue."""

    name: str
    guard: Callable[[Cue], bool]
    build: Callable[[Cue, Discourse], Built]


def _channel_source(cue: Cue) -> tuple[str, int]:
    """The words after "according to" up to the next comma, and where that comma is."""
    after = cue.right
    comma = after.find(",")
    source = after[: comma if comma >= 0 else len(after)]
    dash = re.search(r"\s(?:-|--|—|–)\s", source)  # "according to the Tax Policy Center - half a point of ..."
    return source[: dash.start() if dash else len(source)].strip().rstrip("."), comma


# What the writer adds after "A, according to X, ...": a clause of its own ("but ...", "even as ...") or one on X
# ("which tracks ..."), not the rest of A.
WRITER_CLAUSE = re.compile(r"\s*(?:but|while|whereas|even|which)\b")


def _according_content(cue: Cue, comma: int) -> tuple[int, int] | None:
    """ "According to X, CONTENT." or "CONTENT, according to X." (or around: "Since May, according to X, ...")."""
    masked, start, end = cue.masked, cue.start, cue.end
    after = cue.right
    if (
        cue.left.strip()
        and comma >= 0
        and len(after[comma + 1 :].split()) >= 3
        and not (len(cue.left.split()) >= 3 and WRITER_CLAUSE.match(after, comma + 1))
    ):
        return trim(masked, start, end)
    if cue.left.strip():
        return trim(masked, start, cue.cue_start)
    return trim(masked, cue.cue_end + (comma if comma >= 0 else len(after)), end)


def _according_to(cue: Cue, draft: Discourse) -> Built:
    """ "According to X, ..." with X a person, a body or a group (not a document: see below)."""
    source_text, comma = _channel_source(cue)
    if CHANNEL_SOURCE.match(source_text):
        return REJECT  # "according to a statement": the document rule reads it if nothing else does
    found = speaker_after(" " + source_text, draft)
    speaker, rule = found.speaker, found.rule
    bare = LEADING_DETERMINER.sub("", source_text)
    if speaker is None and bare[:1].isupper():
        speaker, rule = entity(bare, draft, []), "name"
    if speaker is None and source_text[:1].islower():
        speaker, rule = draft.group(group_name(source_text)), "group"
    elif speaker is None and source_text:
        speaker, rule = entity(source_text, draft, []), "name"
    if speaker is None:
        return REJECT
    return cue.attribution(
        speaker,
        _according_content(cue, comma),
        cue="according to",
        rule=f"according_to/{rule}",
        source=cue.after_words(source_text),
    )


def _quoted_as_saying(cue: Cue, draft: Discourse) -> Built:
    """ "X was quoted as saying ...", "the agency quoted him as saying ..."."""
    channel = cue.channel
    source = None
    if re.match(r"(?:was|were|is|are)\s+quoted", cue.words):
        found = speaker_before(cue.left, draft)
        speaker, rule, source = found.speaker, found.rule, cue.before(found)
    else:
        target = re.match(r"quoted\s+(.+?)\s+as\s+saying", cue.words).group(1)
        if target.casefold() in OBJECT_PRONOUNS:
            speaker, rule = draft.pronoun(OBJECT_PRONOUNS[target.casefold()]), "pronoun"
        else:
            speaker, rule = entity(target, draft, []), "name"
        by = QUOTED_BY.search(cue.sentence)
        channel = by.group(1) if by else channel
    if speaker is None:
        return REJECT
    that = THAT_START.match(cue.right)
    content = trim(cue.masked, cue.cue_end + (that.end() if that else 0), cue.end)
    return cue.attribution(speaker, content, channel=channel, rule=f"quoted_as_saying/{rule}", source=source)


def _not_a_report(cue: Cue) -> bool:
    """A verb that reports nothing here: an adjective, an act, a condition or a passive."""
    words, left, right = cue.words, cue.left, cue.right
    return (
        (words == "pledged" and bool(DELEGATES_AHEAD.match(right)))  # "pledged delegates"
        or (words == "adding" and bool(ADDING_TO.match(right)))  # "adding to her lead"
        or (words in THAT_NEXT and not _that_clause_next(right))  # "did not mention Trump, but told them that"
        or (
            words in NEEDS_THAT
            and not THAT_AHEAD.match(right)
            and not (words in COMMITMENT_CUES and INFINITIVE_START.match(right))  # "promising to rebuild"
            and not (words in DIRECTIVE_CUES and OBJECT_INFINITIVE_START.match(right))  # "urging him to wait"
            and not (words in PARTICIPLE_CUES and CLAUSE_AHEAD_RE.match(right))  # "suggesting the town should"
        )  # "proposed a tax", "revealed its plans"
        or (words.startswith("ask") and bool(ANONYMITY_AFTER.match(right)))  # "who asked not to be named"
        or bool(POSSESSIVE_END.search(left))  # "Ana Ruiz's warning that ...": a noun (see noun_report)
        or left.endswith((" no ", "No "))  # "There's no denying he won": a noun
        or bool(BY_PARTICIPLE_AHEAD.match(right))  # "responded by saying that ...": the participle reports
        or (words == "tell" and not OBJECT_RE.match(right))  # "time will tell if ...", "tell itself": nobody is told
        or (
            words.startswith(("continu", "answer", "shot back", "fired back")) and bool(CONTINUES_ACT.match(right))
        )  # "continues to trail", "continued his tour", "answered questions", "shot back up"
        or (
            words.startswith("respond") and bool(RESPONDS_ACT.match(right)) and "_" not in right
        )  # "responded with a lawsuit" (not "responded with a phrase: "...""; a quotation is masked)
        or (
            (words.split()[0].endswith("ed") or words in {"told", "said", "written"})
            and bool(PASSIVE_END.search(left, max(0, len(left) - 24)))
        )  # "the issue was reported by the Post": the subject is not a speaker
        or bool(FREE_RELATIVE_END.search(left, max(0, len(left) - 60)))  # "Nothing the mayor said ...": a noun phrase
    )


def _that_clause_next(right: str) -> bool:
    """Whether a that-clause starts right after the verb: "maintain that the port ...", not "mention that on
    the trail" (a demonstrative) nor "add that." at the sentence's end."""
    that = THAT_START.match(right)
    return bool(that) and not RELATIVE_NOT_CONTENT.match(right, that.end()) and bool(WORD_RE.match(right, that.end()))


def _inverted_content(cue: Cue) -> tuple[int, int] | None:
    return trim(cue.masked, cue.start, cue.start + len(cue.left.rstrip()))


def _after_rules(cue: Cue) -> tuple[SpeakerRule, ...]:
    """The speaker rules for the words after an inverted verb: more of them right after a quotation."""
    return QUOTATION_AFTER_RULES if cue.left.rstrip().endswith(('"', "”")) else AFTER_RULES


def _speaker_last(cue: Cue, draft: Discourse) -> Built:
    """ "CONTENT, said Larry Sabato, director of the Center.": the verb before its subject, and the
    sentence ends with the speaker (a name ending the content is no subject then)."""
    found = speaker_after(cue.right, draft, _after_rules(cue))
    if found.speaker is None or not INVERSION_REST.fullmatch(cue.right, found.position):
        return None
    return cue.attribution(
        found.speaker, _inverted_content(cue), rule=f"speaker_last/{found.rule}", source=cue.after(found)
    )


def _is_participle(cue: Cue) -> bool:
    """A participle continuing a clause: "..., arguing", "saying", or after quoted words ending in a comma."""
    # ("Berg answered by saying that ...", "Hannity went on by asking whether ...", "Berg turned to arguing that
    # ...", "Berg spoke before adding that ...": after "by", "to", "before" or "after" too; an adverb may stand
    # before it: "..., falsely suggesting that ...")
    return cue.words in PARTICIPLE_CUES and (
        cue.words == "saying"
        or ADVERB_END.sub("", cue.left.rstrip()).endswith((",", ',"', ",”", " by", " to", " before", " after"))
        or _while_reporting(cue)
    )


def _while_reporting(cue: Cue) -> bool:
    """ "Berg spoke on Monday, while arguing the port should close": a participle after "while" reports when a
    clause follows it (not "while adding two seats")."""
    return ADVERB_END.sub("", cue.left.rstrip()).endswith(" while") and bool(CLAUSE_AHEAD_RE.match(cue.right))


def _is_infinitive(cue: Cue) -> bool:
    """ "Berg took to the radio to say that ...", "Ruiz refused to concede he lost": a reporting verb's plain form
    after "to" and before a clause, whose subject opens the sentence (not "it is fair to say", "the mayor is
    expected to announce", nor "to admit refugees": no clause)."""
    return (
        cue.words in PLAIN_FORMS
        and bool(INFINITIVE_END.search(cue.left))
        and not IMPERSONAL_SUBJECT.search(cue.left)
        and bool(INFINITIVE_REPORT_AHEAD.match(cue.right))
    )


def _after_by(cue: Cue) -> bool:
    """ "Berg answered by saying ...", "Berg met the crew after saying ...": a participle after "by", "before",
    "after" or "while", whose subject opens the sentence (no subject ends with "while")."""
    return cue.words in PARTICIPLE_CUES and ADVERB_END.sub("", cue.left.rstrip()).endswith(
        (" by", " before", " after", " while")
    )


def _noun_not_verb(cue: Cue, speaker: ParsedSpeaker, inverted: bool, new_single_name: bool) -> bool:
    """ "island states called", "Republican claims": a noun that is also a cue, with no clear person (but "experts
    note that ...", "they claim it will ...": the plain form after a plural subject is a verb)."""
    return (
        cue.words in NOUN_LIKE
        and (inverted or speaker.kind != "person" or new_single_name)
        and (inverted or not _after_plural_subject(cue))
        # "The port authority claims the pier is safe", "the suit claims that ...": a clause follows the verb of a
        # group or body read before it (not after a name first met here: "Republican claims that ...").
        and (inverted or new_single_name or not _verb_before_clause(cue))
    )


# Words before a noun ("concerns rose over claims that ..."), never before a verb.
_NOUN_OPENERS = frozenset(
    "of over about amid despite against by for from with on in at to into among the his her".split()
)


def _verb_before_clause(cue: Cue) -> bool:
    """ "The port authority claims the pier is safe", "the suit claims that ...": a verb of the lexicon's
    ``VERBS_BEFORE_CLAUSE`` with a clause after it and no preposition or article before it."""
    before = cue.left.split()[-1:]
    return (
        cue.words in VERBS_BEFORE_CLAUSE
        and not (before and before[0].casefold() in _NOUN_OPENERS)
        and bool(CLAUSE_AHEAD_RE.match(cue.right))
    )


def _after_plural_subject(cue: Cue) -> bool:
    """A cue's plain form ("note", "claim") right after a plural subject ("experts", "they"), so a verb agreeing
    with it ("the claim" or "Republican claim" are nouns: no plural before them)."""
    if cue.words.endswith("s"):
        return False
    words = cue.left.split()
    last = words[-1] if words else ""
    return last.casefold() in PLURAL_PRONOUNS or bool(PLURAL_NOUN.fullmatch(last))


def _with_channel_tail(cue: Cue, content: tuple[int, int] | None) -> tuple[tuple[int, int] | None, str | None]:
    """ "..., according to a statement released after the meeting": a channel, not content."""
    channel = cue.channel
    if content is not None:
        tail = ACCORDING_CHANNEL.search(cue.masked, content[0], content[1])
        if tail:
            channel = channel or tail.group(1)
            content = trim(cue.masked, content[0], tail.start())
    return content, channel


def _subject_reading(cue: Cue, found: Found, reading: str, new_single_name: bool = False) -> Built:
    if found.speaker is None:
        return None
    if _noun_not_verb(cue, found.speaker, False, new_single_name):
        return REJECT
    content, channel = _content_and_channel(cue, found.position)
    return cue.attribution(
        found.speaker, content, channel=channel, rule=f"{reading}/{found.rule}", source=found.shifted(cue.start)
    )


# The preposition a reporting verb governs ("boasted of", "joked about", "warned against", "asked for"); after
# "said" it names whom or what the words were about ("said of politicians, ..."), part of the report.
GOVERNED_PREPOSITION = re.compile(r"(?:of|about|against)\s+(?=[\w\"“])")


def _content_and_channel(cue: Cue, subject_start: int) -> tuple[tuple[int, int] | None, str | None]:
    """The content of "X said (that) CONTENT" or of "CONTENT, X said" (or around it), and the channel.

    A trailing "according to a statement" is cut from the content and taken as the channel.
    """
    masked, right = cue.masked, cue.right
    prefix_end = 0
    if cue.words in OBJECT_VERBS or cue.words in QUESTION_CUES:
        obj = (OBJECT_RE if cue.words in OBJECT_VERBS else QUESTION_OBJECT).match(right)
        if obj:
            prefix_end = obj.end()
        that_after_object = THAT_AHEAD.match(right, prefix_end) if cue.words in OBJECT_VERBS else None
        if that_after_object is not None and (not obj or PREPOSITION_START.match(right[prefix_end:].lstrip())):
            # "told customers at a cafe in Dover that ...", "told the crowd at a rally that ...": whom and where,
            # then the report ("told reporters the deal that he signed was dead": a relative clause).
            prefix_end = that_after_object.end() - len("that")
    prefix = PREFIX_RE.match(right, prefix_end)
    offset = prefix.end() if prefix else prefix_end
    governed = GOVERNED_PREPOSITION.match(right, offset) if cue.words not in SAID else None
    if governed:
        offset = governed.end()  # "boasted of winning", "warned against ...": what was said follows
    that = THAT_START.match(right, offset)
    if that:
        offset = that.end()
    content, channel = _with_channel_tail(cue, trim(masked, cue.cue_end + offset, cue.end))
    if (
        content is not None
        and not that
        and (NOT_CONTENT_START.match(masked, content[0]) or PARTICIPLE_AFTER.match(right))
    ):
        content = None  # "responded with logic", "said, looking out on the crowd"
    phrase_skipped = right[prefix_end:offset].strip(" ,")
    if content is not None and not that and phrase_skipped and AUXILIARY_START.match(masked, content[0]):
        content = None  # "The pledges announced in Geneva will be tracked": a participle, not speech
    if content is not None and cue.words.startswith("continu") and not that:
        content = None  # "continues his adulation": not speech without "that"
    remainder = right[offset:].strip() if content is not None else ""
    before_subject = cue.left[:subject_start].rstrip()
    if right.lstrip().startswith(":"):
        content = None  # "she said:" introduces a quotation that follows
        after_colon = right.lstrip()[1:]
        if (
            _clause_before(before_subject)
            and len(after_colon.split()) >= 3
            and not QUOTE_MARK.search(after_colon)
            and "_" not in after_colon
        ):
            content = trim(masked, cue.start, cue.end)  # "A, insiders said: B." (no quotation): all of it
    elif content is None or not that and len(remainder.split()) < 2:
        content = content_before(masked, cue.start, before_subject)
    elif before_subject.endswith(",") and ADDING_RE.match(right):
        content = content_before(masked, cue.start, before_subject)  # "A, she said, adding that B": A
    elif before_subject.endswith(",") and right.lstrip().startswith(",") and not that:
        # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": content on both sides.
        content = trim(masked, cue.start, cue.end)
    return content, channel


def _participle_after_with(cue: Cue, draft: Discourse) -> Built:
    """ "..., with 50 percent saying the pier was unsafe", "The talk ended with Ana Ruiz asking whether ...": the words
    between "with" and a participle are its subject (a name there is no object of "with")."""
    subject = WITH_SUBJECT_END.search(cue.left)
    found = speaker_before(subject.group(1), draft)
    if found.speaker is None or subject.group(1)[: found.position].strip():
        return None  # (the whole subject must be the speaker: "with the plan of Berg's aides saying")
    if found.speaker.kind != "person" and found.rule != "share_before":
        return None  # ("with the economy adding ...", "with an editor's note saying ...": a person or a share only)
    subject_found = cue.subject_opening(found, subject.start(1))
    return _subject_reading(cue, subject_found, "participle_after_with")


def _subject_found(cue: Cue, draft: Discourse) -> tuple[Found | None, bool]:
    """The subject right before the verb, and whether it is a one-word name first met there (which may be a
    noun read as a name: see `_noun_not_verb`)."""
    known = len(draft.by_key)
    found = speaker_before(cue.left, draft)
    if found.speaker is None:
        return None, False
    return found, " " not in found.speaker.name and len(draft.by_key) != known


def _subject_before_verb(cue: Cue, draft: Discourse) -> Built:
    """ "X said (that) CONTENT", "CONTENT, X said": the subject right before the verb (``SUBJECT_RULES``)."""
    found, new_single_name = _subject_found(cue, draft)
    if found is None:
        return None
    built = _subject_reading(cue, found, "subject_before_verb", new_single_name)
    if isinstance(built, Attribution) and built.content is not None and built.content[0] >= cue.cue_end:
        if _parenthetical(cue):
            built.content = _with_opening(cue, cue.left[: found.position], built.content)
        elif CONDITION_OPENING.match(cue.left[: found.position]):
            # "If the port closes, Berg said he would leave.": the condition is part of what he said.
            built.content = trim(cue.masked, cue.start, built.content[1]) or built.content
    return built


def _dash_aside_subject(cue: Cue, draft: Discourse) -> Built:
    """ "Ana Ruiz - the port's director - said ...", "Some economists — including two at the bank — warn that
    ...": the subject before an aside between dashes that stands right before the verb."""
    aside = DASH_ASIDE_END.search(cue.left)
    if aside is None:
        return None
    # Read as the verb's subject with the aside left out: "Ana Ruiz, the chief of Lund Media -- ... -- told" as
    # "Ana Ruiz, the chief of Lund Media, told" (a name and its appositive, not the description alone).
    head = cue.left[: aside.start()]
    found = speaker_before(head + ", ", draft) if "," in head else None
    if found is None or found.speaker is None or found.speaker.kind != "person":
        found = speaker_before(head, draft)  # ("Even so, some economists -- ... -- warn")
    if found.speaker is None:
        return None
    words = aside.group("aside")
    named = NAME_RUN_RE.match(words)
    if named and words[named.end() : named.end() + 1] in {"", ","}:
        # ("A former port director -- Ana Ruiz, who ... -- said": the aside names the subject.)
        person = entity(named.group(), draft, [])
        if person is not None:
            found = Found(person, found.position, "aside_name", found.extent)
    built = _subject_reading(cue, found, "dash_aside_subject")
    if isinstance(built, Attribution) and found.extent is not None:
        built.source = (cue.start + found.extent[0], cue.start + aside.end("close"))  # the aside is the subject's
    return built


def _subordinate_subject(cue: Cue, draft: Discourse) -> Built:
    """ "The bill stalled after the state's governor suggested he would veto it": the subject of a subordinate
    clause, read in the words after its conjunction alone."""
    openings = list(SUBORDINATE_SUBJECT.finditer(cue.left))
    if not openings:
        return None
    offset = openings[-1].end()  # the last conjunction: the clause of the verb
    found = speaker_before(cue.left[offset:], draft)
    if found.speaker is None:
        return None
    extent = None if found.extent is None else (found.extent[0] + offset, found.extent[1] + offset)
    return _subject_reading(
        cue, Found(found.speaker, found.position + offset, found.rule, extent), "subordinate_subject"
    )


def _gapped_relative(cue: Cue, draft: Discourse) -> Built:
    """ "The port cut its fees, which the union says were raised twice.", "a levy that she has said would fail": the
    subject between the relative pronoun and the verb speaks, and the report runs from the pronoun (it stands for
    the missing subject of the reported clause) to the end of that clause."""
    relative = GAPPED_RELATIVE_END.search(cue.left)
    end, _ = _topic_subject_end(cue.left)  # ("which she has repeatedly said": before the auxiliary and adverb)
    subject = cue.left[relative.end() : end]
    found = speaker_before(subject + " ", draft)
    if found.speaker is None or subject[: found.position].strip():
        return None  # (the whole subject must be the speaker)
    stop = TOPIC_END.search(cue.masked, cue.cue_end, cue.end)
    end = stop.start() if stop else cue.end
    if cue.left[: relative.start()].rstrip().endswith(","):
        comma = cue.masked.find(",", cue.cue_end, end)
        end = comma if comma >= 0 else end  # ("The ferry, which he said would sail in May, is late.")
    content = trim(cue.masked, cue.start + relative.start(), end)
    source = found.shifted(cue.start + relative.end())
    return cue.attribution(found.speaker, content, rule=f"gapped_relative/{found.rule}", source=source)


def _subordinate_content(masked: str, content: tuple[int, int] | None, cue: Cue) -> tuple[int, int] | None:
    """The report of a clause opening the sentence ("When a reporter asked Berg if the pier would close, Berg
    deflected."): it ends with the clause, at its comma, unless the main clause after it reports too."""
    if content is None or content[0] < cue.cue_end:
        return content
    comma = masked.find(", ", content[0], content[1])  # (not "2,400")
    if comma < 0 or next(cue_matches(masked[comma : content[1]]), None) is not None:
        return content  # ("While some say A, others say B": the main clause reports too, and is read with it)
    return trim(masked, content[0], comma) or content


def _parenthetical(cue: Cue) -> bool:
    """An attribution set off by commas on both sides: a comma right after the verb (or after its object: "the
    partner told them, ...")."""
    right = cue.right
    if cue.words in OBJECT_VERBS:
        obj = OBJECT_RE.match(right)
        right = right[obj.end() :] if obj else right
    return right.lstrip().startswith(",")


def _with_opening(cue: Cue, before_subject: str, content: tuple[int, int]) -> tuple[int, int]:
    """ "In other states, Berg said, the fees would fall.", "The solution, she told them, was simple.": an opening
    phrase before an attribution set off by commas is part of the report the attribution interrupts (not one
    that says when, where or how it was said: "On Monday, Berg said, ...", "In a statement, ..."; nor words
    quoted or reported on their own)."""
    opening = before_subject.rstrip()
    if (
        not opening.endswith(",")
        or len(opening.split()) < 2
        or SAYING_CIRCUMSTANCE.search(opening)
        or QUOTE_MARK.search(opening)
        or "_" in opening
        or any(True for _ in cue_matches(opening))
    ):
        return content
    widened = trim(cue.masked, cue.start, content[1])
    return widened if widened is not None else content


def _finite_report(cue: Cue) -> bool:
    """A reporting verb in its own right: not a participle continuing a clause, nor a verb whose object may
    stand before its content ("told reporters that")."""
    return cue.is_verb and cue.words not in PARTICIPLE_CUES and cue.words not in OBJECT_VERBS


def _told_whom(cue: Cue) -> bool:
    """ "..., Berg told reporters.": a verb whose object ends the sentence, so the report stands before it."""
    if cue.words not in OBJECT_VERBS:
        return False
    obj = OBJECT_RE.match(cue.right)
    return obj is not None and not cue.right[obj.end() :].strip(" .!?")


def _clause_before(before_subject: str) -> bool:
    """Whether the words before the subject end with a comma after a clause of their own, not after an opening
    phrase only ("On Monday, Berg said, ...": no part of a report). The subject rules may have left a determiner
    or a description out of the subject ("..., those Democrats argued, ..."): up to four lower-case words may
    stand between that comma and the subject. Quoted words may end the clause ('The harbor "was a mess," ...')."""
    if QUOTED_CLAUSE_END.search(before_subject):
        before_subject = before_subject.rstrip().rstrip("\"”’'")
    comma = before_subject.rfind(",")
    between = before_subject[comma + 1 :].split()
    if comma < 0 or len(between) > 4 or any(not word.isalpha() or not word.islower() for word in between):
        return False
    before_subject = before_subject[: comma + 1]
    # ("But she was not surprised, ...": a conjunction opens a clause, not an opening phrase such as "But on Monday,")
    unjoined = LEADING_CONJUNCTION.sub("", before_subject)
    if unjoined != before_subject:
        before_subject = unjoined[:1].upper() + unjoined[1:]
    opening = LEADING_PHRASE.match(before_subject)
    return not (opening and opening.end() == len(before_subject))


def _partial_quote_content(cue: Cue, draft: Discourse) -> Built:
    """'Dockers "know why the union backed her," Weingarten said.': a report whose words are quoted
    from the middle of the sentence on; the whole clause before the subject is the content (the
    quoted words are a partial quote inside it, not a quotation of their own)."""
    found, new_single_name = _subject_found(cue, draft)
    if found is None:
        return None
    before_subject = cue.left[: found.position].rstrip()
    if not QUOTED_CLAUSE_END.search(before_subject):
        return None
    if _noun_not_verb(cue, found.speaker, False, new_single_name):
        return REJECT
    content = trim(cue.masked, cue.start, cue.start + len(before_subject))
    return cue.attribution(found.speaker, content, rule=f"partial_quote_content/{found.rule}", source=cue.before(found))


def _content_around_subject(cue: Cue, draft: Discourse) -> Built:
    """ "The plan would be helped, Berg said, by the new calendar.": the attribution interrupts the
    report, which is the whole sentence (whatever the second part starts with)."""
    found, new_single_name = _subject_found(cue, draft)
    if found is None:
        return None
    before_subject = cue.left[: found.position].rstrip()
    if not _clause_before(before_subject):
        return None
    if _noun_not_verb(cue, found.speaker, False, new_single_name):
        return REJECT
    content, channel = _with_channel_tail(cue, trim(cue.masked, cue.start, cue.end))
    rule = f"content_around_subject/{found.rule}"
    return cue.attribution(found.speaker, content, channel=channel, rule=rule, source=cue.before(found))


def _content_then_subject(cue: Cue, draft: Discourse) -> Built:
    """ "CONTENT, she said in a video message to the council.": what follows the verb says when, where
    or how it was said, so the content is the clause before the subject (not an opening phrase such
    as "In Oslo on Monday," and not when a that-clause follows the phrase). So too when another clause follows
    the verb after a dash ("..., the office reported on Tuesday -- a development that ..."),
    and after the object of "told" ("..., Berg told the court in a filing")."""
    found, new_single_name = _subject_found(cue, draft)
    if found is None:
        return None
    before_subject = cue.left[: found.position].rstrip()
    if not _clause_before(before_subject) or len(before_subject.split()) < 4:
        return None
    clause_break = CLAUSE_BREAK_AHEAD.match(cue.right)
    right = cue.right[: clause_break.end()] if clause_break else cue.right
    prefix = PREFIX_RE.match(right)
    if THAT_START.match(right, prefix.end() if prefix else 0) or THAT_AHEAD.match(right):
        return None
    if _noun_not_verb(cue, found.speaker, False, new_single_name):
        return REJECT
    content, channel = _with_channel_tail(cue, trim(cue.masked, cue.start, cue.start + len(before_subject)))
    rule = f"content_then_subject/{found.rule}"
    return cue.attribution(found.speaker, content, channel=channel, rule=rule, source=cue.before(found))


def _subject_opens_sentence(cue: Cue, draft: Discourse) -> Built:
    """ "Cruz exhorted Republicans ... and said ...", "Trump sent tweets saying ...", "She is comparing the fees
    ... and says ...": the subject opens the sentence (before a past tense, else before any finite verb)."""
    # (A participle after a clause of any tense is the main_clause_subject rule's.) An opening phrase ("In a
    # statement released Thursday, Berg reacted ..., saying") is no part of the subject.
    indent = len(cue.sentence) - len(cue.sentence.lstrip())
    opening = LEADING_PHRASE.match(cue.sentence[indent:])
    for pattern in (SENTENCE_SUBJECT, MAIN_CLAUSE_SUBJECT) if AND_END.search(cue.left) else (SENTENCE_SUBJECT,):
        position = indent + opening.end() if opening and pattern is SENTENCE_SUBJECT else 0
        subject = pattern.match(cue.sentence, position)
        if subject and subject.end(1) <= len(cue.left):
            found = speaker_before(subject.group(1), draft)
            if found.speaker is not None:
                subject_found = cue.subject_opening(found, subject.start(1))
                return _subject_reading(cue, subject_found, "subject_opens_sentence")
    return None


def _main_clause_subject(cue: Cue, draft: Discourse, reading: str = "main_clause_subject") -> Built:
    """ "Sorel rips the plan, arguing (that) CONTENT": a participle continues the main clause, whose
    subject (a name, a pronoun or a description opening the sentence) is the speaker."""
    subject = MAIN_CLAUSE_SUBJECT.match(cue.sentence)
    if not subject or subject.end() > len(cue.left):
        return None
    found = speaker_before(subject.group(1), draft)
    return _subject_reading(cue, cue.subject_opening(found, subject.start(1)), reading)


def _infinitive_report(cue: Cue, draft: Discourse) -> Built:
    return _main_clause_subject(cue, draft, "infinitive_report")


def _quoted_part(part: str, first: bool) -> bool:
    """Quoted words in a part of the subject: a quotation of its own, unless inside a relative or participle
    clause after the first part ("Ana Ruiz, who calls the pier "a wreck," said ...")."""
    quoted = "_" in part or bool(QUOTE_MARK.search(part))
    return quoted and (first or not part[:1].islower())


def _appositive_subject(cue: Cue, draft: Discourse) -> Built:
    """ "Ana Ruiz, then 38, said the port would close.", "His lawyer, Ana Ruiz, told reporters that ...": the
    subject and its appositive open the sentence, set off by commas (or dashes), and the report follows the
    verb; the words before the verb are no report of their own (not '"...," said Ana Ruiz, ...'). The name is
    the speaker, the other part its title; with no name, the first part is read as a subject."""
    left = cue.left.strip()
    opening = LEADING_PHRASE.match(left)
    if opening:
        left = left[opening.end() :]  # ("On Monday, Ana Ruiz, the port's chief, said": no part of the subject)
    subject_start = cue.start + len(cue.left.rstrip()) - len(left)
    parts = APPOSITIVE_SPLIT.split(left.rstrip(",—– \"”’'"))
    if not 2 <= len(parts) <= 3 or any(
        not part or _quoted_part(part, part is parts[0]) or AUXILIARY_START.match(part) for part in parts
    ):
        return None  # (", has been "very worked up," said a source": a clause, its report before the verb)
    names = [part for part in parts if NAME_RUN_RE.fullmatch(part)]
    others = [part for part in parts if part not in names]
    if any(title_from_appositive(part) is None for part in others[1:] if names or part is not parts[0]):
        return None  # ("In Molde, Ore., Mr. Berg was blunt": a clause)
    if len(names) == 1 and is_state(names[0]):
        return None  # ("a woman in Molde, Ohio, told him": a town and its state, no subject and appositive)
    if len(names) == 1:
        titles = title_from_appositive(others[0]) if others else []
        speaker, rule = entity(names[0], draft, titles or []), "name"
    elif not names:
        if any(trailing_full_name(part) for part in parts[1:]):
            return None  # ("One delegate, party chairwoman Nancy Worley, said": see noun_phrase_subject)
        found = speaker_before(parts[0], draft)
        speaker, rule = found.speaker, found.rule
    else:
        return None  # ("Ruiz, Berg, Sorel said": a list of names)
    if speaker is None or _noun_not_verb(cue, speaker, False, False):
        return None
    content, channel = _content_and_channel(cue, len(cue.left))
    if content is None or content[0] < cue.cue_end:
        return None  # no report after the verb: the words before it are the report ('..., said Ana Ruiz.')
    source = mention_extent(cue.masked, subject_start, cue.start + len(cue.left.rstrip()))
    return cue.attribution(speaker, content, channel=channel, rule=f"appositive_subject/{rule}", source=source)


def _opening_participle(cue: Cue, draft: Discourse) -> Built:
    """ "Declaring that the port would close, the mayor left the quay.", "After saying he would wait, Berg ...": a
    participle opens the sentence; its report runs to the first comma, and its speaker is the subject of the main
    clause after that comma (a name, a pronoun or a description before a verb)."""
    comma = cue.right.find(",")
    if comma < 0:
        return None
    rest = cue.right[comma + 1 :]
    subject = SENTENCE_SUBJECT.match(rest) or MAIN_CLAUSE_SUBJECT.match(rest)
    if subject is None:
        return None
    found = _whole_subject(subject.group(1), draft)
    content = _content_to_comma(cue, comma)
    if found is None or content is None:
        return None
    source = found.shifted(cue.cue_end + comma + 1 + subject.start(1))
    return cue.attribution(found.speaker, content, rule=f"opening_participle/{found.rule}", source=source)


def _whole_subject(subject: str, draft: Discourse) -> Found | None:
    """The speaker that ``subject`` names, if it is the whole subject (not "the plan of Berg's aides")."""
    found = speaker_before(subject, draft)
    if found.speaker is None or found.position > 0 and subject[: found.position].strip():
        return None
    return found


def _content_to_comma(cue: Cue, comma: int) -> tuple[int, int] | None:
    """A participle's report, from after the cue (and its "that") to the comma ``comma`` characters after it."""
    that = THAT_START.match(cue.right)
    content = trim(cue.masked, cue.cue_end + (that.end() if that else 0), cue.cue_end + comma)
    if content is None or _too_short(cue.masked[content[0] : content[1]]):
        return None
    return content


def _aside_participle(cue: Cue, draft: Discourse) -> Built:
    """ "Berg, after first saying he would wait, left the port.": a participle after a subordinator, in an aside
    between the subject and its verb; its report runs to the aside's closing comma, its speaker is the subject."""
    aside = ASIDE_PARTICIPLE_LEFT.match(cue.left)
    comma = cue.right.find(",")
    if aside is None or comma < 0 or not ASIDE_CLOSE_AHEAD.match(cue.right, comma):
        return None
    if not CLAUSE_AHEAD_RE.match(cue.right):  # ("Berg, after saying goodbye, left.": no report)
        return None
    found = _whole_subject(aside.group(1), draft)
    content = _content_to_comma(cue, comma)
    if found is None or content is None:
        return None
    source = found.shifted(cue.start + aside.start(1))
    return cue.attribution(found.speaker, content, rule=f"aside_participle/{found.rule}", source=source)


# A relative clause or an appositive describing an inverted speaker, up to the comma after it.
_SPEAKER_DESCRIBED = re.compile(r"\s*,\s*(?:who|whose|a|an|the)\b[^,;:_\"“”]{0,80}(?=,)")


def _content_around_speaker(cue: Cue, draft: Discourse) -> Built:
    """ "Rather than see the tax rise, said Marcia Smith, a vice president, Teck wants the gap narrowed.": an
    inverted attribution interrupts the report, which is the whole sentence."""
    found = speaker_after(cue.right, draft)
    if found.speaker is None:
        return None
    # ('..., said Ana Ruiz, who runs the union, will fall': a description of the speaker before the rest.)
    described = _SPEAKER_DESCRIBED.match(cue.right, found.position)
    if not REPORT_RESUMES_RE.match(cue.right, described.end() if described else found.position):
        return None
    if _noun_not_verb(cue, found.speaker, True, False):
        return REJECT
    content = trim(cue.masked, cue.start, cue.end)
    return cue.attribution(found.speaker, content, rule=f"content_around_speaker/{found.rule}", source=cue.after(found))


# What may follow an inverted subject and still describe it: an appositive or a relative clause after a comma, a
# place or body after "of" ('"...," said Ana Ruiz, who chairs the board.', '... said Ana Ruiz of the port board.'),
# or a place or name in capitals set off by commas ('... said Ana Ruiz, a docker in Salem, Ore., who ...').
_SUBJECT_GOES_ON = re.compile(
    r"\s*,\s*(?:who|whose|a|an|the|then|now|\d)\b|\s+(?:of|from)\s"
    r"|\s*,\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}(?=,|[.!?]?\s*$)"
)
# Where the description ends: a participle clause (", adding ...", ", referring to ..."), a quotation, a semicolon
# or a dash.
_SUBJECT_STOP = re.compile(r",\s+[a-z]+ing\b|[_\"“”;]|\s[-—–]+\s")


def _inverted_subject(cue: Cue, found: Found) -> tuple[int, int] | None:
    """The inverted subject as written: the speaker's words after the verb and, to the sentence's end, the
    description of it that follows ('said Ana Ruiz, who chairs the board'), not a participle clause after it."""
    source = cue.after(found)
    if source is None:
        return None
    start, end = source
    stop = _SUBJECT_STOP.search(cue.masked, start, cue.end)
    if stop is not None and stop.start() < end:
        end = stop.start()  # ('said Ana Ruiz, referring to the fees')
    elif _SUBJECT_GOES_ON.match(cue.masked, end, cue.end):
        end = stop.start() if stop is not None else cue.end
    end = start + len(cue.masked[start:end].rstrip(" .,"))
    return (start, end) if end > start else source


def _speaker_after_verb(cue: Cue, draft: Discourse) -> Built:
    """'"CONTENT," said X, ...' with more after the speaker: the verb before its subject."""
    found = speaker_after(cue.right, draft, _after_rules(cue))
    if found.speaker is None:
        return None
    if _noun_not_verb(cue, found.speaker, True, False):
        return REJECT
    return cue.attribution(
        found.speaker,
        _inverted_content(cue),
        rule=f"speaker_after_verb/{found.rule}",
        source=_inverted_subject(cue, found),
    )


def _noun_phrase(cue: Cue, draft: Discourse) -> Built:
    """Second reading only: "Many speakers at the service said ..." with a subject no rule knows."""
    found = noun_phrase_subject(cue.left, draft)
    if found.speaker is None:
        return None
    subject = strip_fillers(cue.left).rstrip()
    extent = mention_extent(subject, found.position, len(subject)) if found.position < len(subject) else None
    return _subject_reading(cue, Found(found.speaker, found.position, found.rule, extent), "noun_phrase")


# In order. The verb rules apply only to a reporting verb that ``not_a_report`` let through.
CUE_RULES: tuple[CueRule, ...] = (
    CueRule("according_to", lambda cue: cue.words.casefold().startswith("according to"), _according_to),
    CueRule("quoted_as_saying", lambda cue: "quoted" in cue.words, _quoted_as_saying),
    CueRule("not_a_report", lambda cue: cue.is_verb and _not_a_report(cue), lambda cue, draft: REJECT),
    CueRule(
        "gapped_relative",
        lambda cue: (
            (
                cue.words in PLAIN_CUES
                and bool(GAP_AHEAD.match(cue.right))
                or cue.words in COMMITMENT_CUES  # ("which Beijing has vowed to ignore": the pronoun is the object)
                and bool(INFINITIVE_START.match(cue.right))
            )
            and bool(GAPPED_RELATIVE_END.search(cue.left))
        ),
        _gapped_relative,
    ),
    CueRule(
        "speaker_last",
        lambda cue: (
            cue.is_verb
            and cue.left.rstrip().endswith(",")
            and cue.words not in PARTICIPLE_CUES
            and cue.words not in OBJECT_VERBS  # "..., Abenov told Continental Wire": the object, not the speaker
            and bool(INVERSION_AHEAD.match(cue.right))
        ),
        _speaker_last,
    ),
    CueRule(
        "partial_quote_content",
        lambda cue: (
            cue.sentence.lstrip()[:1] not in "\"“'‘"
            and bool(QUOTED_CLAUSE_END.search(cue.left, max(0, len(cue.left) - 60)) or "_" in cue.left)
            and (
                _finite_report(cue)
                and (
                    len(cue.right.split()) < 2
                    or bool(CIRCUMSTANCE_START.match(cue.right))
                    or bool(ADDING_RE.match(cue.right))  # ", adding that ...": a second report of its own
                )
                or _told_whom(cue)  # "..., Berg told the Molde Gazette."
            )
        ),
        _partial_quote_content,
    ),
    CueRule(
        "content_around_subject",
        lambda cue: (
            _finite_report(cue)
            and "," in cue.left
            and bool(
                REPORT_GOES_ON.match(cue.right)
                or CIRCUMSTANCE_GOES_ON.match(cue.right)
                or REPORT_GOES_ON_AFTER_SEMICOLON.match(cue.right)
            )
        ),
        _content_around_subject,
    ),
    CueRule(
        "content_then_subject",
        lambda cue: (
            "," in cue.left
            and (
                _finite_report(cue)
                and bool(CIRCUMSTANCE_START.match(cue.right) or CLAUSE_BREAK_AHEAD.match(cue.right))
                or cue.is_verb
                and cue.words in OBJECT_VERBS
                and bool(CIRCUMSTANCE_AFTER_OBJECT.match(cue.right))
            )
        ),
        _content_then_subject,
    ),
    CueRule(
        "participle_after_with",
        lambda cue: cue.words in PARTICIPLE_CUES and cue.words != "adding" and bool(WITH_SUBJECT_END.search(cue.left)),
        _participle_after_with,
    ),
    # "Berg met fishermen and told them ...": no subject ends with "and"; the sentence's is read below.
    CueRule(
        "subject_before_verb",
        lambda cue: cue.is_verb and not _after_by(cue) and not AND_END.search(cue.left),
        _subject_before_verb,
    ),
    CueRule(
        "subordinate_subject",
        lambda cue: (
            cue.is_verb
            and cue.words not in PARTICIPLE_CUES | NOUN_LIKE
            and " " not in cue.words  # ("a wake-up call for", "as well as in states such as": nouns)
            and not AND_END.search(cue.left)  # ("Ruiz describes herself as a moderate and has said": hers)
            and bool(SUBORDINATE_SUBJECT.search(cue.left))
        ),
        _subordinate_subject,
    ),
    CueRule(
        "subject_opens_sentence",
        lambda cue: cue.is_verb and (bool(AND_END.search(cue.left)) or _is_participle(cue)),
        _subject_opens_sentence,
    ),
    CueRule("main_clause_subject", _is_participle, _main_clause_subject),
    CueRule("infinitive_report", lambda cue: cue.is_verb and _is_infinitive(cue), _infinitive_report),
    CueRule(
        "opening_participle",
        lambda cue: cue.words in PARTICIPLE_CUES and bool(OPENING_PARTICIPLE_LEFT.match(cue.left)),
        _opening_participle,
    ),
    CueRule(
        "aside_participle",
        lambda cue: cue.words in PARTICIPLE_CUES and bool(ASIDE_PARTICIPLE_LEFT.match(cue.left)),
        _aside_participle,
    ),
    CueRule(
        "appositive_subject",
        lambda cue: (
            cue.is_verb
            and cue.words not in PARTICIPLE_CUES
            and cue.left.rstrip().rstrip("\"”’'").endswith((",", "—", "–"))
            and not cue.fallback
        ),
        _appositive_subject,
    ),
    CueRule(
        "dash_aside_subject",
        lambda cue: cue.is_verb and not _is_participle(cue) and bool(DASH_ASIDE_END.search(cue.left)),
        _dash_aside_subject,
    ),
    CueRule(
        "content_around_speaker",
        lambda cue: _finite_report(cue) and cue.left.rstrip().endswith(",") and "," in cue.right,
        _content_around_speaker,
    ),
    CueRule(
        "speaker_after_verb",
        lambda cue: (
            cue.is_verb
            and (
                cue.left.rstrip().endswith((",", '"', "”", "—"))
                or (not cue.left.strip(" \"“‘'") and cue.words not in PARTICIPLE_CUES)  # "Said Ruiz, ..."
            )
            and not (cue.words in PARTICIPLE_CUES and cue.left.rstrip().endswith(","))
        ),  # (", arguing he would wait": a participle's subject is never after it)
        _speaker_after_verb,
    ),
    CueRule("noun_phrase", lambda cue: cue.is_verb and cue.fallback and cue.words in PLAIN_CUES, _noun_phrase),
)


def channel_of(sentence: str) -> str | None:
    """The channel a sentence names: "in an interview with X", "quoted by X", "in a statement"."""
    # Cheap substring checks first: these patterns start with a name and are slow to search.
    match = INTERVIEW_WITH.search(sentence) if "interview" in sentence else None
    if match:
        return f"interview with {match.group(1)}"
    match = QUOTED_BY.search(sentence) if "quoted" in sentence else None
    if match:
        return match.group(1)
    match = CHANNEL_RE.search(sentence)
    if match:
        return match.group(1)
    return None


def cue_matches(sentence: str) -> Iterator[re.Match[str]]:
    """Reporting verbs in a sentence, in order: a set lookup per word, the full pattern only on a hit.

    (One regex alternation of all the verbs is several times slower on long articles.)
    """
    for word in WORD_RE.finditer(sentence):
        if word.group() not in CUE_FIRST_WORDS or sentence[word.start() - 1 : word.start()] == "-":
            continue
        position = word.start()
        if word.group() == "quoted":
            auxiliary = QUOTED_AUXILIARY.search(sentence, max(0, position - 8), position)
            if auxiliary:
                position = auxiliary.start()
        match = CUE_RE.match(sentence, position)
        if match is not None and (match.end() == len(sentence) or not sentence[match.end()].isalnum()):
            yield match


# A clause joined to a report that holds a report of its own: "..., and three-quarters said ...", "..., but
# insists ...", '... "a mess" and called it ...', "...; aides said ...". The words before its verb are its subject
# (none, or a few words that open no clause of the report: not "that", "who", "as", "to", an adverb).
SECOND_CLAUSE = re.compile(
    r"""(?: [,;]\s*(?:and|but|while|whereas|though|although|yet)\s+ | ;\s+ | \s+[—–-]+\s+(?:and|but)\s+ )
        (?P<subject> (?:(?!(?:that|who|which|whom|whose|to|as|if|whether|what|when|how|why)\b|(?!only\b)\w+ly\b)[\w’'.-]+\s+){0,5} )$
      | (?:[,;"”’']|\s[—–-]+)\s*(?:and|but)\s+(?:(?:also|then|later|\w+ly)\s+)?$""",
    re.X,
)
SECOND_CLAUSE_RULE = "+second_clause"


def second_clause_cut(masked: str, attribution: Attribution) -> tuple[int, int] | None:
    """Cut the reported content before a clause that holds a report of its own (the writer's, or the speaker's
    next one): "Berg said the pier was safe, but Ortiz said it was not" reports "the pier was safe". The clause
    (from its subject, or from its verb when it has none) to the content's old end, or None."""
    if attribution.content is None or attribution.cue.casefold().startswith("according to"):
        return None  # ("According to the memo, A, and Berg told B": the memo reports it all)
    start, end = attribution.content
    present = attribution.cue.split()[0].endswith("s")
    text = masked[start:end]
    for match in cue_matches(text):
        verb = _verb(match)
        if verb.endswith("ing") or verb in NOUN_LIKE or not verb.islower():
            continue  # ("and saying", "and notes", "and Says": no finite report)
        boundary = SECOND_CLAUSE.search(text, 0, match.start())
        if (
            boundary is not None
            and not boundary.group("subject")
            and (match.group() in PLAIN_FORMS or verb.endswith("s") != present)
        ):
            continue  # ("Berg says he spoke to aides, and asked ...", "... sit down, and tell them": the report's)
        cut = trim(masked, start, start + boundary.start()) if boundary is not None else None
        if cut is not None:
            attribution.content = cut
            return start + (boundary.start("subject") if boundary.group("subject") else match.start()), end
    return None


def second_clause_reading(
    masked: str, clause: tuple[int, int], attribution: Attribution, discourse: Discourse
) -> Attribution | None:
    """The report of a clause cut off by `second_clause_cut`: its subject's, or without one the speaker's
    ("..., but insists ...", '... "a mess" and called it ...')."""
    start, end = clause
    match = next(cue_matches(masked[start:end]), None)
    if match is None:
        return None
    if match.start() > 0:
        return read_attribution(masked, start, end, discourse)
    cue = Cue(masked, start, end, match, attribution.channel, False)
    content, channel = _content_and_channel(cue, 0)
    return cue.attribution(attribution.speaker, content, channel=channel, rule=attribution.rule + SECOND_CLAUSE_RULE)


def is_headline(sentence: str) -> bool:
    """Whether a line is printed in title case (a headline or subheading): most of its words capitalised."""
    words = [word for word in sentence.split() if word[:1].isalpha()]
    return len(words) >= 4 and sum(word[:1].isupper() for word in words) >= 0.8 * len(words)


def read_attribution(
    masked: str, start: int, end: int, discourse: Discourse, fallback: bool = False
) -> Attribution | None:
    """The first reading of the sentence masked[start:end] that a rule finds, or None; a sentence that ends with an
    attribution of its own ("Berg promised ..., Ortiz said.") is that one's, the first reading going with it.

    With ``fallback`` (a second reading, when the first found nobody) the ``noun_phrase`` rule
    may take a subject none of the speaker rules knows. ``discourse`` is not changed: the
    attribution carries the draft the pipeline adopts if it accepts it.
    """
    sentence = masked[start:end]
    headline = HEADLINE_CUE.search(sentence) if is_headline(sentence) else None
    if headline is not None:
        # "Okafor Says Cranes Are Too Slow": a headline's capitalised cue, read as a verb (same length,
        # so every offset still holds).
        lowered = headline.group().lower()
        sentence = sentence[: headline.start()] + lowered + sentence[headline.end() :]
        masked = masked[:start] + sentence + masked[end:]
    opening = OPENING_PARTICIPLE_WORD.match(sentence)
    if opening is None or opening.group(1).lower() not in PARTICIPLE_CUES:
        opening = FRONTED_VERB.match(sentence)
    if opening is not None:
        # "Declaring that ..., Berg left.": a participle capitalised as the sentence's first word, read as a cue;
        # so is a verb fronted before its speaker ("Said Ana Ruiz, ...").
        sentence = sentence[: opening.start(1)] + opening.group(1).lower() + sentence[opening.end(1) :]
        masked = masked[:start] + sentence + masked[end:]
    channel: list[str | None] = []
    draft: Discourse | None = None
    for match in _trailing_first(sentence, list(cue_matches(sentence))):
        if not channel:
            channel.append(channel_of(sentence))
        cue = Cue(masked, start, end, match, channel[0], fallback)
        for rule in CUE_RULES:
            if not rule.guard(cue):
                continue
            if draft is None or draft.version != discourse.version:
                draft = discourse.draft(start)  # none yet, or an earlier reading wrote to it: start clean
            built = rule.build(cue, draft)
            if isinstance(built, Attribution):
                built.draft = draft
                if cue.is_verb and (SUBORDINATE_OPENING.match(cue.left) or rule.name == "opening_participle"):
                    main = _main_clause_reading(masked, start, end, sentence, cue, built, channel[0])
                    if main is not None:
                        return main
                    if SUBORDINATE_OPENING.match(cue.left):
                        built.content = _subordinate_content(masked, built.content, cue)
                if cue.is_verb and "_" not in sentence:
                    outer = _final_attribution_reading(masked, start, end, cue, built)
                    if outer is not None:
                        return outer
                if cue.is_verb:
                    built.also = _trailing_according(masked, start, end, sentence, draft) or _relative_report(
                        masked, end, built
                    )
                    if built.also is not None and built.content is not None:
                        # The report ends where "according to" starts.
                        first = trim(masked, built.content[0], min(built.content[1], built.also.cue_start))
                        built.content = first if first is not None else built.content
                return built
            if built is REJECT:
                break
    return _according_to_document(masked, start, end, sentence, discourse) if "ccording to" in sentence else None


# What may follow a reporting verb that closes its sentence: nothing, or when, where or how ("Berg said.",
# "she noted on Monday.", "an aide said in a statement, adding ...").
CLOSING_TAIL = re.compile(
    rf"""(?: \s+ (?: on|in|at|during|last|this|earlier|later|recently|{WEEKDAY}|yesterday|today ) \b [^,;:]{{0,30}} )?
        (?: ,\s+adding\b [^;]* )? [.!?]? [\s"”’'_)]* $""",
    re.X,
)
# The comma and the subject (a few words) before such a verb: ", a port official said".
TRAILING_SUBJECT = re.compile(r",\s+(?:[\w’'.-]+\s+){0,4}[\w’'.-]+\s*$")
# The verbs that close a sentence after its report: "..., Berg said.".
CLOSING_VERBS = frozenset(
    "said says added adds noted notes wrote writes explained argued insisted warned stated".split()
)


# After "said" the sentence's subject said it all: a closing "..., they said." is no attribution of its own.
SAID = frozenset({"said", "says"})


def _verb(match: re.Match[str]) -> str:
    """A cue match's first word ("said" of "said on Monday")."""
    return match.group().split()[0]


def _trailing_first(sentence: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """The reporting verbs in the order they are tried: a verb that closes the sentence after a comma and
    its subject (", a port official said.") before the others, which are then part of the report ("Molde
    did not complain when fees rose, a port official said.": not Molde's complaint). Not after a "said"
    ("Other candidates said ..., they said.": the sentence's subject said it)."""
    if len(matches) < 2:
        return matches
    index = len(matches) - 1
    if _verb(matches[index]) == "adding" and index > 1:
        index -= 1  # "..., an aide said, adding that ...": the verb before "adding"
    last = matches[index]
    if (
        _verb(last) not in CLOSING_VERBS
        or any(_verb(match) in SAID for match in matches[:index])
        or not CLOSING_TAIL.match(sentence, last.end())
        or not TRAILING_SUBJECT.search(sentence, 0, last.start())
    ):
        return matches
    return [last, *matches[:index], *matches[index + 1 :]]


def _too_short(content: str) -> bool:
    """Fewer than three words and no quotation (masked, a quotation reads as one word): no report."""
    return len(content.split()) < 3 and not QUOTE_MARK.search(content)


# At most this many words between the comma closing an opening clause and the main clause's reporting verb.
MAIN_SUBJECT_WORDS = 8


def _main_clause_reading(
    masked: str, start: int, end: int, sentence: str, cue: Cue, subordinate: Attribution, channel: str | None
) -> Attribution | None:
    """ "After Ortiz asked about the fees, Berg replied that they would fall.": a report in a clause opening the
    sentence is not the sentence's own; the main clause after the comma is read (registered after it, so that
    "he" later is the main clause's speaker), and the subordinate report goes with it as ``also``, cut at the
    comma. None when the main clause has no reading with its subject right before the verb."""
    comma = sentence.find(",", cue.match.end())
    if comma < 0:
        return None
    for match in cue_matches(sentence):
        if match.start() <= comma:
            continue
        if len(sentence[comma + 1 : match.start()].split()) > MAIN_SUBJECT_WORDS:
            return None  # the main clause's own verb comes first: "..., Berg said", not a verb further on
        later = Cue(masked, start, end, match, channel, cue.fallback)
        if later.is_verb and _not_a_report(later):
            continue  # ("While saying ..., she continued to doubt it": no report of the main clause)
        for rule in CUE_RULES:
            if rule.name != "subject_before_verb" or not rule.guard(later):
                continue
            draft = subordinate.draft.draft(start)
            built = rule.build(later, draft)
            if isinstance(built, Attribution):
                if built.content is not None and _too_short(masked[built.content[0] : built.content[1]]):
                    return None  # "..., he also stated a day earlier": no report of its own
                built.draft = draft
                content = trim(masked, subordinate.content[0], start + comma) if subordinate.content else None
                if content is None or content[0] >= start + comma or _too_short(masked[content[0] : content[1]]):
                    return built  # ("While not all Berg says is true, Ortiz said ...": no report in the clause)
                subordinate.content, subordinate.draft = content, None  # registered in the main reading's draft
                built.also = subordinate
                return built
            if built is REJECT:
                break
    return None


FINAL_ATTRIBUTION_RULE = "final_attribution"


def _final_attribution_reading(masked: str, start: int, end: int, cue: Cue, inner: Attribution) -> Attribution | None:
    """ "Berg promised to close the port, Ruiz said.": a sentence that ends with its subject and a reporting verb
    (and when or where it was said) is that subject's report of the clause before it; a report inside that clause
    goes with it as ``also``, cut at the comma. None when the sentence ends otherwise."""
    last = None
    for match in cue_matches(masked[start:end]):
        if match.start() > cue.match.start():
            last = match
    if last is None or _verb(cue.match) in SAID:
        return None  # ("Other dockers said ..., they said.": the sentence's subject said it all)
    outer_cue = Cue(masked, start, end, last, cue.channel, cue.fallback)
    right = outer_cue.right
    if (
        not _finite_report(outer_cue)
        or _not_a_report(outer_cue)
        or not (len(right.split()) < 2 or CIRCUMSTANCE_START.match(right))
        or THAT_AHEAD.match(right)
    ):
        return None
    draft = inner.draft.draft(start)
    found = speaker_before(outer_cue.left, draft)
    if found.speaker is None or _noun_not_verb(outer_cue, found.speaker, False, False):
        return None
    before_subject = outer_cue.left[: found.position].rstrip()
    if not before_subject.endswith(",") or not _clause_before(before_subject):
        return None
    content = trim(masked, start, start + len(before_subject))
    if content is None or inner.content is None or not content[0] <= inner.content[0] < content[1]:
        return None
    rule = f"{FINAL_ATTRIBUTION_RULE}/{found.rule}"
    outer = outer_cue.attribution(found.speaker, content, rule=rule, draft=draft, source=outer_cue.before(found))
    inner_content = trim(masked, inner.content[0], min(inner.content[1], content[1]))
    if inner_content is not None and not _too_short(masked[inner_content[0] : inner_content[1]]):
        inner.content, inner.draft = inner_content, None  # registered in the outer reading's draft
        outer.also = inner
    return outer


def _relative_report(masked: str, end: int, built: Attribution) -> Attribution | None:
    """'"We will wait," said Tomas Berg, the port chief, who said the fees would fall.': a relative clause
    after the speaker named after the verb is a second report of that speaker (``also``, no draft of its own)."""
    if not built.rule.startswith("speaker_after_verb/") or "who" not in masked[built.cue_end : end]:
        return None
    relative = RELATIVE_REPORT.search(masked, built.cue_end, end)
    if relative is None:
        return None
    verb = CUE_RE.match(masked, relative.end())
    if verb is None or verb.group() not in PLAIN_CUES and not THAT_START.match(masked, verb.end()):
        return None  # ("who called the plan a gift": no report)
    that = THAT_START.match(masked, verb.end())
    content = trim(masked, that.end() if that else verb.end(), end)
    if content is None or _too_short(masked[content[0] : content[1]]) or RELATIVE_NOT_CONTENT.match(masked, content[0]):
        return None  # ("who wrote about the visit": no report)
    who = relative.start() + relative.group().index("who")  # the relative pronoun is the clause's subject as written
    return Attribution(
        built.speaker,
        verb.group(),
        verb.start(),
        verb.end(),
        content,
        built.channel,
        rule=RELATIVE_REPORT_RULE,
        source=(who, who + len("who")),
    )


TRAILING_ACCORDING_RULE = "trailing_according"


def _trailing_according(masked: str, start: int, end: int, sentence: str, draft: Discourse) -> Attribution | None:
    """ "Berg told aides that the port would close, according to two people present.": a sentence whose
    report has an attribution of its own ends with the source that reports the whole (``according_to``
    rule, registered in the same draft); None when it ends otherwise or names an outlet or a document."""
    tail = TRAILING_ACCORDING.search(sentence) if "_" not in sentence else None
    if tail is None:
        return None  # ('"...," Berg said, according to a transcript.': the quotation is Berg's alone)
    match = CUE_RE.match(sentence, tail.start(1))
    if match is None:
        return None
    built = _according_to(Cue(masked, start, end, match, None, False), draft)
    if not isinstance(built, Attribution) or built.content is None:
        return None
    built.rule = built.rule.replace("according_to/", f"{TRAILING_ACCORDING_RULE}/", 1)
    return built


def _according_to_document(
    masked: str, start: int, end: int, sentence: str, discourse: Discourse
) -> Attribution | None:
    """ "..., according to a statement": with no other reading, the document (or its issuer) is the source."""
    for match in cue_matches(sentence):
        if not match.group().casefold().startswith("according to"):
            continue
        cue = Cue(masked, start, end, match, None, False)
        source_text, comma = _channel_source(cue)
        if not CHANNEL_SOURCE.match(source_text):
            continue
        draft = discourse.draft(start)
        speaker = draft.group(group_name(source_text))
        if speaker is None:
            return None  # "according to the Prairie Times": an outlet is no source
        return cue.attribution(
            speaker,
            _according_content(cue, comma),
            cue="according to",
            rule="according_to_document",
            draft=draft,
            source=cue.after_words(source_text),
        )
    return None


def partial_speaker(masked: str, start: int, end: int, discourse: Discourse) -> Attribution | None:
    """ "X called the plan "a gift to polluters"": an evaluative verb's subject, for partial quotes only."""
    sentence = masked[start:end]
    for match in PARTIAL_CUE_RE.finditer(sentence):
        draft = discourse.draft(start)
        found = speaker_before(sentence[: match.start()], draft)
        if found.speaker is not None:
            return Attribution(
                found.speaker,
                match.group(),
                start + match.start(),
                start + match.end(),
                None,
                None,
                rule=f"evaluative_verb/{found.rule}",
                draft=draft,
                source=found.shifted(start),
            )
    return None


@dataclass(frozen=True, slots=True)
class Question:
    """A question put to somebody by an asker the sentence does not name: where it is and its cue."""

    clause_start: int  # where "when asked", "was asked" starts
    cue: str
    content: tuple[int, int]
    asker: int | None = None  # where the words after "asked by" start: the asker ("asked by the host whether")
    group: str | None = None  # a group that reports ("voters who said ..."): its noun phrase


def asked_question(masked: str, start: int, end: int, attribution: Attribution | None) -> Question | None:
    """ "Asked whether the port would close, Berg said ...", "... she said when asked about the fees": the
    question is reported too, as PolNeAR and readers take it. It ends at the comma before the verb of the
    main clause when that verb follows it, else at the last comma (a sentence that opens with it) or at
    the sentence's end."""
    sentence = masked[start:end]
    if "sked" not in sentence:
        return None
    match = QUESTION_ASKED.search(sentence)
    if match is None or (attribution is not None and attribution.cue_start == start + match.start("cue")):
        return None  # ("Berg, the chair, asked whether ...": the verb of the sentence's own reading)
    if sentence[match.start()] == "," and match.end("cue") != match.start("question") - 1:
        return None  # "The aide, Berg recalled, asked her what ...": after a comma, "asked" with an object is active
    content_start = start + match.start("question")
    content_end = end
    if attribution is not None and attribution.cue_start > content_start:
        content_end = masked.rfind(",", content_start, attribution.cue_start)
    elif not sentence[: match.start()].strip(" \t\"“'‘"):
        # ("Asked whether the fees, which rose in May, were too high, Berg demurred.": the last comma.)
        comma = masked.rfind(",", content_start, end)
        content_end = comma if comma >= 0 else end
    content = trim(masked, content_start, content_end) if content_end > content_start else None
    if content is None:
        return None
    cue = match.group("cue")
    if match.group("question") == "about":
        cue += " about"
        content = trim(masked, content[0] + len("about"), content[1]) or content
    asker = start + match.end("by") if match.group("by") else None
    return Question(
        start + match.start("cue") if sentence[match.start()] == "," else start + match.start(), cue, content, asker
    )


# Words before a group's noun that are no part of its description ("among voters who said").
NOT_GROUP_WORDS = frozenset(
    "among of by with for to from in on at and or but than as while that dominating including like".split()
)


def group_relative(masked: str, start: int, end: int, attribution: Attribution | None) -> Question | None:
    """ "Clinton won among voters who said the economy mattered most": the group described by the noun before
    "who" reports what follows (a clause of its own when the sentence's reading is elsewhere); ``asker`` is
    unused, ``cue`` the verb and ``clause_start`` where the noun phrase starts."""
    sentence = masked[start:end]
    if " who" not in sentence:
        return None
    match = GROUP_RELATIVE.search(sentence)
    if match is None or (attribution is not None and attribution.cue_start == start + match.start(2)):
        return None
    stop = GROUP_RELATIVE_END.search(sentence, match.end())
    end_at = stop.start() if stop else len(sentence)
    if FRONTED_GROUP_OPENING.match(sentence) and "," not in sentence[: match.start()]:
        # "Among those who said the fees mattered most, Berg won easily": the phrase opening the sentence ends
        # at its comma, and the report with it.
        comma = sentence.find(",", match.end(), end_at)
        end_at = comma if comma >= 0 else end_at
    content = trim(masked, start + match.end(), start + end_at)
    if content is None or len(masked[content[0] : content[1]].split()) < 3:
        return None
    words = match.group(1).split()
    if len(words) > 1 and (words[0].casefold() in NOT_GROUP_WORDS or words[0].endswith("ed")):
        words = words[1:]  # ("among voters", "rebuked critics": the noun alone)
    return Question(start + match.start(1), match.group(2), content, None, " ".join(words))


# The subject pronoun of a possessive one: "his claim" is his report.
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}


def noun_report(
    masked: str, start: int, end: int, discourse: Discourse, attribution: Attribution | None
) -> Attribution | None:
    """ "... backed away from his claim that the port would close.", "Ana Ruiz's warning on Monday that ...",
    "complaints from port officials that ...": a noun that names a report, with its owner (before it, or after
    "by" or "from"), and a that-clause; the owner reports the clause (to the end of the sentence or of its clause).
    A side report, like a question: the reading is the caller's to register."""
    sentence = masked[start:end]
    if "that" not in sentence or not SPEECH_NOUN_HINT.search(sentence):
        return None
    matches = sorted((*NOUN_REPORT.finditer(sentence), *NOUN_REPORT_BY.finditer(sentence)), key=lambda m: m.start())
    for match in matches:
        content_start = start + match.end()
        stop = NOUN_REPORT_END.search(masked, content_start, end)
        content = trim(masked, content_start, stop.start() if stop else end)
        if content is None or _too_short(masked[content[0] : content[1]]):
            continue
        if attribution is not None and (
            content[0] <= attribution.cue_start < content[1] or attribution.cue_start == start + match.start("noun")
        ):
            continue  # ("his claim that the port, Berg said, is closing": the sentence's own reading)
        draft = discourse.draft(start)
        speaker, owner_group = _noun_owner(match, draft)
        if speaker is None:
            continue  # ("the Gazette's report that ...": an outlet; "her" with nobody to stand for)
        noun_start, noun_end = start + match.start("noun"), start + match.end("noun")
        owner_span = (start + match.start(owner_group), start + match.end(owner_group))
        return Attribution(
            speaker,
            match.group("noun"),
            noun_start,
            noun_end,
            content,
            None,
            NOUN_REPORT_RULE,
            draft,
            source=owner_span,
        )
    return None


# The heads of a description that names an outlet or a text, never a speaker ("claims by the newspaper that").
NOT_OWNER_HEADS = frozenset(
    "newspaper paper magazine network outlet outlets site website channel station broadcaster report reports "
    "article story media press documents document records poll polls survey study".split()
)


def _noun_owner(match: re.Match[str], draft: Discourse) -> tuple[ParsedSpeaker | None, str]:
    """Who owns a report named by a noun, and the pattern group that names it: a possessive pronoun's referent,
    a name ("Ana Ruiz's claim", "claims by Ana Ruiz"), the name after a description ("an allegation from his
    wife, Ana Ruiz, that"), or a description read as a group on the side ("complaints from port officials")."""
    owner = match.group("owner")
    if owner.casefold() in POSSESSIVE_PRONOUNS:
        return draft.pronoun(POSSESSIVE_PRONOUNS[owner.casefold()]), "owner"
    named = match.groupdict().get("named")
    if named:
        return entity(named, draft, []), "named"
    if NAME_RUN_RE.fullmatch(owner):
        return entity(owner, draft, []), "owner"
    if owner.split()[-1].casefold() in NOT_OWNER_HEADS:
        return None, "owner"
    return draft.side_group(group_name(owner)), "owner"


# Particles of a phrasal verb before an infinitive ("went on to express").
TOPIC_CHAIN_PARTICLES = frozenset({"on", "up", "out", "off", "ahead"})
# Words before a topic verb that make it a noun ("a comment", "no comment", "any mention").
TOPIC_NOUN_BEFORE = MENTION_DETERMINERS | {"no", "any", "every", "whose", "our", "your", "my"}


@dataclass(frozen=True, slots=True)
class _Topic:
    """A topic cue read in a sentence: where the cue stands (offsets in the sentence), its owner and where the
    content starts."""

    cue: tuple[int, int]
    speaker: ParsedSpeaker
    source: tuple[int, int] | None
    content_start: int


def _topic_subject_end(left: str) -> tuple[int, bool]:
    """Where the subject of a topic verb ends in the words before it: before the auxiliaries, negations and adverbs
    and one verb taking it as an infinitive ("Ortiz did not", "the minister declined to", "Ruiz has yet to"); and
    whether any stood there (a base form such as "comment" is a verb only after them or a plural subject)."""
    end = len(left.rstrip())
    words = list(re.finditer(r"\S+", left[:end]))
    infinitive = chained = False
    while words:
        word = words[-1].group()
        if word == "to" and not chained:
            infinitive = True
        elif word in {"yet", "not"} or is_filler(word) or word in AUXILIARIES:
            pass
        elif infinitive and not chained and word in TOPIC_CHAIN_PARTICLES:
            pass  # ("went on to", "set out to")
        elif infinitive and not chained and word.isalpha() and word.islower() and word not in TOPIC_NOUN_BEFORE:
            chained = True  # "declined to", "chose not to": one verb only ("did not respond to requests to": none)
        else:
            break
        end = words.pop().start()
    return end, end < len(left.rstrip())


def _topic_owner(sentence: str, cue_start: int, draft: Discourse) -> tuple[Found | None, bool]:
    """The subject of a topic verb (or of "made", "issued" before a topic noun): a person or a group, not a text
    ("the poll", "their analysis"); and whether auxiliaries or an infinitive's verb stood between them."""
    end, chained = _topic_subject_end(sentence[:cue_start])
    found = speaker_before(sentence[:end] + " ", draft)
    if found.speaker is None or found.speaker.kind not in {"person", "group"} or _names_a_text(found.speaker):
        return None, chained
    return found, chained


# The heads of a description that names a text or a work, never a speaker ("their analysis did not mention").
TEXT_HEADS = NOT_OWNER_HEADS | frozenset(
    "analysis page plan constitution movie film video ad ads platform editorial editorials book letter memo bill "
    "law order speech website pamphlet leaflet brochure".split()
)


def _names_a_text(speaker: ParsedSpeaker) -> bool:
    return speaker.kind == "group" and speaker.name.split()[-1].casefold() in TEXT_HEADS


def _opens_topic(match: re.Match[str], governs: frozenset[str], sentence: str) -> bool:
    """Whether what follows a topic cue is its topic: the preposition it governs, or a direct object."""
    opener = match.group("opener")
    if opener is None:
        return "" in governs and bool(TOPIC_OBJECT.match(sentence, match.end()))
    return (opener.strip() or "-ing") in governs  # ("" before a participle: "a statement condemning ...")


def _topic_verbs(sentence: str, draft: Discourse) -> Iterator[_Topic]:
    """ "The minister declined to comment on the deal", "Karimov did not mention the border talks"."""
    for match in TOPIC_VERB_REPORT.finditer(sentence):
        cue = match.group("cue")
        before = sentence[: match.start()].rstrip()
        previous = before.split()[-1] if before else ""
        if not _opens_topic(match, TOPIC_VERB_GOVERNS[cue], sentence) or previous.casefold() in TOPIC_NOUN_BEFORE:
            continue  # ("commented that ...", "mentioned in passing", "no comment on")
        if previous.endswith(POSSESSIVE_S):
            continue  # ("Berg's comment on")
        found, chained = _topic_owner(sentence, match.start(), draft)
        if found is None or (not chained and cue in TOPIC_BASE_FORMS and previous.casefold() not in PLURAL_PRONOUNS):
            continue  # ("a fair comment on": a base form is a verb after "to", "did not" or "they")
        yield _Topic(match.span("cue"), found.speaker, found.extent, match.end())


def _topic_nouns(sentence: str, draft: Discourse) -> Iterator[_Topic]:
    """ "Weber's promise to cut taxes", "Berg made no mention of the ruling", "Ruiz made comments about the fees"."""
    for match in TOPIC_NOUN_REPORT.finditer(sentence):
        if _opens_topic(match, TOPIC_OWNED_GOVERNS[match.group("noun")], sentence):
            speaker, group = _noun_owner(match, draft)
            if speaker is not None and not _names_a_text(speaker):
                yield _Topic(match.span("noun"), speaker, match.span(group), match.end())
    for match in TOPIC_NOUN_ISSUED.finditer(sentence):
        if _opens_topic(match, TOPIC_NOUN_GOVERNS[match.group("noun")], sentence):
            found, _ = _topic_owner(sentence, match.start(), draft)
            if found is not None:
                yield _Topic(match.span("noun"), found.speaker, found.extent, match.end())


def topic_report(
    masked: str, start: int, end: int, discourse: Discourse, attribution: Attribution | None
) -> Attribution | None:
    """ "The minister declined to comment on the pipeline deal.", "Karimov did not mention the border talks.",
    "her promise to cut taxes": a verb or a noun that reports what was said about a topic (``lexicon.TopicCue``),
    whose object (after the preposition it governs) is the content, to the end of its clause; its speaker is the
    verb's subject or the noun's owner. A side report, like a noun's: the reading is the caller's to register."""
    sentence = masked[start:end]
    if not TOPIC_HINT.search(sentence):
        return None
    draft = discourse.draft(start)
    topics = sorted((*_topic_verbs(sentence, draft), *_topic_nouns(sentence, draft)), key=lambda t: t.cue)
    for topic in topics:
        cue_start, cue_end = start + topic.cue[0], start + topic.cue[1]
        stop = TOPIC_END.search(masked, start + topic.content_start, end)
        content = trim(masked, start + topic.content_start, stop.start() if stop else end)
        if content is None or TOPIC_NOT_OBJECT.match(masked, content[0]):
            continue  # ("declined to comment on Tuesday")
        reported = attribution.content if attribution is not None else None
        if attribution is not None and attribution.cue_start == cue_start:
            continue  # ("Berg commented on the fees": the verb rules read it)
        if reported is not None and content[0] < reported[1] and reported[0] < content[1]:
            continue  # ("Ortiz said his vows to dredge the harbour were empty": inside the sentence's own report)
        source = None if topic.source is None else (start + topic.source[0], start + topic.source[1])
        return Attribution(
            topic.speaker,
            masked[cue_start:cue_end],
            cue_start,
            cue_end,
            content,
            None,
            TOPIC_REPORT_RULE,
            draft,
            source=source,
        )
    return None
