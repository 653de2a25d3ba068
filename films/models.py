"""A film: the video itself, its captions, transcript and the alternatives every visitor is owed."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from .external import parse_external_url, validate_external_url
from .readiness import FilmForm, missing_parts, readiness_summary
from .validators import VideoFileValidator, validate_captions


class Film(index.Indexed, ClusterableModel):
    """One film, shown on a story page. Edited under Snippets → Films."""

    title = models.CharField(
        max_length=120,
        help_text="The film's name, for example 'Lillian's call'. Screen readers announce it on the player.",
    )
    video = models.FileField(
        "film file (MP4)",
        upload_to="films/video/",
        blank=True,
        validators=[VideoFileValidator("mp4")],
        help_text="The film as an MP4 file (H.264), played from our own site. Ask the film's editor for this file.",
    )
    video_webm = models.FileField(
        "smaller film file (WebM, optional)",
        upload_to="films/video/",
        blank=True,
        validators=[VideoFileValidator("webm")],
        help_text="Optional. A smaller WebM copy of the same film; browsers that can play it use it first.",
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="still image (poster)",
        help_text="A still from the film, shown before it plays. It is the only image loaded up front.",
    )
    captions = models.FileField(
        "English captions file (.vtt)",
        upload_to="films/captions/",
        blank=True,
        validators=[validate_captions],
        help_text="Required before the story can be published. The subtitles file ending in .vtt (a format "
        "called WebVTT) that the film's editor exports with the film. Captions show by default.",
    )
    transcript = RichTextField(
        blank=True,
        features=["bold", "italic", "h3", "ol", "ul", "link"],
        help_text="Everything said and shown in the film, written out, for people who cannot watch or hear it. "
        "Required before the story can be published.",
    )
    duration_seconds = models.PositiveIntegerField(
        "length in seconds",
        null=True,
        blank=True,
        help_text="How long the film runs, in seconds (2 minutes 5 seconds is 125). Shown to visitors.",
    )
    content_note = models.CharField(
        "warning before it plays",
        max_length=250,
        blank=True,
        help_text="Warn visitors before they play, for example: “This film describes a violent death.”",
    )
    audio_described_video = models.FileField(
        "audio-described version (MP4, optional)",
        upload_to="films/video/",
        blank=True,
        validators=[VideoFileValidator("mp4")],
        help_text="Optional. The same film with a voice describing what is shown, for blind and partially sighted "
        "visitors. Offered beside the film.",
    )
    external_url = models.URLField(
        "YouTube or Vimeo address (optional)",
        blank=True,
        validators=[validate_external_url],
        help_text="Only if the film is not uploaded here. Nothing loads from YouTube or Vimeo "
        "until the visitor presses play.",
    )

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("video_webm"), FieldPanel("external_url"), FieldPanel("poster")],
            heading="The film",
        ),
        MultiFieldPanel(
            [FieldPanel("duration_seconds"), FieldPanel("content_note")],
            heading="Before it plays",
        ),
        MultiFieldPanel(
            [FieldPanel("captions"), InlinePanel("caption_tracks", label="Captions in another language")],
            heading="Captions",
        ),
        FieldPanel("transcript"),
        FieldPanel("audio_described_video"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    base_form_class = FilmForm

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.video and not self.external_url:
            raise ValidationError({"video": "Upload the film as an MP4, or give its YouTube or Vimeo address."})

    @property
    def external(self):
        """The YouTube/Vimeo film when there is no self-hosted file (self-hosted always wins)."""
        return None if self.video else parse_external_url(self.external_url)

    def missing_parts(self):
        """What the film still needs before a story can be published with it (films/readiness.py)."""
        return missing_parts(self.captions, self.transcript)

    @property
    def readiness(self):
        """For the admin listing and the film chooser (films/readiness.py)."""
        return readiness_summary(self)

    @property
    def duration_display(self):
        if not self.duration_seconds:
            return ""
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"{minutes}:{seconds:02d}"


class FilmCaptionTrack(Orderable):
    """Captions in a further language (English captions are on the film itself)."""

    film = ParentalKey(Film, on_delete=models.CASCADE, related_name="caption_tracks")
    language = models.CharField(
        "language code",
        max_length=12,
        validators=[
            RegexValidator(
                r"^(?!en$)[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "Use a language code other than English, e.g. “cy”."
            )
        ],
        help_text="The language code, for example “cy” for Welsh or “pl” for Polish.",
    )
    label = models.CharField(
        "language name", max_length=60, help_text="The language as its speakers name it, for example “Cymraeg”."
    )
    file = models.FileField(
        "captions file (.vtt)",
        upload_to="films/captions/",
        validators=[validate_captions],
        help_text="The subtitles file in this language, ending in .vtt.",
    )

    panels = [FieldPanel("language"), FieldPanel("label"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["film", "language"], name="one_caption_track_per_language")]

    def __str__(self):
        return f"{self.film} ({self.label})"
