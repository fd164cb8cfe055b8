from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from monitoring.core.admin import HistoryAdmin, ListFieldsAdminMixin, list_text, truncated
from monitoring.review.admin import CoverageAdminMixin, ReadOnlyAdminMixin, bulk_apply
from monitoring.review.services import quote_confirm, quote_reject, role_confirm, role_reject

from .models import Organization, OrganizationMention, Person, PersonAlias, Quote, Role
from .services import person_merge


class ArticleQuoteInline(CoverageAdminMixin, admin.TabularInline):
    """Quotes on the article page; the speaker is shown, and changed on the quote's own page. It fits the page: the
    text is shortened (whole in its title and on the quote's page), cue and channel take narrow inputs."""

    model = Quote
    extra = 0
    can_delete = False  # rejected, never deleted: the decision stays on record
    fields = ("speaker_label", "kind", "text_short", "cue", "channel", "status")
    readonly_fields = ("speaker_label", "text_short")  # the text is the quote's span of the body, changed on its page
    show_change_link = True
    classes = ("quote-inline",)

    class Media:
        css = {"all": ("css/admin.css",)}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("cue", "channel"):
            field.widget.attrs.update({"size": 12, "class": "narrow"})
        return field

    @admin.display(description="text")
    def text_short(self, obj):
        return truncated(obj.text, 160)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="speaker")
    def speaker_label(self, obj):
        return obj.speaker_label


class ArticleRoleInline(CoverageAdminMixin, admin.TabularInline):
    model = Role
    extra = 0
    can_delete = False  # rejected, never deleted: the decision stays on record
    fields = ("person", "title", "organization", "status")
    readonly_fields = ("person", "organization")
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "organization")

    def has_add_permission(self, request, obj=None):
        return False


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0
    fields = ("name",)


class PersonRoleInline(ReadOnlyAdminMixin, admin.TabularInline):
    """A person's roles across articles, each changed on its own page under its article's rules."""

    model = Role
    extra = 0
    fields = ("article", "title", "organization", "status")
    readonly_fields = ("article", "organization")
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "article", "organization")


class PersonQuoteInline(ReadOnlyAdminMixin, admin.TabularInline):
    """A person's quotes across articles, each changed on its own page under its article's rules."""

    model = Quote
    extra = 0
    fields = ("article", "kind", "text", "status")
    readonly_fields = ("article", "kind", "text")
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "article")


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ("name", "country", "quote_count", "last_quoted")
    list_select_related = ("country",)
    list_filter = (("country", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name", "aliases__name", "description")
    autocomplete_fields = ("country",)
    fields = ("name", "country", "description")
    inlines = (PersonAliasInline, PersonRoleInline, PersonQuoteInline)
    actions = ("merge_persons",)

    def get_queryset(self, request):
        return super().get_queryset(request).with_stats()

    @admin.display(ordering="quote_count", description="quotes")
    def quote_count(self, obj):
        return obj.quote_count

    @admin.display(ordering="last_quoted", description="last quoted")
    def last_quoted(self, obj):
        return obj.last_quoted

    @admin.action(description="Merge selected persons into one", permissions=["change"])
    def merge_persons(self, request, queryset):
        persons = list(queryset.order_by("-quote_count", "name"))
        if len(persons) < 2:
            self.message_user(request, "Select at least two persons to merge.", messages.WARNING)
            return None
        survivor_id = request.POST.get("survivor")
        if survivor_id is None:
            context = {
                **self.admin_site.each_context(request),
                "persons": persons,
                "opts": self.model._meta,
                "title": "Merge persons",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/people/person/merge.html", context)
        survivor = next((p for p in persons if str(p.pk) == survivor_id), None)
        if survivor is None:
            self.message_user(request, "Choose which person to keep.", messages.ERROR)
            return None
        try:
            person_merge(survivor=survivor, others=persons, user=request.user)
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return None
        self.message_user(request, f"Merged {len(persons) - 1} person(s) into {survivor.name}.", messages.SUCCESS)
        return None


@admin.register(Organization)
class OrganizationAdmin(ListFieldsAdminMixin, admin.ModelAdmin):
    list_display = ("name", "kind", "country", "alias_list")
    list_select_related = ("country",)
    list_filter = ("kind", ("country", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "aliases")
    autocomplete_fields = ("country",)
    fields = ("name", "kind", "country", "aliases")
    list_fields = ("aliases",)

    @admin.display(description="aliases")
    def alias_list(self, obj):
        return truncated(list_text(obj.aliases), 60)


@admin.register(Role)
class RoleAdmin(CoverageAdminMixin, HistoryAdmin):
    list_display = ("person", "title", "organization", "article", "status")
    list_select_related = ("person", "organization", "article")
    list_filter = ("status", "organization__kind")
    search_fields = ("title", "person__name", "organization__name")
    autocomplete_fields = ("person", "article", "organization")
    actions = ("confirm_roles", "reject_roles")

    @admin.action(description="Confirm selected roles", permissions=["view"])
    def confirm_roles(self, request, queryset):
        bulk_apply(self, request, queryset, "Confirm", lambda role: role_confirm(role=role, user=request.user))

    @admin.action(description="Reject selected roles", permissions=["view"])
    def reject_roles(self, request, queryset):
        bulk_apply(self, request, queryset, "Reject", lambda role: role_reject(role=role, user=request.user))


@admin.register(Quote)
class QuoteAdmin(CoverageAdminMixin, HistoryAdmin):
    list_display = ("text_short", "speaker_label", "kind", "status", "article")
    list_select_related = ("speaker", "article")
    list_filter = ("status", "kind", "article__outlet")
    search_fields = ("text", "speaker__name", "group")
    autocomplete_fields = ("speaker", "article")
    fields = ("article", "speaker", "group", "kind", "text", "start", "end", "cue", "channel", "status")
    actions = ("confirm_quotes", "reject_quotes")

    # Decisions go through the review services, which check the article is in analysis with this user.
    @admin.action(description="Confirm selected quotes", permissions=["view"])
    def confirm_quotes(self, request, queryset):
        bulk_apply(self, request, queryset, "Confirm", lambda quote: quote_confirm(quote=quote, user=request.user))

    @admin.action(description="Reject selected quotes", permissions=["view"])
    def reject_quotes(self, request, queryset):
        bulk_apply(self, request, queryset, "Reject", lambda quote: quote_reject(quote=quote, user=request.user))

    @admin.display(description="text")
    def text_short(self, obj):
        return truncated(obj.text, 100)

    @admin.display(description="speaker")
    def speaker_label(self, obj):
        return obj.speaker_label


@admin.register(OrganizationMention)
class OrganizationMentionAdmin(CoverageAdminMixin, admin.ModelAdmin):
    list_display = ("organization", "article", "count")
    list_select_related = ("organization", "article")
    autocomplete_fields = ("organization", "article")
