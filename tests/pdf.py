"""Reading our PDFs back in tests: pdftotext (poppler), compared without white space (cells wrap
inside their columns) and in NFKD (SARA AM is written decomposed)."""

import subprocess
import unicodedata


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKD", text).split())


def pdf_text(path) -> str:
    """The text layer of the PDF at `path`, squeezed."""
    return squeeze(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def missing(text: str, *phrases: str) -> list[str]:
    """The phrases that the squeezed `text` does not contain (assert it is empty)."""
    return [p for p in phrases if squeeze(p) not in text]


def page_png(path, out_prefix, *, dpi: int = 50) -> None:
    """Page 1 as a PNG next to the test's files, to look at."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(path), str(out_prefix)], check=True)
