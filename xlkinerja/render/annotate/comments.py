"""A sheet's comments part (the text of its notes), edited as text.

Our notes carry the author "xlkinerja"; the user's notes are never changed. Removing ours
takes out our comments and our author entry (renumbering the authors after it), so a part
we only added to comes back byte for byte.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path

from xlkinerja.core.address import column_index, column_letters
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.xmltext import (
    MAIN_NS,
    XML_HEADER,
    Element,
    escape_text,
    first,
    namespace_prefixes,
    parse_checked,
    scan_children,
    scan_root,
    set_attr,
)
from xlkinerja.render.annotate.cells import Pos

AUTHOR = "xlkinerja"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
_T = re.compile(r"<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</(?:\w+:)?t>")
_RUN_PROPS = '<{sz} val="9"/><{color} indexed="81"/><{font} val="Tahoma"/><{family} val="2"/>'


def position(ref: str) -> Pos | None:
    letters = ref.rstrip("0123456789")
    digits = ref[len(letters) :]
    if not letters.isalpha() or not digits.isdigit():
        return None
    return int(digits) - 1, column_index(letters.upper())


class CommentsPart:
    def __init__(self, text: str | None, part: str, path: Path) -> None:
        self.part = part
        self.path = path
        if text is None:
            text = f'{XML_HEADER}<comments xmlns="{MAIN_NS}"><authors/><commentList/></comments>'
        else:
            parse_checked(text, part, path)
        self.text = text
        self.changed = False
        self._scan()

    def _scan(self) -> None:
        root = scan_root(self.text, self.part, self.path)
        self.prefix = namespace_prefixes(root).get(MAIN_NS, "")
        top = scan_children(self.text, root, self.part, self.path)
        authors, comments = first(top, "authors"), first(top, "commentList")
        if authors is None or comments is None:
            raise WorkbookError(
                f"bagian {self.part} tidak lengkap (tanpa authors/commentList).",
                code=ErrorCode.BERKAS_BAGIAN_HILANG,
                path=self.path,
            )
        self._authors_element, self._list_element = authors, comments
        self._authors = [
            e
            for e in scan_children(self.text, authors, self.part, self.path)
            if e.local == "author"
        ]
        self._comments = [
            e
            for e in scan_children(self.text, comments, self.part, self.path)
            if e.local == "comment"
        ]

    def _q(self, local: str) -> str:
        return f"{self.prefix}:{local}" if self.prefix else local

    def _splice(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]
        self.changed = True
        self._scan()

    @property
    def authors(self) -> list[str]:
        return [html.unescape(self.text[a.open_end : a.inner_end]) for a in self._authors]

    @property
    def positions(self) -> set[Pos]:
        return {p for c in self._comments if (p := position(c.attrs.get("ref", ""))) is not None}

    @property
    def empty(self) -> bool:
        return not self._comments

    def _text_of(self, comment: Element) -> str:
        inner = self.text[comment.open_end : comment.inner_end]
        return html.unescape("".join(_T.findall(inner)))

    def remove_ours(self) -> set[Pos]:
        """Remove our notes: by author, or (after LibreOffice, which drops authors) by
        the "xlkinerja:" that starts their text."""
        ours = self.authors.index(AUTHOR) if AUTHOR in self.authors else None
        removed: set[Pos] = set()
        edits: list[tuple[int, int, str]] = []
        for comment in self._comments:
            author = comment.attrs.get("authorId", "")
            signed = self._text_of(comment).lstrip().startswith(f"{AUTHOR}:")
            if signed or (ours is not None and author == str(ours)):
                if (found := position(comment.attrs.get("ref", ""))) is not None:
                    removed.add(found)
                edits.append((comment.start, comment.end, ""))
            elif ours is not None and author.isdigit() and int(author) > ours:
                tag = set_attr(
                    self.text[comment.start : comment.open_end], "authorId", str(int(author) - 1)
                )
                edits.append((comment.start, comment.open_end, tag))
        if ours is not None:
            edits.append((self._authors[ours].start, self._authors[ours].end, ""))
        if edits:
            pieces, pos = [], 0
            for start, end, new in sorted(edits):
                pieces += [self.text[pos:start], new]
                pos = end
            self.text = "".join(pieces) + self.text[pos:]
            self.changed = True
            self._scan()
        return removed

    def add(self, notes: Mapping[Pos, str]) -> None:
        if not notes:
            return
        if AUTHOR not in self.authors:
            element = f"<{self._q('author')}>{AUTHOR}</{self._q('author')}>"
            self._append(self._authors_element, element)
        ours = self.authors.index(AUTHOR)
        if self._list_element.empty:
            xml = "".join(self._comment(pos, ours, notes[pos]) for pos in sorted(notes))
            self._append(self._list_element, xml)
            return
        # In row-major order among the user's notes, as Excel writes them.
        existing = [(position(c.attrs.get("ref", "")) or (-1, -1), c.start) for c in self._comments]
        inserts: dict[int, list[str]] = {}
        for pos in sorted(notes):
            at = next((start for p, start in existing if p > pos), self._list_element.inner_end)
            inserts.setdefault(at, []).append(self._comment(pos, ours, notes[pos]))
        pieces, last = [], 0
        for at in sorted(inserts):
            pieces += [self.text[last:at], *inserts[at]]
            last = at
        self.text = "".join(pieces) + self.text[last:]
        self.changed = True
        self._scan()

    def _append(self, parent: Element, xml: str) -> None:
        if parent.empty:
            tag = self.text[parent.start : parent.open_end][:-2].rstrip() + ">"
            self._splice(parent.start, parent.end, f"{tag}{xml}</{parent.qname}>")
        else:
            self._splice(parent.inner_end, parent.inner_end, xml)

    def _comment(self, pos: Pos, author: int, note: str) -> str:
        q = self._q
        props = _RUN_PROPS.format(sz=q("sz"), color=q("color"), font=q("rFont"), family=q("family"))
        ref = f"{column_letters(pos[1])}{pos[0] + 1}"
        return (
            f'<{q("comment")} ref="{ref}" authorId="{author}"><{q("text")}>'
            f"<{q('r')}><{q('rPr')}><{q('b')}/>{props}</{q('rPr')}><{q('t')}>{AUTHOR}:</{q('t')}>"
            f"</{q('r')}><{q('r')}><{q('rPr')}>{props}</{q('rPr')}>"
            f'<{q("t")} xml:space="preserve">\n{escape_text(note)}</{q("t")}></{q("r")}>'
            f"</{q('text')}></{q('comment')}>"
        )
