"""Wagtail messages that Wagtail's own Danish catalogue leaves in English.

Never imported: it exists so that makemessages keeps these msgids in locale/da/LC_MESSAGES/django.po,
where our Danish wording overrides Wagtail's (LOCALE_PATHS comes first). The list holds what teachers
and leaders meet on the experiment editor, the dashboard and the page explorer, and image uploads.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_IMAGE_UPLOAD_MESSAGES = [
    gettext_noop("Not a supported image format. Supported formats: %(supported_formats)s."),
    gettext_noop(
        "Not a valid .%(extension)s image. The extension does not match the file format "
        "(%(image_format)s)"
    ),
    gettext_noop("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."),
    gettext_noop(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    ),
    gettext_noop("This file is too big. Maximum filesize %(max_filesize)s."),
]

WAGTAIL_EDITOR_MESSAGES = [
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    ),
    gettext_noop("page"),
    gettext_noop("pages"),
    ngettext_lazy("%(count)s image", "%(count)s images", 0),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("%(time)s by %(user_display_name)s"),
    gettext_noop("- Select an option -"),
    gettext_noop("Actions"),
    gettext_noop("Add comment"),
    gettext_noop("Add Comment"),
    gettext_noop("Choose an image"),
    gettext_noop("Close dialog"),
    gettext_noop("Comment"),
    gettext_noop("Delete selected pages"),
    gettext_noop("Documents"),
    gettext_noop("Editing %(page_type)s"),
    gettext_noop("Exploring"),
    gettext_noop("Help"),
    gettext_noop("Image"),
    gettext_noop("Image is decorative"),
    gettext_noop("Images"),
    gettext_noop("Insert"),
    gettext_noop("More actions"),
    gettext_noop("Move selected pages"),
    gettext_noop(
        'Multi-word tags with spaces will automatically be enclosed in double quotes (").'
    ),
    gettext_noop("Page %(page_num)s of %(total_pages)s"),
    gettext_noop("Pagination"),
    gettext_noop("Preview in desktop size"),
    gettext_noop("Preview in mobile size"),
    gettext_noop("Preview in new tab"),
    gettext_noop("Preview in tablet size"),
    gettext_noop("Private. Visit the live page"),
    gettext_noop("Publish %(model_name)s"),
    gettext_noop("Publish selected pages"),
    gettext_noop("Reports"),
    gettext_noop("Search all pages…"),
    gettext_noop("Search…"),
    gettext_noop("Select"),
    gettext_noop("Select all"),
    gettext_noop("Select row"),
    gettext_noop("Show filters"),
    gettext_noop("Side panels"),
    gettext_noop("The page title as you'd like it to be seen by the public"),
    gettext_noop("Toggle breadcrumbs"),
    gettext_noop("Toggle checks"),
    gettext_noop("Toggle comments"),
    gettext_noop("Toggle preview"),
    gettext_noop("Toggle section"),
    gettext_noop("Toggle side panel"),
    gettext_noop("Toggle sidebar"),
    gettext_noop("Toggle status"),
    gettext_noop("Unpublish selected pages"),
    gettext_noop("Visible to all"),
    gettext_noop("Visible to all. Visit the live page"),
    gettext_noop("Visit the live page"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("at %(time)s"),
    gettext_noop("comment"),
    gettext_noop("comments"),
]
