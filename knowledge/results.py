"""Value types the knowledge base returns: search hits and import summaries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from knowledge.article import Article


@dataclass
class Hit:
    """One ranked article; `why` lists matched terms, corrections and signals, for staff.

    Followers never see `why`, so it is worked out only when read (`explainer`).
    """

    article: Article
    score: float
    explainer: Callable[[], list[str]] | None = field(default=None, repr=False)
    _why: list[str] | None = field(default=None, repr=False)

    @property
    def why(self) -> list[str]:
        """Matched terms, corrections and signals (computed on first use)."""
        if self._why is None:
            self._why = self.explainer() if self.explainer else []
        return self._why


@dataclass
class SearchResult:
    """The answer to one query: hits best first (empty means "we have nothing")."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    confident: bool = False
    region: str | None = None
    terms: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    ranked_ids: list[str] = field(default_factory=list)  # up to 20, for paging
    coverage: float = 0.0  # the share of the question the first hit answers
    # the first hit's sentence that answers the question (≤ 80 characters), found when read
    answer_of: Callable[[Article], str] | None = field(default=None, repr=False)
    missing_place: str | None = None  # the question's province had nothing: hits are 全国
    years: list[int] = field(default_factory=list)  # the years the question asked about
    pinned: bool = False  # an editor pinned the first article to this question
    _answer: str | None = field(default=None, repr=False)

    @property
    def answer(self) -> str:
        """The first hit's sentence that answers the question ("" when none holds it);
        worked out only when read, as most replies are lists that never show it."""
        if self._answer is None:
            lead = self.hits[0].article if self.hits else None
            self._answer = self.answer_of(lead) if self.answer_of and lead else ""
        return self._answer


@dataclass
class RecordError:
    """One bad record of an import: where it was and which field is wrong."""

    source: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: 字段 {self.field}: {self.message}"


@dataclass
class ImportSummary:
    """What an import did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RecordError] = field(default_factory=list)
    version: int = 0

    @property
    def ok(self) -> bool:
        """True when no record failed."""
        return not self.errors

    @property
    def stored(self) -> int:
        """Records written (added or updated)."""
        return self.added + self.updated

    def merge(self, other: ImportSummary) -> None:
        """Add another summary's counts and errors to this one."""
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.errors += other.errors
        self.version = max(self.version, other.version)

    def to_dict(self) -> dict:
        """A JSON-able form for the staff API."""
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "failed": len(self.errors), "version": self.version,
            "errors": [{"source": e.source, "line": e.line, "field": e.field,
                        "message": e.message} for e in self.errors],
        }
