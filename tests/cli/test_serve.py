"""`timeline serve`: safe defaults, the warning for public addresses, basic auth."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from timeline.cli.serve import is_loopback, parse_basic_auth, serve, websocket_limit
from timeline.vocab import FILE_ENV, MAX_UPLOAD_ENV, PATHS_ENV


@pytest.fixture
def served(monkeypatch):
    """Replace ``panel.serve`` with a recorder, so nothing listens."""
    panel = pytest.importorskip("panel")
    calls = []
    monkeypatch.setattr(panel, "serve", lambda panels, **kwargs: calls.append((panels, kwargs)))
    for name in (PATHS_ENV, FILE_ENV, MAX_UPLOAD_ENV):
        monkeypatch.setenv(name, "")  # restored afterwards, whatever serve sets
    return calls


@pytest.mark.parametrize("address, expected", [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False),
])
def test_is_loopback(address, expected):
    assert is_loopback(address) is expected


def test_parse_basic_auth():
    assert parse_basic_auth("ana:s3:cret") == {"ana": "s3:cret"}
    assert parse_basic_auth("shared") == "shared"
    with pytest.raises(Exception, match="USER:PASS"):
        parse_basic_auth(":nouser")


def test_websocket_limit_fits_a_base64_upload_at_the_limit():
    assert websocket_limit(20) > 20 * 1024 * 1024 * 4 / 3


def test_defaults_bind_loopback_without_warning(served):
    result = CliRunner().invoke(serve, [])
    assert result.exit_code == 0, result.output
    (panels, kwargs), = served
    assert panels["/"].endswith("app.py")
    assert kwargs["address"] == "127.0.0.1" and kwargs["port"] == 5006
    assert "basic_auth" not in kwargs
    assert "Warning" not in result.output


def test_public_address_without_auth_warns(served):
    result = CliRunner().invoke(serve, ["--address", "0.0.0.0", "--port", "8080"])
    assert result.exit_code == 0, result.output
    assert "Warning: binding 0.0.0.0 without --basic-auth" in result.output
    assert served[0][1]["address"] == "0.0.0.0"


def test_public_address_with_auth_is_quiet(served):
    result = CliRunner().invoke(serve, ["--address", "0.0.0.0", "--basic-auth", "ana:pw"])
    assert "Warning" not in result.output
    kwargs = served[0][1]
    assert kwargs["basic_auth"] == {"ana": "pw"} and kwargs["cookie_secret"]


def test_inputs_reach_the_app_through_the_environment(served, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Leaders met on Monday.", encoding="utf-8")
    result = CliRunner().invoke(serve, [str(article), "--max-upload-mb", "5"])
    assert result.exit_code == 0, result.output
    import os

    assert os.environ[PATHS_ENV] == str(article)
    assert os.environ[MAX_UPLOAD_ENV] == "5.0"
