from django import forms

from .images import image_check
from .models import Photo


class CheckedImageField(forms.ImageField):
    """An image upload checked for size, pixel count and corruption before Django's own checks."""

    def to_python(self, data):
        if data not in self.empty_values:
            image_check(data, name=getattr(data, "name", "upload"))
        return super().to_python(data)


class PhotoForm(forms.ModelForm):
    image = CheckedImageField(required=False)

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "photographer", "agency", "pictured", "order", "alt_text"]
