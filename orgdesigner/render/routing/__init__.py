"""Orthogonal routing of overlay flows and placement of their labels (no Qt): one router
for the canvas and every export, so they draw the same routes."""

from .router import CLEARANCE, FlowRouter

__all__ = ["CLEARANCE", "FlowRouter"]
