"""Production settings pass Django's deploy checks; pages carry a strict CSP; logins are rate limited."""

import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_production_settings_pass_check_deploy_without_warnings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-9f8e7d6c5b4a3",
        "ALLOWED_HOSTS": "innocities.example",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/innocities",
        "MEDIA_ROOT": "/srv/innocities/media",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_strict():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "x" * 60,
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/innocities",
        "MEDIA_ROOT": "/srv/innocities/media",
    }
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["True", "True", "31536000", "True", "False"], result.stderr


def test_pages_carry_a_csp_without_unsafe_inline_or_eval(client):
    response = client.get(reverse("account_login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_templates_have_no_inline_scripts_or_styles():
    offenders = []
    for path in (ROOT / "innocities").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "<script>" in text or "style=" in text or "<style" in text or " on" + "click=" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_login_is_rate_limited_after_repeated_failures(world, client):
    url = reverse("account_login")
    for _ in range(5):
        page = client.post(
            url, {"login": "coordinator@halden.example", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="en"
        ).content.decode()
        assert "Too many failed login attempts" not in page
    response = client.post(
        url,
        {"login": "coordinator@halden.example", "password": "correct-horse-battery"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_email_login_works_and_wrong_password_is_refused(world, client):
    url = reverse("account_login")
    response = client.post(url, {"login": "coordinator@halden.example", "password": "wrong"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    response = client.post(url, {"login": "coordinator@halden.example", "password": "correct-horse-battery"})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(world.coordinator.pk)


def test_citizens_sign_up_but_a_registration_opens_nothing_private(world, client):
    from innocities.accounts.models import User

    weak = client.post(
        reverse("account_signup"),
        {
            "full_name": "W",
            "email": "weak@example.com",
            "password1": "12345678901",
            "password2": "12345678901",
        },
    )
    assert weak.status_code == 200 and not User.objects.filter(email="weak@example.com").exists()
    good = "Lyngør-fyr-1867-sjø"
    client.post(
        reverse("account_signup"),
        {"full_name": "Nora Ny", "email": "new@example.com", "password1": good, "password2": good},
    )
    person = User.objects.get(email="new@example.com")
    assert not person.memberships.exists()
    client.force_login(person)
    assert client.get(reverse("pipeline:project", args=[world.private.pk])).status_code == 404


def test_password_reset_sends_a_mail(world, client, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": "coordinator@halden.example"})
    assert len(mailoutbox) == 1 and "coordinator@halden.example" in mailoutbox[0].to


def test_a_person_can_turn_on_totp_two_factor_authentication(world, client):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    client.post(
        reverse("account_login"), {"login": "coordinator@halden.example", "password": "correct-horse-battery"}
    )
    client.post(
        reverse("account_reauthenticate"), {"password": "correct-horse-battery"}
    )  # MFA asks for it again
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session["mfa.totp.secret"]
    counters = list(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))
    client.post(reverse("mfa_activate_totp"), {"code": code})
    assert Authenticator.objects.filter(user=world.coordinator, type="totp").exists()

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "coordinator@halden.example", "password": "correct-horse-battery"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302 and "2fa" in response["Location"]
