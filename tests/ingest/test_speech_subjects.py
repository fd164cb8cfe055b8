"""Subjects of a reporting verb that the speaker rules read: quantified groups, subjects with an aside before
the verb, relative clauses. One test per rule, named after it (see ``test_speech_rules``), on made-up sentences."""

from __future__ import annotations

from monitoring.ingest.parsers.speech import speech_extract


def quotes_of(text: str) -> list[tuple[str, str, str, str]]:
    speakers, quotes = speech_extract(text)
    kinds = {speaker.name: speaker.kind for speaker in speakers}
    return [(quote.speaker, kinds[quote.speaker], quote.text, quote.rule) for quote in quotes]


def test_rule_quantified_group_before_reads_a_part_of_a_group_opening_its_clause():
    assert quotes_of(
        "And until the closure was announced, most of them said they had enjoyed working at the mill."
    ) == [
        (
            "most of them",
            "group",
            "they had enjoyed working at the mill",
            "subject_before_verb/quantified_group_before",
        )
    ]
    assert quotes_of("The pledges came even as some of the same senators have said they oppose new spending.") == [
        (
            "some of the same senators",
            "group",
            "they oppose new spending",
            "subject_before_verb/quantified_group_before",
        )
    ]
    assert quotes_of("The mayor thanked most of the time said it.") == []  # (no clause opens before "most")


def test_rule_share_before_reads_three_quarters_in_a_second_clause():
    assert quotes_of("Six in 10 Ohio voters said Ortiz is honest, and three-quarters said the same of Berg.") == [
        ("six in 10 Ohio voters", "group", "Ortiz is honest", "subject_before_verb/share_before"),
        ("three-quarters", "group", "the same of Berg", "subject_before_verb/share_before"),
    ]


def test_rule_aside_before_reads_the_subject_before_an_aside_between_commas():
    assert quotes_of(
        "The Harlow administration, in a sweeping effort to cut emissions that has angered miners, has said it would"
        " close the coal plants."
    ) == [("the Harlow administration", "group", "it would close the coal plants", "subject_before_verb/aside_before")]
    assert quotes_of(
        "Two port engineers, speaking on condition of anonymity because they were not allowed to talk, said the pier"
        " was unsafe."
    ) == [("two port engineers", "group", "the pier was unsafe", "subject_before_verb/aside_before")]


def test_rule_subject_opens_sentence_reads_the_subject_of_a_verb_phrase_joined_by_and():
    assert quotes_of("Mayor Ana Ruiz describes herself as a moderate and has said that she would veto the toll.") == [
        ("Ana Ruiz", "person", "she would veto the toll", "subject_opens_sentence/name_before")
    ]  # (not "a moderate and" read after "as" by subordinate_subject)
    assert quotes_of("Berg thought for a moment and said that the pier would hold.") == [
        ("Berg", "person", "the pier would hold", "subject_opens_sentence/name_before")
    ]


def test_rule_group_relative_reads_those_who_said_and_ends_at_the_fronted_phrase():
    assert quotes_of("Among those who said they cared most about honesty, most backed Ortiz.") == [
        ("those", "group", "they cared most about honesty", "group_relative")
    ]


def test_rule_dash_aside_subject_reads_a_relative_clause_that_quotes():
    assert quotes_of(
        'Port chief Ana Ruiz - who previously said she would "tear down" the old pier - said on Monday that the toll'
        " should rise."
    ) == [
        ("Ana Ruiz", "person", "tear down", "dash_aside_subject/name_before"),
        ("Ana Ruiz", "person", "the toll should rise", "dash_aside_subject/name_before"),
    ]


def test_rule_subject_before_verb_reads_claims_and_notes_before_a_clause_as_verbs():
    assert quotes_of("The lawsuit claims that Berg made statements that damaged her reputation.") == [
        (
            "the lawsuit",
            "group",
            "Berg made statements that damaged her reputation",
            "subject_before_verb/description_before",
        )
    ]
    assert quotes_of("The Harbour Foundation notes the minimum wage is mostly paid to new workers.") == [
        (
            "Harbour Foundation",
            "group",
            "the minimum wage is mostly paid to new workers",
            "subject_before_verb/body_name_before",
        )
    ]
    assert quotes_of("Concerns rose on Monday over claims that ballots had been lost.") == []  # (a noun after "over")


def test_rule_list_aside_before_reads_the_group_before_its_examples():
    assert quotes_of("Port officials, including Ana Ruiz and Paul Berg, said the pier was safe.") == [
        ("Port officials", "group", "the pier was safe", "subject_before_verb/list_aside_before")
    ]
    assert quotes_of("Nordic economists, like their Baltic colleagues, say the toll would pay for the bridge.") == [
        ("Nordic economists", "group", "the toll would pay for the bridge", "subject_before_verb/list_aside_before")
    ]
    # A horizontal bar is a dash: the aside between bars is left out, and the names listed are no speakers.
    assert quotes_of(
        "Other prominent Liberals, like Ana Ruiz, Paul Berg and Lena Ortiz ― three former ministers ― have also said"
        " they are backing Lund."
    ) == [("Liberals", "group", "they are backing Lund", "dash_aside_subject/list_aside_before")]


def test_rule_share_before_reads_a_full_share_and_fourths_in_any_clause():
    assert quotes_of(
        "And a full 79 percent of Liberals say they would back Ortiz, while only 49 percent say the same of Berg."
    ) == [
        ("a full 79 percent of Liberals", "group", "they would back Ortiz", "subject_before_verb/share_before"),
        ("only 49 percent", "group", "the same of Berg", "subject_before_verb/share_before"),
    ]
    assert quotes_of(
        "Fishers are a majority here, and as many as three-fourths of them tell pollsters they dislike him."
    ) == [("as many as three-fourths of them", "group", "they dislike him", "subject_before_verb/share_before")]


def test_rule_relative_clause_before_reads_the_subject_before_its_relative_clause():
    assert quotes_of(
        "At the town hall, a young woman who had studied in Molde asked Ortiz what he thought of the toll."
    ) == [("a young woman", "group", "what he thought of the toll", "subject_before_verb/relative_clause_before")]
    assert quotes_of("Though engineers who have worked with Ana Ruiz say they trust her, the board is wary.") == [
        ("engineers", "group", "they trust her", "subject_before_verb/relative_clause_before")
    ]
    assert quotes_of("For one thing, it is usually the Liberals who are against adding more tolls.") == []


def test_rule_description_before_reads_a_subordinate_clause_opening_the_sentence_and_ends_its_report():
    assert quotes_of("When a local reporter asked Berg if the pier would close, Berg deflected.") == [
        ("a local reporter", "group", "if the pier would close", "subject_before_verb/description_before")
    ]


def test_rule_subject_opens_sentence_reads_a_possessive_description_ending_in_a_name():
    assert quotes_of(
        "Norway's state-owned investment giant Lunde runs an oil field in Molde and says it has set up a fund for ports."
    ) == [("Lunde", "person", "it has set up a fund for ports", "subject_opens_sentence/name_before")]
