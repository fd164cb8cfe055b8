"""The key that decides whether two printed names are the same person: one definition, shared with the models."""

from monitoring.core.text import name_key as normalise_name

__all__ = ["normalise_name"]
