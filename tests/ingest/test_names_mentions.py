"""Name keys, fingerprints, keyword tags and the organisation/country gazetteers."""

import re

import pytest

from monitoring.ingest.parsers import content_fingerprint, normalise_name, parse_press_text, suggest_tags
from monitoring.ingest.parsers.gazetteer import COUNTRY_ALIASES, COUNTRY_CODES
from monitoring.ingest.parsers.mentions import countries_count, organizations_count


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Jean-Luc  Moreau", "jean luc moreau"),
        ("Lucía FERRÁN", "lucia ferran"),
        ("Ana de la Cruz", "ana de la cruz"),
        ("O’Neill, Seán", "o neill sean"),
        ("Kim Jong-suk", "kim jong suk"),
    ],
)
def test_normalise_name(name, key):
    assert normalise_name(name) == key


def test_fingerprint_ignores_case_spacing_and_headline():
    body = "Ministers met on Monday.\n\nThey agreed."
    syndicated = "ministers  met on monday. \n They   agreed."
    assert content_fingerprint("A headline", body) == content_fingerprint("Another headline", syndicated)
    assert content_fingerprint("A", body) != content_fingerprint("A", body + " Then they left.")
    assert re.fullmatch(r"[0-9a-f]{64}", content_fingerprint("A", body))


def test_suggest_tags_whole_words_and_phrases_case_insensitive():
    rules = [("energy", ["grid", "power line"]), ("fish", ["cod"]), ("none", [])]
    assert suggest_tags("The Power\nLine crosses the GRID.", rules) == ["energy"]
    assert suggest_tags("A gridlock and a codex.", rules) == []


def test_gazetteer_has_every_un_member_state():
    assert len(COUNTRY_CODES) == 193
    assert len(set(COUNTRY_CODES.values())) == 193


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Chinese officials", "China", "CN"),
        ("a Kenyan lawmaker", "Kenya", "KE"),
        ("the U.S. delegation", "United States", "US"),
        ("American diplomats", "United States", "US"),
        ("talks in Côte d'Ivoire", "Côte d'Ivoire", "CI"),
        ("voters in Guinea-Bissau", "Guinea-Bissau", "GW"),
    ],
)
def test_country_aliases_and_demonyms(text, name, code):
    [mention] = countries_count(text)
    assert (mention.name, mention.code, mention.count) == (name, code, 1)
    assert COUNTRY_ALIASES[name][1] == code


def test_country_counts_fold_aliases():
    counts = {
        m.name: m.count
        for m in countries_count("The United States and the U.S. Senate; American voters. Chinese and China.")
    }
    assert counts == {"United States": 3, "China": 2}


def test_organizations_with_alias_folding_and_counts():
    text = (
        "The UN and the United Nations Security Council met. The U.N. envoy spoke. "
        "NATO, the WHO and the World Bank sent observers. The Ministry of Foreign Affairs "
        "and Kenya's Foreign Ministry agreed with the Northern Fishers' League."
    )
    counts = {m.name: m.count for m in organizations_count(text)}
    assert counts == {
        "United Nations": 2,
        "United Nations Security Council": 1,
        "North Atlantic Treaty Organization": 1,
        "World Health Organization": 1,
        "World Bank": 1,
        "Ministry of Foreign Affairs": 1,
        "Foreign Ministry": 1,
        "Northern Fishers' League": 1,
    }


def test_who_lowercase_is_not_an_organization():
    assert organizations_count("Those who came early left.") == []


def test_article_organizations_include_speaker_title_organizations():
    text = "Headline\n\n2024-03-18 Coastwire\n\nIvo Brandt, chairman of the Coastal Fishers Front, said the talks failed.\n"
    organizations = {m.name for m in parse_press_text(text).organizations}
    assert organizations == {"Coastal Fishers Front"}


def test_every_shipped_country_code_is_an_iso_3166_code_with_an_alpha3():
    from monitoring.ingest.parsers.gazetteer import COUNTRY_ALPHA3

    assert set(COUNTRY_ALPHA3) == set(COUNTRY_CODES)
    assert (COUNTRY_ALPHA3["Kazakhstan"], COUNTRY_ALPHA3["Germany"]) == ("KAZ", "DEU")


@pytest.mark.parametrize(
    ("printed", "name", "code"),
    [
        ("the Russian Federation", "Russia", "RU"),
        ("Viet Nam", "Vietnam", "VN"),
        ("the Republic of Korea", "South Korea", "KR"),
        ("the United States of America", "United States", "US"),
        ("the Islamic Republic of Iran", "Iran", "IR"),
    ],
)
def test_iso_official_names_count_as_the_shipped_country(printed, name, code):
    [mention] = countries_count(f"Envoys from {printed} arrived on Monday.")
    assert (mention.name, mention.code, mention.count) == (name, code, 1)


def test_territories_outside_the_table_are_not_countries():
    assert countries_count("The governor of New Jersey met farmers from Jersey.") == []
