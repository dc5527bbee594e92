"""At the province: each office's working calendar, as its newest bundle stated it.

An office's upward bundle carries the calendar of each office its database holds
(``offices.calendar_spec``); the import keeps the newest (``province._keep_calendars``). The
province's reports judge and measure an office's dossiers on it: the next working day of its
end-of-day summary, the working days of its average processing time. An office whose bundles
predate this (or whose office id is unknown) is read on the province's own calendar.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import ExchangePeer
from counter_app.domain.calendar import WorkingCalendar
from counter_app.services.actor import Actor
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
