"""The Training lab's files panel: Save model, Load model, the loss history as CSV and the plots as PNG.

It asks for a path and emits what the user asked for (``save_requested(path)``, …); the lab does the work and
reports back with :meth:`FilesPanel.say`, in the error colour when it failed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...kit import texts
from ...kit.widgets import tip

TR = "FilesPanel"  # the translation context of this panel's texts
_TIPS = {  # the file buttons' tooltips, by objectName
    "saveModelButton": QT_TRANSLATE_NOOP(TR, "Write the weights with pycarrot.save (a .npz file)."),
    "loadModelButton": QT_TRANSLATE_NOOP(TR, "Read weights saved earlier (pycarrot.load) into the model."),
    "exportLossCsvButton": QT_TRANSLATE_NOOP(TR, "Export step, loss, smoothed loss and parameters as CSV."),
    "exportPngButton": QT_TRANSLATE_NOOP(TR, "Save each of the four plots as a PNG image in a folder."),
}


class FilesPanel(QGroupBox):
    """Four file buttons and a line saying what the last file operation did."""

    save_requested = Signal(str)  # a .npz path
    load_requested = Signal(str)
    export_csv_requested = Signal(str)  # a .csv path
    export_png_requested = Signal(str)  # a folder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        texts.bind(self.setTitle, TR, "Files")
        self.setObjectName("filesBox")
        g = QGridLayout(self)
        buttons = [
            tip(QPushButton(clicked=slot), name, _TIPS[name], TR)
            for name, slot in (
                ("saveModelButton", self._save_dialog),
                ("loadModelButton", self._load_dialog),
                ("exportLossCsvButton", self._export_csv_dialog),
                ("exportPngButton", self._export_png_dialog),
            )
        ]
        names = (
            QT_TRANSLATE_NOOP(TR, "Save model…"),
            QT_TRANSLATE_NOOP(TR, "Load model…"),
            QT_TRANSLATE_NOOP(TR, "Loss as CSV…"),
            QT_TRANSLATE_NOOP(TR, "Plots as PNG…"),
        )
        for i, (button, text) in enumerate(zip(buttons, names)):
            texts.bind(button.setText, TR, text)
            g.addWidget(button, i // 2, i % 2)
        self.saveModelButton, self.loadModelButton, self.exportLossButton, self.exportPngButton = buttons
        self.fileMessageLabel = tip(
            QLabel("", wordWrap=True),
            "fileMessageLabel",
            QT_TRANSLATE_NOOP(TR, "What the last file operation did."),
            TR,
        )
        g.addWidget(self.fileMessageLabel, 2, 0, 1, 2)

    def say(self, text: str, error: bool = False) -> None:
        """Say what the last file operation did (in the error colour when it failed)."""
        theme.set_tone(self.fileMessageLabel, "error" if error else "plain")
        self.fileMessageLabel.setText(text)

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate(TR, "Save model"),
            "linear_model.npz",
            translate(TR, "pycarrot model (*.npz);;All files (*)"),
        )
        if path:
            self.save_requested.emit(path)

    def _load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate(TR, "Load model"),
            "",
            translate(TR, "pycarrot model (*.npz *.pth);;All files (*)"),
        )
        if path:
            self.load_requested.emit(path)

    def _export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate(TR, "Export loss history"), "loss_history.csv", "CSV (*.csv)"
        )
        if path:
            self.export_csv_requested.emit(path)

    def _export_png_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, translate(TR, "Folder for the plot images"))
        if directory:
            self.export_png_requested.emit(directory)
