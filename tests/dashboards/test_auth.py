"""Login credentials and the per-client limit on failed logins, without a server."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("panel")

from dashboards.auth import Credentials, CredentialsError, LoginLimiter  # noqa: E402


def test_parse_user_and_shared_password():
    assert Credentials.parse("ana:s3:cret") == Credentials(users={"ana": "s3:cret"})
    assert Credentials.parse("shared") == Credentials(shared="shared")
    for bad in (":nouser", "user:", ""):
        with pytest.raises(CredentialsError, match="USER:PASS"):
            Credentials.parse(bad)


def test_check():
    users = Credentials.parse("ana:pw")
    assert users.check("ana", "pw")
    assert not users.check("ana", "pw ") and not users.check("bo", "pw")
    shared = Credentials.parse("pw")
    assert shared.check("anyone", "pw") and not shared.check("anyone", "PW")


def test_from_file(tmp_path):
    path = tmp_path / "login"
    path.write_text("# comment\n\nana:one\nbo:two:three\n", encoding="utf-8")
    assert Credentials.from_file(path).users == {"ana": "one", "bo": "two:three"}
    path.write_text("only-a-password\n", encoding="utf-8")
    assert Credentials.from_file(path) == Credentials(shared="only-a-password")


@pytest.mark.parametrize("content, problem", [
    ("", "no credentials"),
    ("ana:one\nbare\n", ":2: expected USER:PASS"),
    ("ana:\n", ":1: expected USER:PASS"),
])
def test_bad_file_names_the_file_and_line(tmp_path, content, problem):
    path = tmp_path / "login"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CredentialsError, match=re.escape(problem)) as error:
        Credentials.from_file(path)
    assert str(error.value).startswith(str(path))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CredentialsError, match="cannot read"):
        Credentials.from_file(tmp_path / "absent")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_limiter_blocks_a_client_after_its_failures_until_the_window_passes():
    clock = Clock()
    limiter = LoginLimiter(attempts=3, window=60, clock=clock)
    for _ in range(3):
        assert limiter.retry_after("10.0.0.1") == 0
        limiter.failed("10.0.0.1")
        clock.now += 1
    assert limiter.retry_after("10.0.0.1") == 57  # the first failure leaves at 160
    assert limiter.retry_after("10.0.0.2") == 0  # other clients are not affected
    clock.now = 160.0
    assert limiter.retry_after("10.0.0.1") == 0
    limiter.failed("10.0.0.1")
    limiter.succeeded("10.0.0.1")
    assert limiter.retry_after("10.0.0.1") == 0


@pytest.mark.parametrize("url, local", [
    ("/", True), ("/app?x=1", True), ("//evil.example", False), ("/\\evil.example", False),
    ("https://evil.example/", False), ("", False),
])
def test_only_local_redirects_after_login(url, local):
    from dashboards.auth import is_local_path

    assert is_local_path(url) is local
