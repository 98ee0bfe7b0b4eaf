import factory

from cdd_portal.geo.models import Subdistrict, Village


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Village

    subdistrict = factory.LazyFunction(lambda: Subdistrict.objects.get(code="340101"))
    number = factory.Sequence(lambda n: n % 99 + 1)
    name_th = factory.Sequence(lambda n: f"บ้านทดสอบ{n}")
