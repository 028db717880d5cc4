"""Rate, token, dollar and concurrency limits: backends behind one interface.

The GCRA arithmetic is the ``gcra`` kernel (``fastgate/_native``); the shared-memory table is
the ``shmtable`` kernel; this package adapts them to what the rate-limit stage needs.
"""

from .backends import (
    KINDS,
    USD_UNITS,
    Backend,
    Decision,
    LimitState,
    LocalBackend,
    ShmBackend,
    create_backend,
    limit_key,
)

__all__ = [
    "KINDS",
    "USD_UNITS",
    "Backend",
    "Decision",
    "LimitState",
    "LocalBackend",
    "ShmBackend",
    "create_backend",
    "limit_key",
]
