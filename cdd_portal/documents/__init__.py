"""Official documents: the PDF base (pdf.py) and the render-job pipeline every export goes through."""
