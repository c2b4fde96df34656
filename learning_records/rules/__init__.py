"""Domain rules as pure functions, one module per family (cpd, programme, certificates).

No database access here: each function takes plain values and returns plain values, so the
rules are tested with tables of cases.
"""
