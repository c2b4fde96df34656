"""Member-facing CPD pages, one module per family: records, evidence files and CSV, years."""
