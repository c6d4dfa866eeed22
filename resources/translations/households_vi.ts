<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="299"/>
        <source>Danger sign: what was done?</source>
        <translation>Dấu hiệu nặng: đã xử lý thế nào?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="301"/>
        <source>{name}: {signs}</source>
        <translation>{name}: {signs}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="308"/>
        <source>Action taken</source>
        <translation>Cách xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="311"/>
        <source>At</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="313"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="317"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="318"/>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
</context>
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
    <name>DangerAlert</name>
    <message>
        <location filename="../../ui/pages/households/followup_overview.py" line="70"/>
        <source>{n} danger signs in the last 24 hours not acted on yet</source>
        <translation>{n} dấu hiệu nặng trong 24 giờ chưa xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_overview.py" line="76"/>
        <source>Open the follow-up</source>
        <translation>Mở theo dõi sức khỏe</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="420"/>
        <source>Relief delivered</source>
        <translation>Giao hàng cứu trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="424"/>
        <source>Items and quantities, separated by commas</source>
        <translation>Tên hàng và số lượng, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="428"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="429"/>
        <source>Items</source>
        <translation>Hàng đã giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="430"/>
        <source>Delivered by</source>
        <translation>Người giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="431"/>
        <source>Received by</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="432"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="440"/>
        <source>Type what was delivered, e.g. Gạo 10 kg, Mì tôm 1 thùng.</source>
        <translation>Hãy nhập hàng đã giao, ví dụ: Gạo 10 kg, Mì tôm 1 thùng.</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="74"/>
        <source>Fever</source>
        <translation>Sốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="75"/>
        <source>Cough</source>
        <translation>Ho</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="76"/>
        <source>Shortness of breath</source>
        <translation>Khó thở</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="77"/>
        <source>Chest pain</source>
        <translation>Đau tức ngực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="78"/>
        <source>Loss of taste or smell</source>
        <translation>Mất vị giác/khứu giác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="79"/>
        <source>Sore throat</source>
        <translation>Đau họng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="80"/>
        <source>Tiredness</source>
        <translation>Mệt mỏi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="81"/>
        <source>Diarrhoea</source>
        <translation>Tiêu chảy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="82"/>
        <source>Confusion</source>
        <translation>Lơ mơ/không tỉnh táo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="83"/>
        <source>Blue lips</source>
        <translation>Tím môi/đầu chi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="84"/>
        <source>Cannot eat or drink</source>
        <translation>Không ăn uống được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="92"/>
        <source>Low SpO2</source>
        <translation>SpO2 thấp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="93"/>
        <source>Fast breathing</source>
        <translation>Thở nhanh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="94"/>
        <source>Fast pulse</source>
        <translation>Mạch nhanh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="95"/>
        <source>Slow pulse</source>
        <translation>Mạch chậm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="96"/>
        <source>High fever</source>
        <translation>Sốt cao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="102"/>
        <source>Called the health station</source>
        <translation>Đã báo trạm y tế</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="103"/>
        <source>Moved to a treatment facility</source>
        <translation>Đã chuyển cơ sở điều trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="104"/>
        <source>Health worker visited</source>
        <translation>Nhân viên y tế đến khám</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="105"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="106"/>
        <source>NOT ACTED ON</source>
        <translation>CHƯA XỬ LÝ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="112"/>
        <source>F0 at home</source>
        <translation>F0 điều trị tại nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="113"/>
        <source>F1 at home</source>
        <translation>F1 cách ly tại nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="116"/>
        <source>until {date}</source>
        <translation>đến {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="124"/>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="131"/>
        <source>pulse {n}</source>
        <translation>mạch {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="134"/>
        <source>breathing {n}</source>
        <translation>thở {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="193"/>
        <location filename="../../ui/pages/households/followup.py" line="261"/>
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="194"/>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="195"/>
        <location filename="../../ui/pages/households/followup.py" line="262"/>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="196"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="197"/>
        <source>Checks today</source>
        <translation>Đã kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="198"/>
        <source>Last check</source>
        <translation>Lần kiểm tra gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="199"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="260"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="263"/>
        <source>Danger signs</source>
        <translation>Dấu hiệu nặng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="264"/>
        <source>Action</source>
        <translation>Xử lý</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="480"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="481"/>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="482"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="483"/>
        <source>&amp;Print list…</source>
        <translation>&amp;In danh sách…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="484"/>
        <source>Record &amp;action…</source>
        <translation>Ghi &amp;xử lý…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="487"/>
        <source>&amp;Temp. °C</source>
        <translation>&amp;Nhiệt độ °C</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="487"/>
        <source>&amp;SpO2 %</source>
        <translation>&amp;SpO2 %</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="487"/>
        <source>P&amp;ulse</source>
        <translation>&amp;Mạch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="487"/>
        <source>&amp;Breaths/min</source>
        <translation>Nhịp &amp;thở/phút</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="493"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="494"/>
        <source>Checked by</source>
        <translation>Người kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="495"/>
        <source>signed-in user</source>
        <translation>người đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="496"/>
        <source>Reported by phone</source>
        <translation>Tự báo qua điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="497"/>
        <source>Save (Enter)</source>
        <translation>Ghi (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="505"/>
        <source>All communes</source>
        <translation>Mọi xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="505"/>
        <source>All districts</source>
        <translation>Mọi huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="505"/>
        <source>This office</source>
        <translation>Cơ quan này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="508"/>
        <source>&amp;District</source>
        <translation>&amp;Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="508"/>
        <source>&amp;Commune</source>
        <translation>&amp;Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="517"/>
        <source>Danger signs in the last 24 hours: {n}, not acted on: {m}</source>
        <translation>Dấu hiệu nặng trong 24 giờ: {n}, chưa xử lý: {m}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="526"/>
        <source>Still to check</source>
        <translation>Còn phải kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="531"/>
        <source>{followed} followed, {due} still to check, {missed} not checked yet</source>
        <translation>{followed} người theo dõi, {due} người còn phải kiểm tra, {missed} người chưa kiểm tra lần nào</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="536"/>
        <source>Still to check ({n}) — {k} checks a day</source>
        <translation>Còn phải kiểm tra ({n}) — {k} lần mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="579"/>
        <source>Only officers and administrators see the follow-up of F0 and F1.</source>
        <translation>Chỉ cán bộ và quản trị được xem danh sách theo dõi F0, F1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="607"/>
        <source>All villages</source>
        <translation>Tất cả các thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="625"/>
        <source>Choose a person in the list.</source>
        <translation>Chọn một người trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="628"/>
        <source>Check of {name} ({village}) — last: {last}</source>
        <translation>Kiểm tra {name} ({village}) — lần trước: {last}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="663"/>
        <source>Check of {name}</source>
        <translation>Kiểm tra {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="725"/>
        <source>Save the follow-up list</source>
        <translation>Lưu danh sách theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="727"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="742"/>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup.py" line="744"/>
        <source>Saved {pages} pages to {path}</source>
        <translation>Đã lưu {pages} trang vào {path}</translation>
    </message>
</context>
<context>
    <name>FollowUpSettings</name>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="96"/>
        <source>Health follow-up (Decision 4038/QĐ-BYT)</source>
        <translation>Theo dõi sức khỏe (Quyết định 4038/QĐ-BYT)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="100"/>
        <source>Checks a day</source>
        <translation>Số lần kiểm tra mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="101"/>
        <source>Danger: SpO2 at or below</source>
        <translation>Dấu hiệu nặng: SpO2 từ mức này trở xuống</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="102"/>
        <source>Danger: breaths a minute from (adults)</source>
        <translation>Dấu hiệu nặng: nhịp thở (người lớn) từ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="103"/>
        <source>Danger: pulse from</source>
        <translation>Dấu hiệu nặng: mạch từ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="104"/>
        <source>Danger: pulse at or below</source>
        <translation>Dấu hiệu nặng: mạch từ mức này trở xuống</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="105"/>
        <source>Danger: temperature from</source>
        <translation>Dấu hiệu nặng: nhiệt độ từ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="106"/>
        <source>Default place of treatment of a new F0</source>
        <translation>Nơi điều trị mặc định của F0 mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="107"/>
        <source>Symptoms that are danger signs</source>
        <translation>Triệu chứng là dấu hiệu nặng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="114"/>
        <source>Save thresholds</source>
        <translation>Lưu các ngưỡng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/followup_settings.py" line="137"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailDialog</name>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="220"/>
        <location filename="../../ui/pages/households/detail.py" line="221"/>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="222"/>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="223"/>
        <source>House number</source>
        <translation>Số nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="224"/>
        <source>Street</source>
        <translation>Đường, phố</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="225"/>
        <location filename="../../ui/pages/households/detail.py" line="241"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="226"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="227"/>
        <source>Poor household</source>
        <translation>Hộ nghèo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="228"/>
        <source>Save &amp;household</source>
        <translation>&amp;Lưu thông tin hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="229"/>
        <source>&amp;People</source>
        <translation>&amp;Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="230"/>
        <source>Status &amp;history</source>
        <translation>&amp;Lịch sử tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="231"/>
        <source>&amp;Tests</source>
        <translation>&amp;Xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="232"/>
        <source>&amp;Relief</source>
        <translation>&amp;Cứu trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="233"/>
        <source>Re&amp;quests</source>
        <translation>Đề &amp;nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="236"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="237"/>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="238"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="239"/>
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="240"/>
        <source>CCCD</source>
        <translation>CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="242"/>
        <source>Vulnerable</source>
        <translation>Dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="243"/>
        <location filename="../../ui/pages/households/detail.py" line="252"/>
        <location filename="../../ui/pages/households/detail.py" line="273"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="244"/>
        <location filename="../../ui/pages/households/detail.py" line="253"/>
        <source>Isolation</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="245"/>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="250"/>
        <source>Recorded</source>
        <translation>Thời điểm ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="251"/>
        <location filename="../../ui/pages/households/detail.py" line="262"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="254"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="255"/>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="256"/>
        <source>By</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="257"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="258"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="262"/>
        <location filename="../../ui/pages/households/detail.py" line="266"/>
        <location filename="../../ui/pages/households/detail.py" line="270"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="262"/>
        <location filename="../../ui/pages/households/detail.py" line="271"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="262"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="264"/>
        <source>Add a &amp;test result…</source>
        <translation>Thêm kết quả &amp;xét nghiệm…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="266"/>
        <source>Items</source>
        <translation>Hàng đã giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="266"/>
        <source>Delivered by</source>
        <translation>Người giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="266"/>
        <source>Received by</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="272"/>
        <source>Detail</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="274"/>
        <source>Resolved</source>
        <translation>Ngày giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="277"/>
        <source>Change &amp;status…</source>
        <translation>Ghi &amp;tình trạng…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="278"/>
        <source>&amp;Add person…</source>
        <translation>&amp;Thêm người…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="279"/>
        <source>&amp;Edit person…</source>
        <translation>&amp;Sửa thông tin…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="280"/>
        <location filename="../../ui/pages/households/detail.py" line="539"/>
        <source>Remove person</source>
        <translation>Xóa người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="281"/>
        <source>Cancel this entry (a mistake)</source>
        <translation>Hủy lần ghi này (ghi nhầm)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="282"/>
        <source>Record &amp;delivery…</source>
        <translation>Ghi &amp;giao hàng…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="283"/>
        <source>New &amp;request…</source>
        <translation>Thêm đề &amp;nghị…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="284"/>
        <source>Mark as met</source>
        <translation>Đã đáp ứng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="285"/>
        <source>Mark as refused</source>
        <translation>Không đáp ứng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="286"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="293"/>
        <source>&amp;Undo: {action}</source>
        <translation>&amp;Hoàn tác: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="293"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="322"/>
        <source>to check</source>
        <translation>cần kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="417"/>
        <source>edit household</source>
        <translation>sửa thông tin hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="468"/>
        <source>status of {name}</source>
        <translation>tình trạng của {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="483"/>
        <source>cancel a status entry</source>
        <translation>hủy một lần ghi tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="502"/>
        <source>add {name}</source>
        <translation>thêm {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="525"/>
        <source>edit {name}</source>
        <translation>sửa {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="541"/>
        <source>Remove {name} from this household? Their status history, test results and the household&apos;s record of them are deleted and cannot be undone.</source>
        <translation>Xóa {name} khỏi hộ này? Lịch sử tình trạng, kết quả xét nghiệm của người này sẽ bị xóa và không hoàn tác được.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="570"/>
        <source>relief delivery</source>
        <translation>giao hàng cứu trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="595"/>
        <source>request</source>
        <translation>đề nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/detail.py" line="610"/>
        <source>request status</source>
        <translation>trạng thái đề nghị</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="485"/>
        <source>New household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="493"/>
        <source>Poor household</source>
        <translation>Hộ nghèo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="494"/>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="495"/>
        <source>House number</source>
        <translation>Số nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="496"/>
        <source>Street</source>
        <translation>Đường, phố</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="497"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="506"/>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
</context>
<context>
    <name>HouseholdLabels</name>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="13"/>
        <location filename="../../ui/pages/households/labels.py" line="49"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="14"/>
        <source>Recovered</source>
        <translation>Khỏi bệnh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="15"/>
        <source>Moved to a facility</source>
        <translation>Chuyển cơ sở điều trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="16"/>
        <source>Died</source>
        <translation>Tử vong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="23"/>
        <source>Central facility</source>
        <translation>Cách ly tập trung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="24"/>
        <source>At home</source>
        <translation>Cách ly tại nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="25"/>
        <source>Self-monitoring</source>
        <translation>Tự theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="32"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="33"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="39"/>
        <source>Rapid test</source>
        <translation>Test nhanh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="50"/>
        <source>Positive</source>
        <translation>Dương tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="51"/>
        <source>Invalid</source>
        <translation>Không xác định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="57"/>
        <source>Rice</source>
        <translation>Gạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="58"/>
        <source>Food</source>
        <translation>Thực phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="59"/>
        <source>Medicine</source>
        <translation>Thuốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="60"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="66"/>
        <source>Open</source>
        <translation>Chưa giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="67"/>
        <source>In progress</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="68"/>
        <source>Met</source>
        <translation>Đã đáp ứng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="69"/>
        <source>Refused</source>
        <translation>Không đáp ứng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="75"/>
        <source>elderly</source>
        <translation>cao tuổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="76"/>
        <source>young child</source>
        <translation>trẻ nhỏ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="77"/>
        <source>pregnant</source>
        <translation>mang thai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="78"/>
        <source>disabled</source>
        <translation>khuyết tật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/labels.py" line="79"/>
        <source>chronic illness</source>
        <translation>bệnh nền</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="45"/>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="46"/>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="47"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="48"/>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="49"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="50"/>
        <source>Isolation ends</source>
        <translation>Hết cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="51"/>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="52"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="53"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="55"/>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="210"/>
        <source>{n} people isolating; the first isolation ends on {date}</source>
        <translation>{n} người đang cách ly; người sớm nhất hết cách ly ngày {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="215"/>
        <source>{n} at a central facility</source>
        <translation>{n} người cách ly tập trung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="240"/>
        <source>vulnerable</source>
        <translation>dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/table_model.py" line="242"/>
        <source>poor</source>
        <translation>hộ nghèo</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="246"/>
        <source>Lockdown households</source>
        <translation>Hộ trong vùng phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="247"/>
        <source>Households</source>
        <translation>Danh sách hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="248"/>
        <source>Work lists</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="249"/>
        <source>Health follow-up</source>
        <translation>Theo dõi sức khỏe</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="250"/>
        <source>Lockdown areas</source>
        <translation>Khu vực phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="251"/>
        <source>New area…</source>
        <translation>Thêm khu vực…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="252"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="253"/>
        <source>Search name, address, phone…</source>
        <translation>Tìm tên, địa chỉ, điện thoại…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="255"/>
        <source>Type without accents if you like: “hoang” finds “Hoàng”. Ctrl+F</source>
        <translation>Gõ không dấu cũng được: “hoang” tìm ra “Hoàng”. Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="260"/>
        <source>Any status</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="261"/>
        <source>F0 or F1</source>
        <translation>F0 hoặc F1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="265"/>
        <source>Isolating now</source>
        <translation>Đang cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="266"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="267"/>
        <source>No status recorded</source>
        <translation>Chưa ghi tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="270"/>
        <source>Vulnerable</source>
        <translation>Dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="273"/>
        <location filename="../../ui/pages/households/__init__.py" line="418"/>
        <source>All communes</source>
        <translation>Mọi xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="273"/>
        <location filename="../../ui/pages/households/__init__.py" line="418"/>
        <source>All districts</source>
        <translation>Mọi huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="275"/>
        <location filename="../../ui/pages/households/__init__.py" line="421"/>
        <source>This office</source>
        <translation>Cơ quan này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="276"/>
        <source>Isolation ends within 2 days</source>
        <translation>Hết cách ly trong 2 ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="277"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="278"/>
        <source>&amp;New household…</source>
        <translation>Thêm &amp;hộ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="279"/>
        <source>&amp;Import Excel…</source>
        <translation>&amp;Nhập Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="280"/>
        <source>E&amp;xport Excel…</source>
        <translation>&amp;Xuất Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="281"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="283"/>
        <source>Door-to-door and test lists, relief sheets, Resolution 68 papers (Ctrl+P)</source>
        <translation>Danh sách đi từng hộ, danh sách xét nghiệm, danh sách cấp phát hàng, hồ sơ hỗ trợ theo Nghị quyết 68 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="303"/>
        <source>&amp;Undo: {action}</source>
        <translation>&amp;Hoàn tác: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="303"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="372"/>
        <source>All areas
{households} households · {people} people</source>
        <translation>Tất cả khu vực
{households} hộ · {people} người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="381"/>
        <source>{name}
{households} households · {people} people · F0 {f0} · F1 {f1}</source>
        <translation>{name}
{households} hộ · {people} người · F0 {f0} · F1 {f1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="386"/>
        <source>(lockdown ended)</source>
        <translation>(đã kết thúc phong tỏa)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="437"/>
        <location filename="../../ui/pages/households/__init__.py" line="445"/>
        <source>All villages</source>
        <translation>Mọi thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="477"/>
        <source>{n} households</source>
        <translation>{n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="568"/>
        <source>new area {name}</source>
        <translation>thêm khu vực {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="592"/>
        <source>edit area {name}</source>
        <translation>sửa khu vực {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="607"/>
        <source>New household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="608"/>
        <source>Choose the lockdown area on the left first.</source>
        <translation>Hãy chọn khu vực phong tỏa ở bên trái trước.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="625"/>
        <source>new household {name}</source>
        <translation>thêm hộ {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="657"/>
        <source>Export households</source>
        <translation>Xuất danh sách hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="657"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="670"/>
        <source>Export finished</source>
        <translation>Đã xuất xong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="671"/>
        <source>{households} households, {people} people written to {file}.</source>
        <translation>Đã ghi {households} hộ, {people} người vào tệp {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/__init__.py" line="682"/>
        <source>Exporting households…</source>
        <translation>Đang xuất danh sách hộ…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="162"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="172"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="173"/>
        <source>Into lockdown area</source>
        <translation>Vào khu vực phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="155"/>
        <source>Import a household list</source>
        <translation>Nhập danh sách hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="177"/>
        <source>Choose the commune&apos;s list (.xlsx, .xls, .ods or .csv, every sheet read; or a table in a Word file, .docx or .doc). Nothing is written until you press Import: first you see every row and its problems.</source>
        <translation>Chọn danh sách của xã (.xlsx, .xls, .ods hoặc .csv, đọc mọi trang; hoặc bảng trong tệp Word, .docx hay .doc). Chưa ghi gì cho đến khi bấm Nhập: trước hết anh/chị xem từng dòng và vấn đề của nó.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="192"/>
        <source>Show only rows with problems</source>
        <translation>Chỉ hiện các dòng có lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="213"/>
        <source>&amp;Undo last import…</source>
        <translation>&amp;Hoàn tác lần nhập gần nhất…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="216"/>
        <source>&amp;Save rows that need attention…</source>
        <translation>&amp;Lưu các dòng cần xem lại…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="221"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="225"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="233"/>
        <source>Create a lockdown area first: households belong to one.</source>
        <translation>Hãy tạo khu vực phong tỏa trước: mỗi hộ thuộc một khu vực.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="240"/>
        <source>Household list</source>
        <translation>Danh sách hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="284"/>
        <source>To import: {households} households, {people} people (F0: {f0}, F1: {f1}) — {new_h} new households, {upd_h} updated; {new_p} new people; {status} status changes. IDs to check: {check}. Rows left out (not people): {rejected}. Warnings: {warnings}.</source>
        <translation>Sẽ nhập: {households} hộ, {people} người (F0: {f0}, F1: {f1}) — {new_h} hộ mới, {upd_h} hộ cập nhật; {new_p} người mới; {status} thay đổi tình trạng. Số giấy tờ cần kiểm tra: {check}. Dòng bỏ qua (không phải người): {rejected}. Cảnh báo: {warnings}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="306"/>
        <source>{sheet}: skipped ({why})</source>
        <translation>{sheet}: bỏ qua ({why})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="310"/>
        <source>{sheet}: {households} households, {people} people</source>
        <translation>{sheet}: {households} hộ, {people} người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="314"/>
        <source>Sheets — </source>
        <translation>Các trang — </translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="320"/>
        <source>Rows that are not people, left out:</source>
        <translation>Các dòng không phải người, đã bỏ qua:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="329"/>
        <source>({n} rows are not people: titles, totals, blank rows; see the tip)</source>
        <translation>({n} dòng không phải người: tiêu đề, dòng tổng, dòng trống; rê chuột vào đây để xem từng dòng)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="351"/>
        <source>Save rows that need attention</source>
        <translation>Lưu các dòng cần xem lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="353"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="371"/>
        <source>Rows saved</source>
        <translation>Đã lưu các dòng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="373"/>
        <source>Saved {count} rows to {name}: fix them there and import the file again.</source>
        <translation>Đã lưu {count} dòng vào {name}: sửa trong tệp đó rồi nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="392"/>
        <source>Importing {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="401"/>
        <source>Imported {households} households, {people} people (F0: {f0}, F1: {f1}); {new} new households. Rows left out (not people): {rejected}.</source>
        <translation>Đã nhập {households} hộ, {people} người (F0: {f0}, F1: {f1}); {new} hộ mới. Dòng bỏ qua (không phải người): {rejected}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="412"/>
        <source>The list is the same as the one already imported: nothing was changed.</source>
        <translation>Danh sách giống hệt lần đã nhập: không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="425"/>
        <source>Undo the import of {name} ({date}): {households} households</source>
        <translation>Hoàn tác lần nhập tệp {name} ({date}): {households} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="432"/>
        <source>No import into this area to undo.</source>
        <translation>Khu vực này chưa có lần nhập nào để hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="442"/>
        <location filename="../../ui/pages/households/import_dialog.py" line="465"/>
        <location filename="../../ui/pages/households/import_dialog.py" line="470"/>
        <source>Undo last import</source>
        <translation>Hoàn tác lần nhập gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="444"/>
        <source>Undo the import of {name}? The households and people it added are removed and what it changed is put back.</source>
        <translation>Hoàn tác lần nhập tệp {name}? Các hộ và người được thêm sẽ bị xóa, những gì bị thay đổi được trả lại như cũ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="451"/>
        <location filename="../../ui/pages/households/import_dialog.py" line="456"/>
        <source>Undoing the import…</source>
        <translation>Đang hoàn tác lần nhập…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="463"/>
        <source>The import of {name} was undone.</source>
        <translation>Đã hoàn tác lần nhập tệp {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="481"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Đã hủy: không có gì được ghi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="254"/>
        <location filename="../../ui/pages/households/import_dialog.py" line="266"/>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="243"/>
        <source>Household lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.docx *.doc *.odt *.rtf *.htm *.html *.pdf);;All files (*)</source>
        <translation>Danh sách hộ (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.docx *.doc *.odt *.rtf *.htm *.html *.pdf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="382"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="415"/>
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
</context>
<context>
    <name>LockdownCard</name>
    <message>
        <location filename="../../ui/pages/households/overview.py" line="42"/>
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
        <source>ID number (CMND/CCCD)</source>
        <translation>Số CMND/CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="265"/>
        <source>Needs checking: {why}. Type the correct number.</source>
        <translation>Cần kiểm tra: {why}. Hãy nhập số đúng.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="243"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="244"/>
        <source>Vulnerable</source>
        <translation>Dễ tổn thương</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="245"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="258"/>
        <source>{masked} (type a new number to change it)</source>
        <translation>{masked} (nhập số mới nếu muốn sửa)</translation>
    </message>
</context>
<context>
    <name>OfferF0Dialog</name>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="84"/>
        <source>Positive result: record F0?</source>
        <translation>Dương tính: ghi nhận F0?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="88"/>
        <source>These people tested positive. Record them as F0 from the day of the test, treated at the place below? Untick anyone to leave them as they are.</source>
        <translation>Những người sau có kết quả dương tính. Ghi nhận là F0 từ ngày xét nghiệm, điều trị tại nơi ghi dưới đây? Bỏ chọn người nào muốn để nguyên.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="97"/>
        <source>{name} — positive on {date}</source>
        <translation>{name} — dương tính ngày {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="108"/>
        <source>Treated at</source>
        <translation>Nơi điều trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="113"/>
        <source>Record &amp;F0</source>
        <translation>Ghi &amp;F0</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="114"/>
        <source>&amp;Not now</source>
        <translation>&amp;Để sau</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="89"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="90"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="91"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="92"/>
        <source>Will be</source>
        <translation>Sẽ là</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="93"/>
        <source>Problems</source>
        <translation>Lỗi, cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="94"/>
        <source>Sheet</source>
        <translation>Trang</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="118"/>
        <source>head of household</source>
        <translation>chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="119"/>
        <source>member</source>
        <translation>thành viên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="120"/>
        <source>village heading</source>
        <translation>tên thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="121"/>
        <source>household heading</source>
        <translation>tên hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="122"/>
        <source>skipped</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="123"/>
        <source>total / end of table</source>
        <translation>dòng tổng / hết bảng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="131"/>
        <source>left out</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="133"/>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="134"/>
        <source>updated</source>
        <translation>cập nhật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/import_dialog.py" line="135"/>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="175"/>
        <source>Print for the villages</source>
        <translation>In giấy tờ cho thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="177"/>
        <source>Door-to-door list</source>
        <translation>Danh sách hộ đi từng nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="178"/>
        <source>Test round list</source>
        <translation>Danh sách xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="179"/>
        <source>Relief distribution sheet</source>
        <translation>Danh sách cấp phát hàng hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="180"/>
        <source>Resolution 68 support list</source>
        <translation>Danh sách hỗ trợ theo Nghị quyết 68</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="181"/>
        <source>Isolation decision</source>
        <translation>Quyết định cách ly y tế</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="182"/>
        <source>Isolation completion certificate</source>
        <translation>Giấy xác nhận hoàn thành cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="183"/>
        <source>Recovery certificate</source>
        <translation>Giấy xác nhận khỏi bệnh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="188"/>
        <source>&amp;Paper</source>
        <translation>&amp;Loại giấy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="189"/>
        <source>&amp;Area</source>
        <translation>&amp;Khu vực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="190"/>
        <source>&amp;Village</source>
        <translation>&amp;Thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="191"/>
        <source>Test &amp;round</source>
        <translation>Đợt &amp;xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="192"/>
        <source>P&amp;erson</source>
        <translation>&amp;Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="193"/>
        <location filename="../../ui/pages/households/print_dialog.py" line="267"/>
        <source>&amp;Date</source>
        <translation>&amp;Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="194"/>
        <source>&amp;From</source>
        <translation>&amp;Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="195"/>
        <source>&amp;To</source>
        <translation>Đến ngà&amp;y</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="199"/>
        <source>Pre&amp;view</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="200"/>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="201"/>
        <source>P&amp;rint…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="202"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="206"/>
        <source>Pages: {n}</source>
        <translation>Số trang: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="220"/>
        <source>All villages</source>
        <translation>Tất cả các thôn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="229"/>
        <source>Everyone of the area</source>
        <translation>Mọi người trong khu vực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="264"/>
        <source>&amp;Date given out</source>
        <translation>&amp;Ngày cấp phát</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="265"/>
        <source>&amp;Completed by</source>
        <translation>&amp;Hoàn thành trước ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="266"/>
        <source>In isolation &amp;on</source>
        <translation>Đang cách ly &amp;vào ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="309"/>
        <location filename="../../ui/pages/households/print_dialog.py" line="312"/>
        <source>Making the paper…</source>
        <translation>Đang lập giấy tờ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="332"/>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="364"/>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="397"/>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/print_dialog.py" line="408"/>
        <source>Sent {n} pages to the printer.</source>
        <translation>Đã gửi {n} trang tới máy in.</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="455"/>
        <source>Request from the household</source>
        <translation>Đề nghị của hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="463"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="464"/>
        <source>Detail</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="470"/>
        <source>Rice</source>
        <translation>Gạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="471"/>
        <source>Food</source>
        <translation>Thực phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="472"/>
        <source>Medicine</source>
        <translation>Thuốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="473"/>
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
        <location filename="../../ui/pages/households/dialogs.py" line="301"/>
        <source>Change health status</source>
        <translation>Ghi tình trạng sức khỏe</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="306"/>
        <source>F0 (positive)</source>
        <translation>F0 (dương tính)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="307"/>
        <source>F1 (close contact)</source>
        <translation>F1 (tiếp xúc gần)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="308"/>
        <source>F2 (contact of an F1)</source>
        <translation>F2 (tiếp xúc với F1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="309"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="310"/>
        <source>Recovered</source>
        <translation>Khỏi bệnh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="311"/>
        <source>Moved to a treatment facility</source>
        <translation>Chuyển cơ sở điều trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="312"/>
        <source>Died</source>
        <translation>Tử vong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="317"/>
        <source>Central facility</source>
        <translation>Cách ly tập trung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="318"/>
        <source>At home</source>
        <translation>Cách ly tại nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="319"/>
        <source>Self-monitoring</source>
        <translation>Tự theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="320"/>
        <source>No isolation</source>
        <translation>Không cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="324"/>
        <source>until</source>
        <translation>có ngày kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="327"/>
        <source>signed-in user</source>
        <translation>người đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="331"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="332"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="333"/>
        <source>Isolation</source>
        <translation>Cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="334"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="335"/>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="337"/>
        <source>Recorded by</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="338"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="372"/>
        <source>Facility</source>
        <translation>Cơ sở điều trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="372"/>
        <source>Treated at</source>
        <translation>Nơi điều trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/dialogs.py" line="394"/>
        <source>Isolation ends on {date}: {days} days, as set in Settings.</source>
        <translation>Hết cách ly ngày {date}: {days} ngày, theo Cài đặt.</translation>
    </message>
</context>
<context>
    <name>Support68Settings</name>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="87"/>
        <source>Resolution 68 support</source>
        <translation>Hỗ trợ theo Nghị quyết 68</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="89"/>
        <source>Meals per person per day</source>
        <translation>Tiền ăn mỗi người một ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="90"/>
        <source>F0 in treatment: at most (days)</source>
        <translation>F0 điều trị: tối đa (ngày)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="91"/>
        <source>F1 isolated by decision: at most (days)</source>
        <translation>F1 cách ly theo quyết định: tối đa (ngày)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="92"/>
        <source>Once per child</source>
        <translation>Một lần cho mỗi trẻ em</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="93"/>
        <source>Children under (years)</source>
        <translation>Trẻ em dưới (tuổi)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="98"/>
        <source> đồng</source>
        <translation> đồng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="99"/>
        <source>F1 counted when isolated</source>
        <translation>Tính F1 khi cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="101"/>
        <source>at a facility</source>
        <translation>tập trung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="102"/>
        <source>at home</source>
        <translation>tại nhà</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="103"/>
        <source>self-monitoring</source>
        <translation>tự theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="107"/>
        <source>Save support rates</source>
        <translation>Lưu mức hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/support68_settings.py" line="158"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>TestEntryDialog</name>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="42"/>
        <source>Add a test result</source>
        <translation>Thêm kết quả xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="49"/>
        <source>Rapid test</source>
        <translation>Test nhanh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="52"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="53"/>
        <source>Positive</source>
        <translation>Dương tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="54"/>
        <source>Invalid</source>
        <translation>Không xác định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="55"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="56"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="57"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="58"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="62"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/test_entry.py" line="63"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>TestResultsDialog</name>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="380"/>
        <source>Test results</source>
        <translation>Kết quả xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="387"/>
        <source>Round of {date} ({kind}). Choose each person&apos;s result; leave empty for people not tested.</source>
        <translation>Đợt ngày {date} ({kind}). Chọn kết quả của từng người; để trống nếu chưa xét nghiệm.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="393"/>
        <source>Search a name…</source>
        <translation>Tìm tên…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="396"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="396"/>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="396"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="404"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="405"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="421"/>
        <source>Negative</source>
        <translation>Âm tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="422"/>
        <source>Positive</source>
        <translation>Dương tính</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="423"/>
        <source>Invalid</source>
        <translation>Không xác định</translation>
    </message>
</context>
<context>
    <name>WorklistsPanel</name>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="175"/>
        <source>Household / person</source>
        <translation>Hộ / người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="175"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="169"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="170"/>
        <source>Isolation ends</source>
        <translation>Hết cách ly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="171"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="172"/>
        <source>Back on</source>
        <translation>Dự kiến về</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="173"/>
        <source>Last relief</source>
        <translation>Lần tiếp tế cuối</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="176"/>
        <source>New round…</source>
        <translation>Thêm đợt…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="178"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="179"/>
        <source>Enter results…</source>
        <translation>Nhập kết quả…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="185"/>
        <source>All communes</source>
        <translation>Mọi xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="185"/>
        <source>All districts</source>
        <translation>Mọi huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="185"/>
        <source>This office</source>
        <translation>Cơ quan này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="188"/>
        <source>&amp;District</source>
        <translation>&amp;Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="188"/>
        <source>&amp;Commune</source>
        <translation>&amp;Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="194"/>
        <source>Isolation ends today or tomorrow: {n} households</source>
        <translation>Hết cách ly hôm nay hoặc ngày mai: {n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="197"/>
        <source>Not tested in this round: {n} households</source>
        <translation>Chưa xét nghiệm đợt này: {n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="199"/>
        <source>Empty houses, police watch: {n}</source>
        <translation>Nhà không người, cần công an trông coi: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="202"/>
        <source>Every member of these households is in central isolation: the house stands empty and needs a police watch against theft.</source>
        <translation>Cả hộ đang cách ly tập trung: nhà bỏ trống, cần công an trông coi, phòng trộm cắp.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="207"/>
        <source>Vulnerable, no relief for 7 days: {n}</source>
        <translation>Dễ tổn thương, 7 ngày chưa tiếp tế: {n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="209"/>
        <source>ID numbers to check: {n} households</source>
        <translation>Số giấy tờ cần kiểm tra: {n} hộ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="212"/>
        <source>People whose CMND/CCCD number failed a check on import. They were kept as typed; open the household to correct the number.</source>
        <translation>Những người có số CMND/CCCD không qua được bước kiểm tra khi nhập. Số được giữ như đã ghi; mở hộ để sửa lại số.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="218"/>
        <source>Households with an elderly person, a young child, a pregnant woman, a disabled or chronically ill person, or poor households, with no relief in 7 days.</source>
        <translation>Hộ có người cao tuổi, trẻ nhỏ, phụ nữ mang thai, người khuyết tật hoặc mắc bệnh nền, và hộ nghèo, chưa được tiếp tế trong 7 ngày.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="251"/>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="285"/>
        <source>today ({date})</source>
        <translation>hôm nay ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="286"/>
        <source>tomorrow ({date})</source>
        <translation>ngày mai ({date})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="306"/>
        <source>New test round</source>
        <translation>Thêm đợt xét nghiệm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="316"/>
        <source>Area</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="317"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="318"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households/worklists.py" line="322"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>
