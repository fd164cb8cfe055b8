"""bench/polnear_eval.py: which PolNeAR attributions are speech, and what the speech precision counts. Invented
sentences only."""

from types import SimpleNamespace

from bench.polnear_eval import Article, Errors, Gold, is_speech_cue, is_unclassed_cue, speech_score


def test_speech_cues_count_in_every_form_and_thoughts_never():
    for cue in ("said", "noting", "stating", "urging", "writing", "quipped", "fired back", "answered"):
        assert is_speech_cue(cue), cue
    for cue in ("believes", "wants", "called", ":", "noticing"):
        assert not is_speech_cue(cue), cue


def test_a_cue_neither_speech_nor_thought_is_unclassed():
    assert is_unclassed_cue(":") and is_unclassed_cue("called")
    assert not is_unclassed_cue("said") and not is_unclassed_cue("believes")


def test_a_quote_found_on_an_unclassed_attribution_is_neither_right_nor_wrong():
    text = 'Berg said "the pier is safe." Ortiz on the fees: "too high." Lund: "later." Mo thinks "it rains."'

    def span(words):
        start = text.index(words)
        return start, start + len(words)

    def gold(words, source):
        start, end = span(words)
        return Gold(start, end, True, source, text.index(source))

    def found(words, speaker):
        start, end = span(words)
        return SimpleNamespace(start=start, end=end, kind="direct", speaker=speaker, cue="said")

    article = Article(
        "invented.txt",
        text,
        0,
        golds=[gold('"the pier is safe."', "Berg")],
        unscored=[gold('"too high."', "Ortiz")],
        pieces=[],
        speech_pieces=[],
        quotes=[
            found('"the pier is safe."', "Berg"),
            found('"too high."', "Ortiz"),
            found('"later."', "Lund"),
            found('"it rains."', "Mo"),
        ],
    )
    counts, _, _ = speech_score([article], merge=False, errors=Errors())
    assert (counts["pred_direct"], counts["tp_direct"], counts["unscored_direct"]) == (4, 1, 1)
    assert counts["gold_direct"] == 1 and counts["hit_direct"] == 1
