"""Upload checks for films: what is refused, with a message an editor can act on.

Every check runs in form validation, before anything is written to storage.
"""

import webvtt
from django.conf import settings
from django.core.exceptions import ValidationError
from webvtt.errors import MalformedCaptionError, MalformedFileError

# The first bytes of each container, so a renamed file of another kind is refused.
SIGNATURES = {
    "mp4": "an MP4 video (H.264)",
    "webm": "a WebM video",
}


def _read_head(upload, length=16):
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def _looks_like(kind, head):
    if kind == "mp4":
        return len(head) >= 8 and head[4:8] == b"ftyp"
    if kind == "webm":
        return head[:4] == b"\x1a\x45\xdf\xa3"
    return False


def _mb(size):
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class VideoFileValidator:
    """Accepts only the given container (by extension and by content) up to FILM_MAX_UPLOAD_MB."""

    def __init__(self, kind):
        self.kind = kind

    def __call__(self, upload):
        description = SIGNATURES[self.kind]
        name = upload.name or ""
        if not name.lower().endswith(f".{self.kind}"):
            raise ValidationError(f"“{name}” is not {description}. Upload a .{self.kind} file.", code="film_type")
        limit = settings.FILM_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise ValidationError(
                f"This file is {_mb(upload.size)}; films can be at most {_mb(limit)}. "
                "Export it at a lower bitrate and upload it again.",
                code="film_size",
            )
        if not _looks_like(self.kind, _read_head(upload)):
            raise ValidationError(
                f"“{name}” is named .{self.kind} but its content is not {description}. "
                f"Export the film as {description} and upload it again.",
                code="film_type",
            )

    def __eq__(self, other):
        return isinstance(other, VideoFileValidator) and other.kind == self.kind

    def deconstruct(self):
        return ("films.validators.VideoFileValidator", (self.kind,), {})


def caption_problems(text):
    """Returns the first problem in a WebVTT text as "Line N: …", or None when it is valid.

    webvtt-py parses strictly; it does not report line numbers, so blocks are walked here to name the line.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not lines[0].startswith("WEBVTT"):
        return "Line 1: a WebVTT file must begin with “WEBVTT”."
    try:
        parsed = webvtt.from_string(text, strict=True)
    except (MalformedFileError, MalformedCaptionError, ValueError) as error:
        return _locate(lines) or f"The captions could not be read: {error}."
    problem = _locate(lines)
    if problem is None and not parsed.captions:
        problem = (
            "The file has no captions: add at least one cue "
            "(a timing line such as “00:00:01.000 --> 00:00:04.000” and its text)."
        )
    return problem


def _blocks(lines):
    """Yields (first line number, lines) for each block after the header, as WebVTT splits them."""
    block, start = [], None
    for number, line in enumerate(lines, start=1):
        if line.strip() == "":
            if block:
                yield start, block
            block, start = [], None
        else:
            if start is None:
                start = number
            block.append(line)
    if block:
        yield start, block


def _locate(lines):
    """Finds the first line webvtt-py would refuse or silently skip, and says why."""
    blocks = list(_blocks(lines))
    for start, block in blocks[1:]:
        first = block[0]
        if first.startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_index = 0 if "-->" in first else 1 if len(block) > 1 and "-->" in block[1] else None
        if timing_index is None:
            bad = 0 if "->" in first or len(block) == 1 else 1
            return (
                f"Line {start + bad}: “{block[bad].strip()}” is not a cue timing line. "
                "Write it as 00:00:01.000 --> 00:00:04.000."
            )
        number = start + timing_index
        timing = block[timing_index]
        for offset, line in enumerate(block[timing_index + 1 :], start=timing_index + 1):
            if "-->" in line:
                return f"Line {start + offset}: a new cue must be separated from the one before by an empty line."
        try:
            webvtt.from_string("WEBVTT\n\n" + "\n".join(block[timing_index:]) + "\n", strict=True)
        except (MalformedCaptionError, MalformedFileError, ValueError):
            return (
                f"Line {number}: “{timing.strip()}” is not a valid cue timing. "
                "Write it as 00:00:01.000 --> 00:00:04.000."
            )
        caption = webvtt.from_string("WEBVTT\n\n" + timing + "\nx\n").captions[0]
        if caption.end_time.in_milliseconds() <= caption.start_time.in_milliseconds():
            return f"Line {number}: the cue ends before it starts ({timing.strip()})."
    return None


def validate_captions(upload):
    """Refuses anything that is not a valid, UTF-8 WebVTT file of reasonable size, naming the bad line."""
    name = upload.name or ""
    if not name.lower().endswith(".vtt"):
        raise ValidationError(f"“{name}” is not a WebVTT captions file. Upload a .vtt file.", code="captions_type")
    limit = settings.CAPTIONS_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"This captions file is {upload.size // 1024} KB; captions can be at most {limit // 1024} KB.",
            code="captions_size",
        )
    upload.seek(0)
    raw = upload.read()
    upload.seek(0)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("The captions file is not UTF-8 text. Save it as UTF-8 and upload it again.") from None
    problem = caption_problems(text)
    if problem:
        raise ValidationError(f"These captions are not valid WebVTT. {problem}", code="captions_invalid")
