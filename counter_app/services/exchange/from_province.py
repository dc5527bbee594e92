"""At an office: whatever the province sent, by its kind — an acknowledgement (the export's cursor
moves) or a baseline (catalogue and calendar applied). The administration's one «import» button and
``counter-cli exchange import`` at an office both come here."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from counter_app.db.database import Database
from counter_app.domain.errors import Message
from counter_app.services.actor import Actor
from counter_app.services.exchange.bundle import read_bundle, refused
from counter_app.services.exchange.downward import BASELINE_KIND, BaselineApplied, Progress, import_baseline
from counter_app.services.exchange.office import AckImported, import_ack
from counter_app.services.exchange.province import ACK_KIND


def import_from_province(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    now: datetime,
    fingerprint: str | None = None,
    progress: Progress | None = None,
) -> AckImported | BaselineApplied:
    kind = read_bundle(path).kind
    if kind == ACK_KIND:
        return import_ack(db, actor, path, now=now, fingerprint=fingerprint)
    if kind == BASELINE_KIND:
        return import_baseline(db, actor, path, now=now, fingerprint=fingerprint, progress=progress)
    raise refused(
        path,
        Message(
            "đây là gói của một văn phòng (loại {kind}), không phải gói của trung tâm tỉnh: gói này nhập ở trung "
            "tâm tỉnh",
            kind=kind,
        ),
    )
