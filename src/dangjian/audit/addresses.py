"""The client's address, for the audit log and the lockout: one function for both.

Forwarding headers (``X-Real-IP``, ``X-Forwarded-For``) are believed only when the peer that
sent the request is one of ``DANGJIAN_TRUSTED_PROXIES`` (IPs or CIDRs; none by default);
otherwise anyone could write the address the audit log keeps. Every value is checked with
``ipaddress``: something that is not an address is ignored, never stored.
"""

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=8)
def _networks(configured: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item.strip(), strict=False)
                 for item in configured if item.strip())


def trusted_networks() -> tuple[Network, ...]:
    configured = settings.DANGJIAN_TRUSTED_PROXIES
    if isinstance(configured, str):
        configured = configured.split(",")
    return _networks(tuple(configured))


def parse_address(value: object) -> Address | None:
    """An address (an IPv4-mapped IPv6 address as IPv4), or None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, networks: Iterable[Network]) -> bool:
    return any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The address of whoever sent the request, as far as the configured proxies vouch."""
    peer = parse_address(request.META.get("REMOTE_ADDR"))
    networks = trusted_networks()
    if peer is None or not _trusted(peer, networks):
        return str(peer) if peer is not None else None
    real = parse_address(request.META.get("HTTP_X_REAL_IP"))
    if real is not None:
        return str(real)
    # X-Forwarded-For from the right: each trusted proxy vouches for the hop before it.
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            break  # garbage from the client: keep the last address a proxy vouched for
        peer = address
        if not _trusted(address, networks):
            break
    return str(peer)
