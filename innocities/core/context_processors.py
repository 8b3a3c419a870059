from innocities.accounts.roles import roles_of


def navigation(request):
    """What the header needs: the person's organisations, read once per request."""
    user = request.user
    # After switching language the browser comes back here; a form's POST URL would answer 405.
    back = request.get_full_path() if request.method == "GET" else request.META.get("HTTP_REFERER", "/")
    if not user.is_authenticated:
        return {"language_next": back}
    return {
        "language_next": back,
        "my_memberships": list(user.memberships.select_related("organisation")),
        "roles": roles_of(user),
        "unread_notifications": user.notifications.filter(read_at__isnull=True).count(),
    }
