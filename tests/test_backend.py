"""kg.backend: one typed contract for the embedded and the remote store (issue 13)."""

from __future__ import annotations

import inspect
import typing

import pytest

from kg.backend import Backend
from kg.remote import RemoteStore
from kg.store import MEMORY, KgStore

METHODS = [name for name in dir(Backend) if not name.startswith("_") or name == "__len__"]
METHODS = [m for m in METHODS if callable(getattr(Backend, m, None))]


@pytest.mark.parametrize("cls", [KgStore, RemoteStore])
@pytest.mark.parametrize("name", METHODS)
def test_backend_same_methods(cls, name) -> None:
    want = inspect.signature(getattr(Backend, name))
    have = inspect.signature(getattr(cls, name))
    assert list(have.parameters) == list(want.parameters), f"{cls.__name__}.{name}{have}"
    hints = typing.get_type_hints(getattr(cls, name))
    assert str(hints.get("return")) == str(typing.get_type_hints(getattr(Backend, name)).get("return"))


def test_backend_embedded_is_one() -> None:
    assert isinstance(KgStore(MEMORY), Backend)


def test_backend_one_guard() -> None:
    import kg.remote
    import kg.store

    source = inspect.getsource(kg.remote) + inspect.getsource(kg.store)
    assert "re.compile(r\"(?<![?$:\\w-])LOAD" not in source  # the checks live in kg/sparql_guard.py only
    assert "screen(" in inspect.getsource(KgStore.query) and "screen(" in inspect.getsource(RemoteStore.query)


def test_backend_only_store_imports_the_engine() -> None:
    from pathlib import Path

    import kg

    root = Path(kg.__file__).parent
    importers = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                       if "import pyoxigraph" in p.read_text(encoding="utf-8"))
    assert importers == ["store.py"]
