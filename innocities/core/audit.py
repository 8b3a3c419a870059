from .models import AuditEvent


def record(*, actor, verb: str, obj, organisation=None, **data) -> AuditEvent:
    """Append an audit event for a write that an action just made."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        organisation=organisation,
        data=data,
    )
