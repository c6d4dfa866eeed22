"""The window's Vietnamese words for the CLI, without Qt: read from the shipped ``.ts`` files.

Some texts are shown by the window and printed by the CLI alike (a conflict's field labels are
the forms' own labels). Their translation lives once, in the window's catalogues
(``resources/translations/<domain>_vi.ts``); :func:`translate` reads those XML files with the
standard library, so the CLI says exactly what the window says.
"""

from __future__ import annotations

from functools import cache
from xml.etree import ElementTree

import resources


def noop(context: str, source: str) -> str:
    """Marks ``source`` for the window's catalogue (``pyside6-lupdate`` reads this call by its
    name, as Qt's own ``QT_TRANSLATE_NOOP``); returns it untouched."""
    return source


QT_TRANSLATE_NOOP = noop


@cache
def _messages() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for path in sorted(resources.path("translations").glob("*_vi.ts")):
        try:
            root = ElementTree.parse(path).getroot()
        except (OSError, ElementTree.ParseError):
            continue
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                source = message.findtext("source") or ""
                if translation is not None and translation.text:
                    found.setdefault((name, source), translation.text)
    return found


def translate(context: str, source: str) -> str:
    """The Vietnamese of ``source`` in ``context`` as the window shows it; ``source`` when the
    catalogue has none."""
    return _messages().get((context, source), source)
