"""The knowledge base: articles, importers, regions, the search index and summaries.

Usable without Flask: `KnowledgeBase(redis.Redis(...), "jyq:", Path("var"))`.
"""

from knowledge.article import Article, ArticleError
from knowledge.base import KnowledgeBase
from knowledge.regions import REGIONS, find_region
from knowledge.results import Hit, ImportSummary, RecordError, SearchResult

__all__ = [
    "Article", "ArticleError", "Hit", "ImportSummary", "KnowledgeBase", "REGIONS",
    "RecordError", "SearchResult", "find_region",
]
