import json

from django.core.management import BaseCommand, CommandError

from monitoring.ingest.selectors import keyword_rules, outlet_names
from monitoring.ingest.sources import FORMATS, units_read


class Command(BaseCommand):
    help = "Print the extraction of one article file as JSON, without writing to the database."

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="FILE")
        parser.add_argument("--format", choices=FORMATS, help="Override format detection.")

    def handle(self, *args, path, format, **options):
        results, errors = [], []
        for unit in units_read([path], fmt=format, keyword_rules=keyword_rules(), outlets=outlet_names()):
            if hasattr(unit, "parsed"):
                results.append(unit.parsed.to_dict())
            else:
                errors.append(str(unit))
        if errors:
            raise CommandError("\n".join(errors))
        output = results[0] if len(results) == 1 else results
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
