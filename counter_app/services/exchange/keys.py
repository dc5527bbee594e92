"""The exchange's keys: this database's Ed25519 pair, the province's public key, fingerprints.

The unit of exchange is an office database (one SQLite file, or an office's PostgreSQL shared by
its counters), so the key pair lives in the database (``exchange_keys``, made at its first use) and
every counter of the office signs with it. A fingerprint — 20 hex digits of the public key's
SHA-256, in groups of four — is what two people read to each other over the phone to confirm a key
(the province enrolling an office, an office trusting the province's key).
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.models import ExchangeKey
from counter_app.db.upsert import insert_for
from counter_app.domain.errors import UserError, ValidationError

OWN = "own"
PROVINCE = "province"
FINGERPRINT_CHARS = 20


def fingerprint_of(public_key: bytes) -> str:
    digest = hashlib.sha256(public_key).hexdigest()[:FINGERPRINT_CHARS].upper()
    return "-".join(digest[i : i + 4] for i in range(0, FINGERPRINT_CHARS, 4))


def same_fingerprint(typed: str, actual: str) -> bool:
    """A fingerprint as read out and typed: case, spaces and dashes do not matter."""
    clean = "".join(ch for ch in typed.upper() if ch.isalnum())
    return clean == actual.replace("-", "")


def encode_key(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode_key(text: str, what: str = "khóa") -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise ValidationError("{what} không đúng dạng (base64).", what=what) from exc
    if len(raw) != 32:
        raise ValidationError("{what} không phải khóa Ed25519 (32 byte).", what=what)
    return raw


def own_key(session: Session, now: datetime) -> tuple[Ed25519PrivateKey, str]:
    """This database's private key and its fingerprint, made at the first call (two counters making
    it at once keep one: the first row written)."""
    row = session.get(ExchangeKey, OWN)
    if row is None:
        private = Ed25519PrivateKey.generate()
        raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        raw_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        insert = insert_for(session.get_bind().dialect.name)
        session.execute(
            insert(ExchangeKey)
            .values(
                role=OWN,
                public_key=encode_key(raw_public),
                private_key=encode_key(raw_private),
                fingerprint=fingerprint_of(raw_public),
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["role"])
        )
        row = session.execute(select(ExchangeKey).where(ExchangeKey.role == OWN)).scalar_one()
    assert row.private_key is not None
    return Ed25519PrivateKey.from_private_bytes(decode_key(row.private_key)), row.fingerprint


def public_bytes(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def province_key(session: Session) -> ExchangeKey | None:
    return session.get(ExchangeKey, PROVINCE)


def trust_province(session: Session, public_key: bytes, typed_fingerprint: str, now: datetime) -> str:
    """Keep the province's public key, once its fingerprint as read over the phone matches."""
    actual = fingerprint_of(public_key)
    if not same_fingerprint(typed_fingerprint, actual):
        raise ValidationError(
            "Dấu vân tay đọc qua điện thoại ({typed}) không khớp khóa trong tệp ({actual}): không nhận khóa.",
            typed=typed_fingerprint.strip(),
            actual=actual,
            field="fingerprint",
        )
    existing = province_key(session)
    if existing is not None and existing.fingerprint != actual:
        raise UserError(
            "Đã có khóa của trung tâm tỉnh ({existing}); khóa mới {actual} không được thay thế tự động.",
            existing=existing.fingerprint,
            actual=actual,
        )
    if existing is None:
        session.add(
            ExchangeKey(
                role=PROVINCE,
                public_key=encode_key(public_key),
                private_key=None,
                fingerprint=actual,
                created_at=now,
            )
        )
    return actual


def verify_signature(public_key: bytes, signature: bytes, content: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, content)
    except (InvalidSignature, ValueError):
        return False
    return True
