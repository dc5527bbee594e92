"""The official slips as PDF bytes: pure functions from plain data (``model``) to PDF.

No Qt and no database here: the services layer fills the dataclasses of ``model`` from a dossier
as it was when the slip was first issued, and archives the bytes these functions return.
"""
