"""StreamField blocks for page bodies. Each one describes itself for editors in the block picker."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading"), ("h4", "Minor heading")],
        default="h2",
        help_text="Use section headings for the main parts of the page and subheadings inside them.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        preview_value = {"text": "What the course covers", "level": "h2"}
        description = "A heading that starts a new section and appears in the page outline."


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        preview_value = (
            "<p>The partnership brings practitioners and academics together to improve "
            "practice with children, families and adults.</p>"
        )
        description = "Paragraphs of text with links, lists and subheadings."


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Describe the image for people who cannot see it. "
        "Leave blank to use the image's own description; write 'decorative' if it adds nothing.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        description = "A picture with an optional caption and credit."


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=150, help_text="Who said it.")
    role = blocks.CharBlock(
        required=False, max_length=150, help_text="Their role, for example 'Practice educator'."
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        preview_value = {
            "quote": "Spending a day in practice changed what I teach on Monday morning.",
            "attribution": "Senior lecturer",
            "role": "University partner",
        }
        description = "A pull quote from a practitioner, academic or someone who uses services."


class FactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=40, help_text="The number or short fact, e.g. '120'.")
    label = blocks.CharBlock(max_length=150, help_text="What it counts, e.g. 'practitioners'.")


class FactBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, default="Key facts")
    facts = blocks.ListBlock(FactBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/fact_box.html"
        preview_value = {
            "heading": "Key facts",
            "facts": [
                {"figure": "6", "label": "partner local authorities"},
                {"figure": "240", "label": "practitioners trained each year"},
            ],
        }
        description = "A box of headline figures, as in the DfE case study template."


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    page = blocks.PageChooserBlock(required=False, help_text="Link to a page on this site…")
    url = blocks.URLBlock(required=False, help_text="…or to another website.")
    button_label = blocks.CharBlock(max_length=60, default="Find out more")

    class Meta:
        icon = "link"
        template = "blocks/call_to_action.html"
        preview_value = {
            "heading": "Join the next cohort",
            "text": "Applications for the Practice Leader Development Programme are open.",
            "url": "https://example.org/apply",
            "button_label": "Apply now",
        }
        description = "A highlighted panel with a button that sends readers somewhere next."

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ["Choose a page or enter a web address for the button."]}
            )
        return value


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_list.html"
        description = "A list of downloadable files with their type and size."


class EmbedMediaBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        description = "A video or other media from YouTube, Vimeo and similar sites, by its URL."


class PeopleListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    people = blocks.ListBlock(SnippetChooserBlock("cms.Person"), min_num=1)

    class Meta:
        icon = "group"
        template = "blocks/people_list.html"
        description = "Cards for people from the directory: photo, role and organisation."


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    call_to_action = CallToActionBlock()
    document_list = DocumentListBlock()
    embed = EmbedMediaBlock()
    people_list = PeopleListBlock()

    class Meta:
        template = "blocks/body.html"
