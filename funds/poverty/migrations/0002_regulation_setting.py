"""The 2553 regulation's lending figures, with nulls where the sources are silent (fund-registries.md §3.4–3.6)."""

from django.db import migrations

REGULATION = "ระเบียบกระทรวงมหาดไทย ว่าด้วยการบริหารและการใช้จ่ายเงินโครงการแก้ไขปัญหาความยากจน พ.ศ. ๒๕๕๓"


def seed(apps, schema_editor):
    Setting = apps.get_model("poverty", "RegulationSetting")
    if Setting.objects.filter(name=REGULATION).exists():
        return
    Setting.objects.create(
        name=REGULATION,
        is_active=True,
        loan_limit=None,
        loan_limit_clause="",
        loan_limit_source=("ไม่พบวงเงินสูงสุดต่อครัวเรือนในแหล่งข้อมูล ระบบ kpt47/kcc ระบุว่าระเบียบฯ ๒๕๕๓ "
                           "ไม่ได้กำหนดวงเงินสูงสุดไว้ตายตัว (ยังไม่ได้ตรวจกับตัวระเบียบ) จึงไม่ตรวจวงเงิน"),
        max_repayment_months=36,
        max_repayment_clause="ระเบียบฯ พ.ศ. ๒๕๕๓ หมวด ๔ ข้อ ๒๑ (ส่งคืนภายใน ๓ ปีนับแต่วันทำสัญญา)",
        max_repayment_source=("อ้างตามระบบ กข.คจ. ของ kpt47/kcc ซึ่งอ้างข้อ ๒๑ ยังไม่ได้ตรวจกับตัวระเบียบ "
                              "(UNVERIFIED) ควรยืนยันกับสำนักงานพัฒนาชุมชนจังหวัด"),
        service_fee_percent=None,
        service_fee_clause="",
        service_fee_source="ไม่พบในแหล่งข้อมูล เงินยืม กข.คจ. ให้ยืมโดยไม่มีดอกเบี้ย จึงไม่กำหนดค่าบริการ",
        forbearance_days=None,
        forbearance_clause="",
        forbearance_source=("แบบรายงานตามข้อ ๒๗ แยก 'ครัวเรือนผิดนัด (ไม่อยู่ในเกณฑ์ผ่อนผัน)' แต่ไม่พบข้อความ"
                            "เกณฑ์ผ่อนผัน เมื่อว่างไว้ ระบบถือว่าค้างชำระเกินวันครบกำหนดงวดคือผิดนัด"),
        note=("ค่าที่ว่างไว้คือค่าที่แหล่งข้อมูลไม่ได้ระบุ ระบบไม่ตรวจค่าที่ว่าง ระยะเวลาส่งคืน ๓๖ เดือนยังไม่ได้ยืนยัน "
              "กับตัวระเบียบ (fund-registries.md §3.4–§3.6)"),
    )


class Migration(migrations.Migration):
    dependencies = [("poverty", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
