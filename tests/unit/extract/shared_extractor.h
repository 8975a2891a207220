// The Extractor over the shipped resources, loaded once per test binary and
// shared by the extract tests (loading takes about a second).
#ifndef NEWSGRAPH_TESTS_UNIT_EXTRACT_SHARED_EXTRACTOR_H_
#define NEWSGRAPH_TESTS_UNIT_EXTRACT_SHARED_EXTRACTOR_H_

#include <memory>

#include <catch2/catch.hpp>

#include "newsgraph/extractor.h"

namespace newsgraph::testing {

inline const Extractor& SharedExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    ResourceOptions ro;
    ro.resource_dir = NEWSGRAPH_SOURCE_DIR;
    auto res = Resources::Load(ro);
    REQUIRE(res.ok());
    auto e = Extractor::Create(*res);
    REQUIRE(e.ok());
    return std::move(e).value();
  }();
  return *ex;
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_UNIT_EXTRACT_SHARED_EXTRACTOR_H_
