#pragma once
// Shared by the CLI tests: runs build/bin/planeval as a user would, through the shell.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace planeval::test {

/// Exit code and output of one command run.
struct cli_result {
  int code;
  std::string out;
};

/// Runs a shell command; `out` is its standard output, `code` its exit code (-1 when the process
/// did not exit normally).
inline cli_result run_shell(const std::string& cmd) {
  cli_result r{0, {}};
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return {-1, "popen failed"};
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

/// Runs `planeval ARGS` through the shell, stderr merged into the output.
inline cli_result run(const std::string& args) {
  return run_shell(std::string(PLANEVAL_CLI) + " " + args + " 2>&1");
}

}  // namespace planeval::test
