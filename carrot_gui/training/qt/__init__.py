"""The Training lab's widgets: the lab (:mod:`.lab`), its data, model and files panels, and its plots."""
