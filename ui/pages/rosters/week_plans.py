"""Long work from the week grid: making a roster, re-planning after someone falls ill, and
the printouts; each runs through :mod:`ui.operations` off the GUI thread, one undoable write
(or a read, for printing). Mixed into :class:`ui.pages.rosters.week_tab.WeekTab`; strings
keep the "WeekTab" translation context.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.errors import Cancelled, UserError
from fieldapp.progress import Progress
from fieldapp.rostering import editing
from fieldapp.rostering.planning import PlanResult, generate, mark_unavailable_and_replan
from fieldapp.rostering.sheets import print_roster
from fieldapp.rostering.store import add_absence, list_staff, remove_absence
from fieldapp.text.vietnamese import format_date
from ui import errors
from ui.operations import CollectionOp, QueryOp
from ui.pages.rosters.dialogs import (
    GenerateDialog,
    UnavailableDialog,
)
from ui.pages.rosters.print_preview import ask_pdf_path, show_pdf_preview

REPLAN_SPAN = 92  # days after the first day of a leave that a re-plan may touch (its undo too)


class PlanningMixin:
    """The week tab's long work and printing (see the module doc)."""

    # --- long work: generate, re-plan ----------------------------------------------------------

    def _run_long(self, title: str, work, done, undo_text: str, undo, redo) -> None:
        """Run ``work(progress)`` as one undoable write through the operation runner."""
        self.busy = True
        self._update_buttons()

        def finish() -> None:
            self.busy = False
            self._update_buttons()

        def on_done(result) -> None:
            finish()
            self._after_change()
            done(result)

        def on_failed(exc: BaseException) -> None:
            finish()
            if not isinstance(exc, Cancelled):
                errors.show_error(self, exc)

        (
            CollectionOp(self, work)
            .success(on_done)
            .failure(on_failed)
            .with_progress(title, cancellable=False)
            .undoable(undo_text, undo=undo, redo=redo, changed=self._after_change, stack=self.undo)
            .run_in_background()
        )

    def _report(self, result: PlanResult, title: str) -> None:
        self.last_result = result
        box = QMessageBox(self)
        box.setWindowTitle(title)
        box.setIcon(
            QMessageBox.Icon.Information if not result.missing else QMessageBox.Icon.Warning
        )
        lines = result.lines()
        box.setText(lines[0] + ("\n" + lines[1] if len(lines) > 1 else ""))
        if len(lines) > 2:
            box.setDetailedText("\n".join(lines))
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self._result_box = box

    def _on_generate(self) -> None:
        if self.busy or self.grid is None:
            return
        dialog = GenerateDialog(
            self.monday, self.monday + timedelta(days=6), self.grid.site.name, self
        )
        if not dialog.exec():
            return
        start, end, only_site, keep = dialog.values()
        self.start_generation(start, end, only_site, keep)

    def start_generation(self, start: date, end: date, only_site: bool, keep: bool) -> None:
        sites = [int(self.site.currentData())] if only_site and self.site.currentData() else None
        db = self.db

        def work(progress: Progress) -> tuple[list, PlanResult]:
            state = editing.range_state(db, start, end)  # what undo puts back
            result = generate(
                db, start, end, site_ids=sites, keep_current=keep, progress=_fractions(progress)
            )
            return state, result

        def undo(done: tuple[list, PlanResult]) -> None:
            editing.restore_range(db, start, end, done[0])

        def redo(done: tuple[list, PlanResult]) -> tuple[list, PlanResult]:
            return done[0], generate(db, start, end, site_ids=sites, keep_current=keep)

        text = QCoreApplication.translate("WeekTab", "Make roster {start} – {end}").format(
            start=format_date(start), end=format_date(end)
        )
        self._run_long(
            QCoreApplication.translate("WeekTab", "Making the roster…"),
            work,
            lambda done: self._report(
                done[1], QCoreApplication.translate("WeekTab", "Roster made")
            ),
            text,
            undo,
            redo,
        )

    def _on_unavailable(self, chosen: int | None = None) -> None:
        if self.busy:
            return
        person = self.current_person()
        people = list_staff(self.db)
        if not people:
            errors.show_error(
                self,
                UserError(
                    QCoreApplication.translate("WeekTab", "There is nobody on the staff list yet.")
                ),
            )
            return
        dialog = UnavailableDialog(
            people,
            chosen if chosen is not None else (person.staff_id if person else None),
            date.today() + timedelta(days=1),
            self,
        )
        if not dialog.exec():
            return
        self.start_unavailable(*dialog.values())

    def start_unavailable(
        self, staff_id: int, reason: str, start: date, end: date | None, note: str, replan: bool
    ) -> None:
        holder: dict[str, int | None] = {"absence": None}
        if not replan:

            def add() -> None:
                holder["absence"] = add_absence(self.db, staff_id, reason, start, end, note).id

            db = self.db
            self._write(
                QCoreApplication.translate("WeekTab", "Record leave"),
                add,
                lambda: remove_absence(db, holder["absence"]),
            )
            return
        first, last = start - timedelta(days=1), start + timedelta(days=REPLAN_SPAN)
        db = self.db

        def work(progress: Progress) -> tuple[list, int | None, PlanResult]:
            state = editing.range_state(db, first, last)
            result = mark_unavailable_and_replan(
                db, staff_id, reason, start, end, note=note, progress=_fractions(progress)
            )
            return state, editing.latest_absence_id(db, staff_id), result

        def undo(done: tuple[list, int | None, PlanResult]) -> None:
            editing.restore_range(db, first, last, done[0], remove_absence=done[1])

        def redo(done: tuple[list, int | None, PlanResult]):
            result = mark_unavailable_and_replan(db, staff_id, reason, start, end, note=note)
            return done[0], editing.latest_absence_id(db, staff_id), result

        self._run_long(
            QCoreApplication.translate("WeekTab", "Re-planning…"),
            work,
            lambda done: self._report(done[2], QCoreApplication.translate("WeekTab", "Re-planned")),
            QCoreApplication.translate("WeekTab", "Cannot work from a date, re-plan"),
            undo,
            redo,
        )

    # --- printing --------------------------------------------------------------------------

    def _sheet_sites(self, every_site: bool) -> list[int] | None:
        if every_site:
            return None
        return [int(self.site.currentData())] if self.site.currentData() is not None else None

    def _on_print(self, every_site: bool) -> None:
        if self.grid is None:
            return
        sites = self._sheet_sites(every_site)
        db, monday = self.db, self.monday
        folder = Path(tempfile.mkdtemp(prefix="fieldapp-print-"))
        (
            QueryOp(self, lambda _p: print_roster(db, folder / "lich-truc.pdf", monday, sites))
            .success(
                lambda path: show_pdf_preview(
                    self, path, QCoreApplication.translate("WeekTab", "Duty roster")
                )
            )
            .with_progress(QCoreApplication.translate("WeekTab", "Preparing the sheets…"))
            .run_in_background()
        )

    def _on_save_pdf(self) -> None:
        if self.grid is None:
            return
        name = f"lich-truc-{self.monday.isoformat()}.pdf"
        target = ask_pdf_path(self, name)
        if target is None:
            return
        db, monday = self.db, self.monday
        (
            QueryOp(self, lambda _p: print_roster(db, target, monday))
            .success(
                lambda path: QMessageBox.information(
                    self,
                    QCoreApplication.translate("WeekTab", "Duty roster"),
                    QCoreApplication.translate("WeekTab", "Saved: {path}").format(path=path),
                )
            )
            .with_progress(QCoreApplication.translate("WeekTab", "Preparing the sheets…"))
            .run_in_background()
        )


def _fractions(progress: Progress):
    """The planner reports (fraction, words); the runner's Progress counts steps."""
    return lambda fraction, message: progress.update(int(fraction * 100), 100, message)
