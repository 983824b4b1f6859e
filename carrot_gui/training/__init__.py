"""The Training lab: SGD fits a linear regression with pycarrot while MSE curves are drawn live.

Qt-free: :mod:`.data` (synthetic data, CSV import), :mod:`.session` (the evented training run), :mod:`.history`
(buffers, smoothing, ranges), :mod:`.surface` (the MSE landscape). Qt: :mod:`.qt` (``TrainingLab`` and its
data, model, files and plots panels), imported only when used so the Qt-free parts load without Qt.
"""
