"""Certificate pages: the member's own certificates, and public verification."""
