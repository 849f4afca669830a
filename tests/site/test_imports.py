"""Imports run one way: no cycle among our modules, and imports inside functions only where
they cannot be avoided, each with its reason.

The graph is read from the source (ast), not from what Python happens to have imported:
an import at module level (class bodies and `if` blocks included) is an edge from the
module to the one it names, and to that module's packages, which Python imports first.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Folder -> import name (site/ is installed as `closher`: the standard library owns `site`).
PACKAGES = {"site": "closher", "home": "home", "services": "services", "directory": "directory"}

# Imports inside a function: (function, how many) -> why they cannot be at module level.
FUNCTION_LEVEL_ALLOWED = {
    ("home.apps.HomeConfig.ready", 1): "signal receivers that use models: apps are loaded",
    ("closher.apps.CloserConfig.ready", 1): "the page cache's signals need Wagtail's models",
    ("directory.apps.DirectoryConfig.ready", 1): "signal receivers and policies use models",
    ("directory.permission_policies.install", 1): "Wagtail's document policy needs loaded apps",
    ("services.gazetteer.build.read_geopop", 2): "optional packages, only to rebuild the data",
    ("services.gazetteer.build.read_population", 1): "the same, for the residents",
    ("services.gazetteer.build.read_outlines", 2): "the same, for the province outlines",
    ("services.migrations.0006_service_codes.place_publicly", 1): (
        "a data migration: the pure positioning function, imported only when it runs"
    ),
}


def project_modules():
    """{module name: (path, is_package)} for every Python file of our apps."""
    modules = {}
    for folder, package in PACKAGES.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = [package, *path.relative_to(ROOT / folder).with_suffix("").parts]
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            modules[".".join(parts)] = (path, is_package)
    return modules


def imported_names(node, module, is_package):
    """The absolute names an import statement asks for (a module, or a name in one)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    package = module if is_package else module.rpartition(".")[0]
    for _level in range(node.level - 1):
        package = package.rpartition(".")[0]
    base = ".".join(part for part in (package if node.level else "", node.module or "") if part)
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def module_level_imports(tree):
    """Import statements that run when the module is imported (not inside a function)."""
    found = []

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append(child)
            visit(child)

    visit(tree)
    return found


def import_graph():
    modules = project_modules()
    graph = {}
    for module, (path, is_package) in modules.items():
        targets = set()
        for node in module_level_imports(ast.parse(path.read_text(), str(path))):
            for name in imported_names(node, module, is_package):
                while name:
                    if name in modules and name != module:
                        targets.add(name)
                    name = name.rpartition(".")[0]
        graph[module] = targets
    return graph


def cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def function_level_imports():
    """{(qualified function name, count)} of the import statements inside functions."""
    counts = {}
    for module, (path, _is_package) in project_modules().items():

        def visit(node, scope, module=module):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    inner = f"{scope}.{child.name}"
                    if not isinstance(child, ast.ClassDef):
                        for statement in ast.walk(child):
                            if isinstance(statement, ast.Import | ast.ImportFrom):
                                counts[inner] = counts.get(inner, 0) + 1
                        continue
                    visit(child, inner)
                else:
                    visit(child, scope)

        visit(ast.parse(path.read_text(), str(path)), module)
    return set(counts.items())


def test_the_graph_sees_our_modules_and_their_imports():
    graph = import_graph()
    assert "closher.accounts.middleware" in graph
    assert "services.help_points.models" in graph["services.help_points.finder"]
    assert "services.help_points" in graph["services.help_points.finder"]  # its package


def test_no_module_level_import_cycle():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_imports_inside_functions_are_only_the_allowed_few():
    assert function_level_imports() == set(FUNCTION_LEVEL_ALLOWED)
