"""Printable posters (A4 and A3 PDF) and the partner's one-page brief.

fpdf2 lays the text out, with HarfBuzz shaping (uharfbuzz) so any script a translation brings is shaped properly;
fonts are Debian's DejaVu (KIT_FONT_DIR). segno draws the QR code. A poster holds only the story's own fields
(title, hard call, portrait) and the campaign's settings: nothing about a family that the story does not say.
Everything here returns bytes; storing and caching is sharing/kit.py's job.
"""

import datetime
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import segno
from django.conf import settings
from fpdf import FPDF

# Page sizes in millimetres; everything on a poster is laid out for A4 and scaled.
PAPER = {"A4": (210, 297), "A3": (297, 420)}
BLACK = (11, 12, 12)
YELLOW = (255, 221, 0)
WHITE = (255, 255, 255)
MARGIN = 12  # mm at A4: inside every printer's unprintable edge

# The campaign's words, from its launch article.
CAMPAIGN_LINE = "Calling with information about knife crime may be hard. But there are harder calls."
NO_PIECE_TOO_SMALL = "No piece of information is too small."


@dataclass(frozen=True)
class PosterContent:
    """What one poster says. `image` is JPEG/PNG bytes or None; `qr_url` is what the code opens."""

    heading: str
    lines: tuple
    qr_url: str
    printed_address: str
    image: bytes | None = None


def _pdf(paper="A4", title=""):
    pdf = FPDF(orientation="portrait", unit="mm", format=paper)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    font_dir = Path(settings.KIT_FONT_DIR)
    pdf.add_font("DejaVu", "", str(font_dir / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(font_dir / "DejaVuSans-Bold.ttf"))
    pdf.set_text_shaping(True)
    pdf.set_title(title)
    pdf.set_author("Hard calls save lives")
    pdf.set_creator("Hard calls save lives partner kit")
    # A fixed date: the same inputs make the same file (the file name is a hash of the inputs).
    pdf.set_creation_date(datetime.datetime(2021, 4, 14, tzinfo=datetime.UTC))
    pdf.add_page()
    return pdf


def qr_png(url):
    """A QR code as PNG bytes: error correction M survives a scuffed print; four modules of quiet zone."""
    buffer = BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()


# Smaller steps for long words: (image height, heading size, text size) at A4, tried in order until the words end
# above the call-to-action band. A story's longest fields (title, 200-character summary, 300-character hard call)
# fit at the last step.
FIT_STEPS = ((92, 26, 14), (80, 24, 13), (66, 22, 12), (52, 20, 11), (40, 18, 10))


def poster_pdf(content, cta, paper="A4"):
    """PDF bytes of one poster: heading band, portrait, words, the call-to-action in large type, the QR code."""
    for step in FIT_STEPS:
        pdf, fits = _poster(content, cta, paper, *step)
        if fits:
            break
    return bytes(pdf.output())


def _poster(content, cta, paper, image_mm, heading_pt, text_pt):
    """Draws the poster; returns it and whether the words ended above the call-to-action band."""
    width, height = PAPER[paper]
    k = width / PAPER["A4"][0]  # scale from the A4 layout
    m = MARGIN * k
    qr_size = 52 * k
    band_top = height - m - qr_size - 12 * k
    pdf = _pdf(paper, title=f"Hard calls save lives: {content.heading}")

    pdf.set_fill_color(*BLACK)
    pdf.rect(0, 0, width, height, style="F")
    pdf.set_text_color(*YELLOW)
    pdf.set_font("DejaVu", "B", 18 * k)
    pdf.set_xy(m, m)
    pdf.cell(width - 2 * m, 10 * k, "HARD CALLS SAVE LIVES")
    y = m + 14 * k
    if content.image:
        image_height = image_mm * k
        pdf.image(BytesIO(content.image), x=m, y=y, w=width - 2 * m, h=image_height, keep_aspect_ratio=True)
        y += image_height + 6 * k
    else:
        heading_pt = 36
    pdf.set_text_color(*WHITE)
    pdf.set_font("DejaVu", "B", heading_pt * k)
    pdf.set_xy(m, y)
    pdf.multi_cell(width - 2 * m, heading_pt * 0.42 * k, content.heading, align="L")
    y = pdf.get_y() + 4 * k
    pdf.set_font("DejaVu", "", text_pt * k)
    for line in content.lines:
        pdf.set_xy(m, y)
        pdf.multi_cell(width - 2 * m, text_pt * 0.5 * k, line, align="L")
        y = pdf.get_y() + 3 * k
    fits = y <= band_top - 2 * k

    # The call-to-action band and the QR code share the bottom of the page.
    pdf.set_fill_color(*YELLOW)
    pdf.rect(m, band_top, width - 2 * m - qr_size - 6 * k, qr_size + 12 * k, style="F")
    pdf.set_text_color(*BLACK)
    pdf.set_font("DejaVu", "B", 15 * k)
    pdf.set_xy(m + 5 * k, band_top + 5 * k)
    pdf.multi_cell(width - 2 * m - qr_size - 16 * k, 7 * k, "Call Crimestoppers 100% anonymously", align="L")
    pdf.set_font("DejaVu", "B", 34 * k)
    pdf.set_xy(m + 5 * k, pdf.get_y() + 2 * k)
    pdf.cell(width - 2 * m - qr_size - 16 * k, 16 * k, cta["phone_display"])
    pdf.set_font("DejaVu", "", 10 * k)
    pdf.set_xy(m + 5 * k, pdf.get_y() + 17 * k)
    pdf.multi_cell(
        width - 2 * m - qr_size - 16 * k,
        5 * k,
        f"Free. {cta['anonymity_line']} {NO_PIECE_TOO_SMALL} {cta['hashtag']}",
        align="L",
    )
    qr_x = width - m - qr_size
    pdf.image(BytesIO(qr_png(content.qr_url)), x=qr_x, y=band_top, w=qr_size, h=qr_size)
    pdf.set_text_color(*WHITE)
    pdf.set_font("DejaVu", "", 8 * k)
    pdf.set_xy(qr_x, band_top + qr_size + 1 * k)
    pdf.multi_cell(qr_size, 4 * k, f"Scan, or visit {content.printed_address}", align="C")
    return pdf, fits


@dataclass(frozen=True)
class BriefContent:
    partner_name: str
    links: tuple  # (label, address) pairs carrying the partner's code


def brief_pdf(content, cta):
    """The one-page printed brief in every partner's kit: who to call, what the campaign asks, what not to say."""
    pdf = _pdf("A4", title=f"Partner brief: {content.partner_name}")
    width = PAPER["A4"][0]
    text_width = width - 2 * 18
    pdf.set_margins(18, 16, 18)
    pdf.set_xy(18, 16)
    pdf.set_text_color(*BLACK)

    def heading(text, size=13):
        pdf.set_font("DejaVu", "B", size)
        pdf.set_x(18)
        pdf.multi_cell(text_width, size * 0.5, text, align="L")
        pdf.ln(1.5)

    def para(text, size=10):
        pdf.set_font("DejaVu", "", size)
        pdf.set_x(18)
        pdf.multi_cell(text_width, 5, text, align="L")
        pdf.ln(1.5)

    heading("Hard calls save lives: partner brief", 18)
    para(f"For {content.partner_name}.")
    heading("Who to call")
    para(
        f"Crimestoppers, free and 100% anonymous: {cta['phone_display']}, "
        f"or the anonymous online form at {cta['online_form_url']}. In an emergency, call 999."
    )
    heading("What the campaign asks")
    para(
        "Anyone with information about knife crime, however small, should give it to Crimestoppers. Calling may be "
        "hard, but there are harder calls: like the calls five mothers had to make after their sons were killed. "
        f"{NO_PIECE_TOO_SMALL} Use the hashtag {cta['hashtag']}."
    )
    heading("What not to say")
    for rule in (
        "Never promise a reward.",
        "Never promise confidentiality on anyone's behalf. Use only Crimestoppers' own words: the call is free "
        "and 100% anonymous.",
        "Never identify a family beyond what they agreed: use only the names and facts in the kit, and never "
        "add details, photos or places of your own.",
        "Do not take information yourself or ask people what they know: point them to Crimestoppers.",
    ):
        para(f"•  {rule}")
    heading("Your links")
    para(
        "Every link and QR code in this kit carries your code, so the campaign can count how many visits your "
        "sharing brought. It counts totals only, never who visited."
    )
    pdf.set_font("DejaVu", "", 9)
    for label, address in content.links:
        pdf.set_x(18)
        pdf.multi_cell(text_width, 4.6, f"{label}: {address}", align="L")
    pdf.ln(2)
    heading("Questions")
    para("[Placeholder for the comms team: who partners contact about the campaign, and how.]")
    return bytes(pdf.output())
