from django.core.management.base import BaseCommand

from cdd_portal.geo.loader import load_geography


class Command(BaseCommand):
    help = "โหลดข้อมูลจังหวัด อำเภอ ตำบล (รหัส DOPA) ที่มากับระบบ; เรียกซ้ำได้โดยไม่เปลี่ยนข้อมูล"

    def handle(self, *args, **options):
        result = load_geography()
        if not result.changed:
            self.stdout.write("ข้อมูลพื้นที่เป็นปัจจุบันแล้ว ไม่มีการเปลี่ยนแปลง (geography already up to date)")
            return
        for label in result.created:
            self.stdout.write(
                f"{label}: created {result.created[label]}, updated {result.updated[label]}"
            )
        self.stdout.write(self.style.SUCCESS("โหลดข้อมูลพื้นที่เรียบร้อย"))
