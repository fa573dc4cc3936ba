"""The actor network as GEXF and GraphML, read back with networkx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from timeline import schema
from timeline.export import registry, write_file

READERS = {"gexf": nx.read_gexf, "graphml": nx.read_graphml}


@pytest.fixture
def three_events(one_event: Callable[..., pd.DataFrame]) -> pd.DataFrame:
    rows = [one_event(event_id="a", actors=["Milley", "Zaluzhnyi"]),
            one_event(event_id="b", actors=["Zaluzhnyi", "Milley", "Austin"],
                      actor_types=["PERSON"] * 3, actor_titles=[""] * 3,
                      actor_roles=[""] * 3, actor_aliases=[""] * 3),
            one_event(event_id="c", actors=["Duda"], actor_types=["PERSON"],
                      actor_titles=[""], actor_roles=[""], actor_aliases=[""])]
    return schema.coerce(pd.concat(rows, ignore_index=True))


@pytest.mark.parametrize("name", ["gexf", "graphml"])
def test_actors_are_nodes_and_shared_events_weight_the_edges(
    tmp_path: Path, three_events: pd.DataFrame, name: str,
) -> None:
    path = tmp_path / f"actors.{name}"
    assert registry.format_for(path) == name
    write_file(three_events, path)
    graph = READERS[name](path)
    assert sorted(graph.nodes) == ["Austin", "Duda", "Milley", "Zaluzhnyi"]
    events = {node: int(data["events"]) for node, data in graph.nodes(data=True)}
    assert events == {"Austin": 1, "Duda": 1, "Milley": 2, "Zaluzhnyi": 2}
    weights = {tuple(sorted(edge)): float(w) for *edge, w in graph.edges(data="weight")}
    assert weights == {("Milley", "Zaluzhnyi"): 2.0, ("Austin", "Milley"): 1.0,
                       ("Austin", "Zaluzhnyi"): 1.0}
    assert graph.nodes["Milley"]["type"] == "PERSON"


def test_networks_are_event_formats_only() -> None:
    assert {"gexf", "graphml"} <= set(registry.names("events"))
    assert not {"gexf", "graphml"} & set(registry.names("times"))


def test_the_gexf_file_carries_no_date_of_writing(tmp_path: Path,
                                                  three_events: pd.DataFrame) -> None:
    # networkx stamps today's date by default: the same timeline must give the same bytes.
    path = tmp_path / "actors.gexf"
    write_file(three_events, path)
    assert b"lastmodifieddate" not in path.read_bytes()
    assert b"<creator>NetworkX" in path.read_bytes()
