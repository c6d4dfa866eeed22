"""One spelling convention in the words the core shows (issue 17): the tone on the first vowel
of an open oa/oe/uy syllable ("hóa", "xóa", "hủy", "thủy"), never "hoá", "xoá", "huỷ".

Every string literal of fieldapp/**/*.py is read with ``ast`` (comments never count). Left out:
docstrings (for the programmer), regular-expression text (it must recognise both spellings in
what people paste or scan) and the first argument of ``str.replace`` (turning the other
spelling into ours).
"""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import fieldapp

# The same pattern as tests/ui/test_translations.py checks the translations with.
OLD_STYLE_TONE = re.compile(r"(?<![qQ])(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)", re.IGNORECASE)
CORE = Path(fieldapp.__file__).parent
_REGEX_HINT = re.compile(r"\\[sSwWdDb]|\(\?[:=!<]")  # a fragment joined into a pattern later
_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and (
            node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        ):
            found.add(id(node.body[0].value))
    return found


def _not_shown(tree: ast.AST) -> set[int]:
    """Constants that are patterns or spellings being replaced, not words shown to people."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr == "replace" and node.args:
            found |= {id(n) for n in ast.walk(node.args[0])}
        if (
            node.func.attr in _RE_FUNCTIONS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
        ):
            found |= {id(n) for n in ast.walk(node.args[0])}
    return found


def old_style_literals(root: Path) -> list[str]:
    hits = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        skip = _docstrings(tree) | _not_shown(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if id(node) in skip or _REGEX_HINT.search(node.value):
                continue
            text = unicodedata.normalize("NFC", node.value)
            for match in OLD_STYLE_TONE.finditer(text):
                where = path.relative_to(root.parent)
                hits.append(f"{where}:{node.lineno}: {match.group(0)!r} in {text!r}")
    return hits


def test_the_core_words_use_one_spelling():
    assert old_style_literals(CORE) == []


def test_the_scan_finds_the_other_style(tmp_path):
    (tmp_path / "m.py").write_text(
        '"""Docstring: hoà is fine here."""\n'
        "import re\n"
        'PATTERN = re.compile(r"Tỉnh\\s+uỷ")\n'
        'WORD = "Tỉnh uỷ".replace("uỷ", "ủy")\n'
        "def f(name):\n"
        '    raise ValueError(f"Tệp {name} bị lỗi mã hoá.")\n',
        encoding="utf-8",
    )
    hits = old_style_literals(tmp_path)
    assert len(hits) == 2  # the message and the word before replace; not the rest
    assert any("mã hoá" in h for h in hits) and any("'Tỉnh uỷ'" in h for h in hits)
