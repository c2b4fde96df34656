"""Every write that has a rule goes through a keyword-only service function that validates,
runs in `transaction.atomic`, and raises `ValidationError` with a message a member can read.
One module per family (cpd, programme, certificates).
"""
