"""What evaluation declares: the invitation event, my-work panel, and evaluators' scores as personal data."""

from django.urls import reverse
from django.utils.translation import gettext as _

from innocities.core import registry

from .models import Evaluator, Score


def _evaluation_assigned(ids):
    evaluator = Evaluator.objects.filter(pk=ids["evaluator_id"]).select_related("challenge").first()
    if evaluator is None:
        return None
    return registry.Delivery(
        key=f"evaluator-{evaluator.pk}",
        data={"challenge": evaluator.challenge.title},
        url=reverse("evaluation:round", args=[evaluator.challenge_id]),
        people={evaluator.user_id},
    )


def _text(data) -> str:
    return _("You are asked to evaluate the ideas for “%(challenge)s”.") % {
        "challenge": data.get("challenge", "")
    }


def _scores(user):
    return [
        {
            "challenge": s.evaluator.challenge.title,
            "idea": s.idea.title,
            "criterion": s.criterion.label,
            "score": s.score,
            "comment": s.comment,
        }
        for s in Score.objects.filter(evaluator__user=user)
        .select_related("evaluator__challenge", "idea", "criterion")
        .order_by("evaluator__challenge_id", "idea_id", "criterion__order", "criterion_id", "pk")
    ]


def register() -> None:
    register_pages()
    registry.add_event(
        registry.Event(
            name="evaluation_assigned", kind="evaluation_assigned", resolve=_evaluation_assigned, text=_text
        )
    )
    registry.add_personal_data(
        registry.PersonalData(
            model="evaluation.Evaluator",
            fields=("user", "invited_by"),
            section="evaluations",
            # scores stay with the round (the ranking rests on them), under the pseudonymised account
            export=lambda user: [
                {"challenge": e.challenge.title}
                for e in Evaluator.objects.filter(user=user).select_related("challenge").order_by("pk")
            ],
        )
    )
    registry.add_personal_data(
        registry.PersonalData(
            model="evaluation.Score", fields=(), section="evaluation_scores", export=_scores
        )
    )


def _my_work(request, user):
    evaluations = Evaluator.objects.filter(user=user).select_related("challenge", "organisation")
    return {"evaluations": evaluations} if evaluations else None


def register_pages() -> None:
    registry.add_panel(
        "my_work",
        registry.Panel(
            key="evaluations", order=10, template="evaluation/_my_work_panel.html", context=_my_work
        ),
    )
