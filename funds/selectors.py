"""Reads of the savings-group registry, scoped to the user's office."""

from django.db.models import Q, QuerySet

from cdd_portal.accounts.scoping import restrict
from funds.models import SavingsGroup


def groups_for(user) -> QuerySet[SavingsGroup]:
    qs = SavingsGroup.objects.select_related("district__province", "village__subdistrict")
    return restrict(qs, user, district_field="district")


def search(qs: QuerySet[SavingsGroup], text: str) -> QuerySet[SavingsGroup]:
    text = " ".join((text or "").split())
    if not text:
        return qs
    return qs.filter(Q(name__icontains=text) | Q(village__name_th__icontains=text)
                     | Q(village__subdistrict__name_th__icontains=text))


def active_groups_of(district_code: str) -> QuerySet[SavingsGroup]:
    """The groups a new report of the district lists (report forms' group references)."""
    return (SavingsGroup.objects.filter(district_id=district_code, is_active=True)
            .select_related("village").order_by("name"))
