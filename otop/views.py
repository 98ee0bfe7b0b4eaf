"""OTOP and occupational-group pages. Thin: parse, find the record through a scoped selector (404
outside the user's area), ask the scoping predicates what the user may do (403 otherwise), call a
service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cdd_portal.accounts.scoping import (
    approves_otop_registration,
    certifies_otop_registration,
    is_administrator,
    keeps_registry,
    oversees_districts,
    registry_district,
    restrict,
    scope_of,
    sees_whole_province,
)
from cdd_portal.audit.selectors import history_of
from cdd_portal.files.models import Attachment
from cdd_portal.geo.models import District, Province
from cdd_portal.lists.registry import page_actions
from cdd_portal.thai import ThaiParseError, fiscal_year, parse_integer, to_thai_digits
from cdd_portal.web import add_errors, back_to
from otop import selectors, services
from otop.filters import (
    ClusterFilter,
    OccupationGroupFilter,
    ProducerFilter,
    ProductFilter,
    RegistrationFilter,
)
from otop.forms import (
    ChampionResultForm,
    ClusterForm,
    CommitteeForm,
    GroupForm,
    PhotoForm,
    ProducerForm,
    ProductForm,
    PromoteForm,
    ReturnForm,
    RulesFileForm,
    StandardForm,
    ThresholdForm,
)
from otop.models import (
    OccupationGroup,
    Producer,
    ProducerRegistration,
    Product,
    ProductChampionResult,
    ProductStandard,
)

PAGE_SIZE = 25
ACTIVE = "otop"
EXPORT_FORMATS = [("xlsx", gettext_lazy("ส่งออก Excel (.xlsx)")), ("pdf", gettext_lazy("ส่งออก PDF"))]


def _render(request, template: str, context: dict, status: int = 200):
    """Every OTOP page: its sub-menu says what the user's office does here."""
    context.setdefault("active", ACTIVE)
    context["otop_nav"] = {"oversees": oversees_districts(request.user),
                           "keeps": registry_district(request.user) is not None,
                           "administers": is_administrator(request.user)}
    return render(request, template, context, status=status)


def _in_scope(request) -> None:
    if scope_of(request.user).level == "none":
        raise PermissionDenied


def _page(request, qs):
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


def _may_keep(request, district_code: str) -> None:
    if not keeps_registry(request.user, district_code):
        raise PermissionDenied


def _list(request, filters, qs, template: str, list_name: str, **context):
    active_only = request.GET.get("inactive") != "1"
    if active_only:
        qs = qs.filter(is_active=True)
    return _render(request, template, {
        "page": _page(request, qs), "filters": filters, "query": filters.query_string, "params": request.GET,
        "active": ACTIVE, "can_create": registry_district(request.user) is not None,
        **page_actions(request.user, list_name, filters, **({"is_active": "true"} if active_only else {})), **context})


@login_required
def index(request):
    _in_scope(request)
    return redirect("otop:producer-list")


# --- producers ----------------------------------------------------------------------------------------

@login_required
def producer_list(request):
    _in_scope(request)
    filters = ProducerFilter(request.GET, selectors.producers_for(request.user), request=request)
    qs = filters.qs.order_by("district_id", "name")
    return _list(request, filters, qs, "otop/producer_list.html", "otop-producers")


def _producer_initial(producer: Producer) -> dict:
    return {f: getattr(producer, f) for f in ("type", "name", "leader_name", "house_number", "village", "phone",
                                                "email", "community_links", "members", "is_active")}


@login_required
@require_http_methods(["GET", "POST"])
def producer_create(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    form = ProducerForm(request.POST or None, district_code=district_code,
                        initial={"community_links": [Producer.CommunityLink.PRODUCTION]})
    if request.method == "POST" and form.is_valid():
        try:
            producer = services.create_producer(request.user, district=District.objects.get(pk=district_code),
                                                **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึก %(name)s แล้ว") % {"name": producer.name})
            return redirect("otop:producer-detail", pk=producer.pk)
    return _render(request, "otop/producer_form.html", {"form": form, "active": ACTIVE})


@login_required
def producer_detail(request, pk: int):
    producer = get_object_or_404(selectors.producers_for(request.user), pk=pk)
    products = list(producer.products.order_by("-is_active", "name"))
    return _render(request, "otop/producer_detail.html", {
        "producer": producer, "products": products, "may_edit": keeps_registry(request.user, producer.district_id),
        "registrations": producer.registrations.order_by("-year"), "history": history_of(producer)[:50],
        "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def producer_edit(request, pk: int):
    producer = get_object_or_404(selectors.producers_for(request.user), pk=pk)
    _may_keep(request, producer.district_id)
    form = ProducerForm(request.POST or None, district_code=producer.district_id, initial=_producer_initial(producer))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_producer(request.user, producer, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการแก้ไข %(name)s แล้ว") % {"name": producer.name})
            return redirect("otop:producer-detail", pk=producer.pk)
    return _render(request, "otop/producer_form.html", {"form": form, "producer": producer, "active": ACTIVE})


# --- products -----------------------------------------------------------------------------------------

@login_required
def product_list(request):
    _in_scope(request)
    filters = ProductFilter(request.GET, selectors.products_for(request.user), request=request)
    qs = filters.qs.order_by("district_id", "name")
    active_only = request.GET.get("inactive") != "1"
    if active_only:
        qs = qs.filter(is_active=True)
    page = _page(request, qs)
    selectors.with_standards(page.object_list, today=timezone.localdate())
    return _render(request, "otop/product_list.html", {
        "page": page, "filters": filters, "query": filters.query_string, "params": request.GET, "active": ACTIVE,
        "can_create": registry_district(request.user) is not None,
        **page_actions(request.user, "otop-products", filters, **({"is_active": "true"} if active_only else {}))})


@login_required
@require_http_methods(["GET", "POST"])
def product_create(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    initial = {}
    if request.GET.get("producer", "").isdigit():
        initial["producer"] = request.GET["producer"]
    form = ProductForm(request.POST or None, district_code=district_code, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            product = services.create_product(request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึก %(name)s แล้ว") % {"name": product.name})
            return redirect("otop:product-detail", pk=product.pk)
    return _render(request, "otop/product_form.html", {"form": form, "active": ACTIVE})


def _render_product(request, product: Product, *, status: int = 200, **forms):
    may_edit = keeps_registry(request.user, product.district_id)
    context = {
        "product": product, "may_edit": may_edit, "history": history_of(product)[:50], "active": ACTIVE,
        **selectors.product_detail(product, today=timezone.localdate()),
    }
    if may_edit:
        context.update({"standard_form": forms.get("standard_form") or StandardForm(),
                        "result_form": forms.get("result_form") or ChampionResultForm(),
                        "photo_form": forms.get("photo_form") or PhotoForm()})
    return _render(request, "otop/product_detail.html", context, status=status)


def _product(request, pk: int, *, keep: bool = False) -> Product:
    product = get_object_or_404(selectors.products_for(request.user).select_related("producer__village"), pk=pk)
    if keep:
        _may_keep(request, product.district_id)
    return product


@login_required
def product_detail(request, pk: int):
    return _render_product(request, _product(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def product_edit(request, pk: int):
    product = _product(request, pk, keep=True)
    initial = {f: getattr(product, f) for f in ("producer", "name", "sub_group", "description", "price", "unit",
                                                "segment", "is_active")}
    form = ProductForm(request.POST or None, district_code=product.district_id, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_product(request.user, product, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการแก้ไข %(name)s แล้ว") % {"name": product.name})
            return redirect("otop:product-detail", pk=product.pk)
    return _render(request, "otop/product_form.html", {"form": form, "product": product, "active": ACTIVE})


def _product_post(request, pk: int, form_class, key: str, call):
    """A form of the product page: on success back to the page, else the page with the form's errors."""
    product = _product(request, pk, keep=True)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            message = call(product, form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, message)
            return redirect("otop:product-detail", pk=product.pk)
    return _render_product(request, product, status=400, **{key: form})


@login_required
@require_POST
def standard_add(request, pk: int):
    def call(product, data):
        services.add_standard(request.user, product, **data)
        return _("บันทึกมาตรฐานแล้ว")
    return _product_post(request, pk, StandardForm, "standard_form", call)


@login_required
@require_POST
def result_add(request, pk: int):
    def call(product, data):
        result = services.record_champion_result(request.user, product, **data)
        return _("บันทึกผลการคัดสรรปี %(year)s แล้ว: %(stars)s ดาว") % {
            "year": to_thai_digits(result.year), "stars": to_thai_digits(result.stars)}
    return _product_post(request, pk, ChampionResultForm, "result_form", call)


@login_required
@require_POST
def photo_add(request, pk: int):
    def call(product, data):
        added = services.add_photos(request.user, product, data["photos"], caption=data["caption"])
        return _("เพิ่มรูปภาพแล้ว %(n)s ภาพ") % {"n": to_thai_digits(len(added))}
    return _product_post(request, pk, PhotoForm, "photo_form", call)


@login_required
@require_POST
def standard_remove(request, pk: int, item: int):
    product = _product(request, pk, keep=True)
    standard = get_object_or_404(ProductStandard, pk=item, product=product)
    services.remove_standard(request.user, standard)
    messages.success(request, _("ลบมาตรฐานแล้ว"))
    return redirect("otop:product-detail", pk=product.pk)


@login_required
@require_POST
def result_remove(request, pk: int, item: int):
    product = _product(request, pk, keep=True)
    result = get_object_or_404(ProductChampionResult, pk=item, product=product)
    services.remove_champion_result(request.user, result)
    messages.success(request, _("ลบผลการคัดสรรแล้ว"))
    return redirect("otop:product-detail", pk=product.pk)


@login_required
@require_POST
def product_file_remove(request, pk: int, item: int):
    """A photo of the product, or a certificate of one of its standards."""
    product = _product(request, pk, keep=True)
    attachment = get_object_or_404(Attachment.objects.select_related("owner_type"), pk=item)
    owner = attachment.owner
    if not (owner == product or (isinstance(owner, ProductStandard) and owner.product_id == product.pk)):
        raise Http404
    services.remove_file(request.user, owner, attachment)
    messages.success(request, _("ลบไฟล์แล้ว"))
    return redirect("otop:product-detail", pk=product.pk)


# --- occupational groups ------------------------------------------------------------------------------

@login_required
def group_list(request):
    _in_scope(request)
    filters = OccupationGroupFilter(request.GET, selectors.groups_for(request.user), request=request)
    qs = filters.qs.order_by("district_id", "name")
    return _list(request, filters, qs, "otop/group_list.html", "occupation-groups")


def _group(request, pk: int, *, keep: bool = False) -> OccupationGroup:
    group = get_object_or_404(selectors.groups_for(request.user), pk=pk)
    if keep:
        _may_keep(request, group.district_id)
    return group


GROUP_INITIAL = ("name", "trade", "village", "founded_on", "members_count", "rules", "fund", "registration_number",
                 "registered_on", "cluster", "is_active")


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    form = GroupForm(request.POST or None, district_code=district_code)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(request.user, district=District.objects.get(pk=district_code),
                                          **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึก %(name)s แล้ว: เพิ่มคณะกรรมการของกลุ่มได้ในหน้านี้") % {"name": group.name})
            return redirect("otop:group-detail", pk=group.pk)
    return _render(request, "otop/group_form.html", {"form": form, "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, pk: int):
    group = _group(request, pk, keep=True)
    form = GroupForm(request.POST or None, district_code=group.district_id,
                     initial={f: getattr(group, f) for f in GROUP_INITIAL})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_group(request.user, group, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการแก้ไข %(name)s แล้ว") % {"name": group.name})
            return redirect("otop:group-detail", pk=group.pk)
    return _render(request, "otop/group_form.html", {"form": form, "group": group, "active": ACTIVE})


def _render_group(request, group: OccupationGroup, *, status: int = 200, **forms):
    may_edit = keeps_registry(request.user, group.district_id)
    context = {"group": group, "may_edit": may_edit, "history": history_of(group)[:50], "active": ACTIVE,
               **selectors.group_detail(group, today=timezone.localdate())}
    if may_edit:
        context.update({"committee_form": forms.get("committee_form") or CommitteeForm(),
                        "rules_form": forms.get("rules_form") or RulesFileForm(),
                        "promote_form": forms.get("promote_form") or PromoteForm(),
                        "promote_errors": forms.get("promote_errors")})
    return _render(request, "otop/group_detail.html", context, status=status)


@login_required
def group_detail(request, pk: int):
    return _render_group(request, _group(request, pk))


def _group_post(request, pk: int, form_class, key: str, call):
    group = _group(request, pk, keep=True)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            message, target = call(group, form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, message)
            return redirect(target)
    extra = {"promote_errors": form.non_field_errors()} if key == "promote_form" else {}
    return _render_group(request, group, status=400, **{key: form}, **extra)


@login_required
@require_POST
def committee_add(request, pk: int):
    def call(group, data):
        member = services.add_committee_member(request.user, group, **data)
        return _("บันทึก%(position)s %(name)s แล้ว") % {"position": member.get_position_display(),
                                                      "name": member.name}, reverse("otop:group-detail", args=[group.pk])
    return _group_post(request, pk, CommitteeForm, "committee_form", call)


@login_required
@require_POST
def committee_remove(request, pk: int, item: int):
    group = _group(request, pk, keep=True)
    member = get_object_or_404(group.committee, pk=item)
    services.remove_committee_member(request.user, member)
    messages.success(request, _("ลบรายชื่อกรรมการแล้ว"))
    return redirect("otop:group-detail", pk=group.pk)


@login_required
@require_POST
def rules_add(request, pk: int):
    def call(group, data):
        services.attach_rules(request.user, group, data["file"], caption=data["caption"])
        return _("แนบไฟล์กติกาของกลุ่มแล้ว"), reverse("otop:group-detail", args=[group.pk])
    return _group_post(request, pk, RulesFileForm, "rules_form", call)


@login_required
@require_POST
def group_file_remove(request, pk: int, item: int):
    group = _group(request, pk, keep=True)
    attachment = get_object_or_404(Attachment.objects.select_related("owner_type"), pk=item)
    if attachment.owner != group:
        raise Http404
    services.remove_file(request.user, group, attachment)
    messages.success(request, _("ลบไฟล์แล้ว"))
    return redirect("otop:group-detail", pk=group.pk)


@login_required
@require_POST
def group_promote(request, pk: int):
    def call(group, data):
        producer = services.promote_to_producer(request.user, group, type=data["type"])
        return (_("«%(name)s» เป็นผู้ผลิต ผู้ประกอบการ OTOP แล้ว: เพิ่มผลิตภัณฑ์ของกลุ่มได้ในหน้านี้") % {"name": producer.name},
                reverse("otop:producer-detail", args=[producer.pk]))
    return _group_post(request, pk, PromoteForm, "promote_form", call)


# --- clusters -----------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def cluster_list(request):
    _in_scope(request)
    district_code = registry_district(request.user)
    form = ClusterForm(request.POST or None) if district_code else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                cluster = services.create_cluster(request.user, district=District.objects.get(pk=district_code),
                                                  **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกคลัสเตอร์ %(name)s แล้ว") % {"name": cluster.name})
                return redirect("otop:cluster-detail", pk=cluster.pk)
    filters = ClusterFilter(request.GET, selectors.clusters_for(request.user), request=request)
    return _render(request, "otop/cluster_list.html", {
        "page": _page(request, filters.qs.order_by("district_id", "name")), "form": form, "params": request.GET,
        "filters": filters, "query": filters.query_string, "active": ACTIVE,
        **page_actions(request.user, "otop-clusters", filters)})


@login_required
@require_http_methods(["GET", "POST"])
def cluster_detail(request, pk: int):
    cluster = get_object_or_404(selectors.clusters_for(request.user), pk=pk)
    may_edit = keeps_registry(request.user, cluster.district_id)
    form = ClusterForm(request.POST or None, initial={"name": cluster.name, "trade": cluster.trade})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.update_cluster(request.user, cluster, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไขแล้ว"))
                return redirect("otop:cluster-detail", pk=cluster.pk)
    groups = cluster.groups.select_related("village__subdistrict").order_by("-is_active", "name")
    return _render(request, "otop/cluster_detail.html", {
        "cluster": cluster, "form": form if may_edit else None, "groups": groups,
        "history": history_of(cluster)[:50], "active": ACTIVE})


# --- the registration round ---------------------------------------------------------------------------

def _year(request, today) -> int:
    try:
        year = parse_integer(request.GET.get("year") or request.POST.get("year") or "")
    except ThaiParseError:  # a missing or unreadable year: this fiscal year
        year = None
    return year if year and services.FIRST_YEAR <= year <= services.LAST_YEAR else fiscal_year(today)


def _chosen_district(request) -> District | None:
    """The district of the registration page: the user's own office's, or one chosen (?district=) inside
    the user's area (404 outside it)."""
    scope = scope_of(request.user)
    code = scope.district_code or request.GET.get("district") or request.POST.get("district")
    if not code:
        return None
    districts = restrict(District.objects.select_related("province"), request.user, district_field=None)
    return get_object_or_404(districts, pk=code, kind=District.Kind.DISTRICT)


@login_required
@require_http_methods(["GET", "POST"])
def registration_district(request):
    """The district's registration list of one year: record every active producer in one click, record
    one again after a return, approve or return the ticked ones (the district head)."""
    _in_scope(request)
    today = timezone.localdate()
    district = _chosen_district(request)
    if district is None:
        return redirect(reverse("otop:registration-province") + f"?year={_year(request, today)}")
    year = _year(request, today)
    may_record = keeps_registry(request.user, district.code)
    may_approve = approves_otop_registration(request.user, district.code)
    return_form = ReturnForm(request.POST if request.POST.get("action") == "return" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        url = reverse("otop:registrations") + f"?year={year}&district={district.code}"
        if action in {"record_all", "record"}:
            if not may_record:
                raise PermissionDenied
            if action == "record_all":
                made, left_out = services.record_all(request.user, district, year)
                messages.success(request, _("บันทึกการลงทะเบียนปี %(year)s แล้ว %(n)s ราย")
                                 % {"year": to_thai_digits(year), "n": to_thai_digits(len(made))})
            else:
                made, left_out = services.record_ticked(request.user, district, year,
                                                        producer_ids=_ticked(request, "producer"),
                                                        registration_ids=_ticked(request, "registration"))
                messages.success(request, _("บันทึกแล้ว %(n)s ราย") % {"n": to_thai_digits(len(made))})
            for line in left_out:
                messages.warning(request, line)
            return redirect(url)
        if action in {"approve", "return"}:
            if not may_approve:
                raise PermissionDenied
            if action == "return" and not return_form.is_valid():
                messages.error(request, _("กรุณาระบุเหตุผลที่ส่งกลับ"))
                return redirect(url)
            chosen = selectors.ticked_registrations(year, _ticked(request, "registration"), district_code=district.code)
            done, refused = services.act_on_many(request.user, chosen, action,
                                                 reason=return_form.cleaned_data["reason"] if action == "return" else "")
            _report(request, action, done, refused)
            return redirect(url)
        raise Http404
    status = request.GET.get("status", "")
    producers = selectors.district_round(district.code, year)
    if status == "none":
        producers = producers.exclude(registrations__year=year)
    elif status in ProducerRegistration.Status.values:
        producers = producers.filter(registrations__year=year, registrations__status=status)
    page = _page(request, producers)
    counts = selectors.round_counts(year, district_codes=[district.code])[district.code]
    query = request.GET.copy()
    query.pop("page", None)
    return _render(request, "otop/registration_district.html", {
        "district": district, "year": year, "page": page, "counts": _count_badges(counts), "status": status,
        "may_record": may_record, "may_approve": may_approve, "return_form": return_form, "query": query.urlencode(),
        "sees_province": oversees_districts(request.user),
        "export_formats": EXPORT_FORMATS,
        "export_params": [("year", year), ("province", district.province_id), ("district", district.code)],
        "active": ACTIVE})


def _ticked(request, name: str) -> list[int]:
    return [int(pk) for pk in request.POST.getlist(name) if pk.isdigit()]


def _report(request, action: str, done: int, refused: list[str]) -> None:
    verb = {"approve": _("อนุมัติแล้ว"), "certify": _("รับรองแล้ว"), "return": _("ส่งกลับแล้ว")}[action]
    if done:
        messages.success(request, _("%(verb)s %(n)s ราย") % {"verb": verb, "n": to_thai_digits(done)})
    elif not refused:
        messages.warning(request, _("ยังไม่ได้เลือกรายการ"))
    for line in refused:
        messages.error(request, line)


def _count_badges(counts: dict[str, int]) -> list[dict]:
    return [{"status": status, "label": label, "n": counts.get(status, 0)}
            for status, label in ProducerRegistration.Status.choices]


def _chosen_province(request) -> str | None:
    """Province staff: their own province; the department: ?province= (None: not chosen yet)."""
    scope = scope_of(request.user)
    if not oversees_districts(request.user):
        raise PermissionDenied
    code = scope.province_code or request.GET.get("province") or request.POST.get("province") or None
    if code is not None and not Province.objects.filter(code=code, in_department=True).exists():
        raise Http404
    if code is not None and not sees_whole_province(request.user, code):
        raise Http404
    return code


@login_required
@require_http_methods(["GET", "POST"])
def registration_province(request):
    """The province's registrations of one year: counts per district, the list, and certifying (or
    returning) the ticked approved ones (the province head)."""
    today = timezone.localdate()
    province = _chosen_province(request)
    year = _year(request, today)
    may_certify = bool(province) and certifies_otop_registration(request.user, province)
    return_form = ReturnForm(request.POST if request.POST.get("action") == "return" else None)
    if request.method == "POST":
        if province is None:
            raise Http404
        action = request.POST.get("action")
        if action not in {"certify", "return"}:
            raise Http404
        if not may_certify:
            raise PermissionDenied
        url = reverse("otop:registration-province") + f"?year={year}&province={province}"
        if action == "return" and not return_form.is_valid():
            messages.error(request, _("กรุณาระบุเหตุผลที่ส่งกลับ"))
            return redirect(url)
        chosen = selectors.ticked_registrations(year, _ticked(request, "registration"), province_code=province)
        done, refused = services.act_on_many(request.user, chosen, action,
                                             reason=return_form.cleaned_data["reason"] if action == "return" else "")
        _report(request, action, done, refused)
        return back_to(request, url)
    context = {"year": year, "province": None, "may_certify": may_certify, "return_form": return_form,
               "active": ACTIVE, "provinces": (Province.objects.filter(in_department=True)
                                               if scope_of(request.user).level == "all" else None)}
    if province:
        districts = list(District.objects.filter(province_id=province, kind=District.Kind.DISTRICT).order_by("code"))
        counts = selectors.round_counts(year, district_codes=[d.code for d in districts])
        data = request.GET.copy()
        data.setdefault("status", ProducerRegistration.Status.APPROVED)
        filters = RegistrationFilter(data, selectors.registrations_for(request.user).filter(
            year=year, producer__district__province_id=province), request=request)
        page = _page(request, filters.qs.order_by("producer__district_id", "producer__name"))
        query = data.copy()
        query.pop("page", None)
        context.update({
            "province": Province.objects.get(code=province), "filters": filters, "page": page,
            "query": query.urlencode(), "params": data,
            "district_counts": [(d, _count_badges(counts[d.code])) for d in districts],
            "export_formats": EXPORT_FORMATS,
            "export_params": [("year", year), ("province", province), ("district", data.get("district", ""))]})
    return _render(request, "otop/registration_province.html", context)


# --- the province page --------------------------------------------------------------------------------

@login_required
def province_summary(request):
    province = _chosen_province(request)
    summary = selectors.otop_summary(province)
    return _render(request, "otop/province.html", {
        **summary, "header": selectors.summary_header(), "active": ACTIVE,
        "provinces": Province.objects.filter(in_department=True) if scope_of(request.user).level == "all" else None,
        "export_formats": EXPORT_FORMATS, "export_params": [("province", province)]})


# --- star thresholds ----------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def thresholds(request):
    _in_scope(request)
    may_edit = is_administrator(request.user)
    form = ThresholdForm(request.POST or None) if may_edit else None
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                changed = services.set_thresholds(request.user, data["year"],
                                                  {n: data[f"min_{n}"] for n in range(1, 6)}, note=data["note"])
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกเกณฑ์ปี %(year)s แล้ว (ปรับระดับดาวของผลการคัดสรร %(n)s รายการ)")
                                 % {"year": to_thai_digits(data["year"]), "n": to_thai_digits(changed)})
                return redirect("otop:thresholds")
    return _render(request, "otop/thresholds.html", {"years": selectors.thresholds_by_year(), "form": form})
