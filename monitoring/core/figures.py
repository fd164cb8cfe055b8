"""Dashboard figures kept in Django's cache, never stale after a change.

Every cached figure is stored under the current *data version*, a random token in the cache. Any change that can
move a figure (an import batch, a decision, a transition, an annotation, an admin edit, a merge) replaces the token
once its transaction commits, so the next request computes afresh: a number is never served from before a
decision. A token rather than a counter: if the cache evicts it, a new one starts a key space no old entry is in.

Caching needs a cache shared by every process (Redis: REDIS_URL); with the per-process default cache a change made
in one process could not reach the others, so FIGURES_CACHE_SECONDS defaults to 0 (off) without REDIS_URL.
"""

import hashlib
import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)
VERSION_KEY = "figures:version"


def figures_changed(*args, **kwargs) -> None:
    """Mark every cached figure out of date once the current transaction commits (also a signal receiver)."""
    transaction.on_commit(_version_replace, robust=True)


def _version_replace() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def figures_cached(name: str, key: object, compute: Callable[[], object]):
    """`compute()`, or its result cached for the same `name`, `key` (any repr-able value) and data version."""
    seconds = settings.FIGURES_CACHE_SECONDS
    if not seconds:
        return compute()
    try:
        version = cache.get_or_set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        entry = f"figures:{name}:{version}:{hashlib.sha256(repr(key).encode()).hexdigest()}"
        found = cache.get(entry)
    except Exception:  # noqa: BLE001 - a cache that is down costs speed, never the page
        logger.warning("figures cache unavailable; computing %s", name, exc_info=True)
        return compute()
    if found is None:
        found = compute()
        try:
            cache.set(entry, found, timeout=seconds)
        except Exception:  # noqa: BLE001
            logger.warning("figures cache unavailable; not storing %s", name, exc_info=True)
    return found
