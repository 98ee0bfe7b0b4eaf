from django.db.models import QuerySet

from cdd_portal.accounts.scoping import restrict
from reports.models import Submission


def submissions_for(user) -> QuerySet[Submission]:
    """A district sees its own submissions (drafts included); a province its districts'; the
    department everything."""
    qs = Submission.objects.select_related("form", "period", "office__district", "office__province")
    return restrict(qs, user, district_field="office__district", province_field="office__province")
