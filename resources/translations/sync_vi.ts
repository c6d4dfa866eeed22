<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ConflictLabels</name>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="159"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="160"/>
        <source>Villages, streets covered</source>
        <translation>Các thôn, đường phố thuộc khu vực</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="161"/>
        <source>Regime</source>
        <translation>Chế độ</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="162"/>
        <source>Started on</source>
        <translation>Bắt đầu từ ngày</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="163"/>
        <source>Planned end</source>
        <translation>Dự kiến kết thúc</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="164"/>
        <source>Ended on</source>
        <translation>Kết thúc ngày</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="165"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="166"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="167"/>
        <source>Kind of ID</source>
        <translation>Loại giấy tờ</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="168"/>
        <source>Isolation</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="169"/>
        <source>Isolation starts</source>
        <translation>Bắt đầu cách ly</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="170"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="171"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="172"/>
        <source>Until</source>
        <translation>Đến</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="173"/>
        <source>Recorded at</source>
        <translation>Ghi lúc</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="174"/>
        <source>Recorded by</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="175"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="176"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="177"/>
        <source>Place</source>
        <translation>Nơi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="178"/>
        <source>Cancelled at</source>
        <translation>Hủy lúc</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="179"/>
        <source>Cancelled by</source>
        <translation>Người hủy</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="180"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="181"/>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="182"/>
        <source>Number and symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="183"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="184"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="185"/>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="186"/>
        <source>Active from</source>
        <translation>Hoạt động từ</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="187"/>
        <source>Active until</source>
        <translation>Hoạt động đến</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="188"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="189"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="190"/>
        <source>Changed at</source>
        <translation>Sửa lúc</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="191"/>
        <source>Held on</source>
        <translation>Ngày thực hiện</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="192"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="193"/>
        <source>Delivered on</source>
        <translation>Ngày giao</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="194"/>
        <source>Items</source>
        <translation>Hàng hóa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="195"/>
        <source>Test round</source>
        <translation>Đợt xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="196"/>
        <source>Checkpoint</source>
        <translation>Chốt, điểm trực</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="197"/>
        <source>Person on duty</source>
        <translation>Người trực</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="198"/>
        <source>Directive</source>
        <translation>Văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="199"/>
        <source>Item</source>
        <translation>Mục công việc</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="206"/>
        <source>(not in this register)</source>
        <translation>(không có trong sổ này)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="204"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../fieldapp/sync/conflict_words.py" line="205"/>
        <source>no</source>
        <translation>không</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="93"/>
        <source>When two computers changed the same record, the newer change was kept and the other one is listed here. Compare them and choose.</source>
        <translation>Khi hai máy cùng sửa một bản ghi, bản sửa sau được giữ, bản kia được liệt kê ở đây. Hãy so sánh và chọn.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="98"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="98"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="98"/>
        <source>Changed at</source>
        <translation>Sửa lúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="101"/>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="101"/>
        <source>In the register now</source>
        <translation>Đang có trong sổ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="101"/>
        <source>The other version</source>
        <translation>Bản kia</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="103"/>
        <source>Decided by:</source>
        <translation>Người quyết định:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="104"/>
        <source>Keep the register&apos;s version</source>
        <translation>Giữ bản đang có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="105"/>
        <source>Use the other version</source>
        <translation>Dùng bản kia</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="121"/>
        <source>All communes</source>
        <translation>Mọi xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="121"/>
        <source>All districts</source>
        <translation>Mọi huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="121"/>
        <source>This office</source>
        <translation>Cơ quan này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="124"/>
        <source>&amp;District</source>
        <translation>&amp;Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="124"/>
        <source>&amp;Commune</source>
        <translation>&amp;Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="138"/>
        <source>this computer</source>
        <translation>máy này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/conflicts_tab.py" line="186"/>
        <source>(deleted)</source>
        <translation>(đã xóa)</translation>
    </message>
</context>
<context>
    <name>DistrictTab</name>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="159"/>
        <source>&amp;Find unit:</source>
        <translation>&amp;Tìm đơn vị:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="160"/>
        <source>name, without tones is fine</source>
        <translation>tên, gõ không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="161"/>
        <source>Late after (hours):</source>
        <translation>Coi là trễ sau (giờ):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="162"/>
        <source>Print district summary…</source>
        <translation>In báo cáo tổng hợp…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="163"/>
        <source>Print on a &amp;printer…</source>
        <translation>In ra &amp;máy in…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="164"/>
        <source>Refresh</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="167"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="168"/>
        <source>Lockdown
households</source>
        <translation>Hộ
phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="169"/>
        <source>People</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="170"/>
        <source>F0</source>
        <translation>F0</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="171"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="172"/>
        <source>Danger signs
(24 hours)</source>
        <translation>Dấu hiệu nặng
(24 giờ)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="173"/>
        <source>Recovered /
moved / died</source>
        <translation>Khỏi / chuyển
viện / tử vong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="174"/>
        <source>Tests
(positive)</source>
        <translation>Xét nghiệm
(dương tính)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="175"/>
        <source>Relief
deliveries</source>
        <translation>Lượt
cứu trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="176"/>
        <source>Checkpoints
staffed/active</source>
        <translation>Chốt có ca
/ hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="177"/>
        <source>Overdue
items</source>
        <translation>Việc
quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="178"/>
        <source>Last package</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="179"/>
        <source>Late</source>
        <translation>Trễ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="182"/>
        <source>Units expected to report</source>
        <translation>Đơn vị phải gửi báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="185"/>
        <source>Lateness and completeness count only the ticked units. A unit that sends is added ticked; untick one that does not report here.</source>
        <translation>Chỉ các đơn vị được đánh dấu mới được tính khi xét gửi chậm và đủ số. Đơn vị nào gửi gói sẽ tự được thêm và đánh dấu; bỏ đánh dấu đơn vị không báo cáo về đây.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="189"/>
        <source>e.g. xã Quảng Khê</source>
        <translation>ví dụ: xã Quảng Khê</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="190"/>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="191"/>
        <source>Packages sent upward carry:</source>
        <translation>Gói gửi lên cấp trên gồm:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="192"/>
        <source>the units&apos; records</source>
        <translation>dữ liệu chi tiết của các đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="193"/>
        <source>only the roll-up</source>
        <translation>chỉ số liệu tổng hợp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="194"/>
        <source>The communes&apos; progress on a directive sent down</source>
        <translation>Tiến độ của các xã với văn bản chỉ đạo đã gửi xuống</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="195"/>
        <source>Directive:</source>
        <translation>Văn bản:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="198"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="199"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="200"/>
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="201"/>
        <source>Not started</source>
        <translation>Chưa làm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="202"/>
        <source>Last change</source>
        <translation>Thay đổi gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="205"/>
        <source>Directives for a commune</source>
        <translation>Gửi văn bản chỉ đạo xuống xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="206"/>
        <source>Commune:</source>
        <translation>Xã:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="207"/>
        <source>Export directives for this commune…</source>
        <translation>Xuất gói văn bản chỉ đạo cho xã này…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="240"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="331"/>
        <source>not sent</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="333"/>
        <source>late %1 h</source>
        <translation>trễ %1 giờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="335"/>
        <source>not expected</source>
        <translation>không phải gửi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="341"/>
        <source>No unit is expected to report yet: add the units below this office to the list on the right to see who is late.</source>
        <translation>Chưa có đơn vị nào trong danh sách phải gửi báo cáo: hãy thêm các đơn vị cấp dưới vào danh sách bên phải để biết đơn vị nào gửi chậm.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="348"/>
        <source>Sent in time: %1 of the expected units. Late (no package for more than %2 hours): %3</source>
        <translation>Đã gửi đúng hạn: %1 đơn vị phải gửi. Gửi chậm (quá %2 giờ chưa có gói): %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="354"/>
        <source>All %1 expected units have sent in time.</source>
        <translation>Tất cả %1 đơn vị phải báo cáo đã gửi đúng hạn.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="432"/>
        <source>Save the district summary (PDF)</source>
        <translation>Lưu báo cáo tổng hợp (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="445"/>
        <location filename="../../ui/pages/sync/district_tab.py" line="481"/>
        <source>Writing the summary…</source>
        <translation>Đang lập báo cáo tổng hợp…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="452"/>
        <source>District summary saved: %1 (%2 units, %3 late). Open it to print.</source>
        <translation>Đã lưu báo cáo tổng hợp: %1 (%2 đơn vị, %3 đơn vị chậm). Mở tệp để in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="493"/>
        <source>Save the package of directives</source>
        <translation>Lưu gói văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="504"/>
        <source>Writing the package…</source>
        <translation>Đang ghi gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/district_tab.py" line="510"/>
        <source>Package for %1 saved: %2 (%3 directives, %4 items).</source>
        <translation>Đã lưu gói cho %1: %2 (%3 văn bản, %4 việc).</translation>
    </message>
</context>
<context>
    <name>PeersTab</name>
    <message>
        <location filename="../../ui/pages/sync/peers_tab.py" line="35"/>
        <source>Senders whose key a person has checked and trusted, and their last package.</source>
        <translation>Các máy gửi đã được đối chiếu khóa và tin cậy, cùng gói gửi gần nhất.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/peers_tab.py" line="38"/>
        <source>Sender</source>
        <translation>Nơi gửi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/peers_tab.py" line="38"/>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/peers_tab.py" line="38"/>
        <source>Last package</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/peers_tab.py" line="38"/>
        <source>No.</source>
        <translation>Số gói</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/peers_tab.py" line="50"/>
        <source>nothing yet</source>
        <translation>chưa có</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="54"/>
        <source>Sync with %1</source>
        <translation>Đồng bộ với %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="56"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="62"/>
        <source>Send and receive</source>
        <translation>Gửi và nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="63"/>
        <source>Trusted senders</source>
        <translation>Máy gửi đã tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="64"/>
        <source>Conflicts (%1)</source>
        <translation>Xung đột (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="67"/>
        <source>Districts</source>
        <translation>Các huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="67"/>
        <source>Communes</source>
        <translation>Các xã</translation>
    </message>
</context>
<context>
    <name>TransferTab</name>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="89"/>
        <source>This computer&apos;s key fingerprint</source>
        <translation>Dấu vân tay khóa của máy này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="92"/>
        <source>Read these characters to the person who receives your packages (by phone) so they can check that a package really comes from this computer.</source>
        <translation>Đọc các ký tự này (qua điện thoại) cho người nhận gói của bạn, để họ kiểm tra gói đúng là do máy này gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="96"/>
        <source>Export changes…</source>
        <translation>Xuất các thay đổi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="97"/>
        <source>Changes since the last package (Ctrl+E)</source>
        <translation>Các thay đổi kể từ gói trước (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="98"/>
        <source>Export everything…</source>
        <translation>Xuất toàn bộ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="99"/>
        <source>Import packages…</source>
        <translation>Nhận gói…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="100"/>
        <source>One or several package files (Ctrl+I)</source>
        <translation>Một hoặc nhiều tệp gói (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="101"/>
        <source>District mode (roll up the communes)</source>
        <translation>Chế độ huyện (tổng hợp các xã)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="102"/>
        <source>Results:</source>
        <translation>Kết quả:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="134"/>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="159"/>
        <source>Not exported: %1</source>
        <translation>Chưa xuất được: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="137"/>
        <source>Save the package (a file, or on the USB stick)</source>
        <translation>Lưu gói (vào một tệp, hoặc vào USB)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="148"/>
        <source>Writing the package…</source>
        <translation>Đang ghi gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="170"/>
        <source>Nothing has changed since the last package: no file made, nothing to send.</source>
        <translation>Không có thay đổi nào kể từ gói trước: không tạo tệp, không có gì phải gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="175"/>
        <source>Package no. %1 saved: %2 (%3 records). Send this file to the district.</source>
        <translation>Đã lưu gói số %1: %2 (%3 bản ghi). Hãy gửi tệp này cho huyện.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="185"/>
        <source>Choose the packages to import</source>
        <translation>Chọn các gói cần nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="205"/>
        <source>Checking %1…</source>
        <translation>Đang kiểm tra %1…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="221"/>
        <source>%1: refused, nothing was written. %2</source>
        <translation>%1: bị từ chối, không có gì được ghi. %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="226"/>
        <source>%1: refused. %2</source>
        <translation>%1: bị từ chối. %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="239"/>
        <source>%1: not imported (the sender&apos;s key was not trusted).</source>
        <translation>%1: chưa nhận (chưa tin cậy khóa của máy gửi).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="253"/>
        <source>Importing %1…</source>
        <translation>Đang nhận %1…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="260"/>
        <source>%1: already received before; nothing changed.</source>
        <translation>%1: gói này đã nhận trước đây; không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/transfer_tab.py" line="264"/>
        <source>%1: %2, package no. %3: %4 added, %5 changed, %6 deleted, %7 conflicts.</source>
        <translation>%1: %2, gói số %3: thêm %4, sửa %5, xóa %6, xung đột %7.</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="26"/>
        <source>New sender: compare the fingerprint</source>
        <translation>Máy gửi mới: đối chiếu dấu vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="30"/>
        <source>The package &lt;b&gt;%1&lt;/b&gt; comes from &lt;b&gt;%2&lt;/b&gt;, whose key this computer does not know yet.</source>
        <translation>Gói &lt;b&gt;%1&lt;/b&gt; do &lt;b&gt;%2&lt;/b&gt; gửi; máy này chưa biết khóa của nơi gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="34"/>
        <source>an unknown sender</source>
        <translation>một máy lạ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="40"/>
        <source>Call the sender and ask them to read the fingerprint shown on their Sync page. Trust the key only if every group of four characters is the same:</source>
        <translation>Hãy gọi điện cho người gửi, đề nghị họ đọc dấu vân tay trên trang Đồng bộ của họ. Chỉ tin cậy khi mọi nhóm bốn ký tự đều giống hệt:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="53"/>
        <source>It differs: do not trust</source>
        <translation>Khác nhau: không tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="55"/>
        <source>Same fingerprint: trust and import</source>
        <translation>Giống hệt: tin cậy và nhận gói</translation>
    </message>
</context>
</TS>
