"""Quoted passages, masking, sentence bounds and the shape of quotes (direct, partial, joined)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..article import ParsedQuote, ParsedSpeaker
from ..media import wire_lede
from .lexicon import CUE_FIRST_WORDS, OBJECT_VERBS, REPORT_OPENERS
from .patterns import (
    AUXILIARY_START,
    CLAUSE_AHEAD_RE,
    CLAUSE_LINKS,
    CONNECTIVE_LEAD,
    CONNECTIVE_OPENING,
    CUE_RE,
    FIRST_LETTER,
    INTERRUPTION,
    NON_SPACE,
    OTHER_SENTENCE,
    OWN_ATTRIBUTION,
    PARTICIPLE_BEFORE_QUOTE,
    PARTICIPLE_START,
    PREPOSITION_START,
    PRONOUN_START,
    QUOTATION_GOES_ON,
    QUOTE_AFTER_PARTICIPLE,
    QUOTE_INTRO_END,
    QUOTE_MARK,
    QUOTED_END,
    REPORT_TO_QUOTE,
    SENTENCE_END,
    SPEECH_NOUNS,
    THAT_OR_QUOTE,
    THING_RELATIVE_END,
    TITLE_SMALL_WORDS,
    WORK_BEFORE_TITLE,
)
from .vocabulary import ABBREVIATIONS

if TYPE_CHECKING:
    from .rules import Attribution


# A height in feet and inches before a double mark ("6’2”", "5'11\""): the mark is the inch sign.
INCH_MARK_BEFORE = re.compile(r"(?<![\w.])\d['’]\d{1,2}$")


def quote_spans(body: str, paragraph_break: str = "\n\n") -> list[tuple[int, int]]:
    """(opening mark, closing mark) positions; a quote may run over several paragraphs.

    A paragraph that opens a quote without closing it continues in the next paragraph when
    that one opens with a quotation mark again (the print convention); otherwise the quote is
    taken to end with its paragraph.
    """
    spans: list[tuple[int, int]] = []
    open_at = -1
    position = 0
    length = len(body)
    skip_to = -1  # the closing mark of a nested quotation, skipped with it
    for match in QUOTE_MARK.finditer(body):
        index = match.start()
        mark = match.group()
        if index <= skip_to or INCH_MARK_BEFORE.search(body, max(0, index - 6), index):
            continue  # (the mark after "6’2" is a height's inch mark, no quotation mark)
        if open_at >= 0:
            gap = body.find(paragraph_break, position, index)
            if gap >= 0:
                # The quote was left open at a paragraph end: does the next paragraph reopen it?
                paragraph_start = gap + len(paragraph_break)
                while paragraph_start < length and body[paragraph_start] in " \t\n":
                    paragraph_start += 1
                if paragraph_start == index and mark != "”":
                    position = index + 1
                    continue
                spans.append((open_at, gap))
                open_at = -1
        if open_at < 0:
            previous = body[index - 1] if index else " "
            # A straight mark opens a quote only where a word could start: after a space or bracket.
            if mark == "“" or (mark == '"' and (index == 0 or previous.isspace() or previous in "([{—–-/")):
                open_at = index
            position = index + 1
            continue
        if _opens(body, index):
            inner_close = _nested_close(body, index, paragraph_break)
            if inner_close >= 0:
                # A quotation inside the quotation, printed with the same double marks: skip it.
                skip_to = inner_close
                position = inner_close + 1
                continue
        if mark == "“" and not _closes(body, index):
            # A second opening mark before a close: the first quote was never closed.
            spans.append((open_at, index))
            open_at = index
            position = index + 1
            continue
        spans.append((open_at, index))
        open_at = -1
        position = index + 1
    if open_at >= 0:
        end = body.find(paragraph_break, position)
        spans.append((open_at, end if end >= 0 else len(body.rstrip())))
    return spans


def _closes(body: str, index: int) -> bool:
    """Whether an opening mark at ``index`` is printed where a quote closes ('here,“ said Berg', 'the
    states“ with'): right after the quote's last word or punctuation and before a space, a
    punctuation mark or the end, where no quote opens."""
    after = body[index + 1 : index + 2]
    previous = body[index - 1] if index else " "
    return (
        index > 0
        and not previous.isspace()
        and previous not in "([{—–-/\"'"
        and (not after or after.isspace() or after in ",.;:!?)")
    )


def _opens(body: str, index: int) -> bool:
    """Whether the double mark at ``index`` stands where a quotation opens: a curly opening mark that
    closes nothing, or a straight mark after a space or bracket and before a word."""
    mark = body[index]
    if mark == "“":
        return not _closes(body, index)
    if mark != '"':
        return False
    previous = body[index - 1] if index else " "
    after = body[index + 1 : index + 2]
    return (previous.isspace() or previous in "([{—–-/") and bool(after) and not after.isspace()


def _nested_close(body: str, index: int, paragraph_break: str) -> int:
    """The closing mark of a quotation opened at ``index`` inside a quotation still open, or -1.

    '“Voters wore “Vote Vale” shirts,” Berg said': the inner quotation is nested when the marks
    after it close both it and the outer one in the same paragraph, or close it and leave the outer
    one open to a next paragraph that opens with a quotation mark again (a quotation over several
    paragraphs). Otherwise the outer quotation was never closed and ends where this one opens.
    """
    end = body.find(paragraph_break, index)
    end = len(body) if end < 0 else end
    depth = 2  # the outer quotation and the inner one
    inner_close = -1
    for match in QUOTE_MARK.finditer(body, index + 1, end):
        depth += 1 if _opens(body, match.start()) else -1
        if depth == 1 and inner_close < 0:
            inner_close = match.start()
        if depth == 0:
            return inner_close
    if depth != 1 or inner_close < 0:
        return -1
    following = body[end + len(paragraph_break) :].lstrip(" \t\n")[:1]
    return inner_close if end < len(body) and following and following in '"“' else -1


def misprinted_closers_mend(body: str, spans: list[tuple[int, int]]) -> str:
    """The body with each closing mark printed as an opening one ('"...,“ said Berg') put right, so that the
    rules read the attribution after it as after any closing mark (the length is kept)."""
    closers = [closing for _, closing in spans if body[closing : closing + 1] == "“" and _closes(body, closing)]
    if not closers:
        return body
    chars = list(body)
    for closing in closers:
        chars[closing] = "”"
    return "".join(chars)


def mask_quotes(body: str, spans: list[tuple[int, int]]) -> str:
    """The body with quoted words replaced by '_' (keeping final punctuation for sentence ends)."""
    parts = []
    position = 0
    for opening, closing in spans:
        parts.append(body[position : opening + 1])
        inner = body[opening + 1 : closing]
        keep = inner[-1] if inner and inner[-1] in ".!?," else ""
        parts.append("_" * (len(inner) - len(keep)) + keep)
        position = closing
    parts.append(body[position:])
    return "".join(parts)


def attribution_follows(masked: str, position: int) -> bool:
    """Whether a name (up to five capitalised words) and a reporting verb start at ``position``, the verb not
    followed by a report of its own ('"We won." Berg said she would stay.': the quotation is a sentence of its own)."""
    words = masked[position : position + 80].split()[:8]
    for index, word in enumerate(words):
        if word.rstrip(".") in CUE_FIRST_WORDS:  # ('"Why wait?" Obama asked.': the verb ends the sentence)
            reports = not word.endswith(".") and index + 1 < len(words) and words[index + 1] in REPORT_OPENERS
            return 0 < index <= 5 and not reports
        if not word[:1].isupper() or word.endswith((",", ";", ":")):
            return False
    return False


def quote_opens_sentence(masked: str, sentence_start: int, closing: int) -> bool:
    """Whether the quotation closed at ``closing`` is the whole sentence so far ('"We will win." Berg said.'),
    not quoted words ending a sentence of its own ('Berg called it "a farce." She added that ...')."""
    opening = max(masked.rfind('"', sentence_start, closing), masked.rfind("“", sentence_start, closing))
    return opening >= 0 and not masked[sentence_start:opening].strip()


def _initials(word: str) -> bool:
    """ "J.R." before "Molloy": a person's two initials (not "D.C." or "L.A.", which end sentences)."""
    return len(word) == 3 and word[1] == "." and word[0].isalpha() and word[2].isalpha() and word not in PLACE_INITIALS


# Abbreviations that may end a sentence ("at 5 p.m.", "and so on, etc."): a capitalised pronoun or determiner
# after one opens the next sentence ("... at 5 p.m. He says ...").
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"a.m", "p.m", "etc"})
SENTENCE_OPENING_WORD = re.compile(
    r"[\"“]?(?:He|She|They|It|We|I|You|The|A|An|This|That|These|Those|His|Her|Their|Its|Our|My)\b"
)


def sentence_bounds(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence boundaries in masked[start:end], not splitting after abbreviations."""
    bounds = []
    sentence_start = start
    for match in SENTENCE_END.finditer(masked, start, end):
        # (From the sentence start when no space precedes: "Mr." opening a paragraph is no sentence end.)
        word_start = max(masked.rfind(" ", sentence_start, match.start()) + 1, sentence_start)
        word = masked[word_start : match.start()].lstrip('("“').casefold()
        if match.end() == match.start() + 1 and not masked[word_start : match.start()].isalpha():
            continue  # no space after the mark: a sentence end only after a plain lower-case word ("said.Trump")
        # ("then-Sen. Obama", "ex-Gov. Berg": an abbreviation after a hyphened prefix.)
        if word in SENTENCE_FINAL_ABBREVIATIONS and SENTENCE_OPENING_WORD.match(masked, match.end()):
            pass  # "at 5 p.m. He says": a sentence ends with the abbreviation
        elif word in ABBREVIATIONS or word.rpartition("-")[2] in ABBREVIATIONS:
            continue
        elif (len(word) == 1 and word.isalpha()) or _initials(word):
            continue
        if (
            masked[match.end() - 2] in '"”'
            and attribution_follows(masked, match.end())
            and (masked[match.start()] != "." or quote_opens_sentence(masked, sentence_start, match.end() - 2))
        ):
            continue  # '"Why wait?" Obama asked.': the attribution belongs to the quote's sentence
        bounds.append((sentence_start, match.start() + 1))
        sentence_start = match.end()
    if sentence_start < end:
        bounds.append((sentence_start, end))
    return bounds


# Two-letter abbreviations of places, which may end a sentence (not initials of a name).
PLACE_INITIALS = {"d.c", "l.a", "n.y", "n.j", "n.h", "s.c", "n.c", "u.s", "u.k", "u.n", "e.u"}

# The rule name of a question put by an unnamed asker ("Asked whether ..., she said"): see ``rules.asked_question``.
ASKED_QUESTION_RULE = "asked_question"
# A second report in a relative clause ('"...," said Berg, who said ...'): see ``rules._relative_report``.
RELATIVE_REPORT_RULE = "relative_report"
# Reports inside an attribution: a quotation that goes on after them still goes on the quotation before.
# A group's report in a relative clause ("voters who said ..."): see ``rules.group_relative``.
GROUP_RELATIVE_RULE = "group_relative"
# A report named by a noun with its owner ("his claim that ..."): see ``rules.noun_report``.
NOUN_REPORT_RULE = "noun_report"
# A report of a topic ("declined to comment on the deal", "his calls for a ceasefire"): see ``rules.topic_report``.
TOPIC_REPORT_RULE = "topic_report"
SIDE_REPORT_RULES = frozenset({ASKED_QUESTION_RULE, RELATIVE_REPORT_RULE, GROUP_RELATIVE_RULE})
# The rule suffix of a second report after the verb: "..., she said, adding that ...".
ADDING_SUFFIX = "+adding"


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Narrow [start, end) to the content: no surrounding spaces, commas or final period."""
    while start < end and text[start] in " \t\n,:;—–-\x01":
        start += 1
    while end > start and text[end - 1] in " \t\n,.;:!?—–-":
        end -= 1
    if end - start < 3:
        return None
    return start, end


def report_before_quote(masked: str, attribution: Attribution, opening: int) -> tuple[int, int] | None:
    """Reported words between the verb and a quotation that follows them in the same sentence, or before the
    attribution when the quotation follows it ("The port will close, Berg said, adding, "..."")."""
    content = attribution.content
    if (
        content is not None
        and content[1] <= attribution.cue_start
        and attribution.cue_end <= opening
        and QUOTE_AFTER_PARTICIPLE.match(masked, attribution.cue_end, opening)
    ):
        return content if len(masked[content[0] : content[1]].split()) >= 3 else None
    if content is None or not attribution.cue_end <= content[0] < opening:
        return None
    segment = masked[attribution.content[0] : opening]
    if PREPOSITION_START.match(segment):
        return None  # 'said of the mayor: "..."', 'said in his book, "..."': no reported words
    if (
        len(segment) > 400
        or segment.rstrip()[-1:] not in {",", ":", ";", "—"}
        and not segment.rstrip().endswith((" said", " added", " say"))
        and not PARTICIPLE_BEFORE_QUOTE.search(segment)
    ):
        return None
    intro = QUOTE_INTRO_END.search(segment)
    end = attribution.content[0] + (intro.start() if intro else len(segment))
    span = trim(masked, attribution.content[0], end)
    if span is None or len(masked[span[0] : span[1]].split()) < 3:
        return None
    return span


# The rule suffix of a report that runs on into the quotation after it: see ``report_into_quotation``.
REPORT_INTO_QUOTATION = "+report_into_quotation"
# "said that ...": a that-clause opens right after the verb (and the words before it).
THAT_BEFORE_CONTENT = re.compile(r"\bthat\s*$")


def report_into_quotation(
    masked: str, attribution: Attribution, quote: tuple[int, int], sentence_end: int
) -> tuple[int, int] | None:
    """The span of 'Ruiz said that the plan was dead: "We will not vote for it."': a clause reported right after
    the verb that leads straight into a quotation, set off by a colon or a comma with no verb of its own, is one
    statement whose last part is quoted, from the report's start to the quotation's end.

    A reader takes the speaker's lead-in as part of what was said. The quotation stays a statement of its own
    after a second verb ('..., and added: "B."', see ``report_before_quote``), after words that are no clause
    ('said of the mayor: "..."', 'explained it this way: "..."', 'said in a statement, "..."'), and when it has an
    attribution of its own ('..., she said: "B," Ruiz added.').
    """
    opening, closing = quote
    content, cue_end = attribution.content, attribution.cue_end
    if content is None or not cue_end <= content[0] < opening:
        return None
    gap = masked[cue_end : content[0]]  # "that" ('said in an interview that ...'), or nothing before a clause
    if AUXILIARY_START.match(masked, content[0]):
        return None  # 'responded with a phrase that could have come from ...': a relative clause, no report
    if (
        not THAT_BEFORE_CONTENT.search(gap)
        and (
            gap.strip()  # (the reading left words out before its report: 'said in an op-ed piece ...')
            or not CLAUSE_AHEAD_RE.match(masked, cue_end)
            or PREPOSITION_START.match(masked[cue_end:opening].lstrip())
        )
    ):
        return None
    lead = masked[content[0] : opening].rstrip()
    if len(lead) > 400 or not lead.endswith((":", ",")) or CUE_RE.search(lead):
        return None  # ('..., adding: "': a verb of its own introduces the quotation)
    if CUE_RE.search(masked, closing + 1, sentence_end):
        return None
    return trim(masked, content[0], closing)


def content_before(masked: str, start: int, before_subject: str) -> tuple[int, int] | None:
    """The content of "CONTENT, the BBC reported.": up to the comma before the subject.

    The subject pattern may have left a determiner or a lower-case description out of the
    subject ("the", "longtime adviser"): a few such words between the comma and it are allowed.
    """
    if before_subject.endswith(","):
        return trim(masked, start, start + len(before_subject))
    comma = before_subject.rfind(",")
    between = before_subject[comma + 1 :]
    if comma < 0 or len(between.split()) > 6 or any(mark in between for mark in '"“”_;:'):
        return None
    return trim(masked, start, start + comma)


def quote_continues(masked: str, opening: int) -> bool:
    """Whether the sentence goes on after a quote that did not end in punctuation."""
    closing = masked.find("_", opening)
    while closing < len(masked) and masked[closing] == "_":
        closing += 1
    if closing < len(masked) and masked[closing] in ",.!?":
        return False  # the quoted words end a clause of their own
    if closing >= len(masked) or masked[closing] not in '"“”':
        return False  # no closing mark: the quotation was left open at the end of its paragraph
    after = masked[closing + 1 : closing + 40]
    if "\n" in after[: len(after) - len(after.lstrip())]:
        return False  # the paragraph ends with the quote
    after = after.lstrip()
    if not after or not after[0].isalnum():
        return False
    return not CUE_RE.match(after) and not PRONOUN_START.match(" " + after)


def _first_letter(body: str, opening: int, closing: int) -> str | None:
    """The first letter of the quotation opening at ``opening`` (within its first words), to tell a sentence of
    its own (a capital) from words going on (lower case)."""
    letter = FIRST_LETTER.search(body, opening + 1, min(closing, opening + 12))
    return None if letter is None else letter.group()


# A quotation of fewer words than this is a term or a phrase ('"harbour dues"'), no sentence of its own.
TERM_WORDS = 4


def is_term(body: str, opening: int, closing: int) -> bool:
    """Whether the quotation whose marks stand at ``opening`` and ``closing`` has fewer than TERM_WORDS words."""
    return len(body[opening + 1 : closing].split()) < TERM_WORDS


def is_direct(
    body: str,
    masked: str,
    sentence_start: int,
    opening: int,
    closing: int,
    attribution: Attribution | None,
    direct: list[tuple[int, int]],
) -> bool:
    """Whether the quote opening at ``opening`` is a full quotation rather than a fragment."""
    lead = masked[sentence_start:opening].rstrip()
    if not lead.lstrip("([") or (attribution is None and CONNECTIVE_LEAD.fullmatch(lead)):
        return True  # the quote opens the sentence, or a parenthesis: '("We won," she said.)'
    if quote_continues(masked, opening):
        return False  # 'said "budget reforms" would pay for it': a fragment inside reported content
    if lead.endswith(":"):
        return True
    if lead.endswith(("-", "—", "–")) and attribution is not None and attribution.cue_start > closing:
        # 'He railed at the firm - "I love its biscuits," he said, "but ..." - and ...': a quotation set off by a
        # dash, its attribution right after it.
        between = masked[closing + 1 : attribution.cue_start]
        broken_off = masked[closing - 1] == "," or between.lstrip().startswith(",")
        if broken_off and "_" not in between and len(between.split()) <= 6:
            return True
    if lead.endswith(",") and (not lead[:-1].strip() or CUE_RE.search(lead[-25:])):
        return True  # 'Halabi said, "...' or the quote opens the sentence
    if attribution is not None and lead.endswith(attribution.cue) and attribution.cue_end <= opening:
        if is_term(body, opening, closing) and body[closing - 1] not in ".,!?":
            return False  # 'She mentioned "harbour dues".': a few quoted words, no sentence of their own
        # 'Halabi said "...', not 'Halabi said the town lost a voice that said "...': a relative clause's verb
        # right before the quotation is another speaker's (a thing's), whatever the sentence's own verb.
        if attribution.cue_end == sentence_start + len(lead) or not THING_RELATIVE_END.search(
            lead[: -len(attribution.cue)]
        ):
            return True
    whole = masked[closing - 1 : closing] in (".", "!", "?")  # the quotation is a whole sentence
    if whole and PARTICIPLE_BEFORE_QUOTE.search(lead + " "):
        return True  # 'She noted her years as mayor, saying "we faced hard times."': a second verb, a whole sentence
    if whole and lead.endswith(",") and "_" not in lead and attribution is not None and attribution.cue_end <= opening:
        addressee = masked[attribution.cue_end : opening]
        if (
            attribution.cue in OBJECT_VERBS | {"telling"}
            and len(addressee.split()) <= 12
            and not THAT_OR_QUOTE.search(addressee)
        ):
            return True  # 'she told the mayors who met in Dover, "no one should doubt us."'
        letter = _first_letter(body, opening, closing)
        if letter is not None and letter.isupper() and not THAT_OR_QUOTE.search(addressee):
            return True  # 'she said on the radio on Monday, in reference to the strike, "No one should doubt us."'
    if direct and attribution is not None and attribution.cue_end <= opening:
        # The second part of an interrupted quote: '"A," she said, adding, "B."' or '..., but "B."'
        between = masked[direct[-1][1] + 1 : opening]
        if lead.endswith((",", "but", "and")) and len(between.split()) <= 14:
            return True
        # '"A," said Ana Ruiz, the director of ... in Lisbon, "but B."': the first part breaks off at a comma and
        # the second goes on in lower case, however long the attribution between them.
        letter = _first_letter(body, opening, closing)
        broken_off = masked[direct[-1][1] - 1] == "," or between.startswith(",")
        return lead.endswith(",") and broken_off and letter is not None and letter.islower()
    return False


def names_a_work(body: str, masked: str, sentence_start: int, opening: int, closing: int) -> bool:
    """Whether the quotation at ``opening`` is the title of a work, not words somebody said.

    Its words are in title case, and a noun for a work stands right before it ('she wrote in her
    memoir, "Tough Tides."') or the sentence goes on after it as after a modifier ('"Night Court"
    star Anna Vale ...').
    """
    words = re.findall(r"[^\W\d_][\w’'-]*", body[opening + 1 : closing])
    if not words or len(words) > 10 or not words[0][0].isupper():
        return False
    if any(word[0].islower() and word not in TITLE_SMALL_WORDS for word in words):
        return False
    lead = masked[sentence_start:opening]
    if WORK_BEFORE_TITLE.search(lead):
        return True
    return len(words) > 1 and not lead.strip() and quote_continues(masked, opening)


def ledes_blank(masked: str, paragraph_break: str) -> str:
    """The masked body with wire ledes ("ALMATY, June 3 (Agency) - ") blanked: never a quote or a speaker."""
    parts = []
    position = 0
    while position < len(masked):
        end = masked.find(paragraph_break, position)
        end = len(masked) if end < 0 else end + len(paragraph_break)
        paragraph = masked[position:end]
        lede = wire_lede(paragraph[:160]) if paragraph[:1].isupper() else None
        parts.append(" " * lede[0] + paragraph[lede[0] :] if lede else paragraph)
        position = end
    return "".join(parts)


def mixed_report(
    masked: str, body: str, sentence_start: int, attribution: Attribution, quote: tuple[int, int]
) -> tuple[int, int] | None:
    """The span of 'CONTENT, X said, "lower-case rest of it."': reported words that run on into a quote.

    Such a quote is a fragment, not a quotation of its own: the report starts with the sentence.
    """
    opening, closing = quote
    letter = _first_letter(body, opening, closing)
    if letter is None or not letter.islower():
        return None
    if not sentence_start < attribution.cue_start < opening or len(masked[attribution.cue_end : opening].split()) > 4:
        return None
    if not masked[attribution.cue_end : opening].rstrip().endswith(","):
        return None  # 'In her speech, Berg said "our town is in trouble."': no attribution set off inside a report
    before = masked[sentence_start : attribution.cue_start].rstrip()
    comma = before.rfind(",")
    if comma < 0 or len(before[comma + 1 :].split()) > 6:
        return None
    if (
        not set(before[comma + 1 :].casefold().split()) - CLAUSE_LINKS
        and not attribution.rule.startswith("speaker_after_verb")
        and body[opening + 1 : closing].rstrip().endswith((".", "!", "?"))
    ):
        # 'Berg named no rival, but told voters, "our town is in trouble."': no speaker between the comma and
        # the verb (nor after it, as in ', explained Berg, "...'), so the words before the comma are the
        # speaker's own clause, and the quotation, whole sentences, is his own.
        return None
    prefix = before[:comma].strip()
    if len(prefix.split()) < 2 or prefix[:1] in "\"“”'‘_" or "_" in prefix[:3]:
        return None
    return trim(masked, sentence_start, closing)


def connective_report(
    masked: str, sentence_start: int, attribution: Attribution, quote: tuple[int, int]
) -> tuple[int, int] | None:
    """The span of 'Instead, she added, "We will not close."', 'Of course, said Ruiz, "..."': an adverb of the speaker's
    argument that opens the sentence before an attribution set off by commas is the speaker's, so the report is a
    mixed one, from the adverb to the end of the quotation."""
    opening, closing = quote
    connective = CONNECTIVE_OPENING.match(masked, sentence_start)
    if connective is None or not connective.end() <= attribution.cue_start < opening:
        return None
    if re.search(r"[,\"“”_]", masked[connective.end() : attribution.cue_start]):
        return None  # "Instead, on Monday, she said": more than the subject between the adverb and the verb
    between = masked[attribution.cue_end : opening]
    if len(between.split()) > 4 or not between.rstrip().endswith((",", ":")):
        return None
    return trim(masked, sentence_start, closing)


# The comma that ends a clause before its attribution: ', said', '," said'.
CLAUSE_COMMA_END = re.compile(r"""[,]["”’']{0,2}\s*$""")


def quoted_subject_report(
    masked: str, sentence_start: int, attribution: Attribution, quote: tuple[int, int]
) -> tuple[int, int] | None:
    """The span of '"Boots on the quay" would be appropriate, Ruiz said.' or '"We are happy" about the vote, Ruiz
    said.': a quotation that opens the sentence and goes on in the reporter's words before the attribution is a
    fragment of one mixed report, which runs to the comma before the attribution. A quotation that ends in its own
    punctuation goes on so only after a preposition or a linking word ('"... was stunning," since so many cases
    turned on one vote, Ruiz said.').

    ('"We won," the mayor of Lisk, Ana Ruiz, said.': the words between are the speaker's title.)
    """
    opening, closing = quote
    if masked[sentence_start:opening].strip() or attribution.source is None or attribution.cue_start < closing:
        return None
    end = min(attribution.source[0], attribution.cue_start)
    between = masked[closing + 1 : end].lstrip("\"”’' ")
    if not between.split():
        return None
    if not quote_continues(masked, opening) and not QUOTATION_GOES_ON.match(between):
        return None
    if not CLAUSE_COMMA_END.search(masked, closing + 1, end):
        return None  # (the clause ends at a comma before the attribution, inside quoted words or not)
    return trim(masked, opening, end)


_COMMA = re.compile(r"\s*,\s*")


def report_around_attribution(
    masked: str, sentence_start: int, sentence_end: int, attribution: Attribution, quote: tuple[int, int]
) -> tuple[int, int] | None:
    """The span of '"It is our bad luck," Ruiz said, that both ferries sank.' or '"Only you," she said, would do
    that.': a quotation that opens the sentence, then an attribution set off by commas, then the reporter's words
    going on with the same clause ("that" or an auxiliary): one mixed report, from the quotation to the sentence's
    end."""
    opening, closing = quote
    if masked[sentence_start:opening].strip() or attribution.cue_start < closing:
        return None
    after = max(attribution.cue_end, attribution.source[1] if attribution.source else 0)
    going_on = _COMMA.match(masked, after, sentence_end)
    if going_on is None or not (
        masked.startswith("that ", going_on.end()) or AUXILIARY_START.match(masked, going_on.end(), sentence_end)
    ):
        return None
    return trim(masked, opening, sentence_end)


def interrupted_quotes_join(body: str, quotes: list[ParsedQuote], paragraph_break: str) -> list[ParsedQuote]:
    """'"A," she said. "B."' as one statement: a single direct quote from A to B, as a reader counts it.

    The parts join when they are direct quotes of one speaker in one paragraph and only an
    attribution (a reporting verb, a dozen words at most) stands between them.
    """
    joined: list[ParsedQuote] = []
    # ('"A," she said when asked about the fees. "B."', '"A," she said, adding that R. "B."': the question or the
    # second report inside the attribution stays a quote of its own.)
    questions = [quote for quote in quotes if _inside_attribution(quote)]
    for quote in quotes:
        if _inside_attribution(quote):
            continue
        # A quoted nickname inside the attribution ('Marcia "Cia" Price') is no part to join across.
        inside = 0
        while (
            len(joined) > inside + 1 and joined[-1 - inside].kind == "partial" and len(joined[-1 - inside].text) <= 20
        ):
            inside += 1
        last = joined[-1 - inside] if joined else None
        if (
            last is not None
            and last.kind == quote.kind == "direct"
            and _attribution_between(body, last, quote, paragraph_break, INTERRUPTION, 16) is not None
        ):
            del joined[len(joined) - inside :]
            joined[-1] = _spanning(body, last, quote, cue=last.cue or quote.cue, channel=last.channel or quote.channel)
            continue
        joined.append(quote)
    if questions:
        joined = sorted(joined + questions, key=lambda quote: quote.start)
    return joined


def _inside_attribution(quote: ParsedQuote) -> bool:
    """A report inside an attribution: a question put to the speaker, a relative clause's report, or a second
    report after the verb ('"A," she said, adding that R. "B."'); the quotation goes on across it."""
    return quote.rule in SIDE_REPORT_RULES or (quote.rule or "").endswith(ADDING_SUFFIX)


def _attribution_between(
    body: str, last: ParsedQuote, quote: ParsedQuote, paragraph_break: str, pattern: re.Pattern, max_words: int
) -> str | None:
    """The attribution between two parts of one statement (`pattern`'s group "middle": a reporting verb and at
    most `max_words` words), when both parts are one speaker's in one paragraph and the second part has no
    attribution of its own after it ('"B," said Clinton.'); else None."""
    if last.speaker != quote.speaker or last.end > quote.start or paragraph_break in body[last.end : quote.start]:
        return None
    between = pattern.fullmatch(body, last.end, quote.start)
    if between is None:
        return None
    middle = between.group("middle")
    if len(middle.split()) > max_words or not CUE_RE.search(middle):
        return None
    paragraph_end = body.find(paragraph_break, quote.end)
    # (Within the paragraph: the next paragraph's 'Activists said ...' is no attribution of the second part.)
    if OWN_ATTRIBUTION.match(body, quote.end, min(len(body) if paragraph_end < 0 else paragraph_end, quote.end + 90)):
        return None
    return middle


def _spanning(body: str, first: ParsedQuote, second: ParsedQuote, **changes) -> ParsedQuote:
    """One quote from the start of `first` to the end of `second`, with `first`'s other fields unless changed."""
    return replace(first, text=body[first.start : second.end], end=second.end, **changes)


def continued_quotations_join(body: str, quotes: list[ParsedQuote], rule: str) -> list[ParsedQuote]:
    """'"A," she said.' then a paragraph '"B."' as one statement: a quotation that goes on in the next
    paragraph (a quote of the given ``rule``, given to the speaker of the quotation before it) joins
    that quotation, from A to B, with the attribution and the paragraph break inside; the joined
    quote's rule gains the suffix ``+rule``.
    """
    joined: list[ParsedQuote] = []
    for quote in quotes:
        # ('"A," she told a rally, saying the fees would "ruin us."' then '"B."': the quotation goes on across
        # the quoted words and the second report in its attribution, which stay quotes of their own.)
        index = len(joined) - 1
        while index > 0 and _is_aside(joined[index]):
            index -= 1
        if any("\n" in body[joined[index].end : aside.start] for aside in joined[index + 1 :]):
            index = len(joined) - 1
        last = joined[index] if index >= 0 else None
        if (
            quote.rule == rule
            and last is not None
            and last.kind == quote.kind == "direct"
            and last.speaker == quote.speaker
            and last.end <= quote.start
        ):
            suffix = f"+{rule}"
            last_rule = last.rule or ""
            joined[index] = _spanning(
                body, last, quote, rule=last_rule if last_rule.endswith(suffix) else last_rule + suffix
            )
            continue
        joined.append(quote)
    return joined


def _is_aside(quote: ParsedQuote) -> bool:
    """Quoted words, a question put to the speaker or a second report ("..., adding that ..."): a quote that may
    stand aside in the attribution of a quotation."""
    return quote.kind == "partial" or _inside_attribution(quote)


# The rule suffix of a report joined with the quotation that continues it.
CONTINUED_REPORT = "continued_by_quote"


def continued_reports_join(body: str, quotes: list[ParsedQuote], paragraph_break: str) -> list[ParsedQuote]:
    """'Dockers "know why ...," Weingart said. "Most of us agree."' as one statement: a report whose
    last words are quoted, then (after its attribution, up to 30 words: a speaker's title may be long) a quotation
    by the same speaker in the same paragraph with no attribution of its own, is one indirect quote from the
    report's start to the quotation's end.

    A report set off by a comma before its attribution ('The port will close, Berg said. "Nobody wants another
    winter."') goes on so into a quotation given to the paragraph's speaker (a partial quote) as well.

    The partial quotes inside the report stay as they are.
    """
    joined: list[ParsedQuote] = []
    report: int | None = None  # the index in ``joined`` of a report that ends with a quotation mark or a comma
    quoted = False  # whether that report ends with a quotation mark
    for quote in quotes:
        last = joined[report] if report is not None else None
        if last is not None and quote.kind == "partial" and last.start <= quote.start and quote.end <= last.end:
            joined.append(quote)  # a quoted fragment inside the report
            continue
        middle = (
            _attribution_between(body, last, quote, paragraph_break, REPORT_TO_QUOTE, 30)
            if last is not None and quote.kind in ({"direct", "partial"} if quoted else {"partial"})
            else None
        )
        if (
            middle is not None
            and not OTHER_SENTENCE.search(middle)
            and not PARTICIPLE_START.match(middle)  # ', adding, "...': a quotation with a cue of its own
            and quote.cue is None  # ('"B," he said. "C."': an attribution of its own)
        ):
            rule = _rule_joined(last.rule, CONTINUED_REPORT)
            joined[report] = _spanning(body, last, quote, kind="indirect", rule=rule)
            continue
        joined.append(quote)
        quoted = quote.kind == "indirect" and QUOTED_END.match(body, quote.end - 1) is not None
        before_attribution = quote.kind == "indirect" and body[quote.end : quote.end + 1] == ","
        report = len(joined) - 1 if quoted or before_attribution else None
    return joined


def _rule_joined(rule: str | None, suffix: str) -> str:
    """The rule of a report joined with what goes on with it: its own rule with ``+suffix``, added once."""
    return rule if rule is not None and rule.endswith(suffix) else f"{rule or ''}+{suffix}"


# The rule suffix of a report that the quotation opening its next sentence goes on with.
REPORT_THEN_QUOTATION = "report_then_quotation"
# Between a report and a quotation that opens the next sentence: the sentence's end and the opening mark.
NEXT_SENTENCE_QUOTED = re.compile(r"""[.!?]?["”’']*[ \t]+["“‘']{1,2}""")
# The same when the quotation opens the next paragraph.
NEXT_PARAGRAPH_QUOTED = re.compile(r"""[.!?]?["”’']*[ \t]*\n\s*["“‘']{1,2}""")
# A quotation that ends its sentence: no attribution follows it ('"It is unsafe," she said.').
QUOTATION_ENDS_SENTENCE = re.compile(r"""[.!?]?["”’']{1,2}(?:\s|$)""")


def reports_then_quotations_join(
    body: str, quotes: list[ParsedQuote], rule: str, between: re.Pattern[str] = NEXT_SENTENCE_QUOTED
) -> list[ParsedQuote]:
    """'Berg said the fees would fall. "Nobody wants another winter."' as one statement: a quotation with no
    attribution of its own (a partial quote of the given ``rule``, given to the paragraph's speaker) that opens the
    sentence right after that speaker's report goes on with the report, which runs to the quotation's end; the
    quotation stays a partial quote inside it, and the report's rule gains the suffix ``+REPORT_THEN_QUOTATION``.
    ``between`` is what may stand between them (``NEXT_PARAGRAPH_QUOTED``: the quotation opens the next paragraph).
    """
    joined: list[ParsedQuote] = []
    report: int | None = None  # the index in ``joined`` of the last report, while only its quoted words follow it
    for quote in quotes:
        last = joined[report] if report is not None else None
        if (
            last is not None
            and quote.kind == "partial"
            and quote.rule == rule
            and last.speaker == quote.speaker
            and between.fullmatch(body, last.end, quote.start)
            and quote.text.rstrip()[-1:] in {".", "!", "?"}
            and QUOTATION_ENDS_SENTENCE.match(body, quote.end)
        ):
            joined[report] = _spanning(body, last, quote, rule=_rule_joined(last.rule, REPORT_THEN_QUOTATION))
        elif quote.kind == "indirect":
            report = len(joined)
        elif last is None or quote.kind != "partial" or quote.start >= last.end:
            report = None
        joined.append(quote)
    return joined


def pending_kind(
    masked: str, quotes: list[ParsedQuote], paragraph_start: int, opening: int, owner: ParsedSpeaker
) -> str:
    """The kind of a quote with no attribution of its own, given to the paragraph's speaker.

    After a direct quote ('"A," she said. "B."'), alone in its paragraph, or introduced by a
    reporting verb whose subject was not found it is a direct quote; after an indirect report or
    the reporter's own words it continues what was reported and is given as a partial quote (a
    question put to the speaker, '"A," she said when asked about it. "B."', or a second report inside the
    attribution, '"A," she said, adding that R. "B."', is no such report). After the reporter's own words, a
    quote that the ``owner``'s own direct quote follows in the paragraph is direct.
    """
    lead = masked[max(paragraph_start, opening - 60) : opening].rstrip()
    if lead.endswith((",", ":")) and CUE_RE.search(lead[-30:]):
        return "direct"  # 'I laughed and said, "...'
    after = None  # the first quote after this one in the paragraph
    for quote in reversed(quotes):  # in reading order up to this paragraph: look back only as far as it
        if quote.start < paragraph_start:
            break
        if quote.kind != "partial" and not _inside_attribution(quote):
            if quote.start < opening:
                return quote.kind if quote.kind == "direct" else "partial"
            after = quote
    if after is not None and after.kind == "direct" and after.speaker == owner.name:
        # 'Berg spoke at the quay. "A." Later, she said, "B."': a quotation the speaker's own quotation follows.
        return "direct"
    return "partial" if NON_SPACE.search(masked, paragraph_start, opening) else "direct"


def quote_add(
    quotes: list[ParsedQuote],
    body: str,
    speaker: ParsedSpeaker,
    kind: str,
    start: int,
    end: int,
    cue: str | None,
    channel: str | None,
    rule: str | None = None,
    read_at: Attribution | None = None,
) -> None:
    """Add a quote of body[start:end] (without a stray apostrophe or comma at its edges); ``read_at`` is the
    attribution it was read from, which says where the cue and the source stand."""
    if start < end and body[start] == "'" and body[start - 1] == "'":
        start += 1  # the second apostrophe of a two-apostrophe opening mark
    if body[end - 1 : end + 1] == "''" and body[end - 2 : end] != "''":
        end += 1  # a report ending in quoted words: the closing mark's second apostrophe ("they ''had chemistry,''")
    if kind == "direct" and end > start and body[end - 1] == ",":
        end -= 1  # the comma stands for the period the attribution replaced
    if body[end - 1 : end] == ")" and body.count("(", start, end) < body.count(")", start, end):
        end -= 1  # the bracket closing a sentence set in brackets ("(Berg said the port would close.)")
    cue_span = read_at.cue_read(body) if read_at is not None else None
    if kind == "indirect" and cue_span is not None and cue_span[1] <= start and not body[cue_span[1] : start].strip():
        start = _report_after_lead(body, start, end)
    if end <= start:
        return
    quote = ParsedQuote(speaker.name, kind, body[start:end], start, end, cue or None, channel, rule=rule)
    if read_at is not None:
        quote.cue_span, quote.source_span = cue_span, _joined_subject(body, read_at.source)
    quotes.append(quote)


# A few words between a reporting verb and the "that" that opens its report, then the report's subject: whom it was
# said to, when or how ("told allies that he ...", "said instead that the ...", "told CBS in 2008 that ...").
_LEAD_BEFORE_THAT = re.compile(
    r"((?:[\w’'“”‘\".-]+\s+){1,5}?)that\s+(?=[A-Z\"“'‘\d]|(?:the|a|an|his|her|their|its|this|these|those|he|she|it"
    r"|they|we|there|you|no|every|many|most|all|some|any)\b)"
)
# Words that make the lead a clause or a noun phrase of the report ("the bill that ...", "whether ... that", "Ruiz's
# claim that ..."): no lead.
_NOT_LEAD = re.compile(
    r"(?i)^(?:the|a|an|his|her|their|its|this|these|those|that|some|any|no|every|each|he|she|it|they|we|i|there"
    r"|you|what|all|many|most|one|both|another)\b|\b(?:and|or|but|whether|if|how|why|what|who|which|when|where|had"
    r"|has|have|was|were|is|are|be|been|another)\b|,|\w['’]s?\s"
)


def _report_after_lead(body: str, start: int, end: int) -> int:
    """Where a report right after its verb starts: after a lead of whom or when it was said to and its "that"
    ("told allies that he would run": "he would run"), else at ``start``."""
    lead = _LEAD_BEFORE_THAT.match(body, start, end)
    if lead is None or _NOT_LEAD.search(lead.group(1)):
        return start
    words = lead.group(1).casefold().split()
    if words[0] in {"of", "about"} or words[-1].rstrip("s") in REPORT_NOUNS:
        return start  # ('said of the dockers that ...', 'responded to reports that ...': what the report is about)
    if words[0].endswith("ing"):
        return start  # a participle after a statement is the report's own verb ('a statement reassuring dockers that')
    return lead.end()


# Nouns a "that" clause may follow as their content ("reports that ...").
REPORT_NOUNS = frozenset((*SPEECH_NOUNS, "report", "rumor", "rumour", "news", "idea", "notion", "fact", "question"))


# Names (or a pronoun) joined to a subject's mention before it: "Ana Ruiz and", "Both Berg and", "Neither he nor".
_NAME_WORDS = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Rev)\.\s+)?(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*"
_JOINED_BEFORE = re.compile(
    rf"(?:(?:[Bb]oth|[Nn]either|[Ee]ither)\s+)?(?:{_NAME_WORDS},\s+)*(?:{_NAME_WORDS}|[Hh]e|[Ss]he|I|[Ww]e)"
    r"\s+(?:and|nor|or)\s+$"
)


def _joined_subject(body: str, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """Where a subject was read, with the names joined to its mention before it: "Ana Ruiz and the port's chief",
    "Neither Berg nor Ortiz" (the speaker is the one the rules read; the subject as written is all of them)."""
    if source is None:
        return None
    joined = _JOINED_BEFORE.search(body, max(0, source[0] - 120), source[0])
    return (joined.start(), source[1]) if joined is not None and joined.end() == source[0] else source
