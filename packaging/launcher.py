"""Entry point of the frozen application (PyInstaller runs a script, not a package module)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
