"""bench/polnear_eval.py: which gold attributions are speech. The cue's verb decides: a thought word after a speech
verb is its object or the words around it ("exclaimed upon seeing him"), not a thought cue. Invented cues only."""

import pytest

from bench.polnear_eval import interrupted_quotes_join, is_speech_cue


@pytest.mark.parametrize(
    "cue",
    [
        "shouted upon seeing them",
        "added during her appearance on the morning show",
        "reported after the mayor appears to have left:",
        "announced plans",
        "expressed doubts about",
        "demanded to know",
    ],
)
def test_a_thought_word_after_the_speech_verb_leaves_the_cue_speech(cue: str) -> None:
    assert is_speech_cue(cue)


@pytest.mark.parametrize("cue", ["decided to announce", "seems to suggest", "believes", "hopes"])
def test_a_thought_word_before_the_speech_verb_or_alone_is_thought(cue: str) -> None:
    assert not is_speech_cue(cue)


def test_say_and_tell_stay_speech_after_a_thought_word() -> None:
    assert is_speech_cue("wants to say")


def test_a_report_with_no_verb_of_its_own_goes_on_with_the_quotation_before_it() -> None:
    # PolNeAR annotates '"A," she said. It is "B."' as one content: the extractor's direct A and its mixed report
    # of the next sentence, given to her with no verb of its own, are joined into one direct span.
    text = '"We won," Ruiz said. It is "a new day."'
    first = (1, 7, True, "Ana Ruiz")
    second = (text.index("It is"), text.index('day."') + 4, False, "Ana Ruiz")
    assert interrupted_quotes_join([first, second], text, frozenset({second[0]})) == [(1, second[1], True, "Ana Ruiz")]
    # Without the mark (a report with a verb of its own), or for another speaker, they stay apart.
    assert interrupted_quotes_join([first, second], text) == [first, second]
    other = (second[0], second[1], False, "Tomas Berg")
    assert interrupted_quotes_join([first, other], text, frozenset({other[0]})) == [first, other]
