"""Where articles come from, one module per kind of input; none imports the store or spaCy.

- `urls`: telling URLs from paths, the normalised URL an article id is made from;
- `fetch`: polite HTTP (user agent, timeouts, retries with back-off, size cap, per-host limit);
- `html`: a web page (fetched or saved) → an Article, with trafilatura;
- `feeds`: RSS and Atom feeds, with feedparser;
- `tables`: JSON lines and CSV files of articles;
- `inputs`: any mix of the above, files and folders, read into Articles with the problems named.
"""
