"""The one scoping function every selector uses (design.md §5).

A user sees what their office covers: a district office its own district, a province office the
districts of its province, the department and administrators everything. A user with no office or
no role sees nothing. Writes are narrower than reads: see `can_edit_district`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from cdd_portal.accounts.models import DEPARTMENT_ROLES, DISTRICT_ROLES, PROVINCE_ROLES, Role


@dataclass(frozen=True)
class Scope:
    level: str  # "all", "province", "district" or "none"
    province_code: str | None = None
    district_code: str | None = None

    def sees_whole_province(self, province_code: str | None) -> bool:
        """Province-wide documents (registers, consolidations): the department, or that province's office.
        `None` is the nation, which only the department sees."""
        if self.level == "all":
            return True
        return self.level == "province" and province_code is not None and province_code == self.province_code

    def covers_district(self, district_code: str) -> bool:
        if self.level == "all":
            return True
        if self.level == "province":
            return district_code[:2] == self.province_code
        if self.level == "district":
            return district_code == self.district_code
        return False


NOTHING = Scope("none")


def scope_of(user) -> Scope:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return Scope("all")
    office = user.office
    if office is None or not user.role:
        return NOTHING
    if user.role in DEPARTMENT_ROLES and office.level == office.Level.DEPARTMENT:
        return Scope("all")
    if user.role in PROVINCE_ROLES and office.level == office.Level.PROVINCE:
        return Scope("province", province_code=office.province_id)
    if user.role in DISTRICT_ROLES and office.level == office.Level.DISTRICT:
        return Scope("district", province_code=office.province_id, district_code=office.district_id)
    return NOTHING


def restrict(queryset: QuerySet, user, *, district_field: str | None, province_field: str | None = None) -> QuerySet:
    """Filter `queryset` to what `user` may see; `district_field` is the lookup path to a District
    (``None`` when the queryset is of districts themselves). `province_field`, the path to a Province,
    is for rows that may belong to a province without a district (a province office's own budget line);
    by default the province is the district's.

    Example: ``restrict(Village.objects.all(), user, district_field="subdistrict__district")``.
    """
    scope = scope_of(user)
    if scope.level == "all":
        return queryset
    prefix = f"{district_field}__" if district_field else ""
    if scope.level == "province":
        path = f"{province_field}_id" if province_field else f"{prefix}province_id"
        return queryset.filter(Q(**{path: scope.province_code}))
    if scope.level == "district":
        return queryset.filter(Q(**{f"{prefix}pk": scope.district_code}))
    return queryset.none()


def is_administrator(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.role == Role.ADMINISTRATOR


def can_manage_province(user, province_code: str) -> bool:
    """Province decisions (allocating, approving, lock exceptions) belong to the province office's staff
    and head for their own province, and to administrators."""
    if is_administrator(user):
        return True
    scope = scope_of(user)
    return scope.level == "province" and scope.province_code == province_code and user.role in PROVINCE_ROLES


def can_edit_district(user, district_code: str) -> bool:
    """District registries are kept by the district's own office; administrators may correct them."""
    if is_administrator(user):
        return True
    scope = scope_of(user)
    return scope.level == "district" and scope.district_code == district_code
