#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang, ASan and UBSan in build/fuzz,
# then runs each for SECONDS, one job at a time, and prints per target: executions, exec/s,
# crashes. Exits non-zero when any target crashed, leaked, hit undefined behaviour, timed out
# on one input or went over the memory limit (the input is kept in build/fuzz/artifacts/).
#
# usage: scripts/fuzz.sh SECONDS [TARGET[=SECONDS] ...]
#   scripts/fuzz.sh 20                              every target, 20 s each (CI)
#   scripts/fuzz.sh 60 fuzz_csv_scanner=300         every target 60 s, the scanner 300 s
#   scripts/fuzz.sh 0 fuzz_money=30                 only the money parser (0 = skip the others)
# New inputs that found coverage go to build/fuzz/corpus/<target> (kept between runs); the seeds
# in tests/fuzz/corpus/<target> are read, never written. Reproduce a crash with
#   build/fuzz/<target> build/fuzz/artifacts/<target>/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET[=SECONDS] ...]}
shift
declare -A override=()
for a in "$@"; do
  name=${a%%=*}
  if [ "$name" = "$a" ]; then override[$name]=$seconds; else override[$name]=${a#*=}; fi
done

# Longest input per target: cells are short, files a few KiB (longer inputs only slow the
# search down; the streaming paths beyond 64 KiB are reached by repetition inside the targets).
declare -A max_len=([fuzz_csv_scanner]=2048 [fuzz_csv_import]=4096 [fuzz_inspect]=4096
                    [fuzz_encoding]=4096 [fuzz_money]=64 [fuzz_date]=64 [fuzz_settings]=8192
                    [fuzz_analyze]=8192 [fuzz_zip]=8192 [fuzz_workbook_xml]=16384
                    [fuzz_xml_scanner]=4096)

build=build/fuzz
command -v clang++ >/dev/null || { echo "fuzz: clang++ not found (scripts/setup.sh installs clang)" >&2; exit 1; }
t_build=$(date +%s)
CC=clang CXX=clang++ cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release -DOL_FUZZ=ON >/dev/null
cmake --build $build -j2 --target fuzz_targets
echo "fuzz: build took $(( $(date +%s) - t_build )) s"

# fuzz_zip's seeds are made here rather than kept as binaries: small zips from Python's zipfile
# (stored, deflate, data descriptors, zip64 local headers, a comment) and a minimal compound file.
zip_seeds=$build/seeds/fuzz_zip
mkdir -p "$zip_seeds"
python3 - "$zip_seeds" <<'PY'
import io, struct, sys, zipfile
out = sys.argv[1]
rows = b''.join(b'<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>' % (i, i, i % 7) for i in range(1, 60))
def save(name, data): open(out + '/' + name, 'wb').write(data)
b = io.BytesIO()
with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types><Default Extension="xml"/></Types>')
    z.writestr(zipfile.ZipInfo('xl/workbook.xml'), '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/worksheets/sheet1.xml', b'<worksheet><sheetData>' + rows + b'</sheetData></worksheet>')
    z.comment = b'seed'
save('xlsx_like.zip', b.getvalue())
class Unseekable(io.RawIOBase):
    def __init__(self): self.buf = bytearray()
    def writable(self): return True
    def write(self, data): self.buf += data; return len(data)
u = Unseekable()
with zipfile.ZipFile(u, 'w', zipfile.ZIP_DEFLATED) as z:
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f: f.write(rows)
    z.writestr('a.txt', 'x' * 300)
save('descriptors_zip64.zip', bytes(u.buf))
b = io.BytesIO()
z = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)
z.writestr('xl/sharedStrings.xml', b'<sst>' + b'<si><t>Paid</t></si>' * 40 + b'</sst>')
z.writestr('b.txt', 'b')
zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = 1, 1  # zip64 directory fields and end record
z.close()
save('zip64_directory.zip', b.getvalue())
def entry(name, kind, child=0xFFFFFFFF, right=0xFFFFFFFF):
    n = name.encode('utf-16-le') + b'\0\0'
    return (n.ljust(64, b'\0') + struct.pack('<HBB3I', len(n), kind, 1, 0xFFFFFFFF, right, child)).ljust(116, b'\0') + struct.pack('<IQ', 0xFFFFFFFE, 0)
header = (b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 16 + struct.pack('<5H6xIIIIIIIII', 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
          + struct.pack('<I', 0) + b'\xff' * 4 * 108)
fat = struct.pack('<3I', 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFF).ljust(512, b'\xff')
directory = (entry('Root Entry', 5, child=1) + entry('Workbook', 2, right=2) + entry('EncryptionInfo', 2)).ljust(512, b'\0')
save('compound.xls', header + fat + directory)
PY

# Small quarantine: the targets allocate and free a lot, and the default 256 MB of never-reused
# memory made half of each run page faults. Use-after-free is still caught within 32 MB.
export ASAN_OPTIONS=quarantine_size_mb=32:detect_leaks=1:allocator_may_return_null=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

failed=0
summary=()
for bin in $build/fuzz_*; do
  [ -x "$bin" ] && [ -f "$bin" ] || continue
  t=$(basename "$bin")
  if [ ${#override[@]} -gt 0 ] && [ -n "${override[$t]:-}" ]; then s=${override[$t]}; else s=$seconds; fi
  [ "$s" -gt 0 ] || continue
  work=$build/corpus/$t
  artifacts=$build/artifacts/$t
  mkdir -p "$work" "$artifacts"
  seeds=()
  [ -d tests/fuzz/corpus/$t ] && seeds+=(tests/fuzz/corpus/$t)
  [ -d $build/seeds/$t ] && seeds+=($build/seeds/$t)
  log=$build/$t.log
  echo "fuzz: $t for $s s (max_len ${max_len[$t]:-4096})"
  set +e
  "$bin" "$work" "${seeds[@]}" -max_total_time="$s" -max_len="${max_len[$t]:-4096}" -rss_limit_mb=2048 \
    -timeout=30 -jobs=0 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  if [ -z "$execs" ]; then  # no final stats after a crash: the last progress line
    execs=$(grep -o '^#[0-9]*' "$log" | tail -n 1 | tr -d '#' || true)
  fi
  crashes=$(grep -c -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|FUZZ_CHECK failed' "$log" || true)
  [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ] && crashes=1
  line=$(printf '%-18s %12s execs %8s exec/s %3s crashes' "$t" "${execs:-?}" "${rate:-?}" "$crashes")
  summary+=("$line")
  echo "fuzz: $line"
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    grep -m 5 -E 'ERROR:|runtime error:|FUZZ_CHECK failed|SUMMARY' "$log" | sed 's/^/fuzz:   /' || true
    echo "fuzz:   full log: $log; inputs: $(ls "$artifacts" | tr '\n' ' ')"
  fi
done
echo "fuzz: summary"
for l in "${summary[@]}"; do echo "  $l"; done
[ "$failed" -eq 0 ] || { echo "fuzz: FAILED" >&2; exit 1; }
echo "fuzz: no crash, leak, UB report or timeout"
