"""Qt pieces that more than one lab uses (run controls, step plots, heat maps, tooltips).

Each lab builds its own panels from these instead of copying them; nothing here knows a lab.
"""
