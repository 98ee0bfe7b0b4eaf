from django.contrib import admin

from funds.models import SavingsGroup


@admin.register(SavingsGroup)
class SavingsGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "village", "founded_on", "is_active"]
    list_filter = ["is_active", "district__province"]
    search_fields = ["name", "district__name_th"]
    raw_id_fields = ["district", "village"]
