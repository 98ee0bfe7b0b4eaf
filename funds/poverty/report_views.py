"""Pages of the กข.คจ. reports: the table on screen as of a day, and buttons that ask the document pipeline
for the PDF and XLSX of the same report. Thin: parse, authorise (404 outside the user's area), render.

A district office sees its own district; a province office its province and its districts; the department
every province."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from cdd_portal.accounts.scoping import scope_of, sees_district, sees_whole_province
from cdd_portal.geo.models import District, Province
from cdd_portal.thai import thai_date
from cdd_portal.thai.forms import BEDateField
from funds.poverty import documents, reports
from funds.poverty.selectors import funds_for

ACTIVE = "poverty"
DEBTORS_PAGE = 50
DATABASE_PAGE = 100
EXPORT_FORMATS = [("pdf", gettext_lazy("พิมพ์ PDF")), ("xlsx", gettext_lazy("ส่งออก Excel (.xlsx)"))]


class AsOfForm(forms.Form):
    on = BEDateField(label=gettext_lazy("ข้อมูล ณ วันที่ (พ.ศ.)"), required=False)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_on(self):
        day = self.cleaned_data.get("on") or self.today
        if day > self.today:
            raise forms.ValidationError(_("วันที่ข้อมูลต้องไม่เกินวันนี้ (%(d)s)") % {"d": thai_date(self.today)})
        return day


def _as_of(request) -> tuple[AsOfForm, date]:
    """The as-of day the page asks for (today when none or when what was typed is wrong: the form says why
    and keeps what was typed)."""
    today = timezone.localdate()
    form = AsOfForm(request.GET, today=today)
    return form, (form.cleaned_data["on"] if form.is_valid() else today)


def _district(request, code: str) -> District:
    district = get_object_or_404(District.objects.select_related("province"), code=code)
    if not sees_district(request.user, district.code):
        raise Http404
    return district


def _province(request, code: str) -> Province:
    province = get_object_or_404(Province, code=code, in_department=True)
    if not sees_whole_province(request.user, province.code):
        raise Http404
    return province


def _page(request, template: str, sheet, form, *, kind: str, params: list, **extra):
    return render(request, f"funds/poverty/reports/{template}", {
        "sheet": sheet, "form": form, "active": ACTIVE, "kind": kind, "export_formats": EXPORT_FORMATS,
        "export_params": params, "may_see_province": False, **extra})


@login_required
@require_safe
def index(request):
    """The user's own reports: a district its แบบ ๒๖(๑), a province its แบบ ๒๖(๒), the department a choice of
    provinces."""
    scope = scope_of(request.user)
    if scope.level == "district":
        return redirect("poverty_reports:district", code=scope.district_code)
    if scope.level == "province":
        return redirect("poverty_reports:province", code=scope.province_code)
    if scope.level != "all":
        raise PermissionDenied
    return render(request, "funds/poverty/reports/index.html", {
        "active": ACTIVE, "provinces": Province.objects.filter(in_department=True).order_by("name_th")})


@login_required
@require_safe
def district(request, code: str):
    """แบบ ๒๖(๑): the villages of a district."""
    district = _district(request, code)
    form, as_of = _as_of(request)
    sheet = documents.district_sheet(district, as_of,
                                     link=lambda row: reverse("poverty_reports:village", args=[row.fund_id]))
    return _page(request, "district.html", sheet, form, kind="poverty-26-1", district=district,
                 params=[("district", district.code), ("on", as_of.isoformat())], as_of=as_of,
                 may_see_province=sees_whole_province(request.user, district.province_id))


@login_required
@require_safe
def province(request, code: str):
    """แบบ ๒๖(๒): the districts of a province."""
    province = _province(request, code)
    form, as_of = _as_of(request)
    query = f"?on={request.GET['on']}" if form.is_valid() and request.GET.get("on") else ""
    sheet = documents.province_sheet(
        province, as_of, link=lambda row: reverse("poverty_reports:district", args=[row.code]) + query)
    return _page(request, "province.html", sheet, form, kind="poverty-26-2", province=province, as_of=as_of,
                 params=[("province", province.code), ("on", as_of.isoformat())])


@login_required
@require_safe
def database(request, code: str):
    """The ข้อ ๒๗ village database of a province (or one of its districts), a page of villages at a time."""
    province = _province(request, code)
    form, as_of = _as_of(request)
    districts = list(District.objects.filter(province=province, kind=District.Kind.DISTRICT).order_by("name_th"))
    chosen = request.GET.get("district") or ""
    district = next((d for d in districts if d.code == chosen), None)
    if chosen and district is None:
        raise Http404
    sheet = documents.database_sheet(province, as_of, district=district, page=request.GET.get("page") or 1,
                                     per_page=DATABASE_PAGE)
    query = "&".join(f"{k}={v}" for k, v in (("on", request.GET.get("on", "")), ("district", chosen)) if v)
    return _page(request, "database.html", sheet, form, kind="poverty-database", province=province, as_of=as_of,
                 districts=districts, chosen=chosen, page=sheet.page, query=query,
                 params=[("province", province.code), ("district", chosen), ("on", as_of.isoformat())])


@login_required
@require_safe
def village(request, pk: int):
    """แบบรายงานภาวะหนี้สินฐานะการเงิน of one village fund."""
    fund = get_object_or_404(funds_for(request.user), pk=pk)
    form, as_of = _as_of(request)
    sheet = documents.village_debt_sheet(fund, as_of)
    return _page(request, "village.html", sheet, form, kind="poverty-village-debt", fund=fund, as_of=as_of,
                 params=[("fund", fund.pk), ("on", as_of.isoformat())])


@login_required
@require_safe
def debtors(request, code: str):
    """The district's debtors (ลูกหนี้ค้างชำระ), a page at a time; ?only=overdue or defaulted narrows them."""
    district = _district(request, code)
    form, as_of = _as_of(request)
    only = request.GET.get("only", "")
    if only not in ("", *reports.DEBTOR_FILTERS):
        only = ""
    page = Paginator(reports.debtors(district.code, as_of, only=only), DEBTORS_PAGE).get_page(request.GET.get("page"))
    sheet = documents.debtors_sheet(district, as_of, only=only, loans=list(page.object_list),
                                    start=page.start_index())
    query = "&".join(f"{k}={v}" for k, v in (("on", request.GET.get("on", "")), ("only", only)) if v)
    return _page(request, "debtors.html", sheet, form, kind="poverty-debtors", district=district, as_of=as_of,
                 only=only, choices=documents.DEBTOR_ONLY, page=page, query=query,
                 params=[("district", district.code), ("on", as_of.isoformat()), ("only", only)])
