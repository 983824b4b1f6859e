"""The Network lab's build panel: preset, hidden layers (add, remove, reorder, width, activation), loss,
optimiser, learning rate, batch size, initialisation and seed — edited as a Qt-free :class:`NetworkSpec`.

Every edit goes through ``NetworkSpec.validate()``: an impossible setting (width 0, cross-entropy with one
output, …) is refused where it was typed, the reason shown under the controls, and the previous value put
back. The panel emits ``spec_changed(spec)`` with valid specs only.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import theme
from ...errors import guarded
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts, widgets
from ...kit.widgets import LogSpinBox, add_rows, tip
from ..presets import FIXES, ORIGINAL, PRESETS, STALL_EXPLANATION, Preset
from ..spec import (
    ACTIVATIONS,
    INITS,
    LOSSES,
    MAX_HIDDEN,
    MAX_WIDTH,
    OPTIMIZERS,
    Layer,
    NetworkSpec,
    SpecError,
)

TR = "BuildPanel"  # the translation context of this panel's texts
FIX_BUTTONS = {"init": "fixInitButton", "activation": "fixActivationButton", "loss": "fixLossButton"}


def _combo(name: str, tooltip: str, items: dict[str, str], label: str = "") -> QComboBox:
    """A combo box of ``items`` (key → English label of context "NetworkSpec"; ``label``: its form row's, as
    for :func:`tip`): the keys are its data, the labels are shown translated (:func:`_name_items` again after a
    language switch)."""
    box = tip(QComboBox(), name, tooltip, TR, label=label)
    for key, label in items.items():
        box.addItem(translate("NetworkSpec", label), key)
    box.setProperty("labels", list(items.values()))
    return box


def _name_items(box: QComboBox) -> None:
    """Show a :func:`_combo`'s labels in the current language."""
    for i, label in enumerate(box.property("labels") or ()):
        box.setItemText(i, translate("NetworkSpec", label))


def _select(box: QComboBox, key: str) -> None:
    box.blockSignals(True)
    box.setCurrentIndex(max(0, box.findData(key)))
    box.blockSignals(False)


class BuildPanel(QWidget):
    """Edits a network spec; ``spec_changed`` carries each accepted spec, ``preset_chosen`` a preset."""

    spec_changed = Signal(object)
    preset_chosen = Signal(object)

    def __init__(self, spec: NetworkSpec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkBuildPanel")
        self._spec = (spec or PRESETS[0].spec).validate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_layers_box())
        layout.addWidget(self._build_training_box())
        layout.addWidget(self._build_fixes_box())
        self.buildMessageLabel = tip(QLabel(""), "buildMessageLabel", "Why a setting was refused.", TR)
        self.buildMessageLabel.setWordWrap(True)
        layout.addWidget(self.buildMessageLabel)
        layout.addStretch(1)
        self._show(self._spec)
        texts.follow(self._retranslate)  # now and after every language switch

    def _name_columns(self) -> None:
        self.layerTable.setHorizontalHeaderLabels([translate(TR, "Neurons"), translate(TR, "Activation")])

    def _retranslate(self) -> None:
        """Texts made by code in the current language: combo box items, presets, fixes, the architecture."""
        for box in self.findChildren(QComboBox):
            _name_items(box)
        self._name_columns()
        for i, p in enumerate(PRESETS):
            self.presetCombo.setItemText(i, translate("Presets", p.name))
            self.presetCombo.setItemData(i, translate("Presets", p.note), Qt.ItemDataRole.ToolTipRole)
        for fix in FIXES:
            self.fixButtons[fix.key].setText(
                format_text(TR, "Fix: {label}", label=translate("Presets", fix.label))
            )
            self.fixButtons[fix.key].setToolTip(translate("Presets", fix.why))
        self._show(self._spec)

    # -- building the widgets ------------------------------------------------------------------------------
    def _build_layers_box(self) -> QGroupBox:
        box = QGroupBox()
        texts.bind(box.setTitle, TR, "Network")
        v = QVBoxLayout(box)
        self.presetCombo = tip(
            QComboBox(), "networkPresetCombo", "A ready network with its data: pick one to start from.", TR
        )
        for p in PRESETS:
            self.presetCombo.addItem(translate("Presets", p.name))
            self.presetCombo.setItemData(
                self.presetCombo.count() - 1, translate("Presets", p.note), Qt.ItemDataRole.ToolTipRole
            )
        self.presetCombo.activated.connect(self._preset_activated)
        v.addWidget(self.presetCombo)
        self.architectureLabel = tip(
            QLabel(""),
            "architectureLabel",
            "Neurons per layer, inputs first; the output follows the task.",
            TR,
        )
        v.addWidget(self.architectureLabel)
        self._build_layer_table()
        v.addWidget(self.layerTable)
        v.addLayout(self._build_layer_buttons())
        return box

    def _build_layer_table(self) -> None:
        """The hidden layers' table: one row per layer, its width typed in place."""
        self.layerTable = tip(
            QTableWidget(0, 2),
            "layerTable",
            "",
        )
        texts.bind(
            self.layerTable.setToolTip,
            TR,
            "Hidden layers, inputs above, output below. Double-click a width to type 1 to {max}.",
            max=MAX_WIDTH,
        )
        self._name_columns()
        self.layerTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.layerTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.layerTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.layerTable.itemChanged.connect(self._width_typed)

    def _build_layer_buttons(self) -> QHBoxLayout:
        """The row under the layer table: add, remove, move up, move down."""
        row = QHBoxLayout()
        self.addLayerButton = tip(
            QPushButton(), "addLayerButton", "Add a hidden layer below the selected one.", TR
        )
        self.removeLayerButton = tip(
            QPushButton(), "removeLayerButton", "Remove the selected hidden layer.", TR
        )
        self.moveLayerUpButton = tip(
            QPushButton("↑"), "moveLayerUpButton", "Move the selected layer towards the inputs.", TR
        )
        self.moveLayerDownButton = tip(
            QPushButton("↓"), "moveLayerDownButton", "Move the selected layer towards the output.", TR
        )
        texts.bind(self.addLayerButton.setText, TR, "+ Layer")
        texts.bind(self.removeLayerButton.setText, TR, "− Layer")
        self.addLayerButton.clicked.connect(self.add_layer)
        self.removeLayerButton.clicked.connect(self.remove_layer)
        self.moveLayerUpButton.clicked.connect(lambda: self.move_layer(-1))
        self.moveLayerDownButton.clicked.connect(lambda: self.move_layer(1))
        for b in (
            self.addLayerButton,
            self.removeLayerButton,
            self.moveLayerUpButton,
            self.moveLayerDownButton,
        ):
            row.addWidget(b)
        return row

    def _build_training_box(self) -> QGroupBox:
        box = QGroupBox()
        texts.bind(box.setTitle, TR, "Training")
        f = QFormLayout(box)
        self.lossCombo = _combo(
            "lossCombo",
            QT_TRANSLATE_NOOP(
                TR, "MSE: squared error. BCE with logits: two classes. Cross-entropy: three or more."
            ),
            LOSSES,
            QT_TRANSLATE_NOOP(TR, "Loss"),
        )
        self.outputActivationCombo = _combo(
            "outputActivationCombo",
            QT_TRANSLATE_NOOP(
                TR,
                "An activation after the output layer (only with MSE; the original's network used a sigmoid).",
            ),
            {"none": QT_TRANSLATE_NOOP("NetworkSpec", "none"), "sigmoid": "Sigmoid"},
            QT_TRANSLATE_NOOP(TR, "Output activation"),
        )
        self.optimizerCombo = _combo(
            "networkOptimizerCombo",
            QT_TRANSLATE_NOOP(TR, "SGD: step = −learning rate × gradient. Adam: adaptive step per weight."),
            OPTIMIZERS,
            QT_TRANSLATE_NOOP(TR, "Optimiser"),
        )
        self.learningRateSpin = tip(
            LogSpinBox(1e-6, 10.0, self._spec.learning_rate),
            "networkLearningRateSpin",
            "Step size (1e-6 to 10); arrows go 0.01 → 0.02 → 0.05. Too large and the loss diverges.",
            TR,
            label="Learning rate",
        )
        self._build_spins()
        self._build_init()
        add_rows(
            f,
            [
                self.lossCombo,
                self.outputActivationCombo,
                self.optimizerCombo,
                self.learningRateSpin,
                self.momentumSpin,
                self.weightDecaySpin,
                (QT_TRANSLATE_NOOP(TR, "Batch size"), self.batchSizeSpin),
                self.initCombo,
                self.seedSpin,
            ],
            TR,
        )
        self._connect_training()
        return box

    def _build_init(self) -> None:
        """How the weights start: the initialisation combo box and its seed."""
        self.initCombo = _combo(
            "initCombo",
            QT_TRANSLATE_NOOP(
                TR,
                "How the weights start: PyTorch's uniform ±1/√fan-in, zeros (every neuron the same), the original "
                "project's N(0, 1), or a normal scaled by √(1/fan-in) (√(2/fan-in) before ReLU).",
            ),
            INITS,
            QT_TRANSLATE_NOOP(TR, "Initialisation"),
        )
        self.seedSpin = widgets.seed_spin(
            "networkSeedSpin", "Seed of the initial weights and the mini-batch order.", TR, label="Seed"
        )

    def _build_spins(self) -> None:
        """The number fields: momentum, weight decay, batch size."""
        self.momentumSpin = widgets.momentum_spin(
            "networkMomentumSpin", "SGD momentum in [0, 1) (0 = plain SGD).", TR, label="Momentum"
        )
        self.weightDecaySpin = widgets.weight_decay_spin(
            "networkWeightDecaySpin", "L2 pull of the weights towards 0.", 1.0, TR, label="Weight decay"
        )
        self.batchSizeSpin = widgets.batch_size_spin(
            "networkBatchSizeSpin",
            "Samples per step ('full batch' = all of them).",
            100_000,
            TR,
            "full batch",
        )

    def _connect_training(self) -> None:
        """Each training control edits one spec field through :meth:`_try`."""
        self.lossCombo.currentIndexChanged.connect(lambda: self._try(loss=self.lossCombo.currentData()))
        self.outputActivationCombo.currentIndexChanged.connect(
            lambda: self._try(output_activation=self.outputActivationCombo.currentData())
        )
        self.optimizerCombo.currentIndexChanged.connect(self._optimizer_chosen)
        self.initCombo.currentIndexChanged.connect(lambda: self._try(init=self.initCombo.currentData()))
        self.learningRateSpin.valueChanged.connect(lambda v: self._try(learning_rate=float(v)))
        self.momentumSpin.valueChanged.connect(lambda v: self._try(momentum=float(v)))
        self.weightDecaySpin.valueChanged.connect(lambda v: self._try(weight_decay=float(v)))
        self.batchSizeSpin.valueChanged.connect(lambda v: self._try(batch_size=int(v)))
        self.seedSpin.valueChanged.connect(lambda v: self._try(seed=int(v)))

    def _build_fixes_box(self) -> QGroupBox:
        self.fixesBox = tip(QGroupBox(), "fixesBox", "", TR, text="Why does it not learn?")
        v = QVBoxLayout(self.fixesBox)
        self.fixesLabel = tip(
            QLabel("", wordWrap=True), "fixesLabel", "What stalls the original project's network.", TR
        )
        v.addWidget(self.fixesLabel)
        self.fixButtons: dict[str, QPushButton] = {}
        for fix in FIXES:
            label = translate("Presets", fix.label)
            b = tip(
                QPushButton(format_text(TR, "Fix: {label}", label=label)),
                FIX_BUTTONS[fix.key],
                translate("Presets", fix.why),
            )
            b.clicked.connect(lambda _=False, f=fix: self.apply_fix(f.key))
            v.addWidget(b)
            self.fixButtons[fix.key] = b
        return self.fixesBox

    # -- the spec ---------------------------------------------------------------------------------------------
    def spec(self) -> NetworkSpec:
        return self._spec

    def set_spec(self, spec: NetworkSpec) -> None:
        """Show ``spec`` (validated; SpecError if impossible) without emitting ``spec_changed``."""
        self._spec = spec.validate()
        self._message("")
        self._show(spec)

    def set_task(self, inputs: int, classes: int) -> None:
        """The data changed: adapt the spec to its inputs and classes (emits when it changed)."""
        new = self._spec.for_task(inputs, classes)
        if new != self._spec:
            self._try(
                **{k: getattr(new, k) for k in ("inputs", "classes", "features", "loss", "output_activation")}
            )

    def set_features(self, features: tuple[str, ...]) -> str | None:
        """Use ``features`` as inputs; the reason if refused (None if accepted)."""
        return self._try(features=tuple(features))

    def _try(self, **changes) -> str | None:
        """Apply ``changes`` if the result is a possible network; else show why, restore the widgets and
        return the reason."""
        candidate = replace(self._spec, **changes)
        if candidate == self._spec:
            return None
        try:
            candidate.validate()
        except SpecError as exc:
            self._message(exc.reason, error=True)
            self._show(self._spec)
            return exc.reason
        self._spec = candidate
        self._message("")
        self._show(candidate)
        self.spec_changed.emit(candidate)
        return None

    def _message(self, text: str, error: bool = False) -> None:
        self.buildMessageLabel.setText(text)
        theme.set_tone(self.buildMessageLabel, "error" if error else "muted")

    # -- showing ----------------------------------------------------------------------------------------------
    def _show(self, s: NetworkSpec) -> None:
        """Put ``s`` into every widget without any of them reporting a change."""
        self.architectureLabel.setText(
            f"{' → '.join(map(str, s.widths))}   ({s.describe().split(' · ', 1)[1]})"
        )
        self._fill_table(s)
        for box, key in (
            (self.lossCombo, s.loss),
            (self.outputActivationCombo, s.output_activation),
            (self.optimizerCombo, s.optimizer),
            (self.initCombo, s.init),
        ):
            _select(box, key)
        for spin, value in (
            (self.learningRateSpin, s.learning_rate),
            (self.momentumSpin, s.momentum),
            (self.weightDecaySpin, s.weight_decay),
            (self.batchSizeSpin, s.batch_size),
            (self.seedSpin, s.seed),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.momentumSpin.setEnabled(s.optimizer == "sgd")
        self.outputActivationCombo.setEnabled(s.loss == "mse")
        self.addLayerButton.setEnabled(len(s.hidden) < MAX_HIDDEN)
        self._update_fixes(s)

    def _fill_table(self, s: NetworkSpec) -> None:
        t = self.layerTable
        current = t.currentRow()
        t.blockSignals(True)
        t.setRowCount(len(s.hidden))
        for r, layer in enumerate(s.hidden):
            item = QTableWidgetItem(str(layer.width))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            t.setItem(r, 0, item)
            box = t.cellWidget(r, 1)
            if box is None:
                box = _combo(
                    f"layerActivationCombo{r}",
                    QT_TRANSLATE_NOOP(TR, "The activation after this layer's neurons."),
                    ACTIVATIONS,
                )
                box.currentIndexChanged.connect(lambda _=0, b=box: self._activation_chosen(b))
                t.setCellWidget(r, 1, box)
            _select(box, layer.activation)
        t.setVerticalHeaderLabels([format_text(TR, "hidden {n}", n=r + 1) for r in range(len(s.hidden))])
        if 0 <= current < len(s.hidden):
            t.setCurrentCell(current, 0)
        t.blockSignals(False)
        rows = max(1, len(s.hidden))  # as tall as its rows: no empty white box under two layers
        t.setFixedHeight(
            t.horizontalHeader().sizeHint().height()
            + rows * t.verticalHeader().defaultSectionSize()
            + 2 * t.frameWidth()
        )
        has = len(s.hidden) > 0
        self.removeLayerButton.setEnabled(has)
        self.moveLayerUpButton.setEnabled(has)
        self.moveLayerDownButton.setEnabled(has)

    def _update_fixes(self, s: NetworkSpec) -> None:
        """The stall explanation and its three one-click fixes, shown for the original's network."""
        self.fixesBox.setVisible(s.classes >= 3 and (s.init == "original" or s.title == ORIGINAL.title))
        for fix in FIXES:
            self.fixButtons[fix.key].setEnabled(not fix.applied(s))
        done = all(f.applied(s) for f in FIXES)
        self.fixesLabel.setText(
            translate(
                TR, "All three fixes applied: press Reset and Train, then compare the gradient-health plot."
            )
            if done
            else translate("Presets", STALL_EXPLANATION)
        )

    # -- user actions -----------------------------------------------------------------------------------------
    @guarded(QT_TRANSLATE_NOOP("Errors", "choosing a preset"))
    def _preset_activated(self, index: int) -> None:
        self.apply_preset(PRESETS[index])

    def apply_preset(self, preset: Preset) -> None:
        """Show the preset's network and tell the lab (which loads its data)."""
        self.presetCombo.blockSignals(True)
        self.presetCombo.setCurrentIndex(PRESETS.index(preset))
        self.presetCombo.blockSignals(False)
        self.set_spec(preset.spec)
        self.preset_chosen.emit(preset)
        self.spec_changed.emit(self._spec)

    @guarded(QT_TRANSLATE_NOOP("Errors", "changing a layer's width"))
    def _width_typed(self, item: QTableWidgetItem) -> None:
        r, text = item.row(), item.text().strip()
        try:
            width = int(text)
        except ValueError:
            self._message(
                format_text(
                    TR,
                    "hidden layer {layer}: type a whole number of neurons, 1 to {max} (not {typed!r})",
                    layer=r + 1,
                    max=MAX_WIDTH,
                    typed=text,
                ),
                True,
            )
            self._show(self._spec)
            return
        hidden = list(self._spec.hidden)
        hidden[r] = replace(hidden[r], width=width)
        self._try(hidden=tuple(hidden))

    @guarded(QT_TRANSLATE_NOOP("Errors", "changing an activation"))
    def _activation_chosen(self, box: QComboBox) -> None:
        for r in range(self.layerTable.rowCount()):
            if self.layerTable.cellWidget(r, 1) is box:
                hidden = list(self._spec.hidden)
                hidden[r] = replace(hidden[r], activation=box.currentData())
                self._try(hidden=tuple(hidden))
                return

    @guarded(QT_TRANSLATE_NOOP("Errors", "choosing the optimiser"))
    def _optimizer_chosen(self, _index: int) -> None:
        name = self.optimizerCombo.currentData()
        self._try(optimizer=name, momentum=self._spec.momentum if name == "sgd" else 0.0)

    def _selected(self) -> int:
        r = self.layerTable.currentRow()
        return r if 0 <= r < len(self._spec.hidden) else len(self._spec.hidden) - 1

    @guarded(QT_TRANSLATE_NOOP("Errors", "adding a layer"))
    def add_layer(self, _checked: bool = False) -> None:
        """Insert a hidden layer (like the selected one, else 4 tanh) below the selection."""
        r = self._selected()
        hidden = list(self._spec.hidden)
        hidden.insert(r + 1, hidden[r] if r >= 0 else Layer(4, "tanh"))
        if self._try(hidden=tuple(hidden)) is None:
            self.layerTable.setCurrentCell(r + 1, 0)

    @guarded(QT_TRANSLATE_NOOP("Errors", "removing a layer"))
    def remove_layer(self, _checked: bool = False) -> None:
        r = self._selected()
        if r >= 0:
            self._try(hidden=self._spec.hidden[:r] + self._spec.hidden[r + 1 :])

    @guarded(QT_TRANSLATE_NOOP("Errors", "moving a layer"))
    def move_layer(self, delta: int) -> None:
        r = self._selected()
        to = r + delta
        if r < 0 or not 0 <= to < len(self._spec.hidden):
            return
        hidden = list(self._spec.hidden)
        hidden[r], hidden[to] = hidden[to], hidden[r]
        if self._try(hidden=tuple(hidden)) is None:
            self.layerTable.setCurrentCell(to, 0)

    @guarded(QT_TRANSLATE_NOOP("Errors", "applying a fix"))
    def apply_fix(self, key: str) -> None:
        fix = next(f for f in FIXES if f.key == key)
        new = fix.apply(self._spec)
        self._try(**{k: getattr(new, k) for k in ("init", "hidden", "loss", "output_activation")})
