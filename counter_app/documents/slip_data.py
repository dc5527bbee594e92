"""Plain input data of every slip: the receipt and the guide, forms 02–07, the result receipt, the hand-over list.

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
from datetime import date, datetime


@dataclass(frozen=True)
class WordingOverride:
    """One text of a slip's form replaced by the province's wording (``form_wordings``), kept in
    the slip's data so that a re-print reads exactly what was issued."""

    key: str
    text: str


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
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


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
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


@dataclass(frozen=True)
class SupplementData:
    """Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every missing item at once."""

    office: OfficeInfo
    applicant: ApplicantInfo
    procedure_name: str
    missing: tuple[DocumentLine, ...]  # may be empty when the reason alone says what to complete
    reason: str
    officer: str  # the guiding officer who signs
    issued_at: datetime
    dossier_code: str = ""  # empty at intake (no dossier yet); set when requested during processing
    received_at: datetime | None = None  # when the dossier was received (during processing only)
    case_name: str = ""
    slip_number: str = ""
    form_version: str = "2025"
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


@dataclass(frozen=True)
class RefusalData:
    """Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    office: OfficeInfo
    applicant: ApplicantInfo
    procedure_name: str
    reason: str
    officer: str
    refused_at: datetime
    dossier_code: str = ""
    case_name: str = ""
    slip_number: str = ""
    form_version: str = "2025"
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


@dataclass(frozen=True)
class ApologyData:
    """Form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (signed by the head)."""

    office: OfficeInfo
    applicant: ApplicantInfo  # the addressee
    dossier_code: str
    procedure_name: str
    received_at: datetime
    old_appointment_at: datetime | None
    new_appointment_at: datetime
    reason: str
    issued_at: datetime
    apology_no: int = 1
    slip_number: str = ""
    form_version: str = "2025"
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


@dataclass(frozen=True)
class StopNoticeData:
    """Form 05, Thông báo dừng giải quyết hồ sơ."""

    office: OfficeInfo
    applicant: ApplicantInfo
    dossier_code: str
    procedure_name: str
    received_at: datetime
    reason: str
    legal_basis: str  # empty: a dotted line is left to be filled in by hand
    stopped_at: datetime
    slip_number: str = ""
    form_version: str = "2025"
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


@dataclass(frozen=True)
class HandoffRow:
    """One hand-off of the paper file: who gave it, who took it, when, and how that step went."""

    from_party: str
    to_party: str
    at: datetime
    result: str = ""  # early | on_time | late | "" (not judged)
    note: str = ""


@dataclass(frozen=True)
class ControlData:
    """Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ (travels with the paper file)."""

    office: OfficeInfo
    dossier_code: str
    applicant: ApplicantInfo
    procedure_name: str
    received_at: datetime
    due_at: datetime | None  # the legal due time the steps are judged against
    rows: tuple[HandoffRow, ...]
    receiving_officer: str
    printed_at: datetime
    closed: bool = False  # the file is closed (result returned, stopped …): no blank rows left for more
    form_version: str = "2025"
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register book (sổ theo dõi hồ sơ)."""

    book: int  # quyển số = year of receipt
    seq: int  # TT in that book
    dossier_code: str
    procedure_name: str
    applicant_name: str
    address_phone: str
    unit_name: str  # cơ quan giải quyết
    received_at: datetime
    appointment_at: datetime | None
    returned_at: datetime | None
    return_method: str  # "Tại quầy", "Bưu chính (mã …)", or a status note
    note: str = ""


@dataclass(frozen=True)
class RegisterData:
    """Form 07, Sổ theo dõi hồ sơ for a range of office-local days."""

    office: OfficeInfo
    date_from: date
    date_to: date
    rows: tuple[RegisterRow, ...]
    printed_at: datetime
    form_version: str = "2025"
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


@dataclass(frozen=True)
class ResultReceiptData:
    """Biên nhận trả kết quả: who received the result, when and how."""

    office: OfficeInfo
    dossier_code: str
    applicant: ApplicantInfo
    procedure_name: str
    received_at: datetime
    returned_at: datetime
    receiver_name: str
    receiver_id_number: str
    relation: str  # "Người nộp hồ sơ", "Người được ủy quyền" …
    method: str  # counter | post
    officer: str
    results: tuple[str, ...] = ()  # the result papers handed over
    tracking_number: str = ""
    postal_address: str = ""
    slip_number: str = ""
    form_version: str = "2025"
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's


@dataclass(frozen=True)
class HandoverRow:
    dossier_code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    appointment_at: datetime | None


@dataclass(frozen=True)
class HandoverData:
    """Danh sách bàn giao hồ sơ: a batch of dossiers handed to a unit."""

    office: OfficeInfo
    unit_code: str
    unit_name: str
    rows: tuple[HandoverRow, ...]
    sender: str
    handed_at: datetime
    slip_number: str = ""
    form_version: str = "2025"
    form_overrides: tuple[WordingOverride, ...] = ()  # the province's wording over the version's
