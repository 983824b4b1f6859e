"""The Training lab's files panel: Save model, Load model, the loss history as CSV and the plots as PNG.

It asks for a path and emits what the user asked for (``save_requested(path)``, …); the lab does the work and
reports back with :meth:`FilesPanel.say`, in the error colour when it failed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from ... import theme
from ...kit.widgets import tip

_TIPS = {  # the file buttons' tooltips, by objectName
    "saveModelButton": "Write the weights with pycarrot.save (a .npz file).",
    "loadModelButton": "Read weights saved earlier (pycarrot.load) into the model.",
    "exportLossCsvButton": "Export step, loss, smoothed loss and parameters as CSV.",
    "exportPngButton": "Save each of the four plots as a PNG image in a folder.",
}


class FilesPanel(QGroupBox):
    """Four file buttons and a line saying what the last file operation did."""

    save_requested = Signal(str)  # a .npz path
    load_requested = Signal(str)
    export_csv_requested = Signal(str)  # a .csv path
    export_png_requested = Signal(str)  # a folder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Files", parent)
        self.setObjectName("filesBox")
        g = QGridLayout(self)
        buttons = [
            tip(QPushButton(text, clicked=slot), name, _TIPS[name])
            for text, name, slot in (
                ("Save model…", "saveModelButton", self._save_dialog),
                ("Load model…", "loadModelButton", self._load_dialog),
                ("Loss as CSV…", "exportLossCsvButton", self._export_csv_dialog),
                ("Plots as PNG…", "exportPngButton", self._export_png_dialog),
            )
        ]
        for i, button in enumerate(buttons):
            g.addWidget(button, i // 2, i % 2)
        self.saveModelButton, self.loadModelButton, self.exportLossButton, self.exportPngButton = buttons
        self.fileMessageLabel = tip(
            QLabel("", wordWrap=True), "fileMessageLabel", "What the last file operation did."
        )
        g.addWidget(self.fileMessageLabel, 2, 0, 1, 2)

    def say(self, text: str, error: bool = False) -> None:
        """Say what the last file operation did (in the error colour when it failed)."""
        theme.set_tone(self.fileMessageLabel, "error" if error else "plain")
        self.fileMessageLabel.setText(text)

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save model", "linear_model.npz", "pycarrot model (*.npz);;All files (*)"
        )
        if path:
            self.save_requested.emit(path)

    def _load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Load model", "", "pycarrot model (*.npz *.pth);;All files (*)"
        )
        if path:
            self.load_requested.emit(path)

    def _export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export loss history", "loss_history.csv", "CSV (*.csv)")
        if path:
            self.export_csv_requested.emit(path)

    def _export_png_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, "Folder for the plot images")
        if directory:
            self.export_png_requested.emit(directory)
