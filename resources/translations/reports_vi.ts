<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="189"/>
        <location filename="../../ui/pages/reports/__init__.py" line="410"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="190"/>
        <source>Report:</source>
        <translation>Báo cáo:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="192"/>
        <source>Daily quick report</source>
        <translation>Báo cáo nhanh hằng ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="193"/>
        <source>Weekly summary</source>
        <translation>Báo cáo tổng hợp tuần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="194"/>
        <source>Results of a directive</source>
        <translation>Kết quả thực hiện văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="202"/>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="203"/>
        <source>Update preview (F5)</source>
        <translation>Cập nhật bản xem (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="206"/>
        <source>The figures come from the registers. Choose a part of the text to reword it; the preview follows (F5).</source>
        <translation>Số liệu lấy từ các sổ theo dõi. Chọn một phần lời văn để sửa; bản xem trước cập nhật theo (F5).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="210"/>
        <source>Restore the generated text of this part</source>
        <translation>Khôi phục lời văn tự động của phần này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="211"/>
        <source>Text</source>
        <translation>Lời văn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="212"/>
        <source>Issued reports</source>
        <translation>Báo cáo đã ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="215"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="216"/>
        <source>Version</source>
        <translation>Lần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="217"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="218"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="219"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="222"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="223"/>
        <source>Change (new version)</source>
        <translation>Sửa (tạo phiên bản mới)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="224"/>
        <source>Save draft</source>
        <translation>Lưu nháp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="225"/>
        <source>Issue…</source>
        <translation>Ban hành…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="226"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="227"/>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="295"/>
        <source>Pages: {n}</source>
        <translation>Số trang: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="324"/>
        <source>Issued report No. {number}, version {version}, {date}; frozen, SHA-256 {sha}.</source>
        <translation>Báo cáo số {number}, lần {version}, ban hành ngày {date}; đã khóa, mã kiểm tra SHA-256 {sha}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="337"/>
        <source>New version {version} of report No. {number} (not issued yet).</source>
        <translation>Phiên bản mới (lần {version}) của báo cáo số {number} (chưa ban hành).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="341"/>
        <source>Saved draft (not issued yet).</source>
        <translation>Bản nháp đã lưu (chưa ban hành).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="343"/>
        <source>Draft: not numbered until it is issued.</source>
        <translation>Bản nháp: chưa có số cho đến khi ban hành.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="350"/>
        <source>issued</source>
        <translation>đã ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="350"/>
        <source>draft</source>
        <translation>bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="352"/>
        <source>replaced</source>
        <translation>đã có bản thay thế</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="474"/>
        <location filename="../../ui/pages/reports/__init__.py" line="486"/>
        <source>Issue the report</source>
        <translation>Ban hành báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="476"/>
        <source>Issue this report? It gets the next number of the year and is kept as it is now; a later change makes a new version.</source>
        <translation>Ban hành báo cáo này? Báo cáo được cấp số tiếp theo trong năm và được lưu giữ nguyên như hiện tại; sửa sau này sẽ tạo phiên bản mới.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="487"/>
        <source>Issued as report No. {number} (version {version}).</source>
        <translation>Đã ban hành: báo cáo số {number} (lần {version}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="576"/>
        <location filename="../../ui/pages/reports/__init__.py" line="589"/>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="577"/>
        <source>The file could not be written: {path}</source>
        <translation>Không ghi được tệp: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports/__init__.py" line="589"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TodayCard</name>
    <message>
        <location filename="../../ui/pages/reports/overview.py" line="34"/>
        <source>F0 / F1 today ({f0_change:+d} / {f1_change:+d}) · {people} people through checkpoints · {overdue} directive items overdue</source>
        <translation>F0 / F1 hôm nay ({f0_change:+d} / {f1_change:+d}) · {people} người qua chốt · {overdue} mục chỉ đạo quá hạn</translation>
    </message>
</context>
</TS>
