"""Run every bench in one go (`make bench`): import vs loaddata, page scaling, extraction quality, briefings,
import workers (PostgreSQL and Redis at their default addresses).

    .venv/bin/python bench/run_all.py [--quick] [--polnear PATH]

--quick uses small sizes (1,000 imported articles; pages at 1,000 and 10,000) to try the benches out;
the targets are stated for the full sizes. The PolNeAR evaluation runs when the dataset is there
(by default ../shared/datasets/polnear beside the repository).
"""

import argparse
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_POLNEAR = BENCH.parent.parent / "shared" / "datasets" / "polnear"


def run(title: str, *args: str) -> int:
    print(f"\n== {title}", flush=True)
    return subprocess.run([sys.executable, *args], cwd=BENCH.parent).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    args = parser.parse_args()
    count = ["--count", "1000"] if args.quick else []
    sizes = ["--sizes", "1000", "10000"] if args.quick else []
    failures = 0
    failures += (
        run("import_articles vs loaddata (target: import < 0.5 x loaddata)", str(BENCH / "import_bench.py"), *count)
        != 0
    )
    failures += (
        run("page times at two sizes (target: large within 5 x small)", str(BENCH / "pages_bench.py"), *sizes) != 0
    )
    if args.polnear.is_dir():
        failures += (
            run(
                "extraction quality on PolNeAR dev",
                str(BENCH / "polnear_eval.py"),
                "--data",
                str(args.polnear),
                "--split",
                "dev",
            )
            != 0
        )
    else:
        print(f"\n== PolNeAR not found at {args.polnear}: extraction quality not measured")
    failures += run("a 200-item briefing (target: under 30 s)", str(BENCH / "briefing_bench.py"), "--items", "200") != 0
    failures += (
        run(
            "import through Celery workers on PostgreSQL and Redis, 1 vs 2 (targets: >= 250 articles/s, scaling >= 1.6)",
            str(BENCH / "import_workers.py"),
            *count,
        )
        != 0
    )
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
