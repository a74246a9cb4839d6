"""The editor's web page and HTTP API (``attribution serve``): FastAPI on top of the checker,
the reports and lint. Needs the ``serve`` extra (``pip install 'attribution[serve]'``)."""
from __future__ import annotations

DEFAULT_MAX_BODY = 2 * 1024 * 1024
# the serve extra: each package with the module names it can be imported as
PACKAGES = (("fastapi", ("fastapi",)), ("uvicorn", ("uvicorn",)),
            ("python-multipart", ("python_multipart", "multipart")))
__all__ = ["DEFAULT_MAX_BODY", "create_app", "missing_packages"]


def missing_packages() -> list[str]:
    """The packages of the serve extra that cannot be imported."""
    import importlib

    missing = []
    for package, modules in PACKAGES:
        for module in modules:
            try:
                importlib.import_module(module)
                break
            except ImportError:
                continue
        else:
            missing.append(package)
    return missing


def __getattr__(name: str):
    # FastAPI loads only when the app is wanted, so the CLI can say what to install first
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module 'attribution.serve' has no attribute {name!r}")
