"""claims: extract claims and attributed statements from French news into one DataFrame."""
from claims.articles import Article, ArticleError, read_article
from claims.extract import extract, extract_text
from claims.schema import CERTAINTY_LEVELS, COLUMN_NAMES, COLUMNS, KINDS

__all__ = ["Article", "ArticleError", "read_article", "extract", "extract_text",
           "COLUMNS", "COLUMN_NAMES", "CERTAINTY_LEVELS", "KINDS"]
