"""The scale bench's two measuring processes take turns page by page, so that the machine's other work falls on both
sides of each ratio (bench/scale_bench.py); the processes are fakes here, nothing is timed."""

from bench import scale_bench

PAGES = ["overview", "article list", "tag page"]


class FakeChild:
    """Records the order pages are measured in, across both sizes."""

    order: list[tuple[int, str]] = []

    def __init__(self, url, size, args):
        self.size = size
        self.result = {"database": url, "articles": size, "quotes": 5 * size, "populated_s": 0.0}
        self.result["pages"] = dict.fromkeys(PAGES)

    def measure(self, name):
        FakeChild.order.append((self.size, name))
        self.result["pages"][name] = (10.0 if self.size == 100 else 15.0, 4)

    def close(self):
        pass


def test_sizes_take_turns_page_by_page(monkeypatch, capsys):
    monkeypatch.setattr(scale_bench, "PagesChild", FakeChild)
    FakeChild.order = []
    argv = ["--sizes", "100", "200", "--small-url", "postgres:///a", "--large-url", "postgres:///b", "--no-export"]
    assert scale_bench.main(argv) == 0
    assert FakeChild.order == [(size, name) for name in PAGES for size in (100, 200)]
    table = capsys.readouterr().out
    assert "tag page" in table and "1.50x" in table and "0 of 3 pages miss one" in table
