"""What the question log says about the last days: the share answered and the top questions.

The question log belongs to the search work (services.questions); until it is there these
return nothing and the dashboard says the log is off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Answered:
    """Questions asked and answered within the period."""

    asked: int
    answered: int

    @property
    def share(self) -> float:
        """answered / asked (0 when nothing was asked)."""
        return self.answered / self.asked if self.asked else 0.0


def answered(services: Any, days: int) -> Answered | None:
    """The share of questions answered in the last `days`; None without a question log."""
    return None


def top_questions(services: Any, days: int, limit: int) -> list[tuple[str, int]]:
    """The most asked questions of the last `days`, with counts."""
    return []
