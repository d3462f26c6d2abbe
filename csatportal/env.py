"""Tiny helpers that read settings from the environment.

Every bad value raises ImproperlyConfigured naming the variable, so a typo
stops start-up instead of running with a surprise.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    """The variable's value, or `default` when unset or empty."""
    return os.environ.get(name, "") or default


def env_bool(name: str, default: bool) -> bool:
    """true/false, yes/no, on/off, 1/0 (any case); unset means `default`."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int:
    """A whole number within [minimum, maximum]; unset means `default`."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum or (maximum is not None and value > maximum):
        allowed = f"between {minimum} and {maximum}" if maximum is not None else f"{minimum} or more"
        raise ImproperlyConfigured(f"{name} must be {allowed}, not {value}.")
    return value


def env_secret(name: str) -> str:
    """A secret from `NAME`, or from the file named by `NAME_FILE` (container secrets).

    The value is stripped of surrounding white space. Never log what this returns.
    """
    path = os.environ.get(f"{name}_FILE", "").strip()
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE cannot be read: {exc.strerror}.") from None
    return os.environ.get(name, "").strip()


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list; unset means `default`."""
    raw = os.environ.get(name, "").strip()
    return [part.strip() for part in raw.split(",") if part.strip()] if raw else default
