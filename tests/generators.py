"""Data generators shared by tests and benchmarks (bench/). Deterministic: same input, same rows."""

from cdd_portal.geo.models import Subdistrict, Village


def villages(district_codes: list[str] | None = None, per_subdistrict: int = 10) -> int:
    """Create `per_subdistrict` villages in every subdistrict of the given districts (all department
    districts when None), in bulk. Returns how many were created."""
    subs = Subdistrict.objects.filter(district__kind="district")
    if district_codes is not None:
        subs = subs.filter(district_id__in=district_codes)
    rows = [
        Village(subdistrict_id=code, number=n, name_th=f"บ้านตัวอย่าง {code}-{n}")
        for code in subs.values_list("code", flat=True)
        for n in range(1, per_subdistrict + 1)
    ]
    Village.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return len(rows)
