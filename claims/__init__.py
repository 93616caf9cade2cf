"""claims: extract claims and attributed statements from French news into one DataFrame.

Names are imported on first use (PEP 562), so `import claims.store` or `claims export` never loads
spaCy and the NLP stack.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.3.0"

_EXPORTS = {
    "Article": "claims.articles", "ArticleError": "claims.articles", "read_article": "claims.articles",
    "extract": "claims.extract", "extract_text": "claims.extract",
    "COLUMNS": "claims.schema", "COLUMN_NAMES": "claims.schema", "CERTAINTY_LEVELS": "claims.schema",
    "KINDS": "claims.schema",
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claims' has no attribute {name!r}")
    try:
        value = getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as err:  # a Python without the requirements: say what to install
        if (err.name or "claims").split(".")[0] == "claims":
            raise  # a bug of ours, not a missing requirement
        from claims.environment import missing_requirement

        missing_requirement(err)
        raise
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """`claims.extract` is the function, as it always was, even once the submodule claims.extract is
    imported (the import system would otherwise bind the module to that name)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
