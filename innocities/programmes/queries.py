from django.db.models import Prefetch

from .models import Criterion, Gate, Phase


def method_phases(method):
    """Phases with their gate and criteria, in order, for the method guide."""
    return (
        Phase.objects.filter(method=method)
        .order_by("order")
        .prefetch_related(
            Prefetch(
                "gate",
                queryset=Gate.objects.prefetch_related(
                    Prefetch("criteria", queryset=Criterion.objects.order_by("kind", "order"))
                ),
            )
        )
    )
