// SHA-256 (FIPS 180-4): the content hash that makes ingest idempotent.
#ifndef NEWSGRAPH_PIPELINE_SHA256_H_
#define NEWSGRAPH_PIPELINE_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::pipeline {

// Incremental SHA-256. Not thread-safe; cheap to create. On x86-64
// processors with the SHA extensions the blocks are compressed by them
// (about five times as fast), else by portable code; both give the same
// digests.
class Sha256 {
 public:
  // kPortable forces the portable code (tests compare the two).
  enum class Engine { kBest, kPortable };
  explicit Sha256(Engine engine = Engine::kBest);
  // Whether kBest uses the processor's SHA extensions here.
  static bool HasShaExtensions();
  void Update(std::string_view data);
  // Finishes and returns the 32-byte digest; the object is then spent.
  std::array<uint8_t, 32> Finish();

 private:
  // Compresses `blocks` consecutive 64-byte blocks.
  void Blocks(const uint8_t* p, size_t blocks);
  void BlocksPortable(const uint8_t* p, size_t blocks);
  std::array<uint32_t, 8> h_;
  [[maybe_unused]] bool sha_ni_ = false;  // read only on x86-64
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace newsgraph::pipeline

#endif  // NEWSGRAPH_PIPELINE_SHA256_H_
