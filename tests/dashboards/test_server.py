"""The served page's headers and login, over HTTP against a real ``timeline serve``."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

pytest.importorskip("panel")

from tests.dashboards.serving import served  # noqa: E402

LIMIT = 5  # failed logins a client may make per minute


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _request(url: str, data: dict | None = None) -> tuple[int, dict, str]:
    """(status, headers, body) without following redirects."""
    opener = urllib.request.build_opener(_NoRedirect)
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=60) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


@pytest.fixture(scope="module")
def login_server(tmp_path_factory, hostile_timeline_csv):
    secret = tmp_path_factory.mktemp("auth") / "login"
    secret.write_text("# analysts\nana:s3:cret\nbo:other\n", encoding="utf-8")
    args = ["--timeline", str(hostile_timeline_csv), "--basic-auth-file", str(secret)]
    with served(args, "server-login") as url:
        yield url


def test_every_response_carries_the_security_headers(login_server):
    for path in ("", "login", "static/extensions/panel/css/loading.css", "nothing-here"):
        status, headers, _ = _request(login_server + path)
        assert status in (200, 302, 404), path
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp, path
        # Only this origin: no scheme-wide or foreign sources except data:/blob: URLs.
        sources = {s for d in csp.split(";") for s in d.split()[1:]}
        assert sources <= {"'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "data:",
                           "blob:"}, sources
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"


def test_login_page_loads_nothing_from_outside(login_server):
    status, _, page = _request(login_server + "login")
    assert status == 200 and 'name="password"' in page
    assert not re.search(r"""(src|href|action)=["']?(https?:)?//""", page), page
    assert "cdn" not in page.lower()


def test_login_sets_strict_cookies_and_wrong_passwords_are_limited(login_server):
    status, headers, _ = _request(login_server + "login", {"username": "ana",
                                                           "password": "s3:cret"})
    assert status == 302
    cookies = headers.get_all("Set-Cookie")
    assert any(c.startswith("user=") for c in cookies)
    for cookie in cookies:
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie, cookie
    statuses = [_request(login_server + "login", {"username": "bo", "password": "wrong"})[0]
                for _ in range(LIMIT + 2)]
    assert statuses == [401] * LIMIT + [429, 429]
    status, headers, page = _request(login_server + "login", {"username": "bo",
                                                              "password": "other"})
    assert status == 429 and int(headers["Retry-After"]) > 0  # even right, while blocked
    assert "Too many failed logins" in page


def test_the_dashboard_needs_a_login(login_server):
    status, headers, _ = _request(login_server)
    assert status == 302 and "login" in headers["Location"]


def test_a_terminated_server_removes_its_index_folder(store_file, tmp_path):
    """``timeline serve --store`` killed with SIGTERM (as a service manager stops it)
    leaves no index folder behind, as on Ctrl-C."""
    from dashboards.sql import INDEX_FOLDER

    temp = tmp_path / "temp"
    temp.mkdir()
    with served(["--store", str(store_file)], "server-sigterm",
                env={"TMPDIR": str(temp)}) as url:
        status, _, _ = _request(url)  # a session: the server indexes the store
        assert status == 200
        assert len(list(temp.glob(f"{INDEX_FOLDER}*"))) == 1
    assert list(temp.glob(f"{INDEX_FOLDER}*")) == []
