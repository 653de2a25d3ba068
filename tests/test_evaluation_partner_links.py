"""A partner's read-only figures link: that partner's own figures only, small numbers suppressed, no account and no
cookie, kept out of every cache and search engine, and dead the moment it is revoked."""

import datetime
import re

import pytest
from django.test import Client
from wagtail.models import Page

from evaluation.models import PartnerLink
from insights import counters
from partners.models import Partner
from tests.editorial import staff_user
from tests.helpers import tel_links, third_party_assets

pytestmark = pytest.mark.django_db

WEEK_1 = datetime.date(2024, 5, 6)  # a Monday
WEEK_2 = datetime.date(2024, 5, 13)


@pytest.fixture
def partners(db):
    charity = Partner.objects.create(name="Southwark youth charity (test)", code="southwark-youth")
    other = Partner.objects.create(name="Another borough team (test)", code="another-team")
    root = Page.get_first_root_node()
    lillian = root.add_child(instance=Page(title="Lillian's story (test)", slug="lillian-test"))
    dwayne = root.add_child(instance=Page(title="Dwayne's story (test)", slug="dwayne-test"))
    plan = [
        # The charity: Lillian's story, 25 + 12 views in week 1 (two days), 4 in week 2; 11 call taps in week 1.
        (WEEK_1, lillian, "page_view", "southwark-youth", 25),
        (WEEK_1 + datetime.timedelta(days=3), lillian, "page_view", "southwark-youth", 12),
        (WEEK_1, lillian, "call_tapped", "southwark-youth", 11),
        (WEEK_1, lillian, "film_started", "southwark-youth", 14),
        (WEEK_2, lillian, "page_view", "southwark-youth", 4),
        (WEEK_2, dwayne, "page_view", "southwark-youth", 250),
        (WEEK_2, dwayne, "form_tapped", "southwark-youth", 3),
        # Another partner and another channel: never on the charity's page.
        (WEEK_1, lillian, "page_view", "another-team", 777),
        (WEEK_1, dwayne, "call_tapped", "another-team", 555),
        (WEEK_1, lillian, "page_view", "radio", 888),
    ]
    for day, page, event, channel, n in plan:
        counters.increment(page.id, event, channel, n=n, day=day)
    return charity, other


def test_the_link_shows_only_that_partners_figures(partners):
    charity, _ = partners
    link = PartnerLink.objects.create(partner=charity)
    response = Client().get(link.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "What your sharing did: Southwark youth charity (test)" in html
    assert "?via=southwark-youth" in html
    # The story's own table. Week 1: 37 views, 14 films started, 11 call taps; the others below 10.
    lillian = html.split("Lillian&#x27;s story (test), week by week</caption>")[1].split("</table>")[0]
    week_1 = "<td>37</td><td>fewer than 10</td><td>14</td><td>11</td><td>fewer than 10</td>"
    assert f'<th scope="row">6 May 2024</th>{week_1}' in lillian
    # Week 2: 4 views -> suppressed; the views total (41) beside exactly one suppressed week is withheld.
    assert '<th scope="row">13 May 2024</th><td>fewer than 10</td>' in lillian
    assert '<th scope="row">All weeks</th><td>withheld</td>' in lillian
    cells = set(re.findall(r"<td>([^<]*)</td>", html))
    assert "250" in cells  # Dwayne's story, week 2
    # Not the other partner's figures nor the radio's, and no small count as a number anywhere.
    assert cells <= {"37", "14", "11", "250", "fewer than 10", "withheld"}, cells
    assert "Another borough team" not in html


def test_the_link_keeps_the_sites_promises(partners):
    link = PartnerLink.objects.create(partner=partners[0])
    response = Client().get(link.get_absolute_url())
    html = response.content.decode()
    assert not response.cookies and "Set-Cookie" not in response.headers
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert third_party_assets(html) == []
    assert " style=" not in html and "<script>" not in html
    assert "tel:0800555111" in tel_links(html)
    assert "og:url" not in html  # the address is not put in share previews
    assert "{%" not in html and "{{" not in html


def test_revoking_stops_the_link_at_once_even_with_the_page_cache_on(settings, partners):
    settings.PAGE_CACHE_ENABLED = True
    link = PartnerLink.objects.create(partner=partners[0])
    visitor = Client()
    for _ in range(2):
        response = visitor.get(link.get_absolute_url())
        assert response.status_code == 200 and response.get("X-Page-Cache") != "hit"
    link.revoke()
    response = visitor.get(link.get_absolute_url())
    assert response.status_code == 410
    html = response.content.decode()
    assert "This link has been withdrawn" in html and "Southwark youth" not in html
    assert "tel:0800555111" in tel_links(html)
    assert not response.cookies and "no-store" in response["Cache-Control"]


def test_a_changed_or_made_up_token_is_not_found(partners):
    link = PartnerLink.objects.create(partner=partners[0])
    token = link.token
    key, signature = token.split(":")
    other = PartnerLink.objects.create(partner=partners[1])
    for bad in (
        f"{key}:{signature[:-1]}A" if signature[-1] != "A" else f"{key}:{signature[:-1]}B",
        f"{other.key}:{signature}",  # another link's key with this link's signature
        key,
        "x" * 201,
    ):
        response = Client().get(f"/partner-figures/{bad}/")
        assert response.status_code == 404, bad
        assert "This link is not recognised" in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    assert Client().post(link.get_absolute_url()).status_code == 405


def test_administrators_issue_and_revoke_links_in_the_admin(client, partners):
    charity, _ = partners
    client.force_login(staff_user("comms-lead", "Administrators"))
    response = client.post("/admin/evaluation/partner-links/", {"partner": charity.pk}, follow=True)
    assert "New figures link for Southwark youth charity (test)" in response.content.decode()
    link = PartnerLink.objects.get(partner=charity)
    assert f"http://testserver{link.get_absolute_url()}" in response.content.decode()
    assert Client().get(link.get_absolute_url()).status_code == 200
    response = client.post(f"/admin/evaluation/partner-links/{link.pk}/revoke/", follow=True)
    assert "is revoked: it no longer opens" in response.content.decode()
    link.refresh_from_db()
    assert link.is_revoked and link.revoked_by.username == "comms-lead"
    assert Client().get(link.get_absolute_url()).status_code == 410
    assert client.get(f"/admin/evaluation/partner-links/{link.pk}/revoke/").status_code == 405


def test_editors_and_approvers_cannot_issue_links(client, partners):
    for role in ("Editors", "Approvers"):
        client.force_login(staff_user(f"{role.lower()}-user", role))
        response = client.post("/admin/evaluation/partner-links/", {"partner": partners[0].pk})
        assert response.status_code == 302 and response.url == "/admin/", role
    assert not PartnerLink.objects.exists()


def test_a_new_partner_link_shows_an_empty_but_helpful_page(db):
    partner = Partner.objects.create(name="New partner (test)", code="new-partner")
    html = Client().get(PartnerLink.objects.create(partner=partner).get_absolute_url()).content.decode()
    assert "No visits through your links have been counted yet" in html
