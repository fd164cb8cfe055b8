"""The client's address as login throttling sees it (django-axes' AXES_CLIENT_IP_CALLABLE)."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """REMOTE_ADDR; behind the TLS proxy (TRUST_X_FORWARDED_FOR), the address that proxy added to X-Forwarded-For.

    Only the right-most entry is written by our proxy: whatever stands left of it came from the client, who can
    invent it, so it never counts. A malformed entry falls back to REMOTE_ADDR.
    """
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")
