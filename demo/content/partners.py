"""Demo partner toolkit and placeholder partners.

The partners are plainly placeholders: the comms team replaces them with the organisations that sign up.
"""

from .site_pages import heading, paragraph, placeholder

TOOLKIT = {
    "title": "Partner toolkit",
    "slug": "partner-toolkit",
    "introduction": "For police teams, charities and anyone sharing the campaign: for each story, the words to "
    "post, its short address, code to put the story card on your website, and an image to share.",
    "body": [
        heading("How to share"),
        paragraph(
            "<ul><li>Use the suggested post, or your own words, with the hashtag.</li>"
            "<li>Read out the short address on radio and TV: it takes listeners straight to the story.</li>"
            "<li>Always include the Crimestoppers number. Calls are free and 100% anonymous.</li></ul>"
        ),
        placeholder(
            "Comms team: add the campaign's guidance for partners here (tone, timing, what not to say), "
            "agreed with Crimestoppers and the families."
        ),
    ],
    "partners_text": "Each partner's links carry its own code. We count only totals: which partner's links "
    "brought visitors, never who they were.",
}

PARTNERS = [
    {"name": "Example borough partner (placeholder)", "code": "example-borough", "website": ""},
    {"name": "Example charity partner (placeholder)", "code": "example-charity", "website": ""},
]
