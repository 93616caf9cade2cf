"""The Streamlit dashboard: displays claims and calls the claims/ API; no extraction logic here."""
