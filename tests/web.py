"""A loopback HTTP server for tests: fixed routes, 127.0.0.1 only, stopped after use."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0  # seconds before answering (for timeouts)
    #: raw bytes to write on the socket instead of a response (status line and headers
    #: included), one piece every ``interval`` seconds: for servers that trickle
    trickle: Callable[[], Iterable[bytes]] | None = None
    interval: float = 0.0


@dataclass
class Log:
    """What a server was asked: every path, and the most requests it had at once."""

    paths: list[str] = field(default_factory=list)
    busiest: int = 0
    _now: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def enter(self, path: str) -> None:
        with self._lock:
            self.paths.append(path)
            self._now += 1
            self.busiest = max(self.busiest, self._now)

    def leave(self) -> None:
        with self._lock:
            self._now -= 1


ARTICLE = b"""<!doctype html><html><head><title>Council approves new bus lines</title>
<meta name="author" content="Jane Roe"><style>body{color:red}</style>
<script>document.write('tracking');</script></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Council approves new bus lines</h1>
<p>The city council approved a new budget for public transport on Tuesday, adding
twelve bus lines to the northern districts of the city.</p>
<p>Council members said the new lines would serve about forty thousand residents who
currently have no direct connection to the city centre.</p>
<p>Critics said the plan ignores cyclists, and the mayor defended the budget at a press
conference after the vote, saying more would follow next year.</p>
<iframe src="http://127.0.0.1:9/ad"></iframe>
</article><footer>Copyright 2026 Example News. All rights reserved.</footer>
<!-- a comment that must not show --></body></html>"""


def rss(base: str, *, teaser: bool = True) -> bytes:
    body = "Short teaser." if teaser else ("Full text of the story. " * 80)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>{base}/</link>
<item><title>Council approves new bus lines</title><link>{base}/article.html</link>
<pubDate>Tue, 10 Nov 2026 10:00:00 GMT</pubDate><description>{body}</description></item>
<item><title>Second story</title><link>{base}/second.html</link>
<description>{body}</description></item>
</channel></rss>""".encode()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title></item>
</channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title></item></channel></rss>"""


@contextmanager
def serve(routes: dict[str, Route], log: Log | None = None) -> Iterator[str]:
    """Serve ``routes`` on 127.0.0.1 (a free port); yields the base URL."""
    stop = threading.Event()
    seen = log if log is not None else Log()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            seen.enter(self.path)
            try:
                self._answer()
            finally:
                seen.leave()

        def _answer(self) -> None:
            route = routes.get(self.path.split("?")[0])
            if route is None:
                route = Route(b"not found", 404, {"Content-Type": "text/plain"})
            if route.delay:
                stop.wait(route.delay)
            if route.trickle is not None:
                with suppress(BrokenPipeError, ConnectionResetError):
                    for piece in route.trickle():
                        if stop.wait(route.interval):
                            break
                        self.wfile.write(piece)
                        self.wfile.flush()
                self.close_connection = True
                return
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            if "Content-Length" not in route.headers:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
