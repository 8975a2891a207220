#!/usr/bin/env python3
"""Layering check (issue 6): fails when a header crosses a layer boundary.

  1. A public header (lib/include/newsgraph/*.h) includes anything but a C++
     standard header or another newsgraph/ header.
  2. The text half (lib/src/{base,text,dict,rules,extract,html,ontology})
     reaches a SQLite or Boost header.
  3. The graph half (lib/src/{store,query,export}) reaches an ICU or RE2
     header.

Rules 2 and 3 follow project includes transitively: a store file including
a text header that includes ICU breaks rule 3 too. Usage:
  layering.py SOURCE_DIR

Before checking SOURCE_DIR it checks a small tree with one violation of each
rule and fails unless all of them are reported (so the check cannot pass by
seeing nothing).
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)

# C++20 standard library headers and the C headers it carries as <cxxx>.
STD = set("""
algorithm any array atomic barrier bit bitset charconv chrono codecvt compare
complex concepts condition_variable coroutine deque exception execution
expected filesystem format forward_list fstream functional future
initializer_list iomanip ios iosfwd iostream istream iterator latch limits
list locale map memory memory_resource mutex new numbers numeric optional
ostream queue random ranges ratio regex scoped_allocator semaphore set
shared_mutex source_location span sstream stack stdexcept stop_token
streambuf string string_view syncstream system_error thread tuple
type_traits typeindex typeinfo unordered_map unordered_set utility valarray
variant vector version
cassert cctype cerrno cfenv cfloat cinttypes climits clocale cmath csetjmp
csignal cstdarg cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar
cwctype
""".split())

TEXT_HALF = ["base", "text", "dict", "rules", "extract", "html", "ontology"]
GRAPH_HALF = ["store", "query", "export"]
FORBIDDEN = {
    "text": (("sqlite3.h", "SQLite"), ("boost/", "Boost")),
    "graph": (("unicode/", "ICU"), ("re2/", "RE2"), ("pcre2.h", "PCRE2"),
              ("hs.h", "Hyperscan")),
}


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    # Drop comments so that an include mentioned in prose does not count.
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return [(m.group(1), m.group(2).strip()) for m in INCLUDE.finditer(text)]


class Tree:
    def __init__(self, src):
        self.roots = [os.path.join(src, "lib", "src"),
                      os.path.join(src, "lib", "include")]
        self.cache = {}

    def resolve(self, name, including_file):
        for base in [os.path.dirname(including_file)] + self.roots:
            cand = os.path.normpath(os.path.join(base, name))
            if os.path.isfile(cand):
                return cand
        return None

    def closure(self, path):
        """Every third-party (angle) include reachable from `path`, with the
        chain of project files that leads to it."""
        if path in self.cache:
            return self.cache[path]
        self.cache[path] = []  # cycles
        found = []
        for kind, name in includes(path):
            target = self.resolve(name, path) if kind == '"' else None
            if target is None and kind == "<":
                # <newsgraph/x.h> is a project header too.
                target = self.resolve(name, path) if name.startswith("newsgraph/") else None
            if target:
                for dep, chain in self.closure(target):
                    found.append((dep, [target] + chain))
            elif kind == "<":
                found.append((name, []))
            else:
                found.append((name, []))  # unresolved quoted include
        self.cache[path] = found
        return found


def files_under(d, exts=(".h", ".cc")):
    for root, _, names in os.walk(d):
        for n in sorted(names):
            if n.endswith(exts):
                yield os.path.join(root, n)


def check(src):
    """Returns the violations in the tree at `src` and the files checked."""
    tree = Tree(src)
    rel = lambda p: os.path.relpath(p, src)
    errors = []

    public = os.path.join(src, "lib", "include", "newsgraph")
    headers = sorted(files_under(public, (".h",)))
    if not headers:
        errors.append(f"{rel(public)}: no public headers found")
    for h in headers:
        with open(h, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        for lineno, line in enumerate(lines, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            name = m.group(2).strip()
            if name.startswith("newsgraph/") and os.path.isfile(
                    os.path.join(src, "lib", "include", name)):
                continue
            if m.group(1) == "<" and name in STD:
                continue
            errors.append(f"{rel(h)}:{lineno}: public header includes <{name}>;"
                          " only C++ standard and newsgraph/ headers are allowed")

    checked = 0
    for half, modules in (("text", TEXT_HALF), ("graph", GRAPH_HALF)):
        for module in modules:
            d = os.path.join(src, "lib", "src", module)
            if not os.path.isdir(d):
                continue
            for f in files_under(d):
                checked += 1
                for dep, chain in tree.closure(f):
                    for prefix, lib in FORBIDDEN[half]:
                        if dep == prefix or dep.startswith(prefix):
                            via = "".join(f" via {rel(c)}" for c in chain)
                            errors.append(
                                f"{rel(f)}: the {half} half reaches {lib} "
                                f"(<{dep}>){via}")
    if checked == 0:
        errors.append("lib/src: no module sources found")
    return sorted(set(errors)), len(headers), checked


def self_test():
    import tempfile
    files = {
        "lib/include/newsgraph/a.h": '#include <string>\n#include <re2/re2.h>\n',
        "lib/include/newsgraph/b.h": '#include "newsgraph/a.h"\n#include "x/y.h"\n',
        "lib/src/text/t.h": '#include <unicode/uchar.h>\n',
        "lib/src/dict/d.cc": '#include <boost/graph/adjacency_list.hpp>\n',
        "lib/src/rules/r.cc": '// #include <sqlite3.h> in a comment is fine\n',
        "lib/src/base/b.cc": '#include "store/s.h"\n',
        "lib/src/store/s.h": '#include <sqlite3.h>\n',
        "lib/src/store/s.cc": '#include "text/t.h"\n',
        "lib/src/query/q.cc": '#include <re2/set.h>\n',
    }
    want = [
        "lib/include/newsgraph/a.h:2: public header includes <re2/re2.h>",
        "lib/include/newsgraph/b.h:2: public header includes <x/y.h>",
        "lib/src/dict/d.cc: the text half reaches Boost",
        "lib/src/base/b.cc: the text half reaches SQLite (<sqlite3.h>) via lib/src/store/s.h",
        "lib/src/store/s.cc: the graph half reaches ICU (<unicode/uchar.h>) via lib/src/text/t.h",
        "lib/src/query/q.cc: the graph half reaches RE2",
    ]
    with tempfile.TemporaryDirectory() as d:
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(d, name)), exist_ok=True)
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
        errors, _, _ = check(d)
    ok = True
    for w in want:
        if not any(e.startswith(w) for e in errors):
            print(f"self-test: not reported: {w}", file=sys.stderr)
            ok = False
    if len(errors) != len(want):
        print(f"self-test: {len(errors)} reports, expected {len(want)}:",
              *errors, sep="\n  ", file=sys.stderr)
        ok = False
    return ok


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if not self_test():
        return 1
    errors, headers, checked = check(os.path.abspath(sys.argv[1]))
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        return 1
    print(f"layering: {headers} public headers and {checked} module files ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
