from innocities.accounts import nav as can
from innocities.accounts.roles import roles_of
from innocities.core import registry


def navigation(request):
    """What the header needs, read once per request: the menu the person may open, and nothing more."""
    user = request.user
    # After switching language the browser comes back here; a form's POST URL would answer 405.
    back = request.get_full_path() if request.method == "GET" else request.META.get("HTTP_REFERER", "/")
    items = registry.nav(user)
    context = {
        "language_next": back,
        "nav_main": [item for item in items if item.group == "main"],
        "nav_more": [item for item in items if item.group == "more"],
    }
    if not user.is_authenticated:
        return context
    return {
        **context,
        "my_memberships": list(user.memberships.select_related("organisation")),
        "roles": roles_of(user),
        "can_moderate": can.manages_any(user),
        "unread_notifications": user.notifications.filter(read_at__isnull=True).count(),
    }
