from django.core.management.base import BaseCommand, CommandError

from cdd_portal.accounts.services import DEMO_PROVINCES, seed_demo
from cdd_portal.geo.models import District


class Command(BaseCommand):
    help = "สร้างสำนักงานทุกจังหวัด/อำเภอ และผู้ใช้ตัวอย่างของจังหวัดอุบลราชธานี บุรีรัมย์ และเลย"

    def add_arguments(self, parser):
        parser.add_argument("--password", default="cdd-demo", help="รหัสผ่านของผู้ใช้ตัวอย่าง (ค่าเริ่มต้น cdd-demo)")

    def handle(self, *args, password, **options):
        if not District.objects.exists():
            raise CommandError("ยังไม่มีข้อมูลพื้นที่: เรียก manage.py load_geography ก่อน")
        result = seed_demo(password=password)
        from centers.services import seed_demo_center
        from funds.services import seed_demo_groups
        from otop.services import seed_demo_otop

        self.stdout.write(f"offices created: {result.offices_created}")
        self.stdout.write(f"demo savings groups created: {seed_demo_groups()}")
        self.stdout.write(f"demo service centre: {seed_demo_center()}")
        self.stdout.write(f"demo OTOP records: {seed_demo_otop()}")
        from funds.assessments.demo import seed_demo_assessments
        from funds.poverty.demo import seed_demo_poverty

        self.stdout.write(f"demo กข.คจ. fund: {seed_demo_poverty()}")
        self.stdout.write(f"demo assessment sets: {len(seed_demo_assessments())}")
        self.stdout.write(f"users created: {len(result.users_created)}")
        if result.users_created:
            self.stdout.write(
                "logins (password {!r}): admin, cdd-viewer, {}".format(password, ", ".join(f"p{c}, p{c}-head, d{c}01, d{c}01-head …" for c in DEMO_PROVINCES))
            )
