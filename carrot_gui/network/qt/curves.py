"""The Network lab's curves: loss and accuracy (training and test set) and gradient health (each layer's
gradient norm per step), each with its legend underneath. Painted from a session's histories on request.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts
from ...kit.plots import StepSeriesPlot
from ..trainer import NetworkSession

TR = "NetworkLab"  # the translation context (the lab's)
# the plots' tooltips (English sources of TR: tools/translations.py reads them where bind_texts is given them)
_LOSS_TIP = "Loss on the whole training set and on the held-out test set, measured every few steps."
_ACCURACY_TIP = "Share of samples classified right, training and test set."
_GRADIENT_TIP = (
    "Each layer's gradient norm per step (log scale): flat near zero means the layer has stopped learning."
)


def series_colours(n: int) -> list[str]:
    """The current theme's first ``n`` curve colours (train, test; layer 1, 2, …): colour-blind safe."""
    palette = theme.current().series
    return [palette[k % len(palette)] for k in range(n)]


class CurvesRow(QWidget):
    """The three step plots side by side: ``plots`` is (loss, accuracy, gradient health). The curves' keys
    stay language-free ("train", "test", "layer 1", ...); the legends show them translated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        sets = list(zip(("train", "test"), series_colours(2)))  # the loss and accuracy plots' two series
        loss = StepSeriesPlot("", "", sets, name="networkLossPlot")
        loss.bind_texts(TR, "Loss", "step", "loss", _LOSS_TIP)
        accuracy = StepSeriesPlot("", "", sets, name="accuracyPlot")
        accuracy.bind_texts(TR, "Accuracy", "step", "accuracy", _ACCURACY_TIP)
        gradient = StepSeriesPlot("", "‖∂L/∂W‖", log_y=True, name="gradientHealthPlot")
        gradient.bind_texts(TR, "Gradient health", "step", tooltip=_GRADIENT_TIP)
        self.plots = (loss, accuracy, gradient)
        self._layers = 0
        tips = (
            QT_TRANSLATE_NOOP(TR, "Which curve is which set."),
            QT_TRANSLATE_NOOP(TR, "Which curve is which set."),
            QT_TRANSLATE_NOOP(TR, "Which curve is which layer's weights."),
        )
        names = ("networkLossLegend", "accuracyLegend", "gradientHealthLegend")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for plot, name, tip in zip(self.plots, names, tips):
            texts.bind(plot.add_legend_bar(name, "").setToolTip, TR, tip)
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(plot, 1)
            box.addWidget(plot.legendLabel)
            row.addLayout(box)

    def new_run(self, session: NetworkSession) -> None:
        """Empty curves for a fresh run; one gradient curve per layer; no accuracy for regression."""
        loss, accuracy, gradient = self.plots
        for plot in self.plots:
            plot.reset_run()
        self._layers = len(session.layers)
        gradient.set_series([(f"layer {k + 1}", c) for k, c in enumerate(series_colours(self._layers))])
        accuracy.setVisible(session.spec.classes != 0)
        self.name_legends()

    def name_legends(self) -> None:
        """The legends in the current language."""
        loss, accuracy, gradient = self.plots
        train, test = series_colours(2)
        pair = [("━━", train, translate(TR, "train")), ("━━", test, translate(TR, "test"))]
        loss.legendLabel.set_entries(pair)
        accuracy.legendLabel.set_entries(pair)
        gradient.legendLabel.set_entries(
            [
                ("━━", c, format_text(TR, "layer {n}", n=k + 1))
                for k, c in enumerate(series_colours(self._layers))
            ]
        )

    def paint(self, s: NetworkSession, live: bool) -> None:
        """Paint the session's histories (``live``: follow the run)."""
        loss, accuracy, gradient = self.plots
        h = s.history()
        xs = h["step"]
        loss.show_values({"train": h["train loss"], "test": h["test loss"]}, live, xs=xs)
        if s.spec.classes:
            accuracy.show_values({"train": h["train accuracy"], "test": h["test accuracy"]}, live, xs=xs)
        norms = s.grad_norms.view()
        gradient.show_values({f"layer {k + 1}": norms[:, k] for k in range(norms.shape[1])}, live)

    def apply_theme(self) -> None:
        """Repaint in the current theme: plot colours, curve colours, legends."""
        for plot in self.plots:
            plot.apply_theme()
            plot.recolour(series_colours(len(plot.curves)))
            plot.legendLabel.apply_theme()
        self.name_legends()
