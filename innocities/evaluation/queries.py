from django.db.models import Avg, Count

from .models import Score


def ranking(challenge):
    """The challenge's ideas by average score over all evaluators and criteria, best first."""
    return (
        challenge.ideas.exclude(status="rejected")
        .filter(hidden_at__isnull=True)
        .select_related("submitted_by", "project")
        .annotate(
            average=Avg("scores__score"),
            evaluations=Count("scores__evaluator", distinct=True),
            supporters=Count("supports", distinct=True),
        )
        .order_by("-average", "-supporters", "title")
    )


def my_progress(evaluator, ideas):
    """For each idea, whether this evaluator has scored every criterion."""
    needed = evaluator.challenge.evaluation_criteria.count()
    done = dict(
        Score.objects.filter(evaluator=evaluator, idea__in=ideas)
        .values("idea_id")
        .annotate(n=Count("pk"))
        .values_list("idea_id", "n")
    )
    return {idea.pk: needed > 0 and done.get(idea.pk, 0) >= needed for idea in ideas}


def others_scores(evaluator, idea):
    """Everyone else's scores for an idea: shown only after the evaluator's own are complete."""
    return (
        Score.objects.filter(idea=idea)
        .exclude(evaluator=evaluator)
        .select_related("evaluator__user", "criterion")
        .order_by("evaluator__user__full_name", "criterion__order")
    )
