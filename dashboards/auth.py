"""Login for ``timeline serve --basic-auth``: credentials, a rate limit, strict cookies.

Panel's basic-auth login page loads its logo from a CDN, accepts any number of wrong
passwords and sets cookies without ``SameSite``. ``HardenedAuthProvider`` keeps
Panel's session handling but serves a local page (``templates/auth_page.html``),
compares passwords in constant time, refuses a client after ``LoginLimiter.attempts``
failures within ``LoginLimiter.window`` seconds (HTTP 429 with ``Retry-After``), and
sets every cookie ``HttpOnly`` and ``SameSite=Strict``.
"""

from __future__ import annotations

import collections
import hmac
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from panel.auth import BasicAuthProvider, BasicLoginHandler, LogoutHandler

TEMPLATE = Path(__file__).resolve().parent / "templates" / "auth_page.html"


class CredentialsError(ValueError):
    """Credentials that cannot be used; the message names the source and the problem."""


@dataclass(frozen=True)
class Credentials:
    """Who may log in: named users with passwords, or one password shared by anyone."""

    users: Mapping[str, str] = field(default_factory=dict)
    shared: str | None = None

    def __post_init__(self) -> None:
        if not self.users and not self.shared:
            raise CredentialsError("no user and no password given")

    @classmethod
    def parse(cls, value: str, source: str = "--basic-auth") -> Credentials:
        """``USER:PASS`` (one user; the password may hold ':') or ``PASS`` (shared)."""
        user, sep, password = value.partition(":")
        if sep and user and password:
            return cls(users={user: password})
        if sep or not value:
            raise CredentialsError(f"{source}: expected USER:PASS or PASS, with neither "
                                   "part empty")
        return cls(shared=value)

    @classmethod
    def from_file(cls, path: str | Path) -> Credentials:
        """One ``USER:PASS`` a line (blank lines and ``#`` comments skipped), or one ``PASS``."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CredentialsError(f"{path}: cannot read the credentials file ({exc})") from exc
        lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)
                 if line.strip() and not line.lstrip().startswith("#")]
        if not lines:
            raise CredentialsError(f"{path}: no credentials in the file")
        if len(lines) == 1 and ":" not in lines[0][1]:
            return cls(shared=lines[0][1])
        users: dict[str, str] = {}
        for number, line in lines:
            single = cls.parse(line, f"{path}:{number}")
            if single.shared is not None:
                raise CredentialsError(f"{path}:{number}: expected USER:PASS (a bare password "
                                       "is allowed only as the file's one line)")
            users.update(single.users)
        return cls(users=users)

    def check(self, user: str, password: str) -> bool:
        """True when ``password`` is right for ``user`` (constant time per comparison)."""
        expected = self.users.get(user) if self.users else self.shared
        if expected is None:
            hmac.compare_digest(password.encode(), password.encode())  # same work either way
            return False
        return hmac.compare_digest(password.encode("utf-8"), expected.encode("utf-8"))


class LoginLimiter:
    """At most ``attempts`` failed logins per client within ``window`` seconds.

    ``clock`` is a monotonic seconds counter (injectable for tests); no date is read.
    """

    def __init__(self, attempts: int = 5, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.attempts, self.window, self.clock = attempts, window, clock
        self._failures: dict[str, collections.deque[float]] = {}

    def retry_after(self, client: str) -> int:
        """Seconds ``client`` must wait before trying again (0: it may try now)."""
        failures = self._recent(client)
        if len(failures) < self.attempts:
            return 0
        return max(1, math.ceil(failures[0] + self.window - self.clock()))

    def failed(self, client: str) -> None:
        """Record a failed login of ``client``."""
        if len(self._failures) > 10_000:  # many clients: forget the ones that went quiet
            for key in [k for k in self._failures if not self._recent(k)]:
                del self._failures[key]
        self._recent(client).append(self.clock())

    def succeeded(self, client: str) -> None:
        """Forget ``client``'s failures."""
        self._failures.pop(client, None)

    def _recent(self, client: str) -> collections.deque[float]:
        failures = self._failures.setdefault(client, collections.deque())
        while failures and failures[0] <= self.clock() - self.window:
            failures.popleft()
        return failures


def is_local_path(url: str) -> bool:
    """True for a path on this server ("/x"), not "//host" or "/\\host" (browsers' "//")."""
    return url.startswith("/") and not url.startswith(("//", "/\\"))


def _page() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.ChainableUndefined)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8"))


class _StrictCookies:
    """Every cookie this handler sets is ``HttpOnly`` and ``SameSite=Strict``."""

    def set_cookie(self, name: str, value: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.update(httponly=True, samesite="Strict")
        super().set_cookie(name, value, *args, **kwargs)  # type: ignore[misc]


class HardenedLoginHandler(_StrictCookies, BasicLoginHandler):
    """Panel's login handler with local page, rate limit and constant-time check."""

    credentials: Credentials
    limiter: LoginLimiter

    def get(self) -> None:
        next_url = self.get_argument("next", "")
        if is_local_path(next_url):
            self.set_cookie("next_url", next_url)
        self._render("")

    def post(self) -> None:
        client = self.request.remote_ip or "unknown"
        wait = self.limiter.retry_after(client)
        if wait:
            self.set_status(429)
            self.set_header("Retry-After", str(wait))
            self._render(f"Too many failed logins: try again in {wait} s.")
            return
        user = self.get_argument("username", "")
        if not self.credentials.check(user, self.get_argument("password", "")):
            self.limiter.failed(client)
            self.set_status(401)
            self._render("Invalid username or password.")
            return
        self.limiter.succeeded(client)
        self.set_current_user(user)
        next_url = self.get_cookie("next_url", "/") or "/"
        self.redirect(next_url if is_local_path(next_url) else "/")

    def _render(self, error: str) -> None:
        self.write(_page().render(login_endpoint=self._login_endpoint, errormessage=error))


class HardenedLogoutHandler(_StrictCookies, LogoutHandler):
    """Panel's logout handler with the local page."""

    def get(self) -> None:
        for name in ("user", "id_token", "access_token", "refresh_token", "oauth_expiry"):
            self.clear_cookie(name)
        self.write(_page().render(login_endpoint="", LOGIN_ENDPOINT=self._login_endpoint))


class HardenedAuthProvider(BasicAuthProvider):
    """Basic auth served by the hardened handlers above."""

    def __init__(self, credentials: Credentials, limiter: LoginLimiter | None = None) -> None:
        # Set first: the base class reads the handlers while it initialises.
        self.credentials = credentials
        self.limiter = limiter or LoginLimiter()
        super().__init__()

    @property
    def login_handler(self) -> type:
        return type("LoginHandler", (HardenedLoginHandler,), {
            "credentials": self.credentials, "limiter": self.limiter,
            "_login_endpoint": self._login_endpoint})

    @property
    def logout_handler(self) -> type:
        return type("LogoutHandler", (HardenedLogoutHandler,), {
            "_login_endpoint": self._login_endpoint})
