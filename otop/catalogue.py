"""The fixed lists of OTOP (fund-registries.md §5; seed 004 §6): the 5 product categories and their 17
sub-groups, as the 2564 registration manual lists them. A sub-group's code ("4.2") starts with its
category's ("4")."""

from django.utils.translation import gettext_lazy as _

CATEGORIES: dict[str, str] = {
    "1": _("อาหาร"),
    "2": _("เครื่องดื่ม"),
    "3": _("ผ้า เครื่องแต่งกาย"),
    "4": _("ของใช้ ของตกแต่ง ของที่ระลึก"),
    "5": _("สมุนไพรที่ไม่ใช่อาหาร"),
}

SUB_GROUPS: dict[str, str] = {
    "1.1": _("ผลิตผลทางการเกษตรที่ใช้บริโภคสด"),
    "1.2": _("ผลิตผลทางการเกษตรที่เป็นวัตถุดิบและผ่านกระบวนการแปรรูปเบื้องต้น"),
    "1.3": _("อาหารแปรรูปกึ่งสำเร็จรูป/สำเร็จรูป"),
    "2.1": _("มีแอลกอฮอล์"),
    "2.2": _("ไม่มีแอลกอฮอล์"),
    "3.1": _("ผ้า"),
    "3.2": _("เครื่องแต่งกาย"),
    "4.1": _("ไม้"),
    "4.2": _("จักสาน"),
    "4.3": _("ดอกไม้ประดิษฐ์/วัสดุจากเส้นใยธรรมชาติ"),
    "4.4": _("โลหะ"),
    "4.5": _("เซรามิค/เครื่องปั้นดินเผา"),
    "4.6": _("เคหะสิ่งทอ"),
    "4.7": _("อื่น ๆ"),
    "5.1": _("ยาจากสมุนไพร"),
    "5.2": _("เครื่องสำอางสมุนไพร"),
    "5.3": _("วัตถุอันตรายที่ใช้ในบ้านเรือน"),
}

assert len(CATEGORIES) == 5 and len(SUB_GROUPS) == 17  # the manual's counts

CATEGORY_CHOICES = list(CATEGORIES.items())
SUB_GROUP_CHOICES = list(SUB_GROUPS.items())


def category_of(sub_group: str) -> str:
    return sub_group.split(".", 1)[0]


def sub_group_label(code: str) -> str:
    """"4.2 จักสาน" (the code kept in Arabic digits; pages turn it into Thai digits)."""
    return f"{code} {SUB_GROUPS[code]}" if code in SUB_GROUPS else code


def grouped_sub_group_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """For a <select> with one <optgroup> per category."""
    return [(f"{cat} {name}", [(code, f"{code} {label}") for code, label in SUB_GROUPS.items()
                                if category_of(code) == cat])
            for cat, name in CATEGORIES.items()]


def valid_sub_groups_text() -> str:
    return ", ".join(f"{code} {label}" for code, label in SUB_GROUPS.items())
