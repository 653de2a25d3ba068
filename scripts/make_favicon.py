"""Draws static/favicon.ico: the campaign's yellow call button on black (16, 32 and 48 px). Run once by hand."""

from pathlib import Path

from PIL import Image, ImageDraw

BLACK, YELLOW = "#0b0c0c", "#ffdd00"
SIZE = 48


def draw():
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=9, fill=BLACK)
    # A telephone handset: two ear pieces joined by a curved grip.
    pen.arc((9, 9, 39, 39), start=120, end=330, fill=YELLOW, width=7)
    pen.rounded_rectangle((7, 25, 19, 37), radius=3, fill=YELLOW)
    pen.rounded_rectangle((25, 7, 37, 19), radius=3, fill=YELLOW)
    return image


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "static" / "favicon.ico"
    draw().save(target, sizes=[(16, 16), (32, 32), (48, 48)])
    print(target, target.stat().st_size, "bytes")
