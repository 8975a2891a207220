// Checks of the input reader (issue 8): documents over
// InputOptions::max_doc_bytes are reported with their file (and line) and
// skipped, the rest of the input is read; binary files are reported.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "newsgraph/input.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

struct Dir {
  Dir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("newsgraph-limit-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(path / name, std::ios::binary) << content;
    return (path / name).string();
  }
  fs::path path;
};

struct Read {
  std::vector<std::string> ids;
  std::vector<InputProblem> problems;
  Status status;
};

Read ReadWith(const std::string& file, size_t max_bytes) {
  Read r;
  InputOptions o;
  o.max_doc_bytes = max_bytes;
  r.status = ReadDocuments(
      file,
      [&](Document&& d) {
        r.ids.push_back(d.id);
        return Status::Ok();
      },
      &r.problems, o);
  return r;
}

TEST_CASE("The default document cap is 16 MiB", "[input]") {
  CHECK(InputOptions().max_doc_bytes == 16u * 1024 * 1024);
}

TEST_CASE("A JSON Lines line over the cap is reported and skipped",
          "[input]") {
  Dir dir;
  const std::string big = "{\"id\":\"b\",\"text\":\"" + std::string(200, 'x') + "\"}";
  const std::string file = dir.Write(
      "c.jsonl", "{\"id\":\"a\",\"text\":\"short\"}\n" + big +
                     "\n{\"id\":\"c\",\"text\":\"also short\"}\n");
  Read r = ReadWith(file, 100);
  CHECK(r.status.ok());
  CHECK(r.ids == std::vector<std::string>{"a", "c"});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].where == file + ":2");
  CHECK(r.problems[0].message ==
        file + ":2: document too large (" + std::to_string(big.size()) +
            " bytes; the limit is 100 bytes)");
  // A line exactly at the cap passes; 0 means no limit.
  CHECK(ReadWith(file, big.size()).ids.size() == 3);
  CHECK(ReadWith(file, 0).problems.empty());
}

TEST_CASE("JSON Lines are streamed: long lines across read chunks", "[input]") {
  // Lines longer than the 1 MiB read chunk, padded with spaces (the cap
  // applies to the trimmed line), CRLF line ends, no final newline.
  Dir dir;
  auto line = [](const std::string& id, size_t text_bytes) {
    return "{\"id\":\"" + id + "\",\"text\":\"" + std::string(text_bytes, 'x') + "\"}";
  };
  const std::string big = line("big", 3 << 20);           // over the cap
  const std::string padded = line("padded", 1 << 20);     // under it
  const std::string content = line("a", 10) + "\r\n" + big + "   \r\n" +
                              std::string(2 << 20, ' ') + padded +
                              std::string(2 << 20, ' ') + "\r\n\r\n" +
                              line("last", 5);
  const std::string file = dir.Write("s.jsonl", content);
  const size_t cap = (1 << 20) + 100;
  Read r = ReadWith(file, cap);
  CHECK(r.status.ok());
  CHECK(r.ids == std::vector<std::string>{"a", "padded", "last"});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].where == file + ":2");
  CHECK(r.problems[0].message ==
        file + ":2: document too large (" + std::to_string(big.size()) +
            " bytes; the limit is " + std::to_string(cap) + " bytes)");
  // Unlimited, every line is a document.
  CHECK(ReadWith(file, 0).ids.size() == 4);
}

TEST_CASE("A text or HTML file over the cap is reported and not read",
          "[input]") {
  Dir dir;
  for (const char* name : {"page.txt", "page.html"}) {
    INFO(name);
    const std::string file =
        dir.Write(name, "<html><body><p>" + std::string(300, 'y') +
                            "</p></body></html>\n");
    Read r = ReadWith(file, 64);
    CHECK_FALSE(r.status.ok());
    CHECK(r.ids.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == file);
    CHECK(r.problems[0].message == file + ": document too large (" +
                                       std::to_string(fs::file_size(file)) +
                                       " bytes; the limit is 64 bytes)");
    Read all = ReadWith(file, 1 << 20);
    CHECK(all.status.ok());
    CHECK(all.ids.size() == 1);
  }
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

TEST_CASE("A text file with a NUL byte is reported as binary", "[input]") {
  Dir dir;
  const std::string bin =
      dir.Write("blob.txt", std::string("Acme\0\x01\x02 more", 13));
  Read r = ReadWith(bin, 0);
  CHECK_FALSE(r.status.ok());
  CHECK(r.ids.empty());
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message ==
        bin + ": binary data (a NUL byte at byte 4), not a text file");
  // UTF-16 with a byte-order mark goes on to the extractor, which names it.
  const std::string u16 = dir.Write("u16.txt", std::string("\xFF\xFEH\0i\0", 6));
  Read u = ReadWith(u16, 0);
  CHECK(u.problems.empty());
  CHECK(u.ids == std::vector<std::string>{"u16.txt"});
}

// A feed that sends one line, pauses until the reader has handed that
// line over and called on_idle (or 30 s went by: a reader waiting for a
// full buffer never does), then sends a second line and ends. `path` is
// read; `open_writer` gives the file descriptor the feed writes to.
struct Feed {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> ids;
  int idle_after_first = 0;  // on_idle calls once a document was handed over
  bool paused_after_first = false;  // the pause saw both
  bool stop_writing = false;        // the reader returned
  std::vector<InputProblem> problems;
  Status status;

  void Run(const std::string& path, const std::function<int()>& open_writer,
           const std::function<Status()>& extra_idle = nullptr) {
    std::thread writer([&] {
      const int fd = open_writer();
      auto put = [fd](const std::string& line) {
        return ::write(fd, line.data(), line.size()) ==
               ssize_t(line.size());
      };
      bool sent = put("{\"id\":\"a\",\"text\":\"x\"}\n");
      {
        std::unique_lock<std::mutex> lock(mu);
        paused_after_first = cv.wait_for(lock, std::chrono::seconds(30), [&] {
          return stop_writing || (ids.size() == 1 && idle_after_first > 0);
        }) && !stop_writing;
      }
      if (sent && !stop_writing) put("{\"id\":\"b\",\"text\":\"y\"}\n");
      ::close(fd);
    });
    InputOptions o;
    o.on_idle = [&]() -> Status {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (!ids.empty()) ++idle_after_first;
      }
      cv.notify_all();
      return extra_idle ? extra_idle() : Status::Ok();
    };
    status = ReadDocuments(
        path,
        [&](Document&& d) {
          {
            std::lock_guard<std::mutex> lock(mu);
            ids.push_back(d.id);
          }
          cv.notify_all();
          return Status::Ok();
        },
        &problems, o);
    {
      std::lock_guard<std::mutex> lock(mu);
      stop_writing = true;
    }
    cv.notify_all();
    writer.join();
  }
};

// A named pipe "feed.jsonl" in `dir`.
std::string MakeFifo(const Dir& dir) {
  const std::string fifo = (dir.path / "feed.jsonl").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  return fifo;
}

TEST_CASE("JSON Lines from a named pipe are read as the lines arrive",
          "[input][stream]") {
  Dir dir;
  const std::string fifo = MakeFifo(dir);
  Feed feed;
  feed.Run(fifo, [&] { return ::open(fifo.c_str(), O_WRONLY); });
  CHECK(feed.status.ok());
  CHECK(feed.paused_after_first);
  CHECK(feed.ids == std::vector<std::string>{"a", "b"});
  CHECK(feed.problems.empty());
}

TEST_CASE("JSON Lines on standard input are read as the lines arrive",
          "[input][stream]") {
  int p[2];
  REQUIRE(::pipe(p) == 0);
  const int saved = ::dup(STDIN_FILENO);
  REQUIRE(saved >= 0);
  REQUIRE(::dup2(p[0], STDIN_FILENO) == STDIN_FILENO);
  ::close(p[0]);
  Feed feed;
  feed.Run("-", [&] { return p[1]; });
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  CHECK(feed.status.ok());
  CHECK(feed.paused_after_first);
  CHECK(feed.ids == std::vector<std::string>{"a", "b"});
}

TEST_CASE("A failing on_idle stops the reading and is returned",
          "[input][stream]") {
  Dir dir;
  const std::string fifo = MakeFifo(dir);
  Feed feed;
  int calls = 0;
  feed.Run(
      fifo, [&] { return ::open(fifo.c_str(), O_WRONLY); },
      [&]() -> Status {
        // Fails at the pause after the first line.
        std::lock_guard<std::mutex> lock(feed.mu);
        ++calls;
        return feed.ids.empty() ? Status::Ok()
                                : Status::IoError("store: disk full");
      });
  CHECK(feed.status.code() == StatusCode::kIoError);
  CHECK(feed.status.message() == "store: disk full");
  CHECK(feed.ids == std::vector<std::string>{"a"});
  CHECK(feed.problems.empty());
  CHECK(calls >= 1);
}

TEST_CASE("A regular file is never idle", "[input][stream]") {
  Dir dir;
  std::string file = dir.Write("c.jsonl",
                               "{\"id\":\"a\",\"text\":\"x\"}\n"
                               "{\"id\":\"b\",\"text\":\"y\"}\n");
  int idle = 0;
  InputOptions o;
  o.on_idle = [&] {
    ++idle;
    return Status::Ok();
  };
  std::vector<std::string> ids;
  std::vector<InputProblem> problems;
  Status st = ReadDocuments(
      file,
      [&](Document&& d) {
        ids.push_back(d.id);
        return Status::Ok();
      },
      &problems, o);
  CHECK(st.ok());
  CHECK(ids == std::vector<std::string>{"a", "b"});
  CHECK(idle == 0);
}

}  // namespace
}  // namespace newsgraph
