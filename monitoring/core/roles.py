"""The team's roles (auth groups) and the model permissions each one holds.

Kept as data so a migration can (re)apply it whenever an app adds models.
"""

CONTENT_MODELS = [
    "articles.article",
    "articles.outlet",
    "articles.countrymention",
    "photos.photo",
    "people.person",
    "people.personalias",
    "people.organization",
    "people.role",
    "people.quote",
    "people.organizationmention",
    "codebook.taggedarticle",
]
CODEBOOK_MODELS = ["codebook.tag", "core.country"]
REVIEW_MODELS = ["review.annotation", "review.annotationcomment", "review.workflowevent"]
INTAKE_MODELS = ["intake.importjob", "intake.importjobfile", "intake.feed", "intake.feedentry"]
# django-axes' login throttling records: deleting an access attempt unlocks that username/address pair.
LOGIN_ATTEMPT_MODELS = ["axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"]

ANALYST, REVIEWER, EDITOR = "Analyst", "Reviewer", "Editor"


def _perms(models, actions):
    for model in models:
        app_label, name = model.split(".")
        for action in actions:
            yield app_label, f"{action}_{name}"


ROLE_PERMISSIONS = {
    ANALYST: [
        *_perms(CONTENT_MODELS + CODEBOOK_MODELS + REVIEW_MODELS + INTAKE_MODELS, ["view"]),
        *_perms(CONTENT_MODELS, ["add", "change"]),
        *_perms(["review.annotation"], ["add", "change", "delete"]),
        *_perms(["codebook.taggedarticle", "photos.photo", "people.personalias"], ["delete"]),
    ],
    REVIEWER: [
        *_perms(CONTENT_MODELS + CODEBOOK_MODELS + REVIEW_MODELS + INTAKE_MODELS, ["view"]),
        *_perms(["review.annotationcomment"], ["add"]),
    ],
    EDITOR: [
        *_perms(CONTENT_MODELS + CODEBOOK_MODELS + REVIEW_MODELS, ["view", "add", "change", "delete"]),
        *_perms(INTAKE_MODELS, ["view"]),
        *_perms(["intake.feed"], ["add", "change", "delete"]),
        *_perms(LOGIN_ATTEMPT_MODELS, ["view"]),
        *_perms(["axes.accessattempt"], ["delete"]),
    ],
}


def roles_sync(apps, schema_editor=None) -> None:
    """Create the role groups and give each its permissions; permissions of models not yet migrated are skipped."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in wanted:
            perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if perm is not None:
                group.permissions.add(perm)
