"""What a visitor wary of the police needs to know: what happens to what they tell Crimestoppers, a route for
under-18s to Fearless, and real support, each statement we could not confirm from the launch article labelled for
the comms team; links to other websites are plain links that send no referrer."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, override_settings

from tests.helpers import third_party_assets
from tests.test_public_pages import NOT_FOUND, PUBLIC_PAGES

FEARLESS = "https://www.fearless.org/"
TO_CONFIRM = "To be confirmed by the comms team against crimestoppers-uk.org"
REASSURANCE = "It passes on what you tell it, never who you are."


def soup_of(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    html = response.content.decode()
    assert third_party_assets(html) == [], "nothing from another website loads before a click"
    return BeautifulSoup(html, "html.parser")


def text_of(element):
    """What a reader sees of an element, on one line (block-level children separated by a space)."""
    for block in element.find_all(["p", "li", "h2", "h3", "dd", "dt"]):
        block.insert_after(" ")
    return " ".join(element.get_text().split())


def outside_links(main):
    return [link for link in main.select("a[href]") if link["href"].startswith(("http://", "https://", "//"))]


def following_note(heading):
    """The text from a heading to the next heading, where its statements and their confirmation note sit."""
    parts = []
    for element in heading.find_all_next():
        if element.name in {"h2"} and element is not heading:
            break
        if element.name in {"p", "li", "a"}:
            parts.append(text_of(element))
    return " ".join(parts)


@pytest.mark.django_db
def test_the_anonymity_page_says_what_happens_to_the_information(demo_site):
    main = soup_of(Client(), "/your-anonymity/").select_one("main")
    headings = {text_of(h): h for h in main.select("h2")}
    for title in ["What Crimestoppers does", "What happens to the information you give", "If you are under 18"]:
        assert title in headings, title
        # Nothing beyond the launch article is stated without its note for the comms team.
        assert TO_CONFIRM in following_note(headings[title]), title
    information = following_note(headings["What happens to the information you give"])
    assert "passes the report to the police" in information and "never who gave it" in information
    assert "takes out anything that could show who you are" in information
    young = headings["If you are under 18"]
    fearless = [link for link in young.find_all_next("a") if link["href"] == FEARLESS]
    assert fearless and "Fearless" in text_of(fearless[0])
    assert "noreferrer" in fearless[0]["rel"]


@pytest.mark.django_db
def test_the_support_page_lists_real_organisations_for_the_comms_team_to_confirm(demo_site):
    main = soup_of(Client(), "/support/").select_one("main")
    text = text_of(main)
    assert "To be confirmed by the comms team before launch" in text
    names = [text_of(link) for link in main.select(".link-list a")]
    for name in [
        "Victim Support: homicide service",
        "Cruse Bereavement Support",
        "Childline",
        "The Mix",
        "Winston's Wish",
        "The Ben Kinsella Trust",
        "Crimestoppers",
        "Fearless",
    ]:
        assert any(shown.startswith(name) for shown in names), name
    assert "If someone is in immediate danger, call 999." in text
    # The placeholder note comes before the list it qualifies.
    assert text.index("To be confirmed by the comms team") < text.index("Victim Support")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/your-anonymity/", "/support/"])
def test_links_to_other_websites_send_no_referrer(demo_site, path):
    main = soup_of(Client(), path).select_one("main")
    links = outside_links(main)
    assert links
    for link in links:
        assert "noreferrer" in (link.get("rel") or []), link["href"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES + [NOT_FOUND])
def test_beside_every_call_to_action_the_reassurance_and_the_route_for_under_18s(demo_site, path):
    soup = soup_of(Client(), path, status=404 if path == NOT_FOUND else 200)
    cta = soup.select_one("section.cta")
    assert REASSURANCE in text_of(cta)
    young = cta.select_one(".cta__young")
    assert text_of(young).startswith("Under 18? Fearless, Crimestoppers' service for young people")
    link = young.select_one("a")
    assert link["href"] == FEARLESS and "noreferrer" in link["rel"]
    assert cta.select_one('a[href^="tel:"]') is not None


@pytest.mark.django_db
def test_the_under_18s_link_follows_the_setting(campaign_settings):
    campaign_settings.youth_service_url = "https://young.example.org/"
    campaign_settings.save()
    cta = soup_of(Client(), "/").select_one("section.cta")
    assert cta.select_one(".cta__young a")["href"] == "https://young.example.org/"
    campaign_settings.youth_service_url = ""
    campaign_settings.save()
    cta = soup_of(Client(), "/").select_one("section.cta")
    assert cta.select_one(".cta__young") is None and REASSURANCE in text_of(cta)


@pytest.mark.django_db
def test_the_500_page_keeps_the_route_for_under_18s():
    with override_settings(ROOT_URLCONF="tests.test_error_pages"):
        response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    cta = BeautifulSoup(response.content.decode(), "html.parser").select_one("section.cta")
    assert cta.select_one(".cta__young a")["href"] == FEARLESS
