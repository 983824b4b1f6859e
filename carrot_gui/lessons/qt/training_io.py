"""The Training lab's part of a lesson: its data (synthetic settings, or a CSV's rows and the columns chosen —
never the file's path, so the lesson opens anywhere), run settings, weights, loss history and earlier runs,
read from the lab and put back through the lab's public widgets and methods.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QSignalBlocker

from ...training.data import DataError, parse_slopes
from ..state import CsvRows, EarlierRun, SyntheticSettings, TrainingState, TrainSettings


def _synthetic(lab) -> SyntheticSettings | None:
    """The synthetic data's settings, if the data in use is exactly what they generate."""
    panel = lab.dataPanel
    if (
        panel.dataSourceTabs.currentIndex() != 0
        or lab.data is None
        or not lab.data.source.startswith("synthetic")
    ):
        return None
    try:
        slopes = parse_slopes(panel.trueSlopesEdit.text())
    except DataError:
        return None
    d = panel.featuresSpin.value()
    weights = tuple(slopes) * d if len(slopes) == 1 else tuple(slopes)
    settings = SyntheticSettings(
        panel.samplesSpin.value(),
        tuple(float(w) for w in weights),
        panel.trueInterceptSpin.value(),
        panel.noiseSpin.value(),
        panel.dataSeedSpin.value(),
    )
    made = settings.dataset()
    raw = lab.data if not lab.data.standardised else None
    if raw is not None and not (np.array_equal(made.x, raw.x) and np.array_equal(made.y, raw.y)):
        return None  # the controls were changed without Generate: they are not what is shown
    return settings


def _csv_rows(lab) -> CsvRows | None:
    """The CSV rows and the columns chosen, if the data in use came from a CSV."""
    chosen = lab.dataPanel.csv_in_use()
    if chosen is None:
        return None
    table, target, features = chosen
    rows = tuple(tuple(r) for r in table.rows)
    name = os.path.basename(table.path)
    return CsvRows(name, tuple(table.columns), rows, table.has_header, target, tuple(features))


def training_state(lab) -> TrainingState | None:
    """What the Training lab holds, or None when it cannot be said (controls changed without Generate,
    or no lab)."""
    if lab is None:
        return None
    data = _csv_rows(lab) or _synthetic(lab)
    if data is None:
        return None
    s = lab.session
    config = s.config if s is not None else lab.config()
    runs = tuple(
        EarlierRun(str(curve.name()), np.asarray(curve.getData()[1], dtype=np.float64))
        for curve in lab.lossPlot.earlier
    )
    if s is None or s.steps_done == 0:
        return TrainingState(
            data, lab.standardiseCheck.isChecked(), TrainSettings.from_config(config), runs=runs
        )
    weights = np.concatenate([s.weight.reshape(-1), s.bias.reshape(-1)])
    return TrainingState(
        data,
        lab.standardiseCheck.isChecked(),
        TrainSettings.from_config(config),
        weights,
        s.losses.view().copy(),
        s.params.view().copy(),
        runs,
    )


def _show_settings(lab, settings: TrainSettings) -> None:
    """Put the run settings in the model panel's controls (without a new run per control)."""
    widgets = (
        lab.optimizerCombo, lab.learningRateSpin, lab.weightDecaySpin, lab.momentumSpin, lab.batchSizeSpin,
        lab.budgetSpin, lab.unitCombo, lab.thresholdCheck, lab.thresholdSpin, lab.initSeedSpin,
    )  # fmt: skip
    blockers = [QSignalBlocker(w) for w in widgets]
    lab.optimizerCombo.setCurrentText(settings.optimizer)
    lab.momentumSpin.setEnabled(settings.optimizer == "SGD")
    lab.learningRateSpin.setValue(settings.learning_rate)
    lab.weightDecaySpin.setValue(settings.weight_decay)
    lab.momentumSpin.setValue(settings.momentum)
    lab.batchSizeSpin.setValue(settings.batch_size)
    lab.budgetSpin.setValue(settings.budget)
    lab.unitCombo.setCurrentIndex(lab.unitCombo.findData(settings.unit))
    lab.thresholdCheck.setChecked(settings.loss_threshold is not None)
    if settings.loss_threshold is not None:
        lab.thresholdSpin.setValue(settings.loss_threshold)
    lab.initSeedSpin.setValue(settings.seed)
    del blockers


def _show_data(lab, data: SyntheticSettings | CsvRows, standardise: bool) -> bool:
    panel = lab.dataPanel
    blockers = [QSignalBlocker(panel.standardiseCheck)]
    panel.standardiseCheck.setChecked(standardise)
    del blockers
    if isinstance(data, CsvRows):
        return panel.use_table(data.table(), data.target, data.features)
    panel.dataSourceTabs.setCurrentIndex(0)
    panel.samplesSpin.setValue(data.n_samples)
    panel.featuresSpin.setValue(data.n_features)
    panel.trueSlopesEdit.setText(", ".join(repr(w) for w in data.weights))
    panel.trueInterceptSpin.setValue(data.bias)
    panel.noiseSpin.setValue(data.noise)
    panel.dataSeedSpin.setValue(data.seed)
    return panel.generate_data()


def apply_training_state(lab, state: TrainingState) -> bool:
    """Generate the state's data, show its settings, take up its run and earlier runs. False (the lab says
    why) when the data cannot be made, or a control cannot hold a setting (it is then shown clipped)."""
    lab.pause()
    if not _show_data(lab, state.data, state.standardise):
        return False
    _show_settings(lab, state.settings)
    lab.reset_training(archive=False)
    lab.lossPlot.clear_earlier()
    for run in state.runs:
        lab.lossPlot.add_earlier(run.losses, run.label)
    if lab.session is not None and (len(state.losses) or state.weights is not None):
        lab.session.restore(state.losses, state.params, state.weights)
        lab.plotsPanel.new_run(lab.session)
        lab.refresh()
    return lab.config() == state.settings.to_config()
