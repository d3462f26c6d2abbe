from django.apps import AppConfig


class SandboxConfig(AppConfig):
    """A stand-in for MaestroQA's bulk endpoint; no models. Deleting it leaves the client untouched."""

    name = "sandbox"
    verbose_name = "MaestroQA sandbox"
