"""The Training lab: SGD fits a linear regression with pycarrot while MSE curves are drawn live.

Qt-free: :mod:`.data` (synthetic data, CSV import), :mod:`.session` (the training run), :mod:`.history`
(buffers, smoothing), :mod:`.surface` (the MSE landscape). Qt: :mod:`.plots` and :mod:`.lab`
(``TrainingLab``), imported only when used so the Qt-free parts load without Qt.
"""
