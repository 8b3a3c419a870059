"""Uploads are checked by their content, not by their name: size first, then the file's own magic.

A checked file is stored under a random name with the extension of its checked type (RandomName), so
nothing a person typed reaches the file system; the name they gave is kept, made safe (safe_name), only
to show and to send back when the file is downloaded.
"""

import re
import unicodedata
import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
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


# The extension each accepted content type is stored with, and the extensions a person's own file name
# may keep for it when it is downloaded again.
EXTENSIONS = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "text/plain": "txt",
    **{content_type: extension for content_type, extension in OOXML.values()},
    **ODF,
}
NAME_EXTENSIONS = {"jpg": {"jpg", "jpeg"}, "txt": {"txt", "csv", "tsv", "md"}}
UNSAFE = re.compile(r'[\x00-\x1f\x7f"*:<>?|;\\/]+')


def safe_name(name: str, extension: str = "", limit: int = 200) -> str:
    """A person's file name made safe to show and to send in Content-Disposition: its last path part,
    without control, quote or path characters or leading dots, ending in `extension` (the checked
    type's) when given, and at most `limit` characters with its extension kept."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    # control characters become spaces; invisible ones (such as a right-to-left override) go
    categories = ((ch, unicodedata.category(ch)) for ch in name)
    name = "".join(" " if cat == "Cc" else ch for ch, cat in categories if cat == "Cc" or cat[0] != "C")
    name = UNSAFE.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if extension and not (dot and suffix.lower() in NAME_EXTENSIONS.get(extension, {extension})):
        stem, suffix = name, extension
    elif not dot:
        stem, suffix = name, ""
    stem = stem or "file"
    ending = f".{suffix}" if suffix else ""
    return stem[: max(1, limit - len(ending))].rstrip(" .") + ending


@deconstructible
class RandomName:
    """`upload_to` for checked files: `folder/YYYY/MM/<uuid4 hex>.<extension of the checked content
    type>`, read from the instance's `content_type`, never from the name the person gave."""

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        extension = EXTENSIONS.get(getattr(instance, "content_type", ""), "bin")
        return f"{self.folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


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
    """Validate an uploaded file; returns (content type, size) or raises a clear ValidationError.

    A file that passes also has its `name` made safe for display (safe_name, ending in its checked
    type's extension), which is the name callers keep."""
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
    upload.name = safe_name(upload.name, kind[1])
    return kind[0], upload.size
