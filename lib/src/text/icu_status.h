// The ICU adapter: turns ICU error codes into newsgraph Status values.
// Only the text module includes ICU headers.
#ifndef NEWSGRAPH_TEXT_ICU_STATUS_H_
#define NEWSGRAPH_TEXT_ICU_STATUS_H_

#include <unicode/utypes.h>

#include <string_view>

#include "newsgraph/status.h"

namespace newsgraph::text {

// Ok for U_SUCCESS(code) (warnings included); otherwise an Internal status
// whose message reads "<where>: ICU error <name>". `where` names the
// operation, e.g. "text: sentence break iterator".
Status IcuStatus(UErrorCode code, std::string_view where);

}  // namespace newsgraph::text

#endif  // NEWSGRAPH_TEXT_ICU_STATUS_H_
