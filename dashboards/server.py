"""Serving the dashboard: the page per session, security headers, basic auth.

``serve(config, ServerOptions(...))`` is what ``timeline serve`` runs. Every HTTP
response carries ``SECURITY_HEADERS``: the page cannot be framed, loads and connects
only to its own origin, is not MIME-sniffed and sends no referrer. Bokeh and Panel
need inline scripts and styles, ``eval`` (Bokeh callbacks, Plotly's WebGL traces),
``blob:`` modules (custom components) and ``data:`` URLs (the inlined map layer), so
those are allowed, but only from this origin.
"""

from __future__ import annotations

import secrets
import signal
import threading
from dataclasses import dataclass
from typing import Any

from tornado.web import OutputTransform

from dashboards.auth import Credentials, HardenedAuthProvider, LoginLimiter
from dashboards.config import DashboardConfig

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob: data:",
    "style-src 'self' 'unsafe-inline' data:",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class SecurityHeaders(OutputTransform):
    """Adds ``SECURITY_HEADERS`` to every response the server writes."""

    def transform_first_chunk(self, status_code: int, headers: Any, chunk: bytes,
                              finishing: bool) -> tuple[int, Any, bytes]:
        for name, value in SECURITY_HEADERS.items():
            headers[name] = value
        return status_code, headers, chunk


def websocket_limit(max_upload_mb: float) -> int:
    """Websocket message size that lets one file at the upload limit through.

    The page sends each accepted file in a message of its own, base64-encoded (4/3
    larger); 1 MB more leaves room for the message's envelope.
    """
    return int(max_upload_mb * 1024 * 1024 * 4 / 3) + 1024 * 1024


@dataclass(frozen=True)
class ServerOptions:
    """Where and how to listen; ``credentials`` turn on the login page."""

    port: int = 5006
    address: str = "127.0.0.1"
    credentials: Credentials | None = None
    show: bool = False
    login_attempts: int = 5
    login_window: float = 60.0


def _origins(options: ServerOptions) -> list[str]:
    if options.address in ("0.0.0.0", "::"):
        return ["*"]
    return [f"{options.address}:{options.port}", f"localhost:{options.port}"]


def build_server(config: DashboardConfig, options: ServerOptions) -> Any:
    """A Bokeh server for the dashboard over ``config``, not yet started.

    The corpus is loaded once before listening (``warm``), not on the first visit.
    """
    import panel as pn

    from dashboards.app import page

    extra: dict[str, Any] = {}
    if options.credentials is not None:
        limiter = LoginLimiter(options.login_attempts, options.login_window)
        extra.update(auth_provider=HardenedAuthProvider(options.credentials, limiter),
                     cookie_secret=secrets.token_urlsafe(32))
    def session() -> Any:  # a plain function: Panel serves a partial as a text pane
        return page(config)

    server = pn.serve({"/": session}, port=options.port,
                      address=options.address, show=options.show, start=False,
                      websocket_origin=_origins(options), title="timeline", warm=True,
                      websocket_max_message_size=websocket_limit(config.max_upload_mb),
                      **extra)
    server._tornado.add_transform(SecurityHeaders)
    return server


def serve(config: DashboardConfig, options: ServerOptions) -> None:
    """Build the server and run it until interrupted or terminated."""
    server = build_server(config, options)
    # Signal handlers can only be set from the main thread; elsewhere the caller owns them.
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _exit_on_signal) if main else None
    try:
        server.start()
        server.io_loop.start()
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)


def _exit_on_signal(signum: int, _frame: object) -> None:
    """Exit as an interrupt does, so the exit handlers run (they remove the index folder
    of a server over a store); by default SIGTERM ends the process without them."""
    raise SystemExit(128 + signum)
