"""The Training lab's plots panel: the loss curve with its options (log y, smoothing, outliers, earlier
runs), the data with the fitted line, the MSE surface and the parameters, and the row that tells which
step's model is shown. It paints a :class:`TrainingSession`'s buffers when asked (:meth:`PlotsPanel.refresh`,
on the run's frame timer), and lets the user inspect any past step by clicking the loss curve.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import texts
from ...kit.plots import with_legend_bar
from ...kit.widgets import tip
from ..data import Dataset
from ..history import IncrementalEma
from ..session import DIVERGED, TrainingSession
from ..surface import surface_around
from .plots import DataPlot, LossPlot, ParamPlot
from .surface_plot import SurfacePlot

TR = "TrainingPlots"  # the translation context of the plots' texts


class PlotsPanel(QWidget):
    """The four plots and their controls. ``is_live()`` says whether a run is going (then the step plots
    follow it); ``log_y_toggled(bool)`` tells the lab the loss axis changed."""

    log_y_toggled = Signal(bool)

    def __init__(self, is_live: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.is_live = is_live
        self.session: TrainingSession | None = None
        self.data: Dataset | None = None
        self._runs = (
            0  # runs kept as faded curves since the data changed (they are numbered when names repeat)
        )
        self.inspected_step: int | None = None
        self._smooth = IncrementalEma(0.6)
        self.lossPlot = LossPlot()
        # the crosshair readout floats at the top of the loss plot, under its title: readable on a
        # projector, and it never crowds the rows of controls (where it used to be cut off)
        self.hoverLabel = tip(QLabel("", self.lossPlot), "lossReadout", "The loss under the mouse.", TR)
        self.hoverLabel.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hoverLabel.hide()
        self.dataPlot = DataPlot()
        self.surfacePlot = SurfacePlot()
        self.paramPlot = ParamPlot()
        grid = QGridLayout()
        grid.addWidget(self.lossPlot, 0, 0, 1, 3)
        grid.addWidget(self.surfacePlot, 1, 1)
        self.dataPlotBox = with_legend_bar(self.dataPlot, "dataPlotBox")
        self.paramBox = with_legend_bar(self.paramPlot, "paramBox")
        grid.addWidget(self.dataPlotBox, 1, 0)
        grid.addWidget(self.paramBox, 1, 2)
        grid.setRowStretch(0, 1)  # the small plots as tall as the loss: 3:2 left them 150 px high at 1280x800
        grid.setRowStretch(1, 1)  # in projector mode
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_loss_options())
        layout.addLayout(grid, 1)
        layout.addLayout(self._build_inspect_row())
        self.lossPlot.stepClicked.connect(self.inspect_step)
        self.lossPlot.hovered.connect(self._show_hover)
        texts.follow(self._retranslate)  # now and after every language switch

    def _retranslate(self) -> None:
        """Texts the plots made by code, again in the current language."""
        for plot in (self.lossPlot, self.dataPlot, self.paramPlot):
            plot.retranslate()
        if self.data is not None and self.data.n_features != 1:
            self.surfacePlot.note.setText(translate(TR, "The MSE surface is drawn\nfor one feature only"))
        self.inspect_step(self.inspected_step)

    def plots(self) -> dict[str, QWidget]:
        """Each plot as it is exported (with its legend), by file name."""
        return {
            "training-loss.png": self.lossPlot,
            "training-data.png": self.dataPlotBox,
            "training-surface.png": self.surfacePlot,
            "training-parameters.png": self.paramBox,
        }

    def _build_smoothing(self) -> None:
        """The log-axis check and the smoothing slider with its value label (loss plot options)."""
        self.logYCheck = tip(
            QCheckBox(toggled=self._log_toggled), "logYCheck", "Show the loss on a logarithmic axis.", TR
        )
        self.smoothingSlider = tip(
            QSlider(
                Qt.Orientation.Horizontal,
                minimum=0,
                maximum=999,
                value=600,
                maximumWidth=180,
                valueChanged=self._smoothing_changed,
            ),
            "smoothingSlider",
            "Smoothing of the solid curve: exponential moving average weight 0–0.999.",
            TR,
        )
        self.smoothingLabel = tip(QLabel("0.600"), "smoothingLabel", "The smoothing weight.", TR)

    def _build_loss_options(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self._build_smoothing()
        self.outliersCheck = tip(
            QCheckBox(toggled=self._outliers_toggled),
            "ignoreOutliersCheck",
            "Fit the y axis to the bulk of the curve, not to a few huge early losses.",
            TR,
        )
        self.clearRunsButton = tip(
            QPushButton(clicked=self.lossPlot.clear_earlier),
            "clearRunsButton",
            "Remove the faded curves of earlier runs.",
            TR,
        )
        self.fitViewButton = tip(
            QPushButton(clicked=self.fit_views),
            "fitViewButton",
            "Follow the run again after you zoomed or panned a plot.",
            TR,
        )
        for widget, text in (
            (self.logYCheck, QT_TRANSLATE_NOOP(TR, "Log y")),
            (self.outliersCheck, QT_TRANSLATE_NOOP(TR, "Ignore outliers")),
            (self.clearRunsButton, QT_TRANSLATE_NOOP(TR, "Clear earlier runs")),
            (self.fitViewButton, QT_TRANSLATE_NOOP(TR, "Fit view")),
        ):
            texts.bind(widget.setText, TR, text)
        smoothing = QLabel()
        texts.bind(smoothing.setText, TR, "Smoothing")
        row.addWidget(self.logYCheck)
        row.addSpacing(8)
        row.addWidget(smoothing)
        row.addWidget(self.smoothingSlider)
        row.addWidget(self.smoothingLabel)
        row.addSpacing(8)
        row.addWidget(self.outliersCheck)
        row.addWidget(self.clearRunsButton)
        row.addWidget(self.fitViewButton)
        row.addStretch(1)
        return row

    def _build_inspect_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.paramsLabel = tip(
            QLabel(""), "paramsLabel", "The model's parameters (now, or at the step you clicked).", TR
        )
        self.paramsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.liveButton = tip(
            QPushButton(), "backToLiveButton", "Stop inspecting a past step; show the model as it is now.", TR
        )
        texts.bind(self.liveButton.setText, TR, "Back to live")
        self.liveButton.setVisible(False)
        self.liveButton.clicked.connect(lambda: self.inspect_step(None))
        self.paramsLabel.setMinimumHeight(
            self.liveButton.sizeHint().height()
        )  # no jump when the button shows
        row.addWidget(self.paramsLabel, 1)
        row.addWidget(self.liveButton)
        return row

    def set_data(self, data: Dataset, keep_runs: bool = False) -> None:
        """A new dataset: its points, one curve per parameter, and no earlier runs (they were on other data)
        unless ``keep_runs`` (the same samples in other units)."""
        self.data = data
        true_line = None
        if data.true_weight is not None and data.n_features == 1:
            true_line = (data.true_weight, data.true_bias)
        axis_names = data.feature_names
        if data.standardised:  # the x axis is in standard deviations now, not the file's units
            axis_names = tuple(format_text(TR, "{name} (standardised)", name=n) for n in axis_names)
        self.dataPlot.set_data(data.x, data.y, axis_names, data.target_name, true_line)
        self.paramPlot.set_names(
            [f"w {n}" if data.n_features > 1 else "weight" for n in data.feature_names] + ["bias"]
        )
        if not keep_runs:
            self.lossPlot.clear_earlier()
            self._runs = 0

    def new_run(self, session: TrainingSession | None) -> None:
        """Show ``session`` from its start: empty curves, the surface around its initial weights."""
        self.session = session
        self._smooth.reset(self._smoothing())
        for plot in (self.lossPlot, self.paramPlot):
            plot.reset_run()
            plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)  # not the last run's 1e300 until a step
        self.inspect_step(None)
        self.surfacePlot.set_surface(None, "")
        if session is None:
            return
        data = session.data
        if data.n_features == 1:
            pts = [(float(session.weight[0, 0]), float(session.bias[0]))]
            if data.true_weight is not None:
                pts.append((float(data.true_weight[0]), float(data.true_bias)))
            self.surfacePlot.set_surface(surface_around(data.x, data.y, pts))
        else:
            self.surfacePlot.set_surface(
                None, translate(TR, "The MSE surface is drawn\nfor one feature only")
            )
        self.refresh()

    def keep_as_earlier(self, session: TrainingSession) -> None:
        """Keep ``session``'s loss curve as a faded curve, named by its optimiser and learning rate, its
        features' units when the data in view has the others, and its run number when that name is taken."""
        self._runs += 1
        losses = session.losses.view()
        label = f"{session.config.optimizer} lr={session.config.learning_rate:g}"
        if self.data is not None and session.data.standardised != self.data.standardised:
            if session.data.standardised:
                label += translate(TR, " · standardised")
            else:
                label += translate(TR, " · raw features")
        if session.state == DIVERGED:
            label += translate(TR, " (diverged)")
        taken = {
            c.name().split(" · ", 1)[-1] if c.name().startswith("run ") else c.name()
            for c in self.lossPlot.earlier
        }
        if label in taken:
            label = format_text(TR, "run {n} · {label}", n=self._runs, label=label)
        self.lossPlot.add_earlier(losses[np.isfinite(losses)], label)

    def smoothed(self) -> np.ndarray:
        """The smoothed loss as shown (for the CSV export)."""
        return self._smooth.view()

    def fit_views(self) -> None:
        """Let the loss and parameter plots follow the run again (after the user zoomed or panned)."""
        self.lossPlot.follow.resume()
        self.paramPlot.follow.resume()
        self.refresh()

    def apply_theme(self) -> None:
        for plot in (self.lossPlot, self.dataPlot, self.surfacePlot, self.paramPlot):
            plot.apply_theme()
        t = theme.current()
        self.hoverLabel.setStyleSheet(  # a floating box, not a role colour: it keeps its own sheet
            f"color: {t.text}; background: {t.panel}; border: 1px solid {t.grid};"
            f" border-radius: 3px; padding: 1px 6px; font-size: {t.font_size:.0f}pt;"
        )
        self.refresh()

    def _smoothing(self) -> float:
        return self.smoothingSlider.value() / 1000.0

    def refresh(self) -> None:
        """Repaint every plot from the session's buffers (the run's frame timer calls this)."""
        s = self.session
        if s is None:
            return
        losses = s.losses.view()
        n = losses.size
        raw = losses[: n - 1 if (s.state == DIVERGED and n) else n]
        self._smooth.update(raw)
        live = self.is_live()
        self.lossPlot.show_loss(raw, self._smooth.view(), s.diverged_step, self._smooth.all_finite, live)
        params = s.params.view()
        self.paramPlot.show_params(params, live)
        if self.inspected_step is None:
            w, b = s.weight, s.bias
            self.dataPlot.show_model(w, b)
            if s.data.n_features == 1:
                self.surfacePlot.show_path(params, (float(w[0, 0]), float(b[0])))
            self.paramsLabel.setText(self._params_text(w, b, None))

    def _params_text(self, w: np.ndarray, b: np.ndarray, step: tuple[int, float] | None) -> str:
        """``Model now: weight = [...], bias = ...`` or ``Model at step 3 (loss 0.2): ...``."""
        ws = ", ".join(theme.format_number(v) for v in w.reshape(-1)[:6])
        more = " …" if w.size > 6 else ""
        bias = theme.format_number(b.reshape(-1)[0])
        if step is None:
            return format_text(TR, "Model now: weight = [{w}], bias = {b}", w=ws + more, b=bias)
        return format_text(
            TR,
            "Model at step {step} (loss {loss}): weight = [{w}], bias = {b}",
            step=step[0],
            loss=theme.format_number(step[1]),
            w=ws + more,
            b=bias,
        )

    def inspect_step(self, step: int | None) -> None:
        """Show the model as it was when step ``step`` computed its loss (None: back to live)."""
        s = self.session
        if step is not None and (s is None or len(s.params) == 0):
            return
        if step is not None:
            assert s is not None
            step = int(min(max(step, 0), len(s.params) - 1))
            w, b = s.params_at(step)
            self.inspected_step = step
            self.lossPlot.show_inspected(step)
            self.paramPlot.show_inspected(step)
            self.dataPlot.show_model(w, b)
            if s.data.n_features == 1:
                self.surfacePlot.show_path(s.params.view()[: step + 1], None)
            loss = s.losses.view()[step]
            self.paramsLabel.setText(self._params_text(w, b, (step, loss)))
            self.liveButton.setVisible(True)
        else:
            self.inspected_step = None
            self.lossPlot.show_inspected(None)
            self.paramPlot.show_inspected(None)
            self.liveButton.setVisible(False)
            if s is not None:
                self.refresh()

    def _show_hover(self, x: float) -> None:
        s = self.session
        if s is None or len(s.losses) == 0 or not math.isfinite(x):
            self._set_readout("")
            return
        k = int(round(x))
        n = len(s.losses)
        if not 0 <= k < n:
            self._set_readout("")
            return
        raw = s.losses.view()[k]
        sm = self._smooth.view()
        smooth = sm[k] if k < sm.size else float("nan")
        self._set_readout(
            format_text(
                TR,
                "step {k} · loss {loss} · smoothed {smooth}",
                k=k,
                loss=theme.format_number(raw),
                smooth=theme.format_number(smooth),
            )
        )

    def _set_readout(self, text: str) -> None:
        label = self.hoverLabel
        label.setText(text)
        if not text:
            label.hide()
            return
        label.adjustSize()
        title_h = self.lossPlot.getPlotItem().titleLabel.size().height()
        label.move(max(0, (self.lossPlot.width() - label.width()) // 2), int(title_h) + 2)
        label.show()
        label.raise_()

    def _log_toggled(self, on: bool) -> None:
        self.lossPlot.set_log_y(on)
        self.refresh()
        self.log_y_toggled.emit(on)

    def _outliers_toggled(self, on: bool) -> None:
        self.lossPlot.ignore_outliers = on
        self.refresh()

    def _smoothing_changed(self, _value: int) -> None:
        self.smoothingLabel.setText(f"{self._smoothing():.3f}")
        self._smooth.reset(self._smoothing())
        self.refresh()
