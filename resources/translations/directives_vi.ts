<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DirectiveDetail</name>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="254"/>
        <source>← Register</source>
        <translation>← Sổ văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="255"/>
        <source>Back to the register (Esc)</source>
        <translation>Quay lại sổ văn bản (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="256"/>
        <source>&amp;Edit fields…</source>
        <translation>&amp;Sửa thông tin…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="257"/>
        <source>Original &amp;file</source>
        <translation>&amp;Tệp gốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="259"/>
        <source>Issued by:</source>
        <translation>Cơ quan ban hành:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="260"/>
        <source>Date, place:</source>
        <translation>Ngày, địa danh:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="261"/>
        <source>Signed by:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="262"/>
        <source>Addressed to:</source>
        <translation>Kính gửi:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="263"/>
        <source>Arrival:</source>
        <translation>Văn bản đến:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="264"/>
        <source>Routed to:</source>
        <translation>Chuyển cho:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="265"/>
        <source>Handling:</source>
        <translation>Ý kiến xử lý:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="266"/>
        <source>Cites:</source>
        <translation>Viện dẫn:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="270"/>
        <source>Status of the item:</source>
        <translation>Trạng thái của mục:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="274"/>
        <source>Click a status cell to move it on; double-click a cell to edit.</source>
        <translation>Bấm ô trạng thái để chuyển bước; bấm đúp vào ô để sửa.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="276"/>
        <source>Progress notes</source>
        <translation>Ghi chép tiến độ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="277"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="277"/>
        <source>Note</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="277"/>
        <source>By</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="278"/>
        <source>What was done (Enter to add)…</source>
        <translation>Đã làm được gì (Enter để ghi)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="279"/>
        <source>&amp;Add note</source>
        <translation>&amp;Ghi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="280"/>
        <source>Delete note</source>
        <translation>Xóa ghi chép</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="335"/>
        <source>(not in the text)</source>
        <translation>(không có trong văn bản)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="340"/>
        <source>No. {number}, {date}</source>
        <translation>Số {number}, ngày {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="363"/>
        <source>Not found in the text: {fields}. Use Edit fields to fill them in.</source>
        <translation>Văn bản không ghi: {fields}. Bấm «Sửa thông tin» nếu cần bổ sung.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="371"/>
        <source>{name}
SHA-256: {sha}</source>
        <translation>{name}
Mã kiểm tra SHA-256: {sha}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="376"/>
        <source>Read from page images (OCR): {pages} page(s), confidence {confidence}/100</source>
        <translation>Đọc từ ảnh trang (nhận dạng chữ OCR): {pages} trang, độ tin cậy {confidence}/100</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="389"/>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="395"/>
        <source>Item {label}</source>
        <translation>Mục {label}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="417"/>
        <source>(nobody signed in)</source>
        <translation>(chưa ai đăng nhập)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="420"/>
        <source>Status changes:</source>
        <translation>Đổi trạng thái:</translation>
    </message>
</context>
<context>
    <name>DirectiveForm</name>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="157"/>
        <source>Number and symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="158"/>
        <source>Kind</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="159"/>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="160"/>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="161"/>
        <location filename="../../ui/pages/directives/form_widget.py" line="219"/>
        <source>Date issued</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="162"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="163"/>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="164"/>
        <source>Secrecy</source>
        <translation>Độ mật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="165"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="166"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="167"/>
        <source>Addressed to (one a line)</source>
        <translation>Kính gửi (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="168"/>
        <source>Documents cited</source>
        <translation>Văn bản viện dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="169"/>
        <location filename="../../ui/pages/directives/form_widget.py" line="230"/>
        <source>Arrival date</source>
        <translation>Ngày đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="170"/>
        <source>Arrival number</source>
        <translation>Số đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="171"/>
        <source>Routed to</source>
        <translation>Chuyển cho</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="172"/>
        <source>Handling instructions</source>
        <translation>Ý kiến xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="175"/>
        <location filename="../../ui/pages/directives/form_widget.py" line="176"/>
        <source>(none)</source>
        <translation>(không)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="178"/>
        <source>next number</source>
        <translation>số tiếp theo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="181"/>
        <source>separated by commas</source>
        <translation>cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="270"/>
        <source>Not found in the text: fill it in if you know it</source>
        <translation>Văn bản không ghi: điền vào nếu bạn biết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="274"/>
        <source>Read from the page image with low confidence: check it</source>
        <translation>Đọc từ ảnh trang với độ tin cậy thấp: hãy kiểm tra lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="442"/>
        <source>No.</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="443"/>
        <source>Task</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="444"/>
        <source>Addressed to</source>
        <translation>Giao cho</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="445"/>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="446"/>
        <source>Commune unit</source>
        <translation>Đơn vị của xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="447"/>
        <source>Person in charge</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="451"/>
        <source>Full text of the selected item:</source>
        <translation>Toàn văn mục đang chọn:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="453"/>
        <source>Add an item</source>
        <translation>Thêm mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="454"/>
        <source>Remove the item</source>
        <translation>Bỏ mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="480"/>
        <source>Item {label}: {error}</source>
        <translation>Mục {label}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="560"/>
        <source>No numbered item was found: add them by hand.</source>
        <translation>Không tìm thấy mục đánh số nào: hãy thêm bằng tay.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/form_widget.py" line="567"/>
        <source>{n} items. Double-click a cell to correct it.</source>
        <translation>{n} mục. Bấm đúp vào ô để sửa.</translation>
    </message>
</context>
<context>
    <name>DirectiveStatus</name>
    <message>
        <location filename="../../ui/pages/directives/common.py" line="19"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/common.py" line="20"/>
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/common.py" line="21"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/common.py" line="22"/>
        <source>Reported</source>
        <translation>Đã báo cáo</translation>
    </message>
</context>
<context>
    <name>DirectiveTable</name>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="49"/>
        <source>No.</source>
        <translation>Số đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="50"/>
        <source>Directive</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="51"/>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="52"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="53"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="54"/>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="55"/>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="56"/>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="57"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="59"/>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="205"/>
        <source>Overdue ({n})</source>
        <translation>Quá hạn ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="209"/>
        <source>Today ({n})</source>
        <translation>Hôm nay ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="224"/>
        <source>Item {label}:</source>
        <translation>Mục {label}:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="229"/>
        <source>(+{n} items)</source>
        <translation>(+{n} mục)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="238"/>
        <source>Arrived on {date}</source>
        <translation>Đến ngày {date}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/register_model.py" line="243"/>
        <source>Not found in the text: {fields}</source>
        <translation>Văn bản không ghi: {fields}</translation>
    </message>
</context>
<context>
    <name>DirectivesCard</name>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="56"/>
        <source>directive items to do: {today} due today, {overdue} overdue</source>
        <translation>mục công việc cần làm: {today} đến hạn hôm nay, {overdue} quá hạn</translation>
    </message>
</context>
<context>
    <name>DirectivesPage</name>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="257"/>
        <source>Directives</source>
        <translation>Văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="260"/>
        <location filename="../../ui/pages/directives/page.py" line="340"/>
        <source>All communes</source>
        <translation>Mọi xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="260"/>
        <location filename="../../ui/pages/directives/page.py" line="340"/>
        <source>All districts</source>
        <translation>Mọi huyện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="262"/>
        <location filename="../../ui/pages/directives/page.py" line="344"/>
        <source>This office</source>
        <translation>Cơ quan này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="264"/>
        <source>Search directives and items — no need for tones (Ctrl+F)</source>
        <translation>Tìm trong văn bản và các mục — gõ không dấu cũng được (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="266"/>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập văn bản…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="267"/>
        <source>Paste or open a directive (Ctrl+I)</source>
        <translation>Dán hoặc mở tệp văn bản chỉ đạo (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="268"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="269"/>
        <source>Open the selected directive (Enter)</source>
        <translation>Mở văn bản đang chọn (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="270"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="271"/>
        <location filename="../../ui/pages/directives/page.py" line="274"/>
        <location filename="../../ui/pages/directives/page.py" line="276"/>
        <location filename="../../ui/pages/directives/page.py" line="316"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="280"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="281"/>
        <source>Urgency</source>
        <translation>Độ khẩn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="282"/>
        <source>Issuer</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="283"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="284"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="290"/>
        <source>any date</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="291"/>
        <source>Overdue only</source>
        <translation>Chỉ quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="292"/>
        <source>Show all</source>
        <translation>Hiện tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="293"/>
        <source>Red rows: items overdue · orange rows: Hỏa tốc</source>
        <translation>Dòng đỏ: có mục quá hạn · dòng cam: Hỏa tốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="294"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="295"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="404"/>
        <source>{n} directives found</source>
        <translation>Tìm thấy {n} văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="406"/>
        <source>{n} directives</source>
        <translation>{n} văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="509"/>
        <source>Done: {action}. Ctrl+Z undoes it.</source>
        <translation>Đã làm: {action}. Ctrl+Z để hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="521"/>
        <source>Undo: {action} (Ctrl+Z)</source>
        <translation>Hoàn tác: {action} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="524"/>
        <source>Redo: {action} (Ctrl+Y)</source>
        <translation>Làm lại: {action} (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="567"/>
        <source>Delete a directive</source>
        <translation>Xóa văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/page.py" line="569"/>
        <source>Delete {title} from the register, with its items and notes?
The original file is kept. Ctrl+Z brings it back.</source>
        <translation>Xóa {title} khỏi sổ, cùng các mục và ghi chép?
Tệp gốc vẫn được giữ. Ctrl+Z để lấy lại.</translation>
    </message>
</context>
<context>
    <name>DueItemsPanel</name>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="113"/>
        <source>{due} (overdue)</source>
        <translation>{due} (quá hạn)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="114"/>
        <source>not assigned</source>
        <translation>chưa giao</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="144"/>
        <source>Directive items due today and overdue (double-click to open)</source>
        <translation>Mục công việc đến hạn hôm nay và quá hạn (bấm đúp để mở)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="147"/>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="148"/>
        <source>Directive</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="149"/>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="150"/>
        <source>Task</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="151"/>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="152"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/overview.py" line="156"/>
        <source>No directive item is due today or overdue.</source>
        <translation>Không có mục công việc nào đến hạn hôm nay hoặc quá hạn.</translation>
    </message>
</context>
<context>
    <name>EditFieldsDialog</name>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="498"/>
        <source>Edit the fields of {title}</source>
        <translation>Sửa thông tin {title}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="507"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/detail.py" line="508"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="174"/>
        <source>Import a directive</source>
        <translation>Nhập văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="183"/>
        <source>&amp;Open a file…</source>
        <translation>&amp;Mở tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="184"/>
        <source>&amp;Text of the directive:</source>
        <translation>&amp;Nội dung văn bản:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="185"/>
        <source>Paste the text of the directive here…</source>
        <translation>Dán nội dung văn bản vào đây…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="186"/>
        <source>Items</source>
        <translation>Các mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="187"/>
        <source>Text as received</source>
        <translation>Văn bản gốc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="188"/>
        <source>Page image</source>
        <translation>Ảnh trang</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="190"/>
        <source>Register it again anyway (a second copy)</source>
        <translation>Vẫn vào sổ thêm một lần (bản thứ hai)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="191"/>
        <source>&amp;Back</source>
        <translation>&amp;Quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="192"/>
        <source>&amp;Read the text</source>
        <translation>Đọc &amp;văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="193"/>
        <source>&amp;Save to the register</source>
        <translation>&amp;Lưu vào sổ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="194"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="205"/>
        <source>Open a directive</source>
        <translation>Mở tệp văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="230"/>
        <source>Reading the directive…</source>
        <translation>Đang đọc văn bản…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="249"/>
        <source>Reading was cancelled; nothing was changed.</source>
        <translation>Đã hủy việc đọc tệp; không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="259"/>
        <source>No page image: the file holds text only.</source>
        <translation>Không có ảnh trang: tệp chỉ chứa chữ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="366"/>
        <source>The file was typed with the old {encoding} fonts and has been turned into Unicode: check the names and accents before saving.</source>
        <translation>Tệp được gõ bằng phông chữ cũ {encoding} và đã được chuyển sang Unicode: hãy kiểm tra tên người, tên địa danh và dấu trước khi lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="374"/>
        <source>Read from page images (OCR): {pages} page(s), confidence {confidence}/100. Compare the fields with the page image before saving.</source>
        <translation>Đọc từ ảnh trang (nhận dạng chữ OCR): {pages} trang, độ tin cậy {confidence}/100. Hãy đối chiếu các trường với ảnh trang trước khi lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="379"/>
        <source>Read with low confidence (marked in orange): {fields}.</source>
        <translation>Đọc với độ tin cậy thấp (tô màu cam): {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="283"/>
        <source>There is no text to read yet.</source>
        <translation>Chưa có nội dung để đọc.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="177"/>
        <source>Open the file of the directive (Word .docx or .doc, .odt, .rtf, a web page .htm or .mht, .pdf, a scan or a photo of the page: .png, .jpg, .tif, .heic; or .txt), or paste its text below. Nothing is saved before you have checked what was read.</source>
        <translation>Mở tệp văn bản chỉ đạo (Word .docx hoặc .doc, .odt, .rtf, trang web .htm hoặc .mht, .pdf, bản quét hoặc ảnh chụp trang: .png, .jpg, .tif, .heic; hoặc .txt), hoặc dán nội dung vào ô dưới. Chưa lưu gì cho đến khi bạn kiểm tra những gì đã đọc được.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="208"/>
        <source>Directives (*.docx *.doc *.odt *.rtf *.htm *.html *.mht *.mhtml *.pdf *.png *.jpg *.jpeg *.tif *.tiff *.webp *.heic *.heif *.txt);;All files (*)</source>
        <translation>Văn bản chỉ đạo (*.docx *.doc *.odt *.rtf *.htm *.html *.mht *.mhtml *.pdf *.png *.jpg *.jpeg *.tif *.tiff *.webp *.heic *.heif *.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/import_dialog.py" line="325"/>
        <source>Not found in the text: {fields}. They are marked in yellow: fill them in if you know them, or leave them empty.</source>
        <translation>Văn bản không ghi: {fields}. Các ô này được tô vàng: điền vào nếu bạn biết, hoặc để trống.</translation>
    </message>
</context>
<context>
    <name>ItemTable</name>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="38"/>
        <source>No.</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="39"/>
        <source>Task</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="40"/>
        <source>Addressed to</source>
        <translation>Giao cho</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="41"/>
        <source>Commune unit</source>
        <translation>Đơn vị của xã</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="42"/>
        <source>Person in charge</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="43"/>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="44"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="107"/>
        <source>Click to move on to the next status</source>
        <translation>Bấm để chuyển sang bước tiếp theo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="111"/>
        <source>Double-click to change</source>
        <translation>Bấm đúp để sửa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directives/items_model.py" line="147"/>
        <source>{due} (overdue)</source>
        <translation>{due} (quá hạn)</translation>
    </message>
</context>
</TS>
