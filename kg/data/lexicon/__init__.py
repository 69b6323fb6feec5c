"""The extractor's word lists (kg/extract/lexicon.py): one entry a line, ``#`` lines are comments."""
