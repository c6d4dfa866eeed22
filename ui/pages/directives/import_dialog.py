"""Import and review: paste a directive's text or open its file, check what was read, save.

Step one takes the text (pasted, or read from a ``.txt``, ``.docx``, ``.doc``, ``.odt``,
``.rtf``, ``.htm``, ``.pdf`` — text or scanned — or a photo ``.png``/``.jpg``/``.tif``/``.heic``). A file is read off the GUI thread through
the operation runner, with a progress bar and cancel (OCR of a scan takes seconds). Step two
shows every field and item the parser found, each editable, the fields it did not find and
those OCR read with low confidence marked, the first page's image beside them, and a
warning when the directive is already in the register. Saving goes through the caller's
``save`` function (the page's undo stack), so an import can be undone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.directives.parser import parse_directive
from fieldapp.directives.reading import Reading, read_directive
from fieldapp.directives.register import FIELD_NAMES, DirectiveForm, find_duplicate
from fieldapp.errors import Cancelled, UserError
from fieldapp.progress import Progress
from fieldapp.text.legacy import font_name
from ui.errors import show_error
from ui.operations import QueryOp
from ui.pages.directives.common import MISSING_BACKGROUND
from ui.pages.directives.form_widget import DirectiveFieldsForm, ItemsEditor

# save(form, original bytes or None, original name, allow duplicate) -> error or None
SaveFunction = Callable[[DirectiveForm, bytes | None, str, bool], UserError | None]


class ImportDialog(QDialog):
    def __init__(self, db: Database, save: SaveFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directiveImport")
        self.db = db
        self._save = save
        self._original: bytes | None = None
        self._original_name = ""
        self._text = ""
        self._reading: Reading | None = None
        self._form_ocr: DirectiveForm | None = None
        self.saved = False
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.stack = QStackedWidget()
        # Step 1: the text.
        source = QWidget()
        source_layout = QVBoxLayout(source)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openFile")
        self.open_button.clicked.connect(self._on_open)
        self.file_label = QLabel()
        self.file_label.setObjectName("fileName")
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.file_label, 1)
        self.paste_label = QLabel()
        self.paste = QPlainTextEdit()
        self.paste.setObjectName("pasteText")
        self.paste.textChanged.connect(self._on_paste_changed)
        self.paste_label.setBuddy(self.paste)
        source_layout.addWidget(self.intro)
        source_layout.addLayout(row)
        source_layout.addWidget(self.paste_label)
        source_layout.addWidget(self.paste, 1)
        self.stack.addWidget(source)

        # Step 2: review.
        review = QWidget()
        review_layout = QVBoxLayout(review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        self.missing_banner = QLabel()
        self.missing_banner.setObjectName("missingBanner")
        self.missing_banner.setWordWrap(True)
        self.missing_banner.setStyleSheet(
            f"background: {MISSING_BACKGROUND}; border: 1px solid #e0c060; padding: 6px;"
        )
        self.duplicate_banner = QLabel()
        self.duplicate_banner.setObjectName("duplicateBanner")
        self.duplicate_banner.setWordWrap(True)
        self.duplicate_banner.setStyleSheet(
            "background: #fbdcd8; border: 1px solid #d08070; padding: 6px; color: #7a0010;"
        )
        self.duplicate_check = QCheckBox()
        self.duplicate_check.setObjectName("saveAnyway")
        self.duplicate_check.toggled.connect(self._update_buttons)
        self.fields = DirectiveFieldsForm()
        self.fields.changed.connect(self._on_fields_changed)
        self.items = ItemsEditor()
        self.original_view = QPlainTextEdit()
        self.original_view.setReadOnly(True)
        # The first page as received, beside the fields read from it.
        self.page_image = QLabel()
        self.page_image.setObjectName("pageImage")
        self.page_image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidget(self.page_image)
        self.page_scroll.setWidgetResizable(True)
        self.ocr_banner = QLabel()
        self.ocr_banner.setObjectName("ocrBanner")
        self.ocr_banner.setWordWrap(True)
        self.ocr_banner.setStyleSheet(
            "background: #ffe0b2; border: 1px solid #e09040; padding: 6px; color: #5a3000;"
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.items, "")
        self.tabs.addTab(self.original_view, "")
        self.tabs.addTab(self.page_scroll, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.fields)
        splitter.addWidget(self.tabs)
        splitter.setSizes([480, 720])
        review_layout.addWidget(self.ocr_banner)
        review_layout.addWidget(self.missing_banner)
        review_layout.addWidget(self.duplicate_banner)
        review_layout.addWidget(self.duplicate_check)
        review_layout.addWidget(splitter, 1)
        self.stack.addWidget(review)

        self.error = QLabel()
        self.error.setObjectName("importError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setObjectName("readText")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveDirective")
        self.cancel_button = QPushButton()
        self.back_button.clicked.connect(self._on_back)
        self.next_button.clicked.connect(self._on_next)
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        for b in (self.back_button, self.next_button, self.save_button, self.cancel_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._on_primary)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self._on_primary)
        QShortcut(QKeySequence("Ctrl+O"), self, activated=self._on_open)
        self._duplicate = None
        self.resize(*_fitting_size())
        self.retranslate()
        self._show_step(0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a directive"))
        self.intro.setText(
            self.tr(
                "Open the file of the directive (Word .docx or .doc, .odt, .rtf, a web page .htm or "
                ".mht, .pdf, a scan or a photo of the page: .png, .jpg, .tif, .heic; or .txt), or "
                "paste its text below. Nothing is saved "
                "before you have checked what was read."
            )
        )
        self.open_button.setText(self.tr("&Open a file…"))
        self.paste_label.setText(self.tr("&Text of the directive:"))
        self.paste.setPlaceholderText(self.tr("Paste the text of the directive here…"))
        self.tabs.setTabText(0, self.tr("Items"))
        self.tabs.setTabText(1, self.tr("Text as received"))
        self.tabs.setTabText(2, self.tr("Page image"))
        self._update_ocr_banner()
        self.duplicate_check.setText(self.tr("Register it again anyway (a second copy)"))
        self.back_button.setText(self.tr("&Back"))
        self.next_button.setText(self.tr("&Read the text"))
        self.save_button.setText(self.tr("&Save to the register"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.next_button.setToolTip("Ctrl+Enter")
        self.save_button.setToolTip("Ctrl+Enter")

    # -- step 1 -------------------------------------------------------------------------------

    def _on_open(self) -> None:
        if self.stack.currentIndex() != 0:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a directive"),
            str(Path.home()),
            self.tr(
                "Directives (*.docx *.doc *.odt *.rtf *.htm *.html *.mht *.mhtml *.pdf *.png *.jpg "
                "*.jpeg *.tif *.tiff *.webp *.heic *.heif *.txt);;All files (*)"
            ),
        )
        if name:
            self.load_file(name)

    def load_file(self, path: str | Path) -> None:
        """Read a file off the GUI thread (OCR if it is a scan or a photo), then go on to
        review; a refused file leaves a message in step one and changes nothing."""
        p = Path(path)
        self.error.clear()
        self.open_button.setEnabled(False)

        def work(progress: Progress) -> tuple[Reading, bytes]:
            reading = read_directive(p, progress=progress, preview=True)
            return reading, p.read_bytes()

        (
            QueryOp(self, work)
            .success(lambda result: self._on_read(p, *result))
            .failure(self._on_read_failed)
            .with_progress(self.tr("Reading the directive…"))
            .run_in_background()
        )

    def _on_read(self, path: Path, reading: Reading, data: bytes) -> None:
        self.open_button.setEnabled(True)
        self.paste.blockSignals(True)
        self.paste.setPlainText(reading.text)
        self.paste.blockSignals(False)
        self._original, self._original_name = data, path.name
        self._reading = reading
        self.file_label.setText(path.name)
        self._show_page(reading)
        self.error.clear()
        self._on_next()

    def _on_read_failed(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.error.setText(self.tr("Reading was cancelled; nothing was changed."))
        elif isinstance(exc, (UserError, OSError)):
            self.error.setText(str(exc))
        else:
            show_error(self, exc)

    def _show_page(self, reading: Reading) -> None:
        image = reading.extracted.preview
        if image is None:
            self.page_image.clear()
            self.page_image.setText(self.tr("No page image: the file holds text only."))
            return
        grey = image.convert("L")
        qimage = QImage(
            grey.tobytes(), grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8
        ).copy()
        width = max(400, self.page_scroll.viewport().width() - 20)
        self.page_image.setPixmap(
            QPixmap.fromImage(qimage).scaledToWidth(
                min(width, qimage.width()), Qt.TransformationMode.SmoothTransformation
            )
        )

    def _on_paste_changed(self) -> None:
        # Typed or pasted by hand: the original kept will be this text.
        self._original, self._original_name = None, ""
        self._reading = None
        self.file_label.clear()
        self.error.clear()
        self._update_buttons()

    def _on_next(self) -> None:
        text = self.paste.toPlainText()
        if not text.strip():
            self.error.setText(self.tr("There is no text to read yet."))
            return
        self._text = text
        if self._reading is not None and self._reading.text == text:
            form = DirectiveForm.from_reading(self._reading)
        else:
            form = DirectiveForm.from_parsed(parse_directive(text), text)
            self._reading = None
            self.page_image.clear()
        self._form_ocr = form
        self.fields.set_form(form)
        self.fields.set_doubtful(form.ocr_flags)
        self.items.set_items(form.items)
        self.original_view.setPlainText(text)
        self.error.clear()
        self._show_step(1)
        self._update_ocr_banner()
        if self._reading is not None and self._reading.extracted.ocr is not None:
            self.tabs.setCurrentWidget(self.page_scroll)
        self._check_duplicate()
        # Filling the form above said "changed" field by field, the half-filled form showing
        # the banner: its place is given back, then kept only if something is really missing.
        self._release_missing_slot()
        self._update_missing()
        self.fields.number.setFocus()

    # -- step 2 -------------------------------------------------------------------------------

    def _on_fields_changed(self) -> None:
        self._update_missing()
        self._check_duplicate()

    def _update_missing(self) -> None:
        missing = self.fields.missing()
        if not missing:
            # Its place is kept (see below): the form does not jump up under the pointer.
            self.missing_banner.hide()
            return
        names = ", ".join(FIELD_NAMES.get(m, m) for m in missing)
        self.missing_banner.setText(
            "⚠ "
            + self.tr(
                "Not found in the text: {fields}. They are marked in yellow: fill them in if "
                "you know them, or leave them empty."
            ).format(fields=names)
        )
        self.missing_banner.show()
        # Once shown, the banner keeps its place and its tallest height for this review: as
        # fields are filled in, its text gets shorter and at last it goes, and the form below
        # stays where the person is typing.
        policy = self.missing_banner.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.missing_banner.setSizePolicy(policy)
        width = self.missing_banner.width()
        needed = (
            self.missing_banner.heightForWidth(width)
            if width > 0
            else self.missing_banner.sizeHint().height()
        )
        self.missing_banner.setMinimumHeight(max(self.missing_banner.minimumHeight(), needed))

    def _release_missing_slot(self) -> None:
        """A new reading: the banner's place is kept only once it has been shown for it."""
        policy = self.missing_banner.sizePolicy()
        policy.setRetainSizeWhenHidden(False)
        self.missing_banner.setSizePolicy(policy)
        self.missing_banner.setMinimumHeight(0)
        self.missing_banner.hide()

    def _update_ocr_banner(self) -> None:
        form = self._form_ocr
        legacy = self._reading.extracted.legacy_encoding if self._reading is not None else ""
        if (
            form is None
            or self.stack.currentIndex() != 1
            or (form.ocr_pages is None and not legacy)
        ):
            self.ocr_banner.hide()
            return
        if form.ocr_pages is None:
            self.ocr_banner.setText(
                "⚠ "
                + self.tr(
                    "The file was typed with the old {encoding} fonts and has been turned into "
                    "Unicode: check the names and accents before saving."
                ).format(encoding=font_name(legacy))
            )
            self.ocr_banner.show()
            return
        doubtful = self.fields.doubtful()
        text = self.tr(
            "Read from page images (OCR): {pages} page(s), confidence {confidence}/100. "
            "Compare the fields with the page image before saving."
        ).format(pages=form.ocr_pages, confidence=f"{form.ocr_confidence or 0:.0f}")
        if doubtful:
            names = ", ".join(FIELD_NAMES.get(m, m) for m in doubtful)
            text += " " + self.tr("Read with low confidence (marked in orange): {fields}.").format(
                fields=names
            )
        self.ocr_banner.setText("⚠ " + text)
        self.ocr_banner.show()

    def _check_duplicate(self) -> None:
        try:
            form = self.fields.form()
        except UserError:
            return  # a date being typed: check again when it reads
        original = self._original if self._original is not None else self._text.encode("utf-8")
        self._duplicate = find_duplicate(self.db, form, sha256=hashlib.sha256(original).hexdigest())
        if self._duplicate is None:
            self.duplicate_banner.hide()
            self.duplicate_check.hide()
            self.duplicate_check.setChecked(False)
        else:
            self.duplicate_banner.setText("⚠ " + self._duplicate.message())
            self.duplicate_banner.show()
            self.duplicate_check.show()
        self._update_buttons()

    def _on_back(self) -> None:
        self._show_step(0)

    def _on_primary(self) -> None:
        if self.stack.currentIndex() == 0:
            self._on_next()
        elif self.save_button.isEnabled():
            self._on_save()

    def _on_save(self) -> None:
        try:
            form = self.fields.form()
            form.items = self.items.items()
        except UserError as err:
            self.error.setText(str(err))
            return
        ocr = self._form_ocr
        if ocr is not None and ocr.ocr_pages is not None:
            form.ocr_pages, form.ocr_confidence = ocr.ocr_pages, ocr.ocr_confidence
            form.ocr_flags = list(ocr.ocr_flags)
        original = self._original if self._original is not None else self._text.encode("utf-8")
        name = self._original_name or "van-ban-dan.txt"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            failure = self._save(form, original, name, self.duplicate_check.isChecked())
        finally:
            QApplication.restoreOverrideCursor()
        if failure is not None:
            self.error.setText(str(failure))
            return
        self.saved = True
        self.accept()

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        if step == 0:
            self.ocr_banner.hide()
        self.back_button.setVisible(step == 1)
        self.next_button.setVisible(step == 0)
        self.save_button.setVisible(step == 1)
        if step == 0:
            self.next_button.setDefault(True)
            self.paste.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        blocked = self._duplicate is not None and not self.duplicate_check.isChecked()
        self.save_button.setEnabled(not blocked)
        self.next_button.setEnabled(bool(self.paste.toPlainText().strip()))


def _fitting_size() -> tuple[int, int]:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 1200, 680
    area = screen.availableGeometry()
    return min(1240, area.width() - 40), min(700, area.height() - 40)
