"""Mixed quotations: a report in the reporter's words that runs on into a quotation is one statement.

PolNeAR and readers take 'Ruiz said that the plan was dead: "We will not vote for it."' as one report by Ruiz, from
"the plan was dead" to the quotation's end, not a bare quotation with the lead-in lost. Sentences are made up.
"""

from __future__ import annotations

import pytest

from monitoring.ingest.parsers.speech import speech_extract
from monitoring.ingest.parsers.speech.spans import CONTINUED_REPORT, REPORT_INTO_QUOTATION, REPORT_THEN_QUOTATION


def quotes_of(body: str) -> list[tuple[str, str]]:
    return [(q.kind, q.text) for q in speech_extract(body)[1]]


@pytest.mark.parametrize(
    ("body", "report"),
    [
        (
            'Ana Ruiz said that the ferry plan was dead: "We will not vote for it."',
            'the ferry plan was dead: "We will not vote for it',
        ),
        (
            'Ana Ruiz said she hoped the quay would close: "That way the old town can breathe."',
            'she hoped the quay would close: "That way the old town can breathe',
        ),
        (
            'Ana Ruiz recalled that in 2009, "I called every lender in Dover."',
            'in 2009, "I called every lender in Dover',
        ),
        (
            "Ana Ruiz said in an interview that she sent the mayor a text: ''Do you feel the breeze?''",
            "she sent the mayor a text: ''Do you feel the breeze",
        ),
    ],
)
def test_report_into_quotation_is_one_indirect_report(body, report):
    quotes = speech_extract(body)[1]
    assert [(q.kind, q.text) for q in quotes if q.kind != "partial"] == [("indirect", report)]
    assert quotes[0].rule.endswith(REPORT_INTO_QUOTATION)
    assert [q.kind for q in quotes] == ["indirect", "partial"]  # the quoted words stay marked inside it


@pytest.mark.parametrize(
    ("report", "other"),
    [
        # No report of its own before the quotation: the quotation is the statement.
        (
            'Ana Ruiz said the new quay was a mistake: "Nobody wanted it."',
            'Ana Ruiz said of the new quay: "Nobody wanted it."',
        ),
        (
            'Ana Ruiz explained that a port is a bet: "It is like a wedding."',
            'Ana Ruiz explained it this way: "A port is like a wedding."',
        ),
        (
            'Ana Ruiz said the harbour board had failed us: "Nobody will say sorry."',
            'Ana Ruiz said in an op-ed piece before the hearing, "The harbour board failed us."',
        ),
        (
            'Ana Ruiz said the ferries were old: "We love them anyway."',
            'No wonder Ruiz said, and I quote, "We love the ferries."',
        ),
        (
            'Ana Ruiz responded that the ferries were old: "Do not moan to me."',
            'Ana Ruiz responded with a line that could have come from Berg himself: "Do not moan to me."',
        ),
    ],
)
def test_report_into_quotation_leaves_a_quotation_after_words_that_report_nothing(report, other):
    assert [kind for kind, _ in quotes_of(report)] == ["indirect", "partial"]
    assert "direct" in [kind for kind, _ in quotes_of(other)]


def test_report_into_quotation_leaves_a_quotation_with_a_verb_or_an_attribution_of_its_own():
    assert quotes_of('The mayor noted that she had run the port for years: "Nobody knows it better."') == [
        ("indirect", 'she had run the port for years: "Nobody knows it better'),
        ("partial", "Nobody knows it better."),
    ]
    # A second verb introduces the quotation: two statements.
    assert quotes_of('The mayor noted that she had run the port for years, and added: "Nobody knows it better."') == [
        ("indirect", "she had run the port for years"),
        ("direct", "Nobody knows it better."),
    ]
    # The quotation has an attribution of its own after it.
    body = 'Ana Ruiz argued that the town had lost its soul: "Dover is no longer Dover," she said.'
    assert "direct" in [kind for kind, _ in quotes_of(body)]


def test_report_then_quotation_joins_a_report_and_the_quotation_opening_the_next_sentence():
    body = 'Ines Carvalho said the quay would reopen in May. "Nobody wants another winter like this one."'
    quotes = speech_extract(body)[1]
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", 'the quay would reopen in May. "Nobody wants another winter like this one.'),
        ("partial", "Nobody wants another winter like this one."),
    ]
    assert quotes[0].rule.endswith(f"+{REPORT_THEN_QUOTATION}")
    # The report's own quoted words do not stand in the way.
    body = 'Ines Carvalho said the quay would "reopen in May." "Nobody wants another winter like this one."'
    assert speech_extract(body)[1][0].text.endswith("another winter like this one.")
    # A sentence of the reporter's own between them: the quotation is no part of the report.
    body = 'Ines Carvalho said the quay would reopen in May. The ferry left. "Nobody wants another winter."'
    assert speech_extract(body)[1][0].text == "the quay would reopen in May"


def test_quoted_subject_report_quoted_words_opening_a_clause_of_the_reporter_are_a_report():
    assert quotes_of('"Boots on the quay" would be appropriate, harbour chief Ana Ruiz said after the storm.') == [
        ("indirect", '"Boots on the quay" would be appropriate'),
        ("partial", "Boots on the quay"),
    ]
    body = '"Low Tide" was to be a "cautionary tale," said Susan Crawford, then the agent.'
    assert [kind for kind, _ in quotes_of(body)] == ["indirect", "partial", "partial"]
    # The reporter's words going on after the quotation: one mixed report.
    assert quotes_of('"We are happy" about the vote, Ana Ruiz said.') == [
        ("indirect", '"We are happy" about the vote'),
        ("partial", "We are happy"),
    ]


def test_quoted_subject_report_after_a_quotation_closed_by_its_own_comma_needs_a_linking_word():
    body = '"The count was a disgrace," since half the ballots were lost, Ana Ruiz said.'
    assert quotes_of(body) == [
        ("indirect", '"The count was a disgrace," since half the ballots were lost'),
        ("partial", "The count was a disgrace,"),
    ]
    # The words between are the speaker's title: the quotation is hers.
    body = '"The count was a disgrace," the mayor of Lisk, Ana Ruiz, said.'
    assert [kind for kind, _ in quotes_of(body)] == ["direct"]


def test_continued_by_quote_joins_across_a_long_attribution_but_not_a_quotation_with_its_own():
    body = (
        "The levy plans are ''deeply reckless,'' said Ana Ruiz, senior director of policy at the Harbour Center, "
        "and a Republican who headed the port board in the Reagan era. ''It leaves people like me speechless.''"
    )
    quotes = speech_extract(body)[1]
    assert quotes[0].kind == "indirect" and quotes[0].text.endswith("speechless.")
    assert quotes[0].rule.endswith(f"+{CONTINUED_REPORT}")
    body = (
        'The fees may be "strategic," said Ana Ruiz, a professor of shipping at the Harbour Center. "Each line '
        'talks to its own captains," she said. "So for many of them, the fees look fine."'
    )
    assert [kind for kind, _ in quotes_of(body)] == ["indirect", "partial", "direct"]


def test_content_after_whom_and_where_something_was_told_starts_after_that():
    assert quotes_of("Ana Ruiz told customers at a breakfast spot in Dover that the quay would close.") == [
        ("indirect", "the quay would close")
    ]
    # A relative "that" after the object's own noun phrase is part of the report.
    assert quotes_of("Ana Ruiz told reporters the deal that Berg signed was dead.") == [
        ("indirect", "the deal that Berg signed was dead")
    ]


def test_second_report_after_and_said_with_a_clause_but_no_that():
    body = "Ana Ruiz said the group never worked with Berg and said they hired the pilots on their own."
    assert quotes_of(body) == [
        ("indirect", "the group never worked with Berg"),
        ("indirect", "they hired the pilots on their own"),
    ]
    # "and said" with no clause after it: no second report.
    assert quotes_of("Ana Ruiz said the quay was closed and said nothing more.") == [
        ("indirect", "the quay was closed and said nothing more")
    ]
