"""Lessons: a lecture as a file of scenes (each a state of the labs) and handouts of every backward step.

Qt-free at this level (format, states, autosave, handout rows); widgets and the PDF writer live in ``qt/``.
"""

from .autosave import autosave_path, discard_autosave, find_autosave, write_autosave
from .fields import LessonError
from .format import LABS, SUFFIX, VERSION, Lesson, Scene, open_lesson, save_lesson
from .network_state import DigitsData, DrawnData, GeneratedSettings, NetCsv, NetSettings, NetworkState
from .state import CsvRows, EarlierRun, ExpressionState, SyntheticSettings, TrainingState, TrainSettings
