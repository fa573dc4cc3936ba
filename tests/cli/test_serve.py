"""`timeline serve`: safe defaults, the warning for public addresses, login sources."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dashboards.config import DashboardConfig
from timeline.cli.serve import is_loopback, serve


@pytest.fixture
def served(monkeypatch):
    """Replace the server with a recorder of (config, options), so nothing listens."""
    server = pytest.importorskip("dashboards.server")
    calls = []
    monkeypatch.setattr(server, "serve", lambda config, options: calls.append((config, options)))
    monkeypatch.delenv("TIMELINE_BASIC_AUTH", raising=False)
    return calls


@pytest.mark.parametrize("address, expected", [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False),
])
def test_is_loopback(address, expected):
    assert is_loopback(address) is expected


def test_websocket_limit_fits_a_base64_upload_at_the_limit():
    from dashboards.server import websocket_limit

    assert websocket_limit(20) > 20 * 1024 * 1024 * 4 / 3


def test_defaults_bind_loopback_without_warning(served):
    result = CliRunner().invoke(serve, [])
    assert result.exit_code == 0, result.output
    (config, options), = served
    assert config == DashboardConfig()
    assert options.address == "127.0.0.1" and options.port == 5006
    assert options.credentials is None
    assert "Warning" not in result.output


def test_public_address_without_auth_warns(served):
    result = CliRunner().invoke(serve, ["--address", "0.0.0.0", "--port", "8080"])
    assert result.exit_code == 0, result.output
    assert "Warning: binding 0.0.0.0 without --basic-auth" in result.output
    assert served[0][1].address == "0.0.0.0"


def test_public_address_with_auth_is_quiet(served):
    result = CliRunner().invoke(serve, ["--address", "0.0.0.0", "--basic-auth", "ana:pw"])
    assert "Warning" not in result.output
    assert served[0][1].credentials.check("ana", "pw")


def test_login_from_the_environment_or_a_file(served, tmp_path):
    result = CliRunner().invoke(serve, [], env={"TIMELINE_BASIC_AUTH": "ana:from-env"})
    assert result.exit_code == 0, result.output
    assert served[-1][1].credentials.check("ana", "from-env")
    login = tmp_path / "login"
    login.write_text("bo:from-file\n", encoding="utf-8")
    result = CliRunner().invoke(serve, ["--basic-auth-file", str(login)])
    assert result.exit_code == 0, result.output
    assert served[-1][1].credentials.check("bo", "from-file")
    result = CliRunner().invoke(serve, ["--basic-auth", "x:y", "--basic-auth-file", str(login)])
    assert result.exit_code == 2 and "not both" in result.output


def test_bad_login_is_a_usage_error(served, tmp_path):
    result = CliRunner().invoke(serve, ["--basic-auth", ":nouser"])
    assert result.exit_code == 2 and "USER:PASS" in result.output
    empty = tmp_path / "login"
    empty.write_text("\n", encoding="utf-8")
    result = CliRunner().invoke(serve, ["--basic-auth-file", str(empty)])
    assert result.exit_code == 2 and "no credentials" in result.output
    assert not served


def test_inputs_reach_the_app_as_a_config(served, tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_PATHS", "ignored")
    article = tmp_path / "a.txt"
    article.write_text("Leaders met on Monday.", encoding="utf-8")
    result = CliRunner().invoke(serve, [str(article), "--max-upload-mb", "5"])
    assert result.exit_code == 0, result.output
    config = served[0][0]
    assert config == DashboardConfig(paths=(str(article),), max_upload_mb=5.0)
    assert CliRunner().invoke(serve, ["--max-upload-mb", "0"]).exit_code == 2


def test_store_option_serves_the_store(served, tmp_path):
    from timeline.store import Store

    db = tmp_path / "corpus.duckdb"
    Store(db)
    result = CliRunner().invoke(serve, ["--store", str(db)])
    assert result.exit_code == 0, result.output
    (config, _options), = served
    assert config == DashboardConfig(store=str(db))


def test_store_with_articles_is_refused(served, tmp_path):
    db = tmp_path / "corpus.duckdb"
    db.write_bytes(b"")
    result = CliRunner().invoke(serve, ["--store", str(db), str(db)])
    assert result.exit_code == 2 and "timeline ingest" in result.output
    assert served == []


@pytest.mark.parametrize("name, said", [("all.gexf", "gexf is written only"),
                                        ("all.graphml", "graphml is written only"),
                                        ("all.docx", "unknown suffix")])
def test_a_timeline_no_reader_reads_is_refused_before_serving(served, tmp_path, name, said):
    timeline = tmp_path / name
    timeline.write_text("<gexf/>", encoding="utf-8")
    result = CliRunner().invoke(serve, ["--timeline", str(timeline)])
    assert result.exit_code == 2
    assert f"{timeline}: {said}" in result.output and "csv (.csv)" in result.output
    assert served == []


def test_a_store_that_is_not_a_store_is_refused_before_serving(served, tmp_path):
    csv = tmp_path / "all.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(serve, ["--store", str(csv)])
    assert result.exit_code == 2 and f"{csv} is not an event store" in result.output
    assert served == []
