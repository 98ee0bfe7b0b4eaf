"""The six governance principles (หลักธรรมาภิบาล) as seed 004 §2.1.6 lists them, each with the remedy of
§๑.๒.๒ (Design & Develop) for a fund that fails it."""

from django.db import migrations

PRINCIPLES = [
    ("rule_of_law", "หลักนิติธรรม",
     "ทบทวนและปรับปรุงระเบียบข้อบังคับของกองทุน โดยให้สมาชิกมีส่วนร่วม"),
    ("morality", "หลักคุณธรรม",
     "ส่งเสริมให้ท่องคุณธรรม ๕ ประการก่อนการประชุมทุกครั้ง"),
    ("transparency", "หลักความโปร่งใส",
     "อบรมการจัดทำบัญชีอย่างง่ายและการรายงานการเงิน และให้คณะกรรมการตรวจสอบทำหน้าที่"),
    ("participation", "หลักการมีส่วนร่วม",
     "จัดการประชุมให้มีชีวิตชีวา เปิดโอกาสให้สมาชิกมีส่วนร่วมแสดงความคิดเห็น"),
    ("accountability", "หลักความรับผิดชอบ",
     "กำหนดเป้าหมายประจำปี รายงานผลต่อที่ประชุมใหญ่ และพัฒนาระบบติดตามหนี้ค้างชำระที่มีประสิทธิภาพ"),
    ("value", "หลักความคุ้มค่า",
     "ให้ความรู้เปรียบเทียบการกู้เงินจากกองทุนกับการกู้จากแหล่งเงินกู้อื่น"),
]


def seed(apps, schema_editor):
    Principle = apps.get_model("fund_assessments", "Principle")
    for order, (code, name, remedy) in enumerate(PRINCIPLES, start=1):
        Principle.objects.update_or_create(code=code, defaults={"name": name, "order": order, "remedy": remedy})


class Migration(migrations.Migration):
    dependencies = [("fund_assessments", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
