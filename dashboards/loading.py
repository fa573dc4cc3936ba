"""Turn pasted text and uploaded files into articles and events, without Panel.

Uploads arrive as bytes with a file name chosen by the user. Each is written under a
fresh temporary folder with a sanitised name (so the name cannot point elsewhere) and
read by ``timeline.read_articles``, the same reader the CLI uses. Problems are
reported by the uploaded file's name; the other files still load.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboards.config import DashboardConfig
from timeline.errors import InputError
from timeline.model import Article

UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]")


@dataclass
class LoadReport:
    """What an upload produced: articles to extract and problems by file name."""

    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def pasted_article(text: str, published: pd.Timestamp | None = None) -> Article:
    """An article from pasted text; its id is a hash of the text, so re-pasting dedups."""
    from timeline.text.boilerplate import split_trailing

    body, trailing = split_trailing(text.replace("\r\n", "\n"))
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    first_line = body.strip().split("\n", 1)[0]
    title = first_line if len(first_line) <= 120 else first_line[:117] + "..."
    return Article(id=f"pasted-{digest}", body=body, title=title, trailing=trailing,
                   published=published, source="pasted text")


def read_uploads(files: Iterable[tuple[str, bytes]], limit_mb: float) -> LoadReport:
    """Read uploaded ``(name, content)`` pairs; oversized or unreadable ones are reported."""
    from timeline.articles import read_articles

    report = LoadReport()
    limit = int(limit_mb * 1024 * 1024)
    with tempfile.TemporaryDirectory(prefix="timeline-upload-") as folder:
        for name, content in files:
            shown = Path(name).name or "upload"
            if len(content) > limit:
                report.problems.append(f"{shown}: refused, {len(content) / 1048576:.1f} MB "
                                       f"is over the {limit_mb:g} MB upload limit")
                continue
            if not shown.lower().endswith(UPLOAD_SUFFIXES):
                report.problems.append(f"{shown}: unsupported file type "
                                       f"(use {', '.join(UPLOAD_SUFFIXES)})")
                continue
            path = _save(Path(folder), shown, content)

            def on_error(problem: InputError, shown: str = shown) -> None:
                where = f"{shown}:{problem.line}" if problem.line is not None else shown
                report.problems.append(f"{where}: {problem.problem}")

            report.articles += read_articles(path, on_error=on_error)
    return report


def _save(folder: Path, name: str, content: bytes) -> Path:
    """Write ``content`` under ``folder`` with a safe, unique name keeping the suffix."""
    safe = _UNSAFE_NAME.sub("_", name)[-100:]
    sub = Path(tempfile.mkdtemp(dir=folder))
    path = sub / safe
    path.write_bytes(content)
    return path


def progress_counter(progress: Callable[[int, int], None] | None,
                     total: int) -> Callable[[int], None]:
    """A callback taking articles just finished that reports ``progress(done, total)``."""
    done = 0

    def step(finished: int) -> None:
        nonlocal done
        done += finished
        if progress is not None:
            progress(done, total)

    return step


def extract_articles(articles: list[Article], published: pd.Timestamp | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     problems: list[str] | None = None) -> pd.DataFrame:
    """Extract events in one call (so names merge across articles), reporting progress.

    ``published`` is used for articles that carry no publication date of their own;
    without it, the date is inferred from each text. An article whose extraction
    fails is skipped and described in ``problems`` (file, line and reason); without
    ``problems`` the failure is raised.
    """
    from timeline.pipeline import extract
    from timeline.schema import empty_frame

    if not articles:
        return empty_frame()
    step = progress_counter(progress, len(articles))

    def fail(problem: InputError) -> None:
        if problems is None:
            raise problem
        where = Path(problem.source).name or problem.source  # uploads live in a temp folder
        line = f":{problem.line}" if problem.line is not None else ""
        problems.append(f"{where}{line}: {problem.problem}")

    return extract(articles, published, progress=step, on_error=fail)


@dataclass(frozen=True)
class Source:
    """A timeline ready for the dashboard: events, article texts and load problems."""

    events: pd.DataFrame
    texts: dict[str, str]
    problems: tuple[str, ...] = ()


def load_source(paths: tuple[str, ...] = (), timeline_file: str | None = None) -> Source:
    """Events from article ``paths``, a saved ``timeline_file``, or the bundled sample.

    With neither, the sample corpus (the seed article and a few short articles) is
    extracted. Unreadable inputs are reported by name in ``problems``; the rest load.
    """
    from timeline.articles import read_articles
    from timeline.export import read_timeline

    problems: list[str] = []
    frames, texts = [], {}
    if timeline_file:
        frames.append(read_timeline(timeline_file))
    if paths:
        articles = read_articles(list(paths), on_error=lambda p: problems.append(str(p)))
    elif not timeline_file:
        from timeline.sample import load_sample

        articles = load_sample()
    else:
        articles = []
    if articles:
        from timeline.dating import notes_of

        frames.append(extract_articles(articles, problems=problems))
        problems.extend(note.message for note in notes_of(frames[-1]))
        texts = {article.id: article.body for article in articles}
    frames = [f for f in frames if len(f)]
    events = pd.concat(frames, ignore_index=True) if frames else None
    from timeline.schema import empty_frame

    return Source(events if events is not None else empty_frame(), texts, tuple(problems))


@functools.cache
def cached_source(config: DashboardConfig) -> Source:
    """The config's inputs, loaded once per process (sessions copy the frame).

    ``config.synthetic`` > 0 gives a synthetic timeline of that many events instead.
    """
    if config.synthetic:
        from dashboards.synthetic import make_synthetic_frame

        return Source(make_synthetic_frame(config.synthetic), {})
    return load_source(config.paths, config.timeline_file)
