"""Buchheim–Jünger–Leipert tidy tree drawing in linear time, iterative, for nodes of any width.

C. Buchheim, M. Jünger, S. Leipert, "Improving Walker's Algorithm to Run in Linear Time",
Graph Drawing 2002 (LNCS 2528). This is the algorithm of the paper with two changes:

- the recursion of FIRSTWALK and SECONDWALK is replaced by explicit stacks, because an
  organisation's reporting chain can be thousands of levels deep in the worst case and Python's
  recursion limit would stop it;
- the separation between two neighbours is `right[a] + left[b] + gap`, where `left`/`right` are
  each node's extents either side of its anchor. Boxes of different widths (and the asymmetric
  blocks of the compact mode) therefore never overlap.

The function works on integer node ids so it knows nothing about designs; `layout.py` maps a
design onto it.
"""

from __future__ import annotations

from collections.abc import Sequence


def tidy_positions(children: Sequence[Sequence[int]], root: int, left: Sequence[float],
                   right: Sequence[float], sibling_gap: float, subtree_gap: float) -> list[float]:
    """Breadth coordinate of every node's anchor (root at 0) for the tree rooted at `root`.

    `children[v]` lists v's children in the order they must appear (never reordered);
    `left[v]`/`right[v]` are how far v's box reaches before/after its anchor. Nodes at equal
    depth are kept at least `sibling_gap` apart (siblings) or `subtree_gap` (cousins).
    Nodes not reachable from `root` keep position 0.
    """
    n = len(children)
    parent = [-1] * n
    number = [0] * n  # index among siblings
    for v in range(n):
        for i, c in enumerate(children[v]):
            parent[c] = v
            number[c] = i
    prelim = [0.0] * n
    mod = [0.0] * n
    shift = [0.0] * n
    change = [0.0] * n
    thread = [-1] * n
    ancestor = list(range(n))
    default_anc = [-1] * n  # per parent: the "default ancestor" of the paper

    def distance(a: int, b: int) -> float:
        gap = sibling_gap if parent[a] == parent[b] else subtree_gap
        return right[a] + left[b] + gap

    def next_left(v: int) -> int:
        ch = children[v]
        return ch[0] if ch else thread[v]

    def next_right(v: int) -> int:
        ch = children[v]
        return ch[-1] if ch else thread[v]

    def move_subtree(wm: int, wp: int, amount: float) -> None:
        subtrees = number[wp] - number[wm]
        change[wp] -= amount / subtrees
        shift[wp] += amount
        change[wm] += amount / subtrees
        prelim[wp] += amount
        mod[wp] += amount

    def apportion(v: int, default: int) -> int:
        p = parent[v]
        w = children[p][number[v] - 1]  # left sibling
        vip = vop = v
        vim = w
        vom = children[p][0]
        sip = mod[vip]
        sop = mod[vop]
        sim = mod[vim]
        som = mod[vom]
        nr_vim = next_right(vim)
        nl_vip = next_left(vip)
        while nr_vim >= 0 and nl_vip >= 0:
            vim = nr_vim
            vip = nl_vip
            vom = next_left(vom)
            vop = next_right(vop)
            ancestor[vop] = v
            gap = (prelim[vim] + sim) - (prelim[vip] + sip) + distance(vim, vip)
            if gap > 0:
                a = ancestor[vim]
                move_subtree(a if parent[a] == p else default, v, gap)
                sip += gap
                sop += gap
            sim += mod[vim]
            sip += mod[vip]
            som += mod[vom]
            sop += mod[vop]
            nr_vim = next_right(vim)
            nl_vip = next_left(vip)
        if nr_vim >= 0 and next_right(vop) < 0:
            thread[vop] = nr_vim
            mod[vop] += sim - sop
        if nl_vip >= 0 and next_left(vom) < 0:
            thread[vom] = nl_vip
            mod[vom] += sip - som
            default = v
        return default

    # FIRSTWALK as an explicit post-order: when a node is finished, its left siblings are
    # already finished and apportioned, exactly as in the recursive formulation.
    stack: list[list[int]] = [[root, 0]]
    while stack:
        top = stack[-1]
        v = top[0]
        ch = children[v]
        if top[1] < len(ch):
            top[1] += 1
            stack.append([ch[top[1] - 1], 0])
            continue
        stack.pop()
        mid = 0.0
        if ch:
            s = c = 0.0
            for w in reversed(ch):  # EXECUTESHIFTS
                prelim[w] += s
                mod[w] += s
                c += change[w]
                s += shift[w] + c
            mid = (prelim[ch[0]] + prelim[ch[-1]]) / 2
        p = parent[v]
        if p >= 0 and v != root and number[v] > 0:
            w = children[p][number[v] - 1]
            prelim[v] = prelim[w] + distance(w, v)
            if ch:
                mod[v] = prelim[v] - mid
        else:
            prelim[v] = mid
        if p >= 0 and v != root:
            default_anc[p] = v if number[v] == 0 else apportion(v, default_anc[p])

    # SECONDWALK, iteratively, with the root at 0.
    x = [0.0] * n
    todo = [(root, -prelim[root])]
    while todo:
        v, m = todo.pop()
        x[v] = prelim[v] + m
        mv = m + mod[v]
        for c in children[v]:
            todo.append((c, mv))
    return x
