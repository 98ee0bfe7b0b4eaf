"""Handover pages. Thin: parse, authorise through selectors and services, render.

A record outside the user's area answers 404 (the selectors do not return it); a province office reads
but does not write (403); an officer of the district who is neither party cannot sign (403)."""

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

from cdd_portal.accounts.scoping import keeps_registry, registry_district, scope_of
from cdd_portal.audit.selectors import history_of
from cdd_portal.files import services as file_services
from cdd_portal.web import add_errors, back_to
from funds import kinds
from funds.handovers import filters, forms, selectors, services
from funds.handovers.models import ChecklistItem, Handover

PAGE_SIZE = 25
ACTIVE = "handovers"
PDF_FORMAT = [("pdf", gettext_lazy("พิมพ์บันทึกการส่งมอบ (PDF)"))]


def _handover(request, pk: int) -> Handover:
    return get_object_or_404(selectors.handovers_for(request.user), pk=pk)


def _keeper(request, handover: Handover) -> None:
    if not keeps_registry(request.user, handover.district_id):
        raise PermissionDenied


def _messages_of(exc: ValidationError) -> list[str]:
    return [m for msgs in (exc.message_dict.values() if hasattr(exc, "error_dict") else [exc.messages])
            for m in msgs]


@login_required
@require_safe
def handover_list(request):
    if scope_of(request.user).level == "none":
        raise PermissionDenied
    flt = filters.HandoverFilter(request.GET, selectors.handovers_for(request.user), request=request)
    qs = selectors.with_lines(flt.qs).order_by("-date", "-id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "funds/handovers/handover_list.html", {
        "page": page, "filters": flt, "query": flt.query_string, "params": request.GET, "active": ACTIVE,
        "may_create": registry_district(request.user) is not None,
        "reads_log": selectors.reads_reveal_log(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    kind = request.GET.get("kind") or request.POST.get("kind") or Handover.Kind.OFFICER
    if kind not in Handover.Kind.values:
        kind = Handover.Kind.OFFICER
    form_class = forms.OfficerHandoverForm if kind == Handover.Kind.OFFICER else forms.CommitteeHandoverForm
    initial = {"outgoing_user": request.user.pk} if kind == Handover.Kind.OFFICER else {}
    form = form_class(request.POST or None, user=request.user, district_code=district_code, initial=initial)
    if request.method == "POST" and form.is_valid():
        create_fn = (services.create_officer_handover if kind == Handover.Kind.OFFICER
                     else services.create_committee_handover)
        try:
            handover = create_fn(request.user, district=district_code, today=timezone.localdate(),
                                 **form.service_kwargs())
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการส่งมอบแล้ว"))
            return redirect("handovers:detail", pk=handover.pk)
    return render(request, "funds/handovers/handover_form.html", {
        "form": form, "kind": kind, "kind_label": Handover.Kind(kind).label, "active": ACTIVE})


@login_required
@require_safe
def detail(request, pk: int):
    handover = _handover(request, pk)
    may_edit = keeps_registry(request.user, handover.district_id)
    return render(request, "funds/handovers/handover_detail.html", {
        "handover": handover, **selectors.record_page(handover), "may_edit": may_edit,
        "editable": may_edit and handover.status == Handover.Status.PENDING,
        "my_side": services.may_sign(request.user, handover),
        "scans": file_services.attachments_of(handover, services.SCAN_FILE),
        "receipt_form": forms.ReceiptForm(), "cancel_form": forms.CancelForm(), "scan_form": forms.ScanForm(),
        "export_params": [("handover", handover.pk)], "export_formats": PDF_FORMAT,
        "history": history_of(handover)[:100], "active": ACTIVE})


@login_required
@require_POST
def checklist(request, pk: int):
    handover = _handover(request, pk)
    _keeper(request, handover)
    values = {}
    for item in ChecklistItem.objects.filter(line__handover=handover):
        prefix = f"item-{item.pk}-"
        values[item.pk] = {"received": request.POST.get(prefix + "received") == "1",
                           "complete": request.POST.get(prefix + "complete") == "1",
                           "note": request.POST.get(prefix + "note", "")}
    try:
        changed = services.update_checklist(request.user, handover, values)
    except ValidationError as exc:
        for m in _messages_of(exc):
            messages.error(request, m)
    else:
        messages.success(request, _("บันทึกรายการตรวจรับแล้ว") if changed else _("ไม่มีรายการที่เปลี่ยนแปลง"))
    return redirect("handovers:detail", pk=handover.pk)


@login_required
@require_POST
def sign(request, pk: int):
    handover = _handover(request, pk)
    try:
        handover = services.sign(request.user, handover)
    except ValidationError as exc:
        for m in _messages_of(exc):
            messages.error(request, m)
    else:
        if handover.status == Handover.Status.SIGNED:
            messages.success(request, _("ลงนามครบทั้งสองฝ่ายแล้ว บันทึกนี้ปิดการแก้ไข"))
        else:
            messages.success(request, _("ลงนามแล้ว รออีกฝ่ายลงนาม"))
    return redirect("handovers:detail", pk=handover.pk)


@login_required
@require_POST
def upload_scan(request, pk: int):
    handover = _handover(request, pk)
    _keeper(request, handover)
    form = forms.ScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_scan(request.user, handover, form.cleaned_data["file"])
        except ValidationError as exc:
            for m in _messages_of(exc):
                messages.error(request, m)
        else:
            messages.success(request, _("แนบไฟล์แล้ว"))
    else:
        for errors in form.errors.values():
            for m in errors:
                messages.error(request, m)
    return redirect("handovers:detail", pk=handover.pk)


@login_required
@require_POST
def confirm(request, pk: int):
    handover = _handover(request, pk)
    _keeper(request, handover)
    try:
        services.confirm(request.user, handover)
    except ValidationError as exc:
        for m in _messages_of(exc):
            messages.error(request, m)
    else:
        messages.success(request, _("ยืนยันการส่งมอบแล้ว บันทึกนี้ปิดการแก้ไข"))
    return redirect("handovers:detail", pk=handover.pk)


@login_required
@require_POST
def cancel(request, pk: int):
    handover = _handover(request, pk)
    _keeper(request, handover)
    form = forms.CancelForm(request.POST)
    if form.is_valid():
        try:
            services.cancel(request.user, handover, reason=form.cleaned_data["cancel_reason"])
        except ValidationError as exc:
            for m in _messages_of(exc):
                messages.error(request, m)
        else:
            messages.success(request, _("ยกเลิกบันทึกแล้ว (ยังเปิดดูได้ในประวัติ)"))
    else:
        messages.error(request, _("กรุณาระบุเหตุที่ยกเลิก"))
    return redirect("handovers:detail", pk=handover.pk)


@login_required
@require_POST
def receive_item(request, pk: int):
    item = get_object_or_404(selectors.items_for(request.user), pk=pk)
    handover = item.line.handover
    _keeper(request, handover)
    form = forms.ReceiptForm(request.POST)
    if form.is_valid():
        try:
            services.receive_item(request.user, item, today=timezone.localdate(), **form.cleaned_data)
        except ValidationError as exc:
            for m in _messages_of(exc):
                messages.error(request, m)
        else:
            messages.success(request, _("บันทึกการรับมอบเพิ่มเติมแล้ว"))
    else:
        for errors in form.errors.values():
            for m in errors:
                messages.error(request, m)
    return back_to(request, "handovers:detail", handover.pk)


@login_required
@require_POST
def assign(request, kind_code: str, fund_id: int):
    """The first responsible officer of a fund (from the fund panel)."""
    kind = kinds.get(kind_code)
    if kind is None:
        raise Http404
    fund = get_object_or_404(selectors.visible_funds(request.user, kind), pk=fund_id)
    district_code = services.fund_district(kind, fund)
    if not keeps_registry(request.user, district_code):
        raise PermissionDenied
    form = forms.AssignForm(request.POST, district_code=district_code)
    if form.is_valid():
        try:
            services.assign(request.user, kind_code=kind_code, fund_id=fund.pk, **form.cleaned_data)
        except ValidationError as exc:
            for m in _messages_of(exc):
                messages.error(request, m)
        else:
            messages.success(request, _("บันทึกเจ้าหน้าที่ผู้รับผิดชอบแล้ว"))
    else:
        for errors in form.errors.values():
            for m in errors:
                messages.error(request, m)
    return back_to(request, "handovers:mine")


@login_required
@require_safe
def mine(request):
    """The funds the user is responsible for now, and the handovers that name them."""
    if scope_of(request.user).level == "none":
        raise PermissionDenied
    pending = (selectors.handovers_for(request.user).filter(status=Handover.Status.PENDING)
               .filter(outgoing_user=request.user) | selectors.handovers_for(request.user)
               .filter(status=Handover.Status.PENDING, incoming_user=request.user))
    return render(request, "funds/handovers/mine.html", {
        "funds": selectors.funds_of(request.user), "pending": pending.order_by("-date", "-id")[:50],
        "active": ACTIVE})


@login_required
@require_safe
def pdpa_log(request):
    """Who opened whose whole national ID, when: the district head for the district, administrators all."""
    qs = selectors.reveal_log(request.user)
    q = (request.GET.get("q") or "").strip()
    district = (request.GET.get("district") or "").strip()
    if q:
        qs = qs.filter(username__icontains=q) | qs.filter(object_repr__icontains=q)
    if district and selectors.is_administrator(request.user):
        qs = qs.filter(district_code=district)
    page = Paginator(qs.order_by("-at", "-id"), 50).get_page(request.GET.get("page"))
    query = "&".join(f"{k}={v}" for k, v in (("q", q), ("district", district)) if v)
    return render(request, "funds/handovers/pdpa_log.html", {
        "page": page, "q": q, "district": district, "query": query,
        "is_admin": selectors.is_administrator(request.user), "active": ACTIVE})
