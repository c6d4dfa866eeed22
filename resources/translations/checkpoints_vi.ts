<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CheckpointEntryModel</name>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="44"/>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="45"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="47"/>
        <source>Time</source>
        <translation>Giờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="48"/>
        <source>Checkpoint</source>
        <translation>Chốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="49"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="50"/>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="51"/>
        <source>From</source>
        <translation>Đến từ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="52"/>
        <source>To</source>
        <translation>Nơi đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="53"/>
        <source>Plate</source>
        <translation>Biển số xe</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="54"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="55"/>
        <source>Health declaration</source>
        <translation>Khai báo y tế</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="56"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="141"/>
        <source>{name} (leaving)</source>
        <translation>{name} (ra khỏi xã)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="157"/>
        <source>Declared</source>
        <translation>Đã khai báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="159"/>
        <source>Not declared</source>
        <translation>Chưa khai báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/entry_model.py" line="162"/>
        <source>fever</source>
        <translation>sốt</translation>
    </message>
</context>
<context>
    <name>CheckpointLogWidget</name>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="557"/>
        <source>add {name}</source>
        <translation>ghi {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="683"/>
        <source>delete {count} rows</source>
        <translation>xóa {count} dòng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="576"/>
        <source>edit {name}</source>
        <translation>sửa {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="329"/>
        <source>Checkpoint</source>
        <translation>Chốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="330"/>
        <source>Time</source>
        <translation>Giờ đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="331"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="332"/>
        <source>From (epidemic area)</source>
        <translation>Đến từ (vùng dịch)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="333"/>
        <source>To (in the commune)</source>
        <translation>Nơi đến (trong xã)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="334"/>
        <source>Plate</source>
        <translation>Biển số xe</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="335"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="336"/>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="337"/>
        <source>Health decl.</source>
        <translation>Khai báo y tế</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="338"/>
        <source>Temp. °C</source>
        <translation>Nhiệt độ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="339"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="344"/>
        <source>province, city</source>
        <translation>tỉnh, thành phố</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="345"/>
        <source>village</source>
        <translation>thôn, xóm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="348"/>
        <source>Declared</source>
        <translation>Đã khai báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="349"/>
        <source>The person has made the health declaration</source>
        <translation>Người đến đã khai báo y tế</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="350"/>
        <source>People arriving together (passengers of the vehicle)</source>
        <translation>Số người đến cùng (cả người đi trên xe)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="353"/>
        <source>Body temperature measured at the checkpoint; from 37.5 °C it counts as fever</source>
        <translation>Thân nhiệt đo tại chốt; từ 37,5 °C trở lên là sốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="355"/>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="626"/>
        <source>Save (Enter)</source>
        <translation>Ghi (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="357"/>
        <source>Enter saves and clears the form for the next person; Esc clears it</source>
        <translation>Enter: ghi và xóa ô để nhập người tiếp theo; Esc: xóa các ô</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="359"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="360"/>
        <source>All checkpoints</source>
        <translation>Tất cả các chốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="362"/>
        <source>All communes</source>
        <translation>Mọi xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="362"/>
        <source>All districts</source>
        <translation>Mọi huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="362"/>
        <source>This office</source>
        <translation>Cơ quan này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="364"/>
        <source>Search name or plate (Ctrl+F)</source>
        <translation>Tìm họ tên hoặc biển số (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="413"/>
        <source>No checkpoint yet: add the checkpoints on the duty roster tab first.</source>
        <translation>Chưa có chốt nào: hãy thêm các chốt ở thẻ Lịch trực trước.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="443"/>
        <source>{people} people arrived, {vehicles} vehicles, {undeclared} without health declaration, {fever} with fever</source>
        <translation>Đã đến: {people} người, {vehicles} phương tiện; {undeclared} người chưa khai báo y tế; {fever} người sốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="453"/>
        <source>from: {places}</source>
        <translation>đến từ: {places}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="482"/>
        <source>Choose the checkpoint first.</source>
        <translation>Hãy chọn chốt trước.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="509"/>
        <source>The temperature must be a number, e.g. 36,8.</source>
        <translation>Nhiệt độ phải là một số, ví dụ 36,8.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="566"/>
        <source>Saved: {name}.</source>
        <translation>Đã ghi: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="585"/>
        <source>Corrected: {name}.</source>
        <translation>Đã sửa: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="629"/>
        <source>Correcting {name} (Esc: cancel)</source>
        <translation>Đang sửa dòng của {name} (Esc: thôi sửa)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="631"/>
        <source>Save correction</source>
        <translation>Ghi sửa đổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/checkpoints/log_widget.py" line="692"/>
        <source>Deleted {count} rows. Ctrl+Z brings them back.</source>
        <translation>Đã xóa {count} dòng. Bấm Ctrl+Z để lấy lại.</translation>
    </message>
</context>
</TS>
