"""The "Network" tab (``networkLab``): a thin coordinator. The data and build panels edit Qt-free values, a
:class:`~carrot_gui.network.lab_model.NetworkLabModel` turns them into a training session, the kit's
time-sliced runner trains it, and on the runner's frame timer the views repaint from the session's state —
never once per step.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import i18n, theme
from ...errors import guarded
from ...i18n import QT_TRANSLATE_NOOP, format_text, translate
from ...kit import presenter, texts
from ...kit.actions import lab_keys
from ...kit.run import RunControls, TimeSlicedRunner, run_keys
from ...kit.widgets import tip
from ..backward import BackwardPlayback
from ..datasets import NetData
from ..lab_model import NetworkLabModel
from ..presets import Preset
from ..spec import FEATURES, NetworkSpec, SpecError
from ..trainer import NetworkSession
from .backward_controls import BackwardControls
from .boundary_plot import BoundaryPlot
from .build_panel import BuildPanel
from .curves import CurvesRow
from .data_panel import DataPanel
from .digits_view import DigitsView
from .neuron_view import NeuronView
from .predict import NetworkPredict

SLICE_MS = 5.0
CURVES_S = 0.25  # while training: the loss, accuracy and gradient curves repaint at 4 Hz
HEAVY_S = {"boundary": 0.3, "neurons": 0.5, "digits": 1.5}  # and the heavy views at most this often (s)
TR = "NetworkLab"  # the translation context of this lab's texts
RUN_NAMES = {
    "train": "trainNetworkButton",
    "step": "stepNetworkButton",
    "reset": "resetNetworkButton",
    "speed": "networkSpeedCombo",
}
BOUNDARY_GRID = 100
LEFT_MAX = 400  # px: the panels' column never takes more than this from the views
MAP_GRID = 24  # per-neuron activation maps: small images inside the circles
MAX_DIGITS_SHOWN = 2000  # all of the digits' 359 test images (the summary then matches the accuracy)


class NetworkLab(QWidget, presenter.Presentable):
    """The Network tab. ``sendToExpression(nodes, title)`` carries one forward pass's tensor graph."""

    sendToExpression = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkLab")
        self.model = NetworkLabModel()
        self.runner = TimeSlicedRunner(SLICE_MS, self)
        self._applying_preset = False
        self._due: dict[str, float] = {}  # when each part may repaint next while training
        self.backward: BackwardPlayback | None = None  # the backward pass being stepped, if any
        self._backward_of: tuple = ()  # (session, steps done, edits, loads) it was recorded for
        self._build()
        self._applying_preset = True  # the panels show the model's preset; the model already has its data
        self.dataPanel.apply_preset(self.model.preset)
        self._applying_preset = False
        self._wire()
        self.model.session_changed.connect(self._session_changed)
        self._session_changed(self.model.session)
        i18n.events.language_changed.connect(self._retranslate)

    def _retranslate(self, _language: str = "") -> None:
        """Texts made by code in the current language: tab names, legends, the status line, the views."""
        try:
            self._name_parts()
            self.statusLabel.setText(self._status[0]())
            self.refresh_theme()  # repaints every view, their texts too
        except RuntimeError:  # Qt already deleted the lab
            i18n.events.language_changed.disconnect(self._retranslate)

    def _name_parts(self) -> None:
        """The view tabs' and the legends' texts (the curves' keys stay "train", "test", "layer 1", ...)."""
        self.viewTabs.setTabText(0, translate(TR, "Network and data"))
        self.viewTabs.setTabText(1, translate(TR, "Digits"))
        self.curves.name_legends()

    # -- layout ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.dataPanel = DataPanel()
        self.buildPanel = BuildPanel(self.model.spec)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(self.dataPanel)
        lv.addWidget(self.buildPanel)
        lv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        # the panels' width with normal text; with projector text they scroll rather than squeeze the views
        scroll.setMinimumWidth(
            min(LEFT_MAX, left.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4)
        )
        self.panelsScroll = scroll  # presenter mode hides it
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _build_right(self) -> QWidget:
        right = QWidget()
        v = QVBoxLayout(right)
        v.setContentsMargins(0, 0, 0, 0)
        self.runControls = RunControls(RUN_NAMES, label="Train the network:")
        texts.bind(self.runControls.findChild(QLabel).setText, TR, "Train the network:")
        self._status: tuple[Callable[[], str], bool] = (str, False)  # the status line's maker and tone
        self._build_status()
        run = QHBoxLayout()
        run.addWidget(self.runControls)
        run.addStretch(1)
        v.addLayout(run)
        status = QHBoxLayout()
        status.addWidget(self.statusLabel, 1)
        status.addWidget(self.accuracyLabel)
        v.addLayout(status)
        # the backward pass at neuron level, and the same pass at tensor level in the Expression lab, in one
        # row (beside the run controls they made the lab 1,365 px wide with projector text: cut at 1280)
        self.backwardControls = BackwardControls()
        backward = QHBoxLayout()
        backward.addWidget(self.backwardControls, 1)
        backward.addWidget(self.tensorGraphButton)
        v.addLayout(backward)
        self.predict = NetworkPredict(self)  # predict, then reveal: one gradient of each layer, asked first
        self.backwardControls.add_control(self.predict.row.predictModeCheck)
        v.addWidget(self.predict.row)
        for name in ("predictModeCheck", "guessEdit", "revealButton", "scoreLabel"):
            setattr(self, name, getattr(self.predict.row, name))
        self.boundaryPlot = BoundaryPlot()
        self.neuronView = NeuronView()
        self.digitsView = DigitsView()
        self.viewTabs = QTabWidget()
        self.viewTabs.setObjectName("networkViewTabs")
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.neuronView)
        top.addWidget(self.boundaryPlot)
        self.viewTabs.addTab(top, "")
        self.viewTabs.addTab(self.digitsView, "")
        v.addWidget(self.viewTabs, 3)
        self.presenterCaption = presenter.caption_label()  # the backward stop in large words (presenter mode)
        v.addWidget(self.presenterCaption)
        self.curves = CurvesRow()
        self.lossPlot, self.accuracyPlot, self.gradientPlot = self.curves.plots
        v.addWidget(self.curves, 2)
        return right

    def _build_status(self) -> None:
        """The accuracy and status labels, and the button sending the tensor graph to the Expression lab."""
        self.accuracyLabel = tip(
            QLabel(""), "accuracyLabel", "Accuracy on the training and the held-out test set.", TR
        )
        self.statusLabel = tip(
            QLabel(""), "networkStatusLabel", "What the run is doing, or why it stopped.", TR
        )
        self.statusLabel.setWordWrap(True)
        self.tensorGraphButton = tip(
            QPushButton(),
            "tensorGraphButton",
            "Open one forward pass (4 samples: x, W1, b1, x@W1, …, loss) in the Expression lab and step its "
            "backward pass tensor by tensor.",
            TR,
        )
        texts.bind(self.tensorGraphButton.setText, TR, "Tensor graph ▸ Expression lab")
        self.tensorGraphButton.clicked.connect(lambda: self.send_tensor_graph())

    def _wire(self) -> None:
        c, r = self.runControls, self.runner
        c.train_toggled.connect(self._train_toggled)
        c.step_requested.connect(self.step_once)
        c.reset_requested.connect(self.reset)
        c.attach(r)  # the speed choice drives the runner; Train is released when it stops
        r.frame.connect(self.refresh)
        r.stopped.connect(self._runner_stopped)
        self.dataPanel.data_changed.connect(self._data_changed)
        self.dataPanel.features_changed.connect(self._features_changed)
        self.dataPanel.draw_class_changed.connect(self.boundaryPlot.set_draw_class)
        self.buildPanel.spec_changed.connect(self._spec_changed)
        self.buildPanel.preset_chosen.connect(self._preset_chosen)
        self.boundaryPlot.point_added.connect(self._point_added)
        self.boundaryPlot.point_removed.connect(self._point_removed)
        self.neuronView.weight_edited.connect(self._weight_edited)
        self.backwardControls.step_requested.connect(self.backward_step)
        self.backwardControls.back_requested.connect(self.backward_back)
        self.backwardControls.seek_requested.connect(self.backward_seek)
        keys = run_keys(self.toggle_training, self.step_once, self.reset)
        lab_keys(self, [*keys, ("Shift+Right", self.backward_step), ("Shift+Left", self.backward_back)])

    # -- state -----------------------------------------------------------------------------------------------
    @property
    def session(self) -> NetworkSession:
        return self.model.session

    def is_training(self) -> bool:
        return self.runner.is_running()

    def show_status(self, text: str, error: bool = False, remake: Callable[[], str] | None = None) -> None:
        """The run's state, or why something failed (in the error tone), in the lab's status line; ``remake``
        makes the text again in the new language after a switch."""
        self._status = (remake or (lambda: text), error)
        self.statusLabel.setText(text)
        theme.set_tone(self.statusLabel, "error" if error else "muted")

    @guarded(QT_TRANSLATE_NOOP("Errors", "starting a new run"))
    def _session_changed(self, session: NetworkSession) -> None:
        """A fresh run: the runner, the plots and the views follow it."""
        self.runner.set_target(session)
        self.runControls.set_running(False)
        session.run_stopped.connect(
            lambda _state: self.show_status(session.message(), session.state == "diverged", session.message)
        )
        self.curves.new_run(session)
        self._name_parts()
        data = session.data
        names = self._input_names(session.spec, data)
        self.neuronView.set_network(session.spec.widths, names)
        self.backwardControls.show_playback(self._live_backward(session), len(session.layers))
        self._show_points(data)
        self.viewTabs.setTabEnabled(1, data.image_shape is not None)
        self.viewTabs.setCurrentIndex(1 if data.image_shape is not None else 0)
        self.refresh()

    @staticmethod
    def _input_names(spec: NetworkSpec, data: NetData) -> list[str]:
        if spec.features:
            return [FEATURES[f] for f in spec.features]
        return [] if data.inputs > 8 else list(data.input_names)

    def _show_points(self, data: NetData) -> None:
        self.boundaryPlot.setVisible(data.extent is not None)  # digits, CSV with > 2 inputs: no plane to show
        if data.extent is None:
            self.boundaryPlot.set_points(None, None, data.classes)
            self.boundaryPlot.set_surface(None, (0, 1, 0, 1))
            return
        self.boundaryPlot.set_points(data.x_train, data.y_train, data.classes, data.x_test, data.y_test)

    def refresh_theme(self) -> None:
        """Repaint in the current theme (projector mode, larger text): plots, legends, views, then the data."""
        self.curves.apply_theme()
        for view in (self.boundaryPlot, self.neuronView, self.digitsView):
            view.apply_theme()
        self._show_points(self.session.data)  # point colours come from the theme
        self.backwardControls.show_playback(self._live_backward(self.session), len(self.session.layers))
        self.refresh()

    # -- painting (on the runner's frame, after a step, after an edit) ----------------------------------------
    def refresh(self) -> None:
        """Repaint from the session: everything at once when not training. While training (called on the
        runner's frames) the curves at most every CURVES_S, and per frame at most one heavy view that is due
        (boundary, neuron view, digits: each at most every HEAVY_S[view] and 5× its last paint apart).
        Measured: repainting the three plots on every 30 ms frame left training under 20 % of the time."""
        s = self.session
        live = self.runner.is_running()
        heavy = {"boundary": self._paint_boundary, "neurons": self._paint_neurons}
        if s.data.image_shape is not None and (not live or self.viewTabs.currentIndex() == 1):
            heavy["digits"] = self._paint_digits
        if not live:
            self._paint_curves(s, live)
            for paint in heavy.values():
                paint(s)
            return
        now = time.perf_counter()
        if now >= self._due.get("curves", 0.0):
            self._paint_curves(s, live)
            self._due["curves"] = now + CURVES_S
            return
        name = min(heavy, key=lambda k: self._due.get(k, 0.0))
        if now >= self._due.get(name, 0.0):
            heavy[name](s)
            self._due[name] = now + max(HEAVY_S[name], 5 * (time.perf_counter() - now))

    def _paint_curves(self, s: NetworkSession, live: bool) -> None:
        self.curves.paint(s, live)
        self.accuracyLabel.setText(s.accuracy_text())
        if not s.finished:
            self.show_status(s.message(), remake=s.message)

    def _paint_boundary(self, s: NetworkSession) -> None:
        data = s.data
        if data.extent is None:
            return
        if data.inputs == 1:
            xs = s.plane(BOUNDARY_GRID)[:, 0]
            self.boundaryPlot.set_curve(xs, s.boundary(BOUNDARY_GRID))
            return
        self.boundaryPlot.set_surface(s.boundary(BOUNDARY_GRID), data.extent)

    def _paint_neurons(self, s: NetworkSession) -> None:
        weights = s.weights()
        self.neuronView.set_weights([w for w, _ in weights], [b for _, b in weights])
        self._paint_backward(s)
        if s.data.inputs == 2:
            self.neuronView.set_neuron_maps(s.activation_maps(MAP_GRID), channels_last=True)
        else:  # no input plane (digits, CSV): each neuron filled by its mean output over the test set
            self.neuronView.set_neuron_values(s.mean_activations())

    def _paint_digits(self, s: NetworkSession) -> None:
        pred, true = s.predictions("test")
        k = min(MAX_DIGITS_SHOWN, len(true))
        self.digitsView.set_results(s.data.x_test[:k], pred[:k], true[:k], s.spec.classes)

    # -- stepping one training step's backward pass at neuron level ------------------------------------------
    def _live_backward(self, s: NetworkSession) -> BackwardPlayback | None:
        """The playback being stepped, dropped once the run moved on (a step, an edit, a load, a new run)."""
        if self.backward is not None and self._backward_of != self._backward_key(s):
            self.backward = None
            self.backwardControls.show_playback(None, len(s.layers))
        return self.backward

    @staticmethod
    def _backward_key(s: NetworkSession) -> tuple:
        return (s, s.steps_done, len(s.edits), len(s.loads))  # the session itself: an id may be reused

    def _paint_backward(self, s: NetworkSession) -> None:
        """The neuron view's gradients and lit layer: the playback's stop while one is stepped (layers not
        reached yet show none), else the last training step's gradients with no layer lit."""
        b = self._live_backward(s)
        self.predict.follow(b)
        if b is None and self.predict.on:  # the last step's gradients would tell the next step's answers
            self.neuronView.set_gradients(None, None)
            layer = None
        elif b is None:
            self.neuronView.set_gradients(s.gradients(), s.bias_gradients())
            layer = None
        else:
            self.neuronView.set_gradients(b.gradients(), b.bias_gradients())
            layer = b.layer()
        if layer != self.neuronView.highlighted:
            self.neuronView.highlight_layer(layer)

    def _backward_moved(self) -> None:
        self.backwardControls.show_playback(self.backward, len(self.session.layers))
        self._paint_backward(self.session)

    def _ensure_backward(self) -> BackwardPlayback:
        s = self.session
        if self._live_backward(s) is None:
            self.backward = BackwardPlayback(s)
            self._backward_of = self._backward_key(s)
        return self.backward

    @guarded(QT_TRANSLATE_NOOP("Errors", "stepping the backward pass"))
    def backward_step(self) -> None:
        """One layer further through the next training step's backward() (recorded on the first press)."""
        self.pause()
        b = self._ensure_backward()
        b.seek(self.predict.limit(b, b.position + 1))
        self._backward_moved()

    @guarded(QT_TRANSLATE_NOOP("Errors", "stepping the backward pass"))
    def backward_back(self) -> None:
        """One layer back towards the forward state."""
        if self._live_backward(self.session) is not None:
            self.backward.step_back()
            self._backward_moved()

    @guarded(QT_TRANSLATE_NOOP("Errors", "moving through the backward pass"))
    def backward_seek(self, stop: int) -> None:
        self.pause()
        b = self._ensure_backward()
        b.seek(self.predict.limit(b, stop))
        self._backward_moved()

    # -- presenter mode (the protocol of carrot_gui/kit/presenter.py) ------------------------------------------
    def presenter_panels(self) -> list[presenter.Fold]:
        """The settings on the left (data, network, training)."""
        return [presenter.widget_fold(self.panelsScroll)]

    def presenter_caption(self) -> str:
        """The guess asked in predict mode, else what the backward pass shows now."""
        return self.predict.row.caption() or self.backwardControls.plain_text

    def presenter_next(self) -> None:
        """One layer further back; after the first layer, the step that applies the gradients."""
        b = self._live_backward(self.session)
        if b is not None and b.at_end:
            self.step_once()  # its repaint drops the finished playback: the forward state again
        else:
            self.backward_step()

    def presenter_previous(self) -> None:
        """One layer back in the backward pass."""
        self.backward_back()

    def set_presenting(self, on: bool) -> None:
        """Training pauses: the presenter's keys step the network from here."""
        self.pause()

    # -- lessons -------------------------------------------------------------------------------------------------
    def lesson_state(self):
        """What a lesson keeps of the lab (a ``NetworkState``, see :meth:`NetworkLabModel.lesson_state`), with
        the stop of the backward pass being stepped. LessonError for data a lesson cannot remake."""
        b = self._live_backward(self.session)
        return self.model.lesson_state(None if b is None else b.position)

    def apply_lesson_state(self, state) -> None:
        """Show a lesson's ``NetworkState``: its data, network, weights, curves and backward stop. ValueError
        (the lab keeps everything it had) if a part does not fit."""
        self.pause()
        session = self.model.apply(state)  # raises before anything changes; repaints through session_changed
        self.buildPanel.set_spec(self.model.spec)
        self.dataPanel.show_data(self.model.data, self.model.spec.features)
        if state.backward is not None:
            self.backward = BackwardPlayback(session)
            self._backward_of = self._backward_key(session)
            self.backward.seek(state.backward)
            self._backward_moved()
        self.show_status(session.message(), session.state == "diverged", session.message)

    # -- running -----------------------------------------------------------------------------------------------
    @guarded(QT_TRANSLATE_NOOP("Errors", "starting or pausing training"))
    def _train_toggled(self, on: bool) -> None:
        self.start() if on else self.pause()

    @guarded(QT_TRANSLATE_NOOP("Errors", "starting or pausing training"))
    def toggle_training(self) -> None:
        self.pause() if self.is_training() else self.start()

    def start(self) -> None:
        """Train on the time-sliced runner (a finished or diverged run says so and stays stopped)."""
        if self.session.finished:
            self.runControls.set_running(False)
            self._say_finished()
            return
        self.runControls.set_running(True)
        self.runner.start()

    def pause(self) -> None:
        self.runner.pause()

    @guarded(QT_TRANSLATE_NOOP("Errors", "stepping the network"))
    def step_once(self) -> None:
        """Exactly one optimiser step (pauses a running run first)."""
        self.pause()
        if self.session.step() is None:
            self._say_finished()
        self.refresh()

    def _say_finished(self) -> None:
        """The run is over: say why, and what starts a new one."""
        s = self.session

        def text() -> str:
            return s.message() + translate(TR, " Press Reset for a new run.")

        self.show_status(text(), error=True, remake=text)

    @guarded(QT_TRANSLATE_NOOP("Errors", "resetting the network"))
    def reset(self) -> None:
        """A new run: fresh initial weights from the seed, empty curves."""
        self.pause()
        self.model.reset()

    def _runner_stopped(self) -> None:
        self.refresh()
        if self.session.finished:
            s = self.session
            self.show_status(s.message(), error=s.state == "diverged", remake=s.message)

    # -- panels and views talking -------------------------------------------------------------------------
    @guarded(QT_TRANSLATE_NOOP("Errors", "changing the data"))
    def _data_changed(self, data: NetData) -> None:
        if self._applying_preset:
            return
        self.pause()
        self.model.set_data(data, self.dataPanel.features())
        self.buildPanel.set_spec(self.model.spec)

    @guarded(QT_TRANSLATE_NOOP("Errors", "choosing the input features"))
    def _features_changed(self, features: tuple[str, ...]) -> None:
        reason = self.buildPanel.set_features(features)  # emits spec_changed when accepted
        if reason:
            self.show_status(format_text(TR, "Features not used: {reason}", reason=reason), error=True)

    @guarded(QT_TRANSLATE_NOOP("Errors", "changing the network"))
    def _spec_changed(self, spec: NetworkSpec) -> None:
        if self._applying_preset:
            return
        self.pause()
        try:
            self.model.set_spec(spec)
        except SpecError as exc:
            self.show_status(str(exc), error=True)

    @guarded(QT_TRANSLATE_NOOP("Errors", "choosing a preset"))
    def _preset_chosen(self, preset: Preset) -> None:
        self.pause()
        self._applying_preset = True
        try:
            self.dataPanel.apply_preset(preset)
        finally:
            self._applying_preset = False
        self.model.apply_preset(preset)
        self.show_status(translate("Presets", preset.note), remake=lambda: translate("Presets", preset.note))

    @guarded(QT_TRANSLATE_NOOP("Errors", "drawing a point"))
    def _point_added(self, x1: float, x2: float, label: int) -> None:
        self.dataPanel.add_point(x1, x2, label)

    @guarded(QT_TRANSLATE_NOOP("Errors", "removing a point"))
    def _point_removed(self, index: int) -> None:
        data = self.session.data
        if data.source != "drawn":
            self.show_status(translate(TR, "Only drawn points can be removed: choose 'Draw your own' first."))
            return
        xy = np.concatenate([data.x_train, data.x_test])[index]
        self.dataPanel.remove_point(float(xy[0]), float(xy[1]))

    @guarded(QT_TRANSLATE_NOOP("Errors", "editing a weight"))
    def _weight_edited(self, layer: int, i: int, j: int, value: float) -> None:
        self.session.set_weight(layer, i, j, value)
        self.refresh()

    @guarded(QT_TRANSLATE_NOOP("Errors", "sending the tensor graph"))
    def send_tensor_graph(self) -> None:
        """Emit ``sendToExpression`` with one forward pass on 4 samples, the loss last."""
        s = self.session
        title = format_text(
            TR,
            "Network {network}: one forward pass on 4 samples at step {step}",
            network=s.spec.describe(),
            step=s.steps_done,
        )
        self.sendToExpression.emit(s.tensor_graph(4), title)
