"""Coreference scores over clusterings of the same mentions: MUC, B-cubed, CEAF-e, CoNLL.

A clustering is a dict mention -> cluster id. Both clusterings must cover the same
mentions. The definitions follow the CoNLL-2012 scorer (Pradhan et al. 2014).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

Clustering = Mapping[Hashable, Hashable]


def clusters(assignment: Clustering) -> list[set[Hashable]]:
    """The clusters of ``assignment`` as sets of mentions."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in assignment.items():
        groups[cluster].add(mention)
    return list(groups.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """MUC precision, recall and F1 (links needed vs links kept)."""
    def recall(a: Clustering, b: Clustering) -> float:
        needed = found = 0
        for cluster in clusters(a):
            parts = {b[m] for m in cluster}
            needed += len(cluster) - 1
            found += len(cluster) - len(parts)
        return found / needed if needed else 0.0

    r, p = recall(key, response), recall(response, key)
    return p, r, _f1(p, r)


def b_cubed(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1, averaged over mentions."""
    key_sets = {c: s for s in clusters(key) for c in [key[next(iter(s))]]}
    response_sets = {c: s for s in clusters(response) for c in [response[next(iter(s))]]}
    p = r = 0.0
    for mention in key:
        ours, theirs = response_sets[response[mention]], key_sets[key[mention]]
        common = len(ours & theirs)
        p += common / len(ours)
        r += common / len(theirs)
    n = len(key) or 1
    return p / n, r / n, _f1(p / n, r / n)


def ceaf_e(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """Entity-based CEAF: the best one-to-one alignment of clusters by phi4 similarity."""
    import networkx as nx

    gold, ours = clusters(key), clusters(response)
    graph = nx.Graph()
    for i, g in enumerate(gold):
        for j, o in enumerate(ours):
            common = len(g & o)
            if common:
                graph.add_edge(("g", i), ("o", j), weight=2 * common / (len(g) + len(o)))
    matching = nx.max_weight_matching(graph)
    total = sum(graph[a][b]["weight"] for a, b in matching)
    p = total / len(ours) if ours else 0.0
    r = total / len(gold) if gold else 0.0
    return p, r, _f1(p, r)


def conll(key: Clustering, response: Clustering) -> dict[str, tuple[float, float, float]]:
    """MUC, B-cubed and CEAF-e, and CoNLL F1 (their mean F1) as ``(nan, nan, f1)``."""
    scores = {"MUC": muc(key, response), "B3": b_cubed(key, response),
              "CEAF-e": ceaf_e(key, response)}
    mean = sum(s[2] for s in scores.values()) / 3
    scores["CoNLL"] = (float("nan"), float("nan"), mean)
    return scores


def pairwise(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1: pairs of mentions put together."""
    def pairs(assignment: Clustering) -> set[frozenset[Hashable]]:
        out = set()
        for cluster in clusters(assignment):
            members = sorted(cluster, key=str)
            out.update(frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1:])
        return out

    gold, ours = pairs(key), pairs(response)
    p = len(gold & ours) / len(ours) if ours else 0.0
    r = len(gold & ours) / len(gold) if gold else 0.0
    return p, r, _f1(p, r)
