"""Hand changes on the week grid: change, add, take off, lock, make leader, swap.

Each is one core call run off the GUI thread as a :class:`ui.operations.CollectionOp` and,
once it succeeded, pushed on the page's undo stack as one command whose undo and redo run in
the same write queue. A refused change reaches the one error sink and pushes nothing. Mixed
into :class:`ui.pages.rosters.week_tab.WeekTab`, whose cell, list and buttons they use;
strings keep the "WeekTab" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.errors import NeedsConfirmation
from fieldapp.rostering import editing
from fieldapp.rostering.views import CellPerson, GridCell, week_grids
from fieldapp.text.vietnamese import format_date
from ui import errors
from ui.operations import CollectionOp
from ui.pages.rosters.common import run_service, weekday_name
from ui.pages.rosters.dialogs import (
    CandidatesDialog,
    ChoiceDialog,
    ask_force,
)


class CellEditsMixin:
    """The week tab's hand changes (see the module doc)."""

    # --- hand changes ----------------------------------------------------------------------

    def _write(self, text: str, do, undo, failure=None) -> CollectionOp:
        """Run ``do()`` as one undoable write off the GUI thread; ``undo()`` takes it back.

        Redo runs ``do()`` again. While the write is on its way no other change starts;
        a failure goes to ``failure(exc)`` if given, else to the one error sink.
        """
        self.busy = True
        self._update_buttons()

        def finish() -> None:
            self.busy = False
            self._update_buttons()

        def done(_result) -> None:
            finish()
            self._after_change()

        def failed(exc: BaseException) -> None:
            finish()
            if failure is not None:
                failure(exc)
            else:
                errors.show_error(self, exc)

        op = (
            CollectionOp(self, lambda _progress: do())
            .success(done)
            .failure(failed)
            .undoable(
                text,
                undo=lambda _result: undo(),
                redo=lambda _result: do(),
                changed=self._after_change,
                stack=self.undo,
            )
        )
        op.run_in_background()
        return op

    def _pick(self, cell: GridCell, replacing: CellPerson | None) -> tuple[int, bool] | None:
        """Ask who takes the cell; (staff id, force) or None."""
        ranked = run_service(
            self,
            lambda: editing.candidates(
                self.db,
                cell.site_id,
                cell.day,
                cell.shift,
                replacing=replacing.assignment_id if replacing else None,
            ),
        )
        if ranked is None:
            return None
        shift = self.grid.site.shift(cell.shift)
        shift_word = QCoreApplication.translate("WeekTab", "Shift")
        title = f"{self.grid.site.name} — {shift_word} {shift.number} ({shift.times}), {weekday_name(cell.day)} {format_date(cell.day)}"
        if replacing is not None:
            title += "\n" + QCoreApplication.translate("WeekTab", "Instead of {name}").format(
                name=replacing.name
            )
        dialog = CandidatesDialog(title, ranked, self)
        self.busy = True  # no second change while the list is open
        try:
            if not dialog.exec():
                return None
        finally:
            self.busy = False
        chosen = dialog.chosen()
        if chosen is None:
            return None
        force = False
        if not chosen.ok:
            if not ask_force(self, f"{chosen.staff.name}: {chosen.reason}"):
                return None
            force = True
        return chosen.staff.id, force

    def _on_change(self) -> None:
        cell, person = self.current_cell(), self.current_person()
        if cell is None or not cell.active or self.busy:
            return
        if person is None:  # Enter on an empty place fills it
            self._on_add()
            return
        if person.attendance is not None:
            return
        picked = self._pick(cell, person)
        if picked is None:
            return
        staff_id, force = picked
        state = {"new": None, "old": person.assignment_id}
        old = (person.staff_id, person.locked, person.leader)

        def do() -> None:
            state["new"] = editing.assign(
                self.db,
                cell.site_id,
                cell.day,
                cell.shift,
                staff_id,
                replacing=state["old"],
                force=force,
            )

        def undo() -> None:
            editing.remove_assignment(self.db, state["new"])
            state["old"] = editing.assign(
                self.db,
                cell.site_id,
                cell.day,
                cell.shift,
                old[0],
                locked=old[1],
                leader=old[2],
                force=True,
            )

        self._write(QCoreApplication.translate("WeekTab", "Change person on a shift"), do, undo)

    def _on_add(self) -> None:
        cell = self.current_cell()
        if cell is None or not cell.active or self.busy or cell.missing <= 0:
            return
        picked = self._pick(cell, None)
        if picked is None:
            return
        staff_id, force = picked
        state = {"new": None}

        def do() -> None:
            state["new"] = editing.assign(
                self.db, cell.site_id, cell.day, cell.shift, staff_id, force=force
            )

        def undo() -> None:
            editing.remove_assignment(self.db, state["new"])

        self._write(QCoreApplication.translate("WeekTab", "Add person to a shift"), do, undo)

    def _on_remove(self) -> None:
        person, cell = self.current_person(), self.current_cell()
        if person is None or cell is None or self.busy or person.attendance is not None:
            return
        state = {"id": person.assignment_id}

        def do() -> None:
            editing.remove_assignment(self.db, state["id"])

        def undo() -> None:
            state["id"] = editing.assign(
                self.db,
                cell.site_id,
                cell.day,
                cell.shift,
                person.staff_id,
                locked=person.locked,
                leader=person.leader,
                force=True,
            )

        self._write(QCoreApplication.translate("WeekTab", "Take someone off a shift"), do, undo)

    def _on_lock(self) -> None:
        person = self.current_person()
        if person is None or self.busy:
            return
        ids, new, db = [person.assignment_id], not person.locked, self.db
        self._write(
            QCoreApplication.translate("WeekTab", "Lock")
            if new
            else QCoreApplication.translate("WeekTab", "Unlock"),
            lambda: editing.set_locked(db, ids, new),
            lambda: editing.set_locked(db, ids, not new),
        )

    def _on_leader(self) -> None:
        person = self.current_person()
        if person is None or person.leader or self.busy:
            return
        state = {"former": None}

        def do() -> None:
            state["former"] = editing.set_leader(self.db, person.assignment_id)

        def undo() -> None:
            if state["former"] is not None:
                editing.set_leader(self.db, state["former"])

        self._write(QCoreApplication.translate("WeekTab", "Make shift leader"), do, undo)

    def _on_swap(self) -> None:
        person, cell = self.current_person(), self.current_cell()
        if person is None or cell is None or self.busy or self.grid is None:
            return
        grids = run_service(self, lambda: week_grids(self.db, self.monday))
        if not grids:
            return
        rows = []
        shift_word = QCoreApplication.translate("WeekTab", "Shift")
        for grid in grids:
            for (day, shift_id), other in sorted(grid.cells.items()):
                shift = grid.site.shift(shift_id)
                for p in other.people:
                    if p.assignment_id == person.assignment_id or p.staff_id == person.staff_id:
                        continue
                    rows.append(
                        (
                            p.assignment_id,
                            [
                                f"{weekday_name(day)} {format_date(day)}",
                                f"{shift_word} {shift.number} ({shift.times})",
                                grid.site.name,
                                p.name,
                            ],
                        )
                    )
        dialog = ChoiceDialog(
            QCoreApplication.translate("WeekTab", "Swap {name} with…").format(name=person.name),
            [
                QCoreApplication.translate("WeekTab", "Day"),
                QCoreApplication.translate("WeekTab", "Shift"),
                QCoreApplication.translate("WeekTab", "Site"),
                QCoreApplication.translate("WeekTab", "Person"),
            ],
            rows,
            self,
        )
        if not dialog.exec() or dialog.chosen() is None:
            return
        other_id = int(dialog.chosen())
        first, db = person.assignment_id, self.db
        text = QCoreApplication.translate("WeekTab", "Swap two people")

        def swap_back() -> None:
            editing.swap(db, first, other_id, force=True)

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, NeedsConfirmation):  # a rule would break: ask first
                errors.show_error(self, exc)
            elif ask_force(self, str(exc)):
                self._write(text, swap_back, swap_back)

        self._write(text, lambda: editing.swap(db, first, other_id), swap_back, refused)
