"""The frozen programs' one entry point: ``counter-app`` (windowed) and ``counter-cli`` (console)
are two executables of one PyInstaller build sharing one folder; each runs the part its name says."""

import sys
from pathlib import Path

if Path(sys.executable).stem.lower().startswith("counter-cli"):
    from counter_app.cli import main
else:
    from counter_app.app import main

sys.exit(main())
