"""Requests in: a JSON body ``{"text", "lang", "format", "publisher", …}`` or a multipart form
with a ``file`` upload (or a ``text`` field), read into a :class:`~attribution.read.Document`
whose language is known. Everything wrong with the input is an :class:`ApiError` (4xx)."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Literal

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from ..language import LanguageError, resolve_language
from ..lint import DEFAULT_MIN_SCORE
from ..read import SUPPORTED_SUFFIXES, Document, ReadError, read_bytes
from .errors import ApiError, describe_validation

LANGS = ("auto", "en", "id")


class ArticleIn(BaseModel):
    """One article and how to read it."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="the article (or upload it as 'file' in a multipart form)")
    lang: str = Field("auto", description="auto (detect), en or id")
    format: Literal["text", "markdown", "html"] | None = Field(
        None, description="how to read the text (default: HTML when it looks like HTML, else plain text)")
    publisher: str | None = Field(None, description="the outlet publishing the article (default: from its dateline)")


class LintIn(ArticleIn):
    """One article and the lint options of ``attribution lint``."""

    select: list[str] | None = Field(None, description="only these codes or prefixes (a list, or commas)")
    ignore: list[str] | None = Field(None, description="skip these codes or prefixes (a list, or commas)")
    min_score: float = Field(DEFAULT_MIN_SCORE, ge=0, le=100, description="ATR011 fires under this score")

    @field_validator("select", "ignore", mode="before")
    @classmethod
    def _split_codes(cls, value):
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, list):
            return [c.strip().upper() for c in value if isinstance(c, str) and c.strip()] or None
        return value


@dataclass
class Article:
    """A request's article, read, with the options that came with it."""

    document: Document
    options: ArticleIn


def request_body(model: type[ArticleIn]) -> dict:
    """The OpenAPI ``requestBody`` of an endpoint that reads an article with ``model``'s fields."""
    form = {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary", "description": ".txt, .md, .html or .docx"},
        **{name: {"type": "string"} for name in model.model_fields}}}
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema()},
        "multipart/form-data": {"schema": form}}}}


def article_reader(model: type[ArticleIn]):
    """A FastAPI dependency reading the request's article with the fields of ``model``."""

    async def read_article(request: Request) -> Article:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json" or kind.endswith("+json"):
            fields, upload = _json_fields(await request.body()), None
        elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
            fields, upload = await _form_fields(request, model)
        else:
            raise ApiError(415, "unsupported_media_type",
                           "send the article as JSON (application/json) or as a multipart form with a 'file'")
        try:
            options = model.model_validate(fields)
        except ValidationError as err:
            raise ApiError(422, "invalid_request", describe_validation(err.errors())) from None
        if options.lang not in LANGS:
            raise ApiError(422, "unsupported_language",
                           f"unsupported language '{options.lang}' (use one of {', '.join(LANGS)})")
        document = _document(options, upload)
        if not document.text.strip():
            raise ApiError(422, "empty_text", "no text to check: the article is empty")
        try:
            document.lang = resolve_language(document.text, options.lang)
        except LanguageError as err:
            raise ApiError(422, "undetectable_language", str(err).replace("--lang", "'lang'")) from None
        return Article(document, options)

    return read_article


def _json_fields(body: bytes) -> dict:
    try:
        fields = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ApiError(400, "invalid_json", f"the body is not valid JSON ({err})") from None
    if not isinstance(fields, dict):
        raise ApiError(422, "invalid_request", 'the body must be a JSON object such as {"text": "…"}')
    return fields


async def _form_fields(request: Request, model: type[ArticleIn]) -> tuple[dict, tuple[str, bytes] | None]:
    try:
        form = await request.form(max_files=1, max_fields=len(model.model_fields) + 1,
                                  max_part_size=request.app.state.max_body)
    except HTTPException as err:
        raise ApiError(400, "bad_form", f"cannot read the form ({err.detail})") from None
    fields: dict = {}
    upload = None
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            if name != "file":
                raise ApiError(422, "invalid_request", f"unexpected upload '{name}' (the article goes in 'file')")
            if value.filename:  # browsers send an empty part when no file was chosen
                upload = (os.path.basename(value.filename.replace("\\", "/")), await value.read())
        elif name in fields:
            raise ApiError(422, "invalid_request", f"'{name}' is given twice")
        elif value != "":  # an empty field is one not filled in
            fields[name] = value
    await form.close()
    return fields, upload


def _document(options: ArticleIn, upload: tuple[str, bytes] | None) -> Document:
    if upload is not None and options.text is not None:
        raise ApiError(422, "invalid_request", "give either 'text' or a 'file', not both")
    if upload is None and options.text is None:
        raise ApiError(422, "missing_text", "no article: give 'text' (JSON or form field) or upload a 'file'")
    if upload is not None:
        name, data = upload
        if os.path.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES:
            raise ApiError(415, "unsupported_file", f"{name}: not a .txt, .md, .html or .docx file")
    else:
        name, data = "text", options.text.encode("utf-8")
    try:
        document = read_bytes(data, name, options.format, max_bytes=0)  # the body limit applies
    except ReadError as err:
        raise ApiError(422, "unreadable_file" if upload else "unreadable_text", str(err)) from None
    if upload is None:
        document.path = None  # pasted text has no file name
    return document
