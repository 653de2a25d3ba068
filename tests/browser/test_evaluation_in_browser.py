"""The evaluation in a real browser, as a comms officer uses it: import a year of weekly figures and two poll waves
through the admin's upload forms, choose the boroughs, see the charts; every evaluation page axe-clean; and a
partner's link as the partner sees it, with no cookie and nothing from another origin."""

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

from editorial.roles import ADMINISTRATORS, EDITORS
from evaluation.models import EvaluationSettings, OutcomeFigure, PartnerLink, PollResult
from insights import counters
from partners.models import Partner
from stories.models import StoryPage
from tests.browser.admin_login import log_in
from tests.browser.conftest import RequestLog, screenshot
from tests.editorial import PASSWORD, staff_user

from .test_public_pages_in_browser import axe_violations

SAMPLE = Path(__file__).resolve().parents[2] / "evaluation" / "sample_data"
TARGET = ["Croydon", "Hackney", "Lambeth", "Newham", "Southwark"]
COMPARISON = ["Brent", "Enfield", "Haringey", "Lewisham", "Tower Hamlets"]


def go(page, link, heading):
    """Follow a link in the page's main content and wait for the next page's heading."""
    page.locator("main").get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


def messages_settled(page):
    """Wait until the admin's message has finished fading in: axe would read its text half-transparent."""
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")


def upload(page, path):
    page.set_input_files("input[type=file]", str(path))
    page.get_by_role("button", name="Import").click()


def test_a_comms_officer_imports_chooses_boroughs_and_sees_the_charts(site, desktop, tmp_path):
    officer = staff_user("comms-officer", EDITORS)
    page = desktop
    log_in(page, site, officer.username, PASSWORD)

    # Through the menu to the (still empty) evaluation.
    page.get_by_role("button", name="Evaluation").click()
    page.get_by_role("link", name="Overview").click()
    expect(page.get_by_role("heading", name="Campaign evaluation", level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Choose target and comparison boroughs")
    assert axe_violations(page) == []

    # A bad file first: refused whole, every problem named by line and column, nothing stored.
    go(page, "Import outcome figures", "Import outcome figures")
    assert axe_violations(page) == []
    bad = tmp_path / "figures-with-a-mistake.csv"
    bad.write_text("week_start,area,measure,count\n2021-04-12,London,calls,412\n2021-04-13,Lambath,calls,-2\n")
    upload(page, bad)
    problems = page.get_by_role("alert")
    expect(problems).to_contain_text("The file was not imported")
    expect(problems).to_contain_text("Line 3, column week_start: 2021-04-13 is a Tuesday")
    expect(problems).to_contain_text("Line 3, column area: 'Lambath' is not London")
    expect(problems).to_contain_text("Line 3, column count: -2 is below 0")
    assert axe_violations(page) == []
    screenshot(page, "evaluation-import-refused")
    assert OutcomeFigure.objects.count() == 0

    # The year of (invented) weekly figures, then the two (invented) poll waves.
    upload(page, SAMPLE / "invented-sample-outcomes.csv")
    expect(page.locator(".messages")).to_contain_text("Imported 3,536 outcome figures: 3,536 new, 0 replaced.")
    go(page, "Import poll waves", "Import poll waves")
    upload(page, SAMPLE / "invented-sample-poll-waves.csv")
    expect(page.locator(".messages")).to_contain_text("Imported 12 poll results")
    assert PollResult.objects.count() == 12

    # Choose the boroughs, as the docs suggest for the sample.
    go(page, "Choose boroughs", "Evaluation settings")
    expect(page.locator("input[name=target_boroughs]")).to_have_count(33)
    assert axe_violations(page) == []
    for name in TARGET:
        page.locator(f"input[name=target_boroughs][value='{name}']").check()
    for name in COMPARISON:
        page.locator(f"input[name=comparison_boroughs][value='{name}']").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("Evaluation settings updated.")
    chosen = EvaluationSettings.load()
    assert (chosen.target_boroughs, chosen.comparison_boroughs) == (TARGET, COMPARISON)

    # The figures: charts, change against baseline, difference in differences, poll intervals.
    page.goto(f"{site}/admin/evaluation/")
    expect(page.get_by_role("heading", name="Campaign evaluation", level=1)).to_be_visible()
    main = page.locator("main")
    expect(main.locator("svg.chart__svg")).to_have_count(7)  # 4 outcome charts, 3 poll questions
    for chart in main.locator("svg.chart__svg").all():
        box = chart.bounding_box()
        assert box["width"] > 400 and box["height"] > 100
    expect(main.get_by_role("img", name="Calls each week: target and comparison boroughs")).to_be_visible()
    summary = main.locator("table").first
    expect(summary).to_contain_text("+20.1%")  # target boroughs' calls
    expect(summary).to_contain_text("+10.1 points")  # difference in differences, calls
    expect(summary).to_contain_text("+30.6 points")  # difference in differences, online reports
    expect(main).to_contain_text("28.2% to 33.8%")  # wave 2, target, aware of the campaign
    expect(main).to_contain_text("the comparison boroughs are there to show it")
    assert axe_violations(page) == []
    screenshot(page, "evaluation-overview")

    # The weekly tables open on request; a borough's small counts are not shown as numbers.
    page.get_by_text("Calls in each chosen borough (table)").click()
    borough_table = page.locator("table", has=page.locator("caption", has_text="Calls in each chosen borough"))
    expect(borough_table).to_be_visible()
    cells = borough_table.locator("td").all_inner_texts()
    assert all(cell == "fewer than 10" or cell == "no data" or int(cell.replace(",", "")) >= 10 for cell in cells)
    assert "fewer than 10" in cells
    assert axe_violations(page) == []

    # The printable report: every section, no admin menu, the Print button only on screen.
    go(page, "Printable report", "Campaign evaluation report")
    assert page.locator("#wagtail-sidebar, .sidebar").count() == 0
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_visible()
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    for heading in ("What is compared", "Calls and online reports to Crimestoppers", "Awareness poll",
                    "Site funnel by channel and partner", "Reading these figures with care"):  # fmt: skip
        expect(page.get_by_role("heading", name=heading, level=2)).to_be_visible()
    expect(page.get_by_role("table", name="Calls week by week")).to_be_visible()
    screenshot(page, "evaluation-report-print")
    page.emulate_media(media="screen")


def test_a_partner_link_as_the_partner_sees_it(site, desktop, phone):
    lead = staff_user("comms-lead", ADMINISTRATORS)
    partner = Partner.objects.create(name="Lambeth youth charity (test)", code="lambeth-youth")
    story = StoryPage.objects.get(slug="lillian")
    for event, n in (("page_view", 140), ("film_started", 35), ("call_tapped", 4)):
        counters.increment(story.id, event, "lambeth-youth", n=n, day=datetime.date(2024, 5, 7))
    log_in(desktop, site, lead.username, PASSWORD)
    desktop.goto(f"{site}/admin/evaluation/partner-links/")
    assert axe_violations(desktop) == []
    desktop.get_by_label("Partner").select_option(label=partner.name)
    desktop.get_by_role("button", name="Create a link").click()
    link_field = desktop.get_by_label(f"Link for {partner.name}")
    address = link_field.input_value()
    assert address.startswith(f"{site}/partner-figures/")
    messages_settled(desktop)
    assert axe_violations(desktop) == []

    # The partner, with no account: no cookie, nothing from another origin, the call-to-action, axe-clean.
    log = RequestLog(phone)
    phone.goto(address, wait_until="networkidle")
    expect(phone.get_by_role("heading", level=1)).to_have_text(f"What your sharing did: {partner.name}")
    expect(phone.locator(".cta-bar a[href='tel:0800555111']")).to_be_visible()
    table = phone.get_by_role("table", name=f"{story.title}, week by week")
    expect(table.get_by_role("row", name="6 May 2024")).to_contain_text("140")
    expect(table.get_by_role("row", name="6 May 2024")).to_contain_text("fewer than 10")
    assert phone.context.cookies() == []
    assert log.origins() == {urlsplit(site).netloc}
    assert axe_violations(phone) == []
    screenshot(phone, "evaluation-partner-link")

    # Revoked in the admin: the same address stops working at once.
    desktop.get_by_role("button", name=re.compile(f"Revoke the link for {re.escape(partner.name)}")).click()
    expect(desktop.locator(".messages")).to_contain_text("no longer opens")
    assert PartnerLink.objects.get(partner=partner).is_revoked
    response = phone.goto(address)
    assert response.status == 410
    expect(phone.get_by_role("heading", level=1)).to_have_text("This link has been withdrawn")
    assert phone.context.cookies() == []
    assert axe_violations(phone) == []
