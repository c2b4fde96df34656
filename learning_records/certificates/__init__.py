"""Certificates: issuing (services), the PDF (rendering), verification, Open Badges and signing keys.

A domain defines a kind of certificate with `kinds.CertificateKind` and `kinds.register_kind` in
its own `certificate.py` (`learning_records/cpd/certificate.py`: the CPD statement), listed as a
`certificate_kinds` contribution on the app (config/contributions.py).
"""
