"""What core declares: the audit log names who acted (it stays, naming the pseudonymised account); old
task results are pruned every night."""

from . import registry
from .models import AuditEvent, SubmitToken
from .tasks import prune_task_results


def register() -> None:
    registry.add_daily(registry.Daily(key="task results", hour=lambda: 4, enqueue=prune_task_results.enqueue))
    registry.add_personal_data(
        registry.PersonalData(
            model="core.AuditEvent",
            fields=("actor",),
            section="actions_recorded",
            export=lambda user: [
                {"verb": e.verb, "object": e.object_type, "at": e.created_at.isoformat()}
                for e in AuditEvent.objects.filter(actor=user).order_by("-created_at", "-pk")[:5000]
            ],
            order=900,
        )
    )
    registry.add_personal_data(
        registry.PersonalData(
            # a form's one-time token and who sent it, kept a day (core.idempotency): nothing to export
            model="core.SubmitToken",
            fields=("user",),
            section="form_tokens",
            erase=lambda user, successor=None: SubmitToken.objects.filter(user=user).delete(),
            order=910,
        )
    )
