"""Verified-token cache: a repeated bearer token costs a dict lookup instead of a signature check.

Design (acceptance catalogue JWT-32, issue 3 item 5):

* Matched on the **whole token string**: an entry keeps its token, and only a token equal to it
  (full string comparison) is served from it, so two tokens can never share an identity. No
  digest is ever trusted to identify a token (that would let a collision authenticate a forged
  one). The ``jwt`` kernel rejects non-canonical base64url, so one signature has exactly one
  token string. The dict is keyed by the token's last ``KEY_CHARS`` characters (a JWT's
  signature): each request brings a new ``str``, whose hash CPython computes on the lookup, and
  hashing 32 characters instead of a whole token (often 500-1,000) saves ~2,000 instructions a
  request. Another token with the same tail (only a forgery can have one: it is the signature)
  misses, and leaves the entry alone; a ``put`` for it replaces the entry (the first token is then
  verified again).
* An entry expires **no later than the token's ``exp``** (leeway is not added: a token inside its
  leeway window is simply re-verified each time), and no later than ``max_ttl_s`` after insertion
  when that is set.
* **Bounded**: at ``max_entries`` an insertion first sweeps expired entries and, if still above
  7/8 of the bound, evicts the oldest insertions in one batch. Each sweep is O(n) but happens at
  most once every n/8 insertions, so the cost is amortised O(1) per ``put``.
* ``drop_kid(kid)`` removes every entry verified with a key that left the JWKS (an O(n) scan at
  rotation time, which is rare; nothing is paid on the hot path for it).

Single-threaded by design: one cache per worker event loop (no locks on the hit path).
"""

from __future__ import annotations

from itertools import islice
from typing import Generic, TypeVar

__all__ = ["TokenCache", "CachedIdentity", "KEY_CHARS"]

#: How many trailing characters of a token key its entry (see the module docstring).
KEY_CHARS = 32
_TAIL = -KEY_CHARS  # token[_TAIL:]: the key

# Whatever the auth stage stores for a verified token (claims, an Identity object...).
CachedIdentity = TypeVar("CachedIdentity")


class TokenCache(Generic[CachedIdentity]):
    """Bounded map from a verified token string to its identity, expiring at the token's ``exp``."""

    __slots__ = ("_entries", "max_entries", "max_ttl_s", "hits", "misses", "evictions")

    def __init__(self, max_entries: int = 10000, max_ttl_s: float | None = None) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be >= 1")
        if max_ttl_s is not None and max_ttl_s <= 0:
            raise ValueError("max_ttl_s must be positive")
        # token[-KEY_CHARS:] -> (value, expires_at, kid, token). A dict keeps insertion order:
        # first = oldest.
        self._entries: dict[str, tuple[CachedIdentity, float, str | None, str]] = {}
        self.max_entries = max_entries
        self.max_ttl_s = max_ttl_s
        self.hits = 0
        self.misses = 0
        self.evictions = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, token: str, now: float) -> CachedIdentity | None:
        """The cached value for exactly this token if it has not expired at ``now``; else None."""
        key = token[_TAIL:]
        entry = self._entries.get(key)
        if entry is not None and entry[3] == token:
            if now < entry[1]:
                self.hits += 1
                return entry[0]
            del self._entries[key]
        self.misses += 1
        return None

    def put(
        self,
        token: str,
        value: CachedIdentity,
        exp: float,
        kid: str | None,
        *,
        now: float | None = None,
    ) -> None:
        """Cache ``value`` for ``token`` until ``exp`` (and ``now + max_ttl_s`` when both are set).

        ``kid`` names the key that verified the signature, for ``drop_kid``. A token already
        expired at ``now`` is not stored.
        """
        if not isinstance(token, str):
            raise TypeError("token must be str")
        expires = float(exp)
        if now is not None:
            if self.max_ttl_s is not None:
                expires = min(expires, now + self.max_ttl_s)
            if expires <= now:
                return
        entries = self._entries
        key = token[_TAIL:]
        if key in entries:
            # Re-insert at the end so insertion order stays "oldest first" (this also replaces
            # another token with the same tail: that one is verified again when it comes back).
            del entries[key]
        elif len(entries) >= self.max_entries:
            self._make_room(now)
        entries[key] = (value, expires, kid, token)

    def _make_room(self, now: float | None) -> None:
        entries = self._entries
        if now is not None:
            expired = [t for t, e in entries.items() if e[1] <= now]
            for t in expired:
                del entries[t]
            self.evictions += len(expired)
        target = self.max_entries - max(1, self.max_entries // 8)
        excess = len(entries) - target
        if excess > 0:
            # islice over the dict walks the oldest insertions first; collect, then delete.
            oldest = list(islice(entries, excess))
            for t in oldest:
                del entries[t]
            self.evictions += len(oldest)

    def drop_kid(self, kid: str | None) -> int:
        """Drop every entry verified with key ``kid``; return how many were dropped."""
        entries = self._entries
        doomed = [t for t, e in entries.items() if e[2] == kid]
        for t in doomed:
            del entries[t]
        return len(doomed)

    def purge_expired(self, now: float) -> int:
        """Remove every entry expired at ``now``; return how many were removed."""
        entries = self._entries
        doomed = [t for t, e in entries.items() if e[1] <= now]
        for t in doomed:
            del entries[t]
        return len(doomed)

    def clear(self) -> None:
        """Forget everything (e.g. on config reload)."""
        self._entries.clear()
