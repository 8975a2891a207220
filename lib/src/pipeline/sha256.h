// SHA-256 (FIPS 180-4): the content hash that makes ingest idempotent.
#ifndef NEWSGRAPH_PIPELINE_SHA256_H_
#define NEWSGRAPH_PIPELINE_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::pipeline {

// Incremental SHA-256. Not thread-safe; cheap to create.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  // Finishes and returns the 32-byte digest; the object is then spent.
  std::array<uint8_t, 32> Finish();

 private:
  void Block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace newsgraph::pipeline

#endif  // NEWSGRAPH_PIPELINE_SHA256_H_
