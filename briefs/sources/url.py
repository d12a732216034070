"""Fetch a web page for import: http(s) only, with timeouts, a size cap and a redirect cap.

Redirects are followed here, one hop at a time, rather than by urllib3, so that every hop's address is
checked (a redirect to file:// or ftp:// is refused) and the count is ours to report. The body is
streamed and reading stops as soon as it passes the cap, so an oversized page is never downloaded whole.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
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
    shown = shown or url
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ImportFailed(f"{shown} is not a valid web address; check it") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise ImportFailed(f"{shown}: only http:// and https:// addresses can be imported; download the file first")
    if not parts.hostname:
        raise ImportFailed(f"{shown} has no host name; check the address")


def fetch(url: str, *, limits: Limits) -> Fetched:
    """Download `url`, following at most `limits.max_redirects` redirects, reading at most
    `limits.max_url_bytes` bytes, and giving up when the server is silent for `limits.url_timeout`
    seconds or the whole download takes more than three times that."""
    check_web_url(url)
    timeout = urllib3.Timeout(connect=limits.url_timeout, read=limits.url_timeout)
    # A server that trickles a byte at a time never trips the read timeout; the deadline stops it.
    deadline = time.monotonic() + 3 * limits.url_timeout
    pool = urllib3.PoolManager(headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT}, timeout=timeout, retries=False)
    current = url
    try:
        for _hop in range(limits.max_redirects + 1):
            response = _request(pool, current, url)
            try:
                if response.status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise ImportFailed(
                            f"{url}: the server redirected nowhere (status {response.status}); try later"
                        )
                    current = urljoin(current, location.strip())
                    try:
                        check_web_url(current, shown=current)
                    except ImportFailed:
                        raise ImportFailed(
                            f"{url} redirects to {current}, which is not a web page; only http(s) is followed"
                        ) from None
                    continue
                _check_status(response.status, url)
                _check_length(response.headers.get("Content-Length"), url, limits)
                data = _read_capped(response, url, limits, deadline)
                return Fetched(data=data, media_type=response.headers.get("Content-Type"), final_url=current)
            finally:
                # Close first: releasing an unread connection would let it be reused mid-body.
                response.close()
                response.release_conn()
        raise ImportFailed(
            f"{url} redirected more than {limits.max_redirects} times; open it in a browser, save the page and "
            "import the file"
        )
    finally:
        pool.clear()


def _request(pool: urllib3.PoolManager, target: str, shown: str) -> urllib3.BaseHTTPResponse:
    try:
        return pool.request("GET", target, preload_content=False, redirect=False)
    except HTTPError as exc:
        raise ImportFailed(_network_message(exc, shown)) from None
    except (ValueError, LocationParseError):
        raise ImportFailed(f"{shown} is not a valid web address; check it") from None


def _network_message(exc: Exception, url: str) -> str:
    if isinstance(exc, ConnectTimeoutError | ReadTimeoutError) or "timed out" in str(exc):
        return f"{url} did not answer in time; try again later or save the page and import the file"
    if isinstance(exc, NameResolutionError):
        return f"{url}: the host name was not found; check the address and your connection"
    if isinstance(exc, SSLError):
        return f"{url}: the secure connection failed (certificate or TLS error); check the address"
    if isinstance(exc, NewConnectionError):
        return f"{url}: cannot connect to the server; check the address and your connection"
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


def _read_capped(response: urllib3.BaseHTTPResponse, url: str, limits: Limits, deadline: float) -> bytes:
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
    except HTTPError as exc:
        raise ImportFailed(_network_message(exc, url)) from None
    data = b"".join(chunks)
    if not data.strip():
        raise ImportFailed(f"{url} returned an empty page; check the address")
    return data
