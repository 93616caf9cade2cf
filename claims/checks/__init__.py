"""Published fact-checks and "checked before?": ClaimReview parsing (claimreview), the text features
matching compares (features, needs spaCy), the retrieval index (index, numpy only) and the matching
run that ties them to the store (matching)."""
