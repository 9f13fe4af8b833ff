"""Rendering without Qt: the visual language (`style`), the tidy-tree layout (`layout`) and the
Graphviz/GraphML exports (`export`), shared by the canvas and the command line."""
