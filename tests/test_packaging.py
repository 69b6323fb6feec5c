"""Packaging: kg depends on what it imports, and a wheel (a plain ``pip install .``) works
outside the checkout, with the ontology and shapes as real files in it.

``ontology/kg.ttl`` and ``shapes/kg.ttl`` are the canonical files; ``kg/resources/`` holds
copies (a wheel cannot carry a link out of the package) that must stay identical.
"""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
COPIES = {"ontology.ttl": ROOT / "ontology" / "kg.ttl", "shapes.ttl": ROOT / "shapes" / "kg.ttl"}
needs_checkout = pytest.mark.skipif(not PYPROJECT.is_file(), reason="not run from a checkout of kg")

ARTICLE = (
    "Posted March. 3, 2023 10:00\n\n"
    "Chilean President Gabriel Boric met Argentine President Alberto Fernandez in Santiago "
    "on March 2, 2023. The two leaders signed the Beagle Fisheries Treaty in Santiago.\n"
)
PAGE = """<html><head><title>Chile and Argentina meet</title></head><body><article>
<h1>Chile and Argentina meet</h1>
<p>Chilean President Gabriel Boric met Argentine President Alberto Fernandez in Buenos Aires on May 5, 2023.</p>
<p>They signed the Andes Water Treaty.</p>
</article></body></html>"""


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _dependencies(extra: str | None = None) -> set[str]:
    """The packages kg depends on (or those of one optional extra)."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    deps = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return {_norm(re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0]) for d in deps}


@needs_checkout
@pytest.mark.parametrize("name", sorted(COPIES))
def test_packaging_resources_are_real_copies_of_the_canonical_files(name: str) -> None:
    copy, canonical = ROOT / "kg" / "resources" / name, COPIES[name]
    assert not copy.is_symlink(), f"{copy} is a link: a wheel needs the file itself"
    assert copy.read_bytes() == canonical.read_bytes(), (
        f"{copy.relative_to(ROOT)} differs from {canonical.relative_to(ROOT)} (the canonical file): "
        f"cp {canonical.relative_to(ROOT)} {copy.relative_to(ROOT)}")


@needs_checkout
def test_packaging_depends_on_every_package_kg_imports() -> None:
    # every third-party module imported anywhere in kg/ comes from a declared dependency
    # (a package that another dependency happens to bring in today does not count), or from
    # the extra of the one command that needs it (kg ingest --cluster: the cluster extra, which
    # the test extra pulls in too); a writer of a reference file under kg/data/, from the data
    # extra (kg reads the file it writes, never the package)
    assert _dependencies("cluster") <= _dependencies("test")
    deps = _dependencies() | _dependencies("cluster")
    data = _dependencies("data")
    dists = importlib.metadata.packages_distributions()
    undeclared: dict[str, str] = {}
    for path in (ROOT / "kg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("kg", "__future__"):
                    continue
                provided = {_norm(d) for d in dists.get(top, [top])}
                if not provided & (deps | (data if path.parent.name == "data" else set())):
                    undeclared[top] = str(path.relative_to(ROOT))
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"


@needs_checkout
def test_packaging_trafilatura_can_be_imported() -> None:
    # trafilatura (jusText) imports lxml.html.clean, the separate package lxml_html_clean:
    # kg depends on it directly, as pip < 23.3 does not install it through lxml[html_clean]
    assert "lxml-html-clean" in _dependencies()
    import lxml.html.clean  # noqa: F401
    import trafilatura  # noqa: F401


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    assert proc.returncode == 0, f"{cmd} exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


@needs_checkout
@pytest.mark.slow
def test_packaging_wheel_install_ingests_and_validates(tmp_path: Path) -> None:
    # The wheel is built from a copy of the source (the checkout is left as it is), installed
    # without dependencies into a new venv that sees this environment's packages (not kg
    # itself: an editable install is a .pth file, which the venv does not read), and run
    # from a folder outside the checkout.
    src = tmp_path / "src"
    shutil.copytree(ROOT / "kg", src / "kg", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)])
    (wheel,) = dist.glob("kg-*.whl")
    with zipfile.ZipFile(wheel) as z:
        for name, canonical in COPIES.items():
            info = z.getinfo(f"kg/resources/{name}")
            assert (info.external_attr >> 16) & 0o170000 in (0, 0o100000), f"{name} is not a regular file"
            assert z.read(info) == canonical.read_bytes()

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_kg_test_deps.pth").write_text("\n".join(sorted(here)) + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q",
          str(wheel)])

    work = tmp_path / "work"
    work.mkdir()
    (work / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (work / "page.html").write_text(PAGE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "PYTHONPATH", "PYTHONHOME")}
    where = _run([str(python), "-c", "import kg; print(kg.__file__)"], cwd=work, env=env).stdout.strip()
    assert Path(where).is_relative_to(site), f"kg imported from {where}, not from the wheel's install"

    kg_cmd = str(bindir / "kg")
    out = _run([kg_cmd, "--store", "store", "ingest", "article.txt", "page.html"], cwd=work, env=env).stdout
    lines = out.splitlines()
    assert [line.split(": ")[0] for line in lines] == ["article.txt", "page.html"], out
    for line in lines:
        assert int(line.split(": ", 1)[1].split(" facts")[0]) > 0, line
    out = _run([kg_cmd, "--store", "store", "validate"], cwd=work, env=env).stdout
    assert out.startswith("Conforms"), out
    out = _run([kg_cmd, "--store", "store", "ask", "treaties", "--format", "csv"], cwd=work, env=env).stdout
    assert "Beagle Fisheries Treaty" in out, out


@needs_checkout
def test_packaging_ci_runs_the_readme_commands_and_nothing_else_in_the_venv() -> None:
    # .ci/run reads the README's two commands from README.md and runs them in a fresh clone;
    # it installs nothing into the venv of its own (an upgrade of pip there once hid a
    # dependency that the README's command did not install)
    ci = ROOT / ".ci" / "run"
    if not ci.is_file():
        pytest.skip("no .ci/run")
    code = [line for line in ci.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    assert any("git clone" in line for line in code)
    awk = re.search(r"awk '\n(.*?)\n' \"\$root/README.md\"", ci.read_text(encoding="utf-8"), re.S)
    assert awk, "the README's commands are not checked against README.md"
    out = subprocess.run(["awk", awk.group(1), str(ROOT / "README.md")], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert len(out) == 2 and "pip install" in out[0] and "pytest" in out[1], out
    # every line that touches the venv is one of the README's commands, as written there (run,
    # or kept in a variable to check against the README)
    venv_lines = [re.sub(r"^\w+='(.*)'$", r"\1", line.strip()) for line in code
                  if re.search(r"\bpip\b|\.venv", line)]
    assert venv_lines and set(venv_lines) <= set(out), "\n".join(venv_lines)
    assert set(out) <= {line.strip() for line in code}, "a README command is not run as written"
