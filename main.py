"""``python main.py`` starts the PyCarrot app (the same as the ``carrot-gui`` command)."""

from carrot_gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
