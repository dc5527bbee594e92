"""The official slips as PDF bytes: pure functions from plain data (``model``) to PDF.

No Qt and no database here: the services layer fills the dataclasses of ``model`` from a dossier
as it was when the slip was first issued, and archives the bytes these functions return.
"""

from counter_app.documents.fonts import MissingGlyphError, check_glyphs
from counter_app.documents.guidance import render_guidance
from counter_app.documents.model import (
    ApplicantInfo,
    DocumentLine,
    FeeLine,
    GuidanceData,
    OfficeInfo,
    ProcessingTime,
    ReceiptData,
)
from counter_app.documents.receipt import render_receipt

__all__ = [
    "ApplicantInfo",
    "DocumentLine",
    "FeeLine",
    "GuidanceData",
    "MissingGlyphError",
    "OfficeInfo",
    "ProcessingTime",
    "ReceiptData",
    "check_glyphs",
    "render_guidance",
    "render_receipt",
]
