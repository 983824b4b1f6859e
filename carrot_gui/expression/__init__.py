"""The Expression lab's Qt-free model: graph from named nodes, layered layout, playback timeline, presets.

Widgets live in :mod:`carrot_gui.expression.qt`; nothing here imports Qt.
"""
