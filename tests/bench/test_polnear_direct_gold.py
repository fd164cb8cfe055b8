"""bench/polnear_eval.py: which gold attributions are speech. The cue's verb decides: a thought word after a speech
verb is its object or the words around it ("exclaimed upon seeing him"), not a thought cue. Invented cues only."""

import pytest

from bench.polnear_eval import is_speech_cue


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
