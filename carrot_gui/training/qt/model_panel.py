"""The Training lab's model and optimiser panel ("2 · Model and optimiser"): optimiser, learning rate with
what the mathematics says about it (:meth:`ModelPanel.show_advice`), momentum, weight decay, batch size, budget,
stopping threshold and init seed. It emits ``config_changed(TrainConfig)`` whenever a setting changes;
:class:`LogSpinBox` edits values that span decades.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts, widgets
from ...kit.widgets import LogSpinBox, add_rows, tip
from ..advice import LrAdvice
from ..session import OPTIMIZERS, TrainConfig

TR = "ModelPanel"  # the translation context of this panel's texts


class ModelPanel(QGroupBox):
    """The run settings; :meth:`config` reads them as a :class:`TrainConfig`."""

    config_changed = Signal(object)  # TrainConfig

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tip(self, "modelBox", "", TR, text="2 · Model and optimiser")
        self._build_optimiser()
        self._build_regularisers()
        self._build_budget()
        f = QFormLayout(self)
        add_rows(
            f,
            [
                self.modelLabel,
                (QT_TRANSLATE_NOOP(TR, "Optimiser"), self.optimizerCombo),
                (QT_TRANSLATE_NOOP(TR, "Learning rate"), self._lr_row),
                self.lrAdviceLabel,
                (QT_TRANSLATE_NOOP(TR, "Momentum"), self.momentumSpin),
                (QT_TRANSLATE_NOOP(TR, "Weight decay"), self.weightDecaySpin),
                (QT_TRANSLATE_NOOP(TR, "Batch size"), self.batchSizeSpin),
                (QT_TRANSLATE_NOOP(TR, "Train for"), self._budget_row),
                self._threshold_row,
                (QT_TRANSLATE_NOOP(TR, "Init seed"), self.initSeedSpin),
            ],
            TR,
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
            QLabel(""),
            "modelLabel",
            "The model: a pycarrot Linear layer, prediction = x @ weight + bias.",
            TR,
        )
        self.optimizerCombo = tip(
            QComboBox(),
            "optimizerCombo",
            "SGD: step = −learning rate × gradient. Adam: adaptive step sizes per parameter.",
            TR,
        )
        self.optimizerCombo.addItems(list(OPTIMIZERS))
        self.learningRateSpin = tip(
            LogSpinBox(1e-6, 100.0, 0.05),
            "learningRateSpin",
            "Step size (1e-6 to 100). Arrows go 0.01 → 0.02 → 0.05; type e.g. 1e-4. Too large and the loss diverges.",
            TR,
        )
        self._suggested_lr: float | None = None
        self.useSuggestedLrButton = tip(
            QPushButton(""),
            "useSuggestedLrButton",
            "Set the learning rate the mathematics suggests for this data (it converges).",
            TR,
        )
        self.useSuggestedLrButton.setVisible(False)
        self.useSuggestedLrButton.clicked.connect(self._use_suggested_lr)
        self._lr_row = lr_row = QHBoxLayout()
        lr_row.addWidget(self.learningRateSpin, 1)
        lr_row.addWidget(self.useSuggestedLrButton)
        self.lrAdviceLabel = tip(
            QLabel("", wordWrap=True),
            "lrAdviceLabel",
            "Which learning rates diverge on this data, from the loss's curvature (its Hessian).",
            TR,
        )

    def _build_regularisers(self) -> None:
        """Weight decay, momentum and batch size: the spin boxes below the learning rate."""
        self.weightDecaySpin = widgets.weight_decay_spin(
            "weightDecaySpin", "L2 penalty pulling the weights towards 0 (0 = none).", 10, TR
        )
        self.momentumSpin = widgets.momentum_spin(
            "momentumSpin", "SGD momentum in [0, 1): how much of the last step is kept (0 = plain SGD).", TR
        )
        self.batchSizeSpin = widgets.batch_size_spin(
            "batchSizeSpin",
            "Samples per step: 'full batch' uses all; smaller = mini-batch SGD (noisier steps).",
            1_000_000,
            TR,
            "full batch",
        )

    def _build_budget(self) -> None:
        self.budgetSpin = tip(
            QSpinBox(minimum=1, maximum=10_000_000, value=300),
            "budgetSpin",
            "How long to train before stopping by itself.",
            TR,
        )
        self.unitCombo = tip(
            QComboBox(),
            "budgetUnitCombo",
            "Count the budget in optimiser steps or in epochs (passes over the data).",
            TR,
        )
        for unit in ("steps", "epochs"):
            self.unitCombo.addItem(unit, unit)  # the data stays English (TrainConfig.unit), the text follows
        texts.follow(self._name_units)  # now and after every language switch
        self._budget_row = budget = QHBoxLayout()
        budget.addWidget(self.budgetSpin, 1)
        budget.addWidget(self.unitCombo)
        self.thresholdCheck = tip(
            QCheckBox(),
            "thresholdCheck",
            "Also stop as soon as the loss falls below this value.",
            TR,
            text="Stop below loss",
        )
        self.thresholdSpin = tip(
            LogSpinBox(1e-12, 1e12, 0.7), "thresholdSpin", "The loss threshold for stopping early.", TR
        )
        self.thresholdSpin.setEnabled(False)
        self.thresholdCheck.toggled.connect(self.thresholdSpin.setEnabled)
        self._threshold_row = threshold = QHBoxLayout()
        threshold.addWidget(self.thresholdCheck)
        threshold.addWidget(self.thresholdSpin, 1)
        self.initSeedSpin = widgets.seed_spin(
            "initSeedSpin", "Seed for the initial weights (pc.manual_seed) and the mini-batch order.", TR
        )

    def set_features(self, n_features: int) -> None:
        """Name the model for data with ``n_features`` inputs."""
        texts.bind(self.modelLabel.setText, TR, "Model: pycarrot Linear({n}, 1)", n=n_features)

    def _name_units(self) -> None:
        """The budget units' shown names in the current language (their data stays "steps"/"epochs")."""
        self.unitCombo.setItemText(0, translate(TR, "steps"))
        self.unitCombo.setItemText(1, translate(TR, "epochs"))

    def show_advice(self, advice: LrAdvice) -> None:
        """Say which rates diverge on this data (in the error colour when the chosen one is above an exact
        limit) and offer the suggested rate on a button when the chosen one is not safe."""
        lr = self.learningRateSpin.value()
        text = advice.hint
        over = advice.exact and advice.too_high(lr)
        if over:
            text = format_text(TR, "lr {lr:g} will diverge. {advice}", lr=lr, advice=text)
        self.lrAdviceLabel.setText(text)
        self.lrAdviceLabel.setToolTip(
            format_text(TR, "The limit is {why}.", why=advice.why) if advice.why else advice.hint
        )
        theme.set_tone(self.lrAdviceLabel, "error" if over else "muted")
        self._suggested_lr = advice.suggested
        risky = over or (advice.safe is not None and lr > advice.safe)
        show = advice.suggested is not None and risky  # a rate that is fine needs no better offer
        self.useSuggestedLrButton.setText(
            format_text(TR, "use {lr:g}", lr=advice.suggested) if advice.suggested else ""
        )
        self.useSuggestedLrButton.setVisible(show)

    def _use_suggested_lr(self) -> None:
        if self._suggested_lr is not None:
            self.learningRateSpin.setValue(self._suggested_lr)

    def config(self) -> TrainConfig:
        """The run settings shown in the controls."""
        return TrainConfig(
            optimizer=self.optimizerCombo.currentText(),
            learning_rate=self.learningRateSpin.value(),
            weight_decay=self.weightDecaySpin.value(),
            momentum=self.momentumSpin.value() if self.optimizerCombo.currentText() == "SGD" else 0.0,
            batch_size=self.batchSizeSpin.value(),
            budget=self.budgetSpin.value(),
            unit=self.unitCombo.currentData(),
            loss_threshold=self.thresholdSpin.value() if self.thresholdCheck.isChecked() else None,
            seed=self.initSeedSpin.value(),
        )

    def _changed(self, *_args) -> None:
        self.config_changed.emit(self.config())
