"""What a notification says, composed in the reader's language by the module that published its event."""

from innocities.core import registry


def text(notification) -> str:
    declared = registry.event_by_kind(notification.kind)
    return declared.text(notification.data) if declared else ""
