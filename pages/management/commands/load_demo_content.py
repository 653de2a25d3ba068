"""Creates the demo site. Idempotent: what exists is left as it is (editors' changes survive)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from films.demo_loader import demo_film
from pages import demo_content as pages_demo
from pages.demo_images import placeholder_image
from pages.models import CampaignSettings, HomePage, StandardPage
from partners import demo_content as partners_demo
from stories import demo_content as stories_demo
from stories.models import StoryIndexPage, StoryPage


class Command(BaseCommand):
    help = "Load the demo pages, stories and settings (safe to run more than once)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = self.home_page()
        self.site_settings(home)
        index = self.child(home, StoryIndexPage, **pages_demo.STORY_INDEX)
        for story in stories_demo.STORIES:
            self.story(index, story)
        anonymity = None
        for data in (pages_demo.ANONYMITY, pages_demo.SUPPORT, pages_demo.ACCESSIBILITY, pages_demo.PRIVACY):
            page = self.child(home, StandardPage, **data)
            anonymity = anonymity or page
        partners_demo.load(home)
        if home.anonymity_page_id is None:
            home.anonymity_page = anonymity
            home.save_revision().publish()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {StoryPage.objects.count()} stories."))

    def home_page(self):
        home = HomePage.objects.first()
        if home:
            return home
        root = self.tree_root()
        # Wagtail's migrations leave a "Welcome" page at the site root; ours replaces it.
        for welcome in root.get_children().filter(slug="home").exact_type(Page):
            welcome.delete()
        home = root.add_child(instance=HomePage(slug="home", **pages_demo.HOME))
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page = home
            site.site_name = pages_demo.HOME["title"]
            site.save()
        else:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=home.title
            )
        return home

    @staticmethod
    def tree_root():
        """Wagtail's migrations create the locale, root page and root collection; `flush` removes them."""
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        locale = Locale.objects.first() or Locale.objects.create(language_code=language)
        if not Collection.get_first_root_node():
            Collection.add_root(name="Root")
        return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))

    def site_settings(self, home):
        site = Site.objects.get(root_page=home)
        campaign_settings = CampaignSettings.for_site(site)
        if campaign_settings.launch_date is None:
            campaign_settings.launch_date = pages_demo.SETTINGS["launch_date"]
        campaign_settings.full_clean()
        campaign_settings.save()

    def child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
        return page

    def story(self, index, data):
        existing = StoryPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if existing:
            self.attach_film_once(existing)
            return existing
        name = data["mother_name"] or f"{data['son_name']}'s mother"
        portrait = placeholder_image(
            f"Placeholder portrait: {data['slug']}",
            f"{data['slug']}-portrait.jpg",
            (800, 1000),
            data["colour"],
            ["Placeholder portrait", "not a photograph"],
        )
        poster = placeholder_image(
            f"Placeholder film poster: {data['slug']}",
            f"{data['slug']}-poster.jpg",
            (1280, 720),
            data["colour"],
            ["Placeholder film poster", "not a still from the film"],
        )
        narrative = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in data["paragraphs"]]
        if data["post"]:
            narrative.append({"type": "public_post", "value": data["post"]})
        return self.child(
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
            portrait_alt=f"Placeholder image, not a photograph of anyone. The portrait of {name} goes here.",
            film=demo_film(data["slug"], poster),
            narrative=narrative,
        )

    @staticmethod
    def attach_film_once(story):
        """Stories loaded before films existed get theirs; a film an editor removed is not forced back."""
        from films.demo_content import FILMS
        from films.models import Film

        title = FILMS.get(story.slug, {}).get("title")
        if story.film_id or not title or Film.objects.filter(title=title).exists():
            return
        poster = placeholder_image(
            f"Placeholder film poster: {story.slug}",
            f"{story.slug}-poster.jpg",
            (1280, 720),
            (88, 88, 88),
            ["Placeholder film poster", "not a still from the film"],
        )
        story.film = demo_film(story.slug, poster)
        story.save_revision().publish()
