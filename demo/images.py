"""Generated placeholder images: plainly not photographs of anyone."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model


def placeholder_image(title, filename, size, colour, lines):
    """Returns a saved Wagtail image (found by title, created once) with the given lines of text."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = size
    canvas = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    # A soft frame and diagonal make it obvious this is a placeholder, not a photo.
    draw.rectangle([16, 16, width - 17, height - 17], outline=(235, 235, 235), width=4)
    draw.line([(16, 16), (width - 17, height - 17)], fill=(200, 200, 200), width=2)
    draw.line([(16, height - 17), (width - 17, 16)], fill=(200, 200, 200), width=2)
    font = ImageFont.load_default(size=max(width // 16, 18))
    y = height // 2 - len(lines) * font.size
    for line in lines:
        text_width = draw.textlength(line, font=font)
        x = (width - text_width) / 2
        draw.rectangle([x - 12, y - 6, x + text_width + 12, y + font.size + 10], fill=(20, 20, 20))
        draw.text((x, y), line, fill=(255, 255, 255), font=font)
        y += font.size * 2
    buffer = BytesIO()
    canvas.save(buffer, format="JPEG", quality=80)
    image = Image(title=title, file=ImageFile(buffer, name=filename))
    image.save()
    return image
