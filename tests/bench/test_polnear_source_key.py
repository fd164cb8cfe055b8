"""bench/polnear_eval.py's source key: the word that names the person of an annotated source.
Invented sources only (no dataset text)."""

import pytest

from bench.polnear_eval import source_key


@pytest.mark.parametrize(
    "source, key",
    [
        ("Representative Ines Weingart of Bergen", "Weingart"),
        ("her deputy harbour master, Tomas Berg,", "Berg"),
        ("One harbour pilot, Ana Ruiz,", "Ruiz"),
        ("The head of the Port Authority, Capt. Paul J. Okafor Jr.,", "Okafor"),
        ("Former Minister of Fisheries Lena Ortiz", "Ortiz"),
        ("Lena Ortiz of Bergen, Norway", "Ortiz"),
        ("the harbour master", "master"),
        ("Mr. Lund of the Harbour Policy Center", "Lund"),
        ("Ana Ruiz of Coastal Rights Watch, who watched the vote", "Ruiz"),
        ("Speaker of the Harbour Council Ana Ruiz", "Ruiz"),
    ],
)
def test_source_key_names_the_person(source, key):
    assert source_key(source) == key
