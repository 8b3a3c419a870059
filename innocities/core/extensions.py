"""What core declares: the audit log names who acted; it stays, naming the pseudonymised account."""

from . import registry
from .models import AuditEvent


def register() -> None:
    registry.add_personal_data(
        registry.PersonalData(
            model="core.AuditEvent",
            fields=("actor",),
            section="actions_recorded",
            export=lambda user: [
                {"verb": e.verb, "object": e.object_type, "at": e.created_at.isoformat()}
                for e in AuditEvent.objects.filter(actor=user)[:5000]
            ],
            order=900,
        )
    )
