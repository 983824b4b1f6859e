"""The Training lab's model and optimiser panel ("2 · Model and optimiser"): optimiser, learning rate,
momentum, weight decay, batch size, budget, stopping threshold and init seed. It emits
``config_changed(TrainConfig)`` whenever a setting changes; :class:`LogSpinBox` edits values that span decades.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ...kit.widgets import add_rows, tip
from ..session import OPTIMIZERS, TrainConfig


class LogSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox for values spanning decades (a learning rate): shows ``0.05`` or ``1e-06``, accepts
    typed scientific notation, and the arrows walk 1-2-5 steps (0.01 → 0.02 → 0.05 → 0.1)."""

    def __init__(self, minimum: float, maximum: float, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(12)  # the stored value is not rounded to what is shown
        self.setRange(minimum, maximum)
        self.setValue(value)
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt override
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        s = text.strip()
        try:
            v = float(s)
        except ValueError:
            ok = s == "" or all(ch in "0123456789.eE+-" for ch in s)
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid, text, pos)
        if not math.isfinite(v):
            return (QValidator.State.Invalid, text, pos)
        if self.minimum() <= v <= self.maximum():
            return (QValidator.State.Acceptable, text, pos)
        return (QValidator.State.Intermediate, text, pos)

    def fixup(self, text: str) -> str:
        """A typed number out of range becomes the nearest bound (Qt's own correction jumps to the minimum:
        1000 would become 1e-06)."""
        try:
            v = float(text.strip())
        except ValueError:
            return text
        if not math.isfinite(v):
            return text
        return self.textFromValue(min(max(v, self.minimum()), self.maximum()))

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        v = self.value()
        for _ in range(abs(steps)):
            exp = math.floor(math.log10(v) + 1e-9)
            mant = v / 10**exp
            ladder = [1.0, 2.0, 5.0, 10.0]
            if steps > 0:
                nxt = next(m for m in ladder if m > mant + 1e-9)
                v = nxt * 10**exp
            else:
                lower = [m for m in (0.5, 1.0, 2.0, 5.0) if m < mant - 1e-9]
                v = lower[-1] * 10**exp
            v = float(f"{v:.6g}")
        self.setValue(min(max(v, self.minimum()), self.maximum()))


class ModelPanel(QGroupBox):
    """The run settings; :meth:`config` reads them as a :class:`TrainConfig`."""

    config_changed = Signal(object)  # TrainConfig

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("2 · Model and optimiser", parent)
        self.setObjectName("modelBox")
        self._build_optimiser()
        self._build_budget()
        f = QFormLayout(self)
        add_rows(
            f,
            [
                self.modelLabel,
                ("Optimiser", self.optimizerCombo),
                ("Learning rate", self.learningRateSpin),
                ("Momentum", self.momentumSpin),
                ("Weight decay", self.weightDecaySpin),
                ("Batch size", self.batchSizeSpin),
                ("Train for", self._budget_row),
                self._threshold_row,
                ("Init seed", self.initSeedSpin),
            ],
        )
        self.optimizerCombo.currentTextChanged.connect(
            lambda name: self.momentumSpin.setEnabled(name == "SGD")
        )
        for w in (self.learningRateSpin, self.weightDecaySpin, self.momentumSpin, self.thresholdSpin):
            w.valueChanged.connect(self._changed)
        for w in (self.batchSizeSpin, self.budgetSpin, self.initSeedSpin):
            w.valueChanged.connect(self._changed)
        for w in (self.optimizerCombo, self.unitCombo):
            w.currentIndexChanged.connect(self._changed)
        self.thresholdCheck.toggled.connect(self._changed)

    def _build_optimiser(self) -> None:
        self.modelLabel = tip(
            QLabel(""), "modelLabel", "The model: a pycarrot Linear layer, prediction = x @ weight + bias."
        )
        self.optimizerCombo = tip(
            QComboBox(),
            "optimizerCombo",
            "SGD: step = −learning rate × gradient. Adam: adaptive step sizes per parameter.",
        )
        self.optimizerCombo.addItems(list(OPTIMIZERS))
        self.learningRateSpin = tip(
            LogSpinBox(1e-6, 100.0, 0.05),
            "learningRateSpin",
            "Step size (1e-6 to 100). Arrows go 0.01 → 0.02 → 0.05; type e.g. 1e-4. Too large and the loss diverges.",
        )
        self.weightDecaySpin = tip(
            QDoubleSpinBox(), "weightDecaySpin", "L2 penalty pulling the weights towards 0 (0 = none)."
        )
        self.weightDecaySpin.setDecimals(4)
        self.weightDecaySpin.setRange(0, 10)
        self.weightDecaySpin.setSingleStep(0.001)
        self.momentumSpin = tip(
            QDoubleSpinBox(),
            "momentumSpin",
            "SGD momentum in [0, 1): how much of the last step is kept (0 = plain SGD).",
        )
        self.momentumSpin.setDecimals(3)
        self.momentumSpin.setRange(0, 0.999)
        self.momentumSpin.setSingleStep(0.1)
        self.batchSizeSpin = tip(
            QSpinBox(),
            "batchSizeSpin",
            "Samples per step: 'full batch' uses all; smaller = mini-batch SGD (noisier steps).",
        )
        self.batchSizeSpin.setRange(0, 1_000_000)
        self.batchSizeSpin.setSpecialValueText("full batch")

    def _build_budget(self) -> None:
        self.budgetSpin = tip(QSpinBox(), "budgetSpin", "How long to train before stopping by itself.")
        self.budgetSpin.setRange(1, 10_000_000)
        self.budgetSpin.setValue(300)
        self.unitCombo = tip(
            QComboBox(),
            "budgetUnitCombo",
            "Count the budget in optimiser steps or in epochs (passes over the data).",
        )
        self.unitCombo.addItems(["steps", "epochs"])
        self._budget_row = budget = QHBoxLayout()
        budget.addWidget(self.budgetSpin, 1)
        budget.addWidget(self.unitCombo)
        self.thresholdCheck = tip(
            QCheckBox("Stop below loss"),
            "thresholdCheck",
            "Also stop as soon as the loss falls below this value.",
        )
        self.thresholdSpin = tip(
            LogSpinBox(1e-12, 1e12, 0.7), "thresholdSpin", "The loss threshold for stopping early."
        )
        self.thresholdSpin.setEnabled(False)
        self.thresholdCheck.toggled.connect(self.thresholdSpin.setEnabled)
        self._threshold_row = threshold = QHBoxLayout()
        threshold.addWidget(self.thresholdCheck)
        threshold.addWidget(self.thresholdSpin, 1)
        self.initSeedSpin = tip(
            QSpinBox(),
            "initSeedSpin",
            "Seed for the initial weights (pc.manual_seed) and the mini-batch order.",
        )
        self.initSeedSpin.setRange(0, 2**31 - 1)

    def set_features(self, n_features: int) -> None:
        """Name the model for data with ``n_features`` inputs."""
        self.modelLabel.setText(f"Model: pycarrot Linear({n_features}, 1)")

    def config(self) -> TrainConfig:
        """The run settings shown in the controls."""
        return TrainConfig(
            optimizer=self.optimizerCombo.currentText(),
            learning_rate=self.learningRateSpin.value(),
            weight_decay=self.weightDecaySpin.value(),
            momentum=self.momentumSpin.value() if self.optimizerCombo.currentText() == "SGD" else 0.0,
            batch_size=self.batchSizeSpin.value(),
            budget=self.budgetSpin.value(),
            unit=self.unitCombo.currentText(),
            loss_threshold=self.thresholdSpin.value() if self.thresholdCheck.isChecked() else None,
            seed=self.initSeedSpin.value(),
        )

    def _changed(self, *_args) -> None:
        self.config_changed.emit(self.config())
