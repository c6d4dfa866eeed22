<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AttendanceTab</name>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="426"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="427"/>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="438"/>
        <source>Site</source>
        <translation>Điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="428"/>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="443"/>
        <source>Marked by</source>
        <translation>Người điểm danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="429"/>
        <source>shift leader&apos;s name</source>
        <translation>tên trưởng ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="430"/>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="431"/>
        <source>Absent</source>
        <translation>Vắng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="432"/>
        <source>Replaced by…</source>
        <translation>Có người trực thay…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="433"/>
        <source>Clear mark</source>
        <translation>Xóa điểm danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="434"/>
        <source>Everyone unmarked was present</source>
        <translation>Những người chưa điểm danh đều có mặt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="437"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="439"/>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="543"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="440"/>
        <source>Leader</source>
        <translation>Trưởng ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="441"/>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="442"/>
        <source>Replaced by</source>
        <translation>Người trực thay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="447"/>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="453"/>
        <source>All sites</source>
        <translation>Tất cả điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="470"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="524"/>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="531"/>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="549"/>
        <source>Mark attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="542"/>
        <source>Who replaced {name}?</source>
        <translation>Ai trực thay {name}?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="543"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="543"/>
        <source>Roles</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="572"/>
        <source>Clear attendance</source>
        <translation>Xóa điểm danh</translation>
    </message>
</context>
<context>
    <name>CandidatesDialog</name>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="236"/>
        <source>Who can take this shift</source>
        <translation>Ai nhận được ca này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="244"/>
        <source>Type to filter by name, unit or role…</source>
        <translation>Gõ để lọc theo tên, đơn vị hoặc lực lượng…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="249"/>
        <source>Can take it</source>
        <translation>Nhận được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="250"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="251"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="252"/>
        <source>Roles</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="253"/>
        <source>Shifts, rest, or why not</source>
        <translation>Số ca, giờ nghỉ hoặc lý do không được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="262"/>
        <source>brings a missing role; </source>
        <translation>bù đúng lực lượng còn thiếu; </translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="303"/>
        <source>Put on this shift</source>
        <translation>Xếp vào ca này</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="355"/>
        <source>Type to filter…</source>
        <translation>Gõ để lọc…</translation>
    </message>
</context>
<context>
    <name>DayModel</name>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="153"/>
        <source>(not active)</source>
        <translation>(không hoạt động)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="174"/>
        <source>Site</source>
        <translation>Điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="174"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="174"/>
        <source>On duty</source>
        <translation>Người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="174"/>
        <source>Missing</source>
        <translation>Còn thiếu</translation>
    </message>
</context>
<context>
    <name>FairnessTab</name>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="313"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="314"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="317"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="318"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="319"/>
        <source>Roles</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="320"/>
        <source>Shifts</source>
        <translation>Số ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="321"/>
        <source>Nights</source>
        <translation>Ca đêm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="322"/>
        <source>Weekend</source>
        <translation>Cuối tuần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="323"/>
        <source>Hours</source>
        <translation>Số giờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="324"/>
        <source>Leader</source>
        <translation>Trưởng ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="325"/>
        <source>Days off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="326"/>
        <source>Absent</source>
        <translation>Vắng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="327"/>
        <source>Covered for others</source>
        <translation>Trực thay người khác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="364"/>
        <source>Shifts per person without leave, by role group: {groups}</source>
        <translation>Số ca mỗi người (không tính người có nghỉ), theo lực lượng: {groups}</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="423"/>
        <location filename="../../ui/pages/rosters/dialogs.py" line="445"/>
        <source>Make the roster</source>
        <translation>Xếp lịch trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="427"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="428"/>
        <source>To (inclusive)</source>
        <translation>Đến hết ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="429"/>
        <source>Only this site: {name}</source>
        <translation>Chỉ điểm này: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="431"/>
        <source>Keep the current roster where the rules allow</source>
        <translation>Giữ lịch hiện có khi quy định cho phép</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="436"/>
        <source>Locked cells and shifts already marked for attendance are always kept. You can undo the whole change with Ctrl+Z.</source>
        <translation>Các ô đã cố định và các ca đã điểm danh luôn được giữ nguyên. Có thể hoàn tác cả lần xếp bằng Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="453"/>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc đang trước ngày bắt đầu.</translation>
    </message>
</context>
<context>
    <name>ManageTab</name>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="141"/>
        <source>Change rules…</source>
        <translation>Sửa quy định…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="142"/>
        <source>Sites</source>
        <translation>Điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="143"/>
        <source>New site…</source>
        <translation>Thêm điểm trực…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="144"/>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="156"/>
        <source>Change…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="145"/>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="159"/>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="396"/>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="532"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="146"/>
        <source>People on duty</source>
        <translation>Người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="147"/>
        <source>Find by name, unit, role…</source>
        <translation>Tìm theo tên, đơn vị, lực lượng…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="148"/>
        <source>New person…</source>
        <translation>Thêm người…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="157"/>
        <source>Cannot work from…</source>
        <translation>Báo nghỉ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="158"/>
        <source>Stop / resume duty</source>
        <translation>Thôi / trực lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="173"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="163"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="149"/>
        <source>Import list…</source>
        <translation>Nhập danh sách…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="152"/>
        <source>Add everyone of a list the commune keeps (Excel, .csv, a Word table, a PDF): a Name column, and a Force or Unit column and a Phone column if there are</source>
        <translation>Thêm mọi người trong danh sách xã đang có (Excel, .csv, bảng Word, PDF): cần cột Họ và tên; có thêm cột Lực lượng hoặc Đơn vị, cột Điện thoại càng tốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="162"/>
        <source>Site name</source>
        <translation>Tên điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="164"/>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="165"/>
        <source>Shifts</source>
        <translation>Ca trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="166"/>
        <source>People per shift</source>
        <translation>Số người mỗi ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="167"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="174"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="175"/>
        <source>Roles</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="176"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="177"/>
        <source>Own limits</source>
        <translation>Giới hạn riêng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="178"/>
        <source>On duty</source>
        <translation>Tham gia trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="185"/>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="185"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="189"/>
        <source>All communes</source>
        <translation>Mọi xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="189"/>
        <source>All districts</source>
        <translation>Mọi huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="189"/>
        <source>This office</source>
        <translation>Cơ quan này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="192"/>
        <source>&amp;District</source>
        <translation>&amp;Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="192"/>
        <source>&amp;Commune</source>
        <translation>&amp;Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="204"/>
        <source>Rules: at least {rest} hours of rest between two shifts; at most {week} shifts a week (Monday to Sunday); at most {nights} night shifts in a row.</source>
        <translation>Quy định: nghỉ ít nhất {rest} giờ giữa hai ca; tối đa {week} ca mỗi tuần (thứ Hai đến Chủ nhật); tối đa {nights} đêm trực liền.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="266"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="266"/>
        <source>stopped</source>
        <translation>đã thôi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="270"/>
        <source>at most {n} a week</source>
        <translation>tối đa {n} ca/tuần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="272"/>
        <source>no nights</source>
        <translation>không trực đêm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="348"/>
        <source>Change rules</source>
        <translation>Sửa quy định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="361"/>
        <source>Add site</source>
        <translation>Thêm điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="388"/>
        <source>Change site</source>
        <translation>Sửa điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="396"/>
        <source>Delete the site “{name}”?</source>
        <translation>Xóa điểm trực “{name}”?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="423"/>
        <source>Delete site</source>
        <translation>Xóa điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="438"/>
        <source>Add person</source>
        <translation>Thêm người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="459"/>
        <source>Change person</source>
        <translation>Sửa thông tin người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="470"/>
        <source>List of people on duty</source>
        <translation>Danh sách người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="473"/>
        <source>Lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.docx *.doc *.odt *.rtf *.htm *.html *.pdf);;All files (*)</source>
        <translation>Danh sách (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.docx *.doc *.odt *.rtf *.htm *.html *.pdf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="489"/>
        <source>Reading the list…</source>
        <translation>Đang đọc danh sách…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="509"/>
        <source>Import {n} people on duty</source>
        <translation>Nhập {n} người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="521"/>
        <source>Stop duty</source>
        <translation>Thôi tham gia trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="521"/>
        <source>Resume duty</source>
        <translation>Trực lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="533"/>
        <source>Delete {name} from the list?</source>
        <translation>Xóa {name} khỏi danh sách?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/manage_tab.py" line="554"/>
        <source>Delete person</source>
        <translation>Xóa người trực</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="102"/>
        <source>(not active)</source>
        <translation>(không hoạt động)</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="156"/>
        <source>Type part of a name, unit or phone…</source>
        <translation>Gõ một phần họ tên, đơn vị hoặc số điện thoại…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="213"/>
        <location filename="../../ui/pages/rosters/dialogs.py" line="222"/>
        <source>Chosen: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Người được chọn: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="215"/>
        <location filename="../../ui/pages/rosters/dialogs.py" line="226"/>
        <source>&lt;i&gt;No one matches what was typed.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Không có ai khớp với chữ đã gõ.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>PersonTab</name>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="168"/>
        <source>&amp;Person</source>
        <translation>&amp;Người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="169"/>
        <source>Whole month</source>
        <translation>Cả tháng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="170"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="171"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="172"/>
        <source>Cannot work from…</source>
        <translation>Báo nghỉ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="173"/>
        <source>Print their schedule…</source>
        <translation>In lịch cá nhân…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="176"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="177"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="178"/>
        <source>Hours</source>
        <translation>Số giờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="179"/>
        <source>Site</source>
        <translation>Điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="180"/>
        <source>Leader</source>
        <translation>Trưởng ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="181"/>
        <source>Locked</source>
        <translation>Cố định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="182"/>
        <source>Marks</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="213"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="230"/>
        <source>at most {n} shifts a week</source>
        <translation>tối đa {n} ca mỗi tuần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="232"/>
        <source>no night shifts</source>
        <translation>không trực đêm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="235"/>
        <source>{name} — {unit} — {roles}. {shifts} shifts, {nights} at night, {hours} hours.</source>
        <translation>{name} — {unit} — {roles}. {shifts} ca, trong đó {nights} ca đêm, {hours} giờ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="245"/>
        <source>Own limits: {limits}.</source>
        <translation>Giới hạn riêng: {limits}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="252"/>
        <source>Cannot work: {spans}</source>
        <translation>Không trực được: {spans}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="257"/>
        <source>No leave in these days.</source>
        <translation>Không có ngày nghỉ trong khoảng này.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="274"/>
        <source>Personal duty schedule</source>
        <translation>Lịch trực cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/other_tabs.py" line="275"/>
        <source>Preparing the schedule…</source>
        <translation>Đang chuẩn bị lịch cá nhân…</translation>
    </message>
</context>
<context>
    <name>RosterCard</name>
    <message>
        <location filename="../../ui/pages/rosters/overview.py" line="39"/>
        <source>duty shifts today</source>
        <translation>ca trực hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/overview.py" line="41"/>
        <source>duty shifts today: none planned yet</source>
        <translation>ca trực hôm nay: chưa xếp ca nào</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/overview.py" line="44"/>
        <source>duty shifts today, {n} not filled ({m} people missing)</source>
        <translation>ca trực hôm nay, {n} ca chưa đủ (thiếu {m} người)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/overview.py" line="49"/>
        <source>duty shifts today, all filled</source>
        <translation>ca trực hôm nay, đều đủ người</translation>
    </message>
</context>
<context>
    <name>RosterViews</name>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="60"/>
        <source>— {n} {role} missing —</source>
        <translation>— thiếu {n} {role} —</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="63"/>
        <source>— {n} missing —</source>
        <translation>— thiếu {n} người —</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="69"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
</context>
<context>
    <name>Rosters</name>
    <message>
        <location filename="../../ui/pages/rosters/common.py" line="75"/>
        <source>Mon</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/common.py" line="76"/>
        <source>Tue</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/common.py" line="77"/>
        <source>Wed</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/common.py" line="78"/>
        <source>Thu</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/common.py" line="79"/>
        <source>Fri</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/common.py" line="80"/>
        <source>Sat</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/common.py" line="81"/>
        <source>Sun</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="780"/>
        <source>Rule broken</source>
        <translation>Vi phạm quy định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="783"/>
        <source>Do it anyway? The cell will be marked until it is fixed.</source>
        <translation>Vẫn làm? Ô này sẽ bị đánh dấu cho đến khi được sửa.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/print_preview.py" line="69"/>
        <source>Save as PDF</source>
        <translation>Lưu thành tệp PDF</translation>
    </message>
</context>
<context>
    <name>RostersPage</name>
    <message>
        <location filename="../../ui/pages/rosters/__init__.py" line="71"/>
        <source>Duty rosters</source>
        <translation>Lịch trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/__init__.py" line="73"/>
        <source>Week by site</source>
        <translation>Lịch tuần theo điểm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/__init__.py" line="74"/>
        <source>Month and day</source>
        <translation>Tháng và ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/__init__.py" line="75"/>
        <source>By person</source>
        <translation>Theo người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/__init__.py" line="76"/>
        <source>Fairness</source>
        <translation>Công bằng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/__init__.py" line="77"/>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/__init__.py" line="78"/>
        <source>Sites and people</source>
        <translation>Điểm trực và người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/__init__.py" line="81"/>
        <source>Checkpoint log</source>
        <translation>Nhật ký chốt</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="745"/>
        <source>Roster rules</source>
        <translation>Quy định xếp lịch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="750"/>
        <source> hours</source>
        <translation> giờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="752"/>
        <source>Rest between two shifts, at least</source>
        <translation>Nghỉ giữa hai ca, ít nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="756"/>
        <source>Shifts a week (Monday to Sunday), at most</source>
        <translation>Số ca mỗi tuần (thứ Hai đến Chủ nhật), tối đa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="760"/>
        <source>Night shifts in a row, at most</source>
        <translation>Số đêm trực liền, tối đa</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="548"/>
        <source>Change site</source>
        <translation>Sửa điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="548"/>
        <source>New site</source>
        <translation>Thêm điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="551"/>
        <source>Name</source>
        <translation>Tên điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="557"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="559"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="561"/>
        <source>Active from</source>
        <translation>Hoạt động từ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="562"/>
        <source>Ends on</source>
        <translation>Kết thúc ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="572"/>
        <source>Active to</source>
        <translation>Hoạt động đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="585"/>
        <source>first shift at</source>
        <translation>ca đầu bắt đầu lúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="587"/>
        <source>Shifts</source>
        <translation>Ca trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="588"/>
        <source>Own shifts (start+hours)</source>
        <translation>Ca tự đặt (giờ bắt đầu+số giờ)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="594"/>
        <source>People per shift</source>
        <translation>Số người mỗi ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="605"/>
        <source>At least, per shift</source>
        <translation>Mỗi ca cần ít nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="607"/>
        <source>Printed on the wall sheet</source>
        <translation>In trên lịch dán tại chốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="608"/>
        <source>Hotline</source>
        <translation>Đường dây nóng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="610"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="655"/>
        <source>Change person</source>
        <translation>Sửa thông tin người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="655"/>
        <source>New person</source>
        <translation>Thêm người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="658"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="663"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="678"/>
        <source>Roles</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="680"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="681"/>
        <source>At most</source>
        <translation>Tối đa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="684"/>
        <source> shifts a week</source>
        <translation> ca mỗi tuần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="694"/>
        <source>Own limit</source>
        <translation>Giới hạn riêng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="695"/>
        <source>No night shifts</source>
        <translation>Không trực đêm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="701"/>
        <source>Day shifts</source>
        <translation>Ca ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="702"/>
        <source>Nights</source>
        <translation>Ca đêm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="703"/>
        <source>Weekends</source>
        <translation>Cuối tuần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="708"/>
        <source>no wish</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="709"/>
        <source>asks for</source>
        <translation>muốn trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="710"/>
        <source>avoids</source>
        <translation>xin tránh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="716"/>
        <source>Wishes (soft)</source>
        <translation>Mong muốn (nếu được)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="718"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>StaffImportDialog</name>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="25"/>
        <source>Import people on duty — {file}</source>
        <translation>Nhập người trực — {file}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="59"/>
        <source>To add: {new} people ({check} to check). Already in the list, left as they are: {known}. Named twice in the file, added once: {twice}.</source>
        <translation>Sẽ thêm: {new} người ({check} người cần kiểm tra). Đã có trong danh sách, giữ nguyên: {known}. Ghi hai lần trong tệp, thêm một lần: {twice}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="64"/>
        <source>Rows that are not people: {n} (hover to see them)</source>
        <translation>Dòng không phải người: {n} (rê chuột vào đây để xem)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="67"/>
        <source>Import {n} people</source>
        <translation>Nhập {n} người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="71"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="72"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="73"/>
        <source>Roles</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="74"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="75"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="76"/>
        <source>Will be</source>
        <translation>Sẽ là</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="77"/>
        <source>To check</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="82"/>
        <source>already in the list</source>
        <translation>đã có, giữ nguyên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="84"/>
        <source>named twice: once</source>
        <translation>ghi hai lần: thêm một lần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="86"/>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/staff_import.py" line="87"/>
        <source>(not known)</source>
        <translation>(chưa rõ)</translation>
    </message>
</context>
<context>
    <name>UnavailableDialog</name>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="480"/>
        <source>Cannot work from a date</source>
        <translation>Báo nghỉ từ một ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="484"/>
        <source>Person</source>
        <translation>Người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="489"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="492"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="493"/>
        <source>Until further notice</source>
        <translation>Chưa biết ngày trở lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="501"/>
        <source>To (inclusive)</source>
        <translation>Đến hết ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="503"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="505"/>
        <source>Take them off their shifts and re-plan from that day (keeps the rest)</source>
        <translation>Rút người này khỏi các ca và xếp lại từ ngày đó (giữ nguyên phần còn lại)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="521"/>
        <source>Choose a person: type part of the name, then Enter.</source>
        <translation>Hãy chọn người: gõ một phần họ tên rồi nhấn Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/dialogs.py" line="525"/>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc đang trước ngày bắt đầu.</translation>
    </message>
</context>
<context>
    <name>ViewsTab</name>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="227"/>
        <source>Month of a site</source>
        <translation>Cả tháng của một điểm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="228"/>
        <source>One day, all sites</source>
        <translation>Một ngày, mọi điểm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="229"/>
        <source>A3 landscape</source>
        <translation>A3 ngang</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="230"/>
        <source>A4 portrait</source>
        <translation>A4 dọc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="233"/>
        <source>Paper for the month: a team of up to 20 people fits one A3 sheet, or two A4 pages to pin side by side; a larger team runs on to more pages</source>
        <translation>Khổ giấy in cả tháng: tổ trực đến 20 người vừa một tờ A3, hoặc hai trang A4 dán cạnh nhau; đông hơn thì in thêm trang</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="237"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="238"/>
        <source>Picture for a chat group…</source>
        <translation>Ảnh gửi nhóm chat…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="240"/>
        <source>A PNG sized for a phone screen: the week of this site, or this day</source>
        <translation>Ảnh PNG vừa màn hình điện thoại: tuần của điểm này, hoặc ngày này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="279"/>
        <source>{site}, month {month}: {missing} places missing.</source>
        <translation>{site}, tháng {month}: còn thiếu {missing} chỗ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="292"/>
        <source>{day}: {n} shifts at {sites} sites, {missing} places missing.</source>
        <translation>{day}: {n} ca ở {sites} điểm, còn thiếu {missing} chỗ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="319"/>
        <location filename="../../ui/pages/rosters/views_tab.py" line="351"/>
        <source>Duty roster</source>
        <translation>Lịch trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="320"/>
        <source>Preparing the sheets…</source>
        <translation>Đang chuẩn bị tờ lịch…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="333"/>
        <source>Save picture</source>
        <translation>Lưu ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="351"/>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/views_tab.py" line="354"/>
        <source>Preparing the picture…</source>
        <translation>Đang chuẩn bị ảnh…</translation>
    </message>
</context>
<context>
    <name>WeekGridModel</name>
    <message>
        <location filename="../../ui/pages/rosters/grid_model.py" line="127"/>
        <source>— {n} missing —</source>
        <translation>— thiếu {n} người —</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/grid_model.py" line="93"/>
        <location filename="../../ui/pages/rosters/grid_model.py" line="148"/>
        <source>(not active)</source>
        <translation>(không hoạt động)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/grid_model.py" line="105"/>
        <source>The site is not active this day.</source>
        <translation>Điểm trực không hoạt động ngày này.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/grid_model.py" line="108"/>
        <source> — locked</source>
        <translation> — cố định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/grid_model.py" line="124"/>
        <source>— {n} {role} missing —</source>
        <translation>— thiếu {n} {role} —</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/grid_model.py" line="170"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
</context>
<context>
    <name>WeekTab</name>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="191"/>
        <source>&amp;Site</source>
        <translation>Đ&amp;iểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="192"/>
        <source>Previous week (Alt+Left)</source>
        <translation>Tuần trước (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="193"/>
        <source>Next week (Alt+Right)</source>
        <translation>Tuần sau (Alt+→)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="194"/>
        <source>Any day of the week to show</source>
        <translation>Một ngày bất kỳ trong tuần cần xem</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="195"/>
        <source>This week</source>
        <translation>Tuần này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="196"/>
        <source>Make roster…</source>
        <translation>Xếp lịch…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="198"/>
        <source>Make or re-make the roster for a range of days (keeps locked cells)</source>
        <translation>Xếp hoặc xếp lại lịch cho một khoảng ngày (giữ các ô cố định)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="200"/>
        <source>Cannot work from…</source>
        <translation>Báo nghỉ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="202"/>
        <source>Someone is sick, on leave or in quarantine from a date: re-plan from there</source>
        <translation>Có người ốm, nghỉ phép hoặc cách ly từ một ngày: xếp lại từ ngày đó</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="204"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="206"/>
        <source>This site&apos;s week (Ctrl+P), every site&apos;s week, or the week as a PDF file</source>
        <translation>Tuần này của điểm (Ctrl+P), tuần này của mọi điểm, hoặc lưu tuần thành tệp PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="208"/>
        <source>Print this site, this week…</source>
        <translation>In lịch tuần của điểm này…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="209"/>
        <source>Print all sites, this week…</source>
        <translation>In lịch tuần của tất cả các điểm…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="210"/>
        <source>Save this week as PDF…</source>
        <translation>Lưu lịch tuần thành PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="213"/>
        <source>● shift leader · bold: locked (kept by re-plans) · red: a rule is broken · amber: people or a role missing · grey: site not active · hover a cell for the reasons</source>
        <translation>● trưởng ca · chữ đậm: cố định (giữ khi xếp lại) · nền đỏ: vi phạm quy định · nền vàng: thiếu người hoặc thiếu lực lượng · nền xám: điểm không hoạt động · đưa chuột vào ô để xem lý do</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="218"/>
        <source>Change person… (Enter)</source>
        <translation>Đổi người… (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="219"/>
        <source>Add person…</source>
        <translation>Thêm người…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="220"/>
        <source>Take off (Del)</source>
        <translation>Rút khỏi ca (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="221"/>
        <location filename="../../ui/pages/rosters/week_tab.py" line="221"/>
        <source>Make shift leader</source>
        <translation>Làm trưởng ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="222"/>
        <source>Swap with…</source>
        <translation>Đổi chỗ với…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="273"/>
        <source>No site yet: add sites and people in the tab “Sites and people”.</source>
        <translation>Chưa có điểm trực: hãy thêm điểm trực và người trực ở thẻ “Điểm trực và người trực”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="278"/>
        <source>Week {start} – {end}: {missing} places missing, {marks} rule marks.</source>
        <translation>Tuần {start} – {end}: thiếu {missing} lượt người, {marks} cảnh báo vi phạm.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="87"/>
        <location filename="../../ui/pages/rosters/week_edits.py" line="231"/>
        <location filename="../../ui/pages/rosters/week_edits.py" line="253"/>
        <location filename="../../ui/pages/rosters/week_tab.py" line="305"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="315"/>
        <source>locked</source>
        <translation>cố định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="332"/>
        <source>{n} places missing: press “Add person…”</source>
        <translation>Thiếu {n} người: bấm “Thêm người…”</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="353"/>
        <source>Unlock (Ctrl+L)</source>
        <translation>Bỏ cố định (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_tab.py" line="353"/>
        <source>Lock (Ctrl+L)</source>
        <translation>Cố định (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="90"/>
        <source>Instead of {name}</source>
        <translation>Thay cho {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="150"/>
        <source>Change person on a shift</source>
        <translation>Đổi người trong ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="170"/>
        <source>Add person to a shift</source>
        <translation>Thêm người vào ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="193"/>
        <source>Take someone off a shift</source>
        <translation>Rút người khỏi ca</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="201"/>
        <source>Lock</source>
        <translation>Cố định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="203"/>
        <source>Unlock</source>
        <translation>Bỏ cố định</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="250"/>
        <source>Swap {name} with…</source>
        <translation>Đổi chỗ {name} với…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="252"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="254"/>
        <source>Site</source>
        <translation>Điểm trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="255"/>
        <source>Person</source>
        <translation>Người trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_edits.py" line="264"/>
        <source>Swap two people</source>
        <translation>Đổi chỗ hai người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="111"/>
        <source>Make roster {start} – {end}</source>
        <translation>Xếp lịch {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="118"/>
        <source>Roster made</source>
        <translation>Đã xếp lịch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="115"/>
        <source>Making the roster…</source>
        <translation>Đang xếp lịch…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="134"/>
        <source>There is nobody on the staff list yet.</source>
        <translation>Chưa có ai trong danh sách người trực.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="159"/>
        <source>Record leave</source>
        <translation>Ghi ngày nghỉ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="185"/>
        <source>Cannot work from a date, re-plan</source>
        <translation>Báo nghỉ và xếp lại lịch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="184"/>
        <source>Re-planned</source>
        <translation>Đã xếp lại lịch</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="182"/>
        <source>Re-planning…</source>
        <translation>Đang xếp lại lịch…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="207"/>
        <location filename="../../ui/pages/rosters/week_plans.py" line="227"/>
        <source>Duty roster</source>
        <translation>Lịch trực</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="210"/>
        <location filename="../../ui/pages/rosters/week_plans.py" line="231"/>
        <source>Preparing the sheets…</source>
        <translation>Đang chuẩn bị tờ lịch…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/rosters/week_plans.py" line="228"/>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
</context>
</TS>
