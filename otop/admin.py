from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from otop import services
from otop.models import (
    Cluster,
    CommitteeMember,
    OccupationGroup,
    Producer,
    ProducerRegistration,
    Product,
    ProductChampionResult,
    ProductStandard,
    StarThreshold,
)


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "district", "leader_name", "is_active"]
    list_filter = ["type", "is_active", "district__province"]
    search_fields = ["name", "leader_name", "district__name_th"]
    raw_id_fields = ["district", "village", "from_group"]


class StandardInline(admin.TabularInline):
    model = ProductStandard
    extra = 0
    fields = ["standard", "certificate_number", "issued_on", "expires_on"]


class ResultInline(admin.TabularInline):
    model = ProductChampionResult
    extra = 0
    fields = ["year", "score", "stars", "stars_by_hand"]
    readonly_fields = ["stars", "stars_by_hand"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["name", "producer", "district", "sub_group", "latest_stars", "segment", "is_active"]
    list_filter = ["category", "latest_stars", "segment", "is_active", "district__province"]
    search_fields = ["name", "producer__name"]
    raw_id_fields = ["producer"]
    readonly_fields = ["district", "latest_stars", "latest_champion_year"]
    inlines = [StandardInline, ResultInline]


class CommitteeInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0


@admin.register(OccupationGroup)
class OccupationGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "trade", "district", "members_count", "cluster", "is_active"]
    list_filter = ["is_active", "district__province"]
    search_fields = ["name", "trade", "district__name_th"]
    raw_id_fields = ["district", "village", "cluster"]
    inlines = [CommitteeInline]


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "trade", "district"]
    search_fields = ["name", "trade", "district__name_th"]
    raw_id_fields = ["district"]


class StarThresholdForm(forms.ModelForm):
    class Meta:
        model = StarThreshold
        fields = ["year", "stars", "min_score", "note"]

    def clean(self):
        data = super().clean()
        if {"year", "stars", "min_score"} <= set(data):
            others = {t.stars: t.min_score for t in StarThreshold.objects.filter(year=data["year"])
                      .exclude(pk=self.instance.pk)}
            try:
                services.check_thresholds(data["year"], {**others, data["stars"]: data["min_score"]})
            except ValidationError as exc:
                raise ValidationError(exc.messages) from exc
        return data


@admin.register(StarThreshold)
class StarThresholdAdmin(admin.ModelAdmin):
    """Thresholds are data kept by administrators; a change re-computes the year's computed results."""

    form = StarThresholdForm
    list_display = ["year", "stars", "min_score", "note"]
    list_filter = ["year"]

    def save_model(self, request, obj, form, change):
        services.save_threshold(request.user, obj)

    def delete_model(self, request, obj):
        try:
            services.delete_threshold(request.user, obj)
        except ValidationError as exc:  # results of that year would lose their stars: nothing deleted
            self.message_user(request, " ".join(exc.messages), level=messages.ERROR)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(ProducerRegistration)
class ProducerRegistrationAdmin(admin.ModelAdmin):
    """The round moves only through its pages (who approves and certifies is checked there)."""

    list_display = ["producer", "year", "status", "recorded_at", "approved_at", "certified_at"]
    list_filter = ["year", "status"]
    search_fields = ["producer__name"]
    raw_id_fields = ["producer"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
