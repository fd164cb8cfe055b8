"""The attribution rules: who said what in one sentence, read around its reporting verb."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import ParsedSpeaker
from ..gazetteer import COUNTRY_ALIASES, ORGANIZATION_ALIASES
from ..media import media_name
from .entities import clean_name, entity, group_name, is_organization, strip_fillers, title_from_appositive
from .lexicon import CUE_FIRST_WORDS, NEEDS_THAT, NOUN_LIKE, OBJECT_VERBS, PARTICIPLE_CUES, PLAIN_CUES
from .patterns import (
    ACCORDING_CHANNEL,
    AND_END,
    ANONYMITY_AFTER,
    APPOSITIVE_AFTER,
    APPOSITIVE_END,
    AUXILIARY_START,
    CHANNEL_RE,
    CHANNEL_SOURCE,
    CLAUSE_CUT,
    CLAUSE_SUBJECT_END,
    CUE_RE,
    DEFINITE_NP_END,
    DELEGATES_AHEAD,
    DESCRIBED_START,
    DESCRIPTION_END,
    GROUP_END,
    GROUP_START,
    INTERVIEW_WITH,
    INVERSION_AHEAD,
    INVERSION_REST,
    LEADING_CONJUNCTION,
    LEADING_DETERMINER,
    LEADING_PHRASE,
    LOWER_TITLE_END,
    NAME_END,
    NAME_OF_END,
    NAME_RUN,
    NAME_START,
    NOT_CONTENT_START,
    OBJECT_RE,
    PAREN_END,
    PARTIAL_CUE_RE,
    PARTICIPLE_AFTER,
    PASSIVE_END,
    PREFIX_RE,
    PREFIXED_NAME_START,
    PREPOSITION_END,
    PRONOUN_END,
    PRONOUN_START,
    QUOTED_AUXILIARY,
    QUOTED_BY,
    RELATIVE_CUT,
    RELATIVE_END,
    RELATIVE_NP_END,
    REVERSED_APPOSITIVE_END,
    REVERSED_APPOSITIVE_START,
    SENTENCE_SUBJECT,
    SHARE_END,
    THAT_AHEAD,
    THAT_START,
    TITLE_BEFORE_OF,
    TITLE_REF_END,
    TITLE_REF_START,
    WORD_RE,
)
from .registry import Discourse
from .spans import Attribution, content_before, trim
from .vocabulary import (
    AUXILIARIES,
    DETERMINERS,
    FALLBACK_FILLER,
    GROUP_HEAD_SET,
    GROUP_WORDS,
    HONORIFIC_WORDS,
    NOT_DESCRIPTION_HEADS,
    NOT_NAME_WORDS,
    NOT_SUBJECT_END,
    NOT_SUBJECT_JOIN,
    NOT_SUBJECT_START,
    NOT_SUBJECT_WORDS,
    OBJECT_PRONOUNS,
    ORG_WORDS,
    PRENOMINAL_HEADS,
    SHARE_WORDS,
    SUBJECT_REACH,
    VERB_INSIDE,
)


def tail_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text, max(0, len(text) - SUBJECT_REACH))


def speaker_before(left: str, speakers: Discourse) -> tuple[ParsedSpeaker | None, int]:
    """The speaker ending ``left`` (subject of the verb after it) and where it starts."""
    text = strip_fillers(left)
    if not text:
        return None, -1
    # Cheap tests on the last characters decide which patterns can match at all.
    last_char = text[-1]
    last_word = text[text.rfind(" ") + 1 :]
    tail_words = set(WORD_RE.findall(text[-70:].lower()))
    match = tail_search(PRONOUN_END, text)
    if match:
        return speakers.pronoun(match.group(1)), match.start()
    match = tail_search(RELATIVE_END, text) if last_word == "who" else None
    if match:
        # "John Bentel, a tech staffer who told ...": the relative pronoun stands for the name.
        speaker = entity(match.group(1), speakers, [])
        if speaker is not None:
            return speaker, match.start()
    match = tail_search(RELATIVE_NP_END, text) if last_word == "who" else None
    if match:
        # "an architect who said ...": an unnamed person or group described by the noun phrase.
        return speakers.group(group_name(match.group(1))), match.start(1)
    match = tail_search(APPOSITIVE_END, text) if last_char == "," else None
    if match:
        titles = title_from_appositive(match.group(2))
        if titles is not None:
            speaker = entity(match.group(1), speakers, titles)
            if speaker is not None:
                return speaker, match.start()
    match = tail_search(NAME_OF_END, text) if last_word[:1].isupper() and tail_words & {"of", "from"} else None
    if match and (
        match.group(2) in COUNTRY_ALIASES
        or match.group(2) in ORGANIZATION_ALIASES
        or any(w in ORG_WORDS for w in match.group(2).split())
    ):
        split = clean_name(match.group(1))
        if split is not None and split[1] and not any(w in ORG_WORDS or w.lower() in GROUP_WORDS for w in split[1]):
            title = " ".join(w for w in split[0] if w not in HONORIFIC_WORDS)
            titles = [f"{title} of {match.group(2)}"] if title else []
            return entity(" ".join(split[1]), speakers, titles), match.start()
    match = tail_search(DEFINITE_NP_END, text) if last_word[:1].islower() else None
    if match:
        return speakers.group(group_name(match.group(1))), match.start(1)
    match = tail_search(PAREN_END, text) if last_char == ")" else None
    if match:
        speaker = entity(match.group(1), speakers, [])
        if speaker is not None:
            return speaker, match.start()
    match = tail_search(REVERSED_APPOSITIVE_END, text) if last_char == "," else None
    if match:
        title = LEADING_DETERMINER.sub("", match.group(1).strip())
        speaker = entity(match.group(2), speakers, [title])
        if speaker is not None:
            return speaker, match.start()
    match = tail_search(TITLE_REF_END, text) if "the" in tail_words else None
    if match:
        found = speakers.by_title(match.group(1))
        if found is not None:
            return found, match.start()
    name_match = tail_search(NAME_END, text) if last_word[:1].isupper() else None
    match = name_match
    if match:
        split = clean_name(match.group(1))
        whole = " ".join(sum(split, [])) if split else ""
        before = re.sub(r"(?:[Tt]he\s*)$", "", text[: match.start()]).rstrip()
        opens_clause = not before or before[-1] in ",;:—" or before.endswith((" and", " but"))
        if opens_clause and (whole in COUNTRY_ALIASES or is_organization(whole)):
            return entity(match.group(1), speakers, []), match.start()
    match = tail_search(SHARE_END, text) if tail_words & SHARE_WORDS else None
    if match:
        # "Twenty-four percent said", "One in three said": a share of those polled is a group.
        return speakers.group(group_name(match.group(1))), match.start(1)
    match = tail_search(GROUP_END, text) if tail_words & GROUP_HEAD_SET else None
    if match:
        phrase = LEADING_CONJUNCTION.sub("", match.group(1))
        first = phrase.split()[0]
        if first not in NOT_NAME_WORDS or first.lower() in GROUP_WORDS:
            return speakers.group(group_name(phrase)), match.start()
    match = tail_search(DESCRIPTION_END, text) if last_word[:1].islower() and last_word.isalpha() else None
    if (
        match
        and match.group(1).split()[-1].lower() not in NOT_DESCRIPTION_HEADS
        and not (AUXILIARIES & set(match.group(1).lower().split()))
    ):
        # "The Republican presidential nominee said": a description; the person it names, if known.
        words = match.group(1).split()
        while len(words) > 2 and words[-1].endswith("ed"):
            words.pop()  # "the joint statement adopted (on Monday)": the statement
        found = speakers.by_title(" ".join(words))
        return found or speakers.group(group_name(" ".join(words))), match.start(1)
    if (
        name_match
        and PREPOSITION_END.search(text, max(0, name_match.start() - 12), name_match.start())
        and not (TITLE_BEFORE_OF.search(text, max(0, name_match.start() - 40), name_match.start()))
    ):
        name_match = None  # "the Center in Dallas maintains": the name is the object of "in"
    match = name_match
    if match:
        # "Kenyan lawmaker Njeri Wambugu": a lower-case title printed before the name.
        title = LOWER_TITLE_END.search(text, max(0, match.start() - 80), match.start())
        speaker = entity(match.group(1), speakers, [title.group(1)] if title else [])
        if speaker is not None:
            return speaker, match.start()
    match = tail_search(CLAUSE_SUBJECT_END, text)
    if (
        match
        and not (AUXILIARIES | NOT_SUBJECT_WORDS | DETERMINERS) & set(match.group(1).lower().split()[-1:])
        and not ((AUXILIARIES | NOT_SUBJECT_WORDS) & set(match.group(1).lower().split()))
    ):
        # "Iowa biofuels advocates say", "26% say": a short noun phrase opening its clause.
        phrase = match.group(1)
        if not any(word.endswith("ed") and word.islower() for word in phrase.split()):
            return speakers.group(group_name(phrase)), match.start(1)
    return None, -1


def speaker_after(right: str, speakers: Discourse) -> tuple[ParsedSpeaker | None, int]:
    """The speaker right after an inverted verb (", said Marta Okonkwo, director of ...")."""
    match = PRONOUN_START.match(right)
    if match:
        return speakers.pronoun(match.group(1)), match.end()
    match = TITLE_REF_START.match(right)
    if match:
        found = speakers.by_title(match.group(1))
        if found is not None:
            return found, match.end()
    match = GROUP_START.match(right)
    if match and (
        match.group(1)[0].islower() or match.group(1).split()[0] in {"The", "A", "An", "Some", "Many", "Several"}
    ):
        return speakers.group(group_name(match.group(1))), match.end()
    match = REVERSED_APPOSITIVE_START.match(right)
    if match:
        speaker = entity(match.group(2), speakers, [LEADING_DETERMINER.sub("", match.group(1).strip())])
        if speaker is not None:
            return speaker, match.end()
    match = DESCRIBED_START.match(right)
    if match and match.group(2).split()[-1] in PRENOMINAL_HEADS:
        # "said Foreign Ministry spokesperson Zhao Lijian", "said Harbour Radio host Mira Castell":
        # the body or outlet and the lower-case title before the name are the person's role.
        speaker = entity(match.group(3), speakers, [f"{match.group(1)} {match.group(2).strip()}"])
        if speaker is not None and speaker.kind == "person":
            return speaker, match.end()
    match = NAME_START.match(right) or PREFIXED_NAME_START.match(right)
    if match:
        titles: list[str] = []
        prefix = match.group(1) if match.re is PREFIXED_NAME_START else ""
        if prefix and match.lastindex == 2:
            # "said 9/11 widow Terry Strada": a lower-case description before the name.
            described = LEADING_DETERMINER.sub("", prefix.strip() + " ").strip()
            speaker = entity(match.group(2), speakers, [described] if described else [])
            return (speaker, match.end()) if speaker is not None else (None, -1)
        end = match.end()
        paren = re.match(r"\s*\([^()]{1,40}\)", right[end:])
        if paren:
            end += paren.end()  # "Rep. Gwen Moore (D-Wis.)": a party label
        appositive = APPOSITIVE_AFTER.match(right, end)
        if appositive:
            titles = title_from_appositive(appositive.group(1)) or []
            if titles:
                end = appositive.end()
        speaker = entity(match.group(1), speakers, titles)
        if speaker is not None:
            return speaker, end
        described = DESCRIBED_START.match(right)
        if described and media_name(described.group(1), speakers.outlets):
            # "said MSNBC host Chris Matthews": the outlet describes the person who speaks.
            speaker = entity(described.group(3), speakers, [f"{described.group(1)} {described.group(2).strip()}"])
            if speaker is not None:
                return speaker, described.end()
    return None, -1


def channel_of(sentence: str) -> str | None:
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


def read_attribution(
    masked: str, start: int, end: int, speakers: Discourse, fallback: bool = False
) -> Attribution | None:
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
    for cue_match in cue_matches(sentence):
        speakers.restore(saved)
        cue = cue_match.group()
        cue_start, cue_end = start + cue_match.start(), start + cue_match.end()
        left, right = sentence[: cue_match.start()], sentence[cue_match.end() :]
        if not sentence_channel:
            sentence_channel.append(channel_of(sentence))
        channel = sentence_channel[0]

        if cue.casefold().startswith("according to"):
            # "According to X, content." or "content, according to X."
            after = right
            comma = after.find(",")
            source_text = after[: comma if comma >= 0 else len(after)].strip().rstrip(".")
            if CHANNEL_SOURCE.match(source_text):
                # "according to a statement": with a reporting verb in the sentence it names that
                # verb's channel; alone, the document itself is the source.
                if document_source is None:
                    document_source = (cue_match, source_text, comma)
                continue
            speaker, _ = speaker_after(" " + source_text, speakers)
            bare = LEADING_DETERMINER.sub("", source_text)
            if speaker is None and bare[:1].isupper():
                speaker = entity(bare, speakers, [])
            if speaker is None and source_text[:1].islower():
                speaker = speakers.group(group_name(source_text))
            elif speaker is None and source_text:
                speaker = entity(source_text, speakers, [])
            if speaker is None:
                continue
            if left.strip() and comma >= 0 and len(after[comma + 1 :].split()) >= 3:
                content = trim(masked, start, end)  # "Since May, according to X, prices rose": both sides
            elif left.strip():
                content = trim(masked, start, cue_start)
            else:
                content = trim(masked, start + cue_match.end() + (comma if comma >= 0 else len(after)), end)
            return Attribution(speaker, "according to", cue_start, cue_end, content, channel)

        if "quoted" in cue:
            quoted = re.match(r"(?:was|were|is|are)\s+quoted", cue)
            if quoted:
                speaker, _ = speaker_before(left, speakers)
            else:
                target = re.match(r"quoted\s+(.+?)\s+as\s+saying", cue).group(1)
                if target.casefold() in OBJECT_PRONOUNS:
                    speaker = speakers.pronoun(OBJECT_PRONOUNS[target.casefold()])
                else:
                    speaker = entity(target, speakers, [])
                by = QUOTED_BY.search(sentence)
                channel = by.group(1) if by else channel
            if speaker is None:
                continue
            that = THAT_START.match(right)
            content = trim(masked, cue_end + (that.end() if that else 0), end)
            return Attribution(speaker, cue, cue_start, cue_end, content, channel)

        if cue == "pledged" and DELEGATES_AHEAD.match(right):
            continue  # "pledged delegates": an adjective
        if cue in NEEDS_THAT and not THAT_AHEAD.match(right):
            continue  # "proposed a tax", "revealed its plans", "pledged delegates": no reported clause
        if cue.startswith("ask") and ANONYMITY_AFTER.match(right):
            continue  # "who asked not to be named": a condition, not a question
        if (cue.endswith("ed") or cue in {"told", "said", "written"}) and PASSIVE_END.search(
            left, max(0, len(left) - 24)
        ):
            continue  # "the issue was reported by the Post": passive, the subject is not a speaker
        known_before = len(speakers.by_key)
        speaker, subject_start = None, -1
        if (
            left.rstrip().endswith(",")
            and cue not in PARTICIPLE_CUES
            and cue not in OBJECT_VERBS  # "..., Abenov told Continental Wire": the object, not the speaker
            and INVERSION_AHEAD.match(right)
        ):
            # "CONTENT, said Larry Sabato, director of the Center.": the verb before its subject, and
            # the sentence ends with the speaker. A name ending the content is no subject then.
            trial, trial_end = speaker_after(right, speakers)
            if trial is not None and INVERSION_REST.fullmatch(right, trial_end):
                content = trim(masked, start, start + len(left.rstrip()))
                return Attribution(trial, cue, cue_start, cue_end, content, channel)
            speakers.restore(saved)
        speaker, subject_start = speaker_before(left, speakers)
        known_before = len(speakers.by_key) == known_before
        participle = cue in PARTICIPLE_CUES and (cue == "saying" or left.rstrip().endswith(","))
        if speaker is None and (AND_END.search(left) or participle):
            # "Cruz exhorted Republicans ... and said ...", "Trump sent tweets saying ...": the
            # subject opens the sentence.
            subject = SENTENCE_SUBJECT.match(sentence)
            if subject:
                speaker, _ = speaker_before(subject.group(1), speakers)
                subject_start = len(left)
        inverted = False
        if speaker is None:
            before = left.rstrip()
            if before.endswith((",", '"', "”", "—")):
                speaker, subject_end = speaker_after(right, speakers)
                inverted = speaker is not None
        if speaker is None and fallback and cue in PLAIN_CUES:
            speaker, subject_start = fallback_speaker(left, speakers)
        if speaker is None:
            continue
        if cue in NOUN_LIKE and (
            inverted or speaker.kind != "person" or (" " not in speaker.name and not known_before)
        ):
            continue  # "island states called", "Republican claims": a noun, not a verb

        if inverted:
            content = trim(masked, start, start + len(left.rstrip()))
            return Attribution(speaker, cue, cue_start, cue_end, content, channel)

        # Speaker before the verb: the content follows ("said that ...") or came first ("..., X said").
        offset = 0
        prefix_end = 0
        if cue in OBJECT_VERBS:
            obj = OBJECT_RE.match(right)
            if obj:
                prefix_end = obj.end()
        prefix = PREFIX_RE.match(right, prefix_end)
        offset = prefix.end() if prefix else prefix_end
        that = THAT_START.match(right, offset)
        if that:
            offset = that.end()
        content = trim(masked, cue_end + offset, end)
        if content is not None:
            # "..., according to a statement released after the meeting": a channel, not content.
            tail = ACCORDING_CHANNEL.search(masked, content[0], content[1])
            if tail:
                channel = channel or tail.group(1)
                content = trim(masked, content[0], tail.start())
        if (
            content is not None
            and not that
            and (NOT_CONTENT_START.match(masked, content[0]) or PARTICIPLE_AFTER.match(right))
        ):
            content = None  # "responded with logic", "said, looking out on the crowd"
        phrase_skipped = right[prefix_end:offset].strip(" ,")
        if content is not None and not that and phrase_skipped and AUXILIARY_START.match(masked, content[0]):
            content = None  # "The pledges announced in Geneva will be tracked": a participle, not speech
        if content is not None and cue.startswith("continu") and not that:
            content = None  # "continues his adulation": not speech without "that"
        remainder = right[offset:].strip() if content is not None else ""
        before_subject = left[:subject_start].rstrip()
        if right.lstrip().startswith(":"):
            content = None  # "she said:" introduces a quotation that follows
        elif content is None or not that and len(remainder.split()) < 2:
            content = content_before(masked, start, before_subject)
        elif before_subject.endswith(",") and right.lstrip().startswith(",") and not that:
            # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": content on both sides.
            content = trim(masked, start, end)
        return Attribution(speaker, cue, cue_start, cue_end, content, channel)
    speakers.restore(saved)
    if document_source is not None:
        cue_match, source_text, comma = document_source
        left = sentence[: cue_match.start()]
        if left.strip() and comma >= 0 and len(sentence[cue_match.end() + comma + 1 :].split()) >= 3:
            content = trim(masked, start, end)
        elif left.strip():
            content = trim(masked, start, start + cue_match.start())
        else:
            content = trim(masked, start + cue_match.end() + (comma if comma >= 0 else len(sentence)), end)
        speaker = speakers.group(group_name(source_text))
        if speaker is None:
            return None  # "according to the Prairie Times": an outlet is no source
        return Attribution(speaker, "according to", start + cue_match.start(), start + cue_match.end(), content, None)
    return None


def fallback_speaker(left: str, speakers: Discourse) -> tuple[ParsedSpeaker | None, int]:
    """The subject of "SUBJECT said" read as a noun phrase when no speaker pattern knew it."""
    reach = max(0, len(left) - SUBJECT_REACH)
    left = left[reach:]  # a subject is near its verb: keeps the reading linear
    words = strip_fillers(left).split()
    while words and (words[-1].casefold() in FALLBACK_FILLER or (words[-1].endswith("ly") and words[-1].islower())):
        words.pop()
    if (
        not words
        or words[-1].casefold().strip(",") in NOT_SUBJECT_START | NOT_SUBJECT_JOIN
        or words[-1][-1] in '?!."”_'
    ):
        return None, -1
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
    cut = None
    for cut in CLAUSE_CUT.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    subject = text[cut.end() :] if cut else text
    comma = subject.rfind(", ")
    if comma >= 0 and len(subject[comma + 2 :].split()) <= 5 and len(subject[:comma].split()) >= 3:
        subject = subject[comma + 2 :]  # "..., several friends said": the words after the last comma
    subject = LEADING_CONJUNCTION.sub("", LEADING_PHRASE.sub("", subject).strip(" ,"))
    subject_words = subject.split()
    if not subject_words or len(subject_words) > 12 or "_" in subject:
        return None, -1
    if VERB_INSIDE & {w.casefold() for w in subject_words} or subject_words[0].casefold() in NOT_SUBJECT_START:
        return None, -1
    if subject_words[-1].casefold().strip(",") in NOT_SUBJECT_END:
        return None, -1
    position = reach + left.rfind(subject_words[0])
    # A person named at the head of the subject ("RNC spokesman Sean Spicer on Thursday said").
    name = re.match(rf"(?:(?:[a-z][\w-]*\s+){{0,3}})({NAME_RUN})", subject)
    if (
        name
        and subject[: name.start(1)].strip().casefold() not in {"the", "a", "an"}
        and not re.match(r"[\w'’-]+['’]s\b", name.group(1).split()[-1] + " ")
    ):
        split = clean_name(name.group(1))
        if split is not None and split[1] and not any(w.endswith(("'s", "’s")) for w in name.group(1).split()):
            speaker = entity(name.group(1), speakers, [])
            if speaker is not None:
                return speaker, position
    return speakers.group(group_name(" ".join(subject_words[:8]))), position


def partial_speaker(masked: str, start: int, end: int, speakers: Discourse) -> tuple[ParsedSpeaker, str] | None:
    sentence = masked[start:end]
    for match in PARTIAL_CUE_RE.finditer(sentence):
        speaker, _ = speaker_before(sentence[: match.start()], speakers)
        if speaker is not None:
            return speaker, match.group()
    return None
