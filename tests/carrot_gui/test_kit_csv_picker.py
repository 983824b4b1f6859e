"""The CSV column picker both training labs share: a table's columns offered (default target, numeric columns
ticked), the ticked columns read back, the lab's objectNames, labels and tooltips kept."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QWidget

from carrot_gui.kit.csv_picker import CsvPicker
from carrot_gui.kit.widgets import LABEL, add_rows
from carrot_gui.training.data import read_csv

NAMES = ("openX", "fileX", "targetX", "listX", "useX")


@pytest.fixture
def picker(qtbot):
    picker = CsvPicker(
        NAMES,
        "Ctx",
        open_tip="open",
        target_tip="target",
        list_tip="list",
        list_label="Inputs",
        use_tip="use",
    )
    picker.page = QWidget()  # laid out as a lab does (and kept alive with the picker)
    add_rows(QFormLayout(picker.page), list(picker.widgets()))
    qtbot.addWidget(picker.page)
    picker.page.show()
    return picker


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "pets.csv"
    path.write_text("name,age,weight,legs,price\nrex,3,20.5,4,100\ntom,5,4.0,4,80\nbo,1,0.2,2,15\n")
    return read_csv(str(path))


def ticks(picker):
    items = [picker.column_list.item(i) for i in range(picker.column_list.count())]
    return {it.text(): it.checkState() == Qt.CheckState.Checked for it in items}


def test_keeps_the_labs_names_labels_and_tooltips(picker):
    widgets = (
        picker.open_button,
        picker.file_label,
        picker.target_combo,
        picker.column_list,
        picker.use_button,
    )
    assert tuple(w.objectName() for w in widgets) == NAMES
    assert [w.toolTip() for w in widgets] == ["open", "The CSV file that was read.", "target", "list", "use"]
    assert picker.open_button.text() == "Open CSV…" and picker.use_button.text() == "Use these columns"
    assert picker.file_label.text() == "No file opened."
    assert picker.target_combo.property(LABEL) == "Target" and picker.column_list.property(LABEL) == "Inputs"
    assert picker.target_combo.accessibleName() == "Target"  # add_rows gave the row its label


def test_offers_a_tables_columns_with_the_default_target_and_numeric_columns_ticked(picker, table, qtbot):
    with qtbot.assertNotEmitted(picker.target_combo.currentIndexChanged):
        target = picker.offer(table)
    assert target == 4 and picker.target_combo.currentText() == "price"
    assert [picker.target_combo.itemText(i) for i in range(5)] == list(table.columns)
    assert picker.file_label.text() == "pets.csv: 3 rows, 5 columns"
    picker.fill_columns(table, skip=target)
    assert ticks(picker) == {"name": False, "age": True, "weight": True, "legs": True}
    assert (
        "not numbers" in picker.column_list.item(0).toolTip() and picker.column_list.item(1).toolTip() == ""
    )
    picker.fill_columns(table)  # every column, the target too
    assert list(ticks(picker)) == list(table.columns)


def test_reads_the_target_and_the_ticked_columns(picker, table):
    picker.fill_columns(table, skip=picker.offer(table))
    picker.column_list.item(2).setCheckState(Qt.CheckState.Unchecked)  # weight
    picker.target_combo.setCurrentIndex(1)
    assert picker.chosen() == ("age", ["age", "legs"])


def test_buttons_call_the_labs_functions(picker, qtbot):
    calls = []
    picker.connect(lambda: calls.append("open"), lambda: calls.append("use"), calls.append)
    qtbot.mouseClick(picker.open_button, Qt.MouseButton.LeftButton)
    picker.use_button.click()
    picker.target_combo.addItems(["a", "b"])  # the first item becomes current: index 0
    picker.target_combo.setCurrentIndex(1)
    assert calls == ["open", "use", 0, 1]
