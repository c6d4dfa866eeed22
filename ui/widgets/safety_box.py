"""The Settings page's "Account" and "Backups" boxes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.backup import list_backups, restore
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.progress import Progress
from fieldapp.settings import get_setting, set_setting
from fieldapp.text.vietnamese import format_datetime
from ui.errors import show_error
from ui.operations import CollectionOp


class AccountBox(QGroupBox):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        self.who = QLabel()
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        self.password_button = QPushButton()
        self.users_button = QPushButton()
        self.audit_button = QPushButton()
        self.lock_button = QPushButton()
        self.switch_button = QPushButton()
        for button in (
            self.password_button,
            self.users_button,
            self.audit_button,
            self.lock_button,
            self.switch_button,
        ):
            layout.addWidget(button)
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle_label = QLabel()
        form.addRow(self.idle_label, self.idle)
        layout.addLayout(form)
        self.password_button.clicked.connect(self._on_password)
        self.users_button.clicked.connect(self._on_users)
        self.audit_button.clicked.connect(self._on_audit)
        self.lock_button.clicked.connect(self._on_lock)
        self.switch_button.clicked.connect(self._on_switch)
        self.idle.editingFinished.connect(self._on_idle)
        self.refresh()

    def refresh(self) -> None:
        actor = self.db.actor
        self.idle.blockSignals(True)
        self.idle.setValue(int(get_setting(self.db, "security.idle_minutes")))
        self.idle.blockSignals(False)
        enabled = self.db.accounts_enabled
        is_admin = actor is not None and actor.role == "admin"
        self.password_button.setVisible(actor is not None)
        self.lock_button.setVisible(enabled)
        self.switch_button.setVisible(enabled and actor is not None)
        self.users_button.setVisible(is_admin)
        self.audit_button.setVisible(
            (actor is None and not enabled) or bool(actor and actor.sees_personal_data)
        )
        self.idle.setEnabled(is_admin or not enabled)
        self.retranslate()

    def retranslate(self) -> None:
        from ui.accounts import role_name

        self.setTitle(self.tr("Account"))
        actor = self.db.actor
        if actor is None and self.db.accounts_enabled:
            self.who.setText(self.tr("Nobody is signed in."))
        elif actor is None:
            self.who.setText(self.tr("No accounts on this computer yet (single user)."))
        else:
            self.who.setText(
                self.tr("Signed in as {name}, {role}.").format(
                    name=actor.label, role=role_name(actor.role)
                )
            )
        self.password_button.setText(self.tr("Change my &password…"))
        self.users_button.setText(self.tr("&Accounts…"))
        self.audit_button.setText(self.tr("Change &log…"))
        self.lock_button.setText(self.tr("&Lock the window now"))
        self.switch_button.setText(self.tr("Sign &out / switch user"))
        self.idle_label.setText(self.tr("Lock after idle minutes (0: never)"))

    def _on_password(self) -> None:
        from ui.accounts import ChangePasswordDialog

        if ChangePasswordDialog(self.db, self).exec() == QDialog.DialogCode.Accepted:
            QMessageBox.information(self, "fieldapp", self.tr("Your password is changed."))

    def _on_users(self) -> None:
        from ui.accounts import UsersDialog

        UsersDialog(self.db, self).exec()

    def _on_audit(self) -> None:
        from ui.audit_dialog import AuditDialog

        AuditDialog(self.db, self).exec()

    def _on_lock(self) -> None:
        window = self.window()
        if hasattr(window, "lock"):
            window.lock()
        self.refresh()

    def _on_switch(self) -> None:
        """A shared laptop: the person leaves; the next one signs in (or the window closes)."""
        from fieldapp.accounts.service import sign_out

        sign_out(self.db)
        window = self.window()
        if hasattr(window, "lock"):
            window.lock()
        if not self.isVisible():
            return
        self.refresh()

    def _on_idle(self) -> None:
        try:
            set_setting(self.db, "security.idle_minutes", self.idle.value())
        except UserError as err:
            show_error(self, err)
            self.refresh()
            return
        window = self.window()
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.set_minutes(self.idle.value())


class BackupBox(QGroupBox):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        self.last = QLabel()
        self.last.setWordWrap(True)
        layout.addWidget(self.last)
        self.now_button = QPushButton()
        self.usb_button = QPushButton()
        self.restore_button = QPushButton()
        for button in (self.now_button, self.usb_button, self.restore_button):
            layout.addWidget(button)
        self.now_button.clicked.connect(lambda: self._backup(None))
        self.usb_button.clicked.connect(self._on_usb)
        self.restore_button.clicked.connect(self._on_restore)
        self.refresh()

    def refresh(self) -> None:
        actor = self.db.actor
        self.restore_button.setVisible(
            not self.db.accounts_enabled or bool(actor and actor.role == "admin")
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backups"))
        found = list_backups(self.db.paths) if self.db.paths else []
        if found:
            self.last.setText(
                self.tr(
                    "Newest backup: {when}. Backups are made every 30 minutes when "
                    "something changed, and when the window closes."
                ).format(when=format_datetime(found[0].taken_at))
            )
        else:
            self.last.setText(self.tr("No backup yet. One is made when the window closes."))
        self.now_button.setText(self.tr("&Back up now"))
        self.usb_button.setText(self.tr("Back up to a &USB stick…"))
        self.restore_button.setText(self.tr("&Restore from a backup…"))

    def _backup(self, target: Path | None) -> None:
        from ui.safety import run_backup

        run_backup(self.db.paths, target, self, on_done=self._on_backup_done)

    def _on_backup_done(self, file: str, error: str) -> None:
        if error:
            show_error(self, UserError(error))
        elif file:
            QMessageBox.information(
                self, "fieldapp", self.tr("Backed up to {file}").format(file=file)
            )
        self.retranslate()

    def _on_usb(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick"))
        if folder:
            self._backup(Path(folder))

    def _on_restore(self) -> None:
        start = str(self.db.paths.backups) if self.db.paths else ""
        file, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), start, self.tr("fieldapp backups (*.sqlite3)")
        )
        if not file:
            return
        from fieldapp import gate
        from fieldapp.backup import plan_restore

        try:
            gate.require(self.db, gate.ADMIN)
            plan = plan_restore(self.db.paths, Path(file))
        except UserError as err:
            show_error(self, err)
            return
        answer = QMessageBox.question(
            self,
            "fieldapp",
            plan.text()
            + "\n\n"
            + self.tr(
                "Replace the current data with this backup? The current data is kept aside in "
                "the backups folder. The app closes afterwards; open it again."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if plan.other_commune:
            answer = QMessageBox.warning(
                self,
                "fieldapp",
                self.tr("This file is the data of ANOTHER office. Restore it all the same?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        paths, db, actor = self.db.paths, self.db, self.db.actor

        def work(_progress: Progress) -> Path:
            db.close()  # no connection may stay open on the file being replaced
            return restore(
                paths, Path(file), actor=actor, confirmed=True, other_commune=plan.other_commune
            )

        def refused(exc: BaseException) -> None:
            from fieldapp.db.database import take_shared_lock

            take_shared_lock(db, paths)  # nothing was replaced: the window goes on as before
            show_error(self, exc)

        CollectionOp(self, work).success(self._on_restored).failure(refused).with_progress(
            self.tr("Restoring the backup…"), cancellable=False
        ).run_in_background()

    def _on_restored(self, aside: Path) -> None:
        window = self.window()
        if hasattr(window, "auto_backup"):
            window.auto_backup = None  # the restored file needs no backup at this close
        QMessageBox.information(
            self,
            "fieldapp",
            self.tr("Restored. The previous data is kept at {file}.").format(file=aside),
        )
        QApplication.instance().quit()
