"""Signals of the lowest layer, so that any app may send them and the apps above may listen."""

from django.dispatch import Signal

# Rows counted in figures changed by a bulk write that sends no per-row signal (QuerySet.update, bulk_create):
# `article_ids` names the articles whose coverage moved. Sent inside the writer's transaction.
coverage_changed = Signal()
