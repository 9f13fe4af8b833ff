"""Routes are read generically: a cubic spline (3n+1 points) or any polyline."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from orgdesigner.model import FlowKind
from orgdesigner.render.diagram import Edge
from orgdesigner.render.route_path import edge_path, is_cubic
from orgdesigner.render.style import flow_style

coords = st.tuples(st.floats(-1e4, 1e4), st.floats(-1e4, 1e4))


def edge(points, head=None, tail=None) -> Edge:
    return Edge("f", "a", "b", FlowKind.COMMAND, flow_style(FlowKind.COMMAND), "", points,
                head=head, tail=tail)


@given(st.lists(coords, min_size=2, max_size=30), st.none() | coords, st.none() | coords)
def test_route_starts_at_the_tail_and_ends_at_the_head(points, head, tail) -> None:
    cmds = edge_path(edge(points, head, tail))
    assert cmds[0] == ("M", [tail if tail is not None else points[0]])
    assert cmds[-1][1][-1] == (head if head is not None else points[-1])
    ends = [ps[-1] for _, ps in cmds]
    # a polyline passes through every point; a spline through each segment's end point
    through = list(points) if not is_cubic(points) else list(points[::3])
    assert ends == ([tail] if tail is not None else []) + through + \
        ([head] if head is not None else [])


def test_straight_cubic_segments_become_lines() -> None:
    elbow = [(0, 0), (0, 5), (0, 5), (0, 10), (0, 10), (5, 10), (5, 10), (10, 10)]
    cubic = [(0, 0), (0, 5)] + [(0, 5), (0, 10)]
    assert [c for c, _ in edge_path(edge(cubic))] == ["M", "L"]
    assert len(elbow) == 8 and not is_cubic(elbow)
    assert [c for c, _ in edge_path(edge(elbow))] == ["M"] + ["L"] * 7
    curve = [(0, 0), (10, 0), (10, 10), (20, 10)]
    assert [c for c, _ in edge_path(edge(curve))] == ["M", "C"]
