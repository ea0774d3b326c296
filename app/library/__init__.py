"""The built-in protocols, one module each."""

from app.library import peer_group

PROTOCOLS = (peer_group.PROTOCOL,)
