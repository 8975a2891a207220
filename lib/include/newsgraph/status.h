// Status and Result<T>: newsgraph's error values.
//
// The library never prints, exits or aborts on a user-caused error; it returns
// a Status (or a Result<T> carrying either a value or a Status). Messages read
// "<where>: <what>[; <hint>]", with "file:line" for data files.
#ifndef NEWSGRAPH_STATUS_H_
#define NEWSGRAPH_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace newsgraph {

// What kind of failure a Status describes; the CLI maps it to an exit code.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad user input: a flag, a query, a date
  kNotFound,         // a file or an entity that does not exist
  kDataError,        // bad content: invalid UTF-8, a malformed rule or JSON line
  kIoError,          // the operating system refused a read or a write
  kInternal,         // a broken invariant inside newsgraph
};

// The outcome of an operation. Cheap to copy when ok.
// Thread safety: immutable after construction.
class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) {
    return {StatusCode::kNotFound, std::move(m)};
  }
  static Status DataError(std::string m) {
    return {StatusCode::kDataError, std::move(m)};
  }
  static Status IoError(std::string m) {
    return {StatusCode::kIoError, std::move(m)};
  }
  static Status Internal(std::string m) {
    return {StatusCode::kInternal, std::move(m)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<prefix>: <message>".
  Status WithPrefix(const std::string& prefix) const {
    if (ok()) return *this;
    return Status(code_, prefix + ": " + message_);
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a T or a non-ok Status. Accessing value() of an error is a
// programming error (checked in debug builds by std::get).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be ok

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace newsgraph

// Returns early from the enclosing function if `expr` is a non-ok Status.
#define NEWSGRAPH_RETURN_IF_ERROR(expr)         \
  do {                                          \
    ::newsgraph::Status _ng_status = (expr);    \
    if (!_ng_status.ok()) return _ng_status;    \
  } while (0)

#endif  // NEWSGRAPH_STATUS_H_
