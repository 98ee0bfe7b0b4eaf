"""Pages of the governance assessments. Thin: parse, authorise through selectors and services, render.

Records outside the user's area answer 404 (the selectors do not return them); a province office reads
but does not write (403); indicator sets are edited by administrators only (403 for everyone else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cdd_portal.accounts.scoping import (
    KEEP,
    is_administrator,
    keeps_registry,
    oversees_districts,
    registry_district,
    scope_of,
    sees_whole_province,
)
from cdd_portal.audit.selectors import history_of
from cdd_portal.geo import selectors as geo_selectors
from cdd_portal.geo.models import District, Province, Village
from cdd_portal.thai import fiscal_year
from funds import kinds
from funds.assessments import filters, forms, selectors, services
from funds.assessments.models import Assessment, IndicatorSet

PAGE_SIZE = 25
EXPORT_FORMATS = [("pdf", gettext_lazy("พิมพ์ PDF")), ("xlsx", gettext_lazy("ส่งออก Excel (.xlsx)"))]
ACTIVE = "fund-assessments"


def _today():
    return timezone.localdate()


def _errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _sees_something(request) -> None:
    if scope_of(request.user).level == "none":
        raise PermissionDenied


def _administrator(request) -> None:
    if not is_administrator(request.user):
        raise PermissionDenied


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# --- assessments ---------------------------------------------------------------------------------------

@login_required
@require_safe
def index(request):
    _sees_something(request)
    filterset = filters.AssessmentFilter(request.GET or None, queryset=selectors.assessments_for(request.user),
                                         request=request)
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    page = _page(request, queryset.order_by("-fiscal_year", "district_id", "fund_name", "round", "id"))
    return render(request, "funds/assessments/assessment_list.html", {
        "page": page, "filter": filterset, "active": ACTIVE,
        "can_assess": registry_district(request.user) is not None,
        "oversees": oversees_districts(request.user)})


def _kind_or_404(code: str):
    kind = kinds.get(code)
    if kind is None or code not in selectors.SUMMARY_KINDS:
        raise Http404
    return kind


@login_required
@require_http_methods(["GET", "POST"])
def assess(request):
    """A district office assesses one of its funds: choose the kind, fund, year and round; then the form of
    the year's published indicator set."""
    if registry_district(request.user) is None:
        raise PermissionDenied
    kind_choices = [(k.code, k.label) for k in selectors.assessable_kinds()]
    params = request.GET.copy()
    params.setdefault("kind", kind_choices[0][0] if kind_choices else "")
    params.setdefault("year", str(fiscal_year(_today())))
    params.setdefault("round", str(Assessment.Round.BEFORE))
    kind = kinds.get(params["kind"]) if params["kind"] in dict(kind_choices) else None
    fund_choices = []
    if kind is not None:
        fund_choices = selectors.fund_choices(request.user, kind)
    chooser = forms.FundChoiceForm(params, kind_choices=kind_choices, fund_choices=fund_choices)
    context = {"chooser": chooser, "active": ACTIVE}
    if not chooser.is_valid() or not chooser.cleaned_data.get("fund"):
        return render(request, "funds/assessments/assess.html", context)
    fund = selectors.find_fund(request.user, kind.code, chooser.cleaned_data["fund"], KEEP)
    if fund is None:
        raise Http404
    year, round_ = chooser.cleaned_data["year"], chooser.cleaned_data["round"]
    existing = Assessment.objects.filter(fund_kind=kind.code, fund_id=fund.pk, fiscal_year=year,
                                         round=round_).first()
    if existing is not None:
        messages.info(request, _("บันทึกผลรอบนี้แล้ว แก้ไขได้ที่หน้านี้"))
        return redirect("assessments:edit", pk=existing.pk)
    indicator_set = selectors.current_set(kind.code, year)
    context.update({"fund": fund, "kind": kind, "year": year, "round": Assessment.Round(round_),
                    "indicator_set": indicator_set})
    if indicator_set is None:
        return render(request, "funds/assessments/assess.html", context)
    form = forms.AssessmentForm(request.POST or None, indicator_set=indicator_set,
                                initial={"assessed_on": _today(), "assessor": request.user.get_full_name()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = services.record_assessment(
                request.user, fund_kind=kind.code, fund=fund, fiscal_year=year, round=round_,
                assessed_on=data["assessed_on"], assessor=data["assessor"], results=form.results(),
                level=data.get("level"), note=data.get("note", ""))
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("บันทึกผลการประเมินแล้ว: %(level)s") % {"level": assessment.level_display})
            return redirect("assessments:detail", pk=assessment.pk)
    context["form"] = form
    return render(request, "funds/assessments/assess.html", context)


def _assessment(request, pk: int) -> Assessment:
    return get_object_or_404(selectors.assessments_for(request.user), pk=pk)


@login_required
@require_safe
def detail(request, pk: int):
    assessment = _assessment(request, pk)
    results = selectors.results_of(assessment)
    outcome = services.explain(assessment) if not assessment.indicator_set.level_only else None
    return render(request, "funds/assessments/assessment_detail.html", {
        "assessment": assessment, "results": results, "outcome": outcome,
        "failed": selectors.failed_principles(results), "comparison": selectors.comparison(assessment),
        "others": selectors.fund_assessments(assessment.fund_kind, assessment.fund_id).exclude(pk=assessment.pk),
        "can_edit": keeps_registry(request.user, assessment.district_id),
        "history": history_of(assessment), "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    assessment = _assessment(request, pk)
    if not keeps_registry(request.user, assessment.district_id):
        raise PermissionDenied
    form = forms.AssessmentForm(request.POST or None, indicator_set=assessment.indicator_set,
                                initial=forms.AssessmentForm.initial_from(assessment))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_assessment(request.user, assessment, assessed_on=data["assessed_on"],
                                       assessor=data["assessor"], results=form.results(), level=data.get("level"),
                                       note=data.get("note", ""))
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("แก้ไขผลการประเมินแล้ว"))
            return redirect("assessments:detail", pk=assessment.pk)
    return render(request, "funds/assessments/assess.html", {
        "form": form, "assessment": assessment, "indicator_set": assessment.indicator_set,
        "fund": None, "kind": assessment.kind, "year": assessment.fiscal_year,
        "round": Assessment.Round(assessment.round), "active": ACTIVE})


# --- indicator sets ----------------------------------------------------------------------------------------

@login_required
@require_safe
def set_list(request):
    _sees_something(request)
    sets = selectors.indicator_sets()
    kind = request.GET.get("kind")
    if kind:
        sets = sets.filter(fund_kind=kind)
    return render(request, "funds/assessments/set_list.html", {
        "page": _page(request, sets), "kinds": kinds.choices(), "kind": kind, "query": f"kind={kind}" if kind else "",
        "is_admin": is_administrator(request.user), "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def set_create(request):
    _administrator(request)
    form = forms.IndicatorSetForm(request.POST or None, initial={"fiscal_year": fiscal_year(_today())})
    if request.method == "POST" and form.is_valid():
        try:
            indicator_set = services.create_set(request.user, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("สร้างชุดตัวชี้วัดแล้ว กรอกตัวชี้วัดและเกณฑ์ระดับต่อได้เลย"))
            return redirect("assessments:set-detail", pk=indicator_set.pk)
    return render(request, "funds/assessments/set_form.html", {"form": form, "active": ACTIVE})


def _set(pk: int) -> IndicatorSet:
    return get_object_or_404(IndicatorSet, pk=pk)


def _set_page(request, indicator_set, *, rows=None, rules=None, status=200):
    editable = is_administrator(request.user) and not indicator_set.is_published
    if editable and rows is None and not indicator_set.level_only:
        start = (indicator_set.indicators.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        rows = forms.indicator_rows()(prefix="rows", initial=[{"number": start + n} for n in range(5)])
    if editable and rules is None:
        rules = forms.RuleRows(prefix="rules", initial=forms.rule_initial(indicator_set))
    return render(request, "funds/assessments/set_detail.html", {
        "set": indicator_set, "indicators": indicator_set.indicators.select_related("principle"),
        "rules": indicator_set.rules.all(), "rows": rows, "rule_rows": rules, "editable": editable,
        "is_admin": is_administrator(request.user), "used": indicator_set.assessments.count(),
        "newer": IndicatorSet.objects.filter(fund_kind=indicator_set.fund_kind, fiscal_year=indicator_set.fiscal_year,
                                             version__gt=indicator_set.version).order_by("version"),
        "history": history_of(indicator_set), "active": ACTIVE}, status=status)


@login_required
@require_safe
def set_detail(request, pk: int):
    _sees_something(request)
    return _set_page(request, _set(pk))


@login_required
@require_http_methods(["GET", "POST"])
def set_edit(request, pk: int):
    _administrator(request)
    indicator_set = _set(pk)
    if indicator_set.is_published:
        raise PermissionDenied
    form = forms.IndicatorSetForm(request.POST or None, editing=True, initial={
        "title": indicator_set.title, "level_only": indicator_set.level_only, "source_note": indicator_set.source_note})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_set(request.user, indicator_set, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            return redirect("assessments:set-detail", pk=indicator_set.pk)
    return render(request, "funds/assessments/set_form.html", {"form": form, "set": indicator_set, "active": ACTIVE})


@login_required
@require_POST
def set_indicators(request, pk: int):
    _administrator(request)
    indicator_set = _set(pk)
    rows = forms.indicator_rows()(request.POST, prefix="rows")
    if rows.is_valid():
        typed = [f.cleaned_data for f in rows.forms if f.has_changed()]
        try:
            services.add_indicators(request.user, indicator_set, typed)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("เพิ่มตัวชี้วัด %(n)s ข้อแล้ว") % {"n": len(typed)})
            return redirect("assessments:set-detail", pk=indicator_set.pk)
    return _set_page(request, indicator_set, rows=rows, status=400)


@login_required
@require_POST
def set_rules(request, pk: int):
    _administrator(request)
    indicator_set = _set(pk)
    rules = forms.RuleRows(request.POST, prefix="rules", initial=forms.rule_initial(indicator_set),
                           form_kwargs={"empty_permitted": False})
    if rules.is_valid():
        typed = [f.cleaned_data for f in rules.forms if f.cleaned_data.get("used")]
        try:
            services.set_rules(request.user, indicator_set, typed)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("บันทึกเกณฑ์ระดับแล้ว"))
            return redirect("assessments:set-detail", pk=indicator_set.pk)
    return _set_page(request, indicator_set, rules=rules, status=400)


@login_required
@require_POST
def set_publish(request, pk: int):
    _administrator(request)
    indicator_set = _set(pk)
    try:
        services.publish(request.user, indicator_set)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("ประกาศใช้ชุดตัวชี้วัดแล้ว"))
    return redirect("assessments:set-detail", pk=indicator_set.pk)


@login_required
@require_POST
def set_new_version(request, pk: int):
    _administrator(request)
    indicator_set = _set(pk)
    try:
        copy = services.new_version(request.user, indicator_set)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("assessments:set-detail", pk=indicator_set.pk)
    messages.success(request, _("สร้างฉบับที่ %(v)s (ร่าง) จากฉบับที่ประกาศใช้แล้ว") % {"v": copy.version})
    return redirect("assessments:set-detail", pk=copy.pk)


# --- แม่ของแผ่นดิน fund villages ------------------------------------------------------------------------

@login_required
@require_safe
def mother_list(request):
    _sees_something(request)
    filterset = filters.MotherFundFilter(request.GET or None, queryset=selectors.mother_funds_for(request.user),
                                         request=request)
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    page = _page(request, queryset.order_by("district_id", "village__subdistrict_id", "village__number", "id"))
    return render(request, "funds/assessments/mother_list.html", {
        "page": page, "filter": filterset, "can_add": registry_district(request.user) is not None,
        "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def mother_create(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    district = District.objects.get(pk=district_code)
    villages = (Village.objects.filter(subdistrict__district=district, mother_fund_villages__isnull=True)
                .select_related("subdistrict").order_by("subdistrict_id", "number"))
    form = forms.MotherFundForm(request.POST or None, villages=villages)
    if request.method == "POST" and form.is_valid():
        try:
            fund = services.create_mother_fund(request.user, district=district, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, _("บันทึกหมู่บ้านกองทุนแม่ของแผ่นดินแล้ว"))
            return redirect("assessments:mother-detail", pk=fund.pk)
    return render(request, "funds/assessments/mother_form.html", {"form": form, "district": district,
                                                                   "active": ACTIVE})


def _mother(request, pk: int):
    return get_object_or_404(selectors.mother_funds_for(request.user), pk=pk)


@login_required
@require_safe
def mother_detail(request, pk: int):
    fund = _mother(request, pk)
    return render(request, "funds/assessments/mother_detail.html", {
        "fund": fund, "assessments": selectors.fund_assessments("mother_fund", fund.pk),
        "can_edit": keeps_registry(request.user, fund.district_id), "stop_form": forms.StopForm(),
        "history": history_of(fund), "year": fiscal_year(_today()), "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def mother_edit(request, pk: int):
    fund = _mother(request, pk)
    if not keeps_registry(request.user, fund.district_id):
        raise PermissionDenied
    form = forms.MotherFundForm(request.POST or None, editing=True,
                                initial={"year_joined": fund.year_joined, "note": fund.note})
    if request.method == "POST" and form.is_valid():
        services.update_mother_fund(request.user, fund, **form.cleaned_data)
        messages.success(request, _("บันทึกการแก้ไขแล้ว"))
        return redirect("assessments:mother-detail", pk=fund.pk)
    return render(request, "funds/assessments/mother_form.html", {"form": form, "fund": fund, "active": ACTIVE})


@login_required
@require_POST
def mother_stop(request, pk: int):
    fund = _mother(request, pk)
    if not keeps_registry(request.user, fund.district_id):
        raise PermissionDenied
    form = forms.StopForm(request.POST)
    if form.is_valid():
        try:
            services.stop_mother_fund(request.user, fund, on=form.cleaned_data["on"],
                                      reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("บันทึกการหยุดดำเนินการแล้ว"))
            return redirect("assessments:mother-detail", pk=fund.pk)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("assessments:mother-detail", pk=fund.pk)


# --- the summary (seed 004 §3.1) ------------------------------------------------------------------------

@login_required
@require_safe
def summary(request):
    """Per district of a province (a province office: its own; the department: ?province=34), or the nation by
    province (the department)."""
    if not oversees_districts(request.user):
        raise PermissionDenied
    scope = scope_of(request.user)
    code = scope.province_code or request.GET.get("province") or None
    if code is not None and not Province.objects.filter(code=code, in_department=True).exists():
        raise Http404
    if not sees_whole_province(request.user, code):
        raise PermissionDenied
    today = _today()
    form = forms.SummaryForm(request.GET or None, initial={"year": fiscal_year(today)})
    year = (form.cleaned_data.get("year") if form.is_bound and form.is_valid() else None) or fiscal_year(today)
    data = selectors.summary(code, year, today=today)
    for row in [*data["rows"], data["total"]]:
        row.ordered = [row.cells[c["code"]] for c in data["columns"]]
    return render(request, "funds/assessments/summary.html", {
        **data, "code": code, "year": year, "form": form, "active": ACTIVE,
        "provinces": geo_selectors.provinces().order_by("code") if scope.level == "all" else None,
        "export_formats": EXPORT_FORMATS, "export_params": [("province", code), ("year", year)]})
