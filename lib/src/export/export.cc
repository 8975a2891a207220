// ParseExportFormat, RenderExport, ExportGraphText, WriteFileAtomically.
#include "newsgraph/export.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "export/writers.h"

namespace newsgraph {

Result<ExportFormat> ParseExportFormat(const std::string& name) {
  if (name == "dot") return ExportFormat::kDot;
  if (name == "svg") return ExportFormat::kSvg;
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "json") return ExportFormat::kJson;
  return Status::InvalidArgument("export: unknown format '" + name +
                                 "' (dot, svg, graphml or json)");
}

Result<std::string> RenderExport(const ExportGraph& g, ExportFormat format,
                                 const ExportOptions& options) {
  switch (format) {
    case ExportFormat::kGraphml:
      return exporter::WriteGraphml(g);
    case ExportFormat::kJson:
      return exporter::WriteJson(g);
    case ExportFormat::kDot:
    case ExportFormat::kSvg: {
      auto styles = exporter::Styles::Load(options.resource_dir);
      if (!styles.ok()) return styles.status();
      std::string dot = exporter::WriteDot(g, *styles);
      if (format == ExportFormat::kDot) return dot;
      return exporter::RunDot(options.dot_program, dot);
    }
  }
  return Status::Internal("export: unhandled format");
}

Result<std::string> ExportGraphText(GraphQuery& q, ExportFormat format,
                                    const ExportOptions& options) {
  auto g = LoadExportGraph(q, options);
  if (!g.ok()) return g.status();
  return RenderExport(*g, format, options);
}

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::random_device rd;
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 10 && fd < 0; ++attempt) {
    tmp = (dir /
           ("." + target.filename().string() + ".tmp-" + std::to_string(rd())))
              .string();
    fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0)
    return Status::IoError(path + ": cannot write: " + strerror(errno));
  auto fail = [&](const char* what) {
    Status st = Status::IoError(path + ": " + what + ": " + strerror(errno));
    close(fd);
    unlink(tmp.c_str());
    return st;
  };
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("write failed");
    done += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) return fail("fsync failed");
  if (close(fd) != 0) {
    Status st = Status::IoError(path + ": close failed: " + strerror(errno));
    unlink(tmp.c_str());
    return st;
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    Status st = Status::IoError(path + ": cannot replace: " + strerror(errno));
    unlink(tmp.c_str());
    return st;
  }
  return Status::Ok();
}

}  // namespace newsgraph
