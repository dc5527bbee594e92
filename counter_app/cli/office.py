"""counter-cli office …: the office's profile, through the same services as the desktop.

    office show
    office set [--name …] [--place …] [--address …] [--hotline …] [--email …] [--governing-body …]
               [--signatory-name …] [--signatory-title …] [--province …] [--level …] [--time-policy …]
               [--clear FIELD …]
    office change-code NEW --yes

Admins only (``--as USER`` must be an admin; the default actor is the system administrator). A
change of what the slips print is dated: slips of earlier acts keep printing what they printed.
``set`` prints one line per changed field, or «Không có gì thay đổi.». The identifier code is
changed only by ``change-code`` and only with ``--yes``: it starts a new series of dossier codes.
A mistake prints one «Lỗi: …» line, exits 1 and writes nothing (docs/administration.md).
"""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from counter_app.cli.common import SubParsers, require_admin, utc_now
from counter_app.context import AppContext
from counter_app.domain.errors import ValidationError
from counter_app.domain.provinces import PROVINCES_2025
from counter_app.domain.text import search_key
from counter_app.services.office_calendar import office_timezone
from counter_app.services.setup_spec import OFFICE_LEVELS, TIME_POLICIES

# Option → profile field; the text options of «office set».
_OPTIONS = (
    ("name", "tên đơn vị"),
    ("place", "địa danh ghi trước «, ngày … tháng … năm …»"),
    ("address", "địa chỉ"),
    ("hotline", "số điện thoại đường dây nóng"),
    ("email", "địa chỉ thư điện tử"),
    ("governing_body", "cơ quan chủ quản"),
    ("signatory_name", "họ tên người ký"),
    ("signatory_title", "chức danh người ký"),
    ("province", "tỉnh, thành phố (34 tỉnh, thành phố từ 2025)"),
)
# Fields a slip can print without: given empty by --clear (an empty option is refused as a typo).
_CLEARABLE = ("governing_body", "address", "hotline", "email", "signatory_name", "signatory_title")


def _province(text: str) -> str:
    """The province as the list spells it when typed without tone marks or in another case."""
    found = [name for name in PROVINCES_2025 if search_key(name) == search_key(text)]
    return found[0] if len(found) == 1 else text


def cmd_show(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import office_profile
    from counter_app.services.office_profile import LABELS, sessions_text

    require_admin(ctx, args, "xem thông tin đơn vị")
    profile = office_profile.current_profile(ctx.db)
    print(f"Mã định danh: {profile.identifier_code}")
    for name in ("name", "governing_body", "province", "place", "address", "hotline", "email"):
        print(f"{LABELS[name]}: {getattr(profile, name) or '(trống)'}")
    print(f"{LABELS['level']}: {OFFICE_LEVELS.get(profile.level, profile.level) or '(trống)'}")
    print(f"{LABELS['signatory_name']}: {profile.signatory_name or '(trống)'}")
    print(f"{LABELS['signatory_title']}: {profile.signatory_title or '(trống)'}")
    print(f"{LABELS['time_policy']}: {TIME_POLICIES.get(profile.time_policy, profile.time_policy)}")
    print(f"{LABELS['sessions']}: {sessions_text(profile.sessions)}")


def cmd_set(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import office_profile

    changes = {name: getattr(args, name) for name, _ in _OPTIONS if getattr(args, name) is not None}
    if changes.get("province"):
        changes["province"] = _province(changes["province"])  # "thanh hoa" is Thanh Hóa
    for name in ("level", "time_policy"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    for name in args.clear or ():
        if name in changes:
            raise ValidationError(f"«--{name.replace('_', '-')}» và «--clear {name}» không đi cùng nhau.")
        changes[name] = ""
    if not changes:
        raise ValidationError(
            "Không có gì để sửa: hãy cho ít nhất một thông tin mới (xem «office set --help»)."
        )
    lines = office_profile.edit_profile(
        ctx.db, require_admin(ctx, args, office_profile.EDIT), changes, now=utc_now()
    )
    print("\n".join(lines) if lines else "Không có gì thay đổi.")


def cmd_change_code(ctx: AppContext, args: argparse.Namespace) -> None:
    from counter_app.services import office_profile

    actor = require_admin(ctx, args, "đổi mã định danh của đơn vị")
    code = office_profile.check_identifier_code(args.new_code)
    if not args.yes:
        raise ValidationError(
            f"Đổi mã định danh sang «{code}» bắt đầu một dãy mã hồ sơ mới ({code}-YYMMDD-0001): hồ sơ đã "
            "tiếp nhận giữ mã cũ. Thêm --yes để xác nhận."
        )
    now = utc_now()
    old = office_profile.change_identifier_code(ctx.db, actor, code, now=now)
    if old is None:
        print(f"Mã định danh đã là «{code}»: không có gì thay đổi.")
        return
    local = now.astimezone(ZoneInfo(office_timezone(ctx.db)))
    print(f"Đã đổi mã định danh: «{old}» → «{code}» (lúc {local:%H:%M %d/%m/%Y}).")
    print(f"Hồ sơ đã tiếp nhận giữ mã «{old}-…»; hồ sơ tiếp nhận từ nay mang mã «{code}-…».")


def add_parsers(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    """Register «office …» under ``sub`` (the top-level subcommands of counter-cli)."""
    text = "thông tin đơn vị: tên, địa chỉ, người ký, mã định danh (quản trị)"
    group = sub.add_parser("office", parents=[common], help=text, description=text).add_subparsers(
        dest="office_command", required=True
    )
    p = group.add_parser("show", parents=[common], help="xem thông tin đơn vị")
    p.set_defaults(func=cmd_show)
    p = group.add_parser("set", parents=[common], help="sửa thông tin đơn vị (có ghi ngày hiệu lực)")
    for name, help_text in _OPTIONS:
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, help=help_text)
    p.add_argument("--level", choices=tuple(OFFICE_LEVELS), help="cấp đơn vị")
    p.add_argument(
        "--time-policy", dest="time_policy", choices=tuple(TIME_POLICIES), help="cách tính thời hạn"
    )
    p.add_argument(
        "--clear", action="append", choices=_CLEARABLE, help="để trống một thông tin (có thể lặp lại)"
    )
    p.set_defaults(func=cmd_set)
    p = group.add_parser("change-code", parents=[common], help="đổi mã định danh (dãy mã hồ sơ mới)")
    p.add_argument("new_code", help="mã định danh mới, ví dụ 000.00.31.H56")
    p.add_argument("--yes", action="store_true", help="xác nhận")
    p.set_defaults(func=cmd_change_code)
