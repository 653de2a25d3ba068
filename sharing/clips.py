"""The captioned film clip partners upload where a link will not do (Instagram, TikTok, WhatsApp, Facebook).

A square 1080x1080 H.264/AAC MP4: the film scaled into the middle, the campaign's name and the number above it and
the English captions burned in beneath it, where no platform's buttons cover them. Captions are drawn with Pillow
(the same fonts and drawing as the share cards), one transparent image per cue, and laid over the film by ffmpeg for
exactly the cue's time. ffmpeg is the static build imageio-ffmpeg ships (pinned in requirements.txt): the same
binary on a laptop, in CI and in the Docker image, with libx264, and nothing to install with apt.

Encoding takes seconds, so it never happens on a visitor's or partner's request: sharing/kit.py runs it from the
kit builder (a task on publish, or `manage.py build_partner_kits`).
"""

import re
import subprocess
import tempfile
from pathlib import Path

import webvtt
from django.conf import settings
from PIL import Image as PILImage
from PIL import ImageDraw

from .cards import BACKGROUND, HIGHLIGHT, WHITE, _font, _wrap

CLIP_VERSION = "1"  # bump to encode every clip again after changing this code
FILM_HEIGHT_SHARE = 0.5625  # the film's band: 16:9 across the full width
CAPTION_FONT_SIZE = 44
# WhatsApp sends media up to 16 MB as a video (docs/partners.md, platform limits): the clip's bitrate is chosen
# from its running time to stay under 15 MB, and never above what a 1080-pixel feed video needs.
MAX_BYTES = 15 * 1000 * 1000
AUDIO_KBPS = 96
MAX_VIDEO_KBPS = 2500


def ffmpeg_exe():
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def _seconds(timestamp):
    hours, minutes, seconds = timestamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def caption_cues(captions_text):
    """[(start, end, text)] from WebVTT text, in seconds."""
    cues = []
    for caption in webvtt.from_string(captions_text):
        text = " ".join(caption.text.split())
        if text:
            cues.append((_seconds(caption.start), _seconds(caption.end), text))
    return cues


def film_seconds(path):
    """The running time ffmpeg reads from a film's header (0 when it cannot)."""
    out = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True)  # noqa: S603
    found = re.search(r"Duration: (\d+):(\d+):([\d.]+)", out.stderr)
    if not found:
        return 0.0
    hours, minutes, seconds = found.groups()
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def video_kbps(seconds):
    """The video bitrate that keeps the whole clip (video and audio) under MAX_BYTES."""
    if seconds <= 0:
        return MAX_VIDEO_KBPS
    budget = MAX_BYTES * 8 / 1000 / seconds * 0.95 - AUDIO_KBPS  # 5% for the container
    return max(300, min(MAX_VIDEO_KBPS, int(budget)))


def frame_layout(size):
    """(film top, film height, caption band top): the same geometry for the frame, the overlays and the tests."""
    film_height = round(size * FILM_HEIGHT_SHARE / 2) * 2
    film_top = round((size - film_height) / 2 / 2) * 2 - 40
    return film_top, film_height, film_top + film_height


def _background(size, cta):
    canvas = PILImage.new("RGB", (size, size), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    film_top, _, _ = frame_layout(size)
    draw.text((48, 30), "HARD CALLS SAVE LIVES", fill=HIGHLIGHT, font=_font(40))
    draw.text((48, 80), f"Call Crimestoppers {cta['phone_display']}", fill=WHITE, font=_font(46))
    draw.text((48, film_top - 48), cta["anonymity_line"], fill=WHITE, font=_font(30))
    return canvas


def _caption_image(text, size):
    """A transparent strip holding one cue, white on a dark box, centred under the film."""
    _, _, band_top = frame_layout(size)
    strip = PILImage.new("RGBA", (size, size - band_top), (0, 0, 0, 0))
    draw = ImageDraw.Draw(strip)
    font = _font(CAPTION_FONT_SIZE)
    lines = _wrap(draw, text, font, size - 160)[:3]
    y = 36
    for line in lines:
        width = draw.textlength(line, font=font)
        x = (size - width) / 2
        draw.rectangle([x - 14, y - 8, x + width + 14, y + CAPTION_FONT_SIZE + 12], fill=(0, 0, 0, 235))
        draw.text((x, y), line, fill=WHITE, font=font)
        y += CAPTION_FONT_SIZE + 24
    return strip


def encode_clip(video_path, captions_text, cta, out_path, poster_path, size=None):
    """Writes the captioned MP4 to `out_path` and its poster frame (a JPEG of the first captioned second) to
    `poster_path`. Raises subprocess.CalledProcessError when ffmpeg fails."""
    size = size or settings.KIT_CLIP_SIZE
    film_top, film_height, band_top = frame_layout(size)
    cues = caption_cues(captions_text)
    seconds = min(film_seconds(video_path) or settings.KIT_CLIP_MAX_SECONDS, settings.KIT_CLIP_MAX_SECONDS)
    kbps = video_kbps(seconds)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        _background(size, cta).save(tmp / "background.png")
        inputs = ["-loop", "1", "-i", str(tmp / "background.png"), "-i", str(video_path)]
        filters = [
            f"[1:v]scale={size}:{film_height}:force_original_aspect_ratio=decrease,"
            f"pad={size}:{film_height}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1[film]",
            f"[0:v][film]overlay=0:{film_top}:shortest=1[v0]",
        ]
        for index, (start, end, text) in enumerate(cues, start=1):
            image = tmp / f"cue{index}.png"
            _caption_image(text, size).save(image)
            inputs += ["-i", str(image)]
            filters.append(
                f"[v{index - 1}][{index + 1}:v]overlay=0:{band_top}:enable='between(t,{start:.3f},{end:.3f})'[v{index}]"
            )
        last = f"[v{len(cues)}]"
        filters.append(f"{last}format=yuv420p[out]")
        command = [
            ffmpeg_exe(),
            "-y",
            "-loglevel",
            "error",
            *inputs,
            "-filter_complex",
            ";".join(filters),
            "-map",
            "[out]",
            "-map",
            "1:a?",
            "-t",
            str(settings.KIT_CLIP_MAX_SECONDS),
            "-c:v",
            "libx264",
            "-profile:v",
            "high",
            "-preset",
            "veryfast",
            "-crf",
            "23",
            "-maxrate",
            f"{kbps}k",
            "-bufsize",
            f"{kbps * 2}k",
            "-r",
            "25",
            "-c:a",
            "aac",
            "-b:a",
            f"{AUDIO_KBPS}k",
            "-movflags",
            "+faststart",
            "-map_metadata",
            "-1",
            str(out_path),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=600)  # noqa: S603 - our own arguments
        first_cue = cues[0][0] + 0.5 if cues else 0.5
        subprocess.run(  # noqa: S603
            [ffmpeg_exe(), "-y", "-loglevel", "error", "-ss", f"{first_cue:.3f}", "-i", str(out_path)]
            + ["-frames:v", "1", "-q:v", "3", str(poster_path)],
            check=True,
            capture_output=True,
            timeout=120,
        )
