<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AreaDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="135"/>
        <source>Lockdown area</source>
        <translation>Khu vực phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="139"/>
        <source>e.g. Nà Pài, Khuổi Cuộng</source>
        <translation>ví dụ: Nà Pài, Khuổi Cuộng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="144"/>
        <source>planned</source>
        <translation>dự kiến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="145"/>
        <source>ended</source>
        <translation>đã kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="147"/>
        <source>e.g. Quyết định số 45/QĐ-UBND ngày 11/8/2021</source>
        <translation>ví dụ: Quyết định số 45/QĐ-UBND ngày 11/8/2021</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="149"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="150"/>
        <source>Villages, streets covered</source>
        <translation>Các thôn, tổ, đường phố</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="151"/>
        <source>Regime</source>
        <translation>Chế độ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="152"/>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="153"/>
        <source>Planned end</source>
        <translation>Dự kiến kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="154"/>
        <source>Actual end</source>
        <translation>Kết thúc thực tế</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="155"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="156"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="172"/>
        <source>Directive 15 (Chỉ thị 15)</source>
        <translation>Chỉ thị 15/CT-TTg</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="173"/>
        <source>Directive 16 (Chỉ thị 16)</source>
        <translation>Chỉ thị 16/CT-TTg</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="174"/>
        <source>Directive 19 (Chỉ thị 19)</source>
        <translation>Chỉ thị 19/CT-TTg</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="175"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="383"/>
        <source>Relief delivered</source>
        <translation>Giao hàng cứu trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="387"/>
        <source>Items and quantities, separated by commas</source>
        <translation>Tên hàng và số lượng, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="391"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="392"/>
        <source>Items</source>
        <translation>Hàng đã giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="393"/>
        <source>Delivered by</source>
        <translation>Người giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="394"/>
        <source>Received by</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="395"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="403"/>
        <source>Type what was delivered, e.g. Gạo 10 kg, Mì tôm 1 thùng.</source>
        <translation>Hãy nhập hàng đã giao, ví dụ: Gạo 10 kg, Mì tôm 1 thùng.</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailDialog</name>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="229"/>
        <location filename="../../ui/pages/households/detail.py" line="230"/>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="231"/>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="232"/>
        <source>House number</source>
        <translation>Số nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="233"/>
        <source>Street</source>
        <translation>Đường, phố</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="234"/>
        <location filename="../../ui/pages/households/detail.py" line="250"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="235"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="236"/>
        <source>Poor household</source>
        <translation>Hộ nghèo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="237"/>
        <source>Save &amp;household</source>
        <translation>&amp;Lưu thông tin hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="238"/>
        <source>&amp;People</source>
        <translation>&amp;Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="239"/>
        <source>Status &amp;history</source>
        <translation>&amp;Lịch sử tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="240"/>
        <source>&amp;Tests</source>
        <translation>&amp;Xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="241"/>
        <source>&amp;Relief</source>
        <translation>&amp;Cứu trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="242"/>
        <source>Re&amp;quests</source>
        <translation>Đề &amp;nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="245"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="246"/>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="247"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="248"/>
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="249"/>
        <source>CCCD</source>
        <translation>CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="251"/>
        <source>Vulnerable</source>
        <translation>Dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="252"/>
        <location filename="../../ui/pages/households/detail.py" line="261"/>
        <location filename="../../ui/pages/households/detail.py" line="281"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="253"/>
        <location filename="../../ui/pages/households/detail.py" line="262"/>
        <source>Isolation</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="254"/>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="259"/>
        <source>Recorded</source>
        <translation>Thời điểm ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="260"/>
        <location filename="../../ui/pages/households/detail.py" line="271"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="263"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="264"/>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="265"/>
        <source>By</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="266"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="267"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="271"/>
        <location filename="../../ui/pages/households/detail.py" line="274"/>
        <location filename="../../ui/pages/households/detail.py" line="278"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="271"/>
        <location filename="../../ui/pages/households/detail.py" line="279"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="271"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="274"/>
        <source>Items</source>
        <translation>Hàng đã giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="274"/>
        <source>Delivered by</source>
        <translation>Người giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="274"/>
        <source>Received by</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="280"/>
        <source>Detail</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="282"/>
        <source>Resolved</source>
        <translation>Ngày giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="285"/>
        <source>Change &amp;status…</source>
        <translation>Ghi &amp;tình trạng…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="286"/>
        <source>&amp;Add person…</source>
        <translation>&amp;Thêm người…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="287"/>
        <source>&amp;Edit person…</source>
        <translation>&amp;Sửa thông tin…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="288"/>
        <location filename="../../ui/pages/households/detail.py" line="518"/>
        <source>Remove person</source>
        <translation>Xóa người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="289"/>
        <source>Cancel this entry (a mistake)</source>
        <translation>Hủy lần ghi này (ghi nhầm)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="290"/>
        <source>Record &amp;delivery…</source>
        <translation>Ghi &amp;giao hàng…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="291"/>
        <source>New &amp;request…</source>
        <translation>Thêm đề &amp;nghị…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="292"/>
        <source>Mark as met</source>
        <translation>Đã đáp ứng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="293"/>
        <source>Mark as refused</source>
        <translation>Không đáp ứng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="294"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="299"/>
        <source>&amp;Undo: {action}</source>
        <translation>&amp;Hoàn tác: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="299"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="422"/>
        <source>edit household</source>
        <translation>sửa thông tin hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="447"/>
        <source>status of {name}</source>
        <translation>tình trạng của {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="462"/>
        <source>cancel a status entry</source>
        <translation>hủy một lần ghi tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="481"/>
        <source>add {name}</source>
        <translation>thêm {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="504"/>
        <source>edit {name}</source>
        <translation>sửa {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="520"/>
        <source>Remove {name} from this household? Their status history, test results and the household&apos;s record of them are deleted and cannot be undone.</source>
        <translation>Xóa {name} khỏi hộ này? Lịch sử tình trạng, kết quả xét nghiệm của người này sẽ bị xóa và không hoàn tác được.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="549"/>
        <source>relief delivery</source>
        <translation>giao hàng cứu trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="573"/>
        <source>request</source>
        <translation>đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="590"/>
        <source>request status</source>
        <translation>trạng thái đề nghị</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="448"/>
        <source>New household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="456"/>
        <source>Poor household</source>
        <translation>Hộ nghèo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="457"/>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="458"/>
        <source>House number</source>
        <translation>Số nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="459"/>
        <source>Street</source>
        <translation>Đường, phố</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="460"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="469"/>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
</context>
<context>
    <name>HouseholdLabels</name>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="13"/>
        <location filename="../../ui/pages/households/labels.py" line="46"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="20"/>
        <source>Central facility</source>
        <translation>Cách ly tập trung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="21"/>
        <source>At home</source>
        <translation>Cách ly tại nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="22"/>
        <source>Self-monitoring</source>
        <translation>Tự theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="29"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="30"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="36"/>
        <source>Rapid test</source>
        <translation>Test nhanh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="47"/>
        <source>Positive</source>
        <translation>Dương tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="48"/>
        <source>Invalid</source>
        <translation>Không xác định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="54"/>
        <source>Rice</source>
        <translation>Gạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="55"/>
        <source>Food</source>
        <translation>Thực phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="56"/>
        <source>Medicine</source>
        <translation>Thuốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="57"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="63"/>
        <source>Open</source>
        <translation>Chưa giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="64"/>
        <source>In progress</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="65"/>
        <source>Met</source>
        <translation>Đã đáp ứng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="66"/>
        <source>Refused</source>
        <translation>Không đáp ứng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="72"/>
        <source>elderly</source>
        <translation>cao tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="73"/>
        <source>young child</source>
        <translation>trẻ nhỏ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="74"/>
        <source>pregnant</source>
        <translation>mang thai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="75"/>
        <source>disabled</source>
        <translation>khuyết tật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="76"/>
        <source>chronic illness</source>
        <translation>bệnh nền</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="34"/>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="35"/>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="36"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="37"/>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="38"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="39"/>
        <source>Isolation ends</source>
        <translation>Hết cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="40"/>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="41"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="173"/>
        <source>{n} people isolating; the first isolation ends on {date}</source>
        <translation>{n} người đang cách ly; người sớm nhất hết cách ly ngày {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="178"/>
        <source>{n} at a central facility</source>
        <translation>{n} người cách ly tập trung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="203"/>
        <source>vulnerable</source>
        <translation>dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="205"/>
        <source>poor</source>
        <translation>hộ nghèo</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="212"/>
        <source>Lockdown households</source>
        <translation>Hộ trong vùng phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="213"/>
        <source>Households</source>
        <translation>Danh sách hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="214"/>
        <source>Work lists</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="215"/>
        <source>Lockdown areas</source>
        <translation>Khu vực phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="216"/>
        <source>New area…</source>
        <translation>Thêm khu vực…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="217"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="218"/>
        <source>Search name, address, phone…</source>
        <translation>Tìm tên, địa chỉ, điện thoại…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="220"/>
        <source>Type without accents if you like: “hoang” finds “Hoàng”. Ctrl+F</source>
        <translation>Gõ không dấu cũng được: “hoang” tìm ra “Hoàng”. Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="225"/>
        <source>Any status</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="226"/>
        <source>F0 or F1</source>
        <translation>F0 hoặc F1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="230"/>
        <source>Isolating now</source>
        <translation>Đang cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="231"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="232"/>
        <source>No status recorded</source>
        <translation>Chưa ghi tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="235"/>
        <source>Vulnerable</source>
        <translation>Dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="236"/>
        <source>Isolation ends within 2 days</source>
        <translation>Hết cách ly trong 2 ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="237"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="238"/>
        <source>&amp;New household…</source>
        <translation>Thêm &amp;hộ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="239"/>
        <source>&amp;Import Excel…</source>
        <translation>&amp;Nhập Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="240"/>
        <source>E&amp;xport Excel…</source>
        <translation>&amp;Xuất Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="255"/>
        <source>&amp;Undo: {action}</source>
        <translation>&amp;Hoàn tác: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="255"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="284"/>
        <source>All areas
{households} households · {people} people</source>
        <translation>Tất cả khu vực
{households} hộ · {people} người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="293"/>
        <source>{name}
{households} households · {people} people · F0 {f0} · F1 {f1}</source>
        <translation>{name}
{households} hộ · {people} người · F0 {f0} · F1 {f1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="296"/>
        <source>(lockdown ended)</source>
        <translation>(đã kết thúc phong tỏa)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="313"/>
        <source>All villages</source>
        <translation>Mọi thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="343"/>
        <source>{n} households</source>
        <translation>{n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="421"/>
        <source>new area {name}</source>
        <translation>thêm khu vực {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="445"/>
        <source>edit area {name}</source>
        <translation>sửa khu vực {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="460"/>
        <source>New household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="461"/>
        <source>Choose the lockdown area on the left first.</source>
        <translation>Hãy chọn khu vực phong tỏa ở bên trái trước.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="478"/>
        <source>new household {name}</source>
        <translation>thêm hộ {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="500"/>
        <source>Export households</source>
        <translation>Xuất danh sách hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="500"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="516"/>
        <source>Export finished</source>
        <translation>Đã xuất xong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="517"/>
        <source>{households} households, {people} people written to {file}.</source>
        <translation>Đã ghi {households} hộ, {people} người vào tệp {file}.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="82"/>
        <source>Unexpected error: the import stopped and nothing was written.</source>
        <translation>Lỗi không mong đợi: việc nhập đã dừng, không có gì được ghi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="177"/>
        <source>Import a household list (Excel)</source>
        <translation>Nhập danh sách hộ (Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="184"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="194"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="195"/>
        <source>Into lockdown area</source>
        <translation>Vào khu vực phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="199"/>
        <source>Choose the commune&apos;s Excel list. Nothing is written until you press Import: first you see every row and its problems.</source>
        <translation>Chọn tệp danh sách Excel của xã. Chưa có gì được ghi cho đến khi bấm Nhập: trước hết bạn xem từng dòng và lỗi của nó.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="207"/>
        <source>Show only rows with problems</source>
        <translation>Chỉ hiện các dòng có lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="228"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="232"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="239"/>
        <source>Create a lockdown area first: households belong to one.</source>
        <translation>Hãy tạo khu vực phong tỏa trước: mỗi hộ thuộc một khu vực.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="245"/>
        <source>Household list</source>
        <translation>Danh sách hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="245"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="254"/>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="274"/>
        <source>Sheet {sheet}, header on row {header}. To import: {households} households, {people} people (F0: {f0}, F1: {f1}) — {new_h} new households, {upd_h} updated; {new_p} new people; {status} status changes. Refused rows: {rejected}. Warnings: {warnings}.</source>
        <translation>Trang {sheet}, dòng tiêu đề {header}. Sẽ nhập: {households} hộ, {people} người (F0: {f0}, F1: {f1}) — {new_h} hộ mới, {upd_h} hộ cập nhật; {new_p} người mới; {status} thay đổi tình trạng. Dòng bị loại: {rejected}. Cảnh báo: {warnings}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="310"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="323"/>
        <source>Imported {households} households, {people} people (F0: {f0}, F1: {f1}); {new} new households. Refused rows: {rejected}.</source>
        <translation>Đã nhập {households} hộ, {people} người (F0: {f0}, F1: {f1}); {new} hộ mới. Dòng bị loại: {rejected}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="335"/>
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
</context>
<context>
    <name>LockdownCard</name>
    <message>
        <location filename="../../ui/pages/households/overview.py" line="29"/>
        <source>households in {areas} lockdown areas · {people} people · F0: {f0} · F1: {f1}</source>
        <translation>hộ trong {areas} khu vực phong tỏa · {people} người · F0: {f0} · F1: {f1}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="197"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="206"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="207"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="212"/>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="221"/>
        <source>Elderly</source>
        <translation>Người cao tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="222"/>
        <source>Young child</source>
        <translation>Trẻ nhỏ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="223"/>
        <source>Pregnant</source>
        <translation>Mang thai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="224"/>
        <source>Disabled</source>
        <translation>Khuyết tật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="225"/>
        <source>Chronic illness</source>
        <translation>Bệnh nền</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="232"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="233"/>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="234"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="235"/>
        <source>Relation to the head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="237"/>
        <source>Citizen ID (CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="238"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="239"/>
        <source>Vulnerable</source>
        <translation>Dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="240"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="253"/>
        <source>{masked} (type a new number to change it)</source>
        <translation>{masked} (nhập số mới nếu muốn sửa)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="114"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="115"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="116"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="117"/>
        <source>Will be</source>
        <translation>Sẽ là</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="118"/>
        <source>Problems</source>
        <translation>Lỗi, cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="142"/>
        <source>head of household</source>
        <translation>chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="143"/>
        <source>member</source>
        <translation>thành viên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="144"/>
        <source>village heading</source>
        <translation>tên thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="145"/>
        <source>skipped</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="146"/>
        <source>total / end of table</source>
        <translation>dòng tổng / hết bảng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="152"/>
        <source>refused</source>
        <translation>bị loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="154"/>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="155"/>
        <source>updated</source>
        <translation>cập nhật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="156"/>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="418"/>
        <source>Request from the household</source>
        <translation>Đề nghị của hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="426"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="427"/>
        <source>Detail</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="433"/>
        <source>Rice</source>
        <translation>Gạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="434"/>
        <source>Food</source>
        <translation>Thực phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="435"/>
        <source>Medicine</source>
        <translation>Thuốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="436"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="106"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="107"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="288"/>
        <source>Change health status</source>
        <translation>Ghi tình trạng sức khỏe</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="293"/>
        <source>F0 (positive)</source>
        <translation>F0 (dương tính)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="294"/>
        <source>F1 (close contact)</source>
        <translation>F1 (tiếp xúc gần)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="295"/>
        <source>F2 (contact of an F1)</source>
        <translation>F2 (tiếp xúc với F1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="296"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="301"/>
        <source>Central facility</source>
        <translation>Cách ly tập trung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="302"/>
        <source>At home</source>
        <translation>Cách ly tại nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="303"/>
        <source>Self-monitoring</source>
        <translation>Tự theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="304"/>
        <source>No isolation</source>
        <translation>Không cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="308"/>
        <source>until</source>
        <translation>có ngày kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="311"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="312"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="313"/>
        <source>Isolation</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="314"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="315"/>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="316"/>
        <source>Recorded by</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="317"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="358"/>
        <source>Isolation ends on {date}: {days} days, as set in Settings.</source>
        <translation>Hết cách ly ngày {date}: {days} ngày, theo Cài đặt.</translation>
    </message>
</context>
<context>
    <name>TestResultsDialog</name>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="270"/>
        <source>Test results</source>
        <translation>Kết quả xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="277"/>
        <source>Round of {date} ({kind}). Choose each person&apos;s result; leave empty for people not tested.</source>
        <translation>Đợt ngày {date} ({kind}). Chọn kết quả của từng người; để trống nếu chưa xét nghiệm.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="283"/>
        <source>Search a name…</source>
        <translation>Tìm tên…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="288"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="288"/>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="288"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="298"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="299"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="317"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="318"/>
        <source>Positive</source>
        <translation>Dương tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="319"/>
        <source>Invalid</source>
        <translation>Không xác định</translation>
    </message>
</context>
<context>
    <name>WorklistsPanel</name>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="125"/>
        <source>Household / person</source>
        <translation>Hộ / người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="125"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="126"/>
        <source>Isolation ends</source>
        <translation>Hết cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="127"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="128"/>
        <source>Back on</source>
        <translation>Dự kiến về</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="129"/>
        <source>Last relief</source>
        <translation>Lần tiếp tế cuối</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="130"/>
        <source>New round…</source>
        <translation>Thêm đợt…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="131"/>
        <source>Enter results…</source>
        <translation>Nhập kết quả…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="136"/>
        <source>Isolation ends today or tomorrow: {n} households</source>
        <translation>Hết cách ly hôm nay hoặc ngày mai: {n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="139"/>
        <source>Not tested in this round: {n} households</source>
        <translation>Chưa xét nghiệm đợt này: {n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="141"/>
        <source>Empty houses, police watch: {n}</source>
        <translation>Nhà không người, cần công an trông coi: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="144"/>
        <source>Every member of these households is in central isolation: the house stands empty and needs a police watch against theft.</source>
        <translation>Cả hộ đang cách ly tập trung: nhà bỏ trống, cần công an trông coi, phòng trộm cắp.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="149"/>
        <source>Vulnerable, no relief for 7 days: {n}</source>
        <translation>Dễ tổn thương, 7 ngày chưa tiếp tế: {n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="153"/>
        <source>Households with an elderly person, a young child, a pregnant woman, a disabled or chronically ill person, or poor households, with no relief in 7 days.</source>
        <translation>Hộ có người cao tuổi, trẻ nhỏ, phụ nữ mang thai, người khuyết tật hoặc mắc bệnh nền, và hộ nghèo, chưa được tiếp tế trong 7 ngày.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="179"/>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="199"/>
        <source>today ({date})</source>
        <translation>hôm nay ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="200"/>
        <source>tomorrow ({date})</source>
        <translation>ngày mai ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="217"/>
        <source>New test round</source>
        <translation>Thêm đợt xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="227"/>
        <source>Area</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="228"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="229"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="233"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>
