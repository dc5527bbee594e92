"""Vietnam's public holidays from the ``holidays`` package, without loading its other countries.

``holidays.country_holidays("VN")`` imports ``holidays.countries``, whose ``__init__`` imports all
of the package's ~250 country modules: about 0.2 s on every start of the app and every CLI call
(issue 11), for one country. The Vietnam module itself only needs the package's core (calendars,
groups, holiday_base), so it is loaded here straight from its file, the way Python's documentation
shows for importing a source file directly. The rules stay the library's; if its layout ever
changes, the ordinary (slower) route is taken instead.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
_MODULE_NAME = "counter_app.domain._holidays_vietnam"


@cache
def _vietnam_class() -> Any | None:
    try:
        package = importlib.util.find_spec("holidays")
        if package is None or package.origin is None:
            return None
        source = Path(package.origin).with_name("countries") / "vietnam.py"
        spec = importlib.util.spec_from_file_location(_MODULE_NAME, source)
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.Vietnam
    except Exception:  # a future layout of the package: fall back to its public entry point
        log.warning("holidays: Vietnam module not loadable on its own; loading the whole package")
        return None


def vietnam_holidays(year: int) -> Any:
    """The ``holidays`` entity of Vietnam for ``year``, names in Vietnamese."""
    vietnam = _vietnam_class()
    if vietnam is not None:
        return vietnam(language="vi", years=year)
    import holidays

    return holidays.country_holidays("VN", language="vi", years=year)
