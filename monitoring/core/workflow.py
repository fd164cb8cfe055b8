"""The review workflow as data: the states an article goes through and the one table of transitions between them.

Everything that asks "may this user move this article?" reads `TRANSITIONS`: the permission checks in
`monitoring.core.permissions`, the services in `monitoring.review.services`, the reader page's buttons, the queues
and the admin actions. A rule changes here or nowhere.
"""

from dataclasses import dataclass

from django.db import models

from .roles import ANALYST, EDITOR, REVIEWER


class ArticleStatus(models.TextChoices):
    NEW = "new", "New"
    IN_ANALYSIS = "in_analysis", "In analysis"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    ARCHIVED = "archived", "Archived"


NEW, IN_ANALYSIS, IN_REVIEW, APPROVED, ARCHIVED = ArticleStatus.values

# Only approved items count in figures; reviewed items (in review, approved, archived) never change without a
# recorded decision: a re-import holds a changed source for the holder to accept after a return or a reopen.
COUNTED_STATES = frozenset({APPROVED})
REVIEWED_STATES = frozenset({IN_REVIEW, APPROVED, ARCHIVED})
OPEN_STATES = frozenset({NEW, IN_ANALYSIS, IN_REVIEW})
# Coverage (headline, text, quotes, roles, tags, photos) may be edited by the analyst holding the item while it is in
# analysis, and by an editor while it is open; approved and archived items are read-only until reopened.
HOLDER_EDIT_STATES = frozenset({IN_ANALYSIS})
EDITOR_EDIT_STATES = OPEN_STATES


@dataclass(frozen=True)
class Transition:
    """One workflow action: who may take it, from which state to which, and what it asks of them."""

    action: str
    label: str
    role: str
    moves: dict  # from-state -> to-state
    four_eyes: bool = False  # refused to anyone who worked on the item (analysed, annotated, decided, was assigned)
    holder_only: bool = False  # only the analyst the item is with
    needs_comment: bool = False
    needs_assignee: bool = False

    @property
    def from_states(self) -> frozenset:
        return frozenset(self.moves)

    def to_state(self, from_state: str) -> str:
        return self.moves[from_state]


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("claim", "Claim", ANALYST, {NEW: IN_ANALYSIS, IN_ANALYSIS: IN_ANALYSIS}),
        Transition("submit", "Submit for review", ANALYST, {IN_ANALYSIS: IN_REVIEW}, holder_only=True),
        Transition("approve", "Approve", REVIEWER, {IN_REVIEW: APPROVED}, four_eyes=True),
        Transition(
            "return", "Return to analysis", REVIEWER, {IN_REVIEW: IN_ANALYSIS}, four_eyes=True, needs_comment=True
        ),
        Transition("reopen", "Reopen", EDITOR, {APPROVED: IN_ANALYSIS, ARCHIVED: IN_ANALYSIS}),
        Transition(
            "archive",
            "Archive",
            EDITOR,
            {NEW: ARCHIVED, IN_ANALYSIS: ARCHIVED, IN_REVIEW: ARCHIVED, APPROVED: ARCHIVED},
        ),
        Transition(
            "assign",
            "Assign",
            EDITOR,
            {NEW: IN_ANALYSIS, IN_ANALYSIS: IN_ANALYSIS, IN_REVIEW: IN_REVIEW},
            needs_assignee=True,
        ),
    )
}


def transitions_from(status: str, roles: frozenset) -> list[Transition]:
    """The transitions the given roles may take from `status`, in table order (before per-item checks)."""
    return [t for t in TRANSITIONS.values() if status in t.moves and t.role in roles]


def states_where(action: str) -> frozenset:
    """The states from which `action` can be taken (for queues listing items awaiting it)."""
    return TRANSITIONS[action].from_states
