"""The Training lab's model and optimiser panel ("2 · Model and optimiser"): optimiser, learning rate,
momentum, weight decay, batch size, budget, stopping threshold and init seed. It emits
``config_changed(TrainConfig)`` whenever a setting changes; :class:`LogSpinBox` edits values that span decades.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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

from ...kit.widgets import LogSpinBox, add_rows, tip
from ..session import OPTIMIZERS, TrainConfig


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
