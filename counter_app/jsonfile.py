"""Reading a JSON file a user handed over, with every way it can be wrong said in Vietnamese."""

from __future__ import annotations

import json
from pathlib import Path

from counter_app.domain.errors import ValidationError, describe_os_error


def read_json(path: Path) -> object:
    """The parsed file; ValidationError "«path»: reason" otherwise. A UTF-8 byte-order mark is fine
    (Windows Notepad writes one)."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ValidationError(
            "{path}: không đọc được tệp ({reason}).", path=path, reason=describe_os_error(exc)
        ) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "{path}: không phải văn bản UTF-8 (byte thứ {position}).", path=path, position=exc.start + 1
        ) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "{path}: JSON sai ở dòng {lineno}, cột {colno}.", path=path, lineno=exc.lineno, colno=exc.colno
        ) from exc
    except RecursionError as exc:
        raise ValidationError("{path}: JSON lồng nhau quá nhiều tầng.", path=path) from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ValidationError("{path}: JSON có giá trị không đọc được.", path=path) from exc
