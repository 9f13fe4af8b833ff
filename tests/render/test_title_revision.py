"""The title block shows the document's own revision when it has one."""

from orgdesigner.render.export import diagram_bytes
from orgdesigner.templates import load


def test_title_block_shows_revision():
    d = load("model-1")
    svg = diagram_bytes(d, "svg").decode()
    assert "OrgDesigner" in svg
    d.update_metadata(revision="案3")
    svg = diagram_bytes(d, "svg").decode()
    assert "案3" in svg
