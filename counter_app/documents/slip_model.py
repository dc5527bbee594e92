"""Plain input data of forms 02–07, the result receipt and the hand-over list.

Same rules as ``model`` (whose dataclasses these reuse): frozen, tuples for sequences, aware
instants printed in the office's zone. Each object is everything its slip shows, as it was when
the slip was first issued; ``counter_app.documents.serial`` stores it as JSON in the archive
event so that a re-print on any workstation shows the same content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from counter_app.documents.model import ApplicantInfo, DocumentLine, OfficeInfo


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
