<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Lịch làm việc</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>Đơn vị chuyên môn</source>
        <translation>Specialist units</translation>
    </message>
    <message>
        <source>Sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Trao đổi với tỉnh</source>
        <translation>Exchange with the province</translation>
    </message>
    <message>
        <source>Các văn phòng (tỉnh)</source>
        <translation>Offices (province)</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Quét QR thẻ CCCD hoặc nhập 12 số</source>
        <translation>Scan the ID card QR code or type the 12 digits</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Số CCCD/CMND:</source>
        <translation>ID card number:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>Giới tính:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>✔ Thông tin đọc từ thẻ CCCD (chưa xác thực) — kiểm tra lại với người nộp.</source>
        <translation>✔ Read from the ID card (not verified) — check with the applicant.</translation>
    </message>
    <message>
        <source>Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 01/05/1990.</source>
        <translation>Enter the date of birth as day/month/year, e.g. 01/05/1990.</translation>
    </message>
    <message>
        <source>Ngày sinh không hợp lệ.</source>
        <translation>Invalid date of birth.</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Xin lỗi – hẹn lại ngày trả</source>
        <translation>Apologise – new return date</translation>
    </message>
    <message>
        <source>Hồ sơ {0}, hẹn trả hiện tại: {1}.</source>
        <translation>Dossier {0}, current return date: {1}.</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no date set</translation>
    </message>
    <message>
        <source>Ghi nhận (Enter)</source>
        <translation>Record (Enter)</translation>
    </message>
    <message>
        <source>lúc</source>
        <translation>at</translation>
    </message>
    <message>
        <source>Lý do chậm trả:</source>
        <translation>Reason for the delay:</translation>
    </message>
    <message>
        <source>bắt buộc</source>
        <translation>required</translation>
    </message>
    <message>
        <source>Hẹn trả mới:</source>
        <translation>New return date:</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>tên đăng nhập (để trống: mọi người)</source>
        <translation>user name (empty: everyone)</translation>
    </message>
    <message>
        <source>Mọi việc</source>
        <translation>Every action</translation>
    </message>
    <message>
        <source>Xem (Enter)</source>
        <translation>Show (Enter)</translation>
    </message>
    <message>
        <source>Xuất XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Xuất CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Đối tượng</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Ngày bắt đầu phải trước ngày kết thúc.</source>
        <translation>The first day must come before the last.</translation>
    </message>
    <message>
        <source>{0} bản ghi.</source>
        <translation>{0} records.</translation>
    </message>
    <message>
        <source>{0} hồ sơ: {1}</source>
        <translation>{0} dossier(s): {1}</translation>
    </message>
    <message>
        <source>Lưu nhật ký truy cập</source>
        <translation>Save the access log</translation>
    </message>
    <message>
        <source>Đang xuất nhật ký truy cập…</source>
        <translation>Exporting the access log…</translation>
    </message>
    <message>
        <source>Đã hủy: không xuất tệp nào.</source>
        <translation>Cancelled: no file exported.</translation>
    </message>
    <message>
        <source>Đã lưu {0} bản ghi vào {1}.</source>
        <translation>Saved {0} records to {1}.</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Hồ sơ cuối</source>
        <translation>Last dossier</translation>
    </message>
    <message>
        <source>Kiểm tra</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Thư mục</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Khôi phục…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu là máy chủ PostgreSQL ({0}): phần mềm không sao lưu hay khôi phục máy chủ. Quản trị CSDL sao lưu trên máy chủ bằng pg_dump và khôi phục bằng pg_restore (xem docs/backups.md, mục «The DBA route»). Danh sách dưới đây chỉ gồm các bản pg_dump do «counter-cli backup» tạo trên máy này, nếu có.</source>
        <translation>The database is a PostgreSQL server ({0}): the software neither backs up nor restores the server. The database administrator backs it up on the server with pg_dump and restores it with pg_restore (see docs/backups.md, section «The DBA route»). The list below only holds the pg_dump files made by «counter-cli backup» on this machine, if any.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu: {0}. Thư mục sao lưu: {1}. Phần mềm tự sao lưu mỗi ngày khi đang mở và sau khi đóng; mỗi bản đều được kiểm tra trước khi đặt tên. Khôi phục: tệp hiện tại được để riêng, không bị xóa.</source>
        <translation>Data file: {0}. Backup folder: {1}. The software backs up once a day while open and after it closes; each copy is verified before it is named. Restore: the current file is set aside, never deleted.</translation>
    </message>
    <message>
        <source>Đã kiểm tra</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Chưa kiểm tra</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>Chưa kiểm tra (trước nâng cấp)</source>
        <translation>Not verified (before upgrade)</translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào.</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Đang sao lưu và kiểm tra bản sao…</source>
        <translation>Backing up and verifying the copy…</translation>
    </message>
    <message>
        <source>Đã sao lưu {0} ({1}), đã kiểm tra: {2} hồ sơ, {3} sự kiện.</source>
        <translation>Backed up {0} ({1}), verified: {2} dossiers, {3} events.</translation>
    </message>
    <message>
        <source>Đã chép sang {0}.</source>
        <translation>Copied to {0}.</translation>
    </message>
    <message>
        <source>Thư mục thứ hai {0} không có (USB chưa cắm?): không chép sang đó.</source>
        <translation>Second folder {0} is missing (USB stick not plugged in?): not copied there.</translation>
    </message>
    <message>
        <source>Không thực hiện được: {0}</source>
        <translation>Could not be done: {0}</translation>
    </message>
    <message>
        <source>Đang kiểm tra bản sao lưu {0}…</source>
        <translation>Verifying backup {0}…</translation>
    </message>
    <message>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Verifying the backup…</translation>
    </message>
    <message>
        <source>{0}

Sau khi khôi phục, chương trình phải đóng lại và được mở lại. Khôi phục bản sao lưu này?</source>
        <translation>{0}

After the restore the program must close and be opened again. Restore this backup?</translation>
    </message>
    <message>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>Chưa khôi phục: không thay đổi gì.</source>
        <translation>Not restored: nothing changed.</translation>
    </message>
    <message>
        <source>Đã khôi phục dữ liệu từ {0}.</source>
        <translation>Data restored from {0}.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu trước đó được để riêng ở {0}.</source>
        <translation>The previous data file was set aside at {0}.</translation>
    </message>
    <message>
        <source>Chương trình sẽ đóng lại bây giờ; hãy mở lại để làm việc với dữ liệu đã khôi phục.</source>
        <translation>The program will close now; open it again to work with the restored data.</translation>
    </message>
    <message>
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>Làm việc</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Hiện cả ngày đã qua</source>
        <translation>Show past days too</translation>
    </message>
    <message>
        <source>ví dụ: Nghỉ bù ngày thành lập tỉnh</source>
        <translation>e.g. Day off for the province&apos;s founding day</translation>
    </message>
    <message>
        <source>Lưu ngày này</source>
        <translation>Save this day</translation>
    </message>
    <message>
        <source>Bỏ ngày đang chọn</source>
        <translation>Remove the selected day</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Ngày nghỉ, ngày làm việc riêng của đơn vị, ngoài lịch nghỉ lễ, Tết của Nhà nước và lịch làm việc hằng tuần. Ngày đã qua không sửa được: hồ sơ đã được hẹn theo lịch của ngày đó.</source>
        <translation>The office&apos;s own days off and working days, besides the State&apos;s public holidays and the weekly hours. Past days cannot be changed: dossiers were given appointments on that day&apos;s calendar.</translation>
    </message>
    <message>
        <source>Ngày riêng của đơn vị</source>
        <translation>The office&apos;s own days</translation>
    </message>
    <message>
        <source>Buổi làm việc</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Lý do nghỉ</source>
        <translation>Reason for the day off</translation>
    </message>
    <message>
        <source>Xem trước: {0} ngày làm việc tới</source>
        <translation>Preview: the next {0} working days</translation>
    </message>
    <message>
        <source>Ngày nghỉ trong khoảng này:</source>
        <translation>Days off in this span:</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no appointment</translation>
    </message>
    <message>
        <source>Hồ sơ {0} ngày làm việc nhận bây giờ hẹn trả: {1}</source>
        <translation>A {0}-working-day dossier received now is due: {1}</translation>
    </message>
    <message>
        <source>Đã lưu: {0} là ngày {1}.</source>
        <translation>Saved: {0} is a {1}.</translation>
    </message>
    <message>
        <source>Ngày {0} đã như vậy: không có gì thay đổi.</source>
        <translation>{0} already was so: nothing changed.</translation>
    </message>
    <message>
        <source>Đã bỏ ngày {0}: ngày này theo lịch chung của Nhà nước và lịch hằng tuần.</source>
        <translation>Removed {0}: the day follows the State calendar and the weekly hours.</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Đơn vị tiếp nhận</source>
        <translation>Receiving office</translation>
    </message>
    <message>
        <source>Tên đơn vị:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Mã định danh:</source>
        <translation>Identifier code:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Danh mục:</source>
        <translation>Catalogue:</translation>
    </message>
    <message>
        <source>{0} thủ tục, {1} hồ sơ</source>
        <translation>{0} procedures, {1} dossiers</translation>
    </message>
</context>
<context>
    <name>CatalogTableModel</name>
    <message>
        <source>Mã thủ tục</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Đổi mật khẩu — {0}</source>
        <translation>Change password — {0}</translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>CitizenResults</name>
    <message>
        <source>Đóng danh sách</source>
        <translation>Close the list</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no appointment</translation>
    </message>
</context>
<context>
    <name>CitizenSearch</name>
    <message>
        <source>Mã hồ sơ, số CCCD/CMND, số điện thoại hoặc họ tên (có dấu hay không), rồi Enter</source>
        <translation>Dossier code, ID card number, phone or name (with or without tone marks), then Enter</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Tìm công dân:</source>
        <translation>Find a citizen:</translation>
    </message>
    <message>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ nào theo «{0}».</source>
        <translation>No dossier found for «{0}».</translation>
    </message>
    <message>
        <source>«{0}»: {1} hồ sơ, mới nhất trước. ↑↓ chọn, Enter hoặc nhấp để mở, Esc đóng.</source>
        <translation>«{0}»: {1} dossiers, newest first. ↑↓ to choose, Enter or click to open, Esc to close.</translation>
    </message>
    <message>
        <source>Chỉ hiện {0} hồ sơ đầu tiên: gõ thêm để thu hẹp.</source>
        <translation>Only the first {0} dossiers are shown: type more to narrow the search.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Cập nhật</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hướng dẫn</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Supplement requests</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Refusals</translation>
    </message>
    <message>
        <source>Chuyển xử lý</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Đến hạn ngày làm việc tới</source>
        <translation>Due next working day</translation>
    </message>
    <message>
        <source>Tiếp nhận theo kênh</source>
        <translation>Received by channel</translation>
    </message>
    <message>
        <source>Tiếp nhận theo lĩnh vực</source>
        <translation>Received by field</translation>
    </message>
    <message>
        <source>Mức độ hài lòng hôm nay</source>
        <translation>Satisfaction today</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Đơn vị xử lý</source>
        <translation>Processing unit</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hồ sơ quá hạn&lt;/b&gt; (nhấp đúp để mở)</source>
        <translation>&lt;b&gt;Overdue dossiers&lt;/b&gt; (double-click to open)</translation>
    </message>
    <message>
        <source>Đang cập nhật…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <source>{0} — ngày {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>Cập nhật lúc {0}</source>
        <translation>Updated at {0}</translation>
    </message>
</context>
<context>
    <name>DocumentChecklist</name>
    <message>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Xuất trình</source>
        <translation>Shown</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>* : giấy tờ bắt buộc. Space: đánh dấu dòng đang chọn.</source>
        <translation>* : required document. Space: tick the current row.</translation>
    </message>
    <message>
        <source>Giấy tờ xuất trình: đánh dấu khi đã kiểm tra và trả lại cho người nộp.</source>
        <translation>Document to show: tick it once checked and handed back to the applicant.</translation>
    </message>
    <message>
        <source>Xuất trình: kiểm tra rồi trả lại người nộp, không giữ lại.</source>
        <translation>Shown: checked, then handed back to the applicant, not kept.</translation>
    </message>
    <message>
        <source>▾ Lưu ý ({0} dòng)</source>
        <translation>▾ Notes ({0} lines)</translation>
    </message>
    <message>
        <source>▸ Lưu ý ({0} dòng) — bấm để xem</source>
        <translation>▸ Notes ({0} lines) — click to read</translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung khi tiếp nhận</source>
        <translation>Supplement requested at intake</translation>
    </message>
    <message>
        <source>Chuyển xử lý</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Bắt đầu giải quyết</source>
        <translation>Processing started</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Nhận bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Chờ thực hiện nghĩa vụ tài chính</source>
        <translation>Awaiting financial obligation</translation>
    </message>
    <message>
        <source>Đã thực hiện nghĩa vụ tài chính</source>
        <translation>Payment made</translation>
    </message>
    <message>
        <source>Có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Rút hồ sơ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Dừng giải quyết</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Xin lỗi, hẹn lại</source>
        <translation>Apology, new date</translation>
    </message>
    <message>
        <source>Hủy hồ sơ</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>giấy tờ số {0}</source>
        <translation>ID no. {0}</translation>
    </message>
    <message>
        <source>, qua bưu chính</source>
        <translation>, by post</translation>
    </message>
    <message>
        <source>, mã bưu gửi {0}</source>
        <translation>, tracking no. {0}</translation>
    </message>
    <message>
        <source>Kênh: {0}</source>
        <translation>Channel: {0}</translation>
    </message>
    <message>
        <source>Giao: {0}</source>
        <translation>To: {0}</translation>
    </message>
    <message>
        <source>Khoản phải nộp: {0}</source>
        <translation>Amount due: {0}</translation>
    </message>
    <message>
        <source>Hẹn trả: {0}</source>
        <translation>Appointment: {0}</translation>
    </message>
    <message>
        <source>Hẹn trả mới: {0}</source>
        <translation>New return date: {0}</translation>
    </message>
    <message>
        <source>Kết quả: {0}</source>
        <translation>Result: {0}</translation>
    </message>
    <message>
        <source>đã có văn bản xin lỗi</source>
        <translation>apology letter issued</translation>
    </message>
    <message>
        <source>Hẹn cũ {0} → hẹn mới {1}</source>
        <translation>Old date {0} → new date {1}</translation>
    </message>
    <message>
        <source>Người nhận: {0}</source>
        <translation>Received by: {0}</translation>
    </message>
    <message>
        <source>Đánh giá: {0}</source>
        <translation>Rating: {0}</translation>
    </message>
    <message>
        <source>Lý do: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <source>Căn cứ: {0}</source>
        <translation>Legal basis: {0}</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ trong danh sách để xem chi tiết.</source>
        <translation>Select a dossier in the list to see its details.</translation>
    </message>
    <message>
        <source>Người nộp:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>Liên hệ:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Tiếp nhận:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Hẹn trả:</source>
        <translation>Return date:</translation>
    </message>
    <message>
        <source>Đơn vị xử lý:</source>
        <translation>Processing unit:</translation>
    </message>
    <message>
        <source>Kết quả:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Trả kết quả:</source>
        <translation>Returned:</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Bước</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Đơn vị, lý do, kết quả</source>
        <translation>Unit, reason, result</translation>
    </message>
    <message>
        <source>&lt;b&gt;Quá trình giải quyết&lt;/b&gt; (phiếu kiểm soát)</source>
        <translation>&lt;b&gt;Processing history&lt;/b&gt; (control slip)</translation>
    </message>
    <message>
        <source>In lại phiếu (Ctrl+P)</source>
        <translation>Re-print slip (Ctrl+P)</translation>
    </message>
    <message>
        <source>Phiếu đã lập:</source>
        <translation>Slips issued:</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình (in mới)</source>
        <translation>Control slip (print anew)</translation>
    </message>
    <message>
        <source>Đang mở hồ sơ {0}…</source>
        <translation>Opening dossier {0}…</translation>
    </message>
    <message>
        <source>, CCCD/CMND {0}</source>
        <translation>, ID {0}</translation>
    </message>
    <message>
        <source> (phiên bản {0})</source>
        <translation> (version {0})</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no date set</translation>
    </message>
    <message>
        <source> (đã xin lỗi, hẹn lại {0} lần)</source>
        <translation> (apologised, rescheduled {0} times)</translation>
    </message>
    <message>
        <source>; hạn theo quy định {0}</source>
        <translation>; statutory deadline {0}</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;QUÁ HẠN&lt;/b&gt; — {0}</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;OVERDUE&lt;/b&gt; — {0}</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#9a6700&apos;&gt;Sắp đến hạn&lt;/b&gt; — {0}</source>
        <translation>&lt;b style=&apos;color:#9a6700&apos;&gt;Due soon&lt;/b&gt; — {0}</translation>
    </message>
    <message>
        <source>chưa chuyển</source>
        <translation>not transferred yet</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>; đánh giá: {0}</source>
        <translation>; rating: {0}</translation>
    </message>
    <message>
        <source>qua bưu chính: {0}</source>
        <translation>by post: {0}</translation>
    </message>
    <message>
        <source>chưa trả</source>
        <translation>not returned yet</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <source>Máy (nút)</source>
        <translation>Workstation (node)</translation>
    </message>
    <message>
        <source>Sự kiện</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Tỉnh đã xác nhận</source>
        <translation>Acknowledged by the province</translation>
    </message>
    <message>
        <source>Chưa gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Ghi gói gửi tỉnh…</source>
        <translation>Write bundle for the province…</translation>
    </message>
    <message>
        <source>Nhập gói của tỉnh…</source>
        <translation>Import a bundle from the province…</translation>
    </message>
    <message>
        <source>gói số {0}</source>
        <translation>bundle no. {0}</translation>
    </message>
    <message>
        <source>chưa nhận</source>
        <translation>not received yet</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa của văn phòng: {0} — đọc cho trung tâm tỉnh qua điện thoại khi đăng ký. Khóa của trung tâm tỉnh: {1}. Chưa gửi: {2} sự kiện. Danh mục và lịch của tỉnh: {3}.</source>
        <translation>Office key fingerprint: {0} — read it to the provincial centre over the phone when enrolling. Provincial centre&apos;s key: {1}. Not sent: {2} events. Province&apos;s catalogue and calendar: {3}.</translation>
    </message>
    <message>
        <source>Đang nhập gói của tỉnh…</source>
        <translation>Importing the province&apos;s bundle…</translation>
    </message>
    <message>
        <source>Gói số {0} của tỉnh đã được áp dụng trước đây.</source>
        <translation>The province&apos;s bundle no. {0} was already applied.</translation>
    </message>
    <message>
        <source>Đã áp dụng danh mục và lịch của tỉnh, gói số {0}: {1} thủ tục mới, {2} thủ tục thay đổi, {3} ngày thay đổi.</source>
        <translation>Applied the province&apos;s catalogue and calendar, bundle no. {0}: {1} new procedures, {2} changed procedures, {3} days changed.</translation>
    </message>
    <message>
        <source>Thủ tục mới: {0} — {1}</source>
        <translation>New procedure: {0} — {1}</translation>
    </message>
    <message>
        <source>Thủ tục thay đổi: {0} — {1}</source>
        <translation>Changed procedure: {0} — {1}</translation>
    </message>
    <message>
        <source>nghỉ</source>
        <translation>day off</translation>
    </message>
    <message>
        <source>làm việc</source>
        <translation>working day</translation>
    </message>
    <message>
        <source>theo lịch quốc gia</source>
        <translation>national calendar</translation>
    </message>
    <message>
        <source>Ngày {0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>chưa có (tạo khi ghi gói đầu tiên)</source>
        <translation>none yet (made with the first bundle)</translation>
    </message>
    <message>
        <source>chưa có (nhận cùng gói xác nhận đầu tiên)</source>
        <translation>none yet (received with the first acknowledgement)</translation>
    </message>
    <message>
        <source>Chọn thư mục (USB) để ghi gói gửi tỉnh</source>
        <translation>Choose the folder (USB stick) for the bundle to the province</translation>
    </message>
    <message>
        <source>Đang ghi gói gửi tỉnh…</source>
        <translation>Writing the bundle for the province…</translation>
    </message>
    <message>
        <source>Tỉnh đã xác nhận mọi sự kiện: không có gì để gửi, không ghi gói.</source>
        <translation>The province has acknowledged every event: nothing to send, no bundle written.</translation>
    </message>
    <message>
        <source>Đã ghi {0}: {1} sự kiện, ký bằng khóa {2}. Mang gói này đến trung tâm tỉnh.</source>
        <translation>Wrote {0}: {1} events, signed with key {2}. Take this bundle to the provincial centre.</translation>
    </message>
    <message>
        <source>Gói trao đổi (*.zip)</source>
        <translation>Exchange bundles (*.zip)</translation>
    </message>
    <message>
        <source>Chọn gói của trung tâm tỉnh</source>
        <translation>Choose the provincial centre&apos;s bundle</translation>
    </message>
    <message>
        <source>Khóa của trung tâm tỉnh</source>
        <translation>The provincial centre&apos;s key</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa của trung tâm tỉnh (trung tâm đọc qua điện thoại):</source>
        <translation>Fingerprint of the provincial centre&apos;s key (read by the centre over the phone):</translation>
    </message>
    <message>
        <source>Chưa nhập: cần dấu vân tay của trung tâm tỉnh.</source>
        <translation>Not imported: the provincial centre&apos;s fingerprint is needed.</translation>
    </message>
    <message>
        <source>Lời văn mẫu {0}/{1}: trở lại lời văn chuẩn</source>
        <translation>Form wording {0}/{1}: back to the standard text</translation>
    </message>
    <message>
        <source>Lời văn mẫu {0}/{1}: {2}</source>
        <translation>Form wording {0}/{1}: {2}</translation>
    </message>
    <message>
        <source>Gói xác nhận này đã được nhập trước đây.</source>
        <translation>This acknowledgement was imported before.</translation>
    </message>
    <message>
        <source>Trung tâm tỉnh đã xác nhận: {0}.</source>
        <translation>The provincial centre acknowledged: {0}.</translation>
    </message>
    <message>
        <source>Trung tâm tỉnh gửi lại {0} sự kiện chuỗi {1} bị mất khi khôi phục từ bản sao lưu cũ ({2} hồ sơ: {3}).</source>
        <translation>The provincial centre sent back {0} events of chain {1} lost in the restore from an old backup ({2} dossiers: {3}).</translation>
    </message>
    <message>
        <source>Chú ý: trung tâm tỉnh có chuỗi {0} đến số {1}, nhiều hơn cơ sở dữ liệu này (đã khôi phục từ bản sao lưu cũ?): chuỗi đó chưa được đánh dấu đã gửi.</source>
        <translation>Note: the provincial centre holds chain {0} up to {1}, more than this database does (restored from an older backup?): that chain is not marked as sent.</translation>
    </message>
    <message>
        <source>Không thực hiện được: {0}</source>
        <translation>Could not be done: {0}</translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>Chọn một thủ tục để xem hướng dẫn.</source>
        <translation>Choose a procedure to see its guidance.</translation>
    </message>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Ghi nhận đã hướng dẫn</source>
        <translation>Record guidance given</translation>
    </message>
    <message>
        <source>In phiếu hướng dẫn (Ctrl+P)</source>
        <translation>Print guidance slip (Ctrl+P)</translation>
    </message>
    <message>
        <source>Trường hợp:</source>
        <translation>Case:</translation>
    </message>
    <message>
        <source>Giấy tờ phải nộp</source>
        <translation>Documents to hand in</translation>
    </message>
    <message>
        <source>Giấy tờ phải xuất trình (kiểm tra rồi trả lại, không nộp)</source>
        <translation>Documents to show (checked and handed back, not kept)</translation>
    </message>
    <message>
        <source>Lưu ý</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>(Không yêu cầu giấy tờ)</source>
        <translation>(No documents required)</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <source>Không xem được thủ tục</source>
        <translation>Cannot show the procedure</translation>
    </message>
    <message>
        <source>tỉnh</source>
        <translation>province</translation>
    </message>
    <message>
        <source>xã</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>toàn trình</source>
        <translation>fully online</translation>
    </message>
    <message>
        <source>một phần</source>
        <translation>partly online</translation>
    </message>
    <message>
        <source>Lĩnh vực: {0} · Cấp thực hiện: {1} · Dịch vụ công trực tuyến: {2}</source>
        <translation>Field: {0} · Level: {1} · Online public service: {2}</translation>
    </message>
    <message>
        <source>Trường hợp chung</source>
        <translation>General case</translation>
    </message>
    <message>
        <source>hoặc</source>
        <translation>or</translation>
    </message>
    <message>
        <source>Không hẹn ngày trả kết quả</source>
        <translation>No appointment for the result</translation>
    </message>
    <message>
        <source>Thời hạn nêu theo từng trường hợp (hẹn trả theo thời hạn dài nhất):</source>
        <translation>Terms stated per case (the appointment follows the longest):</translation>
    </message>
    <message>
        <source>Thời hạn nêu theo trường hợp:</source>
        <translation>Term stated per case:</translation>
    </message>
    <message>
        <source>Không ghi thời hạn.</source>
        <translation>No processing time given.</translation>
    </message>
    <message>
        <source>{0} đồng</source>
        <translation>{0} VND</translation>
    </message>
    <message>
        <source>Không thu phí, lệ phí.</source>
        <translation>No fees or charges.</translation>
    </message>
    <message>
        <source> (nếu có)</source>
        <translation> (if any)</translation>
    </message>
    <message>
        <source>Không ghi nhận được</source>
        <translation>Could not record</translation>
    </message>
    <message>
        <source>Đã ghi nhận hướng dẫn thủ tục {0}.</source>
        <translation>Guidance on procedure {0} recorded.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Máy đã khóa</source>
        <translation>Computer locked</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Người khác đăng nhập</source>
        <translation>Another user logs in</translation>
    </message>
    <message>
        <source>{0} ({1}) đang đăng nhập. Nhập mật khẩu để mở khóa.</source>
        <translation>{0} ({1}) is logged in. Enter the password to unlock.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Đổi người dùng — Bộ phận Một cửa</source>
        <translation>Switch user — One-stop counter</translation>
    </message>
    <message>
        <source>Đăng nhập — Bộ phận Một cửa</source>
        <translation>Log in — One-Stop Counter</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Đang mở dữ liệu, xin chờ trong giây lát…</source>
        <translation>Opening the data, one moment…</translation>
    </message>
    <message>
        <source>Chào {0}. Mật khẩu vừa dùng là mật khẩu dùng một lần: hãy đặt mật khẩu mới của bạn (nhập hai lần) trước khi bắt đầu làm việc.</source>
        <translation>Hello {0}. The password you used is a one-time password: set your own new password (type it twice) before you start working.</translation>
    </message>
    <message>
        <source>Đổi mật khẩu và vào</source>
        <translation>Change password and log in</translation>
    </message>
    <message>
        <source>Dữ liệu mẫu: canbo / lanhdao / quantri, mật khẩu «demo».</source>
        <translation>Demo data: canbo / lanhdao / quantri, password “demo”.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bộ phận Một cửa — counter_app</source>
        <translation>One-Stop Counter — counter_app</translation>
    </message>
    <message>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Báo cáo theo kỳ</source>
        <translation>Period reports</translation>
    </message>
    <message>
        <source>Nhật ký truy cập</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Hướng dẫn (F1)</source>
        <translation>Guide (F1)</translation>
    </message>
    <message>
        <source>Tiếp nhận (F2)</source>
        <translation>Receive (F2)</translation>
    </message>
    <message>
        <source>Theo dõi (F3)</source>
        <translation>Track (F3)</translation>
    </message>
    <message>
        <source>Trả kết quả (F4)</source>
        <translation>Return (F4)</translation>
    </message>
    <message>
        <source>Báo cáo (F5)</source>
        <translation>Reports (F5)</translation>
    </message>
    <message>
        <source>Danh mục (F6)</source>
        <translation>Catalogue (F6)</translation>
    </message>
    <message>
        <source>Quản trị (F7)</source>
        <translation>Administration (F7)</translation>
    </message>
    <message>
        <source>Các văn phòng (F8)</source>
        <translation>Offices (F8)</translation>
    </message>
    <message>
        <source>chưa có máy in</source>
        <translation>no printer</translation>
    </message>
    <message>
        <source>{0} ({1}) · {2} · CSDL: {3} · Máy in: {4}</source>
        <translation>{0} ({1}) · {2} · Database: {3} · Printer: {4}</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Hệ thống</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <source>Mã hồ sơ {0}: vai trò «{1}» không mở hồ sơ tại quầy.</source>
        <translation>Dossier code {0}: the «{1}» role does not open dossiers at the counter.</translation>
    </message>
    <message>
        <source>Đóng chương trình?</source>
        <translation>Close the program?</translation>
    </message>
    <message>
        <source>Trang đang mở có thông tin đã nhập nhưng chưa lưu. Đóng chương trình và bỏ thông tin này?</source>
        <translation>A page holds input that has not been saved. Close the program and discard it?</translation>
    </message>
    <message>
        <source>Khóa máy</source>
        <translation>Lock computer</translation>
    </message>
    <message>
        <source>Đổi người dùng…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>Máy đang khóa và trang đang mở còn thông tin chưa lưu: mở khóa để đóng chương trình.</source>
        <translation>The computer is locked and the open page holds unsaved input: unlock to close the program.</translation>
    </message>
    <message>
        <source>Đổi người dùng?</source>
        <translation>Switch user?</translation>
    </message>
    <message>
        <source>Trang đang mở có thông tin đã nhập nhưng chưa lưu. Nếu người khác đăng nhập, thông tin này sẽ bị bỏ. Tiếp tục?</source>
        <translation>The open page holds input that has not been saved. If another user logs in, it will be discarded. Continue?</translation>
    </message>
</context>
<context>
    <name>OfficeProcedureModel</name>
    <message>
        <source>Mã thủ tục</source>
        <translation>Procedure code</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Thời hạn theo quy định</source>
        <translation>Legal term</translation>
    </message>
    <message>
        <source>Thời hạn rút ngắn</source>
        <translation>Shorter term</translation>
    </message>
    <message>
        <source>Đơn vị xử lý</source>
        <translation>Handling unit</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <source>— Chọn tỉnh, thành phố —</source>
        <translation>— Choose a province —</translation>
    </message>
    <message>
        <source>— Chọn cấp đơn vị —</source>
        <translation>— Choose the office level —</translation>
    </message>
    <message>
        <source>Đổi mã định danh…</source>
        <translation>Change identifier code…</translation>
    </message>
    <message>
        <source>Tỉnh, thành phố:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>Cấp đơn vị:</source>
        <translation>Office level:</translation>
    </message>
    <message>
        <source>Tên đơn vị:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản:</source>
        <translation>Governing body:</translation>
    </message>
    <message>
        <source>Mã định danh:</source>
        <translation>Identifier code:</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Địa danh:</source>
        <translation>Place name:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Đường dây nóng:</source>
        <translation>Hotline:</translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Người ký (họ tên):</source>
        <translation>Signatory (full name):</translation>
    </message>
    <message>
        <source>Chức danh người ký:</source>
        <translation>Signatory&apos;s title:</translation>
    </message>
    <message>
        <source>Thông tin in trên phiếu</source>
        <translation>Printed on the slips</translation>
    </message>
    <message>
        <source>Sáng</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Chiều</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>Buổi làm việc:</source>
        <translation>Sessions:</translation>
    </message>
    <message>
        <source>Cách tính thời hạn:</source>
        <translation>Term calculation:</translation>
    </message>
    <message>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>Các thay đổi có ngày hiệu lực: từ lúc lưu, phiếu mới in thông tin mới; một phiếu đã cấp trước đó, khi in lại, vẫn ghi đúng những gì nó ghi lúc cấp. Giờ làm việc và cách tính thời hạn chỉ áp dụng cho hồ sơ nhận từ lúc lưu: hồ sơ đã nhận giữ ngày hẹn đã ghi.</source>
        <translation>Changes are dated: from the moment they are saved new slips print the new details; a slip issued earlier, when re-printed, still shows what it showed when issued. Working hours and the term calculation apply only to dossiers received from then on: dossiers already received keep their appointment.</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Bỏ thay đổi</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Mã hồ sơ đầu tiên của một ngày theo mã này: {0}</source>
        <translation>First dossier code of a day under this code: {0}</translation>
    </message>
    <message>
        <source>Các buổi khác được giữ nguyên: {0}</source>
        <translation>Other sessions are kept unchanged: {0}</translation>
    </message>
    <message>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>Đã lưu thông tin đơn vị:</source>
        <translation>Office details saved:</translation>
    </message>
    <message>
        <source>Đổi mã định danh</source>
        <translation>Change identifier code</translation>
    </message>
    <message>
        <source>Mã định danh mới của đơn vị (ví dụ 000.17.22.H56):</source>
        <translation>The office&apos;s new identifier code (e.g. 000.17.22.H56):</translation>
    </message>
    <message>
        <source>Đổi mã định danh từ {0} sang {1}?

Mã định danh đứng đầu mọi mã hồ sơ. Từ bây giờ hồ sơ mới được đánh số theo một dãy mới, bắt đầu từ {2}; hồ sơ đã nhận giữ nguyên mã cũ (đã in trên giấy tiếp nhận và vẫn tra cứu được). Sổ theo dõi hồ sơ tiếp tục số thứ tự.

Chỉ đổi khi đơn vị được cấp mã mới.</source>
        <translation>Change the identifier code from {0} to {1}?

The identifier code starts every dossier code. From now on new dossiers are numbered in a new series starting with {2}; dossiers already received keep their old codes (printed on their receipts and still found by lookup). The register keeps its numbering.

Only change it when the office has been given a new code.</translation>
    </message>
    <message>
        <source>Đã đổi mã định danh từ {0} sang {1}.</source>
        <translation>Identifier code changed from {0} to {1}.</translation>
    </message>
</context>
<context>
    <name>OfficesPage</name>
    <message>
        <source>Mã hồ sơ hoặc số CCCD</source>
        <translation>Dossier code or ID card number</translation>
    </message>
    <message>
        <source>Tra cứu</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>Dữ liệu văn phòng đến</source>
        <translation>Office data up to</translation>
    </message>
    <message>
        <source>Tất cả hồ sơ</source>
        <translation>All dossiers</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Quá hạn (theo dữ liệu của văn phòng)</source>
        <translation>Overdue (as of the office&apos;s data)</translation>
    </message>
    <message>
        <source>Chờ công dân bổ sung, nộp phí</source>
        <translation>Waiting for the citizen (documents, fees)</translation>
    </message>
    <message>
        <source>Đã có kết quả</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Tra cứu (đường dây nóng):</source>
        <translation>Look up (hotline):</translation>
    </message>
    <message>
        <source>Văn phòng:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Hồ sơ:</source>
        <translation>Dossiers:</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Văn phòng</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>{0} ({1}) — dữ liệu đến {2}</source>
        <translation>{0} ({1}) — data up to {2}</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no appointment</translation>
    </message>
    <message>
        <source>Chưa có văn phòng nào đăng ký.</source>
        <translation>No office is enrolled yet.</translation>
    </message>
    <message>
        <source>{0} hồ sơ; hiện {1} hồ sơ tiếp nhận gần nhất.</source>
        <translation>{0} dossiers; showing the {1} received last.</translation>
    </message>
    <message>
        <source>{0} hồ sơ.</source>
        <translation>{0} dossiers.</translation>
    </message>
    <message>
        <source>Nhập mã hồ sơ hoặc số CCCD để tra cứu.</source>
        <translation>Enter a dossier code or an ID card number to look up.</translation>
    </message>
    <message>
        <source>Tìm thấy {0} hồ sơ.</source>
        <translation>Found {0} dossiers.</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào của các văn phòng khớp.</source>
        <translation>No dossier of the offices matches.</translation>
    </message>
</context>
<context>
    <name>OneTimePasswordDialog</name>
    <message>
        <source>Mật khẩu dùng một lần</source>
        <translation>One-time password</translation>
    </message>
    <message>
        <source>Mật khẩu dùng một lần của «{0}»:</source>
        <translation>One-time password of «{0}»:</translation>
    </message>
    <message>
        <source>Mật khẩu chỉ hiện một lần này, phần mềm không lưu lại. Hãy chép hoặc ghi lại để trao cho người dùng; họ phải đổi mật khẩu ngay khi đăng nhập lần đầu.</source>
        <translation>The password is shown this once only; the software does not keep it. Copy or write it down to hand it to the user; they must change it as soon as they first log in.</translation>
    </message>
    <message>
        <source>Chép mật khẩu</source>
        <translation>Copy password</translation>
    </message>
    <message>
        <source>Đã ghi lại, đóng</source>
        <translation>Noted, close</translation>
    </message>
    <message>
        <source>Đã chép vào bộ nhớ tạm.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>Ít nhất {0} ký tự; không dùng tên đăng nhập hay mật khẩu phổ biến (123456789a, matkhau123…).</source>
        <translation>At least {0} characters; not the user name nor a common password (123456789a, matkhau123…).</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu mới:</source>
        <translation>New password again:</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>Gõ tên hoặc mã thủ tục (có dấu hay không dấu)…</source>
        <translation>Type part of the procedure&apos;s name or code (tone marks optional)…</translation>
    </message>
</context>
<context>
    <name>ProceduresTab</name>
    <message>
        <source>Tìm theo mã hoặc tên thủ tục (có dấu hay không dấu)</source>
        <translation>Search by procedure code or name (with or without tone marks)</translation>
    </message>
    <message>
        <source>Tất cả thủ tục</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <source>Đơn vị tiếp nhận</source>
        <translation>Received by the office</translation>
    </message>
    <message>
        <source>Đơn vị không tiếp nhận</source>
        <translation>Not received by the office</translation>
    </message>
    <message>
        <source>Chọn một thủ tục trong bảng.</source>
        <translation>Choose a procedure in the table.</translation>
    </message>
    <message>
        <source>Đơn vị tiếp nhận thủ tục này</source>
        <translation>The office receives this procedure</translation>
    </message>
    <message>
        <source>ví dụ: 5 hoặc 2,5</source>
        <translation>e.g. 5 or 2.5</translation>
    </message>
    <message>
        <source>Đặt thời hạn rút ngắn</source>
        <translation>Set shorter term</translation>
    </message>
    <message>
        <source>Bỏ rút ngắn</source>
        <translation>Clear shorter term</translation>
    </message>
    <message>
        <source>Gán đơn vị xử lý</source>
        <translation>Assign handling unit</translation>
    </message>
    <message>
        <source>Thủ tục đang chọn</source>
        <translation>Selected procedure</translation>
    </message>
    <message>
        <source>Theo quy định:</source>
        <translation>Legal term:</translation>
    </message>
    <message>
        <source>Thời hạn rút ngắn:</source>
        <translation>Shorter term:</translation>
    </message>
    <message>
        <source>Đơn vị xử lý:</source>
        <translation>Handling unit:</translation>
    </message>
    <message>
        <source>Danh mục thủ tục không bị sửa: đây là lựa chọn riêng của đơn vị, được giữ khi nhập danh mục mới. Thời hạn rút ngắn phải cùng đơn vị với thời hạn theo quy định và không dài hơn; hồ sơ đã nhận giữ thời hạn lúc nhận.</source>
        <translation>The procedure catalogue is not edited: these are the office&apos;s own choices, kept when a new catalogue is imported. A shorter term must be in the same unit as the legal term and not longer; dossiers already received keep the term they were received with.</translation>
    </message>
    <message>
        <source>(chưa gán)</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <source>{0}/{1} thủ tục</source>
        <translation>{0}/{1} procedures</translation>
    </message>
    <message>
        <source>Đơn vị tiếp nhận thủ tục {0}.</source>
        <translation>The office receives procedure {0}.</translation>
    </message>
    <message>
        <source>Đơn vị ngừng tiếp nhận thủ tục {0}.</source>
        <translation>The office no longer receives procedure {0}.</translation>
    </message>
    <message>
        <source>Hãy nhập thời hạn rút ngắn (ví dụ: 5 hoặc 2,5), hoặc bấm «Bỏ rút ngắn».</source>
        <translation>Enter the shorter term (e.g. 5 or 2.5), or press «Clear shorter term».</translation>
    </message>
    <message>
        <source>Thời hạn «{0}» không hợp lệ (ví dụ đúng: 5 hoặc 2,5).</source>
        <translation>Term «{0}» is not valid (correct examples: 5 or 2.5).</translation>
    </message>
    <message>
        <source>Thủ tục {0}: thời hạn rút ngắn {1}.</source>
        <translation>Procedure {0}: shorter term {1}.</translation>
    </message>
    <message>
        <source>Thủ tục {0}: bỏ thời hạn rút ngắn, áp dụng thời hạn theo quy định.</source>
        <translation>Procedure {0}: shorter term cleared, the legal term applies.</translation>
    </message>
    <message>
        <source>Thủ tục {0}: đơn vị xử lý {1}.</source>
        <translation>Procedure {0}: handling unit {1}.</translation>
    </message>
    <message>
        <source>Thủ tục {0}: bỏ đơn vị xử lý.</source>
        <translation>Procedure {0}: handling unit cleared.</translation>
    </message>
</context>
<context>
    <name>ProvinceTab</name>
    <message>
        <source>Mã định danh</source>
        <translation>Identifier code</translation>
    </message>
    <message>
        <source>Văn phòng</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Dữ liệu đến</source>
        <translation>Data up to</translation>
    </message>
    <message>
        <source>Sự kiện</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Rẽ nhánh</source>
        <translation>Forks</translation>
    </message>
    <message>
        <source>Nhập gói của văn phòng…</source>
        <translation>Import office bundles…</translation>
    </message>
    <message>
        <source>Đăng ký văn phòng…</source>
        <translation>Enrol an office…</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Chuỗi</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Nhánh đã áp dụng</source>
        <translation>Applied branch</translation>
    </message>
    <message>
        <source>Nhánh kia</source>
        <translation>Other branch</translation>
    </message>
    <message>
        <source>Giữ nhánh đã áp dụng</source>
        <translation>Keep the applied branch</translation>
    </message>
    <message>
        <source>Giữ nhánh kia</source>
        <translation>Keep the other branch</translation>
    </message>
    <message>
        <source>Cảnh báo rẽ nhánh đang mở — chọn nhánh giữ lại, nhánh kia được để riêng:</source>
        <translation>Open fork alarms — choose the branch to keep; the other is set aside:</translation>
    </message>
    <message>
        <source>Các văn phòng đã đăng ký với trung tâm tỉnh và dữ liệu của mỗi văn phòng đến lúc nào. Một văn phòng nhiều ngày không gửi được xem theo ngày dữ liệu của nó.</source>
        <translation>The offices enrolled with the provincial centre and how far each one&apos;s data runs. An office that has not sent for days is read as of its data&apos;s date.</translation>
    </message>
    <message>
        <source>Chưa có văn phòng nào đăng ký với cơ sở dữ liệu này. Màn hình này dùng ở trung tâm tỉnh: đăng ký một văn phòng từ gói đầu tiên của nó và dấu vân tay văn phòng đọc qua điện thoại.</source>
        <translation>No office is enrolled with this database. This screen is for the provincial centre: enrol an office from its first bundle and the fingerprint the office reads out over the phone.</translation>
    </message>
    <message>
        <source>{0} từ số {1}</source>
        <translation>{0} from no. {1}</translation>
    </message>
    <message>
        <source>{0} sự kiện, {1}–{2}; {3} hồ sơ: {4}</source>
        <translation>{0} events, {1}–{2}; {3} dossiers: {4}</translation>
    </message>
    <message>
        <source>Chọn một gói của văn phòng cần đăng ký</source>
        <translation>Choose a bundle of the office to enrol</translation>
    </message>
    <message>
        <source>Gói trao đổi (*.zip)</source>
        <translation>Exchange bundles (*.zip)</translation>
    </message>
    <message>
        <source>Đăng ký văn phòng</source>
        <translation>Enrol an office</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa của văn phòng (văn phòng đọc qua điện thoại):</source>
        <translation>The office key&apos;s fingerprint (read out by the office over the phone):</translation>
    </message>
    <message>
        <source>Chưa đăng ký: cần dấu vân tay của văn phòng.</source>
        <translation>Not enrolled: the office&apos;s fingerprint is needed.</translation>
    </message>
    <message>
        <source>Đã đăng ký khóa {0} của {1} ({2}).</source>
        <translation>Enrolled key {0} of {1} ({2}).</translation>
    </message>
    <message>
        <source>Đã đăng ký từ trước: khóa {0} của {1} ({2}).</source>
        <translation>Already enrolled: key {0} of {1} ({2}).</translation>
    </message>
    <message>
        <source>Chọn các gói của văn phòng</source>
        <translation>Choose the offices&apos; bundles</translation>
    </message>
    <message>
        <source>Đang nhập gói của văn phòng…</source>
        <translation>Importing office bundles…</translation>
    </message>
    <message>
        <source>{0}: đã nhập trước đây, không có gì mới.</source>
        <translation>{0}: imported before, nothing new.</translation>
    </message>
    <message>
        <source>{0}: văn phòng {1}, áp dụng {2} sự kiện; gói xác nhận: {3}.</source>
        <translation>{0}: office {1}, {2} events applied; acknowledgement: {3}.</translation>
    </message>
    <message>
        <source>CẢNH BÁO RẼ NHÁNH: chưa áp dụng gì thêm của chuỗi đó; hãy chọn nhánh bên dưới.</source>
        <translation>FORK ALARM: nothing more of that chain is applied; choose the branch below.</translation>
    </message>
    <message>
        <source>Không thực hiện được: {0}</source>
        <translation>Could not be done: {0}</translation>
    </message>
    <message>
        <source>Chọn một cảnh báo rẽ nhánh trong bảng.</source>
        <translation>Select a fork alarm in the table.</translation>
    </message>
    <message>
        <source>nhánh đã áp dụng</source>
        <translation>the applied branch</translation>
    </message>
    <message>
        <source>nhánh kia</source>
        <translation>the other branch</translation>
    </message>
    <message>
        <source>Giữ {0} của chuỗi {1} (văn phòng {2})? Nhánh còn lại được để riêng, không bị xóa.</source>
        <translation>Keep {0} of chain {1} (office {2})? The other branch is set aside, not deleted.</translation>
    </message>
    <message>
        <source>Chọn nhánh</source>
        <translation>Choose a branch</translation>
    </message>
    <message>
        <source>Đã giữ {0}: {1} sự kiện của nhánh còn lại được để riêng; chuỗi đến số {2}.</source>
        <translation>Kept {0}: {1} events of the other branch set aside; the chain runs to no. {2}.</translation>
    </message>
</context>
<context>
    <name>ReceiptBanner</name>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Không hẹn ngày trả kết quả</source>
        <translation>No appointment for the result</translation>
    </message>
    <message>
        <source>{0}, {1} lúc {2}</source>
        <translation>{0}, {1} at {2}</translation>
    </message>
    <message>
        <source>✔ Đã tiếp nhận hồ sơ</source>
        <translation>✔ Dossier received</translation>
    </message>
    <message>
        <source>Hẹn trả kết quả:</source>
        <translation>Result appointment:</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận:</source>
        <translation>Receipt:</translation>
    </message>
    <message>
        <source>Đang lập giấy tiếp nhận…</source>
        <translation>Preparing the receipt…</translation>
    </message>
    <message>
        <source>Đang in giấy tiếp nhận…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <source>Không có máy in: giấy tiếp nhận đã lưu vào tệp (đã mở để xem và in):</source>
        <translation>No printer: the receipt was saved to a file (opened for viewing and printing):</translation>
    </message>
    <message>
        <source>Đã hủy in; giấy tiếp nhận đã lưu vào tệp:</source>
        <translation>Printing cancelled; the receipt was saved to a file:</translation>
    </message>
    <message>
        <source>Không in được ({0}). Hồ sơ vẫn đã được tiếp nhận; giấy tiếp nhận đã lưu vào tệp:</source>
        <translation>Could not print ({0}). The dossier is still received; the receipt was saved to a file:</translation>
    </message>
    <message>
        <source>Không lập được giấy tiếp nhận ({0}). Hồ sơ vẫn đã được tiếp nhận; in lại ở trang Theo dõi (F3).</source>
        <translation>Could not make the receipt ({0}). The dossier is still received; print it again from Tracking (F3).</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <source>Nhận tại Bộ phận Một cửa</source>
        <translation>Collect at the One-Stop Counter</translation>
    </message>
    <message>
        <source>Nhận qua dịch vụ bưu chính</source>
        <translation>Deliver by post</translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả qua bưu chính</source>
        <translation>Postal address for the result</translation>
    </message>
    <message>
        <source>Tiếp nhận (Ctrl+Enter)</source>
        <translation>Accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>* bắt buộc · Xuất trình: kiểm tra rồi trả lại · Space: đánh dấu/bỏ dấu dòng đang chọn</source>
        <translation>* required · Shown: checked, then handed back · Space: tick/untick the current row</translation>
    </message>
    <message>
        <source>Làm mới (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Trường hợp:</source>
        <translation>Case:</translation>
    </message>
    <message>
        <source>Kênh nộp:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <source>Nhận kết quả:</source>
        <translation>Result delivery:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Trường hợp chung</source>
        <translation>General case</translation>
    </message>
    <message>
        <source>Danh mục không ghi giấy tờ nào cho trường hợp này.</source>
        <translation>The catalogue lists no document for this case.</translation>
    </message>
    <message>
        <source>Hẹn trả kết quả: {0}</source>
        <translation>Result due: {0}</translation>
    </message>
    <message>
        <source>(theo thời hạn dài nhất: {0})</source>
        <translation>(by the longest term: {0})</translation>
    </message>
    <message>
        <source>Xóa thông tin đang nhập?</source>
        <translation>Discard the input?</translation>
    </message>
    <message>
        <source>Hồ sơ đang nhập chưa được tiếp nhận. Xóa hết thông tin đã nhập?</source>
        <translation>The dossier being entered has not been received. Discard everything entered?</translation>
    </message>
    <message>
        <source>Thủ tục không hẹn ngày trả.</source>
        <translation>This procedure has no return date.</translation>
    </message>
    <message>
        <source>Hồ sơ đã yêu cầu bổ sung ngày {0}: đánh dấu các giấy tờ vừa bổ sung.</source>
        <translation>Supplement requested on {0}: tick the documents just supplied.</translation>
    </message>
    <message>
        <source>Thông tin người nộp chưa hợp lệ.</source>
        <translation>The applicant&apos;s details are not valid.</translation>
    </message>
    <message>
        <source>Đã tiếp nhận hồ sơ {0}. Hẹn trả: {1}.</source>
        <translation>Dossier {0} accepted. Result due: {1}.</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no date set</translation>
    </message>
    <message>
        <source>Nội dung/lý do cần bổ sung:</source>
        <translation>What to supplement, and why:</translation>
    </message>
    <message>
        <source>Đã lập yêu cầu bổ sung. Cần bổ sung: {0}</source>
        <translation>Supplement request made. To supplement: {0}</translation>
    </message>
    <message>
        <source>Lý do từ chối (bắt buộc):</source>
        <translation>Reason for refusal (required):</translation>
    </message>
    <message>
        <source>Đã từ chối tiếp nhận, số {0}.</source>
        <translation>Refused, number {0}.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Tình hình, kết quả giải quyết TTHC (theo kỳ)</source>
        <translation>Handling of administrative procedures (period)</translation>
    </message>
    <message>
        <source>Báo cáo cuối ngày</source>
        <translation>End-of-day report</translation>
    </message>
    <message>
        <source>Hồ sơ quá hạn và sắp đến hạn</source>
        <translation>Overdue and due-soon dossiers</translation>
    </message>
    <message>
        <source>Mức độ hài lòng</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Dossier register</translation>
    </message>
    <message>
        <source>Mã thủ tục, cách nhau bởi dấu phẩy (để trống: tất cả)</source>
        <translation>Procedure codes, comma-separated (empty: all)</translation>
    </message>
    <message>
        <source>Theo lĩnh vực</source>
        <translation>By field</translation>
    </message>
    <message>
        <source>Theo đơn vị xử lý</source>
        <translation>By handling unit</translation>
    </message>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Các văn phòng: tình hình, kết quả giải quyết (Biểu 06)</source>
        <translation>Offices: processing status and results (Form 06)</translation>
    </message>
    <message>
        <source>Các văn phòng: tổng hợp cuối ngày</source>
        <translation>Offices: end-of-day summary</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Xuất CSV…</source>
        <translation>Export to CSV…</translation>
    </message>
    <message>
        <source>Báo cáo:</source>
        <translation>Report:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Nhóm theo:</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <source>Đơn vị tiếp nhận:</source>
        <translation>Receiving office:</translation>
    </message>
    <message>
        <source>Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Đơn vị xử lý:</source>
        <translation>Handling unit:</translation>
    </message>
    <message>
        <source>Cán bộ:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Theo văn phòng</source>
        <translation>By office</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo tại:</source>
        <translation>Report saved at:</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Đang lập báo cáo…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>Báo cáo có {0} trang.</source>
        <translation>The report has {0} pages.</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <source>Người được ủy quyền</source>
        <translation>Authorised person</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Waiting time</translation>
    </message>
    <message>
        <source>Hướng dẫn</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Thái độ</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Hẹn trả:</source>
        <translation>Return date:</translation>
    </message>
    <message>
        <source>Kết quả giải quyết:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Đơn vị xử lý:</source>
        <translation>Processing unit:</translation>
    </message>
    <message>
        <source>Hình thức nhận:</source>
        <translation>Delivery:</translation>
    </message>
    <message>
        <source>Người nhận kết quả</source>
        <translation>Result collected by</translation>
    </message>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation>The applicant</translation>
    </message>
    <message>
        <source>Người được ủy quyền (Ctrl+U)</source>
        <translation>Authorised person (Ctrl+U)</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Số CCCD/CMND (bắt buộc)</source>
        <translation>ID card number (required)</translation>
    </message>
    <message>
        <source>Hình thức trả</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Tại quầy</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <source>Qua bưu chính (Ctrl+B)</source>
        <translation>By post (Ctrl+B)</translation>
    </message>
    <message>
        <source>Mã bưu gửi</source>
        <translation>Postal tracking number</translation>
    </message>
    <message>
        <source>Mức độ hài lòng (phím 1–5; nhấn lại để bỏ chọn)</source>
        <translation>Satisfaction (keys 1–5; press again to clear)</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reasons:</translation>
    </message>
    <message>
        <source>lý do khác</source>
        <translation>other reason</translation>
    </message>
    <message>
        <source>Xác nhận trả kết quả (Enter)</source>
        <translation>Confirm return (Enter)</translation>
    </message>
    <message>
        <source>Làm lại (Esc)</source>
        <translation>Start over (Esc)</translation>
    </message>
    <message>
        <source>Người nộp hồ sơ: {0}</source>
        <translation>Applicant: {0}</translation>
    </message>
    <message>
        <source>Hồ sơ đăng ký nhận kết quả qua bưu chính: nhập mã bưu gửi rồi nhấn Enter.</source>
        <translation>Result to be sent by post: enter the tracking number, then press Enter.</translation>
    </message>
    <message>
        <source>Đã có kết quả. Người nhận: người nộp hồ sơ. Đánh giá (phím 1–5) rồi nhấn Enter để trả.</source>
        <translation>Result ready. Collected by: the applicant. Rate (keys 1–5), then press Enter to return.</translation>
    </message>
    <message>
        <source>Hồ sơ {0} đã trả kết quả lúc {1} cho {2}.</source>
        <translation>Dossier {0}: result already returned at {1} to {2}.</translation>
    </message>
    <message>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no date set</translation>
    </message>
    <message>
        <source>Hồ sơ {0} chưa có kết quả: đang ở trạng thái «{1}». Hẹn trả: {2}.</source>
        <translation>Dossier {0} has no result yet: status “{1}”. Result due: {2}.</translation>
    </message>
    <message>
        <source>Hồ sơ {0} ở trạng thái «{1}»: không có kết quả để trả.</source>
        <translation>Dossier {0} is “{1}”: there is no result to return.</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Qua bưu chính: {0}</source>
        <translation>By post: {0}</translation>
    </message>
    <message>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the One-Stop Counter</translation>
    </message>
    <message>
        <source>Quét giấy hẹn hoặc CCCD, hay gõ rồi nhấn Enter</source>
        <translation>Scan the receipt or ID card, or type, then Enter</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mã hồ sơ, hoặc CCCD/CMND, số điện thoại, họ tên công dân&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dossier code, or the citizen&apos;s ID number, phone or name&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Đang mở hồ sơ {0}…</source>
        <translation>Opening dossier {0}…</translation>
    </message>
    <message>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>{0} hồ sơ khác chưa có kết quả hoặc đã trả: xem ở Theo dõi (F3).</source>
        <translation>{0} other dossiers have no result yet or were returned: see Tracking (F3).</translation>
    </message>
    <message>
        <source>Không có kết quả nào sẵn sàng để trả cho «{0}».</source>
        <translation>No result is ready to return for «{0}».</translation>
    </message>
    <message>
        <source>Chọn hồ sơ cần trả: ↑↓ rồi Enter (hoặc nhấp chuột).</source>
        <translation>Choose the dossier to return: ↑↓ then Enter (or click).</translation>
    </message>
    <message>
        <source>Kết quả sẵn sàng trả cho «{0}»: {1} hồ sơ, mới nhất trước.</source>
        <translation>Results ready to return for «{0}»: {1} dossiers, newest first.</translation>
    </message>
    <message>
        <source>Nhập họ tên người được ủy quyền nhận kết quả.</source>
        <translation>Enter the full name of the authorised person.</translation>
    </message>
    <message>
        <source>đánh giá «{0}»</source>
        <translation>rated “{0}”</translation>
    </message>
    <message>
        <source>không đánh giá</source>
        <translation>not rated</translation>
    </message>
    <message>
        <source>Đã trả kết quả hồ sơ {0} cho {1}, {2}.</source>
        <translation>Result of dossier {0} returned to {1}, {2}.</translation>
    </message>
    <message>
        <source>Chưa mở hồ sơ nào.</source>
        <translation>No dossier open.</translation>
    </message>
    <message>
        <source>Quét mã vạch trên giấy hẹn trả kết quả để bắt đầu. Công dân mất giấy hẹn: nhập số CCCD/CMND (hoặc quét CCCD), số điện thoại hay họ tên.</source>
        <translation>Scan the barcode on the receipt to start. A citizen without the receipt: type the ID card number (or scan the card), phone or name.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới có hiệu lực từ lần mở phần mềm tiếp theo.</source>
        <translation>A new language takes effect the next time the application starts.</translation>
    </message>
    <message>
        <source>Không có thư mục cấu hình: không lưu được ngôn ngữ.</source>
        <translation>No configuration folder: the language cannot be saved.</translation>
    </message>
    <message>
        <source>Máy khóa sau từng ấy phút không dùng bàn phím, chuột (0: không tự khóa); mở khóa bằng mật khẩu của người đang đăng nhập.</source>
        <translation>The computer locks after this many minutes without keyboard or mouse (0: never); unlock with the logged-in user&apos;s password.</translation>
    </message>
    <message>
        <source>80 mm (máy in nhiệt)</source>
        <translation>80 mm (thermal printer)</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>Khổ giấy tiếp nhận và hẹn trả kết quả:</source>
        <translation>Receipt paper size:</translation>
    </message>
    <message>
        <source>Tự khóa máy sau (phút):</source>
        <translation>Lock the computer after (minutes):</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Thời gian tự khóa máy phải là số phút nguyên từ 0 đến {0} (0: không tự khóa).</source>
        <translation>The auto-lock time must be a whole number of minutes from 0 to {0} (0: never lock).</translation>
    </message>
    <message>
        <source>Không lưu được cài đặt: {0}</source>
        <translation>Could not save the settings: {0}</translation>
    </message>
</context>
<context>
    <name>SetupAdminPage</name>
    <message>
        <source>Quản trị viên đầu tiên</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>Người quản trị đăng nhập lần đầu bằng tài khoản này, rồi tạo tài khoản cho cán bộ, lãnh đạo trong Hệ thống.</source>
        <translation>The administrator logs in with this account for the first time, then creates accounts for officers and supervisors under Administration.</translation>
    </message>
    <message>
        <source>Ví dụ: Nguyễn Văn A</source>
        <translation>E.g. Nguyen Van A</translation>
    </message>
    <message>
        <source>Ví dụ: nguyenvana</source>
        <translation>E.g. nguyenvana</translation>
    </message>
    <message>
        <source>Họ và tên: *</source>
        <translation>Full name: *</translation>
    </message>
    <message>
        <source>Tên đăng nhập: *</source>
        <translation>Username: *</translation>
    </message>
    <message>
        <source>Chữ thường không dấu, chữ số, dấu chấm, gạch; ví dụ nguyenvana.</source>
        <translation>Lower-case letters without tone marks, digits, dot, dash; e.g. nguyenvana.</translation>
    </message>
    <message>
        <source>Mật khẩu: *</source>
        <translation>Password: *</translation>
    </message>
    <message>
        <source>Ít nhất {0} ký tự; không dùng tên đăng nhập hay mật khẩu phổ biến (123456789a, matkhau123…).</source>
        <translation>At least {0} characters; not the username nor a common password (123456789a, matkhau123…).</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu: *</source>
        <translation>Repeat password: *</translation>
    </message>
</context>
<context>
    <name>SetupHoursPage</name>
    <message>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>Các buổi tiếp nhận trong tuần: giờ hẹn trả kết quả chỉ rơi vào những buổi này (trừ ngày nghỉ lễ, Tết).</source>
        <translation>The weekly reception sessions: appointments only fall in these sessions (public holidays excepted).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Buổi sáng&lt;/b&gt;</source>
        <translation>&lt;b&gt;Morning&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Buổi chiều&lt;/b&gt;</source>
        <translation>&lt;b&gt;Afternoon&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sáng</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Chiều</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>Dùng giờ của Thứ Hai cho các ngày khác</source>
        <translation>Use Monday&apos;s hours for the other days</translation>
    </message>
    <message>
        <source>Đơn vị làm việc sáng thứ Bảy: đánh dấu «Sáng» ở dòng Thứ Bảy.</source>
        <translation>The office works on Saturday morning: tick «Morning» on the Saturday row.</translation>
    </message>
    <message>
        <source>Các buổi làm việc</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Cách tính thời hạn giải quyết</source>
        <translation>How processing terms are counted</translation>
    </message>
</context>
<context>
    <name>SetupOfficePage</name>
    <message>
        <source>Đơn vị</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Đơn vị tiếp nhận hồ sơ và những gì in trên phiếu. Các mục có dấu * là bắt buộc.</source>
        <translation>The office receiving dossiers and what is printed on the slips. Fields marked * are required.</translation>
    </message>
    <message>
        <source>— Chọn tỉnh, thành phố —</source>
        <translation>— Choose a province —</translation>
    </message>
    <message>
        <source>— Chọn cấp đơn vị —</source>
        <translation>— Choose the office level —</translation>
    </message>
    <message>
        <source>Ví dụ: Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa</source>
        <translation>E.g. Thanh Hoa Provincial Public Administration Service Centre</translation>
    </message>
    <message>
        <source>Ví dụ: {0}</source>
        <translation>E.g. {0}</translation>
    </message>
    <message>
        <source>Ví dụ: UBND TỈNH THANH HÓA</source>
        <translation>E.g. PEOPLE&apos;S COMMITTEE OF THANH HOA PROVINCE</translation>
    </message>
    <message>
        <source>Ví dụ: Thanh Hóa</source>
        <translation>E.g. Thanh Hoa</translation>
    </message>
    <message>
        <source>Ví dụ: 0237 3 852 000</source>
        <translation>E.g. 0237 3 852 000</translation>
    </message>
    <message>
        <source>Ví dụ: motcua@thanhhoa.gov.vn</source>
        <translation>E.g. motcua@thanhhoa.gov.vn</translation>
    </message>
    <message>
        <source>Ví dụ: Giám đốc</source>
        <translation>E.g. Director</translation>
    </message>
    <message>
        <source>Mã định danh điện tử của đơn vị (QĐ 20/2020/QĐ-TTg) đứng đầu mọi mã hồ sơ. Sau khi thiết lập, mã này không đổi được nữa: hãy nhập đúng mã được cấp.</source>
        <translation>The office&apos;s electronic identifier code (Decision 20/2020/QD-TTg) starts every dossier code. After set-up it can no longer be changed here: enter exactly the code the office was given.</translation>
    </message>
    <message>
        <source>Đơn vị tiếp nhận</source>
        <translation>Receiving office</translation>
    </message>
    <message>
        <source>Tỉnh, thành phố: *</source>
        <translation>Province: *</translation>
    </message>
    <message>
        <source>Cấp đơn vị: *</source>
        <translation>Office level: *</translation>
    </message>
    <message>
        <source>Tên đơn vị: *</source>
        <translation>Office name: *</translation>
    </message>
    <message>
        <source>Mã định danh: *</source>
        <translation>Identifier code: *</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản:</source>
        <translation>Governing body:</translation>
    </message>
    <message>
        <source>Thông tin in trên phiếu</source>
        <translation>Printed on the slips</translation>
    </message>
    <message>
        <source>Địa danh: *</source>
        <translation>Place name: *</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Đường dây nóng:</source>
        <translation>Hotline:</translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Người ký (họ tên):</source>
        <translation>Signatory (full name):</translation>
    </message>
    <message>
        <source>Chức vụ người ký:</source>
        <translation>Signatory&apos;s position:</translation>
    </message>
    <message>
        <source>Hãy chọn tỉnh, thành phố.</source>
        <translation>Choose a province.</translation>
    </message>
    <message>
        <source>Hãy chọn cấp đơn vị.</source>
        <translation>Choose the office level.</translation>
    </message>
    <message>
        <source>Mã định danh không được để trống.</source>
        <translation>The identifier code must not be empty.</translation>
    </message>
    <message>
        <source>Mã hồ sơ đầu tiên của một ngày sẽ là: {0}</source>
        <translation>The first dossier code of a day will be: {0}</translation>
    </message>
    <message>
        <source>Ví dụ, với mã định danh {0}, mã hồ sơ đầu tiên của một ngày là: {1}</source>
        <translation>For example, with identifier code {0} the first dossier code of a day is: {1}</translation>
    </message>
    <message>
        <source>Dòng ngày tháng trên phiếu: «{0}»</source>
        <translation>Date line on the slips: «{0}»</translation>
    </message>
</context>
<context>
    <name>SetupProceduresPage</name>
    <message>
        <source>Thủ tục tiếp nhận</source>
        <translation>Procedures received</translation>
    </message>
    <message>
        <source>Các thủ tục của Cơ sở dữ liệu quốc gia ở cấp đơn vị đã chọn. Bỏ dấu những thủ tục đơn vị không tiếp nhận; đánh dấu một lĩnh vực là chọn mọi thủ tục của lĩnh vực đó.</source>
        <translation>The procedures of the national database at the chosen office level. Untick those the office does not receive; ticking a field chooses every procedure of that field.</translation>
    </message>
    <message>
        <source>Tìm theo tên hoặc mã thủ tục (có dấu hay không dấu)…</source>
        <translation>Search by procedure name or code (with or without tone marks)…</translation>
    </message>
    <message>
        <source>Lĩnh vực, thủ tục</source>
        <translation>Fields, procedures</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Chọn tất cả</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Bỏ chọn tất cả</source>
        <translation>Deselect all</translation>
    </message>
    <message>
        <source>Nhập thêm từ tệp…</source>
        <translation>Add from file…</translation>
    </message>
    <message>
        <source>Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Mọi lĩnh vực</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>Đã chọn {0} thủ tục (trong {1} thủ tục)</source>
        <translation>{0} procedures chosen (of {1})</translation>
    </message>
    <message>
        <source>Nhập thêm thủ tục từ tệp</source>
        <translation>Add procedures from a file</translation>
    </message>
    <message>
        <source>Danh mục thủ tục (*.json);;Mọi tệp (*)</source>
        <translation>Procedure catalogue (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Không nhập được tệp</source>
        <translation>The file could not be imported</translation>
    </message>
    <message>
        <source>Đã thêm {0} thủ tục từ {1} tệp (đã đánh dấu chọn).</source>
        <translation>Added {0} procedures from {1} files (ticked).</translation>
    </message>
    <message>
        <source>Hãy chọn ít nhất một thủ tục đơn vị tiếp nhận.</source>
        <translation>Choose at least one procedure the office receives.</translation>
    </message>
</context>
<context>
    <name>SetupSummaryPage</name>
    <message>
        <source>Tóm tắt</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Xem lại trước khi lưu. Chưa có gì được ghi cho đến khi bấm «Hoàn tất».</source>
        <translation>Review before saving. Nothing is written until you press «Finish».</translation>
    </message>
    <message>
        <source>«Hoàn tất» nhập danh mục thủ tục quốc gia và lưu đơn vị, giờ làm việc, đơn vị chuyên môn, thủ tục tiếp nhận và tài khoản quản trị; sau đó màn hình đăng nhập mở ra.</source>
        <translation>«Finish» imports the national procedure catalogue and saves the office, working hours, specialist units, received procedures and the administrator account; then the log-in opens.</translation>
    </message>
    <message>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Tỉnh, thành phố</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Cấp đơn vị</source>
        <translation>Office level</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Mã định danh</source>
        <translation>Identifier code</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản</source>
        <translation>Governing body</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Đường dây nóng</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Người ký</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <source>Chức vụ người ký</source>
        <translation>Signatory&apos;s position</translation>
    </message>
    <message>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>nghỉ</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Cách tính thời hạn</source>
        <translation>Term calculation</translation>
    </message>
    <message>
        <source>Đơn vị chuyên môn</source>
        <translation>Specialist units</translation>
    </message>
    <message>
        <source>Thủ tục tiếp nhận</source>
        <translation>Procedures received</translation>
    </message>
    <message>
        <source>{0} thủ tục thuộc {1} lĩnh vực.</source>
        <translation>{0} procedures in {1} fields.</translation>
    </message>
    <message>
        <source>Thêm từ tệp: {0}</source>
        <translation>Added from file: {0}</translation>
    </message>
    <message>
        <source>Quản trị viên đầu tiên</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>(đã nhập, không hiển thị)</source>
        <translation>(entered, not shown)</translation>
    </message>
</context>
<context>
    <name>SetupUnitsPage</name>
    <message>
        <source>Đơn vị chuyên môn</source>
        <translation>Specialist units</translation>
    </message>
    <message>
        <source>Các cơ quan, phòng chuyên môn nhận hồ sơ chuyển từ Bộ phận Một cửa. Có thể để trống và bổ sung sau.</source>
        <translation>The agencies and specialist divisions that receive dossiers from the one-stop counter. May be left empty and added later.</translation>
    </message>
    <message>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>Thêm đơn vị</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>Xóa dòng đang chọn</source>
        <translation>Remove the selected row</translation>
    </message>
    <message>
        <source>Mã đơn vị: chữ, số, dấu chấm, gạch (không dấu cách), ví dụ SNV hoặc 000.00.12.H56. Dòng để trống cả hai ô được bỏ qua.</source>
        <translation>Unit code: letters, digits, dot, dash (no spaces), e.g. SNV or 000.00.12.H56. Rows with both cells empty are ignored.</translation>
    </message>
    <message>
        <source>Mã đơn vị «{0}» bị lặp lại (dòng {1} và dòng {2}).</source>
        <translation>Unit code «{0}» is repeated (rows {1} and {2}).</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Thiết lập đơn vị — Bộ phận Một cửa</source>
        <translation>Office set-up — One-stop counter</translation>
    </message>
    <message>
        <source>‹ Quay lại</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Tiếp ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Không đọc được danh mục thủ tục</source>
        <translation>The procedure catalogue could not be read</translation>
    </message>
    <message>
        <source>Đang chuẩn bị dữ liệu, xin chờ trong giây lát…</source>
        <translation>Preparing the data, one moment…</translation>
    </message>
    <message>
        <source>Đang thiết lập đơn vị: nhập danh mục thủ tục, lưu đơn vị và tài khoản…</source>
        <translation>Setting up the office: importing the procedure catalogue, saving the office and accounts…</translation>
    </message>
    <message>
        <source>Mật khẩu dùng một lần</source>
        <translation>One-time passwords</translation>
    </message>
    <message>
        <source>Ghi lại mật khẩu dùng một lần (chỉ hiện một lần), đổi ở lần đăng nhập đầu:
{0}</source>
        <translation>Note the one-time passwords (shown once only), changed at the first log-in:
{0}</translation>
    </message>
    <message>
        <source>Không thiết lập được, chưa ghi gì: {0}</source>
        <translation>Set-up failed, nothing was written: {0}</translation>
    </message>
    <message>
        <source>Không thiết lập được</source>
        <translation>Set-up failed</translation>
    </message>
    <message>
        <source>Hủy thiết lập?</source>
        <translation>Cancel set-up?</translation>
    </message>
    <message>
        <source>Chưa có gì được lưu. Hủy thiết lập đơn vị và thoát chương trình? Lần mở sau, trình thiết lập lại hiện ra.</source>
        <translation>Nothing has been saved. Cancel the office set-up and quit? The set-up wizard appears again next time.</translation>
    </message>
</context>
<context>
    <name>SlipDesk</name>
    <message>
        <source>Chưa có thư mục dữ liệu để lưu phiếu.</source>
        <translation>No data folder to save the slip in.</translation>
    </message>
    <message>
        <source>Không lập được phiếu: {0}</source>
        <translation>Could not make the slip: {0}</translation>
    </message>
    <message>
        <source>Không in lại được: {0}</source>
        <translation>Could not re-print: {0}</translation>
    </message>
    <message>
        <source>Không in được ({0}); phiếu đã lưu tại {1}.</source>
        <translation>Could not print ({0}); the slip is saved at {1}.</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <source>máy in không nhận lệnh in</source>
        <translation>the printer refused the job</translation>
    </message>
    <message>
        <source>Không có máy in: phiếu đã được lưu tại {0} và mở để xem.</source>
        <translation>No printer: the slip was saved at {0} and opened for viewing.</translation>
    </message>
    <message>
        <source>Đã hủy in.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <source>Đã in trên {0}.</source>
        <translation>Printed on {0}.</translation>
    </message>
    <message>
        <source>Đã in {0} trang trên {1}.</source>
        <translation>Printed {0} page(s) on {1}.</translation>
    </message>
</context>
<context>
    <name>StatusMessage</name>
    <message>
        <source>Sao chép đường dẫn</source>
        <translation>Copy path</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Sao chép vào bộ nhớ tạm: {0}</source>
        <translation>Copy to the clipboard: {0}</translation>
    </message>
    <message>
        <source>Đã sao chép</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>TrackModel</name>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Đơn vị xử lý</source>
        <translation>Processing unit</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Quá hạn: hẹn trả {0}</source>
        <translation>Overdue: due {0}</translation>
    </message>
    <message>
        <source>Sắp đến hạn: hẹn trả {0}</source>
        <translation>Due soon: due {0}</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no date set</translation>
    </message>
</context>
<context>
    <name>TrackPage</name>
    <message>
        <source>Bộ lọc (Ctrl+F)</source>
        <translation>Filters (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Đang giải quyết (chưa có kết quả)</source>
        <translation>In progress (no result yet)</translation>
    </message>
    <message>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Đến hạn trong 2 ngày</source>
        <translation>Due within 2 days</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Nhận từ ngày</source>
        <translation>Received from</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Làm mới (Ctrl+Shift+R)</source>
        <translation>Refresh (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Hạn trả:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Lĩnh vực:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Cán bộ:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <source>Tìm công dân (Ctrl+E)</source>
        <translation>Find a citizen (Ctrl+E)</translation>
    </message>
    <message>
        <source>Chuyển xử lý</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <source>Yêu cầu nộp phí, thuế</source>
        <translation>Request fees/taxes</translation>
    </message>
    <message>
        <source>Xác nhận nộp phí, thuế</source>
        <translation>Confirm fees/taxes paid</translation>
    </message>
    <message>
        <source>Nhận bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Xác nhận công dân đã nộp đủ phí, lệ phí, thuế cho hồ sơ {0}? Hẹn trả được lùi thêm đúng thời gian làm việc đã chờ nộp.</source>
        <translation>Confirm the applicant has paid all fees, charges and taxes for dossier {0}? The appointment moves by the working time spent waiting for payment.</translation>
    </message>
    <message>
        <source>Hồ sơ {0} tiếp tục giải quyết. Hẹn trả: {1}.</source>
        <translation>Dossier {0} resumes processing. Appointment: {1}.</translation>
    </message>
    <message>
        <source>Cập nhật kết quả</source>
        <translation>Record result</translation>
    </message>
    <message>
        <source>Xin lỗi – hẹn lại</source>
        <translation>Apologise – reschedule</translation>
    </message>
    <message>
        <source>Rút hồ sơ</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Dừng giải quyết</source>
        <translation>Stop processing</translation>
    </message>
    <message>
        <source>Hủy hồ sơ</source>
        <translation>Cancel dossier</translation>
    </message>
    <message>
        <source>Đến hạn trong 2 ngày làm việc</source>
        <translation>Due within 2 working days</translation>
    </message>
    <message>
        <source>Không có hồ sơ nào theo bộ lọc.</source>
        <translation>No dossier matches the filters.</translation>
    </message>
    <message>
        <source>Đang hiện {0} hồ sơ mới nhất; cuộn xuống để xem tiếp.</source>
        <translation>Showing the {0} newest dossiers; scroll down for more.</translation>
    </message>
    <message>
        <source>{0} hồ sơ.</source>
        <translation>{0} dossiers.</translation>
    </message>
    <message>
        <source>Đã chọn {0} hồ sơ khác trạng thái: chỉ chuyển lô hồ sơ cùng trạng thái.</source>
        <translation>{0} dossiers with different statuses selected: only dossiers with the same status can be transferred together.</translation>
    </message>
    <message>
        <source>Đã chọn {0} hồ sơ.</source>
        <translation>{0} dossiers selected.</translation>
    </message>
    <message>
        <source>Đã chuyển hồ sơ {0} đến {1}.</source>
        <translation>Dossier {0} transferred to {1}.</translation>
    </message>
    <message>
        <source>Đã chuyển {0} hồ sơ đến {1}.</source>
        <translation>{0} dossiers transferred to {1}.</translation>
    </message>
    <message>
        <source>Không chuyển được: {0}</source>
        <translation>Not transferred: {0}</translation>
    </message>
    <message>
        <source>bắt buộc</source>
        <translation>required</translation>
    </message>
    <message>
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung hồ sơ</source>
        <translation>Request a supplement</translation>
    </message>
    <message>
        <source>Hồ sơ {0}: ghi đầy đủ, một lần, các giấy tờ cần bổ sung.</source>
        <translation>Dossier {0}: list every document to be supplemented, all at once.</translation>
    </message>
    <message>
        <source>Nội dung, lý do:</source>
        <translation>What and why:</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung (Enter)</source>
        <translation>Request supplement (Enter)</translation>
    </message>
    <message>
        <source>Đã yêu cầu bổ sung hồ sơ {0}.</source>
        <translation>Supplement requested for dossier {0}.</translation>
    </message>
    <message>
        <source>Xác nhận công dân đã nộp đủ giấy tờ bổ sung cho hồ sơ {0}? Hẹn trả được tính lại theo quy định của thủ tục.</source>
        <translation>Confirm that the citizen has supplied all the missing documents for dossier {0}? The return date is recalculated by the procedure&apos;s rules.</translation>
    </message>
    <message>
        <source>Đã nhận đủ (Enter)</source>
        <translation>All received (Enter)</translation>
    </message>
    <message>
        <source>Đã nhận bổ sung hồ sơ {0}. Hẹn trả mới: {1}.</source>
        <translation>Supplement received for dossier {0}. New return date: {1}.</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no date set</translation>
    </message>
    <message>
        <source>Chờ thực hiện nghĩa vụ tài chính</source>
        <translation>Awaiting financial obligation</translation>
    </message>
    <message>
        <source>Hồ sơ {0}: công dân phải nộp phí, lệ phí, thuế… trước khi nhận kết quả. Thời gian chờ nộp không tính vào thời hạn giải quyết.</source>
        <translation>Dossier {0}: the applicant must pay fees, charges, taxes… before receiving the result. The time spent waiting for payment does not count towards the processing deadline.</translation>
    </message>
    <message>
        <source>Khoản phải nộp, số tiền:</source>
        <translation>What is due, amount:</translation>
    </message>
    <message>
        <source>Chuyển chờ nộp (Enter)</source>
        <translation>Await payment (Enter)</translation>
    </message>
    <message>
        <source>Hồ sơ {0} đang chờ thực hiện nghĩa vụ tài chính.</source>
        <translation>Dossier {0} is awaiting its financial obligation.</translation>
    </message>
    <message>
        <source>Đã thực hiện nghĩa vụ tài chính</source>
        <translation>Financial obligation fulfilled</translation>
    </message>
    <message>
        <source>Đã nộp (Enter)</source>
        <translation>Paid (Enter)</translation>
    </message>
    <message>
        <source>Ghi chú (số biên lai…):</source>
        <translation>Note (receipt number…):</translation>
    </message>
    <message>
        <source>Hồ sơ {0} đã có kết quả giải quyết, sẵn sàng trả cho công dân.</source>
        <translation>Dossier {0} has its result, ready to be returned to the citizen.</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Cập nhật (Enter)</source>
        <translation>Record (Enter)</translation>
    </message>
    <message>
        <source>Đã cập nhật kết quả hồ sơ {0}.</source>
        <translation>Result recorded for dossier {0}.</translation>
    </message>
    <message>
        <source>Công dân xin rút hồ sơ {0}.</source>
        <translation>The citizen withdraws dossier {0}.</translation>
    </message>
    <message>
        <source>Lý do rút:</source>
        <translation>Reason for withdrawal:</translation>
    </message>
    <message>
        <source>Rút hồ sơ (Enter)</source>
        <translation>Withdraw (Enter)</translation>
    </message>
    <message>
        <source>Đã ghi nhận rút hồ sơ {0}.</source>
        <translation>Withdrawal of dossier {0} recorded.</translation>
    </message>
    <message>
        <source>Dừng giải quyết hồ sơ {0} (thông báo mẫu 05).</source>
        <translation>Stop processing dossier {0} (notice form 05).</translation>
    </message>
    <message>
        <source>Lý do dừng:</source>
        <translation>Reason for stopping:</translation>
    </message>
    <message>
        <source>Dừng giải quyết (Enter)</source>
        <translation>Stop processing (Enter)</translation>
    </message>
    <message>
        <source>Đã dừng giải quyết hồ sơ {0}.</source>
        <translation>Processing of dossier {0} stopped.</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>điều, khoản, văn bản</source>
        <translation>article, clause, document</translation>
    </message>
    <message>
        <source>Hủy hồ sơ {0} do nhập sai. Số hồ sơ được giữ lại kèm lý do hủy, không dùng lại.</source>
        <translation>Cancel dossier {0}, entered by mistake. Its number is kept with the reason and never reused.</translation>
    </message>
    <message>
        <source>Lý do hủy:</source>
        <translation>Reason for cancelling:</translation>
    </message>
    <message>
        <source>Hủy hồ sơ (Enter)</source>
        <translation>Cancel dossier (Enter)</translation>
    </message>
    <message>
        <source>Đã hủy hồ sơ {0}.</source>
        <translation>Dossier {0} cancelled.</translation>
    </message>
    <message>
        <source>Đã ghi nhận xin lỗi, hẹn lại hồ sơ {0} vào {1}.</source>
        <translation>Apology recorded; dossier {0} rescheduled to {1}.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Chuyển xử lý</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Chuyển (Enter)</source>
        <translation>Transfer (Enter)</translation>
    </message>
    <message>
        <source>Chuyển hồ sơ {0} đến đơn vị xử lý.</source>
        <translation>Transfer dossier {0} to a processing unit.</translation>
    </message>
    <message>
        <source>Chuyển {0} hồ sơ cùng lúc đến một đơn vị xử lý:
{1}</source>
        <translation>Transfer {0} dossiers together to one processing unit:
{1}</translation>
    </message>
    <message>
        <source>— Chọn đơn vị —</source>
        <translation>— Choose a unit —</translation>
    </message>
    <message>
        <source>Đơn vị nhận:</source>
        <translation>To unit:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Chọn đơn vị nhận hồ sơ trước khi chuyển.</source>
        <translation>Choose the receiving unit before transferring.</translation>
    </message>
</context>
<context>
    <name>UiSession</name>
    <message>
        <source>%H giờ %M, ngày %d/%m/%Y</source>
        <translation>%H:%M on %d/%m/%Y</translation>
    </message>
</context>
<context>
    <name>UnitsTab</name>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hiện cả đơn vị đã ngừng</source>
        <translation>Show retired units too</translation>
    </message>
    <message>
        <source>ví dụ: SNV</source>
        <translation>e.g. SNV</translation>
    </message>
    <message>
        <source>ví dụ: Sở Nội vụ</source>
        <translation>e.g. Department of Home Affairs</translation>
    </message>
    <message>
        <source>Thêm đơn vị</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>Đổi tên đơn vị đang chọn</source>
        <translation>Rename the selected unit</translation>
    </message>
    <message>
        <source>Ngừng đơn vị đang chọn…</source>
        <translation>Retire the selected unit…</translation>
    </message>
    <message>
        <source>Đơn vị nhận hồ sơ chuyển đến để giải quyết. Không xóa đơn vị: đơn vị thôi nhận hồ sơ được «ngừng» (không còn trong danh sách chuyển hồ sơ; hồ sơ đã chuyển vẫn giữ tên đơn vị). Đổi tên có ngày hiệu lực: hồ sơ chuyển trước đó vẫn ghi tên cũ. Thêm lại mã của đơn vị đã ngừng để dùng lại đơn vị đó.</source>
        <translation>Units that receive transferred dossiers for handling. Units are never deleted: a unit that stops receiving dossiers is «retired» (no longer offered for transfers; dossiers already transferred keep its name). Renaming is dated: dossiers transferred earlier keep the old name. Adding a retired unit&apos;s code again brings it back.</translation>
    </message>
    <message>
        <source>Mã đơn vị:</source>
        <translation>Unit code:</translation>
    </message>
    <message>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Đã ngừng từ {0}</source>
        <translation>Retired since {0}</translation>
    </message>
    <message>
        <source>Đã thêm đơn vị {0}.</source>
        <translation>Unit {0} added.</translation>
    </message>
    <message>
        <source>Đơn vị {0} đã ngừng nay được dùng lại.</source>
        <translation>Retired unit {0} is in use again.</translation>
    </message>
    <message>
        <source>Đơn vị {0} đã có với tên này: không có gì thay đổi.</source>
        <translation>Unit {0} already exists with this name: nothing changed.</translation>
    </message>
    <message>
        <source>Đã đổi tên đơn vị {0} từ «{1}» thành «{2}».</source>
        <translation>Unit {0} renamed from «{1}» to «{2}».</translation>
    </message>
    <message>
        <source>Đơn vị {0} đã có tên «{1}»: không có gì thay đổi.</source>
        <translation>Unit {0} is already named «{1}»: nothing changed.</translation>
    </message>
    <message>
        <source>Ngừng đơn vị</source>
        <translation>Retire unit</translation>
    </message>
    <message>
        <source>Ngừng đơn vị {0} — {1}? Từ bây giờ không chuyển hồ sơ đến đơn vị này được nữa; hồ sơ đã chuyển vẫn ở đó và vẫn ghi tên đơn vị. Thủ tục đang gán cho đơn vị này nên được gán lại ở thẻ «Thủ tục».</source>
        <translation>Retire unit {0} — {1}? From now on dossiers can no longer be transferred to it; dossiers already transferred stay there and keep its name. Procedures assigned to it should be reassigned on the «Procedures» tab.</translation>
    </message>
    <message>
        <source>Đã ngừng đơn vị {0}.</source>
        <translation>Unit {0} retired.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Sửa người dùng «{0}»</source>
        <translation>Edit user «{0}»</translation>
    </message>
    <message>
        <source>ví dụ: nguyenvana</source>
        <translation>e.g. nguyenvana</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Phải đổi mật khẩu</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>Bị khóa đến</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Thêm người dùng…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Sửa họ tên, vai trò…</source>
        <translation>Edit name, role…</translation>
    </message>
    <message>
        <source>Vô hiệu hóa</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Người dùng không bao giờ bị xóa (nhật ký ghi tên họ): người thôi việc được vô hiệu hóa. Luôn phải còn ít nhất một quản trị viên đang hoạt động.</source>
        <translation>Users are never deleted (the log names them): someone who leaves is disabled. There must always be at least one active administrator.</translation>
    </message>
    <message>
        <source>Kích hoạt lại</source>
        <translation>Enable again</translation>
    </message>
    <message>
        <source>Đã thêm người dùng «{0}».</source>
        <translation>User «{0}» added.</translation>
    </message>
    <message>
        <source>Đã sửa người dùng «{0}».</source>
        <translation>User «{0}» edited.</translation>
    </message>
    <message>
        <source>«{0}»: không có gì thay đổi.</source>
        <translation>«{0}»: nothing changed.</translation>
    </message>
    <message>
        <source>Vô hiệu hóa người dùng</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <source>Vô hiệu hóa «{0}» ({1})? Người này sẽ không đăng nhập được nữa; hồ sơ và nhật ký của họ vẫn được giữ nguyên. Có thể kích hoạt lại sau.</source>
        <translation>Disable «{0}» ({1})? They will no longer be able to log in; their dossiers and log entries are kept. They can be enabled again later.</translation>
    </message>
    <message>
        <source>Đã kích hoạt lại «{0}».</source>
        <translation>«{0}» enabled again.</translation>
    </message>
    <message>
        <source>Đã vô hiệu hóa «{0}».</source>
        <translation>«{0}» disabled.</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu của «{0}»? Mật khẩu hiện tại không dùng được nữa; một mật khẩu dùng một lần sẽ hiện ra để trao cho người dùng.</source>
        <translation>Reset the password of «{0}»? The current password stops working; a one-time password will be shown to hand to the user.</translation>
    </message>
    <message>
        <source>Đã đặt lại mật khẩu của «{0}».</source>
        <translation>Password of «{0}» reset.</translation>
    </message>
    <message>
        <source>Đã mở khóa «{0}».</source>
        <translation>«{0}» unlocked.</translation>
    </message>
    <message>
        <source>«{0}» không bị khóa.</source>
        <translation>«{0}» is not locked.</translation>
    </message>
</context>
<context>
    <name>admin</name>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Lỗi không mong muốn</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Phần mềm gặp lỗi không mong muốn: {0}

Chi tiết đã ghi vào nhật ký:
{1}</source>
        <translation>The application hit an unexpected error: {0}

Details are in the log:
{1}</translation>
    </message>
    <message>
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <source>Không tạo được dữ liệu mẫu</source>
        <translation>Cannot create the demo data</translation>
    </message>
    <message>
        <source>Đang tạo dữ liệu mẫu lần đầu…</source>
        <translation>Creating the demo data (first run)…</translation>
    </message>
</context>
<context>
    <name>backup_guard</name>
    <message>
        <source>Dữ liệu không mở được</source>
        <translation>The data cannot be opened</translation>
    </message>
    <message>
        <source>{0}

Có bản sao lưu đã kiểm tra: {1}.

Khôi phục bản sao lưu này? Tệp dữ liệu hiện tại (nếu có) được để riêng, không bị xóa.</source>
        <translation>{0}

A verified backup exists: {1}.

Restore this backup? The current data file (if any) is set aside, not deleted.</translation>
    </message>
    <message>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>Không khôi phục được: {0}</source>
        <translation>Could not restore: {0}</translation>
    </message>
    <message>
        <source>Đã khôi phục dữ liệu từ {0}.</source>
        <translation>Data restored from {0}.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu trước đó được để riêng ở {0}.</source>
        <translation>The previous data file was set aside at {0}.</translation>
    </message>
    <message>
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Mới (chờ tiếp nhận)</source>
        <translation>New (awaiting intake)</translation>
    </message>
    <message>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Chờ bổ sung</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <source>Chờ thực hiện nghĩa vụ tài chính</source>
        <translation>Awaiting payment of fees</translation>
    </message>
    <message>
        <source>Rút hồ sơ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Dừng giải quyết</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>tiếp nhận</source>
        <translation>receive</translation>
    </message>
    <message>
        <source>chuyển xử lý</source>
        <translation>transfer</translation>
    </message>
    <message>
        <source>bắt đầu giải quyết</source>
        <translation>start processing</translation>
    </message>
    <message>
        <source>yêu cầu bổ sung</source>
        <translation>request a supplement</translation>
    </message>
    <message>
        <source>nhận bổ sung</source>
        <translation>receive a supplement</translation>
    </message>
    <message>
        <source>chuyển chờ nghĩa vụ tài chính</source>
        <translation>set to awaiting payment</translation>
    </message>
    <message>
        <source>xác nhận nghĩa vụ tài chính</source>
        <translation>confirm payment</translation>
    </message>
    <message>
        <source>cập nhật kết quả</source>
        <translation>record the result</translation>
    </message>
    <message>
        <source>trả kết quả</source>
        <translation>return the result</translation>
    </message>
    <message>
        <source>rút hồ sơ</source>
        <translation>withdraw the dossier</translation>
    </message>
    <message>
        <source>dừng giải quyết</source>
        <translation>stop processing</translation>
    </message>
    <message>
        <source>xin lỗi, hẹn lại ngày trả</source>
        <translation>apologise and set a new return date</translation>
    </message>
    <message>
        <source>hủy hồ sơ</source>
        <translation>cancel the dossier</translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>ngày làm việc</source>
        <translation>working day(s)</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>day(s)</translation>
    </message>
    <message>
        <source>giờ làm việc</source>
        <translation>working hour(s)</translation>
    </message>
    <message>
        <source>trong ngày</source>
        <translation>same day</translation>
    </message>
    <message>
        <source>không hẹn</source>
        <translation>no return date</translation>
    </message>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Bình thường</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Rất không hài lòng</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>Cán bộ một cửa</source>
        <translation>Counter officer</translation>
    </message>
    <message>
        <source>Lãnh đạo</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Kiểm tra, giám sát</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Xem chi tiết hồ sơ</source>
        <translation>Dossier opened</translation>
    </message>
    <message>
        <source>Tìm hồ sơ</source>
        <translation>Dossier search</translation>
    </message>
    <message>
        <source>Tìm hồ sơ của người dân</source>
        <translation>Citizen search</translation>
    </message>
    <message>
        <source>In lại phiếu</source>
        <translation>Slip re-printed</translation>
    </message>
    <message>
        <source>Lập báo cáo, danh sách (xem, in, xuất tệp)</source>
        <translation>Report or list made (shown, printed, exported)</translation>
    </message>
    <message>
        <source>Xuất nhật ký truy cập</source>
        <translation>Access log exported</translation>
    </message>
    <message>
        <source>Điền sẵn người nộp đã đến trước (theo số CCCD, điện thoại)</source>
        <translation>Returning applicant pre-filled (by ID or phone number)</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Đăng nhập không thành công</source>
        <translation>Failed log-in</translation>
    </message>
    <message>
        <source>Tạm khóa tên đăng nhập (sai nhiều lần)</source>
        <translation>User name locked (too many failures)</translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Khóa màn hình</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Mở khóa màn hình</source>
        <translation>Screen unlocked</translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation>Account created</translation>
    </message>
    <message>
        <source>Sửa tài khoản</source>
        <translation>Account changed</translation>
    </message>
    <message>
        <source>Vô hiệu hóa tài khoản</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <source>Kích hoạt lại tài khoản</source>
        <translation>Account enabled again</translation>
    </message>
    <message>
        <source>Cấp lại mật khẩu</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Mở khóa tài khoản</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <source>Đổi cài đặt máy trạm</source>
        <translation>Workstation settings changed</translation>
    </message>
    <message>
        <source>lý do</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>tên có tài khoản</source>
        <translation>name has an account</translation>
    </message>
    <message>
        <source>họ tên</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>vai trò</source>
        <translation>role</translation>
    </message>
    <message>
        <source>mật khẩu một lần</source>
        <translation>one-time password</translation>
    </message>
    <message>
        <source>thay đổi</source>
        <translation>changes</translation>
    </message>
    <message>
        <source>mở khóa</source>
        <translation>unlocked</translation>
    </message>
    <message>
        <source>bắt buộc đổi</source>
        <translation>change forced</translation>
    </message>
    <message>
        <source>khóa đến</source>
        <translation>locked until</translation>
    </message>
    <message>
        <source>phiếu</source>
        <translation>slip</translation>
    </message>
    <message>
        <source>khổ giấy</source>
        <translation>paper</translation>
    </message>
    <message>
        <source>định dạng</source>
        <translation>format</translation>
    </message>
    <message>
        <source>số dòng</source>
        <translation>rows</translation>
    </message>
    <message>
        <source>cách tìm</source>
        <translation>search by</translation>
    </message>
    <message>
        <source>có hồ sơ chờ bổ sung</source>
        <translation>has a dossier awaiting supplements</translation>
    </message>
    <message>
        <source>ngôn ngữ</source>
        <translation>language</translation>
    </message>
    <message>
        <source>tự khóa sau (phút)</source>
        <translation>lock after (minutes)</translation>
    </message>
    <message>
        <source>khổ giấy tiếp nhận</source>
        <translation>receipt paper</translation>
    </message>
    <message>
        <source>sai mật khẩu</source>
        <translation>wrong password</translation>
    </message>
    <message>
        <source>không có tài khoản</source>
        <translation>no such account</translation>
    </message>
    <message>
        <source>tài khoản bị vô hiệu hóa</source>
        <translation>account disabled</translation>
    </message>
    <message>
        <source>đang bị tạm khóa</source>
        <translation>locked at the time</translation>
    </message>
    <message>
        <source>sai mật khẩu hiện tại</source>
        <translation>wrong current password</translation>
    </message>
    <message>
        <source>không dùng máy</source>
        <translation>left idle</translation>
    </message>
    <message>
        <source>bấm Khóa máy</source>
        <translation>Lock pressed</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Dossier receipt and appointment slip</translation>
    </message>
    <message>
        <source>Phiếu hướng dẫn</source>
        <translation>Guidance slip</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Supplement request slip</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal slip</translation>
    </message>
    <message>
        <source>Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết</source>
        <translation>Apology and extension letter</translation>
    </message>
    <message>
        <source>Thông báo dừng giải quyết hồ sơ</source>
        <translation>Stop notice</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control slip</translation>
    </message>
    <message>
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Dossier register</translation>
    </message>
    <message>
        <source>Biên nhận trả kết quả</source>
        <translation>Result hand-over receipt</translation>
    </message>
    <message>
        <source>Danh sách bàn giao hồ sơ</source>
        <translation>Dossier hand-over list</translation>
    </message>
    <message>
        <source>Trung tâm Phục vụ hành chính công tỉnh</source>
        <translation>Provincial Public Administration Service Centre</translation>
    </message>
    <message>
        <source>Trung tâm Phục vụ hành chính công xã, phường</source>
        <translation>Commune/ward Public Administration Service Centre</translation>
    </message>
    <message>
        <source>Bộ phận Một cửa của sở, ngành</source>
        <translation>One-stop unit of a department</translation>
    </message>
    <message>
        <source>Theo giờ làm việc (N ngày × số giờ làm việc một ngày)</source>
        <translation>By working hours (N days × hours of a working day)</translation>
    </message>
    <message>
        <source>Theo ngày (hết giờ làm việc của ngày cuối cùng)</source>
        <translation>By days (end of working hours on the last day)</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Không đọc được tệp cấu hình {file}: {error}</source>
        <translation>Cannot read the settings file {file}: {error}</translation>
    </message>
    <message>
        <source>Tệp cấu hình {file} phải là một đối tượng JSON ({{…}}).</source>
        <translation>The settings file {file} must be a JSON object ({{…}}).</translation>
    </message>
    <message>
        <source>Tệp cấu hình {file}: «{key}» phải là một chuỗi.</source>
        <translation>Settings file {file}: «{key}» must be a string.</translation>
    </message>
    <message>
        <source>Tệp cấu hình {file}: «printers» phải là một đối tượng tên máy in.</source>
        <translation>Settings file {file}: «printers» must be an object of printer names.</translation>
    </message>
    <message>
        <source>Tệp cấu hình {file}: «idle_lock_minutes» phải là số phút nguyên từ 0 đến {limit} (0: không tự khóa máy).</source>
        <translation>Settings file {file}: «idle_lock_minutes» must be a whole number of minutes from 0 to {limit} (0: never lock automatically).</translation>
    </message>
    <message>
        <source>Không mở được cơ sở dữ liệu {database}: {problem}</source>
        <translation>Cannot open the database {database}: {problem}</translation>
    </message>
    <message>
        <source>Tệp {database} không phải là cơ sở dữ liệu (hoặc đã hỏng). Hãy chọn đúng tệp dữ liệu, hoặc khôi phục từ một bản sao lưu trong thư mục backups.</source>
        <translation>The file {database} is not a database (or it is damaged). Choose the right data file, or restore from a backup in the backups folder.</translation>
    </message>
    <message>
        <source>Không mở được cơ sở dữ liệu {database}: {error}</source>
        <translation>Cannot open the database {database}: {error}</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu không được hỗ trợ: {backend}. Chỉ dùng SQLite hoặc PostgreSQL.</source>
        <translation>Unsupported database: {backend}. Only SQLite or PostgreSQL can be used.</translation>
    </message>
    <message>
        <source>Không thể mở cơ sở dữ liệu trên ổ mạng ({file}). Hãy đặt tệp dữ liệu trên ổ đĩa của máy này, hoặc dùng máy chủ PostgreSQL cho nhiều quầy.</source>
        <translation>Cannot open a database on a network drive ({file}). Put the data file on this computer&apos;s own disk, or use a PostgreSQL server for several counters.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu đang bận (một máy hoặc chương trình khác đang ghi). Hãy thử lại sau ít phút.</source>
        <translation>The database is busy (another computer or program is writing to it). Try again in a few minutes.</translation>
    </message>
    <message>
        <source>Tệp cơ sở dữ liệu chỉ cho đọc: không ghi được. Hãy kiểm tra quyền ghi của thư mục dữ liệu.</source>
        <translation>The database file is read-only: nothing can be written. Check the write permission of the data folder.</translation>
    </message>
    <message>
        <source>Không ghi được vào đĩa (đầy hoặc lỗi). Hãy giải phóng chỗ trống rồi thử lại.</source>
        <translation>Cannot write to the disk (full or failing). Free some space and try again.</translation>
    </message>
    <message>
        <source>Không mở được tệp cơ sở dữ liệu (thư mục không còn, hoặc không có quyền). Hãy kiểm tra thư mục dữ liệu.</source>
        <translation>Cannot open the database file (the folder is gone, or access is denied). Check the data folder.</translation>
    </message>
    <message>
        <source>Mất kết nối tới máy chủ cơ sở dữ liệu. Hãy kiểm tra mạng và máy chủ rồi thử lại.</source>
        <translation>The connection to the database server was lost. Check the network and the server, then try again.</translation>
    </message>
    <message>
        <source>Không kết nối được tới máy chủ cơ sở dữ liệu. Hãy kiểm tra mạng và máy chủ rồi thử lại.</source>
        <translation>Cannot connect to the database server. Check the network and the server, then try again.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu được tạo bởi phiên bản counter_app mới hơn. Hãy cập nhật phần mềm trước khi mở dữ liệu này.</source>
        <translation>The database was created by a newer version of counter_app. Update the software before opening this data.</translation>
    </message>
    <message>
        <source>Mã hồ sơ không in được thành mã vạch: {code!r}</source>
        <translation>The dossier code cannot be printed as a barcode: {code!r}</translation>
    </message>
    <message>
        <source>Mã hồ sơ quá dài để in mã vạch: {code}</source>
        <translation>The dossier code is too long to print as a barcode: {code}</translation>
    </message>
    <message>
        <source>Phông chữ {font_label} ({font_name}) không có ký tự: {listing}. Hãy sửa nội dung (bỏ ký tự đặc biệt, biểu tượng cảm xúc) trước khi in.</source>
        <translation>The font {font_label} ({font_name}) has no glyph for: {listing}. Edit the text (remove special characters and emoji) before printing.</translation>
    </message>
    <message>
        <source>{what} không hợp lệ: {value!r}.</source>
        <translation>{what} is not valid: {value!r}.</translation>
    </message>
    <message>
        <source>Thời hạn phải là một số.</source>
        <translation>The term must be a number.</translation>
    </message>
    <message>
        <source>Thời hạn không hợp lệ: {value!r}.</source>
        <translation>The term is not valid: {value!r}.</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết không được âm.</source>
        <translation>The processing term cannot be negative.</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết quá dài (tối đa {limit}).</source>
        <translation>The processing term is too long (at most {limit}).</translation>
    </message>
    <message>
        <source>Đơn vị thời hạn</source>
        <translation>Term unit</translation>
    </message>
    <message>
        <source>Cách tính thời hạn</source>
        <translation>Term calculation method</translation>
    </message>
    <message>
        <source>Giờ chốt nhận trong ngày không được kèm múi giờ.</source>
        <translation>The daily cut-off time must not carry a time zone.</translation>
    </message>
    <message>
        <source>Cách xử lý bổ sung hồ sơ</source>
        <translation>Supplement handling rule</translation>
    </message>
    <message>
        <source>Thời điểm yêu cầu bổ sung không được trước thời điểm tiếp nhận hồ sơ.</source>
        <translation>The supplement request cannot be earlier than the dossier&apos;s receipt.</translation>
    </message>
    <message>
        <source>Thời điểm nộp bổ sung không được trước thời điểm yêu cầu bổ sung.</source>
        <translation>The supplement cannot be submitted before it was requested.</translation>
    </message>
    <message>
        <source>Thời điểm tiếp tục giải quyết không được trước thời điểm tạm dừng.</source>
        <translation>Processing cannot resume before it was paused.</translation>
    </message>
    <message>
        <source>Ngày hẹn</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>{what} phải là ngày giờ, nhận được {value!r}.</source>
        <translation>{what} must be a date and time, got {value!r}.</translation>
    </message>
    <message>
        <source>{what} {value:%d/%m/%Y %H:%M} thiếu múi giờ.</source>
        <translation>{what} {value:%d/%m/%Y %H:%M} has no time zone.</translation>
    </message>
    <message>
        <source>Giờ của buổi làm việc không được kèm múi giờ.</source>
        <translation>Working session times must not carry a time zone.</translation>
    </message>
    <message>
        <source>Buổi làm việc không hợp lệ: giờ bắt đầu {start:%H:%M} phải trước giờ kết thúc {end:%H:%M}.</source>
        <translation>Invalid working session: the start time {start:%H:%M} must be before the end time {end:%H:%M}.</translation>
    </message>
    <message>
        <source>Thứ trong tuần không hợp lệ: {weekday!r} (0 = Thứ Hai … 6 = CN).</source>
        <translation>Invalid weekday: {weekday!r} (0 = Monday … 6 = Sunday).</translation>
    </message>
    <message>
        <source>Các buổi làm việc {weekday} bị chồng lên nhau.</source>
        <translation>The working sessions on {weekday} overlap.</translation>
    </message>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Ngày vừa là ngày nghỉ vừa là ngày làm việc: {listed}.</source>
        <translation>Days marked both as a day off and as a working day: {listed}.</translation>
    </message>
    <message>
        <source>Múi giờ không hợp lệ: {tz!r}.</source>
        <translation>Invalid time zone: {tz!r}.</translation>
    </message>
    <message>
        <source>Nghỉ theo lịch cơ quan</source>
        <translation>Day off by decision of the office</translation>
    </message>
    <message>
        <source>Ngày {day:%d/%m/%Y} không phải ngày làm việc ({reason}).</source>
        <translation>{day:%d/%m/%Y} is not a working day ({reason}).</translation>
    </message>
    <message>
        <source>Khoảng thời gian dài quá {limit} ngày, không tính được.</source>
        <translation>The period is longer than {limit} days and cannot be calculated.</translation>
    </message>
    <message>
        <source>Thời lượng cộng thêm không được âm.</source>
        <translation>The added duration cannot be negative.</translation>
    </message>
    <message>
        <source>Ngày không hợp lệ: {day!r}.</source>
        <translation>Invalid date: {day!r}.</translation>
    </message>
    <message>
        <source>Không tìm thấy đủ thời gian làm việc trong vòng {limit} ngày kể từ {day:%d/%m/%Y}.</source>
        <translation>Not enough working time found within {limit} days from {day:%d/%m/%Y}.</translation>
    </message>
    <message>
        <source>{what} trong mã QR không hợp lệ (cần dạng ngày-tháng-năm ddMMyyyy).</source>
        <translation>{what} in the QR code is not valid (expected day-month-year, ddMMyyyy).</translation>
    </message>
    <message>
        <source>Chuỗi quét được không phải mã QR của thẻ CCCD (cần ít nhất {min_fields} trường ngăn cách bởi “|”, chuỗi này có {count}).</source>
        <translation>The scanned text is not the QR code of a CCCD card (it needs at least {min_fields} fields separated by “|”, this one has {count}).</translation>
    </message>
    <message>
        <source>Số CMND cũ trong mã QR không hợp lệ (cần 9 hoặc 12 chữ số).</source>
        <translation>The old CMND number in the QR code is not valid (9 or 12 digits expected).</translation>
    </message>
    <message>
        <source>Họ tên trong mã QR bị trống.</source>
        <translation>The full name in the QR code is empty.</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Ngày cấp</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <source>Ngày cấp trong mã QR sớm hơn ngày sinh.</source>
        <translation>The date of issue in the QR code is earlier than the date of birth.</translation>
    </message>
    <message>
        <source>Giới tính trong mã QR phải là “Nam” hoặc “Nữ”.</source>
        <translation>The sex in the QR code must be “Nam” (male) or “Nu” (female).</translation>
    </message>
    <message>
        <source>Mã định danh đơn vị «{unit}» không hợp lệ (ví dụ đúng: 000.17.22.H56).</source>
        <translation>The office identifier code «{unit}» is not valid (a valid example: 000.17.22.H56).</translation>
    </message>
    <message>
        <source>Số thứ tự hồ sơ phải lớn hơn 0.</source>
        <translation>The dossier&apos;s sequence number must be greater than 0.</translation>
    </message>
    <message>
        <source>«{text}» không phải là mã hồ sơ hợp lệ.</source>
        <translation>«{text}» is not a valid dossier code.</translation>
    </message>
    <message>
        <source>không có tệp hay thư mục này</source>
        <translation>no such file or folder</translation>
    </message>
    <message>
        <source>đây là một thư mục, không phải tệp</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <source>đã có một tệp trùng tên (không phải thư mục)</source>
        <translation>a file with the same name exists (not a folder)</translation>
    </message>
    <message>
        <source>không có quyền truy cập</source>
        <translation>access denied</translation>
    </message>
    <message>
        <source>Giới tính phải là “Nam” hoặc “Nữ”.</source>
        <translation>Sex must be “Nam” (male) or “Nu” (female).</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Vui lòng nhập số {kind}.</source>
        <translation>Please enter the {kind} number.</translation>
    </message>
    <message>
        <source>Số {kind} chỉ được gồm chữ số (0–9).</source>
        <translation>The {kind} number may contain digits only (0–9).</translation>
    </message>
    <message>
        <source>Số {kind} phải gồm đúng {length} chữ số (số đã nhập có {count} chữ số).</source>
        <translation>The {kind} number must have exactly {length} digits (the number entered has {count}).</translation>
    </message>
    <message>
        <source>Mã tỉnh nơi đăng ký khai sinh ({province}, 3 chữ số đầu của số CCCD) không tồn tại.</source>
        <translation>The province code of the birth registration ({province}, the first 3 digits of the CCCD number) does not exist.</translation>
    </message>
    <message>
        <source>Chữ số thứ 4 của số CCCD cho biết năm sinh trong khoảng {first}–{last}, không khớp với năm sinh {year}.</source>
        <translation>The 4th digit of the CCCD number gives a year of birth between {first} and {last}, which does not match the year of birth {year}.</translation>
    </message>
    <message>
        <source>Chữ số thứ 5–6 của số CCCD ({digits}) không khớp với năm sinh {year}.</source>
        <translation>Digits 5–6 of the CCCD number ({digits}) do not match the year of birth {year}.</translation>
    </message>
    <message>
        <source>Chữ số thứ 4 của số CCCD cho biết giới tính {encoded}, không khớp với giới tính {given}.</source>
        <translation>The 4th digit of the CCCD number gives the sex {encoded}, which does not match the sex {given}.</translation>
    </message>
    <message>
        <source>Vui lòng nhập số CCCD hoặc CMND.</source>
        <translation>Please enter the CCCD or CMND number.</translation>
    </message>
    <message>
        <source>Số CCCD/CMND chỉ được gồm chữ số (0–9).</source>
        <translation>The CCCD/CMND number may contain digits only (0–9).</translation>
    </message>
    <message>
        <source>Số CCCD phải gồm 12 chữ số, số CMND cũ gồm 9 chữ số (số đã nhập có {count} chữ số).</source>
        <translation>A CCCD number has 12 digits, an old CMND number 9 (the number entered has {count}).</translation>
    </message>
    <message>
        <source>Không thể {action} khi hồ sơ đang ở trạng thái «{status}».</source>
        <translation>Cannot {action} while the dossier is «{status}».</translation>
    </message>
    <message>
        <source>Đăng nhập sai {failures} lần trong {minutes} phút: tài khoản tạm khóa đến {until:%H:%M}. Hãy thử lại sau, hoặc nhờ quản trị viên mở khóa.</source>
        <translation>{failures} failed log-ins within {minutes} minutes: the account is locked until {until:%H:%M}. Try again later, or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>Mật khẩu phải có ít nhất {length} ký tự.</source>
        <translation>The password must have at least {length} characters.</translation>
    </message>
    <message>
        <source>Mật khẩu không được là tên đăng nhập (kể cả viết hoa hay viết ngược).</source>
        <translation>The password must not be the username (in any case, or written backwards).</translation>
    </message>
    <message>
        <source>Mật khẩu này quá phổ biến, dễ bị đoán ra; hãy chọn mật khẩu khác.</source>
        <translation>This password is too common and easy to guess; choose another one.</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu mới không giống nhau.</source>
        <translation>The two entries of the new password do not match.</translation>
    </message>
    <message>
        <source>Chỉ chấp nhận số điện thoại Việt Nam (mã quốc gia +84).</source>
        <translation>Only Vietnamese phone numbers are accepted (country code +84).</translation>
    </message>
    <message>
        <source>Số điện thoại chỉ được gồm chữ số (có thể có dấu cách, dấu chấm, dấu gạch ngang, +84 ở đầu).</source>
        <translation>A phone number may contain digits only (spaces, dots, hyphens and a leading +84 are allowed).</translation>
    </message>
    <message>
        <source>Số điện thoại phải bắt đầu bằng 0 hoặc +84.</source>
        <translation>The phone number must start with 0 or +84.</translation>
    </message>
    <message>
        <source>Vui lòng nhập số điện thoại.</source>
        <translation>Please enter the phone number.</translation>
    </message>
    <message>
        <source>Số điện thoại quá ngắn.</source>
        <translation>The phone number is too short.</translation>
    </message>
    <message>
        <source>Đầu số di động 01x (11 số) đã được chuyển sang 10 số từ năm 2018; vui lòng nhập số mới.</source>
        <translation>Mobile prefixes 01x (11 digits) moved to 10-digit numbers in 2018; please enter the new number.</translation>
    </message>
    <message>
        <source>Đầu số {prefix} không phải đầu số điện thoại Việt Nam (di động: 03, 05, 07, 08, 09; cố định: 02).</source>
        <translation>The prefix {prefix} is not a Vietnamese phone prefix (mobile: 03, 05, 07, 08, 09; landline: 02).</translation>
    </message>
    <message>
        <source>Vui lòng nhập địa chỉ email.</source>
        <translation>Please enter the email address.</translation>
    </message>
    <message>
        <source>Địa chỉ email không được chứa khoảng trắng hoặc chữ có dấu tiếng Việt.</source>
        <translation>The email address must not contain spaces or Vietnamese accented letters.</translation>
    </message>
    <message>
        <source>Địa chỉ email không hợp lệ (cần có dạng ten@mien.vn).</source>
        <translation>The email address is not valid (expected the form name@domain.vn).</translation>
    </message>
    <message>
        <source>Tên đăng nhập không được để trống.</source>
        <translation>The username must not be empty.</translation>
    </message>
    <message>
        <source>Tên đăng nhập «{name}» không hợp lệ: 2–60 ký tự gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang, bắt đầu bằng chữ hoặc số (ví dụ: nguyenvana).</source>
        <translation>The username «{name}» is not valid: 2–60 characters of unaccented lower-case letters, digits, dots, underscores and hyphens, starting with a letter or a digit (e.g. nguyenvana).</translation>
    </message>
    <message>
        <source>Họ tên không được để trống.</source>
        <translation>The full name must not be empty.</translation>
    </message>
    <message>
        <source>Họ tên dài quá 200 ký tự.</source>
        <translation>The full name is longer than 200 characters.</translation>
    </message>
    <message>
        <source>{path}: không đọc được tệp ({reason}).</source>
        <translation>{path}: cannot read the file ({reason}).</translation>
    </message>
    <message>
        <source>{path}: không phải văn bản UTF-8 (byte thứ {position}).</source>
        <translation>{path}: not UTF-8 text (byte {position}).</translation>
    </message>
    <message>
        <source>{path}: JSON sai ở dòng {lineno}, cột {colno}.</source>
        <translation>{path}: JSON error at line {lineno}, column {colno}.</translation>
    </message>
    <message>
        <source>{path}: JSON lồng nhau quá nhiều tầng.</source>
        <translation>{path}: the JSON is nested too deeply.</translation>
    </message>
    <message>
        <source>{path}: JSON có giá trị không đọc được.</source>
        <translation>{path}: the JSON holds a value that cannot be read.</translation>
    </message>
    <message>
        <source>Tệp cấu hình chung của máy {file} không phải JSON hợp lệ: {error}.</source>
        <translation>The machine-wide settings file {file} is not valid JSON: {error}.</translation>
    </message>
    <message>
        <source>Tệp cấu hình chung của máy {file} phải là một đối tượng JSON ({{…}}).</source>
        <translation>The machine-wide settings file {file} must be a JSON object ({{…}}).</translation>
    </message>
    <message>
        <source>Tệp cấu hình chung của máy {file}: «{key}» phải là một chuỗi.</source>
        <translation>Machine-wide settings file {file}: «{key}» must be a string.</translation>
    </message>
    <message>
        <source>Tệp cấu hình chung của máy {file}: «data_dir» phải là đường dẫn đầy đủ (ví dụ C:\ProgramData\counter_app\data).</source>
        <translation>Machine-wide settings file {file}: «data_dir» must be a full path (e.g. C:\ProgramData\counter_app\data).</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: phần mở rộng phải là {names}.</source>
        <translation>Cannot write the file {path}: the extension must be {names}.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: đó là một thư mục.</source>
        <translation>Cannot write the file {path}: it is a folder.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: đó không phải một tệp thường.</source>
        <translation>Cannot write the file {path}: it is not a regular file.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {folder} không phải là thư mục.</source>
        <translation>Cannot write the file {path}: {folder} is not a folder.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: thư mục {folder} không tồn tại.</source>
        <translation>Cannot write the file {path}: the folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: không có quyền ghi.</source>
        <translation>Cannot write the file {path}: no permission to write.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {reason}.</source>
        <translation>Cannot write the file {path}: {reason}.</translation>
    </message>
    <message>
        <source>Không tạo được thư mục dữ liệu {folder}: {reason}. Hãy chọn một thư mục mà máy này ghi được.</source>
        <translation>Cannot create the data folder {folder}: {reason}. Choose a folder this computer can write to.</translation>
    </message>
    <message>
        <source>Vai trò «{role}» chỉ được xem nhật ký và báo cáo, không được {what}.</source>
        <translation>The role «{role}» may only view the audit log and reports; it may not {what}.</translation>
    </message>
    <message>
        <source>Chỉ {role} mới được {what}.</source>
        <translation>Only the {role} role may {what}.</translation>
    </message>
    <message>
        <source>Vui lòng nhập họ tên người nộp hồ sơ.</source>
        <translation>Please enter the applicant&apos;s full name.</translation>
    </message>
    <message>
        <source>Họ tên có ký tự không dùng được ({bad}): hãy gõ lại họ tên.</source>
        <translation>The full name contains a character that cannot be used ({bad}): please type the name again.</translation>
    </message>
    <message>
        <source>Địa chỉ có ký tự không dùng được ({bad}): hãy gõ lại địa chỉ.</source>
        <translation>The address contains a character that cannot be used ({bad}): please type the address again.</translation>
    </message>
    <message>
        <source>sao lưu</source>
        <translation>back up</translation>
    </message>
    <message>
        <source>Thư mục sao lưu thứ hai {folder} không tồn tại (ổ đĩa hoặc USB chưa cắm?). Chưa ghi gì.</source>
        <translation>The second backup folder {folder} does not exist (drive or USB stick not plugged in?). Nothing was written.</translation>
    </message>
    <message>
        <source>Không dùng được thư mục sao lưu {folder}: {reason}.</source>
        <translation>Cannot use the backup folder {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Chưa có cơ sở dữ liệu {db_file} để sao lưu.</source>
        <translation>There is no database {db_file} to back up yet.</translation>
    </message>
    <message>
        <source>Tệp {db_file} không phải là cơ sở dữ liệu SQLite (hoặc đã hỏng phần đầu): không sao lưu. Hãy chạy «counter-cli check» hoặc khôi phục từ một bản sao lưu.</source>
        <translation>The file {db_file} is not an SQLite database (or its beginning is damaged): no backup made. Run «counter-cli check» or restore from a backup.</translation>
    </message>
    <message>
        <source>Không sao lưu được {db_file}: {error}.</source>
        <translation>Cannot back up {db_file}: {error}.</translation>
    </message>
    <message>
        <source>Bản chép sang {folder} khác bản gốc (lỗi ghi đĩa?): đã bỏ bản chép.</source>
        <translation>The copy in {folder} differs from the original (disk write error?): the copy was discarded.</translation>
    </message>
    <message>
        <source>Đã sao lưu vào {done} nhưng không chép được sang {folder}: {reason}.</source>
        <translation>Backed up to {done}, but the copy to {folder} failed: {reason}.</translation>
    </message>
    <message>
        <source>Không tìm thấy chương trình pg_dump trên máy này (PATH): chưa sao lưu. Hãy cài gói PostgreSQL client (cùng phiên bản máy chủ), hoặc để quản trị CSDL sao lưu máy chủ (xem docs/backups.md).</source>
        <translation>The pg_dump program was not found on this computer (PATH): no backup made. Install the PostgreSQL client package (the server&apos;s version), or leave the server&apos;s backups to the database administrator (see docs/backups.md).</translation>
    </message>
    <message>
        <source>pg_dump không sao lưu được {database}: {reason}</source>
        <translation>pg_dump could not back up {database}: {reason}</translation>
    </message>
    <message>
        <source>Tệp pg_dump vừa ghi không đúng định dạng: đã bỏ.</source>
        <translation>The file pg_dump just wrote has the wrong format: discarded.</translation>
    </message>
    <message>
        <source>Tệp pg_dump vừa ghi không đọc lại được (pg_restore --list: {reason}): đã bỏ.</source>
        <translation>The file pg_dump just wrote cannot be read back (pg_restore --list: {reason}): discarded.</translation>
    </message>
    <message>
        <source>Ngày {day:%d/%m/%Y} đã qua: không sửa lịch của ngày đã qua (hồ sơ đã được hẹn và đánh giá đúng hạn theo lịch của ngày đó).</source>
        <translation>{day:%d/%m/%Y} is in the past: the calendar of a past day cannot be changed (dossiers were given appointments and rated on time by that day&apos;s calendar).</translation>
    </message>
    <message>
        <source>sửa lịch làm việc</source>
        <translation>edit the working calendar</translation>
    </message>
    <message>
        <source>Loại ngày phải là «off» (nghỉ) hoặc «work» (làm việc).</source>
        <translation>The kind of day must be «off» (day off) or «work» (working day).</translation>
    </message>
    <message>
        <source>Ghi chú dài quá {limit} ký tự.</source>
        <translation>The note is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>Số ngày xem trước phải từ 1 đến {limit}.</source>
        <translation>The number of days to preview must be from 1 to {limit}.</translation>
    </message>
    <message>
        <source>Thời hạn mẫu phải từ 1 đến {limit} ngày làm việc.</source>
        <translation>The sample term must be from 1 to {limit} working days.</translation>
    </message>
    <message>
        <source>{path}: không có tệp hay thư mục này.</source>
        <translation>{path}: no such file or folder.</translation>
    </message>
    <message>
        <source>Không nhập danh mục, chưa ghi gì: {problems}</source>
        <translation>Catalogue not imported, nothing was written: {problems}</translation>
    </message>
    <message>
        <source>nhập danh mục thủ tục</source>
        <translation>import the procedure catalogue</translation>
    </message>
    <message>
        <source>Đã hủy nhập danh mục; chưa ghi gì.</source>
        <translation>Catalogue import cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Không có thủ tục mã «{code}» trong danh mục.</source>
        <translation>No procedure with the code «{code}» in the catalogue.</translation>
    </message>
    <message>
        <source>{path}: tệp không hợp lệ — {reason}.</source>
        <translation>{path}: invalid file — {reason}.</translation>
    </message>
    <message>
        <source>Nhập mã hồ sơ, số CCCD/CMND, số điện thoại hoặc họ tên của công dân để tìm.</source>
        <translation>Enter a dossier code, a CCCD/CMND number, a phone number or a citizen&apos;s full name to search.</translation>
    </message>
    <message>
        <source>«{query}» không phải mã hồ sơ, số giấy tờ, số điện thoại hay họ tên.</source>
        <translation>«{query}» is not a dossier code, an ID number, a phone number or a name.</translation>
    </message>
    <message>
        <source>Nhập ít nhất {min_name_letters} chữ cái của họ tên (ví dụ: «nguyen van») để tìm theo tên.</source>
        <translation>Enter at least {min_name_letters} letters of the name (e.g. «nguyen van») to search by name.</translation>
    </message>
    <message>
        <source>«{query}» có {count} chữ số: số CCCD gồm 12 chữ số, số CMND 9 chữ số, số điện thoại bắt đầu bằng 0 hoặc +84.</source>
        <translation>«{query}» has {count} digits: a CCCD number has 12 digits, a CMND number 9, a phone number starts with 0 or +84.</translation>
    </message>
    <message>
        <source>«{query}» không phải là mã hồ sơ hợp lệ (ví dụ đúng: 000.00.31.H56-261123-0001).</source>
        <translation>«{query}» is not a valid dossier code (a valid example: 000.00.31.H56-261123-0001).</translation>
    </message>
    <message>
        <source>tra cứu hồ sơ</source>
        <translation>look up dossiers</translation>
    </message>
    <message>
        <source>Số năm dữ liệu mẫu phải từ 1 đến {limit}.</source>
        <translation>The number of years of sample data must be from 1 to {limit}.</translation>
    </message>
    <message>
        <source>Chưa đủ dữ liệu để tạo hồ sơ mẫu (cần danh mục thủ tục, cán bộ một cửa và đơn vị xử lý): hãy chạy lại «counter-cli demo» để hoàn tất phần cài đặt mẫu.</source>
        <translation>Not enough data to create sample dossiers (a procedure catalogue, a counter officer and a processing unit are needed): run «counter-cli demo» again to finish the sample set-up.</translation>
    </message>
    <message>
        <source>{name} (lúc {taken:%H:%M} ngày {taken:%d/%m/%Y}, hồ sơ cuối {code})</source>
        <translation>{name} (at {taken:%H:%M} on {taken:%d/%m/%Y}, last dossier {code})</translation>
    </message>
    <message>
        <source>{name} (lúc {taken:%H:%M} ngày {taken:%d/%m/%Y})</source>
        <translation>{name} (at {taken:%H:%M} on {taken:%d/%m/%Y})</translation>
    </message>
    <message>
        <source>Mã hồ sơ «{code}» có ngày không hợp lệ.</source>
        <translation>The dossier code «{code}» has an invalid date.</translation>
    </message>
    <message>
        <source>Sổ sự kiện của máy này không khớp với đầu chuỗi (bảng node_heads đã bị sửa?): không ghi được gì. Hãy báo quản trị chạy «counter-cli events verify».</source>
        <translation>This computer&apos;s event log does not match its chain head (was the node_heads table edited?): nothing was written. Ask the administrator to run «counter-cli events verify».</translation>
    </message>
    <message>
        <source>{whole},{fraction}</source>
        <translation>{whole}.{fraction}</translation>
    </message>
    <message>
        <source>Chữ số thứ 4 của số CCCD (mã thế kỷ và giới tính) không hợp lệ: {digit}.</source>
        <translation>The 4th digit of the CCCD number (century and sex code) is not valid: {digit}.</translation>
    </message>
    <message>
        <source>Số CCCD cho năm sinh {year}, là năm trong tương lai (kiểm tra chữ số thứ 4–6).</source>
        <translation>The CCCD number gives the year of birth {year}, a year in the future (check digits 4–6).</translation>
    </message>
    <message>
        <source>thiếu {count} chữ số</source>
        <translation>{count} digit(s) missing</translation>
    </message>
    <message>
        <source>thừa {count} chữ số</source>
        <translation>{count} digit(s) too many</translation>
    </message>
    <message>
        <source>Số di động phải gồm {length} chữ số (kể cả số 0 đầu); số đã nhập {problem}.</source>
        <translation>A mobile number has {length} digits (including the leading 0); the number entered has {problem}.</translation>
    </message>
    <message>
        <source>Số cố định phải gồm {length} chữ số (kể cả mã vùng 02x); số đã nhập {problem}.</source>
        <translation>A landline number has {length} digits (including the 02x area code); the number entered has {problem}.</translation>
    </message>
    <message>
        <source>{what} dài quá {limit} ký tự (đã nhập {length}).</source>
        <translation>{what} is longer than {limit} characters ({length} entered).</translation>
    </message>
    <message>
        <source>Thông tin người đại diện có quá nhiều mục ({count}, tối đa {limit}).</source>
        <translation>The representative&apos;s details have too many entries ({count}, at most {limit}).</translation>
    </message>
    <message>
        <source>Tên mục của thông tin người đại diện</source>
        <translation>The name of an entry of the representative&apos;s details</translation>
    </message>
    <message>
        <source>Mục «{key}» của người đại diện</source>
        <translation>The representative&apos;s entry «{key}»</translation>
    </message>
    <message>
        <source>Không đọc được tệp cấu hình chung của máy {file}: {reason}.</source>
        <translation>Cannot read the machine-wide settings file {file}: {reason}.</translation>
    </message>
    <message>
        <source>«{text}» không phải dấu chuỗi sự kiện (dạng: XXXX-XXXX-XXXX-XXXX-XXXX · nút#số, …).</source>
        <translation>«{text}» is not an event log anchor (form: XXXX-XXXX-XXXX-XXXX-XXXX · node#number, …).</translation>
    </message>
    <message>
        <source>Không còn sự kiện {missing} mà dấu chuỗi đã in ghi lại: lịch sử đến thời điểm in đã bị xóa bớt.</source>
        <translation>The events {missing} the printed anchor records are gone: history up to the printing was cut.</translation>
    </message>
    <message>
        <source>Dấu chuỗi tính lại là {again}, khác dấu đã in {printed}: lịch sử đến thời điểm in đã bị sửa.</source>
        <translation>The anchor computed again is {again}, not the printed {printed}: history up to the printing was changed.</translation>
    </message>
    <message>
        <source>Họ tên quá dài (tối đa {limit} ký tự).</source>
        <translation>The name is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>Địa chỉ quá dài (tối đa {limit} ký tự).</source>
        <translation>The address is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>không có phiên bản lược đồ: đây không phải dữ liệu của counter_app</source>
        <translation>has no schema version: this is not counter_app data</translation>
    </message>
    <message>
        <source>được tạo bởi phiên bản counter_app mới hơn (lược đồ {revision}); hãy cập nhật phần mềm trước khi dùng dữ liệu này</source>
        <translation>was made by a newer version of counter_app (schema {revision}); update the software before using this data</translation>
    </message>
    <message>
        <source>Khóa ngoại: không kiểm tra được ({error}).</source>
        <translation>Foreign keys: could not be checked ({error}).</translation>
    </message>
    <message>
        <source>Khóa ngoại: bảng {table}, dòng {rowid} trỏ tới {parent} không tồn tại.</source>
        <translation>Foreign keys: table {table}, row {rowid} points to a missing {parent}.</translation>
    </message>
    <message>
        <source>Toàn vẹn SQLite: {error}.</source>
        <translation>SQLite integrity: {error}.</translation>
    </message>
    <message>
        <source>Toàn vẹn SQLite: bảng {table} hỏng ({error}).</source>
        <translation>SQLite integrity: table {table} is damaged ({error}).</translation>
    </message>
    <message>
        <source>Toàn vẹn SQLite: {finding}.</source>
        <translation>SQLite integrity: {finding}.</translation>
    </message>
    <message>
        <source>Tệp không đọc được như một cơ sở dữ liệu SQLite ({error}).</source>
        <translation>The file cannot be read as an SQLite database ({error}).</translation>
    </message>
    <message>
        <source>Tệp {problem}.</source>
        <translation>The file {problem}.</translation>
    </message>
    <message>
        <source>Chuỗi sự kiện không đọc được: {error}.</source>
        <translation>The event chain cannot be read: {error}.</translation>
    </message>
    <message>
        <source>Chuỗi sự kiện bị phá vỡ — {where}</source>
        <translation>The event chain is broken — {where}</translation>
    </message>
    <message>
        <source>Không đọc được tệp dấu chuỗi {file}: {error}.</source>
        <translation>Cannot read the anchor file {file}: {error}.</translation>
    </message>
    <message>
        <source>xem nhật ký truy cập</source>
        <translation>read the access log</translation>
    </message>
    <message>
        <source>nội dung không đọc được</source>
        <translation>its content cannot be read</translation>
    </message>
    <message>
        <source>thiếu bản ghi số {expected}</source>
        <translation>record number {expected} is missing</translation>
    </message>
    <message>
        <source>nội dung hoặc liên kết đã bị sửa</source>
        <translation>its content or its link was changed</translation>
    </message>
    <message>
        <source>Nhật ký truy cập, nút {node}, bản ghi số {seq}: {problem}.</source>
        <translation>Access log, node {node}, record number {seq}: {problem}.</translation>
    </message>
    <message>
        <source>Nhật ký truy cập, nút {node}: đầu chuỗi không khớp bản ghi cuối.</source>
        <translation>Access log, node {node}: the chain head does not match the last record.</translation>
    </message>
    <message>
        <source>Nhật ký truy cập, nút {node}: đầu chuỗi ghi bản ghi không còn.</source>
        <translation>Access log, node {node}: the chain head records records that are gone.</translation>
    </message>
    <message>
        <source>Không khớp dấu chuỗi ghi khi sao lưu — {why}</source>
        <translation>Does not match the anchor kept at backup time — {why}</translation>
    </message>
    <message>
        <source>{number} GB</source>
        <translation>{number} GB</translation>
    </message>
    <message>
        <source>{number} MB</source>
        <translation>{number} MB</translation>
    </message>
    <message>
        <source>Không đủ chỗ trống để {purpose} vào {folder}: còn trống {free}, bản sao cần khoảng {need} và phải chừa lại {reserve}. Chưa ghi gì; các bản sao lưu cũ vẫn được giữ nguyên. Hãy giải phóng chỗ trống trên ổ đĩa (hoặc chọn thư mục khác).</source>
        <translation>Not enough free space to {purpose} to {folder}: {free} free, the copy needs about {need} and {reserve} must be left free. Nothing was written; the older backups are kept as they were. Free some disk space (or choose another folder).</translation>
    </message>
    <message>
        <source>Không ghi được bản sao lưu vào {folder}: {reason}.</source>
        <translation>Cannot write the backup to {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Bản sao vừa tạo không đạt kiểm tra — {problem} Cơ sở dữ liệu có thể đã hỏng. Bản sao này đã bị bỏ, các bản sao lưu cũ vẫn giữ nguyên. Hãy chạy «counter-cli check».</source>
        <translation>The copy just made failed its check — {problem} The database may be damaged. This copy was discarded; the older backups are kept as they were. Run «counter-cli check».</translation>
    </message>
    <message>
        <source>bản ghi báo lỗi {code!r}</source>
        <translation>the record reports an error {code!r}</translation>
    </message>
    <message>
        <source>không phải bản ghi thủ tục của Cổng DVCQG hay định dạng counter_app</source>
        <translation>not a procedure record of the National Public Service Portal nor counter_app&apos;s own format</translation>
    </message>
    <message>
        <source>{what} phải là số không âm (gặp {value!r})</source>
        <translation>{what} must be a number not below zero (found {value!r})</translation>
    </message>
    <message>
        <source>thiếu mã hoặc tên thủ tục</source>
        <translation>the procedure&apos;s code or name is missing</translation>
    </message>
    <message>
        <source>Số bản chính</source>
        <translation>Number of originals</translation>
    </message>
    <message>
        <source>Số bản sao</source>
        <translation>Number of copies</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết phải là số không âm (gặp {amount!r})</source>
        <translation>The processing term must be a number not below zero (found {amount!r})</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết quá lớn (gặp {amount!r}, tối đa {limit})</source>
        <translation>The processing term is too large (found {amount!r}, at most {limit})</translation>
    </message>
    <message>
        <source>đơn vị thời hạn không rõ: {unit!r}</source>
        <translation>unknown term unit: {unit!r}</translation>
    </message>
    <message>
        <source>mỗi mục «case_terms» phải có name, amount và unit là chuỗi</source>
        <translation>every «case_terms» item must have name, amount and unit as strings</translation>
    </message>
    <message>
        <source>Thời hạn của trường hợp không hợp lệ (gặp {amount!r})</source>
        <translation>The case&apos;s term is not valid (found {amount!r})</translation>
    </message>
    <message>
        <source>đơn vị thời hạn của trường hợp không rõ: {unit!r}</source>
        <translation>unknown term unit of the case: {unit!r}</translation>
    </message>
    <message>
        <source>«{key}» của thủ tục phải là chuỗi ký tự</source>
        <translation>the procedure&apos;s «{key}» must be a string</translation>
    </message>
    <message>
        <source>«full_online» phải là true hoặc false</source>
        <translation>«full_online» must be true or false</translation>
    </message>
    <message>
        <source>«supplement_rule» phải là restart hoặc pause (gặp {rule!r})</source>
        <translation>«supplement_rule» must be restart or pause (found {rule!r})</translation>
    </message>
    <message>
        <source>«{key}» phải là danh sách đối tượng có giá trị chuỗi</source>
        <translation>«{key}» must be a list of objects with string values</translation>
    </message>
    <message>
        <source>tên trường hợp phải là chuỗi ký tự</source>
        <translation>a case&apos;s name must be a string</translation>
    </message>
    <message>
        <source>tên, mã và phần hồ sơ của giấy tờ phải là chuỗi ký tự</source>
        <translation>a document&apos;s name, code and part must be strings</translation>
    </message>
    <message>
        <source>loại dòng «{kind}» không rõ (submit, show, heading hoặc note)</source>
        <translation>unknown line kind «{kind}» (submit, show, heading or note)</translation>
    </message>
    <message>
        <source>«required» của giấy tờ «{name}» phải là true hoặc false</source>
        <translation>«required» of the document «{name}» must be true or false</translation>
    </message>
    <message>
        <source>số bản của giấy tờ «{name}» quá lớn (tối đa {limit})</source>
        <translation>the number of copies of the document «{name}» is too large (at most {limit})</translation>
    </message>
    <message>
        <source>kênh nộp không rõ: {channel!r} (direct, online hoặc postal)</source>
        <translation>unknown submission channel: {channel!r} (direct, online or postal)</translation>
    </message>
    <message>
        <source>kênh nộp {channel!r} ghi hai lần</source>
        <translation>the submission channel {channel!r} is written twice</translation>
    </message>
    <message>
        <source>mô tả thời hạn phải là chuỗi và lệ phí là một danh sách</source>
        <translation>the term&apos;s description must be a string and the fees a list</translation>
    </message>
    <message>
        <source>mỗi khoản lệ phí phải là một đối tượng</source>
        <translation>every fee must be an object</translation>
    </message>
    <message>
        <source>số tiền lệ phí không hợp lệ: {amount!r}</source>
        <translation>the fee amount is not valid: {amount!r}</translation>
    </message>
    <message>
        <source>phiên bản định dạng {version!r} không được hỗ trợ</source>
        <translation>format version {version!r} is not supported</translation>
    </message>
    <message>
        <source>kênh nộp không rõ: {channel!r}</source>
        <translation>unknown submission channel: {channel!r}</translation>
    </message>
    <message>
        <source>Hồ sơ {code}: có sự kiện nhưng không còn dòng trong bảng hồ sơ (đã bị xóa trực tiếp).</source>
        <translation>Dossier {code}: it has events but no row in the dossiers table any more (deleted directly).</translation>
    </message>
    <message>
        <source>Hồ sơ {code}: không có sự kiện tiếp nhận (dòng thêm trực tiếp vào bảng, hoặc sự kiện đã bị xóa).</source>
        <translation>Dossier {code}: no receiving event (a row added directly to the table, or the event was deleted).</translation>
    </message>
    <message>
        <source>{column}: bảng ghi «{stored}», sự kiện ghi «{recorded}»</source>
        <translation>{column}: the table says «{stored}», the events say «{recorded}»</translation>
    </message>
    <message>
        <source>mã hồ sơ</source>
        <translation>dossier code</translation>
    </message>
    <message>
        <source>trạng thái</source>
        <translation>status</translation>
    </message>
    <message>
        <source>người nộp</source>
        <translation>applicant</translation>
    </message>
    <message>
        <source>kênh nộp</source>
        <translation>channel</translation>
    </message>
    <message>
        <source>ngày hẹn trả</source>
        <translation>return date</translation>
    </message>
    <message>
        <source>hình thức nhận kết quả</source>
        <translation>way of return</translation>
    </message>
    <message>
        <source>địa chỉ nhận kết quả</source>
        <translation>return address</translation>
    </message>
    <message>
        <source>kết quả giải quyết</source>
        <translation>outcome</translation>
    </message>
    <message>
        <source>mức hài lòng</source>
        <translation>satisfaction</translation>
    </message>
    <message>
        <source>đơn vị đang giữ hồ sơ</source>
        <translation>unit holding the dossier</translation>
    </message>
    <message>
        <source>Hồ sơ {code}: bảng hồ sơ khác với sự kiện — {details}.</source>
        <translation>Dossier {code}: the dossiers table differs from the events — {details}.</translation>
    </message>
    <message>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Người nộp {name} ({id_number}): có trong sự kiện nhưng không còn trong bảng người nộp.</source>
        <translation>Applicant {name} ({id_number}): in the events but no longer in the applicants table.</translation>
    </message>
    <message>
        <source>họ tên</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>số CCCD</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>số CMND cũ</source>
        <translation>old ID number</translation>
    </message>
    <message>
        <source>ngày sinh</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>giới tính</source>
        <translation>sex</translation>
    </message>
    <message>
        <source>điện thoại</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>thư điện tử</source>
        <translation>email</translation>
    </message>
    <message>
        <source>địa chỉ</source>
        <translation>address</translation>
    </message>
    <message>
        <source>đọc từ thẻ CCCD</source>
        <translation>read from the ID card</translation>
    </message>
    <message>
        <source>Người nộp {name} ({id_number}): bảng người nộp khác với lần tiếp nhận cuối — {details}.</source>
        <translation>Applicant {name} ({id_number}): the applicants table differs from the last intake — {details}.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ mã «{code}».</source>
        <translation>No dossier with the code «{code}».</translation>
    </message>
    <message>
        <source>phần {part} có dòng không đọc được</source>
        <translation>part {part} has a line that cannot be read</translation>
    </message>
    <message>
        <source>phần {part} không khớp mã băm trong bản kê (gói bị sửa hoặc bị cắt)</source>
        <translation>part {part} does not match the hash in the manifest (the bundle was changed or cut short)</translation>
    </message>
    <message>
        <source>phần {part} có một dòng quá dài</source>
        <translation>part {part} has a line that is too long</translation>
    </message>
    <message>
        <source>phần {part} hỏng, không giải nén được</source>
        <translation>part {part} is damaged and cannot be unpacked</translation>
    </message>
    <message>
        <source>có hai tệp cùng tên trong gói</source>
        <translation>the bundle holds two files of the same name</translation>
    </message>
    <message>
        <source>thiếu bản kê hoặc chữ ký, hoặc có tệp lạ ({names})</source>
        <translation>the manifest or the signature is missing, or there are unknown files ({names})</translation>
    </message>
    <message>
        <source>một phần quá lớn</source>
        <translation>a part is too large</translation>
    </message>
    <message>
        <source>Không có tệp {path}.</source>
        <translation>There is no file {path}.</translation>
    </message>
    <message>
        <source>Không đọc được {path}: {error}.</source>
        <translation>Cannot read {path}: {error}.</translation>
    </message>
    <message>
        <source>không đọc được như một tệp zip (bị cắt hoặc hỏng)</source>
        <translation>it cannot be read as a zip file (cut short or damaged)</translation>
    </message>
    <message>
        <source>bản kê không đọc được</source>
        <translation>the manifest cannot be read</translation>
    </message>
    <message>
        <source>chữ ký không hợp lệ: bản kê đã bị sửa sau khi ký</source>
        <translation>the signature is not valid: the manifest was changed after it was signed</translation>
    </message>
    <message>
        <source>định dạng gói {format} chưa được hỗ trợ</source>
        <translation>bundle format {format} is not supported</translation>
    </message>
    <message>
        <source>các phần trong gói khác bản kê (thiếu hoặc thừa)</source>
        <translation>the parts in the bundle differ from the manifest (missing or extra)</translation>
    </message>
    <message>
        <source>Không nhận gói {name}: {reason}.</source>
        <translation>Bundle {name} refused: {reason}.</translation>
    </message>
    <message>
        <source>một dòng không phải sự kiện ({error})</source>
        <translation>a line is not an event ({error})</translation>
    </message>
    <message>
        <source>{what} không đúng dạng (base64).</source>
        <translation>{what} is not in the right form (base64).</translation>
    </message>
    <message>
        <source>{what} không phải khóa Ed25519 (32 byte).</source>
        <translation>{what} is not an Ed25519 key (32 bytes).</translation>
    </message>
    <message>
        <source>Dấu vân tay đọc qua điện thoại ({typed}) không khớp khóa trong tệp ({actual}): không nhận khóa.</source>
        <translation>The fingerprint read over the phone ({typed}) does not match the key in the file ({actual}): key not accepted.</translation>
    </message>
    <message>
        <source>Đã có khóa của trung tâm tỉnh ({existing}); khóa mới {actual} không được thay thế tự động.</source>
        <translation>The provincial centre&apos;s key is already kept ({existing}); the new key {actual} does not replace it automatically.</translation>
    </message>
    <message>
        <source>Không đọc được tệp khóa {path}: {error}.</source>
        <translation>Cannot read the key file {path}: {error}.</translation>
    </message>
    <message>
        <source>Tệp {path} không chứa khóa công khai của counter_app.</source>
        <translation>The file {path} holds no counter_app public key.</translation>
    </message>
    <message>
        <source>nhận khóa của trung tâm tỉnh</source>
        <translation>accept the provincial centre&apos;s key</translation>
    </message>
    <message>
        <source>nhập gói xác nhận của trung tâm tỉnh</source>
        <translation>import the provincial centre&apos;s acknowledgements</translation>
    </message>
    <message>
        <source>đây không phải gói xác nhận của trung tâm tỉnh (loại {kind})</source>
        <translation>this is not an acknowledgement of the provincial centre (kind {kind})</translation>
    </message>
    <message>
        <source>bản kê không có mã gói</source>
        <translation>the manifest has no bundle id</translation>
    </message>
    <message>
        <source>văn phòng chưa có khóa của trung tâm tỉnh: hãy đọc dấu vân tay với trung tâm qua điện thoại và nhập lại kèm --fingerprint</source>
        <translation>the office does not have the provincial centre&apos;s key yet: read the fingerprint with the centre over the phone and import again with --fingerprint</translation>
    </message>
    <message>
        <source>gói được ký bằng khóa {signer}, không phải khóa của trung tâm tỉnh ({trusted})</source>
        <translation>the bundle is signed with key {signer}, not the provincial centre&apos;s key ({trusted})</translation>
    </message>
    <message>
        <source>gói xác nhận này dành cho văn phòng có khóa {to}</source>
        <translation>this acknowledgement is meant for the office with key {to}</translation>
    </message>
    <message>
        <source>sửa lịch làm việc chung của tỉnh</source>
        <translation>edit the province&apos;s common calendar</translation>
    </message>
    <message>
        <source>phát hành danh mục và lịch cho các văn phòng</source>
        <translation>publish the catalogue and calendar to the offices</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu chưa có thủ tục nào: không có danh mục để gửi các văn phòng.</source>
        <translation>The database has no procedures yet: there is no catalogue to send to the offices.</translation>
    </message>
    <message>
        <source>nhập danh mục và lịch của trung tâm tỉnh</source>
        <translation>import the provincial centre&apos;s catalogue and calendar</translation>
    </message>
    <message>
        <source>đây không phải gói danh mục và lịch của trung tâm tỉnh (loại {kind})</source>
        <translation>this is not the provincial centre&apos;s catalogue-and-calendar bundle (kind {kind})</translation>
    </message>
    <message>
        <source>gói số {number} cũ hơn gói số {last} đã áp dụng: hãy dùng gói mới nhất của trung tâm tỉnh</source>
        <translation>bundle no. {number} is older than bundle no. {last} already applied: use the provincial centre&apos;s newest bundle</translation>
    </message>
    <message>
        <source>bản kê không có mã gói hoặc số thứ tự</source>
        <translation>the manifest has no bundle id or number</translation>
    </message>
    <message>
        <source>danh mục trong gói có thủ tục không hợp lệ — {reason}</source>
        <translation>the bundle&apos;s catalogue has an invalid procedure — {reason}</translation>
    </message>
    <message>
        <source>lịch trong gói có một ngày không hợp lệ</source>
        <translation>the bundle&apos;s calendar has an invalid day</translation>
    </message>
    <message>
        <source>xem cảnh báo rẽ nhánh</source>
        <translation>view fork alarms</translation>
    </message>
    <message>
        <source>chọn nhánh sau cảnh báo rẽ nhánh</source>
        <translation>choose a branch after a fork alarm</translation>
    </message>
    <message>
        <source>Chọn nhánh «applied» (đã áp dụng) hoặc «other» (nhánh kia).</source>
        <translation>Choose the branch «applied» (already applied) or «other» (the other one).</translation>
    </message>
    <message>
        <source>Cảnh báo rẽ nhánh này đã được xử lý ({resolution}).</source>
        <translation>This fork alarm was already resolved ({resolution}).</translation>
    </message>
    <message>
        <source>Mã cảnh báo rẽ nhánh «{id}» không đúng dạng.</source>
        <translation>The fork alarm id «{id}» is not well formed.</translation>
    </message>
    <message>
        <source>Không có cảnh báo rẽ nhánh nào có mã {id}.</source>
        <translation>No fork alarm has the id {id}.</translation>
    </message>
    <message>
        <source>Mã {id} khớp nhiều cảnh báo: hãy gõ thêm ký tự.</source>
        <translation>The id {id} matches several alarms: type more characters.</translation>
    </message>
    <message>
        <source>đây là gói của một văn phòng (loại {kind}), không phải gói của trung tâm tỉnh: gói này nhập ở trung tâm tỉnh</source>
        <translation>this is an office&apos;s bundle (kind {kind}), not the provincial centre&apos;s: it is imported at the provincial centre</translation>
    </message>
    <message>
        <source>trung tâm tỉnh xác nhận sự kiện {node}#{seq} mà cơ sở dữ liệu này không có như vậy (đã khôi phục từ bản sao lưu cũ?)</source>
        <translation>the provincial centre acknowledges event {node}#{seq}, which this database does not hold as such (restored from an older backup?)</translation>
    </message>
    <message>
        <source>đăng ký khóa của văn phòng</source>
        <translation>enrol an office&apos;s key</translation>
    </message>
    <message>
        <source>Dấu vân tay đọc qua điện thoại ({typed}) không khớp khóa đã ký gói ({actual}): không đăng ký.</source>
        <translation>The fingerprint read over the phone ({typed}) does not match the key that signed the bundle ({actual}): not enrolled.</translation>
    </message>
    <message>
        <source>nhập gói dữ liệu của văn phòng</source>
        <translation>import an office&apos;s bundles</translation>
    </message>
    <message>
        <source>đây không phải gói dữ liệu của văn phòng (loại {kind})</source>
        <translation>this is not an office&apos;s data bundle (kind {kind})</translation>
    </message>
    <message>
        <source>khóa đã ký gói ({fingerprint}) chưa được đăng ký ở trung tâm tỉnh — hãy đối chiếu dấu vân tay với văn phòng qua điện thoại rồi chạy «counter-cli exchange enrol»</source>
        <translation>the key that signed the bundle ({fingerprint}) is not enrolled at the provincial centre — check the fingerprint with the office over the phone, then run «counter-cli exchange enrol»</translation>
    </message>
    <message>
        <source>Văn phòng có khóa {fingerprint} chưa được đăng ký.</source>
        <translation>The office with key {fingerprint} is not enrolled.</translation>
    </message>
    <message>
        <source>Thư mục ghi gói xác nhận {folder} không tồn tại hoặc không phải thư mục: chưa nhập gì.</source>
        <translation>The folder for acknowledgements {folder} does not exist or is not a folder: nothing was imported.</translation>
    </message>
    <message>
        <source>Không ghi được vào thư mục {folder} (gói xác nhận): chưa nhập gì.</source>
        <translation>Cannot write into the folder {folder} (acknowledgements): nothing was imported.</translation>
    </message>
    <message>
        <source>bản kê không ghi phiên bản lược đồ</source>
        <translation>the manifest names no schema version</translation>
    </message>
    <message>
        <source>gói được lập bởi phiên bản counter_app mới hơn (lược đồ {schema}, ở đây {here}): hãy cập nhật phần mềm ở trung tâm tỉnh trước</source>
        <translation>the bundle was made by a newer version of counter_app (schema {schema}, here {here}): update the software at the provincial centre first</translation>
    </message>
    <message>
        <source>bản kê không liệt kê chuỗi nào</source>
        <translation>the manifest lists no chain</translation>
    </message>
    <message>
        <source>sự kiện {node}#{seq} không khớp mã băm của nó</source>
        <translation>event {node}#{seq} does not match its hash</translation>
    </message>
    <message>
        <source>các chuỗi trong gói khác bản kê</source>
        <translation>the chains in the bundle differ from the manifest</translation>
    </message>
    <message>
        <source>chuỗi {node} đứt ở sự kiện số {seq}</source>
        <translation>chain {node} breaks at event {seq}</translation>
    </message>
    <message>
        <source>chuỗi {node} ngắn hơn bản kê (gói bị cắt)</source>
        <translation>chain {node} is shorter than the manifest says (the bundle was cut short)</translation>
    </message>
    <message>
        <source>lời văn mẫu phiếu trong gói không hợp lệ — {reason}</source>
        <translation>a slip form text in the bundle is invalid — {reason}</translation>
    </message>
    <message>
        <source>Không rõ cảnh báo rẽ nhánh này thuộc văn phòng nào: không chọn được nhánh.</source>
        <translation>It is not known which office this fork alarm belongs to: no branch can be chosen.</translation>
    </message>
    <message>
        <source>lịch làm việc hoặc thời điểm lập gói trong bản kê không hợp lệ</source>
        <translation>the working calendars or the creation time in the manifest are invalid</translation>
    </message>
    <message>
        <source>mã gói {id} đã được một văn phòng khác dùng</source>
        <translation>bundle id {id} was already used by another office</translation>
    </message>
    <message>
        <source>chuỗi {node} thuộc một văn phòng khác</source>
        <translation>chain {node} belongs to another office</translation>
    </message>
    <message>
        <source>Báo cáo này chỉ xuất ra .pdf, .xlsx, .csv.</source>
        <translation>This report can only be written as .pdf, .xlsx, .csv.</translation>
    </message>
    <message>
        <source>Chưa có văn phòng nào đăng ký với cơ sở dữ liệu này: báo cáo của các văn phòng lập ở trung tâm tỉnh, sau khi đăng ký các văn phòng và nhập gói dữ liệu của chúng.</source>
        <translation>No office is enrolled with this database: the offices&apos; reports are made at the provincial centre, once the offices are enrolled and their bundles imported.</translation>
    </message>
    <message>
        <source>Báo cáo của tỉnh chỉ lập theo văn phòng («office») hoặc theo lĩnh vực («field»).</source>
        <translation>The province&apos;s report is made only by office («office») or by field («field»).</translation>
    </message>
    <message>
        <source>tra cứu hồ sơ của các văn phòng</source>
        <translation>look up the offices&apos; dossiers</translation>
    </message>
    <message>
        <source>xem tình trạng dữ liệu các văn phòng</source>
        <translation>see the state of the offices&apos; data</translation>
    </message>
    <message>
        <source>xem hồ sơ của các văn phòng</source>
        <translation>view the offices&apos; dossiers</translation>
    </message>
    <message>
        <source>Không có bộ lọc «{state}».</source>
        <translation>There is no filter «{state}».</translation>
    </message>
    <message>
        <source>Không có văn phòng nào đăng ký với dấu vân tay «{fp}».</source>
        <translation>No office is enrolled with the fingerprint «{fp}».</translation>
    </message>
    <message>
        <source>xem hồ sơ bị mất khi khôi phục</source>
        <translation>view the dossiers lost in a restore</translation>
    </message>
    <message>
        <source>xem tình trạng trao đổi dữ liệu</source>
        <translation>see the state of the data exchange</translation>
    </message>
    <message>
        <source>xuất gói dữ liệu gửi trung tâm tỉnh</source>
        <translation>export a data bundle for the provincial centre</translation>
    </message>
    <message>
        <source>Chưa có thông tin cơ quan: hãy thiết lập văn phòng trước khi gửi dữ liệu.</source>
        <translation>The office is not set up yet: set it up before sending data.</translation>
    </message>
    <message>
        <source>Đã hủy: không ghi gói nào.</source>
        <translation>Cancelled: no bundle written.</translation>
    </message>
    <message>
        <source>Mẫu {kind} không có đoạn «{key}».</source>
        <translation>The form {kind} has no text «{key}».</translation>
    </message>
    <message>
        <source>Lời văn không được để trống.</source>
        <translation>The text must not be empty.</translation>
    </message>
    <message>
        <source>Lời văn dài quá {limit} ký tự.</source>
        <translation>The text is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>Lời văn có dấu ngoặc nhọn không khép đúng: dấu ngoặc nhọn chỉ dùng cho các chỗ điền sẵn.</source>
        <translation>The text has unbalanced curly braces: curly braces are only for the blanks the form fills.</translation>
    </message>
    <message>
        <source>Lời văn phải giữ đúng các chỗ điền sẵn của mẫu: {fields}.</source>
        <translation>The text must keep exactly the form&apos;s blanks: {fields}.</translation>
    </message>
    <message>
        <source>sửa lời văn mẫu phiếu của tỉnh</source>
        <translation>edit the province&apos;s slip wording</translation>
    </message>
    <message>
        <source>Mẫu {kind} chưa có lời văn riêng cho đoạn «{key}».</source>
        <translation>The form {kind} has no text of its own for «{key}».</translation>
    </message>
    <message>
        <source>nội dung không đọc được (đã bị sửa trực tiếp trong cơ sở dữ liệu)</source>
        <translation>its content cannot be read (edited directly in the database)</translation>
    </message>
    <message>
        <source>thiếu sự kiện số {expected} (gặp số {seq})</source>
        <translation>event number {expected} is missing (found number {seq})</translation>
    </message>
    <message>
        <source>liên kết với sự kiện trước bị sai</source>
        <translation>its link to the previous event is wrong</translation>
    </message>
    <message>
        <source>nội dung đã bị sửa (mã băm không khớp)</source>
        <translation>its content was changed (the hash does not match)</translation>
    </message>
    <message>
        <source>Nút {node}, sự kiện số {seq} ({kind}): {problem}.</source>
        <translation>Node {node}, event number {seq} ({kind}): {problem}.</translation>
    </message>
    <message>
        <source>Nút {node}: không có đầu chuỗi (bảng node_heads) cho {count} sự kiện.</source>
        <translation>Node {node}: no chain head (node_heads table) for {count} events.</translation>
    </message>
    <message>
        <source>Nút {node}: đầu chuỗi ghi sự kiện số {head}, nhưng sự kiện cuối là số {last}.</source>
        <translation>Node {node}: the chain head records event number {head}, but the last event is number {last}.</translation>
    </message>
    <message>
        <source>Nút {node}: mã băm ở đầu chuỗi khác mã băm của sự kiện cuối (số {last}).</source>
        <translation>Node {node}: the chain head&apos;s hash differs from the last event&apos;s (number {last}).</translation>
    </message>
    <message>
        <source>Tên đăng nhập hoặc mật khẩu không đúng.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Người dùng hệ thống không có mật khẩu để đổi.</source>
        <translation>The system user has no password to change.</translation>
    </message>
    <message>
        <source>Mật khẩu mới phải khác mật khẩu hiện tại.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại không đúng.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>Người dùng hệ thống không có mật khẩu để mở khóa.</source>
        <translation>The system user has no password to unlock with.</translation>
    </message>
    <message>
        <source>Đơn vị không tiếp nhận thủ tục {procedure_code} (đã tắt trong danh mục của đơn vị).</source>
        <translation>The office does not receive procedure {procedure_code} (switched off in the office&apos;s catalogue).</translation>
    </message>
    <message>
        <source>bật, tắt thủ tục của đơn vị</source>
        <translation>switch the office&apos;s procedures on or off</translation>
    </message>
    <message>
        <source>Thời hạn rút ngắn phải là một thời hạn cụ thể.</source>
        <translation>The shorter term must be a definite term.</translation>
    </message>
    <message>
        <source>Thời hạn rút ngắn phải cùng đơn vị với thời hạn theo quy định ({legal}).</source>
        <translation>The shorter term must use the same unit as the legal term ({legal}).</translation>
    </message>
    <message>
        <source>Thời hạn rút ngắn ({shorter}) dài hơn thời hạn theo quy định ({legal}).</source>
        <translation>The shorter term ({shorter}) is longer than the legal term ({legal}).</translation>
    </message>
    <message>
        <source>đặt thời hạn rút ngắn</source>
        <translation>set a shorter term</translation>
    </message>
    <message>
        <source>Không có đơn vị mã «{unit_code}».</source>
        <translation>No unit with the code «{unit_code}».</translation>
    </message>
    <message>
        <source>gán đơn vị xử lý thủ tục</source>
        <translation>assign the processing unit of a procedure</translation>
    </message>
    <message>
        <source>Đã có đơn vị mã định danh «{code}».</source>
        <translation>An office with the identifier code «{code}» already exists.</translation>
    </message>
    <message>
        <source>thiết lập đơn vị</source>
        <translation>set up the office</translation>
    </message>
    <message>
        <source>sửa thông tin đơn vị</source>
        <translation>edit the office&apos;s details</translation>
    </message>
    <message>
        <source>Không đổi mã định danh «{identifier_code}» khi sửa thông tin đơn vị: mã mới bắt đầu một dãy mã hồ sơ mới. Hãy dùng lệnh riêng «counter-cli office change-code MÃ_MỚI --yes».</source>
        <translation>The identifier code «{identifier_code}» is not changed when editing the office&apos;s details: a new code starts a new series of dossier codes. Use the separate command «counter-cli office change-code NEW_CODE --yes».</translation>
    </message>
    <message>
        <source>Không có thông tin đơn vị «{names}».</source>
        <translation>Unknown office details «{names}».</translation>
    </message>
    <message>
        <source>đổi mã định danh của đơn vị</source>
        <translation>change the office&apos;s identifier code</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu này là của đơn vị mã định danh «{code}», tệp thiết lập ghi «{written}». Thiết lập không đổi mã định danh (mã hồ sơ đã cấp bắt đầu bằng nó): nếu thật sự cần đổi, dùng «counter-cli office change-code MÃ_MỚI --yes»; nếu không, sửa mã trong tệp cho đúng.</source>
        <translation>This database belongs to the office with the identifier code «{code}», the set-up file says «{written}». Set-up does not change the identifier code (the dossier codes issued start with it): if it really must change, use «counter-cli office change-code NEW_CODE --yes»; if not, correct the code in the file.</translation>
    </message>
    <message>
        <source> và {count} mã khác</source>
        <translation> and {count} more</translation>
    </message>
    <message>
        <source>Không có trong danh mục {count} mã thủ tục: {named}{more}. Chưa ghi gì; hãy sửa danh sách «procedures» hoặc thêm tệp danh mục có các thủ tục này («catalog_files»).</source>
        <translation>{count} procedure codes are not in the catalogue: {named}{more}. Nothing was written; correct the «procedures» list or add a catalogue file holding these procedures («catalog_files»).</translation>
    </message>
    <message>
        <source>Chưa có đơn vị tiếp nhận nào. Hãy chạy «counter-cli init» hoặc «demo».</source>
        <translation>There is no receiving office yet. Run «counter-cli init» or «demo».</translation>
    </message>
    <message>
        <source>Tên đơn vị không được để trống.</source>
        <translation>The office name must not be empty.</translation>
    </message>
    <message>
        <source>Mã định danh «{identifier_code}» không hợp lệ (ví dụ: 000.17.22.H56).</source>
        <translation>The identifier code «{identifier_code}» is not valid (e.g. 000.17.22.H56).</translation>
    </message>
    <message>
        <source>Cách tính thời hạn phải là «hours» hoặc «days».</source>
        <translation>The term calculation must be «hours» or «days».</translation>
    </message>
    <message>
        <source>Đã có đơn vị mã định danh «{identifier_code}».</source>
        <translation>An office with the identifier code «{identifier_code}» already exists.</translation>
    </message>
    <message>
        <source>{terms} hoặc {term}</source>
        <translation>{terms} or {term}</translation>
    </message>
    <message>
        <source>Vui lòng ghi rõ lý do {what}.</source>
        <translation>Please state the reason to {what}.</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>The reason</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>The note</translation>
    </message>
    <message>
        <source>Đơn vị «{name}» ({code}) đã ngừng tiếp nhận hồ sơ chuyển đến.</source>
        <translation>The unit «{name}» ({code}) no longer accepts transferred dossiers.</translation>
    </message>
    <message>
        <source>chuyển hồ sơ</source>
        <translation>transfer dossiers</translation>
    </message>
    <message>
        <source>bắt đầu giải quyết</source>
        <translation>start processing</translation>
    </message>
    <message>
        <source>yêu cầu bổ sung</source>
        <translation>request a supplement</translation>
    </message>
    <message>
        <source>nhận bổ sung</source>
        <translation>receive a supplement</translation>
    </message>
    <message>
        <source>Vui lòng ghi rõ khoản phải nộp (phí, lệ phí, thuế…) và số tiền.</source>
        <translation>Please state what must be paid (fees, charges, taxes…) and the amount.</translation>
    </message>
    <message>
        <source>Khoản phải nộp</source>
        <translation>The amount due</translation>
    </message>
    <message>
        <source>chuyển chờ nghĩa vụ tài chính</source>
        <translation>set to awaiting payment</translation>
    </message>
    <message>
        <source>xác nhận nghĩa vụ tài chính</source>
        <translation>confirm payment</translation>
    </message>
    <message>
        <source>cập nhật kết quả</source>
        <translation>record the result</translation>
    </message>
    <message>
        <source>Hình thức trả phải là tại quầy hoặc qua bưu chính.</source>
        <translation>The result must be handed over at the counter or sent by post.</translation>
    </message>
    <message>
        <source>Vui lòng nhập mã bưu gửi khi trả kết quả qua bưu chính.</source>
        <translation>Please enter the postal item code when the result is sent by post.</translation>
    </message>
    <message>
        <source>Mức hài lòng phải từ 1 (Rất hài lòng) đến 5.</source>
        <translation>The satisfaction level must be from 1 (very satisfied) to 5.</translation>
    </message>
    <message>
        <source>Người nhận thay phải có số giấy tờ tùy thân.</source>
        <translation>A person collecting on someone&apos;s behalf must give an ID number.</translation>
    </message>
    <message>
        <source>Họ tên người nhận</source>
        <translation>The receiver&apos;s name</translation>
    </message>
    <message>
        <source>Quan hệ với người nộp</source>
        <translation>The relation to the applicant</translation>
    </message>
    <message>
        <source>Mã bưu gửi</source>
        <translation>The postal item code</translation>
    </message>
    <message>
        <source>Quá nhiều lý do chưa hài lòng ({count}, tối đa {limit}).</source>
        <translation>Too many reasons for dissatisfaction ({count}, at most {limit}).</translation>
    </message>
    <message>
        <source>Lý do chưa hài lòng</source>
        <translation>A reason for dissatisfaction</translation>
    </message>
    <message>
        <source>trả kết quả</source>
        <translation>return the result</translation>
    </message>
    <message>
        <source>rút hồ sơ</source>
        <translation>withdraw the dossier</translation>
    </message>
    <message>
        <source>dừng giải quyết</source>
        <translation>stop processing</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý</source>
        <translation>The legal basis</translation>
    </message>
    <message>
        <source>chậm trả kết quả</source>
        <translation>delay the result</translation>
    </message>
    <message>
        <source>Thời điểm hẹn mới phải có múi giờ.</source>
        <translation>The new appointment must have a time zone.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới {day:%d/%m/%Y} là ngày nghỉ ({reason}); hãy chọn một ngày làm việc.</source>
        <translation>The new appointment {day:%d/%m/%Y} is a day off ({reason}); choose a working day.</translation>
    </message>
    <message>
        <source>Hồ sơ đã gia hạn một lần; lần tiếp theo phải do lãnh đạo thực hiện.</source>
        <translation>The dossier was already extended once; a further extension must be made by a supervisor.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới phải sau ngày hẹn hiện tại.</source>
        <translation>The new appointment must be after the current one.</translation>
    </message>
    <message>
        <source>Ngày hẹn mới phải ở tương lai.</source>
        <translation>The new appointment must be in the future.</translation>
    </message>
    <message>
        <source>xin lỗi, hẹn lại</source>
        <translation>apologise and set a new date</translation>
    </message>
    <message>
        <source>hủy hồ sơ</source>
        <translation>cancel the dossier</translation>
    </message>
    <message>
        <source>Kênh nộp «{channel}» không hợp lệ.</source>
        <translation>Invalid submission channel «{channel}».</translation>
    </message>
    <message>
        <source>Thủ tục {procedure_code} không có trường hợp số {case_no}.</source>
        <translation>Procedure {procedure_code} has no case number {case_no}.</translation>
    </message>
    <message>
        <source>Giấy tờ số {unknown} không có trong danh sách giấy tờ nộp hoặc xuất trình.</source>
        <translation>Documents number {unknown} are not in the list of documents to submit or show.</translation>
    </message>
    <message>
        <source>tiếp nhận hồ sơ</source>
        <translation>receive dossiers</translation>
    </message>
    <message>
        <source>Hình thức nhận kết quả phải là tại quầy hoặc qua bưu chính.</source>
        <translation>The result must be collected at the counter or sent by post.</translation>
    </message>
    <message>
        <source>Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.</source>
        <translation>Please enter the address to send the result to by post.</translation>
    </message>
    <message>
        <source>Địa chỉ nhận kết quả</source>
        <translation>The address for the result</translation>
    </message>
    <message>
        <source>Mã yêu cầu</source>
        <translation>The request key</translation>
    </message>
    <message>
        <source>Hồ sơ còn thiếu {count} giấy tờ bắt buộc: {names}. Hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</source>
        <translation>The dossier lacks {count} required document(s): {names}. Issue a supplement request slip to complete the dossier.</translation>
    </message>
    <message>
        <source>Mã yêu cầu «{key}» đã dùng cho hồ sơ {code} với nội dung khác: không tiếp nhận lại. Mỗi hồ sơ mới cần một mã yêu cầu mới.</source>
        <translation>The request key «{key}» was used for dossier {code} with a different content: not received again. Every new dossier needs a new request key.</translation>
    </message>
    <message>
        <source>yêu cầu bổ sung hồ sơ</source>
        <translation>request a supplement to a dossier</translation>
    </message>
    <message>
        <source>Nội dung cần bổ sung</source>
        <translation>What must be added</translation>
    </message>
    <message>
        <source>Hồ sơ đã đủ giấy tờ bắt buộc; hãy ghi rõ nội dung cần bổ sung, hoàn thiện.</source>
        <translation>The dossier has every required document; state what must be added or completed.</translation>
    </message>
    <message>
        <source>từ chối tiếp nhận hồ sơ</source>
        <translation>refuse a dossier</translation>
    </message>
    <message>
        <source>Vui lòng ghi rõ lý do từ chối tiếp nhận.</source>
        <translation>Please state the reason for refusing the dossier.</translation>
    </message>
    <message>
        <source>Lý do từ chối</source>
        <translation>The reason for refusal</translation>
    </message>
    <message>
        <source>ghi nhận hướng dẫn</source>
        <translation>record guidance</translation>
    </message>
    <message>
        <source>Chưa nhập số CCCD.</source>
        <translation>No CCCD number entered.</translation>
    </message>
    <message>
        <source>Bản sao lưu {name} đạt kiểm tra: {dossiers} hồ sơ, {events} sự kiện, hồ sơ cuối {code}.</source>
        <translation>The backup {name} passed its check: {dossiers} dossiers, {events} events, last dossier {code}.</translation>
    </message>
    <message>
        <source>Bản sao lưu {name} đạt kiểm tra: {dossiers} hồ sơ, {events} sự kiện.</source>
        <translation>The backup {name} passed its check: {dossiers} dossiers, {events} events.</translation>
    </message>
    <message>
        <source>Chưa có cơ sở dữ liệu hiện tại: không mất gì.</source>
        <translation>There is no current database yet: nothing is lost.</translation>
    </message>
    <message>
        <source>Không đọc được cơ sở dữ liệu hiện tại (có thể đã hỏng) nên không đếm được số hồ sơ mới hơn bản sao lưu; tệp hiện tại sẽ được để riêng, không bị xóa.</source>
        <translation>The current database cannot be read (it may be damaged), so the dossiers newer than the backup cannot be counted; the current file will be set aside, not deleted.</translation>
    </message>
    <message>
        <source>Sẽ mất {dossiers} hồ sơ và {events} sự kiện mới hơn bản sao lưu (cơ sở dữ liệu hiện tại được để riêng, không bị xóa).</source>
        <translation>{dossiers} dossiers and {events} events newer than the backup will be lost (the current database is set aside, not deleted).</translation>
    </message>
    <message>
        <source>«{text}» là một thư mục, không phải tệp sao lưu.</source>
        <translation>«{text}» is a folder, not a backup file.</translation>
    </message>
    <message>
        <source>Không có tệp sao lưu «{text}». Xem danh sách bằng «counter-cli backup list».</source>
        <translation>There is no backup file «{text}». List them with «counter-cli backup list».</translation>
    </message>
    <message>
        <source>Không có tệp sao lưu {source}.</source>
        <translation>There is no backup file {source}.</translation>
    </message>
    <message>
        <source>Tệp {source} chính là cơ sở dữ liệu đang dùng: hãy chọn một bản sao lưu.</source>
        <translation>The file {source} is the database in use: choose a backup.</translation>
    </message>
    <message>
        <source>Tệp {source} không phải là cơ sở dữ liệu SQLite (hoặc đã hỏng): không khôi phục.</source>
        <translation>The file {source} is not an SQLite database (or it is damaged): not restored.</translation>
    </message>
    <message>
        <source>khôi phục</source>
        <translation>restore</translation>
    </message>
    <message>
        <source>Không khôi phục được vào {folder}: {reason}.</source>
        <translation>Cannot restore into {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Không khôi phục từ {name}: {problem} Chưa thay đổi gì ({count} vấn đề).</source>
        <translation>Not restored from {name}: {problem} Nothing was changed ({count} problem(s)).</translation>
    </message>
    <message>
        <source>Không thay được cơ sở dữ liệu {db_file}: {reason}. Chưa thay đổi gì.</source>
        <translation>Cannot replace the database {db_file}: {reason}. Nothing was changed.</translation>
    </message>
    <message>
        <source>Không chuẩn bị được bản sao lưu để khôi phục: {error}. Chưa thay đổi gì.</source>
        <translation>The backup could not be prepared for the restore: {error}. Nothing has changed.</translation>
    </message>
    <message>
        <source>Tệp {source} không chứa một cơ sở dữ liệu SQLite: không khôi phục.</source>
        <translation>The file {source} does not hold an SQLite database: not restored.</translation>
    </message>
    <message>
        <source>Không đọc được tệp sao lưu {source}: {reason}. Chưa thay đổi gì.</source>
        <translation>Cannot read the backup file {source}: {reason}. Nothing was changed.</translation>
    </message>
    <message>
        <source>Tệp {source} không đọc được như cơ sở dữ liệu ({error}): không khôi phục.</source>
        <translation>The file {source} cannot be read as a database ({error}): not restored.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {db_file} đang được dùng (phần mềm counter_app đang mở trên máy này, hoặc một lệnh khác đang chạy). Hãy đóng chúng rồi khôi phục lại. Chưa thay đổi gì.</source>
        <translation>The database {db_file} is in use (counter_app is open on this computer, or another command is running). Close them, then restore again. Nothing was changed.</translation>
    </message>
    <message>
        <source>Quá nhiều tệp để riêng trùng tên trong {folder}.</source>
        <translation>Too many set-aside files with the same name in {folder}.</translation>
    </message>
    <message>
        <source>Không thấy tệp dữ liệu {file} (đã bị xóa hoặc di chuyển?).</source>
        <translation>The data file {file} is not there (deleted or moved?).</translation>
    </message>
    <message>
        <source>Không đọc được tệp dữ liệu {file}: {reason}.</source>
        <translation>The data file {file} cannot be read: {reason}.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {file} rỗng (0 byte).</source>
        <translation>The data file {file} is empty (0 bytes).</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {file} không phải là cơ sở dữ liệu SQLite hoặc đã hỏng phần đầu.</source>
        <translation>The data file {file} is not an SQLite database, or its header is damaged.</translation>
    </message>
    <message>
        <source>Không mở được tệp dữ liệu {file} ({error}).</source>
        <translation>The data file {file} cannot be opened ({error}).</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {file} {problem}.</source>
        <translation>The data file {file} {problem}.</translation>
    </message>
    <message>
        <source>Tệp dữ liệu {file} {problem} (bảng phiên bản lược đồ bị mất).</source>
        <translation>The data file {file} {problem} (the schema version table is lost).</translation>
    </message>
    <message>
        <source>xem báo cáo</source>
        <translation>view reports</translation>
    </message>
    <message>
        <source>Ngày báo cáo</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>{what} phải là một ngày (không kèm giờ), nhận được {value!r}.</source>
        <translation>{what} must be a date (without a time), got {value!r}.</translation>
    </message>
    <message>
        <source>Ngày bắt đầu</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Ngày kết thúc</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Khoảng thời gian không hợp lệ: ngày bắt đầu {first:%d/%m/%Y} sau ngày kết thúc {last:%d/%m/%Y}.</source>
        <translation>Invalid period: the start date {first:%d/%m/%Y} is after the end date {last:%d/%m/%Y}.</translation>
    </message>
    <message>
        <source>Không tìm thấy {what} «{value}».</source>
        <translation>No {what} «{value}» found.</translation>
    </message>
    <message>
        <source>đơn vị tiếp nhận</source>
        <translation>receiving office</translation>
    </message>
    <message>
        <source>lĩnh vực</source>
        <translation>field</translation>
    </message>
    <message>
        <source>đơn vị giải quyết</source>
        <translation>processing unit</translation>
    </message>
    <message>
        <source>cán bộ</source>
        <translation>officer</translation>
    </message>
    <message>
        <source>Không có thủ tục mã «{code}».</source>
        <translation>No procedure with the code «{code}».</translation>
    </message>
    <message>
        <source>Hãy chọn cả ngày bắt đầu và ngày kết thúc.</source>
        <translation>Choose both a start date and an end date.</translation>
    </message>
    <message>
        <source>Không có đơn vị tiếp nhận mã «{code}».</source>
        <translation>No receiving office with the code «{code}».</translation>
    </message>
    <message>
        <source>Không có loại báo cáo «{kind}».</source>
        <translation>No report of kind «{kind}».</translation>
    </message>
    <message>
        <source>Báo cáo này chỉ xuất ra {allowed}.</source>
        <translation>This report can only be exported as {allowed}.</translation>
    </message>
    <message>
        <source>Số ngày làm việc sắp đến hạn phải từ 0 đến 60.</source>
        <translation>The number of working days before the due date must be from 0 to 60.</translation>
    </message>
    <message>
        <source>Số liệu theo ngày chỉ lập cho tối đa 366 ngày.</source>
        <translation>Daily figures cover at most 366 days.</translation>
    </message>
    <message>
        <source>Thời điểm xét</source>
        <translation>Judged at</translation>
    </message>
    <message>
        <source>Báo cáo chỉ lập theo lĩnh vực («field») hoặc theo đơn vị («unit»).</source>
        <translation>Reports are broken down by field («field») or by unit («unit») only.</translation>
    </message>
    <message>
        <source>Cấp đơn vị «{level}» không hợp lệ (dùng: {names}).</source>
        <translation>Invalid office level «{level}» (use: {names}).</translation>
    </message>
    <message>
        <source>Phải có ít nhất một buổi làm việc trong tuần.</source>
        <translation>There must be at least one working session in the week.</translation>
    </message>
    <message>
        <source>Thứ trong tuần «{day}» không hợp lệ (0 = Thứ Hai … 6 = Chủ nhật).</source>
        <translation>Invalid weekday «{day}» (0 = Monday … 6 = Sunday).</translation>
    </message>
    <message>
        <source>{weekday}: giờ «{value}» không hợp lệ (viết dạng 07:30).</source>
        <translation>{weekday}: the time «{value}» is not valid (write it as 07:30).</translation>
    </message>
    <message>
        <source>{weekday}: buổi {start}–{end} phải bắt đầu trước khi kết thúc.</source>
        <translation>{weekday}: the session {start}–{end} must start before it ends.</translation>
    </message>
    <message>
        <source>{weekday}: các buổi làm việc chồng lên nhau hoặc không theo thứ tự.</source>
        <translation>{weekday}: the working sessions overlap or are out of order.</translation>
    </message>
    <message>
        <source>{label} có ký tự không in được ({bad}).</source>
        <translation>{label} contains a character that cannot be printed ({bad}).</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Mã định danh</source>
        <translation>Identifier code</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản</source>
        <translation>Governing body</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Đường dây nóng</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Họ tên người ký</source>
        <translation>Signatory&apos;s full name</translation>
    </message>
    <message>
        <source>Chức vụ người ký</source>
        <translation>Signatory&apos;s position</translation>
    </message>
    <message>
        <source>Mã định danh «{identifier_code}» không hợp lệ: chữ in hoa và số, các phần cách nhau bởi dấu chấm (ví dụ 000.17.22.H56).</source>
        <translation>The identifier code «{identifier_code}» is not valid: capital letters and digits, in parts separated by dots (e.g. 000.17.22.H56).</translation>
    </message>
    <message>
        <source>Tỉnh, thành phố «{province}» không có trong 34 tỉnh, thành phố.</source>
        <translation>The province or city «{province}» is not one of the 34 provinces and cities.</translation>
    </message>
    <message>
        <source>Địa danh (ghi trước «, ngày … tháng … năm …») không được để trống.</source>
        <translation>The place name (written before «, ngay … thang … nam …») must not be empty.</translation>
    </message>
    <message>
        <source>Số điện thoại đường dây nóng «{hotline}» không hợp lệ.</source>
        <translation>The hotline number «{hotline}» is not valid.</translation>
    </message>
    <message>
        <source>Địa chỉ thư điện tử «{email}» không hợp lệ.</source>
        <translation>The email address «{email}» is not valid.</translation>
    </message>
    <message>
        <source>Tên cơ quan chủ quản</source>
        <translation>Name of the governing body</translation>
    </message>
    <message>
        <source>Địa chỉ thư điện tử</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>Chức danh người ký</source>
        <translation>Signatory&apos;s title</translation>
    </message>
    <message>
        <source>{label} dài quá {limit} ký tự.</source>
        <translation>{label} is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>Tên của đơn vị «{code}»</source>
        <translation>Name of the unit «{code}»</translation>
    </message>
    <message>
        <source>Mã đơn vị «{code}» không hợp lệ (chữ, số, dấu chấm, gạch; không dấu cách).</source>
        <translation>The unit code «{code}» is not valid (letters, digits, dots, hyphens; no spaces).</translation>
    </message>
    <message>
        <source>Tên của đơn vị «{code}» không được để trống.</source>
        <translation>The name of the unit «{code}» must not be empty.</translation>
    </message>
    <message>
        <source>Vai trò «{role}» của «{username}» không hợp lệ (dùng: {choices}).</source>
        <translation>The role «{role}» of «{username}» is not valid (use: {choices}).</translation>
    </message>
    <message>
        <source>Mật khẩu của «{name}»: {problem}</source>
        <translation>Password of «{name}»: {problem}</translation>
    </message>
    <message>
        <source>Mã đơn vị «{code}» bị lặp lại.</source>
        <translation>The unit code «{code}» is repeated.</translation>
    </message>
    <message>
        <source>Danh sách thủ tục có một mã để trống.</source>
        <translation>The procedure list has an empty code.</translation>
    </message>
    <message>
        <source>Tên đăng nhập «{username}» bị lặp lại.</source>
        <translation>The username «{username}» is repeated.</translation>
    </message>
    <message>
        <source>Phải có ít nhất một người dùng vai trò quản trị (admin).</source>
        <translation>There must be at least one user with the administrator role (admin).</translation>
    </message>
    <message>
        <source>Danh sách tệp danh mục có một đường dẫn để trống.</source>
        <translation>The list of catalogue files has an empty path.</translation>
    </message>
    <message>
        <source>«{where}» phải là chuỗi ký tự (đặt trong dấu nháy kép).</source>
        <translation>«{where}» must be a string (in double quotes).</translation>
    </message>
    <message>
        <source>«{where}» phải là một danh sách [ … ].</source>
        <translation>«{where}» must be a list [ … ].</translation>
    </message>
    <message>
        <source>«{where}» phải là một đối tượng JSON {{ … }}.</source>
        <translation>«{where}» must be a JSON object {{ … }}.</translation>
    </message>
    <message>
        <source>«{where}» có khóa không biết: {unknown} (dùng: {allowed}).</source>
        <translation>«{where}» has unknown keys: {unknown} (use: {allowed}).</translation>
    </message>
    <message>
        <source>«{where}» thiếu «{key}».</source>
        <translation>«{where}» lacks «{key}».</translation>
    </message>
    <message>
        <source>«sessions» có khóa không biết: «{key}» (dùng 0 = Thứ Hai … 6 = Chủ nhật, hoặc tên thứ).</source>
        <translation>«sessions» has an unknown key: «{key}» (use 0 = Monday … 6 = Sunday, or the weekday&apos;s Vietnamese name).</translation>
    </message>
    <message>
        <source>«sessions» phải là một đối tượng JSON { … }.</source>
        <translation>«sessions» must be a JSON object { … }.</translation>
    </message>
    <message>
        <source>«sessions»: {weekday} được ghi hai lần.</source>
        <translation>«sessions»: {weekday} is given twice.</translation>
    </message>
    <message>
        <source>«sessions.{key}»: mỗi buổi là [&quot;giờ bắt đầu&quot;, &quot;giờ kết thúc&quot;].</source>
        <translation>«sessions.{key}»: each session is [&quot;start time&quot;, &quot;end time&quot;].</translation>
    </message>
    <message>
        <source>Tệp thiết lập thiếu mục «office».</source>
        <translation>The set-up file lacks the «office» section.</translation>
    </message>
    <message>
        <source>«{where}.password» phải là chuỗi ký tự (đặt trong dấu nháy kép).</source>
        <translation>«{where}.password» must be a string (in double quotes).</translation>
    </message>
    <message>
        <source>Không ghi được phiếu vào {folder}: {reason}.</source>
        <translation>Cannot save the slip in {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Quá nhiều phiếu trùng tên {name} trong {folder}.</source>
        <translation>Too many slips named {name} in {folder}.</translation>
    </message>
    <message>
        <source>Sổ theo dõi hồ sơ cần một khoảng ngày (từ ngày, đến ngày).</source>
        <translation>The dossier register needs a date range (from, to).</translation>
    </message>
    <message>
        <source>Khoảng ngày không hợp lệ: từ ngày {start:%d/%m/%Y} sau đến ngày {end:%d/%m/%Y}.</source>
        <translation>Invalid date range: the start {start:%d/%m/%Y} is after the end {end:%d/%m/%Y}.</translation>
    </message>
    <message>
        <source>Mỗi lần in sổ theo dõi tối đa một năm (366 ngày).</source>
        <translation>The dossier register covers at most one year (366 days) per printing.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa được tiếp nhận (trạng thái «{status}»): không có phiếu kiểm soát.</source>
        <translation>Dossier {code} was not received (status «{status}»): it has no control slip.</translation>
    </message>
    <message>
        <source>Danh sách bàn giao cần mã đơn vị nhận và các mã hồ sơ.</source>
        <translation>The hand-over list needs the receiving unit&apos;s code and the dossier codes.</translation>
    </message>
    <message>
        <source>Chưa có mã hồ sơ nào để bàn giao.</source>
        <translation>No dossier code to hand over yet.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} đang ở trạng thái «{status}», không bàn giao được.</source>
        <translation>Dossier {code} is «{status}»: it cannot be handed over.</translation>
    </message>
    <message>
        <source>Cần một mã hồ sơ.</source>
        <translation>A dossier code is needed.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không được tiếp nhận (không có giấy tiếp nhận).</source>
        <translation>Dossier {code} was not received (it has no receipt).</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không bị từ chối tiếp nhận (trạng thái «{status}»).</source>
        <translation>Dossier {code} was not refused (status «{status}»).</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không có sự kiện từ chối tiếp nhận.</source>
        <translation>Dossier {code} has no refusal event.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa có văn bản xin lỗi, hẹn lại ngày trả kết quả.</source>
        <translation>Dossier {code} has no apology letter setting a new return date yet.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không bị dừng giải quyết (trạng thái «{status}»).</source>
        <translation>Dossier {code} was not stopped (status «{status}»).</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không có sự kiện dừng giải quyết.</source>
        <translation>Dossier {code} has no stop event.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa trả kết quả (trạng thái «{status}»).</source>
        <translation>Dossier {code} has not had its result returned (status «{status}»).</translation>
    </message>
    <message>
        <source>Hồ sơ {code} không có sự kiện trả kết quả.</source>
        <translation>Dossier {code} has no result hand-over event.</translation>
    </message>
    <message>
        <source>Hồ sơ {code} chưa có yêu cầu bổ sung hồ sơ.</source>
        <translation>Dossier {code} has no supplement request yet.</translation>
    </message>
    <message>
        <source>«{key}» không phải mã hồ sơ hay mã phiếu yêu cầu bổ sung khi tiếp nhận.</source>
        <translation>«{key}» is neither a dossier code nor the code of an intake supplement request slip.</translation>
    </message>
    <message>
        <source>Không tìm thấy yêu cầu bổ sung khi tiếp nhận mã «{intake_id}».</source>
        <translation>No intake supplement request with the code «{intake_id}».</translation>
    </message>
    <message>
        <source>Phiếu hướng dẫn cần mã thủ tục.</source>
        <translation>A guidance slip needs a procedure code.</translation>
    </message>
    <message>
        <source>Số trường hợp phải từ 1.</source>
        <translation>The case number must be 1 or more.</translation>
    </message>
    <message>
        <source>Thủ tục {procedure_code} không có trường hợp số {case_no} (có {count} trường hợp).</source>
        <translation>Procedure {procedure_code} has no case number {case_no} (it has {count} case(s)).</translation>
    </message>
    <message>
        <source>«{text}» không phải mã hồ sơ hay mã phiếu yêu cầu bổ sung khi tiếp nhận.</source>
        <translation>«{text}» is neither a dossier code nor the code of an intake supplement request slip.</translation>
    </message>
    <message>
        <source>Không có loại phiếu «{kind}»; các loại: {names}.</source>
        <translation>No slip of kind «{kind}»; the kinds are: {names}.</translation>
    </message>
    <message>
        <source>{slip} không in được khổ «{layout}»; chọn: {names}.</source>
        <translation>{slip} cannot be printed on «{layout}» paper; choose: {names}.</translation>
    </message>
    <message>
        <source>in phiếu</source>
        <translation>print slips</translation>
    </message>
    <message>
        <source>{slip} của «{key}» (khổ {layout}) chưa được in lần nào.</source>
        <translation>{slip} for «{key}» ({layout} paper) has never been printed.</translation>
    </message>
    <message>
        <source>Khoảng ngày tiếp nhận không hợp lệ: «từ ngày» sau «đến ngày».</source>
        <translation>Invalid receipt date range: «from» is after «to».</translation>
    </message>
    <message>
        <source>Bộ lọc hạn «{due}» không hợp lệ.</source>
        <translation>Invalid due-date filter «{due}».</translation>
    </message>
    <message>
        <source>Không có đơn vị xử lý mã «{code}».</source>
        <translation>No processing unit with the code «{code}».</translation>
    </message>
    <message>
        <source>quản lý đơn vị xử lý</source>
        <translation>manage processing units</translation>
    </message>
    <message>
        <source>Đã có đơn vị mã «{code}»: «{name}». Để đổi tên, dùng «counter-cli unit rename {code} --name …».</source>
        <translation>A unit with the code «{code}» already exists: «{name}». To rename it, use «counter-cli unit rename {code} --name …».</translation>
    </message>
    <message>
        <source>Không có đơn vị xử lý này.</source>
        <translation>No such processing unit.</translation>
    </message>
    <message>
        <source>Không có người dùng «{username}».</source>
        <translation>No user «{username}».</translation>
    </message>
    <message>
        <source>Không có vai trò «{value}» (dùng: {choices}).</source>
        <translation>No role «{value}» (use: {choices}).</translation>
    </message>
    <message>
        <source>Không thể {what} «{username}»: đây là quản trị viên cuối cùng còn hoạt động. Hãy thêm (hoặc kích hoạt lại) một quản trị viên khác trước.</source>
        <translation>Cannot {what} «{username}»: this is the last active administrator. Add (or re-activate) another administrator first.</translation>
    </message>
    <message>
        <source>quản lý người dùng</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>Tên đăng nhập «{name}» đã có.</source>
        <translation>The username «{name}» is already taken.</translation>
    </message>
    <message>
        <source>Không có gì để sửa: hãy cho họ tên mới hoặc vai trò mới.</source>
        <translation>Nothing to change: give a new full name or a new role.</translation>
    </message>
    <message>
        <source>đổi vai trò của</source>
        <translation>change the role of</translation>
    </message>
    <message>
        <source>vô hiệu hóa</source>
        <translation>disable</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>(Chưa có lĩnh vực)</source>
        <translation>(No field yet)</translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
