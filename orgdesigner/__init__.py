"""OrgDesigner: where the CSIRT sits, with what authority, and what it costs."""

__version__ = "0.1.0"
