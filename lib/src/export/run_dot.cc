// SVG through GraphViz: runs `dot -Tsvg` as a child process with the dot
// text on its standard input (docs/decisions/0003-svg-through-dot.md).
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "export/writers.h"

extern char** environ;

namespace newsgraph::exporter {

namespace {

// Closes the descriptors it holds on scope exit.
struct Fds {
  int fd[5] = {-1, -1, -1, -1, -1};  // input, out r/w, err r/w
  ~Fds() {
    for (int f : fd)
      if (f >= 0) close(f);
  }
  void Close(int i) {
    if (fd[i] >= 0) close(fd[i]);
    fd[i] = -1;
  }
};

Status WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(std::string("svg: ") + strerror(errno));
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

std::string FirstLine(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  return line.empty() ? "no message" : line;
}

}  // namespace

Result<std::string> RunDot(const std::string& program, const std::string& dot) {
  Fds fds;
  // The input lives in an anonymous memory file: the child reads it as its
  // standard input, and no pipe write can block or raise SIGPIPE.
  fds.fd[0] = memfd_create("newsgraph-dot", MFD_CLOEXEC);
  if (fds.fd[0] < 0)
    return Status::IoError(std::string("svg: memfd_create: ") +
                           strerror(errno));
  NEWSGRAPH_RETURN_IF_ERROR(WriteAll(fds.fd[0], dot));
  if (lseek(fds.fd[0], 0, SEEK_SET) != 0)
    return Status::IoError(std::string("svg: lseek: ") + strerror(errno));
  if (pipe2(fds.fd + 1, O_CLOEXEC) != 0 || pipe2(fds.fd + 3, O_CLOEXEC) != 0)
    return Status::IoError(std::string("svg: pipe: ") + strerror(errno));

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, fds.fd[2], 1);
  posix_spawn_file_actions_adddup2(&actions, fds.fd[4], 2);
  std::string arg0 = program;
  std::string arg1 = "-Tsvg";
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  pid_t pid = 0;
  int rc =
      posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    if (rc == ENOENT || rc == EACCES)
      return Status::NotFound(
          "svg: cannot run GraphViz's '" + program + "' (" + strerror(rc) +
          "); install graphviz (apt-get install graphviz) or export "
          "--format dot");
    return Status::IoError("svg: cannot run '" + program +
                           "': " + strerror(rc));
  }
  fds.Close(0);
  fds.Close(2);
  fds.Close(4);

  std::string out, err;
  pollfd p[2] = {{fds.fd[1], POLLIN, 0}, {fds.fd[3], POLLIN, 0}};
  int open = 2;
  char buf[65536];
  while (open > 0) {
    if (poll(p, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      ssize_t n = read(p[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        p[i].fd = -1;
        --open;
        continue;
      }
      (i == 0 ? out : err).append(buf, static_cast<size_t>(n));
    }
  }
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
    return Status::IoError("svg: '" + program + " -Tsvg' failed (" +
                           (WIFEXITED(wstatus)
                                ? "exit " + std::to_string(WEXITSTATUS(wstatus))
                                : std::string("killed")) +
                           "): " + FirstLine(err));
  if (out.empty())
    return Status::IoError("svg: '" + program + " -Tsvg' printed nothing");
  return out;
}

}  // namespace newsgraph::exporter
