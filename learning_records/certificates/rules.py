"""Rules for certificate identifiers: verification codes and serial numbers.

A verification code is 80 random bits written in Crockford's base32 (digits and capitals
without I, L, O or U), shown in four groups of four so a person can read it out or type it from
paper. Reading a code back forgives what people get wrong when typing: case, spaces, hyphens,
O for 0 and I or L for 1 (https://www.crockford.com/base32.html).
"""

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BYTES = 10  # 80 bits: far beyond guessing, even at the rate limit, for longer than the site exists.
CODE_LENGTH = CODE_BYTES * 8 // 5  # 16 characters
CODE_GROUP = 4

_TYPING_SLIPS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED = str.maketrans("", "", " -\t\n\r")


def encode_code(raw: bytes) -> str:
    """Crockford base32 of `raw` (whose bit length must be a multiple of 5), no separators."""
    if len(raw) * 8 % 5:
        raise ValueError("The number of bits must be a multiple of 5.")
    number = int.from_bytes(raw, "big")
    length = len(raw) * 8 // 5
    return "".join(CROCKFORD_ALPHABET[(number >> (5 * (length - 1 - i))) & 31] for i in range(length))


def format_code(code: str) -> str:
    """A stored code in readable groups: 7K3MQ9TD... -> 7K3M-Q9TD-..."""
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


def normalise_code(text: str) -> str | None:
    """The stored form of a code as someone typed it, or None if it cannot be a code."""
    code = text.upper().translate(_IGNORED).translate(_TYPING_SLIPS)
    if len(code) != CODE_LENGTH or any(char not in CROCKFORD_ALPHABET for char in code):
        return None
    return code


def format_serial(prefix: str, year: int, number: int) -> str:
    """PRX-2026-000123: the prefix, the year of issue and the number within that year."""
    if number < 1:
        raise ValueError("Serial numbers start at 1.")
    return f"{prefix}-{year}-{number:06d}"


def status_of(*, revoked: bool, superseded: bool) -> str:
    """What the verification page says about a certificate: revoked wins over superseded."""
    if revoked:
        return "revoked"
    if superseded:
        return "superseded"
    return "valid"


def recipient_problems(*, full_name: str) -> list[str]:
    """What stops any certificate being issued to a person, whatever its kind."""
    if not full_name.strip():
        return ["Add your first and last name to your profile: they are printed on the certificate."]
    return []
