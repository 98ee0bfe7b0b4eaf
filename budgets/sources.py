"""Budget figures as prefill sources of report forms (cdd_portal.references): what the office received
and spent in the submission's fiscal year, for the activities whose name contains the spec's
"activity_contains"."""

from django.utils.translation import gettext_lazy as _

from budgets.selectors import office_budget
from cdd_portal.references import PrefillSource


def _figure(key: str):
    def fill(context, spec):
        budget = office_budget(context.office, context.fiscal_year, activity_contains=spec.get("activity_contains", ""))
        return str(budget[key]) if budget["count"] else None

    return fill


ALLOCATED = PrefillSource(name="budgets.allocated", label=_("งบประมาณที่สำนักงานได้รับจัดสรรในปีงบประมาณ"),
                          target="field", fill=_figure("allocated"), options=("activity_contains",))
SPENT = PrefillSource(name="budgets.spent", label=_("งบประมาณที่สำนักงานเบิกจ่ายแล้วในปีงบประมาณ"),
                      target="field", fill=_figure("spent"), options=("activity_contains",))
