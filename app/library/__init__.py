"""The built-in protocols, one module each."""

from app.library import (
    action_learning,
    case_clinic,
    gease,
    intervision,
    kollegiale_beratung,
    payette_champagne,
    peer_group,
    troika,
)

PROTOCOLS = (
    peer_group.PROTOCOL,  # the default: first
    payette_champagne.PROTOCOL,
    gease.PROTOCOL,
    action_learning.PROTOCOL,
    intervision.PROTOCOL,
    case_clinic.PROTOCOL,
    troika.PROTOCOL,
    kollegiale_beratung.PROTOCOL,
)
