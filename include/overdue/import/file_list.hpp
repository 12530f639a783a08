// A read-only list of imported files for the analysis functions (ledger, contacts, JSON, CSV,
// report): either a vector of the files themselves (the CLI) or a vector of pointers to files
// owned elsewhere (the page keeps each file with its loaded-file state; copying them into one
// vector to call the core doubled the page's heap at 1 M rows — issue #7).
#pragma once
#include <cstddef>
#include <iterator>
#include <vector>

#include "overdue/import/table.hpp"

namespace overdue {

class FileList {
 public:
  FileList() = default;   // no files
  // Implicit on purpose: every caller that has a std::vector<ImportedFile> passes it unchanged.
  // The list only views the vector: it must not outlive it (the functions taking one never keep it).
  FileList(const std::vector<ImportedFile>& files) : values_(files.data()), size_(files.size()) {}
  FileList(const std::vector<const ImportedFile*>& files) : pointers_(files.data()), size_(files.size()) {}

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const ImportedFile& operator[](size_t i) const { return values_ ? values_[i] : *pointers_[i]; }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ImportedFile;
    using difference_type = std::ptrdiff_t;
    using pointer = const ImportedFile*;
    using reference = const ImportedFile&;
    const_iterator(const FileList* list, size_t i) : list_(list), i_(i) {}
    reference operator*() const { return (*list_)[i_]; }
    pointer operator->() const { return &(*list_)[i_]; }
    const_iterator& operator++() { ++i_; return *this; }
    const_iterator operator++(int) { const_iterator old = *this; ++i_; return old; }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }
   private:
    const FileList* list_;
    size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

 private:
  const ImportedFile* values_ = nullptr;
  const ImportedFile* const* pointers_ = nullptr;
  size_t size_ = 0;
};

}  // namespace overdue
