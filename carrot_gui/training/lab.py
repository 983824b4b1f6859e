"""The Training lab: SGD (or Adam) fits a line with pycarrot while the loss, the fit, the MSE surface and
the parameters are drawn live.

Design (see the README): training runs on the GUI thread in time slices — a zero-interval ``QTimer``
runs :meth:`TrainingSession.run_for` for at most ``SLICE_SECONDS`` per tick and returns to the event loop,
and a separate refresh timer repaints the plots every ``REFRESH_MS`` from the session's history buffers.
A pure-Python loop in a worker thread would hold the interpreter lock (100–200 ms GUI latency measured);
a slice keeps every event within a few milliseconds, needs no thread or process to shut down, and is
deterministic, so the lab's weights equal a headless run's bit for bit.
"""

from __future__ import annotations

import csv
import math
import os
import time

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import pycarrot as pc
from carrot_gui.kit.widgets import tip

from .. import theme
from .data import (
    CsvTable,
    DataError,
    Dataset,
    find_examples,
    make_synthetic,
    parse_slopes,
    read_csv,
    standardise,
)
from .history import IncrementalEma
from .plots import DataPlot, LossPlot, ParamPlot, SurfacePlot
from .session import CONVERGED, DIVERGED, FINISHED, RUNNING, TrainConfig, TrainingSession
from .surface import surface_around

SLICE_SECONDS = 0.005  # training work per event-loop turn (latency p99 stays well under 20 ms)
SLOW_STEP_SECONDS = 0.02  # a single step longer than this breaks the latency target: the lab says so
REFRESH_MS = 30  # plot repaint period while training (33 Hz: smooth to the eye, leaves ~80 % to training)


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


def _with_legend(plot, name: str) -> QWidget:
    """A small plot with its legend bar underneath, as one grid cell (and one exported PNG)."""
    box = QWidget()
    box.setObjectName(name)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(plot, 1)
    layout.addWidget(plot.legendLabel)
    plot.legendLabel.setAutoFillBackground(True)
    return box


class TrainingLab(QWidget):
    """The "Training" tab. ``sendToExpression(nodes, title)`` carries one step's graph to the Expression lab."""

    sendToExpression = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingLab")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Space / → / Ctrl+R reach it when the tab opens
        self.data: Dataset = make_synthetic(100, 2.0, 1.0, 0.8, seed=0)
        self._raw_data: Dataset = self.data
        self._csv: CsvTable | None = None
        self._target_row: int | None = None  # the feature-list row greyed out as the target
        self._target_was = Qt.CheckState.Checked  # its tick before it became the target
        self.session: TrainingSession | None = None
        self.inspected_step: int | None = None
        self._loaded_state: dict | None = None  # weights from "Load model…" that new runs start from
        self._slow_noted = False  # told the user that single steps are slow (huge full batches)
        self._status_error = False  # the status line shows an error (red)
        self._smooth = IncrementalEma(0.6)
        self._build()
        self._train_timer = QTimer(self)
        self._train_timer.setInterval(0)
        self._train_timer.timeout.connect(self._train_slice)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._refresh_timer.timeout.connect(self.refresh)
        self._apply_data(self.data, reset_runs=True)
        self.refresh_theme()

    # ------------------------------------------------------------------------------------------------
    # building the widgets
    # ------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        controls = QWidget()
        side = QVBoxLayout(controls)
        side.setContentsMargins(4, 4, 4, 4)
        side.addWidget(self._build_data_box())
        side.addWidget(self._build_model_box())
        side.addWidget(self._build_files_box())
        side.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("trainingControls")
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._controls, self._controls_scroll = controls, scroll

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 4, 4, 4)
        rl.addLayout(self._build_run_row())
        rl.addWidget(self.trainingStatusLabel)
        rl.addLayout(self._build_loss_options())
        self.lossPlot = LossPlot()
        # the crosshair readout floats at the top of the loss plot, under its title: readable on a
        # projector, and it never crowds the rows of controls (where it used to be cut off)
        self.hoverLabel = tip(QLabel("", self.lossPlot), "lossReadout", "The loss under the mouse.")
        self.hoverLabel.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hoverLabel.hide()
        self.dataPlot = DataPlot()
        self.surfacePlot = SurfacePlot()
        self.paramPlot = ParamPlot()
        grid = QGridLayout()
        grid.addWidget(self.lossPlot, 0, 0, 1, 3)
        grid.addWidget(self.surfacePlot, 1, 1)
        self.dataPlotBox = _with_legend(self.dataPlot, "dataPlotBox")
        self.paramBox = _with_legend(self.paramPlot, "paramBox")
        grid.addWidget(self.dataPlotBox, 1, 0)
        grid.addWidget(self.paramBox, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        rl.addLayout(grid, 1)
        rl.addLayout(self._build_inspect_row())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.lossPlot.stepClicked.connect(self.inspect_step)
        self.lossPlot.hovered.connect(self._show_hover)
        QShortcut(
            QKeySequence(Qt.Key.Key_Space),
            self,
            self.toggle_training,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Right),
            self,
            self.step_once,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Ctrl+R"),
            self,
            self.reset_training,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _build_data_box(self) -> QGroupBox:
        box = QGroupBox("1 · Data")
        box.setObjectName("dataBox")
        v = QVBoxLayout(box)
        self.dataSourceTabs = tip(
            QTabWidget(), "dataSourceTabs", "Make up data with a known line, or load a CSV file."
        )
        # synthetic
        syn = QWidget()
        f = QFormLayout(syn)
        self.samplesSpin = tip(
            QSpinBox(),
            "samplesSpin",
            "How many (x, y) points to generate (up to 100,000: a full-batch step then stays a few ms).",
        )
        self.samplesSpin.setRange(2, 100_000)
        self.samplesSpin.setValue(100)
        self.featuresSpin = tip(
            QSpinBox(), "featuresSpin", "Number of input features x (1 draws a line; more: a plane)."
        )
        self.featuresSpin.setRange(1, 16)
        self.trueSlopesEdit = tip(
            QLineEdit("2"),
            "trueSlopesEdit",
            "The true slope(s): one number, or one per feature separated by commas.",
        )
        self.trueInterceptSpin = tip(
            QDoubleSpinBox(), "trueInterceptSpin", "The true intercept (bias) of the line."
        )
        self.trueInterceptSpin.setRange(-1000, 1000)
        self.trueInterceptSpin.setValue(1.0)
        self.noiseSpin = tip(
            QDoubleSpinBox(), "noiseSpin", "Standard deviation σ of the Gaussian noise added to y."
        )
        self.noiseSpin.setRange(0, 1000)
        self.noiseSpin.setValue(0.8)
        self.dataSeedSpin = tip(
            QSpinBox(), "dataSeedSpin", "Random seed: the same seed gives the same points."
        )
        self.dataSeedSpin.setRange(0, 2**31 - 1)
        self.generateButton = tip(
            QPushButton("Generate data"),
            "generateDataButton",
            "Make a new dataset with these settings (resets training).",
        )
        self.generateButton.clicked.connect(lambda: self.generate_data())
        f.addRow("Samples", self.samplesSpin)
        f.addRow("Features", self.featuresSpin)
        f.addRow("True slope(s)", self.trueSlopesEdit)
        f.addRow("True intercept", self.trueInterceptSpin)
        f.addRow("Noise σ", self.noiseSpin)
        f.addRow("Seed", self.dataSeedSpin)
        f.addRow(self.generateButton)
        self.dataSourceTabs.addTab(syn, "Synthetic")
        # csv
        csvw = QWidget()
        c = QFormLayout(csvw)
        self.examples = find_examples()
        self.exampleCombo = tip(
            QComboBox(),
            "exampleDatasetCombo",
            "Example CSV files that come with PyCarrot: pick one to load it (last column = target).",
        )
        # long titles are cut in the box (shown whole in its list), so they never widen the panel
        self.exampleCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.exampleCombo.setMinimumContentsLength(16)
        if self.examples:
            self.exampleCombo.addItem("Pick an example dataset…")
            for ex in self.examples:
                self.exampleCombo.addItem(ex.title, ex.path)
                self.exampleCombo.setItemData(
                    self.exampleCombo.count() - 1, ex.hint or ex.path, Qt.ItemDataRole.ToolTipRole
                )
        else:
            self.exampleCombo.addItem("No example datasets installed")
            self.exampleCombo.setEnabled(False)
        self.exampleCombo.activated.connect(self._example_chosen)
        self.openCsvButton = tip(
            QPushButton("Open CSV…"),
            "openCsvButton",
            "Read a CSV file; then choose the target and feature columns.",
        )
        self.openCsvButton.clicked.connect(self._open_csv_dialog)
        self.csvHeaderCheck = tip(
            QCheckBox("First row is a header"),
            "csvHeaderCheck",
            "Whether the file's first row holds column names.",
        )
        self.csvHeaderCheck.setChecked(True)
        self.csvHeaderCheck.toggled.connect(self._reread_csv)
        self.csvTargetCombo = tip(QComboBox(), "csvTargetCombo", "The column the model should predict (y).")
        self.csvTargetCombo.currentIndexChanged.connect(self._target_changed)
        self.csvTargetCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.csvTargetCombo.setMinimumContentsLength(10)  # a long column name does not widen the panel
        self.csvFeatureList = tip(
            QListWidget(), "csvFeatureList", "Tick the columns to use as input features (x)."
        )
        self.useCsvButton = tip(
            QPushButton("Use these columns"),
            "useCsvButton",
            "Load the chosen columns as the dataset (resets training).",
        )
        self.useCsvButton.clicked.connect(lambda: self.use_csv_columns())
        self.csvFileLabel = tip(QLabel("No file opened."), "csvFileLabel", "The CSV file that was read.")
        self.csvFileLabel.setWordWrap(True)
        c.addRow(self.exampleCombo)
        c.addRow(self.openCsvButton)
        c.addRow(self.csvFileLabel)
        c.addRow(self.csvHeaderCheck)
        c.addRow("Target", self.csvTargetCombo)
        c.addRow("Features", self.csvFeatureList)
        c.addRow(self.useCsvButton)
        self.dataSourceTabs.addTab(csvw, "CSV file")
        v.addWidget(self.dataSourceTabs)
        self.dataSourceTabs.currentChanged.connect(self._fit_data_tabs)
        self.standardiseCheck = tip(
            QCheckBox("Standardise features"),
            "standardiseCheck",
            "Shift each feature to mean 0 and scale it to spread 1: SGD then converges with larger learning rates.",
        )
        self.standardiseCheck.toggled.connect(self._standardise_toggled)
        v.addWidget(self.standardiseCheck)
        self.dataInfoLabel = tip(QLabel(""), "dataInfoLabel", "The dataset in use.")
        self.dataInfoLabel.setWordWrap(True)
        self.dataMessageLabel = tip(QLabel(""), "dataMessageLabel", "Problems with the data show here.")
        self.dataMessageLabel.setWordWrap(True)
        self.dataMessageLabel.setStyleSheet(f"color: {theme.current().error};")
        v.addWidget(self.dataInfoLabel)
        v.addWidget(self.dataMessageLabel)
        return box

    def _file_message(self, text: str, error: bool = False) -> None:
        """Say what the last file operation did (in the error colour when it failed)."""
        self.fileMessageLabel.setStyleSheet(f"color: {theme.current().error};" if error else "")
        self.fileMessageLabel.setText(text)

    def _data_message(self, text: str) -> None:
        """Show a problem with the data under the data box (the label takes no room when all is well)."""
        self.dataMessageLabel.setText(text)
        self.dataMessageLabel.setVisible(bool(text))

    def _fit_data_tabs(self, *_args) -> None:
        """Size the data tabs to the page shown, not the tallest page (keeps the Files box on screen)."""
        tabs = self.dataSourceTabs
        page = tabs.currentWidget()
        if page is None:
            return
        page.layout().activate()
        width = max(page.width(), page.minimumSizeHint().width())
        inner = page.layout().totalHeightForWidth(width)
        if inner < 0:
            inner = page.sizeHint().height()
        tabs.setFixedHeight(tabs.tabBar().sizeHint().height() + inner + 6)

    def _build_model_box(self) -> QGroupBox:
        box = QGroupBox("2 · Model and optimiser")
        box.setObjectName("modelBox")
        f = QFormLayout(box)
        self.modelLabel = tip(
            QLabel(""), "modelLabel", "The model: a pycarrot Linear layer, prediction = x @ weight + bias."
        )
        self.optimizerCombo = tip(
            QComboBox(),
            "optimizerCombo",
            "SGD: step = −learning rate × gradient. Adam: adaptive step sizes per parameter.",
        )
        self.optimizerCombo.addItems(["SGD", "Adam"])
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
        self.budgetSpin = tip(QSpinBox(), "budgetSpin", "How long to train before stopping by itself.")
        self.budgetSpin.setRange(1, 10_000_000)
        self.budgetSpin.setValue(300)
        self.unitCombo = tip(
            QComboBox(),
            "budgetUnitCombo",
            "Count the budget in optimiser steps or in epochs (passes over the data).",
        )
        self.unitCombo.addItems(["steps", "epochs"])
        budget = QHBoxLayout()
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
        threshold = QHBoxLayout()
        threshold.addWidget(self.thresholdCheck)
        threshold.addWidget(self.thresholdSpin, 1)
        self.initSeedSpin = tip(
            QSpinBox(),
            "initSeedSpin",
            "Seed for the initial weights (pc.manual_seed) and the mini-batch order.",
        )
        self.initSeedSpin.setRange(0, 2**31 - 1)
        f.addRow(self.modelLabel)
        f.addRow("Optimiser", self.optimizerCombo)
        f.addRow("Learning rate", self.learningRateSpin)
        f.addRow("Momentum", self.momentumSpin)
        f.addRow("Weight decay", self.weightDecaySpin)
        f.addRow("Batch size", self.batchSizeSpin)
        f.addRow("Train for", budget)
        f.addRow(threshold)
        f.addRow("Init seed", self.initSeedSpin)
        self.optimizerCombo.currentTextChanged.connect(
            lambda name: self.momentumSpin.setEnabled(name == "SGD")
        )
        for w in (self.learningRateSpin, self.weightDecaySpin, self.momentumSpin, self.thresholdSpin):
            w.valueChanged.connect(self._settings_changed)
        for w in (self.batchSizeSpin, self.budgetSpin, self.initSeedSpin):
            w.valueChanged.connect(self._settings_changed)
        for w in (self.optimizerCombo, self.unitCombo):
            w.currentIndexChanged.connect(self._settings_changed)
        self.thresholdCheck.toggled.connect(self._settings_changed)
        return box

    def _build_files_box(self) -> QGroupBox:
        box = QGroupBox("Files")
        box.setObjectName("filesBox")
        g = QGridLayout(box)
        self.saveModelButton = tip(
            QPushButton("Save model…"),
            "saveModelButton",
            "Write the weights with pycarrot.save (a .npz file).",
        )
        self.loadModelButton = tip(
            QPushButton("Load model…"),
            "loadModelButton",
            "Read weights saved earlier (pycarrot.load) into the model.",
        )
        self.exportLossButton = tip(
            QPushButton("Loss as CSV…"),
            "exportLossCsvButton",
            "Export step, loss, smoothed loss and parameters as CSV.",
        )
        self.exportPngButton = tip(
            QPushButton("Plots as PNG…"),
            "exportPngButton",
            "Save each of the four plots as a PNG image in a folder.",
        )
        self.sendButton = tip(
            QPushButton("Backward of one step ▸ Expression lab"),
            "sendToExpressionButton",
            "Open this training step's graph (4 samples) in the Expression lab to step through its backward pass.",
        )
        self.saveModelButton.clicked.connect(self._save_dialog)
        self.loadModelButton.clicked.connect(self._load_dialog)
        self.exportLossButton.clicked.connect(self._export_csv_dialog)
        self.exportPngButton.clicked.connect(self._export_png_dialog)
        self.sendButton.clicked.connect(lambda: self.send_step_to_expression())
        g.addWidget(self.saveModelButton, 0, 0)
        g.addWidget(self.loadModelButton, 0, 1)
        g.addWidget(self.exportLossButton, 1, 0)
        g.addWidget(self.exportPngButton, 1, 1)
        self.fileMessageLabel = tip(QLabel(""), "fileMessageLabel", "What the last file operation did.")
        self.fileMessageLabel.setWordWrap(True)
        g.addWidget(self.fileMessageLabel, 2, 0, 1, 2)
        return box

    def _build_run_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.trainButton = tip(QPushButton("▶ Train"), "trainButton", "Start or pause training (Space).")
        self.trainButton.setCheckable(True)
        self.trainButton.clicked.connect(self._train_clicked)
        self.trainStepButton = tip(
            QPushButton("Step ▸"), "trainStepButton", "Run exactly one optimiser step (→)."
        )
        self.trainStepButton.clicked.connect(lambda: self.step_once())
        self.resetTrainingButton = tip(
            QPushButton("⟲ Reset"),
            "resetTrainingButton",
            "New initial weights and an empty history; the last run stays as a faded curve (Ctrl+R).",
        )
        self.resetTrainingButton.clicked.connect(lambda: self.reset_training())
        for b in (self.trainButton, self.trainStepButton, self.resetTrainingButton):
            b.setMinimumHeight(32)
        self.progressLabel = tip(QLabel(""), "progressLabel", "Steps done, epoch and the latest loss.")
        self.progressLabel.setMinimumWidth(60)  # long text is cut rather than widening the window
        self.progressLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(QLabel("3 · Run:"))
        row.addWidget(self.trainButton)
        row.addWidget(self.trainStepButton)
        row.addWidget(self.resetTrainingButton)
        row.addSpacing(12)
        row.addWidget(self.progressLabel, 1)
        row.addWidget(self.sendButton)
        self.trainingStatusLabel = tip(
            QLabel(""), "trainingStatusLabel", "What training is doing, and why it stopped."
        )
        self.trainingStatusLabel.setWordWrap(True)
        return row

    def _build_loss_options(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.logYCheck = tip(QCheckBox("Log y"), "logYCheck", "Show the loss on a logarithmic axis.")
        self.logYCheck.toggled.connect(self._log_toggled)
        self.smoothingSlider = tip(
            QSlider(Qt.Orientation.Horizontal),
            "smoothingSlider",
            "Smoothing of the solid curve: exponential moving average weight 0–0.999.",
        )
        self.smoothingSlider.setRange(0, 999)
        self.smoothingSlider.setValue(600)
        self.smoothingSlider.setMaximumWidth(180)
        self.smoothingSlider.valueChanged.connect(self._smoothing_changed)
        self.smoothingLabel = tip(QLabel("0.600"), "smoothingLabel", "The smoothing weight.")
        self.outliersCheck = tip(
            QCheckBox("Ignore outliers"),
            "ignoreOutliersCheck",
            "Fit the y axis to the bulk of the curve, not to a few huge early losses.",
        )
        self.outliersCheck.toggled.connect(self._outliers_toggled)
        self.clearRunsButton = tip(
            QPushButton("Clear earlier runs"), "clearRunsButton", "Remove the faded curves of earlier runs."
        )
        self.clearRunsButton.clicked.connect(self.lossPlot_clear_earlier)
        self.fitViewButton = tip(
            QPushButton("Fit view"),
            "fitViewButton",
            "Follow the run again after you zoomed or panned a plot.",
        )
        self.fitViewButton.clicked.connect(self.fit_views)
        row.addWidget(self.logYCheck)
        row.addSpacing(8)
        row.addWidget(QLabel("Smoothing"))
        row.addWidget(self.smoothingSlider)
        row.addWidget(self.smoothingLabel)
        row.addSpacing(8)
        row.addWidget(self.outliersCheck)
        row.addWidget(self.clearRunsButton)
        row.addWidget(self.fitViewButton)
        row.addStretch(1)
        return row

    def _build_inspect_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.paramsLabel = tip(
            QLabel(""), "paramsLabel", "The model's parameters (now, or at the step you clicked)."
        )
        self.paramsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.liveButton = tip(
            QPushButton("Back to live"),
            "backToLiveButton",
            "Stop inspecting a past step; show the model as it is now.",
        )
        self.liveButton.setVisible(False)
        self.liveButton.clicked.connect(lambda: self.inspect_step(None))
        self.paramsLabel.setMinimumHeight(
            self.liveButton.sizeHint().height()
        )  # no jump when the button shows
        row.addWidget(self.paramsLabel, 1)
        row.addWidget(self.liveButton)
        return row

    # ------------------------------------------------------------------------------------------------
    # data
    # ------------------------------------------------------------------------------------------------
    def generate_data(self) -> bool:
        """Make a synthetic dataset from the controls; on bad input show why and keep the old data."""
        try:
            slopes = parse_slopes(self.trueSlopesEdit.text())
            d = self.featuresSpin.value()
            if len(slopes) not in (1, d):
                raise DataError(f"{len(slopes)} slopes for {d} features: give one, or one per feature")
            data = make_synthetic(
                self.samplesSpin.value(),
                slopes,
                self.trueInterceptSpin.value(),
                self.noiseSpin.value(),
                n_features=d,
                seed=self.dataSeedSpin.value(),
            )
        except DataError as exc:
            self._data_message(str(exc))
            return False
        self._apply_data(data)
        return True

    def open_csv(self, path: str) -> bool:
        """Read a CSV and offer its columns (the dataset changes only on "Use these columns")."""
        try:
            table = read_csv(path, None)
        except DataError as exc:
            self._data_message(f"CSV not loaded — {exc}. The previous data is kept.")
            return False
        self._csv = table
        self.csvHeaderCheck.blockSignals(True)
        self.csvHeaderCheck.setChecked(table.has_header)
        self.csvHeaderCheck.blockSignals(False)
        self._fill_columns()
        self.csvFileLabel.setText(
            f"{os.path.basename(path)}: {len(table.rows)} rows, {len(table.columns)} columns"
        )
        self._data_message("")
        self.dataSourceTabs.setCurrentIndex(1)
        if self.examples:
            self.exampleCombo.setCurrentIndex(0)  # the user's own file (open_example re-selects its entry)
        self._fit_data_tabs()
        return True

    def _example_chosen(self, index: int) -> None:
        if index > 0:
            self.open_example(index - 1)

    def open_example(self, index: int) -> bool:
        """Load example dataset ``index`` of :attr:`examples` (last column = target, the others = features)
        and say what to try with it."""
        ex = self.examples[index]
        if not self.load_csv(ex.path):
            return False
        self.exampleCombo.setCurrentIndex(index + 1)
        if ex.hint:
            self.csvFileLabel.setText(f"{self.csvFileLabel.text()}. {ex.hint}")
            self._fit_data_tabs()
        return True

    def _reread_csv(self, has_header: bool) -> None:
        if self._csv is None:
            return
        try:
            table = read_csv(self._csv.path, has_header)
        except DataError as exc:
            self._data_message(f"CSV not re-read — {exc}")
            return
        self._csv = table
        self._fill_columns()

    def _fill_columns(self) -> None:
        table = self._csv
        assert table is not None
        numeric = table.numeric_columns()
        target = self._default_target(table)
        self.csvTargetCombo.blockSignals(True)
        self.csvTargetCombo.clear()
        self.csvTargetCombo.addItems(list(table.columns))
        self.csvTargetCombo.setCurrentIndex(target)
        self.csvTargetCombo.blockSignals(False)
        self.csvFeatureList.clear()
        for name, is_number in zip(table.columns, numeric):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if is_number else Qt.CheckState.Unchecked)
            if not is_number:
                item.setToolTip("This column has cells that are not numbers (names, dates…).")
            self.csvFeatureList.addItem(item)
        self._target_row = None  # by default: the last numeric column is the target, the other numeric
        self._target_changed(target)  # columns are the features
        self._target_was = Qt.CheckState.Checked

    @staticmethod
    def _default_target(table: CsvTable) -> int:
        """The last column whose cells are numbers (the last column when none is)."""
        numeric = table.numeric_columns()
        return max((i for i, ok in enumerate(numeric) if ok), default=len(table.columns) - 1)

    def _target_changed(self, index: int) -> None:
        """The target column cannot also be a feature: its item is unticked and greyed out; the column that
        stops being the target gets back the tick it had (so arrowing through the list loses no ticks)."""
        old = self.csvFeatureList.item(self._target_row) if self._target_row is not None else None
        if old is not None:
            old.setFlags(old.flags() | Qt.ItemFlag.ItemIsEnabled)
            old.setCheckState(self._target_was)
            old.setToolTip("")
        item = self.csvFeatureList.item(index)
        self._target_row = index if item is not None else None
        if item is not None:
            self._target_was = item.checkState()
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip("This column is the target; choose another target to use it as a feature.")

    def use_csv_columns(self) -> bool:
        """Turn the chosen CSV columns into the dataset; a bad cell or choice shows why and changes nothing."""
        if self._csv is None:
            self._data_message("Open a CSV file first.")
            return False
        features = [
            self.csvFeatureList.item(i).text()
            for i in range(self.csvFeatureList.count())
            if self.csvFeatureList.item(i).checkState() == Qt.CheckState.Checked
        ]
        try:
            data = self._csv.to_dataset(self.csvTargetCombo.currentText(), features)
        except DataError as exc:
            self._data_message(f"CSV not loaded — {exc}. The previous data is kept.")
            return False
        self._apply_data(data)
        return True

    def load_csv(
        self, path: str, target: str | int | None = None, features: list[str | int] | None = None
    ) -> bool:
        """Open ``path`` and use ``target``/``features`` in one go (default: the last numeric column / the
        other numeric columns)."""
        if not self.open_csv(path):
            return False
        table = self._csv
        assert table is not None
        try:
            t = table._index(target if target is not None else self._default_target(table), "target")
            numeric = table.numeric_columns()
            chosen = (
                features
                if features is not None
                else [c for i, c in enumerate(table.columns) if i != t and numeric[i]]
            )
            idx = {table._index(c, "feature") for c in chosen}
        except DataError as exc:
            self._data_message(f"CSV not loaded — {exc}. The previous data is kept.")
            return False
        self.csvTargetCombo.setCurrentIndex(t)
        for i in range(self.csvFeatureList.count()):
            self.csvFeatureList.item(i).setCheckState(
                Qt.CheckState.Checked if i in idx else Qt.CheckState.Unchecked
            )
        return self.use_csv_columns()

    def _standardise_toggled(self, _on: bool) -> None:
        self._apply_data(self._raw_data, keep_raw=True)

    def _apply_data(self, data: Dataset, reset_runs: bool = True, keep_raw: bool = False) -> None:
        if not keep_raw:
            self._raw_data = data
        self.data = standardise(data) if self.standardiseCheck.isChecked() else data
        self._data_message("")
        self.dataInfoLabel.setText(self.data.describe())
        true_line = None
        if self.data.true_weight is not None and self.data.n_features == 1:
            true_line = (self.data.true_weight, self.data.true_bias)
        axis_names = self.data.feature_names
        if self.data.standardised:  # the x axis is in standard deviations now, not the file's units
            axis_names = tuple(f"{n} (standardised)" for n in axis_names)
        self.dataPlot.set_data(self.data.x, self.data.y, axis_names, self.data.target_name, true_line)
        self.paramPlot.set_names(
            [f"w {n}" if self.data.n_features > 1 else "weight" for n in self.data.feature_names] + ["bias"]
        )
        if reset_runs:
            self.lossPlot.clear_earlier()
        self.modelLabel.setText(f"Model: pycarrot Linear({self.data.n_features}, 1)")
        self.reset_training(archive=False)

    # ------------------------------------------------------------------------------------------------
    # training
    # ------------------------------------------------------------------------------------------------
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

    @property
    def is_training(self) -> bool:
        return self._train_timer.isActive()

    def _settings_changed(self, *_args) -> None:
        """A setting changed: before the first step the run simply restarts with it; later it applies at the
        next Train (as a new run, the current one kept as a faded curve) or Reset."""
        if self.session is not None and self.session.steps_done == 0 and not self.is_training:
            self.reset_training(archive=False, keep_loaded=True)
        elif self.session is not None and self.session.config != self.config():
            self._set_status(
                "Settings changed: press Train to start a new run with them (the current run stays as a faded curve)."
            )

    def reset_training(self, archive: bool = True, keep_loaded: bool = False) -> None:
        """A fresh run with the current settings; the old one becomes a faded curve. It starts from new
        initial weights, or with ``keep_loaded`` from the model loaded last (a changed setting or a new run
        by Train keeps a loaded model; the Reset button and new data forget it)."""
        self.pause()
        if archive and self.session is not None and self.session.steps_done > 0:
            self._archive_run()
        if not keep_loaded:
            self._loaded_state = None
        try:
            self.session = TrainingSession(self.data, self.config())
        except ValueError as exc:
            self.session = None
            self._set_status(str(exc), error=True)
            return
        if self._loaded_state is not None:
            self.session.model.load_state_dict(self._loaded_state)
        self._smooth.reset(self._smoothing())
        self.lossPlot.reset_run()
        self.paramPlot.reset_run()
        self.inspect_step(None)
        self.surfacePlot.set_surface(None, "")
        if self.data.n_features == 1:
            pts = [(float(self.session.weight[0, 0]), float(self.session.bias[0]))]
            if self.data.true_weight is not None:
                pts.append((float(self.data.true_weight[0]), float(self.data.true_bias)))
            self.surfacePlot.set_surface(surface_around(self.data.x, self.data.y, pts))
        else:
            self.surfacePlot.set_surface(None, "The MSE surface is drawn\nfor one feature only")
        self._set_status(self._run_message())
        self.refresh()

    def _archive_run(self) -> None:
        s = self.session
        assert s is not None
        losses = s.losses.view()
        finite = losses[np.isfinite(losses)]
        label = f"{s.config.optimizer} lr={s.config.learning_rate:g}"
        if s.state == DIVERGED:
            label += " (diverged)"
        self.lossPlot.add_earlier(finite, label)

    def fit_views(self) -> None:
        """Let the loss and parameter plots follow the run again (after the user zoomed or panned)."""
        self.lossPlot.follow.resume()
        self.paramPlot.follow.resume()
        self.refresh()

    def lossPlot_clear_earlier(self) -> None:  # noqa: N802 - reads as the button's action
        self.lossPlot.clear_earlier()

    def _train_clicked(self, checked: bool) -> None:
        if checked:
            self.start()
        else:
            self.pause()

    def toggle_training(self) -> None:
        if self.is_training:
            self.pause()
        else:
            self.start()

    def _ensure_runnable(self) -> bool:
        """Before Train/Step: a new run if the settings changed or the last run diverged (the old one kept
        as a faded curve); another budget of steps/epochs if it finished; a new run if it converged."""
        s = self.session
        if s is None or s.config != self.config() or s.state in (DIVERGED, CONVERGED):
            self.reset_training(archive=True, keep_loaded=True)
        elif s.state == FINISHED:
            s.extend(s.config.budget)
        return self.session is not None and self.session.state == RUNNING

    def start(self) -> None:
        """Start (or resume) training on the time-sliced timer."""
        if self.is_training:
            return
        if not self._ensure_runnable():
            self.trainButton.setChecked(False)
            return
        self.inspect_step(None)
        self._slow_noted = False
        self._train_timer.start()
        self._refresh_timer.start()
        self.trainButton.setChecked(True)
        self.trainButton.setText("❚❚ Pause")  # ❚ is in DejaVu Sans; ⏸ shows as a box
        self._set_status("Training… (Space pauses)")

    def pause(self) -> None:
        """Stop after the current slice and paint the final state at once (no backlog to drain)."""
        was = self._train_timer.isActive()
        self._train_timer.stop()
        self._refresh_timer.stop()
        self.trainButton.setChecked(False)
        self.trainButton.setText("▶ Train")
        if was and self.session is not None:
            self._set_status(
                self._run_message() if self.session.finished else f"Paused at step {self.session.steps_done}."
            )
            self.refresh()

    def step_once(self) -> None:
        """Exactly one optimiser step (pauses a running training first)."""
        self.pause()
        if not self._ensure_runnable():
            return
        assert self.session is not None
        self.session.step()
        self._set_status(
            self._run_message() if self.session.finished else f"Stepped to step {self.session.steps_done}.",
            error=self.session.state == DIVERGED,
        )
        self.refresh()

    def _train_slice(self) -> None:
        s = self.session
        if s is None:
            self.pause()
            return
        t0 = time.perf_counter()
        done = s.run_for(SLICE_SECONDS)
        took = time.perf_counter() - t0
        if done == 1 and took > SLOW_STEP_SECONDS and not self._slow_noted and not s.finished:
            self._slow_noted = True  # say once per start why the window reacts slowly, and what helps
            self._set_status(
                f"Training… one step on {s.batch_size:,} samples takes {took * 1e3:.0f} ms, so the window "
                "reacts slowly while training: a smaller Batch size (mini-batch) makes steps fast again."
            )
        if s.finished:
            self._train_timer.stop()
            self._refresh_timer.stop()
            self.trainButton.setChecked(False)
            self.trainButton.setText("▶ Train")
            self._set_status(self._run_message(), error=s.state == DIVERGED)
            self.refresh()

    def _run_message(self) -> str:
        """The session's sentence about the run, plus what to look at in the lab after a divergence."""
        assert self.session is not None
        text = self.session.message()
        if self.session.state == DIVERGED and not self.logYCheck.isChecked():
            text += " Tick Log y to see the whole curve."
        return text

    def _set_status(self, text: str, error: bool = False) -> None:
        self._status_error = error
        colour = theme.current().error if error else theme.current().text
        self.trainingStatusLabel.setStyleSheet(
            f"color: {colour}; font-weight: {'bold' if error else 'normal'};"
        )
        self.trainingStatusLabel.setText(text)

    # ------------------------------------------------------------------------------------------------
    # painting
    # ------------------------------------------------------------------------------------------------
    def refresh_theme(self) -> None:
        """Repaint the plots and labels in the current theme (projector mode, larger text)."""
        for plot in (self.lossPlot, self.dataPlot, self.surfacePlot, self.paramPlot):
            plot.apply_theme()
        self._controls.ensurePolished()
        lst = self.csvFeatureList  # four rows of columns in view, at any text size
        lst.setMaximumHeight(4 * (lst.fontMetrics().height() + 4) + 2 * lst.frameWidth())
        self._fit_data_tabs()
        self._controls_scroll.setMinimumWidth(self._controls.sizeHint().width() + 24)  # no clipped controls
        self.dataMessageLabel.setStyleSheet(f"color: {theme.current().error};")
        t = theme.current()
        self.hoverLabel.setStyleSheet(
            f"color: {t.text}; background: rgba(255, 255, 255, 225); border: 1px solid {t.grid};"
            f" border-radius: 3px; padding: 1px 6px; font-size: {t.font_size:.0f}pt;"
        )
        self._set_status(self.trainingStatusLabel.text(), error=self._status_error)
        self.refresh()

    def _smoothing(self) -> float:
        return self.smoothingSlider.value() / 1000.0

    def refresh(self) -> None:
        """Repaint every plot from the session's buffers (the refresh timer calls this every REFRESH_MS)."""
        s = self.session
        if s is None:
            return
        losses = s.losses.view()
        n = losses.size
        finite_n = n - 1 if (s.state == DIVERGED and n) else n
        raw = losses[:finite_n]
        self._smooth.update(raw)
        live = self.is_training
        self.lossPlot.show_loss(raw, self._smooth.view(), s.diverged_step, self._smooth.all_finite, live)
        params = s.params.view()
        self.paramPlot.show_params(params, live)
        if self.inspected_step is None:
            w, b = s.weight, s.bias
            self.dataPlot.show_model(w, b)
            if s.data.n_features == 1:
                self.surfacePlot.show_path(params, (float(w[0, 0]), float(b[0])))
            self.paramsLabel.setText(self._params_text(w, b, "now"))
        last = losses[-1] if n else float("nan")
        epoch = f" · epoch {s.epoch:.2f}" if s.batch_size < s.data.n_samples else ""
        # a count of steps done ("55 steps"), so it never reads as a different step than the curve's x axis
        # and the messages, which number steps from 0 ("diverged at step 54")
        done = f"{s.steps_done} step{'' if s.steps_done == 1 else 's'}"
        self.progressLabel.setText(f"{done}{epoch} · loss {theme.format_number(last)}" if n else "0 steps")

    def _params_text(self, w: np.ndarray, b: np.ndarray, when: str) -> str:
        ws = ", ".join(theme.format_number(v) for v in w.reshape(-1)[:6])
        more = " …" if w.size > 6 else ""
        return f"Model {when}: weight = [{ws}{more}], bias = {theme.format_number(b.reshape(-1)[0])}"

    def inspect_step(self, step: int | None) -> None:
        """Show the model as it was when step ``step`` computed its loss (None: back to live)."""
        s = self.session
        if step is not None and (s is None or len(s.params) == 0):
            return
        if step is not None:
            assert s is not None
            step = int(min(max(step, 0), len(s.params) - 1))
            w, b = s.params_at(step)
            self.inspected_step = step
            self.lossPlot.show_inspected(step)
            self.paramPlot.show_inspected(step)
            self.dataPlot.show_model(w, b)
            if s.data.n_features == 1:
                self.surfacePlot.show_path(s.params.view()[: step + 1], None)
            loss = s.losses.view()[step]
            self.paramsLabel.setText(
                self._params_text(w, b, f"at step {step} (loss {theme.format_number(loss)})")
            )
            self.liveButton.setVisible(True)
        else:
            self.inspected_step = None
            self.lossPlot.show_inspected(None)
            self.paramPlot.show_inspected(None)
            self.liveButton.setVisible(False)
            if s is not None:
                self.refresh()

    def _show_hover(self, x: float) -> None:
        s = self.session
        if s is None or len(s.losses) == 0 or not math.isfinite(x):
            self._set_readout("")
            return
        k = int(round(x))
        n = len(s.losses)
        if not 0 <= k < n:
            self._set_readout("")
            return
        raw = s.losses.view()[k]
        sm = self._smooth.view()
        smooth = sm[k] if k < sm.size else float("nan")
        self._set_readout(
            f"step {k} · loss {theme.format_number(raw)} · smoothed {theme.format_number(smooth)}"
        )

    def _set_readout(self, text: str) -> None:
        label = self.hoverLabel
        label.setText(text)
        if not text:
            label.hide()
            return
        label.adjustSize()
        title_h = self.lossPlot.getPlotItem().titleLabel.size().height()
        label.move(max(0, (self.lossPlot.width() - label.width()) // 2), int(title_h) + 2)
        label.show()
        label.raise_()

    def _log_toggled(self, on: bool) -> None:
        self.lossPlot.set_log_y(on)
        self.refresh()
        if self.session is not None and self.session.state == DIVERGED and self._status_error:
            self._set_status(self._run_message(), error=True)  # the Log y tip is followed: drop it

    def _outliers_toggled(self, on: bool) -> None:
        self.lossPlot.ignore_outliers = on
        self.refresh()

    def _smoothing_changed(self, _value: int) -> None:
        self.smoothingLabel.setText(f"{self._smoothing():.3f}")
        self._smooth.reset(self._smoothing())
        self.refresh()

    # ------------------------------------------------------------------------------------------------
    # files and the Expression lab
    # ------------------------------------------------------------------------------------------------
    def save_model(self, path: str) -> bool:
        if self.session is None:
            return False
        try:
            pc.save(self.session.model, path)
        except (OSError, ValueError) as exc:
            self._file_message(f"Could not save the model: {exc}", error=True)
            return False
        self._file_message(f"Saved the model to {os.path.basename(path)}.")
        return True

    def load_model(self, path: str) -> bool:
        """Load weights into the current model (shapes must match the data's features); nothing changes on error."""
        if self.session is None:
            return False
        try:
            state = pc.load(path)
        except (OSError, ValueError) as exc:
            self._file_message(f"Could not load the model: {exc}", error=True)
            return False
        own = self.session.model.state_dict()
        problem = None
        if set(state) != set(own):
            problem = f"it holds {', '.join(sorted(state)) or 'nothing'}, a Linear model needs {', '.join(sorted(own))}"
        else:
            for k, v in own.items():
                have = np.shape(v.data if hasattr(v, "data") else v)
                if np.shape(state[k]) != have:
                    problem = (
                        f"its {k} has shape {np.shape(state[k])} but this model's is {have} "
                        f"({self.data.n_features} feature(s))"
                    )
                    break
        if problem:
            self._file_message(f"Could not load {os.path.basename(path)}: {problem}.", error=True)
            return False
        self.pause()
        self.session.model.load_state_dict(state)
        self._loaded_state = state  # new runs (changed settings) start from it too, until Reset
        self._file_message(
            f"Loaded the model from {os.path.basename(path)}; Train continues from it (Reset forgets it)."
        )
        self.inspect_step(None)
        self.refresh()
        return True

    def export_loss_csv(self, path: str) -> bool:
        """Write step, loss, smoothed loss and the parameters that produced each loss."""
        s = self.session
        if s is None:
            return False
        losses = s.losses.view()
        smooth = self._smooth.view()
        params = s.params.view()
        names = [f"weight_{n}" for n in s.data.feature_names] + ["bias"]
        try:
            with open(path, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(["step", "loss", "smoothed_loss", *names])
                for k in range(losses.size):
                    sm = smooth[k] if k < smooth.size else float("nan")
                    w.writerow(
                        [k, repr(float(losses[k])), repr(float(sm)), *(repr(float(v)) for v in params[k])]
                    )
        except OSError as exc:
            self._file_message(f"Could not write {os.path.basename(path)}: {exc.strerror or exc}", error=True)
            return False
        self._file_message(f"Wrote {losses.size} steps to {os.path.basename(path)}.")
        return True

    def export_plots(self, directory: str) -> list[str]:
        """Save the four plots as PNG files in ``directory``; returns the paths written."""
        self.refresh()
        out = []
        for name, widget in (
            ("training-loss.png", self.lossPlot),
            ("training-data.png", self.dataPlotBox),
            ("training-surface.png", self.surfacePlot),
            ("training-parameters.png", self.paramBox),
        ):
            path = os.path.join(directory, name)
            if not widget.grab().save(path, "PNG"):
                self._file_message(f"Could not write {path}.", error=True)
                return out
            out.append(path)
        self._file_message(f"Saved {len(out)} PNG files in {directory}.")
        return out

    def step_graph(self) -> dict[str, pc.Carrot] | None:
        return None if self.session is None else self.session.step_graph(4)

    def send_step_to_expression(self) -> None:
        """Emit ``sendToExpression`` with one step's graph on 4 samples (the loss last) and a title."""
        nodes = self.step_graph()
        if nodes is None:
            return
        s = self.session
        assert s is not None
        title = f"Training step {s.steps_done}: MSE of Linear({s.data.n_features}, 1) on 4 samples"
        self.sendToExpression.emit(nodes, title)
        self._file_message("Sent this step's graph to the Expression lab.")

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save model", "linear_model.npz", "pycarrot model (*.npz);;All files (*)"
        )
        if path:
            self.save_model(path)

    def _load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Load model", "", "pycarrot model (*.npz *.pth);;All files (*)"
        )
        if path:
            self.load_model(path)

    def _export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export loss history", "loss_history.csv", "CSV (*.csv)")
        if path:
            self.export_loss_csv(path)

    def _export_png_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, "Folder for the plot images")
        if directory:
            self.export_plots(directory)

    def _open_csv_dialog(self) -> None:
        start = os.path.dirname(self.examples[0].path) if self.examples else ""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open CSV", start, "CSV files (*.csv *.txt);;All files (*)"
        )
        if path:
            self.open_csv(path)

    # ------------------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_data_tabs()  # wrapped labels in the data tabs change height with the width

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.pause()
        super().closeEvent(event)


__all__ = ["TrainingLab", "LogSpinBox"]
