"""Write N synthetic press-text articles (with captions, photos, quotes and speakers) into a folder.

    .venv/bin/python bench/generate_articles.py OUT_DIR [--count 10000] [--photo-every 10]

Deterministic: the same count gives the same files. Every name is generated; nothing is real.
"""

from __future__ import annotations

import argparse
import io
import random
from pathlib import Path

FIRST = [
    "Amara",
    "Lucas",
    "Ingrid",
    "Tomas",
    "Wang",
    "Ana",
    "Kwame",
    "Leila",
    "Pavel",
    "Sofia",
    "Rahul",
    "Mei",
    "Jonas",
    "Nadia",
    "Omar",
    "Elena",
    "Hiro",
    "Zainab",
    "Mateo",
    "Irina",
]
LAST = [
    "Keita",
    "Ferreira",
    "Solberg",
    "Novak",
    "Lihua",
    "de la Cruz",
    "Mensah",
    "Haddad",
    "Petrov",
    "Marin",
    "Mehta",
    "Tanaka",
    "Berg",
    "Farouk",
    "Saleh",
    "Popescu",
    "Sato",
    "Bello",
    "Rojas",
    "Volkova",
]
PARTIES = [
    "People's Renewal Party",
    "Workers' Union Party",
    "Social Progress Party",
    "Civic Renaissance Party",
    "National Reform Party",
    "Democratic Alliance",
    "Green Future League",
    "Labour Front",
]
TITLES = ["chairman", "secretary-general", "deputy chairwoman", "vice-president", "international secretary"]
COUNTRIES = ["Kenya", "Brazil", "Serbia", "Nepal", "Egypt", "Peru", "Ghana", "Indonesia", "Mongolia", "Chile"]
OUTLETS = ["Eastern Daily Star", "Continental Wire", "Harbour Times", "Radio Meridian", "The Civic Ledger"]
THEMES = ["pandemic cooperation", "infrastructure", "poverty alleviation", "climate finance", "trade"]
VERBS = ["said", "noted", "stressed", "added", "told reporters"]


def person(rng: random.Random) -> tuple[str, str]:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
    title = f"{rng.choice(TITLES)} of the {rng.choice(COUNTRIES)} {rng.choice(PARTIES)}"
    return name, title


def article_text(n: int, rng: random.Random) -> str:
    theme = rng.choice(THEMES)
    date = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    speakers = [person(rng) for _ in range(5)]
    lines = [f"Delegates discuss {theme} at forum number {n}", "", f"Updated: {date} {rng.choice(OUTLETS)}", ""]
    first, first_title = speakers[0]
    lines += [
        f"{first} ({first_title}) speaks at the opening session in {rng.choice(COUNTRIES)}. ANA ROJAS/CONTINENTAL WIRE",
        "",
    ]
    lines += [
        f"Representatives of {len(speakers)} parties from {rng.choice(COUNTRIES)} and "
        f"{rng.choice(COUNTRIES)} met on Tuesday to discuss {theme} and the next steps for cooperation.",
        "",
    ]
    for i, (name, title) in enumerate(speakers):
        surname = name.split()[-1]
        if i % 2 == 0:
            lines += [
                f'"Our cooperation on {theme} has delivered results for ordinary families in round {n}," '
                f"said {name}, {title}.",
                "",
            ]
        else:
            lines += [
                f"{name}, {title}, {rng.choice(VERBS)} that the programme had trained {rng.randint(10, 900)} "
                f"people and would expand next year.",
                "",
            ]
        lines += [f"{surname} noted that the partners had met {rng.randint(2, 40)} times since the last forum.", ""]
    lines += ["Next steps", "", "Officials said a follow-up meeting would be held before the end of the year.", ""]
    lines += ["Copyright © Continental Wire. All rights reserved.", ""]
    return "\n".join(lines)


def jpeg_bytes(n: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (160, 100), (n * 37 % 255, n * 91 % 255, 120)).save(out, "JPEG", quality=70)
    return out.getvalue()


def articles_generate(out: Path, *, count: int, photo_every: int = 10) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240101)
    for n in range(count):
        stem = out / f"article-{n:06d}"
        stem.with_suffix(".txt").write_text(article_text(n, rng), encoding="utf-8")
        if photo_every and n % photo_every == 0:
            stem.with_suffix(".jpg").write_bytes(jpeg_bytes(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--photo-every", type=int, default=10)
    args = parser.parse_args()
    articles_generate(args.out, count=args.count, photo_every=args.photo_every)


if __name__ == "__main__":
    main()
