"""The visitor's address, as rate limits and login lock-out count it.

Behind reverse proxies REMOTE_ADDR is the nearest proxy, so every visitor would share one count
and one attacker could lock everyone out. Each trusted proxy appends the address it saw to
X-Forwarded-For, so the client is the entry TRUSTED_PROXY_COUNT places from the right; anything
further left was written by the client and cannot be trusted.
"""

from cms import env


def client_ip(request):
    remote_addr = request.META.get("REMOTE_ADDR", "")
    if env.TRUSTED_PROXY_COUNT <= 0:
        return remote_addr
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < env.TRUSTED_PROXY_COUNT:
        return remote_addr
    return forwarded[-env.TRUSTED_PROXY_COUNT]
