"""Home, index and standard pages for the demo site. Unknowns are labelled as placeholders."""

import datetime

HOME = {
    "title": "Hard calls save lives",
    "campaign_line": "Calling about knife crime may be hard. There are harder calls.",
    "premise": (
        "<p>Five mothers whose sons were killed by knife crime tell, in short films, about the first calls "
        "they had to make after their sons died.</p>"
        "<p>Picking up the phone to Crimestoppers may be difficult. It could stop another family having to make "
        "a far harder call. No piece of information is too small: it can help build a wider picture that "
        "prevents crime and saves a life.</p>"
    ),
    "anonymity_text": (
        "<p>Crimestoppers is a crime prevention charity. You do not give your name. Calls are not traced and "
        "there is no caller ID. When you report online, your IP address is removed.</p>"
    ),
}

STORY_INDEX = {
    "title": "Stories",
    "slug": "stories",
    "introduction": "Five mothers, and the first calls they had to make after their sons were killed.",
}

CONFIRM_WITH_CRIMESTOPPERS = "Comms team: confirm this wording with Crimestoppers before launch."


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def placeholder(text):
    return {"type": "placeholder_note", "value": text}


ANONYMITY = {
    "title": "Your anonymity",
    "slug": "your-anonymity",
    "introduction": "When you contact Crimestoppers, nobody will know who you are. Here is what that means.",
    "body": [
        heading("What Crimestoppers does"),
        paragraph(
            "<ul><li>Crimestoppers never asks your name.</li><li>Calls are not traced.</li>"
            "<li>There is no caller ID: your number is not seen.</li>"
            "<li>When you use the online form, your IP address is removed from your report.</li></ul>"
        ),
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
            "<p>Your browser still remembers the pages you visit. If someone else uses your phone or computer, "
            "you can clear your browsing history in your browser's settings, or use a private window.</p>"
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
        placeholder(
            "The comms team adds verified support services here (for bereaved families and for young people), "
            "each with a link and a short description. The list below is editable."
        ),
        {
            "type": "link_list",
            "value": {
                "title": "Give information anonymously",
                "links": [
                    {
                        "label": "Crimestoppers",
                        "url": "https://crimestoppers-uk.org/",
                        "description": "The crime prevention charity. Tell them what you know without giving "
                        "your name.",
                    }
                ],
            },
        },
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "introduction": "This statement applies to the Hard calls save lives website.",
    "body": [
        paragraph(
            "<p>We want as many people as possible to be able to use this website. For example, you should be "
            "able to:</p><ul><li>zoom in up to 400% without the text spilling off the screen</li>"
            "<li>navigate the whole website using just a keyboard</li><li>navigate the website using a screen "
            "reader</li><li>use the website with JavaScript turned off</li><li>watch every film with captions, "
            "or read its transcript</li></ul>"
        ),
        heading("How accessible this website is"),
        paragraph(
            "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to level AA. "
            "We know of no parts of this website that are not accessible.</p>"
        ),
        heading("What to do if you cannot use this website"),
        paragraph(
            "<p>If you need information on this website in a different format, or you find a problem, "
            "tell us. You can still call Crimestoppers free and anonymously at any time: the number is on "
            "every page.</p>"
        ),
        placeholder("Comms team: add the contact address for accessibility feedback and the response time."),
        heading("Enforcement procedure"),
        paragraph(
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector "
            "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not "
            "happy with how we respond to your complaint, contact the Equality Advisory and Support Service "
            "(EASS).</p>"
        ),
        heading("How we tested this website"),
        paragraph(
            "<p>Every page type is tested automatically with axe-core in a real browser at phone and desktop "
            "widths, by keyboard, at 320 pixels wide and with JavaScript turned off.</p>"
        ),
        placeholder("Comms team: add the date of the last manual audit and when this statement was last reviewed."),
    ],
}

SETTINGS = {"launch_date": datetime.date(2021, 4, 14)}
