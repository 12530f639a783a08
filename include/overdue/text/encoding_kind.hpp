// The text encodings a file can be read in (a file's detected encoding is part of its table).
#pragma once

namespace overdue {

// utf16le/utf16be: a UTF-16 file with a byte-order mark (or plainly UTF-16 without one), converted.
enum class Encoding { utf8, utf8_bom, gb18030, utf16le, utf16be };
const char* encoding_name(Encoding e);  // "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be"

}  // namespace overdue
