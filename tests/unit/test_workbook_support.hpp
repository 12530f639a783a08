// Workbooks made at test time (issue #18): a Python snippet run with Debian's python3-xlsxwriter /
// python3-openpyxl writes the file, the test reads its bytes. Debian's modules live under
// /usr/bin/python3; a pyenv or venv python3 first on PATH may lack them (OL_PYTHON overrides).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace overdue::test {

inline std::string workbook_python() {
  if (const char* p = std::getenv("OL_PYTHON")) return p;
  return std::system("/usr/bin/python3 -c 'import xlsxwriter, openpyxl' 2>/dev/null") == 0 ? "/usr/bin/python3" : "python3";
}

// Runs `body` with `path` bound to the output file's name and returns the file's bytes ("" when
// the script failed: the caller's CHECKs on the content then fail).
inline std::string make_workbook(const std::string& name, const std::string& body) {
  static const std::string python = workbook_python();
  const std::string dir = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/ol_workbooks";
  std::system(("mkdir -p '" + dir + "'").c_str());
  const std::string path = dir + "/" + name, script = path + ".py";
  {
    std::ofstream out(script);
    out << "path = r'''" << path << "'''\n" << body << "\n";
  }
  std::remove(path.c_str());
  if (std::system((python + " '" + script + "'").c_str()) != 0) return "";
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace overdue::test
