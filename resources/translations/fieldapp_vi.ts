<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="56"/>
        <source>Nothing was written. Data folder: {folder}</source>
        <translation>Không có gì bị ghi. Thư mục dữ liệu: {folder}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="29"/>
        <source>Welcome to fieldapp</source>
        <translation>Chào mừng đến với fieldapp</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="34"/>
        <source>This is the first start on this computer. Try the app with a demo commune, or start with an empty register for your own commune.</source>
        <translation>Đây là lần đầu mở ứng dụng trên máy này. Hãy dùng thử với một xã mẫu, hoặc bắt đầu sổ trống cho xã của mình.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="40"/>
        <source>&amp;Demo commune (sample data to try things out)</source>
        <translation>&amp;Xã mẫu (dữ liệu mẫu để dùng thử)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="41"/>
        <source>&amp;Empty register for my commune</source>
        <translation>&amp;Sổ trống cho xã của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="57"/>
        <source>&amp;Start</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>Directives</source>
        <translation>Văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Duty rosters</source>
        <translation>Lịch trực</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61"/>
        <source>Lockdown households</source>
        <translation>Hộ phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>fieldapp — epidemic prevention register</source>
        <translation>fieldapp — sổ theo dõi phòng, chống dịch</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Opening the data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Data: {folder}</source>
        <translation>Dữ liệu: {folder}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="94"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="97"/>
        <source>The commune profile is not filled in yet.</source>
        <translation>Chưa nhập hồ sơ xã (vào Cài đặt).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="100"/>
        <source>{commune}, {district}, province of {province}</source>
        <translation>{commune}, {district}, tỉnh {province}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="106"/>
        <source>Today: {date}</source>
        <translation>Hôm nay: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="108"/>
        <source>documents kept as they arrived</source>
        <translation>văn bản lưu nguyên bản gốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="111"/>
        <source>Use the menu on the left or Ctrl+1 … Ctrl+7 to move between pages. Everything is saved on this computer and works without internet.</source>
        <translation>Dùng danh mục bên trái hoặc Ctrl+1 … Ctrl+7 để chuyển trang. Mọi dữ liệu được lưu trên máy này và dùng được khi không có mạng.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <source>The register of directives from the province and district: import, read, and follow each numbered item until it is done and reported.</source>
        <translation>Sổ văn bản chỉ đạo của tỉnh, huyện: nhập, đọc và theo dõi từng nội dung cho đến khi xong và đã báo cáo.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>24/7 duty rosters at checkpoints, quarantine points and lockdown gates, printed for the shift leader, and the checkpoint log.</source>
        <translation>Lịch trực 24/24 tại chốt kiểm soát, điểm cách ly và khu phong tỏa, in cho trưởng ca, cùng sổ theo dõi tại chốt.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>Households and people in lockdown areas: F0/F1 status, isolation dates, test rounds, relief delivered.</source>
        <translation>Hộ và nhân khẩu trong vùng phong tỏa: tình trạng F0/F1, ngày cách ly, các đợt xét nghiệm, hàng cứu trợ đã cấp.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>The daily quick report and the reports on carrying out each directive, in the official format, to print or send to the district.</source>
        <translation>Báo cáo nhanh hằng ngày và báo cáo kết quả thực hiện từng văn bản, đúng thể thức, để in hoặc gửi huyện.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Signed data packages for the district, sent by USB stick or chat app when there is no network.</source>
        <translation>Gói dữ liệu có chữ ký gửi huyện, chuyển bằng USB hoặc ứng dụng nhắn tin khi không có mạng.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/placeholder.py" line="31"/>
        <source>This page is not built yet. It will come in a later version.</source>
        <translation>Trang này chưa được xây dựng. Chức năng sẽ có trong phiên bản sau.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="63"/>
        <source>Unit type</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="64"/>
        <source>Commune name *</source>
        <translation>Tên xã *</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="65"/>
        <source>District type</source>
        <translation>Loại đơn vị cấp huyện</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="66"/>
        <source>District name *</source>
        <translation>Tên huyện *</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="67"/>
        <source>Province name *</source>
        <translation>Tên tỉnh *</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="68"/>
        <source>Steering committee</source>
        <translation>Ban Chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="69"/>
        <source>Chairman</source>
        <translation>Chủ tịch</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="70"/>
        <source>Chairman&apos;s title</source>
        <translation>Chức danh Chủ tịch</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="71"/>
        <source>Signing on behalf of</source>
        <translation>Thẩm quyền ký (TM./KT.)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="72"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="73"/>
        <source>Usual signer</source>
        <translation>Người ký thường xuyên</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="74"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="75"/>
        <source>Place written in documents</source>
        <translation>Địa danh ghi trên văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="82"/>
        <source>e.g. Bằng Lãng</source>
        <translation>ví dụ: Bằng Lãng</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="83"/>
        <source>e.g. Chợ Đồn</source>
        <translation>ví dụ: Chợ Đồn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="84"/>
        <source>e.g. Bắc Kạn</source>
        <translation>ví dụ: Bắc Kạn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="86"/>
        <source>e.g. Ban Chỉ đạo phòng, chống dịch Covid-19 xã Bằng Lãng</source>
        <translation>ví dụ: Ban Chỉ đạo phòng, chống dịch Covid-19 xã Bằng Lãng</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="88"/>
        <source>e.g. TM. ỦY BAN NHÂN DÂN</source>
        <translation>ví dụ: TM. ỦY BAN NHÂN DÂN</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/profile_form.py" line="89"/>
        <source>empty: the commune name</source>
        <translation>để trống: dùng tên xã</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="18"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="19"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="20"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="21"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="22"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="23"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="24"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="10"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="11"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="12"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="13"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="14"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="15"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="16"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="17"/>
        <source>Discard</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="101"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="102"/>
        <source>Commune profile (used in every report)</source>
        <translation>Hồ sơ xã (dùng trong mọi báo cáo)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="103"/>
        <source>&amp;Save profile</source>
        <translation>&amp;Lưu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="104"/>
        <source>&amp;Undo changes</source>
        <translation>&amp;Hoàn tác thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="105"/>
        <source>Interface</source>
        <translation>Giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="106"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="107"/>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="110"/>
        <source>Data folder: {folder}
Database: {file}
fieldapp version {version}</source>
        <translation>Thư mục dữ liệu: {folder}
Cơ sở dữ liệu: {file}
Phiên bản fieldapp {version}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="133"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="138"/>
        <source>Changes undone.</source>
        <translation>Đã hoàn tác các thay đổi.</translation>
    </message>
</context>
</TS>
