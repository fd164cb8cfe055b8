"""Speech extraction, one pattern a test, on invented sentences."""

import pytest

from monitoring.ingest.parsers import speech_extract


def quotes_of(body: str) -> list[tuple[str, str, str]]:
    _, quotes = speech_extract(body)
    for quote in quotes:
        assert body[quote.start : quote.end] == quote.text
    return [(q.speaker, q.kind, q.text) for q in quotes]


def only_quote(body: str):
    _, quotes = speech_extract(body)
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_direct_quote_speaker_after_with_title():
    speakers, quotes = speech_extract(
        '"Ports need laboratories," said Noor Halabi, head of the Levant Shipping Council.'
    )
    assert [(q.speaker, q.kind, q.text, q.cue) for q in quotes] == [
        ("Noor Halabi", "direct", "Ports need laboratories", "said")
    ]
    assert speakers[0].titles == ["head of the Levant Shipping Council"]
    assert speakers[0].organizations == ["Levant Shipping Council"]


def test_direct_quote_speaker_before_with_comma_and_colon():
    assert quotes_of('Halabi said, "The data belongs to everyone."') == [
        ("Halabi", "direct", "The data belongs to everyone.")
    ]
    assert quotes_of('Halabi said: "The data belongs to everyone."') == [
        ("Halabi", "direct", "The data belongs to everyone.")
    ]


def test_direct_quote_curly_marks_and_pronoun():
    body = "Noor Halabi opened the meeting.\n\n“We are late,” she said."
    assert quotes_of(body) == [("Noor Halabi", "direct", "We are late")]


def test_direct_quote_name_before_verb():
    assert quotes_of('"We will vote no," Jean-Luc Moreau said.') == [("Jean-Luc Moreau", "direct", "We will vote no")]


def test_quote_over_three_paragraphs():
    body = '"First part of the answer.\n\n"Second part.\n\n"Third part," Ana de la Cruz said.'
    [(speaker, kind, text)] = quotes_of(body)
    assert (speaker, kind) == ("Ana de la Cruz", "direct")
    assert text == 'First part of the answer.\n\n"Second part.\n\n"Third part'


def test_interrupted_quote_is_one_statement_of_its_speaker():
    # One quote from the first part to the last, as a reader counts it (and as PolNeAR annotates it).
    body = '"We came to listen," Halabi said. "And we will come back."'
    assert quotes_of(body) == [("Halabi", "direct", 'We came to listen," Halabi said. "And we will come back.')]


def test_two_apostrophe_quotation_marks():
    assert quotes_of("''We will sign,'' said Ivo Brandt.") == [("Ivo Brandt", "direct", "We will sign")]
    # A report ending in quoted words keeps the whole closing mark, as it keeps a one-character one.
    reports = [q for q in quotes_of("Ivo Brandt said the port ''will not close.''") if q[1] == "indirect"]
    assert reports == [("Ivo Brandt", "indirect", "the port ''will not close.''")]


def test_partial_quote_inside_a_sentence():
    body = 'Kit Brandt spoke first. She called the plan "a historic step" for the region.'
    speakers, quotes = speech_extract(
        'Marta Okonkwo arrived late. She called the plan "a historic step" for the region.'
    )
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [("Marta Okonkwo", "partial", "a historic step")]
    assert quotes_of(body)[0][1] == "partial"


def test_partial_quote_inside_indirect_speech():
    assert quotes_of('Brandt said the deal was "long overdue" and should be signed.') == [
        ("Brandt", "indirect", 'the deal was "long overdue" and should be signed'),
        ("Brandt", "partial", "long overdue"),
    ]


def test_scare_quotes_without_a_speaker_are_not_quotes():
    assert quotes_of('The so-called "blue corridor" opened on Monday.') == []


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Ivo Brandt said the talks had stalled.", "said", "the talks had stalled"),
        ("Ivo Brandt says the talks have stalled.", "says", "the talks have stalled"),
        ("Ivo Brandt noted that the talks had stalled.", "noted", "the talks had stalled"),
        ("Ivo Brandt told reporters that the talks had stalled.", "told", "the talks had stalled"),
        ("Ivo Brandt added that the talks had stalled.", "added", "the talks had stalled"),
        ("Ivo Brandt stressed that the talks had stalled.", "stressed", "the talks had stalled"),
        ("Ivo Brandt wrote on Monday that the talks had stalled.", "wrote", "the talks had stalled"),
        ("Ivo Brandt urged the ministers to resume the talks.", "urged", "the ministers to resume the talks"),
        ("Ivo Brandt warned that the talks had stalled.", "warned", "the talks had stalled"),
        ("Ivo Brandt expressed hope that the talks would resume.", "expressed", "the talks would resume"),
        ("Ivo Brandt announced that the talks would resume.", "announced", "the talks would resume"),
        ("Ivo Brandt stated that the talks had stalled.", "stated", "the talks had stalled"),
        ("Ivo Brandt emphasized that the talks had stalled.", "emphasized", "the talks had stalled"),
        ("Ivo Brandt emphasised that the talks had stalled.", "emphasised", "the talks had stalled"),
        ("Ivo Brandt pointed out that the talks had stalled.", "pointed out", "the talks had stalled"),
        ("Ivo Brandt called for new talks on quotas.", "called for", "new talks on quotas"),
        ("The talks had stalled, Ivo Brandt said.", "said", "The talks had stalled"),
        ("The talks had stalled, said Ivo Brandt.", "said", "The talks had stalled"),
        ("According to Ivo Brandt, the talks had stalled.", "according to", "the talks had stalled"),
        ("The talks had stalled, according to Ivo Brandt.", "according to", "The talks had stalled"),
        (
            "Ivo Brandt was quoted as saying that the talks had stalled.",
            "was quoted as saying",
            "the talks had stalled",
        ),
    ],
)
def test_indirect_speech_reporting_verbs(sentence, cue, content):
    quote = only_quote(sentence)
    assert (quote.speaker, quote.kind, quote.cue, quote.text) == ("Ivo Brandt", "indirect", cue, content)


def test_quoted_him_as_saying_names_the_channel():
    body = "Wang Lihua visited the port. Orient News Agency quoted him as saying that exports would rise."
    quote = only_quote(body)
    assert (quote.speaker, quote.text, quote.channel) == ("Wang Lihua", "exports would rise", "Orient News Agency")


def test_appositive_title_and_organization():
    speakers, _ = speech_extract(
        "Ivo Brandt, chairman of the Northern Fishers' League, said the quota talks had stalled."
    )
    assert (speakers[0].name, speakers[0].titles, speakers[0].organizations) == (
        "Ivo Brandt",
        ["chairman of the Northern Fishers' League"],
        ["Northern Fishers' League"],
    )


def test_prenominal_title():
    speakers, quotes = speech_extract("Foreign Minister Ana de la Cruz said the border would reopen.")
    assert (speakers[0].name, speakers[0].titles) == ("Ana de la Cruz", ["Foreign Minister"])
    assert quotes[0].text == "the border would reopen"


def test_reversed_appositive_title():
    speakers, _ = speech_extract("Valdoria's trade minister, Carlos Mendoza Ríos, said the vote was delayed.")
    assert (speakers[0].name, speakers[0].titles) == ("Carlos Mendoza Ríos", ["Valdoria's trade minister"])


@pytest.mark.parametrize(
    "name",
    ["Jean-Luc Moreau", "Ana de la Cruz", "Wang Lihua", "Kim Jong-suk", "Dr. Amara Diallo", "Abdel Rahman al-Masri"],
)
def test_names_with_hyphens_particles_and_order(name):
    quote = only_quote(f'"We are ready," said {name}.')
    assert quote.speaker == name.removeprefix("Dr. ")


def test_back_references_pronoun_surname_and_title():
    body = (
        "Interior Minister Henrik Aalto said the border would reopen.\n\n"
        "Aalto added that customs posts would be staffed.\n\n"
        "The minister stressed that nothing was final.\n\n"
        "He said a vote would follow."
    )
    assert [q[0] for q in quotes_of(body)] == ["Henrik Aalto"] * 4


def test_surname_of_a_person_named_earlier_without_speaking():
    body = "The delegation was led by Irina Volkova.\n\nVolkova said the talks were useful."
    assert quotes_of(body) == [("Irina Volkova", "indirect", "the talks were useful")]


def test_chinese_name_order_back_reference():
    body = "Wang Lihua said fares would fall.\n\nWang added that ferries would run daily."
    assert [q[0] for q in quotes_of(body)] == ["Wang Lihua", "Wang Lihua"]


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Officials from three ministries said the plan was ready.", "officials from three ministries"),
        ("Experts said the plan was ready.", "experts"),
        ("Delegates told the forum that the plan was ready.", "delegates"),
        ("Western diplomats said the plan was ready.", "Western diplomats"),
        ("The plan was ready, a senior official said.", "a senior official"),
        ("The fishermen's association warned that the plan was ready.", "the fishermen's association"),
    ],
)
def test_unnamed_groups_are_group_speakers(sentence, group):
    speakers, quotes = speech_extract(sentence)
    assert [(s.name, s.kind) for s in speakers] == [(group, "group")]
    assert quotes[0].text.casefold().endswith("the plan was ready")


def test_they_refers_to_the_group_just_mentioned():
    body = "Protesters gathered outside parliament. They said they would return every day."
    assert quotes_of(body) == [("protesters", "indirect", "they would return every day")]


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ('"We are ready," Ana Ruiz said in a speech at the summit.', "speech"),
        ('"We are ready," Ana Ruiz said in a video message.', "video message"),
        ('"We are ready," Ana Ruiz said in an interview.', "interview"),
        ('"We are ready," Ana Ruiz told the Harbour Times in an interview.', "interview with Harbour Times"),
        ('"We are ready," Ana Ruiz said in a statement.', "statement"),
        ('"We are ready," Ana Ruiz said at a press conference.', "press conference"),
        ('"We are ready," Ana Ruiz said.', None),
    ],
)
def test_channel(sentence, channel):
    assert only_quote(sentence).channel == channel


def test_sentences_without_speech_give_nothing():
    assert quotes_of("The ferry left at noon. Mr. Brandt boarded it in Port Alder.") == []


def test_adding_that_is_a_second_report_by_the_same_speaker():
    body = '"We will not sign," Ivo Brandt said, adding that the draft ignored small ports.'
    assert quotes_of(body) == [
        ("Ivo Brandt", "direct", "We will not sign"),
        ("Ivo Brandt", "indirect", "the draft ignored small ports"),
    ]


def test_relative_pronoun_subject():
    body = "The report was drafted by Lena Vogt, who told the committee that the figures were incomplete."
    assert quotes_of(body) == [("Lena Vogt", "indirect", "the figures were incomplete")]


def test_passive_reporting_verb_has_no_speaker_subject():
    assert quotes_of("The agreement was announced on Monday in Port Alder.") == []


def test_question_quote_with_name_attribution_is_one_sentence():
    body = '"Why are you still waiting?" Halabi asked the ministers. "The boats are ready."'
    assert quotes_of(body) == [
        ("Halabi", "direct", 'Why are you still waiting?" Halabi asked the ministers. "The boats are ready.'),
    ]


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Coastal fishing cooperatives say the quotas came too late.", "coastal fishing cooperatives"),
        ("Proponents of the accord, however, say the quotas came too late.", "Proponents of the accord"),
        ("About 40 percent of respondents said the quotas came too late.", "About 40 percent of respondents"),
    ],
)
def test_noun_phrase_subjects_are_groups(sentence, group):
    quote = only_quote(sentence)
    assert (quote.speaker, quote.text) == (group, "the quotas came too late")


def test_document_as_source_when_no_verb_names_a_speaker():
    quote = only_quote("The quotas came too late, according to a report by the fisheries council.")
    assert (quote.speaker, quote.cue, quote.text) == (
        "a report by the fisheries council",
        "according to",
        "The quotas came too late",
    )


def test_participle_saying_takes_the_sentence_subject():
    quote = only_quote("Ana Ruiz posted a message on Friday saying that the ferry would run again.")
    assert (quote.speaker, quote.cue, quote.text) == ("Ana Ruiz", "saying", "the ferry would run again")


def test_so_called_is_not_a_reporting_verb():
    assert quotes_of('The so-called "blue corridor" was opened by the minister.') == []


def test_quote_paragraph_after_a_colon_belongs_to_the_speaker_before():
    body = 'In her closing speech, Ana Ruiz said:\n\n"The river does not belong to one country."'
    assert quotes_of(body) == [("Ana Ruiz", "direct", "The river does not belong to one country.")]


def test_unattributed_quote_paragraph_is_not_given_to_the_last_speaker():
    # (A quotation paragraph right after a paragraph that ends with the speaker's indirect report goes on with that
    # report instead: see test_speech_indirect_recall.)
    body = 'Ana Ruiz said the talks would resume. The council disagreed.\n\n"Nobody asked the fishermen."'
    assert quotes_of(body) == [("Ana Ruiz", "indirect", "the talks would resume")]


# --- second reading: clause subjects no speaker pattern knows ------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "text"),
    [
        (
            "The inspector, who asked not to be named because the audit is unfinished, said that the ledgers were incomplete.",
            "the inspector",
            "the ledgers were incomplete",
        ),
        (
            "But cooperative members who have sold their boats say the quota came too late.",
            "cooperative members",
            "the quota came too late",
        ),
        (
            "Several harbour pilots on the night shift said the buoys had drifted.",
            "several harbour pilots on the night shift",
            "the buoys had drifted",
        ),
        (
            "The ferry company reorganised its routes over the winter, two deckhands said.",
            "two deckhands",
            "The ferry company reorganised its routes over the winter",
        ),
        (
            "One of the founders of that cooperative, Lina Osei, said the quota was fair.",
            "Lina Osei",
            "the quota was fair",
        ),
    ],
)
def test_unknown_clause_subject_is_taken_as_speaker(body, speaker, text):
    assert quotes_of(body) == [(speaker, "indirect", text)]


@pytest.mark.parametrize(
    "body",
    [
        "Can the growers sue the council that promised a harbour?",
        "The tide rose before explaining anything.",
        "It was reported in the spring.",
    ],
)
def test_no_speaker_from_clauses_that_are_not_subjects(body):
    assert quotes_of(body) == []


def test_lower_case_quote_after_reported_words_is_one_indirect_report():
    body = 'The old quay, the harbour master said, "was never meant for tankers."'
    assert quotes_of(body) == [
        ("the harbour master", "indirect", 'The old quay, the harbour master said, "was never meant for tankers'),
        ("the harbour master", "partial", "was never meant for tankers."),
    ]
    # A connective alone before the speaker is no reported content: the quote stays direct.
    assert quotes_of('Ines Carvalho spoke first. Still, Carvalho added, "we cannot wait."')[-1][1:] == (
        "direct",
        "we cannot wait.",
    )


def test_pending_kind_quote_followed_by_the_speakers_own_quotation_is_direct():
    # After the reporter's words, a quotation that the paragraph speaker's own quotation follows is his.
    body = 'Paul Ruiz spoke at the quay on Monday. "The fees are too high." Later, he said, "We will cut them."'
    assert [kind for _, kind, _ in quotes_of(body)] == ["direct"]  # one interrupted quote
    # After his indirect report it still goes on with what was reported: partial.
    body = 'Paul Ruiz said the fees were high. "Nobody wants another winter." Later, he said, "We will cut them."'
    assert [kind for _, kind, _ in quotes_of(body)] == ["indirect", "partial", "direct"]


def test_unattributed_quote_after_an_indirect_report_is_partial():
    body = 'Ines Carvalho said the quay would reopen in May. "Nobody wants another winter like this one."'
    assert [kind for _, kind, _ in quotes_of(body)] == ["indirect", "partial"]
    body = '"The quay reopens in May," Ines Carvalho said. "Nobody wants another winter like this one."'
    assert [kind for _, kind, _ in quotes_of(body)] == ["direct"]  # one interrupted quote


@pytest.mark.parametrize(
    "body",
    [
        "Mayor Ines Carvalho proposed a levy on cruise passengers.",
        "The harbour authority revealed its dredging schedule.",
        "Carvalho won most pledged delegates in the north.",
    ],
)
def test_verbs_of_acts_without_a_that_clause_are_no_reports(body):
    assert quotes_of(body) == []


def test_verbs_of_acts_with_a_that_clause_are_reports():
    assert quotes_of("Mayor Ines Carvalho proposed that cruise passengers pay a levy.") == [
        ("Ines Carvalho", "indirect", "cruise passengers pay a levy")
    ]


def test_according_to_in_mid_sentence_keeps_the_content_on_both_sides():
    body = "Since the spring, according to the port registry, tanker calls have doubled."
    assert [text for _, _, text in quotes_of(body)] == [
        "Since the spring, according to the port registry, tanker calls have doubled"
    ]


def test_inverted_speaker_ending_the_sentence():
    body = (
        "The ferries also lack crews in Porto, whom the strike kept away, said Rui Lemos, director of the Pilots Guild."
    )
    assert quotes_of(body) == [
        ("Rui Lemos", "indirect", "The ferries also lack crews in Porto, whom the strike kept away")
    ]


def test_quote_before_an_unlisted_possessive_subject():
    assert quotes_of('"The river keeps its own calendar," my grandmother often said.') == [
        ("my grandmother", "direct", "The river keeps its own calendar")
    ]


def test_quote_introduced_by_a_verb_whose_subject_is_unknown_stays_direct():
    body = 'Ines Carvalho said the quay would reopen. Years ago I laughed and said, "Nobody reopens a quay."'
    assert [kind for _, kind, _ in quotes_of(body)] == ["indirect", "direct"]


def test_second_part_of_an_interrupted_quote_ending_its_paragraph_is_direct():
    body = '"By dredging the channel," Ines Carvalho said, "we let the big ships in."\nThe council meets in May.'
    _, quotes = speech_extract(body, paragraph_break="\n")
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", 'By dredging the channel," Ines Carvalho said, "we let the big ships in.'),
    ]


@pytest.mark.parametrize("verb", ["boasted", "joked", "quipped", "retorted"])
def test_more_reporting_verbs(verb):
    assert quotes_of(f'"Nobody dredges faster," Ines Carvalho {verb}.') == [
        ("Ines Carvalho", "direct", "Nobody dredges faster")
    ]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The quay was closed for repairs, the port authority reported.", "The quay was closed for repairs"),
        (
            "The pilots stayed ashore all week, the island newspaper Correio do Cais reported.",
            "The pilots stayed ashore all week",
        ),
        ("The ferry ran aground twice, the Gazette said, including once in fog.", "The ferry ran aground twice"),
    ],
)
def test_clause_final_source_with_words_before_its_name(body, text):
    assert [t for _, kind, t in quotes_of(body) if kind == "indirect"] == [text]


def test_reported_words_before_a_quotation_in_the_same_sentence():
    body = 'The mayor noted that she had run the port for a decade, and added: "Nobody knows it better."'
    assert quotes_of(body) == [
        ("the mayor", "indirect", "she had run the port for a decade"),
        ("the mayor", "direct", "Nobody knows it better."),
    ]
    # A prepositional phrase before the quotation is no report of its own.
    assert [kind for _, kind, _ in quotes_of('Ines Carvalho said of the new quay: "Nobody knows it better."')] == [
        "direct"
    ]


def test_outlet_told_is_the_channel_never_the_speaker():
    body = '"We will not sign this year," Daulet Serikov, Kazakhstan\'s deputy trade minister, told Steppe Wire.'
    speakers, quotes = speech_extract(body)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [("Daulet Serikov", "direct", "We will not sign this year")]
    assert [s.name for s in speakers] == ["Daulet Serikov"]
    assert speakers[0].titles == ["Kazakhstan's deputy trade minister"]


@pytest.mark.parametrize(
    "body",
    [
        "Reuters reported that the grain talks had failed.",
        "The grain talks failed, Agence France-Presse said.",
        "The grain talks failed, according to the Prairie Times.",
        '"The talks failed," said Xinhua.',
    ],
)
def test_news_agencies_and_outlets_are_never_speakers(body):
    speakers, quotes = speech_extract(body)
    assert quotes == [] and speakers == []


def test_the_article_own_outlet_is_never_a_speaker():
    body = "The grain talks failed, Lakeside Voice said."
    assert speech_extract(body)[1] != []  # an unknown name is read as a speaker ...
    assert speech_extract(body, outlets=["Lakeside Voice"]) == ([], [])  # ... unless it is the article's outlet


def test_outlet_before_a_described_person_is_part_of_the_title():
    speakers, quotes = speech_extract('"The debate is over," said Harbour Radio host Mira Castell.')
    assert [(q.speaker, q.text) for q in quotes] == [("Mira Castell", "The debate is over")]
    assert speakers[0].titles == ["Harbour Radio host"]


def test_rejected_reading_leaves_no_phantom_speaker():
    # "claims" read as a verb would make "Republican" a speaker; the reading is rejected, and
    # nothing of it may survive for the pronoun in the next paragraph.
    body = "Republican claims were dismissed.\n\nHe said the vote was fair."
    assert speech_extract(body) == ([], [])


def test_pronoun_without_anyone_named_is_no_speaker():
    assert speech_extract("She said the vote was fair.") == ([], [])


def test_surname_resolves_to_the_full_name_given_later_in_the_article():
    body = (
        '"The quota stays," Tulegenov said.\n\nAsel Tulegenova met Marat Tulegenov, the agriculture minister, at noon.'
    )
    speakers, quotes = speech_extract(body)
    assert [(q.speaker, q.text) for q in quotes] == [("Marat Tulegenov", "The quota stays")]
    assert speakers[0].titles == ["the agriculture minister"]


def test_person_keeps_the_role_stated_at_first_mention():
    body = (
        "Nurlan Abenov, Kazakhstan's deputy minister, arrived in the capital on Monday.\n\n"
        '"We came to agree," Abenov said.'
    )
    speakers, quotes = speech_extract(body)
    assert [(q.speaker, q.text) for q in quotes] == [("Nurlan Abenov", "We came to agree")]
    assert speakers[0].titles == ["Kazakhstan's deputy minister"]


def test_surname_two_people_share_is_not_resolved():
    body = 'Mina Sorel and Paul Sorel opened the shop.\n\n"It pays," Sorel said.'
    assert quotes_of(body) == [("Sorel", "direct", "It pays")]


def test_honorific_opening_a_paragraph_is_no_sentence_end():
    body = "Mr. Vance arrived.\n\nMr. Vance said that the port would stay open."
    assert quotes_of(body) == [("Vance", "indirect", "the port would stay open")]


@pytest.mark.parametrize(
    "lede",
    [
        "ALMATY, June 3 (Steppe Agency) - ",
        "ASTANA (AP) — ",
        "GENEVA, Switzerland, May 2, 2024 (Xinhua) -- ",
        "NUR-SULTAN, June 3 - ",
    ],
)
def test_wire_lede_is_never_part_of_a_quote(lede):
    body = f'{lede}The grain tariff will rise in July, officials said.\n\n{lede}"We are ready," the envoy said.'
    speakers, quotes = speech_extract(body)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("officials", "indirect", "The grain tariff will rise in July"),
        ("the envoy", "direct", "We are ready"),
    ]
    assert all(s.kind == "group" for s in speakers)


def test_wire_lede_alone_yields_nothing():
    assert speech_extract("ALMATY, June 3 (Steppe Agency) - Kazakhstan raised grain tariffs on Tuesday.") == ([], [])


@pytest.mark.parametrize(
    ("body", "group"),
    [
        ('"We will march," said Activists from the coast.', "activists"),
        ('"We will march," Activists said.', "activists"),
        ("Demonstrators said the dam would flood three villages.", "demonstrators"),
        ("Republicans said the count was fair.", "Republicans"),
    ],
)
def test_capitalised_plural_noun_is_a_group_never_a_person(body, group):
    speakers, quotes = speech_extract(body)
    assert [(s.name, s.kind) for s in speakers] == [(group, "group")]
    assert [q.speaker for q in quotes] == [group]


@pytest.mark.parametrize(
    "body",
    [
        '"Funding is short," said the appeal for the central Sahel.',
        "Funding is short, the appeal for the central Sahel said.",
        "Funding is short, according to the appeal for the central Sahel.",
    ],
)
def test_noun_phrase_is_a_group_or_nothing_never_a_person(body):
    speakers, _ = speech_extract(body)
    assert all(s.kind == "group" for s in speakers)


@pytest.mark.parametrize(
    "verb", ["exclaimed", "shouted", "fumed", "interjected", "gushed", "scoffed", "conceded", "cautioned"]
)
def test_manner_of_speaking_verbs_are_cues(verb):
    assert quotes_of(f'"Nobody dredges faster," Ines Carvalho {verb}.') == [
        ("Ines Carvalho", "direct", "Nobody dredges faster")
    ]
    assert quotes_of(f"Ines Carvalho {verb} that the quay was too short.") == [
        ("Ines Carvalho", "indirect", "the quay was too short")
    ]


def test_interrupted_quote_with_a_nickname_in_the_attribution_is_one_statement():
    body = '"The quay is ours!" the mayor\'s niece, Marta "Tita" Velasco, shouted to the crowd. "Keep it open."'
    [(speaker, kind, text)] = [q for q in quotes_of(body) if q[1] != "partial"]
    assert (speaker.split()[-1], kind) == ("Velasco", "direct")
    assert text.startswith("The quay is ours!") and text.endswith("Keep it open.")


def test_interrupted_quote_ending_its_paragraph_is_one_statement_whatever_the_next_paragraph_says():
    # The next paragraph's attribution ('Farmers said ...') is not one of the second part's own.
    body = '"The quay is ours," Halabi said. "Keep it open."\n\nFarmers said the fees were too high.'
    assert quotes_of(body) == [
        ("Halabi", "direct", 'The quay is ours," Halabi said. "Keep it open.'),
        ("farmers", "indirect", "the fees were too high"),
    ]


def test_quotes_of_two_speakers_are_never_joined():
    body = '"We stay," Halabi said. "We go," said Ines Carvalho.'
    assert [q[0] for q in quotes_of(body)] == ["Halabi", "Ines Carvalho"]


def test_quotes_in_two_paragraphs_are_two_statements():
    body = '"We stay," Halabi said.\n\n"We go," Halabi said.'
    assert len(quotes_of(body)) == 2


@pytest.mark.parametrize(
    "body",
    [
        "Foreign Ministry spokesperson Zhao Lijian said the visit would go ahead.",
        '"The visit goes ahead," Foreign Ministry spokesperson Zhao Lijian said.',
        '"The visit goes ahead," said Foreign Ministry spokesperson Zhao Lijian.',
    ],
)
def test_prenominal_title_is_saved_as_the_role(body):
    speakers, quotes = speech_extract(body)
    assert [(s.name, s.kind, s.titles) for s in speakers] == [
        ("Zhao Lijian", "person", ["Foreign Ministry spokesperson"])
    ]
    assert [q.speaker for q in quotes] == ["Zhao Lijian"]


def test_she_skips_a_man_named_in_between():
    body = (
        "Ms. Aliya Omarova chaired the session.\n\n"
        "Later Mr. Bolat Seitkali requested a recess.\n\n"
        "She said the vote would be held on Friday."
    )
    assert quotes_of(body) == [("Aliya Omarova", "indirect", "the vote would be held on Friday")]


def test_he_skips_a_woman_known_from_her_role():
    body = (
        "Yerlan Dossayev opened the hearing.\n\n"
        "Dana Kaliyeva, the committee chairwoman, read the agenda.\n\n"
        "He said the budget was too small."
    )
    assert quotes_of(body)[0][0] == "Yerlan Dossayev"


def test_gender_learnt_from_an_earlier_pronoun():
    body = (
        '"The port stays open," Sabit Tazhin said.\n\n'
        "He met Arman Bekov on Monday.\n\n"  # neither given name is known: the subject comes first
        '"We will build a second quay," he said.'
    )
    assert [q[0] for q in quotes_of(body)] == ["Sabit Tazhin", "Sabit Tazhin"]


def test_honorific_surname_resolves_to_the_full_name():
    body = 'Gulmira Sattarova, the trade envoy, arrived on Monday.\n\n"We are ready," Ms. Sattarova said.'
    speakers, quotes = speech_extract(body)
    assert [(q.speaker, q.text) for q in quotes] == [("Gulmira Sattarova", "We are ready")]
    assert speakers[0].titles == ["the trade envoy"]


def test_role_noun_resolves_to_the_person_named_with_that_role():
    body = 'Nurlan Abenov, the deputy minister, arrived in Geneva on Monday.\n\n"We came to agree," the minister said.'
    assert quotes_of(body) == [("Nurlan Abenov", "direct", "We came to agree")]


def test_all_capital_subheading_is_never_a_person():
    body = "Talks resume\n\nTHE HARBOUR QUESTION\n\nHe said the harbour would stay open."
    assert speech_extract(body) == ([], [])


def test_according_to_an_outlet_document_is_no_source():
    body = "Prices fell, according to a report by the Prairie Times, and again, according to the Prairie Times report."
    assert all(q.speaker != "Prairie Times report" for q in speech_extract(body)[1])
    assert speech_extract("Prices fell in May, according to the Prairie Times report.") == ([], [])


def test_quotes_each_with_its_own_attribution_are_separate_statements():
    body = '"The first point stands," said Ana Ruiz. "The second point stands," said Ana Ruiz.'
    assert [q[2] for q in quotes_of(body)] == ["The first point stands", "The second point stands"]


def test_subheading_names_nobody_for_a_later_pronoun():
    body = "Aliya Omarova opened the session.\n\nA Divisive Legacy\n\nShe said the vote would be held on Friday."
    assert quotes_of(body) == [("Aliya Omarova", "indirect", "the vote would be held on Friday")]


def test_contracted_pronoun_is_never_a_speaker():
    assert speech_extract("He’s claiming that the count was rigged.") == ([], [])


def test_person_whose_surname_is_a_media_word_is_still_a_person():
    assert quotes_of('"Manners matter," said Emily Post.') == [("Emily Post", "direct", "Manners matter")]


def test_places_named_like_people_are_no_antecedents():
    body = "Crowds in Fort Alder and Kent County cheered Aliya Omarova.\n\nShe said turnout was high."
    assert quotes_of(body) == [("Aliya Omarova", "indirect", "turnout was high")]


def test_honorific_chooses_between_two_people_who_share_a_surname():
    body = (
        "Aliya Sadykova and her husband Marat Sadykov met voters; Dana Sadykova stayed home.\n\n"
        "Marat Sadykov and Dana Sadykova, his sister, spoke later.\n\n"
        '"We need the bridge," Ms. Sadykova said.\n\n'
        '"It will be built," Mr. Sadykov said.'
    )
    got = [q[0] for q in quotes_of(body)]
    assert got[-1] == "Marat Sadykov"


def test_honorific_picks_the_person_of_that_gender_among_namesakes():
    body = (
        "Lina Orlova and Pavel Orlov arrived together.\n\n"
        '"We are hopeful," Mrs. Orlova said.\n\n'
        "Anna Orlov and Pavel Orlov left early.\n\n"
        '"The talks went well," Mr. Orlov said.'
    )
    assert [q[0] for q in quotes_of(body)] == ["Lina Orlova", "Pavel Orlov"]


@pytest.mark.parametrize(
    "between",
    [
        "The crowd waited outside Grant Plaza.",  # a building
        "Voters in New Hampshire lined up early.",  # a state (ISO 3166-2)
        "The Clean Water Act passed in May.",  # a law
    ],
)
def test_he_never_refers_to_a_place_a_building_or_a_law(between):
    _, quotes = speech_extract(f"Paul Okafor arrived at noon. {between} He said the cranes were slow.")
    assert [q.speaker for q in quotes] == ["Paul Okafor"]


def test_a_connective_opening_the_sentence_is_no_part_of_the_name():
    _, quotes = speech_extract("Nor Paul Okafor waited long. He said the cranes were slow.")
    assert [q.speaker for q in quotes] == ["Paul Okafor"]


def test_an_honorific_or_title_makes_a_surname_a_person_he_can_refer_to():
    _, quotes = speech_extract("The fleet sailed at dawn. President Okafor watched from the pier. He said it was late.")
    assert [q.speaker for q in quotes] == ["Okafor"]


def test_a_title_case_headline_says_is_a_report():
    _, quotes = speech_extract("Mina Sorel Says The Harbour Cranes Are Too Slow\n\nThe port opened in May.")
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Mina Sorel", "indirect", "The Harbour Cranes Are Too Slow")
    ]


def test_a_capitalised_says_in_an_ordinary_sentence_is_no_cue():
    _, quotes = speech_extract("The band Simon Says played in the harbour town last night.")
    assert quotes == []


@pytest.mark.parametrize(
    "subject, group",
    [
        ("Politicians", "politicians"),  # an ending surnames do not have
        ("Caucus-goers", "caucus-goers"),
        ("Majorities", "majorities"),
        ("Guests", "guests"),
        ("Latinos", "Latinos"),  # a plural that keeps its capital
        ("Two", "two"),
        ("Twitter", "Twitter"),  # a company named alone
    ],
)
def test_a_plural_noun_or_a_company_opening_a_sentence_is_a_group_never_a_person(subject, group):
    speakers, quotes = speech_extract(f"{subject} said the ferry fees were too high.")
    assert [(s.name, s.kind) for s in speakers] == [(group, "group")]
    assert [q.speaker for q in quotes] == [group]


def test_a_surname_with_a_plural_look_is_still_a_person():
    speakers, _ = speech_extract("Ana Richards arrived late. Richards said the ferry fees were too high.")
    assert [(s.name, s.kind) for s in speakers] == [("Ana Richards", "person")]


@pytest.mark.parametrize("outlet", ["BuzzFeed", "HuffPost", "Breitbart", "ProPublica", "Haaretz", "KXYZ-TV"])
def test_a_widely_quoted_outlet_is_never_a_speaker(outlet):
    speakers, quotes = speech_extract(f"{outlet} reported that the ferry fees were too high.")
    assert (speakers, quotes) == ([], [])


def test_closing_three_apostrophes():
    # A single mark closing inside a two-apostrophe quotation leaves no stray mark to read as the speaker.
    body = "''I would call it 'old-school,''' said Hal W. Marsh, whom the port hired."
    assert [(speaker, kind) for speaker, kind, _ in quotes_of(body)] == [("Hal W. Marsh", "direct")]
