"""Biên nhận trả kết quả: who received the result of a dossier, when, and how.

At the counter the receiver (the applicant, or an authorised person with an ID number) signs; by
post the tracking number and address are printed and the signature is the postal proof of
delivery. Not a numbered form of the circulars, but versioned like them.
"""

from __future__ import annotations

from counter_app.documents.formkit import (
    applicant_lines,
    closing,
    fields,
    finish,
    opening,
    wording,
)
from counter_app.documents.layout import SPECS, Signer, bullets, footnote, para, styles_for
from counter_app.documents.slip_data import ResultReceiptData
from counter_app.documents.slip_layouts import ResultReceiptLayout, check_layout
from counter_app.documents.vnformat import time_and_date, to_local

FORM_TEXTS: dict[str, dict[str, str]] = {
    "2025": {
        "title": "BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
        "applicant": "Người nộp hồ sơ: Ông/Bà",
        "received": "Thời gian nhận hồ sơ:",
        "results": "Kết quả giải quyết được trả:",
        "returned": "Thời gian trả kết quả:",
        "method": "Hình thức trả kết quả:",
        "counter": "Tại Bộ phận Một cửa",
        "post": "Qua dịch vụ bưu chính công ích",
        "tracking": "Mã bưu gửi:",
        "postal_address": "Địa chỉ nhận:",
        "receiver": "Người nhận kết quả: Ông/Bà",
        "relation": "Tư cách người nhận:",
        "receiver_id": "Số giấy tờ tùy thân của người nhận:",
        "sign_receiver": "NGƯỜI NHẬN KẾT QUẢ",
        "sign_officer": "NGƯỜI TRẢ KẾT QUẢ",
        "post_note": "(Ký nhận trên phiếu báo phát của bưu chính)",
        "end": "Người nhận đã kiểm tra và nhận đủ kết quả giải quyết hồ sơ nêu trên.",
        "end_post": "Kết quả giải quyết hồ sơ được gửi qua dịch vụ bưu chính công ích theo mã bưu gửi nêu trên.",
        "contact": "Mọi thắc mắc xin liên hệ: {hotline}.",
        "footer": "Biên nhận trả kết quả · Mã hồ sơ {code}",
    },
}


def render_result_receipt(data: ResultReceiptData, layout: ResultReceiptLayout = "a4") -> bytes:
    """Render the result hand-over receipt for ``data`` as PDF bytes (A4, or A5 for small printers)."""
    check_layout("result", layout, "result receipt")
    texts = wording(FORM_TEXTS, data.form_version, "result receipt", data.form_overrides)
    spec = SPECS[layout]
    st = styles_for(spec)
    tz = data.office.timezone
    footer = texts["footer"].format(code=data.dossier_code)
    story = opening(data.office, spec, texts, footer=footer, number=data.slip_number, moment=data.returned_at)
    story += fields([(texts["code"], data.dossier_code, True)], spec)
    story += applicant_lines(data.applicant, spec, texts)
    story += fields(
        [
            (texts["content"], data.procedure_name, True),
            (texts["received"], time_and_date(to_local(data.received_at, tz)), False),
        ],
        spec,
    )
    if data.results:
        story.append(para(texts["results"], st.left))
        story += bullets(data.results, spec)
    by_post = data.method == "post"
    story += fields(
        [
            (texts["returned"], time_and_date(to_local(data.returned_at, tz)), True),
            (texts["method"], texts["post"] if by_post else texts["counter"], False),
            (texts["tracking"], data.tracking_number if by_post else "", True),
            (texts["postal_address"], data.postal_address if by_post else "", False),
            (texts["receiver"], data.receiver_name, True),
            (texts["relation"], data.relation, False),
            (texts["receiver_id"], data.receiver_id_number, False),
        ],
        spec,
    )
    tail = [para(texts["end_post" if by_post else "end"], st.body)]
    if data.office.hotline:
        tail.append(footnote(texts["contact"].format(hotline=data.office.hotline), spec))
    receiver = (
        Signer(texts["sign_receiver"], "", texts["post_note"])
        if by_post
        else Signer(texts["sign_receiver"], data.receiver_name, texts["sign_note"])
    )
    signers = [receiver, Signer(texts["sign_officer"], data.officer, texts["sign_note"])]
    story += closing(signers, spec, tail)
    return finish(story, spec, texts, data.dossier_code)
