"""The published evaluation protocol of CofeNet (Wang et al., COLING 2022) for PolNeAR.

CofeNet and the systems it compares (rule systems, BiLSTM-CRF, BERT and BERT-CRF) are scored on
PolNeAR as sequence labelling: every token of a paragraph gets one of the labels O, B/I-source,
B/I-cue, B/I-content, built from **all** attributions (thoughts and beliefs as well as speech).
Each maximal B, I, I... run is one span of its element. Per element (source, cue, content), per
paragraph, the gold and predicted span lists are compared three ways (their public evaluation
code, exe/eval/evaluation.py, is the reference followed here):

- exact: a gold span is found when a predicted span has the same first and last token; a
  predicted span that is no gold span is a false positive. Precision, recall, F1.
- begin: the same with the first token only.
- Jaccard: each gold span scores the best token intersection-over-union with any predicted span;
  a predicted span that overlaps no gold span scores 0; the figure is the mean of those scores
  (a predicted span that overlaps some gold span costs nothing).

To rebuild the labelling from the brat files: every Source, Cue and Content piece tied to an
attribution (a discontinuous span gives one piece each) paints its characters; longer pieces are
painted first so that an attribution nested inside another's content keeps its own labels (that
is how a token ends up with one label). Pieces of one span that only spaces separate are joined
(see gold_pieces). Runs are cut at line ends (PolNeAR texts hold one
paragraph a line; CofeNet's instances are paragraphs), trimmed of spaces (and of the leading comma
that a cut leaves behind) and mapped to tokens.

Tokens here are words (letters, digits and inner ' - . joints) and single punctuation marks, close
to the CoreNLP tokens CofeNet used; a span covers every token it touches. CofeNet's split "valid"
is PolNeAR's dev split; its published figures are on the test split, which is not shipped here,
so our dev and train figures are comparable in kind, not to the decimal.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from monitoring.ingest.parsers.speech.registry import UNNAMED_ASKER

ELEMENTS = ("source", "cue", "content")
MODES = ("exact", "begin")

# Published PolNeAR figures (F1 x 100, exact match) as quoted in issue 11 for the CofeNet paper:
# rows are (system, content F1, source F1); None where the issue gives no figure.
PUBLISHED = (
    ("rule systems (paper's comparison)", "<20", "<20"),
    ("BiLSTM-CRF", "59.0", "69.6"),
    ("best BERT-based (paper)", "72.9", "83.2"),
)
PROTOCOL_TARGETS = {"content": 0.60, "source": 0.70}

TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")
QUOTE_MARKS = "\"“”‘’'«»"


@dataclass
class Piece:
    """One labelled character range: ``element`` is source, cue or content."""

    element: str
    start: int
    end: int


@dataclass
class Tally:
    """Counts for one element over a split: exact and begin P/R, and the Jaccard mean."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MODES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MODES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MODES, 0))
    jaccard_sum: float = 0.0
    jaccard_n: int = 0

    def scores(self, mode: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[mode], self.fp[mode], self.fn[mode]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def jaccard(self) -> float:
        return self.jaccard_sum / self.jaccard_n if self.jaccard_n else 0.0


def gold_pieces(ann_path: Path, text: str, join: bool = True, keep: Callable[[str], bool] | None = None) -> list[Piece]:
    """Every Source, Cue and Content piece that an attribution (an ``E`` line) refers to.

    PolNeAR cuts a content of several sentences into one piece a sentence, the spaces between
    left out. Over tokens nothing separates such pieces, so they are joined into one span
    (``join=False`` keeps them apart, as a converter that starts a B- at every piece would).
    ``keep`` takes an attribution's cue text and says whether the attribution counts (all do
    in the protocol; the speech-only side table keeps speech cues).
    """
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[list[str]] = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and " " in parts[1]:
            label, offsets = parts[1].split(" ", 1)
            try:
                pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            except ValueError:
                continue  # a malformed line; brat itself would skip it
            spans[parts[0]] = (label, pieces)
        elif line.startswith("E") and len(parts) >= 2:
            events.append([arg.split(":", 1)[1] for arg in parts[1].split() if ":" in arg])
    used: set[str] = set()
    for ids in events:
        cues = [spans[i][1] for i in ids if i in spans and spans[i][0] == "Cue"]
        cue_text = " ".join(text[start:end] for pieces in cues for start, end in pieces)
        if keep is None or keep(cue_text):
            used.update(ids)
    result = []
    for tid, (label, pieces) in spans.items():
        if tid not in used or label.casefold() not in ELEMENTS:
            continue
        joined: list[list[int]] = []
        for start, end in sorted(p for p in pieces if p[1] > p[0]):
            if join and joined and not text[joined[-1][1] : start].strip():
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        result += [Piece(label.casefold(), start, end) for start, end in joined]
    return result


def element_spans(text: str, pieces: Iterable[Piece]) -> dict[str, list[tuple[int, int]]]:
    """The labelled runs, per element, as character ranges (the BIO spans CofeNet scores)."""
    owner: list[int | None] = [None] * len(text)
    ordered = sorted(pieces, key=lambda p: p.end - p.start, reverse=True)
    for index, piece in enumerate(ordered):
        for position in range(max(piece.start, 0), min(piece.end, len(text))):
            owner[position] = index
    runs: dict[str, list[tuple[int, int]]] = {element: [] for element in ELEMENTS}
    position = 0
    while position < len(text):
        index = owner[position]
        if index is None or text[position] == "\n":
            position += 1
            continue
        end = position
        while end < len(text) and owner[end] == index and text[end] != "\n":
            end += 1
        run = text[position:end]
        # A run that a nested source or cue cut off starts with the comma left behind.
        start_trim = position + len(run) - len(run.lstrip(" ,;:"))
        end_trim = end - (len(run) - len(run.rstrip()))
        if end_trim > start_trim:
            runs[ordered[index].element].append((start_trim, end_trim))
        position = end
    return runs


class Tokens:
    """Token boundaries of one text, to turn character ranges into token ranges."""

    def __init__(self, text: str) -> None:
        matches = list(TOKEN.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens [first, last + 1) that the character range touches, or None."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return (first, last) if last > first else None


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / (max(a[1], b[1]) - min(a[0], b[0]))


def tally_add(tally: Tally, gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> None:
    """Score one document's spans of one element (token ranges) as CofeNet's evaluation does."""
    for mode, key in (("exact", lambda s: s), ("begin", lambda s: s[0])):
        gold_keys = [key(s) for s in gold]
        predicted_keys = [key(s) for s in predicted]
        found = sum(1 for g in gold_keys if g in predicted_keys)
        tally.tp[mode] += found
        tally.fn[mode] += len(gold_keys) - found
        tally.fp[mode] += sum(1 for p in predicted_keys if p not in gold_keys)
    for g in gold:
        tally.jaccard_sum += max((iou(g, p) for p in predicted), default=0.0)
        tally.jaccard_n += 1
    tally.jaccard_n += sum(1 for p in predicted if p not in gold and not any(iou(p, g) > 0 for g in gold))


def score_document(
    tallies: dict[str, Tally], text: str, gold: Iterable[Piece], predicted: Iterable[Piece]
) -> dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """Add one document to the tallies; returns its gold and predicted token spans per element."""
    tokens = Tokens(text)
    gold_runs, predicted_runs = element_spans(text, gold), element_spans(text, predicted)
    spans = {}
    for element in ELEMENTS:
        g = [s for s in (tokens.span(*r) for r in gold_runs[element]) if s]
        p = [s for s in (tokens.span(*r) for r in predicted_runs[element]) if s]
        tally_add(tallies[element], g, p)
        spans[element] = (g, p)
    return spans


def table_print(title: str, tallies: dict[str, Tally]) -> None:
    """Our P/R/F1 per element and mode, the published F1 figures beside them."""
    published = {"content": [row[1] for row in PUBLISHED], "source": [row[2] for row in PUBLISHED]}
    print(title)
    header = f"{'element':<9}{'exact P':>8}{'R':>7}{'F1':>7}{'begin P':>9}{'R':>7}{'F1':>7}{'Jacc.':>7}"
    header += "".join(f"{name.split()[0][:10]:>11}" for name, _, _ in PUBLISHED) + f"{'target':>8}"
    print(header)
    for element in ELEMENTS:
        tally = tallies[element]
        exact, begin = tally.scores("exact"), tally.scores("begin")
        row = f"{element:<9}" + "".join(f"{100 * v:>{w}.1f}" for v, w in zip(exact, (8, 7, 7), strict=True))
        row += "".join(f"{100 * v:>{w}.1f}" for v, w in zip(begin, (9, 7, 7), strict=True))
        row += f"{100 * tally.jaccard:>7.1f}"
        row += "".join(f"{value:>11}" for value in published.get(element, ["-"] * len(PUBLISHED)))
        target = PROTOCOL_TARGETS.get(element)
        if target is None:
            row += f"{'-':>8}"
        else:
            row += f"{100 * target:>6.0f}{'ok' if exact[2] >= target else ' BELOW':>6}"
        print(row)
    print(
        "published columns: exact-match F1 on PolNeAR's test split as quoted in issue 11 "
        "(rule systems, BiLSTM-CRF, best BERT-based); ours on the split named above"
    )


# --- Our extractor's elements -------------------------------------------------------------------
# The extractor gives a quote's content span and, for a quote read from its own attribution, where it
# read the cue and the source (the speaker's mention as written). For the others (a quote given to an
# earlier speaker, a rule that does not say) the bench derives them, within the quote's paragraph
# and outside its content, at most WINDOW characters from it:
# - cue: the occurrence of the cue string (as a whole word or phrase, any case) nearest the content;
# - source: the nearest occurrence, to the cue (else to the content), of the speaker's full name,
#   one of its words (a surname, a first name) or a subject pronoun (he, she, they, we, I), a
#   name widened over the capitalised words that touch it ("President Barack Obama"); none for a
#   quote with no cue (a quotation going on from an earlier attribution, which names no source
#   again) or a question put by an unnamed asker (such a guess cuts another quote's source or
#   content in two where it overlaps it);
# - content: PolNeAR's content of a direct quote holds its quotation marks and the punctuation
#   inside them, and an indirect quote's content starts at a leading "that" (or "that,"): the
#   predicted span is widened the same way.
WINDOW = 150
SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")
NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
NOT_NAME_WORDS = frozenset(
    "The A An And But Or So In On At As If When While After Before Then Now Yet Also That This "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December".split()
)


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two ranges (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def nearest(
    pattern: re.Pattern[str],
    text: str,
    area: tuple[int, int],
    avoid: Sequence[tuple[int, int]],
    anchor: tuple[int, int],
) -> tuple[int, int] | None:
    """The match of ``pattern`` in ``area``, outside the ranges ``avoid``, nearest ``anchor`` (within WINDOW)."""
    best: tuple[int, int, int] | None = None  # (distance, -length, start) orders the candidates
    for match in pattern.finditer(text, *area):
        span = match.span()
        if any(span[0] < end and start < span[1] for start, end in avoid):
            continue
        distance = gap(span, anchor)
        if distance <= WINDOW and (best is None or (distance, span[0] - span[1]) < best[:2]):
            best = (distance, span[0] - span[1], span[0])
    return None if best is None else (best[2], best[2] - best[1])


def name_widened(text: str, span: tuple[int, int], area: tuple[int, int]) -> tuple[int, int]:
    """Widen a name occurrence over the capitalised words right beside it."""
    start, end = span
    while True:
        before = re.search(r"([A-Z][\w'’.-]*) $", text[area[0] : start])
        if not before or before.group(1) in NOT_NAME_WORDS:
            break
        start -= len(before.group(0))
    while True:
        after = re.match(r" ([A-Z][\w'’-]*\.?)", text[end : area[1]])
        if not after or after.group(1) in NOT_NAME_WORDS:
            break
        end += len(after.group(0))
    return start, end


def content_widened(text: str, start: int, end: int, direct: bool, area: tuple[int, int]) -> tuple[int, int]:
    if direct:
        opening = re.search(r"(?:''|[\"“‘'«])$", text[area[0] : start])  # '' opens a quote in some outlets
        if opening:
            start -= len(opening.group(0))
        closing = re.match(r"[,.?!;:\u2014-]{0,2}[\"”’']{1,2}", text[end : area[1]])
        if closing:
            end += closing.end()
    else:
        that = re.search(r"\bthat,?\s+$", text[area[0] : start])  # ('said that, in May, ...')
        if that:
            start = area[0] + that.start()
        # A report ending in quoted words ('will "compete vigorously."'): the closing mark is its content's too.
        closing = re.match(r"[,.?!;:]{0,2}(?:''|[\"”])", text[end : area[1]])
        if closing and len(DOUBLE_MARK.findall(text, start, end)) % 2:
            end += closing.end()
    return start, end


DOUBLE_MARK = re.compile(r"""''|["“”]""")


def content_parts(text: str, content: tuple[int, int], direct: bool, cue: str | None) -> list[tuple[int, int]]:
    """A predicted content as the pieces a reader sees as quoted. The extractor keeps an interrupted quotation
    ('"A," he said. "B."') as one quote from A to B; its double marks alternate opening and closing, and the words
    between a closing and the next opening mark are the attribution (source and cue in PolNeAR), not content, when
    they hold the quote's cue (not so a quotation inside the quotation: '"He called it "a trap" and left"')."""
    if not direct and cue:
        # 'This campaign, he says, is different.': the report's own attribution set off by commas inside it.
        inside = re.compile(rf",\s+[^,]{{0,60}}?(?<!\w){re.escape(cue)}(?!\w)[^,]{{0,60}}?,\s+", re.IGNORECASE)
        found = inside.search(text, *content)
        if found:
            return [(content[0], found.start()), (found.end(), content[1])]
        # 'Fees are "a scandal," Ruiz said. "We will fight them."': a report that a quotation goes on after its
        # attribution, which stands between the closing and the opening mark.
        between = re.compile(
            rf"(?<=[\"”’'])\s+[^,\"“”]{{0,60}}?(?<!\w){re.escape(cue)}(?!\w)[^,\"“”]{{0,40}}?[.,:]\s+(?=[\"“‘'])",
            re.IGNORECASE,
        )
        found = between.search(text, *content)
        return [(content[0], found.start()), (found.end(), content[1])] if found else [content]
    marks = [m.span() for m in DOUBLE_MARK.finditer(text, *content)] if direct and cue else []
    if len(marks) < 4 or len(marks) % 2 or marks[0][0] != content[0]:
        return [content]
    said = re.compile(rf"(?<!\w){re.escape(cue.split()[0])}", re.IGNORECASE)
    # A quotation running over paragraphs closes and opens again at each break: nothing but spaces in between.
    if not all(
        not text[closing[1] : opening[0]].strip() or said.search(text, closing[1], opening[0])
        for closing, opening in zip(marks[1::2], marks[2::2])
    ):
        return [content]
    parts, start = [], content[0]
    for closing, opening in zip(marks[1::2], marks[2::2], strict=False):
        parts.append((start, closing[1]))
        start = opening[0]
    return [*parts, (start, content[1])]


def quote_pieces(
    text: str,
    area: tuple[int, int],
    start: int,
    end: int,
    direct: bool,
    speaker: str,
    cue: str | None,
    cue_span: tuple[int, int] | None = None,
    source_span: tuple[int, int] | None = None,
) -> list[Piece]:
    """The content, cue and source pieces of one predicted quote (offsets into ``text``); the cue and the source
    where the extractor read them (``cue_span``, ``source_span``), else where the bench finds them."""
    content = content_widened(text, start, end, direct, area)
    parts = content_parts(text, content, direct, cue)
    pieces = [Piece("content", *part) for part in parts]
    if cue_span is None and cue:
        words = r"\s+".join(re.escape(word) for word in cue.split())
        cue_span = nearest(re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE), text, area, parts, content)
    if cue_span:
        pieces.append(Piece("cue", *cue_span))
    if source_span is not None:
        return [*pieces, Piece("source", *source_span)]
    if cue is None or speaker == UNNAMED_ASKER:
        return pieces  # no attribution of its own (a quotation going on), or an unnamed asker: no source written
    forms = [speaker] + [word for word in speaker.split() if len(word) > 1] if speaker else []
    alternatives = [re.escape(form) for form in sorted(set(forms), key=len, reverse=True)]
    anchor = cue_span or content
    candidates = []
    if alternatives:
        name = nearest(re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)"), text, area, parts, anchor)
        if name:
            candidates.append(name_widened(text, name, area))
    pronoun = nearest(SUBJECT_PRONOUN, text, area, parts, anchor)
    if pronoun:
        candidates.append(pronoun)
    if candidates:
        pieces.append(Piece("source", *min(candidates, key=lambda span: gap(span, anchor))))
    return pieces


def quote_area(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraphs a quote runs over, from the one it starts in to the one it ends in."""
    return paragraph_of(text, start)[0], paragraph_of(text, max(start, end - 1))[1]


def paragraph_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end
