"""File formats (no Qt): the native .orgd file, table import/export, GraphML, DOT."""
