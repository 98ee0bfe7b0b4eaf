from cdd_portal.accounts.scoping import restrict
from cdd_portal.lists.models import ListImport


def imports_for(user):
    """Imports are seen like the registry they fill: the district office, its province, the department."""
    return restrict(ListImport.objects.select_related("district__province", "uploaded_by"), user,
                    district_field="district")
