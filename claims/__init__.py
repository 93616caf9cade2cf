"""claims: extract claims and attributed statements from French news into one DataFrame."""
try:
    from claims.articles import Article, ArticleError, read_article
    from claims.extract import extract, extract_text
    from claims.schema import CERTAINTY_LEVELS, COLUMN_NAMES, COLUMNS, KINDS
except ModuleNotFoundError as _err:  # a Python without the requirements: re-run in .venv, or say so
    if (_err.name or "claims").split(".")[0] == "claims":
        raise  # a bug of ours, not a missing requirement
    from claims.environment import missing_requirement

    missing_requirement(_err)

__all__ = ["Article", "ArticleError", "read_article", "extract", "extract_text",
           "COLUMNS", "COLUMN_NAMES", "CERTAINTY_LEVELS", "KINDS"]
