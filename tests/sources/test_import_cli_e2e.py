"""`briefs import` end to end: a URL served on 127.0.0.1 and a saved page, onto a desk in tmp_path."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefs.cli import main

from .html_pages import ld, meta, page

ARTICLE = page(
    title="Ministers unveil cyber plan for hospitals | The Example Post",
    h1="Ministers unveil cyber plan for hospitals",
    head=meta("og:site_name", "The Example Post")
    + meta("author", "admin", "name")
    + ld(
        {
            "@type": "NewsArticle",
            "datePublished": "2024-03-05T08:00:00Z",
            "author": [{"@type": "Person", "name": "Jane Doe"}],
        }
    ),
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "news" / "cyber-plan.html").write_bytes(ARTICLE)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_import_url_then_saved_page_then_a_bad_url(tmp_path: Path, served: str, capsys) -> None:
    desk = str(tmp_path / "desk.sqlite")
    url = f"{served}/news/cyber-plan.html"
    assert main(["import", url, "--desk", desk, "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["status"] == "imported"
    assert (result["title"], result["author"], result["publication"], result["published"], result["url"]) == (
        "Ministers unveil cyber plan for hospitals",
        "Jane Doe",
        "The Example Post",
        "2024-03-05",
        url,
    )

    saved = tmp_path / "saved.html"
    saved.write_bytes(ARTICLE)
    # The same article saved from the browser is recognised, not stored twice.
    assert main(["import", str(saved), "--url", url, "--desk", desk, "--json"]) == 0
    [again] = json.loads(capsys.readouterr().out)
    assert again["status"] == "exists" and again["id"] == result["id"]

    code = main(["import", f"{served}/news/missing.html", "--desk", desk])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [f"briefs: {served}/news/missing.html: page not found (404); check the address"]
    assert main(["sources", "--desk", desk, "--json"]) == 0
    # Besides the bundled sample, the desk holds the article once; the failed URL added nothing.
    listed = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in listed if s["kind"] == "html"] == [result["id"]]
