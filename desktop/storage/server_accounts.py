"""Head office's accounts and the sync bookkeeping (issue 12), on PostgreSQL at head office and, with
the same migration, on every laptop's SQLite file (where the head-office tables stay empty).

- ``server_user``: a head-office person with a role the source names (售后服务人员, 售后部经理, 品质部,
  管理者代表, 总经理) or ``administrator``; the password is kept only as an Argon2id hash
  (argon2-cffi), never in clear.
- ``server_laptop``: each laptop's code (unique, the one in its record numbers) and the SHA-256 of the
  token head office issued it (the token itself is shown once, by ``server add-laptop``); a revoked
  laptop is refused at every request.  A token is 256 random bits, so a plain SHA-256 is as good as
  a slow hash here and lets every request be checked in microseconds.
- ``sync_receipt``: which record version each laptop already delivered (laptop, record, version tag):
  inserted with ``ON CONFLICT DO NOTHING`` so a replayed or repeated revision is recognised and
  changes nothing, without loading the record.
- ``server_photo``: head office's photos, by content hash, in the database itself (one backup holds
  everything; a record is complete only when its photos are).
- ``sync_proposal``: a laptop's new customer or product (or change to one), waiting for head office
  to accept, merge or reject it (``services.sync.proposals``);
- ``sync_state`` (laptop side): for each record, the version last delivered to head office and the
  version head office last had, so a sync with nothing new compares two columns and loads nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from typing import Any

from sqlalchemy import Boolean, Integer, LargeBinary, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.numbering import valid_laptop_code
from .schema import Base, UTCDateTime

ADMINISTRATOR = "administrator"
ROLES: tuple[str, ...] = ("售后服务人员", "售后部经理", "品质部", "管理者代表", "总经理", ADMINISTRATOR)
HEAD_OFFICE_CODE = "HQ"  # head office's own code in its record numbers (no laptop may have it)
MIN_PASSWORD = 8
MAX_NAME = 40


class ServerUser(Base):
    __tablename__ = "server_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class ServerLaptop(Base):
    __tablename__ = "server_laptop"
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class SyncReceipt(Base):
    __tablename__ = "sync_receipt"
    laptop: Mapped[str] = mapped_column(String(8), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tag: Mapped[str] = mapped_column(String(32), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class ServerPhoto(Base):
    __tablename__ = "server_photo"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(40))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ServerPhotoUpload(Base):
    """Which laptop sent head office which picture: a laptop is told it need not send a picture head
    office holds only when it sent it itself or a record it may see names it (``/photos/missing``),
    so the answer tells no laptop about another's pictures, and none is sent twice by its owner."""

    __tablename__ = "server_photo_upload"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    laptop: Mapped[str] = mapped_column(String(8), primary_key=True)


class SyncProposal(Base):
    """A laptop's new customer or product, or its change to one, waiting for head office to accept
    it into the register, merge it with one already there, or reject it (the register is head
    office's: one 北京市第一人民医院, not one per laptop).  The record's JSON as it came."""

    __tablename__ = "sync_proposal"
    __table_args__ = (UniqueConstraint("laptop", "record_id", "tag"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    laptop: Mapped[str] = mapped_column(String(8), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(30), default="")
    tag: Mapped[str] = mapped_column(String(32), default="")
    summary: Mapped[str] = mapped_column(String(200), default="")  # the name, for the list
    incoming: Mapped[str] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    target_id: Mapped[str] = mapped_column(String(36), default="")  # merged into this register record
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class SyncState(Base):
    __tablename__ = "sync_state"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    sent: Mapped[str] = mapped_column(String(48), default="")  # "version:tag" last delivered
    server_tag: Mapped[str] = mapped_column(String(32), default="")  # head office's tag when last seen


class AccountError(Exception):
    """Bad input for an account command; the message is for the user (Chinese)."""

    def __init__(self, template: str, **args: Any) -> None:
        self.template = template
        self.args_ = args
        super().__init__(template.format(**args) if args else template)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    return PasswordHasher()  # Argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def add_user(s: Session, name: str, role: str, password: str) -> ServerUser:
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "用户名应为 1 至 {max} 个字符"), max=MAX_NAME)
    if role not in ROLES:
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "未知的角色“{role}”；可用：{known}"),
                           role=role[:40], known="、".join(ROLES))
    if not password:
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "密码为空：请从标准输入给出密码"))
    if len(password) < MIN_PASSWORD:
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "密码太短：至少 {min} 个字符"), min=MIN_PASSWORD)
    if s.scalars(select(ServerUser.id).where(ServerUser.name == name)).first() is not None:
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "用户“{name}”已存在"), name=name)
    user = ServerUser(name=name, role=role, password_hash=hash_password(password), created_at=_now(), active=True)
    s.add(user)
    s.flush()
    return user


_DUMMY_HASH: list[str] = []  # verified against for an unknown name: the answer takes as long as for a known one


def check_login(s: Session, name: str, password: str) -> ServerUser | None:
    """The active user with this name and password, or None (in the same time either way, so that
    the time taken does not tell which names exist)."""
    user = s.scalars(select(ServerUser).where(ServerUser.name == name.strip())).first()
    if user is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(hash_password(secrets.token_urlsafe(16)))
        verify_password(_DUMMY_HASH[0], password)
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    return user


def user_role(s: Session, name: str) -> str | None:
    return s.scalars(select(ServerUser.role).where(ServerUser.name == name, ServerUser.active.is_(True))).first()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_laptop(s: Session, code: str) -> str:
    """Register a laptop; its token (shown once: only its hash is kept)."""
    code = code.strip().upper()
    if not valid_laptop_code(code):
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "本机代码“{code}”无效：应为 1 至 4 位大写字母或数字"), code=code[:20])
    if code == HEAD_OFFICE_CODE:
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "代码 {code} 是总部自己的编号代码，不能分给笔记本"), code=code)
    if s.get(ServerLaptop, code) is not None:
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "本机代码 {code} 已登记（代码必须唯一）"), code=code)
    token = f"{code}.{secrets.token_urlsafe(32)}"
    s.add(ServerLaptop(code=code, token_hash=token_hash(token), revoked=False, created_at=_now()))
    s.flush()
    return token


def revoke_laptop(s: Session, code: str) -> None:
    code = code.strip().upper()
    row = s.get(ServerLaptop, code)
    if row is None:
        raise AccountError(QT_TRANSLATE_NOOP(MESSAGES, "没有登记过本机代码 {code}"), code=code[:20])
    row.revoked = True
    row.revoked_at = row.revoked_at or _now()


REVOKED = "revoked"
UNKNOWN = "unknown"


def laptop_of_token(s: Session, token: str) -> tuple[str | None, str]:
    """(laptop code, "") for a valid token; (None, UNKNOWN | REVOKED) otherwise."""
    if not isinstance(token, str) or "." not in token or len(token) > 200:
        return None, UNKNOWN
    code = token.split(".", 1)[0]
    row = s.get(ServerLaptop, code) if valid_laptop_code(code) else None
    if row is None or not hmac.compare_digest(row.token_hash, token_hash(token)):
        return None, UNKNOWN
    if row.revoked:
        return None, REVOKED
    return code, ""


def note_uploads(s: Session, laptop: str, shas: list[str]) -> None:
    """Laptop ``laptop`` sent these pictures (kept once per picture and laptop)."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    rows = [{"sha256": sha, "laptop": laptop} for sha in dict.fromkeys(shas)]
    if not rows:
        return
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    for start in range(0, len(rows), 1000):
        s.execute(insert(ServerPhotoUpload).on_conflict_do_nothing(), rows[start:start + 1000])


def uploaded_by(s: Session, laptop: str, shas: list[str]) -> set[str]:
    """Of these pictures, the ones laptop ``laptop`` sent."""
    wanted = sorted(set(shas))
    out: set[str] = set()
    for start in range(0, len(wanted), 500):
        out.update(s.scalars(select(ServerPhotoUpload.sha256).where(
            ServerPhotoUpload.laptop == laptop, ServerPhotoUpload.sha256.in_(wanted[start:start + 500]))))
    return out
