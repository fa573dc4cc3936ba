"""The exploration notebooks run top to bottom and are committed without outputs.

Each notebook is executed with nbclient in a fresh temporary working directory, by a
kernel started with this very interpreter (so it sees the project's packages), and a
few of its printed results are checked.
"""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
NOTEBOOKS = ("01_seed_article.ipynb", "02_corpus_exploration.ipynb")
CELL_TIMEOUT = 300  # seconds; the first cell to use spaCy pays for loading the model
KERNEL_NAME = "timeline-test"
# Notebooks import the project's packages plus what an analyst needs around them.
ALLOWED_IMPORTS = frozenset({"timeline", "dashboards", "pandas", "panel", "pathlib", "tempfile"})
# A date at the start of a printed event line: "2023-01-17  meet  ...".
EVENT_LINE = re.compile(r"^\d{4}-\d{2}-\d{2} ")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _kernel_manager(spec_root: Path) -> KernelManager:
    """A kernel manager whose kernel runs ``sys.executable`` with the project importable."""
    spec_dir = spec_root / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    # The project first, so the notebooks see this checkout even without an install.
    python_path = [str(PROJECT_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "timeline tests",
        "language": "python",
        "env": {"PYTHONPATH": os.pathsep.join(python_path)},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(spec_root / "kernels")])
    return KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)


def _stream_text(notebook: nbformat.NotebookNode) -> str:
    """Everything the code cells printed to stdout, in order."""
    return "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.output_type == "stream" and output.get("name") == "stdout"
    )


class Runner:
    """Executes each notebook at most once, on first request, in its own directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.done: dict[str, nbformat.NotebookNode | str] = {}

    def __call__(self, name: str) -> nbformat.NotebookNode:
        if name not in self.done:
            self.done[name] = self._execute(name)
        result = self.done[name]
        if isinstance(result, str):
            pytest.fail(f"{name} failed to run:\n{result}", pytrace=False)
        return result

    def _execute(self, name: str) -> nbformat.NotebookNode | str:
        workdir = self.root / name.removesuffix(".ipynb")
        workdir.mkdir()
        notebook = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
        # Appended in memory only: proves which interpreter ran the notebook.
        notebook.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
        client = nbclient.NotebookClient(
            notebook,
            km=_kernel_manager(workdir / "spec"),
            timeout=CELL_TIMEOUT,
            resources={"metadata": {"path": str(workdir)}},
        )
        try:
            client.execute()
        except nbclient.exceptions.CellExecutionError as exc:
            # The message names the cell and carries the kernel's (coloured) traceback.
            return ANSI_COLOUR.sub("", str(exc))
        return notebook


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """Both notebooks, each executed once per test module when a test first needs it."""
    return Runner(tmp_path_factory.mktemp("notebooks"))


@pytest.mark.notebook
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_without_errors_in_the_project_interpreter(
    executed: Runner, name: str
) -> None:
    notebook = executed(name)
    errors = [
        f"cell {index}: {output.get('ename')}: {output.get('evalue')}"
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert not errors, errors
    assert _stream_text(notebook).rstrip().splitlines()[-1] == sys.executable


@pytest.mark.notebook
def test_seed_notebook_finds_the_meeting_and_davos(
    executed: Runner,
) -> None:
    text = _stream_text(executed("01_seed_article.ipynb"))
    events = [line for line in text.splitlines() if EVENT_LINE.match(line)]
    meeting = [line for line in events if line.startswith("2023-01-17")]
    assert any("Mark Milley" in line and "Valerii Zaluzhnyi" in line for line in meeting), text
    davos = [line for line in events if line.startswith("2023-01-18")]
    assert any("Andrzej Duda" in line for line in davos), text
    # The trailing headline list is printed once as "set aside" and never as an event.
    assert not any("Maxwell" in line or "Takaichi" in line for line in events), text


@pytest.mark.notebook
def test_seed_notebook_infers_the_publication_week_and_round_trips_the_csv(
    executed: Runner,
) -> None:
    text = _stream_text(executed("01_seed_article.ipynb"))
    # The seed was published on 2023-01-19: the inferred interval must contain that day.
    interval = re.search(r"^interval: +(\S+) .*to (\S+) ", text, re.MULTILINE)
    assert interval, text
    assert interval.group(1) <= "2023-01-19" < interval.group(2), interval.group(0)
    assert "actors survive the round trip: True" in text, text
    assert re.search(r"^seed_timeline\.csv - [1-9]\d* events", text, re.MULTILINE), text


@pytest.mark.notebook
def test_corpus_notebook_exports_the_same_filtered_rows_in_both_formats(
    executed: Runner,
) -> None:
    text = _stream_text(executed("02_corpus_exploration.ipynb"))
    articles = re.search(r"^(\d+) events from (\d+) articles", text, re.MULTILINE)
    assert articles and int(articles.group(1)) > 0 and int(articles.group(2)) >= 6, text
    kept = re.search(r"^(\d+) of (\d+) events kept", text, re.MULTILINE)
    assert kept and 0 < int(kept.group(1)) < int(kept.group(2)), text
    written = dict(re.findall(r"^ukraine_2023\.(csv|jsonl) (\d+) events", text, re.MULTILINE))
    assert written == {"csv": kept.group(1), "jsonl": kept.group(1)}, text


@pytest.mark.notebook
def test_corpus_notebook_embeds_the_dashboard(
    executed: Runner,
) -> None:
    notebook = executed("02_corpus_exploration.ipynb")
    cell = next(c for c in notebook.cells if "create_dashboard(" in c.source)
    assert "pn.extension(" in cell.source
    kinds = {key for output in cell.outputs for key in output.get("data", {})}
    # Panel renders through its own MIME type (or plain HTML in older front ends).
    assert kinds & {"application/vnd.holoviews_exec.v0+json", "text/html"}, kinds


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_has_no_outputs(name: str) -> None:
    notebook = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    nbformat.validate(notebook)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name} cell {index} has outputs"
            assert cell.execution_count is None, f"{name} cell {index} has an execution count"
    assert "widgets" not in notebook.metadata, f"{name} stores widget state"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_imports_only_the_project_and_its_tools(name: str) -> None:
    notebook = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    imported = set()
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
    assert imported <= ALLOWED_IMPORTS, sorted(imported - ALLOWED_IMPORTS)
    assert {"timeline", "dashboards"} <= imported, sorted(imported)
    # Project files never name a path of the machine they were written on.
    raw = (NOTEBOOK_DIR / name).read_text(encoding="utf-8")
    assert not re.search(r"""["'](/work|/tmp|/root|/home)/""", raw), name


@pytest.mark.notebook
def test_corpus_notebook_writes_each_tool_format_and_reads_them_back(
    executed: Runner,
) -> None:
    text = _stream_text(executed("02_corpus_exploration.ipynb"))
    kept = re.search(r"^(\d+) of (\d+) events kept", text, re.MULTILINE)
    assert kept, text
    back = dict(re.findall(r"^(\w+) +ukraine_2023\S+ +read back: (\S+)", text, re.MULTILINE))
    assert back == {"xlsx": kept.group(1), "timelinejs": "-", "timesketch": back.get("timesketch"),
                    "acled": kept.group(1), "geojson": kept.group(1), "gexf": "-",
                    "graphml": "-"}, text
    assert 0 < int(back["timesketch"]) <= int(kept.group(1))  # undated events are left out
    slides = re.search(r"^(\d+) TimelineJS slides; the first: \{'year': 2023", text, re.MULTILINE)
    assert slides and 0 < int(slides.group(1)) <= int(kept.group(1)), text
    network = re.search(r"^(\d+) actors and (\d+) links", text, re.MULTILINE)
    assert network and int(network.group(1)) > 1, text
