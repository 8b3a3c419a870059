"""Uploads are checked by their content, not by their name: size first, then the file's own magic."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UNZIPPED = 200 * 1024 * 1024  # an office file that unpacks to more than this is treated as a zip bomb

OOXML = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
}
ODF = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def _zip_type(upload) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNZIPPED:
                return None
            names = [info.filename for info in infos]
            if names and names[0] == "mimetype":
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return (mimetype, ODF[mimetype]) if mimetype in ODF else None
            if "[Content_Types].xml" in names:
                for prefix, kind in OOXML.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def sniff(upload) -> tuple[str, str] | None:
    """(content type, extension) of an allowed file, or None."""
    upload.seek(0)
    head = upload.read(8)
    if head.startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "jpg"
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(upload)
    upload.seek(0)
    sample = upload.read(64 * 1024)
    if b"\x00" in sample:
        return None
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:  # a character cut at the sample's end is fine
            return None
        text = sample[: error.start].decode("utf-8")
    start = text[:1024].lstrip().lower()
    if start.startswith("<") or "<html" in start or "<svg" in start or "<script" in start:
        return None  # markup could run in a browser: not accepted as text
    return "text/plain", "txt"


def check_upload(upload) -> tuple[str, int]:
    """Validate an uploaded file; returns (content type, size) or raises a clear ValidationError."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(_("The file is larger than %(mb)s MB.") % {"mb": limit // (1024 * 1024)})
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    kind = sniff(upload)
    upload.seek(0)
    if kind is None:
        raise ValidationError(
            _(
                "This kind of file is not accepted. Upload PDF, Word, Excel, PowerPoint, OpenDocument, "
                "PNG, JPEG or plain text."
            )
        )
    return kind[0], upload.size
