<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="54"/>
        <source>&amp;Select All</source>
        <translation>&amp;Chọn tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="55"/>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="56"/>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QComboBox</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="57"/>
        <source>Open the combo box selection popup</source>
        <translation>Mở danh sách để chọn</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="18"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="173"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="174"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="175"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="176"/>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="177"/>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="178"/>
        <source>Find Directory</source>
        <translation>Chọn thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="179"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Xem trong:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="180"/>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="181"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="182"/>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="183"/>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="184"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="185"/>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="186"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="187"/>
        <source>Back</source>
        <translation>Lùi</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="188"/>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="189"/>
        <source>Forward</source>
        <translation>Tiến</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="190"/>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="191"/>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="192"/>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="193"/>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="194"/>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="195"/>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="196"/>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="197"/>
        <source>List View</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="198"/>
        <source>Change to list view mode</source>
        <translation>Chuyển sang xem danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="199"/>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="200"/>
        <source>Change to detail view mode</source>
        <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="201"/>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="202"/>
        <source>List of places and bookmarks</source>
        <translation>Danh sách nơi lưu và đánh dấu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="203"/>
        <source>Recent Places</source>
        <translation>Nơi mở gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="204"/>
        <source>Remove</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="205"/>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="206"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="207"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="208"/>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="209"/>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="210"/>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Xóa &apos;%1&apos;?</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="211"/>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; đang được bảo vệ chống ghi.
Vẫn xóa?</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="212"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Thay bằng tệp mới?</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="213"/>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="216"/>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="220"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="221"/>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="222"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="223"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="224"/>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="225"/>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="226"/>
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="38"/>
        <source>Enter a value:</source>
        <translation>Nhập giá trị:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="39"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="40"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="41"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="42"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="43"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="44"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="45"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="14"/>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="15"/>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="16"/>
        <source>Show Details…</source>
        <translation>Xem chi tiết…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="17"/>
        <source>Hide Details…</source>
        <translation>Ẩn chi tiết…</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="151"/>
        <source>Paper</source>
        <translation>Giấy</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="152"/>
        <source>Page size:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="153"/>
        <source>Width:</source>
        <translation>Rộng:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="154"/>
        <source>Height:</source>
        <translation>Cao:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="155"/>
        <source>Paper source:</source>
        <translation>Khay giấy:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="156"/>
        <source>Orientation</source>
        <translation>Hướng giấy</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="157"/>
        <source>Portrait</source>
        <translation>Dọc</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="158"/>
        <source>Landscape</source>
        <translation>Ngang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="159"/>
        <source>Reverse landscape</source>
        <translation>Ngang lật ngược</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="160"/>
        <source>Reverse portrait</source>
        <translation>Dọc lật ngược</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="161"/>
        <source>Margins</source>
        <translation>Lề</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="162"/>
        <source>top margin</source>
        <translation>lề trên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="163"/>
        <source>bottom margin</source>
        <translation>lề dưới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="164"/>
        <source>left margin</source>
        <translation>lề trái</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="165"/>
        <source>right margin</source>
        <translation>lề phải</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="166"/>
        <source>Page Layout</source>
        <translation>Bố cục trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="167"/>
        <source>Page &amp;order:</source>
        <translation>&amp;Thứ tự trang:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="168"/>
        <source>Pages &amp;per sheet:</source>
        <translation>Số &amp;trang mỗi tờ:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="169"/>
        <source>Custom</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="170"/>
        <source>Millimeters (mm)</source>
        <translation>Milimét (mm)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="171"/>
        <source>Inches (in)</source>
        <translation>Inch (in)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="172"/>
        <source>Points (pt)</source>
        <translation>Điểm (pt)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="19"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="20"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="21"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="22"/>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="23"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="24"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="25"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="26"/>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="27"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="28"/>
        <source>N&amp;o to All</source>
        <translation>Không với tấ&amp;t cả</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="29"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="30"/>
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="31"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="32"/>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="33"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="34"/>
        <source>Abort</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="35"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="36"/>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="89"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="90"/>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="91"/>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Tùy chọn &gt;&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="92"/>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Tùy chọn &lt;&lt;</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="93"/>
        <source>Print to File (PDF)</source>
        <translation>In ra tệp (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="94"/>
        <source>Print To File ...</source>
        <translation>In ra tệp...</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="95"/>
        <source>Local file</source>
        <translation>Tệp trên máy</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="96"/>
        <source>Write PDF file</source>
        <translation>Ghi tệp PDF</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="97"/>
        <source>All Pages</source>
        <translation>Mọi trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="98"/>
        <source>Odd Pages</source>
        <translation>Trang lẻ</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="99"/>
        <source>Even Pages</source>
        <translation>Trang chẵn</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="100"/>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 đã có.
Ghi đè lên tệp này?</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="101"/>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 là một thư mục.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="102"/>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>Không ghi được tệp %1.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="105"/>
        <source>The &apos;From&apos; value cannot be greater than the &apos;To&apos; value.</source>
        <translation>Số trang &quot;Từ&quot; không được lớn hơn số trang &quot;Đến&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="106"/>
        <source>Invalid Pages Definition</source>
        <translation>Cách ghi trang không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="107"/>
        <source>Duplex Settings Conflicts</source>
        <translation>Thiết lập in hai mặt mâu thuẫn</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="108"/>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Thiết lập in hai mặt đang mâu thuẫn. Sửa lại không?</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="111"/>
        <source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source>
        <translation>Không dùng được cùng lúc &quot;Số trang mỗi tờ&quot; và &quot;Nhóm trang&quot;.
Hãy tắt một trong hai.</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="115"/>
        <source>Left to Right, Top to Bottom</source>
        <translation>Trái sang phải, trên xuống dưới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="116"/>
        <source>Left to Right, Bottom to Top</source>
        <translation>Trái sang phải, dưới lên trên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="117"/>
        <source>Right to Left, Bottom to Top</source>
        <translation>Phải sang trái, dưới lên trên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="118"/>
        <source>Right to Left, Top to Bottom</source>
        <translation>Phải sang trái, trên xuống dưới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="119"/>
        <source>Bottom to Top, Left to Right</source>
        <translation>Dưới lên trên, trái sang phải</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="120"/>
        <source>Bottom to Top, Right to Left</source>
        <translation>Dưới lên trên, phải sang trái</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="121"/>
        <source>Top to Bottom, Left to Right</source>
        <translation>Trên xuống dưới, trái sang phải</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="122"/>
        <source>Top to Bottom, Right to Left</source>
        <translation>Trên xuống dưới, phải sang trái</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="71"/>
        <source>Print Preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="72"/>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="73"/>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="74"/>
        <source>First page</source>
        <translation>Trang đầu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="75"/>
        <source>Last page</source>
        <translation>Trang cuối</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="76"/>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="77"/>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="78"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="79"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="80"/>
        <source>Portrait</source>
        <translation>Khổ dọc</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="81"/>
        <source>Landscape</source>
        <translation>Khổ ngang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="82"/>
        <source>Show single page</source>
        <translation>Xem từng trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="83"/>
        <source>Show facing pages</source>
        <translation>Xem hai trang đối diện</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="84"/>
        <source>Show overview of all pages</source>
        <translation>Xem toàn bộ các trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="85"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="86"/>
        <source>Page setup</source>
        <translation>Thiết lập trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="87"/>
        <source>Page Setup</source>
        <translation>Thiết lập trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="88"/>
        <source>Export to PDF</source>
        <translation>Xuất ra PDF</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="130"/>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="131"/>
        <source>Copies:</source>
        <translation>Số bản:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="132"/>
        <source>Collate</source>
        <translation>In theo bộ</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="133"/>
        <source>Reverse</source>
        <translation>In ngược thứ tự</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="134"/>
        <source>Options</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="135"/>
        <source>Color Mode</source>
        <translation>Chế độ màu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="136"/>
        <source>Color</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="137"/>
        <source>Grayscale</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="138"/>
        <source>Double Sided Printing</source>
        <translation>In hai mặt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="139"/>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="140"/>
        <source>Long side binding</source>
        <translation>Lật theo cạnh dài</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="141"/>
        <source>Short side binding</source>
        <translation>Lật theo cạnh ngắn</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="142"/>
        <source>Print range</source>
        <translation>Phạm vi in</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="143"/>
        <source>Print all</source>
        <translation>In tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="144"/>
        <source>Pages from</source>
        <translation>Từ trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="145"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="146"/>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="147"/>
        <source>Current Page</source>
        <translation>Trang hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="148"/>
        <source>Selection</source>
        <translation>Phần đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="149"/>
        <source>Page &amp;Set:</source>
        <translation>&amp;Nhóm trang:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="150"/>
        <source>Output Settings</source>
        <translation>Thiết lập in</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="123"/>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="124"/>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="125"/>
        <source>P&amp;roperties</source>
        <translation>&amp;Thuộc tính</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="126"/>
        <source>Location:</source>
        <translation>Vị trí:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="127"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="128"/>
        <source>Type:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="129"/>
        <source>Output &amp;file:</source>
        <translation>&amp;Tệp ra:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="37"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="58"/>
        <source>Scroll here</source>
        <translation>Cuộn đến đây</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="59"/>
        <source>Top</source>
        <translation>Lên đầu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="60"/>
        <source>Bottom</source>
        <translation>Xuống cuối</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="61"/>
        <source>Left edge</source>
        <translation>Mép trái</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="62"/>
        <source>Right edge</source>
        <translation>Mép phải</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="63"/>
        <source>Page up</source>
        <translation>Lên một trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="64"/>
        <source>Page down</source>
        <translation>Xuống một trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="65"/>
        <source>Page left</source>
        <translation>Sang trái một trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="66"/>
        <source>Page right</source>
        <translation>Sang phải một trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="67"/>
        <source>Scroll up</source>
        <translation>Cuộn lên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="68"/>
        <source>Scroll down</source>
        <translation>Cuộn xuống</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="69"/>
        <source>Scroll left</source>
        <translation>Cuộn sang trái</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="70"/>
        <source>Scroll right</source>
        <translation>Cuộn sang phải</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="46"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="47"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="48"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="49"/>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="50"/>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="51"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="52"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="53"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
</TS>
