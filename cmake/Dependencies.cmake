# Third-party dependencies, all from Debian packages (see scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# PCRE2's JIT finds rule captures on spans RE2 has matched (lib/src/rules/jit_capture.h).
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
# Hyperscan (Debian's vectorscan build) says which coreference and discovery
# patterns may occur in a sentence (lib/src/rules/presence_set.h).
pkg_check_modules(HS REQUIRED IMPORTED_TARGET libhs)
find_package(ICU 70 REQUIRED COMPONENTS uc i18n)
find_package(SQLite3 REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
# simdjson parses JSON Lines corpus lines first (lib/src/pipeline/corpus_line.h).
find_package(simdjson 3 CONFIG REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(LibXml2 REQUIRED)  # HTML parser, used by lib/src/html only
