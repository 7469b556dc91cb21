"""The wire under tread's downloads: which addresses may be reached, and a total deadline.

httpcore's network backend is the one place where a host name becomes the address a
socket connects to, and where every read and write happens. Replacing it gives two
guarantees that per-operation timeouts and a check of the URL's text cannot:

* **Address policy, pinned.** The host is resolved here, every address it resolves to is
  checked, and the socket connects to one of exactly those addresses, so a name that
  resolves to a public address when checked cannot connect to a private one (no DNS
  rebinding between the check and the connection). IPv4 embedded in IPv6 (mapped,
  6to4, Teredo, NAT64) is checked as the IPv4 address it carries.
* **A total deadline.** Every read, write, TLS handshake and connection attempt is given
  only the time left before one deadline, and fails once it has passed: a server that
  dribbles its headers, sends endless ``102 Processing`` interim responses or trickles
  its body a byte at a time is cut off at the deadline, not after a timeout per read.
  Name resolution runs in a helper thread that is abandoned at the deadline.

Residual risks: through an HTTP proxy (``HTTP_PROXY``/``HTTPS_PROXY``) the proxy connects,
not tread: the target is checked by resolving its name here, which a proxy with a different
view of DNS can contradict, and the check cannot be pinned. A resolver that is stuck keeps
its helper thread alive past the deadline (tread goes on without it).
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from typing import Any, Final

import httpcore

from tread.core.errors import UnreadableInput

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64: Final = ipaddress.ip_network("64:ff9b::/96")


class AddressRefused(UnreadableInput):
    """A link or redirect leads to an address tread will not contact from there."""


def is_private_address(ip: IPAddress) -> bool:
    """True for addresses that are not on the public internet: loopback, private (10/8,
    172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with cloud metadata
    endpoints, fe80::/10), unspecified (0.0.0.0, ::), shared (100.64/10), reserved,
    documentation and multicast ranges."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and is_private_address(embedded):
            return True
    return not ip.is_global or ip.is_multicast


def resolve(host: str, port: int, deadline: float) -> list[tuple[IPAddress, tuple[Any, ...]]]:
    """Every address ``host`` resolves to, with its socket address, before ``deadline``."""
    result: list[Any] = []
    failure: list[str] = []

    def lookup() -> None:
        try:
            result.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            failure.append(str(exc))
        except UnicodeError:  # the idna codec on an empty or overlong label
            failure.append("not a valid host name")

    worker = threading.Thread(target=lookup, name="tread-resolve", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise httpcore.ConnectTimeout("name resolution timed out")
    if failure:
        raise httpcore.ConnectError(failure[0])
    found = []
    for _family, _type, _proto, _name, sockaddr in result:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        found.append((ip, sockaddr))
    if not found:
        raise httpcore.ConnectError("the name resolves to no address")
    return found


def check(host: str, addresses: Iterable[IPAddress], allow_private: bool) -> None:
    """Refuse ``host`` when any of its addresses is private and private ones are not allowed."""
    if allow_private:
        return
    for ip in addresses:
        if is_private_address(ip):
            shown = host if host == str(ip) else f"{host} = {ip}"
            raise AddressRefused(
                f"refused: {shown} is a private or loopback address, and tread reaches one "
                "only from a feed or page that is itself on one"
            )


def _left(deadline: float, timeout: float | None, error: type[Exception]) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("deadline passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A stream whose every operation ends by the shared deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(self._deadline, timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(self._deadline, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = _left(self._deadline, timeout, httpcore.ConnectTimeout)
        return DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, left), self._deadline
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Connects only to checked addresses (unless ``check_address`` is off, as for a
    proxy the user configured), and bounds everything by ``deadline``."""

    def __init__(self, deadline: float, *, allow_private: bool, check_address: bool = True) -> None:
        self.deadline = deadline
        self.allow_private = allow_private
        self.check_address = check_address
        self._sync = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        found = resolve(host, port, self.deadline)
        if self.check_address:
            check(host, (ip for ip, _ in found), self.allow_private)
        last: Exception = httpcore.ConnectError("no address to connect to")
        for _ip, sockaddr in found:
            left = _left(self.deadline, timeout, httpcore.ConnectTimeout)
            try:
                # connect to the checked address itself, never to the name again
                stream = self._sync.connect_tcp(
                    str(sockaddr[0]), port, left, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
                continue
            return DeadlineStream(stream, self.deadline)
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not used")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, max(0.0, self.deadline - time.monotonic())))
