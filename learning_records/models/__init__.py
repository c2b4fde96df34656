from .cpd import CPDActivityType, CPDRecord, EvidenceFile, PeerRole  # noqa: F401
