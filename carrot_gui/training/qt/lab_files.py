"""The Training lab's file actions: save and load the model, export the loss history as CSV and the plots as
PNG files. A mixin of :class:`~carrot_gui.training.qt.lab.TrainingLab` (it uses the lab's session and panels);
each action says on the files panel what it did or why it could not.
"""

from __future__ import annotations

import csv
import os

import pycarrot as pc

from ...i18n import format_text
from ..model_file import state_to_load, state_to_save

TR = "TrainingLab"


class LabFiles:
    """Save/load/export for the Training lab (mixed into it: ``self.session``, ``self.filesPanel``, ...)."""

    def save_model(self, path: str) -> bool:
        if self.session is None:
            return False
        try:
            pc.save(state_to_save(self.session.model.state_dict(), self.session.data), path)
        except (OSError, ValueError) as exc:
            self.filesPanel.say(format_text(TR, "Could not save the model: {error}", error=exc), error=True)
            return False
        name = os.path.basename(path)
        if self.session.data.standardised:
            said = format_text(
                TR, "Saved the model to {name} with the features' means and deviations.", name=name
            )
        else:
            said = format_text(TR, "Saved the model to {name}.", name=name)
        self.filesPanel.say(said)
        return True

    def load_model(self, path: str) -> bool:
        """Load weights into the current model; ``load_state_dict`` checks names and shapes and changes
        nothing when one is wrong (its message is shown)."""
        if self.session is None:
            return False
        name = os.path.basename(path)
        try:
            state, note = state_to_load(pc.load(path), self.session.data)
            self.session.model.load_state_dict(state)
        except (OSError, ValueError, TypeError) as exc:
            why = str(exc).replace("\n  ", "; ")
            self.filesPanel.say(
                format_text(
                    TR,
                    "Could not load {name}: {why}. This model has {n} feature(s).",
                    name=name,
                    why=why,
                    n=self.session.data.n_features,
                ),
                error=True,
            )
            return False
        self.pause()
        self._loaded_state = state  # new runs (changed settings) start from it too, until Reset
        self._loaded_name = name
        note = f" ({note})" if note else ""
        self.filesPanel.say(
            format_text(
                TR,
                "Loaded the model from {name}{note}; Train continues from it (Reset forgets it).",
                name=name,
                note=note,
            )
        )
        self.plotsPanel.inspect_step(None)
        self.refresh()
        return True

    def export_loss_csv(self, path: str) -> bool:
        """Write step, loss, smoothed loss and the parameters that produced each loss."""
        if self.session is None:
            return False
        header, rows = self.session.history_table(self.plotsPanel.smoothed())
        try:
            with open(path, "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(header)
                w.writerows(rows)
        except OSError as exc:
            self.filesPanel.say(
                format_text(
                    TR,
                    "Could not write {name}: {error}",
                    name=os.path.basename(path),
                    error=exc.strerror or exc,
                ),
                error=True,
            )
            return False
        self.filesPanel.say(
            format_text(
                TR, "Wrote {n} steps to {name}.", n=len(self.session.losses), name=os.path.basename(path)
            )
        )
        return True

    def export_plots(self, directory: str) -> list[str]:
        """Save the four plots as PNG files in ``directory``; returns the paths written."""
        self.refresh()
        out = []
        for name, widget in self.plotsPanel.plots().items():
            path = os.path.join(directory, name)
            if not widget.grab().save(path, "PNG"):
                self.filesPanel.say(format_text(TR, "Could not write {path}.", path=path), error=True)
                return out
            out.append(path)
        self.filesPanel.say(format_text(TR, "Saved {n} PNG files in {folder}.", n=len(out), folder=directory))
        return out
