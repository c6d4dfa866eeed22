"""Full-text search over the directive register, insensitive to case, tones and đ.

The query is folded like the indexed text (:func:`fieldapp.text.vietnamese.fold`), split into
words, and every word must match the start of a word of a directive or of one of its items
("phong toa" finds "phong tỏa", "xet ng" finds "xét nghiệm"). A word written with ``-`` or
``/`` is a phrase ("235-CV/HU"), and so is text in double quotes. On SQLite the two FTS5
tables of migration 0003 answer; on other databases ``LIKE`` over the same folded column.

Hits come back grouped by directive, best first, each with a :class:`Snippet` of the
original text (with its diacritics) and the spans to highlight.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.directives.models import (
    FTS_DIRECTIVE,
    FTS_ITEM,
    STATUSES,
    Directive,
    DirectiveItem,
    ItemNote,
)
from fieldapp.directives.register import directive_title
from fieldapp.text.vietnamese import fold

MAX_QUERY_CHARS = 200
_MAX_MATCHES = 40
_WORD_RE = re.compile(r"[^\W_]+")
_TERM_RE = re.compile(r'"([^"]*)"|(\S+)')


# --- what a search returns --------------------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    """A piece of original text and the (start, end) spans in it that matched."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def html(self, tag: str = "b") -> str:
        """The snippet as HTML with the matches wrapped in ``<tag>`` (text escaped)."""
        out, pos = [], 0
        for start, end in self.spans:
            out.append(html.escape(self.text[pos:start]))
            out.append(f"<{tag}>{html.escape(self.text[start:end])}</{tag}>")
            pos = end
        out.append(html.escape(self.text[pos:]))
        return "".join(out)

    def marked(self, left: str = "[", right: str = "]") -> str:
        """The snippet as plain text with the matches between ``left`` and ``right``."""
        out, pos = [], 0
        for start, end in self.spans:
            out += [self.text[pos:start], left, self.text[start:end], right]
            pos = end
        out.append(self.text[pos:])
        return "".join(out)

    def to_json_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": [list(s) for s in self.spans]}


@dataclass(frozen=True)
class ItemHit:
    item_id: int
    label: str
    status: str
    snippet: Snippet

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "label": self.label,
            "status": self.status,
            "status_name": STATUSES.get(self.status, self.status),
            "snippet": self.snippet.marked(),
            "highlight": self.snippet.to_json_dict(),
        }


@dataclass(frozen=True)
class SearchHit:
    """One directive that matched, by itself or through some of its items."""

    directive_id: int
    title: str
    number: str
    kind: str
    issuer: str
    issued_on: date | None
    subject: str
    urgency: str
    snippet: Snippet
    items: tuple[ItemHit, ...]
    items_matched: int

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "directive_id": self.directive_id,
            "title": self.title,
            "number": self.number,
            "kind": self.kind,
            "issuer": self.issuer,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "subject": self.subject,
            "urgency": self.urgency,
            "snippet": self.snippet.marked(),
            "highlight": self.snippet.to_json_dict(),
            "items_matched": self.items_matched,
            "items": [i.to_json_dict() for i in self.items],
        }


# --- the query --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """Folded words that must follow each other; ``prefix``: the last may be unfinished."""

    words: tuple[str, ...]
    prefix: bool = False


def query_terms(query: str) -> list[Term]:
    """The query as terms. Only the last word typed is a prefix (search as you type)."""
    query = query[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    for m in _TERM_RE.finditer(query):
        quoted = m.group(1) is not None
        words = _WORD_RE.findall(fold(m.group(1) if quoted else m.group(2)))
        if not words:
            continue
        if quoted or len(words) > 1:
            terms.append(Term(tuple(words)))  # a phrase: "235-CV/HU", "\"cách ly tập trung\""
        else:
            terms.append(Term((words[0],)))
    if terms and query and not query[-1].isspace() and not query.rstrip().endswith('"'):
        terms[-1] = Term(terms[-1].words, prefix=True)
    return terms


def fts_query(terms: list[Term]) -> str:
    """An FTS5 MATCH expression: every term, as a phrase, the last maybe as a prefix."""
    return " AND ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in terms)


# --- folding that keeps positions -------------------------------------------------------------


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
    for start, end in ranges:
        for cp in range(start, end + 1):
            folded = fold(chr(cp))
            if len(folded) == 1 and folded != chr(cp):
                table[cp] = folded
    return table


_TABLE = _build_table()
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")


def _fold_with_positions(source: str) -> tuple[str, list[int] | None]:
    """Folded ``source`` of the same length (positions map 1:1), or with a position map."""
    folded = source.translate(_TABLE)
    if folded.isascii() or not _COMBINING_RE.search(folded):
        return folded, None
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(source):
        f = ch.translate(_TABLE) if ch.isspace() else fold(ch)
        for c in f:
            out.append(c)
            where.append(i)
    return "".join(out), where


class _Matcher:
    """The compiled terms of one search, to find, highlight and cut snippets."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        self.patterns = [_term_pattern(t) for t in terms]
        self._cache: dict[str, list[tuple[int, int, int]]] = {}

    def matches(self, source: str) -> list[tuple[int, int, int]]:
        """(start, end, term index) of the matches in ``source``, in order of position.

        At most :data:`_MAX_MATCHES` per term: enough to place and mark a snippet.
        """
        if not source:
            return []
        cached = self._cache.get(source)
        if cached is not None:
            return cached
        folded, where = _fold_with_positions(source)
        found = []
        for index, pattern in enumerate(self.patterns):
            for count, m in enumerate(pattern.finditer(folded)):
                if count == _MAX_MATCHES:
                    break
                start, end = m.span()
                if where is not None:
                    start, end = where[start], where[end - 1] + 1
                found.append((start, end, index))
        found.sort()
        if len(self._cache) > 256:
            self._cache.clear()
        self._cache[source] = found
        return found

    def coverage(self, source: str) -> int:
        """How many different terms occur in ``source``."""
        return len({t for _s, _e, t in self.matches(source)})

    def snippet(self, source: str, width: int = 180) -> Snippet:
        """About ``width`` characters of ``source`` on one line, where most terms match."""
        flat = " ".join(source.split())
        matches = self.matches(flat)
        if len(flat) <= width:
            return Snippet(flat, tuple(_merge(matches)))
        # The tightest window holding the most different terms, starting at a match.
        best: tuple[int, int] = (0, 0)
        first = 0
        for i, (start, _e, _t) in enumerate(matches):
            seen: set[int] = set()
            reach = 0
            for s, e, t in matches[i:]:
                if s >= start + width * 3 // 4:
                    break
                if t not in seen:
                    seen.add(t)
                    reach = e - start
            score = (len(seen), -reach)
            if i == 0 or score > best:
                best, first = score, start
            if len(seen) == len(self.patterns) and reach < width // 2:
                break  # good enough: every term, close together
        start = max(0, first - min(width // 4, 30))
        if start:
            space = flat.rfind(" ", 0, start + 1)
            start = space + 1 if space >= 0 and start - space < 20 else start
        end = min(len(flat), start + width)
        if end < len(flat):
            space = flat.rfind(" ", start, end)
            end = space if space > start + width // 2 else end
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(flat) else ""
        shift = len(prefix) - start
        inside = tuple(
            (max(s, start) + shift, min(e, end) + shift)
            for s, e in _merge(matches)
            if e > start and s < end
        )
        return Snippet(prefix + flat[start:end] + suffix, inside)


def _merge(matches: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end, _t in matches:
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _term_pattern(term: Term) -> re.Pattern[str]:
    body = r"[\W_]+".join(map(re.escape, term.words))
    tail = "" if term.prefix else r"(?![^\W_])"
    return re.compile(r"(?<![^\W_])" + body + tail, re.IGNORECASE)


def highlight_spans(source: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` matches whole words of ``source`` (its last word: a word's start)."""
    terms = query_terms(query)
    return _merge(_Matcher(terms).matches(source)) if terms else []


def make_snippet(source: str, query: str, width: int = 180) -> Snippet:
    """About ``width`` characters of ``source`` around the best match of ``query``."""
    return _Matcher(query_terms(query)).snippet(source, width)


# --- the search -------------------------------------------------------------------------------

_HEAD_COLUMNS = ("kind", "number", "issuer", "subject", "urgency")


def search(
    db: Database,
    query: str,
    *,
    limit: int = 50,
    items_per_directive: int = 3,
    snippet_width: int = 180,
) -> list[SearchHit]:
    """Directives matching ``query`` by their own text or their items'.

    Order: first what holds the words as typed, next to each other; then every word whole
    (anywhere); then with the last word as the start of a longer one. Within each of these,
    directives whose header (number, issuer, subject, urgency) matches come first, then
    those with a matching item, then those matching only across their full text; newest
    registered first.
    """
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    matcher = _Matcher(terms)
    with db.session() as s:
        sqlite = s.bind.dialect.name == "sqlite"
        order: list[int] = []
        seen: set[int] = set()
        matched_items: dict[int, list[int]] = {}
        seen_items: set[int] = set()
        for tier in _tiers(terms) if sqlite else [terms]:
            head, body, item_ids = _fts(s, tier, limit) if sqlite else _like(s, tier, limit)
            item_ids = [i for i in item_ids if i not in seen_items]
            seen_items.update(item_ids)
            item_directive = _item_directives(s, item_ids)
            tier_items: dict[int, None] = {}
            for item_id in item_ids:
                if (did := item_directive.get(item_id)) is not None:
                    matched_items.setdefault(did, []).append(item_id)
                    tier_items[did] = None
            for did in (*head, *tier_items, *body):
                if did not in seen:
                    seen.add(did)
                    order.append(did)
            if len(order) >= limit:
                break
        chosen = order[:limit]
        if not chosen:
            return []
        columns = [Directive.id, *(getattr(Directive, c) for c in _HEAD_COLUMNS)]
        columns += [Directive.issued_on, Directive.signer, Directive.routed_to]
        rows = {r.id: r for r in s.execute(select(*columns).where(Directive.id.in_(chosen)))}
        shown = [i for did in chosen for i in matched_items.get(did, [])[:items_per_directive]]
        items = {}
        if shown:
            items = {
                r.id: r
                for r in s.execute(
                    select(
                        DirectiveItem.id,
                        DirectiveItem.label,
                        DirectiveItem.status,
                        DirectiveItem.text,
                        DirectiveItem.units,
                        DirectiveItem.responsible_unit,
                        DirectiveItem.responsible_person,
                    ).where(DirectiveItem.id.in_(shown))
                )
            }
        notes: dict[int, list[str]] = {}
        if shown:
            for item_id, note in s.execute(
                select(ItemNote.item_id, ItemNote.text)
                .where(ItemNote.item_id.in_(shown))
                .order_by(ItemNote.noted_on, ItemNote.id)
            ):
                notes.setdefault(item_id, []).append(note)
        head_set = set(head)
        needs_text = [d for d in chosen if d not in head_set and d not in matched_items]
        full_texts = {}
        if needs_text:
            full_texts = dict(
                s.execute(
                    select(Directive.id, Directive.full_text).where(Directive.id.in_(needs_text))
                ).all()
            )
    hits = []
    for did in chosen:
        r = rows.get(did)
        if r is None:
            continue
        item_hits = tuple(
            ItemHit(
                i.id,
                i.label,
                i.status,
                matcher.snippet(_item_source(i, notes.get(i.id, ())), snippet_width),
            )
            for iid in matched_items.get(did, [])[:items_per_directive]
            if (i := items.get(iid)) is not None
        )
        if did in head_set or did not in full_texts:
            snippet = _head_snippet(r, matcher, snippet_width)
        else:
            snippet = matcher.snippet(full_texts[did], snippet_width)
        hits.append(
            SearchHit(
                directive_id=did,
                title=directive_title(r.kind, r.number, r.subject),
                number=r.number,
                kind=r.kind,
                issuer=r.issuer,
                issued_on=r.issued_on,
                subject=r.subject,
                urgency=r.urgency,
                snippet=snippet,
                items=item_hits,
                items_matched=len(matched_items.get(did, [])),
            )
        )
    return hits


def _tiers(terms: list[Term]) -> list[list[Term]]:
    """The searches to run, best matches first (see :func:`search`)."""
    words = tuple(w for t in terms for w in t.words)
    prefix = terms[-1].prefix
    tiers: list[list[Term]] = []
    if len(terms) > 1:
        tiers.append([Term(words)])
    tiers.append([Term(t.words) for t in terms])
    if prefix and len(terms) > 1:
        tiers.append([Term(words, prefix=True)])
    if prefix:
        tiers.append(terms)
    return tiers


def _fts(s: Session, terms: list[Term], limit: int) -> tuple[list[int], list[int], list[int]]:
    """Row ids, newest first: directives by header, directives by any text, items."""
    match = fts_query(terms)

    def ids(table: str, expression: str, n: int) -> list[int]:
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid DESC LIMIT :n"
        return list(s.execute(text(sql), {"q": expression, "n": n}).scalars())

    head = ids(FTS_DIRECTIVE, f"{{search_head}} : ({match})", limit)
    body = ids(FTS_DIRECTIVE, match, limit)
    items = ids(FTS_ITEM, match, limit * 4)
    return head, body, items


def _like(s: Session, terms: list[Term], limit: int) -> tuple[list[int], list[int], list[int]]:
    """The same search without FTS5: every term at a word start of the folded text."""

    def clauses(*columns):
        out = []
        for term in terms:
            phrase = " ".join(term.words)
            phrase = phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            out.append(
                or_(
                    *(
                        c.like(pattern, escape="\\")
                        for c in columns
                        for pattern in (f"{phrase}%", f"% {phrase}%", f"%\n{phrase}%")
                    )
                )
            )
        return out

    def ids(model, *columns, n):
        return list(
            s.scalars(select(model.id).where(*clauses(*columns)).order_by(model.id.desc()).limit(n))
        )

    head = ids(Directive, Directive.search_head, n=limit)
    body = ids(Directive, Directive.search_head, Directive.search_text, n=limit)
    items = ids(DirectiveItem, DirectiveItem.search_text, n=limit * 4)
    return head, body, items


def _item_directives(s: Session, item_ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for start in range(0, len(item_ids), 900):
        chunk = item_ids[start : start + 900]
        out.update(
            s.execute(
                select(DirectiveItem.id, DirectiveItem.directive_id).where(
                    DirectiveItem.id.in_(chunk)
                )
            ).all()
        )
    return out


def _item_source(item, notes) -> str:
    parts = (
        item.text,
        "; ".join(item.units or []),
        item.responsible_unit,
        item.responsible_person,
        *notes,
    )
    return "\n".join(p for p in parts if p)


def _head_snippet(r, matcher: _Matcher, width: int) -> Snippet:
    """The header field where most terms match (the subject when tied)."""
    sources = [
        r.subject,
        f"{r.kind} {r.number}".strip(),
        r.issuer,
        r.urgency,
        r.signer,
        r.routed_to,
    ]
    best, chosen = 0, r.subject
    for source in sources:
        covered = matcher.coverage(source)
        if covered > best:
            best, chosen = covered, source
        if best == len(matcher.terms):
            break
    return matcher.snippet(chosen or "", width)
