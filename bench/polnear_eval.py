"""Measure the quote extractor against PolNeAR attributions (brat standoff).

    .venv/bin/python bench/polnear_eval.py [--data PATH] [--split dev]

Gold is filtered to speech cues (thought and belief verbs are left out). A predicted quote
matches a gold one when their spans overlap by at least half of the gold span; exact-match
figures are printed as well. PolNeAR annotates an interrupted quote ('"A," she said. "B."') as
one content span, as the extractor now reports it too; parts it still reports separately are
joined before scoring (``--no-merge`` scores them apart). Outlets and agencies are never speakers
for the extractor ("CNN reported that ..." yields nothing), while PolNeAR counts them as sources:
such attributions stay in the gold and count as misses. The texts are one paragraph a line. When an article has
several annotators, the first annotation file in sorted order is used. The dataset text is read,
never copied.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from monitoring.ingest.parsers import parse_press_text  # noqa: E402
from monitoring.ingest.parsers.names import normalise_name  # noqa: E402
from monitoring.ingest.parsers.speech import speech_extract  # noqa: E402

# Speech cues: verbs that introduce what somebody said or wrote. A gold attribution counts when a
# word of its cue starts with one of these stems (or it holds one of the phrases). Evaluations
# ("slammed", "praised"), thoughts ("believes") and vague cues ("raised questions") are left out.
SPEECH_STEMS = (
    "say",
    "said",
    "tell",
    "told",
    "add",
    "note",
    "stress",
    "write",
    "wrote",
    "written",
    "urge",
    "warn",
    "ask",
    "accord",
    "announc",
    "state",
    "claim",
    "argu",
    "explain",
    "insist",
    "declar",
    "report",
    "repl",
    "respond",
    "remark",
    "comment",
    "suggest",
    "emphas",
    "acknowledg",
    "admit",
    "confirm",
    "recall",
    "predict",
    "promis",
    "pledg",
    "vow",
    "testif",
    "tweet",
    "quot",
    "assert",
    "contend",
    "maintain",
    "alleg",
    "conced",
    "deni",
    "deny",
    "caution",
    "complain",
    "reiterat",
    "disclos",
    "mention",
    "conclud",
    "recommend",
    "demand",
    "counter",
    "inform",
    "assur",
    "boast",
    "predict",
    "retort",
    "repeat",
    "recount",
    "joke",
    "joked",
    "echo",
    "continu",
    "express",
    # Manner-of-speaking verbs the extractor reads as cues too.
    "exclaim",
    "shout",
    "yell",
    "fume",
    "interject",
    "gush",
    "scoff",
    "whisper",
    "mutter",
    "plead",
    "muse",
    "marvel",
)
SPEECH_PHRASES = (
    "point out",
    "pointed out",
    "points out",
    "call for",
    "called for",
    "calls for",
    "called on",
    "calls on",
    "went on to say",
    "made clear",
)
THOUGHT_STEMS = (
    "believ",
    "think",
    "thought",
    "want",
    "hope",
    "feel",
    "felt",
    "know",
    "knew",
    "expect",
    "fear",
    "worr",
    "consider",
    "see",
    "saw",
    "view",
    "plan",
    "intend",
    "wish",
    "doubt",
    "learn",
    "understand",
    "agree",
    "decid",
    "seem",
    "appear",
)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "hers", "their", "you"}
# Exact matches ignore quotation marks and edge punctuation: gold direct spans include the marks.
EDGE_MARKS = " \t\n\"“”'‘’,.;:"
TARGETS = {"direct_precision": 0.95, "direct_recall": 0.90, "all_f1": 0.85, "speaker_accuracy": 0.90}


@dataclass
class Gold:
    start: int
    end: int
    direct: bool
    source: str
    source_start: int
    cue: str = ""


def is_speech_cue(cue: str) -> bool:
    # Adverbs ("repeatedly linked") say nothing about the verb; "continued" counts alone only
    # ("he continued."), not in "continued to plot".
    words = [w for w in re.findall(r"[a-z]+", cue.casefold()) if not w.endswith("ly")]
    if any(w.startswith("continu") for w in words) and len(words) > 1:
        return False
    if any(word.startswith(THOUGHT_STEMS) for word in words) and not any(
        w.startswith(("say", "said", "told", "tell")) for w in words
    ):
        return False
    return any(word.startswith(SPEECH_STEMS) for word in words) or any(p in " ".join(words) for p in SPEECH_PHRASES)


def gold_read(text: str, ann_path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2 or " " not in parts[1]:
                continue  # a malformed line; brat itself would skip it
            tid, info = parts[0], parts[1]
            label, offsets = info.split(" ", 1)
            pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            spans[tid] = (label, pieces)
        elif line.startswith("E"):
            _, args = line.split("\t", 1)
            events.append(dict(arg.split(":", 1) for arg in args.split()))
    golds = []
    for event in events:
        roles = {re.sub(r"\d+$", "", key): value for key, value in event.items()}
        if "Content" not in roles or "Cue" not in roles:
            continue
        cue_pieces = spans[roles["Cue"]][1]
        cue = " ".join(text[s:e] for s, e in cue_pieces)
        if not is_speech_cue(cue):
            continue
        content = spans[roles["Content"]][1]
        start, end = min(s for s, _ in content), max(e for _, e in content)
        source, source_start = "", -1
        if "Source" in roles:
            pieces = spans[roles["Source"]][1]
            source = " ".join(text[s:e] for s, e in pieces)
            source_start = pieces[0][0]
        stripped = text[start:end].lstrip()
        golds.append(Gold(start, end, stripped[:1] in "\"“‘'", source, source_start, cue))
    return golds


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def is_proper_name(source: str) -> bool:
    words = source.split()
    if not words or source.casefold() in PRONOUNS:
        return False
    return (
        words[0][:1].isupper()
        and words[0].casefold() not in {"the", "a", "an", "this", "that", "some", "one", "his", "her"}
        and all(w[:1].isupper() or w.casefold() in {"de", "la", "van", "von", "al", "bin", "del", "da"} for w in words)
    )


def same_person(gold_name: str, predicted: str) -> bool:
    gold_tokens = normalise_name(re.sub(r"['’]s$", "", gold_name)).split()
    predicted_tokens = set(normalise_name(predicted).split())
    return bool(gold_tokens) and gold_tokens[-1] in predicted_tokens


def interrupted_quotes_join(
    predictions: list[tuple[int, int, bool, str]], text: str
) -> list[tuple[int, int, bool, str]]:
    """Join the parts of one interrupted quote ("A," she said. "B.") into a single span.

    PolNeAR annotates such a quote as one Content from the first to the last part, while the
    extractor reports each part (an editor wants them apart); this adapts to the annotation.
    """
    joined: list[tuple[int, int, bool, str]] = []
    for prediction in sorted(predictions):
        if joined:
            last = joined[-1]
            if last[2] and prediction[2] and last[3] == prediction[3] and "\n" not in text[last[1] : prediction[0]]:
                joined[-1] = (last[0], prediction[1], True, last[3])
                continue
        joined.append(prediction)
    return joined


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO_ROOT / ".." / "shared" / "datasets" / "polnear")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--no-merge", action="store_true", help="score interrupted quotes as separate parts")
    parser.add_argument("--verbose", action="store_true", help="print misses and false positives")
    args = parser.parse_args()
    text_dir, ann_dir = args.data / args.split / "text", args.data / args.split / "attributions"
    if not text_dir.is_dir():
        sys.exit(f"no PolNeAR split at {text_dir}")

    counts = {
        key: 0
        for key in (
            "gold_direct",
            "gold_indirect",
            "pred_direct",
            "pred_indirect",
            "tp_direct",
            "tp_indirect",
            "hit_direct",
            "hit_indirect",
            "exact_direct",
            "exact_indirect",
            "named",
            "named_ok",
            "backref",
            "backref_ok",
        )
    }
    articles = 0
    texts: list[str] = []
    words = 0
    for text_path in sorted(text_dir.glob("*.txt")):
        annotations = sorted(ann_dir.glob(text_path.stem + "_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        golds = gold_read(text, annotations[0])  # several annotators: use the first in sorted order
        # The first line is the headline; the extractor runs on the body, offsets shifted back.
        body_start = text.find("\n") + 1
        body = text[body_start:]
        _, quotes = speech_extract(body, paragraph_break="\n")  # PolNeAR: one paragraph a line
        texts.append(text)
        words += len(body.split())
        articles += 1
        predictions = [
            (q.start + body_start, q.end + body_start, q.kind == "direct", q.speaker)
            for q in quotes
            if q.kind != "partial"
        ]
        cues = {q.start + body_start: q.cue for q in quotes}
        if not args.no_merge:
            predictions = interrupted_quotes_join(predictions, text)
        for kind, is_direct in (("direct", True), ("indirect", False)):
            gold_kind = [g for g in golds if g.direct == is_direct]
            pred_kind = [p for p in predictions if p[2] == is_direct]
            counts["gold_" + kind] += len(gold_kind)
            counts["pred_" + kind] += len(pred_kind)
            for p_start, p_end, _, speaker in pred_kind:
                if any(overlap(p_start, p_end, g.start, g.end) * 2 >= g.end - g.start for g in gold_kind):
                    counts["tp_" + kind] += 1
                elif args.verbose:
                    print(
                        f"FP {kind} {text_path.name}: [{speaker}] ({cues.get(p_start)}) {text[p_start:p_end][:100]!r}"
                    )
            for gold in gold_kind:
                matched = [
                    p for p in pred_kind if overlap(p[0], p[1], gold.start, gold.end) * 2 >= gold.end - gold.start
                ]
                if not matched:
                    if args.verbose:
                        print(
                            f"FN {kind} {text_path.name}: [{gold.source}] ({gold.cue}) {text[gold.start : gold.end][:100]!r}"
                        )
                    continue
                counts["hit_" + kind] += 1
                gold_text = text[gold.start : gold.end].strip(EDGE_MARKS)
                if any(text[p[0] : p[1]].strip(EDGE_MARKS) == gold_text for p in matched):
                    counts["exact_" + kind] += 1
                speaker = matched[0][3]
                if is_proper_name(gold.source):
                    counts["named"] += 1
                    ok = same_person(gold.source, speaker)
                    counts["named_ok"] += ok
                    if args.verbose and not ok:
                        print(f"SPK {text_path.name}: gold {gold.source!r} got {speaker!r}")
                elif gold.source.casefold() in PRONOUNS:
                    # The referent: the nearest earlier gold source that is a proper name.
                    earlier = [g for g in golds if is_proper_name(g.source) and 0 <= g.source_start < gold.source_start]
                    if earlier:
                        counts["backref"] += 1
                        referent = max(earlier, key=lambda g: g.source_start).source
                        counts["backref_ok"] += same_person(referent, speaker)

    # Speed: CPU time (less disturbed by other processes than wall time), best of three passes.
    elapsed = parse_elapsed = float("inf")
    for _ in range(3):
        began = time.process_time()
        for text in texts:
            speech_extract(text[text.find("\n") + 1 :], paragraph_break="\n")
        elapsed = min(elapsed, time.process_time() - began)
        began = time.process_time()
        for text in texts:
            parse_press_text(text)  # the whole parser: layout, speech, organisations, countries
        parse_elapsed = min(parse_elapsed, time.process_time() - began)

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    figures = {
        "direct_precision": ratio(counts["tp_direct"], counts["pred_direct"]),
        "direct_recall": ratio(counts["hit_direct"], counts["gold_direct"]),
        "indirect_precision": ratio(counts["tp_indirect"], counts["pred_indirect"]),
        "indirect_recall": ratio(counts["hit_indirect"], counts["gold_indirect"]),
    }
    all_p = ratio(counts["tp_direct"] + counts["tp_indirect"], counts["pred_direct"] + counts["pred_indirect"])
    all_r = ratio(counts["hit_direct"] + counts["hit_indirect"], counts["gold_direct"] + counts["gold_indirect"])
    figures["all_f1"] = ratio(2 * all_p * all_r, all_p + all_r) if all_p + all_r else 0.0
    figures["speaker_accuracy"] = ratio(counts["named_ok"], counts["named"])
    figures["backref_accuracy"] = ratio(counts["backref_ok"], counts["backref"])

    print(
        f"PolNeAR {args.split}: {articles} articles, gold speech attributions "
        f"{counts['gold_direct']} direct + {counts['gold_indirect']} indirect"
    )
    print(f"{'measure':<34}{'got':>8}{'target':>9}")
    rows = [
        ("direct quotes precision", "direct_precision"),
        ("direct quotes recall", "direct_recall"),
        ("indirect quotes precision", "indirect_precision"),
        ("indirect quotes recall", "indirect_recall"),
        ("all quotes F1", "all_f1"),
        ("speaker accuracy (proper names)", "speaker_accuracy"),
        ("speaker accuracy (back-references)", "backref_accuracy"),
    ]
    for label, key in rows:
        target = TARGETS.get(key)
        mark = "" if target is None else ("  ok" if figures[key] >= target else "  BELOW")
        print(f"{label:<34}{figures[key]:>8.3f}{(f'{target:.2f}' if target else '-'):>9}{mark}")
    print(
        f"exact span matches (ignoring quotation marks and edge punctuation): direct {counts['exact_direct']}/{counts['gold_direct']}, "
        f"indirect {counts['exact_indirect']}/{counts['gold_indirect']}"
    )
    print(
        f"speaker checks: {counts['named']} proper-name sources, {counts['backref']} back-references "
        "(referent = nearest earlier named gold source)"
    )
    print(
        f"speed: {1000 * elapsed / max(articles, 1):.2f} ms per article for speech extraction, "
        f"{1000 * parse_elapsed / max(articles, 1):.2f} ms for the whole parse_press_text "
        f"({words / max(articles, 1):.0f} words on average)"
    )


if __name__ == "__main__":
    main()
