"""Vietnam's public holidays from the ``holidays`` package, without loading its other countries.

``holidays.country_holidays("VN")`` imports ``holidays.countries``, whose ``__init__`` imports all
of the package's ~250 country modules: about 0.2 s on every start of the app and every CLI call
(issue 11), for one country. The Vietnam module itself only needs the package's core (calendars,
groups, holiday_base), so it is loaded here straight from its file, the way Python's documentation
shows for importing a source file directly. The rules stay the library's; if its layout ever
changes, the ordinary (slower) route is taken instead.

Even that costs ~30 ms (the package's core and ``dateutil``), for holidays that take well under a
millisecond a year to compute once imported. So what the library computed is kept in a small JSON
file (``keep_computed_in``: the program points it into its data folder), one entry per year, under
the library's version: a command such as ``counter-cli due`` then reads the year's holidays from
there and does not import the package at all. A new version of the library is a new key, so its
answers are computed again; an unreadable file is computed over.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
from datetime import date
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


@cache
def _library_version() -> str | None:
    """The installed ``holidays`` version, from its package metadata (~2 ms; importing the package to
    ask it would cost what is saved). None when there is none (a frozen build without it): nothing is
    then kept."""
    from importlib import metadata

    try:
        return metadata.version("holidays")
    except (metadata.PackageNotFoundError, ValueError, OSError):
        return None


_kept_in: Path | None = None


def keep_computed_in(path: Path | None) -> None:
    """Keep each year's computed holidays in the JSON file ``path`` (None: compute them every run)."""
    global _kept_in
    _kept_in = path
    _kept.cache_clear()


@cache
def _kept() -> dict[str, Any]:
    """The file's years, when it was written by this version of the library (else empty)."""
    version = _library_version()
    if _kept_in is None or version is None:
        return {}
    try:
        data = json.loads(_kept_in.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or unreadable: computed again and written over
        return {}
    if (
        not isinstance(data, dict)
        or data.get("holidays") != version
        or not isinstance(data.get("years"), dict)
    ):
        return {}
    return dict(data["years"])


def _keep(year: int, names: dict[date, str], swaps: frozenset[date]) -> None:
    version = _library_version()
    if _kept_in is None or version is None:
        return
    years = _kept()
    years[str(year)] = {
        "names": {d.isoformat(): n for d, n in sorted(names.items())},
        "swaps": sorted(d.isoformat() for d in swaps),
    }
    partial = _kept_in.with_name(f".{_kept_in.name}.{os.getpid()}")
    try:  # written whole then renamed: another program reading it never sees half a file
        _kept_in.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(
            json.dumps({"holidays": version, "years": years}, ensure_ascii=False), encoding="utf-8"
        )
        os.replace(partial, _kept_in)
    except OSError as exc:  # a read-only folder: the holidays are simply computed next time too
        log.info("holidays not kept in %s: %s", _kept_in, exc)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def public_days(year: int) -> tuple[dict[date, str], frozenset[date]]:
    """Vietnam's public holidays of ``year`` (date → Vietnamese name) and its swapped working weekend
    days ("làm bù"), from the kept file when it has them, else from the library (then kept)."""
    entry = _kept().get(str(year))
    if isinstance(entry, dict):
        try:
            names = {date.fromisoformat(d): str(n) for d, n in entry["names"].items()}
            return names, frozenset(date.fromisoformat(d) for d in entry["swaps"])
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # a damaged entry: computed again below
    vn = vietnam_holidays(year)
    names = {day: name for day, name in vn.items() if day.year == year}
    # weekend_workdays also keeps days of other years computed earlier: keep only this year's.
    swaps = frozenset(day for day in vn.weekend_workdays if day.year == year)
    _keep(year, names, swaps)
    return names, swaps


def vietnam_holidays(year: int) -> Any:
    """The ``holidays`` entity of Vietnam for ``year``, names in Vietnamese."""
    vietnam = _vietnam_class()
    if vietnam is not None:
        return vietnam(language="vi", years=year)
    import holidays

    return holidays.country_holidays("VN", language="vi", years=year)
