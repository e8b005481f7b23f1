"""What kind of message a text is (a suggestion, a complaint, a rights question …), learned
from labelled follower messages: naive Bayes over the characters and character pairs of its text.

The rules of config/meaning.toml hold the wordings editors foresaw, and every new set of
followers' messages brings wordings nobody foresaw. Those still share fragments with the
thousands of labelled messages of config/kinds.tsv (能不能…呗 with suggestions, 你们…套话
with complaints, 是…办的 with questions about the account), and this model reads a message
by them. It decides nothing on its own: handlers/by_kind.py asks it only when no rule
claimed a message. Naive Bayes over n-grams is a few array sums, trains from the file in
about 0.2 s on first use, and is not worth a machine-learning library's import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from knowledge.normal import normalise

KINDS = ("rights", "policy", "job_seeking", "contact", "chitchat", "regional", "offtopic",
         "complaint", "identity", "about", "suggestion", "impatience", "abuse", "latest")
EXAMPLES = Path(__file__).resolve().parent.parent / "config" / "kinds.tsv"
GRAMS = (1, 2)  # single characters and pairs: trigrams added nothing held-out (sets 1-42)
ALPHA = 0.1  # additive smoothing: small, as most n-grams of a message are in few examples
# The examples are at most about 100 characters; over the thousands of n-grams of a longer
# text the summed probabilities mean nothing (a pasted page read as a sure suggestion).
LONGEST = 200
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Example:
    """One labelled message of config/kinds.tsv."""

    id: str
    kind: str
    text: str


@dataclass(frozen=True)
class Guess:
    """The likeliest kind of a message and the model's probability for it."""

    kind: str
    p: float


def grams(text: str) -> set[str]:
    """The character n-grams of the normalised text, without spaces, punctuation or emoji.
    Not plain(): its typo and filler lists change with every round of rules, and the model
    reads as well without them (sets 37-42: 95.0% against 94.4%) at half the training time."""
    s = _NOT_WORD.sub("", normalise(text)) or "".join(text.split())
    return {s[i:i + n] for n in GRAMS for i in range(len(s) - n + 1)}


class KindModel:
    """Multinomial naive Bayes over the n-grams each message has (each counted once)."""

    def __init__(self, examples: Iterable[Example]) -> None:
        examples = list(examples)
        self.kinds = tuple(k for k in KINDS if any(e.kind == k for e in examples))
        row = {k: i for i, k in enumerate(self.kinds)}
        self.vocab: dict[str, int] = {}
        width = len(self.kinds)
        cells: list[int] = []  # n-gram row × width + kind column, one per (message, n-gram)
        for e in examples:
            column = row[e.kind]
            cells.extend(self.vocab.setdefault(g, len(self.vocab)) * width + column
                         for g in grams(e.text))
        counts = np.bincount(np.array(cells, dtype=np.int64),
                             minlength=len(self.vocab) * width).reshape(-1, width)
        prior = np.bincount([row[e.kind] for e in examples], minlength=width)
        totals = counts.sum(axis=0) + ALPHA * max(len(self.vocab), 1)
        self.log_like = np.log(counts + ALPHA) - np.log(totals)
        self.log_prior = np.log(np.maximum(prior, 1.0) / max(prior.sum(), 1.0))

    def guess(self, text: str) -> Guess | None:
        """The likeliest kind and its probability; None when no n-gram of it is known, or
        the text is longer than LONGEST."""
        if len(text) > LONGEST:
            return None
        seen = [self.vocab[g] for g in grams(text) if g in self.vocab]
        if not seen or not self.kinds:
            return None
        scores = self.log_prior + self.log_like[seen].sum(axis=0)
        p = np.exp(scores - scores.max())
        best = int(p.argmax())
        return Guess(self.kinds[best], float(p[best] / p.sum()))


def read_examples(path: Path = EXAMPLES) -> list[Example]:
    """The labelled messages of a kinds file. ValueError naming the line and the field for
    a line that is not `id <TAB> kind <TAB> text`, an unknown kind or an id used twice."""
    examples: list[Example] = []
    ids: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{path.name} line {n}: want id, kind and text separated by tabs")
        id_, kind, text = (p.strip() for p in parts)
        if not id_ or id_ in ids:
            raise ValueError(f"{path.name} line {n}: id {id_!r} is empty or already used")
        if kind not in KINDS:
            raise ValueError(f"{path.name} line {n}: kind {kind!r} is not one of {KINDS}")
        if not text:
            raise ValueError(f"{path.name} line {n}: text is empty")
        ids.add(id_)
        examples.append(Example(id_, kind, text))
    return examples


@cache
def model() -> KindModel:
    """The process's model, trained from config/kinds.tsv on first use."""
    return KindModel(read_examples())
