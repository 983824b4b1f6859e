"""The Training lab's files panel: Save model, Load model, the loss history as CSV and the plots as PNG.

It asks for a path and emits what the user asked for (``save_requested(path)``, …); the lab does the work and
reports back with :meth:`FilesPanel.say`, in the error colour when it failed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...kit.widgets import ask_path, tip

TR = "FilesPanel"  # the translation context of this panel's texts
_TIPS = {  # the file buttons' tooltips, by objectName
    "saveModelButton": QT_TRANSLATE_NOOP(TR, "Write the weights with pycarrot.save (a .npz file)."),
    "loadModelButton": QT_TRANSLATE_NOOP(TR, "Read weights saved earlier (pycarrot.load) into the model."),
    "exportLossCsvButton": QT_TRANSLATE_NOOP(TR, "Export step, loss, smoothed loss and parameters as CSV."),
    "exportPngButton": QT_TRANSLATE_NOOP(TR, "Save each of the four plots as a PNG image in a folder."),
}
_NPZ = QT_TRANSLATE_NOOP(TR, "pycarrot model (*.npz);;All files (*)")  # the file types asked for
_MODELS = QT_TRANSLATE_NOOP(TR, "pycarrot model (*.npz *.pth);;All files (*)")


class FilesPanel(QGroupBox):
    """Four file buttons and a line saying what the last file operation did."""

    save_requested = Signal(str)  # a .npz path
    load_requested = Signal(str)
    export_csv_requested = Signal(str)  # a .csv path
    export_png_requested = Signal(str)  # a folder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tip(self, "filesBox", "", TR, text="Files")
        g = QGridLayout(self)
        buttons = [
            tip(QPushButton(clicked=slot), name, _TIPS[name], TR, text=text)
            for name, text, slot in (
                ("saveModelButton", QT_TRANSLATE_NOOP(TR, "Save model…"), self._save_dialog),
                ("loadModelButton", QT_TRANSLATE_NOOP(TR, "Load model…"), self._load_dialog),
                ("exportLossCsvButton", QT_TRANSLATE_NOOP(TR, "Loss as CSV…"), self._export_csv_dialog),
                ("exportPngButton", QT_TRANSLATE_NOOP(TR, "Plots as PNG…"), self._export_png_dialog),
            )
        ]
        for i, button in enumerate(buttons):
            g.addWidget(button, i // 2, i % 2)
        self.saveModelButton, self.loadModelButton, self.exportLossButton, self.exportPngButton = buttons
        self.fileMessageLabel = tip(
            QLabel("", wordWrap=True),
            "fileMessageLabel",
            "What the last file operation did.",
            TR,
        )
        g.addWidget(self.fileMessageLabel, 2, 0, 1, 2)

    def say(self, text: str, error: bool = False) -> None:
        """Say what the last file operation did (in the error colour when it failed)."""
        theme.set_tone(self.fileMessageLabel, "error" if error else "plain")
        self.fileMessageLabel.setText(text)

    def _ask_file(self, signal: SignalInstance, title: str, name: str, kinds: str, save: bool = True) -> None:
        """Ask for a file to save to (or, not ``save``, to open) and emit its path, if one was chosen; ``title``
        and ``kinds`` (the file-type filter) are English sources of this panel."""
        path = ask_path(self, TR, title, kinds, name if save else None)
        if path:
            signal.emit(path)

    def _save_dialog(self) -> None:
        self._ask_file(self.save_requested, QT_TRANSLATE_NOOP(TR, "Save model"), "linear_model.npz", _NPZ)

    def _load_dialog(self) -> None:
        self._ask_file(self.load_requested, QT_TRANSLATE_NOOP(TR, "Load model"), "", _MODELS, save=False)

    def _export_csv_dialog(self) -> None:
        title = QT_TRANSLATE_NOOP(TR, "Export loss history")
        self._ask_file(self.export_csv_requested, title, "loss_history.csv", "CSV (*.csv)")

    def _export_png_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, translate(TR, "Folder for the plot images"))
        if directory:
            self.export_png_requested.emit(directory)
