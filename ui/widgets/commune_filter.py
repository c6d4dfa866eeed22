"""The commune filter of a district's lists (issue 18 part 4).

:class:`CommuneFilter` is the combo "All communes" + each sending commune + "This office",
shown only on a district's (or province's) database, where the rows of many communes'
packages are kept together. Each choice holds the devices whose rows belong to it
(:func:`fieldapp.sync.district.commune_of_devices`), so a page filters through the core
(``devices=...``); a page whose rows are all in memory may filter on :meth:`name` instead.
At a province the units below are districts: :attr:`province` tells the page to call the
column "District". The page gives the texts (its own translation domain) in ``set_texts``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from fieldapp.db.database import Database
from fieldapp.text.vietnamese import fold


class CommuneFilter(QComboBox):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("communeFilter")
        self.setVisible(False)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.upper = False
        self.province = False
        self.communes: dict[str, str] = {}  # device id → commune (empty in a commune)
        self._all = ("All communes", "All districts")
        self._own = "This office"
        self._own_device = ""

    def set_texts(self, all_communes: str, all_districts: str, own_text: str) -> None:
        self._all, self._own = (all_communes, all_districts), own_text
        if self.count():
            self.setItemText(0, self._all_text())
            self.setItemText(self.count() - 1, own_text)

    def _all_text(self) -> str:
        return self._all[1] if self.province else self._all[0]

    def fill(self, db: Database) -> dict[str, str]:
        """Read the senders known now; keep the chosen commune if it is still there. Returns
        the device → commune map (empty on a commune's own database)."""
        from fieldapp.sync.district import commune_of_devices, units_below, upper_office

        self.upper = upper_office(db)
        self.province = self.upper and units_below(db) == "district"
        self.communes = commune_of_devices(db) if self.upper else {}
        self._own_device = db.device_id
        self.setVisible(self.upper)
        devices: dict[str, list[str]] = {}
        for device, name in self.communes.items():
            devices.setdefault(name, []).append(device)
        current = self.currentText() if self.currentIndex() > 0 else ""
        self.blockSignals(True)
        self.clear()
        self.addItem(self._all_text(), None)
        for name in sorted(devices, key=fold):
            self.addItem(name, tuple(sorted(devices[name])))
        self.addItem(self._own, (db.device_id,))
        found = self.findText(current) if current else 0
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        return self.communes

    def devices(self) -> tuple[str, ...] | None:
        """The devices of the chosen commune; None for all (or in a commune)."""
        if not self.upper or self.currentIndex() <= 0:
            return None
        data = self.currentData()
        return tuple(data) if data else None

    def name(self) -> str | None:
        """The chosen commune as the lists show it ("" for this office's own rows); None for
        all."""
        if not self.upper or self.currentIndex() <= 0:
            return None
        if self.currentIndex() == self.count() - 1:
            return ""
        return self.currentText()
