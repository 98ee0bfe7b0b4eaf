"""Files kept with the records they prove (appointment orders, minutes, photos, certificates, report
evidence): one mechanism for every app. A file is stored under MEDIA_ROOT and served only by a view that
asks the owner's app whether the user may see the owner; its type is read from its content, never taken
from what the browser claims."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredFile(models.Model):
    """What every kept file has: the file, its name as uploaded, the type read from its content, its
    size, who uploaded it and when. Concrete models add what the file belongs to."""

    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


def _path(instance, filename: str) -> str:
    return f"files/{instance.owner_type.app_label}/{instance.owner_type.model}/{instance.owner_id}/{filename}"


class Attachment(StoredFile):
    """A file of a registry record (a committee's appointment order, a meeting's minutes, an activity's
    photos, a product's certificate), with what it is for and a caption."""

    owner_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
    purpose = models.CharField(_("ประเภทไฟล์"), max_length=40)
    caption = models.CharField(_("คำอธิบาย"), max_length=300, blank=True)
    file = models.FileField(_("ไฟล์"), upload_to=_path)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("ไฟล์แนบ")
        verbose_name_plural = _("ไฟล์แนบ")
        indexes = [models.Index(fields=["owner_type", "owner_id", "purpose"])]
