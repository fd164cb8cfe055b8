"""Time the overview and the entity pages on an existing database (e.g. one filled by populate_synthetic), to
compare the rollup tables against the raw rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rollups_bench .venv/bin/python bench/rollups_bench.py \
        --save bench/output/rollups_after.json --baseline bench/output/rollups_before.json

--project runs another checkout's code on the same database (the "before" side: `--project /work/main`).
Timed with the Django test client, logged in as an analyst (created if missing): the median of --repeat renders
after a warm-up, and the number of SQL queries of one render. Subjects: the most quoted person, the organization
with most roles printed, the most used tag, the outlet with most articles. Figures are not cached (no REDIS_URL).
"""

import argparse
import json
import os
import sys
from pathlib import Path

# The timer comes from this checkout, before --project puts another one first on the path.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import page_time  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--project", default=str(ROOT))
    parser.add_argument("--save", help="write the figures to this JSON file")
    parser.add_argument("--baseline", help="a JSON file from an earlier run, printed side by side with a ratio")
    return parser.parse_args()


def subjects() -> dict:
    from django.db.models import Count

    from monitoring.articles.models import Article
    from monitoring.codebook.models import TaggedArticle
    from monitoring.people.models import Quote, Role

    def top(queryset, key):
        return queryset.order_by().values(key).annotate(n=Count("pk")).order_by("-n", key)[0][key]

    return {
        "person": top(Quote.objects.exclude(speaker=None), "speaker"),
        "organization": top(Role.objects.exclude(organization=None), "organization"),
        "tag": TaggedArticle.objects.filter(tag=top(TaggedArticle.objects.all(), "tag")).values("tag__slug")[0][
            "tag__slug"
        ],
        "outlet": top(Article.objects.all(), "outlet"),
    }


def main():
    args = parse_args()
    sys.path.insert(0, args.project)
    os.chdir(args.project)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.urls import reverse

    from monitoring.core.roles import ANALYST

    user, _ = get_user_model().objects.get_or_create(username="bench-rollups", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=ANALYST))
    client = Client()
    client.force_login(user)
    chosen = subjects()
    pages = {
        "overview (default window)": reverse("dashboards:overview"),
        "overview (all time)": reverse("dashboards:overview") + "?start=1900-01-01",
        "overview (all time, with unreviewed)": reverse("dashboards:overview") + "?start=1900-01-01&unreviewed=on",
        "person": reverse("dashboards:person", args=[chosen["person"]]),
        "organization": reverse("dashboards:organization", args=[chosen["organization"]]),
        "tag": reverse("dashboards:tag", args=[chosen["tag"]]),
        "outlet": reverse("dashboards:outlet", args=[chosen["outlet"]]),
    }
    results = {}
    for name, url in pages.items():
        timing = page_time(client, url, repeat=args.repeat)
        results[name] = {"ms": round(timing.median_ms, 1), "queries": timing.query_count}
    baseline = json.loads(Path(args.baseline).read_text()) if args.baseline else {}
    print(f"{'page':40} {'median ms':>10} {'queries':>8}" + (f" {'baseline ms':>12} {'ratio':>7}" if baseline else ""))
    for name, figures in results.items():
        line = f"{name:40} {figures['ms']:>10.1f} {figures['queries']:>8}"
        if name in baseline:
            before = baseline[name]["ms"]
            line += f" {before:>12.1f} {figures['ms'] / before:>7.3f}"
        print(line)
    if args.save:
        Path(args.save).parent.mkdir(parents=True, exist_ok=True)
        Path(args.save).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
