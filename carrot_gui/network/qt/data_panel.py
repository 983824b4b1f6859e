"""The Network lab's data panel: which dataset (generated, drawn, digits, a CSV file), its sample count,
noise, test share and seed, the input features, and the class to draw — emitted as Qt-free values
(``data_changed(NetData)``, ``features_changed(tuple)``).

CSV files are read with the Training lab's reader (:func:`~carrot_gui.training.data.read_csv`, its
``numeric_columns`` and ``to_dataset``); a bad file or choice is shown here and the previous data is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import theme
from ...errors import guarded
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts
from ...kit.csv_picker import CsvPicker
from ...kit.widgets import add_rows, seed_spin, set_items, tip
from ...training.data import CsvTable, DataError, read_csv
from ..datasets import (
    DRAW_CLASSES,
    GENERATED,
    MAX_NOISE,
    MAX_SAMPLES,
    MIN_SAMPLES,
    CsvChoice,
    DataConfig,
    DrawnPoints,
    NetData,
    from_csv_table,
    generate,
    load_digits,
)
from ..presets import DIGITS, Preset
from ..spec import FEATURES

TR = "NetworkDataPanel"  # the translation context of this panel's texts
DRAWN, CSV = "drawn", "csv"
FEATURE_NAMES = {  # objectNames of the feature check boxes
    "x1": "featureX1Check",
    "x2": "featureX2Check",
    "x1^2": "featureX1SquaredCheck",
    "x2^2": "featureX2SquaredCheck",
    "x1*x2": "featureX1X2Check",
    "sin(x1)": "featureSinX1Check",
    "sin(x2)": "featureSinX2Check",
}


_OTHER_DATA = {  # the data sets that are not generated: key → English title (context "Datasets")
    DRAWN: QT_TRANSLATE_NOOP("Datasets", "Draw your own"),
    DIGITS: QT_TRANSLATE_NOOP("Datasets", "Handwritten digits (8×8)"),
    CSV: QT_TRANSLATE_NOOP("Datasets", "CSV file…"),
}


class DataPanel(QWidget):
    """Chooses and makes the lab's dataset; ``data_changed`` carries each new :class:`NetData`."""

    data_changed = Signal(object)
    features_changed = Signal(object)
    draw_class_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkDataPanel")
        self.drawn = DrawnPoints()
        self.drawn.changed.connect(self._drawn_changed)
        self._csv: CsvTable | None = None
        self._data: NetData | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_source_box())
        layout.addWidget(self._build_csv_box())
        layout.addWidget(self._build_features_box())
        self.dataMessageLabel = tip(
            QLabel(""), "dataMessageLabel", "What the data is, or why it was refused.", TR
        )
        self.dataMessageLabel.setWordWrap(True)
        layout.addWidget(self.dataMessageLabel)
        layout.addStretch(1)
        self._kind_changed()
        texts.follow(self._retranslate)  # now and after every language switch

    def _retranslate(self) -> None:
        """Texts made by code in the current language: the data sets' and classes' names, the message."""
        for i in range(self.datasetCombo.count()):
            key = self.datasetCombo.itemData(i)
            title = GENERATED[key][0] if key in GENERATED else _OTHER_DATA[key]
            self.datasetCombo.setItemText(i, translate("Datasets", title))
        for c in range(self.drawClassCombo.count()):
            self.drawClassCombo.setItemText(c, format_text(TR, "class {n}", n=c))
        self.dataMessageLabel.setText(self._said[0]())

    # -- widgets ----------------------------------------------------------------------------------------------
    def _build_source_box(self) -> QGroupBox:
        box = QGroupBox()
        texts.bind(box.setTitle, TR, "Data")
        f = QFormLayout(box)
        self._build_dataset_combo()
        self.samplesSpin = tip(
            QSpinBox(minimum=MIN_SAMPLES, maximum=MAX_SAMPLES, value=200, singleStep=50),
            "samplesSpin",
            "",
            TR,
            label="Samples",
        )
        texts.bind(
            self.samplesSpin.setToolTip,
            TR,
            "How many points to generate ({lo}–{hi}).",
            lo=MIN_SAMPLES,
            hi=MAX_SAMPLES,
        )
        self.noiseSpin = tip(
            QDoubleSpinBox(minimum=0.0, maximum=MAX_NOISE, singleStep=0.05, value=0.2),
            "noiseSpin",
            "How far points are jittered from their clean shape.",
            TR,
            label="Noise",
        )
        self.testShareSpin = tip(
            QSpinBox(minimum=0, maximum=90, suffix=" %", value=30),
            "testShareSpin",
            "The share of samples held out to test on (0–90 %).",
            TR,
            label="Test share",
        )
        self.dataSeedSpin = seed_spin(
            "dataSeedSpin",
            "Seed of the generated points and the train/test split.",
            TR,
            label="Seed",
        )
        self._build_draw_row()
        add_rows(
            f,
            [
                self.datasetCombo,
                self.samplesSpin,
                self.noiseSpin,
                self.testShareSpin,
                self.dataSeedSpin,
                (QT_TRANSLATE_NOOP(TR, "Draw"), self.drawRow),
            ],
            TR,
        )
        self._source_form = f
        self.datasetCombo.currentIndexChanged.connect(self._kind_changed)
        for spin in (self.samplesSpin, self.testShareSpin, self.dataSeedSpin, self.noiseSpin):
            spin.valueChanged.connect(self._settings_changed)
        return box

    def _build_dataset_combo(self) -> None:
        """The combo box choosing the data: every generated kind, then the other sources."""
        self.datasetCombo = tip(QComboBox(), "datasetCombo", "The data the network learns from.", TR)
        for key, (title, *_rest) in GENERATED.items():
            self.datasetCombo.addItem(translate("Datasets", title), key)
        for key, title in _OTHER_DATA.items():
            self.datasetCombo.addItem(translate("Datasets", title), key)

    def _build_draw_row(self) -> None:
        """The 'Draw' row: the class of clicked points and a button clearing them."""
        self.drawClassCombo = tip(
            QComboBox(),
            "drawClassCombo",
            "The class of the points you click in (right-click removes one).",
            TR,
        )
        for c in range(DRAW_CLASSES):
            self.drawClassCombo.addItem(format_text(TR, "class {n}", n=c), c)
        self.drawClassCombo.currentIndexChanged.connect(lambda i: self.draw_class_changed.emit(i))
        self.clearPointsButton = tip(
            QPushButton(clicked=self.drawn.clear), "clearPointsButton", "Remove every drawn point.", TR
        )
        texts.bind(self.clearPointsButton.setText, TR, "Clear points")
        draw = QHBoxLayout()
        draw.addWidget(self.drawClassCombo, 1)
        draw.addWidget(self.clearPointsButton)
        self.drawRow = QWidget()
        self.drawRow.setLayout(draw)
        draw.setContentsMargins(0, 0, 0, 0)

    def _build_csv_box(self) -> QGroupBox:
        self.csvBox = QGroupBox()
        texts.bind(self.csvBox.setTitle, TR, "CSV file")
        self.csv = CsvPicker(
            (
                "openNetworkCsvButton",
                "networkCsvFileLabel",
                "networkCsvTargetCombo",
                "networkCsvFeatureList",
                "useNetworkCsvButton",
            ),
            TR,
            open_tip="Read a CSV file (comma, semicolon or tab separated).",
            target_tip="The column to predict.",
            list_tip="Tick the columns the network takes as inputs (any number).",
            list_label="Inputs",
            use_tip="Make these columns the data.",
        )
        self.csv.connect(self._open_csv_dialog, self.use_csv_columns, self._fill_features)
        self.csv.column_list.setMaximumHeight(110)
        # the names the lab, its lessons and tests use
        self.openCsvButton, self.csvFileLabel, self.csvTargetCombo, self.csvFeatureList, self.useCsvButton = (
            self.csv.widgets()
        )
        self.csvClassesCheck = tip(
            QCheckBox(checked=True),
            "networkCsvClassesCheck",
            "Ticked: classify (the target's distinct values are the classes). Unticked: fit the numbers (MSE).",
            TR,
            text="Target is a class (2–10 values)",
        )
        add_rows(
            QFormLayout(self.csvBox),
            [
                self.openCsvButton,
                self.csvFileLabel,
                self.csvTargetCombo,
                self.csvFeatureList,
                self.csvClassesCheck,
                self.useCsvButton,
            ],
            TR,
        )
        return self.csvBox

    def _build_features_box(self) -> QGroupBox:
        self.featuresBox = QGroupBox()
        texts.bind(self.featuresBox.setTitle, TR, "Input features")
        grid = QGridLayout(self.featuresBox)
        self.featureChecks: dict[str, QCheckBox] = {}
        for k, (key, label) in enumerate(FEATURES.items()):
            box = tip(QCheckBox(label, checked=key in ("x1", "x2")), FEATURE_NAMES[key], "")
            texts.bind(box.setToolTip, TR, "Feed {feature} to the first layer.", feature=label)
            box.toggled.connect(lambda on, key=key: self._feature_toggled(key, on))
            grid.addWidget(box, k // 4, k % 4)
            self.featureChecks[key] = box
        return self.featuresBox

    # -- state ------------------------------------------------------------------------------------------------
    def data(self) -> NetData | None:
        return self._data

    def kind(self) -> str:
        return self.datasetCombo.currentData()

    def features(self) -> tuple[str, ...]:
        """The ticked features (in Playground's order); empty when the data has more than 2 inputs."""
        if self._data is not None and self._data.inputs > 2:
            return ()
        return tuple(k for k, box in self.featureChecks.items() if box.isChecked() and box.isEnabled())

    def set_features(self, features: tuple[str, ...]) -> None:
        """Tick exactly ``features`` (a preset's) without emitting."""
        for key, box in self.featureChecks.items():
            box.blockSignals(True)
            box.setChecked(key in features)
            box.blockSignals(False)

    def config(self) -> DataConfig:
        return DataConfig(
            kind=self.kind(),
            samples=self.samplesSpin.value(),
            noise=round(self.noiseSpin.value(), 6),
            test_fraction=self.testShareSpin.value() / 100,
            seed=self.dataSeedSpin.value(),
        )

    def _message(self, text: str, error: bool = False, remake: Callable[[], str] | None = None) -> None:
        """Show ``text`` under the panel (``remake`` makes it again after a language switch)."""
        self._said = (remake or (lambda: text), error)
        self.dataMessageLabel.setText(text)
        theme.set_tone(self.dataMessageLabel, "error" if error else "muted")

    def _set(self, data: NetData) -> None:
        self._data = data
        self._enable_features(data.inputs)
        self._message(data.describe(), remake=data.describe)
        self.data_changed.emit(data)

    def _enable_features(self, inputs: int) -> None:
        for key, box in self.featureChecks.items():
            box.setEnabled(inputs == 2 or (inputs == 1 and "x2" not in key))
        self.featuresBox.setVisible(inputs <= 2)

    def _show_draw_row(self, visible: bool) -> None:
        self._source_form.setRowVisible(self.drawRow, visible)

    # -- making data ------------------------------------------------------------------------------------------
    @guarded(QT_TRANSLATE_NOOP("Errors", "choosing the data"))
    def _kind_changed(self, _index: int = 0) -> None:
        self._show_rows()
        self.make_data()

    def _show_rows(self) -> None:
        """Only the settings the chosen kind of data has: size and noise for generated sets, the class to
        draw for drawn points, the CSV box for a file."""
        kind = self.kind()
        for w in (self.samplesSpin, self.noiseSpin):
            self._source_form.setRowVisible(w, kind in GENERATED)
        self._show_draw_row(kind == DRAWN)
        self.csvBox.setVisible(kind == CSV)

    @guarded(QT_TRANSLATE_NOOP("Errors", "changing the data settings"))
    def _settings_changed(self, *_args) -> None:
        if self.kind() != CSV:
            self.make_data()

    def make_data(self) -> bool:
        """(Re)make the data the panel's settings describe; False (message shown, data kept) if refused."""
        kind = self.kind()
        try:
            if kind in GENERATED:
                data = generate(self.config())
            elif kind == DIGITS:
                data = load_digits(self.testShareSpin.value() / 100, self.dataSeedSpin.value())
            elif kind == DRAWN:
                data = self.drawn.to_data(self.testShareSpin.value() / 100, self.dataSeedSpin.value())
            else:
                return self.use_csv_columns() if self._csv is not None else self._ask_for_csv()
        except DataError as exc:
            self._message(str(exc), error=True)
            return False
        self._set(data)
        return True

    def _ask_for_csv(self) -> bool:
        self._message(translate(TR, "Open a CSV file: any number of input columns and a target column."))
        return False

    def apply_preset(self, preset: Preset) -> bool:
        """Show and make a preset's data; its features ticked."""
        widgets = (self.datasetCombo, self.samplesSpin, self.noiseSpin, self.testShareSpin, self.dataSeedSpin)
        for w in widgets:
            w.blockSignals(True)
        if preset.data == DIGITS:
            self.datasetCombo.setCurrentIndex(self.datasetCombo.findData(DIGITS))
            self.testShareSpin.setValue(20)
            self.dataSeedSpin.setValue(0)
        else:
            cfg = preset.data
            self.datasetCombo.setCurrentIndex(self.datasetCombo.findData(cfg.kind))
            self.samplesSpin.setValue(cfg.samples)
            self.noiseSpin.setValue(cfg.noise)
            self.testShareSpin.setValue(round(cfg.test_fraction * 100))
            self.dataSeedSpin.setValue(cfg.seed)
        for w in widgets:
            w.blockSignals(False)
        self.set_features(preset.spec.features)
        self._show_rows()
        return self.make_data()

    def show_data(self, data: NetData, features: tuple[str, ...] = ()) -> None:
        """Show ``data`` (a lesson's, already made) in the controls without making or emitting anything: its
        kind, size, noise, test share and seed, drawn points or CSV columns, and ``features`` ticked."""
        share, seed = data.config.test_fraction if data.config else data.split[0], data.split[1]
        kind = data.config.kind if data.config else DRAWN if data.drawn else CSV if data.csv else DIGITS
        widgets = (self.datasetCombo, self.samplesSpin, self.noiseSpin, self.testShareSpin, self.dataSeedSpin)
        blockers = [QSignalBlocker(w) for w in widgets]
        self.datasetCombo.setCurrentIndex(self.datasetCombo.findData(kind))
        if data.config is not None:
            self.samplesSpin.setValue(data.config.samples)
            self.noiseSpin.setValue(data.config.noise)
            seed = data.config.seed
        self.testShareSpin.setValue(round(share * 100))
        self.dataSeedSpin.setValue(seed)
        del blockers
        if data.drawn is not None:
            with self.drawn.changed.blocked():
                self.drawn.set_points(*data.drawn)
        if data.csv is not None:
            self._show_csv(data.csv)
        if features:
            self.set_features(features)
        self._show_rows()
        self._data = data
        self._enable_features(data.inputs)
        self._message(data.describe(), remake=data.describe)

    def _show_csv(self, choice: CsvChoice) -> None:
        """A lesson's CSV table with its target, ticked inputs and task, as if opened and chosen here."""
        table = choice.table
        self._csv = table
        target = choice.target if isinstance(choice.target, int) else table.columns.index(choice.target)
        set_items(self.csvTargetCombo, table.columns, target)
        self._fill_features()
        chosen = {table.columns[c] if isinstance(c, int) else c for c in choice.features}
        for i in range(self.csvFeatureList.count()):
            item = self.csvFeatureList.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked)
        self.csvClassesCheck.setChecked(choice.classify)
        self.csv.show_file(table)

    @guarded(QT_TRANSLATE_NOOP("Errors", "drawing a point"))
    def _drawn_changed(self) -> None:
        if self.kind() == DRAWN:
            self.make_data()

    @guarded(QT_TRANSLATE_NOOP("Errors", "adding a point"))
    def add_point(self, x1: float, x2: float, label: int | None = None) -> bool:
        """Add a drawn point (the class chosen in ``drawClassCombo`` unless given); a click off the plane or
        past the limit is refused with the reason. Switches the data to "Draw your own"."""
        if self.kind() != DRAWN:
            self.datasetCombo.setCurrentIndex(self.datasetCombo.findData(DRAWN))
        try:
            self.drawn.add(x1, x2, self.drawClassCombo.currentData() if label is None else label)
        except DataError as exc:
            self._message(str(exc), error=True)
            return False
        return True

    @guarded(QT_TRANSLATE_NOOP("Errors", "removing a point"))
    def remove_point(self, x1: float, x2: float) -> bool:
        """Remove the drawn point nearest (x1, x2), if one is close; whether one was removed."""
        return self.drawn.remove_nearest(x1, x2) is not None

    @guarded(QT_TRANSLATE_NOOP("Errors", "choosing the input features"))
    def _feature_toggled(self, key: str, on: bool) -> None:
        if not on and not self.features():
            box = self.featureChecks[key]
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
            self._message(
                translate(
                    TR, "The network needs at least one input feature; tick another before unticking this."
                ),
                True,
            )
            return
        self.features_changed.emit(self.features())

    # -- CSV --------------------------------------------------------------------------------------------------
    @guarded(QT_TRANSLATE_NOOP("Errors", "opening a CSV file"))
    def _open_csv_dialog(self, _checked: bool = False) -> None:
        path = self.csv.ask_file(self)
        if path:
            self.open_csv(path)

    def open_csv(self, path: str) -> bool:
        """Read a CSV with the Training lab's reader and offer its columns (last numeric column = target)."""
        try:
            table = read_csv(path)
        except DataError as exc:
            self._message(
                format_text(TR, "CSV not loaded — {error}. The previous data is kept.", error=exc), error=True
            )
            return False
        self._csv = table
        self.csv.offer(table)
        self._fill_features()
        self.datasetCombo.blockSignals(True)
        self.datasetCombo.setCurrentIndex(self.datasetCombo.findData(CSV))
        self.datasetCombo.blockSignals(False)
        self.csvBox.setVisible(True)
        self._show_draw_row(False)
        return True

    def _fill_features(self, *_args) -> None:
        """Every column but the target, the numeric ones ticked."""
        if self._csv is not None:
            self.csv.fill_columns(self._csv, skip=self.csvTargetCombo.currentIndex())

    def use_csv_columns(self) -> bool:
        """The chosen columns as the data; a bad cell or choice is shown and nothing changes."""
        if self._csv is None:
            return self._ask_for_csv()
        target, inputs = self.csv.chosen()
        try:
            data = from_csv_table(
                self._csv,
                target,
                inputs,
                classify=self.csvClassesCheck.isChecked(),
                test_fraction=self.testShareSpin.value() / 100,
                seed=self.dataSeedSpin.value(),
            )
        except DataError as exc:
            self._message(
                format_text(TR, "Not used — {error}. The previous data is kept.", error=exc), error=True
            )
            return False
        self._set(data)
        return True
