"""kg benchmarks: ``python -m bench`` (see bench/__main__.py) and the data generator (bench/generate.py)."""
