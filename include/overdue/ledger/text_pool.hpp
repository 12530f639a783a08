// Text the ledger holds once instead of a std::string per row (issue #19, "the ledger refers, it
// does not copy"): invoice ids and the invoice ids payments name. A row keeps a 4-byte TextRef; the
// bytes sit back to back in blocks that never move, so a std::string_view of a text stays valid
// while more text is added (the invoice-id indexes view the ids while payments add theirs).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace overdue {

// A text in a TextPool. Index 0 is the empty text (what a default TextRef and add("") give).
struct TextRef {
  uint32_t index = 0;
  bool empty() const { return index == 0; }
};

class TextPool {
 public:
  TextPool() = default;
  // A move keeps the bytes where they are (views stay valid) and leaves `other` empty and usable.
  TextPool(TextPool&& other) noexcept { take(other); }
  TextPool& operator=(TextPool&& other) noexcept {
    if (this != &other) take(other);
    return *this;
  }
  // A copy adds the same texts in the same order, so every TextRef means the same text in it.
  TextPool(const TextPool& other) { copy_from(other); }
  TextPool& operator=(const TextPool& other) {
    if (this != &other) {
      TextPool fresh(other);
      *this = std::move(fresh);
    }
    return *this;
  }

  // Appends a copy of `text` (no search: equal texts added twice get two refs).
  TextRef add(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > capacity_ - used_) new_block(text.size());
    char* at = blocks_.back().get() + used_;
    std::memcpy(at, text.data(), text.size());
    used_ += text.size();
    views_.emplace_back(at, text.size());
    return {static_cast<uint32_t>(views_.size())};
  }
  std::string_view view(TextRef ref) const { return ref.index == 0 ? std::string_view() : views_[ref.index - 1]; }
  size_t size() const { return views_.size(); }   // texts added (the empty text not counted)
  void reserve(size_t texts) { views_.reserve(texts); }

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t capacity_ = 0;                  // bytes of the last block
  size_t used_ = 0;                      // of which used
  std::vector<std::string_view> views_;  // text k + 1, into blocks_

  void new_block(size_t at_least) {
    // A text longer than a block gets a block of its own size (the next text starts a new one).
    capacity_ = at_least > kBlockBytes ? at_least : kBlockBytes;
    blocks_.emplace_back(new char[capacity_]);
    used_ = 0;
  }
  void take(TextPool& other) noexcept {
    blocks_ = std::move(other.blocks_);
    views_ = std::move(other.views_);
    capacity_ = other.capacity_;
    used_ = other.used_;
    other.blocks_.clear();
    other.views_.clear();
    other.capacity_ = other.used_ = 0;
  }
  void copy_from(const TextPool& other) {
    views_.reserve(other.views_.size());
    for (std::string_view v : other.views_) add(v);
  }
};

}  // namespace overdue
