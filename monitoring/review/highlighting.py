"""Split paragraphs into segments at quote and annotation offsets, so templates render highlights with
escaped text only (never by inserting markup into the untrusted body)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "quote" or "annotation"
    pk: int


@dataclass
class Segment:
    offset: int
    text: str
    spans: list[Span] = field(default_factory=list)

    @property
    def quote_ids(self) -> str:
        return " ".join(str(s.pk) for s in self.spans if s.kind == "quote")

    @property
    def annotation_ids(self) -> str:
        return " ".join(str(s.pk) for s in self.spans if s.kind == "annotation")


@dataclass
class Paragraph:
    offset: int
    segments: list[Segment]
    heading: bool = False  # a subheading of the article, shown as a heading


def paragraphs_segment(paragraphs: list[tuple[int, str]], spans: list[Span]) -> list[Paragraph]:
    """Cut each (offset, text) paragraph wherever a span starts or ends; each piece lists the spans covering it."""
    result = []
    for offset, text in paragraphs:
        stop = offset + len(text)
        inside = [s for s in spans if s.start < stop and s.end > offset]
        cuts = {offset, stop}
        for span in inside:
            cuts.update(c for c in (span.start, span.end) if offset < c < stop)
        points = sorted(cuts)
        segments = []
        for left, right in zip(points, points[1:]):
            covering = [s for s in inside if s.start <= left and s.end >= right]
            segments.append(Segment(offset=left, text=text[left - offset : right - offset], spans=covering))
        result.append(Paragraph(offset=offset, segments=segments or [Segment(offset=offset, text="")]))
    return result
