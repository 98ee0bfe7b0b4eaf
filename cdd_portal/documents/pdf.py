"""Official documents as PDF: WeasyPrint, A4, the Sarabun face, Thai digits, fetching only our own files."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.template.loader import render_to_string

ALLOWED_PREFIX = "file://"


def _allowed_roots() -> list[Path]:
    return [Path(settings.SARABUN_FONT_DIR).resolve(), (Path(settings.BASE_DIR) / "static").resolve()]


def url_fetcher():
    """A fetcher that reads our fonts and static files and nothing else: no network, no other file."""
    from weasyprint.urls import URLFetcher

    class OwnFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(ALLOWED_PREFIX):
                path = Path(unquote(url[len(ALLOWED_PREFIX):])).resolve()
                if any(path.is_relative_to(root) for root in _allowed_roots()):
                    return super().fetch(url, headers)
            raise ValueError(f"refused to fetch {url!r}")

    return OwnFilesOnly(allowed_protocols={"file"}, fail_on_errors=True)


# HarfBuzz shapes SARA AM (ำ) as NIKHAHIT + SARA AA glyphs; WeasyPrint then maps the shared SARA AA
# glyph to "ำ" in the PDF's ToUnicode table, so every า of the document extracts (copy, search) as ำ.
# Writing SARA AM in its decomposed form (its Unicode compatibility decomposition, NFKC-equal) looks
# the same on paper and keeps every glyph's text right.
SARA_AM, NIKHAHIT_SARA_AA = "\u0e33", "\u0e4d\u0e32"


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, {**context, "font_dir": Path(settings.SARABUN_FONT_DIR).resolve().as_uri()})
    html = html.replace(SARA_AM, NIKHAHIT_SARA_AA)
    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=url_fetcher()).write_pdf()
