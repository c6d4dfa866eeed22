"""Every write of the households register, and the plain data the window and the CLI read.

Each function takes the open :class:`~fieldapp.db.database.Database` first and does its work
in one transaction: a mistake raises :class:`~fieldapp.errors.UserError` (Vietnamese, without
citizen IDs, phone numbers or health status in the message) and changes nothing.

Health status is a history: :func:`change_status` adds an entry with its author and time,
:func:`cancel_status` marks one cancelled (the undo of a mistake); the person's current
status is the newest entry that is not cancelled, copied onto the member row.

The register's writes live in one module per reason to change — :mod:`records` (plain data,
derived columns, input checks), :mod:`areas`, :mod:`members`, :mod:`statuses`, :mod:`rounds`
(tests), :mod:`relief` — and this module gathers them for the callers.
"""

from __future__ import annotations

from fieldapp.households.areas import (  # noqa: F401
    _area_by_fold,
    add_area,
    area_in_force,
    delete_area,
    find_area,
    get_area,
    list_areas,
    restore_area,
    update_area,
)
from fieldapp.households.members import (  # noqa: F401
    _clear_head,
    _member_info,
    add_household,
    add_member,
    delete_household,
    household_detail,
    household_members,
    member_household,
    move_household,
    remove_member,
    restore_member,
    update_household,
    update_member,
)
from fieldapp.households.records import (  # noqa: F401
    ELDERLY_AGE,
    FLAG_NAMES,
    ISOLATING,
    YOUNG_CHILD_AGE,
    AreaInput,
    AreaSummary,
    DeliveryInfo,
    HouseholdDetail,
    HouseholdInput,
    MemberInfo,
    MemberInput,
    ReliefItem,
    RequestInfo,
    StatusEntry,
    TestLine,
    TestRoundInfo,
    _check_area,
    _check_household,
    _check_member,
    _citizen_id_taken,
    _clean,
    _get,
    _refresh,
    address_text,
    age_flags,
    derived_columns,
    match_key,
)
from fieldapp.households.relief import (  # noqa: F401
    DeliveryInput,
    add_request,
    delete_delivery,
    delete_request,
    parse_items,
    record_deliveries,
    record_delivery,
    restore_delivery,
    restore_request,
    set_request_status,
)
from fieldapp.households.rounds import (  # noqa: F401
    add_test_round,
    delete_test_round,
    record_test_results,
    round_results,
    test_rounds,
)
from fieldapp.households.statuses import (  # noqa: F401
    _apply_current,
    cancel_status,
    change_status,
    default_isolation_end,
    isolation_days,
    restore_status,
    status_history,
)
