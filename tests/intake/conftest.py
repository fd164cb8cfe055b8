"""A local HTTP server on 127.0.0.1 serving feeds and pages, started by the tests (no other network is used)."""

import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Steppe Herald</title><link>http://example.invalid/</link>
<item><title>Delegates agree on river data sharing</title><link>{base}/page1.html</link>
<guid isPermaLink="false">steppe-4812</guid><pubDate>Tue, 12 Mar 2024 09:41:00 +0600</pubDate>
<description>Water officials agreed to share river gauge readings.</description></item>
<item><title>A page that is gone</title><link>{base}/missing.html</link><guid>steppe-4813</guid>
<pubDate>Wed, 13 Mar 2024 10:00:00 +0600</pubDate><description>Ministers met in Bishkek on Wednesday to discuss canal repairs.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Continental Wire</title><id>urn:cw</id>
<updated>2023-05-04T10:30:00Z</updated>
<entry><title>Ministers pledge grain corridor review</title><id>urn:cw:2023-05-04-grain</id>
<link href="{base}/page2.html"/><updated>2023-05-04T10:30:00Z</updated><summary>Six ministers pledged a review.</summary></entry>
</feed>"""

PAGE = b"""<html><head><title>{title}</title><meta property="og:title" content="{title}">
<meta property="og:site_name" content="Local Test Outlet"></head><body><article><h1>{title}</h1>
<p>Officials from five countries agreed on Monday to share daily readings from river gauges, ending years of talks.</p>
<p>"We cannot manage a river we cannot measure," said Nurlan Abenov, the deputy minister of ecology, after the session.</p>
</article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    hits: list = []

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", content_type="text/html", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        Handler.hits.append((self.path, self.headers.get("User-Agent", "")))
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}".encode()
        path = self.path
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                return self._send(304)
            return self._send(200, RSS.replace(b"{base}", base), "application/rss+xml", [("ETag", '"v1"')])
        if path == "/atom.xml":
            return self._send(200, ATOM.replace(b"{base}", base), "application/atom+xml")
        if path == "/malformed.xml":
            return self._send(200, b"<html><body>this is <b>not a feed", "application/rss+xml")
        if path in ("/page1.html", "/page2.html", "/private/page.html"):
            title = b"River data deal" if path == "/page1.html" else b"Grain corridor review"
            return self._send(200, PAGE.replace(b"{title}", title))
        if path == "/redirect":
            return self._send(302, headers=[("Location", "/page1.html")])
        if path == "/loop":
            return self._send(302, headers=[("Location", "/loop")])
        if path == "/to-ftp":
            return self._send(302, headers=[("Location", "ftp://example.invalid/file")])
        if path == "/slow":
            time.sleep(3)
            return self._send(200, b"late")
        if path == "/big":
            return self._send(200, b"x" * (2 * 1024 * 1024))
        if path == "/big-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"y" * 32768)
            return None
        return self._send(404, b"not found")


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A client that hangs up mid-body (the size-limit tests stop reading) is expected: print nothing."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture
def http_server():
    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    Handler.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()
