"""กข.คจ. pages. Thin: parse, authorise through selectors and services, render.

Records outside the user's area answer 404 (the selectors do not return them); a province office reads
but does not write (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cdd_portal.accounts.scoping import keeps_registry, registry_district, scope_of
from cdd_portal.audit.selectors import history_of
from cdd_portal.geo.models import District
from cdd_portal.lists.registry import page_actions
from cdd_portal.web import add_errors
from funds.poverty import filters, forms, selectors, services
from funds.poverty.models import Decision, Loan, VillageFund

PAGE_SIZE = 25
ACTIVE = "poverty"


def _today():
    return timezone.localdate()


def _fund(request, pk: int) -> VillageFund:
    return get_object_or_404(selectors.funds_for(request.user), pk=pk)


def _keeper(request, district_code: str) -> None:
    if not keeps_registry(request.user, district_code):
        raise PermissionDenied


def _to_fund(fund_id: int, section: str = ""):
    response = redirect("poverty:fund-detail", pk=fund_id)
    if section:
        response["Location"] += f"#{section}"
    return response


def _form_page(request, *, form, fund, title: str, save, section: str, success: str, extra=None):
    """A one-form page: on a valid POST call `save(cleaned_data)`; a refusal shows on the form (nothing typed
    is lost), success goes back to the fund's section."""
    if request.method == "POST" and form.is_valid():
        try:
            save(dict(form.cleaned_data))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, success)
            return _to_fund(fund.pk, section)
    return render(request, "funds/poverty/form.html", {
        "form": form, "fund": fund, "title": title, "section": section, "active": ACTIVE, **(extra or {})})


# --- the list and the fund ----------------------------------------------------------------------------

@login_required
@require_safe
def fund_list(request):
    if scope_of(request.user).level == "none":
        raise PermissionDenied
    flt = filters.VillageFundFilter(request.GET, selectors.funds_for(request.user), request=request)
    qs = selectors.funds_with_balances(flt.qs, _today()).order_by(
        "district_id", "village__subdistrict__name_th", "village__number")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "funds/poverty/fund_list.html", {
        "page": page, "filters": flt, "query": flt.query_string, "params": request.GET, "active": ACTIVE,
        "can_create": registry_district(request.user) is not None,
        **page_actions(request.user, "poverty-funds", flt)})


@login_required
@require_http_methods(["GET", "POST"])
def fund_create(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    district = District.objects.get(pk=district_code)
    form = forms.FundForm(request.POST or None, district_code=district_code)
    if request.method == "POST" and form.is_valid():
        try:
            fund = services.create_fund(request.user, district=district, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึก%(f)sแล้ว") % {"f": fund})
            return redirect("poverty:fund-detail", pk=fund.pk)
    return render(request, "funds/poverty/form.html", {
        "form": form, "title": _("เพิ่มกองทุน กข.คจ. หมู่บ้าน"), "active": ACTIVE})


@login_required
@require_safe
def fund_detail(request, pk: int):
    fund = _fund(request, pk)
    return render(request, "funds/poverty/fund_detail.html", {
        "fund": fund, **selectors.fund_page(fund, _today()), "active": ACTIVE,
        "may_edit": keeps_registry(request.user, fund.district_id), "history": history_of(fund)[:30]})


@login_required
@require_http_methods(["GET", "POST"])
def fund_edit(request, pk: int):
    fund = _fund(request, pk)
    _keeper(request, fund.district_id)
    form = forms.FundForm(request.POST or None, district_code=fund.district_id, editing=True,
                          initial={f: getattr(fund, f) for f in services.FUND_FIELDS})
    return _form_page(request, form=form, fund=fund, title=_("แก้ไขข้อมูลกองทุน"), section="",
                      save=lambda data: services.update_fund(request.user, fund, **data),
                      success=_("บันทึกการแก้ไขแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def fund_stop(request, pk: int):
    fund = _fund(request, pk)
    _keeper(request, fund.district_id)
    form = forms.StopForm(request.POST or None)
    return _form_page(request, form=form, fund=fund, title=_("ยุติการดำเนินการกองทุน"), section="",
                      save=lambda data: services.stop_fund(request.user, fund, today=_today(), **data),
                      success=_("บันทึกการยุติการดำเนินการแล้ว"))


# --- committee ---------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def member_create(request, pk: int):
    fund = _fund(request, pk)
    _keeper(request, fund.district_id)
    form = forms.MemberForm(request.POST or None)
    return _form_page(request, form=form, fund=fund, title=_("เพิ่มกรรมการ กข.คจ."), section="committee",
                      save=lambda data: services.add_member(request.user, fund, **data),
                      success=_("บันทึกกรรมการแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request, pk: int):
    member = get_object_or_404(selectors.members_for(request.user), pk=pk)
    _keeper(request, member.fund.district_id)
    form = forms.MemberForm(request.POST or None, initial={f: getattr(member, f) for f in services.MEMBER_FIELDS})
    return _form_page(request, form=form, fund=member.fund, title=_("แก้ไขกรรมการ %(n)s") % {"n": member.name},
                      section="committee", save=lambda data: services.update_member(request.user, member, **data),
                      success=_("บันทึกการแก้ไขแล้ว"))


# --- green book --------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def account_create(request, pk: int):
    fund = _fund(request, pk)
    _keeper(request, fund.district_id)
    form = forms.AccountForm(request.POST or None, initial={"name": _("กองทุน กข.คจ. บ้าน%(v)s") % {
        "v": fund.village.name_th}})
    return _form_page(request, form=form, fund=fund, title=_("เพิ่มบัญชีเงินฝากธนาคาร"), section="green",
                      save=lambda data: services.add_account(request.user, fund, **data),
                      success=_("บันทึกบัญชีแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def entry_create(request, pk: int):
    account = get_object_or_404(selectors.accounts_for(request.user), pk=pk)
    _keeper(request, account.fund.district_id)
    form = forms.BankEntryForm(request.POST or None)
    return _form_page(request, form=form, fund=account.fund, section="green",
                      title=_("บันทึกรายการฝาก/ถอน บัญชี %(a)s") % {"a": account},
                      save=lambda data: services.add_bank_entry(request.user, account, today=_today(), **data),
                      success=_("บันทึกรายการแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def entry_cancel(request, pk: int):
    entry = get_object_or_404(selectors.bank_entries_for(request.user), pk=pk)
    _keeper(request, entry.account.fund.district_id)
    form = forms.CancelForm(request.POST or None)
    return _form_page(request, form=form, fund=entry.account.fund, section="green",
                      title=_("ยกเลิกรายการ %(e)s") % {"e": entry},
                      save=lambda data: services.cancel_bank_entry(request.user, entry, today=_today(), **data),
                      success=_("ยกเลิกรายการแล้ว (รายการยังอยู่ในบัญชี)"))


# --- purple book -------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def household_create(request, pk: int):
    fund = _fund(request, pk)
    _keeper(request, fund.district_id)
    form = forms.HouseholdForm(request.POST or None, initial={"members": 1})
    return _form_page(request, form=form, fund=fund, title=_("เพิ่มครัวเรือนเป้าหมาย"), section="purple",
                      save=lambda data: services.add_household(request.user, fund, **data),
                      success=_("บันทึกครัวเรือนเป้าหมายแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def household_edit(request, pk: int):
    household = get_object_or_404(selectors.households_for(request.user), pk=pk)
    _keeper(request, household.fund.district_id)
    form = forms.HouseholdForm(request.POST or None,
                               initial={f: getattr(household, f) for f in services.HOUSEHOLD_FIELDS})
    return _form_page(request, form=form, fund=household.fund, section="purple",
                      title=_("แก้ไขครัวเรือนเป้าหมาย %(h)s") % {"h": household.head_name},
                      save=lambda data: services.update_household(request.user, household, **data),
                      success=_("บันทึกการแก้ไขแล้ว"), extra={"history": history_of(household)[:30]})


@login_required
@require_http_methods(["GET", "POST"])
def household_leave(request, pk: int):
    household = get_object_or_404(selectors.households_for(request.user), pk=pk)
    _keeper(request, household.fund.district_id)
    form = forms.LeaveForm(request.POST or None)
    return _form_page(request, form=form, fund=household.fund, section="purple",
                      title=_("ครัวเรือน %(h)s ออกจากบัญชี") % {"h": household.head_name},
                      save=lambda data: services.household_leaves(request.user, household, today=_today(), **data),
                      success=_("บันทึกแล้ว"))


# --- yellow book: the loan pipeline ------------------------------------------------------------------

def _current_households(fund):
    return fund.households.filter(left_on__isnull=True).order_by("rank")


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request, pk: int):
    fund = _fund(request, pk)
    _keeper(request, fund.district_id)
    form = forms.ProposalForm(request.POST or None, households=_current_households(fund),
                              initial={"household": request.GET.get("household")})
    rows = forms.ItemRows(request.POST or None, prefix="i")
    if request.method == "POST":
        rows_valid = rows.is_valid()
        if form.is_valid() and rows_valid:
            data = dict(form.cleaned_data)
            household = data.pop("household")
            items = [r.cleaned_data for r in rows.forms if r.cleaned_data]
            try:
                services.create_proposal(request.user, household, items=items, today=_today(), **data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกแบบเสนอโครงการแล้ว"))
                return _to_fund(fund.pk, "pipeline")
    return render(request, "funds/poverty/rows_form.html", {
        "form": form, "rows": rows, "fund": fund, "title": _("แบบเสนอโครงการของครัวเรือนเป้าหมาย"),
        "rows_title": _("รายการ (๒.๑, ๒.๒ …)"), "section": "pipeline", "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def proposal_decide(request, pk: int):
    proposal = get_object_or_404(selectors.proposals_for(request.user), pk=pk)
    fund = proposal.household.fund
    _keeper(request, fund.district_id)
    fields = ("officer_opinion", "officer_reason", "officer_name", "decision", "approved_amount",
              "decision_reason", "decided_on")
    form = forms.ProposalDecisionForm(request.POST or None, initial={f: getattr(proposal, f) for f in fields})
    return _form_page(request, form=form, fund=fund, section="pipeline",
                      title=_("ความเห็นและผลการพิจารณา: %(p)s") % {"p": proposal.title},
                      save=lambda data: services.decide_proposal(request.user, proposal, today=_today(), **data),
                      success=_("บันทึกผลการพิจารณาแล้ว"), extra={"proposal": proposal})


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request, pk: int):
    fund = _fund(request, pk)
    _keeper(request, fund.district_id)
    proposals = (selectors.proposals_for(request.user).filter(household__fund=fund, decision=Decision.APPROVED)
                 .select_related("household"))
    form = forms.RequestForm(request.POST or None, households=_current_households(fund), proposals=proposals,
                             initial={"household": request.GET.get("household"),
                                      "proposal": request.GET.get("proposal")})

    def save(data):
        household = data.pop("household")
        services.create_request(request.user, household, today=_today(), **data)

    return _form_page(request, form=form, fund=fund, title=_("แบบขอยืมเงินทุนของครัวเรือนเป้าหมาย"),
                      section="pipeline", save=save, success=_("บันทึกแบบขอยืมเงินทุนแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def request_decide(request, pk: int):
    loan_request = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    fund = loan_request.household.fund
    _keeper(request, fund.district_id)
    fields = ("officer_opinion", "officer_reason", "decision", "approved_amount", "decision_reason", "decided_on")
    form = forms.RequestDecisionForm(request.POST or None, initial={f: getattr(loan_request, f) for f in fields})
    return _form_page(request, form=form, fund=fund, section="pipeline",
                      title=_("ความเห็นและผลการพิจารณาแบบขอยืมเงินทุนของ %(h)s") % {
                          "h": loan_request.household.head_name},
                      save=lambda data: services.decide_request(request.user, loan_request, today=_today(), **data),
                      success=_("บันทึกผลการพิจารณาแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def loan_create(request, pk: int):
    """แบบสัญญายืมเงินทุน and its instalments at once (a wrong row keeps everything typed)."""
    fund = _fund(request, pk)
    _keeper(request, fund.district_id)
    approved = (selectors.requests_for(request.user).filter(household__fund=fund, decision=Decision.APPROVED,
                                                            loans__isnull=True).select_related("household"))
    form = forms.LoanForm(request.POST or None, households=_current_households(fund), requests=approved,
                          initial={"household": request.GET.get("household"), "request": request.GET.get("request")})
    wanted = request.GET.get("rows", "")
    extra = min(max(int(wanted), 6), 60) if wanted.isdigit() else 6
    rows = forms.instalment_rows(extra)(request.POST or None, prefix="n")
    if request.method == "POST":
        rows_valid = rows.is_valid()
        if form.is_valid() and rows_valid:
            data = dict(form.cleaned_data)
            household = data.pop("household")
            instalments = [r.cleaned_data for r in rows.forms if r.cleaned_data]
            try:
                loan = services.create_loan(request.user, household, instalments=instalments, today=_today(),
                                            **data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกสัญญาเลขที่ %(n)s แล้ว") % {"n": loan.contract_number})
                return redirect("poverty:loan-detail", pk=loan.pk)
    return render(request, "funds/poverty/rows_form.html", {
        "form": form, "rows": rows, "fund": fund, "title": _("แบบสัญญายืมเงินทุนของครัวเรือนเป้าหมาย"),
        "rows_title": _("การส่งคืนเป็นงวด (งวดที่ วันครบกำหนด จำนวนเงิน) รวมกันต้องเท่ากับจำนวนเงินยืม"),
        "section": "yellow", "active": ACTIVE, "more_rows": extra + 6 if extra < 60 else None})


def _loan(request, pk: int) -> Loan:
    return get_object_or_404(selectors.loans_for(request.user), pk=pk)


@login_required
@require_safe
def loan_detail(request, pk: int):
    loan = _loan(request, pk)
    today = _today()
    balance = selectors.loan_balance(loan, today)
    return render(request, "funds/poverty/loan_detail.html", {
        "loan": balance, "fund": loan.fund, "instalments": list(loan.instalments.all()),
        "repayments": list(loan.repayments.all().order_by("date", "id")), "active": ACTIVE, "today": today,
        "may_edit": keeps_registry(request.user, loan.fund.district_id),
        "repayment_form": forms.RepaymentForm(), "receipt_form": forms.ReceiptForm(),
        "history": history_of(loan)[:30]})


def _loan_form_page(request, loan, form, *, title, save, success):
    if request.method == "POST" and form.is_valid():
        try:
            save(dict(form.cleaned_data))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect("poverty:loan-detail", pk=loan.pk)
    return render(request, "funds/poverty/form.html", {
        "form": form, "fund": loan.fund, "loan": loan, "title": title, "section": "yellow", "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def loan_receipt(request, pk: int):
    loan = _loan(request, pk)
    _keeper(request, loan.fund.district_id)
    return _loan_form_page(request, loan, forms.ReceiptForm(request.POST or None),
                           title=_("แบบรับเงินยืม: สัญญาเลขที่ %(n)s") % {"n": loan.contract_number},
                           save=lambda data: services.record_receipt(request.user, loan, today=_today(), **data),
                           success=_("บันทึกการรับเงินยืมแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def repayment_create(request, pk: int):
    loan = _loan(request, pk)
    _keeper(request, loan.fund.district_id)
    return _loan_form_page(request, loan, forms.RepaymentForm(request.POST or None),
                           title=_("บันทึกการคืนเงินยืม: สัญญาเลขที่ %(n)s") % {"n": loan.contract_number},
                           save=lambda data: services.record_repayment(request.user, loan, today=_today(), **data),
                           success=_("บันทึกการคืนเงินแล้ว"))


@login_required
@require_http_methods(["GET", "POST"])
def repayment_cancel(request, pk: int):
    repayment = get_object_or_404(selectors.repayments_for(request.user), pk=pk)
    _keeper(request, repayment.fund.district_id)
    return _loan_form_page(request, repayment.loan, forms.CancelForm(request.POST or None),
                           title=_("ยกเลิกใบสำคัญรับเงินเลขที่ %(n)s") % {"n": repayment.receipt_number},
                           save=lambda data: services.cancel_repayment(request.user, repayment, today=_today(),
                                                                       **data),
                           success=_("ยกเลิกใบสำคัญรับเงินแล้ว (รายการยังอยู่ในบัญชี)"))


@login_required
@require_http_methods(["GET", "POST"])
def loan_write_off(request, pk: int):
    loan = _loan(request, pk)
    _keeper(request, loan.fund.district_id)
    return _loan_form_page(request, loan, forms.WriteOffForm(request.POST or None),
                           title=_("ตัดหนี้สูญ: สัญญาเลขที่ %(n)s") % {"n": loan.contract_number},
                           save=lambda data: services.write_off(request.user, loan, today=_today(), **data),
                           success=_("บันทึกการตัดหนี้สูญแล้ว"))
