"""{% national_id obj "field" %}: the masked number, and for the keeping district's staff a button that
shows the whole number (an audited act)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from cdd_portal.personal import national_id as nid
from cdd_portal.personal import registry, services

register = template.Library()


@register.simple_tag(takes_context=True)
def national_id(context, obj, field: str = "national_id"):
    value = getattr(obj, field, "")
    if not value:
        return "–"
    label = obj._meta.label
    item = registry.get(label, field)
    user = context.get("user") or getattr(context.get("request"), "user", None)
    shown = format_html('<span class="national-id">{}</span>', nid.masked(value))
    if item is None or user is None or not services.may_reveal(user, item.district_of(obj)):
        return shown
    url = reverse("personal:reveal", args=[label.lower(), obj.pk, field])
    return format_html(
        '<span class="national-id-box">{} <button type="button" class="link-button" hx-post="{}" '
        'hx-target="closest .national-id-box" hx-swap="innerHTML" title="{}">{}</button></span>',
        shown, url, _("การเปิดดูเลขเต็มจะถูกบันทึกในประวัติการใช้ข้อมูลส่วนบุคคล"), _("แสดงเลขเต็ม"))
