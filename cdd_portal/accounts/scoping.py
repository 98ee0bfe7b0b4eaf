"""Who may see and do what: the one vocabulary of permissions (design.md §5). Every selector scopes
through `restrict`, and every rule about who may act is one of the named predicates below; views,
forms, templates and services call them and never re-derive a rule from roles or office levels.

A user sees what their office covers: a district office its own district, a province office the
districts of its province, the department and administrators everything. A user with no office or
no role sees nothing (fail closed). Writes are narrower than reads:

- «a district office keeps its own registry» (villages, savings groups, the service centre, OTOP…):
  `keeps_registry`, `registry_district`, ``restrict(…, KEEP)``; administrators may correct any;
- «the staff of an office fill its reports»: `fills_reports_of`;
- «who reviews an office's reports»: the province office reviews its districts' reports, and «a
  province office's own reports go to the department» (an administrator): `reviews_reports_of`,
  `reviewing_level`, ``restrict(…, REVIEW)``;
- «province decisions» (allocating, opening registers): `can_manage_province`;
- «province-wide documents» (registers, consolidations, summaries): `sees_whole_province`;
- «administrators»: `is_administrator`;
- personal data (PDPA): a whole national ID number only for the district office that keeps the record
  (`reveals_personal_data`); everyone else, administrators included, sees it masked;
- the annual OTOP registration round: the district head approves what the district office recorded
  (`approves_otop_registration`), the province head certifies (`certifies_otop_registration`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from cdd_portal.accounts.models import DEPARTMENT_ROLES, DISTRICT_ROLES, PROVINCE_ROLES, Office, Role

VIEW = "view"  # what the user's office covers
KEEP = "keep"  # registry rows the user may write: the own district's; administrators everything
REVIEW = "review"  # report rows the user reviews: a province its districts', the department the provinces' own
ACTIONS = (VIEW, KEEP, REVIEW)


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


def restrict(queryset: QuerySet, user, action: str = VIEW, *, district_field: str | None,
             province_field: str | None = None) -> QuerySet:
    """Filter `queryset` to the rows `user` may see (VIEW), write as a registry keeper (KEEP) or review
    (REVIEW). `district_field` is the lookup path to a District (``None`` when the queryset is of
    districts themselves). `province_field`, the path to a Province, is for rows that may belong to a
    province without a district (a province office's own budget line or report); by default the
    province is the district's. For REVIEW, a row without a district is a province office's own.

    Example: ``restrict(Village.objects.all(), user, district_field="subdistrict__district")``.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    scope = scope_of(user)
    prefix = f"{district_field}__" if district_field else ""
    province_path = f"{province_field}_id" if province_field else f"{prefix}province_id"
    if action == KEEP:
        if is_administrator(user):
            return queryset
        if scope.level == "district":
            return queryset.filter(**{f"{prefix}pk": scope.district_code})
        return queryset.none()
    if action == REVIEW:
        if scope.level == "province" and user.role in PROVINCE_ROLES:
            return queryset.filter(**{province_path: scope.province_code, f"{district_field}__isnull": False})
        if is_administrator(user):
            return queryset.filter(**{f"{district_field}__isnull": True})
        return queryset.none()
    if scope.level == "all":
        return queryset
    if scope.level == "province":
        return queryset.filter(**{province_path: scope.province_code})
    if scope.level == "district":
        return queryset.filter(**{f"{prefix}pk": scope.district_code})
    return queryset.none()


# --- named predicates ---------------------------------------------------------------------------------

def is_administrator(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.role == Role.ADMINISTRATOR


def keeps_registry(user, district_code: str) -> bool:
    """A district office keeps its own registries (villages, groups, the centre, OTOP); administrators
    may correct any. Province and department staff read them."""
    if is_administrator(user):
        return True
    scope = scope_of(user)
    return scope.level == "district" and scope.district_code == district_code


def sees_district(user, district_code: str | None) -> bool:
    """The user's office covers this district (reading its registries)."""
    return bool(district_code) and scope_of(user).covers_district(district_code)


def reveals_personal_data(user, district_code: str) -> bool:
    """A whole national ID (PDPA): only the staff of the district office that keeps the record need it
    (to match a contract or a passbook). Province, department and administrators see it masked."""
    scope = scope_of(user)
    return (scope.level == "district" and scope.district_code == district_code
            and user.role in DISTRICT_ROLES)


def registry_district(user) -> str | None:
    """The district whose registries the user adds to from the pages (their own district office's), or
    None: provinces and the department read registries, they do not add to them."""
    scope = scope_of(user)
    if scope.level == "district" and keeps_registry(user, scope.district_code):
        return scope.district_code
    return None


def oversees_districts(user) -> bool:
    """Province offices and the department: the review queue, completeness grids, consolidations and
    province summaries are theirs."""
    return scope_of(user).level in {"province", "all"}


def can_manage_province(user, province_code: str | None) -> bool:
    """Province decisions (allocating, opening registers) belong to the province office's staff and
    head for their own province, and to administrators."""
    if is_administrator(user):
        return True
    scope = scope_of(user)
    return (province_code is not None and scope.level == "province" and scope.province_code == province_code
            and user.role in PROVINCE_ROLES)


def sees_whole_province(user, province_code: str | None) -> bool:
    """Province-wide documents: the department, or that province's office (`None`: the nation)."""
    return scope_of(user).sees_whole_province(province_code)


def acts_for_office(user, office: Office) -> bool:
    """The office's own business (spending its allocation): a district office's staff for a district
    office, the province office's staff for a province office; administrators for any."""
    if office.level == Office.Level.DISTRICT:
        return keeps_registry(user, office.district_id)
    return can_manage_province(user, office.province_id)


def fills_reports_of(user, office: Office) -> bool:
    """The staff of an office fill its reports: a district office's officers and head, or for a
    province-level form the province office's staff and head."""
    if office is None:
        return False
    scope = scope_of(user)
    if office.level == Office.Level.PROVINCE:
        return scope.level == "province" and user.role in PROVINCE_ROLES and office.province_id == scope.province_code
    return scope.level == "district" and user.role in DISTRICT_ROLES and office.district_id == scope.district_code


def reviewing_level(office: Office) -> str:
    """Who reviews an office's reports: its province office, or for a province office's own reports the
    department."""
    return Office.Level.DEPARTMENT if office.level == Office.Level.PROVINCE else Office.Level.PROVINCE


def reviews_reports_of(user, office: Office) -> bool:
    """Approve, return, reopen, grant lock exceptions: the province office for its districts' reports,
    the department (an administrator) for a province office's own."""
    if reviewing_level(office) == Office.Level.DEPARTMENT:
        return is_administrator(user)
    return can_manage_province(user, office.province_id)


def approves_otop_registration(user, district_code: str) -> bool:
    """The annual OTOP registration: the district head (พัฒนาการอำเภอ) approves what the district office
    recorded; administrators may act for them."""
    if is_administrator(user):
        return True
    scope = scope_of(user)
    return scope.level == "district" and scope.district_code == district_code and user.role == Role.DISTRICT_HEAD


def certifies_otop_registration(user, province_code: str) -> bool:
    """The province head (พัฒนาการจังหวัด, signing for the governor) certifies the districts' approved
    registrations; administrators may act for them."""
    if is_administrator(user):
        return True
    scope = scope_of(user)
    return scope.level == "province" and scope.province_code == province_code and user.role == Role.PROVINCE_HEAD


def audits_personal_data(user, district_code: str | None) -> bool:
    """The log of whole national IDs opened (PDPA `reveal` entries): the district head (พัฒนาการอำเภอ) for
    their own district, administrators for every district (`None`: all of them)."""
    if is_administrator(user):
        return True
    scope = scope_of(user)
    return (district_code is not None and scope.level == "district" and scope.district_code == district_code
            and user.role == Role.DISTRICT_HEAD)
