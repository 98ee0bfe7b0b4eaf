"""Report pages: the district's forms and periods, the submission page (fill, save, submit; the
province approves, returns or reopens), the province's review queue and the completeness grid."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cdd_portal.accounts.models import Office
from cdd_portal.accounts.scoping import fills_reports_of, oversees_districts, scope_of
from cdd_portal.geo import selectors as geo_selectors
from cdd_portal.thai import fiscal_year, to_thai_digits
from cdd_portal.web import back_to
from reports import schema as engine
from reports import selectors, services, webforms
from reports.models import FormDefinition, Period, Submission
from reports.services import table_import

PAGE_SIZE = 30


def _forms_to_fill(user, year: int, level: str, forms: list[FormDefinition]) -> list[dict]:
    """The current forms that the user's office fills (district or province level), each with its
    periods of the year and the office's submission for each, if started."""
    forms = [f for f in forms if f.office_level == level and year in f.fiscal_years]
    periods = services.ensure_periods(forms, year)
    mine = {(s.form_id, s.period_id): s for s in selectors.submissions_for(user).filter(
        period__fiscal_year=year, form__office_level=level, office__level=level)}
    return [{"form": f, "periods": [{"period": p, "submission": mine.get((f.pk, p.pk))} for p in periods[f.pk]]}
            for f in forms]


@login_required
def index(request):
    scope = scope_of(request.user)
    if scope.level == "none":
        raise PermissionDenied
    year = int(request.GET.get("fiscal_year") or fiscal_year(date.today()))
    if not oversees_districts(request.user):  # a district office: the forms it fills
        return render(request, "reports/district_index.html", {
            "rows": _forms_to_fill(request.user, year, Office.Level.DISTRICT, selectors.current_forms()), "year": year,
            "active": "reports"})
    qs = selectors.submissions_for(request.user).filter(period__fiscal_year=year)
    if scope.level == "province":  # its own reports are in the list above the queue (the department reviews them)
        qs = selectors.submissions_to_review(request.user).filter(period__fiscal_year=year)
    for field, lookup in (("form", "form__code"), ("status", "status"), ("district", "office__district_id"),
                          ("period", "period_id")):
        if request.GET.get(field):
            qs = qs.filter(**{lookup: request.GET[field]})
    page = Paginator(qs.order_by("period__start", "office__code"), PAGE_SIZE).get_page(request.GET.get("page"))
    forms = selectors.current_forms()
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "reports/queue.html", {
        "page": page, "year": year, "forms": forms, "statuses": Submission.Status.choices,
        "active": "reports", "params": request.GET, "query": query.urlencode(),
        "own_rows": (_forms_to_fill(request.user, year, Office.Level.PROVINCE, forms)
                     if fills_reports_of(request.user, request.user.office) else []),
    })


@login_required
@require_POST
def open_submission(request, period_pk: int):
    period = get_object_or_404(Period.objects.select_related("form"), pk=period_pk)
    submission = services.open_submission(request.user, period.form, period)
    return redirect("reports:submission", pk=submission.pk)


def _render_submission(request, submission, *, data=None, errors=None, status=200, saved=False, options=None):
    data = submission.data if data is None else data
    options = selectors.reference_options(submission) if options is None else options
    return render(request, "reports/submission.html", {
        "submission": submission,
        "sections": webforms.page_sections(submission.form.schema, data, errors or [], options=options,
                                           advice=engine.advice(submission.form.schema, data)),
        "errors": errors or [],
        "rights": services.permissions(request.user, submission),
        "has_prefill": engine.has_prefill(submission.form.schema),
        "may_grant_exception": services.may_grant_lock_exception(request.user, submission),
        "events": submission.events.select_related("user").order_by("-at")[:50],
        "export_formats": [("pdf", _("พิมพ์ PDF")), ("xlsx", _("ส่งออก Excel (.xlsx)"))],
        "export_params": [("submission", submission.pk)],
        "attachment_targets": webforms.attachment_targets(submission.form.schema, submission.data),
        "attachments": submission.attachments.all(),
        "import_sections": table_import.importable_sections(submission.form.schema),
        "active": "reports",
        # the server has what was typed: the browser's safety copy can go
        "just_saved": saved or request.GET.get("saved") == "1",
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def submission_page(request, pk: int):
    submission = get_object_or_404(selectors.submissions_for(request.user), pk=pk)
    if request.method == "GET":  # the drop-downs' ids are the ones the check accepts: read them once
        options = selectors.reference_options(submission)
        _clean, errors = (engine.validate_data(submission.form.schema, submission.data,
                                                        references=selectors.references(submission, options))
                          if submission.data else (None, []))
        return _render_submission(request, submission, errors=errors, options=options)
    action = request.POST.get("action", "save")
    try:
        if action in {"save", "submit", "refill"}:
            data = webforms.post_to_data(submission.form.schema, request.POST)
            try:
                submission, errors = services.save_draft(request.user, submission, data,
                                                         version=int(request.POST.get("version", 0)),
                                                         signer_name=request.POST.get("signer_name"),
                                                         signer_position=request.POST.get("signer_position"))
            except services.VersionConflict as exc:
                messages.error(request, " ".join(exc.messages))
                submission.signer_name = request.POST.get("signer_name", submission.signer_name)  # shown, not saved
                submission.signer_position = request.POST.get("signer_position", submission.signer_position)
                return _render_submission(request, submission, data=data, status=409)
            if action == "refill":  # what was typed is saved first, then the registries' values come in
                submission, errors = services.refill(request.user, submission, version=submission.version)
                messages.success(request, _("เติมข้อมูลจากทะเบียนอีกครั้งแล้ว ข้อมูลที่กรอกเองยังอยู่ ตรวจทานก่อนส่ง"))
                return _render_submission(request, submission, errors=errors, saved=True)
            if action == "submit" and not errors:
                submission = services.submit(request.user, submission, signer_name=request.POST.get("signer_name", ""),
                                             signer_position=request.POST.get("signer_position", ""))
                messages.success(request, _("ส่งรายงานแล้ว"))
            elif errors:
                messages.warning(request, _("บันทึกฉบับร่างแล้ว แต่ยังมี %(n)s ช่องที่ต้องแก้ก่อนส่ง") % {"n": len(errors)})
                return _render_submission(request, submission, errors=errors, saved=True)
            else:
                messages.success(request, _("บันทึกฉบับร่างแล้ว"))
        elif action == "approve":
            services.approve(request.user, submission)
            messages.success(request, _("อนุมัติรายงานแล้ว"))
        elif action == "return":
            services.return_submission(request.user, submission, reason=request.POST.get("reason", ""))
            messages.success(request, _("ส่งกลับให้%(office)sแก้ไขแล้ว") % {"office": submission.office.name_th})
        elif action == "lock_exception":
            from cdd_portal.thai import ThaiParseError, parse_be_date

            try:
                until = parse_be_date(request.POST.get("until", ""))
            except ThaiParseError as exc:
                raise ValidationError(str(exc)) from exc
            services.grant_lock_exception(request.user, submission.period, submission.office, until)
            messages.success(request, _("เปิดให้%(office)sแก้ไขรอบนี้ได้ถึงวันที่ %(d)s แล้ว")
                             % {"office": submission.office.name_th, "d": request.POST.get("until")})
        elif action == "reopen":
            services.reopen(request.user, submission, reason=request.POST.get("reason", ""))
            messages.success(request, _("เปิดรายงานให้แก้ไขแล้ว"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:submission", pk=submission.pk)
    return redirect(reverse("reports:submission", args=[submission.pk]) + "?saved=1")


@login_required
def completeness(request, form_pk: int):
    """Districts × periods of one form and fiscal year, with counts per state (province view)."""
    if not oversees_districts(request.user):
        raise PermissionDenied
    scope = scope_of(request.user)
    form = get_object_or_404(FormDefinition, pk=form_pk)
    year = int(request.GET.get("fiscal_year") or fiscal_year(date.today()))
    province = scope.province_code or request.GET.get("province")
    grid = selectors.completeness(form, year, province, today=date.today()) if province else None
    national = (selectors.national_completeness(form, year, today=date.today())
                if scope.level == "all" and not province else None)
    return render(request, "reports/completeness.html", {
        "form": form, "year": year, "grid": grid, "national": national, "province": province,
        "active": "reports", "provinces": geo_selectors.provinces() if scope.level == "all" else None})


@login_required
@require_POST
def bulk_approve(request):
    """Approve the ticked submissions of the queue; each one is checked and moved on its own."""
    ids = [int(pk) for pk in request.POST.getlist("submission") if pk.isdigit()]
    approved, refused = 0, []
    for submission in selectors.submissions_for(request.user).filter(pk__in=ids):
        try:
            services.approve(request.user, submission)
            approved += 1
        except (PermissionDenied, ValidationError) as exc:
            refused.append(f"{submission.office.name_th}: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
    if approved:
        messages.success(request, _("อนุมัติแล้ว %(n)s รายงาน") % {"n": approved})
    for line in refused:
        messages.error(request, line)
    return back_to(request, "reports:index")


@login_required
def consolidated(request, period_pk: int):
    """The province's consolidated report of one form and period (the nation's for the department)."""
    if not oversees_districts(request.user):
        raise PermissionDenied
    scope = scope_of(request.user)
    period = get_object_or_404(Period.objects.select_related("form"), pk=period_pk)
    province = scope.province_code or request.GET.get("province") or None
    data = selectors.consolidation(period, province_code=province)
    return render(request, "reports/consolidated.html", {
        **data, "province": province, "active": "reports",
        "export_formats": [("pdf", _("พิมพ์ PDF")), ("xlsx", _("ส่งออก Excel (.xlsx)"))],
        "export_params": [("period", period.pk), ("province", province)],
    })


@login_required
@require_POST
def attach(request, pk: int):
    submission = get_object_or_404(selectors.submissions_for(request.user), pk=pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("กรุณาเลือกไฟล์ที่จะแนบ"))
    else:
        try:
            section, row, column = (request.POST.get("target", "") + "||").split("|")[:3]
            services.attach(request.user, submission, section=section, row=row, column=column, upload=upload)
            messages.success(request, _("แนบไฟล์ %(name)s แล้ว") % {"name": upload.name})
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("reports:submission", pk=submission.pk)


@login_required
def attachment(request, pk: int, attachment_pk: int):
    from cdd_portal.files.services import serve

    submission = get_object_or_404(selectors.submissions_for(request.user), pk=pk)
    return serve(get_object_or_404(submission.attachments, pk=attachment_pk))


@login_required
@require_POST
def import_table(request, pk: int):
    """Fill a table of the draft from a workbook: written only when every row is clean; otherwise the
    page lists each bad row with its reason and nothing changes."""
    submission = get_object_or_404(selectors.submissions_for(request.user), pk=pk)
    upload = request.FILES.get("file")
    section = request.POST.get("section", "")
    if upload is None:
        messages.error(request, _("กรุณาเลือกไฟล์ Excel (.xlsx) ที่จะนำเข้า"))
        return redirect("reports:submission", pk=submission.pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = submission.version
    try:
        result, saved = table_import.apply(request.user, submission, section, upload, version=version)
    except services.VersionConflict as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:submission", pk=submission.pk)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:submission", pk=submission.pk)
    if saved is None:
        return render(request, "reports/table_import.html", {
            "submission": submission, "result": result, "file_name": upload.name, "active": "reports"})
    messages.success(request, _("นำเข้าจากไฟล์แล้ว %(n)s แถว ตรวจทานก่อนส่งรายงาน") % {
        "n": to_thai_digits(str(len(result.rows)))})
    return redirect(reverse("reports:submission", args=[submission.pk]) + "?saved=1")


@login_required
def import_template(request, pk: int, section: str):
    submission = get_object_or_404(selectors.submissions_for(request.user), pk=pk)
    try:
        content = table_import.template(submission, section)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:submission", pk=submission.pk)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{submission.form.code}-{section}.xlsx"'
    return response
