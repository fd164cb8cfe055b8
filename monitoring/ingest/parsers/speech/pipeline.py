"""The steps of the extraction, in order, for one article body.

1. Find the quoted passages (``spans.quote_spans``); a quote may run over several paragraphs.
2. Mask them (and wire ledes such as "ALMATY, June 3 (Agency) -"), so that nothing inside a
   quotation is taken for a sentence end, a reporting verb or a speaker; a no-break space reads
   as a space (names are runs of words with plain spaces between them).
3. Read the full names of the whole article (``entities.names_in_article``): a surname said
   before the full name is given still resolves to it.
4. Split each paragraph into sentences and apply the rules (``rules.CUE_RULES``, which use
   ``speaker_rules.SUBJECT_RULES`` and ``AFTER_RULES``) to each; a sentence without any
   reading is read a second time with a subject of any kind ("Many speakers said").
5. Accept the attribution found: the discourse registry adopts the draft the rules wrote to,
   and only then. A sentence with no attribution only notes who it names (``note_mention``).
   Reports on the side of a sentence are added after it: a question put to the speaker
   ("Asked whether ..., she said": ``rules.asked_question``) and a group's relative clause
   ("voters who said ...": ``rules.group_relative``), and a report named by a noun with its owner
   ("his claim that ...": ``rules.noun_report``) and a report of a topic ("declined to comment on the deal",
   "her promise to cut taxes": ``rules.topic_report``); their speakers never become the last person or
   group a pronoun stands for.
6. Back-references ("he", "the minister", "Mr. Abenov") were resolved by the registry as the
   rules read them; a quotation opening a sentence after a sentence of a speaker's quotation
   ('"A," she said. "B."') is that speaker's; other quotes alone go to the paragraph's speaker, and a paragraph
   that is one quotation, after a paragraph that ended with a quotation and its attribution,
   continues that quotation (the newswriting convention for a quote over several paragraphs).
7. Build the ParsedQuote and ParsedSpeaker objects: interrupted quotes ('"A," she said. "B."')
   joined into one, a quotation joined with the paragraphs that continue it, a report joined with the
   unattributed quotation that opens its next sentence, a report ending in quoted words joined with the
   quotation that continues it after its attribution, and only the speakers some quote is credited to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..article import ParsedQuote, ParsedSpeaker
from ..gender import HONORIFICS
from ..names import normalise_name
from .entities import group_name, names_in_article, note_mention, note_speaker_sentence
from .patterns import ADDING_RE, ALSO_SAID_RE, FALLBACK_CUE_RE, HONORIFIC_SURNAME
from .registry import Discourse
from .rules import (
    Attribution,
    Question,
    asked_question,
    group_relative,
    noun_report,
    partial_speaker,
    read_attribution,
    second_clause_cut,
    second_clause_reading,
    topic_report,
)
from .spans import (
    ADDING_SUFFIX,
    ASKED_QUESTION_RULE,
    GROUP_RELATIVE_RULE,
    NEXT_PARAGRAPH_QUOTED,
    REPORT_INTO_QUOTATION,
    connective_report,
    continued_quotations_join,
    continued_reports_join,
    interrupted_quotes_join,
    is_direct,
    is_term,
    ledes_blank,
    mask_quotes,
    misprinted_closers_mend,
    mixed_report,
    names_a_work,
    pending_kind,
    quote_add,
    quote_spans,
    quoted_subject_report,
    report_around_attribution,
    report_before_quote,
    report_into_quotation,
    reports_then_quotations_join,
    sentence_bounds,
    trim,
)
from .speaker_rules import speaker_after
from .vocabulary import FILLER

# The rule names of quotes that have no reporting verb of their own.
PARAGRAPH_SPEAKER = "paragraph_speaker"  # a quote alone in a paragraph with an attributed sentence
# A quotation opening the sentence after the sentence of a speaker's quotation: '"A," Berg said. "B." ...'.
PREVIOUS_QUOTE_SPEAKER = "previous_quote_speaker"
COLON_INTRODUCED = "previous_paragraph_colon"  # the previous paragraph ended "... she said:"
# A paragraph that is one quotation, after a paragraph that ended with a quotation and its attribution.
CONTINUED_QUOTATION = "continued_quotation"
# A paragraph that is one quotation, after a paragraph that ended with a speaker's indirect report: the report goes
# on with it (see ``spans.reports_then_quotations_join``).
CONTINUED_REPORT_QUOTATION = "continued_report_quotation"
# Such a quotation: sentences in lower case that end it (not a heading in capitals, "Related:", nor a transcript's
# "Name: ..." line).
REPORTED_QUOTATION = re.compile(r"(?![A-Z][\w.’' -]{0,40}:)(?=.*[a-z]).*[.!?]\s*", re.S)
# After a quotation that opens a sentence: the reporter's words going on ('"B" and other issues.'), not a
# relative clause on its last words (', which votes in June.': an aside).
WORDS_AFTER_QUOTE = re.compile(r"[,;]?[ \t]+(?!which\b|who\b)[a-z]")
MIXED_CONTINUATION = "previous_quote_speaker+mixed"  # '"A," she said. It is "a mess."': her mixed report
# A paragraph made of one quotation (masked: its marks, the masking and the final punctuation), or a
# quotation left open at the paragraph's end.
QUOTATION_PARAGRAPH = re.compile(r"\s*[\"“]_*[.,!?]?(?:[\"”][.!?]?)?\s*")
# "... when asked about the fees that she would wait": where the question ends and the report starts.
THAT_SPLIT = re.compile(r"\s+that\s+")
# "when asked", "after being asked": a clause of its own, cut from the report ("they were asked to ..." is part of it).
QUESTION_CLAUSE = re.compile(r"(?i:when|after|once|while|if|before|until|asked)\b")
# What may follow the asker before the question: "asked by the host on Monday whether ...".
ASKER_REST = re.compile(r"(?:\s+(?:on|in|at|during|last|this|earlier|later)\b[^,]{0,40})?\s*")
# "a reporter", "one caller": an unnamed asker after "asked by", in lower case (up to three words).
UNNAMED_ASKER_DESCRIPTION = re.compile(
    r"\s*((?:a|an|one|another)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?:\s+(?:on|in|at|during)\b[^,]{0,40})?\s*"
)
# "the word 'old-school,''' said Slayton": a single mark closes, then the two-apostrophe mark; scanned as the
# closing mark and fillers (read left to right, the first two would pair up and leave a stray mark before the
# attribution, read as its subject).
CLOSING_THREE_APOSTROPHES = re.compile(r"(?<=[^\s'])'''")
# A word in lower case (not after an apostrophe or a hyphen: "it's", "well-known").
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}\b(?![’'-])")
# Spaces some outlets print between words (no-break, thin, narrow no-break): read as plain spaces; the horizontal bar
# some print for a dash ("Berg ― the port's chief ― said"): read as an em dash.
SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2015": "\u2014"})


def speech_extract(
    body: str, *, paragraph_break: str = "\n\n", outlets: Iterable[str] = ()
) -> tuple[list[ParsedSpeaker], list[ParsedQuote]]:
    """All quotes in the body with their speakers, in reading order.

    Paragraphs are separated by a blank line (the press-text convention); pass
    ``paragraph_break="\\n"`` for text that puts one paragraph on each line. ``outlets`` are
    media names known to the caller (the article's own outlet): like the shipped list of news
    agencies, they are never speakers. Each quote's ``rule`` names the rule that produced it.
    """
    # Some outlets print quotation marks as two apostrophes; scan them as one mark plus a
    # filler so that every offset still points into the body as printed.
    scan = CLOSING_THREE_APOSTROPHES.sub('"' + FILLER * 2, body) if "''" in body else body
    scan = scan.replace("''", '"' + FILLER) if "''" in scan else scan
    spans = quote_spans(scan, paragraph_break)  # step 1
    scan = misprinted_closers_mend(scan, spans)
    masked = ledes_blank(mask_quotes(scan, spans).replace(FILLER, " "), paragraph_break)  # step 2
    masked = masked.translate(SPACES)  # "tragedy,\u00a0Brack called": a no-break space is a space, a bar a dash
    discourse = _discourse(masked, outlets)  # step 3
    quotes: list[ParsedQuote] = []
    span_index = 0
    previous_paragraph_speaker: ParsedSpeaker | None = None
    previous_ends_colon = False
    quoting: ParsedSpeaker | None = None  # the speaker of the quotation that ended the previous paragraph
    reporting: ParsedSpeaker | None = None  # the speaker of the indirect report that ended the previous paragraph
    paragraph_start = 0
    length = len(masked)
    while paragraph_start < length:
        paragraph_end = masked.find(paragraph_break, paragraph_start)
        if paragraph_end < 0:
            paragraph_end = length
        if not masked[paragraph_start:paragraph_end].strip():
            # A blank line between paragraphs (one paragraph a line, spaced out): hands nothing on, takes nothing.
            paragraph_start = paragraph_end + len(paragraph_break)
            continue
        paragraph_speaker: ParsedSpeaker | None = None
        pending: list[tuple[int, int]] = []  # direct quotes waiting for a speaker
        last_quoted: ParsedSpeaker | None = None  # the speaker of the last sentence's direct quotes
        for sentence_start, sentence_end in sentence_bounds(masked, paragraph_start, paragraph_end):  # step 4
            in_sentence = []
            while span_index < len(spans) and spans[span_index][0] < sentence_end:
                if spans[span_index][0] >= sentence_start:
                    in_sentence.append(spans[span_index])
                span_index += 1
            attribution = read_attribution(masked, sentence_start, sentence_end, discourse)
            if attribution is None and FALLBACK_CUE_RE.search(masked, sentence_start, sentence_end):
                attribution = read_attribution(masked, sentence_start, sentence_end, discourse, fallback=True)
            question = asked_question(masked, sentence_start, sentence_end, attribution)
            if question is not None:
                question = _question_cut(body, question, attribution, quoted=bool(in_sentence))
            else:
                question = group_relative(masked, sentence_start, sentence_end, attribution)
            direct: list[tuple[int, int]] = []
            partial: list[tuple[int, int]] = []
            for opening, closing in in_sentence:
                if not names_a_work(body, masked, sentence_start, opening, closing) and is_direct(
                    body, masked, sentence_start, opening, closing, attribution, direct
                ):
                    direct.append((opening, closing))
                else:
                    partial.append((opening, closing))
            clause = None
            if attribution is not None and not direct and not _second_report(masked, attribution.cue_end, sentence_end):
                clause = second_clause_cut(masked, attribution)  # (", adding that ...": see _sentence_quotes)
            if attribution is None:
                if (
                    direct
                    and last_quoted is not None
                    and not masked[sentence_start : direct[0][0]].strip()
                    and WORDS_AFTER_QUOTE.match(masked, direct[-1][1] + 1, sentence_end)
                    and not is_term(body, *direct[0])  # a sentence, not a term ('"Non-paper" is a term.')
                ):
                    # '"A," Berg said. "B" and other issues.': the reporter's words go on after the quotation, a
                    # mixed report of Berg's that runs to the sentence's end, its quoted words partial.
                    mixed = trim(masked, direct[0][0], sentence_end)
                    if mixed is not None:
                        _mixed_continuation_add(quotes, body, last_quoted, mixed, sorted(partial + direct))
                    direct, partial = [], []
                elif direct and last_quoted is not None and not masked[sentence_start : direct[0][0]].strip():
                    # '"A," Berg said. "B." His aide agreed.': Berg's quotation goes on, whoever the
                    # paragraph names after it.
                    for opening, closing in direct:
                        quote_add(
                            quotes,
                            body,
                            last_quoted,
                            "direct",
                            opening + 1,
                            closing,
                            None,
                            None,
                            PREVIOUS_QUOTE_SPEAKER,
                        )
                    ends_quoted = not masked[direct[-1][1] + 1 : sentence_end].strip(" \t\n.,!?")
                    direct = []
                    if ends_quoted:
                        _question_add(quotes, body, masked, discourse, question)
                        continue
                evaluation = partial_speaker(masked, sentence_start, sentence_end, discourse) if partial else None
                if evaluation is None and partial and not direct and last_quoted is not None:
                    mixed = _mixed_continuation(masked, sentence_start, sentence_end, partial)
                    if mixed is not None:
                        # '"A," Berg said. It is "a mess."': a sentence of the reporter's words that ends in
                        # quoted ones goes on with Berg's quotation, a mixed report of his.
                        _mixed_continuation_add(quotes, body, last_quoted, mixed, partial)
                if evaluation is not None:
                    speaker = _accept(discourse, evaluation)  # step 5
                    for opening, closing in partial:
                        quote_add(
                            quotes,
                            body,
                            speaker,
                            "partial",
                            opening + 1,
                            closing,
                            evaluation.cue,
                            None,
                            evaluation.rule,
                            evaluation,
                        )
                pending.extend(direct)
                last_quoted = None
                if not direct and evaluation is None:
                    # (Quoted words alone, '... the phrase "we assess" four times.', leave its persons to note.)
                    note_mention(masked, sentence_start, sentence_end, discourse)
                _question_add(quotes, body, masked, discourse, question)
                for side in (noun_report, topic_report):
                    _noun_report_add(
                        quotes, body, discourse, side(masked, sentence_start, sentence_end, discourse, None)
                    )
                continue
            paragraph_speaker = _accept(discourse, attribution)  # step 5
            note_speaker_sentence(masked, sentence_start, sentence_end, discourse, paragraph_speaker)
            _sentence_quotes(quotes, body, masked, sentence_start, sentence_end, attribution, direct, partial)
            last_quoted = paragraph_speaker if direct else None
            _question_add(quotes, body, masked, discourse, question)
            for side in (noun_report, topic_report):
                _noun_report_add(
                    quotes, body, discourse, side(masked, sentence_start, sentence_end, discourse, attribution)
                )
            also = attribution.also
            if also is not None and also.content is not None:
                # "..., according to two aides.": the source that reports the sentence's report.
                _accept(discourse, also)
                quote_add(quotes, body, also.speaker, "indirect", *also.content, also.cue, None, also.rule, also)
            second = second_clause_reading(masked, clause, attribution, discourse) if clause else None
            if second is not None and second.content is not None:
                # "..., and three-quarters said ...": the clause cut off the report has its own.
                _accept(discourse, second)
                quote_add(
                    quotes, body, second.speaker, "indirect", *second.content, second.cue, None, second.rule, second
                )
        if pending:  # step 6
            # Quotes in a paragraph without their own attribution: the paragraph's speaker, or the
            # speaker of a paragraph that ended "... she said:".
            owner, rule = paragraph_speaker, PARAGRAPH_SPEAKER
            if owner is None and previous_ends_colon:
                owner, rule = previous_paragraph_speaker, COLON_INTRODUCED
            if (
                owner is None
                and quoting is not None
                and QUOTATION_PARAGRAPH.fullmatch(masked, paragraph_start, paragraph_end)
            ):
                owner, rule = quoting, CONTINUED_QUOTATION
            if (
                owner is None
                and reporting is not None
                and QUOTATION_PARAGRAPH.fullmatch(masked, paragraph_start, paragraph_end)
                and REPORTED_QUOTATION.fullmatch(body, pending[0][0] + 1, pending[0][1])
            ):
                owner, rule = reporting, CONTINUED_REPORT_QUOTATION
            if owner is not None:
                for opening, closing in pending:
                    kind = (
                        "partial"  # (it goes on with the report: see reports_then_quotations_join)
                        if rule == CONTINUED_REPORT_QUOTATION
                        else pending_kind(masked, quotes, paragraph_start, opening, owner)
                    )
                    quote_add(quotes, body, owner, kind, opening + 1, closing, None, None, rule)
                paragraph_speaker = owner
                if pending[-1][0] >= sentence_start and quotes[-1].kind == "direct":
                    last_quoted = owner  # the paragraph ends with the quotation given to its owner
        # A paragraph that ends with a speaker's quotation ('"...," she said.') may be continued by the next one.
        quoting = last_quoted
        last = next((quote for quote in reversed(quotes) if quote.kind != "partial"), None)
        reporting = (
            paragraph_speaker
            if paragraph_speaker is not None
            and last is not None
            and last.kind == "indirect"
            and last.speaker == paragraph_speaker.name
            and paragraph_start <= last.start
            and not masked[last.end : paragraph_end].strip(" \t.!?\"”’'")
            else None
        )  # ("Berg said the fees would fall." then a paragraph of his quotation)
        previous_paragraph_speaker = paragraph_speaker
        # Otherwise only a paragraph that ends "... he said:" hands its speaker to the next one; a quote
        # standing alone after other attributed text is too often someone else's (a tweet, a reader).
        previous_ends_colon = masked[paragraph_start:paragraph_end].rstrip().endswith(":")
        paragraph_start = paragraph_end + len(paragraph_break)
    quotes.sort(key=lambda quote: quote.start)  # step 7
    quotes = interrupted_quotes_join(body, quotes, paragraph_break)
    quotes = continued_quotations_join(body, quotes, CONTINUED_QUOTATION)
    quotes = continued_reports_join(body, quotes, paragraph_break)
    quotes = reports_then_quotations_join(body, quotes, PARAGRAPH_SPEAKER)
    quotes = reports_then_quotations_join(body, quotes, CONTINUED_REPORT_QUOTATION, NEXT_PARAGRAPH_QUOTED)
    used = {quote.speaker for quote in quotes}
    return [s for s in discourse.by_key.values() if s.name in used], quotes


def _mixed_continuation_add(
    quotes: list[ParsedQuote],
    body: str,
    speaker: ParsedSpeaker,
    span: tuple[int, int],
    quoted: list[tuple[int, int]],
) -> None:
    """The previous quotation's speaker's mixed report over ``span``, its quoted words (mark positions) partial."""
    quote_add(quotes, body, speaker, "indirect", *span, None, None, MIXED_CONTINUATION)
    for opening, closing in quoted:
        quote_add(quotes, body, speaker, "partial", opening + 1, closing, None, None, MIXED_CONTINUATION)


def _mixed_continuation(
    masked: str, sentence_start: int, sentence_end: int, partial: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The span of a sentence with no attribution that ends in quoted words ('It is "a mess."', 'Now, "we
    wait."'): from its start to the last quotation's end; None when more than its punctuation follows it."""
    closing = partial[-1][1]
    if masked[closing + 1 : sentence_end].strip(" \t\n.,!?"):
        return None
    return trim(masked, sentence_start, closing)


def _discourse(masked: str, outlets: Iterable[str]) -> Discourse:
    """An empty registry that knows the article's full names, outlets and "Mr."/"Ms." surnames."""
    discourse = Discourse(outlets=tuple(o for o in outlets if o), lower_words=frozenset(LOWER_WORD.findall(masked)))
    discourse.article_names, discourse.shared_names = names_in_article(masked, discourse.outlets)
    for match in HONORIFIC_SURNAME.finditer(masked):
        discourse.surname_genders.setdefault(normalise_name(match.group(2)), HONORIFICS[match.group(1)])
    return discourse


def _accept(discourse: Discourse, attribution: Attribution) -> ParsedSpeaker:
    """Accept a reading: the registry takes over what its rules registered; the speaker keeps its first rule."""
    if attribution.draft is not None:
        discourse.adopt(attribution.draft)
    if attribution.speaker.rule is None:
        attribution.speaker.rule = attribution.rule
    return attribution.speaker


def _question_cut(body: str, question: Question, attribution: Attribution | None, quoted: bool) -> Question:
    """A question put to the sentence's speaker is no part of the main report: "she said she would wait when
    asked about the fees" reports "she would wait" (the report ends before "when")."""
    if attribution is None or attribution.content is None:
        return question
    content_start, content_end = attribution.content
    if content_start >= question.clause_start and content_end <= question.content[1]:
        # "Berg told the Gazette when asked about the fees that she would wait": the report follows "that".
        # (After a quotation, '"...," she told the Gazette when asked about fears that ...', the question runs on.)
        that = None if quoted else THAT_SPLIT.search(body, question.content[0], question.content[1])
        attribution.content = trim(body, that.end(), question.content[1]) if that else None
        if that:
            return replace(question, content=trim(body, question.content[0], that.start()) or question.content)
    elif content_start < question.clause_start < content_end and QUESTION_CLAUSE.match(body, question.clause_start):
        attribution.content = trim(body, content_start, question.clause_start)
    return question


def _question_add(
    quotes: list[ParsedQuote], body: str, masked: str, discourse: Discourse, question: Question | None
) -> None:
    """The question as an indirect quote of its asker (registered once the sentence's reading is accepted)."""
    if question is None:
        return
    if question.group is not None:
        asker = discourse.side_group(group_name(question.group))
        asker.rule = asker.rule or GROUP_RELATIVE_RULE
        quote_add(quotes, body, asker, "indirect", *question.content, question.cue, None, GROUP_RELATIVE_RULE)
        return
    if question.asker is None:
        asker = discourse.unnamed_asker()
    else:
        asker = _asker(masked, discourse, question)
        if asker is None:
            return  # an asker named but not recognised: better no quote than one credited to nobody
    asker.rule = asker.rule or ASKED_QUESTION_RULE
    quote_add(quotes, body, asker, "indirect", *question.content, question.cue, None, ASKED_QUESTION_RULE)


def _noun_report_add(quotes: list[ParsedQuote], body: str, discourse: Discourse, side: Attribution | None) -> None:
    """A report named by a noun ("his claim that ...") or of a topic ("declined to comment on the deal") as an
    indirect quote of its owner. Like an asker, the owner is registered as a speaker but not made the person last
    named: "he" next still stands for the sentence's own speaker."""
    if side is None or side.content is None:
        return
    speaker = discourse.side_speaker(side.draft, side.speaker) or side.speaker
    speaker.rule = speaker.rule or side.rule
    quote_add(quotes, body, speaker, "indirect", *side.content, side.cue, None, side.rule, side)


def _asker(masked: str, discourse: Discourse, question: Question) -> ParsedSpeaker | None:
    """The asker named after "asked by" ("Asked by the host whether ..., Berg said"), or None.

    The asker is registered as a speaker, but is not made the person last named: "she" in the
    next sentence still stands for the one who answered."""
    draft = discourse.draft()
    words = " " + masked[question.asker : question.content[0]].strip()
    found = speaker_after(words, draft)
    if found.speaker is None or not ASKER_REST.fullmatch(words, found.position):
        description = UNNAMED_ASKER_DESCRIPTION.fullmatch(words)
        if description is not None:
            return discourse.side_group(group_name(description.group(1)))  # "asked by a reporter whether"
        return None  # ("asked by Fox Business moderator Gerard Baker": not all of it a speaker)
    return discourse.side_speaker(draft, found.speaker)


def _second_report(masked: str, start: int, end: int) -> re.Match[str] | None:
    """Where a second report by the same speaker starts: ", adding that ...", "..., but added that ..."."""
    adding = ADDING_RE.search(masked, start, end)
    also = ALSO_SAID_RE.search(masked, start, adding.start() if adding else end)
    return also or adding


def _sentence_quotes(
    quotes: list[ParsedQuote],
    body: str,
    masked: str,
    sentence_start: int,
    sentence_end: int,
    attribution: Attribution,
    direct: list[tuple[int, int]],
    partial: list[tuple[int, int]],
) -> None:
    """The quotes of one attributed sentence: its direct and partial quotations and its reported content."""
    speaker, cue, channel, rule = attribution.speaker, attribution.cue, attribution.channel, attribution.rule
    # "..., he said, adding that ...": a second report by the same speaker.
    adding = _second_report(masked, attribution.cue_end, sentence_end)
    second = trim(masked, adding.end(), sentence_end) if adding else None
    if second is not None and masked[second[0]] in '"“' and not adding.group().rstrip().endswith("that"):
        second = None  # 'adding, "..."' is a direct quote, found as such ('adding that "..."' is reported)
    if second is not None and adding.group().rstrip().endswith("that"):
        # ('..., adding that if the vote fails, "keeping the pier would be hard."': quoted words of the second report;
        # not ', telling CNBC: "..."', ', adding of Ruiz, "..."', a quotation of its own.)
        partial.extend(span for span in direct if span[0] >= second[0])
        direct[:] = [span for span in direct if span[0] < second[0]]
    mixed = (
        mixed_report(masked, body, sentence_start, attribution, direct[0])
        or quoted_subject_report(masked, sentence_start, attribution, direct[0])
        or connective_report(masked, sentence_start, attribution, direct[0])
        or report_around_attribution(masked, sentence_start, sentence_end, attribution, direct[0])
        if direct
        else None
    )
    if mixed is not None:
        # "The harbour, she said, "was never meant for tankers."", ""Boots" would do, she said.": one report, part quoted.
        quote_add(quotes, body, speaker, "indirect", mixed[0], mixed[1], cue, channel, rule, attribution)
        partial.insert(0, direct.pop(0))
    reported = report_into_quotation(masked, attribution, direct[0], sentence_end) if direct and mixed is None else None
    if reported is not None:
        # 'Ruiz said that the plan was dead: "We will not vote for it."': one report, its last part quoted.
        reported_rule = rule + REPORT_INTO_QUOTATION
        quote_add(quotes, body, speaker, "indirect", *reported, cue, channel, reported_rule, attribution)
        partial.insert(0, direct.pop(0))
    if direct:
        before_quote = None if reported else report_before_quote(masked, attribution, direct[0][0])
        if before_quote is not None:
            # "She noted that A, and added: "B."": A is reported, B quoted.
            quote_add(
                quotes, body, speaker, "indirect", before_quote[0], before_quote[1], cue, channel, rule, attribution
            )
        for opening, closing in direct:
            quote_add(quotes, body, speaker, "direct", opening + 1, closing, cue, channel, rule, attribution)
    elif (
        attribution.content is not None
        and mixed is None
        and reported is None
        and attribution.content
        not in {(opening, closing + 1) for opening, closing in partial if is_term(body, opening, closing)}
    ):
        # ('While the host mentions "harbour dues", ...': a few quoted words, all the report, are partial only.)
        content_start, content_end = attribution.content
        if second is not None and content_start < adding.start() < content_end:
            # The first report ends where "adding that" starts.
            first = trim(masked, content_start, adding.start())
            content_end = first[1] if first else content_end
        quote_add(quotes, body, speaker, "indirect", content_start, content_end, cue, channel, rule, attribution)
    if second is not None:
        # (Its cue is the participle; its source the sentence's subject, as for the first report.)
        read_at = replace(attribution, cue=adding.group(1), cue_start=adding.start(1), cue_end=adding.end(1), also=None)
        second_rule = rule + ADDING_SUFFIX
        quote_add(quotes, body, speaker, "indirect", *second, adding.group(1), channel, second_rule, read_at)
    also = attribution.also
    for opening, closing in partial:
        if also is not None and also.content is not None and also.content[0] <= opening < also.content[1]:
            # "Though Berg called it "a mess", Ortiz said ...": quoted words inside the other report are its own.
            quote_add(
                quotes, body, also.speaker, "partial", opening + 1, closing, also.cue, also.channel, also.rule, also
            )
            continue
        quote_add(quotes, body, speaker, "partial", opening + 1, closing, cue, channel, rule, attribution)
