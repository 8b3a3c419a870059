"""`make run`: the production stack (gunicorn, whitenoise, DEBUG off) on plain HTTP at localhost."""

from .base import *  # noqa: F403
