"""The importer: published reports (text, web page, Word) into the model.

The pipeline (``_pipeline``) reads the source (``_source``), finds the header (``_header``),
the outline (``_outline``), the parts (``_parts``) and their bodies (``_body``), the figures
(``_figures``), and builds the :class:`~rol_model.Report` (``_build``). Formats: ``_html``,
``_docx``.
"""

from __future__ import annotations

from rol_model.importer._docx import (
    import_docx,
)
from rol_model.importer._pipeline import (
    MAX_IMPORT_BYTES,
    ImportResult,
    import_bytes,
    import_file,
    import_text,
)

__all__ = [
    "MAX_IMPORT_BYTES",
    "ImportResult",
    "import_bytes",
    "import_docx",
    "import_file",
    "import_text",
]
