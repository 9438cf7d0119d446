#pragma once
// Shared by the CLI tests: runs build/bin/planeval as a user would, through the shell.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace planeval::test {

/// Exit code and output (stderr merged into stdout) of one CLI run.
struct cli_result {
  int code;
  std::string out;
};

/// Runs `planeval ARGS` through the shell; `code` is -1 when the process did not exit normally.
inline cli_result run_cli(const std::string& args) {
  const std::string cmd = std::string(PLANEVAL_CLI) + " " + args + " 2>&1";
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

}  // namespace planeval::test
