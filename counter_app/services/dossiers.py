"""Finding one dossier by its code, for every service that acts on it or prints its slips."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import Dossier
from counter_app.domain.dossier_code import parse_code
from counter_app.domain.errors import NotFoundError


def load_dossier(session: Session, code: str) -> Dossier:
    """The dossier with this code (typed or scanned), or a NotFoundError."""
    parsed = parse_code(code)
    dossier = session.execute(select(Dossier).where(Dossier.code == str(parsed))).scalar_one_or_none()
    if dossier is None:
        raise NotFoundError("Không tìm thấy hồ sơ mã «{code}».", code=parsed, field="code")
    return dossier
