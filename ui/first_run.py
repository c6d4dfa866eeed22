"""The first-run dialog: start with the demo commune or an empty register, and say which office
this is (a commune, a district or a province) with its profile."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.demo import DEMO_PROFILE, fill_demo
from fieldapp.errors import UserError
from fieldapp.profile import Profile, save_profile
from fieldapp.settings import set_setting
from ui.widgets.profile_form import ProfileForm


class FirstRunDialog(QDialog):
    """Asked once. On accept the database holds a profile (and the demo data if chosen)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.used_demo = False
        self.setWindowTitle(self.tr("Welcome to fieldapp"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This is the first start on this computer. Try the app with a demo commune, "
                "or start with an empty register for your own office: a commune, or a "
                "district or province that rolls up the reports of the units below it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.demo_choice = QRadioButton(self.tr("&Demo commune (sample data to try things out)"))
        self.empty_choice = QRadioButton(self.tr("&Empty register for my office"))
        self.empty_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.demo_choice)
        group.addButton(self.empty_choice)
        layout.addWidget(self.empty_choice)
        layout.addWidget(self.demo_choice)
        self.form = ProfileForm()
        layout.addWidget(self.form)
        self.error = QLabel()
        self.error.setObjectName("firstRunError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.demo_choice.toggled.connect(self._on_choice)

    def _on_choice(self, demo: bool) -> None:
        self.form.setEnabled(not demo)
        self.form.set_profile(DEMO_PROFILE if demo else Profile())

    def _on_accept(self) -> None:
        try:
            if self.demo_choice.isChecked():
                fill_demo(self.db)
                self.used_demo = True
            else:
                saved = save_profile(self.db, self.form.profile())
                if saved.level != "commune":  # a district or province rolls up its units
                    set_setting(self.db, "sync.district_mode", True)
        except UserError as err:
            self.error.setText(str(err))
            return
        self.accept()
