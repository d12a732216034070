"""Fetching URLs from a local server on 127.0.0.1: pages, errors, redirects, slow and oversized bodies."""

from __future__ import annotations

import contextlib
import time
from http.server import BaseHTTPRequestHandler

import pytest

from briefs.errors import ImportFailed
from briefs.sources import load_source
from briefs.sources.common import Limits
from briefs.sources.url import fetch

from .html_pages import ld, page

ARTICLE = page(
    head=ld(
        {
            "@type": "NewsArticle",
            "headline": "Hospitals get cyber plan",
            "datePublished": "2024-03-05",
            "author": {"@type": "Person", "name": "Jane Doe"},
            "publisher": {"@type": "Organization", "name": "The Example Post"},
        }
    )
)
LIMITS = Limits(max_url_bytes=1024 * 1024, url_timeout=0.5, max_redirects=3)



class Handler(BaseHTTPRequestHandler):
    user_agents: list[str] = []
    bytes_sent: dict[str, int] = {}

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up first (the slow page)
            self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.user_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE, {"Content-Type": "text/html; charset=utf-8"})
        elif path == "/moved":
            self._send(301, headers={"Location": "/article"})
        elif path.startswith("/loop"):
            self._send(302, headers={"Location": f"/loop{len(path)}"})
        elif path == "/to-file":
            self._send(302, headers={"Location": "file:///etc/passwd"})
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/broken":
            self._send(503, b"down")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, ARTICLE, {"Content-Type": "text/html"})
        elif path in {"/huge", "/huge-declared"}:
            self._stream_huge(declared=path == "/huge-declared")
        else:
            self._send(500)

    def _stream_huge(self, *, declared: bool) -> None:
        """A 200 MB body, written lazily: the client must stop reading long before the end."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declared:
            self.send_header("Content-Length", str(200 * 1024 * 1024))
        self.end_headers()
        chunk = b"<p>" + b"x" * 65536 + b"</p>"
        sent = 0
        try:
            while sent < 200 * 1024 * 1024:
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass
        Handler.bytes_sent[self.path] = sent


@pytest.fixture(scope="module")
def server(serve_http) -> str:
    return serve_http(Handler)


def test_page_is_fetched_and_imported_with_its_bytes(server: str) -> None:
    source = load_source(f"{server}/moved", limits=LIMITS)
    assert source.original == ARTICLE
    assert source.meta.url == f"{server}/article"
    assert (source.meta.author, source.meta.published) == ("Jane Doe", "2024-03-05")
    assert "41 health trusts" in source.text
    assert "Briefs/" in Handler.user_agents[-1]


def test_fetch_reports_media_type_and_final_address(server: str) -> None:
    fetched = fetch(f"{server}/moved", limits=LIMITS)
    assert fetched.final_url == f"{server}/article"
    assert fetched.media_type.startswith("text/html")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", r"/missing: page not found \(404\); check the address"),
        ("/broken", r"/broken: the server failed \(503\); try again later"),
        ("/loop", r"/loop redirected more than 3 times"),
        ("/to-file", r"/to-file redirects to file:///etc/passwd, which is not a web page"),
        ("/slow", r"/slow did not answer in time"),
    ],
)
def test_bad_responses_get_one_line_naming_the_url(server: str, path: str, message: str) -> None:
    with pytest.raises(ImportFailed, match=message) as caught:
        fetch(server + path, limits=LIMITS)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_oversized_body_is_refused_without_downloading_it(server: str, path: str) -> None:
    with pytest.raises(ImportFailed, match=r"over the 1 MB download limit"):
        fetch(server + path, limits=LIMITS)
    deadline = time.monotonic() + 5
    while path not in Handler.bytes_sent and time.monotonic() < deadline:
        time.sleep(0.05)
    # The server stops when the client hangs up; socket buffers let it get a few MB ahead at most.
    assert Handler.bytes_sent.get(path, 0) < 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/article.html", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("http:///no-host", "has no host name"),
    ],
)
def test_only_web_addresses_are_fetched(url: str, message: str) -> None:
    with pytest.raises(ImportFailed, match=message):
        fetch(url, limits=LIMITS)
