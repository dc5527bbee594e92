"""Plain input data of the slips.

Every slip renderer takes one of these frozen dataclasses and returns PDF bytes; nothing here
knows about the database or Qt. The services layer fills them from a dossier as it was when the
slip was first issued (office names, procedure version, form wording version), so a re-print
years later shows exactly the same content.

Sequences are tuples so that the objects stay hashable and immutable. Instants are timezone-aware
``datetime`` objects; the renderers convert them to the office's own time zone (``OfficeInfo.timezone``)
because every date printed on a slip is an office-local date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class OfficeInfo:
    """Identity of the office printing the slip (from the settings, as they were at issue time)."""

    governing_body: str  # cơ quan chủ quản, e.g. "UBND TỈNH THANH HÓA"
    unit_name: str  # e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    place: str  # địa danh of the date line, e.g. "Thanh Hóa"
    address: str = ""
    hotline: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    timezone: str = "Asia/Ho_Chi_Minh"  # IANA name; all printed dates are local to the office
    # The unit as written inside a sentence ("Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa");
    # empty: ``unit_name`` is used as is.
    name: str = ""

    @property
    def name_in_text(self) -> str:
        return self.name or self.unit_name


@dataclass(frozen=True)
class ApplicantInfo:
    """The person (or organisation's representative) submitting or being guided."""

    full_name: str
    id_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class DocumentLine:
    """One component of a dossier (thành phần hồ sơ) with its required counts.

    ``kind`` says what the line is at the counter (docs/catalog-rules.md): ``submit`` a document
    handed in and kept; ``show`` a document shown, checked and handed back (giấy tờ xuất trình);
    ``heading`` a line introducing the items under it; ``note`` a remark (lưu ý, ví dụ), never ticked.
    A dossier's own documents are only ``submit`` and ``show`` lines.
    """

    name: str
    original_qty: int  # bản chính
    copy_qty: int  # bản sao
    certified_copy_qty: int = 0  # bản sao có chứng thực; the column is shown only when some line uses it
    kind: str = "submit"  # submit | show | heading | note


@dataclass(frozen=True)
class FeeLine:
    """A fee or charge. ``amount_vnd`` None means "no fixed amount": only the label is printed."""

    label: str
    amount_vnd: int | None = None


@dataclass(frozen=True)
class ReceiptData:
    """Content of form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""

    office: OfficeInfo
    dossier_code: str  # mã hồ sơ, e.g. "000.17.22.H56-261123-0001"
    applicant: ApplicantInfo
    procedure_name: str
    documents: tuple[DocumentLine, ...]
    legal_term_text: str  # e.g. "07 ngày làm việc"
    received_at: datetime  # aware
    appointment_at: datetime | None  # aware; None when the procedure has no appointment
    return_method: str  # e.g. "Tại Bộ phận Một cửa" or "Qua dịch vụ bưu chính: <address>"
    receiving_officer: str
    case_name: str = ""  # trường hợp; empty when the procedure has a single case
    sets_count: int = 1
    fees: tuple[FeeLine, ...] = ()
    register_book: int | None = None  # Sổ theo dõi hồ sơ, quyển số
    register_seq: int | None = None  # số thứ tự in that book
    slip_number: str = ""  # "Số: …" of the slip; empty leaves the form's blank to be filled in by hand
    form_version: str = "2025"  # key of FORM_TEXTS used when the slip was first issued


@dataclass(frozen=True)
class ProcessingTime:
    """Processing time of a procedure for one submission channel."""

    channel: str  # e.g. "Trực tiếp", "Trực tuyến", "Qua dịch vụ bưu chính"
    time_text: str  # e.g. "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"


@dataclass(frozen=True)
class GuidanceData:
    """Content of the guidance slip (phiếu hướng dẫn); printable without any dossier."""

    office: OfficeInfo
    procedure_code: str  # e.g. "2.001955"
    procedure_name: str
    field_name: str  # lĩnh vực
    level: str  # cấp thực hiện, e.g. "Cấp tỉnh"
    documents: tuple[DocumentLine, ...]
    processing_times: tuple[ProcessingTime, ...]
    submit_at: str  # where to submit
    receive_at: str  # where to receive the result
    guiding_officer: str
    printed_at: datetime  # aware
    case_name: str = ""
    sets_count: int = 1
    fees: tuple[FeeLine, ...] = ()
    legal_bases: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    guided_person: str = ""  # name of the citizen guided, when known; adds a signature column
    notes: tuple[str, ...] = field(default=())  # extra conditions or remarks, one paragraph each
    form_version: str = "2025"
