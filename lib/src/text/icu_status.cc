#include "text/icu_status.h"

#include <string>

namespace newsgraph::text {

Status IcuStatus(UErrorCode code, std::string_view where) {
  if (U_SUCCESS(code)) return Status::Ok();
  std::string message(where);
  message += ": ICU error ";
  message += u_errorName(code);
  if (code == U_MISSING_RESOURCE_ERROR || code == U_FILE_ACCESS_ERROR) {
    message += "; is the ICU data library (libicudata) installed?";
  }
  return Status::Internal(std::move(message));
}

}  // namespace newsgraph::text
