"""``python -m counter_app.cli``: the same as ``counter-cli``."""

import sys

from counter_app.cli import main

sys.exit(main())
