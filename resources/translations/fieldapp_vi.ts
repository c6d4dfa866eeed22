<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/errors.py" line="58"/>
        <source>Not permitted</source>
        <translation>Không được phép</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65"/>
        <source>Details for the technician were saved (without personal data) in {file}.</source>
        <translation>Chi tiết cho kỹ thuật viên đã được lưu (không có dữ liệu cá nhân) tại {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="69"/>
        <source>The details could not be saved.</source>
        <translation>Không lưu được chi tiết lỗi.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75"/>
        <source>An error occurred; the operation was not completed. Your data is unchanged.</source>
        <translation>Đã xảy ra lỗi; thao tác chưa hoàn tất. Dữ liệu của bạn không bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="112"/>
        <source>The backup was put back. Please start fieldapp again.</source>
        <translation>Đã khôi phục bản sao lưu. Hãy mở lại fieldapp.</translation>
    </message>
</context>
<context>
    <name>AccountBox</name>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="86"/>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="89"/>
        <source>Nobody is signed in.</source>
        <translation>Chưa có ai đăng nhập.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="91"/>
        <source>No accounts on this computer yet (single user).</source>
        <translation>Máy này chưa có tài khoản (một người dùng).</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="94"/>
        <source>Signed in as {name}, {role}.</source>
        <translation>Đang đăng nhập: {name}, {role}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="98"/>
        <source>Change my &amp;password…</source>
        <translation>Đổi &amp;mật khẩu của tôi…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="99"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Quản lý tài khoản…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="100"/>
        <source>Change &amp;log…</source>
        <translation>&amp;Nhật ký thay đổi…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="101"/>
        <source>&amp;Lock the window now</source>
        <translation>&amp;Khóa cửa sổ ngay</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="102"/>
        <source>Sign &amp;out / switch user</source>
        <translation>Đăng &amp;xuất / đổi người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="103"/>
        <source>Lock after idle minutes (0: never)</source>
        <translation>Tự khóa sau số phút không dùng (0: không khóa)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="109"/>
        <source>Your password is changed.</source>
        <translation>Đã đổi mật khẩu.</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../ui/accounts.py" line="42"/>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="43"/>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="44"/>
        <source>Shift leader</source>
        <translation>Trưởng ca trực</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="45"/>
        <source>Viewer</source>
        <translation>Chỉ xem</translation>
    </message>
</context>
<context>
    <name>AdminSetupDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="134"/>
        <source>Administrator account</source>
        <translation>Tài khoản quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="137"/>
        <source>Create the administrator account of this computer. The data holds citizen IDs, phone numbers and health status: every change is recorded with the name of who made it. The administrator can then add an account for each official.</source>
        <translation>Tạo tài khoản quản trị của máy này. Dữ liệu có số CCCD, số điện thoại và tình trạng sức khỏe của người dân: mọi thay đổi đều được ghi lại cùng tên người thực hiện. Sau đó người quản trị tạo tài khoản cho từng cán bộ.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="146"/>
        <source>&amp;User name</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="147"/>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="148"/>
        <source>&amp;Password (8 characters or more)</source>
        <translation>&amp;Mật khẩu (từ 8 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="149"/>
        <source>&amp;Repeat the password</source>
        <translation>&amp;Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="150"/>
        <source>&amp;Create</source>
        <translation>&amp;Tạo</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="155"/>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="64"/>
        <source>Nothing was written. Data folder: {folder}</source>
        <translation>Không có gì bị ghi. Thư mục dữ liệu: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="82"/>
        <source>Put back the newest good backup, from {when}? Changes made after it are lost; the damaged file is kept aside in the backups folder.</source>
        <translation>Khôi phục bản sao lưu tốt gần nhất, lúc {when}? Các thay đổi sau thời điểm đó sẽ mất; tệp hỏng được giữ lại trong thư mục backups.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/audit_dialog.py" line="47"/>
        <source>Change log</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="52"/>
        <source>All tables</source>
        <translation>Mọi bảng</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="58"/>
        <source>user name</source>
        <translation>tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="60"/>
        <source>All actions</source>
        <translation>Mọi thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="68"/>
        <source>&amp;Show</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="70"/>
        <source>&amp;Check the log</source>
        <translation>&amp;Kiểm tra nhật ký</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="73"/>
        <location filename="../../ui/audit_dialog.py" line="94"/>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="75"/>
        <location filename="../../ui/audit_dialog.py" line="92"/>
        <source>By</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="78"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="80"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="91"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="93"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="95"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="96"/>
        <source>Changes</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="111"/>
        <source>created</source>
        <translation>thêm mới</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="112"/>
        <source>changed</source>
        <translation>sửa</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="113"/>
        <source>deleted</source>
        <translation>xóa</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="135"/>
        <source>(single user)</source>
        <translation>(một người dùng)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="151"/>
        <source>{count} entries shown, newest first.</source>
        <translation>{count} mục, mới nhất ở trên.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="158"/>
        <source>The log is whole: {count} entries, none changed or removed.</source>
        <translation>Nhật ký nguyên vẹn: {count} mục, không mục nào bị sửa hay xóa.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="166"/>
        <source>The log has been tampered with: entry {entry} was changed or removed outside the app.</source>
        <translation>Nhật ký đã bị can thiệp: mục số {entry} bị sửa hoặc xóa ngoài ứng dụng.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_dialog.py" line="172"/>
        <source>The log has been tampered with: {problems}.</source>
        <translation>Nhật ký đã bị can thiệp: {problems}.</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="178"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="183"/>
        <source>Newest backup: {when}. Backups are made every 30 minutes when something changed, and when the window closes.</source>
        <translation>Bản sao lưu gần nhất: {when}. Ứng dụng tự sao lưu 30 phút một lần khi có thay đổi, và khi đóng cửa sổ.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="188"/>
        <source>No backup yet. One is made when the window closes.</source>
        <translation>Chưa có bản sao lưu. Ứng dụng sẽ sao lưu khi đóng cửa sổ.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="189"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="190"/>
        <source>Back up to a &amp;USB stick…</source>
        <translation>Sao lưu ra &amp;USB…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="191"/>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="203"/>
        <source>Backed up to {file}</source>
        <translation>Đã sao lưu vào {file}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="208"/>
        <source>Choose the USB stick</source>
        <translation>Chọn ổ USB</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="215"/>
        <source>Choose a backup</source>
        <translation>Chọn bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="215"/>
        <source>fieldapp backups (*.sqlite3)</source>
        <translation>Bản sao lưu fieldapp (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="234"/>
        <source>Replace the current data with this backup? The current data is kept aside in the backups folder. The app closes afterwards; open it again.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu này? Dữ liệu hiện tại được giữ lại trong thư mục backups. Sau đó ứng dụng sẽ đóng; hãy mở lại.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="244"/>
        <source>This file is the data of ANOTHER office. Restore it all the same?</source>
        <translation>Tệp này là dữ liệu của ĐƠN VỊ KHÁC. Vẫn khôi phục?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="265"/>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/safety_box.py" line="275"/>
        <source>Restored. The previous data is kept at {file}.</source>
        <translation>Đã khôi phục. Dữ liệu trước đó được giữ tại {file}.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="165"/>
        <source>Change my password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="169"/>
        <source>&amp;Current password</source>
        <translation>Mật khẩu &amp;hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="170"/>
        <source>&amp;New password</source>
        <translation>Mật khẩu &amp;mới</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="171"/>
        <source>&amp;Repeat the new password</source>
        <translation>&amp;Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="175"/>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="31"/>
        <source>Welcome to fieldapp</source>
        <translation>Chào mừng đến với fieldapp</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="36"/>
        <source>This is the first start on this computer. Try the app with a demo commune, or start with an empty register for your own office: a commune, or a district or province that rolls up the reports of the units below it.</source>
        <translation>Đây là lần đầu chạy trên máy này. Hãy thử ứng dụng với xã mẫu, hoặc bắt đầu sổ trống cho cơ quan của mình: một xã, hoặc một huyện, tỉnh tổng hợp báo cáo của các đơn vị cấp dưới.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="44"/>
        <source>&amp;Empty register for my office</source>
        <translation>Sổ &amp;trống cho cơ quan của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="43"/>
        <source>&amp;Demo commune (sample data to try things out)</source>
        <translation>&amp;Xã mẫu (dữ liệu mẫu để dùng thử)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="60"/>
        <source>&amp;Start</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>Directives</source>
        <translation>Văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>Duty rosters</source>
        <translation>Lịch trực</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>Lockdown households</source>
        <translation>Hộ phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>fieldapp — epidemic prevention register</source>
        <translation>fieldapp — sổ theo dõi phòng, chống dịch</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Opening the data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>Data: {folder}</source>
        <translation>Dữ liệu: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>Signed in: {name} ({role}) · {data}</source>
        <translation>Đang dùng: {name} ({role}) · {data}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>Backed up to {file}</source>
        <translation>Đã sao lưu vào {file}</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/operations.py" line="207"/>
        <source>Working…</source>
        <translation>Đang thực hiện…</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="245"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="143"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="146"/>
        <source>The commune profile is not filled in yet.</source>
        <translation>Chưa nhập hồ sơ xã (vào Cài đặt).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="150"/>
        <source>Today: {date}</source>
        <translation>Hôm nay: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="152"/>
        <source>documents kept as they arrived</source>
        <translation>văn bản lưu nguyên bản gốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="155"/>
        <source>Use the menu on the left or Ctrl+1 … Ctrl+7 to move between pages. Everything is saved on this computer and works without internet.</source>
        <translation>Dùng danh mục bên trái hoặc Ctrl+1 … Ctrl+7 để chuyển trang. Mọi dữ liệu được lưu trên máy này và dùng được khi không có mạng.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/widgets/pdf_print.py" line="124"/>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="92"/>
        <source>This office is</source>
        <translation>Cơ quan này là</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="93"/>
        <source>Unit type</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="94"/>
        <source>Commune name *</source>
        <translation>Tên xã *</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="95"/>
        <source>District type</source>
        <translation>Loại đơn vị cấp huyện</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="96"/>
        <source>District name *</source>
        <translation>Tên huyện *</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="97"/>
        <source>Province name *</source>
        <translation>Tên tỉnh *</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="98"/>
        <source>Steering committee</source>
        <translation>Ban Chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="99"/>
        <source>Chairman</source>
        <translation>Chủ tịch</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="100"/>
        <source>Chairman&apos;s title</source>
        <translation>Chức danh Chủ tịch</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="101"/>
        <source>Signing on behalf of</source>
        <translation>Thẩm quyền ký (TM./KT.)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="102"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="103"/>
        <source>Usual signer</source>
        <translation>Người ký thường xuyên</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="104"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="105"/>
        <source>Place written in documents</source>
        <translation>Địa danh ghi trên văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="106"/>
        <source>Daily report due at</source>
        <translation>Giờ nộp báo cáo hằng ngày</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="108"/>
        <source>Daily reports of the districts due at</source>
        <translation>Giờ các huyện nộp báo cáo hằng ngày</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="113"/>
        <source>a commune (xã, phường, thị trấn)</source>
        <translation>cấp xã (xã, phường, thị trấn)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="114"/>
        <source>a district (huyện, quận, thị xã, thành phố)</source>
        <translation>cấp huyện (huyện, quận, thị xã, thành phố)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="115"/>
        <source>a province</source>
        <translation>cấp tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="123"/>
        <source>e.g. Bằng Lãng</source>
        <translation>ví dụ: Bằng Lãng</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="125"/>
        <source>e.g. Chợ Đồn</source>
        <translation>ví dụ: Chợ Đồn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="125"/>
        <source>e.g. Tuy Đức</source>
        <translation>ví dụ: Tuy Đức</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="127"/>
        <source>e.g. Bắc Kạn</source>
        <translation>ví dụ: Bắc Kạn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="129"/>
        <source>xã Bằng Lãng</source>
        <translation>xã Bằng Lãng</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="130"/>
        <source>huyện Tuy Đức</source>
        <translation>huyện Tuy Đức</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="131"/>
        <source>tỉnh Đắk Nông</source>
        <translation>tỉnh Đắk Nông</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="134"/>
        <source>e.g. Ban Chỉ đạo phòng, chống dịch Covid-19 {unit}</source>
        <translation>ví dụ: Ban Chỉ đạo phòng, chống dịch Covid-19 {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="137"/>
        <source>e.g. CHỦ TỊCH</source>
        <translation>ví dụ: CHỦ TỊCH</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="138"/>
        <source>empty: the office&apos;s own name</source>
        <translation>để trống: tên của chính cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="140"/>
        <source>The overview reminds you before this hour if today&apos;s report is not sent.</source>
        <translation>Trang Tổng quan nhắc trước giờ này nếu báo cáo hôm nay chưa gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="136"/>
        <source>e.g. TM. ỦY BAN NHÂN DÂN</source>
        <translation>ví dụ: TM. ỦY BAN NHÂN DÂN</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../../ui/safety.py" line="76"/>
        <source>Backing up the data…</source>
        <translation>Đang sao lưu dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="188"/>
        <source>Locked — sign in to go on.</source>
        <translation>Đã khóa — hãy đăng nhập để tiếp tục.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="123"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="124"/>
        <source>Commune profile (used in every report)</source>
        <translation>Hồ sơ xã (dùng trong mọi báo cáo)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="125"/>
        <source>&amp;Save profile</source>
        <translation>&amp;Lưu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="126"/>
        <source>&amp;Undo changes</source>
        <translation>&amp;Hoàn tác thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="127"/>
        <source>Interface</source>
        <translation>Giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="128"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="129"/>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="132"/>
        <source>Data folder: {folder}
Database: {file}
fieldapp version {version}</source>
        <translation>Thư mục dữ liệu: {folder}
Cơ sở dữ liệu: {file}
Phiên bản fieldapp {version}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="155"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="160"/>
        <source>Changes undone.</source>
        <translation>Đã hoàn tác các thay đổi.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="108"/>
        <source>Sign in — fieldapp</source>
        <translation>Đăng nhập — fieldapp</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="110"/>
        <source>The window was locked after a while without use. Sign in to go on.</source>
        <translation>Cửa sổ đã tự khóa vì lâu không dùng. Hãy đăng nhập để tiếp tục.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="112"/>
        <source>Sign in with your account.</source>
        <translation>Đăng nhập bằng tài khoản của bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="116"/>
        <source>&amp;User name</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="117"/>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="118"/>
        <source>&amp;Sign in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="186"/>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="186"/>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="195"/>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="196"/>
        <source>Blocked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="199"/>
        <source>&amp;User name</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="200"/>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="201"/>
        <source>&amp;Role</source>
        <translation>&amp;Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="203"/>
        <source>&amp;State</source>
        <translation>&amp;Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="205"/>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="205"/>
        <source>New &amp;password (empty: keep)</source>
        <translation>Mật khẩu &amp;mới (để trống: giữ nguyên)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../ui/accounts.py" line="235"/>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="240"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="240"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="240"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="240"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="248"/>
        <source>&amp;Add account…</source>
        <translation>&amp;Thêm tài khoản…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="249"/>
        <source>&amp;Change…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="250"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="265"/>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="265"/>
        <source>Blocked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/accounts.py" line="278"/>
        <source>Choose an account first.</source>
        <translation>Hãy chọn một tài khoản trước.</translation>
    </message>
</context>
</TS>
