"""Send and receive: this computer's fingerprint, packages out (changes or everything) and
packages in (one or several files, a new sender trusted only after comparing fingerprints).

Every package is written and read off the GUI thread through :mod:`ui.operations`: the
export is one write; each file to import is checked (a read), then, once the person has
trusted a new sender, applied (a write). The results are listed line by line.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.sync import receive
from fieldapp.sync.keys import device_fingerprint
from fieldapp.sync.package import SUFFIX, export_package, suggested_name
from ui.operations import CollectionOp, QueryOp
from ui.pages.sync.dialogs import TrustDialog, big_monospace
from ui.widgets.confirm import confirm_personal_export

PACKAGE_FILTER = "fieldapp (*.fieldsync);;*"


class TransferTab(QWidget):
    """The first tab of the Sync page."""

    imported = Signal()  # a package changed the register: the other tabs refresh
    district_mode_toggled = Signal(bool)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._queue: deque[Path] = deque()
        layout = QVBoxLayout(self)
        self.fingerprint_box = QGroupBox()
        box = QVBoxLayout(self.fingerprint_box)
        self.fingerprint_help = QLabel()
        self.fingerprint_help.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("deviceFingerprint")
        self.fingerprint_label.setFont(big_monospace(2.2))
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.fingerprint_help)
        box.addWidget(self.fingerprint_label)
        layout.addWidget(self.fingerprint_box)

        buttons = QHBoxLayout()
        self.export_changes_button = QPushButton()
        self.export_changes_button.setObjectName("exportChanges")
        self.export_changes_button.clicked.connect(self._on_export_changes)
        self.export_all_button = QPushButton()
        self.export_all_button.setObjectName("exportAll")
        self.export_all_button.clicked.connect(self._on_export_all)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importPackages")
        self.import_button.clicked.connect(self.on_import)
        for b in (self.export_changes_button, self.export_all_button, self.import_button):
            b.setMinimumHeight(40)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.district_mode = QCheckBox()
        self.district_mode.setObjectName("districtMode")
        self.district_mode.toggled.connect(self.district_mode_toggled)
        buttons.addWidget(self.district_mode)
        layout.addLayout(buttons)
        self.results_label = QLabel()
        layout.addWidget(self.results_label)
        self.results = QPlainTextEdit()
        self.results.setObjectName("syncResults")
        self.results.setReadOnly(True)
        layout.addWidget(self.results, 1)

    def retranslate(self) -> None:
        self.fingerprint_box.setTitle(self.tr("This computer's key fingerprint"))
        self.fingerprint_help.setText(
            self.tr(
                "Read these characters to the person who receives your packages (by phone) so "
                "they can check that a package really comes from this computer."
            )
        )
        self.export_changes_button.setText(self.tr("Export changes…"))
        self.export_changes_button.setToolTip(self.tr("Changes since the last package (Ctrl+E)"))
        self.export_all_button.setText(self.tr("Export everything…"))
        self.import_button.setText(self.tr("Import packages…"))
        self.import_button.setToolTip(self.tr("One or several package files (Ctrl+I)"))
        self.district_mode.setText(self.tr("District mode (roll up the communes)"))
        self.results_label.setText(self.tr("Results:"))

    def refresh(self) -> None:
        try:
            self.fingerprint_label.setText(device_fingerprint(self.db.paths))
        except UserError as err:
            self.fingerprint_label.setText(str(err))

    def say(self, line: str) -> None:
        self.results.appendPlainText(line)

    # --- export -------------------------------------------------------------------------

    def _ask_target(self, title: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, PACKAGE_FILTER)
        if not path:
            return None
        target = Path(path)
        if target.suffix != SUFFIX and not target.is_dir():
            target = target.with_name(target.name + SUFFIX)
        return target

    def _on_export_changes(self) -> None:
        self.export(full=False)

    def _on_export_all(self) -> None:
        self.export(full=True)

    def export(self, *, full: bool) -> None:
        try:
            suggested = suggested_name(self.db)
        except UserError as err:
            self.say(self.tr("Not exported: %1").replace("%1", str(err)))
            return
        target = self._ask_target(
            self.tr("Save the package (a file, or on the USB stick)"), suggested
        )
        if target is None or not confirm_personal_export(self):
            return
        db = self.db
        self.export_changes_button.setEnabled(False)
        self.export_all_button.setEnabled(False)
        (
            CollectionOp(self, lambda p: export_package(db, target, full=full, progress=p))
            .success(self._on_exported)
            .failure(self._on_export_failed)
            .with_progress(self.tr("Writing the package…"))
            .run_in_background()
        )

    def _exported_done(self) -> None:
        self.export_changes_button.setEnabled(True)
        self.export_all_button.setEnabled(True)

    def _on_export_failed(self, exc: BaseException) -> None:
        self._exported_done()
        if isinstance(exc, UserError):
            self.say(self.tr("Not exported: %1").replace("%1", str(exc)))
            return
        from ui.errors import show_error

        show_error(self, exc)

    def _on_exported(self, result) -> None:
        self._exported_done()
        if result.nothing:
            self.say(
                self.tr(
                    "Nothing has changed since the last package: no file made, nothing to send."
                )
            )
            return
        self.say(
            self.tr("Package no. %1 saved: %2 (%3 records). Send this file to the district.")
            .replace("%1", str(result.sequence))
            .replace("%2", str(result.path))
            .replace("%3", str(result.rows))
        )

    # --- import -------------------------------------------------------------------------

    def on_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose the packages to import"), "", PACKAGE_FILTER
        )
        if not files:
            return
        start = not self._queue
        self._queue.extend(Path(name) for name in files)
        if start:
            self.import_button.setEnabled(False)
            self._import_next()

    def _import_next(self) -> None:
        if not self._queue:
            self.import_button.setEnabled(True)
            self.imported.emit()
            return
        path = self._queue[0]
        (
            QueryOp(self, lambda _p: receive.read_package(path))
            .success(lambda checked: self._on_checked(path, checked))
            .failure(lambda exc: self._on_refused(path, exc, checked=False))
            .with_progress(self.tr("Checking %1…").replace("%1", path.name))
            .run_in_background()
        )

    def _done_one(self) -> None:
        if self._queue:
            self._queue.popleft()
        self._import_next()

    def _on_refused(self, path: Path, exc: BaseException, *, checked: bool) -> None:
        if not isinstance(exc, UserError):
            from ui.errors import show_error

            show_error(self, exc)
        elif checked:
            self.say(
                self.tr("%1: refused, nothing was written. %2")
                .replace("%1", path.name)
                .replace("%2", str(exc))
            )
        else:
            self.say(self.tr("%1: refused. %2").replace("%1", path.name).replace("%2", str(exc)))
        self._done_one()

    def _on_checked(self, path: Path, checked) -> None:
        commune = (checked.manifest.get("commune") or {}).get("name", "")
        state = receive.sender_state(
            self.db, checked.fingerprint, str(checked.manifest.get("device_id", ""))
        )
        trust_new = False
        if state == "new":
            dialog = TrustDialog(commune, checked.fingerprint, path.name, self)
            if dialog.exec() != TrustDialog.DialogCode.Accepted:
                self.say(
                    self.tr("%1: not imported (the sender's key was not trusted).").replace(
                        "%1", path.name
                    )
                )
                self._done_one()
                return
            trust_new = True
        db = self.db
        (
            CollectionOp(
                self, lambda p: receive.import_package(db, path, trust_new=trust_new, progress=p)
            )
            .success(lambda r: self._on_imported(path, r))
            .failure(lambda exc: self._on_refused(path, exc, checked=True))
            .with_progress(self.tr("Importing %1…").replace("%1", path.name))
            .run_in_background()
        )

    def _on_imported(self, path: Path, r) -> None:
        if r.already:
            self.say(
                self.tr("%1: already received before; nothing changed.").replace("%1", path.name)
            )
        else:
            self.say(
                self.tr("%1: %2, package no. %3: %4 added, %5 changed, %6 deleted, %7 conflicts.")
                .replace("%1", path.name)
                .replace("%2", r.commune)
                .replace("%3", str(r.sequence))
                .replace("%4", str(r.inserted))
                .replace("%5", str(r.updated))
                .replace("%6", str(r.deleted))
                .replace("%7", str(r.conflicts))
            )
        self._done_one()
