"""``timeline serve``: the Panel dashboard, the same app as ``panel serve dashboards/app.py``.

The command builds a frozen ``DashboardConfig`` and ``ServerOptions`` and hands them to
``dashboards.server``; nothing goes through environment variables. Panel is imported
only when the command runs, so ``timeline --help`` stays fast.
"""

from __future__ import annotations

import ipaddress
import os
from typing import TYPE_CHECKING

import click

from dashboards.config import BASIC_AUTH_ENV, DEFAULT_MAX_UPLOAD_MB, DashboardConfig

if TYPE_CHECKING:
    from dashboards.auth import Credentials


def is_loopback(address: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def credentials_from(basic_auth: str | None, auth_file: str | None) -> Credentials | None:
    """The ``Credentials`` given by ``--basic-auth`` (or its variable) or the file."""
    from dashboards.auth import Credentials, CredentialsError

    if basic_auth and auth_file:
        raise click.UsageError(f"give --basic-auth (or {BASIC_AUTH_ENV}) or "
                               "--basic-auth-file, not both")
    try:
        if auth_file:
            return Credentials.from_file(auth_file)
        return Credentials.parse(basic_auth) if basic_auth else None
    except CredentialsError as exc:
        raise click.BadParameter(str(exc), param_hint="--basic-auth") from None


@click.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--timeline", "timeline_file", type=click.Path(exists=True, dir_okay=False),
              help="Open a timeline saved by `timeline extract` in a format that reads back "
                   "(csv, jsonl, json, parquet, xlsx, ...; not gexf or graphml).")
@click.option("--store", "store_file", type=click.Path(exists=True, dir_okay=False),
              help="Open an event store made by `timeline ingest`: each browser session "
                   "reads it anew, and corrections are saved in it.")
@click.option("--port", type=int, default=5006, show_default=True, help="Port to listen on.")
@click.option("--address", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback is reachable by others.")
@click.option("--basic-auth", "basic_auth", metavar="USER:PASS", envvar=BASIC_AUTH_ENV,
              show_envvar=True,
              help="Require a login: USER:PASS, or PASS alone for a shared password. "
                   f"Prefer the {BASIC_AUTH_ENV} variable or --basic-auth-file: a value "
                   "on the command line is visible to other users in `ps`.")
@click.option("--basic-auth-file", "auth_file", metavar="FILE",
              type=click.Path(exists=True, dir_okay=False),
              help="Read the login from FILE: one USER:PASS a line, or a single PASS.")
@click.option("--max-upload-mb", type=click.FloatRange(min=0, min_open=True),
              default=DEFAULT_MAX_UPLOAD_MB, show_default=True,
              help="Largest file the page accepts for upload; larger ones are refused "
                   "in the browser.")
@click.option("--show/--no-show", default=False, help="Open a browser tab.")
def serve(paths: tuple[str, ...], timeline_file: str | None, store_file: str | None,
          port: int, address: str,
          basic_auth: str | None, auth_file: str | None, max_upload_mb: float,
          show: bool) -> None:
    """Serve the interactive dashboard on articles, a saved timeline, or the sample.

    Every response forbids framing and loading from other origins. With a login,
    failed attempts are limited to 5 a minute per client.

    \b
    Examples:
      timeline serve                         # the bundled sample corpus
      timeline serve corpus/ article.html    # extract these articles first
      timeline serve --timeline timeline.csv --port 8080
      timeline serve --store corpus.duckdb   # stories first; edits saved in the store
      TIMELINE_BASIC_AUTH=analyst:s3cret timeline serve --address 0.0.0.0
      timeline serve --address 0.0.0.0 --basic-auth-file ~/.timeline-login
    """
    credentials = credentials_from(basic_auth, auth_file)
    if not is_loopback(address) and credentials is None:
        click.echo(f"Warning: binding {address} without --basic-auth: anyone who can reach "
                   "this machine can read and edit the timeline.", err=True)
    if store_file and (paths or timeline_file):
        raise click.UsageError("--store opens the store alone: add articles to it with "
                               "`timeline ingest PATH... --store DB`")
    _check_inputs(timeline_file, store_file)
    config = DashboardConfig(paths=tuple(os.path.abspath(p) for p in paths),
                             timeline_file=os.path.abspath(timeline_file) if timeline_file
                             else None, max_upload_mb=max_upload_mb,
                             store=os.path.abspath(store_file) if store_file else None)
    from dashboards.server import ServerOptions, serve as run  # heavy: Panel

    click.echo(f"Serving the dashboard at http://{address}:{port}/", err=True)
    run(config, ServerOptions(port=port, address=address, credentials=credentials,
                              show=show))


def _check_inputs(timeline_file: str | None, store_file: str | None) -> None:
    """Refuse, before serving, a timeline no reader reads or a file that is no store.

    Otherwise the page would answer and each session would fail on its own.
    """
    from timeline.errors import TimelineError
    from timeline.export import registry

    if timeline_file:
        fmt = registry.for_suffix(timeline_file)
        if fmt is None or fmt.read is None:
            readable = ", ".join(f"{f.name} ({', '.join(f.suffixes)})"
                                 for f in registry.FORMATS.values() if f.read is not None)
            what = f"{fmt.name} is written only" if fmt else "unknown suffix"
            raise click.BadParameter(f"{timeline_file}: {what}; a timeline is read from "
                                     f"{readable}", param_hint="'--timeline'")
    if store_file:
        from timeline.store import Store

        try:
            Store(store_file, read_only=True).verify()
        except TimelineError as exc:
            raise click.BadParameter(str(exc), param_hint="'--store'") from exc
