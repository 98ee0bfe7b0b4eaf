"""{% handover_panel kind_code fund %}: the responsible officer and the handover history of a fund, for the
fund pages of every fund app (through templates/funds/handovers/_fund_panel.html)."""

import re

from django import template
from django.template.loader import render_to_string

from cdd_portal.accounts.scoping import keeps_registry
from cdd_portal.personal import national_id
from funds import kinds
from funds.handovers import forms, selectors, services

register = template.Library()


@register.simple_tag(takes_context=True)
def handover_panel(context, kind_code: str, fund):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    current = selectors.responsible_officers(kind_code, [fund.pk]).get(fund.pk)
    assign_form = None
    kind = kinds.get(kind_code)
    if current is None and kind is not None and user is not None:
        district = services.fund_district(kind, fund)
        if keeps_registry(user, district):
            assign_form = forms.AssignForm(district_code=district, auto_id=f"assign-{kind_code}-{fund.pk}-%s")
    return render_to_string("funds/handovers/_panel_body.html", {
        "kind_code": kind_code, "fund": fund, "current": current, "assign_form": assign_form,
        "incomplete": fund.pk in selectors.incomplete_funds(kind_code, [fund.pk]),
        "history": selectors.handover_history(kind_code, fund.pk)}, request=request)


_THIRTEEN_DIGITS = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙]{13}(?![0-9๐-๙])")


@register.filter
def masked_ids(text):
    """Any 13-digit run in a free text (an audit entry's description) shown masked: a list never prints a
    whole national ID."""
    return _THIRTEEN_DIGITS.sub(lambda m: national_id.masked(m.group(0)), str(text or ""))
