// Relations of the store seen from one of their ends.
#ifndef NEWSGRAPH_QUERY_LINK_H_
#define NEWSGRAPH_QUERY_LINK_H_

#include <cstdint>

#include "newsgraph/query.h"

namespace newsgraph::query {

// The relation `e` seen from entity `self` (its subject or its object):
// direction "out", "in" or "both" (a symmetric type), and the other end.
Link ToLink(const EdgeRecord& e, int64_t self);

}  // namespace newsgraph::query

#endif  // NEWSGRAPH_QUERY_LINK_H_
