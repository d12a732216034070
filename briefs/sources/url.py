"""Fetch a web page for import: http(s) only, with timeouts, a size cap and a redirect cap.

Redirects are followed here, one hop at a time, rather than by urllib3, so that every hop's address is
checked (a redirect to file:// or ftp:// is refused) and the count is ours to report. The body is
streamed and reading stops as soon as it passes the cap, so an oversized page is never downloaded whole.

Every connection, first hop or redirect, goes through `_Guard.connect`: the host name is resolved here
and each address checked before anything connects to it, so a link-local or cloud metadata address
(169.254.169.254, fe80::/10, fd00:ec2::254), however it is spelt (a decimal IP, an IPv4-mapped IPv6
address, a name that resolves to one) is never reached; with `refuse_private_addresses` loopback and
private networks are refused too. The same guard holds the one deadline for the whole download: when it
passes, every socket of the fetch is shut down, so a server trickling its status line or headers a byte
at a time is given up on as surely as one trickling its body.

`user:password@` in an address is sent as HTTP Basic authentication to that host only, and never
stored or printed.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from briefs import __version__
from briefs.errors import ImportFailed
from briefs.sources.common import Limits
from briefs.text import strip_credentials

USER_AGENT = f"Mozilla/5.0 (compatible; Briefs/{__version__}; policy-brief article import)"
_ACCEPT = "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5"
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the bytes as served (decompressed), their media type and the final address."""

    data: bytes
    media_type: str | None
    final_url: str


def check_web_url(url: str, *, shown: str | None = None) -> None:
    """Refuse anything but an http(s) URL with a host."""
    shown = strip_credentials(shown or url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- a port that is not a number raises here, not mid-connection
    except ValueError:
        raise ImportFailed(f"{shown} is not a valid web address; check it") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise ImportFailed(f"{shown}: only http:// and https:// addresses can be imported; download the file first")
    if not parts.hostname:
        raise ImportFailed(f"{shown} has no host name; check the address")


def fetch(url: str, *, limits: Limits) -> Fetched:
    """Download `url`, following at most `limits.max_redirects` redirects, reading at most
    `limits.max_url_bytes` bytes, and giving up when the server is silent for `limits.url_timeout`
    seconds or the whole download (status lines, headers and bodies of every hop) takes more than three
    times that."""
    check_web_url(url)
    shown = strip_credentials(url)
    auth = _basic_auth(url)
    timeout = urllib3.Timeout(connect=limits.url_timeout, read=limits.url_timeout)
    budget = 3 * limits.url_timeout
    # A server that trickles a byte at a time never trips the read timeout; the deadline stops it.
    deadline = time.monotonic() + budget
    guard = _Guard(deadline, refuse_private=limits.refuse_private, shown=shown)
    guard.budget = budget
    pool = urllib3.PoolManager(headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT}, timeout=timeout, retries=False)
    pool.pool_classes_by_scheme = guard.pool_classes()  # type: ignore[assignment]
    current = strip_credentials(url)
    origin = _origin(current)
    timer = threading.Timer(budget, guard.expire)
    timer.daemon = True
    timer.start()
    try:
        for _hop in range(limits.max_redirects + 1):
            # Credentials go to the host they were given for, never to one a redirect names.
            headers = auth if auth and _origin(current) == origin else None
            response = _request(pool, current, shown, guard, headers)
            try:
                if response.status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise ImportFailed(
                            f"{shown}: the server redirected nowhere (status {response.status}); try later"
                        )
                    current = strip_credentials(urljoin(current, location.strip()))
                    try:
                        check_web_url(current, shown=current)
                    except ImportFailed:
                        raise ImportFailed(
                            f"{shown} redirects to {current}, which is not a web page; only http(s) is followed"
                        ) from None
                    continue
                _check_status(response.status, shown)
                _check_length(response.headers.get("Content-Length"), shown, limits)
                data = _read_capped(response, shown, limits, deadline, guard)
                return Fetched(data=data, media_type=response.headers.get("Content-Type"), final_url=current)
            finally:
                # Close first: releasing an unread connection would let it be reused mid-body.
                response.close()
                response.release_conn()
        raise ImportFailed(
            f"{shown} redirected more than {limits.max_redirects} times; open it in a browser, save the page and "
            "import the file"
        )
    finally:
        timer.cancel()
        pool.clear()
        guard.close()


def _basic_auth(url: str) -> dict[str, str] | None:
    parts = urlsplit(url)
    if parts.username is None:
        return None
    return dict(urllib3.make_headers(basic_auth=f"{unquote(parts.username)}:{unquote(parts.password or '')}"))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


# ------------------------------------------------------------------------------ where Briefs connects
# Cloud metadata services beside the link-local ranges: AWS's IPv6 endpoint, Alibaba's, Oracle's.
_METADATA = {ipaddress.ip_address(a) for a in ("fd00:ec2::254", "100.100.100.200", "192.0.0.192")}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def refusal(address: str, *, refuse_private: bool) -> str | None:
    """Why Briefs will not connect to `address` (an IP address), or None."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    candidates = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        # The IPv4 address inside an IPv6 one reaches the same host: check it as well.
        embedded = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None]
        if ip in _NAT64 or int(ip) >> 32 == 0:
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        candidates += [e for e in embedded if e is not None]
    for candidate in candidates:
        if candidate.is_link_local or candidate in _METADATA:
            return "a link-local or cloud metadata address"
    if refuse_private and not all(c.is_global for c in candidates):
        return "a loopback or private-network address (refuse_private_addresses is on)"
    return None


class _Guard:
    """The connections of one fetch: each address checked before it is connected to, and all of them
    shut down when the fetch's deadline passes."""

    def __init__(self, deadline: float, *, refuse_private: bool, shown: str) -> None:
        self.deadline = deadline
        self.refuse_private = refuse_private
        self.shown = shown
        self.expired = False
        self.budget = 0.0
        self._lock = threading.Lock()
        self._sockets: list[int] = []  # duplicates of each socket's descriptor, to shut it down from here

    def remaining(self) -> float:
        return max(0.01, self.deadline - time.monotonic())

    def pool_classes(self) -> dict[str, type]:
        guard = self

        def _new_conn(conn: Any) -> socket.socket:
            return guard.connect(conn)

        http = type("GuardedHTTPConnection", (HTTPConnection,), {"_new_conn": _new_conn})
        https = type("GuardedHTTPSConnection", (HTTPSConnection,), {"_new_conn": _new_conn})
        return {
            "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http}),
            "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https}),
        }

    def connect(self, conn: Any) -> socket.socket:
        from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

        host, port = conn._dns_host, conn.port
        try:
            infos = _resolve(host, port, self.remaining())
        except socket.gaierror as exc:
            raise NameResolutionError(conn.host, conn, exc) from exc
        refused = None
        last: OSError | None = None
        for family, kind, proto, _, address in infos:
            reason = refusal(str(address[0]), refuse_private=self.refuse_private)
            if reason:
                refused = (address[0], reason)
                continue
            sock = socket.socket(family, kind, proto)
            try:
                for option in conn.socket_options or ():
                    sock.setsockopt(*option)
                limit = conn.timeout if isinstance(conn.timeout, int | float) else None
                sock.settimeout(min(limit or self.remaining(), self.remaining()))
                self._track(sock)
                sock.connect(address)
                return sock
            except TimeoutError as exc:
                sock.close()
                raise ConnectTimeoutError(conn, f"Connection to {conn.host} timed out") from exc
            except OSError as exc:
                sock.close()
                last = exc
        if refused and last is None:
            where = f"{conn.host} ({refused[0]})" if str(refused[0]) != conn.host.strip("[]") else conn.host
            raise ImportFailed(f"{self.shown}: {where} is {refused[1]}, which Briefs does not fetch; open the page "
                               "in a browser, save it and import the file")
        raise NewConnectionError(conn, f"Failed to establish a new connection: {last}")

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                raise TimeoutError("the download's deadline passed")
            self._sockets.append(os.dup(sock.fileno()))

    def expire(self) -> None:
        """The deadline: shut every socket down, so a blocked read (status line, header or body) ends now."""
        with self._lock:
            self.expired = True
            for fd in self._sockets:
                with contextlib.suppress(OSError):
                    probe = socket.socket(fileno=os.dup(fd))
                    try:
                        probe.shutdown(socket.SHUT_RDWR)
                    finally:
                        probe.close()

    def close(self) -> None:
        with self._lock:
            for fd in self._sockets:
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._sockets = []


def _resolve(host: str, port: int, seconds: float) -> list[Any]:
    """getaddrinfo with a time limit (it has none of its own): a resolver that hangs counts against the
    deadline like a server that does."""
    box: list[Any] = []

    def run() -> None:
        try:
            box.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            box.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if not box:
        raise socket.gaierror(socket.EAI_AGAIN, "the host name did not resolve in time")
    if isinstance(box[0], socket.gaierror):
        raise box[0]
    if isinstance(box[0], OSError):
        raise socket.gaierror(socket.EAI_FAIL, str(box[0]))
    return box[0]


def _request(pool: urllib3.PoolManager, target: str, shown: str, guard: _Guard,
             headers: dict[str, str] | None = None) -> urllib3.BaseHTTPResponse:
    try:
        return pool.request("GET", target, preload_content=False, redirect=False, headers=headers)
    except HTTPError as exc:
        raise ImportFailed(_late(guard, shown) or _network_message(exc, shown)) from None
    except (ValueError, LocationParseError):
        raise ImportFailed(f"{shown} is not a valid web address; check it") from None
    except OSError as exc:  # a socket shut down by the deadline, seen before urllib3 could wrap it
        raise ImportFailed(_late(guard, shown) or _network_message(exc, shown)) from None


def _late(guard: _Guard, shown: str) -> str | None:
    if not guard.expired:
        return None
    return (f"{shown} is downloading too slowly: it did not finish in {guard.budget:g} s (a server sending a "
            "byte at a time?); try again later or save the page and import the file")


def _network_message(exc: Exception, url: str) -> str:
    # Most specific first: urllib3 makes NameResolutionError a NewConnectionError, and NewConnectionError a
    # ConnectTimeoutError, so a refused connection read as a timeout when timeouts came first.
    if isinstance(exc, NameResolutionError):
        return f"{url}: the host name was not found; check the address and your connection"
    if isinstance(exc, NewConnectionError) and "timed out" not in str(exc):
        return f"{url}: cannot connect to the server; check the address and your connection"
    if isinstance(exc, ConnectTimeoutError | ReadTimeoutError | TimeoutError) or "timed out" in str(exc):
        return f"{url} did not answer in time; try again later or save the page and import the file"
    if isinstance(exc, SSLError):
        return f"{url}: the secure connection failed (certificate or TLS error); check the address"
    if isinstance(exc, ProtocolError):
        return f"{url}: the connection broke off; try again"
    return f"{url}: download failed ({type(exc).__name__}); try again or save the page and import the file"


def _check_status(status: int, url: str) -> None:
    if status < 400:
        return
    if status in {401, 403}:
        raise ImportFailed(
            f"{url}: the server refused access ({status}); open it in a browser, save the page and import the file"
        )
    if status == 404 or status == 410:
        raise ImportFailed(f"{url}: page not found ({status}); check the address")
    if status == 429:
        raise ImportFailed(f"{url}: the server says too many requests (429); wait and try again")
    if status >= 500:
        raise ImportFailed(f"{url}: the server failed ({status}); try again later")
    raise ImportFailed(f"{url}: the server answered {status}; check the address")


def _too_big(url: str, limits: Limits) -> ImportFailed:
    return ImportFailed(
        f"{url} is over the {limits.max_url_bytes / 2**20:.0f} MB download limit; "
        "raise BRIEFS_MAX_URL_MB or save the article and import the file"
    )


def _check_length(header: str | None, url: str, limits: Limits) -> None:
    try:
        declared = int(header) if header else None
    except ValueError:
        declared = None
    if declared is not None and declared > limits.max_url_bytes:
        raise _too_big(url, limits)


def _read_capped(response: urllib3.BaseHTTPResponse, url: str, limits: Limits, deadline: float,
                 guard: _Guard) -> bytes:
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            # read1, not stream(): stream() waits until a whole chunk has arrived, so a server sending a
            # byte now and then would never reach the deadline check below.
            chunk = response.read1(_CHUNK, decode_content=True)
            if not chunk:
                break
            total += len(chunk)
            if total > limits.max_url_bytes:
                raise _too_big(url, limits)
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise ImportFailed(f"{url} is downloading too slowly; try again later or save the page and import it")
    except (HTTPError, OSError) as exc:
        raise ImportFailed(_late(guard, url) or _network_message(exc, url)) from None
    late = _late(guard, url)  # the deadline shut the socket: what was read is not the whole page
    if late:
        raise ImportFailed(late)
    data = b"".join(chunks)
    if not data.strip():
        raise ImportFailed(f"{url} returned an empty page; check the address")
    return data
