"""The Network lab's widgets (panels, views, the lab page) on top of the Qt-free ``carrot_gui.network``."""
