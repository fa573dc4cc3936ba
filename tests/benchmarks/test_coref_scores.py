"""Tests for benchmarks.coref_scores against values worked out by hand."""

from __future__ import annotations

import pytest

from benchmarks.coref_scores import b_cubed, ceaf_e, conll, muc, pairwise

# Key: {a, b, c} {d, e}; response: {a, b} {c, d, e}.
KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_muc() -> None:
    # Recall: key {a,b,c} needs 2 links, split in 2 parts -> 1 found; {d,e} 1 of 1 -> 2/3.
    # Precision: response {a,b} 1 of 1; {c,d,e} needs 2, split in 2 -> 1: 2/3.
    assert muc(KEY, RESPONSE) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_b_cubed() -> None:
    # Precision per mention: a,b 2/2; c,d,e 2/3 (c: {c}&{c,d,e}=1/3!). c: 1/3, d,e: 2/3.
    p = (1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5
    # Recall: a,b: 2/3; c: 1/3; d,e: 2/2.
    r = (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5
    assert b_cubed(KEY, RESPONSE)[:2] == pytest.approx((p, r))


def test_ceaf_e() -> None:
    # phi4({a,b,c},{a,b}) = 4/5; phi4({d,e},{c,d,e}) = 4/5; best total 8/5 over 2 and 2.
    assert ceaf_e(KEY, RESPONSE) == pytest.approx((0.8, 0.8, 0.8))


def test_perfect_and_conll_mean() -> None:
    scores = conll(KEY, KEY)
    assert scores["CoNLL"][2] == pytest.approx(1.0)
    mixed = conll(KEY, RESPONSE)
    assert mixed["CoNLL"][2] == pytest.approx(
        (mixed["MUC"][2] + mixed["B3"][2] + mixed["CEAF-e"][2]) / 3)


def test_pairwise() -> None:
    # Gold pairs: ab ac bc de (4); ours: ab cd ce de (4); common: ab de.
    assert pairwise(KEY, RESPONSE) == pytest.approx((0.5, 0.5, 0.5))
