"""Every slip kind in one table: its label, data class, renderer, layouts and wording versions.

The layouts (paper sizes) are listed in ``slip_layouts``, a module without reportlab that
counter-cli reads too; ``SlipForm.layouts`` reads them from there.

The services issue and re-render slips through this table only, so a slip archived as
(kind, layout, JSON data) can be rendered again without knowing which module draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from counter_app.documents import (
    apology,
    control,
    guidance,
    handover,
    receipt,
    refusal,
    register,
    result_receipt,
    stop_notice,
    supplement,
)
from counter_app.documents.serial import from_json, to_json
from counter_app.documents.slip_data import (
    ApologyData,
    ControlData,
    GuidanceData,
    HandoverData,
    ReceiptData,
    RefusalData,
    RegisterData,
    ResultReceiptData,
    StopNoticeData,
    SupplementData,
)
from counter_app.documents.slip_layouts import LAYOUTS


@dataclass(frozen=True)
class SlipForm:
    kind: str  # the CLI's and the archive's name of the slip
    label: str  # Vietnamese name, for messages
    data_type: type
    render: Callable[[Any, Any], bytes]
    texts: Mapping[str, Mapping[str, str]]  # wording per form version

    @property
    def layouts(self) -> tuple[str, ...]:
        """The paper sizes it prints in, the first the default (``slip_layouts.LAYOUTS``)."""
        return LAYOUTS[self.kind]

    @property
    def current_version(self) -> str:
        """The newest wording (versions are years); new slips are issued in it."""
        return max(self.texts)


FORMS: dict[str, SlipForm] = {
    f.kind: f
    for f in (
        SlipForm(
            "receipt",
            "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            ReceiptData,
            receipt.render_receipt,
            receipt.FORM_TEXTS,
        ),
        SlipForm(
            "guide",
            "Phiếu hướng dẫn",
            GuidanceData,
            guidance.render_guidance,
            guidance.GUIDANCE_TEXTS,
        ),
        SlipForm(
            "supplement",
            "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            SupplementData,
            supplement.render_supplement,
            supplement.FORM_TEXTS,
        ),
        SlipForm(
            "refusal",
            "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
            RefusalData,
            refusal.render_refusal,
            refusal.FORM_TEXTS,
        ),
        SlipForm(
            "apology",
            "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
            ApologyData,
            apology.render_apology,
            {"2025": apology.FORM_TEXTS["2025"]},  # 2018 wording is kept for re-prints only
        ),
        SlipForm(
            "stop",
            "Thông báo dừng giải quyết hồ sơ",
            StopNoticeData,
            stop_notice.render_stop_notice,
            stop_notice.FORM_TEXTS,
        ),
        SlipForm(
            "control",
            "Phiếu kiểm soát quá trình giải quyết hồ sơ",
            ControlData,
            control.render_control,
            control.FORM_TEXTS,
        ),
        SlipForm(
            "register",
            "Sổ theo dõi hồ sơ",
            RegisterData,
            register.render_register,
            register.FORM_TEXTS,
        ),
        SlipForm(
            "result",
            "Biên nhận trả kết quả",
            ResultReceiptData,
            result_receipt.render_result_receipt,
            result_receipt.FORM_TEXTS,
        ),
        SlipForm(
            "handover",
            "Danh sách bàn giao hồ sơ",
            HandoverData,
            handover.render_handover,
            handover.FORM_TEXTS,
        ),
    )
}


# The slips' legal names by kind (the UI shows them through the translator).
SLIP_TITLES: dict[str, str] = {kind: form.label for kind, form in FORMS.items()}


def form_of(kind: str) -> SlipForm:
    try:
        return FORMS[kind]
    except KeyError:
        raise ValueError(f"unknown slip kind {kind!r}; known: {sorted(FORMS)}") from None


def render(kind: str, data: object, layout: str) -> bytes:
    """Render ``data`` (the kind's data class) in ``layout``."""
    form = form_of(kind)
    if not isinstance(data, form.data_type):
        raise TypeError(f"{kind} slips take {form.data_type.__name__}, not {type(data).__name__}")
    return form.render(data, layout)


def dump(data: object) -> Any:
    """The JSON form of a slip's data, as archived in its ``slip_issued`` event."""
    return to_json(data)


def load(kind: str, raw: Any) -> Any:
    """The data object back from its archived JSON."""
    return from_json(form_of(kind).data_type, raw)
