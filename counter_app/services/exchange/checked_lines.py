"""A bundle's events checked before anything is applied: each line's hash recomputed, each chain's
links followed (the province importing an office's bundle, an office taking back its lost events)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from counter_app.domain.errors import Message
from counter_app.services.exchange.bundle import EVENTS, ReadBundle, refused
from counter_app.services.exchange.event_json import event_fields, hash_matches


def events_by_node(bundle: ReadBundle) -> dict[str, list[dict[str, Any]]]:
    """The bundle's events by node, in the bundle's order, each with its hash recomputed (refused:
    a line that is not an event, or whose hash does not match it)."""
    by_node: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in bundle.lines(EVENTS):
        try:
            fields = event_fields(line)
            matches = hash_matches(line, fields)
        except ValueError as exc:
            raise refused(bundle.path, exc.args[0]) from exc
        if not matches:
            raise refused(
                bundle.path,
                Message(
                    "sự kiện {node}#{seq} không khớp mã băm của nó", node=fields["node_id"], seq=fields["seq"]
                ),
            )
        by_node[fields["node_id"]].append({**fields, "hash": line["hash"]})
    return dict(by_node)


def check_links(
    bundle: ReadBundle,
    node: str,
    events: list[dict[str, Any]],
    first: object,
    prev: object,
    last: object,
    head: object,
) -> None:
    """``events`` are ``first``…``last`` of ``node`` without a gap, the first following ``prev``,
    the last being ``head`` (the manifest's word for them); refused otherwise."""
    expected = first
    for event in events:
        if event["seq"] != expected or event["prev_hash"] != prev:
            raise refused(
                bundle.path, Message("chuỗi {node} đứt ở sự kiện số {seq}", node=node, seq=event["seq"])
            )
        prev, expected = event["hash"], event["seq"] + 1
    if not isinstance(expected, int) or expected - 1 != last or prev != head:
        raise refused(bundle.path, Message("chuỗi {node} ngắn hơn bản kê (gói bị cắt)", node=node))
