"""One procedure file, whichever format it is in: a national portal record or counter_app's own."""

from __future__ import annotations

from pathlib import Path

from counter_app.domain.errors import Message, ValidationError
from counter_app.jsonfile import read_json
from counter_app.services.catalog_format import (
    OWN_FORMAT,
    RECORD_ERRORS,
    CatalogFileError,
    ProcedureRecord,
    check_record,
    record_error_reason,
    records_from_own,
)
from counter_app.services.catalog_portal import record_from_portal


def read_catalog_file(path: Path) -> list[ProcedureRecord]:
    """Parse one file (portal record or own format) or raise CatalogFileError naming it."""
    try:
        raw = read_json(path)
    except ValidationError as exc:
        raise CatalogFileError(exc.text) from exc  # i18n: read_json's own message, re-raised
    try:
        if isinstance(raw, dict) and raw.get("format") == OWN_FORMAT:
            return records_from_own(raw)
        if isinstance(raw, dict) and isinstance(raw.get("data"), dict):
            if raw.get("code") not in (None, "OK"):
                raise ValueError(Message("bản ghi báo lỗi {code!r}", code=raw.get("code")))
            return [check_record(record_from_portal(raw["data"]))]
        raise ValueError(Message("không phải bản ghi thủ tục của Cổng DVCQG hay định dạng counter_app"))
    except RECORD_ERRORS as exc:
        # A ValueError of the parsers carries its reason as a Message (translated with the text around it).
        raise CatalogFileError(
            "{path}: tệp không hợp lệ — {reason}.", path=path, reason=record_error_reason(exc)
        ) from exc
