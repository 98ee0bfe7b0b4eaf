from django.core.management.base import BaseCommand

from reports.services import generate_periods, load_builtin_forms


class Command(BaseCommand):
    help = "โหลดแบบรายงานที่มากับระบบ (reports/definitions) และสร้างรอบรายงานของปีงบประมาณที่ระบุ"

    def add_arguments(self, parser):
        parser.add_argument("--fiscal-year", type=int, action="append", default=[],
                            help="ปีงบประมาณ (พ.ศ.) ที่จะสร้างรอบรายงาน ระบุซ้ำได้")

    def handle(self, *args, fiscal_year, **options):
        for form in load_builtin_forms():
            self.stdout.write(f"{form.code} ฉบับที่ {form.version}")
            for year in fiscal_year:
                self.stdout.write(f"  {year}: {len(generate_periods(form, year))} รอบ")
