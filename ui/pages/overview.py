"""Tổng quan: the commune at a glance, and where to go next.

Each register adds its own figures: the module named in :data:`OVERVIEW_MODULES` may define
``overview_card(db) -> Card | None`` (a figure in the top row), ``overview_panel(db) ->
QWidget | None`` (a larger widget below, such as a list of items due) and ``overview_alert(db)
-> QWidget | None`` (an urgent line above everything, such as danger signs nobody acted on).
Cards, panels and alerts translate themselves and have a ``refresh()`` method that the page
calls when it is shown.

At start-up the page is built before the database is open (``OverviewPage(None, figures)``):
each widget with a ``show_figures(figures)`` method paints itself from
:class:`fieldapp.overview_figures.OverviewFigures`, read with the standard library, and
:meth:`OverviewPage.attach` hands over the database when it is open. So card modules import
only Qt and light core modules at the top; their queries load inside ``refresh()``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.text.vietnamese import format_date
from ui.pages.base import Page

if TYPE_CHECKING:
    from fieldapp.db.database import Database
    from fieldapp.overview_figures import OverviewFigures
    from fieldapp.profile import Profile


class Card(QFrame):
    """A figure with its caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = QLabel("–")
        self.value.setObjectName("cardValue")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


OVERVIEW_MODULES: tuple[str, ...] = (
    "ui.pages.directives.overview",
    "ui.pages.rosters.overview",
    "ui.pages.households.overview",
    "ui.pages.reports.overview",
    "ui.pages.reports.daily_card",
    "ui.pages.households.followup_overview",
)


def import_overview_module(name: str) -> ModuleType:
    """Import a register's overview module without its page.

    ``ui.pages.rosters.overview`` lives in the rosters page's package, whose ``__init__``
    builds the page and pulls in reportlab (the households page: openpyxl): seconds of
    start-up for a card of three figures. While the overview module loads, its package is
    stood in for by an empty one, so only the overview module and what it imports itself
    run; the page loads whole when it is first shown. An overview module that needs its
    package's own names is imported the ordinary way.
    """
    if name in sys.modules:
        return sys.modules[name]
    package = name.rpartition(".")[0]
    if package in sys.modules:
        return importlib.import_module(name)
    spec = importlib.util.find_spec(package)
    if spec is None or spec.submodule_search_locations is None:
        return importlib.import_module(name)
    stand_in = importlib.util.module_from_spec(spec)  # not executed: no __init__ code runs
    sys.modules[package] = stand_in
    try:
        return importlib.import_module(name)
    except ImportError:
        for loaded in [m for m in sys.modules if m.startswith(package + ".")]:
            del sys.modules[loaded]
        del sys.modules[package]
        return importlib.import_module(name)
    finally:
        if sys.modules.get(package) is stand_in:
            del sys.modules[package]


class OverviewPage(Page):
    key = "overview"

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        *,
        figures: OverviewFigures | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._documents = 0  # a language change may arrive while the cards are being built
        self._profile: Profile | None = None
        self.commune_label = QLabel()
        self.commune_label.setObjectName("communeLine")
        self.commune_label.setWordWrap(True)
        self.today_label = QLabel()
        self.outer.addWidget(self.commune_label)
        self.outer.addWidget(self.today_label)
        grid = QGridLayout()
        self.documents_card = Card()
        self.cards: list[QWidget] = [self.documents_card]
        self.panels: list[QWidget] = []
        self.alerts: list[QWidget] = []
        for name in OVERVIEW_MODULES:
            module = import_overview_module(name)
            alert = getattr(module, "overview_alert", lambda _db: None)(db)
            if alert is not None:
                self.alerts.append(alert)
            card = getattr(module, "overview_card", lambda _db: None)(db)
            panel = getattr(module, "overview_panel", lambda _db: None)(db)
            if card is not None:
                self.cards.append(card)
            if panel is not None:
                self.panels.append(panel)
        for alert in self.alerts:
            self.outer.addWidget(alert)
        for i, card in enumerate(self.cards):
            grid.addWidget(card, 0, i)
        self.outer.addLayout(grid)
        for panel in self.panels:
            self.outer.addWidget(panel, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.outer.addWidget(self.hint)
        if not self.panels:
            self.outer.addStretch(1)
        if figures is not None:
            self.show_figures(figures)
        else:
            self._documents, self._profile = self._read_own()
            self.retranslate()

    def _read_own(self) -> tuple[int, Profile | None]:
        from sqlalchemy import func, select

        from fieldapp.db.models import Document
        from fieldapp.profile import load_profile

        with self.db.session() as s:
            documents = s.scalar(select(func.count()).select_from(Document)) or 0
        return documents, load_profile(self.db)

    def show_figures(self, figures: OverviewFigures) -> None:
        """Paint every card from the start-up figures (no database open yet)."""
        self._documents, self._profile = figures.documents, figures.profile
        for widget in [*self.alerts, *self.cards[1:], *self.panels]:
            show = getattr(widget, "show_figures", None)
            if show is not None:
                show(figures)
        self.retranslate()

    def attach(self, db: Database) -> None:
        """The database is open: the cards read from it from now on (``refresh``)."""
        self.db = db
        for widget in [*self.alerts, *self.cards[1:], *self.panels]:
            widget.db = db  # type: ignore[attr-defined]

    def refresh(self) -> None:
        if self.db is None:
            return
        self._documents, self._profile = self._read_own()
        for widget in [*self.alerts, *self.cards[1:], *self.panels]:
            widget.refresh()  # type: ignore[attr-defined]
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Overview"))
        profile = self._profile
        if profile is None:
            self.commune_label.setText(self.tr("The commune profile is not filled in yet."))
        else:
            # "Xã Bằng Lãng, huyện Chợ Đồn, tỉnh Bắc Kạn" or "Huyện Tuy Đức, tỉnh Đắk Nông"
            self.commune_label.setText(profile.location_line)
        self.today_label.setText(self.tr("Today: {date}").format(date=format_date(date.today())))
        self.documents_card.value.setText(str(self._documents))
        self.documents_card.caption.setText(self.tr("documents kept as they arrived"))
        self.hint.setText(
            self.tr(
                "Use the menu on the left or Ctrl+1 … Ctrl+7 to move between pages. "
                "Everything is saved on this computer and works without internet."
            )
        )


def create_page(db: Database | None, figures: OverviewFigures | None = None) -> OverviewPage:
    return OverviewPage(db, figures=figures)
