"""Production refuses what would expose it: the admin's own login, the demo and its password, the
fallback secret key, development settings, and staff without a second factor."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from innocities.accounts.security import DEMO_PASSWORD
from innocities.cli import refuse_development_settings

ROOT = Path(__file__).resolve().parent.parent


def test_the_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_admin_refuses_a_signed_in_person_who_is_not_staff(client, world):
    client.force_login(world.coordinator)
    assert client.get("/admin/login/").status_code == 403


def test_production_refuses_the_fallback_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.prod"
    for key in ("", "insecure-development-key-change-me", "short"):
        env["SECRET_KEY"] = key
        result = subprocess.run(
            [sys.executable, "-c", "import django; django.setup()"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_development_settings_refuse_to_serve_a_deployment():
    local = {"DJANGO_SETTINGS_MODULE": "config.settings.local"}
    assert refuse_development_settings({**local, "ALLOWED_HOSTS": "127.0.0.1,localhost"}) is None
    assert refuse_development_settings({**local, "ALLOWED_HOSTS": "innocities.example.se"})
    assert refuse_development_settings({**local, "DATABASE_URL": "postgres://db/innocities"})
    assert refuse_development_settings({"DJANGO_SETTINGS_MODULE": "config.settings.test"})
    assert refuse_development_settings({"DJANGO_SETTINGS_MODULE": "config.settings.prod"}) is None


@override_settings(PRODUCTION=True, DEMO_ALLOWED=False)
def test_setup_refuses_the_demo_under_production_settings(db):
    with pytest.raises(CommandError, match="refuses"):
        call_command("setup", "--demo")


def test_nobody_may_choose_the_demo_password():
    with pytest.raises(ValidationError):
        validate_password(DEMO_PASSWORD)


def _sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_the_demo_password_signs_in_outside_production(client, world):
    world.member.set_password(DEMO_PASSWORD)
    world.member.save()
    _sign_in(client, world.member.email, DEMO_PASSWORD)
    assert client.get(reverse("pipeline:my_work")).status_code == 200


@override_settings(PRODUCTION=True)
def test_the_demo_password_never_signs_in_under_production(client, world):
    world.member.set_password(DEMO_PASSWORD)
    world.member.save()
    response = _sign_in(client, world.member.email, DEMO_PASSWORD)
    assert response.status_code == 200  # the form again, with its error
    assert client.get(reverse("pipeline:my_work")).status_code == 302


@override_settings(REQUIRE_MFA_FOR_ADMINS=True)
def test_administrators_set_up_a_second_factor_first(client, world):
    client.force_login(world.admin)
    response = client.get(reverse("pipeline:my_work"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before a second factor is set up; nothing else is open
    final = client.get(reverse("mfa_activate_totp"), follow=True)
    assert final.status_code == 200 and final.request["PATH_INFO"] == reverse("account_reauthenticate")
    assert client.get(reverse("pipeline:projects"))["Location"] == reverse("mfa_activate_totp")


@override_settings(REQUIRE_MFA_FOR_ADMINS=True)
def test_members_are_not_asked_for_a_second_factor(client, world):
    client.force_login(world.member)
    assert client.get(reverse("pipeline:my_work")).status_code == 200
