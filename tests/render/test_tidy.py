"""The Buchheim–Jünger–Leipert core: tidy-tree properties on trees given as index lists."""

from __future__ import annotations

import random

import pytest

from orgdesigner.render.tidy import tidy_positions


def run(children: list[list[int]], widths: list[float] | None = None, gap: float = 10.0):
    n = len(children)
    w = widths or [20.0] * n
    half = [x / 2 for x in w]
    return tidy_positions(children, 0, half, half, gap, gap)


def test_parent_is_centred_over_its_children() -> None:
    xs = run([[1, 2, 3], [], [], []])
    assert xs[0] == pytest.approx((xs[1] + xs[3]) / 2)
    assert xs[1] < xs[2] < xs[3]
    assert xs[2] - xs[1] == pytest.approx(30.0)  # width 20 + gap 10


def test_identical_subtrees_are_drawn_identically() -> None:
    # 0 → (1, 2); 1 → (3, 4, 5); 2 → (6, 7, 8)
    xs = run([[1, 2], [3, 4, 5], [6, 7, 8], [], [], [], [], [], []])
    shape1 = [xs[i] - xs[1] for i in (3, 4, 5)]
    shape2 = [xs[i] - xs[2] for i in (6, 7, 8)]
    assert shape1 == pytest.approx(shape2)


def test_small_subtrees_between_big_ones_are_spaced_evenly() -> None:
    # The improvement Walker made over Reingold–Tilford: 0 → (1, 2, 3, 4);
    # 1 and 4 are wide subtrees, 2 and 3 leaves, which must be spread evenly between them.
    children = [[1, 2, 3, 4], [5, 6, 7, 8], [], [], [9, 10, 11, 12]] + [[] for _ in range(8)]
    xs = run(children)
    assert xs[2] - xs[1] == pytest.approx(xs[3] - xs[2])
    assert xs[4] - xs[3] == pytest.approx(xs[3] - xs[2])


def test_wide_boxes_keep_their_distance() -> None:
    widths = [50.0, 200.0, 30.0, 120.0]
    xs = run([[1, 2, 3], [], [], []], widths)
    assert xs[2] - xs[1] == pytest.approx(100 + 15 + 10)
    assert xs[3] - xs[2] == pytest.approx(15 + 60 + 10)


def test_asymmetric_extents_are_respected() -> None:
    # A node reaching far to the right (a compact stack) pushes its right sibling away.
    children = [[1, 2], [], []]
    left = [0.0, 10.0, 10.0]
    right = [0.0, 100.0, 10.0]
    xs = tidy_positions(children, 0, left, right, 5.0, 5.0)
    assert xs[2] - xs[1] == pytest.approx(100 + 10 + 5)


def test_a_very_deep_chain_does_not_overflow_the_stack() -> None:
    n = 20_000
    children = [[i + 1] for i in range(n - 1)] + [[]]
    xs = run(children)
    assert xs[0] == xs[n - 1] == 0.0


@pytest.mark.parametrize("seed", range(30))
def test_nodes_on_one_level_never_overlap(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(2, 300)
    children: list[list[int]] = [[] for _ in range(n)]
    depth = [0] * n
    for v in range(1, n):
        p = rng.randrange(max(0, v - rng.choice([1, 3, 50])), v)
        children[p].append(v)
        depth[v] = depth[p] + 1
    widths = [rng.uniform(10, 150) for _ in range(n)]
    xs = run(children, widths, gap=8.0)
    levels: dict[int, list[int]] = {}
    for v in range(n):
        levels.setdefault(depth[v], []).append(v)
    for nodes in levels.values():
        # Left-to-right order on a level follows the tree order (no crossing edges) ...
        nodes.sort(key=lambda v: xs[v])
        for a, b in zip(nodes, nodes[1:], strict=False):
            assert xs[b] - xs[a] >= (widths[a] + widths[b]) / 2 + 8.0 - 1e-6
    for v in range(n):
        ch = children[v]
        if ch:
            assert xs[v] == pytest.approx((xs[ch[0]] + xs[ch[-1]]) / 2)
            assert all(xs[a] < xs[b] for a, b in zip(ch, ch[1:], strict=False))
