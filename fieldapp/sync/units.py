"""The units below this office: the communes a district expects reports from (or the districts
a province expects), kept as :class:`~fieldapp.sync.models.OfficeUnit` rows.

- :func:`list_units` / :func:`set_expected` / :func:`remove_unit`: the list the district keeps
  and edits (the window's District tab and ``fieldapp sync units``). Lateness and completeness
  are counted over the expected units only.
- :func:`refresh_units`: every trusted sender becomes a listed unit (expected, unless a person
  said otherwise) and its devices are recorded; called before a package goes upward, so the
  province knows which communes' records a district's package carries.
- :func:`bare_name`: "xã Bằng Lãng", "Bằng Lãng" and "XA BANG LANG" are one unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.db.database import Database
from fieldapp.errors import NotFound, UserMistake
from fieldapp.sync.models import OfficeUnit, Peer
from fieldapp.text.vietnamese import fold, nfc

UNIT_WORDS = ("thi tran ", "phuong ", "xa ", "huyen ", "quan ", "thi xa ", "thanh pho ", "tinh ")


def bare_name(name: str) -> str:
    """ "xã Bằng Lãng" → "bang lang" (folded, spaces tidied, without the unit word)."""
    folded = " ".join(fold(name).split())
    for word in UNIT_WORDS:
        if folded.startswith(word):
            return folded[len(word) :].strip()
    return folded


def own_unit(db: Database) -> str:
    """This office's unit as the units below it name their parent ("huyện Tuy Đức")."""
    from fieldapp.profile import load_profile

    profile = load_profile(db)
    return profile.commune_full if profile is not None else ""


@dataclass(frozen=True)
class UnitRow:
    name: str
    expected: bool
    devices: tuple[str, ...]

    def to_json(self) -> dict:
        return {"name": self.name, "expected": self.expected, "devices": list(self.devices)}


def list_units(db: Database, *, parent: str | None = None) -> list[UnitRow]:
    """The units listed under ``parent`` (default: this office), by name. Under this office,
    a trusted sender not listed yet counts as listed and expected (as the roll-up counts it)."""
    mine = own_unit(db)
    parent = mine if parent is None else parent
    with db.session() as s:
        rows = s.scalars(select(OfficeUnit).where(OfficeUnit.parent == parent)).all()
        out = [UnitRow(r.name, bool(r.expected), tuple(r.devices or ())) for r in rows]
        peers = [(p.commune, p.device_id) for p in s.scalars(select(Peer)) if p.commune]
    if parent == mine:
        listed = {bare_name(u.name) for u in out}
        senders: dict[str, tuple[str, list[str]]] = {}
        for commune, device in peers:
            key = bare_name(commune)
            if key in listed or key == bare_name(mine):
                continue
            name, devices = senders.setdefault(key, (commune, []))
            if device:
                devices.append(device)
        out += [UnitRow(name, True, tuple(devices)) for name, devices in senders.values()]
    return sorted(out, key=lambda u: bare_name(u.name))


def expected_units(db: Database) -> list[UnitRow]:
    return [u for u in list_units(db) if u.expected]


def _check_role(db: Database) -> None:
    if db.accounts_enabled:
        from fieldapp.accounts.permissions import check_write

        check_write(db.actor, "sync")


def _clean_name(name: str) -> str:
    text = nfc(" ".join((name or "").split()))
    if not bare_name(text):
        raise UserMistake("Hãy nhập tên đơn vị (ví dụ: xã Bằng Lãng).")
    if len(text) > 200:
        raise UserMistake("Tên đơn vị quá dài (tối đa 200 ký tự).")
    return text


def set_expected(db: Database, name: str, expected: bool = True) -> UnitRow:
    """List ``name`` under this office (if it is not yet) and mark whether its reports are
    expected. A name typed without its unit word matches the listed unit."""
    _check_role(db)
    text = _clean_name(name)
    parent = own_unit(db)
    if not parent:
        raise UserMistake("Chưa có hồ sơ đơn vị: hãy điền hồ sơ trước.")
    key = bare_name(text)
    with db.transaction() as s:
        row = s.scalar(
            select(OfficeUnit).where(OfficeUnit.parent == parent, OfficeUnit.name_fold == key)
        )
        if row is None:
            # the sender's own spelling when it has sent; else as typed, with its unit word
            senders = [p.commune for p in s.scalars(select(Peer)) if bare_name(p.commune) == key]
            if senders:
                text = senders[0]
            elif " ".join(fold(text).split()) == key:
                word = "huyện" if bare_name(parent) and parent.startswith("tỉnh") else "xã"
                text = f"{word} {text}"
            row = OfficeUnit(name=text, name_fold=key, parent=parent, devices=[])
            s.add(row)
        row.expected = bool(expected)
        s.flush()
        return UnitRow(row.name, row.expected, tuple(row.devices or ()))


def remove_unit(db: Database, name: str) -> None:
    _check_role(db)
    parent = own_unit(db)
    key = bare_name(name)
    with db.transaction() as s:
        row = s.scalar(
            select(OfficeUnit).where(OfficeUnit.parent == parent, OfficeUnit.name_fold == key)
        )
        if row is None:
            raise NotFound(f"Không có đơn vị “{name}” trong danh sách.")
        s.delete(row)


def refresh_units(db: Database) -> None:
    """Every trusted sender listed as a unit of this office, with its devices."""
    parent = own_unit(db)
    if not parent:
        return
    with db.transaction() as s:
        rows = {
            r.name_fold: r for r in s.scalars(select(OfficeUnit).where(OfficeUnit.parent == parent))
        }
        for peer in s.scalars(select(Peer).where(Peer.commune != "")):
            key = bare_name(peer.commune)
            if not key or key == bare_name(parent):
                continue
            row = rows.get(key)
            if row is None:
                row = OfficeUnit(
                    name=peer.commune, name_fold=key, parent=parent, expected=True, devices=[]
                )
                s.add(row)
                rows[key] = row
            if row.name != peer.commune:
                row.name = peer.commune  # the unit's own spelling wins over a typed one
            if peer.device_id and peer.device_id not in (row.devices or []):
                row.devices = sorted({*(row.devices or []), peer.device_id})


def device_units(db: Database) -> dict[str, str]:
    """Device id -> the name of the unit below this office it belongs to: this office's own
    senders, and (at a province) the communes a district's package said are its own."""
    mine = own_unit(db)
    with db.session() as s:
        peers = [(p.device_id, p.commune) for p in s.scalars(select(Peer)) if p.device_id]
        units = s.execute(select(OfficeUnit.parent, OfficeUnit.name, OfficeUnit.devices)).all()
    names = {bare_name(c): c for _d, c in peers if c}
    out: dict[str, str] = {}
    for parent, name, devices in units:
        # a unit of one of our senders (a commune of a district, at the province) counts
        # for that sender; a unit of ours counts for itself
        if bare_name(parent) == bare_name(mine):
            target = name
        elif bare_name(parent) in names:
            target = names[bare_name(parent)]
        else:
            continue
        for device in devices or ():
            out.setdefault(device, target)
    for device, commune in peers:
        if commune:
            out[device] = commune
    return out
