"""The actor network as GEXF (Gephi) and GraphML: who appears with whom, how often.

Nodes are actors (label: the name; ``events``: how many events name them; ``type``:
PERSON, ORG or GPE when known). An edge joins two actors named by the same event; its
``weight`` is the number of events they share. Files are written by networkx, so
Gephi, Cytoscape, networkx and igraph read them back.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import IO, TYPE_CHECKING

from timeline.export.cells import split_list

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd


def actor_graph(df: pd.DataFrame) -> nx.Graph:
    """Actors as nodes with event counts, co-occurrence edges weighted by shared events."""
    import networkx as nx

    counts: Counter[str] = Counter()
    shared: Counter[tuple[str, str]] = Counter()
    kinds: dict[str, str] = {}
    types = df["actor_types"] if "actor_types" in df.columns else [None] * len(df)
    for actors, actor_types in zip(df["actors"], types):
        names = sorted(set(name for name in split_list(actors) if name))
        counts.update(names)
        shared.update(combinations(names, 2))
        for name, kind in zip(split_list(actors), split_list(actor_types)):
            kinds.setdefault(name, kind)
    graph = nx.Graph()
    for name, events in sorted(counts.items()):
        graph.add_node(name, label=name, events=events, type=kinds.get(name, ""))
    for (first, second), weight in sorted(shared.items()):
        graph.add_edge(first, second, weight=weight)
    return graph


def write_gexf(df: pd.DataFrame, stream: IO[bytes]) -> None:
    """Write the actor network of ``df`` as GEXF 1.2.

    networkx stamps the file's ``meta`` with today's date; the stamp is optional in
    GEXF and is left out, so the same timeline always gives the same file.
    """
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(actor_graph(df))
    writer.write(stream)


def write_graphml(df: pd.DataFrame, stream: IO[bytes]) -> None:
    """Write the actor network of ``df`` as GraphML."""
    import networkx as nx

    nx.write_graphml(actor_graph(df), stream)
