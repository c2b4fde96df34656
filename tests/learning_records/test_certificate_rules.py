"""Verification codes, serial numbers and statuses: pure rules, tables of cases."""

import secrets

import pytest

from learning_records.certificates.rules import (
    CODE_BYTES,
    CODE_LENGTH,
    CROCKFORD_ALPHABET,
    encode_code,
    format_code,
    format_serial,
    normalise_code,
    recipient_problems,
    status_of,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (bytes(10), "0" * 16),
        (b"\xff" * 10, "Z" * 16),
        (b"\x00" * 9 + b"\x01", "0" * 15 + "1"),
        (b"\x00" * 9 + b"\x20", "0" * 14 + "10"),
        (bytes.fromhex("0123456789abcdef0123"), "04HMASW9NF6YY093"),
    ],
)
def test_encode_code(raw, expected):
    assert encode_code(raw) == expected


def test_encode_code_refuses_lengths_that_are_not_whole_characters():
    with pytest.raises(ValueError, match="multiple of 5"):
        encode_code(b"\x00" * 3)


def test_codes_carry_at_least_80_bits_in_16_readable_characters():
    assert CODE_BYTES * 8 >= 80
    code = encode_code(secrets.token_bytes(CODE_BYTES))
    assert len(code) == CODE_LENGTH == 16
    assert set(code) <= set(CROCKFORD_ALPHABET)
    assert not set(code) & set("ILOU")


@pytest.mark.parametrize(
    ("code", "grouped"),
    [("7K3MQ9TD2B8XWF4N", "7K3M-Q9TD-2B8X-WF4N"), ("0000000000000000", "0000-0000-0000-0000")],
)
def test_format_code_groups_in_fours(code, grouped):
    assert format_code(code) == grouped


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7K3M-Q9TD-2B8X-WF4N", "7K3MQ9TD2B8XWF4N"),
        ("7k3m q9td 2b8x wf4n", "7K3MQ9TD2B8XWF4N"),
        ("  7K3MQ9TD2B8XWF4N\n", "7K3MQ9TD2B8XWF4N"),
        ("7K3M-Q9TD-2B8X-WF4N".replace("0", "O"), "7K3MQ9TD2B8XWF4N"),
        ("OOOO-IIII-LLLL-1111", "0000111111111111"),
        ("oooo-iiii-llll-1111", "0000111111111111"),
        ("7K3M-Q9TD-2B8X-WF4", None),  # too short
        ("7K3M-Q9TD-2B8X-WF4NN", None),  # too long
        ("7K3M-Q9TD-2B8X-WF4U", None),  # U is not in the alphabet
        ("7K3M-Q9TD-2B8X-WF4!", None),
        ("", None),
        ("../../etc/passwd", None),
    ],
)
def test_normalise_code(typed, expected):
    assert normalise_code(typed) == expected


@pytest.mark.parametrize(
    ("prefix", "year", "number", "serial"),
    [
        ("PRX", 2026, 1, "PRX-2026-000001"),
        ("PRX", 2026, 123, "PRX-2026-000123"),
        ("PRX", 2027, 999_999, "PRX-2027-999999"),
        ("PRX", 2027, 1_000_000, "PRX-2027-1000000"),
        ("CSW", 2030, 42, "CSW-2030-000042"),
    ],
)
def test_format_serial(prefix, year, number, serial):
    assert format_serial(prefix, year, number) == serial


def test_serials_start_at_one():
    with pytest.raises(ValueError, match="start at 1"):
        format_serial("PRX", 2026, 0)


@pytest.mark.parametrize(
    ("revoked", "superseded", "status"),
    [
        (False, False, "valid"),
        (True, False, "revoked"),
        (False, True, "superseded"),
        (True, True, "revoked"),
    ],
)
def test_status_of(revoked, superseded, status):
    assert status_of(revoked=revoked, superseded=superseded) == status


@pytest.mark.parametrize(
    ("full_name", "problems"),
    [
        ("Priya Shah", 0),
        ("", 1),
        ("   ", 1),
    ],
)
def test_recipient_problems(full_name, problems):
    found = recipient_problems(full_name=full_name)
    assert len(found) == problems
    if found:
        assert "name" in found[0]
