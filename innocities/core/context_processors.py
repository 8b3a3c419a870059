from innocities.accounts.roles import roles_of


def navigation(request):
    """What the header needs: the person's organisations, read once per request."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "my_memberships": list(user.memberships.select_related("organisation")),
        "roles": roles_of(user),
        "unread_notifications": user.notifications.filter(read_at__isnull=True).count(),
    }
