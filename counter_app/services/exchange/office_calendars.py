"""At the province: each office's working calendar, as its newest bundle stated it.

An office's upward bundle carries the calendar of each office its database holds
(``offices.calendar_spec``); the import checks them (``checked_calendars``) and keeps the newest
(``keep_calendars``). The province's reports judge and measure an office's dossiers on it: the
next working day of its end-of-day summary, the working days of its average processing time. An office whose bundles
predate this (or whose office id is unknown) is read on the province's own calendar.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import ExchangePeer
from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.errors import Message, UserError
from counter_app.services.actor import Actor
from counter_app.services.exchange.bundle import ReadBundle, refused
from counter_app.services.offices import calendar_for, calendar_from_spec, get_office


class OfficeCalendars:
    def __init__(self, session: Session, actor: Actor) -> None:
        self._province = calendar_for(session, get_office(session, actor.office_id))
        self._by_office: dict[tuple[str, str], WorkingCalendar] = {}
        self._by_peer: dict[str, WorkingCalendar] = {}
        for fingerprint, office_code, calendars in session.execute(
            select(ExchangePeer.fingerprint, ExchangePeer.office_code, ExchangePeer.calendars)
        ):
            specs = sorted((calendars or {}).items())
            for office_id, spec in specs:
                calendar = calendar_from_spec(spec)  # checked when its bundle was imported
                self._by_office[(fingerprint, office_id)] = calendar
                # The office the peer is enrolled as (its main office), else its first.
                if fingerprint not in self._by_peer or spec.get("code") == office_code:
                    self._by_peer[fingerprint] = calendar

    def of_office(self, fingerprint: str, office_id: uuid.UUID | str | None) -> WorkingCalendar:
        key = (fingerprint, str(uuid.UUID(str(office_id))) if office_id else "")
        return self._by_office.get(key) or self.of_peer(fingerprint)

    def of_peer(self, fingerprint: str) -> WorkingCalendar:
        return self._by_peer.get(fingerprint, self._province)


def checked_calendars(bundle: ReadBundle) -> tuple[dict[str, object], datetime | None]:
    """The office's working calendars the bundle states, each checked to make a calendar, and when
    the bundle was made; none from a bundle of a version that did not send them."""
    calendars = bundle.manifest.get("calendars")
    try:
        sent_at = datetime.fromisoformat(str(bundle.manifest.get("created_at")))
        if sent_at.tzinfo is None:
            raise ValueError(sent_at)
        if calendars is None:
            return {}, sent_at
        if not isinstance(calendars, dict):
            raise TypeError(calendars)
        for spec in calendars.values():
            calendar_from_spec(spec)
    except (ValueError, KeyError, TypeError, AttributeError, UserError):
        raise refused(
            bundle.path, Message("lịch làm việc hoặc thời điểm lập gói trong bản kê không hợp lệ")
        ) from None
    return calendars, sent_at


def keep_calendars(
    session: Session, fingerprint: str, calendars: dict[str, object], sent_at: datetime | None
) -> None:
    """The office's calendars, when this bundle is its newest yet (bundles come out of order)."""
    peer = session.get(ExchangePeer, fingerprint)
    if not calendars or peer is None or sent_at is None:
        return
    if peer.calendars_at is None or sent_at > peer.calendars_at:
        peer.calendars, peer.calendars_at = calendars, sent_at
