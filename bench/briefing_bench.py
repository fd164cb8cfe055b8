"""Time a 200-item briefing PDF (WeasyPrint), each item with a photo, confirmed quotes and an annotation.

    .venv/bin/python bench/briefing_bench.py [--items 200] [--database-url URL]

Target (outputs issue): a 200-item briefing builds in under 30 s on this machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SCRIPT = """
import io, time
from PIL import Image
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from monitoring.articles.models import Article, Outlet
from monitoring.briefings.services import briefing_build, briefing_pdf
from monitoring.codebook.models import Tag, TaggedArticle
from monitoring.people.models import Person, Quote, Role
from monitoring.photos.models import Photo
from monitoring.review.models import Annotation

user = get_user_model().objects.create(username="bench")
outlet = Outlet.objects.create(name="Bench Wire")
tags = [Tag.objects.create(name=f"Theme {{n}}", slug=f"theme-{{n}}", category=c)
        for n, c in enumerate(["topic", "region", "actor", "frame"])]
buffer = io.BytesIO()
Image.new("RGB", (800, 533), (90, 120, 150)).save(buffer, "JPEG")
for n in range({items}):
    body = " ".join(f"Paragraph {{p}} of item {{n}} reports what the delegates said about river data." for p in range(8))
    article = Article.objects.create(outlet=outlet, headline=f"Item {{n}}: ministers agree on shared river data",
                                     body=body, status="approved", fingerprint=f"f{{n}}")
    photo = Photo(article=article, caption=f"Delegates at meeting {{n}}.", credit="TIMUR BEKOV/STEPPE HERALD")
    photo.image.save(f"p{{n}}.jpg", ContentFile(buffer.getvalue()), save=False)
    photo.thumbnail_refresh()
    photo.save()
    person = Person.objects.create(name=f"Speaker Number{{n}}")
    Role.objects.create(person=person, article=article, title="deputy minister", status="confirmed")
    for q in range(3):
        Quote.objects.create(article=article, speaker=person, text=f"Quote {{q}} of item {{n}}", start=q, end=q + 5,
                             status="confirmed")
    TaggedArticle.objects.create(content_object=article, tag=tags[n % 4], status="confirmed")
    Annotation.objects.create(article=article, tag=tags[0], author=user, start=0, end=9, text="Paragraph",
                              note="Framing of cooperation.")
start = time.perf_counter()
briefing = briefing_build(articles=Article.objects.all(), title="Bench briefing", user=user)
pdf = briefing_pdf(briefing)
took = time.perf_counter() - start
print(f"@@ {{took:.2f}} {{len(pdf)}} {{briefing.count}}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--database-url", help="Default: a throwaway SQLite file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="press-monitor-briefing-") as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": args.database_url or f"sqlite:///{tmp}/bench.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
        }
        subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=REPO, env=env, check=True)
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", SCRIPT.format(items=args.items)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        )
    marker = [line for line in result.stdout.splitlines() if line.startswith("@@ ")]
    if result.returncode or not marker:
        sys.exit(result.stderr[-3000:])
    took, size, count = marker[0].split()[1:]
    print(
        f"briefing of {int(count):,} items   {float(took):.1f} s   PDF {int(size) / 1e6:.1f} MB   "
        f"target < 30 s   {'PASS' if float(took) < 30 else 'FAIL'}"
    )


if __name__ == "__main__":
    main()
