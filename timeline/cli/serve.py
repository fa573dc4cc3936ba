"""``timeline serve``: the Panel dashboard, the same app as ``panel serve dashboards/app.py``.

Panel is imported only when the command runs, so ``timeline --help`` stays fast.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

import click

from timeline.vocab import FILE_ENV, MAX_UPLOAD_ENV, PATHS_ENV


def is_loopback(address: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def parse_basic_auth(value: str) -> str | dict[str, str]:
    """``USER:PASS`` gives one user and password; a bare ``PASS`` is a shared password."""
    user, sep, password = value.partition(":")
    if sep and user and password:
        return {user: password}
    if sep:
        raise click.BadParameter("expected USER:PASS or PASS, with neither part empty",
                                 param_hint="--basic-auth")
    return value


def websocket_limit(max_upload_mb: float) -> int:
    """Websocket message size that lets an upload at the limit through.

    Files travel base64-encoded (4/3 larger) in one message; the app then refuses
    oversized files with a clear message instead of the connection dropping.
    """
    return int(max_upload_mb * 1024 * 1024 * 4 / 3) + 1024 * 1024


def app_path() -> Path:
    """Path of the dashboard entry file, ``dashboards/app.py``."""
    import dashboards.layout  # the package location, without running the entry file

    return Path(dashboards.layout.__file__).resolve().parent / "app.py"


@click.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--timeline", "timeline_file", type=click.Path(exists=True, dir_okay=False),
              help="Open a timeline saved by `timeline extract` (csv, jsonl, parquet).")
@click.option("--port", type=int, default=5006, show_default=True, help="Port to listen on.")
@click.option("--address", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback is reachable by others.")
@click.option("--basic-auth", "basic_auth", metavar="USER:PASS",
              help="Require a login: USER:PASS, or PASS alone for a shared password.")
@click.option("--max-upload-mb", type=float, default=20.0, show_default=True,
              help="Largest file the dashboard accepts for upload.")
@click.option("--show/--no-show", default=False, help="Open a browser tab.")
def serve(paths: tuple[str, ...], timeline_file: str | None, port: int, address: str,
          basic_auth: str | None, max_upload_mb: float, show: bool) -> None:
    """Serve the interactive dashboard on articles, a saved timeline, or the sample.

    \b
    Examples:
      timeline serve                         # the bundled sample corpus
      timeline serve corpus/ article.html    # extract these articles first
      timeline serve --timeline timeline.csv --port 8080
      timeline serve --address 0.0.0.0 --basic-auth analyst:s3cret
    """
    if not is_loopback(address) and not basic_auth:
        click.echo(f"Warning: binding {address} without --basic-auth: anyone who can reach "
                   "this machine can read and edit the timeline.", err=True)
    os.environ[PATHS_ENV] = os.pathsep.join(os.path.abspath(p) for p in paths)
    os.environ[FILE_ENV] = os.path.abspath(timeline_file) if timeline_file else ""
    os.environ[MAX_UPLOAD_ENV] = str(max_upload_mb)
    import panel as pn  # heavy: imported only when serving

    options: dict[str, object] = {}
    if basic_auth:
        options.update(basic_auth=parse_basic_auth(basic_auth),
                       cookie_secret=secrets.token_urlsafe(32))
    origin = f"{address}:{port}" if address not in ("0.0.0.0", "::") else "*"
    click.echo(f"Serving the dashboard at http://{address}:{port}/", err=True)
    pn.serve({"/": str(app_path())}, port=port, address=address, show=show,
             websocket_origin=[origin, f"localhost:{port}"], title="timeline",
             # warm: extract the corpus once before listening, not on the first visit.
             warm=True,
             websocket_max_message_size=websocket_limit(max_upload_mb), **options)
