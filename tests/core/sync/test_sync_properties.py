"""Property tests: packages from several devices give the same register in any order, and
importing a package again changes nothing."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from fieldapp.sync import keys
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import import_package, trust
from tests.core.sync.helpers import add_site, content, delete_site, edit_site, new_device

DEVICES = 3

step = st.one_of(
    st.tuples(st.just("add"), st.integers(0, DEVICES - 1)),
    st.tuples(st.just("edit"), st.integers(0, DEVICES - 1), st.integers(0, 20)),
    st.tuples(st.just("delete"), st.integers(0, DEVICES - 1), st.integers(0, 20)),
    st.tuples(st.just("share"), st.integers(0, DEVICES - 1), st.integers(0, DEVICES - 1)),
)


@settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(step, min_size=3, max_size=14), order_seed=st.randoms())
def test_any_order_gives_the_same_register(steps, order_seed):
    root = Path(tempfile.mkdtemp(prefix="sync-prop-"))
    try:
        devices = [new_device(root, f"d{i}", commune=f"Xã {i}") for i in range(DEVICES)]
        for a, b in itertools.permutations(devices, 2):
            trust(b, keys.device_fingerprint(a.paths))
        # A device changes and deletes only its own records: a package may not change another
        # device's (issue 15), so edits of others' records would wait for a person.
        known: dict[int, list[str]] = {i: [] for i in range(DEVICES)}
        packages = []
        for n, op in enumerate(steps):
            kind, who = op[0], devices[op[1]]
            mine = known[op[1]]
            if kind == "add":
                mine.append(add_site(who, f"Chốt {n} của máy {op[1]}"))
            elif kind == "edit" and mine:
                edit_site(who, mine[op[2] % len(mine)], f"Sửa {n} bởi máy {op[1]}")
            elif kind == "delete" and mine:
                delete_site(who, mine.pop(op[2] % len(mine)))
            elif kind == "share" and op[1] != op[2]:
                pkg = export_package(who, root / f"s{n}.fieldsync", destination=f"to{op[2]}")
                if pkg.nothing:  # nothing changed since the last package to that device
                    continue
                import_package(devices[op[2]], pkg.path)
                packages.append(pkg.path)
        for i, device in enumerate(devices):
            packages.append(
                export_package(device, root / f"final{i}.fieldsync", destination="district").path
            )
        results = []
        for attempt, order in enumerate((packages, order_seed.sample(packages, len(packages)))):
            district = new_device(root, f"district{attempt}", commune=None)
            for device in devices:
                trust(district, keys.device_fingerprint(device.paths))
            for pkg in order:
                import_package(district, pkg)
            once = content(district)
            for pkg in order:  # again: nothing changes
                assert import_package(district, pkg).already
            assert content(district) == once
            results.append(once)
            district.close()
        assert results[0] == results[1]
        for device in devices:
            device.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
