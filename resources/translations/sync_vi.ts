<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="286"/>
        <source>Sync with the district</source>
        <translation>Đồng bộ dữ liệu với huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="287"/>
        <source>This computer&apos;s key fingerprint</source>
        <translation>Dấu vân tay khóa của máy này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="290"/>
        <source>Read these characters to the person who receives your packages (by phone) so they can check that a package really comes from this computer.</source>
        <translation>Đọc các ký tự này (qua điện thoại) cho người nhận gói của bạn, để họ kiểm tra gói đúng là do máy này gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="294"/>
        <source>Export changes…</source>
        <translation>Xuất các thay đổi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="295"/>
        <source>Changes since the last package (Ctrl+E)</source>
        <translation>Các thay đổi kể từ gói trước (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="296"/>
        <source>Export everything…</source>
        <translation>Xuất toàn bộ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="297"/>
        <source>Import packages…</source>
        <translation>Nhận gói…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="298"/>
        <source>One or several package files (Ctrl+I)</source>
        <translation>Một hoặc nhiều tệp gói (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="299"/>
        <source>District mode (roll up the communes)</source>
        <translation>Chế độ huyện (tổng hợp các xã)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="300"/>
        <source>Results:</source>
        <translation>Kết quả:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="302"/>
        <source>Senders whose key a person has checked and trusted, and their last package.</source>
        <translation>Các máy gửi đã được đối chiếu khóa và tin cậy, cùng gói gửi gần nhất.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="305"/>
        <location filename="../../ui/pages/sync/page.py" line="328"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="305"/>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="305"/>
        <location filename="../../ui/pages/sync/page.py" line="337"/>
        <source>Last package</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="305"/>
        <source>No.</source>
        <translation>Số gói</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="309"/>
        <source>When two computers changed the same record, the newer change was kept and the other one is listed here. Compare them and choose.</source>
        <translation>Khi hai máy cùng sửa một bản ghi, bản sửa sau được giữ, bản kia được liệt kê ở đây. Hãy so sánh và chọn.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="314"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="314"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="314"/>
        <source>Changed at</source>
        <translation>Sửa lúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="317"/>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="317"/>
        <source>In the register now</source>
        <translation>Đang có trong sổ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="317"/>
        <source>The other version</source>
        <translation>Bản kia</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="319"/>
        <source>Decided by:</source>
        <translation>Người quyết định:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="320"/>
        <source>Keep the register&apos;s version</source>
        <translation>Giữ bản đang có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="321"/>
        <source>Use the other version</source>
        <translation>Dùng bản kia</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="322"/>
        <source>Late after (hours):</source>
        <translation>Coi là trễ sau (giờ):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="323"/>
        <source>Print district summary…</source>
        <translation>In báo cáo tổng hợp…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="324"/>
        <source>Print on a &amp;printer…</source>
        <translation>In ra &amp;máy in…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="325"/>
        <source>Refresh</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="329"/>
        <source>Lockdown
households</source>
        <translation>Hộ
phong tỏa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="330"/>
        <source>People</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="331"/>
        <source>F0</source>
        <translation>F0</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="332"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="333"/>
        <source>Tests
(positive)</source>
        <translation>Xét nghiệm
(dương tính)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="334"/>
        <source>Relief
deliveries</source>
        <translation>Lượt
cứu trợ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="335"/>
        <source>Checkpoints
staffed/active</source>
        <translation>Chốt có ca
/ hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="336"/>
        <source>Overdue
items</source>
        <translation>Việc
quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="338"/>
        <source>Late</source>
        <translation>Trễ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="341"/>
        <source>Directives for a commune</source>
        <translation>Gửi văn bản chỉ đạo xuống xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="342"/>
        <source>Commune:</source>
        <translation>Xã:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="343"/>
        <source>Export directives for this commune…</source>
        <translation>Xuất gói văn bản chỉ đạo cho xã này…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="347"/>
        <source>Send and receive</source>
        <translation>Gửi và nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="348"/>
        <source>Trusted senders</source>
        <translation>Máy gửi đã tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="351"/>
        <source>Conflicts (%1)</source>
        <translation>Xung đột (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="352"/>
        <source>District</source>
        <translation>Tổng hợp huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="381"/>
        <source>nothing yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="458"/>
        <source>Late communes (no package for more than %1 hours): %2</source>
        <translation>Xã trễ (không gửi gói quá %1 giờ): %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="463"/>
        <source>Every commune has sent in time.</source>
        <translation>Tất cả các xã đã gửi đúng hạn.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="495"/>
        <source>Save the package (a file, or on the USB stick)</source>
        <translation>Lưu gói (vào một tệp, hoặc vào USB)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="504"/>
        <source>Not exported: %1</source>
        <translation>Chưa xuất được: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="505"/>
        <source>Export</source>
        <translation>Xuất gói</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="511"/>
        <source>Package no. %1 saved: %2 (%3 records). Send this file to the district.</source>
        <translation>Đã lưu gói số %1: %2 (%3 bản ghi). Hãy gửi tệp này cho huyện.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="519"/>
        <source>Choose the packages to import</source>
        <translation>Chọn các gói cần nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="537"/>
        <source>%1: refused. %2</source>
        <translation>%1: bị từ chối. %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="548"/>
        <source>%1: not imported (the sender&apos;s key was not trusted).</source>
        <translation>%1: chưa nhận (chưa tin cậy khóa của máy gửi).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="558"/>
        <source>%1: refused, nothing was written. %2</source>
        <translation>%1: bị từ chối, không có gì được ghi. %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="565"/>
        <source>%1: already received before; nothing changed.</source>
        <translation>%1: gói này đã nhận trước đây; không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="569"/>
        <source>%1: %2, package no. %3: %4 added, %5 changed, %6 deleted, %7 conflicts.</source>
        <translation>%1: %2, gói số %3: thêm %4, sửa %5, xóa %6, xung đột %7.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="402"/>
        <location filename="../../ui/pages/sync/page.py" line="606"/>
        <source>this computer</source>
        <translation>máy này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="616"/>
        <source>(deleted)</source>
        <translation>(đã xóa)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="636"/>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="659"/>
        <source>Save the district summary (PDF)</source>
        <translation>Lưu báo cáo tổng hợp (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="671"/>
        <location filename="../../ui/pages/sync/page.py" line="692"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="674"/>
        <source>District summary saved: %1 (%2 communes, %3 late). Open it to print.</source>
        <translation>Đã lưu báo cáo tổng hợp: %1 (%2 đơn vị, %3 đơn vị trễ). Mở tệp để in.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="700"/>
        <location filename="../../ui/pages/sync/page.py" line="709"/>
        <source>Directives</source>
        <translation>Văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="700"/>
        <source>No commune has sent a package yet.</source>
        <translation>Chưa có xã nào gửi gói.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="703"/>
        <source>Save the package of directives</source>
        <translation>Lưu gói văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="712"/>
        <source>Package for %1 saved: %2 (%3 directives, %4 items).</source>
        <translation>Đã lưu gói cho %1: %2 (%3 văn bản, %4 việc).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="725"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/page.py" line="726"/>
        <source>no</source>
        <translation>không</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="25"/>
        <source>New sender: compare the fingerprint</source>
        <translation>Máy gửi mới: đối chiếu dấu vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="29"/>
        <source>The package &lt;b&gt;%1&lt;/b&gt; comes from &lt;b&gt;%2&lt;/b&gt;, whose key this computer does not know yet.</source>
        <translation>Gói &lt;b&gt;%1&lt;/b&gt; do &lt;b&gt;%2&lt;/b&gt; gửi; máy này chưa biết khóa của nơi gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="33"/>
        <source>an unknown sender</source>
        <translation>một máy lạ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="39"/>
        <source>Call the sender and ask them to read the fingerprint shown on their Sync page. Trust the key only if every group of four characters is the same:</source>
        <translation>Hãy gọi điện cho người gửi, đề nghị họ đọc dấu vân tay trên trang Đồng bộ của họ. Chỉ tin cậy khi mọi nhóm bốn ký tự đều giống hệt:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="52"/>
        <source>It differs: do not trust</source>
        <translation>Khác nhau: không tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync/dialogs.py" line="54"/>
        <source>Same fingerprint: trust and import</source>
        <translation>Giống hệt: tin cậy và nhận gói</translation>
    </message>
</context>
</TS>
