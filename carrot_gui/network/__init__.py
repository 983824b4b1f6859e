"""The Network lab's Qt-free core: a network spec, its datasets, a training session that trains exactly as
the lab does, presets and export as Python. Widgets live in ``carrot_gui.network.qt``."""

from .datasets import DataConfig, DrawnPoints, NetData, digits_path, from_csv_table, generate, load_digits
from .spec import Layer, NetworkSpec, SpecError, build_model
from .trainer import NetworkSession
