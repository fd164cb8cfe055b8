"""Press-text layout: headline, dateline, bylines, captions, subheadings, footer, and the spec example."""

import datetime as dt

import pytest

from monitoring.ingest.parsers import parse_press_text

# The example at the end of the press-text format note, kept here so the test needs no shared files.
SPEC_EXAMPLE = """\
Coastal institutes agree to pool fisheries data

Updated: 2024-03-18 Harbour Times

Marta Okonkwo (left), director of the Gulf Marine Institute, greets a delegate at a signing ceremony in Port Alder, Northland province, in 2023. LIAM FERREIRA/COASTWIRE

Research institutes from eleven coastal countries agreed on Monday to share catch and temperature data, a step officials said would help them set quotas before stocks collapse.

"We cannot manage what we do not measure," said Marta Okonkwo, director of the Gulf Marine Institute, in a speech at the closing session.

Ivo Brandt, chairman of the Northern Fishers' League, said the quota talks had stalled for three years because each country counted fish differently.

"Our members have waited a long time for numbers they can trust. This agreement gives them a reason to come back to the table.

"But trust is earned at sea, not in conference rooms," he told the Harbour Times in an interview.

Joint survey

Delegates told the forum that a joint survey vessel would sail in June.

Brandt noted that smaller ports had no laboratories of their own, according to a statement released after the meeting.

Copyright © Harbour Times. All rights reserved.
"""


def article_text(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def test_spec_example_header_photo_footer():
    article = parse_press_text(SPEC_EXAMPLE)
    assert article.headline == "Coastal institutes agree to pool fisheries data"
    assert article.updated == dt.date(2024, 3, 18)
    assert article.outlet == "Harbour Times"
    assert article.subheadings == ["Joint survey"]
    assert article.rights == "Copyright © Harbour Times. All rights reserved."
    assert "Copyright" not in article.body and "LIAM FERREIRA" not in article.body
    [photo] = article.photos
    assert photo.credit == "LIAM FERREIRA/COASTWIRE"
    assert (photo.photographer, photo.agency, photo.pictured) == ("Liam Ferreira", "Coastwire", ["Marta Okonkwo"])
    assert photo.caption.startswith("Marta Okonkwo (left), director") and photo.caption.endswith("in 2023.")


def test_spec_example_speakers_quotes_and_organizations():
    data = parse_press_text(SPEC_EXAMPLE).to_dict()
    speakers = {s["name"]: s for s in data["speakers"]}
    assert speakers["Marta Okonkwo"]["titles"] == ["director of the Gulf Marine Institute"]
    assert speakers["Marta Okonkwo"]["organizations"] == ["Gulf Marine Institute"]
    assert speakers["Ivo Brandt"]["titles"] == ["chairman of the Northern Fishers' League"]
    assert speakers["Ivo Brandt"]["organizations"] == ["Northern Fishers' League"]
    assert {name: s["kind"] for name, s in speakers.items() if s["kind"] == "group"} == {
        "officials": "group",
        "delegates": "group",
    }
    quotes = [(q["speaker"], q["kind"], q["channel"]) for q in data["quotes"]]
    assert quotes == [
        ("officials", "indirect", None),
        ("Marta Okonkwo", "direct", "speech"),
        ("Ivo Brandt", "indirect", None),
        ("Ivo Brandt", "direct", "interview with Harbour Times"),
        ("delegates", "indirect", None),
        ("Ivo Brandt", "indirect", "statement"),
    ]
    two_paragraphs = data["quotes"][3]["text"]
    assert two_paragraphs.startswith("Our members have waited") and two_paragraphs.endswith("not in conference rooms")
    assert "\n\n" in two_paragraphs
    for quote in data["quotes"]:
        assert data["body"][quote["start"] : quote["end"]] == quote["text"]
    assert {o["name"] for o in data["organizations"]} == {
        "Gulf Marine Institute",
        "Northern Fishers' League",
        "Harbour Times",
    }


def test_to_dict_has_exactly_the_schema_keys():
    data = parse_press_text(SPEC_EXAMPLE).to_dict()
    assert set(data) == {
        "headline",
        "outlet",
        "published",
        "updated",
        "bylines",
        "subheadings",
        "rights",
        "body",
        "language",
        "url",
        "photos",
        "speakers",
        "quotes",
        "organizations",
        "countries",
        "tags",
        "warnings",
    }
    assert set(data["photos"][0]) == {"caption", "credit", "photographer", "agency", "pictured", "file"}
    assert set(data["speakers"][0]) == {"name", "kind", "titles", "organizations"}
    assert set(data["quotes"][0]) == {"speaker", "kind", "text", "start", "end", "cue", "channel"}
    assert data["updated"] == "2024-03-18" and data["published"] is None


@pytest.mark.parametrize(
    ("dateline", "published", "updated", "outlet"),
    [
        ("Updated: 2024-03-18 Harbour Times", None, dt.date(2024, 3, 18), "Harbour Times"),
        ("Published: March 18, 2024 Tidewater Review", dt.date(2024, 3, 18), None, "Tidewater Review"),
        ("Date: 18 March 2024 Savanna Wire", dt.date(2024, 3, 18), None, "Savanna Wire"),
        ("2024-03-18 14:05 Orient Daily", dt.date(2024, 3, 18), None, "Orient Daily"),
        ("March 18, 2024 | Highland Courier", dt.date(2024, 3, 18), None, "Highland Courier"),
        ("Reef Gazette — 18 March 2024", dt.date(2024, 3, 18), None, "Reef Gazette"),
    ],
)
def test_dateline_shapes(dateline, published, updated, outlet):
    article = parse_press_text(article_text("Headline here", dateline, "Body text of the piece."))
    assert (article.published, article.updated, article.outlet) == (published, updated, outlet)
    assert article.body == "Body text of the piece."


@pytest.mark.parametrize(
    ("line", "bylines"),
    [
        ("By Ana Ruiz", ["Ana Ruiz"]),
        ("By Ana Ruiz and Tom Bell in Lagos", ["Ana Ruiz", "Tom Bell"]),
        ("By Ana Ruiz, Tom Bell and Jean-Luc Moreau", ["Ana Ruiz", "Tom Bell", "Jean-Luc Moreau"]),
        ("Analysis by Nadia Benali", ["Nadia Benali"]),
    ],
)
def test_byline_on_its_own_line(line, bylines):
    article = parse_press_text(article_text("Headline", "2024-03-18 Harbour Times", line, "Body."))
    assert article.bylines == bylines
    assert article.body == "Body."


def test_byline_on_the_dateline():
    article = parse_press_text(article_text("Headline", "By Ana Ruiz | 18 March 2024 | Highland Courier", "Body."))
    assert (article.bylines, article.published, article.outlet) == (
        ["Ana Ruiz"],
        dt.date(2024, 3, 18),
        "Highland Courier",
    )
    article = parse_press_text(article_text("Headline", "Published: 2024-03-18 Harbour Times By Tom Bell", "Body."))
    assert (article.bylines, article.outlet) == (["Tom Bell"], "Harbour Times")


def test_headline_and_dateline_without_blank_line():
    article = parse_press_text("Headline\nUpdated: 2024-03-18 Harbour Times\n\nBody.\n")
    assert (article.headline, article.updated, article.body) == ("Headline", dt.date(2024, 3, 18), "Body.")


@pytest.mark.parametrize(
    ("caption", "text", "credit", "photographer", "agency"),
    [
        (
            "A ferry leaves Port Alder. LIAM FERREIRA/COASTWIRE",
            "A ferry leaves Port Alder.",
            "LIAM FERREIRA/COASTWIRE",
            "Liam Ferreira",
            "Coastwire",
        ),
        ("A ferry leaves Port Alder. COASTWIRE", "A ferry leaves Port Alder.", "COASTWIRE", None, "Coastwire"),
        (
            "A ferry leaves Port Alder. [Photo/COASTWIRE]",
            "A ferry leaves Port Alder.",
            "[Photo/COASTWIRE]",
            None,
            "Coastwire",
        ),
        (
            "A ferry leaves Port Alder. (Photo: Liam Ferreira / Coastwire)",
            "A ferry leaves Port Alder.",
            "(Photo: Liam Ferreira / Coastwire)",
            "Liam Ferreira",
            "Coastwire",
        ),
        (
            "A ferry leaves Port Alder. Photo by Liam Ferreira",
            "A ferry leaves Port Alder.",
            "Photo by Liam Ferreira",
            "Liam Ferreira",
            None,
        ),
        ("A ferry leaves Port Alder. AFP", "A ferry leaves Port Alder.", "AFP", None, "AFP"),
        ("A ferry leaves Port Alder. Photo: VCG", "A ferry leaves Port Alder.", "Photo: VCG", None, "VCG"),
        ("A ferry leaves Port Alder. [Photo/Xinhua]", "A ferry leaves Port Alder.", "[Photo/Xinhua]", None, "Xinhua"),
        (
            "A ferry leaves Port Alder. (Photo: Li Wen / Xinhua)",
            "A ferry leaves Port Alder.",
            "(Photo: Li Wen / Xinhua)",
            "Li Wen",
            "Xinhua",
        ),
    ],
)
def test_caption_credit_forms(caption, text, credit, photographer, agency):
    article = parse_press_text(article_text("Headline", "2024-03-18 Harbour Times", caption, "Body."))
    [photo] = article.photos
    assert (photo.caption, photo.credit, photo.photographer, photo.agency) == (text, credit, photographer, agency)
    assert article.body == "Body."


def test_caption_people_are_not_places_or_bodies():
    caption = (
        "Ana de la Cruz (right) and Jean-Luc Moreau meet officials of the Lake Region Council in Port Alder. COASTWIRE"
    )
    [photo] = parse_press_text(article_text("Headline", caption, "Body.")).photos
    assert photo.pictured == ["Ana de la Cruz", "Jean-Luc Moreau"]


def test_caption_people_are_not_quoted_speakers():
    caption = "Foreign Minister Ana de la Cruz arrives for the talks. LIAM FERREIRA/COASTWIRE"
    article = parse_press_text(article_text("Headline", caption, "Talks opened on Monday."))
    assert article.speakers == [] and article.quotes == []


def test_subheadings_stay_in_body_and_are_listed():
    article = parse_press_text(
        article_text(
            "Headline", "First paragraph.", "A new calendar", "Second paragraph.", "What comes next", "Last one."
        )
    )
    assert article.subheadings == ["A new calendar", "What comes next"]
    assert article.body == "First paragraph.\n\nA new calendar\n\nSecond paragraph.\n\nWhat comes next\n\nLast one."


def test_short_line_with_final_punctuation_is_not_a_subheading():
    article = parse_press_text(article_text("Headline", "First paragraph.", "He left.", "Second paragraph."))
    assert article.subheadings == []


@pytest.mark.parametrize(
    "footer",
    [
        "Copyright © Harbour Times. All rights reserved.",
        "All rights reserved.",
        "Presented by the Lake Region Press Fund.",
        "(c) 2024 Savanna Wire",
        "Northern Ledger (c) 2024",
    ],
)
def test_rights_footer_is_kept_out_of_the_body(footer):
    article = parse_press_text(article_text("Headline", "Body paragraph.", footer))
    assert (article.rights, article.body) == (footer, "Body paragraph.")


def test_two_footer_lines():
    article = parse_press_text(
        article_text("Headline", "Body.", "Copyright © Coastwire 2024.", "Presented by the Lake Region Press Fund.")
    )
    assert article.rights == "Copyright © Coastwire 2024.\nPresented by the Lake Region Press Fund."


def test_body_is_printed_text_and_windows_newlines_are_normalised():
    text = "Headline\r\n\r\n2024-03-18 Harbour Times\r\n\r\nFirst  line   as printed.\r\n\r\nSecond.\r\n"
    assert parse_press_text(text).body == "First  line   as printed.\n\nSecond."


def test_missing_date_is_a_warning():
    article = parse_press_text(article_text("Headline", "Body."))
    assert article.warnings == ["no date found"]


def test_keyword_rules_become_tags():
    rules = [("fisheries", ["fish", "fishing quota"]), ("climate", ["drought"]), ("trade", ["tariff"])]
    article = parse_press_text(
        article_text("Fishing quota talks", "2024-03-18 Coastwire", "Drought hit the coast."), keyword_rules=rules
    )
    assert article.tags == ["fisheries", "climate"]


def test_caption_that_reports_speech_makes_a_speaker_without_a_body_quote():
    caption = "Envoy Lena Vogt said the convoy would leave at dawn, in Port Alder on Monday. COASTWIRE"
    article = parse_press_text(article_text("Headline", caption, "The convoy left on Tuesday."))
    assert [(s.name, s.kind) for s in article.speakers] == [("Lena Vogt", "person")]
    assert article.quotes == []


def test_the_article_outlet_is_never_a_speaker():
    text = (
        "Grain talks stall\n"
        "March 3, 2024 | Lakeside Voice\n\n"
        "The grain talks stalled again on Monday, Lakeside Voice said.\n\n"
        '"We will try again," said Daulet Serikov.'
    )
    article = parse_press_text(text)
    assert article.outlet == "Lakeside Voice"
    assert [(q.speaker, q.text) for q in article.quotes] == [("Daulet Serikov", "We will try again")]


@pytest.mark.parametrize(
    ("dateline", "outlet", "published", "updated", "bylines"),
    [
        (
            "By Aigerim Sadykova in Almaty | Steppe Wire | Updated: 2023-05-04 07:12",
            "Steppe Wire",
            None,
            dt.date(2023, 5, 4),
            ["Aigerim Sadykova"],
        ),
        ("(Xinhua) 09:42, April 14, 2022", "Xinhua", dt.date(2022, 4, 14), None, []),
        ("Published: Mar 12, 2022 09:41 PM", None, dt.date(2022, 3, 12), None, []),
        ("March 3, 2024 6:15 PM UTC Reuters", "Reuters", dt.date(2024, 3, 3), None, []),
        (
            "By Ana Ruiz | 18 March 2024 | Highland Courier",
            "Highland Courier",
            dt.date(2024, 3, 18),
            None,
            ["Ana Ruiz"],
        ),
    ],
)
def test_dateline_forms_seen_in_real_outlets(dateline, outlet, published, updated, bylines):
    article = parse_press_text(article_text("Grain talks stall", dateline, "The talks stalled again on Monday."))
    assert (article.outlet, article.published, article.updated, article.bylines) == (
        outlet,
        published,
        updated,
        bylines,
    )
    assert article.body == "The talks stalled again on Monday."


def test_wire_lede_names_the_outlet_and_stays_in_the_body():
    article = parse_press_text(
        article_text("Grain talks stall", "2024-03-03", "ALMATY (AP) — The talks stalled again, officials said.")
    )
    assert article.outlet == "Associated Press"
    assert article.body.startswith("ALMATY (AP) — ")
    assert [(q.speaker, q.text) for q in article.quotes] == [("officials", "The talks stalled again")]
