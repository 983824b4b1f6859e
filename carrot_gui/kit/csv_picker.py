"""The CSV column picker both training labs show: an "Open CSV…" button, the file read, a target combo box, a
tickable column list and a "Use these columns" button, made once with each lab's objectNames and tooltips."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPushButton, QWidget

from ..i18n import QT_TRANSLATE_NOOP, translate
from . import texts
from .widgets import ask_path, check_item, checked_texts, set_form_label, set_items, tip

if TYPE_CHECKING:
    from ..training.data import CsvTable

TR = "CsvPicker"  # the translation context of the texts both labs share


class CsvPicker:
    """The five widgets of a lab's CSV box, as attributes (``open_button``, ``file_label``, ``target_combo``,
    ``column_list``, ``use_button``) for the lab to lay out with :func:`~carrot_gui.kit.widgets.add_rows` among
    its own rows. ``names`` are their objectNames in that order; ``context`` is the lab's translation context
    of its own tooltips and of the list's ``list_label`` (``tools/translations.py`` reads a literal call)."""

    def __init__(
        self,
        names: tuple[str, str, str, str, str],
        context: str,
        *,
        open_tip: str,
        target_tip: str,
        list_tip: str,
        list_label: str,
        use_tip: str,
    ) -> None:
        open_name, file_name, target_name, list_name, use_name = names
        self.open_button = tip(QPushButton(), open_name, open_tip, context)
        texts.bind(self.open_button.setText, TR, "Open CSV…")
        self.file_label = tip(
            QLabel(wordWrap=True), file_name, "The CSV file that was read.", TR, text="No file opened."
        )
        # long column names are cut in the box (shown whole in its list), so they never widen the panel
        combo = QComboBox(
            sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon,
            minimumContentsLength=10,
        )
        self.target_combo = tip(combo, target_name, target_tip, context)
        set_form_label(
            self.target_combo, QT_TRANSLATE_NOOP(TR, "Target"), TR
        )  # a shared text, unlike its tooltip
        self.column_list = tip(QListWidget(), list_name, list_tip, context, label=list_label)
        self.use_button = tip(QPushButton(), use_name, use_tip, context)
        texts.bind(self.use_button.setText, TR, "Use these columns")

    def connect(
        self, open_file: Callable[[], object], use: Callable[[], object], target: Callable[[int], object]
    ) -> None:
        """Call ``open_file`` on "Open CSV…", ``use`` on "Use these columns" (without the click's argument) and
        ``target`` with the index of each target the user chooses."""
        self.open_button.clicked.connect(lambda _checked=False: open_file())
        self.use_button.clicked.connect(lambda _checked=False: use())
        self.target_combo.currentIndexChanged.connect(target)

    def ask_file(self, parent: QWidget, folder: str = "") -> str:
        """The CSV file the user picks to open, starting in ``folder``; "" when cancelled."""
        return ask_path(parent, TR, "Open CSV", "CSV files (*.csv *.txt);;All files (*)", folder=folder)

    def widgets(self) -> tuple[QPushButton, QLabel, QComboBox, QListWidget, QPushButton]:
        """The five widgets in the order of their ``names``."""
        return self.open_button, self.file_label, self.target_combo, self.column_list, self.use_button

    def offer(self, table: CsvTable) -> int:
        """Show ``table``: its name and size, its columns as targets with the default one (the last numeric
        column) chosen, without emitting; the chosen index."""
        target = table.default_target()
        set_items(self.target_combo, table.columns, target)
        self.show_file(table)
        return target

    def show_file(self, table: CsvTable) -> None:
        """Say which file was read and its size (in the current language, and again after a switch)."""
        texts.bind(
            self.file_label.setText,
            TR,
            "{name}: {rows} rows, {columns} columns",
            name=os.path.basename(table.path),
            rows=len(table.rows),
            columns=len(table.columns),
        )

    def fill_columns(self, table: CsvTable, skip: int | None = None) -> None:
        """List the table's columns (but ``skip``) to tick, the numeric ones ticked; a column with cells that
        are not numbers says so in its tooltip."""
        numeric = table.numeric_columns()
        self.column_list.clear()
        for i, (name, is_number) in enumerate(zip(table.columns, numeric)):
            if i == skip:
                continue
            item = check_item(name, is_number)
            if not is_number:
                item.setToolTip(translate(TR, "This column has cells that are not numbers (names, dates…)."))
            self.column_list.addItem(item)

    def chosen(self) -> tuple[str, list[str]]:
        """The target column's name and the ticked columns' names (in the list's order)."""
        return self.target_combo.currentText(), checked_texts(self.column_list)
