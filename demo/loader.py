"""Builds the demo site from demo/content/ and the placeholder media in demo/media/. Idempotent: what exists is left
as it is (editors' changes survive), nothing is duplicated, and a flushed database is rebuilt from nothing."""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from films.models import Film
from pages.models import CampaignSettings, HomePage, KeyPages, StandardPage
from partners.models import Partner, PartnerToolkitPage
from sharing.short_links import ensure_short_address
from stories.models import StoryIndexPage, StoryPage

from .content import films as films_content
from .content import partners as partners_content
from .content import site_pages
from .content import stories as stories_content
from .images import placeholder_image
from .translations import translate

MEDIA_DIR = Path(__file__).resolve().parent / "media"


def load(translations=True):
    """Creates whatever part of the demo site is missing, with its draft translations unless told not to. Returns
    the (English) home page."""
    home = home_page()
    site_settings(home)
    index = child(home, StoryIndexPage, **site_pages.STORY_INDEX)
    for data in stories_content.STORIES:
        story(index, data)
    standard = {
        name: child(home, StandardPage, **data)
        for name, data in (
            ("anonymity", site_pages.ANONYMITY),
            ("support", site_pages.SUPPORT),
            ("accessibility", site_pages.ACCESSIBILITY),
            ("privacy", site_pages.PRIVACY),
        )
    }
    key_pages(home, {"stories": index, **standard})
    partners(home)
    if home.anonymity_page_id is None:
        home.anonymity_page = standard["anonymity"]
        home.save_revision().publish()
    if translations:
        # Last: the translations copy the English pages as they now are.
        translate(home)
    return home


def tree_root():
    """Wagtail's migrations create the locale, root page and root collection; `flush` removes them."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale = Locale.objects.first() or Locale.objects.create(language_code=language)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def home_page():
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home:
        return home
    root = tree_root()
    # Wagtail's migrations leave a "Welcome" page at the site root; ours replaces it.
    for welcome in root.get_children().filter(slug="home").exact_type(Page):
        welcome.delete()
    home = root.add_child(instance=HomePage(slug="home", **site_pages.HOME))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page = home
        site.site_name = site_pages.HOME["title"]
        site.save()
    else:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=home.title)
    return home


def site_settings(home):
    campaign_settings = CampaignSettings.for_site(Site.objects.get(root_page=home))
    if campaign_settings.launch_date is None:
        campaign_settings.launch_date = site_pages.SETTINGS["launch_date"]
    campaign_settings.full_clean()
    campaign_settings.save()


def key_pages(home, pages):
    """Points the header, footer and call-to-action at the demo pages, where an editor has not chosen others."""
    chosen = KeyPages.for_site(Site.objects.get(root_page=home))
    changed = False
    for name, page in pages.items():
        if getattr(chosen, f"{name}_page_id") is None:
            setattr(chosen, f"{name}_page", page)
            changed = True
    if changed or chosen.pk is None:
        chosen.save()


def child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page


def story_poster(slug, colour):
    return placeholder_image(
        f"Placeholder film poster: {slug}",
        f"{slug}-poster.jpg",
        (1280, 720),
        colour,
        ["Placeholder film poster", "not a still from the film"],
    )


def story(index, data):
    existing = StoryPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing:
        attach_film_once(existing)
        return existing
    portrait = placeholder_image(
        f"Placeholder portrait: {data['slug']}",
        f"{data['slug']}-portrait.jpg",
        (800, 1000),
        data["colour"],
        ["Placeholder portrait", "not a photograph"],
    )
    narrative = [{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in data["paragraphs"]]
    if data["post"]:
        narrative.append({"type": "public_post", "value": data["post"]})
    if not narrative:
        # A story is not published without its text (stories/publish_guards.py); this one's is still to come.
        narrative = [{"type": "placeholder_note", "value": STORY_TEXT_TO_COME}]
    return child(
        index,
        StoryPage,
        slug=data["slug"],
        title=data["title"],
        mother_name=data["mother_name"],
        son_name=data["son_name"],
        son_age=data.get("son_age"),
        borough=data["borough"],
        hard_call=data["hard_call"],
        summary=data["summary"],
        placeholder_note=data["placeholder_note"],
        portrait=portrait,
        portrait_alt=f"Placeholder portrait, not a photograph of {data['portrait_of']}.",
        film=film(data["slug"], story_poster(data["slug"], data["colour"])),
        narrative=narrative,
    )


STORY_TEXT_TO_COME = (
    "Placeholder for the comms team: the story itself is still to be written, in words agreed with the family."
)


def attach_film_once(existing_story):
    """Stories loaded before films existed get theirs; a film an editor removed is not forced back."""
    title = films_content.FILMS.get(existing_story.slug, {}).get("title")
    if existing_story.film_id or not title or Film.objects.filter(title=title).exists():
        return
    existing_story.film = film(existing_story.slug, story_poster(existing_story.slug, (88, 88, 88)))
    existing_story.save_revision().publish()


def film(slug, poster):
    """The placeholder film for a demo story slug (found by title, created once), or None if there is none."""
    data = films_content.FILMS.get(slug)
    if data is None:
        return None
    existing = Film.objects.filter(title=data["title"]).first()
    if existing:
        return existing
    new = Film(
        title=data["title"],
        poster=poster,
        duration_seconds=films_content.FILM_SECONDS,
        content_note=films_content.CONTENT_NOTE,
        transcript=films_content.transcript(data["title"]),
    )
    with open(MEDIA_DIR / "films" / f"{slug}.mp4", "rb") as video:
        new.video.save(f"{slug}-placeholder.mp4", File(video), save=False)
    new.captions.save(
        f"{slug}-placeholder.en.vtt", ContentFile(films_content.captions(data["title"]).encode()), save=False
    )
    new.full_clean()
    new.save()
    return new


def partners(home):
    """The toolkit page, the placeholder partners and one short address per story, once each."""
    if not PartnerToolkitPage.objects.child_of(home).exists():
        page = home.add_child(instance=PartnerToolkitPage(**partners_content.TOOLKIT))
        page.save_revision().publish()
    for partner in partners_content.PARTNERS:
        Partner.objects.get_or_create(code=partner["code"], defaults=partner)
    for live_story in StoryPage.objects.descendant_of(home).live():
        ensure_short_address(live_story)
