"""The menu by role: each entry names a URL and the roles that see it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cdd_portal.accounts.scoping import is_administrator, scope_of


def _menu(user) -> list[dict]:
    scope = scope_of(user)
    items = [{"label": _("หน้าหลัก"), "url": reverse("home"), "key": "home"}]
    if scope.level != "none":
        items.append({"label": _("หมู่บ้าน"), "url": reverse("geo:village-list"), "key": "villages"})
        items.append({"label": _("กลุ่มออมทรัพย์"), "url": reverse("funds:group-list"), "key": "funds"})
        items.append({"label": _("กข.คจ."), "url": reverse("poverty:fund-list"), "key": "poverty"})
        items.append({"label": _("ประเมินศักยภาพกองทุน"), "url": reverse("assessments:index"), "key": "fund-assessments"})
        items.append({"label": _("ส่งมอบงาน"), "url": reverse("handovers:list"), "key": "handovers"})
        items.append({"label": _("OTOP และกลุ่มอาชีพ"), "url": reverse("otop:index"), "key": "otop"})
        items.append({"label": _("ศูนย์บริการฯ"), "url": reverse("centers:index"), "key": "centers"})
        items.append({"label": _("แบบรายงาน"), "url": reverse("reports:index"), "key": "reports"})
        items.append({"label": _("งบประมาณ"), "url": reverse("budgets:index"), "key": "budgets"})
    items.append({"label": _("API"), "url": reverse("api-docs"), "key": "api"})
    if is_administrator(user) and user.is_staff:
        items.append({"label": _("ผู้ดูแลระบบ"), "url": reverse("admin:index"), "key": "admin"})
    return items


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"menu": _menu(user), "scope": scope_of(user), "is_administrator": is_administrator(user)}
