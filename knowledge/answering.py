"""One search, from the follower's words to the ordered answer: time words out, the question
parsed, the pool ranked, the place kept to, the no-answer rule, twins and years ordered, and
the answering sentence of the first hit ready to be worked out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial

from knowledge.arrange import arrange, clear_winner, keep_to_place, weigh_time
from knowledge.article import Article
from knowledge.explain import explain
from knowledge.extract import asks_amount, asks_need, asks_span, asks_where, best_sentence
from knowledge.fuzzy import Corrector
from knowledge.query import ParsedQuery, parse
from knowledge.ranking import Ranker, verdict
from knowledge.results import Hit, SearchResult
from knowledge.text import Tokenizer
from knowledge.when import find_when

PAGE_IDS = 20  # ids kept for paging (更多)


def answer(query: str, ranker: Ranker, tok: Tokenizer, corrector: Corrector | None,
           synonyms: Mapping[str, tuple[str, ...]], *, region: str | None, limit: int,
           today: date, fetch: Callable[[list[str]], list[Article]]) -> SearchResult:
    """The ranked answer to `query`; `fetch` reads articles by id."""
    result = SearchResult(query=query)
    when = find_when(query[:200], today)
    q = parse(when.text, tok, ranker.in_vocab, corrector, synonyms)
    result.region, result.corrections = q.region, q.corrections
    result.terms = [g.label for g in q.groups]
    result.years = sorted(when.years)
    ranked = ranker.rank(q, prefer=region, pool=PAGE_IDS)
    weigh_time(ranked, when)
    ranked, placed = keep_to_place(ranked, q)
    kept, _ = verdict(ranked, q)
    kept = arrange(kept, q, when, prefer=region, placed=placed).ranked
    result.missing_place = placed.missing_place
    result.confident = clear_winner(kept)
    result.ranked_ids = [r.id for r in kept][:PAGE_IDS]
    result.coverage = round(kept[0].coverage, 3) if kept else 0.0
    articles = {a.id: a for a in fetch(result.ranked_ids[:limit])}
    result.hits = [Hit(articles[r.id], round(r.score, 4), partial(explain, r, q))
                   for r in kept[:limit] if r.id in articles]
    result.answer_of = partial(_answer_in, _concepts(q, ranker), _asks(query))
    if not result.hits:
        result.confident = False
    return result


def sentence_for(query: str, article: Article, ranker: Ranker, tok: Tokenizer,
                 corrector: Corrector | None, synonyms: Mapping[str, tuple[str, ...]]) -> str:
    """The sentence of `article` that answers `query`: the question parsed as a search
    parses it, without ranking anything (a picked article's card)."""
    q = parse(find_when(query[:200], date.today()).text, tok, ranker.in_vocab, corrector,
              synonyms)
    return _answer_in(_concepts(q, ranker), _asks(query), article)


def pin(result: SearchResult, article: Article, limit: int) -> None:
    """An editor pinned this question (kb pin): its article answers, first and sure."""
    result.hits = [Hit(article, 1.0, lambda: ["编辑指定（kb pin）"])] + [
        h for h in result.hits if h.article.id != article.id][:limit - 1]
    result.ranked_ids = [article.id] + [i for i in result.ranked_ids if i != article.id]
    result.confident, result.coverage, result.missing_place = True, 1.0, None
    result.pinned = True


def _concepts(q: ParsedQuery, ranker: Ranker) -> list:
    """(concept, weight) of each concept of the question the index knows."""
    return [(g, ranker.group_idf(g) * g.weight) for g in q.groups if g.known]


def _asks(query: str) -> tuple[int, bool, bool, bool]:
    """What kind of passage answers the question: (how much it asks, whether one must,
    whether it asks how long, whether it asks which places)."""
    return asks_amount(query), asks_need(query), asks_span(query), asks_where(query)


def _answer_in(concepts: list, asks: tuple[int, bool, bool, bool], article: Article) -> str:
    """The sentence of `article` that answers the question's concepts. The result passes
    whichever article leads when it is read (a pin may lead); it is not held here, so a
    result and its answer make no reference cycle for the garbage collector to find."""
    return best_sentence(article.body, concepts, title=article.title, amount=asks[0],
                         need=asks[1], span=asks[2], where=asks[3])
