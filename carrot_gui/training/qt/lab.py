"""The Training lab: SGD (or Adam) fits a line with pycarrot while the loss, the fit, the MSE surface and
the parameters are drawn live.

A thin coordinator: the data panel hands it a ``Dataset``, the model panel a ``TrainConfig``; it makes the
``TrainingSession``, runs it with the kit's :class:`~carrot_gui.kit.run.TimeSlicedRunner` (time slices on
the GUI thread: responsive, and bit-identical to a headless run), lets the plots panel repaint on the
runner's frame timer, and answers the session's events (run stopped, diverged) on the status line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import pycarrot as pc

from ... import theme
from ...i18n import format_text, translate
from ...kit import presenter, texts
from ...kit.actions import lab_keys
from ...kit.run import RunControls, TimeSlicedRunner, run_keys
from ...kit.widgets import tip
from ..advice import advise
from ..data import Dataset, same_samples
from ..session import CONVERGED, DIVERGED, FINISHED, RUNNING, TrainConfig, TrainingSession
from .data_panel import DataPanel
from .files_panel import FilesPanel
from .lab_files import LabFiles
from .model_panel import ModelPanel
from .views import PlotsPanel

SLICE_MS = 5.0  # training work per event-loop turn (latency p99 stays well under 20 ms)
DEFAULT_SPEED = 20.0  # steps per second at start: the line visibly swings into place (300 steps in 15 s)
SLOW_STEP_SECONDS = 0.02  # a single step longer than this breaks the latency target: the lab says so
RUN_NAMES = {
    "train": "trainButton",
    "step": "trainStepButton",
    "reset": "resetTrainingButton",
    "speed": "trainingSpeedCombo",
}
TR = "TrainingLab"  # the translation context of this lab's texts


class TrainingLab(LabFiles, QWidget, presenter.Presentable):
    """The "Training" tab. ``sendToExpression(nodes, title)`` asks for one step's graph to be shown in the
    Expression lab (the main window shows it there and switches tabs).

    The panels' controls and actions read as the lab's own (``lab.learningRateSpin``, ``lab.open_csv``,
    ``lab.lossPlot``): see :meth:`__getattr__`."""

    sendToExpression = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingLab")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Space / → / Ctrl+R reach it when the tab opens
        self.session: TrainingSession | None = None
        self.data: Dataset | None = None
        self._loaded_state: dict | None = None  # weights from "Load model…" that new runs start from
        self._loaded_name = ""  # its file's name
        self._slow_noted = False  # told the user that single steps are slow (huge full batches)
        self._status_alert = False  # the status line shows an error (bold red)
        self._status_text: Callable[[], str] = str  # makes the status line (again after a language switch)
        self.runner = TimeSlicedRunner(SLICE_MS, self)
        self._build()
        self._panels = (self.dataPanel, self.modelPanel, self.filesPanel, self.plotsPanel)
        self._connect()
        self._use_data(self.dataPanel.data)
        self.refresh_theme()
        texts.follow(self._retranslate)  # now and after every language switch

    def _retranslate(self) -> None:
        """Re-make the texts built at run time (status, progress) in the new language."""
        self._set_status(self._status_text, self._status_alert)
        self._show_advice()
        self.refresh()

    def __getattr__(self, name: str):
        """A name the lab does not have is looked up on its panels, so ``lab.learningRateSpin`` is the model
        panel's spin box and ``lab.open_csv`` the data panel's action (one place to look for tests, scripts
        and shortcuts). Only called for names the lab itself lacks."""
        for panel in self.__dict__.get("_panels", ()):
            try:
                return getattr(panel, name)
            except AttributeError:
                continue
        raise AttributeError(f"{type(self).__name__!r} object (or its panels) has no attribute {name!r}")

    # ------------------------------------------------------------------------------------------------
    # building
    # ------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.dataPanel = DataPanel()
        self.modelPanel = ModelPanel()
        self.filesPanel = FilesPanel()
        controls = QWidget()
        side = QVBoxLayout(controls)
        side.setContentsMargins(4, 4, 4, 4)
        for panel in (self.dataPanel, self.modelPanel, self.filesPanel):
            side.addWidget(panel)
        side.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("trainingControls")
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._controls, self._controls_scroll = controls, scroll

        self.plotsPanel = PlotsPanel(self.runner.is_running)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 4, 4, 4)
        rl.addLayout(self._build_run_row())
        status = QHBoxLayout()  # the status line, and the step's graph to look at beside it
        status.addWidget(self.toggleSettingsButton, 0, Qt.AlignmentFlag.AlignTop)
        status.addWidget(self.trainingStatusLabel, 1)
        status.addWidget(self.sendButton, 0, Qt.AlignmentFlag.AlignTop)
        rl.addLayout(status)
        rl.addWidget(self.plotsPanel, 1)
        self.presenterCaption = presenter.caption_label()  # the run's state in large words (presenter mode)
        rl.addWidget(self.presenterCaption)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        lab_keys(
            self,
            [
                *run_keys(self.toggle_training, self.step_once, self.restart),
                ("Ctrl+Shift+R", self.new_weights),
            ],
        )

    def _build_run_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.runControls = RunControls(RUN_NAMES, label="3 · Run:", speed=DEFAULT_SPEED)
        texts.bind(self.runControls.findChild(QLabel).setText, TR, "3 · Run:")
        self.trainButton = self.runControls.train_button
        self.trainStepButton = self.runControls.step_button
        self.resetTrainingButton = self.runControls.reset_button
        self.speedCombo = self.runControls.speed_combo
        texts.bind(
            self.resetTrainingButton.setToolTip,
            TR,
            "Start again from the same initial weights (the init seed's), with an empty history; the last run "
            "stays as a faded curve (Ctrl+R).",
        )
        # about as wide as "20 steps/s" ("as fast as possible" is cut when chosen, whole in the list): the
        # progress beside it stays readable in projector mode at 1280x800
        self.speedCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.speedCombo.setMinimumContentsLength(len("20 steps"))
        self.newWeightsButton = tip(
            QPushButton(),
            "newWeightsButton",
            "Draw new initial weights (the next init seed) and start again; the last run stays as a faded "
            "curve (Ctrl+Shift+R).",
            TR,
            text="New weights",
        )
        self.newWeightsButton.setMinimumHeight(self.resetTrainingButton.minimumHeight())
        self.newWeightsButton.clicked.connect(lambda: self.new_weights())
        run_row = self.runControls.layout()
        run_row.insertWidget(run_row.indexOf(self.resetTrainingButton) + 1, self.newWeightsButton)
        self.progressLabel = tip(QLabel(""), "progressLabel", "Steps done, epoch and the latest loss.", TR)
        self.progressLabel.setMinimumWidth(60)  # long text wraps (never cut: "loss 0.6016" read "loss 0")
        self.progressLabel.setWordWrap(True)  # rather than widening the window
        self.progressLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.sendButton = tip(
            QPushButton(),
            "sendToExpressionButton",
            "Open this training step's graph (4 samples) in the Expression lab to step through its backward pass.",
            TR,
            text="Backward of one step ▸ Expression lab",
        )
        self.toggleSettingsButton = tip(
            QPushButton(checkable=True, toggled=self.hide_settings),
            "toggleSettingsButton",
            "Hide the settings on the left so the plots get the whole width (on a projector); click again "
            "to show them.",
            TR,
            text="◂ Settings",
        )
        row.addWidget(self.runControls)
        row.addSpacing(12)
        row.addWidget(self.progressLabel, 1)
        self.trainingStatusLabel = tip(
            QLabel("", wordWrap=True),
            "trainingStatusLabel",
            "What training is doing, and why it stopped.",
            TR,
        )
        return row

    def hide_settings(self, hidden: bool) -> None:
        """Hide (or show again) the data, model and files panels: the plots take the whole width."""
        self._controls_scroll.setVisible(not hidden)
        self.toggleSettingsButton.setChecked(hidden)
        if hidden:
            texts.bind(self.toggleSettingsButton.setText, TR, "▸ Settings")
        else:
            texts.bind(self.toggleSettingsButton.setText, TR, "◂ Settings")

    # -- presenter mode (the protocol of carrot_gui/kit/presenter.py) ----------------------------------
    def presenter_panels(self) -> list[presenter.Fold]:
        """The settings on the left (data, model, files)."""
        return [
            presenter.Fold(
                lambda: not self._controls_scroll.isHidden(), lambda on: self.hide_settings(not on)
            )
        ]

    def presenter_caption(self) -> str:
        """The progress (steps, loss) and what the run is doing."""
        parts = (self.progressLabel.text(), self.trainingStatusLabel.text())
        return "  —  ".join(p for p in parts if p)

    def presenter_next(self) -> None:
        """One training step."""
        self.step_once()

    def presenter_previous(self) -> None:
        """Training cannot step back: the clicker's "previous" pauses."""
        self.pause()

    def presenter_play(self) -> None:
        """Space trains, or pauses, as the Train button does."""
        self.toggle_training()

    def set_presenting(self, on: bool) -> None:
        """The plots and the progress line repainted from the session."""
        self.refresh()

    def _connect(self) -> None:
        controls, runner, files = self.runControls, self.runner, self.filesPanel
        controls.train_toggled.connect(self._train_clicked)
        controls.step_requested.connect(self.step_once)
        controls.reset_requested.connect(self.restart)
        controls.attach(runner)  # speed choice → runner; Train released when the runner stops
        runner.frame.connect(self.refresh)
        runner.progressed.connect(self._progressed)
        runner.stopped.connect(self._runner_stopped)
        self.dataPanel.dataset_changed.connect(self._use_data)
        self.modelPanel.config_changed.connect(self._settings_changed)
        self.plotsPanel.log_y_toggled.connect(self._log_toggled)
        files.save_requested.connect(self.save_model)
        files.load_requested.connect(self.load_model)
        files.export_csv_requested.connect(self.export_loss_csv)
        files.export_png_requested.connect(self.export_plots)
        self.sendButton.clicked.connect(lambda: self.send_step_to_expression())

    # ------------------------------------------------------------------------------------------------
    # data and settings
    # ------------------------------------------------------------------------------------------------
    def config(self) -> TrainConfig:
        """The run settings shown in the model panel."""
        return self.modelPanel.config()

    def _use_data(self, data: Dataset) -> None:
        """New data. The same samples in other units (Standardise ticked or unticked) keep the runs so far
        as faded curves, the one going now too: their losses compare (same target)."""
        same = self.data is not None and same_samples(self.data, data)
        self.data = data
        self.plotsPanel.set_data(data, keep_runs=same)
        self.modelPanel.set_features(data.n_features)
        self._show_advice()
        self.reset_training(archive=same)

    def _show_advice(self) -> None:
        """Show beside the learning rate which rates diverge on this data with these settings."""
        if self.data is not None:
            self.modelPanel.show_advice(advise(self.data.curvature, self.config(), self.data.n_samples))

    def _settings_changed(self, config: TrainConfig) -> None:
        """A setting changed: before the first step the run simply restarts with it; later it applies at the
        next Train (as a new run, the current one kept as a faded curve) or Reset."""
        self._show_advice()
        if self.session is not None and self.session.steps_done == 0 and not self.is_training:
            self.reset_training(archive=False, keep_loaded=True)
        elif self.session is not None and self.session.config != config:
            self._set_status(
                lambda: translate(
                    TR,
                    "Settings changed: press Train to start a new run with them (the current run stays as a "
                    "faded curve).",
                )
            )

    # ------------------------------------------------------------------------------------------------
    # the run
    # ------------------------------------------------------------------------------------------------
    @property
    def is_training(self) -> bool:
        return self.runner.is_running()

    def reset_training(self, archive: bool = True, keep_loaded: bool = False) -> None:
        """A fresh run with the current settings; the old one becomes a faded curve. It starts from the init
        seed's initial weights (the same ones again: :meth:`new_weights` draws others), or with
        ``keep_loaded`` from the model loaded last (a changed setting or a new run by Train keeps a loaded
        model; the Reset button and new data forget it)."""
        self.pause()
        if archive and self.session is not None and self.session.steps_done > 0:
            self.plotsPanel.keep_as_earlier(self.session)
        if not keep_loaded and self._loaded_state is not None:
            self._loaded_state = None  # and its "Loaded the model from …" would now describe another model
            self.filesPanel.say(
                format_text(
                    TR,
                    "No longer using the model loaded from {name}: this run starts from the init seed's weights "
                    "(Reset forgets it, and so does new data).",
                    name=self._loaded_name,
                )
            )
        try:
            session = TrainingSession(self.data, self.config())
        except ValueError as exc:
            self._set_session(None)
            message = str(exc)
            self._set_status(lambda: message, alert=True)
            return
        if self._loaded_state is not None:
            session.model.load_state_dict(self._loaded_state)
        self._set_session(session)
        self._set_status(self._run_message)
        self.refresh()

    def restart(self) -> None:
        """The Reset button: the same initial weights again, an empty history, the old run kept faded."""
        self.reset_training()
        if self.session is not None:
            seed = self.session.config.seed
            self._set_status(
                lambda: format_text(
                    TR,
                    "Reset to the same initial weights (init seed {seed}); New weights draws others. Press Train "
                    "(Space) or Step.",
                    seed=seed,
                )
            )

    def new_weights(self) -> None:
        """Start again from new initial weights: the next init seed (Reset keeps the seed, so it restarts
        from the same weights); the old run becomes a faded curve."""
        spin = self.initSeedSpin
        seed = spin.value() + 1 if spin.value() < spin.maximum() else 0
        spin.blockSignals(True)  # one new run, not a settings change first
        spin.setValue(seed)
        spin.blockSignals(False)
        self.reset_training()
        if self.session is not None:
            self._set_status(
                lambda: format_text(
                    TR, "New initial weights (init seed {seed}): press Train (Space) or Step.", seed=seed
                )
            )

    def _set_session(self, session: TrainingSession | None) -> None:
        """Show and run ``session`` from now on; its events drive the status line."""
        if self.session is not None:
            self.session.run_stopped.disconnect(self._run_stopped)
            self.session.step_done.disconnect(self._stepped)
        self.session = session
        if session is not None:
            session.run_stopped.connect(self._run_stopped)
            session.step_done.connect(self._stepped)
        self.runner.set_target(session)
        self.plotsPanel.new_run(session)

    def _ensure_runnable(self) -> bool:
        """Before Train/Step: a new run if the settings changed or the last run diverged (the old one kept
        as a faded curve); another budget of steps/epochs if it finished; a new run if it converged."""
        s = self.session
        if s is None or s.config != self.config() or s.state in (DIVERGED, CONVERGED):
            self.reset_training(archive=True, keep_loaded=True)
        elif s.state == FINISHED:
            s.extend(s.config.budget)
        return self.session is not None and self.session.state == RUNNING

    def _train_clicked(self, checked: bool) -> None:
        if checked:
            self.start()
        else:
            self.pause()

    def toggle_training(self) -> None:
        if self.is_training:
            self.pause()
        else:
            self.start()

    def start(self) -> None:
        """Start (or resume) training on the time-sliced runner."""
        if self.is_training:
            return
        if not self._ensure_runnable():
            self.runControls.set_running(False)
            return
        self.plotsPanel.inspect_step(None)
        self._slow_noted = False
        self.runner.start()
        self.runControls.set_running(True)
        self._set_status(lambda: translate(TR, "Training… (Space pauses)"))

    def pause(self) -> None:
        """Stop after the current slice; the runner's ``stopped`` paints the final state at once."""
        self.runner.pause()

    def step_once(self) -> None:
        """Exactly one optimiser step (pauses a running training first)."""
        self.pause()
        if not self._ensure_runnable():
            return
        assert self.session is not None
        self.session.step()  # its step_done repaints (_stepped), its run_stopped says why it stopped
        if not self.session.finished:
            done = self.session.steps_done
            self._set_status(lambda: format_text(TR, "Stepped to step {step}.", step=done))

    def _stepped(self, _steps_done: int) -> None:
        """Steps were run: repaint now, unless a run is going (then its frame timer repaints)."""
        if not self.is_training:
            self.refresh()

    def _progressed(self, done: int) -> None:
        """After a slice: say once per start why the window reacts slowly, and what helps."""
        s, took = self.session, self.runner.last_slice_seconds
        if (
            done == 1
            and took > SLOW_STEP_SECONDS
            and not self._slow_noted
            and s is not None
            and not s.finished
        ):
            self._slow_noted = True
            self._set_status(
                lambda: format_text(
                    TR,
                    "Training… one step on {n:,} samples takes {ms:.0f} ms, so the window reacts slowly while "
                    "training: a smaller Batch size (mini-batch) makes steps fast again.",
                    n=s.batch_size,
                    ms=took * 1e3,
                )
            )

    def _runner_stopped(self) -> None:
        if self.session is not None and not self.session.finished:
            done = self.session.steps_done
            self._set_status(lambda: format_text(TR, "Paused at step {step}.", step=done))
        self.refresh()

    def _run_stopped(self, _state: str) -> None:
        """The session stopped by itself (finished, converged, diverged): say so, in red if it diverged."""
        assert self.session is not None
        self._set_status(self._run_message, alert=self.session.state == DIVERGED)

    def _run_message(self) -> str:
        """The session's sentence about the run, plus what to look at in the lab after a divergence."""
        assert self.session is not None
        text = self.session.message()
        if self.session.state == DIVERGED and not self.plotsPanel.logYCheck.isChecked():
            text += translate(TR, " Tick Log y to see the whole curve.")
        return text

    def _log_toggled(self, _on: bool) -> None:
        if self.session is not None and self.session.state == DIVERGED and self._status_alert:
            self._set_status(self._run_message, alert=True)  # the Log y tip is followed: drop it

    def _set_status(self, text: Callable[[], str], alert: bool = False) -> None:
        """Show ``text()`` on the status line (made again in the new language after a switch)."""
        self._status_alert, self._status_text = alert, text
        theme.set_tone(self.trainingStatusLabel, "alert" if alert else "plain")
        self.trainingStatusLabel.setText(text())

    # ------------------------------------------------------------------------------------------------
    # painting
    # ------------------------------------------------------------------------------------------------
    def refresh_theme(self) -> None:
        """Repaint the plots and labels in the current theme (projector mode, larger text)."""
        self._controls.ensurePolished()
        self.dataPanel.refresh_theme()
        self._controls_scroll.setMinimumWidth(self._controls.sizeHint().width() + 24)  # no clipped controls
        self.plotsPanel.apply_theme()
        self.refresh()

    def refresh(self) -> None:
        """Repaint the plots and the progress line from the session (the runner's frame timer calls this)."""
        s = self.session
        if s is None:
            return
        self.plotsPanel.refresh()
        n = len(s.losses)
        last = s.losses.view()[-1] if n else float("nan")
        epoch = (
            format_text(TR, " · epoch {epoch:.2f}", epoch=s.epoch) if s.batch_size < s.data.n_samples else ""
        )
        # a count of steps done ("55 steps"), so it never reads as a different step than the curve's x axis
        # and the messages, which number steps from 0 ("diverged at step 54")
        done = translate(TR, "1 step") if s.steps_done == 1 else format_text(TR, "{n} steps", n=s.steps_done)
        progress = format_text(
            TR, "{done}{epoch} · loss {loss}", done=done, epoch=epoch, loss=theme.format_number(last)
        )
        self.progressLabel.setText(progress if n else translate(TR, "0 steps"))

    # ------------------------------------------------------------------------------------------------
    # files and the Expression lab
    # ------------------------------------------------------------------------------------------------
    def step_graph(self) -> dict[str, pc.Carrot] | None:
        return None if self.session is None else self.session.step_graph(4)

    def send_step_to_expression(self) -> None:
        """Emit ``sendToExpression`` with one step's graph on 4 samples (the loss last) and a title."""
        nodes = self.step_graph()
        if nodes is None:
            return
        s = self.session
        assert s is not None
        title = format_text(
            TR,
            "Training step {step}: MSE of Linear({n}, 1) on 4 samples",
            step=s.steps_done,
            n=s.data.n_features,
        )
        self.sendToExpression.emit(nodes, title)
        self.filesPanel.say(translate(TR, "Sent this step's graph to the Expression lab."))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.pause()
        super().closeEvent(event)


__all__ = ["TrainingLab"]
