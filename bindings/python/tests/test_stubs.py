"""The type stubs (_planeval.pyi) describe the compiled module: the same classes, functions and
members, so type checkers and editors see what is there."""

import ast
import pathlib

import planeval
from planeval import _planeval

STUB = pathlib.Path(planeval.__file__).with_name("_planeval.pyi")


def stub_names():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    functions, classes = set(), {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            functions.add(node.name)
        elif isinstance(node, ast.ClassDef):
            members = set()
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    members.add(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    members.add(item.target.id)
            classes[node.name] = members
    return functions, classes


def public(obj):
    return {n for n in vars(obj) if not n.startswith("_")}


def test_the_stubs_list_every_function_and_class():
    functions, classes = stub_names()
    module_functions = {n for n in public(_planeval) if callable(getattr(_planeval, n))
                        and not isinstance(getattr(_planeval, n), type)}
    module_classes = {n for n in public(_planeval) if isinstance(getattr(_planeval, n), type)}
    assert functions == module_functions
    assert set(classes) == module_classes


def test_the_stubs_list_every_member():
    _, classes = stub_names()
    for name, members in classes.items():
        cls = getattr(_planeval, name)
        if issubclass(cls, BaseException):
            continue  # code, message and location are set on each instance
        stub_public = {m for m in members if not m.startswith("_")}
        assert stub_public == public(cls), name


def test_the_package_exports_the_module():
    functions, classes = stub_names()
    # what the package itself defines in Python (planeval.index, IndexResult) beside the module
    python = {"index", "IndexResult"}
    assert all(getattr(planeval, n).__module__ == "planeval" for n in python)
    assert set(planeval.__all__) == functions | set(classes) | {"__version__"} | python
