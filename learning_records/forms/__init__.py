"""Member-facing forms, one module per family. Forms only shape input; services hold the rules."""
