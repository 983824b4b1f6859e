"""Widgets of the Expression lab (they only draw what the Qt-free model says)."""

from .graph_view import GraphView
from .lab import ExpressionLab

__all__ = ["ExpressionLab", "GraphView"]
