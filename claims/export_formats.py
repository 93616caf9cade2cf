"""The export formats and the file names each may be written to (the command line's choices: no
pandas or store loaded to list them)."""

# excel-fr: `;`-separated CSV with a BOM
SUFFIXES = {"csv": (".csv",), "excel-fr": (".csv",), "xlsx": (".xlsx",), "jsonl": (".jsonl",),
            "claimreview": (".json", ".jsonld")}
FORMATS = tuple(SUFFIXES)
TABLE_FORMATS = ("csv", "excel-fr", "xlsx")  # the reading-order columns of claims.exports
