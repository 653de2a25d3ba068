"""Generates the demo placeholder films in demo/media/films/ (committed; run again only to change them).

Each film is a few seconds of title cards: plainly a placeholder, not footage of anyone. Encoding needs
ffmpeg, which `make run` should not have to install, so the small results are committed instead.

    .venv/bin/pip install imageio-ffmpeg==0.8.1   # a pinned ffmpeg build, also in requirements-dev.txt
    .venv/bin/python scripts/make_placeholder_films.py
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from demo.content.films import FILM_SECONDS, FILMS  # noqa: E402

OUT = ROOT / "demo" / "media" / "films"
SIZE = (640, 360)


def card(path, colour, title, second):
    canvas = Image.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([12, 12, SIZE[0] - 13, SIZE[1] - 13], outline=(235, 235, 235), width=3)
    big, small = ImageFont.load_default(size=30), ImageFont.load_default(size=20)
    lines = [
        (big, "Placeholder film"),
        (big, "not footage of anyone"),
        (small, title),
        (small, f"{second} / {FILM_SECONDS} s"),
    ]
    y = 70
    for font, text in lines:
        width = draw.textlength(text, font=font)
        x = (SIZE[0] - width) / 2
        draw.rectangle([x - 10, y - 6, x + width + 10, y + font.size + 8], fill=(20, 20, 20))
        draw.text((x, y), text, fill=(255, 255, 255), font=font)
        y += font.size * 2 + 8
    canvas.save(path)


def main():
    import imageio_ffmpeg

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    OUT.mkdir(exist_ok=True)
    for slug, film in FILMS.items():
        with tempfile.TemporaryDirectory() as tmp:
            for second in range(1, FILM_SECONDS + 1):
                card(Path(tmp) / f"card{second}.png", film["colour"], film["title"], second)
            target = OUT / f"{slug}.mp4"
            subprocess.run(  # noqa: S603 - fixed arguments
                [
                    ffmpeg,
                    "-y",
                    "-loglevel",
                    "error",
                    "-framerate",
                    "1",
                    "-i",
                    str(Path(tmp) / "card%d.png"),
                    "-c:v",
                    "libx264",
                    "-profile:v",
                    "baseline",
                    "-pix_fmt",
                    "yuv420p",
                    "-r",
                    "5",
                    "-crf",
                    "30",
                    "-movflags",
                    "+faststart",
                    "-fflags",
                    "+bitexact",
                    "-map_metadata",
                    "-1",
                    str(target),
                ],
                check=True,
            )
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
