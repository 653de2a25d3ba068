"""Home, index and standard pages for the demo site. Unknowns are labelled as placeholders.

What the pages say about the families and the campaign comes from the fact register (`fact`, facts.toml).
"""

import datetime

from django.utils.html import escape

from demo.facts import statement as fact

HOME = {
    "title": "Hard calls save lives",
    "campaign_line": fact("campaign.line"),
    "premise": (
        f"<p>{escape(fact('campaign.films'))}</p>"
        f"<p>{escape(fact('campaign.premise'))} {escape(fact('campaign.no_information_too_small'))}</p>"
    ),
    "anonymity_text": (
        "<p>Crimestoppers is a crime prevention charity. You do not give your name. Calls are not traced and "
        "there is no caller ID. When you report online, your IP address is removed.</p>"
    ),
}

STORY_INDEX = {
    "title": "Stories",
    "slug": "stories",
    "introduction": fact("campaign.index_introduction"),
}

CONFIRM_WITH_CRIMESTOPPERS = "Comms team: confirm this wording with Crimestoppers before launch."
# What we say of Crimestoppers beyond the launch article (which says only that calls are free and 100% anonymous) is
# common knowledge of its published promises, not checked against its website: each passage says so until confirmed.
TO_CONFIRM = (
    "To be confirmed by the comms team against crimestoppers-uk.org: {what}. "
    "The campaign's launch article says only that Crimestoppers is a crime prevention charity and that calls "
    "are free and 100% anonymous."
)
CONFIRM_SUPPORT = (
    "To be confirmed by the comms team before launch: each organisation below, what it offers, its web address "
    "and phone number, and that it agrees to be listed here."
)


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def placeholder(text):
    return {"type": "placeholder_note", "value": text}


def links(title, *items):
    """A titled list of links to other websites (plain links that send no referrer: blocks/link_list_block.html)."""
    return {"type": "link_list", "value": {"title": title, "links": [dict(item) for item in items]}}


def organisation(label, url, description, phone=""):
    return {"label": label, "url": url, "description": description, "phone": phone}


FEARLESS = organisation(
    "Fearless",
    "https://www.fearless.org/",
    "Crimestoppers' service for young people. It explains crime and what you can do about it, and has its own "
    "form to pass on information anonymously.",
)


ANONYMITY = {
    "title": "Your anonymity",
    "slug": "your-anonymity",
    "introduction": "When you contact Crimestoppers, nobody will know who you are. Here is what that means.",
    "body": [
        heading("What Crimestoppers does"),
        paragraph(
            "<p>Crimestoppers is a crime prevention charity. You can call it free and 100% anonymously, or use its "
            "anonymous online form.</p>"
            "<ul><li>Crimestoppers is independent of the police.</li>"
            "<li>It never asks your name or any other personal details.</li>"
            "<li>Calls are not recorded or traced, and there is no caller ID: your number is not seen.</li>"
            "<li>When you use the online form, your IP address is not kept with your report.</li>"
            "<li>You will not be asked to give a statement or to go to court.</li></ul>"
        ),
        placeholder(TO_CONFIRM.format(what="every statement in the list above")),
        heading("What happens to the information you give"),
        paragraph(
            "<ul><li>The person you speak to, or the online form, asks about what you know: what happened, where, "
            "when and who was involved. Tell them as much or as little as you want.</li>"
            "<li>Crimestoppers writes a report of the information and takes out anything that could show who you "
            "are.</li>"
            "<li>It passes the report to the police, or to another organisation that can act on it. They get the "
            "information, never who gave it.</li>"
            "<li>Nobody will contact you afterwards: Crimestoppers does not know who you are.</li></ul>"
        ),
        placeholder(TO_CONFIRM.format(what="every statement in the list above")),
        heading("If you are under 18"),
        paragraph(
            "<p>You can call Crimestoppers too, whatever your age. Crimestoppers also runs Fearless, a service for "
            "young people, with its own website and its own anonymous form.</p>"
        ),
        placeholder(TO_CONFIRM.format(what="every statement in this section, and the Fearless link below")),
        links("Crimestoppers' service for young people", FEARLESS),
        heading("Anonymity, not confidentiality"),
        paragraph(
            "<p>Crimestoppers promises anonymity. That means it does not know who you are, so it can never tell "
            "anyone. It does not promise confidentiality: whatever information you give can be passed on and "
            "used, so do not include details that would identify you.</p>"
        ),
        heading("This website"),
        paragraph(
            "<p>This website sets no cookies, loads nothing from other companies and does not record who you "
            "are. It counts only totals, such as how many times a page was read on a given day.</p>"
            "<p>Links to Crimestoppers take you to Crimestoppers' own website, which has its own privacy "
            "policy and uses cookies.</p>"
        ),
        heading("Leaving this site quickly"),
        paragraph(
            "<p>Every page has an <strong>Exit this page</strong> button at the top. It takes you straight to an "
            "everyday website, such as a weather forecast. On a computer you can also press the Shift key 3 "
            "times.</p>"
            "<p>The page you were reading is replaced, so the Back button does not bring it back. But quick exit "
            "<strong>does not erase your browsing history</strong>: other pages of this site you opened are "
            "still listed there.</p>"
        ),
        heading("Clearing your browsing history"),
        paragraph(
            "<p>Your browser remembers the pages you visit. If someone else uses your phone or computer, you can "
            "remove them:</p>"
            "<ul><li>On a computer, in Chrome, Edge or Firefox, press Ctrl, Shift and Delete together (on a Mac, "
            "Command, Shift and Delete) and choose to clear your browsing history.</li>"
            "<li>In Safari on a Mac, open the History menu and choose Clear History.</li>"
            "<li>On an iPhone or iPad, open the Settings app, find Safari and choose Clear History and Website "
            "Data.</li>"
            "<li>In Chrome on an Android phone, open the menu (three dots), choose History, then Delete browsing "
            "data.</li></ul>"
            "<p>Someone may notice that a whole history has been cleared. Instead, you can open your history "
            "(Ctrl and H on most computers) and delete only the pages from this site.</p>"
            "<p>A private or incognito window does not keep a history of the pages you visit once you close "
            "it. Your phone also keeps a list of recent calls: you can delete a call from that list.</p>"
        ),
        placeholder(CONFIRM_WITH_CRIMESTOPPERS),
    ],
}

SUPPORT = {
    "title": "Support",
    "slug": "support",
    "introduction": "Help for families who have lost someone, and for young people worried about knife crime.",
    "body": [
        paragraph("<p>If someone is in immediate danger, call 999.</p>"),
        placeholder(CONFIRM_SUPPORT),
        links(
            "For families bereaved by murder or manslaughter",
            organisation(
                "Victim Support: homicide service",
                "https://www.victimsupport.org.uk/",
                "Free support for families bereaved by murder or manslaughter, through the police investigation, "
                "the trial and afterwards. Its Supportline is free and open day and night.",
                phone="08 08 16 89 111",
            ),
            organisation(
                "Cruse Bereavement Support",
                "https://www.cruse.org.uk/",
                "Support for anyone who is grieving, by phone, online and in person.",
                phone="0808 808 1677",
            ),
        ),
        links(
            "For children and young people",
            organisation(
                "Childline",
                "https://www.childline.org.uk/",
                "Free, private help for anyone under 19, about anything, by phone or online.",
                phone="0800 1111",
            ),
            organisation(
                "The Mix",
                "https://www.themix.org.uk/",
                "Free, confidential support for young people under 25, online and by phone.",
            ),
            organisation(
                "Winston's Wish",
                "https://www.winstonswish.org/",
                "Support for children and young people after the death of someone close to them.",
            ),
        ),
        links(
            "Against knife crime",
            organisation(
                "The Ben Kinsella Trust",
                "https://www.benkinsella.org.uk/",
                "An anti-knife crime charity that shared this campaign. It teaches young people about the dangers "
                "of carrying a knife.",
            ),
        ),
        links(
            "Give information anonymously",
            organisation(
                "Crimestoppers",
                "https://crimestoppers-uk.org/",
                "The crime prevention charity. Tell them what you know without giving your name.",
            ),
            FEARLESS,
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "introduction": "This accessibility statement applies to the Hard calls save lives website.",
    "body": [
        placeholder(
            "Comms team: give the website's address and the organisation that runs it (the Metropolitan Police "
            "Service, Crimestoppers, or both)."
        ),
        paragraph(
            "<p>We want as many people as possible to be able to use this website. For example, that means you "
            "should be able to:</p>"
            "<ul><li>change colours, contrast levels and fonts using your browser or device settings</li>"
            "<li>zoom in up to 400% without the text spilling off the screen</li>"
            "<li>use the whole website with just a keyboard</li>"
            "<li>use the website with a screen reader</li>"
            "<li>read every page and call Crimestoppers with JavaScript turned off</li>"
            "<li>watch the films with captions, or read a transcript instead</li></ul>"
            "<p>We have also made the text as simple as possible to understand.</p>"
            '<p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet has advice on making your device easier to '
            "use</a> if you have a disability.</p>"
        ),
        heading("How accessible this website is"),
        paragraph(
            "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to level AA. "
            "Our automated and keyboard tests, described below, find no problems on any type of page. "
            "The website has not yet been checked by an accessibility specialist or tested with disabled "
            "people, so there may be problems that these tests cannot find.</p>"
        ),
        placeholder("Comms team: list any known problems here after the manual audit, or say that there are none."),
        heading("Feedback and contact information"),
        paragraph(
            "<p>If you need information on this website in a different format, such as large print, easy read, "
            "an audio recording or braille, contact us. Tell us the page address and the format you need.</p>"
            "<p>You can still call Crimestoppers free and anonymously at any time: the number is on every "
            "page.</p>"
        ),
        placeholder(
            "Comms team: add the email address or phone number for accessibility requests and how many "
            "days we take to reply."
        ),
        heading("Reporting accessibility problems with this website"),
        paragraph(
            "<p>We are always looking to improve the accessibility of this website. If you find any problems "
            "not listed on this page, or think we are not meeting accessibility requirements, contact us.</p>"
        ),
        placeholder("Comms team: add the contact details for reporting accessibility problems."),
        heading("Enforcement procedure"),
        paragraph(
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector "
            "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the "
            "accessibility regulations). If you are not happy with how we respond to your complaint, "
            '<a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support '
            "Service (EASS)</a>.</p>"
        ),
        heading("Technical information about this website's accessibility"),
        paragraph(
            "<p>We are committed to making this website accessible, in accordance with the Public Sector Bodies "
            "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>"
        ),
        heading("Compliance status", level="h3"),
        placeholder(
            "Comms team: state whether the website is fully, partially or not compliant with WCAG 2.2 AA once "
            "the manual audit is done. Automated tests alone cannot show full compliance."
        ),
        heading("How we tested this website"),
        paragraph(
            "<p>The development team tests the website automatically, on every change to its code:</p>"
            "<ul><li>every type of page (home, stories, a story, each text page and the page-not-found page) "
            "is checked with axe-core, an automated accessibility checker, for WCAG 2.2 level A and AA rules "
            "and good practice, in the Chromium browser at phone and desktop widths</li>"
            "<li>keyboard tests check that the Exit this page button and the call link are among the first "
            "things reached with the Tab key, and that the page is readable and the call possible with "
            "JavaScript turned off</li>"
            "<li>every page is checked for sideways scrolling at 320 pixels wide</li></ul>"
            "<p>Automated tests find only some accessibility problems. No manual audit and no testing with "
            "disabled people has been done yet.</p>"
        ),
        heading("Preparation of this accessibility statement"),
        placeholder(
            "Comms team: add the date this statement was prepared, the date of the last manual audit and who "
            "carried it out, and when the statement was last reviewed."
        ),
    ],
}

PRIVACY = {
    "title": "Privacy",
    "slug": "privacy",
    "introduction": "This website counts how it is used, in totals only. It never records who you are.",
    "body": [
        heading("What we count"),
        paragraph(
            "<p>When a page has loaded, a small script on this website adds one to a few daily totals on our own "
            "server. We count:</p><ul><li>how many times each page was read</li>"
            "<li>how many times a film was started, and reached a quarter, half, three quarters and the end</li>"
            "<li>how many times a film transcript was opened</li>"
            "<li>how many times someone tapped the call button or the link to Crimestoppers' online form</li>"
            "<li>how many times a story was shared, and by which kind of link (for example WhatsApp or email)</li>"
            "<li>how many times a story card shown on another website was seen</li>"
            "<li>how many times the quick exit button was used</li>"
            "<li>how many people answered yes or no to the short question under the stories, if it is shown</li>"
            "</ul>"
        ),
        paragraph(
            "<p>Each total is for one page, one day and one channel. The channel says how people came to the "
            "campaign, from a short list: radio, on-demand TV, social media, one of our partner organisations, "
            "directly, or other. It comes from the link you followed (for example a link ending in "
            "<code>?via=radio</code>). Your browser keeps it only in this tab, and forgets it when you close the "
            "tab.</p>"
        ),
        heading("What we do not record"),
        paragraph(
            "<ul><li>no cookies, and nothing stored on your device that could recognise you again</li>"
            "<li>no IP address, no browser or device details, in our records or our server logs</li>"
            "<li>no time finer than the day</li>"
            "<li>nothing that links one count to another, so we cannot tell what any one person did</li>"
            "<li>no advertising or analytics companies: the counting happens on this website only</li></ul>"
        ),
        heading("Why we count"),
        paragraph(
            "<p>The campaign team wants to know whether the campaign works: whether people read the stories and "
            "watch the films, whether more people contact Crimestoppers, and which radio, TV or partner links "
            "bring people here. Totals answer these questions without knowing anything about anyone.</p>"
        ),
        heading("If JavaScript is turned off"),
        paragraph(
            "<p>The counting needs JavaScript. If it is turned off or blocked, nothing at all is counted about "
            "your visit, and every page, film transcript and the call button still work.</p>"
        ),
        placeholder("Comms team: add who runs this website and how to contact them about privacy."),
    ],
}

SETTINGS = {"launch_date": datetime.date(2021, 4, 14)}
