"""Where an import may connect, and for how long: link-local and cloud metadata addresses are refused
however they are written and wherever a redirect points; loopback and private networks too when the
config says so; credentials in an address are sent to that host only and never kept; one deadline
covers the status line and headers as well as the body."""

from __future__ import annotations

import base64
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler

import pytest

from briefs.errors import ImportFailed
from briefs.sources.common import Limits
from briefs.sources.url import fetch, refusal

LIMITS = Limits(max_url_bytes=2**20, url_timeout=2, max_redirects=3)
PAGE = (b"<html><body><article><p>" + b"Officials said the plan was late and costly. " * 20
        + b"</p></article></body></html>")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen_auth: list[str | None] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Handler.seen_auth.append(self.headers.get("Authorization"))
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/to/"):])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture
def server(serve_http) -> str:
    Handler.seen_auth = []
    return serve_http(Handler)


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/",
    "http://2852039166/latest/meta-data/",  # the same address as one decimal number
    "http://0xA9FEA9FE/",  # and in hex
    "http://[::ffff:169.254.169.254]/",  # inside an IPv4-mapped IPv6 address
    "http://[fe80::1]/",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://169.254.1.1:8080/",
])
def test_link_local_and_metadata_addresses_are_refused_always(url: str) -> None:
    with pytest.raises(ImportFailed, match="link-local or cloud metadata address") as caught:
        fetch(url, limits=LIMITS)
    assert "\n" not in str(caught.value)


def test_a_redirect_to_a_metadata_address_is_refused(server: str) -> None:
    with pytest.raises(ImportFailed, match=r"169\.254\.169\.254.*link-local or cloud metadata"):
        fetch(f"{server}/to/http://169.254.169.254/latest/meta-data/iam/", limits=LIMITS)


def test_loopback_is_fetched_by_default_and_refused_when_the_config_says_so(server: str) -> None:
    assert fetch(f"{server}/page", limits=LIMITS).data == PAGE
    strict = Limits(url_timeout=2, refuse_private=True)
    with pytest.raises(ImportFailed, match="loopback or private-network address"):
        fetch(f"{server}/page", limits=strict)
    for address in ("10.1.2.3", "192.168.0.1", "172.16.5.4", "fc00::1", "127.0.0.1", "::1", "100.64.0.1"):
        assert refusal(address, refuse_private=True), address
        assert refusal(address, refuse_private=False) is None, address
    assert refusal("93.184.216.34", refuse_private=True) is None


def test_the_switch_is_read_from_the_config_file_and_the_environment(tmp_path, monkeypatch) -> None:
    from briefs.settings import load_settings

    (tmp_path / "config").mkdir(exist_ok=True)
    monkeypatch.setenv("BRIEFS_CONFIG_DIR", str(tmp_path / "config"))
    assert load_settings().limits.refuse_private is False
    (tmp_path / "config" / "config.toml").write_text("[import]\nrefuse_private_addresses = true\n")
    assert load_settings().limits.refuse_private is True
    monkeypatch.setenv("BRIEFS_REFUSE_PRIVATE", "0")
    assert load_settings().limits.refuse_private is False


def test_credentials_go_to_their_host_only_and_are_never_kept(server: str) -> None:
    host = server.removeprefix("http://")
    fetched = fetch(f"http://sam:s3cret@{host}/page", limits=LIMITS)
    assert Handler.seen_auth == ["Basic " + base64.b64encode(b"sam:s3cret").decode()]
    assert "s3cret" not in fetched.final_url and "sam" not in fetched.final_url
    # A redirect to another origin (localhost is another name for the same server) gets no credentials.
    other = server.replace("127.0.0.1", "localhost")
    Handler.seen_auth = []
    fetch(f"http://sam:s3cret@{host}/to/{other}/page", limits=LIMITS)
    assert Handler.seen_auth[0] is not None and Handler.seen_auth[1] is None


def _trickling_server(stop: threading.Event) -> int:
    """A server that sends its status line and headers one byte at a time, forever."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(4096)
            for byte in b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 100000:
                if stop.wait(0.2):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


def test_the_deadline_covers_a_status_line_and_headers_sent_a_byte_at_a_time() -> None:
    stop = threading.Event()
    port = _trickling_server(stop)
    script = ("import sys; from briefs.sources.url import fetch; from briefs.sources.common import Limits\n"
              "from briefs.errors import ImportFailed\n"
              f"try:\n    fetch('http://127.0.0.1:{port}/', limits=Limits(url_timeout=0.5))\n"
              "except ImportFailed as exc:\n    print(exc)\n")
    try:
        # The timeout is a hang guard: without the deadline the fetch would run for minutes.
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    finally:
        stop.set()
    assert "too slowly" in done.stdout and "1.5 s" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("address", ["64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "::169.254.169.254",
                                     "fe80::1%eth0", "169.254.0.1", "100.100.100.200"])
def test_a_metadata_address_inside_another_form_is_still_refused(address: str) -> None:
    assert refusal(address, refuse_private=False) == "a link-local or cloud metadata address"
