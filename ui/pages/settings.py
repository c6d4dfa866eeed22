"""Cài đặt: the commune profile, the interface language, where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp import __version__
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.profile import Profile, load_profile, save_profile
from fieldapp.settings import get_setting, set_setting
from ui.errors import show_error
from ui.i18n import LANGUAGES, install_language
from ui.pages.base import Page
from ui.widgets.profile_form import ProfileForm


class SettingsPage(Page):
    key = "settings"
    profile_saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        columns = QHBoxLayout()

        self.profile_box = QGroupBox()
        box_layout = QVBoxLayout(self.profile_box)
        self.form = ProfileForm()
        self.form.changed.connect(self._on_form_changed)
        box_layout.addWidget(self.form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveProfile")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save)
        self.revert_button = QPushButton()
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self._on_revert)
        self.status = QLabel()
        self.status.setObjectName("profileStatus")
        self.status.setWordWrap(True)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status, 1)
        box_layout.addLayout(buttons)
        columns.addWidget(self.profile_box, 3)

        side = QVBoxLayout()
        self.language_box = QGroupBox()
        lang_layout = QFormLayout(self.language_box)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(self._on_language)
        self.language_label = QLabel()
        lang_layout.addRow(self.language_label, self.language)
        side.addWidget(self.language_box)
        self.data_box = QGroupBox()
        data_layout = QVBoxLayout(self.data_box)
        self.data_label = QLabel()
        self.data_label.setWordWrap(True)
        data_layout.addWidget(self.data_label)
        side.addWidget(self.data_box)
        from ui.widgets.safety_box import AccountBox, BackupBox

        self.account_box = AccountBox(db)
        self.backup_box = BackupBox(db)
        side.addWidget(self.account_box)
        side.addWidget(self.backup_box)
        from ui.pages.households.support68_settings import Support68Settings

        self.support68_box = Support68Settings(db)  # issue 14: rates of Resolution 68 support
        side.addWidget(self.support68_box)
        side.addStretch(1)
        columns.addLayout(side, 2)

        layout.addLayout(columns)
        from ui.pages.households.followup_settings import FollowUpSettings

        self.followup_box = FollowUpSettings(db)
        layout.addWidget(self.followup_box)
        layout.addStretch(1)
        scroll.setWidget(body)
        self.outer.addWidget(scroll)
        self._load()
        self.retranslate()

    def refresh(self) -> None:
        self.account_box.refresh()
        self.backup_box.refresh()
        if not self.save_button.isEnabled():  # no edits pending: the form shows what is saved
            self._load()
            self.status.clear()
            self.status.setProperty("error", False)

    def _load(self) -> None:
        self.form.set_profile(load_profile(self.db) or Profile())
        language = get_setting(self.db, "language")
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.blockSignals(False)
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Settings"))
        self.profile_box.setTitle(self.tr("Commune profile (used in every report)"))
        self.save_button.setText(self.tr("&Save profile"))
        self.revert_button.setText(self.tr("&Undo changes"))
        self.language_box.setTitle(self.tr("Interface"))
        self.language_label.setText(self.tr("Language"))
        self.data_box.setTitle(self.tr("Data"))
        paths = self.db.paths
        self.data_label.setText(
            self.tr("Data folder: {folder}\nDatabase: {file}\nfieldapp version {version}").format(
                folder=paths.data_dir if paths else "–",
                file=paths.database.name if paths else "–",
                version=__version__,
            )
        )

    def _on_form_changed(self) -> None:
        self.save_button.setEnabled(True)
        self.revert_button.setEnabled(True)
        self.status.clear()

    def _on_save(self) -> None:
        try:
            saved = save_profile(self.db, self.form.profile())
        except UserError as err:
            self.status.setText(str(err))
            self.status.setProperty("error", True)
            return
        self.form.set_profile(saved)
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)
        self.status.setProperty("error", False)
        self.status.setText(self.tr("Saved."))
        self.profile_saved.emit()

    def _on_revert(self) -> None:
        self._load()
        self.status.setText(self.tr("Changes undone."))

    def _on_language(self) -> None:
        code = self.language.currentData()
        try:
            set_setting(self.db, "language", code)
        except UserError as err:  # a full disk: say so; the switch still applies for now
            show_error(self, err)
        install_language(code)


def create_page(db: Database) -> SettingsPage:
    return SettingsPage(db)
