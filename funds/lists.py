"""The savings-group registry as a list that exports to and imports from workbooks (cdd_portal.lists)."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cdd_portal.lists.checks import VillageMatcher, be_date, integer
from cdd_portal.lists.registry import Column, RegistryList, area_columns, updated_column
from funds import selectors, services
from funds.filters import SavingsGroupFilter
from funds.models import SavingsGroup


def _village(group, attr):
    return getattr(group.village, attr) if group.village_id else None


def check(district, rows: list[dict]) -> list[dict]:
    villages = VillageMatcher(district)
    existing = set(SavingsGroup.objects.filter(district=district).values_list("name", flat=True))
    seen: dict[str, int] = {}
    today = timezone.localdate()
    out = []
    for row in rows:
        cells, errors, suggestions, values = row["cells"], [], [], {}
        name = " ".join(cells.get("name", "").split())
        if not name:
            errors.append(_("ไม่ได้กรอกชื่อกลุ่ม"))
        elif len(name) > 200:
            errors.append(_("ชื่อกลุ่มยาวเกิน ๒๐๐ ตัวอักษร"))
        elif name in existing:
            errors.append(_("อำเภอนี้มีกลุ่มชื่อ «%(name)s» อยู่แล้ว") % {"name": name})
        elif name in seen:
            errors.append(_("ชื่อกลุ่มซ้ำกับแถวที่ %(row)s ในไฟล์") % {"row": seen[name]})
        else:
            seen[name] = row["row"]
        values["name"] = name
        if cells.get("village") or cells.get("village_no"):
            village, problem, near = villages.match(cells.get("village", ""), number_text=cells.get("village_no", ""),
                                                    subdistrict_text=cells.get("subdistrict", ""))
            if problem:
                errors.append(problem)
                suggestions += near
            values["village"] = village.pk if village else None
        founded = be_date(cells.get("founded_on", ""), errors, _("วันที่ก่อตั้ง"))
        if founded and founded > today:
            errors.append(_("วันที่ก่อตั้งต้องไม่เป็นวันในอนาคต"))
        values["founded_on"] = founded.isoformat() if founded else None
        day = integer(cells.get("savings_day", ""), errors, _("วันรับฝากเงินสัจจะ"), minimum=1, maximum=31)
        values["savings_day"] = day
        for key, limit, label in (("registration_ref", 200, _("เลขทะเบียน/หนังสือแจ้งจัดตั้ง")),
                                  ("officer_name", 200, _("พัฒนากรผู้รับผิดชอบ"))):
            text = " ".join(cells.get(key, "").split())
            if len(text) > limit:
                errors.append(_("%(label)s ยาวเกิน %(n)s ตัวอักษร") % {"label": label, "n": limit})
            values[key] = text
        out.append({**row, "values": values, "errors": errors, "suggestions": suggestions})
    return out


def write(user, district, rows: list[dict]) -> int:
    from cdd_portal.geo.models import Village

    villages = Village.objects.in_bulk([r["values"]["village"] for r in rows if r["values"].get("village")])
    for row in rows:
        values = row["values"]
        services.create_group(user, district=district, name=values["name"],
                              village=villages.get(values.get("village")),
                              founded_on=date.fromisoformat(values["founded_on"]) if values.get("founded_on") else None,
                              savings_day=values.get("savings_day"), registration_ref=values.get("registration_ref", ""),
                              officer_name=values.get("officer_name", ""))
    return len(rows)


SAVINGS_GROUPS = RegistryList(
    name="savings-groups", title=gettext_lazy("ทะเบียนกลุ่มออมทรัพย์เพื่อการผลิต"), list_url="funds:group-list",
    queryset=selectors.groups_for, filterset=SavingsGroupFilter, order_by=("district_id", "name"),
    check=check, write=write,
    columns=(
        Column("name", gettext_lazy("ชื่อกลุ่ม"), lambda g: g.name, width=40, importable=True, required=True,
               aliases=("ชื่อกลุ่มออมทรัพย์", "ชื่อกลุ่มออมทรัพย์เพื่อการผลิต", "กลุ่ม")),
        *area_columns(),
        Column("subdistrict", gettext_lazy("ตำบล"), lambda g: _village(g, "subdistrict") and g.village.subdistrict.name_th,
               importable=True, aliases=("ชื่อตำบล", "ต."), help=gettext_lazy("ช่วยแยกหมู่บ้านชื่อซ้ำกัน")),
        Column("village_no", gettext_lazy("หมู่ที่"), lambda g: _village(g, "number"), kind="integer", width=8,
               importable=True, aliases=("หมู่", "ม.")),
        Column("village", gettext_lazy("หมู่บ้าน"), lambda g: _village(g, "name_th"), width=24, importable=True,
               aliases=("ชื่อหมู่บ้าน", "บ้าน", "หมู่บ้านที่ตั้ง"),
               help=gettext_lazy("ชื่อหมู่บ้านในอำเภอ หรือ «หมู่ที่ ๓ บ้านนาโพธิ์»")),
        Column("founded_on", gettext_lazy("วันที่ก่อตั้ง"), lambda g: g.founded_on, kind="date", width=16,
               importable=True, aliases=("ก่อตั้งเมื่อ", "วันก่อตั้ง", "วันที่จัดตั้ง"),
               help=gettext_lazy("วว/ดด/ปปปป พ.ศ. เช่น ๑/๑๐/๒๕๖๕")),
        Column("savings_day", gettext_lazy("วันรับฝากเงินสัจจะ (วันที่)"), lambda g: g.savings_day, kind="integer",
               width=12, importable=True, aliases=("วันรับฝากเงินสัจจะ", "วันฝากสัจจะ", "วันรับฝาก"),
               help=gettext_lazy("วันที่ ๑–๓๑ ของทุกเดือน")),
        Column("registration_ref", gettext_lazy("เลขทะเบียน/หนังสือแจ้งจัดตั้ง"), lambda g: g.registration_ref, width=24,
               importable=True, aliases=("เลขทะเบียน", "เลขทะเบียนกลุ่ม", "หนังสือแจ้งจัดตั้ง")),
        Column("officer_name", gettext_lazy("พัฒนากรผู้รับผิดชอบ"), lambda g: g.officer_name, width=24,
               importable=True, aliases=("พัฒนากร", "เจ้าหน้าที่ผู้รับผิดชอบ")),
        Column("is_active", gettext_lazy("สถานะ"), lambda g: _("ดำเนินการอยู่") if g.is_active else _("เลิกดำเนินการ"),
               width=14),
        Column("stopped_on", gettext_lazy("วันที่เลิกดำเนินการ"), lambda g: g.stopped_on, kind="date", width=16),
        Column("stop_reason", gettext_lazy("เหตุที่เลิกดำเนินการ"), lambda g: g.stop_reason, width=24),
        updated_column(),
    ))
