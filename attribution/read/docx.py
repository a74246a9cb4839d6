"""Word (.docx) reader: the document's paragraphs, one per line, so line = paragraph number."""
from __future__ import annotations

import io
import zipfile


def extract_docx(data: bytes, name: str) -> str:
    """The text of a .docx file; ``ValueError`` when it is not one."""
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ValueError("reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ValueError(f"not a Word document ({type(err).__name__})") from None
    return "\n".join(p.text for p in document.paragraphs)
