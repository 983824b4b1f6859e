"""The Network lab's files: export the run as a standalone Python script, save and load the weights.

Each function takes the lab and a path (the window's File menu asks for it), reports in the lab's status line
and returns whether it worked; a failure changes nothing and says why.
"""

from __future__ import annotations

import os

from ...i18n import format_text, translate
from ..export import is_exportable, write_script


def export_python(lab, path: str) -> bool:
    """Write the run as a script that rebuilds data, model, optimiser and seed and trains to the same weights."""
    if not path.endswith(".py"):
        path += ".py"
    if not is_exportable(lab.session):
        lab.show_status(
            translate(
                "NetworkLab",
                "This dataset is too large to write into a script: export a generated set or the digits.",
            ),
            True,
        )
        return False
    try:
        write_script(lab.session, path)
    except (OSError, ValueError) as exc:
        lab.show_status(
            format_text(
                "NetworkLab", "Could not write {value}: {exc}", value=os.path.basename(path), exc=exc
            ),
            True,
        )
        return False
    steps = lab.session.steps_done
    lab.show_status(
        format_text(
            "NetworkLab",
            "Exported the network as Python to {path} ({steps} steps; run it with: python {value})",
            path=path,
            steps=steps,
            value=os.path.basename(path),
        ),
    )
    return True


def save_weights(lab, path: str) -> bool:
    """Save the network's weights with pc.save (an .npz of dotted names)."""
    try:
        lab.session.save_weights(path)
    except (OSError, ValueError) as exc:
        lab.show_status(
            format_text(
                "NetworkLab",
                "Could not save the weights to {value}: {exc}",
                value=os.path.basename(path),
                exc=exc,
            ),
            True,
        )
        return False
    lab.show_status(format_text("NetworkLab", "Saved the weights to {path}", path=path))
    return True


def load_weights(lab, path: str) -> bool:
    """Load weights into the current network; a file that does not fit is refused and nothing changes."""
    if lab.is_training():
        lab.pause()
    try:
        lab.session.load_weights(path)
    except (OSError, ValueError) as exc:
        lab.show_status(
            format_text("NetworkLab", "Could not load {value}: {exc}", value=os.path.basename(path), exc=exc),
            True,
        )
        return False
    lab.refresh()
    lab.show_status(
        format_text("NetworkLab", "Loaded the weights from {value}", value=os.path.basename(path))
    )
    return True
