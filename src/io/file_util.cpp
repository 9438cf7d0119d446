// Whole-file reads and the atomic save (POSIX: open, write, fsync, rename).
#include "io/file_util.hpp"

#include "planeval/io/plan_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>

#include "detail/utf8.hpp"

namespace planeval::detail {
namespace {

[[noreturn]] void fail_io(errc code, const std::string& path, const std::string& what) {
  location loc;
  loc.file = path;
  throw io_error(code, what, loc);
}

std::string errno_text(int err) { return std::strerror(err); }

// An output stream buffer over a POSIX file descriptor. A failed write(2) makes every later
// operation fail, so the stream's badbit is set and the save is abandoned.
class fd_streambuf : public std::streambuf {
 public:
  explicit fd_streambuf(int fd) : fd_(fd) { setp(buf_.data(), buf_.data() + buf_.size()); }
  fd_streambuf(const fd_streambuf&) = delete;
  fd_streambuf& operator=(const fd_streambuf&) = delete;
  ~fd_streambuf() override = default;

  int error() const noexcept { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (error_ != 0) return false;
    const char* p = pbase();
    std::size_t n = static_cast<std::size_t>(pptr() - pbase());
    while (n > 0) {
      const ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += w;
      n -= static_cast<std::size_t>(w);
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return true;
  }

  int fd_;
  int error_ = 0;
  std::array<char, 1 << 16> buf_{};
};

std::atomic<unsigned> temp_counter{0};

std::pair<std::string, std::string> split_path(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return {".", path};
  return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

}  // namespace

void open_file(std::ifstream& in, const std::string& path) {
  in.open(path, std::ios::binary);
  if (!in) fail_io(errc::io_open, path, "cannot open file for reading");
}

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail_io(errc::io_open, path, "cannot open file for reading");
  return read_stream(in, path, max_bytes);
}

std::string read_file_head(const std::string& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail_io(errc::io_open, path, "cannot open file for reading");
  std::string out(n, '\0');
  in.read(out.data(), static_cast<std::streamsize>(n));
  if (in.bad()) fail_io(errc::io_read, path, "reading failed");
  out.resize(static_cast<std::size_t>(in.gcount()));
  return out;
}

std::string read_stream(std::istream& in, const std::string& source, std::uint64_t max_bytes) {
  std::string out;
  std::array<char, 1 << 16> chunk{};
  while (in && out.size() <= max_bytes) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    out.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) fail_io(errc::io_read, source, "reading failed");
  if (out.size() > max_bytes) {
    location loc;
    loc.file = source;
    throw format_error(
        errc::limit_input_size,
        "the input has more than " + std::to_string(max_bytes) + " bytes (the limit)", loc);
  }
  return out;
}

void set_line_column(std::string_view text, std::size_t offset, location& loc) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  loc.line = line;
  loc.column = column_of_byte(text.substr(line_start), offset - line_start);
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           const streambuf_wrapper& wrap) {
  if (path.empty()) fail_io(errc::io_open, path, "empty file name");
  const auto [dir, name] = split_path(path);
  if (name.empty()) fail_io(errc::io_open, path, "the path names a folder, not a file");

  // A fresh name next to the target; O_EXCL never reuses a file another process is writing.
  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = (dir == "/" ? "" : dir) + "/." + name + ".tmp-" + std::to_string(::getpid()) + "-" +
           std::to_string(temp_counter.fetch_add(1));
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0)
    fail_io(errc::io_open, path,
            "cannot create a temporary file in '" + dir + "': " + errno_text(errno));

  // Keep the permissions of the file being replaced.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) (void)::fchmod(fd, st.st_mode & 07777);

  auto abandon = [&] {
    if (fd >= 0) ::close(fd);
    fd = -1;
    ::unlink(temp.c_str());
  };
  try {
    fd_streambuf file_buf(fd);
    std::unique_ptr<std::streambuf> wrapped = wrap ? wrap(&file_buf) : nullptr;
    std::ostream out(wrapped ? wrapped.get() : &file_buf);
    write(out);
    out.flush();
    if (!out || file_buf.pubsync() != 0) {
      const int err = file_buf.error();
      fail_io(errc::io_write, path,
              "writing the temporary file failed" + (err ? ": " + errno_text(err) : std::string()));
    }
    if (::fsync(fd) != 0) fail_io(errc::io_write, path, "fsync failed: " + errno_text(errno));
    const int closed = ::close(fd);
    fd = -1;
    if (closed != 0) fail_io(errc::io_write, path, "close failed: " + errno_text(errno));
    if (::rename(temp.c_str(), path.c_str()) != 0)
      fail_io(errc::io_write, path,
              "cannot rename the temporary file over the target: " + errno_text(errno));
  } catch (const io_error& e) {
    abandon();
    if (!e.where().file.empty()) throw;
    location loc = e.where();
    loc.file = path;
    throw io_error(e.code(), e.message(), loc);
  } catch (...) {
    abandon();
    throw;
  }
  // Make the rename itself durable (best effort: some file systems refuse fsync on folders).
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace planeval::detail

namespace planeval {

void save_file_atomically(const std::string& path,
                          const std::function<void(std::ostream&)>& write) {
  detail::write_file_atomically(path, write);
}

}  // namespace planeval
