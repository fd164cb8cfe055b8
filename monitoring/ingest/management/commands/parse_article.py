import json

from django.core.management import BaseCommand, CommandError

from monitoring.ingest.selectors import keyword_rules, outlet_names
from monitoring.ingest.sources import FORMATS, units_read


class Command(BaseCommand):
    help = (
        "Print the extraction of one article file as JSON, without writing to the database; "
        "with --explain, each quote and speaker with the speech rule that produced it."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="FILE")
        parser.add_argument("--format", choices=FORMATS, help="Override format detection.")
        parser.add_argument(
            "--explain", action="store_true", help="List quotes and speakers with the rule that produced each."
        )

    def handle(self, *args, path, format, explain, **options):
        articles, errors = [], []
        for unit in units_read([path], fmt=format, keyword_rules=keyword_rules(), outlets=outlet_names()):
            if hasattr(unit, "parsed"):
                articles.append(unit.parsed)
            else:
                errors.append(str(unit))
        if errors:
            raise CommandError("\n".join(errors))
        if explain:
            self.stdout.write("\n\n".join(explanation(article) for article in articles))
            return
        results = [article.to_dict() for article in articles]
        output = results[0] if len(results) == 1 else results
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))


def explanation(article) -> str:
    """The quotes and speakers of one parsed article, each with the rule that produced it, as text."""
    lines = [f"# {article.headline}", "", f"quotes ({len(article.quotes)}):"]
    for quote in article.quotes:
        text = quote.text if len(quote.text) <= 90 else quote.text[:87] + "..."
        lines.append(f"  [{quote.start}-{quote.end}] {quote.kind} | {quote.speaker} | rule: {quote.rule or '-'}")
        lines.append(f"      cue: {quote.cue or '-'} | channel: {quote.channel or '-'} | {text!r}")
        if quote.cue_span or quote.source_span:
            read = [
                f"{name} [{span[0]}-{span[1]}] {article.body[span[0] : span[1]]!r}"
                for name, span in (("cue", quote.cue_span), ("source", quote.source_span))
                if span
            ]
            lines.append(f"      read at: {' | '.join(read)}")
    lines += ["", f"speakers ({len(article.speakers)}):"]
    for speaker in article.speakers:
        titles = "; ".join(speaker.titles) or "-"
        lines.append(f"  {speaker.name} ({speaker.kind}) | titles: {titles} | rule: {speaker.rule or '-'}")
    return "\n".join(lines)
