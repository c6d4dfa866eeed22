<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DailyReportCard</name>
    <message>
        <location filename="../../ui/pages/reports/daily_card.py" line="53"/>
        <source>Today&apos;s daily report No. {number} was issued and sent at {time}.</source>
        <translation>Báo cáo nhanh hôm nay số {number} đã ban hành và đã gửi lúc {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/daily_card.py" line="57"/>
        <source>Today&apos;s daily report No. {number} is issued but not sent yet: export a package.</source>
        <translation>Báo cáo nhanh hôm nay số {number} đã ban hành nhưng chưa gửi: hãy xuất gói dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/daily_card.py" line="60"/>
        <source>Today&apos;s daily report is not issued yet.</source>
        <translation>Báo cáo nhanh hôm nay chưa ban hành.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/daily_card.py" line="62"/>
        <source>It was due at {time}.</source>
        <translation>Đã quá hạn gửi lúc {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/daily_card.py" line="67"/>
        <source>Due in {hours} h {minutes} min.</source>
        <translation>Còn {hours} giờ {minutes} phút đến hạn gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/daily_card.py" line="71"/>
        <source>Due at {time}.</source>
        <translation>Hạn gửi lúc {time}.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="212"/>
        <location filename="../../ui/pages/reports/__init__.py" line="464"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="213"/>
        <source>Report:</source>
        <translation>Báo cáo:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="215"/>
        <source>Daily quick report</source>
        <translation>Báo cáo nhanh hằng ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="216"/>
        <source>Weekly summary</source>
        <translation>Báo cáo tổng hợp tuần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="217"/>
        <source>Results of a directive</source>
        <translation>Kết quả thực hiện văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="225"/>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="226"/>
        <source>Update preview (F5)</source>
        <translation>Cập nhật bản xem (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="229"/>
        <source>The figures come from the registers. Choose a part of the text to reword it; the preview follows (F5).</source>
        <translation>Số liệu lấy từ các sổ theo dõi. Chọn một phần lời văn để sửa; bản xem trước cập nhật theo (F5).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="233"/>
        <source>Restore the generated text of this part</source>
        <translation>Khôi phục lời văn tự động của phần này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="234"/>
        <source>Text</source>
        <translation>Lời văn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="235"/>
        <source>Issued reports</source>
        <translation>Báo cáo đã ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="667"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="668"/>
        <source>Version</source>
        <translation>Lần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="669"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="670"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="671"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="672"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="237"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="238"/>
        <source>Change (new version)</source>
        <translation>Sửa (tạo phiên bản mới)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="239"/>
        <source>Save draft</source>
        <translation>Lưu nháp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="240"/>
        <source>Issue…</source>
        <translation>Ban hành…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="241"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="242"/>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="313"/>
        <source>Pages: {n}</source>
        <translation>Số trang: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="341"/>
        <source>Issued report No. {number}, version {version}, {date}; frozen, SHA-256 {sha}.</source>
        <translation>Báo cáo số {number}, lần {version}, ban hành ngày {date}; đã khóa, mã kiểm tra SHA-256 {sha}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="349"/>
        <source>A newer version of it has been issued.</source>
        <translation>Đã có phiên bản mới hơn được ban hành thay thế.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="353"/>
        <source>Not saved: {error}</source>
        <translation>Chưa lưu được: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="360"/>
        <source>New version {version} of report No. {number} (not issued yet).</source>
        <translation>Phiên bản mới (lần {version}) của báo cáo số {number} (chưa ban hành).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="363"/>
        <source>Saved draft (not issued yet).</source>
        <translation>Bản nháp đã lưu (chưa ban hành).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="365"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="367"/>
        <source>Saved at {time}.</source>
        <translation>Đã lưu lúc {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="370"/>
        <source>Draft: not numbered until it is issued.</source>
        <translation>Bản nháp: chưa có số cho đến khi ban hành.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="374"/>
        <source>Report No. {number} of this period is already issued; to change it, open it in the list and make a new version.</source>
        <translation>Báo cáo số {number} của kỳ này đã ban hành; muốn sửa, hãy mở báo cáo đó trong danh sách và tạo phiên bản mới.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="390"/>
        <source>issued</source>
        <translation>đã ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="389"/>
        <source>draft</source>
        <translation>bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="391"/>
        <source>replaced</source>
        <translation>đã có bản thay thế</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="466"/>
        <source>Your last change to the report could not be saved:
{error}

Leave it and lose that change?</source>
        <translation>Chưa lưu được thay đổi vừa sửa trong báo cáo:
{error}

Rời đi và bỏ thay đổi đó?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="614"/>
        <location filename="../../ui/pages/reports/__init__.py" line="656"/>
        <source>Issue the report</source>
        <translation>Ban hành báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="616"/>
        <source>Issue this report? It gets the next number of the year and is kept as it is now; a later change makes a new version.</source>
        <translation>Ban hành báo cáo này? Báo cáo được cấp số tiếp theo trong năm và được lưu giữ nguyên như hiện tại; sửa sau này sẽ tạo phiên bản mới.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="638"/>
        <source>Issuing the report…</source>
        <translation>Đang ban hành báo cáo…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="657"/>
        <source>Issued as report No. {number} (version {version}).</source>
        <translation>Đã ban hành: báo cáo số {number} (lần {version}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="672"/>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="676"/>
        <source>All communes</source>
        <translation>Mọi xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="676"/>
        <source>All districts</source>
        <translation>Mọi huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="676"/>
        <source>This office</source>
        <translation>Cơ quan này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="678"/>
        <source>&amp;District</source>
        <translation>&amp;Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="678"/>
        <source>&amp;Commune</source>
        <translation>&amp;Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="785"/>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="773"/>
        <source>The file could not be written: {path}</source>
        <translation>Không ghi được tệp: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="785"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TodayCard</name>
    <message>
        <location filename="../../ui/pages/reports/overview.py" line="45"/>
        <source>F0 / F1 today ({f0_change:+d} / {f1_change:+d}) · {people} people through checkpoints · {overdue} directive items overdue</source>
        <translation>F0 / F1 hôm nay ({f0_change:+d} / {f1_change:+d}) · {people} người qua chốt · {overdue} mục chỉ đạo quá hạn</translation>
    </message>
</context>
</TS>
