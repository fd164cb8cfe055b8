"""Speakers and spans users saw wrong: one test a fix, on invented sentences."""

from __future__ import annotations

from monitoring.ingest.parsers.speech import speech_extract


def speakers_of(body: str) -> list[tuple[str, str]]:
    """(speaker, kind) of each quote, in reading order."""
    speakers, quotes = speech_extract(body)
    kinds = {speaker.name: speaker.kind for speaker in speakers}
    return [(quote.speaker, kinds[quote.speaker]) for quote in quotes]


def test_a_capitalised_auxiliary_after_a_given_name_is_a_surname():
    # "Will", "Still": a modal or an adverb in lower case, a surname after a given name.
    assert speakers_of("Radio Tirana host Marco Will said the harbour tax was a mistake.") == [("Marco Will", "person")]
    assert speakers_of("Dana Still has said the harbour tax was a mistake.") == [("Dana Still", "person")]


def test_a_demand_is_a_report_of_its_owner():
    _, quotes = speech_extract("Dock workers marched on Monday. Their demands that the ferry fares fall went unheard.")
    assert [(q.speaker, q.kind, q.cue) for q in quotes] == [("Dock workers", "indirect", "demands")]


def test_according_to_a_document_named_with_a_capitalised_modifier_keeps_the_whole_noun_phrase():
    # The day ends the phrase: without it the participle was left as the last word of the "name".
    assert speakers_of("Most dockers back the strike, according to a Lunde Radio survey released Monday.") == [
        ("Lunde Radio survey released Monday", "group")
    ]


def test_a_court_named_by_its_circuit_is_a_body_with_its_ordinal():
    assert speakers_of("The ferry ban was lawful, the 4th Circuit said.") == [("4th Circuit", "group")]
    assert speakers_of("The Eleventh Circuit said the ferry ban was lawful.") == [("Eleventh Circuit", "group")]


def test_a_plural_title_before_two_surnames_is_a_group_of_both():
    # As "Ana Ruiz and Paul Berg said": the two speak together, never the last of them alone.
    assert speakers_of("Professors Lindqvist and Abara said the archive should stay open.") == [
        ("Professors Lindqvist and Abara", "group")
    ]


def test_a_plural_nationality_noun_is_a_group_of_people_not_the_country():
    assert speakers_of("The talks went on in Oslo. The Hungarians said the ferry deal was fair.") == [
        ("Hungarians", "group")
    ]
    assert speakers_of("The ferry deal was fair, the South Koreans say.") == [("South Koreans", "group")]


def test_an_inch_mark_in_a_height_does_not_close_the_quotation():
    _, quotes = speech_extract("“The new keeper is 6’4” and fearless in the box,” the coach said.")
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("the coach", "direct", "The new keeper is 6’4” and fearless in the box")
    ]


def test_a_time_abbreviation_ends_a_sentence_before_a_capitalised_pronoun_or_determiner():
    body = "Paul Lindqvist spoke first. The talks ended at 5 p.m. His aides say the ferry vote is set for Friday."
    assert speakers_of(body) == [("his aides", "group")]


def test_a_common_english_word_alone_is_no_person_name():
    # A shipped common word opening the sentence ("Nearly") and a word the article prints in lower case
    # ("management") name nobody; a full name in the article still makes the word a surname.
    assert speakers_of("Nearly nine in 10 Lunde dockers polled said they back the strike.") == [
        ("Nearly nine in 10 Lunde dockers polled", "group")
    ]
    body = "The ferry management met on Monday. Management said the pier would reopen in May."
    assert speakers_of(body) == [("Management", "group")]
    assert speakers_of("Tom Friends spoke on Monday. Friends said the toll was fair.") == [("Tom Friends", "person")]


def test_a_capitalised_auxiliary_after_a_media_role_is_the_surname_and_the_outlet_is_his_title():
    speakers, quotes = speech_extract("Radio Tirana contributor Will said the harbour tax will be a mistake.")
    assert [(q.speaker, q.kind) for q in quotes] == [("Will", "indirect")]
    assert (speakers[0].kind, speakers[0].titles) == ("person", ["Radio Tirana contributor"])
