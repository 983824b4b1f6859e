"""The Training lab's data panel ("1 · Data"): a synthetic line with noise, or columns of a CSV file (an
example or the user's own), optionally standardised. It emits ``dataset_changed(Dataset)``; bad input is
explained under the box and the previous data is kept.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import theme
from ...i18n import format_text, translate
from ...kit import texts
from ...kit.csv_picker import CsvPicker
from ...kit.widgets import add_rows, seed_spin, tip
from ..data import (
    CsvTable,
    DataError,
    Dataset,
    find_examples,
    make_synthetic,
    parse_slopes,
    read_csv,
    standardise,
)

TR = "DataPanel"  # the translation context of this panel's texts


def _form_page(rows: list[QWidget]) -> QWidget:
    """A data-source tab page: ``rows`` as a form, each widget under the label :func:`tip` gave it."""
    page = QWidget()
    add_rows(QFormLayout(page), rows)
    return page


class DataPanel(QGroupBox):
    """Where the data comes from. ``data`` is the dataset in use; ``dataset_changed`` carries each new one."""

    dataset_changed = Signal(object)  # Dataset

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tip(self, "dataBox", "", TR, text="1 · Data")
        self.data: Dataset = make_synthetic(100, 2.0, 1.0, 0.8, seed=0)
        self._raw_data: Dataset = self.data  # before standardising
        self._csv: CsvTable | None = None
        self._csv_used: tuple[CsvTable, str, tuple[str, ...]] | None = None  # the data in use, if from a CSV
        self._target_row: int | None = None  # the feature-list row greyed out as the target
        self._target_was = Qt.CheckState.Checked  # its tick before it became the target
        v = QVBoxLayout(self)
        self.dataSourceTabs = tip(
            QTabWidget(), "dataSourceTabs", "Make up data with a known line, or load a CSV file.", TR
        )
        self.dataSourceTabs.addTab(self._build_synthetic_page(), "")
        self.dataSourceTabs.addTab(self._build_csv_page(), "")
        v.addWidget(self.dataSourceTabs)
        self.dataSourceTabs.currentChanged.connect(self.fit_tabs)
        self.standardiseCheck = tip(
            QCheckBox(toggled=self._standardise_toggled),
            "standardiseCheck",
            "Shift each feature to mean 0 and scale it to spread 1: SGD then converges with larger learning rates.",
            TR,
            text="Standardise features",
        )
        v.addWidget(self.standardiseCheck)
        self.dataInfoLabel = tip(
            QLabel(self.data.describe(), wordWrap=True), "dataInfoLabel", "The dataset in use.", TR
        )
        self.dataMessageLabel = tip(
            QLabel("", wordWrap=True), "dataMessageLabel", "Problems with the data show here.", TR
        )
        theme.set_tone(self.dataMessageLabel, "error")
        v.addWidget(self.dataInfoLabel)
        v.addWidget(self.dataMessageLabel)
        self.say("")
        texts.follow(self._retranslate)  # now and after every language switch

    def _retranslate(self) -> None:
        """Texts made by code in the current language: tab names, the dataset's description, example names."""
        self.dataSourceTabs.setTabText(0, translate(TR, "Synthetic"))
        self.dataSourceTabs.setTabText(1, translate(TR, "CSV file"))
        self.dataInfoLabel.setText(self.data.describe())
        self._name_examples()

    def _build_synthetic_page(self) -> QWidget:
        self.samplesSpin = tip(
            QSpinBox(minimum=2, maximum=100_000, value=100),
            "samplesSpin",
            "How many (x, y) points to generate (up to 100,000: a full-batch step then stays a few ms).",
            TR,
            label="Samples",
        )
        self.featuresSpin = tip(
            QSpinBox(minimum=1, maximum=16),
            "featuresSpin",
            "Number of input features x (1 draws a line; more: a plane).",
            TR,
            label="Features",
        )
        self.trueSlopesEdit = tip(
            QLineEdit("2"),
            "trueSlopesEdit",
            "The true slope(s): one number, or one per feature separated by commas.",
            TR,
            label="True slope(s)",
        )
        self.trueInterceptSpin = tip(
            QDoubleSpinBox(minimum=-1000, maximum=1000, value=1.0),
            "trueInterceptSpin",
            "The true intercept (bias) of the line.",
            TR,
            label="True intercept",
        )
        self.noiseSpin = tip(
            QDoubleSpinBox(minimum=0, maximum=1000, value=0.8),
            "noiseSpin",
            "Standard deviation σ of the Gaussian noise added to y.",
            TR,
            label="Noise σ",
        )
        self.dataSeedSpin = seed_spin(
            "dataSeedSpin", "Random seed: the same seed gives the same points.", TR, label="Seed"
        )
        self._build_generate_button()
        return _form_page(
            [
                self.samplesSpin,
                self.featuresSpin,
                self.trueSlopesEdit,
                self.trueInterceptSpin,
                self.noiseSpin,
                self.dataSeedSpin,
                self.generateButton,
            ]
        )

    def _build_generate_button(self) -> None:
        """The button under the synthetic settings that makes a new dataset from them."""
        self.generateButton = tip(
            QPushButton(clicked=lambda: self.generate_data()),
            "generateDataButton",
            "Make a new dataset with these settings (resets training).",
            TR,
            text="Generate data",
        )

    def _build_csv_page(self) -> QWidget:
        self._build_example_combo()
        self.csv = CsvPicker(
            ("openCsvButton", "csvFileLabel", "csvTargetCombo", "csvFeatureList", "useCsvButton"),
            TR,
            open_tip="Read a CSV file; then choose the target and feature columns.",
            target_tip="The column the model should predict (y).",
            list_tip="Tick the columns to use as input features (x).",
            list_label="Features",
            use_tip="Load the chosen columns as the dataset (resets training).",
        )
        self.csv.connect(self._open_csv_dialog, self.use_csv_columns, self._target_changed)
        # the names the lab, its lessons and tests use
        self.openCsvButton, self.csvFileLabel, self.csvTargetCombo, self.csvFeatureList, self.useCsvButton = (
            self.csv.widgets()
        )
        self.csvHeaderCheck = tip(
            QCheckBox(checked=True, toggled=self._reread_csv),
            "csvHeaderCheck",
            "Whether the file's first row holds column names.",
            TR,
            text="First row is a header",
        )
        return _form_page(
            [
                self.exampleCombo,
                self.openCsvButton,
                self.csvFileLabel,
                self.csvHeaderCheck,
                self.csvTargetCombo,
                self.csvFeatureList,
                self.useCsvButton,
            ]
        )

    def _build_example_combo(self) -> None:
        self.examples = find_examples()
        self.exampleCombo = tip(
            QComboBox(),
            "exampleDatasetCombo",
            "Example CSV files that come with PyCarrot: pick one to load it (last column = target).",
            TR,
        )
        # long titles are cut in the box (shown whole in its list), so they never widen the panel
        self.exampleCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.exampleCombo.setMinimumContentsLength(16)
        self.exampleCombo.addItem("")
        for ex in self.examples:
            self.exampleCombo.addItem(ex.title, ex.path)
        self.exampleCombo.setEnabled(bool(self.examples))
        self.exampleCombo.activated.connect(self._example_chosen)

    def _name_examples(self) -> None:
        """The example list's texts in the current language (their data, the paths, stay)."""
        combo = self.exampleCombo
        if self.examples:
            combo.setItemText(0, translate(TR, "Pick an example dataset…"))
        else:
            combo.setItemText(0, translate(TR, "No example datasets installed"))
        for i, ex in enumerate(self.examples, start=1):
            combo.setItemText(i, translate("TrainingData", ex.title))
            hint = translate("TrainingData", ex.hint) if ex.hint else ex.path
            combo.setItemData(i, hint, Qt.ItemDataRole.ToolTipRole)

    def generate_data(self) -> bool:
        """Make a synthetic dataset from the controls; on bad input show why and keep the old data."""
        try:
            slopes = parse_slopes(self.trueSlopesEdit.text())
            d = self.featuresSpin.value()
            if len(slopes) not in (1, d):
                raise DataError(
                    format_text(
                        TR, "{n} slopes for {d} features: give one, or one per feature", n=len(slopes), d=d
                    )
                )
            data = make_synthetic(
                self.samplesSpin.value(),
                slopes,
                self.trueInterceptSpin.value(),
                self.noiseSpin.value(),
                n_features=d,
                seed=self.dataSeedSpin.value(),
            )
        except DataError as exc:
            self.say(str(exc))
            return False
        self._csv_used = None
        self._use(data)
        return True

    def open_csv(self, path: str) -> bool:
        """Read a CSV and offer its columns (the dataset changes only on "Use these columns")."""
        try:
            table = read_csv(path, None)
        except DataError as exc:
            self.say(format_text(TR, "CSV not loaded — {error}. The previous data is kept.", error=exc))
            return False
        self._offer(table)
        if self.examples:
            self.exampleCombo.setCurrentIndex(0)  # the user's own file (open_example re-selects its entry)
        return True

    def _offer(self, table: CsvTable) -> None:
        """Show a table's columns to choose from (CSV tab, header box, file label)."""
        self._csv = table
        self.csvHeaderCheck.blockSignals(True)
        self.csvHeaderCheck.setChecked(table.has_header)
        self.csvHeaderCheck.blockSignals(False)
        self._fill_columns()
        self.say("")
        self.dataSourceTabs.setCurrentIndex(1)
        self.fit_tabs()

    def csv_in_use(self) -> tuple[CsvTable, str, tuple[str, ...]] | None:
        """(table, target column, feature columns) of the data in use when it came from a CSV, else None."""
        return self._csv_used

    def use_table(self, table: CsvTable, target: str, features: tuple[str, ...]) -> bool:
        """Use ``table`` (already read: a lesson's rows) with these columns, as if opened and chosen here;
        False (the reason shown, the data kept) if they do not fit it."""
        self._offer(table)
        if self.examples:
            self.exampleCombo.setCurrentIndex(0)
        return self._choose(target, list(features))

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
            texts.bind(
                self.csvFileLabel.setText,
                TR,
                "{name}: {rows} rows, {columns} columns. {hint}",
                name=os.path.basename(ex.path),
                rows=len(self._csv.rows),
                columns=len(self._csv.columns),
                hint=translate("TrainingData", ex.hint),
            )
            self.fit_tabs()
        return True

    def _reread_csv(self, has_header: bool) -> None:
        if self._csv is None:
            return
        try:
            table = read_csv(self._csv.path, has_header)
        except DataError as exc:
            self.say(format_text(TR, "CSV not re-read — {error}", error=exc))
            return
        self._csv = table
        self._fill_columns()

    def _fill_columns(self) -> None:
        """The table's columns as target (the last numeric one) and features (the other numeric ones), and
        the file's name and size."""
        table = self._csv
        assert table is not None
        target = self.csv.offer(table)
        self.csv.fill_columns(table)
        self._target_row = None  # by default: the last numeric column is the target, the other numeric
        self._target_changed(target)  # columns are the features
        self._target_was = Qt.CheckState.Checked

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
            item.setToolTip(
                translate(TR, "This column is the target; choose another target to use it as a feature.")
            )

    def use_csv_columns(self) -> bool:
        """Turn the chosen CSV columns into the dataset; a bad cell or choice shows why and changes nothing."""
        if self._csv is None:
            self.say(translate(TR, "Open a CSV file first."))
            return False
        target, features = self.csv.chosen()
        try:
            data = self._csv.to_dataset(target, features)
        except DataError as exc:
            self.say(format_text(TR, "CSV not loaded — {error}. The previous data is kept.", error=exc))
            return False
        self._csv_used = (self._csv, target, tuple(features))
        self._use(data)
        return True

    def load_csv(
        self, path: str, target: str | int | None = None, features: list[str | int] | None = None
    ) -> bool:
        """Open ``path`` and use ``target``/``features`` in one go (default: the last numeric column / the
        other numeric columns)."""
        return self.open_csv(path) and self._choose(target, features)

    def _choose(self, target: str | int | None, features: list[str | int] | None) -> bool:
        """Tick ``target`` and ``features`` of the table on offer (default: the last numeric column / the
        other numeric columns) and use them."""
        table = self._csv
        assert table is not None
        try:
            t = table.column_index(target if target is not None else table.default_target(), "target")
            numeric = table.numeric_columns()
            chosen = (
                features
                if features is not None
                else [c for i, c in enumerate(table.columns) if i != t and numeric[i]]
            )
            idx = {table.column_index(c, "feature") for c in chosen}
        except DataError as exc:
            self.say(format_text(TR, "CSV not loaded — {error}. The previous data is kept.", error=exc))
            return False
        self.csvTargetCombo.setCurrentIndex(t)
        for i in range(self.csvFeatureList.count()):
            self.csvFeatureList.item(i).setCheckState(
                Qt.CheckState.Checked if i in idx else Qt.CheckState.Unchecked
            )
        return self.use_csv_columns()

    def _standardise_toggled(self, _on: bool) -> None:
        self._use(self._raw_data)

    def _use(self, data: Dataset) -> None:
        """Make ``data`` (standardised if the box is ticked) the dataset, and say so."""
        self._raw_data = data
        self.data = standardise(data) if self.standardiseCheck.isChecked() else data
        self.say("")
        self.dataInfoLabel.setText(self.data.describe())
        self.dataset_changed.emit(self.data)

    def say(self, text: str) -> None:
        """Show a problem with the data under the data box (the label takes no room when all is well)."""
        self.dataMessageLabel.setText(text)
        self.dataMessageLabel.setVisible(bool(text))

    def fit_tabs(self, *_args) -> None:
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

    def refresh_theme(self) -> None:
        """Sizes that follow the text size: four rows of columns in view, tabs fitted to their page."""
        self.ensurePolished()
        lst = self.csvFeatureList
        lst.setMaximumHeight(4 * (lst.fontMetrics().height() + 4) + 2 * lst.frameWidth())
        self.fit_tabs()

    def _open_csv_dialog(self) -> None:
        start = os.path.dirname(self.examples[0].path) if self.examples else ""
        path = self.csv.ask_file(self, start)
        if path:
            self.open_csv(path)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_tabs()  # wrapped labels in the data tabs change height with the width
