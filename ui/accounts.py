"""Signing in, the first admin account, changing one's password, and managing accounts.

Every check happens in the core (:mod:`fieldapp.accounts`); these dialogs only ask and show
the core's Vietnamese message when it refuses.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.accounts.permissions import ROLES
from fieldapp.accounts.service import (
    change_password,
    create_user,
    list_users,
    sign_in,
    update_user,
)
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from ui.widgets.rows_model import Row, RowsTable


def role_name(role: str) -> str:
    names = {
        "admin": QCoreApplication.translate("Accounts", "Administrator"),
        "officer": QCoreApplication.translate("Accounts", "Officer"),
        "shift_leader": QCoreApplication.translate("Accounts", "Shift leader"),
        "viewer": QCoreApplication.translate("Accounts", "Viewer"),
    }
    return names.get(role, ROLES.get(role, role))


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _FormDialog(QDialog):
    """A dialog with a form, an error line and OK / Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(440)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _on_accept(self) -> None:
        try:
            self.apply()
        except UserError as err:
            self.error.setText(str(err))
            return
        self.accept()

    def apply(self) -> None:
        raise NotImplementedError


class SignInDialog(_FormDialog):
    """Who is using the app. ``locked=True``: the window was locked after idle minutes."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        username: str = "",
        locked: bool = False,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Sign in — fieldapp"))
        self.intro.setText(
            self.tr("The window was locked after a while without use. Sign in to go on.")
            if locked
            else self.tr("Sign in with your account.")
        )
        self.username = QLineEdit(username)
        self.password = _password_field()
        self.form.addRow(self.tr("&User name"), self.username)
        self.form.addRow(self.tr("&Password"), self.password)
        self.ok_button.setText(self.tr("&Sign in"))
        (self.password if username else self.username).setFocus()

    def apply(self) -> None:
        try:
            sign_in(self.db, self.username.text(), self.password.text())
        finally:
            self.password.clear()


class AdminSetupDialog(_FormDialog):
    """The first account of this database: the administrator."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Administrator account"))
        self.intro.setText(
            self.tr(
                "Create the administrator account of this computer. The data holds citizen "
                "IDs, phone numbers and health status: every change is recorded with the name "
                "of who made it. The administrator can then add an account for each official."
            )
        )
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = _password_field()
        self.again = _password_field()
        self.form.addRow(self.tr("&User name"), self.username)
        self.form.addRow(self.tr("&Full name"), self.full_name)
        self.form.addRow(self.tr("&Password (8 characters or more)"), self.password)
        self.form.addRow(self.tr("&Repeat the password"), self.again)
        self.ok_button.setText(self.tr("&Create"))
        self.full_name.setFocus()

    def apply(self) -> None:
        if self.password.text() != self.again.text():
            raise UserError(self.tr("The two passwords are not the same."))
        create_user(
            self.db, self.username.text(), self.password.text(), full_name=self.full_name.text()
        )


class ChangePasswordDialog(_FormDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Change my password"))
        self.old = _password_field()
        self.new = _password_field()
        self.again = _password_field()
        self.form.addRow(self.tr("&Current password"), self.old)
        self.form.addRow(self.tr("&New password"), self.new)
        self.form.addRow(self.tr("&Repeat the new password"), self.again)

    def apply(self) -> None:
        if self.new.text() != self.again.text():
            raise UserError(self.tr("The two passwords are not the same."))
        change_password(self.db, self.old.text(), self.new.text())


class UserEditDialog(_FormDialog):
    """Add an account, or change one (role, name, blocked, new password)."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, user=None) -> None:
        super().__init__(parent)
        self.db = db
        self.user = user
        self.setWindowTitle(self.tr("Account") if user else self.tr("New account"))
        self.username = QLineEdit(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.role = QComboBox()
        for code in ROLES:
            self.role.addItem(role_name(code), code)
        self.role.setCurrentIndex(max(0, self.role.findData(user.role if user else "officer")))
        self.active = QComboBox()
        self.active.addItem(self.tr("Active"), True)
        self.active.addItem(self.tr("Blocked"), False)
        self.active.setCurrentIndex(0 if (user is None or user.active) else 1)
        self.password = _password_field()
        self.form.addRow(self.tr("&User name"), self.username)
        self.form.addRow(self.tr("&Full name"), self.full_name)
        self.form.addRow(self.tr("&Role"), self.role)
        if user is not None:
            self.form.addRow(self.tr("&State"), self.active)
        self.form.addRow(
            self.tr("&Password") if user is None else self.tr("New &password (empty: keep)"),
            self.password,
        )

    def apply(self) -> None:
        if self.user is None:
            create_user(
                self.db,
                self.username.text(),
                self.password.text(),
                full_name=self.full_name.text(),
                role=self.role.currentData(),
            )
        else:
            update_user(
                self.db,
                self.user.username,
                role=self.role.currentData(),
                full_name=self.full_name.text(),
                active=self.active.currentData(),
                new_password=self.password.text() or None,
            )


class UsersDialog(QDialog):
    """The administrator's list of accounts."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(640, 380)
        layout = QVBoxLayout(self)
        self.table = RowsTable(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("State")],
            stretch_last=False,
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.row_activated.connect(self._on_edit)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add account…"))
        self.edit_button = QPushButton(self.tr("&Change…"))
        close = QPushButton(self.tr("Close"))
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        close.clicked.connect(self.accept)
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.users = list_users(self.db)
        self.table.set_rows(
            Row(
                [
                    user.username,
                    user.full_name,
                    role_name(user.role),
                    self.tr("Active") if user.active else self.tr("Blocked"),
                ],
                user.id,
            )
            for user in self.users
        )

    def _on_add(self) -> None:
        if UserEditDialog(self.db, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def _on_edit(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            QMessageBox.information(self, self.windowTitle(), self.tr("Choose an account first."))
            return
        if (
            UserEditDialog(self.db, self, user=self.users[row]).exec()
            == QDialog.DialogCode.Accepted
        ):
            self.reload()
