"""Fetching feeds and article pages over HTTP, politely and within limits.

Only http and https; a timeout on every request; a size cap read as the body streams in (a page is never held
whole past the cap); a bounded number of redirects, each checked like the first URL; conditional GET (ETag,
Last-Modified); a user agent that says who we are; robots.txt respected per host.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

USER_AGENT = "press-monitor/0.1 (feed reader for a press-monitoring team)"
ROBOTS_MAX_BYTES = 512 * 1024


class FetchError(Exception):
    """A URL that could not be fetched; the message says why in one line."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def url_check(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url}: only http and https URLs are fetched")


@dataclass
class RobotsRules:
    """robots.txt per host, read once per fetcher (a poll run)."""

    fetcher: Fetcher
    parsers: dict[str, RobotFileParser] = field(default_factory=dict)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.parsers:
            self.parsers[host] = self._read(host)
        return self.parsers[host].can_fetch(self.fetcher.policy.user_agent, url)

    def _read(self, host: str) -> RobotFileParser:
        parser = RobotFileParser(f"{host}/robots.txt")
        try:
            fetched = self.fetcher.get(f"{host}/robots.txt", max_bytes=ROBOTS_MAX_BYTES, robots=False)
        except FetchError as exc:
            # As urllib's own reader does: a refused robots.txt forbids everything, a missing one allows everything.
            if exc.status in (401, 403):
                parser.disallow_all = True
            else:
                parser.allow_all = True
            return parser
        parser.parse(fetched.content.decode("utf-8", "replace").splitlines())
        return parser


class Fetcher:
    """One HTTP client for a run of fetches, with its limits and robots.txt cache."""

    def __init__(self, policy: FetchPolicy | None = None, *, transport: httpx.BaseTransport | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self.client = httpx.Client(
            timeout=self.policy.timeout,
            follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent},
            transport=transport,
        )
        self.robots = RobotsRules(self)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        robots: bool = True,
    ) -> Fetched:
        """GET `url` (following redirects within the policy); raises FetchError with a one-line reason."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.policy.max_bytes
        for _ in range(self.policy.max_redirects + 1):
            url_check(url)
            if robots and not self.robots.allowed(url):
                raise FetchError(f"{url}: robots.txt does not allow fetching it")
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    if response.has_redirect_location:
                        url = urljoin(url, response.headers.get("Location", ""))
                        continue
                    return self._read(url, response, limit)
            except httpx.TimeoutException:
                raise FetchError(f"{url}: timed out after {self.policy.timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _read(self, url: str, response: httpx.Response, limit: int) -> Fetched:
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code}", status=response.status_code)
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"{url}: {int(declared):,} bytes is over the size cap ({limit:,})")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"{url}: more than {limit:,} bytes, over the size cap")
            chunks.append(chunk)
        return Fetched(
            url=url,
            status=response.status_code,
            content=b"".join(chunks),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            content_type=response.headers.get("Content-Type", ""),
        )
